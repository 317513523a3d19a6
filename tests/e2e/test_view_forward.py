"""The live view's forward pass against numpy's: the same networks (a frame's
network vector, ui/live/frames.py) and points, handed to the browser's two ways of
drawing, its WebGL shader (frontend/gl.js) and plain JavaScript (frontend/network.js),
and to shallownet.core.network.forward. Then the live app itself, drawn each way:
with WebGL, and in a browser that has none (``--disable-3d-apis``)."""

import io
from types import SimpleNamespace

import numpy as np
import pytest
from live_app import CHROMIUM_FLAGS, find_chromium
from PIL import Image

from shallownet.core.activations import ACTIVATIONS
from shallownet.core.grid import level_segments
from shallownet.core.network import Params, forward, init_params
from shallownet.ui.live.frames import network_vector
from tests.conftest import ROOT
from tests.e2e.helpers import app_page, wait_painted

FRONTEND = ROOT / "shallownet" / "ui" / "live" / "frontend"
ORIGIN = "http://view.test"


def cases():
    """Networks of each activation, of 1, 4 and 64 units, small and large weights,
    as the view receives them (float32 vectors), and points over their plane."""
    rng = np.random.default_rng(7)
    out = []
    for activation in ACTIVATIONS:
        for n1, scale in ((1, 1.0), (4, 0.5), (4, 3.0), (64, 1.0), (64, 8.0)):
            p = init_params(2, n1, scale=scale, seed=int(rng.integers(1 << 30)))
            p = Params(p.W1, rng.normal(0, scale, (n1, 1)), p.W2, rng.normal(0, scale, (1, 1)))
            points = rng.uniform(-3, 3, (2, 500))
            out.append((activation, network_vector(p), points))
    return out


def vector_params(net) -> Params:
    n1 = (len(net) - 1) // 4
    units = np.asarray(net, dtype=float)[:-1].reshape(n1, 4)
    return Params(units[:, :2], units[:, 2:3], units[:, 3:4].T, np.asarray(net[-1:], dtype=float).reshape(1, 1))


@pytest.fixture
def view_page(browser):
    """A page that can import the view's modules (served from frontend/ as they are)."""
    context = browser.new_context()
    page = context.new_page()
    page.route(ORIGIN + "/**", lambda route: route.fulfill(
        path=str(FRONTEND / route.request.url[len(ORIGIN) + 1:].split("?")[0]),
        headers={"Content-Type": "text/javascript"}))
    page.route(ORIGIN, lambda route: route.fulfill(body="<html></html>", content_type="text/html"))
    page.goto(ORIGIN)
    yield page
    context.close()


EVALUATE = """async ([net, activation, points]) => {
  const js = await import("/network.js"), gl = await import("/gl.js");
  const a = js.outputAt(Float32Array.from(net), activation, points);
  const b = gl.glOutputAt(net, activation, points);
  return { js: [Array.from(a.Z2), Array.from(a.A2)], gl: b && [Array.from(b.Z2), Array.from(b.A2)] };
}"""


def test_both_forward_passes_of_the_view_are_numpys(view_page):
    for activation, net, points in cases():
        got = view_page.evaluate(EVALUATE, [net.tolist(), activation, points.T.ravel().tolist()])
        cache = forward(vector_params(net), points, activation)
        Z2, A2 = cache.Z2.ravel(), cache.A2.ravel()
        # plain JavaScript computes in double precision, as numpy
        np.testing.assert_allclose(got["js"][0], Z2, rtol=1e-12, atol=1e-12)
        np.testing.assert_allclose(got["js"][1], A2, rtol=1e-12, atol=1e-12)
        # the shader in float32: A2 within float32's rounding, Z2 on the same side of 0
        # wherever it is not tiny beside the terms it sums
        assert got["gl"] is not None, "this browser has WebGL 2 with float targets"
        gl_Z2, gl_A2 = np.array(got["gl"][0]), np.array(got["gl"][1])
        scale = (np.abs(vector_params(net).W2) @ np.abs(cache.A1) + abs(float(net[-1]))).ravel()
        # float32 keeps ~7 digits of each term: Z2 within 1e-5 of the terms' size,
        # and A2 within that times its slope, A2 (1 - A2), and its own rounding
        z_tolerance = 1e-5 * scale
        assert (np.abs(gl_Z2 - Z2) <= z_tolerance + 1e-6).all(), activation
        assert (np.abs(gl_A2 - A2) <= A2 * (1 - A2) * z_tolerance + 2e-6).all(), activation
        clear = np.abs(Z2) > 1e-4 * scale
        assert clear.mean() > 0.95
        np.testing.assert_array_equal(np.sign(gl_Z2[clear]), np.sign(Z2[clear]), err_msg=activation)


