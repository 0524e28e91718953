"""Layout: lines, page headers, bullets, broken words and the map back to the original text."""

from __future__ import annotations

from bot.extraction.layout import bullet_of, label_of, split_lines, units_of
from bot.extraction.sentences import split_sentences


def test_page_headers_and_numbers_are_noise() -> None:
    text = (
        "Förvaltningen kommer att ta fram en\n"
        "Handlingstyp Sida\n"
        "Tjänsteskrivelse 3(4)\n"
        "Datum Diarienummer\n"
        "2024-05-02 2024/KS 0077\n"
        "\f"
        "ny rutin under hösten.\n"
        "- 4 -\n"
    )
    lines = split_lines(text)
    noise = [line.text for line in lines if line.kind == "noise"]
    assert noise == [
        "Handlingstyp Sida",
        "Tjänsteskrivelse 3(4)",
        "Datum Diarienummer",
        "2024-05-02 2024/KS 0077",
        "- 4 -",
    ]
    units = units_of(text, lines)
    assert [u.text for u in units] == ["Förvaltningen kommer att ta fram en ny rutin under hösten."]


def test_running_header_at_page_edges_is_noise() -> None:
    page = "Kultur- och fritidsförvaltningen\nText på sidan {n} slutar här.\n"
    text = "\f".join(page.format(n=n) for n in range(1, 5))
    kinds = {line.text: line.kind for line in split_lines(text)}
    assert kinds["Kultur- och fritidsförvaltningen"] == "noise"
    assert kinds["Text på sidan 2 slutar här."] == "text"


def test_footer_with_contact_details_is_noise() -> None:
    lines = split_lines("Postadress Box 12, 123 45 Orten Telefon 08-123 45 67 www.orten.se\nNämnden beslutar.\n")
    assert [line.kind for line in lines if line.text] == ["noise", "text"]


def test_bullets_as_ocr_leaves_them() -> None:
    for line, text in [
        ("• Ta fram en rutin", "Ta fram en rutin"),
        ("o Säkerställa att", "Säkerställa att"),
        ("e Vi har en plan", "Vi har en plan"),
        ("- Revidera planen", "Revidera planen"),
        ("\uf0b7 att revidera", "att revidera"),
        ("1. Styr nämnden", "Styr nämnden"),
        ("a) Rutinen", "Rutinen"),
    ]:
        found = bullet_of(line)
        assert found is not None, line
        assert line[found[1] :] == text
    for line in ("oktober 2023 ska", "3.2 Bedömning", "2023. Nämnden", "ett arbete"):
        assert bullet_of(line) is None, line


def test_labels() -> None:
    assert label_of("Förvaltningens kommentar:") == (
        "answer",
        "Förvaltningens kommentar",
        len("Förvaltningens kommentar:"),
    )
    assert label_of("Svar: Vi kommer")[:2] == ("answer", "Svar")  # type: ignore[index]
    assert label_of("Nämndens svar på rekommendation 2")[0] == "answer"  # type: ignore[index]
    assert label_of("Barn- och utbildningsnämndens svar:")[0] == "answer"  # type: ignore[index]
    assert label_of("Åtgärd: Rutinen revideras.")[0] == "action"  # type: ignore[index]
    assert label_of("Ansvarig: Rektor")[0] == "owner"  # type: ignore[index]
    assert label_of("Tidplan: Senast juni 2024")[0] == "deadline"  # type: ignore[index]
    assert label_of("Rekommendation 3: Nämnden bör …")[0] == "rec"  # type: ignore[index]
    # Not labels: a title, a question intro, a word in running text.
    assert label_of("Svar på revisionsskrivelse gällande samverkan") is None
    assert label_of("Vi har begärt svar på:") is None
    assert label_of("rekommendationer.") is None


def test_broken_words_are_joined_and_spans_map_back() -> None:
    text = "Arbetet med samver-\nkan och BUS-\nsamverkan ska följas upp månads-\noch delårsvis."
    (unit,) = units_of(text)
    assert unit.text == "Arbetet med samverkan och BUS-samverkan ska följas upp månads- och delårsvis."
    start = unit.text.index("samverkan")
    s, e = unit.clean.span(start, start + len("samverkan"))
    assert text[s:e] == "samver-\nkan"
    s, e = unit.clean.span(0, len(unit.text))
    assert (s, e) == (0, len(text))


def test_a_blank_line_inside_a_sentence_does_not_split_it() -> None:
    text = "att under våren utvärdera effekten av ledningsgruppens\n\norganisation och arbete,\n\natt revidera planen."
    units = units_of(text)
    assert [u.text for u in units] == [
        "att under våren utvärdera effekten av ledningsgruppens organisation och arbete,",
        "att revidera planen.",
    ]
    assert all(u.kind == "item" for u in units)


