"""Demo registry: the directives the demo's meetings and tasks cite, kept by the centre, with their
aliases and relations, Thái Nguyên's tracking of Kết luận 21-KL/TW (the usual cycle, the plan
and the study sessions given to every commune), and a published article waiting for review."""

import datetime as dt

from django.utils import timezone

from tuyengiao.accounts.models import User
from tuyengiao.documents import implementation, importing, services
from tuyengiao.documents.models import FieldOfWork, Reach, RequiredAction
from tuyengiao.orgs.models import OrgUnit, UnitKind

DIRECTIVES = [
    # number, date, issuing body, subject, aliases, fields of work
    (
        "05-CT/TW",
        dt.date(2016, 5, 15),
        "Bộ Chính trị",
        "Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        ["Chỉ thị 05"],
        ["hoc-tap-lam-theo-bac"],
    ),
    (
        "04-NQ/TW",
        dt.date(2016, 10, 30),
        "Ban Chấp hành Trung ương Đảng",
        "Về tăng cường xây dựng, chỉnh đốn Đảng; ngăn chặn, đẩy lùi sự suy thoái về tư tưởng chính trị, "
        "đạo đức, lối sống, những biểu hiện “tự diễn biến”, “tự chuyển hóa” trong nội bộ",
        ["Nghị quyết Trung ương 4 khóa XII"],
        ["xay-dung-dang"],
    ),
    (
        "01-KL/TW",
        dt.date(2021, 5, 18),
        "Bộ Chính trị",
        "Về tiếp tục thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị khóa XII",
        [],
        ["hoc-tap-lam-theo-bac"],
    ),
    (
        "21-KL/TW",
        dt.date(2021, 10, 25),
        "Ban Chấp hành Trung ương Đảng",
        "Về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị",
        [],
        ["xay-dung-dang", "tuyen-truyen"],
    ),
]


def build(today: dt.date | None = None) -> None:
    today = today or timezone.localdate()
    centre = OrgUnit.objects.filter(kind=UnitKind.CENTRE).order_by("pk").first()
    province = OrgUnit.objects.get(name="Thái Nguyên", kind=UnitKind.PROVINCE)
    specialist = User.objects.filter(username="tn.chuyenvien").first()
    fields = {f.code: f for f in FieldOfWork.objects.all()}
    made = {}
    for number, day, body, subject, aliases, codes in DIRECTIVES:
        document = services.register(
            actor=None,
            unit=centre,
            data=services.DocumentData(
                number=number,
                issued_on=day,
                issuing_body=body,
                subject=subject,
                fields=[fields[c] for c in codes if c in fields],
            ),
        )
        for alias in aliases:
            services.add_alias(actor=None, document=document, text=alias)
        made[number] = document
    services.relate(actor=None, source=made["01-KL/TW"], target=made["05-CT/TW"], kind="implements")
    plan = services.register(
        actor=specialist,
        unit=province,
        data=services.DocumentData(
            number="125-KH/TU",
            issued_on=dt.date(2021, 12, 20),
            issuing_body="Tỉnh ủy Thái Nguyên",
            subject="Kế hoạch thực hiện Kết luận số 21-KL/TW của Ban Chấp hành Trung ương Đảng",
        ),
    )
    services.relate(actor=specialist, source=plan, target=made["21-KL/TW"], kind="implements")
    actions = implementation.add_presets(
        actor=specialist, document=made["21-KL/TW"], unit=province, start=today - dt.timedelta(days=20)
    )
    for action in actions[:2]:
        RequiredAction.objects.filter(pk=action.pk).update(reach=Reach.COMMUNES)
        action.refresh_from_db()
        implementation.give(actor=specialist, action=action)
    import_article(today)


#: An article as the commission's website would publish it (written for the demo): a study session.
ARTICLE = """Trang chủ | Tin tức | Hoạt động tuyên giáo
{published:%d/%m/%Y} 16:20

Thái Nguyên: Học tập, quán triệt Kết luận số 21-KL/TW cho cán bộ chủ chốt

Sáng {day:%d-%m}, tại Hội trường Tỉnh ủy, Ban Tuyên giáo và Dân vận Tỉnh ủy Thái Nguyên tổ chức hội nghị học tập, quán triệt Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị. Đồng chí Nguyễn Văn Hùng, Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì hội nghị.

Hội nghị được kết nối trực tuyến tới các điểm cầu xã, phường với hơn 1.500 cán bộ, đảng viên tham dự. Các đại biểu được nghe phổ biến những nội dung cốt lõi của Kết luận và Chỉ thị số 05-CT/TW của Bộ Chính trị.

Kết luận hội nghị, đồng chí Trưởng ban đề nghị các cấp ủy tập trung một số nhiệm vụ sau:

Một là, xây dựng kế hoạch thực hiện Kết luận phù hợp với tình hình địa phương, hoàn thành trong tháng.

Hai là, tổ chức học tập ở chi bộ, bảo đảm ít nhất 90% đảng viên tham gia.

Ba là, báo cáo kết quả về Ban Tuyên giáo và Dân vận Tỉnh ủy trước ngày 30 hằng tháng.

Tin liên quan
Đang truy cập: 1.024
"""


def import_article(today: dt.date) -> None:
    """The article above, dated a few days ago, imported by Thái Nguyên's specialist: a draft to review."""
    province = OrgUnit.objects.get(name="Thái Nguyên", kind=UnitKind.PROVINCE)
    specialist = User.objects.filter(username="tn.chuyenvien").first()
    day = today - dt.timedelta(days=4)
    text = ARTICLE.format(day=day, published=day)
    importing.import_files(
        actor=specialist, unit=province, files=[("hoc-tap-ket-luan-21.txt", text.encode())]
    )
