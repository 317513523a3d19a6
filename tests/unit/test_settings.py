import math

import numpy as np
import pytest

from shallownet.core.settings import DEFAULTS, FIELDS, Settings, SettingsError, describe_range


def test_defaults_are_the_lectures():
    assert DEFAULTS.as_dict() == dict(
        dataset="moons", m=400, noise=0.2, test_fraction=0.2, seed=0, standardize=False,
        n1=4, activation="tanh", init="random", init_scale=0.01, alpha=1.2,
    )


RANGES = {
    "m": (10, 5000), "n1": (1, 64), "alpha": (1e-4, 10.0), "noise": (0.0, 1.0),
    "test_fraction": (0.0, 0.5), "init_scale": (1e-4, 10.0), "seed": (0, 2**31 - 2),
}


@pytest.mark.parametrize("name", list(RANGES))
def test_the_ends_of_each_range_are_accepted(name):
    lo, hi = RANGES[name]
    assert getattr(Settings(**{name: lo}), name) == lo
    assert getattr(Settings(**{name: hi}), name) == hi


@pytest.mark.parametrize("name, value", [
    ("m", 9), ("m", 5001), ("n1", 0), ("n1", 65), ("alpha", 0.0), ("alpha", 10.5),
    ("noise", -0.01), ("noise", 1.5), ("test_fraction", 0.51), ("init_scale", 0.0),
    ("seed", -1), ("seed", 2**31),
])
def test_a_value_out_of_range_is_refused_naming_setting_value_and_range(name, value):
    lo, hi = RANGES[name]
    with pytest.raises(SettingsError) as e:
        Settings(**{name: value})
    msg = str(e.value)
    assert msg.startswith(f"{name} = {value!r}")
    # whole numbers as such, with thousands separators (0 to 2,147,483,646); floats as %g
    allowed = f"{lo:,} to {hi:,}" if FIELDS[name]["kind"] == "int" else f"{lo:g} to {hi:g}"
    assert msg.endswith(f"is not allowed: {allowed}")
    assert e.value.name == name


@pytest.mark.parametrize("name, allowed", [
    ("seed", "0 to 2,147,483,646"), ("m", "10 to 5,000"), ("n1", "1 to 64"),
    ("alpha", "0.0001 to 10"), ("noise", "0 to 1"), ("test_fraction", "0 to 0.5"),
])
def test_ranges_read_as_numbers(name, allowed):
    assert describe_range(FIELDS[name]) == allowed


@pytest.mark.parametrize("name, value, message", [
    ("dataset", "swirl", "one of moons, circles, flower, blobs, xor, spiral, gaussian_quantiles"),
    ("activation", "gelu", "one of tanh, sigmoid, relu, leaky_relu, linear"),
    ("init", "he", "one of random, zeros"),
    ("n1", 2.5, "a whole number"),
    ("n1", True, "a number"),
    ("n1", "4", "a number"),
    ("alpha", float("nan"), "a number"),
    ("standardize", 1, "true or false"),
])
def test_a_value_of_the_wrong_kind_is_refused(name, value, message):
    with pytest.raises(SettingsError, match=message):
        Settings(**{name: value})


def test_numpy_numbers_are_numbers():
    s = Settings(n1=np.int64(8), alpha=np.float32(0.5))
    assert s.n1 == 8 and type(s.n1) is int
    assert math.isclose(s.alpha, 0.5) and type(s.alpha) is float


def test_whole_floats_are_accepted_for_integers():
    assert Settings(m=200.0).m == 200


def test_replace_validates_and_refuses_unknown_settings():
    assert DEFAULTS.replace(n1=8).n1 == 8
    with pytest.raises(SettingsError, match="n1 = 0"):
        DEFAULTS.replace(n1=0)
    with pytest.raises(SettingsError, match="no such setting"):
        DEFAULTS.replace(hidden=3)


def test_from_strings_parses_each_setting_by_its_type():
    s = Settings.from_strings({"n1": "8", "alpha": "0.3", "standardize": "yes", "dataset": "xor"})
    assert (s.n1, s.alpha, s.standardize, s.dataset) == (8, 0.3, True, "xor")
    with pytest.raises(SettingsError, match="alpha = 'fast'"):
        Settings.from_strings({"alpha": "fast"})
    with pytest.raises(SettingsError, match="no such setting"):
        Settings.from_strings({"layers": "2"})


def test_every_setting_has_a_spec():
    assert set(FIELDS) == set(DEFAULTS.as_dict())
    for spec in FIELDS.values():
        assert spec["kind"] in ("choice", "int", "float", "bool")


@pytest.mark.parametrize("name", ["alpha", "init_scale"])
def test_the_ticks_offered_span_the_range_and_include_the_default(name):
    spec = FIELDS[name]
    ticks = spec["ticks"]
    assert list(ticks) == sorted(set(ticks))
    assert (ticks[0], ticks[-1]) == (spec["min"], spec["max"])
    assert getattr(DEFAULTS, name) in ticks


def test_a_value_between_the_ticks_is_valid():
    """The ticks are what the sidebar offers; the range is what is allowed (a share
    link may ask for any alpha in it)."""
    assert 0.37 not in FIELDS["alpha"]["ticks"]
    assert Settings(alpha=0.37).alpha == 0.37


@pytest.mark.parametrize("name", ["m", "noise", "test_fraction", "seed", "n1"])
def test_a_slider_step_lands_on_both_ends_and_the_default(name):
    spec = FIELDS[name]
    for value in (spec["max"], getattr(DEFAULTS, name)):
        steps = (value - spec["min"]) / spec["step"]
        assert steps == pytest.approx(round(steps)), (name, value)
