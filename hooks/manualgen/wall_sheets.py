"""Rotafolio (wall sheets) for halls without a projector: which texts of a session go on which sheet, the
legibility rule (capital letters at least `cap_mm_per_m` mm high per metre of room depth), whether a message fits
one sheet, and how a sheet is tiled onto A4 paper. Pure: no MkDocs, no WeasyPrint; the fonts' metrics come from
the font file itself (fontTools), so the rule is checked before anything is drawn.

A key message may carry a short wall version, written by its author on a line of its own inside the list item
(`  Rotafolio: Nadie nace con la caja`, `  Wall sheet: No one is born in the box`; the word is the label
`wall_marker`): the sheet shows it, the facing page says the whole message. The build never cuts a message."""
from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass
from pathlib import Path

from .disk_memo import DiskMemo, key_of
from .problems import Problem
from .references import REFERENCE

MM_PER_PT = 25.4 / 72
# Landscape sheets, mm. A3 prints as it is (and tiled onto A4); A2 and A1 are meant to be tiled.
SHEETS = {"A3": (420.0, 297.0), "A2": (594.0, 420.0), "A1": (841.0, 594.0)}
TILE_PAPER = (210.0, 297.0)  # A4, either way round
DEFAULTS = {"room_depth_m": 8, "cap_mm_per_m": 3.3, "sheet": "A3", "tile_margin_mm": 8, "tile_overlap_mm": 10}
WHERE = "mkdocs.yml: extra.manual.wall_sheets"
# The wall font: bold, black; the same family the print templates use (overrides/print/wall.css).
FONT_FILE = "DejaVuSans-Bold.ttf"
FONT_FOLDERS = ("/usr/share/fonts", "/usr/local/share/fonts", str(Path.home() / ".fonts"))
LINE_HEIGHT = 1.15    # of the font size (wall.css)
WIDTH_SLACK = 0.94    # the measured line may take this much of the text box: WeasyPrint's shaping may differ a little
# Inside a sheet, mm: margins, the header band (pictogram and number) and the text area above the bottom third,
# which people's heads hide in a hall.
MARGIN_MM = 10.0
HEADER_MM = 18.0


class WallSettingsError(ValueError):
    pass


@dataclass(frozen=True)
class WallSettings:
    room_depth_m: float
    cap_mm_per_m: float
    sheet: str
    tile_margin_mm: float
    tile_overlap_mm: float

    @property
    def cap_mm(self) -> float:
        """The least height of a capital letter on the sheet."""
        return self.room_depth_m * self.cap_mm_per_m

    @property
    def size_mm(self) -> tuple[float, float]:
        return SHEETS[self.sheet]


