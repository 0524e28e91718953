"""Several things decided in one sentence, the government named in a municipality's text, and lists that
predict rather than promise. Sentences written by the team in the shapes of real municipal pages."""

from __future__ import annotations

from datetime import date

from tests.extraction.helpers import commitments, run

DAY = date(2019, 10, 16)


def test_each_thing_decided_in_one_sentence_is_a_finding_with_its_own_deadline() -> None:
    found = commitments(
        run(
            "Kommunstyrelsen beslutar att omgående ge förvaltningen i uppdrag att genomföra föreslagna besparingar "
            "och att till kommunstyrelsens sammanträde 5 november ha tagit fram underlag för samtliga åtgärder.",
            today=DAY,
        )
    )
    assert [(f.text.split()[-1], f.deadlines) for f in found] == [
        ("besparingar", ()),
        ("åtgärder.", (date(2019, 11, 5),)),
    ]


def test_the_report_of_a_task_stays_with_it() -> None:
    found = commitments(
        run(
            "Nämnden beslutade att ge tekniska förvaltningen i uppdrag att undersöka kostnaderna för julbelysning, "
            "och att rapportera tillbaka till nämnden senast i december 2019.",
            today=DAY,
        )
    )
    assert [(f.owner, f.deadlines) for f in found] == [("tekniska förvaltningen", (date(2019, 12, 31),))]


def test_two_things_decided_are_two_findings_and_only_formal_ones_none() -> None:
    two = "Nämnden beslutar att revidera rutinen och att utbilda all personal under 2020."
    found = commitments(run(two, today=DAY))
    assert [f.deadlines for f in found] == [(), (date(2020, 12, 31),)]
    formal = "Nämnden beslutar att godkänna yttrandet och att överlämna det till kommunens revisorer."
    assert commitments(run(formal, today=DAY)) == []


def test_the_government_named_in_a_municipal_text_promises_nothing_for_it() -> None:
    text = (
        "Överförmyndarnämnden i kommunen\n\nRegeringen har för avsikt att tillsätta en utredning om systemet "
        "med gode män.\n\nNämnden kommer att byta verksamhetssystem under 2021.\n"
    )
    found = commitments(run(text, today=DAY))
    assert [f.text.split()[0] for f in found] == ["Nämnden"]


def test_a_list_of_what_will_follow_is_no_list_of_promises() -> None:
    text = (
        "Kommunen kommer att öva krisledningen varje år. Det kommer leda till att:\n\n"
        "- dokumenten för krisberedskap är uppdaterade,\n\n- fler chefer har gått utbildningen.\n"
    )
    found = commitments(run(text, today=DAY))
    assert [f.text.split()[0] for f in found] == ["Kommunen"]


def test_a_go_ahead_given_with_a_time_and_a_summary_passed_on_by_a_day_are_commitments() -> None:
    go_ahead = "Nämnden gav klartecken för att handla upp en entreprenad för gång- och cykelbanan under våren 2021."
    go = commitments(run(go_ahead, today=DAY))
    assert [f.deadlines for f in go] == [(date(2021, 6, 30),)]
    done = "Nämnden gav förvaltningen i uppdrag att ta fram planen under 2019, och den är nu genomförd."
    assert commitments(run(done, today=DAY)) == []
    passed_on = commitments(
        run(
            "Resultatet sammanfattas och överlämnas till socialnämnden för kännedom och yttrande senast den 30 april.",
            today=date(2020, 3, 31),
        )
    )
    assert [f.deadlines for f in passed_on] == [(date(2020, 4, 30),)]


def test_decisions_told_as_news() -> None:
    # Written by the team in the shapes of municipal "Beslut i korthet" pages.
    day = date(2022, 1, 27)

    def found(sentence: str) -> list[tuple[tuple[date, ...], str | None]]:
        return [(f.deadlines, f.owner) for f in commitments(run(sentence, today=day, document_date=day))]

    assert found("Politikerna beslutade bland annat att kommunen ska kunna erbjuda nattis under resten av 2022.") == [
        ((date(2022, 12, 31),), "kommunen")
    ]
    assert found("Beslut fattades om att erbjuda omsorgstagarna luncher från restauranger under vecka 7.") == [
        ((date(2022, 2, 18),), None)
    ]
    assert found("Med svaren uppdrogs även till kommunchefen att genomföra en översyn av policyn.") == [
        ((), "kommunchefen")
    ]
    assert found("Dessutom fick kommunchefen i uppdrag att föreslå en revidering av styrdokumenten.") == [
        ((), "kommunchefen")
    ]
    # What a relative clause tells is described, not promised; after a comma with its actor it is promised.
    assert found("Kommunfullmäktige beslutar senare om vilka fastigheter som kommer att ingå i området.") == []
    assert found("Rapporten är ett underlag för det fortsatta arbetet, som nämnden kommer att följa.") == [
        ((), "nämnden")
    ]


