"""The boundary picture for downloading: a real PNG of the plane, in the app's colours."""

import io

import numpy as np
from PIL import Image

from shallownet.core.grid import make_grid
from shallownet.core.settings import Settings
from shallownet.core.trainer import Trainer
from shallownet.plots.boundary_png import boundary_png, colorize
from shallownet.plots.playground import CLASS_COLORS
from shallownet.ui.live.frames import boundary_on


def test_colorize_follows_the_colour_scale():
    rgb = colorize(np.array([[0.0, 0.5, 1.0]]))
    assert rgb[0, 1].tolist() == [255, 255, 255]  # white at 0.5
    assert rgb[0, 0].tolist() == [0xF6, 0xB2, 0x6B] and rgb[0, 2].tolist() == [0x7F, 0xA8, 0xEA]


def test_the_png_shows_the_boundary_the_points_and_the_two_sides():
    tr = Trainer(Settings(dataset="blobs", noise=0.0))
    tr.step(300)
    d = tr.data
    grid = make_grid(np.hstack([d.X_train, d.X_test]), 100)
    P, segments = boundary_on(tr, grid)
    png = boundary_png(grid.xs, grid.ys, P, segments, d.X_train, d.Y_train, d.X_test, d.Y_test, size=400)
    image = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))
    assert image.shape == (400, 400, 3)
    # blobs: class 0 at the bottom left, class 1 at the top right, A2 pale orange / blue there
    bottom_left, top_right = image[390, 10].astype(int), image[10, 390].astype(int)
    assert bottom_left[0] > bottom_left[2] and top_right[2] > top_right[0]
    # the points' colours are in the picture
    for color in CLASS_COLORS:
        rgb = [int(color[i:i + 2], 16) for i in (1, 3, 5)]
        assert (np.abs(image.astype(int) - rgb).sum(axis=-1) < 10).sum() > 50
    # and the dark boundary line
    assert ((image.astype(int).sum(axis=-1)) < 150).sum() > 200
