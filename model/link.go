package model

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/url"
	"strconv"
	"strings"
)

// Share links carry a scenario in the URL fragment, which never reaches a
// server: "#s=<version>.<payload>", the payload being the scenario's JSON
// without the values equal to their defaults, raw-deflated and base64url
// encoded. Every version ever written stays readable: LinkVersion is what
// this code writes, and linkReaders migrate older payloads.

// LinkVersion is the share-link format this code writes.
const LinkVersion = 2

// Limits on what a link may carry.
const (
	maxLinkLength   = 1 << 20  // characters of the fragment
	maxLinkInflated = 64 << 20 // bytes of JSON after inflating (decompression bombs)
)

// linkReader returns the migration that turns the JSON of a link version
// into a current scenario document, or false for a version never written.
// Version 2 is the current format; a version 3 adds its case here and the
// older ones gain a step that rewrites their documents.
func linkReader(version int) (func([]byte) ([]byte, error), bool) {
	switch version {
	case 1:
		return fromLinkVersion1, true
	case 2:
		return func(doc []byte) ([]byte, error) { return doc, nil }, true
	}
	return nil, false
}

// fromLinkVersion1 restores the defaults version 1 links left out and
// version 2 changed: a function's p99 target was 500 ms (now its class's)
// and its cold-start method the rate given (now the keep-alive model).
func fromLinkVersion1(doc []byte) ([]byte, error) {
	var tree map[string]any
	if err := json.Unmarshal(doc, &tree); err != nil {
		return nil, err
	}
	fns, _ := tree["functions"].([]any)
	for _, f := range fns {
		m, ok := f.(map[string]any)
		if !ok {
			continue
		}
		if _, ok := m["target_p99_latency_ms"]; !ok {
			m["target_p99_latency_ms"] = 500.0
		}
		if _, ok := m["cold_start_method"]; !ok {
			m["cold_start_method"] = ColdStartReference
		}
	}
	return json.Marshal(tree)
}

// EncodeLink returns the fragment ("s=1.…", without "#") that carries s.
func EncodeLink(s *Scenario) (string, error) {
	prefix, doc, err := LinkDocument(s)
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	w, err := flate.NewWriter(&buf, flate.BestCompression)
	if err != nil {
		return "", err
	}
	if _, err := w.Write(doc); err != nil {
		return "", err
	}
	if err := w.Close(); err != nil {
		return "", err
	}
	return prefix + base64.RawURLEncoding.EncodeToString(buf.Bytes()), nil
}

// LinkDocument returns the two parts of s's link before compression: the
// fragment's prefix ("s=1.") and the document to raw-deflate and append in
// base64url. A browser compresses with its own deflate (CompressionStream),
// so app.wasm carries no compressor; DecodeLink reads either.
func LinkDocument(s *Scenario) (prefix string, doc []byte, err error) {
	full, err := json.Marshal(s)
	if err != nil {
		return "", nil, err
	}
	prefix, doc = LinkDocumentOf(full, nil)
	return prefix, doc, nil
}

// LinkDocumentOf is LinkDocument of a scenario given as its JSON (as
// json.Marshal writes it), for a caller that has written it already; pace,
// when set, is called after each function.
func LinkDocumentOf(scenarioJSON []byte, pace func()) (prefix string, doc []byte) {
	return "s=" + strconv.Itoa(LinkVersion) + ".", compactScenario(scenarioJSON, pace)
}

// LinkURL returns base with the scenario's fragment.
func LinkURL(base string, s *Scenario) (string, error) {
	fragment, err := EncodeLink(s)
	if err != nil {
		return "", err
	}
	if i := strings.IndexByte(base, '#'); i >= 0 {
		base = base[:i]
	}
	return base + "#" + fragment, nil
}

// HasLink reports whether a URL or fragment carries a scenario.
func HasLink(urlOrFragment string) bool {
	_, ok := linkPayload(urlOrFragment)
	return ok
}

