"""A session plan's own PDF: its pages of its module's document, its title the top bookmark."""
from __future__ import annotations

from ..model import Output, Part
from ..product import Product, page_pdf_paths
from ..source import module_document, sheet_start


class SessionSheet(Product):
    page_type = "session"

    def paths(self, manual, lang, labels):
        return page_pdf_paths(manual, lang, self.page_type)

    def documents(self, source):
        return source.module_documents

    def outputs(self, source):
        return [Output(page.id, page.meta["title"], (Part(module_document(page.meta["module"]), sheet_start(page.id)),),
                       preview=True)
                for page in source.manual.of(source.lang, self.page_type)]
