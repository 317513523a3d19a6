"""The app, running for real, and headless chromium driving it: the fixtures (the
helpers the tests call are in tests/e2e/helpers.py). benchmarks/ is on the path
(pyproject's pythonpath) for live_app, which the benchmarks share."""

import contextlib
import os

import pytest
from live_app import (
    NGINX,
    NO_BROWSER,
    NO_NGINX,
    behind_nginx,
    find_chromium,
    launch,
    replicas_behind_nginx,
    running_app,
)

from tests.conftest import ROOT
from tests.e2e.helpers import SLOW_CLIENT_RATE, app_page

SCREENSHOTS = ROOT / "benchmarks" / "out"
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


@pytest.fixture
def page(browser, app_url):
    """A fresh browser session on the app, failing the test on any page error."""
    with app_page(browser, app_url) as playground:
        yield playground


@pytest.fixture
def slow_page(browser, app_url):
    """Like ``page``, on a client SLOW_CLIENT_RATE times slower than this machine
    (Chromium's CPU throttling, set before the page loads)."""
    with app_page(browser, app_url, SLOW_CLIENT_RATE) as playground:
        yield playground


@pytest.fixture(scope="module")
def course_app_url(browser):
    """The app under ``--server.baseUrlPath course``, a server of its own for the module
    that uses it: "http://127.0.0.1:<port>/course"."""
    with running_app(base_url_path="course") as (url, _):
        yield url


def _need_nginx():
    if not os.path.exists(NGINX):
        if REQUIRE:
            pytest.fail(NO_NGINX)
        pytest.skip("end-to-end tests behind nginx skipped: " + NO_NGINX)


@contextlib.contextmanager
def _nginx(app_url, mode):
    _need_nginx()
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


@pytest.fixture(scope="module")
def nginx_replicas(browser):
    """Two app processes under /course behind a real nginx with
    deploy/nginx-replicas.conf (sticky sessions), each answer naming its replica:
    live_app.Replicas, its url "http://127.0.0.1:<port>/course"."""
    _need_nginx()
    with replicas_behind_nginx(2, base_url_path="course") as replicas:
        yield replicas


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
