"""Turning an uploaded article (plain text, a saved web page, a Word file) into plain text.

The result keeps one paragraph per line, because paragraphs carry meaning downstream (lead
sentence, enumerated tasks, signature line).
"""

import html
import io
import re
import unicodedata
import zipfile
from html.parser import HTMLParser
from pathlib import Path


class ConversionError(ValueError):
    """The file cannot be read as an article; `reason` is shown to the user."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


NOT_DOCX = "Tệp không phải DOCX hợp lệ"
EMPTY_HTML = "Trang HTML không có nội dung bài viết"
UNDECODABLE = (
    "Không đọc được bảng mã của tệp: tệp không phải văn bản UTF-8 hay Windows-1258 (TCVN 5712 chưa hỗ trợ)"
)
NOT_TEXT = "Tệp không phải văn bản (có ký tự nhị phân)"

# ---------------------------------------------------------------------------------------------- text


def decode(data: bytes) -> str:
    """Bytes of a text file as str: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1258."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ConversionError(UNDECODABLE) from None
    if b"\x00" in data:
        raise ConversionError(NOT_TEXT)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # Windows-1258 is what Vietnamese Word and old web pages saved before UTF-8; it leaves a few
    # bytes undefined, so random binary data still fails here rather than turning into mojibake.
    try:
        # Windows-1258 writes most tone marks as combining characters: compose them.
        return unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        raise ConversionError(UNDECODABLE) from None


