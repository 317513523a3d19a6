import math

import numpy as np
import pytest

import shallownet as sn
from shallownet.core.fused import Stats
from shallownet.core.history import History, Record
from shallownet.core.settings import DEFAULTS, Settings
from shallownet.core.trainer import Change, Trainer


def plain_run(trainer, steps):
    """The same training written with the public, one-equation-a-line functions."""
    d, act = trainer.data, trainer.settings.activation
    s = trainer.settings
    p = sn.init_params(2, s.n1, method=s.init, scale=s.init_scale, seed=s.seed + 1)
    states = []
    for _ in range(steps + 1):
        cache = sn.forward(p, d.X_train, act)
        g = sn.backward(p, cache, d.X_train, d.Y_train, act)
        states.append((p, g, sn.compute_cost(cache, d.Y_train)))
        p = sn.update(p, g, s.alpha)
    return states


@pytest.mark.parametrize("activation", list(sn.ACTIVATIONS))
@pytest.mark.parametrize("test_fraction", [0.0, 0.3])
def test_the_fast_trainer_gives_the_same_numbers_as_the_plain_functions(activation, test_fraction):
    trainer = Trainer(Settings(activation=activation, test_fraction=test_fraction, n1=5, m=300, alpha=0.5))
    states = plain_run(trainer, 200)
    for t in (0, 1, 2, 50, 200):
        trainer.step(t - trainer.step_count)
        p, g, J = states[t]
        assert trainer.step_count == t
        for a, b in zip(trainer.params, p):
            np.testing.assert_allclose(a, b, rtol=1e-9, atol=1e-14)
        for a, b in zip(trainer.grads, g):
            np.testing.assert_allclose(a, b, rtol=1e-8, atol=1e-14)
        assert trainer.latest.cost_train == pytest.approx(J, rel=1e-12)
        assert trainer.latest.norm_dW1 == pytest.approx(np.linalg.norm(g.dW1), rel=1e-8)
        assert trainer.latest.norm_db2 == pytest.approx(np.linalg.norm(g.db2), rel=1e-8, abs=1e-15)


def test_test_metrics_and_accuracy_match_predict():
    trainer = Trainer(Settings(test_fraction=0.25))
    trainer.step(300)
    d, p = trainer.data, trainer.params
    r = trainer.latest
    assert r.acc_train == np.mean(sn.predict(p, d.X_train) == d.Y_train)
    assert r.acc_test == np.mean(sn.predict(p, d.X_test) == d.Y_test)
    assert r.cost_test == pytest.approx(sn.compute_cost(sn.forward(p, d.X_test), d.Y_test), rel=1e-12)


def test_without_a_test_set_the_test_metrics_are_nan():
    trainer = Trainer(Settings(test_fraction=0.0))
    trainer.step(5)
    assert math.isnan(trainer.latest.cost_test) and math.isnan(trainer.latest.acc_test)
    assert math.isfinite(trainer.latest.cost_train)


@pytest.mark.parametrize("k", [0, 1, 10, 100])
def test_step_k_advances_exactly_k_steps(k):
    trainer = Trainer()
    assert trainer.step(k) == k
    assert trainer.step_count == k == trainer.latest.step
    assert trainer.history.column("step")[-1] == k


def test_changing_alpha_applies_from_the_next_step_without_a_reset():
    trainer = Trainer()
    trainer.step(10)
    p10 = trainer.params
    g10 = trainer.grads
    assert trainer.apply(trainer.settings.replace(alpha=0.1)) == Change("alpha", ("alpha",))
    assert trainer.step_count == 10
    trainer.step(1)
    assert trainer.step_count == 11
    for w, dw, w11 in zip(p10, g10, trainer.params):
        np.testing.assert_allclose(w11, w - 0.1 * dw, rtol=1e-12)


@pytest.mark.parametrize("change, kind", [
    (dict(n1=8), "network"), (dict(activation="relu"), "network"), (dict(init="zeros"), "network"),
    (dict(init_scale=0.5), "network"), (dict(dataset="circles"), "data"), (dict(m=200), "data"),
    (dict(noise=0.1), "data"), (dict(seed=3), "data"), (dict(test_fraction=0.1), "data"),
    (dict(standardize=True), "data"),
])
def test_other_changes_start_a_new_network(change, kind):
    trainer = Trainer()
    trainer.step(20)
    assert trainer.apply(trainer.settings.replace(**change)) == Change(kind, tuple(change))
    assert trainer.step_count == 0 and len(trainer.history) == 1
    assert trainer.settings == DEFAULTS.replace(**change)
    if "n1" in change:
        assert trainer.params.W1.shape == (8, 2)
    if "m" in change:
        assert trainer.data.X_train.shape[1] + trainer.data.X_test.shape[1] == 200


