"""Checks over a shown page or dialog, each returning the problems found as readable lines
(issue 18): accessible names through Qt's accessibility tree, the focus chain against what a
person sees, WCAG 2.1 text contrast, a visible focus indicator, and text that fits.

Used by tests/test_ui_accessibility.py and tests/test_ui_text_fits.py.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import QAccessible, QColor, QFontMetrics, QImage, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QTabBar,
    QWidget,
)

from readiness.ui.a11y import layout_widgets
from readiness.ui.palette import contrast_ratio, flatten

Role = QPalette.ColorRole


def describe(widget: QWidget) -> str:
    name = widget.objectName() or "-"
    return f"{type(widget).__name__}#{name}"


def shown_controls(root: QWidget) -> list[QWidget]:
    """Visible widgets under ``root`` (itself included) that Tab can reach or a person can
    click to focus, other than through a focus proxy."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or widget.focusProxy() is not None:
            continue
        if widget.window() is not root.window():
            continue
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            found.append(widget)
    return found


def name_problems(root: QWidget) -> tuple[int, list[str]]:
    """(controls checked, problems): a focusable control whose accessible interface has no
    name, or whose name only repeats its value with no label relation."""
    problems = []
    controls = shown_controls(root)
    for widget in controls:
        interface = QAccessible.queryAccessibleInterface(widget)
        if interface is None or not interface.isValid():
            problems.append(f"{describe(widget)}: no accessible interface")
            continue
        name = interface.text(QAccessible.Text.Name).strip()
        value = interface.text(QAccessible.Text.Value).strip()
        flags = QAccessible.RelationFlag
        labelled = interface.relations(flags.Label) or interface.relations(flags.Labelled)
        if not name:
            problems.append(f"{describe(widget)}: focusable with no accessible name")
        elif value and name == value and not labelled:
            problems.append(f"{describe(widget)}: its name is only its value {value!r}")
        if isinstance(widget, QAbstractButton) and not widget.text() and not widget.toolTip():
            problems.append(f"{describe(widget)}: an icon-only button with no tool tip")
    return len(controls), problems


def focus_chain(root: QWidget) -> list[QWidget]:
    """The controls Tab visits under ``root``, in order, from ``root`` round once."""
    chain: list[QWidget] = []
    start = root
    widget = root.nextInFocusChain()
    seen = 0
    while widget is not start and seen < 5000:
        seen += 1
        inside = widget is root or root.isAncestorOf(widget)
        tab = widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        shown = widget.isVisible() and widget.isEnabled() and widget.focusProxy() is None
        if inside and tab and shown:
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def _global(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size())


def order_problems(root: QWidget) -> tuple[int, list[str]]:
    """(length of the chain, problems): a step of the focus chain that goes back up and to
    the left of where it was (reading order is top to bottom, then left to right; a new
    column to the right may start higher up), or back left on the same row."""
    chain = focus_chain(root)
    problems = []
    for first, second in itertools.pairwise(chain):
        a, b = _global(first), _global(second)
        above = b.bottom() < a.top()
        same_row = not above and b.top() < a.bottom() and a.top() < b.bottom()
        left_of = b.right() < a.left()
        starts_right = b.left() >= a.right() - 2
        if (above and not starts_right) or (same_row and left_of):
            problems.append(
                f"Tab goes from {describe(first)} at {a.x()},{a.y()} back to "
                f"{describe(second)} at {b.x()},{b.y()}"
            )
    return len(chain), problems


def _background(widget: QWidget) -> QColor:
    """The colour behind ``widget``'s text: its own background if it paints one, else the
    nearest ancestor's."""
    current: QWidget | None = widget
    while current is not None:
        filled = current.autoFillBackground() or current.isWindow()
        if filled or isinstance(current, QAbstractItemView | QLineEdit | QComboBox):
            palette = current.palette()
            return palette.color(current.backgroundRole())
        if current.testAttribute(Qt.WidgetAttribute.WA_StyledBackground) and current.styleSheet():
            return current.palette().color(current.backgroundRole())
        current = current.parentWidget()
    return widget.palette().color(Role.Window)


def _text_colours(widget: QWidget) -> list[tuple[QColor, QColor, str]]:
    """(text colour, background, what) pairs a person reads on ``widget``."""
    widget.ensurePolished()
    palette = widget.palette()
    pairs = []
    if isinstance(widget, QLabel) and widget.text():
        pairs.append((palette.color(widget.foregroundRole()), _background(widget), "text"))
    elif isinstance(widget, QCheckBox | QRadioButton) and widget.text():
        pairs.append((palette.color(Role.WindowText), _background(widget), "text"))
    elif isinstance(widget, QPushButton) and widget.text():
        pairs.append((palette.color(Role.ButtonText), palette.color(Role.Button), "text"))
    elif isinstance(widget, QLineEdit):
        pairs.append((palette.color(Role.Text), palette.color(Role.Base), "text"))
        if widget.placeholderText():
            base = palette.color(Role.Base)
            pairs.append((palette.color(Role.PlaceholderText), base, "placeholder"))
    elif isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
        pairs += _cell_colours(widget)
    return pairs


