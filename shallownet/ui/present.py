"""Presentation mode: one switch (or ``present=1`` in the address) for a projector
(1280 x 720 or 1024 x 768) seen from the back of a hall; the switch is in the
sidebar, and in the page while presenting. The sidebar goes; the page's text and
widgets grow (its root font size); the live view enlarges its numbers and its
charts' fonts and puts its three charts side by side (it is told so in each
payload); the controls a lecturer turns while talking (n1, α, the activation and
the initialisation, zeros or random) come into the page above the buttons, after
the switch and a menu of the pages and the presets (controls.in_page); what just
happened is a line beside the buttons, not a box above the view.
"""

from __future__ import annotations

import streamlit as st

from shallownet.ui.i18n.texts import t

KEY = "present"
FONT_PX = 23  # the page's root font size while presenting (17 otherwise, config.toml)
_STYLE = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
[data-testid="stSidebarNav"] { display: none !important; }
html { font-size: %spx !important; }
[data-testid="stMainBlockContainer"] { max-width: none; padding: 0.5rem 1rem 0.25rem 1rem; }
/* the whole Playground on one 1280 x 720 or 1024 x 768 screen: no title or
   introduction, the mode's switch and menu in the row of n1, alpha and g1, tighter
   spacing; a lecture page keeps its title, smaller */
h1 { font-size: 1.5rem !important; padding: 0 !important; }
[data-testid="stMainBlockContainer"] [data-testid="stVerticalBlock"] { gap: 0.5rem; }
.st-key-page-intro, .st-key-page-title, .st-key-page-exchange,
[data-testid="stLayoutWrapper"]:has(> .st-key-page-intro, > .st-key-page-title, > .st-key-page-exchange) {
  display: none; }
/* the buttons' labels a little smaller, so that six of them and the message fit a
   1024-pixel row in either language; a setting's name on one line, so that the
   row of settings keeps its height whatever the language */
.st-key-page-buttons button p { font-size: 0.85rem; }
[data-testid="stMain"] [data-testid="stWidgetLabel"] p { white-space: nowrap; overflow: hidden;
  text-overflow: ellipsis; }
/* a label's text may shrink below its own width (a flex item's does not by default):
   cut short with its ellipsis, not drawn over the next setting's */
[data-testid="stMain"] label[data-testid="stWidgetLabel"] > span { min-width: 0; }
</style>"""


def choose() -> bool:
    """At the start of every run: the address's ``present`` (1 or 0) if it has one,
    else the session's choice (off at first)."""
    asked = st.query_params.get(KEY)
    if asked in ("1", "0"):
        st.session_state[KEY] = asked == "1"
    # written back as the session's own on every run: the switch is drawn on every
    # page, and Streamlit drops a widget's value when another page draws it
    st.session_state[KEY] = bool(st.session_state.get(KEY, False))
    return st.session_state[KEY]


def active() -> bool:
    return bool(st.session_state.get(KEY))


def style() -> None:
    """The page's look while presenting (nothing otherwise), before the page is drawn."""
    if active():
        st.html(_STYLE % FONT_PX)


def control(where=st) -> None:
    """The switch, in ``where``; the address follows it. app.py puts it at the top of
    the page while presenting (the sidebar is gone), and in the sidebar otherwise."""
    def changed():
        st.query_params[KEY] = "1" if st.session_state[KEY] else "0"

    where.toggle(t("present.switch"), key=KEY, on_change=changed, help=t("present.help"))
