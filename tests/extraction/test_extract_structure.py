"""How an answer's layout is read: lists, headings, sections, page breaks, e-mails, and the links to recommendations."""

from __future__ import annotations

from datetime import date

from tests.extraction.helpers import commitments, only_commitment, recommendations, run


def test_svar_vi_kommer_att_list() -> None:
    text = (
        "Mot bakgrund av granskningen rekommenderas:\n\n"
        "att socialnämnden och barn- och utbildningsnämnden utvecklar samverkan med regionen\n\n"
        "Svar: Vi kommer\n"
        "att under hösten 2024 kartlägga befintliga samverkansforum,\n"
        "att två gånger per läsår bjuda in regionen till rektorsmöten,\n"
        "att fortsätta med gemensamma utbildningsdagar. Enhetschefen för elevhälsan är den som ansvarar för dagarna.\n"
    )
    ex = run(text)
    (rec,) = recommendations(ex)
    assert rec.committee == "socialnämnden och barn- och utbildningsnämnden"
    found = commitments(ex)
    assert [f.text[:32] for f in found] == [
        "att under hösten 2024 kartlägga ",
        "att två gånger per läsår bjuda i",
        "att fortsätta med gemensamma utb",
    ]
    assert found[0].deadlines == (date(2024, 12, 31),)
    assert found[1].recurrence == "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1"
    assert found[2].deadlines == () and found[2].owner == "Enhetschefen för elevhälsan"
    assert all(f.answers == rec.span and f.committee == rec.committee for f in found)
    assert found[2].confidence < found[0].confidence


def test_kommer_att_list_with_dashes() -> None:
    text = (
        "Rekommendation 3\nNämnden bör minska frånvaron.\n\nFörvaltningens kommentar:\n"
        "Förvaltningen instämmer. Förvaltningen kommer att:\n"
        "- ta fram en handlingsplan för ökad närvaro, klar senast v. 40 2024,\n"
        "- utbilda mentorer i frånvarouppföljning under höstterminen 2024,\n"
        "- följa upp närvaron varje månad.\n"
    )
    found = commitments(run(text))
    assert [f.deadlines for f in found] == [(date(2024, 10, 4),), (date(2024, 12, 31),), ()]
    assert found[2].recurrence == "FREQ=MONTHLY;BYMONTHDAY=-1"


def test_numbered_recommendation_headings_in_the_answer_refer_back() -> None:
    text = (
        "I rapporten lämnas följande rekommendationer:\n"
        "• Nämnden bör revidera elevhälsoplanen årligen.\n"
        "• Nämnden bör utveckla uppföljningen av insatser.\n\n"
        "Nämndens svar\n\n"
        "Rekommendation 2\n"
        "Förvaltningen kommer att utveckla ett system för uppföljning under hösten 2024.\n\n"
        "Rekommendation 1\n"
        "Elevhälsoplanen ska vara reviderad senast i juni 2024. Revideringen görs av elevhälsochefen.\n"
    )
    ex = run(text)
    first, second = recommendations(ex)
    system, plan = commitments(ex)
    assert system.answers == second.span
    assert plan.answers == first.span
    assert plan.owner == "elevhälsochefen"
    assert "Revideringen görs av elevhälsochefen." in plan.text


def test_free_form_answer_links_by_words_when_no_labels() -> None:
    text = (
        "Revisorerna rekommenderar nämnden att upprätta en internkontrollplan. Revisorerna rekommenderar också "
        "nämnden att dokumentera genomförda kontroller.\n\n"
        "Nämnden kommer att upprätta en internkontrollplan för 2025 senast i december 2024.\n"
    )
    ex = run(text)
    plan_rec, _docs_rec = recommendations(ex)
    (plan,) = commitments(ex)
    assert plan.answers == plan_rec.span


