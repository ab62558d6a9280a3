import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tuyengiao.textmining.clutter import Article
from tuyengiao.textmining.event import (
    find_chair,
    find_event,
    find_kind,
    find_location,
    find_organizer,
    find_period,
    people,
    sentences,
)

PUBLISHED = dt.date(2023, 6, 15)


def event_of(body: str, *, title: str | None = None, published=PUBLISHED, source=None) -> dict:
    return find_event(Article(title=title, published=published, body=body, source=source))


@pytest.mark.parametrize(
    "lead, expected",
    [
        ("Sáng 14-6, tại TP. Phổ Yên, Ban Tuyên giáo Thị ủy tổ chức hội nghị sơ kết.", "2023-06-14"),
        ("Ngày 14/6, tại Hội trường Huyện ủy, Ban Tuyên giáo Huyện ủy tổ chức hội nghị.", "2023-06-14"),
        ("Sáng nay (15/6), Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị báo cáo viên tháng 6.", "2023-06-15"),
        ("Sáng nay, 15/6, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị báo cáo viên.", "2023-06-15"),
        (
            "Chiều 20-12, Ban Tuyên giáo Tỉnh ủy tổ chức Hội nghị tổng kết công tác tuyên giáo năm 2022.",
            "2022-12-20",
        ),
        ("Sáng ngày 17/6/2020, Ban Tuyên giáo Huyện ủy tổ chức Hội nghị giao ban.", "2020-06-17"),
        ("Ngày 27 tháng 12 năm 2022, Đảng ủy Khối tổ chức Hội nghị tổng kết.", "2022-12-27"),
        ("Sáng thứ Hai (12/6), Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị giao ban báo chí.", "2023-06-12"),
        ("(TN) - Sáng 14-6, Ban Tuyên giáo Huyện ủy Võ Nhai tổ chức hội nghị sơ kết.", "2023-06-14"),
        ("Trong 2 ngày 13 và 14/6, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị tập huấn.", "2023-06-13"),
        (
            "Hôm nay, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị cung cấp thông tin cho báo cáo viên.",
            "2023-06-15",
        ),
        (
            "Thực hiện Kế hoạch số 125-KH/BTGTU ngày 10/5/2023 của Ban Tuyên giáo Tỉnh ủy, chiều 13/6, "
            "Ban Tuyên giáo Huyện ủy tổ chức hội nghị báo cáo viên.",
            "2023-06-13",
        ),
        (
            "Nhằm đánh giá kết quả 6 tháng đầu năm, chiều 5-6, Ban Tuyên giáo Thị ủy tổ chức hội nghị.",
            "2023-06-05",
        ),
        (
            "Vừa qua, Ban Tuyên giáo Huyện ủy Đại Từ tổ chức hội nghị giao ban công tác tuyên giáo quý I.",
            None,
        ),
    ],
)
def test_it_finds_the_day_of_the_event_in_the_lead(lead, expected):
    assert event_of(lead)["date"] == expected


def test_a_work_summary_reports_no_single_event():
    body = (
        "CHỦ ĐỘNG THAM MƯU CẤP ỦY\n"
        "Ban Tuyên giáo Tỉnh ủy đã tham mưu ban hành kế hoạch học tập nghị quyết; tổ chức hội nghị trực tuyến "
        "quán triệt nghị quyết (ngày 27-28/3/2023). Đặc biệt, tỉnh đã tổ chức thành công Hội nghị sơ kết "
        "5 năm thực hiện Chỉ thị số 05-CT/TW (ngày 26/4/2023).\n"
        "CÔNG TÁC BÁO CHÍ\n"
        "Ban Tuyên giáo Tỉnh ủy phối hợp tổ chức Hội nghị giao ban báo chí tháng 3 (ngày 5/4/2023)."
    )
    event = event_of(
        body,
        title="Lai Châu chủ động triển khai nhiệm vụ công tác tuyên giáo tháng 4",
        published=dt.date(2023, 5, 4),
        source="Ban Tuyên giáo Tỉnh ủy Lai Châu",
    )
    assert event == {
        "kind": "khac",
        "date": None,
        "period": {"year": 2023, "part": "M04"},
        "organizer": "Ban Tuyên giáo Tỉnh ủy Lai Châu",
        "location": None,
        "chair": None,
    }


