import datetime as dt

import pytest

from tuyengiao.reporting import demo, services
from tuyengiao.reporting.models import Submission, SubmissionStatus
from tuyengiao.reporting.periods import month

# A month's figures that satisfy every rule of the demo template, as a unit officer types them.
GOOD = {
    "A01": "2",
    "A02": "40",
    "A03": "12",
    "A04": "5",
    "A05": "1.890",
    "B01": "1",
    "B02": "300",
    "C04": "1",
    "C05": "35",
    "D01": "3",
    "D02": "120",
    "E01": "0",
    "E02": "0",
    "F01": "có",
}


def build_template(owner, code="BC-TG"):
    return demo.build_template(owner, code=code, name="Báo cáo công tác tuyên giáo")


@pytest.fixture
def template(world):
    return build_template(world.an)


@pytest.fixture
def assignment(world, template):
    """September 2025's monthly report, asked of every commune under Tỉnh An, due 5 October."""
    period = month(2025, 9)
    units = services.reporting_units(world.an, "commune", period)
    return services.create_assignment(
        actor=None,
        template=template,
        assigner=world.an,
        period=period,
        units=units,
        deadline=dt.date(2025, 10, 5),
    )


@pytest.fixture
def submission(assignment, world):
    return assignment.submissions.get(unit=world.new_commune)


def fill(template, assigner, period, unit, values, status=SubmissionStatus.ACCEPTED, narrative=""):
    """A report as it would stand after the workflow (written directly: the workflow has its own tests)."""
    from tuyengiao.reporting.models import Assignment

    assignment = Assignment.objects.filter(
        template=template, assigner=assigner, period_key=period.key
    ).first()
    if assignment is None:
        assignment = services.create_assignment(
            actor=None,
            template=template,
            assigner=assigner,
            period=period,
            units=[unit],
            deadline=period.end + dt.timedelta(days=5),
        )
    else:
        services._open_submission(assignment, unit, period)
    submission = Submission.objects.get(assignment=assignment, unit=unit)
    services.save_draft(
        actor=None,
        submission=submission,
        expected_version=None,
        values={k: str(v) for k, v in values.items()},
        narratives={"III": narrative} if narrative else {},
    )
    Submission.objects.filter(pk=submission.pk).update(status=status)
    return submission


@pytest.fixture
def first_half_2024(world, template):
    """Tỉnh An's two communes and Tỉnh Bình's one, each reporting January to June 2024."""
    for number in range(1, 7):
        period = month(2024, number)
        fill(template, world.an, period, world.old_one, {"A01": 1, "A03": 10 + number, "C03": 50})
        fill(
            template,
            world.an,
            period,
            world.old_two,
            {"A01": 2, "A03": 20, "C03": 70},
            status=SubmissionStatus.SUBMITTED if number == 6 else SubmissionStatus.ACCEPTED,
        )
        fill(
            template,
            world.binh,
            period,
            world.binh_commune,
            {"A01": 3, "A03": 5, "C03": 90},
            narrative=f"Bình tháng {number}",
        )
