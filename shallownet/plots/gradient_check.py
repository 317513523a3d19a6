"""Figures of the gradient-check page: the relative error of each parameter's
gradient on a log axis against the tolerance, and ReLU's kink between two central
differences.

Pure functions of arrays; the texts come in as arguments (``labels``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go

from shallownet.plots.playground import BOUNDARY_COLOR, FONT

PASS_COLOR = "#1E8E3E"
FAIL_COLOR = "#D93025"
TOLERANCE_COLOR = "#202124"
# a relative error of exactly 0 (both gradients 0) has no place on a log axis: drawn here
FLOOR = 1e-17
# the second series (and on) of errors_figure: hatched, to tell them from the first
PATTERNS = ("", "/", "x", ".")
# plotly's tools (the PNG download among them) down the right side, off the title
MODEBAR = dict(orientation="v")
# the kink figure's bottom margin, in pixels: the z axis's tick labels and title, then its
# legend, one entry a row, anchored to the figure's bottom edge so that it stays below the title
KINK_AXIS_BAND = 62
KINK_LEGEND_ROW = 24
KINK_LEGEND_ROWS = 3
_AXIS = dict(showgrid=True, gridcolor="#E8EAED", zeroline=False, mirror=True, showline=True, linecolor="#5F6368")


def errors_figure(series: Sequence[tuple[str, Mapping[str, float], Mapping[str, bool]]], tolerance: float,
                  *, labels: dict) -> go.Figure:
    """Bars of relative error per parameter on a log axis, green where the parameter
    passes and red where it fails, with the tolerance as a dashed line: a check passes
    below that line, so a green bar is under it and a red one over it. ``series``:
    (name, {parameter: relative error}, {parameter: passes}) for each group of bars
    (one group a check: the network, or the network at the kink); the name shows in
    the legend when there are several. An infinite error (a gradient of the wrong
    shape) is a bar up to the top of the axis.

    ``labels``: "title", "y" (the value axis), "tolerance" (the line's label),
    "zero" (what a bar of error 0 says), "shape" (what an infinite one says)."""
    fig = go.Figure()
    several = len(series) > 1
    finite = [float(v) for _, errors, _ in series for v in errors.values() if np.isfinite(v)] + [tolerance]
    top = 10.0 ** (np.ceil(np.log10(max(finite))) + 0.5)  # under the axis's top, with room for the text

    def height(v):
        return top if v == np.inf else max(v, FLOOR) if np.isfinite(v) else None

    for k, (name, errors, passes) in enumerate(series):
        params = list(errors)
        values = [float(errors[p]) for p in params]
        pattern = dict(shape=PATTERNS[k % len(PATTERNS)], fgcolor="#FFFFFF", solidity=0.3)
        fig.add_trace(go.Bar(
            x=params, y=[height(v) for v in values], name=name,
            showlegend=False, legendgroup=name, offsetgroup=str(k),
            marker=dict(color=[PASS_COLOR if passes[p] else FAIL_COLOR for p in params],
                        pattern=pattern, line=dict(color="#FFFFFF", width=1)),
            # the values over the bars when they have the room: one group of bars
            text=[labels["zero"] if v == 0 else labels["shape"] if v == np.inf else f"{v:.1e}" for v in values],
            textposition="outside" if not several else "none", textfont=dict(size=14), cliponaxis=False,
            hovertemplate="%{x}: %{text}<extra>" + name + "</extra>",
        ))
        if several:  # the legend tells the groups apart by their hatching, in grey (colour means pass or fail)
            fig.add_trace(go.Bar(x=[None], y=[None], name=name, legendgroup=name, offsetgroup=str(k),
                                 hoverinfo="skip",
                                 marker=dict(color="#DADCE0", line=dict(color="#5F6368", width=1),
                                             pattern=dict(pattern, fgcolor="#5F6368", solidity=0.4))))
    low = np.log10(max(min(max(v, FLOOR) for v in finite), FLOOR))
    high = np.log10(max(finite))
    fig.add_hline(y=tolerance, line=dict(color=TOLERANCE_COLOR, width=2, dash="dash"))
    # on a log axis an annotation's y is the exponent (add_hline's own annotation gets that wrong)
    fig.add_annotation(x=1, xref="paper", xanchor="right", y=np.log10(tolerance), yref="y", yanchor="bottom",
                       text=labels["tolerance"], showarrow=False, font=dict(size=14),
                       bgcolor="rgba(255,255,255,0.8)")
    fig.update_layout(
        title=dict(text=labels["title"], x=0.02, font=dict(size=17)), font=FONT, height=340,
        barmode="group", bargap=0.3, margin=dict(l=70, r=20, t=50, b=40),
        paper_bgcolor="#FFFFFF", plot_bgcolor="#FFFFFF", modebar=MODEBAR,
        xaxis=dict(_AXIS, showgrid=False),
        yaxis=dict(_AXIS, type="log", title=dict(text=labels["y"]), exponentformat="power",
                   range=[np.floor(low) - 0.5, np.ceil(high) + 1.2]),
        legend=dict(orientation="h", yanchor="top", y=-0.12, xanchor="left", x=0, font=dict(size=13)),
    )
    if several:
        fig.update_layout(height=380, margin=dict(l=70, r=20, t=50, b=70))
    return fig


def kink_figure(*, labels: dict) -> go.Figure:
    """ReLU around its kink, z in units of eps: the central difference's secant from
    -eps to +eps (slope 1/2) against the derivative backprop takes at 0 (0, the slope
    from the left; from the right it would be 1).

    ``labels``: "title", "z", "relu", "secant" (the central difference), "backprop"."""
    z = np.array([-2.5, 0.0, 2.5])
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=z, y=np.maximum(z, 0), mode="lines", name=labels["relu"],
                             line=dict(color=BOUNDARY_COLOR, width=4), hoverinfo="skip"))
    fig.add_trace(go.Scatter(x=[-2.5, 2.5], y=[0.5 * -2.5 + 0.5, 0.5 * 2.5 + 0.5], mode="lines",
                             name=labels["secant"], line=dict(color=FAIL_COLOR, width=3, dash="dash"),
                             hoverinfo="skip"))
    fig.add_trace(go.Scatter(x=[-1.0, 1.0], y=[0.0, 1.0], mode="markers", showlegend=False,
                             marker=dict(size=12, color=FAIL_COLOR), hoverinfo="skip"))
    fig.add_trace(go.Scatter(x=[-1.6, 1.6], y=[0.0, 0.0], mode="lines", name=labels["backprop"],
                             line=dict(color=PASS_COLOR, width=5), opacity=0.8, hoverinfo="skip"))
    bottom = KINK_AXIS_BAND + KINK_LEGEND_ROWS * KINK_LEGEND_ROW
    fig.update_layout(
        title=dict(text=labels["title"], x=0.02, font=dict(size=17)), font=FONT, height=280 + bottom,
        margin=dict(l=50, r=20, t=50, b=bottom), paper_bgcolor="#FFFFFF", plot_bgcolor="#FFFFFF", modebar=MODEBAR,
        xaxis=dict(_AXIS, title=dict(text=labels["z"], standoff=6), range=[-2.5, 2.5],
                   tickvals=[-2, -1, 0, 1, 2], ticktext=["−2ε", "−ε", "0", "ε", "2ε"]),
        yaxis=dict(_AXIS, range=[-0.9, 2.6], tickvals=[0, 1, 2], ticktext=["0", "ε", "2ε"], scaleanchor="x"),
        legend=dict(orientation="v", yref="container", yanchor="bottom", y=0, xanchor="left", x=0,
                    font=dict(size=13)),
        showlegend=True,
    )
    return fig
