"""The app, running for real, and headless chromium driving it."""

import contextlib
import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from live_app import NO_BROWSER, find_chromium, launch, running_app, throttle  # noqa: E402

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
