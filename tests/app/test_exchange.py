"""Share links through Streamlit's AppTest: the address's settings and step give the
same network and numbers; every bad parameter is named, ignored and its default
used; the address follows the page.

Uploads: a file that does not load leaves the network and the data on screen as
they were and says why; the message shown is about the file in its uploader, and
goes when that file does."""


import numpy as np
import pytest

from shallownet.core.settings import DEFAULTS, Settings
from shallownet.core.trainer import Trainer
from shallownet.formats import files
from shallownet.formats import links as share
from shallownet.formats.untrusted import plain
from tests.app import apptest
from tests.app.apptest import open_panel, upload


def opened(query):
    return apptest.opened(**query)


def test_a_link_gives_the_same_network_and_numbers_at_its_step():
    s = Settings(dataset="circles", m=300, noise=0.1, seed=5, n1=6, activation="relu", alpha=0.56)
    at = opened(share.to_query(s, 120))
    playground = at.session_state["playground"]
    reference = Trainer(s)
    reference.step(120)
    assert playground.settings == s and playground.trainer.latest == reference.latest
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
    playground = at.session_state["playground"]
    [warning] = at.warning
    assert shown in plain(warning.value)
    assert playground.settings.m == 200  # the good parameter is used
    if name in ("n1", "alpha", "dataset"):
        assert getattr(playground.settings, name) == getattr(DEFAULTS, name)


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


# -- uploads -----------------------------------------------------------------------
def saved_params(n1=5, steps=4) -> bytes:
    tr = Trainer(Settings(n1=n1, m=60))
    tr.step(steps)
    return files.params_to_json(tr.params, tr.settings, steps).encode()


def messages(at):
    return [plain(e.value) for e in at.error], [plain(s.value) for s in at.success]


def test_the_upload_message_is_about_the_file_in_the_uploader():
    at = upload(open_panel(), "upload.params", "a.json", saved_params())
    assert messages(at) == ([], ["Loaded a.json: its network at step 4."])
    at = upload(at, "upload.params", "b.json", b"{}")
    [error], success = messages(at)
    assert error.startswith("b.json was not loaded") and not success
    playground = at.session_state["playground"]
    assert playground.trainer.step_count == 4 and playground.settings.n1 == 5  # a.json's network stays
    # the file taken out of the uploader takes its message with it; the network stays
    at = apptest.run(at.file_uploader(key="upload.params").clear())
    assert messages(at) == ([], []) and playground.trainer.step_count == 4
    at = upload(at, "upload.data", "d.csv", b"0,0,0\n1,1,1\n")
    assert messages(at) == ([], ["Training on your 2 points from d.csv."])
    at = apptest.run(at.file_uploader(key="upload.data").clear())
    assert messages(at) == ([], []) and playground.settings.dataset == "own"


def test_a_file_over_the_limit_is_refused_with_its_size():
    """The browser refuses a file over the uploader's 1 MB without telling the
    server (the previous file stays the uploader's value, and so does its
    message); a browser counting 1 MB as 1,048,576 bytes sends up to that, which
    the loader refuses by its own limit."""
    at = upload(open_panel(), "upload.params", "a.json", saved_params())
    at = upload(at, "upload.params", "big.json", b" " * (files.MAX_PARAMS_BYTES + 1))
    [error], success = messages(at)
    assert error == ("big.json was not loaded: the file is 1,000,001 bytes; a parameter file is at most "
                     "1,000,000. The network on screen stays.") and not success
    assert at.session_state["playground"].trainer.step_count == 4


def test_a_bad_data_file_leaves_the_data_on_screen():
    at = upload(open_panel(), "upload.data", "d.csv", b"0,0,0\n1,1,1\n2,2,1\n")
    playground = at.session_state["playground"]
    X = playground.trainer.data.X_all.copy()
    at = upload(at, "upload.data", "far.csv", b"0,0,0\n1e308,1,1\n")
    [error], success = messages(at)
    assert error == ("far.csv was not loaded: line 2: x1 = 1e308 is out of range: coordinates go from "
                     "-1,000,000 to 1,000,000. The data on screen stay.") and not success
    np.testing.assert_array_equal(playground.trainer.data.X_all, X)
