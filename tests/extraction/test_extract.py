"""From a whole answer to findings: structure, joined sentences, owners, links, duplicates."""

from __future__ import annotations

from datetime import date

from bot.extraction import Finding
from tests.extraction.helpers import commitments, only_commitment, recommendations, run

ANSWER = """Revisorernas rekommendationer

o Säkerställa att rutinen för orosanmälan är känd av all personal.

Förvaltningens kommentar:

En rutin för orosanmälan togs fram under 2022. Ett arbete pågår med att revidera
rutinen tillsammans med socialtjänsten. Rutinen beskriver hur anmälan ska gå till.
Verksamhetschefen för elevhälsan ansvarar för detta.

Den reviderade rutinen beräknas vara klar senast i maj 2024.

o Utveckla uppföljningen av samverkan.

Förvaltningens kommentar:

Förvaltningen avser att ta fram nyckeltal för samverkan. Genomförda insatser ska
återrapporteras till nämnden senast december 2024.
"""


def test_recommendations_and_the_commitments_that_answer_them() -> None:
    ex = run(ANSWER, document_date=date(2024, 2, 1))
    recs = recommendations(ex)
    assert [r.text for r in recs] == [
        "Säkerställa att rutinen för orosanmälan är känd av all personal.",
        "Utveckla uppföljningen av samverkan.",
    ]
    first, second = commitments(ex)
    # The revision and, further down the same answer, the sentence that says when it is done.
    assert first.text.startswith("Ett arbete pågår med att revidera rutinen")
    assert first.text.endswith("Den reviderade rutinen beräknas vara klar senast i maj 2024.")
    assert first.deadlines == (date(2024, 5, 31),)
    assert first.deadline_phrase == "senast i maj 2024"
    assert first.owner == "Verksamhetschefen för elevhälsan"
    assert first.answers == recs[0].span
    # An activity and, right after it, its report-back: one finding.
    assert second.text == (
        "Förvaltningen avser att ta fram nyckeltal för samverkan. Genomförda insatser ska återrapporteras "
        "till nämnden senast december 2024."
    )
    assert second.deadlines == (date(2024, 12, 31),)
    assert second.answers == recs[1].span


def test_spans_point_into_the_text() -> None:
    ex = run(ANSWER)
    for f in ex.findings:
        s, e = f.span
        assert 0 <= s < e <= len(ANSWER)
        piece = " ".join(ANSWER[s:e].split())
        assert piece.startswith(f.text.split(" … ")[0][:30])
        assert piece.endswith(f.text[-12:])


def test_best_first() -> None:
    ex = run(ANSWER)
    keys = [(-f.confidence, f.span[0]) for f in ex.findings]
    assert keys == sorted(keys)


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


def test_owner_sentence_applies_to_the_paragraph() -> None:
    text = (
        "Rekommendation\nNämnden bör se över rutinerna.\n\nSvar:\n"
        "Rutinen för SIP kommer att revideras under våren 2024. Rutinen är känd av alla. "
        "Avvikelser kommer att följas upp varje termin. Skolchefen ansvarar för detta.\n\n"
        "Förvaltningen planerar också en utbildning under hösten 2024.\n"
    )
    found = commitments(run(text))
    assert [f.owner for f in found] == ["Skolchefen", "Skolchefen", None]


def test_past_tense_and_descriptions_are_left_out() -> None:
    text = (
        "Revisorernas rekommendation\nNämnden bör dokumentera kontrollerna.\n\nNämndens svar:\n"
        "Nämnden delar revisorernas bedömning. En ny rutin har tagits fram och implementerats under 2023. "
        "Rutinen beskriver hur kontroller ska dokumenteras. Vår bedömning är att rutinen fungerar väl.\n"
    )
    ex = run(text)
    assert commitments(ex) == []
    assert len(recommendations(ex)) == 1


def test_a_commitment_stated_twice_is_one_finding() -> None:
    text = (
        "Sammanfattning\n\nFörvaltningen kommer att revidera riktlinjen för intern kontroll under 2024.\n\n"
        "Rekommendation 1\nNämnden bör revidera riktlinjen.\n\nNämndens svar:\n"
        "Förvaltningen kommer att revidera riktlinjen för intern kontroll under 2024. "
        "Ekonomichefen ansvarar för arbetet.\n"
    )
    (found,) = commitments(run(text))
    assert found.owner == "Ekonomichefen"
    assert found.deadlines == (date(2024, 12, 31),)
    assert found.answers is not None