def wall_settings(raw: dict | None) -> WallSettings:
    """The settings, checked: positive numbers and a known sheet size. Raises WallSettingsError listing every problem."""
    raw, problems = {**DEFAULTS, **(raw or {})}, []
    for key in ("room_depth_m", "cap_mm_per_m", "tile_margin_mm", "tile_overlap_mm"):
        value = raw[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
            problems.append(f"{WHERE}.{key}: {value!r} is not a positive number")
    if raw["sheet"] not in SHEETS:
        problems.append(f"{WHERE}.sheet: {raw['sheet']!r} is not one of {', '.join(SHEETS)}")
    if unknown := sorted(set(raw) - set(DEFAULTS)):
        problems.append(f"{WHERE}: unknown {', '.join(unknown)} (allowed: {', '.join(DEFAULTS)})")
    if problems:
        raise WallSettingsError("\n".join(problems))
    return WallSettings(float(raw["room_depth_m"]), float(raw["cap_mm_per_m"]), raw["sheet"],
                        float(raw["tile_margin_mm"]), float(raw["tile_overlap_mm"]))


# --- the font ------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class FontMetrics:
    cap_ratio: float                 # capital height / em
    advances: dict[int, float]       # code point -> advance / em
    fallback: float                  # advance / em of a character the font lacks (as wide as an M)

    def width(self, text: str, size_mm: float) -> float:
        return sum(self.advances.get(ord(ch), self.fallback) for ch in text) * size_mm


def font_path() -> Path:
    for folder in FONT_FOLDERS:
        found = sorted(Path(folder).rglob(FONT_FILE)) if Path(folder).is_dir() else []
        if found:
            return found[0]
    raise WallSettingsError(f"the wall sheets' font {FONT_FILE} is not installed (Debian: fonts-dejavu-core)")


@functools.lru_cache(maxsize=2)
def font_metrics(path: str | None = None) -> FontMetrics:
    from fontTools.ttLib import TTFont
    font = TTFont(path or font_path(), lazy=True)
    em = font["head"].unitsPerEm
    widths = font["hmtx"].metrics
    advances = {code: widths[glyph][0] / em for code, glyph in font.getBestCmap().items()}
    # The capital height as drawn: the top of the H (DejaVu's OS/2 table is too old to state it).
    cap = getattr(font["OS/2"], "sCapHeight", 0) or font["glyf"][font.getBestCmap()[ord("H")]].yMax
    return FontMetrics(cap / em, advances, advances.get(ord("M"), 0.9))


def remembered_font_metrics(memo: DiskMemo) -> FontMetrics:
    """font_metrics, kept in `memo` by the font file's bytes: a build with the same font reads its metrics from a
    small file instead of parsing the font (fontTools' import and the parse: ≈ 65 ms of every build)."""
    path = font_path()

    def measured() -> dict:
        metrics = font_metrics(str(path))
        return {"cap_ratio": metrics.cap_ratio, "advances": metrics.advances, "fallback": metrics.fallback}
    stored = memo.remembered(key_of(path.read_bytes()), measured)
    # JSON keeps the advances' character codes as text: read back as numbers either way
    return FontMetrics(stored["cap_ratio"], {int(code): width for code, width in stored["advances"].items()},
                       stored["fallback"])


def metrics_memo_version() -> str:
    """What the remembered metrics depend on besides the font: the code that measures them."""
    return key_of(Path(__file__).read_bytes())


@dataclass(frozen=True)
class Layout:
    """Where the message goes on a sheet and how big it is set, mm (font size also in pt, as the template needs it)."""
    sheet_mm: tuple[float, float]
    font_mm: float
    text_box: tuple[float, float, float, float]   # x, y (from the top), width, height

    @property
    def font_pt(self) -> float:
        return round(self.font_mm / MM_PER_PT, 2)

    @property
    def line_mm(self) -> float:
        return self.font_mm * LINE_HEIGHT

    @property
    def lines(self) -> int:
        """How many lines of the message the text box holds."""
        return int(self.text_box[3] // self.line_mm)


def layout(settings: WallSettings, metrics: FontMetrics) -> Layout:
    """The sheet's layout: the font as small as the rule allows (capitals exactly `cap_mm`, rounded up to 0.1 pt),
    the text between the header band and the top two thirds."""
    width, height = settings.size_mm
    font_mm = settings.cap_mm / metrics.cap_ratio
    font_mm = (int(font_mm / MM_PER_PT * 10) + 1) / 10 * MM_PER_PT
    top = MARGIN_MM + HEADER_MM
    return Layout((width, height), font_mm, (MARGIN_MM, top, width - 2 * MARGIN_MM, height * 2 / 3 - top))


def wrap(text: str, layout_: Layout, metrics: FontMetrics) -> list[str] | None:
    """The text broken into lines that fit the text box's width, as the sheet sets it; None when a single word is
    wider than the line."""
    limit = layout_.text_box[2] * WIDTH_SLACK
    lines: list[str] = []
    for word in text.split():
        if metrics.width(word, layout_.font_mm) > limit:
            return None
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and metrics.width(candidate, layout_.font_mm) <= limit:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def fits(text: str, layout_: Layout, metrics: FontMetrics) -> bool:
    lines = wrap(text, layout_, metrics)
    return lines is not None and len(lines) <= layout_.lines


# --- which texts go on sheets ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Item:
    """One entry of a key-messages or discussion block, as written: its text, its wall version, its file line."""
    block: str
    text: str            # Markdown, the item's lines joined (the wall line left out)
    wall: str | None     # the author's wall version, or None
    line: int


ITEM = re.compile(r"^[-*+]\s+(?P<text>.*)$")
INLINE_MARKUP = re.compile(r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`")
LINK = re.compile(r"!?\[(?P<text>[^\]]*)\]\([^)]*\)")
ATTRS = re.compile(r"\{[:.#][^}]*\}")
TAG = re.compile(r"<[^>]+>")


def wall_line(marker: str) -> re.Pattern:
    """A wall version's line inside a list item: indented, opening with the marker and a colon."""
    return re.compile(rf"^\s+{re.escape(marker)}\s*:\s*(?P<text>.*\S)\s*$")


def block_items(page, block_type: str, marker: str) -> list[Item]:
    """The top-level list items of the page's blocks of that type, each with its file line and wall version."""
    lines = page.source.body.split("\n")
    first, pattern, items = page.source.body_line, wall_line(marker), []
    for block in page.blocks:
        if block.type != block_type:
            continue
        current: dict | None = None
        for number in range(block.line + 1 + block.option_lines, block.end_line):
            line = lines[number - first]
            if found := ITEM.match(line):
                if current:
                    items.append(Item(block_type, " ".join(current["text"]), current["wall"], current["line"]))
                current = {"text": [found["text"].strip()], "wall": None, "line": number}
            elif current and (wall := pattern.match(line)):
                current["wall"] = wall["text"]
            elif current and line.strip():
                current["text"].append(line.strip())
        if current:
            items.append(Item(block_type, " ".join(current["text"]), current["wall"], current["line"]))
    return items


def plain(markdown: str, references: dict) -> str:
    """What a sheet prints of a Markdown text: references put in place ([[safety:…]] statements, helplines'
    names), links as their words, no emphasis marks or tags, white space collapsed."""
    def reference(match: re.Match) -> str:
        # a figure is said as its plain value (its source is on the session's page and in its PDF)
        render = references.get("fact_value") if match["kind"] == "fact" and "fact_value" in references else None
        render = render or references.get(match["kind"])
        found = render(match["id"]) if render else None
        return found if found is not None else match.group(0)
    text = REFERENCE.sub(reference, markdown)
    text = REFERENCE.sub(reference, text)  # a statement cites helplines and facts
    text = LINK.sub(lambda m: m["text"], text)
    text = TAG.sub("", ATTRS.sub("", text))
    return " ".join(html.unescape(INLINE_MARKUP.sub("", text)).split())


@dataclass(frozen=True)
class Sheet:
    kind: str        # "message" (a key message) or "question" (for the plenary)
    shown: str       # what the sheet prints
    said: str        # what the facilitator says when showing it (the whole message, the question)
    answers: tuple[str, ...] = ()   # for a question: what the group may answer (the session's answers block)
    line: int = 0
    script: str = ""  # for a message: the session's own script («Diga: …») that says the most of it, if one does


WORD = re.compile(r"\w{5,}")
SCRIPT_OVERLAP = 4  # words of five letters or more a script must share with a message to be its script (3 matched
                    # scripts about something else in the real sessions)


def session_scripts(page, say_marker: str, references: dict) -> list[str]:
    """The session's scripts as said: each quoted paragraph opening with the marker in bold (`> **Diga:** …`),
    its continuation lines joined, the marker left out."""
    opening = re.compile(rf"^\s*>\s*\*\*{re.escape(say_marker)}:\*\*\s*(?P<text>.*)$")
    scripts, current = [], None
    for line in page.source.body.split("\n"):
        if found := opening.match(line):
            current = [found["text"]]
            scripts.append(current)
        elif current is not None and re.match(r"^\s*>\s*\S", line):
            current.append(line.strip().lstrip(">").strip())
        else:
            current = None
    return [plain(" ".join(parts), references) for parts in scripts]


def script_for(message: str, scripts: list[str]) -> str:
    """The script that shares the most words with the message (SCRIPT_OVERLAP at least), else ""."""
    words = {w.lower() for w in WORD.findall(message)}
    best, best_score = "", SCRIPT_OVERLAP - 1
    for script in scripts:
        if script.strip("«»\"“” ") == message.strip():  # the message itself, said word for word (a safety statement)
            continue
        score = len(words & {w.lower() for w in WORD.findall(script)})
        if score > best_score:
            best, best_score = script, score
    return best


def session_sheets(page, marker: str, references: dict, layout_: Layout, metrics: FontMetrics,
                   say_marker: str = "") -> tuple[list[Sheet], list[str]]:
    """A session's sheets: each key message (its wall version when it has one), then each discussion question that
    fits a sheet as written. Returns the sheets and the questions that do not fit (said aloud: listed on the facing
    page of the last sheet). A key message that does not fit is an author error (fit_problems), not left out."""
    sheets, spoken = [], []
    scripts = session_scripts(page, say_marker, references) if say_marker else []
    for item in block_items(page, "key-messages", marker):
        said = plain(item.text, references)
        sheets.append(Sheet("message", plain(item.wall, references) if item.wall else said, said, line=item.line,
                            script=script_for(said, scripts)))
    answers = tuple(plain(i.text, references) for i in _answers_after_discussion(page, marker))
    for item in block_items(page, "discussion", marker):
        question = plain(item.wall or item.text, references)
        if fits(question, layout_, metrics):
            sheets.append(Sheet("question", question, plain(item.text, references), answers, item.line))
        else:
            spoken.append(plain(item.text, references))
    return sheets, spoken


def _answers_after_discussion(page, marker: str) -> list[Item]:
    """The answers block that follows the discussion block (the answers its questions may draw), if any."""
    blocks = page.blocks
    for block, following in zip(blocks, blocks[1:]):
        if block.type == "discussion" and following.type == "answers":
            return [i for i in block_items(page, "answers", marker) if following.line < i.line < following.end_line]
    return []


def fit_problems(page, marker: str, references: dict, settings: WallSettings, layout_: Layout,
                 metrics: FontMetrics) -> list[Problem]:
    """Each key message that does not fit one sheet at the rule's size, named by file, line and block, with how
    to fix it."""
    problems = []
    for item in block_items(page, "key-messages", marker):
        shown = plain(item.wall or item.text, references)
        lines = wrap(shown, layout_, metrics)
        if lines is not None and len(lines) <= layout_.lines:
            continue
        size = f"{settings.sheet} con mayúsculas de {settings.cap_mm:.0f} mm (sala de {settings.room_depth_m:g} m)"
        what = "la versión de rotafolio" if item.wall else "el mensaje"
        found = (f"{len(lines)} líneas y caben {layout_.lines}" if lines is not None
                 else "una palabra es más ancha que la hoja")
        hint = ("acórtela: unas pocas palabras" if item.wall else
                f"escriba debajo, en una línea con sangría, una versión corta de pocas palabras: «  {marker}: …»; "
                "el sitio y el manual siguen mostrando el mensaje completo")
        problems.append(Problem(page.path, item.line, "bloque key-messages",
                                f"{what} no cabe en una hoja de rotafolio {size}: ocupa {found}", hint))
    return problems


def parity_problems(source, source_marker: str, translation, marker: str) -> list[Problem]:
    """A translation's key messages carry a wall version where the source's do, and only there: a sheet the
    source prints short must not print the whole message in the other language (nor the reverse)."""
    theirs = block_items(source, "key-messages", source_marker)
    ours = block_items(translation, "key-messages", marker)
    problems = []
    for mine, original in zip(ours, theirs):
        if bool(mine.wall) != bool(original.wall):
            has = "tiene" if original.wall else "no tiene"
            problems.append(Problem(translation.path, mine.line, "bloque key-messages",
                                    f"el mensaje original ({source.path}:{original.line}) {has} versión de rotafolio "
                                    f"y su traducción {'no' if original.wall else 'sí'}",
                                    f"escriba o quite la línea «  {marker}: …» como en el original"))
    return problems


# --- tiling onto A4 --------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Tile:
    """One A4 sheet of a tiled wall sheet: the part of the sheet it prints (mm, from the sheet's top left) and
    where that part sits on the paper (its top left corner, mm from the paper's top left)."""
    row: int
    col: int
    region: tuple[float, float, float, float]   # x, y, width, height on the wall sheet
    paper: tuple[float, float]                   # paper width, height
    at: tuple[float, float]                      # where the region's top left corner is printed on the paper

    @property
    def name(self) -> str:
        """The label the assembly map uses: a letter per row, a number per column ("A1" top left)."""
        return f"{chr(ord('A') + self.row)}{self.col + 1}"


def _spans(length: float, window: float, overlap: float) -> list[tuple[float, float]]:
    """Windows of at most `window` that cover `length`, each overlapping the next by exactly `overlap` (the glue
    strip); the last one ends with the sheet, so it may be narrower."""
    if window >= length:
        return [(0.0, length)]
    spans, start = [], 0.0
    while start + window < length:
        spans.append((round(start, 3), window))
        start += window - overlap
    return spans + [(round(start, 3), round(length - start, 3))]


def tiles(settings: WallSettings) -> list[Tile]:
    """The sheet cut into A4 tiles, portrait or landscape, whichever needs fewer sheets of paper: each prints a
    window of the sheet inside the printer's margin; neighbours overlap by the glue strip."""
    width, height = settings.size_mm
    margin, overlap = settings.tile_margin_mm, settings.tile_overlap_mm
    best = None
    for paper in (TILE_PAPER, TILE_PAPER[::-1]):
        window = (paper[0] - 2 * margin, paper[1] - 2 * margin)
        cols, rows = _spans(width, window[0], overlap), _spans(height, window[1], overlap)
        if best is None or len(cols) * len(rows) < len(best[1]) * len(best[2]):
            best = (paper, cols, rows)
    paper, cols, rows = best
    return [Tile(r, c, (x, y, w, h), paper, (margin, margin))
            for r, (y, h) in enumerate(rows) for c, (x, w) in enumerate(cols)]


def coverage_gaps(sheet_mm: tuple[float, float], placed: list[tuple[float, float, float, float]],
                  step: float = 1.0) -> list[tuple[float, float]]:
    """Points of the sheet (on a `step` mm grid) that no region covers: empty when the tiles reassemble the sheet."""
    width, height = sheet_mm
    gaps, y = [], step / 2
    while y < height:
        x = step / 2
        while x < width:
            if not any(rx <= x <= rx + rw and ry <= y <= ry + rh for rx, ry, rw, rh in placed):
                gaps.append((x, y))
            x += step
        y += step
    return gaps

