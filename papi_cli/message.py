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


def to_json(value: Any) -> Any:
    """A problem argument as JSON: a Message becomes ``{"$message": key, "args": {…}}``."""
    if isinstance(value, Message):
        return {_TAG: value.key, "args": {name: to_json(item) for name, item in value.args.items()}}
    if isinstance(value, (list, tuple)):
        return [to_json(item) for item in value]
    return value


def from_json(value: Any) -> Any:
    """The inverse of ``to_json``; ValueError for anything ``to_json`` cannot have written."""
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
