"""Exchange benchmark: importing packages of 60-question assessments (DESIGN section 8).

Run from the repository root::

    python -m bench.exchange_bench [--packages 1000] [--single 5] [--dir DIR] [--out DIR]

It generates a 60-question questionnaire (6 domains x 10, the generator of
``bench/questionnaire_bench.py``), a sender and a receiver workspace with their own keys, and
N packages of fully answered assessments (options, some N/A with a justification, comments),
each signed by the sender and encrypted to the receiver, written with the app's own package
writer. It then times, each in a fresh process through the real command line:

- ``readiness package import`` of all N files at once into an empty workspace (target <= 60 s
  for 1,000 on a 2-core machine), with the process's peak resident memory;
- ``readiness package import`` of one new package into that populated workspace, whole process
  (start-up, migration check, decryption, checks, one transaction; target <= 1 s), median of
  ``--single`` runs.

Results are printed as markdown and written to ``OUT/exchange.md`` and ``exchange.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.questionnaire_bench import cpu_model, generate_questionnaire, verdict
from readiness.domain.answers import AnswerDetail, ChoiceAnswer, NotApplicable
from readiness.domain.records import Organisation, OrganisationKind
from readiness.exchange.document import AssessmentInfo, build_document, stamp
from readiness.exchange.keys import KeyFolder
from readiness.exchange.package import PackageSpec, write_package
from readiness.questionnaire.loader import load_file

BULK_TARGET_S = 60.0
SINGLE_TARGET_S = 1.0


def make_packages(folder: Path, count: int, seed: int) -> tuple[list[Path], float]:
    """``count`` encrypted packages from one sender to the receiver; (paths, seconds to write)."""
    text, spec = generate_questionnaire(6, 10, seed, "bench-exchange-60")
    qfile = folder / "bench-60.yaml"
    qfile.write_text(text, encoding="utf-8")
    loaded = load_file(qfile)
    questionnaire = loaded.questionnaire
    sender = KeyFolder(folder / "sender-keys")
    sender.set_name("Bench Sender")
    receiver = KeyFolder(folder / "receiver-keys")
    card, signing_key = sender.card(), sender.signing_key()
    recipient = receiver.card().recipient
    rng = random.Random(seed)
    out = folder / "packages"
    out.mkdir()
    paths = []
    started = time.perf_counter()
    for index in range(count):
        organisation = Organisation(
            f"00000000-0000-4000-8000-{index:012d}",
            f"Company {index}",
            OrganisationKind.COMPANY,
            "energy",
            "NO",
        )
        details = {}
        for question_id in spec.question_ids:
            question = questionnaire.question(question_id)
            assert question is not None and question.scale is not None
            if spec.allow_na.get(question_id) and rng.random() < 0.05:
                details[question_id] = AnswerDetail(NotApplicable("Not relevant to our sector"))
            else:
                option = rng.choice(question.scale.options).id
                comment = "Checked in the spring exercise." if rng.random() < 0.2 else ""
                details[question_id] = AnswerDetail(ChoiceAnswer(option), comment)
        now = datetime.now(UTC)
        info = AssessmentInfo(
            f"10000000-0000-4000-8000-{index:012d}", f"Bench {index}", "completed", "", now, now, 1
        )
        document = build_document(organisation, info, details, share=False)
        package_spec = PackageSpec(
            kind="assessment",
            created=stamp(now, False),
            app_version="bench",
            marking="TLP:AMBER+STRICT",
            share_mode=False,
            questionnaire={
                "id": questionnaire.id,
                "version": questionnaire.version,
                "sha256": loaded.sha256,
            },
            assessment={"id": info.id, "revision": 1, "organisation_id": organisation.id},
        )
        data, _package_id = write_package(
            package_spec, card, signing_key, document, loaded.source.encode(), [recipient]
        )
        path = out / f"p{index:05d}.readiness"
        path.write_bytes(data)
        paths.append(path)
    return paths, time.perf_counter() - started


def run_import(folder: Path, db: Path, files: list[Path]) -> tuple[float, int, list[dict], float]:
    """One ``readiness package import --json`` process: (wall seconds, peak RSS KiB, rows,
    CPU seconds: user + system)."""
    env = dict(os.environ, READINESS_KEYS=str(folder / "receiver-keys"))
    env["READINESS_LOG_DIR"] = str(folder / "logs")
    command = [
        sys.executable,
        "-m",
        "readiness.cli",
        "--db",
        str(db),
        "package",
        "import",
        "--json",
        *map(str, files),
    ]
    out_file, err_file = folder / "import.out", folder / "import.err"
    started = time.perf_counter()
    with out_file.open("wb") as out_handle, err_file.open("wb") as err_handle:
        # files, not pipes: a pipe would fill with 1,000 rows and stall the child
        process = subprocess.Popen(command, stdout=out_handle, stderr=err_handle, env=env)
        _pid, _status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    out, err = out_file.read_bytes(), err_file.read_bytes()
    rows = json.loads(out) if out else []
    if not rows:
        raise SystemExit(f"import failed: {err.decode(errors='replace')[:500]}")
    return elapsed, int(usage.ru_maxrss), rows, usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--packages", type=int, default=1000)
    parser.add_argument("--single", type=int, default=5)
    parser.add_argument("--seed", type=int, default=20261129)
    parser.add_argument("--dir", type=Path, help="work folder (default: a temporary one)")
    parser.add_argument("--out", type=Path, default=Path("bench/out"))
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="exchange-bench-", dir=args.dir))
    try:
        paths, write_s = make_packages(folder, args.packages + args.single, args.seed)
        bulk, single = paths[: args.packages], paths[args.packages :]
        size = sum(p.stat().st_size for p in bulk) / len(bulk)
        db = folder / "receiver.db"
        bulk_s, bulk_rss, rows, bulk_cpu = run_import(folder, db, bulk)
        created = sum(1 for r in rows if r["outcome"] == "created")
        singles = [run_import(folder, db, [path]) for path in single]
        single_s = statistics.median(run[0] for run in singles)
        single_cpu = statistics.median(run[3] for run in singles)
        single_rss = max(run[1] for run in singles)
        assert all(run[2][0]["outcome"] == "created" for run in singles)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    results = {
        "machine": {"cpu": cpu_model(), "cores": os.cpu_count(), "python": sys.version.split()[0]},
        "packages": args.packages,
        "package_bytes_mean": round(size),
        "write_seconds_per_package": write_s / len(paths),
        "bulk_seconds": bulk_s,
        "bulk_created": created,
        "bulk_peak_rss_mib": bulk_rss / 1024,
        "single_seconds_median": single_s,
        "single_runs": [run[0] for run in singles],
        "single_cpu_seconds_median": single_cpu,
        "bulk_cpu_seconds": bulk_cpu,
        "single_peak_rss_mib": single_rss / 1024,
    }
    report = "\n".join(
        [
            "## Exchange packages: import",
            "",
            f"Machine: {results['machine']['cpu']}, {results['machine']['cores']} cores, "
            f"Python {results['machine']['python']}. Packages of 60-question assessments, "
            f"signed and encrypted, {size / 1024:.1f} KiB each on average.",
            "",
            "| measure | result | target | verdict |",
            "| --- | --- | --- | --- |",
            f"| import {args.packages:,} packages, one process (created: {created:,}) | "
            f"{bulk_s:.1f} s wall ({bulk_s / args.packages * 1000:.1f} ms each), "
            f"{bulk_cpu:.1f} s CPU | <= 60 s | "
            f"{verdict(bulk_s <= BULK_TARGET_S)} |",
            f"| peak memory of that process (RSS) | {bulk_rss / 1024:.0f} MiB | - | - |",
            f"| import one package, whole process (median of {len(singles)}) | "
            f"{single_s * 1000:.0f} ms wall, {single_cpu * 1000:.0f} ms CPU | <= 1 s | "
            f"{verdict(single_s <= SINGLE_TARGET_S)} |",
            f"| peak memory of one-package process (RSS) | {single_rss / 1024:.0f} MiB | - | - |",
            f"| writing one package (sign + zip + encrypt, in-process) | "
            f"{write_s / len(paths) * 1000:.1f} ms | - | - |",
        ]
    )
    print(report)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "exchange.md").write_text(report + "\n", encoding="utf-8")
    (args.out / "exchange.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0 if bulk_s <= BULK_TARGET_S and single_s <= SINGLE_TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
