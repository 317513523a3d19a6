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

from shallownet.core import datasets
from shallownet.core.fused import FusedNetwork, Stats
from shallownet.core.history import History, Record
from shallownet.core.network import Grads, Params, forward, init_params
from shallownet.core.settings import DATA_FIELDS, DEFAULTS, LIVE_FIELDS, Settings


class Divergence(NamedTuple):
    """Training stopped: at ``step`` the ``quantity`` ("cost", "dW1", "db1", "dW2" or
    "db2") was no longer finite with learning rate ``alpha``."""

    step: int
    quantity: str
    alpha: float


class Change(NamedTuple):
    """What ``Trainer.apply`` did: ``kind`` is "none", "alpha" (applies from the next
    step), "network" (a new network on the same data) or "data" (new data and a new
    network); ``fields`` names the settings that changed, in the order of Settings."""

    kind: str
    fields: tuple[str, ...]


class Snapshot(NamedTuple):
    """The state of a run after ``step`` steps, to come back to (``Trainer.restore``)."""

    step: int
    theta: np.ndarray
    latest: Record


class Run(NamedTuple):
    """What trains a run again, step for step (``replay``): its settings and data,
    where it began (``start``: step 0 and the initialisation, or a network loaded or
    kept at a later step, with its parameters ``params`` there), the α of each part
    (``alphas``: (first step, α), ascending; a step from t to t + 1 uses the α of
    the last part whose first step is at most t) and the step it has reached."""

    settings: Settings
    data: datasets.Split
    points: object
    start: int
    params: Params
    alphas: tuple[tuple[int, float], ...]
    step: int
    history_capacity: int


# what stops training when it is no longer finite, as Divergence.quantity names it
_QUANTITIES = ("cost", "dW1", "db1", "dW2", "db2")
# kept steps measured on the test set in one pass: enough to share its numpy calls
# over many steps, few enough that their parameters stay small
_KEPT_PER_BATCH = 256


class OwnDataMissing(ValueError):
    """dataset = "own" without any points of the user's."""


def source_points(settings: Settings, points=None) -> tuple[np.ndarray, np.ndarray]:
    """All the points, X (2, m) and Y (1, m), before the split: the user's own
    ``points`` when the data set is "own", else the generated data set."""
    if settings.dataset == datasets.OWN:
        if points is None:
            raise OwnDataMissing('the data set is "own" but there are no points of your own')
        return points[0], points[1]
    return datasets.load(settings.dataset, settings.m, settings.noise, settings.seed)


def make_data(settings: Settings, points=None) -> datasets.Split:
    """The data set the settings describe, split and (optionally) standardised; with
    dataset = "own", the user's ``points``, where m and noise do not apply: (X, Y),
    or (X, Y, n) when only the first n points are split into training and test and
    the others (added by clicking) all train, so that adding one moves no other."""
    X, Y = source_points(settings, points)
    n = points[2] if settings.dataset == datasets.OWN and len(points) > 2 else X.shape[1]
    data = datasets.split(X[:, :n], Y[:, :n], settings.test_fraction, settings.seed)
    if n < X.shape[1]:
        data = data._replace(X_train=np.hstack([data.X_train, X[:, n:]]),
                             Y_train=np.hstack([data.Y_train, Y[:, n:]]))
    if settings.standardize:
        X_train, X_test = datasets.standardize(data.X_train, data.X_test)
        data = data._replace(X_train=X_train, X_test=X_test)
    return data


def progress_share(on_progress, offset: int, total: int):
    """A callback for one run among several: it reports ``offset + done`` of ``total``
    to ``on_progress(done, total)``, so that one progress bar covers them all.
    None when ``on_progress`` is None."""
    if on_progress is None:
        return None
    return lambda done, _steps: on_progress(offset + done, total)


