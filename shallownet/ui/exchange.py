"""Share, save and bring your own data: the Playground's link, its downloads and
its uploads.

- The page's address carries every setting and the step (share.py). A session's
  first run reads it, before any widget exists: each bad parameter is ignored
  with its reason and its default used (Streamlit would otherwise clamp an
  out-of-range widget value silently). At rest the address follows the page.
- Downloads: the parameters (JSON), the history and the data (CSV), the boundary
  (PNG), each made when its button is pressed.
- Uploads: saved parameters restore that network; a CSV of x1, x2, label becomes
  the data. A file that does not load leaves everything as it was and says why.
"""

from __future__ import annotations

import urllib.parse

import streamlit as st

from .. import files, share
from ..datasets import OWN
from ..grid import make_grid
from ..picture import boundary_png
from ..settings import FIELDS
from ..trainer import source_points
from . import language
from .controls import KEY
from .frames import boundary_on
from .playground import Playground
from .texts import t

OPENED = "share.opened"  # the session has read its address
IGNORED = "share.ignored"  # the address's parameters that were ignored, with why
PROBLEM = "exchange.problem"  # the last upload's problem, shown until the next upload
DONE = "exchange.done"  # the last upload's success, likewise
# a link may ask for at most this many steps when it is opened (~10 s here)
MAX_LINK_STEPS = 100_000


def open_link(pg: Playground, lang: str | None = None) -> None:
    """On the session's first run, before the sidebar: the settings and the step in
    the address, if it has any."""
    if st.session_state.get(OPENED):
        return
    st.session_state[OPENED] = True
    query = {k: v for k, v in st.query_params.to_dict().items() if k not in share.PAGE_PARAMETERS}
    if not query:
        return
    shared = share.from_query(query)
    ignored = list(shared.ignored)
    step = shared.step
    if step > MAX_LINK_STEPS:
        reason = t("share.too_many_steps", lang, most=f"{MAX_LINK_STEPS:,}")
        ignored.append(share.Ignored(share.STEP, str(step), reason))
        step = MAX_LINK_STEPS
    for name in FIELDS:
        st.session_state[KEY + name] = getattr(shared.settings, name)
    pg.apply(shared.settings)
    if step:
        bar = st.progress(0.0, text=t("share.training", lang, step=f"{step:,}"))
        pg.trainer.run(step, lambda done, total: bar.progress(done / total, text=t(
            "share.training", lang, step=f"{total:,}")))
        bar.empty()
    pg.notice = ("share.opened", {"step": f"{pg.trainer.step_count:,}"})
    st.session_state[IGNORED] = (ignored, pg.settings)


def ignored_parameters(pg: Playground, lang: str | None = None) -> None:
    """What the address asked for that was not used, one warning each, until the
    settings change."""
    ignored, opened_with = st.session_state.get(IGNORED, ((), None))
    if pg.settings != opened_with:
        return
    for item in ignored:
        key = "share.unknown" if item.name not in FIELDS and item.name != share.STEP else "share.ignored"
        st.warning(t(key, lang, name=item.name, value=item.value, reason=item.reason), icon="⚠️")


def follow(pg: Playground) -> None:
    """At rest, the address says what is on the page (settings and step), keeping
    the page's own parameters (language, presentation)."""
    if pg.playing:
        return
    want = share.to_query(pg.settings, pg.trainer.step_count)
    if pg.settings.dataset == OWN:
        want.pop("dataset")  # own points do not travel in a link
    keep = {k: v for k, v in st.query_params.to_dict().items() if k in share.PAGE_PARAMETERS}
    if st.query_params.to_dict() != {**want, **keep}:
        st.query_params.from_dict({**want, **keep})


def link(pg: Playground) -> str:
    query = share.to_query(pg.settings, pg.trainer.step_count)
    query.update({k: v for k, v in st.query_params.to_dict().items() if k in share.PAGE_PARAMETERS})
    if pg.settings.dataset == OWN:
        query.pop("dataset")
    base = (st.context.url or "").split("?")[0]
    return base + "?" + urllib.parse.urlencode(query)


# -- downloads ------------------------------------------------------------------
def _params_json(pg: Playground) -> str:
    return files.params_to_json(pg.trainer.params, pg.settings, pg.trainer.step_count)


def _history_csv(pg: Playground) -> str:
    return files.history_to_csv(pg.trainer.history.columns(), pg.trainer.latest)


def _data_csv(pg: Playground) -> str:
    X, Y = source_points(pg.settings, pg.trainer.points)
    return files.data_to_csv(X, Y)


def _boundary_png(pg: Playground) -> bytes:
    d = pg.trainer.data
    grid = make_grid(d.X_all, 150)
    P, segments = boundary_on(pg.trainer, grid)
    return boundary_png(grid.xs, grid.ys, P, segments, d.X_train, d.Y_train, d.X_test, d.Y_test)


