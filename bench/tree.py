"""Benchmark: organization-tree queries on a national synthetic tree, on PostgreSQL.

The tree: the centre; 63 provinces until 30/06/2025 and 34 from 01/07/2025 (the real reference
data); about 700 districts with about 10,000 communes until 30/06/2025; 3,321 communes from
01/07/2025, each the merger of about three old ones (lineage). Prints timings; asserts nothing.

    make bench                       # PostgreSQL on 127.0.0.1:5432 (or DATABASE_URL's server)
    .venv/bin/python bench/tree.py --sqlite

The benchmark builds its own database (`tuyengiao_bench`) and leaves the others alone.
"""

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

BEFORE = dt.date(2024, 12, 31)
AFTER = dt.date(2025, 7, 1)
REFORM = AFTER
DISTRICTS = 700
OLD_COMMUNES = 10_000
NEW_COMMUNES = 3_321


def prepare_database(use_sqlite: bool) -> str:
    if use_sqlite:
        path = Path(os.environ.get("TUYENGIAO_HOME", ".")) / "var" / "bench.sqlite3"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)
        return f"sqlite:///{path}"
    import psycopg

    base = urlparse(os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"))
    admin_url = urlunparse(base._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS tuyengiao_bench")
        conn.execute("CREATE DATABASE tuyengiao_bench")
    return urlunparse(base._replace(path="/tuyengiao_bench"))


def build_tree():
    from tuyengiao.core.dates import FOREVER
    from tuyengiao.orgs.models import LineageEvent, LineageLink, OrgUnit, UnitKind, UnitLink
    from tuyengiao.orgs.reference import REFORM_DATE, load_provinces

    rng = random.Random(2025)
    load_provinces()
    last = REFORM_DATE - dt.timedelta(days=1)
    old_provinces = list(OrgUnit.objects.filter(kind=UnitKind.PROVINCE).valid_on(last))
    new_provinces = list(OrgUnit.objects.filter(kind=UnitKind.PROVINCE).valid_on(REFORM_DATE))

    districts = OrgUnit.objects.bulk_create(
        OrgUnit(
            kind=UnitKind.DISTRICT,
            name=f"Huyện {i}",
            name_folded=f"huyen {i}",
            code=f"H{i:04d}",
            valid_to=last,
        )
        for i in range(DISTRICTS)
    )
    UnitLink.objects.bulk_create(
        UnitLink(child=d, parent=old_provinces[i % len(old_provinces)], valid_to=last)
        for i, d in enumerate(districts)
    )
    old = OrgUnit.objects.bulk_create(
        (
            OrgUnit(
                kind=UnitKind.COMMUNE,
                name=f"Xã cũ {i}",
                name_folded=f"xa cu {i}",
                code=f"X{i:05d}",
                valid_to=last,
            )
            for i in range(OLD_COMMUNES)
        ),
        batch_size=2000,
    )
    UnitLink.objects.bulk_create(
        (UnitLink(child=c, parent=districts[i % DISTRICTS], valid_to=last) for i, c in enumerate(old)),
        batch_size=2000,
    )
    # New communes: each takes the old communes of one old province's share, under that province's successor.
    successor_of = {}
    for province in old_provinces:
        successor_of[province.pk] = province if province.valid_to == FOREVER else None
    for event in LineageEvent.objects.prefetch_related("links"):
        target = next(link.unit for link in event.links.all() if link.role == "to")
        for link in event.links.all():
            if link.role == "from":
                successor_of[link.unit_id] = target
    new = OrgUnit.objects.bulk_create(
        (
            OrgUnit(
                kind=UnitKind.COMMUNE,
                name=f"Xã mới {i}",
                name_folded=f"xa moi {i}",
                code=f"N{i:05d}",
                valid_from=REFORM_DATE,
            )
            for i in range(NEW_COMMUNES)
        ),
        batch_size=2000,
    )
    UnitLink.objects.bulk_create(
        (
            UnitLink(child=c, parent=new_provinces[i % len(new_provinces)], valid_from=REFORM_DATE)
            for i, c in enumerate(new)
        ),
        batch_size=2000,
    )
    events = LineageEvent.objects.bulk_create(LineageEvent(kind="merge", date=REFORM_DATE) for _ in new)
    shuffled = old[:]
    rng.shuffle(shuffled)
    links = []
    for i, event in enumerate(events):
        links.append(LineageLink(event=event, unit=new[i], role="to"))
        for commune in shuffled[i * 3 : i * 3 + 3]:
            links.append(LineageLink(event=event, unit=commune, role="from"))
    LineageLink.objects.bulk_create(links, batch_size=5000)
    from tuyengiao.orgs import scope

    start = time.perf_counter()
    rows = scope.rebuild()  # bulk_create bypasses the services that keep the closure up to date
    print(f"responsibility closure rebuilt in {(time.perf_counter() - start) * 1000:.0f} ms: {rows:,} rows")
    return {
        "units": OrgUnit.objects.count(),
        "links": UnitLink.objects.count(),
        "lineage events": LineageEvent.objects.count(),
        "provinces before": len(old_provinces),
        "provinces after": len(new_provinces),
    }


def measure(label, fn, repeat=30):
    fn()  # warm the caches and the plan
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    p95 = samples[int(len(samples) * 0.95) - 1]
    size = len(result) if hasattr(result, "__len__") else result
    print(f"  {label:<52} median {statistics.median(samples):7.2f} ms   p95 {p95:7.2f} ms   ({size} rows)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sqlite", action="store_true", help="run on SQLite instead of PostgreSQL")
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = prepare_database(args.sqlite)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tuyengiao.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    sizes = build_tree()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(
        f"database: {connection.vendor}; built in {time.perf_counter() - start:.1f} s: "
        + ", ".join(f"{k} {v:,}".replace(",", ".") for k, v in sizes.items())
    )

    from tuyengiao.orgs import queries
    from tuyengiao.orgs.models import OrgUnit, UnitKind

    centre = OrgUnit.objects.get(kind=UnitKind.CENTRE)
    thai_nguyen = OrgUnit.objects.get(name="Thái Nguyên")
    old_commune = OrgUnit.objects.get(code="X00042")
    new_commune = OrgUnit.objects.get(code="N00042")
    for day in (BEFORE, AFTER):
        print(f"as of {day:%d/%m/%Y}:")
        measure(
            "subtree of a province (Thái Nguyên)", lambda day=day: queries.subtree_ids(thai_nguyen.pk, day)
        )
        measure("subtree of the whole country", lambda day=day: queries.subtree_ids(centre.pk, day))
        measure("children of the centre", lambda day=day: list(queries.children(centre, day)))
        commune = old_commune if day == BEFORE else new_commune
        measure("ancestors of a commune", lambda day=day, c=commune: queries.ancestor_ids(c.pk, day))
    print("history and lineage:")
    measure("predecessors of a new commune", lambda: queries.predecessor_ids(new_commune.pk))
    measure("responsibility of a province (all history)", lambda: queries.responsibility_ids(thai_nguyen.pk))
    measure(
        "visible units of a province user (count, SQL)",
        lambda: [OrgUnit.objects.filter(pk__in=queries.responsibility_subquery(thai_nguyen.pk)).count()],
    )
    measure("lineage of a province", lambda: queries.lineage(thai_nguyen))


if __name__ == "__main__":
    sys.exit(main())
