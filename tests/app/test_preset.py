"""The Playground's preset "Course assignment", through AppTest on app.py: it gives the
session the assignment's settings, data and initial weights, and Play then shows the
published run."""

import json

import numpy as np
import pytest

from shallownet.core.settings import DEFAULTS, PRESETS
from shallownet.core.trainer import Trainer
from shallownet.lecture import equations
from shallownet.ui import controls
from shallownet.ui.i18n import texts
from tests.app.apptest import click, live_view, opened, playground_of

PRESET = PRESETS["course_assignment"]
# "Cost after iteration 1000" as the course assignment prints it (tests/unit/test_assignment.py)
PUBLISHED_COST_1000 = 0.288083
PUBLISHED_COST_0 = 0.693048


def shown_metrics(at) -> dict:
    return json.loads(live_view(at).proto.json_args)["payload"]["frames"][-1]["metrics"]


@pytest.fixture
def at(at):
    """The shared ``at`` (app.py), which does not start with the preset."""
    assert playground_of(at).settings == DEFAULTS  # the preset is not what the app starts with
    return at


def assert_the_assignments_network_at_step_0(at):
    playground = playground_of(at)
    assert playground.settings == PRESET
    assert playground.trainer.step_count == 0 and not playground.playing
    expected = Trainer(PRESET)
    for name, got, want in zip(expected.params._fields, playground.trainer.params, expected.params):
        np.testing.assert_array_equal(got, want, err_msg=name)
    for got, want in zip(playground.trainer.data, expected.data):
        np.testing.assert_array_equal(got, want)
    assert playground.trainer.data.X_test.shape == (2, 0)
    assert round(playground.trainer.latest.cost_train, 6) == PUBLISHED_COST_0


def test_the_preset_gives_the_assignments_settings_data_and_weights(at):
    at.button(key="preset.course_assignment").click().run()
    assert not at.exception
    assert_the_assignments_network_at_step_0(at)
    # the widgets show the preset's values, so the next run keeps them
    for name, value in PRESET.as_dict().items():
        assert at.session_state[controls.KEY + name] == value, name
    assert at.selectbox(key="setting.dataset").value == "flower"
    assert at.slider(key="setting.n1").value == 4
    assert texts.EN["preset.course_assignment"] in at.info[0].value
    at.run()
    assert playground_of(at).settings == PRESET and playground_of(at).trainer.step_count == 0


def test_after_1000_steps_the_preset_shows_the_published_cost(at):
    at.button(key="preset.course_assignment").click().run()
    for _ in range(10):
        click(at, "×100")
    playground = playground_of(at)
    assert playground.trainer.step_count == 1000
    assert round(playground.trainer.latest.cost_train, 6) == PUBLISHED_COST_1000
    metrics = shown_metrics(at)
    assert metrics["step"] == "1,000"
    assert metrics["cost_train"] == f"{PUBLISHED_COST_1000:.4f}"
    assert metrics["cost_test"] == "–"  # no test split


def test_pressing_the_preset_again_starts_its_network_over(at):
    at.button(key="preset.course_assignment").click().run()
    click(at, "×100")
    assert playground_of(at).trainer.step_count == 100
    at.button(key="preset.course_assignment").click().run()
    assert not at.exception
    assert_the_assignments_network_at_step_0(at)


def test_the_preset_stops_play_and_overrides_changed_settings(at):
    at.slider(key="setting.n1").set_value(9).run()
    at.select_slider(key="setting.alpha").set_value(0.1).run()
    click(at, "Play")
    assert playground_of(at).playing
    at.button(key="preset.course_assignment").click().run()
    assert not at.exception
    assert_the_assignments_network_at_step_0(at)


def test_with_the_preset_the_lecture_pages_see_the_assignments_shapes(at):
    from shallownet.ui import lecture_page as lecture

    at.button(key="preset.course_assignment").click().run()
    net = lecture.network(playground_of(at))
    assert net.X.shape == (2, 400) and net.Y.shape == (1, 400) and net.params.W1.shape == (4, 2)
    eqs = {e.name: e for e in equations.equations(net.params, net.X, net.Y, net.activation)}
    assert eqs["dZ1"].value.shape == (4, 400)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_presets_help_says_what_to_press_and_what_the_view_then_shows(lang):
    """Play passes step 1,000 in under a second: the help names a way to stop there
    (×100 ten times), and the four digits the view shows there, beside the six the
    assignment prints."""
    app = opened(lang=lang)
    button = app.button(key="preset.course_assignment")
    words = button.help
    assert words == texts.TABLES[lang]["preset.help.course_assignment"]
    presses, shown, printed = "×100", f"J = {PUBLISHED_COST_1000:.4f}", f"{PUBLISHED_COST_1000:.6f}"
    assert presses in words and shown in words and printed in words and "1,000" in words
    assert ("ten times" if lang == "en" else "열 번") in words and "Play" not in words
    button.click().run()
    for _ in range(10):
        click(app, presses)
    metrics = shown_metrics(app)
    assert metrics["step"] == "1,000" and f"J = {metrics['cost_train']}" == shown
    assert f"{playground_of(app).trainer.latest.cost_train:.6f}" == printed
