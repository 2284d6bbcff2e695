"""Safe YAML reading that keeps line numbers and refuses hostile input quickly.

PyYAML's composer recurses once per nesting level and expands aliases when values are
walked, so we build values ourselves from the (non-recursive) event stream: that lets us
cap depth, cap the size an alias-heavy document expands to, reject duplicate keys, and
remember the line of every value.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

import yaml

from readiness.i18n import _
from readiness.questionnaire.issues import Path

MAX_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 64
MAX_VALUES = 100_000
"""Values a document may hold, aliases expanded: the built-in questionnaires hold about 5,000;
the cap bounds the work any file (or stored snapshot) can cause to a second or two."""
MAX_INT_DIGITS = 4300
"""Python's own limit for converting decimal text to an integer."""

_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """The safe loader, plus YAML 1.2's exponent floats (``5e-1``, ``1E3``, ``2.5e3``), which
    YAML 1.1 leaves as text: wherever the schema says number, they are numbers."""


_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$"),
    list("-+0123456789."),
)


class YamlProblem(Exception):
    """A file that cannot be read as YAML; ``bounded``: the reading stopped at a size limit, so
    reading again (to find more lines) would only repeat the cost."""

    def __init__(self, message: str, line: int = 1, bounded: bool = False) -> None:
        super().__init__(message)
        self.line = line
        self.bounded = bounded


@dataclass
class Document:
    """Plain Python data plus the line where each path starts (keys: their key's line)."""

    data: Any
    lines: dict[Path, int] = field(default_factory=dict)

    def line(self, path: Path) -> int:
        """Line of ``path``, or of its closest ancestor that has one (values behind aliases)."""
        while path:
            found = self.lines.get(path)
            if found is not None:
                return found
            path = path[:-1]
        return self.lines.get((), 1)


def read_text(path: FsPath) -> str:
    """Read a file as UTF-8 text, refusing folders, devices, oversized, binary and non-UTF-8
    files."""
    from readiness.questionnaire.files import file_problem

    if problem := file_problem(path):
        raise YamlProblem(problem)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise YamlProblem(_("cannot read the file: {reason}").format(reason=exc.strerror)) from exc
    if size > MAX_BYTES:
        raise YamlProblem(
            _("file is {size:.1f} MB; questionnaire files may be at most 10 MB").format(
                size=size / 1024 / 1024
            )
        )
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise YamlProblem(_("cannot read the file: {reason}").format(reason=exc.strerror)) from exc
    return decode(raw)


_UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")
_UTF32_MARKS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")


def _wide_encoding(raw: bytes) -> str | None:
    """'UTF-16' or 'UTF-32' when the bytes look like that text (mark, or ASCII with NULs)."""
    if raw.startswith(_UTF32_MARKS):
        return "UTF-32"
    if raw.startswith(_UTF16_MARKS):
        return "UTF-16"
    head = raw[:200]
    if len(head) >= 4:
        evens, odds = head[0::2], head[1::2]
        if odds.count(0) >= len(odds) * 0.8 and 0 not in evens[:4]:
            return "UTF-16"
        if evens.count(0) >= len(evens) * 0.8 and 0 not in odds[:4]:
            return "UTF-16"
    return None


def _known_binary(raw: bytes) -> str | None:
    """One line for files people pick by mistake, named by what they are, not by their bytes."""
    if raw.startswith(b"SQLite format 3\x00"):
        return _("this is an SQLite database, not a YAML text file")
    if raw.startswith(b"PK\x03\x04"):
        return _("this is a ZIP archive (an Excel workbook is one), not a YAML text file")
    if raw.startswith(b"%PDF"):
        return _("this is a PDF document, not a YAML text file")
    return None


def decode(raw: bytes) -> str:
    if (known := _known_binary(raw)) is not None:
        raise YamlProblem(known, 1)
    wide = _wide_encoding(raw)
    if wide is not None:
        raise YamlProblem(
            _("this file is {encoding} text; save it as UTF-8").format(encoding=wide), 1
        )
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise YamlProblem(_("this is a binary file, not a YAML text file"), line)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise YamlProblem(
            _("not valid UTF-8 (byte {byte} at offset {offset}); save the file as UTF-8").format(
                byte=f"0x{raw[exc.start]:02x}", offset=exc.start
            ),
            line,
        ) from exc
    return text  # a byte-order mark stays, so the text hashes like the file; parse() skips it


