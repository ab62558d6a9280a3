import datetime as dt

import pytest

from tuyengiao.reporting import services
from tuyengiao.reporting.demo_template import INDICATORS, RULES, SECTIONS
from tuyengiao.reporting.periods import month


def build_template(owner, code="BC-TG"):
    template = services.create_template(
        actor=None, owner=owner, code=code, name="Báo cáo công tác tuyên giáo"
    )
    sections = {c: services.add_section(template, code=c, title=t, guidance=g) for c, t, g in SECTIONS}
    for code_, name, uom, vtype, over_units, over_time, section in INDICATORS:
        services.add_indicator(
            template,
            code=code_,
            name=name,
            unit_of_measure=uom,
            value_type=vtype,
            unit_aggregation=over_units,
            time_aggregation=over_time,
            section=sections[section],
            min_value=0,
        )
    for expression, message, severity in RULES:
        services.add_rule(template, expression=expression, message=message, severity=severity)
    return services.publish_template(actor=None, template=template)


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
