"""The Playground page through Streamlit's AppTest: every control, the buttons'
exact step counts, notices, divergence, and no exception anywhere."""

import json
import time
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from shallownet.core.settings import FIELDS, Settings
from shallownet.core.trainer import Trainer
from shallownet.ui.live import panel as panels
from shallownet.ui.live.frames import network_vector
from shallownet.ui.live.stream import STREAM_PATH, unpack
from shallownet.ui.session import DEFAULT_SPEED, FRAMES_PER_BATCH
from tests.app.apptest import APP, click, live_view, opened, playground_of, run

BUTTONS = ["Step", "×10", "×100", "Play", "Pause", "Reset"]


def no_nan(text):
    raise ValueError(f"{text} in the live view's data")


def shown(at):
    """What the live view was sent: its payload (refusing NaN, which JSON cannot carry)."""
    return json.loads(live_view(at).proto.json_args, parse_constant=no_nan)["payload"]


def step_shown(at) -> int:
    return int(shown(at)["frames"][-1]["metrics"]["step"].replace(",", ""))


def test_the_page_loads_with_its_controls_and_no_exception(at):
    assert at.title[0].value == "Gradient descent, one step at a time"
    labels = [b.label for b in at.button]
    for label in BUTTONS + ["New data"]:
        assert labels.count(label) == 1, label
    assert step_shown(at) == 0
    metrics = shown(at)["frames"][-1]["metrics"]
    assert metrics["cost_train"].startswith("0.693")
    assert [k for k, _ in shown(at)["metric_labels"]] == ["step", "cost_train", "cost_test", "acc_train", "acc_test"]
    assert dict(shown(at)["metric_labels"])["step"] == "Step"


@pytest.mark.parametrize("label, k", [("Step", 1), ("×10", 10), ("×100", 100)])
def test_step_buttons_advance_exactly(at, label, k):
    click(at, label)
    assert step_shown(at) == k == playground_of(at).trainer.step_count
    click(at, label)
    assert step_shown(at) == 2 * k


def test_reset_goes_back_to_step_0_and_says_so(at):
    click(at, "×100")
    click(at, "Reset")
    assert step_shown(at) == 0
    assert "Reset" in at.info[0].value


def test_changing_alpha_keeps_the_step_count(at):
    click(at, "×100")
    at.select_slider(key="setting.alpha").set_value(0.1).run()
    assert not at.exception
    assert step_shown(at) == 100
    assert playground_of(at).settings.alpha == 0.1
    assert "α = 0.1 from the next step" in at.info[0].value
    click(at, "Step")
    assert step_shown(at) == 101


def test_changing_n1_starts_a_new_network_and_says_so(at):
    click(at, "×100")
    at.slider(key="setting.n1").set_value(8).run()
    assert not at.exception
    assert step_shown(at) == 0
    assert playground_of(at).trainer.params.W1.shape == (8, 2)
    assert "New network: Hidden units n1 changed" in at.info[0].value


@pytest.mark.parametrize("kind, key, value, field, expect", [
    ("selectbox", "setting.dataset", "circles", "dataset", "circles"),
    ("slider", "setting.m", 600, "m", 600),
    ("slider", "setting.noise", 0.35, "noise", 0.35),
    ("slider", "setting.test_fraction", 0.0, "test_fraction", 0.0),
    ("number_input", "setting.seed", 5, "seed", 5),
    ("checkbox", "setting.standardize", True, "standardize", True),
    ("selectbox", "setting.activation", "relu", "activation", "relu"),
    ("selectbox", "setting.init", "zeros", "init", "zeros"),
    ("select_slider", "setting.init_scale", 0.5, "init_scale", 0.5),
])
def test_every_setting_restarts_on_new_settings(at, kind, key, value, field, expect):
    click(at, "×10")
    getattr(at, kind)(key=key).set_value(value).run()
    assert not at.exception
    assert getattr(playground_of(at).settings, field) == expect
    assert step_shown(at) == 0
    assert "training starts again from step 0" in at.info[0].value


