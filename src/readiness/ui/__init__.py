"""The window: the only package that imports Qt (PySide6).

Start it with :func:`readiness.ui.launch.launch`; nothing here is imported by the rest of the
application, so the command line never loads Qt.
"""
