"""View > Contrast: follow the system, normal, or high contrast; remembered (issue 18)."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup

from readiness.i18n import _
from readiness.ui.controllers.base import PageController
from readiness.ui.palette import THEMES, apply_theme


class AppearanceController(PageController):
    name = "appearance"

    def connect(self) -> None:
        w = self.window
        self.menu = w.view_menu.addMenu(_("&Contrast"))
        self.menu.setObjectName("contrastMenu")
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        texts = {
            "system": _("Follow the &system"),
            "normal": _("&Normal"),
            "high": _("&High contrast"),
        }
        self.theme_actions: dict[str, QAction] = {}
        chosen = self.app.settings.theme()
        for theme in THEMES:
            action = QAction(texts[theme], self.menu)
            action.setObjectName(f"actTheme{theme.capitalize()}")
            action.setCheckable(True)
            action.setChecked(theme == chosen)
            action.setData(theme)
            self.group.addAction(action)
            self.menu.addAction(action)
            self.theme_actions[theme] = action
        self.on(self.group.triggered, self.choose)

    def choose(self, action: QAction) -> None:
        theme = str(action.data())
        applied = apply_theme(theme)
        self.app.settings.set_theme(theme)
        self.window.update()
        self.status(_("High contrast.") if applied == "high" else _("Normal contrast."))