def test_the_sidebar_offers_the_ranges_the_settings_allow(at):
    """The sidebar reads each range from the settings' metadata: a slider that went
    past a range would offer values the settings refuse, one that stopped short
    would hide allowed ones."""
    seen = set()
    for widget in [*at.sidebar.slider, *at.sidebar.number_input]:
        if not widget.key.startswith("setting."):
            continue
        name = widget.key.removeprefix("setting.")
        spec = FIELDS[name]
        assert (widget.min, widget.max, widget.step) == (spec["min"], spec["max"], spec["step"]), name
        seen.add(name)
    for widget in at.sidebar.select_slider:
        if not widget.key.startswith("setting."):
            continue
        name = widget.key.removeprefix("setting.")
        spec = FIELDS[name]
        assert widget.options == [f"{x:g}" for x in spec["ticks"]], name
        assert (float(widget.options[0]), float(widget.options[-1])) == (spec["min"], spec["max"]), name
        seen.add(name)
    assert seen == {name for name, spec in FIELDS.items() if spec["kind"] in ("int", "float")}


def test_new_data_draws_the_next_seed(at):
    X_before = playground_of(at).trainer.data.X_train.copy()
    click(at, "New data")
    assert playground_of(at).settings.seed == 1
    assert not (playground_of(at).trainer.data.X_train == X_before).all()
    assert "New data" in at.info[0].value


def test_speed_and_log_scale(at):
    at.select_slider(key="speed").set_value(500).run()
    assert playground_of(at).speed == 500
    at.toggle(key="cost_log").set_value(True).run()
    assert not at.exception
    assert shown(at)["figures"]["cost"]["layout"]["yaxis"]["type"] == "log"


def test_without_a_test_set_the_test_numbers_say_so(at):
    at.slider(key="setting.test_fraction").set_value(0.0).run()
    metrics = shown(at)["frames"][-1]["metrics"]
    assert metrics["cost_test"] == "–" and metrics["acc_test"] == "–"
    assert len(shown(at)["figures"]["cost"]["data"]) == 1


def stream_of(at):
    """The session's end of the live stream (ui/live/stream.py), as the page registered it."""
    return at.session_state["live_stream"]


def test_play_sends_batches_over_the_stream_and_pause_stops_them(at):
    click(at, "Play")
    p = shown(at)
    assert p["playing"] is True
    stream = stream_of(at)
    assert p["stream"] == {"path": STREAM_PATH, "token": stream.token}
    assert stream.playground is playground_of(at)
    # the next batch, as the stream's thread sends it
    batch, networks = unpack(stream.batch())
    assert batch["playing"] is True and batch["id"] > p["id"]
    assert len(batch["frames"]) == FRAMES_PER_BATCH
    # each frame has the speed's steps, or fewer on a machine too slow for the
    # batch's time budget (tests/unit/test_playground_state.py pins both cases)
    steps = [int(f["metrics"]["step"].replace(",", "")) for f in batch["frames"]]
    gaps = [b - a for a, b in zip([0] + steps, steps)]
    assert all(0 <= g <= DEFAULT_SPEED for g in gaps) and steps[-1] > 0
    assert steps[-1] == playground_of(at).trainer.step_count
    # the networks travel as bytes beside the JSON, the last one the session's own
    last = batch["frames"][-1]["net"]
    assert len(networks) == last["offset"] + last["length"] == len(batch["frames"]) * 4 * (4 * 4 + 1)
    net = np.frombuffer(networks[last["offset"]:], dtype=np.float32)
    np.testing.assert_array_equal(net, network_vector(playground_of(at).trainer.params))
    click(at, "Pause")
    assert shown(at)["playing"] is False
    stopped = step_shown(at)
    assert stopped == steps[-1]
    assert stream.batch() is None  # nothing more comes
    at.run()
    assert step_shown(at) == stopped


def divergence_step() -> int:
    """The step at which the linear network at alpha = 10 diverges on the default
    data, as the core computes it."""
    trainer = Trainer(Settings(activation="linear", alpha=10.0))
    trainer.step(1000)
    return trainer.divergence.step


