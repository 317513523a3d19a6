"""One browser session's Playground: its trainer, whether it plays, what to tell the
user, and the time-budgeted loop that trains a batch of frames while it plays.

Nothing here draws: the page lays out widgets, frames.py turns the state into what
the live view is sent, figures.py builds the figures, and this class keeps the
state in between. It lives in ``st.session_state``, so every session trains its
own network.
"""

from __future__ import annotations

import time

import numpy as np

from ..grid import make_grid
from ..settings import DEFAULTS, Settings
from ..trainer import Snapshot, Trainer
from . import frames as live_frames

# The live loop: the script trains a batch of frames per fragment run, the browser
# plays them over the next BATCH_SECONDS.
BATCH_SECONDS = 0.4
FRAMES_PER_BATCH = 10
# A batch never computes for longer than this, so that Pause and the controls
# always answer; each frame gets its share, and with a big network at a high speed
# a frame then has fewer steps than asked: the picture stays smooth.
BATCH_BUDGET_SECONDS = 0.25
CHUNK_SECONDS = 0.01  # training runs in chunks of about this long between clock checks
# Pause goes back to the frame on screen: the view may show a frame up to two
# batches old (its queue), while the server computes one more and another may be
# on its way; snapshots of the frames of this many batches are kept.
SNAPSHOT_BATCHES = 4
GRID_SIZE = 100  # the boundary heatmap is GRID_SIZE x GRID_SIZE
SPEEDS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)  # steps per frame
DEFAULT_SPEED = 100


class Playground:
    def __init__(self, settings: Settings = DEFAULTS):
        self.trainer = Trainer(settings)
        self.playing = False
        self.speed = DEFAULT_SPEED
        self.cost_log = False
        # what just happened: a text key and its values ("settings": the names of
        # the settings that changed, put into words by the page)
        self.notice: tuple[str, dict] | None = None
        self.rev = 0  # bumped whenever the network starts anew: the view drops old frames
        self._chunk = 1  # steps per chunk while playing, adapted to take CHUNK_SECONDS
        # Pause stops where the browser is, not where the server is: the view plays
        # a batch behind the training, so Pause offers to go back to the frame on
        # screen, which the view then asks for (``rewind``).
        self._snapshots: dict[int, Snapshot] = {}  # step -> its state, the last SNAPSHOT_BATCHES batches
        self._rewind_offer = False
        self._paused_at: int | None = None
        self.rewind_answered = None  # the id of the view's last request, answered once
        self._new_grid()

    # -- state ------------------------------------------------------------------
    @property
    def settings(self) -> Settings:
        return self.trainer.settings

    @property
    def diverged(self) -> bool:
        return self.trainer.divergence is not None

    def _new_grid(self) -> None:
        d = self.trainer.data
        self.grid = make_grid(np.hstack([d.X_train, d.X_test]), GRID_SIZE)

    def _new_network(self) -> None:
        self.rev += 1
        self._snapshots.clear()
        if self.diverged:
            self.playing = False

    # -- what the user does -----------------------------------------------------
    def apply(self, settings: Settings) -> None:
        """Move to ``settings``: alpha applies from the next step, anything else
        starts a new network; the notice says which and why."""
        change = self.trainer.apply(settings)
        if change.kind == "none":
            return
        if change.kind == "alpha":
            self.notice = ("notice.alpha", {"alpha": f"{settings.alpha:g}"})
            return
        if change.kind == "data":
            self._new_grid()
        self.notice = (f"notice.{change.kind}", {"settings": change.fields})
        self._new_network()

    def step(self, k: int) -> None:
        self.trainer.step(k)
        self.notice = None
        if self.diverged:
            self.playing = False

    def reset(self) -> None:
        self.trainer.reset()
        self.playing = False
        self.notice = ("notice.reset", {})
        self._new_network()

    def play(self) -> None:
        self.playing = not self.diverged
        self.notice = None

    def pause(self) -> None:
        if self.playing:
            self._rewind_offer = True
            self._paused_at = self.trainer.step_count
        self.playing = False

    def take_rewind_offer(self) -> bool:
        """Whether Pause has just offered to go back to the frame on screen; the
        offer is made once, to the next payload."""
        offer, self._rewind_offer = self._rewind_offer, False
        return offer

    def rewind(self, step: int) -> bool:
        """After Pause, go back to ``step``, the frame the view had on screen, if
        nothing happened since and that frame is one of the last batches sent."""
        snap = self._snapshots.get(step)
        if self.playing or snap is None or self._paused_at != self.trainer.step_count:
            return False
        self.trainer.restore(snap)
        self._paused_at = None
        self._snapshots = {s: v for s, v in self._snapshots.items() if s <= step}
        return True

    def set_speed(self, steps_per_frame: int) -> None:
        self.speed = steps_per_frame

    def set_cost_log(self, on: bool) -> None:
        self.cost_log = bool(on)

    # -- frames -------------------------------------------------------------------
    def advance(self, lang: str = "en", budget: float = BATCH_BUDGET_SECONDS) -> list[dict]:
        """Train one batch of frames, ``speed`` steps each, or as many as fit in the
        frame's share of ``budget`` seconds; it ends early on divergence."""
        frames = []
        started = time.perf_counter()
        keep = (SNAPSHOT_BATCHES - 1) * FRAMES_PER_BATCH
        if len(self._snapshots) > keep:
            self._snapshots = dict(list(self._snapshots.items())[-keep:])
        for i in range(FRAMES_PER_BATCH):
            deadline = started + (i + 1) * budget / FRAMES_PER_BATCH
            todo = self.speed
            while todo > 0 and not self.diverged and time.perf_counter() < deadline:
                chunk = min(todo, self._chunk)
                t0 = time.perf_counter()
                self.trainer.step(chunk)
                took = time.perf_counter() - t0
                self._chunk = max(1, min(10_000, int(chunk * CHUNK_SECONDS / max(took, 1e-6))))
                todo -= chunk
            frames.append(self.frame(lang))
            self._snapshots[self.trainer.step_count] = self.trainer.snapshot()
            if self.diverged:
                self.playing = False
                break
        return frames

    def frame(self, lang: str = "en") -> dict:
        """The network as it is now, as one frame of the live view."""
        return live_frames.frame(self.trainer, self.grid, lang)
