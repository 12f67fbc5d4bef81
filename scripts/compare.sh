#!/bin/sh
# compare.sh [ARTICLE]: time diglot (EPUB + PDF) against Typst (PDF only) on
# the same article, whole processes, median of 5 runs each, and print the
# ratio. Typst comes from the npm package @myriaddreamin/typst-ts-node-compiler
# (a native binary): set TYPST_NODE_MODULES to the node_modules that holds it,
# or the script installs it into a temporary directory. diglot does not
# depend on it otherwise.
set -eu
cd "$(dirname "$0")/.."
article=${1:-testdata/seed.txt}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -trimpath -o "$work/diglot" ./cmd/diglot
if [ -z "${TYPST_NODE_MODULES:-}" ]; then
  command -v npm >/dev/null || { echo "compare: npm not found; Typst comparison skipped"; exit 0; }
  (cd "$work" && npm install --silent @myriaddreamin/typst-ts-node-compiler >/dev/null 2>&1) ||
    { echo "compare: could not install the Typst compiler from npm; skipped"; exit 0; }
  TYPST_NODE_MODULES=$work/node_modules
fi
"$work/diglot" parse --json "$article" >"$work/article.json" 2>/dev/null
cp scripts/typst-seed.js "$work/"

# median_ms CMD...: run CMD five times, print the median wall time in ms.
median_ms() {
  for i in 1 2 3 4 5; do
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    echo $(( (end - start) / 1000000 ))
  done | sort -n | sed -n 3p
}

"$work/diglot" build -o "$work/out" "$article" >/dev/null 2>&1 # warm the page cache
NODE_PATH=$TYPST_NODE_MODULES node "$work/typst-seed.js" "$work/article.json" "$work/typst.pdf" fonts/files
d=$(median_ms "$work/diglot" build -o "$work/out" "$article")
t=$(median_ms env NODE_PATH="$TYPST_NODE_MODULES" node "$work/typst-seed.js" "$work/article.json" "$work/typst.pdf" fonts/files)
pages=$(pdfinfo "$work/typst.pdf" 2>/dev/null | awk '/^Pages/ {print $2}')
echo "article:          $article"
echo "diglot EPUB+PDF:  ${d} ms"
echo "Typst PDF only:   ${t} ms (${pages:-?} pages)"
awk -v d="$d" -v t="$t" 'BEGIN { printf "ratio:            %.2f (diglot / Typst)\n", d / t }'
