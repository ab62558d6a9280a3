"""The conference an article reports: kind, day, period covered, organizer, place and chair.

News reports of propaganda work open with a lead sentence ("Sáng 14-6, tại TP. Sông Công, Cụm thi
đua số 1 ... đã tổ chức hội nghị sơ kết công tác tuyên giáo 6 tháng đầu năm") and name the person
who chaired it ("Đồng chí X - Trưởng ban ... chủ trì hội nghị", "Chủ trì hội nghị có đồng chí X").
A monthly work summary reports no single conference: its kind is "khac", its date null, and its
organizer is the body that signed it.
"""

import datetime as dt
import re

from tuyengiao.textmining.clutter import ORG_HEAD, Article, is_prose
from tuyengiao.textmining.dates import find_dates
from tuyengiao.textmining.normalize import LOWER, UPPER

_UP = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
_LOW = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
_I = re.IGNORECASE


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# ------------------------------------------------------------------------------------- sentences

_BOUNDARY = re.compile(rf"[.!?…]+[\"”’»)]*\s+(?=[\"“(]?[{_UP}\d])")
_ABBREVIATIONS = _words(
    "TP Tp tp TX Tx TT Q P H X TS ThS Ths PGS GS BS KS CN NCS Đ/c đ/c St Th Mr Mrs ThS.BS v.v"
)
_LAST_TOKEN = re.compile(r"(\S+)$")


def sentences(paragraph: str) -> list[tuple[int, int]]:
    """Spans of the sentences of a paragraph; "TP. Sông Công" and "TS. Nguyễn" do not end one."""
    spans = []
    start = 0
    for m in _BOUNDARY.finditer(paragraph):
        token = _LAST_TOKEN.search(paragraph, max(start, m.start() - 12), m.start())
        word = token.group(1) if token else ""
        if m.group().startswith(".") and (word in _ABBREVIATIONS or (len(word) == 1 and word.isupper())):
            continue
        spans.append((start, m.start() + 1))
        start = m.end()
    if start < len(paragraph):
        spans.append((start, len(paragraph)))
    return spans


# ----------------------------------------------------------------------------------------- people

# A name's syllable; Central Highlands names keep an apostrophe: "M'nông", "H'Blơng", "H' Yim", "K' Thị".
_TOKEN = rf"[{_UP}][{_LOW}]*(?:['’](?:[{_UP}]?[{_LOW}]+|(?= [{_UP}])))?(?![^\W\d_])"
_RUN = re.compile(rf"{_TOKEN}(?: {_TOKEN}){{0,8}}")
_CUE = re.compile(r"(?<!\w)(?:các\s+)?(?:đồng\s+chí|đ/c|ông|bà)(?:\s*:)?\s+", _I)
_HONORIFIC = re.compile(
    r"(?:(?:PGS|GS|TS|ThS|Ths|BS|BSCKII|BSCKI|KS|CN|NCS|Th\.S)(?:\.\s*|\s+)"
    r"|(?:Đại|Thượng|Trung|Thiếu)\s+(?:tá|tướng|úy)\s+|Nhà\s+(?:báo|giáo|văn|thơ)\s+|Nghệ\s+sĩ\s+(?:ưu\s+tú\s+|nhân\s+dân\s+)?"
    r"|Nhạc\s+sĩ\s+|Họa\s+sĩ\s+|Luật\s+sư\s+|Tiến\s+sĩ\s+|Thạc\s+sĩ\s+|(?:Phó\s+)?Giáo\s+sư\s+|Bác\s+sĩ\s+|Kỹ\s+sư\s+)+"
)
_BARE_HONORIFIC = re.compile(r"(?<![\w.])(?:(?:PGS|GS|TS|ThS|Ths)\.\s*)+")
# Tokens that start a title, never a name: "Ủy viên", "Phó Bí thư", "Trưởng Ban", "Giám đốc".
_TITLE_TOKENS = _words(
    "Ủy Uỷ Phó Trưởng Bí Chủ Giám Tỉnh Huyện Quận Thường Tổng Bộ Thứ Chánh Ban Sở Đảng Kiêm Phòng "
    "Hiệu Cục Viện Mặt Ông Bà Thạc Bác Nhà Ủỷ Cán Chuyên Trợ Đồng Các Nguyên Đoàn Đài Báo Hội Trung "
    "Thành Thị Văn Đại Tuyên Công Liên Chính Thư Trường Tiến Thượng Thiếu UBND HĐND"
)
# A title token that is also a given name ("Nguyễn Văn Trung") is a title only before these words.
_TITLE_PAIRS = {
    "Đoàn": ("thanh", "kết"),
    "Hội": ("đồng", "nghị", "viên", "liên", "nông", "cựu", "phụ", "nhà", "văn"),
    "Trung": ("ương", "tâm", "tá", "tướng", "đoàn"),
    "Thành": ("ủy", "viên", "phố", "đoàn"),
    "Thị": ("ủy", "xã", "trấn"),
    "Văn": ("phòng", "hóa"),
    "Đại": ("biểu", "tá", "hội", "học", "tướng", "úy", "diện"),
    "Tuyên": ("giáo", "truyền"),
    "Công": ("an", "đoàn", "ty"),
    "Liên": ("đoàn", "hiệp", "minh"),
    "Chính": ("trị", "phủ"),
    "Thư": ("ký",),
    "Trường": ("ban", "phòng", "học", "đại", "trung"),
    "Tiến": ("sĩ",),
    "Thượng": ("tá", "tướng", "úy"),
    "Thiếu": ("tá", "tướng", "úy"),
    "Đồng": ("chí",),
    "Nguyên": ("là",),
    "Báo": ("cáo",),
    "Đài": ("phát", "truyền"),
}
_NEXT_WORD = re.compile(rf"\s*([{_LOW}]+)")
_SURNAMES = _words(
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Đoàn Lâm Mai Trịnh "
    "Trương Cao Lương Lưu Hà Tạ Tô Thái Chu Đàm Triệu Quách Vương Phùng Mạc Nông Hứa Kiều Lục Đào "
    "Tăng Lại Khổng Thân Tống Doãn Châu La Lò Quan Giáp Ninh Diệp Kim Khúc Bạch Âu Nghiêm Từ Trình Lã "
    "Vi Hầu Bế Ma Sầm Mè Lường Quàng Cầm Vàng Sùng Giàng Thào Lầu Hờ Mùa Ksor Nay Siu Rah Thạch Danh "
    "Lạc Phí Hàn Tôn Lô Vy Nhữ Biện Đới Chế Ưng Khuất Yên Đậu Hoa Mẫn Liễu Cù Lỗ"
)
_NOT_PEOPLE = frozenset({"Hồ Chí Minh", "Võ Nguyên Giáp", "Tôn Đức Thắng", "Lê Lợi", "Trần Hưng Đạo"})


