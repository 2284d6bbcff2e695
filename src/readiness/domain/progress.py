"""How far an assessment is: one source for every count a view shows (issue 9 item 5).

The window's header, its domain list, the results page, the new-assessment dialog, the reports
and the command line all take their figures from here, so they cannot disagree. Counts follow
DESIGN section 3's completeness: relevant choice and profile questions, answered or N/A; text
questions never count and are reported apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from readiness.domain.model import Questionnaire
from readiness.domain.scoring import ScoreResult, Status, score


@dataclass(frozen=True, slots=True)
class Progress:
    """``done`` of ``total`` relevant choice questions are answered or N/A; ``scored`` is
    False while no question has an option chosen (the level means nothing yet);
    ``text_open`` counts relevant free-text questions still empty."""

    done: int
    total: int
    scored: bool
    text_open: int = 0

    @property
    def complete(self) -> bool:
        return self.done >= self.total


def progress(result: ScoreResult, domain_id: str | None = None) -> Progress:
    """The whole assessment's progress, or one domain's with ``domain_id``."""
    scored = any(d.answered for d in result.domains)
    done = total = text_open = 0
    for domain in result.questionnaire.domains:
        if domain_id is not None and domain.id != domain_id:
            continue
        for question in domain.questions:
            status = result.questions[question.id].status
            if status is Status.NOT_RELEVANT:
                continue
            if not question.is_choice:  # free text: never counts (section 3), named apart
                text_open += status is Status.UNANSWERED
                continue
            total += 1  # choice and profile questions, as completeness counts them
            done += status in (Status.ANSWERED, Status.NA)
    return Progress(done, total, scored, text_open)


@dataclass(frozen=True, slots=True)
class QuestionCounts:
    """For a questionnaire before any answer: ``to_answer`` relevant choice questions,
    ``conditional`` more that appear only with some answers, ``text`` free-text questions."""

    to_answer: int
    conditional: int
    text: int


def question_counts(questionnaire: Questionnaire) -> QuestionCounts:
    fresh = progress(score(questionnaire, {}))
    choice = sum(1 for q in questionnaire.questions() if q.is_choice)
    text = sum(1 for q in questionnaire.questions() if not q.is_choice)
    return QuestionCounts(fresh.total, choice - fresh.total, text)
