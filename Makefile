# Media Review: build, run, test and package.
#
#   make run          install what is missing, build, open the window
#   make test         install what is missing (and Xvfb), vet, race tests,
#                     real-window smoke test and package test
#   make bench        benchmarks with allocations
#   make debug        race-enabled build with Fyne's thread checks
#   make release      stripped build with the fyneDo migration tag
#   make package      Linux .tar.xz in dist/ (fyne tool, pinned below)
#   make install      package, then install under /usr/local (sudo when needed)
#   make user-install package, then install under ~/.local
#   make uninstall / make user-uninstall
#   make screenshots  refresh docs/screenshot.png for the README
#   make icons        redraw the icon PNGs from assets/icon.svg

GO           ?= go
MAKEFLAGS    += --no-print-directory
BUILD        := build
DIST         := dist
BIN          := mediareview
TOOLS        := $(CURDIR)/$(BUILD)/tools
FYNE_VERSION := v1.7.4
FYNE         := $(TOOLS)/fyne
VERSION      := $(shell sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
ARCH         := $(shell $(GO) env GOARCH 2>/dev/null)
PACKAGE      := $(DIST)/$(BIN)-$(VERSION)-linux-$(ARCH).tar.xz
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps test-deps build run debug release test vet bench screenshots \
	package install user-install uninstall user-uninstall icons clean

all: build

deps:
	@scripts/install-deps.sh build

test-deps:
	@scripts/install-deps.sh build test

# Development build: Fyne's thread checks are on (no migrated_fynedo tag),
# so UI calls from the wrong goroutine log "Error in Fyne call thread".
build: deps
	$(GO) build -o $(BUILD)/$(BIN) .

run: build
	@if [ "$$(uname -s)" = Linux ] && [ -z "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
		echo "make run: no display (DISPLAY is unset): see README, Troubleshooting" >&2; exit 1; fi
	./$(BUILD)/$(BIN)

debug: deps
	$(GO) build -race -o $(BUILD)/$(BIN)-debug .

# Release build: the only place the fyneDo migration tag is set.
release: deps
	$(GO) build -trimpath -tags release,migrated_fynedo -ldflags "-s -w" -o $(BUILD)/$(BIN)-release .

vet:
	$(GO) vet ./...

# Tests run in English whatever the machine's locale; this also keeps Fyne
# from logging "Error parsing user locale C" in test binaries on C.UTF-8
# machines (the app itself fixes that in app/syslocale).
test bench screenshots: export LANGUAGE := en

# The e2e tests start their own Xvfb when DISPLAY is unset; the packaging
# test builds the package once with the fyne tool.
test: test-deps vet
	$(GO) test -race -timeout 45m ./...

bench:
	@mkdir -p $(BUILD)
	$(GO) test -run '^$$' -bench . -benchmem ./... > $(BUILD)/bench.txt || { cat $(BUILD)/bench.txt; exit 1; }
	@cat $(BUILD)/bench.txt
	@echo; scripts/bench-table.sh < $(BUILD)/bench.txt

screenshots: test-deps
	MEDIAREVIEW_SCREENSHOT_OUT=$(CURDIR)/docs/screenshot.png \
		$(GO) test -race -count=1 -run '^TestWindowSmoke$$' ./app/e2e

$(FYNE):
	GOBIN=$(TOOLS) GOFLAGS=-mod=mod $(GO) install fyne.io/tools/cmd/fyne@$(FYNE_VERSION)

package: deps $(FYNE)
	FYNE=$(FYNE) scripts/package-linux.sh $(PACKAGE)

# Installing unpacks the package and runs the Makefile inside it, which
# also registers the .mrexercise file type and the icons.
PKGDIR := $(BUILD)/pkg/$(notdir $(PACKAGE:.tar.xz=))

$(PKGDIR): $(PACKAGE)
	rm -rf $(BUILD)/pkg && mkdir -p $(BUILD)/pkg && tar -xJf $(PACKAGE) -C $(BUILD)/pkg

install: package
	$(MAKE) $(PKGDIR)
	$(SUDO) $(MAKE) -C $(PKGDIR) install

user-install: package
	$(MAKE) $(PKGDIR)
	$(MAKE) -C $(PKGDIR) user-install

uninstall:
	$(SUDO) $(MAKE) -C packaging/linux uninstall

user-uninstall:
	$(MAKE) -C packaging/linux user-uninstall

icons:
	@scripts/install-deps.sh icon
	rsvg-convert -w 512 -h 512 assets/icon.svg -o assets/icon.png
	for s in 16 24 32 48 64 128 256; do \
		rsvg-convert -w $$s -h $$s assets/icon.svg -o packaging/linux/icons/$$s.png; done

clean:
	rm -rf $(BUILD) $(DIST)
