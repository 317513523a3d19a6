"""One browser session's Playground: its trainer, whether it plays, what to tell the
user, and the time-budgeted loop that trains a batch of frames while it plays.

Nothing here draws: the page lays out widgets, frames.py turns the state into what
the live view is sent, plots/playground.py builds the figures, and this class keeps the
state in between. It lives in ``st.session_state``, so every session trains its
own network.
"""

from __future__ import annotations

import functools
import threading
import time
import weakref

import numpy as np

from shallownet.core.datasets import OWN
from shallownet.core.grid import make_grid
from shallownet.core.settings import DEFAULTS, Settings
from shallownet.core.trainer import Run, Snapshot, Trainer, source_points
from shallownet.ui.live import frames as live_frames
from shallownet.ui.live.requests import Answered

# The live loop: while playing, a batch of frames is trained every BATCH_SECONDS
# (by the live stream, ui/live/stream.py, or at the view's request) and the browser
# plays them, one every FRAME_SECONDS, while the next batch comes. A batch also
# carries the curves' whole history (ui/live/frames.py): a second's worth of frames
# keeps that cost small.
BATCH_SECONDS = 1.0
FRAME_SECONDS = 0.04  # 25 frames a second
FRAMES_PER_BATCH = round(BATCH_SECONDS / FRAME_SECONDS)
# A busy server (many sessions) comes to the next batch late: the batch then
# fills the time since the last one, up to this many frames, so that frames keep
# coming at the same pace, each with fewer steps when the server is busy (its
# budget).
MAX_FRAMES_PER_BATCH = 2 * FRAMES_PER_BATCH
# A batch computes for at most this share of the time it fills, so that Pause and
# the controls always answer; each frame gets its share, and with a big network
# at a high speed a frame then has fewer steps than asked: the picture stays
# smooth. The share is the process's: sessions playing at once divide it (one
# interpreter trains them all), so that each still gets its batch every
# BATCH_SECONDS, its frames with fewer steps.
BUDGET_SHARE = 0.6
# The first batch after Play is what the click waits for, so it computes for at
# most this long (its frames may carry fewer steps than asked: with a big network
# at a high speed the batch would take 0.6 s).
FIRST_BATCH_BUDGET = 0.3
CHUNK_SECONDS = 0.01  # training runs in chunks of about this long between clock checks
# Pause goes back to the frame on screen. The view may show a frame two batches
# old (its queue), and a slow browser also holds messages it has not read yet, so
# the frames of the last SNAPSHOT_SECONDS are kept (each the parameter vector and
# one Record), well beyond how far ahead of a slow screen the server gets.
SNAPSHOT_SECONDS = 10
# The boundary's grid: GRID_SIZE x GRID_SIZE points over the data (its extent fixes
# the axes); the view's heatmap where it draws without WebGL, and the PNG's.
GRID_SIZE = 100
# How long a lecture page opened while playing waits for the view's word of the
# step on its screen (sent as its page is left), before it pauses on the last one
SCREEN_WORD_SECONDS = 0.3
# Training towards a link's step ("play to a goal") stops after this much of the
# server's CPU, so that a link asking for a million steps on a big network
# holds a core for seconds, not minutes; Play goes on from where it stopped.
GOAL_CPU_SECONDS = 5.0
SPEEDS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)  # steps per frame
DEFAULT_SPEED = 100

# The sessions of this process that asked for a batch (the budget's sharers)
_batch_takers: weakref.WeakSet = weakref.WeakSet()


def sessions_playing(now: float) -> int:
    """How many sessions of this process play now: those that asked for a batch in
    the last two BATCH_SECONDS and still play."""
    return sum(1 for p in list(_batch_takers)
               if p.playing and p.last_batch is not None and now - p.last_batch < 2 * BATCH_SECONDS)


def _locked(method):
    """Run ``method`` holding the Playground's lock (see Playground._lock)."""
    @functools.wraps(method)
    def run(self, *args, **kwargs):
        with self._lock:
            return method(self, *args, **kwargs)
    return run


