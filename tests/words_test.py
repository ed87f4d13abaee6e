"""The one catalogue: every entry in both languages with the same fields; every Message papi
builds names an entry and fills its fields; English has no Vietnamese, Vietnamese no English
sentence; help, usage errors and plurals follow --lang."""

from __future__ import annotations

import ast
import re
import string

import pytest

from papi_cli.cli import main
from papi_cli.message import Message
from papi_cli.words import CATALOGUE, say
from tests.conftest import REPO

VIETNAMESE = re.compile("[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]", re.I)
# Codes and names that keep their Vietnamese letters in English (document symbols, the province).
KEPT = ("QĐ-UBND", "Đắk Nông")
ENGLISH = re.compile(r"\b(the|and|is|are|of|not|must|with|for|file|files|this|cannot|should)\b", re.I)


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def sample_args(text: str) -> dict[str, object]:
    return dict.fromkeys(fields(text), 2)


def english_words(text: str) -> list[str]:
    """English words left in a Vietnamese text once codes, placeholders and quoted values are out."""
    text = re.sub(r"\{[^}]*\}|'[^']*'|\"[^\"]*\"|`[^`]*`|\([^()]*_[^()]*\)", " ", text)
    text = re.sub(r"\b[\w.-]*[_\d/][\w.-]*\b|--[\w-]+|\bpapi \w+", " ", text)
    return ENGLISH.findall(text)


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_entry_has_both_languages_and_renders(key):
    """Both texts are there and render with their fields filled (a language may leave out a field
    the other needs: Vietnamese numbers quarters in Roman numerals, English in digits)."""
    vi, en = CATALOGUE[key]
    assert vi.strip() and en.strip(), key
    args = {**sample_args(vi), **sample_args(en)}
    for lang in ("vi", "en"):
        text = say(Message(key, **args), lang)
        assert not re.search(r"\{\w+(:[^}]*)?\}", text) or key.startswith("syntax.mapping"), (key, text)


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_english_has_no_vietnamese_and_vietnamese_no_english(key):
    vi, en = CATALOGUE[key]
    rest = en
    for kept in KEPT:
        rest = rest.replace(kept, "")
    assert not VIETNAMESE.search(rest), (key, en)
    assert english_words(vi) == [], (key, vi)


# --- every call site -----------------------------------------------------------------------------
# Calls whose string argument at this position is a catalogue key: Message("key", ...), say("key"),
# Problem.at(file, mark, "code", ...), and the checkers' add/flag/refuse/abort(where, "code", ...).
KEYED = {"Message": 0, "say": 0, "_say": 0, "ctx.say": 0, "self.say": 0, "Problem.at": 2, "self.add": 1,
         "checker.add": 1, "self.checker.add": 1, "self.flag": 1, "self.abort": 1, "self.refuse": 1}


def call_sites():
    for path in sorted((REPO / "papi_cli").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and ast.unparse(node.func) in KEYED:
                position = KEYED[ast.unparse(node.func)]
                if len(node.args) > position:
                    yield path, node, node.args[position]


def test_every_message_names_an_entry_and_fills_its_fields():
    checked = 0
    for path, call, key_node in call_sites():
        where = f"{path.relative_to(REPO)}:{call.lineno}"
        if isinstance(key_node, ast.Constant) and isinstance(key_node.value, str):
            keys = [key_node.value]
        elif isinstance(key_node, ast.JoinedStr):  # f"status.{status}": some entries read so
            pattern = "".join(re.escape(v.value) if isinstance(v, ast.Constant) else ".+" for v in key_node.values)
            keys = [k for k in CATALOGUE if re.fullmatch(pattern, k)]
            assert keys, where
        else:
            continue
        given = {k.arg for k in call.keywords}
        for key in keys:
            assert key in CATALOGUE, (where, key)
            needed = fields(CATALOGUE[key][0]) | fields(CATALOGUE[key][1])
            if None not in given and len(keys) == 1:  # a literal key without **spread: all its fields here
                assert needed <= given, (where, key, needed - given)
        checked += 1
    assert checked > 200


def test_every_entry_is_used():
    """No dead entries: each key is written somewhere in the code or the templates, or is the
    target of a prefix such as f"status.{…}"."""
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (REPO / "papi_cli").rglob("*") if p.suffix in (".py", ".j2"))
    prefixes = set(re.findall(r"""f["']([a-z_.]+\.)\{""", sources)) | set(re.findall(r"""["']([a-z_]+\.)["'] ~""", sources))
    prefixes |= set(re.findall(r"""["']([a-z_]+\.)["'] \+""", sources))
    unused = [key for key in CATALOGUE
              if f'"{key}"' not in sources and f"'{key}'" not in sources and not key.startswith(tuple(prefixes))]
    assert unused == []


# --- the command line in both languages --------------------------------------------------------------
def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


