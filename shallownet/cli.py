"""The command line: ``shallownet`` (installed by ``pip install -e .``) or ``python -m
shallownet``, for preparing a lecture without a browser."""

from __future__ import annotations

import argparse
import math
import os
import re
import sys

from shallownet.core import assignment, datasets, movie
from shallownet.core.replay import SPACINGS
from shallownet.core.settings import DEFAULTS, FIELDS, Settings, SettingsError, describe_range
from shallownet.core.trainer import Trainer, source_points
from shallownet.formats import files
from shallownet.plots import animation
from shallownet.ui.i18n.en import EN
from shallownet.ui.i18n.ko import KO

MAX_STEPS = 10_000_000
# the exit status of a run that diverged (2 is argparse's, for bad arguments; 1 a file
# that could not be written)
DIVERGED = 3

# a whole number as typed or as the program prints it: 5000, 5,000 or 5_000 (groups of three)
_WHOLE = re.compile(r"[+-]?(\d+|\d{1,3}(,\d{3})+|\d{1,3}(_\d{3})+)")
# the app's menu names that the rule of ``choice_name`` does not turn into the identifier
_MENU_ALIASES = {"your_own_points": "own", "own_points": "own"}


class Progress:
    """A progress bar on stderr: redrawn in place on a terminal, a line per 10% otherwise."""

    def __init__(self, stream=None, width: int = 30, unit: str = "steps"):
        self.stream = stream or sys.stderr
        self.width = width
        self.unit = unit
        self.tty = self.stream.isatty()
        self.last_tenth = 0

    def __call__(self, done: int, total: int) -> None:
        frac = done / total if total else 1.0
        if self.tty:
            filled = int(frac * self.width)
            bar = "#" * filled + "." * (self.width - filled)
            end = "\n" if done >= total else ""
            self.stream.write(f"\r[{bar}] {done:,}/{total:,} {self.unit}{end}")
        elif int(frac * 10) > self.last_tenth:
            self.last_tenth = int(frac * 10)
            self.stream.write(f"{done:,}/{total:,} {self.unit} ({frac:.0%})\n")
        self.stream.flush()


def whole_number(text: str) -> int:
    """``text`` as a whole number, with or without thousands separators (commas or
    underscores, in groups of three: 1,000 as the program prints it, or 1_000);
    ValueError if it is not one."""
    text = text.strip()
    if not _WHOLE.fullmatch(text):
        raise ValueError(text)
    return int(text.replace(",", "").replace("_", ""))


def choice_name(text: str) -> str:
    """The identifier for a name typed in any case or spelled as the app's menu
    spells it: "Moons", "XOR", "Gaussian quantiles", "gaussian-quantiles", "Flower
    (the assignment's)", "leaky ReLU", "Your own points". Case is ignored, a
    parenthesised remark dropped, spaces and hyphens become underscores."""
    name = re.sub(r"\([^)]*\)", " ", text).strip().lower()
    name = re.sub(r"[\s-]+", "_", name).strip("_")
    return _MENU_ALIASES.get(name, name)


def _steps(text: str) -> int:
    try:
        n = whole_number(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"steps must be a whole number (such as 5000 or 5,000), got {text!r}"
        ) from None
    if not 0 <= n <= MAX_STEPS:
        raise argparse.ArgumentTypeError(f"steps = {n} is not allowed: 0 to {MAX_STEPS:,}")
    return n


def _history_size(text: str) -> int:
    try:
        n = whole_number(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"history size must be a whole number, got {text!r}"
        ) from None
    if n < 2 or n % 2 or n > 10_000_000:
        raise argparse.ArgumentTypeError(
            f"history size = {n} is not allowed: an even number from 2 to 10,000,000"
        )
    return n


def _seconds(text: str) -> int:
    try:
        n = whole_number(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"seconds must be a whole number, got {text!r}") from None
    if not movie.MIN_SECONDS <= n <= movie.MAX_SECONDS:
        raise argparse.ArgumentTypeError(
            f"seconds = {n} is not allowed: {movie.MIN_SECONDS} to {movie.MAX_SECONDS}")
    return n


