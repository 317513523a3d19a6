"""Share, save and bring your own data: the Playground's link, its downloads and
its uploads.

- The page's link (address.py): every setting, the step and the language.
- Downloads: the parameters (JSON), the history and the data (CSV), the boundary
  (PNG), each made when its button is pressed.
- Uploads: saved parameters restore that network; a CSV of x1, x2, label becomes
  the data. A file that does not load leaves everything as it was and says why.
"""

from __future__ import annotations

import streamlit as st
from streamlit.typing import UploadedFile

from shallownet.core.datasets import OWN
from shallownet.core.grid import make_grid
from shallownet.core.settings import FIELDS
from shallownet.core.trainer import source_points
from shallownet.formats import files
from shallownet.formats.untrusted import shown
from shallownet.plots.boundary_png import boundary_png
from shallownet.ui import address
from shallownet.ui.controls import KEY
from shallownet.ui.i18n import language
from shallownet.ui.i18n.texts import t
from shallownet.ui.live.frames import boundary_on
from shallownet.ui.session import Playground

# the last upload's message: (its uploader's key, its file's file_id, ERROR or SUCCESS, the text)
SAID = "exchange.said"
ERROR, SUCCESS = "error", "success"
PROBLEM_LIMIT = 300  # characters of a file's problem shown (a LoadError quotes the file briefly)
LABEL_LIMIT = 20  # characters of each of a CSV's two labels shown


# -- downloads ------------------------------------------------------------------
def _params_json(playground: Playground) -> str:
    return files.params_to_json(playground.trainer.params, playground.settings, playground.trainer.step_count)


def _history_csv(playground: Playground) -> str:
    return files.history_to_csv(playground.trainer.history.columns(), playground.trainer.latest)


def _data_csv(playground: Playground) -> str:
    X, Y = source_points(playground.settings, playground.trainer.points)
    return files.data_to_csv(X, Y)


def _boundary_png(playground: Playground) -> bytes:
    d = playground.trainer.data
    grid = make_grid(d.X_all, 150)
    P, segments = boundary_on(playground.trainer, grid)
    return boundary_png(grid.xs, grid.ys, P, segments, d.X_train, d.Y_train, d.X_test, d.Y_test)


# -- uploads --------------------------------------------------------------------
def _current(key: str) -> UploadedFile | None:
    """The file in uploader ``key`` now, if any (Streamlit's value is a DeletedFile
    once the file has left its storage)."""
    upload = st.session_state.get(key)
    return upload if isinstance(upload, UploadedFile) else None


def _said(key: str, upload: UploadedFile, kind: str, text: str) -> None:
    """The last upload's message: shown while that file (its file_id) is the value
    of the uploader it came from. The browser refuses a file over the uploader's
    limit without telling the server, and a removed file changes the value, so a
    message never outlives its file."""
    st.session_state[SAID] = (key, upload.file_id, kind, text)


def _problem(e: files.LoadError) -> str:
    return shown(e, PROBLEM_LIMIT)


def _read(key: str, load, bad):
    """The file in uploader ``key``, loaded by ``load``: (the upload, its name quoted,
    what it loaded); None when there is none, or when it does not load, which is
    then said with ``bad(name, problem)``."""
    upload = _current(key)
    if upload is None:
        return None
    name = shown(upload.name)
    try:
        return upload, name, load(upload.getvalue())
    except files.LoadError as e:
        _said(key, upload, ERROR, bad(name, _problem(e)))
        return None


def _load_params(playground: Playground, lang: str) -> None:
    key = "upload.params"
    read = _read(key, files.params_from_json,
                 lambda name, problem: t("upload.params.bad", lang, name=name, problem=problem))
    if read is None:
        return
    upload, name, saved = read
    if saved.settings.dataset == OWN and playground.trainer.points is None:
        _said(key, upload, ERROR, t("upload.params.own", lang, name=name))
        return
    for field in FIELDS:
        st.session_state[KEY + field] = getattr(saved.settings, field)
    playground.load(saved.settings, saved.params, saved.step)
    _said(key, upload, SUCCESS, t("upload.params.done", lang, name=name, step=f"{saved.step:,}"))


