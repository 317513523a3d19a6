"""Share links: the settings and the step in the address, read back one at a time."""

import pytest

from shallownet import share
from shallownet.settings import DEFAULTS, Settings
from shallownet.trainer import Trainer


def test_a_link_reproduces_the_settings_and_the_numbers_at_its_step():
    s = Settings(dataset="spiral", m=230, noise=0.35, test_fraction=0.1, seed=77, standardize=True,
                 n1=9, activation="relu", init="random", init_scale=0.02, alpha=0.37)
    shared = share.from_query(share.to_query(s, 321))
    assert shared.settings == s and shared.step == 321 and shared.ignored == ()
    a, b = Trainer(s), Trainer(shared.settings)
    a.step(321)
    b.step(shared.step)
    assert a.latest == b.latest


@pytest.mark.parametrize("name, value, reason", [
    ("colour", "red", "no such setting"),
    ("n1", "-5", "1 to 64"),
    ("alpha", "abc", "a number from 0.0001 to 10"),
    ("alpha", "1e9", "0.0001 to 10"),
    ("dataset", "x", "one of moons"),
    ("dataset", "own", "your own points do not travel in a link"),
    ("standardize", "maybe", "true or false"),
    ("step", "-1", "steps go from 0"),
    ("step", "ten", "not a whole number"),
])
def test_a_bad_parameter_is_ignored_with_its_reason_and_the_rest_kept(name, value, reason):
    shared = share.from_query({name: value, "n1": "7"} if name != "n1" else {name: value, "m": "100"})
    [ignored] = shared.ignored
    assert ignored.name == name and ignored.value == value and reason in ignored.reason
    if name == "n1":
        assert shared.settings == DEFAULTS.replace(m=100)
    else:
        assert shared.settings.n1 == 7
        assert getattr(shared.settings, name, None) == getattr(DEFAULTS, name, None)


def test_page_parameters_are_not_reported():
    assert share.from_query({"lang": "ko", "present": "1"}).ignored == ()
