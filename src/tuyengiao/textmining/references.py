"""Trích dẫn văn bản: the documents an article or a report cites, pure functions.

Two kinds of mention:
- numbered references, "Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng",
  "Nghị định 30/2020/NĐ-CP", "Công văn số 245/UBND-VX": `find_references` returns each with the
  canonical number, the date given with it and the body named after "của";
- named references without a number, "Chỉ thị 05", "Nghị quyết Trung ương 4 (khóa XII)",
  "Nghị quyết Đại hội XIII": `find_aliases` returns them with `alias_key`, the key under which the
  registry keeps its aliases, so that spelling variants of one alias meet.

The text is expected to be `normalize`d (NFC, one tone placement); offsets are into that text.
"""

import datetime as dt
import functools
import re
from dataclasses import dataclass, replace

from tuyengiao.core.text import fold
from tuyengiao.documents import numbering
from tuyengiao.textmining.dates import date_at


@dataclass(frozen=True)
class Reference:
    """One mention of a numbered document: canonical number, codes, date and body given with it."""

    number: str
    type: str
    issuer: str
    date: dt.date | None
    issued_by: str | None
    start: int
    end: int


@dataclass(frozen=True)
class AliasMention:
    """One mention of a document by a name without its number ("Chỉ thị 05")."""

    text: str
    key: str
    start: int
    end: int


# ---------------------------------------------------------------------------------------------
# Numbered references

_WS = r"\s{0,3}"  # spaces, or a line break, inside a number: "05 - CT/TW", "05-CT/\nTW"
_DASH = "-–—"
_PARTY = (
    rf"(?P<pn>\d{{1,6}}){_WS}[{_DASH}]{_WS}(?P<pt>[A-Za-zĐđ]{{1,5}}){_WS}/{_WS}"
    r"(?P<pi>T\.[WƯwư]|[A-Za-zĐđƯư][A-Za-zĐđƯư0-9]{0,11})"
)
_SEG = r"[A-Za-zĐđƯư][A-Za-zĐđƯư0-9]{0,11}"
_STATE = (
    r"(?P<sn>\d{1,6}) ?/ ?(?:(?P<sy>\d{4}) ?/ ?)?"
    rf"(?P<ss>{_SEG}(?: ?[-–] ?{_SEG}){{0,3}})"
)
# Not inside a longer token: "Covid-19", "20A-123.45", a URL's path, "27-28/3/2021".
# "số21-KL/TW" (the space lost in copying) is still a number.
_NUMBERED = re.compile(rf"(?:(?<![\w./{_DASH}])|(?<=(?<!\w)[Ss]ố))(?:{_PARTY}|{_STATE})(?![\w/]|[{_DASH}]\w)")

# The words before a number: "Kết luận số", "Nghị định", "số:", "Số".
_TYPE_WORDS = (
    "Nghị quyết liên tịch|Nghị quyết|Chỉ thị|Kết luận|Quyết định|Quy định|Quy chế|Hướng dẫn|Kế hoạch|"
    "Báo cáo|Thông báo|Thông tri|Thông tư liên tịch|Thông tư|Chương trình|Đề án|Phương án|Tờ trình|"
    "Công văn|Văn bản|Biên bản|Nghị định|Công điện|Luật|Pháp lệnh|Giấy mời"
)
_BEFORE = re.compile(rf"(?:(?<!\w)(?:{_TYPE_WORDS})\s+)?(?:(?<!\w)số\s*:?\s*)?$", re.IGNORECASE)
_BEFORE_WINDOW = 40
# A number without a type code must be announced: "Công văn số 245/UBND-VX", "văn bản số
# 12/UBND", "Luật Đất đai số 45/2013/QH13". "Giấy phép số 47/GP-STTTT" in a page footer, "01/TK-TNCN"
# (a tax form) or "số 5/KP" (an address) are no documents.
_CUE_LETTER = re.compile(r"(?<!\w)(?:Công văn|Văn bản|CV)\s+(?:số\s*:?\s*)?$", re.IGNORECASE)
_CUE_LAW = re.compile(
    r"(?<!\w)(?:Luật|Bộ luật|Pháp lệnh|Nghị quyết|Văn bản hợp nhất)(?:\s+[^\W\d_]+){0,4}?\s+(?:số\s*:?\s*)?$",
    re.IGNORECASE,
)

