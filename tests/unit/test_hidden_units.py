"""Each hidden unit's activation and line, and the network diagram's data."""

import numpy as np
import pytest

import shallownet as sn
from shallownet.core.grid import make_grid
from shallownet.lecture import hidden_units as hu

BOX = (-2.0, 3.0, -1.0, 1.5)


def on_box_edge(point, box=BOX, tol=1e-9):
    x, y = point
    inside = box[0] - tol <= x <= box[1] + tol and box[2] - tol <= y <= box[3] + tol
    edge = min(abs(x - box[0]), abs(x - box[1]), abs(y - box[2]), abs(y - box[3])) < tol
    return inside and edge


@pytest.mark.parametrize("w, b", [
    ((1.0, 1.0), 0.0), ((0.3, -2.0), 0.5), ((1.0, 0.0), -2.5), ((0.0, 4.0), -2.0), ((-3.0, 0.2), 1.0),
])
def test_a_units_line_is_where_its_pre_activation_is_zero_from_edge_to_edge(w, b):
    line = hu.unit_line(w, b, BOX)
    assert line is not None
    for point in line:
        assert np.dot(w, point) + b == pytest.approx(0.0, abs=1e-12)
        assert on_box_edge(point)
    assert line[0] != line[1]


@pytest.mark.parametrize("w, b", [((0.0, 0.0), 1.0), ((0.0, 0.0), 0.0), ((1.0, 0.0), 5.0), ((1.0, 1.0), 10.0)])
def test_no_line_for_zero_weights_or_a_line_outside_the_box(w, b):
    assert hu.unit_line(w, b, BOX) is None


@pytest.fixture(scope="module")
def units():
    rng = np.random.RandomState(0)
    p = sn.Params(rng.randn(3, 2), rng.randn(3, 1) * 0.3, rng.randn(1, 3), rng.randn(1, 1))
    grid = make_grid(rng.randn(2, 50), n=80)
    return p, grid, hu.hidden_units(p, grid, "tanh")


def test_each_units_activation_over_the_plane_is_g_of_its_pre_activation(units):
    p, grid, us = units
    assert [u.index for u in us] == [0, 1, 2]
    for u in us:
        assert u.activation.shape == (80, 80)
        expected = np.tanh(p.W1[u.index] @ grid.points + p.b1[u.index, 0]).reshape(80, 80)
        np.testing.assert_allclose(u.activation, expected, rtol=1e-12, atol=1e-15)
        assert u.w2 == p.W2[0, u.index] and u.b == p.b1[u.index, 0]


def test_each_units_line_runs_where_its_activation_changes_sign(units):
    _, grid, us = units
    for u in us:
        assert u.line is not None
        (x0, y0), (x1, y1) = u.line
        # along every grid row the line crosses, the activation flips sign within one cell of it
        step = grid.xs[1] - grid.xs[0]
        for j, y in enumerate(grid.ys):
            if min(y0, y1) < y < max(y0, y1) and abs(y1 - y0) > 1e-9:
                x_line = x0 + (y - y0) * (x1 - x0) / (y1 - y0)
                flips = np.flatnonzero(np.diff(np.sign(u.activation[j])) != 0)
                assert flips.size == 1
                assert abs(grid.xs[flips[0]] + step / 2 - x_line) <= step


def test_the_diagram_has_every_weight_and_bias_as_an_edge():
    p = sn.Params(np.array([[1.0, -2.0], [0.5, 0.0], [-4.0, 1.0]]), np.array([[0.25], [-1.0], [0.0]]),
                  np.array([[2.0, -0.5, 3.0]]), np.array([[-1.5]]))
    nodes, edges = hu.diagram(p)
    kinds = [n.kind for n in nodes]
    assert kinds.count("input") == 2 and kinds.count("hidden") == 3 and kinds.count("output") == 1
    assert kinds.count("bias") == 2
    assert len(edges) == 3 * 2 + 3 + 3 + 1
    ids = {n.id: n for n in nodes}
    by_name = {e.name: e for e in edges}
    for i in range(3):
        assert by_name[f"b1[{i}]"].weight == p.b1[i, 0] and ids[by_name[f"b1[{i}]"].source].kind == "bias"
        assert by_name[f"W2[0, {i}]"].weight == p.W2[0, i]
        for k in range(2):
            e = by_name[f"W1[{i}, {k}]"]
            assert e.weight == p.W1[i, k] and ids[e.source].kind == "input" and ids[e.target].kind == "hidden"
    assert by_name["b2"].weight == -1.5 and ids[by_name["b2"].target].kind == "output"
    # sign by value, width in proportion to |w|, the largest |w| (4) the widest
    for e in edges:
        assert e.sign == np.sign(e.weight)
        assert e.width == pytest.approx(hu.MAX_WIDTH * abs(e.weight) / 4.0)
    # layers left to right, each centred
    for layer, x in ((0, 0.0), (1, 1.0), (2, 2.0)):
        ys = [n.y for n in nodes if n.layer == layer]
        assert all(n.x == x for n in nodes if n.layer == layer) and sum(ys) == pytest.approx(0.0)


def test_a_diagram_of_zeros_has_no_width():
    _, edges = hu.diagram(sn.init_params(2, 3, method="zeros"))
    assert all(e.width == 0 and e.sign == 0 for e in edges)


def test_the_output_over_the_plane_is_the_networks_a2(units):
    p, grid, _ = units
    expected = sn.forward(p, grid.points, "tanh").A2.reshape(80, 80)
    np.testing.assert_allclose(hu.output(p, grid, "tanh"), expected, rtol=1e-12)


