"""Benchmark: many units submitting full reports at once, through a real server (gunicorn, PostgreSQL).

The data: the centre, one province and its communes (`--units`), each with a unit officer; one
published template of 150 integer indicators (one section, one rule); the province asks every
commune for a report each month, for as many months (`--months`) as the run may need, so that a
few hundred officers (each logged in once: argon2 makes logins slow on purpose) have enough reports
to send. Every officer logs in through the login page before the clock starts. Then, for
`--seconds`, `--concurrency` client threads each take the next unsent report and POST it whole
(150 values, the narrative, the version the entry page shows, a form token) to /bao-cao/<pk>/gui/,
as the "Gửi báo cáo" button does; a 302 back to the entry page is an acknowledgement. A share of
the reports (`--double`) is sent twice with the same version, like a double click, either right
after the first answer or both in flight at once (`--double-mode`): the second must not submit
again. Afterwards the database is checked: every acknowledged report stored (status submitted,
150 values with the numbers sent) and exactly one "submitted" event for each. The server runs as in
production with `TASKS_BACKEND=database`: each send queues its e-mail to the province specialist
in its own transaction; after the window one `tuyengiao db_worker --batch` runs the queue, and the
check counts one job and one e-mail per acknowledged report.

Prints throughput, latency percentiles, answers by status (with the first body of each refusal),
where the CPU went (server, PostgreSQL, client, the rest of the machine), what the database
backends were waiting for, and an in-process profile of one send; asserts nothing. The last line
printed is one JSON object with the figures. Targets (2 cores): ≥ 100 submissions/s, p99 ≤ 500 ms,
nothing lost or doubled.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/submit_load.py
    .venv/bin/python bench/submit_load.py --seconds 60 --concurrency 32 --workers 5 --threads 1
    .venv/bin/python bench/submit_load.py --double-mode concurrent --double 0.2
    PYTHONPATH=/tmp/try .venv/bin/python bench/submit_load.py --wsgi my_wsgi   # a change, untouched tree

The benchmark builds its own database (`tuyengiao_bench_submit`) and leaves the others alone.
"""

import argparse
import datetime as dt
import http.client
import json
import math
import os
import random
import re
import resource
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlparse, urlunparse

DB_NAME = "tuyengiao_bench_submit"
INDICATORS = 150
SECTION = "I"
FIRST_YEAR = 2026
LOGIN_URL = "/tai-khoan/dang-nhap/"
TARGETS = {"submissions_per_s": 100, "p99_ms": 500}
PROFILED = 5  # reports kept back and sent in-process after the run, to count what one send costs
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
VERSION_FIELD = re.compile(r'name="version" id="version" value="(\d+)"')


# ---------------------------------------------------------------- the database and the data


