"""Số, ký hiệu văn bản: parsing, checking and formatting Party and state document numbers, pure.

A Party number is written `Số 21-KL/TW` (number, hyphen, type, slash, issuer; no colon); a state
number `Số: 30/2020/NĐ-CP` (number/year/TYPE-ISSUER), `Số: 12/BC-UBND`, or `Số: 245/UBND-VX` for a
công văn, which has no type code. `parse` accepts what people actually type ("21 - KL/TƯ",
"1017 – QĐ/TU", "số 05-ct/tw", "Số: 21-KL/TW") and returns one canonical form, or raises
`NumberError` whose `reason` tells the user, in Vietnamese, what is wrong.

Party numbers restart each congress term, so a Party document is identified by (number, term):
`term_for` gives the term (khóa) of an issuing date.
"""

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

PARTY_TYPES: dict[str, str] = {
    "NQ": "Nghị quyết",
    "NQLT": "Nghị quyết liên tịch",
    "CT": "Chỉ thị",
    "KL": "Kết luận",
    "QĐ": "Quyết định",
    "QĐi": "Quy định",
    "QyĐ": "Quy định",
    "QC": "Quy chế",
    "HD": "Hướng dẫn",
    "KH": "Kế hoạch",
    "BC": "Báo cáo",
    "TB": "Thông báo",
    "CTr": "Chương trình",
    "ĐA": "Đề án",
    "PA": "Phương án",
    "TTr": "Tờ trình",
    "CV": "Công văn",
    "TT": "Thông tri",
    "BB": "Biên bản",
    "GM": "Giấy mời",
    "GGT": "Giấy giới thiệu",
    "GCN": "Giấy chứng nhận",
}

# Nghị định 30/2020/NĐ-CP, Phụ lục III, plus the legal documents' codes.
STATE_TYPES: dict[str, str] = {
    "NQ": "Nghị quyết",
    "NQLT": "Nghị quyết liên tịch",
    "NĐ": "Nghị định",
    "QĐ": "Quyết định",
    "CT": "Chỉ thị",
    "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
    "QC": "Quy chế",
    "QYĐ": "Quy định",
    "TB": "Thông báo",
    "HD": "Hướng dẫn",
    "CTr": "Chương trình",
    "KH": "Kế hoạch",
    "PA": "Phương án",
    "ĐA": "Đề án",
    "DA": "Dự án",
    "BC": "Báo cáo",
    "BB": "Biên bản",
    "TTr": "Tờ trình",
    "HĐ": "Hợp đồng",
    "CĐ": "Công điện",
    "BGN": "Bản ghi nhớ",
    "BTT": "Bản thỏa thuận",
    "GUQ": "Giấy ủy quyền",
    "GM": "Giấy mời",
    "GGT": "Giấy giới thiệu",
    "GNP": "Giấy nghỉ phép",
    "PG": "Phiếu gửi",
    "PC": "Phiếu chuyển",
    "PB": "Phiếu báo",
    "CV": "Công văn",
}

# Party issuers whose letter case is not plain upper case, and the common ones, to restore the
# canonical spelling from "thu" or "btgdvtu".
PARTY_ISSUERS: tuple[str, ...] = (
    "TW", "TU", "HU", "ThU", "QU", "ĐU", "VPTW", "BTGTW", "BTGDVTW", "BTCTW", "BDVTW", "UBKTTW",
    "BTGTU", "BTGDVTU", "BTCTU", "BDVTU", "UBKTTU", "VPTU", "BTGHU", "BTGDVHU", "BTCHU", "BDVHU",
    "UBKTHU", "VPHU", "ĐĐ", "BCSĐ", "ĐUK", "QUTW", "ĐUCA",
)  # fmt: skip
STATE_ISSUERS: tuple[str, ...] = ("TTg", "CP", "QH", "UBND", "HĐND", "VPCP", "UBTVQH", "CTN")

