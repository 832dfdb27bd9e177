"""The pure core: knowledge models, loading, matching and replies. Never imports discord."""
