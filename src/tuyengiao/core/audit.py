"""The audit trail as users read it: who, when, what, and each field before → after.

Records come from django-simple-history. Each record is compared with the previous version of
the same object, found in the same fetch, so a page of history costs one query per model.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from itertools import chain

HIDDEN_FIELDS = {"version", "name_folded"}


@dataclass
class AuditEntry:
    date: datetime
    user: object
    type: str
    what: str
    reason: str
    changes: list[tuple[str, object, object]] = field(default_factory=list)


def audit_trail(*histories, describe, limit: int = 50) -> list[AuditEntry]:
    """Newest first. `histories` are historical querysets; `describe(record)` names what changed."""
    records = list(chain.from_iterable(h.select_related("history_user") for h in histories))
    versions = defaultdict(list)
    for record in records:
        versions[(type(record), record.id)].append(record)
    previous = {}
    for same_object in versions.values():
        same_object.sort(key=lambda r: (r.history_date, r.history_id))
        for older, newer in zip(same_object, same_object[1:], strict=False):
            previous[(type(newer), newer.history_id)] = older
    records.sort(key=lambda r: (r.history_date, r.history_id), reverse=True)
    entries = []
    for record in records[:limit]:
        before = previous.get((type(record), record.history_id))
        changes = []
        if before is not None:
            delta = record.diff_against(before)
            changes = [(c.field, c.old, c.new) for c in delta.changes if c.field not in HIDDEN_FIELDS]
        entries.append(
            AuditEntry(
                date=record.history_date,
                user=record.history_user,
                type=record.get_history_type_display(),
                what=describe(record),
                reason=record.history_change_reason or "",
                changes=changes,
            )
        )
    return entries
