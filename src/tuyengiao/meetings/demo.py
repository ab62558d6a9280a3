"""Demo meetings and tasks for Thái Nguyên, deterministic: a year of the province's work.

- "Giờ sinh hoạt toàn Đảng bộ" online, the first Sunday of every month, with connection points
  (the communes' party committees and the provincial hall);
- a monthly rapporteur conference (hội nghị báo cáo viên), hybrid;
- the review of the first half of the current year (sơ kết), its conclusion notice, and its items
  given to the communes as cascaded tasks in every state: new, in progress, done, overdue, cancelled.
"""

import datetime as dt
import random
from zoneinfo import ZoneInfo

from django.utils import timezone

from tuyengiao.accounts.models import User
from tuyengiao.meetings import services
from tuyengiao.meetings.models import MeetingFormat, MeetingKind, MeetingStatus
from tuyengiao.meetings.services import MeetingData, PointData
from tuyengiao.orgs import queries as org_queries
from tuyengiao.orgs.models import OrgUnit, UnitKind
from tuyengiao.tasks import services as task_services
from tuyengiao.tasks.models import Task

VN = ZoneInfo("Asia/Ho_Chi_Minh")
ITEMS = [
    "Một là, tiếp tục quán triệt, triển khai thực hiện Kết luận số 21-KL/TW của Ban Chấp hành Trung ương "
    "về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị.",
    "Hai là, nắm chắc tình hình tư tưởng của cán bộ, đảng viên và Nhân dân sau sắp xếp tổ chức bộ máy; "
    "báo cáo định kỳ hằng tháng.",
    "Ba là, củng cố, kiện toàn đội ngũ báo cáo viên cấp xã; tổ chức hội nghị báo cáo viên hằng tháng.",
    "Bốn là, tổ chức tốt các hoạt động tuyên truyền kỷ niệm các ngày lễ lớn trong 6 tháng cuối năm.",
]


