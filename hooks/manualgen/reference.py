"""The authoring guide's field reference, generated from schema/manual.schema.json so it never drifts.

A page cites it with the marker [[schema:reference]]; the build replaces it with Markdown tables in the
page's language (descriptions: `description` in English, `x-description-es` in Spanish)."""
from __future__ import annotations

MARKER = "[[schema:reference]]"

WORDS = {
    "es": {"field": "Campo", "required": "Obligatorio", "type": "Tipo", "meaning": "Qué es", "yes": "sí", "no": "no",
           "block": "Bloque", "title": "Título", "options": "Opciones", "allowed": "Bloques permitidos",
           "page": {"module": "Módulo (`type: module`)", "session": "Sesión (`type: session`)", "handout": "Ficha (`type: handout`)"},
           "blocks": "Bloques del cuerpo", "needed": "Bloques obligatorios",
           "title_required": "obligatorio", "title_optional": "opcional", "none": "ninguna",
           "types": {"string": "texto", "integer": "número entero", "array": "lista", "object": "campos", "enum": "uno de"}},
    "en": {"field": "Field", "required": "Required", "type": "Type", "meaning": "What it is", "yes": "yes", "no": "no",
           "block": "Block", "title": "Title", "options": "Options", "allowed": "Allowed blocks",
           "page": {"module": "Module (`type: module`)", "session": "Session (`type: session`)", "handout": "Handout (`type: handout`)"},
           "blocks": "Body blocks", "needed": "Required blocks",
           "title_required": "required", "title_optional": "optional", "none": "none",
           "types": {"string": "text", "integer": "whole number", "array": "list", "object": "fields", "enum": "one of"}},
}


def _describe(prop: dict, lang: str) -> str:
    return (prop.get("x-description-es") if lang == "es" else None) or prop.get("description", "")


def _type(prop: dict, schema: dict, words: dict) -> str:
    if "$ref" in prop:
        target = schema["$defs"][prop["$ref"].split("/")[-1]]
        return _type({**target, **{k: v for k, v in prop.items() if k != "$ref"}}, schema, words)
    if "enum" in prop:
        return f"{words['types']['enum']}: " + ", ".join(f"`{v}`" for v in prop["enum"])
    if "const" in prop:
        return f"`{prop['const']}`"
    if "oneOf" in prop:
        return " / ".join(_type(p, schema, words) for p in prop["oneOf"])
    kind = prop.get("type", "")
    text = words["types"].get(kind, kind)
    if kind == "array" and "items" in prop:
        text += f" ({_type(prop['items'], schema, words)})"
    if "pattern" in prop and "examples" in prop:
        text += f", ej. `{prop['examples'][0]}`" if words is WORDS["es"] else f", e.g. `{prop['examples'][0]}`"
    return text


def schema_reference(schema: dict, lang: str) -> str:
    words = WORDS[lang]
    out = []
    for page_type in ("module", "session", "handout"):
        definition = schema["$defs"][page_type]
        required = set(definition.get("required", []))
        out += [f"### {words['page'][page_type]}", "",
                f"| {words['field']} | {words['required']} | {words['type']} | {words['meaning']} |", "|---|---|---|---|"]
        for name, prop in definition["properties"].items():
            cell = lambda text: str(text).replace("|", "\\|")  # noqa: E731
            out.append(f"| `{name}` | {words['yes'] if name in required else words['no']} | "
                       f"{cell(_type(prop, schema, words))} | {cell(_describe(prop, lang))} |")
        allowed = schema["x-blocks"]["allowed"].get(page_type, [])
        needed = schema["x-blocks"].get("required", {}).get(page_type, [])
        out += ["", f"{words['allowed']}: " + ", ".join(f"`{b}`" for b in allowed) + "."]
        if needed:
            out.append(f"{words['needed']}: " + ", ".join(f"`{b}`" for b in needed) + ".")
        out.append("")
    out += [f"### {words['blocks']}", "", f"| {words['block']} | {words['title']} | {words['options']} | {words['meaning']} |",
            "|---|---|---|---|"]
    for name, spec in schema["x-blocks"]["types"].items():
        options = spec.get("options", {}).get("properties", {})
        described = "; ".join(f"`{key}`: {_describe(value, lang)}" for key, value in options.items()) or words["none"]
        title = words["title_required"] if spec.get("title") == "required" else words["title_optional"]
        out.append(f"| `{name}` | {title} | {described} | {_describe(spec, lang)} |")
    return "\n".join(out) + "\n"
