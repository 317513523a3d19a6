"""Several app processes behind one nginx configured with deploy/nginx-replicas.conf
(sticky sessions by a cookie nginx sets itself): two visitors whose browsers landed
on different replicas each play through the live stream of their own replica, not
the fallback, and their sessions stay apart; nginx's log shows every request of each
browser, both websockets included, served by its replica.

Servers: two replicas under /course and an nginx in front of them (nginx_replicas,
module-scoped), each answer naming its replica (live_app's diagnose)."""

import contextlib
import re
from dataclasses import dataclass

from live_app import STICKY_COOKIE, step_value
from playwright.sync_api import expect

from shallownet.core.settings import Settings
from shallownet.ui.i18n import texts
from shallownet.ui.live.stream import STREAM_PATH
from tests.e2e.helpers import (
    Sockets,
    app_page,
    app_page_with_sockets,
    button,
    no_streamlit_exception,
    wait_for,
    wait_painted,
)

EN = texts.EN
BASE = "/course"  # nginx_replicas' base path
STREAM = BASE + STREAM_PATH  # the live view's socket
STREAMLIT = BASE + "/_stcore/stream"  # Streamlit's
# fresh browsers opened until one lands on the other replica (each does by 1 in 2)
VISITS = 12
# with its socket, the first frames come over it within this (s): ~0.1 s on a quiet machine
STREAM_WITHIN = 15.0
PLAY_MS = 2500
N1 = Settings().n1  # the default hidden units
# an access log line (live_app.ACCESS_LOG_FORMAT)
LOG_LINE = re.compile(r'(?P<status>\d+) "\S+ (?P<path>\S+) [^"]*" upstream=(?P<upstream>\S*) '
                      r'cookie=(?P<cookie>\S*) id=(?P<id>\S+)$')


@dataclass
class Visitor:
    page: object
    sockets: Sockets
    cookie: str  # nginx's sticky cookie, as the browser keeps it
    replica: int  # the replica that cookie reaches (an index into Replicas.apps)


def visit(stack, browser, replicas) -> Visitor:
    """A fresh browser (a context of its own, no cookie) on the app through nginx,
    entered in ``stack``."""
    page, sockets = stack.enter_context(app_page_with_sockets(browser, replicas.url, "/"))
    cookies = {c["name"]: c["value"] for c in page.context.cookies()}
    assert STICKY_COOKIE in cookies, f"nginx set no {STICKY_COOKIE} cookie: {cookies}"
    cookie = cookies[STICKY_COOKIE]
    assert re.fullmatch(r"[0-9a-f]{32}", cookie), cookie
    return Visitor(page, sockets, cookie, replicas.replica_of(cookie))


def view(page):
    """The live view, found anew at each use (Streamlit may replace its iframe)."""
    return wait_painted(page, picture=False, charts=False)


def still_step(page, settle_ms: int = 1500) -> int:
    """The step on screen once it has not changed for ``settle_ms``."""
    last = step_value(view(page))
    for _ in range(20):
        page.wait_for_timeout(settle_ms)
        now = step_value(view(page))
        if now == last:
            return now
        last = now
    raise AssertionError(f"the step kept changing: {last:,}")


def received(sockets, path):
    return sum(s.received for s in sockets.at(path))


def n1_shown(page):
    """The number the hidden units' slider shows."""
    return page.locator("[data-testid=stSlider]", has_text=EN["setting.n1"]).locator(
        "[data-testid=stSliderThumbValue]")


def log_lines(replicas) -> list[dict]:
    """nginx's access log, a dict a request; "" for no cookie (nginx writes "-")."""
    text = (replicas.logs / "access.log").read_text()
    lines = [m.groupdict() for line in text.splitlines() if (m := LOG_LINE.search(line))]
    for x in lines:
        x["cookie"] = "" if x["cookie"] == "-" else x["cookie"]
    return lines


