"""Goal 1.3 of the plan: the province's PAPI scores "trung bình cao" (high-average) or above.

PAPI scores 8 dimensions on a 1–10 scale; the aggregate is their plain sum. For each dimension
and for the aggregate, the 63 provinces fall into four groups by percentile (docs/rules.md, "The PAPI outcome"):
highest ≥ P75, high-average P50–P75, low-average P25–P50, lowest < P25, the percentiles by
linear interpolation between the sorted scores (``statistics.quantiles(n=4,
method="inclusive")``, numpy's default). A dimension meets the goal when its score is at least
that year's median. Scores are exact decimals and every comparison is exact.

Pure: CSV text in, values out; reading the file is the command's job.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Literal

from papi_cli.names import fold
from papi_cli.problems import Mark, Problem

Group = Literal["highest", "high_average", "low_average", "lowest"]
COLUMNS = ("province", "dimension", "score")
SCORE_RANGE = (Decimal(1), Decimal(10))


@dataclass(frozen=True)
class Standing:
    """One score placed among all provinces' scores of the same measure."""

    score: Decimal
    rank: int  # 1 = highest; equal scores share a rank
    provinces: int
    quartiles: tuple[Fraction, Fraction, Fraction]  # P25, median, P75
    group: Group

    @property
    def meets_goal(self) -> bool:
        return self.score >= self.quartiles[1]


@dataclass(frozen=True)
class DimensionOutcome:
    code: str  # the decision's numbering (I … VII, IX)
    papi: str  # D1 … D8
    standing: Standing


@dataclass(frozen=True)
class Outcome:
    year: int
    province: str
    dimensions: tuple[DimensionOutcome, ...]
    aggregate: Standing

    @property
    def dimensions_meeting_goal(self) -> int:
        return sum(d.standing.meets_goal for d in self.dimensions)

    @property
    def goal_met(self) -> bool:
        return all(d.standing.meets_goal for d in self.dimensions)


@dataclass(frozen=True)
class ScoreTable:
    """The scores of a CSV file: by PAPI dimension code, then by province name as written."""

    scores: dict[str, dict[str, Decimal]]


def quartiles(values: list[Decimal]) -> tuple[Fraction, Fraction, Fraction]:
    """P25, P50, P75 by linear interpolation over the sorted values, exactly.

    The "inclusive" method: the p-th percentile sits at position p·(n−1) of the sorted list
    (0-based), interpolated between its two neighbours.
    """
    data = sorted(Fraction(v) for v in values)
    last = len(data) - 1
    result = []
    for quarter in (1, 2, 3):
        j, remainder = divmod(quarter * last, 4)
        upper = data[j + 1] if remainder else data[j]
        result.append(data[j] + (upper - data[j]) * Fraction(remainder, 4))
    return result[0], result[1], result[2]


def standing(score: Decimal, values: list[Decimal]) -> Standing:
    """Where ``score`` stands among ``values`` (which include it)."""
    p25, p50, p75 = quartiles(values)
    if score >= p75:
        group: Group = "highest"
    elif score >= p50:
        group = "high_average"
    elif score >= p25:
        group = "low_average"
    else:
        group = "lowest"
    rank = 1 + sum(1 for v in values if v > score)
    return Standing(score, rank, len(values), (p25, p50, p75), group)


