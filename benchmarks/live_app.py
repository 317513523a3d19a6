"""Start the app on a free port and drive it in headless chromium: shared by the live
benchmark and the end-to-end tests."""

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
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run",
]
LIVE_FRAME = "iframe[title*='live_view']"

# Records every change of the "Step" number inside the live view, with the time
# (performance.now() of the view's frame) at which it was drawn.
WATCH_STEP = """
() => {
  const el = document.querySelector('[data-testid=metric-step] .value');
  if (!el) return false;
  window.__steps = [[performance.now(), el.textContent]];
  if (window.__watching !== el) {
    window.__watching = el;
    new MutationObserver(() => {
      const last = window.__steps[window.__steps.length - 1];
      if (el.textContent !== last[1]) window.__steps.push([performance.now(), el.textContent]);
    }).observe(el, {childList: true, characterData: true, subtree: true});
  }
  return true;
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


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)


def live_frame(page):
    """The live view's frame object (waits until it exists)."""
    page.wait_for_selector(LIVE_FRAME, timeout=30_000)
    return page.frame_locator(LIVE_FRAME)


def frame_of(page):
    handle = page.wait_for_selector(LIVE_FRAME, timeout=30_000)
    return handle.content_frame()


def step_value(frame) -> int:
    text = frame.locator("[data-testid=metric-step] .value").inner_text()
    return int(text.replace(",", ""))


def rss_bytes(pid: int) -> int:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError("no VmRSS")
