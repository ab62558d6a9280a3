import io
import json
from pathlib import Path

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st

import tuyengiao.textmining as textmining
from tuyengiao.textmining import ConversionError, extract_file, extract_text
from tuyengiao.textmining.extract import to_json

SAMPLES = Path("/work/shared/samples/articles")

# A conference report as a provincial portal shows it.
CONFERENCE_REPORT = """Đăng nhập | Sơ đồ trang
Thứ Tư, 10/01/2024
Hoạt động tuyên giáo
Tuyên Quang: Hội nghị tổng kết công tác tuyên giáo năm 2023, triển khai nhiệm vụ năm 2024
Thứ Sáu, 29/12/2023 - 16:20

Chiều 28-12, tại Hội trường Tỉnh ủy, Ban Tuyên giáo Tỉnh ủy Tuyên Quang tổ chức Hội nghị tổng kết công tác \
tuyên giáo năm 2023, triển khai nhiệm vụ năm 2024. Dự hội nghị có đồng chí Lê Thị Kim Dung, Phó Bí thư \
Thường trực Tỉnh ủy. Đồng chí Ma Thế Hồng, Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo Tỉnh ủy chủ trì hội nghị.

Năm 2023, Ban Tuyên giáo Tỉnh ủy đã tham mưu Ban Thường vụ Tỉnh ủy ban hành Kế hoạch số 125-KH/TU ngày \
15/3/2023 thực hiện Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị; tổ chức sơ kết 2 năm thực hiện \
Quy định số 144-QĐ/TW của Bộ Chính trị.

Năm 2024, ngành Tuyên giáo tỉnh tập trung thực hiện các nhiệm vụ trọng tâm sau:
1. Tuyên truyền kỷ niệm 70 năm Chiến thắng Điện Biên Phủ.
2. Nâng cao chất lượng hội nghị báo cáo viên định kỳ.
3. Chuẩn bị tuyên truyền đại hội đảng bộ các cấp nhiệm kỳ 2025-2030.

Minh Anh
Tin cùng chuyên mục
Hội nghị báo cáo viên tháng 12
Lượt truy cập: 120.455
"""

MONTHLY_SUMMARY = """Thứ Hai, 06/05/2024
Ban Tuyên giáo Tỉnh ủy Hà Giang
Thứ Sáu, 03/05/2024 09:05'(GMT+7)
Hà Giang: Kết quả công tác tuyên giáo tháng 4 và nhiệm vụ trọng tâm tháng 5
TUYÊN TRUYỀN CÁC SỰ KIỆN CHÍNH TRỊ
Ban Tuyên giáo Tỉnh ủy ban hành hướng dẫn tuyên truyền kỷ niệm 70 năm Chiến thắng Điện Biên Phủ; \
tổ chức hội nghị báo cáo viên tháng 4 (ngày 12/4/2024) với hơn 300 đại biểu tham dự.
Các cấp ủy tiếp tục thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị gắn với Quy định số 08-QĐi/TW.
NHIỆM VỤ TRỌNG TÂM THÁNG 5
Thứ nhất, tuyên truyền kỷ niệm 134 năm Ngày sinh Chủ tịch Hồ Chí Minh.
Thứ hai, nắm chắc tình hình tư tưởng, dư luận xã hội trên địa bàn.
Thứ ba, hướng dẫn tổ chức hội nghị báo cáo viên tháng 5.
Ban Tuyên giáo Tỉnh ủy Hà Giang
Phản hồi
Các tin khác
"""

