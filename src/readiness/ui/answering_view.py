"""The answering page: domains with progress, a find box, the question list and the editor."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from readiness.i18n import _
from readiness.ui.palette import scaled_font
from readiness.ui.question_editor import QuestionEditor
from readiness.ui.question_model import (
    DomainListModel,
    ProgressRole,
    QuestionListModel,
    VisibleQuestions,
)


class DomainProgressDelegate(QStyledItemDelegate):
    """Domain title on the left, a small progress bar with "done/total" on the right."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        done, total = index.data(ProgressRole) or (0, 0)
        metrics = option.fontMetrics
        bar_width = metrics.horizontalAdvance("000/000") + metrics.averageCharWidth() * 2
        rect = option.rect
        text_option = QStyleOptionViewItem(option)
        self.initStyleOption(text_option, index)
        text_option.rect = QRect(
            rect.left(), rect.top(), rect.width() - bar_width - 6, rect.height()
        )
        widget = option.widget
        style = widget.style() if widget else QApplication.style()
        # the full-row selection background first, then the text in the narrowed rect
        background = QStyleOptionViewItem(option)
        self.initStyleOption(background, index)
        background.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, background, painter, widget)
        text_option.backgroundBrush = option.palette.brush(QPalette.ColorRole.NoRole)
        text_option.state &= ~QStyle.StateFlag.State_Selected
        if option.state & QStyle.StateFlag.State_Selected:
            text_option.palette.setColor(
                QPalette.ColorRole.Text, option.palette.color(QPalette.ColorRole.HighlightedText)
            )
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, text_option, painter, widget)
        bar = QStyleOptionProgressBar()
        bar.rect = QRect(rect.right() - bar_width, rect.top() + 3, bar_width - 2, rect.height() - 6)
        bar.minimum = 0
        bar.maximum = max(total, 1)
        bar.progress = done if total else 1
        bar.text = f"{done}/{total}"
        bar.textVisible = True
        bar.textAlignment = Qt.AlignmentFlag.AlignCenter
        bar.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Horizontal
        # the view's own palette, never the selected row's (white label on a white bar)
        palette = QPalette(widget.palette() if widget else QApplication.palette())
        for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText):
            palette.setColor(role, palette.color(QPalette.ColorRole.WindowText))
        bar.palette = palette
        bar.fontMetrics = metrics
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, widget)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex):
        hint = super().sizeHint(option, index)
        hint.setHeight(max(hint.height(), option.fontMetrics.height() + 10))
        return hint


class _DomainList(QListView):
    """A list that asks for the height of all its rows (set by ``fit_domains``)."""

    wanted_height = 0

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), self.wanted_height) if self.wanted_height else hint


class AnsweringView(QWidget):
    MAX_DOMAIN_ROWS = 12

    def fit_domains(self) -> None:
        """Show every domain without scrolling (up to MAX_DOMAIN_ROWS rows)."""
        rows = min(self.domains_model.rowCount(), self.MAX_DOMAIN_ROWS)
        if rows == 0:
            return
        row = self.domains.sizeHintForRow(0)
        frame = 2 * self.domains.frameWidth() + 2
        # every domain when there is room; in a short window (large text, QT_SCALE_FACTOR 2)
        # it may shrink to three rows and scroll, rather than push the window off the screen
        self.domains.wanted_height = row * rows + frame
        self.domains.setMaximumHeight(row * rows + frame)
        self.domains.setMinimumHeight(row * min(rows, 3) + frame)
        self.domains.updateGeometry()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("answeringView")
        self.domains_model = DomainListModel(self)
        self.questions_model = QuestionListModel(self)
        self.visible = VisibleQuestions(self)
        self.visible.setSourceModel(self.questions_model)

        self.heading = QLabel()
        self.heading.setObjectName("answeringHeading")
        self.heading.setFont(scaled_font(self.heading.font(), 1.1, bold=True))
        self.heading.setWordWrap(True)
        self.progress = QLabel()
        self.progress.setObjectName("answeringProgress")
        # Shown for an upgraded draft: what was carried, and a filter for what to review.
        self.review_label = QLabel()
        self.review_label.setObjectName("reviewLabel")
        self.review_label.setWordWrap(True)
        self.review_only = QCheckBox(_("Show only answers to &review"))
        self.review_only.setObjectName("reviewOnly")
        self.review_only.setToolTip(_("Answers carried from the older version, not yet checked"))
        self.review_bar = QWidget()
        review_layout = QHBoxLayout(self.review_bar)
        review_layout.setContentsMargins(0, 0, 0, 0)
        review_layout.addWidget(self.review_label, 1)
        review_layout.addWidget(self.review_only)
        self.review_bar.hide()

        self.domains = _DomainList()
        self.domains.setObjectName("domainList")
        self.domains.setAccessibleName(_("Domains"))
        self.domains.setModel(self.domains_model)
        self.domains.setItemDelegate(DomainProgressDelegate(self.domains))
        self.domains.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.domains.setToolTip(_("Select a domain to jump to its first question"))

        self.find = QLineEdit()
        self.find.setObjectName("findQuestion")
        self.find.setAccessibleName(_("Find question"))
        self.find.setPlaceholderText(_("Find question (Ctrl+F) — text, number or id"))
        self.find.setClearButtonEnabled(True)

        self.questions = QListView()
        self.questions.setObjectName("questionList")
        self.questions.setAccessibleName(_("Questions"))
        self.questions.setModel(self.visible)
        self.questions.setUniformItemSizes(True)  # constant-time layout for long lists
        self.questions.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.questions.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.questions.setWordWrap(False)
        self.questions.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.questions.setToolTip(
            _(
                "0–4 answer · Alt+Down/J next · Alt+Up/K previous · Ctrl+U next unanswered · "
                "Alt+N not applicable"
            )
        )

        domains_label = QLabel(_("&Domains"))
        domains_label.setBuddy(self.domains)
        questions_label = QLabel(_("&Questions"))
        questions_label.setBuddy(self.questions)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(domains_label)
        left_layout.addWidget(self.domains)
        left_layout.addWidget(self.find)
        left_layout.addWidget(questions_label)
        left_layout.addWidget(self.questions, 1)

        self.editor = QuestionEditor()

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("answeringSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([4000, 6000])  # 2:3, scaled to the real width when shown

        self.back = QPushButton(_("← &All assessments"))
        self.back.setObjectName("backToAssessments")
        self.back.setAccessibleName(_("Back to all assessments"))
        self.back.setToolTip(_("Back to the list of assessments (Ctrl+0)"))
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.back, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addWidget(self.review_bar)
        layout.addWidget(self.splitter, 1)