def _trim_run(text: str, start: int, end: int) -> list[tuple[str, int]]:
    """The tokens of a capitalized run, cut before the first title word."""
    tokens = []
    pos = start
    for token in text[start:end].split(" "):
        if token in _TITLE_TOKENS and token not in _TITLE_PAIRS:
            break
        tokens.append((token, pos))
        pos += len(token) + 1
    # A run that ends on "Thành", "Trung", "Tuyên" before "ủy", "ương", "giáo" ends on a title.
    if tokens and tokens[-1][1] + len(tokens[-1][0]) == end:
        token, tpos = tokens[-1]
        pair = _TITLE_PAIRS.get(token)
        following = _NEXT_WORD.match(text, tpos + len(token))
        if pair and following and following.group(1) in pair:
            return tokens[:-1]
    return tokens


def _name_from(tokens: list[tuple[str, int]]) -> tuple[str, int, int] | None:
    if not 2 <= len(tokens) <= 5:
        return None
    name = " ".join(t for t, _ in tokens)
    if name in _NOT_PEOPLE:
        return None
    return name, tokens[0][1], tokens[-1][1] + len(tokens[-1][0])


def _surname_name(tokens: list[tuple[str, int]]) -> tuple[str, int, int] | None:
    """A full name inside a run of capitalized words: the last surname that leaves 3+ syllables."""
    starts = [i for i, (t, _) in enumerate(tokens) if t in _SURNAMES and len(tokens) - i >= 2]
    if not starts:
        return None
    longer = [i for i in starts if len(tokens) - i >= 3]
    i = longer[-1] if longer else starts[-1]
    return _name_from(tokens[i : i + 5])


def people(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[str, int, int]]:
    """People named in text[lo:hi] as (name, start, end); start includes the "đồng chí" before a name."""
    hi = len(text) if hi is None else hi
    found: list[tuple[str, int, int]] = []
    covered_until = lo
    for cue in _CUE.finditer(text, lo, hi):
        if cue.start() < covered_until:
            continue
        pos = cue.end()
        if h := _HONORIFIC.match(text, pos):
            pos = h.end()
        run = _RUN.match(text, pos, hi)
        if run is None:
            continue
        tokens = _trim_run(text, run.start(), run.end())
        hit = _name_from(tokens) if tokens else None
        if hit is None and not tokens:
            # "đồng chí Phó Bí thư Thường trực Tỉnh ủy Nguyễn Văn A": the name follows the title.
            stop = min(hi, pos + 120)
            for sep in (",", ";", ". ", " - ", " – "):
                cut = text.find(sep, pos, stop)
                if cut != -1:
                    stop = cut
            for later in _RUN.finditer(text, pos, stop):
                hit = _surname_name(_trim_run(text, later.start(), later.end()))
                if hit:
                    break
        if hit:
            found.append((hit[0], cue.start(), hit[2]))
            covered_until = hit[2]
    # Names without "đồng chí": "TS. Nguyễn Văn A", "Phó Bí thư Tỉnh ủy Nguyễn Văn A chủ trì".
    for run in _RUN.finditer(text, lo, hi):
        if any(s <= run.start() < e for _, s, e in found):
            continue
        tokens = _trim_run(text, run.start(), run.end())
        honored = bool(_BARE_HONORIFIC.search(text, max(lo, run.start() - 12), run.start()))
        hit = _surname_name(tokens) if tokens else None
        if hit and (honored or len(hit[0].split()) >= 3):
            found.append(hit)
    found.sort(key=lambda h: h[1])
    return found