def _cell_colours(view: QAbstractItemView) -> list[tuple[QColor, QColor, str]]:
    palette = view.palette()
    pairs = [
        (palette.color(Role.Text), palette.color(Role.Base), "rows"),
        (palette.color(Role.HighlightedText), palette.color(Role.Highlight), "selected row"),
    ]
    if getattr(view, "alternatingRowColors", lambda: False)():
        pairs.append((palette.color(Role.Text), palette.color(Role.AlternateBase), "other rows"))
    model = view.model()
    if model is None:
        return pairs
    root = QModelIndex()
    try:
        columns = model.columnCount(root)
    except TypeError:  # a list model: one column
        columns = 1
    for row in range(min(model.rowCount(root), 40)):
        for column in range(min(columns, 30)):
            index = model.index(row, column, root)
            fore = index.data(Qt.ItemDataRole.ForegroundRole)
            back = index.data(Qt.ItemDataRole.BackgroundRole)
            if fore is None and back is None:
                continue
            fore = QColor(
                fore.color() if hasattr(fore, "color") else fore or palette.text().color()
            )
            back = QColor(
                back.color() if hasattr(back, "color") else back or palette.base().color()
            )
            pairs.append((fore, back, f"cell {row},{column} {index.data()!r}"))
    return pairs


def contrast_problems(root: QWidget, target: float = 4.5) -> tuple[list[float], list[str]]:
    """(ratios measured, problems): text under ``target`` contrast on its background (WCAG
    2.1 relative luminance); a label disabled to look muted counts as text too."""
    ratios: list[float] = []
    problems = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or widget.window() is not root.window():
            continue
        if widget.testAttribute(Qt.WidgetAttribute.WA_ForceDisabled) and isinstance(widget, QLabel):
            if widget.text():
                problems.append(f"{describe(widget)}: text greyed by disabling the label")
            continue
        if not widget.isEnabled():
            continue  # inactive controls are exempt (WCAG 2.1, 1.4.3)
        for text, background, what in _text_colours(widget):
            ratio = contrast_ratio(flatten(text, background), background)
            ratios.append(ratio)
            if ratio < target:
                problems.append(
                    f"{describe(widget)} {what}: {text.name()} on {background.name()} is "
                    f"{ratio:.2f}:1 (under {target}:1)"
                )
    return ratios, problems


def _around(widget: QWidget) -> QImage:
    """The widget and a few pixels round it, as drawn (a focus ring may lie outside it)."""
    parent = widget.parentWidget() or widget
    rect = QRect(widget.mapTo(parent, QPoint(0, 0)), widget.size()).adjusted(-4, -4, 4, 4)
    return parent.grab(rect.intersected(parent.rect())).toImage()


def focus_indicator_problems(root: QWidget) -> tuple[int, list[str]]:
    """(controls checked, problems): a control that looks the same with and without focus."""
    problems = []
    checked = 0
    app = QApplication.instance()
    for widget in focus_chain(root):
        if widget.width() < 2 or widget.height() < 2:
            continue
        holder = root.window()
        holder.setFocus(Qt.FocusReason.OtherFocusReason)
        widget.clearFocus()
        app.processEvents()
        before = _around(widget)
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        # as after a Tab press: styles draw keyboard focus only then
        holder.setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange, True)
        app.processEvents()
        if not widget.hasFocus():
            continue
        after = _around(widget)
        checked += 1
        if before == after:
            problems.append(f"{describe(widget)}: no visible change when it has focus")
    return checked, problems


# Text that fits -----------------------------------------------------------------------------


def _available(widget: QWidget) -> int:
    return widget.contentsRect().width()


