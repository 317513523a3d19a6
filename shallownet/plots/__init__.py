"""Plotly figures of the lecture pages, one module a page, as pure functions of
arrays: each returns a ``plotly.graph_objects.Figure`` that the page shows with
``st.plotly_chart`` (plotly's own PNG download included). Nothing here reads
session state or knows about Streamlit; the texts come in as arguments."""

import plotly.graph_objects as go

from shallownet.plots.playground import CLASS_COLORS


def class_points(X, Y, hollow: bool, showlegend: bool, names, size: float = 5) -> list[go.Scatter]:
    """The points of each class as small markers: filled (training) or hollow (test),
    ``size`` pixels across; ``names`` are the classes' legend names."""
    out = []
    for cls in (0, 1):
        mask = Y[0] == cls
        color = CLASS_COLORS[cls]
        marker = (dict(size=size + 1, color="#FFFFFF", line=dict(color=color, width=1.5)) if hollow
                  else dict(size=size, color=color, line=dict(color="#FFFFFF", width=0.5)))
        out.append(go.Scatter(x=X[0, mask], y=X[1, mask], mode="markers", marker=marker, name=names[cls],
                              legendgroup=names[cls], showlegend=showlegend, hoverinfo="skip"))
    return out
