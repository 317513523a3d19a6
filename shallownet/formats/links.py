"""Share links: every setting of the Playground, and the step to train to, as the
query parameters of the page's address.

``to_query`` writes them, each named like its ``Settings`` field; ``from_query``
reads an address's parameters back, one at a time, so that a tampered or stale
one (an unknown name, n1 = -5, alpha = abc, alpha = 1e9, dataset = x) costs only
itself: it is ignored, with the reason, and its default is used. A name given
more than once (n1=3&n1=9) takes its last value, and says so. The same
settings and seed give the same data and initial weights, so training to the
same step gives the same numbers.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from shallownet.core.datasets import OWN
from shallownet.core.settings import DEFAULTS, FIELDS, Settings, SettingsError

STEP = "step"
MAX_STEP = 1_000_000  # what a link may ask the server to train before the page shows
# parameters that belong to the page, not to the network (the language, the
# presentation mode): read elsewhere, never reported as unknown here
PAGE_PARAMETERS = ("lang", "present")
# why the earlier values of a parameter given more than once were not used
REPEATED = "given more than once; the last value is used"
_WHOLE = re.compile(r"-?[0-9]+")  # a step as the address may write it (ASCII digits only)


class Ignored(NamedTuple):
    name: str
    value: str
    reason: str


class Shared(NamedTuple):
    settings: Settings
    step: int
    ignored: tuple[Ignored, ...]


def to_query(settings: Settings, step: int) -> dict[str, str]:
    """The query parameters that reproduce ``settings`` at ``step``."""
    out = {}
    for name in FIELDS:
        value = getattr(settings, name)
        # floats as repr: the shortest text that reads back as the same number
        out[name] = ("1" if value else "0") if isinstance(value, bool) else repr(value) if isinstance(
            value, float) else str(value)
    out[STEP] = str(int(step))
    return out


def from_query(query: dict[str, str | list[str]]) -> Shared:
    """Settings and step from query parameters; each bad one ignored, with why.

    ``query`` maps each name to every value the address gives it, in order (a list,
    as ``st.query_params.get_all`` returns; a plain string is one value). A name
    given more than once uses its last value, and its earlier values are reported
    as ignored (``REPEATED``), so that nothing in the address is dropped unsaid."""
    good, ignored = {}, []
    step = 0
    for name, raw in query.items():
        values = [str(v) for v in raw] if isinstance(raw, (list, tuple)) else [str(raw)]
        if name in PAGE_PARAMETERS or not values:
            continue
        if name not in FIELDS and name != STEP:
            ignored.append(Ignored(name, ", ".join(values), "no such setting"))
            continue
        value = values[-1]
        if len(values) > 1:
            ignored.append(Ignored(name, ", ".join(values[:-1]), REPEATED))
        if name == STEP:
            digits = value.strip()
            if not _WHOLE.fullmatch(digits):
                ignored.append(Ignored(name, value, f"not a whole number; steps go from 0 to {MAX_STEP:,}"))
            elif digits.startswith("-") or len(digits) > len(str(MAX_STEP)) or int(digits) > MAX_STEP:
                ignored.append(Ignored(name, value, f"steps go from 0 to {MAX_STEP:,}"))
            else:
                step = int(digits)
            continue
        if name == "dataset" and value == OWN:
            ignored.append(Ignored(name, value, "your own points do not travel in a link: download them as CSV"))
            continue
        try:
            good[name] = getattr(Settings.from_strings({name: value}), name)
        except SettingsError as e:
            ignored.append(Ignored(name, value, e.allowed))
    try:
        settings = DEFAULTS.replace(**good)
    except SettingsError as e:  # each was valid alone; kept for safety should a rule join two
        ignored.append(Ignored(e.name, str(e.value), e.allowed))
        settings = DEFAULTS
    return Shared(settings, step, tuple(ignored))
