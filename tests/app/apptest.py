"""Opening the app or one of its pages in Streamlit's AppTest, as the page tests do:
every run is checked not to have raised."""

import base64
import json

import numpy as np
from streamlit.testing.v1 import AppTest

from shallownet.ui.live import panel as panels
from tests.conftest import ROOT

APP = str(ROOT / "app.py")


def page_script(name: str) -> str:
    """The path of ``pages/<name>.py``."""
    return str(ROOT / "pages" / f"{name}.py")


def run(target):
    """Run ``target`` (an AppTest, or a widget whose value was just set) and check the
    run did not raise; returns the AppTest."""
    at = target.run()
    assert not at.exception, at.exception
    return at


def opened(script: str = APP, *, timeout: float = 60, playground=None, first_visit: bool = False,
           **query) -> AppTest:
    """``script`` (app.py unless given) run once, with ``query`` in the address and
    ``playground`` as the session's Playground if given. Unless ``first_visit``, the
    session is one whose live view has had its head start already
    (panels.wait_for_view), which would make every test wait VIEW_WAIT_MAX_SECONDS (no browser paints here)."""
    at = AppTest.from_file(script, default_timeout=timeout)
    for name, value in query.items():
        at.query_params[name] = value
    if playground is not None:
        at.session_state["playground"] = playground
    if not first_visit:
        at.session_state[panels.STARTED_KEY] = True
    return run(at)


def chart(at, key) -> dict:
    """The plotly figure (as JSON) of the chart whose key contains ``key``."""
    [element] = [c for c in at.get("plotly_chart") if key in c.proto.id]
    return json.loads(element.proto.spec)


def decode(value) -> np.ndarray:
    """A plotly array as numpy: plain lists, or plotly's typed arrays (dtype, bdata, shape)."""
    if isinstance(value, dict) and "bdata" in value:
        array = np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"]))
        shape = value.get("shape")
        if shape:
            array = array.reshape([int(n) for n in str(shape).split(",")])
        return array
    return np.asarray(value)


def playground_of(at):
    """The session's Playground."""
    return at.session_state["playground"]


def click(at, label: str):
    """Click the one button labelled ``label``; returns the AppTest, checked not to have
    raised."""
    [button] = [b for b in at.button if b.label == label]
    return run(button.click())


def live_view(at):
    """The live view on the page: its one custom component."""
    [view] = [e for e in at.main if getattr(e, "type", None) == "component_instance"]
    return view


def open_panel():
    """app.py opened with its panel "Share, save and your own data" open."""
    return run(opened().toggle(key="exchange.open").set_value(True))


def upload(at, key: str, name: str, content: bytes, mime: str = "application/octet-stream"):
    """``content`` given to the uploader ``key`` as a file called ``name``."""
    return run(at.file_uploader(key=key).set_value((name, content, mime)))