def requests_of(lines, cookie) -> list[dict]:
    """The requests of the browser holding ``cookie``: those that sent it, and its
    first, which got it (nginx sets the request's id as the cookie)."""
    return [x for x in lines if x["cookie"] == cookie or (x["cookie"] == "" and x["id"] == cookie)]


def test_two_visitors_on_two_replicas_each_play_on_their_own(browser, nginx_replicas):
    replicas = nginx_replicas
    address = [url.split("//", 1)[1].split("/", 1)[0] for url, _ in replicas.apps]  # "127.0.0.1:<port>"
    with contextlib.ExitStack() as stack:
        a = visit(stack, browser, replicas)
        # fresh browsers until one lands on the other replica
        for _ in range(VISITS):
            attempt = stack.enter_context(contextlib.ExitStack())
            b = visit(attempt, browser, replicas)
            if b.replica != a.replica:
                break
            attempt.close()
        else:
            raise AssertionError(f"{VISITS} fresh browsers all landed on replica {a.replica}, as the first")
        visitors = (a, b)

        for v in visitors:
            assert step_value(wait_painted(v.page)) == 0
        # both play at once, each on its own replica, through its own live stream
        for v in visitors:
            button(v.page, "Play").click()
        for v in visitors:
            came = wait_for(v.page, lambda v=v: received(v.sockets, STREAM) > 0, STREAM_WITHIN)
            assert came, (f"replica {v.replica}'s visitor got no frames over {STREAM} within {STREAM_WITHIN} s: "
                          f"its view fell back to pulls? The page's websockets: {v.sockets}")
        a.page.wait_for_timeout(PLAY_MS)
        for v in visitors:
            button(v.page, "Pause").click()
        paused = [still_step(v.page) for v in visitors]
        assert min(paused) > 0, paused
        for v in visitors:
            assert received(v.sockets, STREAM) > 0, str(v.sockets)
            assert received(v.sockets, STREAMLIT) > 0, str(v.sockets)

        # one more step in B moves B only
        button(b.page, "Step").click()
        expect(view(b.page).locator("[data-testid=metric-step] .value")).to_have_attribute(
            "data-value", f"{paused[1] + 1:,}", timeout=15_000)
        assert step_value(view(a.page)) == paused[0]
        # a setting changed in A: A's network starts anew; B keeps its settings and step
        slider = a.page.locator("[data-testid=stSlider]", has_text=EN["setting.n1"]).get_by_role("slider")
        slider.focus()
        slider.press("ArrowRight")
        a.page.get_by_text("New network: Hidden units n1 changed").wait_for(timeout=30_000)
        expect(n1_shown(a.page)).to_have_text(str(N1 + 1))
        expect(view(a.page).locator("[data-testid=metric-step] .value")).to_have_attribute(
            "data-value", "0", timeout=15_000)
        b.page.wait_for_timeout(1000)
        expect(n1_shown(b.page)).to_have_text(str(N1))
        assert b.page.get_by_text("New network").count() == 0
        assert step_value(view(b.page)) == paused[1] + 1
        for v in visitors:
            no_streamlit_exception(v.page)

    # the browsers are closed, so nginx has logged their websockets too: every request
    # of each went to its replica, the first (the page, which set the cookie) included,
    # and both websockets opened there (101), none refused
    with app_page(browser, "about:blank") as idle:
        def logged():
            lines = log_lines(replicas)
            return all(any(x["path"].startswith(STREAM) for x in requests_of(lines, v.cookie)) for v in visitors)

        assert wait_for(idle, logged, 10.0), (replicas.logs / "access.log").read_text()
    lines = log_lines(replicas)
    for v in visitors:
        mine = requests_of(lines, v.cookie)
        assert {x["upstream"] for x in mine} == {address[v.replica]}, mine
        assert any(x["path"] == BASE + "/" and x["cookie"] == "" for x in mine), mine
        for path in (STREAMLIT, STREAM):
            sockets = [x for x in mine if x["path"].split("?")[0] == path]
            assert sockets and all(x["status"] == "101" for x in sockets), (path, sockets)
