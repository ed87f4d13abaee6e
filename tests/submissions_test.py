"""Finding and loading submission files: the layout, explicit paths, and what load_submissions returns."""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

import pytest

from papi_cli.authority import allowed_units
from papi_cli.errors import UsageError
from papi_cli.layout import Paths
from papi_cli.submissions import load_submissions

TODAY = dt.date(2020, 12, 31)

GOOD = """\
agency: {agency}
period: {period}
submitted_on: 2020-06-18
results:
  II.3:
    units: [nghia-duc, '24612']
"""


def write(project: Path, rel: str, text: str) -> Path:
    path = project / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def good(project: Path, agency: str = "so-ldtbxh", period: str = "2020-Q2", ext: str = "yaml") -> Path:
    return write(project, f"submissions/{period}/{agency}.{ext}", GOOD.format(agency=agency, period=period))


def codes(loaded) -> list[tuple[str, str]]:
    return [(p.file, p.code) for p in loaded.problems]


def test_the_submission_set_says_what_was_checked(plan, project):
    good(project)
    write(project, "submissions/2020-Q2/so-y-te.yaml", "agency: so-y-te\n")
    loaded = load_submissions(plan, Paths.resolve(project), today=TODAY)
    assert [s.agency for s in loaded.value.submissions] == ["so-ldtbxh"]
    assert loaded.files == ["submissions/2020-Q2/so-ldtbxh.yaml", "submissions/2020-Q2/so-y-te.yaml"]
    assert loaded.value.skipped == ["submissions/2020-Q2/so-y-te.yaml"]
    assert loaded.value.results_checked == 1
    assert loaded.sources["submissions/2020-Q2/so-y-te.yaml"] == "agency: so-y-te\n"
    submission = loaded.value.submissions[0]
    assert submission.period == "2020-Q2" and submission.file == "submissions/2020-Q2/so-ldtbxh.yaml"
    assert submission.results["II.3"].units == ("nghia-duc", "nghia-thanh")


def test_submitted_on_is_checked_against_the_day_given(plan, project):
    good(project)
    loaded = load_submissions(plan, Paths.resolve(project), today=dt.date(2020, 6, 17))
    assert codes(loaded) == [("submissions/2020-Q2/so-ldtbxh.yaml", "submitted-in-future")]
    assert load_submissions(plan, Paths.resolve(project), today=dt.date(2020, 6, 18)).problems == []


def test_warnings_do_not_make_a_file_invalid(plan, project):
    path = good(project)
    path.write_text(path.read_text() + "implementation_document:\n  number: 1/KH\n  date: 2020-03-01\n")
    loaded = load_submissions(plan, Paths.resolve(project), today=TODAY)
    assert [p.severity for p in loaded.problems] == ["warning"]
    assert len(loaded.value.submissions) == 1 and loaded.value.skipped == []
    assert loaded.value.submissions[0].implementation_document.date == dt.date(2020, 3, 1)


def test_the_deadline_of_the_implementation_document_moves_past_the_weekend(plan, project):
    """2020-02-09 is a Sunday: a document dated Monday 2020-02-10 is on time, as papi status counts it."""
    path = good(project)
    path.write_text(path.read_text() + "implementation_document:\n  number: 1/KH\n  date: 2020-02-10\n")
    assert load_submissions(plan, Paths.resolve(project), today=TODAY).problems == []


def test_no_submissions_folder_means_nothing_to_check(plan, tmp_path):
    (tmp_path / "plan").mkdir()
    loaded = load_submissions(plan, Paths.resolve(tmp_path, plan=tmp_path / "plan" / "2020.yaml"), today=TODAY)
    assert loaded.files == [] and loaded.problems == [] and loaded.value.submissions == []


def test_a_file_where_the_submissions_folder_should_be(plan, project):
    (project / "submissions").rmdir()
    (project / "submissions").write_text("x")
    assert codes(load_submissions(plan, Paths.resolve(project), today=TODAY)) == [("submissions", "not-a-folder")]


# --- explicit paths (pre-commit passes the changed files) ---------------------------------------
def test_only_the_given_files_are_checked(plan, project):
    good(project)
    bad = write(project, "submissions/2020-Q3/so-y-te.yaml", "agency: so-y-te\n")
    paths = Paths.resolve(project)
    loaded = load_submissions(plan, paths, chosen=[project / "submissions/2020-Q2/so-ldtbxh.yaml"], today=TODAY)
    assert loaded.files == ["submissions/2020-Q2/so-ldtbxh.yaml"] and loaded.problems == []
    loaded = load_submissions(plan, paths, chosen=[bad], today=TODAY)
    assert loaded.files == ["submissions/2020-Q3/so-y-te.yaml"] and loaded.value.skipped == loaded.files


def test_relative_paths_are_read_from_the_current_folder(plan, project, monkeypatch):
    good(project)
    monkeypatch.chdir(project)
    loaded = load_submissions(plan, Paths.resolve(), chosen=[Path("submissions/2020-Q2/so-ldtbxh.yaml")], today=TODAY)
    assert loaded.files == ["submissions/2020-Q2/so-ldtbxh.yaml"] and len(loaded.value.submissions) == 1


def test_a_given_folder_is_searched(plan, project):
    good(project)
    good(project, period="2020-Q3")
    paths = Paths.resolve(project)
    assert len(load_submissions(plan, paths, chosen=[project / "submissions/2020-Q3"], today=TODAY).files) == 1
    assert len(load_submissions(plan, paths, chosen=[project / "submissions"], today=TODAY).files) == 2


