"""Every colour the window uses, and the normal and high-contrast palettes (issue 18).

Widgets take their colours from the application palette (roles: ``Window``/``WindowText``,
``Base``/``Text``, ``Highlight``/``HighlightedText``, ``PlaceholderText`` for muted text); the
few fixed colours (the report's score ramp, chart series, the origin banner) are named here and
nowhere else. :func:`apply_theme` sets the palette: ``"system"`` follows the desktop (its
light/dark scheme from ``QStyleHints.colorScheme`` and, from Qt 6.10, its contrast preference
from ``QStyleHints.accessibility().contrastPreference()``), ``"normal"`` and ``"high"`` force
one. Whatever the palette, :func:`ensure_contrast` raises every text/background pair to at
least 4.5:1 (WCAG 2.1 AA; 7:1 in high contrast) by moving the text colour, or the highlight,
towards black or white.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

THEMES = ("system", "normal", "high")
AA = 4.5  # WCAG 2.1 AA, normal text
AAA = 7.0  # WCAG 2.1 AAA: the high-contrast palette aims here

# Chart colours shared with the reports (reports/pdf/charts.py): navy accent, red-to-green ramp.
ACCENT = QColor("#1F3A5F")
POSITIVE = QColor("#2E7D32")  # company offers more than the unit counts on
NEGATIVE = QColor("#C62828")  # the unit counts on more than the company offers
MISMATCH = QColor("#B91C1C")
NEUTRAL = QColor("#64748B")
NO_SCORE = QColor("#E5E7EB")  # a heat cell with no score (the number says "–")
SERIES = (
    "#1F3A5F",
    "#C2410C",
    "#15803D",
    "#7C3AED",
    "#B45309",
    "#0E7490",
    "#BE185D",
    "#4D7C0F",
    "#6B7280",
    "#9F1239",
)
# The "received from a partner" banner: dark text on pale amber, 11:1.
BANNER_TEXT = QColor("#3B2F00")
BANNER_BACKGROUND = QColor("#FFF4CE")
BANNER_BORDER = QColor("#C9A400")

# (text role, background role, which one moves when the pair is under the target)
TEXT_PAIRS = (
    (Role.WindowText, Role.Window, "text"),
    (Role.Text, Role.Base, "text"),
    (Role.Text, Role.AlternateBase, "text"),
    (Role.ButtonText, Role.Button, "text"),
    (Role.PlaceholderText, Role.Base, "text"),
    (Role.PlaceholderText, Role.Window, "text"),
    (Role.ToolTipText, Role.ToolTipBase, "text"),
    (Role.HighlightedText, Role.Highlight, "background"),
    (Role.Link, Role.Base, "text"),
    (Role.LinkVisited, Role.Base, "text"),
    (Role.Link, Role.Window, "text"),
)


def relative_luminance(colour: QColor) -> float:
    """WCAG 2.1 relative luminance of an opaque sRGB colour, 0.0 (black) to 1.0 (white)."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG 2.1 contrast ratio of two opaque colours: 1.0 (same) to 21.0 (black on white)."""
    a, b = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def flatten(colour: QColor, background: QColor) -> QColor:
    """``colour`` drawn over ``background``: its alpha mixed in (placeholder text is
    half-transparent in several styles)."""
    alpha = colour.alphaF()
    if alpha >= 1.0:
        return QColor(colour)
    return QColor.fromRgbF(
        colour.redF() * alpha + background.redF() * (1 - alpha),
        colour.greenF() * alpha + background.greenF() * (1 - alpha),
        colour.blueF() * alpha + background.blueF() * (1 - alpha),
    )


def text_on(background: QColor) -> QColor:
    """Black or white, whichever has the higher contrast on ``background`` (never under 4.58:1
    on an opaque colour)."""
    black, white = QColor("#000000"), QColor("#FFFFFF")
    return (
        black if contrast_ratio(black, background) >= contrast_ratio(white, background) else white
    )


def readable(colour: QColor, background: QColor, target: float = AA) -> QColor:
    """``colour`` made darker or lighter (away from ``background``) until it reaches
    ``target`` contrast on it; unchanged when it already does."""
    colour = flatten(colour, background)
    if contrast_ratio(colour, background) >= target:
        return colour
    towards = text_on(background)
    for step in range(1, 21):
        share = step / 20
        mixed = QColor.fromRgbF(
            colour.redF() * (1 - share) + towards.redF() * share,
            colour.greenF() * (1 - share) + towards.greenF() * share,
            colour.blueF() * (1 - share) + towards.blueF() * share,
        )
        if contrast_ratio(mixed, background) >= target:
            return mixed
    return towards


def ensure_contrast(palette: QPalette, target: float = AA) -> QPalette:
    """A copy of ``palette`` whose text roles reach ``target`` on their backgrounds in the
    active and inactive groups (disabled controls are exempt in WCAG 2.1, 1.4.3)."""
    palette = QPalette(palette)
    for group in (Group.Active, Group.Inactive):
        for text_role, background_role, moves in TEXT_PAIRS:
            text = palette.color(group, text_role)
            background = palette.color(group, background_role)
            if moves == "text":
                palette.setColor(group, text_role, readable(text, background, target))
            else:
                palette.setColor(group, background_role, readable(background, text, target))
    return palette


