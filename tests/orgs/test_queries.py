import datetime as dt

from tests.factories import AFTER, BEFORE
from tuyengiao.orgs import queries


def names(ids):
    from tuyengiao.orgs.models import OrgUnit

    return sorted(OrgUnit.objects.filter(pk__in=ids).values_list("name", flat=True))


def test_subtree_as_of_a_date_follows_the_tree_of_that_day(world):
    assert names(queries.subtree_ids(world.an.pk, BEFORE)) == ["Huyện Một", "Tỉnh An", "Xã Hai", "Xã Một"]
    assert names(queries.subtree_ids(world.an.pk, AFTER)) == ["Chi bộ Mới", "Tỉnh An", "Xã Mới"]


def test_subtree_subquery_filters_in_the_database(world):
    from tuyengiao.orgs.models import OrgUnit

    units = OrgUnit.objects.filter(pk__in=queries.subtree_subquery(world.centre.pk, BEFORE))
    assert set(units.values_list("name", flat=True)) >= {"Tỉnh Bình", "Xã Bình Cũ", "Xã Một"}
    assert "Xã Mới" not in set(units.values_list("name", flat=True))


def test_centre_has_the_provinces_of_each_day_as_children(world):
    assert [u.name for u in queries.children(world.centre, BEFORE)] == ["Tỉnh An", "Tỉnh Bình", "Tỉnh Khác"]
    assert [u.name for u in queries.children(world.centre, AFTER)] == ["Tỉnh An", "Tỉnh Khác"]


def test_ancestors_as_of_a_date_root_first(world):
    assert [u.name for u in queries.ancestors(world.old_one, BEFORE)] == [
        "Trung ương",
        "Tỉnh An",
        "Huyện Một",
    ]
    assert [u.name for u in queries.ancestors(world.cell, AFTER)] == ["Trung ương", "Tỉnh An", "Xã Mới"]
    assert queries.ancestors(world.old_one, AFTER) == []


def test_lineage_walks_predecessors_and_successors(world):
    assert names(queries.predecessor_ids(world.new_commune.pk)) == ["Xã Hai", "Xã Một"]
    assert names(queries.successor_ids(world.old_one.pk)) == ["Xã Mới"]
    assert names(queries.predecessor_ids(world.an.pk)) == ["Tỉnh Bình"]
    steps = queries.lineage(world.an)
    assert [(s.kind, s.date, [u.name for u in s.sources]) for s in steps] == [
        ("merge", dt.date(2025, 7, 1), ["Tỉnh Bình"])
    ]


def test_responsibility_covers_history_and_predecessors_but_not_neighbours(world):
    reach = names(queries.responsibility_ids(world.an.pk))
    assert "Tỉnh Bình" in reach and "Xã Bình Cũ" in reach  # merged into Tỉnh An
    assert "Huyện Một" in reach and "Xã Mới" in reach
    assert "Tỉnh Khác" not in reach and "Xã Khác" not in reach
    assert names(queries.responsibility_ids(world.new_commune.pk)) == [
        "Chi bộ Mới",
        "Xã Hai",
        "Xã Một",
        "Xã Mới",
    ]


def test_tree_nests_children_and_stops_at_depth(world):
    node = queries.tree(world.centre, BEFORE, depth=1)
    assert [child.unit.name for child in node.children] == ["Tỉnh An", "Tỉnh Bình", "Tỉnh Khác"]
    assert all(child.children == [] for child in node.children)
    full = queries.tree(world.centre, BEFORE).as_dict()
    an = full["children"][0]
    assert an["children"][0]["name"] == "Huyện Một"
    assert an["children"][0]["valid_to"] == "2025-06-30"
    assert [c["name"] for c in an["children"][0]["children"]] == ["Xã Hai", "Xã Một"]
