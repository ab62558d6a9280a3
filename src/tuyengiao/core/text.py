"""Vietnamese text helpers, pure: NFC normalization and diacritic-insensitive folding."""

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def nfc(text: str) -> str:
    """Unicode NFC with runs of white space collapsed: how every name is stored."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text or "")).strip()


def fold(text: str) -> str:
    """Lower case without diacritics, for matching: "Thái Nguyên" and "thai nguyen" fold alike.

    "đ" has no decomposition in Unicode, so it is mapped to "d" by hand.
    """
    decomposed = unicodedata.normalize("NFD", nfc(text).lower().replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
