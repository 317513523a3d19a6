"""Measure the live Playground in a real browser: frames drawn per second, gradient
steps per second, the delay of Pause, the time to the first boundary, the
server's memory and CPU per session, and the bytes sent per second.

It starts the app, opens it in headless chromium, presses Play, and records every
change of the "Step" number as the browser draws it (a MutationObserver in the
live view). For comparison it measures the plain way too (benchmarks/baseline_app.py:
a fragment redrawing st.plotly_chart figures), in the same run.

    python benchmarks/bench_live.py              # 3 rounds, 5 sessions for memory
    python benchmarks/bench_live.py --rounds 1 --sessions 2 --no-baseline
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from live_app import WATCH_STEP, frame_of, launch, rss_bytes, running_app  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

VIEWPORT = {"width": 1600, "height": 1000}
WARMUP_S = 1.0
TARGETS = {"fps": 10, "steps_per_s": 2000, "pause_s": 0.5, "first_boundary_s": 3.0, "mb_per_session": 30}


def cpu_seconds(pid: int) -> float:
    import os

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


def analyse(log, t_play, t_pause):
    """fps (distinct Step values drawn per second), steps/s over [t_play + warm-up, t_pause],
    and the pause delay: from just before the click on Pause to the last change of Step."""
    window = [(t, int(v.replace(",", ""))) for t, v in log if t_play + 1000 * WARMUP_S <= t <= t_pause]
    seconds = (window[-1][0] - window[0][0]) / 1000
    fps = (len(window) - 1) / seconds
    steps = (window[-1][1] - window[0][1]) / seconds
    after = [t for t, _ in log if t > t_pause]
    pause_delay = (max(after) - t_pause) / 1000 if after else 0.0
    return fps, steps, pause_delay


# Press a button the way a person's click arrives: as an event in the page, as soon
# as the page can handle it (Playwright's own click first waits for the page to be
# still, which a playing page is not, and adds its waiting to the measurement).
PRESS = """
(label) => {
  const button = [...document.querySelectorAll('button')].find(b => b.innerText.trim() === label);
  const at = performance.timeOrigin + performance.now();
  button.click();
  return at;
}
"""


def play_round(page, frame, play_seconds, ws_bytes):
    """Play, then Pause; returns fps, steps/s, the Pause delay, bytes/s received,
    and how many steps the screen moved on after Pause (0: it stopped on the frame
    it showed)."""
    frame.wait_for_function(WATCH_STEP)
    origin = frame.evaluate("performance.timeOrigin")
    t_play = page.evaluate(PRESS, "Play") - origin
    ws_before = ws_bytes[0]
    time.sleep(play_seconds)
    t_pause = page.evaluate(PRESS, "Pause") - origin
    ws_during = ws_bytes[0] - ws_before  # Playwright counted the frames during the evaluate
    time.sleep(2.0)
    log = frame.evaluate("window.__steps")
    fps, steps, delay = analyse(log, t_play, t_pause)
    at_pause = [int(v.replace(",", "")) for t, v in log if t <= t_pause][-1]
    moved_on = int(log[-1][1].replace(",", "")) - at_pause
    return fps, steps, delay, ws_during / ((t_pause - t_play) / 1000), moved_on


def open_page(browser, url, ws_bytes=None):
    page = browser.new_page(viewport=VIEWPORT)
    if ws_bytes is not None:
        def on_ws(ws):
            ws.on("framereceived", lambda payload: ws_bytes.__setitem__(0, ws_bytes[0] + len(payload)))
        page.on("websocket", on_ws)
    page.goto(url)
    frame = frame_of(page)
    frame.wait_for_selector("#boundary-canvas[data-painted]", state="attached", timeout=30_000)
    # from the start of the page's navigation to the view's first painted boundary,
    # both on the browser's clock
    origin = page.evaluate("performance.timeOrigin")
    painted = frame.evaluate(
        "performance.timeOrigin + performance.getEntriesByName('painted')[0].startTime")
    return page, frame, (painted - origin) / 1000


def measure_app(p, rounds, play_seconds, sessions):
    results = {}
    with running_app() as (url, proc):
        port = int(url.rsplit(":", 1)[1])
        browser = launch(p)
        # a first page load warms the server (imports, plotly.js from disk)
        warm, _, _ = open_page(browser, url)
        warm.close()
        ws_bytes = [0]
        page, frame, first = open_page(browser, url, ws_bytes)
        results["first_boundary_s"] = [first]
        for _ in range(rounds):
            cpu0, sent0 = cpu_seconds(proc.pid), bytes_sent(port)
            t0 = time.perf_counter()
            fps, steps, delay, bps, moved_on = play_round(page, frame, play_seconds, ws_bytes)
            elapsed = time.perf_counter() - t0
            cpu = (cpu_seconds(proc.pid) - cpu0) / elapsed
            wire = sent_between(sent0, bytes_sent(port)) / elapsed
            for k, v in (("fps", fps), ("steps_per_s", steps), ("pause_s", delay), ("kb_per_s", bps / 1024),
                         ("wire_kb_per_s", wire / 1024), ("server_cpu", cpu), ("moved_on", moved_on)):
                results.setdefault(k, []).append(v)
            page2, _, first = open_page(browser, url)
            results["first_boundary_s"].append(first)
            page2.close()
        # memory: the server's RSS with one session, then with `sessions` more, all playing
        time.sleep(1)
        base = rss_bytes(proc.pid)
        pages = []
        for _ in range(sessions):
            pg, fr, _ = open_page(browser, url)
            pg.get_by_role("button", name="Play", exact=True).click()
            pages.append(pg)
        time.sleep(8)
        for pg in pages:
            pg.get_by_role("button", name="Pause", exact=True).click()
        time.sleep(2)
        results["mb_per_session"] = [(rss_bytes(proc.pid) - base) / sessions / 2**20]
        results["rss_mb"] = [rss_bytes(proc.pid) / 2**20]
        browser.close()
    return results


def measure_baseline(p, play_seconds):
    with running_app("benchmarks/baseline_app.py") as (url, _):
        browser = launch(p)
        page = browser.new_page(viewport=VIEWPORT)
        page.goto(url)
        page.wait_for_selector("[data-testid=stMetricValue]", timeout=30_000)
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--play-seconds", type=float, default=6.0)
    parser.add_argument("--sessions", type=int, default=5, help="extra sessions for the memory figure")
    parser.add_argument("--no-baseline", action="store_true")
    args = parser.parse_args()
    with sync_playwright() as p:
        r = measure_app(p, args.rounds, args.play_seconds, args.sessions)
        base = None if args.no_baseline else measure_baseline(p, args.play_seconds)
    med = {k: statistics.median(v) for k, v in r.items()}
    print(f"Playground at the default settings, {args.rounds} rounds of {args.play_seconds:g} s, medians:")
    rows = [
        ("frames drawn per second", "fps", "{:.1f}", ">="),
        ("gradient steps per second", "steps_per_s", "{:,.0f}", ">="),
        ("Pause effective after (s)", "pause_s", "{:.2f}", "<="),
        ("first boundary after opening (s)", "first_boundary_s", "{:.2f}", "<="),
        ("server memory per session (MB)", "mb_per_session", "{:.1f}", "<="),
    ]
    ok = True
    for label, key, fmt, op in rows:
        value, target = med[key], TARGETS[key]
        met = value >= target if op == ">=" else value <= target
        ok &= met
        print(f"  {label:<34} {fmt.format(value):>8}   target {op} {target:g}: {'met' if met else 'MISSED'}")
    print(f"  {'steps the screen moved after Pause':<34} {med['moved_on']:>8.0f}")
    print(f"  {'data to the browser (kB/s)':<34} {med['kb_per_s']:>8.0f}")
    print(f"  {'sent on the wire, deflated (kB/s)':<34} {med['wire_kb_per_s']:>8.0f}")
    print(f"  {'server CPU while playing (cores)':<34} {med['server_cpu']:>8.2f}")
    print(f"  {'server memory, all sessions (MB)':<34} {med['rss_mb']:>8.0f}")
    if base:
        print("Plain fragment + st.plotly_chart (benchmarks/baseline_app.py), same run:")
        print(f"  frames drawn per second {base['fps']:.1f} (the live view: {med['fps'] / base['fps']:.1f}x), "
              f"steps per second {base['steps_per_s']:,.0f}, Pause after {base['pause_s']:.2f} s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
