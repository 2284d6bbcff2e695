"""Starting where Qt cannot: no display, missing xcb libraries (no Qt needed for these)."""

from __future__ import annotations

from pathlib import Path

import pytest

from readiness.ui import preflight
from readiness.ui.launch import launch
from ui_helpers import no_thread_leaks

__all__ = ["no_thread_leaks"]


def loader(missing: set[str]):
    return lambda soname: soname not in missing


def test_no_display_at_all() -> None:
    problem = preflight.check({}, "linux", loader(set()))
    assert problem is not None and problem.exit_code == 1
    assert problem.message == (
        "No display found: the window needs a desktop session. "
        "Use the command line instead: readiness --help"
    )
    problem = preflight.check({"QT_QPA_PLATFORM": "xcb"}, "linux", loader(set()))
    assert problem is not None and problem.message.startswith("No display found")
    problem = preflight.check({"QT_QPA_PLATFORM": "wayland"}, "linux", loader(set()))
    assert problem is not None and problem.message.startswith("No display found")


@pytest.mark.parametrize("platform", ["offscreen", "minimal", "vnc", "offscreen:fontengine=x"])
def test_headless_platforms_need_nothing(platform: str) -> None:
    everything = set(preflight.XCB_LIBRARIES)
    assert preflight.check({"QT_QPA_PLATFORM": platform}, "linux", loader(everything)) is None


def test_other_systems_are_not_checked() -> None:
    assert preflight.check({}, "win32", loader(set(preflight.XCB_LIBRARIES))) is None
    assert preflight.check({}, "darwin", loader(set(preflight.XCB_LIBRARIES))) is None


def test_missing_xcb_libraries_name_the_packages() -> None:
    missing = {"libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"}
    for environ in ({"DISPLAY": ":0"}, {"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}):
        problem = preflight.check(environ, "linux", loader(missing))
        assert problem is not None and problem.exit_code == 1
        assert "libxcb-cursor.so.0, libxcb-icccm.so.4, libxcb-keysyms.so.1" in problem.message
        assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1" in (
            problem.message
        )
        assert "readiness --help" in problem.message
    assert preflight.check({"DISPLAY": ":0"}, "linux", loader(set())) is None


def test_wayland_session_with_wayland_libraries_needs_no_xcb() -> None:
    environ = {"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}
    xcb_only = set(preflight.XCB_LIBRARIES) - set(preflight.WAYLAND_LIBRARIES)
    assert preflight.check(environ, "linux", loader(xcb_only)) is None
    # without the Wayland client libraries Qt falls back to xcb, so xcb is checked
    no_wayland = {"libwayland-client.so.0", "libxcb-cursor.so.0"}
    problem = preflight.check(environ, "linux", loader(no_wayland))
    assert problem is not None and "libxcb-cursor0" in problem.message


def test_every_library_maps_to_one_package() -> None:
    assert all(soname.startswith("lib") and ".so." in soname for soname in preflight.XCB_LIBRARIES)
    assert preflight.XCB_LIBRARIES["libxkbcommon-x11.so.0"] == "libxkbcommon-x11-0"
    assert preflight.XCB_LIBRARIES["libxcb-render-util.so.0"] == "libxcb-render-util0"


def test_can_load_uses_the_dynamic_loader() -> None:
    assert preflight.can_load("libc.so.6")
    assert not preflight.can_load("libdefinitely-not-here.so.42")


def test_launch_stops_before_qt_when_there_is_no_display(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setattr("sys.platform", "linux")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert launch(tmp_path / "x.db") == 1
    assert capsys.readouterr().err.strip() == preflight.no_display_message()
    assert not (tmp_path / "x.db").exists()  # nothing was opened
