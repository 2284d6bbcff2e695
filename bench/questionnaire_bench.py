"""Questionnaire core benchmark: loading/validating a large questionnaire, and scoring throughput.

Run from the repository root::

    python -m bench.questionnaire_bench [--repeat N] [--out DIR] [--seed S] [--profile]

It writes two generated questionnaires (1,000 questions: 20 domains x 50; 60 questions: 6 x 10)
in the ``readiness-questionnaire/1`` format to DIR, generates seeded random answer sets, then
times, over N repeats, ``readiness.questionnaire.loader.validate_file`` against same-run PyYAML
baselines and ``readiness.domain.scoring.score`` over the answer sets. Results are printed as
markdown and written to ``DIR/questionnaire.md`` (and ``DIR/questionnaire.json``). With
``--profile``, cProfile statistics for one validation and one scoring pass are written to DIR
and the top entries printed.
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
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from readiness.domain.answers import Answer, ChoiceAnswer, NotApplicable
from readiness.domain.model import Questionnaire
from readiness.domain.scoring import score
from readiness.questionnaire import semantic, yaml_source
from readiness.questionnaire.builder import build
from readiness.questionnaire.loader import load_file, validate_file
from readiness.questionnaire.schema_check import SchemaChecker, load_schema

DEFAULT_SEED = 20240611
MEASURED_CODE = (
    "src/readiness/domain",
    "src/readiness/questionnaire",
    "questionnaires/schema.json",
)
VALIDATE_TARGET_MS = 100.0  # issue 17 (was 200 ms)
SCORING_TARGET_PER_S = 10_000.0  # issue 10: method 2 must keep this

# --------------------------------------------------------------------------------------------
# Questionnaire generation
# --------------------------------------------------------------------------------------------

# 20 themes of civil-military partnership readiness, each with the things a question asks about.
DOMAINS: list[tuple[str, str, list[str]]] = [
    (
        "governance",
        "Crisis governance and authority",
        [
            "crisis executive",
            "delegation of authority",
            "board briefing",
            "crisis team activation",
            "vital-function mapping",
        ],
    ),
    (
        "trust",
        "Trust and information sharing",
        [
            "24/7 point of contact",
            "TLP 2.0 labelling",
            "ISAC membership",
            "two-way threat briefings",
            "liaison officer exchange",
        ],
    ),
    (
        "legal",
        "Legal and contractual readiness",
        [
            "non-disclosure agreement",
            "host-nation support contract",
            "requisition procedure",
            "liability arrangements",
            "incident notification duties",
        ],
    ),
    (
        "security",
        "Protective security",
        [
            "facility security clearance",
            "personnel vetting",
            "access control at critical sites",
            "insider-risk programme",
            "classified-information handling",
        ],
    ),
    (
        "continuity",
        "Business continuity",
        [
            "business impact analysis",
            "continuity plan for critical services",
            "alternate site",
            "minimum service levels",
            "recovery time objectives",
        ],
    ),
    (
        "exercises",
        "Exercises and training",
        [
            "joint exercise participation",
            "tabletop exercise programme",
            "after-action reviews",
            "staff crisis training",
            "exercise injects from authorities",
        ],
    ),
    (
        "interop",
        "Interoperability",
        [
            "shared situational picture",
            "common terminology",
            "compatible communications equipment",
            "data exchange formats",
            "map and grid references",
        ],
    ),
    (
        "incentives",
        "Incentives and funding",
        [
            "cost-recovery arrangements",
            "public funding for resilience",
            "insurance cover",
            "priority contracts",
            "recognition schemes",
        ],
    ),
    (
        "supply",
        "Supply chain resilience",
        [
            "critical supplier list",
            "dual sourcing",
            "strategic stock",
            "supplier continuity clauses",
            "foreign-dependency review",
        ],
    ),
    (
        "cyber",
        "Cyber resilience",
        [
            "security operations monitoring",
            "incident response plan",
            "offline backups",
            "network segmentation",
            "vulnerability management",
        ],
    ),
    (
        "comms",
        "Crisis communications",
        [
            "alternate communication channels",
            "satellite phones",
            "message templates",
            "spokesperson arrangements",
            "coordination with public authorities",
        ],
    ),
    (
        "people",
        "Personnel and mobilisation",
        [
            "reservists in critical roles",
            "key-personnel reservation",
            "shift relief in prolonged crises",
            "family support",
            "staff welfare",
        ],
    ),
    (
        "logistics",
        "Logistics and transport",
        [
            "fuel for own fleet",
            "priority road access",
            "convoy support",
            "warehousing capacity",
            "last-mile distribution",
        ],
    ),
    (
        "energy",
        "Energy and utilities",
        [
            "backup power",
            "fuel for generators",
            "grid-outage procedures",
            "water supply",
            "heating and cooling of critical rooms",
        ],
    ),
    (
        "health",
        "Health and medical readiness",
        [
            "first-aid capability",
            "mass-casualty coordination",
            "pandemic plan",
            "medical supply stock",
            "psychological support",
        ],
    ),
    (
        "facilities",
        "Facilities and physical protection",
        [
            "perimeter protection",
            "shelter for staff",
            "protection against drones",
            "hardening of critical rooms",
            "site access in a crisis",
        ],
    ),
    (
        "data",
        "Data protection and sovereignty",
        [
            "data classification",
            "data residency",
            "encryption of sensitive data",
            "lawful disclosure to authorities",
            "records of processing",
        ],
    ),
    (
        "finance",
        "Financial resilience",
        [
            "crisis liquidity",
            "payment continuity",
            "emergency procurement",
            "budget for resilience measures",
            "cost tracking during support",
        ],
    ),
    (
        "public",
        "Public information and disinformation",
        [
            "rumour monitoring",
            "disinformation response",
            "joint public messaging",
            "customer information",
            "social-media monitoring",
        ],
    ),
    (
        "recovery",
        "Recovery and lessons learned",
        [
            "restoration priorities",
            "damage assessment",
            "lessons-learned process",
            "return to normal operations",
            "post-crisis review with partners",
        ],
    ),
]

# Ten aspects x five subjects = 50 questions per domain.
ASPECTS: list[tuple[str, str, str]] = [
    # (slug, question text with {s}, recommendation with {s})
    (
        "owner",
        "Is there a named owner for the {s}, with a deputy and written responsibilities?",
        "Name an owner and a deputy for the {s} and write down what they are responsible for.",
    ),
    (
        "documented",
        "Is the {s} documented in a procedure that staff can find and follow at night?",
        "Write the {s} into a short procedure that duty staff can follow without help.",
    ),
    (
        "agreed",
        "Has the {s} been agreed with the competent authority or the relevant CIMIC office?",
        "Agree the {s} with the competent authority or CIMIC office and record what was agreed.",
    ),
    (
        "tested",
        "Has the {s} been tested in an exercise within the last 24 months?",
        "Test the {s} in an exercise at least every two years and log the results.",
    ),
    (
        "reviewed",
        "Is the {s} reviewed after every exercise and real incident?",
        "Review the {s} after every exercise and incident, and track the actions to closure.",
    ),
    (
        "resourced",
        "Is the {s} funded and staffed for a crisis lasting several weeks?",
        "Budget and staff the {s} for a crisis lasting several weeks, not just a few days.",
    ),
    (
        "shared",
        "Is information about the {s} shared with partners under TLP 2.0 labels?",
        "Share what partners need to know about the {s}, labelled with TLP 2.0.",
    ),
    (
        "measured",
        "Is the {s} measured with indicators reported to management?",
        "Define two or three indicators for the {s} and report them to management every quarter.",
    ),
    (
        "dependencies",
        "Are the external dependencies of the {s} known and covered by agreements?",
        "List what the {s} depends on outside the company and cover each by an agreement.",
    ),
    (
        "trained",
        "Are the staff involved in the {s} trained and is the training recorded?",
        "Train everyone involved in the {s} and keep a record of who was trained when.",
    ),
]

GUIDANCE = (
    "Look for written evidence about the {s}: a current document with an owner and a review date, "
    "and for the upper scores a record showing it worked with partners from the authorities or "
    "the armed forces. {extra} Intentions and drafts count as a 1 at most."
)
GUIDANCE_EXTRA = [
    "Ask the people on the duty roster, not only the plan's author.",
    "Check that the document names the CIMIC office or competent authority it relies on.",
    "Evidence older than 24 months only supports a 2.",
    "Exercise logs, minutes and signed agreements are the best evidence.",
    "Compare what the plan says with what happened in the last real incident.",
    "Where the law restricts what can be shared, note the legal basis used.",
]

ANCHORS = [
    "Nothing in place for the {s}",
    "The {s} depends on individuals and goodwill; nothing is written down",
    "The {s} is defined and documented, with a named owner",
    "The {s} is implemented, known to partners and used in real events",
    "The {s} has been tested with partners in a joint exercise and improved afterwards",
]

SCALE_LABELS = ["Absent", "Ad hoc", "Defined", "Implemented", "Tested with partners"]
LEVELS = [(1, 0, "Initial"), (2, 20, "Developing"), (3, 40, "Defined"), (4, 60, "Managed"),
          (5, 80, "Optimised")]  # fmt: skip


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON string syntax is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _t(text: str) -> str:
    return "{en: " + _q(text) + "}"


@dataclass
class Spec:
    """What was generated: ids in questionnaire order, for building answers without the loader."""

    question_ids: list[str] = field(default_factory=list)
    allow_na: dict[str, bool] = field(default_factory=dict)
    critical: int = 0
    conditional: int = 0


def _condition(rng: random.Random, earlier: list[str], domain_earlier: list[str]) -> str:
    """A `relevant` condition naming earlier questions, in a few of the grammar's shapes."""
    pool = domain_earlier if len(domain_earlier) >= 2 else earlier
    a, b = rng.sample(pool[-12:], 2) if len(pool) >= 2 else (pool[-1], pool[-1])
    shape = rng.randrange(5)
    if shape == 0:
        return f"${{{a}}} >= 2"
    if shape == 1:
        return f"${{{a}}} >= 1 and ${{{b}}} != '0'"
    if shape == 2:
        return f"${{{a}}} >= 3 or ${{{b}}} >= 3"
    if shape == 3:
        return f"not(${{{a}}} = '0')"
    return f"(${{{a}}} >= 2 or ${{{b}}} > 1) and not(${{{a}}} = '4')"


