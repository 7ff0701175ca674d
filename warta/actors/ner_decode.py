"""Batched CRF decoding: the NER's tags for many sentences at once, with numpy.

``ner_features.sentence_features`` spells every feature of every token as a string and
python-crfsuite looks each one up in the model: about 30 strings per token, half of
the NER's time. This module computes the same scores without the strings. What a
feature template contributes depends only on one token's type (its text and whether
its sentence has capitals) or on a few small casing classes, so each token type is
scored once, and a batch's state scores are a handful of numpy gathers over all its
positions. Viterbi then runs over every sequence of the batch together.

The weights are read from the crfsuite model file itself (the dump of
``Tagger.info()`` rounds them), so the tags are the ones crfsuite gives; a test checks
this on the NER dev data. Training keeps the string features.
"""

from __future__ import annotations

import struct
from pathlib import Path

import numpy as np

from warta.actors.ner_features import FIRST_AFTER, UPPER, Resources, token_info

# Casing classes as :func:`ner_features.case_class` spells them; "?" marks tokens of sentences
# without capitals (no casing features), "^"/"$" the padding before and after.
_CLASSES = ("?", "^", "$", "T", "U", "l", "d", "p", "m", "(U", "(T")
_CLASS_ID = {c: i for i, c in enumerate(_CLASSES)}
_NC = len(_CLASSES)
_MAX_TYPES = 500_000  # bound memory on endless streams, as the feature cache does
_CHUNK = 4_000  # sentences decoded together: bounds the score and index arrays


def read_crfsuite_model(path: Path) -> tuple[list[str], dict[str, int], np.ndarray, np.ndarray]:
    """Read a crfsuite CRF1d model file: ``(labels, attribute ids, state weights, transitions)``.

    State weights have one row per attribute id (plus a final all-zero row for unknown
    attributes) and one column per label; transitions are ``[from label, to label]``.
    """
    buf = Path(path).read_bytes()
    magic, _, mtype, _, _, n_labels, n_attrs, off_feat, off_labels, off_attrs = struct.unpack_from(
        "<4sI4sIIIIIII", buf, 0
    )
    if magic != b"lCRF" or mtype != b"FOMC":
        raise ValueError(f"{path} is not a crfsuite CRF1d model")
    labels = _cqdb_strings(buf, off_labels)
    attrs = _cqdb_strings(buf, off_attrs)
    chunk, _, n_feat = struct.unpack_from("<4sII", buf, off_feat)
    if chunk != b"FEAT" or len(labels) != n_labels or len(attrs) != n_attrs:
        raise ValueError(f"{path}: unexpected crfsuite model layout")
    feats = np.frombuffer(
        buf, dtype=np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("w", "<f8")]),
        count=n_feat, offset=off_feat + 12,
    )
    state = np.zeros((n_attrs + 1, n_labels))
    trans = np.zeros((n_labels, n_labels))
    s, t = feats[feats["type"] == 0], feats[feats["type"] == 1]
    state[s["src"], s["dst"]] = s["w"]
    trans[t["src"], t["dst"]] = t["w"]
    return labels, {a: i for i, a in enumerate(attrs)}, state, trans


def _cqdb_strings(buf: bytes, off: int) -> list[str]:
    """The strings of a CQDB string table, by id (its backward array)."""
    chunk, _, _, _, bwd_size, bwd_off = struct.unpack_from("<4sIIIII", buf, off)
    if chunk != b"CQDB":
        raise ValueError("crfsuite model: string table missing")
    out = []
    for at in struct.unpack_from(f"<{bwd_size}I", buf, off + bwd_off):
        _, size = struct.unpack_from("<II", buf, off + at)
        out.append(buf[off + at + 8 : off + at + 7 + size].decode("utf-8"))
    return out


