"""Measure the live Playground in a real browser, on a fast or a slow client: frames
drawn per second and the browser's time per frame, gradient steps per second, Pause,
whether the view stays at full strength while playing, the first boundary against a
bare Streamlit page, and the server's CPU, memory and bytes sent per session.

It starts the app and opens it in headless chromium, every page slowed down with
Chromium's CPU throttling (``--throttle RATE``, over CDP; 1 is the machine's own
speed, 4 a client four times slower), and checks once that the throttling reaches
the live view's iframe (a fixed JavaScript busy loop, timed in the iframe and in the
page). Then, in each round, it presses Play and records:

- every change of the "Step" number as the browser draws it (a MutationObserver in
  the live view): frames drawn per second, steps per second, and after the click on
  Pause how long the screen went on changing and how far it moved from the step it
  showed at the click (each such change is printed as it is seen);
- the view's own time to draw each frame (``window.__drawMs``);
- every 100 ms, the product of the computed opacities of the view's iframe and of
  all its ancestors up to <html>: anything below 1 is a faded view;
- the server's CPU time and the bytes it sends, from the click on Play to the click
  on Pause.

Then the server's memory with more sessions playing. Then, with the played pages
closed, it times the first boundary of fresh pages (from the start of navigation
to the view's 'painted' mark, on the browser's clock) and, in turn with them and
with the same throttling, as many loads of a bare Streamlit page
(benchmarks/bare_app.py, one st.metric) up to its first element (``first_pairs``).
Not beside the played page: in Chromium a throttled page slows the fresh pages
of the same browser down, even when it is idle (at --throttle 4 the first
boundary beside a paused page took 3.54 s, alone 2.55-2.66 s). For comparison it measures the plain way too
(benchmarks/baseline_app.py: a fragment redrawing st.plotly_chart figures).

Targets, medians over the rounds unless said (exit code 0 only if all are met):
frames drawn per second >= 24 (>= 20 at --throttle 4 or more); browser time per
frame, median over all rounds' frames <= 8 ms (judged at --throttle 1 only; its p90
is shown too); gradient steps per second
>= 2,000; Pause: 0 steps moved after the click (every round) and stopped within
0.5 s; no opacity sample below 1 (all rounds); first boundary / bare page's first
element <= 1.3; server CPU per playing session <= 0.3 core; server memory per
session <= 30 MB.

    python benchmarks/bench_live.py                  # 3 rounds of 6 s, 5 sessions for memory
    python benchmarks/bench_live.py --throttle 4     # the same on a client 4x slower
    python benchmarks/bench_live.py --rounds 1 --sessions 2 --no-baseline   # a quick run
    python benchmarks/bench_live.py --throttle 4 --address "/?n1=64&m=5000"   # a big network
    python benchmarks/bench_live.py --first-only 8   # the first boundary alone, 8 fresh pages of each
    python benchmarks/bench_live.py --first-only 8 --app /tmp/old/app.py   # another checkout's
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from live_app import (  # noqa: E402
    BUSY_LOOP,
    COLLECT_DRAW_TIMES,
    DRAW_TIMES,
    LIVE_FRAME,
    OPACITY_SAMPLES,
    PRESS,
    SAMPLE_OPACITY,
    WATCH_STEP,
    frame_of,
    launch,
    rss_bytes,
    running_app,
    throttle,
)
from playwright.sync_api import sync_playwright  # noqa: E402

VIEWPORT = {"width": 1600, "height": 1000}
WARMUP_S = 1.0
BUSY_N = 20_000_000  # iterations of the busy loop: ~70 ms on this machine, unthrottled
TARGETS = {
    "draw_ms": 8.0,  # median browser time per frame, at throttle 1
    "steps_per_s": 2000,
    "moved_on": 0,
    "pause_s": 0.5,
    "faded": 0,  # opacity samples below 1
    "first_ratio": 1.3,  # first boundary / bare page's first element
    "server_cpu": 0.3,
    "mb_per_session": 30,
}

# In every frame of a page, from before its scripts run: the time (performance.now(),
# ms since the start of navigation) at which a [data-testid=stMetricValue] element
# is first in the top page's DOM.
FIRST_METRIC = """
(() => {
  if (window !== window.top) return;
  const observer = new MutationObserver(() => {
    if (document.querySelector('[data-testid=stMetricValue]')) {
      window.__firstMetric = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, {childList: true, subtree: true});
})();
"""


def fps_target(rate: float) -> float:
    return 20 if rate >= 4 else 24


def cpu_model() -> tuple[str, bool]:
    """The CPU's model name and whether it has AVX-512 (avx512f), from /proc/cpuinfo."""
    model, avx512 = "unknown", False
    with open("/proc/cpuinfo") as f:
        for line in f:
            key, _, value = line.partition(":")
            if key.strip() == "model name" and model == "unknown":
                model = value.strip()
            elif key.strip() == "flags":
                avx512 |= "avx512f" in value.split()
    return model, avx512


def cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def bytes_sent(port: int) -> dict:
    """Bytes the server has sent on each open TCP connection (from ss), by the
    client's address: what went on the wire, after websocket compression."""
    out = subprocess.run(["ss", "-tinH", "state", "established", f"( sport = :{port} )"],
                         capture_output=True, text=True).stdout
    # each connection is a line with the addresses, then a line of counters
    lines = out.splitlines()
    sent = {}
    for head, info in zip(lines[::2], lines[1::2]):
        m = re.search(r"bytes_sent:(\d+)", info)
        if m:
            sent[head.split()[-1]] = int(m.group(1))
    return sent


def sent_between(before: dict, after: dict) -> int:
    return sum(after[k] - before[k] for k in after if k in before)


def step_number(text: str) -> int:
    return int(text.replace(",", ""))


def analyse(log, t_play, t_pause, warmup=WARMUP_S):
    """fps (distinct Step values drawn per second), steps/s over [t_play + warm-up, t_pause],
    and the pause delay: from just before the click on Pause to the last change of Step."""
    window = [(t, step_number(v)) for t, v in log if t_play + 1000 * warmup <= t <= t_pause]
    if len(window) < 2:  # not two frames drawn after the warm-up
        fps = steps = 0.0
    else:
        seconds = (window[-1][0] - window[0][0]) / 1000
        fps = (len(window) - 1) / seconds
        steps = (window[-1][1] - window[0][1]) / seconds
    after = [t for t, _ in log if t > t_pause]
    pause_delay = (max(after) - t_pause) / 1000 if after else 0.0
    return fps, steps, pause_delay


def play_round(page, frame, play_seconds, ws_bytes, pid, port):
    """Play, then Pause; returns the round's measurements (see main)."""
    frame.wait_for_function(WATCH_STEP)
    origin = frame.evaluate("performance.timeOrigin")
    frame.evaluate(COLLECT_DRAW_TIMES)
    page.evaluate(SAMPLE_OPACITY, LIVE_FRAME)
    ws0, cpu0, sent0 = ws_bytes[0], cpu_seconds(pid), bytes_sent(port)
    c0 = time.perf_counter()
    t_play = page.evaluate(PRESS, "Play") - origin
    time.sleep(play_seconds)
    opacity = page.evaluate(OPACITY_SAMPLES)
    t_pause = page.evaluate(PRESS, "Pause") - origin
    # the server's CPU and bytes from the click on Play to the click on Pause
    elapsed = time.perf_counter() - c0
    cpu = (cpu_seconds(pid) - cpu0) / elapsed
    wire = sent_between(sent0, bytes_sent(port)) / elapsed
    ws_during = ws_bytes[0] - ws0  # Playwright counted the frames during the evaluates
    draw_ms = frame.evaluate(DRAW_TIMES)
    time.sleep(2.0)
    log = frame.evaluate("window.__steps")
    fps, steps, delay = analyse(log, t_play, t_pause)
    at_pause = [step_number(v) for t, v in log if t <= t_pause][-1]
    after = [(t - t_pause, step_number(v)) for t, v in log if t > t_pause]
    if after:
        print(f"  (Pause: step {at_pause:,} on the screen at the click, then "
              + ", ".join(f"{v:,} at {t:+.0f} ms" for t, v in after) + ")", flush=True)
    return {
        "fps": fps, "steps_per_s": steps, "pause_s": delay,
        # how far the screen moved from the step it showed at the click on Pause
        # (0: it stopped on that frame)
        "moved_on": max((abs(v - at_pause) for _, v in after), default=0),
        "kb_per_s": ws_during / ((t_pause - t_play) / 1000) / 1024,
        "wire_kb_per_s": wire / 1024, "server_cpu": cpu,
        "draw_ms": draw_ms, "opacity": opacity,
    }


def timeout_ms(rate) -> float:
    """How long to wait for a page, loading or drawing: longer on a slower client."""
    return 60_000 * max(1.0, rate or 1.0)


def new_page(browser, rate, viewport=None):
    """A new page (in a browser context of its own: a Streamlit session of its own),
    throttled by ``rate`` (None: not at all)."""
    page = browser.new_page(viewport=viewport or VIEWPORT)
    page.set_default_timeout(timeout_ms(rate))
    if rate is not None:
        throttle(page, rate)
    return page


def open_page(browser, url, rate, ws_bytes=None, viewport=None, on_websocket=None):
    """A new page on the live app, throttled by ``rate`` (None: not at all), once its
    first boundary is painted; returns (page, frame, seconds to the first boundary).
    ``on_websocket`` is called with each websocket the page opens."""
    page = new_page(browser, rate, viewport)
    if on_websocket is not None:
        page.on("websocket", on_websocket)
    if ws_bytes is not None:
        def on_ws(ws):
            ws.on("framereceived", lambda payload: ws_bytes.__setitem__(0, ws_bytes[0] + len(payload)))
        page.on("websocket", on_ws)
    page.goto(url)
    timeout = timeout_ms(rate)
    frame = frame_of(page, timeout)
    frame.wait_for_selector("#boundary-canvas[data-painted]", state="attached", timeout=timeout)
    # from the start of the page's navigation to the view's first painted boundary,
    # both on the browser's clock
    origin = page.evaluate("performance.timeOrigin")
    painted = frame.evaluate(
        "performance.timeOrigin + performance.getEntriesByName('painted')[0].startTime")
    return page, frame, (painted - origin) / 1000


def busy_ms(target) -> float:
    return statistics.median(target.evaluate(BUSY_LOOP, BUSY_N) for _ in range(3))


def measure_app(p, rounds, play_seconds, sessions, rate, address=""):
    results = {}
    with running_app() as (url, proc):
        port = int(url.rsplit(":", 1)[1])
        browser = launch(p)
        # a first page load, not throttled, warms the server (imports, plotly.js from
        # disk); on it, the busy loop's time at the machine's own speed
        warm, warm_frame, _ = open_page(browser, url, None)
        plain = busy_ms(warm_frame), busy_ms(warm)
        warm.close()
        ws_bytes = [0]
        page, frame, _ = open_page(browser, url + address, rate, ws_bytes)
        slow = busy_ms(frame), busy_ms(page)
        print(f"Throttling check: a fixed JavaScript busy loop took {plain[0]:.0f} ms in an unthrottled page's "
              f"live view, {slow[0]:.0f} ms in the measured one's: {slow[0] / plain[0]:.1f}x in the live view's "
              f"iframe, {slow[1] / plain[1]:.1f}x in the page (rate {rate:g})", flush=True)
        for _ in range(rounds):
            for k, v in play_round(page, frame, play_seconds, ws_bytes, proc.pid, port).items():
                results.setdefault(k, []).append(v)
        # memory: the server's RSS with one session, then with `sessions` more, all playing
        time.sleep(1)
        base = rss_bytes(proc.pid)
        pages = []
        for _ in range(sessions):
            playground, _, _ = open_page(browser, url, rate)
            playground.get_by_role("button", name="Play", exact=True).click()
            pages.append(playground)
        time.sleep(8)
        for playground in pages:
            playground.get_by_role("button", name="Pause", exact=True).click()
        time.sleep(2)
        results["mb_per_session"] = [(rss_bytes(proc.pid) - base) / sessions / 2**20]
        results["rss_mb"] = [rss_bytes(proc.pid) / 2**20]
        browser.close()
    return results


def first_pairs(p, loads, rate, script="app.py") -> tuple[list[float], list[float]]:
    """Seconds to the first boundary of ``loads`` fresh pages of ``script``, and to
    the first element of as many of the bare app. Both servers run side by side
    (idle between loads) and the pages of the two alternate, one of each in turn,
    the order swapped every pair, so that the machine's drift falls on both alike
    (the same page's median moved by a third from one run to the next here, when
    the two were measured a few loads apart)."""
    app, bare = [], []
    with running_app(script) as (url, _), running_app("benchmarks/bare_app.py") as (bare_url, _):
        browser = launch(p)
        open_page(browser, url, None)[0].close()  # warm both servers, unthrottled
        bare_first(browser, bare_url, None)
        for i in range(loads):
            for which in (("app", "bare") if i % 2 == 0 else ("bare", "app")):
                if which == "app":
                    page, _, first = open_page(browser, url, rate)
                    page.close()
                    app.append(first)
                else:
                    bare.append(bare_first(browser, bare_url, rate))
        browser.close()
    return app, bare


def first_rows(app, bare) -> bool:
    """Print the first boundary's rows; True when the ratio meets its target."""
    ratio = statistics.median(app) / statistics.median(bare)
    pairs = sorted(a / b for a, b in zip(app, bare))
    quartiles = statistics.quantiles(pairs, n=4) if len(pairs) > 1 else pairs * 3
    row(f"first boundary after opening (s, median of {len(app)})", f"{statistics.median(app):.2f}")
    row("  each (s)", " ".join(f"{t:.2f}" for t in app))
    row(f"bare Streamlit page's first element (s, {len(bare)})", f"{statistics.median(bare):.2f}")
    row("  each (s)", " ".join(f"{t:.2f}" for t in bare))
    row("each pair's ratio: median (quartiles)", f"{statistics.median(pairs):.2f} "
        f"({quartiles[0]:.2f}-{quartiles[2]:.2f})")
    return row("first boundary / bare page's first element (medians)", f"{ratio:.2f}",
               f"<= {TARGETS['first_ratio']:g}", ratio <= TARGETS["first_ratio"])


def first_only(p, loads, rate, script) -> int:
    """The first boundary alone (``first_pairs``)."""
    app, bare = first_pairs(p, loads, rate, script)
    print(f"First boundary of {script}, throttle {rate:g}x, {len(app)} fresh pages of each, in turn:")
    return 0 if first_rows(app, bare) else 1


def bare_first(browser, url, rate) -> float:
    """Seconds from the start of navigation to the bare page's first element in the
    DOM, in a fresh page throttled by ``rate`` (None: not at all)."""
    page = new_page(browser, rate)
    page.add_init_script(FIRST_METRIC)
    page.goto(url)
    page.wait_for_function("window.__firstMetric !== undefined")
    first = page.evaluate("window.__firstMetric") / 1000
    page.close()
    return first


def measure_baseline(p, play_seconds, rate):
    with running_app("benchmarks/baseline_app.py") as (url, _):
        browser = launch(p)
        page = new_page(browser, rate)
        page.goto(url)
        page.wait_for_selector("[data-testid=stMetricValue]")
        page.evaluate("""() => {
            const el = document.querySelector('[data-testid=stMetricValue]');
            window.__steps = [[performance.now(), el.textContent]];
            new MutationObserver(() => {
              const e = document.querySelector('[data-testid=stMetricValue]');
              const v = e ? e.textContent : null;
              if (v && v !== window.__steps[window.__steps.length - 1][1]) window.__steps.push([performance.now(), v]);
            }).observe(document.body, {childList: true, characterData: true, subtree: true});
        }""")
        origin = page.evaluate("performance.timeOrigin")
        t_play = page.evaluate(PRESS, "Play") - origin
        time.sleep(play_seconds)
        t_pause = page.evaluate(PRESS, "Pause") - origin
        time.sleep(2)
        fps, steps, delay = analyse(page.evaluate("window.__steps"), t_play, t_pause)
        browser.close()
    return {"fps": fps, "steps_per_s": steps, "pause_s": delay}


def row(label, value, target=None, met=None):
    verdict = f"   target {target}: {'met' if met else 'MISSED'}" if target else ""
    print(f"  {label:<46} {value:>9}{verdict}")
    return met is not False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--play-seconds", type=float, default=6.0)
    parser.add_argument("--sessions", type=int, default=5, help="extra sessions for the memory figure")
    parser.add_argument("--throttle", type=float, default=1.0, metavar="RATE",
                        help="slow every page's CPU down RATE times (Chromium's CPU throttling; 1: not at all)")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--first-loads", type=int, default=8, metavar="LOADS",
                        help="fresh pages of the app and of the bare app for the first boundary (default 8)")
    parser.add_argument("--first-only", type=int, metavar="LOADS",
                        help="measure only the first boundary, on LOADS fresh pages, against the bare app")
    parser.add_argument("--address", default="", metavar="PATH",
                        help="the played page's path and query, its settings (e.g. '/?n1=64&m=5000'); "
                             "default: the Playground at the default settings")
    parser.add_argument("--app", default="app.py",
                        help="with --first-only: the app to open (e.g. another checkout's app.py, to compare)")
    args = parser.parse_args()
    rate = args.throttle
    if rate < 1:
        parser.error("--throttle must be 1 or more")

    model, avx512 = cpu_model()
    with sync_playwright() as p:
        browser = launch(p)
        version = browser.version
        browser.close()
        print(f"CPU: {model}, {os.cpu_count()} cores, avx512f: {'yes' if avx512 else 'no'}")
        print(f"Client CPU throttling: {rate:g}x (Emulation.setCPUThrottlingRate)")
        print(f"Chromium {version} (headless)", flush=True)
        if args.first_only:
            return first_only(p, args.first_only, rate, args.app)
        r = measure_app(p, args.rounds, args.play_seconds, args.sessions, rate, args.address)
        app_first, bare = first_pairs(p, args.first_loads, rate)
        base = None if args.no_baseline else measure_baseline(p, args.play_seconds, rate)

    med = {k: statistics.median(v) for k, v in r.items() if k not in ("draw_ms", "opacity")}
    draw = sorted(ms for per_round in r["draw_ms"] for ms in per_round)
    draw_med = statistics.median(draw) if draw else float("nan")
    draw_p90 = statistics.quantiles(draw, n=10)[8] if len(draw) > 1 else float("nan")
    opacity = [o for per_round in r["opacity"] for o in per_round]
    faded = [o for o in opacity if o < 1]
    moved_on = max(r["moved_on"])

    where = f"at {args.address}" if args.address else "at the default settings"
    print(f"Playground {where}, throttle {rate:g}x, {args.rounds} rounds of "
          f"{args.play_seconds:g} s of Play, medians:")
    ok = True
    fps_goal = fps_target(rate)
    ok &= row("frames drawn per second", f"{med['fps']:.1f}", f">= {fps_goal:g}", med["fps"] >= fps_goal)
    if rate == 1:
        ok &= row("browser time per frame, median (ms)", f"{draw_med:.1f}", f"<= {TARGETS['draw_ms']:g}",
                  draw_med <= TARGETS["draw_ms"])
    else:
        row("browser time per frame, median (ms)", f"{draw_med:.1f}")
        print(f"  {'':<46} {'':>9}   (target <= {TARGETS['draw_ms']:g} judged at throttle 1 only)")
    row("browser time per frame, p90 (ms)", f"{draw_p90:.1f}")
    row("frames timed (window.__drawMs, all rounds)", f"{len(draw)}")
    ok &= row("gradient steps per second", f"{med['steps_per_s']:,.0f}", f">= {TARGETS['steps_per_s']:,}",
              med["steps_per_s"] >= TARGETS["steps_per_s"])
    ok &= row("Pause: steps the screen moved after the click", f"{moved_on:,}", "= 0 (every round)",
              moved_on == TARGETS["moved_on"])
    ok &= row('Pause: until "Step" stops changing (s)', f"{med['pause_s']:.2f}", f"<= {TARGETS['pause_s']:g}",
              med["pause_s"] <= TARGETS["pause_s"])
    row("opacity samples during Play (every 100 ms)", f"{len(opacity)}")
    ok &= row("  of them below 1" + (f" (lowest {min(faded):.2f})" if faded else ""), f"{len(faded)}",
              "= 0", len(faded) == TARGETS["faded"] and len(opacity) > 0)
    ok &= first_rows(app_first, bare)
    ok &= row("server CPU per playing session (cores)", f"{med['server_cpu']:.2f}", f"<= {TARGETS['server_cpu']:g}",
              med["server_cpu"] <= TARGETS["server_cpu"])
    ok &= row("server memory per session (MB)", f"{med['mb_per_session']:.1f}", f"<= {TARGETS['mb_per_session']:g}",
              med["mb_per_session"] <= TARGETS["mb_per_session"])
    row("data to the browser (kB/s)", f"{med['kb_per_s']:.0f}")
    row("sent on the wire, deflated (kB/s)", f"{med['wire_kb_per_s']:.0f}")
    row("server memory, all sessions (MB)", f"{med['rss_mb']:.0f}")
    if base:
        print("Plain fragment + st.plotly_chart (benchmarks/baseline_app.py), same run and throttle:")
        times = f"{med['fps'] / base['fps']:.1f}x" if base["fps"] else "-"
        print(f"  frames drawn per second {base['fps']:.1f} (the live view: {times}), "
              f"steps per second {base['steps_per_s']:,.0f}, Pause after {base['pause_s']:.2f} s")
    print("All targets met." if ok else "Some targets MISSED.")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
