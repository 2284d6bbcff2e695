"""The Partnership page: a stored partnership or any company and unit assessment compared by
mirror topic; the note of a stored partnership is saved on request."""

from __future__ import annotations

from readiness import locale_format
from readiness.i18n import _
from readiness.services import partnerships as service
from readiness.services.partnerships import PairComparison
from readiness.services.topic_views import topic_views
from readiness.ui.controllers.base import PageController
from readiness.ui.partnership_page import PartnershipPage


class PartnershipController(PageController):
    name = "partnership"

    def connect(self) -> None:
        w = self.window
        self.page = PartnershipPage()
        w.add_page(self.name, self.page)
        self.on(w.act_view_partnership.triggered, self.show)
        self.on(self.page.partnershipChosen, self.show_partnership)
        self.on(self.page.compareRequested, self.compare)
        self.on(self.page.noteSaveRequested, self.save_note)

    def refresh_choices(self) -> list[str]:
        """Fill the choosers; returns the stored partnerships' ids."""
        workspace = self.workspace
        records = service.records(workspace)
        companies, units = [], []
        for summary in workspace.assessments():
            audience = workspace.questionnaire_of(summary).questionnaire.audience
            label = f"{summary.organisation} — {summary.title}"
            (companies if audience == "company" else units).append((summary.id, label))
        self.page.set_choices(
            [(r.id, f"{r.company} — {r.unit}") for r in records], companies, units
        )
        return [r.id for r in records]

    def show(self) -> None:
        ids = self.refresh_choices()
        if ids and not self.page.views:
            chosen = self.page.partnerships.currentData() or ids[0]
            self.page.select_partnership(chosen)
            self.show_partnership(chosen)
        self.window.show_page(self.name)
        self.page.bars.setFocus()
        self.app.update_actions()

    def show_partnership(self, partnership_id: str) -> None:
        item = service.partnership(self.workspace, partnership_id)
        record = item.record
        if item.pair is None:
            missing = record.company if item.company_assessment is None else record.unit
            self.page.show_comparison(
                (),
                _("{org} has no assessment yet: nothing to compare.").format(org=missing),
                record.id,
                record.note,
            )
            return
        self._show(item.pair, record.id, record.note)

    def compare(self, company_id: str, unit_id: str) -> None:
        pair = service.compare_assessments(self.workspace, company_id, unit_id)
        stored = next(
            (
                r
                for r in service.records(self.workspace)
                if r.company_id == pair.company.summary.organisation_id
                and r.unit_id == pair.unit.summary.organisation_id
            ),
            None,
        )
        self._show(pair, stored.id if stored else "", stored.note if stored else "")

    def _show(self, pair: PairComparison, partnership_id: str, note: str) -> None:
        comparison = pair.comparison
        mean = comparison.mean_abs_gap
        summary = _(
            "{company} ({company_title}) and {unit} ({unit_title}): {paired} paired topics, "
            "{mismatches} mismatches, mean gap {mean}"
        ).format(
            company=pair.company.summary.organisation,
            company_title=pair.company.summary.title,
            unit=pair.unit.summary.organisation,
            unit_title=pair.unit.summary.title,
            paired=comparison.paired,
            mismatches=comparison.mismatches,
            mean="–" if mean is None else locale_format.decimal(round(mean, 1)),
        )
        self.page.show_comparison(topic_views(pair), summary, partnership_id, note)
        self.page.select_pair(pair.company.summary.id, pair.unit.summary.id)

    def save_note(self, partnership_id: str, note: str) -> None:
        if partnership_id:
            service.set_note(self.workspace, partnership_id, note)
            self.status(_("Note saved."))
