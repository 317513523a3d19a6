"""What the trainer records after each step, kept at a fixed maximum size."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np


class Record(NamedTuple):
    """The state after ``step`` updates: costs, accuracies (fractions) and the norms
    of the gradients at that point. Test values are NaN when there is no test set."""

    step: int
    cost_train: float
    cost_test: float
    acc_train: float
    acc_test: float
    norm_dW1: float
    norm_db1: float
    norm_dW2: float
    norm_db2: float


COLUMNS = Record._fields
_INDEX = {name: i for i, name in enumerate(COLUMNS)}


class History:
    """Records at steps 0, s, 2s, 3s, ... of the whole run, never more than ``capacity``.

    It starts with s = 1 and keeps every step. When it is full, it drops every
    other row and doubles s: the rows kept are then still evenly spaced over the
    whole run, the newest ones no denser than the oldest, and memory stays at
    capacity * 9 floats however long training goes on (an hour of live play at
    thousands of steps a second is a few hundred kilobytes). The exact state of
    the latest step is always available from the trainer, whatever s is.
    """

    def __init__(self, capacity: int = 2048):
        if capacity < 2 or capacity % 2:
            raise ValueError(f"history capacity must be an even number >= 2, got {capacity}")
        self.capacity = capacity
        self._rows = np.empty((capacity, len(COLUMNS)))
        self._n = 0
        self.stride = 1

    def __len__(self) -> int:
        return self._n

    def record(self, rec) -> bool:
        """Keep ``rec`` (a Record or a tuple in its order) if its step is on the
        stride; whether it was kept."""
        if rec[0] % self.stride:
            return False
        if self._n == self.capacity:
            half = self.capacity // 2
            self._rows[:half] = self._rows[0 : self.capacity : 2]
            self._n = half
            self.stride *= 2
            if rec[0] % self.stride:
                return False
        self._rows[self._n] = rec
        self._n += 1
        return True

    def amend(self, steps, **columns) -> None:
        """Set columns (by name) of the rows of ``steps``, ascending, where they are
        still kept: ``amend(steps, cost_test=values)`` with one value per step."""
        if not self._n:
            return
        rows = self._rows[: self._n]
        steps = np.asarray(steps)
        at = np.minimum(np.searchsorted(rows[:, 0], steps), self._n - 1)
        found = rows[at, 0] == steps
        for name, values in columns.items():
            rows[at[found], _INDEX[name]] = np.asarray(values)[found]

    def column(self, name: str) -> np.ndarray:
        """A copy of one column (``step``, ``cost_train``, ...)."""
        return self._rows[: self._n, COLUMNS.index(name)].copy()

    def columns(self) -> dict[str, np.ndarray]:
        return {name: self.column(name) for name in COLUMNS}

    def truncate(self, step: int) -> None:
        """Forget the records after ``step`` (to go back to an earlier state of the run)."""
        self._n = int(np.searchsorted(self._rows[: self._n, 0], step, side="right"))
