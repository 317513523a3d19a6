"""The Initialisation page through AppTest: zeros against random weights on the
session's data and settings, and the initial scale's saturation; every number shown
is the core's for the same settings."""


import numpy as np
import pytest

from shallownet.core.settings import DEFAULTS
from shallownet.lecture import initialisation
from shallownet.plots import initialisation as figs
from shallownet.ui.i18n import texts
from shallownet.ui.remember import STORE
from shallownet.ui.session import Playground
from tests.app.apptest import chart, decode, opened, page_script, run

PAGE = page_script("initialisation")
SPREAD = texts.EN["initialisation.metric.spread"]


def metrics(at, label):
    return [m.value for m in at.metric if m.label == label]


def session_settings(at):
    return at.session_state["playground"].settings


def core_compare(at, steps):
    playground = at.session_state["playground"]
    return initialisation.compare(playground.settings.replace(init="random"), steps, data=playground.trainer.data)


def test_zeros_keep_the_rows_of_w1_equal_and_random_weights_do_not(at):
    zeros, random = (float(v) for v in metrics(at, SPREAD))
    assert zeros == 0.0
    assert random > 0.1
    runs = core_compare(at, 1000)
    # the numbers shown are the core's, for the session's settings and data
    assert metrics(at, SPREAD) == [f"{runs[m].row_spread:.3g}" for m in ("zeros", "random")]
    assert metrics(at, "Accuracy, train") == [f"{runs[m].acc_train:.1%}" for m in ("zeros", "random")]
    assert metrics(at, "Cost J, train") == [f"{runs[m].costs[-1]:.4f}" for m in ("zeros", "random")]


def test_the_measure_that_reads_0_for_equal_rows_is_named_for_what_it_measures(at):
    """0 under zeros means every unit is the same: the metric is the spread of W1's
    rows, not a "symmetry" that would read 0 for symmetric weights."""
    for lang, table in (("en", texts.EN), ("ko", texts.KO)):
        at.session_state["lang"] = lang
        run(at)
        label, help_ = table["initialisation.metric.spread"], table["initialisation.help.spread"]
        assert "W1" in label and "symmetr" not in label.lower() and "대칭" not in label
        [zeros, random] = [m for m in at.metric if m.label == label]
        assert float(zeros.value) == 0.0 and float(random.value) > 0.1
        assert zeros.proto.help == help_ and "0" in help_


NAMES = {"tanh": r"\btanh", "sigmoid": r"\bsigmoid", "relu": r"(?<![Ll]eaky )ReLU", "leaky_relu": r"[Ll]eaky ReLU",
         "linear": r"\blinear"}


@pytest.mark.parametrize("activation", list(NAMES))
def test_the_initial_scale_is_explained_for_the_chosen_activation(at, activation):
    """Each explanation is its activation's: it names no other one, and its claims
    are the numbers shown (the sigmoid's slope at most 1/4, tanh's near 1)."""
    import re

    run(at.selectbox(key="setting.activation").set_value(activation))
    said = texts.EN[f"initialisation.scale.explain.{activation}"]
    assert said in [m.value for m in at.markdown]
    assert re.search(NAMES[activation], said)
    hidden_layer = said.replace("the output's sigmoid", "")  # the output layer's is always the sigmoid
    assert not [a for a, name in NAMES.items() if a != activation and re.search(name, hidden_layer)]
    assert texts.KO[f"initialisation.scale.explain.{activation}"]
    # the section's title is over every activation's explanation: it claims no saturation
    assert texts.EN["initialisation.section.scale"] in [h.value for h in at.header]
    assert "saturat" not in texts.EN["initialisation.section.scale"] and "포화" not in texts.KO[
        "initialisation.section.scale"]
    mean_dg = float(metrics(at, texts.EN["initialisation.metric.mean_dg"])[0])
    if activation == "sigmoid":
        assert "1/4" in said and mean_dg <= 0.25
    if activation == "tanh":
        assert "close to 1" in said


