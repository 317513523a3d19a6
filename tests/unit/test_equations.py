"""The lecture's equations, evaluated: shapes, values and the keepdims mistake."""

import numpy as np
import pytest

import shallownet as sn
from shallownet.core import activations
from shallownet.core.settings import DEFAULTS
from shallownet.core.trainer import Trainer
from shallownet.lecture import equations


def problem(n1=4, m=30, seed=0, activation="tanh"):
    rng = np.random.RandomState(seed)
    p = sn.Params(rng.randn(n1, 2), rng.randn(n1, 1), rng.randn(1, n1), rng.randn(1, 1))
    X = rng.randn(2, m)
    Y = (rng.rand(1, m) > 0.5).astype(np.int64)
    return p, X, Y


def lecture_shapes(n0, n1, m):
    """The shape of every term, as the lecture gives it."""
    return {
        "X": (n0, m), "Y": (1, m), "X.T": (m, n0),
        "W1": (n1, n0), "b1": (n1, 1), "W2": (1, n1), "b2": (1, 1), "W2.T": (n1, 1),
        "Z1": (n1, m), "A1": (n1, m), "A1.T": (m, n1), "Z2": (1, m), "A2": (1, m),
        "dZ2": (1, m), "dW2": (1, n1), "db2": (1, 1),
        "W2.T dZ2": (n1, m), "g1'(Z1)": (n1, m), "dZ1": (n1, m), "dW1": (n1, n0), "db1": (n1, 1),
    }


def test_at_the_defaults_dz1_is_n1_by_the_training_examples():
    t = Trainer(DEFAULTS)
    eqs = {e.name: e for e in equations.equations(t.params, t.data.X_train, t.data.Y_train)}
    assert eqs["dZ1"].value.shape == eqs["dZ1"].terms[0].shape == (4, 320)


@pytest.mark.parametrize("n1, m", [(1, 5), (4, 320), (7, 11)])
def test_every_term_has_the_lectures_shape(n1, m):
    p, X, Y = problem(n1, m)
    eqs = equations.equations(p, X, Y)
    assert [e.name for e in eqs] == ["Z1", "A1", "Z2", "A2", "dZ2", "dW2", "db2", "dZ1", "dW1", "db1"]
    assert [e.direction for e in eqs] == ["forward"] * 4 + ["backward"] * 6
    expected = lecture_shapes(2, n1, m)
    for e in eqs:
        assert e.terms[0].name == e.name and e.value.shape == expected[e.name]
        for term in e.terms:
            assert term.shape == expected[term.name], (e.name, term)


@pytest.mark.parametrize("activation", list(sn.ACTIVATIONS))
def test_values_are_the_reference_networks(activation):
    p, X, Y = problem(5, 40, seed=3)
    cache = sn.forward(p, X, activation)
    grads = sn.backward(p, cache, X, Y, activation)
    v = {e.name: e.value for e in equations.equations(p, X, Y, activation)}
    for name in ("Z1", "A1", "Z2", "A2"):
        np.testing.assert_array_equal(v[name], getattr(cache, name))
    for name in ("dW1", "db1", "dW2", "db2"):
        np.testing.assert_array_equal(v[name], getattr(grads, name))
    # dZ2 and dZ1, recomputed here, are the ones the gradients are made from
    m = X.shape[1]
    np.testing.assert_allclose(v["dZ2"] @ cache.A1.T / m, grads.dW2, rtol=1e-12)
    np.testing.assert_allclose(v["dZ1"] @ X.T / m, grads.dW1, rtol=1e-12)
    np.testing.assert_allclose(v["dZ1"].sum(axis=1, keepdims=True) / m, grads.db1, rtol=1e-12, atol=1e-15)


def test_each_summary_is_the_min_mean_and_max_of_its_value():
    p, X, Y = problem(3, 25, seed=1)
    for e in equations.equations(p, X, Y):
        assert e.summary == (e.value.min(), e.value.mean(), e.value.max())
        assert e.summary.min <= e.summary.mean <= e.summary.max


