"""National reference data: the 63 provinces until 30/06/2025, the 34 from 01/07/2025, and the lineage.

Province codes are the General Statistics Office's. Sources: Resolution 60-NQ/TW (12/04/2025) and
Resolution 202/2025/QH15 (in force 01/07/2025); Thừa Thiên Huế became the centrally-run city of
Huế on 01/01/2025.
"""

import datetime as dt

from django.db import transaction

from tuyengiao.orgs import services
from tuyengiao.orgs.models import OrgUnit, UnitKind

CENTRE_CODE = "TW"
REFORM_DATE = dt.date(2025, 7, 1)
HUE_RENAME_DATE = dt.date(2025, 1, 1)
RESOLUTION = "Nghị quyết 202/2025/QH15; Nghị quyết 60-NQ/TW"

# (code, name, official name prefix): "Thành phố" for centrally-run cities, else "Tỉnh".
PROVINCES_BEFORE_2025 = [
    ("01", "Hà Nội", "Thành phố"),
    ("02", "Hà Giang", "Tỉnh"),
    ("04", "Cao Bằng", "Tỉnh"),
    ("06", "Bắc Kạn", "Tỉnh"),
    ("08", "Tuyên Quang", "Tỉnh"),
    ("10", "Lào Cai", "Tỉnh"),
    ("11", "Điện Biên", "Tỉnh"),
    ("12", "Lai Châu", "Tỉnh"),
    ("14", "Sơn La", "Tỉnh"),
    ("15", "Yên Bái", "Tỉnh"),
    ("17", "Hòa Bình", "Tỉnh"),
    ("19", "Thái Nguyên", "Tỉnh"),
    ("20", "Lạng Sơn", "Tỉnh"),
    ("22", "Quảng Ninh", "Tỉnh"),
    ("24", "Bắc Giang", "Tỉnh"),
    ("25", "Phú Thọ", "Tỉnh"),
    ("26", "Vĩnh Phúc", "Tỉnh"),
    ("27", "Bắc Ninh", "Tỉnh"),
    ("30", "Hải Dương", "Tỉnh"),
    ("31", "Hải Phòng", "Thành phố"),
    ("33", "Hưng Yên", "Tỉnh"),
    ("34", "Thái Bình", "Tỉnh"),
    ("35", "Hà Nam", "Tỉnh"),
    ("36", "Nam Định", "Tỉnh"),
    ("37", "Ninh Bình", "Tỉnh"),
    ("38", "Thanh Hóa", "Tỉnh"),
    ("40", "Nghệ An", "Tỉnh"),
    ("42", "Hà Tĩnh", "Tỉnh"),
    ("44", "Quảng Bình", "Tỉnh"),
    ("45", "Quảng Trị", "Tỉnh"),
    ("46", "Thừa Thiên Huế", "Tỉnh"),
    ("48", "Đà Nẵng", "Thành phố"),
    ("49", "Quảng Nam", "Tỉnh"),
    ("51", "Quảng Ngãi", "Tỉnh"),
    ("52", "Bình Định", "Tỉnh"),
    ("54", "Phú Yên", "Tỉnh"),
    ("56", "Khánh Hòa", "Tỉnh"),
    ("58", "Ninh Thuận", "Tỉnh"),
    ("60", "Bình Thuận", "Tỉnh"),
    ("62", "Kon Tum", "Tỉnh"),
    ("64", "Gia Lai", "Tỉnh"),
    ("66", "Đắk Lắk", "Tỉnh"),
    ("67", "Đắk Nông", "Tỉnh"),
    ("68", "Lâm Đồng", "Tỉnh"),
    ("70", "Bình Phước", "Tỉnh"),
    ("72", "Tây Ninh", "Tỉnh"),
    ("74", "Bình Dương", "Tỉnh"),
    ("75", "Đồng Nai", "Tỉnh"),
    ("77", "Bà Rịa – Vũng Tàu", "Tỉnh"),
    ("79", "TP. Hồ Chí Minh", "Thành phố"),
    ("80", "Long An", "Tỉnh"),
    ("82", "Tiền Giang", "Tỉnh"),
    ("83", "Bến Tre", "Tỉnh"),
    ("84", "Trà Vinh", "Tỉnh"),
    ("86", "Vĩnh Long", "Tỉnh"),
    ("87", "Đồng Tháp", "Tỉnh"),
    ("89", "An Giang", "Tỉnh"),
    ("91", "Kiên Giang", "Tỉnh"),
    ("92", "Cần Thơ", "Thành phố"),
    ("93", "Hậu Giang", "Tỉnh"),
    ("94", "Sóc Trăng", "Tỉnh"),
    ("95", "Bạc Liêu", "Tỉnh"),
    ("96", "Cà Mau", "Tỉnh"),
]

