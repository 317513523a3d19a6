"""The command line, run as a user runs it: a real subprocess."""

import csv
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from shallownet import cli
from shallownet.core.settings import Settings
from shallownet.core.trainer import Trainer
from shallownet.ui.i18n import texts
from tests.conftest import ROOT


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "shallownet", *args], capture_output=True, text=True, timeout=120
    )


def test_train_prints_the_final_cost_and_accuracies(tmp_path):
    r = run("train", "--steps", "2000", "--dataset", "circles", "--n1", "8")
    assert r.returncode == 0, r.stderr
    assert "step        2,000" in r.stdout
    assert "cost        train 0." in r.stdout and "accuracy    train" in r.stdout
    assert "2,000/2,000 steps" in r.stderr  # the progress bar


def test_train_writes_the_history_as_csv(tmp_path):
    path = tmp_path / "h.csv"
    r = run("train", "--steps", "300", "--csv", str(path), "--quiet")
    assert r.returncode == 0, r.stderr
    assert r.stderr == ""
    rows = list(csv.reader(path.open()))
    assert rows[0] == ["step", "cost_train", "cost_test", "acc_train", "acc_test",
                       "norm_dW1", "norm_db1", "norm_dW2", "norm_db2"]
    assert [int(row[0]) for row in rows[1:]] == list(range(301))
    assert float(rows[-1][1]) < float(rows[1][1])


def test_csv_of_a_long_run_is_thinned_but_ends_at_the_last_step(tmp_path):
    path = tmp_path / "h.csv"
    r = run("train", "--steps", "5001", "--history-size", "100", "--csv", str(path), "--quiet")
    assert r.returncode == 0, r.stderr
    steps = [int(row[0]) for row in list(csv.reader(path.open()))[1:]]
    assert len(steps) <= 101 and steps[0] == 0 and steps[-1] == 5001


def test_divergence_is_reported_on_stderr_with_a_status_of_its_own(tmp_path):
    history = tmp_path / "h.csv"
    r = run("train", "--activation", "linear", "--alpha", "10", "--steps", "1000", "--quiet",
            "--csv", str(history))
    assert r.returncode == cli.DIVERGED == 3, r.stderr
    trainer = Trainer(Settings(activation="linear", alpha=10.0))
    trainer.step(1000)
    step = trainer.divergence.step
    assert (f"python -m shallownet train: stopped: at step {step} the cost was no longer finite; "
            f"alpha = 10 is too large. The numbers printed are the last finite state "
            f"(step {trainer.step_count})") in r.stderr
    assert "stopped" not in r.stdout and "Traceback" not in r.stderr
    # what it did write is still written: the history up to the last finite step
    assert f"wrote {trainer.step_count + 1} rows" in r.stdout and history.exists()


@pytest.mark.parametrize("args, message", [
    (["train", "--n1", "100"], "n1 = 100 is not allowed: 1 to 64"),
    (["train", "--alpha", "fast"], "alpha = 'fast' is not allowed: a number from 0.0001 to 10"),
    (["train", "--dataset", "swirl"], "dataset = 'swirl' is not allowed: one of moons"),
    (["train", "--steps", "-1"], "steps = -1 is not allowed"),
    (["train", "--history-size", "7"], "history size = 7 is not allowed"),
    (["train", "--layers", "2"], "unrecognized arguments: --layers"),
    (["fly"], "invalid choice: 'fly'"),
])
def test_bad_arguments_get_a_clear_message_and_exit_code_2(args, message):
    r = run(*args)
    assert r.returncode == 2
    assert message in r.stderr
    assert "Traceback" not in r.stderr


def test_an_unwritable_csv_path_is_an_error_not_a_traceback(tmp_path):
    r = run("train", "--steps", "10", "--csv", str(tmp_path / "no" / "such" / "dir.csv"), "--quiet")
    assert r.returncode == 2 and "cannot write" in r.stderr and "Traceback" not in r.stderr


def test_assignment_replay_and_table():
    r = run("assignment", "--table", "--quiet")
    assert r.returncode == 0, r.stderr
    assert "published training accuracy 90%: reached" in r.stdout
    assert "n1 = 3: 90.75%  (90.75%)" in r.stdout


