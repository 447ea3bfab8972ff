"""``python -m wederhoor.gold_check``: does the gold file still match the segmentation?

Gold labels are keyed by document and sentence text. When the segmenter changes, some gold
sentences may no longer be produced; this command lists them so they can be relabelled.

Listing mismatches is the command's report, not a failure: it exits 0 whatever it lists
(the seed corpus has known mismatches, so a clean clone must not fail). It exits non-zero
only on real errors: no gold file configured, an unreadable gold or input file (exit 2).
"""

from __future__ import annotations

from omegaconf import DictConfig

from wederhoor.cli import hydra_app


@hydra_app("gold_check")
def main(cfg: DictConfig) -> None:
    from hydra.utils import instantiate

    from wederhoor.errors import UserError
    from wederhoor.io.documents import input_path
    from wederhoor.io.gold import load_gold
    from wederhoor.io.options import whole_number
    from wederhoor.pipeline.engine import sentences
    from wederhoor.pipeline.sentences import segmenter_for

    show = whole_number(cfg, "show", example="show=20")
    if not cfg.data.get("gold"):
        raise UserError("no gold file configured: set data.gold=PATH")
    input_path(cfg.data.input, "data.input")
    gold = load_gold(cfg.data.gold)
    segmenter = instantiate(cfg.segmenter)
    sents = sentences(cfg.data.input, cfg.lang, cfg.data.get("meta"),
                      segmenter_for(cfg.data.input, segmenter), workers=cfg.workers)
    missed = gold.unmatched(sents["doc_id"], sents["text"])
    labels = gold.lookup(sents["doc_id"], sents["text"])
    extra = [(d, t) for d, t, lab in zip(sents["doc_id"], sents["text"], labels, strict=True)
             if not lab]
    print(f"segmenter {segmenter.name}: {len(sents)} sentences, {len(gold.labels)} gold "
          f"sentences; {len(missed)} gold sentence(s) not produced, {len(extra)} produced "
          "sentence(s) without gold")
    for doc, text in missed[:show]:
        print(f"  gold only      {doc}: {text}")
    for doc, text in extra[:show]:
        print(f"  segmenter only {doc}: {text}")


if __name__ == "__main__":
    main()
