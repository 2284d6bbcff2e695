"""The window's controllers: one per page, plus the window-level actions (see ``app.py``).

Views (``ui/*_page.py``, ``ui/*_view.py``) lay widgets out; controllers connect their signals to
the services. ``Controller`` in ``app.py`` builds them all and is what the application starts.
"""

from readiness.ui.controllers.app import Controller

__all__ = ["Controller"]
