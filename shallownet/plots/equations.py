"""Figures of the equations page: the training examples to pick one from.

Pure functions of arrays; the texts come in as arguments (``labels``). The one
function here that is not a figure, ``selected_example``, reads a click on that
figure back: it is the figure's own encoding (each point carries its example's
index as customdata), so it lives next to it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import plotly.graph_objects as go

from shallownet.plots.playground import BOUNDARY_COLOR, CLASS_COLORS, FONT

# plotly's tools (the PNG download among them) down the right side, off the title
MODEBAR = dict(orientation="v")
_AXIS = dict(showgrid=False, zeroline=False, mirror=True, showline=True, linecolor="#5F6368")


def examples_figure(X, Y, selected: int, *, labels: dict) -> go.Figure:
    """The training examples X (2, m), coloured by class Y (1, m), the ``selected``
    one ringed; each point carries its index (customdata), so that a click on it
    says which example it is.

    ``labels``: "title", "example" (the word before the index when hovering),
    "selected" (the ring's name)."""
    X = np.asarray(X, dtype=float)
    Y = np.asarray(Y)
    m = X.shape[1]
    colors = np.where(Y[0] == 1, CLASS_COLORS[1], CLASS_COLORS[0])
    hover = labels["example"] + " %{customdata}: (%{x:.2f}, %{y:.2f})<extra></extra>"
    fig = go.Figure()
    fig.add_trace(go.Scatter(
        x=X[0], y=X[1], mode="markers", customdata=np.arange(m), hovertemplate=hover, showlegend=False,
        marker=dict(size=7, color=colors, line=dict(color="#FFFFFF", width=0.5)),
        # a click selects a point; the others must not fade, since the ring shows the choice
        selected=dict(marker=dict(opacity=1)), unselected=dict(marker=dict(opacity=1)),
    ))
    if 0 <= selected < m:
        fig.add_trace(go.Scatter(
            x=[X[0, selected]], y=[X[1, selected]], mode="markers", customdata=[selected], name=labels["selected"],
            hovertemplate=hover, showlegend=False,
            marker=dict(size=18, color="rgba(0,0,0,0)", line=dict(color=BOUNDARY_COLOR, width=3)),
            selected=dict(marker=dict(opacity=1)), unselected=dict(marker=dict(opacity=1)),
        ))
    fig.update_layout(
        title=dict(text=labels["title"], x=0.02, font=dict(size=16)), font=FONT, height=330,
        margin=dict(l=10, r=10, t=40, b=10), paper_bgcolor="#FFFFFF", plot_bgcolor="#FFFFFF", modebar=MODEBAR,
        xaxis=dict(_AXIS, showticklabels=False), yaxis=dict(_AXIS, showticklabels=False, scaleanchor="x"),
        hoverlabel=dict(font_size=15),
    )
    return fig


def selected_example(state: Mapping[str, Any] | None) -> int | None:
    """The example index a click on ``examples_figure`` chose, from Streamlit's
    plotly selection state ({"selection": {"points": [{"customdata": ...}, ...]}}),
    or None when nothing is selected. With several points selected, the last one."""
    if not state:
        return None
    points = (state.get("selection") or {}).get("points") or []
    for point in reversed(points):
        index = point.get("customdata")
        if isinstance(index, (list, tuple)):
            index = index[0] if index else None
        if isinstance(index, (int, float, np.integer, np.floating)) and not isinstance(index, bool):
            if float(index).is_integer() and index >= 0:
                return int(index)
    return None
