"""Figures of the hidden-layer size page: each size's decision boundary as small
multiples, accuracy against n1 with the logistic-regression baseline, and the cost
curves of several learning rates on one chart.

Pure functions of arrays; the texts come in as arguments (``labels``).
"""

from __future__ import annotations

import math

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from shallownet.core.grid import level_segments
from shallownet.plots import class_points
from shallownet.plots.playground import (
    BOUNDARY_COLOR,
    CLASS_COLORS,
    FONT,
    PROBA_COLORSCALE,
    TEST_COLOR,
    quantize,
    segments_to_lines,
)

COLUMNS = 4  # small multiples a row
PANEL_HEIGHT = 200  # pixels a row of small multiples (a panel is ~180 px wide at 1280 x 720)
TITLE_ROOM = 50  # pixels above each row for its panels' titles (two lines)
BASELINE_COLOR = "#9334E6"
# one colour a learning rate, in the order they are given (cycled beyond eight)
ALPHA_COLORS = ("#1967D2", "#1E8E3E", "#E8710A", "#D93025", "#9334E6", "#00838F", "#795548", "#202124")

def _class_points(X, Y, hollow, showlegend, names):
    return class_points(X, Y, hollow, showlegend, names, size=4)



def boundaries_figure(xs, ys, panels, X_train, Y_train, X_test, Y_test, *, labels: dict) -> go.Figure:
    """Small multiples, ``COLUMNS`` a row: for each (title, P) in ``panels``, P = A2
    over the grid (len(ys), len(xs)) as a heatmap, its 0.5 line, and the points
    (training filled, test hollow), on the same square axes.

    ``labels``: "boundary", "train_class0", "train_class1", "test_class0",
    "test_class1"."""
    n = len(panels)
    rows = max(1, math.ceil(n / COLUMNS))
    cols = min(max(n, 1), COLUMNS)
    height = PANEL_HEIGHT * rows + TITLE_ROOM * rows + 40
    fig = make_subplots(rows=rows, cols=cols, subplot_titles=[title for title, _ in panels],
                        horizontal_spacing=0.03, vertical_spacing=TITLE_ROOM / height if rows > 1 else 0)
    has_test = X_test.shape[1] > 0
    for k, (_, P) in enumerate(panels):
        row, col = k // cols + 1, k % cols + 1
        first = k == 0
        fig.add_trace(go.Heatmap(x=xs, y=ys, z=quantize(P), zmin=0, zmax=255, colorscale=PROBA_COLORSCALE,
                                 showscale=False, hoverinfo="skip", zsmooth="fast"), row=row, col=col)
        lx, ly = segments_to_lines(level_segments(xs, ys, P, 0.5))
        fig.add_trace(go.Scatter(x=lx, y=ly, mode="lines", line=dict(color=BOUNDARY_COLOR, width=2),
                                 name=labels["boundary"], legendgroup="boundary", showlegend=first,
                                 hoverinfo="skip", connectgaps=False), row=row, col=col)
        traces = _class_points(X_train, Y_train, False, first, (labels["train_class0"], labels["train_class1"]))
        if has_test:
            traces += _class_points(X_test, Y_test, True, first, (labels["test_class0"], labels["test_class1"]))
        for trace in traces:
            fig.add_trace(trace, row=row, col=col)
    axis = dict(showticklabels=False, ticks="", showgrid=False, zeroline=False, mirror=True, showline=True,
                linecolor="#5F6368", constrain="domain")
    fig.update_xaxes(axis, range=[float(xs[0]), float(xs[-1])])
    # a square panel in a taller cell sits at the cell's top, under its title
    fig.update_yaxes(axis, range=[float(ys[0]), float(ys[-1])], constraintoward="top")
    for k in range(n):
        # each panel square: its y axis follows its own x axis
        suffix = "" if k == 0 else str(k + 1)
        fig.layout[f"yaxis{suffix}"].scaleanchor = f"x{suffix}"
    fig.update_annotations(font=dict(size=14))
    fig.update_layout(
        height=height, font=FONT, margin=dict(l=10, r=10, t=TITLE_ROOM + 30, b=10),
        paper_bgcolor="#FFFFFF", plot_bgcolor="#FFFFFF",
        # the legend above the first row's titles
        legend=dict(orientation="h", yanchor="top", y=1.0, yref="container", xanchor="left", x=0,
                    font=dict(size=13)),
    )
    return fig


