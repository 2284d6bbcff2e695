"""`python -m readiness.cli` runs the command line."""

import sys

from readiness.cli import main

sys.exit(main())
