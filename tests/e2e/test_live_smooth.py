"""The live view as the audience sees it: at full strength while it plays (the
Playground reruns its fragment every 0.4 s, and Streamlit pales what a rerun has
not reached yet), and on a slow client Pause stops on the frame on the screen."""

import time

from live_app import LIVE_FRAME, OPACITY, OPACITY_SAMPLES, PRESS, SAMPLE_OPACITY, WATCH_STEP, step_value

from tests.e2e.helpers import SLOW_CLIENT_RATE, app_page, number, wait_painted

_STEP = "document.querySelector('[data-testid=metric-step] .value').getAttribute('data-value')"
STEP_TEXT = "() => " + _STEP
STEP_CHANGED = "(before) => " + _STEP + " !== before"


def press(page, label) -> float:
    """Click the button in the page, at once (see live_app.PRESS), once it is there;
    returns the time of the click, ms since the epoch on the browser's clock."""
    page.wait_for_function("(l) => [...document.querySelectorAll('button')].some(b => b.innerText.trim() === l)",
                           arg=label, timeout=60_000)
    return page.evaluate(PRESS, label)


def faded(samples):
    return [round(o, 3) for o in samples if o != 1]


def test_the_live_view_stays_at_full_strength_while_playing(slow_page):
    # on a slow client: on this machine unthrottled, Streamlit's fade never showed
    # in the samples even without app.css; at throttle 4 it did
    page = slow_page
    frame = wait_painted(page, timeout=120_000)
    # every 100 ms for 6 s of Play: the opacities of the view's iframe and of all its
    # ancestors, multiplied (a busy slow client takes fewer samples than asked)
    page.evaluate(SAMPLE_OPACITY, LIVE_FRAME)
    press(page, "Play")
    time.sleep(6.0)
    playing = page.evaluate(OPACITY_SAMPLES)
    assert step_value(frame) > 0, "Play did not move the view"
    press(page, "Pause")
    # at rest, once the screen has settled: right after a click on Step, and on
    # through that rerun until the next step is drawn
    time.sleep(1.5)
    stopped = frame.evaluate(STEP_TEXT)
    page.evaluate(SAMPLE_OPACITY, LIVE_FRAME)
    press(page, "Step")
    right_after_step = page.evaluate(OPACITY, LIVE_FRAME)
    frame.wait_for_function(STEP_CHANGED, arg=stopped, timeout=30_000)
    stepping = [right_after_step, *page.evaluate(OPACITY_SAMPLES)]

    # a 4x throttled main thread runs the 100 ms sampler late: 14-30 samples seen
    assert len(playing) >= 10, f"only {len(playing)} samples in 6 s"
    assert not faded(playing), (
        f"{len(faded(playing))} of {len(playing)} samples while playing below full strength: {faded(playing)}")
    assert not faded(stepping), f"below full strength after Step, at rest: {faded(stepping)}"


def test_pause_freezes_the_frame_on_screen_on_a_slow_client(slow_page):
    page = slow_page
    frame = wait_painted(page, timeout=120_000)
    assert frame.wait_for_function(WATCH_STEP, timeout=30_000)
    origin = frame.evaluate("performance.timeOrigin")
    before = frame.evaluate(STEP_TEXT)
    press(page, "Play")
    # a 4x throttled page that has just painted may still be busy setting up its
    # charts when Play is clicked (seen: no frame drawn within 3 s, once in CI):
    # wait for the first frame, then play on for a while before pausing
    frame.wait_for_function(STEP_CHANGED, arg=before, timeout=30_000)
    time.sleep(2.0)
    t_pause = press(page, "Pause") - origin
    time.sleep(2.0)
    # the Step number on the screen, every time it changed, on the view's clock
    log = [(t, number(v)) for t, v in frame.evaluate("window.__steps")]
    at_click = [v for t, v in log if t <= t_pause][-1]
    after = [(f"{t - t_pause:+.0f} ms", v) for t, v in log if t > t_pause]
    assert at_click > 0, "Play did not move the view"
    assert not after, f"step {at_click:,} was on the screen at the click on Pause, then: {after}"
    assert step_value(frame) == at_click

    # the network is that frame's: one step more shows exactly the next step
    frame.wait_for_function(WATCH_STEP)
    press(page, "Step")
    frame.wait_for_function(STEP_CHANGED, arg=f"{at_click:,}", timeout=30_000)
    time.sleep(1.0)
    shown = [number(v) for _, v in frame.evaluate("window.__steps")[1:]]
    assert shown == [at_click + 1], f"paused on step {at_click:,}; Step showed {shown}"


