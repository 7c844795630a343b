# Anteroom: `make run` to use it, `make test` to check it. Both install the
# Debian/Ubuntu packages they need first.

GO        ?= go
BIN       := bin/anteroom
export LANG ?= en_US.UTF-8

# Packages to build the real window (cgo, OpenGL, X11) and to show Chinese.
BUILD_PKGS := gcc pkg-config libgl1-mesa-dev xorg-dev fonts-noto-cjk
# Packages to run the window headless in tests.
TEST_PKGS  := $(BUILD_PKGS) xvfb xauth

.PHONY: run build test vet lint unit race smoke foreign deps test-deps clean

run: deps build
	@if [ -z "$$DISPLAY$$WAYLAND_DISPLAY" ] && command -v xvfb-run >/dev/null; then \
		echo "No display found: running under xvfb-run (invisible)."; \
		xvfb-run -a $(BIN); \
	else \
		$(BIN); \
	fi

build:
	CGO_ENABLED=1 $(GO) build -o $(BIN) ./cmd/anteroom

test: test-deps vet lint unit race smoke foreign

vet:
	$(GO) vet -tags ci ./...

# staticcheck, pinned, installed into Go's bin folder when missing.
STATICCHECK_VERSION := v0.8.2
STATICCHECK := $(shell $(GO) env GOPATH)/bin/staticcheck

lint:
	@$(STATICCHECK) -version 2>/dev/null | grep -q '$(STATICCHECK_VERSION:v%=%)' || \
		$(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)
	$(STATICCHECK) -tags ci ./...

unit:
	$(GO) test -tags ci ./...

race:
	CGO_ENABLED=1 $(GO) test -race -tags ci ./...

# The real binary opens its window under Xvfb in both languages, draws a
# frame and quits.
smoke: build
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	for l in en_US.UTF-8 zh_CN.UTF-8; do \
		echo "smoke ($$l)"; \
		LANG=$$l xvfb-run -a $(BIN) --smoke --db "$$tmp/smoke.db" || exit 1; \
	done

# Exports read back by three parsers that are not ours (ical.js,
# python3-icalendar, khal) must show what the agenda says.
foreign: build
	ANTEROOM=$(BIN) scripts/check-exports

deps:
	@scripts/ensure-packages $(BUILD_PKGS)

test-deps:
	@scripts/ensure-packages $(TEST_PKGS)

clean:
	rm -rf bin
