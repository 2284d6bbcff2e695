"""Entry point of the bundled `readiness` executable: the same command line as the script."""

import sys

from readiness.cli import main

if __name__ == "__main__":
    sys.exit(main())
