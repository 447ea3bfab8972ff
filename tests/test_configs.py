"""Every option of every config group composes and instantiates (as lightning-hydra-template)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hydra.utils import instantiate
from sklearn.pipeline import Pipeline

from tests.clitools import STAND_IN_EMBEDDINGS
from wederhoor.cli import CONF_DIR
from wederhoor.modeling.models import model_input


def _options(group: str) -> list[str]:
    return sorted(p.stem for p in (CONF_DIR / group).glob("*.yaml"))


def test_groups_mirror_the_code() -> None:
    for group in ("data", "segmenter", "labeler", "model", "cv", "logger", "experiment"):
        assert _options(group), f"config group {group} is empty"


MANDATORY = {"train": set(), "split": {"input", "output"}, "label": {"input", "output"},
             "predict": {"input", "output"}, "bench": set(), "gold_check": set(),
             "label_report": set(), "segeval": set(), "compare": set(),
             "agreement": set(), "learning_curve": set(), "score": {"input"},
             "estimate": {"input"}, "sample": {"input", "output"}}


def test_every_primary_config_is_listed() -> None:
    assert set(MANDATORY) == {p.stem for p in CONF_DIR.glob("*.yaml")}


@pytest.mark.parametrize("name", sorted(MANDATORY))
def test_primary_configs_compose_and_ask_for_what_the_command_needs(cfg_factory,
                                                                    name: str) -> None:
    from omegaconf import OmegaConf

    cfg = cfg_factory(name)
    missing = {k for k in cfg if k != "hydra" and OmegaConf.is_missing(cfg, k)}
    assert missing == MANDATORY[name]


@pytest.mark.parametrize("option", _options("model"))
def test_every_model_builds_a_pipeline_that_fits(cfg_factory, option: str) -> None:
    cfg = cfg_factory("train", [f"model={option}", STAND_IN_EMBEDDINGS])
    model = instantiate(cfg.model)
    assert isinstance(model, Pipeline)
    assert list(model.named_steps) == ["vectorizer", "classifier"]
    texts = ["hij ontkent alles", "zij beschuldigt hem", "het regent vandaag"] * 4
    table = pd.DataFrame({"text": texts, "doc_id": [f"d{i // 2}" for i in range(12)],
                          "lang": "nl"})
    x = model_input(model, table)
    model.fit(x, ["denial", "accusation", "neutral"] * 4)
    assert set(model.predict(x)) <= {"denial", "accusation", "neutral"}


def test_model_part_can_be_overridden_alone(cfg_factory) -> None:
    cfg = cfg_factory("train", ["model.vectorizer.ngram_range=[1,3]", "model.classifier.C=0.5"])
    model = instantiate(cfg.model)
    assert model.named_steps["vectorizer"].ngram_range == (1, 3)
    assert model.named_steps["classifier"].C == 0.5
    assert model.named_steps["vectorizer"].sublinear_tf is True


@pytest.mark.parametrize("option", _options("segmenter"))
def test_every_segmenter(cfg_factory, option: str) -> None:
    seg = instantiate(cfg_factory("train", [f"segmenter={option}"]).segmenter)
    assert seg.split("Eerste zin. Tweede zin.\nDerde", "nl")


@pytest.mark.parametrize("option", _options("labeler"))
def test_every_labeler(cfg_factory, option: str) -> None:
    from wederhoor.cli import PROJECT_ROOT

    labeler = instantiate(cfg_factory("train", [f"labeler={option}"]).labeler)
    if option == "gold":  # the seed document's first two gold sentences, read back
        gold = PROJECT_ROOT / "seeds" / "gold.csv"
        import pandas as pd

        rows = pd.read_csv(gold, nrows=2, keep_default_na=False)
        texts, docs, expected = list(rows["text"]), list(rows["doc_id"]), list(rows["label"])
    else:
        texts = ["De directeur ontkent alle beschuldigingen.", "Het OM verdenkt hem van fraude."]
        docs, expected = ["a", "a"], ["denial", "accusation"]
    labels, _ = labeler.label(texts, ["nl", "nl"], docs)
    assert list(labels) == expected


@pytest.mark.parametrize("option", _options("cv"))
def test_every_cv(cfg_factory, option: str) -> None:
    cv = instantiate(cfg_factory("train", [f"cv={option}"]).cv)
    groups = [f"d{i}" for i in range(10) for _ in range(3)]
    y = ["accusation", "denial", "neutral"] * 10
    parts = ["dev" if i < 21 else "test" for i in range(30)]
    folds = list(cv.split(None, y, groups, parts=parts))
    assert len(folds) == cv.get_n_splits(groups=groups)
    g = np.asarray(groups)
    for train, test in folds:
        assert len(train) and len(test) and not set(g[train]) & set(g[test])


@pytest.mark.parametrize("option", _options("logger"))
def test_every_logger(cfg_factory, option: str) -> None:
    import importlib.util

    from hydra.errors import InstantiationException

    node = cfg_factory("train", [f"logger={option}"]).logger
    if option == "mlflow" and importlib.util.find_spec("mlflow") is None:
        # without the optional extra the logger refuses to be built, so a train learns it
        # before any work rather than after the fit
        with pytest.raises(InstantiationException) as caught:
            instantiate(node)
        assert "make mlflow-install" in str(caught.value.__cause__)
        return
    assert hasattr(instantiate(node), "log_run")


@pytest.mark.parametrize("option", _options("data"))
def test_every_data_option(cfg_factory, option: str) -> None:
    from omegaconf import OmegaConf

    cfg = cfg_factory("train", [f"data={option}"])
    if option == "custom":  # the user must name their corpus; nothing else is assumed
        assert OmegaConf.is_missing(cfg.data, "input") and cfg.data.gold is None
    else:
        assert Path(cfg.data.input).is_dir() and Path(cfg.data.gold).is_file()


@pytest.mark.parametrize("option", _options("experiment"))
def test_every_experiment_composes(cfg_factory, option: str) -> None:
    from wederhoor.experiment import build_components

    cfg = cfg_factory("train", [f"experiment={option}", STAND_IN_EMBEDDINGS])
    parts = build_components(cfg)  # builds every group and smoke-fits the models
    assert hasattr(parts.model, "predict") and parts.splitter.get_n_splits() >= 1
    assert all(hasattr(m, "predict") for m in parts.also.values())
    assert parts.segmenter.split("Hij kwam. Zij ging.", "nl") == ["Hij kwam.", "Zij ging."]
    labels, _ = parts.labeler.label(["De minister ontkent elke betrokkenheid."], ["nl"])
    assert labels == ["denial"]


def test_run_folders_live_under_experiments(cfg_factory) -> None:
    cfg = cfg_factory("train")
    assert "/runs/" in cfg.hydra.run.dir and "%f" not in cfg.hydra.run.dir
    assert Path(cfg.paths.seeds).is_dir()