# The province that continues (keeping its unit and code) ← the provinces merged into it.
MERGES_2025 = [
    ("Tuyên Quang", ["Hà Giang"]),
    ("Lào Cai", ["Yên Bái"]),
    ("Thái Nguyên", ["Bắc Kạn"]),
    ("Phú Thọ", ["Vĩnh Phúc", "Hòa Bình"]),
    ("Bắc Ninh", ["Bắc Giang"]),
    ("Hưng Yên", ["Thái Bình"]),
    ("Hải Phòng", ["Hải Dương"]),
    ("Ninh Bình", ["Hà Nam", "Nam Định"]),
    ("Quảng Trị", ["Quảng Bình"]),
    ("Đà Nẵng", ["Quảng Nam"]),
    ("Quảng Ngãi", ["Kon Tum"]),
    ("Gia Lai", ["Bình Định"]),
    ("Khánh Hòa", ["Ninh Thuận"]),
    ("Lâm Đồng", ["Đắk Nông", "Bình Thuận"]),
    ("Đắk Lắk", ["Phú Yên"]),
    ("TP. Hồ Chí Minh", ["Bình Dương", "Bà Rịa – Vũng Tàu"]),
    ("Đồng Nai", ["Bình Phước"]),
    ("Tây Ninh", ["Long An"]),
    ("Cần Thơ", ["Sóc Trăng", "Hậu Giang"]),
    ("Vĩnh Long", ["Bến Tre", "Trà Vinh"]),
    ("Đồng Tháp", ["Tiền Giang"]),
    ("Cà Mau", ["Bạc Liêu"]),
    ("An Giang", ["Kiên Giang"]),
]
# Provinces that continued into a centrally-run city on the reform date (their official name changes).
CITIES_FROM_2025 = {"Hải Phòng", "Đà Nẵng", "TP. Hồ Chí Minh", "Cần Thơ", "Hà Nội", "Huế"}


def centre() -> OrgUnit | None:
    return OrgUnit.objects.filter(code=CENTRE_CODE, kind=UnitKind.CENTRE).first()


@transaction.atomic
def load_provinces(*, actor=None) -> tuple[OrgUnit, bool]:
    """Create the centre, the 63 provinces, the Huế rename and the 2025 merges. Idempotent."""
    existing = centre()
    if existing is not None:
        return existing, False
    root = services.create_unit(
        actor=actor,
        kind=UnitKind.CENTRE,
        name="Trung ương",
        code=CENTRE_CODE,
        official_name="Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam",
    )
    by_name = {}
    for code, name, prefix in PROVINCES_BEFORE_2025:
        by_name[name] = services.create_unit(
            actor=actor,
            kind=UnitKind.PROVINCE,
            name=name,
            code=code,
            parent=root,
            official_name=f"Đảng bộ {prefix.lower()} {name}".replace("thành phố TP. ", "Thành phố "),
        )
    by_name["Huế"] = services.rename_unit(
        actor=actor, unit=by_name["Thừa Thiên Huế"], new_name="Huế", date=HUE_RENAME_DATE
    )
    services.update_unit(actor=actor, unit=by_name["Huế"], official_name="Đảng bộ thành phố Huế")
    for name, absorbed in MERGES_2025:
        plan = services.plan_merge(
            absorbed=[by_name[a] for a in absorbed],
            successor=by_name[name],
            date=REFORM_DATE,
            legal_basis=RESOLUTION,
        )
        services.merge_units(actor=actor, plan=plan)
    return root, True