@pytest.mark.parametrize(
    "body, chair",
    [
        ("Đồng chí Chu Văn Thành - Trưởng ban Tuyên giáo Huyện ủy chủ trì hội nghị.", "Chu Văn Thành"),
        ("Chủ trì hội nghị có đồng chí Phạm Quang Ngọc, Ủy viên Ban Thường vụ Tỉnh ủy.", "Phạm Quang Ngọc"),
        (
            "Hội nghị do đồng chí TS. Hoàng Minh Tuấn, Phó Trưởng Ban Tuyên giáo Huyện ủy chủ trì.",
            "Hoàng Minh Tuấn",
        ),
        ("Đồng chí Vũ Duy Hiếu, Trưởng Ban Tuyên giáo Tỉnh ủy dự và chỉ đạo hội nghị (ảnh).", "Vũ Duy Hiếu"),
        (
            "Đồng chí Đỗ Văn Chiến, Phó Bí thư Thường trực Thành ủy dự và chỉ đạo hội nghị; "
            "đồng chí Ngô Thị Hà, Trưởng Ban Tuyên giáo Thành ủy chủ trì.",
            "Ngô Thị Hà",
        ),
        (
            "Dự hội nghị có đồng chí Trần Văn Hùng, Phó Bí thư Thường trực Tỉnh ủy. "
            "Đồng chí Lê Thị Mai, Trưởng Ban Tuyên giáo Tỉnh ủy chủ trì hội nghị.",
            "Lê Thị Mai",
        ),
        (
            "Đồng chí Bí thư Tỉnh ủy Trịnh Việt Hùng dự, đồng chí Phó Trưởng Ban Thường trực Ban Tuyên giáo "
            "Tỉnh ủy Lê Văn Bình chủ trì hội nghị.",
            "Lê Văn Bình",
        ),
        ("Phó Bí thư Thường trực Huyện ủy Lương Văn Thắng dự và chỉ đạo hội nghị.", "Lương Văn Thắng"),
        (
            "Tới dự và chỉ đạo hội nghị có đồng chí Nguyễn Thị Ngọc Lan, Phó Bí thư Tỉnh ủy.",
            "Nguyễn Thị Ngọc Lan",
        ),
        (
            "Dưới sự chủ trì của đồng chí Lò Văn Puốn, Bí thư Đảng ủy Khối, hội nghị đã thảo luận.",
            "Lò Văn Puốn",
        ),
        ("Đồng chí ThS. Vi Thị Hương, Trưởng Ban Tuyên giáo Huyện ủy chủ trì.", "Vi Thị Hương"),
        ("Ông Lê Hùng, Phó Trưởng ban Tuyên giáo Huyện ủy chủ trì buổi làm việc.", "Lê Hùng"),
        ("Bà Tôn Nữ Thị Minh Châu, Trưởng ban chủ trì hội nghị.", "Tôn Nữ Thị Minh Châu"),
        (
            "Đồng chí Nguyễn Thanh Hải, Trưởng Ban Tuyên giáo Tỉnh ủy và đồng chí Trần Văn Toàn, "
            "Phó Trưởng Ban đồng chủ trì hội nghị.",
            "Nguyễn Thanh Hải",
        ),
        (
            "Tham dự và chủ trì hội nghị có các đồng chí: Nguyễn Thị Lan, Phó Trưởng Ban Tuyên giáo Tỉnh ủy; "
            "Hà Văn Nam, Giám đốc Sở Thông tin và Truyền thông.",
            "Nguyễn Thị Lan",
        ),
        ("Dự hội nghị có đồng chí Trần Văn Hùng, Phó Bí thư Thường trực Tỉnh ủy.", None),
        ("Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với các sở tổ chức tuyên truyền.", None),
        ("Đồng chí Trưởng Ban Tuyên giáo Huyện ủy chủ trì hội nghị.", None),
        ("Đồng chí Lê Văn Bình cho biết, Ban Tuyên giáo sẽ chủ trì tổ chức cuộc thi.", None),
        ("Chủ trì hội nghị, đồng chí Vi Văn Thắng, Trưởng Ban Tuyên giáo Huyện ủy.", "Vi Văn Thắng"),
        (
            "Đồng chủ trì hội nghị có các đồng chí: Hà Thị Lan, Trưởng Ban Tuyên giáo Tỉnh ủy; "
            "Phùng Văn Minh, Giám đốc Sở.",
            "Hà Thị Lan",
        ),
    ],
)
def test_it_names_the_chair_and_failing_that_who_directed(body, chair):
    assert find_chair(body) == chair


def test_the_chair_wins_over_one_who_only_attended():
    body = "Đồng chí Hoàng Văn Dũng dự hội nghị. Đồng chí Nông Thị Hằng chủ trì hội nghị."
    assert find_chair(body) == "Nông Thị Hằng"


