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
