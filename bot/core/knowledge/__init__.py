"""Load and validate a knowledge file into frozen data: entries, sources, synonyms, small talk."""
