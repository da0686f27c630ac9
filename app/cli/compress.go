package cli

import (
	"bytes"
	"compress/gzip"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
)

// compressible are the extensions of text and WebAssembly files, which the
// build stores precompressed beside the original (name.br, name.gz) and
// `planner serve` sends to browsers that accept them. Images are
// compressed already.
var compressible = map[string]bool{
	".wasm": true, ".js": true, ".css": true, ".html": true, ".json": true,
	".svg": true, ".webmanifest": true, ".sh": true, ".txt": true,
}

// minCompressed is the smallest file worth a compressed copy, bytes.
const minCompressed = 1024

// brotliOptions are the build's: quality 9 with a 16 MiB window
// compresses app.wasm in seconds; 11 takes about a minute for 12% less.
var brotliOptions = brotli.WriterOptions{Quality: 9, LGWin: 24}

// precompress writes a brotli and a gzip copy of every compressible file
// of dir, several files at a time.
func precompress(dir string) error {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !compressible[path.Ext(p)] {
			return err
		}
		if info, err := d.Info(); err != nil || info.Size() < minCompressed {
			return err
		}
		files = append(files, p)
		return nil
	})
	if err != nil {
		return err
	}
	jobs := make(chan string)
	errs := make(chan error, len(files))
	var wg sync.WaitGroup
	for range max(1, runtime.NumCPU()) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range jobs {
				errs <- compressFile(p)
			}
		}()
	}
	for _, p := range files {
		jobs <- p
	}
	close(jobs)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// compressFile writes p.gz, and p.br unless a brotli copy as new as p is
// there already (the Makefile writes app.wasm's at quality 11).
func compressFile(p string) error {
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	if !upToDate(p+".br", p) {
		var br bytes.Buffer
		bw := brotli.NewWriterOptions(&br, brotliOptions)
		if _, err := bw.Write(data); err != nil {
			return err
		}
		if err := bw.Close(); err != nil {
			return err
		}
		if err := os.WriteFile(p+".br", br.Bytes(), 0o644); err != nil {
			return err
		}
	}
	var gz bytes.Buffer
	gw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	if _, err := gw.Write(data); err != nil {
		return err
	}
	if err := gw.Close(); err != nil {
		return err
	}
	return os.WriteFile(p+".gz", gz.Bytes(), 0o644)
}

// upToDate says whether file copy was written with or after file original
// (brotli's command gives its output the input's time).
func upToDate(copy, original string) bool {
	c, err := os.Stat(copy)
	o, err2 := os.Stat(original)
	return err == nil && err2 == nil && !c.ModTime().Before(o.ModTime())
}

// encodings are the precompressed copies served, in order of preference:
// Content-Encoding and the copy's suffix.
var encodings = [...]struct{ name, suffix string }{{"br", ".br"}, {"gzip", ".gz"}}

// accepts says whether an Accept-Encoding header accepts coding (a q of 0
// refuses it; "*" accepts any coding not named).
func accepts(header, coding string) bool {
	star := false
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		refused := strings.ReplaceAll(strings.TrimSpace(params), " ", "")
		zero := strings.HasPrefix(refused, "q=0") && strings.Trim(strings.TrimPrefix(refused, "q="), "0.") == ""
		switch strings.ToLower(strings.TrimSpace(name)) {
		case coding:
			return !zero
		case "*":
			star = !zero
		}
	}
	return star
}
