"""shallownet's tests: unit/ (the core and the pure modules), app/ (the pages in Streamlit's
AppTest), e2e/ (the app served for real, in headless chromium). A package, so that their
helper modules are imported by name (tests.app.apptest, tests.e2e.helpers)."""