def test_a_page_of_several_decisions_is_read_decision_by_decision() -> None:
    # Written by the team in the shape of a "Politiska beslut i korthet" page: a task given further down does
    # not make the page one committee task whose other sentences are its content.
    text = (
        "Politiska beslut i korthet\n\nKommunstyrelsen sammanträdde tisdagen den 7 juni och gick då bland annat "
        "igenom följande ärenden:\n\nBudgeten för 2017 antogs.\n\nFastigheten ska köpas in av kommunen. Köpet "
        "finansieras genom omfördelningar i investeringsbudgeten. Kommunstyrelsen gav kommunchefen i uppdrag att "
        "utreda hur fastigheten kan användas.\n"
    )
    found = commitments(run(text, today=date(2016, 6, 8), document_date=date(2016, 6, 8)))
    assert [(f.text.split()[0], f.owner) for f in found] == [
        ("Fastigheten", "kommunen"),
        ("Kommunstyrelsen", "kommunchefen"),
    ]


def test_an_estimated_end_of_works_is_a_deadline_a_tasks_duration_is_not() -> None:
    # Written by the team in the shape of municipal works news and of a government decision.
    day = date(2017, 1, 10)
    works = commitments(run("Ledningsarbetet beräknas pågå fram till mars 2017.", today=day))
    assert [f.deadlines for f in works] == [(date(2017, 3, 31),)]
    assert commitments(run("Uppdraget ska pågå till och med den 31 december 2025.", today=day)) == []


def test_reports_in_a_rhythm_and_work_that_starts_at_a_time() -> None:
    # Written by the team in the shape of a follow-up of a supervision plan and of works news.
    day = date(2018, 5, 1)
    rhythm = commitments(run("Vid varje tertial redovisas en uppföljning av tillsynsplanen.", today=day))
    assert [f.recurrence is not None for f in rhythm] == [True]
    starts = commitments(run("Ledningsarbetet påbörjas nu i juni 2018.", today=day))
    assert [f.deadlines for f in starts] == [(date(2018, 6, 30),)]
    assert commitments(run("Arbetet påbörjades i januari 2018.", today=day)) == []


def test_what_an_answer_is_said_to_hold_is_promised() -> None:
    # Written by the team in the shape of a region's summary of its answer to its auditors.
    day = date(2021, 8, 31)
    said = commitments(
        run(
            "Av svaret framgår bland annat att samtliga styrdokument för krisberedskap ska omarbetas under hösten.",
            today=day,
        )
    )
    assert [f.deadlines for f in said] == [(date(2021, 12, 31),)]
    led = commitments(
        run(
            "Direktören leder detta arbete och det ska avrapporteras till regiondirektören senast den 30 september.",
            today=day,
        )
    )
    assert [f.owner for f in led] == ["Direktören"]


def test_two_steps_of_one_subject_each_with_its_time_are_two_commitments() -> None:
    found = commitments(
        run(
            "Uppföljningen ska vara klar i maj 2020 och kommer att redovisas för kommunfullmäktige i juni 2020.",
            today=DAY,
        )
    )
    assert [(f.text, f.deadlines) for f in found] == [
        ("Uppföljningen ska vara klar i maj 2020", (date(2020, 5, 31),)),
        # The second step has no subject of its own: the card names it.
        ("Uppföljningen … kommer att redovisas för kommunfullmäktige i juni 2020.", (date(2020, 6, 30),)),
    ]
    # One step with two times ("i mars och september") stays one commitment with both dates.
    (both,) = commitments(run("Egenkontrollen genomförs i mars och september 2020.", today=DAY))
    assert both.deadlines == (date(2020, 3, 31), date(2020, 9, 30))


