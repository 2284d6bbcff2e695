"""Run by the distribution's /usr/bin/python3 (pyatspi is a system package): find the
application called ARGV[1] on the AT-SPI bus and print its window's controls as JSON lines,
one per accessible object: {"role": ..., "name": ..., "focusable": bool, "showing": bool}.

Exit 0 when found, 2 when the application is not (yet) on the bus.
"""

import json
import sys

import pyatspi


def walk(node, depth=0):
    if node is None or depth > 60:
        return
    try:
        states = node.getState()
        yield {
            "role": node.getRoleName(),
            "name": node.name or "",
            "focusable": states.contains(pyatspi.STATE_FOCUSABLE),
            "showing": states.contains(pyatspi.STATE_SHOWING),
        }
        for index in range(node.childCount):
            yield from walk(node.getChildAtIndex(index), depth + 1)
    except Exception:  # an object that went away while walking
        return


def main():
    wanted = sys.argv[1]
    desktop = pyatspi.Registry.getDesktop(0)
    for index in range(desktop.childCount):
        app = desktop.getChildAtIndex(index)
        if app is not None and app.name == wanted:
            for item in walk(app):
                print(json.dumps(item))
            return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
