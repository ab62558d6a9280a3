"""Render a report as a DOCX file in the Party's document format (Hướng dẫn 36-HD/VPTW).

Independent of Django and of the reporting models: the caller fills a plain ``ReportDocument``
(texts already formatted in Vietnamese) and ``render_docx`` returns the bytes of the .docx file.

Layout, top to bottom:

* A4 page, margins top/bottom 2 cm, left 3 cm, right 1.5 cm; Times New Roman everywhere
  (including the East Asian font slot, so Vietnamese diacritics never fall back to another font).
* The header: a borderless table. Left: parent body (caps), issuing body (caps, bold), "*", the number.
  Right: "ĐẢNG CỘNG SẢN VIỆT NAM" (bold, underlined) and, on the number's row, the italic
  "Thái Nguyên, ngày 15 tháng 06 năm 2026" (two digits for day and month).
* The type name (bold, 16 pt), the subject (bold), a short line.
* The sections: heading in bold, body paragraphs justified with a 1 cm first-line indent. In a body,
  paragraphs are separated by blank lines; a single line break also starts a new paragraph, since a
  line broken inside a justified paragraph would be stretched across the page.
* The indicator table ("Table Grid", header row bold and repeated on every page), with a comparison
  column only when some line has a ``previous`` value.
* The closing: a borderless table with "Nơi nhận:" and the recipients on the left, the signature
  block on the right.
* The annex ("PHỤ LỤC"), after a page break, when given.

Every text goes through ``clean_text``: characters XML 1.0 refuses (C0 controls other than tab and
line breaks, lone surrogates, U+FFFE/U+FFFF) are dropped, so one bad character pasted into a narrative
never makes the file unreadable.
"""

from __future__ import annotations

import datetime
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import docx
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt, Twips

__all__ = ["IndicatorLine", "ReportDocument", "clean_text", "date_line", "render_docx"]

FONT_NAME = "Times New Roman"
BODY_SIZE = Pt(14)
PAGE_WIDTH = Twips(11906)  # A4, 210 mm, as Word writes it
PAGE_HEIGHT = Twips(16838)  # 297 mm
MARGIN_TOP = MARGIN_BOTTOM = Cm(2)
MARGIN_LEFT = Cm(3)
MARGIN_RIGHT = Cm(1.5)
TEXT_WIDTH = Cm(21 - 3 - 1.5)
FIRST_LINE_INDENT = Cm(1)

PARTY_NAME = "ĐẢNG CỘNG SẢN VIỆT NAM"
DEFAULT_TABLE_TITLE = "BIỂU SỐ LIỆU"
DEFAULT_PREVIOUS_LABEL = "Cùng kỳ"
ANNEX_TITLE = "PHỤ LỤC"

# XML 1.0 allows tab, LF and CR among the C0 controls; everything else below U+0020 is refused,
# as are surrogates (lone ones cannot be encoded) and the non-characters U+FFFE and U+FFFF.
_XML_REFUSED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BLANK_LINES = re.compile(r"\n\s*\n")


@dataclass
class IndicatorLine:
    code: str
    name: str
    unit_of_measure: str
    value: str  # already formatted in Vietnamese: "1.890", "12,5", "Có"
    previous: str = ""  # same period last year; "" when there is nothing to compare


@dataclass
class ReportDocument:
    parent_body: str  # "ĐẢNG BỘ TỈNH THÁI NGUYÊN"
    issuing_body: str  # "BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY"
    number: str  # "Số 12-BC/BTGDVTU", or "Số     -BC/BTGDVTU" before numbering
    place: str  # "Thái Nguyên"
    date: datetime.date
    type_name: str = "BÁO CÁO"
    subject: str = ""  # trích yếu
    sections: Sequence[tuple[str, str]] = ()  # (heading, body)
    indicators: Sequence[IndicatorLine] = ()
    table_title: str = "BIỂU TỔNG HỢP SỐ LIỆU"
    coverage: str = ""  # "38/40 đơn vị đã nộp báo cáo"
    previous_label: str = ""  # "Cùng kỳ 2025"
    recipients: Sequence[str] = ()  # "- Ban Tuyên giáo và Dân vận Trung ương,", "- Lưu."
    signature_role: str = "T/M BAN THƯỜNG VỤ"
    signature_title: str = ""  # "PHÓ TRƯỞNG BAN"
    signer: str = ""
    annex: Sequence[tuple[str, str]] = ()  # (unit name, text)


