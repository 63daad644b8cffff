"""Write src/ilrs_cli/draw/fonts/: DejaVu Sans and DejaVu Sans Bold, cut down to the scripts
the pictures draw (Latin, Greek, Cyrillic, punctuation, arrows and a few symbols), so that a
PNG (`ilrs chart growth -o growth.png`) draws its text on a machine with no fonts at all.

    python scripts/make_font.py               # from Debian's fonts-dejavu-core
    python scripts/make_font.py --from DIR    # from a folder holding the two TTFs

Needs fontTools (`pip install fonttools`), at build time only. The licence (Bitstream Vera's,
with DejaVu's changes in the public domain and Arev's glyphs under their own notice) allows
modified copies under a name without "Bitstream" or "Vera"; the family keeps its name, DejaVu
Sans, and the licence is beside the fonts (LICENSE-DejaVu.txt). A character outside the
subset draws as the font's missing-glyph box: East Asian text, which DejaVu has no glyphs for
either.
"""

from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "src" / "ilrs_cli" / "draw" / "fonts"
DEBIAN = Path("/usr/share/fonts/truetype/dejavu")
FACES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
RANGES = (
    (0x20, 0x7E),  # ASCII
    (0xA0, 0x24F),  # Latin-1, Latin Extended-A and -B
    (0x2B0, 0x36F),  # spacing modifiers, combining marks
    (0x370, 0x3FF),  # Greek
    (0x400, 0x52F),  # Cyrillic
    (0x1E00, 0x1EFF),  # Latin Extended Additional
    (0x2000, 0x206F),  # general punctuation
    (0x20A0, 0x20CF),  # currency
    (0x2100, 0x214F),  # letterlike symbols
    (0x2190, 0x21FF),  # arrows
    (0x2200, 0x22FF),  # mathematical operators
    (0x25A0, 0x25FF),  # geometric shapes
    (0xFFFD, 0xFFFD),  # the replacement character
)


def subset(source: Path, target: Path) -> None:
    from fontTools import subset as fonttools_subset

    options = fonttools_subset.Options()
    options.name_IDs = ["*"]  # the copyright, trademark and licence records stay
    options.name_languages = ["*"]
    options.notdef_outline = True  # a missing character draws as a box, not as nothing
    options.hinting = False  # resvg draws outlines unhinted: the instructions are half the size
    options.layout_features = ["kern", "liga", "ccmp", "mark", "mkmk"]
    font = fonttools_subset.load_font(str(source), options)
    subsetter = fonttools_subset.Subsetter(options)
    subsetter.populate(unicodes=[c for low, high in RANGES for c in range(low, high + 1)])
    subsetter.subset(font)
    font.save(str(target))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--from", dest="source", type=Path, default=DEBIAN,
                        help="the folder of DejaVuSans.ttf and DejaVuSans-Bold.ttf")  # fmt: skip
    args = parser.parse_args()
    TARGET.mkdir(exist_ok=True)
    for name in FACES:
        subset(args.source / name, TARGET / name)
        print(f"wrote {TARGET.relative_to(ROOT) / name}: {(TARGET / name).stat().st_size} bytes")


if __name__ == "__main__":
    main()
