"""The hidden-layer size page through AppTest: the sweep's table and figures equal the
core's for the session's settings, the Assignment button reproduces the course's
table, the alpha overlay's curves are the core's, results are kept and not trained
twice, stale results say so, and too much work is refused."""

import json

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from shallownet.core import assignment
from shallownet.core.settings import DEFAULTS
from shallownet.lecture import hidden_layer_size as sweep
from shallownet.ui.i18n.texts import t
from tests.app.apptest import decode, opened, page_script

PAGE = page_script("hidden_layer_size")
# the course assignment's table: training accuracy (%) after 5,000 steps, n1 = 1 to 5
PUBLISHED = [67.5, 67.25, 90.75, 90.5, 91.25]


def page() -> AppTest:
    return opened(PAGE, timeout=120)


def press(at, key):
    at.button(key=key).click().run()
    assert not at.exception


def table(at):
    [frame] = at.dataframe
    return frame.value


def charts(at) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def values(v):
    """A plotly trace's array as numbers (plotly sends numpy arrays as typed arrays)."""
    return decode(v) if isinstance(v, dict) else np.asarray(v, dtype=float)


def settings_of(at):
    return at.session_state["playground"].settings


@pytest.fixture(scope="module")
def default_sweep():
    """The page after "Train these sizes" at its defaults, and the core's sweep for
    the session's settings."""
    at = page()
    assert at.multiselect(key="size.sizes").value == list(sweep.SIZES)
    assert at.number_input(key="size.steps").value == sweep.STEPS
    press(at, "size.train")
    return at, sweep.hidden_sizes(settings_of(at), sweep.SIZES, sweep.STEPS)


@pytest.fixture(scope="module")
def replayed():
    at = page()
    press(at, "size.assignment")
    return at


def test_the_page_loads_with_its_controls_and_no_results():
    at = page()
    assert at.title[0].value == t("page.hidden_layer_size")
    for key in ("size.train", "size.assignment", "size.run_alphas"):
        assert not at.button(key=key).disabled
    assert not at.dataframe and not at.get("plotly_chart")
    assert settings_of(at) == DEFAULTS


def test_the_default_sweeps_accuracies_are_the_cores(default_sweep):
    at, core = default_sweep
    frame = table(at)
    rows = sweep.table(core)
    assert frame[t("size.col.model")].tolist() == [f"n1 = {n}" for n in sweep.SIZES] + [t("size.row.baseline")]
    assert frame[t("size.col.train")].tolist() == [r.acc_train for r in rows]
    assert frame[t("size.col.test")].tolist() == [r.acc_test for r in rows]
    assert frame[t("size.col.cost")].tolist()[:-1] == [r.cost_train for r in core.results]
    assert frame[t("size.col.steps")].tolist()[:-1] == [sweep.STEPS] * len(sweep.SIZES)
    # the accuracies are the trained networks' (percent of the core's fractions)
    assert [r.acc_train for r in rows[:-1]] == [round(100 * r.acc_train, 2) for r in core.results]
    assert t("size.col.published") not in frame.columns


def test_the_default_sweeps_figures_are_the_cores(default_sweep):
    at, core = default_sweep
    accuracy, boundaries = charts(at)[:2]
    train, test, base_train, base_test = accuracy["data"]
    assert train["x"] == [str(n) for n in sweep.SIZES]
    np.testing.assert_array_equal(values(train["y"]), [round(100 * r.acc_train, 2) for r in core.results])
    np.testing.assert_array_equal(values(test["y"]), [round(100 * r.acc_test, 2) for r in core.results])
    # the logistic-regression baseline as horizontal lines
    assert set(values(base_train["y"])) == {round(100 * core.baseline.acc_train, 2)}
    assert set(values(base_test["y"])) == {round(100 * core.baseline.acc_test, 2)}
    # one small multiple a size and one for the baseline, each A2 over the grid
    heatmaps = [d for d in boundaries["data"] if d["type"] == "heatmap"]
    assert len(heatmaps) == len(sweep.SIZES) + 1
    for heatmap, proba in zip(heatmaps, [r.proba for r in core.results] + [core.baseline.proba]):
        np.testing.assert_array_equal(values(heatmap["z"]), np.rint(proba * 255))
    titles = [a["text"] for a in boundaries["layout"]["annotations"]]
    r = core.results[2]
    assert titles[2] == t("size.panel.test", n1=3, train=f"{100 * r.acc_train:g}", test=f"{100 * r.acc_test:g}")
    assert titles[-1] == t("size.panel.baseline.test", train=f"{100 * core.baseline.acc_train:g}",
                           test=f"{100 * core.baseline.acc_test:g}")


def test_results_are_kept_and_a_rerun_does_not_train_again(default_sweep, monkeypatch):
    at, _ = default_sweep
    before = table(at)

    def refuse(*args, **kwargs):
        raise AssertionError("trained again")

    monkeypatch.setattr(sweep, "hidden_sizes", refuse)
    at.run()
    assert not at.exception
    assert table(at).equals(before)
    press(at, "size.train")  # the same request: shown from the session, not trained
    assert table(at).equals(before)
    assert not at.warning


