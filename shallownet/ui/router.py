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

Streamlit's own navigation is hidden (app.py says why); the sidebar's top, the
pages' links and the switches, is drawn by app.py with ``run`` and ``links``.
"""

from __future__ import annotations

from contextvars import ContextVar

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

# what run() holds back for the page that it runs (each script run has a thread of its own)
_waiting: ContextVar[list | None] = ContextVar("sidebar_top", default=None)
# the pages' sections of this run, for a menu drawn by the page (presentation mode)
_sections: ContextVar[dict | None] = ContextVar("sections", default=None)


def through_app() -> None:
    """Call first on every page: reruns through app.py when the old routing ran it."""
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def run(page, sidebar_top, *, later: bool, sections: dict | None = None) -> None:
    """Run ``page``, with ``sidebar_top`` (a function that draws the sidebar's top)
    called before it; or, if ``later``, when the page calls ``sidebar_now``, or
    after the page if it does not. ``sections``, the pages' links, are the page's
    for its own menu (``menu``)."""
    _sections.set(sections)
    if not later:
        sidebar_top()
        page.run()
        return
    waiting = [sidebar_top]
    token = _waiting.set(waiting)
    try:
        page.run()
    finally:
        _waiting.reset(token)
    sidebar_now(waiting)


def sidebar_now(waiting: list | None = None) -> None:
    """The page is ready for the sidebar's top, if ``run`` holds it back: it is
    drawn now, above the page's own widgets in the sidebar."""
    waiting = _waiting.get() if waiting is None else waiting
    while waiting:
        waiting.pop()()


def menu(where) -> None:
    """The pages' links of this run (``links``) in ``where``, if app.py gave them."""
    sections = _sections.get()
    if sections:
        links(where, sections, divider=False)


def links(where, sections: dict, *, divider: bool = True) -> None:
    """The pages' links in ``where``, under their sections' names, as Streamlit's
    own sidebar navigation shows them (the current page's highlighted)."""
    with where:
        for title, pages in sections.items():
            st.caption(title)
            for page in pages:
                st.page_link(page, width="stretch")
        if divider:
            st.divider()