@pytest.mark.parametrize(
    "text, kind",
    [
        ("tổ chức Hội nghị giao ban công tác tuyên giáo 6 tháng đầu năm", "giao_ban"),
        ("tổ chức hội nghị báo cáo viên tháng 5", "bao_cao_vien"),
        ("tổ chức Hội nghị trực tuyến báo cáo viên quý II", "bao_cao_vien"),
        ("tổ chức hội nghị thông tin thời sự cho đội ngũ báo cáo viên", "bao_cao_vien"),
        ("tổ chức hội nghị sơ kết công tác tuyên giáo 6 tháng đầu năm", "so_ket"),
        ("tổ chức Hội nghị tổng kết công tác tuyên giáo năm 2022", "tong_ket"),
        ("tổ chức Hội nghị sơ kết công tác báo cáo viên", "so_ket"),
        ("tổ chức hội thảo khoa học", None),
    ],
)
def test_the_conference_name_decides_its_kind(text, kind):
    assert find_kind(text) == kind


def test_a_conference_named_by_its_period_only_is_a_review():
    assert (
        event_of("Sáng 14/6, Ban Tuyên giáo Huyện ủy tổ chức hội nghị đánh giá 6 tháng đầu năm.")["kind"]
        == "so_ket"
    )
    assert event_of("Sáng 14/6, Ban Tuyên giáo Huyện ủy tổ chức hội thảo về văn hóa đọc.")["kind"] == "khac"


@pytest.mark.parametrize(
    "text, period",
    [
        ("hội nghị sơ kết 6 tháng đầu năm 2022", {"year": 2022, "part": "H1"}),
        ("giao ban 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm 2020", {"year": 2023, "part": "H1"}),
        ("triển khai nhiệm vụ 6 tháng cuối năm", {"year": 2023, "part": "H2"}),
        ("giao ban quý I/2021", {"year": 2021, "part": "Q1"}),
        ("giao ban quý IV năm 2022", {"year": 2022, "part": "Q4"}),
        ("sơ kết 9 tháng năm 2023", {"year": 2023, "part": "9M"}),
        ("hội nghị báo cáo viên tháng 5", {"year": 2023, "part": "M05"}),
        ("công tác tuyên giáo tháng 4/2021", {"year": 2021, "part": "M04"}),
        ("tổng kết công tác tuyên giáo năm 2021", {"year": 2021, "part": "Y"}),
        ("hội nghị tổng kết năm", {"year": 2023, "part": "Y"}),
        ("Ngày 27 tháng 12, hội nghị diễn ra", {"year": None, "part": None}),
        ("nhiệm kỳ 2020-2025", {"year": None, "part": None}),
        ("Kế hoạch số 12-KH/TU ngày 20 tháng 4 năm 2021 của Tỉnh ủy", {"year": None, "part": None}),
    ],
)
def test_it_reads_the_period_a_conference_covers(text, period):
    assert find_period(text, 2023) == period


@pytest.mark.parametrize(
    "sentence, organizer",
    [
        ("Sáng 14-6, tại TP. Sông Công, Cụm thi đua số 2 (Ban Tuyên giáo Tỉnh ủy) gồm Ban Tuyên giáo của 9 huyện, "
         "thành phố đã tổ chức hội nghị sơ kết.", "Cụm thi đua số 2 (Ban Tuyên giáo Tỉnh ủy)"),
        ("Sáng ngày 17/6/2020, Ban Tuyên giáo Huyện ủy tổ chức Hội nghị giao ban.", "Ban Tuyên giáo Huyện ủy"),
        ("Chiều 20-12, Ban Tuyên giáo Tỉnh ủy Thái Nguyên đã long trọng tổ chức hội nghị.", "Ban Tuyên giáo Tỉnh ủy Thái Nguyên"),
        ("Ngày 14/6, Ban Tuyên giáo Tỉnh ủy phối hợp với Sở Thông tin và Truyền thông tổ chức hội nghị.", "Ban Tuyên giáo Tỉnh ủy"),
        ("Sáng 14/6, hội nghị do Ban Tuyên giáo và Dân vận Huyện ủy tổ chức đã diễn ra.", "Ban Tuyên giáo và Dân vận Huyện ủy"),
        ("Do ảnh hưởng của mưa lũ, Huyện ủy Định Hóa tổ chức hội nghị trực tuyến.", "Huyện ủy Định Hóa"),
        ("Sáng 14/6, Hội nghị giao ban được tổ chức tại Hội trường Huyện ủy.", None),
    ],
)  # fmt: skip
def test_the_organizer_is_the_subject_that_holds_the_event(sentence, organizer):
    assert find_organizer(sentence) == organizer


