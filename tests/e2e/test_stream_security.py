"""The live view's socket (shallownet/ui/stream.py) is treated as hostile, checked
against the app running for real and a real websocket client (``websockets``):

- a second connection with a page's token, while the page's own is open, is
  refused and never takes the stream over: the page's view keeps its socket, and
  its batches, while playing;
- a token dies with its page: once the tab is closed a connection with it is
  refused, and one connected meanwhile is no longer served;
- what a connection may send is capped (MAX_MESSAGE_BYTES): a longer message ends
  it (1009), and a 20 MB one does not grow the server by its size;
- a made-up token opens nothing.

The token comes from the page itself: the address of the websocket its live view
opens at its first payload. Where the test's client must be the one connection
of a token, the view's socket is answered by Playwright (``route_web_socket``) and
never reaches the server.

Server: one app of this module's own (``running_app``, for its process's memory),
stopped after the module. All traffic stays on 127.0.0.1."""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import socket
import threading
import time
import urllib.parse
from dataclasses import dataclass, field

import pytest
from live_app import rss_bytes, running_app, step_value
from websockets.exceptions import ConnectionClosed, InvalidStatus
from websockets.sync.client import connect

from shallownet.ui.live.stream import unpack
from tests.e2e.helpers import WINDOW, app_page_with_sockets, button, wait_for, wait_painted

# the rules' own numbers (shallownet/ui/stream.py: STREAM_PATH, MAX_MESSAGE_BYTES, MESSAGE_TOO_BIG)
STREAM_PATH = "/shallownet/live"
MAX_MESSAGE_BYTES = 64  # the longest message the view may send
MESSAGE_TOO_BIG = 1009  # the close code for a longer one (RFC 6455)
ABNORMAL_CLOSURE = 1006  # a connection that ended without a close frame
BIG_MESSAGE = 20 * 1024 * 1024  # bytes: a message far over the cap
RSS_SLACK = 6 * 1024 * 1024  # bytes the server may grow by while it is sent
HOLD = 1.0  # s a connection is watched to tell whether it was refused


@pytest.fixture(scope="module")
def app(browser):
    """(url, process) of an app of this module's own."""
    with running_app() as (url, proc):
        yield url, proc


def live_url(app_url: str, token: str | None) -> str:
    parts = urllib.parse.urlsplit(app_url)
    query = "" if token is None else "?token=" + urllib.parse.quote(token)
    return f"ws://{parts.netloc}{parts.path}{STREAM_PATH}{query}"


def open_live(app_url: str, token: str | None):
    """A connection to the live socket with ``token``, as from the app's own page
    (its Origin); raises InvalidStatus if the handshake is refused."""
    parts = urllib.parse.urlsplit(app_url)
    return connect(live_url(app_url, token), origin=f"{parts.scheme}://{parts.netloc}",
                   open_timeout=5, close_timeout=2, max_size=None, compression=None)


@dataclass
class Attempt:
    """What became of a connection: refused at the handshake (its HTTP status),
    closed by the server (its close code), or open; the batches it received."""
    status: int | None = None
    close_code: int | None = None
    closed: bool = False
    batches: int = 0

    @property
    def refused(self) -> bool:
        """Refused at the handshake, or closed right after accept with nothing sent."""
        return self.status is not None or (self.closed and self.batches == 0)


def attempt(app_url: str, token: str | None, hold: float = HOLD) -> Attempt:
    """Connect with ``token`` and watch the connection for ``hold`` s."""
    try:
        ws = open_live(app_url, token)
    except InvalidStatus as e:
        return Attempt(status=e.response.status_code)
    result = Attempt()
    with ws:
        deadline = time.monotonic() + hold
        while (left := deadline - time.monotonic()) > 0:
            try:
                ws.recv(timeout=left)
                result.batches += 1
            except TimeoutError:
                break
            except ConnectionClosed as e:
                result.closed, result.close_code = True, e.rcvd.code if e.rcvd else None
                break
    return result


def token_of(url: str) -> str:
    return urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)["token"][0]


@dataclass
class Held:
    """The page's live socket, answered by Playwright: the tokens the view opened
    it with, and what the view told over it."""
    tokens: list[str] = field(default_factory=list)
    told: list[str] = field(default_factory=list)

    def route(self, ws):
        # not connected to the server: the view sees its socket open, the server never does
        self.tokens.append(token_of(ws.url))
        ws.on_message(lambda message: self.told.append(message))


@contextlib.contextmanager
def page_holding_its_socket(browser, app_url):
    """A fresh browser session on the app whose live view's socket never reaches the
    server; yields (page, token): the token is free for the test's client. Closing
    the page's context closes the tab."""
    context = browser.new_context(viewport={"width": WINDOW[0], "height": WINDOW[1]})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    held = Held()
    page.route_web_socket(re.compile(re.escape(STREAM_PATH) + r"\?"), held.route)
    try:
        page.goto(app_url)
        assert wait_for(page, lambda: held.tokens, 30), "the live view opened no socket"
        yield page, held.tokens[0]
    finally:
        context.close()
    assert not errors, errors


def serve_me(ws) -> None:
    """What the view tells on a first visit (ui/live/panel.py, wait_for_view), so that the
    page is drawn without waiting for it."""
    for signal in ("painted", "buttons"):
        ws.send(signal)


