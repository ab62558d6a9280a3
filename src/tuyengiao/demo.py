"""Demo data, deterministic: the national reference data and Thái Nguyên in full across the 2025 reform.

Before 01/07/2025: Thái Nguyên and Bắc Kạn with their districts and communes. From that day: Bắc Kạn
merged into Thái Nguyên, the districts gone, about ninety new communes and wards, each the merger of
old ones (lineage). Users for every role, all with the same demo password.
"""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from tuyengiao.accounts import services as account_services
from tuyengiao.accounts.models import Role
from tuyengiao.orgs import reference
from tuyengiao.orgs import services as org_services
from tuyengiao.orgs.demo_thai_nguyen import DISTRICTS_BEFORE_2025, NEW_COMMUNES_2025, PROVINCE_SEAT
from tuyengiao.orgs.models import LineageKind, OrgUnit, UnitKind

DEMO_PASSWORD = "TuyenGiao@2026"  # noqa: S105 (printed to the user: demo accounts only)
REFORM = reference.REFORM_DATE
LAST_DAY = REFORM - dt.timedelta(days=1)
COMMUNE_RESOLUTION = "Nghị quyết 1683/NQ-UBTVQH15"


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: str
    unit: str
    full_name: str


def _open_unit(name: str) -> OrgUnit:
    return OrgUnit.objects.get(name=name, valid_to=org_services.FOREVER)


def build_thai_nguyen(actor=None) -> OrgUnit:
    """Districts and communes of Thái Nguyên and Bắc Kạn until 30/06/2025; the new communes after."""
    provinces = {
        name: OrgUnit.objects.get(name=name, kind=UnitKind.PROVINCE) for name in ("Thái Nguyên", "Bắc Kạn")
    }
    old_communes: dict[tuple[str, str], OrgUnit] = {}
    for d_index, (province_name, district_name, communes) in enumerate(DISTRICTS_BEFORE_2025, start=1):
        province = provinces[province_name]
        kind_word = "Thành phố" if district_name.startswith("Thành phố") else "Huyện"
        district = org_services.create_unit(
            actor=actor,
            kind=UnitKind.DISTRICT,
            name=district_name,
            code=f"{province.code}.H{d_index:02d}",
            parent=province,
            valid_to=LAST_DAY,
            official_name=f"Đảng bộ {kind_word.lower()} {district_name.removeprefix(kind_word).strip()}",
        )
        for c_index, commune_name in enumerate(communes, start=1):
            old_communes[(district_name, commune_name)] = org_services.create_unit(
                actor=actor,
                kind=UnitKind.COMMUNE,
                name=commune_name,
                code=f"{district.code}.X{c_index:02d}",
                parent=district,
                valid_to=LAST_DAY,
            )
    thai_nguyen = provinces["Thái Nguyên"]
    for n_index, (new_name, sources) in enumerate(NEW_COMMUNES_2025, start=1):
        new_unit = org_services.create_unit(
            actor=actor,
            kind=UnitKind.COMMUNE,
            name=new_name,
            code=f"{thai_nguyen.code}.X{n_index:03d}",
            parent=thai_nguyen,
            valid_from=REFORM,
            official_name=f"Đảng bộ {new_name[0].lower()}{new_name[1:]}",
        )
        org_services.record_lineage(
            actor=actor,
            kind=LineageKind.MERGE,
            date=REFORM,
            sources=[old_communes[s] for s in sources],
            targets=[new_unit],
            legal_basis=COMMUNE_RESOLUTION,
        )
    seat = _open_unit(PROVINCE_SEAT)
    for number in range(1, 4):
        org_services.create_unit(
            actor=actor,
            kind=UnitKind.CELL,
            name=f"Chi bộ Tổ dân phố số {number}",
            code=f"{seat.code}.CB{number:02d}",
            parent=seat,
            valid_from=REFORM,
        )
    return thai_nguyen


def build_clusters(actor=None) -> None:
    """Cụm thi đua số 1: the nine district commissions of Thái Nguyên until the reform; the wards after."""
    thai_nguyen = OrgUnit.objects.get(name="Thái Nguyên", kind=UnitKind.PROVINCE)
    districts = OrgUnit.objects.filter(
        kind=UnitKind.DISTRICT, code__startswith=f"{thai_nguyen.code}."
    ).order_by("code")
    cluster = org_services.create_cluster(
        actor=actor,
        name="Cụm thi đua số 1 (huyện, thành phố)",
        organizer=thai_nguyen,
        note="Ban Tuyên giáo của 9 huyện, thành phố; thôi hoạt động khi bỏ cấp huyện.",
    )
    for district in districts:
        org_services.add_cluster_member(actor=actor, cluster=cluster, unit=district, valid_to=LAST_DAY)
    wards = OrgUnit.objects.filter(
        kind=UnitKind.COMMUNE,
        valid_from=REFORM,
        name__startswith="Phường",
        code__startswith=f"{thai_nguyen.code}.X",
    ).order_by("code")
    org_services.create_cluster(
        actor=actor,
        name="Cụm thi đua số 1 (các phường)",
        organizer=thai_nguyen,
        members=wards,
        valid_from=REFORM,
    )


def logins() -> list[DemoLogin]:
    return [
        DemoLogin("admin", Role.SYSTEM_ADMIN, "Trung ương", "Quản trị hệ thống"),
        DemoLogin("tw.lanhdao", Role.LEADER, "Trung ương", "Lãnh đạo Ban Tuyên giáo và Dân vận Trung ương"),
        DemoLogin("tn.lanhdao", Role.LEADER, "Thái Nguyên", "Nguyễn Văn Hùng"),
        DemoLogin("tn.chuyenvien", Role.SPECIALIST, "Thái Nguyên", "Trần Thị Lan"),
        DemoLogin("tn.baocaovien", Role.RAPPORTEUR, "Thái Nguyên", "Lê Minh Đức"),
        DemoLogin("tn.xem", Role.VIEWER, "Thái Nguyên", "Phạm Thu Hà"),
        DemoLogin("pdp.canbo", Role.UNIT_OFFICER, PROVINCE_SEAT, "Hoàng Văn Nam"),
        DemoLogin("hn.chuyenvien", Role.SPECIALIST, "Hà Nội", "Đỗ Thị Mai"),
    ]


def build_users(actor=None) -> None:
    for login in logins():
        unit = _open_unit(login.unit)
        last, _, first = login.full_name.rpartition(" ")
        account_services.create_user(
            actor=actor,
            username=login.username,
            password=DEMO_PASSWORD,
            unit=unit,
            roles=[login.role],
            first_name=first,
            last_name=last,
            email=f"{login.username}@tuyengiao.test",
        )


@transaction.atomic
def build(actor=None, *, today=None) -> None:
    from tuyengiao.documents import demo as documents_demo
    from tuyengiao.meetings import demo as meetings_demo
    from tuyengiao.reporting import demo as reporting_demo

    reference.load_provinces(actor=actor)
    build_thai_nguyen(actor)
    build_clusters(actor)
    build_users(actor)
    reporting_demo.build(today)
    documents_demo.build(today)  # before the meetings: their texts cite the registry
    meetings_demo.build(today)
