"""Give the memory of closed sessions back to the machine.

When a visitor leaves, Streamlit keeps the session for a reconnect, then drops it.
Without help, little of that memory comes back, for three reasons:

- what Streamlit drops is held together by reference cycles (a session, its
  script runner, their callbacks), which Python frees only in a full collection
  of its cycle collector, which an idle server may not run for a long time;
- each script run has a thread of its own, and glibc gives threads arenas of
  their own, whose free tops ``malloc_trim`` does not shrink;
- glibc raises its threshold for ``mmap`` to the largest block freed so far, so
  the batches' messages come from the arenas and stay there when freed.

So, once per process, at its first session:

- what exists by then (the imported modules) is moved out of the cycle
  collector's sight (``gc.freeze``); a daemon thread runs a full collection every
  COLLECT_SECONDS, which sees only the objects made since, and when it has freed
  something, ``malloc_trim(0)`` hands the free pages back to the system. Every
  FULL_COLLECT_SECONDS it looks at everything once (unfreeze, collect, freeze
  again): sessions open at a freeze are frozen with it, and their memory comes
  back at the next full pass;
- glibc is told (``mallopt``) to use at most ARENAS arenas (what
  MALLOC_ARENA_MAX=2 would do, which a host gives no way to set before the
  process starts), to serve blocks of MMAP_BYTES or more by ``mmap``, returned
  when freed, and to shrink a heap whose free top reaches TRIM_BYTES.

docs/performance.md has what this gives back (``benchmarks/bench_load.py``).

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
