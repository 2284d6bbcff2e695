"""The Portfolio page: refreshed from the score caches each time it is shown (one query)."""

from __future__ import annotations

from readiness.services.portfolio import portfolio_tables
from readiness.ui.controllers.base import PageController
from readiness.ui.portfolio_page import PortfolioPage


class PortfolioController(PageController):
    name = "portfolio"

    def connect(self) -> None:
        w = self.window
        self.page = PortfolioPage()
        w.add_page(self.name, self.page)
        self.on(w.act_view_portfolio.triggered, self.show)
        self.on(self.page.openRequested, self.app.answering.open_assessment)

    def refresh(self) -> None:
        self.page.show_tables(portfolio_tables(self.workspace))

    def show(self) -> None:
        self.refresh()
        self.window.show_page(self.name)
        self.page.table.setFocus()
        self.app.update_actions()
