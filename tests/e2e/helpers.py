"""What the end-to-end tests do in the browser: open a page of the app (in a window of
a given size, watching its websockets), wait for the live view to paint, find a
button, poll a condition. Their fixtures (the browser, the app's servers) are in
tests/e2e/conftest.py."""

import contextlib
import io
import time
import urllib.parse
from dataclasses import dataclass, field

import numpy as np
from live_app import frame_of, throttle
from PIL import Image

# the window the tests use, and a projector's (width, height) in CSS pixels
WINDOW = (1600, 1000)
PROJECTOR = (1280, 720)
# how many times slower than this machine a slow client runs (Chromium's CPU throttling)
SLOW_CLIENT_RATE = 4


@contextlib.contextmanager
def app_page(browser, app_url, cpu_throttling=None, address="", window=WINDOW, init_script=None):
    """A fresh browser session on the app at ``address`` (its path and query, such as
    "/equations?lang=ko"), in a window of ``window`` (width, height), its CPU
    throttled ``cpu_throttling`` times if given, with ``init_script`` run in each of
    its frames before their own scripts, failing the test on any page error."""
    context = browser.new_context(viewport={"width": window[0], "height": window[1]})
    playground = context.new_page()
    errors = []
    playground.on("pageerror", lambda e: errors.append(str(e)))
    if cpu_throttling is not None:
        throttle(playground, cpu_throttling)
    if init_script is not None:
        playground.add_init_script(init_script)
    playground.goto(app_url + address)
    try:
        yield playground
    finally:
        context.close()
    assert not errors, errors


@dataclass
class Socket:
    """One websocket a page opened: its address, how many messages it received, and
    whether it closed."""
    url: str
    received: int = 0
    closed: bool = False

    @property
    def path(self) -> str:
        return urllib.parse.urlsplit(self.url).path


@dataclass
class Sockets:
    """Every websocket a page opens, its frames' (such as the live view's) included."""
    opened: list[Socket] = field(default_factory=list)

    def watch(self, page):
        page.on("websocket", self._opened)
        return self

    def _opened(self, ws):
        socket = Socket(ws.url)
        ws.on("framereceived", lambda _: setattr(socket, "received", socket.received + 1))
        ws.on("close", lambda _: setattr(socket, "closed", True))
        self.opened.append(socket)

    def at(self, path: str) -> list[Socket]:
        """The sockets opened to ``path`` (the address's path, without the query)."""
        return [s for s in self.opened if s.path == path]

    def __str__(self) -> str:
        """For a failure's message: per path, how many sockets opened, closed, and
        the messages they received."""
        paths = dict.fromkeys(s.path for s in self.opened)
        return "; ".join(f"{path}: {len(at)} opened, {sum(s.closed for s in at)} closed, "
                         f"{sum(s.received for s in at)} messages received"
                         for path in paths for at in [self.at(path)]) or "none"


@contextlib.contextmanager
def app_page_with_sockets(browser, app_url, address=""):
    """Like ``app_page``; yields (page, Sockets): every websocket the page opens from
    its first request on (watched before it goes to the app)."""
    with app_page(browser, "about:blank") as playground:
        sockets = Sockets().watch(playground)
        playground.goto(app_url + address)
        yield playground, sockets


def wait_painted(page, *, picture: bool = True, charts: bool = True, timeout: float = 30_000):
    """The live view's frame, once its picture is painted (unless not ``picture``) and
    its charts drawn (unless not ``charts``), each waited for up to ``timeout`` ms."""
    frame = frame_of(page, timeout)
    if picture:
        frame.wait_for_selector("#boundary-canvas[data-painted]", state="attached", timeout=timeout)
    if charts:
        frame.wait_for_selector("#charts[data-drawn]", state="attached", timeout=timeout)
    return frame


def button(page, label):
    return page.get_by_role("button", name=label, exact=True)


def no_streamlit_exception(page):
    assert page.locator("[data-testid=stException]").count() == 0


def wait_for(page, condition, within: float):
    """Poll ``condition()`` until it is true, for ``within`` s; its last value. Waits with
    the page, so that its events (the websockets') are taken in meanwhile."""
    deadline = time.monotonic() + within
    while True:
        value = condition()
        if value or time.monotonic() > deadline:
            return value
        page.wait_for_timeout(100)


def number(text: str) -> int:
    """A number as the page shows it ("1,000")."""
    return int(text.replace(",", ""))


def boundary_picture(frame) -> np.ndarray:
    """The boundary's plot area as the screen shows it (heatmap, line and whatever
    is drawn over them), as (height, width, 3) RGB: a WebGL canvas's pixels can be
    read from the screen only."""
    png = frame.locator("#boundary-layer").screenshot()
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


def painted_with_a_line(picture: np.ndarray) -> bool:
    """The whole plot area is painted in the heatmap's pale colours (an unpainted
    WebGL canvas is black) but for an A2 = 0.5 line across it (dark pixels, at
    least one per column of a line from side to side)."""
    dark = picture.max(axis=-1) < 90
    return picture.shape[1] < dark.sum() < 0.05 * dark.size
