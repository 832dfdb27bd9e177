"""Score the retrieved entries: how much of the question each covers, and how closely."""
