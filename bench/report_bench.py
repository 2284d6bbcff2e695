"""Report export benchmark: PDF and Excel, for the company questionnaire and 1,000 questions.

Run from the repository root::

    python -m bench.report_bench [--repeat N] [--out DIR]

For each case (the built-in company questionnaire fully answered; a generated 1,000-question
questionnaire, 20 domains x 50, fully answered with some N/A and comments) and each format it
measures

- **whole process**: a fresh ``python -m bench.report_bench --child ...`` that imports the
  package, loads the questionnaire, scores the answers and exports one file through
  ``readiness.services.export.export_report`` (atomic write included), timed from the parent
  around the child's whole life; peak memory is the child's ``ru_maxrss`` (from ``os.wait4``);
- **in process**: ``render_pdf`` / ``render_xlsx`` of an already built report into a file,
  after one untimed warm-up (fonts registered, modules imported).

Medians of N runs (default 5). Targets: whole process <= 1 s for the company questionnaire,
<= 10 s for 1,000 questions. The markdown report is printed and written to ``DIR/report.md``.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "bench" / "out"
SEED = 20240611
TARGETS = {"company": 1.0, "q1000": 10.0}  # seconds, whole process
CASES = {"company": "company questionnaire (37 q.)", "q1000": "generated, 1,000 questions"}


# --------------------------------------------------------------------------------------------
# What is exported (used by the child process and in-process alike)
# --------------------------------------------------------------------------------------------


def load(case: str, questionnaire_file: Path | None):
    """Load just the one questionnaire, as an export of a stored assessment loads its snapshot."""
    from readiness.paths import builtin_questionnaires_dir
    from readiness.questionnaire.loader import load_file

    if case == "company":
        return load_file(builtin_questionnaires_dir() / "company-readiness.yaml")
    assert questionnaire_file is not None
    return load_file(questionnaire_file)


def build_report(loaded):
    """Every question answered: options spread over the scale, every 9th N/A (where allowed),
    a comment on every 5th, every 11th flagged; free-text questions get a sentence."""
    from readiness.domain.answers import ChoiceAnswer, NotApplicable, TextAnswer
    from readiness.domain.report import AnswerDetail, Marking, Report
    from readiness.domain.scoring import score

    questionnaire = loaded.questionnaire
    details = {}
    for index, question in enumerate(questionnaire.questions()):
        if not question.is_choice:
            answer = TextAnswer("Funding for joint exercises and cleared staff.")
        elif index % 9 == 4 and question.allow_na:
            answer = NotApplicable("Handled by our parent company under a group-wide agreement.")
        else:
            options = question.scale.options
            answer = ChoiceAnswer(options[(index * 3 + 1) % len(options)].id)
        comment = ""
        if index % 5 == 2:
            comment = (
                "Evidence: crisis plan v4, section 2.3; last reviewed with the regional "
                "authority in March. Open point: deputy not yet trained."
            )
        details[question.id] = AnswerDetail(answer, comment, index % 11 == 0)
    answers = {qid: d.answer for qid, d in details.items()}
    now = datetime(2025, 3, 14, 9, 30, tzinfo=UTC)
    return Report(
        organisation="Nordic Grid Operator AS",
        organisation_kind="company",
        sector="energy",
        country="NO",
        title="Annual readiness review",
        assessor="Kari Nordmann",
        status="completed",
        marking=Marking.AMBER_STRICT,
        questionnaire_sha256=loaded.sha256,
        created_at=now,
        updated_at=now,
        generated_at=now,
        tool_version="bench",
        result=score(questionnaire, answers),
        details=details,
    )


def child(fmt: str, case: str, questionnaire_file: str, out: str) -> None:
    """The tiny export script run in a fresh process."""
    from readiness.services.export import export_report

    report = build_report(load(case, Path(questionnaire_file) if questionnaire_file else None))
    if fmt == "pdf":
        export_report(report, pdf=out)
    else:
        export_report(report, xlsx=out)


# --------------------------------------------------------------------------------------------
# Measuring
# --------------------------------------------------------------------------------------------


@dataclass
class Row:
    case: str
    fmt: str
    questions: int
    size: int
    pages: str
    in_process: list[float]
    whole: list[float]
    rss_kib: list[int]

    @property
    def whole_min(self) -> float:
        return min(self.whole)

    @property
    def whole_median(self) -> float:
        return statistics.median(self.whole)

    @property
    def ok(self) -> bool:
        return self.whole_median <= TARGETS[self.case]


def child_env(out: Path) -> dict[str, str]:
    """The child caches bytecode (in DIR/pycache), as an installed package has its .pyc files;
    this environment may set PYTHONDONTWRITEBYTECODE, which would recompile every run."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(out / "pycache")
    return env


