"""The reporting part of a unit's home page: what is due, how complete, key figures over time."""

import json

from django.utils import timezone

from tuyengiao.reporting import completeness, services
from tuyengiao.reporting.consolidation import monthly_series
from tuyengiao.reporting.models import Assignment
from tuyengiao.reporting.periods import month

KEY_INDICATORS = ["A01", "A05", "C02"]


def for_user(user) -> dict:
    unit = user.unit
    if unit is None:
        return {}
    today = timezone.localdate()
    context = {"due": list(services.due_for(unit)[:5])}
    if not user.can_manage_subtree:
        return context
    given = list(
        Assignment.objects.filter(assigner=unit)
        .select_related("template")
        .order_by("-period_end", "template__code")[:4]
    )
    context["given"] = [(assignment, completeness.grid(assignment)) for assignment in given]
    late = next((grid for assignment, grid in context["given"] if assignment.deadline < today), None)
    context["late_units"] = (
        [row for row in late.rows if row.state in ("late", "missing")][:12] if late else []
    )
    if given:
        code = given[0].template.code
        this_year = [month(today.year, m) for m in range(1, today.month + 1)]
        last_year = [month(today.year - 1, m) for m in range(1, today.month + 1)]
        series = monthly_series(unit, code, KEY_INDICATORS, this_year + last_year)
        names = {i.code: i.name for i in given[0].template.indicators.filter(code__in=KEY_INDICATORS)}
        context["charts"] = [
            {
                "id": f"chart-{indicator}",
                "title": names.get(indicator, indicator),
                "data": json.dumps(
                    {
                        "labels": [f"T{m.start.month}" for m in this_year],
                        "datasets": [
                            {
                                "label": str(today.year),
                                "data": [_float(series[indicator].get(m.key)) for m in this_year],
                            },
                            {
                                "label": str(today.year - 1),
                                "data": [_float(series[indicator].get(m.key)) for m in last_year],
                            },
                        ],
                    }
                ),
            }
            for indicator in KEY_INDICATORS
            if any(series.get(indicator, {}).values())
        ]
    return context


def _float(value):
    return float(value) if value is not None else None
