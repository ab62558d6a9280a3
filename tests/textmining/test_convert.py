import io
import unicodedata
import zipfile

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tuyengiao.textmining.convert import ConversionError, decode, from_docx, from_html, read

TONES = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(text: str) -> bytes:
    """Text as Windows-1258 writes it: base letters precomposed, tone marks combining."""
    out = []
    for ch in text:
        decomposed = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONES))
        out.append(base + "".join(c for c in decomposed if c in TONES))
    return "".join(out).encode("cp1258")


PAGE = """<!DOCTYPE html>
<html lang="vi"><head>
<meta charset="utf-8">
<title>Huyện Phú Lương giao ban công tác tuyên giáo quý II - Cổng thông tin huyện</title>
<meta property="article:published_time" content="2023-06-28T16:05:00+07:00">
<style>.menu { color: red }</style>
<script>var visits = 12345;</script>
</head><body>
<header><h1 class="logo">Cổng thông tin điện tử huyện Phú Lương</h1>
<nav><ul><li>Trang chủ</li><li>Tin tức - Sự kiện</li><li>Đảng bộ</li></ul></nav></header>
<main><article>
<header><h1>Huyện Phú Lương giao ban công tác tuyên giáo quý II</h1>
<span class="date">28/06/2023 16:05</span></header>
<p>Chiều 27-6, Ban Tuyên giáo Huyện ủy Phú Lương tổ chức hội nghị giao ban công tác tuyên giáo quý II năm 2023.</p>
<p>Đồng chí Nông Thị Hằng, Trưởng Ban Tuyên giáo Huyện ủy chủ trì hội nghị.<br>Các đại biểu thảo luận &amp; góp ý.</p>
<figure><img src="a.jpg"><figcaption>Quang cảnh hội nghị</figcaption></figure>
<form><input name="q"><button>Tìm kiếm</button></form>
</article></main>
<aside><h3>Tin mới nhất</h3><ul><li>Khai mạc hội chợ</li></ul></aside>
<footer>Bản quyền thuộc UBND huyện Phú Lương</footer>
</body></html>"""


def test_it_keeps_the_article_headline_first_and_drops_site_chrome():
    text = from_html(PAGE)
    lines = text.split("\n")
    assert lines[0] == "Huyện Phú Lương giao ban công tác tuyên giáo quý II"
    assert "Chiều 27-6, Ban Tuyên giáo Huyện ủy Phú Lương tổ chức" in text
    assert "Các đại biểu thảo luận & góp ý." in lines
    for chrome in (
        "Trang chủ",
        "visits",
        "color: red",
        "Tin mới nhất",
        "Bản quyền",
        "Tìm kiếm",
        "Cổng thông tin",
    ):
        assert chrome not in text


def test_it_keeps_the_date_line_of_the_article_header_and_the_meta_publication_time():
    lines = from_html(PAGE).split("\n")
    assert "28/06/2023 16:05" in lines
    assert lines[1] == "28/06/2023 16:05"  # from <meta property="article:published_time">


def test_it_falls_back_on_the_title_without_the_site_name():
    page = "<html><head><title>Hội nghị báo cáo viên tháng 5 | Ban Tuyên giáo</title></head><body>"
    page += "<p>Sáng 14/5, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị báo cáo viên tháng 5.</p></body></html>"
    assert from_html(page).split("\n")[0] == "Hội nghị báo cáo viên tháng 5"


def test_it_decodes_a_page_in_its_declared_charset():
    page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258"></head>'
    page += "<body><p>Ban Tuyên giáo Huyện ủy tổ chức hội nghị sơ kết công tác.</p></body></html>"
    assert "Ban Tuyên giáo Huyện ủy" in from_html(cp1258(page))


@pytest.mark.parametrize(
    "page",
    [
        "",
        "<html><body><nav>Trang chủ Tin tức Sự kiện Liên hệ Đăng nhập</nav></body></html>",
        "<html><head><title>Trang chủ</title></head><body><script>alert(1)</script></body></html>",
    ],
)
def test_a_page_without_article_text_is_refused(page):
    with pytest.raises(ConversionError) as error:
        from_html(page)
    assert error.value.reason == "Trang HTML không có nội dung bài viết"


def _docx_bytes() -> bytes:
    document = docx.Document()
    document.add_heading("Báo cáo kết quả công tác tuyên giáo tháng 5 năm 2023", level=1)
    document.add_paragraph("Ban Tuyên giáo Huyện ủy tập trung vào các nhiệm vụ trọng tâm sau:")
    document.add_paragraph("Tăng cường công tác tuyên truyền", style="List Number")
    document.add_paragraph("Nắm bắt tình hình tư tưởng", style="List Number")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Số hội nghị báo cáo viên"
    table.rows[0].cells[1].text = "12"
    document.add_paragraph("Ban Tuyên giáo Huyện ủy Đồng Hỷ")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_it_reads_a_word_file_paragraph_by_paragraph_in_document_order():
    lines = from_docx(_docx_bytes()).split("\n")
    assert lines[0] == "Báo cáo kết quả công tác tuyên giáo tháng 5 năm 2023"
    assert lines[2:4] == ["- Tăng cường công tác tuyên truyền", "- Nắm bắt tình hình tư tưởng"]
    assert lines[4:6] == ["Số hội nghị báo cáo viên", "12"]
    assert lines[-1] == "Ban Tuyên giáo Huyện ủy Đồng Hỷ"