def parse(text: str, track_lines: bool = True) -> Document:
    """Parse one YAML document into plain data, with line numbers when ``track_lines``.

    Line tracking costs about a third of the parse; callers that only need lines to report
    problems parse without it first and again with it when there is something to report.
    """
    text = text.removeprefix("\ufeff")
    if len(text) > MAX_BYTES:  # text not read through read_text (a stored snapshot)
        raise YamlProblem(
            _("the text is over {n} MB; questionnaire files may be at most 10 MB").format(n=10)
        )
    if not text.strip():
        raise YamlProblem(_("the file is empty"))
    loader = _Loader(text)
    try:
        return _Builder(loader, track_lines).build()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        problem = exc.problem or exc.context or str(exc)
        if "nesting depth" in problem:  # PyYAML >= 6.0.4 enforces its own limit first
            raise YamlProblem(
                _("nesting deeper than {n} levels").format(n=MAX_DEPTH), line
            ) from exc
        raise YamlProblem(_("YAML syntax error: {problem}").format(problem=problem), line) from exc
    except yaml.YAMLError as exc:
        raise YamlProblem(_("YAML syntax error: {problem}").format(problem=exc)) from exc
    finally:
        loader.dispose()


_PLAIN_INT = re.compile(r"[-+]?[0-9][0-9_]*")
_NO_KEY = object()
_STR_TAG = "tag:yaml.org,2002:str"


class _Everything:
    def __contains__(self, _item: object) -> bool:
        return True


class _Frame:
    __slots__ = ("anchor", "container", "is_map", "key", "key_line", "path", "size")

    def __init__(self, container: Any, path: Path, anchor: str | None) -> None:
        self.container = container
        self.is_map = isinstance(container, dict)
        self.path = path
        self.anchor = anchor
        self.key: Any = _NO_KEY
        self.key_line = 0
        self.size = 1


