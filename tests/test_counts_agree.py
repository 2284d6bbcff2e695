"""Issue 9 item 5: one source for each figure, and every view shows the same one."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog

from readiness.domain.progress import progress, question_counts
from readiness.reports.content import build_content
from readiness.services import catalog
from readiness.services.demo import seed
from readiness.ui.dialogs import AssessmentDialog
from ui_helpers import Dialogs, dialogs, no_thread_leaks, open_window, settings_dir

__all__ = ["dialogs", "no_thread_leaks", "open_window", "settings_dir"]


def domain_totals(h: Any) -> tuple[int, int]:
    model = h.window.answering.domains_model
    pairs = [model.data(model.index(r), model_role(model)) for r in range(model.rowCount())]
    return sum(p[0] for p in pairs), sum(p[1] for p in pairs)


def model_role(model: Any) -> int:
    from readiness.ui.question_model import ProgressRole

    return ProgressRole


def test_new_assessment_dialog_header_domains_and_results_count_the_same(
    open_window: Any, qtbot: Any, dialogs: Dialogs
) -> None:
    h = open_window()
    org = h.workspace.add_organisation("Kaleva Telecom Oy", "company")
    h.controller.refresh_lists()
    questionnaire = catalog.find_builtin("company-readiness").questionnaire
    counts = question_counts(questionnaire)
    seen: list[str] = []

    def start(dialog: QDialog) -> None:
        assert isinstance(dialog, AssessmentDialog)
        seen.append(dialog.hint.text())
        dialog.accept()

    dialogs.expect(start)
    h.controller.actions.new_assessment(org.id)
    assert seen[0].startswith(f"{counts.to_answer} questions to answer")
    header = h.window.answering.progress.text()
    assert header.startswith(f"0 of {counts.to_answer} answered")
    assert "not scored yet" in header and "level" not in header
    assert domain_totals(h) == (0, counts.to_answer)
    h.controller.actions.show_tab(1)
    assert f"0 of {counts.to_answer} questions" in h.window.results.completeness.text()
    assert h.window.results.level.text().startswith("Not scored yet")
    listed = h.window.assessments.assessments_model
    h.controller.show_assessments()
    row = listed.row_of(h.controller.assessment_id)
    assert listed.data(listed.index(row, listed.COLUMNS.index("level"))) == "not scored yet"


def test_an_empty_free_text_question_is_named_and_domains_add_up(open_window: Any) -> None:
    h = open_window()
    list(seed(h.workspace))
    h.controller.refresh_lists()
    cimic = next(a for a in h.workspace.assessments() if a.organisation == "CIMIC Group North")
    h.workspace.clear_answer(cimic.id, "recognition.main-obstacle")  # the free-text question
    h.controller.open_assessment(cimic.id)
    state = h.workspace.state(cimic.id)
    figures = progress(state.result)
    header = h.window.answering.progress.text()
    assert header.startswith(f"{figures.done} of {figures.total} answered · 100% complete")
    assert "1 free-text question(s) empty" in header
    assert domain_totals(h) == (figures.done, figures.total)  # not 4/5 beside 35/35
    report = h.workspace.report(cimic.id)
    content = build_content(report)
    assert (content.answered + content.na, content.relevant) == (figures.done, figures.total)


def test_results_name_each_question_cap_as_the_question_does(open_window: Any) -> None:
    h = open_window()
    list(seed(h.workspace))
    h.controller.refresh_lists()
    baltic = next(a for a in h.workspace.assessments() if a.organisation.startswith("Baltic"))
    h.controller.open_assessment(baltic.id, 1)
    state = h.workspace.state(baltic.id)
    assert state.result.capped_by
    text = h.window.results.capped.text()
    for qid in state.result.capped_by:
        cap = state.questionnaire.question(qid).critical.cap_level
        assert f"(caps at level {cap})" in text


def test_demo_ready_counts_demo_assessments_only(open_window: Any, qtbot: Any) -> None:
    h = open_window()
    org = h.workspace.add_organisation("Mine", "company")
    h.workspace.new_assessment(org.id, "company-readiness", "Ours")
    h.window.act_demo.trigger()
    task = h.controller.tasks[0]
    qtbot.waitUntil(lambda: task.done, timeout=60_000)
    assert "Demo data ready: 3 demo assessment(s)" in h.status_text()
