# Release builds. `make dist` cross-compiles designls and its language server
# designls-lsp for every platform in PLATFORMS, with the version stamped in,
# and packs each platform's pair into one archive in DIST:
# designls-OS-ARCH.tar.gz, or designls-OS-ARCH.zip for Windows, each holding
# a folder designls-OS-ARCH/ with both binaries. The two must stay together:
# `designls serve` runs the designls-lsp beside it. SHA256SUMS lists the
# archives.
#
#   make dist                      version from `git describe`
#   make dist VERSION=v1.2.3       explicit version
#   make dist PLATFORMS=linux/amd64 DIST=/tmp/out

VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
PLATFORMS ?= linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64
DIST      ?= dist
GO        ?= go

# -trimpath and a fixed -buildid keep file system paths and build-cache
# identities out of the binaries, so the same sources give the same bytes;
# scripts/archive packs them with fixed times, owners and order for the same
# reason.
LDFLAGS := -s -w -buildid= -X main.version=$(VERSION)

.PHONY: dist clean-dist

dist:
	mkdir -p '$(DIST)'
	rm -rf '$(DIST)'/designls-* '$(DIST)'/SHA256SUMS
	@set -e; for p in $(PLATFORMS); do \
		os=$${p%/*}; arch=$${p#*/}; ext=tar.gz; \
		[ "$$os" = windows ] && ext=zip; \
		stage='$(DIST)'/designls-$$os-$$arch; \
		echo "build $$stage.$$ext"; \
		mkdir -p "$$stage"; \
		CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o "$$stage/" ./cmd/designls ./cmd/designls-lsp; \
		$(GO) run ./scripts/archive "$$stage.$$ext" "$$stage"; \
		rm -rf "$$stage"; \
	done
	@cd '$(DIST)' && files=$$(ls designls-*) && \
		if command -v sha256sum >/dev/null 2>&1; then sha256sum $$files; else shasum -a 256 $$files; fi > SHA256SUMS.tmp && \
		mv SHA256SUMS.tmp SHA256SUMS
	@echo "wrote $(DIST)/SHA256SUMS for version $(VERSION)"

clean-dist:
	rm -rf '$(DIST)'/designls-* '$(DIST)'/SHA256SUMS
	-rmdir '$(DIST)'
