# Serverless capacity planner. `make test` is what CI runs (.ci/run).
SHELL := /bin/bash
GO ?= go
GOROOT := $(shell $(GO) env GOROOT)
WASM_EXEC := $(GOROOT)/lib/wasm/go_js_wasm_exec
FUZZTIME ?= 10s
BIN := bin/planner

.PHONY: all build test test-go test-wasm fuzz lint bench node clean

all: build

build: $(BIN)

$(BIN): $(shell find . -name '*.go' -not -path './dist/*') go.mod go.sum
	$(GO) build -trimpath -o $@ .

## test: everything CI checks — format, vet, unit and parity tests, the model under WebAssembly, fuzzing.
test: lint test-go test-wasm fuzz

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) build -o /dev/null .

test-go:
	$(GO) test -count=1 ./...

# The model must give the same numbers under WebAssembly (Node.js runs it).
test-wasm: node
	GOOS=js GOARCH=wasm $(GO) test -count=1 -exec="$(WASM_EXEC)" ./model/...

# Each fuzz target runs briefly; a crash fails the build.
fuzz:
	@for target in $$($(GO) test -list '^Fuzz' ./model | grep '^Fuzz'); do \
	  echo "fuzz $$target ($(FUZZTIME))"; \
	  $(GO) test -run='^$$' -fuzz="^$$target$$" -fuzztime=$(FUZZTIME) ./model || exit 1; \
	done

## bench: model benchmarks and the CLI against the spec's Python reference.
bench: $(BIN)
	$(GO) test -run='^$$' -bench=. -benchmem ./model/...
	model/testdata/compare/speed.sh $(BIN) 10000

# Node.js runs Go's wasm test binaries; install it when missing.
node:
	@command -v node >/dev/null || { \
	  echo "installing Node.js"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs) >/dev/null; }

clean:
	rm -rf bin dist
