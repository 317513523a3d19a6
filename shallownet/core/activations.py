"""Hidden-layer activations g1 and their derivatives g1', one table keyed by name.

Each function takes an optional ``out`` array so that the trainer's fast path can
reuse its buffers; called without it, each returns a new array.

A derivative is called as dg(Z) or dg(Z, A) with A = g(Z) already computed,
because the lecture writes tanh' = 1 - a^2 and sigmoid' = a (1 - a) in terms of
a. In fact every derivative here can be evaluated from A alone: relu and
leaky_relu test z > 0, and a > 0 exactly when z > 0. So dg(A, A) = dg(Z, A),
which lets the trainer compute A1 in place of Z1 and keep one buffer fewer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import numpy as np

LEAKY_SLOPE = 0.01


class Activation(NamedTuple):
    """g(Z, out=None) -> A and dg(Z, A=None, out=None) -> g'(Z); unpacks as ``g, dg``."""

    g: Callable[..., np.ndarray]
    dg: Callable[..., np.ndarray]


def sigmoid(Z, out=None):
    """sigmoid(z) = 1 / (1 + e^-z), computed as (1 + tanh(z / 2)) / 2.

    The two are equal; the tanh form never overflows, needs no error-state
    switch around it and is as fast as np.tanh. Its absolute error is below
    1e-16 everywhere, which is what a probability and dZ2 = A2 - Y need.
    """
    out = np.multiply(Z, 0.5, out=out)
    np.tanh(out, out=out)
    np.multiply(out, 0.5, out=out)
    np.add(out, 0.5, out=out)
    return out


def tanh(Z, out=None):
    return np.tanh(Z, out=out)


def tanh_derivative(Z, A=None, out=None):
    """tanh'(z) = 1 - a^2."""
    A = np.tanh(Z) if A is None else A
    out = np.multiply(A, A, out=out)
    return np.subtract(1.0, out, out=out)


def sigmoid_derivative(Z, A=None, out=None):
    """sigmoid'(z) = a (1 - a)."""
    A = sigmoid(Z) if A is None else A
    out = np.subtract(1.0, A, out=out)
    return np.multiply(out, A, out=out)


def relu(Z, out=None):
    return np.maximum(Z, 0.0, out=out)


def relu_derivative(Z, A=None, out=None):
    """relu'(z) = 1 if z > 0 else 0: at z = 0, where ReLU has no derivative, the
    slope from the left."""
    if out is None:
        return (Z > 0).astype(Z.dtype)
    return np.greater(Z, 0.0, out=out)


def leaky_relu(Z, out=None):
    """z if z > 0 else 0.01 z. Safe in place (out=Z), as the trainer uses it."""
    if out is None:
        out = np.array(Z, dtype=float, copy=True)
    elif out is not Z:
        np.copyto(out, Z)
    return np.multiply(out, LEAKY_SLOPE, out=out, where=out <= 0)


def leaky_relu_derivative(Z, A=None, out=None):
    """1 if z > 0 else 0.01."""
    if out is None:
        return np.where(Z > 0, 1.0, LEAKY_SLOPE)
    np.greater(Z, 0.0, out=out)
    # out is 1 or 0; map 0 to the slope: out * (1 - slope) + slope
    np.multiply(out, 1.0 - LEAKY_SLOPE, out=out)
    return np.add(out, LEAKY_SLOPE, out=out)


def linear(Z, out=None):
    """g(z) = z: with it the network is logistic regression on a linear map of X."""
    if out is None:
        return np.array(Z, dtype=float, copy=True)
    np.copyto(out, Z)
    return out


def linear_derivative(Z, A=None, out=None):
    if out is None:
        return np.ones_like(Z, dtype=float)
    out.fill(1.0)
    return out


ACTIVATIONS: dict[str, Activation] = {
    "tanh": Activation(tanh, tanh_derivative),
    "sigmoid": Activation(sigmoid, sigmoid_derivative),
    "relu": Activation(relu, relu_derivative),
    "leaky_relu": Activation(leaky_relu, leaky_relu_derivative),
    "linear": Activation(linear, linear_derivative),
}


def get(name: str) -> Activation:
    """The activation called ``name``, or a ValueError that lists the names."""
    try:
        return ACTIVATIONS[name]
    except (KeyError, TypeError):
        raise ValueError(
            f"activation {name!r} is not one of: {', '.join(ACTIVATIONS)}"
        ) from None
