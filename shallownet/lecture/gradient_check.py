"""Gradient check: backpropagation against central differences of the cost.

Besides the right backward pass, ``VARIANTS`` holds deliberately wrong ones, each a
mistake people make when they write the lecture's six equations, so that the check
can be seen to catch them; ``relu_kink`` builds the case where the check itself is
wrong: a ReLU pre-activation within eps of its kink.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import numpy as np

from shallownet.core import activations
from shallownet.core.network import Cache, Grads, Params, backward, compute_cost, forward, logistic_losses

# The one number that decides a check: a parameter passes when its relative error
# is below it. The page shows it as the tolerance and draws it as the line. Float64
# central differences of a smooth activation agree with backprop that well.
TOLERANCE = 1e-7
# How many units of rounding of J a central difference's error may be: each entry
# of the numerical gradient is off by about u |J| / eps from the rounding of J alone
# (u = 1.1e-16); measured, the largest was 1.2 of those. See CheckResult.floor.
ROUNDING_UNITS = 10.0


class CheckResult(NamedTuple):
    """Per parameter (W1, b1, W2, b2): the analytic and the numerical gradient, their
    relative error, and ``floor``, the smallest |a| + |n| whose relative error central
    differences can measure to TOLERANCE.

    The rounding of J alone may put the numerical gradient off by ROUNDING_UNITS
    u |J| / eps per entry (times the square root of the number of entries for the
    norm); floor is that over TOLERANCE. Below it a right backprop could show any
    relative error (the b1 of a new network, where the classes balance, is about
    1e-8), so the relative error is |a - n| / max(|a| + |n|, floor): the usual one
    above the floor, the difference against the floor below it; inf when the shapes
    differ. A parameter passes when it is below TOLERANCE.
    """

    analytic: dict[str, np.ndarray]
    numerical: dict[str, np.ndarray]
    relative_error: dict[str, float]
    floor: dict[str, float]

    @property
    def worst(self) -> float:
        return max(self.relative_error.values())

    @property
    def shape_errors(self) -> dict[str, tuple[tuple[int, ...], tuple[int, ...]]]:
        """Per parameter whose analytic gradient has the wrong shape: (its shape, the right one)."""
        return {
            name: (a.shape, self.numerical[name].shape)
            for name, a in self.analytic.items() if a.shape != self.numerical[name].shape
        }

    def difference(self, name: str) -> float:
        """|a - n| for one parameter (computed as numpy broadcasts a - n)."""
        return float(np.linalg.norm(self.analytic[name] - self.numerical[name]))

    def size(self, name: str) -> float:
        """|a| + |n| for one parameter."""
        return float(np.linalg.norm(self.analytic[name]) + np.linalg.norm(self.numerical[name]))

    def passes(self) -> dict[str, bool]:
        """Per parameter: its relative error is below TOLERANCE."""
        return {name: bool(e < TOLERANCE) for name, e in self.relative_error.items()}

    def passed(self) -> bool:
        return all(self.passes().values())


class Row(NamedTuple):
    """One parameter's line of a check, as a table shows it: ``floored`` when its
    gradient is below the floor, so that its relative error is its difference over
    the floor (the page says so)."""

    name: str
    shape: tuple[int, ...]
    expected_shape: tuple[int, ...]
    analytic_norm: float
    numerical_norm: float
    relative_error: float
    difference: float
    size: float
    floor: float
    passes: bool
    floored: bool


def rows(result: CheckResult) -> list[Row]:
    """A check's parameters, W1 b1 W2 b2, one Row each."""
    passes = result.passes()
    out = []
    for name, a in result.analytic.items():
        size, floor = result.size(name), result.floor[name]
        right_shape = a.shape == result.numerical[name].shape
        out.append(Row(name=name, shape=a.shape, expected_shape=result.numerical[name].shape,
                       analytic_norm=float(np.linalg.norm(a)),
                       numerical_norm=float(np.linalg.norm(result.numerical[name])),
                       relative_error=result.relative_error[name], difference=result.difference(name),
                       size=size, floor=floor, passes=passes[name], floored=right_shape and size < floor))
    return out


