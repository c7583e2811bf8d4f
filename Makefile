# Builds, installs and packages Hasila (README, "Installation").
#
#   make build                      release build with the Swift standard library linked in
#                                   statically, plus its man pages and shell completions
#   make install [PREFIX=/usr/local] [DESTDIR=]
#                                   bin/hasila, share/hasila/Grammars, the man pages and completions
#   make uninstall [PREFIX=…] [DESTDIR=]
#   make release                    dist/hasila-VERSION-linux-ARCH.tar.gz (and its .sha256)
#   make check-release              Scripts/check-release on that archive
#   make clean                      removes the build folder and dist/
#
# The build lives in its own folder (SCRATCH, .build-static) so that it never thrashes `swift
# build`'s .build: the static standard library changes every compile command.
#
# HASILA=PATH (and GENERATE_MANUAL=PATH), given on the command line or in the environment,
# install an already built binary (and man page generator) instead of running SwiftPM: the tests
# do so, because they run inside `swift test`, which holds the lock on .build. GENERATED=DIR
# moves the generated man pages and completions out of the build folder.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c

PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
SCRATCH ?= .build-static

# The one place the version is written: Sources/Hasila/HasilaVersion.swift.
VERSION := $(shell sed -n 's/.*static let string = "\([^"]*\)".*/\1/p' Sources/Hasila/HasilaVersion.swift)
OS := $(shell uname -s | tr A-Z a-z)
ARCH := $(shell uname -m)
RELEASE_NAME := hasila-$(VERSION)-$(OS)-$(ARCH)

# --static-swift-stdlib is a Linux option (Apple's systems carry the Swift runtime).
SWIFT_BUILD_FLAGS := -c release --scratch-path $(SCRATCH) $(if $(filter linux,$(OS)),--static-swift-stdlib)
PRODUCTS := $(SCRATCH)/release
HASILA ?= $(PRODUCTS)/hasila
GENERATE_MANUAL ?= $(PRODUCTS)/generate-manual
GENERATED ?= $(SCRATCH)/generated

# Dates written into the man pages and the archive: the last commit's, so that rebuilding the
# same commit gives the same files; today's outside a git checkout.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || date +%s)
MAN_DATE := $(shell date -u -d @$(SOURCE_DATE_EPOCH) +%Y-%m-%d)

BINDIR := $(PREFIX)/bin
DATADIR := $(PREFIX)/share
MANDIR := $(DATADIR)/man/man1
BASH_COMPLETIONS := $(DATADIR)/bash-completion/completions
ZSH_COMPLETIONS := $(DATADIR)/zsh/site-functions
FISH_COMPLETIONS := $(DATADIR)/fish/vendor_completions.d
# Files beside README.md in the archive, when the repository has them.
LEGAL := $(wildcard LICENSE LICENSE.* LICENSE.txt NOTICE NOTICE.*)

.PHONY: build binary manual-tool man completions install uninstall release check-release clean version release-name

build: binary man completions

version:
	@echo $(VERSION)

release-name:
	@echo $(RELEASE_NAME)

binary:
ifneq ($(filter command line environment,$(origin HASILA)),)
	@test -x "$(HASILA)" || { echo "make: HASILA=$(HASILA) is not an executable file" >&2; exit 2; }
else
	$(SWIFT) build $(SWIFT_BUILD_FLAGS) --product hasila
endif

# swift-argument-parser's generate-manual, the tool behind its `generate-manual` command plugin,
# built as a product of the dependency so that it runs on any hasila binary (the plugin itself
# rebuilds the whole package without --static-swift-stdlib first).
manual-tool:
ifneq ($(filter command line environment,$(origin GENERATE_MANUAL)),)
	@test -x "$(GENERATE_MANUAL)" || { echo "make: GENERATE_MANUAL=$(GENERATE_MANUAL) is not an executable file" >&2; exit 2; }
else
	$(SWIFT) build $(SWIFT_BUILD_FLAGS) --product generate-manual
endif

