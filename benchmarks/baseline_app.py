"""The plain way to animate training, kept only to compare against (bench_live.py):
a fragment with run_every that redraws three st.plotly_chart figures and an
st.metric every frame. Same trainer, same figures, same steps per frame.

    streamlit run benchmarks/baseline_app.py
"""

import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from shallownet.plots.playground import quantize, segments_to_lines  # noqa: E402
from shallownet.ui.live import frames  # noqa: E402
from shallownet.ui.session import Playground  # noqa: E402


# What the app does not need: the live view draws the frames and curves in the
# browser, and only this comparison fills whole figures in on the server.
def with_boundary(figure: dict, P, segments) -> dict:
    """``figures.boundary_figure`` showing A2 = ``P`` and its line ``segments`` instead
    of the state it was built with: trace 0 is the heatmap, trace 1 the line."""
    data = [dict(trace) for trace in figure["data"]]
    lx, ly = segments_to_lines(segments)
    data[0]["z"] = quantize(P)
    data[1].update(x=lx, y=ly)
    return dict(data=data, layout=figure["layout"])


def with_series(figure: dict, series: dict) -> dict:
    """``figure`` with its traces' data filled in from ``series`` (for a static chart)."""
    data = [dict(trace) for trace in figure["data"]]
    for i, values in series.items():
        data[i].update(values)
    return dict(data=data, layout=figure["layout"])


if "playground" not in st.session_state:
    st.session_state.playground = Playground()
    st.session_state.feed = frames.Feed()  # caches the figures
playground = st.session_state.playground

c1, c2 = st.columns(2)
c1.button("Play", on_click=playground.play)
c2.button("Pause", on_click=playground.pause)


@st.fragment(run_every=0.05 if playground.playing else None)
def panel():
    if playground.playing:
        playground.trainer.step(playground.speed)
    P, segments = frames.boundary_on(playground.trainer, playground.grid)
    figs = st.session_state.feed.figures(playground)
    series = frames.series(playground.trainer)
    st.metric("Step", f"{playground.trainer.step_count:,}")
    left, right = st.columns([11, 9])
    left.plotly_chart(with_boundary(figs["boundary"], P, segments), key="boundary")
    right.plotly_chart(with_series(figs["cost"], series["cost"]), key="cost")
    right.plotly_chart(with_series(figs["grads"], series["grads"]), key="grads")


panel()
