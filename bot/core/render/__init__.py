"""Render a reply for a reader: plain text for a terminal, JSON lines for programs."""
