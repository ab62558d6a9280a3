import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tuyengiao.textmining.normalize import normalize
from tuyengiao.textmining.references import alias_key, find_aliases, find_references, unique_references

SAMPLES = Path("/work/shared/samples/articles")
PUBLISHED = dt.date(2022, 6, 15)


def numbers(text, published=PUBLISHED):
    return [r.number for r in find_references(normalize(text), published)]


def only(text, published=PUBLISHED):
    refs = find_references(normalize(text), published)
    assert len(refs) == 1, refs
    return refs[0]


def aliases(text):
    return [(a.text, a.key) for a in find_aliases(normalize(text))]


# -- numbered references --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "number", "kind", "issuer"),
    [
        (
            "Ban Thường vụ đã ban hành Quyết định số 1017-QĐ/TU về kiện toàn Ban Chỉ đạo.",
            "1017-QĐ/TU",
            "QĐ",
            "TU",
        ),
        ("Các xã thực hiện Nghị định 30/2020/NĐ-CP về công tác văn thư.", "30/2020/NĐ-CP", "NĐ", "CP"),
        ("Theo Công văn số 245/UBND-VX, các phòng rà soát số liệu.", "245/UBND-VX", "CV", "UBND-VX"),
        ("Thông báo số 15-TB/BTGDVTU gửi các huyện ủy.", "15-TB/BTGDVTU", "TB", "BTGDVTU"),
        ("Kế hoạch 12/KH-UBND giao chỉ tiêu cho các xã.", "12/KH-UBND", "KH", "UBND"),
        ("Văn bản được trình bày theo Hướng dẫn số 36-HD/VPTW.", "36-HD/VPTW", "HD", "VPTW"),
        ("Danh mục loại văn bản theo Quy định 399-QĐ/TW.", "399-QĐ/TW", "QĐ", "TW"),
        ("Tiếp tục thực hiện Chỉ thị số 05-CT/TW trong toàn Đảng bộ.", "05-CT/TW", "CT", "TW"),
        ("Quán triệt Kết luận số 21 - KL/TƯ đến chi bộ.", "21-KL/TW", "KL", "TW"),
        ("Ban hành Quyết định 1017 – QĐ/TU trong tháng.", "1017-QĐ/TU", "QĐ", "TU"),
        ("xã đã học tập chỉ thị số 05-ct/tw đầy đủ.", "05-CT/TW", "CT", "TW"),
        ("Quán triệt Kết luận số 21-\nKL/TW tới đảng viên.", "21-KL/TW", "KL", "TW"),
        ("Thực hiện Chỉ thị số\n05-CT/TW năm nay.", "05-CT/TW", "CT", "TW"),
        ("Thực hiện Quyết định số 1234/QĐ-TTg của Thủ tướng.", "1234/QĐ-TTg", "QĐ", "TTg"),
        ("Áp dụng Thông tư 01/2011/TT-BNV khi soạn thảo.", "01/2011/TT-BNV", "TT", "BNV"),
        ("Thực hiện Quy định số 08-QĐi/TW về trách nhiệm nêu gương.", "08-QĐi/TW", "QĐi", "TW"),
        ("Chương trình hành động số 15-CTr/TU đã đi vào cuộc sống.", "15-CTr/TU", "CTr", "TU"),
        ("Thực hiện văn bản số 123/SGDĐT-VP về việc báo cáo.", "123/SGDĐT-VP", "CV", "SGDĐT-VP"),
        ("Luật số 59/2020/QH14 có hiệu lực.", "59/2020/QH14", "", "QH14"),
        ("Nghị quyết số 01/2021/NQ-HĐND quy định mức chi.", "01/2021/NQ-HĐND", "NQ", "HĐND"),
    ],
)
def test_it_finds_numbered_references(sentence, number, kind, issuer):
    ref = only(sentence)
    assert (ref.number, ref.type, ref.issuer) == (number, kind, issuer)


