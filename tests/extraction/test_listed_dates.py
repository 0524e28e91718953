"""Days a commitment points to in a list below it ("vid nedanstående prognostillfällen", or a paragraph that breaks
off at "senast" over them)."""

from __future__ import annotations

from datetime import date

from tests.extraction.helpers import commitments, only_commitment, run

# Written by the team in the shape of an appropriation letter amended in May of its budget year.
LETTER = """Prognoser

Lantmäteriet ska redovisa utgiftsprognoser för 2027–2030 vid nedanstående prognostillfällen. Prognoserna lämnas \
i Hermes enligt instruktion från Ekonomistyrningsverket.

− den 18 januari,

− den 16 februari,

− den 4 maj, och

− den 27 oktober.

Lokalkostnader

Myndigheten ska i årsredovisningen redovisa sina lokalkostnader.
"""


def test_the_days_listed_below_date_the_commitment_in_the_year_its_lead_names() -> None:
    found = commitments(run(LETTER, today=date(2027, 5, 20), document_date=date(2027, 5, 20)))
    forecast = next(f for f in found if "prognoser" in f.text)
    assert forecast.deadlines == (date(2027, 1, 18), date(2027, 2, 16), date(2027, 5, 4), date(2027, 10, 27))
    assert "nedanstående" in (forecast.deadline_phrase or "")


def test_days_in_bullets_without_a_year_in_the_lead_come_next_after_the_document() -> None:
    text = (
        "Förvaltningen ska lämna en lägesrapport till nämnden vid följande sammanträdesdatum.\n\n"
        " • 17 januari\n • 2 maj\n • 8 november\n\nÖvrigt\n\nInga övriga frågor.\n"
    )
    found = commitments(run(text, today=date(2027, 3, 1), document_date=date(2027, 3, 1)))
    assert [f.deadlines for f in found] == [(date(2027, 5, 2), date(2027, 11, 8), date(2028, 1, 17))]


def test_no_list_below_or_no_pointer_to_it_leaves_the_commitment_as_it_was() -> None:
    no_list = "Lantmäteriet ska redovisa prognoser vid nedanstående prognostillfällen.\n\nLokalkostnader\n"
    no_pointer = "Lantmäteriet ska redovisa prognoser senast den 1 mars 2027.\n\n − den 18 januari,\n − den 4 maj.\n"
    for text, due in ((no_list, ()), (no_pointer, (date(2027, 3, 1),))):
        found = commitments(run(text, today=date(2026, 12, 1), document_date=date(2026, 12, 1)))
        assert [f.deadlines for f in found] == [due]


def test_a_regleringsbrevs_five_forecast_days_are_all_kept() -> None:
    # Real (IAF's regleringsbrev for 2009, the fresh web batches).
    said = (
        "IAF ska lämna prognoser för 2009-2012 den 19 januari, den 26 februari, den 7 maj, den 30 juli samt den "
        "29 oktober 2009.\n"
    )
    day = date(2008, 12, 18)
    found = only_commitment(said, today=day, document_date=day)
    assert found.deadlines == (
        date(2009, 1, 19),
        date(2009, 2, 26),
        date(2009, 5, 7),
        date(2009, 7, 30),
        date(2009, 10, 29),
    )


def test_a_paragraph_that_breaks_off_at_senast_is_dated_by_the_days_below() -> None:
    text = (
        "Tertialdialoger\n\nTrafikverket ska redovisa underlag inför tertialdialoger med Regeringskansliet. "
        "Underlagen ska redovisas till Regeringskansliet (Infrastrukturdepartementet) senast\n\n"
        "– den 24 februari,\n\n– den 22 maj, och\n\n– den 22 september.\n"
    )
    day = date(2026, 12, 18)
    found = commitments(run(text, today=day, document_date=day))
    assert [f.deadlines for f in found] == [(date(2027, 2, 24), date(2027, 5, 22), date(2027, 9, 22))]


def test_the_days_pointed_to_may_come_after_a_comment_and_their_own_lead() -> None:
    text = (
        "Lantmäteriet ska redovisa utgiftsprognoser för 2027-2030 vid nedanstående prognostillfällen.\n\n"
        "Prognoserna för januari och februari ska liksom tidigare göras i utgiftstermer.\n\n"
        "Redovisningen av prognoserna ska ske\n- 19 januari\n- 26 februari\n- 7 maj.\n"
    )
    day = date(2026, 12, 18)
    found = [f for f in commitments(run(text, today=day, document_date=day)) if "Lantmäteriet" in f.text]
    assert [f.deadlines for f in found] == [(date(2027, 1, 19), date(2027, 2, 26), date(2027, 5, 7))]


def test_how_a_letters_reports_are_filed_and_paid_is_no_task() -> None:
    # Written by the team in the shape of an appropriation letter's conditions.
    for said in (
        "Prognoserna ska lämnas i informationssystemet Hermes enligt instruktion från Ekonomistyrningsverket.",
        "Beloppet ska betalas efter fakturering från Myndigheten för samhällsskydd och beredskap.",
        "Särskild vikt ska läggas vid den del av redovisningen som gäller miljökvalitetsmålen.",
    ):
        assert commitments(run(said, today=date(2026, 12, 18))) == [], said
    # a report with a date is still one
    (found,) = commitments(run("Prognoserna ska lämnas i Hermes senast den 19 januari 2027.", today=date(2026, 12, 18)))
    assert found.deadlines == (date(2027, 1, 19),)
