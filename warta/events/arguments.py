"""Who did what to whom: actor1 (source) and actor2 (target) of a trigger, read from a parse.

The sentence is parsed (``warta.text.syntax``) and actors are placed on its tokens: the
actors stage's mentions, unnamed groups from the lexicon ("polisi", "mahasiswa") and
pronouns, which ``discourse`` resolves. Then, for a trigger:

* a verb takes its subject (``nsubj``) as actor1 and its object or an oblique marked by
  a target preposition (*dengan*, *kepada*, *terhadap*, *ke*, *untuk* ...) as actor2;
* a *di-* passive takes its agent from *oleh* (or a bare agent) and its subject as actor2;
* an inverse trigger ("menerima X dari Y") swaps the roles;
* a noun ("serangan Israel", "kunjungan X ke Y", "pertemuan antara X dan Y") takes its
  possessor or *oleh* phrase as actor1, and the object of a light verb ("melakukan
  serangan terhadap", "menggelar aksi di depan") takes the light verb's arguments;
* a verb chained to another (``conj``, ``xcomp``) shares its subject, and a relative
  clause's subject is the noun it describes;
* a name beside a title chain ("Presiden Turki, Recep Tayyip Erdogan") is the person,
  and coordinated names ("X dan Y") each take part.

The content of a request, promise or threat, and a capability or purpose ("dirancang
untuk menyerang"), is not an event of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from warta.events.lexicon import Form, Lexicon, TriggerMatch
from warta.events.locations import is_known_place
from warta.text.syntax import Parse

SUBJECTS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECTS = frozenset({"nsubj:pass", "csubj:pass"})
OBJECTS = frozenset({"obj", "iobj"})
OBLIQUES = frozenset({"obl", "obl:arg", "obl:tmod", "nmod", "nmod:poss"})
# Dependents that stay inside a noun phrase: the name, its title chain, its apposition.
PHRASE = frozenset({"flat", "flat:name", "flat:foreign", "compound", "appos", "nmod", "nmod:poss", "amod", "det",
                    "nummod", "clf", "fixed", "dep"})
COORDINATE = frozenset({"conj"})
COMITATIVE = frozenset({"bersama", "beserta", "bersama dengan"})
# Types whose parties act together: "X dan Y bertemu" is one meeting of X with Y.
SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})
# Types whose dependent verb is content, not an event of its own ("meminta polisi menangkap").
CONTENT_TAKERS = frozenset({"REQUEST", "AGREE", "THREATEN"})
# Types whose content clause says whom they are aimed at ("berjanji memperkuat KPK").
PROMISES = frozenset({"AGREE", "THREATEN"})
MAX_GROUP = 8
# Words between the members of a list; a dash joins a ticket ("Prabowo Subianto - Hatta Rajasa").
LIST_SEPARATORS = frozenset({",", "dan", "serta", "-", "–"})
# Types whose noun says who it came from with "dari" ("kecaman dari Havana", "bantuan dari
# Jepang"); for others "dari" is where from ("pengusiran ... dari Amerika Serikat").
FROM_SOURCE = frozenset({"DISAPPROVE", "SUPPORT", "REQUEST", "ACCUSE", "THREATEN", "AID", "PROTEST", "REJECT"})
TITLE_CHAIN = 6  # words from a title to the person it names ("Menteri Luar Negeri AS Rex Tillerson")
ANTARA_REACH = 5  # words between a noun trigger and its "antara X dan Y" ("kerja sama bidang pendidikan antara")


@dataclass(frozen=True)
class Mention:
    """An actor in the article body: a resolved mention (with ``actor_id``) or an unnamed group."""

    start: int
    end: int
    actor_id: str | None
    name: str
    type: str  # PER | ORG | COUNTRY | LOC | GROUP | PRON
    role: str | None = field(default=None, compare=False)  # the actors stage's role ("tersangka")

    @property
    def key(self) -> str:
        """Who the mention stands for: its actor id, else its lower-cased words."""
        return self.actor_id or self.name.lower()


@dataclass
class Arguments:
    """The actor groups of one trigger (each group: coordinated actors, left to right)."""

    sources: list[Mention]
    targets: list[Mention]
    subject: list[Mention] = field(default_factory=list)


@dataclass
class Sentence:
    """A parsed sentence with its actors placed on tokens."""

    parse: Parse
    actors: dict[int, tuple[Mention, ...]]  # token -> the actor(s) it stands for ("keduanya": two)
    lex: Lexicon
    referents: frozenset[int] = frozenset()  # tokens whose actors a reference word resolved
    clitic_persons: dict[int, list[Mention]] = field(default_factory=dict)  # "dihubunginya": who, latest first
    speaker: list[Mention] = field(default_factory=list)  # who says the sentence, if anyone
    children: list[list[int]] = field(init=False)

    def __post_init__(self) -> None:
        self._groups: dict[int, list[Mention]] = {}
        self._titles = self.lex.cues.get("titles", frozenset()) | self.lex.cues.get("offices", frozenset())
        self.parse = fronted_clause_subject(self.parse, frozenset(self.actors))
        self.children = [[] for _ in range(len(self.parse))]
        for j, h in enumerate(self.parse.heads):
            if h != j:
                self.children[h].append(j)

    def dep(self, i: int) -> str:
        return self.parse.deps[i]

    def word(self, i: int) -> str:
        return self.parse.words[i].lower()

    def case_of(self, i: int) -> str | None:
        """The preposition marking token ``i`` ("dengan", "oleh"), if any."""
        marks = [self.word(c) for c in self.children[i] if self.dep(c) in ("case", "mark")]
        return " ".join(marks) if marks else None

    def kids(self, i: int, deps: frozenset[str]) -> list[int]:
        return [c for c in self.children[i] if self.dep(c) in deps]

    def phrase(self, i: int) -> list[int]:
        """Token ``i`` and the tokens of its noun phrase (title chains, names, appositions),
        leaving out relative clauses, coordinated phrases and prepositional phrases."""
        out, todo = [i], [i]
        while todo:
            k = todo.pop()
            for c in self.children[k]:
                if self.dep(c) in PHRASE and not (self.dep(c).startswith("nmod") and self.case_of(c)):
                    out.append(c)
                    todo.append(c)
        return sorted(out)

    def actor_of(self, i: int) -> list[Mention]:
        """The actor(s) a noun phrase headed by token ``i`` stands for.

        A reference resolved to earlier actors wins ("kedua Menlu"), then a person named
        in the phrase or right after it ("Presiden Turki, Recep Tayyip Erdogan"); a title
        with no person is the office holder, named by the title ("Menlu Belanda"); then
        the actor covering the head word, then the first actor of the phrase. Places are
        where things happen, not who acts.
        """
        # "kedua Menlu" is the two named before; "anak-anak mereka" is not "mereka".
        tokens = [t for t in self.phrase(i) if t <= i or t not in self.referents]
        resolved = [m for t in tokens if t in self.referents for m in self.actors[t]]
        if resolved:
            return list(dict.fromkeys(resolved))
        named = self.named_by(i)
        if named:
            return named
        found: list[Mention] = []
        for t in tokens:
            for m in self.actors.get(t, ()):
                if m not in found and m.type != "LOC":
                    found.append(m)
        if self.word(i) in self.lex.cues.get("relatives", frozenset()) and (i == 0 or self.parse.words[i].islower()):
            # "putra Setnov, Rheza Herwindo", "istri korban": the relative, not the one named
            # (inside a sentence, a capitalised "Anak Agung" is part of a name).
            # A person after a comma inside the phrase is the relative, whatever the parser hung
            # them on ("Putri Ketua DPR Setya Novanto, Dwina Michaella").
            named = [m for t in tokens if t > i and self.dep(t) == "appos" and self.parse.words[t - 1] == ","
                     for m in self.actors.get(t, ()) if m.type == "PER"]
            return named[-1:] or self.apposed_person(tokens[-1]) or [self.relative(i)]
        # Only a phrase that names a position or an actor has a person in apposition: in
        # "Untuk itu, Gatot mengajak" or "Pada 11 Juli, X bertemu" the name after the comma is
        # the next clause's subject.
        nominal = self.parse.upos[i] in ("NOUN", "PROPN") and (
            found or any(self.word(t) in self._titles for t in tokens))
        people = [m for m in found if m.type == "PER"] or (self.apposed_person(tokens[-1]) if nominal else [])
        if people:
            # "Pimpinan Umum Posmetro Medan, Maranatha Tobing": the name in apposition is the
            # person; a name inside the title chain is the tagger's guess.
            head_named = any(m.type == "PER" for m in self.actors.get(i, ()))
            apposed = [] if head_named else [
                m for m in people for t in tokens if self.dep(t) == "appos" and m in self.actors.get(t, ())]
            return (apposed or people)[:1]
        own = [m for m in self.actors.get(i, ()) if m.type != "LOC"]
        if not own and not found and self.dep(i) in SUBJECTS and self.parse.upos[i] == "PROPN":
            # A subject the tagger typed as a place that no place list knows is someone the
            # tagger mistyped ("Hambali tidak berkomunikasi", "Dian Triansyah Djani bertemu").
            own = [m for m in self.actors.get(i, ()) if m.type == "LOC" and not is_known_place(m.name)][:1]
        orgs = [m for m in found if m.type == "ORG"]
        if not own and not orgs and self.is_title(i):
            return self.titled_person(i) or [self.office_holder(i, tokens)]
        if not own and not orgs and self.word(i) in self.lex.cues.get("sites", frozenset()):
            # "mendatangi kantor PM Singapura": the office holder whose office it is.
            title = next((t for t in tokens if t > i and self.is_title(t)), None)
            if title is not None:
                return [self.office_holder(title, tokens)]
        return own or orgs[:1] or found[:1]

    def named_by(self, i: int) -> list[Mention]:
        """The person a phrase names with a naming verb ("pelaku pembunuhan Riky Saputra
        bernama Erwin", "karyawan hotel bernama Rudianto"): they are who the phrase stands for,
        not someone else named inside it."""
        cues = self.lex.cues.get("naming", frozenset())
        for c in self.children[i]:
            if self.dep(c) == "acl" and self.word(c) in cues:
                for k in sorted(self.children[c]):
                    people = [m for m in self.actors.get(k, ()) if m.type == "PER"]
                    if people and k > c:
                        return people[:1]
        return []

    def site_actor(self) -> list[Mention]:
        """The organisation or country whose building a gathering goes to ("di depan Gedung
        DPR", "di kantor PT Lonsum", "Kedubes AS"): a site word of ``cues.sites``, then the
        actor within a few words after it."""
        sites = self.lex.cues.get("sites", frozenset())
        for i, w in enumerate(self.parse.words):
            if w.lower() not in sites:
                continue
            for k in range(i, min(i + 5, len(self.parse))):
                found = [m for m in self.actors.get(k, ()) if m.type in ("ORG", "COUNTRY")]
                if found:
                    return found[:1]
        return []

    def is_title(self, i: int) -> bool:
        """A capitalised title word ("Menlu", "Presiden"): it names an office, as in "Menlu Belanda"."""
        return self.word(i) in self._titles and self.parse.words[i][:1].isupper()

    def apposed_person(self, last: int) -> list[Mention]:
        """A person named right after a phrase and a comma ("Menlu Yordania, Ayman Safadi"),
        which the parser did not attach to it."""
        if last + 2 < len(self.parse) and self.parse.words[last + 1] == ",":
            return [m for m in self.actors.get(last + 2, ()) if m.type == "PER"][:1]
        return []

    def titled_person(self, i: int) -> list[Mention]:
        """The person a title chain at ``i`` runs into ("kunjungan Menteri Luar Negeri AS Rex
        Tillerson ke ..."), which the parser hung elsewhere: a person named right after its
        capitalised words, with no punctuation or lower-case word between."""
        p = self.parse
        for k in range(i + 1, min(i + 1 + TITLE_CHAIN, len(p))):
            people = [m for m in self.actors.get(k, ()) if m.type == "PER"]
            if people:
                return people[:1]
            if not p.words[k][:1].isupper():
                return []
        return []

    def office_holder(self, i: int, tokens: list[int]) -> Mention:
        """An unnamed office holder, named by the title and the words of its phrase that follow
        it ("Menlu Belanda", "Kapolres Bekasi")."""
        p = self.parse
        end = i
        while end + 1 in tokens and p.upos[end + 1] in ("PROPN", "NOUN", "ADJ", "NUM"):
            end += 1
        return Mention(p.starts[i], p.ends[end], None, " ".join(p.words[i:end + 1]), "ROLE")

    def relative(self, i: int) -> Mention:
        """An unnamed relative, named by the kinship word, its adjectives and whose relative it
        is ("putra sulung Jokowi", "istri almarhum")."""
        p = self.parse
        end = i
        while end + 1 < len(p) and p.upos[end + 1] == "ADJ":
            end += 1
        if end + 1 < len(p) and p.upos[end + 1] in ("NOUN", "PROPN"):
            end += 1
            while end + 1 < len(p) and p.upos[end + 1] == "PROPN" and p.upos[end] == "PROPN":
                end += 1
        return Mention(p.starts[i], p.ends[end], None, " ".join(p.words[i:end + 1]), "ROLE")

    def is_citation(self, i: int) -> bool:
        """A word that cites a source ("Mengutip media Ukraina", "Menurut X"): what follows is
        where a report comes from, not who acts."""
        return self.word(i) in self.lex.cues.get("citation", frozenset()) or self.word(i) == "menurut"

    def group_at(self, i: int) -> list[Mention]:
        """The actors of the phrase at ``i`` and of the phrases coordinated with it (a place
        coordinated with an actor is where it happened: "... di KTT G20, Hamburg, Jerman")."""
        if i not in self._groups:
            self._groups[i] = self._group_at(i)
        return list(self._groups[i])

    def _group_at(self, i: int) -> list[Mention]:
        heads = [i]
        todo = [i]
        while todo and len(heads) < MAX_GROUP:
            k = todo.pop()
            # Conjuncts of the head or of a word of its phrase: parsers attach "X dan Y" to either;
            # "X bersama Y", "X beserta Y" join Y to X as well.
            joined = [c for t in self.phrase(k) for c in self.children[t]
                      if self.dep(c) in COORDINATE or self.dep(c) == "nmod" and self.case_of(c) in COMITATIVE]
            for c in joined:
                if c not in heads and not any(m.type == "LOC" for m in self.actors.get(c, ())):
                    heads.append(c)
                    todo.append(c)
        out: list[Mention] = []
        for h in sorted(heads):
            if self.is_citation(h):
                continue
            for m in self.actor_of(h):
                if m not in out:
                    out.append(m)
        # "Kedua pelaku yakni Edwin dan Lauren": the members listed are who an unnamed phrase,
        # or one a reference word resolved, stands for.
        tokens = [t for h in heads for t in self.phrase(h)]
        if all(m.actor_id is None for m in out) or any(t in self.referents for t in tokens):
            members = self.members_listed(max(tokens))
            if members:
                return members
        return self.listed_after(out)

    def members_listed(self, last: int) -> list[Mention]:
        """The named actors an unnamed phrase ending at token ``last`` is illustrated by
        ("negara-negara Islam seperti Mesir, Bahrain dan Turki", "dua anak usaha Pertamina,
        yakni Pertamina Agra Niaga dan El Nusa"): they are who took part."""
        p = self.parse

        def past_punctuation(k: int) -> int:
            while k < len(p) and p.words[k] in (",", ":"):
                k += 1
            return k

        k = past_punctuation(last + 1)
        if k >= len(p) or self.word(k) not in self.lex.cues.get("member_cues", frozenset()):
            return []
        k = past_punctuation(k + 1)
        first = [m for m in self.actors.get(k, ()) if m.actor_id is not None and m.type in ("PER", "COUNTRY", "ORG")]
        return self.listed_after(first[:1]) if first else []

    def listed_after(self, group: list[Mention]) -> list[Mention]:
        """``group`` extended by the actors of its kind listed after it ("A, B, sekretaris C
        dan kepala intelijen D, serta E"), which parsers attach in many ways."""
        if not group or group[-1].type not in ("PER", "COUNTRY", "ORG"):
            return group
        kind, p = group[-1].type, self.parse
        i = next((k for k in range(len(p)) if p.starts[k] >= group[-1].end), len(p))
        gap = 0
        while i < len(p) and len(group) < MAX_GROUP:
            found = [m for m in self.actors.get(i, ()) if m.type == kind and m not in group]
            if found and gap:
                group = [*group, found[0]]
                i = next((k for k in range(i, len(p)) if p.starts[k] >= found[0].end), len(p))
                gap = 0
                continue
            word = p.words[i]
            if word == "(":  # "Edwin Hitipeuw (37) dan Lauren": past an age or an acronym
                close = next((k for k in range(i + 1, min(i + 5, len(p))) if p.words[k] == ")"), None)
                if close is not None:
                    i = close + 1
                    continue
            # Separators, then a short title that may name an organisation ("sekretaris Dewan X").
            title = gap and gap < 10 and p.upos[i] != "VERB" and (word.islower() or i in self.actors)
            if word in LIST_SEPARATORS or title:
                gap += 1
                i += 1
                continue
            break
        return group


_PHRASE_REST = frozenset({"flat", "cc", "conj", "appos", "amod", "det", "nummod", "compound"})


def fronted_clause_subject(p: Parse, actor_tokens: frozenset[int]) -> Parse:
    """``p`` with the subject of a sentence that opens with a subordinate clause or a fronted
    phrase put back on its verb: in "Usai bertemu Menlu Yordania, Ayman Safadi, Retno
    menyampaikan ..." or "Menurut Lavrov, Rusia dan Indonesia sepakat ...", parsers read
    "Retno" or "Rusia" as one more name of the phrase before the comma, and the main verb
    (and so the clause, which shares its subject) is left without one. The actor right after
    the last comma, whose phrase runs up to the subjectless main verb, is its subject."""
    root = next((i for i, h in enumerate(p.heads) if h == i), None)
    if root is None or p.upos[root] != "VERB" or any(
            p.heads[c] == root and c != root and p.deps[c] in SUBJECTS | PASSIVE_SUBJECTS for c in range(len(p))):
        return p
    clause = next((c for c in range(root) if p.heads[c] == root and p.deps[c] in ("advcl", "obl")), None)
    comma = next((k for k in range(root - 1, -1, -1) if p.words[k] == ","), None)
    if clause is None or comma is None or comma < clause or comma + 1 not in actor_tokens:
        return p
    subject = comma + 1
    # Between the subject and the verb only the rest of its phrase ("Rusia dan Indonesia") or a
    # place phrase ("Pompeo di Twitter menyatakan").
    def fits(k: int) -> bool:
        return (p.deps[k] in _PHRASE_REST and subject <= p.heads[k] < root or p.upos[k] == "ADP"
                or any(p.heads[c] == k and p.deps[c] == "case" for c in range(len(p))))

    if p.heads[subject] >= comma or not all(fits(k) for k in range(subject + 1, root)):
        return p
    heads, deps = list(p.heads), list(p.deps)
    heads[subject], deps[subject] = root, "nsubj"
    return replace(p, heads=tuple(heads), deps=tuple(deps))


def trigger_tokens(p: Parse, trig: TriggerMatch) -> list[int]:
    """The tokens of ``p`` the trigger covers, in order."""
    return [i for i in range(len(p)) if p.starts[i] < trig.end and trig.start < p.ends[i]]


def trigger_head(s: Sentence, trig: TriggerMatch) -> int | None:
    """The token of the trigger whose head lies outside it (the trigger's syntactic head)."""
    p = s.parse
    inside = trigger_tokens(p, trig)
    if not inside:
        return None
    for i in inside:
        if p.heads[i] not in inside or p.heads[i] == i:
            return i
    return inside[0]


def _slots(s: Sentence, h: int, target_preps: frozenset[str], agent_preps: frozenset[str],
           inside: tuple[int, ...] = ()) -> dict[str, list[int]]:
    """Dependents of ``h`` (and of the other words ``inside`` a multiword trigger, such as
    "menerima penghargaan") by role: subject, passive subject, object, agent, target, antara."""
    out: dict[str, list[int]] = {"subj": [], "pass": [], "obj": [], "agent": [], "target": [], "antara": [],
                                 "bare": []}
    for c in [c for k in (h, *inside) for c in s.children[k] if c != h and c not in inside]:
        d = s.dep(c)
        if d in SUBJECTS:
            out["subj"].append(c)
        elif d in PASSIVE_SUBJECTS:
            out["pass"].append(c)
        elif d in OBJECTS:
            out["obj"].append(c)
        elif d in ("flat", "compound") and s.parse.upos[c] == "PROPN":
            out["bare"].append(c)  # "pembunuhan Nikolai Patrushev": a name right after a noun
        elif d in OBLIQUES or d.startswith(("obl", "nmod")):
            case = s.case_of(c)
            if case is None:
                out["bare"].append(c)
            elif case in agent_preps:
                out["agent"].append(c)
            elif case == "antara":
                out["antara"].append(c)
            elif case in target_preps:
                out["target"].append(c)
    return out


def _clitic(s: Sentence, h: int, other: list[Mention]) -> list[Mention]:
    """The person the clitic -nya of the verb at ``h`` names, other than its other party."""
    return next(([m] for m in s.clitic_persons.get(h, []) if m not in other), [])


def _first_group(s: Sentence, tokens: list[int]) -> list[Mention]:
    """The actors of the first of ``tokens`` that has any; one naming a person wins (a parser
    may split "Presiden AS Donald Trump" into two subjects)."""
    groups = [g for g in (s.group_at(t) for t in tokens) if g]
    return next((g for g in groups if any(m.type == "PER" for m in g)), groups[0] if groups else [])


def inherited_subject(s: Sentence, h: int) -> list[Mention]:
    """The subject a verb without one shares: with the verb it is coordinated with or depends
    on ("... dan menahan", "sepakat meningkatkan"), or the noun its relative clause describes."""
    seen = {h}
    k = h
    while True:
        d, head = s.dep(k), s.parse.heads[k]
        if head == k or head in seen:
            return []
        seen.add(head)
        if d in ("acl", "acl:relcl"):
            return s.group_at(head)
        if d not in ("conj", "xcomp", "advcl", "ccomp"):
            return []
        if d != "conj" and s.word(head) in s.lex.cues.get("saying", frozenset()):
            # "X memastikan Putin tidak akan bertemu Y": parsers hang the reported subject on
            # the verb of saying as its object; the speaker acts only when no one else is named.
            said = _first_group(s, s.kids(head, OBJECTS))
            if said:
                return said
        said_by = _teller(s, head) if _time_clause(s, k) else []
        if said_by:
            return said_by  # "Hal itu disampaikan Jokowi saat bertemu dengan relawan"
        # "X dilaporkan bertolak ke Y", "X diminta datang": a passive verb's subject is also
        # the subject of the verb it governs.
        subj = s.kids(head, SUBJECTS | (PASSIVE_SUBJECTS if d == "xcomp" else frozenset()))
        if subj:
            return _first_group(s, subj)
        k = head


def _time_clause(s: Sentence, k: int) -> bool:
    """Whether the clause at ``k`` opens with a word of time ("saat bertemu", "usai rapat")."""
    words = s.lex.cues.get("time_clauses", frozenset())
    return any(s.word(c) in words for c in s.kids(k, frozenset({"mark"})))


def timed_subject(s: Sentence, h: int, tokens: tuple[int, ...]) -> list[Mention]:
    """Who did what a noun trigger at ``h`` names when a word of time puts it before another
    clause ("Usai pertemuan dengan Jokowi, Abisai mengungkapkan ...", "kata Tito sebelum rapat
    kerja dengan Komisi III"): the subject of the verb that clause hangs on, or the teller of
    a passive verb of saying."""
    first = min(tokens)
    if first == 0 or s.word(first - 1) not in s.lex.cues.get("time_clauses", frozenset()):
        return []
    seen: set[int] = set()
    for k in (first - 1, h):
        while k not in seen:
            seen.add(k)
            head = s.parse.heads[k]
            if head == k:
                break
            k = head
            if s.parse.upos[k] == "VERB" and k not in tokens:
                return _first_group(s, s.kids(k, SUBJECTS)) or _teller(s, k)
    return []


def _teller(s: Sentence, v: int) -> list[Mention]:
    """The agent of a passive verb of saying at ``v`` ("disampaikan Jokowi", "diungkapkan oleh
    Kapolri"): who said it, and so who did what the clause of its time tells."""
    if s.word(v) not in s.lex.cues.get("said_passives", frozenset()):
        return []
    agents = [c for c in s.children[v] if c > v and (
        s.dep(c) in OBJECTS or s.dep(c).startswith("obl") and s.case_of(c) == "oleh")]
    return _first_group(s, agents)


def shared_agent(s: Sentence, h: int, agent_preps: frozenset[str]) -> list[Mention]:
    """The *oleh* agent of a passive verb coordinated with the one at ``h`` ("ditangkap dan
    dipaksa kembali oleh penjaga perbatasan"): coordinated passives share it."""
    head = s.parse.heads[h]
    verbs = s.kids(h, COORDINATE) + ([head] if s.dep(h) == "conj" and head != h else [])
    for v in verbs:
        if s.word(v).startswith("di"):
            agents = [c for c in s.children[v] if s.dep(c).startswith("obl") and s.case_of(c) in agent_preps]
            if agents:
                return _first_group(s, agents)
    return []


def is_content(s: Sentence, h: int, trig_heads: dict[int, TriggerMatch], lex: Lexicon) -> bool:
    """Whether the trigger at ``h`` is the content of another trigger (a request, promise or
    threat: "meminta polisi menangkap"), of a capability ("mampu menyerang", "dirancang
    untuk menyerang") or of an obligation ("harus meminta izin"): then it is not an event of
    its own."""
    capability = lex.cues.get("capability", frozenset())
    modals = capability | lex.cues.get("obligation", frozenset())
    if any(s.word(c) in modals for c in s.kids(h, frozenset({"aux", "advmod"}))):
        return True  # "kami bisa menghabisi ISIS": what could be done, not what was
    d, head = s.dep(h), s.parse.heads[h]
    if d == "acl" and head != h and s.dep(head) in OBJECTS:
        # "meminta polisi menangkap X": parsers hang the content on the one asked.
        d, head = "xcomp", s.parse.heads[head]
    if head == h or d not in ("xcomp", "ccomp", "advcl", "csubj"):
        return False
    governor = trig_heads.get(head)
    if governor is not None and governor.form.trigger.type in CONTENT_TAKERS:
        return True
    return s.word(head) in capability


# Dependencies by which a word describes the phrase it hangs on ("aksi mogok", "aksi yang anarkis").
_DESCRIBING = frozenset({"acl", "acl:relcl", "amod", "compound", "nmod", "flat", "appos"})


def names_again(s: Sentence, h: int, trig: TriggerMatch, trig_heads: dict[int, TriggerMatch]) -> bool:
    """Whether the trigger at ``h`` only describes another trigger of its type that it hangs
    on ("menggelar aksi mogok": one protest, not a second one with its own actors)."""
    head = s.parse.heads[h]
    if head == h or s.dep(h) not in _DESCRIBING:
        return False
    return any(other is not trig and other.form.trigger.type == trig.form.trigger.type
               and head in trigger_tokens(s.parse, other) for other in trig_heads.values())


def promised_to(s: Sentence, h: int, target_preps: frozenset[str]) -> list[Mention]:
    """Whom a threat or promise at ``h`` is aimed at when it names what will be done
    ("mengancam akan menyerang Guam", "berjanji untuk memperkuat KPK"): the one it would be
    done to, the object or marked phrase of the clause that says it."""
    for c in s.kids(h, frozenset({"xcomp", "ccomp", "advcl"})):
        if c <= h or s.dep(c) == "advcl" and s.case_of(c) != "untuk":
            continue
        slots = _slots(s, c, target_preps | {"dari"}, frozenset())
        # The phrase must name the actor itself: in "meningkatkan investasi Apple" or "menggelar
        # konferensi pers bersama X" the one named inside is not who the act is done to.
        found = _first_group(s, [k for k in slots["obj"] + slots["target"] if k in s.actors])
        if found:
            return found
    return []


def carries(s: Sentence, h: int, trig: TriggerMatch, trig_heads: dict[int, TriggerMatch]) -> bool:
    """Whether the trigger at ``h`` is a light verb whose object is a noun trigger of another
    type ("memerintahkan pengerahan pasukan", "memerintahkan pengusiran diplomat"): the verb
    only carries that event, whose source it gives."""
    if s.word(h) not in s.lex.cues.get("light_verbs", frozenset()):
        return False
    return any(c in trig_heads and trig_heads[c].form.noun and trig_heads[c].form.trigger.type != trig.form.trigger.type
               for c in s.kids(h, OBJECTS))


def agent_noun_arguments(s: Sentence, h: int, lex: Lexicon, target_preps: frozenset[str]) -> Arguments | None:
    """An agent noun is an event only as what someone becomes ("Rusia menjadi pemasok senjata
    bagi junta": Rusia supplies the junta); "pemasok utama adalah ..." describes, and
    "para pendukung" names a group."""
    head = s.parse.heads[h]
    becoming = lex.cues.get("becoming", frozenset())
    verb = head if head != h and s.word(head) in becoming else None
    if verb is None:  # "sebagai pemasok": the marker hangs on the noun
        marks = [c for c in s.children[h] if s.word(c) in becoming]
        verb = head if marks and head != h else None
    if verb is None:
        return None
    subject = _first_group(s, s.kids(verb, SUBJECTS)) or inherited_subject(s, verb)
    slots = _slots(s, h, target_preps, frozenset())
    target = _first_group(s, slots["target"]) or _first_group(s, _slots(s, verb, target_preps, frozenset())["target"])
    return Arguments(subject, target, subject)


def light_verb_arguments(s: Sentence, h: int, lex: Lexicon, target_preps: frozenset[str],
                         agent_preps: frozenset[str]) -> Arguments | None:
    """Arguments of a noun trigger that is the object of a light verb ("melakukan serangan
    terhadap X", "serangan itu dilakukan oleh Y", "memberikan bantuan kepada Z")."""
    head, d = s.parse.heads[h], s.dep(h)
    light = lex.cues.get("light_verbs", frozenset())
    if head == h or s.word(head) not in light or d not in (OBJECTS | PASSIVE_SUBJECTS | SUBJECTS):
        return None
    slots = _slots(s, head, target_preps, agent_preps)
    if d in PASSIVE_SUBJECTS or s.word(head).startswith("di"):
        # "Kesepakatan itu disampaikan Andre Rosiade": a di- verb's bare object is its agent.
        source = _first_group(s, slots["agent"] + slots["bare"] + slots["obj"])
    else:  # "X terlibat pertikaian": a ter- verb's subject takes part too
        source = _first_group(s, slots["subj"] + slots["pass"]) or inherited_subject(s, head)
    target = _first_group(s, slots["target"])
    return Arguments(source, target, source)


def receiving_arguments(s: Sentence, h: int, lex: Lexicon, target_preps: frozenset[str],
                        agent_preps: frozenset[str]) -> Arguments | None:
    """Arguments of a noun trigger that is the object of a verb of receiving ("X menuai
    kecaman dari Y", "langkah X memicu protes"): X is the target, Y (after *dari*) the source.
    Who evades it is its target too ("X mangkir dari panggilan penyidik KPK")."""
    head, d = s.parse.heads[h], s.dep(h)
    if head == h:
        return None
    evading = s.word(head) in lex.cues.get("evading", frozenset()) and d.startswith("obl") and s.case_of(h) == "dari"
    if not evading and (s.word(head) not in lex.cues.get("receiving", frozenset()) or d not in OBJECTS):
        return None
    slots = _slots(s, head, target_preps, agent_preps | {"dari"})
    target = _first_group(s, slots["subj"] + slots["pass"]) or inherited_subject(s, head)
    return Arguments([] if evading else _first_group(s, slots["agent"]), target, target)


# Where the parser misreads a trigger (tagged as a preposition, a determiner), its
# arguments are read from the word order instead.
PREDICATE_TAGS = frozenset({"VERB", "NOUN", "PROPN", "ADJ", "AUX", "X"})
CLAUSE_BREAK = frozenset({",", ";", ":", "(", ")", '"', "“", "”", "yang", "karena", "setelah", "sebelum", "ketika",
                          "saat", "sementara", "namun", "tetapi", "bahwa", "jika", "agar", "sehingga", "kata", "ujar"})


def find_arguments(s: Sentence, trig: TriggerMatch, trig_heads: dict[int, TriggerMatch]) -> Arguments | None:
    """The arguments of ``trig`` in the parsed sentence ``s``; None when it is not an event of
    its own (the content of another trigger, a capability or a purpose)."""
    h = trigger_head(s, trig)
    if h is None:
        return Arguments([], [], [])
    if is_content(s, h, trig_heads, s.lex) or names_again(s, h, trig, trig_heads) or carries(s, h, trig, trig_heads):
        return None
    if trig.form.trigger.by_speaker:
        return speaker_demand(s, h)
    args = _parsed_arguments(s, trig, h)
    if args is None:  # an agent noun that is no event ("para pendukung")
        return None
    if trig.form.noun and not args.targets:
        denier = denied_by(s, h, trig, trig_heads)
        if denier:
            args = Arguments(args.sources, denier, args.subject)
    if args.sources or args.targets or s.parse.upos[h] in PREDICATE_TAGS and s.dep(h) not in ("case", "mark", "det"):
        return args
    return linear_arguments(s, trig, h)


def denied_by(s: Sentence, h: int, trig: TriggerMatch, trig_heads: dict[int, TriggerMatch]) -> list[Mention]:
    """Who denies an accusation named by a noun at ``h`` ("Iran menolak tuduhan AS", "Teheran
    membantah tudingan itu"): the one it accuses, the subject of the verb of denial."""
    head = s.parse.heads[h]
    denial = trig_heads.get(head)
    if trig.form.trigger.type != "ACCUSE" or denial is None or denial.form.trigger.type != "REJECT":
        return []
    if s.word(h) not in s.lex.cues.get("accusations", frozenset()):
        return []  # "PTUN menolak gugatan Manggala Krida": a court rejects a suit, it is not accused
    if s.dep(h) not in OBJECTS:
        return []
    return _first_group(s, s.kids(head, SUBJECTS)) or inherited_subject(s, head)


def speaker_demand(s: Sentence, h: int) -> Arguments | None:
    """What a speaker says someone must do ("Pemerintah harus membuka akses media," kata X)
    is the speaker's demand of them: actor1 is the speaker, actor2 the subject of the verb
    the modal at ``h`` goes with. None (no event) without a speaker, or when the speaker
    speaks of their own side ("Kami harus ...")."""
    verb = s.parse.heads[h] if s.dep(h) in ("aux", "advmod", "xcomp") else h
    target = _first_group(s, s.kids(verb, SUBJECTS | PASSIVE_SUBJECTS) or s.kids(h, SUBJECTS | PASSIVE_SUBJECTS))
    # The speaker is one actor ("Direktur X, Y": the person), not one event per name.
    source = [m for m in s.speaker if m.type == "PER"][:1] or s.speaker[:1]
    if not source or not target or {m.name for m in target} & {m.name for m in source}:
        return None
    return Arguments(source, target, target)


def linear_arguments(s: Sentence, trig: TriggerMatch, h: int) -> Arguments:
    """Arguments by word order, for a trigger the parser misread: the nearest actor before it
    in its clause (not after a preposition) and the nearest after it (directly, or after a
    target preposition)."""
    p = s.parse
    covered = trigger_tokens(p, trig)
    first, last = covered[0], covered[-1]
    target_preps = s.lex.cues.get("target_preps", frozenset()) | frozenset(trig.form.trigger.target_preps)
    source: list[Mention] = []
    for i in range(first - 1, -1, -1):
        if s.word(i) in CLAUSE_BREAK:
            break
        found = [m for m in s.actors.get(i, ()) if m.type != "LOC"]
        if found:
            if i > 0 and p.upos[i - 1] == "ADP":
                continue
            source = _described(s, i) or found
            break
    target: list[Mention] = []
    for i in range(last + 1, len(p)):
        if s.word(i) in CLAUSE_BREAK:
            break
        found = [m for m in s.actors.get(i, ()) if m.type != "LOC"]
        if found:
            before = s.word(i - 1)
            if p.upos[i - 1] != "ADP" or before in target_preps:
                target = found
            break
    if trig.form.passive or trig.form.trigger.inverse:
        source, target = target, source
    return Arguments(source, [t for t in target if t not in source], source)


def _described(s: Sentence, i: int) -> list[Mention]:
    """The person a definite description holding token ``i`` refers back to ("kader Partai
    Golkar itu", "Politikus PKB ini"): a name inside it is where the person belongs, not who
    acts. Empty when the phrase of ``i`` is no such description."""
    k = i
    while s.dep(k) in ("flat", "compound", "nmod") and s.parse.heads[k] != k and s.parse.heads[k] < k:
        k = s.parse.heads[k]
    return list(s.actors.get(k, ())) if k != i and k in s.referents else []


def _antara_after(s: Sentence, trig: TriggerMatch) -> list[int]:
    """The phrase marked by *antara* a few words after a noun trigger, in its clause
    ("kerja sama bidang pendidikan antara X dan Y"), which parsers often hang elsewhere."""
    if not trig.form.noun:
        return []
    p = s.parse
    last = trigger_tokens(p, trig)[-1]
    for i in range(last + 1, min(last + 1 + ANTARA_REACH, len(p))):
        if s.word(i) in CLAUSE_BREAK:
            return []
        if s.word(i) == "antara" and p.heads[i] != i:
            return [p.heads[i]]
    return []


def _parsed_arguments(s: Sentence, trig: TriggerMatch, h: int) -> Arguments | None:
    """The arguments of the trigger headed by token ``h``, from the dependency parse."""
    lex = s.lex
    form = trig.form
    target_preps = lex.cues.get("target_preps", frozenset()) | frozenset(form.trigger.target_preps)
    agent_preps = frozenset({"oleh"}) | (frozenset({"dari"}) if form.trigger.inverse else frozenset())
    if form.noun and form.trigger.type in FROM_SOURCE and "dari" not in target_preps:
        agent_preps |= {"dari"}  # "kecaman dari Havana", "dukungan dari Jepang": who it comes from
    p = s.parse
    inside = tuple(i for i in trigger_tokens(p, trig) if i != h)
    slots = _slots(s, h, target_preps, agent_preps, inside)
    pair = _first_group(s, slots["antara"] or _antara_after(s, trig))
    if pair:
        return Arguments(pair[:1], pair[1:2], pair)
    if form.agent_noun:
        return agent_noun_arguments(s, h, lex, target_preps)
    if form.noun:
        light = light_verb_arguments(s, h, lex, target_preps, agent_preps)
        carrier = document_noun(s, h)
        if carrier is not None:
            # "mengirimkan surat panggilan untuk Dwina": the phrase of the noun the trigger
            # names the kind of holds its arguments.
            light = light or light_verb_arguments(s, carrier, lex, target_preps, agent_preps)
            around = _slots(s, carrier, target_preps, frozenset({"oleh"}), (h,))
            slots["agent"] += around["agent"]
            slots["target"] += around["target"]
        agent = _first_group(s, slots["agent"])
        target = _first_group(s, slots["target"])
        # "kunjungannya ke Myanmar": the clitic names the possessor. A possessor follows the
        # noun and its modifiers ("serangan Israel", "kunjungan kenegaraan Presiden X");
        # "aksi unjuk rasa memprotes kebijakan X" is not X's.
        # A named actor the parser hung on it as a compound is a possessor too ("pertemuan
        # Komisi III", "permintaan TNI"); an unnamed group there ("tuntutan jaksa") is not.
        possessor = _first_group(s, [c for c in dict.fromkeys(slots["bare"] + _named_compounds(s, h))
                                     if _follows(s, (h, *inside), c)]) or _clitic(s, h, target)
        if form.patient_noun and not possessor and not target and not agent:
            possessor = _named_within(s, max((h, *inside)))
        if form.patient_noun and possessor and not target:
            # "penangkapan X", "pembunuhan X": the possessor is the one it was done to.
            target, possessor = possessor, []
        source = agent or possessor
        if light is not None:
            source = source or light.sources
            target = target or light.targets
            mutual = _mutual(form, source, target)
            if mutual is not None:
                return mutual
        else:
            received = receiving_arguments(s, h, lex, target_preps, agent_preps)
            if received is not None:
                source = source or received.sources
                target = target or received.targets
        if not target and form.trigger.type == "REQUEST":
            # "Permintaan agar Ruhut mundur disampaikan oleh ...": who is to act is asked.
            last = max((h, *inside))
            purpose = last + 1 < len(s.parse) and s.word(last + 1) in s.lex.cues.get("purpose", frozenset())
            target = demanded_of(s, h) or (_right_after(s, last + 1) if purpose else [])
        if target and not source:  # "Usai pertemuan dengan Jokowi, Abisai ..."
            source = timed_subject(s, h, (h, *inside))
        return Arguments(source, target, source)
    if s.parse.upos[h] in ("NOUN", "PROPN"):
        # A base form used as a noun ("Protes itu dipimpin oleh X", "melakukan protes
        # terhadap Y") takes the arguments of the light verb that carries it.
        light = light_verb_arguments(s, h, lex, target_preps, agent_preps)
        if light is not None and (light.sources or light.targets):
            target = _first_group(s, slots["target"]) or light.targets
            return _mutual(form, light.sources, target) or Arguments(light.sources, target, light.sources)
    subject = _first_group(s, slots["subj"])
    if form.passive:
        # "ditetapkan dua orang tersangka yaitu X, Y": the phrase holding the entry's own word
        # names who it was done to, not who did it.
        named = [c for c in slots["bare"] + slots["obj"]
                 if any(s.word(t) in form.trigger.with_words for t in s.phrase(c))]
        patient = _first_group(s, slots["pass"] + slots["subj"]) or inherited_subject(s, h) or _first_group(s, named)
        # "dihalau polisi": a bare agent the parser hung on the verb as a compound.
        bare_agent = [c for c in s.kids(h, frozenset({"compound"})) if c > h and c in s.actors]
        agents = [c for c in slots["agent"] + slots["bare"] + slots["obj"] + bare_agent if c not in named]
        agent = _first_group(s, agents) or _clitic(s, h, patient) or shared_agent(s, h, agent_preps)
        target = _first_group(s, slots["target"])
        if form.trigger.patient_acts and not agent:
            return Arguments(patient, target, patient)  # "pasukan dikerahkan ke Gaza"
        return Arguments(agent, target or patient, patient)
    if not subject:
        # "Kedua menlu itu, sebelumnya sudah membahas ...": a bare phrase before the verb,
        # cut off by a comma, that the parser hung on it as an oblique is its subject.
        fronted = [c for c in slots["bare"] if c < h and s.dep(c).startswith("obl")]
        subject = _first_group(s, fronted)
        slots["bare"] = [c for c in slots["bare"] if c not in fronted]
    subject = subject or inherited_subject(s, h) or linear_arguments(s, trig, h).sources
    if form.trigger.inverse:
        return Arguments(_first_group(s, slots["agent"]), subject, subject)
    # A name the parser hung on the verb as "flat" is its object ("menggandeng Yordania"); the
    # subject of a complement clause is the one accused or asked ("menuduh Rusia melegitimasi").
    obj, marked = _first_group(s, slots["obj"]), _first_group(s, slots["target"])
    if form.trigger.patient_acts:
        # "Singapura mengerahkan kapal perang RSS Gallant": what is deployed is the deployer's
        # own; only a marked phrase, on the verb or on what is sent, says where it goes
        # ("mengerahkan pasukan ke Gaza").
        sent = [c for o in slots["obj"] for c in _slots(s, o, target_preps, frozenset())["target"]]
        marked = marked or _first_group(s, sent)
        return Arguments(subject, [t for t in marked if t not in subject], subject)
    if not obj and not marked:
        obj = next((g for g in (object_holder(s, o) for o in slots["obj"]) if g), [])
        marked = _first_group(s, _within(s, [h, *slots["obj"]]))
    if obj and marked and (inside or marked[0].start < obj[0].start):
        # "memberikan penghargaan kepada A, B, ... menteri C": a trigger that holds its own
        # object, or an object after the marked phrase, is the parser's misreading of a list.
        obj = []
    target = (obj or marked or _first_group(s, slots["bare"])
              or _first_group(s, [c for k in s.kids(h, frozenset({"ccomp", "xcomp"})) for c in s.kids(k, SUBJECTS)])
              or (demanded_of(s, h) if form.trigger.type == "REQUEST" else [])
              # "Pemerintah dan DPR sepakat membentuk X": an agreement of two is between them.
              or (promised_to(s, h, target_preps) if form.trigger.type in PROMISES and len(subject) < 2 else [])
              or _clitic(s, h, subject)
              or ([] if form.passive else _right_after(s, trigger_tokens(s.parse, trig)[-1])))
    return _mutual(form, subject, target) or Arguments(subject, [t for t in target if t not in subject], subject)


_MODIFIERS = frozenset({"amod", "compound", "nummod", "det"})


NOUN_PHRASE_REACH = 4  # words between a noun trigger and a name of its phrase ("penusukan Menko Polhukam Wiranto")


def _named_within(s: Sentence, last: int) -> list[Mention]:
    """The first person named in the words after a noun trigger ending at ``last``, while they
    can still be its phrase (no verb, preposition, reference or clause break): for a phrase
    the parser hung elsewhere ("penusukan Menko Polhukam Wiranto", "penangkapan artis Roro
    Fitria"). An organisation there is as often whose order it was ("Perintah Penahanan
    Kepala Kejaksaan Negeri X")."""
    p = s.parse
    for k in range(last + 1, min(last + 1 + NOUN_PHRASE_REACH, len(p))):
        if (s.word(k) in CLAUSE_BREAK or k in s.referents
                or p.upos[k] in ("VERB", "ADP", "AUX", "SCONJ", "CCONJ", "PRON")):
            return []
        named = [m for m in s.actors.get(k, ()) if m.type == "PER" and m.actor_id is not None]
        if named:
            return named[:1]
    return []


def _within(s: Sentence, heads: list[int]) -> list[int]:
    """Phrases on ``heads`` that place what is done inside a body ("mengimbau pelaporan
    gratifikasi di lingkungan Kementerian PU", "bersih-bersih di tubuh Polri"): the body is
    the one the act is aimed at."""
    words = s.lex.cues.get("within", frozenset())
    return [c for k in heads for c in s.children[k] if s.word(c) in words and s.case_of(c) == "di"]


def _right_after(s: Sentence, last: int) -> list[Mention]:
    """The named actor that starts right after an active verb the parser gave no object
    ("KPK menjerat Miryam dengan pasal 22", parsed as a noun phrase): its object."""
    k = last + 1
    if k >= len(s.parse) or k in s.referents:
        return []
    return [m for m in s.actors.get(k, ()) if m.type != "LOC" and m.actor_id is not None][:1]


def _named_compounds(s: Sentence, h: int) -> list[int]:
    """Words after ``h`` that the parser hung on it as a compound and that name an actor, or
    staff of a named organisation right after them ("panggilan penyidik KPK")."""
    return [c for c in s.children[h] if s.dep(c) in ("flat", "compound") and c > h
            and (_named(s, c) or _staff_of_named(s, c))]


def _named(s: Sentence, i: int, kind: str | None = None) -> bool:
    return any(m.actor_id is not None and kind in (None, m.type) for m in s.actors.get(i, ()))


def _staff_of_named(s: Sentence, c: int) -> bool:
    """Whether token ``c`` is an unnamed group word ("penyidik", "aparat") followed by the named
    organisation it acts for, hung on it ("penyidik KPK")."""
    return (c not in s.actors and s.word(c) in s.lex.cues.get("groups", frozenset())
            and c + 1 in s.children[c] and _named(s, c + 1, "ORG"))


def _follows(s: Sentence, noun: tuple[int, ...], c: int) -> bool:
    """Whether the phrase at ``c`` comes right after the ``noun`` tokens, past their modifiers."""
    k, start = max(noun) + 1, min(s.phrase(c))
    while k < start and s.parse.heads[k] in noun and s.dep(k) in _MODIFIERS:
        k += 1
    return k == start


def claimant(s: Sentence) -> list[Mention]:
    """Who the sentence says claims responsibility ("X mengklaim bertanggung jawab atas
    serangan itu", "... diserang, dengan kelompok X mengklaim bertanggung jawab"): the
    subject of the verb of claiming, or the nearest actor before it in its clause."""
    claiming = s.lex.cues.get("claiming", frozenset())
    for k in range(1, len(s.parse)):
        if s.word(k) not in ("bertanggung", "bertanggungjawab") or s.word(k - 1) not in claiming:
            continue
        verb = k - 1
        found = _first_group(s, s.kids(verb, SUBJECTS)) or inherited_subject(s, verb)
        for i in range(verb - 1, -1, -1):
            if found or s.word(i) in CLAUSE_BREAK:
                break
            found = [m for m in s.actors.get(i, ()) if m.type != "LOC"]
        return found
    return []


def object_holder(s: Sentence, o: int) -> list[Mention]:
    """Whose thing an object that names no actor is: the agent of a passive relative clause on
    it ("menolak permohonan kasasi yang diajukan Kontras" is rejecting Kontras)."""
    for c in s.children[o]:
        if s.dep(c) != "acl" or s.parse.upos[c] != "VERB" or not s.word(c).startswith("di"):
            continue
        if not any(s.word(k) == "yang" for k in s.children[c] if k < c):
            continue  # "tanahnya untuk dibangun Istana": a purpose, not a relative clause
        agents = [k for k in s.children[c] if k > c and (
            s.dep(k) in OBJECTS or s.dep(k) in ("flat", "compound") and s.parse.upos[k] == "PROPN"
            or s.dep(k).startswith(("obl", "nmod")) and s.case_of(k) == "oleh")]
        found = _first_group(s, agents)
        if found:
            return found
    return []


def document_noun(s: Sentence, h: int) -> int | None:
    """The noun a noun trigger at ``h`` says the kind of ("surat panggilan", "nota protes"),
    if it modifies one directly, without a preposition."""
    head = s.parse.heads[h]
    if head == h or head > h or s.dep(h) not in ("nmod", "compound") or s.case_of(h) is not None:
        return None
    return head if s.parse.upos[head] == "NOUN" else None


def demanded_of(s: Sentence, h: int) -> list[Mention]:
    """Who a request at ``h`` is of, when it names an outcome ("meminta agar perusahaan tidak
    memanen", "mengajak supaya TNI dan Polri solid"): the subject of the clause marked by a
    *purpose* conjunction. Parsers hang it either as a clause with that mark or as an oblique
    with the conjunction as its case. A passive clause's subject is not asked ("agar para
    sopir diangkat")."""
    purpose = s.lex.cues.get("purpose", frozenset())
    for c in s.children[h]:
        if c <= h:
            continue
        d = s.dep(c)
        if d.startswith("obl") and s.case_of(c) in purpose:
            return _first_group(s, [c])
        marks = [m for m in s.children[c] if s.dep(m) in ("mark", "case") and s.word(m) in purpose]
        if marks and d in ("advcl", "ccomp", "xcomp", "conj"):
            return _first_group(s, s.kids(c, SUBJECTS))
    return []


def _mutual(form: Form, parties: list[Mention], target: list[Mention]) -> Arguments | None:
    """Coordinated parties of a symmetric trigger with no other target act on each other: one
    event for a meeting or agreement ("X dan Y bertemu"), and one each way for a clash an
    entry marks symmetric ("Israel dan Hamas terlibat pertikaian"), where each side attacks.
    None when there is a target or fewer than two parties."""
    if len(parties) < 2 or target:
        return None
    if form.trigger.type in SYMMETRIC:
        return Arguments(parties[:1], parties[1:], parties)
    if form.trigger.symmetric:
        return Arguments(parties, parties, parties)  # every ordered pair; an actor never acts on itself
    return None
