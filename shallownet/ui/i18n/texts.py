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
    "live.no_stream": "Slower mode: the frames come with the page's own connection.",
    "live.link_training": ("Training to step {step}, as the link asks: at most {seconds} s, "
                           "then Play goes on from there."),
    "live.link_reached": "Opened from a link: its settings, trained to step {step}.",
    "live.link_stopped": ("Opened from a link that asks for step {goal}: training stopped at step {step} after "
                          "{seconds} s of the server's time. Press Play to go on from there."),
    "live.link_more_ignored": "{count} more of the link's parameters were ignored.",
    "live.paused_for_page": "Training is paused at step {step}, the frame that was on screen. Play goes on from there.",
    # --- lecture pages: shared ---
    "nav.train": "Train",
    "nav.lecture": "The lecture, running",
    "language": "Language",
    "present.switch": "Presentation mode",
    "present.menu": "☰ Pages",
    "present.help": "For a projector: no sidebar, everything larger; n1, α and the activation come into the page",
    "page.equations": "Equations",
    "page.initialisation": "Initialisation",
    "page.gradient_check": "Gradient check",
    "page.hidden_units": "Hidden units",
    "page.hidden_layer_size": "Hidden-layer size",
    # --- page: equations ---
    "eq.intro": (
        "The lecture's four forward and six backward equations, evaluated on the session's network: "
        "under each, the shape of every term and the range of its values now. Train on the Playground, "
        "change n1 or the data in the sidebar, and the shapes and numbers follow."
    ),
    "eq.network": (
        "n1 = **{n1}** hidden units, m = **{m}** training examples (one a column), g1 = {activation}, "
        "at step {step}."
    ),
    "eq.forward": "Forward propagation",
    "eq.backward": "Backpropagation",
    "eq.term": ":gray-background[${latex}\\;\\textbf{{{shape}}}$]",
    "eq.term.result": ":blue-background[${latex}\\;\\textbf{{{shape}}}$]",
    "eq.summary": "min {min}  ·  mean {mean}  ·  max {max}",
    "eq.example.section": "One training example, through the equations",
    "eq.example.intro": (
        "Column i of every (·, m) matrix above belongs to example i alone. Pick it by its index or by "
        "clicking a point."
    ),
    "eq.example.index": "Example i",
    "eq.example.help": "Which training example (a column of X); a click on a point in the plot picks it too",
    "eq.example.fig.title": "Training examples: click one",
    "eq.example.fig.example": "example",
    "eq.example.fig.selected": "chosen",
    "eq.example.col.unit": "unit",
    "eq.example.cut": "Showing {shown} of the {n1} hidden units; the table below has them all.",
    "eq.example.table": "Every hidden unit's values for example {i}",
    "eq.keepdims.section": "Why keepdims=True",
    "eq.keepdims.intro": (
        "db1 = (1/m) np.sum(dZ1, axis=1, keepdims=True). Without keepdims numpy returns a rank-1 array, "
        "and the update b1 := b1 − α db1 quietly broadcasts the ({n1}, 1) column b1 against it: every b1[i] "
        "minus every db1[j]. Computed now, with α = {alpha}:"
    ),
    "eq.keepdims.without": "Without keepdims",
    "eq.keepdims.with": "With keepdims=True",
    "eq.keepdims.code_without": (
        "db1 = np.sum(dZ1, axis=1) / m\n# db1.shape == {shape}\nb1 = b1 - alpha * db1\n# b1.shape == {result}"
    ),
    "eq.keepdims.code_with": (
        "db1 = np.sum(dZ1, axis=1, keepdims=True) / m\n# db1.shape == {shape}\n"
        "b1 = b1 - alpha * db1\n# b1.shape == {result}"
    ),
    "eq.keepdims.cut": "Showing {shown} of {n1} rows and columns.",
    "eq.keepdims.wrong": (
        "b1 became a {result} matrix instead of a {right} column: right on the diagonal only. No error is "
        "raised; the next forward pass then broadcasts W1 X + b1 wrongly too."
    ),
    "eq.keepdims.right": "b1 stays a {right} column: the lecture's update.",
    "eq.keepdims.one_unit": (
        "With n1 = 1 the two agree ((1,) against (1, 1) broadcasts to (1, 1)): the mistake only shows with "
        "two hidden units or more. Raise n1 in the sidebar to see it."
    ),
    # --- page: gradient check ---
    "gc.intro": (
        "Is backprop right? Each parameter's gradient from the six backward equations against central "
        "differences of the cost, (J(θ + ε) − J(θ − ε)) / 2ε, entry by entry, on the session's network. "
        "Pick a deliberately wrong backward pass to see the check catch it."
    ),
    "gc.network": (
        "n1 = **{n1}** hidden units, m = **{m}** training examples, g1 = {activation}, at step {step}; "
        "ε = {eps}, tolerance {tolerance}."
    ),
    "gc.variant": "Backward pass to check",
    "gc.help.variant": "The lecture's equations, or one of them written with a common mistake",
    "gc.variant.correct": "The lecture's six equations (correct)",
    "gc.variant.one_minus_a": "Wrong: tanh′ written as 1 − a",
    "gc.variant.no_one_over_m": "Wrong: dZ2 without the 1/m",
    "gc.variant.no_g_prime": "Wrong: g1′ left out",
    "gc.variant.sign": "Wrong: dZ2 = Y − A2",
    "gc.variant.db1_no_keepdims": "Wrong: db1 without keepdims",
    "gc.mistake.correct": "No mistake: the lecture's six equations.",
    "gc.mistake.one_minus_a": "The mistake: g1′(Z1) taken as 1 − A1 instead of tanh′ = 1 − A1², so dZ1 is wrong.",
    "gc.mistake.no_one_over_m": (
        "The mistake: dW2 = dZ2 A1ᵀ and db2 = Σ dZ2 without the 1/m, so they are m times too large."
    ),
    "gc.mistake.no_g_prime": (
        "The mistake: dZ1 = W2ᵀ dZ2 without the factor * g1′(Z1) (right only for the linear activation, "
        "where g1′ = 1)."
    ),
    "gc.mistake.sign": "The mistake: the sign of dZ2 flipped, so every gradient points uphill.",
    "gc.mistake.db1_no_keepdims": (
        "The mistake: db1 = np.sum(dZ1, axis=1) / m, a rank-1 (n1,) array instead of an (n1, 1) column."
    ),
    "gc.pass": "Pass: backprop agrees with central differences for W1, b1, W2 and b2 (worst relative error {worst}).",
    "gc.fail": "Fail: backprop disagrees with central differences for {params}.",
    "gc.expected": "This mistake is expected to break {params}.",
    "gc.wrong_passes": (
        "This wrong backward pass passes at this network: its mistake changes nothing here (with W2 = 0 no "
        "gradient reaches the hidden layer; with the linear activation g1′ = 1)."
    ),
    "gc.near_kink": (
        "Entries of Z1 within ε of the kink at 0: {n}. There the central difference straddles the kink and "
        "disagrees with backprop's one-sided derivative, so a failure of W1 or b1 is the check's fault, "
        "not backprop's (see ReLU's kink below)."
    ),
    "gc.rounding": (
        "{params}: the gradient is as small as the rounding of J allows central differences to see "
        "(|backprop − numerical| = {difference} ≤ {rounding}), so it passes on that difference although its "
        "relative error is above {tolerance}."
    ),
    "gc.shape": (
        "{param}: backprop gives shape {got} for a parameter of shape {want}. Subtracting the two broadcasts "
        "them into a matrix, and so would the update {param} := {param} − α d{param}."
    ),
    "gc.col.param": "Parameter",
    "gc.col.shape": "Shape (backprop)",
    "gc.col.analytic": "‖backprop‖",
    "gc.col.numerical": "‖central diff.‖",
    "gc.col.error": "Relative error",
    "gc.col.result": "Result",
    "gc.ok": "✓ pass",
    "gc.bad": "✗ FAIL",
    "gc.fig.title": "Relative error ‖a − n‖ / (‖a‖ + ‖n‖)",
    "gc.fig.y": "relative error",
    "gc.fig.tolerance": "tolerance {tolerance}",
    "gc.fig.zero": "0",
    "gc.overview": "Every backward pass at this network",
    "gc.overview.caption": (
        "Which gradients each backward pass gets wrong, checked against the same central differences."
    ),
    "gc.col.variant": "Backward pass",
    "gc.kink.section": "ReLU's kink: when the check itself is wrong",
    "gc.kink.explain": (
        "ReLU has no derivative at z = 0. Backprop takes the lecture's relu′(0) = 0, a one-sided slope. A "
        "central difference that straddles the kink measures (relu(ε) − relu(−ε)) / 2ε = 1/2 instead, so "
        "wherever a pre-activation lies within ε of 0 the two disagree by far more than the tolerance, "
        "although backprop is right. Below: the session's weights run with ReLU, once as they are and "
        "once with b1[{unit}] shifted so that example {example}'s z1 in unit {unit} sits at the kink."
    ),
    "gc.kink.case": (
        "Unit {unit}, example {example}: z1 = {z} after the shift. Entries of Z1 within reach of the kink: "
        "{before} before, {near} after."
    ),
    "gc.kink.before": "as trained (ReLU)",
    "gc.kink.at": "at the kink",
    "gc.kink.result_pass": "At the kink the check passes here (the example barely reaches the cost).",
    "gc.kink.result_fail": "At the kink the check fails for {params}, with the very same correct backprop.",
    "gc.kink.no_w2": (
        "Every weight of W2 is 0 (zeros initialisation): no hidden unit reaches the cost, so no kink can "
        "show. Choose random initialisation in the sidebar."
    ),
    "gc.kink.fig.title": "ReLU around 0, z in units of ε",
    "gc.kink.fig.z": "z",
    "gc.kink.fig.relu": "relu(z)",
    "gc.kink.fig.secant": "central difference: slope 1/2",
    "gc.kink.fig.backprop": "backprop: relu′(0) = 0",
    # --- page: initialisation ---
    "initialisation.intro": (
        "Why the weights start small and random. Both studies below train extra networks on the "
        "session's data with its settings (n1, g1, α), changing only how the weights start."
    ),
    "initialisation.section.symmetry": "Zeros against small random weights",
    "initialisation.symmetry.explain": (
        "With zero weights every hidden unit computes the same function of the input, so each gets "
        "the same gradient and gradient descent keeps them identical: the rows of W1 stay equal, and "
        "n1 units do no more than one. Small random weights break that symmetry."
    ),
    "initialisation.steps": "Steps of gradient descent",
    "initialisation.help.steps": "Both networks are trained this many steps, from the same data",
    "initialisation.capped": (
        "This network is large (n1 = {n1}, m = {m}): each run trains {steps} steps instead of {asked}, "
        "so that the page answers within seconds."
    ),
    "initialisation.progress.compare": "Training zeros and random weights: {done} of {total} steps",
    "initialisation.run.zeros": "Zeros",
    "initialisation.run.random": "Random × {scale}",
    "initialisation.panel": "{run}, after {steps} steps",
    "initialisation.metric.symmetry": "Symmetry",
    "initialisation.help.symmetry": (
        "The largest difference between two rows of W1, input by input: 0 when every hidden unit "
        "has the same weights"
    ),
    "initialisation.metric.acc": "Accuracy, train",
    "initialisation.metric.cost": "Cost J, train",
    "initialisation.one_unit": (
        "With n1 = 1 there are no two rows of W1 to compare: the symmetry measure is 0 for both. "
        "Choose more hidden units in the sidebar."
    ),
    "initialisation.zeros_stay_zero": (
        "With {activation}, g1(0) = 0: under zeros A1 = 0 and W2 = 0, so dW1 = 0 and W1 never moves. "
        "The sigmoid's g1(0) is 1/2, which moves the rows, all together, when the classes are unequal."
    ),
    "initialisation.zeros_balanced": (
        "With the sigmoid, g1(0) = 1/2, yet under zeros nothing moves here either: a2 = 1/2 for every "
        "example, so dZ2 = 1/2 - y sums to 0 over a training set with as many points of each class "
        "(this one), and dW2 = db2 = 0, then dW1 = 0. The zero network is a stationary point. With "
        "unequal classes W2 moves first, then the rows of W1 move, all together."
    ),
    "initialisation.diverged": (
        "{run}: training stopped at step {step}: {quantity} became infinite or NaN (α = {alpha}); "
        "the last finite network is shown."
    ),
    "initialisation.fig.rows": "{run}: the rows of W1",
    "initialisation.fig.unit": "unit {i}",
    "initialisation.fig.input0": "W1[i, 0]",
    "initialisation.fig.input1": "W1[i, 1]",
    "initialisation.fig.value": "weight",
    "initialisation.section.scale": "The initial scale: large weights saturate g1",
    "initialisation.scale.explain": (
        "Large initial weights make |Z1| large, where tanh is flat: its slope g1'(Z1) = 1 − a² is "
        "near 0, the gradients through the hidden layer almost vanish, and learning is slow. Small "
        "weights keep Z1 near 0, where the slope is close to 1."
    ),
    "initialisation.scale": "Scale to try on this page",
    "initialisation.help.scale": (
        "The initial scale of this section's networks only: W1, W2 = scale × N(0, 1), b1, b2 = 0; the cost "
        "curves below also show scales 0.01, 0.1, 1 and 10. The sidebar's “{setting}” ({value} now) is "
        "another setting: it starts the Playground's network and the random weights above."
    ),
    "initialisation.progress.scale": "Training one network per scale: {done} of {total} steps",
    "initialisation.no_saturation": (
        "{activation} does not saturate: its slope g1'(Z1) does not fall towards 0 for large |Z1|, "
        "whatever the scale. Choose tanh or sigmoid in the sidebar to see saturation."
    ),
    "initialisation.metric.mean_dg": "Mean g1'(Z1) at initialisation",
    "initialisation.metric.cost0": "Cost J at step 0",
    "initialisation.metric.cost_end": "Cost J after {steps} steps",
    "initialisation.fig.dg": "g1'(Z1) at initialisation, scale {scale}",
    "initialisation.fig.dg.x": "g1'(Z1), one entry per unit and example",
    "initialisation.fig.dg.y": "share of the entries (%)",
    "initialisation.fig.dg.mean": "mean {mean:.3f}",
    "initialisation.fig.costs": "Cost J per step, by initial scale",
    "initialisation.fig.scale": "scale {scale}",
    "initialisation.fig.scale_stopped": "scale {scale} (stopped at step {step})",
    # --- page: hidden units ---
    "hidden_units.intro": (
        "What each hidden unit of the session's network computes, and how the output puts them "
        "together. Change n1 or the data set in the sidebar and train on the Playground: this page "
        "shows the network as it is."
    ),
    "hidden_units.why": (
        "Each hidden unit draws one straight line, W1[i]·x + b1[i] = 0, and the output adds the units' "
        "ridges weighted by W2, so its boundary is pieced together from these n1 lines. The flower's "
        "petals alternate between the classes around its centre: one line leaves petals of both classes "
        "on each side (67.5 % in the course assignment), and two ridges can set apart only one of the "
        "four sectors their lines make, never two opposite ones (67.25 %). Three lines through the "
        "centre make six sectors, which the output can give alternate classes, following the petals "
        "(90.75 % with n1 = 3)."
    ),
    "hidden_units.network": "n1 = {n1} hidden units, g1 = {activation}, after {step} steps on {dataset}.",
    "hidden_units.untrained": (
        "This network has not been trained yet: its weights are still the small random start, so "
        "every unit is nearly flat. Train it on the Playground, then come back."
    ),
    "hidden_units.section.units": "Each hidden unit over the plane",
    "hidden_units.units.explain": (
        "a1[i] over the plane, one panel per unit, on one colour scale: green where the unit is above "
        "g1(0), purple where it is below; the dashed line is W1[i]·x + b1[i] = 0. The panel's title "
        "gives W2[i], the weight the output gives the unit."
    ),
    "hidden_units.capped": (
        "Showing the first {shown} of the {n1} hidden units; the lines and the diagram show them all."
    ),
    "hidden_units.no_line": "No line in view for unit {units}: W1[i] is 0 or its line lies outside the plane shown.",
    "hidden_units.section.lines": "The lines, weighted by W2, and the network",
    "hidden_units.fig.unit": "unit {i} · W2 = {w2}",
    "hidden_units.fig.value": "a1",
    "hidden_units.fig.unit_line": "W1[i]·x + b1[i] = 0",
    "hidden_units.fig.class0": "class 0",
    "hidden_units.fig.class1": "class 1",
    "hidden_units.fig.lines": "Each unit's line and its weight W2[i]",
    "hidden_units.lines.explain": (
        "Left: each unit's line W1[i]·x + b1[i] = 0 over the data, green when W2[i] > 0, purple when "
        "W2[i] < 0, the wider the larger |W2[i]|, with the network's boundary ŷ = 0.5 dotted. Right: the "
        "network, every weight and bias an edge, coloured by its sign, as wide as it is large; hover an "
        "edge for its value."
    ),
    "hidden_units.fig.line": "unit {i}: W2 = {w2}",
    "hidden_units.fig.boundary": "the network's boundary ŷ = 0.5",
    "hidden_units.fig.diagram": "The network: 2 inputs, n1 hidden units, 1 output",
    "hidden_units.fig.positive": "positive",
    "hidden_units.fig.negative": "negative",
    "hidden_units.fig.zero": "zero",
    "hidden_units.fig.bias": "bias input 1",
    "hidden_units.fig.node": "{label}",
    # --- page: hidden-layer size ---
    "size.intro": (
        "How many hidden units does the data need? Each n1 below is trained for the same number "
        "of steps, on the session's data with its activation, α and initialisation, next to "
        "logistic regression (no hidden layer at all). The Assignment button replays the course "
        "assignment's table exactly."
    ),
    "size.section.sweep": "Accuracy against the number of hidden units",
    "size.sizes": "Hidden-layer sizes n1",
    "size.help.sizes": "Each size is trained from its own small random start, on the same data",
    "size.steps": "Steps for each size",
    "size.button.train": "Train these sizes",
    "size.help.train": "Train each n1 on the current data and settings",
    "size.button.assignment": "Assignment",
    "size.help.assignment": (
        "Replay the course assignment: flower data, all 400 points for training, tanh, α = 1.2, "
        "5,000 steps for n1 = 1 to 5, 20 and 50"
    ),
    "size.no_sizes": "Pick at least one hidden-layer size to train.",
    "size.what.sweep": "These sizes and steps",
    "size.what.alphas": "These learning rates and steps",
    "size.too_much": (
        "Too much work: {what} would train {work} hidden units × examples × steps, more than the "
        "{limit} this page allows so that it answers within seconds. Use fewer steps, fewer or "
        "smaller sizes, or fewer examples m."
    ),
    "size.progress": "Training: {done} of {total} steps",
    "size.caption.sweep": (
        "n1 = {sizes}, {steps} steps each, on {dataset} (m = {m}, test fraction {test}), "
        "{activation}, α = {alpha}, {init} initialisation."
    ),
    "size.caption.assignment": (
        "The course assignment replayed: flower data (m = 400, seed 1, all for training), its initial "
        "weights, tanh, α = 1.2, {steps} steps for each n1. “Published” is the assignment's own table."
    ),
    "size.stale": (
        "These results belong to other settings than the current ones: {what} changed since. "
        "Press “Train these sizes” to train on the current settings."
    ),
    "size.matches": "Reproduced: every published accuracy is matched exactly.",
    "size.mismatch": "Not the published accuracy for n1 = {n1s}.",
    "size.diverged": (
        "Training stopped for n1 = {n1s}: the cost or a gradient became infinite or NaN, so the last "
        "finite network is shown. Lower α."
    ),
    "size.col.model": "Model",
    "size.row.n1": "n1 = {n1}",
    "size.row.baseline": "Logistic regression",
    "size.col.train": "Train (%)",
    "size.col.test": "Test (%)",
    "size.col.published": "Published (%)",
    "size.col.cost": "Cost J",
    "size.help.col.train": "Accuracy on the training set, in percent",
    "size.help.col.test": "Accuracy on the test set, in percent",
    "size.help.col.published": "The training accuracy the course assignment prints",
    "size.help.col.cost": "The cost J on the training set after the last step",
    "size.help.col.steps": "Steps trained (fewer if training stopped)",
    "size.col.steps": "Steps",
    "size.boundaries": "Decision boundaries",
    "size.panel": "<b>n1 = {n1}</b><br>{train} %",
    "size.panel.test": "<b>n1 = {n1}</b><br>{train} % / {test} %",
    "size.panel.baseline": "<b>logistic regression</b><br>{train} %",
    "size.panel.baseline.test": "<b>logistic regression</b><br>{train} % / {test} %",
    "size.panels.caption": "Each panel: ŷ = A2 over the plane, its 0.5 line, and the accuracy (train / test).",
    "size.fig.accuracy": "Accuracy against n1",
    "size.fig.n1": "hidden units n1",
    "size.fig.acc": "accuracy",
    "size.fig.train": "train",
    "size.fig.test": "test",
    "size.fig.published": "published (the assignment)",
    "size.fig.baseline_train": "logistic regression, train",
    "size.fig.baseline_test": "logistic regression, test",
    "size.section.alpha": "Learning rates from the same start",
    "size.alpha.intro": (
        "Several α from the same initial weights, on the session's data and network: too small and the "
        "cost hardly moves; too large and it overshoots, oscillates or diverges."
    ),
    "size.alphas": "Learning rates α",
    "size.alpha_steps": "Steps for each α",
    "size.button.alphas": "Train these learning rates",
    "size.help.alphas": "Train the current network from its initial weights once for each α",
    "size.no_alphas": "Pick at least one learning rate.",
    "size.alpha.log": "Log scale for the cost",
    "size.caption.alphas": (
        "α = {alphas}, {steps} steps each from the same initial weights: n1 = {n1}, {activation}, on "
        "{dataset} (m = {m}), {init} initialisation."
    ),
    "size.alpha.stale": (
        "These curves belong to other settings than the current ones: {what} changed since. "
        "Press “Train these learning rates” to train on the current settings."
    ),
    "size.fig.alphas": "Cost J per step, one curve per α",
    "size.fig.alpha": "α = {alpha}",
    "size.fig.alpha_diverged": "α = {alpha} (stopped at step {step})",
    # --- share, save and your own data ---
    "exchange.title": "Share, save and your own data",
    "share.link": "This page's link: the same settings, data, initial weights and step wherever it is opened",
    "share.opened": "Opened from a link: its settings, trained to step {step}.",
    "share.training": "Training to step {step}, as the link asks",
    "share.ignored": "The link's {name} = {value} was ignored ({reason}); its default is used.",
    "share.unknown": "The link's {name} = {value} was ignored: {reason}.",
    "download.params": "Parameters (JSON)",
    "download.history": "History (CSV)",
    "download.data": "Data (CSV)",
    "download.png": "Boundary (PNG)",
    "upload.params": "Load parameters (JSON)",
    "upload.params.help": "A parameter file downloaded here: that network, with its settings and step",
    "upload.params.bad": "{name} was not loaded: {problem}. The network on screen stays.",
    "upload.params.own": "{name} was trained on someone's own points, which are not here: load them first (CSV).",
    "upload.params.done": "Loaded {name}: its network at step {step}.",
    "upload.data": "Your own data (CSV of x1, x2, label)",
    "upload.data.help": "One point a line: x1, x2 and its label; a header row may come first; at most 5,000 points",
    "upload.data.bad": "{name} was not loaded: {problem}. The data on screen stay.",
    "upload.data.done": "Training on your {m} points from {name}.",
    "upload.data.mapped": "Training on your {m} points from {name}; its labels became classes: {mapping}.",
    "dataset.own": "Your own points",
    "click.class": "A click on the plane adds a point of",
    "click.off": "nothing (off)",
    "click.class0": "class 0 (orange)",
    "click.class1": "class 1 (blue)",
    "click.help": "Click the decision boundary's plot: the point joins the training data and the network trains on",
    "click.undo": "Undo point",
    "click.clear": "Clear my points",
    "click.count": "{count} point(s) added by clicking.",
    # --- preset: course assignment ---
    "preset.section": "Preset",
    "preset.course_assignment": "Course assignment",
    "preset.help.course_assignment": (
        "The course assignment's exact run: flower data (m = 400, seed 1, no test split), its initial "
        "weights, n1 = 4, tanh, α = 1.2. Press ×100 ten times: step 1,000 shows J = 0.2881 (the "
        "assignment prints 0.288083)."
    ),
    "preset.applied": (
        "Preset “{name}”: its data, initial weights and settings, at step 0. Play to see its run."
    ),
}

