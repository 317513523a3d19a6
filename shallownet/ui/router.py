"""Every page runs under app.py's navigation, even when it is opened by its own
address on a fresh server.

Streamlit keeps an old way of making pages: with a ``pages/`` folder beside the
main script, it starts out routing by file, and only app.py's ``st.navigation``
turns that off, for the whole server. So the first visitor after a restart who
opens /equations (a shared link, say) got the page run on its own: a navigation
listing the files ("app", "equations", ...) and none of app.py's settings. The
project's layout keeps ``pages/``, so each page asks for the router first: if
it is not in charge yet, it is put in charge and the page is run again through
app.py (the page keeps its address, which names it the same way in both).

app.py asks first too: the first session after a restart, on the root address,
ran app.py inside the file router's own navigation, and every element of the
Playground came twice (two Play buttons, two live views).
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


def through_app() -> None:
    """Call first on every page: reruns through app.py when the old routing ran it."""
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
