"""The DOCX export in the Party's document format (Hướng dẫn 36-HD/VPTW).

Each test renders a report, opens the bytes back with python-docx and reads what Word would show.
No database.
"""

import datetime as dt
import io
import zipfile
from dataclasses import replace

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from tuyengiao.reporting.docx_export import (
    IndicatorLine,
    ReportDocument,
    clean_text,
    date_line,
    render_docx,
)

SECTIONS = [
    (
        "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ",
        "Ban Tuyên giáo và Dân vận Tỉnh ủy đã tham mưu tổ chức học tập, quán triệt các nghị quyết của Đảng "
        "cho 1.890 lượt cán bộ, đảng viên.\n\n"
        "Công tác nắm bắt tình hình tư tưởng, dư luận xã hội được duy trì thường xuyên, kịp thời.",
    ),
    (
        "II. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM",
        "Tiếp tục đẩy mạnh việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
    ),
]
INDICATORS = [
    IndicatorLine("TG01", "Số lượt cán bộ, đảng viên được học tập nghị quyết", "lượt", "1.890", "1.720"),
    IndicatorLine("TG02", "Tỷ lệ chi bộ sinh hoạt chuyên đề", "%", "12,5"),
    IndicatorLine("TG03", "Tổ chức hội nghị báo cáo viên", "", "Có"),
]
ANNEX = [
    ("Đảng bộ xã Phú Bình", "Tổ chức 12 buổi sinh hoạt chuyên đề.\n\nKết quả đạt yêu cầu."),
    ("Đảng bộ phường Phan Đình Phùng", "Hoàn thành kế hoạch tuyên truyền."),
]


def make_report(**overrides) -> ReportDocument:
    report = ReportDocument(
        parent_body="ĐẢNG BỘ TỈNH THÁI NGUYÊN",
        issuing_body="BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY",
        number="Số 12-BC/BTGDVTU",
        place="Thái Nguyên",
        date=dt.date(2026, 6, 15),
        subject="Kết quả công tác tuyên giáo 6 tháng đầu năm 2026, phương hướng nhiệm vụ 6 tháng cuối năm",
        sections=SECTIONS,
        indicators=INDICATORS,
        coverage="38/40 đơn vị đã nộp báo cáo",
        previous_label="Cùng kỳ 2025",
        recipients=["- Ban Tuyên giáo và Dân vận Trung ương,", "- Thường trực Tỉnh ủy,", "- Lưu."],
        signature_role="T/M BAN THƯỜNG VỤ",
        signature_title="PHÓ TRƯỞNG BAN",
        signer="Nguyễn Thị Hồng Nhung",
    )
    return replace(report, **overrides)


def render(**overrides):
    return docx.Document(io.BytesIO(render_docx(make_report(**overrides))))


def cell_text(cell) -> str:
    return "\n".join(p.text for p in cell.paragraphs)


def table_texts(table) -> list[list[str]]:
    return [[cell_text(cell) for cell in row.cells] for row in table.rows]


def paragraph(document, text: str) -> Paragraph:
    matches = [p for p in document.paragraphs if p.text == text]
    assert matches, f"no paragraph reads {text!r}"
    return matches[0]


def cell_paragraph(cell, text: str) -> Paragraph:
    matches = [p for p in cell.paragraphs if p.text == text]
    assert matches, f"no paragraph in the cell reads {text!r}"
    return matches[0]


def only_run(p: Paragraph):
    assert len(p.runs) == 1
    return p.runs[0]


def has_page_break(p: Paragraph) -> bool:
    return any(br.get(qn("w:type")) == "page" for br in p._p.iter(qn("w:br")))


def header_table(document) -> Table:
    return document.tables[0]


def closing_table(document) -> Table:
    return document.tables[-1]


def indicator_table(document) -> Table:
    assert len(document.tables) == 3
    return document.tables[1]


@pytest.fixture(scope="module")
def document():
    return docx.Document(io.BytesIO(render_docx(make_report(annex=ANNEX))))


# --------------------------------------------------------------------------- the file


