"""One browser session's Playground: its trainer, whether it plays, what to tell the user,
and the frames it sends to the live view.

Nothing here draws: the page lays out widgets, figures.py builds the figures, and
this class keeps the state in between. It lives in ``st.session_state``, so every
session trains its own network.
"""

from __future__ import annotations

import math
import time

import numpy as np

from .. import figures
from ..grid import level_segments, make_grid
from ..settings import DEFAULTS, Settings
from ..trainer import Snapshot, Trainer
from .texts import t

# The live loop: the script trains a batch of frames per fragment run, the browser
# plays them over the next BATCH_SECONDS.
BATCH_SECONDS = 0.4
FRAMES_PER_BATCH = 10
# A batch never computes for longer than this, so that Pause and the controls
# always answer; each frame gets its share, and with a big network at a high speed
# a frame then has fewer steps than asked: the picture stays smooth.
BATCH_BUDGET_SECONDS = 0.25
CHUNK_SECONDS = 0.01  # training runs in chunks of about this long between clock checks
GRID_SIZE = 100  # the boundary heatmap is GRID_SIZE x GRID_SIZE
CURVE_POINTS = 500  # the most points a curve sends
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
        self._snapshots: dict[int, Snapshot] = {}  # step -> its state, for the last two batches
        self._rewind_offer = False
        self._paused_at: int | None = None
        self.rewind_answered = None  # the id of the view's last request, answered once
        self.payload_id = 0
        self._figures_key = None
        self._keys_sent = None
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

    def rewind(self, step: int) -> bool:
        """After Pause, go back to ``step``, the frame the view had on screen, if
        nothing happened since and that frame is one of the last two batches."""
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
        # keep the snapshots of the previous batch (the one on screen) and this one
        if len(self._snapshots) > FRAMES_PER_BATCH:
            self._snapshots = dict(list(self._snapshots.items())[-FRAMES_PER_BATCH:])
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

    def _on_grid(self):
        """A2 on the grid, and the A2 = 0.5 line. The line is traced on Z2 = 0, the
        same curve: Z2 varies smoothly where A2 jumps from 0 to 1 within a cell, so
        interpolating Z2 puts the line where it really is."""
        g = self.grid
        Z2, A2 = self.trainer.output_on(g.points)
        shape = (len(g.ys), len(g.xs))
        return A2.reshape(shape), level_segments(g.xs, g.ys, Z2.reshape(shape), 0.0)

    def frame(self, lang: str = "en") -> dict:
        """The current state as one frame: the numbers and the boundary."""
        r = self.trainer.latest
        P, segments = self._on_grid()
        has_test = self.trainer.data.X_test.shape[1] > 0
        cost_head = {0: [r.step, r.cost_train]}
        if has_test:
            cost_head[1] = [r.step, r.cost_test]
        norms = (r.norm_dW1, r.norm_db1, r.norm_dW2, r.norm_db2)
        return {
            "step": r.step,
            "metrics": format_metrics(r, lang),
            "boundary": figures.boundary_frame(P, segments),
            "head": {"cost": cost_head, "grads": {i: [r.step, v] for i, v in enumerate(norms)}},
        }

    def figures(self, lang: str = "en") -> dict:
        """The three figures, without their live data (cached until they change)."""
        key = (self.rev, self.cost_log, lang)
        if self._figures_key != key:
            self._figures = self._build_figures(lang)
            self._figures_key = key
        return self._figures

    def _build_figures(self, lang: str) -> dict:
        d, g = self.trainer.data, self.grid
        P, segments = self._on_grid()
        boundary = figures.boundary_figure(
            g.xs, g.ys, P, segments,
            d.X_train, d.Y_train, d.X_test, d.Y_test,
            labels={
                "title": t("fig.boundary", lang), "boundary": t("fig.boundary.line", lang),
                **{f"{part}_class{c}": t(f"fig.{part}_class{c}", lang) for part in ("train", "test") for c in (0, 1)},
            },
        )
        cost = figures.cost_figure(
            d.X_test.shape[1] > 0, log=self.cost_log,
            labels={"title": t("fig.cost", lang), "train": t("fig.cost.train", lang),
                    "test": t("fig.cost.test", lang), "step": t("fig.step", lang)},
        )
        grads = figures.grad_norm_figure(labels={"title": t("fig.grads", lang), "ytitle": t("fig.grads.y", lang),
                                                 "step": t("fig.step", lang)})
        return {"boundary": boundary, "cost": cost, "grads": grads}

    def series(self) -> dict:
        """The history as the curves' data, at most CURVE_POINTS points per curve."""
        cols = self.trainer.history.columns()
        n = len(cols["step"])
        idx = np.arange(0, n, max(1, math.ceil(n / CURVE_POINTS)))
        c = {name: col[idx] for name, col in cols.items()}
        has_test = self.trainer.data.X_test.shape[1] > 0
        return {
            "cost": figures.cost_series(c["step"], c["cost_train"], c["cost_test"] if has_test else None),
            "grads": figures.grad_norm_series(
                c["step"], {g: c[f"norm_{g}"] for g in figures.GRADIENTS}
            ),
        }

    def payload(self, frames: list[dict], lang: str = "en", *, with_figures: bool = True) -> dict:
        """Everything the live view needs for one batch of ``frames``. The figures
        (the parts that do not move) are left out unless asked for or changed: the
        view keeps the last ones it received."""
        self.payload_id += 1
        series = self.series()
        steps = series["cost"][0]["x"]
        for f in frames:
            f["upto"] = int(np.searchsorted(steps, f["step"], side="right"))
        # a figure is drawn anew when its key changes
        keys = {
            "boundary": f"{self.rev}/{lang}",
            "cost": f"{self.rev}/{lang}/{self.cost_log}",
            "grads": f"{self.rev}/{lang}",
        }
        payload = {
            "id": self.payload_id,
            "rev": self.rev,
            "playing": self.playing,
            "rewind": self._rewind_offer,
            # the frames are played evenly over the time until the next batch
            "frame_ms": round(1000 * BATCH_SECONDS / max(1, len(frames))),
            "metric_labels": [[k, t(f"metric.{k}", lang)] for k in METRICS],
            "texts": {k: t(f"live.{k}", lang) for k in ("no_plotly", "draw_error")},
            "keys": keys,
            "series": series,
            "frames": frames,
        }
        self._rewind_offer = False
        if with_figures or keys != self._keys_sent:
            payload["figures"] = self.figures(lang)
            self._keys_sent = keys
        return payload


METRICS = ("step", "cost_train", "cost_test", "acc_train", "acc_test")


def format_metrics(r, lang: str = "en") -> dict:
    """The numbers of a Record as the live view shows them."""
    def cost(v):
        if math.isnan(v):
            return t("metric.none", lang)
        # four decimals where they read well, powers of ten where they would not fit
        return f"{v:.4f}" if 1e-3 <= v < 1e4 else f"{v:.3e}"

    def acc(v):
        return t("metric.none", lang) if math.isnan(v) else f"{100 * v:.1f}%"

    return {
        "step": f"{r.step:,}",
        "cost_train": cost(r.cost_train),
        "cost_test": cost(r.cost_test),
        "acc_train": acc(r.acc_train),
        "acc_test": acc(r.acc_test),
    }
