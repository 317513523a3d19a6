"""Many visitors on one small server: N browser sessions playing the Playground at
once against one local server, at the default settings.

It starts the app (one server) and one headless chromium, and loads the app once
in a page that it then closes (the warm-up: imports, plotly.js from disk). The
server's memory at that point, with no session open, is the baseline; its CPU is
measured there too, idle with no session. Then it opens N pages, each in a browser
context of its own (a Streamlit session of its own), 1280 x 800, each slowed down
by ``--throttle RATE`` (Chromium's CPU throttling; 1: the machine's own speed), one
after the other, each until its first boundary is painted.

All sessions press Play at the same instant (a timer in each page, set to the same
time on the browser's clock) and Pause at the same instant ``--play-seconds``
later. From ``--warmup`` seconds after Play to the click on Pause, for each session:

- frames received per second: the frames of the batches the live view was handed
  while playing (``window.__framesReceived`` in the view's player.js);
- frames drawn per second: the frames the view showed (``window.__framesDrawn``);
  a frame the server had no time to train any step for is drawn too, showing the
  same Step: "Step changes" counts the frames that showed a new step (recorded by a
  MutationObserver on the Step number, as in bench_live.py);
- gradient steps per second (from the Step number on the screen);
- Pause: from the click to the last change of the Step number, and how far the
  Step number moved from the one on the screen at the click;

and the server's CPU over the same time (from /proc; in cores, and per session),
the browser's (chromium and Playwright's driver: every process under this one
except the server, by kind of process), which shares the machine's cores with the
server, and every other process's (other work on the machine). ``--browser-nice
N`` runs the browser at niceness N, so that the server comes first on the cores.
While playing, the batches come over the live view's stream (ui/live/stream.py), not
as script runs; ``--runs`` counts, from each session's Streamlit websocket
messages, the rerun requests and the script runs that finished or were cut short
by a newer request (while playing there are next to none now).

Under load Streamlit may replace the live view's iframe; each page follows its
view (see LOAD), and the table shows how often it was replaced and the longest
time the page had no view.

The sessions are then left open and idle for ``--idle-seconds``: the server's CPU
in that time, minus its CPU with no session open, shared out per session, is what
an idle session costs. Then every context is closed and the server's memory is
polled for ``--settle-seconds``.

Memory per session: (the server's highest RSS from all sessions loaded until they
are closed - the baseline) / N. Memory returns if the RSS after the sessions close
is within 10% of the baseline. Streamlit keeps a closed session for a reconnect
(``server.disconnectedSessionTTL``, 120 s by default) and drops it only when a
later session disconnects after that. So the server runs here with that time set
to ``--session-ttl`` seconds (5 by default), and after the N sessions close and
that time has passed, one more session opens and closes, which has Streamlit drop
them; then the RSS is polled for ``--settle-seconds``.

Targets on this machine's 2 cores (exit code 0 only if all are met): every session
draws >= 10 frames per second and stops <= 0.5 s after Pause (1 s with more than
24 sessions a process); a session without a browser waits <= 1.5 s for each
batch; memory < 30 MB per session and back within 10% of the baseline after they
close; a session left open and idle costs < 1% of a core.

    python benchmarks/bench_load.py                                # 8 sessions, 10 s of Play
    python benchmarks/bench_load.py --sessions 2 --play-seconds 4  # a quick run
    python benchmarks/bench_load.py --runs --browser-nice 10       # the server first; its runs counted
    python benchmarks/bench_load.py --sessions 1 --wire-sessions 7 # 8 visitors, 7 browsers elsewhere
    python benchmarks/bench_load.py --sessions 0 --wire-sessions 24             # a lecture hall
    python benchmarks/bench_load.py --sessions 0 --wire-sessions 48 --replicas 2  # two halls, two processes

``--replicas N`` (N > 1): the app is N processes behind a real nginx with sticky
sessions (deploy/nginx-replicas.conf, started by live_app.replicas_behind_nginx),
as deploy/serve_replicas.py runs it, instead of one server. The pages are spread
over the replicas in turn (each starts with a sticky cookie chosen to reach its
replica, where nginx would set a random one), and so are the warm-up and the last
extra session (one on each replica: each drops its own closed sessions). "The
server" is then the server side: every figure of CPU and memory is the sum over
the replicas and nginx (the CPU table also shows each).

    python benchmarks/bench_load.py --replicas 2 --sessions 4 --play-seconds 5

Eight headless pages that draw take most of this machine's two cores, which a
real deployment's server does not share with its visitors' browsers.
``--wire-sessions K`` adds K sessions that send the server what a page sends
(the first run, Play, Pause) over Streamlit's websocket, and follow the stream
and draw nothing (wire_client.py): the load of K visitors whose browsers run
elsewhere. For them the table gives the frames and steps the server sent, and
Pause as the time until the server's answer (the first batch at rest). With
replicas, they go through nginx too, each with the sticky cookie of a replica,
in turn after the pages.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_live import analyse, cpu_model, cpu_seconds, open_page, step_number  # noqa: E402
from live_app import (  # noqa: E402
    LIVE_FRAME,
    STICKY_COOKIE,
    WATCH_STEP,
    launch,
    replicas_behind_nginx,
    rss_bytes,
    running_app,
)
from playwright.sync_api import sync_playwright  # noqa: E402
from wire_client import Wire  # noqa: E402

VIEWPORT = {"width": 1280, "height": 800}
MB = 2**20
PAUSE_WAIT_S = 3.0  # after Pause, before the Step logs are read: late changes are seen
TARGETS = {
    "fps": 10,  # frames drawn per second, every session
    "pause_s": 0.5,  # every session (1 s with more than PAUSE_CROWD sessions a process)
    "gap_s": 1.5,  # the longest wait for a batch, every session without a browser
    "mb_per_session": 30,
    "returned": 0.10,  # RSS after closing within this fraction of the baseline
    "idle_pct": 1.0,  # % of a core per idle session
}

PAUSE_CROWD = 24

# Run in each page: follows the live view and, at the epoch times given (ms, the
# browser's clock), presses Play, notes the view's frame counters at the start of the
# measured window, and at Pause notes them again and presses Pause; all in
# window.__load. A press is a click event in the page, as PRESS in live_app.py; its
# time is noted just before the click.
#
# Under load Streamlit may replace the view's iframe (a new view starts from
# nothing), so the page follows it every 50 ms rather than holding one frame: it
# runs WATCH_STEP in each new view, moves the view's Step log into its own (as
# epoch times; a number that differs from the last one logged), adds
# up the view's counters (window.__framesReceived, __framesDrawn in the view's player.js) across
# views, and notes when a view appears and how long the page had none.
LOAD = """
([selector, watchStep, playAt, startAt, pauseAt]) => {
  const now = () => performance.timeOrigin + performance.now();
  const r = window.__load = {visible: document.visibilityState, play_at: playAt, pause_at: pauseAt,
                             steps: [], views: [], gaps: [], received: 0, drawn: 0};
  let win = null, watching = false, taken = 0, last = null, gapFrom = null, id = 0;
  const sync = () => {
    const el = document.querySelector(selector), w = el && el.contentWindow;
    const ready = w && w.__framesDrawn !== undefined;
    if (!ready) {
      if (gapFrom === null) gapFrom = now();
      return;
    }
    if (w !== win || w.__loadViewId === undefined) {  // a new view (or the first)
      win = w; watching = false; taken = 0; last = {received: 0, drawn: 0};
      w.__loadViewId = ++id;
      r.views.push(now());
    }
    if (gapFrom !== null) { r.gaps.push([gapFrom, now()]); gapFrom = null; }
    if (!watching) watching = w.eval('(' + watchStep + ')()');
    if (watching) {
      const log = w.__steps, origin = w.performance.timeOrigin;
      for (; taken < log.length; taken++) {
        const [t, text] = log[taken];
        if (!/^[0-9,]+$/.test(text)) continue;  // a view's Step box before its first number
        if (!r.steps.length || r.steps[r.steps.length - 1][1] !== text) r.steps.push([origin + t, text]);
      }
    }
    r.received += w.__framesReceived - last.received;
    r.drawn += w.__framesDrawn - last.drawn;
    last = {received: w.__framesReceived, drawn: w.__framesDrawn};
  };
  r.stop = () => { clearInterval(r.timer); sync(); if (gapFrom !== null) r.gaps.push([gapFrom, now()]); };
  const counts = () => { sync(); return {at: now(), received: r.received, drawn: r.drawn}; };
  const press = (label) => {
    const button = [...document.querySelectorAll('button')].find(b => b.innerText.trim() === label);
    if (!button) return null;
    const at = now();
    button.click();
    return at;
  };
  const when = (t, f) => setTimeout(f, Math.max(0, t - now()));
  sync();
  r.timer = setInterval(sync, 50);
  when(playAt, () => { r.play = press('Play'); });
  when(startAt, () => { r.start = counts(); });
  when(pauseAt, () => { r.end = counts(); r.pause = press('Pause'); });
}
"""
# Stops following the view; returns window.__load.
LOAD_RESULTS = "() => { const r = window.__load; r.stop(); const {stop, timer, ...out} = r; return out; }"


class ScriptRuns:
    """A session's script runs, counted from its websocket messages (Streamlit's
    protobuf; with --runs): rerun requests the page sent and the runs the server
    finished or cut short for a newer request (a cut-short fragment run sends no
    batch)."""

    def __init__(self):
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        self.back, self.forward = BackMsg, ForwardMsg
        self.counts: collections.Counter = collections.Counter()

    def attach(self, ws) -> None:
        ws.on("framesent", self._sent)
        ws.on("framereceived", self._received)

    def _sent(self, payload) -> None:
        if isinstance(payload, bytes) and self.back.FromString(payload).WhichOneof("type") == "rerun_script":
            self.counts["requested"] += 1

    def _received(self, payload) -> None:
        if not isinstance(payload, bytes):
            return
        msg = self.forward.FromString(payload)
        if msg.WhichOneof("type") == "script_finished":
            status = self.forward.ScriptFinishedStatus.Name(msg.script_finished)
            self.counts["cut short" if status == "FINISHED_EARLY_FOR_RERUN" else "finished"] += 1


def loadavg() -> str:
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def _kind(pid: int) -> str:
    """What a process of the browser side is: chromium's --type (renderer,
    gpu-process, utility, zygote; "browser" for its main process) or the program's
    name (node: Playwright's driver)."""
    with open(f"/proc/{pid}/cmdline", "rb") as f:
        argv = f.read().decode(errors="replace").split("\0")
    if len([a for a in argv if a]) == 1:  # chromium's children rewrite theirs as one string
        argv = argv[0].split(" ")
    if "chrom" in Path(argv[0]).name:
        kinds = [a.split("=", 1)[1] for a in argv if a.startswith("--type=")]
        return "chromium " + (kinds[0] if kinds else "browser")
    return "Playwright driver" if Path(argv[0]).name == "node" else Path(argv[0]).name


def client_cpu(root: int, exclude: list[int]) -> dict[int, tuple[str, float]]:
    """CPU seconds of every process under ``root`` (not root itself: the browser,
    its driver), leaving out ``exclude`` (the server side) and everything under
    them: {pid: (kind, seconds)}."""
    children: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(name))
    out, todo = {}, list(children.get(root, []))
    while todo:
        pid = todo.pop()
        if pid in exclude:
            continue
        try:
            out[pid] = (_kind(pid), cpu_seconds(pid))
        except (OSError, IndexError, ValueError):
            continue  # it ended meanwhile
        todo.extend(children.get(pid, []))
    return out


