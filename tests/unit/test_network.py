"""The core against the maths: shapes, gradients, the cost at saturation, symmetry."""

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import shallownet as sn
from shallownet.core import activations
from shallownet.lecture.gradient_check import gradient_check, numerical_gradient

ACTS = list(sn.ACTIVATIONS)


def random_problem(seed, n0, n1, m, scale=1.0):
    rng = np.random.RandomState(seed)
    p = sn.Params(
        W1=rng.randn(n1, n0) * scale, b1=rng.randn(n1, 1) * scale,
        W2=rng.randn(1, n1) * scale, b2=rng.randn(1, 1) * scale,
    )
    X = rng.randn(n0, m)
    Y = (rng.rand(1, m) > 0.5).astype(np.int64)
    return p, X, Y


shapes = st.tuples(
    st.integers(0, 2**31 - 1), st.integers(1, 4), st.integers(1, 8), st.integers(1, 30)
)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(shapes, st.sampled_from(ACTS))
def test_every_quantity_has_the_lectures_shape(shape, activation):
    seed, n0, n1, m = shape
    p, X, Y = random_problem(seed, n0, n1, m)
    cache = sn.forward(p, X, activation)
    assert cache.Z1.shape == cache.A1.shape == (n1, m)
    assert cache.Z2.shape == cache.A2.shape == (1, m)
    g = sn.backward(p, cache, X, Y, activation)
    assert g.dW1.shape == (n1, n0) and g.db1.shape == (n1, 1)
    assert g.dW2.shape == (1, n1) and g.db2.shape == (1, 1)
    assert sn.predict_proba(p, X, activation).shape == (1, m)
    assert sn.predict(p, X, activation).shape == (1, m)
    assert isinstance(sn.compute_cost(cache, Y), float)


@settings(max_examples=40, deadline=None, derandomize=True)
@given(shapes, st.sampled_from(ACTS))
def test_backprop_matches_central_differences(shape, activation):
    seed, n0, n1, m = shape
    p, X, Y = random_problem(seed, n0, n1, m)
    if activation in ("relu", "leaky_relu"):
        # central differences are only meaningful away from the kink at z = 0
        Z1 = sn.forward(p, X, activation).Z1
        assume(np.min(np.abs(Z1)) > 1e-3)
    result = gradient_check(p, X, Y, activation)
    # A gradient smaller than this is below what a central difference can resolve
    # (the rounding of J alone is 1e-16 |J| / eps): no check could pass or fail it.
    assume(min(np.linalg.norm(a) for a in result.analytic.values()) > 1e-4)
    assert result.worst < 1e-7, result.relative_error


def test_gradient_check_fails_for_a_wrong_gradient():
    p, X, Y = random_problem(1, 2, 4, 20)
    numerical = numerical_gradient(p, X, Y, "tanh")
    analytic = sn.backward(p, sn.forward(p, X, "tanh"), X, Y, "tanh")
    wrong = analytic.dW1 * 1.01
    rel = np.linalg.norm(wrong - numerical.W1) / (np.linalg.norm(wrong) + np.linalg.norm(numerical.W1))
    assert rel > 1e-3
    a, n = analytic.dW1, numerical.W1
    good = np.linalg.norm(a - n) / (np.linalg.norm(a) + np.linalg.norm(n))
    assert good < 1e-7


def test_db1_is_a_column_not_a_rank_one_array():
    p, X, Y = random_problem(0, 2, 5, 10)
    g = sn.backward(p, sn.forward(p, X, "tanh"), X, Y, "tanh")
    assert g.db1.ndim == 2 and g.db1.shape == (5, 1)


