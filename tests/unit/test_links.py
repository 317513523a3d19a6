"""Share links: the settings and the step in the address, read back one at a time."""

import pytest

from shallownet.core.settings import DEFAULTS, Settings
from shallownet.core.trainer import Trainer
from shallownet.formats import links as share


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


def test_a_repeated_parameter_uses_its_last_value_and_says_so():
    shared = share.from_query({"n1": ["3", "9"], "m": ["200"]})
    assert shared.settings == DEFAULTS.replace(n1=9, m=200) and shared.step == 0
    assert shared.ignored == (share.Ignored("n1", "3", share.REPEATED),)
    assert share.REPEATED == "given more than once; the last value is used"
    shared = share.from_query({"step": ["5", "6", "7"]})
    assert shared.step == 7 and shared.ignored == (share.Ignored("step", "5, 6", share.REPEATED),)


def test_a_repeated_parameter_whose_last_value_is_bad_says_both():
    shared = share.from_query({"n1": ["3", "-5"]})
    assert shared.settings.n1 == DEFAULTS.n1
    assert [(i.name, i.value) for i in shared.ignored] == [("n1", "3"), ("n1", "-5")]
    assert shared.ignored[0].reason == share.REPEATED and "1 to 64" in shared.ignored[1].reason


def test_an_unknown_name_given_twice_is_one_unknown_name():
    assert share.from_query({"colour": ["red", "blue"]}).ignored == (
        share.Ignored("colour", "red, blue", "no such setting"),)


def test_lists_and_strings_read_alike():
    assert share.from_query({"n1": ["7"], "step": ["12"]}) == share.from_query({"n1": "7", "step": "12"})
    assert share.from_query({"n1": [], "lang": ["ko", "en"]}) == share.from_query({})


@pytest.mark.parametrize("value, reason", [
    ("1" + "0" * 5000, "steps go from 0 to 1,000,000"),
    ("1000001", "steps go from 0 to 1,000,000"),
    ("1_000", "not a whole number"),
    ("\u0663", "not a whole number"),  # an Arabic-Indic digit, which int() would read
    ("1e3", "not a whole number"),
    ("", "not a whole number"),
])
def test_a_step_is_ascii_digits_within_the_bound(value, reason):
    [ignored] = share.from_query({"step": [value]}).ignored
    assert ignored.reason.startswith(reason) and share.from_query({"step": [value]}).step == 0


def test_the_bound_itself_is_a_step():
    assert share.from_query({"step": [f" {share.MAX_STEP} "]}) == (DEFAULTS, share.MAX_STEP, ())
