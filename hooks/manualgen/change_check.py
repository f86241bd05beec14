"""The change-check kit's item registry (data/change_check.yml): the attitude statements of the entry and exit
questionnaire, their subscale, scoring direction and origin. Loaded and checked here; the questionnaire, the
scoring sheet, the tally page and the XLSForms are all made from it (change_check_render.py, xlsform.py)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .problems import Problem
from .source import YamlRefused, normalise_newlines, safe_yaml

MAX_REGISTRY_BYTES = 200_000
ITEM_ID = re.compile(r"^[a-z][a-z0-9-]{1,40}$")
ORIGIN_STATUSES = ("adapted", "reproduced")
REPRODUCTION = ("permitted", "not-permitted")
TOP_FIELDS = ("answers", "no_answer", "subscales", "sources", "items", "important_change", "participant_code")
CODE_PART_FIELDS = ("id", "picture", "name", "fact", "example", "chars", "length", "value")
# What each kind of part may hold, as a regular expression for `length` characters (the form checks the code with it)
CODE_CHARS = {"letters": lambda n: f"[A-Za-zÑñ]{{{n}}}", "day": lambda n: "(0[1-9]|[12][0-9]|3[01])"}
ITEM_FIELDS = ("id", "text", "subscale", "reverse", "origin")
SOURCE_FIELDS = ("id", "citation", "url", "reproduction", "permission")
HINT_ORIGIN = ("escriba origin: own (texto propio del manual) o origin: {source: <id de sources>, item: <número en la "
               "escala publicada>, status: adapted}")


@dataclass(frozen=True)
class Answer:
    id: str
    label: dict  # per language
    symbol: str = ""  # its picture on the answer sheet read aloud


@dataclass(frozen=True)
class Subscale:
    id: str
    label: dict


@dataclass(frozen=True)
class Source:
    id: str
    citation: str
    url: str
    reproduction: str  # permitted | not-permitted
    permission: str    # why: the licence, the letter, or why adapting was the choice


@dataclass(frozen=True)
class Origin:
    source: str | None = None  # None: written for this manual
    item: int | None = None    # its number in the published scale
    status: str = "own"        # own | adapted | reproduced


@dataclass(frozen=True)
class Item:
    id: str
    number: int  # 1-based, as printed
    text: dict
    subscale: str
    reverse: bool  # True: the statement voices equality, so "agree" is the equality answer
    origin: Origin

    @property
    def equality_answer(self) -> str:
        return "agree" if self.reverse else "disagree"


@dataclass(frozen=True)
class ImportantChange:
    """The scoring sheet's rule of thumb: a change counts when at least `at_least` people made it and at least
    one in `one_in` of those who answered."""
    at_least: int
    one_in: int


@dataclass(frozen=True)
class CodePart:
    """One part of the participant code: facts about the man that do not change, so entry and exit sheets pair."""
    id: str
    picture: str   # a meaning of manualgen.pictograms
    name: dict     # the short heading over its boxes, per language
    fact: dict     # what to write, first person
    example: dict  # how one man fills it in
    chars: str     # letters | day
    length: int    # characters, one box each
    value: str     # the example's characters

    @property
    def pattern(self) -> str:
        return CODE_CHARS[self.chars](self.length)


def code_pattern(parts) -> str:
    """The whole code as a regular expression (the XLSForm's constraint): the parts in order, nothing else."""
    return "^" + "".join(part.pattern for part in parts) + "$"


def code_example(parts) -> str:
    return "".join(part.value for part in parts)


@dataclass(frozen=True)
class Registry:
    answers: tuple[Answer, ...]
    no_answer: dict
    subscales: tuple[Subscale, ...]
    sources: dict[str, Source]
    items: tuple[Item, ...]
    important_change: ImportantChange
    code: tuple[CodePart, ...] = ()  # the participant code's parts, in the order written

    def subscale(self, subscale_id: str) -> Subscale:
        return next(s for s in self.subscales if s.id == subscale_id)

    def answer(self, answer_id: str) -> Answer:
        return next(a for a in self.answers if a.id == answer_id)


def load_change_check(path: Path, languages: tuple[str, ...], shown: str | None = None) -> tuple[Registry | None, list[Problem]]:
    """The registry, or None with every problem found (file, line, field, how to fix)."""
    shown = shown or path.name
    try:
        node, data = safe_yaml(normalise_newlines(path.read_text(encoding="utf-8")), MAX_REGISTRY_BYTES)
    except YamlRefused as refused:
        return None, [Problem(shown, refused.line, "change_check", str(refused), refused.hint)]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return None, [Problem(shown, mark.line + 1 if mark else None, "change_check",
                              f"YAML no válido: {getattr(exc, 'problem', None) or exc}",
                              "revise sangrías, dos puntos y comillas (un texto con ':' va entre comillas)")]
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Problem(shown, None, "change_check", f"no se pudo leer el archivo: {exc}", "revise que exista y sea texto UTF-8")]
    return _Checker(shown, languages, _lines(node)).registry(data)


