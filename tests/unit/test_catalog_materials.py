"""Materials as readers see them: a handout's id an author wrote into a material's name is taken out of the name
and the handout counts among those the session needs (the planner's "to print")."""
from manualgen.catalog import handouts_needed, material_entry, mentioned_handouts


def test_a_handout_id_in_a_material_name_is_taken_out():
    assert material_entry("Directorio local de servicios (m07-h01)") == {"item": "Directorio local de servicios", "qty": None}
    assert material_entry({"item": "Directorio (m07-h01), completo y verificado", "qty": 2}) == {
        "item": "Directorio, completo y verificado", "qty": 2}
    assert material_entry("Papelógrafos (tres por grupo)") == {"item": "Papelógrafos (tres por grupo)", "qty": None}
    assert mentioned_handouts({"item": "Registro (m07-h05) y ficha ( m01-h02 )"}) == ["m07-h05", "m01-h02"]


def test_every_handout_a_session_needs_once_and_only_existing_ones():
    meta = {"handouts": ["m01-h01"], "materials": ["Ficha (m01-h01)", {"item": "Directorio (m07-h01)", "qty": 1},
                                                   "Hoja (m09-h09)", "Tiza"]}
    assert handouts_needed(meta, {"m01-h01", "m07-h01"}) == ["m01-h01", "m07-h01"]
