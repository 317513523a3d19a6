"""The lecture's equations on preallocated buffers: the trainer's fast path.

``FusedNetwork`` holds one network, its training and test sets and every array a
step needs; ``evaluate`` runs the forward pass, the cost, the accuracies and
backpropagation at the current parameters and returns their numbers as ``Stats``;
``descend`` takes one gradient descent step. trainer.py owns the loop, the
history and what happens on divergence.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from shallownet.core import activations
from shallownet.core.network import Grads, Params


class Stats(NamedTuple):
    """What ``FusedNetwork.evaluate`` measures at the current parameters: the fields
    of ``history.Record`` after ``step``, in the same order, so that a record is
    ``(step, *stats)``. Test values are NaN when there is no test set, or when
    they were not asked for."""

    cost_train: float
    cost_test: float
    acc_train: float
    acc_test: float
    norm_dW1: float
    norm_db1: float
    norm_dW2: float
    norm_db2: float


class Examples:
    """A set of examples as a step uses them: [X; 1], and the labels as the sign
    S = 1 - 2y of the cost's exponent and as the threshold of a mistake."""

    def __init__(self, X, Y):
        n0, self.m = X.shape
        self.Xa = np.ones((n0 + 1, self.m))  # [X; 1]
        self.Xa[:n0] = X
        self.S = 1.0 - 2.0 * Y.astype(float)  # L = log(1 + e^(S Z2)), see network.logistic_losses
        # the smallest T counted as a mistake: T > 0 for y = 0, T >= 0 (that is,
        # T > the negative number nearest 0) for y = 1
        self.wrong_above = np.where(Y == 1, -np.nextafter(0.0, 1.0), 0.0)


class TrainingSet(Examples):
    """The training set and the buffers of its forward pass: Z1 = W1 X + b1,
    A1 = g1(Z1), Z2 = W2 A1 + b2, T = (1 - 2y) Z2 and e^T. ``forward`` fills them
    for the parameters it is given; backpropagation, the cost and the accuracy
    read them."""

    def __init__(self, X, Y, n1: int):
        super().__init__(X, Y)
        m = self.m
        self.A1a = np.ones((n1 + 1, m))  # [A1; 1]
        self.A1 = self.A1a[:n1]
        self.A1aT = self.A1a.T
        self.Z2 = np.empty((1, m))
        self.T = np.empty((1, m))
        # dZ2 and e^T, stacked so that one product with [A1; 1]^T gives both
        # m [dW2 | db2] and the sum of e^T (by the row of ones): see FusedNetwork.backprop
        self.dZ2_E = np.empty((2, m))
        self.dZ2, self.E = self.dZ2_E[:1], self.dZ2_E[1:]
        self.onePlusE = np.empty((1, m))
        self.L = np.empty((1, m))
        self.L0 = self.L[0]
        self.wrong = np.empty((1, m), dtype=bool)

    def forward(self, Th1, Th2, g) -> None:
        """The forward pass with [W1 | b1] = Th1 and [W2 | b2] = Th2, up to e^T."""
        # Z1 = W1 X + b1, A1 = g1(Z1) (in place: see activations.py on why g1'
        # needs only A1), Z2 = W2 A1 + b2
        np.matmul(Th1, self.Xa, self.A1)
        g(self.A1, self.A1)
        np.matmul(Th2, self.A1a, self.Z2)
        # T = (1 - 2y) z: the example is misclassified where T > 0 (T >= 0 for y = 1,
        # since a point with z = 0 is predicted 0), and its loss is L = log(1 + e^T)
        np.multiply(self.Z2, self.S, self.T)
        np.exp(self.T, self.E)

    def losses(self) -> None:
        """L = log(1 + e^T) from the last ``forward``; computed without overflow
        where e^T overflowed (T > 709)."""
        np.log1p(self.E, self.L)
        if not np.isfinite(self.E).all():
            np.logaddexp(0.0, self.T, self.L)

    def errors(self) -> int:
        """How many examples the last ``forward`` misclassified."""
        np.greater(self.T, self.wrong_above, self.wrong)
        return int(np.count_nonzero(self.wrong))