def numerical_gradient(p: Params, X, Y, activation: str, eps: float = 1e-5) -> Params:
    """dJ/dtheta for every entry of every parameter, as (J(theta + eps) - J(theta - eps)) / 2 eps.

    eps = 1e-5 balances the two errors of a central difference in float64: the
    truncation error, about eps^2 |J'''| / 6, and the rounding of J, about
    1e-16 |J| / eps. Over 900 random networks it gave a median relative error of
    1e-10 and a worst of 8e-8; eps = 1e-4 and 1e-6 gave worst cases above 3e-7.
    """
    out = []
    for name, W in zip(Params._fields, p):
        dW = np.zeros_like(W)
        for idx in np.ndindex(W.shape):
            costs = []
            for sign in (1.0, -1.0):
                W_shift = W.copy()
                W_shift[idx] += sign * eps
                q = p._replace(**{name: W_shift})
                costs.append(compute_cost(forward(q, X, activation), Y))
            dW[idx] = (costs[0] - costs[1]) / (2 * eps)
        out.append(dW)
    return Params(*out)


def fast_numerical_gradient(p: Params, X, Y, activation: str, eps: float = 1e-5) -> Params:
    """The same central differences as ``numerical_gradient``, every entry of a
    parameter at once, from one forward pass.

    A shift of W1[i, k] (or b1[i]) changes only row i of Z1, by eps X[k] (or eps),
    so Z2 moves by W2[i] (g1(z1_i shifted) - a1_i); a shift of W2[i] moves Z2 by
    eps a1_i, one of b2 by eps. The shifted costs of all n1 units are then the rows
    of one (n1, m) array: (n0 + 2) pairs of them in all, instead of 2 forward passes
    per parameter entry, so a network of n1 = 64 checks in milliseconds rather than
    seconds. For one output unit (n2 = 1), as here.
    """
    X = np.asarray(X, dtype=float)
    Y = np.asarray(Y)
    if p.W2.shape[0] != 1:
        raise ValueError(f"the fast central differences are for one output unit; W2 is {p.W2.shape}")
    g = activations.get(activation).g
    cache = forward(p, X, activation)

    def central(shifted_Z2) -> np.ndarray:
        """(J(+eps) - J(-eps)) / 2 eps for each row of the shifted Z2s, (k, m) -> (k,)."""
        plus, minus = (np.mean(logistic_losses(shifted_Z2(s), Y), axis=1) for s in (eps, -eps))
        return (plus - minus) / (2 * eps)

    def hidden(row) -> np.ndarray:
        """Each unit's row of Z1 shifted by s * row: Z2 moves by W2[i] times the change in a1_i."""
        return central(lambda s: cache.Z2 + p.W2.T * (g(cache.Z1 + s * row) - cache.A1))

    dW1 = np.stack([hidden(X[k : k + 1]) for k in range(X.shape[0])], axis=1)
    db1 = hidden(1.0)[:, None]
    dW2 = central(lambda s: cache.Z2 + s * cache.A1)[None, :]
    db2 = central(lambda s: cache.Z2 + s).reshape(1, 1)
    return Params(dW1, db1, dW2, db2)


def relative_error(a, n, floor: float = 0.0) -> float:
    """||a - n|| / max(||a|| + ||n||, floor), 0 where both are 0 and floor is 0 too;
    inf where the shapes differ: a rank-1 (n1,) gradient and an (n1, 1) one have no
    entries to compare (numpy would broadcast a - n to (n1, n1))."""
    a, n = np.asarray(a), np.asarray(n)
    if a.shape != n.shape:
        return float("inf")
    denom = max(float(np.linalg.norm(a) + np.linalg.norm(n)), floor)
    return float(np.linalg.norm(a - n) / denom) if denom > 0 else 0.0