HTML_PAGE = """<html><head><meta charset="utf-8"><title>Ban Tuyên giáo Huyện ủy Yên Sơn</title></head><body>
<div class="top"><nav><a href="/">Trang chủ</a> <a href="/tin">Tin tức</a></nav></div>
<div class="content">
<h1>Yên Sơn: Giao ban công tác tuyên giáo quý I năm 2024</h1>
<div class="meta">Cập nhật: 08:30 | 03/04/2024</div>
<p>Sáng 2/4, Ban Tuyên giáo Huyện ủy Yên Sơn tổ chức hội nghị giao ban công tác tuyên giáo quý I năm 2024.
Hội nghị do đồng chí Hoàng Thị Thu Trang, Trưởng Ban Tuyên giáo Huyện ủy chủ trì.</p>
<p><img src="hoi-nghi.jpg"></p><p>Quang cảnh hội nghị</p>
<p>Quý I, Ban Tuyên giáo Huyện ủy đã tham mưu ban hành Hướng dẫn số 12-HD/BTGHU về tuyên truyền các ngày lễ lớn.</p>
</div>
<div class="sidebar"><h3>Tin mới nhất</h3><ul><li>Hội nghị báo cáo viên tháng 3</li><li>Lễ ra quân</li></ul></div>
<footer><p>Bản quyền © Huyện ủy Yên Sơn</p><p>Đang truy cập: 35</p></footer>
</body></html>"""


def test_it_extracts_a_conference_report():
    result = extract_text(CONFERENCE_REPORT, file="tq.txt")
    assert result["file"] == "tq.txt"
    assert result["title"] == (
        "Tuyên Quang: Hội nghị tổng kết công tác tuyên giáo năm 2023, triển khai nhiệm vụ năm 2024"
    )
    assert result["published"] == "2023-12-29"
    assert result["event"] == {
        "kind": "tong_ket",
        "date": "2023-12-28",
        "period": {"year": 2023, "part": "Y"},
        "organizer": "Ban Tuyên giáo Tỉnh ủy Tuyên Quang",
        "location": "Hội trường Tỉnh ủy",
        "chair": "Ma Thế Hồng",
    }
    assert [d["number"] for d in result["documents"]] == ["125-KH/TU", "01-KL/TW", "144-QĐ/TW"]
    assert result["documents"][1] == {
        "number": "01-KL/TW",
        "type": "KL",
        "issuer": "TW",
        "date": "2021-05-18",
        "issued_by": "Bộ Chính trị",
    }
    assert result["tasks"] == [
        "1. Tuyên truyền kỷ niệm 70 năm Chiến thắng Điện Biên Phủ.",
        "2. Nâng cao chất lượng hội nghị báo cáo viên định kỳ.",
        "3. Chuẩn bị tuyên truyền đại hội đảng bộ các cấp nhiệm kỳ 2025-2030.",
    ]


def test_it_extracts_a_monthly_summary_as_no_single_event():
    result = extract_text(MONTHLY_SUMMARY)
    assert result["published"] == "2024-05-03"
    assert result["title"] == "Hà Giang: Kết quả công tác tuyên giáo tháng 4 và nhiệm vụ trọng tâm tháng 5"
    assert result["event"] == {
        "kind": "khac",
        "date": None,
        "period": {"year": 2024, "part": "M04"},
        "organizer": "Ban Tuyên giáo Tỉnh ủy Hà Giang",
        "location": None,
        "chair": None,
    }
    assert [t.split(",")[0] for t in result["tasks"]] == ["Thứ nhất", "Thứ hai", "Thứ ba"]
    assert result["documents"][0]["number"] == "05-CT/TW"


def test_it_extracts_a_web_page(tmp_path):
    page = tmp_path / "yen-son.html"
    page.write_text(HTML_PAGE, encoding="utf-8")
    result = extract_file(page)
    assert result["file"] == "yen-son.html"
    assert result["title"] == "Yên Sơn: Giao ban công tác tuyên giáo quý I năm 2024"
    assert result["published"] == "2024-04-03"
    event = result["event"]
    assert (event["kind"], event["date"], event["chair"]) == ("giao_ban", "2024-04-02", "Hoàng Thị Thu Trang")
    assert event["period"] == {"year": 2024, "part": "Q1"}
    assert [d["number"] for d in result["documents"]] == ["12-HD/BTGHU"]
    assert result["tasks"] is None


