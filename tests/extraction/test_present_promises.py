"""Promises told without "ska" or "kommer att" in front: a plan as a noun, readiness at a time, an expected
decision, and "kommer" before a subject with an adjective. Sentences written by the team in the shapes of
municipal news pages and plans."""

from __future__ import annotations

from datetime import date

from bot.extraction.classify import commitment_cue
from bot.language.normalize import match_text
from bot.language.periods import find_deadlines
from tests.extraction.helpers import commitments, cue_reason, run

_DAY = date(2026, 2, 2)


def _deadlines(page: str) -> list[tuple[date, ...]]:
    return [f.deadlines for f in commitments(run(page, document_date=_DAY, today=_DAY))]


def test_a_plan_or_target_told_as_a_noun_promises_with_a_time() -> None:
    assert cue_reason("Ledningen är beställd och planen är att den ska dras under hösten 2026.") == "plan"
    assert cue_reason("Målsättningen är att paviljongerna tas i bruk efter sportlovet.") == "plan"
    # Without a time it says what a thing will be like, or names a goal.
    assert cue_reason("Planen är att kvarteret ska rymma cirka 300 bostäder.") is None
    assert cue_reason("Målsättningen är att alla elever ska nå kunskapskraven.") is None


def test_ready_at_a_time_ahead_is_a_promise() -> None:
    page = "Nya förskolor\n\nFörskolan Linden blir klar sommaren 2027. Förskolan Eken är preliminärt klar i maj 2026.\n"
    assert _deadlines(page) == [(date(2027, 8, 31),), (date(2026, 5, 31),)]
    # Ready already: the time lies behind the page.
    assert _deadlines("Nya förskolor\n\nFörskolan Björken är klar sedan maj 2025.\n") == []


def test_an_expected_decision_and_works_that_go_on_all_year() -> None:
    assert _deadlines("Nya mål\n\nDe nya målen beräknas gå till beslut i fullmäktige i juni.\n") == [
        (date(2026, 6, 30),)
    ]
    assert _deadlines("Ledningsbyte\n\nEntreprenaden förväntas pågå under hela 2027.\n") == [(date(2027, 12, 31),)]
    (whole,) = find_deadlines("pågår under hela 2027", _DAY)
    assert whole.dates == (date(2027, 12, 31),)


def test_kommer_before_a_subject_with_an_adjective_still_promises() -> None:
    # "huvudsakliga" is no infinitive after "det": the verb is "ske"; the fronted clause in the past is not the
    # sentence's own tense.
    sentence = "Då pandemin har tagit mycket tid under våren kommer det huvudsakliga arbetet att ske under hösten 2026."
    assert cue_reason(sentence) == "kommer_att"
    assert _deadlines(f"Uppdrag\n\n{sentence}\n") == [(date(2026, 12, 31),)]


def test_a_relative_clause_with_its_own_verb_ends_before_the_main_verb() -> None:
    page = (
        "Uppdrag\n\nDen del av uppdraget som beslutades den 7 maj 2025 ska i enlighet med tidigare beslut "
        "redovisas till nämnden senast den 28 maj 2026.\n"
    )
    assert _deadlines(page) == [(date(2026, 5, 28),)]
    # What a relative clause only describes is not scheduled.
    assert cue_reason("Planerna är en förutsättning för de medel som beslutas i samband med budgeten 2027.") is None


def test_works_planned_to_go_on_over_a_season_end_with_it() -> None:
    page = "Ledningsarbeten\n\nArbetet utförs av tekniska kontoret och är planerat att pågå under vintern.\n"
    (works,) = commitments(run(page, document_date=date(2026, 12, 1), today=date(2026, 12, 1)))
    assert works.deadlines == (date(2027, 2, 28),) and works.owner == "tekniska kontoret"
    # How long it lasts is no time to be done by.
    assert cue_reason("Arbetet beräknas pågå under tre veckor.") is None


