"""Zeros against random initial weights, and the initial scale's saturation."""

import numpy as np
import pytest

import shallownet as sn
from shallownet.core.settings import DEFAULTS
from shallownet.core.trainer import make_data
from shallownet.lecture import initialisation


def test_the_row_spread_is_the_largest_difference_between_two_rows():
    assert initialisation.row_spread([[1.0, 2.0], [1.0, 5.0], [0.5, 3.0]]) == 3.0
    assert initialisation.row_spread([[1.0, -2.0], [1.0, -2.0]]) == 0.0
    assert initialisation.row_spread([[3.0, 4.0]]) == 0.0  # one unit: nothing to compare


@pytest.fixture(scope="module", params=["tanh", "sigmoid"])
def compared(request):
    settings = DEFAULTS.replace(activation=request.param)
    progress = []
    runs = initialisation.compare(settings, 300, on_progress=lambda d, t: progress.append((d, t)))
    return settings, runs, progress


def test_zeros_keep_every_hidden_unit_identical_and_random_breaks_the_tie(compared):
    _, runs, _ = compared
    assert runs["zeros"].row_spread < 1e-12
    assert runs["random"].row_spread > 0.1
    # training did something: random learned, zeros is stuck at the constant network
    assert runs["random"].acc_train > 0.8
    assert runs["zeros"].acc_train == 0.5


def test_with_sigmoid_and_unequal_classes_the_zero_rows_move_and_stay_equal():
    """tanh(0) = 0 keeps W1 at 0 exactly; sigmoid(0) = 1/2 makes every row move, together,
    once dZ2 = 1/2 - y does not sum to 0 (unequal classes)."""
    settings = DEFAULTS.replace(activation="sigmoid", alpha=10.0)
    d = make_data(settings)
    keep = ~((d.Y_train[0] == 1) & (np.arange(d.Y_train.shape[1]) % 4 == 0))
    data = d._replace(X_train=d.X_train[:, keep], Y_train=d.Y_train[:, keep])
    assert data.Y_train.mean() < 0.45
    runs = initialisation.compare(settings, 300, data=data)
    W1 = runs["zeros"].params.W1
    assert np.abs(W1).max() > 1e-3 and not runs["zeros"].stayed_at_zero
    assert runs["zeros"].row_spread <= 1e-9 * np.abs(W1).max()


def test_with_sigmoid_and_equal_classes_the_zero_network_does_not_move():
    """With as many points of each class, sum(1/2 - y) = 0: dW2 = db2 = 0, then dW1 = 0."""
    settings = DEFAULTS.replace(activation="sigmoid", alpha=10.0)
    assert make_data(settings).Y_train.mean() == 0.5
    runs = initialisation.compare(settings, 300)
    assert runs["zeros"].stayed_at_zero and not runs["random"].stayed_at_zero
    assert runs["zeros"].costs[-1] == pytest.approx(np.log(2), rel=1e-12)


def test_both_runs_train_on_the_same_data_from_their_own_initialisation(compared):
    settings, runs, progress = compared
    for method, run in runs.items():
        assert run.method == method
        assert run.steps[0] == 0 and run.steps[-1] == 300 and run.costs.shape == run.steps.shape
        assert run.proba.shape == (60, 60) and np.all((run.proba >= 0) & (run.proba <= 1))
    # step 0 of zeros is the constant network: cost log 2
    assert runs["zeros"].costs[0] == pytest.approx(np.log(2), rel=1e-12)
    assert progress[-1] == (600, 600) and [d for d, _ in progress] == sorted(d for d, _ in progress)


def test_g1_prime_at_initialisation_is_that_of_the_trainers_first_network():
    settings = DEFAULTS.replace(init_scale=2.0)
    (run,) = initialisation.saturation(settings, 10, scales=(2.0,))
    d = make_data(settings)
    p = sn.init_params(2, settings.n1, scale=2.0, seed=settings.seed + 1)
    cache = sn.forward(p, d.X_train, "tanh")
    np.testing.assert_allclose(run.dg, (1 - cache.A1**2).ravel(), rtol=1e-12)
    assert run.dg.shape == (settings.n1 * d.X_train.shape[1],)


def test_a_large_initial_scale_saturates_tanh_and_slows_the_cost():
    runs = initialisation.saturation(DEFAULTS, 1000, scales=(0.01, 1.0, 10.0))
    means = [r.mean_dg for r in runs]
    assert means[0] > 0.99 and means[0] > means[1] > means[2] and means[2] < 0.1
    assert [r.scale for r in runs] == [0.01, 1.0, 10.0]
    # at scale 10 the cost starts high and is still well above scale 0.01's after 1,000 steps
    small, large = runs[0].costs, runs[2].costs
    assert large[0] > 1.0 > small[0]
    assert large[-1] > 2 * small[-1]


def test_the_boundary_image_is_a2_over_the_runs_grid(compared):
    settings, runs, _ = compared
    d = make_data(settings)
    for run in runs.values():
        assert run.xs.shape == (60,) and run.ys.shape == (60,)
        gx, gy = np.meshgrid(run.xs, run.ys)
        A2 = sn.forward(run.params, np.stack([gx.ravel(), gy.ravel()]), settings.activation).A2
        np.testing.assert_allclose(run.proba, A2.reshape(60, 60), rtol=1e-9, atol=1e-12)
        # the grid covers every point, training and test
        X = np.hstack([d.X_train, d.X_test])
        assert run.xs[0] <= X[0].min() and X[0].max() <= run.xs[-1]
        assert run.ys[0] <= X[1].min() and X[1].max() <= run.ys[-1]


def test_the_step_limit_keeps_a_study_within_its_work():
    assert initialisation.step_limit(DEFAULTS, 2) == initialisation.MAX_STEPS
    assert initialisation.step_limit(DEFAULTS, 2, 300) == 300
    big = DEFAULTS.replace(n1=64, m=5000)
    for networks in (1, 2, 5):
        steps = initialisation.step_limit(big, networks)
        assert 1 <= steps < initialisation.MAX_STEPS
        assert networks * 64 * 5000 * steps <= initialisation.MAX_WORK
        assert networks * 64 * 5000 * (steps + 1) > initialisation.MAX_WORK
    assert initialisation.step_limit(big, 10_000) == 1  # never less than one step


def test_a_big_network_keeps_a_bounded_sample_of_its_derivatives():
    from shallownet.core.settings import Settings
    from shallownet.core.trainer import Trainer
    from shallownet.lecture.initialisation import MAX_DG_VALUES, initial_derivatives, saturation

    settings = Settings(n1=64, m=1000, test_fraction=0.0)
    [run] = saturation(settings, 1, scales=(1.0,))
    assert run.dg.size == MAX_DG_VALUES
    full = initial_derivatives(Trainer(settings.replace(init="random", init_scale=1.0)))
    assert run.mean_dg == pytest.approx(float(full.mean()), rel=1e-12)
    assert abs(float(run.dg.mean()) - run.mean_dg) < 0.01
