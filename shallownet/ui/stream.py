"""The live view's stream: while a session plays, its batches of frames go to the
view over a websocket of their own, beside Streamlit's.

Why: a batch that comes as a script run (a fragment rerun every second) makes
Streamlit's page render itself again in the browser, all of it, React and its
styles, for every element on the page: ~60 ms of a fast browser's main thread,
250-450 ms of a 4x slower one, a third of that client's time while playing
(Chromium trace, benchmarks/trace_live.py), in long tasks that no frame can be
drawn through. Over this socket a batch costs the browser only the view's own
drawing, and the server no script run.

How: ``streamlit run app.py`` finds the ``st.App`` in app.py and serves this
socket at STREAM_PATH beside the app. Each session's script run registers its
Playground here under a random token (``Stream``), which the view gets in its
payload and connects with. While the Playground plays, the socket's loop trains
a batch in a worker thread (``Playground.advance``, the same time-budgeted loop
as before) every BATCH_SECONDS and sends it; a script run that starts playing or
starts a new network wakes the loop for a batch at once. Everything else stays
with Streamlit: the buttons, the sliders, Pause and its rewind, the clicks on
the plane; a payload at rest still comes as the component's argument.

A message is binary: the payload's JSON length (4 bytes, little-endian), the
JSON, then the heatmaps' bytes (live.py, split_heatmaps).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import secrets
import struct
import threading
import time
import weakref

from .frames import Feed
from .playground import BATCH_SECONDS, FRAME_SECONDS, Playground

STREAM_PATH = "/shallownet/live"
SIGNALS = ("painted", "buttons")  # what the view tells over the stream (panels.head_start)

# token -> its session's Stream; an entry goes when its session's state does
_streams: weakref.WeakValueDictionary[str, Stream] = weakref.WeakValueDictionary()


class Stream:
    """One session's end of the stream: its Playground and Feed, the language and
    mode its page was last drawn in, and the socket loop that serves it."""

    def __init__(self, pg: Playground, feed: Feed):
        self.token = secrets.token_urlsafe(16)
        self.pg = pg
        self.feed = feed
        self.lang: str | None = None
        self.present = False
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._event: asyncio.Event | None = None
        self._owner: object | None = None  # the connection being served (a newer one takes over)
        # what the view has told, on a session's first visit (panels.head_start):
        # "painted", its first boundary; "buttons", the page's buttons are drawn
        self.told = {signal: threading.Event() for signal in SIGNALS}
        _streams[self.token] = self

    def info(self) -> dict:
        """What the view connects with."""
        return {"path": STREAM_PATH, "token": self.token}

    def update(self, lang: str | None, present: bool) -> None:
        """The language and mode of the page's latest run."""
        self.lang, self.present = lang, present

    def wake(self) -> None:
        """From a script run: look at the Playground now (it plays, or its network
        is new) rather than when the next batch is due."""
        with self._lock:
            loop, event = self._loop, self._event
        if loop is not None and event is not None:
            with contextlib.suppress(RuntimeError):  # the loop has closed
                loop.call_soon_threadsafe(event.set)

    def batch(self) -> bytes | None:
        """The next batch, trained and packed (in a worker thread); None when the
        Playground stopped playing meanwhile, unless it stopped by diverging: that
        batch goes, and asks the page to be drawn again (for the message)."""
        pg = self.pg
        count = pg.batch_frames(time.perf_counter())
        frames = pg.advance(self.lang, count)
        with pg._lock:
            if not frames or not (pg.playing or pg.diverged):
                return None
            frame_ms = round(1000 * FRAME_SECONDS * max(count, len(frames)) / len(frames))
            payload = self.feed.payload(pg, frames, self.lang, frame_ms=frame_ms, with_figures=False,
                                        present=self.present)
        payload["stream"] = self.info()
        payload["rerun"] = pg.diverged
        return pack(payload)

    # -- the socket's side ---------------------------------------------------
    def _attach(self, owner: object) -> asyncio.Event:
        with self._lock:
            if self._event is not None:
                self._event.set()  # the connection served till now sees it is not, and ends
            self._loop = asyncio.get_running_loop()
            self._event = asyncio.Event()
            self._owner = owner
            return self._event

    def _detach(self, owner: object) -> None:
        with self._lock:
            if self._owner is owner:
                self._loop = self._event = self._owner = None

    def _serves(self, owner: object) -> bool:
        return self._owner is owner


def pack(payload: dict) -> bytes:
    """``payload`` as one binary message (see the module's docstring)."""
    # imported here: live.py declares the component, which must happen in a
    # script run, not when `streamlit run` imports app.py to find its ASGI app
    from .live import encode, split_heatmaps

    rest, heatmaps = split_heatmaps(payload)
    text = json.dumps(encode(rest), separators=(",", ":"), allow_nan=False).encode()
    return struct.pack("<I", len(text)) + text + heatmaps


def unpack(message: bytes) -> tuple[dict, bytes]:
    """The payload and the heatmaps' bytes of a message (for tests and benchmarks)."""
    (n,) = struct.unpack_from("<I", message)
    return json.loads(message[4:4 + n]), message[4 + n:]


def seconds_to_next_batch(pg: Playground, now: float) -> float | None:
    """How long until ``pg``'s next batch is due: 0 for the first after Play or a
    new network, None when it does not play."""
    if not pg.playing:
        return None
    last = pg.last_batch
    return 0.0 if last is None else max(0.0, last + BATCH_SECONDS - now)


async def serve(stream: Stream, send, owner: object) -> None:
    """Send ``stream``'s batches with ``send`` (a coroutine function taking bytes)
    while ``owner`` is the connection it serves: a batch when one is due, else
    wait until then or until woken."""
    event = stream._attach(owner)
    try:
        while stream._serves(owner):
            event.clear()
            wait = seconds_to_next_batch(stream.pg, time.perf_counter())
            if wait == 0.0:
                # a failure ends the connection, and the ASGI server logs it; the
                # view connects again
                message = await asyncio.to_thread(stream.batch)
                if message is not None:
                    await send(message)
                continue
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), wait)
    finally:
        stream._detach(owner)


async def endpoint(websocket) -> None:
    """The websocket at STREAM_PATH?token=...: one session's batches while it plays."""
    from starlette.websockets import WebSocketDisconnect

    stream = _streams.get(websocket.query_params.get("token", ""))
    if stream is None:
        await websocket.close(code=1008)  # no such session (or it has ended): HTTP 403
        return
    await websocket.accept()
    owner = object()

    async def drain():
        # the view says when its first boundary is painted and when the page's
        # buttons are drawn (panels.head_start); this also hears the socket close
        while True:
            message = await websocket.receive()
            if message["type"] == "websocket.disconnect":
                return
            if message.get("text") in stream.told:
                stream.told[message["text"]].set()

    listener = asyncio.create_task(drain())
    server = asyncio.create_task(serve(stream, websocket.send_bytes, owner))
    try:
        await asyncio.wait({listener, server}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in (listener, server):
            task.cancel()
        for task in (listener, server):
            with contextlib.suppress(asyncio.CancelledError, WebSocketDisconnect, RuntimeError):
                await task
        stream._detach(owner)


def routes() -> list:
    """The routes app.py's ``st.App`` serves beside Streamlit's."""
    from starlette.routing import WebSocketRoute

    return [WebSocketRoute(STREAM_PATH, endpoint)]