def test_items_of_a_decision_that_only_settle_or_permit_are_no_commitments() -> None:
    decision = (
        "Budget 2027\n\nKommunfullmäktige beslutar att:\n\n"
        "  • godkänna förslaget till budget för 2027,\n\n"
        "  • kommunstyrelsen har under år 2027 rätt att nyupplåna 100 mnkr,\n\n"
        "  • vid kalkylmässig ränta fastställs räntesatsen till 1,5 %,\n\n"
        "  • nämnderna ska senast den 30 april 2027 redovisa en plan för en budget i balans.\n"
    )
    (task,) = commitments(run(decision, document_date=_DAY, today=_DAY))
    assert task.deadlines == (date(2027, 4, 30),)
    # Under a promise ("Vi kommer att:") the same verbs are work to do.
    plan = "Åtgärder\n\nFörvaltningen kommer att:\n\n  • fastställa en ny rutin under våren 2026\n"
    assert [f.deadlines for f in commitments(run(plan, document_date=_DAY, today=_DAY))] == [(date(2026, 6, 30),)]


def test_a_hope_without_a_time_and_a_deponent_after_ska_are_no_promises() -> None:
    assert cue_reason("Förhoppningen är att det ska bli klart så fort som möjligt.") is None
    assert cue_reason("Förhoppningen är att bygget ska vara klart i maj 2026.") == "completion"
    assert cue_reason("Målen ska vara utvecklande, det ska synas en förflyttning.") is None
    assert cue_reason("Eleverna ska trivas i skolan.") is None


def test_a_written_date_on_the_pages_own_day_is_still_ahead_but_a_header_date_is_not() -> None:
    day = date(2026, 6, 15)
    page = "Skolpaviljonger\n\nMåndag 15 juni levereras de sista skolpaviljongerna.\n"
    assert [f.deadlines for f in commitments(run(page, document_date=day, today=day))] == [(day,)]
    header = "Förvaltningen\nDatum 2026-06-15\n\nTjänsteskrivelse om paviljonger.\n"
    assert commitments(run(header, document_date=day, today=day)) == []


def test_a_committee_after_ska_with_a_time_before_its_verb() -> None:
    # Written by the team: the fronted clause is in the present perfect, the main clause promises.
    assert cue_reason("Till dess att planen är genomförd, ska kommunstyrelsen varje kvartal få en rapport.") == "ska"
    assert cue_reason("Därför ska socialnämnden under våren 2026 ta fram en ny plan.") == "ska"


def test_more_work_in_the_present_passive_with_a_date_ahead() -> None:
    assert _deadlines("Översiktsplan\n\nPlanförslaget granskas under 2027.\n") == [(date(2027, 12, 31),)]
    assert _deadlines("Översiktsplan\n\nFörslaget skickas ut på remiss i mars.\n") == [(date(2026, 3, 31),)]
    assert _deadlines("Översiktsplan\n\nRutinen granskas av förvaltningen.\n") == []


def test_a_next_step_that_shall_take_place_is_a_promise() -> None:
    assert cue_reason("Därefter skall upphandling av entreprenör ske och sedan kan entreprenaden börja.") == "ska"
    page = "VA-utbyggnad\n\nProjekteringen pågår. Därefter ska upphandling av entreprenör ske.\n"
    assert any(f.text.startswith("Därefter") for f in commitments(run(page, document_date=_DAY, today=_DAY)))
    # Without a step before it, how something takes place is a rule, weaker than a promise.
    weak = commitment_cue(match_text("Samverkan ska i första hand ske digitalt.").folded)
    assert weak is not None and weak.strength < 0.5


def test_work_that_starts_on_a_date_fronted() -> None:
    assert _deadlines("Biblioteket\n\n1 mars börjar ombyggnaden av biblioteket.\n") == [(date(2026, 3, 1),)]
    # A term that begins is no work promised.
    assert cue_reason("Skolan börjar i augusti.") is None


def test_what_will_mark_a_year_is_a_prediction() -> None:
    assert cue_reason("Projektet Access kommer att prägla en stor del av verksamheten under 2026.") is None
    assert cue_reason("Förvaltningen kommer att genomföra projektet under 2026.") == "kommer_att"


