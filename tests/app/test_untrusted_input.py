"""Everything from outside is hostile until checked: a file's bytes, a file's name,
a link's parameters.

- The loaders answer any input with a result that is valid or with LoadError, whose
  message is short (it quotes the file briefly); never with another exception.
- The link reader answers any query with valid settings and a step within bounds.
- A file's name or content in a message is shown as text: rendered as Markdown
  (markdown-it-py, GitHub's flavour with linkify) it is one paragraph of plain
  text, and none of the patterns that Streamlit's renderer turns into links, icons
  or images in plain text (its GFM autolinks, shortcodes, arrows) is left in it.
"""

import json
import re

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from shallownet.core.network import Params
from shallownet.core.settings import Settings
from shallownet.core.trainer import Trainer
from shallownet.formats import files
from shallownet.formats import links as share
from shallownet.formats.files import LoadError
from shallownet.formats.untrusted import JOINER, LIMIT, plain, shown
from tests.app.apptest import open_panel, upload

MESSAGE_MOST = 300  # characters of a LoadError's message, whatever the input

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# -- the loaders ---------------------------------------------------------------------
def load_params(data):
    """params_from_json(data): a valid Saved, or None after a short LoadError."""
    try:
        saved = files.params_from_json(data)
    except LoadError as e:
        assert len(str(e)) <= MESSAGE_MOST, str(e)
        return None
    assert isinstance(saved.settings, Settings) and 0 <= saved.step <= share.MAX_STEP
    assert type(saved.step) is int
    n1 = saved.settings.n1
    for a, shape in zip(saved.params, [(n1, 2), (n1, 1), (1, n1), (1, 1)]):
        assert a.shape == shape and a.dtype == float and np.isfinite(a).all()
    return saved


def load_data(data):
    """data_from_csv(data): valid points, or None after a short LoadError."""
    try:
        own = files.data_from_csv(data)
    except LoadError as e:
        assert len(str(e)) <= MESSAGE_MOST, str(e)
        return None
    m = own.X.shape[1]
    assert own.X.shape == (2, m) and own.Y.shape == (1, m) and 1 <= m <= files.MAX_ROWS
    assert np.isfinite(own.X).all() and np.abs(own.X).max() <= files.MAX_COORDINATE
    assert set(np.unique(own.Y)) == {0, 1} and sorted(own.labels.values()) == [0, 1]
    return own


@FAST
@given(st.binary(max_size=3000))
def test_any_bytes(data):
    load_params(data)
    load_data(data)


@FAST
@given(st.text(max_size=3000))
def test_any_text(text):
    load_params(text)
    load_data(text)


def _trained() -> str:
    tr = Trainer(Settings(n1=3, m=40))
    tr.step(3)
    return files.params_to_json(tr.params, tr.settings, tr.step_count)


VALID = _trained()


def test_the_valid_document_loads():
    assert load_params(VALID).step == 3


# JSON as text, with what json.dumps would not write: numbers of any length, NaN
# and Infinity, deep nesting, broken syntax
specials = st.sampled_from([
    "1" + "0" * 5000, "-" + "9" * 4301, "1" + "0" * 400, "1" + "0" * 399, "1e999", "-1e999", "1e-999",
    "1" + "0" * 5000 + ".5", "NaN", "Infinity", "-Infinity", "[" * 100_000 + "]" * 100_000,
    "{\"a\":" * 50_000 + "1" + "}" * 50_000, "[" * 100_000, "]", "\"\\ud800\"", "\"\\u0000\"",
    "\"" + "x" * 100_000 + "\"", "true", "null", "[[1e308, 1e308]]", "[[]]", "[]", "{}",
    str(share.MAX_STEP), str(share.MAX_STEP + 1), "-0", "0.0", "4.0", "1e6", "-1",
])
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**320), 10**320) | st.floats() | st.text(max_size=8),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)
json_texts = specials | json_values.map(lambda v: json.dumps(v, allow_nan=True))


@FAST
@given(json_texts)
def test_any_json_document(text):
    load_params(text)


def _paths(node, path=()):
    """Every place in a document: each key of each object and each item of each list."""
    yield path
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, path + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node[:3]):
            yield from _paths(v, path + (i,))


PATHS = [p for p in _paths(json.loads(VALID)) if p]
HOLE = "\x00hole\x00"


def mutated(path, raw: str | None) -> str:
    """The valid document with the value at ``path`` replaced by the JSON text
    ``raw`` (None: taken out)."""
    doc = json.loads(VALID)
    target = doc
    for k in path[:-1]:
        target = target[k]
    if raw is None:
        del target[path[-1]]
        return json.dumps(doc)
    target[path[-1]] = HOLE
    return json.dumps(doc).replace(json.dumps(HOLE), raw)


