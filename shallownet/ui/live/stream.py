"""The live view's stream: while a session plays, its batches of frames go to the
view over a websocket of their own, beside Streamlit's.

Why: a batch that comes as a script run makes Streamlit's page render itself
again in the browser, all of it, in long tasks that no frame can be drawn
through (a slow laptop's main thread loses a large share of its time to them).
Over this socket a batch costs the browser only the view's own drawing, and the
server no script run.

How: ``streamlit run app.py`` finds the ``st.App`` in app.py and serves this
socket at STREAM_PATH beside the app. Each session's script run registers its
Playground here under a random token (``Stream``), which the view gets in its
payload and connects with. While the Playground plays, the socket's loop trains
a batch in the batch thread (``session.batch_payload``, the time-budgeted loop)
every BATCH_SECONDS and sends it; a script run that starts playing or
starts a new network wakes the loop for a batch at once. Everything else stays
with Streamlit: the buttons, the sliders, Pause and its rewind, the clicks on
the plane; a payload at rest still comes as the component's argument.

A message is binary: the payload's JSON length (4 bytes, little-endian), the
JSON, then the frames' parameters as bytes (component.py, split_networks).

The stream is an upgrade, not a dependency: where its socket cannot open (a
proxy that forwards only Streamlit's own socket) or drops, the view asks for its
batches as script runs instead (panel.py), and comes back here when it can.

A token is a session's, and the socket is treated as hostile: a token opens the
socket only while its session's page is connected to Streamlit, only one
connection at a time (a second one is refused, never takes over), and what the
view may send is a few short words (MAX_MESSAGE_BYTES).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import json
import secrets
import struct
import threading
import time
import weakref

from shallownet.ui.live.frames import Feed
from shallownet.ui.session import BATCH_SECONDS, Playground, batch_payload

STREAM_PATH = "/shallownet/live"  # under the app's base path (server.baseUrlPath), if it has one
SIGNALS = ("painted", "buttons")  # what the view tells over the stream (panel.wait_for_view)
SHOWN = "shown:"  # the view tells the step on its screen: "shown:<step>"
# The longest message the view sends ("shown:" and a step); anything longer ends
# the connection, before a larger message is read into memory where the server allows.
MAX_MESSAGE_BYTES = 64
# close codes (RFC 6455): a token that opens nothing, a message too big
POLICY_VIOLATION, MESSAGE_TOO_BIG = 1008, 1009

# One thread trains the batches of every session, each in its turn as it falls due:
# the interpreter runs one at a time anyway, and one at a time each is done
# sooner, and Streamlit's threads (Pause, the controls) share the cores with one.
_batch_worker = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="shallownet-batches")

# token -> its session's Stream; an entry goes when its session's state does
_streams: weakref.WeakValueDictionary[str, Stream] = weakref.WeakValueDictionary()


class Stream:
    """One session's end of the stream: its Playground and Feed, the language and
    mode its page was last drawn in, and the socket loop that serves it."""

    def __init__(self, playground: Playground, feed: Feed, session_id: str | None = None):
        self.token = secrets.token_urlsafe(16)
        self.playground = playground
        self.feed = feed
        self.session_id = session_id  # the Streamlit session whose page may connect
        self.lang: str | None = None
        self.present = False
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._event: asyncio.Event | None = None
        self._owner: object | None = None  # the connection being served (one at a time)
        # what the view has told, on a session's first visit (panel.wait_for_view):
        # "painted", its first boundary; "buttons", the page's buttons are drawn
        self.heard = {signal: threading.Event() for signal in SIGNALS}
        _streams[self.token] = self

    def info(self) -> dict:
        """What the view connects with."""
        return {"path": STREAM_PATH, "token": self.token}

    def page_connected(self) -> bool:
        """Whether the session's page is connected to Streamlit now (a closed tab's
        session lingers for a reconnect, its page gone). True outside a server."""
        if self.session_id is None:
            return True
        from streamlit.runtime import Runtime

        return Runtime.exists() and Runtime.instance().is_active_session(self.session_id)

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
        Playground stopped playing meanwhile (see session.py, ``batch_payload``)."""
        payload = batch_payload(self.playground, self.feed, self.lang, self.present)
        if payload is None:
            return None
        payload["stream"] = self.info()
        return pack(payload)

    def hear(self, text: str) -> None:
        """A message from the view: a signal of its first visit, or its step on screen."""
        if text in self.heard:
            self.heard[text].set()
        elif text.startswith(SHOWN) and text[len(SHOWN):].isdigit():
            self.playground.report_screen(int(text[len(SHOWN):]))

    # -- the socket's side ---------------------------------------------------
    def _attach(self, owner: object) -> asyncio.Event | None:
        """Serve ``owner`` from now on; None if another connection is served."""
        with self._lock:
            if self._owner is not None:
                return None
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
    from shallownet.ui.live.component import encode, split_networks

    rest, networks = split_networks(payload)
    text = json.dumps(encode(rest), separators=(",", ":"), allow_nan=False).encode()
    return struct.pack("<I", len(text)) + text + networks


