"""Turn typed text into comparable words: folding, numbers, slang, stems, the question's parts."""
