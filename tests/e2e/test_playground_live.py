"""The Playground in a real browser: it loads, Play trains, Pause stops, the three
figures are drawn, and divergence shows its message."""

import time

from live_app import LIVE_FRAME, OPACITY_SAMPLES, SAMPLE_OPACITY, frame_of, live_frame, step_value
from playwright.sync_api import expect

from shallownet.core.settings import Settings
from shallownet.core.trainer import Trainer
from tests.e2e.helpers import (
    SLOW_CLIENT_RATE,
    app_page,
    boundary_picture,
    button,
    no_streamlit_exception,
    painted_with_a_line,
    wait_painted,
)

# how many pixels the visible canvases of an element (or the canvas itself) ink
INKED = """
(id) => {
  const el = document.getElementById(id);
  let n = 0;
  for (const c of el.tagName === 'CANVAS' ? [el] : el.querySelectorAll('canvas')) {
    if (!c.width || !c.height || getComputedStyle(c).visibility !== 'visible') continue;
    const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    for (let i = 3; i < px.length; i += 4) if (px[i] > 0) n++;
  }
  return n;
}
"""

# an element's box on the screen: [left, top, width, height]
BOX = ("(id) => { const r = document.getElementById(id).getBoundingClientRect();"
       " return [r.left, r.top, r.width, r.height]; }")


def test_page_loads_with_the_three_figures_and_no_exception(page, screenshot):
    frame = wait_painted(page)
    no_streamlit_exception(page)
    assert page.get_by_role("heading", name="Gradient descent, one step at a time").is_visible()
    for label in ("Step", "×10", "×100", "Play", "Pause", "Reset"):
        assert button(page, label).is_visible()
    assert step_value(frame) == 0
    assert frame.locator("[data-testid=metric-step] .label").inner_text() == "Step"
    # the boundary: under plotly's axes and points, a WebGL canvas over the plot
    # area exactly (this chromium has WebGL; tests/e2e/test_view_forward.py draws
    # without it too), painted all over, the A2 = 0.5 line across it
    assert frame.locator("#boundary-plot .scatterlayer .point").count() == 400
    assert frame.locator("#boundary-canvas").get_attribute("data-painted") == "webgl"
    layer = frame.evaluate(BOX, "boundary-layer")
    assert min(layer[2:]) > 200
    canvas = frame.evaluate(BOX, "boundary-canvas")
    assert all(abs(a - b) < 0.5 for a, b in zip(canvas, layer)), (canvas, layer)
    assert painted_with_a_line(boundary_picture(frame))
    # the curves: plotly charts with their titles
    assert "Cost J per step" in frame.locator("#cost").inner_text()
    assert "Gradient norms per step" in frame.locator("#grads").inner_text()
    screenshot(page, "playground-start")


def test_step_buttons_change_the_step_shown(page):
    frame = wait_painted(page)
    button(page, "×10").click()
    frame.locator('[data-testid=metric-step] .value[data-value="10"]').wait_for(timeout=10_000)
    button(page, "Step").click()
    frame.locator('[data-testid=metric-step] .value[data-value="11"]').wait_for(timeout=10_000)
    assert step_value(frame) == 11


def test_play_makes_step_grow_and_pause_stops_it(page, screenshot):
    frame = wait_painted(page)
    button(page, "Play").click()
    time.sleep(2.0)
    first = step_value(frame)
    time.sleep(1.0)
    second = step_value(frame)
    assert 0 < first < second
    # while playing the curves are painted on canvases over plotly's plot areas
    for chart in ("cost", "grads"):
        assert frame.evaluate(INKED, f"{chart}-live") > 200, chart
    screenshot(page, "playground-playing")
    button(page, "Pause").click()
    time.sleep(1.0)
    stopped = step_value(frame)
    time.sleep(1.5)
    assert step_value(frame) == stopped
    # at rest plotly draws the curves itself, so hovering shows their values
    assert frame.locator("#cost .scatterlayer .trace path.js-line").count() >= 1
    assert frame.evaluate("() => getComputedStyle(document.getElementById('cost-live')).visibility") == "hidden"
    # the server stopped where the screen did: one more step is one more step
    button(page, "Step").click()
    frame.locator(f'[data-testid=metric-step] .value[data-value="{stopped + 1:,}"]').wait_for(timeout=10_000)
    no_streamlit_exception(page)


