"""The run as an animation for slides: the decision boundary with the cost curve
beside it, from the run's first step to the step on screen, as a GIF or an MP4.

- Frames: drawn with Pillow (Streamlit's dependency), in the Playground's colours:
  A2 over the plane, the A2 = 0.5 line, the points (training filled, test
  hollow), and the cost J per step up to the frame's step on fixed axes, with the
  step and J written above. What does not move (axes, labels, the points) is
  drawn once; the points at twice the size and scaled down, so their edges are
  smooth.
- GIF: Pillow's encoder, one frame at a time (``GifWriter``): one fixed palette
  (the heatmap's colours, greys, the classes'), and each frame only where it
  differs from the last, the rest transparent, which keeps a file of a hundred
  1280 x 720 frames to a few megabytes and the memory to two frames.
- MP4: H.264 through PyAV (FFmpeg's libraries in one wheel), where it is
  installed; ``mp4_available`` says whether it is.
- The same run and request give the same file, byte for byte: no clock and no
  random numbers go in, the font is the package's own (fonts/, Noto Sans CJK KR
  cut down to Latin, the common Hangul syllables and the labels' signs), and
  x264 runs on one thread.

Nothing here knows about Streamlit; the texts come from the caller (``labels_from``),
the request and its cost from core/movie.py.
"""

from __future__ import annotations

import functools
import io
import math
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

import numpy as np
from PIL import GifImagePlugin, Image, ImageColor, ImageDraw, ImageFont

from shallownet.core.grid import boundary, make_grid
from shallownet.core.movie import FPS, GRID_POINTS, Request, estimate
from shallownet.core.replay import frame_steps, replay
from shallownet.core.trainer import Run
from shallownet.plots.boundary_png import colorize
from shallownet.plots.playground import BOUNDARY_COLOR, CLASS_COLORS, PROBA_COLORSCALE, TEST_COLOR, TRAIN_COLORS

MIME = {"gif": "image/gif", "mp4": "video/mp4"}
# the texts of a frame and the keys of the language tables they come from
LABEL_KEYS = {
    "boundary": "export.anim.boundary",
    "cost": "fig.cost",
    "step": "fig.step",
    "train": "fig.cost.train",
    "test": "fig.cost.test",
    "frame": "export.anim.frame",
    "settings": "export.anim.settings",
}
FONT_FILE = Path(__file__).with_name("fonts") / "NotoSansCJKkr-shallownet.otf"

INK = "#202124"
MUTED = "#5F6368"
GRIDLINE = "#E8EAED"


def mp4_available() -> bool:
    """Whether an MP4 can be made here: PyAV with FFmpeg's H.264 encoder."""
    try:
        import av
        av.codec.Codec("libx264", "w")
    except Exception:  # not installed, or built without libx264: either way no MP4
        return False
    return True


# -- texts -------------------------------------------------------------------------
def labels_from(text: Callable[[str], str], run: Run) -> dict[str, str]:
    """A frame's texts in one language: ``text(key)`` gives a key's text (the
    language's table). The settings' line is filled in here; "frame" stays a
    template of {step}, {cost} and {alpha}."""
    labels = {name: text(key) for name, key in LABEL_KEYS.items()}
    s = run.settings
    labels["settings"] = labels["settings"].format(
        dataset=text(f"dataset.{s.dataset}"), m=f"{run.data.X_train.shape[1] + run.data.X_test.shape[1]:,}",
        n1=s.n1, activation=text(f"activation.{s.activation}"))
    return labels


@functools.lru_cache(maxsize=16)
def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_FILE), size)


def nice_ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    """About ``count`` round numbers (1, 2 or 5 times a power of ten apart) from lo to hi."""
    if not hi > lo:
        return [lo]
    raw = (hi - lo) / count
    mag = 10 ** math.floor(math.log10(raw))
    step = next(k * mag for k in (1, 2, 5, 10) if k * mag >= raw)
    first = math.ceil(lo / step - 1e-9)
    return [k * step for k in range(first, math.floor(hi / step + 1e-9) + 1)]


