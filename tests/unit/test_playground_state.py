"""The session's Playground without a browser: frames, payloads, notices."""

import json
import time

import numpy as np

from shallownet.core.network import Params, forward
from shallownet.core.settings import Settings
from shallownet.ui import session
from shallownet.ui.live.component import encode, split_networks
from shallownet.ui.live.frames import Feed, boundary_on, network_vector
from shallownet.ui.session import (
    BUDGET_SHARE,
    DEFAULT_SPEED,
    FIRST_BATCH_BUDGET,
    FRAME_SECONDS,
    FRAMES_PER_BATCH,
    GRID_SIZE,
    MAX_FRAMES_PER_BATCH,
    Playground,
)
from tests.conftest import ROOT


def send(feed, playground, frames, with_figures=True):
    return feed.payload(playground, frames, frame_ms=40, with_figures=with_figures)


def test_a_batch_is_frames_of_speed_steps_each():
    playground = Playground()
    playground.play()
    frames = playground.advance(budget=60.0)  # time enough on any machine
    assert [f["step"] for f in frames] == [DEFAULT_SPEED * (i + 1) for i in range(FRAMES_PER_BATCH)]
    # the network as the view reads it: per hidden unit W1[k, 0], W1[k, 1], b1[k], W2[0, k], then b2
    W1, b1, W2, b2 = playground.trainer.params
    net = frames[-1]["net"]
    assert net.dtype == np.float32 and net.shape == (4 * 4 + 1,)
    np.testing.assert_array_equal(net[:4], np.float32([W1[0, 0], W1[0, 1], b1[0, 0], W2[0, 0]]))
    np.testing.assert_array_equal(net[4 * 3:4 * 4], np.float32([W1[3, 0], W1[3, 1], b1[3, 0], W2[0, 3]]))
    assert net[-1] == np.float32(b2[0, 0])


def heavy_playing() -> Playground:
    """A big network at top speed, playing: a batch would take seconds."""
    playground = Playground(Settings(n1=64, m=5000))
    playground.set_speed(1000)
    playground.play()
    return playground


def timed_advance(playground: Playground):
    """``playground.advance()`` and the CPU time it took on this thread: the budget bounds
    the work, and a loaded machine (which stretches the wall clock) must not fail
    the test."""
    started = time.thread_time()
    frames = playground.advance()
    return frames, time.thread_time() - started


def test_a_batch_stops_computing_at_its_budget():
    """A big network at top speed would take seconds per batch; the controls must
    not wait that long, so each frame gets fewer steps, and there are still as
    many frames."""
    playground = heavy_playing()
    playground.advance()  # the first batch after Play has a budget of its own (below)
    before = playground.trainer.step_count
    frames, took = timed_advance(playground)
    assert playground.trainer.step_count - before < FRAMES_PER_BATCH * 1000
    assert len(frames) == FRAMES_PER_BATCH and frames[-1]["step"] == playground.trainer.step_count
    assert took < BUDGET_SHARE * FRAMES_PER_BATCH * FRAME_SECONDS + 1.0


def test_sessions_playing_at_once_share_the_budget():
    """Four heavy sessions playing: each batch trains for a quarter of one session's
    budget (the interpreter trains them all), and still has all its frames."""
    sessions = [heavy_playing() for _ in range(4)]
    now = time.perf_counter()
    for s in sessions:
        s.batch_frames(now)
        s.advance(count=1)  # past the first batch after Play
    assert session.sessions_playing(time.perf_counter()) == 4
    frames, took = timed_advance(sessions[0])
    assert len(frames) == FRAMES_PER_BATCH
    assert took < BUDGET_SHARE * FRAMES_PER_BATCH * FRAME_SECONDS / 4 + 0.1
    for s in sessions[1:]:
        s.pause()
    assert session.sessions_playing(time.perf_counter()) == 1  # a paused session shares nothing


