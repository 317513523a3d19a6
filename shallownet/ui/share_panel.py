"""Share, save and bring your own data: the Playground's link, its downloads and
its uploads.

- The page's link (address.py): every setting, the step and the language.
- Downloads: the parameters (JSON), the history and the data (CSV), the boundary
  (PNG), each made when its button is pressed.
- The animation for slides (GIF or MP4, plots/animation.py): made under a
  progress bar when asked for, then downloaded; what it will cost is said first,
  and beyond movie.SERVER_SECONDS it is refused.
- Uploads: saved parameters restore that network; a CSV of x1, x2, label becomes
  the data. A file that does not load leaves everything as it was and says why.
"""

from __future__ import annotations

import threading
import time

import streamlit as st
from streamlit.typing import UploadedFile

from shallownet.core import movie
from shallownet.core.datasets import OWN
from shallownet.core.grid import make_grid
from shallownet.core.replay import SPACINGS
from shallownet.core.settings import FIELDS
from shallownet.core.trainer import source_points
from shallownet.formats import files
from shallownet.formats.untrusted import shown
from shallownet.plots import animation
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
EXPORT_SECONDS = tuple(range(5, 16))  # the animation's lengths offered
MADE = "export.made"  # the last animation made: (what it was made from, its bytes, its numbers)
ASKED = "export.asked"  # the button was pressed: make it in this run
# one animation at a time in this process: each holds a core for up to movie.SERVER_SECONDS
_exporting = threading.Lock()


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


# -- the animation for slides ---------------------------------------------------------
def _made_from(run, request: movie.Request, lang: str, log: bool) -> tuple:
    """What an animation is made from: a change of any of it makes another one."""
    return (run.settings, run.start, run.step, run.alphas, request, lang, log)


def _seconds(value: float) -> str:
    return f"{value:.1f}" if value < 10 else f"{value:.0f}"


def _export_problem(run, request: movie.Request, cost: movie.Cost, lang: str) -> str | None:
    """Why this animation cannot be made now, or None."""
    if run.step == run.start:
        return t("export.first_step", lang, step=f"{run.step:,}")
    if request.fmt == "mp4" and not animation.mp4_available():
        return t("export.no_mp4", lang)
    dear = movie.too_dear(cost)
    if dear is None:
        return None
    limit = f"{movie.SERVER_SECONDS:g}"
    if dear == "train":
        m = run.data.X_train.shape[1] + run.data.X_test.shape[1]
        return t("export.too_big.train", lang, steps=f"{run.step - run.start:,}", n1=run.settings.n1,
                 m=f"{m:,}", seconds=_seconds(cost.total), limit=limit)
    return t("export.too_big.frames", lang, frames=request.frames, size=f"{request.width} × {request.height}",
             seconds=_seconds(cost.total), limit=limit)


def _make(playground: Playground, request: movie.Request, lang: str) -> None:
    """Make the animation of the run on screen under a progress bar, into the session
    (MADE); a run that is playing pauses on the frame on screen first."""
    if playground.playing:
        playground.pause_on_screen()
    run = playground.run_record()
    cost = movie.estimate(run, request)
    problem = _export_problem(run, request, cost, lang)
    if problem:
        st.warning(problem, icon="⚠️")
        return
    if not _exporting.acquire(blocking=False):
        st.warning(t("export.busy", lang), icon="⏳")
        return
    bar = st.progress(0.0, text=t("export.progress.train", lang, percent=0))
    shown_percent = [-1]

    def progress(fraction: float, phase: str) -> None:
        percent = int(100 * fraction)
        if percent != shown_percent[0]:  # a message to the browser for each percent, no more
            shown_percent[0] = percent
            bar.progress(fraction, text=t(f"export.progress.{phase}", lang, percent=percent))

    try:
        started = time.perf_counter()
        labels = animation.labels_from(lambda key: t(key, lang), run)
        data = animation.render(run, request, labels, log=playground.cost_log, on_progress=progress)
        took = time.perf_counter() - started
    finally:
        _exporting.release()
    bar.empty()
    numbers = {"took": _seconds(took), "length": request.seconds, "start": f"{run.start:,}",
               "step": f"{run.step:,}", "bytes": f"{len(data) / 1e6:.1f} MB"}
    st.session_state[MADE] = (_made_from(run, request, lang, playground.cost_log), data, numbers)


def _animation_panel(playground: Playground, lang: str) -> None:
    """Length, size, format and the frames' spacing; what it will cost; the button
    that makes it, then the one that downloads it."""
    st.markdown(f"**{t('export.title', lang)}**")
    cols = st.columns([3, 2, 2, 3], vertical_alignment="bottom")
    seconds = cols[0].select_slider(t("export.seconds", lang), EXPORT_SECONDS, value=movie.DEFAULT_SECONDS,
                                    key="export.seconds")
    width, height = cols[1].selectbox(t("export.size", lang), movie.SIZES, key="export.size",
                                      format_func=lambda size: f"{size[0]} × {size[1]}")
    fmt = cols[2].segmented_control(t("export.format", lang), movie.FORMATS, default="gif", required=True,
                                    format_func=str.upper, key="export.format")
    spacing = cols[3].selectbox(t("export.spacing", lang), SPACINGS, key="export.spacing",
                                format_func=lambda s: t(f"export.spacing.{s}", lang),
                                help=t("export.help.spacing", lang))
    request = movie.Request(width, height, seconds, fmt or "gif", spacing)
    about = st.empty()
    # the click is kept in the session by its callback, not read from the button's
    # value: a run that starts again at once (ui/router.py) would lose that
    st.button(t("export.make", lang), key="export.make", on_click=st.session_state.__setitem__, args=(ASKED, True))
    made_here = st.session_state.pop(ASKED, False)
    if made_here:
        _make(playground, request, lang)
    run = playground.run_record()
    cost = movie.estimate(run, request)
    problem = _export_problem(run, request, cost, lang)
    with about.container():
        distinct = movie.distinct_frames(run, request)
        st.caption(t("export.caption", lang, start=f"{run.start:,}", step=f"{run.step:,}") + " "
                   + t("export.cost", lang, seconds=_seconds(cost.total), steps=f"{run.step - run.start:,}",
                       frames=distinct))
        if problem and not made_here:
            st.warning(problem, icon="⚠️")
    made = st.session_state.get(MADE)
    if made is None:
        return
    if made[0] != _made_from(run, request, lang, playground.cost_log):
        del st.session_state[MADE]  # made from another run or request: its bytes go
        return
    _, data, numbers = made
    st.success(t("export.made", lang, **numbers), icon="✅")
    st.download_button(t("export.download", lang, format=request.fmt.upper()), data,
                       file_name=f"shallownet-{run.settings.dataset}-step{run.step}.{request.fmt}",
                       mime=animation.MIME[request.fmt], on_click="ignore", key="export.download")


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
        _animation_panel(playground, lang)
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
