"""Two-class toy data sets on the plane, each a small pure function of (m, noise, rng).

Every data set returns X of shape (2, m), one example per column, and Y of shape
(1, m) of 0/1, class 0 first.

- moons, circles, blobs and gaussian_quantiles are scikit-learn's generators
  (``sklearn.datasets.make_*``), unshuffled, with ``random_state`` the seed; X is
  their output transposed (moons also shifted to centre it) and Y their labels.
- flower, xor and spiral, which scikit-learn lacks, are written here.

Randomness comes from numpy's legacy RandomState (scikit-learn draws from the same
kind), whose streams numpy keeps frozen across releases: the same seed gives the
same data on every machine.

``noise`` is the standard deviation of Gaussian jitter added to each point, in
units of the data set's own radius (about 1 for all but flower), except for
flower, where it is exactly the course assignment's noise on angle and radius.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

# scikit-learn's generators are imported where they are called: importing
# sklearn.datasets takes a second or two, which a run on flower need not pay.

# The moons' centre, which make_moons leaves at (0.5, 0.25): shifted to the origin.
MOONS_CENTRE = np.array([[0.5], [0.25]])
# make_circles' inner circle's radius, the outer one being 1.
CIRCLES_FACTOR = 0.5
# make_blobs' two centres, one a column, and its cluster_std = BLOBS_STD + noise.
BLOBS_CENTRES = np.array([[-0.7, 0.7], [-0.7, 0.7]])
BLOBS_STD = 0.2
# make_gaussian_quantiles' covariance, 0.6^2 I: a cloud of standard deviation 0.6.
QUANTILES_COV = 0.36


def _halves(m: int) -> tuple[int, int]:
    """The class sizes: class 0 gets the extra point when m is odd."""
    return m - m // 2, m // 2


def _labels(n_a: int, n_b: int) -> np.ndarray:
    return np.hstack([np.zeros(n_a, dtype=np.int64), np.ones(n_b, dtype=np.int64)])


def _moons(m, noise, rng):
    """make_moons(noise=noise), moved so that the two moons are centred on the origin."""
    from sklearn.datasets import make_moons

    X, y = make_moons(_halves(m), shuffle=False, noise=noise, random_state=rng)
    return X.T - MOONS_CENTRE, y


def _circles(m, noise, rng):
    """make_circles(factor=0.5, noise=noise / 2): the jitter is half the noise, in units
    of the outer radius, since the circles are only 0.5 apart."""
    from sklearn.datasets import make_circles

    X, y = make_circles(_halves(m), shuffle=False, noise=0.5 * noise, random_state=rng,
                        factor=CIRCLES_FACTOR)
    return X.T, y


def _blobs(m, noise, rng):
    """make_blobs around (-0.7, -0.7) and (0.7, 0.7) with cluster_std = 0.2 + noise."""
    from sklearn.datasets import make_blobs

    X, y = make_blobs(list(_halves(m)), centers=BLOBS_CENTRES.T, cluster_std=BLOBS_STD + noise,
                      shuffle=False, random_state=rng)
    return X.T, y


def _gaussian_quantiles(m, noise, rng):
    """make_gaussian_quantiles: one normal cloud (standard deviation 0.6) cut at its
    median radius, class 0 inside, class 1 outside (class 1 gets the extra point when
    m is odd, as scikit-learn labels it). It has no noise of its own: the jitter,
    noise / 2 a coordinate, is drawn next from the same random stream."""
    from sklearn.datasets import make_gaussian_quantiles

    X, y = make_gaussian_quantiles(cov=QUANTILES_COV, n_samples=m, n_features=2, n_classes=2,
                                   shuffle=False, random_state=rng)
    return X.T + 0.5 * noise * rng.randn(2, m), y


def _flower(m, noise, rng):
    """The course assignment's planar data: for class j, t = linspace(3.12 j, 3.12 (j+1))
    + noise, r = 4 sin(4 t) + noise, point = (r sin t, r cos t)."""
    parts = []
    sizes = _halves(m)
    for j, n in enumerate(sizes):
        t = np.linspace(j * 3.12, (j + 1) * 3.12, n) + rng.randn(n) * noise
        r = 4 * np.sin(4 * t) + rng.randn(n) * noise
        parts.append(np.stack([r * np.sin(t), r * np.cos(t)]))
    return np.hstack(parts), _labels(*sizes)


def _xor(m, noise, rng):
    """Class 0 in the quadrants where x y > 0, class 1 where x y < 0, kept 0.1 off the axes."""
    def quadrant_points(n, same_sign):
        P = rng.uniform(0.1, 1.0, size=(2, n))
        sx = rng.choice([-1.0, 1.0], size=n)
        sy = sx if same_sign else -sx
        return P * np.stack([sx, sy])

    n_a, n_b = _halves(m)
    X = np.hstack([quadrant_points(n_a, True), quadrant_points(n_b, False)])
    return X + 0.5 * noise * rng.randn(*X.shape), _labels(n_a, n_b)


def _spiral(m, noise, rng):
    """Two interleaved spiral arms, 1.75 turns each, as in TensorFlow Playground."""
    parts = []
    sizes = _halves(m)
    for j, n in enumerate(sizes):
        r = np.linspace(0.05, 1.0, n)
        angle = 1.75 * 2 * np.pi * r + j * np.pi
        parts.append(np.stack([r * np.sin(angle), r * np.cos(angle)]))
    X = np.hstack(parts)
    return X + 0.25 * noise * rng.randn(*X.shape), _labels(*sizes)


_GENERATORS = {
    "moons": _moons,
    "circles": _circles,
    "flower": _flower,
    "blobs": _blobs,
    "xor": _xor,
    "spiral": _spiral,
    "gaussian_quantiles": _gaussian_quantiles,
}
NAMES = tuple(_GENERATORS)
# The name of a user's own points: not generated, so ``load`` does not know it; the
# trainer holds them (trainer.make_data).
OWN = "own"
# the data sets that come from scikit-learn
SKLEARN_NAMES = ("moons", "circles", "blobs", "gaussian_quantiles")


def load(name: str = "moons", m: int = 400, noise: float = 0.2, seed: int = 0):
    """X (2, m) float, Y (1, m) of 0/1 (int): m points, class 0 first, half of them per
    class (the one extra point of an odd m goes to class 0, but to class 1 in
    gaussian_quantiles, as scikit-learn labels it)."""
    if name not in _GENERATORS:
        raise ValueError(f"data set {name!r} is not one of: {', '.join(NAMES)}")
    if isinstance(m, bool) or not isinstance(m, (int, np.integer)) or m < 2:
        raise ValueError(f"m must be an integer >= 2 (one point per class at least), got {m!r}")
    if not np.isfinite(noise) or noise < 0:
        raise ValueError(f"noise must be a finite number >= 0, got {noise!r}")
    X, y = _GENERATORS[name](int(m), float(noise), np.random.RandomState(seed))
    return np.asarray(X, dtype=float), np.asarray(y, dtype=np.int64)[None, :]


class Split(NamedTuple):
    X_train: np.ndarray
    Y_train: np.ndarray
    X_test: np.ndarray
    Y_test: np.ndarray

    @property
    def X_all(self) -> np.ndarray:
        """Every point, training then test, (n0, m): what a plot of the plane covers."""
        return np.hstack([self.X_train, self.X_test])


def split(X, Y, test_fraction: float = 0.2, seed: int = 0) -> Split:
    """A deterministic stratified split: round(test_fraction * m_c) points of each
    class c go to the test set, chosen by RandomState(seed). Both parts keep the
    original column order, so test_fraction=0 returns X and Y exactly as given."""
    if not 0 <= test_fraction <= 0.5:
        raise ValueError(f"test fraction must be between 0 and 0.5, got {test_fraction!r}")
    rng = np.random.RandomState(seed)
    is_test = np.zeros(Y.shape[1], dtype=bool)
    for c in (0, 1):
        idx = np.flatnonzero(Y[0] == c)
        n_test = int(round(test_fraction * idx.size))
        is_test[rng.permutation(idx)[:n_test]] = True
    return Split(X[:, ~is_test], Y[:, ~is_test], X[:, is_test], Y[:, is_test])


def standardize(X_train, X_test):
    """Shift and scale each input feature to mean 0, standard deviation 1, using the
    training set's mean and standard deviation for both parts."""
    mean = X_train.mean(axis=1, keepdims=True)
    std = X_train.std(axis=1, keepdims=True)
    std[std == 0] = 1.0
    return (X_train - mean) / std, (X_test - mean) / std
