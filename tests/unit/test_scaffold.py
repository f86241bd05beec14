import shutil

import pytest

from helpers import FIXTURE, LANGS
from manualgen.model import load_manual
from scaffold import ScaffoldError, scaffold


@pytest.fixture
def project(tmp_path):
    shutil.copytree(FIXTURE / "modules", tmp_path / "modules")
    return tmp_path


@pytest.mark.parametrize("kind,expected", [("session", "02-nueva.{lang}.md"), ("handout", "h02-nueva.{lang}.md")])
def test_scaffolded_files_validate_except_for_the_text_to_write(project, schema, kind, expected):
    created = scaffold(kind, "nueva", "01-prueba", root=project)
    assert [p.name for p in created] == [expected.format(lang=lang) for lang in LANGS]
    text = created[0].read_text(encoding="utf-8")
    assert "# yaml-language-server: $schema=../../schema/manual.schema.json" in text
    _, problems = load_manual(project, "modules", LANGS, schema, {"fact": {"endes-2024-partner-violence-ever"}})
    assert problems and {p.field for p in problems} == {"plantilla"}
    for path in created:
        path.write_text(path.read_text(encoding="utf-8").replace("✎ ", ""), encoding="utf-8")
    _, problems = load_manual(project, "modules", LANGS, schema, {"fact": {"endes-2024-partner-violence-ever"}})
    assert problems == []


def test_scaffold_never_overwrites(project):
    scaffold("session", "nueva", "01-prueba", root=project)
    before = (project / "modules/01-prueba/02-nueva.es.md").read_text(encoding="utf-8")
    with pytest.raises(ScaffoldError, match="ya existe"):
        scaffold("session", "nueva", "01-prueba", root=project)
    assert (project / "modules/01-prueba/02-nueva.es.md").read_text(encoding="utf-8") == before
    assert not (project / "modules/01-prueba/03-nueva.es.md").exists()


@pytest.mark.parametrize("kind,name,module,message", [
    ("session", "Con Espacios", "01-prueba", "no es válido"),
    ("session", "ok", "99-no-existe", "no existe el módulo"),
    ("session", "ok", None, "falta MODULE"),
    ("module", "sin-numero", None, "empieza con su número"),
])
def test_bad_requests_are_explained(project, kind, name, module, message):
    with pytest.raises(ScaffoldError, match=message):
        scaffold(kind, name, module, root=project)


def test_new_module_gets_its_id_from_the_folder_number(project):
    created = scaffold("module", "02-nuevo", None, root=project)
    assert "id: m02" in created[0].read_text(encoding="utf-8") and "order: 2" in created[1].read_text(encoding="utf-8")