def prepare_database() -> str:
    import psycopg

    base = urlparse(os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"))
    admin_url = urlunparse(base._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        # FORCE: a server left behind by an interrupted run may still hold connections to it.
        conn.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {DB_NAME}")
    return urlunparse(base._replace(path=f"/{DB_NAME}"))


def step(label, start):
    print(f"  {label:<58} {time.perf_counter() - start:6.1f} s", flush=True)
    return time.perf_counter()


def value_of(unit_index: int, month_index: int, indicator: int) -> int:
    """What commune `unit_index` reports for an indicator: 10…39, so no month is 5× the one before
    (the outlier warning would stop the send) and the rule C001 + C002 ≥ 20 always holds."""
    return 10 + (unit_index * 7 + month_index * 3 + indicator) % 30


@dataclass
class Job:
    """One report to send: its submission, its unit's officer, the version the entry page shows."""

    pk: int
    username: str
    unit_index: int
    month_index: int
    version: int


def build(n_units: int, n_months: int, password: str) -> tuple[list[Job], list[str]]:
    """Bulk ORM, not the services: the tree, the template, the assignments, the reports, the users."""
    from django.contrib.auth.hashers import make_password

    from tuyengiao.accounts.models import Role, User
    from tuyengiao.core.text import fold
    from tuyengiao.orgs import scope
    from tuyengiao.orgs.models import OrgUnit, UnitKind, UnitLink
    from tuyengiao.reporting.models import (
        Assignment,
        Indicator,
        ReportTemplate,
        Rule,
        RuleSeverity,
        Section,
        Submission,
        SubmissionAncestor,
        TemplateStatus,
        TimeAggregation,
        UnitAggregation,
    )
    from tuyengiao.reporting.periods import month

    start = time.perf_counter()
    centre = OrgUnit.objects.create(
        kind=UnitKind.CENTRE, name="Trung ương", code="TW", official_name="Ban Chấp hành Trung ương"
    )
    province = OrgUnit.objects.create(kind=UnitKind.PROVINCE, name="Tỉnh Thử", code="BENCH")
    communes = OrgUnit.objects.bulk_create(
        OrgUnit(
            kind=UnitKind.COMMUNE,
            name=f"Xã Thử {i:04d}",
            name_folded=fold(f"Xã Thử {i:04d}"),
            code=f"BX{i:04d}",
        )
        for i in range(1, n_units + 1)
    )
    UnitLink.objects.bulk_create(
        [UnitLink(child=province, parent=centre), *(UnitLink(child=c, parent=province) for c in communes)]
    )
    scope.rebuild()  # bulk_create bypasses the services that keep the closure up to date
    start = step(f"tree: centre, a province, {n_units:,} communes", start)

    template = ReportTemplate.objects.create(
        code="BENCH", name="Báo cáo tháng (benchmark)", owner=province, status=TemplateStatus.PUBLISHED
    )
    section = Section.objects.create(template=template, order=1, code=SECTION, title="Tình hình chung")
    Indicator.objects.bulk_create(
        Indicator(
            template=template,
            section=section,
            order=i,
            code=f"C{i:03d}",
            name=f"Chỉ tiêu {i}",
            min_value=0,
            required=i % 10 == 0,
            time_aggregation=TimeAggregation.LAST if i % 5 == 0 else TimeAggregation.SUM,
            unit_aggregation=UnitAggregation.AVG if i % 7 == 0 else UnitAggregation.SUM,
        )
        for i in range(1, INDICATORS + 1)
    )
    Rule.objects.create(
        template=template,
        expression="C001 + C002 >= 20",
        message="Tổng hai chỉ tiêu đầu quá nhỏ",
        severity=RuleSeverity.ERROR,
    )
    assignments = []
    for m in range(n_months):
        period = month(FIRST_YEAR + m // 12, m % 12 + 1)
        assignments.append(
            Assignment(
                template=template,
                assigner=province,
                period_key=period.key,
                period_label=period.label,
                period_kind=period.kind.value,
                period_start=period.start,
                period_end=period.end,
                deadline=period.end + dt.timedelta(days=5),
            )
        )
    Assignment.objects.bulk_create(assignments)
    start = step(f"template ({INDICATORS} indicators, 1 rule), {n_months} monthly assignments", start)

    submissions = Submission.objects.bulk_create(
        (Submission(assignment=a, unit=c) for a in assignments for c in communes), batch_size=5000
    )
    SubmissionAncestor.objects.bulk_create(
        (
            SubmissionAncestor(submission=s, ancestor_id=a)
            for s in submissions
            for a in (s.unit_id, province.pk, centre.pk)
        ),
        batch_size=10_000,
    )
    start = step(f"{len(submissions):,} draft reports with their ancestor paths", start)

    hashed = make_password(password)  # once: argon2 takes a quarter of a second a hash
    usernames = [f"bench{i:04d}" for i in range(1, n_units + 1)]
    User.objects.bulk_create(
        User(
            username=name,
            password=hashed,
            unit=commune,
            roles=[Role.UNIT_OFFICER],
            first_name=f"Cán bộ {i + 1}",
        )
        for i, (name, commune) in enumerate(zip(usernames, communes, strict=True))
    )
    # The province specialist who is told of every report sent: one e-mail a submission.
    User.objects.create(
        username="bench_chuyenvien",
        password=hashed,
        unit=province,
        roles=[Role.SPECIALIST],
        email="chuyenvien@tinh.bench",
    )
    step(f"{n_units:,} unit officers (one password hash shared), a province specialist", start)

    unit_index = {c.pk: i for i, c in enumerate(communes)}
    month_index = {a.pk: m for m, a in enumerate(assignments)}
    # Month by month, so that the reports in flight at once belong to different units.
    jobs = [
        Job(
            s.pk,
            usernames[unit_index[s.unit_id]],
            unit_index[s.unit_id],
            month_index[s.assignment_id],
            s.version,
        )
        for s in sorted(submissions, key=lambda s: (month_index[s.assignment_id], unit_index[s.unit_id]))
    ]
    return jobs, usernames


# ---------------------------------------------------------------- the server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(database_url: str, port: int, args, log):
    env = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "DJANGO_SETTINGS_MODULE")}
    env.update(
        DATABASE_URL=database_url,
        ALLOWED_HOSTS="127.0.0.1",
        SECRET_KEY=secrets.token_urlsafe(50),
        TUYENGIAO_HOME=os.environ.get("TUYENGIAO_HOME", str(Path(__file__).resolve().parents[1])),
        AXES_FAILURE_LIMIT="1000000",
        **mail_env(args),
    )
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        args.wsgi,
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(args.workers),
        "--threads",
        str(args.threads),
        "--timeout",
        "60",
    ]
    server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {server.returncode}: see {log.name}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", LOGIN_URL)
            status = conn.getresponse().status
            conn.close()
            if status == 200:
                return server
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer within 60 s: see {log.name}")


