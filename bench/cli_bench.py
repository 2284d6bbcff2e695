"""Command-line latency benchmark: whole processes, as a script or a user meets them.

Run from the repository root::

    python -m bench.cli_bench [--runs 9] [--out DIR]

Each timing is one fresh process of the installed ``readiness`` script (the one next to the
running Python; ``PYTHONPATH`` chooses the source tree), from spawn to exit, output captured.
Baselines, measured in the same rounds and interleaved with the app so they see the same machine
state: ``python -c pass`` (interpreter start and exit) and ``python -c "import sqlalchemy.orm"``
(the ORM import plus the interpreter tearing it down). The database is the demo data in a
temporary folder. Cases:

- ``--version`` and ``--help``: target ≤ 4× ``python -c pass``;
- ``assessment list``, ``assessment show ID`` and ``answer ID QUESTION OPTION`` (a real change,
  alternating between two options): target ≤ 0.8× ``import sqlalchemy.orm``;
- ``answer ID --file ANSWERS`` applying 60 answers (a generated 60-question questionnaire, two
  files alternating so every run changes every answer): target < 1 s;
- ``export ID --pdf FILE --xlsx FILE`` of a demo assessment (both reports, one process):
  target < 1 s.

Also reported: the split of one ``assessment list`` process into import time (``-X importtime``
total) and the time the interpreter spends tearing itself down (with and without the fast exit,
``READINESS_SLOW_EXIT=1``). Medians; every sample in ``cli.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.questionnaire_bench import cpu_model

PASS_RATIO = 4.0
ORM_RATIO = 0.8
FILE_LIMIT_S = 1.0


def _script() -> str:
    found = Path(sys.executable).with_name("readiness")
    return str(found) if found.exists() else shutil.which("readiness") or "readiness"


def _environment(folder: Path) -> dict[str, str]:
    env = dict(os.environ)
    # as installed: pip compiles the bytecode at install time; without it every process would
    # compile our modules from source again (about 10 ms for `--help` alone)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["READINESS_LOG_DIR"] = str(folder / "logs")
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[name] = str(folder / name.lower())
    env.pop("READINESS_DB", None)
    env.pop("READINESS_DATABASE_URL", None)
    return env


def _once(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{command} failed ({done.returncode}): {done.stderr[-800:]}")
    return elapsed


def _prepare(folder: Path) -> tuple[dict[str, list[list[str]]], dict[str, str], Path]:
    from readiness.services.demo import seed
    from readiness.services.workspace import Workspace

    db = folder / "readiness.db"
    workspace = Workspace.open(db)
    for _ in seed(workspace):
        pass
    summaries = workspace.assessments()
    target = summaries[0]
    state = workspace.state(target.id)
    question = next(q for q in state.questionnaire.questions() if q.is_choice and q.scale)
    options = [o.id for o in question.scale.options][:2]  # type: ignore[union-attr]
    batch_id, answer_files = _batch(workspace, folder)
    workspace.close()
    script = _script()
    base = [script, "--db", str(db)]
    py = sys.executable
    cases: dict[str, list[list[str]]] = {
        "python -c pass": [[py, "-c", "pass"]],
        'python -c "import sqlalchemy.orm"': [[py, "-c", "import sqlalchemy.orm"]],
        "readiness --version": [[script, "--version"]],
        "readiness --help": [[script, "--help"]],
        "readiness assessment list": [[*base, "assessment", "list"]],
        "readiness assessment show ID": [[*base, "assessment", "show", target.id]],
        "readiness answer ID QUESTION OPTION": [
            [*base, "answer", target.id, question.id, option] for option in options
        ],
        "readiness answer ID --file ANSWERS (60 answers)": [
            [*base, "answer", batch_id, "--file", str(path)] for path in answer_files
        ],
        "readiness export ID --pdf --xlsx (demo assessment)": [
            [
                *base,
                "export",
                target.id,
                "--pdf",
                str(folder / f"report-{k}.pdf"),
                "--xlsx",
                str(folder / f"report-{k}.xlsx"),
            ]
            for k in range(2)
        ],
    }
    return cases, _environment(folder), db


def _batch(workspace: Any, folder: Path) -> tuple[str, list[Path]]:
    """An assessment of a generated 60-question questionnaire and two answers files that
    answer all 60 questions differently, so that every timed run changes every answer."""
    from bench.questionnaire_bench import generate_questionnaire
    from readiness.services.library import install

    text, spec = generate_questionnaire(6, 10, seed=7, qid="bench-60")
    source = folder / "bench-60.yaml"
    source.write_text(text, encoding="utf-8")
    install(workspace, source)
    organisation = workspace.add_organisation("Batch Co", "company")
    batch = workspace.new_assessment(organisation.id, "bench-60", "batch answers")
    files = []
    for option in ("1", "3"):
        path = folder / f"answers-{option}.yaml"
        lines = [f'  {qid}: "{option}"' for qid in spec.question_ids]
        path.write_text(
            "questionnaire: bench-60\nanswers:\n" + "\n".join(lines) + "\n", encoding="utf-8"
        )
        files.append(path)
    return batch.id, files


def _import_total(command: list[str], env: dict[str, str]) -> float:
    """Seconds of imports in one process (sum of the top-level -X importtime entries)."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", *command], env=env, capture_output=True, text=True
    )
    total = 0
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            parts = line.split("|")
            name = parts[2]
            if not name.startswith("  ") and parts[1].strip().isdigit():
                total += int(parts[1])
    return total / 1e6


