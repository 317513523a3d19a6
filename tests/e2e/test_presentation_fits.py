"""Presentation mode fits a projector: on 1280 x 720 and on 1024 x 768, in English
and in Korean, at rest, while playing and after a preset's notice, the Playground
is one screen (nothing to scroll), its three charts whole in the window and big
enough to read from the back of a hall, and within each chart no label covers
another (tick labels, axis titles, the chart's title, the legend) and the legend
is whole. A notice comes as a line beside the buttons and does not push the view
down. The lecture pages are in the mode's menu and open in the mode. Switching the
mode off and on while playing keeps the live view's frame and its picture.

Screenshots: benchmarks/out/present-<width>-<lang>-{rest,play,notice,equations}.png,
present-switch-{off,on}.png.
"""

import pytest
from live_app import LIVE_FRAME, frame_of, step_value
from playwright.sync_api import expect

from shallownet.ui import present
from shallownet.ui.i18n import texts
from tests.e2e.helpers import app_page, button, no_streamlit_exception, wait_painted

WINDOWS = ((1280, 720), (1024, 768))
LANGS = ("en", "ko")
LECTURE_PAGES = ("page.equations", "page.initialisation", "page.gradient_check", "page.hidden_units",
                 "page.hidden_layer_size")
CHARTS = ("boundary", "cost", "grads")
MIN_PLANE_PX = 220  # the boundary's plot area, each way
MIN_CURVE_PX = 215  # the cost's and the gradients' charts, tall
SLACK = 1  # px: rounding

# How tall the page is, to the window's height: the document's and Streamlit's main area's.
SCROLL_HEIGHTS = """
() => ({document: document.documentElement.scrollHeight,
        main: document.querySelector('[data-testid=stMain]').scrollHeight,
        scrollY: window.scrollY})
"""

# In the live view's frame: per chart its box, its plot area, and the boxes of the
# labels in its plotly SVG by kind; its legend's box and whether it has a scrollbar.
CHART_PARTS = """
(ids) => ids.map(id => {
  const box = el => { const r = el.getBoundingClientRect();
                      return {x: r.left, y: r.top, w: r.width, h: r.height}; };
  const plot = document.getElementById(id + '-plot');
  const labels = [];
  const kinds = {xtick: '.xtick text', ytick: '.ytick text', xtitle: '.g-xtitle text',
                 ytitle: '.g-ytitle text', gtitle: '.g-gtitle text'};
  for (const [kind, selector] of Object.entries(kinds)) {
    plot.querySelectorAll(selector).forEach(el => {
      const b = box(el);
      if (b.w > 0 && b.h > 0 && el.textContent.trim()) labels.push({kind, text: el.textContent, ...b});
    });
  }
  const legend = plot.querySelector('.legend');
  if (legend) {
    const b = box(legend);
    if (b.w > 0 && b.h > 0) labels.push({kind: 'legend', text: 'legend', ...b});
  }
  const scrollbars = [...plot.querySelectorAll('.legend .scrollbar')].map(box).filter(b => b.w > 0 && b.h > 0);
  const area = plot.querySelector('.draglayer .xy .nsewdrag');
  return {id, chart: box(document.getElementById(id)), area: area ? box(area) : null, labels,
          legend: legend ? box(legend) : null, scrollbars: scrollbars.length};
})
"""


def overlap(a, b) -> float:
    """How far two boxes overlap: the lesser of the overlap's width and height (0 if none)."""
    w = min(a["x"] + a["w"], b["x"] + b["w"]) - max(a["x"], b["x"])
    h = min(a["y"] + a["h"], b["y"] + b["h"]) - max(a["y"], b["y"])
    return max(0.0, min(w, h))


def inside(inner, outer, slack=SLACK) -> bool:
    return (inner["x"] >= outer["x"] - slack and inner["y"] >= outer["y"] - slack
            and inner["x"] + inner["w"] <= outer["x"] + outer["w"] + slack
            and inner["y"] + inner["h"] <= outer["y"] + outer["h"] + slack)


