"""Run the benchmark: ``python -m wederhoor.bench``."""

from wederhoor.bench.runner import main

main()
