"""The Gradient check page through Streamlit's AppTest: the check passes for the
lecture's backward pass and fails for each wrong one, where its mistake is; the
numbers are the core's; ReLU's kink is shown and named; a big network stays quick."""

import time

import numpy as np
import pytest

from shallownet.lecture import gradient_check as gradcheck
from shallownet.lecture.gradient_check import TOLERANCE, VARIANTS
from shallownet.ui.i18n.texts import t
from tests.app.apptest import chart, decode, opened, page_script

PAGE = page_script("gradient_check")
WRONG = [name for name in VARIANTS if name != "correct"]
PARAMS = ["W1", "b1", "W2", "b2"]


def page(steps=0, **settings):
    """The page on the session's network after ``steps`` steps, with ``settings``
    chosen in the sidebar first."""
    at = opened(PAGE)
    for name, value in settings.items():
        widget = at.selectbox(key=f"setting.{name}") if isinstance(value, str) else at.slider(key=f"setting.{name}")
        widget.set_value(value).run()
        assert not at.exception
    at.session_state["playground"].step(steps)
    at.run()
    assert not at.exception
    return at


def network(at):
    tr = at.session_state["playground"].trainer
    return tr.params, tr.data.X_train, tr.data.Y_train, tr.settings.activation


def choose(at, variant):
    at.selectbox(key="gc.variant").set_value(variant).run()
    assert not at.exception


def table(at):
    """The selected check's table, as the page shows it."""
    return at.dataframe[0].value


@pytest.fixture(scope="module", params=[0, 300], ids=lambda s: f"step{s}")
def trained(request):
    return page(request.param)


def test_the_lectures_backward_pass_passes(trained):
    at = trained
    choose(at, "correct")
    assert at.title[0].value == t("page.gradient_check")
    assert len(at.success) == 1 and at.success[0].value.startswith("Pass:")
    assert [e.value for e in at.error if not e.value.startswith("At the kink")] == []
    assert list(table(at)[t("gc.col.result")]) == [t("gc.ok")] * 4


@pytest.mark.parametrize("variant", WRONG)
def test_each_wrong_backward_pass_fails_where_its_mistake_is(trained, variant):
    at = trained
    choose(at, variant)
    assert not at.success
    failed = [p for p in PARAMS if p in VARIANTS[variant].wrong]
    assert at.error[0].value == t("gc.fail", params=", ".join(failed))
    assert t(f"gc.mistake.{variant}", activation=t("activation.tanh"), derivative=t("derivative.tanh")) in [
        m.value for m in at.markdown]
    shown = dict(zip(table(at)[t("gc.col.param")], table(at)[t("gc.col.result")]))
    assert shown == {p: t("gc.bad") if p in failed else t("gc.ok") for p in PARAMS}


def test_the_numbers_shown_are_the_cores(trained):
    at = trained
    p, X, Y, activation = network(at)
    results = gradcheck.check_variants(p, X, Y, activation)
    for variant in ("correct", "one_minus_a"):
        choose(at, variant)
        rows = gradcheck.rows(results[variant])
        df = table(at)
        assert list(df[t("gc.col.param")]) == [r.name for r in rows]
        assert list(df[t("gc.col.shape")]) == [str(r.shape) for r in rows]
        np.testing.assert_allclose(df[t("gc.col.error")], [r.relative_error for r in rows], rtol=1e-9)
        np.testing.assert_allclose(df[t("gc.col.analytic")], [r.analytic_norm for r in rows], rtol=1e-12)
        np.testing.assert_allclose(df[t("gc.col.numerical")], [r.numerical_norm for r in rows], rtol=1e-9)
    # and every variant at once: the overview says pass or fail as the core does
    overview = at.dataframe[1].value
    assert list(overview[t("gc.col.variant")]) == [t(f"gc.variant.{name}") for name in VARIANTS]
    for k, name in enumerate(VARIANTS):
        passes = results[name].passes()
        assert [overview[p][k] for p in PARAMS] == [t("gc.ok") if passes[p] else t("gc.bad") for p in PARAMS]


