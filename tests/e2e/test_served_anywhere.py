"""The Playground plays wherever the app is served: behind a real nginx that forwards
only Streamlit's own websocket (the live view falls back to batches over Streamlit's),
behind one configured with deploy/nginx.conf, under ``--server.baseUrlPath course``,
and under it behind nginx at /course/.

Servers: the shared app (``app_url``) with two nginx in front of it, and one app under
/course with one nginx; each module-scoped, stopped after the module."""


from live_app import live_frame, step_value

from tests.e2e.helpers import app_page_with_sockets, button, no_streamlit_exception, wait_for, wait_painted

STREAM = "/shallownet/live"  # shallownet/ui/live/stream.py, STREAM_PATH
# without its socket, Play shows steps within this (s): a batch over Streamlit's
FALLBACK_WITHIN = 3.5
# with it, the first frames come over it within this (s): ~0.1 s here
STREAM_WITHIN = 15.0


def received(sockets, path):
    return sum(s.received for s in sockets.at(path))


def plays_via_the_stream(page, sockets, path):
    """Play: the frames come over the live view's socket at ``path`` and the Step grows;
    then Pause."""
    frame = wait_painted(page)
    button(page, "Play").click()
    came = wait_for(page, lambda: received(sockets, path) > 0, STREAM_WITHIN)
    assert came, f"no frames over a websocket at {path} within {STREAM_WITHIN} s; the page's websockets: {sockets}"
    view = live_frame(page)
    view.locator('[data-testid=metric-step] .value:not([data-value="0"])').wait_for(timeout=10_000)
    first = step_value(frame)
    page.wait_for_timeout(1000)
    assert step_value(frame) > first
    button(page, "Pause").click()  # the server trains no more for it (2 cores)
    no_streamlit_exception(page)


def test_play_falls_back_when_only_streamlits_socket_is_forwarded(browser, nginx_streamlit_only):
    """A proxy that upgrades only /_stcore/stream (set up for any Streamlit app): the
    live view's socket is refused, and Play still trains and shows it, by batches
    over Streamlit's; Pause stops where the screen did."""
    with app_page_with_sockets(browser, nginx_streamlit_only) as (page, sockets):
        frame = wait_painted(page)
        button(page, "Play").click()
        first = wait_for(page, lambda: step_value(frame), FALLBACK_WITHIN)
        assert first > 0, (f"Play showed no step within {FALLBACK_WITHIN} s without the live stream "
                           f"(the page's websockets: {sockets})")
        page.wait_for_timeout(1500)
        second = step_value(frame)
        assert second > first, (first, second)
        # the stream was tried, and refused: its sockets closed with nothing received
        live = sockets.at(STREAM)
        assert live, f"the view never tried {STREAM}; the page's websockets: {sockets}"
        assert received(sockets, STREAM) == 0
        assert wait_for(page, lambda: any(s.closed for s in sockets.at(STREAM)), 5.0), str(sockets)
        assert any(s.received > 0 for s in sockets.at("/_stcore/stream"))
        # Pause: the number stops ...
        button(page, "Pause").click()
        page.wait_for_timeout(1000)
        stopped = step_value(frame)
        page.wait_for_timeout(1500)
        assert step_value(frame) == stopped
        # ... and the server stopped where the screen did: one more step is one more step
        button(page, "Step").click()
        frame.locator(f'[data-testid=metric-step] .value[data-value="{stopped + 1:,}"]').wait_for(timeout=10_000)
        assert received(sockets, STREAM) == 0
        no_streamlit_exception(page)


def test_play_uses_the_stream_behind_nginx_configured_as_deploy(browser, nginx_everything):
    with app_page_with_sockets(browser, nginx_everything) as (page, sockets):
        plays_via_the_stream(page, sockets, STREAM)


def test_play_uses_the_stream_under_a_base_path(browser, course_app_url):
    """``--server.baseUrlPath course``: the page at /course/, its stream at
    /course/shallownet/live."""
    with app_page_with_sockets(browser, course_app_url, "/") as (page, sockets):
        assert page.url.startswith(course_app_url + "/")
        plays_via_the_stream(page, sockets, "/course" + STREAM)


def test_play_uses_the_stream_under_a_base_path_behind_nginx(browser, nginx_everything_course):
    """deploy/nginx.conf as written, at /course/, in front of the app under the same
    base path."""
    with app_page_with_sockets(browser, nginx_everything_course, "/") as (page, sockets):
        plays_via_the_stream(page, sockets, "/course" + STREAM)
