package cli

import (
	"bytes"
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// AssetPrefix is where the versioned static assets live: /v/<version>/web/….
const AssetPrefix = "/v/"

// runBuild implements `planner build [--out dist] [--web web]`: go-app's
// static site plus the web assets (app.wasm, ECharts, styles, icons) under a
// versioned path.
func runBuild(env *Env, args []string) int {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	out := fs.String("out", "dist", "output directory")
	web := fs.String("web", "web", "directory of the static assets (with app.wasm)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if err := build(env, *out, *web); err != nil {
		return fail(env, "build", err.Error())
	}
	fmt.Fprintf(env.Stdout, "planner build: site written to %s\n", *out)
	return 0
}

func build(env *Env, out, web string) error {
	if env.Handler == nil {
		return errors.New("no site handler")
	}
	wasm, err := os.Stat(filepath.Join(web, "app.wasm"))
	if err != nil {
		return fmt.Errorf("%v (build the wasm first: make dist)", err)
	}
	for _, need := range []string{"echarts.min.js", "planner.js", "store.js", "boot.js", "planner.css", "noscript.css", "icon-192.png", "icon-512.png", "icon.svg"} {
		if _, err := os.Stat(filepath.Join(web, need)); err != nil {
			return fmt.Errorf("missing asset: %v", err)
		}
	}
	h := env.Handler(strconv.FormatInt(wasm.Size(), 10))
	h.Resources = versionedAssets(AssetPrefix + h.Version)
	// app.wasm starts downloading with the page, not after app.js has run
	// (app.js fetches it in the same mode, so the preload is used).
	h.RawHeaders = append(h.RawHeaders,
		fmt.Sprintf(`<link rel="preload" href="%s" as="fetch" type="application/wasm" crossorigin="anonymous">`, h.Resources.Resolve("/web/app.wasm")),
		fmt.Sprintf(`<noscript><link rel="stylesheet" href="%s"></noscript>`, h.Resources.Resolve("/web/noscript.css")))
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	if err := app.GenerateStaticWebsite(out, h); err != nil {
		return err
	}
	if err := finishPage(filepath.Join(out, "index.html")); err != nil {
		return err
	}
	if err := os.Remove(filepath.Join(out, "web")); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := copyDir(web, filepath.Join(out, "v", h.Version, "web")); err != nil {
		return err
	}
	return precompress(out)
}

// falseBoolean is a boolean attribute written as ="false": go-app's
// pre-rendering writes them so, and a browser reads the attribute's presence
// as true (a checkbox shown checked, a button disabled) until the app runs.
var falseBoolean = regexp.MustCompile(` (checked|disabled|selected|hidden|required|readonly|multiple|autofocus|open)="false"`)

// noscriptNotice ends the page's body (go-app mounts the app on the body's
// first element, the prerendered page): noscript.css shows it on top where
// scripts do not run.
const noscriptNotice = `<noscript><p class="noscript-notice" role="status">This is a static copy of the planner with its default scenario. ` +
	`Editing scenarios, share links and saved scenarios need JavaScript and WebAssembly, which do not run here. ` +
	`Without a browser, the planner command line gives the same figures: planner report scenario.json.</p></noscript>`

// finishPage mends go-app's prerendered page: no false boolean attribute,
// and a notice for browsers that do not run scripts.
func finishPage(page string) error {
	html, err := os.ReadFile(page)
	if err != nil {
		return err
	}
	html = falseBoolean.ReplaceAll(html, nil)
	if i := bytes.LastIndex(html, []byte("</body>")); i >= 0 {
		html = slices.Concat(html[:i], []byte(noscriptNotice+"\n"), html[i:])
	}
	return os.WriteFile(page, html, 0o644)
}

// versionedAssets serves /web/… from a versioned path (/v/<version>/web/…)
// so those files can be cached for good; the pages and go-app's scripts stay
// at the root.
type versionedAssets string

// Resolve maps /web and /web/… under the versioned prefix.
func (prefix versionedAssets) Resolve(location string) string {
	if location == "/web" || strings.HasPrefix(location, "/web/") {
		return string(prefix) + location
	}
	return location
}

// copyDir copies the regular files of src into dst.
func copyDir(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		in, err := os.Open(p)
		if err != nil {
			return err
		}
		defer in.Close()
		outFile, err := os.Create(target)
		if err != nil {
			return err
		}
		if _, err := io.Copy(outFile, in); err != nil {
			outFile.Close()
			return err
		}
		if err := outFile.Close(); err != nil {
			return err
		}
		// The copy keeps its time: Last-Modified, and whether a compressed
		// copy is newer than its file, stay as in src.
		info, err := d.Info()
		if err != nil {
			return err
		}
		return os.Chtimes(target, info.ModTime(), info.ModTime())
	})
}

// headerRule is one [[headers]] block of netlify.toml.
type headerRule struct {
	For    string            `toml:"for"`
	Values map[string]string `toml:"values"`
}