def unpack(message: bytes) -> tuple[dict, bytes]:
    """The payload and the parameters' bytes of a message (for tests and benchmarks)."""
    (n,) = struct.unpack_from("<I", message)
    return json.loads(message[4:4 + n]), message[4 + n:]


def seconds_to_next_batch(playground: Playground, now: float) -> float | None:
    """How long until ``playground``'s next batch is due: 0 for the first after Play or a
    new network, None when it does not play."""
    if not playground.playing:
        return None
    last = playground.last_batch
    return 0.0 if last is None else max(0.0, last + BATCH_SECONDS - now)


async def serve(stream: Stream, send, owner: object) -> None:
    """Send ``stream``'s batches with ``send`` (a coroutine function taking bytes)
    while ``owner`` is the connection it serves and the session's page is there:
    a batch when one is due, else wait until then or until woken. Returns at once
    if another connection is served."""
    event = stream._attach(owner)
    if event is None:
        return
    try:
        while stream._serves(owner) and stream.page_connected():
            event.clear()
            wait = seconds_to_next_batch(stream.playground, time.perf_counter())
            if wait == 0.0:
                # a failure ends the connection, and the ASGI server logs it; the
                # view connects again
                message = await asyncio.get_running_loop().run_in_executor(_batch_worker, stream.batch)
                if message is not None:
                    await send(message)
                continue
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), wait)
    finally:
        stream._detach(owner)


def _cap_incoming(websocket, limit: int) -> None:
    """Make the server refuse incoming messages over ``limit`` bytes on this
    connection before reading them (uvicorn's sans-I/O websockets protocol, which
    Streamlit runs, reads up to Streamlit's 200 MB otherwise). ASGI has no way to
    say it, so the protocol object behind ``receive`` is told; where it is not
    reachable, ``endpoint`` still closes on a message too long once it is read."""
    conn = getattr(getattr(getattr(websocket, "_receive", None), "__self__", None), "conn", None)
    if conn is not None and hasattr(conn, "max_message_size"):
        conn.max_message_size = limit


async def endpoint(websocket) -> None:
    """The websocket at STREAM_PATH?token=...: one session's batches while it plays."""
    from starlette.websockets import WebSocketDisconnect

    stream = _streams.get(websocket.query_params.get("token", ""))
    if stream is None or not stream.page_connected() or stream._owner is not None:
        # no such session, its page is gone, or its page is connected already: HTTP 403
        await websocket.close(code=POLICY_VIOLATION)
        return
    await websocket.accept()
    _cap_incoming(websocket, MAX_MESSAGE_BYTES)
    owner = object()

    async def drain():
        # the view's signals and its step on screen; this also hears the socket close
        while True:
            message = await websocket.receive()
            if message["type"] == "websocket.disconnect":
                return
            data = message.get("text") or message.get("bytes") or ""
            if len(data) > MAX_MESSAGE_BYTES:
                await websocket.close(code=MESSAGE_TOO_BIG)
                return
            if isinstance(data, str) and stream._serves(owner):
                stream.hear(data)

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
    """The routes app.py's ``st.App`` serves beside Streamlit's, under the app's
    base path as Streamlit's own are (st.App does not prefix a route itself)."""
    from starlette.routing import WebSocketRoute
    from streamlit import config
    from streamlit.url_util import make_url_path

    base = config.get_option("server.baseUrlPath") or ""
    return [WebSocketRoute(make_url_path(base, STREAM_PATH), endpoint)]