# One page for hasila and one per subcommand (man hasila.extract), from the argument parser.
man: binary manual-tool
	rm -rf "$(GENERATED)/man1"
	mkdir -p "$(GENERATED)/man1"
	"$(GENERATE_MANUAL)" "$(HASILA)" --multi-page --date $(MAN_DATE) --output-directory "$(GENERATED)/man1"

completions: binary
	mkdir -p "$(GENERATED)/completions"
	"$(HASILA)" --generate-completion-script bash > "$(GENERATED)/completions/hasila.bash"
	"$(HASILA)" --generate-completion-script zsh > "$(GENERATED)/completions/_hasila"
	"$(HASILA)" --generate-completion-script fish > "$(GENERATED)/completions/hasila.fish"

# The grammars are replaced whole: the loader reads every .grammar file in the folder, so a file
# left from an older version would change the rules.
install: build
	install -d "$(DESTDIR)$(BINDIR)" "$(DESTDIR)$(DATADIR)/hasila" "$(DESTDIR)$(MANDIR)" \
		"$(DESTDIR)$(BASH_COMPLETIONS)" "$(DESTDIR)$(ZSH_COMPLETIONS)" "$(DESTDIR)$(FISH_COMPLETIONS)"
	install -m 755 "$(HASILA)" "$(DESTDIR)$(BINDIR)/hasila"
	rm -rf "$(DESTDIR)$(DATADIR)/hasila/Grammars"
	cp -R Grammars "$(DESTDIR)$(DATADIR)/hasila/Grammars"
	chmod -R u=rwX,go=rX "$(DESTDIR)$(DATADIR)/hasila/Grammars"
	rm -f "$(DESTDIR)$(MANDIR)"/hasila.1 "$(DESTDIR)$(MANDIR)"/hasila.*.1
	install -m 644 "$(GENERATED)"/man1/*.1 "$(DESTDIR)$(MANDIR)/"
	install -m 644 "$(GENERATED)/completions/hasila.bash" "$(DESTDIR)$(BASH_COMPLETIONS)/hasila"
	install -m 644 "$(GENERATED)/completions/_hasila" "$(DESTDIR)$(ZSH_COMPLETIONS)/_hasila"
	install -m 644 "$(GENERATED)/completions/hasila.fish" "$(DESTDIR)$(FISH_COMPLETIONS)/hasila.fish"

uninstall:
	rm -f "$(DESTDIR)$(BINDIR)/hasila"
	rm -rf "$(DESTDIR)$(DATADIR)/hasila"
	rm -f "$(DESTDIR)$(MANDIR)"/hasila.1 "$(DESTDIR)$(MANDIR)"/hasila.*.1
	rm -f "$(DESTDIR)$(BASH_COMPLETIONS)/hasila" "$(DESTDIR)$(ZSH_COMPLETIONS)/_hasila" \
		"$(DESTDIR)$(FISH_COMPLETIONS)/hasila.fish"

# The archive is an install into a staging folder, stripped of debug information, plus the
# README; its files are sorted and dated by the last commit, so one commit gives one archive.
release: build
	rm -rf "$(SCRATCH)/stage"
	$(MAKE) --no-print-directory install PREFIX= DESTDIR="$(abspath $(SCRATCH))/stage/$(RELEASE_NAME)" \
		HASILA="$(HASILA)" GENERATE_MANUAL="$(GENERATE_MANUAL)" GENERATED="$(GENERATED)"
	strip "$(SCRATCH)/stage/$(RELEASE_NAME)/bin/hasila"
	install -m 644 README.md $(LEGAL) "$(SCRATCH)/stage/$(RELEASE_NAME)/"
	mkdir -p dist
	tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@$(SOURCE_DATE_EPOCH) \
		-C "$(SCRATCH)/stage" -cf - "$(RELEASE_NAME)" | gzip -9n > "dist/$(RELEASE_NAME).tar.gz"
	cd dist && sha256sum "$(RELEASE_NAME).tar.gz" > "$(RELEASE_NAME).tar.gz.sha256"
	@echo "dist/$(RELEASE_NAME).tar.gz"

check-release:
	Scripts/check-release "dist/$(RELEASE_NAME).tar.gz"

clean:
	rm -rf "$(SCRATCH)" dist