@pytest.mark.parametrize(
    "sentence, location",
    [
        ("Sáng 14-6, tại TP. Sông Công, Cụm thi đua số 1 tổ chức hội nghị.", "TP. Sông Công"),
        ("Ngày 14/6, Ban Tuyên giáo tổ chức hội nghị tại Hội trường Tỉnh ủy.", "Hội trường Tỉnh ủy"),
        (
            "Hội nghị được tổ chức trực tiếp tại hội trường UBND huyện và trực tuyến tới 20 điểm cầu.",
            "hội trường UBND huyện",
        ),
        ("Tại Nhà văn hóa huyện Đồng Hỷ, sáng 14/6, hội nghị đã diễn ra.", "Nhà văn hóa huyện Đồng Hỷ"),
        ("Phát biểu tại hội nghị, đồng chí Lê Văn Bình nhấn mạnh.", None),
        ("Sáng 14/6, Ban Tuyên giáo Huyện ủy tổ chức hội nghị giao ban.", None),
    ],
)
def test_the_location_is_the_place_after_tai(sentence, location):
    assert find_location(sentence) == location


def test_a_full_conference_report():
    body = (
        "Chiều 20-12, tại Hội trường Tỉnh ủy, Ban Tuyên giáo Tỉnh ủy tổ chức Hội nghị tổng kết công tác tuyên "
        "giáo năm 2022, triển khai nhiệm vụ năm 2023. Dự hội nghị có đồng chí Trịnh Việt Hùng, Bí thư Tỉnh ủy. "
        "Đồng chí Phạm Hoàng Sơn, Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo Tỉnh ủy chủ trì hội nghị.\n"
        "Năm 2022, ngành Tuyên giáo tỉnh đã hoàn thành tốt các nhiệm vụ được giao."
    )
    assert event_of(body, published=dt.date(2022, 12, 21)) == {
        "kind": "tong_ket",
        "date": "2022-12-20",
        "period": {"year": 2022, "part": "Y"},
        "organizer": "Ban Tuyên giáo Tỉnh ủy",
        "location": "Hội trường Tỉnh ủy",
        "chair": "Phạm Hoàng Sơn",
    }


def test_the_period_is_the_conference_s_not_the_work_plan_s():
    lead = "Thực hiện chương trình công tác năm 2023, ngày 13/6, Ban Tuyên giáo Thị ủy tổ chức hội nghị giao ban cơ sở."
    assert event_of(lead)["period"] == {"year": None, "part": None}
    lead = "Nhằm đánh giá kết quả 6 tháng đầu năm, chiều 5-6, Ban Tuyên giáo Thị ủy tổ chức hội nghị."
    assert event_of(lead)["period"] == {"year": 2023, "part": "H1"}


def test_a_photo_caption_names_the_chair_when_the_body_does_not():
    article = Article(
        title=None,
        published=PUBLISHED,
        body="Sáng 14/6, Ban Tuyên giáo Huyện ủy tổ chức hội nghị báo cáo viên tháng 6.",
        captions=(
            "Quang cảnh hội nghị",
            "Đ/c Trần Thị Hà - Phó Trưởng Ban Tuyên giáo Huyện ủy chủ trì hội nghị",
        ),
    )
    assert find_event(article)["chair"] == "Trần Thị Hà"


def test_the_title_supplies_kind_and_period_the_lead_does_not_give():
    event = event_of(
        "Sáng 14/6, Ban Tuyên giáo Huyện ủy Phú Bình tổ chức hội nghị nhằm đánh giá kết quả công tác.",
        title="Phú Bình: Sơ kết công tác tuyên giáo 6 tháng đầu năm",
    )
    assert (event["kind"], event["period"]) == ("so_ket", {"year": 2023, "part": "H1"})


def test_sentences_do_not_end_at_abbreviations():
    text = "Sáng 14-6, tại TP. Sông Công, TS. Nguyễn Văn A phát biểu. Hội nghị kết thúc… Đại biểu ra về."
    assert [text[s:e].strip() for s, e in sentences(text)] == [
        "Sáng 14-6, tại TP. Sông Công, TS. Nguyễn Văn A phát biểu.",
        "Hội nghị kết thúc…",
        "Đại biểu ra về.",
    ]


def test_people_are_named_without_their_titles():
    text = "đồng chí Phó Bí thư Thường trực Tỉnh ủy Nguyễn Văn Sơn và đồng chí Hà Văn Trung ương"
    assert [name for name, _, _ in people(text)] == ["Nguyễn Văn Sơn", "Hà Văn"]
    assert people("tư tưởng Hồ Chí Minh, tỉnh Thái Nguyên") == []


@given(st.text(), st.one_of(st.none(), st.dates()), st.one_of(st.none(), st.text()))
def test_event_functions_never_raise(text, published, title):
    event = find_event(Article(title=title, published=published, body=text))
    assert event["kind"] in {"so_ket", "tong_ket", "giao_ban", "bao_cao_vien", "khac"}
    find_chair(text)
    find_organizer(text)
    find_location(text)
    find_period(text, None)
    people(text)
    sentences(text)