def generate_questionnaire(
    domain_count: int, per_domain: int, seed: int, qid: str
) -> tuple[str, Spec]:
    """YAML text of a realistic questionnaire with ``domain_count x per_domain`` questions."""
    if domain_count > len(DOMAINS) or per_domain > len(ASPECTS) * 5:
        raise ValueError("not enough themes for that size")
    rng = random.Random(seed)
    spec = Spec()
    total = domain_count * per_domain
    out: list[str] = [
        "format: readiness-questionnaire/1",
        f"id: {qid}",
        "version: 1.0.0",
        "audience: company",
        "languages: [en]",
        f"title: {_t(f'Benchmark questionnaire — {total} questions')}",
        "description:",
        "  en: >-",
        "    Generated by bench/questionnaire_bench.py to measure loading and scoring. The text",
        "    imitates the built-in company questionnaire: guidance, anchors for every option and",
        "    a recommendation per question, a few critical questions and some conditions.",
        "scales:",
        "  maturity:",
        "    options:",
    ]
    for score_value, label in enumerate(SCALE_LABELS):
        out.append(f'      - {{id: "{score_value}", score: {score_value}, label: {_t(label)}}}')
    out.append("levels:")
    for level, minimum, label in LEVELS:
        out.append(f"  - {{level: {level}, min: {minimum}, label: {_t(label)}}}")
    out.append("domains:")
    earlier: list[str] = []
    for d_index in range(domain_count):
        slug, title, subjects = DOMAINS[d_index]
        out += [
            "",
            f"  - id: {slug}",
            f"    title: {_t(title)}",
            f"    description: {_t(f'How ready the company is on {title.lower()} for a crisis.')}",
        ]
        if d_index % 5 == 2:
            out.append("    weight: 2")
        out.append("    questions:")
        domain_earlier: list[str] = []
        for k in range(per_domain):
            aspect_slug, text, recommendation = ASPECTS[k // len(subjects)]
            subject = subjects[k % len(subjects)]
            question_id = f"{slug}.{subject.replace(' ', '-').replace('/', '-')}-{aspect_slug}"
            question_id = "".join(c for c in question_id.lower() if c.isalnum() or c in ".-")
            critical = k == 0 and d_index % 2 == 0  # first question of every other domain
            conditional = k % 10 in (4, 8) and len(earlier) >= 2
            guidance = GUIDANCE.format(s=subject, extra=rng.choice(GUIDANCE_EXTRA))
            out += [
                "",
                f"      - id: {question_id}",
                "        type: choice",
                "        scale: maturity",
                f"        text: {_t(text.format(s=subject))}",
                f"        guidance: {_t(guidance)}",
                "        anchors:",
            ]
            for option, anchor in enumerate(ANCHORS):
                out.append(f'          "{option}": {_t(anchor.format(s=subject))}')
            if critical or k % 7 == 3:
                out.append("        weight: 2")
            if critical:
                out += ["        allow_na: false", "        critical: {below: 2, cap_level: 2}"]
                spec.critical += 1
            if conditional:
                out.append(f"        relevant: {_q(_condition(rng, earlier, domain_earlier))}")
                spec.conditional += 1
            if k % 10 == 0:
                out.append(f"        topics: [{slug}_{aspect_slug}]")
            if k % 9 == 5:
                out.append("        recommend_below: 3")
            out.append(f"        recommendation: {_t(recommendation.format(s=subject))}")
            spec.question_ids.append(question_id)
            spec.allow_na[question_id] = not critical
            earlier.append(question_id)
            domain_earlier.append(question_id)
    return "\n".join(out) + "\n", spec


# --------------------------------------------------------------------------------------------
# Answer generation
# --------------------------------------------------------------------------------------------

NA_REASONS = [
    "We have no defence customers yet",
    "Not applicable to our sector",
    "Handled by our parent company",
    "No sites in the affected region",
    "Outsourced; covered by the provider's assessment",
]


def generate_answers(spec: Spec, count: int, seed: int) -> list[dict[str, Answer]]:
    """Seeded respondents: each has a maturity profile, some N/A, and some unanswered questions.

    About a third answer everything; the rest leave 5-35% unanswered. N/A (with a justification)
    is given to about 6% of the questions, also where N/A is not allowed (it then counts as
    unanswered, as in real data).
    """
    rng = random.Random(seed)
    sets: list[dict[str, Answer]] = []
    choices = [ChoiceAnswer(str(i)) for i in range(5)]
    reasons = [NotApplicable(r) for r in NA_REASONS]
    for _ in range(count):
        maturity = rng.uniform(0.0, 4.0)
        missing = 0.0 if rng.random() < 0.35 else rng.uniform(0.05, 0.35)
        na = rng.uniform(0.0, 0.12)
        answers: dict[str, Answer] = {}
        for question_id in spec.question_ids:
            draw = rng.random()
            if draw < missing:
                continue
            if draw < missing + na:
                answers[question_id] = rng.choice(reasons)
                continue
            option = round(rng.gauss(maturity, 1.0))
            answers[question_id] = choices[min(4, max(0, option))]
        sets.append(answers)
    return sets


# --------------------------------------------------------------------------------------------
# Timing
# --------------------------------------------------------------------------------------------


@dataclass
class Timing:
    samples: list[float]  # seconds

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def min(self) -> float:
        return min(self.samples)


def measure(functions: dict[str, Callable[[], Any]], repeat: int) -> dict[str, Timing]:
    """Time several functions ``repeat`` times each, interleaved, after one untimed warm-up each.

    Round ``i`` calls every function once, starting at a different one each round, so a slow
    spell of a shared machine falls on all of them alike: baselines measured this way are
    comparable with what they are baselines for. The garbage collector stays enabled (the
    application runs with it); a collection is forced before each sample so that garbage from
    one sample does not bill the next.
    """
    names = list(functions)
    for name in names:
        functions[name]()
    samples: dict[str, list[float]] = {name: [] for name in names}
    for round_index in range(repeat):
        shift = round_index % len(names)
        for name in names[shift:] + names[:shift]:
            function = functions[name]
            gc.collect()
            start = time.perf_counter()
            function()
            samples[name].append(time.perf_counter() - start)
    return {name: Timing(values) for name, values in samples.items()}


def _score_all(questionnaire: Questionnaire, sets: list[dict[str, Answer]]) -> Callable[[], None]:
    def run() -> None:
        for answers in sets:
            score(questionnaire, answers)

    return run


def _stages(path: Path) -> dict[str, Callable[[], Any]]:
    """The steps validate_file performs, callable one by one (for the breakdown table)."""
    text = yaml_source.read_text(path)
    document = yaml_source.parse(text)
    schema = load_schema()
    return {
        "read file (size, UTF-8, binary checks)": lambda: yaml_source.read_text(path),
        "parse to data + line numbers (yaml_source.parse)": lambda: yaml_source.parse(text),
        "schema check (SchemaChecker.check)": lambda: SchemaChecker(schema).check(document.data),
        "semantic checks (semantic.check)": lambda: semantic.check(document.data),
        "build domain objects (builder.build)": lambda: build(document.data),
    }


# --------------------------------------------------------------------------------------------
# Machine information
# --------------------------------------------------------------------------------------------


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.lower().startswith(("model name", "hardware", "processor\t: ")) and ":" in line:
                value = line.split(":", 1)[1].strip()
                if value and not value.isdigit():
                    return value
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown"


def code_version() -> str:
    """The commit measured, and whether the measured code differs from it (read-only git)."""
    root = Path(__file__).resolve().parent.parent
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", *MEASURED_CODE],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown (not a git checkout)"
    return commit + (" + uncommitted changes in the measured code" if dirty else "")


def machine_info() -> dict[str, str]:
    logical = os.cpu_count() or 0
    try:
        usable = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        usable = logical
    loader = getattr(yaml_source, "_Loader", None)
    loader_name = getattr(loader, "__name__", "unknown")
    return {
        "Run": datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "Code": code_version(),
        "CPU": cpu_model(),
        "Cores": f"{logical} logical, {usable} usable by this process",
        "OS": platform.platform(),
        "Python": f"{platform.python_implementation()} {platform.python_version()}",
        "PyYAML": yaml.__version__,
        "libyaml available": "yes" if getattr(yaml, "__with_libyaml__", False) else "no",
        "Loader used by readiness": f"{loader_name}"
        + (" (libyaml C)" if loader_name.startswith("C") else " (pure Python)"),
    }


# --------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms"


def _rate(count: int, seconds: float) -> str:
    return f"{count / seconds:,.0f}/s"


def verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


@dataclass
class Results:
    repeat: int
    seed: int
    machine: dict[str, str]
    files: dict[str, tuple[Path, int, Spec]]  # name -> (path, bytes, spec)
    validate: dict[str, Timing]
    baselines: dict[str, Timing]
    stages: dict[str, Timing]
    cold_validate: float
    scoring: dict[str, tuple[int, Timing]]  # label -> (answer sets, timing)
    answer_mix: dict[str, float]


def render(r: Results) -> str:
    validate = r.validate["q1000"]
    c_loader = r.baselines["yaml.load(..., Loader=yaml.CSafeLoader)"]
    py_loader = r.baselines["yaml.safe_load (pure-Python SafeLoader)"]
    lines: list[str] = []
    add = lines.append
    add("## Questionnaire core")
    add("")
    add(
        f"`python -m bench.questionnaire_bench --repeat {r.repeat}` (seed {r.seed}): "
        f"median and min of {r.repeat} timed runs after one untimed warm-up, "
        "`time.perf_counter`, one process."
    )
    add("")
    add("### Machine")
    add("")
    add("| | |")
    add("|---|---|")
    for key, value in r.machine.items():
        add(f"| {key} | {value} |")
    add("")
    add("### Inputs")
    add("")
    add("| File | Questions | Domains | Critical | With `relevant` | Size |")
    add("|---|--:|--:|--:|--:|--:|")
    for name, (path, size, spec) in r.files.items():
        domains = len({q.split(".", 1)[0] for q in spec.question_ids})
        add(
            f"| `{path.name}` ({name}) | {len(spec.question_ids):,} | {domains} | {spec.critical} "
            f"| {spec.conditional} | {size / 1024:,.0f} KiB |"
        )
    mix = r.answer_mix
    add("")
    add(
        f"Answer sets (60-question file): {mix['options']:.1%} options, {mix['na']:.1%} N/A with "
        f"a justification, {mix['missing']:.1%} unanswered; "
        f"{mix['complete_sets']:.0%} of the sets answer every question."
    )
    add("")
    add("### Loading and validation")
    add("")
    add("| Measure | Median | Min | Target | Result |")
    add("|---|--:|--:|---|---|")
    add(
        f"| `validate_file` on the 1,000-question file | {ms(validate.median)} "
        f"| {ms(validate.min)} | < {VALIDATE_TARGET_MS:.0f} ms "
        f"| {verdict(validate.median * 1000 < VALIDATE_TARGET_MS)} |"
    )
    for name, timing in r.baselines.items():
        add(f"| baseline: `{name}`, same file | {ms(timing.median)} | {ms(timing.min)} | | |")
    add(
        f"| ratio `validate_file` / `CSafeLoader` | {validate.median / c_loader.median:.2f}× "
        f"| {validate.min / c_loader.min:.2f}× | | |"
    )
    add(
        f"| ratio `validate_file` / `safe_load` | {validate.median / py_loader.median:.2f}× "
        f"| {validate.min / py_loader.min:.2f}× | | |"
    )
    small = r.validate["q60"]
    add(f"| `validate_file` on the 60-question file | {ms(small.median)} | {ms(small.min)} | | |")
    add(
        f"| first `validate_file` in the process, 1,000 questions (one call, cold caches) "
        f"| {ms(r.cold_validate)} | — | | |"
    )
    add("")
    add(
        "Where `validate_file` spends its time, 1,000-question file (each step timed alone, "
        "interleaved; on a busy machine the sum can differ from the whole call):"
    )
    add("")
    add("| Step | Median | Min | Share of the sum |")
    add("|---|--:|--:|--:|")
    total = sum(t.median for t in r.stages.values())
    for name, timing in r.stages.items():
        add(f"| {name} | {ms(timing.median)} | {ms(timing.min)} | {timing.median / total:.0%} |")
    add(f"| sum | {ms(total)} | | |")
    add("")
    add("### Scoring throughput")
    add("")
    add(
        "| `score(questionnaire, answers)` | Answer sets | Median time | Assessments/s (median) "
        "| Assessments/s (best) | Per assessment | Target | Result |"
    )
    add("|---|--:|--:|--:|--:|--:|---|---|")
    for label, (count, timing) in r.scoring.items():
        is_target = label.startswith("60")
        target = f"≥ {SCORING_TARGET_PER_S:,.0f}/s" if is_target else ""
        result = verdict(count / timing.median >= SCORING_TARGET_PER_S) if is_target else ""
        add(
            f"| {label} | {count:,} | {ms(timing.median)} | {_rate(count, timing.median)} "
            f"| {_rate(count, timing.min)} | {timing.median / count * 1e6:,.0f} µs "
            f"| {target} | {result} |"
        )
    add("")
    return "\n".join(lines) + "\n"


def to_json(r: Results) -> dict[str, Any]:
    def timing(t: Timing) -> dict[str, Any]:
        return {"median_s": t.median, "min_s": t.min, "samples_s": t.samples}

    return {
        "repeat": r.repeat,
        "seed": r.seed,
        "machine": r.machine,
        "files": {
            name: {"path": str(path), "bytes": size, "questions": len(spec.question_ids)}
            for name, (path, size, spec) in r.files.items()
        },
        "validate_file": {name: timing(t) for name, t in r.validate.items()},
        "validate_file_cold_s": r.cold_validate,
        "baselines": {name: timing(t) for name, t in r.baselines.items()},
        "stages": {name: timing(t) for name, t in r.stages.items()},
        "scoring": {
            label: {"answer_sets": count, **timing(t), "per_second_median": count / t.median}
            for label, (count, t) in r.scoring.items()
        },
        "answer_mix": r.answer_mix,
    }


# --------------------------------------------------------------------------------------------
# Profiling
# --------------------------------------------------------------------------------------------


def profile(function: Callable[[], Any], out: Path, title: str, top: int = 25) -> str:
    profiler = cProfile.Profile()
    profiler.enable()
    function()
    profiler.disable()
    profiler.dump_stats(str(out))
    buffer = io.StringIO()
    stats = pstats.Stats(profiler, stream=buffer)
    stats.strip_dirs().sort_stats("cumulative").print_stats(top)
    buffer.write("\n-- by own time --\n")
    stats.sort_stats("tottime").print_stats(top)
    return f"### cProfile: {title} ({out.name})\n\n```\n{buffer.getvalue().strip()}\n```\n"


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------


def _answer_mix(spec: Spec, sets: list[dict[str, Answer]]) -> dict[str, float]:
    cells = len(spec.question_ids) * len(sets)
    options = sum(isinstance(a, ChoiceAnswer) for s in sets for a in s.values())
    na = sum(isinstance(a, NotApplicable) for s in sets for a in s.values())
    complete = sum(len(s) == len(spec.question_ids) for s in sets)
    return {
        "options": options / cells,
        "na": na / cells,
        "missing": (cells - options - na) / cells,
        "complete_sets": complete / len(sets),
    }


def _write(path: Path, text: str) -> int:
    path.write_text(text, encoding="utf-8")
    return path.stat().st_size


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _progress(message: str) -> None:
    print(f"... {message}", file=sys.stderr, flush=True)


def run(repeat: int, out: Path, seed: int, do_profile: bool, sets_60: int, sets_1000: int) -> str:
    out.mkdir(parents=True, exist_ok=True)
    big_text, big_spec = generate_questionnaire(20, 50, seed, "bench-1000")
    small_text, small_spec = generate_questionnaire(6, 10, seed + 1, "bench-60")
    big_path, small_path = out / "questionnaire-1000.yaml", out / "questionnaire-60.yaml"
    files = {
        "q1000": (big_path, _write(big_path, big_text), big_spec),
        "q60": (small_path, _write(small_path, small_text), small_spec),
    }

    # Cold first: nothing cached yet (schema, compiled patterns) in this process.
    gc.collect()
    start = time.perf_counter()
    issues = validate_file(big_path)
    cold = time.perf_counter() - start
    for path in (big_path, small_path):
        issues = validate_file(path)
        if issues:
            shown = "\n".join(str(i) for i in issues[:20])
            raise SystemExit(f"generated questionnaire {path} is not valid:\n{shown}")
    big_q = load_file(big_path).questionnaire
    small_q = load_file(small_path).questionnaire
    if [q.id for q in big_q.questions()] != big_spec.question_ids:
        raise SystemExit("loaded question order differs from the generated one")

    c_name = "yaml.load(..., Loader=yaml.CSafeLoader)"
    py_name = "yaml.safe_load (pure-Python SafeLoader)"
    _progress(f"timing validate_file and PyYAML baselines, {repeat} rounds")
    loading = measure(
        {
            "q1000": lambda: validate_file(big_path),
            c_name: lambda: yaml.load(_read(big_path), Loader=yaml.CSafeLoader),
            py_name: lambda: yaml.safe_load(_read(big_path)),
        },
        repeat,
    )
    validate = {
        "q1000": loading["q1000"],
        "q60": measure({"q60": lambda: validate_file(small_path)}, repeat)["q60"],
    }
    baselines = {c_name: loading[c_name], py_name: loading[py_name]}
    _progress("timing validate_file steps")
    stages = measure(_stages(big_path), repeat)

    _progress(f"generating answer sets ({sets_60:,} + {sets_1000:,})")
    small_sets = generate_answers(small_spec, sets_60, seed + 2)
    big_sets = generate_answers(big_spec, sets_1000, seed + 3)
    _progress(f"timing scoring, {repeat} rounds")
    small_label, big_label = "60 questions (6 × 10)", "1,000 questions (20 × 50)"
    scoring_times = measure(
        {
            small_label: _score_all(small_q, small_sets),
            big_label: _score_all(big_q, big_sets),
        },
        repeat,
    )
    scoring = {
        small_label: (len(small_sets), scoring_times[small_label]),
        big_label: (len(big_sets), scoring_times[big_label]),
    }

    results = Results(
        repeat=repeat,
        seed=seed,
        machine=machine_info(),
        files=files,
        validate=validate,
        baselines=baselines,
        stages=stages,
        cold_validate=cold,
        scoring=scoring,
        answer_mix=_answer_mix(small_spec, small_sets),
    )
    report = render(results)
    (out / "questionnaire.md").write_text(report, encoding="utf-8")
    (out / "questionnaire.json").write_text(
        json.dumps(to_json(results), indent=2) + "\n", encoding="utf-8"
    )

    if do_profile:
        _progress("profiling")
        parts = [
            profile(lambda: validate_file(big_path), out / "validate_file.prof", "validate_file"),
            profile(_score_all(small_q, small_sets), out / "score_60.prof", "score, 60 questions"),
            profile(_score_all(big_q, big_sets), out / "score_1000.prof", "score, 1,000 questions"),
        ]
        profile_text = "\n".join(parts)
        (out / "questionnaire-profile.md").write_text(profile_text, encoding="utf-8")
        report += "\n" + profile_text
    return report


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.questionnaire_bench",
        description="Time questionnaire validation and scoring on generated data.",
    )
    parser.add_argument("--repeat", type=_positive, default=7, help="timed runs (default 7)")
    parser.add_argument(
        "--out", type=Path, default=Path("bench/out"), help="output folder (default bench/out)"
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")
    parser.add_argument(
        "--sets-60", type=_positive, default=10_000, help="answer sets for 60 questions"
    )
    parser.add_argument(
        "--sets-1000", type=_positive, default=500, help="answer sets for 1,000 questions"
    )
    parser.add_argument(
        "--profile", action="store_true", help="also write and print cProfile statistics"
    )
    args = parser.parse_args(argv)
    report = run(args.repeat, args.out, args.seed, args.profile, args.sets_60, args.sets_1000)
    print(report, end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
