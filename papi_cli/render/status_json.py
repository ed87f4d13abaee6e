"""``papi status --format json``: the CONTRACT §5 shape (``tests/contract/status.schema.json``).

Per kind: coverage gives counts, ``percent`` and ``missing_units``; a ratio counts and
``percent``; a percent ``percent``; a count ``count``; a milestone ``done``. ``percent`` is the
exact value rounded to 2 decimals, never shown as 100 or 0 unless exact; ``late`` is given
wherever ``status`` is ``met``. Extra keys (allowed by the contract) add what a tool may want:
the ratio's aggregate, the coverage population, the milestone's reported status, the window.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from papi_cli.kinds import kind_of
from papi_cli.model.plan import Indicator, Plan
from papi_cli.model.results import Evaluation, IndicatorResult
from papi_cli.render.problems import shown_name


def as_json(plan: Plan, evaluation: Evaluation) -> dict[str, Any]:
    data = {
        "plan": evaluation.decision_number,
        "year": plan.year,
        "as_of": evaluation.as_of.isoformat(),
        "period": evaluation.period,
        "indicators": [indicator_json(r, plan.indicator(r.code)) for r in evaluation.indicators],
        "summary": {
            "overall": evaluation.counts(),
            "by_dimension": {d: evaluation.counts(d) for d in evaluation.dimensions()},
        },
        "reporting": [
            {"agency": e.agency, "period": e.period, "state": e.state,
             "submitted_on": _day(e.submitted_on), "deadline": e.deadline.isoformat()}
            for e in evaluation.reporting
        ],
        "implementation_documents": [
            {"agency": d.agency, "number": d.number, "date": _day(d.date), "on_time": d.on_time}
            for d in evaluation.implementation_documents
        ],
        "implementation_document_deadline": _day(evaluation.implementation_document_deadline),
        "skipped_files": [shown_name(name) for name in evaluation.skipped_files],
        "files": evaluation.files,
        "counted_files": evaluation.counted,
    }
    if evaluation.agency is not None:
        data["agency"] = {
            "code": evaluation.agency,
            "own": [own_json(r, evaluation) for r in evaluation.indicators],
        }
    return data


def own_json(result: IndicatorResult, evaluation: Evaluation) -> dict[str, Any]:
    """``--agency``: the agency's own latest result for one indicator (None where it has none)."""
    own = evaluation.own(result)
    if own is None:
        return {"code": result.code, "reported": False}
    return {"code": result.code, "reported": True, "period": own.period, "periods": list(own.periods),
            "submitted_on": own.submitted_on.isoformat(),
            "counted": own.counted, "status": own.status, "units": None if own.units is None else list(own.units),
            "numerator": own.numerator, "denominator": own.denominator, "percent": own.percent, "count": own.count,
            "evidence": list(own.evidence), "note": own.note}


def indicator_json(result: IndicatorResult, indicator: Indicator) -> dict[str, Any]:
    kind = kind_of(indicator)
    item: dict[str, Any] = {"code": result.code, "task": result.task, "dimension": result.dimension,
                            "kind": result.kind, "status": result.status}
    if result.status == "met":
        item["late"] = result.late
    item.update(kind.status_json(result, indicator))
    item["target"] = kind.target_json(indicator)
    item.update(due=result.due.isoformat(), window=[result.window[0].isoformat(), result.window[1].isoformat()],
                lead=list(result.lead))
    return item


def _day(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()
