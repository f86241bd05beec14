"""PrintRun: one language's print products made. Every product's documents are taken from the cache or sent to
the workers (manualgen.render_pool, one process per core); each output is cut, numbered, outlined and joined as soon
as the documents it takes from are drawn; outputs with a Front (the complete manual's cover and contents) come last,
once every other page's number is known. Joined PDFs are cached by their inputs too."""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from .. import render_pool
from ..pdf import PdfCache, cache_key, render_body
from ..pdf_compose import join
from . import model
from .model import Body, Output, Piece


@dataclass
class PrintRun:
    source: object          # PrintSource
    products: tuple
    paths: dict             # output key -> path relative to out_dir (products' paths())
    out_dir: Path
    cache: PdfCache
    version: str            # the renderer's (manualgen.pdf.renderer_version), part of every cache key
    log: object
    bodies: dict[str, Body] = field(default_factory=dict)
    outputs: list[Output] = field(default_factory=list)
    written: set = field(default_factory=set)
    drawing: dict = field(default_factory=dict)   # documents being drawn: future -> name
    fronts: dict = field(default_factory=dict)    # output key -> (front pages guessed, front body name)
    drawn: int = 0                                # documents the workers drew (not from the cache) before the fronts
    joining: dict = field(default_factory=dict)   # output key -> (output, join key, its PDF or the worker's future)

    def __post_init__(self):
        for product in self.products:
            for name, document in product.documents(self.source).items():
                if name in self.bodies and (self.bodies[name].html, self.bodies[name].sheets) != (document.html, document.sheets):
                    raise ValueError(f"{type(product).__name__} declares a document {name!r} unlike the one of that "
                                     "name another product declares")
                self.bodies.setdefault(name, Body(document.html, cache_key(document.html, self.version), document.sheets))
            self.outputs += product.outputs(self.source)
        for output in self.outputs:  # a product's own mistake (not an author's), said before anything is drawn
            if output.key not in self.paths:
                raise ValueError(f"the print output {output.key!r} has no path: its product's paths() must name it")
            if missing := [name for name in output.bodies if name not in self.bodies]:
                raise ValueError(f"the print output {output.key!r} takes from {', '.join(missing)}, which no product's "
                                 "documents() declares")

    def start(self) -> bool:
        """Documents from the cache (their outputs made at once) or sent to the workers; whether any is drawing."""
        self.drawing = self._draw(list(self.bodies))
        self.drawn = len(self.drawing)
        return bool(self.drawing)

    def collect(self) -> None:
        """Wait for the documents, making each output as soon as its documents are there."""
        self._wait(self.drawing)

    def start_fronts(self) -> None:
        """Every front's first drawing: from the length the last build found (or a guess)."""
        for output in (o for o in self.outputs if o.front):
            stored = self.cache.get(self._front_length_key(output))
            guess = int(stored) if stored and stored.isdigit() else model.front_pages_guess(len(output.front.contents))
            self.fronts[output.key] = (guess, self._front(output, guess))
        self.drawing = self._draw([name for _guess, name in self.fronts.values()])

    def settle_fronts(self) -> None:
        """Fronts drawn (again when the guess of their length was wrong), then each of their outputs sent to a worker
        to be joined: the complete manuals of both languages (≈ 1.2 s each) are joined side by side."""
        self._wait(self.drawing)
        self.drawing = {}
        for output in (o for o in self.outputs if o.front and o.key not in self.joining):
            guess, name = self.fronts[output.key]
            for _attempt in range(3):
                pages = self.bodies[name].meta["pages"]
                if pages == guess:
                    break
                guess, name = pages, self._front(output, pages)
                self._wait(self._draw([name]))
            self.cache.put(self._front_length_key(output), str(guess).encode("ascii"))
            pieces = [Piece(name, 0, self.bodies[name].meta["pages"] - 1)] + self._pieces(output)
            key = self._join_key(output, pieces)
            joined = self.cache.get(key)
            if joined is None:
                joined = render_pool.submit(join, *self._join_arguments(output, pieces), key=key)
            self.joining[output.key] = (output, key, joined)

    def finish(self) -> None:
        """The fronts' outputs written, once joined."""
        self.settle_fronts()
        for output, key, joined in self.joining.values():
            if not isinstance(joined, bytes):  # the worker's join
                joined = self._assembled(output, key, render_pool.result(joined))
            self._write(output, joined)
        self.joining.clear()

    def preview(self) -> int:
        """`make serve`: each preview output from the cache, or its document drawn in the background and the
        output made a moment after the page reloads; never waits. Returns how many outputs wait for a drawing."""
        by_body: dict[str, list[Output]] = {}
        for output in (o for o in self.outputs if o.preview):
            by_body.setdefault(output.bodies[0], []).append(output)
        waiting = 0
        for name, outputs in by_body.items():
            body = self.bodies[name]
            body.data, body.meta = self.cache.get(body.key), self.cache.get_meta(body.key)
            if body.data is not None and body.meta is not None:
                for output in outputs:
                    self._write(output, self._joined(output, self._pieces(output)))
                continue
            future = render_pool.submit(render_body, body.html, self.out_dir, key=body.key)
            future.add_done_callback(functools.partial(self._finish_in_background, name, outputs))
            waiting += len(outputs)
        return waiting

    def prune_cache(self) -> None:
        """After the last language of a complete build, when every current entry was just used: drop the entries
        unused for pdf.cache_unused_days (old versions of edited pages)."""
        settings = self.source.settings
        if self.source.lang == settings.languages[-1]:
            days = float(settings.pdf.get("cache_unused_days", 30))
            if removed := self.cache.prune(days):
                self.log.info(f"PDF: {removed} cached files unused for {days:g} days removed")

    def sizes(self) -> dict[str, int]:
        return {rel: (self.out_dir / rel).stat().st_size for rel in self.paths.values() if (self.out_dir / rel).is_file()}

    def _front_length_key(self, output: Output) -> str:
        return cache_key(f"front-pages:{self.source.lang}:{output.key}:{len(output.front.contents)}", self.version)

    def _front(self, output: Output, front_pages: int) -> str:
        numbered = model.numbered_contents(output.front.contents, self._pieces(output),
                                           {n: b.meta for n, b in self.bodies.items() if b.meta}, front_pages)
        html, name = output.front.html(numbered), f"{output.key}-front"
        self.bodies[name] = Body(html, cache_key(html, self.version))
        return name

    def _pieces(self, output: Output) -> list[Piece]:
        return [model.piece_of(part, self.bodies[part.body]) for part in output.parts]

    def _ready(self, name: str) -> None:
        """A document is drawn: make every output (without a front) whose documents are all there."""
        for output in self.outputs:
            if (output.front is None and output.key not in self.written and name in output.bodies
                    and all(self.bodies[body].meta is not None for body in output.bodies)):
                self._write(output, self._joined(output, self._pieces(output)))

    def _draw(self, names: list[str]) -> dict:
        missing = []
        for name in names:
            body = self.bodies[name]
            body.data, body.meta = self.cache.get(body.key), self.cache.get_meta(body.key)
            if body.data is None or body.meta is None:
                missing.append(name)
            else:
                self._ready(name)
        if missing:
            # Longest first: with one worker per core, a long module document started last would finish alone.
            missing.sort(key=lambda name: len(self.bodies[name].html), reverse=True)
            self.log.info(f"PDF [{self.source.lang}]: drawing {len(missing)} of {len(names)} documents…")
        return {render_pool.submit(render_body, self.bodies[name].html, self.out_dir, key=self.bodies[name].key): name
                for name in missing}

    def _wait(self, futures: dict) -> None:
        for done, future in enumerate(render_pool.as_completed(futures), start=1):
            name = futures[future]
            self._store(name, *render_pool.result(future))
            self._ready(name)
            if done % 10 == 0 or done == len(futures):
                self.log.info(f"PDF [{self.source.lang}]: {done}/{len(futures)} drawn")

    def _store(self, name: str, data: bytes, meta: dict) -> None:
        body = self.bodies[name]
        body.data, body.meta = data, meta
        self.cache.put(body.key, data)
        self.cache.put_meta(body.key, meta)

    def _write(self, output: Output, data: bytes) -> None:
        target = self.out_dir / self.paths[output.key]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        self.written.add(output.key)

    def _joined(self, output: Output, pieces: list[Piece]) -> bytes:
        """One PDF from the pieces: numbered, outlined, linked; cached by its inputs."""
        key = self._join_key(output, pieces)
        if (cached := self.cache.get(key)) is not None:
            return cached
        return self._assembled(output, key, join(*self._join_arguments(output, pieces)))

    def _join_key(self, output: Output, pieces: list[Piece]) -> str:
        first = output.front.outline if output.front else ()
        return cache_key("\n".join(f"{self.bodies[p.body].key}:{p.first}-{p.last}" for p in pieces)
                         + repr((output.title, output.shift, first, output.first_numbered, output.numbered,
                                 output.transform_key)), self.version + "-assembled")

    def _join_arguments(self, output: Output, pieces: list[Piece]) -> tuple:
        """pdf_compose.join's arguments: the pieces' pages, each page's number, the outline, the links, metadata."""
        first = output.front.outline if output.front else ()
        metas = {piece.body: self.bodies[piece.body].meta for piece in pieces}
        total = sum(piece.length for piece in pieces)
        source = self.source
        return ([(self.bodies[p.body].data, p.first, p.last) for p in pieces],
                model.page_texts(source.labels["page_of"], total, output.first_numbered, output.numbered),
                model.outline(pieces, metas, output.shift, first), model.links(pieces, metas),
                {"Title": output.title or "", "Author": source.author, "Creator": "manual-masculinidades"}, source.lang)

    def _assembled(self, output: Output, key: str, data: bytes) -> bytes:
        """The joined PDF transformed when its output says so (the wall sheets' tiles), and cached."""
        if output.transform is not None:
            data = output.transform(data)
        self.cache.put(key, data)
        return data

    def _finish_in_background(self, name: str, outputs: list[Output], future) -> None:
        """Preview callback (runs in the pool's thread): a failure is a warning, never a lost build."""
        try:
            self._store(name, *future.result())
            for output in outputs:
                self._write(output, self._joined(output, self._pieces(output)))
        except Exception as exc:  # noqa: BLE001 - a background render must not break live preview
            self.log.warning(f"PDF: {name} could not be rendered in preview: {type(exc).__name__}: {exc}")
