# before-you-rely: the two commands are `make demo` and `make test`. Each installs what is missing.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

# Where cargo writes the wasm (respects CARGO_TARGET_DIR).
CARGO_WASM := $(or $(CARGO_TARGET_DIR),target)/wasm32-unknown-unknown/release/before_you_rely.wasm
BIN := node_modules/.bin
export CHROMEDRIVER ?= /usr/bin/chromedriver
# wasm-bindgen-test's runner: headless Chromium with background networking off (the network is closed).
export WASM_BINDGEN_TEST_WEBDRIVER_JSON ?= $(CURDIR)/tests/webdriver.json
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER ?= wasm-bindgen-test-runner
export PATH := $(HOME)/.cargo/bin:$(PATH)

.PHONY: help setup build dist demo test test-native test-wasm test-e2e bench clean

help:
	@echo "make demo   install what is missing, build, serve the demo on http://127.0.0.1:8080"
	@echo "make test   install what is missing, run every test layer (native, wasm in Chromium, end-to-end)"
	@echo "make dist   build the publishable package into dist/"
	@echo "make bench  throughput, latency, bundle sizes and startup time"

setup:
	@bash scripts/setup.sh

# The widget: Rust -> wasm -> wasm-bindgen glue -> wasm-opt, then the element module and types.
# wasm-opt -O3, not -Oz: on the opt-level 2 build (see .cargo/config.toml) screen() is ~4% faster for +0.2 KB gzip.
build: setup
	cargo build --lib --release --target wasm32-unknown-unknown
	rm -rf pkg && wasm-bindgen --target web --out-dir pkg --out-name engine $(CARGO_WASM)
	$(BIN)/wasm-opt -O3 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
	  --enable-mutable-globals --enable-reference-types --enable-multivalue \
	  pkg/engine_bg.wasm -o pkg/engine_bg.wasm
	cp js/before-you-rely.js js/before-you-rely.d.ts pkg/

dist: build
	rm -rf dist && mkdir -p dist
	cp pkg/before-you-rely.js pkg/before-you-rely.d.ts pkg/engine.js pkg/engine.d.ts pkg/engine_bg.wasm dist/
	node scripts/dist.mjs dist

demo: dist
	node scripts/serve.mjs

test: setup test-native dist test-wasm test-e2e

test-native:
	cargo test

test-wasm:
	cargo test --target wasm32-unknown-unknown --test web

test-e2e:
	node --test --test-concurrency=1 tests/e2e/

bench: dist
	cargo bench --bench screen
	node scripts/bench-web.mjs

clean:
	rm -rf target pkg dist
