import datetime as dt

from tuyengiao.core.cli import fail
from tuyengiao.orgs.models import OrgUnit
from tuyengiao.orgs.services import find_units


def resolve_unit(text: str, *, on: dt.date | None = None) -> OrgUnit:
    """One unit from a name or code typed on the command line, or a one-line error (exit 2)."""
    candidates = find_units(text, on=on)
    if not candidates:
        fail(f"Không tìm thấy đơn vị “{text}”.")
    if len(candidates) > 1:
        listed = "; ".join(
            f"{u.name} (mã {u.code}, {u.validity_label or 'không thời hạn'})" for u in candidates[:5]
        )
        fail(f"“{text}” ứng với {len(candidates)} đơn vị: {listed}. Hãy dùng mã đơn vị.")
    return candidates[0]
