"""Test data: small, named worlds built through the services, as the application builds them."""

import datetime as dt
from dataclasses import dataclass

from tuyengiao.accounts.models import Role, User
from tuyengiao.orgs import services
from tuyengiao.orgs.models import OrgUnit, UnitKind

PASSWORD = "Mat-khau-thu-9"
REFORM = dt.date(2025, 7, 1)
BEFORE = dt.date(2024, 12, 31)
AFTER = dt.date(2025, 7, 1)


def unit(name, kind=UnitKind.COMMUNE, parent=None, code=None, **kwargs) -> OrgUnit:
    return services.create_unit(actor=None, kind=kind, name=name, code=code or name, parent=parent, **kwargs)


def user(username, unit, *roles) -> User:
    account = User(
        username=username, unit=unit, roles=list(roles), first_name=username, email=f"{username}@test.vn"
    )
    account.set_password(PASSWORD)
    account.save()
    return account


@dataclass
class World:
    """Two provinces as the 2025 reform changed them.

    centre
    ├── Tỉnh An (continues)      until 30/06/2025: Huyện Một → Xã Một, Xã Hai; from 01/07/2025: Xã Mới
    │                             (Xã Một + Xã Hai merged) → Chi bộ Mới
    ├── Tỉnh Bình (until 30/06/2025, merged into Tỉnh An) → Xã Bình Cũ (until 30/06/2025)
    └── Tỉnh Khác (foreign to everyone in Tỉnh An) → Xã Khác
    """

    centre: OrgUnit
    an: OrgUnit
    binh: OrgUnit
    other: OrgUnit
    district: OrgUnit
    old_one: OrgUnit
    old_two: OrgUnit
    new_commune: OrgUnit
    cell: OrgUnit
    binh_commune: OrgUnit
    other_commune: OrgUnit

    def users(self) -> dict[str, User]:
        return {
            "admin": user("admin", self.centre, Role.SYSTEM_ADMIN),
            "leader": user("leader", self.an, Role.LEADER),
            "specialist": user("specialist", self.an, Role.SPECIALIST),
            "officer": user("officer", self.new_commune, Role.UNIT_OFFICER),
            "rapporteur": user("rapporteur", self.an, Role.RAPPORTEUR),
            "viewer": user("viewer", self.an, Role.VIEWER),
        }


def build_world() -> World:
    last = REFORM - dt.timedelta(days=1)
    centre = unit("Trung ương", UnitKind.CENTRE, code="TW")
    an = unit("Tỉnh An", UnitKind.PROVINCE, centre, code="AN")
    binh = unit("Tỉnh Bình", UnitKind.PROVINCE, centre, code="BI")
    other = unit("Tỉnh Khác", UnitKind.PROVINCE, centre, code="KH")
    district = unit("Huyện Một", UnitKind.DISTRICT, an, code="AN.H1", valid_to=last)
    old_one = unit("Xã Một", parent=district, code="AN.H1.1", valid_to=last)
    old_two = unit("Xã Hai", parent=district, code="AN.H1.2", valid_to=last)
    binh_commune = unit("Xã Bình Cũ", parent=binh, code="BI.1", valid_to=last)
    new_commune = unit("Xã Mới", parent=an, code="AN.X1", valid_from=REFORM)
    cell = unit("Chi bộ Mới", UnitKind.CELL, new_commune, code="AN.X1.CB1", valid_from=REFORM)
    other_commune = unit("Xã Khác", parent=other, code="KH.1")
    services.record_lineage(
        actor=None, kind="merge", date=REFORM, sources=[old_one, old_two], targets=[new_commune]
    )
    services.merge_units(actor=None, plan=services.plan_merge(absorbed=[binh], successor=an, date=REFORM))
    return World(
        centre,
        an,
        OrgUnit.objects.get(pk=binh.pk),
        other,
        district,
        old_one,
        old_two,
        new_commune,
        cell,
        binh_commune,
        other_commune,
    )