MAX_DIGITS = 6  # the longest running number a register keeps; longer is a typo
MIN_YEAR, MAX_YEAR = 1945, 2100
MAX_ISSUER = 30  # the registry column's length

DASHES = "-–—‐‑‒−﹣－"
_DASH_RE = re.compile(f"[{DASHES}]")
# "Số", "số:", "SỐ.", "So" before the number.
_PREFIX = re.compile(r"^(?:số|so)\s*[:.]?\s*", re.IGNORECASE)
_SPACED = re.compile(r"\s*([-/])\s*")
_HAS_SPACE = re.compile(r"\s")
_SEGMENT = re.compile(r"[^\W\d_][^\W_]*")
_CENTRAL = re.compile(r"T\.?[ƯW]$", re.IGNORECASE)


class NumberError(ValueError):
    """A malformed document number; `reason` is what the user reads."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class DocNumber:
    """A parsed number: system "party" or "state", canonical digits, type code, issuer code, year."""

    system: str
    number: str
    type: str
    issuer: str
    year: int | None = None

    @property
    def canonical(self) -> str:
        if self.system == "party":
            return f"{self.number}-{self.type}/{self.issuer}"
        year = f"{self.year}/" if self.year else ""
        # A công văn has no type code (`245/UBND-VX`), nor has a law (`59/2020/QH14`).
        symbol = self.issuer if self.type in ("CV", "") else f"{self.type}-{self.issuer}"
        return f"{self.number}/{year}{symbol}"

    @property
    def heading(self) -> str:
        """As the document's header prints it: "Số 21-KL/TW", "Số: 30/2020/NĐ-CP"."""
        return f"Số {self.canonical}" if self.system == "party" else f"Số: {self.canonical}"

    def __str__(self) -> str:
        return self.canonical


def _ascii_key(code: str) -> str:
    """The code without diacritics: people without a Vietnamese keyboard type "QD" for "QĐ"."""
    return "".join(c for c in unicodedata.normalize("NFD", code.upper().replace("Đ", "D")) if c.isalnum())


_PARTY_BY_UPPER = {k.upper(): k for k in PARTY_TYPES}
_STATE_BY_UPPER = {k.upper(): k for k in STATE_TYPES}
_PARTY_BY_ASCII = {_ascii_key(k): k for k in PARTY_TYPES}
# "DA" is both dự án and (without the bar) đề án: only unambiguous ASCII spellings are guessed.
_STATE_BY_ASCII = {
    key: k
    for k in STATE_TYPES
    if (key := _ascii_key(k)) not in {_ascii_key(o) for o in STATE_TYPES if o != k}
}
_ISSUER_BY_UPPER = {i.upper(): i for i in PARTY_ISSUERS + STATE_ISSUERS}
_ISSUER_BY_ASCII = {_ascii_key(i): i for i in PARTY_ISSUERS if _ascii_key(i) != i.upper()}


def _type_code(raw: str, party: bool) -> str | None:
    by_upper, by_ascii = (_PARTY_BY_UPPER, _PARTY_BY_ASCII) if party else (_STATE_BY_UPPER, _STATE_BY_ASCII)
    return by_upper.get(raw.upper()) or by_ascii.get(_ascii_key(raw))


def _type_list(party: bool) -> str:
    return ", ".join(PARTY_TYPES if party else STATE_TYPES)


def _issuer_code(raw: str) -> str:
    """One issuer segment in its canonical spelling; raises NumberError if it is not a code."""
    # "TƯ", "T.Ư" and "T.W" are all the Central Committee's "TW".
    code = _CENTRAL.sub("TW", raw)
    upper = code.upper()
    if upper in _ISSUER_BY_UPPER:
        return _ISSUER_BY_UPPER[upper]
    if upper.isascii() and _ascii_key(upper) in _ISSUER_BY_ASCII:
        return _ISSUER_BY_ASCII[_ascii_key(upper)]
    if not _SEGMENT.fullmatch(code):
        raise NumberError(
            f"Ký hiệu cơ quan ban hành '{raw}' không hợp lệ: chỉ gồm chữ cái và chữ số, bắt đầu bằng chữ cái."
        )
    # Letter case is kept as written ("TTg"), unless the whole code was typed in lower case.
    return upper if raw == raw.lower() else code