@pytest.mark.parametrize(
    "sentence, chair",
    [
        ("Đồng chí H' Blao Êban - Phó Trưởng Ban Dân vận Tỉnh ủy chủ trì hội nghị.", "H' Blao Êban"),
        ("Đồng chí K' Văn Điểu, Trưởng Ban Tuyên giáo Huyện ủy chủ trì buổi giao ban.", "K' Văn Điểu"),
        ("Đồng chí Y Ngông Byă Mlô, Bí thư Huyện ủy chủ trì hội nghị.", "Y Ngông Byă Mlô"),
        ("Chủ trì buổi giao ban có đồng chí Nay H'Rin, Phó Trưởng Ban Tuyên giáo.", "Nay H'Rin"),
        ("Chủ trì hội nghị có đồng chí Sầm Văn Tới, Trưởng Ban Tuyên giáo Huyện ủy.", "Sầm Văn Tới"),
    ],
)
def test_chairs_with_apostrophes_and_particles_in_their_names(sentence, chair):
    assert find_chair(sentence) == chair


def test_the_chair_of_an_upcoming_event_is_the_one_who_will_chair_it():
    body = (
        "Ngày 12/10 tới, Ban Tuyên giáo Huyện ủy sẽ tổ chức hội nghị giao ban quý III. "
        "Đồng chí Trương Thị Yến, Trưởng Ban Tuyên giáo Huyện ủy sẽ chủ trì hội nghị."
    )
    assert find_chair(body) == "Trương Thị Yến"
    directed = "Đồng chí Lục Văn Sơn, Phó Bí thư Huyện ủy sẽ dự và chỉ đạo hội nghị."
    assert find_chair(directed) == "Lục Văn Sơn"


@pytest.mark.parametrize(
    "sentence, location",
    [
        (
            "Sáng 9/3, tại Hội trường Ban Dân vận Thành ủy, Ban Dân vận Thành ủy tổ chức giao ban.",
            "Hội trường Ban Dân vận Thành ủy",
        ),
        (
            "Chiều 2/4, tại Phòng họp số 1, tầng 4, Trụ sở Huyện ủy, Đảng ủy Khối tổ chức hội nghị.",
            "Phòng họp số 1, tầng 4, Trụ sở Huyện ủy",
        ),
        (
            "Ngày 2/4, tại Hội trường Huyện ủy, kết nối tới 15 điểm cầu, hội nghị diễn ra.",
            "Hội trường Huyện ủy",
        ),
    ],
)
def test_the_location_goes_on_through_names_and_floors_until_a_clause_starts(sentence, location):
    assert find_location(sentence) == location


def test_the_location_may_be_given_in_the_sentence_after_the_lead():
    body = (
        "Chiều 14/6, Ban Dân vận Huyện ủy tổ chức hội nghị sơ kết 6 tháng đầu năm 2023. "
        "Hội nghị được tổ chức tại Nhà văn hóa huyện, kết nối đến 18 xã, thị trấn."
    )
    assert event_of(body)["location"] == "Nhà văn hóa huyện"


@pytest.mark.parametrize(
    "lead",
    [
        "Sáng 12/6, Ban Tuyên giáo Tỉnh ủy tổ chức lớp tập huấn nghiệp vụ báo cáo viên năm 2023.",
        "Sáng 12/6, Ban Tuyên giáo Tỉnh ủy tổ chức Hội thi tuyên truyền viên giỏi năm 2023.",
        "Sáng 12/6, Ban Tuyên giáo Tỉnh ủy tổ chức hội thảo khoa học tổng kết 20 năm xây dựng nông thôn mới.",
        "Sáng 12/6, Huyện ủy tổ chức hội nghị học tập, quán triệt nghị quyết của Tỉnh ủy năm 2023.",
    ],
)
def test_courses_contests_seminars_and_study_sessions_are_other_events(lead):
    event = event_of(lead)
    assert event["kind"] == "khac"
    assert event["period"] == {"year": None, "part": None}


def test_a_review_conference_that_also_studies_a_resolution_is_still_a_review():
    lead = "Sáng 12/6, Huyện ủy tổ chức hội nghị sơ kết 6 tháng đầu năm và quán triệt nghị quyết mới."
    assert event_of(lead)["kind"] == "so_ket"


@pytest.mark.parametrize(
    "title, period",
    [
        ("Lào Cai: công tác tuyên giáo tháng 3 nhiều dấu ấn", {"year": 2023, "part": "M03"}),
        ("Kết quả công tác dân vận tháng 11 năm 2022", {"year": 2022, "part": "M11"}),
        ("Hội nghị báo cáo viên tháng 5/2023", {"year": 2023, "part": "M05"}),
    ],
)
def test_a_monthly_summary_takes_its_period_from_the_title(title, period):
    body = "Trong tháng, Ban Tuyên giáo Tỉnh ủy đã hướng dẫn tuyên truyền nhiều sự kiện chính trị quan trọng."
    assert event_of(body, title=title)["period"] == period