_UPPER = re.compile(r"[A-ZĐƯ]")


def _upper_count(text: str) -> int:
    return len(_UPPER.findall(text))


def _accept(m: re.Match, parsed: numbering.DocNumber, text: str) -> bool:
    """The checks beyond the syntax that keep scores, codes and lower-case prose out."""
    if parsed.system == "party":
        written = m.group("pi")
        # "số 05-ct/tw" is a reference; "3-ab/cd" is not: lower case only for the known issuers.
        return bool(_UPPER.search(written)) or parsed.issuer in numbering.PARTY_ISSUERS
    symbol = m.group("ss")
    if parsed.type not in ("CV", ""):
        return symbol[0].isupper() or symbol == symbol.lower()
    # No type code: a công văn (or a law, with a year). Upper-case codes only ("100/xã" is prose).
    segments = re.split(r" ?[-–] ?", symbol)
    if _upper_count(segments[0]) < 2 or not all(s[0].isupper() for s in segments):
        return False
    cue = _CUE_LAW if parsed.year else _CUE_LETTER
    return bool(cue.search(text, max(0, m.start() - _BEFORE_WINDOW), m.start()))


# The body after "của": it ends at punctuation, at the end of the sentence, or at a word that
# cannot be part of a body's name ("về", "và", "đã", "trong", a verb...).
_STOP_WORDS = (
    "về|và|đã|đang|sẽ|trong|được|bị|cũng|vẫn|với|cho|để|nhằm|theo|tại|trên|dưới|từ|đến|tới|khi|nay|"
    "này|là|thì|mà|nên|như|do|gắn|có|không|phải|cần|ngày|năm|số|khóa|nhiệm kỳ|tiếp tục|thực hiện|"
    "triển khai|quán triệt|ban hành|phê duyệt|yêu cầu|đề ra|xác định|nêu|khẳng định|nhấn mạnh|chỉ rõ|"
    "sau|trước|giai đoạn|bởi|vào|qua|bằng|đối với|tạo|đạt|góp|đều|rất|lại|vừa|mới|nhưng|hoặc|"
    "hay|cùng|gồm|ký|kèm|ở|vì|đánh giá|sửa đổi|bổ sung|thay thế|hết|còn|chưa|đó|đây|đề nghị|giao|"
    "tổ chức|học tập|tuyên truyền|chỉ đạo|lãnh đạo|hướng dẫn|quy định"
)
_STOP = re.compile(
    r"[,;:()\[\]“”\"‘’'«»…!?\n]"
    r"|(?<!\bTP)(?<!\bTp)(?<!\bTX)(?<!\bTx)\.(?=\s|$|[^\W\d_])"  # not the stop of "TP. Thái Nguyên"
    r"| [-–] | [Vv]/[Vv](?!\w)"
    rf"| (?:{_STOP_WORDS})(?![^\W\d_])"
)
# Names that contain a stop: "Ban Tuyên giáo và Dân vận", "Bộ Văn hóa, Thể thao và Du lịch".
_COMPOUNDS = re.compile(
    r"Tuyên giáo và Dân vận|Giáo dục và Đào tạo|Khoa học và Công nghệ|Thông tin và Truyền thông|"
    r"Tài nguyên và Môi trường|Nông nghiệp và Phát triển nông thôn|Nông nghiệp và Môi trường|"
    r"Văn hóa, Thể thao và Du lịch|Lao động [-–] Thương binh và Xã hội|Thương binh và Xã hội|"
    r"Kế hoạch và Đầu tư|Dân tộc và Tôn giáo|Phát thanh và Truyền hình|Phát thanh [-–] Truyền hình|"
    r"[Cc]ơ quan và [Dd]oanh nghiệp|Bà Rịa [-–] Vũng Tàu|Xây dựng và Phát triển|Giáo dục và Khoa học"
)
# Bodies whose name is complete: after them (and a capitalized place name) comes no lower-case word.
_KNOWN_BODY = re.compile(
    r"(?>(?:Bộ Chính trị|Ban Bí thư(?: Trung ương(?: Đảng)?)?|Ban Chấp hành Trung ương(?: Đảng)?"
    r"|Ban Chấp hành Đảng bộ (?:tỉnh|thành phố|huyện|quận|thị xã)|Thủ tướng Chính phủ|Chính phủ|Quốc hội"
    r"|Ủy ban Thường vụ Quốc hội|Ban Thường vụ (?:Tỉnh|Huyện|Thành|Thị|Quận|Đảng) ủy"
    r"|(?:(?:Tỉnh|Huyện|Thành|Thị|Quận|Đảng) ủy|UBND|Ủy ban nhân dân|HĐND|Hội đồng nhân dân)"
    r"(?: (?:tỉnh|huyện|thành phố|thị xã|thị trấn|xã|phường|quận))?)"
    r"(?: [A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ][^\s]*)*)"
    r"(?= [a-zđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ])"
)
_BODY_WINDOW = 160
_MAX_BODY_WORDS = 12
_OF = re.compile(r"[ \t]*,?[ \t]*(?P<word>của|do)[ \t]+")
_ENACTED = re.compile(r" (?:ban hành|ký)(?![^\W\d_])")
_DATE_AFTER_BODY = re.compile(r"(?P<comma>[ \t]*,)?[ \t]+(?:\([ \t]*)?(?:ban hành[ \t]+)?ngày")
# After "của Bộ Chính trị, ngày 15/5/2016" the date must end the clause, else it starts a new one.
_CLAUSE_END = re.compile(r"[ \t]*\)?(?:[.,;:)\n]|[ \t]+về(?!\w)|$)")
_CLOSE = re.compile(r"[ \t]*\)")


