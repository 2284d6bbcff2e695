"""What changed between two versions of a questionnaire, and what a migration must say.

Used by ``readiness questionnaires diff OLD NEW`` (a report and a draft ``migrations`` block)
and to check a newer version's ``migrations`` against the older content (DESIGN section 2: a
version that removes or rescales a question without a rule is an error). Pure Python.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from readiness.domain.migration import rules_for
from readiness.domain.model import Question, Questionnaire
from readiness.i18n import _

RENAME_SIMILARITY = 0.6


def _text(question: Question) -> str:
    return question.text.get("en") or next(iter(question.text.values()), "")


def _options(question: Question) -> tuple[tuple[str, float], ...]:
    if question.scale is None:
        return ()
    return tuple((o.id, o.score) for o in question.scale.options)


@dataclass
class VersionDiff:
    """Question ids added, removed, renamed (old -> new, by text similarity) and rescaled."""

    old: Questionnaire
    new: Questionnaire
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    renamed: dict[str, str] = field(default_factory=dict)
    rescaled: list[str] = field(default_factory=list)


def diff(old: Questionnaire, new: Questionnaire) -> VersionDiff:
    """Compare ``old`` and ``new`` question by question (ids first, then texts for renames)."""
    result = VersionDiff(old, new)
    old_ids = [q.id for q in old.questions()]
    new_ids = [q.id for q in new.questions()]
    gone = [qid for qid in old_ids if new.question(qid) is None]
    came = [qid for qid in new_ids if old.question(qid) is None]
    for qid in old_ids:
        before, after = old.question(qid), new.question(qid)
        if before and after and (before.type != after.type or _options(before) != _options(after)):
            result.rescaled.append(qid)
    unmatched = list(came)
    for qid in gone:
        before = old.question(qid)
        assert before is not None
        best, best_ratio = None, RENAME_SIMILARITY
        for candidate in unmatched:
            after = new.question(candidate)
            assert after is not None
            if after.type != before.type:
                continue
            ratio = difflib.SequenceMatcher(None, _text(before), _text(after)).ratio()
            if ratio >= best_ratio:
                best, best_ratio = candidate, ratio
        if best is None:
            result.removed.append(qid)
        else:
            result.renamed[qid] = best
            unmatched.remove(best)
    result.added = unmatched
    return result


def draft_rules(changes: VersionDiff) -> dict[str, object]:
    """A draft ``migrations`` block for ``changes`` (authors review it before shipping)."""
    questions: dict[str, object] = {}
    for old_id, new_id in changes.renamed.items():
        questions[old_id] = new_id
    for old_id in changes.removed:
        questions[old_id] = None
    for qid in changes.rescaled:
        before, after = changes.old.question(qid), changes.new.question(qid)
        assert before is not None and after is not None
        new_options = {o for o, _score in _options(after)}
        mapping = {}
        for option, score in _options(before):
            if option not in new_options:
                closest = min(_options(after), key=lambda o: abs(o[1] - score), default=None)
                if closest is not None:
                    mapping[option] = closest[0]
        questions[qid] = {"to": qid, "options": mapping}
    return {"from": [changes.old.version], "questions": questions}


def upgrade_problems(old: Questionnaire, new: Questionnaire) -> list[str]:
    """Why answers of ``old`` cannot be carried to ``new`` safely; empty when they can.

    A question of ``old`` that ``new`` removes, retypes or rescales needs a rule; a rule must
    name a question of ``old``; a remapped option must exist in ``old``.
    """
    rules = rules_for(new, old.version)
    problems: list[str] = []
    for old_id, rule in rules.items():
        before = old.question(old_id)
        if before is None:
            problems.append(
                _("migrations: '{id}' is not a question of version {v}").format(
                    id=old_id, v=old.version
                )
            )
            continue
        known = {o for o, _score in _options(before)}
        for option in rule.options:
            if option not in known:
                problems.append(
                    _("migrations: '{id}' has no option '{option}' in version {v}").format(
                        id=old_id, option=option, v=old.version
                    )
                )
    changes = diff(old, new)
    for qid in [*changes.removed, *changes.renamed]:
        if qid not in rules:
            problems.append(
                _(
                    "question '{id}' of version {old} is not in version {new} and no migration "
                    "rule says where its answers go"
                ).format(id=qid, old=old.version, new=new.version)
            )
    for qid in changes.rescaled:
        if qid not in rules:
            problems.append(
                _(
                    "question '{id}' changed its type or options since version {old} and no "
                    "migration rule maps them"
                ).format(id=qid, old=old.version)
            )
    return problems
