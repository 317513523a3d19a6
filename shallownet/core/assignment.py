"""The course assignment ("planar data classification with one hidden layer"), replayed.

Its data is ``flower`` with m = 400, noise 0.2 drawn from RandomState(1); its
initial weights come from RandomState(2) (the trainer draws them with seed + 1);
it trains on all 400 points with tanh and alpha = 1.2. It publishes 90% training
accuracy after 10,000 iterations, and, after 5,000 iterations, this table of
training accuracy against the number of hidden units.
"""

from __future__ import annotations

from shallownet.core.settings import PRESETS
from shallownet.core.trainer import Trainer

SETTINGS = PRESETS["course_assignment"]
STEPS = 10_000
PUBLISHED_ACCURACY = 0.90
TABLE_STEPS = 5_000
# n1 -> training accuracy, as the assignment prints it
PUBLISHED_TABLE = {1: 0.675, 2: 0.6725, 3: 0.9075, 4: 0.905, 5: 0.9125}


def replay(steps: int = STEPS, n1: int = 4, on_progress=None) -> Trainer:
    """Train the assignment's network; ``on_progress(done, total)`` is called as it goes."""
    trainer = Trainer(SETTINGS.replace(n1=n1))
    trainer.run(steps, on_progress)
    return trainer


def hidden_size_table(sizes=tuple(PUBLISHED_TABLE), steps: int = TABLE_STEPS) -> dict[int, float]:
    """n1 -> training accuracy after ``steps`` steps."""
    return {n1: replay(steps, n1).latest.acc_train for n1 in sizes}