def fmt(b) -> str:
    return f"[x {b['x']:.0f}, y {b['y']:.0f}, {b['w']:.0f} x {b['h']:.0f}]"


def no_scroll(page, window, when) -> list[str]:
    h = page.evaluate(SCROLL_HEIGHTS)
    print(f"{when}: scrollHeight document {h['document']}, main {h['main']} (window {window[1]})")
    return [f"{when}: {what} scrollHeight {h[what]} > window height {window[1]} + 1"
            for what in ("document", "main") if h[what] > window[1] + 1]


def chart_problems(page, frame, window, when) -> list[str]:
    """What breaks requirements 2 and 3 in the live view's charts now."""
    problems = []
    at = page.locator(LIVE_FRAME).bounding_box()  # the frame's origin in the window
    screen = {"x": -at["x"], "y": -at["y"], "w": window[0], "h": window[1]}  # the window, in the frame's coordinates
    for c in frame.evaluate(CHART_PARTS, list(CHARTS)):
        name = f"{when}: #{c['id']}"
        print(f"{name}: chart {fmt(c['chart'])}, plot area {fmt(c['area']) if c['area'] else None}, "
              f"frame at y {at['y']:.1f}")
        if c["area"] is None:
            problems.append(f"{name}: no plot area")
            continue
        if c["id"] == "boundary":
            if min(c["area"]["w"], c["area"]["h"]) < MIN_PLANE_PX:
                problems.append(f"{name}: plot area {c['area']['w']:.0f} x {c['area']['h']:.0f} px, "
                                f"under {MIN_PLANE_PX} px")
        elif c["chart"]["h"] < MIN_CURVE_PX:
            problems.append(f"{name}: chart {c['chart']['h']:.0f} px tall, under {MIN_CURVE_PX} px")
        if not inside(c["chart"], screen):
            problems.append(f"{name}: chart {fmt(c['chart'])} (frame at y {at['y']:.0f}) not entirely in the "
                            f"{window[0]} x {window[1]} window")
        labels = c["labels"]
        for i, a in enumerate(labels):
            for b in labels[i + 1:]:
                same_axis = a["kind"] == b["kind"] and a["kind"] in ("xtick", "ytick")
                if (a["kind"] != b["kind"] or same_axis) and overlap(a, b) > SLACK:
                    problems.append(f"{name}: {a['kind']} {a['text']!r} {fmt(a)} overlaps {b['kind']} "
                                    f"{b['text']!r} {fmt(b)} by {overlap(a, b):.1f} px")
        if c["scrollbars"]:
            problems.append(f"{name}: the legend has a scrollbar (cut)")
        if c["legend"] is not None and not inside(c["legend"], c["chart"]):
            problems.append(f"{name}: legend {fmt(c['legend'])} not inside the chart {fmt(c['chart'])}")
    return problems


def settle(page, ms=1200):
    """plotly lays its charts out again on a resize or a new figure (debounced)."""
    page.wait_for_timeout(ms)


def live_top(page) -> float:
    return page.locator(LIVE_FRAME).bounding_box()["y"]


def open_menu(page, lang):
    page.get_by_role("button", name=texts.t("present.menu", lang), exact=True).click()
    body = page.locator("[data-testid=stPopoverBody]")
    body.wait_for(timeout=10_000)
    return body


# Whether each switch labelled so in the page's main area is on.
SWITCHES_ON = """
(label) => [...document.querySelectorAll('[data-testid=stMain] label')]
  .filter(l => l.innerText.trim() === label)
  .map(l => l.querySelector('input[type=checkbox]')).filter(Boolean).map(i => i.checked)
"""


def in_presentation_mode(page, lang) -> list[str]:
    problems = []
    if page.locator("[data-testid=stSidebar]").is_visible():
        problems.append("the sidebar shows")
    label = texts.t("present.switch", lang)
    if not page.locator("[data-testid=stMain]").get_by_text(label, exact=True).is_visible():
        problems.append("the mode's switch is not in the page")
    on = page.evaluate(SWITCHES_ON, label)
    if on != [True]:
        problems.append(f"the mode's switch in the page is not on (checked: {on})")
    return problems


