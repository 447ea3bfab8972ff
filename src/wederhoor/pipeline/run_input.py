"""A researcher's text as a training run reads it, for the commands that apply a run to it.

``predict``, ``score`` and ``estimate`` must split new text with the run's own segmenter and
read each document's language as the run did, or the models see other sentences than they
were trained on; one function does it for all three.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def run_input(run_dir: Path, input: str, lang: str | None, workers: int = 0) -> Any:
    """``input`` as one row per sentence (a DataFrame): split by the run's segmenter (a
    sentence table is taken as it is), each document's language as the run reads it unless
    ``lang`` forces one; a warning when it holds a language the run was not trained on."""
    from wederhoor.errors import warn
    from wederhoor.io.run_folder import (
        build_segmenter,
        load_run_config,
        run_language,
        trained_languages,
    )
    from wederhoor.pipeline.engine import sentences
    from wederhoor.pipeline.sentences import segmenter_for

    trained = load_run_config(run_dir)
    trained_lang = run_language(run_dir, trained)
    segmenter = segmenter_for(input, build_segmenter(run_dir, trained))
    frame = sentences(input, lang or trained_lang, None, segmenter, workers=workers).to_pandas()
    seen = trained_languages(run_dir, trained_lang)  # empty: not known
    other = sorted(set(frame["lang"]) - seen) if len(frame) and seen else []
    if other:
        warn(f"{run_dir.name} was trained on {'/'.join(sorted(seen))} text but {input} "
             f"holds {'/'.join(other)} text; its predictions there are unreliable")
    return frame