@pytest.mark.parametrize(
    "sentence",
    [
        "Mọi ý kiến xin gửi về số điện thoại 0208.3855.123 hoặc 0912-345-678.",
        "Công tác phòng, chống dịch Covid-19 được duy trì.",
        "Đại hội đảng bộ các cấp nhiệm kỳ 2021-2026 và nhiệm kỳ 2020 - 2025.",
        "Hội nghị trực tuyến diễn ra trong hai ngày 27-28/3/2021.",
        "Xe mang biển kiểm soát 20A-123.45 chở tài liệu.",
        "Đơn vị đạt chuẩn ISO 9001:2015.",
        "Cụm thi đua số 1 gồm 9 huyện, thành phố.",
        "Tuyến Quốc lộ 3 và đường QL3 mới được nâng cấp.",
        "Tỷ lệ đảng viên tham gia học tập đạt 98,5%, tăng 2/3 so với năm trước.",
        "Ngày 17/6/2020 và ngày 1/5 là các mốc quan trọng.",
        "Chỉ có 3 lần/tuần, mỗi xã 100/xã, phòng 302/UBND, Tổ 5/KP3, F0/F1.",
        "Xem https://tuyengiao.vn/van-ban/21-KL/TW.html hoặc www.example.vn/12/KH-UBND.",
        "Điều 5 khoản 2 quy định rõ, F0 được theo dõi.",
        "Người nộp thuế kê khai tờ khai 01/TK-TNCN.",
        "Trụ sở tại số 5/KP Phú Xá.",
        "Lớp 12-A1/THPT tham gia cuộc thi.",
        "Đội bóng thắng 3-1 tại sân 19/5.",
        "Đường 30/4 và phường 3/2 được trang trí cờ hoa.",
        "Ban Chỉ đạo 35 họp định kỳ 17:30 ngày 5/6.",
        "Số liệu 21-XY/TW không có thật.",
    ],
)
def test_it_ignores_things_that_look_like_numbers(sentence):
    assert numbers(sentence) == []


def test_it_reads_the_date_and_the_body_given_with_a_reference():
    ref = only(
        "Quán triệt Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng về xây dựng Đảng."
    )
    assert ref.date == dt.date(2021, 10, 25)
    assert ref.issued_by == "Ban Chấp hành Trung ương Đảng"


@pytest.mark.parametrize(
    ("sentence", "date", "body"),
    [
        (
            "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị (khóa XII) về đẩy mạnh học tập.",
            "2016-05-15",
            "Bộ Chính trị",
        ),
        (
            "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị khóa XII được quán triệt.",
            "2016-05-15",
            "Bộ Chính trị",
        ),
        (
            "Đổi tên trung tâm theo Quy định số 208-QĐ/TW của Ban Bí thư; đồng thời rà soát.",
            None,
            "Ban Bí thư",
        ),
        ("Quy định 399-QĐ/TW do Bộ Chính trị ban hành thay thế quy định cũ.", None, "Bộ Chính trị"),
        (
            "Kết luận số 14-KL/TW (ngày 22/9/2021) của Bộ Chính trị về khuyến khích cán bộ.",
            "2021-09-22",
            "Bộ Chính trị",
        ),
        (
            "Quyết định số 1017-QĐ/TU ngày 3/12/2021 của Ban Thường vụ Tỉnh ủy về kiện toàn.",
            "2021-12-03",
            "Ban Thường vụ Tỉnh ủy",
        ),
        (
            "Nghị định 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư.",
            "2020-03-05",
            "Chính phủ",
        ),
        (
            "Kế hoạch 12/KH-UBND ngày 20/01/2022 của Ủy ban nhân dân huyện; các xã triển khai.",
            "2022-01-20",
            "Ủy ban nhân dân huyện",
        ),
        (
            "Kế hoạch số 02-KH/BTGDVTU ngày 10/3/2025 của Ban Tuyên giáo và Dân vận Tỉnh ủy, đạt kết quả.",
            "2025-03-10",
            "Ban Tuyên giáo và Dân vận Tỉnh ủy",
        ),
        (
            "Công văn số 123/SGDĐT-VP ngày 5/4/2022 của Sở Giáo dục và Đào tạo về việc tổ chức.",
            "2022-04-05",
            "Sở Giáo dục và Đào tạo",
        ),
        (
            "Quyết định số 15/2023/QĐ-UBND của UBND TP. Thái Nguyên quy định mức hỗ trợ.",
            None,
            "UBND TP. Thái Nguyên",
        ),
        (
            "Quyết định số 1234/QĐ-TTg ngày 12/8/2021 của Thủ tướng Chính phủ phê duyệt đề án.",
            "2021-08-12",
            "Thủ tướng Chính phủ",
        ),
        ("Kết luận 01-KL/TW của Bộ Chính trị tiếp tục được triển khai.", None, "Bộ Chính trị"),
        ("Kế hoạch số 86-KH/TU của Tỉnh ủy Thái Nguyên thực hiện nghị quyết.", None, "Tỉnh ủy Thái Nguyên"),
        ("Chỉ thị số 05-CT/TW của Bộ Chính trị và Kết luận của Hội nghị.", None, "Bộ Chính trị"),
        ("Nghị quyết số 35-NQ/TW của Bộ Chính trị đã đi vào cuộc sống.", None, "Bộ Chính trị"),
        ("Chỉ thị số 05-CT/TW của Bộ Chính trị gắn với Nghị quyết Trung ương 4.", None, "Bộ Chính trị"),
        (
            "Kết luận số 21-KL/TW ngày 25 tháng 10 năm 2021 của Ban Chấp hành Trung ương.",
            "2021-10-25",
            "Ban Chấp hành Trung ương",
        ),
        ("Chỉ thị số 05-CT/TW của Bộ Chính trị ngày 15/5/2016 là nền tảng.", "2016-05-15", "Bộ Chính trị"),
        ("Chỉ thị số 05-CT/TW về “Đẩy mạnh học tập và làm theo tư tưởng”.", None, None),
        ("Kế hoạch số 12-KH/TU của tỉnh được ban hành.", None, None),
        ("Kết luận số 21-KL/TW của đồng chí Tổng Bí thư.", None, None),
        ("Quán triệt Kết luận số 21-KL/TW.", None, None),
    ],
)
def test_it_reads_the_date_and_the_issuing_body(sentence, date, body):
    ref = only(sentence)
    assert (ref.date.isoformat() if ref.date else None, ref.issued_by) == (date, body)


