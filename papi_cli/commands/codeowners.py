"""``papi codeowners``: a CODEOWNERS file so the git host enforces who may change whose file.

Each agency's submissions (``submissions/*/<agency>.yaml``, and ``.yml``) belong to its
``owners`` in the plan, or else to the plan's ``reporting.owners_pattern`` with the agency code
filled in (``@dak-nong-papi/{agency}``). The plan and anything else under the submissions folder
belong to the coordinator's owners. Later lines win in CODEOWNERS, so the general lines come first.

Without ``--year``, every year's plan: an agency whose owners are the same in every year it is
in has one line for all years (``submissions/*/…``); otherwise one line per year
(``submissions/2021-*/…``). The general lines are those of the latest year.
"""

from __future__ import annotations

from papi_cli.commands.common import every_year
from papi_cli.commands.context import Context
from papi_cli.model.plan import Plan
from papi_cli.words import Lang, say


def run(ctx: Context, *, year: int | None = None) -> int:
    plans = every_year(ctx, year)
    paths = ctx.paths
    folder = paths.label(paths.submissions).strip("/")
    plan_folder = paths.label(paths.plan.parent).strip("/")
    label = paths.label(paths.plan) if len(plans) == 1 else f"{plan_folder}/"
    ctx.out.write("\n".join(codeowners(plans, folder, plan_folder, label, ctx.lang)) + "\n")
    return 0


def owners(plan: Plan, agency: str) -> list[str]:
    """The review team of an agency: its own ``owners``, else the plan's pattern, else none."""
    own = plan.agencies[agency].owners
    pattern = plan.file.reporting.owners_pattern
    return list(own) if own else [pattern.format(agency=agency)] if pattern else []


def codeowners(plans: Plan | list[Plan], folder: str = "submissions", plan_folder: str = "plan",
               plan_label: str = "plan", lang: Lang = "vi") -> list[str]:
    plans = [plans] if not isinstance(plans, list) else sorted(plans, key=lambda p: p.year)
    latest = plans[-1]
    lines = [f"# {say('codeowners.header', lang, plan=plan_label)}"]
    coordinator = owners(latest, latest.file.coordinator)
    if coordinator:
        lines += [f"/{plan_folder}/ {' '.join(coordinator)}", f"/{folder}/ {' '.join(coordinator)}"]
    missing = []
    for code in sorted({code for plan in plans for code in plan.agencies}):
        teams = {plan.year: owners(plan, code) for plan in plans if code in plan.agencies}
        if not any(teams.values()):
            missing.append(code)
            continue
        same = len({tuple(team) for team in teams.values()}) == 1 and len(teams) == len(plans)
        for year, team in ([("*", next(iter(teams.values())))] if same else list(teams.items())):
            if not team:
                continue
            where = "*" if year == "*" else f"{year}-*"
            for ext in ("yaml", "yml"):
                lines.append(f"/{folder}/{where}/{code}.{ext} {' '.join(team)}")
    if missing:
        lines.append(f"# {say('codeowners.missing', lang, agencies=', '.join(missing))}")
    return lines