def high_contrast_palette(dark: bool) -> QPalette:
    """Black on white with a navy highlight, or (``dark``) white on black with yellow."""
    if dark:
        ink, paper, highlight, highlighted = "#FFFFFF", "#000000", "#FFD700", "#000000"
        muted, link, disabled = "#E0E0E0", "#8AB4FF", "#9E9E9E"
    else:
        ink, paper, highlight, highlighted = "#000000", "#FFFFFF", "#00006E", "#FFFFFF"
        muted, link, disabled = "#262626", "#00006E", "#5C5C5C"
    palette = QPalette()
    for group in (Group.Active, Group.Inactive, Group.Disabled):
        for role in (Role.Window, Role.Base, Role.AlternateBase, Role.Button, Role.ToolTipBase):
            palette.setColor(group, role, QColor(paper))
        for role in (Role.WindowText, Role.Text, Role.ButtonText, Role.ToolTipText):
            palette.setColor(group, role, QColor(ink if group != Group.Disabled else disabled))
        palette.setColor(group, Role.BrightText, QColor(ink))
        palette.setColor(group, Role.PlaceholderText, QColor(muted))
        palette.setColor(group, Role.Highlight, QColor(highlight))
        palette.setColor(group, Role.HighlightedText, QColor(highlighted))
        palette.setColor(group, Role.Link, QColor(link))
        palette.setColor(group, Role.LinkVisited, QColor(link))
        for role in (Role.Light, Role.Midlight, Role.Mid, Role.Dark, Role.Shadow):
            palette.setColor(group, role, QColor(ink))
    palette.setColor(Group.Disabled, Role.Highlight, QColor(disabled))
    return palette


def system_wants_high_contrast() -> bool:
    """True when the desktop asks for high contrast (Qt 6.10+ reports it; older: never)."""
    hints = QGuiApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)
    if accessibility is None:  # pragma: no cover - Qt < 6.10
        return False
    return accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast


def system_is_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def is_high_contrast() -> bool:
    """Whether the application palette is the high-contrast one (charts draw heavier)."""
    app = QGuiApplication.instance()
    return bool(app is not None and app.property("readinessHighContrast"))


_PLATFORM: list[QPalette] = []  # the desktop's own palette, kept before the first change


def _platform_palette(app: QGuiApplication) -> QPalette:
    if not _PLATFORM:
        _PLATFORM.append(QPalette(app.palette()))
    return QPalette(_PLATFORM[0])


def apply_theme(theme: str = "system") -> str:
    """Set the application palette for ``theme`` (one of :data:`THEMES`; anything else is
    "system"); returns "high" or "normal", what was applied. With "system" the palette
    follows the desktop's later changes too."""
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        raise RuntimeError("apply_theme needs a QApplication")
    theme = theme if theme in THEMES else "system"
    _platform_palette(app)
    high = theme == "high" or (theme == "system" and system_wants_high_contrast())
    if high:
        palette = ensure_contrast(high_contrast_palette(system_is_dark()), AAA)
    else:
        palette = ensure_contrast(_platform_palette(app), AA)
    app.setProperty("readinessHighContrast", high)
    app.setProperty("readinessTheme", theme)
    QGuiApplication.setPalette(palette)
    _follow_system(app)
    return "high" if high else "normal"


def _follow_system(app: QGuiApplication) -> None:
    """Re-apply a "system" theme when the desktop's scheme or contrast preference changes."""
    if app.property("readinessFollowing"):
        return
    app.setProperty("readinessFollowing", True)
    hints = QGuiApplication.styleHints()

    def changed(*_args: object) -> None:
        if app.property("readinessTheme") == "system":
            apply_theme("system")

    hints.colorSchemeChanged.connect(changed)
    accessibility = getattr(hints, "accessibility", None)
    if accessibility is not None:
        accessibility().contrastPreferenceChanged.connect(changed)


ERROR = QColor("#B00020")  # error text; raised to 4.5:1 on the background it is drawn on


def error_colour(palette: QPalette) -> QColor:
    """The error red, made readable on ``palette``'s window colour (dark themes too)."""
    return readable(ERROR, palette.color(Role.Window), AA)


def grid_colour(palette: QPalette) -> QColor:
    """Chart grid lines: the text colour, faint."""
    colour = QColor(palette.color(Role.Text))
    colour.setAlphaF(0.25)
    return colour


def current_row_colour(palette: QPalette) -> QColor:
    """The background of a chart's current row: the highlight, faint over the base, so the
    text colour keeps its contrast (light, dark and high-contrast palettes)."""
    highlight = QColor(palette.color(Role.Highlight))
    highlight.setAlphaF(0.18)
    return flatten(highlight, palette.color(Role.Base))


def series_colour(index: int, palette: QPalette | None = None) -> QColor:
    """Line ``index``'s colour; in high contrast every line is the text colour (the legend
    and the table twin tell them apart by name and number)."""
    if palette is not None and is_high_contrast():
        return QColor(palette.color(Role.Text))
    return QColor(SERIES[index % len(SERIES)])


def banner_style() -> str:
    """Style sheet of the "received from a partner" banner (11:1; high contrast: the
    palette's own text and background with a heavy border)."""
    if is_high_contrast():
        return "QLabel { border: 3px solid palette(window-text); padding: 6px; }"
    return (
        f"QLabel {{ background: {BANNER_BACKGROUND.name()}; color: {BANNER_TEXT.name()};"
        f" border: 1px solid {BANNER_BORDER.name()}; padding: 6px; }}"
    )


def scaled_font(font: QFont, factor: float, bold: bool = False) -> QFont:
    """A copy of ``font`` ``factor`` times its size (headings follow the user's font size)."""
    font = QFont(font)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    return font
