package app

import "testing"

func TestPathRoundTrip(t *testing.T) {
	for _, p := range []path{
		{}, path{}.key("name"), path{}.key("functions").at(12).key("traffic_profile").at(3),
		path{}.key("compliance").key("additional_services").at(0).key("monthly_cost"),
	} {
		if got := parsePath(p.String()); got.String() != p.String() || len(got) != len(p) {
			t.Errorf("%q read back as %q", p.String(), got.String())
		}
	}
}