def test_render_returns_the_bytes_of_a_docx_package():
    data = render_docx(make_report())
    assert isinstance(data, bytes)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert "word/document.xml" in package.namelist()


def test_the_page_is_a4_with_the_party_margins(document):
    section = document.sections[0]
    assert section.page_width.cm == pytest.approx(21, abs=0.01)
    assert section.page_height.cm == pytest.approx(29.7, abs=0.01)
    assert section.top_margin.cm == pytest.approx(2, abs=0.01)
    assert section.bottom_margin.cm == pytest.approx(2, abs=0.01)
    assert section.left_margin.cm == pytest.approx(3, abs=0.01)
    assert 1.5 - 0.01 <= section.right_margin.cm <= 2 + 0.01


def test_the_normal_style_is_times_new_roman_14_pt_including_east_asian_text(document):
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert normal.font.size == Pt(14)
    fonts = normal.element.rPr.rFonts
    assert fonts.get(qn("w:eastAsia")) == "Times New Roman"
    assert fonts.get(qn("w:hAnsi")) == "Times New Roman"


def test_no_run_anywhere_asks_for_another_font(document):
    body = document.element.body
    named = {f.get(qn("w:ascii")) for f in body.iter(qn("w:rFonts"))} - {None}
    assert named <= {"Times New Roman"}
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    theme_fonts = [key for f in defaults.iter(qn("w:rFonts")) for key in f.attrib if key.endswith("Theme")]
    assert theme_fonts == []


# --------------------------------------------------------------------------- the header


def test_the_header_table_names_the_parent_and_issuing_bodies_the_number_and_the_party(document):
    text = "\n".join("\n".join(row) for row in table_texts(header_table(document)))
    for expected in (
        "ĐẢNG BỘ TỈNH THÁI NGUYÊN",
        "BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY",
        "*",
        "Số 12-BC/BTGDVTU",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
    ):
        assert expected in text.split("\n")


def test_the_header_table_has_two_columns_and_no_borders(document):
    table = header_table(document)
    assert len(table.columns) == 2
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {edge.get(qn("w:val")) for edge in borders} == {"nil"}


def test_the_issuing_body_is_bold_in_caps_and_the_parent_body_is_not_bold():
    document = render(
        parent_body="Đảng bộ tỉnh Thái Nguyên", issuing_body="Ban Tuyên giáo và Dân vận Tỉnh ủy"
    )
    cells = [cell for row in header_table(document).rows for cell in row.cells]
    parent = next(p for c in cells for p in c.paragraphs if p.text == "ĐẢNG BỘ TỈNH THÁI NGUYÊN")
    issuing = next(p for c in cells for p in c.paragraphs if p.text == "BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY")
    assert not only_run(parent).bold
    assert only_run(parent).font.size == Pt(13)
    assert only_run(issuing).bold
    assert only_run(issuing).font.size == Pt(13)


def test_the_party_name_is_bold_and_underlined(document):
    party_cell = header_table(document).rows[0].cells[1]
    run = only_run(cell_paragraph(party_cell, "ĐẢNG CỘNG SẢN VIỆT NAM"))
    assert run.bold
    assert run.underline
    assert Pt(14) <= run.font.size <= Pt(15)


def test_the_place_and_date_line_reads_with_two_digit_month_and_is_italic(document):
    right_column = [row.cells[1] for row in header_table(document).rows]
    lines = [p for cell in right_column for p in cell.paragraphs if "ngày" in p.text]
    assert [p.text for p in lines] == ["Thái Nguyên, ngày 15 tháng 06 năm 2026"]
    assert only_run(lines[0]).italic
    assert lines[0].alignment == WD_ALIGN_PARAGRAPH.CENTER


@pytest.mark.parametrize(
    ("place", "date", "expected"),
    [
        ("Thái Nguyên", dt.date(2026, 1, 5), "Thái Nguyên, ngày 05 tháng 01 năm 2026"),
        ("Hà Nội", dt.date(2025, 12, 31), "Hà Nội, ngày 31 tháng 12 năm 2025"),
        ("", dt.date(2026, 3, 9), "Ngày 09 tháng 03 năm 2026"),
    ],
)
def test_the_date_line_always_writes_day_and_month_with_two_digits(place, date, expected):
    assert date_line(place, date) == expected