# ------------------------------------------------------------------------------------------ chair

_CHAIR = re.compile(r"(?<!\w)(?:đồng\s+)?chủ\s+trì(?!\w)(?!\s*,?\s*phối\s+hợp)", _I)
_DIRECT = re.compile(
    r"(?<!\w)(?:tham\s+)?dự\s*(?:,|và)?\s*(?:phát\s+biểu\s+)?chỉ\s+đạo(?:\s+và\s+điều\s+hành)?(?!\w)", _I
)
_EVENT_NOUN = r"(?:hội\s+nghị|hội\s+thảo|tọa\s+đàm|buổi\s+giao\s+ban|buổi\s+\w+|lễ|cuộc\s+họp|phiên\s+\w+|chương\s+trình|lớp\s+\w+)"
_AFTER_CUE_STRICT = re.compile(
    rf"\s*(?:{_EVENT_NOUN}(?:\s+trực\s+tuyến)?\s*)?(?:là|có|gồm|của|:)\s*(?:sự\s+tham\s+gia\s+của\s+)?$", _I
)
_AFTER_CUE_LOOSE = re.compile(rf"[\s,:–-]*(?:{_EVENT_NOUN}(?:\s+trực\s+tuyến)?)?[\s,:–-]*$", _I)
_DO = re.compile(r"(?<!\w)do(?!\w)", _I)
# "đồng chí X cho biết, Ban Tuyên giáo sẽ chủ trì ...": X speaks, the body chairs ("đồng chí X ... sẽ chủ
# trì", in an announcement, is X chairing).
_SAYS = re.compile(
    r"(?<!\w)(?:cho\s+biết|nói|khẳng\s+định|đề\s+nghị|yêu\s+cầu|nhấn\s+mạnh|giao\s+cho)(?!\w)", _I
)
_ATTEND = re.compile(r"(?<!\w)dự(?!\w)", _I)
_ATTEND_AND = re.compile(r"dự\s*(?:và|,)\s*$", _I)
_CO_CHAIR = re.compile(r"\s(?:và|cùng)\s+$", _I)
_TITLED_NEXT = re.compile(
    r"\s*,\s*(?:Phó\s+)?(?:Bí\s+thư|Trưởng\s+ban|Chủ\s+tịch|Giám\s+đốc)"
    # then only the title's own words: capitalized ones and those of a body's name ("Thường trực Ban ...")
    rf"(?:\s+(?:(?-i:[{UPPER}])[^\s,;.:()]*|(?-i:ban|thường|trực|tỉnh|ủy|huyện|thành|phố|thị|xã|phường|quận|và|dân|vận"
    r"|tuyên|giáo|trung|ương|đảng|bộ|chính|trị|nhân|mặt|trận|tổ|quốc|cơ|quan|khối)))*\s*$",
    _I,
)
_MAX_CUES = 30  # an article names its chair early; a page of "chủ trì" is not worth reading on


def _segment_start(text: str, pos: int, clause: bool = True) -> int:
    """Where the sentence (or, with clause, the ";" clause) holding pos starts."""
    lo = max(0, text.rfind("\n", 0, pos) + 1, pos - 500)
    start = lo
    # One character past pos lets a sentence that ends right before pos be seen to end.
    for _, e in sentences(text[lo : pos + 1]):
        if e <= pos - lo:
            start = lo + e
    semi = text.rfind(";", start, pos) if clause else -1
    return semi + 1 if semi != -1 else start


def _segment_end(text: str, pos: int) -> int:
    hi = text.find("\n", pos)
    hi = len(text) if hi == -1 else hi
    hi = min(hi, pos + 400)
    spans = sentences(text[pos:hi])
    return pos + spans[0][1] if spans else hi


def _person_for(text: str, cue: re.Match) -> str | None:
    start, end = cue.span()
    seg_lo, seg_hi = _segment_start(text, start), _segment_end(text, end)
    after = people(text, end, seg_hi)
    if after and _AFTER_CUE_STRICT.match(text[end : after[0][1]]) and after[0][1] - end <= 60:
        return after[0][0]
    if cue.group().lower().startswith("đồng"):
        # Co-chairs ("đồng chủ trì"), maybe listed with ";": the first one named in the sentence.
        named = people(text, _segment_start(text, start, clause=False), start)
        if named:
            return named[0][0]
    before = [p for p in people(text, seg_lo, start) if start - p[2] <= 250]
    if before:
        i = len(before) - 1
        between = text[before[i][2] : start]
        if not (
            ":" in between
            or _DO.search(between)
            or _SAYS.search(between)
            or (_ATTEND.search(between) and not _ATTEND_AND.search(between))
        ):
            # Co-chairs "đồng chí X ... và đồng chí Y ... chủ trì", or titled names in a list ("Trưởng ban
            # Tuyên giáo Tỉnh ủy X, Phó Trưởng ban Thường trực Y chủ trì"): the first one named.
            while i > 0 and (
                _CO_CHAIR.search(text[before[i - 1][2] : before[i][1]])
                or _TITLED_NEXT.match(text[before[i - 1][2] : before[i][1]])
            ):
                i -= 1
            return before[i][0]
    if after and _AFTER_CUE_LOOSE.match(text[end : after[0][1]]) and after[0][1] - end <= 60:
        return after[0][0]
    return None