def test_the_first_batch_after_play_comes_quickly():
    """The click on Play waits for the first batch: it computes for at most
    FIRST_BATCH_BUDGET seconds, the next ones for their share of the time they
    fill, with as many frames."""
    playground = heavy_playing()
    first, took = timed_advance(playground)
    second = playground.advance()
    assert len(first) == len(second) == FRAMES_PER_BATCH
    assert took < FIRST_BATCH_BUDGET + 0.3
    # the second batch's budget is twice the first's; the steps follow it within the
    # granularity of a step (a few ms here) and the machine's noise
    steps_first = first[-1]["step"]
    assert second[-1]["step"] - steps_first > 1.5 * steps_first
    playground.pause()
    playground.play()  # Play again: a first batch again
    _, took = timed_advance(playground)
    assert took < FIRST_BATCH_BUDGET + 0.3


def test_a_late_batch_fills_the_time_since_the_last_one():
    """The page's timer asks late when the browser or the server is busy: the
    batch then has more frames (as many as the time since the last asks for,
    within bounds), so the frames keep their pace on the screen."""
    playground = Playground()
    playground.play()
    assert playground.batch_frames(100.0) == FRAMES_PER_BATCH  # the first after Play
    late = FRAMES_PER_BATCH + 5
    assert playground.batch_frames(100.0 + late * FRAME_SECONDS) == late
    assert playground.batch_frames(100.0 + (late + 1) * FRAME_SECONDS) == FRAMES_PER_BATCH  # early: never fewer
    assert playground.batch_frames(200.0) == MAX_FRAMES_PER_BATCH
    playground.pause()
    playground.play()
    assert playground.batch_frames(300.0) == FRAMES_PER_BATCH  # Play starts anew
    frames = playground.advance(count=30, budget=60.0)
    assert [f["step"] for f in frames] == [DEFAULT_SPEED * (i + 1) for i in range(30)]