class Trainer:
    """Owns the data, the network and the history; ``step(k)`` advances k updates.

    - ``alpha`` can change between steps (``set_alpha``); anything else about the
      network or the data starts a new network (``apply`` says which).
    - When the cost or a gradient stops being finite, training stops at the last
      finite parameters, ``divergence`` says at which step and why, and ``step``
      refuses to go on until ``reset()`` or a smaller alpha.
    """

    def __init__(self, settings: Settings = DEFAULTS, *, data: datasets.Split | None = None,
                 points=None, history_capacity: int = 2048):
        self.settings = settings
        self.history_capacity = history_capacity
        # the user's own points (X, Y), used while settings.dataset is "own"; kept
        # when another data set is chosen, so that choosing "own" again finds them
        self.points = points
        self.data = data if data is not None else make_data(settings, points)
        self.reset()

    # -- building -------------------------------------------------------------
    def reset(self) -> None:
        """A new network from the initialisation, at step 0, on the same data."""
        s, d = self.settings, self.data
        self.net = FusedNetwork(d.X_train, d.Y_train, d.X_test, d.Y_test, s.n1, s.activation)
        self.net.set_params(init_params(
            d.X_train.shape[0], s.n1, method=s.init, scale=s.init_scale, seed=s.seed + 1,
        ))
        self._begin_at(0)

    def _begin_at(self, step: int) -> None:
        """The history starts at ``step`` with the network's current parameters."""
        self.history = History(self.history_capacity)
        self.step_count = step
        self.divergence: Divergence | None = None
        # where this run began and its α from each step on: what ``run()`` hands to replay
        self._start = (step, self.net.params())
        self._alphas = [(step, self.settings.alpha)]
        with np.errstate(over="ignore", invalid="ignore"):
            stats = self.net.evaluate()
        bad = self._first_non_finite(stats)
        if bad:
            self.divergence = Divergence(step, bad, self.settings.alpha)
        self.latest = Record(step, *stats)
        self.history.record(self.latest)

    def apply(self, settings: Settings) -> Change:
        """Move to new settings. Returns what that did and which settings changed,
        so that the caller need not compare the settings again."""
        changed = settings.changed_from(self.settings)
        self.settings = settings
        if not changed:
            return Change("none", changed)
        if all(f in LIVE_FIELDS for f in changed):
            # a smaller alpha may go on from the last finite state
            d = self.divergence
            if d and d.step > 0 and settings.alpha < d.alpha:
                self.divergence = None
            self._note_alpha()
            return Change("alpha", changed)
        if any(f in DATA_FIELDS for f in changed):
            self.data = make_data(settings, self.points)
            self.reset()
            return Change("data", changed)
        self.reset()
        return Change("network", changed)

    def use_points(self, X, Y, *, split: int | None = None, keep_network: bool = False) -> Change:
        """Train on the user's own points from now on: the data set becomes "own",
        split (the first ``split`` points, or all; the others train) and
        standardised as the settings say. A new network starts, unless
        ``keep_network``: then the network goes on from where it is (a point was
        added or taken away), its history starting again at this step."""
        params, step = self.params, self.step_count
        X, Y = np.asarray(X, dtype=float), np.asarray(Y).astype(np.int64)
        self.points = (X, Y) if split is None else (X, Y, int(split))
        settings = self.settings.replace(dataset=datasets.OWN)
        self.settings = settings
        self.data = make_data(settings, self.points)
        self.reset()
        if keep_network:
            self.start_from(params, step)
        return Change("data", ("dataset",))

    def raw_point(self, x: float, y: float) -> tuple[float, float]:
        """A point of the plane as shown (standardised, when the settings say so) in
        the data's own units."""
        if not self.settings.standardize:
            return x, y
        raw = make_data(self.settings.replace(standardize=False), self.points).X_train
        mean, std = raw.mean(axis=1), raw.std(axis=1)
        std[std == 0] = 1.0
        return x * std[0] + mean[0], y * std[1] + mean[1]

    def start_from(self, params: Params, step: int = 0) -> None:
        """Go on from saved parameters (of this network's shapes), counting from
        ``step``: the history starts again there."""
        current = self.net.params()
        for name, new, old in zip(Params._fields, params, current):
            if np.shape(new) != old.shape:
                raise ValueError(f"{name} has shape {np.shape(new)}, this network's is {old.shape}")
        self.net.set_params(params)
        self._begin_at(step)

    def set_alpha(self, alpha: float) -> None:
        self.apply(self.settings.replace(alpha=alpha))

    def _note_alpha(self) -> None:
        """The settings' α applies from the current step on."""
        step, alpha = self.step_count, self.settings.alpha
        if self._alphas[-1][1] == alpha:
            return
        if self._alphas[-1][0] == step:
            self._alphas[-1] = (step, alpha)
        else:
            self._alphas.append((step, alpha))

    # -- training -------------------------------------------------------------
    @staticmethod
    def _first_non_finite(stats: Stats) -> str | None:
        values = (stats.cost_train, stats.norm_dW1, stats.norm_db1, stats.norm_dW2, stats.norm_db2)
        for name, value in zip(_QUANTITIES, values):
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
        last = step + k
        # the steps the history kept and the last one, with their parameters: their
        # test set's numbers are measured together, and filled in afterwards
        kept, thetas = [], []
        # overflow and NaN are expected here and handled: a cost of inf is
        # recomputed without overflow, and a non-finite value stops training
        with np.errstate(over="ignore", invalid="ignore"):
            for _ in range(k):
                net.descend(alpha)
                sure = net.backprop()
                if sure and (step + 1) % history.stride and step + 1 != last:
                    # a step the history drops: the gradient for the next one is all
                    # it needs, once it is sure that nothing diverged
                    step += 1
                    continue
                cost = net.cost()
                stats = net.stats(cost, test=False)
                if not (isfinite(cost) and isfinite(stats.norm_dW1) and isfinite(stats.norm_db1)
                        and isfinite(stats.norm_dW2) and isfinite(stats.norm_db2)):
                    self.divergence = Divergence(step + 1, self._first_non_finite(stats), alpha)
                    net.undo()
                    break
                step += 1
                if history.record((step, *stats)) or step == last:
                    kept.append((step, stats))
                    thetas.append(net.theta.copy())
                    if len(kept) == _KEPT_PER_BATCH:
                        self._measure_test(kept, thetas)
            self._measure_test(kept, thetas)
            if self.divergence is not None:
                # the buffers back at the last good step, which is ``latest``
                self.latest = Record(step, *net.evaluate())
        done = step - self.step_count
        self.step_count = step
        return done

    def _measure_test(self, kept: list, thetas: list) -> None:
        """The test set's numbers of the kept steps, measured in one pass, into
        their rows of the history; the last kept step becomes ``latest``. Empties
        both lists."""
        if not kept:
            return
        costs, accs = self.net.test_numbers(np.stack(thetas))
        self.history.amend([step for step, _ in kept], cost_test=costs, acc_test=accs)
        step, s = kept[-1]
        self.latest = Record(step, s.cost_train, costs[-1], s.acc_train, accs[-1], *s[4:])
        kept.clear()
        thetas.clear()

    def run(self, steps: int, on_progress=None, chunk: int = 500) -> int:
        """Run ``steps`` steps in chunks of ``chunk``, calling ``on_progress(done, steps)``
        after each chunk, so that long work can show a progress bar. Stops early when
        training diverges; returns how many steps were done."""
        done = 0
        while done < steps:
            want = min(chunk, steps - done)
            got = self.step(want)
            done += got
            if on_progress:
                on_progress(done, steps)
            if got < want:
                break
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
        # the α of the steps kept, then the current one from here on
        self._alphas = [a for a in self._alphas if a[0] <= snap.step]
        self._note_alpha()

    # -- reading --------------------------------------------------------------
    def run_record(self) -> Run:
        """What trains this run again from where it began to the current step
        (``replay``); the parameters are copies, the data shared (nothing changes
        a data set once made: new data is a new one)."""
        start, params = self._start
        return Run(self.settings, self.data, self.points, start, Params(*(a.copy() for a in params)),
                   tuple(self._alphas), self.step_count, self.history_capacity)

    @property
    def params(self) -> Params:
        """A copy of the current parameters."""
        return self.net.params()

    @property
    def grads(self) -> Grads:
        """A copy of the gradients at the current parameters."""
        return self.net.grads()

    def output_on(self, X, dtype=float) -> tuple[np.ndarray, np.ndarray]:
        """Z2 and A2 = y-hat for the points X (n0, k) with the current parameters
        (in single precision with ``dtype=np.float32``, see ``network.forward``).

        Far from the data, the weights of a network about to diverge can overflow
        Z2 to infinity; A2 is then exactly 0 or 1, which is what it shows.
        """
        with np.errstate(over="ignore", invalid="ignore"):
            cache = forward(self.params, X, self.settings.activation, dtype)
        return cache.Z2, cache.A2
