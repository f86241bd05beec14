"""Pictures beside words: which pictogram stands for what, read from data/pictograms/ (Material Design Icons,
shipped with the site; see the README there). A pictogram is always printed next to its words, so on the web it is
hidden from screen readers (the words say it) unless a template gives it a text alternative of its own."""
from __future__ import annotations

import functools
import re
from pathlib import Path
from urllib.parse import quote

from markupsafe import Markup, escape

FOLDER = Path(__file__).resolve().parents[2] / "data" / "pictograms"
# meaning -> icon file (without .svg). Groupings are the activity block's `grouping` values; kinds are handout kinds.
PICTOGRAMS = {
    "help": "lifebuoy",
    "key-messages": "key-variant",
    "plenary": "account-group",
    "small_groups": "account-multiple",
    "pairs": "account-switch",
    "individual": "account",
    "agree": "emoticon-happy-outline",
    "partly": "emoticon-neutral-outline",
    "disagree": "emoticon-sad-outline",
    "worksheet": "pencil-outline",
    "fact-sheet": "information-outline",
    "form": "clipboard-list-outline",
    "card": "card-account-details-outline",
    # the participant code's parts (data/change_check.yml participant_code)
    "code-mother": "face-woman-outline",
    "code-birthday": "cake-variant-outline",
}
PATH = re.compile(r'<path d="([^"]+)"\s*/>')


@functools.lru_cache(maxsize=1)
def module_pictograms() -> dict[str, str]:
    """Each module's pictogram (modules.yml in the folder: module id -> icon file), for its wall sheets."""
    import yaml
    path = FOLDER / "modules.yml"
    found = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else None
    return {str(module): str(icon) for module, icon in (found or {}).items()}


def module_meaning(module_id: str) -> str:
    """The meaning whose pictogram stands for the module (the key-messages key when it has none of its own)."""
    if module_id in module_pictograms():
        PICTOGRAMS.setdefault(f"module-{module_id}", module_pictograms()[module_id])
        return f"module-{module_id}"
    return "key-messages"


@functools.lru_cache(maxsize=None)
def _path(meaning: str) -> str:
    """The icon's drawing (the `d` of its one path). KeyError for a meaning without a pictogram."""
    source = (FOLDER / f"{PICTOGRAMS[meaning]}.svg").read_text(encoding="utf-8")
    found = PATH.search(source)
    if found is None:
        raise ValueError(f"{PICTOGRAMS[meaning]}.svg: not one <path d=…/>")
    return found[1]


def svg(meaning: str, label: str | None = None) -> Markup:
    """Inline SVG, black on white (prints in black and white), 1.4 em square; with `label`, an image with that text
    alternative, else hidden from screen readers because the words beside it say the same."""
    access = f'role="img" aria-label="{escape(label)}"' if label else 'aria-hidden="true"'
    return Markup(f'<svg class="pictogram pictogram--{escape(meaning)}" viewBox="0 0 24 24" width="24" height="24" '
                  f'{access} focusable="false"><path fill="currentColor" d="{_path(meaning)}"/></svg>')


def data_uri(meaning: str) -> str:
    """The pictogram as a data: URL (for a stylesheet's `content: url(…)`), black, 24 px square."""
    drawing = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="24" height="24">'
               f'<path fill="#000" d="{_path(meaning)}"/></svg>')
    return "data:image/svg+xml," + quote(drawing)


SCALE = ("agree", "partly", "disagree")
HEADER_CELL = re.compile(r"<th>([^<>]+)</th>")


def scale_words(labels: dict) -> dict[str, str]:
    """Each heading word of an answer scale, as a sheet's table writes it, -> its pictogram: the labels
    `scale_agree`, `scale_partly` and `scale_disagree` list the words of each step, separated by « | »."""
    return {word.strip(): meaning for meaning in SCALE
            for word in labels.get(f"scale_{meaning}", "").split("|") if word.strip()}


PICTURE_CELL = re.compile(r'<th class="picture--([a-z-]+)">')


def with_scale_pictures(html: str, words: dict[str, str]) -> Markup:
    """A sheet's HTML with a face above each answer-scale heading (a table head cell whose whole text is a scale
    word), and a pictogram before the words of each head cell that asks for one (`<th class="picture--code-mother">`, as the
    participant code's parts are printed); the word stays, the picture is hidden from screen readers."""
    def picture(match: re.Match) -> str:
        meaning = words.get(match[1].strip())
        return f'<th class="scale-step">{svg(meaning)}<br>{match[1]}</th>' if meaning else match[0]

    def asked(match: re.Match) -> str:
        return f'<th class="picture-cell">{svg(match[1])} ' if match[1] in PICTOGRAMS else match[0]
    return Markup(PICTURE_CELL.sub(asked, HEADER_CELL.sub(picture, str(html))))