@pytest.mark.parametrize("z, y, expected", [
    (1000.0, 1, 0.0),  # e^-1000 underflows; the loss is 0 to double precision
    (1000.0, 0, 1000.0),  # log(1 - a) with a = 1.0 exactly would be -inf
    (-1000.0, 1, 1000.0),
    (-1000.0, 0, 0.0),
    (40.0, 1, np.log1p(np.exp(-40.0))),  # 4.2e-18, lost by log(1 + e^z) - y z
    (0.0, 1, np.log(2.0)),
])
def test_cost_is_finite_and_exact_when_the_sigmoid_saturates(z, y, expected):
    cache = sn.Cache(Z1=None, A1=None, Z2=np.array([[z]]), A2=activations.sigmoid(np.array([[z]])))
    J = sn.compute_cost(cache, np.array([[y]]))
    assert np.isfinite(J)
    assert J == pytest.approx(expected, rel=1e-12, abs=1e-300)


def test_cost_matches_the_log_formula_where_that_is_finite():
    p, X, Y = random_problem(3, 2, 4, 50, scale=0.5)
    cache = sn.forward(p, X, "tanh")
    A2 = cache.A2
    direct = -np.mean(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))
    assert sn.compute_cost(cache, Y) == pytest.approx(direct, rel=1e-12)


def spread(W):
    """How far the rows of W are from one another, relative to W's size."""
    return float(np.max(np.ptp(W, axis=0)) / np.max(np.abs(W)))


def test_zero_initialisation_keeps_every_hidden_unit_identical():
    """Identical up to rounding: BLAS sums the rows of a product in different
    orders, which leaves differences of 1e-18 that descent amplifies only slowly
    (about 1e-13 relative after 300 steps here); random init differs at O(1)."""
    from shallownet.core import datasets

    # sigmoid, and one class larger than the other, so that every parameter moves
    X, Y = datasets.load("moons", 101, 0.2, 0)

    def train(p):
        for _ in range(300):
            p = sn.update(p, sn.backward(p, sn.forward(p, X, "sigmoid"), X, Y, "sigmoid"), 1.2)
        return p

    p = train(sn.init_params(2, 6, method="zeros"))
    assert spread(p.W1) < 1e-9 and spread(p.b1) < 1e-9 and spread(p.W2.T) < 1e-9
    # the weights did move, so this is not the trivial case of nothing happening
    assert np.all(np.abs(p.W1) > 0.1)
    q = train(sn.init_params(2, 6, method="random", seed=0))
    assert spread(q.W1) > 0.1


def test_random_initialisation_breaks_symmetry_and_follows_the_assignment():
    p = sn.init_params(2, 4, seed=2)
    rng = np.random.RandomState(2)
    np.testing.assert_array_equal(p.W1, rng.randn(4, 2) * 0.01)
    np.testing.assert_array_equal(p.W2, rng.randn(1, 4) * 0.01)
    assert np.all(p.b1 == 0) and np.all(p.b2 == 0)
    assert len(np.unique(p.W1[:, 0])) == 4


def test_update_returns_new_params_and_leaves_the_old_ones_alone():
    p, X, Y = random_problem(0, 2, 3, 10)
    before = [w.copy() for w in p]
    g = sn.backward(p, sn.forward(p, X, "tanh"), X, Y, "tanh")
    q = sn.update(p, g, 0.5)
    for w, w0 in zip(p, before):
        np.testing.assert_array_equal(w, w0)
    np.testing.assert_allclose(q.W1, p.W1 - 0.5 * g.dW1)
    assert isinstance(q, sn.Params)


def test_gradient_descent_lowers_the_cost_with_a_small_alpha():
    p, X, Y = random_problem(5, 2, 4, 40)
    J0 = sn.compute_cost(sn.forward(p, X, "tanh"), Y)
    q = sn.update(p, sn.backward(p, sn.forward(p, X, "tanh"), X, Y, "tanh"), 0.01)
    assert sn.compute_cost(sn.forward(q, X, "tanh"), Y) < J0


def test_predict_is_a2_above_one_half():
    p, X, _ = random_problem(7, 2, 5, 200)
    A2 = sn.predict_proba(p, X, "tanh")
    pred = sn.predict(p, X, "tanh")
    assert pred.dtype.kind == "i"
    np.testing.assert_array_equal(pred, (A2 > 0.5).astype(int))


def test_forward_names_the_expected_shape_of_x():
    p = sn.init_params(2, 3)
    with pytest.raises(ValueError, match=r"\(n0, m\) = \(2, m\)"):
        sn.forward(p, np.zeros((5, 2)), "tanh")


