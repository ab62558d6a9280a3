"""Separating a news article from the page around it: headline, publication date, body, byline.

Provincial and district websites wrap each article in menus, visit counters, weather boxes, polls
and "Tin mới nhất" lists; a copied page keeps all of that. The headline sits next to the line that
carries the publication date and time ("Thứ Ba, 4/5/2021 17:29'(GMT+7)", "Ngày đăng 17/06/2020 |
17:04"); a date without a time on the first line is the day the page was rendered, not published.
"""

import datetime as dt
import re
from dataclasses import dataclass

from tuyengiao.textmining.dates import find_dates
from tuyengiao.textmining.tasks import announces_list, starts_enumeration_item


@dataclass(frozen=True)
class Article:
    """An article without its page: `body` has one paragraph per line."""

    title: str | None
    published: dt.date | None
    body: str
    author: str | None = None  # the person (or initials) who signed the article
    source: str | None = None  # the body that signed it: "Ban Tuyên giáo Tỉnh ủy Bắc Kạn"
    captions: tuple[str, ...] = ()  # photo captions left out of the body ("Đồng chí X chủ trì hội nghị")

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.body.split("\n") if p]


# Where an organization's name starts: "Ban Tuyên giáo Huyện ủy", "Cụm thi đua số 1", "Sở ...";
# "Hội Nông dân" is one, "Hội nghị", "Hội thi" (lower case after "Hội") are events.
ORG_HEAD = re.compile(
    r"(?:Ban|Cụm|Khối|Sở|Phòng|Hội(?![ \t]+[a-zđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ])|Huyện ủy|Tỉnh ủy|Thành ủy|Thị ủy|Quận ủy|Đảng ủy|Đảng bộ|Đảng đoàn"
    r"|Chi bộ|UBND|Ủy ban|HĐND|Hội đồng|MTTQ|Mặt trận|Liên đoàn|Liên hiệp|Đoàn|Tỉnh đoàn|Huyện đoàn"
    r"|Thành đoàn|Trung tâm|Trường|Học viện|Báo|Đài|Văn phòng|Bộ|Cục|Chi cục|Viện|Tạp chí|Công an"
    r"|Ngành|Thường trực|BTG|Công đoàn|Câu lạc bộ|Bảo tàng|Thư viện|Hiệp hội|Cơ quan|Tòa án|Thanh tra"
    r"|Tổng cục|Nhà xuất bản|Nhà văn hóa)(?![^\W\d_])"
)

_HEAD_LINES = 30
_TAIL_LINES = 15

_TIME_AFTER = re.compile(
    r"[ \t|,\-–—'’]*(?:lúc[ \t]*)?[\[(]?[ \t]*\d{1,2}[ \t]*[:hg][ \t]*\d{2}(?!\d)", re.IGNORECASE
)
_TIME_BEFORE = re.compile(
    r"(?<!\d)\d{1,2}[ \t]*[:h][ \t]*\d{2}(?:[ \t]*(?:AM|PM|SA|CH))?[ \t]*[,|\-–—]?[ \t]*"
    r"(?:(?:ngày|thứ[ \t]+\w+|chủ[ \t]+nhật)[ \t]*,?[ \t]*)*$",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\d{4}")
_ISO_STAMP = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})[ T]\d{2}:\d{2}(?!\d)")
_PUBLISH_LABEL = re.compile(
    r"^\W*(?:ngày[ \t]+đăng|đăng[ \t]+ngày|đăng[ \t]+lúc|ngày[ \t]+xuất[ \t]+bản|xuất[ \t]+bản|cập[ \t]+nhật"
    r"|thời[ \t]+gian[ \t]+đăng|đăng[ \t]+tải|posted|published)",
    re.IGNORECASE,
)

