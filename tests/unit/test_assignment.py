"""The course assignment's published numbers, reproduced."""

import numpy as np
import pytest

from shallownet.core import assignment, datasets
from shallownet.core.settings import PRESETS
from shallownet.core.trainer import Trainer
from shallownet.lecture import equations

# "Cost after iteration i" as the assignment prints it. Up to 7,000 iterations the
# run is reproduced to every printed digit. After that, alpha = 1.2 makes it
# oscillate, and rounding differences grow: the assignment's own code, this
# project's plain functions and its fast trainer agree there only to about 1e-4.
PUBLISHED_COSTS = {
    0: 0.693048, 1000: 0.288083, 2000: 0.254385, 3000: 0.233864, 4000: 0.226792,
    5000: 0.222644, 6000: 0.219731, 7000: 0.217504,
}
PUBLISHED_LATE_COSTS = {8000: 0.219454, 9000: 0.218607}


@pytest.fixture(scope="module")
def replay():
    return assignment.replay()


def test_replay_reaches_the_published_training_accuracy(replay):
    assert replay.step_count == 10_000
    assert replay.latest.acc_train >= assignment.PUBLISHED_ACCURACY
    # The assignment prints "90%" (a %d of the percentage).
    assert int(100 * replay.latest.acc_train) == 90
    # 362 or 363 of 400 points. By 10,000 steps the run oscillates (alpha = 1.2) and
    # a point next to the boundary flips on rounding: the plain functions of
    # network.py get 363; the fast trainer got 363 on a CPU without AVX-512 and 362
    # on one with it, where numpy's vectorised functions round differently.
    assert round(400 * replay.latest.acc_train) in (362, 363)


def test_replay_prints_the_published_costs(replay):
    steps = replay.history.column("step").tolist()
    costs = replay.history.column("cost_train")
    for step, published in PUBLISHED_COSTS.items():
        assert round(float(costs[steps.index(step)]), 6) == published
    for step, published in PUBLISHED_LATE_COSTS.items():
        assert float(costs[steps.index(step)]) == pytest.approx(published, abs=1e-4)


def test_hidden_size_table_matches_the_assignment():
    assert assignment.hidden_size_table() == assignment.PUBLISHED_TABLE


def test_the_course_assignment_preset_starts_the_assignments_network():
    """The data is flower from RandomState(1), all 400 points for training; the
    weights are the assignment's W1 = randn(4, 2) * 0.01, W2 = randn(1, 4) * 0.01
    from RandomState(2), biases 0."""
    trainer = Trainer(PRESETS["course_assignment"])
    X, Y = datasets.load("flower", 400, 0.2, seed=1)
    np.testing.assert_array_equal(trainer.data.X_train, X)
    np.testing.assert_array_equal(trainer.data.Y_train, Y)
    assert trainer.data.X_test.shape == (2, 0)
    rng = np.random.RandomState(2)
    p = trainer.params
    np.testing.assert_array_equal(p.W1, rng.randn(4, 2) * 0.01)
    np.testing.assert_array_equal(p.W2, rng.randn(1, 4) * 0.01)
    assert not p.b1.any() and not p.b2.any()
    assert round(trainer.latest.cost_train, 6) == PUBLISHED_COSTS[0]
    assert assignment.SETTINGS is PRESETS["course_assignment"]


def test_with_the_preset_the_equations_have_the_assignments_shapes():
    trainer = Trainer(PRESETS["course_assignment"])
    eqs = {e.name: e for e in equations.equations(trainer.params, trainer.data.X_train, trainer.data.Y_train)}
    assert eqs["dZ1"].value.shape == (4, 400) and eqs["dW1"].value.shape == (4, 2)
