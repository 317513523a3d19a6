"""The animation from the command line (``train ... --gif FILE``), run as a user runs
it: a real subprocess. The file is the same as the app's for the same run."""

import io
import subprocess
import sys

import pytest
from PIL import Image

from shallownet.core import movie
from shallownet.core.settings import Settings
from shallownet.core.trainer import Trainer
from shallownet.plots import animation
from shallownet.ui.i18n.en import EN
from tests.conftest import ROOT


def run(*args, cwd=None, env=None):
    return subprocess.run([sys.executable, "-m", "shallownet", *args], capture_output=True, text=True,
                          timeout=120, cwd=cwd, env=env)


SMALL = ("--seconds", "2", "--size", "640x360")


def test_train_writes_the_run_as_a_gif_the_same_file_as_the_apps(tmp_path):
    path = tmp_path / "run.gif"
    r = run("train", "--dataset", "circles", "--n1", "5", "--steps", "400", "--gif", str(path), *SMALL)
    assert r.returncode == 0, r.stderr
    assert f"making {path}: 2 s, 640x360, step 0 to 400" in r.stdout
    assert f"wrote the animation (20 frames at 10 a second) to {path}" in r.stdout
    assert "100/100 % of the animation" in r.stderr  # its progress bar
    data = path.read_bytes()
    with Image.open(io.BytesIO(data)) as im:
        assert im.size == (640, 360) and im.n_frames > 2
    trainer = Trainer(Settings(dataset="circles", n1=5))
    trainer.step(400)
    run_ = trainer.run_record()
    request = movie.Request(640, 360, 2)
    assert data == animation.render(run_, request, animation.labels_from(EN.get, run_))


def test_the_same_command_writes_the_same_bytes_and_korean_other_ones(tmp_path):
    files = [tmp_path / name for name in ("a.gif", "b.gif", "ko.gif")]
    for path, lang in zip(files, ("en", "en", "ko")):
        r = run("train", "--steps", "200", "--quiet", "--gif", str(path), "--lang", lang, *SMALL)
        assert r.returncode == 0, r.stderr
    a, b, ko = (p.read_bytes() for p in files)
    assert a == b and ko != a


def test_train_writes_an_mp4_where_pyav_is_installed(tmp_path):
    if not animation.mp4_available():
        pytest.skip("PyAV is not installed: no MP4 here")
    path = tmp_path / "run.mp4"
    r = run("train", "--steps", "200", "--quiet", "--mp4", str(path), "--spacing", "even", *SMALL)
    assert r.returncode == 0, r.stderr
    assert path.read_bytes()[4:8] == b"ftyp"


def test_without_pyav_mp4_is_refused_before_training_and_gif_still_works(tmp_path):
    blocked = tmp_path / "blocked"
    blocked.mkdir()
    (blocked / "av.py").write_text("raise ImportError('PyAV is blocked for this test')\n")
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": f"{blocked}:{ROOT}"}
    r = run("train", "--steps", "100", "--mp4", str(tmp_path / "x.mp4"), env=env)
    assert r.returncode == 2
    assert "error: argument --mp4: MP4 needs PyAV (pip install av)" in r.stderr
    assert "step " not in r.stdout  # nothing was trained
    r = run("train", "--steps", "100", "--quiet", "--gif", str(tmp_path / "x.gif"), *SMALL, env=env)
    assert r.returncode == 0, r.stderr


@pytest.mark.parametrize("args, message", [
    (("--size", "640x640"), "argument --size: 640 x 640 is not allowed: the width must be 1.25 to 2.4 times"),
    (("--size", "4000x2000"), "argument --size: width = 4000 is not allowed: an even number of pixels"),
    (("--size", "wide"), "argument --size: size = 'wide' is not allowed: width x height in pixels"),
    (("--seconds", "60"), "argument --seconds: seconds = 60 is not allowed: 2 to 20"),
    (("--steps", "0"), "argument --gif: an animation needs steps to show: --steps 1 or more"),
    (("--spacing", "late"), "argument --spacing: invalid choice: 'late'"),
])
def test_a_bad_animation_argument_is_named_before_training(tmp_path, args, message):
    r = run("train", "--gif", str(tmp_path / "x.gif"), *args)
    assert r.returncode == 2
    assert message in r.stderr, r.stderr
    assert not (tmp_path / "x.gif").exists()


def test_an_unwritable_animation_path_is_refused_before_training(tmp_path):
    r = run("train", "--steps", "100", "--gif", str(tmp_path / "missing" / "x.gif"))
    assert r.returncode == 2
    assert "argument --gif: cannot write" in r.stderr and "does not exist" in r.stderr
    assert "step " not in r.stdout