USAGE_ERRORS = [
    ["report"],                                    # missing option
    ["status", "--bogus"],                         # no such option
    ["status", "--perod", "2020-Q1"],              # no such option, with the close one
    ["statu"],                                     # no such command, did you mean
    ["status", "--period"],                        # option needs a value
    ["status", "--no-cache=yes"],                  # a flag takes no value
    ["status", "extra", "args"],                   # unexpected arguments
    ["status", "--format", "xml"],                 # a choice
    ["status", "--period", "2020-Q7"],             # a malformed period
    ["status", "--period", "2021-Q1"],             # outside the plan year
    ["status", "--as-of", "31/12/2020"],           # a malformed date
    ["outcome", "--year", "20x0"],                 # a malformed year
    ["tasks", "--agency", "so-khong-co"],          # an unknown agency
    ["tasks", "--dimension", "VIII"],              # an unknown dimension
    ["status", "--root", "/no/such/folder"],       # a missing folder
    ["validate", "submissions/2020-Q9/x.yaml"],    # no such file
    ["report", "--period", "2020", "--templates", "/no/such/folder"],
    ["new", "--agency", "ubnd-nghia-duc", "--period", "2020-H1"],  # not a quarter
    ["status", "--lang", "fr"],
]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("args", USAGE_ERRORS, ids=[" ".join(a) for a in USAGE_ERRORS])
def test_every_usage_error_is_one_line_in_the_chosen_language(capsys, monkeypatch, args, lang):
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("PAPI_LANG", lang)
    code, out, err = run(capsys, *args)
    assert code == 2 and out == "", err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("papi: "), err
    message = re.sub(r"'[^']*'|\S*/\S*|--[\w-]+", "", lines[0])  # values and paths as given
    if lang == "en":
        assert not VIETNAMESE.search(message), err
    else:
        assert english_words(message) == [] and VIETNAMESE.search(message), err


def test_the_languages_differ_for_the_same_error(capsys, monkeypatch):
    monkeypatch.chdir(REPO)
    _, _, vi = run(capsys, "statu")
    _, _, en = run(capsys, "statu", "--lang", "en")
    assert vi == "papi: không có lệnh 'statu'. Có phải ý bạn là 'status'? (xem 'papi --help')\n"
    assert en == "papi: no such command 'statu'. Did you mean 'status'? (see 'papi --help')\n"
    _, _, vi = run(capsys, "status", "--perod", "2020-Q1")
    assert vi.startswith("papi: không có tùy chọn --perod. Có phải ý bạn là --period")


COMMANDS = ["", "tasks", "validate", "status", "report", "new", "codeowners", "schema", "outcome"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_help_screen_follows_the_language(capsys, monkeypatch, command):
    monkeypatch.delenv("PAPI_LANG", raising=False)
    args = [command] if command else []
    code, vi, _ = run(capsys, *args, "--help")
    assert code == 0 and vi.startswith("Cách dùng: papi") and "Tùy chọn" in vi
    code, en, _ = run(capsys, *args, "--help", "--lang", "en")
    assert code == 0 and en.startswith("Usage: papi") and "Options" in en
    assert not VIETNAMESE.search(en.replace("<kỳ>", "")), en
    monkeypatch.setenv("PAPI_LANG", "en")
    assert run(capsys, *args, "--help")[1] == en


def test_english_counts_take_their_plural(capsys, project):
    folder = project / "submissions" / "2020-Q2"
    folder.mkdir()
    (folder / "so-ldtbxh.yaml").write_text(
        "agency: so-ldtbxh\nperiod: 2020-Q2\nsubmitted_on: 2020-06-18\nresults:\n  II.3:\n    units: [nghia-duc]\n",
        encoding="utf-8")
    _, out, _ = run(capsys, "validate", "--root", str(project), "--lang", "en")
    assert out.splitlines()[-1] == ("Checked 3 files (2 plan files, 1 submission, 1 result): 0 errors, 0 warnings.")
    (folder / "so-ldtbxh.yaml").write_text("agency: so-ldtbxh\n", encoding="utf-8")
    _, out, _ = run(capsys, "validate", "--root", str(project), "--lang", "en")
    assert out.splitlines()[-1].endswith("(2 plan files, 1 submission, 0 results): 3 errors, 0 warnings.")


def strings_outside_the_catalogue():
    """Every string constant of papi_cli that is not a docstring, with where it is."""
    for path in (REPO / "papi_cli").rglob("*.py"):
        if path.name == "words.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))
                      and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                yield f"{path.relative_to(REPO)}:{node.lineno}", node.value


def test_the_core_says_things_as_messages_never_as_text():
    """No bilingual text outside the catalogue: nothing says 'vi / en' to be split."""
    assert [where for where, text in strings_outside_the_catalogue() if re.search(r"\w / \w", text)] == []


def test_the_catalogue_is_all_the_words():
    """Renderers and commands hold no sentence of their own: every Vietnamese text in papi_cli
    outside the catalogue is a docstring or a comment (a letter alone is data: ``fold``)."""
    assert [where for where, text in strings_outside_the_catalogue() if len(text) > 1 and VIETNAMESE.search(text)] == []


def test_no_message_says_slug():
    """Clerks know a unit's name, its code and its short name (``nghia-duc``); "slug" is the
    engineers' word (issue 11). Field names in braces do not count: they are never shown."""
    for key, texts in CATALOGUE.items():
        for text in texts:
            assert "slug" not in re.sub(r"\{[^}]*\}", "", text).lower(), key
