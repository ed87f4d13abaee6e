"""The Excel-form benchmark builds what it says: a form of at least 100 indicators, filled so
that it imports without error, and the YAML it makes, valid. No timings here."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from papi_cli.cli import main

REPO = Path(__file__).resolve().parent.parent


def test_the_forms_benchmark_measures_a_valid_100_indicator_form(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("PAPI_TODAY", "2020-07-01")
    spec = importlib.util.spec_from_file_location("bench_forms", REPO / "benchmarks" / "forms.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
        built = module.build(tmp_path / "forms")
    finally:
        del sys.modules[spec.name]
    assert built.indicators >= 100
    capsys.readouterr()
    assert main(["import", str(built.form), "--dry-run", "--root", str(built.import_root)]) == 0
    assert main(["validate", "--root", str(built.validate_root)]) == 0
    out = capsys.readouterr().out
    assert f"{built.indicators} kết quả" in out and "0 lỗi" in out
