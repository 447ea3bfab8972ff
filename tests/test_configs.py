"""Every option of every config group composes and instantiates (as lightning-hydra-template)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hydra.utils import instantiate
from sklearn.pipeline import Pipeline

from wederhoor.cli import CONF_DIR


def _options(group: str) -> list[str]:
    return sorted(p.stem for p in (CONF_DIR / group).glob("*.yaml"))


def test_groups_mirror_the_code() -> None:
    for group in ("data", "segmenter", "labeler", "model", "cv", "logger", "experiment"):
        assert _options(group), f"config group {group} is empty"


@pytest.mark.parametrize("name", ["train", "split", "label", "predict"])
def test_primary_configs_compose(cfg_factory, name: str) -> None:
    cfg = cfg_factory(name)
    assert "paths" in cfg


@pytest.mark.parametrize("option", _options("model"))
def test_every_model_builds_a_pipeline_that_fits(cfg_factory, option: str) -> None:
    cfg = cfg_factory("train", [f"model={option}"])
    model = instantiate(cfg.model)
    assert isinstance(model, Pipeline)
    assert list(model.named_steps) == ["vectorizer", "classifier"]
    texts = ["hij ontkent alles", "zij beschuldigt hem", "het regent vandaag"] * 4
    model.fit(texts, ["denial", "accusation", "neutral"] * 4)
    assert set(model.predict(texts)) <= {"denial", "accusation", "neutral"}


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
    labeler = instantiate(cfg_factory("train", [f"labeler={option}"]).labeler)
    assert hasattr(labeler, "label")


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
    assert hasattr(instantiate(cfg_factory("train", [f"logger={option}"]).logger), "log_run")


@pytest.mark.parametrize("option", _options("data"))
def test_every_data_option(cfg_factory, option: str) -> None:
    cfg = cfg_factory("train", [f"data={option}"])
    assert "input" in cfg.data.keys()


@pytest.mark.parametrize("option", _options("experiment"))
def test_every_experiment_composes(cfg_factory, option: str) -> None:
    cfg = cfg_factory("train", [f"experiment={option}"])
    assert cfg.name


def test_run_folders_live_under_experiments(cfg_factory) -> None:
    cfg = cfg_factory("train")
    assert "/runs/" in cfg.hydra.run.dir and "%f" not in cfg.hydra.run.dir
    assert Path(cfg.paths.seeds).is_dir()
