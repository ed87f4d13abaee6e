"""``papi codeowners``: a CODEOWNERS file so the git host enforces who may change whose file.

Each agency's submissions (``submissions/*/<agency>.yaml``, and ``.yml``) belong to its
``owners`` in the plan, or else to the plan's ``reporting.owners_pattern`` with the agency code
filled in (``@dak-nong-papi/{agency}``). The plan and anything else under the submissions folder
belong to the coordinator's owners. Later lines win in CODEOWNERS, so the general lines come first.
"""

from __future__ import annotations

from papi_cli.commands.common import usable_plan
from papi_cli.commands.context import Context
from papi_cli.model.plan import Plan
from papi_cli.words import Lang, say


def run(ctx: Context) -> int:
    plan = usable_plan(ctx)
    paths = ctx.paths
    folder = paths.label(paths.submissions).strip("/")
    plan_folder = paths.label(paths.plan.parent).strip("/")
    ctx.out.write("\n".join(codeowners(plan, folder, plan_folder, paths.label(paths.plan), ctx.lang)) + "\n")
    return 0


def owners(plan: Plan, agency: str) -> list[str]:
    """The review team of an agency: its own ``owners``, else the plan's pattern, else none."""
    own = plan.agencies[agency].owners
    pattern = plan.file.reporting.owners_pattern
    return list(own) if own else [pattern.format(agency=agency)] if pattern else []


def codeowners(plan: Plan, folder: str = "submissions", plan_folder: str = "plan",
               plan_label: str = "plan", lang: Lang = "vi") -> list[str]:
    lines = [f"# {say('codeowners.header', lang, plan=plan_label)}"]
    coordinator = owners(plan, plan.file.coordinator)
    if coordinator:
        lines += [f"/{plan_folder}/ {' '.join(coordinator)}", f"/{folder}/ {' '.join(coordinator)}"]
    missing = []
    for code in sorted(plan.agencies):
        team = owners(plan, code)
        if not team:
            missing.append(code)
            continue
        for ext in ("yaml", "yml"):
            lines.append(f"/{folder}/*/{code}.{ext} {' '.join(team)}")
    if missing:
        lines.append(f"# {say('codeowners.missing', lang, agencies=', '.join(missing))}")
    return lines
