package cli

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
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

// A site that can be exposed: GET and HEAD only, no directory listings,
// long or strange paths not found, the production headers on errors too,
// HSTS only over TLS.
func TestSiteHandlerRefusesWhatIsNotAFile(t *testing.T) {
	toml, err := os.ReadFile("../../netlify.toml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "index.html"), []byte("<!doctype html>"), 0o644)
	os.MkdirAll(filepath.Join(dir, "v", "abc", "web"), 0o755)
	os.WriteFile(filepath.Join(dir, "v", "abc", "web", "app.css"), []byte("body{}"), 0o644)
	h, err := SiteHandler(dir, toml)
	if err != nil {
		t.Fatal(err)
	}
	serve := func(method, target string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(method, target, nil))
		return rec
	}
	for _, c := range []struct {
		method, path string
		status       int
	}{
		{"GET", "/", 200}, {"HEAD", "/", 200}, {"GET", "/v/abc/web/app.css", 200},
		{"GET", "/v/", 404}, {"GET", "/v/abc/web/", 404}, {"GET", "/v", 404},
		{"GET", "/" + strings.Repeat("a", 300), 404}, {"GET", "/" + strings.Repeat("a/", 400), 404},
		{"GET", "/../../etc/passwd", 404}, {"GET", "/missing.js", 404},
		{"POST", "/", 405}, {"OPTIONS", "/", 405}, {"TRACE", "/", 405}, {"PUT", "/v/abc/web/app.css", 405},
	} {
		rec := serve(c.method, c.path)
		if rec.Code != c.status {
			t.Errorf("%s %.40s: status %d, want %d", c.method, c.path, rec.Code, c.status)
		}
		if rec.Header().Get("Content-Security-Policy") == "" || rec.Header().Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s %.40s: no production headers: %v", c.method, c.path, rec.Header())
		}
		if strings.Contains(rec.Body.String(), "<a href=") {
			t.Errorf("%s %.40s: a directory listing", c.method, c.path)
		}
		if c.status == 405 && rec.Header().Get("Allow") != "GET, HEAD" {
			t.Errorf("%s: Allow %q", c.method, rec.Header().Get("Allow"))
		}
		if rec.Header().Get("Strict-Transport-Security") != "" {
			t.Errorf("HSTS over plain HTTP")
		}
	}
	req := httptest.NewRequest("GET", "https://planner.example/", nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if !strings.Contains(rec.Header().Get("Strict-Transport-Security"), "max-age=") {
		t.Errorf("no HSTS over TLS: %v", rec.Header())
	}
}

// The server closes a connection that never finishes its headers, so
// half-sent requests cannot hold connections open.
func TestServerClosesSlowConnections(t *testing.T) {
	s := newServer(http.NotFoundHandler())
	if s.ReadHeaderTimeout <= 0 || s.ReadTimeout <= 0 || s.WriteTimeout <= 0 || s.IdleTimeout <= 0 || s.MaxHeaderBytes <= 0 {
		t.Fatalf("server without limits: %+v", s)
	}
	s.ReadHeaderTimeout = 200 * time.Millisecond
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go s.Serve(ln)
	defer s.Close()
	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.Write([]byte("GET / HTTP/1.1\r\nHost: x\r\n")) // never ends the headers
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	start := time.Now()
	_, err = io.ReadAll(conn)
	if err != nil || time.Since(start) > 4*time.Second {
		t.Errorf("a half-sent request was kept open %v (%v)", time.Since(start), err)
	}
}

// The pre-rendered page carries no boolean attribute set to "false", which
// a browser reads as true until the app runs (ARIA's "false" values stay),
// and ends with a notice for browsers that run no scripts.
func TestFinishPage(t *testing.T) {
	page := filepath.Join(t.TempDir(), "index.html")
	os.WriteFile(page, []byte(`<body><input type="checkbox" checked="false" aria-invalid="false"><button disabled="false">a</button><button disabled="true">b</button><option selected="false">c</option></body>`), 0o644)
	if err := finishPage(page); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(page)
	if want := `<body><input type="checkbox" aria-invalid="false"><button>a</button><button disabled="true">b</button><option>c</option>` + noscriptNotice + "\n</body>"; string(got) != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
