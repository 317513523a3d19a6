"""The gradient check against wrong backward passes, tiny gradients and ReLU's kink."""

import numpy as np
import pytest

import shallownet as sn
from shallownet.core.settings import DEFAULTS
from shallownet.core.trainer import Trainer
from shallownet.lecture import gradient_check as gradcheck
from shallownet.lecture.gradient_check import TOLERANCE, VARIANTS, gradient_check

WRONG = [name for name in VARIANTS if name != "correct"]


def network(steps, activation="tanh", seed=0, dataset="moons"):
    """The Playground's default network after ``steps`` steps, and its training set."""
    t = Trainer(DEFAULTS.replace(activation=activation, seed=seed, dataset=dataset))
    t.step(steps)
    return t.params, t.data.X_train, t.data.Y_train


# (activation, steps, seed); the ReLU network is one with no pre-activation within
# reach of the kink, where no check could pass (see the kink tests below)
NETWORKS = [("tanh", 0, 0), ("tanh", 300, 0), ("sigmoid", 300, 0), ("relu", 300, 1)]


@pytest.fixture(scope="module", params=NETWORKS, ids=lambda a: f"{a[0]}-{a[1]}")
def checks(request):
    activation, steps, seed = request.param
    p, X, Y = network(steps, activation, seed)
    if activation == "relu":
        assert gradcheck.near_kink(p, X) == 0
    return gradcheck.check_variants(p, X, Y, activation)


def test_the_lectures_backward_pass_passes(checks):
    assert checks["correct"].passed(), checks["correct"].relative_error


@pytest.mark.parametrize("variant", WRONG)
def test_every_wrong_backward_pass_fails_where_its_mistake_is(checks, variant):
    r = checks[variant]
    assert not r.passed()
    passes = r.passes()
    assert {name for name, ok in passes.items() if not ok} == set(VARIANTS[variant].wrong)


def test_without_keepdims_db1_has_the_wrong_shape():
    p, X, Y = network(300)
    r = gradient_check(p, X, Y, "tanh", variant="db1_no_keepdims")
    assert r.shape_errors == {"b1": ((4,), (4, 1))}


def test_the_variants_machinery_without_a_mistake_is_the_lectures_backward_pass():
    p, X, Y = network(100)
    cache = sn.forward(p, X, "tanh")
    for a, b in zip(gradcheck._backward_with(p, cache, X, Y, "tanh"), sn.backward(p, cache, X, Y, "tanh")):
        np.testing.assert_array_equal(a, b)


def test_a_gradient_below_the_floor_is_measured_against_the_floor():
    """A new network's db1 is ~1e-8 (the classes balance): its plain relative error
    is far above the tolerance although backprop is right, the difference being the
    rounding of J; over the floor it is below, and the check passes on that one number."""
    p, X, Y = network(0)
    r = gradient_check(p, X, Y, "tanh")
    a, n = r.analytic["b1"], r.numerical["b1"]
    assert np.linalg.norm(a) < 1e-6 and r.size("b1") < r.floor["b1"]
    assert gradcheck.relative_error(a, n) > TOLERANCE
    assert r.relative_error["b1"] == pytest.approx(r.difference("b1") / r.floor["b1"])
    assert r.relative_error["b1"] < TOLERANCE and r.passes()["b1"]
    # and the floor is far below a real mistake in that same tiny gradient
    wrong = gradient_check(p, X, Y, "tanh", variant="one_minus_a")
    assert wrong.relative_error["b1"] > 10 * TOLERANCE


@pytest.mark.parametrize("activation", list(sn.ACTIVATIONS))
@pytest.mark.parametrize("init", ["random", "zeros"])
@pytest.mark.parametrize("steps", [0, 300])
def test_one_number_decides_a_check_its_relative_error_against_the_tolerance(activation, init, steps):
    """Pass, the bar's height and the tolerance agree: a parameter passes exactly when
    its relative error is below TOLERANCE, whatever the network and the variant; a
    gradient above the floor has its plain relative error, and a wrong shape never passes."""
    t = Trainer(DEFAULTS.replace(activation=activation, init=init))
    t.step(steps)
    p, X, Y = t.params, t.data.X_train, t.data.Y_train
    for variant, r in gradcheck.check_variants(p, X, Y, activation).items():
        for row in gradcheck.rows(r):
            assert row.passes == (row.relative_error < TOLERANCE), (variant, row)
            if row.shape != row.expected_shape:
                assert row.relative_error == np.inf and not row.passes
            elif not row.floored:
                plain = gradcheck.relative_error(r.analytic[row.name], r.numerical[row.name])
                assert row.relative_error == pytest.approx(plain, rel=1e-12)


