import numpy as np

from shallownet.grid import level_segments, make_grid


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