def test_it_extracts_a_word_file(tmp_path):
    document = docx.Document()
    document.add_paragraph("Hội nghị báo cáo viên tháng 6 năm 2024 của Huyện ủy Hàm Yên")
    document.add_paragraph(
        "Sáng ngày 20/6/2024, Ban Tuyên giáo Huyện ủy Hàm Yên tổ chức hội nghị báo cáo viên tháng 6. "
        "Đồng chí Nguyễn Văn Bình - Phó Trưởng Ban Tuyên giáo Huyện ủy chủ trì hội nghị."
    )
    document.add_paragraph("Hội nghị đề nghị các đơn vị tập trung vào các nhiệm vụ trọng tâm sau:")
    document.add_paragraph("Tuyên truyền kết quả kỳ họp Quốc hội.", style="List Bullet")
    document.add_paragraph("Nắm tình hình dư luận xã hội.", style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    path = tmp_path / "ham-yen.docx"
    path.write_bytes(buffer.getvalue())
    result = extract_file(path)
    assert result["title"] == "Hội nghị báo cáo viên tháng 6 năm 2024 của Huyện ủy Hàm Yên"
    assert result["published"] is None
    assert result["event"]["kind"] == "bao_cao_vien"
    assert result["event"]["date"] == "2024-06-20"
    assert result["event"]["chair"] == "Nguyễn Văn Bình"
    assert result["event"]["period"] == {"year": 2024, "part": "M06"}
    assert result["tasks"] == ["Tuyên truyền kết quả kỳ họp Quốc hội.", "Nắm tình hình dư luận xã hội."]


def test_a_broken_file_raises_a_conversion_error_with_a_vietnamese_reason(tmp_path):
    path = tmp_path / "hong.docx"
    path.write_bytes(b"day khong phai tep docx")
    with pytest.raises(ConversionError) as error:
        extract_file(path)
    assert error.value.reason == "Tệp không phải DOCX hợp lệ"


def test_the_json_keeps_vietnamese_readable():
    text = to_json(extract_text(CONFERENCE_REPORT))
    assert "Ban Tuyên giáo Tỉnh ủy Tuyên Quang" in text
    assert json.loads(text)["event"]["kind"] == "tong_ket"


def test_the_package_exports_the_extractor():
    assert textmining.extract_text is extract_text
    assert set(textmining.__all__) == {"extract_text", "extract_file", "ConversionError"}


def test_an_empty_text_gives_an_empty_result():
    assert extract_text("") == {
        "file": None,
        "title": None,
        "published": None,
        "event": {
            "kind": "khac",
            "date": None,
            "period": {"year": None, "part": None},
            "organizer": None,
            "location": None,
            "chair": None,
        },
        "documents": [],
        "tasks": None,
    }


def _first_words(text: str, count: int = 6) -> list[str]:
    return text.replace("...", " ").split()[:count]


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="the shared sample articles are not on this machine")
@pytest.mark.parametrize("name", sorted(p.stem for p in SAMPLES.glob("*.txt")) if SAMPLES.is_dir() else [])
def test_it_matches_the_hand_annotations_of_the_sample_articles(name):
    expected = json.loads((SAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    result = extract_file(SAMPLES / f"{name}.txt")
    for field in ("published", "documents"):
        assert result[field] == expected[field], field
    for field, value in expected["event"].items():
        assert result["event"][field] == value, field
    if expected["tasks"] is None:
        assert result["tasks"] is None
    else:
        assert len(result["tasks"]) == len(expected["tasks"])
        for got, want in zip(result["tasks"], expected["tasks"], strict=True):
            assert _first_words(got) == _first_words(want)


@given(st.text())
def test_extract_text_never_raises_on_any_text(text):
    result = extract_text(text)
    assert set(result) == {"file", "title", "published", "event", "documents", "tasks"}
    json.dumps(result)