def test_the_rows_of_w1_shown_are_the_trained_networks(at):
    runs = core_compare(at, 1000)
    fig = chart(at, "initialisation.rows")
    heatmaps = [trace for trace in fig["data"] if trace["type"] == "heatmap"]
    assert len(heatmaps) == 2
    for trace, method in zip(heatmaps, ("zeros", "random")):
        W1 = decode(trace["z"])
        assert W1.shape == (DEFAULTS.n1, 2)
        np.testing.assert_array_equal(W1, runs[method].params.W1)
    assert not decode(heatmaps[0]["z"]).any()  # tanh: zeros stay zeros


def test_the_boundaries_are_those_of_the_two_runs_over_the_sessions_data(at):
    runs = core_compare(at, 1000)
    fig = chart(at, "initialisation.boundaries")
    heatmaps = [trace for trace in fig["data"] if trace["type"] == "heatmap"]
    for trace, method in zip(heatmaps, ("zeros", "random")):
        np.testing.assert_array_equal(decode(trace["z"]), figs.quantize(runs[method].proba))
    # zeros predict 0.5 everywhere, random weights separate the moons
    assert set(np.unique(decode(heatmaps[0]["z"]))) == {128}
    assert decode(heatmaps[1]["z"]).min() < 50 and decode(heatmaps[1]["z"]).max() > 200
    d = at.session_state["playground"].trainer.data
    points = [trace for trace in fig["data"] if trace["type"] == "scatter" and trace.get("mode") == "markers"]
    shown = sum(decode(trace["x"]).size for trace in points)
    assert shown == 2 * (d.X_train.shape[1] + d.X_test.shape[1])  # both panels, every point
    titles = [a["text"] for a in fig["layout"]["annotations"]]
    assert titles == ["Zeros, after 1,000 steps", "Random × 0.01, after 1,000 steps"]


def test_the_steps_slider_trains_that_many_steps(at):
    run(at.slider(key="initialisation.steps").set_value(200))
    runs = core_compare(at, 200)
    assert metrics(at, "Cost J, train") == [f"{runs[m].costs[-1]:.4f}" for m in ("zeros", "random")]
    assert metrics(at, SPREAD) == [f"{runs[m].row_spread:.3g}" for m in ("zeros", "random")]
    assert "after 200 steps" in chart(at, "initialisation.boundaries")["layout"]["annotations"][1]["text"]


def test_with_the_sigmoid_on_equal_classes_the_zero_network_stays_and_the_page_says_why(at):
    run(at.selectbox(key="setting.activation").set_value("sigmoid"))
    assert session_settings(at).activation == "sigmoid"
    W1 = decode([t for t in chart(at, "initialisation.rows")["data"] if t["type"] == "heatmap"][0]["z"])
    assert not np.any(W1)  # the default data has as many points of each class
    zeros, random = (float(v) for v in metrics(at, SPREAD))
    assert zeros == 0 and random > 0.1
    assert any("stationary point" in c.value for c in at.caption)
    run(at.selectbox(key="setting.activation").set_value("tanh"))
    assert not any("stationary point" in c.value for c in at.caption)


def test_one_hidden_unit_has_nothing_to_compare_and_says_so(at):
    run(at.slider(key="setting.n1").set_value(1))
    assert metrics(at, SPREAD) == ["0", "0"]
    assert any("n1 = 1" in i.value for i in at.info)


def test_a_rerun_does_not_train_again(at, monkeypatch):
    store = at.session_state[STORE]
    before = dict(store)

    def refuse(*args, **kwargs):
        raise AssertionError("trained again")

    monkeypatch.setattr(initialisation, "compare", refuse)
    monkeypatch.setattr(initialisation, "saturation", refuse)
    run(at)
    after = at.session_state[STORE]
    assert after.keys() == before.keys() and all(after[k] is before[k] for k in before)