def test_recommendation_titles_after_an_answer_heading() -> None:
    text = (
        "Revisorerna rekommenderar att socialnämnden:\n"
        "- säkerställer att genomförandeplaner upprättas i tid,\n"
        "- utvecklar uppföljningen av beviljade insatser.\n\n"
        "Socialnämndens svar\n"
        "Rekommendation 1 – genomförandeplaner\n"
        "Under 2023 infördes en ny checklista. Verksamheten kommer att följa upp andelen planer månadsvis. "
        "Enhetscheferna ansvarar för uppföljningen.\n\n"
        "Rekommendation 2 – uppföljning av insatser\n"
        "Ett arbete med att ta fram en ny modell för uppföljning har påbörjats. Modellen ska vara införd senast "
        "den 31 december 2024.\n"
    )
    ex = run(text)
    first, second = recommendations(ex)
    monthly, model = commitments(ex)
    assert monthly.answers == first.span and monthly.owner == "Enhetscheferna"
    assert monthly.recurrence == "FREQ=MONTHLY;BYMONTHDAY=-1"
    assert model.answers == second.span and model.deadlines == (date(2024, 12, 31),)
    assert model.text.startswith("Ett arbete med att ta fram en ny modell")


def test_planned_and_taken_measures() -> None:
    text = (
        "Revisorerna rekommenderar nämnden att\n"
        "1. säkerställa att beslut om bidrag dokumenteras,\n"
        "2. införa kontroller av redovisade medlemsantal.\n\n"
        "Förvaltningens synpunkter\n"
        "Förvaltningen delar revisorernas bedömning.\n\n"
        "Vidtagna åtgärder:\n"
        "• En mall för beslutsunderlag har tagits fram.\n\n"
        "Följande åtgärder planeras:\n"
        "• Översyn av bidragsreglerna (klart i juni 2024)\n"
        "• Stickprovskontroller av medlemsantal två gånger per år\n\n"
        "Bidragshandläggaren ansvarar för stickprovskontrollerna.\n"
    )
    ex = run(text)
    _documented, checks = recommendations(ex)
    review, samples = commitments(ex)
    assert review.text == "Översyn av bidragsreglerna (klart i juni 2024)"
    assert review.deadlines == (date(2024, 6, 30),)
    # One answer to both recommendations: each commitment goes to the one whose words it repeats.
    assert samples.answers == checks.span
    assert samples.owner == "Bidragshandläggaren" and review.owner is None
    assert not any("mall" in f.text for f in ex.findings)


def test_numbered_titles_are_headings_not_list_items() -> None:
    text = (
        "Utifrån granskningens resultat rekommenderar vi kommunstyrelsen att:\n"
        "• ta fram en handlingsplan för digitaliseringen,\n"
        "• se över resursfördelningen.\n\n"
        "2. Inledning\n"
        "2.1 Bakgrund\n"
        "Digitaliseringen är ett prioriterat område.\n"
    )
    ex = run(text)
    assert [r.text for r in recommendations(ex)] == [
        "ta fram en handlingsplan för digitaliseringen",
        "se över resursfördelningen.",
    ]
    assert commitments(ex) == []


def test_sections_of_measures_taken_and_planned() -> None:
    text = (
        "Revisorernas iakttagelser och rekommendationer\n"
        "Revisorerna konstaterar att planen inte följs upp. Nämnden rekommenderas att följa upp planen två gånger "
        "per år.\n\n"
        "Nämndens yttrande\n"
        "Nämnden delar revisorernas bedömning.\n\n"
        "Redan vidtagna åtgärder\n"
        "Planen innehåller nu mätbara mål och ska följas av alla enheter.\n\n"
        "Planerade åtgärder\n"
        "Från och med oktober 2024 kommer planen att följas upp i april och oktober varje år. Avvikelser ska "
        "redovisas i samband med delårsrapporten. Avdelningschefen ansvarar för uppföljningen.\n"
    )
    ex = run(text, document_date=date(2024, 9, 1))
    (rec,) = recommendations(ex)
    assert rec.text.startswith("Nämnden rekommenderas att följa upp planen")
    yearly, deviations = commitments(ex)
    assert yearly.recurrence == "FREQ=YEARLY;BYMONTH=4,10;BYMONTHDAY=-1"
    assert deviations.recurrence == "FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=30"
    assert yearly.owner == deviations.owner == "Avdelningschefen"
    assert yearly.answers == deviations.answers == rec.span


