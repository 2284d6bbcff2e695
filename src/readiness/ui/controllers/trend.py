"""The Trend page: one organisation's assessments over time."""

from __future__ import annotations

from readiness.services.portfolio import organisation_trend
from readiness.ui.controllers.base import PageController
from readiness.ui.trend_page import TrendPage


class TrendController(PageController):
    name = "trend"

    def connect(self) -> None:
        w = self.window
        self.page = TrendPage()
        w.add_page(self.name, self.page)
        self.on(w.act_view_trend.triggered, self.show)
        self.on(self.page.organisationChosen, self.show_organisation)

    def show(self) -> None:
        organisations = self.workspace.organisations()
        self.page.set_organisations([(o.id, o.name) for o in organisations])
        chosen = self.page.organisation.currentData() or ""
        if self.app.state is not None:
            chosen = self.app.state.summary.organisation_id
        if not chosen and organisations:
            chosen = organisations[0].id
        if chosen:
            self.show_organisation(chosen)
        self.window.show_page(self.name)
        self.page.chart.setFocus()
        self.app.update_actions()

    def show_organisation(self, organisation_id: str) -> None:
        if organisation_id:
            self.page.show_trend(organisation_trend(self.workspace, organisation_id))
