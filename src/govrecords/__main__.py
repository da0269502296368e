"""Run the command line: ``python -m govrecords``."""

import sys

from govrecords.cli import main

sys.exit(main())