class _Builder:
    def __init__(self, loader: Any, track_lines: bool) -> None:
        self.loader = loader
        self.track = track_lines
        self.lines: dict[Path, int] = {}
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.total = 0
        self.aliased = 0  # values that came in through aliases
        self.stack: list[_Frame] = []
        self.root: Any = None
        self.has_root = False
        resolvers = loader.yaml_implicit_resolvers
        # First characters that may start a typed plain scalar; anything else is text.
        self.first_chars: Any = _Everything() if None in resolvers else resolvers

    def build(self) -> Document:
        get_event = self.loader.get_event
        add, scalar, first_chars = self._add, self._scalar, self.first_chars
        stack = self.stack
        documents = 0
        while True:
            event = get_event()
            kind = type(event)
            if kind is yaml.ScalarEvent:
                value = event.value
                # the common case inline: untagged text that no implicit type can start
                if event.tag is None and (
                    not event.implicit[0] or (value and value[0] not in first_chars)
                ):
                    add(value, 1, event)
                else:
                    add(scalar(event), 1, event)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                if len(stack) >= MAX_DEPTH:
                    raise YamlProblem(
                        _("nesting deeper than {n} levels").format(n=MAX_DEPTH),
                        event.start_mark.line + 1,
                    )
                container: Any = {} if kind is yaml.MappingStartEvent else []
                stack.append(_Frame(container, self._child_path(event), event.anchor))
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                frame = stack.pop()
                if frame.anchor:
                    self.anchors[frame.anchor] = (frame.container, frame.size)
                if stack:  # its values are counted already: only the container is new
                    self._attach(frame.container, frame.size, frame.path, event, new=1)
                else:
                    self.root, self.has_root = frame.container, True
            elif kind is yaml.AliasEvent:
                if event.anchor not in self.anchors:
                    raise YamlProblem(
                        _("unknown alias '*{name}'").format(name=event.anchor),
                        event.start_mark.line + 1,
                    )
                value, size = self.anchors[event.anchor]
                self.aliased += size
                self._add(value, size, event)
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise YamlProblem(
                        _("more than one YAML document; put one questionnaire per file"),
                        event.start_mark.line + 1,
                    )
            elif kind is yaml.StreamEndEvent or event is None:
                break
        return Document(self.root, self.lines)

    def _child_path(self, event: Any) -> Path:
        if not self.stack:
            self.lines[()] = event.start_mark.line + 1
            return ()
        parent = self.stack[-1]
        if parent.is_map and parent.key is _NO_KEY:
            raise YamlProblem(
                _("a mapping or list cannot be used as a key; keys must be plain text"),
                event.start_mark.line + 1,
            )
        if not self.track:
            return ()
        if not parent.is_map:
            path = (*parent.path, len(parent.container))
            self.lines[path] = event.start_mark.line + 1
            return path
        key = parent.key
        path = (*parent.path, key if isinstance(key, str | int) else str(key))
        self.lines[path] = parent.key_line
        return path

    def _scalar(self, event: Any) -> Any:
        tag = event.tag
        if tag is None or tag == "!":
            value = event.value
            if not event.implicit[0]:  # quoted or block scalar without a tag: always text
                return value
            if value and value[0] not in self.first_chars:  # no implicit type starts so
                return value
            tag = self.loader.resolve(yaml.ScalarNode, value, event.implicit)
            if tag == _STR_TAG:
                return event.value
        line = event.start_mark.line + 1
        if tag == "tag:yaml.org,2002:int" and len(event.value) > MAX_INT_DIGITS:
            raise YamlProblem(
                _("a number with more than {n} digits; numbers must be small and finite").format(
                    n=MAX_INT_DIGITS
                ),
                line,
            )
        if tag == "tag:yaml.org,2002:int" and _PLAIN_INT.fullmatch(event.value):
            return int(event.value.replace("_", ""))
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            value = self.loader.construct_object(node, deep=True)
        except (yaml.constructor.ConstructorError, ValueError):
            return event.value
        if isinstance(value, float) and not math.isfinite(value):
            raise YamlProblem(
                _("'{text}' is not a finite number; numbers must be finite").format(
                    text=event.value[:20]
                ),
                line,
            )
        return value

    def _add(self, value: Any, size: int, event: Any) -> None:
        if not self.stack:
            self.lines[()] = event.start_mark.line + 1
            self.root, self.has_root = value, True
            return
        frame = self.stack[-1]
        if frame.is_map and frame.key is _NO_KEY:
            line = event.start_mark.line + 1
            if isinstance(value, list | dict):
                raise YamlProblem(
                    _("a mapping or list cannot be used as a key; keys must be plain text"), line
                )
            if value in frame.container:
                first = self.lines.get((*frame.path, value)) if self.track else None
                raise YamlProblem(
                    _("duplicate key '{key}' (already given on line {first})").format(
                        key=value, first=first or "?"
                    )
                    if first
                    else _("duplicate key '{key}'").format(key=value),
                    line,
                )
            frame.key = value
            frame.key_line = line
            return
        if event.anchor and type(event) is yaml.ScalarEvent:
            self.anchors[event.anchor] = (value, 1)
        path: Path = ()
        if self.track:
            if frame.is_map:
                path = (*frame.path, frame.key)
                self.lines[path] = frame.key_line
            else:
                path = (*frame.path, len(frame.container))
                self.lines[path] = event.start_mark.line + 1
        self._attach(value, size, path, event)

    def _attach(
        self, value: Any, size: int, path: Path, event: Any, new: int | None = None
    ) -> None:
        """Put ``value`` (``size`` values, itself included) into the open container;
        ``new`` of them are new to the document (default all: a scalar or an alias)."""
        frame = self.stack[-1]
        self.total += size if new is None else new
        frame.size += size
        if self.total > MAX_VALUES:
            line = event.start_mark.line + 1
            if self.aliased * 10 >= MAX_VALUES:
                raise YamlProblem(
                    _(
                        "the document expands to more than {n} values through aliases "
                        "(an alias bomb?); remove the '*' references"
                    ).format(n=MAX_VALUES),
                    line,
                    bounded=True,
                )
            raise YamlProblem(
                _(
                    "the document holds more than {n} values, far more than any questionnaire "
                    "(is this the right file?)"
                ).format(n=MAX_VALUES),
                line,
                bounded=True,
            )
        if frame.is_map:
            frame.container[frame.key] = value
            frame.key = _NO_KEY
        else:
            frame.container.append(value)
