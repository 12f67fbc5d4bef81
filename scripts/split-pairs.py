#!/usr/bin/env python3
"""split-pairs.py PAIRS.json ZH_FILE EN_FILE: write the two sides of an
article's expected pairs as a translator keeps them, one file per language,
a paragraph a line with blank lines between (check.sh's two-file builds)."""
import json
import sys

pairs_path, zh_path, en_path = sys.argv[1:4]
with open(pairs_path, encoding="utf-8") as f:
    pairs = json.load(f)
for side, path in (("zh", zh_path), ("en", en_path)):
    with open(path, "w", encoding="utf-8") as out:
        out.write("".join(line + "\n\n" for p in pairs for line in p[side]))