def renice_client(server: list[int], nice: int) -> None:
    """Give every thread of the browser side (as client_cpu) the niceness ``nice``;
    processes the browser starts later inherit it from their zygote."""
    if not nice:
        return
    for pid in client_cpu(os.getpid(), server):
        try:
            for tid in os.listdir(f"/proc/{pid}/task"):
                os.setpriority(os.PRIO_PROCESS, int(tid), nice)
        except OSError:
            continue  # it ended meanwhile


def machine_busy_seconds() -> float:
    """CPU seconds the whole machine has been busy (all cores, /proc/stat)."""
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:9]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def usage(server: list[int]) -> dict:
    """A snapshot of CPU time: the server side's (each of its processes), the
    browser side's, the machine's."""
    return {"wall": time.perf_counter(), "server": {pid: cpu_seconds(pid) for pid in server},
            "client": client_cpu(os.getpid(), server), "machine": machine_busy_seconds()}


def cores_between(a: dict, b: dict) -> dict:
    """CPU between two snapshots, in cores: the server side (in all, and by process:
    "parts"), the browser side (in all and by kind of process), and every other
    process on the machine."""
    wall = b["wall"] - a["wall"]
    kinds: dict[str, float] = {}
    for pid, (kind, cpu) in b["client"].items():
        before = a["client"].get(pid)
        kinds[kind] = kinds.get(kind, 0.0) + (cpu - (before[1] if before else 0.0)) / wall
    parts = {pid: (cpu - a["server"][pid]) / wall for pid, cpu in b["server"].items()}
    server, client = sum(parts.values()), sum(kinds.values())
    return {"server": server, "parts": parts, "client": client, "kinds": kinds,
            "other": max(0.0, (b["machine"] - a["machine"]) / wall - server - client)}