@FAST
@given(st.sampled_from(PATHS), st.none() | json_texts)
def test_a_valid_document_with_any_field_wrong(path, raw):
    load_params(mutated(path, raw))


@pytest.mark.parametrize("path", PATHS, ids=lambda p: ".".join(map(str, p)))
@pytest.mark.parametrize("raw", ["1" + "0" * 5000, "[" * 100_000 + "]" * 100_000, "1e999", "NaN",
                                 '"' + "x" * 100_000 + '"', "{}", None])
def test_every_field_of_a_valid_document(path, raw):
    load_params(mutated(path, raw))


cells = st.sampled_from(["1e308", "-1e308", "1e6", "-1000000.0", "1000000.1", "nan", "inf", "-inf", "1_0",
                         "\u0663", "1" + "0" * 5000, "x" * 200_000, '"', '"a,b"', "0", "1", "-1", "",
                         " ", "\ufeff", "\x00", "\r", "a\nb", "1e-320", "0x10"]) | st.text(max_size=6) | \
    st.floats().map(repr)


@FAST
@given(st.lists(st.lists(cells, max_size=4), max_size=12), st.sampled_from(["\n", "\r\n", "\r"]))
def test_any_csv(rows, newline):
    text = newline.join(",".join(row) for row in rows)
    load_data(text)
    load_data(text.encode("utf-8", "surrogatepass"))


# -- the link reader ---------------------------------------------------------------------
names = st.sampled_from([*share.to_query(Settings(), 0), *share.PAGE_PARAMETERS, "colour", ""]) | st.text(max_size=5)
link_values = st.sampled_from(["", "-5", "1e9", "nan", "inf", "own", "1" + "0" * 5000, "\u0663", "x" * 10_000,
                               "0.37", "7", "true"]) | st.text(max_size=8)


@FAST
@given(st.dictionaries(names, st.lists(link_values, max_size=3) | link_values, max_size=8))
def test_any_query(query):
    shared = share.from_query(query)
    assert isinstance(shared.settings, Settings) and shared.settings.dataset != "own"
    assert type(shared.step) is int and 0 <= shared.step <= share.MAX_STEP
    assert all(isinstance(v, str) for item in shared.ignored for v in item)


# -- untrusted text in messages ----------------------------------------------------------------
MARKDOWN = MarkdownIt("gfm-like", {"linkify": True, "html": True})
# the patterns Streamlit 1.67's renderer (StreamlitMarkdown) turns into markup in
# plain text, after the escapes are read: GFM's autolink literals (its
# transformGfmAutolinkLiterals), the emoji, icon and :streamlit: shortcodes, and
# its typographic arrows; copied from its bundle, made stricter (no check of the
# character before a match)
STREAMLIT_TEXT_MARKUP = [
    re.compile(r"(https?://|www(?=\.))([-.\w]+)([^ \t\r\n]*)", re.IGNORECASE),
    re.compile(r"([-.\w+]+)@([-\w]+(?:\.[-\w]+)+)"),
    re.compile(r":[\w+-]+:"),
    re.compile(r":material/"),
    re.compile(r"(^|\s)(<->|->|<-|--|>=|<=|~=)(\s|$)"),
]


def rendered(markdown: str) -> str:
    """The text ``markdown`` renders as, checked to be plain text only: one paragraph
    of text, no link, image, HTML, code, emphasis, and nothing Streamlit would
    turn into markup."""
    tokens = MARKDOWN.parse(markdown)
    if not tokens:
        return ""
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"], tokens
    children = tokens[1].children
    assert all(c.type == "text" for c in children), [c.type for c in children]
    text = "".join(c.content for c in children)
    for pattern in STREAMLIT_TEXT_MARKUP:
        assert not pattern.search(text), (pattern.pattern, text)
    html = MARKDOWN.render(markdown)
    assert not re.search(r"<(?!/?p>)", html), html
    return text.replace(JOINER, "")


