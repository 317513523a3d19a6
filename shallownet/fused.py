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

from . import activations
from .network import Grads, Params


class Stats(NamedTuple):
    """What ``FusedNetwork.evaluate`` measures at the current parameters: the fields
    of ``history.Record`` after ``step``, in the same order, so that a record is
    ``(step, *stats)``. Test values are NaN when there is no test set."""

    cost_train: float
    cost_test: float
    acc_train: float
    acc_test: float
    norm_dW1: float
    norm_db1: float
    norm_dW2: float
    norm_db2: float


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
        self.sums_at = np.array([0, m_train] if M > m_train else [0])
        self.sq = np.empty(self.size)
        # the views a step uses are made once: at this size making a view (or turning
        # a list into an index array) costs about as much as a ufunc call
        self._buffers = (
            self.Th1, self.Th2, self.W2, self.Xa, self.Xd, self.A1, self.A1a, self.A1a.T, self.Z2,
            self.T, self.L, self.L[0], self.wrong, self.wrong[0, :m_train], self.wrong[0, m_train:],
            self.dZ2m, self.gprime, self.gprime.T, self.G1T, self.grad, self.sq,
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

    def evaluate(self) -> Stats:
        """Forward pass, cost, accuracy and backpropagation at the current parameters:
        their numbers, and the gradients in the buffers (``grads``, ``descend``)."""
        (Th1, Th2, W2, Xa, Xd, A1, A1a, A1aT, Z2, T, L, L0, wrong, wrong_train, wrong_test,
         dZ2m, gprime, gprimeT, G1T, grad, sq) = self._buffers
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
        errors_train = int(np.count_nonzero(wrong_train))
        np.exp(T, L)
        np.log1p(L, L)
        sums = np.add.reduceat(L0, self.sums_at).tolist()
        if not (math.isfinite(sums[0]) and math.isfinite(sums[-1])):
            # e^T overflowed (T > 709): the same losses, computed without overflow
            np.logaddexp(0.0, T, L)
            sums = np.add.reduceat(L0, self.sums_at).tolist()
        # backward, with the 1/m (or the test weight 0) in dZ2:
        # dZ2 = A2 - Y = (1 - 2y)(1 - e^-L); [dW2 | db2] = (1/m) dZ2 [A1; 1]^T
        np.negative(L, dZ2m)
        np.expm1(dZ2m, dZ2m)
        mul(dZ2m, self.minus_S_weight, dZ2m)
        np.matmul(dZ2m, A1aT, self.G2)
        # dZ1 = W2^T dZ2 * g1'(Z1); [dW1 | db1] = (1/m) dZ1 [X; 1]^T. With n2 = 1,
        # W2^T dZ2 is an outer product, so entry (j, k) of [dW1 | db1] is
        # W2_j sum_i g1'(Z1)_ji dZ2_i [X; 1]_ki / m: the product is taken with
        # [X; 1] scaled by dZ2, and the (n1, m) array dZ1 is never built.
        mul(Xa, dZ2m, Xd)
        self.dg(A1, A1, gprime)
        np.matmul(Xd, gprimeT, G1T)
        mul(G1T, W2, G1T)
        # the four gradient norms in one reduction
        mul(grad, grad, sq)
        n_w1, n_b1, n_w2, n_b2 = np.add.reduceat(sq, self.offsets).tolist()

        if M > mt:
            m_test = M - mt
            cost_test = sums[1] / m_test
            acc_test = 1.0 - int(np.count_nonzero(wrong_test)) / m_test
        else:
            cost_test = acc_test = math.nan
        return Stats(
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
