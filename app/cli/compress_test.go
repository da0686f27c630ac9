package cli

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
)

// The build stores brotli and gzip copies of text and wasm files; the
// server sends the best copy the browser accepts, typed as the original,
// with Vary, and the original to a browser that accepts neither.
func TestPrecompressedAssets(t *testing.T) {
	toml, err := os.ReadFile("../../netlify.toml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	wasm := bytes.Repeat([]byte("\x00asm planner "), 4000)
	os.WriteFile(filepath.Join(dir, "index.html"), []byte("<!doctype html>"+strings.Repeat(" <p>planner</p>", 200)), 0o644)
	os.WriteFile(filepath.Join(dir, "app.wasm"), wasm, 0o644)
	os.WriteFile(filepath.Join(dir, "icon.png"), wasm, 0o644)
	os.WriteFile(filepath.Join(dir, "tiny.js"), []byte("//"), 0o644)
	// A brotli copy newer than its file is kept (the Makefile's best
	// quality); an older one is written again.
	kept, stale := filepath.Join(dir, "kept.js"), filepath.Join(dir, "stale.js")
	for _, p := range []string{kept, stale} {
		os.WriteFile(p, bytes.Repeat([]byte("var planner = 1;\n"), 200), 0o644)
		os.WriteFile(p+".br", []byte("best"), 0o644)
	}
	old := time.Now().Add(-time.Hour)
	os.Chtimes(kept, old, old)
	os.Chtimes(stale+".br", old, old)
	if err := precompress(dir); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]bool{"app.wasm.br": true, "app.wasm.gz": true, "index.html.br": true, "icon.png.br": false, "tiny.js.gz": false} {
		if _, err := os.Stat(filepath.Join(dir, name)); (err == nil) != want {
			t.Errorf("%s written: %v, want %v", name, err == nil, want)
		}
	}
	if b, _ := os.ReadFile(kept + ".br"); string(b) != "best" {
		t.Errorf("the newer brotli copy was replaced: %q", b)
	}
	if b, _ := os.ReadFile(stale + ".br"); string(b) == "best" {
		t.Error("the older brotli copy was kept")
	}
	h, err := SiteHandler(dir, toml)
	if err != nil {
		t.Fatal(err)
	}
	decoders := map[string]func(io.Reader) (io.Reader, error){
		"br":   func(r io.Reader) (io.Reader, error) { return brotli.NewReader(r), nil },
		"gzip": func(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) },
		"":     func(r io.Reader) (io.Reader, error) { return r, nil },
	}
	for accept, coding := range map[string]string{
		"gzip, deflate, br, zstd": "br",
		"gzip":                    "gzip",
		"br;q=0, gzip;q=0.8":      "gzip",
		"*":                       "br",
		"br;q=0.0, *;q=0":         "",
		"":                        "",
		"identity":                "",
	} {
		req := httptest.NewRequest("GET", "/app.wasm", nil)
		req.Header.Set("Accept-Encoding", accept)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		got := rec.Result()
		if got.Header.Get("Content-Encoding") != coding || got.Header.Get("Content-Type") != "application/wasm" || got.Header.Get("Vary") != "Accept-Encoding" {
			t.Errorf("Accept-Encoding %q: %d, encoding %q, type %q, vary %q", accept, got.StatusCode, got.Header.Get("Content-Encoding"), got.Header.Get("Content-Type"), got.Header.Get("Vary"))
			continue
		}
		r, err := decoders[coding](got.Body)
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(r)
		if err != nil || !bytes.Equal(body, wasm) {
			t.Errorf("Accept-Encoding %q: %d bytes decoded (%v), want %d", accept, len(body), err, len(wasm))
		}
		if coding != "" && rec.Body.Len() >= len(wasm)/4 {
			t.Errorf("%s sent %d bytes of %d", coding, rec.Body.Len(), len(wasm))
		}
		if got.Header.Get("Content-Security-Policy") == "" {
			t.Errorf("Accept-Encoding %q: no production headers", accept)
		}
	}
	req := httptest.NewRequest("GET", "/icon.png", nil)
	req.Header.Set("Accept-Encoding", "br")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Header().Get("Content-Encoding") != "" || rec.Header().Get("Vary") != "" {
		t.Errorf("an image was sent encoded: %v", rec.Header())
	}
}
