"""Plotly figures of the training, as pure functions of arrays.

Each figure is a plain plotly figure dict ({"data": [...], "layout": {...}}) that
``st.plotly_chart`` or plotly.js draw as they are. Arrays stay numpy arrays;
whoever sends a figure encodes them (plotly.py does it for st.plotly_chart, the
live view packs them as typed arrays). While training, the live view draws the
boundary's heatmap and line itself from the network's parameters (ui/live/).

Nothing here reads session state or knows about Streamlit.
"""

from __future__ import annotations

import numpy as np

# Class colours: orange for 0, blue for 1 (as in TensorFlow Playground), readable
# by the colour-blind and on a washed-out projector.
CLASS_COLORS = ("#E8710A", "#1967D2")
# The probability of class 1 over the plane: pale orange, white at 0.5, pale blue,
# so that the points on top stay the strongest colours on the screen.
PROBA_COLORSCALE = [[0.0, "#F6B26B"], [0.5, "#FFFFFF"], [1.0, "#7FA8EA"]]
BOUNDARY_COLOR = "#202124"
TRAIN_COLORS = {"cost": "#202124", "dW1": "#D93025", "db1": "#F29900", "dW2": "#1E8E3E", "db2": "#9334E6"}
TEST_COLOR = "#80868B"

FONT = dict(size=15)
PRESENT_TITLE_SIZE = 20  # a chart's title in presentation mode
PRESENT_LEGEND_SIZE = 16  # and its legend, in rows under the plot
MARGIN = dict(l=60, r=20, t=50, b=50)

def quantize(P: np.ndarray) -> np.ndarray:
    """Probabilities in [0, 1] to 0..255, eight times smaller to send than float64:
    a colour needs no more, and the 0.5 line is drawn from the exact values."""
    return np.rint(np.clip(np.nan_to_num(P, nan=0.5), 0.0, 1.0) * 255).astype(np.uint8)


def segments_to_lines(segments: np.ndarray, decimals: int = 4) -> tuple[list, list]:
    """Segments (k, 2, 2) as one x list and one y list, each segment ended by None:
    plotly draws a line with gaps there."""
    if len(segments) == 0:
        return [], []
    xy = np.round(segments, decimals)
    x = np.full((len(xy), 3), np.nan)
    y = np.full((len(xy), 3), np.nan)
    x[:, :2], y[:, :2] = xy[:, :, 0], xy[:, :, 1]
    xs = [None if v != v else v for v in x.ravel().tolist()]
    ys = [None if v != v else v for v in y.ravel().tolist()]
    return xs, ys


def _points(X, Y, cls: int, test: bool, name: str) -> dict:
    mask = Y[0] == cls
    color = CLASS_COLORS[cls]
    marker = (
        dict(size=9, color="#FFFFFF", symbol="circle", line=dict(color=color, width=2.5))
        if test
        else dict(size=8, color=color, symbol="circle", line=dict(color="#FFFFFF", width=1))
    )
    return dict(
        type="scatter",
        x=X[0, mask], y=X[1, mask], mode="markers", name=name, marker=marker,
        hovertemplate="(%{x:.2f}, %{y:.2f})<extra>" + name + "</extra>",
    )


def boundary_figure(xs, ys, P, segments, X_train, Y_train, X_test, Y_test, *, labels: dict) -> dict:
    """The decision boundary: A2 over the plane as a heatmap (trace 0), the A2 = 0.5
    line (trace 1), and the training (filled) and test (hollow) points of each class,
    on fixed axes."""
    lx, ly = segments_to_lines(segments)
    data = [
        dict(type="heatmap", x=xs, y=ys, z=quantize(P), zmin=0, zmax=255,
             colorscale=PROBA_COLORSCALE, showscale=False, hoverinfo="skip", zsmooth="fast"),
        dict(type="scatter", x=lx, y=ly, mode="lines", name=labels["boundary"],
             line=dict(color=BOUNDARY_COLOR, width=3), hoverinfo="skip", connectgaps=False),
    ]
    for cls in (0, 1):
        data.append(_points(X_train, Y_train, cls, False, labels[f"train_class{cls}"]))
    if X_test.shape[1]:
        for cls in (0, 1):
            data.append(_points(X_test, Y_test, cls, True, labels[f"test_class{cls}"]))
    axis = dict(showgrid=False, zeroline=False, mirror=True, showline=True, linecolor="#5F6368", ticks="outside")
    layout = dict(
        title=dict(text=labels["title"], x=0.02, font=dict(size=18)),
        font=FONT, margin=MARGIN, paper_bgcolor="#FFFFFF", plot_bgcolor="#FFFFFF",
        xaxis=dict(axis, title=dict(text="x₁"), range=[float(xs[0]), float(xs[-1])], constrain="domain"),
        yaxis=dict(axis, title=dict(text="x₂"), range=[float(ys[0]), float(ys[-1])],
                   scaleanchor="x", scaleratio=1, constrain="domain"),
        # beside the plot: the square plot leaves room at the sides, not below
        legend=dict(orientation="v", yanchor="top", y=1, xanchor="left", x=1.02, font=dict(size=13)),
        uirevision="boundary",
    )
    return dict(data=data, layout=layout)


