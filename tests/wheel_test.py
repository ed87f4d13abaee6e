"""What ``pip install .`` gives: a wheel that holds the package, its templates and data and
nothing else, and that, installed into a fresh virtual environment, runs every command in every
format in a folder holding only ``plan/`` and ``submissions/`` (no ``templates/``, no sources).

The rest of the suite runs papi from the source tree, where a file the wheel forgot would still
be found; this test is the only one that sees what a user installs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO

TODAY = "2020-12-31"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    source = tmp_path_factory.mktemp("source") / "papi"
    # Build from a copy holding only what git tracks, as a clean clone would (no .venv, caches).
    tracked = subprocess.run(["git", "-C", str(REPO), "ls-files", "-z"], capture_output=True, check=True).stdout
    for name in filter(None, tracked.decode("utf-8").split("\0")):
        if (REPO / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, source / name)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(out),
                    str(source)], check=True)
    (built,) = out.glob("*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the wheel and its dependencies; its ``bin`` folder."""
    env = tmp_path_factory.mktemp("venv") / "env"
    venv.create(env, with_pip=True)
    subprocess.run([str(env / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)], check=True)
    return env / "bin"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A folder holding only plan/ and submissions/, as a province's data repository may."""
    shutil.copytree(REPO / "plan", tmp_path / "plan")
    shutil.copytree(REPO / "submissions", tmp_path / "submissions")
    return tmp_path


def test_the_wheel_holds_the_package_its_templates_and_nothing_else(wheel: Path):
    names = zipfile.ZipFile(wheel).namelist()
    tops = {name.split("/", 1)[0] for name in names}
    assert tops == {"papi_cli", next(t for t in tops if t.endswith(".dist-info"))}
    package = [n for n in names if n.startswith("papi_cli/")]
    assert {"papi_cli/templates/report.md.j2", "papi_cli/templates/report.html.j2",
            "papi_cli/templates/report.css", "papi_cli/py.typed", "papi_cli/cli.py"} <= set(package)
    sources = sorted(p.relative_to(REPO).as_posix() for p in (REPO / "papi_cli").rglob("*")
                     if p.is_file() and "__pycache__" not in p.parts)
    assert sorted(package) == sources  # every file of the package, no stray file of the repository
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]


def run(bin_dir: Path, folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PAPI_TODAY": TODAY, "XDG_CACHE_HOME": str(folder.parent / "cache"),
           "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    env.pop("PAPI_LANG", None)
    env.pop("PYTHONPATH", None)
    return subprocess.run([str(bin_dir / "papi"), *args], cwd=folder, env=env, capture_output=True,
                          text=True, timeout=120, check=False)


# (arguments, expected exit code): every command in every format.
COMMANDS = [
    (["--version"], 0),
    (["--help"], 0),
    (["validate"], 0),
    (["validate", "--format", "json"], 0),
    (["validate", "--format", "github"], 0),
    (["status"], 0),
    (["status", "--format", "json"], 0),
    (["status", "--format", "md"], 0),
    (["status", "--period", "2020-Q2", "--lang", "en"], 0),
    (["tasks"], 0),
    (["tasks", "--format", "json"], 0),
    (["schema"], 0),
    (["codeowners"], 0),
    (["outcome", "--year", "2020"], 1),  # goal 1.3 is not met in 2020: exit 1 by design
    (["outcome", "--year", "2020", "--format", "json"], 1),
]


@pytest.mark.parametrize(("args", "code"), COMMANDS, ids=[" ".join(a) for a, _ in COMMANDS])
def test_every_command_runs_from_the_installed_wheel(installed: Path, data: Path, args: list[str], code: int):
    result = run(installed, data, *args)
    assert result.returncode == code, result.stderr
    assert result.stdout and "Traceback" not in result.stderr


@pytest.mark.parametrize("fmt", ["md", "html", "json", "docx", "xlsx"])
def test_reports_are_written_without_a_templates_folder(installed: Path, data: Path, fmt: str):
    assert not (data / "templates").exists()
    result = run(installed, data, "report", "--period", "2020-Q2", "--format", fmt)
    assert result.returncode == 0, result.stderr
    written = data / "reports" / f"bao-cao-papi-2020-Q2.{fmt}"
    assert written.is_file() and written.stat().st_size > 10_000


def test_new_writes_a_skeleton_from_the_installed_wheel(installed: Path, data: Path):
    result = run(installed, data, "new", "--agency", "so-tu-phap", "--period", "2020-Q1")
    assert result.returncode == 0, result.stderr
    assert (data / "submissions" / "2020-Q1" / "so-tu-phap.yaml").is_file()


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_reminder_letters_are_written_from_the_installed_wheel(installed: Path, data: Path, fmt: str):
    result = run(installed, data, "remind", "--period", "2020-Q2", "--as-of", "2020-07-10", "--format", fmt,
                 "--out", "letters")
    assert result.returncode == 0, result.stderr
    assert (data / "letters" / f"don-doc-so-gtvt-2020-Q2.{fmt}").is_file()


def test_the_spreadsheet_route_from_the_installed_wheel(installed: Path, data: Path):
    """A form made, written back from a submission, and imported (dry): openpyxl and the forms
    package are in the wheel's dependencies and files."""
    made = run(installed, data, "new", "--agency", "so-y-te", "--period", "2020-Q3", "--format", "xlsx")
    assert made.returncode == 0, made.stderr
    assert (data / "so-y-te-2020-Q3.xlsx").is_file()
    exported = run(installed, data, "export", "--agency", "so-y-te", "--period", "2020-Q2", "--out", "forms")
    assert exported.returncode == 0, exported.stderr
    form = data / "forms" / "so-y-te-2020-Q2.xlsx"
    assert form.is_file()
    before = (data / "submissions" / "2020-Q2" / "so-y-te.yaml").read_bytes()
    refused = run(installed, data, "import", "--dry-run", str(form))  # the file is there: not unasked
    assert refused.returncode == 1 and "form-target-exists" in refused.stdout, refused.stderr
    imported = run(installed, data, "import", "--dry-run", "--replace", str(form))
    assert imported.returncode == 0, imported.stdout + imported.stderr
    assert (data / "submissions" / "2020-Q2" / "so-y-te.yaml").read_bytes() == before