def test_the_networks_go_beside_the_json_as_bytes():
    playground = Playground()
    playground.play()
    frames = playground.advance(count=3, budget=60.0)
    payload = Feed().payload(playground, frames, frame_ms=40)
    assert payload["activation"] == "tanh"
    rest, blob = split_networks(payload)
    n = (4 * 4 + 1) * 4  # bytes: n1 = 4 units of 4 float32, and b2
    assert len(blob) == 3 * n
    for i, f in enumerate(rest["frames"]):
        assert f["net"] == {"offset": i * n, "length": n}
        np.testing.assert_array_equal(np.frombuffer(blob, np.float32)[i * n // 4:(i + 1) * n // 4], frames[i]["net"])
        assert f["metrics"] == frames[i]["metrics"]
    assert isinstance(payload["frames"][0]["net"], np.ndarray)  # the caller's payload is left as it was
    json.dumps(encode(rest))


def test_the_boundary_line_is_where_a2_crosses_one_half():
    playground = Playground()
    playground.step(2000)
    segments = boundary_on(playground.trainer, playground.grid)[1].reshape(-1, 2).T.astype(float)
    Z2, A2 = playground.trainer.output_on(segments)
    np.testing.assert_allclose(A2, 0.5, atol=0.02)


def leaves(o) -> list:
    """Every value in a JSON document that is not a list or an object."""
    if isinstance(o, dict):
        return [v for x in o.values() for v in leaves(x)]
    if isinstance(o, list):
        return [v for x in o for v in leaves(x)]
    return [o]


def test_payload_is_json_without_nan_and_tells_how_much_of_each_curve_to_show():
    playground = Playground(Settings(test_fraction=0.0))
    playground.play()
    payload = send(Feed(), playground, playground.advance())
    # allow_nan=False refuses a float NaN; nor may one hide as the string "NaN" (a
    # substring test would also find it by chance inside a base64 array)
    text = json.dumps(encode(payload), allow_nan=False)
    assert "NaN" not in leaves(json.loads(text))
    steps = payload["series"]["cost"][0]["x"]
    for f in payload["frames"]:
        assert steps[f["upto"] - 1] <= f["step"]
        assert f["upto"] == len(steps) or steps[f["upto"]] > f["step"]
    assert payload["frames"][-1]["metrics"]["cost_test"] == "–"


def test_figures_are_sent_when_asked_or_changed_only():
    playground, feed = Playground(), Feed()
    assert "figures" in send(feed, playground, [playground.frame()], with_figures=False)  # first time: changed
    assert "figures" not in send(feed, playground, [playground.frame()], with_figures=False)
    assert "figures" in send(feed, playground, [playground.frame()], with_figures=True)
    playground.set_cost_log(True)
    assert "figures" in send(feed, playground, [playground.frame()], with_figures=False)


def test_a_view_that_asks_for_the_figures_gets_them_once_per_request():
    playground, feed = Playground(), Feed()
    send(feed, playground, [playground.frame()], with_figures=False)
    assert feed.answer_figures(7)
    payload = send(feed, playground, [playground.frame()], with_figures=False)
    # the panel sends them with the answer; the view knows its request was answered
    assert payload["figures_answered"] == 7
    assert not feed.answer_figures(7)  # the same request, seen again on the next run
    assert feed.answer_figures(9)  # the answer was overtaken: the view asks anew


def test_a_new_network_gets_a_new_revision_and_a_notice_alpha_does_not():
    playground = Playground()
    rev = playground.rev
    playground.apply(playground.settings.replace(alpha=0.5))
    assert playground.rev == rev and playground.notice == ("notice.alpha", {"alpha": "0.5"})
    playground.apply(playground.settings.replace(n1=3))
    assert playground.rev == rev + 1 and playground.notice == ("notice.network", {"settings": ("n1",)})
    playground.apply(playground.settings.replace(dataset="xor", init="zeros"))
    assert playground.rev == rev + 2 and playground.notice == ("notice.data", {"settings": ("dataset", "init")})
    assert playground.grid.points.shape == (2, GRID_SIZE * GRID_SIZE)


def test_huge_numbers_are_sent_as_float64_rather_than_overflowing():
    spec = encode(np.array([1.0, 4e305]))
    assert spec["dtype"] == "f8"
    assert encode(np.array([1.0, 2.0]))["dtype"] == "f4"
    assert encode(np.array([1e-50, 1.0]))["dtype"] == "f8"


def test_pause_can_go_back_to_the_frame_on_screen():
    playground = Playground()
    playground.play()
    first = playground.advance(budget=60.0)
    playground.advance(budget=60.0)
    on_screen = first[4]["step"]
    playground.pause()
    feed = Feed()
    # the offer stands in every message until the view's request is answered: a
    # busy browser skips messages that newer ones overtake
    assert send(feed, playground, [playground.frame()])["rewind"] is True
    asked = send(feed, playground, [playground.frame()])
    assert asked["rewind"] is True and asked["answered"] is None
    assert playground.answer_rewind(asked["id"], on_screen)
    answer = send(feed, playground, [playground.frame()])
    assert answer["rewind"] is False and answer["answered"] == asked["id"]
    assert not playground.answer_rewind(asked["id"], on_screen)  # answered once
    assert playground.trainer.step_count == on_screen == playground.trainer.latest.step
    # the history keeps every stride-th step (history.py): nothing after the frame
    history = playground.trainer.history
    assert on_screen - history.stride < history.column("step")[-1] <= on_screen
    # the parameters are those the frame showed: stepping on gives the same as before
    assert playground.frame()["metrics"] == first[4]["metrics"]
    playground.step(DEFAULT_SPEED)
    assert playground.frame()["metrics"] == first[5]["metrics"]


def test_pause_goes_back_to_a_frame_of_a_slow_view_two_batches_behind():
    # a slow browser still shows a frame of batch 1 (its queue holds batches 1 and
    # 2) while the server has computed batch 3 and sent batch 4 too
    playground = Playground()
    playground.play()
    batches = [playground.advance(budget=60.0) for _ in range(4)]
    on_screen = batches[0][-1]["step"]
    playground.pause()
    assert playground.rewind(on_screen)
    assert playground.frame()["metrics"] == batches[0][-1]["metrics"]


def test_no_rewind_once_something_else_happened():
    playground = Playground()
    playground.play()
    frames = playground.advance()
    playground.pause()
    playground.step(1)
    assert not playground.rewind(frames[0]["step"])
    playground.play()
    frames = playground.advance()
    assert not playground.rewind(frames[0]["step"])  # still playing
    playground.pause()
    assert not playground.rewind(123)  # not a frame that was shown


def test_pause_from_another_run_stops_the_batch_being_trained():
    # a click reruns the page in a new thread while the fragment's run still trains
    import threading

    playground = Playground(Settings(n1=64, m=5000))
    playground.set_speed(1000)
    playground.play()
    batch = []
    training = threading.Thread(target=lambda: batch.extend(playground.advance(budget=60.0)))
    training.start()
    time.sleep(0.3)
    playground.pause()
    paused_at = playground.trainer.step_count
    training.join()
    assert 0 < paused_at < FRAMES_PER_BATCH * 1000
    assert playground.trainer.step_count == paused_at  # nothing trained after Pause
    assert playground.rewind_offer
    assert all(f["step"] <= paused_at for f in batch)


def test_a_request_that_cannot_be_met_closes_the_offer():
    playground = Playground()
    playground.play()
    playground.advance()
    playground.pause()
    assert playground.rewind_offer
    step = playground.trainer.step_count
    assert not playground.answer_rewind(1, 123)  # not a frame that was shown
    assert not playground.rewind_offer and playground.trainer.step_count == step


def test_every_text_key_the_code_uses_is_in_every_table():
    import re

    from shallownet.core import activations, datasets
    from shallownet.core.network import INIT_METHODS
    from shallownet.core.settings import FIELDS
    from shallownet.core.trainer import _QUANTITIES
    from shallownet.ui.i18n import texts
    from shallownet.ui.live.frames import METRICS

    sources = [*ROOT.glob("shallownet/**/*.py"), *ROOT.glob("pages/*.py"), ROOT / "app.py"]
    code = "\n".join(p.read_text() for p in sources if p.name != "texts.py")
    used = set(re.findall(r"""\bt\(\s*f?["']([a-z0-9_.{}]+)["']""", code))
    literal = {k for k in used if "{" not in k}
    assert len(literal) > 20, "found too few t() calls: the pattern is wrong"
    # the keys built from names
    literal |= {f"dataset.{n}" for n in datasets.NAMES} | {f"activation.{n}" for n in activations.ACTIVATIONS}
    literal |= {f"init.{n}" for n in INIT_METHODS} | {f"quantity.{q}" for q in _QUANTITIES}
    literal |= {f"setting.{f}" for f in FIELDS} | {f"metric.{m}" for m in METRICS}
    literal |= {f"fig.{p}_class{c}" for p in ("train", "test") for c in (0, 1)} | {"live.no_plotly", "live.draw_error"}
    literal |= {"notice.network", "notice.data", "notice.alpha", "notice.reset"}
    for lang, table in texts.TABLES.items():
        missing = literal - set(table)
        assert not missing, (lang, missing)
        assert set(table) == set(texts.EN), lang


def test_clicked_points_join_the_data_survive_a_change_of_n1_and_undo_and_clear():
    playground = Playground(Settings(test_fraction=0.2))
    playground.step(100)
    before = playground.trainer.data
    m = before.X_train.shape[1] + before.X_test.shape[1]
    assert not playground.answer_click("a", [0.1, 0.2])  # no class chosen: nothing
    playground.click_class = 1
    assert playground.answer_click("b", [5.0, 5.0])
    assert not playground.answer_click("b", [5.0, 5.0])  # the same click, seen again: once
    d = playground.trainer.data
    assert d.X_train.shape[1] + d.X_test.shape[1] == m + 1
    # the new point is where the click was, with its class, and the network went on
    X = np.hstack([d.X_train, d.X_test])
    Y = np.hstack([d.Y_train, d.Y_test])
    [i] = np.flatnonzero((X[0] == 5.0) & (X[1] == 5.0))
    assert Y[0, i] == 1 and playground.trainer.step_count == 100 and playground.settings.dataset == "own"
    playground.click_class = 0
    playground.answer_click("c", [-5.0, 5.0])
    playground.apply(playground.settings.replace(n1=6))  # a new network: the points stay
    assert playground.trainer.points[0].shape[1] == m + 2
    playground.undo_point()
    assert playground.trainer.points[0].shape[1] == m + 1 and len(playground.clicked) == 1
    playground.clear_points()
    assert playground.settings.dataset == "moons" and not playground.clicked
    np.testing.assert_array_equal(playground.trainer.data.X_train, before.X_train)


def test_a_click_on_standardised_inputs_lands_in_the_data_units():
    playground = Playground(Settings(standardize=True, test_fraction=0.0))
    playground.click_class = 0
    playground.answer_click("a", [0.0, 0.0])  # the centre of the standardised plane
    X = playground.trainer.points[0]
    mean = X[:, :-1].mean(axis=1)
    np.testing.assert_allclose(X[:, -1], mean, atol=1e-12)
    # and shown standardised again, it is back at the centre
    np.testing.assert_allclose(playground.trainer.data.X_train[:, -1], 0.0, atol=0.01)


def test_clicked_points_train_and_move_no_other_point_between_training_and_test():
    playground = Playground(Settings(test_fraction=0.3))
    before = playground.trainer.data
    playground.click_class = 1
    playground.answer_click("a", [0.0, 0.0])
    playground.answer_click("b", [0.5, 0.5])
    after = playground.trainer.data
    np.testing.assert_array_equal(after.X_test, before.X_test)
    np.testing.assert_array_equal(after.X_train[:, :-2], before.X_train)
    np.testing.assert_array_equal(after.X_train[:, -2:], [[0.0, 0.5], [0.0, 0.5]])


def vector_params(net):
    """The parameters of a frame's network vector, as network.py's Params."""
    n1 = (len(net) - 1) // 4
    units = net[:-1].reshape(n1, 4)
    return Params(units[:, :2], units[:, 2:3], units[:, 3:4].T, net[-1:].reshape(1, 1))


def shown_like_double(params, points, activation):
    """The view's float32 forward pass on ``params``' network vector puts every point
    where Z2 is not tiny on the side double precision does, and colours both sides."""
    cache = forward(params, points, activation)
    exact = cache.Z2
    with np.errstate(over="raise", invalid="raise"):
        shown = forward(vector_params(network_vector(params)), points.astype(np.float32), activation, np.float32)
    assert (shown.A2 < 0.25).mean() > 0.2 and (shown.A2 > 0.75).mean() > 0.2  # both sides coloured
    # tiny: within float32's rounding of the terms Z2 sums at that point
    clear = np.abs(exact) > 1e-5 * (np.abs(params.W2) @ np.abs(cache.A1) + np.abs(params.b2))
    assert clear.mean() > 0.95
    np.testing.assert_array_equal(np.sign(shown.Z2[clear]), np.sign(exact[clear]))


def test_the_last_finite_network_is_drawn_after_divergence():
    """Its weights (~1e152 with the linear activation at alpha = 10) are beyond
    single precision: the frame carries them scaled, a layer at a time."""
    playground = Playground(Settings(activation="linear", alpha=10.0))
    playground.step(1000)
    assert playground.diverged and np.abs(playground.trainer.params.W1).max() > 1e38
    assert np.isfinite(playground.frame("en")["net"]).all()
    shown_like_double(playground.trainer.params, playground.grid.points, "linear")


def test_weights_beyond_single_precision_keep_their_picture_for_every_activation():
    for activation in ("tanh", "sigmoid", "relu", "leaky_relu"):
        playground = Playground(Settings(activation=activation))
        playground.step(3000)
        W1, b1, W2, b2 = playground.trainer.params
        huge = Params(W1 * 1e40, b1 * 1e40, W2 * 1e60, b2 * 1e60)
        shown_like_double(huge, playground.grid.points, activation)


