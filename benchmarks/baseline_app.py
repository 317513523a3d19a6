"""The plain way to animate training, kept only to compare against (bench_live.py):
a fragment with run_every that redraws three st.plotly_chart figures and an
st.metric every frame. Same trainer, same figures, same steps per frame.

    streamlit run benchmarks/baseline_app.py
"""

import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from shallownet import figures  # noqa: E402
from shallownet.ui.playground import Playground  # noqa: E402

if "pg" not in st.session_state:
    st.session_state.pg = Playground()
pg = st.session_state.pg

c1, c2 = st.columns(2)
c1.button("Play", on_click=pg.play)
c2.button("Pause", on_click=pg.pause)


@st.fragment(run_every=0.05 if pg.playing else None)
def panel():
    if pg.playing:
        pg.trainer.step(pg.speed)
    frame = pg.frame()
    figs = pg.figures()
    series = pg.series()
    st.metric("Step", f"{pg.trainer.step_count:,}")
    left, right = st.columns([11, 9])
    left.plotly_chart(figures.with_boundary_frame(figs["boundary"], frame["boundary"]), key="boundary")
    right.plotly_chart(figures.with_series(figs["cost"], series["cost"]), key="cost")
    right.plotly_chart(figures.with_series(figs["grads"], series["grads"]), key="grads")


panel()