def _nice_top(value: float) -> float:
    """The round number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 or 10 times a power of ten) at or above value."""
    if not value > 0:
        return 1.0
    mag = 10 ** math.floor(math.log10(value))
    return next(k * mag for k in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10) if k * mag >= value * (1 - 1e-9))


def _tick_text(v: float) -> str:
    """A tick's number: 1,500 or 0.25; a cost past 100,000 (a diverging run's) as 2e+304."""
    if abs(v) >= 1e5 and v != int(v) or abs(v) >= 1e8:
        return f"{v:.3g}".replace("-", "−")
    return f"{v:,.0f}" if abs(v) >= 1000 else f"{v:.4g}".replace("-", "−")


# -- one frame ---------------------------------------------------------------------
class Frame(NamedTuple):
    """What moves in a frame: the step, A2 on the grid, the A2 = 0.5 line, the costs
    at that step (test NaN when there is none) and the α of its last step."""

    step: int
    P: np.ndarray
    segments: np.ndarray
    cost_train: float
    cost_test: float
    alpha: float


class Scene:
    """Everything of an animation that does not move, drawn once: the layout, the
    axes and their labels, the points, and the cost curves' pixels; ``draw(frame)``
    adds what moves."""

    def __init__(self, size: tuple[int, int], xs, ys, X_train, Y_train, X_test, Y_test,
                 history: dict[str, np.ndarray], last_step: int, labels: dict[str, str], *, log: bool = False):
        W, H = size
        self.size, self.labels, self.xs, self.ys = size, labels, xs, ys
        s = H / 720  # the layout is made for 720 pixels high and scaled
        self.s = s
        self.fonts = {k: _font(max(8, round(v * s))) for k, v in
                      (("caption", 34), ("settings", 20), ("title", 22), ("tick", 17), ("axis", 20))}
        top = round(150 * s)  # below the caption, the settings' line and the charts' titles
        bottom = round(66 * s)
        left = round(96 * s)
        side = min(H - top - bottom, round(0.52 * W) - left)
        # a frame narrower than 16:9 leaves room below: everything goes down by half of it
        self.dy = (H - top - bottom - side) // 2
        top += self.dy
        self.plot = (left, top, left + side, top + side)
        cx0 = self.plot[2] + round(118 * s)
        self.chart = (cx0, top, W - round(36 * s), top + side)
        self.base = self._base(history, last_step, log)
        self.points = self._points(X_train, Y_train, X_test, Y_test)
        self._curves(history, last_step, log)

    # where a point of the plane or of the cost chart is drawn
    def _plane(self, x, y):
        x0, y0, x1, y1 = self.plot
        px = x0 + (np.asarray(x) - self.xs[0]) / (self.xs[-1] - self.xs[0]) * (x1 - x0)
        py = y1 - (np.asarray(y) - self.ys[0]) / (self.ys[-1] - self.ys[0]) * (y1 - y0)
        return px, py

    def _chart_xy(self, step, cost):
        x0, y0, x1, y1 = self.chart
        px = x0 + (np.asarray(step, dtype=float) - self.x_min) / (self.x_max - self.x_min) * (x1 - x0)
        c = np.asarray(cost, dtype=float)
        if self.log:
            v = (np.log10(np.clip(c, self.y_range[0], None)) - math.log10(self.y_range[0])) \
                / (math.log10(self.y_range[1]) - math.log10(self.y_range[0]))
        else:
            v = (c - self.y_range[0]) / (self.y_range[1] - self.y_range[0])
        py = y1 - np.clip(v, 0, 1) * (y1 - y0)
        return px, py

    def _text(self, draw, xy, text, font, fill=INK, anchor="la"):
        draw.text(xy, text, font=self.fonts[font], fill=fill, anchor=anchor)

    def _base(self, history, last_step, log):
        s, labels = self.s, self.labels
        image = Image.new("RGB", self.size, "#FFFFFF")
        draw = ImageDraw.Draw(image)
        x0, y0, x1, y1 = self.plot
        # under the step, J and α of each frame (drawn by ``draw``)
        self._text(draw, (x0, self.dy + round(58 * s)), labels["settings"], "settings", MUTED, "la")
        self._text(draw, (x0, y0 - round(14 * s)), labels["boundary"], "title", INK, "ld")
        tick = round(6 * s)
        for v in nice_ticks(float(self.xs[0]), float(self.xs[-1])):
            px = float(self._plane(v, 0)[0])
            draw.line([(px, y1), (px, y1 + tick)], fill=MUTED, width=1)
            self._text(draw, (px, y1 + tick + 2), _tick_text(v), "tick", MUTED, "ma")
        for v in nice_ticks(float(self.ys[0]), float(self.ys[-1])):
            py = float(self._plane(0, v)[1])
            draw.line([(x0 - tick, py), (x0, py)], fill=MUTED, width=1)
            self._text(draw, (x0 - tick - 3, py), _tick_text(v), "tick", MUTED, "rm")
        self._text(draw, ((x0 + x1) / 2, y1 + round(34 * s)), "x1", "axis", INK, "ma")
        self._text(draw, (x0 - round(62 * s), (y0 + y1) / 2), "x2", "axis", INK, "rm")
        # the cost chart: its ranges, grid, ticks and legend
        costs = np.concatenate([history["cost_train"], history["cost_test"]])
        costs = costs[np.isfinite(costs)]
        self.log = log
        # steps from 0, or from where a run that began later (a loaded network) began
        self.x_min = float(history["step"][0]) if len(history["step"]) else 0.0
        if self.x_min == 0:
            self.x_max = float(nice_ticks(0, max(last_step, 1), 4)[-1])
            if self.x_max < last_step:
                self.x_max = float(_nice_top(last_step))
        else:
            self.x_max = float(max(last_step, self.x_min + 1))
        if log:
            positive = costs[costs > 0]
            lo = 10 ** math.floor(math.log10(positive.min())) if positive.size else 1e-3
            hi = 10 ** math.ceil(math.log10(positive.max())) if positive.size else 1.0
            self.y_range = (lo, max(hi, lo * 10))
            y_ticks = [10.0 ** k for k in range(round(math.log10(self.y_range[0])),
                                                  round(math.log10(self.y_range[1])) + 1)]
        else:
            self.y_range = (0.0, _nice_top(float(costs.max()) if costs.size else 1.0))
            y_ticks = nice_ticks(*self.y_range, 4)
        cx0, cy0, cx1, cy1 = self.chart
        self._text(draw, (cx0, cy0 - round(14 * s)), labels["cost"], "title", INK, "ld")
        for v in y_ticks:
            py = float(self._chart_xy(0, v)[1])
            draw.line([(cx0, py), (cx1, py)], fill=GRIDLINE, width=1)
            text = f"1e{round(math.log10(v))}" if log else _tick_text(v)
            self._text(draw, (cx0 - tick - 3, py), text.replace("e-", "e−"), "tick", MUTED, "rm")
        for v in nice_ticks(self.x_min, self.x_max, 4):
            px = float(self._chart_xy(v, self.y_range[0])[0])
            draw.line([(px, cy0), (px, cy1)], fill=GRIDLINE, width=1)
            self._text(draw, (px, cy1 + tick + 2), _tick_text(v), "tick", MUTED, "ma")
        draw.line([(cx0, cy1), (cx1, cy1)], fill=MUTED, width=1)
        draw.line([(cx0, cy0), (cx0, cy1)], fill=MUTED, width=1)
        self._text(draw, ((cx0 + cx1) / 2, cy1 + round(34 * s)), labels["step"], "axis", INK, "ma")
        self._text(draw, (cx0 - round(80 * s), (cy0 + cy1) / 2), "J", "axis", INK, "rm")
        entries = [(labels["train"], TRAIN_COLORS["cost"])]
        if np.isfinite(history["cost_test"]).any():
            entries.append((labels["test"], TEST_COLOR))
        ly = cy0 + round(18 * s)
        lx = cx1 - round(16 * s) - max(round(self.fonts["tick"].getlength(text)) for text, _ in entries)
        for text, color in entries:
            draw.line([(lx - round(40 * s), ly), (lx - round(10 * s), ly)], fill=color, width=max(2, round(3 * s)))
            self._text(draw, (lx, ly), text, "tick", INK, "lm")
            ly += round(28 * s)
        return image

    def _points(self, X_train, Y_train, X_test, Y_test) -> tuple[Image.Image, Image.Image]:
        """The points over the plot, drawn at twice the size and scaled down: an RGB
        layer and its mask."""
        x0, y0, x1, y1 = self.plot
        k = 2
        side = (x1 - x0) * k
        layer = Image.new("RGBA", (side, side), (0, 0, 0, 0))
        draw = ImageDraw.Draw(layer)
        r = max(3.0, 5 * self.s) * k
        for X, Y, test in ((X_train, Y_train, False), (X_test, Y_test, True)):
            px, py = self._plane(X[0], X[1])
            for cx, cy, c in zip((px - x0) * k, (py - y0) * k, Y[0]):
                color = ImageColor.getrgb(CLASS_COLORS[int(c)])
                box = [cx - r, cy - r, cx + r, cy + r]
                if test:
                    draw.ellipse(box, fill=(255, 255, 255, 255), outline=color, width=round(2 * k * self.s) or 1)
                else:
                    draw.ellipse(box, fill=color, outline=(255, 255, 255, 255), width=max(1, round(k * self.s)))
        layer = layer.resize((x1 - x0, y1 - y0), Image.LANCZOS)
        return layer.convert("RGB"), layer.getchannel("A")

    def _curves(self, history, last_step, log) -> None:
        steps = history["step"]
        keep = steps <= last_step
        self.curve_steps = steps[keep]
        self.curve_px = {}
        for name in ("cost_train", "cost_test"):
            values = history[name][keep]
            if np.isfinite(values).any():
                px, py = self._chart_xy(self.curve_steps, values)
                self.curve_px[name] = (px, py, np.isfinite(values))

    def draw(self, frame: Frame) -> Image.Image:
        """The frame: the base, A2 over the plane, the A2 = 0.5 line, the points, the
        costs up to the frame's step, and the step, J and α above."""
        s = self.s
        image = self.base.copy()
        x0, y0, x1, y1 = self.plot
        heat = Image.fromarray(colorize(frame.P)[::-1]).resize((x1 - x0, y1 - y0), Image.BILINEAR)
        image.paste(heat, (x0, y0))
        draw = ImageDraw.Draw(image)
        width = max(2, round(3 * s))
        segments = np.asarray(frame.segments, dtype=float).reshape(-1, 2, 2)
        px, py = self._plane(segments[:, :, 0], segments[:, :, 1])
        for (ax, bx), (ay, by) in zip(px.tolist(), py.tolist()):
            draw.line([(ax, ay), (bx, by)], fill=BOUNDARY_COLOR, width=width)
        rgb, mask = self.points
        image.paste(rgb, (x0, y0), mask)
        draw.rectangle([x0 - 1, y0 - 1, x1, y1], outline=MUTED, width=1)
        # the curves to the frame's step, ending at its exact costs
        n = int(np.searchsorted(self.curve_steps, frame.step, side="right"))
        for name, color, value in (("cost_test", TEST_COLOR, frame.cost_test),
                                   ("cost_train", TRAIN_COLORS["cost"], frame.cost_train)):
            if name not in self.curve_px or not math.isfinite(value):
                continue
            px, py, ok = self.curve_px[name]
            ex, ey = self._chart_xy(frame.step, value)
            line = [(float(a), float(b)) for a, b, good in zip(px[:n], py[:n], ok[:n]) if good]
            line.append((float(ex), float(ey)))
            if len(line) > 1:
                draw.line(line, fill=color, width=width, joint="curve")
            r = round(5 * s)
            draw.ellipse([ex - r, ey - r, ex + r, ey + r], fill=color)
        caption = self.labels["frame"].format(step=f"{frame.step:,}", cost=_cost_text(frame.cost_train),
                                              alpha=f"{frame.alpha:g}")
        self._text(draw, (x0, self.dy + round(8 * s)), caption, "caption", INK, "la")
        return image