def _body(text: str, start: int, by_do: bool) -> tuple[str, int] | None:
    """The issuing body written at `start` and where it ends, else None."""
    window = text[start : start + _BODY_WINDOW]
    covered = [c.span() for c in _COMPOUNDS.finditer(window)] if ("và" in window or " - " in window) else []
    end = None
    for s in _STOP.finditer(window):
        if not any(a <= s.start() < b for a, b in covered):
            end = s.start()
            break
    if end is None:
        if start + _BODY_WINDOW < len(text):
            return None  # no end in sight: not a body's name
        end = len(window)
    body = window[:end].strip()
    if not body or not body[0].isupper():
        return None  # "của tỉnh", "của đồng chí ...": not a body's name
    # "của Bộ Chính trị đi vào cuộc sống": a known body's name ends before a lower-case word.
    if (known := _KNOWN_BODY.match(body)) and known.end() < len(body):
        end = known.end()
        body = body[:end]
    if len(body.split()) > _MAX_BODY_WORDS:
        return None
    if by_do and not _ENACTED.match(window, end):
        return None  # "do" names the issuer only in "do Bộ Chính trị ban hành"
    return body, start + len(window[:end].rstrip())


def _tail(text: str, pos: int, published: dt.date | None, parsed) -> tuple[dt.date | None, str | None, int]:
    """The date and issuing body written after a number ending at pos, and where they end."""
    date = None
    found = date_at(text, pos, published)
    if found is not None:
        date, pos = found
        close = _CLOSE.match(text, pos)
        if close and "(" in text[pos - 30 : pos]:
            pos = close.end()
    issued_by = None
    of = _OF.match(text, pos)
    if of is not None:
        body = _body(text, of.end(), of.group("word") == "do")
        if body is not None:
            issued_by, pos = body
            after = _DATE_AFTER_BODY.match(text, pos) if date is None else None
            if after is not None:
                found = date_at(text, pos, published)
                if found is not None and (not after.group("comma") or _CLAUSE_END.match(text, found[1])):
                    date, pos = found
    if date is not None and parsed.year and date.year != parsed.year:
        date = None  # "30/2020/NĐ-CP, ngày 5/3/2021": that date is not the decree's
    return date, issued_by, pos


_DIGIT_RUN = re.compile(r"\d+")
_REACH = 30  # the farthest a number's first digit stands before its first slash ("1017 - QĐ/")


@functools.lru_cache(maxsize=4096)
def _parse(raw: str) -> numbering.DocNumber | None:
    return numbering.try_parse(raw)


