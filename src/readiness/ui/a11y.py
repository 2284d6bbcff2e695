"""Accessible names and a visual tab order for a page or dialog, in one call (issue 18).

:func:`prepare` is called on every page (``MainWindow.add_page``), on the window itself, and on
every dialog before it runs (``controllers.base.exec_dialog``). It

- names each focusable control that has no accessible name: from the label whose buddy it is,
  else its own text (buttons, check boxes), else its placeholder or tool tip; every text it
  uses is already translated (it went through ``readiness.i18n._`` where it was set);
- gives every button that shows only an icon its name as tool tip;
- sets the tab order to the layout order: top to bottom, left to right inside a row, a
  splitter's or grid's cells in reading order, so Tab follows what a person sees.

Widgets built later (rows added on the fly) call :func:`tab_order` on their container again.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtGui import QPalette, QPen, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QBoxLayout,
    QComboBox,
    QDialog,
    QFocusFrame,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QProxyStyle,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTableView,
    QTabWidget,
    QTextEdit,
    QTreeView,
    QWidget,
)


def plain(text: str) -> str:
    """A label's text as a name: no mnemonic ampersands, colon or ellipsis at the end."""
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.strip().rstrip(":…").strip()


def takes_focus(widget: QWidget) -> bool:
    """Whether Tab can reach ``widget`` by itself (not through a focus proxy)."""
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.focusProxy() is None


def _buddies(root: QWidget) -> dict[int, QLabel]:
    labels: dict[int, QLabel] = {}
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and label.text():
            labels[id(buddy)] = label
    return labels


def own_text(widget: QWidget) -> str:
    """What the control itself says: a button's text, a field's placeholder, a tool tip."""
    if isinstance(widget, QAbstractButton) and widget.text():
        return plain(widget.text())
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit) and widget.placeholderText():
        return plain(widget.placeholderText())
    if isinstance(widget, QComboBox) and widget.isEditable() and widget.lineEdit():
        edit = widget.lineEdit()
        if edit is not None and edit.placeholderText():
            return plain(edit.placeholderText())
    return plain(widget.toolTip()) if widget.toolTip() else ""


def _form_buddies(root: QWidget) -> None:
    """A form row whose field is a layout (a path and its Browse button): its label becomes
    the buddy of the row's first control, as ``QFormLayout.addRow`` does for a widget."""
    label_role = QFormLayout.ItemRole.LabelRole
    field_role = QFormLayout.ItemRole.FieldRole
    for form in root.findChildren(QFormLayout):
        parent = form.parentWidget()
        if parent is None:
            continue
        fields = {}
        for sub in _sublayouts(form):
            index = form.indexOf(sub)
            if index >= 0:
                row, role = form.getItemPosition(index)
                if role == field_role:
                    fields[row] = sub
        for label in parent.findChildren(QLabel, options=Qt.FindChildOption.FindDirectChildrenOnly):
            index = form.indexOf(label)
            if index < 0 or label.buddy() is not None:
                continue
            row, role = form.getItemPosition(index)
            inner = fields.get(row) if role == label_role else None
            controls = [w for w in layout_widgets(inner) if takes_focus(w)] if inner else []
            if controls:
                label.setBuddy(controls[0])


def name_controls(root: QWidget) -> int:
    """Give each unnamed focusable control under ``root`` a name; returns how many it named."""
    _form_buddies(root)
    buddies = _buddies(root)
    named = 0
    for widget in [root, *root.findChildren(QWidget)]:
        icon_only = isinstance(widget, QAbstractButton) and not widget.text()
        if icon_only and not widget.toolTip() and widget.accessibleName():
            widget.setToolTip(widget.accessibleName())  # icon-only: a name and a tool tip
        if not takes_focus(widget) or widget.accessibleName():
            continue
        label = buddies.get(id(widget))
        name = plain(label.text()) if label is not None else own_text(widget)
        if name:
            widget.setAccessibleName(name)
            named += 1
    return named


def visual_order(root: QWidget) -> list[QWidget]:
    """The focusable widgets under ``root`` in reading order: the layout tree walked top to
    bottom and left to right; children outside any layout after, by position."""
    order: list[QWidget] = []
    seen: dict[int, QWidget] = {}  # holds each wrapper, so no id is reused while walking

    def visit(widget: QWidget) -> None:
        if id(widget) in seen or (widget is not root and widget.isWindow()):
            return
        seen[id(widget)] = widget
        if takes_focus(widget) and widget is not root:
            order.append(widget)
        for child in _children_in_order(widget):
            visit(child)

    visit(root)
    return order


def _children_in_order(widget: QWidget) -> list[QWidget]:
    ordered: list[QWidget] = []
    if isinstance(widget, QMainWindow):
        ordered += [w for w in (widget.menuWidget(), widget.centralWidget()) if w is not None]
    elif isinstance(widget, QSplitter):
        ordered += [widget.widget(i) for i in range(widget.count())]
    elif isinstance(widget, QTabWidget):
        ordered.append(widget.tabBar())
        ordered += [widget.widget(i) for i in range(widget.count())]
    elif isinstance(widget, QStackedWidget):
        ordered += [widget.widget(i) for i in range(widget.count())]
    elif isinstance(widget, QScrollArea) and widget.widget() is not None:
        ordered.append(widget.widget())
    elif isinstance(widget, QAbstractItemView):  # only its headers, if Tab can reach them
        headers: list[QWidget] = []
        if isinstance(widget, QTableView):
            headers = [widget.horizontalHeader(), widget.verticalHeader()]
        elif isinstance(widget, QTreeView):
            headers = [widget.header()]
        return [h for h in headers if h is not None and h.isVisibleTo(widget) and takes_focus(h)]
    layout = widget.layout()
    if layout is not None:
        ordered += layout_widgets(layout)
    known = {id(w) for w in ordered}
    rest = [
        child
        for child in widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        if id(child) not in known
    ]
    rest.sort(key=lambda w: (w.y(), w.x()))
    return ordered + rest