def mail_env(args) -> dict:
    """Production's set-up: e-mails are jobs queued in the sending transaction, run by a worker;
    here they are written to files, to be counted."""
    return {
        "TASKS_BACKEND": "database",
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": args.mail_dir,
    }


def drain_mail_queue(database_url: str, args) -> dict:
    """After the window: the jobs queued (one per acknowledged report, none twice), then one
    `tuyengiao db_worker --batch` runs them all; its time and the e-mails it wrote."""
    from django_tasks_db.models import DBTaskResult

    queued = DBTaskResult.objects.count()
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(DATABASE_URL=database_url, **mail_env(args))
    command = [str(Path(sys.executable).parent / "tuyengiao"), "db_worker", "--batch", "--no-startup-delay"]
    start = time.perf_counter()
    subprocess.run([*command, "--no-reload"], env=env, check=True, capture_output=True)  # noqa: S603
    seconds = time.perf_counter() - start
    mails = sum(path.read_text().count("\nSubject: ") for path in Path(args.mail_dir).glob("*.log"))
    return {
        "queued": queued,
        "args_distinct": DBTaskResult.objects.values("args_kwargs").distinct().count(),
        "failed": DBTaskResult.objects.exclude(status="SUCCESSFUL").count(),
        "sent": mails,
        "drain_s": round(seconds, 1),
    }


def stop_server(server) -> None:
    if server.poll() is None:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


# ---------------------------------------------------------------- the clients


class Session:
    """One officer's browser: its cookies (the messages cookie is dropped: nobody reads the page)."""

    def __init__(self, username: str):
        self.username = username
        self.cookies: dict[str, str] = {}

    def header(self) -> str:
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items())

    def keep(self, response) -> None:
        for raw in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(raw).items():
                if name != "messages":
                    self.cookies[name] = morsel.value

    @property
    def csrf(self) -> str:
        return self.cookies.get("csrftoken", "")


def request(conn, method: str, path: str, session: Session, body: str | None = None):
    """Send one request and read the answer: (status, Location, body)."""
    headers = {"Cookie": session.header()}
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    conn.request(method, path, body=body, headers=headers)
    return read_response(conn, session)


def read_response(conn, session: Session):
    response = conn.getresponse()
    content = response.read()
    session.keep(response)
    return response.status, response.getheader("Location", ""), content


def connect(port: int):
    return http.client.HTTPConnection("127.0.0.1", port, timeout=60)


def log_in(port: int, usernames: list[str], password: str, concurrency: int) -> dict[str, Session]:
    """Through the login page, as a browser: GET for the CSRF cookie and token, POST the credentials."""
    sessions: dict[str, Session] = {}
    failures: list[str] = []
    pending = iter(usernames)
    lock = threading.Lock()

    def worker():
        conn = connect(port)
        while True:
            with lock:
                username = next(pending, None)
            if username is None:
                break
            session = Session(username)
            try:
                status, _, content = request(conn, "GET", LOGIN_URL, session)
                token = CSRF_FIELD.search(content.decode())
                form = {"username": username, "password": password, "next": ""}
                form["csrfmiddlewaretoken"] = token.group(1) if token else ""
                status, _, content = request(conn, "POST", LOGIN_URL, session, urlencode(form))
            except (OSError, http.client.HTTPException) as error:
                conn.close()
                conn = connect(port)
                status, content = type(error).__name__, b""
            with lock:
                if status == 302 and "sessionid" in session.cookies:
                    sessions[username] = session
                else:
                    failures.append(f"{username}: {status} {gist(content)}")
        conn.close()

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for failure in failures[:3]:
        print(f"  login refused: {failure}")
    return sessions


