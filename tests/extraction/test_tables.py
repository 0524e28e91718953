"""Action plans: "Åtgärd:/Ansvarig:/Tidplan:" fields and Rekommendation | Åtgärd | Ansvarig | Tidplan tables."""

from __future__ import annotations

from datetime import date

from tests.extraction.helpers import commitments, recommendations, run

REF = date(2024, 3, 1)


def test_fields() -> None:
    text = (
        "Handlingsplan med anledning av granskningen\n\n"
        "Rekommendation 1: Säkerställ att SIP används.\n"
        "Åtgärd: Rutinen för SIP revideras och kommuniceras till alla enheter.\n"
        "Ansvarig: Verksamhetschef elevhälsa\n"
        "Tidplan: Senast 31 december 2024\n\n"
        "Rekommendation 2: Utveckla uppföljningen av samverkan.\n"
        "Åtgärd: En årlig uppföljning införs.\n"
        "Ansvarig: Kvalitetsstrateg\n"
        "Tidplan: Q2 2025\n"
    )
    ex = run(text, document_date=REF)
    recs = recommendations(ex)
    found = commitments(ex)
    assert [r.text for r in recs] == ["Säkerställ att SIP används.", "Utveckla uppföljningen av samverkan."]
    assert [f.text for f in found] == [
        "Rutinen för SIP revideras och kommuniceras till alla enheter.",
        "En årlig uppföljning införs.",
    ]
    assert [f.owner for f in found] == ["Verksamhetschef elevhälsa", "Kvalitetsstrateg"]
    assert [f.deadlines for f in found] == [(date(2024, 12, 31),), (date(2025, 6, 30),)]
    assert [f.deadline_phrase for f in found] == ["Senast 31 december 2024", "Q2 2025"]
    assert [f.answers for f in found] == [recs[0].span, recs[1].span]
    # The layout says outright what each part is: these are sure.
    assert all(f.confidence >= 0.9 for f in found)


def test_field_without_a_date_keeps_its_words() -> None:
    text = "Rekommendation: Nämnden bör följa upp.\nÅtgärd: Uppföljning sker.\nAnsvarig: Rektor\nTidplan: Löpande\n"
    (found,) = commitments(run(text, document_date=REF))
    assert found.deadlines == () and found.deadline_phrase == "Löpande"
    assert found.owner == "Rektor"


def test_table_cells_on_lines_of_their_own() -> None:
    text = (
        "Rekommendation\nÅtgärd\nAnsvarig\nTidplan\n"
        "Säkerställa att rutinen för\norosanmälan är känd\nRutinen gås igenom på\narbetsplatsträffar\n"
        "Rektor\nSenast juni 2024\n"
        "Utveckla samverkan med\nregionen\nEtt samverkansforum\ninrättas med BUP\nFörvaltningschef\nHösten 2024\n"
    )
    ex = run(text, document_date=REF)
    recs = recommendations(ex)
    found = commitments(ex)
    assert [r.text for r in recs] == [
        "Säkerställa att rutinen för orosanmälan är känd",
        "Utveckla samverkan med regionen",
    ]
    assert [(f.text, f.owner, f.deadlines) for f in found] == [
        ("Rutinen gås igenom på arbetsplatsträffar", "Rektor", (date(2024, 6, 30),)),
        ("Ett samverkansforum inrättas med BUP", "Förvaltningschef", (date(2024, 12, 31),)),
    ]
    assert [f.answers for f in found] == [r.span for r in recs]