// linkPayload finds "s=…" in a URL, a "#…" fragment or a bare fragment,
// percent-encoded or not (some mail and chat clients encode fragments).
func linkPayload(v string) (string, bool) {
	if i := strings.IndexByte(v, '#'); i >= 0 {
		v = v[i+1:]
	}
	if strings.Contains(v, "%") {
		if unescaped, err := url.PathUnescape(v); err == nil {
			v = unescaped
		}
	}
	for _, part := range strings.Split(v, "&") {
		if p, ok := strings.CutPrefix(part, "s="); ok {
			return p, true
		}
	}
	return "", false
}

// inflateChunk is how much of a link inflate writes between calls of pace.
const inflateChunk = 256 << 10

// inflate decompresses a link's DEFLATE data, at most limit bytes, calling
// pace (when set) after each inflateChunk.
func inflate(compressed []byte, limit int, pace func()) ([]byte, error) {
	r := flate.NewReader(bytes.NewReader(compressed))
	doc := make([]byte, 0, min(limit, inflateChunk))
	for next := inflateChunk; len(doc) < limit; {
		if len(doc) == cap(doc) {
			doc = append(doc, 0)[:len(doc)]
		}
		n, err := r.Read(doc[len(doc):min(cap(doc), limit)])
		doc = doc[:len(doc)+n]
		switch {
		case err == io.EOF:
			return doc, nil
		case err != nil:
			return nil, err
		case len(doc) >= next && pace != nil:
			pace()
			next += inflateChunk
		}
	}
	return doc, nil
}

// DecodeLink reads the scenario of a share link (a URL, "#s=…" or "s=…").
// Damaged, truncated, oversized, unknown-version and invalid links give
// problems that say what is wrong; nothing here panics.
func DecodeLink(urlOrFragment string) (*Scenario, Problems) {
	return DecodeLinkWith(urlOrFragment, ReadOptions{})
}

// DecodeLinkWith is DecodeLink as opts say.
func DecodeLinkWith(urlOrFragment string, opts ReadOptions) (*Scenario, Problems) {
	fail := func(msg string) (*Scenario, Problems) { return nil, Problems{{Path: "link", Message: msg}} }
	if len(urlOrFragment) > maxLinkLength {
		return fail("the link is longer than " + strconv.Itoa(maxLinkLength>>10) + " KiB")
	}
	payload, ok := linkPayload(urlOrFragment)
	if !ok {
		return fail("the link carries no scenario (no #s=…)")
	}
	if unescaped, err := url.PathUnescape(payload); err == nil {
		payload = unescaped
	}
	versionText, data, ok := strings.Cut(payload, ".")
	version, err := strconv.Atoi(versionText)
	if !ok || err != nil {
		return fail("the link is damaged: it has no version")
	}
	reader, known := linkReader(version)
	if !known {
		if version > LinkVersion {
			return fail("the link was made by a newer planner (format " + versionText + "); this one reads formats up to " + strconv.Itoa(LinkVersion))
		}
		return fail("the link's format " + versionText + " is unknown")
	}
	compressed, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(data, "="))
	if err != nil {
		return fail("the link is damaged: it is not valid base64url (was it cut short or changed?)")
	}
	limit := maxLinkInflated
	if opts.MaxBytes > 0 {
		limit = min(limit, opts.MaxBytes)
	}
	doc, err := inflate(compressed, limit+1, opts.Pace)
	switch {
	case err != nil:
		return fail("the link is damaged: its data does not decompress (was it cut short?)")
	case len(doc) > limit && limit < maxLinkInflated:
		return fail(tooLarge(limit))
	case len(doc) > limit:
		return fail("the link expands beyond " + strconv.Itoa(limit>>20) + " MiB and was refused")
	}
	doc, err = reader(doc)
	if err != nil {
		return fail("the link could not be read: " + err.Error())
	}
	if msg, over := opts.tooManyFunctions(doc); over {
		return fail(msg)
	}
	s, probs := ParseScenarioWith(doc, ReadOptions{Pace: opts.Pace})
	if len(probs) > 0 {
		for i := range probs {
			probs[i].Message = "in the linked scenario: " + probs[i].Message
		}
		return nil, probs
	}
	return s, nil
}