def test_the_variant_without_one_over_m_is_named_for_the_gradients_it_changes():
    """It drops dW2's and db2's 1/m (the lecture's dZ2 has none): the selectbox says
    so, in both languages."""
    from shallownet.ui.i18n import texts

    for table in (texts.EN, texts.KO):
        label = table["gc.variant.no_one_over_m"]
        assert "dW2" in label and "db2" in label and "dZ2" not in label
    assert VARIANTS["no_one_over_m"].wrong == ("W2", "b2")
    at = page(0)
    options = at.selectbox(key="gc.variant").options
    assert texts.EN["gc.variant.no_one_over_m"] in options


@pytest.mark.parametrize("activation", ["tanh", "sigmoid", "relu", "leaky_relu", "linear"])
def test_the_one_minus_a_mistake_is_told_for_the_chosen_activation(activation):
    """1 − A1 is tanh′ without its square; the text gives the chosen g1's own g1′
    (the sigmoid's A1 (1 − A1), not tanh's), in both languages."""
    from shallownet.ui.i18n import texts

    for lang, table in (("en", texts.EN), ("ko", texts.KO)):
        at = opened(PAGE)
        at.session_state["lang"] = lang
        at.selectbox(key="setting.activation").set_value(activation).run()
        choose(at, "one_minus_a")
        said = table["gc.mistake.one_minus_a"].format(activation=table[f"activation.{activation}"],
                                                      derivative=table[f"derivative.{activation}"])
        assert said in [m.value for m in at.markdown]
        if activation != "tanh":
            assert f"{table['derivative.tanh']}이므로" not in said and f"is {table['derivative.tanh']}" not in said
    assert [o for o in at.selectbox(key="gc.variant").options if "1 − A1" in o] == [texts.KO["gc.variant.one_minus_a"]]


def test_db1_without_keepdims_names_its_shape(trained):
    at = trained
    choose(at, "db1_no_keepdims")
    assert any("shape (4,) for a parameter of shape (4, 1)" in w.value for w in at.warning)


def test_a_new_networks_tiny_gradient_is_measured_against_the_floor_and_says_so():
    at = page(0)
    choose(at, "correct")
    r = gradcheck.gradient_check(*network(at)[:3], network(at)[3])
    tiny = [row for row in gradcheck.rows(r) if row.floored]
    assert tiny  # b1 of a new network is ~1e-8
    said = t("gc.rounding", tolerance=f"{TOLERANCE:g}",
             below=", ".join(f"{row.name} {row.size:.1e} < {row.floor:.1e}" for row in tiny))
    assert said in [c.value for c in at.caption]


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_pass_the_tolerance_and_the_bars_agree_on_screen(trained, variant):
    """One number decides: the tolerance in the text is the line in the chart, the
    verdict's worst error is below it when it passes, and each bar is green exactly
    when it is below the line (a wrong shape's bar reaches the top, red)."""
    from shallownet.plots import gradient_check as figures

    at = trained
    choose(at, variant)
    assert any(f"tolerance {TOLERANCE:g}." in m.value for m in at.markdown)
    fig = chart(at, "gc.errors")
    line = fig["layout"]["shapes"][0]
    assert line["y0"] == line["y1"] == TOLERANCE
    assert fig["layout"]["annotations"][0]["text"] == t("gc.fig.tolerance", tolerance=f"{TOLERANCE:g}")
    [bars] = fig["data"]
    for name, height, colour in zip(bars["x"], decode(bars["y"]), bars["marker"]["color"]):
        assert (colour == figures.PASS_COLOR) == (height < TOLERANCE), (name, height, colour)
    shown = dict(zip(table(at)[t("gc.col.param")], table(at)[t("gc.col.result")]))
    assert [shown[p] == t("gc.ok") for p in bars["x"]] == [c == figures.PASS_COLOR for c in bars["marker"]["color"]]
    if at.success:
        worst = float(at.success[0].value.rsplit(" ", 1)[-1].rstrip(").").strip())
        assert worst < TOLERANCE


