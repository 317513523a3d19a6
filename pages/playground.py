"""The Playground: pick data and a network, then step, play and watch it learn."""

import streamlit as st

from shallownet.ui import address, controls, exchange, panels, router
from shallownet.ui.texts import t

router.through_app()  # before anything else: see ui/router.py

pg = panels.playground()
address.open_link(pg, live=True)  # a shared link's settings and step, before any widget
controls.apply(pg)  # the settings the widgets hold, before the view is drawn

st.title(t("playground.title"))
with st.container(key="page-intro"):  # left out in presentation mode (present.py)
    st.caption(t("playground.intro"))
controls.in_page()  # presentation mode: n1, alpha and the activation above the buttons
# The buttons keep their place above the view but are drawn after it, as the
# sidebar is: on a session's first run a moment after it (see panels.head_start).
buttons = st.empty()  # its room is kept meanwhile (app.css)
address.ignored_parameters(pg)
panels.messages(pg)
panels.live_panel(pg)
panels.head_start("painted")
with buttons.container(key="page-buttons"):
    controls.buttons(pg)
panels.head_start("buttons")
router.sidebar_now()  # the sidebar's top (app.py), above the widgets
controls.widgets(pg)
exchange.panel(pg)
