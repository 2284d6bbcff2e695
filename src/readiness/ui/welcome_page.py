"""First run: what the application is for, and the two ways to begin."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from readiness.i18n import _
from readiness.ui.palette import scaled_font


class WelcomePage(QWidget):
    createOrganisation = Signal()
    loadDemo = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        title = QLabel(_("Partnership Readiness"))
        title.setFont(scaled_font(title.font(), 2.0, bold=True))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        intro = QLabel(
            _(
                "Assess how ready your company or defence unit is to cooperate in a crisis: "
                "trust and information sharing, legal readiness, exercises, incentives and "
                "the structures around them. Everything stays on this computer; every answer "
                "is saved at once."
            )
        )
        intro.setWordWrap(True)
        intro.setAlignment(Qt.AlignmentFlag.AlignCenter)
        start = QLabel(_("To begin, describe the organisation you assess, or look around first."))
        start.setWordWrap(True)
        start.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.create_button = QPushButton(_("&Create organisation…"))
        self.create_button.setObjectName("welcomeCreate")
        self.create_button.setAccessibleName(_("Create organisation"))
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.createOrganisation)
        self.demo_button = QPushButton(_("Load &demo data"))
        self.demo_button.setObjectName("welcomeDemo")
        self.demo_button.setAccessibleName(_("Load demo data"))
        self.demo_button.setToolTip(
            _("Three example organisations with assessments, to see how results look")
        )
        self.demo_button.clicked.connect(self.loadDemo)
        for button in (self.create_button, self.demo_button):
            button.setMinimumHeight(button.sizeHint().height() * 2)
            # never narrower than its text (French at QT_SCALE_FACTOR 2 was cut off)
            wide = button.fontMetrics().averageCharWidth() * 28
            button.setMinimumWidth(max(wide, button.sizeHint().width()))

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        buttons.addSpacing(self.fontMetrics().averageCharWidth() * 3)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)

        body = QWidget()
        body.setMaximumWidth(self.fontMetrics().averageCharWidth() * 90)
        column = QVBoxLayout(body)
        column.addStretch(2)
        column.addWidget(title)
        column.addSpacing(self.fontMetrics().height())
        column.addWidget(intro)
        column.addSpacing(self.fontMetrics().height())
        column.addWidget(start)
        column.addSpacing(self.fontMetrics().height())
        column.addLayout(buttons)
        column.addStretch(3)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(body, 4)
        outer.addStretch(1)
