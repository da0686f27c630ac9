# Serverless capacity planner. `make test` is what CI runs (.ci/run).
SHELL := /bin/bash
GO ?= go
GOROOT := $(shell $(GO) env GOROOT)
WASM_EXEC := $(GOROOT)/lib/wasm/go_js_wasm_exec
BIN := bin/planner
VERSION ?= $(shell git rev-parse --short=12 HEAD 2>/dev/null || echo dev)
LDFLAGS := -s -w -X main.version=$(VERSION)
# ECharts is pinned and checked: the site serves it itself (no CDN). Its
# "common" build (line, bar, pie and scatter charts with the usual
# components: 664 KB against 1,034 KB) has every chart the planner draws.
ECHARTS_VERSION := 5.6.0
ECHARTS_SHA256 := 55974cf42cc160e6cf9099cd3ed8cdedfaa9779919fcee7e2272c85f6ca30e27
# axe-core audits the pages' accessibility in the end-to-end tests (never shipped).
AXE_VERSION := 4.11.0
AXE_SHA256 := e9e5863c33a874f09bc01acd9234b7e3c871479f5eef8802fa582544465e6d01
ADDR ?= localhost:8000

.PHONY: all build dist serve schemas test test-go test-wasm test-e2e fuzz lint bench wasm-size node chromium brotli clean

all: build

build: $(BIN)

$(BIN): $(shell find . -name '*.go' -not -path './dist/*') go.mod go.sum netlify.toml
	$(GO) build -trimpath -ldflags="$(LDFLAGS)" -o $@ .

## dist: the static site in dist/ (go-app pages, app.wasm, ECharts, assets).
dist: $(BIN) web/app.wasm web/app.wasm.br web/interop.wasm web/echarts.min.js
	$(BIN) build --out dist --web web

# app.wasm at brotli's best (quality 11, a minute in Go, seconds here): the
# build keeps a compressed copy that is newer than its file, and the size
# check reads it.
web/app.wasm.br: web/app.wasm | brotli
	brotli -q 11 -f -o $@ $< && touch $@

# app.wasm is built without inlining in the page's UI (planner/app), go-app,
# and the model's light packages (composition, spec, targets, pricing,
# decoding): inlined, their element-builder chains and small helpers cost
# 27 KB brotli. So is the other platforms' billing (platform): 7.5 KB
# brotli, and 2,000 functions on Cloud Run evaluate in 341 ms instead of
# 333 ms (node). The solvers (keepalive, simulate, forecast, policy) keep
# the compiler's inlining: they are where the time goes.
WASM_GCFLAGS := -gcflags=planner/app/...=-l -gcflags=planner/model=-l -gcflags=planner/model/spec=-l \
  -gcflags=planner/model/targets=-l -gcflags=planner/model/pricing=-l -gcflags=planner/model/internal/...=-l \
  -gcflags=planner/model/platform=-l \
  -gcflags=github.com/maxence-charriere/go-app/v10/...=-l
web/app.wasm: $(shell find . -name '*.go' -not -path './dist/*' -not -name '*_test.go') go.mod go.sum schemas/scenario.json
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags="$(LDFLAGS)" $(WASM_GCFLAGS) -o $@ .

# The interop worker's module (app/interop/worker): AWS imports and
# infrastructure exports, loaded by web/interop-worker.js on first use.
web/interop.wasm: $(shell find . -name '*.go' -not -path './dist/*' -not -name '*_test.go') go.mod go.sum
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags="-s -w" -o $@ ./app/interop/worker

web/echarts.min.js: | node
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	  (cd "$$tmp" && npm pack --silent echarts@$(ECHARTS_VERSION) >/dev/null) && \
	  tar -xzf "$$tmp"/echarts-$(ECHARTS_VERSION).tgz -C "$$tmp" package/dist/echarts.common.min.js && \
	  echo "$(ECHARTS_SHA256)  $$tmp/package/dist/echarts.common.min.js" | sha256sum -c --quiet && \
	  cp "$$tmp/package/dist/echarts.common.min.js" $@

bin/axe.min.js: | node
	@mkdir -p bin && tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	  (cd "$$tmp" && npm pack --silent axe-core@$(AXE_VERSION) >/dev/null) && \
	  tar -xzf "$$tmp"/axe-core-$(AXE_VERSION).tgz -C "$$tmp" package/axe.min.js && \
	  echo "$(AXE_SHA256)  $$tmp/package/axe.min.js" | sha256sum -c --quiet && \
	  cp "$$tmp/package/axe.min.js" $@