class Playground:
    def __init__(self, settings: Settings = DEFAULTS):
        # The live stream trains in a worker thread while the page's runs (Pause,
        # a slider) change the state in theirs; and Streamlit starts a click's run
        # in a new thread before the last one has stopped. Every change of state
        # holds this lock, and the training loop takes it chunk by chunk and stops
        # as soon as it is no longer playing, so Pause stops the network where it
        # recorded it.
        self._lock = threading.RLock()
        self.trainer = Trainer(settings)
        self.playing = False
        self.speed = DEFAULT_SPEED
        self.cost_log = False
        # what just happened: a text key and its values ("settings": the names of
        # the settings that changed, put into words by the page)
        self.notice: tuple[str, dict] | None = None
        self.rev = 0  # bumped whenever the network starts anew: the view drops old frames
        self._chunk = 1  # steps per chunk while playing, adapted to take CHUNK_SECONDS
        self._last_batch: float | None = None  # when the last batch was asked for (perf_counter)
        self._first_batch = False  # the next batch is the first after Play
        # Pause stops where the browser is, not where the server is: the view plays
        # a batch behind the training, so Pause offers to go back to the frame on
        # screen, which the view then asks for (``rewind``).
        self._snapshots: dict[int, Snapshot] = {}  # step -> its state, the last SNAPSHOT_SECONDS of frames
        self._paused_at: int | None = None  # the server's step at Pause, until answered
        self.answered = Answered()  # the view's requests: "rewind" and "click", each answered once
        # points the user added by clicking (x, y, class), and the data before them
        self.clicked: list[tuple[float, float, int]] = []
        self._before_clicks = None
        self.click_class: int | None = None  # the class a click adds; None: clicks add nothing
        # the step the view last said it shows (over the stream, or with a request)
        self.screen_step: int | None = None
        self._screen_told = threading.Event()  # set by each report of the view's step
        # playing towards a link's step: the step, and the CPU seconds spent on it
        self.goal: int | None = None
        self._goal_cpu = 0.0
        # playing stopped by itself (divergence, or the goal reached or its time
        # spent): the page must be drawn again to say so; cleared by the next action
        self.ended = False
        self._new_grid()

    # -- state ------------------------------------------------------------------
    @property
    def settings(self) -> Settings:
        return self.trainer.settings

    @property
    def diverged(self) -> bool:
        return self.trainer.divergence is not None

    def _new_grid(self) -> None:
        d = self.trainer.data
        self.grid = make_grid(d.X_all, GRID_SIZE)

    def _new_network(self) -> None:
        self.rev += 1
        self._snapshots.clear()
        # while playing, the new network's first batch is due at once, and quick
        self._last_batch = None
        self._first_batch = True
        self.goal = None  # a link's step belongs to the network it was asked for
        if self.diverged:
            self.playing = False

    # -- what the user does -----------------------------------------------------
    @_locked
    def apply(self, settings: Settings) -> None:
        """Move to ``settings``: alpha applies from the next step, anything else
        starts a new network; the notice says which and why."""
        change = self.trainer.apply(settings)
        if change.kind == "none":
            return
        if change.kind == "alpha":
            self.notice = ("notice.alpha", {"alpha": f"{settings.alpha:g}"})
            return
        if change.kind == "data":
            self._new_grid()
        self.notice = (f"notice.{change.kind}", {"settings": change.fields})
        self._new_network()

    @_locked
    def load(self, settings: Settings, params, step: int) -> None:
        """A saved network (a parameter file): ``settings``, then ``params`` as at
        ``step``, paused; the view starts it anew."""
        self.pause()
        self.apply(settings)
        self.trainer.start_from(params, step)
        self.notice = None
        self._new_network()

    @_locked
    def use_points(self, X, Y) -> None:
        """Train on the user's own points (X (2, m), Y (1, m)) from now on."""
        change = self.trainer.use_points(X, Y)
        self.clicked = []
        self._before_clicks = None
        self._new_grid()
        self.notice = (f"notice.{change.kind}", {"settings": change.fields})
        self._new_network()

    # -- points added by clicking the boundary ------------------------------------
    @_locked
    def add_point(self, x: float, y: float, cls: int) -> None:
        """A point of class ``cls`` where the user clicked (in the plane as shown):
        it joins the data, and the network trains on from where it is."""
        if self._before_clicks is None:
            X, Y = source_points(self.settings, self.trainer.points)
            self._before_clicks = (X, Y, self.settings.dataset, self.trainer.points)
        self.clicked.append((*self.trainer.raw_point(x, y), int(cls)))
        self._use_clicked()

    @_locked
    def undo_point(self) -> None:
        if self.clicked:
            self.clicked.pop()
            self._use_clicked()

    @_locked
    def clear_points(self) -> None:
        """Take every clicked point away: the data before the first click, and the
        data set it came from."""
        if self._before_clicks is None:
            return
        X, Y, name, points = self._before_clicks
        self.clicked = []
        self._before_clicks = None
        if name == OWN:
            self.trainer.use_points(*points[:2], split=points[2] if len(points) > 2 else None,
                                    keep_network=True)
        else:
            self.trainer.apply(self.settings.replace(dataset=name))
        self._new_grid()
        self._new_network()

    @_locked
    def answer_click(self, click_id, point) -> bool:
        """The view's click ``click_id`` at ``point`` (x, y): a point of the class
        chosen, once; nothing when no class is chosen or the point is not two
        finite numbers."""
        if self.click_class is None or not self.answered.first("click", click_id):
            return False
        try:
            x, y = (float(v) for v in point)
        except (TypeError, ValueError):
            return False
        if not (np.isfinite(x) and np.isfinite(y)):
            return False
        self.add_point(x, y, self.click_class)
        return True

    def _use_clicked(self) -> None:
        X, Y, _, points = self._before_clicks
        # the points there were keep their split; the clicked ones all train
        split = points[2] if points is not None and len(points) > 2 else X.shape[1]
        if self.clicked:
            added = np.array(self.clicked, dtype=float)
            X = np.hstack([X, added[:, :2].T])
            Y = np.hstack([Y, added[:, 2].astype(np.int64)[None, :]])
        self.trainer.use_points(X, Y, split=split, keep_network=True)
        self._new_grid()
        self._new_network()

    @_locked
    def step(self, k: int) -> None:
        self.trainer.step(k)
        self.notice = None
        self.ended = False
        if self.diverged:
            self.playing = False

    @_locked
    def reset(self) -> None:
        self.trainer.reset()
        self.playing = False
        self.notice = ("notice.reset", {})
        self._new_network()

    @_locked
    def play(self) -> None:
        self.playing = not self.diverged
        self.notice = None
        self.goal = None
        self.ended = False
        self._last_batch = None
        self._first_batch = True

    @_locked
    def play_to(self, goal: int) -> None:
        """Play until step ``goal`` (a link's), as fast as the batches' budget
        allows, for at most GOAL_CPU_SECONDS of training; then pause there, and
        the notice says where it stopped."""
        self.play()
        if self.trainer.step_count < goal and self.playing:
            self.goal, self._goal_cpu = goal, 0.0
        else:
            self.playing = False

    @_locked
    def pause(self) -> None:
        if self.playing:
            self._paused_at = self.trainer.step_count
        self.playing = False
        self.goal = None
        self.ended = False

    def report_screen(self, step: int) -> None:
        """The view shows ``step`` now."""
        self.screen_step = step
        self._screen_told.set()

    def pause_on_screen(self, wait: float = SCREEN_WORD_SECONDS) -> bool:
        """Pause where the view says it is (a lecture page opened while playing):
        True if it was playing. The view tells its step as its page is left, over
        its own socket, which may arrive a moment after this run began: up to
        ``wait`` seconds are given to it."""
        with self._lock:
            was = self.playing
            self.pause()
            self._screen_told.clear()
        if was:
            self._screen_told.wait(wait)
        with self._lock:
            if was and self.screen_step is not None:
                self.rewind(self.screen_step)
            self._paused_at = None
        return was

    def _end_goal(self, reached: bool) -> None:
        step = f"{self.trainer.step_count:,}"
        if reached:
            self.notice = ("live.link_reached", {"step": step})
        else:
            self.notice = ("live.link_stopped", {"step": step, "goal": f"{self.goal:,}",
                                             "seconds": f"{GOAL_CPU_SECONDS:g}"})
        self._stop_by_itself()

    def _stop_by_itself(self) -> None:
        """Playing stops without a click (divergence, a link's goal): the page must
        be drawn again to say why."""
        self.goal = None
        self.playing = False
        self.ended = True

    @property
    def rewind_offer(self) -> bool:
        """Whether the view may ask to go back to the frame it shows: just after
        Pause, until it has asked or anything else has happened. It stands over
        several messages, since a busy browser skips messages that a newer one
        overtakes."""
        return not self.playing and self._paused_at is not None and self._paused_at == self.trainer.step_count

    @property
    def rewind_answered(self):
        """The id of the view's last request to go back that was answered."""
        return self.answered.last("rewind")

    @_locked
    def answer_rewind(self, request_id, step) -> bool:
        """The view's request ``request_id`` to go back to ``step``: answered once;
        the offer is closed whether or not it could go back."""
        if not self.answered.first("rewind", request_id):
            return False
        done = isinstance(step, int) and self.rewind(step)
        self._paused_at = None
        return done

    def rewind(self, step: int) -> bool:
        """After Pause, go back to ``step``, the frame the view had on screen, if
        nothing happened since and that frame is one of the last batches sent."""
        snap = self._snapshots.get(step)
        if not self.rewind_offer or snap is None:
            return False
        self.trainer.restore(snap)
        self._paused_at = None
        self._snapshots = {s: v for s, v in self._snapshots.items() if s <= step}
        return True

    @_locked
    def set_speed(self, steps_per_frame: int) -> None:
        self.speed = steps_per_frame

    def set_cost_log(self, on: bool) -> None:
        self.cost_log = bool(on)

    @_locked
    def run_record(self) -> Run:
        """What trains the run on screen again, from where it began to the current
        step (core/replay.py): taken under the lock, so that the batch thread
        cannot step between its parts."""
        return self.trainer.run_record()

    # -- frames -------------------------------------------------------------------
    @property
    def last_batch(self) -> float | None:
        """When the last batch was asked for (perf_counter); None before the first
        after Play or after a new network."""
        return self._last_batch

    def batch_frames(self, now: float) -> int:
        """How many frames the batch asked for at ``now`` (perf_counter) holds: as
        many as fill the time since the last batch was asked for, at least
        FRAMES_PER_BATCH (the first after Play too), at most MAX_FRAMES_PER_BATCH."""
        last, self._last_batch = self._last_batch, now
        _batch_takers.add(self)
        if last is None:
            return FRAMES_PER_BATCH
        return max(FRAMES_PER_BATCH, min(MAX_FRAMES_PER_BATCH, round((now - last) / FRAME_SECONDS)))

    def advance(self, lang: str | None = None, count: int = FRAMES_PER_BATCH,
                budget: float | None = None) -> list[dict]:
        """Train one batch of ``count`` frames, ``speed`` steps each, or as many as
        fit in the frame's share of ``budget`` seconds (by default BUDGET_SHARE of
        the time the frames fill, and at most FIRST_BATCH_BUDGET for the first
        batch after Play); it ends early on divergence."""
        frames = []
        started = time.perf_counter()
        if budget is None:
            budget = BUDGET_SHARE * count * FRAME_SECONDS / max(1, sessions_playing(started))
            if self._first_batch:
                budget = min(budget, FIRST_BATCH_BUDGET)
        self._first_batch = False
        keep = round(SNAPSHOT_SECONDS / FRAME_SECONDS)
        if len(self._snapshots) > keep:
            self._snapshots = dict(list(self._snapshots.items())[-keep:])
        cpu = time.thread_time()  # a goal's time counts the frames' work too
        for i in range(count):
            deadline = started + (i + 1) * budget / count
            # towards a goal, each frame trains as many steps as its time allows
            todo = self.speed if self.goal is None else self.goal - self.trainer.step_count
            while todo > 0 and not self.diverged and time.perf_counter() < deadline:
                chunk = min(todo, self._chunk)
                with self._lock:
                    if not self.playing:
                        return frames
                    t0 = time.perf_counter()
                    self.trainer.step(chunk)
                    took = time.perf_counter() - t0
                self._chunk = max(1, min(10_000, int(chunk * CHUNK_SECONDS / max(took, 1e-6))))
                todo -= chunk
            with self._lock:
                if not self.playing:
                    return frames
                frames.append(self.frame(lang))
                self._snapshots[self.trainer.step_count] = self.trainer.snapshot()
                if self.goal is not None:
                    self._goal_cpu += time.thread_time() - cpu
                cpu = time.thread_time()
                if self.diverged:
                    self._stop_by_itself()
                    break
                if self.goal is not None and (self.trainer.step_count >= self.goal
                                              or self._goal_cpu >= GOAL_CPU_SECONDS):
                    self._end_goal(reached=self.trainer.step_count >= self.goal)
                    break
        return frames

    def frame(self, lang: str | None = None) -> dict:
        """The network as it is now, as one frame of the live view."""
        return live_frames.frame(self.trainer, lang)


def batch_payload(playground: Playground, feed: live_frames.Feed, lang: str | None, present: bool) -> dict | None:
    """The next batch of ``playground``'s frames as the view's payload, trained now (for the
    live stream, or for the view's request when the stream is not there). None
    when ``playground`` stopped playing meanwhile; a batch whose end stopped playing by
    itself (divergence, a link's step reached) goes, and asks for the page to be
    drawn again (``rerun``) so that it says why."""
    count = playground.batch_frames(time.perf_counter())
    frames = playground.advance(lang, count)
    with playground._lock:
        if not frames or not (playground.playing or playground.ended):
            return None
        frame_ms = round(1000 * FRAME_SECONDS * max(count, len(frames)) / len(frames))
        payload = feed.payload(playground, frames, lang, frame_ms=frame_ms, with_figures=False, present=present)
    payload["rerun"] = playground.ended
    return payload
