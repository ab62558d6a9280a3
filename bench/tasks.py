"""Benchmark: the task pages (nhiệm vụ) of a province with 100,000 tasks, on PostgreSQL.

The data: the centre and the 34 provinces (the real reference data, with the 2025 merges); about
100 communes under Thái Nguyên from 01/07/2025; 100,000 tasks under Thái Nguyên given over two
years: mostly cascades (the parent kept by the province, one child per commune, `children_count`
set on the parent, its progress and status rolled up by the parent rule), the rest single tasks
from the province to one commune, and a few from the centre to the province. Deadlines run from
eighteen months ago to six months ahead, so that about a quarter of the tasks are overdue;
statuses and progress follow the deadline (the older, the more likely done). Loaded in bulk, then
ANALYZE.

Times the pages as the server answers them (Django's test client in the process: middleware,
session, view, queries, template), warm once, median of N runs: `tasks:mine` as a commune officer
and as the province's specialist, `tasks:assigned` (units × status) and `tasks:overdue` as the
specialist (and as the commune officer, for comparison). Prints each page's query count and SQL time; when a page misses the target, the plan
(EXPLAIN ANALYZE) of its slowest query. Prints figures, asserts nothing timed; the last line
printed is one JSON object with them. Targets: each page ≤ 100 ms, ≤ 8 queries.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/tasks.py
    .venv/bin/python bench/tasks.py --scale small            # 10,000 tasks
    .venv/bin/python bench/tasks.py --explain                # the plans of every page's slowest query

The benchmark builds its own database (`tuyengiao_bench_tasks`) and leaves the others alone.
"""

import argparse
import datetime as dt
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

DB_NAME = "tuyengiao_bench_tasks"
TASKS = {"full": 100_000, "small": 10_000}
COMMUNES = 100
PROVINCE = "Thái Nguyên"  # merged with Bắc Kạn in 2025: its scope also holds a predecessor
CASCADE_SHARE = 0.80  # of the tasks: cascade parents and children
CENTRE_SHARE = 0.015  # of the tasks: single tasks from the centre to the province
PAST_DAYS, FUTURE_DAYS = 540, 190  # deadlines: about eighteen months back, six months ahead
TARGET_MS = 100
MAX_QUERIES = 8  # the bound tests/tasks/test_views.py holds the pages to

TITLES = [
    "Tổ chức học tập, quán triệt Kết luận số {n}-KL/TW của Bộ Chính trị",
    "Tuyên truyền kỷ niệm {n} năm Ngày thành lập Đảng Cộng sản Việt Nam",
    "Báo cáo sơ kết công tác tuyên giáo {n} tháng",
    "Nắm bắt, tổng hợp tình hình tư tưởng của cán bộ, đảng viên và nhân dân (đợt {n})",
    "Triển khai Nghị quyết số {n}-NQ/TW về công tác tư tưởng, văn hóa",
    "Đấu tranh phản bác các quan điểm sai trái, thù địch trên không gian mạng (chuyên đề {n})",
    "Rà soát, cập nhật tài liệu sinh hoạt chi bộ tháng {n}",
    "Tổ chức hội nghị báo cáo viên định kỳ quý {n}",
    "Tuyên truyền Đại hội Đảng bộ các cấp nhiệm kỳ 2025-2030 (đợt {n})",
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh: chuyên đề năm, mục {n}",
]


SENTENCES = [
    "Các cấp ủy, tổ chức đảng quán triệt đầy đủ nội dung, yêu cầu của văn bản đến từng chi bộ, đảng viên.",
    "Bám sát tình hình thực tiễn địa phương, xây dựng kế hoạch cụ thể, phân công rõ người, rõ việc, rõ thời hạn.",
    "Đa dạng hóa hình thức tuyên truyền trên hệ thống truyền thanh cơ sở, trang thông tin điện tử và mạng xã hội.",
    "Kịp thời nắm bắt, phản ánh tình hình tư tưởng, dư luận xã hội; đề xuất biện pháp xử lý các vấn đề phát sinh.",
    "Định kỳ báo cáo kết quả thực hiện về Ban Tuyên giáo và Dân vận Tỉnh ủy trước ngày 20 hằng tháng.",
    "Gắn việc thực hiện với phong trào thi đua yêu nước và việc đánh giá, xếp loại tổ chức đảng cuối năm.",
]


