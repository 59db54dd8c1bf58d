"""Entry point for `python -m bench` (the same as `python -m mapping bench`)."""

import sys

from bench.run import main

sys.exit(main())
