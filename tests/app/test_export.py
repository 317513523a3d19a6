"""The animation for slides in the Playground's share panel, through AppTest: what it
will cost is said, the button makes it under a progress bar, then it downloads; it
is the file the command line makes of the same run; a run at its first step, a
request too dear or a server busy with another is refused with a message."""

import pytest

from shallownet.core import movie
from shallownet.plots import animation
from shallownet.ui import share_panel
from shallownet.ui.i18n.en import EN
from shallownet.ui.i18n.ko import KO
from tests.app.apptest import click, open_panel, opened, playground_of, run


def make(at):
    return run(at.button(key="export.make").click())


def downloads(at):
    return [b.proto.label for b in at.get("download_button")]


def test_the_animation_is_made_and_downloaded_and_is_the_file_of_the_same_run():
    at = click(open_panel(), "×100")
    [caption] = [c.value for c in at.caption if "The boundary with the cost beside it" in c.value]
    assert "from step 0 to step 100" in caption and "About " in caption and "s of the server's time" in caption
    assert "Download the animation (GIF)" not in downloads(at)  # not made until asked for
    at = make(at)
    [made] = [s.value for s in at.success if s.value.startswith("Made in")]
    assert "8 s from step 0 to step 100" in made
    assert "Download the animation (GIF)" in downloads(at)
    _, data, _ = at.session_state[share_panel.MADE]
    assert data[:6] == b"GIF89a"
    # the same bytes as the run made again outside the app (command line, tests)
    run_ = playground_of(at).run_record()
    assert data == animation.render(run_, movie.Request(), animation.labels_from(EN.get, run_))
    # another step: that animation was of another run, and goes
    at = click(at, "Step")
    assert "Download the animation (GIF)" not in downloads(at)
    assert share_panel.MADE not in at.session_state


def test_at_the_first_step_there_is_nothing_to_animate_and_it_says_so():
    at = open_panel()
    assert any("The run is at its first step (step 0)" in w.value for w in at.warning)
    at = make(at)
    assert not [s for s in at.success if s.value.startswith("Made in")]
    assert "Download the animation (GIF)" not in downloads(at)


@pytest.mark.parametrize("constant, value, named", [
    ("SERVER_SECONDS", 1e-4, "frames of 1280 × 720 pixels would take about"),
    ("STEP_SECONDS", 1.0, "training these 100 steps again (n1 = 4, m = 400) would take about"),
])
def test_a_request_too_dear_for_the_server_is_refused_saying_what_makes_it_dear(monkeypatch, constant, value,
                                                                                 named):
    monkeypatch.setattr(movie, constant, value)
    at = click(open_panel(), "×100")
    [warning] = [w.value for w in at.warning if "Too much work" in w.value]
    assert named in warning
    at = make(at)
    assert "Download the animation (GIF)" not in downloads(at)


def test_one_animation_at_a_time_on_a_server():
    at = click(open_panel(), "×100")
    assert share_panel._exporting.acquire(blocking=False)  # another session is making one
    try:
        at = make(at)
    finally:
        share_panel._exporting.release()
    assert any("Another animation is being made on this server" in w.value for w in at.warning)
    assert "Download the animation (GIF)" not in downloads(at)
    at = make(at)  # once it is done, this one is made
    assert "Download the animation (GIF)" in downloads(at)


def test_mp4_without_pyav_says_so_and_gif_still_works(monkeypatch):
    monkeypatch.setattr(animation, "mp4_available", lambda: False)
    at = click(open_panel(), "×100")
    [formats] = [g for g in at.get("button_group") if g.value in movie.FORMATS]
    at = run(formats.set_value("mp4"))
    assert any("MP4 needs PyAV" in w.value for w in at.warning)
    at = make(at)
    assert not [s for s in at.success if s.value.startswith("Made in")]


def test_in_korean_the_panel_and_the_frames_are_korean():
    at = click(run(opened(lang="ko").toggle(key="exchange.open").set_value(True)), "×100")
    assert any(KO["export.title"] in m.value for m in at.markdown)
    at = make(at)
    assert any(s.value.endswith("MB.") and "만들었습니다" in s.value for s in at.success)
    _, data, _ = at.session_state[share_panel.MADE]
    run_ = playground_of(at).run_record()
    assert data == animation.render(run_, movie.Request(), animation.labels_from(KO.get, run_))


def test_pressed_while_playing_it_pauses_first_and_animates_up_to_where_it_paused():
    at = click(open_panel(), "×100")
    playground = playground_of(at)
    playground.play()
    playground.advance(count=2, budget=0.05)  # a batch or so trained while playing
    at = make(at)
    assert not playground.playing
    _, data, numbers = at.session_state[share_panel.MADE]
    assert numbers["step"] == f"{playground.trainer.step_count:,}"
    assert "Download the animation (GIF)" in downloads(at)