class _Types:
    """What each token type (text, cased) contributes, in arrays indexed by type id."""

    # Attribute templates read from a neighbour: (field, feature prefix, token info index).
    NEIGHBOUR = (("wm1", "w-1=", 0), ("wp1", "w+1=", 0), ("wm2", "w-2=", 0), ("wp2", "w+2=", 0),
                 ("km1", "k-1=", 3), ("kp1", "k+1=", 3), ("em1", "e1-1=", 4), ("ep1", "e1+1=", 4),
                 ("mm1", "e2-1=", 5), ("mp1", "e2+1=", 5),
                 ("qm1", "q-1=", 2), ("qp1", "q+1=", 2), ("qm2", "q-2=", 2))
    # Word-pair templates: a position needs a lookup only if both words occur in such a pair.
    PAIRS = (("w-1w=", "pair_left_l", "pair_left_r"), ("ww+1=", "pair_right_l", "pair_right_r"))
    INTS = tuple(f for f, _, _ in NEIGHBOUR) + ("cls", "title", "lparen", "rparen", "first_after", "gaz") + tuple(
        f for _, left, right in PAIRS for f in (left, right))

    def __init__(self, res: Resources, attr: dict[str, int], state: np.ndarray) -> None:
        self.res, self.attr, self.state = res, attr, state
        self.null = state.shape[0] - 1
        self.pair_words = {prefix: _pair_words(attr, prefix) for prefix, _, _ in self.PAIRS}
        self.reset()

    def reset(self) -> None:
        """Forget every type but the two paddings (type 0 before, type 1 after a sentence)."""
        self.ids: dict[tuple[str, bool], int] = {}
        self.words: list[str] = []
        self.own = np.zeros((64, self.state.shape[1]))
        self.cols = {f: np.zeros(64, dtype=np.int64) for f in self.INTS}
        self._add("<s>", "^", "", "^", "", "", None)
        self._add("</s>", "$", "", "$", "", "", None)

    def type_ids(self, tokens: list[str], cased: bool) -> list[int]:
        """Type ids of a sentence's tokens, adding the types not seen before."""
        ids = self.ids
        out = []
        for tok in tokens:
            t = ids.get((tok, cased))
            if t is None:
                if len(self.words) >= _MAX_TYPES:
                    raise OverflowError  # the caller resets and starts the batch again
                # Uncached: this table is the cache, the feature strings are not kept.
                w, c, q, k, e1, e2, own = token_info(tok, cased, self.res)
                t = ids[(tok, cased)] = self._add(w, c, q, k, e1, e2, own)
            out.append(t)
        return out

    def _add(self, w: str, c: str, q: str, k: str, e1: str, e2: str, own: list[str] | None) -> int:
        t = len(self.words)
        if t == len(self.own):
            self.own = np.concatenate([self.own, np.zeros_like(self.own)])
            self.cols = {f: np.concatenate([a, np.zeros_like(a)]) for f, a in self.cols.items()}
        self.words.append(w)
        attr, null = self.attr, self.null
        if own:
            rows = [attr[f] for f in own if f in attr]
            self.own[t] = self.state[rows].sum(axis=0) if rows else 0.0
        info = (w, c, q, k, e1, e2)
        for field, prefix, i in self.NEIGHBOUR:
            value = info[i]
            self.cols[field][t] = attr.get(prefix + value, null) if value else null
        self.cols["cls"][t] = _CLASS_ID.get(c, 0)
        self.cols["title"][t] = "t" in q
        self.cols["lparen"][t] = w == "("
        self.cols["rparen"][t] = w == ")"
        self.cols["first_after"][t] = w in FIRST_AFTER
        self.cols["gaz"][t] = w in self.res.gaz_first
        for prefix, left, right in self.PAIRS:
            lefts, rights = self.pair_words[prefix]
            self.cols[left][t] = w in lefts
            self.cols[right][t] = w in rights
        return t


def _pair_words(attr: dict[str, int], prefix: str) -> tuple[frozenset[str], frozenset[str]]:
    """The first and second words of the model's ``prefix + "a|b"`` word-pair attributes.

    Tokens never contain "|" except the token "|" itself, so each attribute splits one way.
    """
    lefts, rights = set(), set()
    for name in attr:
        if name.startswith(prefix):
            body = name[len(prefix):]
            left, right = ("|", body[2:]) if body.startswith("|") else body.split("|", 1)
            lefts.add(left)
            rights.add(right)
    return frozenset(lefts), frozenset(rights)