def test_the_variant_without_one_over_m_drops_it_from_dw2_and_db2_only():
    """dZ2 = A2 - Y has no 1/m to drop: the variant makes dW2 and db2 m times too
    large and leaves dW1 and db1 as they are; its label says which."""
    p, X, Y = network(100)
    cache = sn.forward(p, X, "tanh")
    right = sn.backward(p, cache, X, Y, "tanh")
    wrong = VARIANTS["no_one_over_m"].backward(p, cache, X, Y, "tanh")
    m = X.shape[1]
    np.testing.assert_allclose(wrong.dW2, m * right.dW2, rtol=1e-12)
    np.testing.assert_allclose(wrong.db2, m * right.db2, rtol=1e-12)
    np.testing.assert_array_equal(wrong.dW1, right.dW1)
    np.testing.assert_array_equal(wrong.db1, right.db1)
    label = VARIANTS["no_one_over_m"].label
    assert "dW2" in label and "db2" in label and "dZ2" not in label


def passing(p, X, Y, activation):
    """The wrong variants that pass at this network, each with why_it_passes's reason."""
    results = gradcheck.check_variants(p, X, Y, activation)
    return {v: gradcheck.why_it_passes(p, X, activation, v, results["correct"])
            for v in WRONG if results[v].passed()}


@pytest.mark.parametrize("activation", ["tanh", "sigmoid", "relu"])
def test_with_zero_weights_on_equal_classes_four_mistakes_pass_each_for_its_reason(activation):
    """Every gradient is 0: the sign and the missing 1/m change nothing in 0, and with
    W2 = 0 no mistake in g1' reaches dZ1; only db1's wrong shape fails."""
    t = Trainer(DEFAULTS.replace(init="zeros", activation=activation))
    p, X, Y = t.params, t.data.X_train, t.data.Y_train
    assert 2 * Y.sum() == Y.size
    assert passing(p, X, Y, activation) == {"one_minus_a": "w2_zero", "no_g_prime": "w2_zero", "sign": "zero",
                                            "no_one_over_m": "zero"}


def test_a_converged_linear_network_passes_three_mistakes_and_says_why():
    """Logistic regression at its minimum: the gradients are ~1e-15, and g1' = 1."""
    p, X, Y = network(300, "linear")
    assert passing(p, X, Y, "linear") == {"no_g_prime": "g_prime_one", "sign": "zero", "no_one_over_m": "zero"}


def test_a_mistake_that_gives_the_same_numbers_for_no_named_reason_is_said_so():
    """tanh with W1 = 0 and b1 = 0: A1 = 0, where 1 - A1 = 1 - A1^2, while W2 is not 0."""
    p, X, Y = network(0)
    p = p._replace(W1=np.zeros_like(p.W1), b1=np.zeros_like(p.b1))
    assert passing(p, X, Y, "tanh")["one_minus_a"] == "same"


def test_an_unknown_variant_is_refused_with_the_list():
    p, X, Y = network(0)
    with pytest.raises(ValueError, match="correct, one_minus_a"):
        gradient_check(p, X, Y, variant="tanh")


@pytest.mark.parametrize("steps", [0, 300])
def test_a_relu_pre_activation_at_the_kink_gives_a_large_error(steps):
    p, X, Y = network(steps, "relu", seed=1)
    case = gradcheck.relu_kink(p, X, Y)
    assert abs(case.z) < case.eps and case.near_kink >= 1
    # only b1[unit] moved
    moved = case.params.b1 != p.b1
    assert moved[case.unit, 0] and moved.sum() == 1
    np.testing.assert_array_equal(case.params.W1, p.W1)
    # the error is in the hidden layer, far above the tolerance; the output layer is fine
    assert case.result.relative_error["W1"] > 1e-4 and case.result.relative_error["b1"] > 1e-4
    assert not case.result.passed()
    assert case.result.passes()["W2"] and case.result.passes()["b2"]
    # the same network with a smooth activation checks fine: the kink is the cause
    assert gradient_check(case.params, X, Y, "tanh").passed()


