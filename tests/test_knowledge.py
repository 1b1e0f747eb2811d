"""The knowledge files: complete, consistent, and a malformed file is reported precisely."""

import shutil

import pytest

from twitchcheck.knowledge import (
    CONTRACT_CAUSES,
    CONTRACT_PREVENTION,
    KnowledgeError,
    load,
    load_knowledge,
)
from twitchcheck.knowledge.loader import DATA_DIR


@pytest.fixture
def data_copy(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def test_packaged_knowledge_loads_and_covers_the_contract():
    k = load_knowledge()
    ids = [c.id for c in k.causes]
    assert set(CONTRACT_CAUSES) <= set(ids)
    assert len(ids) == len(set(ids))
    assert {p.id for p in k.prevention} >= set(CONTRACT_PREVENTION)
    assert len(k.signs) == 21


def test_every_cause_has_owner_text_actions_and_references():
    for cause in load_knowledge().causes:
        assert cause.name and len(cause.summary) > 40, cause.id
        assert cause.actions and cause.see_vet_when, cause.id
        assert all(ref.url or ref.citation or ref.doi or ref.pmid for ref in cause.references)


def test_toxin_knowledge_carries_poison_control_lines():
    toxin = load_knowledge().cause("toxin")
    assert any("Poison" in c.name for c in toxin.contacts)


def test_added_causes_refine_a_contract_cause_or_none():
    for cause in load_knowledge().causes:
        if cause.id not in CONTRACT_CAUSES:
            assert cause.refines in (None, *CONTRACT_CAUSES)


def _replace(path, old, new):
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_a_bad_probability_names_file_entry_and_field(data_copy):
    _replace(
        data_copy / "causes" / "toxin.yaml",
        "vomiting_or_diarrhea: 0.5",
        "vomiting_or_diarrhea: 1.5",
    )
    with pytest.raises(
        KnowledgeError, match=r"causes/toxin.yaml: likelihoods.signs.vomiting_or_diarrhea"
    ):
        load(data_copy)


def test_an_unknown_sign_is_reported(data_copy):
    _replace(data_copy / "causes" / "rem_sleep.yaml", "paddling_or_chomping: 0.3", "paddling: 0.3")
    with pytest.raises(KnowledgeError, match=r"rem_sleep.yaml.*unknown sign 'paddling'"):
        load(data_copy)


def test_a_missing_required_field_is_reported(data_copy):
    _replace(data_copy / "causes" / "injury.yaml", "prior: 0.04\n", "")
    with pytest.raises(KnowledgeError, match=r"causes/injury.yaml: prior: Field required"):
        load(data_copy)


def test_a_bare_yes_key_is_caught(data_copy):
    _replace(
        data_copy / "causes" / "dystonia.yaml", '{"yes": 0.95, "no": 0.02}', "{yes: 0.95, no: 0.02}"
    )
    with pytest.raises(KnowledgeError, match=r"dystonia.yaml: likelihoods.episode.aware.*quote it"):
        load(data_copy)


def test_a_bad_condition_is_reported(data_copy):
    _replace(data_copy / "red_flags.yaml", "- {sign: collapse}", "- {sign: collapsed}")
    with pytest.raises(
        KnowledgeError, match=r"red_flags.yaml: entry 1 \(collapse\).when.all\[0\]: unknown sign"
    ):
        load(data_copy)


def test_a_missing_contract_cause_is_reported(data_copy):
    (data_copy / "causes" / "distemper.yaml").unlink()
    with pytest.raises(KnowledgeError, match="missing contract causes.*distemper"):
        load(data_copy)


def test_a_file_that_is_not_yaml_is_reported(data_copy):
    (data_copy / "signs.yaml").write_text("itching: [unclosed\n")
    with pytest.raises(KnowledgeError, match="signs.yaml: cannot be read as YAML"):
        load(data_copy)


def test_cause_id_must_match_file_name(data_copy):
    _replace(data_copy / "causes" / "injury.yaml", "id: injury", "id: injuries")
    with pytest.raises(KnowledgeError, match="injury.yaml: id: must match the file name"):
        load(data_copy)


def test_the_knowledge_page_is_written_from_the_current_files():
    from tests.conftest import ROOT

    from twitchcheck.knowledge.document import render

    page = (ROOT / "docs" / "knowledge.md").read_text(encoding="utf-8")
    assert page == render(load_knowledge()), "docs/knowledge.md is stale: run `make docs`"


def test_the_projects_contract_schemas_are_the_shared_ones():
    from tests.conftest import CONTRACT, ROOT

    if not CONTRACT.exists():
        pytest.skip("shared/contract is not beside the repository")
    for name in ("case.schema.json", "assessment.schema.json"):
        ours = (ROOT / "tests" / "contract" / name).read_text(encoding="utf-8")
        assert ours.strip() == (CONTRACT / name).read_text(encoding="utf-8").strip(), name


def test_every_cause_rests_on_two_strong_references():
    from twitchcheck.knowledge.document import strong_references

    weak = [c.id for c in load_knowledge().causes if strong_references(c) < 2]
    assert weak == [], "each cause needs two primary or authoritative references"


def test_or_unsure_belongs_to_a_value_test_on_a_field():
    from pydantic import ValidationError

    from twitchcheck.knowledge.models import Condition

    assert Condition.model_validate({"field": "dog.age_years", "in": ["senior"], "or_unsure": True})
    for bad in (
        {"field": "dog.age_years", "answered_unknown": True, "or_unsure": True},
        {"sign": "collapse", "or_unsure": True},
    ):
        with pytest.raises(ValidationError):
            Condition.model_validate(bad)


def test_sign_groups_make_the_checklist_and_a_sign_is_asked_once(data_copy):
    knowledge = load(data_copy)
    grouped = [q for q in knowledge.questions if q.sign_groups]
    assert grouped, "the red-flag checklist comes in headed parts"
    for q in grouped:
        assert q.signs == [s for g in q.sign_groups for s in g.signs]
    twice = "signs: [collapse, limping_or_pain,"
    _replace(data_copy / "questions.yaml", "signs: [limping_or_pain,", twice)
    with pytest.raises(KnowledgeError, match="every sign once"):
        load(data_copy)


def test_a_question_gives_signs_or_sign_groups_not_both(data_copy):
    _replace(data_copy / "questions.yaml", "  sign_groups:\n", "  signs: [cough]\n  sign_groups:\n")
    with pytest.raises(KnowledgeError, match="either signs or sign_groups"):
        load(data_copy)
