"""The lecture's 4 forward and 6 backward equations, evaluated: each with its terms'
live shapes and a summary of its values, one training example's numbers, and what
``keepdims`` is for.

The values come from the reference functions (network.py); dZ2 and dZ1, which
``backward`` keeps to itself, are recomputed here from the same equations, and the
tests hold them to ``backward``'s gradients.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from . import activations
from .network import Params, backward, forward


class Term(NamedTuple):
    """One quantity in an equation: its name in the code, its LaTeX and its shape."""

    name: str
    latex: str
    shape: tuple[int, ...]


class Summary(NamedTuple):
    min: float
    mean: float
    max: float


class Equation(NamedTuple):
    """One of the lecture's equations: ``name`` is what it computes (``"dZ1"``),
    ``direction`` "forward" or "backward", ``terms`` the result first, then each
    quantity on the right-hand side; ``value`` is the result itself."""

    name: str
    direction: str
    latex: str
    terms: tuple[Term, ...]
    value: np.ndarray
    summary: Summary


class Example(NamedTuple):
    """Training example i through the network: its column of every (., m) quantity.
    Vectors are 1-D (n0 or n1 numbers); the output layer's values are scalars."""

    i: int
    x: np.ndarray
    y: int
    z1: np.ndarray
    a1: np.ndarray
    z2: float
    a2: float
    dz2: float
    dz1: np.ndarray


class KeepdimsDemo(NamedTuple):
    """The update b1 := b1 - alpha db1 with db1 summed with and without keepdims.

    ``summed`` is np.sum(dZ1, axis=1), a rank-1 array (n1,); ``wrong`` is
    b1 - alpha * summed / m, which broadcasts the (n1, 1) column against it into an
    (n1, n1) matrix; ``summed_keepdims`` is the (n1, 1) column that keepdims=True
    gives, and ``right`` the (n1, 1) update. With n1 = 1 the two agree: the mistake
    only shows with two hidden units or more.
    """

    b1: np.ndarray
    summed: np.ndarray
    wrong: np.ndarray
    summed_keepdims: np.ndarray
    right: np.ndarray


# The lecture's notation: [l] for the layer, * for the element-wise product.
LATEX = {
    "Z1": r"Z^{[1]} = W^{[1]} X + b^{[1]}",
    "A1": r"A^{[1]} = g^{[1]}(Z^{[1]})",
    "Z2": r"Z^{[2]} = W^{[2]} A^{[1]} + b^{[2]}",
    "A2": r"A^{[2]} = g^{[2]}(Z^{[2]}) = \sigma(Z^{[2]})",
    "dZ2": r"dZ^{[2]} = A^{[2]} - Y",
    "dW2": r"dW^{[2]} = \frac{1}{m}\, dZ^{[2]} A^{[1]T}",
    "db2": r"db^{[2]} = \frac{1}{m}\, \texttt{np.sum}(dZ^{[2]}, \texttt{axis=1}, \texttt{keepdims=True})",
    "dZ1": r"dZ^{[1]} = W^{[2]T} dZ^{[2]} * g^{[1]\prime}(Z^{[1]})",
    "dW1": r"dW^{[1]} = \frac{1}{m}\, dZ^{[1]} X^{T}",
    "db1": r"db^{[1]} = \frac{1}{m}\, \texttt{np.sum}(dZ^{[1]}, \texttt{axis=1}, \texttt{keepdims=True})",
}
FORWARD = ("Z1", "A1", "Z2", "A2")
BACKWARD = ("dZ2", "dW2", "db2", "dZ1", "dW1", "db1")

