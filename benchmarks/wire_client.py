"""A Playground session driven over Streamlit's websocket, without a browser.

A visitor's browser does two things for the server: it sends Streamlit's
protobuf messages (the first run, the clicks on Play and Pause), connects the
live view's stream (shallownet/ui/live/stream.py: while playing, the batches come
there), and it draws what comes back. On this 2-core machine eight headless chromium pages
that draw take 1.2-1.6 cores and leave the server what is left (bench_load.py);
on a real deployment each visitor's browser runs on the visitor's machine. This
client sends what a page sends and draws nothing, so that bench_load.py can put
the server under the load of N visitors without their browsers' drawing (this
process still receives and decodes every message, on the same machine).

What it sends, as Streamlit 1.67's frontend does (its App.handleAutoRerun and
sendRerunBackMsg): a ``rerun_script`` BackMsg with the page's query string and
context for the first run; a button press is a rerun with that button's
``trigger_value``; on an ``auto_rerun`` ForwardMsg it starts a fixed-rate timer
(``setInterval`` in the frontend) that asks for a rerun of that fragment with
``is_auto_rerun``, until a ``stop_auto_rerun`` or the ``new_session`` of a full
run. It sends no other widget's state (the page's controls are left as they
are, at their defaults), and no
``cached_message_hashes``, so the server sends every message whole.

What it notes: each batch of the live view (the component's JSON argument, or
a message on the stream: its frames and their step numbers) with the time it
arrived. Like the view, it connects the stream at the first payload that names
it (and says its first picture is painted, which ends the first run's wait).

Why by hand: no library speaks Streamlit's browser protocol; Streamlit's own
AppTest runs the script in-process, without the server, its websocket or its
fragment timer, which are what is being measured.
"""

from __future__ import annotations

import asyncio
import json
import math
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the project's root
from shallownet.ui.live.stream import unpack  # noqa: E402

COMPONENT = "live_view"  # the component's name ends with this


@dataclass
class Batch:
    at: float  # time.time() when it arrived
    steps: list[int]  # the step number of each frame
    playing: bool


