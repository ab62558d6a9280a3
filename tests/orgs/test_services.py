import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tests.factories import AFTER, BEFORE, REFORM, unit
from tuyengiao.core.dates import FOREVER
from tuyengiao.core.services import ConflictError
from tuyengiao.orgs import queries, services
from tuyengiao.orgs.models import LineageEvent, OrgUnit, UnitKind, UnitLink


def counts():
    return OrgUnit.objects.count(), UnitLink.objects.count(), LineageEvent.objects.count()


def test_a_cycle_is_refused_and_nothing_is_written(world):
    before = counts()
    with pytest.raises(ValidationError, match="vòng lặp"):
        services.set_parent(actor=None, unit=world.an, parent=world.cell, valid_from=dt.date(2026, 1, 1))
    assert counts() == before
    assert services.parent_on(world.an, dt.date(2026, 1, 1)) == world.centre


def test_a_unit_cannot_be_its_own_parent(world):
    with pytest.raises(ValidationError, match="chính nó"):
        services.set_parent(actor=None, unit=world.other, parent=world.other, valid_from=dt.date(2026, 1, 1))


def test_overlapping_parent_links_are_refused(world):
    with pytest.raises(ValidationError, match="chồng lên nhau"):
        services._check_link(world.other_commune, world.an, dt.date(2020, 1, 1), FOREVER)


def test_dates_out_of_order_are_refused(world):
    before = counts()
    with pytest.raises(ValidationError, match="phải trước"):
        unit("Xã Ngược", parent=world.other, valid_from=dt.date(2026, 1, 1), valid_to=dt.date(2025, 1, 1))
    assert counts() == before


def test_a_used_code_is_refused(world):
    with pytest.raises(ValidationError, match="Mã “AN” đang được"):
        unit("Tỉnh Trùng Mã", UnitKind.PROVINCE, world.centre, code="AN")


def test_a_child_link_must_fit_in_the_parents_lifetime(world):
    with pytest.raises(ValidationError, match="không tồn tại"):
        unit("Xã Muộn", parent=world.binh, valid_from=dt.date(2026, 1, 1))


def test_merging_a_unit_into_itself_is_refused(world):
    before = counts()
    with pytest.raises(ValidationError, match="chính nó"):
        services.plan_merge(absorbed=[world.other], successor=world.other, date=dt.date(2026, 1, 1))
    assert counts() == before


def test_merging_into_a_unit_that_does_not_exist_on_that_date_is_refused(world):
    with pytest.raises(ValidationError, match="không tồn tại vào ngày"):
        services.plan_merge(
            absorbed=[world.other_commune], successor=world.binh_commune, date=dt.date(2026, 1, 1)
        )


def test_merging_an_ended_unit_is_refused(world):
    with pytest.raises(ValidationError, match="không tồn tại vào ngày"):
        services.plan_merge(absorbed=[world.old_one], successor=world.new_commune, date=dt.date(2026, 1, 1))


def test_a_merge_moves_the_children_and_records_the_lineage(world):
    merged_on = dt.date(2026, 1, 1)
    plan = services.plan_merge(absorbed=[world.other], successor=world.an, date=merged_on)
    assert [move.child.name for move in plan.moves] == ["Xã Khác"]
    event = services.merge_units(actor=None, plan=plan)
    world.other.refresh_from_db()
    assert world.other.valid_to == dt.date(2025, 12, 31)
    assert services.parent_on(world.other_commune, merged_on) == world.an
    assert services.parent_on(world.other_commune, dt.date(2025, 12, 31)) == world.other
    assert [u.name for u in queries.children(world.centre, merged_on)] == ["Tỉnh An"]
    assert event.links.filter(role="from").get().unit == world.other
    # nothing deleted: the old link still tells the past
    assert UnitLink.objects.filter(child=world.other_commune).count() == 2


def test_a_merge_into_a_new_unit_creates_it_under_the_old_parent(world):
    a = unit("Xã A", parent=world.other, code="KH.A")
    b = unit("Xã B", parent=world.other, code="KH.B")
    plan = services.plan_merge(
        absorbed=[a, b],
        date=dt.date(2026, 3, 1),
        new_successor=services.NewUnit(name="Xã AB", code="KH.AB", kind=UnitKind.COMMUNE, parent=world.other),
    )
    event = services.merge_units(actor=None, plan=plan)
    successor = event.links.get(role="to").unit
    assert successor.name == "Xã AB" and successor.valid_from == dt.date(2026, 3, 1)
    assert services.parent_on(successor, dt.date(2026, 3, 1)) == world.other
    assert sorted(u.name for u in OrgUnit.objects.filter(pk__in=queries.predecessor_ids(successor.pk))) == [
        "Xã A",
        "Xã B",
    ]


def test_a_unit_with_children_cannot_end_until_they_move(world):
    with pytest.raises(ValidationError, match="còn 1 đơn vị trực thuộc"):
        services.end_unit(actor=None, unit=world.other, last_day=dt.date(2026, 1, 1))
    world.other.refresh_from_db()
    assert world.other.is_open


