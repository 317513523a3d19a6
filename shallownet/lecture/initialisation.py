"""Why the weights start small and random: zeros against random, and the initial scale.

- Zeros never break the symmetry: every hidden unit computes the same function and
  gets the same gradient, so the rows of W1 stay equal (``row_spread`` stays 0 up to
  rounding) and the network is no better than one hidden unit.
- A large initial scale saturates tanh and sigmoid: |Z1| is large, g1'(Z1) is near
  0, the gradients through the hidden layer vanish and the cost falls slowly.

Both train the app's own Trainer from a Settings, so they show what the
Playground would do with the same settings.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from shallownet.core import activations
from shallownet.core.datasets import Split
from shallownet.core.grid import Grid, make_grid
from shallownet.core.network import Params, forward
from shallownet.core.settings import Settings
from shallownet.core.trainer import Divergence, Trainer, make_data, progress_share

# the initial scales the saturation study shows by default, 0.01 to 10
SCALES = (0.01, 0.1, 1.0, 10.0)
# the most steps a study trains each network for
MAX_STEPS = 2_000
# the most hidden units x examples x steps one study (several networks) may train,
# so that a page calling it stays quick: the default saturation study (5 networks x
# 4 units x 400 examples x 2,000 steps), 0.7 s on a 2-core EPYC; at n1 = 64 and
# m = 5,000 the comparison then trains 25 steps a network, 0.35 s (both 2-3 times
# that while the machine is busy)
MAX_WORK = 16_000_000


class InitRun(NamedTuple):
    """One initialisation trained for a number of steps: its parameters at the end,
    the spread of W1's rows, the cost curve (``steps``, ``costs``), the final training
    accuracy and A2 over the grid ``xs`` x ``ys`` as an image (for its boundary)."""

    method: str
    params: Params
    row_spread: float
    steps: np.ndarray
    costs: np.ndarray
    acc_train: float
    proba: np.ndarray
    divergence: Divergence | None
    xs: np.ndarray
    ys: np.ndarray

    @property
    def stayed_at_zero(self) -> bool:
        """Whether every weight and bias is still exactly 0 (zeros on a stationary point)."""
        return not any(np.any(w) for w in self.params)


# g1'(Z1) values a ScaleRun keeps for its histogram: an evenly spaced sample of
# them when there are more (n1 = 64, m = 5,000 has 320,000: 2.5 MB a scale,
# kept per session), which draws the same histogram to the eye.
MAX_DG_VALUES = 20_000


class ScaleRun(NamedTuple):
    """One initial scale: g1'(Z1) at initialisation, flattened (for a histogram; at
    most MAX_DG_VALUES of them, evenly spaced), its mean over all of them, and the
    cost curve over the steps trained."""

    scale: float
    dg: np.ndarray
    mean_dg: float
    steps: np.ndarray
    costs: np.ndarray
    divergence: Divergence | None


def row_spread(W1) -> float:
    """The largest absolute difference between two rows of W1: 0 when every hidden
    unit has the same weights (and, trivially, with one hidden unit)."""
    W1 = np.asarray(W1, dtype=float)
    return float(np.max(np.ptp(W1, axis=0)))


def step_limit(settings: Settings, networks: int, steps: int = MAX_STEPS) -> int:
    """The most steps (at most ``steps`` and MAX_STEPS, at least 1) that ``networks``
    networks of these settings may each train within MAX_WORK hidden units x
    examples x steps."""
    per_step = networks * settings.n1 * settings.m
    return max(1, min(int(steps), MAX_STEPS, MAX_WORK // per_step))


def compare(settings: Settings, steps: int, *, data: Split | None = None, grid_size: int = 60,
            on_progress=None) -> dict[str, InitRun]:
    """"zeros" and "random" (at ``settings.init_scale``), the rest of the settings as
    given, each trained ``steps`` steps on the same data. ``on_progress(done, total)``
    counts the steps of both."""
    data = data if data is not None else make_data(settings)
    grid = make_grid(np.hstack([data.X_train, data.X_test]), grid_size)
    runs = {}
    for k, method in enumerate(("zeros", "random")):
        trainer = Trainer(settings.replace(init=method), data=data)
        trainer.run(steps, progress_share(on_progress, k * steps, 2 * steps))
        runs[method] = _init_run(method, trainer, grid)
    return runs


def _init_run(method: str, trainer: Trainer, grid: Grid) -> InitRun:
    p = trainer.params
    _, A2 = trainer.output_on(grid.points)
    return InitRun(
        method=method, params=p, row_spread=row_spread(p.W1),
        steps=trainer.history.column("step"), costs=trainer.history.column("cost_train"),
        acc_train=trainer.latest.acc_train, proba=grid.image(A2[0]), divergence=trainer.divergence,
        xs=grid.xs, ys=grid.ys,
    )


def initial_derivatives(trainer: Trainer) -> np.ndarray:
    """g1'(Z1) of the trainer's current network on its training set, shape (n1, m)."""
    cache = forward(trainer.params, trainer.data.X_train, trainer.settings.activation)
    return activations.get(trainer.settings.activation).dg(cache.Z1, cache.A1)


def saturation(settings: Settings, steps: int, scales=SCALES, *, data: Split | None = None,
               on_progress=None) -> list[ScaleRun]:
    """For each initial scale (random init, the rest of the settings as given):
    g1'(Z1) at initialisation and the cost over ``steps`` steps."""
    data = data if data is not None else make_data(settings)
    total = steps * len(scales)
    out = []
    for k, scale in enumerate(scales):
        trainer = Trainer(settings.replace(init="random", init_scale=float(scale)), data=data)
        dg = initial_derivatives(trainer)
        trainer.run(steps, progress_share(on_progress, k * steps, total))
        values = dg.ravel()
        if values.size > MAX_DG_VALUES:
            values = values[np.linspace(0, values.size - 1, MAX_DG_VALUES).astype(np.int64)]
        out.append(ScaleRun(
            scale=float(scale), dg=values, mean_dg=float(dg.mean()),
            steps=trainer.history.column("step"), costs=trainer.history.column("cost_train"),
            divergence=trainer.divergence,
        ))
    return out
