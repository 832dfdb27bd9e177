"""onem-bot: answers BMW 1M production questions from a curated, sourced knowledge base."""

__version__ = "0.1.0"
