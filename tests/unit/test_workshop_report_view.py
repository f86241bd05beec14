"""What the workshop report page gets from the catalog (manualgen/workshop_report.py)."""
import yaml
from pathlib import Path

from manualgen.workshop_report import workshop_report_view

ROOT = Path(__file__).resolve().parents[2]
LABELS = yaml.safe_load((ROOT / "data" / "labels.yml").read_text(encoding="utf-8"))


def test_sessions_are_numbered_as_the_programme_and_services_are_the_logs_categories():
    catalog = {"modules": [{"id": "m01", "order": 1}, {"id": "m03", "order": 3}],
               "sessions": [{"id": "m01-s02", "module": "m01", "order": 2, "title": "Líder", "duration": 90, "url": "x"},
                            {"id": "m03-s01", "module": "m03", "order": 1, "title": "Poder", "duration": 120, "url": "y"}]}
    view = workshop_report_view(catalog, [("linea-100", "L100 — Línea 100"), ("other", "OTR — Otro servicio")], 12, LABELS["es"])
    assert view["data"]["sessions"] == [{"id": "m01-s02", "number": "1.2", "title": "Líder", "duration": 90},
                                        {"id": "m03-s01", "number": "3.1", "title": "Poder", "duration": 120}]
    assert view["data"]["services"] == [{"id": "linea-100", "name": "L100 — Línea 100"}, {"id": "other", "name": "OTR — Otro servicio"}]
    assert view["data"]["statements"] == 12
    assert view["words"]["text_row"] == LABELS["es"]["report_text_row"] and "report_text_row" not in view["words"]


def test_no_template_reads_a_word_whose_key_is_a_method_of_the_words():
    """`W.copy` in Jinja is the dict's own copy method, printed as "<built-in method copy of dict object at 0x…>"
    on the report's button, a different address every build (so the offline editions were never reused either):
    words whose key is a dict method are read as W["copy"]."""
    import re
    methods = "|".join(name for name in dir(dict) if not name.startswith("_"))
    found = [(path.name, m.group(0)) for path in sorted((ROOT / "overrides").rglob("*.html"))
             for m in re.finditer(rf"\b[A-Z]\.({methods})\b(?!\s*\()", path.read_text(encoding="utf-8"))]
    assert found == []
