"""Train's own options that can be checked without building a model or reading the corpus.

Each of them is otherwise used only after the split, the labels and the fit (the logger at
the very end, ``data.groups`` when the scores are grouped), so a typo cost the whole run and
left a half-finished folder. ``train`` checks them before Hydra makes the run folder (its
``before`` hook, once per job of a sweep) and again at the top of every run, for sweeps and
in-process callers.
"""

from __future__ import annotations

from typing import Any

from omegaconf import DictConfig

from wederhoor.errors import UserError

LABEL_SOURCES = ("silver", "gold")


def build_node(node: Any, where: str, hint: str) -> Any:
    """Instantiate one config node; a UserError raised while building it is passed on as it
    is, any other failure becomes one line naming ``where`` (``hint``: where its configs
    live)."""
    from hydra.errors import InstantiationException
    from hydra.utils import instantiate

    try:
        return instantiate(node)
    except InstantiationException as exc:
        cause = exc.__cause__ or exc
        if isinstance(cause, UserError):
            raise cause from None
        raise UserError(f"cannot build {where} from its config: "
                        f"{' '.join(str(cause).split())[:300]}; check the {where}.* "
                        f"overrides (see {hint})") from None


def check_labels(cfg: DictConfig) -> None:
    """train_labels, also_labels and reference_labels: silver or gold (reference: or null)."""
    from wederhoor.io.options import one_of

    for option in ("train_labels", "also_labels"):
        one_of(cfg, option, LABEL_SOURCES)
    if cfg.get("reference_labels") is not None:
        one_of(cfg, "reference_labels", LABEL_SOURCES, "or reference_labels=null for no "
               "reference row")


def check_embeddings(cfg: DictConfig) -> None:
    """embeddings.encoder and embeddings.prefix name things that exist, whatever the model
    (a typo is otherwise silent until an e5 model is chosen)."""
    from wederhoor.io.options import one_of
    from wederhoor.modeling.embeddings import ENCODERS, PREFIXES

    if cfg.get("embeddings") is None:
        return
    one_of(cfg, "embeddings.encoder", ENCODERS, "modeling/embeddings.py")
    one_of(cfg, "embeddings.prefix", PREFIXES)


def check_patterns(cfg: DictConfig) -> None:
    """data.groups (name: regular expression), data.rounds and train_weights, all used only
    after the fit, read now."""
    from wederhoor.evaluation.groups import compile_groups, compile_rounds
    from wederhoor.modeling.fitting import row_weights

    compile_groups(cfg.data.get("groups"))
    compile_rounds(cfg.data.get("rounds"), "data.rounds")
    row_weights(cfg.get("train_weights") or {}, [])


def check_train_options(cfg: DictConfig) -> None:
    """Every train option that needs neither a model nor the corpus, in one place; raises
    UserError naming the first bad one. The logger is built (and dropped) to learn whether it
    can work: ``logger=mlflow`` needs its optional extra."""
    from wederhoor.io.language import check_lang_option

    check_labels(cfg)
    check_lang_option(cfg.lang)
    check_patterns(cfg)
    check_embeddings(cfg)
    build_node(cfg.logger, "logger", "conf/logger/")
