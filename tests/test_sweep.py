"""Hidden-layer sizes, the logistic-regression baseline, the assignment's table, alphas."""

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression

from shallownet import assignment, sweep
from shallownet.settings import DEFAULTS
from shallownet.trainer import Trainer, make_data


@pytest.fixture(scope="module")
def table():
    progress = []
    result = sweep.assignment_sweep((1, 2, 3, 4, 5), grid_size=40, on_progress=lambda d, t: progress.append((d, t)))
    return result, progress


def test_the_assignment_sweep_reproduces_the_published_table(table):
    result, _ = table
    assert {r.n1: r.acc_train for r in result.results} == {1: 0.675, 2: 0.6725, 3: 0.9075, 4: 0.905, 5: 0.9125}
    assert all(r.published == assignment.PUBLISHED_TABLE[r.n1] for r in result.results)
    assert all(r.steps == 5_000 and r.divergence is None for r in result.results)
    # no test set in the assignment
    assert all(np.isnan(r.acc_test) for r in result.results)


def test_the_sweep_reports_progress_over_all_sizes(table):
    _, progress = table
    done = [d for d, _ in progress]
    assert done == sorted(done) and progress[-1] == (25_000, 25_000)
    assert {t for _, t in progress} == {25_000}


def test_each_boundary_is_the_trained_networks_output_on_the_grid():
    settings = DEFAULTS.replace(m=100)
    result = sweep.hidden_sizes(settings, sizes=(2, 6), steps=200, grid_size=30)
    for r in result.results:
        t = Trainer(settings.replace(n1=r.n1))
        t.step(200)
        assert (r.acc_train, r.acc_test, r.cost_train) == (t.latest.acc_train, t.latest.acc_test, t.latest.cost_train)
        np.testing.assert_array_equal(r.proba, t.output_on(result.grid.points)[1].reshape(30, 30))
        assert r.published is None


def test_the_logistic_baseline_is_scikit_learns_logistic_regression():
    data = make_data(DEFAULTS)
    grid = sweep.data_grid(data, 50)
    b = sweep.logistic_baseline(data, grid)
    clf = LogisticRegression().fit(data.X_train.T, data.Y_train[0])
    assert b.acc_train == clf.score(data.X_train.T, data.Y_train[0])
    assert b.acc_test == clf.score(data.X_test.T, data.Y_test[0])
    np.testing.assert_allclose(b.proba, clf.predict_proba(grid.points.T)[:, 1].reshape(50, 50))
    # its boundary is the line w . x + b = 0
    z = b.w @ grid.points + b.b
    np.testing.assert_array_equal(b.proba.ravel() > 0.5, z > 0)


def test_logistic_regression_cannot_separate_the_flower(table):
    """The course prints 47% for logistic regression on its data (it used
    LogisticRegressionCV; the plain LogisticRegression gives the same)."""
    result, _ = table
    assert result.baseline.acc_train == 0.47


def test_a_sweep_beyond_the_work_limit_is_refused():
    with pytest.raises(ValueError, match="fewer steps"):
        sweep.hidden_sizes(DEFAULTS.replace(m=5000), sizes=(50, 64), steps=20_000)
    # the default sweep is well within it
    sweep.check_work(sweep.SIZES, DEFAULTS.m, sweep.STEPS)


def test_alphas_start_from_the_same_weights_and_part_ways():
    runs = sweep.alpha_overlay(DEFAULTS, alphas=(0.01, 1.2, 6.8), steps=500)
    assert [r.alpha for r in runs] == [0.01, 1.2, 6.8]
    assert runs[0].costs[0] == runs[1].costs[0] == runs[2].costs[0]
    # a small alpha barely moves; 1.2 goes down all the way; 6.8 overshoots and goes up at times
    assert runs[0].costs[-1] > runs[1].costs[-1]
    assert np.all(np.diff(runs[1].costs) <= 1e-12)
    assert np.any(np.diff(runs[2].costs) > 0)