def mouse_aside(page, window):
    """The pointer off the buttons (a button's help would cover the controls above it)."""
    page.mouse.move(2, window[1] - 2)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("window", WINDOWS, ids=lambda w: f"{w[0]}x{w[1]}")
def test_the_playground_fits_the_projector(browser, app_url, screenshot, window, lang):
    problems = []
    name = f"present-{window[0]}-{lang}"
    with app_page(browser, app_url, address=f"/?{present.KEY}=1&lang={lang}", window=window) as page:
        frame = wait_painted(page)
        play, pause = button(page, texts.t("button.play", lang)), button(page, texts.t("button.pause", lang))
        play.wait_for(timeout=15_000)
        settle(page)
        no_streamlit_exception(page)

        # 1-3 at rest
        problems += no_scroll(page, window, "at rest")
        problems += chart_problems(page, frame, window, "at rest")
        screenshot(page, f"{name}-rest")

        # 1-3 after ~3 s of Play, still playing
        play.click()
        mouse_aside(page, window)
        page.wait_for_timeout(3000)
        playing_step = step_value(frame)
        problems += no_scroll(page, window, "playing")
        problems += chart_problems(page, frame, window, "playing")
        screenshot(page, f"{name}-play")
        pause.click()
        assert playing_step > 0, "Play did not move the view"
        settle(page, 1000)

        # 4: a preset's notice is a line beside the buttons: the view stays where it is
        top = live_top(page)
        open_menu(page, lang).get_by_role("button", name=texts.t("preset.course_assignment", lang),
                                          exact=True).click()
        notice = page.locator("[class*=st-key-message-line-]").filter(
            has_text=texts.t("preset.course_assignment", lang))
        expect(notice).to_be_visible(timeout=15_000)
        page.keyboard.press("Escape")  # the menu closed, as a lecturer would
        mouse_aside(page, window)
        settle(page, 1500)  # the preset's new figure drawn
        moved = live_top(page) - top
        print(f"the view's top: {top:.1f} before the notice, {top + moved:.1f} with it")
        if abs(moved) > SLACK:
            problems.append(f"the notice moved the view by {moved:+.1f} px (top {top:.1f} -> {top + moved:.1f})")
        problems += no_scroll(page, window, "with the notice")
        problems += chart_problems(page, frame, window, "with the notice")
        screenshot(page, f"{name}-notice")

        # 5: the lecture pages from the menu, opened in the mode
        menu = open_menu(page, lang)
        for key in LECTURE_PAGES:
            link = menu.get_by_role("link", name=texts.t(key, lang))
            if link.count() != 1 or not link.is_visible():
                problems.append(f"the menu has no link to {texts.t(key, lang)!r}")
        menu.get_by_role("link", name=texts.t("page.equations", lang)).click()
        page.wait_for_url("**/equations**", timeout=15_000)
        expect(page.locator("[data-testid=stMain]").get_by_text(texts.t("present.switch", lang), exact=True)
               ).to_be_visible(timeout=15_000)
        settle(page, 800)
        problems += [f"on Equations: {p}" for p in in_presentation_mode(page, lang)]
        no_streamlit_exception(page)
        screenshot(page, f"{name}-equations")

    assert not problems, f"{window[0]} x {window[1]}, {lang}:\n" + "\n".join(problems)