def test_a_page_break_with_its_header_inside_a_commitment() -> None:
    text = (
        "Nämndens svar:\n"
        "Förvaltningen kommer att revidera samverkans-\n"
        "Handlingstyp Sida\nTjänsteskrivelse 3(4)\nDatum Diarienummer\n2024-02-01 2024/BUN 0012\n"
        "\f"
        "rutinen senast december\n2024.\n"
    )
    found = only_commitment(text)
    assert found.text == "Förvaltningen kommer att revidera samverkansrutinen senast december 2024."
    assert found.deadlines == (date(2024, 12, 31),)
    assert text[found.span[0] : found.span[1]].endswith("2024.")


def test_a_list_without_bullets_and_an_answer_without_labels() -> None:
    text = (
        "Revisorerna rekommenderar hälso- och sjukvårdsnämnden att:\n"
        "säkerställa att alla avdelningar följer rutinen för samordnad utskrivning,\n"
        "följa upp ledtiderna, och\n"
        "stärka samverkan kring barn och unga.\n\n"
        "Nämnden instämmer. En reviderad rutin för samordnad utskrivning införs senast i september 2025. "
        "Samverkansmöten hålls redan i dag två gånger per år. Nämnden återkommer till revisorerna med en "
        "samlad redovisning senast mars 2026.\n"
    )
    ex = run(text, document_date=date(2024, 9, 1))
    assert [r.text for r in recommendations(ex)] == [
        "säkerställa att alla avdelningar följer rutinen för samordnad utskrivning",
        "följa upp ledtiderna",
        "stärka samverkan kring barn och unga.",
    ]
    routine, report = commitments(ex)
    assert routine.deadlines == (date(2025, 9, 30),)
    assert routine.answers == recommendations(ex)[0].span
    assert report.text.startswith("Nämnden återkommer") and report.deadlines == (date(2026, 3, 31),)


def test_quoted_recommendations_are_answered_by_the_paragraphs_after_them() -> None:
    # A regional answer: each recommendation quoted as a numbered item, its answer in plain
    # paragraphs in the present tense with a future date ("införs under Q3 2025").
    text = (
        "Yttrande 2024-09-10\n\n"
        "Revisorerna lämnar två rekommendationer, som nämnden besvarar nedan.\n\n"
        "1. Nämnden bör säkerställa att samtliga avdelningar följer rutinen.\n\n"
        "En reviderad rutin införs på samtliga avdelningar under Q3 2025. Uppdraget ges till\n"
        "verksamhetschefen för medicinkliniken. Ett pilotprojekt genomförs mellan oktober och december 2024.\n\n"
        "2. Nämnden bör följa upp ledtiderna.\n\n"
        "Utfallet redovisas för nämnden senast i tertial 2 2025. Samverkansmöten hålls redan i dag\n"
        "varje månad.\n"
    )
    ex = run(text, document_date=date(2024, 9, 10))
    recs = recommendations(ex)
    assert [r.text for r in recs] == [
        "Nämnden bör säkerställa att samtliga avdelningar följer rutinen.",
        "Nämnden bör följa upp ledtiderna.",
    ]
    found = sorted(commitments(ex), key=lambda f: f.span)
    assert [f.text.split(".")[0] for f in found] == [
        "En reviderad rutin införs på samtliga avdelningar under Q3 2025",
        "Ett pilotprojekt genomförs mellan oktober och december 2024",
        "Utfallet redovisas för nämnden senast i tertial 2 2025",
    ]
    assert found[0].owner == "verksamhetschefen för medicinkliniken"
    # The pilot runs October–December: it is followed up when the period ends.
    assert [f.deadlines for f in found] == [(date(2025, 9, 30),), (date(2024, 12, 31),), (date(2025, 8, 31),)]
    assert [f.answers for f in found] == [recs[0].span, recs[0].span, recs[1].span]