def test_att_items_after_an_intro_without_blank_lines() -> None:
    units = units_of("Svar: Vi kommer\natt ta fram en plan,\natt utbilda personalen.")
    assert [(u.kind, u.text) for u in units] == [
        ("label", "Vi kommer"),
        ("item", "att ta fram en plan,"),
        ("item", "att utbilda personalen."),
    ]


def test_headings() -> None:
    units = units_of(
        "Sammanfattning\n\nNämnden har svarat.\nBakgrund\nRevisorerna har granskat.\n\n3.2 Bedömning\nText."
    )
    assert [(u.kind, u.text) for u in units] == [
        ("heading", "Sammanfattning"),
        ("para", "Nämnden har svarat."),
        ("heading", "Bakgrund"),
        ("para", "Revisorerna har granskat."),
        ("heading", "3.2 Bedömning"),
        ("para", "Text."),
    ]


def test_sentences_respect_abbreviations() -> None:
    text = "Rutinen ses över bl.a. av rektor. Klart t.ex. i v. 12 enligt kap. 3. Sedan följs det upp."
    parts = [text[s:e] for s, e in split_sentences(text)]
    assert parts == ["Rutinen ses över bl.a. av rektor.", "Klart t.ex. i v. 12 enligt kap. 3.", "Sedan följs det upp."]


def test_a_task_whose_stop_was_lost_starts_a_sentence() -> None:
    # A decision's numbered points run together when the page is extracted: the stops and numbers are gone.
    text = (
        "Förvaltningen får i uppdrag att ta fram rutiner senast juni Förvaltningen får i uppdrag att "
        "förtydliga informationen senast december Kommunstyrelsen ges i uppdrag att revidera bidragen. "
        "Nämnden och Kommunstyrelsen får i uppdrag att samverka."
    )
    parts = [text[s:e] for s, e in split_sentences(text)]
    assert [p.split(" i uppdrag")[0] for p in parts] == [
        "Förvaltningen får",
        "Förvaltningen får",
        "Kommunstyrelsen ges",
        "Nämnden och Kommunstyrelsen får",
    ]


def test_a_running_header_with_its_page_number_is_noise_and_a_sentence_goes_on_across_it() -> None:
    # Found by a new user: "Kommunstyrelsen – Yttrande informationssäkerhet Sida 4" ended up inside a commitment.
    pages = [
        "Kommunstyrelsen – Yttrande Sida 1\nNämnden svarar här.\n",
        "Kommunstyrelsen – Yttrande Sida 2\nMer text om svaret.\nSamtliga ska ha genomgått utbildningen i\n",
        "Kommunstyrelsen – Yttrande Sida 3\ninformationssäkerhet senast vecka 12.\n",
    ]
    text = "\f".join(pages)
    kinds = {line.text: line.kind for line in split_lines(text)}
    assert all(kinds[f"Kommunstyrelsen – Yttrande Sida {n}"] == "noise" for n in (1, 2, 3))
    units = [u.text for u in units_of(text)]
    assert "Samtliga ska ha genomgått utbildningen i informationssäkerhet senast vecka 12." in units


def test_a_run_on_without_stops_is_cut_at_clauses_into_bounded_sentences() -> None:
    # An OCR page with no full stops would be one sentence; every reader looks back along a sentence, so its
    # length is bounded and the cuts fall after a comma where there is one.
    clause = "nämnden ska se över rutinen för delegering, "
    text = clause * 2_000
    pieces = split_sentences(text)
    assert len(pieces) > 1
    assert all(e - s <= 6_000 for s, e in pieces)
    assert all(text[e - 1] == "," for s, e in pieces[:-1])
    assert "".join(text[s:e] for s, e in pieces).replace(" ", "") == text.replace(" ", "")


def test_an_address_ends_a_sentence_whose_stop_was_lost() -> None:
    text = "Planen ska skickas till egetval@orebro.se Bedömningen är att bristerna är allvarliga."
    pieces = [text[s:e] for s, e in split_sentences(text)]
    assert pieces == ["Planen ska skickas till egetval@orebro.se", "Bedömningen är att bristerna är allvarliga."]


def test_a_long_run_of_letters_is_scanned_once_for_an_address() -> None:
    # The address pattern starts only at a word's start: a 300,000-letter token gives one sentence, at once.
    text = "a" * 300_000
    pieces = split_sentences(text)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
