"""The curated knowledge shipped with onem-bot (data only; see onem.yaml)."""
