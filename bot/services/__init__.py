"""The application's services: what the bot does, independent of Slack's wire format."""
