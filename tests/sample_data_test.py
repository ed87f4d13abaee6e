"""The committed sample submissions are exactly what the sample scenario makes.

``tools/sample-scenario.yaml`` holds the scenario as data and ``tools/make_sample_submissions.py``
writes it into ``submissions/2020-Q1`` … ``2020-Q4``. Its ``--check`` mode writes nothing and
exits 1, listing the files, when what is committed differs from what it would write; here it
runs against the repository's ``submissions/``, so a hand edit of a sample or a change of the
scenario without regenerating fails the suite. Every other test works on copies under tmp_path.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
TOOL = REPO / "tools" / "make_sample_submissions.py"
SCENARIO = REPO / "tools" / "sample-scenario.yaml"


@pytest.fixture(scope="module")
def tool():
    spec = importlib.util.spec_from_file_location("make_sample_submissions", TOOL)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    yield module
    del sys.modules[spec.name]


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A copy of the committed samples."""
    shutil.copytree(REPO / "submissions", tmp_path / "submissions")
    return tmp_path / "submissions"


def run(tool, capsys, *args: str) -> tuple[int, str, str]:
    code = tool.main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_committed_samples_are_what_the_scenario_makes(tool, capsys):
    code, out, err = run(tool, capsys, "--check")
    assert (code, out, err) == (0, "", ""), "run: .venv/bin/python tools/make_sample_submissions.py --force\n" + out
    assert len(list((REPO / "submissions").glob("2020-Q*/*.yaml"))) == 108


def test_check_runs_as_a_script():
    result = subprocess.run([sys.executable, str(TOOL), "--check"], capture_output=True, text=True, cwd=REPO,
                            timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_hand_edit_of_a_sample_is_reported(tool, capsys, copy):
    edited = copy / "2020-Q2" / "so-ldtbxh.yaml"
    text = edited.read_text(encoding="utf-8")
    assert "  III.2:\n    numerator: 3\n" in text
    edited.write_text(text.replace("  III.2:\n    numerator: 3\n", "  III.2:\n    numerator: 4\n"), encoding="utf-8")
    (copy / "2020-Q3" / "so-y-te.yaml").unlink()
    (copy / "2020-Q4" / "so-vhttdl.yaml").write_text("agency: so-vhttdl\nperiod: 2020-Q4\n", encoding="utf-8")

    code, out, _ = run(tool, capsys, "--check", "--out", str(copy))
    assert code == 1
    assert out.splitlines() == [f"differs: {edited}", f"missing: {copy / '2020-Q3' / 'so-y-te.yaml'}",
                                f"extra: {copy / '2020-Q4' / 'so-vhttdl.yaml'} (not in the scenario)"]
    assert edited.read_text(encoding="utf-8") != text  # --check writes nothing


def test_it_overwrites_only_with_force(tool, capsys, copy):
    edited = copy / "2020-Q1" / "so-noi-vu.yaml"
    edited.write_text(edited.read_text(encoding="utf-8") + "# a hand edit\n", encoding="utf-8")
    code, _, err = run(tool, capsys, "--out", str(copy))
    assert code == 1 and "already exist" in err and "--force" in err
    assert edited.read_text(encoding="utf-8").endswith("# a hand edit\n")

    assert run(tool, capsys, "--out", str(copy), "--force")[0] == 0
    assert edited.read_bytes() == (REPO / "submissions" / "2020-Q1" / "so-noi-vu.yaml").read_bytes()
    assert run(tool, capsys, "--out", str(copy), "--check")[0] == 0


def test_an_empty_folder_gets_the_108_files(tool, capsys, tmp_path):
    code, out, _ = run(tool, capsys, "--out", str(tmp_path / "new"))
    assert code == 0 and "wrote 108 files" in out
    written = sorted(p.relative_to(tmp_path / "new") for p in (tmp_path / "new").rglob("*.yaml"))
    assert written == sorted(p.relative_to(REPO / "submissions") for p in (REPO / "submissions").rglob("*.yaml"))


@pytest.mark.parametrize(("old", "new", "message", "below"), [
    # a result of a task the agency neither leads nor implements
    ("        IV.2: {numerator: 0, denominator: 0, note: Trong quý không tổ chức tuyển dụng}\n",
     "        IV.2: {numerator: 0, denominator: 0, note: Trong quý không tổ chức tuyển dụng}\n"
     "        III.3: {numerator: 1, denominator: 1}\n",
     "so-noi-vu 2020-Q1: not authorised for III.3: so-noi-vu neither leads nor implements task III.3", 1),
    # a Saturday
    ("      submitted_on: 2020-03-16\n", "      submitted_on: 2020-03-14\n",
     "so-noi-vu 2020-Q1: submitted on Saturday 2020-03-14, not a working day", 0),
    # a field the indicator's kind does not take
    ("        III.1a: {numerator: 1, denominator: 1}\n", "        III.1a: {numerator: 1, denominator: 1, percent: 100}\n",
     "so-noi-vu 2020-Q1 III.1a: a ratio result takes no percent", 0),
    # a typo in an agency code
    ("  so-noi-vu:\n", "  so-noi-vuu:\n", "so-noi-vuu: not an agency of the plan", 0),
    # a key given twice, caught by papi's safe loader
    ("      submitted_on: 2020-03-16\n", "      submitted_on: 2020-03-16\n      submitted_on: 2020-03-17\n",
     "error[duplicate-key]", 1),
])
def test_a_scenario_that_does_not_fit_the_plan_is_refused(tool, capsys, tmp_path, old, new, message, below):
    """Each problem is reported at its line (``below``: lines after the one replaced) and nothing is written."""
    text = SCENARIO.read_text(encoding="utf-8")
    assert text.count(old) >= 1
    bad = tmp_path / "scenario.yaml"
    bad.write_text(text.replace(old, new, 1), encoding="utf-8")
    line = text[:text.index(old)].count("\n") + 1 + below
    code, out, err = run(tool, capsys, "--scenario", str(bad), "--out", str(tmp_path / "out"))
    assert code == 1 and out == "" and not (tmp_path / "out").exists()
    assert message in err and "nothing written" in err
    assert f"{bad}:{line}:" in err


def test_the_shared_writer_refuses_what_it_would_drop(plan):
    """``filled`` writes a draft in full or not at all: the samples and the corpora lose no value."""
    from papi_cli import periods
    from papi_cli.render.submission_yaml import Draft, filled, flow_item

    q1 = periods.quarter(2020, 1)
    with pytest.raises(ValueError, match=r"III\.3 is not an indicator it may report"):
        filled(plan, Draft("so-noi-vu", q1, results={"III.3": {"numerator": 1, "denominator": 1}}), header=[])
    with pytest.raises(ValueError, match="fields it does not take"):
        filled(plan, Draft("so-noi-vu", q1, results={"III.1a": {"numerator": 1, "denominator": 1, "percent": 5}}),
               header=[])
    assert [flow_item(word) for word in ("no", "null", "dak-mil", "24612", 24612)] == \
        ['"no"', '"null"', "dak-mil", "'24612'", "24612"]
