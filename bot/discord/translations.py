"""Localisation hooks: command names and descriptions as Discord shows them in other languages."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import discord
from discord import app_commands

CATALOGUE: Mapping[str, Mapping[str, str]] = {
    "de": {
        "Ask about the BMW 1M Coupe's production": "Frag zur Produktion des BMW 1M Coupé",
        "Your question, e.g. how many 1Ms is the US getting?": (
            "Deine Frage, z. B. wie viele 1M bekommen die USA?"
        ),
        "Ask onem-bot about this message": "onem-bot dazu fragen",
    },
    "fr": {
        "Ask about the BMW 1M Coupe's production": "Une question sur la production du BMW 1M Coupé",
        "Your question, e.g. how many 1Ms is the US getting?": (
            "Votre question, p. ex. combien de 1M pour les États-Unis ?"
        ),
        "Ask onem-bot about this message": "Demander à onem-bot",
    },
}
"""English text -> translation, by Discord locale. Untranslated text shows in English."""


class CatalogueTranslator(app_commands.Translator):
    """Translate command names and descriptions from a catalogue when commands are synced."""

    def __init__(self, catalogue: Mapping[str, Mapping[str, str]] = CATALOGUE) -> None:
        self.catalogue = catalogue

    async def translate(
        self,
        string: app_commands.locale_str,
        locale: discord.Locale,
        context: app_commands.TranslationContextTypes,
    ) -> str | None:
        """Return the catalogue's translation, or None to keep the English text."""
        return self.catalogue.get(locale.value, {}).get(string.message)


def localised(text: str, **extras: Any) -> app_commands.locale_str:
    """Mark a command's name or description for translation."""
    return app_commands.locale_str(text, **extras)
