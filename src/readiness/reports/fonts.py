"""Embedded TrueType fonts for the PDF report, so Latin, Greek and Cyrillic text renders
everywhere (charts included) and the file looks the same on every machine.

DejaVu Sans ships in ``resources/fonts`` with its licence (LICENSE-DejaVu.txt). reportlab embeds a
subset of each font it uses, so only the glyphs a report needs end up in the file. Only the
regular and bold faces are registered: the report uses no italics (``<i>`` maps to the upright
faces), and not parsing the two oblique files saves time on every export.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from readiness.i18n import _
from readiness.paths import resources_dir

FAMILY = "DejaVuSans"


class FontError(RuntimeError):
    """The embedded fonts are missing or unreadable (a broken installation)."""


@dataclass(frozen=True, slots=True)
class Fonts:
    """reportlab font names to use; both are embedded TrueType fonts."""

    regular: str = "DejaVuSans"
    bold: str = "DejaVuSans-Bold"


_FILES = {"DejaVuSans": "DejaVuSans.ttf", "DejaVuSans-Bold": "DejaVuSans-Bold.ttf"}


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


@functools.cache
def register_fonts() -> Fonts:
    """Register the fonts once per process and return their names.

    ``<b>`` in Paragraph markup maps to the bold face.
    """
    folder = fonts_dir()
    for name, filename in _FILES.items():
        path = folder / filename
        try:
            pdfmetrics.registerFont(TTFont(name, str(path)))
        except Exception as exc:  # reportlab raises several types for a bad or missing file
            raise FontError(
                _("cannot load the report font {path}: {error}").format(path=path, error=exc)
            ) from exc
    fonts = Fonts()
    pdfmetrics.registerFontFamily(
        FAMILY,
        normal=fonts.regular,
        bold=fonts.bold,
        italic=fonts.regular,
        boldItalic=fonts.bold,
    )
    return fonts
