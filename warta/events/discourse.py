"""References across sentences: who "ia", "mereka", "keduanya", "kami" and "pihaknya" are.

An article is read sentence by sentence. :class:`Discourse` remembers who was named (the
people, the coordinated groups, the pairs of the last two-party event) and who speaks in
each sentence, and places actors on a parsed sentence's tokens:

* the actors stage's mentions where they are;
* unnamed groups of the lexicon ("polisi", "mahasiswa", "pengunjuk rasa"), or the
  organisation a group says it belongs to ("mahasiswa yang tergabung dalam X");
* a title or person noun closed by a demonstrative ("Menlu 55 tahun itu"): the last person named;
* "ia", "dia", "beliau": the last person named;
* a bare role noun ("tersangka", "terdakwa", "korban"): the last person the actors stage
  named in that role, unless it is counted, plural or followed by a name;
* "mereka": the last group (coordinated actors or an unnamed group);
* "keduanya", "kedua negara", "kedua pihak": the two parties of the last two-party event,
  else the last pair named together;
* "saya", "aku": the speaker; "kami", "kita", "pihaknya": the speaker's organisation,
  else the speaker; the speaker is the subject of a verb of saying in the sentence
  ("..., kata X") or follows "menurut".
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from warta.events.arguments import PASSIVE_SUBJECTS, SUBJECTS, Mention
from warta.events.lexicon import Lexicon
from warta.text.syntax import Parse

RECENT = 6  # actors remembered of each kind
_UNIT_WORDS = 3  # capitalised words of a unit between staff and their body ("penyidik Subdit 1 Narkoba Polda X")
# Words between a title and its demonstrative in a definite description ("Menlu 55 tahun itu").
_DESCRIPTION = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})


def _placed_at(words: list[str], actors: dict[int, tuple[Mention, ...]], k: int) -> bool:
    """Whether token ``k`` is "di" before a place or country ("... di Belanda")."""
    nxt = actors.get(k + 1, ())
    return words[k] == "di" and bool(nxt) and nxt[0].type in ("LOC", "COUNTRY")


@dataclass
class Discourse:
    """What the sentences read so far said: recent people, groups and pairs."""

    lex: Lexicon
    persons: list[Mention] = field(default_factory=list)
    groups: list[list[Mention]] = field(default_factory=list)
    pairs: list[tuple[Mention, Mention]] = field(default_factory=list)
    affiliations: dict[str, Mention] = field(default_factory=dict)  # a speaker -> the organisation named with them
    roles: dict[str, Mention] = field(default_factory=dict)  # "tersangka" -> the last person named as one

    def words(self, name: str) -> frozenset[str]:
        return self.lex.cues.get(name, frozenset())

    def reference_words(self) -> frozenset[str]:
        """Every word that may refer back to an actor (checked before resolving one)."""
        return self.lex.cues.get("actor_words", frozenset())

    def place(self, parse: Parse, mentions: list[Mention], speaker: list[Mention]
              ) -> tuple[dict[int, tuple[Mention, ...]], frozenset[int]]:
        """Actors on the tokens of ``parse`` (mentions, unnamed groups and resolved references),
        and the tokens whose actors a reference resolved."""
        actors: dict[int, tuple[Mention, ...]] = {}
        capitals = self.words("capitals")
        for m in mentions:
            if m.type == "LOC" and m.name.lower() in capitals:
                # "Beijing menolak ...": a foreign capital stands for its government.
                m = Mention(m.start, m.end, m.actor_id, m.name, "COUNTRY")
            first = bisect.bisect_right(parse.ends, m.start)  # the first token ending after the mention starts
            for i in range(first, len(parse)):
                if parse.starts[i] >= m.end:
                    break
                actors.setdefault(i, (m,))
        groups = self.words("groups")
        place_groups = self.words("place_groups")
        group_words = groups | place_groups
        words = [w.lower() for w in parse.words]
        resolved: set[int] = set()
        i = 0
        while i < len(parse):
            two = " ".join(words[i:i + 2])
            size = 2 if i + 1 < len(parse) and two in groups else 1 if words[i] in group_words else 0
            if size and not any(k in actors for k in range(i, i + size)):
                size = self._group_size(parse, words, actors, i, size)
                if words[i] in place_groups and size == 1:
                    i += 1
                    continue  # "negara-negara tersebut" refers back; "negara-negara Asia Tenggara" is a group
                unit = i + size  # "penyidik Ditreskrimsus Polda Jatim": a unit's name before its body
                while unit < min(i + size + _UNIT_WORDS, len(parse)) and unit not in actors and parse.words[unit][:1].isupper():
                    unit += 1
                org = actors.get(unit, ())
                if org and org[0].type == "ORG" and parse.starts[unit] == org[0].start:
                    i += size
                    continue  # "penyidik KPK", "personel TNI": the organisation's staff act for it
                member_of = self._member_of(parse, words, actors, i + size)
                if member_of is not None:
                    # "mahasiswa yang tergabung dalam Aliansi X": the organisation they act as.
                    for k in range(i, i + size):
                        actors[k] = (member_of,)
                    i += size
                    continue
                person = self._in_role(words, actors, i) if size == 1 else None
                if person is not None:
                    # "Tersangka kemudian ditahan": the suspect named before, not suspects at large.
                    actors[i] = (person,)
                    resolved.add(i)
                    i += 1
                    continue
                text = " ".join(parse.words[i:i + size])
                group = Mention(parse.starts[i], parse.ends[i + size - 1], None, text[:1].lower() + text[1:], "GROUP")
                for k in range(i, i + size):
                    actors[k] = (group,)
            i += max(size, 1)
        referents = set(self._definite_persons(parse, words, actors)) | resolved
        reference_words = self.reference_words()
        for i, w in enumerate(words):
            if i in actors or w not in reference_words:
                continue
            ref = self.resolve(w, words[i + 1] if i + 1 < len(words) else "", speaker, parse.starts[i])
            if ref:
                actors[i] = tuple(ref)
                referents.add(i)
        return actors, frozenset(referents)

    def _in_role(self, words: list[str], actors: dict[int, tuple[Mention, ...]], i: int) -> Mention | None:
        """The person a bare role noun at ``i`` refers back to ("tersangka", "korban"): the last
        one the actors stage named in that role, unless the noun is counted or plural ("dua
        tersangka", "para korban") or a name follows it ("tersangka RP")."""
        person = self.roles.get(words[i])
        if person is None or i + 1 in actors:
            return None
        if i > 0 and (words[i - 1] in self.words("plural_markers") or words[i - 1].isdigit()):
            return None
        return person

    def _member_of(self, parse: Parse, words: list[str], actors: dict[int, tuple[Mention, ...]],
                   k: int) -> Mention | None:
        """The organisation a group at the words before ``k`` says it belongs to ("yang
        tergabung dalam Aliansi X", "yang mengatasnamakan Komite Y"), if one follows."""
        for phrase in self.lex.cues.get("membership", frozenset()):
            n = len(phrase.split())
            if " ".join(words[k:k + n]) == phrase:
                org = actors.get(k + n, ())
                if org and org[0].type == "ORG":
                    return org[0]
                return _capitalised_name(parse, k + n)
        return None

    def _definite_persons(self, parse: Parse, words: list[str], actors: dict[int, tuple[Mention, ...]]) -> list[int]:
        """Place the last person named on a title or person noun that a demonstrative closes
        ("Menlu 55 tahun itu", "pria tersebut", "Dubes RI di Kairo itu"): a definite
        description refers back. Returns the tokens placed."""
        if not self.persons:
            return []
        heads = self.words("titles") | self.words("person_nouns")
        definite = self.words("definite")
        out = []
        for i, w in enumerate(words):
            if w not in heads or i in actors:
                continue
            for k in range(i + 1, min(i + 7, len(parse))):
                if words[k] in definite:
                    actors[i] = (self.persons[-1],)
                    out.append(i)
                    break
                if _placed_at(words, actors, k):
                    continue  # "Dubes RI di Kairo itu": where the post is belongs to the description
                if parse.upos[k] not in _DESCRIPTION or any(m.type == "PER" for m in actors.get(k, ())):
                    break
        return out

    def _group_size(self, parse: Parse, words: list[str], actors: dict[int, tuple[Mention, ...]],
                    i: int, size: int) -> int:
        """How many tokens an unnamed group at ``i`` covers: its lexicon words, then modifiers
        ("pemerintah pusat", "pejabat setempat") and one country or place it belongs to
        ("tentara Irak", "warga Palestina", "masyarakat Aceh")."""
        modifiers = self.words("group_modifiers")
        end = i + size
        while end < len(parse) and words[end] in modifiers and end not in actors:
            end += 1
        owners = actors.get(end, ())
        if owners and owners[0].type in ("COUNTRY", "LOC") and parse.starts[end] == owners[0].start:
            while end < len(parse) and actors.get(end) == owners:
                end += 1
        return end - i

    def clitic_persons(self, parse: Parse, actors: dict[int, tuple[Mention, ...]]) -> dict[int, list[Mention]]:
        """Whom the clitic -nya of a verb may name, latest first: the people named before the
        verb in this sentence, then those of earlier sentences. It is the agent of a di-
        passive ("negara yang dihubunginya": by him or her) and the object of an active verb
        ("Menlu Iran meneleponnya"); the caller skips the verb's other party. After a
        preposition or conjunction a passive's clitic nominalises instead ("setelah
        ditangkapnya pelaku": the arrest of) and names no one."""
        out: dict[int, list[Mention]] = {}
        for i, w in enumerate(parse.words):
            low = w.lower()
            if len(low) <= 7 or not low.endswith("nya") or parse.upos[i] not in ("VERB", "NOUN"):
                continue
            if low.startswith("di"):
                if i and parse.upos[i - 1] in ("ADP", "SCONJ"):
                    continue
                skip = self._patient_tokens(parse, i)
            elif low.startswith("me") or parse.upos[i] == "NOUN":
                skip = set()  # "kunjungannya ke Myanmar": his or her visit
            else:
                continue
            before = [m for k in range(i) if k not in skip for m in actors.get(k, ()) if m.type == "PER"]
            people = list(dict.fromkeys([*reversed(before), *reversed(self.persons)]))
            if people:
                out[i] = people
        return out

    @staticmethod
    def _patient_tokens(parse: Parse, i: int) -> set[int]:
        """The tokens of what the passive verb at ``i`` is done to: its subject, or the noun its
        relative clause describes ("negara yang dihubunginya")."""
        out: set[int] = set()
        for c in parse.children(i):
            if parse.deps[c] in SUBJECTS or parse.deps[c] in PASSIVE_SUBJECTS:
                out.update(parse.subtree(c))
        head = parse.heads[i]
        if parse.deps[i].startswith("acl") and head != i:
            out.update(set(parse.subtree(head)) - set(parse.subtree(i)))
        return out

    def resolve(self, word: str, following: str, speaker: list[Mention], at: int | None = None) -> list[Mention]:
        """The actors a reference word at offset ``at`` stands for (empty when it is none or is
        unresolved). "mereka" in what a body or group named before it says is that side
        ("Hamas mengklaim mereka menahan ...", "klaim kelompok Huthi bahwa mereka ...")."""
        if word in self.words("person_references") and self.persons:
            return [self.persons[-1]]
        if word in self.words("group_references"):
            side = [m for m in speaker_side(speaker, self.affiliations) if m.type != "PER"] if speaker else []
            if side and at is not None and side[0].end <= at:
                return side
            return list(self.groups[-1]) if self.groups else []
        pair_noun = following in self.words("pair_nouns") or following in self.words("titles")
        if (word in self.words("pair_references") or (word == "kedua" and pair_noun)) and self.pairs:
            return list(self.pair_of_kind(self.pair_kind(following)))
        if word in self.words("speaker_self") and speaker:
            people = [m for m in speaker if m.type == "PER"]
            return (people or speaker)[:1]
        if word in self.words("speaker_references") and speaker:
            return speaker_side(speaker, self.affiliations)
        return []

    def pair_kind(self, noun: str) -> str | None:
        """The kind of actors "kedua <noun>" names: two people for a title ("kedua Menlu"),
        two countries for "kedua negara"; any pair for "kedua pihak" or "keduanya"."""
        if noun in self.words("titles"):
            return "PER"
        if noun in self.words("pair_country_nouns"):
            return "COUNTRY"
        return None

    def pair_of_kind(self, kind: str | None) -> tuple[Mention, Mention]:
        """The latest pair whose two actors are of ``kind`` (else the latest pair)."""
        if kind:
            for pair in reversed(self.pairs):
                if all(m.type == kind for m in pair):
                    return pair
        return self.pairs[-1]

    def remember(self, sentence_actors: list[list[Mention]], subjects: list[list[Mention]],
                 event_pairs: list[tuple[Mention, Mention]]) -> None:
        """Note what a sentence said: its groups of actors, its subjects and its two-party events.
        A subject is noted last, so that "ia" or "dia" next refers to it before anyone the
        sentence named after it ("Habil tidak memberikan uang kepada Kivlan. Ia hanya ...")."""
        sentence_actors = [[m for m in g if m.type != "LOC"] for g in sentence_actors]
        sentence_actors = [g for g in sentence_actors if g]
        for group in sentence_actors + subjects:
            people = [m for m in group if m.type == "PER"]
            for m in people:
                if m in self.persons:
                    self.persons.remove(m)
                self.persons.append(m)
                role = (m.role or "").lower().split()
                if role and role[-1] in self.words("role_references"):
                    self.roles[role[-1]] = m
        for group in sentence_actors:
            if len(group) >= 2 or (group and group[0].type == "GROUP"):
                self.groups.append(group)
            if len(group) == 2:
                self.pairs.append((group[0], group[1]))
        self.pairs.extend(event_pairs)
        del self.persons[:-RECENT], self.groups[:-RECENT], self.pairs[:-RECENT]


def _capitalised_name(parse: Parse, k: int) -> Mention | None:
    """An organisation the actors stage did not tag, named by the run of capitalised words
    from token ``k`` ("Komite Mahasiswa Peduli KPK"): at least two words."""
    end = k
    while end < len(parse) and parse.words[end][:1].isupper():
        end += 1
    if end - k < 2:
        return None
    return Mention(parse.starts[k], parse.ends[end - 1], None, " ".join(parse.words[k:end]), "ORG")


def speaker_side(speaker: list[Mention], affiliations: dict[str, Mention] | None = None) -> list[Mention]:
    """Whom "kami" or "pihaknya" of a speaker means: the organisation named with the speaker
    ("juru bicara KPK Febri Diansyah": KPK), else the one named with them when they spoke
    before (``affiliations``: "kata Wadi, Humas FBTPBI" ... "Kami menuntut," kata Wadi),
    else the speaker."""
    orgs = [m for m in speaker if m.type in ("ORG", "COUNTRY")]
    people = [m for m in speaker if m.type == "PER"]
    known = (affiliations or {}).get(people[0].key) if people else None
    return orgs[:1] or ([known] if known is not None else speaker[:1])


# ", Humas ", ", Ketua Umum ": a post between a speaker and the organisation they speak for
_POST_BETWEEN = re.compile(r"\s*,\s*((?:\w+\s+){1,4})")


def _is_post(words: list[str], titles: frozenset[str]) -> bool:
    return all(w[:1].isupper() or w.lower() in titles for w in words)


def affiliations(body: str, speakers: list[list[Mention]], titles: frozenset[str]) -> dict[str, Mention]:
    """The organisation each speaker was first named with in a speech tag, after their post
    ("kata Wadi Atmawijaya, Humas FBTPBI"): one person, a comma, a post (capitalised words or
    titles), the organisation."""
    out: dict[str, Mention] = {}
    for found in speakers:
        people = [m for m in found if m.type == "PER"]
        if len(people) != 1:
            continue
        orgs = [m for m in found if m.type in ("ORG", "COUNTRY") and m.start > people[0].start]
        gap = _POST_BETWEEN.fullmatch(body[people[0].end:orgs[0].start]) if orgs else None
        if gap and _is_post(gap.group(1).split(), titles):
            out.setdefault(people[0].key, orgs[0])
    return out


def speaker_of(parse: Parse, actors: dict[int, tuple[Mention, ...]], lex: Lexicon) -> list[Mention]:
    """Who speaks in a parsed sentence: the actors in the subject of a verb of saying
    ("X mengatakan") or after "menurut"."""
    saying = lex.cues.get("saying", frozenset()) | lex.cues.get("reported", frozenset())
    for i, w in enumerate(parse.words):
        low = w.lower()
        if low == "menurut" and i + 1 < len(parse):
            found = _phrase_actors(parse, actors, parse.heads[i] if parse.heads[i] != i else i + 1)
            if found:
                return found
        if low in saying:
            for c, h in enumerate(parse.heads):
                if h == i and c != i and parse.deps[c] in SUBJECTS:
                    found = _phrase_actors(parse, actors, c)
                    if found:
                        return found
    return []


_SPEAKER_REACH = 6  # sentences over which "..., lanjutnya" still refers to the speaker named before


# A bare speech tag follows a quotation, a comma, the start of the sentence or one of these.
_TAG_BEFORE = frozenset({"demikian", "begitu"})


def _bare_tag(word: str) -> bool:
    """A speech tag without a verbal prefix ("kata", "ujar", "tegas"), which may also be an
    ordinary word; with a prefix ("mengatakan") or the clitic ("tegasnya") it is a verb of saying."""
    return not word.startswith(("me", "ber", "di")) and not word.endswith("nya")


def quoted_speakers(body: str, spans: list[tuple[int, int]], mentions: list[Mention], tokens, lex: Lexicon,
                    persons_before: list[list[Mention]]) -> list[list[Mention]]:
    """The speaker of each sentence, read from the words ("..., kata Kabid Humas Polda X").

    * The actors named right after a verb of saying; a bare tag such as "kata" or "tegas"
      counts only after a quotation, a comma or "demikian" ("secara tegas" is no tag).
    * After "katanya", "lanjutnya": the speaker named in the few sentences before (a
      quotation goes on), else the person named last.
    * A sentence of a quotation without its own verb of saying: the speaker of the next
      sentence of the paragraph that has one ("Kalimat satu. Kalimat dua," kata X.).
    """
    saying = lex.cues.get("saying", frozenset())
    addressee = lex.cues.get("after_speaker", frozenset())
    own: list[list[Mention]] = []
    named: tuple[int, list[Mention]] | None = None  # the sentence and actors of the last speaker named
    for sid, (a, b) in enumerate(spans):
        found: list[Mention] = []
        lo, hi = tokens.index_at(a), tokens.index_at(b)
        for i in range(lo, hi):
            word = tokens.words[i]
            if word not in saying and word != "menurut":
                continue
            if (_bare_tag(word) and i > lo and not body[tokens.ends[i - 1]:tokens.starts[i]].strip()
                    and tokens.words[i - 1] not in _TAG_BEFORE):
                continue  # "secara tegas", "sudah jelas": an adjective, not a speech tag
            if word.endswith("nya"):  # "katanya", "lanjutnya": the one who spoke
                recent = named is not None and sid - named[0] <= _SPEAKER_REACH
                found = named[1] if recent else persons_before[sid][-1:]
                break
            last = min(i + 6, hi - 1)
            # "ujar Khaer kepada AFP": whom the speaker told is not the speaker's side.
            last = next((k - 1 for k in range(i + 1, last + 1) if tokens.words[k] in addressee), last)
            window_end = min(b, tokens.ends[max(last, i)])
            found = [m for m in mentions if tokens.ends[i] <= m.start < window_end and m.type != "LOC"]
            if found:
                named = (sid, found)
                break
        own.append(found)
    out = []
    for sid, found in enumerate(own):
        if not found:
            for nxt in range(sid + 1, min(sid + 3, len(spans))):
                if "\n\n" in body[spans[nxt - 1][1]:spans[nxt][0]]:
                    break
                if own[nxt]:
                    found = own[nxt]
                    break
        out.append(found)
    return out


def _phrase_actors(parse: Parse, actors: dict[int, tuple[Mention, ...]], i: int) -> list[Mention]:
    """Every actor in the subtree of token ``i``, in order (people and their organisations)."""
    out: list[Mention] = []
    for t in parse.subtree(i):
        for m in actors.get(t, ()):
            if m not in out and m.type != "GROUP":
                out.append(m)
    return out