def test_the_kink_case_checks_the_unshifted_network_too():
    p, X, Y = network(300, "relu", seed=1)
    case = gradcheck.relu_kink(p, X, Y)
    assert gradcheck.near_kink(p, X) == 0 and case.before.passed()


@pytest.mark.parametrize("dataset", ["moons", "flower"])
def test_a_relu_network_fails_the_check_exactly_when_a_pre_activation_is_near_the_kink(dataset):
    """Trained ReLU networks meet the kink by chance: a dead unit keeps its small
    initial weights, and an example near the origin puts its Z1 within reach of 0."""
    seen = set()
    for seed in range(6):
        p, X, Y = network(300, "relu", seed, dataset)
        near = gradcheck.near_kink(p, X) > 0
        assert gradient_check(p, X, Y, "relu").passed() == (not near), seed
        seen.add(near)
    assert seen == {True, False}


def test_the_kink_case_needs_a_hidden_unit_that_reaches_the_cost():
    p, X, Y = network(0)
    with pytest.raises(ValueError, match="W2 is 0"):
        gradcheck.relu_kink(p._replace(W2=np.zeros_like(p.W2)), X, Y)


# -- the fast central differences ------------------------------------------------------

@pytest.mark.parametrize("activation", list(sn.ACTIVATIONS))
@pytest.mark.parametrize("steps", [0, 300])
def test_the_fast_central_differences_are_the_plain_ones(activation, steps):
    """Same shifts, same costs: they differ only by the rounding of J (see CheckResult.rounding)."""
    t = Trainer(DEFAULTS.replace(activation=activation, n1=6, seed=2))
    t.step(steps)
    p, X, Y = t.params, t.data.X_train, t.data.Y_train
    plain = gradcheck.numerical_gradient(p, X, Y, activation)
    fast = gradcheck.fast_numerical_gradient(p, X, Y, activation)
    J = sn.compute_cost(sn.forward(p, X, activation), Y)
    per_entry = gradcheck.ROUNDING_UNITS * np.finfo(float).eps / 2 * J / 1e-5
    for name, a, b in zip(sn.Params._fields, plain, fast):
        assert a.shape == b.shape, name
        assert np.abs(a - b).max() <= per_entry, name
    # and they are a gradient, not zeros: backprop agrees with them
    assert gradient_check(p, X, Y, activation, numerical=fast).passed() == gradient_check(
        p, X, Y, activation, numerical=plain).passed()


def test_the_fast_central_differences_run_one_forward_pass(monkeypatch):
    """What makes the check of n1 = 64 quick: no forward pass per shifted entry."""
    p, X, Y = network(0)
    calls = []
    real = gradcheck.forward
    monkeypatch.setattr(gradcheck, "forward", lambda *a, **k: calls.append(1) or real(*a, **k))
    gradcheck.fast_numerical_gradient(p, X, Y, "tanh")
    assert len(calls) == 1
    calls.clear()
    gradcheck.numerical_gradient(p, X, Y, "tanh")
    assert len(calls) == 2 * sum(W.size for W in p)


def test_every_variant_is_checked_against_the_same_central_differences():
    p, X, Y = network(100)
    results = gradcheck.check_variants(p, X, Y, "tanh")
    first = results["correct"].numerical
    for r in results.values():
        for name in sn.Params._fields:
            assert r.numerical[name] is first[name]


def test_a_checks_rows_are_what_its_table_shows():
    p, X, Y = network(0)
    r = gradient_check(p, X, Y, "tanh", variant="db1_no_keepdims")
    rows = {row.name: row for row in gradcheck.rows(r)}
    assert list(rows) == ["W1", "b1", "W2", "b2"]
    b1 = rows["b1"]
    assert (b1.shape, b1.expected_shape) == ((4,), (4, 1)) and not b1.passes and not b1.floored
    assert b1.relative_error == np.inf
    for name, row in rows.items():
        assert row.analytic_norm == pytest.approx(np.linalg.norm(r.analytic[name]))
        assert row.numerical_norm == pytest.approx(np.linalg.norm(r.numerical[name]))
        assert row.relative_error == r.relative_error[name] and row.passes == r.passes()[name]
    # a new network's tiny db1 is measured against the floor: the row says so
    right = {row.name: row for row in gradcheck.rows(gradient_check(p, X, Y, "tanh"))}
    assert right["b1"].passes and right["b1"].floored and right["b1"].size < right["b1"].floor
    assert right["W2"].passes and not right["W2"].floored
