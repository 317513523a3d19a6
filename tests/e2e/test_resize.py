"""The live view follows its box: after a new figure (a settings change) and while
playing, every window size puts the boundary's canvas layer exactly over plotly's
plot area, and each curve's canvas over its chart's."""

from live_app import frame_of
from playwright.sync_api import expect

from tests.e2e.helpers import app_page

SIZES = ((1600, 1000), (1280, 720), (1920, 1080), (1024, 768))
# each canvas layer and the plotly plot area it must cover (the curves' canvases
# reach CURVE_PAD = 6 px past their area, frontend/curves.js)
LAYERS = {"boundary-layer": ("boundary-plot", 0), "cost-live": ("cost-plot", 6), "grads-live": ("grads-plot", 6)}

BOXES = """
(layers) => Object.entries(layers).map(([layer, [plot, pad]]) => {
  const area = document.querySelector(`#${plot} .draglayer .xy .nsewdrag`).getBoundingClientRect();
  const box = document.getElementById(layer).getBoundingClientRect();
  return {layer, pad, area: [area.left, area.top, area.width, area.height],
          box: [box.left + pad, box.top + pad, box.width - 2 * pad, box.height - 2 * pad]};
})
"""


def misplaced(frame, layers) -> list:
    """The layers whose box is more than 1 px off their plot area."""
    out = []
    for item in frame.evaluate(BOXES, layers):
        if max(abs(a - b) for a, b in zip(item["area"], item["box"])) > 1:
            out.append(item)
    return out


def resize_through_sizes(page, frame, layers) -> None:
    for width, height in SIZES:
        page.set_viewport_size({"width": width, "height": height})
        # plotly lays the charts out again on the window's resize (its own debounce)
        for _ in range(20):
            page.wait_for_timeout(250)
            wrong = misplaced(frame, layers)
            if not wrong:
                break
        assert not wrong, f"at {width} x {height}: {wrong}"


def test_the_canvases_follow_plotly_through_resizes_after_a_new_figure_and_while_playing(browser, app_url):
    with app_page(browser, app_url) as page:
        frame = frame_of(page)
        frame.wait_for_selector("#charts[data-drawn]", state="attached", timeout=30_000)
        # a new figure: the course assignment's flower data
        page.get_by_role("button", name="Course assignment", exact=True).click()
        expect(page.get_by_text("Course assignment", exact=False).first).to_be_visible()
        page.wait_for_timeout(1500)
        resize_through_sizes(page, frame, {"boundary-layer": LAYERS["boundary-layer"]})
        page.get_by_role("button", name="Play", exact=True).click()
        page.wait_for_timeout(1500)  # the curves' canvases are live
        resize_through_sizes(page, frame, LAYERS)
        page.get_by_role("button", name="Pause", exact=True).click()