## serve: build and serve the planner on http://localhost:8000 with the production headers.
serve: dist
	$(BIN) serve --addr $(ADDR) --dir dist

## schemas: regenerate schemas/scenario.json from the model's types.
schemas:
	$(GO) run ./schemas/gen -root .

## test: everything CI checks — format, vet, unit and parity tests, the model under WebAssembly,
## fuzzing, and the built site in Chromium.
test: lint test-go test-wasm fuzz test-e2e wasm-size

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) vet -tags e2e ./app/e2e/
	GOOS=js GOARCH=wasm $(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) build -o /dev/null .

test-go:
	$(GO) test -count=1 ./...

# The model must give the same numbers under WebAssembly (Node.js runs it).
test-wasm: node
	GOOS=js GOARCH=wasm $(GO) test -count=1 -exec="$(WASM_EXEC)" ./model/...

# The built site, served with the production headers, driven in Chromium.
test-e2e: chromium dist bin/axe.min.js
	$(GO) test -tags e2e -count=1 ./app/e2e/

# Each fuzz target runs a fixed number of inputs (5-10 s each here); a crash
# fails the build. Counts, not durations: Go 1.26's fuzz coordinator can
# report "context deadline exceeded" when a -fuzztime duration ends
# (golang/go#75804), a failure that is not in our code.
fuzz:
	@for pkg in $$($(GO) list ./model/...); do \
	  for target in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    case $$target in FuzzParseScenario) n=100000;; FuzzSimulate) n=2500;; FuzzKeepAlive) n=20000;; FuzzImportAWS) n=50000;; *) n=300000;; esac; \
	    echo "fuzz $$pkg $$target ($$n inputs)"; \
	    $(GO) test -run='^$$' -fuzz="^$$target$$" -fuzztime=$${n}x $$pkg || exit 1; \
	  done; \
	done

## bench: model benchmarks, the CLI against the spec's Python reference, app.wasm's size
## against a bare go-app hello world, time to ready and edit latency in Chromium.
bench: $(BIN) dist chromium wasm-size
	$(GO) test -run='^$$' -bench=. -benchmem ./model/...
	model/testdata/compare/speed.sh $(BIN) 10000
	@for f in web/app.wasm bin/hello.wasm; do \
	  printf '%-16s raw %9d B  gzip %8d B  brotli %8d B\n' $$f $$(wc -c < $$f) $$(gzip -9 -c $$f | wc -c) $$(brotli -q 11 -c $$f | wc -c); \
	done
	$(GO) test -tags e2e -run='^$$' -bench=. -benchtime=20x ./app/e2e/

# app.wasm, brotli-compressed, stays within 1.40x a bare go-app hello world
# built with the same toolchain and flags (1.35x until saved scenarios became
# IndexedDB records with a kept-aside list and backups: +12 KB brotli; 1.36x
# until edits evaluated only what they change, and long work showed its
# progress and could be cancelled: +19 KB, 1.369x; 1.38x until a scenario could
# run on any platform, whose billing model (planner/model/platform) then runs in
# the page: +31 KB, 7 KB of it won back from the price table, 1.390x; a build's
# brotli size moves by ±4 KB with the code's layout).
WASM_SIZE_LIMIT := 1.40
wasm-size: web/app.wasm.br brotli
	@GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags="-s -w" -o bin/hello.wasm ./app/e2e/testdata/hello
	@app=$$(wc -c < web/app.wasm.br); hello=$$(brotli -q 11 -c bin/hello.wasm | wc -c); \
	  ratio=$$(awk -v a=$$app -v h=$$hello 'BEGIN{printf "%.3f", a/h}'); \
	  echo "app.wasm $$app B brotli, hello world $$hello B: $${ratio}x (limit $(WASM_SIZE_LIMIT)x)"; \
	  awk -v r=$$ratio -v l=$(WASM_SIZE_LIMIT) 'BEGIN{exit !(r <= l)}' || { echo "app.wasm is too large"; exit 1; }

brotli:
	@command -v brotli >/dev/null || { \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq brotli) >/dev/null; }

# Node.js runs Go's wasm test binaries; install it when missing.
node:
	@command -v node >/dev/null && command -v npm >/dev/null || { \
	  echo "installing Node.js and npm"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm) >/dev/null; }

# Debian's Chromium drives the browser tests.
chromium:
	@command -v chromium >/dev/null || { \
	  echo "installing Chromium"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null; }

clean:
	rm -rf bin dist web/app.wasm web/app.wasm.br web/interop.wasm web/echarts.min.js
