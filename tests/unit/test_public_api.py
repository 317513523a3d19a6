"""The core's public API, as docs/design.md promises it, importable from the package."""

import numpy as np

import shallownet as sn
from shallownet import datasets


def test_the_public_api_is_there_and_runs():
    for name in ("init_params", "Params", "forward", "compute_cost", "backward", "update", "predict_proba",
                 "predict", "ACTIVATIONS"):
        assert hasattr(sn, name), name
    assert set(sn.ACTIVATIONS) == {"tanh", "sigmoid", "relu", "leaky_relu", "linear"}
    X, Y = datasets.load("moons", m=40, noise=0.2, seed=0)
    assert X.shape == (2, 40) and Y.shape == (1, 40)
    p = sn.init_params(2, 4, seed=0)
    cache = sn.forward(p, X, "tanh")
    grads = sn.backward(p, cache, X, Y, "tanh")
    p2 = sn.update(p, grads, 1.2)
    assert np.isfinite(sn.compute_cost(cache, Y)) and p2 is not p
    assert sn.predict(p2, X, "tanh").shape == (1, 40)
