"""The benchmark corpora are valid: what ``benchmarks/run.py`` times is papi's work on good data.

``benchmarks/generate.py`` writes a province year from the plan; a corpus that papi rejects
would make the benchmarks measure error reporting instead. No timings here.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from papi_cli.cli import main

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def generate():
    spec = importlib.util.spec_from_file_location("bench_generate", REPO / "benchmarks" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    yield module
    del sys.modules[spec.name]


def validate(root: Path, capsys) -> tuple[int, dict]:
    code = main(["validate", "--root", str(root), "--format", "json"])
    return code, json.loads(capsys.readouterr().out)


def errors(report: dict) -> list[dict]:
    return [p for p in report["problems"] if p["severity"] == "error"]


def test_a_quarter_of_every_agency_validates(generate, plan, tmp_path, capsys):
    corpus = generate.generate(tmp_path / "q2", quarters=(2,))
    code, report = validate(corpus.root, capsys)
    assert errors(report) == [] and code == 0
    reporters = {agency.code for agency in generate.reporters(plan)}
    written = {p.stem for p in (corpus.root / "submissions" / "2020-Q2").glob("*.yaml")}
    assert written == reporters and corpus.files == len(reporters)
    assert report["files"] == corpus.files + 2  # and the plan with its units file


def test_the_stress_corpus_validates_and_is_larger(generate, tmp_path, capsys):
    agencies = ("so-ldtbxh", "to-kiem-tra", "vp-ubnd-tinh", "mttq-tinh", "ubnd-cu-jut", "ubnd-ea-tling",
                "ubnd-quang-tan", "ttyt-huyen", "cong-an-cap-xa")
    full = generate.generate(tmp_path / "full", quarters=(1, 4), agencies=agencies)
    stress = generate.generate(tmp_path / "stress", quarters=(1, 4), agencies=agencies, stress=True)
    code, report = validate(stress.root, capsys)
    assert errors(report) == [] and code == 0
    assert stress.files == full.files == 2 * len(agencies)
    assert 7 * full.bytes < stress.bytes < 13 * full.bytes


def test_generation_is_deterministic_and_a_subset_holds_the_same_files(generate, tmp_path):
    whole = generate.generate(tmp_path / "a", quarters=(3,))
    part = generate.generate(tmp_path / "b", quarters=(3,), agencies=("ubnd-dak-mil", "so-tnmt"))
    for name in ("ubnd-dak-mil.yaml", "so-tnmt.yaml"):
        assert (part.root / "submissions/2020-Q3" / name).read_bytes() == \
            (whole.root / "submissions/2020-Q3" / name).read_bytes()


def test_it_never_replaces_a_folder_it_did_not_make(generate, tmp_path):
    (tmp_path / "mine.txt").write_text("keep me")
    with pytest.raises(SystemExit):
        generate.generate(tmp_path, quarters=(1,))
    assert (tmp_path / "mine.txt").read_text() == "keep me"
