"""How big the hidden layer should be: several n1 trained on the same data, against
logistic regression, the course assignment's table replayed, and several learning
rates from the same start.

Every function here trains the app's own Trainer, reports progress as
``on_progress(done, total)`` in steps, and refuses work beyond ``MAX_WORK`` (hidden
units x examples x steps), so that a page calling it stays bounded.
"""

from __future__ import annotations

import hashlib
from typing import NamedTuple

import numpy as np

from shallownet.core import assignment
from shallownet.core.datasets import Split
from shallownet.core.grid import Grid, make_grid
from shallownet.core.settings import Settings
from shallownet.core.trainer import Divergence, Trainer, make_data, progress_share

# the sizes the lecture's notebook tries, and the course assignment's
SIZES = (1, 2, 3, 4, 5, 20, 50)
STEPS = 5_000
ALPHAS = (0.01, 0.1, 1.2, 6.8)
# the most hidden units x examples x steps a sweep may train: 1.5 times the default
# sweep (85 units x 400 examples x 5,000 steps = 1.7e8, about 7 s on a 2-core EPYC),
# so that an edited sweep stays near the 10 s a page may take
MAX_WORK = 260_000_000


class Trained(NamedTuple):
    """A page's result with what produced it: the request's key (``result_key``),
    the settings, the data, the steps, and the result."""

    key: str | None
    settings: Settings
    data: Split
    steps: int
    result: object


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


class TooMuchWork(ValueError):
    """A sweep beyond MAX_WORK: ``work`` is what it asked for, ``limit`` the most allowed."""

    def __init__(self, work: int, limit: int):
        self.work, self.limit = work, limit
        super().__init__(
            f"this sweep would train {work:,} hidden units x examples x steps, more than "
            f"{limit:,}: use fewer steps, fewer or smaller sizes, or less data"
        )


def check_work(sizes, m: int, steps: int, runs: int = 1) -> None:
    """Refuse a sweep that would train more than MAX_WORK units x examples x steps."""
    work = sum(sizes) * m * steps * runs
    if work > MAX_WORK:
        raise TooMuchWork(work, MAX_WORK)


def data_digest(data: Split) -> str:
    """A fingerprint of the data's values: the user's own points are not described by
    the settings, so a result's key carries the data it was trained on."""
    h = hashlib.sha1()
    for a in data:
        h.update(str(a.shape).encode())
        h.update(np.ascontiguousarray(a, dtype=float).tobytes())
    return h.hexdigest()


def result_key(settings: Settings, varied: str, values, steps: int, data: Split | None = None) -> tuple:
    """What a sweep's result depends on, hashable: the settings apart from ``varied``
    (the setting the sweep sets itself, "n1" or "alpha"), the values it tries, the
    steps and (when given) the data. Two requests with the same key give the same result."""
    rest = tuple((name, value) for name, value in settings.as_dict().items() if name != varied)
    return (varied, rest, tuple(values), int(steps), None if data is None else data_digest(data))


def differences(produced: Settings, current: Settings, varied: str, produced_data: Split | None = None,
                current_data: Split | None = None) -> tuple[str, ...]:
    """The settings, by name and in the order of Settings, in which ``current`` differs
    from the settings that ``produced`` a sweep's result, apart from ``varied``. Given
    both data sets, other data with the same settings (the user's own points, changed)
    counts as a change of "dataset"."""
    changed = [name for name in current.changed_from(produced) if name != varied]
    if (produced_data is not None and current_data is not None and "dataset" not in changed
            and data_digest(produced_data) != data_digest(current_data)):
        changed.insert(0, "dataset")
    return tuple(changed)


class Row(NamedTuple):
    """One line of a sweep's table, accuracies in percent: a hidden-layer size, or
    the logistic-regression baseline (``n1`` None). None where there is nothing to
    show (no test set, no published number; the baseline's cost and steps)."""

    n1: int | None
    acc_train: float
    acc_test: float | None
    cost_train: float | None
    steps: int | None
    diverged_at: int | None
    published: float | None


def _percent(fraction: float) -> float | None:
    # accuracies are k / m: two decimals hold them exactly for m up to 400, and
    # rounding makes 0.675 print as 67.5, not 67.50000000000001
    return None if np.isnan(fraction) else round(100 * fraction, 2)


def table(sweep: Sweep) -> list[Row]:
    """The sweep's results as a table, one row a size, the baseline last."""
    rows = [
        Row(r.n1, _percent(r.acc_train), _percent(r.acc_test), r.cost_train, r.steps,
            r.divergence.step if r.divergence else None,
            None if r.published is None else _percent(r.published))
        for r in sweep.results
    ]
    b = sweep.baseline
    rows.append(Row(None, _percent(b.acc_train), _percent(b.acc_test), None, None, None, None))
    return rows


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


def unmatched(sweep: Sweep) -> list[int]:
    """The sizes whose training accuracy is not the published one (those that have one)."""
    return [r.n1 for r in sweep.results if r.published is not None and r.acc_train != r.published]


def has_published(sweep: Sweep) -> bool:
    return any(r.published is not None for r in sweep.results)


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