# Lines that are never article text wherever they stand: counters, sharing buttons, log-in links.
_CLUTTER = re.compile(
    r"^\W*(?:đang[ \t]+(?:truy[ \t]+cập|online|trực[ \t]+tuyến)|tổng[ \t]+(?:số[ \t]+)?(?:lượt[ \t]+)?truy[ \t]+cập"
    r"|lượt[ \t]+(?:xem|truy[ \t]+cập|đọc)|view[ \t]*count|số[ \t]+lượt[ \t]+xem|hôm[ \t]+nay[ \t]*:|hôm[ \t]+qua[ \t]*:"
    r"|trong[ \t]+(?:tuần|tháng)[ \t]*:|truy[ \t]+cập[ \t]+nội[ \t]+dung[ \t]+luôn|đăng[ \t]+nhập|đăng[ \t]+ký|đăng[ \t]+xuất"
    r"|chia[ \t]+sẻ|in[ \t]+(?:bài|trang)|gửi[ \t]+(?:email|bài|cho[ \t]+bạn)|cỡ[ \t]+chữ|font[ \t]*size|bản[ \t]+in"
    r"|quay[ \t]+lại|trở[ \t]+về|về[ \t]+đầu[ \t]+trang|lên[ \t]+đầu[ \t]+trang|facebook|zalo|twitter|tweet|like"
    r"|trang[ \t]+chủ|tìm[ \t]+kiếm|sơ[ \t]+đồ[ \t]+(?:site|trang)|rss|ảnh[ \t]+minh[ \t]+họa|\(?ảnh\)?|a[ \t]+a[ \t]+a)"
    r"\W*+(?:[\d.,]++\W*+)?$",
    re.IGNORECASE,
)
# Lines that end the article: related-news lists, counters, weather, polls, comment boxes.
_FOOTER = re.compile(
    r"^\W*(?:phản[ \t]+hồi|các[ \t]+tin[ \t]+(?:khác|đã[ \t]+đưa)|tin[ \t]+(?:khác|liên[ \t]+quan|mới(?:[ \t]+nhất)?"
    r"|cùng[ \t]+chuyên[ \t]+mục|đọc[ \t]+nhiều|nổi[ \t]+bật|xem[ \t]+nhiều)|mới[ \t]+nhất|đọc[ \t]+nhiều[ \t]+nhất"
    r"|(?:các[ \t]+)?bài[ \t]+(?:viết[ \t]+)?(?:liên[ \t]+quan|khác|cùng[ \t]+chuyên[ \t]+mục)|xem[ \t]+thêm"
    r"|thống[ \t]+kê[ \t]+truy[ \t]+cập|thư[ \t]+viện[ \t]+(?:ảnh|video)|liên[ \t]+kết[ \t]+(?:website|web)"
    r"|thời[ \t]+tiết|bình[ \t]+chọn|thăm[ \t]+dò[ \t]+ý[ \t]+kiến|ý[ \t]+kiến[ \t]+bạn[ \t]+đọc|gửi[ \t]+(?:ý[ \t]+kiến|bình[ \t]+luận)"
    r"|bình[ \t]+luận|viết[ \t]+bình[ \t]+luận|bản[ \t]+quyền|©|copyright|từ[ \t]+khóa|tags?[ \t]*:|video[ \t]+clip|tin[ \t]+ảnh)"
    r"(?![^\W\d_])",
    re.IGNORECASE,
)
_CLOSERS = " \t\"'”’»)]"
_ENDS = tuple(".!?…:;")
_SHORT = 100  # clutter and footer lines are short; long lines are never tested against them
_LIST_ITEM = re.compile(r"^(?:[-+•*–·●○▪■]|\(?\d{1,2}[.)]|\(?[a-zđ][)]|[IVX]{1,4}[.)])\s*")
_LETTER = re.compile(r"[^\W\d_]")
_SYLLABLE = re.compile(r"[^\W\d_]{2,}")
_STOP_SYLLABLES = frozenset(
    {"các", "của", "và", "với", "trong", "cho", "năm", "tháng", "ngày", "là", "có", "được", "đã", "tại"}
    | {"về", "những", "một", "này", "đó", "theo", "từ", "đến", "khi", "thì", "mà", "như", "cũng", "vào"}
)
_BREADCRUMB = re.compile(r"\s[>»›/|]\s")
_BYLINE_PREFIX = re.compile(
    r"^(?:tin(?:[ \t]*,[ \t]*|[ \t]+và[ \t]+)ảnh|tin|bài(?:[ \t]+và[ \t]+ảnh)?|ảnh|nguồn|theo)[ \t]*:[ \t]*",
    re.IGNORECASE,
)
_BYLINE_SPLIT = re.compile(r"[ \t]+[-–][ \t]+|[ \t]*[(),][ \t]*")


def _words(line: str) -> int:
    return len(line.split())


