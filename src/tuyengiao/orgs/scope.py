"""Keeps the responsibility closure (UnitScope) in step with the tree and its lineage.

An edge src → dst means "src answers for dst": a parent for its child (at any time), a successor
for its predecessor. Adding an edge makes every unit that answers for src answer for everything
dst answers for. Edges are never removed (history is kept), so rows are only ever inserted.
"""

from django.db import connection

from tuyengiao.orgs.models import LineageLink, OrgUnit, UnitLink, UnitScope

SCOPE = UnitScope._meta.db_table
UNIT = OrgUnit._meta.db_table
LINK = UnitLink._meta.db_table
LINEAGE = LineageLink._meta.db_table


def add_unit(unit_id: int) -> None:
    UnitScope.objects.get_or_create(ancestor_id=unit_id, unit_id=unit_id)


def add_edge(src_id: int, dst_id: int) -> None:
    if src_id == dst_id:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {SCOPE} (ancestor_id, unit_id)
            SELECT DISTINCT a.ancestor_id, d.unit_id
            FROM {SCOPE} a JOIN {SCOPE} d ON d.ancestor_id = %s
            WHERE a.unit_id = %s
              AND NOT EXISTS (SELECT 1 FROM {SCOPE} s WHERE s.ancestor_id = a.ancestor_id AND s.unit_id = d.unit_id)
            """,
            [dst_id, src_id],
        )


def rebuild() -> int:
    """Recompute the whole closure in one statement; returns the number of rows."""
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {SCOPE}")
        cursor.execute(
            f"""
            INSERT INTO {SCOPE} (ancestor_id, unit_id)
            WITH RECURSIVE edges(src, dst) AS (
                SELECT parent_id, child_id FROM {LINK}
                UNION
                SELECT t.unit_id, f.unit_id FROM {LINEAGE} t
                JOIN {LINEAGE} f ON f.event_id = t.event_id AND f.role = 'from'
                WHERE t.role = 'to' AND t.unit_id <> f.unit_id
            ),
            reach(root, id) AS (
                SELECT id, id FROM {UNIT}
                UNION
                SELECT r.root, e.dst FROM reach r JOIN edges e ON e.src = r.id
            )
            SELECT root, id FROM reach
            """
        )
    return UnitScope.objects.count()