def _cost_text(v: float) -> str:
    return f"{v:.4f}" if 1e-3 <= v < 1e4 else f"{v:.3e}"


# -- encoding ----------------------------------------------------------------------
def palette() -> list[tuple[int, int, int]]:
    """The GIF's colours, the same for every frame: the heatmap's scale, greys (text
    and lines), each class's colour towards white (points' edges), the colours
    drawn; 255 of them, index 255 being the transparent one."""
    colors = [tuple(int(v) for v in c) for c in colorize(np.linspace(0.0, 1.0, 120)[None, :])[0]]
    colors += [(v, v, v) for v in np.linspace(0, 255, 48).round().astype(int)]
    for c in (*CLASS_COLORS, TEST_COLOR):
        r = np.array(ImageColor.getrgb(c), dtype=float)
        for f in np.linspace(0, 1, 14, endpoint=False):
            colors.append(tuple(int(v) for v in np.rint(r + (255 - r) * f)))
    stops = [ImageColor.getrgb(c) for _, c in PROBA_COLORSCALE]
    for c in CLASS_COLORS:  # a point's edge over the heatmap's ends
        for end in (stops[0], stops[-1]):
            for f in (0.25, 0.5, 0.75):
                colors.append(tuple(int(round(a + (b - a) * f)) for a, b in zip(ImageColor.getrgb(c), end)))
    colors += [ImageColor.getrgb(c) for c in (INK, MUTED, GRIDLINE, BOUNDARY_COLOR, *TRAIN_COLORS.values())]
    # Pillow matches a pixel by its colour rounded down to a multiple of 4 in each
    # channel: white (255, 255, 255) goes by (252, 252, 252), so no other colour may
    # be nearer that, or a white background would come out a shade off white
    near_white = [c for c in colors if c != (255, 255, 255) and sum((v - 252) ** 2 for v in c) <= 27]
    unique = [c for c in dict.fromkeys(colors) if c not in near_white][:TRANSPARENT]
    unique += [(255, 255, 255)] * (TRANSPARENT - len(unique))
    return unique + [(255, 0, 255)]  # never matched: no colour drawn is near magenta


