from hypothesis import given
from hypothesis import strategies as st

from tuyengiao.textmining.tasks import announces_list, find_tasks


def test_it_takes_each_ordinal_paragraph_whole():
    body = "\n".join(
        [
            "Trong tháng 6, ngành Tuyên giáo tỉnh tập trung vào một số nhiệm vụ trọng tâm sau:",
            "Một là, tuyên truyền kết quả Hội nghị Trung ương; các ngày kỷ niệm lớn trong tháng.",
            "Đặc biệt chú trọng tuyên truyền công tác phòng, chống thiên tai.",
            "Hai là, nắm chắc tình hình tư tưởng, dư luận xã hội trong cán bộ, đảng viên.",
            "Ba là, tham mưu cấp ủy chỉ đạo công tác khoa giáo, văn hóa, văn nghệ.",
            "Ban Tuyên giáo Tỉnh ủy",
        ]
    )
    assert find_tasks(body) == [
        "Một là, tuyên truyền kết quả Hội nghị Trung ương; các ngày kỷ niệm lớn trong tháng.",
        "Hai là, nắm chắc tình hình tư tưởng, dư luận xã hội trong cán bộ, đảng viên.",
        "Ba là, tham mưu cấp ủy chỉ đạo công tác khoa giáo, văn hóa, văn nghệ.",
    ]


def test_ordinals_run_together_in_one_paragraph_are_split():
    body = (
        "Đồng chí Trưởng ban đề nghị thực hiện tốt các nhiệm vụ sau: Một là, đẩy mạnh tuyên truyền nghị quyết; "
        "Hai là, nâng cao chất lượng đội ngũ báo cáo viên; Ba là, làm tốt công tác nắm tình hình dư luận."
    )
    assert find_tasks(body) == [
        "Một là, đẩy mạnh tuyên truyền nghị quyết",
        "Hai là, nâng cao chất lượng đội ngũ báo cáo viên",
        "Ba là, làm tốt công tác nắm tình hình dư luận.",
    ]


def test_of_two_enumerations_the_one_announced_as_tasks_wins():
    body = "\n".join(
        [
            "Năm qua, công tác tuyên giáo đạt được những kết quả nổi bật:",
            "Thứ nhất, công tác tham mưu được chú trọng.",
            "Thứ hai, công tác tuyên truyền có nhiều đổi mới.",
            "Năm 2024, ngành Tuyên giáo tập trung thực hiện tốt các nhiệm vụ trọng tâm sau:",
            "Một là, tuyên truyền đại hội đảng bộ các cấp.",
            "Hai là, nâng cao chất lượng đội ngũ báo cáo viên.",
            "Hội nghị đã biểu dương các tập thể có thành tích xuất sắc.",
        ]
    )
    assert find_tasks(body) == [
        "Một là, tuyên truyền đại hội đảng bộ các cấp.",
        "Hai là, nâng cao chất lượng đội ngũ báo cáo viên.",
    ]


def test_thu_nhat_thu_hai_is_an_enumeration_too():
    body = "Thứ nhất, quán triệt sâu sắc nghị quyết.\nThứ hai, đổi mới phương thức tuyên truyền."
    assert find_tasks(body) == [
        "Thứ nhất, quán triệt sâu sắc nghị quyết.",
        "Thứ hai, đổi mới phương thức tuyên truyền.",
    ]


def test_a_numbered_list_after_an_announcement_is_the_task_list():
    body = "\n".join(
        [
            "Năm 2024, Ban Tuyên giáo Huyện ủy xác định các nhiệm vụ trọng tâm sau:",
            "1. Tăng cường công tác tuyên truyền nghị quyết của Đảng.",
            "2. Nâng cao chất lượng hội nghị báo cáo viên hằng tháng.",
            "3. Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
            "Hội nghị kết thúc trong không khí phấn khởi.",
        ]
    )
    assert find_tasks(body) == [
        "1. Tăng cường công tác tuyên truyền nghị quyết của Đảng.",
        "2. Nâng cao chất lượng hội nghị báo cáo viên hằng tháng.",
        "3. Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
    ]


def test_bullets_lose_their_glyph_and_sub_items_stay_out():
    body = "\n".join(
        [
            "Thời gian tới, cần tập trung thực hiện tốt các nhiệm vụ:",
            "- Đổi mới nội dung, phương thức tuyên truyền miệng;",
            "+ Nâng cao chất lượng hội nghị báo cáo viên;",
            "+ Củng cố đội ngũ tuyên truyền viên cơ sở;",
            "- Củng cố đội ngũ cộng tác viên dư luận xã hội.",
            "Hội nghị bế mạc lúc 11 giờ cùng ngày.",
        ]
    )
    assert find_tasks(body) == [
        "Đổi mới nội dung, phương thức tuyên truyền miệng;",
        "Củng cố đội ngũ cộng tác viên dư luận xã hội.",
    ]


def test_numbers_in_parentheses_inside_the_announcing_paragraph():
    body = "Hội nghị thống nhất 3 nhiệm vụ trọng tâm: (1) tuyên truyền bầu cử; (2) nắm tình hình tư tưởng; (3) sơ kết Chỉ thị 05."
    assert find_tasks(body) == [
        "(1) tuyên truyền bầu cử",
        "(2) nắm tình hình tư tưởng",
        "(3) sơ kết Chỉ thị 05.",
    ]


def test_tasks_told_as_prose_are_not_an_enumeration():
    body = (
        "Phát biểu kết luận, đồng chí Trưởng ban đề nghị tập trung một số nhiệm vụ trong 6 tháng cuối năm: "
        "Đẩy mạnh tuyên truyền nghị quyết; làm tốt công tác nắm bắt dư luận xã hội. Đồng thời tăng cường phối hợp."
    )
    assert find_tasks(body) is None
    assert find_tasks("Công tác tuyên giáo đề ra 8 nhiệm vụ và giải pháp trọng tâm.") is None
    assert find_tasks("") is None


def test_a_list_without_an_announcement_is_not_a_task_list():
    body = "Các đại biểu dự hội nghị gồm:\n- Đại diện Ban Tuyên giáo\n- Đại diện Trung tâm Chính trị"
    assert find_tasks(body) is None


def test_only_the_last_sentence_announces():
    assert announces_list("Hội nghị thống nhất các nhiệm vụ trọng tâm sau:")
    assert announces_list("TIẾP TỤC THỰC HIỆN CÁC NHIỆM VỤ TRỌNG TÂM TRONG THỜI GIAN TỚI")
    assert not announces_list(
        "Năm qua có 8 nhiệm vụ trọng tâm. Trong đó, công tác tuyên truyền được chú trọng."
    )


@given(st.text())
def test_find_tasks_never_raises_and_never_returns_an_empty_list(text):
    tasks = find_tasks(text)
    assert tasks is None or len(tasks) >= 2
