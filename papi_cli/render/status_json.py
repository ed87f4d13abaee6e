"""``papi status --format json``: the CONTRACT §5 shape (``tests/contract/status.schema.json``).

Per kind: coverage gives counts, ``percent`` and ``missing_units``; a ratio counts and
``percent``; a percent ``percent``; a count ``count``; a milestone ``done``. ``percent`` is the
exact value rounded to 2 decimals, never shown as 100 or 0 unless exact; ``late`` is given
wherever ``status`` is ``met``. Extra keys (allowed by the contract) add what a tool may want:
the ratio's aggregate, the coverage population, the milestone's reported status, the window.
"""

from __future__ import annotations

from papi_cli.model.plan import Indicator, Plan
from papi_cli.model.results import Evaluation, IndicatorResult
from papi_cli.numbers import percent_json


def as_json(plan: Plan, evaluation: Evaluation) -> dict:
    data = {
        "plan": evaluation.plan,
        "as_of": evaluation.as_of.isoformat(),
        "period": evaluation.period,
        "indicators": [indicator_json(r, plan.indicator(r.code)[1]) for r in evaluation.indicators],
        "summary": {
            "overall": evaluation.counts(),
            "by_dimension": {d: evaluation.counts(d) for d in dict.fromkeys(r.dimension for r in evaluation.indicators)},
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
        "skipped_files": list(evaluation.skipped_files),
        "files": evaluation.files,
        "counted_files": evaluation.counted,
    }
    return data


def indicator_json(result: IndicatorResult, indicator: Indicator) -> dict:
    item: dict = {"code": result.code, "task": result.task, "dimension": result.dimension, "kind": result.kind,
                  "status": result.status}
    if result.status == "met":
        item["late"] = result.late
    if result.kind in ("coverage", "ratio"):
        item.update(numerator=result.numerator, denominator=result.denominator, percent=percent_json(result.value))
        if result.kind == "coverage":
            item.update(population=indicator.population, missing_units=list(result.missing_units))
        else:
            item["aggregate"] = indicator.aggregate
    elif result.kind == "percent":
        item["percent"] = percent_json(result.value)
    elif result.kind == "count":
        item["count"] = result.count
    else:
        item.update(done=bool(result.done), reported_status=result.reported_status)
    item["target"] = target_json(indicator)
    item.update(due=result.due.isoformat(), window=[result.window[0].isoformat(), result.window[1].isoformat()],
                lead=list(result.lead))
    return item


def target_json(indicator: Indicator) -> dict:
    if indicator.kind == "milestone":
        return {"done": True}
    target = indicator.target
    number = int(target) if target.denominator == 1 else float(target)
    return {"op": indicator.op or ">=", "count" if indicator.kind == "count" else "percent": number}


def _day(day) -> str | None:
    return None if day is None else day.isoformat()
