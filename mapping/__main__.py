"""Entry point for `python -m mapping`."""

import sys

from mapping.cli import main

sys.exit(main())
