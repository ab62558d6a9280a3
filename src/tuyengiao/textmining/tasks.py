"""The key tasks (nhiệm vụ trọng tâm) an article enumerates for the next period.

Two shapes: ordinal paragraphs ("Một là, ...", "Hai là, ..." or "Thứ nhất, ...", "Thứ hai, ..."),
possibly run together in one paragraph; or a numbered or bulleted list ("1. ...", "(1) ...",
"- ...", "+ ...") right after a sentence that announces tasks ("... các nhiệm vụ trọng tâm sau:").
Tasks that run as prose after the colon are not an enumeration: the answer is then None, not [].
"""

import re

_ORDINALS = ("một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười")
_THU = ("nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười")
_ORDINAL = re.compile(
    rf"(?<!\w)(?:(?P<la>{'|'.join(_ORDINALS)})\s+là|thứ\s+(?P<thu>{'|'.join(_THU)}))\s*[,:.]",
    re.IGNORECASE,
)
# A cheap look for "... là," or "thứ ...," before the costly case-insensitive scan.
_ORDINAL_HINT = re.compile(r"là\s*[,:.]|hứ\s+\w+\s*[,:.]")
_MARKER = re.compile(
    r"^(?:(?P<num>\d{1,2})\s*[.)/]|\((?P<pnum>\d{1,2})\)|(?P<letter>[a-zđ])\)|(?P<bullet>[-+•*–·●○▪■]))\s*\S",
)
_INLINE_NUMBER = re.compile(r"(?<![\w(])\((\d{1,2})\)\s*")
_ANNOUNCE = re.compile(r"(?<!\w)(?:nhiệm\s+vụ|giải\s+pháp)(?!\w)", re.IGNORECASE)
# "... tập trung vào một số nhiệm vụ trọng tâm sau:", "Năm 2023 xác định 5 nhiệm vụ trọng tâm."
_ANNOUNCE_STRONG = re.compile(
    r"(?<!\w)nhiệm\s+vụ(?:[^.:;]{0,80}?(?:trọng\s+tâm|chủ\s+yếu|sau|như\s+sau)(?!\w)|[^.:;]{0,200}:)",
    re.IGNORECASE,
)
_LAST_SENTENCE = re.compile(r"[.!?…]\s+(?=\S)")
_ORDINAL_START = re.compile(
    r"^[-+•*–·●○▪■ ]*(?:(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+là|thứ\s+nhất)\s*[,:.]", re.IGNORECASE
)
_CLAUSE_START = re.compile(r"[:;.]\s*$")
_COLON_END = re.compile(r":\s*$")
_BULLETS = "-+•*–·●○▪■ "
_ONE_LA_SPLIT = "Một là"
_MAX_GAP = 3


def _rank(m: re.Match) -> int:
    if m.group("la"):
        return _ORDINALS.index(m.group("la").lower()) + 1
    return _THU.index(m.group("thu").lower()) + 1


def _ordinal_lists(paragraphs: list[str]) -> list[tuple[int, list[str]]]:
    """Each "Một là, Hai là" enumeration as (index of its first paragraph, items)."""
    lists: list[tuple[int, list[str]]] = []
    items: list[str] = []
    first = 0
    expected = 1
    gap = 0
    for i, para in enumerate(paragraphs):
        para = para.lstrip(_BULLETS)
        head = _ORDINAL.match(para)
        if head and _rank(head) == 1 and expected > 1:  # a second enumeration starts
            if len(items) >= 2:
                lists.append((first, items))
            items, expected = [], 1
        if head and _rank(head) == expected:
            # Several ordinals in one paragraph: "... sau: Một là, ...; Hai là, ...".
            pieces = _inline_ordinals(para, expected)
            first = i if expected == 1 else first
            items.extend(pieces)
            expected += len(pieces)
            gap = 0
            continue
        if expected == 1:
            inline = _inline_ordinals(para, 1)
            if len(inline) >= 2:
                lists.append((i, inline))
            continue
        gap += 1
        if gap > _MAX_GAP:
            if len(items) >= 2:
                lists.append((first, items))
            items, expected, gap = [], 1, 0
    if len(items) >= 2:
        lists.append((first, items))
    return lists


