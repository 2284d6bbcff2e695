"""Storage benchmark: a database of many assessments, listed and answered through the Workspace.

Run from the repository root::

    python -m bench.storage_bench [--assessments 10000] [--saves 500] [--dir DIR] [--keep]
                                  [--seed S] [--profile] [--out DIR]

It generates a 60-question questionnaire (6 domains x 10, the generator of
``bench/questionnaire_bench.py``), loads it with ``readiness.questionnaire.loader.load_file``
and starts one assessment with ``Workspace.new_assessment(..., loaded=...)`` so the schema,
the snapshot and the organisation rows are made by the app itself. The bulk (N assessments x 60
answers, one history row per answer, cached scores computed with
``readiness.domain.scoring.score``) is then inserted fast with SQLAlchemy Core in a few big
transactions. Everything timed goes through the real API:

- the database file size (after a clean close, so the WAL is checkpointed);
- ``Workspace.assessments()`` (every assessment with its cached score): the first call in a
  fresh process (cold: new connection, empty SQLAlchemy caches; the OS file cache is warm),
  and the median of 7 calls in one process;
- ``Workspace.answer`` on random assessments (each a real change, one committed transaction):
  median and p95 over ``--saves`` saves;
- a same-run baseline in the same folder: raw ``sqlite3`` INSERT of one row + COMMIT, WAL,
  ``synchronous=FULL`` — the disk's fsync cost, so the ratio shows the app's own overhead;
- ``Workspace.open`` refreshing ``--stale`` emptied score caches, as after migration 0002.

Results are printed as markdown (and written to ``DIR_OUT/storage.md`` and ``storage.json``).
With ``--profile`` a cProfile of the saves and of one listing is printed and written to the out
folder.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import os
import platform
import pstats
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy
from sqlalchemy import insert

from bench.questionnaire_bench import Spec, cpu_model, generate_questionnaire, ms, verdict
from readiness.domain.answers import Answer, AnswerDetail, ChoiceAnswer, NotApplicable
from readiness.domain.scoring import score, shown
from readiness.questionnaire.loader import LoadedQuestionnaire, load_file
from readiness.services.workspace import Workspace
from readiness.storage import repository as repo
from readiness.storage.models import AnswerRow, AssessmentRow, HistoryRow

DEFAULT_SEED = 20240612
LIST_TARGET_MS = 500.0
SAVE_P95_TARGET_MS = 5.0  # issue 17 (was 10 ms)
ORGANISATIONS = 500
BATCH = 1_000  # assessments per bulk transaction
NA_REASONS = [
    "We have no defence customers yet",
    "Not applicable to our sector",
    "Handled by our parent company",
]
COMMENTS = [
    "Evidence: exercise log of the last regional crisis exercise, signed by the crisis manager.",
    "Owner changed in spring; the deputy is not yet named in the plan.",
    "Discussed with the liaison officer; follow-up meeting planned for next quarter.",
]

# --------------------------------------------------------------------------------------------
# Building the database
# --------------------------------------------------------------------------------------------


def _progress(message: str) -> None:
    print(f"[storage-bench] {message}", file=sys.stderr, flush=True)


def respondent(spec: Spec, rng: random.Random) -> dict[str, Answer]:
    """One assessment's 60 answers: a maturity profile, about 6% N/A where allowed."""
    maturity = rng.uniform(0.0, 4.0)
    answers: dict[str, Answer] = {}
    for question_id in spec.question_ids:
        if spec.allow_na[question_id] and rng.random() < 0.06:
            answers[question_id] = NotApplicable(rng.choice(NA_REASONS))
        else:
            option = min(4, max(0, round(rng.gauss(maturity, 1.0))))
            answers[question_id] = ChoiceAnswer(str(option))
    return answers


def _answer_columns(answer: Answer) -> tuple[str | None, str | None]:
    if isinstance(answer, ChoiceAnswer):
        return answer.option_id, None
    assert isinstance(answer, NotApplicable)
    return None, answer.justification