def accuracy_figure(sizes, acc_train, acc_test, baseline_train, baseline_test, published=None, *,
                    labels: dict) -> go.Figure:
    """Accuracy (percent) against n1, one point a size on a category axis (so 1 to 5
    and 50 are equally readable): training, test (None without a test set), the
    published numbers where there are some (None each where not), and the
    logistic-regression baseline as horizontal lines.

    ``labels``: "title", "n1", "accuracy", "train", "test", "published",
    "baseline_train", "baseline_test"."""
    x = [str(n) for n in sizes]
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=x, y=list(acc_train), mode="lines+markers", name=labels["train"],
                             line=dict(color=BOUNDARY_COLOR, width=2.5), marker=dict(size=8),
                             hovertemplate="n1 = %{x}: %{y:.2f} %<extra>" + labels["train"] + "</extra>"))
    if acc_test is not None:
        fig.add_trace(go.Scatter(x=x, y=list(acc_test), mode="lines+markers", name=labels["test"],
                                 line=dict(color=TEST_COLOR, width=2.5, dash="dash"), marker=dict(size=8),
                                 hovertemplate="n1 = %{x}: %{y:.2f} %<extra>" + labels["test"] + "</extra>"))
    if published is not None and any(p is not None for p in published):
        fig.add_trace(go.Scatter(
            x=[xi for xi, p in zip(x, published) if p is not None], y=[p for p in published if p is not None],
            mode="markers", name=labels["published"],
            marker=dict(size=15, symbol="diamond-open", color=CLASS_COLORS[0], line=dict(width=2.5)),
            hovertemplate="n1 = %{x}: %{y:.2f} %<extra>" + labels["published"] + "</extra>"))
    # the baseline as horizontal lines, drawn as traces so that they are in the legend
    ends = [x[0], x[-1]] if x else []
    fig.add_trace(go.Scatter(x=ends, y=[baseline_train] * len(ends), mode="lines", name=labels["baseline_train"],
                             line=dict(color=BASELINE_COLOR, width=2, dash="dot"),
                             hovertemplate="%{y:.2f} %<extra>" + labels["baseline_train"] + "</extra>"))
    if baseline_test is not None:
        fig.add_trace(go.Scatter(x=ends, y=[baseline_test] * len(ends), mode="lines",
                                 name=labels["baseline_test"],
                                 line=dict(color=BASELINE_COLOR, width=2, dash="dashdot"),
                                 hovertemplate="%{y:.2f} %<extra>" + labels["baseline_test"] + "</extra>"))
    values = [v for v in [*acc_train, *(acc_test or []), *(p for p in (published or []) if p is not None),
                          baseline_train, baseline_test] if v is not None]
    low = min(values, default=0.0)
    fig.update_layout(
        title=dict(text=labels["title"], x=0.02, font=dict(size=18)), font=FONT, height=420,
        margin=dict(l=60, r=20, t=50, b=20), paper_bgcolor="#FFFFFF", plot_bgcolor="#FFFFFF",
        xaxis=dict(title=dict(text=labels["n1"], standoff=6), type="category", gridcolor="#E8EAED",
                   automargin=True),
        yaxis=dict(title=dict(text=labels["accuracy"]), range=[max(0.0, 5 * math.floor(low / 5) - 5), 101],
                   ticksuffix=" %", gridcolor="#E8EAED", zeroline=False),
        # below the axis title, out of its way
        legend=dict(orientation="h", yanchor="bottom", y=0, yref="container", xanchor="left", x=0,
                    font=dict(size=13)),
    )
    return fig


def alpha_figure(runs, *, log: bool, labels: dict) -> go.Figure:
    """The cost J per step of each learning rate, on one chart. ``runs`` is a list of
    (alpha, steps, costs, diverged_at), diverged_at the step at which training
    stopped (None if it did not): its curve ends there, marked with a cross.

    ``labels``: "title", "step", "cost", "alpha" (a format with {alpha}),
    "diverged" (a format with {alpha} and {step})."""
    fig = go.Figure()
    for k, (alpha, steps, costs, diverged_at) in enumerate(runs):
        color = ALPHA_COLORS[k % len(ALPHA_COLORS)]
        name = labels["alpha"].format(alpha=f"{alpha:g}")
        if diverged_at is not None:
            name = labels["diverged"].format(alpha=f"{alpha:g}", step=f"{diverged_at:,}")
        fig.add_trace(go.Scatter(x=np.asarray(steps), y=np.asarray(costs), mode="lines", name=name,
                                 legendgroup=name, line=dict(color=color, width=2.5),
                                 hovertemplate=labels["step"] + " %{x}: J = %{y:.4g}<extra>" + name + "</extra>"))
        if diverged_at is not None and len(steps):
            fig.add_trace(go.Scatter(x=[steps[-1]], y=[costs[-1]], mode="markers", legendgroup=name,
                                     showlegend=False, marker=dict(symbol="x", size=12, color=color),
                                     hoverinfo="skip"))
    fig.update_layout(
        title=dict(text=labels["title"], x=0.02, font=dict(size=18)), font=FONT, height=400,
        margin=dict(l=60, r=20, t=50, b=50), paper_bgcolor="#FFFFFF", plot_bgcolor="#FFFFFF",
        xaxis=dict(title=dict(text=labels["step"]), rangemode="tozero", gridcolor="#E8EAED", zeroline=False),
        yaxis=dict(title=dict(text=labels["cost"]), type="log" if log else "linear", gridcolor="#E8EAED",
                   zeroline=False, exponentformat="power"),
        legend=dict(orientation="v", yanchor="top", y=1, xanchor="left", x=1.01, font=dict(size=13)),
    )
    return fig