def _is_heading(line: str) -> bool:
    """An all-capitals section heading ("CHỦ ĐỘNG THAM MƯU CẤP ỦY ...")."""
    if len(line) > 300:
        return False
    if line.upper() == line:
        return len(_LETTER.findall(line)) >= 8
    # Mostly capitals, allowing a stray lower-case word: decided on the first 80 characters.
    letters = _LETTER.findall(line[:80])
    return len(letters) >= 8 and sum(c.isupper() for c in letters) >= 0.85 * len(letters)


def _is_sentence(line: str) -> bool:
    return line.rstrip(_CLOSERS).endswith(_ENDS)


def _is_clutter(line: str) -> bool:
    return len(line) <= _SHORT and bool(_CLUTTER.match(line))


def _is_footer(line: str) -> bool:
    return len(line) <= _SHORT and bool(_FOOTER.match(line)) and _words(line) <= 8


def is_prose(line: str) -> bool:
    """A paragraph of running text, as opposed to a heading, caption or list label."""
    return _words(line) >= 8 and not _is_heading(line) and bool(_LETTER.search(line))


def _published_in(line: str) -> dt.date | None:
    """The date of a header line that gives a date with a time, or a labelled publication date."""
    if len(line) > 160:
        return None
    if iso := _ISO_STAMP.search(line):
        try:
            return dt.date(*(int(g) for g in iso.groups()))
        except ValueError:
            pass
    for day, start, end in find_dates(line):
        if not _YEAR.search(line, start, end):
            continue
        if _TIME_AFTER.match(line, end) or _TIME_BEFORE.search(line[max(0, start - 40) : start]):
            return day
        if _PUBLISH_LABEL.search(line[:start]):
            return day
    return None


def _is_headline(line: str, min_words: int = 5) -> bool:
    if len(line) > 300:
        return False
    words = sum(1 for word in line.split() if _LETTER.search(word))
    if not min_words <= words <= 45 or _BREADCRUMB.search(line):
        return False
    first = line.lstrip("\"“'‘«(")[:1]
    if not first or not (first.isupper() or first.isdigit()):
        return False
    if line.rstrip('"”’»)').endswith((".", ";", ",", ":")) and not line.endswith("..."):
        return False
    return not (_is_clutter(line) or _is_footer(line) or _published_in(line))


# Lower-case words an organization's name is made of ("Ban Tuyên giáo và Dân vận Tỉnh ủy Cà Mau");
# a headline that starts with one has a verb too ("Ban Tuyên giáo Huyện ủy sơ kết ...").
_ORG_TEXT = (
    "giáo và vận ủy dân nhân tỉnh huyện thành phố thị xã phường quận trấn chính trị trung ương đảng bộ "
    "ban thường vụ tuyên đồng mặt trận tổ quốc khối cơ quan doanh nghiệp cộng sản việt nam thông tin "
    "điện tử của kiểm tra tổ chức văn phòng hội đoàn thanh niên phụ nữ nông cựu chiến binh"
)
_ORG_WORDS = frozenset(_ORG_TEXT.split())
_PORTAL = re.compile(
    r"^\W*(?:(?:cổng|trang)[ \t]+(?:thông[ \t]+)?tin|báo[ \t]+điện[ \t]+tử|website|trang[ \t]+chủ[ \t]+\w)",
    re.IGNORECASE,
)
_MENU_ITEMS = re.compile(
    r"(?<!\w)(?:Trang chủ|Giới thiệu|Tin tức|Văn bản|Liên hệ|Hỏi đáp|Sơ đồ|Thư viện|Tài liệu|Hình ảnh|Video"
    r"|Thông báo|Sự kiện|Tìm kiếm)(?!\w)"
)
_MENU_SPLIT = re.compile(r"[ \t]+(?:[-–|»›>/]|::)[ \t]+")


def _is_site_name(line: str) -> bool:
    """A banner or a menu rather than a headline: "Ban Tuyên giáo Tỉnh ủy Hà Giang", "BÁO ĐIỆN TỬ ĐẢNG
    CỘNG SẢN VIỆT NAM", "Cổng thông tin điện tử ...", "Trang chủ Giới thiệu Tin tức" (headlines are in
    sentence case and say what happened)."""
    if _PORTAL.match(line):
        return True
    words = [w for w in line.split() if _LETTER.match(w)]
    if not words:
        return False
    if (
        ORG_HEAD.match(line)
        and len(words) <= 14
        and ":" not in line
        and all(w[0].isupper() or w in _ORG_WORDS for w in words)
    ):
        return True
    # A menu: three or more short items between separators ("Trang chủ - Giới thiệu - Tin tức").
    items = _MENU_SPLIT.split(line)
    if len(items) >= 3 and all(len(item.split()) <= 5 for item in items):
        return True
    capitals = sum(w[0].isupper() for w in words)
    if capitals >= 0.8 * len(words):
        return True
    # A menu written without separators names two of a site's usual sections.
    return len(_MENU_ITEMS.findall(line)) >= 2