def fit_problems(root: QWidget) -> tuple[int, list[str]]:
    """(texts checked, problems): a one-line label, button, check box or tab title whose
    text is wider than the room its widget gives it (it would be clipped)."""
    problems = []
    checked = 0
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or widget.window() is not root.window():
            continue
        metrics = QFontMetrics(widget.font())
        if isinstance(widget, QLabel):
            text = widget.text()
            if not text or widget.wordWrap() or widget.textFormat() == Qt.TextFormat.RichText:
                continue
            if "<" in text and widget.textFormat() != Qt.TextFormat.PlainText:
                continue
            if widget.buddy() is not None or (
                "&" in text and widget.textFormat() != Qt.TextFormat.PlainText
            ):
                text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
            width = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
            room = _available(widget) - 2 * widget.margin() - max(widget.indent(), 0)
        elif isinstance(widget, QAbstractButton) and widget.text():
            text = widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
            width = metrics.horizontalAdvance(text)
            room = _button_room(widget)
        elif isinstance(widget, QHeaderView):
            found, wrong = _header_problems(widget)
            checked += found
            problems += wrong
            continue
        elif isinstance(widget, QGroupBox) and widget.title():
            text = widget.title().replace("&&", "\0").replace("&", "").replace("\0", "&")
            width = metrics.horizontalAdvance(text)
            room = widget.width() - 16  # the frame's indent on either side of the title
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                if not widget.isTabVisible(index):
                    continue
                checked += 1
                title = widget.tabText(index).replace("&", "")
                need = QFontMetrics(widget.font()).horizontalAdvance(title)
                rect = widget.tabRect(index)
                if need > rect.width() - 8:
                    problems.append(
                        f"{describe(widget)} tab {title!r}: {need}px in {rect.width()}px"
                    )
            continue
        else:
            continue
        checked += 1
        if width > room:
            problems.append(f"{describe(widget)} {text!r}: {width}px of text in {room}px")
    return checked, problems


def _header_problems(header: QHeaderView) -> tuple[int, list[str]]:
    """A horizontal header's section titles: each must fit its section (less the sort
    indicator's room when the view sorts), or be shown in full in its tool tip."""
    if header.orientation() != Qt.Orientation.Horizontal or not header.isVisible():
        return 0, []
    model = header.model()
    if model is None:
        return 0, []
    metrics = QFontMetrics(header.font())
    style, metric = header.style(), QStyle.PixelMetric
    margins = 2 * style.pixelMetric(metric.PM_HeaderMargin, None, header)
    arrow = style.pixelMetric(metric.PM_HeaderMarkSize, None, header) + margins // 2
    sorted_section = header.sortIndicatorSection() if header.isSortIndicatorShown() else -1
    checked, problems = 0, []
    for section in range(header.count()):
        if header.isSectionHidden(section) or header.sectionSize(section) <= 0:
            continue
        title = model.headerData(section, Qt.Orientation.Horizontal)
        if not isinstance(title, str) or not title:
            continue
        tip = model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        checked += 1
        need = max(metrics.horizontalAdvance(line) for line in title.split("\n"))
        room = header.sectionSize(section) - margins - (arrow if section == sorted_section else 0)
        if need > room and not (isinstance(tip, str) and title in tip):
            problems.append(f"{describe(header)} column {title!r}: {need}px of text in {room}px")
    return checked, problems


def _button_room(button: QAbstractButton) -> int:
    """The width a button gives its text: the widget less the indicator or bevel."""
    style = button.style()
    option = QStyleOptionButton()
    option.initFrom(button)
    width = button.width()
    if isinstance(button, QCheckBox | QRadioButton):
        metric = QStyle.PixelMetric
        if isinstance(button, QCheckBox):
            indicator = style.pixelMetric(metric.PM_IndicatorWidth, option, button)
            spacing = style.pixelMetric(metric.PM_CheckBoxLabelSpacing, option, button)
        else:
            indicator = style.pixelMetric(metric.PM_ExclusiveIndicatorWidth, option, button)
            spacing = style.pixelMetric(metric.PM_RadioButtonLabelSpacing, option, button)
        icon = button.iconSize().width() + 4 if not button.icon().isNull() else 0
        return width - indicator - spacing - icon
    margin = style.pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, option, button)
    frame = style.pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, option, button)
    icon = button.iconSize().width() + 4 if not button.icon().isNull() else 0
    return width - margin - 2 * frame - icon


def overlap_problems(root: QWidget) -> tuple[int, list[str]]:
    """(layouts checked, problems): two visible widgets of one layout drawn over each other,
    which happens when a window is smaller than its content's minimum size."""
    problems = []
    checked = 0
    for widget in [root, *root.findChildren(QWidget)]:
        layout = widget.layout()
        if layout is None or not widget.isVisible() or widget.window() is not root.window():
            continue
        checked += 1
        shown = [w for w in layout_widgets(layout) if w.isVisible() and not w.isWindow()]
        for index, first in enumerate(shown):
            for second in shown[index + 1 :]:
                if first.geometry().intersects(second.geometry()):
                    problems.append(f"{describe(first)} and {describe(second)} overlap")
    return checked, problems
