"""Run inside ``xvfb-run -a dbus-run-session``: start the AT-SPI bus, the application on
database ARGV[1] with accessibility on, then the system-python probe until the main window's
controls are seen (or TIMEOUT). Prints the probe's JSON lines; exit 0 when seen."""

import os
import subprocess
import sys
import time

LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
PROBE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "probe.py")
TIMEOUT = 60.0
APP_NAME = "readiness"


def main() -> int:
    db = sys.argv[1]
    env = dict(os.environ)
    env.update(
        QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
        QT_ACCESSIBILITY="1",
        QT_QPA_PLATFORM="xcb",
        NO_AT_BRIDGE="0",
    )
    env.pop("QT_QPA_PLATFORMTHEME", None)
    bus = subprocess.Popen([LAUNCHER, "--launch-immediately"], env=env)
    app = subprocess.Popen(
        [sys.executable, "-m", "readiness.cli", "--db", db, "gui"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + TIMEOUT
        last = ""
        while time.monotonic() < deadline:
            if app.poll() is not None:
                error = app.stderr.read().decode(errors="replace") if app.stderr else ""
                print(
                    f"the application stopped ({app.returncode}): {error[-400:]}", file=sys.stderr
                )
                return 3
            probe = subprocess.run(
                ["/usr/bin/python3", PROBE, APP_NAME],
                env=env,
                capture_output=True,
                text=True,
                timeout=30,
            )
            last = probe.stdout
            # ready when the loaded window shows its pages' controls
            if probe.returncode == 0 and '"push button"' in last and "Assessments" in last:
                print(last, end="")
                return 0
            time.sleep(0.5)
        print(f"not seen on the bus in {TIMEOUT:.0f} s:\n{last[-2000:]}", file=sys.stderr)
        return 4
    finally:
        app.terminate()
        try:
            app.wait(timeout=10)
        except subprocess.TimeoutExpired:
            app.kill()
        bus.terminate()
        bus.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