def test_an_e_mail_answer_without_the_quoted_request_and_with_its_list() -> None:
    text = (
        "Hej!\n\nHär kommer skolans svar.\n\n"
        "Ni rekommenderade att skolan\n"
        "1. ser till att all personal följer rutinen för frånvaroanmälan,\n"
        "2. följer upp elevernas upprepade frånvaro.\n\n"
        "Det här gör vi framåt:\n\n"
        "- Alla mentorer ska ha gått igenom den nya rutinen till höstterminens start den 18 augusti.\n"
        "- Vi kommer att redovisa hur det går i samband med delårsrapporten.\n\n"
        "Vänliga hälsningar\nHelena Strand\n\n"
        "-----Ursprungligt meddelande-----\n"
        "Från: Revisionskontoret\n\n"
        "Vi ber om skolans svar på rekommendationerna senast den 11 april 2025.\n"
    )
    ex = run(text, document_date=date(2025, 4, 7))
    assert len(recommendations(ex)) == 2
    found = sorted(commitments(ex), key=lambda f: f.span)
    assert [f.text.split(" ")[0] for f in found] == ["Alla", "Vi"]
    assert found[0].deadlines == (date(2025, 8, 18),)


def test_a_title_over_a_paragraph_is_no_part_of_it() -> None:
    text = (
        "Rekommendation 1: Styrelsen bör ta fram kontinuitetsplaner.\n\n"
        "Svar:\n\n"
        "Kontinuitetsplaner\n"
        "Kommunledningskontoret kommer att ta fram en gemensam mall för kontinuitetsplaner och stödja\n"
        "förvaltningarna i arbetet med att upprätta planer för samhällsviktig verksamhet under 2025.\n"
    )
    (found,) = commitments(run(text, document_date=date(2025, 2, 3)))
    assert found.text.startswith("Kommunledningskontoret") and found.owner == "Kommunledningskontoret"


def test_a_task_given_in_a_page_about_an_audit_report_is_the_bodys_not_the_auditors() -> None:
    # Written by the team: a page that retells the auditors' report (so it reads as their report) and ends
    # with the board's decision. Auditors give no tasks; the decision's task keeps its full confidence.
    page = (
        "Granskningsrapport om bisysslor\n\n"
        "Revisionens syfte har varit att bedöma om styrelsens interna kontroll är tillräcklig. "
        "Vår bedömning är att kontrollen är otillräcklig. Revisionsfrågorna besvaras i rapporten "
        "och revisionskriterierna är kommunallagen.\n\n"
        "Regionstyrelsen ger regiondirektören i uppdrag att vidta lämpliga åtgärder "
        "och återrapportera till styrelsen.\n"
    )
    task = only_commitment(page)
    assert task.owner == "regiondirektören" and task.text.startswith("Regionstyrelsen ger")


def test_the_steps_of_a_plan_for_a_year_are_due_by_its_end_and_owned_by_its_author() -> None:
    # Written by the team: a news page on an internal control plan, its steps as infinitive bullets.
    page = (
        "Förslag till intern kontrollplan\n\n"
        "Ekonomiavdelningen har upprättat förslag till en ny intern kontrollplan för 2025. "
        "Planen innehåller bland annat följande kontrollmoment:\n\n"
        "  • Säkerställa att leverantörsfakturor betalas i tid\n"
        "  • Kontrollera efterlevnad av attesträtten\n\n"
        "Kommunstyrelsen föreslås besluta att godkänna planen.\n"
    )
    steps = commitments(run(page, document_date=date(2025, 1, 20)))
    assert [s.text.split()[0] for s in steps] == ["Säkerställa", "Kontrollera"]
    assert {s.deadlines for s in steps} == {(date(2025, 12, 31),)}
    assert {s.owner for s in steps} == {"Ekonomiavdelningen"}
    # What the auditors looked at is no plan of steps.
    scope = page.replace("Planen innehåller bland annat följande kontrollmoment:", "Vi har granskat följande:")
    assert commitments(run(scope, document_date=date(2025, 1, 20))) == []


