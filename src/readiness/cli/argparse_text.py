"""argparse's own words (usage, options, its error messages) in the language in use.

argparse looks its text up through module-level ``_`` and ``ngettext`` at call time;
:func:`install` points them at :mod:`readiness.i18n`, whose catalogue holds the messages listed
in :func:`_messages` (listed there only so that the extractor finds them: the strings must stay
exactly as Python 3.11's argparse writes them).
"""

from __future__ import annotations

import argparse

from readiness import i18n


def install() -> None:
    """Translate argparse's text from now on. In English too: argparse's own lookup
    (``gettext.gettext``) searches the file system for an ``argparse`` catalogue on every
    call, about 140 times for ``--help`` (11 ms, a quarter of the whole command)."""
    argparse._ = i18n._  # type: ignore[attr-defined]
    argparse.ngettext = i18n.ngettext  # type: ignore[attr-defined]


def _messages() -> None:  # pragma: no cover - read by the extractor, never called
    _ = i18n._
    _("usage: ")
    _("positional arguments")
    _("options")
    _("show this help message and exit")
    _("%(prog)s: error: %(message)s\n")
    _("argument %(argument_name)s: %(message)s")
    _("the following arguments are required: %s")
    _("unrecognized arguments: %s")
    _("invalid choice: %(value)r (choose from %(choices)s)")
    _("invalid %(type)s value: %(value)r")
    _("expected one argument")
    _("expected at least one argument")
    _("expected at most one argument")
    _("ambiguous option: %(option)s could match %(matches)s")
    _("not allowed with argument %s")
    _("one of the arguments %s is required")
    _("ignored explicit argument %r")
    _("can't open '%(filename)s': %(error)s")
    i18n.ngettext("expected %s argument", "expected %s arguments", 2)
