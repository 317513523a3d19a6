"""Hidden-layer sizes, the logistic-regression baseline, the assignment's table, alphas."""

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression

from shallownet.core import assignment
from shallownet.core.settings import DEFAULTS
from shallownet.core.trainer import Trainer, make_data
from shallownet.lecture import hidden_layer_size as sweep


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



def test_too_much_work_names_the_work_and_the_limit():
    with pytest.raises(sweep.TooMuchWork) as e:
        sweep.check_work((50, 64), 5000, 20_000)
    assert e.value.work == 114 * 5000 * 20_000 and e.value.limit == sweep.MAX_WORK
    assert isinstance(e.value, ValueError)
    with pytest.raises(sweep.TooMuchWork):
        sweep.check_work((4,), 400, sweep.MAX_WORK // 6400 + 1, runs=4)
    sweep.check_work((4,), 400, sweep.MAX_WORK // 6400, runs=4)


def test_a_results_key_ignores_only_what_the_sweep_varies():
    key = sweep.result_key(DEFAULTS, "n1", (1, 2), 100)
    assert key == sweep.result_key(DEFAULTS.replace(n1=9), "n1", (1, 2), 100)
    assert key != sweep.result_key(DEFAULTS.replace(alpha=0.1), "n1", (1, 2), 100)
    assert key != sweep.result_key(DEFAULTS, "n1", (1, 3), 100)
    assert key != sweep.result_key(DEFAULTS, "n1", (1, 2), 200)
    assert sweep.result_key(DEFAULTS, "alpha", (0.1,), 100) == sweep.result_key(
        DEFAULTS.replace(alpha=0.1), "alpha", (0.1,), 100)
    hash(key)


def test_differences_name_the_changed_settings_but_the_varied_one():
    changed = DEFAULTS.replace(n1=9, dataset="flower", alpha=0.1)
    assert sweep.differences(DEFAULTS, changed, "n1") == ("dataset", "alpha")
    assert sweep.differences(DEFAULTS, changed, "alpha") == ("dataset", "n1")
    assert sweep.differences(DEFAULTS, DEFAULTS.replace(n1=2), "n1") == ()


def test_the_table_has_a_row_a_size_in_percent_and_the_baseline_last(table):
    result, _ = table
    rows = sweep.table(result)
    assert [r.n1 for r in rows] == [1, 2, 3, 4, 5, None]
    assert [r.acc_train for r in rows[:5]] == [67.5, 67.25, 90.75, 90.5, 91.25]
    assert [r.published for r in rows[:5]] == [67.5, 67.25, 90.75, 90.5, 91.25]
    assert all(r.acc_test is None and r.diverged_at is None and r.steps == 5000 for r in rows[:5])
    assert [r.cost_train for r in rows[:5]] == [r.cost_train for r in result.results]
    assert rows[-1] == sweep.Row(None, 47.0, None, None, None, None, None)


def test_the_table_says_where_a_size_diverged():
    settings = DEFAULTS.replace(m=100, alpha=10.0, activation="linear")
    result = sweep.hidden_sizes(settings, sizes=(3,), steps=300, grid_size=10)
    [row, base] = sweep.table(result)
    d = result.results[0].divergence
    assert d is not None and row.diverged_at == d.step and row.steps == d.step - 1
    assert row.acc_test == round(100 * result.results[0].acc_test, 2)
    assert base.acc_test == round(100 * result.baseline.acc_test, 2)


def test_unmatched_names_the_sizes_off_the_published_table(table):
    result, _ = table
    assert sweep.has_published(result) and sweep.unmatched(result) == []
    off = result._replace(results=[result.results[0]._replace(acc_train=0.7), *result.results[1:]])
    assert sweep.unmatched(off) == [1]
    plain = sweep.hidden_sizes(DEFAULTS.replace(m=100), sizes=(2,), steps=10, grid_size=10)
    assert not sweep.has_published(plain) and sweep.unmatched(plain) == []


def test_other_data_under_the_same_settings_is_another_key_and_a_change_of_dataset():
    """The user's own points are not described by the settings: the data itself is."""
    data = make_data(DEFAULTS)
    moved = data._replace(X_train=data.X_train + 0.5)
    assert sweep.data_digest(data) == sweep.data_digest(make_data(DEFAULTS))
    assert sweep.data_digest(data) != sweep.data_digest(moved)
    key = sweep.result_key(DEFAULTS, "n1", (1,), 10, data)
    assert key == sweep.result_key(DEFAULTS, "n1", (1,), 10, make_data(DEFAULTS))
    assert key != sweep.result_key(DEFAULTS, "n1", (1,), 10, moved)
    assert sweep.differences(DEFAULTS, DEFAULTS, "n1", data, moved) == ("dataset",)
    assert sweep.differences(DEFAULTS, DEFAULTS, "n1", data, data) == ()
    assert sweep.differences(DEFAULTS, DEFAULTS.replace(seed=3), "n1", data, moved) == ("dataset", "seed")
