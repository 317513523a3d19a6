"""The live stream's server side (ui/live/stream.py): what a batch message holds, when
batches are due, and the loop that sends them while a session plays. The socket
itself is used by the end-to-end tests (tests/e2e)."""

import asyncio
import contextlib
import gc
import threading

import numpy as np

from shallownet.ui.live import stream as live_stream
from shallownet.ui.live.frames import Feed
from shallownet.ui.live.stream import Stream, pack, seconds_to_next_batch, serve, unpack
from shallownet.ui.session import BATCH_SECONDS, FRAMES_PER_BATCH, Playground


def test_a_message_is_the_payload_and_its_networks():
    playground = Playground()
    playground.play()
    frames = playground.advance(count=2, budget=60.0)
    payload = Feed().payload(playground, frames, "en", frame_ms=40)
    got, networks = unpack(pack(payload))
    assert got["id"] == payload["id"] and got["playing"] is True
    assert [f["step"] for f in got["frames"]] == [f["step"] for f in frames]
    n = 4 * (4 * playground.settings.n1 + 1)
    assert got["frames"][1]["net"] == {"offset": n, "length": n} and len(networks) == 2 * n
    assert (np.frombuffer(networks[n:], np.float32) == frames[1]["net"]).all()


def test_a_batch_is_due_at_once_after_play_and_a_new_network_then_every_batch_seconds():
    playground = Playground()
    assert seconds_to_next_batch(playground, 0.0) is None  # not playing
    playground.play()
    assert seconds_to_next_batch(playground, 0.0) == 0.0
    playground.batch_frames(100.0)
    assert seconds_to_next_batch(playground, 100.25) == BATCH_SECONDS - 0.25
    assert seconds_to_next_batch(playground, 100.0 + 2 * BATCH_SECONDS) == 0.0
    playground.apply(playground.settings.replace(n1=7))  # a new network: its first batch at once
    assert seconds_to_next_batch(playground, 100.25) == 0.0


def test_the_loop_sends_while_playing_and_stops_at_pause():
    playground = Playground()
    stream = Stream(playground, Feed())
    stream.update("en", False)
    sent, owner = [], object()

    async def send(message):
        sent.append(unpack(message)[0])
        if len(sent) == 2:
            playground.pause()
            stream.wake()

    async def run():
        task = asyncio.create_task(serve(stream, send, owner))
        await asyncio.sleep(0.05)
        assert not sent  # at rest: nothing
        playground.play()
        stream.wake()  # as the script run of Play does
        while len(sent) < 2:
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.3)
        assert not task.done()  # it waits for Play
        # a second connection with the same token is served nothing and ends at
        # once; the first goes on
        await asyncio.wait_for(serve(stream, send, object()), 1)
        assert not task.done()
        task.cancel()

    # in a thread of its own: after the end-to-end tests, Playwright's loop is
    # the running one in this thread, and asyncio.run refuses to start another
    outcome = []

    def in_thread():
        with contextlib.suppress(asyncio.CancelledError):
            asyncio.run(run())
        outcome.append("done")

    thread = threading.Thread(target=in_thread)
    thread.start()
    thread.join(30)
    assert outcome == ["done"], "the loop's run failed or hung (its exception is in the warnings)"
    assert len(sent) == 2  # nothing after Pause
    assert all(p["playing"] and len(p["frames"]) >= FRAMES_PER_BATCH for p in sent)
    assert sent[1]["id"] > sent[0]["id"]
    assert sent[1]["frames"][0]["step"] > sent[0]["frames"][-1]["step"]
    assert sent[1]["frames"][-1]["step"] == playground.trainer.step_count


def test_a_session_gone_is_gone_from_the_stream():
    stream = Stream(Playground(), Feed())
    token = stream.token
    assert live_stream._streams.get(token) is stream
    del stream
    gc.collect()
    assert live_stream._streams.get(token) is None
