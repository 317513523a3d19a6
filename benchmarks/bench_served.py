"""Served anywhere: the live view with and without its own socket, and a visitor's
view while heavy links load, in headless chromium against real servers.

One app server, and a real nginx in front of it twice: forwarding every
websocket (``everything``: the stream is used) and only Streamlit's own
(``streamlit-only``: the live stream is refused, the view asks for its batches).
It measures, at Chromium CPU throttling RATE (``--throttle``, 1 and 4 by default):

- frames drawn a second while playing, on each proxy (medians of ROUNDS rounds
  of PLAY_SECONDS, each in a fresh page), and the steps drawn after Pause (0 is
  exact: the screen stays on the frame of the click, and the next Step is +1);
- a first visit's time from navigation to a complete page (the view's charts
  drawn and the sidebar's last control, the language switch, shown), on each
  proxy, FIRST_LOADS fresh pages each, in turn;
- another visitor's frames a second (unthrottled, stream used) while three
  fresh visitors open a heavy link (``HEAVY_LINK``) at once.

Prints the CPU model (numpy's speed depends on AVX-512) with the results.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import time

from bench_live import cpu_model
from live_app import behind_nginx, frame_of, launch, running_app, step_value, throttle
from playwright.sync_api import sync_playwright

PLAY_SECONDS = 6.0
ROUNDS = 3
FIRST_LOADS = 6
HEAVY_LINK = "/?m=5000&n1=64&step=1000000"
WINDOW = {"width": 1600, "height": 1000}


@contextlib.contextmanager
def fresh_page(browser, url: str, rate: float):
    context = browser.new_context(viewport=WINDOW)
    page = context.new_page()
    if rate > 1:
        throttle(page, rate)
    started = time.perf_counter()
    page.goto(url)
    try:
        yield page, started
    finally:
        context.close()


def button(page, label):
    return page.get_by_role("button", name=label, exact=True)


def complete(page, started: float) -> float:
    """Seconds from navigation to a complete page: charts drawn, language switch shown."""
    frame = frame_of(page, 60_000)
    frame.wait_for_selector("#charts[data-drawn]", state="attached", timeout=60_000)
    page.locator("[data-testid=stSidebar] .st-key-lang").wait_for(timeout=60_000)
    return time.perf_counter() - started


def play_round(browser, url: str, rate: float) -> dict:
    """One round: Play for PLAY_SECONDS, then Pause; frames drawn a second (after the
    first second), steps drawn after the click, and whether Step then adds one."""
    with fresh_page(browser, url, rate) as (page, started):
        complete(page, started)
        frame = frame_of(page)
        button(page, "Play").click()
        page.wait_for_timeout(1000)
        drawn = frame.evaluate("window.__framesDrawn")
        page.wait_for_timeout(1000 * (PLAY_SECONDS - 1))
        fps = (frame.evaluate("window.__framesDrawn") - drawn) / (PLAY_SECONDS - 1)
        button(page, "Pause").click()
        at_click = step_value(frame)
        page.wait_for_timeout(3000)
        after = step_value(frame)
        button(page, "Step").click()
        page.wait_for_timeout(3000)
        return {"fps": fps, "after_pause": after - at_click, "step_plus_one": step_value(frame) == after + 1}


def others_fps_while_heavy_links(browser, url: str) -> tuple[float, float]:
    """Frames a second of a visitor playing (unthrottled) alone, then while three
    fresh visitors open HEAVY_LINK at once."""
    with fresh_page(browser, url, 1) as (page, started):
        complete(page, started)
        frame = frame_of(page)
        button(page, "Play").click()
        page.wait_for_timeout(2000)

        def fps(seconds: float) -> float:
            drawn = frame.evaluate("window.__framesDrawn")
            page.wait_for_timeout(1000 * seconds)
            return (frame.evaluate("window.__framesDrawn") - drawn) / seconds

        alone = fps(4)
        heavy = [browser.new_context(viewport=WINDOW) for _ in range(3)]
        try:
            for context in heavy:
                context.new_page().goto(url + HEAVY_LINK, wait_until="commit")
            page.wait_for_timeout(1000)
            loaded = fps(8)
        finally:
            for context in heavy:
                context.close()
        button(page, "Pause").click()
        return alone, loaded


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--throttle", type=float, nargs="+", default=[1, 4])
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--first-loads", type=int, default=FIRST_LOADS)
    args = parser.parse_args()
    model, avx512 = cpu_model()
    print(f"CPU: {model}, avx512f: {'yes' if avx512 else 'no'}")
    sys.stdout.flush()
    with running_app() as (app_url, _), behind_nginx(app_url, "everything") as streamed, \
            behind_nginx(app_url, "streamlit-only") as refused, sync_playwright() as p:
        browser = launch(p)
        proxies = {"stream (nginx, every websocket)": streamed, "no stream (nginx, Streamlit's only)": refused}
        for rate in args.throttle:
            for name, url in proxies.items():
                rounds = [play_round(browser, url, rate) for _ in range(args.rounds)]
                each = ", ".join(f"{r['fps']:.1f}" for r in rounds)
                print(f"throttle {rate:g}, {name}: frames a second "
                      f"{statistics.median(r['fps'] for r in rounds):.1f} (rounds {each}); "
                      f"steps drawn after Pause {[r['after_pause'] for r in rounds]}; "
                      f"Step +1 after Pause {[r['step_plus_one'] for r in rounds]}")
                sys.stdout.flush()
            times = {name: [] for name in proxies}
            for _ in range(args.first_loads):
                for name, url in proxies.items():
                    with fresh_page(browser, url, rate) as (page, started):
                        times[name].append(complete(page, started))
            for name, seconds in times.items():
                print(f"throttle {rate:g}, {name}: first visit to a complete page, median "
                      f"{statistics.median(seconds):.2f} s ({', '.join(f'{s:.2f}' for s in seconds)})")
            sys.stdout.flush()
        alone, loaded = others_fps_while_heavy_links(browser, streamed)
        print(f"another visitor's frames a second: {alone:.1f} alone, {loaded:.1f} while three open {HEAVY_LINK}")
        browser.close()


if __name__ == "__main__":
    main()