@dataclass(frozen=True)
class _Found:
    match: re.Match
    parsed: numbering.DocNumber
    start: int  # where the words announcing the number start ("Kết luận số")
    series: tuple[tuple[numbering.DocNumber, int, int], ...]  # "số 18, 19-NQ/TW": the 18


# "Nghị quyết số 18, 19-NQ/TW", "Chỉ thị số 05 và 06-CT/TW": bare numbers sharing the symbol after them.
_SERIES = re.compile(r"(?<!\w)số\s*(?P<list>\d{1,4}(?:\s*(?:,|và)\s*\d{1,4}){0,5})\s*(?:,|và)\s*$")
_SERIES_WINDOW = 50


def _series(text: str, m: re.Match, parsed: numbering.DocNumber):
    if parsed.system != "party" or "số" not in text[max(0, m.start() - _SERIES_WINDOW) : m.start()]:
        return ()
    found = _SERIES.search(text, max(0, m.start() - _SERIES_WINDOW), m.start())
    if found is None:
        return ()
    members = []
    for run in _DIGIT_RUN.finditer(text, found.start("list"), found.end("list")):
        member = _parse(f"{run.group()}-{parsed.type}/{parsed.issuer}")
        if member is not None and member != parsed:
            members.append((member, run.start(), run.end()))
    return tuple(members)


@functools.lru_cache(maxsize=4)  # find_references and find_aliases both need them, on the same text
def _numbered(text: str) -> tuple[_Found, ...]:
    """Each numbered reference in the text, in order."""
    found = []
    # Every number has a slash: look around the (few) slashes instead of scanning every character.
    done = 0
    slash = text.find("/")
    while slash != -1:
        if slash >= done:
            for run in _DIGIT_RUN.finditer(text, max(done, slash - _REACH), slash):
                m = _NUMBERED.match(text, run.start())
                if m is None or m.end() <= slash:
                    continue
                done = m.end()
                parsed = _parse(m.group())
                if parsed is not None and _accept(m, parsed, text):
                    series = _series(text, m, parsed)
                    lead = (
                        None
                        if series
                        else _BEFORE.search(text, max(0, m.start() - _BEFORE_WINDOW), m.start())
                    )
                    found.append(_Found(m, parsed, lead.start() if lead else m.start(), series))
                break
        slash = text.find("/", slash + 1)
    return tuple(found)


# "Ngày 5-6-2017, Ban Tuyên giáo Tỉnh ủy (đã) ban hành Công văn số 455-CV/BTGTU": the sentence that
# opens with a date and a body issuing the document gives its date and issuing body before the number.
_ISSUED_BEFORE = re.compile(
    r"(?:^|(?<=[.\n]))\W*(?:ngày[ \t]+)?(?P<date>\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4})[ \t]*,?[ \t]*"
    r"(?P<body>(?:Ban|Tỉnh ủy|Huyện ủy|Thành ủy|Quận ủy|Thị ủy|Đảng ủy|Ủy ban|UBND|Thường trực)[^,;.\n]{0,80}?)"
    r"[ \t]+(?:đã[ \t]+|vừa[ \t]+)?ban[ \t]+hành(?:[ \t]+(?:[^\s,;.]+[ \t]+){0,3}số[ \t]*:?)?[ \t]*$",
    re.IGNORECASE,
)
_ISSUED_WINDOW = 220


def _issued_before(text: str, start: int, parsed) -> tuple[dt.date | None, str | None]:
    lo = max(0, start - _ISSUED_WINDOW)
    head = text[lo:start]
    cut = max(head.rfind(". "), head.rfind("\n"))
    m = _ISSUED_BEFORE.search(head[cut + 1 :] if cut != -1 else head)
    if m is None:
        return None, None
    found = date_at(m.group("date"), 0)
    date = found[0] if found else None
    if date is not None and parsed.year and date.year != parsed.year:
        return None, None
    return date, m.group("body").strip()


