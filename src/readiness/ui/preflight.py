"""Checks made before Qt loads, so a missing display or library gets one clear message.

Qt's own failure here is an abort with a cryptic "could not load the Qt platform plugin
'xcb'" and a core dump. This module imports no Qt (and nothing heavy), so ``launch`` can
run it first and exit 1 with a sentence a user can act on.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping

from readiness.i18n import _

# What Qt 6's xcb platform plugin (libqxcb.so and libQt6XcbQpa.so.6) links against, read with
# `readelf -d`, and the Debian/Ubuntu package that ships each library. (Qt 6 no longer needs
# libxcb-xinerama.)
XCB_LIBRARIES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
}

WAYLAND_LIBRARIES: dict[str, str] = {
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libxkbcommon.so.0": "libxkbcommon0",
}

# Platforms that need no display server (or that the user chose knowingly).
HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc", "eglfs", "linuxfb", "vkkhrdisplay")


class Problem:
    """Why the window cannot start (a plain class: dataclasses cost start-up time here)."""

    __slots__ = ("exit_code", "message")

    def __init__(self, message: str, exit_code: int = 1) -> None:
        self.message = message
        self.exit_code = exit_code

    def __repr__(self) -> str:
        return f"Problem({self.message!r}, {self.exit_code})"


def can_load(soname: str) -> bool:
    """Whether the dynamic loader finds ``soname`` (what Qt's plugin loader will need)."""
    import ctypes  # here: the window needs ctypes only when there is a display to check

    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_libraries(
    libraries: Mapping[str, str], loader: Callable[[str], bool] = can_load
) -> list[str]:
    return [soname for soname in libraries if not loader(soname)]


def no_display_message() -> str:
    return _(
        "No display found: the window needs a desktop session. "
        "Use the command line instead: readiness --help"
    )


def missing_libraries_message(missing: list[str], libraries: Mapping[str, str]) -> str:
    packages = sorted(dict.fromkeys(libraries[soname] for soname in missing))
    return _(
        "The window cannot start: Qt's X11 (xcb) platform plugin needs system libraries "
        "that are missing: {libraries}.\n"
        "Install them (Debian/Ubuntu) with:\n"
        "    sudo apt-get install {packages}\n"
        "Meanwhile the command line works: readiness --help"
    ).format(libraries=", ".join(missing), packages=" ".join(packages))


def check(
    environ: Mapping[str, str] | None = None,
    platform: str | None = None,
    loader: Callable[[str], bool] = can_load,
) -> Problem | None:
    """What stops the window from opening, or None when Qt should start fine."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux"):
        return None
    chosen = environ.get("QT_QPA_PLATFORM", "").strip().lower()
    first = chosen.split(";")[0].split(":")[0]
    if first in HEADLESS_PLATFORMS:
        return None
    has_x = bool(environ.get("DISPLAY"))
    has_wayland = bool(environ.get("WAYLAND_DISPLAY"))
    if first == "wayland":
        return None if has_wayland else Problem(no_display_message())
    if not has_x and not has_wayland:
        return Problem(no_display_message())
    if (
        not first
        and has_wayland
        and environ.get("XDG_SESSION_TYPE", "").lower() == "wayland"
        and not missing_libraries(WAYLAND_LIBRARIES, loader)
    ):
        return None  # Qt picks its Wayland plugin first in a Wayland session
    missing = missing_libraries(XCB_LIBRARIES, loader)
    if missing:
        return Problem(missing_libraries_message(missing, XCB_LIBRARIES))
    return None


def run() -> int:
    """Print the problem to stderr and return its exit code; 0 when Qt may start."""
    problem = check()
    if problem is None:
        return 0
    print(problem.message, file=sys.stderr)
    return problem.exit_code