def test_an_auditors_report_yields_its_recommendation_not_its_descriptions() -> None:
    text = (
        "Sammanfattning\n\nVi har granskat om kommunstyrelsen har en ändamålsenlig styrning. Vår bedömning är att "
        "rutinerna fungerar men att uppföljningen brister. Samverkansrutinen uppdateras årligen och beskriver hur "
        "arbetet ska gå till.\n\n"
        "Efter vår granskning bedömer vi att följande åtgärder bör vidtas:\n"
        "- Kommunstyrelsen bör efterfråga återrapportering inom området.\n\n"
        "Revisionsfråga 1\n\nI den tidigare granskningen lämnades följande förslag på åtgärd:\n"
        "- Det bör övervägas om rutinen kan förtydligas.\n\n"
        "Bedömning\n\nVår bedömning är att kommunstyrelsen bör efterfråga återrapportering inom området.\n"
    )
    ex = run(text)
    assert commitments(ex) == []
    (rec,) = recommendations(ex)
    assert rec.text == "Kommunstyrelsen bör efterfråga återrapportering inom området."
    assert rec.committee == "Kommunstyrelsen"


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


def test_deadlines_of_earlier_events_are_not_the_deadline() -> None:
    text = (
        "Nämndens svar:\nRutinen, som antogs 2023-05-02 § 45 och gäller per 2024-01-27, kommer att revideras "
        "på nytt senast i juni 2024.\n"
    )
    found = only_commitment(text)
    assert found.deadlines == (date(2024, 6, 30),)
    assert found.deadline_phrase == "senast i juni 2024"


def test_ocr_1_as_i_is_kept_with_its_note() -> None:
    found = only_commitment(
        "Nämndens svar:\nPlanen kommer att vara klar senast 1 april.\n", document_date=date(2024, 1, 10)
    )
    assert found.deadlines == (date(2024, 4, 30),)
    assert found.deadline_note == "ocr_1_as_i"


def test_to_json_shape() -> None:
    ex = run(ANSWER)
    item = next(f for f in ex.findings if f.kind == "commitment" and f.deadlines).to_json()
    assert list(item) == [
        "kind",
        "text",
        "span",
        "deadlines",
        "deadline_phrase",
        "recurrence",
        "owner",
        "committee",
        "confidence",
        "deadline_note",
        "answers",
    ]
    assert isinstance(item["span"], list) and len(item["span"]) == 2
    assert all(isinstance(d, str) and len(d) == 10 for d in item["deadlines"])
    assert isinstance(item["answers"], list)
    assert item["confidence"] == round(item["confidence"], 2)


def test_document_facts() -> None:
    text = (
        "Tjänsteskrivelse\n2024-02-15\nDnr KS 2024/123\n\nYttrande över revisionsrapport om intern kontroll\n\n"
        "KPMG har på uppdrag av revisorerna granskat den interna kontrollen. Kommunstyrelsens svar på "
        "rekommendationerna framgår nedan.\n"
    )
    ex = run(text)
    assert ex.document_date == date(2024, 2, 15) == ex.reference_date
    assert ex.dnr == "KS 2024/123"
    assert ex.title == "Yttrande över revisionsrapport om intern kontroll"
    assert ex.auditor == "KPMG"
    assert ex.committee == "Kommunstyrelsen"


def test_the_given_date_wins_and_today_is_the_fallback() -> None:
    text = "Datum: 2023-03-10\n\nNämndens svar:\nFörvaltningen kommer att ta fram en plan innan sommaren.\n"
    assert run(text).reference_date == date(2023, 3, 10)
    found = commitments(run(text))[0]
    assert found.deadlines == (date(2023, 6, 22),)
    given = run(text, document_date=date(2024, 3, 1))
    assert given.reference_date == date(2024, 3, 1) and given.document_date == date(2024, 3, 1)
    bare = run("Nämndens svar:\nFörvaltningen kommer att ta fram en plan innan sommaren.\n")
    assert bare.document_date is None and bare.reference_date == date(2024, 3, 1)


def test_empty_and_blank_text() -> None:
    for text in ("", "   \n\f\n", "Sida 1 av 2\n"):
        ex = run(text)
        assert ex.findings == ()


def _kinds(findings: tuple[Finding, ...]) -> set[str]:
    return {f.kind for f in findings}