def idle_window(server: list[int], seconds: float) -> dict:
    a = usage(server)
    time.sleep(seconds)
    return cores_between(a, usage(server))


def rss_total(server: list[int]) -> int:
    """The server side's memory: the sum of its processes' RSS."""
    return sum(rss_bytes(pid) for pid in server)


@contextlib.contextmanager
def serving(replicas: int, env: dict):
    """The app: one server (running_app), or ``replicas`` processes behind nginx
    (replicas_behind_nginx); yields (url, the server side's pids, live_app.Replicas
    or None for one server)."""
    if replicas == 1:
        with running_app(env=env) as (url, proc):
            yield url, [proc.pid], None
    else:
        with replicas_behind_nginx(replicas, env=env) as served:
            yield served.url, served.pids, served


class Pinned:
    """A browser whose new pages start with the sticky cookie ``cookie``, which takes
    them (through nginx at ``url``) to one replica: given to open_page for the
    browser, it opens each page in a context of its own, as ``browser.new_page``."""

    def __init__(self, browser, url: str, cookie: str):
        self.browser, self.url, self.cookie = browser, url, cookie

    def new_page(self, **options):
        context = self.browser.new_context(**options)
        context.add_cookies([{"name": STICKY_COOKIE, "value": self.cookie, "url": self.url + "/"}])
        return context.new_page()


