"""The roll-up (số liệu cộng dồn) gives exactly the figures of the values, and stays in step with them.

Every comparison runs consolidate() twice, once free to read the roll-up and once told to read the
values, and wants the same totals, counts, per-unit breakdown, units and texts.
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import user
from tests.orgs.test_commands import run
from tests.reporting.conftest import GOOD, fill
from tuyengiao.accounts.models import Role
from tuyengiao.reporting import rollups, services
from tuyengiao.reporting.consolidation import ACCEPTED_ONLY, SUBMITTED_TOO, consolidate
from tuyengiao.reporting.models import (
    Assignment,
    Rollup,
    RollupStamp,
    RollupTotal,
    Submission,
    SubmissionStatus,
    TimeAggregation,
    Value,
    ValueType,
)
from tuyengiao.reporting.periods import half, month, nine_months, quarter, year_period

ACCEPTED = SubmissionStatus.ACCEPTED


def containers_of(year: int):
    return [
        *(quarter(year, q) for q in range(1, 5)),
        half(year, 1),
        half(year, 2),
        nine_months(year),
        year_period(year),
    ]


def figures(result):
    return {
        "totals": result.totals,
        "reporting": result.reporting,
        "per_unit": result.per_unit,
        "units": [u.pk for u in result.units],
        "submitted": result.submitted_unit_ids,
        "narratives": result.narratives,
        "mode": result.mode,
    }


def both(unit, period, code, statuses=ACCEPTED_ONLY):
    """consolidate() through the roll-up when it can, and over the values: the same figures."""
    fast = consolidate(unit, period, code, statuses=statuses)
    slow = consolidate(unit, period, code, statuses=statuses, use_rollup=False)
    assert slow.source == "values"
    assert figures(fast) == figures(slow), (unit, period.key)
    return fast


def snapshot():
    rows = sorted(
        Rollup.objects.values_list(
            "assigner_id",
            "template_code",
            "container_key",
            "report_kind",
            "unit_id",
            "indicator_id",
            "total",
            "reported",
            "largest",
            "last_end",
            "last_value",
        )
    )
    stamps = sorted(
        RollupStamp.objects.values_list(
            "assigner_id", "template_code", "container_key", "report_kind", "unit_id", "reports", "checksum"
        )
    )
    totals = sorted(
        RollupTotal.objects.values_list(
            "assigner_id",
            "template_code",
            "container_key",
            "report_kind",
            "indicator_id",
            "time_rule",
            "units",
            "value_sum",
            "value_max",
            "value_min",
        )
    )
    return rows, stamps, totals


@pytest.fixture
def hooked(monkeypatch):
    """services._transition with the roll-up hook (the call services.py is to make, see rollups.refresh)."""
    original = services._transition

    def transition(submission, **kwargs):
        before = submission.status
        result = original(submission, **kwargs)
        if ACCEPTED in (before, submission.status):
            rollups.refresh(submission)
        return result

    monkeypatch.setattr(services, "_transition", transition)


# ------------------------------------------------------------------------------ the demo template


def test_the_rollup_gives_the_figures_of_the_values_across_the_merger(world, first_half_2024):
    rollups.rebuild()
    result = both(world.an, half(2024, 1), "BC-TG")
    # Tỉnh An's first half includes Tỉnh Bình's (merged into it): one statement over both assigners
    assert result.source == "rollup" and result.mode == "given"
    assert result.totals["A01"] == 36 - 2  # Xã Hai's June report is only submitted
    assert result.totals["A03"] == 41 and result.per_unit[world.old_one.pk]["A03"] == 16
    for unit in (world.an, world.binh, world.other, world.centre, world.district):
        for period in [*containers_of(2024), month(2024, 3)]:
            for statuses in (ACCEPTED_ONLY, SUBMITTED_TOO):
                both(unit, period, "BC-TG", statuses)


def test_only_what_the_rollup_holds_is_read_from_it(world, first_half_2024):
    rollups.rebuild()
    assert consolidate(world.an, quarter(2024, 2), "BC-TG").source == "rollup"
    assert consolidate(world.an, half(2024, 1), "BC-TG", statuses=SUBMITTED_TOO).source == "values"
    assert consolidate(world.district, half(2024, 1), "BC-TG").source == "values"  # by path
    assert consolidate(world.an, month(2024, 3), "BC-TG").source == "values"  # a month is no container
    assert consolidate(world.an, half(2024, 1), "BC-TG", use_rollup=False).source == "values"


def test_a_status_written_around_the_services_sends_consolidation_back_to_the_values(world, first_half_2024):
    rollups.rebuild()
    assert both(world.an, half(2024, 1), "BC-TG").source == "rollup"
    june = Submission.objects.get(unit=world.old_two, assignment__period_key="2024-M06")
    Submission.objects.filter(pk=june.pk).update(status=ACCEPTED)  # no refresh
    stale = both(world.an, half(2024, 1), "BC-TG")
    assert stale.source == "values" and stale.totals["A01"] == 36
    rollups.refresh(Submission.objects.get(pk=june.pk))  # the hook's work: the unit's rows recomputed
    assert both(world.an, half(2024, 1), "BC-TG").source == "rollup"
    # one report reopened and another accepted behind its back: as many reports as before, still noticed
    may = Submission.objects.get(unit=world.old_two, assignment__period_key="2024-M05")
    Submission.objects.filter(pk=june.pk).update(status=SubmissionStatus.SUBMITTED)
    rollups.refresh(Submission.objects.get(pk=june.pk))
    Submission.objects.filter(pk=may.pk).update(status=SubmissionStatus.RETURNED)
    Submission.objects.filter(pk=june.pk).update(status=ACCEPTED)
    assert both(world.an, half(2024, 1), "BC-TG").source == "values"
    rollups.rebuild()
    fresh = both(world.an, half(2024, 1), "BC-TG")
    assert fresh.source == "rollup" and fresh.totals["A01"] == 36 - 2  # May out, June in


def test_a_time_rule_changed_since_is_not_read_from_the_combined_figures(world, template, first_half_2024):
    rollups.rebuild()
    before = both(world.binh, quarter(2024, 1), "BC-TG")  # one assigner: the combined figures
    assert before.source == "rollup" and before.totals["A01"] == 9  # 3 a month
    template.indicators.filter(code="A01").update(time_aggregation=TimeAggregation.MAX)
    after = both(world.binh, quarter(2024, 1), "BC-TG")
    assert after.source == "values" and after.totals["A01"] == 3
    rollups.rebuild()
    assert both(world.binh, quarter(2024, 1), "BC-TG").source == "rollup"


def test_a_report_of_exactly_the_period_wins_in_the_rollup_too(world, template, first_half_2024):
    fill(template, world.an, half(2024, 1), world.old_one, {"A01": 100, "A03": 1, "C03": 1})
    rollups.rebuild()
    result = both(world.an, half(2024, 1), "BC-TG")
    assert result.source == "rollup" and result.totals["A01"] == 100
    assert both(world.an, year_period(2024), "BC-TG").totals["A01"] == 34  # the finest: the months


def test_the_breakdown_is_read_on_first_use_in_one_statement(
    world, first_half_2024, django_assert_num_queries, django_assert_max_num_queries
):
    rollups.rebuild()
    with django_assert_max_num_queries(11):
        result = consolidate(world.an, half(2024, 1), "BC-TG")
    assert result.source == "rollup" and not result.breakdown_loaded
    with django_assert_num_queries(1):
        assert result.per_unit[world.old_one.pk]["A01"] == 6
        assert result.per_unit[world.binh_commune.pk]["A01"] == 18
    assert consolidate(world.an, half(2024, 1), "BC-TG", with_breakdown=False).per_unit == {}


# ------------------------------------------------------------------------------ the workflow


def test_accept_reopen_accept_keeps_the_rollup_in_step(world, template, hooked):
    officer = user("canbo", world.new_commune, Role.UNIT_OFFICER)
    reviewer = user("chuyenvien", world.an, Role.SPECIALIST)
    reports = []
    for number in (7, 8, 9):
        assignment = services.create_assignment(
            actor=None,
            template=template,
            assigner=world.an,
            period=month(2025, number),
            units=[world.new_commune],
            deadline=dt.date(2025, number + 1, 5),
        )
        submission = assignment.submissions.get()
        values = {**GOOD, "A01": str(number), "A03": str(10 * number)}
        _, sent = services.send_report(
            actor=officer, submission=submission, expected_version=1, values=values
        )
        assert not sent.blocking and not sent.warnings
        reports.append(submission)
    q3 = quarter(2025, 3)
    assert both(world.an, q3, "BC-TG").totals.get("A01") is None  # nothing accepted yet

    for submission in reports:
        services.accept(actor=reviewer, submission=submission)
    accepted = both(world.an, q3, "BC-TG")
    assert accepted.source == "rollup" and accepted.totals["A01"] == 7 + 8 + 9
    assert accepted.totals["A03"] == 90  # the last month

    services.reopen(actor=reviewer, submission=reports[2], reason="Sai số liệu A01.")
    reopened = both(world.an, q3, "BC-TG")
    assert reopened.source == "rollup" and reopened.totals["A01"] == 7 + 8 and reopened.totals["A03"] == 80
    september = Submission.objects.get(pk=reports[2].pk)
    _, sent = services.send_report(
        actor=officer,
        submission=september,
        expected_version=september.version,
        values={**GOOD, "A01": "6", "A03": "95"},
    )
    assert not sent.blocking and not sent.warnings
    services.accept(actor=reviewer, submission=september)
    again = both(world.an, q3, "BC-TG")
    assert again.source == "rollup" and again.totals["A01"] == 7 + 8 + 6 and again.totals["A03"] == 95
    for period in (half(2025, 2), year_period(2025)):
        assert both(world.an, period, "BC-TG").source == "rollup"
    incremental = snapshot()
    rollups.rebuild()
    assert snapshot() == incremental


def test_the_services_themselves_keep_the_rollup_in_step(world, template):
    officer = user("canbo", world.new_commune, Role.UNIT_OFFICER)
    reviewer = user("chuyenvien", world.an, Role.SPECIALIST)
    assignment = services.create_assignment(
        actor=None,
        template=template,
        assigner=world.an,
        period=month(2025, 7),
        units=[world.new_commune],
        deadline=dt.date(2025, 8, 5),
    )
    submission = assignment.submissions.get()
    services.send_report(actor=officer, submission=submission, expected_version=1, values=GOOD)
    services.accept(actor=reviewer, submission=submission)
    result = both(world.an, quarter(2025, 3), "BC-TG")
    assert result.source == "rollup" and result.totals["A01"] == 2


def test_the_rebuild_command_says_what_it_did(world, first_half_2024, capsys):
    code, out, _err = run(capsys, "rebuild-rollups")
    assert code == 0 and "Đã tính lại số liệu cộng dồn" in out
    assert consolidate(world.an, half(2024, 1), "BC-TG").source == "rollup"
    code, out, _err = run(capsys, "rebuild-rollups", "--template", "bc-tg")
    assert code == 0 and "mẫu BC-TG" in out
    code, _out, err = run(capsys, "rebuild-rollups", "--template", "KHONG-CO")
    assert code == 2 and "Không có mẫu báo cáo mã" in err


# ------------------------------------------------------------------------------ every rule, at random

RULES = [(t, u) for t in TimeAggregation.values for u in ("sum", "avg", "max", "min")] + [("sum", "none")]
ASSIGNERS = ("an", "binh", "other")
UNITS = ("old_one", "old_two", "binh_commune", "new_commune", "other_commune")
PERIODS = [
    *(month(2025, m) for m in range(1, 13)),
    *(quarter(2025, q) for q in range(1, 5)),
    half(2025, 1),
]
STATUSES = [ACCEPTED, ACCEPTED, ACCEPTED, SubmissionStatus.SUBMITTED, SubmissionStatus.RETURNED, "draft"]
# Quarters of a unit: exact in binary too, so that SQLite's floats add up the same in any order.
NUMBER = st.one_of(st.none(), st.integers(-40, 400).map(lambda k: Decimal(k) / 4))
REPORT = st.tuples(
    st.sampled_from(ASSIGNERS),
    st.sampled_from(UNITS),
    st.sampled_from(PERIODS),
    st.sampled_from(STATUSES),
    st.lists(NUMBER, min_size=len(RULES), max_size=len(RULES)),
)


@pytest.fixture
def every_rule(world):
    """A template with one decimal indicator per (time rule, unit rule)."""
    template = services.create_template(actor=None, owner=world.centre, code="RU", name="Mẫu kiểm tra")
    for number, (over_time, over_units) in enumerate(RULES, 1):
        services.add_indicator(
            template,
            code=f"R{number:02d}",
            name=f"{over_time} rồi {over_units}",
            value_type=ValueType.DECIMAL,
            time_aggregation=over_time,
            unit_aggregation=over_units,
        )
    return services.publish_template(actor=None, template=template)


def _write(world, template, reports):
    """Reports written directly (any assigner may ask any unit here: the arithmetic is under test)."""
    indicators = list(template.indicators.order_by("order"))
    assignments, written = {}, []
    for assigner_name, unit_name, period, status, numbers in reports:
        assigner, unit = getattr(world, assigner_name), getattr(world, unit_name)
        if (assigner.pk, period.key) not in assignments:
            assignments[assigner.pk, period.key] = Assignment.objects.create(
                template=template,
                assigner=assigner,
                period_key=period.key,
                period_label=period.label,
                period_kind=period.kind.value,
                period_start=period.start,
                period_end=period.end,
                deadline=period.end + dt.timedelta(days=5),
            )
        submission = services._open_submission(assignments[assigner.pk, period.key], unit, period)
        Value.objects.bulk_create(
            Value(submission=submission, indicator=indicator, raw="" if n is None else str(n), number=n)
            for indicator, n in zip(indicators, numbers, strict=True)
        )
        written.append((submission, status))
    return written


def _move(submission, status):
    """A status change as services._transition makes it, hook included."""
    before, submission.status = submission.status, status
    if ACCEPTED in (before, status):
        rollups.refresh(submission)
    submission.save(update_fields=["status"])


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    reports=st.lists(REPORT, min_size=1, max_size=20, unique_by=lambda r: (r[0], r[1], r[2].key)),
    reopened=st.lists(st.tuples(st.integers(0, 19), st.booleans()), max_size=4),
)
def test_every_rule_gives_the_same_figures_from_the_rollup(world, every_rule, reports, reopened):
    with transaction.atomic():
        written = _write(world, every_rule, reports)
        for submission, status in written:
            _move(submission, status)
        accepted = [s for s, _status in written if s.status == ACCEPTED]
        for index, accept_again in reopened:  # accepted → returned (→ accepted)
            if accepted:
                submission = accepted[index % len(accepted)]
                _move(submission, SubmissionStatus.RETURNED)
                if accept_again:
                    _move(submission, ACCEPTED)
        incremental = snapshot()
        rollups.rebuild()
        assert snapshot() == incremental
        for unit in (world.an, world.binh, world.other):
            for period in containers_of(2025):
                result = both(unit, period, "RU")
                assert result.source == (
                    "rollup" if result.mode == "given" and result.submitted_unit_ids else "values"
                )
        transaction.set_rollback(True)


def test_reports_of_two_assigners_ending_the_same_day_take_the_greatest_as_last(world, every_rule):
    march = month(2025, 3)
    written = _write(
        world,
        every_rule,
        [
            ("an", "old_one", march, ACCEPTED, [Decimal(5)] * len(RULES)),
            ("binh", "old_one", march, ACCEPTED, [Decimal(9)] * len(RULES)),
            ("an", "old_one", month(2025, 1), ACCEPTED, [Decimal(50)] * len(RULES)),
        ],
    )
    for submission, status in written:
        _move(submission, status)
    result = both(world.an, quarter(2025, 1), "RU")
    last_then_sum = f"R{RULES.index(('last', 'sum')) + 1:02d}"
    assert result.source == "rollup" and result.totals[last_then_sum] == 9


@pytest.mark.django_db
def test_the_demo_reads_thai_nguyen_and_bac_kan_from_the_rollup():
    """Two years of the demo, across the merger, 6-month reports beside monthly ones, rebuilt after the bulk load."""
    from tuyengiao import demo
    from tuyengiao.orgs.models import OrgUnit, UnitKind

    demo.build(today=dt.date(2026, 11, 22))
    thai_nguyen = OrgUnit.objects.get(name="Thái Nguyên", kind=UnitKind.PROVINCE)
    bac_kan = OrgUnit.objects.get(name="Bắc Kạn", kind=UnitKind.PROVINCE)
    for unit in (thai_nguyen, bac_kan):
        for period in [*containers_of(2025), half(2026, 1), quarter(2026, 3)]:
            result = both(unit, period, "BC-TG")
            assert result.source == ("rollup" if result.submitted_unit_ids else "values")
    year = consolidate(thai_nguyen, year_period(2025), "BC-TG")
    assert {u.code[:2] for u in year.units} == {"19", "06"}  # Thái Nguyên's and Bắc Kạn's communes
    assert year.source == "rollup"
