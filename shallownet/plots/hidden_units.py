"""Figures of the hidden-units page: each unit's activation over the plane as small
multiples, each unit's line over the data weighted by W2, and the network as a
diagram whose edges show each weight's sign by colour and size by width.

Pure functions of arrays (and of the core's HiddenUnit, Node and Edge tuples); the
texts come in as arguments (``labels``).
"""

from __future__ import annotations

import math

import numpy as np
import plotly.graph_objects as go

from shallownet.core.grid import level_segments
from shallownet.lecture.hidden_units import unit_line
from shallownet.plots.playground import BOUNDARY_COLOR, CLASS_COLORS, FONT, segments_to_lines

# a weight's sign: green positive, purple negative (told apart by the colour-blind,
# and unlike the classes' orange and blue); an activation's the same way round
POSITIVE_COLOR = "#1B7837"
NEGATIVE_COLOR = "#762A83"
ZERO_COLOR = "#9AA0A6"
DIVERGING_COLORSCALE = [[0.0, NEGATIVE_COLOR], [0.25, "#C2A5CF"], [0.5, "#F7F7F7"], [0.75, "#A6DBA0"],
                        [1.0, POSITIVE_COLOR]]
MAX_PANELS = 16  # the small multiples show at most this many units
COLUMNS = 4  # small multiples a row
PANEL_HEIGHT = 215  # pixels a row of small multiples (about square at 4 a row in a 1280-pixel window)
MAX_LABELLED_LINES = 16  # above this many units, the lines carry no text, only their hover
# a line's label sits on its visible part, LABEL_INSET in from where it enters or leaves the
# plot (a share of the plot's larger side), or further along it when another label is nearer
# than LABEL_GAP there
LABEL_INSET = 0.07
LABEL_GAP = 0.09
# the places tried along a line, from one end (0) to the other (1): both ends, then halving
# the gaps, so that crowded parallel lines still find room
_ALONG = (0.0, 1.0, 0.5, 0.25, 0.75, *(k / 8 for k in (1, 3, 5, 7)), *(k / 16 for k in range(1, 16, 2)))
MAX_FAINT_POINTS = 600  # each small multiple shows at most about this many points (every k-th)
_AXIS = dict(showgrid=False, zeroline=False, mirror=True, showline=True, linecolor="#5F6368")


def sign_color(w: float) -> str:
    return POSITIVE_COLOR if w > 0 else NEGATIVE_COLOR if w < 0 else ZERO_COLOR


def _fmt(w: float) -> str:
    return f"{w:+.3g}"


def _faint_points(X, Y, opacity: float, size: float, showlegend: bool, names) -> list[go.Scatter]:
    return [
        go.Scatter(x=X[0, Y[0] == cls], y=X[1, Y[0] == cls], mode="markers", name=names[cls],
                   legendgroup=names[cls], showlegend=showlegend, hoverinfo="skip", opacity=opacity,
                   marker=dict(size=size, color=CLASS_COLORS[cls], line=dict(width=0)))
        for cls in (0, 1)
    ]