def test_a_step_after_och_darefter_and_the_day_a_matter_came_in() -> None:
    found = commitments(
        run(
            "Underlaget kommer under hösten 2020 att gå ut på remiss och därefter tar regionfullmäktige beslut "
            "om strategin i början av 2021.",
            today=DAY,
        )
    )
    assert [f.deadlines for f in found] == [(date(2020, 12, 31),), (date(2021, 3, 31),)]
    # The day the matter came in is no deadline of the answer owed.
    (owed,) = commitments(
        run("Ärendet inkom till kansliet den 4 december 2019 och ska besvaras senast den 29 mars 2020.", today=DAY)
    )
    assert owed.deadlines == (date(2020, 3, 29),)


def test_two_steps_sharing_one_verb_are_two_findings_each_with_its_time_and_agent() -> None:
    # Written by the team in the shape of a förbund's board paper and a municipality's news of street works.
    text = (
        "Förslaget till budget kommer att behandlas av förbundsstyrelsen den 7 maj och av förbundsfullmäktige "
        "den 16 juni.\n\n"
        "Vi räknar med att gatan och trottoarerna är klara i slutet av juni och den nya torgytan i slutet av "
        "augusti.\n"
    )
    found = sorted(commitments(run(text, today=date(2027, 3, 1), document_date=date(2027, 3, 1))), key=lambda f: f.span)
    assert [(f.deadlines, f.owner) for f in found] == [
        ((date(2027, 5, 7),), "förbundsstyrelsen"),
        ((date(2027, 6, 16),), "förbundsfullmäktige"),
        ((date(2027, 6, 30),), None),
        ((date(2027, 8, 31),), None),
    ]
    assert "torgytan" in found[3].text and "torgytan" not in found[2].text


def test_a_limit_after_what_the_work_is_for_stays_its_deadline_beside_another_sentences_limit() -> None:
    # Found by a new user trying the bot: two promises pasted on one line, the first with "för X senast …".
    text = (
        "Nämnden kommer att revidera rutinen för orosanmälan senast i april 2027. Förvaltningen ska köpa in "
        "datorer senast den 30 juni 2027.\n"
    )
    found = commitments(run(text, today=date(2026, 12, 7), document_date=date(2026, 12, 7)))
    assert [f.deadlines for f in sorted(found, key=lambda f: f.span)] == [(date(2027, 4, 30),), (date(2027, 6, 30),)]


def test_a_completion_limit_passed_before_the_documents_date_is_still_its_deadline() -> None:
    # Found by a new user: an answer read with a later date lost "klar senast den 30 april 2027".
    text = "Förvaltningen kommer att ta fram en rutin. Rutinen ska vara klar senast den 30 april 2027.\n"
    found = commitments(run(text, today=date(2027, 5, 15), document_date=date(2027, 5, 15)))
    assert [f.deadlines for f in found] == [(date(2027, 4, 30),)]


def test_a_period_for_a_decision_stays_the_deadline_beside_the_next_sentences_limit() -> None:
    # Found by a new user: "för beslut i kommunfullmäktige under första kvartalet 2027" is when it is decided, not
    # the period a report is about.
    text = (
        "Kommunledningsförvaltningen kommer att revidera policyn och lägga fram den för beslut i kommunfullmäktige "
        "under första kvartalet 2027. Därutöver ska IT-chefen klassa systemen senast den 30 september 2027.\n"
    )
    found = commitments(run(text, today=date(2026, 12, 10), document_date=date(2026, 12, 10)))
    assert [f.deadlines for f in sorted(found, key=lambda f: f.span)] == [(date(2027, 3, 31),), (date(2027, 9, 30),)]


def test_a_day_that_does_not_exist_is_named_for_the_review() -> None:
    # Found by a new user: "senast 2027-02-30" came out as "inget datum i texten", the document's slip unsaid.
    found = commitments(run("Rektor ska ta fram planen senast 2027-02-30.\n", today=date(2026, 12, 7)))
    assert [(f.deadlines, f.deadline_phrase, f.deadline_note) for f in found] == [((), "2027-02-30", "impossible")]
    good = commitments(run("Rektor ska ta fram planen senast 2027-02-28.\n", today=date(2026, 12, 7)))
    assert [(f.deadlines, f.deadline_note) for f in good] == [((date(2027, 2, 28),), None)]


def test_a_second_clause_with_its_own_subject_and_time_is_a_step_of_its_own() -> None:
    # Real (a rescue services' association's news page, the fresh web batches).
    said = "Byggstart sker i februari och den nya brandstationen är beräknad att tas i bruk under hösten 2010.\n"
    day = date(2009, 12, 21)
    found = commitments(run(said, today=day, document_date=day))
    assert [f.deadlines for f in found] == [(date(2010, 2, 28),), (date(2010, 12, 31),)]