def test_table_columns_apart_by_spaces() -> None:
    text = (
        "Rekommendation                 Åtgärd                          Ansvarig          Tidplan\n"
        "Säkerställa att rutinen för    Rutinen gås igenom på           Rektor            Senast juni 2024\n"
        "orosanmälan är känd            arbetsplatsträffar\n"
        "\n"
        "Utveckla samverkan med         Ett samverkansforum             Förvaltningschef  Hösten 2024\n"
        "regionen                       inrättas med BUP\n"
    )
    ex = run(text, document_date=REF)
    found = commitments(ex)
    assert [(f.text, f.owner, f.deadlines) for f in found] == [
        ("Rutinen gås igenom på arbetsplatsträffar", "Rektor", (date(2024, 6, 30),)),
        ("Ett samverkansforum inrättas med BUP", "Förvaltningschef", (date(2024, 12, 31),)),
    ]
    assert [r.text for r in recommendations(ex)] == [
        "Säkerställa att rutinen för orosanmälan är känd",
        "Utveckla samverkan med regionen",
    ]


def test_a_header_alone_is_no_table() -> None:
    ex = run("Åtgärd Ansvarig Tidplan\n\nNämnden har inte fattat något beslut.\n", document_date=REF)
    assert ex.findings == ()


def test_table_with_pipes_or_tabs() -> None:
    for sep in (" | ", "\t"):
        rows = [
            ["Nr", "Rekommendation", "Åtgärd", "Ansvarig", "Klart"],
            [
                "1",
                "Säkerställa att delegationsbeslut anmäls",
                "Rutin för anmälan tas fram",
                "Nämndsekreterare",
                "2024-06-30",
            ],
            ["2", "Utveckla den interna kontrollen", "Kontroller av inköp läggs till", "Ekonomichef", "december 2024"],
        ]
        text = "Åtgärdsplan\n\n" + "\n".join(sep.join(r) for r in rows) + "\n"
        ex = run(text, document_date=REF)
        found = commitments(ex)
        assert [(f.text, f.owner, f.deadlines) for f in found] == [
            ("Rutin för anmälan tas fram", "Nämndsekreterare", (date(2024, 6, 30),)),
            ("Kontroller av inköp läggs till", "Ekonomichef", (date(2024, 12, 31),)),
        ], sep
        assert [f.answers for f in found] == [r.span for r in recommendations(ex)]
        for f in found:
            assert text[f.span[0] : f.span[1]] == f.text


def test_records_with_field_names_on_lines_of_their_own() -> None:
    record = "Rekommendation {n}\n{rec}\n{gap}Åtgärd\n{action}\n{gap}Ansvarig\n{owner}\n{gap}Tidplan\n{when}\n{gap}"
    for gap in ("", "\n"):
        text = "Förvaltningens svar\n\n" + "".join(
            record.format(n=n, rec=rec, action=action, owner=owner, when=when, gap=gap)
            for n, rec, action, owner, when in [
                (
                    1,
                    "Nämnden bör revidera riktlinjerna.",
                    "Riktlinjerna revideras.",
                    "Enhetschef",
                    "Senast 31 mars 2025",
                ),
                (
                    2,
                    "Nämnden bör kontrollera redovisningar.",
                    "Stickprov görs två gånger per år.",
                    "Controller",
                    "Löpande",
                ),
            ]
        )
        ex = run(text, document_date=REF)
        first, second = commitments(ex)
        assert (first.text, first.owner, first.deadlines) == (
            "Riktlinjerna revideras.",
            "Enhetschef",
            (date(2025, 3, 31),),
        ), gap
        # The Tidplan says no date; the rhythm in the action is kept.
        assert second.recurrence == "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1" and second.deadline_phrase == "Löpande"
        assert [f.answers for f in (first, second)] == [r.span for r in recommendations(ex)]