def choose(page, label, option):
    """Pick ``option`` in the selectbox ``label``; a rerun that lands just after the
    click (the address following the page) may close the list: open it again."""
    for attempt in range(4):
        page.locator("[data-testid=stSelectbox]", has_text=label).click()
        try:
            page.get_by_role("option", name=option, exact=True).click(timeout=5_000)
            return
        except Exception:
            if attempt == 3:
                raise
            page.keyboard.press("Escape")


def test_divergence_stops_training_with_its_message(page, screenshot):
    frame = wait_painted(page)
    # messages come and go above the live view; it must stay the same view, not be
    # rebuilt (a rebuilt one reloads plotly.js and flashes)
    frame.evaluate("() => { window.__sameView = true; }")
    choose(page, "Hidden activation g1", "linear (logistic regression)")
    page.get_by_text("New network: Hidden activation g1 changed").wait_for(timeout=30_000)
    alpha = page.locator("[data-testid=stSlider]", has_text="Learning rate α").get_by_role("slider")
    alpha.focus()
    alpha.press("End")
    page.get_by_text("α = 10 from the next step on").wait_for(timeout=30_000)
    # where it must stop: the core's own run of the same settings
    expected = Trainer(Settings(activation="linear", alpha=10.0))
    expected.step(10_000)
    stop = expected.divergence.step
    button(page, "Play").click()
    message = page.get_by_text(f"Training stopped at step {stop}")
    message.wait_for(timeout=60_000)
    assert "α = 10 is too large" in message.inner_text()
    time.sleep(1.0)
    assert step_value(frame) == stop - 1
    # what the values show (painted; data-value) and the text a screen reader reads
    shown = frame.locator("#metrics .value").evaluate_all("els => els.map(e => e.getAttribute('data-value'))")
    metrics = (" ".join(shown) + frame.locator("#metrics").inner_text()).lower()
    assert "nan" not in metrics and "inf" not in metrics
    assert button(page, "Play").is_disabled()
    assert frame.evaluate("() => window.__sameView === true")
    no_streamlit_exception(page)
    screenshot(page, "playground-diverged")


def test_the_first_picture_comes_before_plotly_js(browser, app_url):
    """The boundary, the points and the numbers are painted without plotly.js, whose
    parse was most of the wait for the first picture; held back here, it then
    draws the charts and the canvas lies exactly under plotly's plot area."""

    held = []
    with app_page(browser, app_url) as page:
        page.route("**/plotly-basic.min.js", lambda route: held.append(route))
        page.reload()
        frame = frame_of(page)
        frame.wait_for_selector("#boundary-canvas[data-painted]", state="attached", timeout=30_000)
        time.sleep(0.3)
        assert held and frame.evaluate("() => typeof Plotly") == "undefined"
        assert frame.locator("[data-testid=metric-step] .value").get_attribute("data-value") == "0"
        assert painted_with_a_line(boundary_picture(frame))
        # the 400 points, in two paths of dots (train class 0 and 1)
        assert frame.evaluate("() => document.querySelectorAll('#boundary-preview path').length") >= 2
        preview = frame.evaluate("() => { const s = document.getElementById('boundary-layer').style;"
                                 " return [s.left, s.top, s.width, s.height].map(parseFloat); }")
        for route in held:
            route.continue_()
        frame.wait_for_selector("#charts[data-drawn]", state="attached", timeout=30_000)
        area = frame.evaluate("""() => {
          const r = document.querySelector('#boundary-plot .draglayer .xy .nsewdrag');
          return ['x', 'y', 'width', 'height'].map(k => +r.getAttribute(k)); }""")
        # the preview was where plotly then put its plot area, to a pixel
        assert all(abs(a - b) <= 1.0 for a, b in zip(preview, area)), (preview, area)
        assert frame.locator("#boundary-plot .scatterlayer .point").count() == 400
        # plotly draws the points now: the preview's are gone
        assert frame.evaluate("() => document.querySelectorAll('#boundary-preview path').length") == 0


RELOAD_VIEW = """() => {
  const view = [...document.querySelectorAll('iframe')].find(f => (f.title || '').includes('live_view'));
  view.contentWindow.__old = true;
  view.contentWindow.location.reload();
}"""


def reload_view(page, within: float):
    """Load the view's page anew, and wait ``within`` seconds for it to be drawn."""
    page.evaluate(RELOAD_VIEW)
    frame = frame_of(page)
    deadline = time.time() + within
    while time.time() < deadline:
        try:
            if frame.evaluate("() => !window.__old && !!document.querySelector('#charts[data-drawn]')"):
                return
        except Exception:  # the old page went away under the call
            pass
        time.sleep(0.1)
    raise AssertionError(f"the reloaded view was not drawn within {within} s")