def test_a_partial_date_is_resolved_against_the_publication_date():
    assert only("Kết luận số 21-KL/TW ngày 25/10 của Bộ Chính trị", dt.date(2022, 3, 1)).date == dt.date(
        2021, 10, 25
    )
    assert only("Kết luận số 21-KL/TW ngày 25/10 của Bộ Chính trị", None).date is None


def test_a_date_from_another_year_than_the_state_number_is_not_its_date():
    assert only("Nghị định 30/2020/NĐ-CP, ngày 5/3/2021 các sở đã triển khai.").date is None


def test_numbers_sharing_one_symbol_are_each_a_reference():
    refs = find_references(
        "Nghị quyết số 18, 19-NQ/TW ngày 25/10/2017 của Hội nghị Trung ương 6 khóa XII.", PUBLISHED
    )
    assert [(r.number, r.date, r.issued_by) for r in refs] == [
        ("18-NQ/TW", dt.date(2017, 10, 25), "Hội nghị Trung ương 6"),
        ("19-NQ/TW", dt.date(2017, 10, 25), "Hội nghị Trung ương 6"),
    ]
    assert numbers("Chỉ thị số 05 và 06-CT/TW") == ["05-CT/TW", "06-CT/TW"]


def test_a_list_of_full_numbers_gives_each_one():
    assert numbers("Các Nghị quyết số 18-NQ/TW, 19-NQ/TW và Kết luận 21-KL/TW.") == [
        "18-NQ/TW",
        "19-NQ/TW",
        "21-KL/TW",
    ]


def test_the_span_covers_the_words_that_cite_the_document():
    text = "Quán triệt Kết luận số 21-KL/TW, ngày 25/10/2021 của Bộ Chính trị về xây dựng Đảng."
    ref = only(text)
    assert text[ref.start : ref.end] == "Kết luận số 21-KL/TW, ngày 25/10/2021 của Bộ Chính trị"


