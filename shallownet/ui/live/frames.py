"""What the live view is sent: a frame per drawing, and the message that carries a
batch of them.

A frame is the network after some step: its numbers, already formatted, and its
parameters W1, b1, W2, b2 (``network_vector``: n1 * 4 + 1 numbers). The view
evaluates A2 over the plane and traces A2 = 0.5 itself (frontend/boundary.js), at
the resolution of its own canvas: the server's work per frame is the numbers. A
payload carries a batch of frames, the curves' data up to the last of them (each
frame says how much of it to show), and the figures, the parts that do not move,
when the view does not have them yet. stream.py and component.py send it;
``frontend/`` draws it.
"""

from __future__ import annotations

import math
import threading
from typing import Protocol

import numpy as np

from shallownet.core.grid import Grid, boundary
from shallownet.core.history import Record
from shallownet.core.trainer import Trainer
from shallownet.plots import playground as figures
from shallownet.ui.i18n import language
from shallownet.ui.i18n.texts import t
from shallownet.ui.live.requests import Answered


class Playground(Protocol):
    """What a payload reads of the session's Playground (ui/session.py, which
    imports this module)."""

    trainer: Trainer
    grid: Grid
    rev: int
    playing: bool
    cost_log: bool
    rewind_offer: bool
    rewind_answered: object
    click_class: int | None

CURVE_POINTS = 500  # the most points a curve sends
METRICS = ("step", "cost_train", "cost_test", "acc_train", "acc_test")


def format_metrics(r: Record, lang: str | None = None) -> dict:
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


def boundary_on(trainer: Trainer, grid):
    """A2 of the trainer's network on the grid, and the A2 = 0.5 line (core/grid.py,
    ``boundary``)."""
    return boundary(trainer.params, trainer.settings.activation, grid)


# The view's forward pass reads the parameters unit by unit: (W1[k, 0], W1[k, 1],
# b1[k], W2[0, k]) for k = 0 .. n1 - 1, then b2, in float32.
# A layer whose weights pass LAYER_LIMIT (a network about to diverge reaches 1e150)
# is scaled down to it: Z2 keeps its sign wherever it is not tiny, exactly so for
# ReLU and linear units, and A2 its value, 0 or 1 at such weights; float32 then
# holds Z2 (n1 * LAYER_LIMIT^2 * |x| < 3e38).
LAYER_LIMIT = 1e15


def network_vector(params) -> np.ndarray:
    """The parameters as the view reads them (float32, unit by unit, then b2)."""
    W1, b1, W2, b2 = (np.nan_to_num(np.asarray(a, dtype=float), nan=0.0) for a in params)
    hidden = np.column_stack([W1, b1.reshape(-1, 1)])
    output = np.append(W2.ravel(), b2.ravel())
    with np.errstate(over="ignore", invalid="ignore"):
        for layer in (hidden, output):
            largest = np.abs(layer).max()
            if largest > LAYER_LIMIT:
                # an infinite weight becomes the largest, the others go towards 0
                layer[...] = np.clip(layer / largest, -1, 1) * LAYER_LIMIT if np.isfinite(largest) \
                    else np.sign(layer) * np.isinf(layer) * LAYER_LIMIT
    units = np.column_stack([hidden, output[:-1]]).ravel()
    return np.append(units, output[-1]).astype(np.float32)


def has_test(trainer: Trainer) -> bool:
    return trainer.data.X_test.shape[1] > 0


def frame(trainer: Trainer, lang: str | None = None) -> dict:
    """The trainer's current state as one frame: the numbers and the network."""
    r = trainer.latest
    cost_head = {0: [r.step, r.cost_train]}
    if has_test(trainer):
        cost_head[1] = [r.step, r.cost_test]
    norms = (r.norm_dW1, r.norm_db1, r.norm_dW2, r.norm_db2)
    return {
        "step": r.step,
        "metrics": format_metrics(r, lang),
        "net": network_vector(trainer.params),
        # the newest point of each curve, which the batch's series may not hold
        "head": {"cost": cost_head, "grads": {i: [r.step, v] for i, v in enumerate(norms)}},
    }


def series(trainer: Trainer) -> dict:
    """The history as the curves' data, at most CURVE_POINTS points per curve."""
    cols = trainer.history.columns()
    n = len(cols["step"])
    idx = np.arange(0, n, max(1, math.ceil(n / CURVE_POINTS)))
    c = {name: col[idx] for name, col in cols.items()}
    return {
        "cost": figures.cost_series(c["step"], c["cost_train"], c["cost_test"] if has_test(trainer) else None),
        "grads": figures.grad_norm_series(c["step"], {g: c[f"norm_{g}"] for g in figures.GRADIENTS}),
    }


