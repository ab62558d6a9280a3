"""The demo data: consistent by construction, and built the way the 2025 reform really went."""

import datetime as dt
from collections import Counter
from zoneinfo import ZoneInfo

import pytest

from tuyengiao.orgs.demo_thai_nguyen import DISTRICTS_BEFORE_2025, NEW_COMMUNES_2025


def test_every_old_commune_goes_into_exactly_one_new_commune():
    old = {(district, commune) for _, district, communes in DISTRICTS_BEFORE_2025 for commune in communes}
    used = Counter(source for _, sources in NEW_COMMUNES_2025 for source in sources)
    assert set(used) == old
    assert max(used.values()) == 1
    assert len({name for name, _ in NEW_COMMUNES_2025}) == len(NEW_COMMUNES_2025)
    assert 85 <= len(NEW_COMMUNES_2025) <= 100


VN = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.mark.django_db
def test_demo_builds_thai_nguyen_across_the_reform():
    from tuyengiao import demo
    from tuyengiao.accounts.models import Role, User
    from tuyengiao.orgs import queries
    from tuyengiao.orgs.models import OrgUnit, UnitKind

    demo.build(today=dt.date(2026, 11, 22))
    thai_nguyen = OrgUnit.objects.get(name="Thái Nguyên", kind=UnitKind.PROVINCE)
    before = queries.children(thai_nguyen, dt.date(2025, 6, 30))
    after = queries.children(thai_nguyen, dt.date(2025, 7, 1))
    assert {u.kind for u in before} == {UnitKind.DISTRICT} and before.count() == 9
    assert {u.kind for u in after} == {UnitKind.COMMUNE} and after.count() == len(NEW_COMMUNES_2025)
    # the history of the old Bắc Kạn communes is within Thái Nguyên's responsibility now
    reach = queries.responsibility_ids(thai_nguyen.pk)
    bac_kan_communes = OrgUnit.objects.filter(code__startswith="06.H", kind=UnitKind.COMMUNE)
    assert bac_kan_communes.count() > 90 and set(bac_kan_communes.values_list("pk", flat=True)) <= reach
    roles = {role for account in User.objects.all() for role in account.roles}
    assert roles == set(Role.values)

    # two years of reports crossing the merger: some late, some returned, some missing
    from tuyengiao.reporting.consolidation import SUBMITTED_TOO, consolidate
    from tuyengiao.reporting.models import Submission, SubmissionStatus
    from tuyengiao.reporting.periods import half

    submissions = Submission.objects.all()
    assert submissions.filter(status=SubmissionStatus.RETURNED).exists()
    assert submissions.filter(
        status=SubmissionStatus.DRAFT, assignment__deadline__lt=dt.date(2026, 1, 1)
    ).exists()
    assert any(s.is_late for s in submissions.exclude(first_submitted_at=None)[:500])
    first_half_2025 = consolidate(thai_nguyen, half(2025, 1), "BC-TG", statuses=SUBMITTED_TOO)
    assert {u.code[:2] for u in first_half_2025.units} == {"19", "06"}  # Thái Nguyên's and Bắc Kạn's communes

    # a year of meetings, and the review's conclusions as cascaded tasks in every state
    from tuyengiao.meetings.models import Meeting, MeetingKind
    from tuyengiao.tasks.models import Task, TaskStatus

    sessions = Meeting.objects.filter(kind=MeetingKind.SINH_HOAT).order_by("starts_at")
    assert sessions.count() == 12 and all(m.starts_at.astimezone(VN).weekday() == 6 for m in sessions)
    assert sessions.first().points.count() > 20
    assert Meeting.objects.filter(kind=MeetingKind.BAO_CAO_VIEN).count() == 12
    review = Meeting.objects.get(kind=MeetingKind.SO_KET)
    assert review.conclusion.number == "15-TB/BTGDVTU" and review.conclusion.items.count() == 4
    children = Task.objects.filter(parent__isnull=False, source_meeting=review)
    states = set(children.values_list("status", flat=True))
    assert states == {TaskStatus.NEW, TaskStatus.IN_PROGRESS, TaskStatus.DONE, TaskStatus.CANCELLED}
    assert Task.objects.overdue(dt.date(2026, 11, 22)).exists()

    # the registry: tracking with attendance reported, and a published article waiting for review
    from tuyengiao.documents.models import ArticleImport, ImportStatus

    studied = Task.objects.filter(parent__isnull=False, attendance_target=90).exclude(members=None)
    assert studied.exists() and all(t.participants <= t.members for t in studied)
    article = ArticleImport.objects.get(status=ImportStatus.DRAFT)
    assert article.extracted["event"]["chair"] == "Nguyễn Văn Hùng"
    assert [d["number"] for d in article.extracted["documents"]] == ["21-KL/TW", "05-CT/TW"]
