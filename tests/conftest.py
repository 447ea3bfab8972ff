"""Shared fixtures: composed Hydra configs pointed at tmp_path, small corpora on disk."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hydra import compose, initialize_config_dir
from hydra.core.global_hydra import GlobalHydra
from hydra.core.hydra_config import HydraConfig
from omegaconf import DictConfig, open_dict

from wederhoor.cli import CONF_DIR, PROJECT_ROOT, register_resolvers

os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
register_resolvers()

SEEDS = PROJECT_ROOT / "seeds"


def compose_cfg(config_name: str, overrides: list[str], out: Path) -> DictConfig:
    """Compose like the CLI does, with the run folder under ``out``."""
    GlobalHydra.instance().clear()
    with initialize_config_dir(str(CONF_DIR), version_base="1.3"):
        cfg = compose(config_name=config_name, overrides=overrides, return_hydra_config=True)
    with open_dict(cfg):
        cfg.paths = cfg.get("paths") or {}
        cfg.paths.experiments = str(out)
        cfg.hydra.runtime.output_dir = str(out / "run")
        cfg.hydra.job.num = 0
        cfg.hydra.runtime.choices = cfg.hydra.runtime.get("choices", {})
    HydraConfig().set_config(cfg)
    return cfg


@pytest.fixture
def cfg_factory(tmp_path: Path):
    def make(config_name: str = "train", overrides: list[str] | None = None) -> DictConfig:
        return compose_cfg(config_name, overrides or [], tmp_path)

    yield make
    GlobalHydra.instance().clear()


@pytest.fixture(scope="session")
def stage_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One split/label cache for the tests of one worker that run the whole seed corpus
    through the same segmenter and labeler: the cache is keyed by content, so each such test
    still gets the stage output of its own config, and only the first one computes it."""
    return tmp_path_factory.mktemp("stage-cache")


@pytest.fixture
def nl_docs(tmp_path: Path) -> Path:
    """A folder of three short Dutch documents, one with a date header."""
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "date 2024-05 Burgemeester ontkent fraude\n"
        "De burgemeester van Nijldorp ontkent dat hij subsidies heeft verduisterd. "
        "De oppositie beschuldigt hem van machtsmisbruik.\n"
        "De gemeenteraad vergadert donderdag.\n",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        "Het parket vervolgt de directeur van Bakkerij Kroes voor oplichting. "
        "Zijn advocaat noemt de aantijgingen uit de lucht gegrepen.\n"
        "Het proces begint in maart.\n",
        encoding="utf-8",
    )
    (folder / "c.txt").write_text(
        "De zomer was warmer dan gemiddeld. Het KMI meldt 32 tropische dagen.\n",
        encoding="utf-8",
    )
    return folder