class TestSet(Examples):
    """The test set, measured for many parameter vectors at once.

    At 80 examples (the default) a forward pass is a dozen numpy calls of a few
    microseconds each, more than its arithmetic: done for a stack of parameter
    vectors, the calls are shared by the whole stack. Each vector's numbers come
    from its own slice of every array (a matrix product per slice), so they are
    the same in a stack of one or of many."""

    # rows measured per pass, so that A1 (rows, n1, m) stays within ~8 MB
    MAX_ELEMENTS = 2**20

    def numbers(self, thetas, n0: int, n1: int, g) -> tuple[list[float], list[float]]:
        """The cost and the accuracy for each row of ``thetas``, laid out as
        ``FusedNetwork.theta``: W1 by column, b1, W2, b2."""
        k1 = (n0 + 1) * n1
        rows = max(1, self.MAX_ELEMENTS // (n1 * self.m))
        costs, accs = [], []
        for at in range(0, len(thetas), rows):
            part = thetas[at : at + rows]
            r = len(part)
            # Z1 = W1 X + b1 and A1 = g1(Z1) for every row: (r, n1, m)
            A1 = np.matmul(part[:, :k1].reshape(r, n0 + 1, n1).transpose(0, 2, 1), self.Xa)
            g(A1, A1)
            # Z2 = W2 A1 + b2: (r, 1, m)
            Z2 = np.matmul(part[:, None, k1 : k1 + n1], A1)
            Z2 += part[:, k1 + n1, None, None]
            # T = (1 - 2y) z, misclassified where T > 0, L = log(1 + e^T): as in TrainingSet.forward
            T = np.multiply(Z2, self.S, Z2)
            errors = np.count_nonzero(T > self.wrong_above, axis=(1, 2))
            L = np.exp(T)
            np.log1p(L, L)
            sums = np.add.reduce(L, axis=2)[:, 0]
            if not np.all(np.isfinite(sums)):
                np.logaddexp(0.0, T, L)
                sums = np.add.reduce(L, axis=2)[:, 0]
            costs += (sums / self.m).tolist()
            accs += ((self.m - errors) / self.m).tolist()
        return costs, accs


class FusedNetwork:
    """The lecture's equations on preallocated buffers: a step is a couple of dozen
    numpy calls on contiguous arrays and allocates nothing (the test set's pass,
    on a few steps only, makes its arrays as it goes).

    The same maths as network.py (and tested to give the same numbers), arranged
    for speed:

    - the bias is folded into the weights: [W1 | b1] [X; 1] = W1 X + b1, and the
      same for layer 2, so a layer is one matrix product, and [dW1 | db1] =
      (1/m) dZ1 [X; 1]^T gives dW1 and db1 in one product as well;
    - all parameters live in one flat vector laid out W1 (by column), b1, W2, b2,
      and all gradients in another: the update is one operation and the four
      gradient norms are one reduction;
    - the test set is a forward pass of its own (``test_numbers``), for a whole
      batch of parameter vectors at once: the trainer needs its numbers only on
      the steps its history keeps and at the last step of a call, and keeps
      those steps' parameters to measure them together. A step then does the
      training set's work alone (the test set is a fifth of the examples at the
      default split), and the training set's numbers, so the whole run, are the
      same however the test set is measured;
    - ``backprop`` is all a step the history drops needs: dZ2 comes from e^T
      directly, and the one check that nothing diverged (the sum of e^T) comes
      out of the product that gives [dW2 | db2]; ``cost`` (the logarithms) and
      ``stats`` are for the steps that are kept.
    """

    def __init__(self, X_train, Y_train, X_test, Y_test, n1: int, activation: str):
        n0, m = X_train.shape
        self.n0, self.n1, self.m_train = n0, n1, m
        self.g, self.dg = activations.get(activation)
        self.train = TrainingSet(X_train, Y_train, n1)
        self.test = TestSet(X_test, Y_test) if X_test.shape[1] else None
        # [X; 1] / m: the 1/m of [dW1 | db1] folded in (dW2's comes after its sum)
        self.Xa_over_m = self.train.Xa / m
        self._sum_E_finite = True  # as the last backprop found it (see cost)

        k1 = (n0 + 1) * n1  # size of [W1 | b1]
        self.size = k1 + n1 + 1
        self.theta = np.zeros(self.size)
        self.theta_prev = np.zeros(self.size)
        # the gradients, then one more row of n1 + 1: [dW2 | db2] and that row are
        # the product [dZ2 / m; e^T] [A1; 1]^T, whose last entry is the sum of e^T
        self._grad_and_more = np.zeros(self.size + n1 + 1)
        self.grad = self._grad_and_more[: self.size]
        self.tmp = np.zeros(self.size)
        self.Th1 = self.theta[:k1].reshape(n0 + 1, n1).T  # [W1 | b1], (n1, n0 + 1)
        self.Th2 = self.theta[k1:].reshape(1, n1 + 1)  # [W2 | b2]
        self.W2 = self.Th2[:, :n1]
        self.G1T = self.grad[:k1].reshape(n0 + 1, n1)  # [dW1 | db1]^T
        self.G2 = self.grad[k1:].reshape(1, n1 + 1)  # [dW2 | db2]
        self.G2_sumE = self._grad_and_more[k1:].reshape(2, n1 + 1)
        # where each of W1, b1, W2, b2 starts in the flat vectors
        self.offsets = np.array([0, n0 * n1, k1, k1 + n1])

        self.Xd = np.empty((n0 + 1, m))
        self.gprime = np.empty((n1, m))
        self.sq = np.empty(self.size)
        # the views a step uses are made once: at this size making a view (or turning
        # a list into an index array) costs about as much as a ufunc call
        t = self.train
        self._buffers = (
            self.Th1, self.Th2, self.W2, t, self.Xa_over_m, self.Xd, t.A1, t.A1aT, t.E, t.onePlusE,
            t.dZ2, t.dZ2_E, self.G2, self.G2_sumE, self.gprime, self.gprime.T, self.G1T, self.grad,
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

    def backprop(self) -> bool:
        """Forward pass and backpropagation at the current parameters: the gradients
        in the buffers (``grads``, ``descend``). Every step needs these; ``cost``
        and ``stats`` add what a step the history keeps needs.

        Returns True when the cost and the four gradient norms are sure to be
        finite: every e^T is finite and so is their sum (the cost, a mean of
        log(1 + e^T), is smaller), and so is the sum of the squares of all
        gradients (each norm is the root of a part of it). False asks ``stats``."""
        (Th1, Th2, W2, train, Xa_over_m, Xd, A1, A1aT, E, onePlusE, dZ2, dZ2_E, G2, G2_sumE,
         gprime, gprimeT, G1T, grad) = self._buffers
        mul = np.multiply
        m = self.m_train
        train.forward(Th1, Th2, self.g)
        # backward: dZ2 = A2 - Y = (1 - 2y) sigma(T), and sigma(T) = e^T / (1 + e^T);
        # [dW2 | db2] = (1/m) dZ2 [A1; 1]^T, and the sum of e^T from the same
        # product. The sum comes before the 1/m, as in network.backward (which
        # says why: the zero network must stay at zero on any CPU).
        np.add(E, 1.0, onePlusE)
        np.divide(E, onePlusE, dZ2)
        mul(dZ2, train.S, dZ2)
        np.matmul(dZ2_E, A1aT, G2_sumE)
        mul(G2, 1 / m, G2)
        sure = self._sum_E_finite = math.isfinite(G2_sumE[1, -1])
        if not sure:
            # e^T overflowed somewhere (T > 709): sigma(T) = 1 - e^-L from the
            # losses L = log(1 + e^T), computed without overflow
            train.losses()
            np.negative(train.L, dZ2)
            np.expm1(dZ2, dZ2)
            mul(dZ2, train.S, dZ2)
            np.negative(dZ2, dZ2)
            np.matmul(dZ2, A1aT, G2)
            mul(G2, 1 / m, G2)
        # dZ1 = W2^T dZ2 * g1'(Z1); [dW1 | db1] = (1/m) dZ1 [X; 1]^T. With n2 = 1,
        # W2^T dZ2 is an outer product, so entry (j, k) of [dW1 | db1] is
        # W2_j sum_i g1'(Z1)_ji dZ2_i [X; 1]_ki / m: the product is taken with
        # [X; 1] / m scaled by dZ2, and the (n1, m) array dZ1 is never built.
        mul(Xa_over_m, dZ2, Xd)
        self.dg(A1, A1, gprime)
        np.matmul(Xd, gprimeT, G1T)
        mul(G1T, W2, G1T)
        # the array's own dot: a third faster than np.dot at this size
        return sure and math.isfinite(grad.dot(grad))

    def cost(self) -> float:
        """The training cost J at the parameters of the last ``backprop``."""
        if self._sum_E_finite:
            np.log1p(self.train.E, self.train.L)  # no e^T overflowed
        # (otherwise backprop has computed the losses already)
        return float(np.add.reduce(self.train.L0)) / self.m_train

    def stats(self, cost_train: float, test: bool = True) -> Stats:
        """The numbers at the parameters of the last ``backprop``, which gave
        ``cost_train``: with the accuracy and the four gradient norms, and the test
        set's numbers unless ``test=False`` (then NaN)."""
        m = self.m_train
        acc_train = (m - self.train.errors()) / m
        # the four gradient norms in one reduction
        np.multiply(self.grad, self.grad, self.sq)
        n_w1, n_b1, n_w2, n_b2 = np.add.reduceat(self.sq, self.offsets).tolist()
        if test:
            (cost_test,), (acc_test,) = self.test_numbers(self.theta[None])
        else:
            cost_test = acc_test = math.nan
        return Stats(
            cost_train, cost_test, acc_train, acc_test,
            math.sqrt(n_w1), math.sqrt(n_b1), math.sqrt(n_w2), math.sqrt(n_b2),
        )

    def evaluate(self, test: bool = True) -> Stats:
        """``backprop`` and ``stats``: every number at the current parameters."""
        self.backprop()
        return self.stats(self.cost(), test)

    def test_numbers(self, thetas: np.ndarray) -> tuple[list[float], list[float]]:
        """The test set's cost and accuracy for each row of ``thetas`` (parameter
        vectors laid out as ``theta``); NaN without a test set. A row's numbers do
        not depend on the other rows."""
        if self.test is None:
            nan = [math.nan] * len(thetas)
            return nan, nan
        return self.test.numbers(thetas, self.n0, self.n1, self.g)

    def descend(self, alpha: float) -> None:
        """theta := theta - alpha * grad, keeping the previous theta for undo()."""
        np.copyto(self.theta_prev, self.theta)
        np.multiply(self.grad, alpha, self.tmp)
        np.subtract(self.theta, self.tmp, self.theta)

    def undo(self) -> None:
        np.copyto(self.theta, self.theta_prev)