def test_a_dated_relative_clause_schedules_and_a_task_given_on_a_past_day_is_history() -> None:
    # Written by the team in the shapes of a news page and a protocol.
    assert (
        cue_reason("Kontoret avgör vilka förslag som presenteras för tekniska nämnden i början på 2027.") == "scheduled"
    )
    page = (
        "Budget i balans\n\nVid kommunfullmäktiges sammanträde den 26 oktober 2025 fick socialnämnden i uppdrag "
        "att redovisa en plan för en budget i balans.\n"
    )
    assert commitments(run(page, document_date=date(2026, 3, 14), today=date(2026, 3, 14))) == []


def test_a_report_handed_in_or_published_on_a_day_ahead() -> None:
    page = (
        "Uppdrag\n\nTillväxtverket lämnar en slutrapport den 1 november 2026.\n\n"
        "Uppdraget delrapporteras i mars 2026. Resultaten publiceras i december 2026.\n"
    )
    assert _deadlines(page) == [(date(2026, 11, 1),), (date(2026, 3, 31),), (date(2026, 12, 31),)]
    # Handed in on a day that has passed, it is news.
    assert _deadlines("Uppdrag\n\nTillväxtverket lämnar en slutrapport den 12 januari 2026.\n") == []


def test_work_going_on_a_decision_pending_and_a_plan_set_for_a_time_ahead() -> None:
    assert _deadlines("Uppdrag\n\nUnder 2026 arbetar vi med att ta fram ett upplägg.\n") == [(date(2026, 12, 31),)]
    assert _deadlines("Förstudie\n\nFörslaget ligger uppe för beslut hos styrelsen under juni 2026.\n") == [
        (date(2026, 6, 30),)
    ]
    assert _deadlines("Översiktsplan\n\nGranskningen är tänkt till nästa årsskifte.\n") == [(date(2026, 12, 31),)]
    # Without a time ahead it tells what is done now.
    assert _deadlines("Uppdrag\n\nVi arbetar med att förbättra rutinerna.\n") == []


def test_a_task_delegated_or_given_as_a_new_task_is_the_receivers() -> None:
    day = date(2026, 2, 2)
    for page, owner in (
        ("Beslut\n\nBUN delegerar till arbetsutskottet att yttra sig i ärendet i maj.\n", "arbetsutskottet"),
        (
            "Beslut\n\nKommunledningskontoret får istället ett uppdrag att göra en förstudie.\n",
            "Kommunledningskontoret",
        ),
    ):
        (task,) = commitments(run(page, document_date=day, today=day))
        assert task.owner == owner


def test_a_task_given_in_the_passive_uppdras_is_the_subjects() -> None:
    day = date(2026, 2, 2)
    page = (
        "Beslut\n\n1. Nämnden godkänner rapporten.\n"
        "2. Förvaltningschefen uppdras att återrapportera till nämnden i september 2026.\n"
        "3. Kvalitetsstrategen uppdras även att utreda hur väntetiderna kan kortas.\n"
    )
    tasks = commitments(run(page, document_date=day, today=day))
    assert [(t.owner, t.deadlines) for t in tasks] == [
        ("Förvaltningschefen", (date(2026, 9, 30),)),
        ("Kvalitetsstrategen", ()),
    ]


def test_a_time_given_up_instead_is_no_deadline() -> None:
    page = "Temadag\n\nTemadagen kommer att genomföras under våren 2027, istället för i november i år.\n"
    assert _deadlines(page) == [(date(2027, 6, 30),)]


def test_a_report_sent_in_by_a_yearly_day_and_a_proposal_to_have_ready() -> None:
    yearly = commitments(
        run(
            "Rapportering\n\nSenast första mars varje år skickar Kustbevakningen in en rapport.\n",
            document_date=_DAY,
            today=_DAY,
        )
    )
    assert [(f.deadlines, f.owner) for f in yearly] == [((date(2026, 3, 1),), "Kustbevakningen")]
    assert _deadlines("Strategi\n\nUnder våren ska vi ha ett förslag till strategi färdigt.\n") == [
        (date(2026, 6, 30),)
    ]
    # Having something, with no time and nothing to finish, is no promise.
    assert _deadlines("Strategi\n\nVi ska ha en god dialog med kommunerna.\n") == []
