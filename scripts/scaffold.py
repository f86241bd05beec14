"""`make new-session`, `make new-handout`, `make new-module`: create both language files of a new page with
valid front matter and blocks, ready to fill. Every text still to write is marked ✎, and the build refuses
to publish a page that still has one. Existing files are never overwritten.

    python scripts/scaffold.py session --module 02-genero-y-masculinidades --name mi-sesion
    python scripts/scaffold.py handout --module 02-genero-y-masculinidades --name mi-ficha
    python scripts/scaffold.py module --name 08-nuevo-modulo
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MODELINE = "# yaml-language-server: $schema={schema}"

SESSION = {
    "es": """---
{modeline}
type: session
id: {id}
module: {module}
order: {order}
title: "✎ Título de la sesión"
duration: 60
group_size: {{min: 10, max: 25}}
sensitivity: low
objectives:
  - ✎ Lo que los participantes podrán hacer al terminar.
materials:
  - Papelógrafos
  - Plumones gruesos de colores
preparation:
  - ✎ Qué preparar antes de la sesión.
handouts: []
---
✎ Una o dos oraciones: por qué importa esta sesión.

/// activity | Bienvenida
    minutes: 10
    grouping: plenary

1. ✎ Primer paso.

> **Diga:** «✎ Lo que dice quien facilita.»
///

/// activity | ✎ Actividad central
    minutes: 40
    grouping: small_groups

1. ✎ Pasos numerados.
///

/// discussion
- ✎ Pregunta para el diálogo.
///

/// facilitator
✎ Qué observar y cómo responder si aparece resistencia.
///

/// activity | Cierre
    minutes: 10
    grouping: plenary

1. ✎ Ronda de cierre y evaluación breve.
///

/// adaptations
- **Lectura y escritura:** ✎ alternativa para cada actividad que pide leer o escribir.
- **Quechua o aimara:** ✎ términos clave que acordar antes con quien interpreta.
- **Zona rural o urbana:** ✎ qué cambia en el campo y en la ciudad.
- **Participantes jóvenes:** ✎ qué cambia con adolescentes y hombres jóvenes.
///

/// key-messages
- ✎ Mensaje clave.
///
""",
    "en": """---
{modeline}
type: session
id: {id}
module: {module}
order: {order}
title: "✎ Session title"
duration: 60
group_size: {{min: 10, max: 25}}
sensitivity: low
objectives:
  - ✎ What participants will be able to do by the end.
materials:
  - Flip chart paper
  - Thick coloured markers
preparation:
  - ✎ What to prepare before the session.
handouts: []
---
✎ One or two sentences: why this session matters.

/// activity | Welcome
    minutes: 10
    grouping: plenary

1. ✎ First step.

> **Say:** "✎ What the facilitator says."
///

/// activity | ✎ Main activity
    minutes: 40
    grouping: small_groups

1. ✎ Numbered steps.
///

/// discussion
- ✎ Discussion question.
///

/// facilitator
✎ What to watch for and how to respond to resistance.
///

/// activity | Closing
    minutes: 10
    grouping: plenary

1. ✎ Closing round and short evaluation.
///

/// adaptations
- **Reading and writing:** ✎ an alternative for each activity that needs reading or writing.
- **Quechua or Aymara:** ✎ key terms to agree beforehand with the interpreter.
- **Rural or urban setting:** ✎ what changes in the countryside and in town.
- **Younger participants:** ✎ what changes with adolescents and young men.
///

/// key-messages
- ✎ Key message.
///
""",
}

HANDOUT = {
    "es": """---
{modeline}
type: handout
id: {id}
module: {module}
order: {order}
title: "✎ Título de la ficha"
kind: worksheet
description: ✎ Una oración sobre qué es la ficha y cuándo se usa.
---
✎ Indicaciones breves para quien la llena.

/// write | ✎ Pregunta
    lines: 4
///
""",
    "en": """---
{modeline}
type: handout
id: {id}
module: {module}
order: {order}
title: "✎ Handout title"
kind: worksheet
description: ✎ One sentence on what the handout is and when it is used.
---
✎ Short instructions for whoever fills it in.

