"""Start the app on a free port and drive it in headless chromium: shared by the live
benchmark and the end-to-end tests (what they run in the page, and a slow client by
Chromium's CPU throttling)."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"  # Debian's; Playwright's own is the fallback (find_chromium)
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run",
]
LIVE_FRAME = "iframe[title*='live_view']"

# Records every change of the "Step" number inside the live view, with the time
# (performance.now() of the view's frame) at which it was drawn, in window.__steps
# (starting anew at each call). The view paints a value on a canvas and puts the
# text it painted in the value's data-value, in the same task. It watches the
# whole view, so a Step element that the view replaces is followed too.
WATCH_STEP = """
() => {
  const text = () => {
    const el = document.querySelector('[data-testid=metric-step] .value');
    return el ? el.getAttribute('data-value') : null;
  };
  if (text() === null) return false;
  window.__steps = [[performance.now(), text()]];
  if (!window.__stepObserver) {
    window.__stepObserver = new MutationObserver(() => {
      const now = text(), last = window.__steps[window.__steps.length - 1];
      if (now !== null && now !== last[1]) window.__steps.push([performance.now(), now]);
    });
    window.__stepObserver.observe(document.body,
      {childList: true, subtree: true, attributes: true, attributeFilter: ['data-value']});
  }
  return true;
}
"""


# Press a button the way a person's click arrives: as an event in the page, as soon
# as the page can handle it (Playwright's own click first waits for the page to be
# still, which a playing page is not, and adds its waiting to the measurement).
# Returns the time of the click, in ms since the epoch on the browser's clock.
PRESS = """
(label) => {
  const button = [...document.querySelectorAll('button')].find(b => b.innerText.trim() === label);
  const at = performance.timeOrigin + performance.now();
  button.click();
  return at;
}
"""

# How strongly the live view shows: the product of the computed opacities of its
# iframe and of every ancestor up to <html> (0 when the iframe is not there).
# Run in the main page, with LIVE_FRAME as the argument.
_OPACITY = """
  const opacity = () => {
    let el = document.querySelector(selector);
    if (!el) return 0;
    let product = 1;
    for (; el; el = el.parentElement) product *= parseFloat(getComputedStyle(el).opacity);
    return product;
  };
"""
OPACITY = "(selector) => {" + _OPACITY + "  return opacity();\n}"
# Starts sampling it every 100 ms; OPACITY_SAMPLES stops and returns the samples.
SAMPLE_OPACITY = "(selector) => {" + _OPACITY + """
  clearInterval(window.__opacityTimer);
  window.__opacity = [];
  window.__opacityTimer = setInterval(() => window.__opacity.push(opacity()), 100);
}
"""
OPACITY_SAMPLES = "() => { clearInterval(window.__opacityTimer); return window.__opacity; }"

# Collects the view's draw times (window.__drawMs, the last 200 frames' ms) from now
# on, emptying the view's list every 200 ms so that none is lost; DRAW_TIMES stops
# and returns them. Run in the live view's frame.
COLLECT_DRAW_TIMES = """
() => {
  const take = () => { const a = window.__drawMs; return a ? a.splice(0, a.length) : []; };
  take();
  clearInterval(window.__drawTimer);
  window.__drawAll = [];
  window.__drawTimer = setInterval(() => window.__drawAll.push(...take()), 200);
}
"""
DRAW_TIMES = """
() => {
  clearInterval(window.__drawTimer);
  const a = window.__drawMs;
  window.__drawAll.push(...(a ? a.splice(0, a.length) : []));
  return window.__drawAll;
}
"""

# A fixed amount of JavaScript work; returns how long it took (ms).
BUSY_LOOP = """
(n) => {
  const t0 = performance.now();
  let x = 0;
  for (let i = 0; i < n; i++) x += Math.sqrt(i);
  window.__busy = x;
  return performance.now() - t0;
}
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_app(script: str = "app.py", port: int | None = None, env: dict | None = None):
    """``streamlit run <script>`` on a free port; yields (url, process)."""
    port = port or free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port),
           "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, **(env or {})},
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 30
        while True:
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=1) as r:
                    if r.read() == b"ok":
                        break
            except OSError:
                if proc.poll() is not None or time.time() > deadline:
                    raise RuntimeError("the app did not start:\n" + (proc.stdout.read() or "")) from None
                time.sleep(0.2)
        yield url, proc
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


def find_chromium(playwright) -> str | None:
    """A chromium to drive: Debian's at CHROMIUM, or Playwright's own after
    ``python -m playwright install chromium``; None when there is neither."""
    if os.path.exists(CHROMIUM):
        return CHROMIUM
    try:
        own = playwright.chromium.executable_path
    except Exception:  # Playwright raises when its browser was never installed
        return None
    return own if own and os.path.exists(own) else None


def launch(playwright):
    path = find_chromium(playwright)
    if path is None:
        raise RuntimeError(NO_BROWSER)
    return playwright.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)


NO_BROWSER = (
    "no chromium found: install Debian's (apt-get install chromium, at /usr/bin/chromium) "
    "or Playwright's own (python -m playwright install chromium)"
)


def throttle(page, rate: float):
    """Make ``page`` a slow client: Chromium runs the main thread of its renderer
    (JavaScript, style, layout; the page's and its same-origin iframes', such as the
    live view) ``rate`` times slower. Call it before ``goto``: the setting holds
    across navigations while the page lives."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": rate})
    return cdp


def live_frame(page):
    """The live view's frame object (waits until it exists)."""
    page.wait_for_selector(LIVE_FRAME, timeout=30_000)
    return page.frame_locator(LIVE_FRAME)


def frame_of(page, timeout: float = 30_000):
    handle = page.wait_for_selector(LIVE_FRAME, timeout=timeout)
    return handle.content_frame()


def step_value(frame) -> int:
    text = frame.locator("[data-testid=metric-step] .value").get_attribute("data-value")
    return int(text.replace(",", ""))


def rss_bytes(pid: int) -> int:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError("no VmRSS")
