"""Figures of the initialisation page: the boundaries of zeros and random weights side
by side, the rows of W1 of each, the histogram of g1'(Z1) at initialisation and the
cost curves of several initial scales.

Pure functions of arrays; the texts come in as arguments (``labels``).
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from shallownet.core.grid import level_segments
from shallownet.plots import class_points
from shallownet.plots.hidden_units import DIVERGING_COLORSCALE
from shallownet.plots.playground import BOUNDARY_COLOR, FONT, PROBA_COLORSCALE, quantize, segments_to_lines

# weights: negative purple, 0 white, positive green, as on the hidden-units page
WEIGHT_COLORSCALE = DIVERGING_COLORSCALE
# one colour an initial scale, from small (light) to large (dark)
SCALE_COLORS = ("#9ECAE1", "#4292C6", "#2171B5", "#08519C", "#08306B", "#D94801")
HIGHLIGHT_COLOR = "#D94801"
MAX_ANNOTATED_ROWS = 16  # above this many hidden units, the W1 heatmap's cells carry no numbers
_AXIS = dict(showgrid=False, zeroline=False, mirror=True, showline=True, linecolor="#5F6368")

def _class_points(X, Y, hollow, showlegend, names):
    return class_points(X, Y, hollow, showlegend, names, size=5)



def boundaries(xs, ys, panels, X_train, Y_train, X_test, Y_test, *, labels: dict) -> go.Figure:
    """Side by side, for each (title, P) in ``panels``: P = A2 over the grid (len(ys),
    len(xs)) as a heatmap, its 0.5 line and the points (training filled, test
    hollow), on the same square axes, as on the Playground.

    ``labels``: "boundary", "train_class0", "train_class1", "test_class0", "test_class1"."""
    n = len(panels)
    fig = make_subplots(rows=1, cols=n, subplot_titles=[title for title, _ in panels], horizontal_spacing=0.04)
    has_test = X_test.shape[1] > 0
    for k, (_, P) in enumerate(panels):
        first, col = k == 0, k + 1
        fig.add_trace(go.Heatmap(x=xs, y=ys, z=quantize(P), zmin=0, zmax=255, colorscale=PROBA_COLORSCALE,
                                 showscale=False, hoverinfo="skip", zsmooth="fast"), row=1, col=col)
        lx, ly = segments_to_lines(level_segments(xs, ys, P, 0.5))
        fig.add_trace(go.Scatter(x=lx, y=ly, mode="lines", line=dict(color=BOUNDARY_COLOR, width=2.5),
                                 name=labels["boundary"], legendgroup="boundary", showlegend=first,
                                 hoverinfo="skip", connectgaps=False), row=1, col=col)
        traces = _class_points(X_train, Y_train, False, first, (labels["train_class0"], labels["train_class1"]))
        if has_test:
            traces += _class_points(X_test, Y_test, True, first, (labels["test_class0"], labels["test_class1"]))
        for trace in traces:
            fig.add_trace(trace, row=1, col=col)
    fig.update_xaxes(_AXIS, range=[float(xs[0]), float(xs[-1])], constrain="domain", title_text="x₁")
    fig.update_yaxes(_AXIS, range=[float(ys[0]), float(ys[-1])], constrain="domain")
    fig.update_yaxes(title_text="x₂", col=1)
    for k in range(n):
        suffix = "" if k == 0 else str(k + 1)
        fig.layout[f"yaxis{suffix}"].scaleanchor = f"x{suffix}"  # each panel square
    fig.update_annotations(font=dict(size=16))
    fig.update_layout(
        height=450, font=FONT, margin=dict(l=50, r=10, t=40, b=70),
        paper_bgcolor="#FFFFFF", plot_bgcolor="#FFFFFF",
        legend=dict(orientation="h", yanchor="top", y=-0.2, xanchor="center", x=0.5, font=dict(size=13)),
    )
    return fig


def w1_rows(panels, *, labels: dict) -> go.Figure:
    """The rows of W1, one heatmap per (title, W1) in ``panels``: a row per hidden
    unit, a column per input, on one colour scale centred on 0 (shared, so that a
    W1 of zeros is white next to a random one); each cell carries its value when
    there are at most MAX_ANNOTATED_ROWS units.

    ``labels``: "unit" (with {i}), "inputs" (a name per column), "value"."""
    n = len(panels)
    n1 = panels[0][1].shape[0]
    largest = max(float(np.max(np.abs(W1))) for _, W1 in panels) if n1 else 0.0
    zmax = largest if largest > 0 else 1.0
    units = [labels["unit"].format(i=i) for i in range(n1)]
    fig = make_subplots(rows=1, cols=n, subplot_titles=[title for title, _ in panels], horizontal_spacing=0.12)
    for k, (_, W1) in enumerate(panels):
        fig.add_trace(go.Heatmap(
            z=np.asarray(W1, dtype=float), x=list(labels["inputs"]), y=units, zmin=-zmax, zmax=zmax, zmid=0.0,
            colorscale=WEIGHT_COLORSCALE, showscale=k == n - 1, xgap=2, ygap=2,
            colorbar=dict(title=dict(text=labels["value"]), thickness=14),
            texttemplate="%{z:.3g}" if n1 <= MAX_ANNOTATED_ROWS else None, textfont=dict(size=13),
            hovertemplate="%{y}, %{x}: %{z:.6g}<extra></extra>",
        ), row=1, col=k + 1)
    fig.update_yaxes(autorange="reversed", showgrid=False)
    fig.update_xaxes(side="top", showgrid=False)
    fig.update_annotations(font=dict(size=16), yshift=22)
    fig.update_layout(
        height=int(min(720, 110 + 26 * n1)), font=FONT, margin=dict(l=70, r=10, t=70, b=10),
        paper_bgcolor="#FFFFFF", plot_bgcolor="#FFFFFF",
    )
    return fig


BIN_WIDTH = 0.02  # the histogram of g1'(Z1): bins of this width from 0 to 1.04
BIN_EDGES = np.linspace(0.0, 1.04, 53)


def derivative_histogram(dg, *, labels: dict) -> go.Figure:
    """The entries of g1'(Z1) at initialisation as a histogram on [0, 1.04] in bins of
    BIN_WIDTH (bars: the share of the entries in each bin, in percent), with their
    mean as a vertical line. The bins are counted here, so that the figure stays
    small however many entries (n1 x m) there are.

    ``labels``: "title", "x", "y", "mean" (with {mean})."""
    dg = np.asarray(dg, dtype=float).ravel()
    counts, _ = np.histogram(np.clip(dg, BIN_EDGES[0], BIN_EDGES[-1]), bins=BIN_EDGES)
    share = 100.0 * counts / max(dg.size, 1)
    fig = go.Figure(go.Bar(
        x=(BIN_EDGES[:-1] + BIN_EDGES[1:]) / 2, y=share, width=BIN_WIDTH * 0.95, marker_color="#4292C6",
        customdata=np.stack([BIN_EDGES[:-1], BIN_EDGES[1:]], axis=1),
        hovertemplate="%{customdata[0]:.2f} to %{customdata[1]:.2f}: %{y:.1f} %<extra></extra>",
    ))
    if dg.size:
        mean = float(dg.mean())
        fig.add_vline(x=mean, line=dict(color=HIGHLIGHT_COLOR, width=2.5, dash="dash"),
                      annotation=dict(text=labels["mean"].format(mean=mean), font=dict(size=14),
                                      bgcolor="rgba(255,255,255,0.8)"),
                      annotation_position="top right" if mean < 0.6 else "top left")
    fig.update_layout(
        title=dict(text=labels["title"], x=0.02, font=dict(size=17)), font=FONT, height=360,
        margin=dict(l=60, r=20, t=50, b=50), paper_bgcolor="#FFFFFF", plot_bgcolor="#FFFFFF",
        xaxis=dict(title=dict(text=labels["x"]), range=[0, 1.04], gridcolor="#E8EAED", zeroline=False),
        yaxis=dict(title=dict(text=labels["y"]), gridcolor="#E8EAED", zeroline=False, rangemode="tozero"),
    )
    return fig


def _log_ticks(values) -> list[float]:
    """1-2-5 ticks covering the finite positive ``values``, for a log axis."""
    v = np.asarray(values, dtype=float)
    v = v[np.isfinite(v) & (v > 0)]
    if not v.size:
        return [1.0]
    lo, hi = np.floor(np.log10(v.min())), np.ceil(np.log10(v.max()))
    ticks = [m * 10.0**d for d in range(int(lo), int(hi) + 1) for m in (1, 2, 5)]
    inside = [x for x in ticks if v.min() / 1.5 <= x <= v.max() * 1.5]
    return inside or [float(10**lo)]


def cost_curves(curves, *, labels: dict) -> go.Figure:
    """The training cost against the step, one line per (name, steps, costs,
    highlighted) in ``curves``, on a log scale; the highlighted ones are drawn
    thicker, in their own colour, on top.

    ``labels``: "title", "step"."""
    fig = go.Figure()
    order = sorted(range(len(curves)), key=lambda k: curves[k][3])  # highlighted last, so on top
    for k in order:
        name, steps, costs, highlighted = curves[k]
        color = HIGHLIGHT_COLOR if highlighted else SCALE_COLORS[k % (len(SCALE_COLORS) - 1)]
        fig.add_trace(go.Scatter(
            x=np.asarray(steps), y=np.asarray(costs), mode="lines", name=name, legendrank=k,
            line=dict(color=color, width=4 if highlighted else 2),
            hovertemplate=labels["step"] + " %{x}: J = %{y:.4g}<extra>" + name + "</extra>",
        ))
    fig.update_layout(
        title=dict(text=labels["title"], x=0.02, font=dict(size=17)), font=FONT, height=360,
        margin=dict(l=60, r=20, t=50, b=50), paper_bgcolor="#FFFFFF", plot_bgcolor="#FFFFFF",
        xaxis=dict(title=dict(text=labels["step"]), rangemode="tozero", gridcolor="#E8EAED", zeroline=False),
        yaxis=dict(title=dict(text="J"), type="log", gridcolor="#E8EAED", zeroline=False,
                   tickvals=_log_ticks(np.concatenate([np.asarray(c[2], dtype=float) for c in curves] or [[1.0]])),
                   tickformat="~g"),
        legend=dict(orientation="v", yanchor="top", y=1, xanchor="left", x=1.01, font=dict(size=13)),
    )
    return fig