# -- uploads --------------------------------------------------------------------
def _said(problem: str | None = None, done: str | None = None) -> None:
    st.session_state[PROBLEM] = problem
    st.session_state[DONE] = done


def _load_params(pg: Playground, lang: str) -> None:
    upload = st.session_state.get("upload.params")
    if upload is None:
        return
    try:
        saved = files.params_from_json(upload.getvalue())
    except files.LoadError as e:
        _said(problem=t("upload.params.bad", lang, name=upload.name, problem=str(e)))
        return
    if saved.settings.dataset == OWN and pg.trainer.points is None:
        _said(problem=t("upload.params.own", lang, name=upload.name))
        return
    for name in FIELDS:
        st.session_state[KEY + name] = getattr(saved.settings, name)
    pg.pause()
    pg.apply(saved.settings)
    pg.trainer.start_from(saved.params, saved.step)
    pg.rev += 1  # a network the view has not seen
    pg.notice = None
    _said(done=t("upload.params.done", lang, name=upload.name, step=f"{saved.step:,}"))


def _load_data(pg: Playground, lang: str) -> None:
    upload = st.session_state.get("upload.data")
    if upload is None:
        return
    try:
        own = files.data_from_csv(upload.getvalue())
    except files.LoadError as e:
        _said(problem=t("upload.data.bad", lang, name=upload.name, problem=str(e)))
        return
    pg.pause()
    pg.use_points(own.X, own.Y)
    st.session_state[KEY + "dataset"] = OWN
    mapping = ", ".join(f"{k} → {v}" for k, v in own.labels.items())
    key = "upload.data.done" if own.labels == {"0": 0, "1": 1} else "upload.data.mapped"
    _said(done=t(key, lang, name=upload.name, m=f"{own.X.shape[1]:,}", mapping=mapping))


def panel(pg: Playground, lang: str | None = None) -> None:
    """Share, save and your own data, under the live view, drawn only when asked
    for: its uploaders, downloads and code block each load their own part of
    Streamlit's page code, which a first visit on a slow laptop would otherwise
    wait for before the live view (an expander draws its contents even closed)."""
    lang = lang or language.current()  # the widgets' format functions keep it
    if not st.toggle(t("exchange.title", lang), key="exchange.open"):
        return
    with st.container(border=True):
        st.caption(t("share.link", lang))
        st.code(link(pg), language=None, wrap_lines=True)
        cols = st.columns(4)
        cols[0].download_button(t("download.params", lang), lambda: _params_json(pg),
                                file_name="shallownet-params.json", mime="application/json",
                                on_click="ignore", width="stretch")
        cols[1].download_button(t("download.history", lang), lambda: _history_csv(pg),
                                file_name="shallownet-history.csv", mime="text/csv",
                                on_click="ignore", width="stretch")
        cols[2].download_button(t("download.data", lang), lambda: _data_csv(pg),
                                file_name="shallownet-data.csv", mime="text/csv",
                                on_click="ignore", width="stretch")
        cols[3].download_button(t("download.png", lang), lambda: _boundary_png(pg),
                                file_name="shallownet-boundary.png", mime="image/png",
                                on_click="ignore", width="stretch")
        left, right = st.columns(2)
        left.file_uploader(t("upload.params", lang), type=["json"], key="upload.params",
                           on_change=_load_params, args=(pg, lang), help=t("upload.params.help", lang),
                           max_upload_size=1)
        right.file_uploader(t("upload.data", lang), type=["csv", "txt"], key="upload.data",
                            on_change=_load_data, args=(pg, lang), help=t("upload.data.help", lang),
                            max_upload_size=1)
        # points added by clicking the boundary
        def choose_class():
            pg.click_class = st.session_state["click.class"]

        st.session_state.setdefault("click.class", pg.click_class)
        left, mid, right = st.columns([3, 1, 1], vertical_alignment="bottom")
        left.radio(t("click.class", lang), (None, 0, 1), key="click.class", horizontal=True,
                   format_func=lambda c: t("click.off" if c is None else f"click.class{c}", lang),
                   on_change=choose_class, help=t("click.help", lang))
        def then_sidebar(action):
            # the sidebar's data set follows (clearing goes back to the generated one)
            action()
            st.session_state[KEY + "dataset"] = pg.settings.dataset

        mid.button(t("click.undo", lang), on_click=then_sidebar, args=(pg.undo_point,), disabled=not pg.clicked,
                   width="stretch")
        right.button(t("click.clear", lang), on_click=then_sidebar, args=(pg.clear_points,),
                     disabled=not pg.clicked, width="stretch")
        if pg.clicked:
            st.caption(t("click.count", lang, count=len(pg.clicked)))
        if st.session_state.get(PROBLEM):
            st.error(st.session_state[PROBLEM], icon="⚠️")
        elif st.session_state.get(DONE):
            st.success(st.session_state[DONE], icon="✅")