def test_a_task_given_years_ago_with_its_time_passed_is_history() -> None:
    # Written by the team: a 2018 decision page that tells the matter's history before the new task.
    page = (
        "Handlingsprogram mot våld i nära relationer\n\n"
        "Regionstyrelsen gav i mars 2016 ledningskontoret i uppdrag att under hösten 2016 återkomma med "
        "förslag till nytt handlingsprogram. Förslaget har nu fått en ny struktur.\n\n"
        "Regionstyrelseförvaltningen får i uppdrag att genomföra en remissdialog under hösten 2018.\n"
    )
    (task,) = commitments(run(page, document_date=date(2018, 8, 30), today=date(2018, 8, 30)))
    assert task.owner == "Regionstyrelseförvaltningen" and task.deadlines == (date(2018, 12, 31),)
    # Told in the year it was given, the same task is still to be done; its owner is who was given it.
    (then,) = commitments(
        run(page.split("\n\nRegionstyrelseförvaltningen", maxsplit=1)[0], document_date=date(2016, 4, 1))
    )
    assert then.owner == "ledningskontoret" and then.deadlines == (date(2016, 12, 31),)


def test_a_list_of_the_parts_something_is_divided_into_holds_no_commitments() -> None:
    # Written by the team in the shape of a region's press release on its political organisation.
    page = (
        "Förändrad politisk organisation\n\n"
        "De olika råden kommer att fördelas på följande ansvarsområden:\n\n"
        " • Ansvar för regionövergripande frågor och ekonomi.\n"
        " • Ansvar för hälso- och sjukvården.\n\n"
        "Nämnden kommer att:\n\n"
        " • ta fram en ny arbetsordning under hösten 2026.\n"
    )
    found = commitments(run(page, document_date=date(2026, 9, 19), today=date(2026, 9, 19)))
    assert [f.deadlines for f in found] == [(date(2026, 12, 31),)]


def test_a_task_given_among_matters_told_in_the_past_is_still_to_do() -> None:
    # Written by the team in the shape of a municipal "beslut i korthet" page.
    page = (
        "Beslut vid kommunstyrelsen den 15 januari\n\n"
        "Vid sammanträdet behandlades bland annat följande ärenden:\n\n"
        "  • Samhällsbyggnadsförvaltningen får i uppdrag att upprätta ett förslag till detaljplan för Bergaplan.\n"
        "  • Kommunstyrelsens verksamhetsplan 2024–2026 godkändes.\n"
    )
    found = commitments(run(page, document_date=date(2024, 1, 15), today=date(2024, 1, 15)))
    assert [f.owner for f in found] == ["Samhällsbyggnadsförvaltningen"]


def test_steps_planned_for_a_year_under_a_clause_that_names_their_body() -> None:
    # Written by the team in the shape of a page on the county boards' planned work.
    page = (
        "På gång från länsstyrelserna\n\n"
        "I mars antog Länsstyrelsen Gotland en ny regional handlingsplan och genomför nu planerade åtgärder för "
        "2027, exempelvis:\n\n"
        " • Arbete med att integrera klimatanpassning i prövning och tillsyn.\n"
        " • Publicera ett klimatanpassningsmaterial för länets kommuner.\n"
    )
    found = commitments(run(page, document_date=date(2027, 4, 1), today=date(2027, 4, 1)))
    assert [(f.owner, f.deadlines) for f in found] == [("Länsstyrelsen Gotland", (date(2027, 12, 31),))] * 2


def test_a_numbered_decision_that_gives_tasks_lists_each_as_a_commitment() -> None:
    # Real (a region's board, Kalmar 2019-10-31, the fresh web batches), shortened.
    text = (
        "Förslag till beslut\n\n"
        "1. Regionstyrelsen godkänner slutredovisningen.\n\n"
        "2. Regionstyrelsen ger regiondirektören i uppdrag att:\n\n"
        "  • Införa riktade hälsosamtal till 40-, 50- och 60 åringar i Kalmar län enligt redovisat förslag.\n"
        "  • Ta fram formerna för hur uppdraget ska bedrivas och organiseras.\n\n"
        "3. En uppföljning av införandet ska redovisas hösten 2020.\n"
    )
    day = date(2019, 10, 31)
    found = commitments(run(text, today=day, document_date=day))
    tasks = [f for f in found if f.owner == "regiondirektören"]
    assert [f.text.split()[0] for f in tasks] == ["Införa", "Ta"]
    follow_up = next(f for f in found if f.text.startswith("En uppföljning"))
    assert follow_up.deadlines == (date(2020, 12, 31),) and follow_up.owner is None
    assert not any(f.text.endswith("i uppdrag att:") for f in found)
