import numpy as np
import pytest
from sklearn import datasets as skd

from shallownet.core import datasets


@pytest.mark.parametrize("name", datasets.NAMES)
@pytest.mark.parametrize("m", [10, 11, 400])
def test_each_data_set_has_the_lectures_shapes_and_half_its_points_per_class(name, m):
    X, Y = datasets.load(name, m=m, noise=0.2, seed=3)
    assert X.shape == (2, m) and X.dtype == float and np.all(np.isfinite(X))
    assert Y.shape == (1, m) and Y.dtype == np.int64 and set(np.unique(Y)) == {0, 1}
    # class 0 first; the extra point of an odd m goes to class 0, but to class 1
    # where scikit-learn's gaussian quantiles put it
    assert np.all(np.diff(Y[0]) >= 0)
    ones = m - m // 2 if name == "gaussian_quantiles" else m // 2
    assert int(Y.sum()) == ones


def sklearn_data(name, m, noise, seed):
    """What scikit-learn's own generator gives for random_state=seed, as (2, m) and (m,)."""
    halves = (m - m // 2, m // 2)
    if name == "moons":
        X, y = skd.make_moons(halves, shuffle=False, noise=noise, random_state=seed)
    elif name == "circles":
        X, y = skd.make_circles(halves, shuffle=False, noise=noise / 2, random_state=seed, factor=0.5)
    elif name == "blobs":
        X, y = skd.make_blobs(list(halves), centers=[[-0.7, -0.7], [0.7, 0.7]], cluster_std=0.2 + noise,
                              shuffle=False, random_state=seed)
    else:
        X, y = skd.make_gaussian_quantiles(cov=0.36, n_samples=m, n_features=2, n_classes=2,
                                           shuffle=False, random_state=seed)
    return X.T, y


@pytest.mark.parametrize("name", datasets.SKLEARN_NAMES)
@pytest.mark.parametrize("m, noise, seed", [(400, 0.2, 0), (101, 0.5, 7), (10, 0.0, 123)])
def test_scikit_learns_data_sets_are_its_generators_output(name, m, noise, seed):
    X, Y = datasets.load(name, m, noise, seed)
    X_sk, y_sk = sklearn_data(name, m, noise, seed)
    np.testing.assert_array_equal(Y[0], y_sk)
    if name == "moons":
        # moved by a constant, to centre the moons on the origin
        np.testing.assert_allclose(X, X_sk - [[0.5], [0.25]], rtol=0, atol=1e-15)
    elif name == "gaussian_quantiles":
        # the jitter is drawn next from the same stream as scikit-learn's draws
        rng = np.random.RandomState(seed)
        X_sk, _ = skd.make_gaussian_quantiles(cov=0.36, n_samples=m, n_features=2, n_classes=2,
                                              shuffle=False, random_state=rng)
        np.testing.assert_array_equal(X, X_sk.T + noise / 2 * rng.randn(2, m))
        np.testing.assert_array_equal(X_sk.T, sklearn_data(name, m, noise, seed)[0])
    else:
        np.testing.assert_array_equal(X, X_sk)


def test_gaussian_quantiles_puts_the_inner_half_in_class_0():
    X, Y = datasets.load("gaussian_quantiles", 400, 0.0, 5)
    r = np.hypot(*X)
    assert r[Y[0] == 0].max() <= r[Y[0] == 1].min()


@pytest.mark.parametrize("name", [n for n in datasets.NAMES if n != "flower"])
def test_every_data_set_but_flower_is_centred_and_of_unit_size(name):
    """The Playground's defaults (alpha, init scale, the grid) are tuned for this size."""
    X, _ = datasets.load(name, 400, 0.2, 0)
    assert np.all(np.abs(X.mean(axis=1)) < 0.3)
    assert 0.3 < X.std() < 1.0 and np.abs(X).max() < 2.5


@pytest.mark.parametrize("name", datasets.NAMES)
def test_same_seed_same_data_other_seed_other_data(name):
    X1, Y1 = datasets.load(name, 200, 0.2, seed=7)
    X2, Y2 = datasets.load(name, 200, 0.2, seed=7)
    X3, _ = datasets.load(name, 200, 0.2, seed=8)
    np.testing.assert_array_equal(X1, X2)
    np.testing.assert_array_equal(Y1, Y2)
    assert not np.array_equal(X1, X3)


@pytest.mark.parametrize("name", datasets.NAMES)
def test_noise_zero_gives_the_clean_shape_and_noise_spreads_it(name):
    X0, _ = datasets.load(name, 300, 0.0, seed=1)
    X1, _ = datasets.load(name, 300, 0.5, seed=1)
    assert np.std(X1 - X0) > 0.01


def test_flower_follows_the_assignments_recipe():
    """t = linspace(3.12 j, 3.12 (j + 1), m/2) + noise randn, r = 4 sin(4 t) + noise randn,
    drawn from RandomState(seed), class 0 then class 1."""
    X, Y = datasets.load("flower", 400, 0.2, seed=1)
    rng = np.random.RandomState(1)
    for j in (0, 1):
        t = np.linspace(3.12 * j, 3.12 * (j + 1), 200) + rng.randn(200) * 0.2
        r = 4 * np.sin(4 * t) + rng.randn(200) * 0.2
        np.testing.assert_array_equal(X[:, 200 * j : 200 * (j + 1)], np.stack([r * np.sin(t), r * np.cos(t)]))
        assert np.all(Y[0, 200 * j : 200 * (j + 1)] == j)


@pytest.mark.parametrize("bad, message", [
    (dict(name="swirl"), "moons, circles, flower"),
    (dict(m=1), "m must be an integer >= 2"),
    (dict(m=2.5), "m must be an integer"),
    (dict(noise=-0.1), "noise"),
    (dict(noise=float("inf")), "noise"),
])
def test_load_refuses_bad_arguments_with_a_message(bad, message):
    args = dict(name="moons", m=100, noise=0.2, seed=0) | bad
    with pytest.raises(ValueError, match=message):
        datasets.load(**args)


def test_split_is_stratified_deterministic_and_keeps_column_order():
    X, Y = datasets.load("moons", 400, 0.2, 0)
    s1 = datasets.split(X, Y, 0.2, seed=5)
    s2 = datasets.split(X, Y, 0.2, seed=5)
    for a, b in zip(s1, s2):
        np.testing.assert_array_equal(a, b)
    assert s1.X_test.shape == (2, 80) and s1.X_train.shape == (2, 320)
    assert int(s1.Y_test.sum()) == 40
    # every point is in exactly one part, in the original order within each part
    cols = {tuple(c) for c in X.T}
    assert {tuple(c) for c in s1.X_train.T} | {tuple(c) for c in s1.X_test.T} == cols
    idx = [int(np.flatnonzero((X.T == c).all(axis=1))[0]) for c in s1.X_train.T]
    assert idx == sorted(idx)
    other = datasets.split(X, Y, 0.2, seed=6)
    assert not np.array_equal(other.X_test, s1.X_test)


def test_split_with_no_test_set_returns_the_data_as_given():
    X, Y = datasets.load("flower", 400, 0.2, 1)
    s = datasets.split(X, Y, 0.0, seed=1)
    np.testing.assert_array_equal(s.X_train, X)
    np.testing.assert_array_equal(s.Y_train, Y)
    assert s.X_test.shape == (2, 0)


@pytest.mark.parametrize("fraction", [-0.1, 0.6])
def test_split_refuses_a_test_fraction_out_of_range(fraction):
    X, Y = datasets.load("moons", 100, 0.2, 0)
    with pytest.raises(ValueError, match="between 0 and 0.5"):
        datasets.split(X, Y, fraction)


def test_standardize_uses_the_training_sets_mean_and_spread():
    X, Y = datasets.load("flower", 400, 0.2, 1)
    s = datasets.split(X, Y, 0.25, 0)
    tr, te = datasets.standardize(s.X_train, s.X_test)
    np.testing.assert_allclose(tr.mean(axis=1), 0, atol=1e-12)
    np.testing.assert_allclose(tr.std(axis=1), 1, atol=1e-12)
    mean, std = s.X_train.mean(axis=1, keepdims=True), s.X_train.std(axis=1, keepdims=True)
    np.testing.assert_allclose(te, (s.X_test - mean) / std)


def test_the_playgrounds_defaults_still_learn_the_moons():
    """The moons come from scikit-learn now; the defaults (n1 = 4, tanh, alpha = 1.2)
    must still fit them within a few thousand steps."""
    from shallownet.core.settings import DEFAULTS
    from shallownet.core.trainer import Trainer

    trainer = Trainer(DEFAULTS)
    trainer.step(2000)
    assert trainer.latest.acc_train > 0.95
