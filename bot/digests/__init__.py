"""Weekly digests for committee channels and the monthly overview for Kommunstyrelsen.

`schedule` says when they go out (pure date arithmetic), `content` loads what
they report from the database, `blocks` turns that into Slack messages. Sending
goes through the outbox elsewhere; nothing here talks to Slack.
"""