KO = {
    # the app
    "app.title": "shallownet",
    "page.playground": "플레이그라운드",
    "playground.title": "기울기 강하, 한 스텝씩",
    "playground.intro": (
        "n1개의 유닛으로 된 숨겨진 레이어 (은닉층) 하나를 가진 신경망이 두 클래스를 구분하는 법을 배웁니다. 각 스텝은 "
        "강의에서처럼 전체 배치로 한 번 하는 기울기 강하 (경사 하강법) 업데이트 W := W − α dW입니다."
    ),
    # buttons (demos and tests rely on these labels)
    "button.step": "스텝",
    "button.step10": "×10",
    "button.step100": "×100",
    "button.play": "재생",
    "button.pause": "일시정지",
    "button.reset": "리셋",
    "button.new_data": "새 데이터",
    "help.step": "기울기 강하 한 스텝",
    "help.step10": "10 스텝",
    "help.step100": "100 스텝",
    "help.play": "계속 트레이닝합니다. 그동안에도 설정을 바꿀 수 있습니다",
    "help.pause": "트레이닝을 멈춥니다. 신경망은 지금 상태 그대로 남습니다",
    "help.reset": "같은 데이터에서, 초기화한 새 신경망으로 다시 시작합니다",
    "help.new_data": "다음 시드로 새 데이터를 생성합니다",
    # sidebar sections and settings
    "section.data": "데이터",
    "section.network": "신경망",
    "section.descent": "기울기 강하",
    "section.display": "표시",
    "setting.dataset": "데이터 세트",
    "setting.m": "예시 수 m",
    "setting.noise": "노이즈",
    "setting.test_fraction": "테스트 비율",
    "setting.seed": "시드",
    "setting.standardize": "입력 표준화",
    "setting.n1": "숨겨진 유닛 수 n1",
    "setting.activation": "숨겨진 레이어 활성화 함수 g1",
    "setting.init": "초기화",
    "setting.init_scale": "초기 가중치 스케일",
    "setting.alpha": "러닝속도 α",
    "setting.speed": "속도 (프레임당 스텝 수)",
    "setting.cost_log": "비용을 로그 스케일로",
    "help.m": "점의 개수 (트레이닝과 테스트 합계)",
    "help.noise": "흔들림의 표준편차 (데이터 크기에 대한 비율)",
    "help.test_fraction": "일반화 성능을 재기 위해 따로 떼어 두는 점의 비율",
    "help.seed": "같은 시드면 같은 데이터와 같은 초기 가중치",
    "help.standardize": "각 입력을 평균 0, 표준편차 1이 되도록 이동하고 스케일을 조정합니다",
    "help.init": "0으로 초기화하면 대칭이 깨지지 않습니다: 모든 숨겨진 유닛이 계속 똑같습니다",
    "help.init_scale": "W1, W2 = 스케일 × N(0, 1); b1, b2 = 0",
    "help.alpha": "러닝속도 (학습률) α는 처음부터 다시 시작하지 않고 다음 스텝부터 적용됩니다",
    "help.speed": "두 번 그리는 사이에 진행하는 기울기 강하 스텝 수 (신경망이 너무 커서 따라가지 못하면 더 적게)",
    "dataset.moons": "초승달",
    "dataset.circles": "동심원",
    "dataset.flower": "꽃 (과제 데이터)",
    "dataset.blobs": "군집",
    "dataset.xor": "XOR",
    "dataset.spiral": "나선",
    "dataset.gaussian_quantiles": "가우시안 분위수",
    "activation.tanh": "tanh",
    "activation.sigmoid": "시그모이드",
    "activation.relu": "ReLU",
    "activation.leaky_relu": "leaky ReLU",
    "activation.linear": "선형 (로지스틱 회귀)",
    "init.random": "임의 (작은 값)",
    "init.zeros": "모두 0",
    # what happened
    "notice.network": "새 신경망: {what} 설정이 바뀌어 트레이닝을 스텝 0부터 다시 시작합니다.",
    "notice.data": "새 데이터와 새 신경망: {what} 설정이 바뀌어 트레이닝을 스텝 0부터 다시 시작합니다.",
    "notice.reset": "리셋: 초기화한 새 신경망으로 스텝 0부터 시작합니다.",
    "notice.alpha": "다음 스텝부터 α = {alpha}입니다. 신경망은 하던 곳에서 트레이닝을 이어 갑니다.",
    "diverged": (
        "스텝 {step}에서 트레이닝이 멈췄습니다: {quantity} 값이 무한대 또는 NaN이 되었습니다. 원인은 너무 큰 α = "
        "{alpha}입니다. 값이 유한했던 마지막 신경망이 화면에 남아 있습니다: α를 낮춰 거기서부터 이어 가거나 리셋을 "
        "누르세요."
    ),
    "diverged.start": "초기 신경망에서 이미 {quantity} 값이 무한대입니다: 초기 가중치 스케일을 낮추세요.",
    "quantity.cost": "비용 J",
    "quantity.dW1": "기울기 dW1",
    "quantity.db1": "기울기 db1",
    "quantity.dW2": "기울기 dW2",
    "quantity.db2": "기울기 db2",
    # the live view
    "metric.step": "스텝",
    "metric.cost_train": "비용 J, 트레이닝",
    "metric.cost_test": "비용 J, 테스트",
    "metric.acc_train": "정확도, 트레이닝",
    "metric.acc_test": "정확도, 테스트",
    "metric.none": "–",
    "fig.boundary": "결정 경계: 평면 위의 ŷ = A2",
    "fig.boundary.line": "A2 = 0.5",
    "fig.train_class0": "트레이닝, 클래스 0",
    "fig.train_class1": "트레이닝, 클래스 1",
    "fig.test_class0": "테스트, 클래스 0",
    "fig.test_class1": "테스트, 클래스 1",
    "fig.cost": "스텝별 비용 J",
    "fig.cost.train": "트레이닝",
    "fig.cost.test": "테스트",
    "fig.grads": "스텝별 기울기 노름",
    "fig.grads.y": "노름",
    "fig.step": "스텝",
    "live.no_plotly": "차트를 불러오지 못했습니다 (plotly.js가 도착하지 않았습니다). 페이지를 새로 고치세요.",
    "live.draw_error": "차트를 그리지 못했습니다:",
    "live.no_stream": "느린 모드: 프레임이 페이지의 기본 연결로 전달됩니다.",
    "live.link_training": ("링크가 요청한 대로 스텝 {step}까지 트레이닝합니다: 최대 {seconds}초, "
                           "그다음은 재생으로 이어 갈 수 있습니다."),
    "live.link_reached": "링크에서 열었습니다: 링크의 설정으로 스텝 {step}까지 트레이닝했습니다.",
    "live.link_stopped": ("스텝 {goal}을 요청하는 링크에서 열었습니다: 서버 시간 {seconds}초 후 스텝 {step}에서 "
                          "트레이닝을 멈췄습니다. 재생을 누르면 거기서부터 이어 갑니다."),
    "live.link_more_ignored": "링크의 매개변수 {count}개가 더 무시되었습니다.",
    "live.paused_for_page": ("트레이닝이 화면에 있던 프레임인 스텝 {step}에서 일시 정지되었습니다. "
                             "재생을 누르면 거기서부터 이어 갑니다."),
    # --- lecture pages: shared ---
    "nav.train": "트레이닝",
    "nav.lecture": "실행해 보는 강의",
    "language": "언어",
    "present.switch": "발표 모드",
    "present.menu": "☰ 페이지",
    "present.help": "프로젝터용: 사이드바 없이 모두 크게 보이고, n1, α, 활성화 함수 설정이 페이지 안에 나옵니다",
    "page.equations": "공식",
    "page.initialisation": "초기화",
    "page.gradient_check": "기울기 검사",
    "page.hidden_units": "숨겨진 유닛",
    "page.hidden_layer_size": "숨겨진 레이어 크기",
    # --- page: equations ---
    "eq.intro": (
        "강의의 전 방향전파 (순전파) 공식 4개와 후 방향전파 (역전파) 공식 6개를 이 세션의 신경망으로 계산합니다. 각 "
        "공식 아래에는 모든 항의 차원과 지금 값의 범위가 나옵니다. 플레이그라운드에서 트레이닝하거나 사이드바에서 "
        "n1이나 데이터를 바꾸면 차원과 숫자도 따라 바뀝니다."
    ),
    "eq.network": (
        "숨겨진 유닛 n1 = **{n1}**개, 트레이닝 예시 m = **{m}**개 (예시 하나가 한 열), g1 = {activation}, 스텝 {step}."
    ),
    "eq.forward": "전 방향전파",
    "eq.backward": "후 방향전파",
    "eq.term": ":gray-background[${latex}\\;\\textbf{{{shape}}}$]",
    "eq.term.result": ":blue-background[${latex}\\;\\textbf{{{shape}}}$]",
    "eq.summary": "최소 {min}  ·  평균 {mean}  ·  최대 {max}",
    "eq.example.section": "트레이닝 예시 하나가 공식을 거치는 과정",
    "eq.example.intro": (
        "위의 모든 (·, m) 매트릭스에서 i번째 열은 예시 i에만 속합니다. 인덱스로 고르거나 점을 클릭해 고르세요."
    ),
    "eq.example.index": "예시 i",
    "eq.example.help": "어느 트레이닝 예시인지 (X의 한 열). 그림에서 점을 클릭해도 고를 수 있습니다",
    "eq.example.fig.title": "트레이닝 예시: 하나를 클릭하세요",
    "eq.example.fig.example": "예시",
    "eq.example.fig.selected": "선택됨",
    "eq.example.col.unit": "유닛",
    "eq.example.cut": "숨겨진 유닛 {n1}개 중 {shown}개를 보여 줍니다. 아래 표에는 모두 있습니다.",
    "eq.example.table": "예시 {i}에 대한 모든 숨겨진 유닛의 값",
    "eq.keepdims.section": "왜 keepdims=True인가",
    "eq.keepdims.intro": (
        "db1 = (1/m) np.sum(dZ1, axis=1, keepdims=True). keepdims가 없으면 numpy는 rank 1 배열을 돌려주고, 업데이트 b1 "
        ":= b1 − α db1은 ({n1}, 1) 열 벡터 b1을 그것과 아무 경고 없이 브로드캐스트합니다: 모든 b1[i]에서 모든 db1[j]를 "
        "빼는 것입니다. α = {alpha}로 지금 계산한 결과:"
    ),
    "eq.keepdims.without": "keepdims 없이",
    "eq.keepdims.with": "keepdims=True로",
    "eq.keepdims.code_without": (
        "db1 = np.sum(dZ1, axis=1) / m\n# db1.shape == {shape}\nb1 = b1 - alpha * db1\n# b1.shape == {result}"
    ),
    "eq.keepdims.code_with": (
        "db1 = np.sum(dZ1, axis=1, keepdims=True) / m\n# db1.shape == {shape}\nb1 = b1 - alpha * db1\n# b1.shape == "
        "{result}"
    ),
    "eq.keepdims.cut": "{n1}개 중 {shown}개의 행과 열을 보여 줍니다.",
    "eq.keepdims.wrong": (
        "b1이 {right} 열 벡터가 아니라 {result} 매트릭스가 되었습니다: 대각선에서만 맞습니다. 오류는 나지 않으며, 다음 "
        "전 방향전파에서 W1 X + b1도 잘못 브로드캐스트됩니다."
    ),
    "eq.keepdims.right": "b1은 {right} 열 벡터로 유지됩니다: 강의의 업데이트입니다.",
    "eq.keepdims.one_unit": (
        "n1 = 1이면 둘은 같습니다 ((1,)과 (1, 1)은 (1, 1)로 브로드캐스트됩니다): 이 실수는 숨겨진 유닛이 두 개 이상일 "
        "때만 드러납니다. 사이드바에서 n1을 늘려 확인해 보세요."
    ),
    # --- page: gradient check ---
    "gc.intro": (
        "후 방향전파 (역전파)가 맞을까요? 후 방향전파 공식 6개로 구한 각 파라미터의 기울기를 비용의 중심 차분 (J(θ + "
        "ε) − J(θ − ε)) / 2ε과 원소별로 비교합니다. 대상은 이 세션의 신경망입니다. 일부러 틀린 후 방향전파를 골라 "
        "검사가 잡아내는지 보세요."
    ),
    "gc.network": (
        "숨겨진 유닛 n1 = **{n1}**개, 트레이닝 예시 m = **{m}**개, g1 = {activation}, 스텝 {step}; ε = {eps}, 허용 "
        "오차 {tolerance}."
    ),
    "gc.variant": "검사할 후 방향전파",
    "gc.help.variant": "강의의 공식, 또는 그중 하나를 흔한 실수로 잘못 쓴 것",
    "gc.variant.correct": "강의의 공식 6개 (올바름)",
    "gc.variant.one_minus_a": "틀림: tanh′를 1 − a로 씀",
    "gc.variant.no_one_over_m": "틀림: dZ2에서 1/m 빠짐",
    "gc.variant.no_g_prime": "틀림: g1′ 빠짐",
    "gc.variant.sign": "틀림: dZ2 = Y − A2",
    "gc.variant.db1_no_keepdims": "틀림: db1에 keepdims 없음",
    "gc.mistake.correct": "실수 없음: 강의의 공식 6개입니다.",
    "gc.mistake.one_minus_a": "실수: g1′(Z1)을 tanh′ = 1 − A1² 대신 1 − A1로 썼으므로 dZ1이 틀립니다.",
    "gc.mistake.no_one_over_m": "실수: dW2 = dZ2 A1ᵀ, db2 = Σ dZ2에서 1/m이 빠져 값이 m배로 커집니다.",
    "gc.mistake.no_g_prime": (
        "실수: dZ1 = W2ᵀ dZ2에서 인수 * g1′(Z1)이 빠졌습니다 (g1′ = 1인 선형 활성화 함수에서만 맞습니다)."
    ),
    "gc.mistake.sign": "실수: dZ2의 부호가 뒤집혀 모든 기울기가 오르막을 가리킵니다.",
    "gc.mistake.db1_no_keepdims": (
        "실수: db1 = np.sum(dZ1, axis=1) / m은 (n1, 1) 열 벡터가 아니라 rank 1인 (n1,) 배열입니다."
    ),
    "gc.pass": "통과: W1, b1, W2, b2 모두 후 방향전파와 중심 차분이 일치합니다 (최대 상대 오차 {worst}).",
    "gc.fail": "실패: {params}에서 후 방향전파와 중심 차분이 일치하지 않습니다.",
    "gc.expected": "이 실수로 틀어질 것으로 예상되는 파라미터: {params}.",
    "gc.wrong_passes": (
        "이 틀린 후 방향전파는 지금 신경망에서는 통과합니다: 여기서는 그 실수가 아무것도 바꾸지 않습니다 (W2 = 0이면 "
        "숨겨진 레이어까지 기울기가 전달되지 않고, 선형 활성화 함수에서는 g1′ = 1입니다)."
    ),
    "gc.near_kink": (
        "0에 있는 꺾인 점에서 ε 이내에 있는 Z1 원소 수: {n}. 그곳에서는 중심 차분이 꺾인 점을 가로질러 후 방향전파의 "
        "한쪽 미분값과 어긋나므로, W1이나 b1의 실패는 후 방향전파가 아니라 검사 탓입니다 (아래 ReLU의 꺾인 점 참고)."
    ),
    "gc.rounding": (
        "{params}: 기울기가 J의 반올림 오차 때문에 중심 차분으로 알아볼 수 있는 한계만큼 작습니다 (|후 방향전파 − 수치 "
        "미분| = {difference} ≤ {rounding}). 그래서 상대 오차는 {tolerance}보다 크지만 이 차이를 기준으로 통과합니다."
    ),
    "gc.shape": (
        "{param}: 파라미터의 차원은 {want}이지만 후 방향전파가 준 차원은 {got}입니다. 둘을 빼면 브로드캐스트되어 "
        "매트릭스가 되고, 업데이트 {param} := {param} − α d{param}도 마찬가지입니다."
    ),
    "gc.col.param": "파라미터",
    "gc.col.shape": "차원 (후 방향전파)",
    "gc.col.analytic": "‖후 방향전파‖",
    "gc.col.numerical": "‖중심 차분‖",
    "gc.col.error": "상대 오차",
    "gc.col.result": "결과",
    "gc.ok": "✓ 통과",
    "gc.bad": "✗ 실패",
    "gc.fig.title": "상대 오차 ‖a − n‖ / (‖a‖ + ‖n‖)",
    "gc.fig.y": "상대 오차",
    "gc.fig.tolerance": "허용 오차 {tolerance}",
    "gc.fig.zero": "0",
    "gc.overview": "이 신경망에서 검사한 모든 후 방향전파",
    "gc.overview.caption": "각 후 방향전파가 어느 기울기를 틀리는지, 같은 중심 차분과 비교해 검사한 결과입니다.",
    "gc.col.variant": "후 방향전파",
    "gc.kink.section": "ReLU의 꺾인 점: 검사 자체가 틀릴 때",
    "gc.kink.explain": (
        "ReLU는 z = 0에서 미분할 수 없습니다. 후 방향전파는 강의대로 relu′(0) = 0, 즉 한쪽 기울기를 씁니다. 꺾인 점을 "
        "가로지르는 중심 차분은 대신 (relu(ε) − relu(−ε)) / 2ε = 1/2을 잽니다. 그래서 활성화 전 값이 0에서 ε 이내에 "
        "있는 곳에서는 후 방향전파가 맞는데도 둘이 허용 오차보다 훨씬 크게 어긋납니다. 아래: 세션의 가중치를 ReLU로 "
        "실행합니다. 한 번은 그대로, 한 번은 유닛 {unit}에서 예시 {example}의 z1이 꺾인 점에 오도록 b1[{unit}]을 "
        "옮겨서."
    ),
    "gc.kink.case": (
        "유닛 {unit}, 예시 {example}: 옮긴 뒤 z1 = {z}. 꺾인 점에 닿을 만큼 가까운 Z1 원소: 옮기기 전 {before}개, 옮긴 "
        "뒤 {near}개."
    ),
    "gc.kink.before": "트레이닝된 그대로 (ReLU)",
    "gc.kink.at": "꺾인 점에서",
    "gc.kink.result_pass": "여기서는 꺾인 점에서도 검사가 통과합니다 (이 예시는 비용에 거의 영향을 주지 않습니다).",
    "gc.kink.result_fail": "꺾인 점에서는 똑같이 올바른 후 방향전파인데도 {params}에서 검사가 실패합니다.",
    "gc.kink.no_w2": (
        "W2의 가중치가 모두 0입니다 (0으로 초기화): 어느 숨겨진 유닛도 비용에 영향을 주지 않으므로 꺾인 점이 드러날 수 "
        "없습니다. 사이드바에서 임의 초기화를 고르세요."
    ),
    "gc.kink.fig.title": "0 근처의 ReLU, z는 ε 단위",
    "gc.kink.fig.z": "z",
    "gc.kink.fig.relu": "relu(z)",
    "gc.kink.fig.secant": "중심 차분: 기울기 1/2",
    "gc.kink.fig.backprop": "후 방향전파: relu′(0) = 0",
    # --- page: initialisation ---
    "initialisation.intro": (
        "가중치를 왜 작은 임의의 값으로 시작할까요? 아래 두 실험은 세션의 데이터와 설정 (n1, g1, α)으로 신경망을 "
        "추가로 트레이닝하며, 가중치의 시작값만 바꿉니다."
    ),
    "initialisation.section.symmetry": "모두 0 대 작은 임의 가중치",
    "initialisation.symmetry.explain": (
        "가중치가 0이면 모든 숨겨진 유닛이 입력에 대해 같은 함수를 계산하므로 모두 같은 기울기를 받고, 기울기 강하는 "
        "이들을 계속 똑같이 유지합니다: W1의 행들이 계속 같아서 n1개의 유닛이 유닛 하나 이상의 일을 하지 못합니다. "
        "작은 임의 가중치가 이 대칭을 깨뜨립니다."
    ),
    "initialisation.steps": "기울기 강하 스텝 수",
    "initialisation.help.steps": "두 신경망 모두 같은 데이터에서 이 스텝 수만큼 트레이닝합니다",
    "initialisation.capped": (
        "이 신경망은 큽니다 (n1 = {n1}, m = {m}): 페이지가 몇 초 안에 응답하도록 각 실행은 {asked} 스텝 대신 {steps} "
        "스텝만 트레이닝합니다."
    ),
    "initialisation.progress.compare": "모두 0과 임의 가중치 트레이닝 중: {total} 스텝 중 {done} 스텝",
    "initialisation.run.zeros": "모두 0",
    "initialisation.run.random": "임의 × {scale}",
    "initialisation.panel": "{run}, {steps} 스텝 후",
    "initialisation.metric.symmetry": "대칭",
    "initialisation.help.symmetry": "입력별로 본 W1의 두 행 사이의 가장 큰 차이: 모든 숨겨진 유닛의 가중치가 같으면 0",
    "initialisation.metric.acc": "정확도, 트레이닝",
    "initialisation.metric.cost": "비용 J, 트레이닝",
    "initialisation.one_unit": (
        "n1 = 1이면 비교할 W1의 두 행이 없습니다: 대칭 척도는 둘 다 0입니다. 사이드바에서 숨겨진 유닛 수를 늘리세요."
    ),
    "initialisation.zeros_stay_zero": (
        "{activation}에서는 g1(0) = 0입니다: 모두 0에서 시작하면 A1 = 0, W2 = 0이므로 dW1 = 0이고 W1은 전혀 움직이지 "
        "않습니다. 시그모이드는 g1(0) = 1/2이어서, 클래스의 점 수가 다르면 행들이 모두 함께 움직입니다."
    ),
    "initialisation.zeros_balanced": (
        "시그모이드에서는 g1(0) = 1/2이지만, 모두 0에서 시작하면 여기서도 아무것도 움직이지 않습니다: 모든 예제에서 "
        "a2 = 1/2이므로, 두 클래스의 점 수가 같은 트레이닝 세트(지금의 세트)에서는 dZ2 = 1/2 - y의 합이 0이 되어 "
        "dW2 = db2 = 0, 그다음 dW1 = 0입니다. 0 네트워크는 정류점입니다. 클래스 수가 다르면 W2가 먼저 움직이고, "
        "그다음 W1의 행들이 모두 함께 움직입니다."
    ),
    "initialisation.diverged": (
        "{run}: 스텝 {step}에서 트레이닝이 멈췄습니다: {quantity} 값이 무한대 또는 NaN이 되었습니다 (α = {alpha}). "
        "값이 유한했던 마지막 신경망을 보여 줍니다."
    ),
    "initialisation.fig.rows": "{run}: W1의 행들",
    "initialisation.fig.unit": "유닛 {i}",
    "initialisation.fig.input0": "W1[i, 0]",
    "initialisation.fig.input1": "W1[i, 1]",
    "initialisation.fig.value": "가중치",
    "initialisation.section.scale": "초기 스케일: 큰 가중치는 g1을 포화시킵니다",
    "initialisation.scale.explain": (
        "초기 가중치가 크면 |Z1|이 커지는데, 그곳에서 tanh는 평평합니다: 도함수 g1'(Z1) = 1 − a²가 0에 가까워 숨겨진 "
        "레이어를 지나는 기울기가 거의 사라지고 트레이닝이 느려집니다. 작은 가중치는 Z1을 0 근처에 두어 도함수가 1에 "
        "가깝습니다."
    ),
    "initialisation.scale": "이 페이지에서 시험할 스케일",
    "initialisation.help.scale": (
        "이 섹션의 신경망에만 쓰는 초기 스케일입니다: W1, W2 = 스케일 × N(0, 1), b1, b2 = 0. 아래 비용 곡선에는 "
        "스케일 0.01, 0.1, 1, 10도 함께 나옵니다. 사이드바의 “{setting}” (지금 {value})은 다른 설정으로, "
        "플레이그라운드의 신경망과 위의 임의 가중치를 정합니다."
    ),
    "initialisation.progress.scale": "스케일마다 신경망 하나씩 트레이닝 중: {total} 스텝 중 {done} 스텝",
    "initialisation.no_saturation": (
        "{activation} 함수는 포화되지 않습니다: 스케일이 어떻든 |Z1|이 커져도 도함수 g1'(Z1)이 0으로 떨어지지 "
        "않습니다. 포화를 보려면 사이드바에서 tanh나 시그모이드를 고르세요."
    ),
    "initialisation.metric.mean_dg": "초기화 시 평균 g1'(Z1)",
    "initialisation.metric.cost0": "스텝 0의 비용 J",
    "initialisation.metric.cost_end": "{steps} 스텝 후 비용 J",
    "initialisation.fig.dg": "초기화 시 g1'(Z1), 스케일 {scale}",
    "initialisation.fig.dg.x": "g1'(Z1), 유닛과 예시마다 원소 하나",
    "initialisation.fig.dg.y": "원소 비율 (%)",
    "initialisation.fig.dg.mean": "평균 {mean:.3f}",
    "initialisation.fig.costs": "초기 스케일별, 스텝별 비용 J",
    "initialisation.fig.scale": "스케일 {scale}",
    "initialisation.fig.scale_stopped": "스케일 {scale} (스텝 {step}에서 멈춤)",
    # --- page: hidden units ---
    "hidden_units.intro": (
        "세션의 신경망에서 각 숨겨진 유닛 (은닉 유닛)이 무엇을 계산하고, 출력이 그것들을 어떻게 합치는지 보여 줍니다. "
        "사이드바에서 n1이나 데이터 세트를 바꾸고 플레이그라운드에서 트레이닝하세요: 이 페이지는 신경망을 지금 상태 "
        "그대로 보여 줍니다."
    ),
    "hidden_units.why": (
        "각 숨겨진 유닛은 직선 W1[i]·x + b1[i] = 0 하나를 긋고, 출력은 W2로 가중한 유닛들의 능선을 더합니다. 그래서 "
        "출력의 경계는 이 n1개의 직선을 이어 붙여 만들어집니다. 꽃의 꽃잎은 중심을 둘러 두 클래스가 번갈아 나옵니다: "
        "직선 하나로는 양쪽 모두에 두 클래스의 꽃잎이 남고 (강의 과제에서 67.5 %), 능선 두 개는 그 직선들이 만드는 네 "
        "구역 중 하나만 떼어 낼 수 있을 뿐 마주 보는 두 구역은 떼어 내지 못합니다 (67.25 %). 중심을 지나는 직선 세 "
        "개는 여섯 구역을 만들고, 출력은 꽃잎을 따라 이 구역들에 클래스를 번갈아 줄 수 있습니다 (n1 = 3에서 90.75 %)."
    ),
    "hidden_units.network": "숨겨진 유닛 n1 = {n1}개, g1 = {activation}, {dataset}에서 {step} 스텝 트레이닝한 뒤.",
    "hidden_units.untrained": (
        "이 신경망은 아직 트레이닝되지 않았습니다: 가중치가 아직 작은 임의의 시작값이라 모든 유닛이 거의 평평합니다. "
        "플레이그라운드에서 트레이닝한 뒤 다시 오세요."
    ),
    "hidden_units.section.units": "평면 위의 각 숨겨진 유닛",
    "hidden_units.units.explain": (
        "평면 위의 a1[i]를 유닛마다 패널 하나씩, 같은 색 스케일로 보여 줍니다: 유닛이 g1(0)보다 큰 곳은 초록색, 작은 "
        "곳은 보라색이며, 점선은 W1[i]·x + b1[i] = 0입니다. 패널 제목에는 출력이 그 유닛에 주는 가중치 W2[i]가 "
        "나옵니다."
    ),
    "hidden_units.capped": "숨겨진 유닛 {n1}개 중 처음 {shown}개를 보여 줍니다. 직선과 다이어그램에는 모두 나옵니다.",
    "hidden_units.no_line": "유닛 {units}의 직선이 보이지 않습니다: W1[i]가 0이거나 직선이 표시된 평면 밖에 있습니다.",
    "hidden_units.section.lines": "W2로 가중한 직선들과 신경망",
    "hidden_units.fig.unit": "유닛 {i} · W2 = {w2}",
    "hidden_units.fig.value": "a1",
    "hidden_units.fig.unit_line": "W1[i]·x + b1[i] = 0",
    "hidden_units.fig.class0": "클래스 0",
    "hidden_units.fig.class1": "클래스 1",
    "hidden_units.fig.lines": "각 유닛의 직선과 가중치 W2[i]",
    "hidden_units.lines.explain": (
        "왼쪽: 데이터 위에 그린 각 유닛의 직선 W1[i]·x + b1[i] = 0. W2[i] > 0이면 초록색, W2[i] < 0이면 보라색이고, "
        "|W2[i]|가 클수록 굵으며, 신경망의 경계 ŷ = 0.5는 점선입니다. 오른쪽: 신경망. 모든 가중치와 편향이 선 "
        "하나이며, 부호에 따라 색이 정해지고 크기만큼 굵습니다. 선 위에 마우스를 올리면 값이 나옵니다."
    ),
    "hidden_units.fig.line": "유닛 {i}: W2 = {w2}",
    "hidden_units.fig.boundary": "신경망의 경계 ŷ = 0.5",
    "hidden_units.fig.diagram": "신경망: 입력 2개, 숨겨진 유닛 n1개, 출력 1개",
    "hidden_units.fig.positive": "양수",
    "hidden_units.fig.negative": "음수",
    "hidden_units.fig.zero": "0",
    "hidden_units.fig.bias": "편향 입력 1",
    "hidden_units.fig.node": "{label}",
    # --- page: hidden-layer size ---
    "size.intro": (
        "데이터에 숨겨진 유닛 (은닉 유닛)이 몇 개나 필요할까요? 아래의 각 n1을 세션의 데이터와 그 활성화 함수, α, "
        "초기화로 같은 스텝 수만큼 트레이닝하고, 로지스틱 회귀 (숨겨진 레이어가 아예 없음)와 나란히 보여 줍니다. 과제 "
        "버튼은 강의 과제의 표를 그대로 재현합니다."
    ),
    "size.section.sweep": "숨겨진 유닛 수에 따른 정확도",
    "size.sizes": "숨겨진 레이어 크기 n1",
    "size.help.sizes": "각 크기는 같은 데이터에서 각자의 작은 임의 시작값으로부터 트레이닝합니다",
    "size.steps": "크기마다 스텝 수",
    "size.button.train": "크기별로 트레이닝",
    "size.help.train": "현재 데이터와 설정으로 각 n1을 트레이닝합니다",
    "size.button.assignment": "과제",
    "size.help.assignment": (
        "강의 과제를 재현합니다: 꽃 데이터, 400개 점 전부 트레이닝용, tanh, α = 1.2, n1 = 1부터 5까지와 20, 50에 대해 "
        "5,000 스텝"
    ),
    "size.no_sizes": "트레이닝할 숨겨진 레이어 크기를 하나 이상 고르세요.",
    "size.what.sweep": "이 크기와 스텝 수",
    "size.what.alphas": "이 러닝속도와 스텝 수",
    "size.too_much": (
        "작업량이 너무 많습니다: {what}대로 트레이닝하면 숨겨진 유닛 × 예시 × 스텝이 {work}에 이르러, 페이지가 몇 초 "
        "안에 응답하도록 정한 한도인 {limit}보다 많습니다. 스텝 수를 줄이거나, 크기를 더 적게 또는 더 작게 하거나, "
        "예시 수 m을 줄이세요."
    ),
    "size.progress": "트레이닝 중: {total} 스텝 중 {done} 스텝",
    "size.caption.sweep": (
        "n1 = {sizes}, 각각 {steps} 스텝, {dataset}에서 (m = {m}, 테스트 비율 {test}), {activation}, α = {alpha}, "
        "{init} 초기화."
    ),
    "size.caption.assignment": (
        "강의 과제 재현: 꽃 데이터 (m = 400, 시드 1, 전부 트레이닝용), 과제의 초기 가중치, tanh, α = 1.2, n1마다 "
        "{steps} 스텝. “과제 결과”는 과제 자체의 표입니다."
    ),
    "size.stale": (
        "이 결과는 현재와 다른 설정의 것입니다: 그 뒤로 {what} 설정이 바뀌었습니다. 현재 설정으로 "
        "트레이닝하려면 “크기별로 트레이닝”을 누르세요."
    ),
    "size.matches": "재현 성공: 과제에 나온 정확도와 모두 정확히 일치합니다.",
    "size.mismatch": "n1 = {n1s}에서 과제에 나온 정확도와 다릅니다.",
    "size.diverged": (
        "n1 = {n1s}에서 트레이닝이 멈췄습니다: 비용이나 기울기가 무한대 또는 NaN이 되어 값이 유한했던 마지막 신경망을 "
        "보여 줍니다. α를 낮추세요."
    ),
    "size.col.model": "모델",
    "size.row.n1": "n1 = {n1}",
    "size.row.baseline": "로지스틱 회귀",
    "size.col.train": "트레이닝 (%)",
    "size.col.test": "테스트 (%)",
    "size.col.published": "과제 결과 (%)",
    "size.col.cost": "비용 J",
    "size.help.col.train": "트레이닝 세트에 대한 정확도 (%)",
    "size.help.col.test": "테스트 세트에 대한 정확도 (%)",
    "size.help.col.published": "강의 과제가 출력하는 트레이닝 정확도",
    "size.help.col.cost": "마지막 스텝 후 트레이닝 세트에 대한 비용 J",
    "size.help.col.steps": "트레이닝한 스텝 수 (트레이닝이 멈췄으면 더 적음)",
    "size.col.steps": "스텝",
    "size.boundaries": "결정 경계",
    "size.panel": "<b>n1 = {n1}</b><br>{train} %",
    "size.panel.test": "<b>n1 = {n1}</b><br>{train} % / {test} %",
    "size.panel.baseline": "<b>로지스틱 회귀</b><br>{train} %",
    "size.panel.baseline.test": "<b>로지스틱 회귀</b><br>{train} % / {test} %",
    "size.panels.caption": "각 패널: 평면 위의 ŷ = A2, 그 0.5 선, 정확도 (트레이닝 / 테스트).",
    "size.fig.accuracy": "n1에 따른 정확도",
    "size.fig.n1": "숨겨진 유닛 n1",
    "size.fig.acc": "정확도",
    "size.fig.train": "트레이닝",
    "size.fig.test": "테스트",
    "size.fig.published": "과제 결과",
    "size.fig.baseline_train": "로지스틱 회귀, 트레이닝",
    "size.fig.baseline_test": "로지스틱 회귀, 테스트",
    "size.section.alpha": "같은 시작점에서 여러 러닝속도",
    "size.alpha.intro": (
        "세션의 데이터와 신경망에서, 같은 초기 가중치로 여러 러닝속도 (학습률) α를 비교합니다: 너무 작으면 비용이 거의 "
        "움직이지 않고, 너무 크면 최솟값을 지나치거나 진동하거나 발산합니다."
    ),
    "size.alphas": "러닝속도 α",
    "size.alpha_steps": "α마다 스텝 수",
    "size.button.alphas": "α별로 트레이닝",
    "size.help.alphas": "현재 신경망을 초기 가중치에서부터 α마다 한 번씩 트레이닝합니다",
    "size.no_alphas": "러닝속도를 하나 이상 고르세요.",
    "size.alpha.log": "비용을 로그 스케일로",
    "size.caption.alphas": (
        "α = {alphas}, 같은 초기 가중치에서 각각 {steps} 스텝: n1 = {n1}, {activation}, {dataset}에서 (m = {m}), "
        "{init} 초기화."
    ),
    "size.alpha.stale": (
        "이 곡선은 현재와 다른 설정의 것입니다: 그 뒤로 {what} 설정이 바뀌었습니다. 현재 설정으로 "
        "트레이닝하려면 “α별로 트레이닝”을 누르세요."
    ),
    "size.fig.alphas": "스텝별 비용 J, α마다 곡선 하나",
    "size.fig.alpha": "α = {alpha}",
    "size.fig.alpha_diverged": "α = {alpha} (스텝 {step}에서 멈춤)",
    # --- share, save and your own data ---
    "exchange.title": "공유, 저장, 내 데이터",
    "share.link": "이 페이지의 링크: 어디서 열든 같은 설정, 데이터, 초기 가중치, 스텝",
    "share.opened": "링크에서 열었습니다: 링크의 설정으로 스텝 {step}까지 트레이닝했습니다.",
    "share.training": "링크가 요청한 대로 스텝 {step}까지 트레이닝 중",
    "share.ignored": "링크의 {name} = {value} 값은 무시되었습니다 ({reason}). 기본값을 사용합니다.",
    "share.unknown": "링크의 {name} = {value} 값은 무시되었습니다: {reason}.",
    "download.params": "파라미터 (JSON)",
    "download.history": "기록 (CSV)",
    "download.data": "데이터 (CSV)",
    "download.png": "경계 (PNG)",
    "upload.params": "파라미터 불러오기 (JSON)",
    "upload.params.help": "여기서 내려받은 파라미터 파일: 그 신경망을 설정과 스텝까지 그대로 불러옵니다",
    "upload.params.bad": "{name} 파일을 불러오지 못했습니다: {problem}. 화면의 신경망은 그대로입니다.",
    "upload.params.own": (
        "{name} 파일은 누군가 직접 만든 점들로 트레이닝되었는데, 그 점들이 여기 없습니다: 먼저 그 점들을 CSV로 "
        "불러오세요."
    ),
    "upload.params.done": "{name} 파일을 불러왔습니다: 스텝 {step}의 신경망입니다.",
    "upload.data": "내 데이터 (x1, x2, 레이블의 CSV)",
    "upload.data.help": "한 줄에 점 하나: x1, x2와 레이블. 첫 줄은 헤더여도 됩니다. 최대 5,000개 점",
    "upload.data.bad": "{name} 파일을 불러오지 못했습니다: {problem}. 화면의 데이터는 그대로입니다.",
    "upload.data.done": "{name} 파일의 점 {m}개로 트레이닝합니다.",
    "upload.data.mapped": "{name} 파일의 점 {m}개로 트레이닝합니다. 레이블은 다음 클래스가 되었습니다: {mapping}.",
    "dataset.own": "내 점들",
    "click.class": "평면을 클릭하면 추가할 점",
    "click.off": "없음 (끄기)",
    "click.class0": "클래스 0 (주황)",
    "click.class1": "클래스 1 (파랑)",
    "click.help": "결정 경계 그림을 클릭하세요: 그 점이 트레이닝 데이터에 추가되고 신경망은 트레이닝을 이어 갑니다",
    "click.undo": "점 되돌리기",
    "click.clear": "내 점 모두 지우기",
    "click.count": "클릭으로 추가한 점: {count}개.",
    # --- preset: course assignment ---
    "preset.section": "프리셋",
    "preset.course_assignment": "강의 과제",
    "preset.help.course_assignment": (
        "강의 과제의 실행을 그대로 재현합니다: 꽃 데이터 (m = 400, 시드 1, 테스트 분할 없음), 과제의 초기 가중치, n1 = "
        "4, tanh, α = 1.2. ×100을 열 번 누르면 스텝 1,000에서 J = 0.2881이 나옵니다 (과제의 출력은 0.288083)."
    ),
    "preset.applied": "프리셋 “{name}”: 그 데이터, 초기 가중치, 설정으로 스텝 0입니다. 재생을 눌러 실행 과정을 보세요.",
}

TABLES = {"en": EN, "ko": KO}
DEFAULT_LANGUAGE = "en"


def t(key: str, lang: str | None = None, **values) -> str:
    """The text for ``key`` in ``lang`` (by default the session's, language.py), with
    ``values`` filled in."""
    if lang is None:
        from shallownet.ui.i18n.language import current  # here: language.py imports this module

        lang = current()
    text = TABLES.get(lang, EN).get(key)
    if text is None:
        text = EN[key]
    return text.format(**values) if values else text