def _issuer(raw: str, example: str) -> str:
    if not raw:
        raise NumberError(f"Thiếu ký hiệu cơ quan ban hành (ví dụ {example}).")
    issuer = "-".join(_issuer_code(part) for part in raw.split("-"))
    if len(issuer) > MAX_ISSUER:
        raise NumberError(f"Ký hiệu cơ quan ban hành quá dài (tối đa {MAX_ISSUER} ký tự).")
    return issuer


def _digits(raw: str) -> str:
    if len(raw.lstrip("0")) > MAX_DIGITS:
        raise NumberError(f"Số thứ tự quá dài: tối đa {MAX_DIGITS} chữ số.")
    value = int(raw)
    if value == 0:
        raise NumberError("Số thứ tự phải lớn hơn 0.")
    return f"{value:02d}"


def _first(m: re.Match) -> str:
    return m.group(1)


def _clean(text: str) -> str:
    """NFC, one kind of hyphen, no spaces around hyphens and slashes, no "Số" in front."""
    text = unicodedata.normalize("NFC", text).strip()
    if not text.isascii():
        text = _DASH_RE.sub("-", text)
    if text[:1] in "sS":
        text = _PREFIX.sub("", text)
    text = text.rstrip(" .,;")
    return _SPACED.sub(_first, text) if _HAS_SPACE.search(text) else text


def parse(text: str) -> DocNumber:
    """The number in `text` ("Số 21-KL/TW", "30/2020/NĐ-CP"...); raises NumberError with the reason."""
    if not isinstance(text, str) or not text.strip():
        raise NumberError("Chưa nhập số, ký hiệu văn bản.")
    cleaned = _clean(text)
    m = re.match(r"\d+", cleaned, re.ASCII)
    if m is None:
        raise NumberError(
            "Thiếu số thứ tự: số, ký hiệu bắt đầu bằng chữ số, ví dụ 21-KL/TW (văn bản của Đảng) "
            "hoặc 30/2020/NĐ-CP (văn bản nhà nước)."
        )
    rest = cleaned[m.end() :]
    if not rest:
        raise NumberError("Thiếu loại văn bản và cơ quan ban hành sau số thứ tự (ví dụ 21-KL/TW).")
    if rest[0] in "-/" and any(ch.isspace() for ch in rest):
        raise NumberError(f"Ký hiệu '{rest[1:].strip()}' không được chứa khoảng trắng.")
    if rest[0] == "-":
        return _party(m.group(), rest[1:])
    if rest[0] == "/":
        return _state(m.group(), rest[1:])
    raise NumberError(
        "Sau số thứ tự phải là dấu gạch ngang (văn bản của Đảng: 21-KL/TW) "
        "hoặc dấu gạch chéo (văn bản nhà nước: 30/2020/NĐ-CP)."
    )


def _party(number: str, symbol: str) -> DocNumber:
    raw_type, slash, raw_issuer = symbol.partition("/")
    if not raw_type:
        raise NumberError("Thiếu ký hiệu loại văn bản sau dấu gạch ngang (ví dụ 21-KL/TW).")
    code = _type_code(raw_type, party=True)
    if code is None:
        raise NumberError(
            f"Loại văn bản '{raw_type}' không có trong danh mục văn bản của Đảng ({_type_list(True)})."
        )
    if not slash:
        raise NumberError(f"Thiếu dấu gạch chéo và cơ quan ban hành sau loại văn bản (ví dụ 21-{code}/TW).")
    if "/" in raw_issuer:
        raise NumberError("Số, ký hiệu văn bản của Đảng chỉ có một dấu gạch chéo (ví dụ 21-KL/TW).")
    issuer = _issuer(raw_issuer, f"21-{code}/TW")
    return DocNumber("party", _digits(number), code, issuer)


