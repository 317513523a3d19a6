"""The page's language: English or Korean, per session.

Chosen, in this order, by the address (``lang=ko`` or ``lang=en``), by the
control in the sidebar, and at a session's first run by the browser's language
(``st.context.locale``). Every text comes from ``texts.t``, in the session's
language (``texts.current``, used here too) when none is given.
"""

from __future__ import annotations

import streamlit as st

from shallownet.ui.i18n.texts import DEFAULT_LANGUAGE, KEY, TABLES, current, t

NAMES = {"en": "English", "ko": "한국어"}
__all__ = ["KEY", "NAMES", "choose", "control", "current"]


def choose() -> str:
    """At the start of every run: the address's ``lang`` if it names a language,
    else the session's, else the browser's."""
    asked = st.query_params.get(KEY)
    if asked in TABLES:
        st.session_state[KEY] = asked
    elif st.session_state.get(KEY) not in TABLES:
        locale = (st.context.locale or "").lower()
        st.session_state[KEY] = "ko" if locale.startswith("ko") and "ko" in TABLES else DEFAULT_LANGUAGE
    return st.session_state[KEY]


def control(where=st.sidebar) -> None:
    """The language switch, in ``where`` (the sidebar, or a container in it); the
    address follows it."""
    def changed():
        st.query_params[KEY] = st.session_state[KEY]

    where.segmented_control(t("language", current()), [k for k in NAMES if k in TABLES], key=KEY,
                            format_func=NAMES.get, on_change=changed, required=True)
