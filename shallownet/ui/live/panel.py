"""The Playground's session object, its messages and its live panel."""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from shallownet.ui import address, present
from shallownet.ui import server_memory as memory
from shallownet.ui.controls import KEY as SETTING_KEY
from shallownet.ui.i18n import language
from shallownet.ui.i18n.texts import t
from shallownet.ui.live.component import live_view
from shallownet.ui.live.frames import Feed
from shallownet.ui.live.stream import SIGNALS, Stream
from shallownet.ui.session import FRAME_SECONDS, Playground, batch_payload

LIVE_KEY = "live"
# On a session's first run, each part of the page drawn after the live view waits
# until the view says the part before it is on the screen, at most this long (see
# wait_for_view).
VIEW_WAIT_MAX_SECONDS = 5.0
VIEW_WAIT_POLL_SECONDS = 0.02
STARTED_KEY = "live.started"  # in the session state once the first run's waits are over


def started() -> bool:
    """Whether this session's first run of the Playground is over (or past its waits)."""
    return bool(st.session_state.get(STARTED_KEY))


def start() -> None:
    """This session's first visit to the Playground, if still to come, does not wait
    for its view (wait_for_view)."""
    st.session_state[STARTED_KEY] = True


def wait_for_view(signal: str) -> None:
    """On a session's first run, wait until the live view tells ``signal`` over the
    live stream, at most VIEW_WAIT_MAX_SECONDS: "painted" (its first boundary is
    on the screen; the buttons come next), then "buttons" (the page shows them; the
    sidebar comes next, and the view loads plotly.js after it, frontend/first.js).

    Why: Streamlit's page draws the elements that reach it together in one go,
    and the live view's frame does not start loading before they are drawn. Each
    kind of widget's code loads on demand, and React renders them in slices
    before anything of that render shows, so on a slow laptop the buttons, the
    sidebar's widgets and plotly.js's first charts each held back what came
    before them. So the page comes in the order it is needed: the picture, the
    buttons, the settings, the charts' axes. A click in the meantime (Play, say)
    is answered at once: with runner.fastReruns (.streamlit/config.toml)
    Streamlit starts the click's run without waiting for this one, which stops
    when it wakes. Later runs change the page in place and do not wait, and
    neither does the rest of this run once a wait has run out or the browser has
    asked for something (the view does when its stream cannot open).
    """
    if started():
        return
    if signal == SIGNALS[-1]:
        st.session_state[STARTED_KEY] = True
    stream = st.session_state.get("live_stream")
    if stream is None:
        return
    heard, waited = stream.heard[signal], 0.0
    while not heard.wait(VIEW_WAIT_POLL_SECONDS):
        waited += VIEW_WAIT_POLL_SECONDS
        if waited >= VIEW_WAIT_MAX_SECONDS or _browser_asks():
            # the stream is not getting through (the view says so with a request
            # of its own, which waits for this run): the rest of the page comes now
            st.session_state[STARTED_KEY] = True
            return


def _browser_asks() -> bool:
    """Whether the browser has asked for a run that waits for this one to end (the
    live view's request, a fragment's run). Streamlit queues it without stopping
    this run, and has no public way to tell; where its internals differ, False
    (the wait then runs out by its time)."""
    ctx = get_script_run_ctx(suppress_warning=True)
    requests = getattr(ctx, "script_requests", None)
    state = getattr(requests, "_state", None)
    return getattr(state, "value", None) == "RERUN"


def session_playground() -> Playground:
    """This browser session's Playground (each session trains its own network)."""
    if "playground" not in st.session_state:
        playground = Playground()
        # when Streamlit drops a closed session, its memory goes back to the system
        memory.watch(playground)
        st.session_state["playground"] = playground
    return st.session_state["playground"]


def _feed() -> Feed:
    """What this session's live view has been sent."""
    if "live_feed" not in st.session_state:
        st.session_state["live_feed"] = Feed()
    return st.session_state["live_feed"]


def message(playground: Playground, lang: str | None = None) -> tuple[str, str] | None:
    """What just happened, or why training stopped: ("error" or "info", its text)."""
    d = playground.trainer.divergence
    if d is not None:
        quantity = t(f"quantity.{d.quantity}", lang)
        if d.step == 0:
            return "error", t("diverged.start", lang, quantity=quantity)
        return "error", t("diverged", lang, step=f"{d.step:,}", quantity=quantity, alpha=f"{d.alpha:g}")
    if playground.notice:
        key, values = playground.notice
        if "settings" in values:
            values = {"what": ", ".join(t(f"setting.{name}", lang) for name in values["settings"])}
        return "info", t(key, lang, **values)
    return None


