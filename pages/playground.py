"""The Playground: pick data and a network, then step, play and watch it learn."""

import streamlit as st

from shallownet.ui import controls, panels
from shallownet.ui.texts import t

pg = panels.playground()

st.title(t("playground.title"))
st.caption(t("playground.intro"))
controls.sidebar(pg)
controls.buttons(pg)
panels.messages(pg)
panels.live_panel(pg)
