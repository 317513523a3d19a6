"""What every lecture page shares: the session's Playground, its sidebar, and the
current network in the lecture's terms.

The lecture pages open up the Playground's network rather than train their own: a
page reads the session's ``Playground`` (panels.playground), shows the same
sidebar, so that changing n1 on one page changes it on all of them, and computes
only what it shows. Training stops while a lecture page is open, so that every
number on it belongs to one network.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import streamlit as st

from shallownet.core.network import Params
from shallownet.core.settings import Settings
from shallownet.ui import address, controls
from shallownet.ui.i18n.texts import t
from shallownet.ui.live import panel as panels
from shallownet.ui.session import Playground


class Network(NamedTuple):
    """The session's network as the lecture writes it: parameters, the training set
    (X is (n0, m), Y is (1, m)), the test set, the activation and the step."""

    params: Params
    X: np.ndarray
    Y: np.ndarray
    X_test: np.ndarray
    Y_test: np.ndarray
    activation: str
    settings: Settings
    step: int


# what a lecture page says of the Playground's notices: how its network got here
NOTICES = ("live.paused_for_page", "share.opened", "live.link_stopped")


def page(title_key: str, intro_key: str, lang: str | None = None) -> Playground:
    """The session's Playground, paused on the frame the view showed (and saying
    so), with the page's title, its introduction and the settings in the sidebar.
    A session that starts here trains the network its address names."""
    playground = panels.session_playground()
    address.open_link(playground, live=False, lang=lang)
    panels.hear_screen(playground)  # the view may have said where it was as it was left
    if playground.pause_on_screen():
        playground.notice = ("live.paused_for_page", {"step": f"{playground.trainer.step_count:,}"})
    st.title(t(title_key, lang))
    with st.container(key="page-intro"):  # left out in presentation mode (present.py)
        st.caption(t(intro_key, lang))
    address.ignored_parameters(playground, lang)
    if playground.notice and playground.notice[0] in NOTICES:
        st.info(t(playground.notice[0], lang, **playground.notice[1]), icon="ℹ️")
    controls.sidebar(playground, lang, playback=False)
    return playground


def network(playground: Playground) -> Network:
    tr, d = playground.trainer, playground.trainer.data
    return Network(tr.params, d.X_train, d.Y_train, d.X_test, d.Y_test,
                   tr.settings.activation, tr.settings, tr.step_count)