def find_chair(body: str) -> str | None:
    """Who chaired ("chủ trì"); failing that, who attended and directed ("dự và chỉ đạo")."""
    for cue_re in (_CHAIR, _DIRECT):
        for n, cue in enumerate(cue_re.finditer(body)):
            if n == _MAX_CUES:
                break
            if name := _person_for(body, cue):
                return name
    return None


# ------------------------------------------------------------------------------------- lead & date

_TIME_WORDS = r"(?:sáng|chiều|tối|trưa|đêm|hôm)"
_DATE_CUE = re.compile(
    rf"(?:(?<!\w){_TIME_WORDS}(?:\s+(?:nay|qua|mai))?\s*(?:thứ\s+\w+|chủ\s+nhật)?\s*[,(]?\s*(?:ngày\s*)?"
    rf"|(?:^|[,;:–\-)]\s*|(?<!\w)(?:vào|trong|từ|diễn\s+ra)\s+(?:(?:hai|2|ba|3)\s+)?|(?<!\w)hôm\s+)ngày\s*"
    r"|(?<!\w)(?:nay|qua|thứ\s+\w+|chủ\s+nhật)\s*\(\s*"
    r"|^\W*|\s[-–]\s*)$",
    _I,
)
_DOC_BEFORE = re.compile(
    r"(?<!\d)(?<!tháng )(?<!Tháng )\d+\s*[-/]\s*[\wĐđ.]*/?[\wĐđ\-]*\s*,?\s*(?:ban\s+hành\s+)?(?:ngày\s*)?$",
    _I,
)
_DOC_AFTER = re.compile(r"\s*,?\s*(?:của|về\s+việc|về)(?!\w)", _I)
_TODAY = re.compile(rf"^\W*(?:{_TIME_WORDS}\s+nay|hôm\s+nay)(?!\s*\()", _I)
_YESTERDAY = re.compile(rf"^\W*(?:{_TIME_WORDS}\s+qua|hôm\s+qua)(?!\s*\()", _I)
_VERB = re.compile(
    r"(?<!\w)(?:tổ\s+chức|diễn\s+ra|khai\s+mạc|họp|tiến\s+hành|tổng\s+kết|sơ\s+kết|giao\s+ban)(?!\w)", _I
)
_NOUN = re.compile(
    r"(?<!\w)(?:hội\s+nghị|giao\s+ban|sơ\s+kết|tổng\s+kết|hội\s+thảo|tọa\s+đàm|hội\s+thi|lễ|buổi|cuộc\s+họp"
    r"|họp|lớp|gặp\s+mặt|chương\s+trình|phiên|hội\s+báo|liên\s+hoan|diễn\s+đàn|điều\s+tra|khảo\s+sát|kiểm\s+tra|đến\s+thăm|chúc\s+tết|làm\s+việc)(?!\w)",
    _I,
)


def _lead_date(sentence: str, published: dt.date | None) -> dt.date | None:
    """The day a lead sentence announces: "Sáng 14-6, ...", "Ngày 17/6/2020, ...", "Chiều nay (15/6)"."""
    for day, start, end in find_dates(sentence, published):
        before = sentence[max(0, start - 40) : start]
        if ";" in sentence[:start] or not _DATE_CUE.search(before):
            continue
        if _DOC_BEFORE.search(before) or _DOC_AFTER.match(sentence, end):
            continue
        return day
    return None


def _lead_sentences(body: str) -> list[str]:
    """The first sentences of the first prose paragraphs, before any section heading splits them."""
    out: list[str] = []
    seen = 0
    for para in body.split("\n"):
        if not is_prose(para):
            if seen:
                break
            continue
        seen += 1
        out.extend(para[s:e].strip() for s, e in sentences(para)[:2])
        if seen == 2:
            break
    return out


_ANCHOR_CHARS = 3000


def _anchor(sentence: str, title: str | None, body: str = "") -> tuple[int, dt.date | None] | None:
    """For an article that shows no publication date, the year its event is in: the year the event's
    own words name ("giao ban ... tháng 8/2024", "tập huấn ... năm 2023"), else the title's, else the
    first period the article speaks of ("6 tháng đầu năm 2020"), else an anniversary's span
    ("kỷ niệm 90 năm ... (1930-2020)"). Failing those, the latest date the article gives in full (a
    cited document's), which the event cannot come before: (year, that date). None when nothing
    names a year."""
    for text in (sentence, title, body[:_ANCHOR_CHARS]):
        if year := _named_year(text or ""):
            return year, None
    dates = [day for day, _, _ in find_dates(body[:_ANCHOR_CHARS]) if day.year >= MIN_EVENT_YEAR]
    if dates:
        latest = max(dates)
        return latest.year, latest
    return None