def diverge(at):
    at.selectbox(key="setting.activation").set_value("linear").run()
    at.select_slider(key="setting.alpha").set_value(10.0).run()
    for _ in range(3):
        click(at, "×100")


def test_divergence_stops_training_and_explains_why(at):
    diverge(at)
    [error] = at.error
    step = divergence_step()
    assert f"Training stopped at step {step}" in error.value
    assert "α = 10 is too large" in error.value
    assert step_shown(at) == step - 1
    # the numbers and curves shown are finite (shown() refuses NaN and Infinity)
    metrics = shown(at)["frames"][-1]["metrics"]
    assert "nan" not in json.dumps(metrics).lower() and "inf" not in json.dumps(metrics).lower()
    assert all(b.disabled for b in at.button if b.label in ("Step", "×10", "×100", "Play"))


def test_play_stops_by_itself_on_divergence(at):
    at.selectbox(key="setting.activation").set_value("linear").run()
    at.select_slider(key="setting.alpha").set_value(10.0).run()
    at.select_slider(key="speed").set_value(200).run()
    click(at, "Play")
    stream = stream_of(at)
    for _ in range(20):  # a batch at a time, as the stream sends them
        message = stream.batch()
        if not playground_of(at).playing:
            break
    batch, _ = unpack(message)
    # the last batch shows where it stopped, and asks the page to be drawn again
    assert batch["playing"] is False and batch["rerun"] is True
    assert batch["frames"][-1]["metrics"]["step"] == f"{playground_of(at).trainer.step_count:,}"
    at.run()  # the view's request redraws the page (tests/e2e/test_playground_live.py)
    assert f"Training stopped at step {divergence_step()}" in at.error[0].value
    assert shown(at)["playing"] is False


def test_lowering_alpha_after_divergence_is_allowed_and_reset_recovers(at):
    diverge(at)
    click(at, "Reset")
    assert not at.error
    assert step_shown(at) == 0
    click(at, "×10")
    assert step_shown(at) == 10


def test_no_exception_on_any_page():
    import re

    source = Path(APP).read_text()
    pages = re.findall(r'st\.Page\("([^"]+)"', source)
    assert pages, "no pages found in app.py"
    for page in pages:
        app = opened()
        app.switch_page(page).run()
        assert not app.exception, page
        if page == "pages/playground.py":
            for label in ("Step", "×10", "×100"):
                click(app, label)
            assert not app.exception, page
        else:  # a lecture page: no training buttons, the title and the shared sidebar
            assert app.title and app.slider(key="setting.n1").value == 4, page


def test_a_setting_changed_on_one_page_holds_on_every_page():
    """The sidebar is the same on every page: n1 set on a lecture page is the
    Playground's n1, and going from page to page changes nothing (Streamlit drops
    a widget's value when the page changes unless it is written back)."""
    app = opened()
    app.slider(key="setting.n1").set_value(7).run()
    for page in ("pages/equations.py", "pages/hidden_units.py", "pages/playground.py"):
        app.switch_page(page).run()
        assert not app.exception, page
        assert app.slider(key="setting.n1").value == 7, page
        assert playground_of(app).settings.n1 == 7, page
    app.switch_page("pages/gradient_check.py").run()
    app.slider(key="setting.n1").set_value(3).run()
    app.switch_page("pages/playground.py").run()
    assert playground_of(app).settings.n1 == 3 and app.slider(key="setting.n1").value == 3


def test_a_session_that_starts_on_a_lecture_page_does_not_wait_for_the_playground_s_view():
    """The first visit's waits (panels.wait_for_view) are for a session's first page:
    after another page Streamlit shows the Playground's elements when its run ends,
    so a wait for the view's word would only hold the sidebar back (5 s each)."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.switch_page("pages/equations.py")
    run(at)
    assert at.session_state[panels.STARTED_KEY] is True
    at.switch_page("pages/playground.py")
    started = time.perf_counter()
    run(at)
    assert time.perf_counter() - started < panels.VIEW_WAIT_MAX_SECONDS