def report_body(job: Job, session: Session) -> str:
    form = {"csrfmiddlewaretoken": session.csrf, "version": str(job.version), "form_token": str(uuid.uuid4())}
    for i in range(1, INDICATORS + 1):
        form[f"v-C{i:03d}"] = str(value_of(job.unit_index, job.month_index, i))
    form[f"n-{SECTION}"] = f"Tình hình tư tưởng ổn định (xã {job.unit_index + 1}, kỳ {job.month_index + 1})."
    return urlencode(form)


def gist(content: bytes, limit: int = 300) -> str:
    """The readable part of a page: the text of <main> (messages, field errors), briefly."""
    text = content.decode(errors="replace")
    main = text.find("<main")
    text = text[main:] if main >= 0 else text
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", text, flags=re.S)
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text)).strip()
    return text[:limit]


@dataclass
class Outcome:
    latencies_ms: list[float] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    acknowledged: set[int] = field(default_factory=set)
    attempted: set[int] = field(default_factory=set)
    doubles: int = 0
    second_statuses: Counter = field(default_factory=Counter)
    samples: dict[str, str] = field(default_factory=dict)  # the first body of each failing status
    exhausted: bool = False


def run_load(port, jobs, sessions, args) -> tuple[Outcome, float]:
    """`args.concurrency` threads sending reports until the time is up; returns what they saw and the wall time."""
    outcome = Outcome()
    lock = threading.Lock()
    pending = iter(jobs)
    rng = random.Random(2026)
    doubled = {job.pk for job in jobs if rng.random() < args.double}
    ready = threading.Barrier(args.concurrency + 1)
    clock = {}

    def acknowledged(job, status, location) -> bool:
        return status == 302 and location.rstrip("/").endswith(f"/bao-cao/{job.pk}")

    def record(key, status, content):
        if key not in outcome.samples:
            outcome.samples[key] = f"{status}: {gist(content)}"

    def worker():
        conn = connect(port)
        second = connect(port) if args.double_mode == "concurrent" else None
        ready.wait()
        while time.perf_counter() < clock["deadline"]:
            with lock:
                job = next(pending, None)
                if job is None:
                    outcome.exhausted = True
                    break
                outcome.attempted.add(job.pk)
            session = sessions[job.username]
            body = report_body(job, session)
            path = f"/bao-cao/{job.pk}/gui/"
            headers = {"Cookie": session.header(), "Content-Type": "application/x-www-form-urlencoded"}
            if args.connection == "close":  # http.client opens a new connection for the next request
                headers["Connection"] = "close"
            twice = job.pk in doubled
            start = time.perf_counter()
            try:
                conn.request("POST", path, body=body, headers=headers)
                if twice and second is not None:  # the double click: both in flight at once
                    second.request("POST", path, body=body, headers=headers)
                status, location, content = read_response(conn, session)
                elapsed = (time.perf_counter() - start) * 1000
                again = None
                if twice:
                    if second is not None:
                        again = read_response(second, session)
                    else:  # the same click again, right after the answer
                        conn.request("POST", path, body=body, headers=headers)
                        again = read_response(conn, session)
            except (OSError, http.client.HTTPException) as error:
                with lock:
                    outcome.statuses[type(error).__name__] += 1
                conn.close()
                conn = connect(port)
                if second is not None:
                    second.close()
                    second = connect(port)
                continue
            with lock:
                outcome.latencies_ms.append(elapsed)
                ok = acknowledged(job, status, location)
                outcome.statuses["302 acknowledged" if ok else status] += 1
                if not ok:
                    record(str(status), status, content)
                if again is not None:
                    outcome.doubles += 1
                    ok_again = acknowledged(job, again[0], again[1])
                    outcome.second_statuses["302 acknowledged" if ok_again else again[0]] += 1
                    if not ok_again:
                        record(f"second {again[0]}", again[0], again[2])
                    ok = ok or ok_again
                if ok:
                    outcome.acknowledged.add(job.pk)
        conn.close()
        if second is not None:
            second.close()
        with lock:
            clock["end"] = max(clock.get("end", 0.0), time.perf_counter())

    threads = [threading.Thread(target=worker) for _ in range(args.concurrency)]
    for t in threads:
        t.start()
    clock["start"] = time.perf_counter()
    clock["deadline"] = clock["start"] + args.seconds
    ready.wait()
    for t in threads:
        t.join()
    return outcome, clock["end"] - clock["start"]


