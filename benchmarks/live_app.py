"""Start the app on a free port and drive it in headless chromium: shared by the live
benchmark and the end-to-end tests (what they run in the page, and a slow client by
Chromium's CPU throttling). Also a real nginx in front of it (behind_nginx), with
deploy/nginx.conf's configuration or a typical Streamlit-only one; and several app
processes behind one nginx with sticky sessions (replicas_behind_nginx), with
deploy/nginx-replicas.conf, which deploy/serve_replicas.py runs too."""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
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


def wait_healthy(url: str, proc: subprocess.Popen, what: str, log=None, timeout: float = 30) -> None:
    """Wait until ``url``/_stcore/health answers "ok"; raise, with ``proc``'s output
    (and ``log()``, if given), if ``proc`` ends first or ``timeout`` s pass."""
    deadline = time.time() + timeout
    while True:
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=1) as r:
                if r.read() == b"ok":
                    return
        except OSError:
            if proc.poll() is not None or time.time() > deadline:
                if proc.poll() is None:
                    proc.kill()
                output = proc.communicate(timeout=5)[0] or ""
                raise RuntimeError(f"{what} did not start:\n" + output + (log() if log else "")) from None
            time.sleep(0.2)


def stop(proc: subprocess.Popen) -> None:
    """End ``proc`` (one we started): politely, then for sure."""
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(10)


def start_app(script: str = "app.py", port: int | None = None, env: dict | None = None,
              base_url_path: str | None = None, address: str | None = None,
              output=subprocess.PIPE) -> tuple[str, subprocess.Popen]:
    """Start ``streamlit run <script>`` on ``port`` (a free one if not given), under
    ``base_url_path`` if given (``--server.baseUrlPath``, such as "course"), listening
    on ``address`` if given (``--server.address``), its output to ``output`` (a pipe,
    read if it fails to start; None: this process's own); returns (url, process)
    without waiting for it: the url the app's root, "http://127.0.0.1:<port>", or
    ".../course" under a base path."""
    port = port or free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port),
           "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    base = (base_url_path or "").strip("/")
    if base:
        cmd += ["--server.baseUrlPath", base]
    if address:
        cmd += ["--server.address", address]
    proc = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, **(env or {})},
                            stdout=output, stderr=subprocess.STDOUT, text=True)
    return f"http://127.0.0.1:{port}" + (f"/{base}" if base else ""), proc


@contextlib.contextmanager
def running_app(script: str = "app.py", port: int | None = None, env: dict | None = None,
                base_url_path: str | None = None, address: str | None = None):
    """The app (start_app), once it answers; yields (url, process); stopped on the
    way out."""
    url, proc = start_app(script, port, env, base_url_path, address)
    try:
        wait_healthy(url, proc, "the app")
        yield url, proc
    finally:
        stop(proc)


# --- a real nginx in front of the app ----------------------------------------
NGINX = "/usr/sbin/nginx"  # Debian's (apt-get install nginx)
DEPLOY_CONF = ROOT / "deploy" / "nginx.conf"
REPLICAS_CONF = ROOT / "deploy" / "nginx-replicas.conf"  # several processes, sticky sessions
# "everything": deploy/nginx.conf as it is, every path forwarded, websockets on any
# path upgraded. "streamlit-only": a typical configuration for any Streamlit app,
# made from the same file: every path forwarded as plain HTTP, and only Streamlit's
# own websocket (/_stcore/stream) upgraded; the live view's socket (.../shallownet/live)
# reaches the app as a plain GET, which it refuses.
PROXY_MODES = ("everything", "streamlit-only")
_DEPLOY_BASE = "/course"  # the base path deploy/nginx.conf is written for


# The harness's own addition to deploy/nginx-replicas.conf (not the public file's):
# every answer says which replica gave it (its address), so that tests can tell.
REPLICA_HEADER = "X-Shallownet-Replica"
STICKY_COOKIE = "shallownet_replica"  # deploy/nginx-replicas.conf's cookie
# how the sites' access log writes a request (nginx_conf): the replica that served
# it, and what chose the replica there: the browser's cookie, or without one the
# request's id (deploy/nginx-replicas.conf then sets the id as the cookie). A
# websocket's line is written when it closes.
ACCESS_LOG_FORMAT = ('$status "$request" upstream=$upstream_addr '
                     f'cookie=$cookie_{STICKY_COOKIE} id=$request_id')


def _location(conf: str, path: str) -> re.Match:
    """The site's ``location <path> { ... }`` block, with the comment lines just
    above it."""
    m = re.search(rf"(?m)(?:^    #.*\n)*^    location {re.escape(path)} \{{\n(?:.*\n)*?^    \}}\n", conf)
    if m is None:
        raise ValueError(f"the site has no `location {path} {{ ... }}`")
    return m


