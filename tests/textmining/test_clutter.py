import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from tuyengiao.textmining.clutter import split_article

# A district page copied whole: render date, menus, the article, then the page's foot.
DISTRICT_PAGE = """Thứ Năm, 11/01/2024
Trang chủ
Tin tức - Sự kiện
Xây dựng Đảng
Thứ Sáu, 23/12/2022 08:45'(GMT+7)

Huyện Định Hóa tổng kết công tác tuyên giáo năm 2022, triển khai nhiệm vụ năm 2023

Quang cảnh hội nghị

Chiều 22-12, Ban Tuyên giáo Huyện ủy Định Hóa tổ chức Hội nghị tổng kết công tác tuyên giáo năm 2022. Đồng chí Ma Thị Nguyệt, Trưởng Ban Tuyên giáo Huyện ủy chủ trì hội nghị.

Lượt xem: 1.204

Năm 2022, Ban Tuyên giáo Huyện ủy đã tham mưu tổ chức 12 hội nghị báo cáo viên với hơn 3.000 lượt người tham dự.

Tin, ảnh: Hoàng Văn Khánh

Chia sẻ
Tin liên quan
Huyện Đại Từ sơ kết công tác tuyên giáo
Hội nghị báo cáo viên tháng 11
Đang truy cập: 215
Tổng truy cập: 4.889.120
"""

# The headline above the date line, a counter on the same line as the date.
HEADLINE_ABOVE = """Đảng - Đoàn thể
Ban Tuyên giáo Thị ủy Phổ Yên sơ kết công tác tuyên giáo 6 tháng đầu năm
Ngày đăng 05/07/2023 | 09:12 | Lượt xem: 87
Sáng 4-7, Ban Tuyên giáo Thị ủy Phổ Yên tổ chức hội nghị sơ kết công tác tuyên giáo 6 tháng đầu năm 2023.
Các đại biểu dự hội nghị
Hội nghị đã thảo luận, thống nhất các giải pháp thực hiện nhiệm vụ 6 tháng cuối năm.
Ban Tuyên giáo Thị ủy Phổ Yên
Thời tiết
Thái Nguyên 28°C
Bình chọn
Bạn thấy giao diện mới thế nào?
"""


def test_it_takes_the_publication_date_from_the_line_with_a_time_not_the_render_date():
    article = split_article(DISTRICT_PAGE)
    assert article.published == dt.date(2022, 12, 23)


def test_it_finds_the_headline_next_to_the_date_line():
    assert (
        split_article(DISTRICT_PAGE).title
        == "Huyện Định Hóa tổng kết công tác tuyên giáo năm 2022, triển khai nhiệm vụ năm 2023"
    )
    article = split_article(HEADLINE_ABOVE)
    assert article.title == "Ban Tuyên giáo Thị ủy Phổ Yên sơ kết công tác tuyên giáo 6 tháng đầu năm"
    assert article.published == dt.date(2023, 7, 5)


def test_the_body_keeps_the_paragraphs_and_drops_counters_captions_and_related_news():
    paragraphs = split_article(DISTRICT_PAGE).paragraphs
    assert paragraphs[0].startswith("Chiều 22-12, Ban Tuyên giáo Huyện ủy Định Hóa")
    assert paragraphs[1].startswith("Năm 2022, Ban Tuyên giáo Huyện ủy đã tham mưu")
    assert len(paragraphs) == 2
    body = split_article(DISTRICT_PAGE).body
    for clutter in (
        "Quang cảnh",
        "Lượt xem",
        "Chia sẻ",
        "Tin liên quan",
        "sơ kết công tác",
        "truy cập",
        "Trang chủ",
    ):
        assert clutter not in body


def test_the_byline_is_kept_apart_as_author_and_source():
    article = split_article(DISTRICT_PAGE)
    assert article.author == "Hoàng Văn Khánh"
    assert article.source is None
    article = split_article(HEADLINE_ABOVE)
    assert article.author is None
    assert article.source == "Ban Tuyên giáo Thị ủy Phổ Yên"
    assert "Thời tiết" not in article.body and "Bình chọn" not in article.body
    assert "Các đại biểu dự hội nghị" not in article.body


def test_a_person_and_a_body_on_two_signature_lines():
    text = "Tiêu đề bài viết về công tác tuyên giáo tháng 9\n02/10/2023 10:00\n"
    text += "Trong tháng 9, Ban Tuyên giáo các cấp đã tham mưu nhiều nội dung quan trọng.\n"
    text += "Lò Thị Thu\nBan Tuyên giáo Tỉnh ủy Lai Châu\nPhản hồi\nCác tin khác\n"
    article = split_article(text)
    assert (article.author, article.source) == ("Lò Thị Thu", "Ban Tuyên giáo Tỉnh ủy Lai Châu")
    assert article.paragraphs == [
        "Trong tháng 9, Ban Tuyên giáo các cấp đã tham mưu nhiều nội dung quan trọng."
    ]


