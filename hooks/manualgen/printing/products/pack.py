"""A module's participant pack: its participant handouts joined, for copying once per participant. No cover
sheet: a page that only lists the sheets behind it cost a sheet per person (issue 23); the pack's title is its PDF
title, and each handout's title its bookmark and the head of its first page. Facilitator forms stay out."""
from __future__ import annotations

from ..model import Output, Part
from ..product import Product
from ..source import module_document, sheet_start


def pack_key(module_id: str) -> str:
    return f"pack-{module_id}"


class ParticipantPack(Product):
    def paths(self, manual, lang, labels):
        return {pack_key(module.id): f"pdf/{module.id}-{labels['pdf_pack']}.pdf" for module in manual.of(lang, "module")}

    def documents(self, source):
        return source.module_documents

    def outputs(self, source):
        labels, packs = source.labels, []
        for module in source.manual.of(source.lang, "module"):
            handouts = [h for h in source.of_module("handout", module.id)
                        if h.meta.get("audience", "participants") == "participants"]
            if handouts:
                title = f"{labels['pack_title']} — {labels['module']} {module.meta['order']}: {module.meta['title']}"
                packs.append(Output(pack_key(module.id), title,
                                    tuple(Part(module_document(module.id), sheet_start(h.id)) for h in handouts)))
        return packs