def test_the_assignment_button_reproduces_the_published_table(replayed):
    frame = table(replayed)
    train = frame[t("size.col.train")].tolist()
    assert train[:5] == PUBLISHED
    assert frame[t("size.col.published")].tolist()[:5] == PUBLISHED
    assert frame[t("size.col.model")].tolist() == [f"n1 = {n}" for n in (1, 2, 3, 4, 5, 20, 50)] + [
        t("size.row.baseline")]
    assert t("size.col.test") not in frame.columns  # all 400 points are for training
    assert frame[t("size.col.steps")].tolist()[:-1] == [assignment.TABLE_STEPS] * 7
    assert train[-1] == 47.0  # logistic regression on the flower, as the course prints it
    assert [s.value for s in replayed.success] == [t("size.matches")]
    # the published numbers on the chart, next to the replayed ones
    accuracy = charts(replayed)[0]
    published = [d for d in accuracy["data"] if d["name"] == t("size.fig.published")]
    np.testing.assert_array_equal(values(published[0]["y"]), PUBLISHED)
    assert "assignment" in replayed.caption[1].value.lower()


def test_the_assignment_replay_is_kept_and_shown_again_without_training(replayed, monkeypatch):
    monkeypatch.setattr(sweep, "assignment_sweep", lambda *a, **k: pytest.fail("trained again"))
    press(replayed, "size.assignment")
    assert table(replayed)[t("size.col.train")].tolist()[:5] == PUBLISHED


def test_an_edited_sweep_is_the_cores_and_says_when_the_settings_changed():
    at = page()
    at.multiselect(key="size.sizes").set_value([6, 2]).run()
    at.number_input(key="size.steps").set_value(300).run()
    press(at, "size.train")
    core = sweep.hidden_sizes(settings_of(at), (2, 6), 300)
    frame = table(at)
    assert frame[t("size.col.train")].tolist() == [r.acc_train for r in sweep.table(core)]
    assert frame[t("size.col.steps")].tolist()[:-1] == [300, 300]
    assert not at.warning
    # n1 is what the sweep varies: changing it leaves the results current
    at.slider(key="setting.n1").set_value(7).run()
    assert not at.warning
    # another alpha makes them another settings' results, and the page says which
    at.select_slider(key="setting.alpha").set_value(0.1).run()
    assert not at.exception
    [warning] = at.warning
    assert warning.value == t("size.stale", what=t("setting.alpha"))
    assert frame.equals(table(at))  # still shown, with their caption
    assert "α = 1.2" in at.caption[1].value


def test_too_much_work_is_refused_with_a_message_that_names_it():
    at = page()
    at.number_input(key="size.steps").set_value(50_000).run()
    assert not at.exception
    work = sum(sweep.SIZES) * DEFAULTS.m * 50_000
    [warning] = at.warning
    assert warning.value == t("size.too_much", what=t("size.what.sweep"), work=f"{work:,}",
                              limit=f"{sweep.MAX_WORK:,}")
    assert at.button(key="size.train").disabled
    # the assignment's own work is fixed and within the limit
    assert not at.button(key="size.assignment").disabled


def test_no_sizes_is_refused():
    at = page()
    at.multiselect(key="size.sizes").set_value([]).run()
    assert not at.exception
    assert [w.value for w in at.warning] == [t("size.no_sizes")]
    assert at.button(key="size.train").disabled


def test_the_alpha_overlay_shows_the_cores_curves_from_the_same_start():
    at = page()
    assert at.multiselect(key="size.alphas").value == list(sweep.ALPHAS)
    at.number_input(key="size.alpha_steps").set_value(500).run()
    press(at, "size.run_alphas")
    core = sweep.alpha_overlay(settings_of(at), sweep.ALPHAS, 500)
    [chart] = charts(at)
    curves = [d for d in chart["data"] if d["mode"] == "lines"]
    assert [c["name"] for c in curves[:3]] == ["α = 0.01", "α = 0.1", "α = 1.2"]
    for curve, run in zip(curves, core):
        np.testing.assert_array_equal(values(curve["x"]), run.steps)
        np.testing.assert_array_equal(values(curve["y"]), run.costs)
    assert len({float(values(c["y"])[0]) for c in curves}) == 1  # the same initial weights
    assert chart["layout"]["yaxis"]["type"] == "linear"
    at.toggle(key="size.alpha_log").set_value(True).run()
    assert charts(at)[0]["layout"]["yaxis"]["type"] == "log"


def test_the_alpha_overlay_refuses_too_much_work():
    at = page()
    at.number_input(key="size.alpha_steps").set_value(50_000).run()
    at.multiselect(key="size.alphas").set_value([0.01, 0.1, 1.2, 2.2, 4.7, 6.8, 10.0]).run()
    assert not at.exception
    work = DEFAULTS.n1 * DEFAULTS.m * 50_000 * 7
    assert [w.value for w in at.warning] == [
        t("size.too_much", what=t("size.what.alphas"), work=f"{work:,}", limit=f"{sweep.MAX_WORK:,}")]
    assert at.button(key="size.run_alphas").disabled