def test_kinds_are_the_two_of_the_contract() -> None:
    assert _kinds(run(ANSWER).findings) == {"commitment", "recommendation"}


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
    assert [f.deadlines for f in found] == [(date(2025, 9, 30),), (), (date(2025, 8, 31),)]
    assert [f.answers for f in found] == [recs[0].span, recs[0].span, recs[1].span]


def test_a_paragraph_under_uppfoljning_is_read_and_a_past_subclause_does_not_veto() -> None:
    text = (
        "Rekommendation\nÅtgärd\nAnsvarig\nTidplan\n"
        "Nämnden bör följa upp\nsamverkan.\nEn uppföljning görs\nvarje termin.\nRektor\nLöpande\n"
        "\n"
        "Uppföljning\n"
        "Förvaltningen återrapporterar hur åtgärdsplanen har genomförts till nämnden vid\n"
        "sammanträdet i oktober 2024.\n"
    )
    found = [f for f in commitments(run(text, document_date=date(2024, 4, 15))) if "återrapporterar" in f.text]
    assert [f.deadlines for f in found] == [(date(2024, 10, 31),)]


def test_the_day_of_the_document_is_no_deadline() -> None:
    text = "Nämnden bör se över rutinen.\n\nSvar: Förvaltningen 2024-04-15 Handläggare Maria Lind.\n"
    ex = run(text, document_date=date(2024, 4, 15))
    assert commitments(ex) == []


def test_kommer_fran_och_med_att_promises() -> None:
    text = (
        "Rekommendation 1: Nämnden bör få information om underhållet.\n\n"
        "Svar: Förvaltningen kommer från och med 2025 att redovisa underhållsbehovet två gånger per år.\n"
    )
    (found,) = commitments(run(text, document_date=date(2024, 4, 15)))
    assert found.recurrence is not None


def test_a_rhythm_with_a_start_has_its_first_date_as_deadline() -> None:
    text = (
        "Rekommendation 1: Nämnden bör följa upp frånvaron.\n\n"
        "Svar: Elevhälsoteamet kommer att gå igenom frånvaron varje månad, med start i maj.\n\n"
        "Rekommendation 2: Nämnden bör följa handläggningstiderna.\n\n"
        "Svar: Från och med tertial 2 2025 kommer handläggningstiderna att redovisas för nämnden i varje\n"
        "tertialrapport.\n"
    )
    first, second = sorted(commitments(run(text, document_date=date(2025, 4, 7))), key=lambda f: f.span)
    assert (first.deadlines, first.recurrence) == ((date(2025, 5, 31),), "FREQ=MONTHLY;BYMONTHDAY=-1")
    assert second.deadlines == (date(2025, 8, 31),)


def test_a_date_in_brackets_says_what_a_vague_phrase_means() -> None:
    text = (
        "Rekommendation 1: Skolan bör uppdatera rutinen.\n\n"
        "Svar: Vi kommer att uppdatera rutinen innan sommarlovet (sista skoldag är fredag den 13 juni).\n"
    )
    (found,) = commitments(run(text, document_date=date(2025, 4, 7)))
    assert found.deadlines == (date(2025, 6, 13),)


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


def test_a_summary_restating_a_commitment_in_other_words_is_one_finding() -> None:
    filler = "Bakgrunden beskrivs utförligt i revisorernas rapport och i tidigare beslut av styrelsen. " * 6
    text = (
        "Sammanfattning\n\n"
        "Rekommendation 1: Styrelsen bör säkerställa att alla medarbetare utbildas.\n\n"
        "Svar: Samtliga medarbetare ska ha genomgått en obligatorisk utbildning i informationssäkerhet\n"
        "senast i oktober 2025.\n\n"
        "Bakgrund\n\n" + filler + "\n\n"
        "Utbildning\n\n"
        "Utbildningen i informationssäkerhet görs nu obligatorisk för samtliga medarbetare och ska vara\n"
        "genomförd senast i oktober 2025. Därefter ska den upprepas vartannat år.\n"
    )
    found = commitments(run(text, document_date=date(2025, 2, 3)))
    assert len(found) == 1 and found[0].deadlines == (date(2025, 10, 31),)


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


def test_what_has_decreased_is_no_promise() -> None:
    text = (
        "Rekommendation 1: Nämnden bör korta handläggningstiderna.\n\n"
        "Svar: Handläggningstiden har minskat under hösten och var i oktober sex veckor.\n"
    )
    assert commitments(run(text, document_date=date(2024, 11, 18))) == []