@pytest.mark.parametrize("scale", [0.01, 1.0, 10.0])
def test_the_initial_scale_shows_g1_prime_at_initialisation_and_the_cost(at, scale):
    run(at.select_slider(key="initialisation.scale").set_value(scale))
    playground = at.session_state["playground"]
    (core,) = initialisation.saturation(playground.settings, 1000, (scale,), data=playground.trainer.data)
    assert metrics(at, "Mean g1'(Z1) at initialisation") == [f"{core.mean_dg:.3f}"]
    assert metrics(at, "Cost J at step 0") == [f"{core.costs[0]:.4f}"]
    assert metrics(at, "Cost J after 1,000 steps") == [f"{core.costs[-1]:.4f}"]
    [histogram] = chart(at, "initialisation.histogram")["data"]
    counts, _ = np.histogram(core.dg, bins=figs.BIN_EDGES)
    np.testing.assert_allclose(decode(histogram["y"]), 100 * counts / core.dg.size, rtol=1e-12)
    assert decode(histogram["y"]).sum() == pytest.approx(100)  # every entry in a bin
    curves = {trace["name"]: trace for trace in chart(at, "initialisation.costs")["data"]}
    assert set(curves) == {f"scale {s:g}" for s in {0.01, 0.1, 1.0, 10.0, scale}}
    np.testing.assert_array_equal(decode(curves[f"scale {scale:g}"]["y"]), core.costs)
    assert curves[f"scale {scale:g}"]["line"]["width"] > curves["scale 0.1"]["line"]["width"] or scale == 0.1


def test_a_large_scale_saturates_tanh(at):
    run(at.select_slider(key="initialisation.scale").set_value(0.01))
    small = float(metrics(at, "Mean g1'(Z1) at initialisation")[0])
    run(at.select_slider(key="initialisation.scale").set_value(10.0))
    large = float(metrics(at, "Mean g1'(Z1) at initialisation")[0])
    assert small > 0.99 and large < 0.1


def test_relu_is_said_not_to_saturate(at):
    run(at.selectbox(key="setting.activation").set_value("relu"))
    assert any("does not saturate" in i.value for i in at.info)


def test_a_diverging_run_is_reported_and_the_page_stays(at):
    run(at.selectbox(key="setting.activation").set_value("linear"))
    run(at.select_slider(key="setting.alpha").set_value(10.0))
    runs = core_compare(at, 1000)
    assert runs["random"].divergence is not None
    assert any(f"step {runs['random'].divergence.step:,}" in w.value for w in at.warning)
    assert len(at.get("plotly_chart")) == 4


def test_a_large_network_trains_fewer_steps_and_says_so():
    at = opened(PAGE, playground=Playground(DEFAULTS.replace(n1=64, m=2000)))
    steps = initialisation.step_limit(session_settings(at).replace(init="random"), 2, 1000)
    assert steps < 1000
    assert any(f"trains {steps:,} steps instead of 1,000" in i.value for i in at.info)
    assert f"after {steps:,} steps" in chart(at, "initialisation.boundaries")["layout"]["annotations"][0]["text"]
    W1 = [t for t in chart(at, "initialisation.rows")["data"] if t["type"] == "heatmap"][1]["z"]
    assert decode(W1).shape == (64, 2)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_pages_scale_slider_is_told_apart_from_the_sidebars(lang):
    at = run(opened(lang=lang).switch_page("pages/initialisation.py"))  # through app.py, which sets the language
    table = texts.TABLES[lang]
    page_scale, sidebar_scale = at.select_slider(key="initialisation.scale"), at.select_slider(key="setting.init_scale")
    assert page_scale.label == table["initialisation.scale"] != sidebar_scale.label == table["setting.init_scale"]
    # no two of the page's widgets, sidebar included, share a name
    labels = [w.label for kind in ("slider", "select_slider", "selectbox", "toggle", "radio", "number_input",
                                   "button", "checkbox") for w in getattr(at, kind)]
    assert len(labels) == len(set(labels)), labels
    # the page's help names the sidebar's slider, with its value, as another setting
    def help_with(value):
        return table["initialisation.help.scale"].format(setting=table["setting.init_scale"], value=value)

    assert page_scale.help == help_with("0.01") and f"“{table['setting.init_scale']}”" in page_scale.help
    run(at.select_slider(key="setting.init_scale").set_value(0.1))
    assert at.select_slider(key="initialisation.scale").help == help_with("0.1")