def check_entry_page(port, job: Job, session: Session, repeat: int = 10) -> float:
    """The entry page the button sits on: its version and its 150 fields, as the POSTs assume; median ms."""
    conn = connect(port)
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        status, _, content = request(conn, "GET", f"/bao-cao/{job.pk}/", session)
        samples.append((time.perf_counter() - start) * 1000)
    conn.close()
    page = content.decode()
    version = VERSION_FIELD.search(page)
    fields = set(re.findall(r'name="v-(C\d{3})"', page))
    if status != 200 or version is None or int(version.group(1)) != job.version or len(fields) != INDICATORS:
        raise RuntimeError(
            f"the entry page is not what the benchmark expects: status {status}, "
            f"version {version and version.group(1)} (expected {job.version}), {len(fields)} fields; "
            + gist(content)
        )
    return statistics.median(samples)


# ---------------------------------------------------------------- where the time went


def cpu_seconds(pids) -> float:
    """utime + stime of processes (threads included), in seconds; vanished processes count 0."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError):
            continue
        total += int(fields[11]) + int(fields[12])
    return total / ticks


def processes(*, parent: int | None = None, name: str | None = None) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            comm, rest = (entry / "stat").read_text().split("(", 1)[1].rsplit(")", 1)
        except (FileNotFoundError, ProcessLookupError, IndexError, ValueError):
            continue
        ppid = int(rest.split()[1])
        if (parent is not None and ppid == parent) or (name is not None and comm == name):
            found.append(int(entry.name))
    return found


def machine_busy() -> tuple[float, float]:
    """(busy, total) jiffies of all CPUs, from /proc/stat."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]
    return sum(values) - idle, sum(values)


def bench_backends() -> list[int]:
    """The PostgreSQL backends serving the bench database (not the other databases of the server)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")
        return [pid for (pid,) in cursor.fetchall()]


def cpu_snapshot(server, backends: list[int]) -> dict:
    workers = processes(parent=server.pid)
    return {
        "server": cpu_seconds([server.pid, *workers]),
        "workers": {pid: cpu_seconds([pid]) for pid in workers},
        "postgres": {pid: cpu_seconds([pid]) for pid in backends},
        "client": sum(resource.getrusage(resource.RUSAGE_SELF)[:2]),
        "machine": machine_busy(),
    }


def cpu_used(before: dict, after: dict) -> dict:
    """CPU seconds over the window: the server, the bench database's backends, this process, the rest."""
    used = {
        "server": after["server"] - before["server"],
        "postgres": sum(cpu - before["postgres"].get(pid, 0.0) for pid, cpu in after["postgres"].items()),
        "client": after["client"] - before["client"],
    }
    ticks = os.sysconf("SC_CLK_TCK")
    busy = (after["machine"][0] - before["machine"][0]) / ticks
    used["other processes"] = max(0.0, busy - sum(used.values()))
    return used


class WaitSampler(threading.Thread):
    """What the bench database's backends are doing, sampled every 50 ms: on CPU, waiting (for what),
    idle in a transaction (the application computing while it holds the transaction), idle."""

    def __init__(self, database_url: str):
        super().__init__(daemon=True)
        self.database_url = database_url
        self.counts: Counter = Counter()
        self.stop = threading.Event()

    def run(self):
        import psycopg

        with psycopg.connect(self.database_url, autocommit=True) as conn:
            while not self.stop.wait(0.05):
                rows = conn.execute(
                    "SELECT state, wait_event_type, wait_event FROM pg_stat_activity"
                    " WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
                ).fetchall()
                for state, kind, event in rows:
                    if state == "active":
                        self.counts[f"active: {kind}:{event}" if kind else "active: on CPU"] += 1
                    else:
                        self.counts[state or "?"] += 1

    def summary(self) -> str:
        total = sum(self.counts.values()) or 1
        return ", ".join(f"{k} {100 * n / total:.0f} %" for k, n in self.counts.most_common(8))


def pg_stats() -> dict:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT xact_commit, xact_rollback, tup_inserted, tup_updated, tup_deleted, deadlocks"
            " FROM pg_stat_database WHERE datname = current_database()"
        )
        row = cursor.fetchone()
    return dict(
        zip(("commits", "rollbacks", "inserted", "updated", "deleted", "deadlocks"), row, strict=True)
    )