def test_a_related_news_box_inside_the_article_does_not_end_it():
    long_paragraph = (
        "Hội nghị cũng đã thảo luận " + "về các giải pháp nâng cao chất lượng tuyên truyền " * 4 + "."
    )
    text = "Tiêu đề bài viết về hội nghị báo cáo viên tháng 5\n15/05/2023 08:00\n"
    text += "Sáng 14/5, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị báo cáo viên tháng 5.\n"
    text += "Tin liên quan\nHội nghị báo cáo viên tháng 4\nHội nghị báo cáo viên tháng 3\n"
    text += long_paragraph + "\nTin mới nhất\nKhai mạc hội chợ"
    article = split_article(text)
    assert article.paragraphs[-1] == long_paragraph
    assert "tháng 4" not in article.body and "hội chợ" not in article.body


def test_a_menu_or_a_banner_above_the_date_is_not_the_headline():
    text = "\n".join(
        [
            "Trang chủ Giới thiệu Tin tức Văn bản Liên hệ",
            "BÁO ĐIỆN TỬ ĐẢNG BỘ TỈNH THÁI NGUYÊN",
            "Thứ năm, 16/06/2022 | 14:25",
            "Lượt xem: 245",
            "Huyện Đồng Hỷ tổ chức hội nghị báo cáo viên tháng 6",
            "Sáng nay (16/6), Ban Tuyên giáo Huyện ủy Đồng Hỷ tổ chức hội nghị báo cáo viên tháng 6 năm 2022.",
            "Đ/c Trần Thị Hà - Phó Trưởng Ban Tuyên giáo Huyện ủy chủ trì hội nghị",
        ]
    )
    article = split_article(text)
    assert article.title == "Huyện Đồng Hỷ tổ chức hội nghị báo cáo viên tháng 6"
    assert article.captions == ("Đ/c Trần Thị Hà - Phó Trưởng Ban Tuyên giáo Huyện ủy chủ trì hội nghị",)


def test_without_a_date_line_the_first_headline_is_the_title_and_nothing_is_published():
    text = "Hội nghị giao ban công tác tuyên giáo quý III năm 2023\n"
    text += "Ngày 10/10/2023, Ban Tuyên giáo Huyện ủy tổ chức hội nghị giao ban quý III.\n"
    article = split_article(text)
    assert article.title == "Hội nghị giao ban công tác tuyên giáo quý III năm 2023"
    assert article.published is None
    assert article.paragraphs == [
        "Ngày 10/10/2023, Ban Tuyên giáo Huyện ủy tổ chức hội nghị giao ban quý III."
    ]


def test_an_article_that_starts_with_its_lead_has_no_title():
    article = split_article("Sáng 14-6, Ban Tuyên giáo Huyện ủy tổ chức hội nghị sơ kết công tác tuyên giáo.")
    assert article.title is None
    assert article.paragraphs == [
        "Sáng 14-6, Ban Tuyên giáo Huyện ủy tổ chức hội nghị sơ kết công tác tuyên giáo."
    ]


def test_other_header_date_styles_are_publication_dates():
    for line, expected in [
        ("15-06-2022 11:10", dt.date(2022, 6, 15)),
        ("Cập nhật: 10:30 | 15/06/2022", dt.date(2022, 6, 15)),
        ("Thứ Tư, 15/06/2022 - 10:30", dt.date(2022, 6, 15)),
        ("Ngày xuất bản: 15/06/2022", dt.date(2022, 6, 15)),
        ("Ngày 15 tháng 6 năm 2022 lúc 10:30", dt.date(2022, 6, 15)),
        ("Đăng lúc 2022-06-15 10:30:00", dt.date(2022, 6, 15)),
    ]:
        text = f"Ban Tuyên giáo Tỉnh ủy sơ kết công tác tuyên giáo 6 tháng\n{line}\nSáng 14-6, hội nghị đã diễn ra."
        assert split_article(text).published == expected, line


@given(st.text())
def test_split_article_never_raises_and_keeps_paragraphs_on_lines(text):
    article = split_article(text)
    assert all(paragraph.strip() == paragraph and paragraph for paragraph in article.paragraphs)


def test_a_headline_right_below_the_date_line_wins_over_a_section_name_above_it():
    text = "\n".join(
        [
            "Dân vận - Tuyên giáo cơ sở",
            "Thứ Hai, 02/10/2023 09:15",
            "Yên Bái: công tác dân vận tháng 9 tập trung vào vùng bị lũ",
            "Tháng 9/2023, Ban Dân vận Tỉnh ủy Yên Bái tập trung chỉ đạo công tác dân vận ở vùng bị lũ.",
        ]
    )
    assert split_article(text).title == "Yên Bái: công tác dân vận tháng 9 tập trung vào vùng bị lũ"