def gradient_check(p: Params, X, Y, activation: str = "tanh", eps: float = 1e-5,
                   variant: str = "correct", numerical: Params | None = None) -> CheckResult:
    """Compare a backward pass (``backward`` itself, or one of ``VARIANTS``) with
    central differences, parameter by parameter.

    ``numerical``: the central differences at this same network and eps, if already
    computed (check_variants computes them once for every variant); by default
    ``fast_numerical_gradient`` computes them (``numerical_gradient``, one forward
    pass per shift, is the same differences written plainly; the tests hold the two
    together)."""
    backward_pass = variant_backward(variant)
    cache = forward(p, X, activation)
    analytic = backward_pass(p, cache, X, Y, activation)
    if numerical is None:
        numerical = fast_numerical_gradient(p, X, Y, activation, eps)
    per_entry = ROUNDING_UNITS * np.finfo(float).eps / 2 * abs(compute_cost(cache, Y)) / eps
    floor = {name: per_entry * float(np.sqrt(W.size)) / TOLERANCE for name, W in zip(Params._fields, p)}
    return CheckResult(
        analytic=dict(zip(Params._fields, analytic)),
        numerical=dict(zip(Params._fields, numerical)),
        relative_error={name: relative_error(a, n, floor[name])
                        for name, a, n in zip(Params._fields, analytic, numerical)},
        floor=floor,
    )


# -- deliberately wrong backward passes ---------------------------------------------

def _backward_with(p: Params, cache: Cache, X, Y, activation: str, *, dg=None, scale2=None,
                   sign=1.0, keepdims1=True) -> Grads:
    """The six equations with the variants' mistakes as options: ``dg`` in place of
    g1'(Z1), ``scale2`` in place of layer 2's 1/m, ``sign`` on dZ2, ``keepdims1`` for
    db1's sum. With none of them it is network.backward (the tests hold it to that)."""
    X = np.asarray(X, dtype=float)
    m = X.shape[1]
    scale2 = 1 / m if scale2 is None else scale2
    dg = activations.get(activation).dg(cache.Z1, cache.A1) if dg is None else dg
    dZ2 = sign * (cache.A2 - Y)
    dW2 = scale2 * (dZ2 @ cache.A1.T)
    db2 = scale2 * np.sum(dZ2, axis=1, keepdims=True)
    dZ1 = (p.W2.T @ dZ2) * dg
    dW1 = (1 / m) * (dZ1 @ X.T)
    db1 = (1 / m) * np.sum(dZ1, axis=1, keepdims=keepdims1)
    return Grads(dW1=dW1, db1=db1, dW2=dW2, db2=db2)


class Variant(NamedTuple):
    """A backward pass to check: its label, the mistake it makes in the lecture's
    terms, the gradients that mistake gets wrong, and the function itself."""

    label: str
    mistake: str
    wrong: tuple[str, ...]
    backward: Callable[..., Grads]


VARIANTS: dict[str, Variant] = {
    "correct": Variant(
        "correct", "none: the lecture's six equations", (), backward),
    "one_minus_a": Variant(
        "g1' written as 1 - A1",
        "g1'(Z1) taken as 1 - A1 (tanh' = 1 - A1^2 without its square), whatever g1 is", ("W1", "b1"),
        lambda p, c, X, Y, act: _backward_with(p, c, X, Y, act, dg=1 - c.A1)),
    "no_one_over_m": Variant(
        "dW2 and db2 without the 1/m",
        "dW2 = dZ2 A1^T and db2 = sum(dZ2), without the 1/m", ("W2", "b2"),
        lambda p, c, X, Y, act: _backward_with(p, c, X, Y, act, scale2=1.0)),
    "no_g_prime": Variant(
        "g1' left out",
        "dZ1 = W2^T dZ2, without * g1'(Z1) (right only for the linear activation)", ("W1", "b1"),
        lambda p, c, X, Y, act: _backward_with(p, c, X, Y, act, dg=1.0)),
    "sign": Variant(
        "dZ2 = Y - A2",
        "the sign of dZ2 flipped: every gradient points uphill", ("W1", "b1", "W2", "b2"),
        lambda p, c, X, Y, act: _backward_with(p, c, X, Y, act, sign=-1.0)),
    "db1_no_keepdims": Variant(
        "db1 without keepdims",
        "db1 = np.sum(dZ1, axis=1) / m: a rank-1 (n1,) array, not an (n1, 1) column", ("b1",),
        lambda p, c, X, Y, act: _backward_with(p, c, X, Y, act, keepdims1=False)),
}


def variant_backward(name: str) -> Callable[..., Grads]:
    """The backward pass of VARIANTS[name], or a ValueError that lists the names."""
    if name not in VARIANTS:
        raise ValueError(f"backward variant {name!r} is not one of: {', '.join(VARIANTS)}")
    return VARIANTS[name].backward