def _state(number: str, symbol: str) -> DocNumber:
    parts = symbol.split("/")
    if len(parts) > 2:
        raise NumberError("Số, ký hiệu văn bản nhà nước có dạng số/năm/KÝ HIỆU, ví dụ 30/2020/NĐ-CP.")
    year = None
    if len(parts) == 2:
        raw_year, symbol = parts
        if not re.fullmatch(r"\d{4}", raw_year, re.ASCII):
            raise NumberError(f"Năm ban hành '{raw_year}' phải có 4 chữ số (ví dụ 30/2020/NĐ-CP).")
        year = int(raw_year)
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise NumberError(f"Năm ban hành {year} không hợp lệ.")
    if not symbol:
        raise NumberError("Thiếu ký hiệu loại văn bản và cơ quan ban hành (ví dụ 12/BC-UBND).")
    head, dash, tail = symbol.partition("-")
    code = _type_code(head, party=False) if head else None
    digits = _digits(number)
    if code is not None and code != "CV":
        if not tail:
            raise NumberError(f"Thiếu cơ quan ban hành sau loại văn bản (ví dụ 12/{code}-UBND).")
        return DocNumber("state", digits, code, _issuer(tail, f"12/{code}-UBND"), year)
    if code == "CV":  # "12/CV-UBND": the old way of writing a công văn
        head, tail = tail, ""
        symbol = symbol.partition("-")[2]
    # "21/KL-TW": a Party number written the state's way round.
    if _type_code(head, party=True) and not _type_code(head, party=False) and tail:
        raise NumberError(
            f"'{symbol}' giống ký hiệu văn bản của Đảng: viết số-LOẠI/CƠ QUAN, ví dụ {digits}-{head.upper()}/TW."
        )
    issuer = _issuer(symbol, "245/UBND-VX")
    # A công văn is named by its issuer and unit; with a year and no type it is a law or ordinance.
    return DocNumber("state", digits, "" if year else "CV", issuer, year)


def try_parse(text) -> DocNumber | None:
    """The parsed number, or None when `text` is not a document number."""
    try:
        return parse(text)
    except NumberError:
        return None


def canonical(text: str) -> str:
    """The canonical spelling of a number ("5 - CT/TƯ" → "05-CT/TW"); raises NumberError."""
    return parse(text).canonical


@dataclass(frozen=True)
class Term:
    """A congress term (khóa): from the closing day of one Party Congress to the eve of the next."""

    roman: str
    ordinal: int
    start: dt.date
    end: dt.date | None

    def __contains__(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


_STARTS = (
    ("IX", 9, dt.date(2001, 4, 22)),
    ("X", 10, dt.date(2006, 4, 25)),
    ("XI", 11, dt.date(2011, 1, 19)),
    ("XII", 12, dt.date(2016, 1, 28)),
    ("XIII", 13, dt.date(2021, 2, 1)),
    ("XIV", 14, dt.date(2026, 1, 23)),
)
TERMS: tuple[Term, ...] = tuple(
    Term(roman, ordinal, start, _STARTS[i + 1][2] - dt.timedelta(days=1) if i + 1 < len(_STARTS) else None)
    for i, (roman, ordinal, start) in enumerate(_STARTS)
)


def term_for(day: dt.date) -> Term | None:
    """The term a date falls in; None before 2001-04-22 (the IXth Congress)."""
    if isinstance(day, dt.datetime):
        day = day.date()
    for term in reversed(TERMS):
        if day >= term.start:
            return term
    return None


def term_by_roman(roman: str) -> Term | None:
    """The term named "XIII" (or 13), else None."""
    wanted = str(roman).strip().upper()
    return next((t for t in TERMS if wanted in (t.roman, str(t.ordinal))), None)
