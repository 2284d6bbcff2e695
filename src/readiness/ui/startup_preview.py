"""The first page with its data before the Workspace is open (issue 17: window start-up).

Importing SQLAlchemy and opening the database take several times longer than Qt needs to paint
the window. When the database is a SQLite file of ours at the current schema (the usual case),
the assessment list is read straight through ``sqlite3`` (``services/quick.py``) and shown at
once, greyed until the Workspace is open and the window becomes usable; a first run, with no
file yet, shows the welcome page. Anything else (a server database, a file to migrate, the
last assessment to reopen) waits for the Workspace as before.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from readiness.i18n import _
from readiness.ui.assessment_list import AssessmentRow, counts_of, labels_and_titles
from readiness.ui.snapshot_labels import labels_of

if TYPE_CHECKING:
    from readiness.domain.model import Questionnaire
    from readiness.domain.records import AssessmentSummary
    from readiness.ui.app_window import MainWindow
    from readiness.ui.settings import Settings


def show_preview(window: MainWindow, db: str | Path | None, settings: Settings) -> bool:
    """Build the pages and show the list (or welcome) page read without SQLAlchemy; False when
    this database must wait for the Workspace (nothing is shown then)."""
    from readiness.storage.database_file import database_file

    try:
        path = database_file(db)
    except (OSError, ValueError):
        return False
    if path is not None and not path.exists():  # a first run: nothing to read yet
        window.build_first_pages()
        window.show_welcome()
        window.statusBar().showMessage(_("Opening the database…"))
        return True
    from readiness.services.quick import open_quick

    view = open_quick(db)
    if view is None:
        return False
    try:
        organisations = view.organisations()
        summaries = view.assessments()
        if organisations is None or summaries is None:
            return False
        last = settings.last_assessment(view.path)
        reopens = last and settings.last_page() in ("questions", "results")
        if reopens and any(summary.id == last for summary in summaries):
            return False  # the Workspace reopens it; a list shown first would flicker

        def parsed(summary: AssessmentSummary) -> Questionnaire | None:
            loaded = view.questionnaire_of(summary)
            return loaded.questionnaire if loaded is not None else None

        labels, titles = labels_and_titles(
            summaries, lambda s: labels_of(s.snapshot_sha256, lambda: parsed(s))
        )
    finally:
        view.close()
    window.build_first_pages()
    page = window.assessments
    page.organisations_model.set_organisations(organisations, counts_of(summaries))
    page.organisations.setCurrentIndex(page.organisations_model.index(0))
    page.assessments_model.set_rows(
        [AssessmentRow(s, labels.get(s.id, ""), titles.get(s.id, "")) for s in summaries]
    )
    row = page.assessments_model.row_of(last) if last else -1
    if row >= 0:
        page.table.selectRow(row)
    if page.organisations_model.rowCount() > 1:
        window.show_assessments()
    else:
        window.show_welcome()
    window.statusBar().showMessage(_("Opening the database…"))
    return True
