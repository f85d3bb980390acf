"""Loading a city: every `wijken/<wijk>/` folder into the model, with every problem found.

A broken item is left out and reported; everything valid is kept. A wijk whose `index.md`
is broken keeps its valid items under a name made from its folder.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from bovenwijks.content import links, opgehaald, reeks, steden
from bovenwijks.content.afbeelding import Checker, Plek, check_images, is_image
from bovenwijks.content.bestanden import refused
from bovenwijks.content.convert import SLUG_RE, Prioriteiten, Vocab, aanmelden_link, convert
from bovenwijks.content.geschiedenis import Geschiedenis, geschiedenis, gewijzigd
from bovenwijks.content.plaats import DOCS
from bovenwijks.content.placeholder import body_problems
from bovenwijks.content.problem import Problem
from bovenwijks.content.schema import ITEM_KINDS, WIJK, WIJKPLAN
from bovenwijks.content.source import Bronnen, read_source
from bovenwijks.content.steden import Stadbron
from bovenwijks.content.tekst import Link, lees
from bovenwijks.content.validate import check_initiatieven, check_references, drop_broken, unique
from bovenwijks.content.verleden import al_voorbij
from bovenwijks.content.vocabulaire import fallback_vocabulaire, load_vocabulaire, loket
from bovenwijks.model import (
    Activiteit,
    Afbeelding,
    Bericht,
    Contact,
    Initiatief,
    Item,
    Kennis,
    Kennisregel,
    Onderwerp,
    Ontmoetingsplek,
    Prioriteit,
    Stad,
    Tekstbeeld,
    Thema,
    Vocabulaire,
    Wijk,
    Wijkplan,
)
from bovenwijks.slug import slugify

WIJKEN = "wijken"


@dataclass
class Loaded:
    """A loaded city and every problem found on the way, sorted by file and line."""

    stad: Stad
    problems: list[Problem] = field(default_factory=list)
    geschiedenis: Geschiedenis = field(default_factory=Geschiedenis)  # of the wijken and the city's pages
    # The links a problem was reported for, as (page's place, link as written): the build
    # leaves out MkDocs' own English warning for each (`content.links`).
    gemelde_links: set[tuple[str, str]] = field(default_factory=set)


def _contact(value: dict[str, Any] | None) -> Contact | None:
    if not value:
        return None
    return Contact(value["naam"], value.get("email"), value.get("telefoon"))


def _regels(values: list[dict[str, Any]] | None) -> list[Kennisregel]:
    return [Kennisregel(v["onderwerp"], v.get("toelichting")) for v in values or []]


def _initiatief(v: dict[str, Any], base: dict[str, Any]) -> Initiatief:
    return Initiatief(
        **base,
        samenvatting=v["samenvatting"],
        status=v["status"],
        themas=v["themas"],
        contact=_contact(v["contact"]),
        gestart=v.get("gestart"),
        bijgewerkt=v.get("bijgewerkt"),
        locatie=v.get("locatie"),
        partners=v.get("partners", []),
        prioriteiten=v.get("prioriteiten", []),
        biedt=_regels(v.get("biedt")),
        zoekt=_regels(v.get("zoekt")),
        hulp=v.get("hulp", []),
        afbeelding=v["afbeelding"],
    )


def _activiteit(v: dict[str, Any], base: dict[str, Any]) -> Activiteit:
    start, hele_dag = v["start"]
    eind = v["eind"][0] if v.get("eind") else None
    base["lines"] = {**base["lines"], **reeks.lines(v.get("herhaling"))}
    return Activiteit(
        **base,
        start=start,
        hele_dag=hele_dag,
        eind=eind,
        locatie=v["locatie"],
        initiatief=v.get("initiatief"),
        themas=v.get("themas", []),
        hulp=v.get("hulp", []),
        afbeelding=v["afbeelding"],
        herhaling=reeks.herhaling(v.get("herhaling")),
        afgelast=v.get("afgelast"),
        aanmelden=v.get("aanmelden"),
        aanmelden_link=aanmelden_link(v["aanmelden"]) if v.get("aanmelden") else None,
        kosten=v.get("kosten"),
        toegankelijkheid=v.get("toegankelijkheid"),
    )


def _bericht(v: dict[str, Any], base: dict[str, Any]) -> Bericht:
    return Bericht(**base, datum=v["datum"], auteur=v.get("auteur"), samenvatting=v.get("samenvatting"), afbeelding=v["afbeelding"])


def _kennis(v: dict[str, Any], base: dict[str, Any]) -> Kennis:
    return Kennis(**base, soort=v["soort"], onderwerpen=v["onderwerpen"], datum=v["datum"], contact=_contact(v.get("contact")))


_FACTORIES = {Initiatief.folder: _initiatief, Activiteit.folder: _activiteit, Bericht.folder: _bericht, Kennis.folder: _kennis}
# The rules of a kind that need the whole item: a checked item (perhaps with less in it) and its problems.
_CHECKS = {Activiteit.folder: reeks.check}


class _WijkLoader:
    def __init__(
        self,
        root: Path,
        folder: Path,
        slug: str,
        vocab: Vocab | None,
        problems: list[Problem],
        history: Geschiedenis,
        vandaag: date,
        bronnen: Bronnen | None = None,
    ):
        self.root, self.folder, self.slug, self.vocab, self.problems = root, folder, slug, vocab, problems
        self.read_source = bronnen.read if bronnen is not None else read_source
        self.history, self.vandaag = history, vandaag
        self.prefix = self.rel(folder) + "/"  # `wijken/oost/`: the start of every path shown
        self.images = Checker(root, folder)
        self.tekstbeelden: list[Tekstbeeld] = []
        self.prioriteiten: Prioriteiten | None = None  # once the wijkplan is read
        self.links: dict[str, list[Link]] = {}  # the links in each file's text, checked once the city is loaded

    def rel(self, file: Path) -> str:
        return file.relative_to(self.root).as_posix()

    def read(self, file: Path, kind, path: str | None = None) -> tuple[dict[str, Any] | None, Any]:
        path = path or self.rel(file)
        source, problems = self.read_source(file, path)
        self.problems.extend(problems)
        if source is None:
            return None, None
        converted = convert(source.node, kind, path, self.vocab, self.prioriteiten)
        self.problems.extend(converted.problems)
        unfinished = body_problems(path, source.body, source.body_line)
        self.problems.extend(unfinished)
        self._text_images(source.body, source.body_line, path)
        if not converted.ok or unfinished:
            return None, source
        converted.values["_lines"] = converted.lines
        converted.values["afbeelding"] = self._afbeelding(converted.values.get("afbeelding"), path)
        return converted.values, source

    def _afbeelding(self, value: dict[str, Any] | None, path: str) -> Afbeelding | None:
        """The checked photo of a file; None (and the problem reported) when it can't be used."""
        if value is None:
            return None
        afbeelding, problems = self.images.afbeelding(value, Plek(path, value["_line"]))
        self.problems.extend(problems)
        return afbeelding

    def load(self) -> tuple[Wijk, list[Problem]]:
        wijk = self._profile()
        wijkplan_broken = self._wijkplan(wijk)
        items: list[Item] = []
        initiatief_slugs: set[str] = set()
        for file, parts in self._files():
            path = self.prefix + "/".join(parts)
            markdown = parts[-1].endswith(".md")
            if len(parts) == 1 and parts[0] in ("index.md", "wijkplan.md"):
                continue
            refusal = refused(parts)
            if refusal is not None:
                self.problems.append(Problem(path, 1, refusal))
                # An image of another kind stays among the files, so that a page showing it
                # gets the photo's own problem alone: it is never published as it is (fotos).
                if not is_image(parts[-1]):
                    continue
            if len(parts) == 2 and parts[0] in ITEM_KINDS and markdown and parts[1] != "index.md":
                if parts[0] == Initiatief.folder:
                    initiatief_slugs.add(slugify(parts[1].removesuffix(".md")))
                item = self._item(file, parts[0], path)
                if item is not None:
                    items.append(item)
                continue
            if len(parts) > 2 and parts[0] in ITEM_KINDS and markdown:
                self.problems.append(
                    Problem(
                        path,
                        1,
                        f"een {ITEM_KINDS[parts[0]].name} hoort direct in de map {parts[0]}/ te staan, niet in een submap",
                        fatal=False,
                    )
                )
            if markdown and not self._page_images(file, path):
                continue
            wijk.pages.append(path)
        wijk.tekstbeelden = self.tekstbeelden
        kept, duplicates = unique(items)
        self.problems.extend(duplicates)
        kept.extend(self._opgehaald(wijk, {i.identity for i in kept}))
        for item in kept:
            getattr(wijk, item.folder).append(item)  # the folders are named as the Wijk's lists
        wijk.initiatieven.sort(key=lambda i: (i.titel.lower(), i.slug))
        wijk.agenda.sort(key=lambda a: (a.start, a.slug))
        wijk.nieuws.sort(key=lambda b: (b.datum, b.slug), reverse=True)
        wijk.kennis.sort(key=lambda k: (k.datum, k.slug), reverse=True)
        reference_problems = check_references(wijk, initiatief_slugs, wijkplan_broken)
        self.problems.extend(reference_problems)
        self.problems.extend(check_initiatieven(wijk, initiatief_slugs, self.history, self.rel(self.folder.parent)))
        wijk.initiatieven = drop_broken(wijk.initiatieven, reference_problems)
        wijk.agenda = drop_broken(wijk.agenda, reference_problems)
        return wijk, self.problems

    def _opgehaald(self, wijk: Wijk, taken: set[str]) -> list[Item]:
        """What `bovenwijks ophalen` brought from the wijk's own website; a page of the wijk's
        own keeps its address."""
        imported, problems = opgehaald.lees(self.root, self.folder, wijk, self.images, self.vandaag)
        self.problems.extend(problems)
        kept = []
        for item in imported:
            if item.identity in taken:
                self.problems.append(
                    Problem(
                        item.source,
                        1,
                        f"het opgehaalde '{item.titel}' zou het adres /{item.url} krijgen, dat al van een pagina van de wijk is;"
                        " het staat niet op de site tot 'make ophalen' het een ander adres geeft",
                        fatal=False,
                        warning=True,
                    )
                )
                continue
            taken.add(item.identity)
            kept.append(item)
        return kept

    def _page_images(self, file: Path, path: str) -> bool:
        """Check the images in the text of a page that is not an item (it is published as it is).

        False when the page is no text MkDocs can read (not UTF-8), and is left out: MkDocs
        would stop the whole build on it.
        """
        source, problems = self.read_source(file, path, frontmatter_required=False)
        self.problems.extend(problems)
        if source is not None:
            self._text_images(source.body, source.body_line, path)
            return True
        try:
            file.read_bytes().decode("utf-8-sig")  # only read again for a page with a problem
        except (OSError, UnicodeDecodeError):
            return False
        return True

    def _text_images(self, body: str, first_line: int, path: str) -> None:
        tekst = lees(body, first_line)  # one pass over the text, for its images and its links
        self.links[path] = tekst.links
        problems, beelden = check_images(self.images, tekst.beelden, path)
        self.problems.extend(problems)
        self.tekstbeelden.extend(beelden)

    def _files(self) -> list[tuple[Path, tuple[str, ...]]]:
        """Every file of the wijk, with the parts of its path inside the wijk's folder.

        Plain strings, not `Path.relative_to`: that took a tenth of loading 10,000 files.
        """
        files = []
        top = str(self.folder)
        for directory, subdirs, names in os.walk(top):
            subdirs[:] = sorted(d for d in subdirs if not d.startswith((".", "_")))
            inner = os.path.relpath(directory, top)
            folders = () if inner == "." else tuple(inner.split(os.sep))
            files.extend((Path(directory, n), (*folders, n)) for n in sorted(names) if not n.startswith("."))
        return files

    def _profile(self) -> Wijk:
        index = self.folder / "index.md"
        fallback = Wijk(self.slug, self.slug.replace("-", " ").title(), self.rel(index))
        if not index.exists():
            self.problems.append(
                Problem(
                    self.rel(index), 1, f"de wijk '{self.slug}' heeft geen index.md; maak dat bestand met naam, samenvatting en redactie"
                )
            )
            return fallback
        values, source = self.read(index, WIJK)
        if values is None:
            return fallback
        return Wijk(
            self.slug,
            values["naam"],
            self.rel(index),
            samenvatting=values["samenvatting"],
            redactie=values["redactie"],
            contact=values.get("contact"),
            wijkteam=loket(values["wijkteam"]) if values.get("wijkteam") else None,
            ontmoetingsplekken=[Ontmoetingsplek(p["naam"], p["adres"], p.get("open")) for p in values.get("ontmoetingsplekken", [])],
            website=values.get("website"),
            feed=values.get("feed"),
            kalender=values.get("kalender"),
            afbeelding=values["afbeelding"],
            body=source.body,
            lines=values["_lines"],
        )

    def _wijkplan(self, wijk: Wijk) -> bool:
        """Load the wijkplan into `wijk`; True when it exists but cannot be used."""
        file = self.folder / "wijkplan.md"
        if not file.exists():
            return False
        values, source = self.read(file, WIJKPLAN)
        if values is None:
            return True
        prioriteiten, seen = [], set()
        for p in values["prioriteiten"]:
            if p["id"] in seen:
                self.problems.append(
                    Problem(
                        self.rel(file), p["_line"], f"de prioriteit '{p['id']}' staat er twee keer in; geef elke prioriteit een eigen id"
                    )
                )
                continue
            seen.add(p["id"])
            prioriteiten.append(Prioriteit(p["id"], p["titel"], p["thema"]))
        wijk.wijkplan = Wijkplan(values["jaar"], prioriteiten, source.body, self.rel(file))
        self.prioriteiten = Prioriteiten(self.rel(file), {p.id: p.titel for p in prioriteiten})
        return False

    def _item(self, file: Path, folder: str, path: str) -> Item | None:
        values, source = self.read(file, ITEM_KINDS[folder], path)
        if values is None:
            return None
        stem = file.name.removesuffix(".md")
        slug = slugify(stem)
        if slug != stem:
            self.problems.append(
                Problem(
                    path,
                    1,
                    f"de bestandsnaam '{file.name}' bevat hoofdletters, spaties of leestekens; hernoem het bestand naar '{slug}.md'",
                    fatal=False,
                )
            )
        base = {
            "wijk": self.slug,
            "slug": slug,
            "source": path,
            "titel": values["titel"],
            "body": source.body,
            "body_line": source.body_line,
            "lines": values["_lines"],
        }
        item = _FACTORIES[folder](values, base)
        check = _CHECKS.get(folder)
        if check is None:
            return item
        item, problems = check(item)
        self.problems.extend(problems)
        return None if any(p.fatal for p in problems) else item


