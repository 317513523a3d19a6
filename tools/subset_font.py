"""Make the animation's font, shallownet/plots/fonts/NotoSansCJKkr-shallownet.otf: Noto
Sans CJK KR Regular (SIL Open Font License 1.1, fonts/OFL.txt) cut down to the
characters a frame can show in English and Korean: printable ASCII, a few signs
(α, −, ×, ·, …), the 2,350 common Hangul syllables (KS X 1001) and every other
character of the texts the animation uses (plots/animation.py LABEL_KEYS, the
data sets' and activations' names) in both language tables. Why a font of our
own: the same frames on every server, where fonts (and Korean ones above all)
differ or are missing; the whole collection is 16 MB, this cut under 1 MB.

Run it again when those texts change (tests/unit/test_animation.py says when):

    pip install fonttools && python tools/subset_font.py [PATH_OF_NotoSansCJK-Regular.ttc]

The source is Debian's fonts-noto-cjk package by default.
"""

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from shallownet.plots.animation import FONT_FILE, LABEL_KEYS  # noqa: E402
from shallownet.ui.i18n.en import EN  # noqa: E402
from shallownet.ui.i18n.ko import KO  # noqa: E402

SOURCE = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
KOREAN = 1  # Noto Sans CJK KR in the collection
SIGNS = "α−×·…"


def hangul() -> set[str]:
    """The 2,350 Hangul syllables of KS X 1001 (EUC-KR), the ones Korean text uses:
    a changed label then seldom needs a new font."""
    found = set()
    for high in range(0xB0, 0xC9):
        for low in range(0xA1, 0xFF):
            try:
                found.add(bytes([high, low]).decode("euc-kr"))
            except UnicodeDecodeError:
                pass
    return found


def characters() -> str:
    keys = set(LABEL_KEYS.values()) | {k for k in EN if k.startswith(("dataset.", "activation."))}
    chars = {chr(c) for c in range(0x20, 0x7F)} | set(SIGNS) | hangul()
    for table in (EN, KO):
        for key in keys:
            chars |= set(table[key])
    return "".join(sorted(chars))


def main() -> None:
    source = sys.argv[1] if len(sys.argv) > 1 else SOURCE
    font = TTCollection(source).fonts[KOREAN]
    options = subset.Options()
    options.layout_features = ["kern", "liga"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=characters())
    subsetter.subset(font)
    font.recalcTimestamp = False  # the same source gives the same file
    FONT_FILE.parent.mkdir(exist_ok=True)
    font.save(str(FONT_FILE))
    print(f"wrote {FONT_FILE} ({FONT_FILE.stat().st_size:,} bytes, {len(characters())} characters)")


if __name__ == "__main__":
    main()