@pytest.mark.parametrize("activation, value", [
    ("tanh", 0.0), ("sigmoid", 0.5), ("relu", 0.0), ("leaky_relu", 0.0), ("linear", 0.0),
])
def test_a_unit_gives_g_of_0_on_its_line(activation, value):
    assert hu.value_at_zero(activation) == value


# -- the lines chart's labels ----------------------------------------------------------

def lines_chart(units, xs, ys):
    from shallownet.plots import hidden_units as figs

    labels = {"title": "t", "line": "unit {i}: W2 = {w2}", "boundary": "b", "class0": "0", "class1": "1"}
    X, Y = np.zeros((2, 1)), np.zeros((1, 1))
    return figs.unit_lines(xs, ys, units, X, Y, np.zeros((len(ys), len(xs))), labels=labels)


def unit(i, w, b, box, w2=1.0):
    w = np.asarray(w, dtype=float)
    return hu.HiddenUnit(index=i, w=w, b=b, w2=w2, line=hu.unit_line(w, b, box), activation=np.zeros((2, 2)))


def assert_each_label_on_its_line_inside_the_plot(fig, units, xs, ys, gap=None):
    """Every unit whose line crosses the plot has one label (an annotation: over every
    trace), its index, on its line, inside the plot, and no two labels nearer than
    ``gap`` (LABEL_GAP unless given), in sides of the plot."""
    from shallownet.plots import hidden_units as figs

    crossing = [u for u in units if hu.unit_line(u.w, u.b, (xs[0], xs[-1], ys[0], ys[-1])) is not None]
    notes = {a.text: a for a in fig.layout.annotations}
    assert sorted(notes) == sorted(f"<b>{u.index}</b>" for u in crossing)
    assert not any(getattr(tr, "text", None) for tr in fig.data)  # no label is a trace's, under later traces
    span = max(xs[-1] - xs[0], ys[-1] - ys[0])
    points = []
    for u in crossing:
        a = notes[f"<b>{u.index}</b>"]
        assert np.dot(u.w, (a.x, a.y)) + u.b == pytest.approx(0, abs=1e-9 * np.linalg.norm(u.w))
        assert xs[0] + 0.02 * span < a.x < xs[-1] - 0.02 * span or ys[0] + 0.02 * span < a.y < ys[-1] - 0.02 * span
        assert xs[0] <= a.x <= xs[-1] and ys[0] <= a.y <= ys[-1]
        points.append((a.x, a.y))
    gaps = [np.hypot(p[0] - q[0], p[1] - q[1]) / span for k, p in enumerate(points) for q in points[:k]]
    assert min(gaps, default=1.0) >= (figs.LABEL_GAP if gap is None else gap)


def test_every_line_is_labelled_on_its_part_inside_the_plot_even_when_made_on_a_larger_box():
    # the units' lines made on a box five times the plot's: their middles, where a label
    # along the core's line would sit, are mostly outside what the chart shows
    xs, ys = np.linspace(-2.3, 2.3, 60), np.linspace(-2.4, 2.2, 60)
    big = (-12.0, 12.0, -12.0, 12.0)
    units = [unit(0, (3.0, -1.0), 6.5, big), unit(1, (-1.0, 3.0), -0.3, big, w2=-0.5), unit(2, (1.0, 1.0), 0.0, big),
             unit(3, (1.0, 0.0), 8.0, big)]  # unit 3's line, x = -8, is off the plot
    assert all(u.line is not None for u in units)
    fig = lines_chart(units, xs, ys)
    assert_each_label_on_its_line_inside_the_plot(fig, units, xs, ys)
    drawn = [tr for tr in fig.data if tr.name and tr.name.startswith("unit ")]
    assert [tr.name for tr in drawn] == ["unit 0: W2 = +1", "unit 1: W2 = -0.5", "unit 2: W2 = +1"]
    for tr in drawn:  # each line drawn edge to edge of the plot, not of the larger box
        assert min(tr.x) >= xs[0] - 1e-9 and max(tr.x) <= xs[-1] + 1e-9
        assert min(tr.y) >= ys[0] - 1e-9 and max(tr.y) <= ys[-1] + 1e-9


def test_nearly_parallel_lines_through_one_spot_each_get_a_label_of_their_own():
    # as a trained moons network's units often are: lines within a few degrees of one another
    from shallownet.plots import hidden_units as figs

    xs = ys = np.linspace(-2.3, 2.3, 60)
    box = (xs[0], xs[-1], ys[0], ys[-1])

    def fan(n):
        return [unit(i, (np.sin(0.4 + 0.02 * i), -np.cos(0.4 + 0.02 * i)), 0.03 * (i - 6), box, w2=(-1) ** i)
                for i in range(n)]

    assert_each_label_on_its_line_inside_the_plot(lines_chart(fan(10), xs, ys), fan(10), xs, ys)
    # the most that are labelled cannot all keep LABEL_GAP on one narrow band: still apart
    most = fan(figs.MAX_LABELLED_LINES)
    assert_each_label_on_its_line_inside_the_plot(lines_chart(most, xs, ys), most, xs, ys, gap=figs.LABEL_GAP / 2)


def test_above_the_most_labelled_lines_no_line_has_a_label():
    from shallownet.plots import hidden_units as figs

    xs = ys = np.linspace(-2.0, 2.0, 30)
    box = (xs[0], xs[-1], ys[0], ys[-1])
    n = figs.MAX_LABELLED_LINES + 1
    units = [unit(i, (np.cos(i), np.sin(i)), 0.1 * i - 0.8, box) for i in range(n)]
    fig = lines_chart(units, xs, ys)
    assert not fig.layout.annotations
    assert not any(tr.showlegend for tr in fig.data if tr.name and tr.name.startswith("unit "))