def clean_text(text: object) -> str:
    """The text without the characters XML refuses, with Windows and old Mac line ends made "\\n"."""
    if text is None:
        return ""
    text = str(text).replace("\r\n", "\n").replace("\r", "\n")
    return _XML_REFUSED.sub("", text)


def date_line(place: str, date: datetime.date) -> str:
    """ "Thái Nguyên, ngày 05 tháng 01 năm 2026": two digits for day and month, as the Party's guide asks."""
    when = f"ngày {date.day:02d} tháng {date.month:02d} năm {date.year}"
    place = clean_text(place).strip()
    return f"{place}, {when}" if place else when[0].upper() + when[1:]


def paragraphs_of(text: str) -> list[str]:
    """The paragraphs of a narrative: split on blank lines and on single line breaks, blanks dropped."""
    text = clean_text(text)
    lines = (line.strip() for block in _BLANK_LINES.split(text) for line in block.split("\n"))
    return [line for line in lines if line]


def render_docx(doc: ReportDocument) -> bytes:
    """The report as the bytes of a .docx file."""
    document = docx.Document()
    _set_up_page(document)
    _set_up_styles(document)
    _set_properties(document, doc)

    # python-docx's template starts with an empty body; the header table comes first.
    _header(document, doc)
    _title(document, doc)
    _sections(document, doc.sections)
    if doc.indicators:
        _indicator_table(document, doc)
    _closing(document, doc)
    if doc.annex:
        _annex(document, doc)

    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# --------------------------------------------------------------------------- page, styles, properties


def _set_up_page(document) -> None:
    section = document.sections[0]
    section.page_width = PAGE_WIDTH
    section.page_height = PAGE_HEIGHT
    section.top_margin = MARGIN_TOP
    section.bottom_margin = MARGIN_BOTTOM
    section.left_margin = MARGIN_LEFT
    section.right_margin = MARGIN_RIGHT
    section.header_distance = Cm(1)
    section.footer_distance = Cm(1)


def _set_fonts(r_pr) -> None:
    """Times New Roman in every font slot, replacing the theme fonts (which would win over names)."""
    r_fonts = r_pr.find(qn("w:rFonts"))
    if r_fonts is None:
        r_fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, r_fonts)
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        r_fonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        r_fonts.set(qn(attribute), FONT_NAME)


def _set_language(r_pr) -> None:
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)
    lang.set(qn("w:val"), "vi-VN")
    lang.set(qn("w:eastAsia"), "vi-VN")


def _set_up_styles(document) -> None:
    # Document defaults: what tables and any style without its own font fall back to.
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        r_pr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        if r_pr is not None:
            _set_fonts(r_pr)
            _set_language(r_pr)
            for tag in ("w:sz", "w:szCs"):
                size = r_pr.find(qn(tag))
                if size is not None:
                    size.set(qn("w:val"), str(int(BODY_SIZE.pt * 2)))
        spacing = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:spacing')}")
        if spacing is not None:
            spacing.set(qn("w:after"), "0")
            spacing.set(qn("w:line"), "240")
            spacing.set(qn("w:lineRule"), "auto")

    normal = document.styles["Normal"]
    normal.font.name = FONT_NAME
    normal.font.size = BODY_SIZE
    r_pr = normal.element.get_or_add_rPr()
    _set_fonts(r_pr)
    _set_language(r_pr)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0


def _set_properties(document, doc: ReportDocument) -> None:
    properties = document.core_properties
    title = " ".join(
        part for part in (clean_text(doc.type_name).strip(), clean_text(doc.subject).strip()) if part
    )
    properties.title = title[:255]
    properties.subject = clean_text(doc.number).strip()[:255]
    properties.author = clean_text(doc.issuing_body).strip()[:255]
    properties.last_modified_by = ""
    properties.comments = ""
    properties.keywords = ""
    properties.category = ""
    properties.language = "vi-VN"
    now = datetime.datetime.now(datetime.UTC).replace(microsecond=0, tzinfo=None)
    properties.created = now
    properties.modified = now


# --------------------------------------------------------------------------- small builders