class BatchDecoder:
    """Viterbi tags of a CRF trained on ``ner_features.sentence_features``, many sentences at a time."""

    def __init__(self, model_path: Path, res: Resources) -> None:
        self.labels, self.attr, self.state, self.trans = read_crfsuite_model(model_path)
        self.res = res
        self.types = _Types(res, self.attr, self.state)
        null = self.state.shape[0] - 1
        a = self.attr.get

        def table(prefix: str, n: int) -> np.ndarray:
            # Attribute id of prefix + the casing classes of an index tuple of length n.
            out = np.full((_NC,) * n, null, dtype=np.int64)
            for idx in np.ndindex(out.shape):
                out[idx] = a(prefix + "".join(_CLASSES[i] for i in idx), null)
            return out

        self.c_m1, self.c_p1 = table("c-1=", 1), table("c+1=", 1)
        self.c_m2, self.c_p2 = table("c-2=", 1), table("c+2=", 1)
        self.c_left, self.c_right = table("c-1c=", 2), table("cc+1=", 2)
        self.c_three, self.first = table("c-1cc+1=", 3), table("first", 1)
        self.tw, self.acr_next, self.acr_in = a("tw", null), a("acr_next", null), a("acr_in", null)

    def tag(self, sentences: list[list[str]]) -> list[list[str]]:
        """BIO tags of each tokenised sentence, as crfsuite's Viterbi gives them."""
        if not all(sentences):
            tags = iter(self.tag([s for s in sentences if s]))
            return [next(tags) if s else [] for s in sentences]
        if len(sentences) > _CHUNK:
            return [t for i in range(0, len(sentences), _CHUNK) for t in self.tag(sentences[i : i + _CHUNK])]
        if not sentences:
            return []
        try:
            tt = [self.types.type_ids(s, bool(UPPER.search(" ".join(s)))) for s in sentences]
        except OverflowError:
            self.types.reset()
            tt = [self.types.type_ids(s, bool(UPPER.search(" ".join(s)))) for s in sentences]
        lengths = np.fromiter((len(s) for s in tt), dtype=np.int64, count=len(tt))
        best = self._viterbi(self._scores(tt, lengths), lengths)
        labels = np.asarray(self.labels, dtype=object)[best]
        out, at = [], 0
        for n in lengths.tolist():
            out.append(labels[at : at + n].tolist())
            at += n
        return out

    def _scores(self, tt: list[list[int]], lengths: np.ndarray) -> np.ndarray:
        """State scores ``[position, label]`` of every token of the batch."""
        ty = np.fromiter((t for s in tt for t in s), dtype=np.int64, count=int(lengths.sum()))
        n = len(ty)
        starts = np.repeat(np.cumsum(lengths) - lengths, lengths)
        pos = np.arange(n) - starts
        size = np.repeat(lengths, lengths)

        def shifted(d: int) -> np.ndarray:
            # Type of the token d places away within the sentence, else the padding type.
            inside = (pos + d >= 0) & (pos + d < size)
            return np.where(inside, ty[np.clip(np.arange(n) + d, 0, n - 1)], 0 if d < 0 else 1)

        p1, p2, n1, n2 = shifted(-1), shifted(-2), shifted(1), shifted(2)
        cols, null, state = self.types.cols, self.types.null, self.state
        scores = self.types.own[ty]

        def add(ids: np.ndarray, where: np.ndarray | None = None) -> None:
            # One template's weights; positions where it does not fire get the zero row.
            np.add(scores, state[ids if where is None else np.where(where, ids, null)], out=scores)

        for field, index in (("wm1", p1), ("wp1", n1), ("wm2", p2), ("wp2", n2), ("km1", p1),
                             ("kp1", n1), ("em1", p1), ("ep1", n1), ("mm1", p1), ("mp1", n1),
                             ("qm1", p1), ("qp1", n1), ("qm2", p2)):
            add(cols[field][index])
        cls = cols["cls"]
        c, cp, cn = cls[ty], cls[p1], cls[n1]
        cased = c != 0
        for table, index in ((self.c_m1, (cp,)), (self.c_p1, (cn,)), (self.c_m2, (cls[p2],)),
                             (self.c_p2, (cls[n2],)), (self.c_left, (cp, c)), (self.c_right, (c, cn)),
                             (self.c_three, (cp, c, cn))):
            add(table[index], cased)
        add(self.first[c], cased & ((pos == 0) | (cols["first_after"][p1] == 1)))
        title = cols["title"]
        near = np.zeros(n, dtype=bool)
        for d in (2, 3, 4):
            near |= (pos >= d) & (title[ty[np.clip(np.arange(n) - d, 0, n - 1)]] == 1)
        add(np.full(n, self.tw), near)
        upper = _CLASS_ID["U"]
        add(np.full(n, self.acr_next), (pos + 3 < size) & (cols["lparen"][n1] == 1)
            & (cols["rparen"][shifted(3)] == 1) & (cls[n2] == upper))
        add(np.full(n, self.acr_in), (cols["lparen"][p1] == 1) & (cols["rparen"][n1] == 1) & (c == upper))
        for ids in self._bigrams(ty, p1, n1):
            add(ids)
        self._add_gazetteer(tt, lengths, cols["gaz"][ty], scores)
        return scores

    def _bigrams(self, ty: np.ndarray, p1: np.ndarray, n1: np.ndarray) -> list[np.ndarray]:
        """Attribute ids of the two word-pair features of every position."""
        words, attr, null, cols = self.types.words, self.attr, self.types.null, self.types.cols
        out = []
        for (prefix, left, right), (first, second) in zip(self.types.PAIRS, ((p1, ty), (ty, n1))):
            ids = np.full(len(ty), null, dtype=np.int64)
            at = np.flatnonzero((cols[left][first] == 1) & (cols[right][second] == 1))
            if len(at):
                a, b = first[at].tolist(), second[at].tolist()
                ids[at] = [attr.get(f"{prefix}{words[x]}|{words[y]}", null) for x, y in zip(a, b)]
            out.append(ids)
        return out

    def _add_gazetteer(self, tt: list[list[int]], lengths: np.ndarray, flagged: np.ndarray, scores: np.ndarray) -> None:
        """Add the gazetteer features around the few words that may start a gazetteer name.

        The same longest-match-first tags as ``ner_features.gazetteer_tags``: a match can only
        start at a flagged word, so only those are tried.
        """
        words, attr, res = self.types.words, self.attr, self.res
        starts = np.cumsum(lengths) - lengths
        sentence = np.repeat(np.arange(len(lengths)), lengths)
        at = np.flatnonzero(flagged == 1)
        by_sentence: dict[int, list[int]] = {}
        for k, i in zip(sentence[at].tolist(), (at - starts[sentence[at]]).tolist()):
            by_sentence.setdefault(k, []).append(i)
        for k, candidates in by_sentence.items():
            s, n = tt[k], len(tt[k])
            tags: dict[int, str] = {}
            cursor = 0
            for i in candidates:
                if i < cursor:
                    continue
                for size in range(min(res.gaz_first[words[s[i]]], n - i), 0, -1):
                    kind = res.gazetteer.get(tuple(words[t] for t in s[i : i + size]))
                    if kind:
                        tags[i] = "B-" + kind
                        tags.update((j, "I-" + kind) for j in range(i + 1, i + size))
                        cursor = i + size
                        break
            near = sorted({j for i in tags for j in (i - 1, i, i + 1) if 0 <= j < n})
            for i in near:
                g, before, after = tags.get(i, ""), tags.get(i - 1, ""), tags.get(i + 1, "")
                names = []
                if g:
                    names.append("g=" + g)
                if before:
                    names.append("g-1=" + before + ("|" + g[:1] if g else ""))
                if after:
                    names.append("g+1=" + after)
                for name in names:
                    if name in attr:
                        scores[starts[k] + i] += self.state[attr[name]]

    def _viterbi(self, scores: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Best label id per position, all sequences at once (crfsuite's tie-breaking)."""
        order = np.argsort(-lengths, kind="stable")
        starts = (np.cumsum(lengths) - lengths)[order]
        lens = lengths[order]
        alpha = scores.copy()
        back = np.zeros(scores.shape, dtype=np.int64)
        for t in range(1, int(lens[0]) if len(lens) else 0):
            live = starts[: int(np.searchsorted(-lens, -t, side="left"))] + t
            cand = alpha[live - 1][:, :, None] + self.trans[None, :, :]
            back[live] = cand.argmax(axis=1)
            alpha[live] = cand.max(axis=1) + scores[live]
        best = np.zeros(len(scores), dtype=np.int64)
        last = starts + lens - 1
        best[last] = alpha[last].argmax(axis=1)
        for t in range(int(lens[0]) - 1 if len(lens) else 0, 0, -1):
            live = starts[: int(np.searchsorted(-lens, -t, side="left"))] + t
            best[live - 1] = back[live, best[live]]
        return best
