"""Decide what to do with a ranking: answer, ask which one, decline; small talk and follow-ups."""
