"""Fixtures of the AppTest tests (their helpers are in tests/app/apptest.py)."""

import pytest

from tests.app.apptest import APP, opened


@pytest.fixture
def at(request):
    """A session opened on the test module's ``PAGE`` (a page script, see
    apptest.page_script), or on app.py where the module names none."""
    return opened(getattr(request.module, "PAGE", APP))
