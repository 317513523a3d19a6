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

from shallownet.core import activations
from shallownet.core.network import Params, backward, forward


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

    ``wx_shape`` is the shape of W1 X, (n1, m), to which the next forward pass adds
    b1; ``next_error`` is numpy's message when Z1 = W1 X + b1 with the wrong b1
    raises (an (n1, m) and an (n1, n1) do not broadcast unless m = n1), None when
    it does not.
    """

    b1: np.ndarray
    summed: np.ndarray
    wrong: np.ndarray
    summed_keepdims: np.ndarray
    right: np.ndarray
    wx_shape: tuple[int, ...]
    next_error: str | None


def _two_lines(first: str, second: str) -> str:
    """An equation too long for half a projector's width, broken after its first line."""
    head, rest = first.split(" = ", 1)
    return r"\begin{aligned}" + head + " &= " + rest + r" \\ &\qquad " + second + r"\end{aligned}"


# The lecture's notation: [l] for the layer, * for the element-wise product.
LATEX = {
    "Z1": r"Z^{[1]} = W^{[1]} X + b^{[1]}",
    "A1": r"A^{[1]} = g^{[1]}(Z^{[1]})",
    "Z2": r"Z^{[2]} = W^{[2]} A^{[1]} + b^{[2]}",
    "A2": r"A^{[2]} = g^{[2]}(Z^{[2]}) = \sigma(Z^{[2]})",
    "dZ2": r"dZ^{[2]} = A^{[2]} - Y",
    "dW2": r"dW^{[2]} = \frac{1}{m}\, dZ^{[2]} A^{[1]T}",
    "db2": _two_lines(r"db^{[2]} = \frac{1}{m}\, \texttt{np.sum}(dZ^{[2]},",
                      r"\texttt{axis=1}, \texttt{keepdims=True})"),
    "dZ1": r"dZ^{[1]} = W^{[2]T} dZ^{[2]} * g^{[1]\prime}(Z^{[1]})",
    "dW1": r"dW^{[1]} = \frac{1}{m}\, dZ^{[1]} X^{T}",
    "db1": _two_lines(r"db^{[1]} = \frac{1}{m}\, \texttt{np.sum}(dZ^{[1]},",
                      r"\texttt{axis=1}, \texttt{keepdims=True})"),
}
# one example's values (Example's fields), in the lecture's notation for example i
EXAMPLE_LATEX = {
    "x": "x^{(i)}", "y": "y^{(i)}", "z1": "z^{[1](i)}", "a1": "a^{[1](i)}",
    "z2": "z^{[2](i)}", "a2": r"a^{[2](i)} = \hat{y}^{(i)}", "dz2": "dz^{[2](i)}", "dz1": "dz^{[1](i)}",
}
FORWARD = ("Z1", "A1", "Z2", "A2")
BACKWARD = ("dZ2", "dW2", "db2", "dZ1", "dW1", "db1")

# each equation's right-hand side, as the names of the values it reads (see values)
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


def values(p: Params, X, Y, activation: str) -> dict[str, np.ndarray]:
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
    v = values(p, X, Y, activation)
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
    v = values(p, X, Y, activation)
    return Example(
        i=int(i), x=v["X"][:, i].copy(), y=int(v["Y"][0, i]),
        z1=v["Z1"][:, i].copy(), a1=v["A1"][:, i].copy(),
        z2=float(v["Z2"][0, i]), a2=float(v["A2"][0, i]),
        dz2=float(v["dZ2"][0, i]), dz1=v["dZ1"][:, i].copy(),
    )


def keepdims_demo(p: Params, X, Y, alpha: float, activation: str = "tanh") -> KeepdimsDemo:
    """The b1 update computed both ways, for real, at the parameters p."""
    dZ1 = values(p, X, Y, activation)["dZ1"]
    m = dZ1.shape[1]
    summed = np.sum(dZ1, axis=1)
    summed_keepdims = np.sum(dZ1, axis=1, keepdims=True)
    wrong = p.b1 - alpha * (summed / m)
    WX = p.W1 @ np.asarray(X, dtype=float)
    try:
        np.add(WX, wrong)  # the next forward pass's Z1 = W1 X + b1
        next_error = None
    except ValueError as error:
        next_error = str(error).strip()
    return KeepdimsDemo(
        b1=p.b1.copy(),
        summed=summed,
        wrong=wrong,
        summed_keepdims=summed_keepdims,
        right=p.b1 - alpha * (summed_keepdims / m),
        wx_shape=WX.shape,
        next_error=next_error,
    )