def test_applying_the_same_settings_changes_nothing():
    trainer = Trainer()
    trainer.step(5)
    assert trainer.apply(Settings()) == Change("none", ())
    assert trainer.step_count == 5


def test_a_change_names_every_setting_that_changed_in_settings_order():
    trainer = Trainer()
    change = trainer.apply(trainer.settings.replace(alpha=0.5, n1=6, noise=0.1))
    assert change == Change("data", ("noise", "n1", "alpha"))
    assert trainer.apply(trainer.settings.replace(alpha=0.1, init="zeros")) == Change("network", ("init", "alpha"))


def test_the_network_measures_what_a_record_keeps_after_its_step():
    assert Stats._fields == Record._fields[1:]
    trainer = Trainer()
    trainer.step(3)
    stats = trainer.net.evaluate()
    assert isinstance(stats, Stats)
    assert Record(3, *stats) == trainer.latest


def test_same_settings_give_the_same_run():
    a, b = Trainer(Settings(dataset="spiral", n1=16)), Trainer(Settings(dataset="spiral", n1=16))
    a.step(500)
    b.step(250)
    b.step(250)
    for name in ("step", "cost_train", "cost_test", "norm_dW1"):
        np.testing.assert_array_equal(a.history.column(name), b.history.column(name))
    np.testing.assert_array_equal(a.params.W1, b.params.W1)


def test_the_test_set_numbers_kept_are_those_of_every_step_measured_in_full():
    # one call of 1,000 steps skips the test set's pass on the steps the history
    # drops; 1,000 calls of one step measure it at every step. Both keep the same rows.
    skipping, full = Trainer(history_capacity=16), Trainer(history_capacity=16)
    skipping.step(1000)
    for _ in range(1000):
        full.step(1)
    assert skipping.history.stride == full.history.stride > 1
    for name, col in skipping.history.columns().items():
        assert np.all(np.isfinite(col)), name
        np.testing.assert_array_equal(col, full.history.column(name), err_msg=name)
    assert skipping.latest == full.latest
    assert math.isnan(skipping.net.evaluate(test=False).cost_test)
    assert skipping.net.evaluate(test=False)[:1] + skipping.net.evaluate(test=False)[4:] == \
        skipping.net.evaluate()[:1] + skipping.net.evaluate()[4:]


def test_the_test_set_measured_for_many_parameter_vectors_at_once_is_exact_per_row():
    trainer = Trainer(Settings(test_fraction=0.3, n1=6))
    d, p = trainer.data, trainer.params
    # the second set of weights is large enough for e^T to overflow on misclassified points
    big = sn.Params(p.W1 * 1e4, p.b1, p.W2 * 1e4, p.b2)
    thetas = []
    for params in (p, big):
        trainer.start_from(params)
        thetas.append(trainer.net.theta.copy())
    costs, accs = trainer.net.test_numbers(np.stack(thetas * 3))
    for i, params in enumerate((p, big) * 3):
        J = sn.compute_cost(sn.forward(params, d.X_test), d.Y_test)
        assert math.isfinite(costs[i]) and costs[i] == pytest.approx(J, rel=1e-12)
        assert accs[i] == np.mean(sn.predict(params, d.X_test) == d.Y_test)
    assert costs[1] > 100 * costs[0]
    one = [trainer.net.test_numbers(t[None]) for t in thetas]
    assert [c[0][0] for c in one] * 3 == costs and [a[1][0] for a in one] * 3 == accs


DIVERGING = Settings(activation="linear", alpha=10.0)


