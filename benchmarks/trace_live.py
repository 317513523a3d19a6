"""Where a slow client's main thread spends its time while the Playground plays:
a Chromium trace of 4 s of Play at CPU throttle RATE (default 4), WARM seconds
after the click on Play (default 2), summed by task on the renderer's main
thread, in % of a core; and the frames the view drew in those 4 s.

    python benchmarks/trace_live.py [RATE] [WARM]
    python benchmarks/trace_live.py 4 14    # steady play, after the axes' first growths
"""

import collections
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from live_app import PRESS, frame_of, launch, running_app, throttle  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

RATE = float(sys.argv[1]) if len(sys.argv) > 1 else 4
WARM = float(sys.argv[2]) if len(sys.argv) > 2 else 2
TRACE = Path(__file__).resolve().parent / "out" / "trace.json"
TRACE.parent.mkdir(exist_ok=True)

with sync_playwright() as p, running_app() as (url, proc):
    b = launch(p)
    page = b.new_page(viewport={"width": 1600, "height": 1000})
    throttle(page, RATE)
    page.goto(url)
    fr = frame_of(page, 120000)
    fr.wait_for_selector("#boundary-canvas[data-painted]", state="attached", timeout=120000)
    page.evaluate(PRESS, "Play")
    time.sleep(WARM)
    drawn = fr.evaluate("window.__framesDrawn")
    b.start_tracing(page=page, path=str(TRACE),
                    categories=["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute"])
    time.sleep(4)
    b.stop_tracing()
    drawn = fr.evaluate("window.__framesDrawn") - drawn
    b.close()
ev = json.load(open(str(TRACE)))["traceEvents"]
tn = {}
for e in ev:
    if e.get("name") == "thread_name":
        tn[(e["pid"], e["tid"])] = e["args"]["name"]
main = [k for k, v in tn.items() if v == "CrRendererMain"]
dur = collections.Counter()
for e in ev:
    if (e.get("pid"), e.get("tid")) in main and e.get("ph") == "X" and "dur" in e:
        name = e["name"]
        if name == "FunctionCall":
            d = e.get("args", {}).get("data", {})
            name += " " + (d.get("url", "")[-40:] + ":" + str(d.get("functionName", "")))
        if name == "EventDispatch":
            name += " " + e.get("args", {}).get("data", {}).get("type", "")
        dur[name] += e["dur"]
print(f"throttle {RATE:g}: the renderer main thread, 4 s of Play from {WARM:g} s after the click; "
      f"{drawn / 4:.1f} frames drawn a second")
for k, v in dur.most_common(20):
    print(f"{v / 4e6 * 100:6.1f}% of a core  {k}")