def _fill(conf: str, directive: str, value: str) -> str:
    """``directive`` (a line of its own, as written in the deploy/ file) as ``value``."""
    conf, n = re.subn(rf"(?m)^(\s*){re.escape(directive)}$", lambda m: m.group(1) + value, conf)
    if n != 1:
        raise ValueError(f"the site: `{directive}` is there {n} times, not once")
    return conf


def _servers(conf: str, ports: Sequence[int]) -> str:
    """The upstream's ``server 127.0.0.1:<port>;`` lines (one or more, one after the
    other, as written in the deploy/ file) as one for each of ``ports``."""
    found = list(re.finditer(r"(?m)(?:^    server 127\.0\.0\.1:\d+;\n)+", conf))
    if len(found) != 1:
        raise ValueError(f"the site has {len(found)} runs of `server 127.0.0.1:<port>;` lines, not one")
    m = found[0]
    return conf[:m.start()] + "".join(f"    server 127.0.0.1:{p};\n" for p in ports) + conf[m.end():]


def nginx_site(app_port: int | Sequence[int], listen_port: int, base_path: str = "", mode: str = "everything",
               listen_address: str = "127.0.0.1", diagnose: bool = False) -> str:
    """deploy/nginx.conf for a test: listening on ``listen_address``:``listen_port``,
    in front of the app on ``app_port``, at ``base_path`` ("course", or "" for the
    root), as it is ("everything") or made "streamlit-only" (PROXY_MODES). With a
    list of ports, deploy/nginx-replicas.conf instead, in front of the replicas on
    them; with ``diagnose``, every answer then also names its replica in the header
    REPLICA_HEADER."""
    if mode not in PROXY_MODES:
        raise ValueError(f"mode {mode!r} is not one of {PROXY_MODES}")
    replicas = not isinstance(app_port, int)
    conf = (REPLICAS_CONF if replicas else DEPLOY_CONF).read_text()
    conf = _fill(conf, "listen 80;", f"listen {listen_address}:{listen_port};")
    name = "server_name 127.0.0.1;"  # the only site of its nginx: it answers any name
    if replicas and diagnose:
        name += f"\n    add_header {REPLICA_HEADER} $upstream_addr always;"
    conf = _fill(conf, "server_name shallownet.example.org;", name)
    conf = _servers(conf, list(app_port) if replicas else [app_port])
    if mode == "streamlit-only":
        m = _location(conf, _DEPLOY_BASE + "/shallownet/live")
        conf = conf[:m.start()] + conf[m.end():]
        m = _location(conf, _DEPLOY_BASE + "/")
        block = re.sub(r"(?m)^\s*(# a websocket on any other path.*|proxy_set_header (Upgrade|Connection) .*)\n",
                       "", m.group(0))
        conf = conf[:m.start()] + block + conf[m.end():]
    base = base_path.strip("/")
    if base:
        conf = conf.replace(_DEPLOY_BASE, "/" + base)
    else:
        m = _location(conf, "= " + _DEPLOY_BASE)
        conf = conf[:m.start()] + conf[m.end():]
        conf = conf.replace(_DEPLOY_BASE + "/", "/")
    return conf


def nginx_conf(site: str, prefix: str, connections: int = 256) -> str:
    """A whole nginx.conf around ``site`` (nginx_site) that keeps every file nginx
    writes (logs, pid, temporary files) in the directory ``prefix``; one process,
    taking up to ``connections`` connections at once (a visitor's two websockets
    take four: theirs and the app's)."""
    return f"""# made by benchmarks/live_app.py (nginx_conf) for a test; a deploy/ file's site
master_process off;
worker_processes 1;
error_log {prefix}/error.log info;
pid {prefix}/nginx.pid;
events {{
    worker_connections {connections};
}}
http {{
    log_format shallownet '{ACCESS_LOG_FORMAT}';
    access_log {prefix}/access.log shallownet;
    client_body_temp_path {prefix}/client_body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;

{site}
}}
"""