def unit_activations(xs, ys, units, X, Y, *, zmid: float = 0.0, labels: dict) -> go.Figure:
    """Small multiples, ``COLUMNS`` a row, one per unit in ``units`` (HiddenUnit): its
    activation a1[i] over the grid as a heatmap, on one colour scale for all,
    centred on ``zmid`` (g1(0), the value on the unit's line), its line
    W1[i] . x + b1[i] = 0 and the training points, faint, on top (every k-th of them
    when there are more than MAX_FAINT_POINTS).

    ``labels``: "title" (with {i} and {w2}), "value", "line", "class0", "class1"."""
    n = len(units)
    stride = max(1, math.ceil(X.shape[1] / MAX_FAINT_POINTS))
    X, Y = X[:, ::stride], Y[:, ::stride]
    rows, cols = max(1, math.ceil(n / COLUMNS)), min(max(n, 1), COLUMNS)
    titles = [labels["title"].format(i=u.index, w2=_fmt(u.w2)) for u in units]
    spread = max((float(np.max(np.abs(u.activation - zmid))) for u in units), default=0.0)
    spread = spread if spread > 0 and math.isfinite(spread) else 1.0
    xrange, yrange = [float(xs[0]), float(xs[-1])], [float(ys[0]), float(ys[-1])]
    layout = _panels(n, rows, cols, titles, xrange, yrange)
    data = []
    for k, u in enumerate(units):
        first, axes = k == 0, dict(xaxis=f"x{k + 1}", yaxis=f"y{k + 1}")
        data.append(go.Heatmap(
            x=xs, y=ys, z=np.asarray(u.activation, dtype=np.float32), zmin=zmid - spread, zmax=zmid + spread,
            colorscale=DIVERGING_COLORSCALE, showscale=first, zsmooth="fast",
            colorbar=dict(title=dict(text=labels["value"]), thickness=12, len=min(1.0, 1.2 / rows), y=1,
                          yanchor="top"),
            hovertemplate="(%{x:.2f}, %{y:.2f}): %{z:.3f}<extra>" + titles[k] + "</extra>", **axes,
        ))
        for trace in _faint_points(X, Y, 0.35, 3.5, first, (labels["class0"], labels["class1"])):
            data.append(trace.update(axes))
        if u.line is not None:
            (x0, y0), (x1, y1) = u.line
            data.append(go.Scatter(x=[x0, x1], y=[y0, y1], mode="lines", name=labels["line"],
                                   legendgroup="line", showlegend=first, hoverinfo="skip",
                                   line=dict(color=BOUNDARY_COLOR, width=1.5, dash="dash"), **axes))
    layout.update(
        height=PANEL_HEIGHT * rows + 80, font=FONT, margin=dict(l=10, r=10, t=60, b=10),
        paper_bgcolor="#FFFFFF", plot_bgcolor="#FFFFFF",
        legend=dict(orientation="h", yanchor="bottom", y=1.0 + 35 / (PANEL_HEIGHT * rows), xanchor="left", x=0,
                    font=dict(size=13)),
    )
    return go.Figure(data=data, layout=layout)


def _panels(n: int, rows: int, cols: int, titles, xrange, yrange, hspace: float = 0.025) -> dict:
    """A layout of ``n`` square panels, ``cols`` a row from the top left, each with its
    own axes (x1/y1, x2/y2, ...) on the same ranges and its title above it. Built
    directly: plotly's make_subplots took most of a second for 16 panels."""
    vspace = 0.1 / rows + 0.02
    width, height = (1 - (cols - 1) * hspace) / cols, (1 - (rows - 1) * vspace) / rows
    axis = dict(_AXIS, showticklabels=False, ticks="", constrain="domain")
    layout: dict = {"annotations": []}
    for k in range(n):
        row, col = divmod(k, cols)
        x0, top = col * (width + hspace), 1 - row * (height + vspace)
        suffix = "" if k == 0 else str(k + 1)
        layout[f"xaxis{suffix}"] = dict(axis, domain=[x0, x0 + width], range=xrange, anchor=f"y{k + 1}")
        layout[f"yaxis{suffix}"] = dict(axis, domain=[top - height, top], range=yrange, anchor=f"x{k + 1}",
                                        scaleanchor=f"x{k + 1}", constraintoward="top")
        layout["annotations"].append(dict(text=titles[k], x=x0 + width / 2, y=top, xref="paper", yref="paper",
                                          xanchor="center", yanchor="bottom", showarrow=False,
                                          font=dict(size=14)))
    return layout


def label_points(lines, box) -> list[tuple[float, float]]:
    """Where each line's label goes: on the line (``lines``: its two end points on the
    edge of ``box`` = (x_min, x_max, y_min, y_max)), LABEL_INSET in from one end, else
    from the other, else further along it, whichever is first at least LABEL_GAP from
    the labels placed before it (or, when none is, the farthest from them)."""
    span = max(box[1] - box[0], box[3] - box[2]) or 1.0
    placed: list[tuple[float, float]] = []

    def room(p):  # from p to the nearest label placed so far, in sides of the plot
        return min((math.hypot(p[0] - q[0], p[1] - q[1]) / span for q in placed), default=math.inf)

    for (x0, y0), (x1, y1) in lines:
        end = min(0.5, LABEL_INSET * span / (math.hypot(x1 - x0, y1 - y0) or 1.0))
        points = [(x0 + f * (x1 - x0), y0 + f * (y1 - y0)) for f in (end + k * (1 - 2 * end) for k in _ALONG)]
        placed.append(next((p for p in points if room(p) >= LABEL_GAP), max(points, key=room)))
    return placed