def test_the_number_and_the_date_sit_on_the_same_row_of_the_header():
    document = render(number="Số     -BC/BTGDVTU")
    number_cell, date_cell = header_table(document).rows[-1].cells
    assert cell_text(number_cell) == "Số     -BC/BTGDVTU"
    assert cell_text(date_cell) == "Thái Nguyên, ngày 15 tháng 06 năm 2026"


# --------------------------------------------------------------------------- title and sections


def test_the_type_name_and_the_subject_are_centred_and_bold(document):
    type_name = paragraph(document, "BÁO CÁO")
    assert only_run(type_name).bold
    assert only_run(type_name).font.size == Pt(16)
    assert type_name.alignment == WD_ALIGN_PARAGRAPH.CENTER
    subject = paragraph(document, make_report().subject)
    assert only_run(subject).bold
    assert subject.alignment == WD_ALIGN_PARAGRAPH.CENTER
    texts = [p.text for p in document.paragraphs]
    assert texts.index("BÁO CÁO") < texts.index(make_report().subject)


def test_sections_come_in_order_with_bold_headings_and_bodies_split_at_blank_lines(document):
    texts = [p.text for p in document.paragraphs]
    expected = [
        "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ",
        "Ban Tuyên giáo và Dân vận Tỉnh ủy đã tham mưu tổ chức học tập, quán triệt các nghị quyết của Đảng "
        "cho 1.890 lượt cán bộ, đảng viên.",
        "Công tác nắm bắt tình hình tư tưởng, dư luận xã hội được duy trì thường xuyên, kịp thời.",
        "II. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM",
        "Tiếp tục đẩy mạnh việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
    ]
    start = texts.index(expected[0])
    assert texts[start : start + len(expected)] == expected
    assert only_run(paragraph(document, expected[0])).bold
    assert only_run(paragraph(document, expected[3])).bold
    assert not only_run(paragraph(document, expected[1])).bold


def test_body_paragraphs_are_justified_with_a_one_centimetre_first_line_indent(document):
    body = paragraph(document, SECTIONS[1][1])
    assert body.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert body.paragraph_format.first_line_indent.cm == pytest.approx(1, abs=0.01)
    assert body.style.name == "Normal"
    assert only_run(body).font.size is None  # 14 pt from the Normal style


def test_single_line_breaks_and_windows_line_ends_also_start_new_paragraphs():
    document = render(sections=[("Mục", "Dòng một\r\nDòng hai\n \n\n\nDòng ba  ")])
    texts = [p.text for p in document.paragraphs]
    start = texts.index("Mục")
    assert texts[start : start + 4] == ["Mục", "Dòng một", "Dòng hai", "Dòng ba"]


# --------------------------------------------------------------------------- the indicator table


def test_the_indicator_table_has_the_header_row_and_each_value_in_its_row(document):
    table = indicator_table(document)
    assert table.style.name == "Table Grid"
    assert table_texts(table) == [
        ["STT", "Mã", "Chỉ tiêu", "Đơn vị tính", "Kỳ này", "Cùng kỳ 2025"],
        ["1", "TG01", "Số lượt cán bộ, đảng viên được học tập nghị quyết", "lượt", "1.890", "1.720"],
        ["2", "TG02", "Tỷ lệ chi bộ sinh hoạt chuyên đề", "%", "12,5", ""],
        ["3", "TG03", "Tổ chức hội nghị báo cáo viên", "", "Có", ""],
    ]


def test_the_header_row_is_bold_and_repeats_on_every_page_and_values_are_right_aligned(document):
    table = indicator_table(document)
    header = table.rows[0]
    assert all(only_run(cell.paragraphs[0]).bold for cell in header.cells)
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    first = table.rows[1].cells
    assert first[4].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert first[5].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert not only_run(first[4].paragraphs[0]).bold