// parseHeaders reads the header rules of netlify.toml.
func parseHeaders(data []byte) ([]headerRule, error) {
	var conf struct {
		Headers []headerRule `toml:"headers"`
	}
	if _, err := toml.Decode(string(data), &conf); err != nil {
		return nil, fmt.Errorf("netlify.toml: %w", err)
	}
	return conf.Headers, nil
}

// matches reports whether a Netlify path pattern ("/*", "/v/*", "/x.js")
// covers a request path.
func (r headerRule) matches(path string) bool {
	if prefix, ok := strings.CutSuffix(r.For, "*"); ok {
		return strings.HasPrefix(path, prefix)
	}
	return path == r.For
}

// httpsOnlyHeaders are set only on responses sent over TLS: a browser
// told to use HTTPS for a plain-HTTP local server could not reach it.
var httpsOnlyHeaders = map[string]bool{"Strict-Transport-Security": true}

// withHeaders sets the headers of every matching rule, later rules winning,
// on every response, errors included.
func withHeaders(rules []headerRule, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, rule := range rules {
			if rule.matches(r.URL.Path) {
				for k, v := range rule.Values {
					if r.TLS != nil || !httpsOnlyHeaders[k] {
						w.Header().Set(k, v)
					}
				}
			}
		}
		next.ServeHTTP(w, r)
	})
}

// maxPathLength bounds the paths served; longer ones are not found.
const maxPathLength = 512

// siteFiles serves the files of a built site: GET and HEAD only (405
// otherwise), a directory only through its index.html (no listings), and
// 404 for whatever cannot be opened, however long or strange its path.
type siteFiles struct{ root http.Dir }

func (s siteFiles) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name := path.Clean("/" + r.URL.Path)
	if len(name) > maxPathLength {
		http.NotFound(w, r)
		return
	}
	if strings.HasSuffix(r.URL.Path, "/") {
		name = path.Join(name, "index.html")
	}
	f, err := s.root.Open(name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || info.IsDir() {
		http.NotFound(w, r)
		return
	}
	if compressible[path.Ext(name)] {
		w.Header().Add("Vary", "Accept-Encoding")
		if enc, ok := s.encoded(name, r.Header.Get("Accept-Encoding")); ok {
			defer enc.file.Close()
			w.Header().Set("Content-Encoding", enc.coding)
			http.ServeContent(w, r, name, enc.modTime, enc.file)
			return
		}
	}
	http.ServeContent(w, r, name, info.ModTime(), f)
}

// encodedFile is a precompressed copy of a file.
type encodedFile struct {
	coding  string
	file    http.File
	modTime time.Time
}

// encoded opens the precompressed copy of name the request accepts, best
// first (ServeContent names its type by the original's extension).
func (s siteFiles) encoded(name, acceptEncoding string) (encodedFile, bool) {
	for _, e := range encodings {
		if !accepts(acceptEncoding, e.name) {
			continue
		}
		f, err := s.root.Open(name + e.suffix)
		if err != nil {
			continue
		}
		if info, err := f.Stat(); err == nil && !info.IsDir() {
			return encodedFile{coding: e.name, file: f, modTime: info.ModTime()}, true
		}
		f.Close()
	}
	return encodedFile{}, false
}

// SiteHandler serves a built site directory with the production headers.
func SiteHandler(dir string, netlifyTOML []byte) (http.Handler, error) {
	rules, err := parseHeaders(netlifyTOML)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(filepath.Join(dir, "index.html")); err != nil {
		return nil, fmt.Errorf("%s is not a built site (run make dist): %v", dir, err)
	}
	_ = mime.AddExtensionType(".webmanifest", "application/manifest+json")
	_ = mime.AddExtensionType(".wasm", "application/wasm")
	return withHeaders(rules, siteFiles{http.Dir(dir)}), nil
}

// newServer is the HTTP server of `planner serve`: connections that are
// slow to send their headers, idle, or too slow to take a response are
// closed, so they cannot starve new ones; headers are bounded.
func newServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      5 * time.Minute, // app.wasm on a slow connection
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
}

// runServe implements `planner serve [--addr HOST:PORT] [--dir dist]`.
func runServe(env *Env, args []string) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	addr := fs.String("addr", "localhost:8000", "address to listen on")
	dir := fs.String("dir", "dist", "built site to serve")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	h, err := SiteHandler(*dir, env.NetlifyTOML)
	if err != nil {
		return fail(env, "serve", err.Error())
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fail(env, "serve", err.Error())
	}
	fmt.Fprintf(env.Stdout, "planner serve: http://%s/ (%s)\n", ln.Addr(), *dir)
	if err := newServer(h).Serve(ln); err != nil {
		return fail(env, "serve", err.Error())
	}
	return 0
}

// ServiceWorkerTemplate is the site's service worker (go-app's template
// placeholders): go-app's, whose precache on a first visit waits for the
// page to be ready, and without push notifications, which the planner does
// not send.
//
//go:embed app-worker.js
var ServiceWorkerTemplate string