@dataclass
class WireSession:
    """One session: connect, run, then press buttons at set times (epoch seconds)."""

    url: str
    query: str = ""
    batches: list[Batch] = field(default_factory=list)
    pressed: dict[str, float] = field(default_factory=dict)  # label -> time.time() of the press
    requests: int = 0  # rerun requests sent
    error: str | None = None
    cookie: str | None = None  # the Cookie header both its sockets send (nginx's sticky cookie, with replicas)

    def __post_init__(self):
        self._buttons: dict[str, str] = {}  # label -> widget id
        self._timers: dict[str, asyncio.Task] = {}  # fragment id -> its auto-rerun timer
        self._page_hash = ""
        self._ws = None
        self._first_run = asyncio.Event()
        self._stream = None  # the task that follows the live view's stream

    # -- sending ---------------------------------------------------------------------
    async def _rerun(self, triggers=(), fragment_id: str = "", auto: bool = False) -> None:
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = self.query
        state.page_script_hash = self._page_hash
        if fragment_id:
            state.fragment_id = fragment_id
            state.is_auto_rerun = auto
        for widget_id in triggers:
            w = state.widget_states.widgets.add()
            w.id = widget_id
            w.trigger_value = True
        ctx = state.context_info
        ctx.timezone, ctx.timezone_offset, ctx.locale, ctx.url = "UTC", 0, "en-US", self.url
        self.requests += 1
        await self._ws.send(msg.SerializeToString())

    async def press(self, label: str) -> bool:
        """Click the button labelled ``label`` (as the page shows it last)."""
        widget_id = self._buttons.get(label)
        if widget_id is None:
            return False
        self.pressed[label] = time.time()
        await self._rerun([widget_id])
        return True

    async def _auto_rerun(self, fragment_id: str, interval: float) -> None:
        # setInterval: fixed rate, whether or not the last run has finished
        start = time.perf_counter()
        k = 0
        while True:
            k += 1
            await asyncio.sleep(max(0.0, start + k * interval - time.perf_counter()))
            await self._rerun(fragment_id=fragment_id, auto=True)

    def _stop_timers(self, ids=None) -> None:
        for fid in list(self._timers) if ids is None else ids:
            task = self._timers.pop(fid, None)
            if task:
                task.cancel()

    # -- receiving -------------------------------------------------------------------
    def _on_message(self, data: bytes) -> None:
        msg = ForwardMsg.FromString(data)
        kind = msg.WhichOneof("type")
        if kind == "new_session":
            self._page_hash = msg.new_session.page_script_hash
            if not msg.metadata.run.fragment_ids:
                # a full run: the frontend drops its fragment timers (cleanupAutoReruns);
                # the run's auto_rerun message starts them again if it asks to
                self._stop_timers()
        elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            el = msg.delta.new_element
            which = el.WhichOneof("type")
            if which == "button":
                self._buttons[el.button.label] = el.button.id
            elif which == "component_instance" and el.component_instance.component_name.endswith(COMPONENT):
                args = json.loads(el.component_instance.json_args or "{}")
                payload = args.get("payload") or {}
                steps = [int(f["step"]) for f in payload.get("frames", [])]
                self.batches.append(Batch(time.time(), steps, bool(payload.get("playing"))))
                if payload.get("stream") and self._stream is None:
                    self._stream = asyncio.ensure_future(self._follow_stream(payload["stream"]))
        elif kind == "auto_rerun":
            fid, interval = msg.auto_rerun.fragment_id, msg.auto_rerun.interval
            if fid and fid not in self._timers:
                self._timers[fid] = asyncio.ensure_future(self._auto_rerun(fid, interval))
        elif kind == "stop_auto_rerun":
            self._stop_timers(list(msg.stop_auto_rerun.fragment_ids))
        elif kind == "script_finished":
            self._first_run.set()

    async def _follow_stream(self, info: dict) -> None:
        u = urlparse(self.url)
        uri = f"ws://{u.netloc}{u.path.rstrip('/')}{info['path']}?token={info['token']}"
        async with connect(uri, max_size=None, additional_headers=self._headers()) as ws:
            await ws.send("painted")
            async for data in ws:
                payload, _ = unpack(data)
                steps = [int(f["step"]) for f in payload.get("frames", [])]
                self.batches.append(Batch(time.time(), steps, bool(payload.get("playing"))))

    async def _receive(self) -> None:
        async for data in self._ws:
            if isinstance(data, bytes):
                self._on_message(data)

    def _headers(self) -> dict | None:
        return {"Cookie": self.cookie} if self.cookie else None

    # -- a visit -----------------------------------------------------------------------
    async def open(self, timeout: float = 60) -> None:
        """Connect and wait for the first run of the page to finish."""
        u = urlparse(self.url)
        uri = f"ws://{u.netloc}{u.path.rstrip('/')}/_stcore/stream"
        self._ws = await connect(uri, subprotocols=["streamlit"], origin=f"http://{u.netloc}", max_size=None,
                                 additional_headers=self._headers())
        self._receiver = asyncio.ensure_future(self._receive())
        await self._rerun()
        await asyncio.wait_for(self._first_run.wait(), timeout)

    async def play(self, play_at: float, pause_at: float) -> None:
        """Press Play at ``play_at`` and Pause at ``pause_at`` (time.time() values)."""
        await asyncio.sleep(max(0.0, play_at - time.time()))
        if not await self.press("Play"):
            self.error = "no Play button"
        await asyncio.sleep(max(0.0, pause_at - time.time()))
        if not await self.press("Pause"):
            self.error = "no Pause button"

    async def close(self) -> None:
        self._stop_timers()
        if self._stream is not None:
            self._stream.cancel()
        if self._ws is not None:
            await self._ws.close()
            self._receiver.cancel()

    # -- what it saw -------------------------------------------------------------------
    def rates(self, start: float, end: float) -> dict:
        """Between ``start`` and ``end`` (time.time()): frames received, batches and
        gradient steps per second (from the step numbers of the playing batches that
        arrived then), the longest wait for a batch; and Pause: how long after the press the first batch at rest
        came (the server's answer), and how many steps the server had trained past
        the last frame received before the press (a browser's view shows a frame of
        the batch before and goes back to it; this client has no screen)."""
        inside = [b for b in self.batches if start <= b.at <= end and b.playing and b.steps]
        frames = sum(len(b.steps) for b in inside)
        before = [s for b in self.batches if b.at <= start for s in b.steps]
        steps = max(inside[-1].steps) - max(before) if inside and before else 0
        seconds = end - start
        out = {"received": frames / seconds, "batches": len(inside) / seconds, "steps": steps / seconds}
        # the longest wait for a batch: from the window's start, between batches, to its end
        times = [start] + [b.at for b in inside] + [end]
        out["gap_s"] = max(b - a for a, b in zip(times, times[1:]))
        out["pause_s"], out["ahead"] = math.inf, 0
        pause = self.pressed.get("Pause")
        if pause is not None:
            seen = max((s for b in self.batches if b.at <= pause for s in b.steps), default=0)
            rest = next((b for b in self.batches if b.at > pause and not b.playing and b.steps), None)
            out["pause_s"] = rest.at - pause if rest else math.inf
            out["ahead"] = max(rest.steps) - seen if rest else 0
        return out


class Wire:
    """Sessions driven from an event loop in a thread of its own, so that a
    synchronous caller (bench_load.py, with Playwright's sync API) can go on."""

    def __init__(self, url: str, n: int, query: str = ""):
        self.sessions = [WireSession(url, query) for _ in range(n)]
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()

    def each(self, method: str, *args, timeout: float | None = None) -> None:
        """Run ``session.method(*args)`` in every session at once and wait; a
        session that fails keeps the error (``session.error``)."""
        self.start(method, *args).result(timeout)

    def start(self, method: str, *args):
        """As ``each``, without waiting: a concurrent.futures.Future."""

        async def one(s):
            try:
                await getattr(s, method)(*args)
            except Exception as exc:  # noqa: BLE001 - reported per session
                s.error = s.error or f"{method}: {type(exc).__name__}: {exc}"

        async def all_():
            await asyncio.gather(*(one(s) for s in self.sessions))

        return asyncio.run_coroutine_threadsafe(all_(), self._loop)

    def stop(self) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)


if __name__ == "__main__":
    # a quick look at a running app: python benchmarks/wire_client.py http://127.0.0.1:8501 [N]
    import sys

    wire = Wire(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    wire.each("open")
    now = time.time()
    wire.each("play", now + 1, now + 11)
    time.sleep(2)
    wire.each("close")
    wire.stop()
    for s in wire.sessions:
        print(s.error or s.rates(now + 3, now + 11), f"{s.requests} requests, {len(s.batches)} batches")