def test_the_comparison_column_appears_only_when_some_line_has_a_previous_value():
    without = [replace(line, previous="") for line in INDICATORS]
    table = indicator_table(render(indicators=without))
    assert table_texts(table)[0] == ["STT", "Mã", "Chỉ tiêu", "Đơn vị tính", "Kỳ này"]
    assert len(table.columns) == 5

    one = [*without[:2], replace(without[2], previous="Không")]
    table = indicator_table(render(indicators=one, previous_label=""))
    assert table_texts(table)[0][-1] == "Cùng kỳ"
    assert table_texts(table)[3][-1] == "Không"


def test_the_table_title_comes_after_the_sections_with_the_coverage_in_italic_under_it(document):
    texts = [p.text for p in document.paragraphs]
    title = texts.index("BIỂU TỔNG HỢP SỐ LIỆU")
    assert texts.index(SECTIONS[-1][1]) < title
    assert texts[title + 1] == "38/40 đơn vị đã nộp báo cáo"
    assert only_run(paragraph(document, "BIỂU TỔNG HỢP SỐ LIỆU")).bold
    assert only_run(paragraph(document, "38/40 đơn vị đã nộp báo cáo")).italic


def test_an_empty_table_title_falls_back_to_bieu_so_lieu():
    document = render(table_title="", coverage="")
    assert only_run(paragraph(document, "BIỂU SỐ LIỆU")).bold


def test_without_indicators_there_is_neither_table_nor_table_title():
    document = render(indicators=[])
    assert len(document.tables) == 2
    assert "BIỂU TỔNG HỢP SỐ LIỆU" not in [p.text for p in document.paragraphs]


# --------------------------------------------------------------------------- the closing


def test_the_closing_table_lists_the_recipients_and_the_signature_block(document):
    recipients, signature = closing_table(document).rows[0].cells
    assert [p.text for p in recipients.paragraphs] == [
        "Nơi nhận:",
        "- Ban Tuyên giáo và Dân vận Trung ương,",
        "- Thường trực Tỉnh ủy,",
        "- Lưu.",
    ]
    heading = only_run(recipients.paragraphs[0])
    assert heading.bold and heading.italic
    assert heading.font.size == Pt(12)
    assert only_run(recipients.paragraphs[1]).font.size == Pt(11)
    assert [p.text for p in signature.paragraphs] == [
        "T/M BAN THƯỜNG VỤ",
        "PHÓ TRƯỞNG BAN",
        "",
        "",
        "",
        "Nguyễn Thị Hồng Nhung",
    ]
    assert all(only_run(p).bold for p in signature.paragraphs if p.text)
    assert all(p.alignment == WD_ALIGN_PARAGRAPH.CENTER for p in signature.paragraphs)


def test_the_closing_table_is_borderless_and_comes_after_the_indicator_table(document):
    blocks = list(document.iter_inner_content())
    tables = [i for i, block in enumerate(blocks) if isinstance(block, Table)]
    assert len(tables) == 3
    closing = blocks[tables[-1]]
    assert cell_text(closing.rows[0].cells[0]).startswith("Nơi nhận:")
    borders = closing._tbl.tblPr.find(qn("w:tblBorders"))
    assert {edge.get(qn("w:val")) for edge in borders} == {"nil"}


def test_a_head_of_commission_signs_without_a_title_line():
    document = render(signature_role="TRƯỞNG BAN", signature_title="", signer="Trần Văn Bình")
    signature = closing_table(document).rows[0].cells[1]
    assert [p.text for p in signature.paragraphs] == ["TRƯỞNG BAN", "", "", "", "Trần Văn Bình"]


# --------------------------------------------------------------------------- the annex