def find_references(text: str, published: dt.date | None = None) -> list[Reference]:
    """Every mention of a numbered document, in text order."""
    if not text:
        return []
    found = []
    for f in _numbered(text):
        parsed = f.parsed
        date, issued_by, end = _tail(text, f.match.end(), published, parsed)
        if date is None and issued_by is None:
            date, issued_by = _issued_before(text, f.start, parsed)
        # What is said after "số 18, 19-NQ/TW" (date, body) is said of both.
        for member, start, stop in f.series:
            found.append(
                Reference(member.canonical, member.type, member.issuer, date, issued_by, start, stop)
            )
        found.append(Reference(parsed.canonical, parsed.type, parsed.issuer, date, issued_by, f.start, end))
    return found


def unique_references(refs) -> list[Reference]:
    """Each document once, in first-mention order, with the first date and body any mention gives."""
    merged: dict[str, Reference] = {}
    for ref in refs:
        seen = merged.get(ref.number)
        if seen is None:
            merged[ref.number] = ref
            continue
        if seen.date is None and ref.date is not None:
            seen = replace(seen, date=ref.date)
        if seen.issued_by is None and ref.issued_by is not None:
            seen = replace(seen, issued_by=ref.issued_by)
        merged[ref.number] = seen
    return list(merged.values())


# ---------------------------------------------------------------------------------------------
# Named references (aliases)

