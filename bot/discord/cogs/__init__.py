"""The cogs, each loaded as an extension in setup_hook."""