# -- showing values -------------------------------------------------------------------

def number_latex(x: float, digits: int = 3) -> str:
    """x to ``digits`` significant digits in LaTeX: 0.0123, -1.5, 1.2 \\times 10^{-5}."""
    text = f"{float(x):.{digits}g}"
    if "e" in text:
        mantissa, exponent = text.split("e")
        return rf"{mantissa} \times 10^{{{int(exponent)}}}"
    return text


def _entry(x: float, digits: int, decimals: int | None) -> str:
    return number_latex(x, digits) if decimals is None else f"{x:.{decimals}f}"


def _cut(n: int, most: int) -> list[int | None]:
    """The indices to show of n, at most ``most``: the first most - 1, a gap (None) and the last."""
    if n <= most:
        return list(range(n))
    return [*range(most - 2), None, n - 1]


def matrix_latex(a, max_rows: int = 6, max_cols: int = 6, digits: int = 3, factor: bool = False,
                 _decimals: int | None = None) -> str:
    """A 1-D or 2-D array as a LaTeX bmatrix: a rank-1 (n,) array as one row, which is
    how numpy broadcasts it; more than ``max_rows`` rows or ``max_cols`` columns are
    cut, the gap shown with dots (the first and the last ones stay).

    ``factor``: when the largest entry is below 0.01 or from 10^4 on, its power of
    ten is taken out in front (10^{-6} \\times [...]) and the entries written with
    ``digits - 1`` decimals, as numpy prints such an array, so that they stay short."""
    a = np.asarray(a, dtype=float)
    if a.ndim == 1:
        a = a[None, :]
    if a.ndim != 2:
        raise ValueError(f"only a 1-D or 2-D array is shown as a matrix, got shape {a.shape}")
    if factor:
        largest = np.max(np.abs(a[np.isfinite(a)]), initial=0.0)
        k = int(np.floor(np.log10(largest))) if largest > 0 else 0
        if not -2 <= k <= 3:
            return rf"10^{{{k}}} \times " + matrix_latex(a / 10.0**k, max_rows, max_cols, digits,
                                                        _decimals=digits - 1)
    rows, cols = _cut(a.shape[0], max(max_rows, 3)), _cut(a.shape[1], max(max_cols, 3))
    lines = []
    for i in rows:
        if i is None:
            lines.append(" & ".join(r"\ddots" if j is None else r"\vdots" for j in cols))
        else:
            lines.append(" & ".join(r"\cdots" if j is None else _entry(a[i, j], digits, _decimals) for j in cols))
    return r"\begin{bmatrix}" + r" \\ ".join(lines) + r"\end{bmatrix}"


def table_latex(columns: dict[str, np.ndarray], max_rows: int = 8, digits: int = 4, index: str | None = None) -> str:
    """1-D arrays of one length side by side as a LaTeX array, each under its header
    (LaTeX), one row an entry; ``index`` heads a first column numbering the rows.
    More than ``max_rows`` rows are cut as in matrix_latex: the gap as dots, the last
    row kept."""
    values = [np.asarray(v, dtype=float).ravel() for v in columns.values()]
    n = len(values[0]) if values else 0
    if not values or any(len(v) != n for v in values):
        raise ValueError(f"a table needs columns of one length, got {[len(v) for v in values]}")
    rows = [([] if index is None else [index]) + list(columns)]
    for i in _cut(n, max(max_rows, 3)):
        cells = [r"\vdots" if i is None else number_latex(v[i], digits) for v in values]
        rows.append(([] if index is None else [r"\vdots" if i is None else str(i)]) + cells)
    spec = ("c|" if index is not None else "") + "r" * len(values)
    body = " & ".join(rows[0]) + r" \\ \hline " + r" \\ ".join(" & ".join(r) for r in rows[1:])
    return r"\begin{array}{" + spec + "}" + body + r"\end{array}"
