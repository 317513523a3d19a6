"""The run as an animation for slides: replayed step for step, framed from its first
step to the step on screen, drawn at the size asked for, the same bytes every time,
and bounded in what it costs."""

import io

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from shallownet.core import movie
from shallownet.core.replay import frame_steps, replay
from shallownet.core.settings import DEFAULTS, Settings
from shallownet.core.trainer import Trainer
from shallownet.plots import animation
from shallownet.plots.playground import CLASS_COLORS
from shallownet.ui.i18n.en import EN
from shallownet.ui.i18n.ko import KO


def trained(steps=300, settings=DEFAULTS):
    t = Trainer(settings)
    t.step(steps)
    return t


def gif_frames(data: bytes):
    """Each frame of a GIF as RGB (n, h, w, 3), and its delays in ms."""
    im = Image.open(io.BytesIO(data))
    frames, delays = [], []
    for i in range(im.n_frames):
        im.seek(i)
        frames.append(np.asarray(im.convert("RGB")))
        delays.append(im.info["duration"])
    return np.stack(frames), delays


def small(**kw):
    return movie.Request(**{"width": 640, "height": 360, "seconds": 2, **kw})


def render(trainer, request, lang=EN):
    run = trainer.run_record()
    return animation.render(run, request, animation.labels_from(lang.get, run))


# -- the replay -----------------------------------------------------------------------
def test_a_replay_reaches_the_same_network_bit_for_bit_whatever_happened_on_the_way():
    """Steps in chunks of any size, α changed along the way, a rewind to a snapshot
    (Pause), training on afterwards: training the run again from its start gives the
    very same parameters and numbers at its step."""
    t = Trainer(Settings(n1=6, m=200))
    rng = np.random.default_rng(3)
    snaps = []
    for i in range(40):
        t.step(int(rng.integers(1, 90)))
        snaps.append(t.snapshot())
        if i % 7 == 3:
            t.set_alpha(float(rng.choice([0.3, 1.2, 2.2])))
        if i == 25:
            t.restore(snaps[18])
            snaps = snaps[:19]
    run = t.run_record()
    assert len(run.alphas) > 2  # the α changes were kept
    [end] = replay(run, [run.step]).states
    assert end.step == t.step_count
    assert all(np.array_equal(a, b) for a, b in zip(end.params, t.params))
    assert end.record == t.latest


def test_a_replay_starts_where_a_loaded_network_started_not_at_step_0():
    t = trained(200)
    loaded = Trainer(DEFAULTS)
    loaded.start_from(t.params, 200)
    loaded.step(50)
    run = loaded.run_record()
    assert (run.start, run.step) == (200, 250)
    states = replay(run, [200, 230, 250]).states
    assert [s.step for s in states] == [200, 230, 250]
    assert all(np.array_equal(a, b) for a, b in zip(states[0].params, t.params))
    assert all(np.array_equal(a, b) for a, b in zip(states[-1].params, loaded.params))


def test_a_replay_refuses_steps_outside_the_run():
    run = trained(100).run_record()
    with pytest.raises(ValueError, match="from 0 to at most 100"):
        replay(run, [0, 101])
    with pytest.raises(ValueError):
        replay(run, [50, 20])


@pytest.mark.parametrize("spacing", ["early", "even"])
def test_frame_steps_go_from_the_first_step_to_the_last_in_order(spacing):
    steps = frame_steps(0, 3000, 71, spacing)
    assert len(steps) == 71 and steps[0] == 0 and steps[-1] == 3000
    assert steps == sorted(steps)
    assert frame_steps(10, 15, 8, spacing)[0] == 10 and frame_steps(10, 15, 8, spacing)[-1] == 15


def test_early_spacing_puts_more_frames_where_the_cost_falls_fastest():
    early, even = frame_steps(0, 3000, 71, "early"), frame_steps(0, 3000, 71, "even")
    assert sum(s <= 300 for s in early) > 2.5 * sum(s <= 300 for s in even)


# -- the animation ----------------------------------------------------------------------
def test_a_gif_has_the_frames_size_and_length_asked_for_first_step_0_last_the_step_on_screen(monkeypatch):
    drawn = []  # (step, parameters) of each frame drawn
    real = animation.boundary

    def spy(params, activation, grid):
        drawn.append(params)
        return real(params, activation, grid)

    monkeypatch.setattr(animation, "boundary", spy)
    steps_drawn = []
    real_draw = animation.Scene.draw
    monkeypatch.setattr(animation.Scene, "draw", lambda self, f: steps_drawn.append(f.step) or real_draw(self, f))
    t = trained(300)
    request = small(seconds=3)
    frames, delays = gif_frames(render(t, request))
    assert frames.shape[1:] == (360, 640, 3)
    assert sum(delays) == 3000  # 3 s, whatever frames were merged
    assert delays[-1] >= 1000  # the last step holds for a second
    # one frame a step of frame_steps: the first at step 0, the last at the step on screen
    assert steps_drawn == sorted(set(frame_steps(0, 300, request.moving, "early")))
    assert steps_drawn[0] == 0 and steps_drawn[-1] == 300 == t.step_count
    assert len(frames) == len(steps_drawn)
    # the first frame is the initial network, the last the network on screen
    assert all(np.array_equal(a, b) for a, b in zip(drawn[0], Trainer(DEFAULTS).params))
    assert all(np.array_equal(a, b) for a, b in zip(drawn[-1], t.params))
    # and the frames move: the boundary and the caption change
    assert np.abs(frames[-1].astype(int) - frames[0]).sum() > 0


