"""The decision boundary as a PNG picture, for downloading: A2 over the plane in the
Playground's colours, the A2 = 0.5 line, and the points (training filled, test
hollow), drawn with Pillow.

Why not plotly's own image export: it needs the kaleido package and a browser on
the server. Pillow comes with Streamlit and draws this in a few milliseconds.
"""

from __future__ import annotations

import io

import numpy as np
from PIL import Image, ImageColor, ImageDraw

from shallownet.plots.playground import BOUNDARY_COLOR, CLASS_COLORS, PROBA_COLORSCALE


def colorize(P: np.ndarray) -> np.ndarray:
    """Probabilities (ny, nx) in [0, 1] to RGB (ny, nx, 3) along PROBA_COLORSCALE."""
    stops = np.array([s for s, _ in PROBA_COLORSCALE])
    colors = np.array([ImageColor.getrgb(c) for _, c in PROBA_COLORSCALE], dtype=float)
    p = np.clip(np.nan_to_num(P, nan=0.5), 0.0, 1.0)
    rgb = np.stack([np.interp(p, stops, colors[:, k]) for k in range(3)], axis=-1)
    return np.rint(rgb).astype(np.uint8)


def boundary_png(xs, ys, P, segments, X_train, Y_train, X_test, Y_test, *, size: int = 640) -> bytes:
    """A size x size PNG of the plane spanned by xs and ys (the grid's cell centres)."""
    image = Image.fromarray(colorize(P)[::-1])  # the first row of P is the lowest y
    image = image.resize((size, size), Image.BILINEAR)
    draw = ImageDraw.Draw(image)
    x0, x1, y0, y1 = float(xs[0]), float(xs[-1]), float(ys[0]), float(ys[-1])

    def px(x, y):
        return (x - x0) / (x1 - x0) * (size - 1), (y1 - y) / (y1 - y0) * (size - 1)

    for (a, b) in np.asarray(segments).reshape(-1, 2, 2):
        draw.line([px(*a), px(*b)], fill=ImageColor.getrgb(BOUNDARY_COLOR), width=3)
    r = max(3, size // 160)
    for X, Y, test in ((X_train, Y_train, False), (X_test, Y_test, True)):
        for (x, y), c in zip(X.T, Y[0]):
            cx, cy = px(x, y)
            color = ImageColor.getrgb(CLASS_COLORS[int(c)])
            box = [cx - r, cy - r, cx + r, cy + r]
            if test:
                draw.ellipse(box, fill=(255, 255, 255), outline=color, width=2)
            else:
                draw.ellipse(box, fill=color, outline=(255, 255, 255), width=1)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
