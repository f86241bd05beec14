"""Pure logic of the manual generator: parsing, validation, timing, facts and catalog.

Nothing here imports MkDocs, so every function is unit-tested without a build. The thin
files in ``hooks/`` wire these functions to MkDocs events.
"""