def test_a_file_that_is_not_a_zip_is_not_a_word_file():
    with pytest.raises(ConversionError) as error:
        from_docx(b"%PDF-1.4 not a word file")
    assert error.value.reason == "Tệp không phải DOCX hợp lệ"


def test_a_zip_without_a_word_document_inside_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "không phải tài liệu Word")
    with pytest.raises(ConversionError, match="DOCX"):
        from_docx(buffer.getvalue())


def test_it_decodes_utf8_with_or_without_bom_and_windows_1258():
    text = "Ban Tuyên giáo Tỉnh ủy Bắc Kạn"
    assert decode(text.encode("utf-8")) == text
    assert decode("\ufeff".encode() + text.encode("utf-8")) == text
    assert decode(text.encode("utf-16")) == text
    assert decode(cp1258(text)) == text


def test_undecodable_or_binary_text_is_refused_with_a_vietnamese_reason():
    with pytest.raises(ConversionError) as error:
        decode(b"\x81\x8a\x8d\x8e\x8f\x90\xff\xfe"[2:] + b"\x81")
    assert "bảng mã" in error.value.reason
    with pytest.raises(ConversionError, match="nhị phân"):
        decode(b"abc\x00def")


def test_it_reads_files_by_extension(tmp_path):
    (tmp_path / "bai.txt").write_text("Sáng 14-6, hội nghị.", encoding="utf-8")
    (tmp_path / "bai.htm").write_text(PAGE, encoding="utf-8")
    (tmp_path / "bai.docx").write_bytes(_docx_bytes())
    assert read(tmp_path / "bai.txt") == "Sáng 14-6, hội nghị."
    assert read(tmp_path / "bai.htm").startswith("Huyện Phú Lương")
    assert read(tmp_path / "bai.docx").startswith("Báo cáo kết quả")
    assert read(_docx_bytes(), "upload.DOCX").startswith("Báo cáo kết quả")


def test_unknown_extensions_and_missing_files_are_refused(tmp_path):
    (tmp_path / "bai.pdf").write_bytes(b"%PDF")
    with pytest.raises(ConversionError, match="chưa được hỗ trợ"):
        read(tmp_path / "bai.pdf")
    with pytest.raises(ConversionError, match="Không đọc được tệp"):
        read(tmp_path / "khong-co.txt")


@given(st.one_of(st.text(), st.binary()))
def test_converters_raise_nothing_but_conversion_errors(data):
    for convert in (from_html, from_docx, decode):
        try:
            convert(
                data if convert is not decode or isinstance(data, bytes) else data.encode("utf-8", "replace")
            )
        except ConversionError as error:
            assert error.reason


def test_a_page_wrapped_in_one_form_still_yields_its_article():
    page = (
        "<html><head><title>Giao ban quý III</title></head><body><form id='aspnet'>"
        "<h1>Huyện Na Rì giao ban công tác tuyên giáo quý III năm 2023</h1>"
        "<p>Ngày 5/10, Ban Tuyên giáo Huyện ủy Na Rì tổ chức hội nghị giao ban quý III.</p>"
        "<input name='q'><button>Tìm</button></form></body></html>"
    )
    lines = from_html(page).split("\n")
    assert lines[0] == "Huyện Na Rì giao ban công tác tuyên giáo quý III năm 2023"
    assert "Ngày 5/10, Ban Tuyên giáo Huyện ủy Na Rì tổ chức hội nghị giao ban quý III." in lines
    assert "Tìm" not in lines


def test_without_an_h1_the_headline_is_og_title_else_the_title_without_the_site_name():
    og = (
        '<html><head><title>Trang tin Huyện ủy</title><meta property="og:title" content="Hội nghị '
        'báo cáo viên tháng 7 - Trang tin Huyện ủy"></head><body><p>Ngày 20/7, hội nghị đã diễn ra '
        "tại hội trường.</p></body></html>"
    )
    assert from_html(og).split("\n")[0] == "Hội nghị báo cáo viên tháng 7"
    titled = (
        "<html><head><title>Giao ban báo chí tháng 7 | Báo Lào Cai</title></head><body><p>Chiều 4/8, "
        "Ban Tuyên giáo Tỉnh ủy chủ trì giao ban báo chí.</p></body></html>"
    )
    assert from_html(titled).split("\n")[0] == "Giao ban báo chí tháng 7"


def test_list_items_are_marked_so_that_task_lists_stay_lists():
    page = (
        "<html><body><p>Năm tới, huyện tập trung vào các nhiệm vụ trọng tâm sau:</p><ol>"
        "<li>Tuyên truyền đại hội đảng bộ các cấp.</li><li><p>Nắm chắc dư luận xã hội ở cơ sở.</p></li>"
        "<li>1. Sơ kết mô hình dân vận khéo.</li></ol><p>Kết thúc hội nghị lúc 11 giờ cùng ngày.</p>"
        "</body></html>"
    )
    assert from_html(page).split("\n") == [
        "Năm tới, huyện tập trung vào các nhiệm vụ trọng tâm sau:",
        "- Tuyên truyền đại hội đảng bộ các cấp.",
        "- Nắm chắc dư luận xã hội ở cơ sở.",
        "1. Sơ kết mô hình dân vận khéo.",
        "Kết thúc hội nghị lúc 11 giờ cùng ngày.",
    ]