MIN_EVENT_YEAR = 1945
# "phấn đấu đến năm 2030", "tầm nhìn đến năm 2045": a target, not the year of the event.
_TARGET_BEFORE = re.compile(r"(?:đến|tới|trước|vào)\s+$", _I)
_SPAN = re.compile(r"\(\s*(?:19|20)\d{2}\s*[-–]\s*((?:19|20)\d{2})\s*\)")


def _named_year(text: str) -> int | None:
    inside_dates = [(start, end) for _, start, end in find_dates(text)] if "năm" in text else []
    for m in _PERIOD.finditer(text):
        year = next((int(y) for y in m.group("hy", "ny", "qy", "my", "y") if y), None)
        if year is None or not MIN_EVENT_YEAR <= year <= 2199:
            continue
        if any(start < m.end() and m.start() < end for start, end in inside_dates):
            continue  # "ngày 25 tháng 10 năm 2021" dates a document
        if _TARGET_BEFORE.search(text[max(0, m.start() - 12) : m.start()]):
            continue
        return year
    if (span := _SPAN.search(text)) and re.search(r"kỷ\s+niệm", text[: span.start()], _I):
        return int(span.group(1))
    return None


def _after_its_period(day: dt.date, period: dict) -> dt.date:
    """A day whose year was only guessed from the period it reviews: a review of the year's end
    (the year, its second half or last quarter, October to December) held in January or February
    belongs to the next year ("tổng kết năm 2022" held "ngày 5/1" is 05/01/2023)."""
    year, part = period.get("year"), period.get("part")
    if year is None or part is None or day.year != year:
        return day
    reviews_year_end = part in ("Y", "H2", "Q4", "M12", "M11", "M10")
    if reviews_year_end and day.month <= 2:
        try:
            return day.replace(year=year + 1)
        except ValueError:  # 29 February
            return day
    return day


def _event_sentence(article: Article) -> tuple[str | None, dt.date | None]:
    leads = _lead_sentences(article.body)
    for n, sentence in enumerate(leads):
        day = _lead_date(sentence, article.published)
        if (
            day is None
            and article.published is None
            and (anchor := _anchor(sentence, article.title, article.body))
        ):
            year, not_before = anchor
            day = _lead_date(sentence, dt.date(year, 12, 24))  # resolve_partial's slack reaches 31/12
            if day is not None and not is_other_event(sentence, article.title):
                day = _after_its_period(day, _event_period(sentence, article.title, year))
            if day is not None and not_before is not None and day < not_before:
                day = None  # before the document it cites: the year is not known after all
        if day and _NOUN.search(sentence):
            # "Đó là nội dung được định hướng tại Hội nghị báo cáo viên tháng 4/2023. Hội nghị diễn ra
            # ngày 25/4, ...": the conference is named in the sentence before the one that dates it.
            if _SAME_EVENT.match(sentence) and find_kind(sentence) is None:
                named = next((lead for lead in leads[:n] if find_kind(lead)), None)
                if named is not None:
                    return f"{named} {sentence}", day
            return sentence, day
    # A report without a day ("Vừa qua, Ban Tuyên giáo ... tổ chức hội nghị ..."): the very first
    # sentence only, and with the organizer as its subject (no ";" list of activities before).
    for sentence in leads[:1]:
        verb = _VERB.search(sentence)
        if verb and _NOUN.search(sentence) and ";" not in sentence[: verb.start()] and verb.start() <= 200:
            published = article.published
            if published and _TODAY.match(sentence):
                return sentence, published
            if published and _YESTERDAY.match(sentence):
                return sentence, published - dt.timedelta(days=1) if published > dt.date.min else published
            return sentence, None
    return None, None


# ------------------------------------------------------------------------------------- kind, period

_KINDS = re.compile(
    r"(?P<giao_ban>giao\s+ban|họp\s+báo)"
    r"|(?P<bao_cao_vien>hội\s+nghị(?:\s+(?!sơ\s+kết|tổng\s+kết|giao\s+ban)[^\s.;]+){0,8}?\s+báo\s+cáo\s+viên)"
    r"|(?P<so_ket>sơ\s+kết)|(?P<tong_ket>tổng\s+kết)",
    _I,
)
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_PERIOD = re.compile(
    r"(?<!\w)(?:6|sáu)\s+tháng(?:\s+(?P<half>đầu|cuối)\s+năm|(?!\s+(?:đầu|cuối)(?!\w)))(?:\s+(?:năm\s+)?(?P<hy>\d{4}))?"
    r"|(?<!\w)(?:9|chín)\s+tháng(?:\s+đầu\s+năm)?(?:\s+(?:năm\s+)?(?P<ny>\d{4}))?"
    r"|(?<!\w)quý\s+(?P<q>IV|I{1,3}|[1-4])(?!\w)(?:\s*(?:/|năm|-)\s*|\.)?(?P<qy>(?<=[\s/\-.m])\d{4})?"
    r"|(?<!\d\s)(?<!\d)(?<!\w)tháng\s+(?P<m>\d{1,2})(?!\d)(?!\s*[-–/.]\s*\d{1,2}(?!\d))(?:\s*(?:/|năm|-)\s*|\.)?(?P<my>(?<=[\s/\-.m])\d{4})?"
    r"|(?<!\w)năm\s+(?P<y>\d{4})(?!\s*[-–]\s*\d)"
    r"|(?P<yearly>(?<!\w)(?:tổng\s+kết|cả)\s+năm(?!\w))",
    _I,
)


