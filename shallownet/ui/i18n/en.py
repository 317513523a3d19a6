"""Every English text the app shows, keyed (texts.py says how they are used)."""

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
    # each activation's g1'(Z1), as the texts write it
    "derivative.tanh": "1 − A1²",
    "derivative.sigmoid": "A1 (1 − A1)",
    "derivative.relu": "1 where Z1 > 0, 0 elsewhere",
    "derivative.leaky_relu": "1 where Z1 > 0, 0.01 elsewhere",
    "derivative.linear": "1",
    "init.random": "Random",
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
    "present.help": (
        "For a projector: no sidebar, everything larger; n1, α, the activation and the initialisation come into "
        "the page"
    ),
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
        "The equations above are vectorised over the training set: column i of every (·, m) matrix belongs to "
        "example i alone. Pick it by its index or by clicking a point."
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
        "b1 became a {result} matrix instead of a {right} column: right on the diagonal only. The next "
        "forward pass then stops: Z1 = W1 X + b1 adds W1 X, {wx}, and this b1, {result}, which numpy cannot "
        "broadcast together: `ValueError: {error}`."
    ),
    "eq.keepdims.wrong_silent": (
        "b1 became a {result} matrix instead of a {right} column: right on the diagonal only. No error is "
        "raised: W1 X is {wx} as well (m = n1), so the next forward pass adds the two entry by entry and "
        "column j subtracts α db1[j] from every unit's bias, not each unit's own α db1[i]."
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
    "gc.variant.one_minus_a": "Wrong: g1′ written as 1 − A1",
    "gc.variant.no_one_over_m": "Wrong: dW2 and db2 without the 1/m",
    "gc.variant.no_g_prime": "Wrong: g1′ left out",
    "gc.variant.sign": "Wrong: dZ2 = Y − A2",
    "gc.variant.db1_no_keepdims": "Wrong: db1 without keepdims",
    "gc.mistake.correct": "No mistake: the lecture's six equations.",
    "gc.mistake.one_minus_a": (
        "The mistake: g1′(Z1) taken as 1 − A1, tanh′ = 1 − A1² with its square forgotten. For g1 = {activation}, "
        "g1′(Z1) is {derivative}, so dZ1 is wrong."
    ),
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
    "gc.wrong_passes.w2_zero": (
        "This wrong backward pass passes at this network: W2 = 0, so dZ1 = W2ᵀ dZ2 * g1′(Z1) is 0 whatever is "
        "taken for g1′, and dW1 and db1 come out right."
    ),
    "gc.wrong_passes.g_prime_one": (
        "This wrong backward pass passes at this network: g1′(Z1) = 1 at every entry here (always so for the "
        "linear activation, for ReLU when every unit is active on every example), so leaving it out changes "
        "nothing."
    ),
    "gc.wrong_passes.zero": (
        "This wrong backward pass passes at this network: the gradients its mistake changes are 0 here, or too "
        "small for central differences to tell from 0 (zero weights on as many examples of each class, or a "
        "network that has converged), and a flipped sign or a factor of m leaves 0 at 0."
    ),
    "gc.wrong_passes.same": (
        "This wrong backward pass passes at this network: here its mistake happens to give the same gradients "
        "as the lecture's equations."
    ),
    "gc.near_kink": (
        "Entries of Z1 within ε of the kink at 0: {n}. There the central difference straddles the kink and "
        "disagrees with backprop's one-sided derivative, so a failure of W1 or b1 is the check's fault, "
        "not backprop's (see ReLU's kink below)."
    ),
    "gc.rounding": (
        "Gradients too small to measure to {tolerance}, their ‖a‖ + ‖n‖ under a floor: {below} (a from backprop, "
        "n from central differences). Under its floor the rounding of J alone can move n by more than {tolerance} "
        "of ‖a‖ + ‖n‖, so such a gradient's relative error is ‖a − n‖ over its floor, not over ‖a‖ + ‖n‖."
    ),
    "gc.shape": (
        "{param}: backprop gives shape {got} for a parameter of shape {want}. Subtracting the two broadcasts "
        "them into a matrix, and so would the update {param} := {param} − α d{param}."
    ),
    "gc.col.param": "Parameter",
    "gc.col.shape": "Shape (backprop)",
    "gc.col.analytic": "Backprop ‖a‖",
    "gc.col.numerical": "Central diff. ‖n‖",
    "gc.col.error": "Relative error",
    "gc.col.result": "Result",
    "gc.ok": "✓ pass",
    "gc.bad": "✗ FAIL",
    "gc.fig.title": "Relative error ‖a − n‖ / (‖a‖ + ‖n‖)",
    "gc.fig.y": "relative error",
    "gc.fig.tolerance": "tolerance {tolerance}",
    "gc.fig.zero": "0",
    "gc.fig.shape": "wrong shape",
    "gc.overview": "Every backward pass at this network",
    "gc.overview.caption": (
        "Which gradients each backward pass gets wrong, checked against the same central differences."
    ),
    "gc.col.variant": "Backward pass",
    "gc.kink.section": "ReLU's kink: when the check itself is wrong",
    "gc.kink.explain": (
        "ReLU has no derivative at z = 0. Backprop here takes relu′(0) = 0, the slope from the left. A "
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
    "initialisation.metric.spread": "W1 row spread",
    "initialisation.help.spread": (
        "The largest difference between two rows of W1, input by input: 0 when every hidden unit "
        "has the same weights, the symmetry unbroken"
    ),
    "initialisation.metric.acc": "Accuracy, train",
    "initialisation.metric.cost": "Cost J, train",
    "initialisation.one_unit": (
        "With n1 = 1 there are no two rows of W1 to compare: their spread is 0 for both. "
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
    "initialisation.section.scale": "The initial scale: large weights and the slope of g1",
    "initialisation.scale.explain.tanh": (
        "Large initial weights make |Z1| large, where tanh is flat: its slope g1′(Z1) = 1 − A1² is "
        "near 0, the gradients through the hidden layer almost vanish, and learning is slow. Small "
        "weights keep Z1 near 0, where the slope is close to 1."
    ),
    "initialisation.scale.explain.sigmoid": (
        "Large initial weights make |Z1| large, where the sigmoid is flat: its slope g1′(Z1) = A1 (1 − A1) "
        "is near 0, the gradients through the hidden layer almost vanish, and learning is slow. Small "
        "weights keep Z1 near 0, where the slope is at its largest, and that is only 1/4."
    ),
    "initialisation.scale.explain.relu": (
        "ReLU does not flatten out for large |Z1|: its slope g1′(Z1) is 1 where Z1 > 0 and 0 elsewhere, "
        "whatever the scale, so large initial weights do not make the gradients through the hidden layer "
        "vanish. They make Z2 large instead: the larger the scale, the more the output's sigmoid starts "
        "saturated, confidently wrong on many examples, and the higher the first cost."
    ),
    "initialisation.scale.explain.leaky_relu": (
        "Leaky ReLU does not flatten out for large |Z1|: its slope g1′(Z1) is 1 where Z1 > 0 and 0.01 "
        "elsewhere, whatever the scale, so large initial weights do not make the gradients through the "
        "hidden layer vanish. They make Z2 large instead: the larger the scale, the more the output's sigmoid "
        "starts saturated, confidently wrong on many examples, and the higher the first cost."
    ),
    "initialisation.scale.explain.linear": (
        "The linear activation never flattens out: its slope g1′(Z1) is 1 whatever the scale, so large "
        "initial weights do not make the gradients through the hidden layer vanish. They make Z2 large "
        "instead: the larger the scale, the more the output's sigmoid starts saturated, confidently wrong "
        "on many examples, and the higher the first cost."
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
        "activations weighted by W2, so its boundary is pieced together from these n1 lines. The flower's "
        "petals alternate between the classes around its centre: one line leaves petals of both classes "
        "on each side (67.5 % in the course assignment), and two units can set apart only one of the "
        "four sectors their lines make, never two opposite ones (67.25 %). Three lines through the "
        "centre make six sectors, which the output can give alternate classes, following the petals "
        "(90.75 % with n1 = 3)."
    ),
    "hidden_units.network": "n1 = {n1} hidden units, g1 = {activation}, after {step} steps on {dataset}.",
    "hidden_units.untrained.random": (
        "This network has not been trained yet: its weights are still the random start, W1 and W2 drawn as "
        "{scale} × N(0, 1), b1 = b2 = 0. Train it on the Playground, then come back."
    ),
    "hidden_units.untrained.zeros": (
        "This network has not been trained yet, and it starts from zeros: W1, b1, W2 and b2 are all 0, so every "
        "unit gives g1(0) = {value} over the whole plane and draws no line. Training will not tell the units "
        "apart: zeros never break the symmetry."
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
    # --- the animation for slides (share panel, plots/animation.py, the command line) ---
    "export.title": "Animation for slides",
    "export.caption": "The boundary with the cost beside it, from step {start} to step {step}, the step on screen.",
    "export.seconds": "Length (s)",
    "export.size": "Size (pixels)",
    "export.format": "Format",
    "export.spacing": "Frames",
    "export.spacing.early": "Closer together early on",
    "export.spacing.even": "Evenly over the run",
    "export.help.spacing": "Early on the cost falls fastest and the boundary moves most: more frames go there",
    "export.make": "Make the animation",
    "export.cost": "About {seconds} s of the server's time: training {steps} steps again and drawing {frames} frames.",
    "export.too_big.train": (
        "Too much work: training these {steps} steps again (n1 = {n1}, m = {m}) would take about {seconds} s "
        "of the server's time, more than the {limit} s allowed. Reset and train fewer steps, or make it "
        "with the command line (shallownet train … --gif FILE)."
    ),
    "export.too_big.frames": (
        "Too much work: {frames} frames of {size} pixels would take about {seconds} s of the server's time, "
        "more than the {limit} s allowed. Choose a smaller size or a shorter length."
    ),
    "export.first_step": "The run is at its first step (step {step}): train some steps, then make its animation.",
    "export.no_mp4": "MP4 needs PyAV (pip install av), which this server does not have; GIF works everywhere.",
    "export.busy": "Another animation is being made on this server right now; try again in a moment.",
    "export.progress.train": "Training the run again: {percent}%",
    "export.progress.frames": "Drawing the frames: {percent}%",
    "export.made": "Made in {took} s: {length} s from step {start} to step {step}, {bytes}.",
    "export.download": "Download the animation ({format})",
    "export.anim.boundary": "Decision boundary: A2 over the plane",
    "export.anim.frame": "Step {step}     J = {cost}     α = {alpha}",
    "export.anim.settings": "{dataset}, m = {m}, n1 = {n1} hidden units, {activation}",
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
    # -- One iteration (pages/one_iteration.py) --
    "page.one_iteration": "One iteration",
    "iter.intro": (
        "One pass of the lecture's loop on the session's network, a stage at a time: the forward pass, the cost, "
        "backpropagation, the update. Next goes on; the last Next applies the update, as Step on the Playground does."
    ),
    "iter.network": "The session's network: n1 = {n1} hidden units, m = {m} examples, g1 = {activation}, α = {alpha}, "
                    "at step {step}.",
    "iter.back": "Back",
    "iter.next": "Next",
    "iter.apply": "Update → step {step}",
    "iter.stage_of": "Stage {k} of {n}: {stage}",
    "iter.stage.forward": "Forward propagation",
    "iter.stage.cost": "The cost J",
    "iter.stage.backward": "Backpropagation",
    "iter.stage.update": "The gradient descent update",
    "iter.loop": "The lecture's loop",
    "iter.columns": (
        "An (n, m) matrix shows the columns of examples {shown}: the first ones and example {chosen}, the one "
        "chosen on the Equations page's plane."
    ),
    "iter.cost_same": "The Playground shows this J at step {step}.",
    "iter.logistic": "These three are logistic regression's gradients, with A1 in the place of X:",
    "iter.elementwise": (
        "∗ is element-wise (each entry times its own), two (n1, m) matrices; W2ᵀ dZ2 is a matrix product, "
        "(n1, 1) by (1, m)."
    ),
    "iter.keepdims.code": (
        "np.sum(dZ1, axis=1).shape                   # {db1_plain}: a rank-1 array\n"
        "np.sum(dZ1, axis=1, keepdims=True).shape    # {db1_keepdims}\n"
        "np.sum(dZ1, axis=1).reshape({n1}, 1).shape  # {db1_reshape}, the lecture's other way\n"
        "np.sum(dZ2, axis=1).shape                   # {db2_plain}"
    ),
    "iter.keepdims": (
        "axis=1 sums along each row, over the m examples. Without keepdims db1 is the rank-1 array {db1_plain}, "
        "not b1's ({n1}, 1); keepdims=True, or .reshape({n1}, 1), keeps the column. For db2 it changes nothing: "
        "{db2_plain} taken from b2's (1, 1) is still {b2_updated}."
    ),
    "iter.update.alpha": (
        "α = {alpha}, the learning rate: each parameter moves by α times its gradient, all four from the same "
        "forward and backward pass."
    ),
    "iter.apply_says": "The next click applies these four lines to the session's network: the Playground's Step, to "
                       "step {step}.",
}
