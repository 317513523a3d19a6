"""Time one full gradient descent step of the trainer against scikit-learn's.

One step of the trainer is what the app runs per iteration: the update, the
forward pass, the cost, the accuracy, backpropagation, the gradient norms and the
history record, with the test set's numbers on the steps the history keeps. scikit-learn's is
MLPClassifier.partial_fit on the same training set with solver="sgd",
batch_size = m_train, no momentum and no L2 penalty: one full-batch step. The
plain public functions (forward, compute_cost, backward, update) are timed too,
to show what the trainer's buffers buy.

Timings on a shared machine are noisy: each size alternates the contenders over
several rounds and reports medians and the ratio of medians, measured in one run.

    python benchmarks/bench_step.py            # all three sizes
    python benchmarks/bench_step.py --quick    # fewer rounds
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
import warnings

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

import shallownet as sn  # noqa: E402
from shallownet.core import datasets  # noqa: E402
from shallownet.core.settings import Settings  # noqa: E402
from shallownet.core.trainer import Trainer  # noqa: E402

SIZES = [(400, 4), (2000, 64), (20000, 512)]
TARGETS = {(400, 4): 40.0, (2000, 64): 5.0, (20000, 512): 1.0}


def make_trainer(m: int, n1: int) -> Trainer:
    data = datasets.split(*datasets.load("moons", m, 0.2, 0), 0.2, 0)
    settings = Settings(n1=min(n1, 64))
    if n1 > 64:
        # beyond the app's range on purpose, to show how the cost grows
        object.__setattr__(settings, "n1", n1)
    return Trainer(settings, data=data)


def make_sklearn(trainer: Trainer):
    from sklearn.neural_network import MLPClassifier

    d = trainer.data
    X, y = d.X_train.T, d.Y_train.ravel()
    clf = MLPClassifier(
        hidden_layer_sizes=(trainer.settings.n1,), activation="tanh", solver="sgd",
        batch_size=X.shape[0], momentum=0.0, nesterovs_momentum=False, alpha=0.0,
        learning_rate_init=trainer.settings.alpha, shuffle=False, random_state=0,
    )
    clf.partial_fit(X, y, classes=[0, 1])
    return lambda: clf.partial_fit(X, y)


def make_plain(trainer: Trainer):
    d, act, alpha = trainer.data, trainer.settings.activation, trainer.settings.alpha
    state = {"p": trainer.params}

    def step():
        p = state["p"]
        cache = sn.forward(p, d.X_train, act)
        sn.compute_cost(cache, d.Y_train)
        state["p"] = sn.update(p, sn.backward(p, cache, d.X_train, d.Y_train, act), alpha)

    return step


def per_step(fn, k: int) -> float:
    t0 = time.perf_counter()
    fn(k)
    return (time.perf_counter() - t0) / k


def bench(m: int, n1: int, rounds: int) -> dict:
    trainer = make_trainer(m, n1)
    sk_step = make_sklearn(trainer)
    plain_step = make_plain(trainer)
    budget = 0.2  # seconds per contender per round
    trainer.step(3)
    t_one = per_step(trainer.step, 3)
    k = max(1, int(budget / t_one))

    def repeat(fn):
        def run(n):
            for _ in range(n):
                fn()
        return run

    sk_k = max(1, int(budget / per_step(repeat(sk_step), 2)))
    plain_k = max(1, int(budget / per_step(repeat(plain_step), 2)))
    times = {"trainer": [], "plain": [], "sklearn": []}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for _ in range(rounds):
            times["trainer"].append(per_step(trainer.step, k))
            times["plain"].append(per_step(repeat(plain_step), plain_k))
            times["sklearn"].append(per_step(repeat(sk_step), sk_k))
    return {name: statistics.median(ts) for name, ts in times.items()}


def fmt(seconds: float) -> str:
    return f"{seconds * 1e6:,.1f} µs" if seconds < 1e-3 else f"{seconds * 1e3:,.2f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 rounds instead of 9")
    args = parser.parse_args()
    rounds = 3 if args.quick else 9
    try:
        from threadpoolctl import threadpool_info

        blas = ", ".join(f"{i['internal_api']} {i['num_threads']} threads" for i in threadpool_info())
    except ImportError:
        blas = "unknown"
    print(f"python {platform.python_version()}, numpy {np.__version__}, BLAS: {blas}, "
          f"{os.cpu_count()} cores, {rounds} rounds, medians")
    print(f"{'m / n1':>14} | {'trainer':>11} | {'plain numpy':>11} | {'scikit-learn':>12} | "
          f"{'sklearn/trainer':>15} | target")
    ok = True
    for m, n1 in SIZES:
        r = bench(m, n1, rounds)
        ratio = r["sklearn"] / r["trainer"]
        target = TARGETS[(m, n1)]
        met = ratio >= target
        ok &= met
        print(f"{m:>7} / {n1:<4} | {fmt(r['trainer']):>11} | {fmt(r['plain']):>11} | "
              f"{fmt(r['sklearn']):>12} | {ratio:>14.1f}x | >= {target:g}x {'met' if met else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