TRANSPARENT = 255


@functools.lru_cache(maxsize=1)
def _palette_image() -> Image.Image:
    image = Image.new("P", (1, 1))
    image.putpalette([v for c in palette() for v in c])
    return image


def to_indices(image: Image.Image) -> np.ndarray:
    """An RGB frame as indices of ``palette()``, each pixel its nearest colour."""
    return np.asarray(image.quantize(palette=_palette_image(), dither=Image.Dither.NONE))


class GifWriter:
    """A looping GIF written a frame at a time: the first frame whole, each next one
    as the box where it differs from the last, its unchanged pixels transparent
    (drawn over the last frame, which stays: disposal 1)."""

    def __init__(self, out, size: tuple[int, int]):
        self.out, self.size = out, size
        self.last: np.ndarray | None = None
        header = Image.new("P", size)
        header.putpalette(_palette_image().getpalette())
        parts, _ = GifImagePlugin.getheader(header, info={"loop": 0})
        out.write(b"".join(parts))

    def add(self, indices: np.ndarray, duration_ms: int) -> None:
        box = (0, 0, self.size[0], self.size[1])
        patch = indices
        if self.last is not None:
            changed = indices != self.last
            rows, cols = np.flatnonzero(changed.any(axis=1)), np.flatnonzero(changed.any(axis=0))
            if rows.size:
                box = (int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1)
            else:
                box = (0, 0, 1, 1)  # nothing changed: one transparent pixel carries the delay
            x0, y0, x1, y1 = box
            patch = np.where(changed[y0:y1, x0:x1], indices[y0:y1, x0:x1], TRANSPARENT).astype(np.uint8)
        frame = Image.fromarray(np.ascontiguousarray(patch, dtype=np.uint8), "P")
        params = {"duration": duration_ms, "disposal": 1}
        if self.last is not None:
            params["transparency"] = TRANSPARENT
        self.out.write(b"".join(GifImagePlugin.getdata(frame, offset=box[:2], **params)))
        self.last = indices

    def close(self) -> None:
        self.out.write(b";")


