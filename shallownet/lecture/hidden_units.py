"""What each hidden unit does: its activation over the plane, its line, and the
network drawn as a diagram.

Hidden unit i computes a1_i = g1(W1[i] . x + b1[i]): a ridge across the plane whose
middle is the line W1[i] . x + b1[i] = 0. The output unit adds the n1 ridges with the
weights W2 and the bias b2 and cuts the sum at 0, so the boundary is built from at
most n1 such lines: one or two lines cannot enclose the flower's petals, three can.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from shallownet.core import activations
from shallownet.core.grid import Grid
from shallownet.core.network import Params, forward

# the widest edge of the diagram, for the largest |weight|
MAX_WIDTH = 8.0

Point = tuple[float, float]


class HiddenUnit(NamedTuple):
    """Hidden unit ``index``: its weights w = W1[i] (2,), bias b = b1[i], outgoing
    weight w2 = W2[i], its line W1[i] . x + b1[i] = 0 clipped to the grid's box (two
    end points, or None when W1[i] is 0 or the line misses the box) and its
    activation over the grid as an image (len(ys), len(xs))."""

    index: int
    w: np.ndarray
    b: float
    w2: float
    line: tuple[Point, Point] | None
    activation: np.ndarray


class Node(NamedTuple):
    """A node of the diagram: ``kind`` is "input", "hidden", "output" or "bias" (the
    constant 1 each bias multiplies); (x, y) its position, layer by layer from left
    to right, each layer centred on y = 0."""

    id: str
    kind: str
    layer: int
    label: str
    x: float
    y: float


class Edge(NamedTuple):
    """An edge from ``source`` to ``target`` carrying ``weight`` (named ``name``, e.g.
    "W1[2, 0]" or "b2"), its sign (+1, -1 or 0) and a width in proportion to |weight|,
    MAX_WIDTH for the largest |weight| in the network."""

    source: str
    target: str
    name: str
    weight: float
    sign: int
    width: float


def unit_line(w, b: float, box) -> tuple[Point, Point] | None:
    """The part of the line w . x + b = 0 inside box = (x_min, x_max, y_min, y_max),
    as its two end points; None when w = 0 (no line) or the line misses the box.

    The line is p0 + t d with p0 = -b w / |w|^2, its point nearest the origin, and
    d = (-w_y, w_x) along it; t is clipped to the box one axis at a time (Liang-Barsky).
    """
    w = np.asarray(w, dtype=float)
    norm2 = float(w @ w)
    if norm2 == 0:
        return None
    p0 = -b * w / norm2
    d = np.array([-w[1], w[0]])
    lo_t, hi_t = -np.inf, np.inf
    for k, (lo, hi) in enumerate(((box[0], box[1]), (box[2], box[3]))):
        if d[k] == 0:
            if not lo <= p0[k] <= hi:
                return None
            continue
        t1, t2 = sorted(((lo - p0[k]) / d[k], (hi - p0[k]) / d[k]))
        lo_t, hi_t = max(lo_t, t1), min(hi_t, t2)
    if lo_t > hi_t:
        return None
    start, end = p0 + lo_t * d, p0 + hi_t * d
    return (float(start[0]), float(start[1])), (float(end[0]), float(end[1]))


def grid_box(grid: Grid) -> tuple[float, float, float, float]:
    return float(grid.xs[0]), float(grid.xs[-1]), float(grid.ys[0]), float(grid.ys[-1])


def hidden_units(p: Params, grid: Grid, activation: str = "tanh") -> list[HiddenUnit]:
    """Every hidden unit: its weights, its line and its activation over the grid."""
    A1 = grid.image(forward(p, grid.points, activation).A1)
    box = grid_box(grid)
    return [
        HiddenUnit(
            index=i, w=p.W1[i].copy(), b=float(p.b1[i, 0]), w2=float(p.W2[0, i]),
            line=unit_line(p.W1[i], float(p.b1[i, 0]), box), activation=A1[i],
        )
        for i in range(p.W1.shape[0])
    ]


def output(p: Params, grid: Grid, activation: str = "tanh") -> np.ndarray:
    """A2 = y-hat of the whole network over the grid, as an image (len(ys), len(xs)):
    the units' lines are the pieces its 0.5 line is built from."""
    with np.errstate(over="ignore", invalid="ignore"):
        return grid.image(forward(p, grid.points, activation).A2[0])


def value_at_zero(activation: str) -> float:
    """g1(0): what a unit gives on its own line (0 for tanh and ReLU, 1/2 for the
    sigmoid), the middle of a colour scale for the units' activations."""
    return float(activations.get(activation).g(np.zeros(1))[0])


def _column(kinds_labels, layer: int, x: float, id_prefix: str) -> list[Node]:
    n = len(kinds_labels)
    return [
        Node(f"{id_prefix}{j}", kind, layer, label, x, (n - 1) / 2 - j)
        for j, (kind, label) in enumerate(kinds_labels)
    ]


def diagram(p: Params) -> tuple[list[Node], list[Edge]]:
    """The network as nodes and edges: inputs x1, x2 and a bias node at x = 0, the n1
    hidden units and a bias node at x = 1, the output at x = 2; an edge for every
    weight and every bias (b1[i] from the first bias node to hidden unit i, b2 from
    the second to the output)."""
    n1, n0 = p.W1.shape
    inputs = _column([("input", f"x{k + 1}") for k in range(n0)] + [("bias", "1")], 0, 0.0, "in")
    hidden = _column([("hidden", f"a1[{i}]") for i in range(n1)] + [("bias", "1")], 1, 1.0, "h")
    output = _column([("output", "a2")], 2, 2.0, "out")
    bias0, bias1, out = inputs[-1].id, hidden[-1].id, output[0].id
    raw = []
    for i in range(n1):
        for k in range(n0):
            raw.append((inputs[k].id, hidden[i].id, f"W1[{i}, {k}]", p.W1[i, k]))
        raw.append((bias0, hidden[i].id, f"b1[{i}]", p.b1[i, 0]))
    for i in range(n1):
        raw.append((hidden[i].id, out, f"W2[0, {i}]", p.W2[0, i]))
    raw.append((bias1, out, "b2", p.b2[0, 0]))
    largest = max(abs(float(r[3])) for r in raw)
    edges = [
        Edge(src, dst, name, float(w), int(np.sign(w)), MAX_WIDTH * abs(float(w)) / largest if largest else 0.0)
        for src, dst, name, w in raw
    ]
    return inputs + hidden + output, edges