def _fill(
    paragraph,
    text: str = "",
    *,
    align=WD_ALIGN_PARAGRAPH.CENTER,
    size=None,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    indent: bool = False,
    space_before=None,
    space_after=None,
):
    """Give ``paragraph`` one run of cleaned text (none when empty) and its formatting."""
    text = clean_text(text)
    if text:
        run = paragraph.add_run(text)
        if size is not None:
            run.font.size = size
        if bold:
            run.bold = True
        if italic:
            run.italic = True
        if underline:
            run.underline = True
    fmt = paragraph.paragraph_format
    fmt.alignment = align
    if indent:
        fmt.first_line_indent = FIRST_LINE_INDENT
    if space_before is not None:
        fmt.space_before = space_before
    if space_after is not None:
        fmt.space_after = space_after
    return paragraph


def _paragraph(container, text: str = "", **formatting):
    """A new paragraph at the end of ``container`` (the document or a cell)."""
    return _fill(container.add_paragraph(), text, **formatting)


def _cell_paragraph(cell, text: str = "", **formatting):
    """A paragraph in a cell: a new cell holds one empty paragraph, which is used first."""
    paragraphs = cell.paragraphs
    if len(paragraphs) == 1 and not paragraphs[0].runs and not paragraphs[0].text:
        return _fill(paragraphs[0], text, **formatting)
    return _paragraph(cell, text, **formatting)


def _body_paragraph(document, text: str, *, bold: bool = False):
    """A paragraph of the report's body: 14 pt, justified, first line indented 1 cm, 6 pt apart."""
    paragraph = _paragraph(
        document,
        text,
        align=WD_ALIGN_PARAGRAPH.JUSTIFY,
        bold=bold,
        indent=True,
        space_before=Pt(6),
    )
    paragraph.paragraph_format.line_spacing = 1.15
    return paragraph


_TBL_BORDERS_SUCCESSORS = (
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
    "w:tblCaption",
    "w:tblDescription",
    "w:tblPrChange",
)


def _borderless(table) -> None:
    """No borders at all, whatever the table style says (Word wants ``w:tblBorders`` in schema order)."""
    tbl_pr = table._tbl.tblPr
    existing = tbl_pr.find(qn("w:tblBorders"))
    if existing is not None:
        tbl_pr.remove(existing)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tbl_pr.insert_element_before(borders, *_TBL_BORDERS_SUCCESSORS)


def _fixed_widths(table, widths: Sequence) -> None:
    """Column widths Word and LibreOffice both respect: fixed layout, grid columns and cell widths."""
    widths = [Emu(width) for width in widths]
    table.autofit = False  # w:tblLayout type="fixed"
    tbl_w = table._tbl.tblPr.find(qn("w:tblW"))
    if tbl_w is not None:
        tbl_w.set(qn("w:w"), str(sum(width.twips for width in widths)))
        tbl_w.set(qn("w:type"), "dxa")
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def _repeat_as_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def _cant_split(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))


# --------------------------------------------------------------------------- parts of the document


