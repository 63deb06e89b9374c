"""The Resident Portal backend."""

import os

# Piccolo finds its engine and apps through this module, wherever the process starts.
os.environ.setdefault("PICCOLO_CONF", "backend.core.db")
