"""The manual as data: every page of modules/ in every language, loaded and validated once per build."""
from __future__ import annotations

import hashlib
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import schema as schema_mod
from .lint import TEMPLATE_MARK, lint_markdown
from .problems import Problem
from .references import reference_problems
from .source import Block, Source, decode, parse_source

PAGE_NAME = re.compile(r"^(?P<stem>[^.]+)\.(?P<lang>[A-Za-z_-]+)\.md$")
ASSET_SUFFIXES = {".png", ".jpg", ".jpeg", ".svg", ".webp"}
IGNORED = re.compile(r"(^\.|~$|\.swp$|\.bak$)")
MAX_PAGE_BYTES = 1_000_000


@dataclass
class Page:
    source: Source
    lang: str
    key: str  # path inside modules/ without language and extension: "01-encuadre/01-bienvenida"

    @property
    def path(self) -> str:
        return self.source.path

    @property
    def meta(self) -> dict:
        return self.source.meta

    @property
    def type(self) -> str:
        return self.meta.get("type", "")

    @property
    def id(self) -> str:
        return str(self.meta.get("id", ""))

    @property
    def blocks(self) -> list[Block]:
        return self.source.blocks

    @property
    def activities(self) -> list[Block]:
        return [b for b in self.blocks if b.type == "activity"]

    @property
    def url(self) -> str:
        """URL relative to the language root (MkDocs with use_directory_urls: false)."""
        return f"modules/{self.key}.html"


@dataclass
class Manual:
    languages: tuple[str, ...]
    pages: list[Page] = field(default_factory=list)
    assets: list[str] = field(default_factory=list)  # paths inside modules/
    # (key, lang) of files that exist but could not be read: already reported, so their translation is
    # not reported missing as well
    unreadable: set[tuple[str, str]] = field(default_factory=set)

    _lookups: dict = field(default_factory=dict, repr=False)  # built once the manual is loaded

    def _lookup(self, kind: str) -> dict:
        if kind not in self._lookups:
            if kind == "id":
                self._lookups[kind] = {(p.lang, p.id): p for p in reversed(self.pages)}
            else:
                self._lookups[kind] = {(p.lang, p.key): p for p in self.pages}
        return self._lookups[kind]

    def of(self, lang: str, page_type: str) -> list[Page]:
        """Pages of a type in reading order (module order, then page order); computed once."""
        if (lang, page_type) not in self._lookups:
            self._lookups[(lang, page_type)] = self._sorted(lang, page_type)
        return self._lookups[(lang, page_type)]

    def _sorted(self, lang: str, page_type: str) -> list[Page]:
        found = [p for p in self.pages if p.lang == lang and p.type == page_type]
        module_order = {p.id: p.meta.get("order", 0) for p in self.pages if p.lang == lang and p.type == "module"}
        if page_type == "module":
            return sorted(found, key=lambda p: (p.meta.get("order", 0), p.id))
        return sorted(found, key=lambda p: (module_order.get(p.meta.get("module"), 999), p.meta.get("order", 0), p.id))

    def by_id(self, lang: str, page_id: str) -> Page | None:
        return self._lookup("id").get((lang, page_id))

    def by_key(self, lang: str, key: str) -> Page | None:
        return self._lookup("key").get((lang, key))


def load_manual(root: Path, modules_dir: str, languages: tuple[str, ...], schema: dict,
                references: dict[str, set[str]] | None = None, memo: dict | None = None) -> tuple[Manual, list[Problem]]:
    """Read and validate every file under modules/. Returns the manual and all problems found.

    `references` maps a reference kind ("fact", "helpline", "manual") to the ids that exist; kinds left
    out are not checked.

    `memo` (optional, kept by the caller between builds of one process) maps a file's path, bytes and
    the rules it was checked against to its page and problems, so `mkdocs serve` re-checks only the
    file that was edited; the checks across pages always run."""
    manual = Manual(languages)
    problems: list[Problem] = []
    base = root / modules_dir
    if not base.is_dir():
        return manual, [Problem(modules_dir, None, "carpeta", f"no existe la carpeta '{modules_dir}'", "créela con un módulo dentro")]
    known = {kind: sorted(ids) for kind, ids in (references or {}).items()}
    rules = hashlib.sha256(json.dumps([schema, known, languages], sort_keys=True).encode()).hexdigest()
    seen: dict = {}
    for file in sorted(base.rglob("*")):
        if file.is_dir() or any(IGNORED.search(part) for part in file.relative_to(base).parts):
            continue
        rel = file.relative_to(base).as_posix()
        shown = f"{modules_dir}/{rel}"
        if file.suffix.lower() in ASSET_SUFFIXES:
            manual.assets.append(rel)
            continue
        if file.suffix.lower() != ".md":
            continue  # any other kind of file is refused before validation (published_files.py, extra.manual.published_types)
        match = PAGE_NAME.match(file.name)
        if not match or match["lang"] not in languages:
            problems.append(Problem(shown, None, "archivo", "el nombre no indica el idioma",
                                    f"use nombre.{languages[0]}.md y nombre.{languages[-1]}.md (idiomas: {', '.join(languages)})"))
            continue
        raw = file.read_bytes()
        key = (shown, rules, hashlib.sha256(raw).hexdigest())
        page_key = f"{Path(rel).parent.as_posix()}/{match['stem']}".lstrip("./")
        if memo is not None and key in memo:
            page, found = memo[key]
        else:
            page, found = _load_page(shown, raw, match["lang"], page_key, schema, references)
        seen[key] = (page, found)
        problems += found
        if page is not None:
            manual.pages.append(page)
        else:
            manual.unreadable.add((page_key, match["lang"]))
    if memo is not None:
        memo.clear()
        memo.update(seen)  # only the files that still exist: the memo never outgrows the manual
    problems += validate_manual(manual)
    return manual, problems


