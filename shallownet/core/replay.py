"""A run trained again, to show it afterwards: its network at chosen steps between
where it began and where it is now (an animation's frames).

Training is deterministic: the same data, the same parameters and the same α
give the same numbers, bit for bit, however the steps are grouped. So a run is
kept as what made it (``Trainer.run_record``: its start and its α from each step
on, a few numbers) rather than as its parameters at every step, and trained
again here, in a trainer of its own, when its frames are wanted.
"""

from __future__ import annotations

import bisect
from typing import NamedTuple

import numpy as np

from shallownet.core.history import Record
from shallownet.core.network import Params
from shallownet.core.trainer import Run, Trainer

SPACINGS = ("early", "even")
# steps trained between two calls of on_progress
_CHUNK = 500


class State(NamedTuple):
    """The network after ``step`` steps and its numbers there."""

    step: int
    params: Params
    record: Record


class Replayed(NamedTuple):
    """The run's state at each step asked for, in order, and its history (the
    columns of ``History.columns``) from its start to the last of them."""

    states: list[State]
    history: dict[str, np.ndarray]


def frame_steps(start: int, end: int, count: int, spacing: str = "early") -> list[int]:
    """``count`` steps from ``start`` to ``end`` (both included, in order, repeated
    where the run has fewer steps than frames). "even": evenly spaced; "early":
    closer together at first, where the cost falls fastest and the boundary moves
    most (step = start + (end - start) u² for u evenly from 0 to 1)."""
    if spacing not in SPACINGS:
        raise ValueError(f"spacing = {spacing!r} is not allowed: one of {', '.join(SPACINGS)}")
    if count < 1 or end < start:
        raise ValueError(f"no frames from step {start} to step {end} in {count}")
    if count == 1:
        return [end]
    u = np.linspace(0.0, 1.0, count)
    if spacing == "early":
        u = u * u
    steps = np.rint(start + (end - start) * u).astype(np.int64)
    steps[0], steps[-1] = start, end
    return [int(s) for s in np.maximum.accumulate(steps)]


def replay(run: Run, steps, on_progress=None) -> Replayed:
    """Train ``run`` again from its start and keep its state at each of ``steps``
    (ascending, from run.start to run.step), calling ``on_progress(done, total)``
    with the steps trained so far. Raises ValueError for a step outside the run."""
    steps = [int(s) for s in steps]
    if not steps or steps != sorted(steps) or steps[0] < run.start or steps[-1] > run.step:
        raise ValueError(f"the steps must go up from {run.start:,} to at most {run.step:,}")
    firsts = [first for first, _ in run.alphas]
    trainer = Trainer(run.settings.replace(alpha=run.alphas[0][1]), data=run.data, points=run.points,
                      history_capacity=run.history_capacity)
    trainer.start_from(run.params, run.start)
    total = steps[-1] - run.start
    states = []
    for target in steps:
        while trainer.step_count < target:
            at = trainer.step_count
            part = bisect.bisect_right(firsts, at) - 1
            trainer.set_alpha(run.alphas[part][1])
            until = firsts[part + 1] if part + 1 < len(firsts) else target
            k = min(target, until, at + _CHUNK) - at
            if trainer.step(k) < k:
                # the run reached this step without diverging: its replay cannot
                raise RuntimeError(f"the replay diverged at step {trainer.step_count:,}, the run did not")
            if on_progress:
                on_progress(trainer.step_count - run.start, total)
        states.append(State(trainer.step_count, trainer.params, trainer.latest))
    if on_progress and total == 0:
        on_progress(0, 0)
    return Replayed(states, trainer.history.columns())
