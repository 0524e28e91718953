"""User text never becomes Slack markup: no pings, no fake links."""

from __future__ import annotations

from bot.slack_format import Mrkdwn, escape, link, parse_mentions, unescape
from bot.texts import Texts
from bot.ui.routines import snippet_md, source_md


def test_escape_and_unescape() -> None:
    assert escape("<!channel> & <https://evil|Intranätet>") == "&lt;!channel&gt; &amp; &lt;https://evil|Intranätet&gt;"
    assert unescape(escape("a < b & c > d")) == "a < b & c > d"
    assert escape(Mrkdwn("<@U1>")) == "<@U1>"


def test_templates_escape_user_values_by_default() -> None:
    texts = Texts()
    out = texts.md("search_empty.md.j2", query="<!channel> <https://x|y>")
    assert "<!channel>" not in out and "&lt;!channel&gt;" in out
    assert texts.get_md("err_unknown_committee", code="<!here>").count("&lt;!here&gt;") == 1


def test_link_labels_are_escaped() -> None:
    assert link("https://example.se/a", "<b> & c") == "<https://example.se/a|&lt;b&gt; &amp; c>"


def test_mentions_in_command_text() -> None:
    assert parse_mentions("ny BUN text <@U123ABC|anna> och <@W9|bo>") == [
        ("U123ABC", (12, 27)),
        ("W9", (32, 40)),
    ]


def test_every_string_renders() -> None:
    """Each macro in strings*.j2 renders with plausible parameters (no typo hides in a rare error path)."""
    from datetime import UTC, date, datetime

    texts = Texts()
    samples: dict[str, object] = {"limit": 10, "length": 12, "value": "x", "date": date(2027, 1, 1), "code": "BUN"}
    samples.update(ref="BUN-1", chars=12345, pages=3, page=2, number=4, confidence=0.8, dates=[date(2027, 4, 30)])
    samples.update(size_mb=25.5, limit_mb=20, note="ocr_1_as_i")
    # A passed deadline in the import's review (strings_import.j2).
    samples.update(deadline=date(2023, 4, 30), today=date(2027, 1, 11))
    # The follow-up pack's strings (strings_reports.j2).
    moment = datetime(2027, 1, 13, 9, 0, tzinfo=UTC)
    samples.update(day=date(2027, 4, 30), at=moment, old=date(2027, 4, 30), new=date(2027, 12, 31), n=3, count=3)
    samples.update(report_date=date(2023, 3, 10), answer_date=date(2023, 4, 20), known=["BUN", "SN"])
    # The reminder settings in words (strings_reminders.j2).
    samples.update(days=21, before_days=[14, 3], on_the_day=True, overdue_every_days=7, escalate_after_days=14)
    # The console's clock (strings.j2).
    samples.update(when=moment)
    # The committee's year in Slack (strings_slack_year.j2): a year is counted from, a month named.
    samples.update(year=2027, month=3, high=60, most=24, event="delarsrapport")
    macros = {n: getattr(m, n) for m in texts._strings for n in dir(m) if not n.startswith("_")}
    assert len(macros) > 60
    for name, macro in macros.items():
        params = {p: samples.get(p, "x") for p in getattr(macro, "arguments", ())}
        assert texts.get(name, **params), name


def test_routine_snippets_are_escaped_but_their_marks_stay_bold() -> None:
    # bot/routines/search.py marks matched words with "*" in the raw text; escaping touches only & < >.
    assert snippet_md("…gör en *orosanmälan* <!channel> & sen") == "…gör en *orosanmälan* &lt;!channel&gt; &amp; sen"
    assert escape(snippet_md("<x>")) == "&lt;x&gt;"


def test_routine_sources_link_only_web_addresses() -> None:
    assert (
        source_md("https://intranat.example.se/a?b=1&c=2")
        == "<https://intranat.example.se/a?b=1&amp;c=2|intranat.example.se/a?b=1&amp;c=2>"
    )
    assert source_md("<!here> Pärm 3") == "&lt;!here&gt; Pärm 3"
    assert source_md("  ") is None


def test_texts_share_compiled_templates_but_each_shows_times_in_its_own_zone() -> None:
    # Compiled templates are kept for the whole process; the filters (and with them the time zone) are
    # each Texts' own, looked up when a template renders.
    from datetime import UTC, datetime
    from types import SimpleNamespace
    from zoneinfo import ZoneInfo

    event = SimpleNamespace(
        created_at=datetime(2027, 1, 11, 8, 0, tzinfo=UTC),
        who=None,
        kind="comment",
        comment=None,
        evidence_url=None,
    )
    in_stockholm = Texts(ZoneInfo("Europe/Stockholm")).md("commitment_history.md.j2", updates=[event], skipped=0)
    in_new_york = Texts(ZoneInfo("America/New_York")).md("commitment_history.md.j2", updates=[event], skipped=0)
    assert "kl. 09.00" in in_stockholm and "kl. 03.00" in in_new_york


def test_escaped_text_is_cut_to_its_limit_and_never_inside_an_entity() -> None:
    from bot.slack_format import escape_within

    assert escape_within("R&D", 100) == "R&amp;D"
    for limit in range(5, 40):
        cut = escape_within("a & b < c > d " * 10, limit)
        assert len(cut) <= limit
        body = cut.removesuffix("…")
        assert body.count("&") == body.count(";")  # every entity whole