def test_divergence_stops_at_the_last_finite_state_and_says_where():
    trainer = Trainer(DIVERGING)
    done = trainer.step(1000)
    d = trainer.divergence
    assert d is not None and d.quantity == "cost" and d.alpha == 10.0
    assert done == d.step - 1 == trainer.step_count
    assert all(np.all(np.isfinite(w)) for w in trainer.params)
    assert all(math.isfinite(v) for v in trainer.latest[:3] + trainer.latest[5:])
    for name, col in trainer.history.columns().items():
        if name not in ("cost_test", "acc_test") or DIVERGING.test_fraction:
            assert np.all(np.isfinite(col)), name
    # the parameters kept are those of the last finite step: they still evaluate finite
    cost = sn.compute_cost(sn.forward(trainer.params, trainer.data.X_train, "linear"), trainer.data.Y_train)
    assert cost == pytest.approx(trainer.latest.cost_train, rel=1e-9)


def test_divergence_on_a_step_the_history_drops_is_caught_as_on_a_step_it_keeps():
    # with 4 rows the stride soon outgrows the steps, so the step that diverges is one
    # the history drops; stepping one at a time, every step is kept (it is the last)
    lean, full = Trainer(DIVERGING, history_capacity=4), Trainer(DIVERGING, history_capacity=4)
    lean.step(1000)
    while full.step(1):
        pass
    assert lean.divergence == full.divergence and lean.divergence is not None
    assert lean.divergence.step % lean.history.stride and lean.divergence.step > 1
    assert lean.step_count == full.step_count and lean.latest == full.latest
    for name, col in lean.history.columns().items():
        np.testing.assert_array_equal(col, full.history.column(name), err_msg=name)


def test_a_step_is_sure_of_its_numbers_only_when_the_cost_and_every_norm_are_finite():
    trainer = Trainer()
    net, p = trainer.net, trainer.params
    with np.errstate(over="ignore", invalid="ignore"):
        assert net.backprop() is True
        # W2 of 1e200: the cost stays finite, dW1 (= W2 times a sum) is 1e198 and its square overflows
        net.set_params(sn.Params(p.W1, p.b1, np.full_like(p.W2, 1e200), p.b2))
        assert net.backprop() is False
        stats = net.stats(net.cost())
        assert math.isfinite(stats.cost_train) and math.isinf(stats.norm_dW1)
        # e^T overflows on the misclassified points: the cost is still finite (log(1 + e^T)
        # computed without overflow), and so are dZ2 and the gradients
        big = sn.Params(p.W1 * 1e4, p.b1, p.W2 * 1e6, p.b2)
        net.set_params(big)
        assert net.backprop() is False
        assert np.isinf(net.train.E).any()
        stats = net.stats(net.cost())
        cache = sn.forward(big, trainer.data.X_train)
        assert stats.cost_train == pytest.approx(sn.compute_cost(cache, trainer.data.Y_train), rel=1e-12)
        g = sn.backward(big, cache, trainer.data.X_train, trainer.data.Y_train)
        for a, b in zip(net.grads(), g):
            np.testing.assert_allclose(a, b, rtol=1e-9, atol=1e-14)
    net.set_params(sn.Params(p.W1, p.b1, np.full_like(p.W2, 1e200), p.b2))
    trainer.start_from(net.params())
    assert trainer.divergence.quantity == "dW1" and trainer.step(5) == 0


def test_after_divergence_steps_are_refused_until_reset_or_a_smaller_alpha():
    trainer = Trainer(DIVERGING)
    trainer.step(1000)
    stopped_at = trainer.step_count
    assert trainer.step(10) == 0 and trainer.step_count == stopped_at
    trainer.set_alpha(10.0)
    assert trainer.step(1) == 0
    trainer.set_alpha(1e-4)
    assert trainer.divergence is None
    assert trainer.step(1) == 1 and trainer.step_count == stopped_at + 1
    trainer.reset()
    assert trainer.divergence is None and trainer.step_count == 0


def test_a_smaller_alpha_that_still_diverges_stops_again():
    trainer = Trainer(DIVERGING)
    trainer.step(1000)
    stopped_at = trainer.step_count
    trainer.set_alpha(5.0)  # the weights are already huge: within a few steps it overflows too
    done = trainer.step(10)
    assert done < 10 and trainer.step_count == stopped_at + done
    assert trainer.divergence == (stopped_at + done + 1, "cost", 5.0)


def test_history_stays_bounded_and_evenly_spaced_however_long_it_runs():
    trainer = Trainer(history_capacity=64)
    trainer.step(10_000)
    steps = trainer.history.column("step")
    assert len(steps) <= 64
    assert steps[0] == 0
    gaps = np.diff(steps)
    assert np.all(gaps == gaps[0]) and gaps[0] == trainer.history.stride
    assert trainer.history.stride & (trainer.history.stride - 1) == 0  # a power of two
    assert steps[-1] > 10_000 - trainer.history.stride
    assert trainer.latest.step == 10_000


