"""Presentation mode on a projector's 1280 x 720, opened by its address
(present=1): the sidebar is gone, the page's root font is enlarged, the live view
enlarges its own numbers, and Play, Pause, Step, Reset and the controls a lecturer
turns while talking (n1, α, the activation and the initialisation) are all in the
page's first screen, nothing scrolled, with the decision boundary's plane whole. A screenshot is kept
(benchmarks/out/present-1280x720.png)."""

from shallownet.ui import present
from shallownet.ui.i18n import texts
from tests.e2e.helpers import PROJECTOR, app_page, button, no_streamlit_exception, wait_painted

EN = texts.EN
BUTTONS = ("button.play", "button.pause", "button.step", "button.reset")
# each control by its widget (α is a select slider, which Streamlit marks as a slider)
CONTROLS = (("stSlider", "setting.n1"), ("stSlider", "setting.alpha"), ("stSelectbox", "setting.activation"),
            ("stSelectbox", "setting.init"))
NOTHING_SCROLLED = "() => window.scrollY === 0 && [...document.querySelectorAll('*')].every(e => e.scrollTop === 0)"


def in_first_screen(box) -> bool:
    width, height = PROJECTOR
    return (box is not None and box["x"] >= 0 and box["y"] >= 0
            and box["x"] + box["width"] <= width and box["y"] + box["height"] <= height)


def test_presentation_mode_shows_the_controls_in_a_projectors_first_screen(browser, app_url, screenshot):
    with app_page(browser, app_url, address=f"/?{present.KEY}=1", window=PROJECTOR) as page:
        frame = wait_painted(page)
        assert page.viewport_size == dict(zip(("width", "height"), PROJECTOR))
        # the sidebar is gone, and so is the control that would open it
        assert page.locator("[data-testid=stSidebar]").count() == 1
        assert not page.locator("[data-testid=stSidebar]").is_visible()
        for control in ("stSidebarCollapsedControl", "stExpandSidebarButton"):
            assert not page.locator(f"[data-testid={control}]").is_visible(), control
        page.get_by_text(EN["present.switch"]).wait_for(timeout=15_000)
        # every control in the page, in the first 1280 x 720
        assert page.evaluate(NOTHING_SCROLLED)
        main = page.locator("[data-testid=stMain]")
        for key in BUTTONS:
            b = button(main, EN[key])
            b.wait_for(timeout=15_000)
            assert b.is_visible(), key
            assert in_first_screen(b.bounding_box()), (key, b.bounding_box())
        for testid, key in CONTROLS:
            widget = main.locator(f"[data-testid={testid}]", has_text=EN[key])
            widget.wait_for(timeout=15_000)  # there once (a locator matching two fails)
            assert widget.is_visible(), key
            assert in_first_screen(widget.bounding_box()), (key, widget.bounding_box())
        # and the decision boundary's plane (its heatmap) whole on the same screen
        plane = frame.locator("#boundary-layer").bounding_box()
        assert in_first_screen(plane), plane
        # text to read from the back of a hall: the page's and the live view's
        assert page.evaluate("() => getComputedStyle(document.documentElement).fontSize") == f"{present.FONT_PX}px"
        assert frame.evaluate("() => document.body.classList.contains('present')")
        no_streamlit_exception(page)
        screenshot(page, "present-1280x720")