/// write | ✎ Question
    lines: 4
///
""",
}

MODULE = {
    "es": """---
{modeline}
type: module
id: {id}
order: {order}
title: "✎ Título del módulo"
summary: ✎ Una o dos oraciones sobre qué trabaja el módulo.
objectives:
  - ✎ Lo que logran los participantes en el módulo.
---
✎ Dos o tres párrafos: por qué importa este módulo y cómo se conectan sus sesiones.
""",
    "en": """---
{modeline}
type: module
id: {id}
order: {order}
title: "✎ Module title"
summary: ✎ One or two sentences on what the module works on.
objectives:
  - ✎ What participants achieve in the module.
---
✎ Two or three paragraphs: why this module matters and how its sessions connect.
""",
}


class ScaffoldError(Exception):
    pass


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---", 2)[1]) or {}


def existing(folder: Path, prefix: str) -> list[int]:
    numbers = []
    for path in folder.glob("*.es.md"):
        match = re.match(rf"^{prefix}(\d+)-", path.name)
        if match:
            numbers.append(int(match[1]))
    return numbers


def scaffold(kind: str, name: str, module_folder: str | None, root: Path = ROOT,
             modules_dir: str = "modules", languages=("es", "en")) -> list[Path]:
    if not SLUG.match(name or ""):
        raise ScaffoldError(f"NAME='{name}' no es válido: use minúsculas sin tildes y guiones, por ejemplo NAME=la-caja-del-hombre")
    base = root / modules_dir
    if kind == "module":
        if not re.match(r"^\d{2}-", name):
            raise ScaffoldError("el nombre de un módulo empieza con su número de dos cifras, por ejemplo NAME=08-nuevo-modulo")
        folder, order = base / name, int(name[:2])
        values = {"id": f"m{order:02d}", "order": order, "module": ""}
        targets = {lang: folder / f"index.{lang}.md" for lang in languages}
        templates = MODULE
    else:
        if not module_folder:
            raise ScaffoldError("falta MODULE=<carpeta del módulo>, por ejemplo MODULE=02-genero-y-masculinidades")
        folder = base / module_folder
        index = folder / f"index.{languages[0]}.md"
        if not index.is_file():
            raise ScaffoldError(f"no existe el módulo '{module_folder}' ({index.relative_to(root)}); cree antes el módulo con make new-module")
        module_id = front_matter(index).get("id")
        prefix = "h" if kind == "handout" else ""
        order = max(existing(folder, prefix), default=0) + 1
        letter = "h" if kind == "handout" else "s"
        values = {"id": f"{module_id}-{letter}{order:02d}", "order": order, "module": module_id}
        targets = {lang: folder / f"{prefix}{order:02d}-{name}.{lang}.md" for lang in languages}
        templates = HANDOUT if kind == "handout" else SESSION
    taken = [p for p in targets.values() if p.exists()]
    if kind != "module":
        taken += sorted(folder.glob(f"{'h' if kind == 'handout' else ''}[0-9][0-9]-{name}.*.md"))
    if taken:
        raise ScaffoldError(f"ya existe {taken[0].relative_to(root)}: no se sobrescribe; elija otro NAME")
    folder.mkdir(parents=True, exist_ok=True)
    schema = Path("../" * (len(folder.relative_to(root).parts))) / "schema" / "manual.schema.json"
    for lang, path in targets.items():
        text = templates[lang].format(modeline=MODELINE.format(schema=schema.as_posix()), **values)
        with path.open("x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
            handle.write(text)
    return list(targets.values())


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("kind", choices=["session", "handout", "module"])
    parser.add_argument("--name", required=True)
    parser.add_argument("--module")
    args = parser.parse_args(argv)
    try:
        created = scaffold(args.kind, args.name, args.module)
    except ScaffoldError as exc:
        print(f"No se creó nada: {exc}", file=sys.stderr)
        return 1
    for path in created:
        print(f"creado: {path.relative_to(ROOT)}")
    print("Complete las líneas marcadas con ✎ (el sitio no se construye mientras quede alguna).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