_BARE_DATE = re.compile(
    r"^\W*(?:(?:thứ[ \t]+\w+|chủ[ \t]+nhật)[ \t]*,?[ \t]*)?(?:ngày[ \t]+)?(?P<date>\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4})\W*$",
    re.IGNORECASE,
)


def _find_published(lines: list[str]) -> tuple[int, dt.date | None]:
    head = [(i, d) for i, line in enumerate(lines[:_HEAD_LINES]) if (d := _published_in(line))]
    if head:
        # A clock in the site's top bar can look like a date line; the article's own comes later.
        return head[1] if head[0][0] == 0 and len(head) > 1 else head[0]
    start = max(len(lines) - _TAIL_LINES, _HEAD_LINES)
    for i in range(start, len(lines)):
        if d := _published_in(lines[i]):
            return i, d
    # A date alone on the line under the headline ("Giao ban báo chí tháng 4/2022" / "06/05/2022");
    # under the site's banner, or alone on the first line, it is the day the page was rendered.
    for i in range(1, min(len(lines), _HEAD_LINES)):
        bare = _BARE_DATE.match(lines[i])
        if bare and _dated_headline(lines, i - 1) and (found := find_dates(bare.group("date"))):
            return i, found[0][0]
    return -1, None


def _dated_headline(lines: list[str], i: int) -> bool:
    """The line is a headline about the article (not a banner or a menu), as _find_title judges one."""
    return _is_headline(lines[i], 4) and not _is_site_name(lines[i]) and _about_the_article(lines, i)


def _syllables(text: str) -> set[str]:
    return {w for w in _SYLLABLE.findall(text.lower()) if w not in _STOP_SYLLABLES}


def _about_the_article(lines: list[str], i: int, text_from: int | None = None) -> bool:
    """A headline shares words with the text after it (or after `text_from`); a menu or a banner does not."""
    start = i + 1 if text_from is None else text_from
    prose = [line for line in lines[start : start + 11] if is_prose(line)][:2]
    return len(_syllables(lines[i]) & _syllables(" ".join(prose)[:1500])) >= 2


# A headline in capitals ("HỘI NGHỊ BÁO CÁO VIÊN THÁNG 3", "GIANG THÀNH TỔNG KẾT CÔNG TÁC NĂM 2021")
# says what happened or when; a banner in capitals ("BAN TUYÊN GIÁO TỈNH ỦY THÁI NGUYÊN") only who.
_CAPITALS_EVENT = re.compile(
    r"HỘI NGHỊ|TỔ CHỨC|TỔNG KẾT|SƠ KẾT|GIAO BAN|TỌA ĐÀM|HỘI THẢO|TẬP HUẤN|ĐỊNH HƯỚNG|KỶ NIỆM|QUÁN TRIỆT|\d"
)


def _capitals_headline(line: str) -> bool:
    return (
        line.upper() == line
        and _words(line) >= 6
        and not _PORTAL.match(line)
        and bool(_CAPITALS_EVENT.search(line))
    )


def _find_title(lines: list[str], published_at: int) -> int:
    def headline(i: int, min_words: int = 5, text_from: int | None = None) -> bool:
        return (
            _is_headline(lines[i], min_words)
            and (not _is_site_name(lines[i]) or _capitals_headline(lines[i]))
            and _about_the_article(lines, i, text_from)
        )

    if (
        published_at > 0
        and _BARE_DATE.match(lines[published_at])
        and _dated_headline(lines, published_at - 1)
    ):
        return published_at - 1  # the date alone under its headline (_find_published)
    if published_at >= 0:
        # The headline right below the date line (after counters); else the one just above it (menus,
        # banners and breadcrumbs there are shorter); else one further below, before the lead paragraph.
        below = published_at + 1
        while below < len(lines) and below - published_at <= 3 and _is_clutter(lines[below]):
            below += 1
        if below < len(lines) and headline(below):
            return below
        for i in range(published_at - 1, max(published_at - 4, -1), -1):
            if headline(i, min_words=6):
                return i
        for i in range(published_at + 1, min(published_at + 5, len(lines))):
            if headline(i):
                return i
            if is_prose(lines[i]) and _is_sentence(lines[i]):
                break
        # A saved web page starts with its <h1> or <title>, far above the date line.
        if published_at > 0 and headline(0, min_words=4, text_from=published_at + 1):
            return 0
        return -1
    for i in range(min(10, len(lines))):
        if headline(i):
            return i
        if is_prose(lines[i]) and _is_sentence(lines[i]):
            break
    return -1