def test_the_annex_starts_after_a_page_break_following_the_closing(document):
    blocks = list(document.iter_inner_content())
    annex_title = next(i for i, b in enumerate(blocks) if isinstance(b, Paragraph) and b.text == "PHỤ LỤC")
    before = blocks[annex_title - 1]
    assert isinstance(before, Paragraph)
    assert has_page_break(before)
    assert isinstance(blocks[annex_title - 2], Table)  # the closing table
    title = blocks[annex_title]
    assert only_run(title).bold
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_the_annex_gives_each_unit_in_bold_followed_by_its_text(document):
    texts = [p.text for p in document.paragraphs]
    start = texts.index("Đảng bộ xã Phú Bình")
    assert texts[start:] == [
        "Đảng bộ xã Phú Bình",
        "Tổ chức 12 buổi sinh hoạt chuyên đề.",
        "Kết quả đạt yêu cầu.",
        "Đảng bộ phường Phan Đình Phùng",
        "Hoàn thành kế hoạch tuyên truyền.",
    ]
    assert only_run(paragraph(document, "Đảng bộ xã Phú Bình")).bold
    assert not only_run(paragraph(document, "Kết quả đạt yêu cầu.")).bold
    reference = texts[texts.index("PHỤ LỤC") + 1]
    assert reference == "(Kèm theo Báo cáo số 12-BC/BTGDVTU ngày 15/06/2026)"


def test_without_an_annex_there_is_no_page_break_and_no_annex_title():
    document = render()
    assert not any(has_page_break(p) for p in document.paragraphs)
    assert "PHỤ LỤC" not in [p.text for p in document.paragraphs]


# --------------------------------------------------------------------------- bad characters


def test_control_characters_are_stripped_everywhere_and_the_file_still_opens():
    bad = "\x00\x01\x08\x0b\x0c\x0e\x1f\ud800\ufffe"
    data = render_docx(
        make_report(
            issuing_body=f"BAN TUYÊN GIÁO{bad} VÀ DÂN VẬN TỈNH ỦY",
            subject=f"Kết quả{bad} công tác",
            sections=[(f"I. KẾT QUẢ{bad}", f"Nội dung\x00 có ký tự lạ\x07.{bad}")],
            indicators=[IndicatorLine(f"TG{bad}01", f"Số buổi{bad}", "buổi", f"1.890{bad}", f"{bad}")],
            recipients=[f"- Lưu{bad}."],
            signer=f"Nguyễn{bad} Văn An",
            annex=[(f"Xã{bad} Phú Bình", f"Báo cáo\x0c tốt{bad}")],
        )
    )
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    assert not any(ch in xml for ch in "\x00\x01\x07\x08\x0b\x0c\x0e\x1f\ufffe")

    document = docx.Document(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    assert "Kết quả công tác" in texts
    assert "I. KẾT QUẢ" in texts
    assert "Nội dung có ký tự lạ." in texts
    assert "Báo cáo tốt" in texts
    assert "BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY" in cell_text(header_table(document).rows[0].cells[0])
    table = indicator_table(document)
    assert table_texts(table)[1] == ["1", "TG01", "Số buổi", "buổi", "1.890"]  # nothing left to compare
    assert "Nguyễn Văn An" in cell_text(closing_table(document).rows[0].cells[1])


def test_clean_text_keeps_tabs_and_vietnamese_and_normalises_line_ends():
    assert clean_text("Tiếng Việt\tcó dấu\r\nmới\rdòng\x00") == "Tiếng Việt\tcó dấu\nmới\ndòng"
    assert clean_text(None) == ""


def test_a_minimal_report_renders_with_only_the_required_fields():
    report = ReportDocument(
        parent_body="ĐẢNG BỘ TỈNH THÁI NGUYÊN",
        issuing_body="BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY",
        number="Số     -BC/BTGDVTU",
        place="Thái Nguyên",
        date=dt.date(2026, 1, 5),
    )
    document = docx.Document(io.BytesIO(render_docx(report)))
    assert len(document.tables) == 2
    assert "Thái Nguyên, ngày 05 tháng 01 năm 2026" in cell_text(header_table(document).rows[1].cells[1])
    assert paragraph(document, "BÁO CÁO")
    assert document.sections[0].page_width == pytest.approx(Cm(21), rel=1e-3)
