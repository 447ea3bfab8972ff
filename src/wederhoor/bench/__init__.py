"""``python -m wederhoor.bench``: speed and memory of every stage (runner, corpus, stage)."""
