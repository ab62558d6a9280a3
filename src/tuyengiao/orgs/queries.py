"""Reads of the organization tree, in SQL (recursive common table expressions) on both databases.

Dates go to the database as ISO strings: SQLite stores dates as text, PostgreSQL casts the literal.
A parent link always lies within its child's lifetime (the services enforce it, a test checks
it), so walking the links of a day needs no join to the units.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db import connection
from django.db.models.expressions import RawSQL

from tuyengiao.orgs.models import LineageEvent, LineageLink, OrgUnit, UnitLink, UnitScope

MAX_DEPTH = 32  # guards the recursion against a cycle that slipped into the data

UNIT = OrgUnit._meta.db_table
LINK = UnitLink._meta.db_table
LINEAGE = LineageLink._meta.db_table


def _subtree_sql(max_depth: int) -> str:
    return f"""
        WITH RECURSIVE sub(id, parent_id, depth) AS (
            SELECT u.id, CAST(NULL AS BIGINT), 0 FROM {UNIT} u WHERE u.id = %s
            UNION ALL
            SELECT l.child_id, l.parent_id, s.depth + 1
            FROM sub s
            JOIN {LINK} l ON l.parent_id = s.id AND l.valid_from <= %s AND l.valid_to >= %s
            WHERE s.depth < {int(max_depth)}
        )
        SELECT id, parent_id, depth FROM sub"""


def _subtree_params(unit_id: int, as_of: dt.date) -> list:
    day = as_of.isoformat()
    return [unit_id, day, day]


def subtree_rows(
    unit_id: int, as_of: dt.date, max_depth: int = MAX_DEPTH
) -> list[tuple[int, int | None, int]]:
    """(id, parent_id, depth) of a unit and everything under it as of a date, the unit first."""
    with connection.cursor() as cursor:
        cursor.execute(_subtree_sql(max_depth), _subtree_params(unit_id, as_of))
        return cursor.fetchall()


def subtree_ids(unit_id: int, as_of: dt.date) -> list[int]:
    return [row[0] for row in subtree_rows(unit_id, as_of)]


def subtree_subquery(unit_id: int, as_of: dt.date) -> RawSQL:
    """For `filter(unit__in=...)`: the ids of a unit's subtree as of a date, evaluated in the database."""
    sql = f"SELECT id FROM ({_subtree_sql(MAX_DEPTH)}) subtree"  # table names only; values are bound
    return RawSQL(sql, _subtree_params(unit_id, as_of))  # noqa: S611


def children(unit: OrgUnit, as_of: dt.date):
    day = as_of
    return (
        OrgUnit.objects.valid_on(day)
        .filter(parent_links__parent=unit, parent_links__valid_from__lte=day, parent_links__valid_to__gte=day)
        .order_by("kind", "name")
    )


def ancestor_ids(unit_id: int, as_of: dt.date) -> list[int]:
    """The unit's parent, grandparent... up to the root, as of a date (nearest first)."""
    day = as_of.isoformat()
    sql = f"""
        WITH RECURSIVE anc(id, depth) AS (
            SELECT CAST(%s AS BIGINT), 0
            UNION ALL
            SELECT l.parent_id, a.depth + 1
            FROM anc a JOIN {LINK} l ON l.child_id = a.id AND l.valid_from <= %s AND l.valid_to >= %s
            WHERE a.depth < {MAX_DEPTH}
        )
        SELECT id FROM anc WHERE depth > 0 ORDER BY depth"""
    with connection.cursor() as cursor:
        cursor.execute(sql, [unit_id, day, day])
        return [row[0] for row in cursor.fetchall()]


def ancestors(unit: OrgUnit, as_of: dt.date) -> list[OrgUnit]:
    """Root first, the unit's parent last."""
    ids = ancestor_ids(unit.pk, as_of)
    by_id = OrgUnit.objects.in_bulk(ids)
    return [by_id[i] for i in reversed(ids) if i in by_id]


def _responsibility_sql() -> str:
    # Edges from a unit to what it answers for: its children at any time, and the predecessors
    # (through lineage) of any unit it answers for. The reference for the UnitScope closure.
    return f"""
        WITH RECURSIVE edges(src, dst) AS (
            SELECT parent_id, child_id FROM {LINK}
            UNION ALL
            SELECT t.unit_id, f.unit_id FROM {LINEAGE} t
            JOIN {LINEAGE} f ON f.event_id = t.event_id AND f.role = 'from'
            WHERE t.role = 'to'
        ),
        reach(id) AS (
            SELECT CAST(%s AS BIGINT)
            UNION
            SELECT e.dst FROM reach r JOIN edges e ON e.src = r.id
        )
        SELECT id FROM reach"""


