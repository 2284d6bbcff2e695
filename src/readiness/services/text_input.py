"""Every piece of text a person gives passes here before anything is written.

A command line hands Python the bytes it was given; bytes that are not UTF-8 (``$'bad\\xffbyte'``
from a shell, a file name typed in another encoding) arrive as lone surrogates, which no database,
report or log can store. They are refused with one clear line naming the field, before any
transaction starts, so a refused action changes nothing (DESIGN sections 4 and 6).
"""

from __future__ import annotations

from readiness.i18n import _
from readiness.services.errors import UserError


def checked_text(value: str, field: str) -> str:
    """``value`` unchanged if it is valid Unicode text; else UserError naming ``field`` (a short
    noun the user knows, e.g. "the comment" or "--comment") and the position, never the text."""
    if not isinstance(value, str):
        raise UserError(_("{field} must be text").format(field=field))
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise UserError(
            _(
                "{field} is not valid text: character {position} is a byte that is not UTF-8 "
                "(check the terminal's or the file's encoding); nothing was changed"
            ).format(field=field, position=exc.start + 1)
        ) from None
    return value


def checked_optional(value: str | None, field: str) -> str | None:
    """``checked_text`` for an optional value; None stays None."""
    return None if value is None else checked_text(value, field)
