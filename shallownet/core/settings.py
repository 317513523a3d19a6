"""Every setting the app shows, in one typed object with its default, range and validation.

The sidebar, the command line and (later) share links all build a Settings, so a
value out of range is refused in one place, with a message that names the setting,
the value and what is allowed. A Settings object that exists is valid.

Each field's metadata (``FIELDS``) also carries what the sidebar's widget offers:
the ``step`` of a slider, or the ``ticks`` of a setting picked on a log scale. The
sidebar reads its ranges from here, so a range changes in one place. The ticks are
what the sidebar offers, not what is allowed: any value in the range is valid
(a share link may ask for alpha = 0.37).
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from shallownet.core import activations, datasets
from shallownet.core.network import INIT_METHODS


class SettingsError(ValueError):
    """A setting's value is not allowed; the message names the setting, the value and the range."""

    def __init__(self, name: str, value: Any, allowed: str):
        self.name, self.value, self.allowed = name, value, allowed
        super().__init__(f"{name} = {value!r} is not allowed: {allowed}")


def _choice(*options):
    return {"kind": "choice", "options": tuple(options)}


def _int(lo, hi, step=1):
    return {"kind": "int", "min": lo, "max": hi, "step": step}


def _float(lo, hi, step):
    return {"kind": "float", "min": lo, "max": hi, "log": False, "step": step}


def _log_ticks(ticks):
    """A float picked on a log scale from ``ticks``; the range is theirs, from the first to the last."""
    return {"kind": "float", "min": ticks[0], "max": ticks[-1], "log": True, "ticks": ticks}


_BOOL = {"kind": "bool"}


def _series(decades: range, mantissas) -> tuple[float, ...]:
    return tuple(float(f"{m}e{d}") for d in decades for m in mantissas)


# alpha on a log scale, 12 values a decade (the E12 series), which includes 1.2
ALPHAS = _series(range(-4, 1), (1.0, 1.2, 1.5, 1.8, 2.2, 2.7, 3.3, 3.9, 4.7, 5.6, 6.8, 8.2)) + (10.0,)
# the initial weight scale on a log scale, 1-2-5
SCALES = _series(range(-4, 1), (1, 2, 5)) + (10.0,)


@dataclass(frozen=True)
class Settings:
    # the data
    # "own": the user's own points (uploaded or clicked), which the trainer holds
    dataset: str = field(default="moons", metadata=_choice(*datasets.NAMES, datasets.OWN))
    m: int = field(default=400, metadata=_int(10, 5000, step=10))
    noise: float = field(default=0.2, metadata=_float(0.0, 1.0, step=0.05))
    test_fraction: float = field(default=0.2, metadata=_float(0.0, 0.5, step=0.05))
    seed: int = field(default=0, metadata=_int(0, 2**31 - 2))
    standardize: bool = field(default=False, metadata=_BOOL)
    # the network
    n1: int = field(default=4, metadata=_int(1, 64))
    activation: str = field(default="tanh", metadata=_choice(*activations.ACTIVATIONS))
    init: str = field(default="random", metadata=_choice(*INIT_METHODS))
    init_scale: float = field(default=0.01, metadata=_log_ticks(SCALES))
    # gradient descent
    alpha: float = field(default=1.2, metadata=_log_ticks(ALPHAS))

    def __post_init__(self):
        for f in dataclasses.fields(self):
            object.__setattr__(self, f.name, _validate(f.name, getattr(self, f.name), f.metadata))

    def replace(self, **changes) -> Settings:
        """A new Settings with ``changes`` applied (and validated)."""
        unknown = set(changes) - set(FIELDS)
        if unknown:
            raise SettingsError(sorted(unknown)[0], changes[sorted(unknown)[0]], "no such setting")
        return dataclasses.replace(self, **changes)

    @classmethod
    def from_strings(cls, values: dict[str, str]) -> Settings:
        """Settings from text (command line, URL): each value parsed by its setting's type."""
        parsed = {}
        for name, text in values.items():
            if name not in FIELDS:
                raise SettingsError(name, text, f"no such setting; the settings are {', '.join(FIELDS)}")
            parsed[name] = _parse(name, text, FIELDS[name])
        return cls(**parsed)

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def changed_from(self, other: Settings) -> tuple[str, ...]:
        """The names of the settings whose value differs in ``other``."""
        return tuple(f for f in FIELDS if getattr(self, f) != getattr(other, f))


FIELDS: dict[str, dict] = {f.name: dict(f.metadata) for f in dataclasses.fields(Settings)}

# Which change restarts what (docs/design.md): alpha applies from the next step; a change
# to the data regenerates the data and starts a new network; a change to anything
# else, the network's settings, starts a new network on the same data.
LIVE_FIELDS = ("alpha",)
DATA_FIELDS = ("dataset", "m", "noise", "test_fraction", "seed", "standardize")


def describe_range(spec: dict) -> str:
    kind = spec["kind"]
    if kind == "choice":
        return "one of " + ", ".join(spec["options"])
    if kind == "bool":
        return "true or false"
    if kind == "int":
        return f"{spec['min']:,} to {spec['max']:,}"  # 0 to 2,147,483,646, not 0 to 2.14748e+09
    return f"{spec['min']:g} to {spec['max']:g}"


def _validate(name: str, value: Any, spec: dict) -> Any:
    kind = spec["kind"]
    if kind == "choice":
        if not isinstance(value, str) or value not in spec["options"]:
            raise SettingsError(name, value, describe_range(spec))
        return value
    if kind == "bool":
        if not isinstance(value, bool):
            raise SettingsError(name, value, describe_range(spec))
        return value
    if isinstance(value, (np.integer, np.floating)):
        value = value.item()
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise SettingsError(name, value, f"a number from {describe_range(spec)}")
    if kind == "int":
        if isinstance(value, float):
            if not value.is_integer():
                raise SettingsError(name, value, f"a whole number from {describe_range(spec)}")
            value = int(value)
    else:
        value = float(value)
        if math.isnan(value):
            raise SettingsError(name, value, f"a number from {describe_range(spec)}")
    if not spec["min"] <= value <= spec["max"]:
        raise SettingsError(name, value, describe_range(spec))
    return value


def _parse(name: str, text: str, spec: dict) -> Any:
    kind = spec["kind"]
    text = str(text).strip()
    if kind == "choice":
        return text
    if kind == "bool":
        low = text.lower()
        if low in ("1", "true", "yes", "on"):
            return True
        if low in ("0", "false", "no", "off"):
            return False
        raise SettingsError(name, text, describe_range(spec))
    try:
        return int(text) if kind == "int" else float(text)
    except ValueError:
        whole = "whole " if kind == "int" else ""
        raise SettingsError(name, text, f"a {whole}number from {describe_range(spec)}") from None


DEFAULTS = Settings()

# Settings applied in one go, by name (an identifier; the app shows each under its
# own text). "course_assignment" is the course assignment's exact run (assignment.py
# replays it): flower data drawn from RandomState(1), all 400 points for training,
# the initial weights from RandomState(2) (the trainer draws them with seed + 1),
# tanh and alpha = 1.2.
PRESETS: dict[str, Settings] = {
    "course_assignment": Settings(
        dataset="flower", m=400, noise=0.2, test_fraction=0.0, seed=1, standardize=False,
        n1=4, activation="tanh", init="random", init_scale=0.01, alpha=1.2,
    ),
}