def sleep_until(epoch_ms: float) -> None:
    time.sleep(max(0.0, epoch_ms / 1000 - time.time()))


def session_result(page, warmup: float) -> dict:
    """One session's measurements, from its page's window.__load (times: epoch ms)."""
    r = page.evaluate(LOAD_RESULTS)
    out = {"visible": r["visible"], "ok": bool(r.get("play") and r.get("pause") and r.get("end"))}
    if not out["ok"]:
        return out
    start, end, log = r["start"], r["end"], r["steps"]
    seconds = (end["at"] - start["at"]) / 1000
    out["received"] = (end["received"] - start["received"]) / seconds
    out["drawn"] = (end["drawn"] - start["drawn"]) / seconds
    t_play, t_pause = r["play"], r["pause"]
    out["changes"], out["steps"], out["pause_s"] = analyse(log, t_play, t_pause, warmup)
    at_pause = [step_number(v) for t, v in log if t <= t_pause]
    out["moved_on"] = max((abs(step_number(v) - at_pause[-1]) for t, v in log if t > t_pause),
                          default=0) if at_pause else 0
    # the view replaced after Play (a new iframe, drawn from nothing), and the
    # longest time without a view, from Play until the results are read (Pause + 3 s)
    out["views"] = sum(1 for t in r["views"] if t > t_play)
    out["blank_s"] = max((b - max(a, t_play) for a, b in r["gaps"] if b > t_play), default=0) / 1000
    out["replaced_at"] = [(t - t_play) / 1000 for t in r["views"] if t > t_play]
    # how late each page's timers pressed Play and Pause (a busy main thread)
    out["late_play_ms"], out["late_pause_ms"] = r["play"] - r["play_at"], r["pause"] - r["pause_at"]
    return out


def table_row(cells, widths) -> str:
    return "| " + " | ".join(f"{c:>{w}}" for c, w in zip(cells, widths)) + " |"