def run_child(fmt: str, case: str, questionnaire_file: Path | None, out: Path) -> tuple[float, int]:
    """Wall time of a whole child process and its peak resident memory (KiB on Linux)."""
    command = [
        sys.executable,
        "-m",
        "bench.report_bench",
        "--child",
        fmt,
        case,
        str(questionnaire_file or ""),
        str(out),
    ]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=child_env(out.parent))
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"child export failed ({fmt}, {case}): exit {process.returncode}")
    rss = usage.ru_maxrss if sys.platform != "darwin" else usage.ru_maxrss // 1024
    return elapsed, rss


def time_in_process(render, repeat: int) -> list[float]:
    render()  # warm-up: imports done, fonts registered, caches filled
    samples = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        render()
        samples.append(time.perf_counter() - start)
    return samples


def pdf_pages(path: Path) -> str:
    try:
        from pypdf import PdfReader
    except ImportError:
        return "?"
    return f"{len(PdfReader(path).pages)} pages"


def measure_case(case: str, questionnaire_file: Path | None, out: Path, repeat: int) -> list[Row]:
    from readiness.reports.pdf import render_pdf
    from readiness.reports.xlsx import render_xlsx

    loaded = load(case, questionnaire_file)
    report = build_report(loaded)
    questions = sum(1 for _ in loaded.questionnaire.questions())
    rows = []
    for fmt in ("pdf", "xlsx"):
        target = out / f"bench-{case}.{fmt}"
        if fmt == "pdf":
            in_process = time_in_process(lambda t=target: render_pdf(report, t), repeat)
            pages = pdf_pages(target)
        else:
            in_process = time_in_process(lambda t=target: render_xlsx(report, t), repeat)
            pages = "4 sheets"
        whole: list[float] = []
        rss: list[int] = []
        child_target = out / f"bench-{case}-child.{fmt}"
        run_child(fmt, case, questionnaire_file, child_target)  # warm-up: bytecode, file cache
        for _ in range(repeat):
            elapsed, peak = run_child(fmt, case, questionnaire_file, child_target)
            whole.append(elapsed)
            rss.append(peak)
        rows.append(Row(case, fmt, questions, target.stat().st_size, pages, in_process, whole, rss))
        print(f"  {case} {fmt}: whole {statistics.median(whole):.2f} s", file=sys.stderr)
    return rows


def baseline_interpreter(repeat: int) -> float:
    """A bare ``python -c pass`` for reference: the floor of any whole-process figure."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def render_markdown(rows: list[Row], repeat: int, interpreter: float) -> str:
    from bench.questionnaire_bench import machine_info

    info = machine_info()
    lines = [
        "## Report export",
        "",
        f"`python -m bench.report_bench --repeat {repeat}`: medians of {repeat} runs. "
        "*Whole process* = a fresh Python process that imports the package, loads the "
        "questionnaire, scores it and exports one file atomically (`export_report`); "
        "*in process* = `render_pdf`/`render_xlsx` of a built report after one warm-up. "
        "Each whole-process series starts with one untimed child (bytecode cached, as in an "
        f"installed package). A bare `python -c pass` takes {interpreter * 1000:.0f} ms here.",
        "",
        f"Machine: {info['CPU']}, {info['Cores']}; {info['OS']}; {info['Python']}.",
        "",
        "| Case | Format | Output | Size | In process (median) | Whole process (median) "
        "| Whole process (min) | Peak RSS (child) | Target | |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        lines.append(
            f"| {CASES[row.case]} | {row.fmt.upper()} | {row.pages} "
            f"| {row.size / 1024:,.0f} KiB "
            f"| {statistics.median(row.in_process):.2f} s "
            f"| {row.whole_median:.2f} s "
            f"| {row.whole_min:.2f} s "
            f"| {max(row.rss_kib) / 1024:,.0f} MiB "
            f"| ≤ {TARGETS[row.case]:g} s | {'met' if row.ok else '**missed**'} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--child", nargs=4, metavar=("FORMAT", "CASE", "QFILE", "OUT"))
    args = parser.parse_args(argv)
    if args.child:
        child(*args.child)
        return 0
    from bench.questionnaire_bench import generate_questionnaire  # the parent only

    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    text, _spec = generate_questionnaire(20, 50, SEED, "bench-1000")
    big = out / "report-bench-1000.yaml"
    big.write_text(text, encoding="utf-8")
    rows: list[Row] = []
    rows += measure_case("company", None, out, args.repeat)
    rows += measure_case("q1000", big, out, args.repeat)
    table = render_markdown(rows, args.repeat, baseline_interpreter(args.repeat))
    (out / "report.md").write_text(table, encoding="utf-8")
    print(table)
    return 0 if all(row.ok for row in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