# ---- what real pages showed: no date line, the conference named before its date, passives, documents


@pytest.mark.parametrize(
    "body, date, period",
    [
        (
            "Sáng 20/8, Ban Tuyên giáo Tỉnh ủy tổ chức Hội nghị giao ban công tác báo chí tháng 8/2024.",
            "2024-08-20",
            {"year": 2024, "part": "M08"},
        ),
        (
            "Ngày 3/12, Ban Tuyên giáo và Dân vận Tỉnh ủy tổ chức Hội nghị giao ban báo chí tháng 11, "
            "định hướng công tác tuyên truyền tháng 12/2025.",
            "2025-12-03",
            {"year": 2025, "part": "M11"},
        ),
        (  # a year's review held in January belongs to the next year
            "Sáng 5/1, Ban Tuyên giáo Huyện ủy tổ chức Hội nghị tổng kết công tác tuyên giáo năm 2022.",
            "2023-01-05",
            {"year": 2022, "part": "Y"},
        ),
        (  # no year in the lead: the first period the article speaks of
            "Sáng 24-6, đồng chí Nguyễn Văn An, Phó Trưởng Ban Tuyên giáo Tỉnh ủy chủ trì Hội nghị báo cáo "
            "viên tháng 6.\nCác báo cáo viên được thông tin về tình hình 6 tháng đầu năm 2020 của tỉnh.",
            "2020-06-24",
            {"year": 2020, "part": "M06"},
        ),
        ("Sáng 20/8, Ban Tuyên giáo Tỉnh ủy tổ chức Hội nghị giao ban công tác báo chí.", None, None),
    ],
)
def test_without_a_publication_date_the_year_comes_from_the_article(body, date, period):
    event = event_of(body, published=None)
    assert event["date"] == date
    if period:
        assert event["period"] == period


def test_the_conference_named_in_the_sapo_and_dated_in_the_next_sentence():
    event = event_of(
        "Đây là yêu cầu được lãnh đạo Ban Tuyên giáo Tỉnh ủy nhấn mạnh tại Hội nghị báo cáo viên tháng "
        "5/2023. Hội nghị diễn ra ngày 25/5, bằng hình thức trực tiếp kết hợp trực tuyến.",
        published=dt.date(2023, 5, 26),
    )
    assert (event["kind"], event["date"], event["period"]) == (
        "bao_cao_vien",
        "2023-05-25",
        {"year": 2023, "part": "M05"},
    )


def test_the_agent_of_a_passive_organizes_and_a_regular_press_briefing_is_a_giao_ban():
    passive = event_of(
        "Đó là đánh giá tại hội nghị sơ kết công tác tuyên giáo 6 tháng đầu năm 2024 được Tỉnh ủy tổ chức "
        "sáng 26/6."
    )
    assert passive["organizer"] == "Tỉnh ủy"
    regular = event_of(
        "Sáng 13/6, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị thông tin báo chí thường kỳ tháng 6."
    )
    assert regular["kind"] == "giao_ban"


def test_an_article_about_a_document_names_the_body_that_issued_it():
    event = event_of(
        "Ngày 16/7/2023, Ban Tuyên giáo Thành ủy đã ban hành Công văn số 451-CV/BTGTU về hưởng ứng "
        "giải báo chí năm 2023."
    )
    assert (event["kind"], event["date"], event["organizer"]) == ("khac", None, "Ban Tuyên giáo Thành ủy")


def test_who_attended_to_direct_and_run_the_conference_is_its_chair():
    body = (
        "Sáng 13/6, Ban Tuyên giáo Trung ương tổ chức Hội nghị toàn quốc sơ kết công tác tuyên giáo. "
        "Dự chỉ đạo và điều hành hội nghị có đồng chí: Nguyễn Văn Bình - Trưởng Ban Tuyên giáo Trung ương."
    )
    assert find_chair(body) == "Nguyễn Văn Bình"


def test_who_opens_a_course_organizes_it():
    event = event_of(
        "Ngày 03-04/10/2023, Ban Tuyên giáo Huyện ủy phối hợp với Trung tâm Chính trị huyện mở lớp "
        "bồi dưỡng công tác tuyên giáo năm 2023 cho 50 học viên."
    )
    assert (event["kind"], event["organizer"], event["date"]) == (
        "khac",
        "Ban Tuyên giáo Huyện ủy",
        "2023-10-03",
    )