def _header(document, doc: ReportDocument) -> None:
    """Two rows so that the number and the place-and-date line always sit on the same level."""
    table = document.add_table(rows=2, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _borderless(table)
    _fixed_widths(table, (Cm(7), TEXT_WIDTH - Cm(7)))
    (bodies, party), (number, when) = (row.cells for row in table.rows)

    small = Pt(13)
    _cell_paragraph(bodies, clean_text(doc.parent_body).strip().upper(), size=small)
    _cell_paragraph(bodies, clean_text(doc.issuing_body).strip().upper(), size=small, bold=True)
    _cell_paragraph(bodies, "*", size=small)
    _cell_paragraph(party, PARTY_NAME, size=Pt(15), bold=True, underline=True)
    _cell_paragraph(number, clean_text(doc.number).strip(), size=small, space_before=Pt(4))
    _cell_paragraph(when, date_line(doc.place, doc.date), italic=True, space_before=Pt(4))
    for cell in (bodies, party):
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
    for cell in (number, when):
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM


def _title(document, doc: ReportDocument) -> None:
    type_name = clean_text(doc.type_name).strip()
    subject = clean_text(doc.subject).strip()
    if type_name:
        _paragraph(document, type_name, size=Pt(16), bold=True, space_before=Pt(18))
    if subject:
        _paragraph(document, subject, bold=True, space_before=Pt(0 if type_name else 18))
    _paragraph(document, "-----", space_after=Pt(6))


def _sections(document, sections: Iterable[tuple[str, str]]) -> None:
    for heading, body in sections:
        heading = clean_text(heading).strip()
        if heading:
            _body_paragraph(document, heading, bold=True)
        for text in paragraphs_of(body):
            _body_paragraph(document, text)


def _indicator_table(document, doc: ReportDocument) -> None:
    lines = list(doc.indicators)
    compare = any(clean_text(line.previous).strip() for line in lines)

    title = clean_text(doc.table_title).strip() or DEFAULT_TABLE_TITLE
    coverage = clean_text(doc.coverage).strip()
    _paragraph(document, title, bold=True, space_before=Pt(12), space_after=Pt(0 if coverage else 6))
    if coverage:
        _paragraph(document, coverage, italic=True, space_after=Pt(6))

    header = ["STT", "Mã", "Chỉ tiêu", "Đơn vị tính", "Kỳ này"]
    value_width = Cm(2.6)
    widths = [Cm(1.2), Cm(2.0), None, Cm(2.4), value_width]
    if compare:
        header.append(clean_text(doc.previous_label).strip() or DEFAULT_PREVIOUS_LABEL)
        widths.append(value_width)
    widths[2] = TEXT_WIDTH - sum((width for width in widths if width is not None), Cm(0))

    left, center, right = WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT
    aligns = [center, center, left, center, right, right]
    size = Pt(13)

    table = document.add_table(rows=1 + len(lines), cols=len(header))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _fixed_widths(table, widths)

    head_row = table.rows[0]
    _repeat_as_header(head_row)
    for cell, label in zip(head_row.cells, header, strict=True):
        _cell_paragraph(cell, label, size=size, bold=True, align=center)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER

    for index, (row, line) in enumerate(zip(table.rows[1:], lines, strict=True), start=1):
        _cant_split(row)
        texts = [str(index), line.code, line.name, line.unit_of_measure, line.value]
        if compare:
            texts.append(line.previous)
        for cell, text, align in zip(row.cells, texts, aligns, strict=False):
            _cell_paragraph(cell, clean_text(text).strip(), size=size, align=align)
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def _closing(document, doc: ReportDocument) -> None:
    _paragraph(document, space_after=Pt(6))
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _borderless(table)
    _fixed_widths(table, (Cm(7.5), TEXT_WIDTH - Cm(7.5)))
    _cant_split(table.rows[0])
    recipients_cell, signature_cell = table.rows[0].cells

    left = WD_ALIGN_PARAGRAPH.LEFT
    _cell_paragraph(recipients_cell, "Nơi nhận:", size=Pt(12), bold=True, italic=True, align=left)
    for recipient in doc.recipients:
        recipient = clean_text(recipient).strip()
        if recipient:
            _cell_paragraph(recipients_cell, recipient, size=Pt(11), align=left)

    role = clean_text(doc.signature_role).strip()
    title = clean_text(doc.signature_title).strip()
    signer = clean_text(doc.signer).strip()
    _cell_paragraph(signature_cell, role, bold=True)
    if title:
        _cell_paragraph(signature_cell, title, bold=True)
    for _ in range(3):  # room for the signature and the seal
        _cell_paragraph(signature_cell)
    _cell_paragraph(signature_cell, signer, bold=True)
    for cell in (recipients_cell, signature_cell):
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP


def _annex(document, doc: ReportDocument) -> None:
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _paragraph(document, ANNEX_TITLE, bold=True)
    reference = " ".join(
        part
        for part in (
            "Kèm theo",
            clean_text(doc.type_name).strip().capitalize(),
            _lower_first_word(clean_text(doc.number).strip()),
            f"ngày {doc.date.day:02d}/{doc.date.month:02d}/{doc.date.year}",
        )
        if part
    )
    _paragraph(document, f"({reference})", italic=True, space_after=Pt(6))
    for unit, text in doc.annex:
        unit = clean_text(unit).strip()
        if unit:
            _body_paragraph(document, unit, bold=True)
        for paragraph in paragraphs_of(text):
            _body_paragraph(document, paragraph)


def _lower_first_word(number: str) -> str:
    """ "Số 12-BC/BTGDVTU" reads "số 12-BC/BTGDVTU" inside a sentence."""
    return "số" + number[2:] if number.startswith("Số") else number