# ---------------------------------------------------------------------------------------------- HTML


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Elements whose text is never article text. Not <form>: ASP.NET pages wrap the whole page in one.
_SKIP = _words(
    "script style noscript template svg iframe object embed canvas nav aside select button input "
    "textarea label dialog menu map"
)
# Page-level header/footer are site chrome; inside <article> or <main> they hold the date and author.
_CHROME = frozenset({"header", "footer"})
_CONTENT = frozenset({"article", "main"})
_BLOCK = _words(
    "p div br li ul ol dl dt dd h1 h2 h3 h4 h5 h6 tr table thead tbody tfoot section article main "
    "blockquote figure figcaption pre address hr center caption td th details summary"
)
_VOID = _words("br hr img input meta link area base col embed source track wbr param")
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-]{1,40})""", re.IGNORECASE)
_SITE_SUFFIX = re.compile(r"\s+(?:[|»]|-|–)\s+[^|»\-–]{2,80}$")
_ISO_TIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})")
_WS = re.compile(r"[ \t\r\f\v\u00a0]+")
# A list item that already carries its own marker ("1. ...", "- ...", "a) ...") gets no "- " added.
_MARKED = re.compile(r"^(?:[-+•*–·●○▪■]|\(?\d{1,2}[.)/]|\(\d{1,2}\)|[a-zđ]\))")


class _ArticleParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.stack: list[tuple[str, bool]] = []
        self.skip_depth = 0
        self.content_depth = 0
        self.title_parts: list[str] | None = None
        self.title = ""
        self.h1_parts: list[str] | None = None
        self.h1 = ""
        self.h1_skipped = ""
        self.og_title = ""
        self.published = ""
        self.in_item = False  # the next line is a list item's (<li>): it is marked "- " for the task finder

    # The stack tolerates the tag soup of real pages: an end tag closes up to its opener, if any.
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            self._meta(dict(attrs))
            return
        if tag in _VOID:
            if tag in ("br", "hr"):
                self._break()
            return
        skipped = tag in _SKIP or (tag in _CHROME and self.content_depth == 0)
        self.stack.append((tag, skipped))
        if skipped:
            self.skip_depth += 1
        if tag in _CONTENT:
            self.content_depth += 1
        if tag in _BLOCK:
            self._break()
        if tag == "li":
            self.in_item = True
        if tag == "title":
            self.title_parts = []
        elif tag == "h1" and self.h1_parts is None and not self.h1:
            self.h1_parts = []

    def handle_endtag(self, tag: str) -> None:
        if not any(open_tag == tag for open_tag, _ in self.stack):
            return
        while self.stack:
            open_tag, skipped = self.stack.pop()
            self._close(open_tag, skipped)
            if open_tag == tag:
                break

    def _close(self, tag: str, skipped: bool) -> None:
        if tag in _BLOCK:
            self._break()
        if tag == "li":
            self.in_item = False
        if skipped:
            self.skip_depth -= 1
        if tag in _CONTENT:
            self.content_depth -= 1
        if tag == "title" and self.title_parts is not None:
            self.title = _clean(" ".join(self.title_parts))
            self.title_parts = None
        elif tag == "h1" and self.h1_parts is not None:
            text = _clean(" ".join(self.h1_parts))
            if self.skip_depth:
                self.h1_skipped = self.h1_skipped or text
            else:
                self.h1 = text
            self.h1_parts = None

    def handle_data(self, data: str) -> None:
        if self.title_parts is not None:
            self.title_parts.append(data)
            return
        if self.h1_parts is not None:
            self.h1_parts.append(data)
            return
        if not self.skip_depth:
            self.current.append(data)

    def _break(self) -> None:
        if self.current:
            line = _clean("".join(self.current))
            if line:
                if self.in_item and not _MARKED.match(line):
                    line = "- " + line
                self.in_item = False
                self.lines.append(line)
            self.current = []

    def _meta(self, attrs: dict[str, str | None]) -> None:
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if key in ("og:title", "twitter:title") and not self.og_title:
            self.og_title = _clean(attrs.get("content") or "")
        if (
            key in ("article:published_time", "datepublished", "pubdate", "og:published_time")
            and not self.published
        ):
            m = _ISO_TIME.match((attrs.get("content") or "").strip())
            if m:
                year, month, day, hour, minute = m.groups()
                self.published = f"{day}/{month}/{year} {hour}:{minute}"

    def close(self) -> None:
        super().close()
        while self.stack:
            self._close(*self.stack.pop())
        self._break()


def _clean(text: str) -> str:
    return _WS.sub(" ", text).strip()


def _html_text(data: bytes | str) -> str:
    if isinstance(data, bytes):
        m = _CHARSET.search(data[:4096])
        charset = m.group(1).decode("ascii").lower() if m else ""
        if charset and charset not in ("utf-8", "utf8"):
            try:
                return unicodedata.normalize("NFC", data.decode(charset))
            except (LookupError, UnicodeDecodeError):
                pass
        return decode(data)
    return data


def from_html(data: bytes | str) -> str:
    """The article text of a web page: headline first, one paragraph per line, site chrome dropped."""
    parser = _ArticleParser()
    try:
        parser.feed(_html_text(data))
        parser.close()
    except ConversionError:
        raise
    except Exception:  # html.parser is lenient; anything it still chokes on is not an article.
        raise ConversionError(EMPTY_HTML) from None
    lines = parser.lines
    # The <h1> is the headline; else og:title, else the <title> without its " - Site name".
    headline = (
        parser.h1
        or _SITE_SUFFIX.sub("", parser.og_title)
        or _SITE_SUFFIX.sub("", parser.title)
        or parser.h1_skipped
    )
    head = [html.unescape(headline)] if headline else []
    if parser.published:
        head.append(parser.published)
    if not any(len(line.split()) >= 5 for line in lines):
        raise ConversionError(EMPTY_HTML)
    return "\n".join(head + lines)


# ---------------------------------------------------------------------------------------------- DOCX


def from_docx(data: bytes) -> str:
    """The paragraphs (and table cells, in document order) of a Word file, one per line."""
    if not isinstance(data, bytes | bytearray) or not zipfile.is_zipfile(io.BytesIO(data)):
        raise ConversionError(NOT_DOCX)
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        for block in document.element.body.iterchildren():
            tag = block.tag.rsplit("}", 1)[-1]
            if tag == "p":
                lines.append(_docx_paragraph(Paragraph(block, document)))
            elif tag == "tbl":
                for row in Table(block, document).rows:
                    for cell in row.cells:
                        lines.extend(_docx_paragraph(p) for p in cell.paragraphs)
    except Exception:  # a zip that is not a Word document: missing parts, bad XML, ...
        raise ConversionError(NOT_DOCX) from None
    return "\n".join(line for line in lines if line)


def _docx_paragraph(paragraph) -> str:
    text = _clean(paragraph.text)
    # Word's automatic numbering is not part of the text; mark such items so lists stay lists.
    if text and _numbered(paragraph):
        text = "- " + text
    return text


def _numbered(paragraph) -> bool:
    p_pr = paragraph._p.pPr
    if p_pr is not None and p_pr.numPr is not None:
        return True
    style = paragraph.style
    for _ in range(10):  # numbering may come from the style ("List Number") or one it is based on
        if style is None:
            return False
        s_pr = style.element.pPr
        if s_pr is not None and s_pr.numPr is not None:
            return True
        style = style.base_style
    return False


# ---------------------------------------------------------------------------------------------- files

_READERS = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".docx": "docx"}


def read(path_or_bytes: str | Path | bytes, name: str | None = None) -> str:
    """The text of a file by its extension (.txt, .html/.htm, .docx); raises ConversionError."""
    if isinstance(path_or_bytes, bytes | bytearray):
        data = bytes(path_or_bytes)
    else:
        path = Path(path_or_bytes)
        name = name or path.name
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ConversionError(f"Không đọc được tệp “{path.name}”: {exc.strerror or exc}") from None
    suffix = Path(name or "").suffix.lower()
    kind = _READERS.get(suffix)
    if kind is None:
        raise ConversionError(
            f"Định dạng tệp “{suffix or name or '?'}” chưa được hỗ trợ (chỉ .txt, .html, .htm, .docx)"
        )
    if kind == "docx":
        return from_docx(data)
    if kind == "html":
        return from_html(data)
    return decode(data)