def _load_page(shown: str, raw: bytes, lang: str, key: str, schema: dict,
               references: dict[str, set[str]] | None) -> tuple[Page | None, list[Problem]]:
    """One file's own checks: size, encoding, front matter, schema, blocks, lint, template marks."""
    if len(raw) > MAX_PAGE_BYTES:
        return None, [Problem(shown, None, "archivo", f"el archivo pesa {len(raw) // 1024} KB; el máximo es {MAX_PAGE_BYTES // 1024} KB",
                              "divida el contenido en varias sesiones o fichas")]
    text, problems = decode(shown, raw)
    if text is None:
        return None, problems
    source, found = parse_source(shown, text)
    problems += found
    if source is None:
        return None, problems
    page = Page(source, lang, key)
    problems += validate_page(page, schema, references)
    problems += _plain_text_fields(page)
    problems += lint_markdown(shown, source.body, source.body_line)
    problems += [Problem(shown, number, "plantilla", "texto de plantilla sin completar (✎) en el bloque de datos",
                         "reemplace el valor marcado con ✎ por el real")
                 for number, line in enumerate(text.split("\n")[: source.body_line - 1], start=1) if TEMPLATE_MARK in line]
    return page, problems


# Markdown does not run on front matter (values are escaped and printed as written): a link, bold or a
# [[reference]] there would show its brackets and stars. HTML is shown as text too, and is harmless.
MARKUP_IN_FIELD = re.compile(r"\]\([^)]*\)|\*\*|\[\[")


def _plain_text_fields(page: Page) -> list[Problem]:
    """Front matter values are printed as they are written: a Markdown link, bold or HTML there would show its
    brackets and stars to the reader."""
    problems = []

    def walk(value, dotted):
        if isinstance(value, str) and MARKUP_IN_FIELD.search(value):
            problems.append(Problem(page.path, page.source.line_of(dotted), dotted,
                                    "los campos del bloque de datos son texto simple: un enlace, una negrita o una referencia [[…]] se verían tal cual",
                                    "escriba solo el texto (por ejemplo, el nombre de la ficha); los enlaces van en el cuerpo de la página"))
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{dotted}.{key}" if dotted else str(key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, f"{dotted}.{index}")
    walk({k: v for k, v in page.meta.items() if k != "adapted_from"}, "")
    return problems