# Events that review nothing, whatever year they name ("lớp tập huấn ... năm 2022" is its edition):
# courses, contests, seminars, study sessions of a resolution, festivals.
_OTHER_EVENT = re.compile(
    r"(?<!\w)(?:tập\s+huấn|bồi\s+dưỡng|hội\s+thi(?!\s+đua)|cuộc\s+thi|hội\s+thảo|tọa\s+đàm"
    r"|học\s+tập\s*,?\s*quán\s+triệt|quán\s+triệt|hội\s+diễn|liên\s+hoan|diễn\s+đàn|làm\s+việc|đến\s+thăm"
    r"|chúc\s+tết)(?!\w)",
    _I,
)


def find_kind(*texts: str | None) -> str | None:
    """The conference's own name decides: the first of giao ban, báo cáo viên, sơ kết, tổng kết."""
    for text in texts:
        if text and (m := _KINDS.search(text)):
            return m.lastgroup
    # "hội nghị thông tin báo chí thường kỳ": a regular briefing, when nothing else is named.
    return "giao_ban" if any(text and _REGULAR.search(text) for text in texts) else None


_REGULAR = re.compile(r"(?<!\w)thường\s+kỳ(?!\w)", _I)


def is_other_event(*texts: str | None) -> bool:
    """Whether the event is a course, contest, seminar or study session: named before any review
    ("lớp tập huấn ... năm 2022"), in the first text that names either."""
    for text in texts:
        if not text:
            continue
        m = _KINDS.search(text)
        if _OTHER_EVENT.search(text, 0, m.start() if m else len(text)):
            return True
        if m:
            return False
    return False


def find_period(text: str | None, default_year: int | None) -> dict:
    """What a report covers: {"year", "part"} with part M01..M12, Q1..Q4, H1, H2, 9M or Y."""
    text = text or ""
    # "ngày 20 tháng 4 năm 2021" is a date (of a document, say), not the period "năm 2021".
    dates = [(start, end) for _, start, end in find_dates(text)] if "năm" in text else []
    for m in _PERIOD.finditer(text):
        if any(start < m.end() and m.start() < end for start, end in dates):
            continue
        g = m.groupdict()
        if g["half"] or g["hy"] or m.group().lower().startswith(("6", "sáu")):
            part, year = ("H2" if (g["half"] or "").lower() == "cuối" else "H1"), g["hy"]
        elif g["q"]:
            part, year = f"Q{_ROMAN[g['q'].upper()]}", g["qy"]
        elif g["m"]:
            month = int(g["m"])
            if not 1 <= month <= 12:
                continue
            part, year = f"M{month:02d}", g["my"]
        elif g["y"]:
            part, year = "Y", g["y"]
        elif g["yearly"]:
            part, year = "Y", None
        else:
            part, year = "9M", g["ny"]
        number = int(year) if year else default_year
        if number is not None and not 1900 <= number <= 2199:
            number = default_year
        return {"year": number, "part": part}
    return {"year": None, "part": None}


# ---------------------------------------------------------------------------------- organizer, place

