"""scripts/compare_outputs.py: two builds compared file by file, every difference listed, exit 1 on any."""
from compare_outputs import differences, main


def tree(root, files: dict):
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return root


def test_identical_builds_pass_and_every_kind_of_difference_is_listed(tmp_path, capsys):
    old = tree(tmp_path / "old", {"site/pdf/a.pdf": b"%PDF-1", "dist/x.zip": b"PK", "site/gone.html": b"<p>"})
    same = tree(tmp_path / "same", {"site/pdf/a.pdf": b"%PDF-1", "dist/x.zip": b"PK", "site/gone.html": b"<p>"})
    new = tree(tmp_path / "new", {"site/pdf/a.pdf": b"%PDF-2", "dist/x.zip": b"PK", "site/new.html": b"<p>"})
    assert main([str(old), str(same)]) == 0
    assert differences(old, new) == [f"only in {old}: site/gone.html", f"only in {new}: site/new.html",
                                     "differs: site/pdf/a.pdf"]
    assert differences(old, new, (".pdf",)) == ["differs: site/pdf/a.pdf"]
    capsys.readouterr()
    assert main([str(old), str(new), "--only", ".zip"]) == 0
    assert main([str(old), str(new)]) == 1
    assert "differs: site/pdf/a.pdf" in capsys.readouterr().out
    assert main([str(old), str(tmp_path / "missing")]) == 2
