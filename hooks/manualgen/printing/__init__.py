"""Print products as one pipeline: what each PDF is made of, declared once per product, and one model that cuts,
numbers, outlines and joins them.

- model.py: the document model, pure page arithmetic — a declared Output is Parts of drawn documents; they become
  Pieces (page spans), numbered, outlined and linked in the joined document; a Front (cover and contents) is drawn
  once every other page's number is known.
- source.py: PrintSource, one language's material for the products (pages as MkDocs rendered them, the manual,
  labels, templates) and the module documents the sheets, packs and complete manual share.
- products/: one small file per product (session sheet, handout, participant pack, complete manual), each saying
  where its PDFs go, which documents it draws and which outputs it makes of them.
- run.py: PrintRun, one language's products made: documents from the cache or the workers, each output joined as
  soon as its documents are drawn, fronts last.

Drawing one document is manualgen.pdf (WeasyPrint, the cache); joining pages is manualgen.pdf_compose (qpdf)."""