def test_portals_menus_and_long_body_names_are_not_headlines():
    for banner in [
        "Cổng thông tin điện tử Huyện ủy Mèo Vạc",
        "Ban Tuyên giáo và Dân vận Thành ủy Cần Thơ",
        "Trang chủ - Giới thiệu - Tin hoạt động - Văn bản chỉ đạo",
        "Trang chủ Giới thiệu Tin tức Sự kiện Văn bản Hỏi đáp",
    ]:
        text = "\n".join(
            [
                banner,
                "Ngày đăng 03/04/2024 | 10:20",
                "Sáng 2/4, Ban Tuyên giáo Huyện ủy Mèo Vạc tổ chức hội nghị báo cáo viên quý I năm 2024.",
            ]
        )
        assert split_article(text).title is None, banner


def test_a_hoi_nghi_headline_is_not_mistaken_for_a_body_s_name():
    text = "Hội nghị giao ban dân vận quý II\nNgày đăng 05/07/2024 | 08:00\n"
    text += "Ngày 4/7, Ban Dân vận Huyện ủy tổ chức hội nghị giao ban dân vận quý II năm 2024.\n"
    assert split_article(text).title == "Hội nghị giao ban dân vận quý II"


def test_a_saved_page_s_first_line_headline_is_used_when_nothing_stands_by_the_date():
    text = "\n".join(
        [
            "Kết quả nổi bật công tác dân vận tháng 6 năm 2025",
            "Trang chủ :: Tin tức :: Liên hệ",
            "Tin hoạt động",
            "Ngày 01/07/2025 | 07:30",
            "Tháng 6/2025, công tác dân vận của tỉnh tiếp tục có nhiều kết quả nổi bật ở cơ sở.",
        ]
    )
    article = split_article(text)
    assert article.title == "Kết quả nổi bật công tác dân vận tháng 6 năm 2025"
    assert article.published == dt.date(2025, 7, 1)
    assert article.paragraphs == [
        "Tháng 6/2025, công tác dân vận của tỉnh tiếp tục có nhiều kết quả nổi bật ở cơ sở."
    ]


def test_an_update_line_with_the_time_before_the_date_is_the_publication_date():
    text = (
        "Cập nhật: 08:05, 11/03/2024\nHội nghị báo cáo viên tháng 3 năm 2024\nSáng 10/3, hội nghị đã diễn ra."
    )
    assert split_article(text).published == dt.date(2024, 3, 11)


def test_a_date_alone_under_the_headline_is_the_publication_date():
    page = (
        "Truy cập nội dung luôn\nBAN TUYÊN GIÁO TỈNH ỦY\n\nGiao ban báo chí tháng 4/2026\n\n06/05/2026\n\n"
        "Sáng ngày 06/5, Ban Tuyên giáo Tỉnh ủy phối hợp với Hội Nhà báo tỉnh tổ chức giao ban báo chí "
        "tháng 4, định hướng tuyên truyền tháng 5.\n"
    )
    article = split_article(page)
    assert (article.title, article.published) == ("Giao ban báo chí tháng 4/2026", dt.date(2026, 5, 6))
    top_bar = split_article(
        "06/05/2026\n\nGiao ban báo chí tháng 4/2026\n\nSáng ngày 06/5, Ban Tuyên giáo Tỉnh ủy tổ chức giao ban báo chí tháng 4 với các cơ quan báo chí.\n"
    )
    assert top_bar.published is None  # alone on the first line: the day the page was rendered


def test_a_date_under_the_sites_banner_is_the_day_the_page_was_rendered():
    page = (
        "Ban Tuyên giáo Tỉnh ủy Thái Nguyên\nThứ Ba, 12/05/2026\n\nHội nghị báo cáo viên tháng 4 năm 2022\n\n"
        "Sáng 25/4, Ban Tuyên giáo Tỉnh ủy tổ chức Hội nghị báo cáo viên tháng 4 năm 2022 với các báo cáo "
        "viên cấp tỉnh.\n"
    )
    assert split_article(page).published is None


def test_a_headline_in_capitals_is_the_title_and_a_banner_in_capitals_is_not():
    page = (
        "BAN TUYÊN GIÁO TỈNH ỦY THÁI NGUYÊN\n\nHỘI NGHỊ BÁO CÁO VIÊN HUYỆN ỦY QUÝ I NĂM 2023\n\n"
        "Sáng 30/3, Ban Tuyên giáo Huyện ủy tổ chức Hội nghị báo cáo viên Huyện ủy quý I năm 2023 tại hội trường "
        "tầng 3.\n"
    )
    assert split_article(page).title == "HỘI NGHỊ BÁO CÁO VIÊN HUYỆN ỦY QUÝ I NĂM 2023"