def test_the_latex_is_in_the_lectures_notation():
    p, X, Y = problem()
    latex = {e.name: e.latex for e in equations.equations(p, X, Y)}
    assert latex["Z1"] == r"Z^{[1]} = W^{[1]} X + b^{[1]}"
    assert r"g^{[1]\prime}(Z^{[1]})" in latex["dZ1"] and "*" in latex["dZ1"]
    assert r"\frac{1}{m}" in latex["dW1"] and "keepdims=True" in latex["db1"]


@pytest.mark.parametrize("activation", ["tanh", "relu"])
def test_one_example_is_the_network_run_on_that_column_alone(activation):
    p, X, Y = problem(4, 20, seed=2)
    for i in (0, 7, 19):
        ex = equations.example(p, X, Y, i, activation)
        alone = sn.forward(p, X[:, i : i + 1], activation)
        np.testing.assert_allclose(ex.x, X[:, i])
        assert ex.y == Y[0, i]
        np.testing.assert_allclose(ex.z1, alone.Z1[:, 0], rtol=1e-12)
        np.testing.assert_allclose(ex.a1, alone.A1[:, 0], rtol=1e-12)
        assert ex.z2 == pytest.approx(alone.Z2[0, 0], rel=1e-12)
        assert ex.a2 == pytest.approx(alone.A2[0, 0], rel=1e-12)
        # its column of dZ2 and dZ1 does not depend on the other examples
        assert ex.dz2 == pytest.approx(ex.a2 - ex.y, rel=1e-12)
        dg = activations.get(activation).dg(alone.Z1[:, 0], alone.A1[:, 0])
        np.testing.assert_allclose(ex.dz1, p.W2[0] * ex.dz2 * dg, rtol=1e-12)


@pytest.mark.parametrize("i", [-1, 20, 2.0, True])
def test_an_example_index_out_of_range_is_refused(i):
    p, X, Y = problem(4, 20)
    with pytest.raises(ValueError, match="from 0 to 19"):
        equations.example(p, X, Y, i)


@pytest.mark.parametrize("n1", [2, 4, 9])
def test_keepdims_demo_shows_the_wrong_broadcast_next_to_the_right_update(n1):
    p, X, Y = problem(n1, 30, seed=4)
    d = equations.keepdims_demo(p, X, Y, alpha=1.2)
    assert d.summed.shape == (n1,) and d.summed_keepdims.shape == (n1, 1)
    assert d.wrong.shape == (n1, n1) and d.right.shape == (n1, 1) == d.b1.shape
    # the right one is the lecture's update of b1
    grads = sn.backward(p, sn.forward(p, X), X, Y)
    np.testing.assert_allclose(d.right, sn.update(p, grads, 1.2).b1, rtol=1e-12)
    # the wrong one holds b1[i] - alpha db1[j] for every pair: right on the diagonal only
    np.testing.assert_allclose(np.diag(d.wrong), d.right[:, 0], rtol=1e-12)
    assert not np.allclose(d.wrong, d.right)


@pytest.mark.parametrize("n1, m", [(4, 30), (2, 320), (4, 4)])
def test_the_next_forward_pass_with_the_wrong_b1_raises_unless_m_is_n1(n1, m):
    """An (n1, n1) b1 added to W1 X, (n1, m): numpy raises, and the demo carries its
    words; only where m = n1 does the pass go on, each column with its own bias."""
    p, X, Y = problem(n1, m, seed=4)
    d = equations.keepdims_demo(p, X, Y, alpha=1.2)
    wrong = p._replace(b1=d.wrong)
    assert d.wx_shape == (n1, m)
    if m != n1:
        with pytest.raises(ValueError) as raised:
            sn.forward(wrong, X)
        assert d.next_error == str(raised.value).strip()
        assert f"shapes ({n1},{m}) ({n1},{n1})" in d.next_error
    else:
        assert d.next_error is None
        np.testing.assert_allclose(sn.forward(wrong, X).Z1 - p.W1 @ X, d.wrong, rtol=1e-12)


def test_with_one_hidden_unit_the_missing_keepdims_does_no_harm():
    p, X, Y = problem(1, 30)
    d = equations.keepdims_demo(p, X, Y, alpha=0.5)
    assert d.summed.shape == (1,) and d.wrong.shape == (1, 1)
    np.testing.assert_array_equal(d.wrong, d.right)


