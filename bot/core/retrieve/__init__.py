"""Index a knowledge file and find the entries (and phrasings) a question could mean."""
