"""What a frame of the live view costs the server, and what a playing session puts
on the wire.

A frame is the network after some step (ui/live/frames.py): its numbers and its
parameters; the browser draws the boundary from them. Timed here, per frame: the
frame itself, and its share of the batch's payload and its packing into the
stream's message (series, JSON, bytes), without the training. For comparison, in
the same run, the picture the server would otherwise compute per frame: A2 on the
100 x 100 grid, quantised to 8 bits, and the A2 = 0.5 line traced (boundary_on,
quantize).

Bytes on the wire: batches of 25 frames (one a second while playing), packed as
the stream sends them, raw and compressed as the websocket's permessage-deflate
does (one deflate stream per connection, its window kept from message to message).

Timings on a shared machine are noisy: the two are alternated over rounds, and
the medians and their ratio are reported.

    python benchmarks/bench_frames.py
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from shallownet.core.settings import Settings  # noqa: E402
from shallownet.plots.playground import quantize  # noqa: E402
from shallownet.ui.live.frames import Feed, boundary_on  # noqa: E402
from shallownet.ui.live.stream import pack  # noqa: E402
from shallownet.ui.session import FRAMES_PER_BATCH, Playground  # noqa: E402

TARGETS = {"work_ms": 0.2, "wire_kB_s": 30.0}  # per frame; per playing session, at the defaults
CASES = {"defaults": Settings(), "n1 = 64, m = 5,000": Settings(n1=64, m=5000)}


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                flags = Path("/proc/cpuinfo").read_text()
                return f"{line.split(':', 1)[1].strip()}, avx512f: {'yes' if ' avx512f' in flags else 'no'}"
    except OSError:
        pass
    return platform.processor() or platform.machine()


def per_frame_ms(playground: Playground, feed: Feed) -> float:
    """A batch's frames, payload and message, without training, per frame."""
    started = time.perf_counter()
    frames = [playground.frame("en") for _ in range(FRAMES_PER_BATCH)]
    pack(feed.payload(playground, frames, "en", frame_ms=40, with_figures=False))
    return (time.perf_counter() - started) * 1000 / FRAMES_PER_BATCH


def picture_ms(playground: Playground) -> float:
    """The picture a frame would carry if the server drew it."""
    started = time.perf_counter()
    for _ in range(FRAMES_PER_BATCH):
        P, _segments = boundary_on(playground.trainer, playground.grid)
        quantize(P)
    return (time.perf_counter() - started) * 1000 / FRAMES_PER_BATCH


def wire(settings: Settings, batches: int) -> tuple[float, float]:
    """kB a second of play (a batch a second): raw, and deflated."""
    playground, feed = Playground(settings), Feed()
    playground.play()
    deflate = zlib.compressobj(wbits=-15)
    raw = compressed = 0
    for i in range(batches + 2):
        frames = playground.advance("en", FRAMES_PER_BATCH, budget=0.6)
        message = pack(feed.payload(playground, frames, "en", frame_ms=40, with_figures=False))
        packed = deflate.compress(message) + deflate.flush(zlib.Z_SYNC_FLUSH)
        if i >= 2:  # after the first batches, whose curves are short
            raw, compressed = raw + len(message), compressed + len(packed)
    return raw / batches / 1000, compressed / batches / 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--batches", type=int, default=10)
    args = parser.parse_args()
    print(f"CPU: {cpu_model()}; Python {platform.python_version()}")
    ok = True
    for name, settings in CASES.items():
        playground, feed = Playground(settings), Feed()
        playground.step(2000)
        work, picture = [], []
        for _ in range(args.rounds):
            work.append(per_frame_ms(playground, feed))
            picture.append(picture_ms(playground))
        w, p = statistics.median(work), statistics.median(picture)
        raw, deflated = wire(settings, args.batches)
        print(f"{name}: server work per frame {w:.3f} ms (the picture alone would add {p:.3f} ms, "
              f"{p / w:.1f}x); wire {deflated:.1f} kB/s deflated ({raw:.1f} raw)")
        if name == "defaults":
            ok &= w <= TARGETS["work_ms"] and deflated <= TARGETS["wire_kB_s"]
    print(f"targets at the defaults: work <= {TARGETS['work_ms']} ms a frame, wire <= {TARGETS['wire_kB_s']:g} kB/s:",
          "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
