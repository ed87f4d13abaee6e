"""Text from the user's files as literal Markdown: nothing in it can become markup.

Every character Markdown (and the HTML a Markdown page may hold) could read as syntax is
backslash-escaped: emphasis, code, links and images (``[``, ``]``), raw HTML (``<``, ``>``,
entities), headings and table cells (``#``, ``|``). ``<img onerror=…>`` and ``[x](javascript:…)``
so show as written, never as an image or a link.
"""

from __future__ import annotations

import re
from typing import Any

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~]|&(?=#?\w+;))")


def escape(value: Any, *, line_break: str = "<br>") -> str:
    """``value`` as literal Markdown, its line breaks as ``line_break`` (``<br>`` keeps a table
    cell on one line)."""
    if value is None:
        return ""
    return line_break.join(_SPECIAL.sub(r"\\\1", str(value)).splitlines())
