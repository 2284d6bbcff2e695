"""Checks the schema cannot express: references, uniqueness, conditions, languages, levels.

Runs on raw data that may also have schema violations, so every access is defensive: a
value of the wrong type is skipped here (the schema check has already reported it).
"""

from __future__ import annotations

import difflib
import operator
import re
from collections.abc import Iterator
from typing import Any

from readiness.domain.conditions import (
    Condition,
    ConditionError,
    Literal,
    Ref,
    comparisons,
    parse_condition,
)
from readiness.i18n import _
from readiness.questionnaire.issues import Path

Violation = tuple[Path, str]

_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Z]{2})?$")


_COMPARE = {
    "=": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


def _dict(value: Any) -> dict[Any, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _number(value: Any) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


def _suggest(name: str, known: list[str]) -> str:
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    return _("; did you mean '{close}'?").format(close=close[0]) if close else ""


MAX_LANGUAGES = 40
"""Languages a questionnaire may list: every text carries each of them."""
PER_TEXT = 3
"""Messages about missing or unlisted languages per text object; the rest are counted."""


def _few(items: list[str], shown: int = 12) -> str:
    """``items`` joined, at most ``shown`` of them, each cut to 20 characters, then the count."""
    text = ", ".join(item[:20] for item in items[:shown])
    if len(items) > shown:
        text += _(", ... ({n} in all)").format(n=len(items))
    return text


def _known(known: list[str]) -> str:
    if not known:
        return _("none defined")
    shown = known if len(known) <= 12 else [*known[:12], "..."]
    return ", ".join(shown)


def check(data: Any, conditions: dict[str, Condition] | None = None) -> list[Violation]:
    """Every semantic problem; conditions that parse are kept in ``conditions`` for reuse."""
    if not isinstance(data, dict):
        return []
    from readiness.questionnaire.migration_rules import check_rules

    return list(_Checker(data, {} if conditions is None else conditions).run()) + check_rules(data)


class _Checker:
    def __init__(self, data: dict[Any, Any], conditions: dict[str, Condition]) -> None:
        self.data = data
        self.conditions = conditions
        languages = [x for x in _list(data.get("languages")) if isinstance(x, str)]
        self.too_many_languages = len(languages) > MAX_LANGUAGES
        self.languages = languages[:MAX_LANGUAGES] or ["en"]
        self.shown_languages = _few(self.languages)
        self.language_set = set(self.languages)
        self.scale_facts: dict[str, tuple[list[Any], list[float]]] = {}
        self.question_scales: dict[str, Any] = {}  # question id -> its scale's name
        self.scales = _dict(data.get("scales"))
        self.level_numbers = [
            lv.get("level") for lv in _list(data.get("levels")) if isinstance(lv, dict)
        ]

    def run(self) -> Iterator[Violation]:
        if self.too_many_languages:
            count = len(_list(self.data.get("languages")))
            yield (
                ("languages",),
                _("lists {count} languages; a questionnaire may have at most {n}").format(
                    count=count, n=MAX_LANGUAGES
                ),
            )
        yield from self._texts()
        yield from self._scales()
        yield from self._levels()
        yield from self._domains()

    def _text(self, value: Any, path: Path) -> Iterator[Violation]:
        """At most PER_TEXT messages for one text object, each of bounded length."""
        if not isinstance(value, dict):
            return
        missing = [language for language in self.languages if language not in value]
        for language in missing[:PER_TEXT]:
            yield (
                path,
                _("missing the '{lang}' text (languages: {languages})").format(
                    lang=language[:20], languages=self.shown_languages
                ),
            )
        if len(missing) > PER_TEXT:
            yield (
                path,
                _("... and the texts in {n} more listed languages").format(
                    n=len(missing) - PER_TEXT
                ),
            )
        unlisted = [
            language
            for language in value
            if isinstance(language, str)
            and _LANGUAGE.match(language)
            and language not in self.language_set
        ]
        for language in unlisted[:PER_TEXT]:
            yield (
                (*path, language),
                _("language '{lang}' is not listed in languages ({languages})").format(
                    lang=language, languages=self.shown_languages
                ),
            )
        if len(unlisted) > PER_TEXT:
            yield (
                path,
                _("... and {n} more languages not listed in languages").format(
                    n=len(unlisted) - PER_TEXT
                ),
            )

    def _texts(self) -> Iterator[Violation]:
        for value, path in self._text_objects():
            # most texts have exactly the listed languages: a set comparison settles them
            if type(value) is dict and value.keys() != self.language_set:
                yield from self._text(value, path)

    def _text_objects(self) -> Iterator[tuple[Any, Path]]:
        data = self.data
        for key in ("title", "description"):
            yield data.get(key), (key,)
        for name, scale in self.scales.items():
            for index, option in enumerate(_list(_dict(scale).get("options"))):
                yield _dict(option).get("label"), ("scales", name, "options", index, "label")
        for index, level in enumerate(_list(data.get("levels"))):
            yield _dict(level).get("label"), ("levels", index, "label")
        for d_index, domain in enumerate(_list(data.get("domains"))):
            domain = _dict(domain)
            base: Path = ("domains", d_index)
            for key in ("title", "description"):
                yield domain.get(key), (*base, key)
            for q_index, question in enumerate(_list(domain.get("questions"))):
                question = _dict(question)
                q_path: Path = (*base, "questions", q_index)
                for key in ("text", "guidance", "recommendation"):
                    yield question.get(key), (*q_path, key)
                for option_id, anchor in _dict(question.get("anchors")).items():
                    yield anchor, (*q_path, "anchors", option_id)

    def _scales(self) -> Iterator[Violation]:
        for name, scale in self.scales.items():
            options = _list(_dict(scale).get("options"))
            seen: set[Any] = set()
            for index, option in enumerate(options):
                option_id = _dict(option).get("id")
                if option_id in seen:
                    yield (
                        ("scales", name, "options", index, "id"),
                        _("option id '{id}' appears twice in this scale").format(id=option_id),
                    )
                seen.add(option_id)
            scores = [_number(_dict(o).get("score")) for o in options]
            known = [s for s in scores if s is not None]
            if known and len(known) == len(scores) and max(known) <= 0:
                yield (
                    ("scales", name, "options"),
                    _("the highest score must be greater than 0 (scores are divided by it)"),
                )

    def _levels(self) -> Iterator[Violation]:
        levels = _list(self.data.get("levels"))
        previous_min: Any = None
        seen: set[Any] = set()
        for index, level in enumerate(levels):
            level = _dict(level)
            minimum = _number(level.get("min"))
            if index == 0 and minimum is not None and minimum != 0:
                yield (
                    ("levels", 0, "min"),
                    _("the first level must have min 0, got {n}").format(n=level.get("min")),
                )
            if minimum is not None and previous_min is not None and minimum <= float(previous_min):
                yield (
                    ("levels", index, "min"),
                    _(
                        "levels must ascend by min: {n} is not above the previous level's {prev}"
                    ).format(n=level.get("min"), prev=previous_min),
                )
            if minimum is not None:
                previous_min = level.get("min")
            number = level.get("level")
            if number in seen:
                yield ("levels", index, "level"), _("level {n} is defined twice").format(n=number)
            seen.add(number)

    def _domains(self) -> Iterator[Violation]:
        domain_ids: dict[Any, int] = {}
        question_ids: dict[str, tuple[int, int]] = {}
        earlier: dict[str, str] = {}  # question id -> type, for questions seen so far
        for d_index, domain in enumerate(_list(self.data.get("domains"))):
            domain = _dict(domain)
            base: Path = ("domains", d_index)
            domain_id = domain.get("id")
            if isinstance(domain_id, str):
                if domain_id in domain_ids:
                    yield (
                        (*base, "id"),
                        _("domain id '{id}' is already used by domains[{first}]").format(
                            id=domain_id, first=domain_ids[domain_id]
                        ),
                    )
                domain_ids.setdefault(domain_id, d_index)
            for q_index, question in enumerate(_list(domain.get("questions"))):
                question = _dict(question)
                q_path: Path = (*base, "questions", q_index)
                question_id = question.get("id")
                if isinstance(question_id, str):
                    if question_id in question_ids:
                        first = question_ids[question_id]
                        yield (
                            (*q_path, "id"),
                            _(
                                "question id '{id}' is already used by domains[{d}].questions[{q}]"
                            ).format(id=question_id, d=first[0], q=first[1]),
                        )
                    question_ids.setdefault(question_id, (d_index, q_index))
                yield from self._question(question, q_path, earlier)
                if isinstance(question_id, str):
                    earlier.setdefault(question_id, str(question.get("type", "choice")))
                    self.question_scales.setdefault(question_id, question.get("scale"))

    def _scale_facts(self, name: Any) -> tuple[list[Any], list[float]]:
        """Option ids and scores of a scale, worked out once for all its questions."""
        facts = self.scale_facts.get(name)
        if facts is None:
            options = [_dict(o) for o in _list(_dict(self.scales[name]).get("options"))]
            option_ids = [o.get("id") for o in options if isinstance(o.get("id"), str)]
            scores = [s for s in (_number(o.get("score")) for o in options) if s is not None]
            facts = self.scale_facts[name] = (option_ids, scores)
        return facts

    def _question(
        self, question: dict[Any, Any], path: Path, earlier: dict[str, str]
    ) -> Iterator[Violation]:
        kind = question.get("type", "choice")
        scale_name = question.get("scale")
        scale: dict[Any, Any] | None = None
        if kind in ("choice", "profile"):
            if "scale" not in question:
                yield (
                    path,
                    _("a {kind} question needs a 'scale' (known: {known})").format(
                        kind=kind, known=_known(list(self.scales))
                    ),
                )
            elif isinstance(scale_name, str):
                if scale_name in self.scales:
                    scale = _dict(self.scales[scale_name])
                else:
                    yield (
                        (*path, "scale"),
                        _("unknown scale '{name}' (known: {known}){hint}").format(
                            name=scale_name,
                            hint=_suggest(scale_name, list(self.scales)),
                            known=_known(list(self.scales)),
                        ),
                    )
        elif kind == "text":
            for key in ("scale", "anchors", "critical", "recommendation", "recommend_below"):
                if key in question:
                    yield (
                        (*path, key),
                        _("'{key}' only applies to choice questions").format(key=key),
                    )
        if kind == "profile":
            yield from self._profile(question, path)
        option_ids, scores = self._scale_facts(scale_name) if scale is not None else ([], [])
        if scale is not None:
            for option_id in _dict(question.get("anchors")):
                if isinstance(option_id, str) and option_id not in option_ids:
                    yield (
                        (*path, "anchors", option_id),
                        _(
                            "anchor for unknown option '{id}' of scale '{scale}' (options: {known})"
                        ).format(id=option_id, scale=scale_name, known=_known(option_ids)),
                    )
        critical = question.get("critical")
        if isinstance(critical, dict):
            yield from self._tier(critical, (*path, "critical"), scores)
        elif isinstance(critical, list):
            yield from self._tiers(critical, (*path, "critical"), scores)
        below = _number(question.get("recommend_below"))
        if below is not None and scores and below > max(scores):
            yield (
                (*path, "recommend_below"),
                _("recommend_below {n} is above the scale's highest score {top}").format(
                    n=question.get("recommend_below"), top=max(scores)
                ),
            )
        relevant = question.get("relevant")
        if isinstance(relevant, str):
            yield from self._condition(relevant, (*path, "relevant"), question.get("id"), earlier)

    def _profile(self, question: dict[Any, Any], path: Path) -> Iterator[Violation]:
        """A profile question is answered from a scale but never scored or N/A (section 3)."""
        for key in ("weight", "critical", "recommendation", "recommend_below"):
            if key in question:
                yield (
                    (*path, key),
                    _("'{key}' does not apply to a profile question: it is never scored").format(
                        key=key
                    ),
                )
        if question.get("allow_na") is True:
            yield (*path, "allow_na"), _("a profile question is never N/A; remove 'allow_na'")

    def _tier(self, tier: dict[Any, Any], path: Path, scores: list[float]) -> Iterator[Violation]:
        cap = tier.get("cap_level")
        if cap is not None and not isinstance(cap, bool) and cap not in self.level_numbers:
            yield (
                (*path, "cap_level"),
                _("cap_level {n} is not one of the levels ({known})").format(
                    n=cap, known=", ".join(str(n) for n in self.level_numbers)
                ),
            )
        below = _number(tier.get("below"))
        if below is not None and scores and below > max(scores):
            yield (
                (*path, "below"),
                _("below {n} is above the scale's highest score {top}, so it always caps").format(
                    n=tier.get("below"), top=f"{max(scores):g}"
                ),
            )

    def _tiers(self, tiers: list[Any], path: Path, scores: list[float]) -> Iterator[Violation]:
        """A list of tiers: each checked alone, and together ascending in both numbers."""
        previous: tuple[float, float] | None = None
        for index, tier in enumerate(tiers):
            if not isinstance(tier, dict):
                continue
            yield from self._tier(tier, (*path, index), scores)
            below = _number(tier.get("below"))
            cap = _number(tier.get("cap_level"))
            if below is None or cap is None or cap not in self.level_numbers:
                continue
            if previous is not None and (below <= previous[0] or cap <= previous[1]):
                yield (
                    (*path, index),
                    _(
                        "tiers must ascend: each needs a higher 'below' and a higher 'cap_level' "
                        "than the tier before (below {pb}, cap_level {pc})"
                    ).format(pb=f"{previous[0]:g}", pc=f"{previous[1]:g}"),
                )
            previous = (below, cap)

    def _condition(
        self, source: str, path: Path, own_id: Any, earlier: dict[str, str]
    ) -> Iterator[Violation]:
        try:
            condition = self.conditions.get(source) or parse_condition(source)
        except ConditionError as exc:
            yield path, _("cannot read condition: {problem}").format(problem=exc)
            return
        self.conditions[source] = condition
        for comparison in comparisons(condition):
            sides = (comparison.left, comparison.right)
            for side in sides:
                if not isinstance(side, Ref):
                    continue
                name = side.question_id
                if name == own_id:
                    yield path, _("condition refers to its own question '{id}'").format(id=name)
                elif name not in earlier:
                    yield (
                        path,
                        _(
                            "condition refers to '{id}', which is not an earlier question "
                            "(conditions may only look back){hint}"
                        ).format(id=name, hint=_suggest(name, list(earlier))),
                    )
                elif earlier[name] not in ("choice", "profile"):
                    yield (
                        path,
                        _(
                            "condition refers to text question '{id}'; only choice and profile "
                            "questions have values"
                        ).format(id=name),
                    )
            literals = [s.value for s in sides if isinstance(s, Literal)]
            if len({type(v) for v in literals}) > 1:
                yield path, _("condition compares a number with a string")
            yield from self._impossible(comparison, path)

    def _impossible(self, comparison: Any, path: Path) -> Iterator[Violation]:
        """A comparison of a question with an option id its scale lacks, or with a number
        outside its scale's scores, can never mean what it says (DESIGN section 2)."""
        left, right = comparison.left, comparison.right
        if isinstance(left, Ref) and isinstance(right, Literal):
            ref, literal, op = left, right.value, comparison.op
        elif isinstance(right, Ref) and isinstance(left, Literal):
            flipped = {"<": ">", "<=": ">=", ">": "<", ">=": "<="}
            ref, literal, op = right, left.value, flipped.get(comparison.op, comparison.op)
        else:
            return
        scale_name = self.question_scales.get(ref.question_id)
        if not isinstance(scale_name, str) or scale_name not in self.scales:
            return
        option_ids, scores = self._scale_facts(scale_name)
        if isinstance(literal, str):
            if literal not in option_ids:
                hint = ""
                folded = [o for o in option_ids if str(o).lower() == literal.lower()]
                if folded:
                    hint = _(" (did you mean '{id}'?)").format(id=folded[0])
                yield (
                    path,
                    _(
                        "condition compares '{id}' with '{value}', which is not an option of "
                        "scale '{scale}' (options: {known}){hint}; it could never be true"
                    ).format(
                        id=ref.question_id,
                        value=literal,
                        scale=scale_name,
                        known=_known(option_ids),
                        hint=hint,
                    ),
                )
            return
        if not scores or max(scores) <= 0:
            return  # the scale itself is reported
        low, high = min(scores), max(scores)
        outside = literal < low or literal > high
        compare = _COMPARE.get(op)
        never = compare is not None and not any(compare(score, literal) for score in scores)
        if outside or never:
            yield (
                path,
                _(
                    "condition compares '{id}' {op} {value}, but scale '{scale}' scores "
                    "{low:g} to {high:g}; it could never {mean}"
                ).format(
                    id=ref.question_id,
                    op=comparison.op,
                    value=f"{literal:g}",
                    scale=scale_name,
                    low=low,
                    high=high,
                    mean=_("be true") if never else _("mean what it says"),
                ),
            )
