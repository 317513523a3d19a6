"""The language tables are complete and used, and every page speaks its language.

- every key the code asks for is in the tables, and every key in the tables is
  asked for by the code (read from the code itself, with ``ast``);
- no page, UI helper or figure writes a sentence of its own: its words come from
  ``texts``;
- every page, opened through app.py as a visitor opens it, in Korean shows no
  English phrase and in English no Korean, in its elements, widgets, plotly
  figures and the live view's payload.
"""

import ast
import json
import re

import pytest

from shallownet.ui.i18n import texts
from tests.app import apptest
from tests.app.apptest import run
from tests.conftest import ROOT

CODE = sorted(p for p in [*(ROOT / "shallownet").rglob("*.py"), *(ROOT / "pages").glob("*.py"), ROOT / "app.py"]
              if p.name != "texts.py")
# where the words on screen are made: the pages, the UI helpers and the figures
SHOWN = [p for p in CODE if p.parent.name in ("pages", "ui", "live", "plots") or p.name == "app.py"]
PAGES = ["pages/playground.py", "pages/equations.py", "pages/initialisation.py", "pages/gradient_check.py",
         "pages/hidden_units.py", "pages/hidden_layer_size.py"]

# two English words in a row (a phrase), or one Korean syllable
ENGLISH = re.compile(r"[A-Za-z][a-z]{2,}(?:[ ,']+[A-Za-z][a-z]{2,})+")
HANGUL = re.compile(r"[\uac00-\ud7a3]")
# what a phrase check must not read: LaTeX ($...$), Streamlit's colour markup (:blue-background[),
# HTML tags and code (`...`)
NOT_WORDS = re.compile(r"\$[^$]*\$|:[a-z-]+\[|<[^>]*>|`[^`]*`")
# strings in the shown code that are not words for the reader: CSS for the page (present.py),
# the languages' own names (each written in itself, as language switches do), plotly positions
ALLOWED = {"top center", "top right", "top left", "한국어"}


# the texts that are the same in every language: names, notation and code
NEUTRAL = {
    "app.title", "button.step10", "button.step100", "dataset.xor", "activation.tanh", "activation.relu",
    "activation.leaky_relu", "metric.none", "fig.boundary.line", "eq.term", "eq.term.result",
    "eq.keepdims.code_without", "eq.keepdims.code_with", "gc.fig.zero", "gc.kink.fig.z", "gc.kink.fig.relu",
    "initialisation.fig.input0", "initialisation.fig.input1", "hidden_units.fig.value",
    "hidden_units.fig.unit_line", "hidden_units.fig.zero", "hidden_units.fig.node", "size.row.n1", "size.panel",
    "size.panel.test", "size.fig.alpha", "derivative.tanh", "derivative.sigmoid", "derivative.linear",
}


def test_every_korean_text_is_korean_but_names_and_notation():
    """A text left in English in the Korean table fails, one word alone too."""
    untranslated = sorted(k for k, v in texts.KO.items() if not HANGUL.search(v) and k not in NEUTRAL)
    assert not untranslated, untranslated
    assert NEUTRAL <= texts.KO.keys()


