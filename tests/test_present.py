"""What a result shows and in which order (twitchcheck.present), for every surface."""

from twitchcheck.case import Assessment, CauseResult, Change
from twitchcheck.knowledge import load_knowledge
from twitchcheck.present import LEAD_ACTIONS, present, tel_href


def assessment(**kw) -> Assessment:
    knowledge = load_knowledge()
    data = {
        "urgency": "emergency",
        "causes": [
            CauseResult(id="rem_sleep", probability=0.6, reasons=["happens while asleep"]),
            CauseResult(id="toxin", probability=0.3, reasons=[]),
            CauseResult(id="dehydration", probability=0.1, reasons=[]),
        ],
        "red_flags": ["Your dog has collapsed or cannot get up."],
        "actions": [knowledge.meta.urgency["emergency"].headline, "Call the clinic on the way."],
        "prevention": [],
        "disclaimer": knowledge.meta.disclaimer,
    }
    data.update(kw)
    return Assessment(**data)


def test_the_headline_is_said_once_and_actions_keep_their_order():
    shown = present(assessment())
    assert shown.headline not in shown.actions
    assert shown.actions == ["Call the clinic on the way."]
    many = [f"Step {i}." for i in range(LEAD_ACTIONS + 3)]
    shown = present(assessment(actions=many + many[:2]))
    assert shown.actions == many[:LEAD_ACTIONS]
    assert shown.more_actions == many[LEAD_ACTIONS:]


def test_a_red_flag_explains_an_emergency_whose_likeliest_cause_is_not_urgent():
    shown = present(assessment())
    assert shown.leading.id == "rem_sleep"
    assert "whatever the cause" in shown.cause_note
    assert shown.red_flags and shown.leading_reasons == ["happens while asleep"]
    calm = present(assessment(urgency="normal", red_flags=[]))
    assert calm.cause_note == ""


def test_poison_lines_come_with_a_likely_poisoning_only():
    shown = present(assessment())
    assert shown.poison_line_fits
    assert any(c.phone == "(888) 426-4435" for c in shown.contacts)
    dreaming = present(
        assessment(
            urgency="normal",
            red_flags=[],
            causes=[CauseResult(id="rem_sleep", probability=1.0, reasons=[])],
        )
    )
    assert not dreaming.poison_line_fits


def test_what_would_change_in_words_with_its_urgency():
    change = Change(
        field="dog.pregnant_or_nursing",
        value=True,
        urgency="emergency",
        text="If she is nursing puppies: go to a vet now.",
    )
    shown = present(assessment(urgency="see_vet", what_would_change=[change]))
    assert [(c.text, c.urgency, c.label) for c in shown.changes] == [
        ("If she is nursing puppies: go to a vet now.", "emergency", "Emergency")
    ]


def test_tel_links():
    assert tel_href("(888) 426-4435") == "tel:8884264435"
    assert tel_href("+44 1202 509000") == "tel:+441202509000"
    assert tel_href("0800 869 738") == "tel:0800869738"
