"""Text as the extractors expect it: NFC, one tone-mark placement, plain spaces and hyphens.

Web pages and Word files mix the two tone-mark placements ("Uỷ ban" and "Ủy ban", "hoà" and
"hòa"), non-breaking and zero-width spaces, en dashes inside numbers ("1017 – QĐ/TU") and
decomposed accents. `normalize` makes one spelling of all that, keeping line breaks, which mark
paragraphs. It never raises, and normalizing twice changes nothing.
"""

import re
import unicodedata

# Spaces that are not U+0020; zero-width ones too, since pages put them between words.
_SPACE_CHARS = (
    "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f\u3000"
)
# Invisible characters that are not word separators: soft hyphen, joiners, byte-order mark.
_DROP_CHARS = "\u00ad\u200c\u200d\u2060\ufeff"
_BREAK_CHARS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_REPLACE = {
    **{c: " " for c in _SPACE_CHARS},
    **{c: "" for c in _DROP_CHARS},
    **{c: "\n" for c in _BREAK_CHARS},
    # Hyphens proper are hyphens; the other dashes become the en dash of prose.
    **{c: "-" for c in "\u2010\u2011\u2212\ufe63\uff0d"},
    **{c: "–" for c in "\u2012\u2014\u2015"},
}
# str.translate costs a dictionary lookup per character: replace only where something is odd.
_ODD = re.compile("[" + "".join(_REPLACE) + "]")
_RUNS = re.compile(r" {2,}")
_BEFORE_BREAK = re.compile(r" +\n")
_AFTER_BREAK = re.compile(r"\n +")

# An en dash inside a number is a hyphen: "2020–2025", "1017 – QĐ/TU".
_NUMBER_DASH = re.compile(r"(?<=\d)( ?)–(?= ?\d| ?[^\W\d_]{1,5} ?/)")

# Old-style tone placement on the second vowel of a final "oa", "oe", "uy" → on the first:
# "hoà" → "hòa", "khoẻ" → "khỏe", "uỷ" → "ủy". Only when nothing follows the cluster in the word
# ("hoàn", "thuyền", "khuỷu" keep theirs), and not after "q", where "u" belongs to the consonant
# ("quý", "Quỹ").
_TONES = "\u0300\u0301\u0309\u0303\u0323"  # huyền, sắc, hỏi, ngã, nặng


def _build_moves() -> dict[str, str]:
    moves = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for tone in _TONES:
            for up1 in (False, True):
                for up2 in (False, True):
                    a = first.upper() if up1 else first
                    b = second.upper() if up2 else second
                    old = a + unicodedata.normalize("NFC", b + tone)
                    moves[old] = unicodedata.normalize("NFC", a + tone) + b
    return moves


_MOVES = _build_moves()
_CLUSTER = re.compile("[oOuU][" + "".join(sorted({k[1] for k in _MOVES})) + "](?![^\\W\\d_])")


def _move_tone(m: re.Match) -> str:
    cluster, start, end, text = m.group(), m.start(), m.end(), m.string
    if cluster not in _MOVES or (cluster[0] in "uU" and start > 0 and text[start - 1] in "qQ"):
        return cluster
    # A combining mark after the cluster would compose with the bare vowel: leave such odd text alone.
    if end < len(text) and unicodedata.combining(text[end]):
        return cluster
    return _MOVES[cluster]


def normalize(text: str) -> str:
    """NFC, new tone placement ("Uỷ" → "Ủy"), plain spaces, hyphens in numbers; line breaks kept."""
    if not text:
        return ""
    text = str(text).replace("\r\n", "\n")
    if _ODD.search(text):
        text = _ODD.sub(lambda m: _REPLACE[m.group()], text)
    text = unicodedata.normalize("NFC", text)
    if "  " in text:
        text = _RUNS.sub(" ", text)
    if " \n" in text:
        text = _BEFORE_BREAK.sub("\n", text)
    if "\n " in text:
        text = _AFTER_BREAK.sub("\n", text)
    text = text.strip(" ")
    if "–" in text:
        text = _NUMBER_DASH.sub(r"\1-", text)
    return _CLUSTER.sub(_move_tone, text)


#: Vietnamese letters for regex character classes, by case (the range à-ỹ would hold capitals too).
LOWER = "a-zđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
UPPER = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
