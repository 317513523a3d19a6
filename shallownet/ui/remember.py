"""Work a lecture page does once and shows on every rerun: kept in the session.

A page that trains extra networks (say, zeros against random weights) should not
train them again on the next rerun, which every click causes. ``remembered`` runs
the work once per key (the settings and choices it depends on), with a progress
bar, and keeps the last few results in ``st.session_state``, so going back to an
earlier choice is instant and memory stays bounded.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

import streamlit as st

STORE = "lecture.remembered"
KEEP = 12  # results kept per session, the least recently used dropped first


def remembered(key: Hashable, compute: Callable[[Callable[[int, int], None]], Any],
               progress_text: Callable[[int, int], str]) -> Any:
    """``compute(on_progress)``'s result for ``key``, computed on the first call only.
    While it runs, a progress bar shows ``progress_text(done, total)``; it goes away
    when the work is done."""
    if STORE not in st.session_state:
        st.session_state[STORE] = OrderedDict()
    store: OrderedDict = st.session_state[STORE]
    if key in store:
        store.move_to_end(key)
        return store[key]
    bar = st.progress(0.0, text=progress_text(0, 1))

    def on_progress(done: int, total: int) -> None:
        bar.progress(min(1.0, done / total) if total else 1.0, text=progress_text(done, total))

    result = compute(on_progress)
    bar.empty()
    store[key] = result
    while len(store) > KEEP:
        store.popitem(last=False)
    return result
