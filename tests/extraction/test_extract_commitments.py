"""Which sentences are commitments: owners, deadlines and rhythms, what is left out, one finding for one promise."""

from __future__ import annotations

from datetime import date

from tests.extraction.helpers import commitments, only_commitment, recommendations, run


def test_owner_sentence_applies_to_the_paragraph() -> None:
    text = (
        "Rekommendation\nNämnden bör se över rutinerna.\n\nSvar:\n"
        "Rutinen för SIP kommer att revideras under våren 2024. Rutinen är känd av alla. "
        "Avvikelser kommer att följas upp varje termin. Skolchefen ansvarar för detta.\n\n"
        "Förvaltningen planerar också en utbildning under hösten 2024.\n"
    )
    found = commitments(run(text))
    assert [f.owner for f in found] == ["Skolchefen", "Skolchefen", "Förvaltningen"]


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


def test_what_has_decreased_is_no_promise() -> None:
    text = (
        "Rekommendation 1: Nämnden bör korta handläggningstiderna.\n\n"
        "Svar: Handläggningstiden har minskat under hösten och var i oktober sex veckor.\n"
    )
    assert commitments(run(text, document_date=date(2024, 11, 18))) == []


def test_shapes_of_municipal_decision_pages() -> None:
    # Written by the team in the shapes of real municipal web pages and decisions (measured on such pages,
    # which are not copied here).
    ref = date(2021, 6, 9)
    # "dock senast" is a limit even after "när … är klara" (which reads like a past state).
    limit = commitments(run("Beslutet ska fattas när förstudierna är klara, dock senast juni 2022.", today=ref))
    assert [f.deadlines for f in limit] == [(date(2022, 6, 30),)]
    # An address in the sentence does not make it a page footer.
    mailed = commitments(
        run("Utföraren ska senast den 29 juni 2021 skicka in åtgärdsplanen till uppfoljning@kommun.se", today=ref)
    )
    assert [f.deadlines for f in mailed] == [(date(2021, 6, 29),)]
    # "Analysen ska vara genomförd senast …" dates the task that names the analysis, not the sentence before it.
    task = commitments(
        run(
            "Nämnden beslutade att:\n\nDirektören ges i uppdrag att genomföra en fördjupad analys av den nära vården. "
            "Direktören ska fortlöpande informera nämnden om arbetet. "
            "Analysen ska vara genomförd senast 31 december 2021.",
            today=ref,
        )
    )
    assert [(f.text.split()[1], f.deadlines) for f in task] == [
        ("ges", (date(2021, 12, 31),)),
        ("ska", ()),
    ]


def test_items_under_a_dated_intro_share_its_deadline() -> None:
    # Written by the team in the shape of a municipal news page about an action plan: the paragraph tells of a
    # past decision, its last sentence opens the list and dates it; a later sentence adds one more part.
    text = (
        "Nämnden fattade den 20 februari beslut om en handlingsplan. Om verksamheten får resurser har man "
        "som målsättning att under 2019 arbeta med:\n\n"
        "- att granska gamla årsräkningar\n\n- att rekrytera ställföreträdare\n\n"
        "I planen ingår också att bli klar med genomgången av arkivet under 2020.\n"
    )
    found = commitments(run(text, today=date(2019, 2, 21)))
    assert [(f.text, f.deadlines) for f in found] == [
        ("att granska gamla årsräkningar", (date(2019, 12, 31),)),
        ("att rekrytera ställföreträdare", (date(2019, 12, 31),)),
        ("I planen ingår också att bli klar med genomgången av arkivet under 2020.", (date(2020, 12, 31),)),
    ]


def test_items_under_a_heading_take_no_deadline_from_an_earlier_list() -> None:
    # Written by the team: the first list's intro dates its own items, not those under a later heading.
    text = (
        "Nämnden fattade beslut om en plan. Förvaltningen har som målsättning att under 2019 arbeta med:\n\n"
        "- att granska årsräkningar\n\nPlanerade åtgärder\n\n- Revidera delegationsordningen\n"
    )
    found = commitments(run(text, today=date(2019, 2, 21)))
    assert [(f.text, f.deadlines) for f in found] == [
        ("att granska årsräkningar", (date(2019, 12, 31),)),
        ("Revidera delegationsordningen", ()),
    ]