def test_unique_references_keep_first_mention_order_and_merge_fields():
    text = (
        "Thực hiện Chỉ thị số 05-CT/TW và Kết luận số 01-KL/TW. Sơ kết Chỉ thị số 05-CT/TW, ngày 15/5/2016"
        " của Bộ Chính trị; Kết luận số 01-KL/TW của Bộ Chính trị."
    )
    refs = find_references(text, PUBLISHED)
    assert [r.number for r in refs] == ["05-CT/TW", "01-KL/TW", "05-CT/TW", "01-KL/TW"]
    unique = unique_references(refs)
    assert [(r.number, r.date, r.issued_by) for r in unique] == [
        ("05-CT/TW", dt.date(2016, 5, 15), "Bộ Chính trị"),
        ("01-KL/TW", None, "Bộ Chính trị"),
    ]
    assert unique[0].start == refs[0].start


# -- aliases --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "mention", "key"),
    [
        ("Đẩy mạnh thực hiện Chỉ thị 05 trong toàn Đảng bộ.", "Chỉ thị 05", "chi thi 05"),
        ("Sơ kết Chỉ thị 5 của Bộ Chính trị.", "Chỉ thị 5", "chi thi 05"),
        ("Tiếp tục thực hiện Nghị quyết số 29 về đổi mới giáo dục.", "Nghị quyết số 29", "nghi quyet 29"),
        ("Gắn với Nghị quyết Trung ương 4 (khóa XII) về xây dựng Đảng.", "Nghị quyết Trung ương 4 (khóa XII)",
         "nghi quyet trung uong 4 khoa xii"),
        ("Gắn với Nghị quyết Trung ương 4 khóa XII về xây dựng Đảng.", "Nghị quyết Trung ương 4 khóa XII",
         "nghi quyet trung uong 4 khoa xii"),
        ("Học tập Nghị quyết TW 4 khóa XIII.", "Nghị quyết TW 4 khóa XIII", "nghi quyet trung uong 4 khoa xiii"),
        ("Thực hiện Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII.",
         "Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII", "nghi quyet trung uong 4 khoa xii"),
        ("Tuyên truyền Nghị quyết Đại hội XIII sâu rộng.", "Nghị quyết Đại hội XIII", "nghi quyet dai hoi xiii"),
        ("Tuyên truyền Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng.",
         "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng", "nghi quyet dai hoi xiii"),
        ("Các chi bộ học tập các nghị quyết Đại hội lần thứ XIII của Đảng.",
         "nghị quyết Đại hội lần thứ XIII của Đảng", "nghi quyet dai hoi xiii"),
        ("Quán triệt Nghị quyết Đại hội đại biểu Đảng bộ huyện Phú Lương lần thứ XXV, nhiệm kỳ 2020-2025.",
         "Nghị quyết Đại hội đại biểu Đảng bộ huyện Phú Lương lần thứ XXV",
         "nghi quyet dai hoi dang bo huyen phu luong xxv"),
        ("Triển khai Nghị quyết Đại hội Đảng bộ tỉnh (khóa XX) trong năm.", "Nghị quyết Đại hội Đảng bộ tỉnh (khóa XX)",
         "nghi quyet dai hoi dang bo tinh xx"),
        ("Thực hiện Đề án 06 về dữ liệu dân cư.", "Đề án 06", "de an 06"),
        ("Chương trình 135 hỗ trợ các xã.", "Chương trình 135", "chuong trinh 135"),
        ("Nghị quyết 30a của Chính phủ.", "Nghị quyết 30a", "nghi quyet 30a"),
    ],
)  # fmt: skip
def test_it_finds_references_by_name(sentence, mention, key):
    assert aliases(sentence) == [(mention, key)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị.",
        "Thực hiện Chỉ thị số 05 - CT/TW của Bộ Chính trị.",
        "Thực hiện Nghị quyết số 29-NQ/TW và Chỉ thị 05/CT-TTg.",
        "Nghị quyết số 18, 19-NQ/TW ngày 25/10/2017.",
        "Xây dựng Kế hoạch 5 năm, Thông báo 3 lần, Kế hoạch 2021, Hướng dẫn 2 nội dung.",
        "Quán triệt nghị quyết đại hội đảng các cấp và Đại hội lần thứ XIII của Đảng.",
        "Học tập chỉ thị, nghị quyết của Đảng; kế hoạch 12 tháng.",
        "Nghị quyết Đại hội Đảng bộ các cấp được quán triệt.",
    ],
)
def test_it_finds_no_alias_where_there_is_none(sentence):
    assert aliases(sentence) == []


