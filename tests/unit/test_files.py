"""Saving and loading: round trips give the same numbers, and every bad file gets
the project's own clear error (LoadError), never anything else."""

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shallownet.core.settings import Settings
from shallownet.core.trainer import Trainer
from shallownet.formats import files
from shallownet.formats import links as share
from shallownet.formats.files import LoadError


def trained(n1=4, steps=50):
    tr = Trainer(Settings(n1=n1, dataset="circles"))
    tr.step(steps)
    return tr


def test_parameters_round_trip_bit_for_bit():
    tr = trained(n1=7)
    saved = files.params_from_json(files.params_to_json(tr.params, tr.settings, tr.step_count))
    assert saved.settings == tr.settings and saved.step == 50
    for a, b in zip(saved.params, tr.params):
        assert a.shape == b.shape
        np.testing.assert_array_equal(a, b)


def bad_params(**change):
    tr = trained()
    doc = json.loads(files.params_to_json(tr.params, tr.settings, tr.step_count))
    for path, value in change.items():
        *keys, last = path.split("__")
        target = doc
        for k in keys:
            target = target[k]
        if value is KeyError:
            del target[last]
        else:
            target[last] = value
    return json.dumps(doc)


@pytest.mark.parametrize("text, message", [
    ("", "not JSON"),
    ("[1, 2]", "not a shallownet parameter file"),
    ('{"format": "shallownet-params", "version": 9}', "version 9"),
    (bad_params(settings__n1=5), "W1 has shape (4, 2); with n1 = 5 it must be (5, 2)"),
    (bad_params(settings__activation="swish"), "activation = 'swish' is not allowed"),
    (bad_params(settings__colour="red"), "colour"),
    (bad_params(params__W2=[[1.0, 2.0]]), "W2 has shape (1, 2); with n1 = 4 it must be (1, 4)"),
    (bad_params(params__b2=[["x"]]), "b2 holds 'x', which is not a number"),
    (bad_params(params__b1=KeyError), "b1 is missing"),
    (bad_params(params__b2=[[1.5]]).replace("[[1.5]]", "[[1e400]]"), "b2 holds a value that is not a finite number"),
    (bad_params(params__b2=[[1.5]]).replace("[[1.5]]", "[[Infinity]]"), "Infinity is not a number JSON allows"),
    (bad_params(step=-3), '"step" must be a whole number'),
    (bad_params(step=10**15), '"step" must be a whole number from 0 to 1,000,000, not 1000000000000000'),
    (bad_params(step=True), '"step" must be a whole number'),
    (bad_params(version=True), "version True of the parameter file is not known"),
    (bad_params(settings__alpha=10**350), "settings: alpha = 1000"),
    (bad_params(settings__m=[1]), "settings: m = [1] is not allowed"),
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ('{"format": "shallownet-params", "version": 1, "b": NaN}', "NaN is not a number JSON allows"),
    (b"\xff\xfe\x00garbage", "not text"),
    ("x" * (files.MAX_PARAMS_BYTES + 1), "at most"),
])
def test_a_bad_parameter_file_says_what_is_wrong(text, message):
    with pytest.raises(LoadError) as e:
        files.params_from_json(text)
    assert message in str(e.value)


def test_a_step_of_5000_digits_is_refused_not_a_crash():
    """Python reads no whole number of more than 4,300 digits (ValueError); the
    loader refuses a long number first, wherever it is."""
    text = bad_params(step=7).replace('"step": 7', '"step": 1' + "0" * 5000)
    with pytest.raises(LoadError, match="a number 5,001 digits long; a number here has at most 400"):
        files.params_from_json(text)
    with pytest.raises(LoadError, match="5,001 digits"):
        files.params_from_json(bad_params(params__b2=[[1.5]]).replace("[[1.5]]", "[[-" + "9" * 5001 + "]]"))


def test_the_step_is_bounded_by_what_a_link_may_ask_for():
    assert files.params_from_json(bad_params(step=share.MAX_STEP)).step == share.MAX_STEP
    with pytest.raises(LoadError, match="from 0 to 1,000,000"):
        files.params_from_json(bad_params(step=share.MAX_STEP + 1))


@pytest.mark.parametrize("text", [
    bad_params(settings__dataset="x" * 100_000),
    bad_params(settings__colour="x" * 100_000),
    bad_params(**{"settings__" + "y" * 100_000: 1}),
    bad_params(version="x" * 100_000),
    bad_params(step="x" * 100_000),
    bad_params(step=[[[[[[["x"] * 1000]]]]]]),
    bad_params(params__W1=[["x" * 100_000, 1]] * 4),
])
def test_a_message_quotes_the_file_briefly(text):
    with pytest.raises(LoadError) as e:
        files.params_from_json(text)
    assert len(str(e.value)) < 200, str(e.value)


def test_history_csv_has_every_recorded_step():
    tr = trained(steps=30)
    text = files.history_to_csv(tr.history.columns(), tr.latest)
    lines = text.strip().split("\n")
    assert lines[0].split(",") == list(files.COLUMNS)
    assert [int(line.split(",")[0]) for line in lines[1:]] == list(range(31))
    assert float(lines[-1].split(",")[1]) == tr.latest.cost_train


