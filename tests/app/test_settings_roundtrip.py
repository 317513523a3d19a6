"""Every in-range value a link or a parameter file may set is one the sidebar shows
and keeps: link -> page -> Step -> address gives back the same settings, one step on.

alpha and init_scale are chosen on a slider of ticks, but any value in their range is
valid (alpha = 0.37). The slider offers the session's value among its ticks; without
it, Streamlit put the slider on its first tick (0.0001) and the next run applied that.
"""

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from shallownet.core import datasets
from shallownet.core.settings import FIELDS, Settings
from shallownet.core.trainer import Trainer
from shallownet.formats import files
from shallownet.formats import links as share
from tests.app import apptest
from tests.app.apptest import playground_of


def address(at) -> share.Shared:
    """The settings and step the page's address says."""
    return share.from_query({k: v for k, v in at.query_params.items() if k not in share.PAGE_PARAMETERS})


@pytest.mark.parametrize("name, value", [
    ("alpha", "0.37"), ("alpha", "0.5"), ("alpha", "0.3"), ("alpha", "0.05"),
    ("init_scale", "0.03"), ("init_scale", "0.37"),
    # next to a tick: as text with :g they would share the tick's label ("10", "1.2")
    ("alpha", "9.999999999999998"), ("alpha", "1.1999999999999997"),
])
def test_a_link_value_off_the_ticks_is_shown_and_kept_after_step(name, value):
    at = apptest.opened(**{name: value, "step": "20"})
    wanted = float(value)
    assert wanted not in FIELDS[name]["ticks"]
    assert at.select_slider(key=f"setting.{name}").value == wanted
    assert getattr(playground_of(at).settings, name) == wanted

    at = apptest.click(at, "Step")
    assert at.select_slider(key=f"setting.{name}").value == wanted
    shared = address(at)
    assert getattr(shared.settings, name) == wanted and shared.step == 21 and not shared.ignored
    assert getattr(playground_of(at).settings, name) == wanted
    assert playground_of(at).trainer.step_count == 21
    assert not at.warning
    assert not at.info or "from the next step" not in at.info[0].value  # no change was applied


def test_moving_off_a_link_value_to_a_tick_uses_the_tick():
    """The link's 0.37 is offered while it is the value; once the slider is on a
    tick it goes, and the value shown is still the value used."""
    at = apptest.opened(alpha="0.37", step="20")
    assert "0.37" in at.select_slider(key="setting.alpha").options
    at = apptest.run(at.select_slider(key="setting.alpha").set_value(1.2))
    slider = at.select_slider(key="setting.alpha")
    assert slider.value == 1.2 and "0.37" not in slider.options
    assert slider.options == [f"{x:g}" for x in FIELDS["alpha"]["ticks"]]
    assert playground_of(at).settings.alpha == 1.2 and playground_of(at).trainer.step_count == 20
    assert not at.warning
    at = apptest.click(at, "Step")
    assert at.select_slider(key="setting.alpha").value == 1.2
    assert address(at).settings.alpha == 1.2 and address(at).step == 21


def test_a_link_value_off_the_ticks_holds_in_the_page_and_on_every_page():
    """In presentation mode α is in the page; every page draws the same sidebar."""
    at = apptest.opened(alpha="0.37", step="5", present="1")
    slider = at.main.select_slider(key="setting.alpha")  # KeyError if it is not in the page
    assert slider.value == 0.37
    at = apptest.opened(alpha="0.37", init_scale="0.03", step="5")
    for page in ("pages/equations.py", "pages/initialisation.py", "pages/playground.py"):
        at = apptest.run(at.switch_page(page))
        assert at.select_slider(key="setting.alpha").value == 0.37, page
        assert at.select_slider(key="setting.init_scale").value == 0.03, page
        assert playground_of(at).settings.alpha == 0.37 and playground_of(at).settings.init_scale == 0.03, page
        assert playground_of(at).trainer.step_count == 5, page


def test_a_parameter_file_off_the_ticks_is_kept_after_step():
    saved = Settings(dataset="circles", m=200, alpha=0.37, init_scale=0.03)
    trainer = Trainer(saved)
    trainer.step(7)
    text = files.params_to_json(trainer.params, saved, trainer.step_count)

    at = apptest.opened()
    at = apptest.run(at.toggle(key="exchange.open").set_value(True))
    at = apptest.run(at.file_uploader(key="upload.params").set_value(
        ("params.json", text.encode(), "application/json")))
    assert at.select_slider(key="setting.alpha").value == 0.37
    assert at.select_slider(key="setting.init_scale").value == 0.03
    assert playground_of(at).settings == saved and playground_of(at).trainer.step_count == 7

    at = apptest.click(at, "Step")
    assert at.select_slider(key="setting.alpha").value == 0.37
    assert at.select_slider(key="setting.init_scale").value == 0.03
    assert playground_of(at).settings == saved and playground_of(at).trainer.step_count == 8
    assert address(at) == (saved, 8, ())


def _field(name: str):
    spec = FIELDS[name]
    if spec["kind"] == "bool":
        return st.booleans()
    if spec["kind"] == "choice":
        return st.sampled_from(spec["options"])
    if spec["kind"] == "int":
        return st.integers(spec["min"], spec["max"])
    return st.floats(spec["min"], spec["max"])


# any valid settings, on generated data, small enough (m, steps) to run quickly
valid_settings = st.builds(Settings, **{
    **{name: _field(name) for name in FIELDS},
    "dataset": st.sampled_from(datasets.NAMES),
    "m": st.integers(FIELDS["m"]["min"], 200),
})


@settings(max_examples=15, deadline=None, database=None)
@given(valid_settings, st.integers(0, 30))
@example(Settings(alpha=0.37, init_scale=0.03), 20)
@example(Settings(alpha=9.999999999999998, init_scale=1.0000000000000002e-4, m=15, noise=0.123), 0)
def test_link_page_step_address_keeps_every_setting(s, step):
    at = apptest.opened(**share.to_query(s, step))
    shared = address(at)
    assert shared.settings == s and shared.step == step and not shared.ignored
    assert playground_of(at).settings == s
    if playground_of(at).diverged:  # Step is disabled: training stopped at the overflow
        return
    at = apptest.click(at, "Step")
    shared = address(at)
    assert shared.settings == s and shared.step == step + 1 and not shared.ignored
    assert playground_of(at).settings == s and playground_of(at).trainer.step_count == step + 1
