"""One pass of the lecture's loop, stage by stage, on the session's network:

    Repeat {
        compute the predictions y-hat (the forward pass)
        dW1, db1, dW2, db2 (the backward pass)
        W1 := W1 - alpha dW1;  b1 := b1 - alpha db1;  W2 := ...;  b2 := ...
    }

with the cost J between the forward and the backward pass. Every value comes from
the reference functions (core/network.py); dZ2 and dZ1, which ``backward`` keeps
to itself, are the Equations page's (lecture/equations.py, ``values``). The update
shown is the plain ``update``: the Playground's step, which the page applies, is
the fast trainer's, equal to it within rounding (tests/app/test_page_one_iteration.py).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from shallownet.core.network import Cache, Grads, Params, compute_cost, logistic_losses, update
from shallownet.lecture.equations import values

STAGES = ("forward", "cost", "backward", "update")

# The lecture's loop, a line per LaTeX row, and the stage each row belongs to.
LOOP = (
    (None, r"\textbf{Repeat} \: \{"),
    ("forward", r"\quad \hat{Y} = A^{[2]}:\ Z^{[1]},\ A^{[1]},\ Z^{[2]},\ A^{[2]}"),
    ("cost", r"\quad J = \tfrac{1}{m} \textstyle\sum_i \mathcal{L}(a^{[2](i)}, y^{(i)})"),
    ("backward", r"\quad dW^{[1]},\ db^{[1]},\ dW^{[2]},\ db^{[2]}"),
    ("update", r"\quad W^{[1]} := W^{[1]} - \alpha\, dW^{[1]}"),
    ("update", r"\quad b^{[1]} := b^{[1]} - \alpha\, db^{[1]}"),
    ("update", r"\quad W^{[2]} := W^{[2]} - \alpha\, dW^{[2]}"),
    ("update", r"\quad b^{[2]} := b^{[2]} - \alpha\, db^{[2]}"),
    (None, r"\}"),
)
HIGHLIGHT, DIMMED = "#1967D2", "#9AA0A6"
PARAM_LATEX = {"W1": "W^{[1]}", "b1": "b^{[1]}", "W2": "W^{[2]}", "b2": "b^{[2]}"}

# g1' for each activation, in terms of what the forward pass computed
G1_PRIME_LATEX = {
    "tanh": r"g^{[1]\prime}(Z^{[1]}) = 1 - \big(A^{[1]}\big)^2",
    "sigmoid": r"g^{[1]\prime}(Z^{[1]}) = A^{[1]} * \big(1 - A^{[1]}\big)",
    "relu": r"g^{[1]\prime}(z) = \begin{cases} 1 & z > 0 \\ 0 & z \le 0 \end{cases}",
    "leaky_relu": r"g^{[1]\prime}(z) = \begin{cases} 1 & z > 0 \\ 0.01 & z \le 0 \end{cases}",
    "linear": r"g^{[1]\prime}(z) = 1",
}

# logistic regression's gradients, which dZ2, dW2 and db2 repeat with A1 for X
LOGISTIC_LATEX = (r"dz = a - y \qquad dw = \tfrac{1}{m}\, X\, dz^{T} \qquad "
                  r"db = \tfrac{1}{m}\, \texttt{np.sum}(dz)")


class Iteration(NamedTuple):
    """Everything one pass of the loop computes from ``params``: the forward pass,
    each example's loss L(a, y) and the cost J, the backward pass (with g1'(Z1)),
    and the parameters after W := W - alpha dW."""

    params: Params
    alpha: float
    Z1: np.ndarray
    A1: np.ndarray
    Z2: np.ndarray
    A2: np.ndarray
    loss: np.ndarray
    cost: float
    dZ2: np.ndarray
    dW2: np.ndarray
    db2: np.ndarray
    g1_prime: np.ndarray
    dZ1: np.ndarray
    dW1: np.ndarray
    db1: np.ndarray
    scaled: Grads  # alpha dW, alpha db1, ...: what the update takes away
    new: Params


def iteration(p: Params, X, Y, activation: str, alpha: float) -> Iteration:
    """One pass of the loop at the parameters p on the examples X (n0, m), Y (1, m)."""
    v = values(p, X, Y, activation)
    Y = np.asarray(Y)
    cache = Cache(*(v[k] for k in Cache._fields))
    grads = Grads(*(v[k] for k in Grads._fields))
    return Iteration(
        params=p, alpha=float(alpha), Z1=v["Z1"], A1=v["A1"], Z2=v["Z2"], A2=v["A2"],
        loss=logistic_losses(v["Z2"], Y), cost=compute_cost(cache, Y),
        dZ2=v["dZ2"], dW2=v["dW2"], db2=v["db2"], g1_prime=v["g1'(Z1)"], dZ1=v["dZ1"], dW1=v["dW1"], db1=v["db1"],
        scaled=Grads(*(alpha * g for g in grads)), new=update(p, grads, alpha),
    )


def shown_columns(m: int, first: int, chosen: int) -> list[int]:
    """The examples whose columns an (n, m) matrix shows: the first ``first`` ones
    and the one chosen on the plane, in order, each once."""
    if not 0 <= chosen < m:
        raise ValueError(f"the chosen example must be from 0 to {m - 1}, got {chosen!r}")
    return sorted(set(range(min(first, m))) | {chosen})


def keepdims_shapes(dZ1: np.ndarray, dZ2: np.ndarray) -> dict[str, tuple[int, ...]]:
    """What np.sum over axis 1 gives, for real: without keepdims a rank-1 array,
    with it or reshaped an (n, 1) column; db2's (1,) broadcasts against b2's (1, 1)
    into (1, 1), so for db2 the mistake changes nothing."""
    n1 = dZ1.shape[0]
    return {
        "db1_plain": np.sum(dZ1, axis=1).shape,
        "db1_keepdims": np.sum(dZ1, axis=1, keepdims=True).shape,
        "db1_reshape": np.sum(dZ1, axis=1).reshape(n1, 1).shape,
        "db2_plain": np.sum(dZ2, axis=1).shape,
        "b2_updated": (np.zeros((1, 1)) - np.sum(dZ2, axis=1)).shape,
    }
