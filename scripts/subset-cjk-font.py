"""Makes the CJK fonts the PDFs fall back on for learners' names: fonts/noto-sans-sc-names.woff2
(Chinese and Japanese) and fonts/noto-sans-kr-names.woff2 (Korean).

Not run by the build: its output is committed. To make it again (Debian: apt-get install
python3-fonttools python3-brotli):

    npm pack @expo-google-fonts/noto-sans-sc@0.4.3
    tar xzf expo-google-fonts-noto-sans-sc-0.4.3.tgz package/400Regular/NotoSansSC_400Regular.ttf
    python3 scripts/subset-cjk-font.py han package/400Regular/NotoSansSC_400Regular.ttf fonts/noto-sans-sc-names.woff2

    npm pack @expo-google-fonts/noto-sans-kr@0.4.3
    tar xzf expo-google-fonts-noto-sans-kr-0.4.3.tgz package/400Regular/NotoSansKR_400Regular.ttf
    python3 scripts/subset-cjk-font.py hangul package/400Regular/NotoSansKR_400Regular.ttf fonts/noto-sans-kr-names.woff2

The whole font is 10.5 MB; names need far less. Kept: every hanzi and kanji in GB 2312 (simplified
Chinese), JIS X 0208 (Japanese) and Big5 (traditional Chinese), 16,400 in all; kana; CJK punctuation
and full-width forms; and Latin, Greek and Cyrillic so that a line mixing scripts reads in one font.
Hangul is not in Noto Sans SC: the Korean font keeps the 2,350 Hangul syllables of KS X 1001 (the
ones in everyday use, names among them) and the Hangul letters, with the same Latin, Greek and
Cyrillic; a syllable outside KS X 1001 prints as "?" with a note. No hinting, no layout
features (pdfkit lays CJK out glyph by glyph). WOFF2 without the glyf transform, which fontkit
(pdfkit's font reader) cannot subset.
"""

import os
import sys

from fontTools import subset
from fontTools.ttLib import woff2

BLOCKS = [
    (0x0020, 0x007E), (0x00A0, 0x024F), (0x0300, 0x036F), (0x0370, 0x03FF), (0x0400, 0x052F),
    (0x1E00, 0x1EFF), (0x2000, 0x206F), (0x20A0, 0x20CF), (0x2100, 0x218F), (0x2190, 0x21FF),
    (0x2460, 0x24FF), (0x25A0, 0x25FF), (0x2600, 0x27BF), (0x3000, 0x303F), (0x3040, 0x30FF),
    (0x3190, 0x319F), (0x31F0, 0x31FF), (0xFF00, 0xFFEF),
]


def han() -> list[int]:
    """The ideographs the three national character sets hold (Python's codecs know them)."""
    kept = []
    for code in range(0x3400, 0xA000):
        for encoding in ("gb2312", "cp932", "big5"):
            try:
                chr(code).encode(encoding)
            except UnicodeEncodeError:
                continue
            kept.append(code)
            break
    return kept


def hangul() -> list[int]:
    """The Hangul syllables of KS X 1001 (Python's euc_kr codec knows them) and the Hangul letters."""
    syllables = []
    for code in range(0xAC00, 0xD7A4):
        # Python's euc_kr also writes the other syllables, as 8-byte make-up sequences: keep 2-byte ones.
        if len(chr(code).encode("euc_kr")) == 2:
            syllables.append(code)
    return syllables + list(range(0x1100, 0x1200)) + list(range(0x3130, 0x3190))


def main(script: str, source: str, target: str) -> None:
    codes = [code for start, end in BLOCKS for code in range(start, end + 1)] + {"han": han, "hangul": hangul}[script]()
    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    options.name_IDs = ["*"]
    options.drop_tables += ["BASE", "STAT", "GSUB", "GPOS", "GDEF", "vhea", "vmtx"]
    font = subset.load_font(source, options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codes)
    subsetter.subset(font)
    ttf = target + ".ttf"
    subset.save_font(font, ttf, options)
    woff2.compress(ttf, target, transform_tables=set())
    os.remove(ttf)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