_ORGANIZE = re.compile(
    r"(?<!\w)tổ\s+chức(?!\w)(?!\s+(?:đảng|cơ\s+sở|chính\s+trị|đoàn\s+thể|thực\s+hiện))", _I
)
# Without "tổ chức": "Ban Tuyên giáo Tỉnh ủy họp giao ban ...", "... tổng kết công tác năm 2023".
_HOLD = re.compile(
    r"(?<!\w)(?:họp|khai\s+mạc|tổng\s+kết|sơ\s+kết|giao\s+ban|triển\s+khai|mở\s+lớp|làm\s+việc|kiểm\s+tra)(?!\w)",
    _I,
)
_NOUN_BEFORE = re.compile(r"(?:hội\s+nghị|buổi|cuộc|lễ)\s+$", _I)
_PASSIVE = re.compile(r"(?:được|các|những|và|nhằm|để)\s+$", _I)
_MEETING = re.compile(r"Hội\s+(?:nghị|thảo|thi|báo|diễn)(?!\w)")
_DO_AGENT = re.compile(r"(?<!\w)do\s+([^,;]+?)\s*$", _I)
_BY_AGENT = re.compile(r"(?<!\w)được\s+([^,;]+?)\s*$")
_SUBJECT_CUT = re.compile(
    r"\s+(?:gồm|đã|vừa|long\s+trọng|phối\s+hợp|cùng|chủ\s+trì|với|tiếp\s+tục|đồng\s+loạt|chính\s+thức|kết\s+hợp"
    r"|đang|sẽ|thường\s+xuyên|trang\s+trọng)(?!\w)",
    _I,
)
_INTRO = re.compile(
    rf"^(?:{_TIME_WORDS}|ngày|vào|tại|trong|từ|nhằm|để|thực\s+hiện|căn\s+cứ|theo|vừa\s+qua|mới\s+đây|sau|chiều|"
    r"hưởng\s+ứng|chào\s+mừng|triển\s+khai|đặc\s+biệt|bên\s+cạnh|qua|hằng|hàng|đến|tiếp\s+tục|với)(?!\w)",
    _I,
)
_PLACE = re.compile(
    r"(?<!\w)tại\s+(?!(?:hội\s+nghị|hội\s+thảo|buổi|lễ|đây|đó|chỗ|địa\s+phương|cơ\s+sở|đơn\s+vị|các|nhiều|mỗi)(?!\w))"
    # "tại 438 điểm cầu" counts connection points; "tại xã được thực hiện" names no place.
    rf"(?![\d.]+\s+điểm\s+cầu|(?-i:xã|phường|huyện|tỉnh)(?:[^\w\s]|$|\s+(?-i:[{LOWER}])))",
    _I,
)
_PLACE_STOP = re.compile(
    r"[,;(]|\s[-–]\s|\.(?:\s|$)|\s(?:tổ\s+chức|diễn\s+ra|đã|với|có\s+sự|nhằm|để|theo|và\s+trực\s+tuyến|kết\s+nối|tới|đến"
    r"|dưới\s+sự)(?!\w)"
)
# After a comma the place goes on with a floor, a room or a building: "Phòng họp số 2, tầng 3, Trụ sở
# Tỉnh ủy"; any other part (", Ban Tuyên giáo ...", ", kết nối ...") starts a new clause.
_PLACE_MORE = re.compile(r"\s*(?:tầng|lầu|phòng|số|trụ\s+sở|tòa\s+nhà|khu|Tầng|Lầu|Trụ\s+sở|Tòa\s+nhà)(?!\w)")
_PLACE_CHARS = 160
_PLACE_ABBREVIATION = re.compile(r"(?<!\w)(?:TP|Tp|TX|Tx|TT|Q|P|H|X)$")


def _split_top(text: str) -> list[tuple[int, int]]:
    """Spans of comma-separated parts, ignoring commas inside parentheses."""
    spans, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == "," and depth == 0:
            spans.append((start, i))
            start = i + 1
    spans.append((start, len(text)))
    return spans


def _clean_subject(text: str) -> str | None:
    cut = _SUBJECT_CUT.search(text)
    if cut:
        text = text[: cut.start()]
    # Co-organizers listed after the first ("Ban Tuyên giáo Tỉnh ủy, Sở Thông tin và Truyền thông, ..."):
    # the organizer is the first body named.
    if ORG_HEAD.match(text):
        for comma in re.finditer(r",\s*|\s*[-–]\s*(?=[A-ZĐ])", text):
            if ORG_HEAD.match(text, comma.end()):
                text = text[: comma.start()]
                break
    text = text.strip(" ,;:–-")
    if not text or len(text.split()) > 20 or not text[0].isupper():
        return None
    return text


def find_organizer(sentence: str) -> str | None:
    """The subject of "tổ chức" in the event sentence, as written ("Ban Tuyên giáo Huyện ủy")."""
    return _subject_of(_ORGANIZE, sentence) or _subject_of(_HOLD, sentence)


# What a commission does when no meeting is held: it issues a document, surveys, launches a contest.
_ACT = re.compile(r"(?<!\w)(?:ban\s+hành|khảo\s+sát|phát\s+động|hướng\s+dẫn)(?!\w)", _I)
_DATELINE = re.compile(r"^[^\W\d_][\w.]*(?:\s[^\W\d_][\w.]*){0,3}\s*[-–]\s+")


def _acting_body(article: Article) -> str | None:
    """An article about no event ("Ngày 16/7, Ban Tuyên giáo Thành ủy đã ban hành Công văn số ...",
    "Đoàn công tác của Ban Tuyên giáo Tỉnh ủy ... khảo sát"): the body that acts in its first sentence."""
    leads = _lead_sentences(article.body)
    for text in (*leads[:1], article.title):
        if not text:
            continue
        text = _DATELINE.sub("", text)
        if subject := _subject_of(_ACT, text):
            return subject.removeprefix("Đoàn công tác của ").strip()
    return None


def _subject_of(verb_re: re.Pattern, sentence: str) -> str | None:
    for verb in verb_re.finditer(sentence):
        # The subject stands close before its verb; a window keeps long sentences linear.
        pre = sentence[max(0, verb.start() - 400) : verb.start()]
        agent = _DO_AGENT.search(pre[-160:])
        if agent and (subject := _clean_subject(agent.group(1))):
            return subject
        # "... hội nghị sơ kết ... được Tỉnh ủy tổ chức sáng 26/6": the agent of the passive.
        agent = _BY_AGENT.search(pre[-100:])
        if agent and ORG_HEAD.match(agent.group(1)) and (subject := _clean_subject(agent.group(1))):
            return subject
        if _PASSIVE.search(pre[-12:]) or _NOUN_BEFORE.search(pre[-12:]):
            continue
        if ";" in pre:
            pre = pre[pre.rfind(";") + 1 :]
        parts = _split_top(pre)
        for i, (s, _) in enumerate(parts):
            part = pre[s:].lstrip()
            if ORG_HEAD.match(part) and not _MEETING.match(part):
                return _clean_subject(part)
            if (
                i == len(parts) - 1
                and part
                and not (_INTRO.match(part) or _MEETING.match(part))
                and len(part.split()) <= 8
            ):
                return _clean_subject(part)
        return None
    return None


