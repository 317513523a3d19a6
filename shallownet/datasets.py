"""Two-class toy data sets on the plane, each a small pure function of (sizes, noise, rng).

Every data set returns X of shape (2, m), one example per column, and Y of shape
(1, m) of 0/1, class 0 first. Randomness comes from numpy's legacy RandomState,
whose streams numpy keeps frozen across releases: the same seed gives the same
data on every machine.

``noise`` is the standard deviation of Gaussian jitter added to each point, in
units of the data set's own radius (about 1 for all but flower), except for
flower, where it is exactly the course assignment's noise on angle and radius.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np


def _moons(n_a, n_b, noise, rng):
    t_a = np.linspace(0, np.pi, n_a)
    t_b = np.linspace(0, np.pi, n_b)
    outer = np.stack([np.cos(t_a), np.sin(t_a)])
    inner = np.stack([1 - np.cos(t_b), 0.5 - np.sin(t_b)])
    X = np.hstack([outer, inner]) - np.array([[0.5], [0.25]])
    return X + noise * rng.randn(*X.shape)


def _circles(n_a, n_b, noise, rng):
    t_a = np.linspace(0, 2 * np.pi, n_a, endpoint=False)
    t_b = np.linspace(0, 2 * np.pi, n_b, endpoint=False)
    outer = np.stack([np.cos(t_a), np.sin(t_a)])
    inner = 0.5 * np.stack([np.cos(t_b), np.sin(t_b)])
    X = np.hstack([outer, inner])
    return X + 0.5 * noise * rng.randn(*X.shape)


def _flower(n_a, n_b, noise, rng):
    """The course assignment's planar data: for class j, t = linspace(3.12 j, 3.12 (j+1))
    + noise, r = 4 sin(4 t) + noise, point = (r sin t, r cos t)."""
    parts = []
    for j, n in enumerate((n_a, n_b)):
        t = np.linspace(j * 3.12, (j + 1) * 3.12, n) + rng.randn(n) * noise
        r = 4 * np.sin(4 * t) + rng.randn(n) * noise
        parts.append(np.stack([r * np.sin(t), r * np.cos(t)]))
    return np.hstack(parts)


def _blobs(n_a, n_b, noise, rng):
    centers = np.array([[-0.7, 0.7], [-0.7, 0.7]])
    X = np.hstack([np.repeat(centers[:, :1], n_a, axis=1), np.repeat(centers[:, 1:], n_b, axis=1)])
    return X + (0.2 + noise) * rng.randn(*X.shape)


def _xor(n_a, n_b, noise, rng):
    """Class 0 in the quadrants where x y > 0, class 1 where x y < 0, kept 0.1 off the axes."""
    def quadrant_points(n, same_sign):
        P = rng.uniform(0.1, 1.0, size=(2, n))
        sx = rng.choice([-1.0, 1.0], size=n)
        sy = sx if same_sign else -sx
        return P * np.stack([sx, sy])

    X = np.hstack([quadrant_points(n_a, True), quadrant_points(n_b, False)])
    return X + 0.5 * noise * rng.randn(*X.shape)


def _spiral(n_a, n_b, noise, rng):
    """Two interleaved spiral arms, 1.75 turns each, as in TensorFlow Playground."""
    parts = []
    for j, n in enumerate((n_a, n_b)):
        r = np.linspace(0.05, 1.0, n)
        angle = 1.75 * 2 * np.pi * r + j * np.pi
        parts.append(np.stack([r * np.sin(angle), r * np.cos(angle)]))
    X = np.hstack(parts)
    return X + 0.25 * noise * rng.randn(*X.shape)


def _gaussian_quantiles(n_a, n_b, noise, rng):
    """One standard normal cloud cut at its median radius: class 0 inside, class 1 outside."""
    P = rng.randn(2, n_a + n_b) * 0.6
    order = np.argsort(np.sum(P**2, axis=0), kind="stable")
    X = P[:, order]
    return X + 0.5 * noise * rng.randn(*X.shape)


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


def load(name: str = "moons", m: int = 400, noise: float = 0.2, seed: int = 0):
    """X (2, m) float, Y (1, m) of 0/1 (int): m points, half of them per class
    (class 0 gets the extra point when m is odd)."""
    if name not in _GENERATORS:
        raise ValueError(f"data set {name!r} is not one of: {', '.join(NAMES)}")
    if isinstance(m, bool) or not isinstance(m, (int, np.integer)) or m < 2:
        raise ValueError(f"m must be an integer >= 2 (one point per class at least), got {m!r}")
    if not np.isfinite(noise) or noise < 0:
        raise ValueError(f"noise must be a finite number >= 0, got {noise!r}")
    n_a = m - m // 2
    n_b = m // 2
    X = _GENERATORS[name](n_a, n_b, float(noise), np.random.RandomState(seed))
    Y = np.hstack([np.zeros(n_a, dtype=np.int64), np.ones(n_b, dtype=np.int64)])[None, :]
    return X.astype(float), Y


class Split(NamedTuple):
    X_train: np.ndarray
    Y_train: np.ndarray
    X_test: np.ndarray
    Y_test: np.ndarray


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
