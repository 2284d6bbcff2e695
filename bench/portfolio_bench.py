"""Portfolio benchmark: ``portfolio --json`` and the Portfolio page over a big database.

Run from the repository root::

    python -m bench.portfolio_bench [--assessments 10000] [--dir DIR] [--seed S] [--repeat 7]
                                    [--rescore-sample 1000] [--no-ui]

The database is made by ``bench/storage_bench.py``'s generator (500 organisations, N
assessments x 60 answers on a 60-question, 6-domain questionnaire, bulk-inserted with the score
cache but no per-domain cache), then opened once through ``Workspace.open``, which fills the
per-domain cache the way it does after migration 'portfolio' (timed: "cache fill").

Timed, all in this process through the real API:

- ``portfolio --json`` in-process: ``readiness.cli.main(["portfolio", "--json"])`` with stdout
  sent to a buffer: first call (snapshot parsed, SQLAlchemy caches cold) and the median of
  ``--repeat`` calls;
- the same through a subprocess (``python -m readiness.cli portfolio --json``), wall time,
  Python start included;
- baseline — what the cache saves: load every assessment's answers and rescore it, measured on
  ``--rescore-sample`` assessments and scaled to N;
- the Portfolio page (unless ``--no-ui``): from asking the page to refresh until its table holds
  every row (offscreen Qt), first and median.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.questionnaire_bench import cpu_model, ms, verdict
from bench.storage_bench import build

JSON_TARGET_MS = 300.0
PAGE_TARGET_MS = 500.0


def _progress(message: str) -> None:
    print(f"[portfolio-bench] {message}", file=sys.stderr, flush=True)


CPU: list[float] = []
"""CPU seconds (time.process_time) of each in-process call: unaffected by other processes."""


def cli_json(db: Path) -> tuple[float, int]:
    from readiness.cli import main

    out = io.StringIO()
    started, started_cpu = time.perf_counter(), time.process_time()
    with contextlib.redirect_stdout(out):
        code = main(["--db", str(db), "portfolio", "--json"])
    elapsed = time.perf_counter() - started
    CPU.append(time.process_time() - started_cpu)
    assert code == 0
    rows = sum(len(t["rows"]) for t in json.loads(out.getvalue())["questionnaires"])
    return elapsed, rows


def subprocess_json(db: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "readiness.cli", "--db", str(db), "portfolio", "--json"],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return time.perf_counter() - started


def rescore_baseline(db: Path, sample: int, total: int) -> float:
    """Seconds to load and rescore ``sample`` assessments, scaled to ``total``."""
    from readiness.services.workspace import Workspace

    workspace = Workspace.open(db)
    try:
        ids = [a.id for a in workspace.assessments()][:sample]
        started = time.perf_counter()
        for assessment_id in ids:
            workspace.state(assessment_id)  # answers read, questionnaire cached, scored
        elapsed = time.perf_counter() - started
    finally:
        workspace.close()
    return elapsed * total / len(ids)


PAGE_CPU: list[float] = []


def page_fill(db: Path, repeat: int) -> list[float]:
    """Seconds from refresh() until the Portfolio page's table is filled, offscreen."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from readiness.services.workspace import Workspace
    from readiness.ui.portfolio_page import PortfolioPage

    app = QApplication.instance() or QApplication([])
    workspace = Workspace.open(db)
    page = PortfolioPage()
    samples = []
    try:
        from readiness.services.portfolio import portfolio_tables

        for _ in range(repeat):
            started, started_cpu = time.perf_counter(), time.process_time()
            page.show_tables(portfolio_tables(workspace))
            app.processEvents()
            samples.append(time.perf_counter() - started)
            PAGE_CPU.append(time.process_time() - started_cpu)
            assert page.table_model.rowCount() > 0
    finally:
        page.close()
        workspace.close()
    return samples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assessments", type=int, default=10_000)
    parser.add_argument("--dir", type=Path)
    parser.add_argument("--seed", type=int, default=20240612)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--rescore-sample", type=int, default=1_000)
    parser.add_argument("--no-ui", action="store_true")
    parser.add_argument(
        "--reuse", action="store_true", help="measure DIR/bench.db again instead of building it"
    )
    args = parser.parse_args(argv)

    folder = args.dir or Path(tempfile.mkdtemp(prefix="portfolio-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    from readiness.services.workspace import Workspace

    db = folder / "bench.db"
    fill = float("nan")
    if not (args.reuse and db.exists()):
        _progress(f"building {args.assessments:,} assessments in {folder}")
        db = build(folder, args.assessments, args.seed).db
        started = time.perf_counter()
        Workspace.open(db).close()  # fills the per-domain cache, as after the migration
        fill = time.perf_counter() - started
        _progress(f"cache fill {fill:.1f} s")

    first, rows = cli_json(db)
    warm = [cli_json(db)[0] for _ in range(args.repeat)]
    sub = [subprocess_json(db) for _ in range(3)]
    baseline = rescore_baseline(db, args.rescore_sample, args.assessments)
    page: list[float] = [] if args.no_ui else page_fill(db, args.repeat)

    median = statistics.median(warm)
    results: dict[str, Any] = {
        "assessments": args.assessments,
        "rows": rows,
        "cache_fill_s": fill,
        "json_first_s": first,
        "json_median_s": median,
        "json_cpu_median_s": statistics.median(CPU),
        "json_subprocess_median_s": statistics.median(sub),
        "rescore_all_s": baseline,
        "page_first_s": page[0] if page else None,
        "page_median_s": statistics.median(page) if page else None,
        "page_cpu_median_s": statistics.median(PAGE_CPU) if PAGE_CPU else None,
        "cpu": cpu_model(),
    }
    print(f"## Portfolio ({args.assessments:,} assessments x 60 answers, {rows} rows)\n")
    print("| Measure | Time | Target |")
    print("|---|--:|---|")
    print(
        f"| `portfolio --json` in-process, first call | {ms(first)} "
        f"| <= {JSON_TARGET_MS:.0f} ms: {verdict(first * 1000 <= JSON_TARGET_MS)} |"
    )
    print(
        f"| `portfolio --json` in-process, median of {args.repeat} | {ms(median)} "
        f"| <= {JSON_TARGET_MS:.0f} ms: {verdict(median * 1000 <= JSON_TARGET_MS)} |"
    )
    print(
        f"| `portfolio --json` in-process, CPU time, median of {len(CPU)} "
        f"| {ms(statistics.median(CPU))} | |"
    )
    print(
        f"| `portfolio --json` subprocess (Python start included), median of 3 "
        f"| {ms(statistics.median(sub))} | |"
    )
    if page:
        print(
            f"| Portfolio page filled, first | {ms(page[0])} "
            f"| <= {PAGE_TARGET_MS:.0f} ms: {verdict(page[0] * 1000 <= PAGE_TARGET_MS)} |"
        )
        print(
            f"| Portfolio page filled, median of {args.repeat} | {ms(statistics.median(page))} "
            f"| <= {PAGE_TARGET_MS:.0f} ms: "
            f"{verdict(statistics.median(page) * 1000 <= PAGE_TARGET_MS)} |"
        )
        print(
            f"| Portfolio page filled, CPU time, median of {len(PAGE_CPU)} "
            f"| {ms(statistics.median(PAGE_CPU))} | |"
        )
    print(
        f"| Baseline: rescoring every assessment instead (from {args.rescore_sample:,}) "
        f"| {ms(baseline)} | |"
    )
    print(
        f"| Per-domain cache fill at open, all {args.assessments:,} (once, after the "
        f"migration) | {ms(fill)} | |"
    )
    print()
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
