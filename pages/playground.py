"""The Playground: pick data and a network, then step, play and watch it learn."""

import streamlit as st

from shallownet.ui import address, controls, present, router
from shallownet.ui import share_panel as exchange
from shallownet.ui.i18n.texts import t
from shallownet.ui.live import panel as panels

router.through_app()  # before anything else: see ui/router.py

playground = panels.session_playground()
address.open_link(playground, live=True)  # a shared link's settings and step, before any widget
controls.apply(playground)  # the settings the widgets hold, before the view is drawn

# Each part above the view is one container in every mode, empty or not, so that
# the view keeps its place among the page's elements (a new place is a new frame).
with st.container(key="page-title"):  # the title and introduction: left out in presentation mode
    st.title(t("playground.title"))
    st.caption(t("playground.intro"))
with st.container():
    controls.in_page()  # presentation mode: n1, alpha, the activation and the initialisation above the buttons
# The buttons keep their place above the view but are drawn after it, as the
# sidebar is: on a session's first run a moment after it (see panels.wait_for_view).
buttons = st.empty()  # its room is kept meanwhile (app.css)
with st.container():
    address.ignored_parameters(playground)
panels.messages(playground)
panels.live_panel(playground)
panels.wait_for_view("painted")
with buttons.container(key="page-buttons"):
    # in presentation mode the message is a line beside the buttons, not a box above the view
    beside = (lambda where: panels.message_line(playground, where)) if present.active() else None
    controls.buttons(playground, beside=beside)
panels.wait_for_view("buttons")
router.sidebar_now()  # the sidebar's top (app.py), above the widgets
controls.widgets(playground)
with st.container(key="page-exchange"):  # left out in presentation mode
    exchange.panel(playground)