class Mp4Writer:
    """An H.264 MP4 at FPS frames a second, a frame at a time (PyAV). One encoding
    thread and no clock in the file: the same frames give the same bytes."""

    def __init__(self, out, size: tuple[int, int]):
        import av

        self.container = av.open(out, mode="w", format="mp4")
        self.stream = self.container.add_stream(
            "libx264", rate=FPS, options={"crf": "20", "preset": "faster", "tune": "animation", "threads": "1"})
        self.stream.width, self.stream.height = size
        self.stream.pix_fmt = "yuv420p"
        self.av = av

    def add(self, image: Image.Image, count: int = 1) -> None:
        frame = self.av.VideoFrame.from_image(image)
        for _ in range(count):
            for packet in self.stream.encode(frame):
                self.container.mux(packet)

    def close(self) -> None:
        for packet in self.stream.encode():
            self.container.mux(packet)
        self.container.close()


# -- the whole animation -----------------------------------------------------------
def render(run: Run, request: Request, labels: dict[str, str], *, log: bool = False,
           on_progress: Callable[[float, str], None] | None = None) -> bytes:
    """The animation of ``run`` from its start to its step, as ``request`` asks.
    ``on_progress(fraction, phase)`` is called as it goes, phase "train" (the run
    trained again) then "frames"."""
    cost = estimate(run, request)
    share = cost.train / cost.total if cost.total > 0 else 0.0

    def progress(fraction: float, phase: str) -> None:
        if on_progress:
            on_progress(min(1.0, fraction), phase)

    steps = frame_steps(run.start, run.step, request.moving, request.spacing)
    distinct = sorted(set(steps))
    replayed = replay(run, distinct, lambda done, total: progress(share * done / max(total, 1), "train"))
    # how long each distinct step stays on screen, in frames (the last holds)
    counts = {step: steps.count(step) for step in distinct}
    counts[distinct[-1]] += request.frames - len(steps)
    d = run.data
    grid = make_grid(d.X_all, GRID_POINTS)
    scene = Scene((request.width, request.height), grid.xs, grid.ys, d.X_train, d.Y_train, d.X_test, d.Y_test,
                  replayed.history, run.step, labels, log=log)
    alphas = run.alphas

    def alpha_of(step: int) -> float:
        # the α of the step that reached ``step`` (of the first part at the start)
        return next((a for first, a in reversed(alphas) if first < step), alphas[0][1])

    def frames() -> Iterator[tuple[Image.Image, int]]:
        for i, state in enumerate(replayed.states):
            P, segments = boundary(state.params, run.settings.activation, grid)
            r = state.record
            yield scene.draw(Frame(state.step, P, segments, r.cost_train, r.cost_test, alpha_of(state.step))), \
                counts[state.step]
            progress(share + (1 - share) * (i + 1) / len(replayed.states), "frames")

    out = io.BytesIO()
    if request.fmt == "gif":
        writer = GifWriter(out, (request.width, request.height))
        for image, count in frames():
            writer.add(to_indices(image), count * 1000 // FPS)
        writer.close()
        return out.getvalue()
    writer = Mp4Writer(out, (request.width, request.height))
    try:
        for image, count in frames():
            writer.add(image, count)
    finally:
        writer.close()
    return out.getvalue()
