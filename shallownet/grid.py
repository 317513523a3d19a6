"""The plane around a data set as a grid of points, and the level curve of a field on it.

The decision boundary is where A2 = 0.5: the network's probabilities are evaluated
on the grid's points and ``level_segments`` traces that level by marching squares,
with linear interpolation along the cell edges.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np


class Grid(NamedTuple):
    """xs (n,), ys (n,) and points (2, n * n), where points[:, j * n + i] = (xs[i], ys[j]),
    so that values computed on the points reshape to (n, n) with rows along y."""

    xs: np.ndarray
    ys: np.ndarray
    points: np.ndarray


def make_grid(X, n: int = 100, margin: float = 0.1) -> Grid:
    """A square grid over the data X (2, m): centred on its bounding box, with sides
    of the larger of its two extents plus ``margin`` of it on each side, so that the
    axes stay fixed while the network trains and the plane is not stretched."""
    lo, hi = X.min(axis=1), X.max(axis=1)
    center = (lo + hi) / 2
    half = max(float(np.max(hi - lo)), 1e-9) / 2 * (1 + 2 * margin)
    xs = np.linspace(center[0] - half, center[0] + half, n)
    ys = np.linspace(center[1] - half, center[1] + half, n)
    gx, gy = np.meshgrid(xs, ys)
    return Grid(xs, ys, np.stack([gx.ravel(), gy.ravel()]))


def level_segments(xs, ys, V, level: float = 0.5) -> np.ndarray:
    """Line segments, shape (k, 2, 2) as [[x0, y0], [x1, y1]], tracing V = level.

    V is (len(ys), len(xs)). Each grid cell whose corners are on both sides of the
    level holds one segment (two at a saddle, resolved by the cell's mean).
    """
    V = np.asarray(V, dtype=float)
    above = V > level

    def crossing(v0, v1):
        with np.errstate(divide="ignore", invalid="ignore"):
            t = (level - v0) / (v1 - v0)
        return np.clip(np.nan_to_num(t, nan=0.5), 0.0, 1.0)

    # crossings on horizontal edges (j, i)-(j, i+1) and vertical edges (j, i)-(j+1, i)
    th = crossing(V[:, :-1], V[:, 1:])
    hx = xs[:-1] + th * np.diff(xs)
    hy = np.broadcast_to(ys[:, None], th.shape)
    h_cross = above[:, :-1] != above[:, 1:]
    tv = crossing(V[:-1, :], V[1:, :])
    vx = np.broadcast_to(xs[None, :], tv.shape)
    vy = ys[:-1, None] + tv * np.diff(ys)[:, None]
    v_cross = above[:-1, :] != above[1:, :]

    # per cell, its edges in the order bottom, right, top, left: (ny-1, nx-1, 4)
    cross = np.stack([h_cross[:-1], v_cross[:, 1:], h_cross[1:], v_cross[:, :-1]], axis=-1)
    px = np.stack([hx[:-1], vx[:, 1:], hx[1:], vx[:, :-1]], axis=-1)
    py = np.stack([hy[:-1], vy[:, 1:], hy[1:], vy[:, :-1]], axis=-1)
    points = np.stack([px, py], axis=-1)  # (ny-1, nx-1, 4, 2)
    count = cross.sum(axis=-1)

    segments = []
    two = count == 2
    if two.any():
        edges = np.argsort(~cross[two], axis=-1, kind="stable")[:, :2]
        p = points[two]
        rows = np.arange(p.shape[0])
        segments.append(np.stack([p[rows, edges[:, 0]], p[rows, edges[:, 1]]], axis=1))
    four = count == 4
    if four.any():
        p = points[four]
        corners = np.stack([V[:-1, :-1], V[:-1, 1:], V[1:, 1:], V[1:, :-1]], axis=-1)[four]
        center_above = corners.mean(axis=-1) > level
        # if the centre is on the bottom-left corner's side, that corner and the
        # top-right one are joined, and the segments cut off the other two corners
        joined = center_above == (corners[:, 0] > level)
        first = np.where(joined[:, None], [0, 1], [3, 0])  # bottom-right or left-bottom
        second = np.where(joined[:, None], [2, 3], [1, 2])  # top-left or right-top
        rows = np.arange(p.shape[0])
        for pair in (first, second):
            segments.append(np.stack([p[rows, pair[:, 0]], p[rows, pair[:, 1]]], axis=1))
    if not segments:
        return np.empty((0, 2, 2))
    return np.concatenate(segments)
