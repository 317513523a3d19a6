"""The live view: one custom component that draws the metrics and the three figures
and animates a batch of frames in the browser.

Why a component: redrawing ``st.plotly_chart`` figures re-sends whole figures for
every frame, a few frames a second at best. Here the server trains a batch of
frames at once and sends it in one message (while playing over the live stream,
ui/live/stream.py; at rest as this component's argument): per frame only the
network's parameters and the numbers; the curves once per batch, each frame
saying how much of them to show. The browser plays the frames at an even pace
while the server computes the next batch: plotly.js draws the charts' axes, points
and legends, and canvases draw what moves (frontend/ says why). The controls stay
live because the script never loops.

The view uses plotly.js's "basic" bundle (scatter traces only: the heatmap is
painted on a canvas), a quarter of the full bundle's size: its parse is what the
first drawing waits for, and every new visitor downloads it. It is npm's
plotly.js-basic-dist-min 4.1.1, the plotly.js version of plotly 7.1, with its
licence beside it; to update it: ``npm pack plotly.js-basic-dist-min@<version>``
and copy plotly-basic.min.js.
"""

from __future__ import annotations

import base64
import math
from pathlib import Path

import numpy as np
import streamlit.components.v1 as components

_FRONTEND = Path(__file__).parent / "frontend"
_live_view = components.declare_component("live_view", path=str(_FRONTEND))

_DTYPES = {np.dtype(np.uint8): "u1", np.dtype(np.float32): "f4", np.dtype(np.float64): "f8", np.dtype(np.int32): "i4"}


def _as_float32_if_it_fits(a: np.ndarray) -> np.ndarray:
    """Half the bytes, unless float32 would turn a value into inf (beyond 3.4e38, as
    a diverging cost gets) or a non-zero value into 0 (below 1e-45): then float64."""
    with np.errstate(over="ignore"):
        a32 = a.astype(np.float32)
    lost = np.isinf(a32) & np.isfinite(a) | (a32 == 0) & (a != 0)
    return a if lost.any() else a32


def encode(obj):
    """``obj`` made JSON-ready: numpy arrays become plotly typed-array specs
    ({"dtype", "bdata", "shape"}: uint8 as it is, floats as float32 where that loses
    nothing), a float NaN or infinity becomes null, keys become strings."""
    if isinstance(obj, np.ndarray):
        a = obj
        if a.dtype.kind == "f":
            a = _as_float32_if_it_fits(a)
        elif a.dtype not in _DTYPES:
            a = a.astype(np.int32)
        spec = {
            "dtype": _DTYPES[a.dtype],
            "bdata": base64.b64encode(np.ascontiguousarray(a).tobytes()).decode("ascii"),
        }
        if a.ndim > 1:
            spec["shape"] = ",".join(map(str, a.shape))
        return spec
    if isinstance(obj, dict):
        return {str(k): encode(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [encode(v) for v in obj]
    if isinstance(obj, np.generic):
        obj = obj.item()
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    return obj


def split_networks(payload: dict) -> tuple[dict, bytes]:
    """``payload`` with each frame's parameters (frames.network_vector, float32) taken
    out into one block of bytes, and that block: a frame's ``net`` becomes
    ``{"offset", "length"}`` in it (bytes).

    Why: a component's argument that is bytes goes to the browser as it is (a
    protobuf field), while everything in ``payload`` is JSON: numbers as base64
    text cost the server's one interpreter lock to encode, and the browser's main
    thread to parse back.
    """
    chunks, offset, frames = [], 0, []
    for f in payload.get("frames", []):
        data = np.ascontiguousarray(f["net"], dtype=np.float32).tobytes()
        chunks.append(data)
        frames.append({**f, "net": {"offset": offset, "length": len(data)}})
        offset += len(data)
    return {**payload, "frames": frames}, b"".join(chunks)


def live_view(payload: dict, *, key: str = "live") -> None:
    """Draw ``payload`` (see frames.py, ``Feed.payload``)."""
    payload, networks = split_networks(payload)
    _live_view(payload=encode(payload), networks=networks, key=key, default=None)
