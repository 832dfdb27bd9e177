"""Compose the reply, a plain data object: the answer with its claim and sources, or suggestions."""