def prepare_database(use_sqlite: bool) -> str:
    if use_sqlite:
        path = Path(os.environ.get("TUYENGIAO_HOME", ".")) / "var" / "bench_tasks.sqlite3"
        path.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{path}"
    import psycopg

    base = urlparse(os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"))
    admin_url = urlunparse(base._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DB_NAME}")
        conn.execute(f"CREATE DATABASE {DB_NAME}")
    return urlunparse(base._replace(path=f"/{DB_NAME}"))


def step(label, start):
    print(f"  {label:<62} {time.perf_counter() - start:6.1f} s", flush=True)
    return time.perf_counter()


class Draw:
    """Statuses, progress and dates of a task that carries work, from its deadline."""

    def __init__(self, rng: random.Random, today: dt.date):
        self.rng, self.today = rng, today

    def deadline(self) -> dt.date:
        return self.today + dt.timedelta(days=self.rng.randint(-PAST_DAYS, FUTURE_DAYS))

    def given_on(self, deadline: dt.date) -> dt.date:
        return deadline - dt.timedelta(days=self.rng.randint(14, 180))

    def work(self, given_on: dt.date, deadline: dt.date) -> dict:
        """status, progress, completed_on: past deadlines mostly done, a third of them still open."""
        r = self.rng.random()
        if deadline < self.today:
            status = "done" if r < 0.62 else "cancelled" if r < 0.68 else "in_progress" if r < 0.88 else "new"
        else:
            status = "new" if r < 0.45 else "in_progress" if r < 0.85 else "done" if r < 0.97 else "cancelled"
        progress, completed_on = 0, None
        if status == "in_progress":
            progress = self.rng.randrange(5, 100, 5)
        elif status == "done":
            progress = 100
            latest = min(deadline + dt.timedelta(days=30), self.today)
            completed_on = given_on + dt.timedelta(days=self.rng.randint(0, max(0, (latest - given_on).days)))
        elif status == "cancelled":
            progress = self.rng.randrange(0, 60, 10)
        return {"status": status, "progress": progress, "completed_on": completed_on}


def roll_up(children: list[dict]) -> dict:
    """The parent rule (tasks.services.roll_up) over drawn children."""
    live = [c for c in children if c["status"] != "cancelled"]
    if not live:  # every child cancelled: the province cancelled the cascade (services.cancel)
        return {"status": "cancelled", "progress": 0, "completed_on": None}
    if all(c["status"] == "done" for c in live):
        return {"status": "done", "progress": 100, "completed_on": max(c["completed_on"] for c in live)}
    progress = round(sum(c["progress"] for c in live) / len(live))
    started = any(c["status"] != "new" for c in live)
    return {
        "status": "in_progress" if started or progress else "new",
        "progress": progress,
        "completed_on": None,
    }


def build(n_tasks: int, today: dt.date) -> dict:
    """The tree (services for the reference data, bulk for the communes), two users, the tasks in bulk."""
    from django.db import connection

    from tuyengiao.accounts.models import Role, User
    from tuyengiao.core.text import fold
    from tuyengiao.orgs import scope
    from tuyengiao.orgs.models import OrgUnit, UnitKind, UnitLink
    from tuyengiao.orgs.reference import REFORM_DATE, load_provinces
    from tuyengiao.tasks.models import Task, TaskSource

    rng = random.Random(2026)
    draw = Draw(rng, today)
    # Descriptions as conclusion items and documents have them: a few sentences, a few hundred characters.
    descriptions = [" ".join(rng.sample(SENTENCES, rng.randint(1, 5))) for _ in range(64)]
    start = time.perf_counter()
    centre, _ = load_provinces()
    province = OrgUnit.objects.filter(kind=UnitKind.PROVINCE, name=PROVINCE).valid_on(REFORM_DATE).get()
    communes = OrgUnit.objects.bulk_create(
        OrgUnit(
            kind=UnitKind.COMMUNE,
            name=f"Xã {i:03d}",
            name_folded=fold(f"Xã {i:03d}"),
            code=f"TN.X{i:03d}",
            valid_from=REFORM_DATE,
        )
        for i in range(1, COMMUNES + 1)
    )
    UnitLink.objects.bulk_create(UnitLink(child=c, parent=province, valid_from=REFORM_DATE) for c in communes)
    scope.rebuild()  # bulk_create bypasses the services that keep the closure up to date
    specialist = User.objects.create(
        username="cv.tinh", unit=province, roles=[Role.SPECIALIST], first_name="Chuyên viên tỉnh"
    )
    officer = User.objects.create(
        username="cb.xa", unit=communes[0], roles=[Role.UNIT_OFFICER], first_name="Cán bộ xã"
    )
    start = step(f"tree: centre, 34 provinces, {COMMUNES} communes under {PROVINCE}; 2 users", start)

    def common(assigner, number: int) -> dict:
        deadline = draw.deadline()
        return {
            "title": rng.choice(TITLES).format(n=number),
            "description": rng.choice(descriptions),
            "source": rng.choice(TaskSource.values),
            "assigner": assigner,
            "deadline": deadline,
            "given_on": draw.given_on(deadline),
        }

    # Cascades: drawn first (children's work), so that each parent carries its children's roll-up.
    cascade_budget = int(n_tasks * CASCADE_SHARE)
    n_centre = int(n_tasks * CENTRE_SHARE)
    cascades = []  # (parent fields, [(commune, child work)])
    used = 0
    while used < cascade_budget:
        size = COMMUNES if rng.random() < 0.4 else rng.randint(3, 60)
        size = min(size, cascade_budget - used - 1)
        if size < 2:
            break
        fields = common(province, len(cascades) + 1)
        children = [
            (c, draw.work(fields["given_on"], fields["deadline"])) for c in rng.sample(communes, size)
        ]
        cascades.append((fields, children))
        used += size + 1
    parents = Task.objects.bulk_create(
        (
            Task(
                assignee=province,
                children_count=len(children),
                **fields,
                **roll_up([work for _, work in children]),
            )
            for fields, children in cascades
        ),
        batch_size=2000,
    )
    start = step(f"{len(parents):,} cascade parents", start)
    Task.objects.bulk_create(
        (
            Task(parent=parent, assignee=commune, **fields, **work)
            for parent, (fields, children) in zip(parents, cascades, strict=True)
            for commune, work in children
        ),
        batch_size=5000,
    )
    start = step(f"{used - len(parents):,} cascade children", start)
    singles = []
    for i in range(n_tasks - used):
        from_centre = i < n_centre
        fields = common(centre if from_centre else province, i + 1)
        singles.append(
            Task(
                assignee=province if from_centre else rng.choice(communes),
                **fields,
                **draw.work(fields["given_on"], fields["deadline"]),
            )
        )
    Task.objects.bulk_create(singles, batch_size=5000)
    start = step(f"{len(singles):,} single tasks ({n_centre:,} from the centre to the province)", start)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    step("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE", start)
    return {
        "province": province,
        "commune": communes[0],
        "specialist": specialist,
        "officer": officer,
        "cascades": len(parents),
        "singles": len(singles),
    }


def profile_request(client, url):
    """One GET: (response, server ms, [(ms, sql, params)] of every statement, query count)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings = []

    def wrapper(execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            timings.append(((time.perf_counter() - start) * 1000, sql, params))

    with CaptureQueriesContext(connection) as captured, connection.execute_wrapper(wrapper):
        start = time.perf_counter()
        response = client.get(url)
        elapsed = (time.perf_counter() - start) * 1000
    return response, elapsed, timings, len(captured.captured_queries)


def measure_page(label, client, url, repeat):
    """Warm once, then `repeat` GETs: median server time, median SQL time, query count, the slowest query."""
    response, *_ = profile_request(client, url)
    if response.status_code != 200:
        raise SystemExit(f"{label}: GET {url} answered {response.status_code}")
    samples, sql_samples, counts, slowest = [], [], set(), []
    for _ in range(repeat):
        response, elapsed, timings, count = profile_request(client, url)
        samples.append(elapsed)
        sql_samples.append(sum(ms for ms, _, _ in timings))
        counts.add(count)
        slowest.append(max(timings, key=lambda t: t[0]))
    median, sql = statistics.median(samples), statistics.median(sql_samples)
    slow_ms, slow_sql, slow_params = sorted(slowest, key=lambda t: t[0])[len(slowest) // 2]
    queries = max(counts)
    print(
        f"  {label:<40} median {median:7.2f} ms   min {min(samples):7.2f}   max {max(samples):7.2f}   "
        f"SQL {sql:6.2f} ms in {queries} queries (slowest {slow_ms:.2f} ms)   {len(response.content) // 1024} KB"
    )
    return {
        "ms": median,
        "min_ms": min(samples),
        "sql_ms": sql,
        "queries": queries,
        "slowest_ms": slow_ms,
        "slowest": (slow_sql, slow_params),
        "bytes": len(response.content),
    }


def explain(sql, params, lines=40) -> list[str]:
    """The plan of a statement as it ran (EXPLAIN ANALYZE on PostgreSQL, the query plan on SQLite)."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) {sql}", params)
            plan = [row[0] for row in cursor.fetchall()]
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            plan = [row[-1] for row in cursor.fetchall()]
    if len(plan) > lines:
        plan = plan[: lines - 2] + ["…", *plan[-2:]]
    return plan


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=sorted(TASKS), default="full", help="small: 10,000 tasks")
    parser.add_argument("--sqlite", action="store_true", help="run on SQLite instead of PostgreSQL")
    parser.add_argument("--repeat", type=int, default=20, help="timed runs per page (after one warm run)")
    parser.add_argument(
        "--explain", action="store_true", help="print every page's slowest plan, not only misses"
    )
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = prepare_database(args.sqlite)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tuyengiao.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone

    from tuyengiao.tasks.models import Task

    call_command("migrate", verbosity=0)
    n_tasks = TASKS[args.scale]
    today = timezone.localdate()
    print(f"building ({args.scale}: {n_tasks:,} tasks) on {connection.vendor}:", flush=True)
    start = time.perf_counter()
    built = build(n_tasks, today)
    build_s = time.perf_counter() - start

    province = built["province"]
    total = Task.objects.count()
    work = Task.objects.for_work()
    overdue = work.overdue(today).count()
    by_status = dict(work.values_list("status").annotate(n=Count("pk")).order_by("status"))
    commune_tasks = work.filter(assignee=built["commune"]).count()
    province_tasks = work.filter(assignee=province).count()
    print(
        f"built in {build_s:.1f} s: {total:,} tasks, {built['cascades']:,} cascades, {built['singles']:,} single; "
        f"carrying work {work.count():,}: "
        + ", ".join(f"{status} {n:,}" for status, n in by_status.items())
        + f"; overdue {overdue:,} ({overdue / work.count():.0%}); today {today:%d/%m/%Y}"
    )
    print(
        f"  {built['commune'].name} carries {commune_tasks:,} tasks, {province.name} {province_tasks:,} "
        f"(and keeps {built['cascades']:,} cascade parents)"
    )

    pages = [
        ("mine_commune", "tasks:mine as the commune officer", built["officer"], "tasks:mine"),
        ("mine_province", "tasks:mine as the province specialist", built["specialist"], "tasks:mine"),
        ("matrix", "tasks:assigned (units × status)", built["specialist"], "tasks:assigned"),
        ("overdue", "tasks:overdue as the province specialist", built["specialist"], "tasks:overdue"),
        ("overdue_commune", "tasks:overdue as the commune officer", built["officer"], "tasks:overdue"),
    ]
    print(
        f"GET as the server answers it (test client in the process), warm once, median of {args.repeat};"
        " SQL: the statements' time, execution and transfer (on SQLite, up to the first row):"
    )
    results = {}
    for key, label, user, name in pages:
        client = Client(SERVER_NAME="127.0.0.1")
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        results[key] = measure_page(label, client, reverse(name), args.repeat)

    met = {key: r["ms"] <= TARGET_MS and r["queries"] <= MAX_QUERIES for key, r in results.items()}
    for key, label, _user, _name in pages:
        r = results[key]
        if not met[key]:
            outside = r["ms"] - r["sql_ms"]
            print(
                f"{label} MISSED: {r['ms']:.1f} ms, of which SQL {r['sql_ms']:.1f} ms in {r['queries']} queries"
                f" and {outside:.1f} ms outside the database (middleware, ORM objects, template)"
            )
        if args.explain or not met[key]:
            sql, params = r["slowest"]
            print(f"plan of the slowest query of {label} ({r['slowest_ms']:.2f} ms):")
            print("    " + sql[:600] + (" …" if len(sql) > 600 else ""))
            for line in explain(sql, params):
                print(f"    {line}")
    print(
        f"targets (full scale): each page ≤ {TARGET_MS} ms and ≤ {MAX_QUERIES} queries: "
        + ", ".join(f"{key} {'met' if ok else 'MISSED'}" for key, ok in met.items())
    )
    figures = {
        "scale": args.scale,
        "database": connection.vendor,
        "tasks": total,
        "cascades": built["cascades"],
        "single_tasks": built["singles"],
        "overdue_tasks": overdue,
        "commune_tasks": commune_tasks,
        "build_s": round(build_s, 1),
        "repeat": args.repeat,
        **{f"{key}_ms": round(r["ms"], 2) for key, r in results.items()},
        **{f"{key}_sql_ms": round(r["sql_ms"], 2) for key, r in results.items()},
        **{f"{key}_min_ms": round(r["min_ms"], 2) for key, r in results.items()},
        "queries": {key: r["queries"] for key, r in results.items()},
        "targets_met": met,
    }
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    sys.exit(main())