def profile_sends(jobs: list[Job]) -> tuple[dict, str]:
    """A few sends in-process (Django's test client, the body urlencoded as a browser sends it), after one
    warm-up page: the median time, and for the last one its SQL statements and the model instances built."""
    from django.db import connection
    from django.db.models.signals import pre_init
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from tuyengiao.accounts.models import User

    instances = Counter()

    def count(sender, **kwargs):
        instances[sender.__name__] += 1

    client = Client(HTTP_HOST="127.0.0.1")
    samples, statuses = [], Counter()
    for n, job in enumerate(jobs):
        client.force_login(
            User.objects.get(username=job.username), backend="django.contrib.auth.backends.ModelBackend"
        )
        if n == 0:
            client.get(f"/bao-cao/{job.pk}/")  # the handler, the middleware, the caches
        form = {"version": str(job.version), "form_token": str(uuid.uuid4()), f"n-{SECTION}": "Ổn định."}
        form.update(
            {
                f"v-C{i:03d}": str(value_of(job.unit_index, job.month_index, i))
                for i in range(1, INDICATORS + 1)
            }
        )
        last = n == len(jobs) - 1
        if last:
            pre_init.connect(count)
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.post(
                f"/bao-cao/{job.pk}/gui/", urlencode(form), content_type="application/x-www-form-urlencoded"
            )
            samples.append((time.perf_counter() - start) * 1000)
        if last:
            pre_init.disconnect(count)
        statuses[response.status_code] += 1
    kinds = Counter(q["sql"].split(None, 1)[0].upper() for q in queries.captured_queries)
    sql_ms = sum(float(q["time"]) for q in queries.captured_queries) * 1000
    figures = {
        "ms": round(statistics.median(samples), 1),
        "sql_statements": len(queries),
        "sql_ms": round(sql_ms, 1),
        "model_instances": sum(instances.values()),
    }
    text = (
        f"{len(jobs)} sends in-process ({', '.join(f'{k}: {n}' for k, n in statuses.items())}): "
        f"median {figures['ms']:.0f} ms; the last one: {len(queries)} SQL statements "
        f"({', '.join(f'{k} {n}' for k, n in kinds.most_common())}) taking {sql_ms:.0f} ms, "
        f"{figures['model_instances']:,} model instances built "
        f"({', '.join(f'{k} {n}' for k, n in instances.most_common())})"
    )
    return figures, text


# ---------------------------------------------------------------- the check


def check_database(jobs: list[Job], outcome: Outcome) -> dict:
    from django.db.models import Count, Q, Sum

    from tuyengiao.reporting.models import Submission, SubmissionEvent, SubmissionStatus

    stored = set(Submission.objects.filter(status=SubmissionStatus.SUBMITTED).values_list("pk", flat=True))
    events = Counter(
        SubmissionEvent.objects.filter(to_status=SubmissionStatus.SUBMITTED).values_list(
            "submission_id", flat=True
        )
    )
    by_pk = {job.pk: job for job in jobs}
    wrong = 0
    rows = (
        Submission.objects.filter(pk__in=stored)
        .annotate(n=Count("values", filter=Q(values__number__isnull=False)), total=Sum("values__number"))
        .values_list("pk", "n", "total")
    )
    for pk, n, total in rows:
        job = by_pk[pk]
        expected = sum(value_of(job.unit_index, job.month_index, i) for i in range(1, INDICATORS + 1))
        if n != INDICATORS or total != expected:
            wrong += 1
    return {
        "stored": len(stored),
        "lost": len(outcome.acknowledged - stored),
        "stored_unacknowledged": len(stored - outcome.acknowledged),
        "stored_not_attempted": len(stored - outcome.attempted),
        "duplicates": sum(1 for n in events.values() if n > 1),
        "events_without_status": len(set(events) - stored),
        "wrong_values": wrong,
    }


