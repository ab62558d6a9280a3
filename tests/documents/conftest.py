import datetime as dt

import pytest

from tuyengiao.documents import services

#: An article as a provincial website publishes it, written for these tests (header, clutter and all).
ARTICLE = """Trang chủ | Tin tức | Tuyên giáo các cấp
Thứ Hai, 10/8/2026
Thứ Sáu, 07/8/2026 16:05'(GMT+7)

Tỉnh An sơ kết công tác tuyên giáo 6 tháng đầu năm 2026

Sáng 6-8, tại Hội trường Tỉnh ủy, Ban Tuyên giáo và Dân vận Tỉnh ủy An tổ chức hội nghị sơ kết công tác tuyên giáo 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm 2026. Đồng chí Nguyễn Văn Bình, Ủy viên Ban Thường vụ, Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì hội nghị.

Sáu tháng qua, các cấp ủy đã quán triệt Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng và tiếp tục thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị. Mọi thắc mắc xin gọi đường dây nóng 0208.3855.123.

Hội nghị thống nhất các nhiệm vụ trọng tâm sau:

Một là, tiếp tục tuyên truyền sâu rộng Kết luận số 21-KL/TW trong cán bộ, đảng viên.

Hai là, nâng cao chất lượng đội ngũ báo cáo viên các cấp.

Thống kê truy cập
Đang truy cập: 812
"""


@pytest.fixture
def directive(world):
    """Kết luận 21-KL/TW, registered by the centre."""
    return services.register(
        actor=None,
        unit=world.centre,
        data=services.DocumentData(
            number="21-KL/TW",
            issued_on=dt.date(2021, 10, 25),
            issuing_body="Ban Chấp hành Trung ương Đảng",
            subject="Về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị",
        ),
    )


@pytest.fixture
def study(world, directive):
    """Tỉnh An's study session of 21-KL/TW for the units below, 90 % of party members to take part."""
    from tuyengiao.documents import implementation

    return implementation.add_action(
        actor=None,
        document=directive,
        unit=world.an,
        kind="study",
        title="Học tập, quán triệt Kết luận 21-KL/TW",
        due_on=dt.date(2026, 12, 1),
        target_percent=90,
    )
