"""Which sentences promise: commitments in the answering side's words, and what is not one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.extraction.classify import is_recommendation, ska_strength
from bot.language.normalize import match_text
from tests.extraction.helpers import answered, commitments, cue_reason, only_commitment, run

PROMISES = [
    ("Nämnden kommer att revidera riktlinjen under 2024.", ["2024-12-31"]),
    ("Förvaltningen avser att under hösten 2024 genomföra en kartläggning av elevhälsans arbete.", ["2024-12-31"]),
    ("Bildningsförvaltningen ska ta fram en ny rutin för orosanmälan senast den 30 juni 2024.", ["2024-06-30"]),
    ("En ny rutin ska tas fram under våren.", ["2024-06-30"]),
    ("Ett arbete pågår med att se över delegationsordningen.", []),
    ("Förvaltningen planerar att införa ett nytt ärendesystem.", []),
    ("Genomförda insatser ska återrapporteras till nämnden senast december 2024.", ["2024-12-31"]),
    ("Nämnden ger förvaltningen i uppdrag att utreda frågan och återkomma senast i april 2025.", ["2025-04-30"]),
    ("Arbetet beräknas vara klart till årsskiftet.", ["2024-12-31"]),
    ("Förvaltningen har för avsikt att utveckla uppföljningen.", []),
    ("Socialtjänsten och skolan kommer att ha gemensamma möten fyra gånger per termin.", []),
    ("Förvaltningschefen får i uppdrag att ta fram en handlingsplan.", []),
    ("En översyn av rutinerna påbörjas under hösten 2024.", ["2024-12-31"]),
    ("Utbildning för rektorer genomförs i september 2024.", ["2024-09-30"]),
    ("Planen revideras under första kvartalet 2025.", ["2025-03-31"]),
    ("Förvaltningen fortsätter arbetet med att digitalisera ansökningsprocessen.", []),
    ("Kommunstyrelsen åtar sig att årligen följa upp samordningen.", []),
    ("Skolchefen kommer under läsåret 2024/25 att införa gemensamma rutiner.", ["2025-06-30"]),
    ("Elevhälsoplanen skall vara reviderad senast vecka 40 2024.", ["2024-10-04"]),
]

NOT_PROMISES = [
    "En ny rutin har tagits fram och implementerats under 2023.",
    "Rutinen togs fram under 2021 och uppdaterades senast i juni 2022.",
    "Utbildningen genomfördes i mars 2023.",
    # The auditors' date for the answer itself, not a promise of the committee's
    "Revisorerna önskar ta del av nämndens yttrande senast den 30 april 2024.",
    "Vår bedömning är att rutinerna är ändamålsenliga.",
    "Det bedöms finnas brister i uppföljningen.",
    "Rutinen beskriver hur anmälan ska gå till.",
    "Syftet med rutinen är att säkerställa att ingen faller mellan stolarna.",
    "Nämnden delar revisorernas bedömning.",
    "Det är viktigt att samverkan fungerar.",
    "Elever som behöver stöd ska få det.",
    "Detta kommer sannolikt att bidra till en bättre samverkan.",
    "Förvaltningen kommer inte att ta fram någon ny rutin.",
    "Arbetet är redan genomfört.",
    "Samverkan ska präglas av respekt.",
    "Enligt rutinen ska rektor kontakta socialtjänsten.",
    "Förslaget till beslut har inga ekonomiska konsekvenser.",
    "Under 2023 har förvaltningen genomfört tre utbildningar.",
    "Nämnden beslutade den 12 december 2023 att anta en ny plan.",
    "Rapporten behandlades av nämnden i mars 2024.",
    "Ska rektor kontakta socialtjänsten?",
    "Det finns en risk att samverkan inte fortsätter vid personalomsättning.",
]


@pytest.mark.parametrize(("sentence", "deadlines"), PROMISES)
def test_promises_in_an_answer(sentence: str, deadlines: list[str]) -> None:
    found = commitments(run(answered(sentence)))
    assert len(found) == 1, sentence
    assert [d.isoformat() for d in found[0].deadlines] == deadlines
    assert found[0].answers is not None


@pytest.mark.parametrize("sentence", NOT_PROMISES)
def test_not_promises(sentence: str) -> None:
    assert commitments(run(answered(sentence))) == [], sentence


def test_cue_reasons() -> None:
    assert cue_reason("Förvaltningen kommer att ta fram en plan.") == "kommer_att"
    assert cue_reason("Nämnden avser därför att se över ansvarsfördelningen.") == "intent"
    assert cue_reason("Den reviderade planen beräknas vara färdig i maj.") == "completion"
    assert cue_reason("Ett utvecklingsarbete pågår kring samverkan.") == "ongoing"
    assert cue_reason("En utbildning planeras till hösten.") == "plan"
    assert cue_reason("Det samverkansarbete som pågår följs inte upp.") is None  # "som pågår" describes


def test_what_a_measure_will_bring_is_no_promise_but_an_actor_improving_is() -> None:
    assert cue_reason("Detta kommer att förbättra landstingets planeringsförutsättningar.") is None
    assert cue_reason("Dessa åtgärder kommer att stärka uppföljningen.") is None
    assert cue_reason("Förvaltningen kommer att förbättra rutinen för avvikelser.") == "kommer_att"
    assert cue_reason("Det kommer att förbättras under våren.") == "kommer_att"  # a passive: something is done


def test_ocr_damaged_cues_still_count() -> None:
    assert cue_reason("Férvaltningen avser att utveckla mal for samverkan.") == "intent"
    assert cue_reason("Den reviderade 6verenskommelsen beriknas vara firdig senast i april 2023.") == "completion"
    assert cue_reason("Ett arbete pagar med att revidera 6verenskommelsen.") == "ongoing"


def test_ska_in_context() -> None:
    def strength(s: str) -> float:
        return ska_strength(match_text(s).folded)

    assert strength("Förvaltningen ska ta fram en plan.") == 0.5
    assert strength("Rutinen ska revideras årligen.") == 0.5
    assert strength("Planen ska vara klar i maj.") == 0.5
    assert strength("Rutinen beskriver hur anmälan ska fungera.") == 0.0
    assert strength("De barn som behöver stöd ska få det.") == 0.0
    assert strength("Samverkan ska öka för att fler barn ska inkluderas.") == 0.0
    assert strength("Kommunstyrelsen ska inte ta fram någon plan.") == 0.0


def test_kommer_without_att_promises_before_an_infinitive() -> None:
    # Written by the team in the shape of real municipal answers, which often leave out "att".
    assert cue_reason("Förvaltningen kommer även i fortsättningen följa upp rutinen varje termin.") == "kommer_att"
    assert cue_reason("Därefter kommer planen gå ut på remiss innan nämnden beslutar.") == "kommer_att"
    assert cue_reason("Kommunen kommer bland annat göra fler stickprovskontroller.") == "kommer_att"
    assert cue_reason("Utbildningen kommer även ske digitalt under hösten.") == "kommer_att"
    # "kommer" as a motion, a prediction, or before a noun phrase promises nothing.
    assert cue_reason("Verksamhetschefen kommer till nämnden för att informera.") is None
    assert cue_reason("Det kommer nya regler nästa vecka.") is None
    assert cue_reason("Det kommer leda till att fler får stöd.") is None
    assert cue_reason("Den möjligheten kommer att försvinna när detaljplanen ändras.") is None
    # "kräva in" a plan is something the administration does, not a prediction of what things require.
    assert cue_reason("Förvaltningen kommer att kräva in en tidsatt handlingsplan från utföraren.") == "kommer_att"


def test_what_a_body_decided_shall_be_done_is_a_commitment() -> None:
    # Written by the team in the shape of municipal decisions: the "ska" after "beslutar (därmed) att" or
    # "fastslogs (också) att" is what was decided, not a description of how things work.
    assert cue_reason("Enheten beslutar därmed att utföraren ska åtgärda bristerna och upprätta en åtgärdsplan.") in (
        "ska",
        "assign",
    )
    assert cue_reason("I beslutet fastslogs också att frågan ska avgöras senast i juni 2023.") == "ska"
    assert cue_reason("Nämnden beslutar att revidera rutinen för orosanmälan.") == "assign"
    assert cue_reason("Nämnden beslutar att godkänna yttrandet och överlämna det till revisorerna.") is None
    assert cue_reason("Regeringen beslutar även att högskolan får rekvirera 1,9 miljoner kronor.") is None
    assert cue_reason("Uppdraget innebär inte att myndigheten ska göra en utvärdering av besluten.") is None
    assert cue_reason("Det är viktigt att barnen ska känna sig trygga.") is None
    # A decision point in the present tense reports to a body by a time.
    point = "2. Förvaltningen återrapporterar till nämnden hur arbetet fortskrider senast den 25 oktober 2018."
    assert cue_reason(point) == "report"
    assert cue_reason("Åtgärderna återrapporteras till socialnämnden under våren år 2018.") == "report"
    assert cue_reason("Resultatet redovisades till nämnden i mars 2018.") is None
    # An agenda item the committee must answer by a day.
    assert cue_reason("9 Revisionsrapport 2013:5 Avvikelsehantering, för yttrande senast den 24 maj 2013") == "report"


def test_a_fronted_clause_before_the_inverted_subject_is_no_subordinate_clause() -> None:
    # Real sentence of a government decision (check part of tests/data/extraction/real/, 022): the "ska" after
    # the fronted "Om …"-clause is the main clause's, its subject inverted; the condition's "bedömer" is no
    # assessment of the sentence's.
    fronted = (
        "Om Läkemedelsverket bedömer att arbetet med nytta/ risk-bedömningar för läkemedel som ordineras utanför "
        "godkänd indikation bör fortsätta ska myndigheten presentera ett förslag på en ändamålsenlig modell."
    )
    assert cue_reason(fronted) == "ska"
    assert cue_reason("När rutinen är klar ska förvaltningen informera alla rektorer om den.") == "ska"
    # Whom the agency works with is how the task is done (written by the team after a real decision's sentence).
    assert cue_reason("Myndigheten ska vid genomförandet av uppdraget samarbeta med länsstyrelserna.") is None
    # A fronted time or a noun phrase with an adjective is no relative clause without "som".
    assert cue_reason("Den 11 september kommer vår entreprenör att påbörja arbetet.") == "kommer_att"
    assert cue_reason("De olika förslagen kommer nu att kostnadsberäknas.") == "kommer_att"
    # Without the inversion the "ska" stays inside the subordinate clause: how things work, no promise.
    assert cue_reason("Om myndigheten bedömer att den ska fortsätta är det bra.") is None


def test_hedged_promise_is_less_sure() -> None:
    sure = commitments(run(answered("Förvaltningen kommer att genomföra en enkät under hösten 2024.")))[0]
    hedged = commitments(run(answered("Förvaltningen kommer eventuellt att genomföra en enkät under hösten 2024.")))[0]
    assert hedged.confidence < sure.confidence


def test_recommendations_by_voice() -> None:
    def rec(s: str, auditors: bool) -> bool:
        return is_recommendation(match_text(s).folded, auditors_speak=auditors)

    assert rec("Kommunstyrelsen bör efterfråga uppföljning inom området.", True)
    assert rec("Vi rekommenderar nämnden att upprätta en plan.", True)
    assert rec("Revisorerna rekommenderar nämnden att upprätta en plan.", False)
    assert rec("Enligt revisorerna bör nämnden se över rutinen.", False)
    # In an answer a bare "bör" is the committee's own view; "bör noteras" recommends nothing.
    assert not rec("Förvaltningen anser att rutinen bör förtydligas.", False)
    assert not rec("Det bör noteras att arbetet pågår.", True)
    assert not rec("Barnen som bor i kommunen får stöd.", True)
    assert not rec("Bör nämnden ta fram en plan?", True)


def test_no_date_means_lower_confidence() -> None:
    dated = commitments(run(answered("Förvaltningen kommer att ta fram en plan under hösten 2024.")))[0]
    undated = commitments(run(answered("Förvaltningen kommer att ta fram en plan.")))[0]
    assert undated.deadlines == () and dated.deadlines == (date(2024, 12, 31),)
    assert undated.confidence < dated.confidence


def test_work_under_way_is_a_promise_in_an_answer_or_with_a_time() -> None:
    # In a news page or a plan's background, ongoing work with no time tells how things are.
    news = (
        "Regionstyrelsen fick svar om krisberedskapen\n\n"
        "Det pågår även en extern utredning av regionens arbete under pandemin. "
        "Ett omfattande arbete pågår också på nämnderna för att säkra inköpen.\n"
    )
    assert commitments(run(news)) == []
    # The same work with a time to it, or still to start, is followed up.
    dated = news.replace("på nämnderna för att säkra inköpen", "med att ta fram en ny rutin under hösten 2024")
    assert [f.deadlines for f in commitments(run(dated))] == [(date(2024, 12, 31),)]
    soon = news + "Arbetet påbörjas inom kort.\n"
    assert [f.text.split()[0] for f in commitments(run(soon))] == ["Arbetet"]
    # Answering the auditors, ongoing work is the answer's promise.
    assert len(commitments(run(answered("Det pågår ett arbete med att se över delegationsordningen.")))) == 1


def test_work_in_the_present_passive_with_a_date_ahead_is_a_commitment() -> None:
    plan = (
        "Socialnämndens verksamhetsplan 2024\n\n"
        "Nämnden informeras om förvaltningens verksamhetsplaner i april. "
        "I september görs en avstämning av planen efter första halvåret. "
        "En helårsuppföljning av planen redovisas i mars 2025. "
        "Varje månad görs en ekonomisk uppföljning. "
        "I januari 2023 görs inga uppföljningar alls enligt den gamla planen.\n"
    )
    found = commitments(run(plan, document_date=date(2024, 1, 15), today=date(2024, 1, 15)))
    # January 2023 lies before the plan; the monthly follow-up is a rhythm (see the test below).
    dated = [f.deadlines for f in found if f.recurrence is None]
    assert dated == [(date(2024, 4, 30),), (date(2024, 9, 30),), (date(2025, 3, 31),)]
    assert [f.text.split()[0] for f in found if f.recurrence is not None] == ["Varje"]


def test_an_owner_is_not_the_question_word_before_it() -> None:
    text = "Vad lärandenämnden kommer fram till ska rapporteras i kommunstyrelsen den 3 december 2024.\n"
    assert only_commitment(text).owner == "lärandenämnden"


def test_what_a_thing_will_be_like_is_no_promise_but_a_service_offered_or_a_state_reached_by_a_time_is() -> None:
    # Written by the team in the shapes of municipal news pages.
    assert cue_reason("Vägen kommer tidvis att vara avstängd under sommaren.") is None
    assert cue_reason("Den nya räddningsstationen kommer att omfatta cirka 2 000 kvadratmeter.") is None
    assert cue_reason("Förtidsröstning kommer att vara möjlig vardagar i stadshuset.") == "kommer_att"
    assert cue_reason("Alla enskilda avlopp i kommunen ska vara inventerade till år 2025.") == "ska"
    assert cue_reason("Alla enskilda avlopp i kommunen ska vara inventerade.") is None
    # The short participles of doing and building, in the shape of a council's task and a school's news.
    assert cue_reason("Översynen ska vara utförd och presenterad för beslut senast första halvåret 2027.") == "ska"
    assert cue_reason("Den nya förskolan ska vara byggd till hösten 2027.") == "ska"
    assert cue_reason("Översynen ska vara utförd på ett rättssäkert sätt.") is None


def test_what_a_plan_consists_of_whom_it_touches_and_what_costs_will_do_is_no_promise() -> None:
    # Written by the team in the shapes of an agency's evaluation plan and an auditors' report.
    assert cue_reason("Utvärderingen kommer att bestå av två moment.") is None
    assert cue_reason("Uppföljningen kommer att utgå från en definition av likvärdig tillsyn.") is None
    assert cue_reason("Många medarbetare kommer på olika sätt att beröras av förändringarna.") is None
    assert cue_reason("Chefer och handläggare kommer på olika sätt att beröras av förändringarna.") is None
    assert cue_reason("Socialtjänsten och skolan kommer att ha gemensamma möten.") == "kommer_att"


def test_contributing_and_easing_are_acts_of_an_actor_and_effects_of_a_thing() -> None:
    # Written by the team in the shapes of an agency's task page and a committee's answer.
    assert cue_reason("Länsstyrelsen Östergötland ska bidra med kompetensstöd till övriga länsstyrelser.") == "ska"
    assert cue_reason("Länsstyrelserna ska underlätta insatser på regional nivå.") == "ska"
    assert cue_reason("Åtgärderna ska bidra till en bättre samverkan.") is None
    assert cue_reason("Förvaltningen ska bidra till att fler elever når målen.") is None
    assert cue_reason("Det nya systemet ska underlätta arbetet.") is None
    # "gå igenom" reviews; "gå till" only says how something is done.
    assert cue_reason("Arbetsgruppen ska gå igenom de synpunkter som kommit in på förslaget.") == "ska"
    assert cue_reason("Anmälan ska gå till så här.") is None
    # A plural noun in -erna/-arna/-orna between "kommer" and "att" is no bare infinitive.
    assert cue_reason("Under 2025 kommer kostnaderna för lokalerna att öka kraftigt.") is None
    assert cue_reason("Under hösten kommer förvaltningarna att ta fram nya planer.") == "kommer_att"


def test_a_noun_subject_between_ska_and_its_passive_verb_promises() -> None:
    # Written by the team: the time fronted, the subject after "ska", the passive verb last.
    assert cue_reason("Snart ska samordnad provning i ambulansen påbörjas.") == "ska"
    news = "Skolpaviljongerna\n\nMåndag 18 juni levereras de sista skolpaviljongerna.\n"
    (delivery,) = commitments(run(news, document_date=date(2018, 6, 4), today=date(2018, 6, 4)))
    assert delivery.deadlines == (date(2018, 6, 18),)


def test_the_main_verb_after_a_relative_clause_and_a_passive_done_to_what_it_names() -> None:
    # Written by the team.
    assert cue_reason("De åtgärder som kräver investeringar kommer tas med i vårens budgetprocess.") == "kommer_att"
    assert cue_reason("En tillfällig post finns med vilken kommer att korrigeras under våren 2026.") == "kommer_att"
    assert (
        cue_reason("Vi presenterar de uppdrag som kommunens verksamheter kommer att arbeta med under 2026.") is not None
    )
    # A relative clause with its own copula has ended: "kommer kommunen att" is the main clause, inverted.
    assert (
        cue_reason("De punkter som inte är åtgärdade kommer kommunen att arbeta vidare med under våren.")
        == "kommer_att"
    )
    # What a relative clause only describes stays no promise.
    assert cue_reason("Det är oklart vilka fastigheter som kommer att ingå.") is None
    assert cue_reason("En tillfällig post finns med vilken kommer att korrigeras.") is None


def test_how_things_usually_go_and_what_a_motion_asks_for_are_no_promises() -> None:
    # Written by the team in the shapes of answers to motions and citizens' proposals.
    assert cue_reason("Ibland bestämmer fullmäktige att en nämnd ska utreda och besluta i ärendet.") is None
    assert cue_reason("Motionärerna vill att kollektivtrafiknämnden ska få i uppdrag att utreda linjen.") is None
    assert cue_reason("Förslagsställaren föreslår att kommunen ska bygga en hundrastgård.") is None
    # The answer that says what will be done still promises.
    assert cue_reason("Kommunen kommer att bygga en hundrastgård under 2020.") == "kommer_att"


def test_a_promise_after_a_clause_in_the_past() -> None:
    # Written by the team.
    assert (
        cue_reason(
            "Kontrollplanen har under 2022 utvecklats och beslut om 2023 års plan planeras att fattas i februari."
        )
        == "plan"
    )
    # A done thing described stays no promise.
    assert cue_reason("En ny rutin har tagits fram och ska gälla från och med januari.") is None


def test_an_assessment_inside_a_relative_clause_only_describes() -> None:
    # Written by the team.
    assert cue_reason("Nu pågår arbete med att välja ut de åtgärder som bedöms ge bäst effekt till januari 2020.") == (
        "ongoing"
    )
    assert cue_reason("Vi bedömer att arbete pågår med att välja ut åtgärder till januari 2020.") is None


def test_work_in_the_present_passive_in_a_rhythm_is_a_commitment_unless_it_is_done_so_today() -> None:
    plan = (
        "Trafikförsörjningsprogram 2024\n\n"
        "Målen i trafikförsörjningsprogrammet följs upp årligen. "
        "Resandet redovisas redan i dag månadsvis för nämnden.\n"
    )
    (goals,) = commitments(run(plan, document_date=date(2024, 1, 15), today=date(2024, 1, 15)))
    assert goals.text.startswith("Målen") and goals.recurrence is not None


def test_what_is_planned_inside_a_relative_clause_promises_only_with_a_time() -> None:
    # Written by the team.
    assert cue_reason("Vidare beskrivs vilka aktiviteter som planeras framåt i syfte att nå målen.") is None
    assert cue_reason("Planen ska revideras inför utställningen, något som planeras första kvartalet 2026.") is not None


def test_work_that_starts_at_a_time_before_it_and_an_estimated_end_date() -> None:
    page = (
        "Ledningsbyte på Sotarvägen\n\n"
        "I slutet av augusti påbörjas sedan arbetet med den nya parkeringen. "
        "Beräknat slutdatum: början av oktober 2026.\n"
    )
    found = commitments(run(page, document_date=date(2026, 6, 1), today=date(2026, 6, 1)))
    assert [f.deadlines for f in found] == [(date(2026, 8, 31),), (date(2026, 10, 10),)]


def test_a_report_owed_to_a_body_and_work_that_starts_soon() -> None:
    # Written by the team.
    assert cue_reason("Kommunstyrelsen ska få en rapport varje kvartal tills planen är genomförd.") == "ska"
    assert cue_reason("Eleverna ska få en bra utbildning.") is None
    assert (
        cue_reason("Projektet har gjort en nulägesanalys och påbörjar inom kort arbetet med en ny process.") == "plan"
    )
    assert cue_reason("Hon påbörjar sin tjänst hos oss.") is None


def test_a_piece_of_work_that_goes_on_at_a_time() -> None:
    # Written by the team.
    assert cue_reason("I mars–april fortsätter inventeringen i norra området.") == "continue"
    assert cue_reason("Inventeringen fortsätter.") is None
    page = "Tillsyn av avlopp\n\nI mars–april 2027 fortsätter inventeringen i norra området.\n"
    (work,) = commitments(run(page, document_date=date(2027, 1, 5), today=date(2027, 1, 5)))
    assert work.deadlines == (date(2027, 4, 30),)


def test_what_was_decided_on_a_day_and_paragraph_is_judged_after_its_att() -> None:
    # Written by the team in the shape of a committee's agenda: the decision's day and § before "att".
    text = (
        "Kommunstyrelsen beslutade 3 maj 2022 § 58 att socialnämnden ska återrapportera till kommunstyrelsens "
        "sammanträde 7 juni 2022 de åtgärder som har genomförts."
    )
    (found,) = commitments(run(text, document_date=date(2022, 5, 20), today=date(2022, 5, 20)))
    assert (found.owner, found.deadlines) == ("socialnämnden", (date(2022, 6, 7),))


def test_a_decision_taken_that_someone_shall_act_is_their_commitment() -> None:
    # Written by the team in the shape of a committee's "i korthet" page: "Beslut togs att" without "om".
    text = "Beslut togs att man inom förvaltningen ska inventera behovet och återkomma på nästa möte."
    (found,) = commitments(run(text, document_date=date(2024, 1, 24), today=date(2024, 1, 24)))
    assert found.owner == "förvaltningen"


def test_what_starts_in_a_clause_of_condition_is_a_routine_not_a_planned_start() -> None:
    # Written by the team in the shape of a regional committee's page on how projects are handled.
    assert cue_reason("När ett nytt projekt startar anmäls detta till nämnden.") is None
    assert cue_reason("Projektet startar i mars 2027.") == "plan"


def test_what_an_answer_is_said_to_hold_is_judged_from_its_att() -> None:
    # Written by the team in the shape of an agency's news on its answer to an inspector.
    sentence = (
        "I SiS yttrande till IVO framgår det att institutionschefen har valt att kliva av sitt uppdrag och att en "
        "ny institutionschef ska tillsättas."
    )
    assert cue_reason(sentence) == "ska"


@pytest.mark.parametrize(
    ("sentence", "promises"),
    [
        # A new piece of work, indefinite, "ska göras": to be done (written by the team in a news item's shape).
        ("En utredning med denna inriktning ska nu göras.", True),
        ("En översyn av reglementet ska göras under våren.", True),
        # Definite, or a plain "detta": how known work is done.
        ("Bedömningen ska göras utifrån rutinen.", False),
        ("Detta ska göras enligt rutinen.", False),
    ],
)
def test_a_new_piece_of_work_that_ska_goras_is_a_promise(sentence: str, promises: bool) -> None:
    assert (cue_reason(sentence) is not None) is promises


def test_a_unit_named_with_its_adjective_after_a_fronted_adverb_is_the_subject() -> None:
    sentence = "Härnäst ska tekniska kontoret ta fram en kostnadsberäkning för den nya simhallen."
    assert ska_strength(match_text(sentence).folded) > ska_strength(match_text("Härnäst ska det bli bra.").folded)
    found = only_commitment("Simhallen\n\n" + sentence + "\n", today=date(2025, 4, 1))
    assert found.owner == "tekniska kontoret"


def test_the_year_work_is_for_dates_a_promise_but_yields_to_another_time_and_makes_none() -> None:
    day = date(2020, 11, 26)
    found = only_commitment("Kommunstyrelsen ska ta fram en strategi för suicidprevention för 2021.\n", today=day)
    assert found.deadlines == (date(2021, 12, 31),)
    found = only_commitment("Nämnden ska besluta om budgeten för 2022 senast i november 2021.\n", today=day)
    assert found.deadlines == (date(2021, 11, 30),)
    # Only a budget year: no promise is made by it.
    text = "Installationen beräknas kosta 450 000 kronor för 2021 och ryms i budgeten.\n"
    assert commitments(run(text, today=day)) == []


def test_a_priority_for_a_year_and_work_that_starts_in_a_year_are_plans_of_that_year() -> None:
    # Written by the team in the shape of a municipality's news of its board's budget.
    day = date(2025, 11, 20)
    for sentence in (
        "En viktig prioritering för 2026 är att arbeta fram en ny modell för medborgardialog.",
        "Ytterligare prioriteringar år 2026 är att ta fram en strategi för friluftslivet.",
        "En politisk beredning för landsbygdsfrågor startar 2026.",
    ):
        assert only_commitment(sentence + "\n", today=day, document_date=day).deadlines == (date(2026, 12, 31),)
    # A priority with no year is no dated plan, and a start told in the past is none.
    assert commitments(run("En politisk beredning startade 2024.\n", today=day, document_date=day)) == []


def test_a_predicate_is_no_owner() -> None:
    text = (
        "Kommunstyrelsen är den nämnd som leder och samordnar kommunens verksamheter och ansvarar för ekonomin. "
        "I sin samordnande roll ska kommunstyrelsen verka för att målen nås.\n"
    )
    for f in commitments(run(text, today=date(2025, 11, 20))):
        assert not (f.owner or "").lower().startswith("samordnar")


@pytest.mark.parametrize(
    "sentence",
    [
        "För att nå målen vidtas flera utvecklingsåtgärder under 2026.",
        "En ny tjänst som samordnare inrättas i mars 2026.",
        "En handlingsplan upprättas under våren 2026.",
    ],
)
def test_more_work_told_in_the_present_passive_at_a_time_ahead(sentence: str) -> None:
    assert only_commitment(sentence + "\n", today=date(2025, 12, 1), document_date=date(2025, 12, 1)).deadlines


@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        # Written by the team in the shape of municipal news pages.
        ("Uppföljning från miljöavdelningen beräknas ske 2027.", date(2027, 12, 31)),
        ("Utbyggnaden till Norrby beräknas utföras under år 2027.", date(2027, 12, 31)),
        ("Enligt planen beräknas boendet kunna öppna hösten 2027.", date(2027, 12, 31)),
    ],
)
def test_work_estimated_to_happen_at_a_time_is_planned(sentence: str, due: date) -> None:
    assert only_commitment(sentence + "\n", today=date(2026, 6, 1), document_date=date(2026, 6, 1)).deadlines == (due,)


def test_what_taking_part_brings_for_the_speaker_is_a_promise() -> None:
    said = "Att vara med i nätverket innebär att vi ska sprida information om riskerna, säger samordnaren."
    assert cue_reason(said) == "ska"
    assert cue_reason("Det innebär att eleverna ska få mer stöd.") is None  # what it brings others
    assert cue_reason("Kostnaden beräknas uppgå till 2 miljoner kronor under 2027.") is None