def validate_page(page: Page, schema: dict, references: dict[str, set[str]] | None = None) -> list[Problem]:
    """Front matter against the schema, then the body blocks against the block rules."""
    src, problems = page.source, []
    page_type = page.type
    if page_type not in ("module", "session", "handout"):
        problems.append(Problem(src.path, src.line_of("type"), "type",
                                f"falta o no es válido: {page_type!r}" if page_type else "falta el campo obligatorio 'type'",
                                "use type: module, type: session o type: handout"))
        return problems
    for field_name, message, hint in schema_mod.violations(src.meta, schema_mod.page_schema(schema, page_type)):
        problems.append(Problem(src.path, src.line_of(field_name), field_name, message, hint))

    types = schema_mod.block_types(schema)
    allowed = schema_mod.allowed_blocks(schema, page_type)
    for block in page.blocks:
        label = f"bloque {block.type}"
        if block.type not in allowed:
            problems.append(Problem(src.path, block.line, label, f"tipo de bloque desconocido '{block.type}' en una página de tipo {page_type}",
                                    f"los tipos permitidos son: {', '.join(allowed)}"))
            continue
        spec = types[block.type]
        if spec.get("title") == "required" and not block.title:
            problems.append(Problem(src.path, block.line, label, "falta el título del bloque", f"escriba '/// {block.type} | Título'"))
        option_schema = spec.get("options")
        if option_schema:
            for option, message, hint in schema_mod.violations(block.options, option_schema):
                line = block.option_line.get(option.split(".")[0], block.line)
                problems.append(Problem(src.path, line, f"{label}: {option}", message,
                                        hint or "las opciones van debajo del encabezado con 4 espacios de sangría"))
        elif block.options:
            problems.append(Problem(src.path, block.line + 1, label, "este tipo de bloque no lleva opciones",
                                    "quite las líneas con sangría que siguen al encabezado o sepárelas con una línea en blanco"))
    present = {b.type for b in page.blocks}
    for required in schema_mod.required_blocks(schema, page_type):
        if required not in present:
            problems.append(Problem(src.path, src.body_line, f"bloque {required}", f"falta al menos un bloque '{required}'",
                                    f"añada '/// {required}' … '///' en el cuerpo de la página"))
    if page_type == "session":
        problems += _check_session(page)
        problems += _check_adaptations(page, types.get("adaptations", {}).get("x-items", []))
    if page_type in ("session", "handout"):
        page_id, module = page.id, str(page.meta.get("module", ""))
        if page_id and module and not page_id.startswith(module + "-"):
            problems.append(Problem(src.path, src.line_of("id"), "id", f"el id '{page_id}' no corresponde al módulo '{module}'",
                                    f"los ids de este módulo empiezan por '{module}-'"))
    if references is not None:
        problems += reference_problems(src.path, src.body, src.body_line, references)
    return problems


def _check_session(page: Page) -> list[Problem]:
    src, problems = page.source, []
    for block in page.activities[1:]:
        if "same_day" in block.options:
            problems.append(Problem(src.path, block.option_line.get("same_day", block.line), "bloque activity: same_day",
                                    "same_day va solo en la primera actividad (la apertura que repasa la práctica en casa)",
                                    "muévalo a la actividad de apertura o quítelo"))
    minutes = [b.options.get("minutes") for b in page.activities]
    duration = page.meta.get("duration")
    if all(isinstance(m, int) and not isinstance(m, bool) and m > 0 for m in minutes) and isinstance(duration, int) and minutes:
        total = sum(minutes)
        if total != duration:
            parts = " + ".join(str(m) for m in minutes)
            problems.append(Problem(src.path, src.line_of("duration"), "duration",
                                    f"dice {duration} minutos pero las actividades suman {total} ({parts})",
                                    "corrija 'duration' o los 'minutes' de las actividades para que coincidan"))
    if page.meta.get("sensitivity") in ("medium", "high") and not any(b.type == "safety" for b in page.blocks):
        problems.append(Problem(src.path, src.line_of("sensitivity"), "sensitivity",
                                f"una sesión de sensibilidad '{page.meta['sensitivity']}' necesita al menos un bloque 'safety'",
                                "añada '/// safety' con las indicaciones de cuidado (revelaciones, derivación) o baje la sensibilidad"))
    size = page.meta.get("group_size")
    if isinstance(size, dict) and isinstance(size.get("min"), int) and isinstance(size.get("max"), int) and size["min"] > size["max"]:
        problems.append(Problem(src.path, src.line_of("group_size"), "group_size", f"min ({size['min']}) es mayor que max ({size['max']})",
                                "ponga el número menor en min"))
    if isinstance(size, dict) and isinstance(size.get("max"), int) and not isinstance(size["max"], bool):
        problems += _check_group_timings(page, size["max"])
    return problems


def activity_minimum(options: dict, largest_group: int) -> tuple[int, str] | None:
    """The fewest minutes an activity needs for its largest group, and why, when its options say it is a
    round (per_person) or a report-back of every small group (per_group, groups_of); else None."""
    needs = []
    per_person = options.get("per_person")
    if _is_number(per_person):
        needs.append((math.ceil(per_person * largest_group - 1e-9),
                      f"una ronda de {_plain(per_person)} min por participante con {largest_group} participantes"))
    per_group = options.get("per_group")
    if _is_number(per_group):
        size = options.get("groups_of") if isinstance(options.get("groups_of"), int) else DEFAULT_GROUP
        groups = math.ceil(largest_group / max(size, 1))
        needs.append((math.ceil(per_group * groups - 1e-9),
                      f"{groups} grupos de {size} que presentan {_plain(per_group)} min cada uno"))
    return max(needs) if needs else None


def _check_group_timings(page: Page, largest_group: int) -> list[Problem]:
    problems = []
    for block in page.activities:
        minutes = block.options.get("minutes")
        need = activity_minimum(block.options, largest_group)
        if need is None or not isinstance(minutes, int) or minutes >= need[0]:
            continue
        problems.append(Problem(page.path, block.option_line.get("minutes", block.line), f"bloque activity: {block.title}",
                                f"dura {minutes} minutos, pero {need[1]} necesita al menos {need[0]}",
                                "aumente los minutos (y la duración de la sesión), baje group_size.max o haga la ronda en grupos pequeños"))
    return problems


