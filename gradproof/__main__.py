"""``python -m gradproof``: the command line."""

import sys

from gradproof.cli import main

sys.exit(main())