@contextlib.contextmanager
def running_nginx(site: str, url: str, what: str, connections: int = 256):
    """A real nginx (Debian's, NGINX) serving ``site`` (nginx_site), once ``url``
    answers through it; yields (process, the directory it writes in: its access.log
    and error.log). It runs in the foreground, writes only in a temporary directory,
    and is stopped on the way out."""
    if not os.path.exists(NGINX):
        raise RuntimeError(NO_NGINX)
    with tempfile.TemporaryDirectory(prefix="shallownet-nginx-") as prefix:
        conf = Path(prefix) / "nginx.conf"
        conf.write_text(nginx_conf(site, prefix, connections))
        error_log = Path(prefix) / "error.log"
        proc = subprocess.Popen([NGINX, "-e", str(error_log), "-c", str(conf), "-p", prefix, "-g", "daemon off;"],
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            wait_healthy(url, proc, what, timeout=15,
                         log=lambda: error_log.read_text() if error_log.exists() else "")
            yield proc, Path(prefix)
        finally:
            stop(proc)


@contextlib.contextmanager
def behind_nginx(app_url: str, mode: str = "everything", port: int | None = None):
    """A real nginx on a free port of 127.0.0.1 in front of the app at ``app_url``
    (running_app's url), at the same path, configured by nginx_site in ``mode``
    (PROXY_MODES); yields its url for the app ("http://127.0.0.1:<port>", then the
    app's base path if it has one). See running_nginx."""
    app = urllib.parse.urlsplit(app_url)
    base = app.path.strip("/")
    port = port or free_port()
    url = f"http://127.0.0.1:{port}" + (f"/{base}" if base else "")
    with running_nginx(nginx_site(app.port, port, base, mode), url, f"nginx ({mode})"):
        yield url


@dataclass
class Replicas:
    """Several app processes behind one nginx with sticky sessions
    (replicas_behind_nginx)."""

    url: str  # the app through nginx: "http://127.0.0.1:<port>", then the base path if any
    apps: list[tuple[str, subprocess.Popen]]  # each replica's own url (straight to it) and process
    nginx: subprocess.Popen
    logs: Path  # the directory of nginx's access.log (ACCESS_LOG_FORMAT) and error.log

    @property
    def pids(self) -> list[int]:
        """The server side's processes: every replica's, then nginx's."""
        return [proc.pid for _, proc in self.apps] + [self.nginx.pid]

    def replica_of(self, cookie: str) -> int:
        """Which replica (an index into ``apps``) a browser with the sticky cookie
        ``cookie`` reaches: asked of nginx (needs ``diagnose``)."""
        request = urllib.request.Request(self.url + "/_stcore/health",
                                         headers={"Cookie": f"{STICKY_COOKIE}={cookie}"})
        with urllib.request.urlopen(request, timeout=10) as r:
            served = r.headers.get(REPLICA_HEADER)
        ports = [urllib.parse.urlsplit(url).port for url, _ in self.apps]
        port = int(served.rsplit(":", 1)[1]) if served else None
        if port not in ports:
            raise RuntimeError(f"nginx named no replica ({REPLICA_HEADER}: {served!r}); run it with diagnose")
        return ports.index(port)

    def cookie_for(self, replica: int, tries: int = 200) -> str:
        """A sticky cookie's value that nginx sends to the replica ``replica``: random
        ones (as nginx makes them), until one does."""
        for _ in range(tries):
            cookie = secrets.token_hex(16)
            if self.replica_of(cookie) == replica:
                return cookie
        raise RuntimeError(f"no cookie in {tries} reached replica {replica}")


@contextlib.contextmanager
def replicas_behind_nginx(n: int, base_url_path: str | None = None, port: int | None = None,
                          env: dict | None = None, listen_address: str = "127.0.0.1",
                          diagnose: bool = True, output=subprocess.PIPE, connections: int = 256):
    """``n`` app processes (start_app; each on a free port of 127.0.0.1, under the
    same ``base_url_path``, with ``env``, their output to ``output``) and a real
    nginx in front of them configured with deploy/nginx-replicas.conf (nginx_site;
    ``diagnose``: every answer names its replica), listening on
    ``listen_address``:``port`` (a free port if not given); yields Replicas once
    all answer. Everything is stopped on the way out (see running_nginx)."""
    base = (base_url_path or "").strip("/")
    port = port or free_port()
    apps: list[tuple[str, subprocess.Popen]] = []
    try:
        taken = {port}
        for _ in range(n):  # all start at once; each a port of its own
            app_port = free_port()
            while app_port in taken:
                app_port = free_port()
            taken.add(app_port)
            apps.append(start_app(port=app_port, env=env, base_url_path=base, address="127.0.0.1", output=output))
        for i, (url, proc) in enumerate(apps):
            wait_healthy(url, proc, f"replica {i + 1} of the app", timeout=60)
        ports = [urllib.parse.urlsplit(url).port for url, _ in apps]
        host = "127.0.0.1" if listen_address == "0.0.0.0" else listen_address
        url = f"http://{host}:{port}" + (f"/{base}" if base else "")
        site = nginx_site(ports, port, base, listen_address=listen_address, diagnose=diagnose)
        with running_nginx(site, url, "nginx (replicas)", connections) as (proc, logs):
            yield Replicas(url, apps, proc, logs)
    finally:
        for _, proc in apps:
            stop(proc)


NO_NGINX = f"no nginx at {NGINX}: install Debian's (apt-get install nginx)"


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