@pytest.mark.parametrize("args", [
    ["train", "--n1", "100"],            # refused by Settings
    ["train", "--steps", "-1"],          # refused by argparse
    ["train", "--csv", "/no/such/dir/h.csv"],
])
def test_every_argument_error_prints_in_one_format(args):
    r = run(*args)
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert lines[0].startswith("usage: python -m shallownet train")
    assert lines[-1].startswith("python -m shallownet train: error: ")


def test_a_bad_csv_path_is_refused_before_training():
    # ten million steps would take a quarter of an hour: the refusal comes first
    r = run("train", "--steps", "10000000", "--csv", "/no/such/dir/h.csv")
    assert r.returncode == 2
    assert "the folder /no/such/dir does not exist" in r.stderr
    assert "steps (" not in r.stderr and "steps\r" not in r.stderr  # no progress: nothing trained


def test_a_diverged_run_prints_its_last_numbers_readably():
    r = run("train", "--activation", "linear", "--alpha", "10", "--steps", "1000", "--quiet")
    assert r.returncode == 3, r.stderr
    assert max(len(line) for line in r.stdout.splitlines()) < 200
    trainer = Trainer(Settings(activation="linear", alpha=10.0))
    trainer.step(1000)
    cost = trainer.latest.cost_train
    shown = f"{cost:.6f}" if abs(cost) < 1e6 else f"{cost:.6e}"
    assert f"cost        train {shown}" in r.stdout


def test_saved_parameters_and_data_load_back_to_the_same_numbers(tmp_path):
    params, data = tmp_path / "p.json", tmp_path / "d.csv"
    r = run("train", "--dataset", "spiral", "--n1", "6", "--steps", "300", "--quiet",
            "--save-params", str(params), "--save-data", str(data))
    assert r.returncode == 0, r.stderr
    assert f"wrote the parameters to {params}" in r.stdout and "wrote 400 points" in r.stdout
    first = r.stdout.split("wrote")[0]
    # the same network, from the files: its own points and parameters, no step more
    r2 = run("train", "--data", str(data), "--load-params", str(params), "--steps", "0", "--quiet")
    assert r2.returncode == 0, r2.stderr
    assert r2.stdout == first
    # and 100 steps on from there are 100 steps on from the original
    r3 = run("train", "--data", str(data), "--load-params", str(params), "--steps", "100", "--quiet")
    r4 = run("train", "--dataset", "spiral", "--n1", "6", "--steps", "400", "--quiet")
    assert r3.stdout == r4.stdout


def test_own_data_with_other_labels_is_mapped_and_said(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("x1,x2,kind\n" + "".join(f"{i / 10},{(i % 3) / 5},{'yes' if i % 2 else 'no'}\n"
                                             for i in range(40)))
    r = run("train", "--data", str(path), "--steps", "50", "--quiet", "--test-fraction", "0")
    assert r.returncode == 0, r.stderr
    assert "labels: no -> 0, yes -> 1" in r.stdout and "step        50" in r.stdout


@pytest.mark.parametrize("content, message", [
    ("1,2,0\n3,4\n", "line 2: 2 columns"),
    ("1,2,0\n3,4,0\n", "exactly two values"),
])
def test_a_bad_data_file_is_refused_with_its_line(tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_text(content)
    r = run("train", "--data", str(path))
    assert r.returncode == 2 and message in r.stderr and "Traceback" not in r.stderr


def test_a_parameter_file_of_another_n1_is_refused(tmp_path):
    params = tmp_path / "p.json"
    assert run("train", "--steps", "1", "--quiet", "--save-params", str(params)).returncode == 0
    r = run("train", "--load-params", str(params), "--n1", "5", "--quiet")
    assert r.returncode == 2 and "n1 was changed" in r.stderr
    r = run("train", "--load-params", str(tmp_path / "missing.json"))
    assert r.returncode == 2 and "cannot read" in r.stderr
    r = run("train", "--dataset", "own")
    assert r.returncode == 2 and "needs your points: --data FILE" in r.stderr


# --- a newcomer's papercuts -------------------------------------------------------------


def _without_pythonpath():
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "PYTHONSAFEPATH")}


