"""Two browser sessions on one server, side by side, each train their own network:
one plays on settings of its own (opened from a share link) while the other steps
on the defaults. Each keeps its own step, its own settings (sidebar and address)
and its own numbers, and both sets of numbers are the core's for their settings."""

import time
import urllib.parse

from live_app import live_frame, step_value
from playwright.sync_api import expect

from shallownet.core.settings import Settings
from shallownet.core.trainer import Trainer
from shallownet.formats import links as share
from shallownet.ui.i18n import texts
from shallownet.ui.live.frames import METRICS, format_metrics
from tests.e2e.helpers import app_page, button, no_streamlit_exception, wait_painted

EN = texts.EN
A = Settings(dataset="circles", n1=7)  # the session that plays, opened with these in its address
B = Settings()  # the session that steps: the defaults
STEP = "[data-testid=metric-step] .value"


def view(page):
    """The live view, painted, found anew at each use: the test holds no handle to an
    iframe that Streamlit might replace."""
    wait_painted(page)
    return live_frame(page)


def shown_numbers(frame) -> dict:
    """Every number the live view shows, as it shows them."""
    return {k: frame.locator(f"[data-testid=metric-{k}] .value").get_attribute("data-value") for k in METRICS}


def core_numbers(settings: Settings, steps: int) -> dict:
    """The same numbers from the core's own run of ``settings``."""
    trainer = Trainer(settings)
    trainer.step(steps)
    return format_metrics(trainer.latest)


def wait_step(frame, step: int):
    expect(frame.locator(STEP)).to_have_attribute("data-value", f"{step:,}", timeout=15_000)


def still_step(frame, settle: float = 1.5) -> int:
    """The step on screen once it has not changed for ``settle`` seconds."""
    last, deadline = step_value(frame), time.time() + 30
    while time.time() < deadline:
        time.sleep(settle)
        now = step_value(frame)
        if now == last:
            return now
        last = now
    raise AssertionError(f"the step kept changing: {last:,}")


def assert_settings(page, settings: Settings):
    """The sidebar shows ``settings``' n1 and data set, and so does the address (at
    rest, the address says every setting)."""
    n1 = page.locator("[data-testid=stSlider]", has_text=EN["setting.n1"])
    assert n1.locator("[data-testid=stSliderThumbValue]").inner_text() == str(settings.n1)
    dataset = page.locator("[data-testid=stSelectbox]", has_text=EN["setting.dataset"]).get_by_role("combobox")
    assert dataset.input_value() == EN[f"dataset.{settings.dataset}"]
    query = urllib.parse.parse_qs(urllib.parse.urlparse(page.url).query)
    assert share.from_query(query).settings == settings, page.url


def test_two_sessions_train_their_own_networks_side_by_side(browser, app_url):
    # A's address names only what differs from the defaults: ?dataset=circles&n1=7
    link = "/?" + "&".join(f"{k}={v}" for k, v in share.to_query(A, 0).items() if k in A.changed_from(B))
    with app_page(browser, app_url, address=link) as a, app_page(browser, app_url) as b:
        frame_a, frame_b = view(a), view(b)
        assert step_value(frame_a) == step_value(frame_b) == 0
        assert_settings(a, A)
        assert_settings(b, B)

        button(a, EN["button.play"]).click()
        expect(frame_a.locator(STEP)).not_to_have_attribute("data-value", "0", timeout=15_000)
        playing_at = step_value(frame_a)
        # meanwhile B steps, three steps and a hundred: its step is what it pressed
        for step in (1, 2, 3):
            button(b, EN["button.step"]).click()
            wait_step(frame_b, step)
        assert shown_numbers(frame_b) == core_numbers(B, 3)
        button(b, EN["button.step100"]).click()
        wait_step(frame_b, 103)
        assert shown_numbers(frame_b) == core_numbers(B, 103)
        # A played on all along, and moves B no further
        assert step_value(frame_a) > playing_at
        time.sleep(1.0)
        assert step_value(frame_b) == 103
        assert_settings(b, B)

        button(a, EN["button.pause"]).click()
        paused_at = still_step(frame_a)
        assert paused_at > playing_at
        assert_settings(a, A)
        assert shown_numbers(frame_a) == core_numbers(A, paused_at)
        # B's network is B's still: nothing A did reached it
        assert step_value(frame_b) == 103
        assert shown_numbers(frame_b) == core_numbers(B, 103)
        assert_settings(b, B)
        # the two runs are not the same numbers under other names
        assert core_numbers(A, 103) != core_numbers(B, 103)
        no_streamlit_exception(a)
        no_streamlit_exception(b)


def test_the_stream_serves_only_a_session_it_knows(app_url):
    """The live stream's socket needs the token a session's page was given: a guessed
    one is refused at the handshake (HTTP 403)."""
    import pytest
    from websockets.exceptions import InvalidStatus
    from websockets.sync.client import connect

    from shallownet.ui.live.stream import STREAM_PATH

    url = app_url.replace("http://", "ws://") + STREAM_PATH + "?token=guessed"
    with pytest.raises(InvalidStatus) as refused:
        connect(url, open_timeout=10)
    assert refused.value.response.status_code == 403
