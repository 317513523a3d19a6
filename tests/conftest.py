"""Shared by every folder of tests: ROOT, the project's root (app.py, pages/, README.md,
benchmarks/ are found from it).

The layout: unit/ tests the core and the pure modules against the maths, app/ the pages
and the session's state through Streamlit's AppTest (helpers in tests/app/apptest.py,
fixtures in tests/app/conftest.py), e2e/ the app served for real and driven by headless
chromium (helpers in tests/e2e/helpers.py, fixtures in tests/e2e/conftest.py)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