def _load_data(playground: Playground, lang: str) -> None:
    key = "upload.data"
    read = _read(key, files.data_from_csv,
                 lambda name, problem: t("upload.data.bad", lang, name=name, problem=problem))
    if read is None:
        return
    upload, name, own = read
    playground.pause()
    playground.use_points(own.X, own.Y)
    st.session_state[KEY + "dataset"] = OWN
    mapping = ", ".join(f"{shown(k, LABEL_LIMIT)} → {v}" for k, v in own.labels.items())
    done = "upload.data.done" if own.labels == {"0": 0, "1": 1} else "upload.data.mapped"
    _said(key, upload, SUCCESS, t(done, lang, name=name, m=f"{own.X.shape[1]:,}", mapping=mapping))


def _upload_message() -> None:
    """The last upload's message, if its file is still in its uploader."""
    said = st.session_state.get(SAID)
    if not said:
        return
    key, file_id, kind, text = said
    upload = _current(key)
    if upload is None or upload.file_id != file_id:
        return
    if kind == ERROR:
        st.error(text, icon="⚠️")
    else:
        st.success(text, icon="✅")


def panel(playground: Playground, lang: str | None = None) -> None:
    """Share, save and your own data, under the live view, drawn only when asked
    for: its uploaders, downloads and code block each load their own part of
    Streamlit's page code, which a first visit on a slow laptop would otherwise
    wait for before the live view (an expander draws its contents even closed)."""
    lang = lang or language.current()  # the widgets' format functions keep it
    if not st.toggle(t("exchange.title", lang), key="exchange.open"):
        return
    with st.container(border=True):
        st.caption(t("share.link", lang))
        st.code(address.link(playground), language=None, wrap_lines=True)
        cols = st.columns(4)
        cols[0].download_button(t("download.params", lang), lambda: _params_json(playground),
                                file_name="shallownet-params.json", mime="application/json",
                                on_click="ignore", width="stretch")
        cols[1].download_button(t("download.history", lang), lambda: _history_csv(playground),
                                file_name="shallownet-history.csv", mime="text/csv",
                                on_click="ignore", width="stretch")
        cols[2].download_button(t("download.data", lang), lambda: _data_csv(playground),
                                file_name="shallownet-data.csv", mime="text/csv",
                                on_click="ignore", width="stretch")
        cols[3].download_button(t("download.png", lang), lambda: _boundary_png(playground),
                                file_name="shallownet-boundary.png", mime="image/png",
                                on_click="ignore", width="stretch")
        left, right = st.columns(2)
        left.file_uploader(t("upload.params", lang), type=["json"], key="upload.params",
                           on_change=_load_params, args=(playground, lang), help=t("upload.params.help", lang),
                           max_upload_size=1)
        right.file_uploader(t("upload.data", lang), type=["csv", "txt"], key="upload.data",
                            on_change=_load_data, args=(playground, lang), help=t("upload.data.help", lang),
                            max_upload_size=1)
        # points added by clicking the boundary
        def choose_class():
            playground.click_class = st.session_state["click.class"]

        st.session_state.setdefault("click.class", playground.click_class)
        left, mid, right = st.columns([3, 1, 1], vertical_alignment="bottom")
        left.radio(t("click.class", lang), (None, 0, 1), key="click.class", horizontal=True,
                   format_func=lambda c: t("click.off" if c is None else f"click.class{c}", lang),
                   on_change=choose_class, help=t("click.help", lang))
        def then_sidebar(action):
            # the sidebar's data set follows (clearing goes back to the generated one)
            action()
            st.session_state[KEY + "dataset"] = playground.settings.dataset

        mid.button(t("click.undo", lang), on_click=then_sidebar, args=(playground.undo_point,),
                   disabled=not playground.clicked, width="stretch")
        right.button(t("click.clear", lang), on_click=then_sidebar, args=(playground.clear_points,),
                     disabled=not playground.clicked, width="stretch")
        if playground.clicked:
            st.caption(t("click.count", lang, count=len(playground.clicked)))
        _upload_message()
