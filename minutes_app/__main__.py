"""Allow ``python -m minutes_app``."""

import sys

from minutes_app.cli.main import main

sys.exit(main())
