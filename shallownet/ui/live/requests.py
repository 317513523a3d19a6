"""The live view's requests to the server (its component's value: Pause's rewind,
a click on the plane, the figures, a redraw, a batch, its step on screen).

A component's value stays the same through every later run of the page, so each
request carries an id and is answered once: ``Answered.first`` is True the first
time it sees an id of a kind, and remembers it.
"""

from __future__ import annotations


class Answered:
    def __init__(self):
        self._last: dict[str, object] = {}  # kind -> the id of the last request answered

    def first(self, kind: str, request_id) -> bool:
        """Whether request ``request_id`` of ``kind`` is new (then it counts as answered)."""
        if request_id is None or self._last.get(kind) == request_id:
            return False
        self._last[kind] = request_id
        return True

    def last(self, kind: str):
        """The id of the last request of ``kind`` answered, or None."""
        return self._last.get(kind)
