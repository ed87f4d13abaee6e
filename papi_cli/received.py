"""A submission received from elsewhere (by e-mail, on a USB stick): a file outside
``submissions/``, whose place says nothing about it.

``papi validate FILE`` checks it by what it says it is, its own ``agency`` and ``period``, and
says that its name and place were not checked; ``papi add`` checks it the same way and, when it
has no error, places it at ``submissions/<period>/<agency>.yaml``. Pure: bytes in.
"""

from __future__ import annotations

from papi_cli import yamlsafe


def declared(raw: bytes) -> tuple[str, str]:
    """The period and the agency the file says it is for, each "" where it does not say so in
    text (the checks then say what is wrong with the field)."""
    doc, _ = yamlsafe.load("", raw)
    data = doc.data if doc is not None and isinstance(doc.data, dict) else {}
    period, agency = data.get("period"), data.get("agency")
    return (period if isinstance(period, str) else "", agency if isinstance(agency, str) else "")