def unit_lines(xs, ys, units, X, Y, P, *, labels: dict) -> go.Figure:
    """Every unit's line W1[i] . x + b1[i] = 0 where it crosses the plot (xs by ys), over
    the training points, coloured by the sign of its outgoing weight W2[i] and as wide
    as |W2[i]| is large (the widest for the largest), labelled with its index; and the
    network's own boundary, where P = A2 (len(ys), len(xs)) is 0.5, which the lines build.

    ``labels``: "title", "line" (with {i} and {w2}), "boundary", "class0", "class1"."""
    fig = go.Figure()
    for trace in _faint_points(X, Y, 0.55, 6, True, (labels["class0"], labels["class1"])):
        fig.add_trace(trace)
    largest = max((abs(u.w2) for u in units), default=0.0)
    labelled = len(units) <= MAX_LABELLED_LINES
    # each line as the part of it inside this plot's ranges, whatever box the units were made on
    box = (float(xs[0]), float(xs[-1]), float(ys[0]), float(ys[-1]))
    shown = [(u, line) for u in units if (line := unit_line(u.w, u.b, box)) is not None]
    for u, ((x0, y0), (x1, y1)) in shown:
        width = 1.0 + 6.0 * abs(u.w2) / largest if largest > 0 else 1.0
        name = labels["line"].format(i=u.index, w2=_fmt(u.w2))
        fig.add_trace(go.Scatter(
            x=[x0, x1], y=[y0, y1], mode="lines", name=name,
            line=dict(color=sign_color(u.w2), width=width), hovertemplate=name + "<extra></extra>",
            showlegend=labelled,
        ))
    # the labels as annotations, drawn over every trace (a trace's text hides under the lines
    # drawn after it), each on a white ground framed in its line's colour
    if labelled:
        for (u, _), (x, y) in zip(shown, label_points([line for _, line in shown], box)):
            fig.add_annotation(
                x=x, y=y, xref="x", yref="y", text=f"<b>{u.index}</b>", showarrow=False,
                font=dict(color=sign_color(u.w2), size=16), bgcolor="rgba(255,255,255,0.85)",
                bordercolor=sign_color(u.w2), borderwidth=1, borderpad=1,
                hovertext=labels["line"].format(i=u.index, w2=_fmt(u.w2)),
            )
    # the boundary last, on top of the lines it is made of
    lx, ly = segments_to_lines(level_segments(xs, ys, P, 0.5))
    fig.add_trace(go.Scatter(x=lx, y=ly, mode="lines", name=labels["boundary"], hoverinfo="skip",
                             connectgaps=False, line=dict(color=BOUNDARY_COLOR, width=2.5, dash="dot")))
    fig.update_layout(
        title=dict(text=labels["title"], x=0.02, font=dict(size=17)), font=FONT, height=600,
        margin=dict(l=50, r=10, t=50, b=10), paper_bgcolor="#FFFFFF", plot_bgcolor="#FFFFFF",
        xaxis=dict(_AXIS, range=[float(xs[0]), float(xs[-1])], constrain="domain",
                   title=dict(text="x₁", standoff=2)),
        yaxis=dict(_AXIS, range=[float(ys[0]), float(ys[-1])], constrain="domain", title=dict(text="x₂"),
                   scaleanchor="x"),
        legend=dict(orientation="h", yanchor="top", y=-0.15, xanchor="left", x=0, font=dict(size=13)),
    )
    return fig


def _edge_point(source, target) -> tuple[float, float]:
    """Where an edge's hover point sits: near its target for an edge into the hidden
    layer (its sources are few), near its source for an edge into the output, so
    that no two edges share one."""
    t = 0.7 if target.layer == 1 else 0.3
    return source.x + t * (target.x - source.x), source.y + t * (target.y - source.y)


