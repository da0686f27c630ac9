package cli

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSiteHandlerAppliesNetlifyHeaders(t *testing.T) {
	toml, err := os.ReadFile("../../netlify.toml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "index.html"), []byte("<!doctype html>"), 0o644)
	os.WriteFile(filepath.Join(dir, "app-worker.js"), []byte("//"), 0o644)
	os.MkdirAll(filepath.Join(dir, "v", "abc", "web"), 0o755)
	os.WriteFile(filepath.Join(dir, "v", "abc", "web", "app.wasm"), []byte("\x00asm"), 0o644)
	h, err := SiteHandler(dir, toml)
	if err != nil {
		t.Fatal(err)
	}
	get := func(path string) http.Header {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		if rec.Code != 200 {
			t.Fatalf("%s: status %d", path, rec.Code)
		}
		return rec.Header()
	}
	page := get("/")
	csp := page.Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'self'", "'wasm-unsafe-eval'", "object-src 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP lacks %s: %q", want, csp)
		}
	}
	if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "http") {
		t.Errorf("CSP allows inline code or another origin: %q", csp)
	}
	if page.Get("X-Content-Type-Options") != "nosniff" || page.Get("Referrer-Policy") != "no-referrer" {
		t.Errorf("headers %v", page)
	}
	if !strings.Contains(page.Get("Cache-Control"), "must-revalidate") {
		t.Errorf("page cache %q", page.Get("Cache-Control"))
	}
	if got := get("/v/abc/web/app.wasm"); !strings.Contains(got.Get("Cache-Control"), "immutable") || got.Get("Content-Type") != "application/wasm" {
		t.Errorf("versioned asset: %v", got)
	}
	if got := get("/app-worker.js").Get("Cache-Control"); got != "no-cache" {
		t.Errorf("service worker cache %q", got)
	}
	if _, err := SiteHandler(t.TempDir(), toml); err == nil {
		t.Error("served a directory without a site")
	}
}

func TestVersionedAssets(t *testing.T) {
	v := versionedAssets("/v/abc")
	for in, want := range map[string]string{"/web/app.wasm": "/v/abc/web/app.wasm", "/web": "/v/abc/web", "/app.js": "/app.js", "/": "/", "/website": "/website"} {
		if got := v.Resolve(in); got != want {
			t.Errorf("Resolve(%q) = %q, want %q", in, got, want)
		}
	}
}
