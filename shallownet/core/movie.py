"""What an animation of a run for slides is (plots/animation.py draws it): its
length, size, format and the spacing of its frames' steps, checked, and what it
costs the machine that makes it.

A request comes from outside (the command line, the page's widgets), so every
value is checked here, once, and a bad one refused with a message that names it.
The cost is a model, not a clock: the same request is refused or allowed
wherever and whenever it is asked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from shallownet.core.replay import SPACINGS
from shallownet.core.trainer import Run

FORMATS = ("gif", "mp4")
FPS = 10  # frames a second: a GIF's delays are in hundredths of a second, 10 ms each
HOLD_SECONDS = 1  # the last frame stays this long, so that a looping GIF shows where it ended
MIN_SECONDS, MAX_SECONDS = 2, 20
MIN_SIZE, MAX_SIZE = (320, 180), (1920, 1080)
# width / height: the boundary's square and the cost chart side by side need this room
MIN_ASPECT, MAX_ASPECT = 1.25, 2.4
SIZES = ((1280, 720), (1920, 1080), (1024, 768), (854, 480))  # what the page offers
DEFAULT_SECONDS = 8

# What a request costs, in seconds of one core of the 2-core Intel Xeon this was
# measured on (benchmarks/bench_export.py prints the model beside the clock): a
# training step (a constant, and per example x hidden unit), a frame (per pixel
# drawn and encoded, per grid point x hidden unit of the boundary, per point drawn
# over it). Each a little above what was measured: the model errs on the dear side.
STEP_SECONDS = 25e-6
STEP_UNIT_SECONDS = 5e-9
PIXEL_SECONDS = {"gif": 14e-9, "mp4": 28e-9}
GRID_UNIT_SECONDS = 40e-9
POINT_SECONDS = 1e-6
GRID_POINTS = 160  # the boundary's grid: GRID_POINTS x GRID_POINTS, scaled up smoothly


class RequestError(ValueError):
    """A request that is not allowed; the message names the value and what is allowed."""


@dataclass(frozen=True)
class Request:
    """What to make: a ``width`` x ``height`` animation of ``seconds`` in ``fmt``,
    its frames' steps spaced as ``spacing`` says (core/replay.frame_steps)."""

    width: int = 1280
    height: int = 720
    seconds: int = DEFAULT_SECONDS
    fmt: str = "gif"
    spacing: str = "early"

    def __post_init__(self):
        w, h = self.width, self.height
        for name, value, lo, hi in (("width", w, MIN_SIZE[0], MAX_SIZE[0]), ("height", h, MIN_SIZE[1], MAX_SIZE[1])):
            if not isinstance(value, int) or not lo <= value <= hi or value % 2:
                raise RequestError(f"{name} = {value!r} is not allowed: an even number of pixels from {lo} to {hi}")
        if not MIN_ASPECT <= w / h <= MAX_ASPECT:
            raise RequestError(f"{w} x {h} is not allowed: the width must be {MIN_ASPECT:g} to {MAX_ASPECT:g} "
                               "times the height (the boundary and the cost chart side by side)")
        if not isinstance(self.seconds, int) or not MIN_SECONDS <= self.seconds <= MAX_SECONDS:
            raise RequestError(f"seconds = {self.seconds!r} is not allowed: a whole number from "
                               f"{MIN_SECONDS} to {MAX_SECONDS}")
        if self.fmt not in FORMATS:
            raise RequestError(f"format = {self.fmt!r} is not allowed: one of {', '.join(FORMATS)}")
        if self.spacing not in SPACINGS:
            raise RequestError(f"spacing = {self.spacing!r} is not allowed: one of {', '.join(SPACINGS)}")

    @property
    def frames(self) -> int:
        return self.seconds * FPS

    @property
    def moving(self) -> int:
        """The frames before the last one's hold: one step each."""
        return self.frames - HOLD_SECONDS * FPS + 1


def parse_size(text: str) -> tuple[int, int]:
    """"1280x720" (or 1280X720, 1280×720) as (1280, 720); RequestError otherwise."""
    parts = text.strip().lower().replace("×", "x").split("x")
    try:
        w, h = (int(p) for p in parts)
    except ValueError:
        raise RequestError(f"size = {text!r} is not allowed: width x height in pixels, such as 1280x720") from None
    return w, h


def distinct_frames(run: Run, request: Request) -> int:
    """How many different frames the animation of ``run`` has: one a step, at most
    one a moving frame."""
    return min(request.moving, run.step - run.start + 1)


class Cost(NamedTuple):
    """The estimated CPU seconds of a request: training the run again, and the frames."""

    train: float
    frames: float

    @property
    def total(self) -> float:
        return self.train + self.frames


def estimate(run: Run, request: Request) -> Cost:
    """What ``request`` for ``run`` costs, by the model above (within about a factor
    of two on the machine it was measured on; a slower one takes longer)."""
    m, n1 = run.data.X_train.shape[1] + run.data.X_test.shape[1], run.settings.n1
    train = (run.step - run.start) * (STEP_SECONDS + STEP_UNIT_SECONDS * m * n1)
    distinct = distinct_frames(run, request)
    per_frame = (PIXEL_SECONDS[request.fmt] * request.width * request.height
                 + GRID_UNIT_SECONDS * GRID_POINTS ** 2 * n1 + POINT_SECONDS * m)
    # an MP4 encodes every frame, a GIF each distinct one once
    frames = per_frame * (request.frames if request.fmt == "mp4" else distinct)
    return Cost(train, frames)


# The most a server spends on one animation (estimated): beyond it the page refuses
# and says why (the command line, on the user's own machine, only says what it costs)
SERVER_SECONDS = 15


def too_dear(cost: Cost, limit: float | None = None) -> str | None:
    """None when ``cost`` is within ``limit`` (SERVER_SECONDS unless given); else what
    makes it dear: "train" (training the run again) or "frames" (its size and length)."""
    if cost.total <= (SERVER_SECONDS if limit is None else limit):
        return None
    return "train" if cost.train >= cost.frames else "frames"
