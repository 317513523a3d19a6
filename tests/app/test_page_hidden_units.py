"""The Hidden units page through AppTest: it shows the session's network, whatever its
n1 and data, and every value it shows is the network's."""


import numpy as np
import pytest

from shallownet.core.grid import make_grid
from shallownet.core.settings import PRESETS
from shallownet.formats import untrusted
from shallownet.lecture import hidden_units
from shallownet.plots import hidden_units as figs
from shallownet.ui.i18n import texts
from shallownet.ui.session import Playground
from tests.app.apptest import chart, decode, opened, page_script, run

PAGE = page_script("hidden_units")
GRID_SIZE = 60


def page(playground=None):
    return opened(PAGE, playground=playground)


@pytest.fixture(scope="module")
def flower3():
    """The course assignment's run with n1 = 3, trained 2,000 steps."""
    playground = Playground(PRESETS["course_assignment"].replace(n1=3))
    playground.step(2000)
    return playground


def the_network(at):
    tr = at.session_state["playground"].trainer
    return tr.params, tr.data, tr.settings


def core_units(at):
    p, d, s = the_network(at)
    grid = make_grid(np.hstack([d.X_train, d.X_test]), GRID_SIZE)
    return grid, hidden_units.hidden_units(p, grid, s.activation)


def diagram_values(at) -> dict[str, float]:
    """What hovering the diagram's edges shows: each edge's name and value."""
    [hover] = [t for t in chart(at, "hidden_units.diagram")["data"] if t.get("name") == "weights"]
    return {name: value for name, value in hover["customdata"]}


def params_by_name(p) -> dict[str, float]:
    n1 = p.W1.shape[0]
    values = {f"W1[{i}, {k}]": p.W1[i, k] for i in range(n1) for k in range(2)}
    values |= {f"b1[{i}]": p.b1[i, 0] for i in range(n1)}
    values |= {f"W2[0, {i}]": p.W2[0, i] for i in range(n1)}
    values["b2"] = p.b2[0, 0]
    return values


def test_the_page_shows_each_unit_of_the_current_network():
    at = page()
    p, _, s = the_network(at)
    assert s.n1 == 4
    grid, units = core_units(at)
    fig = chart(at, "hidden_units.activations")
    heatmaps = [t for t in fig["data"] if t["type"] == "heatmap"]
    assert len(heatmaps) == 4
    for trace, u in zip(heatmaps, units):
        np.testing.assert_allclose(decode(trace["z"]), u.activation, rtol=1e-6, atol=1e-7)  # sent as float32
    titles = [a["text"] for a in fig["layout"]["annotations"]]
    assert titles == [f"unit {i} · W2 = {p.W2[0, i]:+.3g}" for i in range(4)]
    # at step 0 the page says the network is untrained, and how it starts
    assert texts.EN["hidden_units.untrained.random"].format(scale="0.01") in [i.value for i in at.info]


@pytest.mark.parametrize("activation, value", [("tanh", "0"), ("sigmoid", "0.5")])
def test_an_untrained_zero_network_is_said_to_start_from_zeros_not_small_random_weights(activation, value):
    """Under zeros every unit is g1(0) everywhere and has no line: the page says so,
    and says nothing of a random start."""
    at = page()
    at.selectbox(key="setting.init").set_value("zeros").run()
    at.selectbox(key="setting.activation").set_value(activation).run()
    assert not at.exception
    p, _, s = the_network(at)
    assert s.init == "zeros" and not any(np.any(w) for w in p)
    infos = [i.value for i in at.info if "not been trained" in i.value]
    assert infos == [texts.EN["hidden_units.untrained.zeros"].format(value=value)]
    assert "random" not in infos[0]
    _, units = core_units(at)
    assert all(u.line is None for u in units) and all(np.all(u.activation == float(value)) for u in units)
    # and the random start is named with its scale
    at.selectbox(key="setting.init").set_value("random").run()
    at.select_slider(key="setting.init_scale").set_value(1.0).run()
    assert texts.EN["hidden_units.untrained.random"].format(scale="1") in [i.value for i in at.info]


def test_the_diagrams_values_are_the_networks_parameters(flower3):
    at = page(flower3)
    p = flower3.trainer.params
    assert not any("not been trained" in i.value for i in at.info)
    shown = diagram_values(at)
    assert shown == params_by_name(p)  # every weight and bias, b2 included, exactly
    assert len(shown) == 3 * 3 + 3 + 1
    # sign by colour, size by width: as the core's edges say
    _, edges = hidden_units.diagram(p)
    lines = [t for t in chart(at, "hidden_units.diagram")["data"]
             if t.get("mode") == "lines" and t.get("showlegend") is False]
    assert len(lines) == len(edges)
    for line, e in zip(lines, edges):
        assert line["line"]["color"] == figs.sign_color(e.weight)
        assert line["line"]["width"] == pytest.approx(max(e.width, 0.6))
    widest = max(edges, key=lambda e: abs(e.weight))
    assert widest.width == hidden_units.MAX_WIDTH


