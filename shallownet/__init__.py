"""shallownet: gradient descent for a neural network with one hidden layer, as in the lecture.

The core is numpy only; see docs/design.md for the notation and the contract.
"""

from shallownet.core import datasets
from shallownet.core.activations import ACTIVATIONS
from shallownet.core.network import (
    Cache,
    Grads,
    Params,
    backward,
    compute_cost,
    forward,
    init_params,
    predict,
    predict_proba,
    update,
)

__all__ = [
    "ACTIVATIONS", "Cache", "datasets", "Grads", "Params", "backward", "compute_cost", "forward",
    "init_params", "predict", "predict_proba", "update",
]
