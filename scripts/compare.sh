#!/bin/sh
# compare.sh [ARTICLE...]: time diglot (its PDF alone, and EPUB + PDF)
# against Typst (PDF only) on the same articles (by default the seed and the
# 2 MB article), whole processes, median of 5 runs each, side by side in one
# run, and print the ratios and diglot's peak memory. Typst comes from the npm package @myriaddreamin/typst-ts-node-compiler
# (a native binary): set TYPST_NODE_MODULES to the node_modules that holds it,
# or the script installs it into a temporary directory. diglot does not
# depend on it otherwise.
set -eu
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -trimpath -o "$work/diglot" ./cmd/diglot
if [ -z "${TYPST_NODE_MODULES:-}" ]; then
  command -v npm >/dev/null || { echo "compare: npm not found; Typst comparison skipped"; exit 0; }
  (cd "$work" && npm install --silent @myriaddreamin/typst-ts-node-compiler >/dev/null 2>&1) ||
    { echo "compare: could not install the Typst compiler from npm; skipped"; exit 0; }
  TYPST_NODE_MODULES=$work/node_modules
fi
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

[ $# -gt 0 ] || set -- testdata/seed.txt article/testdata/edge/large-2mb.txt
for article in "$@"; do
  "$work/diglot" parse --json "$article" >"$work/article.json" 2>/dev/null
  "$work/diglot" build -o "$work/out" "$article" >/dev/null 2>&1 # warm the page cache
  NODE_PATH=$TYPST_NODE_MODULES node "$work/typst-seed.js" "$work/article.json" "$work/typst.pdf" fonts/files
  p=$(median_ms "$work/diglot" build --format pdf -o "$work/out" "$article")
  d=$(median_ms "$work/diglot" build -o "$work/out" "$article")
  t=$(median_ms env NODE_PATH="$TYPST_NODE_MODULES" node "$work/typst-seed.js" "$work/article.json" "$work/typst.pdf" fonts/files)
  pages=$(pdfinfo "$work/typst.pdf" 2>/dev/null | awk '/^Pages/ {print $2}')
  rss=?
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f %M -o "$work/rss" "$work/diglot" build -o "$work/out" "$article" >/dev/null 2>&1
    rss=$(tail -1 "$work/rss")
  fi
  echo "article:          $article"
  echo "diglot PDF:       ${p} ms"
  echo "diglot EPUB+PDF:  ${d} ms (peak ${rss} KB)"
  echo "Typst PDF only:   ${t} ms (${pages:-?} pages)"
  awk -v p="$p" -v d="$d" -v t="$t" 'BEGIN { printf "ratio:            %.2f PDF, %.2f EPUB+PDF (diglot / Typst)\n", p / t, d / t }'
done
