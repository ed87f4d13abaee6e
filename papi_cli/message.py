"""A sentence as a value: the key of its entry in the catalogue (``words.py``) and its arguments.

The core (loading, checks, periods, evaluation) says what it has to say as Messages and never
picks a language; only rendering turns a Message into Vietnamese or English (``words.say``). An
argument whose wording depends on the language is itself a Message (``population`` is
``Message("population.communes")``, not "xã"); other arguments are values from the user's files
or codes, shown as they are.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any


class Message:
    """``Message("unknown-unit", value="x", population=Message("population.communes"))``."""

    __slots__ = ("args", "key")

    def __init__(self, key: str, /, **args: Any) -> None:
        self.key = key
        self.args: Mapping[str, Any] = args

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and other.key == self.key and dict(other.args) == dict(self.args)

    def __hash__(self) -> int:
        return hash(self.key)

    def __repr__(self) -> str:
        args = ", ".join(f"{name}={value!r}" for name, value in self.args.items())
        return f"Message({self.key!r}{', ' if args else ''}{args})"


@dataclass(frozen=True)
class Number:
    """A number to show as the language writes it (``30,5`` in Vietnamese, ``30.5`` in English)."""

    value: int | float | Fraction


@dataclass(frozen=True)
class Percent:
    """A percent to show as the language writes it, never rounded across 0, 100 or ``target``."""

    value: Fraction | None
    target: Fraction | None = None


class Refusal(ValueError):
    """A value the core cannot accept (a malformed period code…), with the Message that says why.

    The command line turns it into a usage error naming the option it came from."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.key)
        self.message = message


# --- JSON (the cache keeps problems, whose arguments may be Messages) -----------------------------
_TAG = "$message"


_NUMBER, _PERCENT = "$number", "$percent"


def _exact(value: int | float | Fraction | None) -> Any:
    return [value.numerator, value.denominator] if isinstance(value, Fraction) else value


def _inexact(value: Any) -> int | float | Fraction | None:
    if isinstance(value, list) and len(value) == 2 and all(type(v) is int for v in value) and value[1] > 0:
        return Fraction(value[0], value[1])
    if value is None or (isinstance(value, (int, float)) and not isinstance(value, bool)):
        return value
    raise ValueError("not a number")


def to_json(value: Any) -> Any:
    """A problem argument as JSON: a Message becomes ``{"$message": key, "args": {…}}``, a Number
    ``{"$number": 0.965}`` (a Fraction as ``[numerator, denominator]``), a Percent likewise."""
    if isinstance(value, Message):
        return {_TAG: value.key, "args": {name: to_json(item) for name, item in value.args.items()}}
    if isinstance(value, Number):
        return {_NUMBER: _exact(value.value)}
    if isinstance(value, Percent):
        return {_PERCENT: _exact(value.value), "target": _exact(value.target)}
    if isinstance(value, (list, tuple)):
        return [to_json(item) for item in value]
    return value


def from_json(value: Any) -> Any:
    """The inverse of ``to_json``; ValueError for anything ``to_json`` cannot have written."""
    if isinstance(value, dict) and len(value) == 1 and _NUMBER in value:
        number = _inexact(value[_NUMBER])
        if number is None:
            raise ValueError("not a number")
        return Number(number)
    if isinstance(value, dict) and len(value) == 2 and _PERCENT in value:
        percent, target = _inexact(value[_PERCENT]), _inexact(value.get("target"))
        return Percent(None if percent is None else Fraction(percent), None if target is None else Fraction(target))
    if isinstance(value, dict):
        key, args = value.get(_TAG), value.get("args")
        if len(value) != 2 or not isinstance(key, str) or not isinstance(args, dict):
            raise ValueError("not a message")
        return Message(key, **{str(name): from_json(item) for name, item in args.items()})
    if isinstance(value, list):
        return tuple(from_json(item) for item in value)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise ValueError("not a message argument")
