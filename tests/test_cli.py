"""The command line, run as a user runs it: a real subprocess."""

import csv
import subprocess
import sys

import pytest

from shallownet.settings import Settings
from shallownet.trainer import Trainer


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


def test_divergence_is_reported_not_crashed():
    r = run("train", "--activation", "linear", "--alpha", "10", "--steps", "1000", "--quiet")
    assert r.returncode == 0, r.stderr
    trainer = Trainer(Settings(activation="linear", alpha=10.0))
    trainer.step(1000)
    step = trainer.divergence.step
    assert f"stopped: at step {step} the cost was no longer finite; alpha = 10 is too large" in r.stdout


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
    assert r.returncode == 0, r.stderr
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
