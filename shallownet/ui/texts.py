"""Every text the app shows, keyed, one table per language.

A page never writes a sentence itself: it asks ``t("key")``. A second language is
one more table with the same keys (tests check that every table has them all).
"""

from __future__ import annotations

EN = {
    # the app
    "app.title": "shallownet",
    "page.playground": "Playground",
    "playground.title": "Gradient descent, one step at a time",
    "playground.intro": (
        "A network with one hidden layer of n1 units learns to separate two classes. "
        "Each step is one full-batch update W := W − α dW, as in the lecture."
    ),
    # buttons (demos and tests rely on these labels)
    "button.step": "Step",
    "button.step10": "×10",
    "button.step100": "×100",
    "button.play": "Play",
    "button.pause": "Pause",
    "button.reset": "Reset",
    "button.new_data": "New data",
    "help.step": "One gradient descent step",
    "help.step10": "Ten steps",
    "help.step100": "A hundred steps",
    "help.play": "Train continuously; the controls stay live",
    "help.pause": "Stop training; the network stays as it is",
    "help.reset": "A new network from the initialisation, on the same data",
    "help.new_data": "Draw new data with the next seed",
    # sidebar sections and settings
    "section.data": "Data",
    "section.network": "Network",
    "section.descent": "Gradient descent",
    "section.display": "Display",
    "setting.dataset": "Data set",
    "setting.m": "Examples m",
    "setting.noise": "Noise",
    "setting.test_fraction": "Test fraction",
    "setting.seed": "Seed",
    "setting.standardize": "Standardise the inputs",
    "setting.n1": "Hidden units n1",
    "setting.activation": "Hidden activation g1",
    "setting.init": "Initialisation",
    "setting.init_scale": "Initial weight scale",
    "setting.alpha": "Learning rate α",
    "setting.speed": "Speed (steps per frame)",
    "setting.cost_log": "Log scale for the cost",
    "help.m": "Number of points, training and test together",
    "help.noise": "Standard deviation of the jitter, relative to the data's size",
    "help.test_fraction": "Share of the points held out to measure generalisation",
    "help.seed": "Same seed, same data and same initial weights",
    "help.standardize": "Shift and scale each input to mean 0, standard deviation 1",
    "help.init": "Zeros never break symmetry: every hidden unit stays the same",
    "help.init_scale": "W1, W2 = scale × N(0, 1); b1, b2 = 0",
    "help.alpha": "Takes effect on the next step, without starting over",
    "help.speed": "Gradient descent steps between two drawings (fewer when the network is too big to keep up)",
    "dataset.moons": "Moons",
    "dataset.circles": "Circles",
    "dataset.flower": "Flower (the assignment's)",
    "dataset.blobs": "Blobs",
    "dataset.xor": "XOR",
    "dataset.spiral": "Spiral",
    "dataset.gaussian_quantiles": "Gaussian quantiles",
    "activation.tanh": "tanh",
    "activation.sigmoid": "sigmoid",
    "activation.relu": "ReLU",
    "activation.leaky_relu": "leaky ReLU",
    "activation.linear": "linear (logistic regression)",
    "init.random": "Random (small)",
    "init.zeros": "Zeros",
    # what happened
    "notice.network": "New network: {what} changed, so training starts again from step 0.",
    "notice.data": "New data and a new network: {what} changed, so training starts again from step 0.",
    "notice.reset": "Reset: a new network from the initialisation, at step 0.",
    "notice.alpha": "α = {alpha} from the next step on; the network keeps training where it was.",
    "diverged": (
        "Training stopped at step {step}: {quantity} became infinite or NaN. "
        "α = {alpha} is too large. The last finite network stays on screen: lower α to go on "
        "from there, or press Reset."
    ),
    "diverged.start": (
        "The initial network already gives an infinite {quantity}: lower the initial weight scale."
    ),
    "quantity.cost": "the cost J",
    "quantity.dW1": "the gradient dW1",
    "quantity.db1": "the gradient db1",
    "quantity.dW2": "the gradient dW2",
    "quantity.db2": "the gradient db2",
    # the live view
    "metric.step": "Step",
    "metric.cost_train": "Cost J, train",
    "metric.cost_test": "Cost J, test",
    "metric.acc_train": "Accuracy, train",
    "metric.acc_test": "Accuracy, test",
    "metric.none": "–",
    "fig.boundary": "Decision boundary: ŷ = A2 over the plane",
    "fig.boundary.line": "A2 = 0.5",
    "fig.train_class0": "train, class 0",
    "fig.train_class1": "train, class 1",
    "fig.test_class0": "test, class 0",
    "fig.test_class1": "test, class 1",
    "fig.cost": "Cost J per step",
    "fig.cost.train": "train",
    "fig.cost.test": "test",
    "fig.grads": "Gradient norms per step",
    "fig.grads.y": "norm",
    "fig.step": "step",
    "live.no_plotly": "The charts could not be loaded (plotly.js did not arrive). Reload the page.",
    "live.draw_error": "A chart could not be drawn:",
}

TABLES = {"en": EN}
DEFAULT_LANGUAGE = "en"


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values) -> str:
    """The text for ``key`` in ``lang``, with ``values`` filled in."""
    text = TABLES.get(lang, EN).get(key)
    if text is None:
        text = EN[key]
    return text.format(**values) if values else text
