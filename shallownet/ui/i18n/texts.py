"""Every text the app shows, keyed, one table per language (en.py, ko.py), and the
session's language.

A page never writes a sentence itself: it asks ``t("key")``. A second language is
one more table with the same keys (tests check that every table has them all).
The language is chosen in language.py; ``current`` reads it here, so that ``t``
needs nothing from there.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from shallownet.ui.i18n.en import EN
from shallownet.ui.i18n.ko import KO

TABLES = {"en": EN, "ko": KO}
DEFAULT_LANGUAGE = "en"
KEY = "lang"  # the session state's and the address's name for the language


def current() -> str:
    """The session's language (the default outside a running page, as in tests of
    the core)."""
    if get_script_run_ctx(suppress_warning=True) is None:
        return DEFAULT_LANGUAGE
    lang = st.session_state.get(KEY)
    return lang if lang in TABLES else DEFAULT_LANGUAGE


def t(key: str, lang: str | None = None, **values) -> str:
    """The text for ``key`` in ``lang`` (by default the session's), with ``values``
    filled in."""
    text = TABLES.get(lang or current(), EN).get(key)
    if text is None:
        text = EN[key]
    return text.format(**values) if values else text
