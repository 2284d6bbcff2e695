"""Scoring throughput of this tree against a baseline commit, measured in the same run.

``python -m bench.scoring_baseline [--baseline REV] [--rounds N] [--sets N]``

The baseline tree is exported with ``git archive`` into a temporary folder. Both trees score the
same generated 60-question questionnaire (6 x 10, from ``questionnaire_bench``) and the same
answer sets, each in its own fresh process, alternating baseline / current for N rounds, so a
busy spell of a shared machine falls on both alike. Each process warms up once and then times
one pass over all the answer sets. Prints a markdown table (medians and best of the rounds).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from bench.questionnaire_bench import DEFAULT_SEED, generate_answers, generate_questionnaire
from readiness.domain.answers import ChoiceAnswer, NotApplicable

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BASELINE = "dc5f92b"  # main before scoring method 2 landed

CHILD = r"""
import gc, json, sys, time
from readiness.domain.answers import ChoiceAnswer, NotApplicable
from readiness.domain.scoring import score
from readiness.questionnaire.loader import load_file
from pathlib import Path
questionnaire = load_file(Path(sys.argv[1])).questionnaire
raw = json.load(open(sys.argv[2], encoding="utf-8"))
sets = [
    {q: ChoiceAnswer(v) if isinstance(v, str) else NotApplicable(v["na"]) for q, v in s.items()}
    for s in raw
]
for answers in sets[:200]:
    score(questionnaire, answers)
gc.collect()
start = time.perf_counter()
for answers in sets:
    score(questionnaire, answers)
print(time.perf_counter() - start)
"""


def _export(revision: str, folder: Path) -> Path:
    archive = folder / "baseline.tar"
    with archive.open("wb") as out:
        subprocess.run(
            ["git", "archive", revision, "src", "questionnaires"], cwd=ROOT, stdout=out, check=True
        )
    with tarfile.open(archive) as tar:
        tar.extractall(folder / "baseline", filter="data")
    return folder / "baseline" / "src"


def _time(src: Path, questionnaire: Path, answers: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(src)}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(questionnaire), str(answers)],
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise SystemExit(f"scoring failed in {src}:\n{done.stderr[-2000:]}")
    return float(done.stdout.strip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default=DEFAULT_BASELINE, help="git revision to compare")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--sets", type=int, default=10_000)
    args = parser.parse_args(argv)
    text, spec = generate_questionnaire(6, 10, DEFAULT_SEED + 1, "bench-60")
    sets = generate_answers(spec, args.sets, DEFAULT_SEED + 2)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        questionnaire = folder / "questionnaire-60.yaml"
        questionnaire.write_text(text, encoding="utf-8")
        answers = folder / "answers.json"
        plain = [
            {
                q: a.option_id if isinstance(a, ChoiceAnswer) else {"na": a.justification}
                for q, a in s.items()
                if isinstance(a, ChoiceAnswer | NotApplicable)
            }
            for s in sets
        ]
        answers.write_text(json.dumps(plain), encoding="utf-8")
        trees = {"baseline": _export(args.baseline, folder), "current": ROOT / "src"}
        samples: dict[str, list[float]] = {name: [] for name in trees}
        for round_index in range(args.rounds):
            order = list(trees) if round_index % 2 == 0 else list(reversed(trees))
            for name in order:
                samples[name].append(_time(trees[name], questionnaire, answers))
    print(f"Scoring throughput, {args.sets:,} sixty-question assessments, {args.rounds} rounds")
    print()
    print("| Tree | Median time | Assessments/s (median) | Assessments/s (best) |")
    print("|---|--:|--:|--:|")
    for name, values in samples.items():
        label = f"baseline `{args.baseline}`" if name == "baseline" else "current"
        median, best = statistics.median(values), min(values)
        print(
            f"| {label} | {median * 1000:,.1f} ms | {args.sets / median:,.0f}/s "
            f"| {args.sets / best:,.0f}/s |"
        )
    ratio = statistics.median(samples["baseline"]) / statistics.median(samples["current"])
    print()
    print(f"Current / baseline throughput (medians): {ratio:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
