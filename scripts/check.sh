#!/usr/bin/env bash
# check.sh: build every shared corpus article and every edge file that must
# build, in every EPUB layout, and run the shared checkers
# (../shared/tools/check-pdf, check-pdfua and check-epub; check-epub-render
# too with CHECK_RENDER=1) on each output. Fails on any
# failing rule that testdata/checker-disputes.txt does not list, and on a
# listed dispute that no longer fails. The corpus articles are also built
# from two files (an original and its translation, scripts/split-pairs.py).
# Skipped when ../shared is missing.
set -u
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
tools=$shared/tools
if [ ! -x "$tools/check-pdf" ]; then
  echo "check: $tools not found, skipped"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/diglot" ./cmd/diglot || exit 1

articles=("$shared"/corpus/*.txt)
# every edge file that must build (the refused ones are cmd/diglot's tests;
# the 2 MB one is timed by the benchmarks, not checked here)
refused=" empty whitespace-only only-end only-chinese only-english utf16le-bom invalid-utf8 nul-byte front-matter-unclosed yaml-bomb large-2mb "
for e in "$shared"/corpus/edge/*.txt; do
  [[ $refused == *" $(basename "${e%.txt}") "* ]] || articles+=("$e")
done
# and the project's own Markdown articles (testdata/markdown: its construct
# tour and corpus articles written as Markdown)
articles+=(testdata/markdown/*.md)
disputes=$(grep -v '^#' testdata/checker-disputes.txt | awk 'NF {print $1, $2, $3}')
failed=0
seen=""
# verdict NAME FORMAT REPORT: print the failing rules of one checker run and
# judge them against the disputes (ARTICLE may be a glob; RULE@pN disputes
# a rule only while all its examples are on page N).
verdict() {
  local name=$1 format=$2 report=$3 rules r d art rule page
  rules=$(grep '^FAIL' "$report" | awk '{print $2}')
  for r in $rules; do
    local hit=""
    while read -r art d rule; do
      [ -z "$art" ] && continue
      # shellcheck disable=SC2053 # ARTICLE may be a glob
      [[ $name == $art && $d == "$format" ]] || continue
      if [ "$rule" = "$r" ]; then
        hit="$art $d $rule"
      elif [ "${rule%@*}" = "$r" ]; then
        # RULE@pN: disputed only while every example the rule gives is on page N
        page=${rule#*@}
        if ! sed -n "/^FAIL  $r /,/^[A-Z]/p" "$report" | grep '^ *- ' | grep -qv "^ *- $page "; then
          hit="$art $d $rule"
        fi
      fi
    done <<<"$disputes"
    if [ -n "$hit" ]; then
      seen="$seen
$hit"
    else
      echo "FAIL  $name $format: $r"
      sed -n "/^FAIL  $r /,/^[A-Z]/p" "$report" | head -6 | sed 's/^/      /'
      failed=1
    fi
  done
}
for a in "${articles[@]}"; do
  file=$(basename "$a")
  n=${file%.*}
  [[ $a == */testdata/markdown/* || $a == testdata/markdown/* ]] && n="md-$n"
  pairs=()
  [ -f "${a%.*}.pairs.json" ] && pairs=(--pairs "${a%.*}.pairs.json")
  mkdir -p "$tmp/$n"
  cp "$a" "$tmp/$n/$file"
  for layout in auto stacked side-by-side; do
    formats=epub
    [ $layout = auto ] && formats=epub,pdf
    if ! (cd "$tmp/$n" && "$tmp/diglot" build --format $formats --epub-layout $layout -o $layout "$file" >build.log 2>&1); then
      echo "FAIL  $n: build failed: $(tail -1 "$tmp/$n/build.log")"
      failed=1
      continue
    fi
    if [ $layout = auto ]; then
      "$tools/check-pdf" "$tmp/$n/$file" "$tmp/$n/auto/${file%.*}.pdf" "${pairs[@]}" >"$tmp/$n/pdf.txt" 2>&1
      verdict "$n" pdf "$tmp/$n/pdf.txt"
      "$tools/check-pdfua" "$tmp/$n/$file" "$tmp/$n/auto/${file%.*}.pdf" "${pairs[@]}" >"$tmp/$n/pdfua.txt" 2>&1
      verdict "$n" pdfua "$tmp/$n/pdfua.txt"
      if grep -q '^WARN' "$tmp/$n/pdfua.txt"; then
        echo "WARN  $n pdfua: $(grep '^WARN' "$tmp/$n/pdfua.txt" | awk '{print $2}' | tr '\n' ' ')"
        grep -A2 '^WARN' "$tmp/$n/pdfua.txt" | head -4 | sed 's/^/      /'
      fi
    fi
    "$tools/check-epub" "$tmp/$n/$file" "$tmp/$n/$layout/${file%.*}.epub" "${pairs[@]}" >"$tmp/$n/epub-$layout.txt" 2>&1
    verdict "$n" epub "$tmp/$n/epub-$layout.txt"
    if grep -q '^WARN  a11y-metadata' "$tmp/$n/epub-$layout.txt"; then
      echo "FAIL  $n epub ($layout): accessibility metadata missing"
      failed=1
    fi
  done
  # with CHECK_RENDER=1 (after ../shared/tools/setup-render), the auto
  # layout's EPUB is rendered too (check-epub-render: Chromium at three
  # widths, light and dark, 100/200 % text, Ace); about 10 s a book
  if [ "${CHECK_RENDER:-0}" = 1 ] && [ -f "$tmp/$n/auto/${file%.*}.epub" ]; then
    "$tools/check-epub-render" "$tmp/$n/$file" "$tmp/$n/auto/${file%.*}.epub" >"$tmp/$n/render.txt" 2>&1
    verdict "$n" render "$tmp/$n/render.txt"
  fi
  echo "done  $n"
done
# two_files NAME ORIG TRANS PAIRS: build $tmp/NAME/ORIG with its translation
# TRANS (both already in $tmp/NAME) and judge the outputs against PAIRS;
# check-pdfua reads one file, so it is given the two, one after the other
two_files() {
  local n=$1 o=$2 t=$3 sidecar=$4 dir=$tmp/$1
  if ! (cd "$dir" && "$tmp/diglot" build -o out "$o" --translation "$t" >build.log 2>&1); then
    echo "FAIL  $n: build failed: $(tail -1 "$dir/build.log")"
    failed=1
    return
  fi
  for kind in pdf epub; do
    "$tools/check-$kind" "$dir/$o" "$dir/out/${o%.*}.$kind" --translation "$dir/$t" --pairs "$sidecar" >"$dir/$kind.txt" 2>&1
    verdict "$n" $kind "$dir/$kind.txt"
  done
  cat "$dir/$o" "$dir/$t" >"$dir/both.${o##*.}"
  "$tools/check-pdfua" "$dir/both.${o##*.}" "$dir/out/${o%.*}.pdf" --pairs "$sidecar" >"$dir/pdfua.txt" 2>&1
  verdict "$n" pdfua "$dir/pdfua.txt"
  if [ "${CHECK_RENDER:-0}" = 1 ]; then
    "$tools/check-epub-render" "$dir/both.${o##*.}" "$dir/out/${o%.*}.epub" >"$dir/render.txt" 2>&1
    verdict "$n" render "$dir/render.txt"
  fi
}
# the corpus articles as two files, a translator's original and
# translation: Chinese first in plain text, English first in Markdown
for sidecar in "$shared"/corpus/*.pairs.json; do
  base=$(basename "${sidecar%.pairs.json}")
  for order in zh en; do
    n="two-$order-$base"
    ext=txt
    [ $order = en ] && ext=md
    mkdir -p "$tmp/$n"
    python3 scripts/split-pairs.py "$sidecar" "$tmp/$n/zh.$ext" "$tmp/$n/en.$ext" || { failed=1; continue; }
    trans=zh.$ext
    [ $order = zh ] && trans=en.$ext
    two_files "$n" "$order.$ext" "$trans" "$sidecar"
  done
  echo "done  two files: $base"
done
# the project's own two-file articles (testdata/twofile: NAME.orig.EXT, the
# original, NAME.trans.EXT, its translation, and NAME.pairs.json, checked by
# hand): pages of real sites' kinds, translated as their translators keep them
for sidecar in testdata/twofile/*.pairs.json; do
  base=$(basename "${sidecar%.pairs.json}")
  n="two-$base"
  orig=$(ls testdata/twofile/"$base".orig.*)
  trans=$(ls testdata/twofile/"$base".trans.*)
  mkdir -p "$tmp/$n"
  cp "$orig" "$trans" "$tmp/$n/"
  two_files "$n" "$(basename "$orig")" "$(basename "$trans")" "$sidecar"
  echo "done  $n"
done
while read -r d; do
  [ -z "$d" ] && continue
  [[ $d == *" render "* && ${CHECK_RENDER:-0} != 1 ]] && continue # not judged in this run
  if ! grep -qxF "$d" <<<"$seen"; then
    echo "FAIL  disputed verdict no longer fails, remove it from testdata/checker-disputes.txt: $d"
    failed=1
  fi
done <<<"$disputes"
if [ $failed = 0 ]; then
  echo "check: every output passes (disputed checker verdicts: $(grep -c . <<<"$disputes"), see testdata/checker-disputes.txt)"
else
  echo "check: failures above"
fi
exit $failed
