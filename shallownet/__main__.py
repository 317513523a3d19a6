import sys

from shallownet.cli import main

sys.exit(main())
