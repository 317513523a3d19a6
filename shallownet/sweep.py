"""How big the hidden layer should be: several n1 trained on the same data, against
logistic regression, the course assignment's table replayed, and several learning
rates from the same start.

Every function here trains the app's own Trainer, reports progress as
``on_progress(done, total)`` in steps, and refuses work beyond ``MAX_WORK`` (hidden
units x examples x steps), so that a page calling it stays bounded.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from . import assignment
from .datasets import Split
from .grid import Grid, make_grid
from .settings import Settings
from .trainer import Divergence, Trainer, make_data, progress_share

# the sizes the lecture's notebook tries, and the course assignment's
SIZES = (1, 2, 3, 4, 5, 20, 50)
STEPS = 5_000
ALPHAS = (0.01, 0.1, 1.2, 6.8)
# the most hidden units x examples x steps a sweep may train: 1.5 times the default
# sweep (85 units x 400 examples x 5,000 steps = 1.7e8, about 7 s on a 2-core EPYC),
# so that an edited sweep stays near the 10 s a page may take
MAX_WORK = 260_000_000


class SizeResult(NamedTuple):
    """One hidden-layer size after training: its accuracies (test is NaN without a
    test set), final training cost, steps done (fewer if it diverged), A2 over the
    sweep's grid as an image, and the published accuracy when there is one."""

    n1: int
    acc_train: float
    acc_test: float
    cost_train: float
    steps: int
    proba: np.ndarray
    divergence: Divergence | None
    published: float | None = None


class Baseline(NamedTuple):
    """scikit-learn's LogisticRegression on the same data: its accuracies, weights
    (w (2,), b) and class-1 probability over the grid as an image."""

    acc_train: float
    acc_test: float
    w: np.ndarray
    b: float
    proba: np.ndarray


class Sweep(NamedTuple):
    grid: Grid
    results: list[SizeResult]
    baseline: Baseline


class AlphaRun(NamedTuple):
    """One learning rate from the shared initial weights: its cost curve."""

    alpha: float
    steps: np.ndarray
    costs: np.ndarray
    divergence: Divergence | None


def check_work(sizes, m: int, steps: int, runs: int = 1) -> None:
    """Refuse a sweep that would train more than MAX_WORK units x examples x steps."""
    work = sum(sizes) * m * steps * runs
    if work > MAX_WORK:
        raise ValueError(
            f"this sweep would train {work:,} hidden units x examples x steps, more than "
            f"{MAX_WORK:,}: use fewer steps, fewer or smaller sizes, or less data"
        )


def data_grid(data: Split, n: int) -> Grid:
    """The grid over all the data, training and test, as the Playground draws it."""
    return make_grid(np.hstack([data.X_train, data.X_test]), n)


def logistic_baseline(data: Split, grid: Grid) -> Baseline:
    """Logistic regression (scikit-learn's, with its defaults) on the training set."""
    from sklearn.linear_model import LogisticRegression  # a slow import, only here

    clf = LogisticRegression().fit(data.X_train.T, data.Y_train[0])
    has_test = data.X_test.shape[1] > 0
    return Baseline(
        acc_train=float(clf.score(data.X_train.T, data.Y_train[0])),
        acc_test=float(clf.score(data.X_test.T, data.Y_test[0])) if has_test else float("nan"),
        w=clf.coef_[0].copy(), b=float(clf.intercept_[0]),
        proba=grid.image(clf.predict_proba(grid.points.T)[:, 1]),
    )


def hidden_sizes(settings: Settings, sizes=SIZES, steps: int = STEPS, *, data: Split | None = None,
                 grid_size: int = 100, on_progress=None, published=None) -> Sweep:
    """Train each n1 in ``sizes`` for ``steps`` steps, the rest of the settings as
    given, on the same data; with the logistic-regression baseline on that data.
    ``published`` (n1 -> accuracy) is carried into the results where it has n1."""
    data = data if data is not None else make_data(settings)
    check_work(sizes, data.X_train.shape[1] + data.X_test.shape[1], steps)
    grid = data_grid(data, grid_size)
    published = published or {}
    total = steps * len(sizes)
    results = []
    for k, n1 in enumerate(sizes):
        trainer = Trainer(settings.replace(n1=n1), data=data)
        done = trainer.run(steps, progress_share(on_progress, k * steps, total))
        r = trainer.latest
        _, A2 = trainer.output_on(grid.points)
        results.append(SizeResult(
            n1=n1, acc_train=r.acc_train, acc_test=r.acc_test, cost_train=r.cost_train, steps=done,
            proba=grid.image(A2[0]), divergence=trainer.divergence, published=published.get(n1),
        ))
    return Sweep(grid, results, logistic_baseline(data, grid))


def assignment_sweep(sizes=SIZES, *, grid_size: int = 100, on_progress=None) -> Sweep:
    """The course assignment's table: its settings (flower, all 400 points for
    training, tanh, alpha = 1.2), 5,000 steps for each n1, next to its published
    accuracies for n1 = 1 to 5."""
    return hidden_sizes(
        assignment.SETTINGS, sizes, assignment.TABLE_STEPS, grid_size=grid_size,
        on_progress=on_progress, published=assignment.PUBLISHED_TABLE,
    )


def alpha_overlay(settings: Settings, alphas=ALPHAS, steps: int = 2_000, *, data: Split | None = None,
                  on_progress=None) -> list[AlphaRun]:
    """Each learning rate trained ``steps`` steps from the same initial weights (the
    trainer draws them from the settings' seed, which alpha does not change)."""
    data = data if data is not None else make_data(settings)
    check_work([settings.n1], data.X_train.shape[1] + data.X_test.shape[1], steps, runs=len(alphas))
    total = steps * len(alphas)
    out = []
    for k, alpha in enumerate(alphas):
        trainer = Trainer(settings.replace(alpha=float(alpha)), data=data)
        trainer.run(steps, progress_share(on_progress, k * steps, total))
        out.append(AlphaRun(
            alpha=float(alpha), steps=trainer.history.column("step"),
            costs=trainer.history.column("cost_train"), divergence=trainer.divergence,
        ))
    return out