def _lines(node, path: tuple = ()) -> dict[tuple, int]:
    """The line (1-based) where each value starts, by its path of keys and list positions."""
    found = {path: node.start_mark.line + 1}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            found.update(_lines(value, path + (key.value,)))
            found[path + (key.value,)] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, value in enumerate(node.value):
            found.update(_lines(value, path + (index,)))
    return found


class _Checker:
    """Collects every problem of the file before giving up, so one build reports them all."""

    def __init__(self, shown: str, languages: tuple[str, ...], lines: dict[tuple, int]):
        self.shown, self.languages, self.lines = shown, languages, lines
        self.problems: list[Problem] = []

    def problem(self, path: tuple, message: str, hint: str) -> None:
        line = next((self.lines[path[:n]] for n in range(len(path), -1, -1) if path[:n] in self.lines), None)
        field = ".".join(str(part) for part in path) or "change_check"
        self.problems.append(Problem(self.shown, line, field, message, hint))

    def texts(self, value, path: tuple, what: str) -> dict | None:
        if not isinstance(value, dict):
            self.problem(path, f"{what} necesita un texto por idioma",
                         "escriba {" + ", ".join(f"{lang}: …" for lang in self.languages) + "}")
            return None
        missing = [lang for lang in self.languages if not isinstance(value.get(lang), str) or not value[lang].strip()]
        if missing:
            self.problem(path, f"falta {what} en: {', '.join(missing)}", "escriba el texto en cada idioma del manual")
            return None
        return {lang: " ".join(value[lang].split()) for lang in self.languages}

    def listed(self, data: dict, name: str) -> list:
        value = data.get(name)
        if not isinstance(value, list) or not value:
            self.problem((name,), f"'{name}' debe ser una lista no vacía", "vea el comentario al inicio del archivo")
            return []
        return value

    def ids(self, entries: list, name: str | tuple) -> list[tuple[int, dict]]:
        """The entries that are mappings with a valid, unrepeated id; `name` is the list's key, or its path."""
        seen, good = set(), []
        for index, entry in enumerate(entries):
            path = (name if isinstance(name, tuple) else (name,)) + (index,)
            entry_id = entry.get("id") if isinstance(entry, dict) else None
            if not isinstance(entry_id, str) or not ITEM_ID.match(entry_id):
                self.problem(path + (("id",) if isinstance(entry, dict) else ()), f"id no válido: {entry_id!r}",
                             "use minúsculas, números y guiones, empezando por una letra (ej. last-word)")
            elif entry_id in seen:
                self.problem(path + ("id",), f"id repetido '{entry_id}'", "cada entrada necesita un id propio")
            else:
                seen.add(entry_id)
                good.append((index, entry))
        return good

    def registry(self, data) -> tuple[Registry | None, list[Problem]]:
        if not isinstance(data, dict):
            self.problem((), "debe ser un conjunto de campos: answers, no_answer, subscales, sources, items",
                         "vea el comentario al inicio del archivo; si lo borró por error, recupérelo con git")
            return None, self.problems
        unknown = sorted(set(data) - set(TOP_FIELDS))
        if unknown:
            self.problem((unknown[0],), f"campo desconocido '{unknown[0]}'", f"los campos son: {', '.join(TOP_FIELDS)}")
        answers = [Answer(e["id"], label, self.symbol(e.get("symbol"), ("answers", i, "symbol")))
                   for i, e in self.ids(self.listed(data, "answers"), "answers")
                   if (label := self.texts(e.get("label"), ("answers", i, "label"), "la respuesta")) is not None]
        if len({a.symbol for a in answers}) != len(answers):
            self.problem(("answers",), "dos respuestas tienen el mismo símbolo", "cada respuesta necesita un dibujo distinto en la hoja")
        no_answer = self.texts(data.get("no_answer"), ("no_answer",), "no_answer")
        missing_answers = {"agree", "disagree"} - {a.id for a in answers}
        if answers and missing_answers:
            self.problem(("answers",), f"faltan las respuestas: {', '.join(sorted(missing_answers))}",
                         "la escala necesita 'agree' y 'disagree' (la puntuación depende de ellas)")
        subscales = [Subscale(e["id"], label) for i, e in self.ids(self.listed(data, "subscales"), "subscales")
                     if (label := self.texts(e.get("label"), ("subscales", i, "label"), "el nombre")) is not None]
        sources = {}
        for index, entry in self.ids(data.get("sources") or [], "sources"):
            source = self.source(entry, ("sources", index))
            if source:
                sources[source.id] = source
        items = []
        for index, entry in self.ids(self.listed(data, "items"), "items"):
            item = self.item(entry, ("items", index), len(items) + 1, {s.id for s in subscales}, sources)
            if item:
                items.append(item)
        rule = self.important_change(data.get("important_change"))
        code = self.participant_code(data.get("participant_code"))
        self.copies(items)
        if self.problems:
            return None, self.problems
        return Registry(tuple(answers), no_answer, tuple(subscales), sources, tuple(items), rule, tuple(code)), []

    def participant_code(self, value) -> list[CodePart]:
        from .pictograms import PICTOGRAMS
        if not isinstance(value, dict) or set(value) != {"parts"} or not isinstance(value["parts"], list) or not value["parts"]:
            self.problem(("participant_code",), "participant_code necesita sus partes: participant_code: {parts: [...]}",
                         "vea el comentario sobre participant_code en el archivo")
            return []
        parts = []
        for index, entry in self.ids(value["parts"], ("participant_code", "parts")):
            path = ("participant_code", "parts", index)
            unknown, missing = sorted(set(entry) - set(CODE_PART_FIELDS)), [f for f in CODE_PART_FIELDS if f not in entry]
            if unknown or missing:
                self.problem(path, f"parte '{entry['id']}': faltan {', '.join(missing) or '—'}; desconocidos: {', '.join(unknown) or '—'}",
                             f"cada parte del código tiene exactamente: {', '.join(CODE_PART_FIELDS)}")
                continue
            before = len(self.problems)
            texts = {name: self.texts(entry[name], path + (name,), name) for name in ("name", "fact", "example")}
            if entry["picture"] not in PICTOGRAMS:
                self.problem(path + ("picture",), f"dibujo desconocido '{entry['picture']}'",
                             "use un dibujo de hooks/manualgen/pictograms.py (code-mother, code-birthday…)")
            if entry["chars"] not in CODE_CHARS:
                self.problem(path + ("chars",), f"chars no válido: {entry['chars']!r}", f"use {' o '.join(CODE_CHARS)}")
            length = entry["length"]
            if (not isinstance(length, int) or isinstance(length, bool) or not 1 <= length <= 4
                    or (entry["chars"] == "day" and length != 2)):
                self.problem(path + ("length",), f"length no válido: {length!r}",
                             "escriba cuántas casillas (1 a 4); el día del mes tiene siempre 2")
            if len(self.problems) > before or None in texts.values():
                continue
            part = CodePart(entry["id"], entry["picture"], texts["name"], texts["fact"], texts["example"], entry["chars"],
                            length, str(entry["value"]))
            if not re.fullmatch(part.pattern, part.value):
                self.problem(path + ("value",), f"el ejemplo {part.value!r} no cabe en la parte ({entry['chars']}, {length})",
                             "escriba un ejemplo con tantas letras o números como casillas (el día con dos números: 05)")
                continue
            parts.append(part)
        return parts

    def symbol(self, value, path: tuple) -> str:
        if not isinstance(value, str) or not 1 <= len(value.strip()) <= 2:
            self.problem(path, f"símbolo no válido: {value!r}", 'escriba un solo signo entre comillas, por ejemplo symbol: "●"')
            return ""
        return value.strip()

    def source(self, entry: dict, path: tuple) -> Source | None:
        unknown = sorted(set(entry) - set(SOURCE_FIELDS))
        missing = [f for f in SOURCE_FIELDS if not isinstance(entry.get(f), str) or not entry[f].strip()]
        if unknown or missing:
            self.problem(path, f"fuente incompleta: faltan {', '.join(missing) or '—'}; desconocidos: {', '.join(unknown) or '—'}",
                         "cada fuente necesita citation, url (https://), reproduction y permission (qué permite su licencia y por qué)")
            return None
        if not entry["url"].startswith("https://") or " " in entry["url"]:
            self.problem(path + ("url",), "la fuente necesita una URL https:// sin espacios", "copie la dirección (o el DOI) con https://")
            return None
        if entry["reproduction"] not in REPRODUCTION:
            self.problem(path + ("reproduction",), f"valor no válido: {entry['reproduction']!r}",
                         f"use {' o '.join(REPRODUCTION)}: lo que permite la licencia de la escala o un permiso escrito")
            return None
        return Source(entry["id"], " ".join(entry["citation"].split()), entry["url"], entry["reproduction"],
                      " ".join(entry["permission"].split()))

    def item(self, entry: dict, path: tuple, number: int, subscales: set, sources: dict) -> Item | None:
        before = len(self.problems)
        unknown = sorted(set(entry) - set(ITEM_FIELDS))
        missing = [f for f in ITEM_FIELDS if f not in entry]
        if unknown or missing:
            self.problem(path, f"frase '{entry['id']}': faltan {', '.join(missing) or '—'}; desconocidos: {', '.join(unknown) or '—'}",
                         f"cada frase tiene exactamente: {', '.join(ITEM_FIELDS)}")
            return None
        text = self.texts(entry["text"], path + ("text",), "la frase")
        if entry["subscale"] not in subscales:
            self.problem(path + ("subscale",), f"la subescala '{entry['subscale']}' no existe",
                         f"use una de: {', '.join(sorted(subscales))}")
        if not isinstance(entry["reverse"], bool):
            self.problem(path + ("reverse",), f"reverse debe ser true o false, no {entry['reverse']!r}",
                         "false: la frase expresa desigualdad («En desacuerdo» es la respuesta de igualdad); "
                         "true: expresa igualdad («De acuerdo» es la respuesta de igualdad)")
        origin = self.origin(entry["origin"], path + ("origin",), sources)
        if len(self.problems) > before or text is None or origin is None:
            return None
        return Item(entry["id"], number, text, entry["subscale"], entry["reverse"], origin)

    def origin(self, value, path: tuple, sources: dict) -> Origin | None:
        if value == "own":
            return Origin()
        if not isinstance(value, dict) or set(value) != {"source", "item", "status"}:
            self.problem(path, f"origen no válido: {value!r}", HINT_ORIGIN)
            return None
        source = sources.get(value["source"])
        if source is None:
            self.problem(path + ("source",), f"la fuente '{value['source']}' no existe",
                         "añádala en sources: con su cita, su URL y lo que permite su licencia")
            return None
        if not isinstance(value["item"], int) or isinstance(value["item"], bool) or value["item"] < 1:
            self.problem(path + ("item",), f"número de ítem no válido: {value['item']!r}",
                         "escriba el número de la frase en la escala publicada (1, 2, …)")
            return None
        if value["status"] not in ORIGIN_STATUSES:
            self.problem(path + ("status",), f"estado no válido: {value['status']!r}",
                         "adapted: reescrita con sus propias palabras y citada; reproduced: copiada tal cual (solo si la licencia lo permite)")
            return None
        if value["status"] == "reproduced" and source.reproduction != "permitted":
            self.problem(path + ("status",), f"la escala '{source.id}' no permite reproducir sus frases tal cual",
                         "reescriba la frase con sus propias palabras y ponga status: adapted, o consiga un permiso escrito "
                         "y anótelo en sources (reproduction: permitted, permission: …)")
            return None
        return Origin(source.id, value["item"], value["status"])

    def important_change(self, value) -> ImportantChange:
        if value is None:
            return ImportantChange(3, 4)
        if (not isinstance(value, dict) or set(value) != {"at_least", "one_in"}
                or not all(isinstance(v, int) and not isinstance(v, bool) and v >= 1 for v in value.values())):
            self.problem(("important_change",), f"regla no válida: {value!r}",
                         "escriba important_change: {at_least: 3, one_in: 4} (al menos 3 personas y 1 de cada 4)")
            return ImportantChange(3, 4)
        return ImportantChange(value["at_least"], value["one_in"])

    def copies(self, items: list[Item]) -> None:
        """The same statement twice would be counted as two items."""
        seen: dict[tuple[str, str], Item] = {}
        for item in items:
            for lang, text in item.text.items():
                key = (lang, normalised(text))
                if key in seen:
                    self.problem(("items", item.number - 1, "text", lang), f"la frase repite la de '{seen[key].id}'",
                                 "cada frase del cuestionario debe ser distinta")
                seen.setdefault(key, item)


def normalised(text: str) -> str:
    """A statement as compared: case, spacing, quotes and final punctuation ignored."""
    text = _IGNORED_MARKS.sub("", text.casefold())
    return " ".join(text.split()).rstrip(".!?¿¡ ")


_IGNORED_MARKS = re.compile(r"[*_«»“”\"'’]")


def copied_item_problems(path: str, text: str, first_line: int, registry: Registry) -> list[Problem]:
    """A page that retypes a statement of the registry: a second copy would drift from the one the forms use.
    Each line is normalised once, not once per statement (that was ~280,000 calls for the real manual)."""
    problems = []
    lines = [normalised(line) for line in text.split("\n")]
    for item in registry.items:
        for wording in item.text.values():
            wanted = normalised(wording)
            for offset, line in enumerate(lines):
                if wanted in line:
                    problems.append(Problem(path, first_line + offset, "changecheck",
                                            f"repite la frase {item.number} del cuestionario ('{item.id}')",
                                            "las frases viven en data/change_check.yml: escriba [[changecheck:questionnaire]], "
                                            "[[changecheck:tally]] o [[changecheck:share]] en lugar de copiarlas"))
                    break
    return problems
