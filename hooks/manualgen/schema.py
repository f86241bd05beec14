"""The content schema (schema/manual.schema.json) and friendly messages for its violations."""
from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where a page is validated: a build whose manual is cached never loads jsonschema (0.08 s)
    from jsonschema import Draft202012Validator

EXAMPLES = {"duration": 90, "minutes": 15, "order": 1, "lines": 3, "per_person": 1, "per_group": 2, "groups_of": 5,
            "min": 10, "max": 20, "qty": 6}
TYPE_NAMES = {"string": "texto", "integer": "número entero", "number": "número", "array": "lista",
              "object": "conjunto de campos", "boolean": "sí/no (true/false)"}


def load_schema(path: str) -> dict:
    # Read on every load (a millisecond): a cached copy would hide schema edits from `mkdocs serve`.
    return json.loads(Path(path).read_text(encoding="utf-8"))


def page_schema(schema: dict, page_type: str) -> dict:
    """A stand-alone schema for one page type (keeps $defs so $refs resolve)."""
    return {"$defs": schema["$defs"], "$ref": f"#/$defs/{page_type}"}


_validators: dict[str, Draft202012Validator] = {}


def _validator(schema: dict) -> Draft202012Validator:
    """Validators are built once per distinct schema: building one per page was a third of validation."""
    from jsonschema import Draft202012Validator
    key = json.dumps(schema, sort_keys=True)
    if key not in _validators:
        _validators[key] = Draft202012Validator(schema)
    return _validators[key]


def block_types(schema: dict) -> dict:
    return schema["x-blocks"]["types"]


def allowed_blocks(schema: dict, page_type: str) -> list[str]:
    return schema["x-blocks"]["allowed"].get(page_type, [])


def required_blocks(schema: dict, page_type: str) -> list[str]:
    return schema["x-blocks"].get("required", {}).get(page_type, [])


def _describe_type(expected) -> str:
    if isinstance(expected, list):
        return " o ".join(TYPE_NAMES.get(t, t) for t in expected)
    return TYPE_NAMES.get(expected, expected)


def violations(instance, schema: dict) -> list[tuple[str, str, str]]:
    """Validate and return (dotted field, message, hint) triples in Spanish."""
    validator = _validator(schema)
    found = []
    for error in sorted(validator.iter_errors(instance), key=lambda e: list(map(str, e.absolute_path))):
        found.extend(_explain(error))
    return found


def _explain(error) -> list[tuple[str, str, str]]:
    path = ".".join(str(p) for p in error.absolute_path)
    field = path or "front matter"
    validator = error.validator
    if validator in ("oneOf", "anyOf") and error.context:
        # Report the closest alternative's problem rather than "is not valid under any".
        best = min(error.context, key=lambda e: len(list(e.absolute_path)))
        deepest = [e for e in error.context if e.validator not in ("type",)]
        return _explain(deepest[0] if deepest else best)
    if validator == "required":
        missing = [name for name in error.validator_value if name not in (error.instance or {})]
        out = []
        for name in missing:
            key = f"{path}.{name}" if path else name
            out.append((key, f"falta el campo obligatorio '{name}'", f"añádalo al bloque de datos: {name}: …"))
        return out
    if validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extras = sorted(set(error.instance) - set(allowed))
        return [(f"{path}.{name}" if path else name, f"campo desconocido '{name}'",
                 f"revise la ortografía; los campos permitidos son: {', '.join(allowed)}") for name in extras]
    if validator == "type":
        name = str(error.absolute_path[-1]) if error.absolute_path else field
        example = {"integer": f"un número entero, sin decimales, comillas ni unidades: {name}: {EXAMPLES.get(name, 15)}",
                   "number": f"un número, sin comillas ni unidades: {name}: {EXAMPLES.get(name, 1)}"}
        return [(field, f"debe ser {_describe_type(error.validator_value)}, no {error.instance!r}",
                 example.get(error.validator_value if isinstance(error.validator_value, str) else "", ""))]
    if validator in ("enum", "const"):
        options = error.validator_value if validator == "enum" else [error.validator_value]
        return [(field, f"valor no permitido {error.instance!r}", f"use uno de: {', '.join(map(str, options))}")]
    if validator == "pattern":
        example = ""
        last = str(error.absolute_path[-1]) if error.absolute_path else ""
        if last in ("id", "module") or "handouts" in path:
            example = "ejemplos: m02 (módulo), m02-s01 (sesión), m02-h01 (ficha)"
        if error.validator_value == "\\S":
            return [(field, "está vacío", "escriba el texto")]
        return [(field, f"formato no válido: {error.instance!r}", example or f"debe cumplir el patrón {error.validator_value}")]
    if validator in ("minimum", "exclusiveMinimum"):
        floor = error.validator_value
        words = f"al menos {floor}" if validator == "minimum" else f"mayor que {floor}"
        return [(field, f"debe ser {words}, no {error.instance}", f"escriba un valor {words}")]
    if validator == "maximum":
        hint = ""
        if error.schema.get("x-rule") == "high-group-cap":
            hint = ("una sesión de sensibilidad alta se da con grupos de 20 personas como máximo, para que quien facilita "
                    "pueda atender a cada uno; baje group_size.max")
        return [(field, f"debe ser como máximo {error.validator_value}, no {error.instance}", hint)]
    if validator == "minItems":
        return [(field, f"necesita al menos {error.validator_value} elemento(s)", "añada elementos a la lista, uno por línea con '- '")]
    if validator == "maxItems":
        return [(field, f"admite como máximo {error.validator_value} elementos y tiene {len(error.instance)}", "quite o junte elementos")]
    if validator == "minLength":
        return [(field, "está vacío", "escriba el texto")]
    if validator == "uniqueItems":
        return [(field, "tiene elementos repetidos", "deje cada elemento una sola vez")]
    return [(field, error.message, "")]
