"""Which sentences promise, read clause by clause: work over a period, norms, fronted clauses and conditions,
plans and decisions told in the present, and promises told in the past. Sentences written by the team in the
shapes of real municipal pages, agencies' letters and follow-up audits (split from `test_classify`)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extraction.helpers import commitments, cue_reason, only_commitment, run


def test_works_going_on_during_a_period_are_done_by_its_end_and_a_task_term_is_no_deadline() -> None:
    day = date(2026, 2, 1)
    said = "Därefter inleds utbyggnaden, som pågår under 2027 och 2028.\n"
    found = only_commitment(said, today=day, document_date=day)
    assert found.deadlines == (date(2028, 12, 31),)
    term = run("Förvaltningen ska utreda frågan. Uppdraget ska pågå till och med den 31 januari 2028.\n", today=day)
    assert all(f.deadlines != (date(2028, 1, 31),) for f in commitments(term))


def test_what_holds_for_everyone_of_a_kind_is_a_norm_and_what_all_of_them_do_is_a_promise() -> None:
    # Written by the team in the shape of a preschool's plan against degrading treatment.
    assert cue_reason("På vår förskola ska alla barn känna sig trygga och bli respekterade.") is None
    assert cue_reason("På vår förskola ska inget barn bli utsatt för kränkande behandling.") is None
    assert cue_reason("I år ska samtliga nämnder ta fram en plan för arbetet.") is not None


def test_kommer_with_a_time_before_its_bare_verb_and_a_goal_that_is_an_act_by_a_time() -> None:
    # Written by the team in the shape of regions' and agencies' news pages.
    assert cue_reason("Regionen kommer under 2027 ta fram en regional handlingsplan.") == "kommer_att"
    assert cue_reason("Målet är att tillsammans under 2027 ta fram en handlingsplan.") == "plan"
    # An outcome aimed at, and a purpose, are no acts.
    assert cue_reason("Målet är att minska sjukfrånvaron till 5 procent under 2027.") is None
    assert cue_reason("Syftet är att ta fram en plan under 2027.") is None


def test_what_a_plan_expects_by_a_time_is_planned_though_told_as_done() -> None:
    assert cue_reason("Vi räknar med att gatan är klar i slutet av juni.") == "plan"
    assert cue_reason("Planen är att skolan är klar i augusti 2027.") == "plan"
    assert cue_reason("Planen var att skolan skulle vara klar 2020.") is None  # a plan told in the past
    assert cue_reason("Vi räknar med att många kommer.") is None  # no time


def test_a_decisions_outcome_told_as_news_is_a_promise() -> None:
    said = "Efter fullmäktiges beslut står det nu klart att Räddningstjänsten Väst ska bildas den 1 januari 2027."
    found = only_commitment(said + "\n", today=date(2026, 6, 1), document_date=date(2026, 6, 1))
    assert found.deadlines == (date(2027, 1, 1),)


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        # Written by the team in the shapes of municipal news and of a chief's words in a local paper.
        ("Om allt går enligt plan ska förskolan börja byggas i januari 2028.", "ska"),
        ("Enligt förvaltningschefen ska man tillsätta en administrativ chef under hösten.", "ska"),
        ("För att förbättra arbetet ska en ny tjänst skapas.", "ska"),
        # a subject after "ska" with a stative verb, a purpose with its own "ska", a routine's rule: no promise
        ("Enligt rutinen ska rektorn informera vårdnadshavarna.", None),
        ("För att eleverna ska lyckas behövs mer stöd.", None),
        ("Om barnet är sjukt ska vårdnadshavaren meddela förskolan.", None),
    ],
)
def test_a_main_clause_after_a_fronted_clause_or_purpose_has_its_subject_after_ska(
    sentence: str, reason: str | None
) -> None:
    assert cue_reason(sentence) == reason


@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        # Written by the team in the shapes of municipal news of plans and of a council's agenda.
        ("Kommunfullmäktige fattar slutgiltigt beslut om äldreplanen måndag 18 oktober 2027.", date(2027, 10, 18)),
        ("Beslut om den nya förskolan fattas i november 2027.", date(2027, 11, 30)),
        ("En första rapport lämnas till kommunstyrelsen i februari 2028.", date(2028, 2, 29)),
    ],
)
def test_a_decision_taken_or_a_report_handed_in_at_a_time_ahead_is_a_commitment(sentence: str, due: date) -> None:
    found = only_commitment(sentence + "\n", today=date(2027, 6, 1), document_date=date(2027, 6, 1))
    assert found.deadlines == (due,)


def test_a_promise_told_in_the_past_by_the_auditors_following_it_up_is_no_new_commitment() -> None:
    # Found by a new user importing a follow-up audit ("uppföljande granskning").
    assert cue_reason("Nämnden åtog sig då att ta fram en ny internkontrollplan senast den 31 december 2024.") is None
    assert cue_reason("Nämnden åtar sig att ta fram en ny internkontrollplan senast den 31 december 2027.") == "intent"


@pytest.mark.parametrize(
    "sentence",
    [
        # Written by the team in the shape of an appropriation letter's standing instructions.
        "Om myndigheten har fler än en hyresvärd ska kostnaderna fördelas per hyresvärd.",
        "Prognoserna ska kommenteras både i förhållande till föregående prognostillfälle och till budgeten.",
    ],
)
def test_a_rule_for_a_case_or_for_how_a_report_is_written_is_no_promise(sentence: str) -> None:
    assert cue_reason(sentence) is None


def test_a_decision_to_be_adopted_at_a_time_is_dated_and_one_adopted_is_not() -> None:
    # Real (a region's committee answering its auditors, a news page): "fastställas" ahead is the promise's time.
    day = date(2019, 12, 10)
    said = "En översyn av nämndernas reglementen pågår och ska fastställas i början av 2020.\n"
    assert only_commitment(said, today=day, document_date=day).deadlines == (date(2020, 3, 31),)
    # Written by the team: a plan adopted on a day is dated by that day, which is no deadline.
    past = "Planen, fastställd den 3 december 2019, ska följas upp under 2020.\n"
    assert only_commitment(past, today=day, document_date=day).deadlines == (date(2020, 12, 31),)


def test_a_decision_told_with_the_meeting_it_was_taken_at_gives_its_task() -> None:
    # Real (a region's committee's news, Uppsala 2021-02-19, the fresh web batches), shortened.
    day = date(2021, 2, 19)
    said = (
        "Därför beslöt trafik- och samhällsutvecklingsnämnden vid sitt möte idag att trafikdirektören får i uppdrag "
        "att utlösa den option som finns i det nuvarande trafikavtalet.\n"
    )
    assert only_commitment(said, today=day, document_date=day).owner == "trafikdirektören"
    # Real (a region's committee, Gotland; a municipal board): settled at the meeting, nothing left to do.
    assert cue_reason("En enig nämnd beslutade på dagens sammanträde att avstå från upphandling.") is None
    assert cue_reason("Kommunstyrelsen beslutade på sitt möte den 27 november att återremittera ärendet.") is None
