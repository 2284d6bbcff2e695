"""Carry the answers of an assessment to a newer version of its questionnaire.

DESIGN section 2, ``migrations``: a question named in a rule of a block whose ``from`` lists the
old version moves to the rule's target (its option remapped where the rule says), or is dropped
when the target is null. A question not named carries over when the new version has a question
with the same id and type that accepts the answer (its option id exists, N/A is allowed, ...);
everything else is dropped and reported. Comments, flags, N/A justifications and evidence travel
with the answer. An N/A on a question that no longer allows N/A opens the question again and
keeps the justification in its comment, to review. Pure Python: no storage, no formats.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from readiness.domain.answers import AnswerDetail, ChoiceAnswer, NotApplicable, answer_problem
from readiness.domain.model import MigrationRule, Questionnaire
from readiness.i18n import _


@dataclass(frozen=True)
class Dropped:
    """An old answer that could not be carried, and why (for the user to read)."""

    question_id: str
    reason: str


@dataclass(frozen=True)
class Carried:
    """The outcome of carrying answers from ``old`` to ``new``.

    ``answers`` are keyed by the new question id; ``moved`` maps each of those to the old id it
    came from; ``dropped`` lists old answers left behind, in old questionnaire order; ``new``
    lists questions of the new version that received no answer, in questionnaire order.
    """

    answers: dict[str, AnswerDetail]
    moved: dict[str, str]
    dropped: list[Dropped]
    new: list[str]


def rules_for(new: Questionnaire, old_version: str) -> Mapping[str, MigrationRule]:
    """The rules of every block of ``new`` whose ``from`` lists ``old_version`` (later wins)."""
    rules: dict[str, MigrationRule] = {}
    for block in new.migrations:
        if old_version in block.from_versions:
            rules.update(block.rules)
    return rules


def carry(old: Questionnaire, new: Questionnaire, details: Mapping[str, AnswerDetail]) -> Carried:
    """Carry ``details`` (answers to ``old``, by question id) over to ``new``."""
    rules = rules_for(new, old.version)
    carried: dict[str, AnswerDetail] = {}
    moved: dict[str, str] = {}
    dropped: list[Dropped] = []
    order = {q.id: i for i, q in enumerate(old.questions())}
    for old_id in sorted(details, key=lambda qid: order.get(qid, len(order))):
        detail = details[old_id]
        if detail.is_empty:
            continue
        rule = rules.get(old_id)
        target = rule.target if rule is not None else old_id
        if target is None:
            dropped.append(Dropped(old_id, _("removed in version {v}").format(v=new.version)))
            continue
        question = new.question(target)
        before = old.question(old_id)
        if question is None:
            dropped.append(
                Dropped(old_id, _("no such question in version {v}").format(v=new.version))
            )
            continue
        if rule is None and before is not None and before.type != question.type:
            dropped.append(Dropped(old_id, _("the question changed its type")))
            continue
        if target in carried:
            dropped.append(
                Dropped(old_id, _("another answer already moved to {q}").format(q=target))
            )
            continue
        answer = detail.answer
        if isinstance(answer, NotApplicable) and question.is_choice and not question.allow_na:
            # N/A is no longer allowed: the question is open again, the reason is kept to review
            kept = _("N/A in version {v}: {why}").format(v=old.version, why=answer.justification)
            comment = f"{kept}\n{detail.comment}" if detail.comment else kept
            carried[target] = replace(detail, answer=None, comment=comment)
            moved[target] = old_id
            continue
        if isinstance(answer, ChoiceAnswer) and rule is not None:
            answer = ChoiceAnswer(rule.options.get(answer.option_id, answer.option_id))
        if answer is not None:
            problem = answer_problem(new, target, answer)
            if problem is not None:
                dropped.append(Dropped(old_id, problem))
                continue
        carried[target] = replace(detail, answer=answer)
        moved[target] = old_id
    fresh = [q.id for q in new.questions() if q.id not in carried]
    return Carried(carried, moved, dropped, fresh)