# each equation's right-hand side, as the names of the values it reads (see _values)
_OPERANDS = {
    "Z1": ("W1", "X", "b1"),
    "A1": ("Z1",),
    "Z2": ("W2", "A1", "b2"),
    "A2": ("Z2",),
    "dZ2": ("A2", "Y"),
    "dW2": ("dZ2", "A1.T"),
    "db2": ("dZ2",),
    "dZ1": ("W2.T", "dZ2", "W2.T dZ2", "g1'(Z1)"),
    "dW1": ("dZ1", "X.T"),
    "db1": ("dZ1",),
}
_TERM_LATEX = {
    "X": "X", "Y": "Y", "X.T": "X^{T}",
    "W1": "W^{[1]}", "b1": "b^{[1]}", "W2": "W^{[2]}", "b2": "b^{[2]}", "W2.T": "W^{[2]T}",
    "Z1": "Z^{[1]}", "A1": "A^{[1]}", "A1.T": "A^{[1]T}", "Z2": "Z^{[2]}", "A2": "A^{[2]}",
    "dZ2": "dZ^{[2]}", "dW2": "dW^{[2]}", "db2": "db^{[2]}", "W2.T dZ2": "W^{[2]T} dZ^{[2]}",
    "g1'(Z1)": r"g^{[1]\prime}(Z^{[1]})",
    "dZ1": "dZ^{[1]}", "dW1": "dW^{[1]}", "db1": "db^{[1]}",
}


def _values(p: Params, X, Y, activation: str) -> dict[str, np.ndarray]:
    """Every quantity of the forward and backward pass, by name."""
    X = np.asarray(X, dtype=float)
    Y = np.asarray(Y)
    cache = forward(p, X, activation)
    grads = backward(p, cache, X, Y, activation)
    dg = activations.get(activation).dg(cache.Z1, cache.A1)
    dZ2 = cache.A2 - Y
    v = {"X": X, "Y": Y, **p._asdict(), **cache._asdict()}
    v.update({
        "X.T": X.T, "A1.T": cache.A1.T, "W2.T": p.W2.T,
        "dZ2": dZ2, "W2.T dZ2": p.W2.T @ dZ2, "g1'(Z1)": dg, "dZ1": (p.W2.T @ dZ2) * dg,
        "dW1": grads.dW1, "db1": grads.db1, "dW2": grads.dW2, "db2": grads.db2,
    })
    return v


def summarize(values) -> Summary:
    values = np.asarray(values, dtype=float)
    return Summary(float(values.min()), float(values.mean()), float(values.max()))


def equations(p: Params, X, Y, activation: str = "tanh") -> tuple[Equation, ...]:
    """The 4 forward equations, then the 6 backward ones, at the parameters p on the
    examples X (n0, m), Y (1, m): at the defaults dZ1 is (4, 320), n1 by m."""
    v = _values(p, X, Y, activation)
    out = []
    for name in FORWARD + BACKWARD:
        terms = tuple(Term(t, _TERM_LATEX[t], v[t].shape) for t in (name, *_OPERANDS[name]))
        out.append(Equation(
            name=name, direction="forward" if name in FORWARD else "backward",
            latex=LATEX[name], terms=terms, value=v[name], summary=summarize(v[name]),
        ))
    return tuple(out)


def example(p: Params, X, Y, i: int, activation: str = "tanh") -> Example:
    """Example i's x, y, z1, a1, z2, a2 and its column of dZ2 and dZ1."""
    m = np.shape(X)[1]
    if isinstance(i, bool) or not isinstance(i, (int, np.integer)) or not 0 <= i < m:
        raise ValueError(f"example index must be a whole number from 0 to {m - 1}, got {i!r}")
    v = _values(p, X, Y, activation)
    return Example(
        i=int(i), x=v["X"][:, i].copy(), y=int(v["Y"][0, i]),
        z1=v["Z1"][:, i].copy(), a1=v["A1"][:, i].copy(),
        z2=float(v["Z2"][0, i]), a2=float(v["A2"][0, i]),
        dz2=float(v["dZ2"][0, i]), dz1=v["dZ1"][:, i].copy(),
    )


def keepdims_demo(p: Params, X, Y, alpha: float, activation: str = "tanh") -> KeepdimsDemo:
    """The b1 update computed both ways, for real, at the parameters p."""
    dZ1 = _values(p, X, Y, activation)["dZ1"]
    m = dZ1.shape[1]
    summed = np.sum(dZ1, axis=1)
    summed_keepdims = np.sum(dZ1, axis=1, keepdims=True)
    return KeepdimsDemo(
        b1=p.b1.copy(),
        summed=summed,
        wrong=p.b1 - alpha * (summed / m),
        summed_keepdims=summed_keepdims,
        right=p.b1 - alpha * (summed_keepdims / m),
    )