# In the live view's frame: every 50 ms, whether the boundary's canvas shows (painted,
# laid out with a size, visible); WATCHED stops and returns the samples.
WATCH_CANVAS = """
() => {
  const shows = () => {
    const c = document.getElementById('boundary-canvas');
    if (!c || !c.hasAttribute('data-painted')) return 0;
    const r = c.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(c).visibility === 'visible' ? 1 : 0;
  };
  clearInterval(window.__canvasTimer);
  window.__canvas = [];
  window.__canvasTimer = setInterval(() => window.__canvas.push(shows()), 50);
}
"""
WATCHED = "() => { clearInterval(window.__canvasTimer); return window.__canvas; }"
# In the page: every 50 ms, the live view's iframe's box (0 when it is not there)
# and the product of the opacities of it and its ancestors.
WATCH_FRAME = """
(selector) => {
  const sample = () => {
    let el = document.querySelector(selector);
    if (!el) return [0, 0];
    const r = el.getBoundingClientRect();
    let opacity = 1;
    for (; el; el = el.parentElement) opacity *= parseFloat(getComputedStyle(el).opacity);
    return [r.width > 0 && r.height > 0 ? 1 : 0, opacity];
  };
  clearInterval(window.__frameTimer);
  window.__frameSamples = [];
  window.__frameTimer = setInterval(() => window.__frameSamples.push(sample()), 50);
}
"""
FRAME_WATCHED = "() => { clearInterval(window.__frameTimer); return window.__frameSamples; }"


def switch_mode(page, frame, where):
    """Click the mode's switch in ``where`` (the page's main area or the sidebar), with
    the view watched from before the click to 1.5 s after; returns the samples of
    the boundary canvas (in the frame) and of the iframe (in the page)."""
    frame.evaluate(WATCH_CANVAS)
    page.evaluate(WATCH_FRAME, LIVE_FRAME)
    page.locator(f"[data-testid={where}]").get_by_text(texts.EN["present.switch"], exact=True).click()
    page.wait_for_timeout(1500)
    # a view that was replaced (a detached frame) or reloaded (its samples gone) has none
    canvas = None if frame.is_detached() else frame.evaluate(WATCHED)
    return canvas, page.evaluate(FRAME_WATCHED)


def test_the_view_keeps_its_frame_and_picture_through_a_switch_of_the_mode_while_playing(
        browser, app_url, screenshot):
    window = WINDOWS[0]
    with app_page(browser, app_url, address=f"/?{present.KEY}=1&lang=en", window=window) as page:
        frame = wait_painted(page)
        button(page, "Play").wait_for(timeout=15_000)
        frame.evaluate("() => { window.__marker = 1; }")
        button(page, "Play").click()
        page.wait_for_timeout(2000)

        for turn, where in (("off", "stMain"), ("on", "stSidebar")):
            canvas, iframe = switch_mode(page, frame, where)
            mouse_aside(page, window)
            assert not frame.is_detached() and frame_of(page) == frame, \
                f"switched {turn}: the live view is another frame"
            assert frame.evaluate("() => window.__marker") == 1, f"switched {turn}: the live view reloaded"
            assert canvas is not None, f"switched {turn}: the live view reloaded"
            assert frame.locator("#boundary-canvas[data-painted]").count() == 1, f"switched {turn}: not painted"
            assert page.locator("[data-testid=stSidebar]").is_visible() == (turn == "off"), \
                f"switched {turn}: the sidebar {'hidden' if turn == 'off' else 'shows'}"
            hidden = canvas.count(0)
            faded = [o for shown, o in iframe if not shown or o < 0.99]
            print(f"switched {turn}: canvas shown in {len(canvas) - hidden} of {len(canvas)} samples; iframe "
                  f"there in {sum(shown for shown, _ in iframe)} of {len(iframe)}, least opacity "
                  f"{min((o for _, o in iframe), default=None)}")
            screenshot(page, f"present-switch-{turn}")
            assert len(canvas) >= 10, f"switched {turn}: only {len(canvas)} samples of the canvas"
            assert not hidden, (f"switched {turn}: the boundary canvas was not showing in {hidden} of "
                                f"{len(canvas)} samples")
            assert not faded, (f"switched {turn}: the view's iframe missing or faded in {len(faded)} of "
                               f"{len(iframe)} samples: {faded[:10]}")
        step = step_value(frame)
        page.wait_for_timeout(1000)
        assert step_value(frame) > step, "after switching the mode twice the view no longer plays"
        button(page, "Pause").click()
