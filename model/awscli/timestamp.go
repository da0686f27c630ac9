package awscli

import (
	"encoding/json"
	"errors"
	"math"
	"strconv"
	"strings"
	"time"
)

// timeLayouts are the ISO 8601 forms the AWS CLI prints: RFC 3339, and the
// Lambda API's offset without a colon, with or without fractions.
var timeLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999-0700", "2006-01-02T15:04:05Z0700"}

// ParseTime reads an AWS CLI timestamp: ISO 8601 or epoch seconds.
func ParseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range timeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	if secs, err := strconv.ParseFloat(s, 64); err == nil && secs >= 0 && secs < 1<<40 {
		whole, frac := math.Modf(secs)
		return time.Unix(int64(whole), int64(frac*1e9)).UTC(), nil
	}
	return time.Time{}, errors.New("not a timestamp (ISO 8601 or epoch seconds): " + strconv.Quote(s))
}

// Timestamp is a time read from a JSON string or number.
type Timestamp struct{ time.Time }

// UnmarshalJSON reads "2024-09-29T22:10:00+00:00", "…+0000" or 1561571888.361.
func (t *Timestamp) UnmarshalJSON(data []byte) error {
	text := string(data)
	if s, err := strconv.Unquote(text); err == nil {
		text = s
	}
	v, err := ParseTime(text)
	if err != nil {
		return err
	}
	t.Time = v
	return nil
}

// MarshalJSON writes the time as RFC 3339.
func (t Timestamp) MarshalJSON() ([]byte, error) { return json.Marshal(t.Time.Format(time.RFC3339)) }