def run(runs: int) -> tuple[str, dict[str, object]]:
    with tempfile.TemporaryDirectory(prefix="readiness-cli-") as tmp:
        cases, env, _db = _prepare(Path(tmp))
        for variants in cases.values():  # warm the file cache once, not timed
            for command in variants:
                _once(command, env)
        samples: dict[str, list[float]] = {name: [] for name in cases}
        for index in range(runs):
            for name, variants in cases.items():
                samples[name].append(_once(variants[index % len(variants)], env))
        slow_env = dict(env, READINESS_SLOW_EXIT="1")
        list_cmd = cases["readiness assessment list"][0]
        fast, slow = [], []
        for _ in range(runs):
            fast.append(_once(list_cmd, env))
            slow.append(_once(list_cmd, slow_env))
        script_module = [
            "-c",
            "import sys; from readiness.cli import main; sys.argv[0] = 'readiness'; main()",
            *list_cmd[1:],
        ]
        imports = statistics.median(_import_total(script_module, env) for _ in range(3))
    med = {name: statistics.median(values) for name, values in samples.items()}
    pass_s = med["python -c pass"]
    orm_s = med['python -c "import sqlalchemy.orm"']
    rows = []
    for name, value in med.items():
        if name.startswith("python"):
            ratio, target, ok = "", "baseline", ""
        elif name in ("readiness --version", "readiness --help"):
            ratio = f"{value / pass_s:.1f}× pass"
            target = f"≤ {PASS_RATIO:g}× pass"
            ok = "met" if value <= PASS_RATIO * pass_s else "**missed**"
        elif "export" in name or "--file" in name:
            ratio = f"{value / orm_s:.2f}× orm"
            target = f"< {FILE_LIMIT_S:g} s"
            ok = "met" if value < FILE_LIMIT_S else "**missed**"
        else:
            ratio = f"{value / orm_s:.2f}× orm"
            target = f"≤ {ORM_RATIO:g}× orm"
            ok = "met" if value <= ORM_RATIO * orm_s else "**missed**"
        rows.append(f"| {name} | {value * 1000:,.0f} ms | {ratio} | {target} | {ok} |")
    report = "\n".join(
        [
            "## Command-line latency (whole process)",
            "",
            f"Machine: {cpu_model()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}. Medians of {runs} runs, interleaved.",
            "",
            "| command | median | ratio | target | verdict |",
            "|---|---:|---:|---|---|",
            *rows,
            "",
            f"`assessment list` split: imports {imports * 1000:,.0f} ms (`-X importtime`); "
            f"with the fast exit {statistics.median(fast) * 1000:,.0f} ms, with the interpreter's "
            f"normal teardown (`READINESS_SLOW_EXIT=1`) {statistics.median(slow) * 1000:,.0f} ms.",
        ]
    )
    data = {"samples": samples, "fast_exit": fast, "slow_exit": slow, "imports_s": imports}
    return report, data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--out", type=Path, default=Path("bench/out"))
    args = parser.parse_args(argv)
    report, data = run(args.runs)
    print(report)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "cli.md").write_text(report + "\n", encoding="utf-8")
    (args.out / "cli.json").write_text(json.dumps(data, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