def _place(layout: QLayout, index: int) -> tuple[int, int]:
    """Where item ``index`` of ``layout`` is read: (row, column) in a grid or form, its
    index in a box (negated when the box runs right to left or bottom to top)."""
    if isinstance(layout, QGridLayout):
        row, column, _rows, _columns = layout.getItemPosition(index)
        return (row, column)
    if isinstance(layout, QFormLayout):
        row, role = layout.getItemPosition(index)
        return (row, int(role.value))  # label, field, spanning
    if isinstance(layout, QBoxLayout) and layout.direction() in (
        QBoxLayout.Direction.RightToLeft,
        QBoxLayout.Direction.BottomToTop,
    ):
        return (-index, 0)
    return (index, 0)


def _sublayouts(layout: QLayout) -> list[QLayout]:
    return layout.findChildren(QLayout, options=Qt.FindChildOption.FindDirectChildrenOnly)


def _layout_key(widget: QWidget, layout: QLayout) -> tuple[tuple[int, int], ...] | None:
    """The reading places from ``layout`` down to the item that holds ``widget``; None when
    ``layout`` does not hold it. Only QObject calls (indexOf, positions): no layout-item
    wrappers, whose C++ side can go without Python knowing."""
    index = layout.indexOf(widget)
    if index >= 0:
        return (_place(layout, index),)
    for sub in _sublayouts(layout):
        key = _layout_key(widget, sub)
        sub_index = layout.indexOf(sub) if key is not None else -1
        if key is not None and sub_index >= 0:
            return (_place(layout, sub_index), *key)
    return None


def layout_widgets(layout: QLayout) -> list[QWidget]:
    """The widgets ``layout`` (and the layouts inside it) holds, in reading order."""
    parent = layout.parentWidget()
    if parent is None:
        return []
    keyed = []
    for child in parent.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
        key = _layout_key(child, layout)
        if key is not None:
            keyed.append((key, child))
    keyed.sort(key=lambda pair: pair[0])
    return [widget for _key, widget in keyed]


def tab_order(root: QWidget) -> list[QWidget]:
    """Set the tab order of the controls under ``root`` to :func:`visual_order`; returns it."""
    order = visual_order(root)
    for first, second in itertools.pairwise(order):
        QWidget.setTabOrder(first, second)
    return order


def prepare(root: QWidget) -> None:
    """Names for unnamed controls and a visual tab order, for a page, window or dialog."""
    name_controls(root)
    tab_order(root)


class Dialog(QDialog):
    """Base of the application's dialogs: :func:`prepare` runs each time one is shown, so its
    controls are named and Tab follows what is on screen however the dialog was built."""

    def showEvent(self, event: QShowEvent) -> None:
        prepare(self)
        if self.findChild(QFocusFrame, "focusRing") is None:
            follow_focus(self)
        super().showEvent(event)


class _FocusFrameStyle(QProxyStyle):
    """Draws the focus frame as a 2-pixel ring in the palette's highlight colour."""

    MARGIN = 3

    def drawControl(self, element, option, painter, widget=None):  # type: ignore[no-untyped-def]
        if element != QStyle.ControlElement.CE_FocusFrame:
            super().drawControl(element, option, painter, widget)
            return
        painter.save()
        pen = QPen(option.palette.color(QPalette.ColorRole.Highlight), 2)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(option.rect).adjusted(1, 1, -1, -1))
        painter.restore()

    def pixelMetric(self, metric, option=None, widget=None):  # type: ignore[no-untyped-def]
        if metric in (
            QStyle.PixelMetric.PM_FocusFrameHMargin,
            QStyle.PixelMetric.PM_FocusFrameVMargin,
        ):
            return self.MARGIN
        return super().pixelMetric(metric, option, widget)


class _FocusFollower(QObject):
    """Moves ``frame`` to the focused control of ``window``. A QObject child of the window:
    Qt disconnects it when the window goes, so no slot ever reaches a deleted frame."""

    def __init__(self, window: QWidget, frame: QFocusFrame) -> None:
        super().__init__(window)
        self.window = window
        self.frame = frame

    def moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        inside = new is not None and new is not self.window and new.window() is self.window
        self.frame.setWidget(new if inside else None)


def follow_focus(window: QWidget) -> QFocusFrame:
    """A ring around whichever control of ``window`` has the keyboard focus, drawn outside
    it, so focus is visible on every control whatever its style draws (issue 18)."""
    frame = QFocusFrame(window)
    frame.setObjectName("focusRing")
    style = _FocusFrameStyle()
    style.setParent(frame)
    frame.setStyle(style)
    frame.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    follower = _FocusFollower(window, frame)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.focusChanged.connect(follower.moved)
    return frame