def test_two_renders_of_the_same_run_are_the_same_bytes():
    a = render(trained(200), small())
    b = render(trained(200), small())
    assert a == b
    c = render(trained(201), small())
    assert c != a  # and another run is another file


def test_the_background_is_pure_white_and_the_classes_colours_are_drawn():
    frames, _ = gif_frames(render(trained(100), small()))
    assert tuple(frames[-1][2, 2]) == (255, 255, 255)
    colors = {tuple(int(v) for v in c) for c in frames[-1].reshape(-1, 3)[::7]}
    for hexa in CLASS_COLORS:
        rgb = tuple(int(hexa[i:i + 2], 16) for i in (1, 3, 5))
        assert min(sum((a - b) ** 2 for a, b in zip(rgb, c)) for c in colors) < 60, hexa


def test_an_mp4_has_the_size_and_length_asked_for_and_is_the_same_bytes_twice():
    if not animation.mp4_available():
        pytest.skip("PyAV is not installed: no MP4 here")
    import av

    t = trained(200)
    a = render(t, small(fmt="mp4"))
    assert a == render(trained(200), small(fmt="mp4"))
    with av.open(io.BytesIO(a)) as c:
        stream = c.streams.video[0]
        frames = list(c.decode(video=0))
        assert (stream.codec_context.width, stream.codec_context.height) == (640, 360)
        assert stream.codec_context.name == "h264"
    assert len(frames) == 2 * movie.FPS


def test_without_pyav_mp4_is_not_available(monkeypatch):
    import builtins

    real = builtins.__import__

    def no_av(name, *args, **kwargs):
        if name == "av":
            raise ModuleNotFoundError("No module named 'av'", name="av")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_av)
    assert animation.mp4_available() is False


def test_korean_labels_are_drawn_with_the_packages_font_which_has_every_character():
    """Every character of the texts a frame can show, in both languages, is in the
    font shipped with the package (else tools/subset_font.py must be run again)."""
    font = ImageFont.truetype(str(animation.FONT_FILE), 40)

    def drawn(ch):
        image = Image.new("L", (80, 80))
        ImageDraw.Draw(image).text((10, 10), ch, font=font, fill=255)
        return image.tobytes()

    missing_glyph = drawn("\ue000")  # a private-use character: the font has no glyph for it
    keys = set(animation.LABEL_KEYS.values()) | {k for k in EN if k.startswith(("dataset.", "activation."))}
    texts = {ch for table in (EN, KO) for key in keys for ch in table[key]} | set("0123456789,.−e+")
    missing = sorted(ch for ch in texts if not ch.isspace() and drawn(ch) == missing_glyph)
    assert not missing, f"characters missing from {animation.FONT_FILE.name}: {missing}; run tools/subset_font.py"
    # and a Korean frame differs from an English one
    t = trained(50)
    assert render(t, small(), KO) != render(t, small(), EN)


# -- what it costs ----------------------------------------------------------------------
def test_the_default_run_is_cheap_and_its_estimate_is_a_few_seconds_at_most():
    run = trained(3000).run_record()
    cost = movie.estimate(run, movie.Request())
    assert cost.total < 3
    assert movie.too_dear(cost) is None


def test_a_long_run_is_refused_for_its_training_and_a_big_animation_for_its_frames():
    long_run = trained(10).run_record()._replace(step=2_000_000)
    assert movie.too_dear(movie.estimate(long_run, movie.Request())) == "train"
    big_net = Trainer(Settings(m=5000, n1=64)).run_record()._replace(step=100)
    dear = movie.Request(width=1920, height=1080, seconds=20, fmt="mp4")
    assert movie.too_dear(movie.estimate(big_net, dear)) == "frames"
    # the same network in a small animation is allowed
    assert movie.too_dear(movie.estimate(big_net, small())) is None


@pytest.mark.parametrize("kwargs, named", [
    ({"width": 4000}, "width = 4000 is not allowed"),
    ({"height": 721}, "height = 721 is not allowed: an even number"),
    ({"width": 720, "height": 720}, "the width must be 1.25 to 2.4 times the height"),
    ({"seconds": 0}, "seconds = 0 is not allowed"),
    ({"seconds": 2.5}, "seconds = 2.5 is not allowed"),
    ({"fmt": "avi"}, "format = 'avi' is not allowed"),
    ({"spacing": "late"}, "spacing = 'late' is not allowed"),
])
def test_a_request_out_of_range_is_refused_with_a_message_naming_it(kwargs, named):
    with pytest.raises(movie.RequestError, match=named.replace("(", r"\(").replace(")", r"\)")):
        movie.Request(**kwargs)


@pytest.mark.parametrize("text, size", [("1280x720", (1280, 720)), (" 1920X1080 ", (1920, 1080)),
                                        ("854×480", (854, 480))])
def test_sizes_are_read_as_width_x_height(text, size):
    assert movie.parse_size(text) == size


@pytest.mark.parametrize("text", ["big", "1280", "1280x720x3", "x720", "-1x5"])
def test_a_size_that_is_not_width_x_height_is_refused(text):
    with pytest.raises(movie.RequestError):
        movie.Request(*movie.parse_size(text))
