"""The trainer the app drives: data, parameters and history, advanced k steps at a time.

One step is one full-batch gradient descent update, one iteration of the lecture.
The state after step t is the cost, accuracy and gradients at the parameters
reached after t updates, so the numbers on screen always belong to the boundary on
screen; step 0 is the initial network.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from . import activations, datasets
from .history import History, Record
from .network import Grads, Params, forward, init_params
from .settings import DATA_FIELDS, DEFAULTS, LIVE_FIELDS, Settings


class Divergence(NamedTuple):
    """Training stopped: at ``step`` the ``quantity`` ("cost", "dW1", "db1", "dW2" or
    "db2") was no longer finite with learning rate ``alpha``."""

    step: int
    quantity: str
    alpha: float


class Snapshot(NamedTuple):
    """The state of a run after ``step`` steps, to come back to (``Trainer.restore``)."""

    step: int
    theta: np.ndarray
    latest: Record


class FusedNetwork:
    """The lecture's equations on preallocated buffers, train and test set in one pass.

    The same maths as network.py (and tested to give the same numbers), arranged
    so that a step is a couple of dozen numpy calls on contiguous arrays and
    allocates nothing:

    - the bias is folded into the weights: [W1 | b1] [X; 1] = W1 X + b1, and the
      same for layer 2, so a layer is one matrix product, and [dW1 | db1] =
      (1/m) dZ1 [X; 1]^T gives dW1 and db1 in one product as well;
    - all parameters live in one flat vector laid out W1 (by column), b1, W2, b2,
      and all gradients in another: the update is one operation and the four
      gradient norms are one reduction;
    - the columns are the training examples followed by the test examples. Both
      go through the forward pass and the cost; in backpropagation each column of
      dZ2 carries the weight 1/m for a training example and exactly 0 for a test
      example, so the test set adds exact zeros to the gradients and no array
      ever has to be sliced.
    """

    def __init__(self, X, Y, m_train: int, n1: int, activation: str):
        n0, M = X.shape
        self.n0, self.n1, self.m_train, self.M = n0, n1, m_train, M
        self.g, self.dg = activations.get(activation)

        self.Xa = np.ones((n0 + 1, M))  # [X; 1]
        self.Xa[:n0] = X
        Yf = Y.astype(float)
        self.S = 1.0 - 2.0 * Yf  # L = log(1 + e^(S Z2)), see network.logistic_losses
        # the smallest T counted as a mistake: T > 0 for y = 0, T >= 0 (that is,
        # T > the negative number nearest 0) for y = 1
        self.wrong_above = np.where(Y == 1, -np.nextafter(0.0, 1.0), 0.0)
        # dZ2 = A2 - Y = S (1 - e^-L); weighted per column: 1/m (train) or 0 (test)
        weight = np.zeros((1, M))
        weight[:, :m_train] = 1.0 / m_train
        self.minus_S_weight = -self.S * weight

        k1 = (n0 + 1) * n1  # size of [W1 | b1]
        self.size = k1 + n1 + 1
        self.theta = np.zeros(self.size)
        self.theta_prev = np.zeros(self.size)
        self.grad = np.zeros(self.size)
        self.tmp = np.zeros(self.size)
        self.Th1 = self.theta[:k1].reshape(n0 + 1, n1).T  # [W1 | b1], (n1, n0 + 1)
        self.Th2 = self.theta[k1:].reshape(1, n1 + 1)  # [W2 | b2]
        self.W2 = self.Th2[:, :n1]
        self.G1T = self.grad[:k1].reshape(n0 + 1, n1)  # [dW1 | db1]^T
        self.G2 = self.grad[k1:].reshape(1, n1 + 1)  # [dW2 | db2]
        # where each of W1, b1, W2, b2 starts in the flat vectors
        self.offsets = np.array([0, n0 * n1, k1, k1 + n1])

        self.A1a = np.ones((n1 + 1, M))  # [A1; 1]
        self.A1 = self.A1a[:n1]
        self.Z2 = np.empty((1, M))
        self.T = np.empty((1, M))
        self.L = np.empty((1, M))
        self.wrong = np.empty((1, M), dtype=bool)
        self.dZ2m = np.empty((1, M))
        self.Xd = np.empty((n0 + 1, M))
        self.gprime = np.empty((n1, M))
        self.sums_at = [0, m_train] if M > m_train else [0]
        self.sq = np.empty(self.size)
        self._buffers = (
            self.Th1, self.Th2, self.W2, self.Xa, self.Xd, self.A1, self.A1a, self.Z2,
            self.T, self.L, self.wrong, self.dZ2m, self.gprime, self.G1T, self.grad, self.sq,
        )

    def set_params(self, p: Params) -> None:
        n0 = self.n0
        self.Th1[:, :n0] = p.W1
        self.Th1[:, n0:] = p.b1
        self.Th2[:, : self.n1] = p.W2
        self.Th2[:, self.n1 :] = p.b2

    def params(self) -> Params:
        n0, n1 = self.n0, self.n1
        return Params(
            W1=self.Th1[:, :n0].copy(), b1=self.Th1[:, n0:].copy(),
            W2=self.Th2[:, :n1].copy(), b2=self.Th2[:, n1:].copy(),
        )

    def grads(self) -> Grads:
        """The gradients at the current parameters (after evaluate())."""
        n0, n1 = self.n0, self.n1
        G1 = self.G1T.T
        return Grads(
            dW1=G1[:, :n0].copy(), db1=G1[:, n0:].copy(),
            dW2=self.G2[:, :n1].copy(), db2=self.G2[:, n1:].copy(),
        )

    def evaluate(self) -> tuple:
        """Forward pass, cost, accuracy and backpropagation at the current parameters.

        Returns (cost_train, cost_test, acc_train, acc_test, |dW1|, |db1|, |dW2|, |db2|).
        """
        (Th1, Th2, W2, Xa, Xd, A1, A1a, Z2, T, L, wrong, dZ2m, gprime, G1T, grad, sq) = self._buffers
        mt, M = self.m_train, self.M
        mul = np.multiply
        # forward: Z1 = W1 X + b1, A1 = g1(Z1) (in place: see activations.py on why
        # g1' needs only A1), Z2 = W2 A1 + b2
        np.matmul(Th1, Xa, A1)
        self.g(A1, A1)
        np.matmul(Th2, A1a, Z2)
        # T = (1 - 2y) z: the example is misclassified where T > 0 (T >= 0 for y = 1,
        # since a point with z = 0 is predicted 0), and its loss is L = log(1 + e^T)
        mul(Z2, self.S, T)
        np.greater(T, self.wrong_above, wrong)
        errors_train = int(np.count_nonzero(wrong[0, :mt]))
        np.exp(T, L)
        np.log1p(L, L)
        sums = np.add.reduceat(L[0], self.sums_at).tolist()
        if not (math.isfinite(sums[0]) and math.isfinite(sums[-1])):
            # e^T overflowed (T > 709): the same losses, computed without overflow
            np.logaddexp(0.0, T, L)
            sums = np.add.reduceat(L[0], self.sums_at).tolist()
        # backward, with the 1/m (or the test weight 0) in dZ2:
        # dZ2 = A2 - Y = (1 - 2y)(1 - e^-L); [dW2 | db2] = (1/m) dZ2 [A1; 1]^T
        np.negative(L, dZ2m)
        np.expm1(dZ2m, dZ2m)
        mul(dZ2m, self.minus_S_weight, dZ2m)
        np.matmul(dZ2m, A1a.T, self.G2)
        # dZ1 = W2^T dZ2 * g1'(Z1); [dW1 | db1] = (1/m) dZ1 [X; 1]^T. With n2 = 1,
        # W2^T dZ2 is an outer product, so entry (j, k) of [dW1 | db1] is
        # W2_j sum_i g1'(Z1)_ji dZ2_i [X; 1]_ki / m: the product is taken with
        # [X; 1] scaled by dZ2, and the (n1, m) array dZ1 is never built.
        mul(Xa, dZ2m, Xd)
        self.dg(A1, A1, gprime)
        np.matmul(Xd, gprime.T, G1T)
        mul(G1T, W2, G1T)
        # the four gradient norms in one reduction
        mul(grad, grad, sq)
        n_w1, n_b1, n_w2, n_b2 = np.add.reduceat(sq, self.offsets).tolist()

        if M > mt:
            m_test = M - mt
            cost_test = sums[1] / m_test
            acc_test = 1.0 - int(np.count_nonzero(wrong[0, mt:])) / m_test
        else:
            cost_test = acc_test = math.nan
        return (
            sums[0] / mt, cost_test, 1.0 - errors_train / mt, acc_test,
            math.sqrt(n_w1), math.sqrt(n_b1), math.sqrt(n_w2), math.sqrt(n_b2),
        )

    def descend(self, alpha: float) -> None:
        """theta := theta - alpha * grad, keeping the previous theta for undo()."""
        np.copyto(self.theta_prev, self.theta)
        np.multiply(self.grad, alpha, self.tmp)
        np.subtract(self.theta, self.tmp, self.theta)

    def undo(self) -> None:
        np.copyto(self.theta, self.theta_prev)


_QUANTITIES = ("cost", "dW1", "db1", "dW2", "db2")


def make_data(settings: Settings) -> datasets.Split:
    """The data set the settings describe, split and (optionally) standardised."""
    X, Y = datasets.load(settings.dataset, settings.m, settings.noise, settings.seed)
    data = datasets.split(X, Y, settings.test_fraction, settings.seed)
    if settings.standardize:
        X_train, X_test = datasets.standardize(data.X_train, data.X_test)
        data = data._replace(X_train=X_train, X_test=X_test)
    return data


class Trainer:
    """Owns the data, the network and the history; ``step(k)`` advances k updates.

    - ``alpha`` can change between steps (``set_alpha``); anything else about the
      network or the data starts a new network (``apply`` says which).
    - When the cost or a gradient stops being finite, training stops at the last
      finite parameters, ``divergence`` says at which step and why, and ``step``
      refuses to go on until ``reset()`` or a smaller alpha.
    """

    def __init__(self, settings: Settings = DEFAULTS, *, data: datasets.Split | None = None,
                 history_capacity: int = 2048):
        self.settings = settings
        self.history_capacity = history_capacity
        self.data = data if data is not None else make_data(settings)
        self.reset()

    # -- building -------------------------------------------------------------
    def reset(self) -> None:
        """A new network from the initialisation, at step 0, on the same data."""
        s, d = self.settings, self.data
        self.net = FusedNetwork(
            np.hstack([d.X_train, d.X_test]), np.hstack([d.Y_train, d.Y_test]),
            d.X_train.shape[1], s.n1, s.activation,
        )
        self.net.set_params(init_params(
            d.X_train.shape[0], s.n1, method=s.init, scale=s.init_scale, seed=s.seed + 1,
        ))
        self.history = History(self.history_capacity)
        self.step_count = 0
        self.divergence: Divergence | None = None
        with np.errstate(over="ignore", invalid="ignore"):
            stats = self.net.evaluate()
        bad = self._first_non_finite(stats)
        if bad:
            self.divergence = Divergence(0, bad, s.alpha)
        self.latest = Record(0, *stats)
        self.history.record(self.latest)

    def apply(self, settings: Settings) -> str:
        """Move to new settings. Returns what that did: "none", "alpha" (applies from
        the next step), "network" (a new network on the same data) or "data" (new
        data and a new network)."""
        changed = settings.changed_from(self.settings)
        self.settings = settings
        if not changed:
            return "none"
        if all(f in LIVE_FIELDS for f in changed):
            # a smaller alpha may go on from the last finite state
            d = self.divergence
            if d and d.step > 0 and settings.alpha < d.alpha:
                self.divergence = None
            return "alpha"
        if any(f in DATA_FIELDS for f in changed):
            self.data = make_data(settings)
            self.reset()
            return "data"
        self.reset()
        return "network"

    def set_alpha(self, alpha: float) -> None:
        self.apply(self.settings.replace(alpha=alpha))

    # -- training -------------------------------------------------------------
    @staticmethod
    def _first_non_finite(stats) -> str | None:
        cost_train, _, _, _, *norms = stats
        for name, value in zip(_QUANTITIES, (cost_train, *norms)):
            if not math.isfinite(value):
                return name
        return None

    def step(self, k: int = 1) -> int:
        """Run up to k gradient descent steps; returns how many were done (fewer
        when training diverges, 0 while it stays stopped)."""
        if self.divergence is not None:
            return 0
        net, history, alpha = self.net, self.history, self.settings.alpha
        isfinite = math.isfinite
        step = self.step_count
        good = None
        # overflow and NaN are expected here and handled: a cost of inf is
        # recomputed without overflow, and a non-finite value stops training
        with np.errstate(over="ignore", invalid="ignore"):
            for _ in range(k):
                net.descend(alpha)
                stats = net.evaluate()
                if not (isfinite(stats[0]) and isfinite(stats[4]) and isfinite(stats[5])
                        and isfinite(stats[6]) and isfinite(stats[7])):
                    self.divergence = Divergence(step + 1, self._first_non_finite(stats), alpha)
                    net.undo()
                    net.evaluate()
                    break
                step += 1
                history.record((step, *stats))
                good = stats
        done = step - self.step_count
        if done:
            self.step_count = step
            self.latest = Record(step, *good)
        return done

    def snapshot(self) -> Snapshot:
        return Snapshot(self.step_count, self.net.theta.copy(), self.latest)

    def restore(self, snap: Snapshot) -> None:
        """Go back to an earlier state of this same run: its parameters and step
        count; the history after it is forgotten."""
        if snap.step > self.step_count or snap.theta.shape != self.net.theta.shape:
            raise ValueError(f"snapshot of step {snap.step} is not an earlier state of this run")
        np.copyto(self.net.theta, snap.theta)
        with np.errstate(over="ignore", invalid="ignore"):
            self.net.evaluate()
        self.step_count = snap.step
        self.latest = snap.latest
        self.history.truncate(snap.step)
        self.divergence = None

    # -- reading --------------------------------------------------------------
    @property
    def params(self) -> Params:
        """A copy of the current parameters."""
        return self.net.params()

    @property
    def grads(self) -> Grads:
        """A copy of the gradients at the current parameters."""
        return self.net.grads()

    def output_on(self, X) -> tuple[np.ndarray, np.ndarray]:
        """Z2 and A2 = y-hat for the points X (n0, k) with the current parameters.

        Far from the data, the weights of a network about to diverge can overflow
        Z2 to infinity; A2 is then exactly 0 or 1, which is what it shows.
        """
        with np.errstate(over="ignore", invalid="ignore"):
            cache = forward(self.params, X, self.settings.activation)
        return cache.Z2, cache.A2