def test_history_amends_the_rows_it_still_keeps_and_skips_the_others():
    h = History(capacity=4)
    h.amend([0], cost_test=[1.0])  # nothing recorded yet: nothing to amend
    for t in range(6):
        h.record((t,) + (math.nan,) * 8)
    assert h.column("step").tolist() == [0, 2, 4]  # 1, 3 and 5 dropped
    h.amend([1, 2, 3, 4, 5], cost_test=[10.0, 20.0, 30.0, 40.0, 50.0], acc_test=[0.1, 0.2, 0.3, 0.4, 0.5])
    assert h.column("cost_test")[1:].tolist() == [20.0, 40.0]
    assert h.column("acc_test")[1:].tolist() == [0.2, 0.4]
    assert math.isnan(h.column("cost_test")[0]) and math.isnan(h.column("cost_train")[1])


def test_history_memory_is_fixed():
    h = History(capacity=8)
    for t in range(1000):
        h.record((t,) + (0.0,) * 8)
    assert len(h) <= 8 and h._rows.shape == (8, 9)
    with pytest.raises(ValueError):
        History(capacity=7)


def test_zero_init_in_the_trainer_keeps_units_identical():
    trainer = Trainer(Settings(init="zeros", activation="sigmoid", m=101, test_fraction=0.0, n1=6))
    trainer.step(300)
    W1 = trainer.params.W1
    assert np.max(np.ptp(W1, axis=0)) < 1e-9 * np.max(np.abs(W1))
    assert np.max(np.abs(W1)) > 0.1


def test_run_reports_progress_in_chunks_and_stops_at_divergence():
    calls = []
    trainer = Trainer(DEFAULTS)
    assert trainer.run(1200, lambda d, t: calls.append((d, t)), chunk=500) == 1200
    assert calls == [(500, 1200), (1000, 1200), (1200, 1200)] and trainer.step_count == 1200
    diverging = Trainer(DIVERGING)
    done = diverging.run(5000, chunk=100)
    assert diverging.divergence is not None and done == diverging.step_count < 5000


def test_progress_share_reports_one_run_among_several():
    from shallownet.core.trainer import progress_share

    seen = []
    share = progress_share(lambda d, t: seen.append((d, t)), 300, 900)
    share(100, 300)
    share(300, 300)
    assert seen == [(400, 900), (600, 900)]
    assert progress_share(None, 0, 10) is None


def test_own_points_train_and_survive_a_change_of_the_network_but_not_of_the_data_set():
    from shallownet.core import datasets

    X = np.array([[0.0, 1.0, 0.2, 0.9, 0.1, 1.1], [0.0, 1.0, 0.1, 1.2, -0.1, 0.8]])
    Y = np.array([[0, 1, 0, 1, 0, 1]])
    tr = Trainer(Settings(test_fraction=0.0))
    change = tr.use_points(X, Y)
    assert change.kind == "data" and tr.settings.dataset == datasets.OWN
    np.testing.assert_array_equal(tr.data.X_train, X)
    tr.step(200)
    assert tr.latest.acc_train == 1.0
    tr.apply(tr.settings.replace(n1=3))  # a new network, on the same points
    np.testing.assert_array_equal(tr.data.X_train, X)
    tr.apply(tr.settings.replace(dataset="moons"))
    assert tr.data.X_train.shape[1] == 400
    tr.apply(tr.settings.replace(dataset=datasets.OWN))  # the points are still there
    np.testing.assert_array_equal(tr.data.X_train, X)


def test_own_data_without_points_is_refused():
    from shallownet.core.trainer import OwnDataMissing

    with pytest.raises(OwnDataMissing):
        Trainer(Settings(dataset="own"))


def test_start_from_saved_parameters_gives_the_same_run():
    a = Trainer(Settings(dataset="circles"))
    a.step(100)
    b = Trainer(Settings(dataset="circles"))
    b.start_from(a.params, a.step_count)
    assert b.latest == a.latest
    a.step(50)
    b.step(50)
    assert b.latest == a.latest
    with pytest.raises(ValueError, match="shape"):
        Trainer(Settings(n1=3)).start_from(a.params)
