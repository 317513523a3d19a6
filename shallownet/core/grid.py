"""The plane around a data set as a grid of points, and the level curve of a field on it.

The decision boundary is where A2 = 0.5: the network's probabilities are evaluated
on the grid's points and ``level_segments`` traces that level by marching squares,
with linear interpolation along the cell edges.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from shallownet.core.network import Params, forward


class Grid(NamedTuple):
    """xs (n,), ys (n,) and points (2, n * n), where points[:, j * n + i] = (xs[i], ys[j]),
    so that values computed on the points reshape to (n, n) with rows along y."""

    xs: np.ndarray
    ys: np.ndarray
    points: np.ndarray

    def image(self, values) -> np.ndarray:
        """Values computed on the points, shape (..., n * n), as images (..., len(ys), len(xs))."""
        values = np.asarray(values)
        return values.reshape(values.shape[:-1] + (len(self.ys), len(self.xs)))


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

    Only the cells the level crosses (a few hundred of a 100 x 100 grid) are
    interpolated: the live view traces a line every frame, and working on every
    cell was most of a frame's cost on the server.
    """
    V = np.asarray(V, dtype=float)
    xs, ys = np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)
    above = V > level
    # each cell's corners: bottom-left, bottom-right, top-right, top-left
    b_l, b_r, t_r, t_l = above[:-1, :-1], above[:-1, 1:], above[1:, 1:], above[1:, :-1]
    jj, ii = np.nonzero((b_l != b_r) | (b_l != t_r) | (b_l != t_l))
    if jj.size == 0:
        return np.empty((0, 2, 2))
    k = jj.size
    corners = np.empty((k, 4))
    corners[:, 0] = V[jj, ii]
    corners[:, 1] = V[jj, ii + 1]
    corners[:, 2] = V[jj + 1, ii + 1]
    corners[:, 3] = V[jj + 1, ii]
    side = corners > level
    # each edge as (from, to) corners, going up or right: bottom, right, top, left
    start, end = [0, 1, 3, 0], [1, 2, 2, 3]
    v0, v1 = corners[:, start], corners[:, end]
    with np.errstate(divide="ignore", invalid="ignore"):
        t = (level - v0) / (v1 - v0)
    t = np.clip(np.nan_to_num(t, nan=0.5), 0.0, 1.0)
    x0, y0 = xs[ii, None], ys[jj, None]
    dx, dy = (xs[ii + 1] - xs[ii])[:, None], (ys[jj + 1] - ys[jj])[:, None]
    # where each edge's crossing lies: along x on the bottom and top edges, along y
    # on the right and left ones
    points = np.empty((k, 4, 2))
    points[:, :, 0] = x0 + dx * np.where([True, False, True, False], t, [0.0, 1.0, 0.0, 0.0])
    points[:, :, 1] = y0 + dy * np.where([False, True, False, True], t, [0.0, 0.0, 1.0, 0.0])
    cross = side[:, start] != side[:, end]
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
        c = corners[four]
        center_above = c.mean(axis=-1) > level
        # if the centre is on the bottom-left corner's side, that corner and the
        # top-right one are joined, and the segments cut off the other two corners
        joined = center_above == (c[:, 0] > level)
        first = np.where(joined[:, None], [0, 1], [3, 0])  # bottom-right or left-bottom
        second = np.where(joined[:, None], [2, 3], [1, 2])  # top-left or right-top
        rows = np.arange(p.shape[0])
        for pair in (first, second):
            segments.append(np.stack([p[rows, pair[:, 0]], p[rows, pair[:, 1]]], axis=1))
    return np.concatenate(segments)


def boundary(params: Params, activation: str, grid: Grid) -> tuple[np.ndarray, np.ndarray]:
    """A2 of the network ``params`` on ``grid`` (an image, rows along y) and the
    A2 = 0.5 line as segments, traced on Z2 = 0 (the same curve, smooth where A2
    jumps from 0 to 1 within a cell). Single precision, as the live view's
    pictures; double where weights beyond it (a network about to diverge) overflow."""
    with np.errstate(over="ignore", invalid="ignore"):
        cache = forward(params, grid.points, activation, np.float32)
        Z2, A2 = cache.Z2, cache.A2
        if not np.isfinite(A2).all():
            cache = forward(params, grid.points, activation)
            Z2, A2 = np.nan_to_num(cache.Z2, nan=0.0), np.nan_to_num(cache.A2, nan=0.5)
    return grid.image(A2[0]), level_segments(grid.xs, grid.ys, grid.image(Z2[0]), 0.0)