def find_location(sentence: str) -> str | None:
    """The place after "tại" in the event sentence ("TP. Sông Công", "Hội trường Tỉnh ủy")."""
    m = _PLACE.search(sentence)
    if m is None:
        return None
    pos = m.end()
    limit = min(len(sentence), pos + _PLACE_CHARS)
    while True:
        stop = _PLACE_STOP.search(sentence, pos, limit)
        if stop is None:
            end = limit
            break
        # "TP. Sông Công": the period of an abbreviation does not end the place.
        if stop.group().startswith(".") and _PLACE_ABBREVIATION.search(
            sentence, max(m.end(), stop.start() - 3), stop.start()
        ):
            pos = stop.end()
            continue
        if stop.group() == "," and _PLACE_MORE.match(sentence, stop.end()):
            pos = stop.end()
            continue
        end = stop.start()
        break
    place = sentence[m.end() : end].strip(" .,;:")
    if not place or len(place.split()) > 15:
        return None
    return place


# ------------------------------------------------------------------------------------------ event

_CONFERENCE = re.compile(
    r"(?<!\w)(?:hội\s+nghị|giao\s+ban|sơ\s+kết|tổng\s+kết|hội\s+thảo|tọa\s+đàm)(?!\w)", _I
)


def _event_period(sentence: str, title: str | None, default_year: int | None) -> dict:
    """The period in the conference's name, else in the title, else in the lead's opening clause
    ("Nhằm đánh giá kết quả 6 tháng đầu năm, ..."), where "năm 2022" alone is a work plan's year."""
    named = _CONFERENCE.search(sentence)
    if named is None:
        period = find_period(sentence, default_year)
        return period if period["part"] else find_period(title, default_year)
    for text in (sentence[named.start() :], title):
        period = find_period(text, default_year)
        if period["part"]:
            return period
    period = find_period(sentence[: named.start()], default_year)
    return period if period["part"] != "Y" else {"year": None, "part": None}


# "... tổ chức Hội nghị tổng kết. Hội nghị được tổ chức trực tiếp tại Hội trường Tỉnh ủy, ...".
_SAME_EVENT = re.compile(r"^(?:Hội\s+nghị|Buổi\s+\w+|Cuộc\s+họp|Chương\s+trình|Giao\s+ban)(?!\w)")


def _location_after(body: str, sentence: str) -> str | None:
    """The place given in the sentence right after the event sentence, when it speaks of the event."""
    at = body.find(sentence)
    if at == -1:
        return None
    end = body.find("\n", at)
    rest = body[at + len(sentence) : len(body) if end == -1 else end].lstrip()
    spans = sentences(rest)
    if not spans:
        return None
    following = rest[spans[0][0] : spans[0][1]]
    return find_location(following) if _SAME_EVENT.match(following) else None


_CONFERENCE_NAMED = re.compile(r"\W*(?:hội\s+nghị|giao\s+ban)(?!\w)", _I)


def find_event(article: Article) -> dict:
    """The event dict of the extract schema for one article."""
    sentence, day = _event_sentence(article)
    published = article.published
    default_year = day.year if day else (published.year if published else None)
    if default_year is None and (anchor := _anchor(sentence or "", article.title, article.body)):
        default_year = anchor[0]
    if sentence is None:
        # No sentence dates an event. A headline that names a conference ("Hội nghị báo cáo viên tháng
        # 8/2024 ...") still tells its kind and who chaired it; a work summary has neither.
        named = _CONFERENCE_NAMED.match(article.title or "") and find_kind(article.title)
        return {
            "kind": named or "khac",
            "date": None,
            "period": find_period(article.title, default_year),
            "organizer": article.source or _acting_body(article),
            "location": None,
            "chair": (find_chair(article.body) or find_chair("\n".join(article.captions))) if named else None,
        }
    period = _event_period(sentence, article.title, default_year)
    kind = "khac" if is_other_event(sentence, article.title) else find_kind(sentence, article.title)
    if kind == "khac":
        period = {"year": None, "part": None}  # a course or a contest covers no reporting period
    elif kind is None:
        kind = {"H1": "so_ket", "H2": "so_ket", "9M": "so_ket", "Y": "tong_ket"}.get(
            period["part"] or "", "khac"
        )
    return {
        "kind": kind,
        "date": day.isoformat() if day else None,
        "period": period,
        "organizer": find_organizer(sentence),
        "location": find_location(sentence) or _location_after(article.body, sentence),
        # A photo caption ("Đồng chí X - Trưởng ban chủ trì hội nghị") may be the only place it is said.
        "chair": find_chair(article.body) or find_chair("\n".join(article.captions)),
    }
