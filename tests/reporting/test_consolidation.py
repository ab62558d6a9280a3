"""Consolidation: per unit over time by each indicator's rule, then over units, across the 2025 merger."""

import datetime as dt
from decimal import Decimal

from tests.reporting.conftest import fill
from tuyengiao.reporting import services
from tuyengiao.reporting.consolidation import ACCEPTED_ONLY, SUBMITTED_TOO, consolidate
from tuyengiao.reporting.periods import half, month


def test_sums_over_months_and_units(world, first_half_2024):
    result = consolidate(world.binh, half(2024, 1), "BC-TG")
    assert result.totals["A01"] == 18  # 3 a month for six months


def test_the_merged_province_includes_its_predecessor_as_it_was_then(world, first_half_2024):
    result = consolidate(world.an, half(2024, 1), "BC-TG", statuses=SUBMITTED_TOO)
    # A01 sums over months and over units: (1 + 2 + 3) × 6
    assert result.totals["A01"] == 36
    # A03 (rapporteurs on the roster) takes the last month per unit, then sums: 16 + 20 + 5
    assert result.totals["A03"] == 41
    # C03 (a percentage) averages over months, then over units: (50 + 70 + 90) / 3
    assert result.totals["C03"] == 70
    assert result.coverage_label == "3/3 đơn vị đã nộp"
    assert result.per_unit[world.old_one.pk]["A03"] == 16


def test_accepted_only_leaves_out_what_is_not_accepted_yet(world, first_half_2024):
    result = consolidate(world.an, half(2024, 1), "BC-TG", statuses=ACCEPTED_ONLY)
    # Xã Hai's June report is only submitted: its last accepted roster is May's, still 20
    assert result.totals["A01"] == 36 - 2
    assert result.totals["A03"] == 41


def test_reports_of_exactly_the_period_win_over_monthly_ones(world, template, first_half_2024):
    fill(template, world.an, half(2024, 1), world.old_one, {"A01": 100, "A03": 1, "C03": 1})
    result = consolidate(world.an, half(2024, 1), "BC-TG", statuses=SUBMITTED_TOO)
    assert result.totals["A01"] == 100 and result.coverage_label == "1/1 đơn vị đã nộp"


def test_a_district_that_asked_for_nothing_is_consolidated_from_the_paths(world, first_half_2024):
    result = consolidate(world.district, half(2024, 1), "BC-TG", statuses=SUBMITTED_TOO)
    assert result.mode == "path"
    assert result.totals["A01"] == 18  # Xã Một and Xã Hai only
    assert {u.name for u in result.units} == {"Xã Một", "Xã Hai"}


def test_missing_units_are_named(world, template):
    period = month(2025, 9)
    services.create_assignment(
        actor=None,
        template=template,
        assigner=world.an,
        period=period,
        units=[world.new_commune],
        deadline=dt.date(2025, 10, 5),
    )
    result = consolidate(world.an, period, "BC-TG")
    assert result.coverage_label == "0/1 đơn vị đã nộp"
    assert [u.name for u in result.missing_units] == ["Xã Mới"]
    assert all(value is None for value in result.totals.values())


def test_narratives_are_compiled_unit_by_unit(world, first_half_2024):
    result = consolidate(world.an, half(2024, 1), "BC-TG")
    title, entries = result.narratives[0]
    assert title.startswith("III.")
    assert entries[0] == ("Xã Bình Cũ (Tháng 1 năm 2024)", "Bình tháng 1") and len(entries) == 6


def test_consolidation_is_a_fixed_number_of_queries(world, first_half_2024, django_assert_max_num_queries):
    with django_assert_max_num_queries(16):
        result = consolidate(world.an, half(2024, 1), "BC-TG")
    assert isinstance(result.totals["A01"], Decimal)


def test_a_period_without_any_report_is_an_empty_consolidation(world):
    result = consolidate(world.an, month(2019, 1), "BC-TG")
    assert result.totals == {} and result.coverage_label == "0/0 đơn vị đã nộp"
