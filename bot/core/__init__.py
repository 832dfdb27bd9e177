"""The pure core, as the path of a question: normalise, retrieve, score, decide, reply, render.

Nothing here imports discord.py; the command line and the Discord bot are adapters over it.
"""
