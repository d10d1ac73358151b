"""``python -m calculators``: zie calculators/cli.py."""

import sys

from .cli import main

sys.exit(main())
