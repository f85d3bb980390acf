"""How well Dutch texts fit each other: BM25 (bm25s) over Snowball stems, without Dutch stop words.

A shared onderwerp says two kennis items are about the same field; it does not say that an
ervaring answers a vraag (computer help at home and reading aloud both "recruit volunteers").
Their words do. Every text is cut into words, stop words from bm25s's Dutch list are dropped,
and the rest reduced to their Snowball stems ("vrijwilligers", "vrijwilliger" → "vrijwil"),
so that a word counts whatever its form. BM25 then weighs what two texts share: a word found
in few texts (spreekuur) counts much more than one found in most (wijk, we).

A raw BM25 score grows with the length of the query and with the number of texts. So a fit is
given as a share of the query's score against itself: 1 is as close as a text can come, 0 is
nothing in common. That makes one threshold (`RELATED`) mean the same in a city of ten kennis
items and of a thousand.
"""

from __future__ import annotations

from collections.abc import Sequence

import bm25s
import numpy as np
import snowballstemmer

# A text relates to a query when its fit is at least this. Measured on the demo city (see
# docs/kennis.md): the pairs that relate fit 0.056 or more; the known false match 0.012, and
# pairs that share only everyday words 0.04 or less.
RELATED = 0.05

_STEMMER = snowballstemmer.stemmer("dutch")


def words(text: str) -> list[str]:
    """The stems of `text` that count: lowercase words of two letters or more, no stop words."""
    [tokens] = bm25s.tokenize([text], stopwords="nl", stemmer=_STEMMER, return_ids=False, show_progress=False)
    return tokens


class TextFit:
    """The BM25 index of a set of texts, and how well each fits one of them."""

    def __init__(self, texts: Sequence[str]):
        """Index `texts` in one pass: the weight of a word comes from how many of them hold it."""
        self.size = len(texts)
        tokens = bm25s.tokenize(list(texts), stopwords="nl", stemmer=_STEMMER, return_ids=False, show_progress=False)
        # The query is a text's distinct words: a word repeated in a question asks no more.
        self._queries = [list(dict.fromkeys(t)) for t in tokens]
        self._bm25 = bm25s.BM25()
        if any(self._queries):
            self._bm25.index(tokens, show_progress=False)

    def fit(self, query: int) -> np.ndarray:
        """How well every text fits text number `query`, as a share of its fit with itself (0 to 1).

        All zeros for a text without words that count.
        """
        if not self._queries[query]:
            return np.zeros(self.size)
        scores = self._bm25.get_scores(self._queries[query])
        return scores / scores[query]