@pytest.mark.parametrize("x, text", [
    (0.0123456, "0.0123"), (-1.5, "-1.5"), (0.0, "0"), (1.234e-5, r"1.23 \times 10^{-5}"),
    (-2e12, r"-2 \times 10^{12}"),
])
def test_a_number_in_latex(x, text):
    assert equations.number_latex(x) == text


def test_a_small_matrix_is_shown_whole_and_a_rank_1_array_as_a_row():
    a = np.array([[1.0, -2.0], [0.5, 3e-7]])
    assert equations.matrix_latex(a) == (
        r"\begin{bmatrix}1 & -2 \\ 0.5 & 3 \times 10^{-7}\end{bmatrix}")
    assert equations.matrix_latex(np.array([1.0, 2.0, 3.0])) == r"\begin{bmatrix}1 & 2 & 3\end{bmatrix}"
    assert equations.matrix_latex(np.array([[1.0], [2.0]])) == r"\begin{bmatrix}1 \\ 2\end{bmatrix}"


def test_a_big_matrix_is_cut_with_dots_keeping_its_corners():
    a = np.arange(64 * 64, dtype=float).reshape(64, 64)
    text = equations.matrix_latex(a, max_rows=5, max_cols=4)
    lines = text.removeprefix(r"\begin{bmatrix}").removesuffix(r"\end{bmatrix}").split(r" \\ ")
    assert len(lines) == 5
    assert lines[0].split(" & ") == ["0", "1", r"\cdots", "63"]
    assert lines[3].split(" & ") == [r"\vdots", r"\vdots", r"\ddots", r"\vdots"]
    assert lines[4].split(" & ")[0] == equations.number_latex(a[63, 0])
    assert lines[4].split(" & ")[-1] == equations.number_latex(a[63, 63])


def test_only_vectors_and_matrices_are_shown_as_matrices():
    with pytest.raises(ValueError, match="1-D or 2-D"):
        equations.matrix_latex(np.zeros((2, 2, 2)))


def test_the_long_sums_are_broken_into_two_lines_that_keep_the_lectures_words():
    for name in ("db1", "db2"):
        latex = equations.LATEX[name]
        assert latex.startswith(r"\begin{aligned}") and latex.count(r"\\") == 1
        assert r"\texttt{np.sum}" in latex and r"\texttt{keepdims=True}" in latex and "&=" in latex


def test_a_table_of_vectors_in_latex_numbers_its_rows_and_cuts_long_ones():
    text = equations.table_latex({"z": np.array([0.5, -2.0]), "a": np.array([1e-6, 3.0])}, index="j")
    assert text == (r"\begin{array}{c|rr}j & z & a \\ \hline "
                    r"0 & 0.5 & 1 \times 10^{-6} \\ 1 & -2 & 3\end{array}")
    long = equations.table_latex({"z": np.arange(64.0)}, max_rows=5)
    rows = long.removeprefix(r"\begin{array}{r}").removesuffix(r"\end{array}").split(r" \\ ")
    assert rows == ["z", r"\hline 0", "1", "2", r"\vdots", "63"]
    with pytest.raises(ValueError, match="one length"):
        equations.table_latex({"z": np.zeros(2), "a": np.zeros(3)})


def test_a_matrix_of_small_numbers_takes_its_power_of_ten_out_in_front():
    a = np.array([[1.5e-6, -3e-7], [0.0, 2e-6]])
    assert equations.matrix_latex(a, factor=True) == (
        r"10^{-6} \times \begin{bmatrix}1.50 & -0.30 \\ 0.00 & 2.00\end{bmatrix}")
    assert equations.matrix_latex(np.array([12345.0, 1.0]), factor=True) == (
        r"10^{4} \times \begin{bmatrix}1.23 & 0.00\end{bmatrix}")
    # ordinary sizes, and zeros, are written as they are
    for b in (np.array([0.5, -0.02]), np.zeros(3), np.array([0.011, 999.0])):
        assert equations.matrix_latex(b, factor=True) == equations.matrix_latex(b)