def percentile(samples: list[float], p: float) -> float:
    """Nearest rank."""
    if not samples:
        return float("nan")
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20, help="the timed window (default 20)")
    parser.add_argument("--concurrency", type=int, default=16, help="client threads sending at once (16)")
    parser.add_argument("--units", type=int, default=200, help="communes, one officer each (200)")
    parser.add_argument(
        "--months",
        type=int,
        default=None,
        help="monthly assignments (default: enough reports for 300 submissions/s over the window)",
    )
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (3)")
    parser.add_argument("--threads", type=int, default=2, help="threads per gunicorn worker (2)")
    parser.add_argument(
        "--connection",
        choices=["close", "keep-alive"],
        default="close",
        help="a new connection per request, as nginx's proxy_pass sends them by default (close), or one "
        "kept per client thread (keep-alive: gthread pins each to one worker)",
    )
    parser.add_argument(
        "--wsgi",
        default="tuyengiao.wsgi",
        help="the WSGI module gunicorn serves (tuyengiao.wsgi); another, on PYTHONPATH, to try a change",
    )
    parser.add_argument("--double", type=float, default=0.05, help="share of reports sent twice (0.05)")
    parser.add_argument(
        "--double-mode",
        choices=["sequential", "concurrent"],
        default="sequential",
        help="the second POST right after the first's answer, or both in flight at once",
    )
    args = parser.parse_args()
    args.mail_dir = tempfile.mkdtemp(prefix="bench_submit_mail_")
    months = args.months or max(1, math.ceil(300 * args.seconds / args.units))

    database_url = prepare_database()
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tuyengiao.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    print(f"building on {connection.vendor} ({DB_NAME}): {args.units} communes × {months} months", flush=True)
    password = secrets.token_urlsafe(12)
    start = time.perf_counter()
    jobs, usernames = build(args.units, months, password)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"built in {time.perf_counter() - start:.1f} s: {len(jobs):,} reports to send", flush=True)
    spares = [jobs.pop() for _ in range(PROFILED)]  # kept back for the in-process profile after the run
    connection.close()  # the server's connections only, while it runs

    port = free_port()
    log = tempfile.NamedTemporaryFile("w+", prefix="bench_submit_gunicorn_", suffix=".log", delete=False)  # noqa: SIM115
    print(
        f"gunicorn {args.wsgi} on 127.0.0.1:{port}: {args.workers} workers × {args.threads} threads "
        f"(log {log.name})"
    )
    server = start_server(database_url, port, args, log)
    try:
        start = time.perf_counter()
        sessions = log_in(port, usernames, password, min(args.concurrency, len(usernames)))
        login_s = time.perf_counter() - start
        print(
            f"logged in {len(sessions)}/{len(usernames)} officers through the login page in {login_s:.1f} s "
            f"({len(sessions) / login_s:.1f} logins/s: argon2)"
        )
        if not sessions:
            raise RuntimeError("no officer could log in: " + log.name)
        jobs = [job for job in jobs if job.username in sessions]
        entry_ms = check_entry_page(port, jobs[-1], sessions[jobs[-1].username])
        print(
            f"entry page (150 indicators) checked: version and fields as expected, median GET {entry_ms:.0f} ms"
        )

        stats_before, cpu_before = pg_stats(), cpu_snapshot(server, bench_backends())
        sampler = WaitSampler(database_url)
        sampler.start()
        print(
            f"sending for {args.seconds:g} s with {args.concurrency} clients "
            f"({args.double:.0%} sent twice, {args.double_mode}; connection: {args.connection})…",
            flush=True,
        )
        outcome, wall = run_load(port, jobs, sessions, args)
        sampler.stop.set()
        sampler.join()
        cpu_after = cpu_snapshot(server, bench_backends())
        stats_after = pg_stats()
    finally:
        stop_server(server)
    log.seek(0)
    server_log = log.read()
    log.close()

    checks = check_database(jobs, outcome)
    mail = drain_mail_queue(database_url, args)
    profile, profile_text = profile_sends(spares)

    acknowledged = len(outcome.acknowledged)
    rate = acknowledged / wall if wall else 0.0
    lat = outcome.latencies_ms
    p50, p95, p99 = (percentile(lat, p) for p in (50, 95, 99))
    sent = len(lat)
    print(
        f"timed window: {wall:.2f} s{' (every report sent before the time was up)' if outcome.exhausted else ''}"
    )
    print(f"  throughput: {rate:.1f} acknowledged submissions/s ({acknowledged:,} of {sent:,} sent)")
    if lat:
        print(
            f"  latency of a send: p50 {p50:.0f} ms, p95 {p95:.0f} ms, p99 {p99:.0f} ms, "
            f"max {max(lat):.0f} ms, mean {statistics.fmean(lat):.0f} ms"
        )
    print("  answers: " + ", ".join(f"{k}: {n:,}" for k, n in sorted(outcome.statuses.items(), key=str)))
    if outcome.doubles:
        print(
            f"  sent twice: {outcome.doubles}; the second answer: "
            + ", ".join(f"{k}: {n}" for k, n in sorted(outcome.second_statuses.items(), key=str))
        )
    for key, sample in outcome.samples.items():
        print(f"  first {key} body: {sample}")
    errors = [line for line in server_log.splitlines() if "Error" in line or "Traceback" in line]
    if errors:
        print(f"  server log ({log.name}): {len(errors)} error lines, e.g. {errors[0][:200]}")

    busy = cpu_after["machine"][0] - cpu_before["machine"][0]
    total = cpu_after["machine"][1] - cpu_before["machine"][1]
    n_cpu = os.cpu_count() or 1
    per = max(sent + outcome.doubles, 1)
    shares = cpu_used(cpu_before, cpu_after)
    print(
        f"CPU over the window ({n_cpu} cores, {100 * busy / total if total else 0:.0f} % busy), "
        "per POST sent (doubles included):"
    )
    for k, v in shares.items():
        print(
            f"  {k:<16} {v:6.1f} s  {100 * v / (wall * n_cpu):3.0f} % of the machine  {1000 * v / per:6.1f} ms"
        )
    workers = [cpu - cpu_before["workers"].get(pid, 0.0) for pid, cpu in sorted(cpu_after["workers"].items())]
    print(
        "  gunicorn workers (a worker's Python runs on one core at a time): "
        + ", ".join(f"{100 * w / wall:.0f} %" for w in workers)
        + " of a core"
    )
    print(f"  PostgreSQL backends of the bench database, sampled: {sampler.summary()}")
    delta = {k: stats_after[k] - stats_before[k] for k in stats_before}
    print(
        "PostgreSQL over the window (the bench database): "
        + ", ".join(f"{k} {v:,}" for k, v in delta.items())
        + f"; {delta['commits'] / per:.1f} transactions a request"
    )
    print(
        f"e-mails: {mail['queued']:,} jobs queued in the sending transactions ({mail['args_distinct']:,} distinct), "
        f"run after the window by one db_worker in {mail['drain_s']} s: {mail['sent']:,} e-mails written, "
        f"{mail['failed']} jobs not successful"
    )
    print(f"profile: {profile_text}")
    print(
        f"database check: acknowledged {acknowledged:,}, stored {checks['stored']:,}, lost {checks['lost']}, "
        f"stored but not acknowledged {checks['stored_unacknowledged']}, duplicates {checks['duplicates']}, "
        f"stored with wrong or missing values {checks['wrong_values']}"
    )
    met = {
        "submissions_per_s": rate >= TARGETS["submissions_per_s"],
        "p99_ms": bool(lat) and p99 <= TARGETS["p99_ms"],
        "nothing_lost_or_doubled": checks["lost"] == 0
        and checks["duplicates"] == 0
        and checks["stored"] == acknowledged
        and checks["wrong_values"] == 0
        and mail["queued"] == mail["args_distinct"] == mail["sent"] == acknowledged,
    }
    print(
        "targets: "
        + ", ".join(
            f"{k} {'≥' if k == 'submissions_per_s' else '≤'} {TARGETS[k]}: {'met' if met[k] else 'MISSED'}"
            for k in TARGETS
        )
        + f", nothing lost or doubled: {'met' if met['nothing_lost_or_doubled'] else 'MISSED'}"
    )
    figures = {
        "submissions_per_s": round(rate, 1),
        "p50_ms": round(p50, 1),
        "p95_ms": round(p95, 1),
        "p99_ms": round(p99, 1),
        "acknowledged": acknowledged,
        "stored": checks["stored"],
        "duplicates": checks["duplicates"],
        "lost": checks["lost"],
        "stored_unacknowledged": checks["stored_unacknowledged"],
        "stored_not_attempted": checks["stored_not_attempted"],
        "wrong_values": checks["wrong_values"],
        "sent": sent,
        "sent_twice": outcome.doubles,
        "second_answers": {str(k): n for k, n in outcome.second_statuses.items()},
        "answers": {str(k): n for k, n in outcome.statuses.items()},
        "seconds": round(wall, 2),
        "concurrency": args.concurrency,
        "workers": args.workers,
        "threads": args.threads,
        "double_mode": args.double_mode,
        "connection": args.connection,
        "units": args.units,
        "months": months,
        "logins_per_s": round(len(sessions) / login_s, 1),
        "entry_get_ms": round(entry_ms, 1),
        "cpu_s": {k: round(v, 1) for k, v in shares.items()},
        "cpu_ms_per_post": {k: round(1000 * v / per, 1) for k, v in shares.items()},
        "in_process_send": profile,
        "emails": mail,
        "targets_met": met,
    }
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    sys.exit(main())