def test_the_relu_kink_section_shows_the_check_failing_at_the_kink():
    at = page(300)
    case = gradcheck.relu_kink(*network(at)[:3])
    failed = [p for p, ok in case.result.passes().items() if not ok]
    assert failed and set(failed) <= {"W1", "b1"}
    assert at.error[-1].value == t("gc.kink.result_fail", params=", ".join(failed))
    assert t("gc.kink.explain", unit=case.unit, example=case.example) in [m.value for m in at.markdown]


def test_the_kinks_relu_prime_of_0_is_backprops_choice_not_the_lectures():
    """The lecture says nothing of relu′(0): the page says what this backprop takes,
    the slope from the left, as core/activations.py computes it."""
    import numpy as np

    from shallownet.core import activations
    from shallownet.ui.i18n import texts

    assert activations.get("relu").dg(np.zeros(1))[0] == 0.0
    assert "relu′(0) = 0" in texts.EN["gc.kink.explain"] and "relu′(0) = 0" in texts.KO["gc.kink.explain"]
    assert "lecture" not in texts.EN["gc.kink.explain"] and "강의" not in texts.KO["gc.kink.explain"]
    assert "from the left" in texts.EN["gc.kink.explain"] and "왼쪽에서의 기울기" in texts.KO["gc.kink.explain"]


@pytest.mark.parametrize("seed, near", [(0, 1), (1, 0)])
def test_a_relu_network_near_its_kink_says_so_next_to_the_verdict(seed, near):
    at = opened(PAGE)
    at.selectbox(key="setting.activation").set_value("relu").run()
    at.number_input(key="setting.seed").set_value(seed).run()
    at.session_state["playground"].step(300)
    at.run()
    assert not at.exception
    p, X, Y, _ = network(at)
    assert gradcheck.near_kink(p, X) == near
    warned = [w.value for w in at.warning if w.value == t("gc.near_kink", n=near)]
    if near:
        assert warned and at.error[0].value.startswith("Fail:")  # the check's fault, and the page says it
    else:
        assert not warned and at.success[0].value.startswith("Pass:")


@pytest.mark.parametrize("activation", ["tanh", "sigmoid"])
def test_zeros_initialisation_has_no_kink_to_show_and_says_why_each_wrong_pass_passes(activation):
    """Zero weights on as many examples of each class: every gradient is 0, so four
    of the five mistakes pass, each for the reason the page gives."""
    at = page(0, init="zeros", activation=activation)
    assert at.warning[-1].value == t("gc.kink.no_w2")
    reasons = {"one_minus_a": "w2_zero", "no_g_prime": "w2_zero", "sign": "zero", "no_one_over_m": "zero"}
    for variant in WRONG:
        choose(at, variant)
        infos = [i.value for i in at.info if i.value.startswith("This wrong backward pass passes")]
        if variant in reasons:
            assert at.success and infos == [t(f"gc.wrong_passes.{reasons[variant]}")], variant
        else:  # db1 without keepdims: its shape is wrong whatever the numbers
            assert not at.success and not infos


def test_a_big_network_checks_quickly():
    at = page(50, n1=64)
    p, X, Y, activation = network(at)
    assert p.W1.shape == (64, 2)
    start = time.thread_time()  # CPU time: a loaded machine does not fail it
    gradcheck.check_variants(p, X, Y, activation)
    gradcheck.relu_kink(p, X, Y)
    gradcheck.near_kink(p, X)
    spent = time.thread_time() - start
    # measured ~0.05 s here; one forward pass per shifted entry (numerical_gradient)
    # would take ~4 s for these 8 checks of 257 parameters
    assert spent < 2.0, spent
    assert at.success[0].value.startswith("Pass:")


# -- the figures -------------------------------------------------------------------------

LABELS = {"title": "t", "y": "relative error", "tolerance": "tolerance", "zero": "0", "shape": "wrong shape"}


