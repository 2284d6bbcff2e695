"""The detail panel: one question with its options, N/A, comment and review flag.

It only shows and reports: every edit leaves as a signal carrying the question id, and the
controller saves it. Showing a question never emits an edit signal.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from readiness.domain.answers import AnswerDetail, ChoiceAnswer, NotApplicable, TextAnswer
from readiness.domain.model import Option, Question, localize
from readiness.domain.scoring import VERIFY_FROM, Status
from readiness.i18n import _
from readiness.ui import a11y
from readiness.ui.evidence_form import EvidenceForm
from readiness.ui.palette import scaled_font

NA_ID = 10_000
SAVE_DELAY_MS = 700


def _wrapping_label(text: str = "", name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    if name:
        label.setObjectName(name)
    return label


class _ClickLabel(QLabel):
    """An anchor text that selects its option when clicked."""

    clicked = Signal()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mousePressEvent(event)


class _OptionRow:
    def __init__(self, grid: QGridLayout, row: int, group: QButtonGroup) -> None:
        self.radio = QRadioButton()
        self.anchor = _ClickLabel()
        self.anchor.setWordWrap(True)
        self.anchor.setTextFormat(Qt.TextFormat.PlainText)
        self.anchor.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.anchor.clicked.connect(self.radio.click)
        group.addButton(self.radio, row)
        grid.addWidget(self.radio, row, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.anchor, row, 1)
        self.option: Option | None = None

    def show(self, option: Option, anchor: str, language: str | None) -> None:
        self.option = option
        label = localize(option.label, language)
        self.radio.setText(f"{option.id}  {label}")
        self.radio.setObjectName(f"option-{option.id}")
        self.radio.setAccessibleName(_("Option {id}: {label}").format(id=option.id, label=label))
        self.radio.setAccessibleDescription(anchor)
        self.radio.setToolTip(
            _("Press {key} to choose this option").format(key=option.id)
            if len(option.id) == 1 and option.id.isdigit()
            else ""
        )
        self.anchor.setText(anchor)
        self.radio.setVisible(True)
        self.anchor.setVisible(bool(anchor))

    def hide(self) -> None:
        self.option = None
        self.radio.setVisible(False)
        self.anchor.setVisible(False)


class QuestionEditor(QScrollArea):
    optionChosen = Signal(str, str)  # question id, option id
    naConfirmed = Signal(str, str)  # question id, justification
    naRefused = Signal(str)
    clearRequested = Signal(str)
    commentChanged = Signal(str, str)
    textAnswerChanged = Signal(str, str)
    flagToggled = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("questionEditor")
        self.setAccessibleName(_("Question and answer"))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its controls take focus, not the frame
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.language: str | None = None
        self._question: Question | None = None
        self._rows: list[_OptionRow] = []

        body = QWidget()
        body.setObjectName("questionEditorBody")
        layout = QVBoxLayout(body)

        self.where = _wrapping_label(name="questionWhere")
        self.where.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # muted, still 4.5:1
        self.text = _wrapping_label(name="questionText")
        self.text.setFont(scaled_font(self.text.font(), 1.25, bold=True))
        self.text.setAccessibleName(_("Question"))
        self.status = _wrapping_label(name="questionStatus")
        self.guidance_title = QLabel(_("Guidance"))
        self.guidance_title.setFont(scaled_font(self.guidance_title.font(), 1.0, bold=True))
        self.guidance = _wrapping_label(name="questionGuidance")
        self.guidance.setAccessibleName(_("Guidance"))
        for widget in (self.where, self.text, self.status, self.guidance_title, self.guidance):
            layout.addWidget(widget)
        # a wrapped label's minimum height is taken at its minimum width: keep that sensible
        # so the scroll area only scrolls when the text really does not fit
        for label in (self.text, self.guidance):
            label.setMinimumWidth(label.fontMetrics().averageCharWidth() * 45)

        # Options ------------------------------------------------------------------------
        self.options_box = QFrame()
        self.options_box.setObjectName("optionsBox")
        self.options_box.setFrameShape(QFrame.Shape.StyledPanel)
        self._grid = QGridLayout(self.options_box)
        self._grid.setColumnStretch(1, 1)
        self.group = QButtonGroup(self)
        self.group.idClicked.connect(self._clicked)
        layout.addWidget(self.options_box)

        # N/A ----------------------------------------------------------------------------
        self.na_box = QWidget()
        na_layout = QHBoxLayout(self.na_box)
        na_layout.setContentsMargins(0, 0, 0, 0)
        self.na_radio = QRadioButton(_("Not applicable"))
        self.na_radio.setObjectName("naRadio")
        self.na_radio.setAccessibleName(_("Not applicable"))
        self.group.addButton(self.na_radio, NA_ID)
        self.na_reason = QLineEdit()
        self.na_reason.setObjectName("naReason")
        self.na_reason.setPlaceholderText(_("Why this question does not apply (required)"))
        self.na_reason.setAccessibleName(_("N/A justification"))
        self.na_reason.setClearButtonEnabled(True)
        self.na_confirm = QPushButton(_("Confirm N/A"))
        self.na_confirm.setObjectName("naConfirm")
        self.na_confirm.setAccessibleName(_("Confirm N/A"))
        self.na_confirm.setEnabled(False)
        self.na_reason.textChanged.connect(
            lambda text: self.na_confirm.setEnabled(bool(text.strip()))
        )
        self.na_reason.returnPressed.connect(self.confirm_na)
        self.na_confirm.clicked.connect(self.confirm_na)
        na_layout.addWidget(self.na_radio)
        na_layout.addWidget(self.na_reason, 1)
        na_layout.addWidget(self.na_confirm)
        layout.addWidget(self.na_box)

        # Text answer ----------------------------------------------------------------------
        self.text_answer_label = QLabel(_("Your answer"))
        self.text_answer = QPlainTextEdit()
        self.text_answer.setObjectName("textAnswer")
        self.text_answer.setAccessibleName(_("Your answer"))
        self.text_answer.setTabChangesFocus(True)
        self.text_answer_label.setBuddy(self.text_answer)
        layout.addWidget(self.text_answer_label)
        layout.addWidget(self.text_answer)

        row = QHBoxLayout()
        self.clear_button = QPushButton(_("Clear answer"))
        self.clear_button.setObjectName("clearAnswer")
        self.clear_button.setAccessibleName(_("Clear answer"))
        self.clear_button.clicked.connect(self._clear)
        self.flag = QCheckBox(_("Flag for review"))
        self.flag.setObjectName("flagForReview")
        self.flag.setAccessibleName(_("Flag for review"))
        self.flag.toggled.connect(self._flag_toggled)
        row.addWidget(self.flag)
        row.addStretch(1)
        row.addWidget(self.clear_button)
        layout.addLayout(row)

        # Comment --------------------------------------------------------------------------
        self.comment_label = QLabel(_("Comment"))
        self.comment = QPlainTextEdit()
        self.comment.setObjectName("comment")
        self.comment.setAccessibleName(_("Comment"))
        self.comment.setPlaceholderText(_("Evidence, sources, who to ask… (saved automatically)"))
        self.comment.setTabChangesFocus(True)
        self.comment.setMaximumHeight(self.comment.fontMetrics().lineSpacing() * 6)
        self.comment_label.setBuddy(self.comment)
        layout.addWidget(self.comment_label)
        layout.addWidget(self.comment)
        self.evidence = EvidenceForm()  # what backs a choice answer (DESIGN section 3)
        layout.addWidget(self.evidence)
        layout.addStretch(1)
        self.setWidget(body)

        self._comment_timer = self._debounce(self._flush_comment)
        self._text_timer = self._debounce(self._flush_text)
        self.comment.textChanged.connect(self._comment_timer.start)
        self.text_answer.textChanged.connect(self._text_timer.start)
        self.comment.installEventFilter(self)
        self.text_answer.installEventFilter(self)
        self._saved_comment = ""
        self._saved_text = ""
        self.setEnabled(False)

    def _debounce(self, slot: object) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(SAVE_DELAY_MS)
        timer.timeout.connect(slot)
        return timer

    # Showing ------------------------------------------------------------------------------

    @property
    def question(self) -> Question | None:
        return self._question

    def show_question(
        self,
        question: Question,
        detail: AnswerDetail,
        status: Status,
        where: str,
    ) -> None:
        same = self._question is not None and self._question.id == question.id
        if not same:
            self.flush()
        self._question = question
        self.setEnabled(True)
        language = self.language
        self.where.setText(where)
        self.text.setText(localize(question.text, language))
        guidance = localize(question.guidance, language)
        self.guidance.setText(guidance)
        self.guidance.setVisible(bool(guidance))
        self.guidance_title.setVisible(bool(guidance))
        self.status.setText(self._status_text(question, detail, status))

        answer = detail.answer
        choice = question.is_choice and question.scale is not None
        self.options_box.setVisible(choice)
        self.na_box.setVisible(choice)
        self.text_answer.setVisible(not choice)
        self.text_answer_label.setVisible(not choice)
        checked = None
        if choice:
            assert question.scale is not None
            options = question.scale.options
            if len(self._rows) < len(options):
                while len(self._rows) < len(options):
                    self._rows.append(_OptionRow(self._grid, len(self._rows), self.group))
                a11y.tab_order(self.window())  # the new rows where they are seen, not last
            for index, row in enumerate(self._rows):
                if index < len(options):
                    option = options[index]
                    row.show(option, localize(question.anchors.get(option.id), language), language)
                    if isinstance(answer, ChoiceAnswer) and answer.option_id == option.id:
                        checked = row.radio
                else:
                    row.hide()
            self.na_radio.setEnabled(question.allow_na)
            self.na_reason.setEnabled(question.allow_na)
            tip = "" if question.allow_na else _("This question cannot be answered N/A.")
            self.na_box.setToolTip(tip)
            if isinstance(answer, NotApplicable):
                checked = self.na_radio
            if not same or not self.na_reason.hasFocus():
                self.na_reason.setText(
                    answer.justification if isinstance(answer, NotApplicable) else ""
                )
            self.na_confirm.setEnabled(question.allow_na and bool(self.na_reason.text().strip()))
        self._check(checked)
        if not choice and (not same or not self._text_timer.isActive()):
            text = answer.text if isinstance(answer, TextAnswer) else ""
            self._set_plain(self.text_answer, text)
            self._saved_text = text
        if not same or not self._comment_timer.isActive():
            self._set_plain(self.comment, detail.comment)
            self._saved_comment = detail.comment
        self.flag.blockSignals(True)
        self.flag.setChecked(detail.flagged)
        self.flag.blockSignals(False)
        self.clear_button.setEnabled(answer is not None)
        self.evidence.setVisible(choice)
        if choice:
            self.evidence.show_evidence(question.id, detail.evidence, _needs(question, answer))

    def clear(self) -> None:
        self.flush()
        self._question = None
        self.where.setText("")
        self.text.setText(_("No question matches."))
        self.guidance.setVisible(False)
        self.guidance_title.setVisible(False)
        self.status.setText("")
        self.options_box.setVisible(False)
        self.na_box.setVisible(False)
        self.text_answer.setVisible(False)
        self.text_answer_label.setVisible(False)
        self.setEnabled(False)

    def _status_text(self, question: Question, detail: AnswerDetail, status: Status) -> str:
        parts = []
        if status is Status.NOT_RELEVANT:
            parts.append(_("Not relevant with the current answers."))
        elif detail.answer is None:
            parts.append(_("Not answered yet."))
        elif isinstance(detail.answer, NotApplicable):
            parts.append(_("Answered: not applicable."))
        else:
            parts.append(_("Answered."))
        if len(question.tiers) == 1 and question.critical is not None:
            parts.append(
                _("Critical: a score below {below} caps the level at {cap}.").format(
                    below=f"{question.critical.below:g}", cap=question.critical.cap_level
                )
            )
        elif question.tiers:
            tiers = ", ".join(
                _("below {below} caps at {cap}").format(below=f"{t.below:g}", cap=t.cap_level)
                for t in question.tiers
            )
            parts.append(_("Critical: {tiers}.").format(tiers=tiers))
        return " ".join(parts)

    def _check(self, button: QRadioButton | None) -> None:
        self.group.blockSignals(True)
        self.group.setExclusive(False)
        for other in self.group.buttons():
            other.setChecked(other is button)
        self.group.setExclusive(True)
        self.group.blockSignals(False)

    @staticmethod
    def _set_plain(edit: QPlainTextEdit, text: str) -> None:
        if edit.toPlainText() != text:
            edit.blockSignals(True)
            edit.setPlainText(text)
            edit.blockSignals(False)

    # Editing ------------------------------------------------------------------------------

    def option_for_key(self, key: str) -> Option | None:
        """The option a digit key picks: the option with that id, else at that position."""
        question = self._question
        if question is None or question.scale is None:
            return None
        found = question.scale.option(key)
        if found is None and key.isdigit() and int(key) < len(question.scale.options):
            found = question.scale.options[int(key)]
        return found

    def choose(self, key: str) -> bool:
        option = self.option_for_key(key)
        if option is None or self._question is None:
            return False
        self.optionChosen.emit(self._question.id, option.id)
        return True

    def start_na(self) -> bool:
        """Select N/A and put the cursor in the justification (Enter confirms)."""
        question = self._question
        if question is None or not question.is_choice or not question.allow_na:
            return False
        self.na_radio.setChecked(True)
        self.na_reason.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.na_reason.selectAll()
        return True

    def confirm_na(self) -> None:
        question = self._question
        if question is None or not question.allow_na:
            return
        reason = self.na_reason.text().strip()
        if not reason:
            self.naRefused.emit(question.id)
            self.na_reason.setFocus()
            return
        self.naConfirmed.emit(question.id, reason)

    def toggle_flag(self) -> None:
        if self._question is not None:
            self.flag.toggle()

    def _clicked(self, button_id: int) -> None:
        question = self._question
        if question is None:
            return
        if button_id == NA_ID:
            self.na_reason.setFocus(Qt.FocusReason.MouseFocusReason)
            if self.na_reason.text().strip():
                self.confirm_na()
            return
        row = self._rows[button_id]
        if row.option is not None:
            self.optionChosen.emit(question.id, row.option.id)

    def _clear(self) -> None:
        if self._question is not None:
            self.clearRequested.emit(self._question.id)

    def _flag_toggled(self, checked: bool) -> None:
        if self._question is not None:
            self.flagToggled.emit(self._question.id, checked)

    def _flush_comment(self) -> None:
        self._comment_timer.stop()
        text = self.comment.toPlainText()
        if self._question is not None and text != self._saved_comment:
            self._saved_comment = text
            self.commentChanged.emit(self._question.id, text)

    def _flush_text(self) -> None:
        self._text_timer.stop()
        text = self.text_answer.toPlainText()
        if self._question is not None and not self._question.is_choice and text != self._saved_text:
            self._saved_text = text
            self.textAnswerChanged.emit(self._question.id, text)

    def flush(self) -> None:
        """Save pending comment and text edits now (before switching question or closing)."""
        self._flush_comment()
        self._flush_text()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            if watched is self.comment:
                self._flush_comment()
            elif watched is self.text_answer:
                self._flush_text()
        return super().eventFilter(watched, event)


def _needs(question: Question, answer: object) -> bool:
    """A scored answer high enough to need evidence (DESIGN section 3)."""
    if not question.is_scored or question.scale is None or not isinstance(answer, ChoiceAnswer):
        return False
    option = question.scale.option(answer.option_id)
    return option is not None and option.score / question.scale.max_score >= VERIFY_FROM