def _ordinal_items(paragraphs: list[str]) -> list[str] | None:
    """The enumeration of tasks: the one announced as tasks, else the last one (tasks close an article)."""
    lists = _ordinal_lists(paragraphs)
    if not lists:
        return None
    for first, items in lists:
        announcing = paragraphs[first - 1] if first > 0 else ""
        if announces_list(announcing) or announces_list(paragraphs[first].split(_ONE_LA_SPLIT, 1)[0]):
            return items
    return lists[-1][1]


def _inline_ordinals(para: str, first: int) -> list[str]:
    if not _ORDINAL_HINT.search(para):
        return []
    marks = []
    expected = first
    for m in _ORDINAL.finditer(para):
        if _rank(m) != expected:
            continue
        # Mid-paragraph, an ordinal starts a clause: after ":", ";", "." or at the start.
        if m.start() and not _CLAUSE_START.search(para, max(0, m.start() - 3), m.start()):
            continue
        marks.append(m.start())
        expected += 1
    if not marks or (marks[0] != 0 and len(marks) < 2):
        return []
    pieces = []
    for i, start in enumerate(marks):
        end = marks[i + 1] if i + 1 < len(marks) else len(para)
        pieces.append(para[start:end].strip().rstrip(";").strip())
    return pieces


def _marker_style(m: re.Match) -> tuple[str, str]:
    kind = next(k for k in ("num", "pnum", "letter", "bullet") if m.group(k) is not None)
    return kind, m.group("bullet") if kind == "bullet" else ""


def announces_list(paragraph: str) -> bool:
    """Whether a paragraph's last sentence announces a list of tasks ("... nhiệm vụ trọng tâm sau:")."""
    tail = paragraph[-400:]
    starts = [m.end() for m in _LAST_SENTENCE.finditer(tail)]
    last = tail[starts[-1] :] if starts else tail
    return bool(_ANNOUNCE_STRONG.search(last)) or (
        last.rstrip().endswith(":") and bool(_ANNOUNCE.search(last))
    )


def _listed_items(paragraphs: list[str]) -> list[str] | None:
    """A numbered or bulleted list right after a paragraph announcing tasks."""
    for i, para in enumerate(paragraphs):
        if not announces_list(para):
            # "... nhiệm vụ trọng tâm: (1) ...; (2) ..." inside one paragraph.
            inline = _inline_numbers(para)
            if inline:
                return inline
            continue
        items: list[str] = []
        style = None
        for item in paragraphs[i + 1 :]:
            m = _MARKER.match(item)
            if m is None:
                break
            # The first item sets the level; other markers ("+" under "-", "a)" under "1.") are sub-items.
            if style is not None and _marker_style(m) != style:
                continue
            style = _marker_style(m)
            text = item.lstrip(_BULLETS).strip() if style[0] == "bullet" else item.strip()
            items.append(text)
        if len(items) >= 2:
            return items
        inline = _inline_numbers(para)
        if inline:
            return inline
    return None


def starts_enumeration_item(line: str) -> bool:
    """A "Một là, ..." / "Thứ nhất, ..." paragraph."""
    return bool(_ORDINAL_START.match(line))


def _inline_numbers(para: str) -> list[str] | None:
    announce = _ANNOUNCE.search(para)
    if announce is None:
        return None
    marks = []
    expected = 1
    for m in _INLINE_NUMBER.finditer(para, announce.end()):
        if int(m.group(1)) == expected:
            marks.append(m.start())
            expected += 1
    if len(marks) < 2 or not _COLON_END.search(para, max(0, marks[0] - 3), marks[0]):
        return None
    return [
        para[s : marks[k + 1] if k + 1 < len(marks) else len(para)].strip().rstrip(";").strip()
        for k, s in enumerate(marks)
    ]


def find_tasks(body: str) -> list[str] | None:
    """The enumerated key tasks of an article body (one paragraph per line), else None."""
    paragraphs = [p.strip() for p in (body or "").split("\n") if p.strip()]
    return _ordinal_items(paragraphs) or _listed_items(paragraphs)