def test_each_units_line_is_drawn_with_its_weight(flower3):
    at = page(flower3)
    grid, units = core_units(at)
    traces = {t["name"]: t for t in chart(at, "hidden_units.lines")["data"]}
    largest = max(abs(u.w2) for u in units)
    for u in units:
        trace = traces[f"unit {u.index}: W2 = {u.w2:+.3g}"]
        (x0, y0), (x1, y1) = u.line
        xs, ys = decode(trace["x"]), decode(trace["y"])
        assert (xs[0], ys[0], xs[-1], ys[-1]) == (x0, y0, x1, y1)
        assert trace["line"]["color"] == figs.sign_color(u.w2)
        assert trace["line"]["width"] == pytest.approx(1 + 6 * abs(u.w2) / largest)
    # the network's boundary is drawn over them
    assert "the network's boundary ŷ = 0.5" in traces


@pytest.mark.parametrize("n1", [1, 2, 3, 20])
def test_the_page_follows_n1_from_the_sidebar(n1):
    at = page()
    run(at.slider(key="setting.n1").set_value(n1))
    p, _, s = the_network(at)
    assert s.n1 == n1 and p.W1.shape == (n1, 2)
    heatmaps = [t for t in chart(at, "hidden_units.activations")["data"] if t["type"] == "heatmap"]
    assert len(heatmaps) == min(n1, figs.MAX_PANELS)
    capped = [i.value for i in at.info if "Showing the first" in i.value]
    assert capped == ([f"Showing the first 16 of the {n1} hidden units; the lines and the diagram show them all."]
                      if n1 > figs.MAX_PANELS else [])
    assert diagram_values(at) == params_by_name(p)
    hidden = [t for t in chart(at, "hidden_units.diagram")["data"] if t.get("mode") == "markers+text"]
    assert sum(len(t["x"]) for t in hidden) == 2 + 1 + n1 + 1 + 1  # x1, x2, bias, units, bias, output
    lines = [t for t in chart(at, "hidden_units.lines")["data"] if t.get("name", "").startswith("unit ")]
    assert len(lines) == sum(u.line is not None for u in core_units(at)[1])


def test_the_page_follows_the_data_set():
    at = page()
    run(at.selectbox(key="setting.dataset").set_value("circles"))
    _, d, s = the_network(at)
    assert s.dataset == "circles"
    fig = chart(at, "hidden_units.lines")
    points = [t for t in fig["data"] if t.get("mode") == "markers"]
    shown = np.hstack([np.vstack([decode(t["x"]), decode(t["y"])]) for t in points])
    assert shown.shape == d.X_train.shape
    assert {tuple(c) for c in shown.T} == {tuple(c) for c in d.X_train.T}
    grid, units = core_units(at)
    assert (fig["layout"]["xaxis"]["range"], fig["layout"]["yaxis"]["range"]) == (
        [grid.xs[0], grid.xs[-1]], [grid.ys[0], grid.ys[-1]])


def test_the_flower_with_one_two_and_three_units_is_explained():
    at = page()
    [why] = [m.value for m in at.markdown if "n1 = 3" in m.value]
    assert "67.5 %" in why and "90.75 %" in why


@pytest.mark.parametrize("n1, steps", [(4, 0), (6, 200), (12, 300)])
def test_every_units_line_has_its_label_on_it_inside_the_plot(n1, steps):
    # at n1 = 6 after 200 steps on the moons unit 1's label, a trace's text, hid under the
    # units' lines drawn after it: the labels are annotations, over every trace
    at = page()
    run(at.slider(key="setting.n1").set_value(n1))
    at.session_state["playground"].step(steps)
    run(at)
    grid, units = core_units(at)
    fig = chart(at, "hidden_units.lines")
    (x_lo, x_hi), (y_lo, y_hi) = fig["layout"]["xaxis"]["range"], fig["layout"]["yaxis"]["range"]
    notes = {a["text"]: a for a in fig["layout"]["annotations"]}
    assert sorted(notes) == sorted(f"<b>{u.index}</b>" for u in units if u.line is not None)
    assert not any(t.get("text") for t in fig["data"])
    span = max(x_hi - x_lo, y_hi - y_lo)
    placed = []
    for u in units:
        a = notes[f"<b>{u.index}</b>"]
        assert (a["xref"], a["yref"]) == ("x", "y")
        assert x_lo <= a["x"] <= x_hi and y_lo <= a["y"] <= y_hi
        assert np.dot(u.w, (a["x"], a["y"])) + u.b == pytest.approx(0, abs=1e-9 * np.linalg.norm(u.w))
        assert a["font"]["color"] == a["bordercolor"] == figs.sign_color(u.w2)
        placed.append((a["x"], a["y"]))
    gaps = [np.hypot(p[0] - q[0], p[1] - q[1]) / span for k, p in enumerate(placed) for q in placed[:k]]
    assert min(gaps) >= figs.LABEL_GAP


def test_a_links_value_is_named_as_that_text_not_as_markdown():
    # activation=__class__ was once shown as a bold "class": the warning shows the value itself
    at = opened(PAGE, activation="__class__")
    [warning] = [w.value for w in at.warning if "activation" in w.value]
    assert untrusted.plain(warning).startswith("The link's activation = __class__ was ignored (one of tanh, ")
    assert untrusted.plain(warning).endswith("); its default is used.")
    assert "__class__" not in warning and r"\_\_class\_\_" in warning  # escaped: no emphasis can begin
    assert the_network(at)[2].activation == "tanh"
