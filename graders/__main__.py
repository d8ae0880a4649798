"""``python -m graders``: see ``graders/cli.py``."""

import sys

from .cli import main

sys.exit(main())
