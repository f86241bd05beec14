"""A handout's own PDF (participant sheet or facilitator form): its pages of its module's document, made as the
session sheets are."""
from __future__ import annotations

from .session_sheet import SessionSheet


class Handout(SessionSheet):
    page_type = "handout"
