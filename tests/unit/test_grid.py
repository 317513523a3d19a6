import numpy as np

from shallownet.core.grid import level_segments, make_grid


def test_grid_is_square_covers_the_data_and_reshapes_rows_along_y():
    X = np.array([[-3.0, 1.0, 0.0], [0.0, 0.5, -0.5]])
    g = make_grid(X, n=50, margin=0.1)
    assert g.points.shape == (2, 2500)
    assert g.xs[0] < -3 and g.xs[-1] > 1 and g.ys[0] < -0.5 and g.ys[-1] > 0.5
    assert np.isclose(g.xs[-1] - g.xs[0], g.ys[-1] - g.ys[0])
    V = g.points[1].reshape(50, 50)
    np.testing.assert_array_equal(V[:, 0], g.ys)


def test_level_segments_lie_on_the_level_curve():
    g = make_grid(np.array([[-1.0, 1.0], [-1.0, 1.0]]), n=80)
    V = np.sqrt((g.points**2).sum(axis=0)).reshape(80, 80)
    seg = level_segments(g.xs, g.ys, V, level=0.6)
    r = np.sqrt((seg**2).sum(axis=-1))
    assert len(seg) > 50
    np.testing.assert_allclose(r, 0.6, atol=2e-3)


def test_saddle_cells_give_two_segments_and_no_level_gives_none():
    xs = ys = np.array([0.0, 1.0])
    V = np.array([[1.0, 0.0], [0.0, 1.0]])
    assert level_segments(xs, ys, V, 0.5).shape == (2, 2, 2)
    assert level_segments(xs, ys, np.zeros((2, 2)), 0.5).shape == (0, 2, 2)


def test_every_cell_the_level_crosses_gives_its_segments_and_no_other_does():
    rng = np.random.default_rng(3)
    V = rng.standard_normal((40, 50))
    xs, ys = np.linspace(-1, 1, 50), np.linspace(0, 2, 40)
    above = V > 0.0
    corners = np.stack([above[:-1, :-1], above[:-1, 1:], above[1:, 1:], above[1:, :-1]], axis=-1)
    changes = (corners != np.roll(corners, -1, axis=-1)).sum(axis=-1)  # 0, 2 or 4 edges crossed
    seg = level_segments(xs, ys, V, 0.0)
    assert len(seg) == (changes == 2).sum() + 2 * (changes == 4).sum()
    # each end lies on a cell edge where the linear interpolation of V is the level
    for x, y in seg.reshape(-1, 2):
        i = min(np.searchsorted(xs, x, side="right") - 1, len(xs) - 2)
        j = min(np.searchsorted(ys, y, side="right") - 1, len(ys) - 2)
        def near(a, b):
            return abs(a - b) < 1e-12

        if near(x, xs[i]) or near(x, xs[i + 1]):  # on a vertical edge
            col = i if near(x, xs[i]) else i + 1
            t = (y - ys[j]) / (ys[j + 1] - ys[j])
            value = V[j, col] + t * (V[j + 1, col] - V[j, col])
        else:
            row = j if near(y, ys[j]) else j + 1
            t = (x - xs[i]) / (xs[i + 1] - xs[i])
            value = V[row, i] + t * (V[row, i + 1] - V[row, i])
        assert abs(value) < 1e-9
