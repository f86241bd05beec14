"""Load and validate every page before anything is written: one report with every problem, exit 1,
no traceback, and the previous site left as it was."""
from __future__ import annotations

import loaded_manual
import reporting


@reporting.reported
def on_pre_build(config):
    loaded_manual.load(config)
