"""The welcome page: its two buttons start the same work as the File menu."""

from __future__ import annotations

from readiness.ui.controllers.base import PageController


class WelcomeController(PageController):
    name = "welcome"

    def connect(self) -> None:
        page = self.window.welcome
        actions = self.app.actions
        self.on(page.createOrganisation, actions.new_organisation)
        self.on(page.loadDemo, actions.load_demo)
