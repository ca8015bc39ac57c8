#!/bin/sh
# Remakes assets/fonts/DejaVuSans-charts.ttf, the font the chart renderer loads
# (src/charts/renderer.ts), from the dejavu-fonts-ttf npm package:
#
#   npm install && scripts/subset-chart-font.sh
#
# Why: resvg reads and parses its font files on every render. The full DejaVu Sans is
# 757 kB, and with it a status-mix chart took 11 ms of resvg CPU time against 1.9 ms with
# no font. This subset keeps the characters chart text can hold in English, Spanish and
# Vietnamese, is about 120 kB, and draws the same pixels in about 40% less resvg time
# (bench/README.md, "Charts"). Hinting is dropped: resvg draws outlines and never runs it.
#
# Needs fonttools (`pip install fonttools`, which gives pyftsubset). Run it again after
# upgrading the npm package or when the words need a new range of characters:
# tests/unit/charts/chart-font.test.ts fails when a catalog, a seeded department or a
# Welcoming plan pillar uses a character the subset lacks.
#
# Ranges kept: Basic Latin, Latin-1, Latin Extended-A and -B, combining marks and Latin
# Extended Additional (Vietnamese), general punctuation (dashes, quotes, "…", "•"),
# currency, arrows, math operators, geometric shapes, and the check and ballot marks
# ("✓", "✗") of the Dingbats block (the whole block would add a quarter to the size).
# The family stays "DejaVu Sans", the name the chart specs ask for. The Bitstream Vera
# licence (LICENSE next to the font) lets modified copies go out under any name without
# "Bitstream" or "Vera"; this script fails if one of the font's names has either.
set -eu
cd "$(dirname "$0")/.."
source=node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf
target=assets/fonts/DejaVuSans-charts.ttf
[ -f "$source" ] || { echo "no $source: run npm install first" >&2; exit 1; }

pyftsubset "$source" \
  --unicodes="U+0020-007E,U+00A0-024F,U+0300-036F,U+1E00-1EFF,U+2000-206F,U+20A0-20CF,U+2190-21FF,U+2200-22FF,U+25A0-25FF,U+2713-2718" \
  --layout-features='*' \
  --no-hinting \
  --output-file="$target"
cp node_modules/dejavu-fonts-ttf/LICENSE assets/fonts/LICENSE

# The names a font is known by (family, full name, PostScript name): none may say
# "Bitstream" or "Vera".
python3 - "$target" <<'PY'
import sys
from fontTools.ttLib import TTFont
names = [n.toUnicode() for n in TTFont(sys.argv[1])["name"].names if n.nameID in (1, 3, 4, 6, 16, 17, 21, 22)]
bad = [n for n in names if "bitstream" in n.lower() or "vera" in n.lower()]
if bad:
    sys.exit(f"font names must not contain Bitstream or Vera: {bad}")
PY
echo "wrote $target ($(wc -c < "$target") bytes)"
