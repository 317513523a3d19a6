"""The page's address (ui/address.py) through AppTest: every page names the network on
screen (settings, step, language), a session that starts on any page trains the
network its address names, within a bound of server time, and a lecture page
opened while playing pauses on the frame the view showed."""

import time

from streamlit.testing.v1 import AppTest

from shallownet.core.settings import Settings
from shallownet.formats import links as share
from shallownet.ui import address
from shallownet.ui.i18n import texts
from shallownet.ui.live import panel as panels
from shallownet.ui.session import GOAL_CPU_SECONDS, Playground
from tests.app.apptest import APP, opened, run

EQUATIONS = "pages/equations.py"


def on_equations(playground=None, **query):
    """A session opened on the Equations page through app.py's navigation, as in the
    app (the page scripts alone do not run app.py)."""
    at = opened(APP, playground=playground, **query)
    at.switch_page(EQUATIONS)
    return run(at)


def named(at) -> tuple[Settings, int, str]:
    """The settings, step and language the address names."""
    query = {k: at.query_params[k] for k in at.query_params}
    shared = share.from_query({k: v for k, v in query.items() if k != "lang"})
    assert not shared.ignored, shared.ignored
    lang = query["lang"]
    return shared.settings, shared.step, lang[-1] if isinstance(lang, list) else lang


def test_a_lecture_page_names_the_settings_the_step_and_the_language():
    playground = Playground(Settings(n1=6, m=200))
    playground.step(300)
    at = on_equations(playground, lang="ko")
    assert named(at) == (playground.settings, 300, "ko")


def test_a_reload_on_a_lecture_page_trains_the_network_its_address_names():
    playground = Playground(Settings(n1=6, m=200))
    playground.step(300)
    query = {**share.to_query(playground.settings, 300), "lang": "ko"}
    at = AppTest.from_file(APP, default_timeout=60)  # a new session on that page, as after F5
    for name, value in query.items():
        at.query_params[name] = value
    at.switch_page(EQUATIONS)
    run(at)
    assert at.title[0].value == texts.KO["page.equations"]  # in Korean
    again = at.session_state["playground"]
    assert again.settings == playground.settings and again.trainer.step_count == 300
    assert (again.trainer.params.W1 == playground.trainer.params.W1).all()
    assert at.session_state["lang"] == "ko"
    assert any("300" in m.value for m in at.info)  # it says it trained to that step


def test_a_lecture_page_opened_while_playing_pauses_on_the_frame_on_screen():
    playground = Playground(Settings(m=200))
    playground.play()
    frames = playground.advance(count=10, budget=60.0)
    on_screen = frames[3]["step"]
    playground.report_screen(on_screen)  # what the view says as the page is left
    at = on_equations(playground)
    assert not playground.playing and playground.trainer.step_count == on_screen < frames[-1]["step"]
    [info] = [m for m in at.info if "paused" in m.value]
    assert f"{on_screen:,}" in info.value
    assert named(at)[1] == on_screen


def test_the_view_s_word_on_leaving_is_heard_once():
    playground = Playground(Settings(m=200))
    playground.play()
    frames = playground.advance(count=10, budget=60.0)
    at = opened(APP, playground=playground)
    at.session_state[panels.LIVE_KEY] = {"id": "leave.1", "shown": frames[2]["step"]}
    at.switch_page(EQUATIONS)
    run(at)
    assert playground.trainer.step_count == frames[2]["step"]
    playground.report_screen(frames[5]["step"])
    run(at)  # the same request again: not heard again
    assert playground.screen_step == frames[5]["step"]


def test_a_heavy_link_shows_the_page_first_then_trains_live_for_a_bounded_time():
    started = time.perf_counter()
    at = opened(APP, m="5000", n1="64", step="1000000")
    assert time.perf_counter() - started < 10  # not the minute and a half 1,000,000 steps take
    playground = at.session_state["playground"]
    assert playground.playing and playground.goal == 1_000_000 and playground.trainer.step_count < 1_000_000
    assert any("1,000,000" in m.value and "5 s" in m.value for m in at.info)
    cpu = time.thread_time()
    while playground.playing:  # as the stream (or the view's requests) would
        playground.advance(count=25, budget=1.0)
        assert time.thread_time() - cpu < GOAL_CPU_SECONDS + 2  # its budget, and one batch over it
    assert playground.ended and 0 < playground.trainer.step_count < 1_000_000
    at = run(at)
    [info] = [m for m in at.info if "stopped" in m.value]
    assert f"{playground.trainer.step_count:,}" in info.value and "Play" in info.value
    assert named(at)[1] == playground.trainer.step_count


def test_a_small_link_is_trained_before_the_page_and_says_so():
    at = opened(APP, m="200", step="20")
    playground = at.session_state["playground"]
    assert not playground.playing and playground.trainer.step_count == 20
    assert any("step 20" in m.value for m in at.info)


def test_a_link_with_hostile_text_is_quoted_and_cut():
    at = opened(APP, x="[Log in again here](https://example.com/phish)", n1="![i](https://example.com/pixel.png)",
                alpha="A" * 100_000)
    text = " ".join(w.value for w in at.warning)
    assert "](https" not in text.replace("\\]\\(https", "")  # every bracket and parenthesis escaped
    assert "\\[Log in again here\\]" in text and "\\!\\[i\\]" in text
    assert len(text) < 2_000 and "…" in text


def test_many_ignored_parameters_are_summed_up():
    at = opened(APP, **{f"p{i}": "1" for i in range(40)})
    assert len(at.warning) == address.MAX_IGNORED_SHOWN + 1
    assert "35" in at.warning[-1].value


def test_a_repeated_parameter_says_its_last_value_is_used():
    at = opened(APP, m="200", n1=["3", "9"])
    assert at.session_state["playground"].settings.n1 == 9
    [warning] = at.warning
    assert "given more than once" in warning.value and "default" not in warning.value
