package deploy

import "testing"

// Template sequences are doubled, quotes and backslashes escaped, control
// characters written as \u escapes.
func TestHCLString(t *testing.T) {
	if got := hclString(`${x} %{y} $ % "q" \ ` + "\n\x01"); got != `"$${x} %%{y} $ % \"q\" \\ \n\u0001"` {
		t.Errorf("hclString = %s", got)
	}
}