def why_it_passes(p: Params, X, activation: str, variant: str, right: CheckResult) -> str:
    """Why a wrong backward pass gives the right gradients at this network, given the
    check of the right one (``right``):

    - "w2_zero": W2 = 0, so dZ1 = W2^T dZ2 * g1'(Z1) is 0 whatever is taken for g1'
      (the mistakes in g1');
    - "g_prime_one": g1'(Z1) = 1 at every entry (the linear activation, or ReLU with
      every unit active on every example), so leaving it out changes nothing;
    - "zero": the gradients the mistake changes are below their floor, as good as 0
      to the check (zero weights on classes of equal size, a converged network),
      and a flipped sign or a factor of m leaves 0 at 0;
    - "same": none of these; the mistake gives the same numbers here all the same.
    """
    g_prime = variant in ("one_minus_a", "no_g_prime")
    if g_prime and not np.any(p.W2):
        return "w2_zero"
    if variant == "no_g_prime":
        Z1 = forward(p, X, activation).Z1
        if np.all(activations.get(activation).dg(Z1) == 1):
            return "g_prime_one"
    if all(right.size(name) < right.floor[name] for name in VARIANTS[variant].wrong):
        return "zero"
    return "same"


def check_variants(p: Params, X, Y, activation: str = "tanh", eps: float = 1e-5) -> dict[str, CheckResult]:
    """Every variant's gradient check at the same network (the central differences
    computed once, for all of them)."""
    numerical = fast_numerical_gradient(p, X, Y, activation, eps)
    return {name: gradient_check(p, X, Y, activation, eps, variant=name, numerical=numerical)
            for name in VARIANTS}


# -- the kink of ReLU ---------------------------------------------------------------

def near_kink(p: Params, X, eps: float = 1e-5) -> int:
    """How many entries of Z1 a shift of eps in one parameter can move across 0: there
    a central difference of ReLU or leaky ReLU straddles the kink. A shift of b1[i]
    moves Z1[i, j] by eps, one of W1[i, k] by eps X[k, j]."""
    X = np.asarray(X, dtype=float)
    reach = eps * np.maximum(1.0, np.abs(X).max(axis=0))
    return int(np.sum(np.abs(forward(p, X, "linear").Z1) < reach))


class KinkCase(NamedTuple):
    """A ReLU network with Z1[unit, example] moved onto the kink at 0 by shifting
    b1[unit]; ``z`` is that entry after the shift (0 up to rounding), ``near_kink``
    how many entries of Z1 are within reach of the kink (see near_kink), ``result`` the gradient check there
    and ``before`` the check at the unshifted network."""

    params: Params
    unit: int
    example: int
    z: float
    near_kink: int
    eps: float
    result: CheckResult
    before: CheckResult


def relu_kink(p: Params, X, Y, unit: int | None = None, example: int | None = None,
              eps: float = 1e-5) -> KinkCase:
    """Shift b1[unit] so that the pre-activation of ``example`` in ``unit`` sits at 0,
    where ReLU has no derivative, and check the gradient there with ReLU.

    The analytic pass takes relu'(0) = 0; the central difference straddles the kink
    and sees about half of that example's slope, so the two disagree by far more
    than the tolerance. By default the unit is the one with the largest |W2| and the
    example the one with the largest |A2 - Y|, where the disagreement is largest.
    """
    X = np.asarray(X, dtype=float)
    cache = forward(p, X, "relu")
    if not np.any(p.W2):
        raise ValueError("every weight of W2 is 0: no hidden unit reaches the cost, so no kink shows")
    if unit is None:
        unit = int(np.argmax(np.abs(p.W2[0])))
    if example is None:
        example = int(np.argmax(np.abs(cache.A2[0] - Y[0])))
    b1 = p.b1.copy()
    b1[unit, 0] -= cache.Z1[unit, example]
    q = p._replace(b1=b1)
    return KinkCase(
        params=q, unit=unit, example=example, z=float(forward(q, X, "relu").Z1[unit, example]),
        near_kink=near_kink(q, X, eps), eps=eps,
        result=gradient_check(q, X, Y, "relu", eps), before=gradient_check(p, X, Y, "relu", eps),
    )