def test_a_given_file_outside_the_submissions_folder_is_checked_as_what_it_says(plan, project):
    """A file received by e-mail (here under notes/) is checked by its own agency and period, with
    a warning that its place was not; a plan file is no submission, nor is a stray file inside
    submissions/ outside its period folders."""
    elsewhere = write(project, "notes/so-ldtbxh.yaml", GOOD.format(agency="so-ldtbxh", period="2020-Q2"))
    stray = write(project, "submissions/so-ldtbxh.yaml", GOOD.format(agency="so-ldtbxh", period="2020-Q2"))
    plan_file = project / "plan" / "2020.yaml"
    loaded = load_submissions(plan, Paths.resolve(project), chosen=[elsewhere, stray, plan_file], today=TODAY)
    assert codes(loaded) == [("notes/so-ldtbxh.yaml", "layout-not-checked"), ("plan/2020.yaml", "outside-layout"),
                             ("submissions/so-ldtbxh.yaml", "outside-layout")]
    assert [s.agency for s in loaded.value.submissions] == ["so-ldtbxh"]


def test_a_given_file_that_does_not_exist_is_a_usage_error(plan, project):
    with pytest.raises(UsageError):
        load_submissions(plan, Paths.resolve(project), chosen=[project / "submissions/2020-Q2/nope.yaml"], today=TODAY)


def test_a_given_file_with_a_yml_twin_is_a_duplicate(plan, project):
    given = good(project)
    good(project, ext="yml")
    loaded = load_submissions(plan, Paths.resolve(project), chosen=[given], today=TODAY)
    assert sorted(codes(loaded)) == [("submissions/2020-Q2/so-ldtbxh.yaml", "duplicate-submission"),
                                     ("submissions/2020-Q2/so-ldtbxh.yml", "duplicate-submission")]
    assert loaded.value.submissions == []


def test_the_same_file_given_twice_is_checked_once(plan, project):
    given = good(project)
    loaded = load_submissions(plan, Paths.resolve(project), chosen=[given, given], today=TODAY)
    assert loaded.files == ["submissions/2020-Q2/so-ldtbxh.yaml"] and len(loaded.value.submissions) == 1


# --- symlinks ------------------------------------------------------------------------------------
def test_a_symlink_inside_the_repository_is_followed(plan, project):
    target = write(project, "drafts/so-ldtbxh.yaml", GOOD.format(agency="so-ldtbxh", period="2020-Q2"))
    (project / "submissions/2020-Q2").mkdir(parents=True)
    os.symlink(target, project / "submissions/2020-Q2/so-ldtbxh.yaml")
    loaded = load_submissions(plan, Paths.resolve(project), today=TODAY)
    assert loaded.problems == [] and len(loaded.value.submissions) == 1


def test_a_symlinked_period_folder_leaving_the_repository_is_refused(plan, project, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside")
    write(outside, "so-ldtbxh.yaml", GOOD.format(agency="so-ldtbxh", period="2020-Q2"))
    os.symlink(outside, project / "submissions/2020-Q2")
    loaded = load_submissions(plan, Paths.resolve(project), today=TODAY)
    assert codes(loaded) == [("submissions/2020-Q2", "symlink-outside")] and loaded.value.submissions == []


def test_a_given_symlink_leaving_the_repository_is_refused(plan, project, tmp_path_factory):
    outside = write(tmp_path_factory.mktemp("outside"), "x.yaml", GOOD.format(agency="so-ldtbxh", period="2020-Q2"))
    link = project / "submissions/2020-Q2/so-ldtbxh.yaml"
    link.parent.mkdir(parents=True)
    os.symlink(outside, link)
    loaded = load_submissions(plan, Paths.resolve(project), chosen=[link], today=TODAY)
    assert codes(loaded) == [("submissions/2020-Q2/so-ldtbxh.yaml", "symlink-outside")]


# --- what `all` and the jurisdiction rules give ---------------------------------------------------
def test_all_is_every_unit_the_agency_may_report(plan):
    ii3 = plan.indicator("II.3")
    v3 = plan.indicator("V.3")
    i1 = plan.indicator("I.1")
    slugs = lambda agency, ind: [u.slug for u in allowed_units(plan, plan.agencies[agency], ind)]  # noqa: E731
    assert len(slugs("so-ldtbxh", ii3)) == 71  # a province body: any commune
    assert len(slugs("ttyt-huyen", i1)) == 71  # a district-level body named by kind: any unit
    assert slugs("ubnd-cu-jut", i1) == [u.slug for u in plan.communes_of("cu-jut")]
    assert slugs("ubnd-cu-jut", v3) == []  # V.3 is an inspection: not itself
    assert slugs("to-kiem-tra", v3) == [u.slug for u in plan.population("districts")]
    assert slugs("ubnd-nghia-duc", i1) == ["nghia-duc"]
    assert slugs("ubnd-nghia-duc", ii3) == []
    assert slugs("ubnd-nghia-duc", v3) == []


def test_validating_hundreds_of_files_is_fast(plan, project):
    """CI checks ~460 files: each is parsed once and nothing is quadratic."""
    from papi_cli.authority import reportable

    agencies = [code for code in sorted(plan.agencies) if reportable(plan, code)][:115]
    for agency in agencies:
        for quarter in (1, 2, 3, 4):
            period = f"2020-Q{quarter}"
            write(project, f"submissions/{period}/{agency}.yaml",
                  f"agency: {agency}\nperiod: {period}\nsubmitted_on: 2020-12-18\nresults:\n"
                  + "".join(f"  {i.code}:\n    note: báo cáo\n" for _, i, _ in reportable(plan, agency)))
    started = time.perf_counter()
    loaded = load_submissions(plan, Paths.resolve(project), today=TODAY)
    elapsed = time.perf_counter() - started
    assert len(loaded.files) == 4 * len(agencies) >= 440
    assert loaded.problems == [] and len(loaded.value.submissions) == len(loaded.files)
    assert elapsed < 5.0
