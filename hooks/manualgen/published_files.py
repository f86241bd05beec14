"""Files published as they are (everything in docs/ and modules/ that is not a page): only the kinds the manual
needs. The site, the zips, the ZIM and the phone edition copy these files byte for byte and serve them from the
site's own origin, so an `.html` file or an SVG with a script beside the pages would run there with no allow-list
in between. Any other kind of file is an author error naming the file; an SVG must be a plain drawing. No content
folder may hold a symbolic link or a name with control characters (file_problems)."""
from __future__ import annotations

import os
import re
from pathlib import Path
from xml.parsers import expat

from .problems import Problem

PAGE_SUFFIX = ".md"
# The build's own code under docs/ (reviewed as code, not content): each folder publishes only its kind.
OWN_CODE = {"assets/javascripts": {"js"}, "assets/stylesheets": {"css"}, "assets/vendor": {"js", ""}}
SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
# Drawing elements only: no script, foreignObject (HTML inside), a (links), image (another file), style,
# animate or set (which can change an attribute into a javascript: link).
SVG_ELEMENTS = frozenset({
    "svg", "g", "path", "circle", "ellipse", "rect", "line", "polyline", "polygon", "text", "tspan", "title", "desc",
    "defs", "linearGradient", "radialGradient", "stop", "clipPath", "mask", "symbol", "use", "pattern", "marker",
})


def published_file_problems(root: Path, docs_dir: Path, modules_dir: Path, types: frozenset[str]) -> list[Problem]:
    """Every file in the content folders that would be published, checked (links are refused elsewhere)."""
    problems = []
    for folder, is_docs in ((docs_dir, True), (modules_dir, False)):
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            rel = path.relative_to(folder)
            if path.is_symlink() or not path.is_file() or any(part.startswith(".") for part in rel.parts):
                continue  # links: file_problems; dot files are never published
            if path.suffix.lower() == PAGE_SUFFIX:
                continue
            shown = relative_name(root, path)
            kind = path.suffix.lower().lstrip(".")
            own = next((kinds for code, kinds in OWN_CODE.items() if is_docs and rel.as_posix().startswith(code + "/")), None)
            if own is not None:
                if kind not in own:
                    problems.append(Problem(shown, None, "archivo", f"tipo de archivo no admitido en esta carpeta del código "
                                            f"del sitio ('.{kind}')", "bórrelo; el contenido va en docs/ o modules/"))
                continue
            if kind not in types:
                written = f"'.{kind}'" if kind else "sin extensión"
                problems.append(Problem(shown, None, "archivo", f"tipo de archivo no admitido ({written}): junto a las "
                                        "páginas el sitio publica tal cual solo " + ", ".join(f".{t}" for t in sorted(types)),
                                        "las páginas se escriben en Markdown (.md); para un documento, enlace su dirección "
                                        "https://; para una imagen, guárdela como PNG, JPG o SVG sin scripts"))
            elif kind == "svg":
                problems += svg_problems(shown, path.read_bytes())
    return problems


def svg_problems(shown: str, data: bytes) -> list[Problem]:
    """An SVG that is a plain drawing: SVG drawing elements, no script, event handler, style, link or reference
    to anything outside the file, no DOCTYPE or entities."""
    hint = "exporte el dibujo como SVG simple (sin scripts, enlaces ni estilos) o como PNG"
    found: list[Problem] = []
    parser = expat.ParserCreate(namespace_separator=" ")

    def refuse(what: str) -> None:
        if not found:
            found.append(Problem(shown, parser.CurrentLineNumber, "svg", what, hint))

    def start(name: str, attrs: dict) -> None:
        space, _, local = name.rpartition(" ")
        if space != SVG_NS or local not in SVG_ELEMENTS:
            refuse(f"elemento <{local}> no permitido en una imagen SVG")
        for key, value in attrs.items():
            attr_space, _, attr = key.rpartition(" ")
            if attr.lower().startswith("on") or attr in ("style",) or attr_space not in ("", XLINK_NS):
                refuse(f"atributo {attr} no permitido en <{local}>")
            elif attr == "href" and not value.strip().startswith("#"):
                refuse(f"<{local}> apunta fuera de la imagen ({value[:60]})")
            elif "url(" in value.replace(" ", "").lower() and not value.replace(" ", "").lower().startswith("url(#"):
                refuse(f"<{local}> carga algo de fuera de la imagen ({value[:60]})")

    def doctype(*_args) -> None:
        refuse("una imagen SVG no lleva DOCTYPE ni entidades")

    def instruction(target: str, _data: str) -> None:
        refuse(f"instrucción <?{target} …?> no permitida en una imagen SVG")

    parser.StartElementHandler = start
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = doctype
    parser.ProcessingInstructionHandler = instruction
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        return found or [Problem(shown, exc.lineno, "svg", f"no es un SVG válido: {expat.ErrorString(exc.code)}", hint)]
    return found


def file_problems(root: Path, folders: list[Path]) -> list[Problem]:
    """Files the content folders must not hold, checked on every build, uncached:
    - symbolic links: the build would copy whatever they point to (any file of the build machine) into the site
      and the offline zip;
    - names with control characters (a newline, a tab…): such a name breaks SHA256SUMS and the zips' listings,
      and no reader's system shows it."""
    problems, seen = [], set()
    for folder in folders:
        if folder in seen or not (folder.exists() or folder.is_symlink()):
            continue
        seen.add(folder)
        candidates = [folder] if folder.is_symlink() else []
        for base, dirs, files in os.walk(folder):  # never follows links
            for name in dirs + files:
                path = Path(base) / name
                if path.is_symlink():
                    candidates.append(path)
                elif CONTROL_CHARACTER.search(name):
                    problems.append(Problem(relative_name(root, path), None, "archivo", "el nombre tiene caracteres de "
                                            "control (un salto de línea, un tabulador…)", "cambie el nombre del "
                                            "archivo: solo letras, cifras, guiones y puntos"))
        for path in candidates:
            problems.append(Problem(relative_name(root, path), None, "archivo", "es un enlace simbólico: el sitio solo publica archivos reales del repositorio",
                                    "borre el enlace y copie el archivo (o la carpeta) real en su lugar"))
    return problems


CONTROL_CHARACTER = re.compile(r"[\x00-\x1f\x7f]")


def relative_name(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