HOSTILE = [
    "[Log in again here](https://example.com/phish)",
    "![i](https://example.com/pixel.png)",
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    ":red[big]",
    ":red-background[big] :blue[x]",
    "$x^2$",
    "$$\\int$$",
    "www.example.com",
    "WWW.EXAMPLE.COM/a",
    "https://example.com",
    "mailto:a@example.com",
    "someone@example.com",
    "<https://example.com>",
    "[x][1]\n\n[1]: https://example.com",
    ":streamlit:",
    ":material/home:",
    ":smile: :+1:",
    "a -> b <- c <-> d -- e >= f <= g ~= h",
    "# Heading",
    "    four spaces, a code block",
    "> quote",
    "- item",
    "1. item",
    "| a | b |\n|---|---|",
    "`code` ``code``",
    "*em* **strong** _u_ ~~strike~~",
    "&lt;b&gt; &amp; &#x3C;",
    "a\\",
    "line\nbreak\r\nand\ttab\x00nul",
    "\u202eevil\u202c.json",
    "\ud800 lone surrogate",
    "x" * 100_000,
    "{name} {problem} {0}",
]


def test_shown_is_short_plain_text():
    for text in HOSTILE:
        markdown = shown(text)
        assert rendered(markdown) == plain(markdown)
        assert len(plain(markdown)) <= LIMIT + 1


@pytest.mark.parametrize("text", [
    "[Log in again here](https://example.com/phish)", "![i](https://example.com/pixel.png)",
    "<img src=x onerror=alert(1)>", ":red[big]", "$x^2$", "www.example.com", "a -> b",
    "someone@example.com", ":streamlit:", "&amp; \\ `x`",
])
def test_shown_shows_exactly_the_text(text):
    assert rendered(shown(text)) == text


def test_a_long_text_is_cut_with_an_ellipsis():
    assert rendered(shown("x" * 100_000)) == "x" * LIMIT + "…"
    assert rendered(shown("www.example.com/" * 10, 20)) == "www.example.com/www.…"
    assert rendered(shown("ab  " + "c" * 100, 3)) == "ab…"


def test_control_characters_and_overrides_become_spaces():
    assert rendered(shown(" a\nb\r\nc\td\x00e\u202ef\u2028g ")) == "a b c d e f g"
    assert rendered(shown("\ud800x")) == "\ufffdx"


printable = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp", "Cf")), max_size=80)


@FAST
@given(printable)
def test_any_printable_text_shows_as_itself(text):
    expected = text.strip()
    if len(expected) > LIMIT:
        expected = expected[:LIMIT].rstrip() + "…"
    assert rendered(shown(text)) == expected


@FAST
@given(st.text(max_size=120), st.integers(1, 100))
def test_any_text_is_plain_text(text, limit):
    out = rendered(shown(text, limit))
    assert len(out) <= limit + 1


# -- in the app ------------------------------------------------------------------------
@pytest.mark.parametrize("stem", [
    "[Log in again here](https://example.com/phish)", "![i](https://example.com/pixel.png)",
    "<img src=x onerror=alert(1)>", ":red[big]", "$x^2$", "www.example.com", "x" * 100_000,
], ids=lambda s: s[:30])
def test_a_file_name_is_shown_as_text(stem):
    at = open_panel()
    playground = at.session_state["playground"]
    before = [a.copy() for a in playground.trainer.params]
    at = upload(at, "upload.params", stem + ".json", b'{"format": "' + b"<b>" * 30_000 + b'"}', "application/json")
    [error] = at.error
    text = rendered(error.value)
    assert text.startswith(plain(shown(stem + ".json"))) and "not a shallownet parameter file" in text
    assert len(text) < 400
    for a, b in zip(playground.trainer.params, before):
        np.testing.assert_array_equal(a, b)  # the network on screen stays

    csv = b"x,y,label\n0,0,<b>\n1,1,[a](http://x.co)\n"
    at = upload(at, "upload.data", stem + ".csv", csv, "text/csv")
    [success] = at.success
    text = rendered(success.value)
    assert plain(shown(stem + ".csv")) in text and "<b> → 0, [a](http://x.co) → 1" in text


def test_a_problem_quoting_the_file_is_shown_as_text():
    at = open_panel()
    content = b"1,2,0\n3,4,1\n" + b"[x](https://example.com)" * 4_000 + b",1,1\n"
    at = upload(at, "upload.data", "data.csv", content, "text/csv")
    [error] = at.error
    text = rendered(error.value)
    assert "line 3: x1 and x2 must be numbers, not '[x](https://examp" in text and len(text) < 400


def test_a_parameter_file_roundtrips_through_the_uploader():
    tr = Trainer(Settings(n1=5, m=60))
    tr.step(4)
    at = open_panel()
    at = upload(at, "upload.params", "a.json", files.params_to_json(tr.params, tr.settings, 4).encode(),
                "application/json")
    playground = at.session_state["playground"]
    assert rendered(at.success[0].value) == "Loaded a.json: its network at step 4."
    assert playground.trainer.step_count == 4 and Params(*playground.trainer.params).W1.shape == (5, 2)
