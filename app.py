"""shallownet: the entry point and router. Run with ``streamlit run app.py``.

This file is two things. ``streamlit run app.py`` first imports it, with no
script running, to find an ASGI app: it then finds ``app``, a Streamlit app
that also serves the live view's stream (shallownet/ui/live/stream.py). Each page
view then runs it as the app's script: the navigation below.
"""

import os

# Every session trains in this one process. With two BLAS threads each, sessions
# fight over the two cores and a step gets 3-4x slower; one thread each does not
# (docs/design.md). This must be set before numpy is first imported, which is below.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from pathlib import Path  # noqa: E402

import streamlit as st  # noqa: E402
from streamlit.runtime.scriptrunner import get_script_run_ctx  # noqa: E402

from shallownet.ui import present, router
from shallownet.ui.i18n import language
from shallownet.ui.i18n.texts import t  # noqa: E402
from shallownet.ui.live import stream  # noqa: E402


def main() -> None:
    # imported in a script run, not with this file: it declares the live view's
    # component, which Streamlit serves only if that happens in a run
    from shallownet.ui import address
    from shallownet.ui.live import panel as panels

    router.through_app()  # first of all: on a fresh server Streamlit may route by file (ui/router.py)

    language.choose()  # from the address, the session or the browser, before any text
    present.choose()
    st.set_page_config(page_title=t("app.title"), page_icon="🧠", layout="wide")
    # styles for every page (a style-only st.html goes to the page's head, taking no room)
    st.html(Path(__file__).parent / "shallownet" / "ui" / "app.css")

    playground = st.Page("pages/playground.py", title=t("page.playground"), icon="🎛️", default=True)
    sections = {
        t("nav.train"): [playground],
        t("nav.lecture"): [
            st.Page("pages/equations.py", title=t("page.equations"), icon="🧮"),
            st.Page("pages/one_iteration.py", title=t("page.one_iteration"), icon="🔁"),
            st.Page("pages/initialisation.py", title=t("page.initialisation"), icon="🎲"),
            st.Page("pages/gradient_check.py", title=t("page.gradient_check"), icon="✅"),
            st.Page("pages/hidden_units.py", title=t("page.hidden_units"), icon="🔬"),
            st.Page("pages/hidden_layer_size.py", title=t("page.hidden_layer_size"), icon="📏"),
        ],
    }
    # Streamlit's own navigation is hidden: the sidebar's top (the pages' links and
    # the switches) is ours, so that on a session's first visit to the Playground
    # it can come after the live view (ui/live/panel.py, wait_for_view, says why);
    # Streamlit's would be rendered with the page's first elements. Elsewhere it
    # comes before the page.
    page = st.navigation(sections, position="hidden")
    presenting = present.active()
    # in a container in either mode: an element whose place among the page's
    # elements changes is a new element to Streamlit, and the live view's frame
    # would load anew (its picture gone for a second) at each switch of the mode
    with st.container():
        present.style()
    # Made now, empty, even when their contents come after the page: with no
    # sidebar element among the page's first elements Streamlit draws no sidebar,
    # and the view, laid out the window's width, would shrink when it came.
    links, switches = st.sidebar.container(key="page-links"), st.sidebar.container()

    def sidebar_top():
        router.links(links, sections)
        language.control(switches)
        if not presenting:
            present.control(switches)

    if page is not playground:
        # the Playground's first visit waits for its view only as the session's first
        # page: after another page its elements come when the run ends, not before
        panels.start()
    router.run(page, sidebar_top, later=page is playground and not panels.started(), sections=sections)
    address.follow(panels.session_playground())  # every page's address names the network on screen


if get_script_run_ctx(suppress_warning=True) is None:
    # imported by `streamlit run` (or an ASGI server): this script, and the stream
    app = st.App(__file__, routes=stream.routes())
else:
    main()
