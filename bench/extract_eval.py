"""Benchmark: how well the text-mining extractor (tuyengiao.textmining) reads real-looking news articles.

The data: the held-out set in bench/articles/ (36 articles of propaganda-and-education work as
provincial, district and commune websites publish them: 30 .txt copies with the page clutter left
in, 6 whole .html pages), each with a hand annotation NAME.json in the schema of
`tuyengiao extract --json` (judgment calls in its "_notes"). The set was written and annotated
without sight of the extractor's code, but it has since been used to tune the extractor, so its
figures are no longer an unseen measurement. The second held-out set in bench/articles_unseen/
(30 articles: 24 .txt, 6 whole .html pages, annotated the same way) was written later by someone
who saw neither the extractor's code nor the first set: its figures measure the extractor on text
it has not been tuned on. The three real samples of ../shared/samples/articles are measured too
when that folder is present. Each set is reported separately. Real published pages are measured
with `--samples DIR` on folders kept outside the repository (their texts are not ours to commit),
annotated in the same schema by someone who has not seen the extractor.

Measures, for each set:
- references: precision, recall and F1 over all articles (micro), a found reference matching an
  annotated one by its canonical number; on matched references, the accuracy of type, issuer,
  date and issued_by;
- published date, title (lenient: one contains the other), and the event: kind, date, period
  (year and part together), chair, organizer, location (organizer and location also lenient);
  null against null counts as correct; names and titles are compared after NFC, one tone-mark
  placement ("hoà" = "hòa"), dashes as hyphens, case folding and collapsing whitespace;
- tasks: correct when both are null, or both are lists of the same length;
- speed: articles per second on one core (extract_file on every file of the set, repeated for at
  least two seconds, in this single process pinned to one CPU).
Fields an annotation leaves out (the samples have no "title") are not scored. Prints figures,
asserts nothing; the last line printed is one JSON object with them.

    .venv/bin/python bench/extract_eval.py                 # in process (no Django settings needed)
    .venv/bin/python bench/extract_eval.py --cli           # one `tuyengiao extract FILE... --json` run
    .venv/bin/python bench/extract_eval.py -v              # every miss, article by article
    .venv/bin/python bench/extract_eval.py --samples DIR   # another folder of annotated samples
"""

import argparse
import contextlib
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent  # the repository, whatever TUYENGIAO_HOME says
HELD_OUT = ROOT / "bench" / "articles"
UNSEEN = ROOT / "bench" / "articles_unseen"
SAMPLES = ROOT.parent / "shared" / "samples" / "articles"
SOURCE_SUFFIXES = (".txt", ".html", ".htm", ".docx")
EVENT_FIELDS = ("kind", "date", "period", "chair", "organizer", "location")
NAME_FIELDS = {"chair", "organizer", "location"}
LENIENT_FIELDS = ("organizer", "location")
DOC_FIELDS = ("type", "issuer", "date", "issued_by")
MIN_SECONDS = 2.0


class Unavailable(Exception):
    """The extractor cannot be run at all (not written yet, or its command is missing)."""


# ---------------------------------------------------------------- loading


def load_set(folder: Path) -> list[dict]:
    """Annotated articles of a folder: [{name, path, truth}], in name order."""
    items = []
    for ann in sorted(folder.glob("*.json")):
        truth = json.loads(ann.read_text(encoding="utf-8"))
        source = folder / truth["file"] if truth.get("file") else None
        if source is None or not source.exists():
            source = next((ann.with_suffix(s) for s in SOURCE_SUFFIXES if ann.with_suffix(s).exists()), None)
        if source is None:
            print(f"  (skipped {ann.name}: no article file next to it)")
            continue
        items.append({"name": source.name, "path": source, "truth": truth})
    return items


# ---------------------------------------------------------------- running the extractor


def in_process_extractor():
    """extract_file from tuyengiao.textmining, importable without Django settings."""
    src = ROOT / "src"
    if str(src) not in sys.path:
        sys.path.insert(0, str(src))
    try:
        from tuyengiao.textmining import extract_file
    except Exception as exc:  # ImportError, or any error while importing a half-written module
        raise Unavailable(
            f"cannot import extract_file from tuyengiao.textmining ({type(exc).__name__}: {exc})"
        ) from None
    return extract_file


