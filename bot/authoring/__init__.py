"""Tools for the people who write the knowledge: lint, evaluation, JSON Schema, teaching."""