DEFAULT_GROUP = 5  # participants per small group when an activity does not say (groups_of)


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0


def _plain(number) -> str:
    return f"{number:g}".replace(".", ",")


def _check_adaptations(page: Page, items: list[dict]) -> list[Problem]:
    """Each adaptations block names every context (x-items in the schema) as a bold label in the page's language."""
    problems = []
    for block in (b for b in page.blocks if b.type == "adaptations"):
        labels = [item.get(page.lang, item["id"]) for item in items]
        missing = [label for label in labels if not _has_label(block.content, label)]
        if missing:
            example = "; ".join(f"- **{label}:** …" for label in missing)
            problems.append(Problem(page.path, block.line, "bloque adaptations", f"faltan los contextos: {', '.join(missing)}",
                                    f"añada un punto de lista por contexto, con su etiqueta en negrita: {example}"))
    return problems


def _has_label(content: str, label: str) -> bool:
    wanted = label.casefold()
    for line in content.split("\n"):
        text = re.sub(r"^\s*[-*+]\s+", "", line)
        if text.startswith("**") and text[2:].casefold().startswith(wanted):
            return True
    return False


COMPARED_FIELDS = ("type", "id", "module", "order", "duration", "sensitivity", "handouts", "group_size", "audience", "sheet")


def validate_manual(manual: Manual) -> list[Problem]:
    """Checks across pages: translations present and in step, unique ids, references that exist."""
    problems: list[Problem] = []
    default = manual.languages[0]
    keys = sorted({p.key for p in manual.pages})
    for key in keys:
        present = {p.lang: p for p in manual.pages if p.key == key}
        for lang in manual.languages:
            if lang not in present and (key, lang) not in manual.unreadable:
                some = next(iter(present.values()))
                missing = some.path.replace(f".{some.lang}.md", f".{lang}.md")
                problems.append(Problem(some.path, None, "traducción", f"falta la versión '{lang}' de esta página ({missing})",
                                        f"cree {missing} con la misma estructura (mismos ids, duración, actividades y fichas) y el texto traducido"))
        source = present.get(default)
        for lang, page in present.items():
            if lang == default or source is None or source.type != page.type:
                continue
            for name in COMPARED_FIELDS:
                if source.meta.get(name) != page.meta.get(name):
                    problems.append(Problem(page.path, page.source.line_of(name), name,
                                            f"no coincide con el original ({source.path}): {page.meta.get(name)!r} en lugar de {source.meta.get(name)!r}",
                                            "la traducción debe tener los mismos ids, duración, orden, sensibilidad y fichas que el original"))
            ours = [(b.type, b.options.get("minutes")) for b in page.activities]
            theirs = [(b.type, b.options.get("minutes")) for b in source.activities]
            if ours != theirs:
                problems.append(Problem(page.path, page.source.body_line, "actividades",
                                        f"tiene {len(ours)} actividades ({_minutes(ours)}) y el original {len(theirs)} ({_minutes(theirs)})",
                                        f"la traducción debe tener las mismas actividades con los mismos minutos que {source.path}"))
    for lang in manual.languages:
        seen: dict[str, Page] = {}
        for page in sorted((p for p in manual.pages if p.lang == lang), key=lambda p: p.path):
            if not page.id:
                continue
            if page.id in seen:
                problems.append(Problem(page.path, page.source.line_of("id"), "id", f"el id '{page.id}' ya se usa en {seen[page.id].path}",
                                        "cada módulo, sesión y ficha necesita un id propio"))
            else:
                seen[page.id] = page
        for page in manual.pages:
            if page.lang != lang or page.type not in ("session", "handout"):
                continue
            module = page.meta.get("module")
            target = seen.get(module) if isinstance(module, str) else None
            if isinstance(module, str) and (target is None or target.type != "module"):
                problems.append(Problem(page.path, page.source.line_of("module"), "module", f"el módulo '{module}' no existe en '{lang}'",
                                        "use el id de un módulo existente (campo id de su index)"))
            if page.type == "session":
                for index, handout in enumerate(page.meta.get("handouts") or []):
                    found = seen.get(handout) if isinstance(handout, str) else None
                    if found is None or found.type != "handout":
                        problems.append(Problem(page.path, page.source.line_of(f"handouts.{index}"), "handouts",
                                                f"la ficha '{handout}' no existe en '{lang}'",
                                                "use el id de una ficha existente (type: handout) o cree la ficha en ambos idiomas"))
    return problems


def _minutes(pairs) -> str:
    return " + ".join(str(m) for _, m in pairs) or "ninguna"