_ORDINALS = {
    "nhat": 1, "mot": 1, "hai": 2, "ba": 3, "tu": 4, "bon": 4, "nam": 5, "lam": 5, "sau": 6, "bay": 7,
    "tam": 8, "chin": 9,
}  # fmt: skip
_ROMAN = (("C", 100), ("XC", 90), ("L", 50), ("XL", 40), ("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1))
_ROMAN_RE = r"(?-i:[IVXL]{1,7})"
_ORD_WORDS = r"(?:mười(?:[ \t]+(?:một|hai|ba|bốn|tư|lăm|năm|sáu|bảy|tám|chín))?|nhất|một|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín)"
_NTH = rf"(?:lần[ \t]+thứ[ \t]+(?:\d{{1,2}}|{_ORD_WORDS}|{_ROMAN_RE})|\d{{1,2}})"
_TERM = rf"(?:[ \t]*,?[ \t]*\(?[ \t]*khóa[ \t]+(?:{_ROMAN_RE}|\d{{1,2}})(?![\w])[ \t]*\)?)"
_END = r"(?![^\W\d_])"

_NTH_WORDS = rf"lần[ \t]+thứ[ \t]+(?:\d{{1,2}}|{_ORD_WORDS}|{_ROMAN_RE}){_END}"
_CENTRAL = r"(?:Trung ương|TW|TƯ|T\.Ư|T\.W)"

# "Nghị quyết Trung ương 4 (khóa XII)", "Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương
# Đảng khóa XII", "Kết luận TW 8".
_PLENUM = re.compile(
    rf"(?:Nghị quyết|Kết luận)[ \t]+(?:của[ \t]+)?(?:Hội nghị[ \t]+)?"
    rf"(?:(?:Ban Chấp hành[ \t]+)?{_CENTRAL}(?:[ \t]+Đảng)?[ \t]+{_NTH}{_END}"
    rf"|{_NTH_WORDS}[ \t]+(?:của[ \t]+)?Ban Chấp hành Trung ương(?:[ \t]+Đảng)?{_END})"
    rf"{_TERM}?",
    re.IGNORECASE,
)
# "Nghị quyết Đại hội XIII", "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng".
_CONGRESS = re.compile(
    rf"Nghị quyết[ \t]+(?:của[ \t]+)?Đại hội[ \t]+"
    rf"(?:(?:đại biểu[ \t]+)?(?:Đảng[ \t]+)?toàn quốc[ \t]+|đại biểu[ \t]+|Đảng[ \t]+(?!bộ))?"
    rf"(?:{_NTH_WORDS}|{_ROMAN_RE}{_END})"
    rf"(?:[ \t]+của[ \t]+Đảng(?![ \t]+bộ){_END})?",
    re.IGNORECASE,
)
# "Nghị quyết Đại hội đại biểu Đảng bộ huyện Gia Lâm lần thứ XXII", "... Đảng bộ tỉnh (khóa XII)".
_LOCAL_CONGRESS = re.compile(
    rf"Nghị quyết[ \t]+(?:của[ \t]+)?Đại hội[ \t]+(?:đại biểu[ \t]+)?Đảng bộ"
    rf"(?:[ \t]+(?!lần\b|khóa\b|nhiệm\b|các\b)[^\W\d_]+){{0,6}}?[ \t]*,?[ \t]*"
    rf"(?:{_NTH_WORDS}|\(?[ \t]*khóa[ \t]+(?:{_ROMAN_RE}|\d{{1,2}}){_END}[ \t]*\)?)",
    re.IGNORECASE,
)
# "Chỉ thị 05", "Nghị quyết số 29", "Nghị quyết 30a": a type word and a bare number (capitalized:
# in running prose "kế hoạch 5 năm" is a plan for five years).
_ALIAS_TYPES = (
    "Nghị quyết|Chỉ thị|Kết luận|Quyết định|Quy định|Quy chế|Hướng dẫn|Kế hoạch|Thông báo|Thông tri|"
    "Chương trình|Đề án|Nghị định|Thông tư"
)
_MEASURES = (
    "năm|tháng|ngày|tuần|quý|giờ|phút|lần|người|đồng|triệu|tỷ|nghìn|ngàn|trăm|điểm|nội dung|nhiệm vụ|"
    "giải pháp|chương|điều|mục|khoản|phần|bước|tiêu chí|chỉ tiêu|lớp|buổi|cuộc|văn bản|đợt|mặt|vấn đề|"
    "chuyên đề|nhóm|loại|tập thể|cá nhân|hộ|xã|huyện|tỉnh|đơn vị|giai đoạn|km|ha|tấn|kg|bản|trang|cấp"
)
_NUMBERED_NAME = re.compile(
    rf"(?<![\w])(?:{_ALIAS_TYPES})[ \t]+(?:số[ \t]*:?[ \t]*)?(?P<n>\d{{1,4}}[a-z]?)"
    rf"(?![\w%]|[ \t]*[{_DASH}/][ \t]*\w|[.,]\d)(?![ \t]+(?:{_MEASURES}){_END})"
)
# Where a type word may start: found with str.find, much faster than a regular expression here.
_CUES = {
    tail: initials
    for initials, tails in (
        ("Nn", ("ghị quyết", "ghị định")),
        ("Cc", ("hỉ thị", "hương trình")),
        ("Kk", ("ết luận", "ế hoạch")),
        ("Qq", ("uyết định", "uy định", "uy chế")),
        ("Hh", ("ướng dẫn",)),
        ("Tt", ("hông báo", "hông tri", "hông tư")),
        ("Đđ", ("ề án",)),
    )
    for tail in tails
}


def _cues(text: str) -> list[int]:
    starts = []
    for tail, initials in _CUES.items():
        i = text.find(tail, 1)
        while i != -1:
            if text[i - 1] in initials and (i < 2 or not text[i - 2].isalnum()):
                starts.append(i - 1)
            i = text.find(tail, i + 1)
    return sorted(starts)


_YEAR_LIKE = re.compile(r"(?:19|20)\d\d")


def find_aliases(text: str) -> list[AliasMention]:
    """Named references without a number, in text order, none inside a numbered reference."""
    if not text:
        return []
    taken = [(min([f.start, *(start for _n, start, _e in f.series)]), f.match.end()) for f in _numbered(text)]
    found: list[AliasMention] = []
    last_end = -1
    for pos in _cues(text):
        if pos < last_end:
            continue
        m = None
        for pattern in (_PLENUM, _CONGRESS, _LOCAL_CONGRESS, _NUMBERED_NAME):
            m = pattern.match(text, pos)
            if m is not None:
                if pattern is _NUMBERED_NAME and _YEAR_LIKE.fullmatch(m.group("n")):
                    m = None
                    continue
                break
        if m is None:
            continue
        start, end = m.span()
        if any(a < end and start < b for a, b in taken):
            continue
        mention = text[start:end].strip()
        found.append(AliasMention(mention, alias_key(mention), start, start + len(mention)))
        last_end = end
    return found


# alias_key works on folded text ("nghi quyet trung uong 4 khoa xii").
_F_ORD = r"(?:muoi(?: (?:mot|hai|ba|bon|tu|lam|nam|sau|bay|tam|chin))?|nhat|mot|hai|ba|tu|bon|nam|sau|bay|tam|chin)"
_F_NUM = rf"(?:\d{{1,2}}|{_F_ORD}|[ivxl]{{1,7}})"
_F_PLENUM = re.compile(
    rf"(?P<type>nghi quyet|ket luan) (?:cua )?(?:hoi nghi )?"
    rf"(?:(?:ban chap hanh )?(?:trung uong|tw|tu)(?: dang)? (?:lan thu )?(?P<n>{_F_NUM})"
    rf"|lan thu (?P<n2>{_F_NUM}) (?:cua )?ban chap hanh trung uong(?: dang)?)"
    rf"(?: khoa (?P<term>{_F_NUM}))?"
)
_F_CONGRESS = re.compile(
    rf"nghi quyet (?:cua )?dai hoi (?:dai bieu )?(?:dang )?(?:toan quoc )?(?:lan thu )?(?P<n>{_F_NUM})(?: cua dang)?"
)
_F_LOCAL = re.compile(
    rf"nghi quyet (?:cua )?dai hoi (?:dai bieu )?dang bo (?P<who>(?:[a-z]+ ){{0,6}}?)"
    rf"(?:lan thu|khoa) (?P<n>{_F_NUM})"
)
_F_NAMED = re.compile(
    r"(?P<type>nghi quyet|chi thi|ket luan|quyet dinh|quy dinh|quy che|huong dan|ke hoach|thong bao|"
    r"thong tri|chuong trinh|de an|nghi dinh|thong tu) (?:so )?(?P<n>\d{1,4})(?P<suffix>[a-z]?)(?: cua .*)?"
)
_F_TAIL = re.compile(r" nhiem ky \d{4} \d{4}$")
_F_JUNK = re.compile(r"[^a-z0-9]+")


def _number(word: str) -> int | None:
    """4 from "4", "tu", "iv" or "muoi bon"'s parts."""
    if word.isdigit():
        return int(word)
    if word.startswith("muoi"):
        rest = word[5:]
        return 10 + (_ORDINALS.get(rest, 0) if rest else 0)
    if word in _ORDINALS:
        return _ORDINALS[word]
    total, i = 0, 0
    for symbol, value in _ROMAN:
        while word.upper().startswith(symbol, i):
            total, i = total + value, i + len(symbol)
    return total if i == len(word) and total else None


def _roman(value: int) -> str:
    out = []
    for symbol, amount in _ROMAN:
        while value >= amount:
            out.append(symbol)
            value -= amount
    return "".join(out).lower()


@functools.lru_cache(maxsize=4096)
def alias_key(text: str) -> str:
    """The registry's lookup key of an alias: folded, "khóa" and ordinals written one way.

    "Nghị quyết Trung ương 4 (khóa XII)", "Nghị quyết TW 4 khóa XII" and "nghi quyet trung uong 4
    khoa xii" all give "nghi quyet trung uong 4 khoa xii"; "Chỉ thị 5" and "Chỉ thị số 05" give
    "chi thi 05"; every way of naming the XIIIth Congress's resolution gives "nghi quyet dai hoi xiii".
    """
    folded = fold(str(text or "")).replace("t.w", "tw").replace("t.u", "tu")
    key = _F_JUNK.sub(" ", folded).strip()
    key = _F_TAIL.sub("", key)
    if m := _F_PLENUM.fullmatch(key):
        n = _number(m.group("n") or m.group("n2"))
        term = _number(m.group("term")) if m.group("term") else None
        if n:
            return f"{m.group('type')} trung uong {n}" + (f" khoa {_roman(term)}" if term else "")
    if (m := _F_CONGRESS.fullmatch(key)) and (n := _number(m.group("n"))):
        return f"nghi quyet dai hoi {_roman(n)}"
    if (m := _F_LOCAL.fullmatch(key)) and (n := _number(m.group("n"))):
        who = m.group("who").strip()
        return f"nghi quyet dai hoi dang bo {who} {_roman(n)}".replace("  ", " ")
    if m := _F_NAMED.fullmatch(key):
        return f"{m.group('type')} {int(m.group('n')):02d}{m.group('suffix')}"
    return key
