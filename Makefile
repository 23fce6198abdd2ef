# Release builds. `make dist` cross-compiles designls for every platform in
# PLATFORMS into DIST, one binary each (designls-OS-ARCH, .exe on Windows),
# with the version stamped in, and writes SHA256SUMS beside them.
#
#   make dist                      version from `git describe`
#   make dist VERSION=v1.2.3       explicit version
#   make dist PLATFORMS=linux/amd64 DIST=/tmp/out

VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
PLATFORMS ?= linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64
DIST      ?= dist
GO        ?= go

# -trimpath and a fixed -buildid keep file system paths and build-cache
# identities out of the binaries, so the same sources give the same bytes.
LDFLAGS := -s -w -buildid= -X main.version=$(VERSION)

.PHONY: dist clean-dist

dist:
	mkdir -p '$(DIST)'
	rm -f '$(DIST)'/designls-* '$(DIST)'/SHA256SUMS
	@set -e; for p in $(PLATFORMS); do \
		os=$${p%/*}; arch=$${p#*/}; ext=; \
		[ "$$os" = windows ] && ext=.exe; \
		out='$(DIST)'/designls-$$os-$$arch$$ext; \
		echo "build $$out"; \
		CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o "$$out" ./cmd/designls; \
	done
	@cd '$(DIST)' && files=$$(ls designls-*) && \
		if command -v sha256sum >/dev/null 2>&1; then sha256sum $$files; else shasum -a 256 $$files; fi > SHA256SUMS.tmp && \
		mv SHA256SUMS.tmp SHA256SUMS
	@echo "wrote $(DIST)/SHA256SUMS for version $(VERSION)"

clean-dist:
	rm -f '$(DIST)'/designls-* '$(DIST)'/SHA256SUMS
	-rmdir '$(DIST)'
