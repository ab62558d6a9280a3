"""Writing a report's figures and texts: one upsert statement each, whatever the number of fields.

A full report is 150 values or more, saved on every autosave and on every send; going through model
instances (read the existing rows, build objects, bulk create, bulk update) cost most of a send's
time. Here PostgreSQL receives the rows as arrays and SQLite as one prepared statement run per row;
both insert or overwrite on the (submission, indicator) and (submission, section) unique keys, so
a retry or a concurrent first save never makes a second row.
"""

from decimal import Decimal

from django.db import connection

from tuyengiao.reporting.models import Narrative, Value

ValueRow = tuple[int, str, Decimal | None, str]  # indicator id, raw, number, text


def upsert_values(submission_id: int, rows: list[ValueRow]) -> None:
    if not rows:
        return
    table = connection.ops.quote_name(Value._meta.db_table)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            indicator_ids, raws, numbers, texts = zip(*rows, strict=True)
            cursor.execute(
                f"""INSERT INTO {table} (submission_id, indicator_id, raw, number, text)
                    SELECT %s, * FROM unnest(%s::bigint[], %s::text[], %s::numeric[], %s::text[])
                    ON CONFLICT (submission_id, indicator_id) DO UPDATE
                    SET raw = EXCLUDED.raw, number = EXCLUDED.number, text = EXCLUDED.text""",
                [submission_id, list(indicator_ids), list(raws), list(numbers), list(texts)],
            )
        else:
            cursor.executemany(
                f"""INSERT INTO {table} (submission_id, indicator_id, raw, number, text)
                    VALUES (%s, %s, %s, %s, %s)
                    ON CONFLICT (submission_id, indicator_id) DO UPDATE
                    SET raw = excluded.raw, number = excluded.number, text = excluded.text""",
                [(submission_id, i, raw, _sqlite_number(number), text) for i, raw, number, text in rows],
            )


def upsert_narratives(submission_id: int, rows: list[tuple[int, str]]) -> None:
    """(section id, text) pairs."""
    if not rows:
        return
    table = connection.ops.quote_name(Narrative._meta.db_table)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"""INSERT INTO {table} (submission_id, section_id, text) VALUES (%s, %s, %s)
                ON CONFLICT (submission_id, section_id) DO UPDATE SET text = excluded.text""",
            [(submission_id, section_id, text) for section_id, text in rows],
        )


def _sqlite_number(number: Decimal | None):
    # Exactly what the model field would store (rounded to its decimal places).
    return Value._meta.get_field("number").get_db_prep_save(number, connection)
