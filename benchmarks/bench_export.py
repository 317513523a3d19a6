"""Time the animation for slides (plots/animation.py) and weigh its file, beside what
core/movie.py estimates: the estimate decides what the page allows, so it must not
be below the clock.

The default run is the Playground's default settings trained 3,000 steps, made as
the page's default request (8 s, 1280 x 720, GIF) and as MP4 where PyAV is
installed; then a few dearer requests. CPU seconds are the process's
(time.process_time), medians of ``--rounds`` renders.

    python benchmarks/bench_export.py            # the default run, then the others
    python benchmarks/bench_export.py --quick    # the default run only, one round
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from shallownet.core import movie  # noqa: E402
from shallownet.core.settings import DEFAULTS, Settings  # noqa: E402
from shallownet.core.trainer import Trainer  # noqa: E402
from shallownet.plots import animation  # noqa: E402
from shallownet.ui.i18n.en import EN  # noqa: E402

DEFAULT_STEPS = 3000
# (settings, steps, request): dearer runs and requests than the default
OTHERS = [
    (DEFAULTS, DEFAULT_STEPS, movie.Request(854, 480)),
    (DEFAULTS, DEFAULT_STEPS, movie.Request(1920, 1080, 15)),
    (DEFAULTS, 20_000, movie.Request()),
    (Settings(m=5000, n1=64), 300, movie.Request(seconds=5)),
    (Settings(m=2000, n1=32), 2000, movie.Request(seconds=5, fmt="mp4")),
    (DEFAULTS, DEFAULT_STEPS, movie.Request(1920, 1080, 15, "mp4")),
]


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def measure(settings: Settings, steps: int, request: movie.Request, rounds: int) -> dict:
    trainer = Trainer(settings)
    trainer.step(steps)
    run = trainer.run_record()
    labels = animation.labels_from(EN.get, run)
    cpu, wall, data = [], [], b""
    for _ in range(rounds):
        c, w = time.process_time(), time.perf_counter()
        data = animation.render(run, request, labels)
        cpu.append(time.process_time() - c)
        wall.append(time.perf_counter() - w)
    return {"cpu": statistics.median(cpu), "wall": statistics.median(wall), "bytes": len(data),
            "estimate": movie.estimate(run, request).total, "frames": movie.distinct_frames(run, request)}


def line(settings: Settings, steps: int, request: movie.Request, r: dict) -> str:
    what = (f"m={settings.m:,} n1={settings.n1} {steps:,} steps, {request.seconds} s {request.width}x"
            f"{request.height} {request.fmt}")
    return (f"{what:<52} cpu {r['cpu']:5.2f} s  wall {r['wall']:5.2f} s  estimate {r['estimate']:5.2f} s "
            f"({r['estimate'] / r['cpu']:.1f}x)  {r['bytes'] / 1e6:5.2f} MB  {r['frames']} frames drawn")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the default run only, one round")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    rounds = 1 if args.quick else args.rounds
    print(f"CPU: {cpu_model()}, {os.cpu_count()} cores; Python {platform.python_version()}; "
          f"MP4 {'available' if animation.mp4_available() else 'not available (no PyAV)'}")
    print(f"the default run ({DEFAULT_STEPS:,} steps of the default settings), the page's default request:")
    formats = ["gif"] + (["mp4"] if animation.mp4_available() else [])
    for fmt in formats:
        request = movie.Request(fmt=fmt)
        print("  " + line(DEFAULTS, DEFAULT_STEPS, request, measure(DEFAULTS, DEFAULT_STEPS, request, rounds)))
    if args.quick:
        return
    print("dearer requests:")
    for settings, steps, request in OTHERS:
        if request.fmt == "mp4" and not animation.mp4_available():
            continue
        print("  " + line(settings, steps, request, measure(settings, steps, request, rounds)))


if __name__ == "__main__":
    main()