@dataclass
class Built:
    db: Path
    loaded: LoadedQuestionnaire
    spec: Spec
    assessment_ids: list[str]
    answers: dict[str, dict[str, Answer]]  # current answers, kept up to date by the saves
    build_seconds: float
    rows: dict[str, int] = field(default_factory=dict)


def build(folder: Path, count: int, seed: int) -> Built:
    started = time.perf_counter()
    rng = random.Random(seed)
    text, spec = generate_questionnaire(6, 10, seed, "bench-storage-60")
    source = folder / "bench-storage-60.yaml"
    source.write_text(text, encoding="utf-8")
    loaded = load_file(source)
    questionnaire = loaded.questionnaire
    assert len(spec.question_ids) == 60

    db = folder / "bench.db"
    workspace = Workspace.open(db)
    # The app makes the schema, the snapshot row and the organisations.
    organisations = [
        workspace.add_organisation(
            f"Organisation {n:04d} {rng.choice(['AG', 'Ltd', 'SA'])}", "company", "Energy", "DE"
        ).id
        for n in range(ORGANISATIONS)
    ]
    first = workspace.new_assessment(
        organisations[0], questionnaire.id, "Assessment 00000", loaded=loaded
    )
    engine = workspace.database.engine
    with workspace.database.read() as session:
        snapshot = session.get(AssessmentRow, first.id).snapshot_id  # type: ignore[union-attr]

    all_answers: dict[str, dict[str, Answer]] = {}
    ids = [first.id] + [repo.new_id() for _ in range(count - 1)]
    base = datetime(2026, 1, 1)
    rows = {"assessments": 0, "answers": 0, "answer_history": 0}
    for start in range(0, count, BATCH):
        chunk = ids[start : start + BATCH]
        assessment_rows: list[dict[str, Any]] = []
        answer_rows: list[dict[str, Any]] = []
        history_rows: list[dict[str, Any]] = []
        for offset, assessment_id in enumerate(chunk):
            n = start + offset
            answers = respondent(spec, rng)
            all_answers[assessment_id] = answers
            result = score(questionnaire, answers)
            when = base + timedelta(minutes=n)
            values = {
                "score": shown(result.overall),
                "level": result.level.level,
                "completeness": result.completeness,
                "status": "completed" if result.complete else "draft",
                "updated_at": when,
            }
            if n > 0:
                assessment_rows.append(
                    {
                        "id": assessment_id,
                        "organisation_id": organisations[n % ORGANISATIONS],
                        "snapshot_id": snapshot,
                        "title": f"Assessment {n:05d}",
                        "marking": "TLP:AMBER+STRICT",
                        "assessor": "Bench Assessor",
                        "created_at": when,
                        **values,
                    }
                )
            for question_id, answer in answers.items():
                option_id, justification = _answer_columns(answer)
                comment = rng.choice(COMMENTS) if rng.random() < 0.1 else ""
                answer_rows.append(
                    {
                        "assessment_id": assessment_id,
                        "question_id": question_id,
                        "option_id": option_id,
                        "na_justification": justification,
                        "text": None,
                        "comment": comment,
                        "flagged": False,
                        "updated_at": when,
                    }
                )
                history_rows.append(
                    {
                        "assessment_id": assessment_id,
                        "question_id": question_id,
                        "action": "edit",
                        "target_id": None,
                        "before": "{}",
                        "after": repo.detail_to_json(AnswerDetail(answer, comment)),
                        "at": when,
                    }
                )
            if n == 0:
                with workspace.database.write() as session:
                    repo.update_assessment(session, assessment_id, **values)
        with engine.begin() as connection:
            if assessment_rows:
                connection.execute(insert(AssessmentRow.__table__), assessment_rows)
            connection.execute(insert(AnswerRow.__table__), answer_rows)
            connection.execute(insert(HistoryRow.__table__), history_rows)
        rows["assessments"] += len(chunk)
        rows["answers"] += len(answer_rows)
        rows["answer_history"] += len(history_rows)
        if (start // BATCH) % 2 == 1 or start + BATCH >= count:
            _progress(f"inserted {min(start + BATCH, count):,} / {count:,} assessments")
    workspace.close()
    with sqlite3.connect(db) as raw:
        assert raw.execute("SELECT COUNT(*) FROM assessments").fetchone()[0] == count
        assert raw.execute("SELECT COUNT(*) FROM organisations").fetchone()[0] == ORGANISATIONS
    rows["organisations"] = ORGANISATIONS
    return Built(db, loaded, spec, ids, all_answers, time.perf_counter() - started, rows)


# --------------------------------------------------------------------------------------------
# Measuring
# --------------------------------------------------------------------------------------------


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


@dataclass
class Stats:
    samples: list[float]  # seconds

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def p95(self) -> float:
        return percentile(self.samples, 0.95)

    @property
    def max(self) -> float:
        return max(self.samples)

    @property
    def min(self) -> float:
        return min(self.samples)


def timed(function: Callable[[], Any], repeat: int) -> Stats:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        samples.append(time.perf_counter() - started)
    return Stats(samples)


COLD_LIST = """
import json, sys, time
t0 = time.perf_counter()
from readiness.services.workspace import Workspace
t1 = time.perf_counter()
w = Workspace.open(sys.argv[1])
t2 = time.perf_counter()
n = len(w.assessments())
t3 = time.perf_counter()
w.assessments()
t4 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "open": t2 - t1, "first": t3 - t2, "second": t4 - t3,
                  "count": n}))
"""


def cold_list(db: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", COLD_LIST, str(db)],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    return json.loads(done.stdout)


def saves(
    built: Built, workspace: Workspace, count: int, rng: random.Random
) -> tuple[Stats, Stats]:
    """``count`` saves, each a real change on a random assessment and question: (wall, CPU).

    CPU time (``time.process_time``) leaves out the fsync wait and time lost to other
    processes, so it shows the app's own cost even on a busy machine."""
    wall, cpu = [], []
    for _ in range(count):
        assessment_id = rng.choice(built.assessment_ids)
        question_id = rng.choice(built.spec.question_ids)
        current = built.answers[assessment_id].get(question_id)
        options = [str(o) for o in range(5) if current != ChoiceAnswer(str(o))]
        option = rng.choice(options)
        started, started_cpu = time.perf_counter(), time.process_time()
        change = workspace.answer(assessment_id, question_id, option)
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
        assert change is not None
        built.answers[assessment_id][question_id] = ChoiceAnswer(option)
    return Stats(wall), Stats(cpu)


# Where a save spends its time: these functions are wrapped with timers (nested ones overlap).
BREAKDOWN = [
    ("readiness.services.workspace", "Workspace._edit", "Workspace.answer -> _edit (whole save)"),
    (
        "readiness.services.workspace",
        "Workspace.assessment",
        "  Workspace.assessment (resolve + summary)",
    ),
    (
        "readiness.storage.repository",
        "find_assessment_ids",
        "    repo.find_assessment_ids (LIKE prefix)",
    ),
    ("readiness.storage.repository", "assessment", "    repo.assessment (summary join)"),
    ("readiness.services.workspace", "Workspace._loaded", "  Workspace._loaded (snapshot)"),
    (
        "readiness.storage.repository",
        "snapshot_content",
        "    repo.snapshot_content (reads the YAML)",
    ),
    ("readiness.storage.repository", "answers", "  repo.answers (ORM, all answers)"),
    ("readiness.storage.repository", "save_answer", "  repo.save_answer"),
    (
        "readiness.storage.repository",
        "update_assessment",
        "    repo.update_assessment (session.get)",
    ),
    ("readiness.services.workspace", "score", "  domain.scoring.score"),
    ("readiness.services.workspace", "Workspace._store", "  Workspace._store (score cache)"),
    ("sqlalchemy.orm", "Session.commit", "  Session.commit (flush + COMMIT, fsync)"),
]


def breakdown(built: Built, workspace: Workspace, count: int, rng: random.Random) -> str:
    import importlib

    totals: dict[str, list[float]] = {label: [] for _m, _n, label in BREAKDOWN}
    restore: list[tuple[Any, str, Any]] = []

    def wrap(owner: Any, name: str, label: str) -> None:
        original = owner.__dict__[name] if isinstance(owner, type) else getattr(owner, name)

        def timed_call(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                totals[label].append(time.perf_counter() - started)

        restore.append((owner, name, original))
        setattr(owner, name, timed_call)

    for module_name, dotted, label in BREAKDOWN:
        owner: Any = importlib.import_module(module_name)
        *parents, name = dotted.split(".")
        for parent in parents:
            owner = getattr(owner, parent)
        wrap(owner, name, label)
    try:
        saves(built, workspace, count, rng)
    finally:
        for owner, name, original in reversed(restore):
            setattr(owner, name, original)
    whole = sum(totals[BREAKDOWN[0][2]])
    lines = [
        f"### Where one save goes ({count} saves, wall time, timers around nested calls)",
        "",
        "| Step | Calls per save | Median per call | Total per save | Share |",
        "|---|--:|--:|--:|--:|",
    ]
    for _m, _n, label in BREAKDOWN:
        samples = totals[label]
        if not samples:
            continue
        per_save = sum(samples) / count
        lines.append(
            f"| {label.replace('  ', '· ')} | {len(samples) / count:.1f} "
            f"| {ms(statistics.median(samples))} | {ms(per_save)} "
            f"| {sum(samples) / whole:.0%} |"
        )
    return "\n".join(lines) + "\n"


def raw_baseline(folder: Path, count: int) -> Stats:
    """One-row INSERT + COMMIT with plain sqlite3, WAL, synchronous=FULL, same folder."""
    path = folder / "baseline.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = FULL")
        connection.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, q TEXT, v TEXT)")
        samples = []
        for n in range(count):
            started = time.perf_counter()
            connection.execute("BEGIN IMMEDIATE")
            connection.execute(
                "INSERT INTO t (a, q, v) VALUES (?, ?, ?)", (f"a{n}", "governance.x", "3")
            )
            connection.execute("COMMIT")
            samples.append(time.perf_counter() - started)
        return Stats(samples)
    finally:
        connection.close()


def stale_refresh(db: Path, count: int, rng: random.Random) -> tuple[int, float]:
    """Empty the score cache of ``count`` assessments (as migration 0002 leaves every one) and
    time ``Workspace.open``, which refreshes them before returning: (count, seconds)."""
    with sqlite3.connect(db) as connection:
        ids = [row[0] for row in connection.execute("SELECT id FROM assessments")]
        chosen = rng.sample(ids, min(count, len(ids)))
        connection.executemany(
            "UPDATE assessments SET score = NULL WHERE id = ?", [(i,) for i in chosen]
        )
    connection.close()
    started = time.perf_counter()
    workspace = Workspace.open(db)
    seconds = time.perf_counter() - started
    workspace.close()
    with sqlite3.connect(db) as connection:
        left = connection.execute("SELECT COUNT(*) FROM assessments WHERE score IS NULL")
        assert left.fetchone()[0] == 0
    connection.close()
    return len(chosen), seconds


def profile(function: Callable[[], Any], out: Path, title: str, top: int = 30) -> str:
    profiler = cProfile.Profile()
    profiler.enable()
    function()
    profiler.disable()
    profiler.dump_stats(out)
    text = io.StringIO()
    stats = pstats.Stats(profiler, stream=text).strip_dirs().sort_stats("cumulative")
    stats.print_stats(top)
    return f"### Profile: {title}\n\n```\n{text.getvalue().strip()}\n```\n"


# --------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------


def machine_info(folder: Path) -> dict[str, str]:
    logical = os.cpu_count() or 0
    try:
        usable = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        usable = logical
    return {
        "CPU": cpu_model(),
        "Cores": f"{logical} logical, {usable} usable by this process",
        "OS": platform.platform(),
        "Python": f"{platform.python_implementation()} {platform.python_version()}",
        "SQLite": sqlite3.sqlite_version,
        "SQLAlchemy": sqlalchemy.__version__,
        "Database folder": str(folder),
        "Load average (1, 5, 15 min) at the end": _load(),
    }


def _load() -> str:
    try:
        return ", ".join(f"{v:.2f}" for v in os.getloadavg()) + " (other processes compete)"
    except OSError:
        return "unknown"


def _mib(size: int) -> str:
    return f"{size / 1024 / 1024:,.1f} MiB"


@dataclass
class Results:
    count: int
    seed: int
    machine: dict[str, str]
    rows: dict[str, int]
    build_seconds: float
    size: int
    listed: int
    list_cold: dict[str, float]
    list_warm: Stats
    save: Stats
    save_cpu: Stats
    baseline: Stats
    stale: tuple[int, float]  # (assessments refreshed, seconds for Workspace.open)


def render(r: Results) -> str:
    per_answer = r.size / max(1, r.rows["answers"])
    ratio_median = r.save.median / r.baseline.median
    ratio_p95 = r.save.p95 / r.baseline.p95
    lines = [
        "## Storage",
        "",
        f"`python -m bench.storage_bench --assessments {r.count}` (seed {r.seed}): one run, "
        "`time.perf_counter`, real files.",
        "",
        "### Machine",
        "",
        "| | |",
        "|---|---|",
        *(f"| {k} | {v} |" for k, v in r.machine.items()),
        "",
        "### Database",
        "",
        "| | |",
        "|---|--:|",
        f"| Assessments | {r.rows['assessments']:,} |",
        f"| Organisations | {r.rows['organisations']:,} |",
        f"| Answers (60 per assessment, ~6% N/A, ~10% with a comment) | {r.rows['answers']:,} |",
        f"| History rows (one edit per answer) | {r.rows['answer_history']:,} |",
        f"| File size (checkpointed) | {_mib(r.size)} ({per_answer:,.0f} bytes per answer) |",
        f"| Time to build (bulk insert, not an app figure) | {r.build_seconds:,.1f} s |",
        "",
        "### Timings",
        "",
        "| Measure | Median | p95 | Min | Max | Target | Result |",
        "|---|--:|--:|--:|--:|---|---|",
        f"| `Workspace.assessments()`, {r.listed:,} rows, first call in a fresh process "
        f"| {ms(r.list_cold['first'])} | | | | < {LIST_TARGET_MS:.0f} ms "
        f"| {verdict(r.list_cold['first'] * 1000 < LIST_TARGET_MS)} |",
        f"| `Workspace.assessments()`, {len(r.list_warm.samples)} calls in one process "
        f"| {ms(r.list_warm.median)} | | {ms(r.list_warm.min)} | {ms(r.list_warm.max)} "
        f"| < {LIST_TARGET_MS:.0f} ms | {verdict(r.list_warm.median * 1000 < LIST_TARGET_MS)} |",
        f"| `Workspace.answer` (one committed change), {len(r.save.samples)} saves "
        f"| {ms(r.save.median)} | {ms(r.save.p95)} | {ms(r.save.min)} | {ms(r.save.max)} "
        f"| p95 < {SAVE_P95_TARGET_MS:.0f} ms "
        f"| {verdict(r.save.p95 * 1000 < SAVE_P95_TARGET_MS)} |",
        f"| the same saves, CPU time of this process | {ms(r.save_cpu.median)} "
        f"| {ms(r.save_cpu.p95)} | {ms(r.save_cpu.min)} | {ms(r.save_cpu.max)} | | |",
        f"| baseline: raw sqlite3 INSERT + COMMIT, WAL, synchronous=FULL, same folder "
        f"| {ms(r.baseline.median)} | {ms(r.baseline.p95)} | {ms(r.baseline.min)} "
        f"| {ms(r.baseline.max)} | | |",
        f"| ratio save / baseline | {ratio_median:.1f}× | {ratio_p95:.1f}× | | | | |",
        "",
        f"Stale score caches (as migration 0002 leaves every assessment): `Workspace.open` "
        f"refreshed {r.stale[0]:,} in {r.stale[1]:,.1f} s, {ms(r.stale[1] / r.stale[0])} "
        f"each (batched 500 per transaction); for all {r.count:,} assessments that is about "
        f"{r.stale[1] / r.stale[0] * r.count:,.0f} s of blocked start-up.",
        "",
        f"Fresh process for the cold list: import {ms(r.list_cold['import'])}, "
        f"`Workspace.open` {ms(r.list_cold['open'])}, first `assessments()` "
        f"{ms(r.list_cold['first'])}, second {ms(r.list_cold['second'])}.",
        "",
    ]
    return "\n".join(lines)


def to_json(r: Results) -> dict[str, Any]:
    def stats(s: Stats) -> dict[str, float]:
        return {
            "median_ms": s.median * 1000,
            "p95_ms": s.p95 * 1000,
            "min_ms": s.min * 1000,
            "max_ms": s.max * 1000,
            "n": len(s.samples),
        }

    return {
        "assessments": r.count,
        "seed": r.seed,
        "machine": r.machine,
        "rows": r.rows,
        "file_bytes": r.size,
        "build_seconds": r.build_seconds,
        "list_cold_ms": {k: v * 1000 for k, v in r.list_cold.items() if k != "count"},
        "list_warm": stats(r.list_warm),
        "save": stats(r.save),
        "save_cpu": stats(r.save_cpu),
        "baseline": stats(r.baseline),
        "stale_refresh": {"assessments": r.stale[0], "seconds": r.stale[1]},
        "targets": {"list_ms": LIST_TARGET_MS, "save_p95_ms": SAVE_P95_TARGET_MS},
    }


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------


def run(args: argparse.Namespace) -> str:
    folder = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="readiness-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    try:
        _progress(f"building {args.assessments:,} assessments x 60 answers in {folder}")
        built = build(folder, args.assessments, args.seed)
        size = built.db.stat().st_size
        _progress(f"built in {built.build_seconds:,.1f} s, {_mib(size)}")

        _progress("cold list (fresh process)")
        cold = cold_list(built.db)

        workspace = Workspace.open(built.db)
        extra = ""
        try:
            _progress("warm list x 7")
            gc.collect()
            listed = len(workspace.assessments())
            warm = timed(workspace.assessments, 7)

            _progress(f"{args.saves} saves")
            rng = random.Random(args.seed + 1)
            saves(built, workspace, 20, rng)  # warm-up, not counted
            save, save_cpu = saves(built, workspace, args.saves, rng)
            _progress("raw sqlite3 baseline")
            baseline = raw_baseline(folder, args.saves)
            if args.profile:
                _progress("profiling")
                extra += "\n" + breakdown(built, workspace, 300, rng)
                extra += "\n" + profile(
                    lambda: saves(built, workspace, 200, rng),
                    out / "storage_save.prof",
                    "200 x Workspace.answer",
                )
                extra += "\n" + profile(
                    workspace.assessments, out / "storage_list.prof", "Workspace.assessments()"
                )
        finally:
            workspace.close()
        _progress(f"refreshing {args.stale:,} stale score caches at open")
        stale = stale_refresh(built.db, args.stale, random.Random(args.seed + 2))

        results = Results(
            count=args.assessments,
            seed=args.seed,
            machine=machine_info(folder),
            rows=built.rows,
            build_seconds=built.build_seconds,
            size=size,
            listed=listed,
            list_cold=cold,
            list_warm=warm,
            save=save,
            save_cpu=save_cpu,
            baseline=baseline,
            stale=stale,
        )
        report = render(results) + extra
        (out / "storage.md").write_text(report, encoding="utf-8")
        (out / "storage.json").write_text(
            json.dumps(to_json(results), indent=2) + "\n", encoding="utf-8"
        )
        return report
    finally:
        if not args.keep and not args.dir:
            shutil.rmtree(folder, ignore_errors=True)


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.storage_bench",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--assessments", type=_positive, default=10_000)
    parser.add_argument("--saves", type=_positive, default=500)
    parser.add_argument(
        "--stale", type=_positive, default=1_000, help="score caches to empty and refresh"
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--dir", help="where to build the database (default: a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument(
        "--out",
        default=str(Path(__file__).parent / "out"),
        help="where to write storage.md / storage.json (default: bench/out)",
    )
    parser.add_argument("--profile", action="store_true", help="print cProfile statistics")
    args = parser.parse_args(argv)
    print(run(args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