@pytest.mark.parametrize(
    ("variant", "key"),
    [
        ("Nghị quyết Trung ương 4 (khóa XII)", "nghi quyet trung uong 4 khoa xii"),
        ("Nghị quyết TW 4 khóa XII", "nghi quyet trung uong 4 khoa xii"),
        ("nghi quyet trung uong 4 khoa xii", "nghi quyet trung uong 4 khoa xii"),
        ("Nghị quyết TƯ 4, khoá 12", "nghi quyet trung uong 4 khoa xii"),
        ("Nghị quyết Hội nghị Trung ương lần thứ tư khóa XII", "nghi quyet trung uong 4 khoa xii"),
        ("NGHỊ QUYẾT TRUNG ƯƠNG 4 KHÓA XII", "nghi quyet trung uong 4 khoa xii"),
        ("Nghị quyết Trung ương 4", "nghi quyet trung uong 4"),
        ("Nghị quyết Đại hội XIII", "nghi quyet dai hoi xiii"),
        ("Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng", "nghi quyet dai hoi xiii"),
        ("Nghị quyết Đại hội Đảng toàn quốc lần thứ 13", "nghi quyet dai hoi xiii"),
        ("Chỉ thị 05", "chi thi 05"),
        ("chỉ  thị 5", "chi thi 05"),
        ("Chỉ thị số 05 của Bộ Chính trị", "chi thi 05"),
        ("Nghị quyết số 29", "nghi quyet 29"),
        ("  Đề án   06 ", "de an 06"),
    ],
)
def test_alias_key_folds_variant_spellings_together(variant, key):
    assert alias_key(variant) == key


def test_alias_key_of_anything_else_is_its_folded_form():
    assert alias_key("Chương trình Sáng tạo") == "chuong trinh sang tao"
    assert alias_key("") == ""


def test_alias_mentions_point_into_the_text():
    text = normalize("Việc thực hiện Nghị quyết Trung ương 4 (khóa XII) gắn với Chỉ thị 05 của Bộ Chính trị.")
    found = find_aliases(text)
    assert [text[a.start : a.end] for a in found] == [a.text for a in found]
    assert [a.key for a in found] == ["nghi quyet trung uong 4 khoa xii", "chi thi 05"]


# -- properties -----------------------------------------------------------------------------------

BODIES = ["Bộ Chính trị", "Ban Bí thư", "Ban Chấp hành Trung ương Đảng", "Tỉnh ủy", "UBND tỉnh", "Chính phủ"]
TYPE_WORDS = ["Kết luận", "Chỉ thị", "Nghị quyết", "Quyết định", "Hướng dẫn", "Kế hoạch"]


@st.composite
def cited(draw):
    value = draw(st.integers(1, 9999))
    code, issuer = draw(
        st.sampled_from([("KL", "TW"), ("CT", "TW"), ("NQ", "TU"), ("QĐ", "HU"), ("KH", "BTGDVTU")])
    )
    written_issuer = "TƯ" if issuer == "TW" and draw(st.booleans()) else issuer
    space = draw(st.sampled_from(["", " "]))
    dash = draw(st.sampled_from(["-", "–"]))
    day = draw(st.dates(dt.date(2001, 1, 1), dt.date(2022, 6, 1)))
    body = draw(st.sampled_from(BODIES))
    with_date, with_body = draw(st.booleans()), draw(st.booleans())
    sentence = (
        f"Thực hiện {draw(st.sampled_from(TYPE_WORDS))} số {value}{space}{dash}{space}{code}/{written_issuer}"
    )
    if with_date:
        sentence += (
            f"{draw(st.sampled_from([', ngày ', ' ngày ', ' (ngày ']))}{day.day}/{day.month}/{day.year}"
        )
        sentence += ")" if "(" in sentence else ""
    if with_body:
        sentence += f" của {body}"
    sentence += draw(
        st.sampled_from([" về công tác tuyên giáo.", ", các cấp ủy triển khai.", ".", "; đồng thời"])
    )
    expected = (f"{value:02d}-{code}/{issuer}", day if with_date else None, body if with_body else None)
    return sentence, expected


@given(cited())
def test_generated_citations_are_read_back(case):
    sentence, expected = case
    refs = find_references(normalize(sentence), PUBLISHED)
    assert [(r.number, r.date, r.issued_by) for r in refs] == [expected]


