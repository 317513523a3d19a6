"""The server's memory after sessions go (shallownet/ui/server_memory.py).

Each check runs in a fresh Python process: ``watch`` freezes the collector's view
of the process and changes the C allocator's options for good, which must not
leak into the other tests, and a resident-memory figure is only meaningful in a
process that has done nothing else.
"""

import platform
import subprocess
import sys
import textwrap

import pytest

from tests.conftest import ROOT

GLIBC = platform.libc_ver()[0] == "glibc"


def run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_watch_starts_one_collector_that_frees_the_sessions_gone():
    out = run("""
        import gc, threading, weakref
        from shallownet.ui import server_memory as memory

        class Session:  # a session's state, in a reference cycle as Streamlit's are
            def __init__(self):
                self.me = self

        first = Session()
        memory.watch(first)  # freezes what exists, the first session too
        second = Session()
        memory.watch(second)
        names = [t.name for t in threading.enumerate()]
        print(names.count("shallownet-memory"), gc.get_freeze_count() > 0)
        gone = [weakref.ref(first), weakref.ref(second)]
        del first, second
        print(memory._gone.is_set())  # a cycle: not gone until a collection
        memory.collect()
        print(gone[0]() is not None, gone[1]() is None)  # the frozen one stays...
        memory.collect(everything=True)
        print(gone[0]() is None, gc.get_freeze_count() > 0)  # ...until all is looked at
    """)
    assert out.split() == ["1", "True", "False", "True", "True", "True", "True"]


@pytest.mark.skipif(not GLIBC, reason="malloc_trim and mallopt are glibc's")
def test_memory_freed_by_a_thread_goes_back_to_the_system():
    # A thread (as a script run is) allocates 0.1-0.4 MB blocks, as a batch's
    # messages are, with small blocks that stay between them, and ends. Without
    # the trim, glibc kept ~10 MB of it resident here.
    out = run("""
        import random, threading
        from shallownet.ui import server_memory as memory

        def rss_mb():
            with open("/proc/self/status") as f:
                return next(int(l.split()[1]) for l in f if l.startswith("VmRSS")) / 1024

        kept = []
        def session():
            blocks = []
            for i in range(400):
                blocks.append(bytearray(random.randint(100_000, 400_000)))
                if i % 3 == 0:
                    kept.append(bytes(600))
            blocks.clear()

        start = rss_mb()
        t = threading.Thread(target=session)
        t.start()
        t.join()
        memory._gone.set()  # as when a session's state is freed
        memory.collect()
        print(rss_mb() - start)
    """)
    assert float(out) < 3.0


@pytest.mark.skipif(not GLIBC, reason="mallopt is glibc's")
def test_allocator_options_are_accepted():
    assert run("from shallownet.ui import server_memory as memory; print(memory.tune_allocator())").strip() == "True"