def test_titled_names_listed_before_chairing_give_the_first_as_chair():
    body = (
        "Chiều 19/12, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị tổng kết công tác năm 2023. Trưởng ban Tuyên "
        "giáo Tỉnh ủy Hà Văn Minh, Phó Trưởng ban Thường trực Ban Tuyên giáo Tỉnh ủy Bùi Văn Sơn chủ trì "
        "hội nghị."
    )
    assert find_chair(body) == "Hà Văn Minh"


def test_the_first_of_co_organizers_listed_with_commas_organizes():
    sentence = (
        "Sáng 5/12, Ban Tuyên giáo Tỉnh ủy, Sở Thông tin và Truyền thông, Hội Nhà báo tỉnh tổ chức "
        "hội nghị giao ban báo chí tháng 11."
    )
    assert find_organizer(sentence) == "Ban Tuyên giáo Tỉnh ủy"


@pytest.mark.parametrize(
    "sentence, place",
    [
        (
            "Ban Tuyên giáo Trung ương tổ chức hội nghị báo cáo viên tháng 5 tại 438 điểm cầu trong cả nước.",
            None,
        ),
        ("Công tác nắm bắt dư luận xã hội tại xã được thực hiện thường xuyên.", None),
        (
            "Sáng 14/9, Ban Tuyên giáo Tỉnh ủy tổ chức điều tra dư luận xã hội tại huyện Bắc Trà My theo "
            "hình thức khảo sát trực tiếp.",
            "huyện Bắc Trà My",
        ),
        ("Ngày 28-11, tại Tỉnh ủy Đồng Nai, Cụm thi đua tổ chức hội nghị giao ban.", "Tỉnh ủy Đồng Nai"),
    ],
)
def test_a_place_is_a_named_place(sentence, place):
    assert find_location(sentence) == place


def test_a_survey_the_commission_carries_out_is_its_event():
    event = event_of(
        "Sáng ngày 14/6/2023, Ban Tuyên giáo Tỉnh ủy tổ chức điều tra dư luận xã hội về việc đọc báo Đảng "
        "tại huyện Bắc Trà My theo hình thức khảo sát trực tiếp."
    )
    assert (event["kind"], event["date"], event["organizer"]) == (
        "khac",
        "2023-06-14",
        "Ban Tuyên giáo Tỉnh ủy",
    )


# ---- found in review and in a fifth set of real pages


@pytest.mark.parametrize(
    "body, date",
    [
        (  # the only year is a cited document's, and the day would come before it: unknown
            "Sáng 20/8, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị quán triệt Kết luận số 21-KL/TW ngày "
            "25 tháng 10 năm 2021 của Ban Chấp hành Trung ương.",
            None,
        ),
        (  # a target year is not the event's; the directive's date is
            "Ngày 3-12, Huyện ủy tổ chức Hội nghị học tập, quán triệt các chỉ thị của Ban Bí thư.\n"
            "Các đại biểu được quán triệt Chỉ thị số 20-CT/TW ngày 18-01-2018 của Ban Bí thư, phấn đấu "
            "đến năm 2030 hoàn thành biên soạn lịch sử Đảng bộ.",
            "2018-12-03",
        ),
        (  # an anniversary's span
            "Sáng 26/7, tại Tân Biên, Ban Tuyên giáo Trung ương tổ chức buổi gặp mặt kỷ niệm 90 năm thành "
            "lập ngành Tuyên giáo (1930-2020).",
            "2020-07-26",
        ),
    ],
)
def test_the_year_of_an_undated_article_is_not_a_documents_or_a_targets(body, date):
    assert event_of(body, published=None)["date"] == date


def test_a_month_named_before_the_day_is_not_a_document_number():
    event = event_of(
        "Để cung cấp thông tin phục vụ công tác tuyên giáo tháng 01/2023, ngày 04/01/2023, tại Hà Nội, "
        "Ban Tuyên giáo Trung ương đã tổ chức Hội nghị báo cáo viên Trung ương khu vực phía Bắc.",
        published=dt.date(2023, 1, 6),
    )
    assert (event["date"], event["kind"], event["location"]) == ("2023-01-04", "bao_cao_vien", "Hà Nội")


@pytest.mark.parametrize(
    "texts, kind",
    [
        (("Hội nghị thường kỳ tổng kết công tác năm 2023",), "tong_ket"),
        (
            ("Sáng 13/6, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị thông tin báo chí thường kỳ tháng 6.",),
            "giao_ban",
        ),
    ],
)
def test_a_regular_meeting_is_a_briefing_only_when_nothing_else_is_named(texts, kind):
    assert find_kind(*texts) == kind


