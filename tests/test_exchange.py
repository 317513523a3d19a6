"""Share links through Streamlit's AppTest: the address's settings and step give the
same network and numbers; every bad parameter is named, ignored and its default
used; the address follows the page."""


import apptest
import pytest

from shallownet import share
from shallownet.settings import DEFAULTS, Settings
from shallownet.trainer import Trainer


def opened(query):
    return apptest.opened(**query)


def test_a_link_gives_the_same_network_and_numbers_at_its_step():
    s = Settings(dataset="circles", m=300, noise=0.1, seed=5, n1=6, activation="relu", alpha=0.56)
    at = opened(share.to_query(s, 120))
    pg = at.session_state["playground"]
    reference = Trainer(s)
    reference.step(120)
    assert pg.settings == s and pg.trainer.latest == reference.latest
    assert "Opened from a link" in at.info[0].value and not at.warning
    # the sidebar shows the link's settings
    assert at.slider(key="setting.n1").value == 6


@pytest.mark.parametrize("name, value, shown", [
    ("n1", "-5", "n1 = -5 was ignored (1 to 64)"),
    ("alpha", "abc", "alpha = abc was ignored (a number from 0.0001 to 10)"),
    ("alpha", "1e9", "alpha = 1e9 was ignored (0.0001 to 10)"),
    ("dataset", "x", "dataset = x was ignored (one of moons"),
    ("colour", "red", "colour = red was ignored: no such setting"),
    ("step", "9999999", "step = 9999999 was ignored"),
])
def test_a_tampered_parameter_is_named_and_its_default_used(name, value, shown):
    at = opened({name: value, "m": "200"})
    pg = at.session_state["playground"]
    [warning] = at.warning
    assert shown in warning.value
    assert pg.settings.m == 200  # the good parameter is used
    if name in ("n1", "alpha", "dataset"):
        assert getattr(pg.settings, name) == getattr(DEFAULTS, name)


def test_the_address_follows_the_page_and_the_warning_goes_with_a_change():
    at = opened({"n1": "-5"})
    assert at.warning
    at.slider(key="setting.n1").set_value(9).run()
    assert not at.warning
    assert at.query_params["n1"] == ["9"] or at.query_params["n1"] == "9"
    [step] = [b for b in at.button if b.label == "Step"]
    step.click().run()
    steps = at.query_params["step"]
    assert (steps[0] if isinstance(steps, list) else steps) == "1"
