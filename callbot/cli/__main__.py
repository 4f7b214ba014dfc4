"""``python -m callbot.cli``: the command line, as the ``callbot`` console script runs it."""

import sys

from callbot.cli import main

sys.exit(main())