def parse_scores(text: str, file: str, dimension_codes: dict[str, str]) -> tuple[ScoreTable | None, list[Problem]]:
    """The scores of a CSV file with columns ``province,dimension,score``.

    ``dimension_codes`` maps each dimension's folded English name to its PAPI code (D1 … D8).
    Every province must have one score in the 1–10 range for every dimension.
    """
    rows = csv.reader(text.splitlines())
    header = next(rows, None)
    if header is None:
        return None, [Problem.at(file, None, "empty-file")]
    names = [h.strip().lower() for h in header]
    missing = [c for c in COLUMNS if c not in names]
    if missing:
        return None, [Problem.at(file, Mark(1, 1), "scores-columns", missing=", ".join(missing),
                                 expected=",".join(COLUMNS))]
    index = {c: names.index(c) for c in COLUMNS}
    scores: dict[str, dict[str, Decimal]] = {code: {} for code in dimension_codes.values()}
    first_seen: dict[tuple[str, str], int] = {}
    problems: list[Problem] = []
    for line, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            problems.append(Problem.at(file, Mark(line, 1), "scores-row-length", found=len(row), expected=len(header)))
            continue
        province, dimension, raw = (row[index[c]].strip() for c in COLUMNS)
        code = dimension_codes.get(fold(dimension))
        if code is None:
            problems.append(Problem.at(file, _cell(row, index["dimension"], line), "scores-unknown-dimension",
                                       value=dimension, allowed="; ".join(sorted(dimension_codes))))
            continue
        value = _score(raw)
        if value is None:
            problems.append(Problem.at(file, _cell(row, index["score"], line), "scores-bad-score", value=raw))
            continue
        key = (fold(province), code)
        if key in first_seen:
            problems.append(Problem.at(file, Mark(line, 1), "scores-duplicate", province=province,
                                       dimension=dimension, first_line=first_seen[key]))
            continue
        first_seen[key] = line
        scores[code][province] = value
    problems += _incomplete(file, scores)
    return (None, problems) if problems else (ScoreTable(scores), [])


def _score(raw: str) -> Decimal | None:
    try:
        value = Decimal(raw)
    except InvalidOperation:
        return None
    low, high = SCORE_RANGE
    return value if value.is_finite() and low <= value <= high else None


def _cell(row: list[str], position: int, line: int) -> Mark:
    """The column where a cell starts (exact for unquoted rows, which is what PAPI files hold)."""
    return Mark(line, 1 + sum(len(cell) + 1 for cell in row[:position]))


def _incomplete(file: str, scores: dict[str, dict[str, Decimal]]) -> list[Problem]:
    """Every province must have a score for every dimension (the aggregate is their sum)."""
    provinces: dict[str, str] = {}
    for by_province in scores.values():
        for name in by_province:
            provinces.setdefault(fold(name), name)
    problems = []
    for code, by_province in scores.items():
        have = {fold(name) for name in by_province}
        lacking = [name for key, name in provinces.items() if key not in have]
        if lacking or not by_province:
            problems.append(Problem.at(file, None, "scores-incomplete", dimension=code,
                                       provinces=", ".join(lacking) or "—"))
    return problems


def evaluate_outcome(table: ScoreTable, year: int, province: str,
                     dimensions: list[tuple[str, str]]) -> Outcome | None:
    """The province's outcome, or None when the table has no scores for it.

    ``dimensions`` lists (decision code, PAPI code) in the plan's order.
    """
    by_fold = [{fold(name): score for name, score in table.scores[papi].items()} for _, papi in dimensions]
    key = fold(province)
    if any(key not in scores for scores in by_fold):
        return None
    results = tuple(
        DimensionOutcome(code, papi, standing(scores[key], list(scores.values())))
        for (code, papi), scores in zip(dimensions, by_fold, strict=True)
    )
    totals = {name: sum((scores[name] for scores in by_fold), Decimal(0)) for name in by_fold[0]}
    return Outcome(year, province, results, standing(totals[key], list(totals.values())))


@dataclass(frozen=True)
class Change:
    """How one measure moved from the previous year: its score's change, and the places gained
    in the ranking (positive: up, toward the 1st)."""

    score: Decimal
    places: int


def changes(current: Outcome, previous: Outcome) -> tuple[dict[str, Change], Change]:
    """Each dimension's change by its PAPI code (D1…D8: the decisions may number them otherwise),
    for the dimensions of both years, and the aggregate's."""
    before = {d.papi: d.standing for d in previous.dimensions}
    moved = {d.papi: _change(d.standing, before[d.papi]) for d in current.dimensions if d.papi in before}
    return moved, _change(current.aggregate, previous.aggregate)


def _change(now: Standing, then: Standing) -> Change:
    return Change(now.score - then.score, then.rank - now.rank)
