"""The `readiness` command line (DESIGN section 6).

Exit codes: 0 success, 1 bad input or unknown id (one clear line on stderr), 2 malformed
command line (argparse). Never a traceback: unexpected errors are logged to a file and
summarised in one line.

Each command lives in a module of this package with a ``register(commands)`` function;
``COMMAND_MODULES`` lists them in the order ``--help`` shows them.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: importing typing costs `--version` time
if TYPE_CHECKING:  # the rest is imported when used: `--version` needs none of it
    import argparse
    from collections.abc import Sequence

    from readiness.cli.common import Handler

COMMAND_MODULES = (
    "readiness.cli.app",
    "readiness.cli.questionnaires",
    "readiness.cli.demo",
    "readiness.cli.organisations",
    "readiness.cli.assessments",
    "readiness.cli.answers",
    "readiness.cli.upgrade",
    "readiness.cli.editing",
    "readiness.cli.reports",
    "readiness.cli.portfolio",
    "readiness.cli.database",
    "readiness.cli.keys",
    "readiness.cli.packages",
)


def build_parser(modules: Sequence[str] = COMMAND_MODULES) -> argparse.ArgumentParser:
    """The argparse tree: global options, then the commands of ``modules`` (default: all)."""
    import argparse
    import importlib

    from readiness.cli import argparse_text
    from readiness.cli.common import Commands, Parser
    from readiness.i18n import _, available_languages

    argparse_text.install()

    class _VersionAction(argparse.Action):
        """Looks the version up only when asked: reading package metadata slows every start."""

        def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> None:
            import readiness

            print(f"readiness {readiness.__version__}")
            parser.exit()

    parser = Parser(
        prog="readiness",
        description=_(
            "Partnership Readiness: assess how ready a company or a defence unit is to "
            "cooperate in a crisis. With no command, opens the window."
        ),
    )
    parser.add_argument("--version", action=_VersionAction, nargs=0, help=_("show the version"))
    parser.add_argument(
        "--db",
        metavar="PATH",
        help=_("database file (default: readiness.db in the user data folder)"),
    )
    parser.add_argument(
        "--lang",
        metavar="LANG",
        help=_(
            "language of messages, the window and reports: {languages} (default: "
            "READINESS_LANG, then the system language, then English)"
        ).format(languages=", ".join(available_languages())),
    )
    commands = Commands(
        parser.add_subparsers(
            dest="command", metavar="COMMAND", parser_class=Parser, help=_("what to do")
        )
    )
    for name in modules:
        importlib.import_module(name).register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command line; returns the exit code (see the module docstring).

    Called without ``argv`` (the ``readiness`` script, ``python -m readiness.cli``), a command
    other than the window ends the process itself once its output is flushed and its database
    closed (:func:`readiness.cli.common.fast_exit`): the interpreter's own teardown of every
    imported module would otherwise add about a third to a short command's time.
    """
    if argv is not None:
        return _run(argv)
    if sys.argv[1:] == ["--version"]:  # the version alone needs no parser (no command modules)
        import readiness

        print(f"readiness {readiness.__version__}", flush=True)
        import os

        if not os.environ.get("READINESS_SLOW_EXIT"):
            os._exit(0)
        return 0
    try:
        code = _run(None)
    except SystemExit as exc:  # --help, --version, a malformed command line
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
        if exc.code is not None and not isinstance(exc.code, int):
            print(exc.code, file=sys.stderr)
    if _GUI_STARTED:
        return code
    from readiness.cli.common import fast_exit

    fast_exit(code)
    return code  # only when READINESS_SLOW_EXIT asks for the normal way out


_GUI_STARTED = False


def _language_option(args: Sequence[str]) -> str | None:
    """The value of a global ``--lang`` (before the command's name), read before any command
    module is imported, so that text translated while modules load is in that language too."""
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--lang" and index + 1 < len(args):
            return args[index + 1]
        if arg.startswith("--lang="):
            return arg.removeprefix("--lang=")
        if arg == "--" or not arg.startswith("-"):
            return None
        index += 2 if arg == "--db" else 1
    return None


def _opens_the_window(args: Sequence[str]) -> bool:
    """Whether ``args`` is ``[--db PATH] [--lang LANG] [gui]`` (any order of the two options,
    ``=`` forms too): the window then starts without importing every command module (issue
    17). Anything else, ``--help`` included, gets the whole parser."""
    index = 0
    while index < len(args):
        arg = args[index]
        if arg in ("--db", "--lang"):
            index += 2
        elif arg.startswith(("--db=", "--lang=")):
            index += 1
        else:
            return arg == "gui" and index == len(args) - 1
    return index == len(args)


def _choose_language(args: Sequence[str]) -> str | None:
    """Apply ``--lang`` or choose from the environment (DESIGN section 11); returns the one
    line to print when the language asked for is not one we have."""
    from readiness import i18n

    option = _language_option(args)
    if option is None:
        i18n.reset_language()
        return None
    try:
        i18n.set_language(option)
    except ValueError as exc:
        i18n.reset_language()
        return i18n._("error: {message}").format(message=exc)
    return None


def _run(argv: Sequence[str] | None) -> int:
    global _GUI_STARTED
    if (problem := _choose_language(sys.argv[1:] if argv is None else argv)) is not None:
        print(problem, file=sys.stderr)
        return 2
    from readiness.cli.common import terminal_safe
    from readiness.i18n import _
    from readiness.services.errors import UserError

    given = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(("readiness.cli.app",) if _opens_the_window(given) else COMMAND_MODULES)
    args = parser.parse_args(argv)
    from readiness.cli.app import cmd_gui

    handler: Handler = getattr(args, "handler", cmd_gui)
    _GUI_STARTED = handler is cmd_gui
    try:
        return handler(args)
    except UserError as exc:
        print(_("error: {message}").format(message=terminal_safe(str(exc))), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(_("interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:
        if (line := _output_problem(exc)) is None:
            return _unexpected(exc)
        print(line, file=sys.stderr)
        return 1
    except Exception as exc:  # last resort: one line, details (never user data) in the log
        return _unexpected(exc)


def _unexpected(exc: BaseException) -> int:
    """One line for an error no command expected: a storage fault in its own words, else the
    error's class and where the details (never user data) were logged; returns 1."""
    from readiness.cli.common import terminal_safe
    from readiness.i18n import _
    from readiness.logs import log_exception
    from readiness.services.guard import storage_user_error

    if (translated := storage_user_error(exc)) is not None:
        message = terminal_safe(str(translated))
        print(_("error: {message}").format(message=message), file=sys.stderr)
        return 1
    where = log_exception(exc)
    print(
        _("error: unexpected {kind} (details in {log})").format(kind=type(exc).__name__, log=where),
        file=sys.stderr,
    )
    return 1


def _output_problem(exc: OSError) -> str | None:
    """One line when the command's output could not be written (``> /dev/full``, a full disk
    or a removed device behind a redirection); None for any other OSError. What the command
    saved before printing stays saved."""
    import errno
    import os

    if exc.errno not in (errno.ENOSPC, errno.EDQUOT, errno.EIO) or exc.filename is not None:
        return None
    from readiness.i18n import _

    return _(
        "error: the output could not be written ({reason}); anything saved stays saved"
    ).format(reason=os.strerror(exc.errno))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