def test_pip_install_e_gives_a_shallownet_command_that_works_from_any_folder(tmp_path):
    """The README's install, `pip install -e .`, run for real: into a throwaway virtual
    environment that sees this Python's packages (so only the project itself is
    installed), from a copy of the files a build reads (so the work tree gets no
    egg-info). Then the command and `python -m shallownet` work from another folder,
    with no PYTHONPATH; the command's usage names it as it was typed."""
    source = tmp_path / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "shallownet", source / "shallownet", ignore=shutil.ignore_patterns("__pycache__"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", "--without-pip", str(venv)],
                   check=True, timeout=60)
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / "python"
    env = _without_pythonpath()
    # the build's own setuptools comes from the package index (pip's build isolation), as for a user
    r = subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", "-e", str(source)],
                       cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    if r.returncode and re.search(r"NewConnectionError|Network is unreachable|Temporary failure in name "
                                  r"resolution|No matching distribution found for setuptools", r.stderr):
        pytest.skip(f"pip could not reach the package index for the build's setuptools: {r.stderr[-300:]}")
    assert r.returncode == 0, r.stderr
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    r = subprocess.run([str(bin_dir / "shallownet"), "train", "--help"],
                       cwd=elsewhere, env=env, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("usage: shallownet train") and "--steps" in r.stdout
    r = subprocess.run([str(python), "-m", "shallownet", "train", "--help"],
                       cwd=elsewhere, env=env, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("usage: python -m shallownet train")


def readme_examples() -> list[str]:
    """The command lines of the README's ```bash block under "## The command line"."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## The command line\n", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```bash\n(.*?)```", section, re.S)
    assert block, 'no ```bash block under "## The command line" in README.md'
    return [line for line in block.group(1).splitlines() if line.strip() and not line.lstrip().startswith("#")]


def test_the_readme_examples_work_pasted_in_order_into_a_fresh_folder(tmp_path):
    """Each line of the README's example, run in order by bash in an empty folder (a
    fresh clone's root, as far as these lines go), as a user pastes them: each must
    succeed, and none may leave a file in that folder (their files go in a scratch
    folder). `shallownet` and `python` there are this checkout's, installed or not."""
    lines = readme_examples()
    assert lines
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    # what `pip install -e .` writes as the command, and `python` as this Python
    (bin_dir / "shallownet").write_text(
        f"#!{sys.executable}\nimport sys\nfrom shallownet.cli import main\nsys.exit(main())\n")
    (bin_dir / "python").write_text(f'#!/bin/sh\nexec {shlex.quote(sys.executable)} "$@"\n')
    for script in bin_dir.iterdir():
        script.chmod(0o755)
    env = {**_without_pythonpath(), "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
           "PYTHONPATH": str(ROOT)}
    clone = tmp_path / "clone"
    clone.mkdir()
    cwd, where = clone, tmp_path / "cwd"
    for line in lines:
        # one shell a line, as typed; a `cd` carries over to the next line as it would
        r = subprocess.run(["bash", "-c", f'{line}\nstatus=$?\npwd > {shlex.quote(str(where))}\nexit $status'],
                           cwd=cwd, env=env, capture_output=True, text=True, timeout=120)
        assert r.returncode == 0, f"README line failed: {line}\n{r.stdout[-1000:]}\n{r.stderr[-2000:]}"
        assert "Traceback" not in r.stderr, line
        cwd = Path(where.read_text().strip())
    assert [p.name for p in clone.iterdir() if not p.is_dir()] == []


@pytest.mark.parametrize("setting", ["dataset", "activation", "init"])
def test_choices_are_taken_in_any_case_and_as_the_apps_menu_spells_them(setting):
    spec = cli.FIELDS[setting]
    for name in spec["options"]:
        menu = texts.EN[f"{setting}.{name}"]  # "Moons", "Gaussian quantiles", "leaky ReLU", "Your own points"
        for typed in (menu, menu.upper(), name.upper(), name.replace("_", "-"), name.replace("_", " ").title()):
            assert cli.choice_name(typed) == name, typed


@pytest.mark.parametrize("typed, dataset", [("Moons", "moons"), ("Gaussian quantiles", "gaussian_quantiles"),
                                            ("XOR", "xor"), ("Flower (the assignment's)", "flower")])
def test_a_data_set_named_as_in_the_menu_trains_on_that_data_set(typed, dataset, tmp_path):
    given, expected = tmp_path / "given.csv", tmp_path / "expected.csv"
    assert cli.main(["train", "--dataset", typed, "--steps", "0", "--quiet", "--save-data", str(given)]) == 0
    assert cli.main(["train", "--dataset", dataset, "--steps", "0", "--quiet", "--save-data", str(expected)]) == 0
    assert given.read_text() == expected.read_text()


def test_an_unknown_data_set_is_still_refused_as_typed():
    r = run("train", "--dataset", "Swirl")
    assert r.returncode == 2 and "dataset = 'Swirl' is not allowed: one of moons" in r.stderr


@pytest.mark.parametrize("typed", ["1,000", "1_000", "1000", " 1,000 "])
def test_steps_are_taken_with_thousands_separators(typed, capsys):
    assert cli.main(["train", "--steps", typed, "--quiet"]) == 0
    assert "step        1,000\n" in capsys.readouterr().out


@pytest.mark.parametrize("typed", ["1,00", "1.000", "1,000_000", "10,00,000", "1e3", ","])
def test_steps_with_misplaced_separators_are_refused(typed, capsys):
    with pytest.raises(SystemExit) as e:
        cli.main(["train", "--steps", typed, "--quiet"])
    assert e.value.code == 2
    assert f"steps must be a whole number (such as 5000 or 5,000), got {typed!r}" in capsys.readouterr().err


def test_whole_number_settings_are_taken_with_thousands_separators_too(tmp_path):
    data = tmp_path / "d.csv"
    assert cli.main(["train", "--m", "1,000", "--seed", "1_234", "--steps", "0", "--quiet",
                     "--save-data", str(data)]) == 0
    assert data.read_text().count("\n") == 1 + 1000


def test_integer_ranges_are_printed_as_integers_with_thousands_separators():
    r = run("train", "--help")
    assert "0 to 2,147,483,646 (default 0)" in " ".join(r.stdout.split())
    assert "e+09" not in r.stdout
    assert "10 to 5,000 (default 400)" in " ".join(r.stdout.split())
    assert "0.0001 to 10 (default 1.2)" in " ".join(r.stdout.split())  # floats as before
    r = run("train", "--seed", "-1")
    assert r.returncode == 2 and "seed = -1 is not allowed: 0 to 2,147,483,646" in r.stderr


@pytest.mark.parametrize("extra, named", [
    (["--dataset", "circles"], "--dataset"),
    (["--dataset", "Moons", "--m", "100"], "--dataset, --m"),
    (["--noise", "0.1"], "--noise"),
])
def test_data_from_a_file_refuses_the_settings_that_make_generated_data(extra, named, tmp_path):
    data = tmp_path / "d.csv"
    data.write_text("x1,x2,label\n0,0,0\n1,1,1\n0,1,0\n1,0,1\n")
    r = run("train", "--data", str(data), *extra, "--steps", "1", "--quiet")
    assert r.returncode == 2, r.stdout
    assert f"argument {named}: not allowed with --data: the points are those of {data}" in r.stderr
    assert "step" not in r.stdout  # nothing trained


def test_data_from_a_file_with_dataset_own_is_consistent_and_accepted(tmp_path):
    data = tmp_path / "d.csv"
    data.write_text("x1,x2,label\n0,0,0\n1,1,1\n0,1,0\n1,0,1\n")
    for own in ("own", "Your own points"):
        r = run("train", "--data", str(data), "--dataset", own, "--steps", "1", "--quiet", "--test-fraction", "0")
        assert r.returncode == 0, r.stderr


def test_gitignore_has_the_virtual_environment_and_the_examples_folder():
    ignored = (ROOT / ".gitignore").read_text().split()
    assert ".venv/" in ignored and "runs/" in ignored