def verdict(label, value, target, met) -> bool:
    print(f"| {label} | {value} | {target} | {'met' if met else 'MISSED'} |")
    return met


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=8)
    parser.add_argument("--replicas", type=int, default=1, metavar="N",
                        help="N > 1: the app as N processes behind nginx with sticky sessions "
                             "(deploy/nginx-replicas.conf); the server's figures are then their sum, nginx's included")
    parser.add_argument("--play-seconds", type=float, default=10.0)
    parser.add_argument("--throttle", type=float, default=1.0, metavar="RATE",
                        help="slow every page's CPU down RATE times (Chromium's CPU throttling; 1: not at all)")
    parser.add_argument("--warmup", type=float, default=2.0,
                        help="seconds after Play left out of the rates (the first batches)")
    parser.add_argument("--browser-nice", type=int, default=0, metavar="NICE",
                        help="run the browser at this niceness (e.g. 10: the server comes first on the cores, "
                             "as if the visitors' browsers ran elsewhere; 0: all compete alike)")
    parser.add_argument("--runs", action="store_true",
                        help="also count each session's script runs from its websocket messages (finished, cut "
                             "short by a newer rerun); every message then also goes to this process")
    parser.add_argument("--wire-sessions", type=int, default=0, metavar="K",
                        help="K more sessions driven over the websocket without a browser (wire_client.py): "
                             "visitors whose browsers run elsewhere")
    parser.add_argument("--idle-seconds", type=float, default=10.0)
    parser.add_argument("--session-ttl", type=float, default=5.0,
                        help="how long the server keeps a closed session for a reconnect "
                             "(server.disconnectedSessionTTL; Streamlit's default is 120)")
    parser.add_argument("--settle-seconds", type=float, default=20.0,
                        help="how long to poll the server's memory after the sessions close")
    args = parser.parse_args()
    n, k, rate, replicas = args.sessions, args.wire_sessions, args.throttle, args.replicas
    total = n + k
    if n < 0 or k < 0 or total < 1 or rate < 1 or args.play_seconds <= args.warmup + 1 or replicas < 1:
        parser.error("--sessions + --wire-sessions >= 1, --throttle >= 1, --play-seconds > --warmup + 1, "
                     "--replicas >= 1")

    model, _ = cpu_model()
    print(f"CPU: {model}, {os.cpu_count()} cores")
    print(f"Load average at the start: {loadavg()}", flush=True)
    ttl = {"STREAMLIT_SERVER_DISCONNECTED_SESSION_TTL": f"{args.session_ttl:g}"}
    with sync_playwright() as p, serving(replicas, ttl) as (url, pids, served):
        browser = launch(p)
        renice_client(pids, args.browser_nice)
        print(f"Chromium {browser.version} (headless), {n} session(s) (one browser context each), "
              f"{VIEWPORT['width']}x{VIEWPORT['height']}, client CPU throttling {rate:g}x, "
              f"browser niceness {args.browser_nice} (the server's: 0); "
              f"{k} session(s) without a browser (wire_client.py)", flush=True)
        if served:
            print(f"Server side: {replicas} replicas ({', '.join(u for u, _ in served.apps)}) behind nginx at {url}",
                  flush=True)
        # a sticky cookie for each replica
        cookies = [served.cookie_for(i) for i in range(replicas)] if served else []

        def on(i):
            """The browser to open a page with, on replica i (in turn) if there are replicas."""
            return Pinned(browser, url, cookies[i % replicas]) if served else browser

        # warm-up: one session (on each replica) loads and closes; then the baseline,
        # with no session open
        for i in range(replicas):
            warm, _, _ = open_page(on(i), url, None, viewport=VIEWPORT)
            warm.context.close()
        time.sleep(2)
        idle0 = idle_window(pids, args.idle_seconds)
        rss_base = rss_total(pids)

        t0 = time.perf_counter()
        sessions, firsts = [], []
        runs = [ScriptRuns() for _ in range(n)] if args.runs else None
        for i in range(n):
            page, _, first = open_page(on(i), url, rate, viewport=VIEWPORT,
                                       on_websocket=runs[i].attach if runs else None)
            sessions.append(page)
            firsts.append(first)
        wire = Wire(url, k)
        if served:  # each kept on a replica by its cookie, in turn after the pages
            for i, s in enumerate(wire.sessions):
                s.cookie = f"{STICKY_COOKIE}={cookies[(n + i) % replicas]}"
        wire.each("open", timeout=60 + 10 * k)
        loading_s = time.perf_counter() - t0
        time.sleep(1)
        rss_loaded = rss_total(pids)
        rss_seen = [rss_loaded]

        # Play in all at once, Pause in all at once
        renice_client(pids, args.browser_nice)
        play_at = time.time() * 1000 + 1000 + 100 * n
        start_at = play_at + 1000 * args.warmup
        pause_at = play_at + 1000 * args.play_seconds
        for page in sessions:
            page.evaluate(LOAD, [LIVE_FRAME, WATCH_STEP, play_at, start_at, pause_at])
        wire_played = wire.start("play", play_at / 1000, pause_at / 1000)
        sleep_until(start_at)
        if runs:  # Playwright hands this process the messages' events while it waits for an answer
            sessions[0].evaluate("0")
            runs0 = [dict(r.counts) for r in runs]
        u0 = usage(pids)
        while time.time() * 1000 < pause_at - 500:
            time.sleep(0.5)
            rss_seen.append(rss_total(pids))
        sleep_until(pause_at)
        play = cores_between(u0, usage(pids))
        if runs:
            sessions[0].evaluate("0")
            runs1 = [dict(r.counts) for r in runs]
        time.sleep(PAUSE_WAIT_S)
        results = [session_result(page, args.warmup) for page in sessions]
        wire_played.result(10)
        wire_results = [s.rates(start_at / 1000, pause_at / 1000) for s in wire.sessions]
        rss_seen.append(rss_total(pids))

        # left open and idle
        idle_n = idle_window(pids, args.idle_seconds)
        rss_seen.append(rss_total(pids))
        rss_peak = max(rss_seen)

        # closed: how much memory comes back
        for page in sessions:
            page.context.close()
        wire.each("close", timeout=30)
        wire.stop()
        # past the reconnect time, one more session comes and goes (on each replica):
        # Streamlit then drops the closed ones (and the warm-up's)
        time.sleep(args.session_ttl + 2)
        for i in range(replicas):
            extra, _, _ = open_page(on(i), url, None, viewport=VIEWPORT)
            extra.context.close()
        settle = []
        t_close = time.perf_counter()
        while time.perf_counter() - t_close < args.settle_seconds:
            time.sleep(1)
            settle.append(rss_total(pids))
        browser.close()

    # --- report -----------------------------------------------------------------
    print(f"Load average at the end: {loadavg()}")
    firsts_text = f" (first boundary {min(firsts):.2f}-{max(firsts):.2f} s each)" if firsts else ""
    print(f"\nOpened {n} page(s) one after another{firsts_text} and {k} session(s) without a browser in "
          f"{loading_s:.1f} s; {args.play_seconds:g} s of Play in all at once, "
          f"rates from {args.warmup:g} s after Play to Pause.")
    if served:
        on_each = [sum(1 for i in range(n) if i % replicas == j) for j in range(replicas)]
        wire_each = [sum(1 for i in range(k) if (n + i) % replicas == j) for j in range(replicas)]
        print(f"On the {replicas} replicas: pages " + ", ".join(map(str, on_each))
              + (", sessions without a browser " + ", ".join(map(str, wire_each)) if k else "")
              + " (page i on replica i mod N).")
    hidden = [i + 1 for i, r in enumerate(results) if r["visible"] != "visible"]
    if hidden:
        print(f"Warning: pages {hidden} were not visible (their timers and drawing may be slowed down)")
    failed = [i + 1 for i, r in enumerate(results) if not r["ok"]]
    if failed:
        print(f"Sessions {failed}: Play or Pause could not be pressed")
    good = [r for r in results if r["ok"]]

    heads = ["page", "frames received/s", "frames drawn/s", "Step changes/s", "steps/s",
             "Pause (s)", "steps moved after Pause", "view replaced", "longest without a view (s)"]
    widths = [len(h) for h in heads]
    if n:
        print()
        print(table_row(heads, widths))
        print("|" + "|".join("-" * (w + 1) + ":" for w in widths) + "|")

    def cells(label, r):
        return [label, f"{r['received']:.1f}", f"{r['drawn']:.1f}", f"{r['changes']:.1f}",
                f"{r['steps']:,.0f}", f"{r['pause_s']:.2f}", f"{r['moved_on']:,}", f"{r['views']}",
                f"{r['blank_s']:.2f}"]

    for i, r in enumerate(results):
        print(table_row(cells(str(i + 1), r) if r["ok"] else [str(i + 1)] + ["-"] * (len(heads) - 1), widths))
    keys = ["received", "drawn", "changes", "steps", "pause_s", "moved_on", "views", "blank_s"]
    if good:
        for name, f in (("min", min), ("median", statistics.median), ("max", max)):
            agg = {key: f([r[key] for r in good]) for key in keys}
            agg["moved_on"], agg["views"] = round(agg["moved_on"]), round(agg["views"])
            print(table_row(cells(name, agg), widths))
    if good:
        print(f"(the pages' timers pressed Play up to {max(r['late_play_ms'] for r in good):.0f} ms and Pause up to "
              f"{max(r['late_pause_ms'] for r in good):.0f} ms after the set time, a measure of how busy the "
              "pages' main threads were; each Pause is timed from its own click)")
    replaced = [f"{i + 1}: " + ", ".join(f"{t:.1f}" for t in r["replaced_at"])
                for i, r in enumerate(good) if r["replaced_at"]]
    if replaced:
        print("Live view replaced by a new iframe (s after Play, by session): " + "; ".join(replaced))

    wire_failed = [i + 1 for i, s in enumerate(wire.sessions) if s.error]
    for i in wire_failed:
        print(f"Session without a browser {i}: {wire.sessions[i - 1].error}")
    wire_good = [r for s, r in zip(wire.sessions, wire_results) if not s.error]
    if k:
        wheads = ["session without a browser", "frames received/s", "batches/s", "longest wait for a batch (s)",
                  "steps/s",
                  "Pause answered after (s)", "server's steps past the last frame received"]
        wwidths = [len(h) for h in wheads]
        print()
        print(table_row(wheads, wwidths))
        print("|" + "|".join("-" * (w + 1) + ":" for w in wwidths) + "|")

        def wcells(label, r):
            return [label, f"{r['received']:.1f}", f"{r['batches']:.2f}", f"{r['gap_s']:.2f}", f"{r['steps']:,.0f}",
                    f"{r['pause_s']:.2f}", f"{r['ahead']:,.0f}"]

        for i, r in enumerate(wire_results):
            print(table_row(wcells(f"w{i + 1}", r), wwidths))
        if wire_good:
            for name, f in (("min", min), ("median", statistics.median), ("max", max)):
                print(table_row(wcells(name, {key: f([r[key] for r in wire_good]) for key in wire_good[0]}),
                                wwidths))

    if runs:
        seconds = args.play_seconds - args.warmup
        print(f"\nScript runs while playing (from {args.warmup:g} s after Play to Pause, per second; "
              "counted from the websocket messages):\n")
        print("| session | rerun requests/s | runs finished/s | runs cut short for a newer rerun/s |")
        print("|---:|---:|---:|---:|")
        for i, (a, b) in enumerate(zip(runs0, runs1)):
            print(f"| {i + 1} | " + " | ".join(f"{(b.get(k, 0) - a.get(k, 0)) / seconds:.1f}"
                                               for k in ("requested", "finished", "cut short")) + " |")

    per_mb = (rss_peak - rss_base) / total / MB
    after, lowest = settle[-1], min(settle)
    returned = after <= (1 + TARGETS["returned"]) * rss_base
    idle_pct = 100 * (idle_n["server"] - idle0["server"]) / total
    server_label = f"server side ({replicas} replicas and nginx)" if served else "server"
    print(f"\nCPU in cores ({os.cpu_count()} on this machine), from /proc:\n")
    cols = [f"no session, idle ({args.idle_seconds:g} s)",
            f"{total} playing ({args.play_seconds - args.warmup:g} s)",
            f"{total} open, paused, idle ({args.idle_seconds:g} s)"]
    windows = [idle0, play, idle_n]
    print("| CPU (cores) | " + " | ".join(cols) + " |")
    print("|---|" + "---:|" * len(cols))
    print(f"| {server_label} | " + " | ".join(f"{w['server']:.3f}" for w in windows) + " |")
    if served:
        for i, pid in enumerate(pids):
            name = f"replica {i + 1}" if i < replicas else "nginx"
            print(f"| {name} | " + " | ".join(f"{w['parts'][pid]:.3f}" for w in windows) + " |")
    print(f"| {server_label}, a session | | {play['server'] / total:.3f} | "
          f"{round((idle_n['server'] - idle0['server']) / total, 4) + 0.0:.4f} (beyond no session) |")
    print("| browser side, all (chromium, Playwright) | " + " | ".join(f"{w['client']:.2f}" for w in windows) + " |")
    kinds = {k for w in windows for k, v in w["kinds"].items() if v >= 0.005}
    for kind in sorted(kinds, key=lambda k: -play["kinds"].get(k, 0.0)):
        print(f"| {kind} | " + " | ".join(f"{w['kinds'].get(kind, 0.0):.2f}" for w in windows) + " |")
    print("| other processes on the machine | " + " | ".join(f"{w['other']:.2f}" for w in windows) + " |")
    print()
    print(f"| {server_label} memory (RSS) | |")
    print("|---|---:|")
    print(f"| memory: baseline (warm-up session loaded and closed, none open) | {rss_base / MB:.0f} MB |")
    print(f"| memory: {total} session(s) loaded | {rss_loaded / MB:.0f} MB |")
    print(f"| memory: highest, loaded to closed (playing, paused, idle) | {rss_peak / MB:.0f} MB "
          f"({per_mb:.1f} MB a session) |")
    print(f"| memory: after closing, the sessions dropped, {args.settle_seconds:g} s later (lowest meanwhile) "
          f"| {after / MB:.0f} MB "
          f"({lowest / MB:.0f} MB), {100 * (after / rss_base - 1):+.1f}% of the baseline |")
    added = rss_peak - rss_base
    if added > 0:
        returned_mb = max(0.0, (rss_peak - after) / MB)  # none when the RSS went on growing
        print(f"| memory returned of what the sessions added | {returned_mb:.1f} of "
              f"{added / MB:.1f} MB ({100 * returned_mb * MB / added:.0f}%) |")

    print(f"\nTargets ({n} page(s) and {k} session(s) without a browser, throttle {rate:g}x, "
          f"{os.cpu_count()} cores):\n")
    print("| target | measured | goal | |")
    print("|---|---:|---:|---|")
    ok = not failed and not wire_failed
    if n:
        min_fps = min((r["drawn"] for r in good), default=0.0)
        max_pause = max((r["pause_s"] for r in good), default=float("inf"))
        ok &= verdict("frames drawn per second, every page", f"min {min_fps:.1f}", f">= {TARGETS['fps']}",
                      bool(good) and min_fps >= TARGETS["fps"])
        ok &= verdict("Pause: until Step stops changing, every page", f"max {max_pause:.2f} s",
                      f"<= {TARGETS['pause_s']:g} s", max_pause <= TARGETS["pause_s"])
    if k:
        min_fps = min((r["received"] for r in wire_good), default=0.0)
        max_pause = max((r["pause_s"] for r in wire_good), default=float("inf"))
        ok &= verdict("frames sent per second, every session without a browser", f"min {min_fps:.1f}",
                      f">= {TARGETS['fps']}", bool(wire_good) and min_fps >= TARGETS["fps"])
        pause_goal = TARGETS["pause_s"] if (n + k) / replicas <= PAUSE_CROWD else 2 * TARGETS["pause_s"]
        ok &= verdict("Pause: the server's answer, every session without a browser", f"max {max_pause:.2f} s",
                      f"<= {pause_goal:g} s", max_pause <= pause_goal)
        max_gap = max((r["gap_s"] for r in wire_good), default=float("inf"))
        ok &= verdict("longest wait for a batch, every session without a browser", f"max {max_gap:.2f} s",
                      f"<= {TARGETS['gap_s']:g} s", max_gap <= TARGETS["gap_s"])
    ok &= verdict("server memory per session", f"{per_mb:.1f} MB", f"< {TARGETS['mb_per_session']} MB",
                  per_mb < TARGETS["mb_per_session"])
    ok &= verdict("server memory after closing, against the baseline",
                  f"{100 * (after / rss_base - 1):+.1f}%", f"within {100 * TARGETS['returned']:.0f}%", returned)
    ok &= verdict("server CPU per idle open session", f"{round(idle_pct, 2) + 0.0:.2f}% of a core",
                  f"< {TARGETS['idle_pct']:g}%", idle_pct < TARGETS["idle_pct"])
    print("\nAll targets met." if ok else "\nSome targets MISSED.")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
