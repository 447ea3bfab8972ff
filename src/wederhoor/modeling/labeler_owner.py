"""Transformers that run the rule labeler keep their own copy, built on first use.

The compiled lexicon is large and rebuilt in a second from the YAML, so a model file stores
only the options (``lexicons``, ``max_chars``), never the labeler. Within a process, copies
built from the same lexicon files share the compiled lexicon and the labels of the sentences
they labelled alone (``remembered_labels``). On a big input the labelling
is spread over worker processes (every core above ``PARALLEL_MIN_SENTENCES`` rows, as the
engine does), cut only between documents, so the features are the same as in one process.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wederhoor.modeling.remembered_labels import DocumentKey


def _labeler_for(lexicons: str | None, max_chars: int) -> Any:
    """A labeler for the features: it remembers the sentences it labelled alone, so that a
    second transformer of the same lexicon and ``max_chars`` looks them up
    (``remembered_labels``); compiled lexicons are shared anyway (``lexicon_loader``)."""
    from wederhoor.modeling.remembered_labels import RememberingLabeler

    return RememberingLabeler(lexicons=lexicons, max_chars=max_chars)


def label_each(labeler: Any, texts: Sequence[str], languages: Sequence[str]
               ) -> list[list[tuple[str, list[str]]]]:
    """Each sentence alone, once per language: (label, fired functions)."""
    return [[(label, list(fired)) for label, fired in
             (labeler.label_one(text, lang) for lang in languages)] for text in texts]


def _each_chunk(args: tuple[Any, ...]) -> list[list[tuple[str, list[str]]]]:
    lexicons, max_chars, texts, languages = args
    return label_each(_labeler_for(lexicons, max_chars), texts, languages)


def _documents_chunk(args: tuple[Any, ...]) -> tuple[list[str], list[Any]]:
    lexicons, max_chars, texts, langs, doc_ids = args
    labels, evidence = _labeler_for(lexicons, max_chars).label(texts, langs, doc_ids)
    return list(labels), list(evidence)


def document_cuts(doc_ids: Sequence[Any], parts: int) -> list[tuple[int, int]]:
    """(start, end) of about ``parts`` runs of rows, each cut where the doc_id changes."""
    n = len(doc_ids)
    cuts = [0]
    for k in range(1, parts):
        at = max(cuts[-1], k * n // parts)
        while 0 < at < n and doc_ids[at] == doc_ids[at - 1]:
            at += 1
        if cuts[-1] < at < n:
            cuts.append(at)
    cuts.append(n)
    return list(zip(cuts[:-1], cuts[1:], strict=True))


def _pool_map(fn: Any, chunks: list[tuple[Any, ...]]) -> list[Any]:
    """One worker per chunk, started the way the engine starts its workers (spawned, immune
    to Ctrl-C while they start, killed with the parent: pipeline/workers.py)."""
    from multiprocessing import get_context

    from wederhoor.pipeline.workers import die_with_parent, starting_workers

    with starting_workers():
        pool = get_context("spawn").Pool(len(chunks), initializer=die_with_parent)
    with pool:
        return pool.map(fn, chunks)


class OwnsRuleLabeler:
    """Mixin: the rule labeler for an estimator with ``lexicons`` and ``max_chars``."""

    lexicons: str | None
    max_chars: int

    def rule_labeler(self) -> Any:
        """Built once per process and never saved: model files hold no compiled patterns."""
        labeler = self.__dict__.get("_labeler_")
        if labeler is None:
            labeler = _labeler_for(self.lexicons, self.max_chars)
            self.__dict__["_labeler_"] = labeler
        return labeler

    def labels_each(self, texts: Sequence[str], languages: Sequence[str]
                    ) -> list[list[tuple[str, list[str]]]]:
        """``label_each``, on every core for a big input. What this process labelled before
        (any transformer of the same lexicon and ``max_chars``) is looked up, and what the
        workers label is remembered, so stacking's folds label each sentence once."""
        from wederhoor.modeling.remembered_labels import remember_each, remembered_each
        from wederhoor.pipeline.workers import worker_count

        labeler = self.rule_labeler()
        if worker_count(0, len(texts)) == 1:
            return label_each(labeler, texts, languages)  # the labeler looks up and remembers
        rows = remembered_each(labeler, texts, languages)
        missing = [text for text, row in zip(texts, rows, strict=True) if row is None]
        found: list[list[tuple[str, list[str]]]] = []
        if missing:
            workers = worker_count(0, len(missing))
            if workers == 1:
                found = label_each(labeler, missing, languages)
            else:
                chunks = [(self.lexicons, self.max_chars, missing[a:b], list(languages))
                          for a, b in document_cuts(list(range(len(missing))), workers)]
                found = [row for part in _pool_map(_each_chunk, chunks) for row in part]
                remember_each(labeler, missing, languages, found)
        labelled = iter(found)  # in the order of the missing texts
        return [row if row is not None else next(labelled) for row in rows]

    def labels_in_documents(self, texts: Sequence[str], langs: Sequence[str],
                            doc_ids: Sequence[str]) -> tuple[list[str], list[Any]]:
        """The labeler's document-context labels and evidence, on every core for a big input.
        A document this process labelled before (the same sentences and languages, the same
        lexicons, context rules and ``max_chars``) is looked up."""
        from wederhoor.labelers.context import document_spans
        from wederhoor.modeling.remembered_labels import documents_for, remember_document
        from wederhoor.pipeline.labeling import document_runs

        if document_runs(doc_ids) is not None:  # a document's rows lie apart: its labels
            return self._labels_in_documents(texts, langs, doc_ids)  # depend on the table
        store = documents_for(self.rule_labeler())
        labels: list[str] = [""] * len(texts)
        evidence: list[Any] = [""] * len(texts)
        todo: list[tuple[range, DocumentKey]] = []
        for span in document_spans(doc_ids):
            key = (tuple(texts[span.start:span.stop]), tuple(langs[span.start:span.stop]))
            known = store.get(key)
            if known is None:
                todo.append((span, key))
            else:
                labels[span.start:span.stop] = known[0]
                evidence[span.start:span.stop] = known[1]
        if todo:
            rows = [i for span, _ in todo for i in span]
            new_labels, new_evidence = self._labels_in_documents(
                [texts[i] for i in rows], [langs[i] for i in rows], [doc_ids[i] for i in rows])
            at = 0
            for span, key in todo:
                part = (tuple(new_labels[at:at + len(span)]),
                        tuple(new_evidence[at:at + len(span)]))
                labels[span.start:span.stop], evidence[span.start:span.stop] = part
                remember_document(store, key, part)
                at += len(span)
        return labels, evidence

    def _labels_in_documents(self, texts: Sequence[str], langs: Sequence[str],
                             doc_ids: Sequence[str]) -> tuple[list[str], list[Any]]:
        from wederhoor.pipeline.workers import worker_count

        workers = worker_count(0, len(texts))
        if workers == 1:
            alone = self.rule_labeler().label(texts, langs, doc_ids)
            return list(alone[0]), list(alone[1])
        chunks = [(self.lexicons, self.max_chars, list(texts[a:b]), list(langs[a:b]),
                   list(doc_ids[a:b])) for a, b in document_cuts(doc_ids, workers)]
        labels: list[str] = []
        evidence: list[Any] = []
        for part_labels, part_evidence in _pool_map(_documents_chunk, chunks):
            labels += part_labels
            evidence += part_evidence
        return labels, evidence

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state.pop("_labeler_", None)
        return state