def _footer_at(lines: list[str], start: int) -> int:
    """Index of the line where the article ends (len(lines) if none)."""
    i = start
    while i < len(lines):
        if _is_footer(lines[i]):
            # A "Tin liên quan" box inside the article: links, then the article goes on.
            j = i + 1
            while j < len(lines) and j - i <= 8 and not (is_prose(lines[j]) and _words(lines[j]) >= 25):
                j += 1
            if j < len(lines) and j - i <= 8 and _words(lines[j]) >= 25:
                i = j
                continue
            return i
        i += 1
    return len(lines)


def _byline_parts(line: str) -> tuple[list[str], str | None] | None:
    """(people, organization) if the line is a signature ("Đàm Thu Hương", "Tin, ảnh: CD"), else None."""
    if _words(line) > 12 or _is_sentence(line) or _LIST_ITEM.match(line) or not _LETTER.search(line):
        return None
    people: list[str] = []
    org = None
    for part in (p.strip() for p in _BYLINE_SPLIT.split(_BYLINE_PREFIX.sub("", line))):
        if not part:
            continue
        if ORG_HEAD.match(part):
            org = org or part
        elif _is_person(part):
            people.append(part)
        else:
            return None
    return (people, org) if people or org else None


def _is_person(text: str) -> bool:
    tokens = text.split()
    return 1 <= len(tokens) <= 6 and all(t[:1].isupper() and _LETTER.match(t) for t in tokens)


def _byline(lines: list[str]) -> tuple[list[str], str | None, str | None]:
    """Split the signature lines off the end of the body: (body lines, author, source)."""
    authors: list[str] = []
    source = None
    taken = 0
    while lines and taken < 3:
        parts = _byline_parts(lines[-1])
        if parts is None:
            break
        lines = lines[:-1]
        taken += 1
        people, org = parts
        authors[:0] = people
        source = org or source
    author = " - ".join(authors) if authors else None
    return lines, author, source


def _keep(lines: list[str]) -> tuple[list[str], list[str]]:
    """(body lines, captions): clutter and repeats dropped, list items after an announcement kept."""
    kept: list[str] = []
    captions: list[str] = []
    in_list = False
    for line in lines:
        if _is_clutter(line) or (kept and line == kept[-1]):
            continue
        if _LIST_ITEM.match(line) and in_list:
            kept.append(line)
            continue
        # A caption is a short line that is not a sentence; headings are kept, they help readers.
        if (
            not _is_sentence(line)
            and not _is_heading(line)
            and _words(line) <= 30
            and not starts_enumeration_item(line)
        ):
            captions.append(line)
            in_list = False
            continue
        kept.append(line)
        in_list = announces_list(line)
    return kept, captions


def split_article(text: str) -> Article:
    """The article in a copied page: headline, publication date, body paragraphs and byline."""
    lines = [line.strip() for line in (text or "").split("\n")]
    lines = [line for line in lines if line]
    published_at, published = _find_published(lines)
    title_at = _find_title(lines, published_at)
    # The body starts after the headline (a sapo may sit between it and the date line), or after
    # the date line when no headline was found; a date found at the foot of the page starts nothing.
    start = 0
    if title_at >= 0:
        start = title_at + 1
    if (title_at < 0 or title_at + 4 < published_at) and 0 <= published_at < _HEAD_LINES:
        start = published_at + 1
    end = _footer_at(lines, start)
    body_lines = [
        line for i, line in enumerate(lines[start:end], start) if i != published_at and not _is_clutter(line)
    ]
    body_lines, author, source = _byline(body_lines)
    body_lines, captions = _keep(body_lines)
    return Article(
        title=lines[title_at] if title_at >= 0 else None,
        published=published,
        body="\n".join(body_lines),
        author=author,
        source=source,
        captions=tuple(captions),
    )
