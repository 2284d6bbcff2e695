"""The `relevant` condition language: a tokenizer and a recursive-descent parser, never eval.

Grammar (lowest precedence first)::

    expr       := and_expr ('or' and_expr)*
    and_expr   := unary ('and' unary)*
    unary      := 'not' '(' expr ')' | '(' expr ')' | comparison
    comparison := operand OP operand          OP in = != < <= > >=
    operand    := '${' question-id '}' | number | 'single-quoted string'

A reference compared with a number stands for the chosen option's score, with a string for
the option's id, with another reference for its score. A question without a value (unanswered,
N/A, not relevant) makes every comparison that names it false.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from readiness.domain.model import Option
from readiness.i18n import _

MAX_LENGTH = 2000
MAX_DEPTH = 40


class ConditionError(ValueError):
    """A condition that cannot be parsed; ``position`` is a 0-based character offset."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(message)
        self.position = position


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # ref, number, string, op, lparen, rparen, and, or, not, end
    text: str
    position: int


_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<ref>\$\{\s*(?P<ref_id>[A-Za-z0-9_.\-]+)\s*\})
  | (?P<number>-?(?:\d+\.\d*|\.\d+|\d+))
  | (?P<string>'(?P<string_body>[^']*)')
  | (?P<op><=|>=|!=|=|<|>)
  | (?P<lparen>\()
  | (?P<rparen>\))
  | (?P<word>[A-Za-z_]+)
    """,
    re.VERBOSE,
)


def tokenize(source: str) -> list[Token]:
    tokens: list[Token] = []
    position = 0
    while position < len(source):
        match = _TOKEN.match(source, position)
        if match is None:
            snippet = source[position : position + 10]
            raise ConditionError(
                _("unexpected text '{snippet}' at character {pos}").format(
                    snippet=snippet, pos=position + 1
                ),
                position,
            )
        kind = match.lastgroup
        if match.group("ref"):
            tokens.append(Token("ref", match.group("ref_id"), position))
        elif match.group("string") is not None:
            tokens.append(Token("string", match.group("string_body"), position))
        elif match.group("word"):
            word = match.group("word")
            if word not in ("and", "or", "not"):
                raise ConditionError(
                    _(
                        "unknown word '{word}' at character {pos} "
                        "(write questions as ${{question-id}} and strings in single quotes)"
                    ).format(word=word, pos=position + 1),
                    position,
                )
            tokens.append(Token(word, word, position))
        elif kind != "space":
            assert kind is not None
            tokens.append(Token(kind, match.group(kind), position))
        position = match.end()
    tokens.append(Token("end", "", len(source)))
    return tokens


Lookup = Callable[[str], Option | None]
"""Gives the option chosen for a question that has a value, else None."""


class Condition:
    """A parsed condition: evaluate it, or list the questions it names."""

    def evaluate(self, lookup: Lookup) -> bool:
        raise NotImplementedError

    def references(self) -> Iterator[str]:
        raise NotImplementedError


@dataclass(frozen=True, slots=True)
class Ref:
    question_id: str
    position: int


@dataclass(frozen=True, slots=True)
class Literal:
    value: float | str


Operand = Ref | Literal

_COMPARE: dict[str, Callable[[object, object], bool]] = {
    "=": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


@dataclass(frozen=True)
class Comparison(Condition):
    left: Operand
    op: str
    right: Operand
    _compiled: Callable[[Lookup], bool] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_compiled", _compile(self.left, self.op, self.right))

    def evaluate(self, lookup: Lookup) -> bool:
        return self._compiled(lookup)

    def references(self) -> Iterator[str]:
        for side in (self.left, self.right):
            if isinstance(side, Ref):
                yield side.question_id


def _compile(left: Operand, op: str, right: Operand) -> Callable[[Lookup], bool]:
    """Specialise a comparison once, since scoring evaluates it for every assessment."""
    compare = _COMPARE[op]
    as_id = any(isinstance(s, Literal) and isinstance(s.value, str) for s in (left, right))

    def value(option: Option) -> float | str:
        return option.id if as_id else option.score

    if isinstance(left, Ref) and isinstance(right, Literal):
        qid, constant = left.question_id, right.value
        if as_id:

            def ref_id(lookup: Lookup) -> bool:
                option = lookup(qid)
                return option is not None and compare(option.id, constant)

            return ref_id

        def ref_literal(lookup: Lookup) -> bool:
            option = lookup(qid)
            return option is not None and compare(option.score, constant)

        return ref_literal
    if isinstance(left, Literal) and isinstance(right, Ref):
        qid, constant = right.question_id, left.value

        def literal_ref(lookup: Lookup) -> bool:
            option = lookup(qid)
            return option is not None and compare(constant, value(option))

        return literal_ref
    if isinstance(left, Ref) and isinstance(right, Ref):
        left_id, right_id = left.question_id, right.question_id

        def ref_ref(lookup: Lookup) -> bool:
            a, b = lookup(left_id), lookup(right_id)
            return a is not None and b is not None and compare(a.score, b.score)

        return ref_ref
    assert isinstance(left, Literal) and isinstance(right, Literal)
    try:
        result = bool(compare(left.value, right.value))
    except TypeError:  # number against string: validation reports it; never true
        result = False
    return lambda _lookup: result


@dataclass(frozen=True)
class Not(Condition):
    inner: Condition

    def evaluate(self, lookup: Lookup) -> bool:
        return not self.inner.evaluate(lookup)

    def references(self) -> Iterator[str]:
        return self.inner.references()


@dataclass(frozen=True)
class And(Condition):
    parts: tuple[Condition, ...]

    def evaluate(self, lookup: Lookup) -> bool:
        return all(part.evaluate(lookup) for part in self.parts)

    def references(self) -> Iterator[str]:
        for part in self.parts:
            yield from part.references()


@dataclass(frozen=True)
class Or(Condition):
    parts: tuple[Condition, ...]

    def evaluate(self, lookup: Lookup) -> bool:
        return any(part.evaluate(lookup) for part in self.parts)

    def references(self) -> Iterator[str]:
        for part in self.parts:
            yield from part.references()


class _Parser:
    def __init__(self, source: str) -> None:
        self.tokens = tokenize(source)
        self.index = 0
        self.depth = 0

    @property
    def current(self) -> Token:
        return self.tokens[self.index]

    def take(self, kind: str) -> Token:
        token = self.current
        if token.kind != kind:
            raise ConditionError(self._expected(_describe_kind(kind)), token.position)
        self.index += 1
        return token

    def _expected(self, what: str) -> str:
        token = self.current
        shown = f"${{{token.text}}}" if token.kind == "ref" else token.text
        found = _("end of condition") if token.kind == "end" else f"'{shown}'"
        return _("expected {what} at character {pos}, found {found}").format(
            what=what, pos=token.position + 1, found=found
        )

    def parse(self) -> Condition:
        condition = self.expr()
        if self.current.kind != "end":
            raise ConditionError(self._expected(_("'and', 'or' or the end")), self.current.position)
        return condition

    def expr(self) -> Condition:
        parts = [self.and_expr()]
        while self.current.kind == "or":
            self.index += 1
            parts.append(self.and_expr())
        return parts[0] if len(parts) == 1 else Or(tuple(parts))

    def and_expr(self) -> Condition:
        parts = [self.unary()]
        while self.current.kind == "and":
            self.index += 1
            parts.append(self.unary())
        return parts[0] if len(parts) == 1 else And(tuple(parts))

    def unary(self) -> Condition:
        token = self.current
        if token.kind in ("not", "lparen"):
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise ConditionError(
                    _("condition nested deeper than {n} levels").format(n=MAX_DEPTH),
                    token.position,
                )
            negate = token.kind == "not"
            if negate:
                self.index += 1
            self.take("lparen")
            inner = self.expr()
            self.take("rparen")
            self.depth -= 1
            return Not(inner) if negate else inner
        left = self.operand()
        if self.current.kind != "op":
            raise ConditionError(
                self._expected(_("a comparison (= != < <= > >=)")), self.current.position
            )
        op = self.take("op").text
        right = self.operand()
        return Comparison(left, op, right)

    def operand(self) -> Operand:
        token = self.current
        if token.kind == "ref":
            self.index += 1
            return Ref(token.text, token.position)
        if token.kind == "number":
            self.index += 1
            return Literal(float(token.text))
        if token.kind == "string":
            self.index += 1
            return Literal(token.text)
        raise ConditionError(
            self._expected(_("${question-id}, a number or a 'string'")), token.position
        )


def _describe_kind(kind: str) -> str:
    return {"lparen": "'('", "rparen": "')'", "op": _("a comparison")}.get(kind, kind)


def parse_condition(source: str) -> Condition:
    """Parse a condition, raising ConditionError with a readable message on bad input."""
    if len(source) > MAX_LENGTH:
        raise ConditionError(
            _("condition longer than {n} characters").format(n=MAX_LENGTH), MAX_LENGTH
        )
    if not source.strip():
        raise ConditionError(_("condition is empty"), 0)
    return _Parser(source).parse()


def comparisons(condition: Condition) -> Iterator[Comparison]:
    """Every comparison inside a condition, for validation."""
    if isinstance(condition, Comparison):
        yield condition
    elif isinstance(condition, Not):
        yield from comparisons(condition.inner)
    elif isinstance(condition, And | Or):
        for part in condition.parts:
            yield from comparisons(part)