def test_an_unknown_activation_is_refused_with_the_list_of_names():
    p = sn.init_params(2, 3)
    with pytest.raises(ValueError, match="tanh, sigmoid, relu, leaky_relu, linear"):
        sn.forward(p, np.zeros((2, 4)), "softsign")


@pytest.mark.parametrize("bad, message", [
    (dict(method="he"), "random, zeros"),
    (dict(scale=-1.0), "scale"),
    (dict(scale=float("nan")), "scale"),
])
def test_init_params_refuses_bad_arguments(bad, message):
    with pytest.raises(ValueError, match=message):
        sn.init_params(2, 3, **bad)


@pytest.mark.parametrize("name", ACTS)
def test_each_derivative_matches_the_slope_of_its_activation(name):
    g, dg = sn.ACTIVATIONS[name]
    z = np.array([-3.0, -1.0, -0.2, 0.3, 1.5, 4.0])
    h = 1e-6
    slope = (g(z + h) - g(z - h)) / (2 * h)
    np.testing.assert_allclose(dg(z), slope, rtol=1e-6, atol=1e-9)
    np.testing.assert_allclose(dg(z, g(z)), slope, rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize("name", ACTS)
def test_each_derivative_can_be_taken_from_a_alone(name):
    """The trainer relies on dg(A, A) = dg(Z, A) to keep A1 in place of Z1."""
    g, dg = sn.ACTIVATIONS[name]
    z = np.linspace(-5, 5, 101)
    a = g(z)
    np.testing.assert_array_equal(dg(a, a), dg(z, a))
    out = np.empty_like(z)
    np.testing.assert_array_equal(dg(a, a, out), dg(z, a))


def test_sigmoid_never_overflows_and_is_exact_to_double_precision():
    z = np.array([-1000.0, -40.0, -5.0, 0.0, 5.0, 40.0, 1000.0])
    with np.errstate(all="raise"):
        a = activations.sigmoid(z)
    exact = np.array([0.0, 0.0, 1 / (1 + np.exp(5.0)), 0.5, 1 / (1 + np.exp(-5.0)), 1.0, 1.0])
    np.testing.assert_allclose(a, exact, rtol=0, atol=1.2e-16)


@pytest.mark.parametrize("name", ACTS)
def test_each_activation_gives_the_same_result_in_place(name):
    """The trainer computes A1 = g(Z1) in the buffer that held Z1."""
    g, _ = sn.ACTIVATIONS[name]
    z = np.linspace(-5, 5, 101)
    expected = g(z)
    buf = z.copy()
    assert g(buf, buf) is buf
    np.testing.assert_array_equal(buf, expected)
    other = np.empty_like(z)
    np.testing.assert_array_equal(g(z, other), expected)


def test_the_zero_network_has_exactly_zero_gradients_in_any_order_of_the_examples():
    """Sigmoid, zero weights, as many examples of each class: dZ2 = +-1/2 and A1 = 1/2,
    so every gradient is exactly zero, and the network never moves. The matrix
    product may add the examples up in any order (a BLAS on another CPU does);
    shuffling them tries other orders here. With the 1/m taken before the sums,
    6 of these 20 orders gave a dW2 of ~1e-17 on a CPU with AVX-512."""
    from shallownet.core.fused import FusedNetwork

    rng = np.random.default_rng(0)
    m = 320
    X, Y = rng.normal(size=(2, m)), np.array([[0, 1] * (m // 2)])
    p = sn.init_params(2, 4, method="zeros")
    for _ in range(20):
        order = rng.permutation(m)
        Xs, Ys = X[:, order], Y[:, order]
        plain = sn.backward(p, sn.forward(p, Xs, "sigmoid"), Xs, Ys, "sigmoid")
        fused = FusedNetwork(Xs, Ys, Xs[:, :0], Ys[:, :0], 4, "sigmoid")
        fused.set_params(p)
        fused.backprop()
        for grads in (plain, fused.grads()):
            for g in grads:
                assert not np.any(g), grads
