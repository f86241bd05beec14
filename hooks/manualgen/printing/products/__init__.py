"""The print products, in the order their PDFs are listed (pages, the catalog). Adding a product: a file here with
a Product subclass (see ../product.py), one line below, and its unit tests (tests/unit/test_print_products.py)."""
from __future__ import annotations

from .checklist import FacilitatorChecklist
from .complete_manual import CompleteManual
from .handout import Handout
from .pack import ParticipantPack
from .session_sheet import SessionSheet
from .wall_sheets import WallSheets

PRODUCTS = (SessionSheet(), Handout(), ParticipantPack(), CompleteManual(), WallSheets(), FacilitatorChecklist())


def pdf_paths(manual, lang: str, labels: dict, products=PRODUCTS) -> dict[str, str]:
    """Where every PDF of a language goes, relative to that language's root, by output key."""
    paths, written = {}, {}
    for product in products:
        for key, path in product.paths(manual, lang, labels).items():
            if key in paths:  # a programming mistake, not an author's: two products would write one file
                raise ValueError(f"{type(product).__name__} names its output {key!r}, which another product names already")
            if path in written:
                raise ValueError(f"{type(product).__name__} writes {path} for {key!r}, which {written[path]!r} writes already")
            paths[key], written[path] = path, key
    return paths