def test_a_reloaded_view_gets_its_figures_back(page):
    """The browser may load the view's page anew (the frame reloaded) while the server
    sends the figures only when they change: the new page asks for them, and draws
    again, whether playing or at rest."""
    wait_painted(page)
    button(page, "Play").click()
    frame = live_frame(page)
    frame.locator('[data-testid=metric-step] .value:not([data-value="0"])').wait_for(timeout=15_000)
    reload_view(page, within=10)  # about a second here
    shown = step_value(frame)
    frame.locator(f'[data-testid=metric-step] .value:not([data-value="{shown:,}"])').wait_for(timeout=10_000)
    button(page, "Pause").click()
    time.sleep(1.0)
    reload_view(page, within=10)
    assert step_value(frame) > shown
    no_streamlit_exception(page)


def test_play_goes_on_without_the_stream_and_pause_stays_exact(browser, app_url):
    """Behind a proxy that does not forward the live stream's websocket, the view
    asks for its batches with the page's own connection instead: Play trains and
    draws, a quiet word says the view is in its slower mode, Pause stops on the
    frame on screen, and the next Step is one more."""

    with app_page(browser, app_url) as page:
        # every connection to the stream is closed at once, as a proxy that refuses it
        page.route_web_socket(lambda url: "/shallownet/live" in url, lambda ws: ws.close(code=1011))
        page.reload()
        frame = wait_painted(page)
        button(page, "Play").click()
        status = frame.locator("#status")
        expect(status).to_contain_text("Slower mode", timeout=5_000)
        # waits that let Playwright answer the view's new tries of the socket (the
        # route is in this process): a plain sleep would hold them
        page.wait_for_timeout(2000)
        drawn = frame.evaluate("window.__framesDrawn")
        page.wait_for_timeout(2000)
        assert frame.evaluate("window.__framesDrawn") - drawn >= 2 * 20  # 20 frames a second or more
        assert step_value(frame) > 0
        button(page, "Pause").click()
        shown = step_value(frame)
        page.wait_for_timeout(2000)
        assert step_value(frame) == shown  # nothing drawn after the click
        expect(status).to_have_text("", timeout=10_000)
        assert f"step={shown}" in page.url  # the address names the frame on screen
        button(page, "Step").click()
        expect(frame.locator("[data-testid=metric-step] .value")).to_have_attribute(
            "data-value", f"{shown + 1:,}", timeout=10_000)
        no_streamlit_exception(page)


def test_without_the_stream_a_slow_client_plays_at_full_strength_and_the_stream_comes_back(browser, app_url):
    """A 4x slower client whose stream is refused: its batches come as runs of the
    page, never faded; when the socket can open again (the view tries at 1, 2, 4,
    ... s), the batches come over the stream and the view stops asking."""

    refused = {"on": True}
    stream_messages = []

    def route(ws):
        if refused["on"]:
            ws.close(code=1011)
            return
        server = ws.connect_to_server()
        ws.on_message(lambda message: server.send(message))
        server.on_message(lambda message: (stream_messages.append(1), ws.send(message)))

    with app_page(browser, app_url, SLOW_CLIENT_RATE) as page:
        page.route_web_socket(lambda url: "/shallownet/live" in url, route)
        page.reload()
        frame = wait_painted(page)
        page.evaluate(SAMPLE_OPACITY, LIVE_FRAME)
        button(page, "Play").click()
        expect(frame.locator("#status")).to_contain_text("Slower mode", timeout=10_000)
        page.wait_for_timeout(2000)
        drawn = frame.evaluate("window.__framesDrawn")
        page.wait_for_timeout(4000)
        fps = (frame.evaluate("window.__framesDrawn") - drawn) / 4
        samples = page.evaluate(OPACITY_SAMPLES)
        assert fps >= 10, f"{fps} frames a second in the slower mode at throttle {SLOW_CLIENT_RATE}"
        assert len(samples) >= 10 and all(o == 1 for o in samples), samples
        # the socket may open again: within the view's longest wait between tries
        refused["on"] = False
        expect(frame.locator("#status")).to_have_text("", timeout=25_000)
        assert stream_messages, "no batch came over the stream"
        before = step_value(frame)
        page.wait_for_timeout(2000)
        assert step_value(frame) > before
        button(page, "Pause").click()
        no_streamlit_exception(page)