def _line(name: str, color: str, step_label: str, dash: str = "solid") -> dict:
    return dict(type="scatter", mode="lines", name=name, x=[], y=[], cliponaxis=False,
                line=dict(color=color, width=2.5, dash=dash),
                hovertemplate=step_label + " %{x}<br>%{y:.4g}<extra>" + name + "</extra>")


def _curve_layout(title: str, ytitle: str, log: bool, step_label: str) -> dict:
    return dict(
        title=dict(text=title, x=0.02, font=dict(size=18)),
        # tighter than the boundary's: on a 720-pixel screen a curve chart is ~180 px tall
        font=FONT, margin=dict(l=60, r=20, t=40, b=44), paper_bgcolor="#FFFFFF", plot_bgcolor="#FFFFFF",
        xaxis=dict(title=dict(text=step_label, standoff=4), rangemode="tozero", gridcolor="#E8EAED", zeroline=False),
        yaxis=dict(title=dict(text=ytitle), type="log" if log else "linear", automargin=True,
                   gridcolor="#E8EAED", zeroline=False, exponentformat="power"),
        legend=dict(orientation="v", yanchor="top", y=1, xanchor="left", x=1.01, font=dict(size=12),
                    tracegroupgap=0),
        uirevision="curve",
    )


def cost_figure(has_test: bool, *, log: bool, labels: dict) -> dict:
    """The cost J per step: trace 0 training, trace 1 test (when there is a test set)."""
    step = labels["step"]
    data = [_line(labels["train"], TRAIN_COLORS["cost"], step)]
    if has_test:
        data.append(_line(labels["test"], TEST_COLOR, step, "dash"))
    return dict(data=data, layout=_curve_layout(labels["title"], "J", log, step))


GRADIENTS = ("dW1", "db1", "dW2", "db2")


def grad_norm_figure(*, labels: dict) -> dict:
    """The norms of dW1, db1, dW2, db2 per step (traces 0 to 3), on a log scale."""
    data = [_line(f"‖{g}‖", TRAIN_COLORS[g], labels["step"]) for g in GRADIENTS]
    return dict(data=data, layout=_curve_layout(labels["title"], labels["ytitle"], True, labels["step"]))


def cost_series(steps, cost_train, cost_test=None) -> dict:
    """The data of ``cost_figure``, keyed by trace index."""
    series = {0: dict(x=steps, y=cost_train)}
    if cost_test is not None:
        series[1] = dict(x=steps, y=cost_test)
    return series


def grad_norm_series(steps, norms: dict) -> dict:
    """The data of ``grad_norm_figure``, keyed by trace index; ``norms`` maps dW1 ... db2
    to arrays."""
    return {i: dict(x=steps, y=norms[g]) for i, g in enumerate(GRADIENTS)}



def enlarged(fig: dict, factor: float) -> dict:
    """``fig`` with every font in its layout ``factor`` times larger (a projector seen
    from the back of a hall); the data are shared, not copied. The page-wide font
    (plotly's default 12 where none is set) sizes the axes' tick labels too."""
    def grow(node, in_font=False):
        if isinstance(node, dict):
            out = {k: grow(v, in_font or k in ("font", "tickfont")) for k, v in node.items()}
            if in_font and "size" in out:
                out["size"] = round(out["size"] * factor, 1)
            return out
        if isinstance(node, list):
            return [grow(v, in_font) for v in node]
        return node

    layout = grow(fig["layout"])
    font = layout.setdefault("font", {})
    font.setdefault("size", round(12 * factor, 1))
    return {**fig, "layout": layout}


def presented(fig: dict, factor: float, *, decades: bool = False) -> dict:
    """``fig`` for presentation mode: its fonts ``factor`` times larger (``enlarged``),
    its legend under the plot, the title on one line, the axes' titles and tick
    labels clear of each other, and (``decades``) a log axis labelled at its
    powers of ten only."""
    fig = enlarged(fig, factor)
    layout = dict(fig["layout"])
    # side by side on a projector, a chart is narrower than tall: its legend goes in
    # rows at its bottom (plotly makes room for it below the axis's title)
    legend = layout.get("legend", {})
    layout["legend"] = {**legend, "orientation": "h", "x": 0, "xanchor": "left", "y": 0, "yanchor": "bottom",
                        "yref": "container", "font": {**legend.get("font", {}), "size": PRESENT_LEGEND_SIZE}}
    for axis in ("xaxis", "yaxis"):
        if axis in layout:
            layout[axis] = {**layout[axis], "automargin": True}
    if "xaxis" in layout:  # clear of the y axis's lowest label, which sits at the corner
        layout["xaxis"] = {**layout["xaxis"], "ticklabelstandoff": 12}
    if decades:
        # a log axis over several decades: powers of ten only (no 2 and 5 between
        # them), in type small enough for ten of them on a chart a third of the screen
        yaxis = layout["yaxis"]
        layout["yaxis"] = {**yaxis, "dtick": 1,
                           "tickfont": {**yaxis.get("tickfont", {}), "size": PRESENT_LEGEND_SIZE}}
    if "title" in layout:  # one line across a chart a third of the screen wide
        title = layout["title"]
        layout["title"] = {**title, "font": {**title.get("font", {}), "size": PRESENT_TITLE_SIZE}}
    margin = layout.get("margin", {})
    layout["margin"] = {**margin, "b": 10, "r": 16, "t": margin.get("t", 40) + 10}
    return {**fig, "layout": layout}