NOISY = st.lists(
    st.sampled_from(
        list("0123456789/-–.,:() \nKLCTQĐTWƯUBNDHXIVaàyhkế") + ["số ", "Số: ", "của ", "ngày ", "Chỉ thị "]
    )
).map("".join)


@given(st.one_of(st.text(), NOISY), st.one_of(st.none(), st.dates()))
def test_extraction_never_raises_and_spans_stay_inside_the_text(text, published):
    for ref in find_references(text, published):
        assert 0 <= ref.start < ref.end <= len(text)
    for mention in find_aliases(text):
        assert text[mention.start : mention.end] == mention.text and mention.key
    alias_key(text)


# -- the shared sample articles -------------------------------------------------------------------


@pytest.mark.parametrize("name", ["song-cong-2022", "bac-kan-2021", "gia-lam-2020"])
def test_the_sample_articles_documents_are_found(name):
    source, annotation = SAMPLES / f"{name}.txt", SAMPLES / f"{name}.json"
    if not (source.exists() and annotation.exists()):
        pytest.skip("shared samples absent")
    expected = json.loads(annotation.read_text(encoding="utf-8"))
    published = dt.date.fromisoformat(expected["published"]) if expected.get("published") else None
    refs = unique_references(find_references(normalize(source.read_text(encoding="utf-8")), published))
    found = [
        {"number": r.number, "type": r.type, "issuer": r.issuer, "date": r.date and r.date.isoformat(),
         "issued_by": r.issued_by}
        for r in refs
    ]  # fmt: skip
    assert found == expected["documents"]


def test_a_number_glued_to_so_is_still_a_reference():
    refs = find_references("theo tinh thần Chỉ thị số12-CT/TU của Tỉnh ủy về phòng, chống thiên tai")
    assert [(r.number, r.issued_by) for r in refs] == [("12-CT/TU", "Tỉnh ủy")]
    assert find_references("mã hồ sơ ABC12-CT/TU") == []


@pytest.mark.parametrize(
    "sentence, body",
    [
        ("Nghị quyết số 57-NQ/TW của Bộ Chính trị từng bước đi vào thực tiễn.", "Bộ Chính trị"),
        ("Kế hoạch số 40-KH/HU của Huyện ủy Bảo Lâm được cụ thể hóa.", "Huyện ủy Bảo Lâm"),
        ("Kế hoạch số 40-KH/HU của Huyện ủy Bảo Lâm mang lại kết quả.", "Huyện ủy Bảo Lâm"),
        ("Kế hoạch số 15/KH-UBND của UBND huyện phát huy hiệu quả.", "UBND huyện"),
        ("Kế hoạch số 08-KH/ĐU của Đảng ủy phường.", "Đảng ủy phường"),
        ("Chỉ thị số 35-CT/TW của Ban Chấp hành Trung ương Đảng.", "Ban Chấp hành Trung ương Đảng"),
    ],
)
def test_the_issuing_body_stops_at_a_lower_case_verb_after_a_known_body(sentence, body):
    assert find_references(sentence)[0].issued_by == body


def test_the_secretariat_is_named_whole():
    (ref,) = find_references(
        "Chỉ thị số 23-CT/TW ngày 9/02/2018 của Ban Bí thư Trung ương Đảng khóa XII về tiếp tục đổi mới.",
        None,
    )
    assert (ref.issued_by, ref.date) == ("Ban Bí thư Trung ương Đảng", dt.date(2018, 2, 9))


def test_a_sentence_opening_with_the_day_a_body_issued_the_document_dates_it():
    (ref,) = find_references(
        "Ngày 29/12/2025 Ban Tuyên giáo Huyện ủy đã ban hành văn bản số 61-CV/BTGHU về định hướng tuyên truyền.",
        None,
    )
    assert (ref.date, ref.issued_by) == (dt.date(2025, 12, 29), "Ban Tuyên giáo Huyện ủy")
    (cited,) = find_references("Ngày 29/12/2025, hội nghị quán triệt Kết luận số 21-KL/TW.", None)
    assert (cited.date, cited.issued_by) == (None, None)  # the day of a meeting, not of the document