def _size(text: str) -> tuple[int, int]:
    try:
        return movie.parse_size(text)
    except movie.RequestError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def _add_animation(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("the animation for slides: the boundary and the cost, from the first step "
                                      "to the last")
    group.add_argument("--gif", metavar="FILE", help="write the run as an animated GIF to FILE")
    group.add_argument("--mp4", metavar="FILE", help="write the run as an MP4 (H.264) video to FILE; needs PyAV")
    group.add_argument("--seconds", type=_seconds, default=movie.DEFAULT_SECONDS,
                       help=f"the animation's length, {movie.MIN_SECONDS} to {movie.MAX_SECONDS} s "
                            f"(default {movie.DEFAULT_SECONDS}; the last second holds the last step)")
    group.add_argument("--size", type=_size, default=(1280, 720), metavar="WxH",
                       help=f"the frames' size in pixels (default 1280x720; {movie.MIN_SIZE[0]}x"
                            f"{movie.MIN_SIZE[1]} to {movie.MAX_SIZE[0]}x{movie.MAX_SIZE[1]}, even, "
                            f"{movie.MIN_ASPECT:g} to {movie.MAX_ASPECT:g} times as wide as high)")
    group.add_argument("--spacing", choices=SPACINGS, default="early",
                       help="the frames' steps: closer together early on, where the cost falls fastest (early, "
                            "the default), or evenly")
    group.add_argument("--lang", choices=("en", "ko"), default="en", help="the language of its texts (default en)")


def _animations(args, command: argparse.ArgumentParser) -> list[movie.Request]:
    """The animations asked for (--gif, --mp4), checked before training."""
    requests = []
    for fmt in movie.FORMATS:
        if getattr(args, fmt) is None:
            continue
        if fmt == "mp4" and not animation.mp4_available():
            command.error("argument --mp4: MP4 needs PyAV (pip install av), which is not installed; --gif needs "
                          "nothing more")
        try:
            requests.append(movie.Request(*args.size, args.seconds, fmt, args.spacing))
        except movie.RequestError as e:
            command.error(f"argument --size: {e}")
    if requests and args.steps == 0:
        command.error(f"argument --{requests[0].fmt}: an animation needs steps to show: --steps 1 or more")
    return requests


def _write_animation(trainer: Trainer, request: movie.Request, path: str, lang: str,
                     command: argparse.ArgumentParser, progress, out) -> None:
    run = trainer.run_record()
    cost = movie.estimate(run, request)
    print(f"making {path}: {request.seconds} s, {request.width}x{request.height}, step {run.start:,} to "
          f"{run.step:,} (about {cost.total:.1f} s)", file=out, flush=True)
    table = KO if lang == "ko" else EN
    labels = animation.labels_from(lambda key: table.get(key, EN[key]), run)
    report = (lambda fraction, _phase: progress(round(100 * fraction), 100)) if progress else None
    data = animation.render(run, request, labels, on_progress=report)
    try:
        with open(path, "wb") as f:
            f.write(data)
    except OSError as e:
        command.exit(1, f"{command.prog}: error: cannot write {path}: {e.strerror}\n")
    print(f"wrote the animation ({request.frames} frames at {movie.FPS} a second) to {path} "
          f"({len(data) / 1e6:.1f} MB)", file=out)


def _add_settings(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("settings (defaults as in the app)")
    for name, spec in FIELDS.items():
        flag = "--" + name.replace("_", "-")
        default = getattr(DEFAULTS, name)
        help_text = f"{describe_range(spec)} (default {default})"
        if spec["kind"] == "choice":
            help_text = f"{describe_range(spec)}; any case, or as the app's menu spells it (default {default})"
        if spec["kind"] == "bool":
            group.add_argument(
                flag, dest=name, action=argparse.BooleanOptionalAction, default=None, help=help_text
            )
        else:
            group.add_argument(flag, dest=name, metavar=name.upper(), default=None, help=help_text)


def _given(args) -> dict[str, str]:
    """The settings given on the command line, as text; a choice's name as the
    identifier it stands for (``choice_name``), a whole number without its
    thousands separators, when they are valid (else as typed, so that the error
    shows what was typed)."""
    given = {}
    for name, spec in FIELDS.items():
        value = getattr(args, name)
        if value is None:
            continue
        text = str(value)
        if spec["kind"] == "choice" and choice_name(text) in spec["options"]:
            text = choice_name(text)
        elif spec["kind"] == "int":
            try:
                text = str(whole_number(text))
            except ValueError:
                pass
        given[name] = text
    return given


def _settings_from(args, base: Settings = DEFAULTS) -> Settings:
    """``base`` with the settings given on the command line."""
    given = _given(args)
    parsed = Settings.from_strings(given)
    return base.replace(**{name: getattr(parsed, name) for name in given})


def _fmt(x: float, pct: bool = False) -> str:
    """Six decimals, as the course prints costs; a huge value (a run about to
    diverge reaches 1e300) in scientific notation rather than 300 digits."""
    if math.isnan(x):
        return "-"
    if pct:
        return f"{x:.2%}"
    return f"{x:.6f}" if abs(x) < 1e6 else f"{x:.6e}"


def _csv_problem(path: str) -> str | None:
    """Why ``path`` cannot be written, or None: checked before training, so that a
    long run is not lost to a typo in the file's name."""
    folder = os.path.dirname(os.path.abspath(path))
    if os.path.isdir(path):
        return f"{path} is a folder"
    if not os.path.isdir(folder):
        return f"the folder {folder} does not exist"
    if os.path.exists(path) and not os.access(path, os.W_OK):
        return f"{path} is not writable"
    if not os.path.exists(path) and not os.access(folder, os.W_OK):
        return f"the folder {folder} is not writable"
    return None


def _train_with_progress(trainer: Trainer, steps: int, progress) -> None:
    chunk = max(1, min(1000, steps // 100 or 1))
    while trainer.step_count < steps and trainer.divergence is None:
        trainer.step(min(chunk, steps - trainer.step_count))
        if progress:
            progress(trainer.step_count, steps)


def _report(trainer: Trainer, out) -> None:
    r = trainer.latest
    print(f"step        {r.step:,}", file=out)
    print(f"cost        train {_fmt(r.cost_train)}   test {_fmt(r.cost_test)}", file=out)
    print(f"accuracy    train {_fmt(r.acc_train, True)}   test {_fmt(r.acc_test, True)}", file=out)
    norms = (("dW1", r.norm_dW1), ("db1", r.norm_db1), ("dW2", r.norm_dW2), ("db2", r.norm_db2))
    print("  ".join(f"|{name}| {value:.3e}" for name, value in norms), file=out)


def _diverged(trainer: Trainer, command: argparse.ArgumentParser) -> int:
    """0, or, when the run diverged, DIVERGED after saying on stderr at which step and why."""
    d = trainer.divergence
    if d is None:
        return 0
    print(
        f"{command.prog}: stopped: at step {d.step:,} the {d.quantity} was no longer finite; "
        f"alpha = {d.alpha:g} is too large. The numbers printed are the last finite state "
        f"(step {trainer.step_count:,}).",
        file=sys.stderr,
    )
    return DIVERGED


def write_csv(trainer: Trainer, path: str) -> int:
    """The history (and the latest state, if the history's stride skipped it) as CSV,
    the same file the app's download gives."""
    text = files.history_to_csv(trainer.history.columns(), trainer.latest)
    with open(path, "w", newline="") as f:
        f.write(text)
    return text.count("\n") - 1


def _read(path: str, command: argparse.ArgumentParser, flag: str) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read(max(files.MAX_PARAMS_BYTES, files.MAX_DATA_BYTES) + 1)
    except OSError as e:
        command.error(f"argument {flag}: cannot read {path}: {e.strerror}")


def _write(path: str, text: str, command: argparse.ArgumentParser, what: str, out) -> None:
    try:
        with open(path, "w", newline="") as f:
            f.write(text)
    except OSError as e:
        command.exit(1, f"{command.prog}: error: cannot write {path}: {e.strerror}\n")
    print(f"wrote {what} to {path}", file=out)


def main(argv=None) -> int:
    # the installed command is called as itself, `python -m shallownet` as that
    prog = "shallownet" if os.path.basename(sys.argv[0]) in ("shallownet", "shallownet.exe") \
        else "python -m shallownet"
    status = (f"exit status: 0 done, 1 a file could not be written, 2 bad arguments, "
              f"{DIVERGED} training diverged (alpha too large)")
    parser = argparse.ArgumentParser(
        prog=prog, description="Train the lecture's one-hidden-layer network without a browser.", epilog=status,
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p_train = sub.add_parser("train", help="train with any settings for N steps", epilog=status)
    _add_settings(p_train)
    p_train.add_argument(
        "--steps", type=_steps, default=1000,
        help="gradient descent steps (default 1,000; 5000, 5,000 and 5_000 alike); "
             "with --load-params, steps after the saved ones"
    )
    p_train.add_argument("--csv", metavar="FILE", help="write the history as CSV to FILE")
    p_train.add_argument("--data", metavar="FILE",
                         help="train on your own points: a CSV of x1, x2, label (as the app's upload); "
                              "not with --dataset, --m or --noise, which make generated points")
    p_train.add_argument("--load-params", metavar="FILE",
                         help="start from saved parameters (JSON, as the app's download): their settings, "
                              "then any given here")
    p_train.add_argument("--save-params", metavar="FILE", help="write the trained parameters as JSON to FILE")
    p_train.add_argument("--save-data", metavar="FILE", help="write the data set (all points) as CSV to FILE")
    p_train.add_argument("--history-size", type=_history_size, default=2048,
                         help="rows the history keeps before thinning (default 2,048)")
    p_train.add_argument("--quiet", action="store_true", help="no progress bar")
    _add_animation(p_train)

    p_assign = sub.add_parser("assignment", help="replay the course assignment", epilog=status)
    p_assign.add_argument(
        "--table", action="store_true", help="also the hidden-size table (5,000 steps each)"
    )
    p_assign.add_argument("--csv", metavar="FILE", help="write the replay's history as CSV to FILE")
    p_assign.add_argument("--quiet", action="store_true", help="no progress bar")

    args = parser.parse_args(argv)
    out = sys.stdout
    progress = None if args.quiet else Progress()
    command = p_train if args.command == "train" else p_assign
    # every problem with the arguments is reported the same way, argparse's
    # (usage, then "error: ..."), and before any training
    outputs = [("--csv", args.csv)]
    if args.command == "train":
        outputs += [("--save-params", args.save_params), ("--save-data", args.save_data),
                    ("--gif", args.gif), ("--mp4", args.mp4)]
    for flag, path in outputs:
        problem = path and _csv_problem(path)
        if problem:
            command.error(f"argument {flag}: cannot write {path}: {problem}")

    if args.command == "train":
        requests = _animations(args, command)
        saved = points = None
        if args.load_params:
            try:
                saved = files.params_from_json(_read(args.load_params, command, "--load-params"))
            except files.LoadError as e:
                command.error(f"argument --load-params: {args.load_params}: {e}")
        if args.data:
            clash = [f"--{name}" for name, text in _given(args).items()
                     if name in ("m", "noise") or (name == "dataset" and text != datasets.OWN)]
            if clash:
                command.error(f"argument {', '.join(clash)}: not allowed with --data: "
                              f"the points are those of {args.data}")
            try:
                own = files.data_from_csv(_read(args.data, command, "--data"))
            except files.LoadError as e:
                command.error(f"argument --data: {args.data}: {e}")
            points = (own.X, own.Y)
            if own.labels != {"0": 0, "1": 1}:
                print("labels: " + ", ".join(f"{k} -> {v}" for k, v in own.labels.items()), file=out)
        try:
            settings = _settings_from(args, saved.settings if saved else DEFAULTS)
            if points is not None:
                settings = settings.replace(dataset=datasets.OWN)
            elif settings.dataset == datasets.OWN:
                command.error("dataset = 'own' needs your points: --data FILE")
        except SettingsError as e:
            command.error(str(e))
        trainer = Trainer(settings, points=points, history_capacity=args.history_size)
        if saved:
            try:
                trainer.start_from(saved.params, saved.step)
            except ValueError as e:
                command.error(f"argument --load-params: {e} (n1 was changed)")
        _train_with_progress(trainer, saved.step + args.steps if saved else args.steps, progress)
        _report(trainer, out)
        if args.save_params:
            _write(args.save_params, files.params_to_json(trainer.params, trainer.settings, trainer.step_count),
                   command, "the parameters", out)
        if args.save_data:
            X, Y = source_points(trainer.settings, trainer.points)
            _write(args.save_data, files.data_to_csv(X, Y), command, f"{X.shape[1]:,} points", out)
        for request in requests:
            if trainer.step_count == trainer.run_record().start:
                print(f"{command.prog}: no animation: the run stopped at its first step", file=sys.stderr)
                break
            _write_animation(trainer, request, getattr(args, request.fmt), args.lang, command,
                             None if args.quiet else Progress(unit="% of the animation"), out)
    else:
        print("The course assignment: flower data (m = 400, seed 1), n1 = 4, tanh, alpha = 1.2, "
              f"{assignment.STEPS:,} steps", file=out)
        trainer = assignment.replay(on_progress=progress)
        _report(trainer, out)
        verdict = "reached" if trainer.latest.acc_train >= assignment.PUBLISHED_ACCURACY else "MISSED"
        print(f"published training accuracy {assignment.PUBLISHED_ACCURACY:.0%}: {verdict}", file=out)
        if args.table:
            steps = assignment.TABLE_STEPS
            print(f"\nhidden units, {steps:,} steps: training accuracy (published)", file=out)
            for n1, acc in assignment.hidden_size_table().items():
                print(f"  n1 = {n1}: {acc:.2%}  ({assignment.PUBLISHED_TABLE[n1]:.2%})", file=out)
    if args.csv:
        try:
            n = write_csv(trainer, args.csv)
        except OSError as e:
            command.exit(1, f"{command.prog}: error: cannot write {args.csv}: {e.strerror}\n")
        print(f"wrote {n:,} rows to {args.csv}", file=out)
    return _diverged(trainer, command)