def test_the_views_line_is_the_servers_line(view_page):
    """network.js's marching squares on the grid give core/grid.py's segments."""
    xs, ys = np.linspace(-2.5, 2.5, 60), np.linspace(-2.0, 3.0, 50)
    gx, gy = np.meshgrid(xs, ys)
    for activation, net, _ in cases()[::3]:
        Z2 = forward(vector_params(net), np.stack([gx.ravel(), gy.ravel()]), activation).Z2.reshape(gx.shape)
        got = view_page.evaluate("""async ([xs, ys, V]) => {
          const js = await import("/network.js");
          return js.zeroSegments(xs, ys, V);
        }""", [xs.tolist(), ys.tolist(), Z2.ravel().tolist()])
        want = level_segments(xs, ys, Z2, 0.0)

        def canonical(segments):
            s = np.round(np.asarray(segments, dtype=float).reshape(-1, 2, 2), 9)
            s = np.where((s[:, 0, 0] > s[:, 1, 0])[:, None, None] | ((s[:, 0, 0] == s[:, 1, 0])
                         & (s[:, 0, 1] > s[:, 1, 1]))[:, None, None], s[:, ::-1], s)
            return sorted(map(tuple, s.reshape(-1, 4).tolist()))
        assert canonical(got) == canonical(want), activation


@pytest.fixture(scope="module")
def browser_without_webgl(browser):
    """The same chromium, started with its 3D APIs off: no WebGL at all."""
    chromium = browser.browser_type
    b = chromium.launch(executable_path=find_chromium(SimpleNamespace(chromium=chromium)),
                                    args=CHROMIUM_FLAGS + ["--disable-3d-apis"])
    yield b
    b.close()


@pytest.mark.parametrize("webgl", [True, False], ids=["webgl", "without-webgl"])
def test_the_view_draws_and_plays_with_and_without_webgl(request, app_url, webgl):
    browser = request.getfixturevalue("browser" if webgl else "browser_without_webgl")
    with app_page(browser, app_url, address="/?n1=64") as page:
        frame = wait_painted(page)
        canvas = frame.locator("#boundary-canvas")
        assert canvas.get_attribute("data-painted") == ("webgl" if webgl else "grid")
        page.get_by_role("button", name="Play").click()
        frame.wait_for_function("() => window.__framesDrawn >= 50", timeout=60_000)  # it plays
        page.get_by_role("button", name="Pause").click()
        page.wait_for_timeout(1000)
        # the trained network's plane is coloured on both sides, the line drawn over it
        rgb = np.asarray(Image.open(io.BytesIO(canvas.screenshot())).convert("RGB")).reshape(-1, 3).astype(int)
        orange = (rgb[:, 0] > 200) & (rgb[:, 2] < 170)
        blue = (rgb[:, 2] > 200) & (rgb[:, 0] < 170)
        assert orange.mean() > 0.1 and blue.mean() > 0.1
        size = frame.evaluate("() => { const c = document.getElementById('boundary-canvas');"
                              " return [c.width, c.height, c.getBoundingClientRect().width]; }")
        if webgl:
            # a pixel for each of the screen's, or on a software renderer (this
            # headless chromium's SwiftShader) its budget of pixels x units, and
            # never fewer pixels than the grid
            budget = frame.evaluate("async () => (await import('./gl.js')).SOFTWARE_BUDGET")
            assert abs(size[0] - size[2]) <= 1 or size[0] * size[1] * 64 <= 1.01 * budget or size[0] == 100, size
            assert size[0] >= 100
        else:  # the grid's cells, scaled by the browser
            assert size[:2] == [100, 100]