def messages(playground: Playground, lang: str | None = None) -> None:
    """The message (``message``) in a box above the view; in presentation mode
    nothing here (``message_line`` puts it beside the buttons, where it takes no
    room from the view).

    The box is a container that is there even when empty: the elements after it
    keep their place in the page, so the live view is not rebuilt (and its
    charts not reloaded) each time a message comes or goes.
    """
    box = st.container()
    said = message(playground, lang)
    if said is None or present.active():
        return
    kind, text = said
    (box.error if kind == "error" else box.info)(text, icon="⚠️" if kind == "error" else "ℹ️")


def message_line(playground: Playground, where, lang: str | None = None) -> None:
    """In presentation mode, the message in ``where`` (beside the buttons), in small
    type, at most two lines (app.css)."""
    said = message(playground, lang)
    if said is None:
        return
    kind, text = said
    where.container(key=f"message-line-{kind}").markdown(text)


def hear_screen(playground: Playground) -> None:
    """The step on the view's screen, if its latest request says it and is new (a
    request for a batch, or the page being left while playing)."""
    asked = st.session_state.get(LIVE_KEY)
    shown = asked.get("shown") if isinstance(asked, dict) else None
    if isinstance(shown, int) and not isinstance(shown, bool) and _feed().answered.first("shown", asked.get("id")):
        playground.report_screen(shown)


def _stream(playground: Playground) -> Stream:
    """This session's end of the live stream (stream.py)."""
    stream = st.session_state.get("live_stream")
    if stream is None or stream.playground is not playground:
        ctx = get_script_run_ctx(suppress_warning=True)
        stream = st.session_state["live_stream"] = Stream(playground, _feed(), ctx.session_id if ctx else None)
    return stream


def live_panel(playground: Playground, lang: str | None = None) -> None:
    """The live view. While playing, its batches come over the live stream
    (stream.py), not as script runs: this panel sends the view what a run
    changes (the network, the figures, the language) and wakes the stream."""
    lang = lang or language.current()  # the stream's thread has no session to ask
    stream = _stream(playground)
    stream.update(lang, present.active())
    # Only the first run of the panel belongs to a whole-page run (which may have
    # rebuilt the view): it sends the figures; the panel's own reruns (the view
    # answered) do not.
    first = [True]

    @st.fragment
    def panel():
        with_figures, first[0] = first[0], False
        asked = st.session_state.get(LIVE_KEY)
        feed = _feed()
        if isinstance(asked, dict) and "point" in asked:
            # a click on the plane: a point of the chosen class; the whole page is
            # drawn again, so that its count and the Undo button follow
            if playground.answer_click(asked.get("id"), asked.get("point")):
                # the sidebar's data set is now the user's own points
                st.session_state[SETTING_KEY + "dataset"] = playground.settings.dataset
                st.rerun(scope="app")
        elif isinstance(asked, dict) and asked.get("rerun"):
            # playing stopped by itself in a batch (divergence, a link's step): the
            # whole page is drawn again, so that its message and buttons follow
            if feed.answer_rerun(asked.get("id")):
                st.rerun(scope="app")
        elif isinstance(asked, dict) and asked.get("figures"):
            # the view lacks the figures: a new page in its frame (the browser
            # reloaded it), or the payload that carried them overtaken by a newer one
            with_figures = feed.answer_figures(asked.get("id")) or with_figures
        elif isinstance(asked, dict) and asked.get("batch"):
            # the stream is not there (refused by a proxy, or dropped): the view
            # asks for its next batch with a run of this panel
            hear_screen(playground)
            if feed.answered.first("batch", asked.get("id")) and playground.playing:
                pulled = batch_payload(playground, feed, lang, present.active())
                if pulled is not None:
                    pulled["stream"] = stream.info()
                    pulled["pulled"] = asked.get("id")
                    live_view(pulled, key=LIVE_KEY)
                    return
        elif isinstance(asked, dict) and "shown" in asked:
            hear_screen(playground)  # the page is being left while playing
        elif isinstance(asked, dict) and "step" in asked:
            # after Pause, the view asks to stay on the frame it shows; the
            # address then names that frame's step
            if playground.answer_rewind(asked.get("id"), asked.get("step")):
                address.follow(playground)
        # The network as it is now. While playing, the view takes from this only a
        # new network's start (its frames come over the stream).
        payload = feed.payload(playground, [playground.frame(lang)], lang, frame_ms=round(1000 * FRAME_SECONDS),
                               with_figures=with_figures, present=present.active())
        payload["stream"] = stream.info()
        payload["address"] = {k: v for k, v in address.query(playground).items() if k != "step"}
        live_view(payload, key=LIVE_KEY)
        if playground.playing:
            stream.wake()

    panel()