def test_data_round_trips_through_csv():
    tr = trained()
    X, Y = tr.data.X_train, tr.data.Y_train
    own = files.data_from_csv(files.data_to_csv(X, Y))
    np.testing.assert_array_equal(own.X, X)
    np.testing.assert_array_equal(own.Y, Y)
    assert own.labels == {"0": 0, "1": 1}


def test_coordinates_up_to_a_million_are_data():
    own = files.data_from_csv("-1e6,1000000,0\n0.000001,-999999.5,1\n")
    assert own.X.tolist() == [[-1e6, 1e-6], [1e6, -999999.5]]


def test_a_bad_data_file_quotes_itself_briefly():
    for text in ("1,2,0\n3," + "x" * 100_000 + ",1\n", "1,1,a\n1,1,b\n1,1," + "c" * 100_000 + "\n",
                 "1,2,0\n3,1" + "0" * 100_000 + ",1\n"):
        with pytest.raises(LoadError) as e:
            files.data_from_csv(text)
        assert len(str(e.value)) < 200, str(e.value)


def test_a_byte_order_mark_is_not_a_header():
    assert files.data_from_csv("\ufeff1,2,0\n3,4,1\n").X.shape == (2, 2)


def test_labels_that_are_not_numbers_map_the_same_way_every_time():
    assert files.data_from_csv("1,2,nan\n3,4,NaN\n").labels == {"NaN": 0, "nan": 1}
    assert files.data_from_csv("1,2,inf\n3,4,2\n").labels == {"2": 0, "inf": 1}


def test_two_other_label_values_are_mapped_and_said():
    own = files.data_from_csv("0.5,1,-1\n1,2,1\n3,4,-1\n")
    assert own.labels == {"-1": 0, "1": 1}
    assert own.Y.tolist() == [[0, 1, 0]]
    own = files.data_from_csv("x,y,kind\n0.5,1,cat\n1,2,dog\n")
    assert own.labels == {"cat": 0, "dog": 1} and own.X.shape == (2, 2)


@pytest.mark.parametrize("text, message", [
    ("1,2,0\n3,4\n", "line 2: 2 columns; each line must have three"),
    ("1,2,0\n3,four,1\n", "line 2: x1 and x2 must be numbers"),
    ("1,2,0\n3,inf,1\n", "line 2: x1 and x2 must be finite numbers"),
    ("1,2,0\n3,4,0\n", "exactly two values (two classes); found 1"),
    ("1,2,0\n3,4,1\n5,6,2\n", "found 3"),
    ("1,2,0\n3,4,\n", "line 2: the label is empty"),
    ("", "no points"),
    ("x1,x2,label\n", "no points"),
    ("1,2,0\n" * 3 + "9,9,1\n" * 3, None),
    ("".join(f"{i},{i},{i % 2}\n" for i in range(5001)), "line 5001: more than 5,000 points"),
    ("a\x00b", "NUL"),
    ("1,2,0\n1e308,4,1\n", "line 2: x1 = 1e308 is out of range: coordinates go from -1,000,000 to 1,000,000"),
    ("1,2,0\n3,-1e308,1\n", "line 2: x2 = -1e308 is out of range"),
    ("1,2,0\n3,1000000.5,1\n", "line 2: x2 = 1000000.5 is out of range"),
    ("1,2,0\n3,1" + "0" * 300 + ",1\n", "line 2: x2 = 10000000000"),
    ("1,2,0\n3,1" + "0" * 300 + ",1\n", "0… is out of range"),
    ("1,2,0\n3,1" + "0" * 100_000 + ",1\n", "line 2: x1 and x2 must be finite numbers, not '3' and '100"),
    ("1,2,0\n3,x" + "0" * 100_000 + ",1\n", "line 2: x1 and x2 must be numbers, not '3' and 'x000"),
    ("1,1,a\n1,1,b\n1,1," + "c" * 100_000 + "\n", "found 3: 'a', 'b', 'ccc"),
])
def test_a_bad_data_file_says_what_is_wrong_and_where(text, message):
    if message is None:
        assert files.data_from_csv(text).X.shape == (2, 6)
        return
    with pytest.raises(LoadError) as e:
        files.data_from_csv(text)
    assert message in str(e.value)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_load_or_raise_load_error(data):
    for loader in (files.params_from_json, files.data_from_csv):
        try:
            loader(data)
        except LoadError:
            pass


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.one_of(st.floats(allow_nan=True, allow_infinity=True).map(repr),
                                   st.integers(-3, 3).map(str), st.text(max_size=4)),
                         max_size=4), max_size=30))
def test_random_csv_text_loads_or_raises_load_error(rows):
    text = "\n".join(",".join(row) for row in rows)
    try:
        own = files.data_from_csv(text)
    except LoadError:
        return
    assert own.X.shape[0] == 2 and own.X.shape[1] == own.Y.shape[1]
    assert np.isfinite(own.X).all() and set(np.unique(own.Y)) <= {0, 1}


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(json_values, st.sampled_from(["settings", "params", "step", "shapes", None]))
def test_random_json_loads_or_raises_load_error(value, where):
    tr = trained()
    doc = json.loads(files.params_to_json(tr.params, tr.settings, tr.step_count))
    if where is None:
        doc = value
    else:
        doc[where] = value
    try:
        files.params_from_json(json.dumps(doc))
    except LoadError:
        pass