# In the top page, from before its scripts run: at each animation frame, where the
# live view's element is (its top, while the view has a height) and what the page
# shows, logged when any of it changes.
FIRST_VISIT = """
(() => {
  if (window !== window.top) return;
  window.__visit = [];
  let last = null;
  const tick = () => {
    const el = document.querySelector('.st-key-live'), frame = el && el.querySelector('iframe');
    const doc = frame && frame.contentDocument;
    const now = {
      top: frame && frame.getBoundingClientRect().height > 0 ? Math.round(el.getBoundingClientRect().top) : null,
      width: frame && frame.getBoundingClientRect().height > 0 ? Math.round(el.getBoundingClientRect().width) : null,
      painted: !!(doc && doc.querySelector('#boundary-canvas[data-painted]')),
      buttons: !!document.querySelector('.st-key-play button'),
      sidebar: !!document.querySelector('.st-key-lang'),
      links: !!document.querySelector('.st-key-page-links [data-testid=stCaptionContainer]'),
      widgets: !!document.querySelector('[data-testid=stSidebar] [data-testid=stHeading]'),
      linksLoading: !!document.querySelector('.st-key-page-links [data-testid=stSkeleton]'),
      langTop: (() => {
        const lang = document.querySelector('.st-key-lang');
        return lang ? Math.round(lang.getBoundingClientRect().top) : null;
      })(),
      charts: !!(doc && doc.querySelector('#charts[data-drawn]')),
    };
    const key = JSON.stringify(now);
    if (key !== last) { window.__visit.push(now); last = key; }
    if (!now.charts || !now.links || now.linksLoading) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();
"""


def test_a_first_visit_draws_the_picture_first_and_nothing_moves(browser, app_url):
    """On a slow client's first visit the page comes in the order it is needed
    (panels.wait_for_view): the picture, then the buttons, then the sidebar (the
    pages' links at its top, then its widgets), then plotly.js's charts. The
    buttons' row keeps its room meanwhile, so the view, once it shows, stays where
    it is; and while the links' code loads their placeholders take their room, so
    that the switches below them stay where they are too."""

    with app_page(browser, app_url, SLOW_CLIENT_RATE, init_script=FIRST_VISIT) as page:
        wait_painted(page, timeout=120_000)
        page.wait_for_function("() => window.__visit.length && window.__visit.at(-1).charts"
                               " && window.__visit.at(-1).links && !window.__visit.at(-1).linksLoading",
                               timeout=60_000)
        visit = page.evaluate("window.__visit")
    first = {what: next(i for i, now in enumerate(visit) if now[what]) for what in
             ("painted", "buttons", "sidebar", "links", "widgets", "charts")}
    assert first["painted"] < first["buttons"] < first["sidebar"] <= first["charts"], visit
    assert first["buttons"] < first["links"] <= first["sidebar"] <= first["widgets"], visit
    tops = {now["top"] for now in visit if now["top"] is not None}
    assert len(tops) == 1, visit
    # nor does it get narrower when the sidebar comes (its room is there from the start)
    widths = {now["width"] for now in visit if now["width"] is not None}
    assert len(widths) == 1, visit
    lang_tops = {now["langTop"] for now in visit if now["langTop"] is not None}
    assert len(lang_tops) == 1, visit