def test_a_second_connection_is_refused_and_never_takes_over(browser, app):
    url, _ = app
    with app_page_with_sockets(browser, url) as (page, sockets):
        frame = wait_painted(page, charts=False)
        live = sockets.at(STREAM_PATH)
        assert len(live) == 1, f"the page's websockets: {sockets}"
        own = live[0]
        token = token_of(own.url)
        button(page, "Play").click()
        assert wait_for(page, lambda: own.received >= 2, 15), f"no batches over the page's socket: {sockets}"
        received, step = own.received, step_value(frame)

        # a second connection with the page's token, held while the page plays
        intruder: list[Attempt] = []
        thread = threading.Thread(target=lambda: intruder.append(attempt(url, token, hold=3.0)))
        thread.start()
        page.wait_for_timeout(3500)
        thread.join(10)
        assert not thread.is_alive()
        button(page, "Pause").click()

        assert intruder[0].refused, f"a second connection with the page's token: {intruder[0]}"
        # the page keeps its one socket, and its batches come on over it
        assert len(sockets.at(STREAM_PATH)) == 1 and not own.closed, f"the page's websockets: {sockets}"
        assert own.received >= received + 2, (received, own.received)
        assert step_value(frame) > step


def test_a_closed_tabs_token_is_refused(browser, app):
    url, _ = app
    with page_holding_its_socket(browser, url) as (page, token):
        wait_painted(page, charts=False)
        # while the tab is open, the token opens the socket (and it is free again after)
        before = attempt(url, token)
        assert not before.refused, f"a connection with an open tab's token: {before}"
        # the tab is closed (its session lingers on the server for a reconnect, its page gone)
        page.context.close()
        deadline = time.monotonic() + 5
        while not (after := attempt(url, token, hold=0.5)).refused and time.monotonic() < deadline:
            time.sleep(0.2)
        assert after.refused, f"a connection with a closed tab's token: {after}"


def test_a_socket_is_not_served_once_its_tab_is_closed(browser, app):
    url, _ = app
    with page_holding_its_socket(browser, url) as (page, token):
        with open_live(url, token) as ws:
            serve_me(ws)
            wait_painted(page, charts=False)
            button(page, "Play").click()
            payload, _ = unpack(ws.recv(timeout=10))  # this connection is served
            assert payload["stream"]["token"] == token

            # the tab is closed while the socket is connected, the session playing
            page.context.close()
            closed_at = time.monotonic()
            arrivals, closed = [], False
            with contextlib.suppress(TimeoutError):
                while (left := closed_at + 5.0 - time.monotonic()) > 0:
                    try:
                        ws.recv(timeout=left)
                        arrivals.append(time.monotonic() - closed_at)
                    except ConnectionClosed:
                        closed = True
                        break
        late = [round(t, 2) for t in arrivals if t > 2.0]
        assert not late, f"batches kept coming after the tab closed, at (s): {late}; the socket closed: {closed}"


def sample_rss(pid: int, stop: threading.Event, peak: list[int]) -> None:
    while not stop.is_set():
        peak[0] = max(peak[0], rss_bytes(pid))
        stop.wait(0.002)


def test_incoming_messages_are_capped(browser, app):
    url, proc = app
    with page_holding_its_socket(browser, url) as (page, token):
        with open_live(url, token) as ws:
            serve_me(ws)
            ws.send("x" * MAX_MESSAGE_BYTES)  # the longest allowed: the connection stays
            with pytest.raises(TimeoutError):
                ws.recv(timeout=0.5)
            ws.send("x" * (MAX_MESSAGE_BYTES + 1))
            with pytest.raises(ConnectionClosed) as closed:
                ws.recv(timeout=5)
        assert closed.value.rcvd is not None and closed.value.rcvd.code == MESSAGE_TOO_BIG, closed.value

        # a 20 MB message: ends the connection, and is not read into the server's memory
        big = os.urandom(BIG_MESSAGE)
        before = rss_bytes(proc.pid)
        peak, stop = [before], threading.Event()
        sampler = threading.Thread(target=sample_rss, args=(proc.pid, stop, peak), daemon=True)
        sampler.start()
        try:
            with open_live(url, token) as ws:
                sender = threading.Thread(target=send_quietly, args=(ws, big), daemon=True)
                sender.start()
                sender.join(15)
                stuck = sender.is_alive()  # the server neither reads it nor ends the connection
                if stuck:
                    ws.socket.shutdown(socket.SHUT_RDWR)
                code = close_code_within(ws, 5)
            time.sleep(0.5)  # the server lets go of what it read, if it read it
        finally:
            stop.set()
            sampler.join(5)
        assert not stuck, "a 20 MB message was not taken in 15 s, and its connection not ended"
        # 1006: the server's close frame was lost to the connection's reset, the
        # client still sending (a busy server reads less of the message before it closes)
        assert code in (MESSAGE_TOO_BIG, ABNORMAL_CLOSURE), f"the 20 MB message's connection: close code {code}"
        grown = peak[0] - before
        assert grown < RSS_SLACK, f"the server grew by {grown / 2**20:.1f} MB while a 20 MB message was sent"


def send_quietly(ws, message: bytes) -> None:
    with contextlib.suppress(ConnectionClosed, OSError):
        ws.send(message)


def close_code_within(ws, seconds: float) -> int | None:
    """How the server ended ``ws`` within ``seconds`` (the code of its close frame, or
    ABNORMAL_CLOSURE with none); None if it did not (no batch comes: the page does
    not play)."""
    try:
        ws.recv(timeout=seconds)
    except ConnectionClosed as e:
        return e.rcvd.code if e.rcvd else ABNORMAL_CLOSURE
    except TimeoutError:
        return None
    return None


@pytest.mark.parametrize("token", [secrets.token_urlsafe(16), "", None], ids=["made-up", "empty", "none"])
def test_a_made_up_token_is_refused(app, token):
    url, _ = app
    result = attempt(url, token)
    assert result.refused, f"a connection with token {token!r}: {result}"
