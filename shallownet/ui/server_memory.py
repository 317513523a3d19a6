"""Give the memory of closed sessions back to the machine.

When a visitor leaves, Streamlit keeps the session for a reconnect, then drops it.
Measured with ``benchmarks/bench_load.py`` (8 sessions that played, closed and were
dropped): the server's resident memory stayed 26-27 % above what it was before
them, and none of what they had added came back. Three causes, each seen in the
server (``gc``, ``sys._debugmallocstats``, glibc's ``malloc_info``):

- What Streamlit drops is held together by reference cycles (a session, its
  script runner, their callbacks). Python frees it only when its cycle collector
  runs a full collection, which an idle server may not do for a long time.
- Streamlit runs each script run in a new thread, and glibc gives threads arenas
  of their own (up to 8 per core). Each arena kept ~3 MB of free memory at its top
  after its thread had gone, and ``malloc_trim`` does not shrink those tops.
- glibc raises its threshold for serving an allocation by ``mmap`` to the largest
  block freed so far, so the batches' ~0.3 MB messages came from the arenas too,
  and were not returned when freed.

So, once per process, at its first session:

- what exists by then (the imported modules: ~170,000 objects, ~115 ms per full
  collection) is moved out of the cycle collector's sight (``gc.freeze``, meant for
  this); a daemon thread then runs a full collection every COLLECT_SECONDS, which
  sees only the objects made since (1-2 ms with 8 sessions open), and when it has
  freed something, ``malloc_trim(0)`` hands the free pages back to the system.
  Every FULL_COLLECT_SECONDS it looks at everything once (unfreeze, collect,
  freeze again). Python cannot freeze some objects and not others, so the
  sessions open at that moment are frozen too (the first one is frozen with the
  modules): a dropped session's memory comes back within COLLECT_SECONDS if it
  began after the last full pass, and at the next full pass otherwise;
- glibc is told (``mallopt``) to use at most ARENAS arenas from then on (the
  value of MALLOC_ARENA_MAX=2, which a host such as Community Cloud gives us no
  way to set before the process starts), to serve blocks of MMAP_BYTES or more
  (the batches' messages) by ``mmap``, returned to the system when freed, and to
  shrink a heap whose free top reaches TRIM_BYTES. Measured with 8 sessions and
  no browser (``bench_load.py --sessions 0 --wire-sessions 8``), the arena limit
  alone left the memory 20.6 % up; 128 kB thresholds brought it back but cost
  a third of the steps (the frames' 160 kB arrays were mapped and unmapped each
  time); the values here brought it to +2.6 % with the steps of the run without
  any option (303 against 347 a second per session, within this machine's noise).

Why by hand: neither Python nor numpy can set the C allocator's options or ask it
to return free pages; each is one call into the C library (Dask's workers call
``malloc_trim`` in the same way, for the same reason). Where the C library has no
``mallopt`` or ``malloc_trim`` (macOS, Windows, musl), only the collection runs.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import threading
import time
import weakref

COLLECT_SECONDS = 10.0
FULL_COLLECT_SECONDS = 300.0
ARENAS = 2
MMAP_BYTES = 256 * 1024
TRIM_BYTES = 512 * 1024
# mallopt's parameter numbers, from glibc's malloc.h
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD, _M_ARENA_MAX = -1, -3, -8

_lock = threading.Lock()
_started = False
_gone = threading.Event()  # a session's Playground has been freed since the last trim


def _libc():
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None


_LIBC = _libc()
_MALLOC_TRIM = getattr(_LIBC, "malloc_trim", None)
_MALLOPT = getattr(_LIBC, "mallopt", None)


def collect(everything: bool = False) -> int:
    """One full collection (of the frozen objects too if ``everything``), then, if
    it freed anything or a session has gone, the allocator's free pages back to
    the system; the number of objects it freed."""
    if everything:
        gc.unfreeze()
    found = gc.collect()
    if everything:
        gc.freeze()
    if (found or _gone.is_set()) and _MALLOC_TRIM is not None:
        _gone.clear()
        _MALLOC_TRIM(0)
    return found


def _collect_forever() -> None:
    runs, every = 0, max(1, round(FULL_COLLECT_SECONDS / COLLECT_SECONDS))
    while True:
        time.sleep(COLLECT_SECONDS)
        runs += 1
        collect(everything=runs % every == 0)


def tune_allocator() -> bool:
    """Set glibc's options (see the module's docstring); whether it could."""
    if _MALLOPT is None:
        return False
    return all(_MALLOPT(option, value) == 1 for option, value in (
        (_M_ARENA_MAX, ARENAS), (_M_MMAP_THRESHOLD, MMAP_BYTES), (_M_TRIM_THRESHOLD, TRIM_BYTES)))


def watch(session_object) -> None:
    """Keep this process's memory in step with its sessions (see the module's
    docstring); ``session_object`` is one session's state, whose going counts as a
    session gone. The first call sets the allocator's options, freezes what exists
    and starts the collector."""
    global _started
    weakref.finalize(session_object, _gone.set)
    with _lock:
        if _started:
            return
        _started = True
        tune_allocator()
        gc.collect()
        gc.freeze()
        threading.Thread(target=_collect_forever, name="shallownet-memory", daemon=True).start()