def build_figures(trainer: Trainer, grid, *, cost_log: bool, lang: str | None = None) -> dict:
    """The three figures, without their live data."""
    d = trainer.data
    P, segments = boundary_on(trainer, grid)
    boundary = figures.boundary_figure(
        grid.xs, grid.ys, P, segments,
        d.X_train, d.Y_train, d.X_test, d.Y_test,
        labels={
            "title": t("fig.boundary", lang), "boundary": t("fig.boundary.line", lang),
            **{f"{part}_class{c}": t(f"fig.{part}_class{c}", lang) for part in ("train", "test") for c in (0, 1)},
        },
    )
    cost = figures.cost_figure(
        has_test(trainer), log=cost_log,
        labels={"title": t("fig.cost", lang), "train": t("fig.cost.train", lang),
                "test": t("fig.cost.test", lang), "step": t("fig.step", lang)},
    )
    grads = figures.grad_norm_figure(labels={"title": t("fig.grads", lang), "ytitle": t("fig.grads.y", lang),
                                             "step": t("fig.step", lang)})
    return {"boundary": boundary, "cost": cost, "grads": grads}


# how much larger the live view's fonts are in presentation mode
PRESENT_FONT = 1.35


class Feed:
    """What one session's live view has been sent: how many payloads, and which
    figures it holds, so that they are built and sent again only when they change."""

    def __init__(self):
        self.payload_id = 0
        self._figures = None
        self._figures_key = None
        self._keys_sent = None
        # the view's requests answered: "figures", "rerun" (draw the page again),
        # "batch" (the next, while the stream is not there), "shown" (its step on screen)
        self.answered = Answered()
        # payloads are built by script runs and by the live stream's thread
        self._lock = threading.Lock()

    def answer_rerun(self, request_id) -> bool:
        """The view's request to draw the page again (playing stopped by itself on
        the stream): True the first time."""
        return self.answered.first("rerun", request_id)

    def answer_figures(self, request_id) -> bool:
        """The view's request for the figures (it lacks them: a new page in its
        frame, or the payload that carried them overtaken by a newer one): True
        the first time, when the next payload must carry them."""
        return self.answered.first("figures", request_id)

    def figures(self, playground: Playground, lang: str | None = None, present: bool = False) -> dict:
        """The three figures of ``playground``'s network (cached until they change), their
        fonts larger in presentation mode."""
        lang = lang or language.current()
        key = (playground.rev, playground.cost_log, lang, present)
        if self._figures_key != key:
            figs = build_figures(playground.trainer, playground.grid, cost_log=playground.cost_log, lang=lang)
            if present:
                figs = {name: figures.presented(fig, PRESENT_FONT, decades=name == "grads")
                        for name, fig in figs.items()}
            self._figures = figs
            self._figures_key = key
        return self._figures

    def payload(self, playground: Playground, frames: list[dict], lang: str | None = None, *,
                frame_ms: int, with_figures: bool = True, present: bool = False) -> dict:
        """Everything the live view needs for one batch of ``frames``, to be played
        ``frame_ms`` apart. The figures are left out unless asked for or changed:
        the view keeps the last ones it received."""
        lang = lang or language.current()  # it keys the figures: a switch redraws them
        with self._lock:
            return self._payload(playground, frames, lang, frame_ms=frame_ms, with_figures=with_figures,
                                 present=present)

    def _payload(self, playground, frames, lang, *, frame_ms, with_figures, present) -> dict:
        self.payload_id += 1
        curves = series(playground.trainer)
        steps = curves["cost"][0]["x"]
        for f in frames:
            f["upto"] = int(np.searchsorted(steps, f["step"], side="right"))
        # a figure is drawn anew when its key changes
        keys = {
            "boundary": f"{playground.rev}/{lang}/{present}",
            "cost": f"{playground.rev}/{lang}/{playground.cost_log}/{present}",
            "grads": f"{playground.rev}/{lang}/{present}",
        }
        payload = {
            "id": self.payload_id,
            "rev": playground.rev,
            "playing": playground.playing,
            "rewind": playground.rewind_offer,
            # the view's last request to go back that the server has answered
            "answered": playground.rewind_answered,
            # the view's last request for the figures that the server has answered
            "figures_answered": self.answered.last("figures"),
            # the class a click on the plane adds (None: clicks add nothing)
            "click_class": playground.click_class,
            "present": present,  # presentation mode: larger numbers
            "activation": playground.trainer.settings.activation,  # g1 of the frames' networks
            "frame_ms": frame_ms,
            "metric_labels": [[k, t(f"metric.{k}", lang)] for k in METRICS],
            "texts": {k: t(f"live.{k}", lang) for k in ("no_plotly", "draw_error", "no_stream")},
            "keys": keys,
            "series": curves,
            "frames": frames,
        }
        if with_figures or keys != self._keys_sent:
            payload["figures"] = self.figures(playground, lang, present)
            self._keys_sent = keys
        return payload