def test_word_table_with_an_empty_cell_and_a_comment_column() -> None:
    # As bot.documents reads a Word table: a cell a line, an empty cell a blank line, a blank line after each row.
    text = (
        "Svaren framgår av tabellen.\n"
        "Rekommendation\nFörvaltningens kommentar\nÅtgärd\nAnsvarig\nTidplan\n\n"
        "Nämnden bör se över reglerna.\nFörvaltningen delar bedömningen.\nReglerna revideras.\nFörvaltningschef\n"
        "Senast i juni 2025\n\n"
        "Nämnden bör säkerställa digital ansökan.\nEn e-tjänst finns.\nEn e-tjänst har införts.\n\nKlart\n\n"
        "Nämnden bör begära återrapportering.\nFörvaltningen instämmer.\nFörvaltningen redovisar fördelningen.\n"
        "Controller, kultur- och fritidsförvaltningen\nÅrligen, första gången i februari 2025\n\n"
        "Beslutet skickas till\nKommunens revisorer\n"
    )
    ex = run(text, document_date=REF)
    assert len(recommendations(ex)) == 3
    found = commitments(ex)
    assert [(f.text, f.owner) for f in found] == [
        ("Reglerna revideras.", "Förvaltningschef"),
        ("Förvaltningen redovisar fördelningen.", "Controller, kultur- och fritidsförvaltningen"),
    ]
    assert found[1].deadlines == (date(2025, 2, 28),)
    assert found[1].recurrence == "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1"


def test_flattened_table_with_numbered_rows_and_cells_over_short_lines() -> None:
    # pdftotext gives a table cell after cell, each cell broken over the column's width;
    # the header is repeated after a page break, and a done row is no commitment.
    text = (
        "Svar på revisionsrapport om föreningsbidrag\n\n"
        "Förvaltningen delar revisorernas bedömning och svarar i åtgärdsplanen nedan.\n\n"
        "Åtgärdsplan\n"
        "Rekommendation\nÅtgärd\nAnsvarig\nTidplan\n"
        "1. Nämnden bör se över\nriktlinjerna för bidrag.\n"
        "Riktlinjerna revideras och\nlämnas till nämnden för\nbeslut.\n"
        "Enhetschef för\nföreningsenheten\n"
        "Senast 30 september\n2024\n"
        "\fTJÄNSTESKRIVELSE Sida 2 (3)\n"
        "Rekommendation\nÅtgärd\nAnsvarig\nTidplan\n"
        "2. Nämnden bör\nsäkerställa digital\nansökan.\n"
        "En e-tjänst har införts.\n"
        "Föreningsenheten\n"
        "Genomfört\n(oktober 2023)\n"
        "3. Nämnden bör begära\nårlig återrapportering.\n"
        "Förvaltningen redovisar\nfördelningen för nämnden.\n"
        "Controller, kultur- och\nfritidsförvaltningen\n"
        "Årligen, första gången\ni februari 2025\n"
        "\n"
        "Beslutet skickas till\nKommunens revisorer\n"
    )
    ex = run(text, document_date=REF)
    recs = recommendations(ex)
    assert [r.text for r in recs] == [
        "1. Nämnden bör se över riktlinjerna för bidrag.",
        "2. Nämnden bör säkerställa digital ansökan.",
        "3. Nämnden bör begära årlig återrapportering.",
    ]
    found = commitments(ex)
    assert [(f.text, f.owner, f.deadlines) for f in found] == [
        (
            "Riktlinjerna revideras och lämnas till nämnden för beslut.",
            "Enhetschef för föreningsenheten",
            (date(2024, 9, 30),),
        ),
        (
            "Förvaltningen redovisar fördelningen för nämnden.",
            "Controller, kultur- och fritidsförvaltningen",
            (date(2025, 2, 28),),
        ),
    ]
    assert [f.answers for f in found] == [recs[0].span, recs[2].span]


def test_flattened_table_stops_where_its_rows_stop() -> None:
    text = (
        "Rekommendation\nÅtgärd\nAnsvarig\nTidplan\n"
        "Nämnden bör följa upp\nsamverkan.\nEn uppföljning görs\nvarje termin.\nRektor\nLöpande\n"
        "\n"
        "Förvaltningen har under lång tid arbetat med frågor om samverkan mellan skola och socialtjänst,\n"
        "och arbetet fortsätter i den ordinarie verksamheten utan särskilda beslut från nämnden.\n"
    )
    ex = run(text, document_date=REF)
    assert [(f.text, f.owner) for f in commitments(ex)] == [("En uppföljning görs varje termin.", "Rektor")]
