"""Readable terminal text for messages, modals and Home tabs."""

from __future__ import annotations

from bot.standin import Message, View, Workspace, mrkdwn_to_text, render_message, render_view


def workspace() -> Workspace:
    space = Workspace(now=lambda: 1_700_000_000.0)
    space.add_user("anna")
    space.add_channel("bun", members=["anna"])
    return space


def test_mrkdwn_becomes_plain_text() -> None:
    space = workspace()
    anna = space.user("anna").id
    bun = space.channel("bun").id
    text = f"*Klart* _nu_ ~inte~ <@{anna}> i <#{bun}> &amp; <https://kommun.se|rutinen> :white_check_mark:"
    assert mrkdwn_to_text(text, space) == "Klart nu inte @anna i #bun & rutinen (https://kommun.se) ✅"
    assert mrkdwn_to_text("2*3*4 och snake_case_name") == "2*3*4 och snake_case_name"
    assert mrkdwn_to_text("<!here> &lt;b&gt;") == "@here <b>"


def test_a_message_with_blocks() -> None:
    space = workspace()
    message = Message(
        channel=space.channel("bun").id,
        ts="1700000000.000100",
        text="fallback",
        user=space.bot_user.id,
        bot_id=space.bot_id,
        blocks=[
            {"type": "header", "text": {"type": "plain_text", "text": "BUN-1"}},
            {
                "type": "section",
                "text": {"type": "mrkdwn", "text": "*Rutin* för SIP"},
                "fields": [{"type": "mrkdwn", "text": "*Ägare*"}, {"type": "plain_text", "text": "Rektor"}],
            },
            {"type": "context", "elements": [{"type": "mrkdwn", "text": "Senast 30 april 2023"}]},
            {
                "type": "actions",
                "elements": [
                    {"type": "button", "action_id": "a", "text": {"type": "plain_text", "text": "Klar"}},
                    {
                        "type": "static_select",
                        "action_id": "s",
                        "placeholder": {"type": "plain_text", "text": "Status"},
                        "options": [
                            {"text": {"type": "plain_text", "text": "Pågår"}, "value": "p"},
                            {"text": {"type": "plain_text", "text": "Försenad"}, "value": "f"},
                        ],
                    },
                ],
            },
        ],
        ephemeral_to=space.user("anna").id,
    )
    text = render_message(message, space)
    assert text.splitlines()[0] == "atagandeboten · 2023-11-14 23:13 (bara synligt för dig)"
    assert "  BUN-1\n  ═════" in text
    assert "  Rutin för SIP" in text
    assert "Ägare" in text and "Rektor" in text
    assert "  · Senast 30 april 2023" in text
    assert "[ Klar ]  [ Status ▾ ]  (Pågår | Försenad)" in text


def test_a_modal_with_an_error_and_a_home_tab() -> None:
    space = workspace()
    view = View(
        id="V1",
        team_id=space.team.id,
        user_id=space.user("anna").id,
        type="modal",
        hash="h",
        app_id=space.app_id,
        bot_id=space.bot_id,
        title={"type": "plain_text", "text": "Nytt åtagande"},
        submit={"type": "plain_text", "text": "Spara"},
        close={"type": "plain_text", "text": "Avbryt"},
        blocks=[
            {
                "type": "input",
                "block_id": "text",
                "label": {"type": "plain_text", "text": "Åtagande"},
                "element": {"type": "plain_text_input", "action_id": "v"},
            }
        ],
        state={"text": {"v": {"type": "plain_text_input", "value": "SIP"}}},
        errors={"text": "Skriv minst fem tecken."},
    )
    assert render_view(view, space).splitlines() == [
        "╭─ Nytt åtagande " + "─" * 25,
        "│ Åtagande",
        "│   [ SIP ]",
        "│   ! Skriv minst fem tecken.",
        "╰─ [ Avbryt ]  [ Spara ] " + "─" * 10,
    ]
    home = View(
        id="V2",
        team_id=space.team.id,
        user_id=view.user_id,
        type="home",
        hash="h",
        app_id=space.app_id,
        bot_id=space.bot_id,
        blocks=[{"type": "section", "text": {"type": "mrkdwn", "text": "Inga åtaganden"}}],
    )
    assert render_view(home, space) == "═══ Hem · atagandeboten ═══\nInga åtaganden"
