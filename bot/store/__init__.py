"""The bot's embedded store: questions asked, choices, feedback and teaching, per server."""