def responsibility_subquery(unit_id: int):
    """Every unit a unit answers for, now or in its history (see core.scoping): an indexed lookup."""
    return UnitScope.objects.filter(ancestor_id=unit_id).values("unit_id")


def responsibility_ids(unit_id: int) -> set[int]:
    return set(UnitScope.objects.filter(ancestor_id=unit_id).values_list("unit_id", flat=True))


def responsibility_ids_walked(unit_id: int) -> set[int]:
    """The same set computed by walking the tree and lineage (the reference for tests)."""
    with connection.cursor() as cursor:
        cursor.execute(_responsibility_sql(), [unit_id])
        return {row[0] for row in cursor.fetchall()}


def _lineage_closure_sql(direction: str) -> str:
    # backwards: from a unit to the units it came from; forwards: to the units it became.
    here, there = ("to", "from") if direction == "backwards" else ("from", "to")
    return f"""
        WITH RECURSIVE walk(id, depth) AS (
            SELECT CAST(%s AS BIGINT), 0
            UNION
            SELECT o.unit_id, w.depth + 1
            FROM walk w
            JOIN {LINEAGE} h ON h.unit_id = w.id AND h.role = '{here}'
            JOIN {LINEAGE} o ON o.event_id = h.event_id AND o.role = '{there}'
            WHERE w.depth < {MAX_DEPTH}
        )
        SELECT DISTINCT h.event_id FROM walk w
        JOIN {LINEAGE} h ON h.unit_id = w.id AND h.role = '{here}'"""


def predecessor_ids(unit_id: int) -> list[int]:
    """Units this unit came from, transitively, through merges, splits and renames."""
    return _closure_units(unit_id, "backwards")


def successor_ids(unit_id: int) -> list[int]:
    return _closure_units(unit_id, "forwards")


def _closure_units(unit_id: int, direction: str) -> list[int]:
    role = "from" if direction == "backwards" else "to"
    ids = LineageLink.objects.filter(event_id__in=_closure_event_ids(unit_id, direction), role=role)
    return sorted(set(ids.exclude(unit_id=unit_id).values_list("unit_id", flat=True)))


def _closure_event_ids(unit_id: int, direction: str) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(_lineage_closure_sql(direction), [unit_id])
        return [row[0] for row in cursor.fetchall()]


@dataclass
class LineageStep:
    kind: str
    kind_label: str
    date: dt.date
    sources: list[OrgUnit] = field(default_factory=list)
    targets: list[OrgUnit] = field(default_factory=list)
    event: LineageEvent | None = None


def lineage(unit: OrgUnit) -> list[LineageStep]:
    """The events a unit came out of and went into, transitively, oldest first."""
    event_ids = set(_closure_event_ids(unit.pk, "backwards")) | set(_closure_event_ids(unit.pk, "forwards"))
    events = (
        LineageEvent.objects.filter(pk__in=event_ids).prefetch_related("links__unit").order_by("date", "pk")
    )
    steps = []
    for event in events:
        links = sorted(event.links.all(), key=lambda link: link.unit.name)
        steps.append(
            LineageStep(
                kind=event.kind,
                kind_label=event.get_kind_display(),
                date=event.date,
                sources=[link.unit for link in links if link.role == "from"],
                targets=[link.unit for link in links if link.role == "to"],
                event=event,
            )
        )
    return steps


@dataclass
class TreeNode:
    unit: OrgUnit
    depth: int
    children: list["TreeNode"] = field(default_factory=list)

    def as_dict(self) -> dict:
        unit = self.unit
        return {
            "name": unit.name,
            "official_name": unit.official_name or unit.name,
            "code": unit.code,
            "kind": unit.kind,
            "valid_from": None if unit.valid_from.year == 1 else unit.valid_from.isoformat(),
            "valid_to": None if unit.valid_to.year == 9999 else unit.valid_to.isoformat(),
            "children": [child.as_dict() for child in self.children],
        }


def tree(root: OrgUnit, as_of: dt.date, depth: int | None = None) -> TreeNode:
    """The subtree under `root` as of a date, `depth` levels deep (None: all), children by kind and name."""
    rows = subtree_rows(root.pk, as_of, MAX_DEPTH if depth is None else depth)
    units = OrgUnit.objects.in_bulk([row[0] for row in rows])
    nodes = {row[0]: TreeNode(units[row[0]], row[2]) for row in rows}
    for unit_id, parent_id, _depth in rows:
        if parent_id is not None and parent_id in nodes:
            nodes[parent_id].children.append(nodes[unit_id])
    for node in nodes.values():
        node.children.sort(key=lambda n: (n.unit.kind, n.unit.name_folded))
    return nodes[root.pk]