def test_the_error_bars_are_coloured_by_pass_and_the_tolerance_sits_on_the_log_axis():
    from shallownet.plots import gradient_check as figures

    errors = {"W1": 3e-3, "b1": 0.0, "W2": 2e-10, "b2": float("nan")}
    passes = {"W1": False, "b1": True, "W2": True, "b2": False}
    fig = figures.errors_figure([("check", errors, passes)], 1e-7, labels=LABELS)
    [bars] = fig.data
    assert list(bars.marker.color) == [figures.FAIL_COLOR, figures.PASS_COLOR, figures.PASS_COLOR, figures.FAIL_COLOR]
    assert list(bars.y) == [3e-3, figures.FLOOR, 2e-10, None]  # 0 on the floor, NaN not drawn
    assert fig.layout.yaxis.type == "log"
    [line] = fig.layout.shapes
    assert line.y0 == line.y1 == 1e-7
    [note] = fig.layout.annotations
    assert note.y == pytest.approx(-7) and note.text == "tolerance"  # a log axis places annotations by exponent
    low, high = fig.layout.yaxis.range
    assert low < -17 and high > np.log10(3e-3)
    fig.to_json()  # no NaN where JSON cannot carry it


def test_two_checks_side_by_side_are_told_apart_in_the_legend():
    from shallownet.plots import gradient_check as figures

    e, ok = {"W1": 1e-3, "b1": 1e-9}, {"W1": False, "b1": True}
    fig = figures.errors_figure([("before", e, ok), ("at the kink", e, ok)], 1e-7, labels=LABELS)
    shown = [tr for tr in fig.data if tr.showlegend is not False]
    assert [tr.name for tr in shown] == ["before", "at the kink"]
    assert shown[0].marker.pattern.shape != shown[1].marker.pattern.shape
    assert {tr.offsetgroup for tr in fig.data} == {"0", "1"}  # a legend entry takes no room among the bars


def test_every_chart_is_drawn_in_the_figures_own_fonts():
    """Streamlit's theme (the default) sets smaller grey tick labels of its own over the
    figure's fonts: every chart is sent without it, as on the other pages."""
    at = page(activation="relu")
    charts = at.get("plotly_chart")
    assert {c.proto.id.rsplit("-", 1)[-1] for c in charts} == {"gc.errors", "gc.kink.picture", "gc.kink.errors"}
    assert [c.proto.theme for c in charts] == ["", "", ""]  # theme=None


def test_the_kinks_labels_are_the_apps_size_and_its_legend_stays_below_the_axis_title():
    from shallownet.plots import gradient_check as figures
    from shallownet.plots.playground import FONT

    fig = figures.kink_figure(labels={"title": "t", "z": "z", "relu": "relu(z)", "secant": "s", "backprop": "b"})
    layout = fig.layout
    # the ε ticks at the app's font size: nothing sets them smaller
    assert layout.font.size == FONT["size"]
    assert layout.xaxis.tickfont.size is None and layout.yaxis.tickfont.size is None
    assert list(layout.xaxis.ticktext) == ["−2ε", "−ε", "0", "ε", "2ε"]
    # the legend sits at the figure's bottom edge, one entry a row, and the bottom margin holds
    # (in plotly's pixels) the tick labels, then the axis title, then the legend's rows
    entries = [tr for tr in fig.data if tr.showlegend is not False]
    assert len(entries) == figures.KINK_LEGEND_ROWS
    legend = layout.legend
    assert (legend.yref, legend.y, legend.yanchor, legend.orientation) == ("container", 0, "bottom", "v")
    ticks = 5 + 1.2 * FONT["size"]
    title = layout.xaxis.title.standoff + 1.35 * FONT["size"]
    rows = len(entries) * 1.8 * legend.font.size
    assert layout.margin.b >= ticks + title + rows
    assert layout.height - layout.margin.t - layout.margin.b >= 200  # the plot keeps its room