def load_stad(
    root: Path,
    naam: str = "Amersfoort",
    wijken_dir: str = WIJKEN,
    vandaag: date | None = None,
    andere_steden: Sequence[Stadbron] = (),
    bronnen: Bronnen | None = None,
) -> Loaded:
    """Load the city under the project `root` (which holds `wijken/` and `content/`), on the day `vandaag` (today by default).

    `andere_steden`: the cities it exchanges knowledge with, whose snapshots are read too.
    `bronnen`: the files as the last build read them (under `mkdocs serve`), so that only
    the changed ones are parsed again.
    """
    if bronnen is not None:
        bronnen.opnieuw()
    root = Path(root)
    vandaag = vandaag or date.today()
    problems: list[Problem] = []
    history = geschiedenis(root, (wijken_dir, DOCS))
    vocabulaire, vocab_problems = load_vocabulaire(root)
    problems.extend(vocab_problems)
    vocab = None
    if vocabulaire is not None:
        vocab = Vocab(
            {t: t for t in vocabulaire.themas},
            vocabulaire.resolve_onderwerp,
            sorted(vocabulaire.onderwerpen),
            vocabulaire.woorden(),
            vocabulaire.hulp_woorden(),
        )
    wijken: dict[str, Wijk] = {}
    teksten: dict[str, list[Link]] = {}
    base = root / wijken_dir
    folders = sorted(p for p in base.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))) if base.is_dir() else []
    for folder in folders:
        slug = folder.name
        if not SLUG_RE.match(slug):
            fixed = slugify(slug)
            problems.append(
                Problem(
                    f"{wijken_dir}/{slug}/index.md",
                    1,
                    f"de mapnaam '{slug}' mag alleen kleine letters, cijfers en streepjes bevatten; hernoem de map naar '{fixed}'",
                )
            )
            continue
        loader = _WijkLoader(root, folder, slug, vocab, problems, history, vandaag, bronnen)
        wijk, _ = loader.load()
        wijken[slug] = wijk
        teksten.update(loader.links)
    if vocabulaire is None:
        vocabulaire = _vocabulaire_from_use(wijken)
    # An imported activiteit says itself when it last changed, and was never mistyped here.
    activiteiten = [a for w in wijken.values() for a in w.agenda if a.origineel is None]
    wanneer = gewijzigd(root, (a.source for a in activiteiten), wijken_dir, history)
    problems.extend(al_voorbij(activiteiten, history.toegevoegd, vandaag))
    for activiteit in activiteiten:
        activiteit.gewijzigd = wanneer.get(activiteit.source)
    # Once every wijk is loaded: a link may point into another wijk.
    gecontroleerd = links.check_stad(root, wijken, teksten, problems, history, wijken_dir)
    problems.extend(gecontroleerd.problems)
    wijken = dict(sorted(wijken.items(), key=lambda kv: kv[1].naam.lower()))
    elders, elders_problems = steden.lees(root, wijken_dir, andere_steden, vocabulaire, vandaag)
    problems.extend(elders_problems)
    problems.sort(key=lambda p: (p.path, p.line, p.message))
    return Loaded(Stad(naam, wijken, vocabulaire, elders), problems, history, gecontroleerd.gemeld)


def _vocabulaire_from_use(wijken: dict[str, Wijk]) -> Vocabulaire:
    """Without a readable vocabulary, the themas in use still get pages, named by their ids."""
    vocabulaire = fallback_vocabulaire()
    for wijk in wijken.values():
        for item in wijk.items():
            for thema in getattr(item, "themas", []):
                vocabulaire.themas.setdefault(thema, Thema(thema, thema))
            for regel in [*getattr(item, "biedt", []), *getattr(item, "zoekt", [])]:
                vocabulaire.onderwerpen.setdefault(regel.onderwerp, Onderwerp(regel.onderwerp, regel.onderwerp))
            for onderwerp in getattr(item, "onderwerpen", []):
                vocabulaire.onderwerpen.setdefault(onderwerp, Onderwerp(onderwerp, onderwerp))
    return vocabulaire
