"""The app, running for real, and headless chromium driving it."""

import contextlib
import os
import sys
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from live_app import NGINX, NO_BROWSER, NO_NGINX, behind_nginx, find_chromium, launch, running_app, throttle  # noqa: E402

SCREENSHOTS = Path(__file__).resolve().parents[2] / "benchmarks" / "out"
# how many times slower than this machine a slow client runs (Chromium's CPU throttling)
SLOW_CLIENT_RATE = 4
# the window the tests use, and a projector's (width, height) in CSS pixels
WINDOW = (1600, 1000)
PROJECTOR = (1280, 720)
# the height that shows all of a page: Streamlit scrolls its main area and its
# sidebar inside the window, so a full-page screenshot is only the window
WHOLE_HEIGHT = """
() => Math.max(document.documentElement.scrollHeight,
  ...['stMain', 'stSidebarContent'].map(id => {
    const el = document.querySelector(`[data-testid=${id}]`);
    return el ? el.scrollHeight : 0;
  }))
"""


# CI sets this (.ci/run): there a missing browser fails the run instead of skipping
# the end-to-end tests silently.
REQUIRE = os.environ.get("SHALLOWNET_REQUIRE_E2E") == "1"


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        if find_chromium(p) is None:
            if REQUIRE:
                pytest.fail(NO_BROWSER)
            pytest.skip("end-to-end tests skipped: " + NO_BROWSER)
        b = launch(p)
        yield b
        b.close()


@pytest.fixture(scope="session")
def app_url(browser):
    with running_app() as (url, _):
        yield url


@contextlib.contextmanager
def app_page(browser, app_url, cpu_throttling=None, address="", window=WINDOW, init_script=None):
    """A fresh browser session on the app at ``address`` (its path and query, such as
    "/equations?lang=ko"), in a window of ``window`` (width, height), its CPU
    throttled ``cpu_throttling`` times if given, with ``init_script`` run in each of
    its frames before their own scripts, failing the test on any page error."""
    context = browser.new_context(viewport={"width": window[0], "height": window[1]})
    pg = context.new_page()
    errors = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    if cpu_throttling is not None:
        throttle(pg, cpu_throttling)
    if init_script is not None:
        pg.add_init_script(init_script)
    pg.goto(app_url + address)
    try:
        yield pg
    finally:
        context.close()
    assert not errors, errors


@pytest.fixture
def page(browser, app_url):
    """A fresh browser session on the app, failing the test on any page error."""
    with app_page(browser, app_url) as pg:
        yield pg


@pytest.fixture
def slow_page(browser, app_url):
    """Like ``page``, on a client SLOW_CLIENT_RATE times slower than this machine
    (Chromium's CPU throttling, set before the page loads)."""
    with app_page(browser, app_url, SLOW_CLIENT_RATE) as pg:
        yield pg


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
    with app_page(browser, "about:blank") as pg:
        sockets = Sockets().watch(pg)
        pg.goto(app_url + address)
        yield pg, sockets


@pytest.fixture(scope="module")
def course_app_url(browser):
    """The app under ``--server.baseUrlPath course``, a server of its own for the module
    that uses it: "http://127.0.0.1:<port>/course"."""
    with running_app(base_url_path="course") as (url, _):
        yield url


@contextlib.contextmanager
def _nginx(app_url, mode):
    if not os.path.exists(NGINX):
        if REQUIRE:
            pytest.fail(NO_NGINX)
        pytest.skip("end-to-end tests behind nginx skipped: " + NO_NGINX)
    with behind_nginx(app_url, mode) as url:
        yield url


@pytest.fixture(scope="module")
def nginx_streamlit_only(app_url):
    """A real nginx in front of the app (``app_url``) that upgrades only Streamlit's own
    websocket, as one set up for any Streamlit app: the live view's is refused."""
    with _nginx(app_url, "streamlit-only") as url:
        yield url


@pytest.fixture(scope="module")
def nginx_everything(app_url):
    """A real nginx in front of the app with deploy/nginx.conf (at the root)."""
    with _nginx(app_url, "everything") as url:
        yield url


@pytest.fixture(scope="module")
def nginx_everything_course(course_app_url):
    """A real nginx with deploy/nginx.conf at /course/, in front of the app under the
    same base path: "http://127.0.0.1:<port>/course"."""
    with _nginx(course_app_url, "everything") as url:
        yield url


@pytest.fixture
def screenshot():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name, whole=False):
        """benchmarks/out/<name>.png: the window, or with ``whole`` all of the page
        (the window is made as tall as the page for it, then set back)."""
        path = SCREENSHOTS / f"{name}.png"
        window = page.viewport_size
        if whole:
            page.set_viewport_size({"width": window["width"], "height": max(window["height"],
                                                                            page.evaluate(WHOLE_HEIGHT))})
            page.wait_for_timeout(1000)  # plotly lays its charts out again
        try:
            page.screenshot(path=str(path), full_page=True)
        finally:
            if whole:
                page.set_viewport_size(window)
        return path

    return take


def pytest_collection_modifyitems(items):
    """The lecture pages' tests last: the size page trains a sweep of seven networks
    on the one server all these tests share, and the timing-sensitive tests of the
    live view (a 4x throttled client, Pause, divergence) failed when they ran while
    it was still busy."""
    items.sort(key=lambda item: "test_lecture_pages" in item.nodeid)
