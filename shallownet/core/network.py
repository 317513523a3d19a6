"""The lecture's one-hidden-layer network, written as the lecture writes it.

Shapes: X is (n0, m), one example per column; Y is (1, m) of 0/1.
W1 (n1, n0), b1 (n1, 1), W2 (n2, n1), b2 (n2, 1), with n2 = 1 for binary
classification. These functions are the reference: plain, one equation a line.
The trainer runs the same equations (fused.py) on preallocated buffers and is
tested to give the same numbers.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from shallownet.core import activations

INIT_METHODS = ("random", "zeros")


class Params(NamedTuple):
    W1: np.ndarray
    b1: np.ndarray
    W2: np.ndarray
    b2: np.ndarray


class Cache(NamedTuple):
    """The forward pass's intermediate values, kept for backpropagation."""

    Z1: np.ndarray
    A1: np.ndarray
    Z2: np.ndarray
    A2: np.ndarray


class Grads(NamedTuple):
    dW1: np.ndarray
    db1: np.ndarray
    dW2: np.ndarray
    db2: np.ndarray


def init_params(n0, n1, n2=1, *, method="random", scale=0.01, seed=0) -> Params:
    """W1, W2 ~ scale * N(0, 1), b1 = b2 = 0.

    Draws W1 then W2 from numpy's legacy RandomState(seed), as the course
    assignment does, so that seed=2 gives the assignment's initial weights.
    method="zeros" sets every weight to 0: then every hidden unit computes the
    same function and receives the same gradient, forever (symmetry is never broken).
    """
    for name, n in (("n0", n0), ("n1", n1), ("n2", n2)):
        if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
            raise ValueError(f"{name} must be a positive integer, got {n!r}")
    if method not in INIT_METHODS:
        raise ValueError(f"init method {method!r} is not one of: {', '.join(INIT_METHODS)}")
    if not np.isfinite(scale) or scale < 0:
        raise ValueError(f"init scale must be a finite number >= 0, got {scale!r}")
    if method == "zeros":
        W1 = np.zeros((n1, n0))
        W2 = np.zeros((n2, n1))
    else:
        rng = np.random.RandomState(seed)
        W1 = rng.randn(n1, n0) * scale
        W2 = rng.randn(n2, n1) * scale
    return Params(W1=W1, b1=np.zeros((n1, 1)), W2=W2, b2=np.zeros((n2, 1)))


def _check_inputs(p: Params, X, dtype=float) -> np.ndarray:
    X = np.asarray(X, dtype=dtype)
    if X.ndim != 2 or X.shape[0] != p.W1.shape[1]:
        raise ValueError(
            f"X must have shape (n0, m) = ({p.W1.shape[1]}, m), one example per column; "
            f"got shape {X.shape}"
        )
    return X


def forward(p: Params, X, activation: str = "tanh", dtype=float) -> Cache:
    """Z1 = W1 X + b1, A1 = g1(Z1), Z2 = W2 A1 + b2, A2 = sigmoid(Z2).

    ``dtype=np.float32`` computes in single precision (seven digits), for
    pictures: where numpy's float64 tanh has no fast vector code (no AVX-512)
    float32's is ~4x faster.
    """
    g = activations.get(activation).g
    X = _check_inputs(p, X, dtype)
    if X.dtype != np.float64:
        p = Params(*(np.asarray(a, dtype=X.dtype) for a in p))
    Z1 = p.W1 @ X + p.b1
    A1 = g(Z1)
    Z2 = p.W2 @ A1 + p.b2
    A2 = activations.sigmoid(Z2)
    return Cache(Z1=Z1, A1=A1, Z2=Z2, A2=A2)


def logistic_losses(Z2, Y) -> np.ndarray:
    """L(a, y) = -(y log a + (1 - y) log(1 - a)) with a = sigmoid(z), from z itself.

    L = log(1 + e^z) - y z, and for y in {0, 1} that is log(1 + e^((1 - 2y) z)):
    np.logaddexp(0, .) evaluates it without overflow and without the cancellation
    of subtracting y z, so the loss stays finite and exact when the sigmoid
    saturates (where log(a) would give -inf).
    """
    return np.logaddexp(0.0, (1.0 - 2.0 * Y) * Z2)


def compute_cost(cache: Cache, Y) -> float:
    """J = (1/m) sum_i L(a2_i, y_i)."""
    Y = np.asarray(Y)
    return float(np.mean(logistic_losses(cache.Z2, Y)))


def backward(p: Params, cache: Cache, X, Y, activation: str = "tanh") -> Grads:
    """The lecture's six backpropagation equations."""
    dg = activations.get(activation).dg
    X = _check_inputs(p, X)
    m = X.shape[1]
    # Each sum is taken before its 1/m (the parentheses). With all weights zero,
    # the sigmoid and as many examples of each class, dZ2 is +-1/2 and A1 is 1/2:
    # the terms of dW2's and db2's sums cancel exactly, in whatever order the
    # matrix product adds them up (a BLAS on another CPU adds them up in
    # another), and the network stays at zero, as the lecture says. Scaled by
    # 1/m first, they are not exact, and on a CPU with AVX-512 the rounding left
    # dW2 at 2e-17, which 300 steps at alpha = 10 grew into a trained network.
    dZ2 = cache.A2 - Y
    dW2 = (1 / m) * (dZ2 @ cache.A1.T)
    db2 = (1 / m) * np.sum(dZ2, axis=1, keepdims=True)
    dZ1 = (p.W2.T @ dZ2) * dg(cache.Z1, cache.A1)
    dW1 = (1 / m) * (dZ1 @ X.T)
    db1 = (1 / m) * np.sum(dZ1, axis=1, keepdims=True)
    return Grads(dW1=dW1, db1=db1, dW2=dW2, db2=db2)


def update(p: Params, grads: Grads, alpha: float) -> Params:
    """W := W - alpha dW for each parameter; returns new Params, p is unchanged."""
    return Params(*(w - alpha * dw for w, dw in zip(p, grads)))


def predict_proba(p: Params, X, activation: str = "tanh") -> np.ndarray:
    """A2 = y-hat, the probability of class 1, shape (1, m)."""
    return forward(p, X, activation).A2


def predict(p: Params, X, activation: str = "tanh") -> np.ndarray:
    """1 where A2 > 0.5, else 0, as int, shape (1, m).

    Decided as Z2 > 0, which is the same test; it cannot be flipped by the
    rounding of the sigmoid for a point right at the boundary.
    """
    return (forward(p, X, activation).Z2 > 0).astype(np.int64)