def network_diagram(nodes, edges, *, labels: dict) -> go.Figure:
    """The network, left to right: its nodes (Node) and one line per edge (Edge),
    coloured by the sign of its weight, as wide as the core's Edge.width (a zero
    weight thin, dotted and grey). Each edge's name and value are on hover, at a
    point on the edge (its ``customdata`` is [name, value], one per edge, in the
    order of ``edges``).

    ``labels``: "title", "positive", "negative", "zero", "bias", "node" (with {label})."""
    by_id = {n.id: n for n in nodes}
    fig = go.Figure()
    for e in edges:
        s, d = by_id[e.source], by_id[e.target]
        fig.add_trace(go.Scatter(
            x=[s.x, d.x], y=[s.y, d.y], mode="lines", hoverinfo="skip", showlegend=False,
            line=dict(color=sign_color(e.weight), width=max(e.width, 0.6) if e.sign else 1.0,
                      dash="solid" if e.sign else "dot"),
            opacity=0.85,
        ))
    # the legend: one entry per sign present, drawn wide enough to read
    for sign, kind in ((1, "positive"), (-1, "negative"), (0, "zero")):
        if any(e.sign == sign for e in edges):
            fig.add_trace(go.Scatter(x=[None], y=[None], mode="lines", name=labels[kind], hoverinfo="skip",
                                     line=dict(color=sign_color(sign), width=4 if sign else 1.5,
                                               dash="solid" if sign else "dot")))
    points = [_edge_point(by_id[e.source], by_id[e.target]) for e in edges]
    fig.add_trace(go.Scatter(
        x=[p[0] for p in points], y=[p[1] for p in points], mode="markers", showlegend=False,
        marker=dict(size=11, color="rgba(0,0,0,0)"), customdata=[[e.name, e.weight] for e in edges],
        hovertemplate="%{customdata[0]} = %{customdata[1]:.6g}<extra></extra>", name="weights",
    ))
    styles = {
        "input": dict(color="#E8EAED", line=dict(color="#5F6368", width=2), size=34, symbol="circle"),
        "hidden": dict(color="#FFFFFF", line=dict(color=BOUNDARY_COLOR, width=2), size=34, symbol="circle"),
        "output": dict(color="#FFFFFF", line=dict(color=BOUNDARY_COLOR, width=3), size=38, symbol="circle"),
        "bias": dict(color="#FEF7E0", line=dict(color="#B06000", width=2), size=26, symbol="square"),
    }
    n_hidden = sum(n.kind == "hidden" for n in nodes)
    crowded = n_hidden > 16
    for kind, style in styles.items():
        group = [n for n in nodes if n.kind == kind]
        if not group:
            continue
        marker = dict(style)
        if crowded and kind == "hidden":
            marker["size"] = 14
        fig.add_trace(go.Scatter(
            x=[n.x for n in group], y=[n.y for n in group], mode="markers+text", marker=marker,
            text=[("" if crowded and kind == "hidden" else n.label) for n in group], textfont=dict(size=12),
            name=labels["bias"] if kind == "bias" else kind, showlegend=kind == "bias",
            hovertemplate=[labels["node"].format(label=n.label) + "<extra></extra>" for n in group],
        ))
    top = max(n.y for n in nodes)
    fig.update_layout(
        title=dict(text=labels["title"], x=0.02, font=dict(size=17)), font=FONT,
        height=int(min(1100, max(600, 120 + 34 * (2 * top + 1)))),
        margin=dict(l=10, r=10, t=50, b=10), paper_bgcolor="#FFFFFF", plot_bgcolor="#FFFFFF",
        xaxis=dict(visible=False, range=[-0.25, 2.25]),
        yaxis=dict(visible=False, range=[-top - 0.7, top + 0.7]),
        legend=dict(orientation="h", yanchor="top", y=0, xanchor="left", x=0, font=dict(size=13)),
        hoverlabel=dict(font=dict(size=14)),
    )
    return fig