def test_an_emulation_congress_is_no_contest_and_a_work_session_is_no_review():
    congress = event_of(
        "Chiều 24/12, tại Hà Nội, Ban Tuyên giáo và Dân vận Trung ương tổ chức Đại hội Thi đua yêu nước "
        "giai đoạn 2021-2025 và Hội nghị tổng kết công tác cơ quan năm 2025, triển khai nhiệm vụ năm 2026.",
        published=dt.date(2025, 12, 25),
    )
    assert (congress["kind"], congress["period"]) == ("tong_ket", {"year": 2025, "part": "Y"})
    visit = event_of(
        "Sáng 5/3, Thường trực Tỉnh ủy làm việc với Ban Tuyên giáo và Dân vận Tỉnh ủy về kết quả tổng kết "
        "công tác năm 2025.",
        published=dt.date(2026, 3, 6),
    )
    assert visit["kind"] == "khac"


def test_a_title_between_two_names_must_be_only_a_title():
    body = (
        "Tại hội nghị, đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy tặng hoa chúc mừng đồng chí Trần Thị Bình "
        "chủ trì hội nghị."
    )
    assert find_chair(body) == "Trần Thị Bình"


def test_a_place_may_start_with_any_capital():
    assert find_location("Ban Tuyên giáo Huyện ủy tổ chức hội nghị tại xã Đồng Hỷ.") == "xã Đồng Hỷ"
    assert find_location("Hội nghị diễn ra tại phường Ứng Hòa, có 200 đại biểu.") == "phường Ứng Hòa"


def test_a_headline_naming_a_conference_gives_kind_and_chair_without_a_dated_sentence():
    article = Article(
        title="Hội nghị Báo cáo viên tháng 8/2024 cập nhật tình hình thời sự",
        published=None,
        body="Tham dự có các báo cáo viên Huyện ủy. Đồng chí Lê Văn Trọng - Trưởng Ban Tuyên giáo Huyện ủy "
        "chủ trì Hội nghị.",
    )
    event = find_event(article)
    assert (event["kind"], event["date"], event["chair"]) == ("bao_cao_vien", None, "Lê Văn Trọng")
    assert event["period"] == {"year": 2024, "part": "M08"}


@pytest.mark.parametrize(
    "body, kind, date",
    [
        (  # dots for slashes, in the day and in the month's year
            "BHG - Sáng 15.7, tại Hà Nội, Ban Tuyên giáo Trung ương tổ chức hội nghị báo cáo viên trực tuyến "
            "tháng 7.2021 tới 457 điểm cầu cả nước.",
            "bao_cao_vien",
            "2021-07-15",
        ),
        (  # the dateline's bracket before the day
            "(NTO) Ngày 12-4, đồng chí Nguyễn Minh An, Trưởng Ban Tuyên giáo Tỉnh ủy chủ trì Hội nghị giao ban "
            "công tác tuyên giáo quý I-2019.",
            "giao_ban",
            "2019-04-12",
        ),
        (  # a New Year visit in January stays in the year it names
            "Ngày 28-1, đồng chí Tăng Văn Phong, Phó Trưởng Ban Tuyên giáo và Dân vận Thành ủy cùng đoàn công tác "
            "đã đến thăm, chúc Tết Nguyên đán năm 2026 các cơ quan, đơn vị.",
            "khac",
            "2026-01-28",
        ),
    ],
)
def test_undated_articles_from_real_pages(body, kind, date):
    event = event_of(body, published=None)
    assert (event["kind"], event["date"]) == (kind, date)


def test_a_work_session_is_an_event_of_its_own_and_a_press_conference_a_briefing():
    visit = event_of(
        " - Ngày 18/6, Ban Tuyên giáo Tỉnh ủy đã làm việc về công tác tuyên giáo 6 tháng đầu năm 2023, "
        "tại huyện Thoại Sơn.",
        published=dt.date(2023, 6, 18),
    )
    assert (visit["kind"], visit["date"], visit["period"]) == (
        "khac",
        "2023-06-18",
        {"year": None, "part": None},
    )
    assert visit["organizer"] == "Ban Tuyên giáo Tỉnh ủy" and visit["location"] == "huyện Thoại Sơn"
    assert find_kind("Chiều 10/10, Ủy ban nhân dân tỉnh tổ chức họp báo định kỳ quý III.") == "giao_ban"


def test_co_organizers_joined_by_dashes_leave_the_first():
    sentence = (
        "Sáng 26/5, Ban Tuyên giáo Tỉnh ủy- Sở Thông tin và truyền thông- Hội Nhà báo tỉnh tổ chức giao ban "
        "báo chí tháng 5."
    )
    assert find_organizer(sentence) == "Ban Tuyên giáo Tỉnh ủy"
