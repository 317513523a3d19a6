"""The page's address: it names the session's network on every page, and a
session that starts from an address trains that network.

- Every page's address carries every setting, the step on screen and the
  language (``follow``, at the end of each run at rest, and after Pause once the
  view has said which frame it shows), so a reload or a copied address on any
  page gives the same network.
- A session's first run reads the address, before any widget exists
  (``open_link``): each bad parameter is ignored with its reason and its default
  used (Streamlit would otherwise clamp an out-of-range widget value silently),
  and the step is trained to within a bound of server time. On the Playground a
  step out of reach at once is trained live in the view (``Playground.play_to``),
  for at most GOAL_CPU_SECONDS; on a lecture page, under a progress bar, as long.
- What the address asked for that was not used is named, quoted as text
  (``untrusted.shown``), never as markup.
"""

from __future__ import annotations

import time
import urllib.parse

import streamlit as st

from shallownet.core.datasets import OWN
from shallownet.core.settings import FIELDS
from shallownet.formats import links as share
from shallownet.formats.untrusted import shown
from shallownet.ui import present
from shallownet.ui.controls import KEY
from shallownet.ui.i18n import language
from shallownet.ui.i18n.texts import t
from shallownet.ui.session import GOAL_CPU_SECONDS, Playground

OPENED = "share.opened"  # the session has read its address
IGNORED = "share.ignored"  # the address's parameters that were ignored, with why
# On the Playground a link's training before the page shows takes at most this
# long; the rest is trained live, in the view.
BEFORE_PAGE_SECONDS = 0.3
MAX_IGNORED_SHOWN = 5  # warnings about the address, then one line for the rest
CHUNK_STEPS = 200


def open_link(playground: Playground, *, live: bool, lang: str | None = None) -> None:
    """On the session's first run, before the sidebar: the settings and the step in
    the address, if it has any. ``live``: the page shows the live view, which
    trains on towards a step out of reach at once (the Playground)."""
    if st.session_state.get(OPENED):
        return
    st.session_state[OPENED] = True
    query = {k: st.query_params.get_all(k) for k in st.query_params if k not in share.PAGE_PARAMETERS}
    if not query:
        return
    shared = share.from_query(query)
    for name in FIELDS:
        st.session_state[KEY + name] = getattr(shared.settings, name)
    playground.apply(shared.settings)
    playground.notice = None
    st.session_state[IGNORED] = (list(shared.ignored), playground.settings)
    if not shared.step:
        return
    if live:
        _train_towards(playground, shared.step, BEFORE_PAGE_SECONDS)
    else:
        bar = st.progress(0.0, text=t("share.training", lang, step=f"{shared.step:,}"))
        _train_towards(playground, shared.step, GOAL_CPU_SECONDS,
                       lambda: bar.progress(playground.trainer.step_count / shared.step,
                                            text=t("share.training", lang, step=f"{shared.step:,}")))
        bar.empty()
    step = f"{playground.trainer.step_count:,}"
    if playground.trainer.step_count >= shared.step or playground.diverged:
        playground.notice = ("share.opened", {"step": step})
    elif live:
        playground.play_to(shared.step)
        playground.notice = ("live.link_training", {"step": f"{shared.step:,}", "seconds": f"{GOAL_CPU_SECONDS:g}"})
    else:
        playground.notice = ("live.link_stopped",
                     {"step": step, "goal": f"{shared.step:,}", "seconds": f"{GOAL_CPU_SECONDS:g}"})


def _train_towards(playground: Playground, goal: int, seconds: float, on_progress=None) -> None:
    """Train ``playground`` towards step ``goal`` for at most ``seconds`` of this thread's CPU."""
    start = time.thread_time()
    while playground.trainer.step_count < goal and not playground.diverged and time.thread_time() - start < seconds:
        playground.step(min(CHUNK_STEPS, goal - playground.trainer.step_count))
        if on_progress is not None:
            on_progress()


def ignored_parameters(playground: Playground, lang: str | None = None) -> None:
    """What the address asked for that was not used, one warning each (the first
    few), until the settings change. Names and values are quoted as text."""
    ignored, opened_with = st.session_state.get(IGNORED, ((), None))
    if playground.settings != opened_with:
        return
    for item in ignored[:MAX_IGNORED_SHOWN]:
        # "ignored (why); its default is used", or "ignored: why" when no default was
        # used (an unknown name, or a name given twice whose last value is)
        defaulted = (item.name in FIELDS or item.name == share.STEP) and item.reason != share.REPEATED
        key = "share.ignored" if defaulted else "share.unknown"
        st.warning(t(key, lang, name=shown(item.name), value=shown(item.value), reason=item.reason),
                   icon="⚠️")
    if len(ignored) > MAX_IGNORED_SHOWN:
        st.warning(t("live.link_more_ignored", lang, count=f"{len(ignored) - MAX_IGNORED_SHOWN:,}"), icon="⚠️")


def query(playground: Playground) -> dict[str, str]:
    """The address's parameters for ``playground``'s network on screen, in this language
    (and presentation mode, when it is on)."""
    want = share.to_query(playground.settings, playground.trainer.step_count)
    if playground.settings.dataset == OWN:
        want.pop("dataset")  # own points do not travel in a link
    want[language.KEY] = language.current()
    if present.active():
        want[present.KEY] = "1"
    return want


def follow(playground: Playground) -> None:
    """At rest, the address says what is on the page (settings, step, language)."""
    if playground.playing:
        return
    want = query(playground)
    if st.query_params.to_dict() != want:
        st.query_params.from_dict(want)


def link(playground: Playground) -> str:
    """The address that gives ``playground``'s network on screen, on this page."""
    base = (st.context.url or "").split("?")[0]
    return base + "?" + urllib.parse.urlencode(query(playground))
