# Anteroom: `make run` to use it, `make test` to check it. Both install the
# Debian/Ubuntu packages they need first, and the Go toolchain go.mod
# names when the go on PATH is missing or older (into ~/.cache/anteroom/go).

# The go to build with: the one on PATH when new enough, else the one
# scripts/ensure-go fetched. Its folder leads PATH so that tests running
# "go" get the same one.
ifeq ($(origin GO),undefined)
ifneq ($(MAKECMDGOALS),clean)
GO := $(shell scripts/ensure-go)
$(if $(GO),,$(error No Go toolchain to build with; the message above says why))
export PATH := $(dir $(GO)):$(PATH)
endif
endif
BIN       := bin/anteroom
export LANG ?= en_US.UTF-8

# Packages to build the real window (cgo, OpenGL, X11) and to show Chinese.
BUILD_PKGS := gcc pkg-config libgl1-mesa-dev xorg-dev fonts-noto-cjk
# Packages to run the window headless in tests, and a CalDAV server
# (Radicale, with bcrypt htpasswd users) for the dav tests.
TEST_PKGS  := $(BUILD_PKGS) xvfb xauth radicale python3-bcrypt apache2-utils

.PHONY: run build test vet lint unit race promises smoke foreign deps test-deps clean

# Without a display it says so, points to the command line, and fails.
run: deps build
	@scripts/need-display $(BIN)
	$(BIN)

build:
	CGO_ENABLED=1 $(GO) build -o $(BIN) ./cmd/anteroom

test: test-deps vet lint unit race promises smoke foreign

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

# The tests that start many processes run in unit and promises; under the
# race detector they would only repeat them slower.
race:
	CGO_ENABLED=1 $(GO) test -race -short -timeout 15m -tags ci ./...

# The promises (never double-booked, nothing lost, never leaked) held by
# the real binary: the tests that start processes run it instead of the
# test binary.
PROMISE_TESTS := TestProcessesNeverDoubleBook|TestBookingRacesAnImport|TestAddWaitsForAnotherWriterAndSaysSo|TestFailingCommandKeepsTheFileAnotherProcessAttaches|TestKilledAttachLeavesNothingAfterTheNextStart
promises: build
	ANTEROOM_BIN=$(abspath $(BIN)) $(GO) test -tags ci -count=1 -v -run '^($(PROMISE_TESTS))$$' ./cmd/anteroom/

# The real binary opens its window under Xvfb in both languages, draws a
# frame and quits; on a file that is not its database it shows why in a
# window of its own, and exits 1 (without a display, it only says why).
smoke: build
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	echo "not a calendar" > "$$tmp/letter.db"; \
	for l in en_US.UTF-8 zh_CN.UTF-8; do \
		echo "smoke ($$l)"; \
		LANG=$$l xvfb-run -a $(BIN) --smoke --db "$$tmp/smoke.db" || exit 1; \
		out=$$(LANG=$$l xvfb-run -a $(BIN) --smoke --db "$$tmp/letter.db" 2>&1); code=$$?; echo "$$out"; \
		case "$$code $$out" in "1 "*"start failure"*) ;; *) echo "smoke: no start failure window (exit $$code)"; exit 1;; esac; \
	done; \
	out=$$(env -u DISPLAY -u WAYLAND_DISPLAY $(BIN) --db "$$tmp/letter.db" 2>&1); code=$$?; echo "$$out"; \
	case "$$code $$out" in "1 anteroom: "*"letter.db"*) ;; *) echo "smoke: without a display, exit $$code"; exit 1;; esac

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