def build(today: dt.date | None = None) -> None:
    today = today or timezone.localdate()
    rng = random.Random(2026)
    province = OrgUnit.objects.get(name="Thái Nguyên", kind=UnitKind.PROVINCE)
    communes = list(
        OrgUnit.objects.filter(kind=UnitKind.COMMUNE, valid_to__gte=today, valid_from__lte=today)
        .filter(pk__in=org_queries.responsibility_subquery(province.pk))
        .order_by("name_folded")
    )
    specialist = User.objects.filter(username="tn.chuyenvien").first()
    year_start = dt.date(today.year, 1, 1)
    horizon = dt.datetime.combine(dt.date(today.year, 12, 31), dt.time(23, 59), VN)

    series = services.create_series(
        actor=specialist,
        organizer=province,
        title="Giờ sinh hoạt toàn Đảng bộ",
        kind=MeetingKind.SINH_HOAT,
        rrule="FREQ=MONTHLY;BYDAY=1SU",
        first_start=dt.datetime.combine(year_start, dt.time(7, 30), VN),
        duration_minutes=120,
        format=MeetingFormat.ONLINE,
        place="Hội trường Tỉnh ủy (điểm cầu chính)",
        horizon_until=horizon,
    )
    for meeting in series.meetings.all():
        points = [PointData(place="Hội trường Tỉnh ủy", attendance=180, host="Thường trực Tỉnh ủy")] + [
            PointData(unit=c, attendance=rng.randint(25, 60), host="Bí thư Đảng ủy") for c in communes[:27]
        ]
        services._replace_points(meeting, points)
        if meeting.ends_at.date() < today:
            meeting.status = MeetingStatus.HELD
            meeting.save(update_fields=["status"])

    for number in range(1, 13):
        day = dt.date(today.year, number, 1) + dt.timedelta(days=rng.randint(8, 14))
        start = dt.datetime.combine(day, dt.time(8, 0), VN)
        services.create_meeting(
            actor=specialist,
            organizer=province,
            data=MeetingData(
                title=f"Hội nghị báo cáo viên tháng {number}/{today.year}",
                kind=MeetingKind.BAO_CAO_VIEN,
                format=MeetingFormat.HYBRID,
                starts_at=start,
                ends_at=start + dt.timedelta(hours=3, minutes=30),
                place="Hội trường Tỉnh ủy",
                chair="Đồng chí Phó Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy",
                speakers="Báo cáo viên Trung ương; lãnh đạo Ban Tuyên giáo và Dân vận Tỉnh ủy",
                agenda="Thông tin thời sự trong nước và quốc tế; định hướng tuyên truyền tháng tới.",
                points=[PointData(unit=c, attendance=rng.randint(10, 30)) for c in communes[:10]],
            ),
        )

    review_year = today.year if today.month >= 8 else today.year - 1  # the last first half reviewed
    review_day = dt.date(review_year, 7, 8)
    start = dt.datetime.combine(review_day, dt.time(8, 0), VN)
    review = services.create_meeting(
        actor=specialist,
        organizer=province,
        data=MeetingData(
            title=f"Hội nghị sơ kết công tác tuyên giáo và dân vận 6 tháng đầu năm {review_year}",
            kind=MeetingKind.SO_KET,
            format=MeetingFormat.HYBRID,
            starts_at=start,
            ends_at=start + dt.timedelta(hours=3, minutes=30),
            place="Hội trường Tỉnh ủy",
            period_key=f"{review_year}-H1",
            period_label=f"6 tháng đầu năm {review_year}",
            chair="Đồng chí Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy",
            speakers="Lãnh đạo các ban xây dựng Đảng; đại diện Đảng ủy các xã, phường",
            minutes="Hội nghị đánh giá kết quả 6 tháng đầu năm, thảo luận và thống nhất nhiệm vụ trọng tâm.",
            points=[PointData(unit=c, attendance=rng.randint(8, 20)) for c in communes],
        ),
    )
    notice = services.save_conclusion(
        actor=specialist,
        meeting=review,
        number="15-TB/BTGDVTU",
        issued_on=review_day + dt.timedelta(days=3),
        summary="Kết luận của đồng chí Trưởng ban tại hội nghị sơ kết.",
        items=ITEMS,
    )
    items = list(notice.items.all())
    deadlines = [
        dt.date(review_year, 9, 30),
        dt.date(review_year, 8, 15),
        today + dt.timedelta(days=40),
        today,
    ]
    task_services.from_conclusions(
        actor=specialist,
        notice=notice,
        items=[
            task_services.ItemTasks(item, lead=communes, deadline=max(deadline, notice.issued_on))
            for item, deadline in zip(items, deadlines, strict=True)
        ],
    )
    _progress(rng, today)


def _progress(rng: random.Random, today: dt.date) -> None:
    """Every state: some communes done, some under way, some not started (overdue when late), a few cancelled."""
    for task in Task.objects.filter(parent__isnull=False).select_related("parent").order_by("pk"):
        draw = rng.random()
        figures = {}
        if task.attendance_target is not None:  # học tập, quán triệt: most communes reach the target
            members = rng.randint(60, 420)
            figures = {"members": members, "participants": round(members * rng.uniform(0.84, 1.0))}
        if draw < 0.04:
            task_services.cancel(
                actor=None, task=task, reason="Đơn vị đã sáp nhập nhiệm vụ vào kế hoạch khác"
            )
        elif draw < 0.45:
            task_services.report_progress(
                actor=None,
                task=task,
                expected_version=None,
                percent=100,
                text="Đã hoàn thành, có báo cáo kèm theo.",
                **figures,
            )
        elif draw < 0.8:
            task_services.report_progress(
                actor=None,
                task=task,
                expected_version=None,
                percent=rng.choice((20, 40, 50, 60, 80)),
                text="Đang triển khai theo kế hoạch.",
                **figures,
            )