def run_in_process(extract_file, items: list[dict]) -> None:
    """Fill item['got'] (or item['error']) with extract_file's result for each article."""
    for item in items:
        try:
            item["got"] = plain(extract_file(item["path"]))
        except Exception as exc:  # a failure on one article is a finding, not a crash of the bench
            item["error"] = f"{type(exc).__name__}: {exc}"


def cli_command() -> list[str]:
    venv = ROOT / ".venv" / "bin" / "tuyengiao"
    if venv.exists():
        return [str(venv)]
    found = shutil.which("tuyengiao")
    return [found] if found else [sys.executable, "-m", "tuyengiao"]


def run_cli(items: list[dict]) -> float:
    """One `tuyengiao extract FILE... --json` run over all items; returns its wall time in seconds."""
    env = dict(os.environ)
    env.setdefault("TUYENGIAO_HOME", str(ROOT))
    paths = [str(item["path"]) for item in items]
    start = time.perf_counter()
    try:
        proc = subprocess.run(  # noqa: S603 (our own command on our own files)
            [*cli_command(), "extract", *paths, "--json"],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            cwd=ROOT,
            timeout=600,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise Unavailable(f"`tuyengiao extract` could not be run ({type(exc).__name__}: {exc})") from None
    elapsed = time.perf_counter() - start
    results = []
    for line in proc.stdout.splitlines():
        line = line.strip()
        if line.startswith("{"):
            with contextlib.suppress(json.JSONDecodeError):  # a log line that happens to start with "{"
                results.append(json.loads(line))
    if not results:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
        raise Unavailable(
            f"`tuyengiao extract --json` printed no JSON (exit code {proc.returncode}): " + " | ".join(tail)
        )
    by_path, by_name = {}, {}
    for result in results:
        if result.get("file"):
            by_path[str(Path(result["file"]).resolve())] = result
            by_name.setdefault(Path(result["file"]).name, result)
    ordered = len(results) == len(items) and not by_path
    for i, item in enumerate(items):
        got = by_path.get(str(item["path"].resolve())) or by_name.get(item["name"])
        if got is None and ordered:
            got = results[i]
        if got is None:
            said = [line.strip() for line in proc.stderr.splitlines() if item["name"] in line]
            item["error"] = "no JSON line for this file in the command's output" + (
                f" (stderr: {said[-1]})" if said else ""
            )
        else:
            item["got"] = got
    return elapsed


def plain(value):
    """The extractor's dict with dates as ISO strings, as its JSON output has them."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


# ---------------------------------------------------------------- comparing


# The old tone placement ("hoà", "Uỷ") and the new ("hòa", "Ủy") are the same word, and an en dash
# in a headline is the same as a hyphen: written here on their own, not borrowed from the extractor.
# Decomposed, "hoà" is o a + grave and "hòa" is o + grave a; only at the end of a word ("hoàng" stays).
_OLD_TONE = re.compile("(o[ae]|uy)([\u0300\u0301\u0303\u0309\u0323])(?![^\\W\\d_])")


def _new_tones(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    moved = _OLD_TONE.sub(lambda m: m.group(1)[0] + m.group(2) + m.group(1)[1], decomposed)
    return unicodedata.normalize("NFC", moved)


def norm(text):
    """A name or a title for comparison: NFC, one tone placement, dashes as hyphens, case folded,
    whitespace collapsed; None stays None."""
    if text is None:
        return None
    text = _new_tones(unicodedata.normalize("NFC", str(text)).casefold())
    return " ".join(text.replace("–", "-").replace("—", "-").split())


def lenient_equal(expected, got) -> bool:
    a, b = norm(expected), norm(got)
    if a is None or b is None:
        return a is b
    return a == b or (bool(a) and bool(b) and (a in b or b in a))


def doc_key(number) -> str:
    return "".join(unicodedata.normalize("NFC", str(number)).split())


def describe_tasks(tasks):
    return f"{len(tasks)} items" if isinstance(tasks, list) else tasks


def period_of(event: dict) -> tuple:
    period = event.get("period") or {}
    return (period.get("year"), period.get("part"))


def compare(item: dict, score: dict, misses: list[str]) -> None:
    """Add one article's results to score; describe each miss in misses."""
    truth, got = item["truth"], item.get("got") or {}
    failed = "error" in item

    def count(field: str, ok: bool, expected=None, found=None) -> None:
        ok = ok and not failed  # an article the extractor failed on scores nothing, nulls included
        hits, total = score["fields"].get(field, (0, 0))
        score["fields"][field] = (hits + ok, total + 1)
        if not ok and not failed:
            misses.append(f"{field}: expected {expected!r}, got {found!r}")

    if "published" in truth:
        count(
            "published", truth["published"] == got.get("published"), truth["published"], got.get("published")
        )
    if truth.get("title") is not None or ("title" in truth and "title" in got):
        ok = lenient_equal(truth.get("title"), got.get("title"))
        count("title (lenient)", ok, truth.get("title"), got.get("title"))

    t_event, g_event = truth.get("event") or {}, got.get("event") or {}
    for field in EVENT_FIELDS:
        if field not in t_event:
            continue
        if field == "period":
            expected, found = period_of(t_event), period_of(g_event)
            ok = expected == found
        elif field in NAME_FIELDS:
            expected, found = t_event[field], g_event.get(field)
            ok = norm(expected) == norm(found)
        else:
            expected, found = t_event[field], g_event.get(field)
            ok = expected == found
        count(f"event.{field}", ok, expected, found)
        if field in LENIENT_FIELDS:
            hits, total = score["fields"].get(f"event.{field} (lenient)", (0, 0))
            ok = lenient_equal(expected, found) and not failed
            score["fields"][f"event.{field} (lenient)"] = (hits + ok, total + 1)

    if "tasks" in truth:
        expected, found = truth["tasks"], got.get("tasks")
        ok = (expected is None and found is None) or (
            isinstance(expected, list) and isinstance(found, list) and len(expected) == len(found)
        )
        count("tasks", ok, describe_tasks(expected), describe_tasks(found))

    if "documents" in truth:
        expected_docs = truth["documents"]
        found_docs = [d for d in (got.get("documents") or []) if isinstance(d, dict)]
        pool: dict[str, list[dict]] = {}
        for doc in found_docs:
            pool.setdefault(doc_key(doc.get("number")), []).append(doc)
        matched, missed = 0, []
        for doc in expected_docs:
            candidates = pool.get(doc_key(doc["number"]))
            if not candidates:
                missed.append(doc["number"])
                continue
            other = candidates.pop(0)
            matched += 1
            for field in DOC_FIELDS:
                if field not in doc:
                    continue
                a, b = doc[field], other.get(field)
                ok = norm(a) == norm(b) if field == "issued_by" else a == b
                hits, total = score["doc_fields"].get(field, (0, 0))
                score["doc_fields"][field] = (hits + ok, total + 1)
                if not ok and not failed:
                    misses.append(f"{doc['number']}.{field}: expected {a!r}, got {b!r}")
        spurious = [d.get("number") for docs in pool.values() for d in docs]
        score["refs_truth"] += len(expected_docs)
        score["refs_found"] += len(found_docs)
        score["refs_matched"] += matched
        if not failed and missed:
            misses.append("references missed: " + ", ".join(missed))
        if not failed and spurious:
            misses.append("references not in the annotation: " + ", ".join(map(str, spurious)))


def score_set(items: list[dict], verbose: bool) -> dict:
    score = {"fields": {}, "doc_fields": {}, "refs_truth": 0, "refs_found": 0, "refs_matched": 0}
    clean = True
    for item in items:
        misses: list[str] = []
        compare(item, score, misses)
        if "error" in item:
            print(f"    {item['name']}: EXTRACTION FAILED: {item['error']}")
            clean = False
        elif verbose and misses:
            print(f"    {item['name']}:")
            for miss in misses:
                print(f"        {miss}")
            clean = False
    if verbose and clean:
        print("    (no misses)")
    return score


# ---------------------------------------------------------------- speed


def measure_speed(extract_file, items: list[dict], min_seconds: float) -> dict:
    """Articles per second: extract_file over all files, repeated for ≥ min_seconds, on one CPU."""
    paths = [item["path"] for item in items if "error" not in item]
    if not paths:
        return {}
    pinned = hasattr(os, "sched_setaffinity")
    if pinned:
        cpus = os.sched_getaffinity(0)
        os.sched_setaffinity(0, {min(cpus)})
    try:
        for path in paths:  # warm: imports, compiled patterns, the page cache
            extract_file(path)
        runs = 0
        start = time.perf_counter()
        while True:
            for path in paths:
                extract_file(path)
            runs += len(paths)
            elapsed = time.perf_counter() - start
            if elapsed >= min_seconds:
                break
    finally:
        if pinned:
            os.sched_setaffinity(0, cpus)
    size = sum(p.stat().st_size for p in paths) / len(paths)
    return {
        "per_s": runs / elapsed,
        "ms": elapsed * 1000 / runs,
        "runs": runs,
        "s": elapsed,
        "kb": size / 1024,
    }


# ---------------------------------------------------------------- report


def ratio(hits_total) -> float | None:
    hits, total = hits_total
    return hits / total if total else None


def fmt(value) -> str:
    return "  n/a" if value is None else f"{value:.3f}"


def report(label: str, items: list[dict], score: dict, speed: dict | None) -> dict:
    kinds = {}
    for item in items:
        kinds[item["path"].suffix] = kinds.get(item["path"].suffix, 0) + 1
    failed = sum("error" in item for item in items)
    formats = ", ".join(f"{n} {suffix}" for suffix, n in sorted(kinds.items()))
    print(f"{label}: {len(items)} articles ({formats}); extraction failed on {failed}")
    truth, found, matched = score["refs_truth"], score["refs_found"], score["refs_matched"]
    precision = matched / found if found else None
    recall = matched / truth if truth else None
    f1 = 2 * precision * recall / (precision + recall) if precision and recall else 0.0 if truth else None
    print(
        f"  references: annotated {truth}, found {found}, matched {matched}: "
        f"precision {fmt(precision)}  recall {fmt(recall)}  F1 {fmt(f1)}"
    )
    docs = {field: ratio(score["doc_fields"].get(field, (0, 0))) for field in DOC_FIELDS}
    print("    on matched references: " + "  ".join(f"{field} {fmt(v)}" for field, v in docs.items()))
    fields = {name: ratio(pair) for name, pair in score["fields"].items()}
    order = [
        "published",
        "title (lenient)",
        *(f"event.{f}" for f in EVENT_FIELDS),
        *(f"event.{f} (lenient)" for f in LENIENT_FIELDS),
        "tasks",
    ]
    for name in order:
        if name in score["fields"]:
            hits, total = score["fields"][name]
            print(f"  {name:<28} {fmt(fields[name])}   ({hits}/{total})")
    if speed:
        print(
            f"  speed: {speed['per_s']:,.0f} articles/s on one core ({speed['ms']:.2f} ms per article, "
            f"mean {speed['kb']:.1f} KB; {speed['runs']:,} extractions in {speed['s']:.1f} s)"
        )
    return {
        "articles": len(items),
        "failed": failed,
        "references": {
            "truth": truth,
            "found": found,
            "matched": matched,
            "precision": precision,
            "recall": recall,
            "f1": f1,
        },
        "on_matched_references": docs,
        "fields": fields,
        "articles_per_s": round(speed["per_s"], 1) if speed else None,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--cli", action="store_true", help="run `tuyengiao extract FILE... --json` once instead"
    )
    parser.add_argument(
        "--samples", type=Path, default=SAMPLES, help=f"annotated samples (default {SAMPLES})"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="print every miss, article by article")
    parser.add_argument("--seconds", type=float, default=MIN_SECONDS, help="minimum timed seconds per set")
    args = parser.parse_args()

    sets = [("held_out", "held-out set (bench/articles)", load_set(HELD_OUT))]
    if args.samples.is_dir():
        sets.append(("samples", f"samples ({args.samples})", load_set(args.samples)))
    else:
        print(f"(no samples folder at {args.samples}: measuring the held-out sets only)")
    sets.append(("unseen", "second held-out set (bench/articles_unseen)", load_set(UNSEEN)))
    sets = [(key, label, items) for key, label, items in sets if items]
    if not sets:
        print(f"no annotated articles found in {HELD_OUT} nor {UNSEEN}")
        return 2

    figures = {"mode": "cli" if args.cli else "in_process"}
    try:
        extract_file = None if args.cli else in_process_extractor()
        for key, label, items in sets:
            speed = None
            if args.cli:
                wall = run_cli(items)
                print(f"  (`tuyengiao extract` on {len(items)} files: {wall:.2f} s wall, start-up included)")
            else:
                run_in_process(extract_file, items)
            if args.verbose:
                print(f"{label}, misses:")
            score = score_set(items, args.verbose)
            if not args.cli:
                speed = measure_speed(extract_file, items, args.seconds)
            figures[key] = report(label, items, score, speed)
    except Unavailable as exc:
        print(f"The extractor is not available yet, nothing was measured: {exc}.")
        print(
            "It should be `from tuyengiao.textmining import extract_file` (and `tuyengiao extract ... --json`)."
        )
        return 2
    print(json.dumps(figures, ensure_ascii=False, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