def test_rename_creates_a_successor_that_inherits_children(world):
    renamed = services.rename_unit(
        actor=None, unit=world.other, new_name="Tỉnh Khác Mới", date=dt.date(2026, 1, 1)
    )
    assert renamed.code == "KH" and renamed.is_open
    assert services.parent_on(world.other_commune, dt.date(2026, 1, 1)) == renamed
    assert [s.kind for s in queries.lineage(renamed)] == ["rename"]
    assert [u.name for u in queries.children(world.centre, dt.date(2026, 1, 1))] == [
        "Tỉnh An",
        "Tỉnh Khác Mới",
    ]


def test_transfer_moves_a_unit_and_keeps_it_the_same(world):
    services.transfer_unit(
        actor=None, unit=world.other_commune, new_parent=world.an, date=dt.date(2026, 1, 1)
    )
    assert services.parent_on(world.other_commune, dt.date(2026, 1, 1)) == world.an
    assert services.parent_on(world.other_commune, dt.date(2025, 12, 31)) == world.other


def test_split_ends_the_unit_and_creates_the_parts(world):
    parts = services.split_unit(
        actor=None,
        unit=world.other_commune,
        date=dt.date(2026, 1, 1),
        parts=[
            services.NewUnit("Xã Khác Bắc", "KH.1B", UnitKind.COMMUNE, world.other),
            services.NewUnit("Xã Khác Nam", "KH.1N", UnitKind.COMMUNE, world.other),
        ],
    )
    assert sorted(u.name for u in queries.children(world.other, dt.date(2026, 1, 1))) == [
        "Xã Khác Bắc",
        "Xã Khác Nam",
    ]
    assert {u.pk for u in parts} == set(queries.successor_ids(world.other_commune.pk))


def test_update_detects_a_stale_version(world):
    services.update_unit(actor=None, unit=world.other, expected_version=1, phone="0208 123 456")
    with pytest.raises(ConflictError):
        services.update_unit(actor=None, unit=world.other, expected_version=1, phone="0208 999 999")
    world.other.refresh_from_db()
    assert world.other.phone == "0208 123 456" and world.other.version == 2


def test_changes_are_audited_with_the_actor(world, users):
    services.update_unit(actor=users["specialist"], unit=world.an, official_name="Đảng bộ tỉnh An")
    record = world.an.history.first()
    assert record.history_user == users["specialist"]
    delta = record.diff_against(record.prev_record)
    assert [(c.field, c.old, c.new) for c in delta.changes if c.field == "official_name"] == [
        ("official_name", "", "Đảng bộ tỉnh An")
    ]


def test_find_units_ignores_diacritics_and_prefers_units_valid_on_the_date(world):
    assert services.find_units("tinh an") == [world.an]
    assert services.find_units("AN") == [world.an]
    assert services.find_units("Không có") == []


def test_cluster_membership_over_time_stays_in_scope(world):
    cluster = services.create_cluster(
        actor=None, name="Cụm số 1", organizer=world.an, members=[world.new_commune], valid_from=REFORM
    )
    assert cluster.memberships.get().valid_to == FOREVER
    with pytest.raises(ValidationError, match="đã là thành viên"):
        services.add_cluster_member(actor=None, cluster=cluster, unit=world.new_commune, valid_from=AFTER)
    with pytest.raises(ValidationError, match="không thuộc phạm vi"):
        services.add_cluster_member(actor=None, cluster=cluster, unit=world.other_commune, valid_from=BEFORE)


def assert_scope_matches_the_walk():
    from tuyengiao.orgs import scope

    for unit_id in OrgUnit.objects.values_list("pk", flat=True):
        assert queries.responsibility_ids(unit_id) == queries.responsibility_ids_walked(unit_id), unit_id
    before = {u: queries.responsibility_ids(u) for u in OrgUnit.objects.values_list("pk", flat=True)}
    scope.rebuild()
    assert before == {u: queries.responsibility_ids(u) for u in OrgUnit.objects.values_list("pk", flat=True)}


def test_the_responsibility_closure_follows_every_kind_of_change(world):
    assert_scope_matches_the_walk()
    day = dt.date(2026, 1, 1)
    services.transfer_unit(actor=None, unit=world.other_commune, new_parent=world.an, date=day)
    renamed = services.rename_unit(actor=None, unit=world.other, new_name="Tỉnh Khác Mới", date=day)
    extra = unit("Xã Thêm", parent=renamed, code="KH.T", valid_from=day)
    services.merge_units(
        actor=None,
        plan=services.plan_merge(absorbed=[extra], successor=world.new_commune, date=dt.date(2026, 6, 1)),
    )
    assert_scope_matches_the_walk()
    assert extra.pk in queries.responsibility_ids(world.an.pk)


def test_links_always_lie_within_the_childs_lifetime(world):
    services.merge_units(
        actor=None,
        plan=services.plan_merge(absorbed=[world.other], successor=world.an, date=dt.date(2026, 1, 1)),
    )
    for link in UnitLink.objects.select_related("child"):
        assert link.child.valid_from <= link.valid_from <= link.valid_to <= link.child.valid_to, link