def parsed(path):
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def docstrings(tree) -> set[int]:
    kinds = (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
    return {id(n.body[0].value) for n in ast.walk(tree)
            if isinstance(n, kinds) and n.body and isinstance(n.body[0], ast.Expr)
            and isinstance(n.body[0].value, ast.Constant)}


def fstring_pattern(node: ast.JoinedStr) -> tuple[str, re.Pattern] | None:
    """``f"dataset.{name}"`` as its literal prefix and a pattern for the keys it can
    make; None when it starts with a value (it could make any key)."""
    parts = node.values
    if not parts or not isinstance(parts[0], ast.Constant):
        return None
    pattern = "".join(re.escape(p.value) if isinstance(p, ast.Constant) else r"[\w.]+" for p in parts)
    return parts[0].value, re.compile(pattern)


def code_words():
    """Every string constant, f-string pattern and name in the code, and the keys it
    passes to ``t`` as literals or f-strings."""
    strings, names, patterns, asked, asked_patterns = set(), set(), [], set(), []
    for path in CODE:
        for node in ast.walk(parsed(path)):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                strings.add(node.value)
            elif isinstance(node, ast.Constant) and type(node.value) is int:
                names.add(str(node.value))
            elif isinstance(node, ast.Name):
                names.add(node.id)
            elif isinstance(node, ast.Attribute):
                names.add(node.attr)
            elif isinstance(node, ast.arg):
                names.add(node.arg)
            elif isinstance(node, ast.JoinedStr) and (p := fstring_pattern(node)):
                patterns.append(p)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "t" and node.args:
                key = node.args[0]
                if isinstance(key, ast.Constant):
                    asked.add((path.name, key.value))
                elif isinstance(key, ast.JoinedStr) and (p := fstring_pattern(key)):
                    asked_patterns.append((path.name, p[1]))
    return strings, names, patterns, asked, asked_patterns


WORDS = code_words()


def test_every_key_the_code_asks_for_is_in_the_tables():
    _, _, _, asked, asked_patterns = WORDS
    assert asked, "no t(...) call found: the scan is broken"
    missing = sorted((f, k) for f, k in asked if k not in texts.EN)
    assert not missing, missing
    unmatched = [(f, p.pattern) for f, p in asked_patterns if not any(p.fullmatch(k) for k in texts.EN)]
    assert not unmatched, unmatched


def test_every_key_in_the_tables_is_used():
    """A key is used when the code writes it out, or writes an f-string that makes
    it (``f"dataset.{name}"``) and its variable part (``moons``) is a word the code
    has (a string, a name or a number): a key for a data set that no longer exists
    is caught."""
    strings, names, patterns, _, _ = WORDS

    def used(key):
        if key in strings:
            return True
        return any(p.fullmatch(key) and key[len(prefix):] in strings | names for prefix, p in patterns)

    unused = [k for k in texts.EN if not used(k)]
    assert not unused, f"keys nothing asks for: {unused}"


def test_no_page_writes_a_sentence_of_its_own():
    found = []
    for path in SHOWN:
        tree = parsed(path)
        skip = docstrings(tree)
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Constant) and isinstance(node.value, str)) or id(node) in skip:
                continue
            text = node.value
            if text in ALLOWED or text.lstrip().startswith("<style>"):
                continue
            if ENGLISH.search(text) or HANGUL.search(text):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {text[:60]!r}")
    assert not found, "texts written in the code instead of texts.py:\n" + "\n".join(found)


def shown_texts(at) -> list[tuple[str, str]]:
    """Every text a reader sees on the page AppTest ran: elements, widgets' labels,
    help and options, plotly figures' titles, names and annotations, and the live
    view's payload."""
    out = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success"):
        out += [(kind, str(e.value)) for e in getattr(at, kind)]
    for kind in ("button", "slider", "select_slider", "selectbox", "toggle", "checkbox", "radio",
                 "number_input", "text_input", "text_area", "multiselect", "button_group", "metric",
                 "expandable", "tab"):
        for e in at.get(kind):
            p = e.proto
            out += [(kind, getattr(p, "label", "")), (kind, getattr(p, "help", ""))]
            out += [(kind, o if isinstance(o, str) else getattr(o, "content", "")) for o in getattr(p, "options", [])]
    for kind in ("plotly_chart", "component_instance"):
        for e in at.get(kind):
            spec = json.loads(e.proto.spec if kind == "plotly_chart" else e.proto.json_args)
            out += [(kind, s) for s in figure_texts(spec)]
    return [(k, s) for k, s in out if s]


def figure_texts(node) -> list[str]:
    """The strings under keys that are read as words (titles, names, texts, labels)."""
    found = []
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(value, str) and (key in ("text", "name", "title", "hovertemplate")
                                           or key.endswith(("_class0", "_class1")) or key.startswith("label")):
                found.append(value)
            elif isinstance(value, list) and key in ("metric_labels",):
                found += [pair[1] for pair in value]
            elif key == "texts" and isinstance(value, dict):
                found += [v for v in value.values() if isinstance(v, str)]
            else:
                found += figure_texts(value)
    elif isinstance(node, list):
        for value in node[:200]:  # the texts are in the first items; data arrays are long
            found += figure_texts(value)
    return found


def opened(page, lang):
    return run(apptest.opened(timeout=120, lang=lang).switch_page(page))


@pytest.mark.parametrize("page", PAGES)
def test_every_page_in_korean_shows_no_english_phrase(page):
    at = opened(page, "ko")
    shown = shown_texts(at)
    assert len(shown) > 20, shown  # the page rendered its texts
    title = at.title[0].value
    assert title in texts.KO.values() and HANGUL.search(title)
    english_only = {v for k, v in texts.EN.items() if texts.KO[k] != v}  # a word alone too
    english = [(k, s[:80]) for k, s in shown if ENGLISH.search(NOT_WORDS.sub(" ", s)) or s in english_only]
    assert not english, english


@pytest.mark.parametrize("page", PAGES)
def test_every_page_in_english_shows_no_korean(page):
    at = opened(page, "en")
    shown = shown_texts(at)
    assert at.title[0].value in texts.EN.values()
    korean = [(k, s[:80]) for k, s in shown if HANGUL.search(s) and s not in ALLOWED]
    assert not korean, korean
