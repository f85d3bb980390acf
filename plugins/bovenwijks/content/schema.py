"""The content contract as data: every kind of file, its keys, their types and Dutch help.

One declaration serves validation (`convert`), the JSON Schemas editors' tools read, and
the editor reference page, so that none of them can drift from the others.
"""

from __future__ import annotations

from dataclasses import dataclass

from bovenwijks.herhaling import FREQUENTIES
from bovenwijks.keuzes import SOORTEN, STATUSSEN
from bovenwijks.model import Activiteit, Bericht, Initiatief, Kennis

# Where the contract lives in the repository: the generated files say they are made from it.
SOURCE = "plugins/bovenwijks/content/schema.py"


# The types whose values are ids (never a comma): a list of them may be one line, split at its commas.
ID_TYPES = frozenset({"thema", "onderwerp", "hulp", "slug", "github", "weekdag", "prioriteit"})
# What editors write for `email` as well.
EMAIL_ALIASES = ("e-mail",)


@dataclass(frozen=True)
class Field:
    """One frontmatter key.

    `type` is one of: tekst, email, url, telefoon, github, slug, prioriteit (the id or titel of
    a prioriteit in the wijk's wijkplan), datum, datumtijd, jaar,
    keuze (one of `choices`), thema, onderwerp, hulp (ids from the vocabulary), foto (the
    name of a photo file), weekdag (a Dutch weekday), aantal (a whole number from 1),
    aanmelden (a URL or an e-mail address, else kept as text with a warning), object (with
    `fields`). `many` makes it a list of that type. A field that is not `fatal` never costs
    the file its page: a wrong value (or list entry) is reported and left out. An object
    with a `shorthand` may be written as that one key's value: `- 2026-12-24` for
    `- datum: 2026-12-24`. `aliases` are other names editors may write the key with
    (`e-mail:`); its value lands under `name`. A datumtijd that is `same_day_as` another key
    may be a time alone (`eind: 17:00`): on that key's day.
    """

    name: str
    type: str
    help: str
    required: bool = False
    many: bool = False
    choices: tuple[str, ...] = ()
    fields: tuple[Field, ...] = ()
    example: object = None
    one_of: tuple[str, ...] = ()  # for objects: at least one of these keys is required
    fatal: bool = True
    shorthand: str | None = None  # for objects: the key a bare value stands for
    aliases: tuple[str, ...] = ()
    same_day_as: str | None = None

    @property
    def comma_list(self) -> bool:
        """Whether a list of this field may be written on one line: `themas: ontmoeting, groen`."""
        return self.many and self.type in ID_TYPES


@dataclass(frozen=True)
class Kind:
    """A kind of file: where it lives and which keys it has."""

    name: str
    title: str
    location: str
    help: str
    fields: tuple[Field, ...]
    folder: str | None = None

    def field(self, name: str) -> Field | None:
        """The field called `name`, if this kind has one."""
        return next((f for f in self.fields if f.name == name), None)


CONTACT = (
    Field("naam", "tekst", "naam van de contactpersoon", required=True, example="Anneke de Boer"),
    Field("email", "email", "e-mailadres", example="repaircafe@voorbeeld.nl", aliases=EMAIL_ALIASES),
    Field("telefoon", "telefoon", "telefoonnummer, tussen aanhalingstekens", example="033 123 4567"),
)
KENNISREGEL = (
    Field(
        "onderwerp", "onderwerp", "een onderwerp uit content/vocabulaire.yml (id of alias)", required=True, example="vrijwilligers-werven"
    ),
    Field("toelichting", "tekst", "wat jullie precies aanbieden of zoeken", example="We hebben een draaiboek voor de werving."),
)
# Where residents go with a question: a wijk's wijkteam, the city's information point.
LOKET = (
    Field("naam", "tekst", "de naam, zoals bewoners hem kennen", required=True, example="Wijkteam Soesterkwartier (Indebuurt033)"),
    Field("telefoon", "telefoon", "telefoonnummer, tussen aanhalingstekens", example="033 000 00 00"),
    Field("email", "email", "e-mailadres", example="wijkteam@indebuurt033.example", aliases=EMAIL_ALIASES),
    Field("adres", "tekst", "waar je binnen kunt lopen: straat, huisnummer en plaats", example="Wisselstraat 14, Amersfoort"),
    Field("open", "tekst", "wanneer je er terecht kunt", example="di en do 9.00–12.00"),
    Field("website", "url", "de website", example="https://www.indebuurt033.example"),
)
HULP = Field(
    "hulp",
    "hulp",
    "waar dit bewoners bij helpt: ids uit 'hulp' in content/vocabulaire.yml; zo staat het op de pagina's van Hulp en advies",
    many=True,
    example=["mantelzorg"],
    fatal=False,
)
# A photo (the contract's "Photos"). What is wrong with it costs the photo, never the page.
AFBEELDING = Field(
    "afbeelding",
    "object",
    "een foto bovenaan de pagina en op de kaartjes in de overzichten; zie 'Foto's' in de handleiding",
    fields=(
        Field(
            "bestand",
            "foto",
            "de bestandsnaam van de foto, gezien vanaf dit bestand, in de map van de wijk (JPEG, PNG, WebP of HEIC)",
            required=True,
            example="repair-cafe.jpg",
        ),
        Field(
            "alt",
            "tekst",
            "in één zin wat er op de foto te zien is, voor wie hem niet kan zien",
            required=True,
            example="Twee vrijwilligers repareren een broodrooster aan een lange tafel.",
        ),
        Field("maker", "tekst", "wie de foto maakte; staat eronder", example="Anneke de Boer"),
    ),
    fatal=False,
)
# How an activiteit comes back (the contract's `herhaling`; `bovenwijks.herhaling` makes the
# times). A mistake in it costs the activiteit its page: a series shown as a single evening
# would send residents home on the wrong days.
HERHALING = Field(
    "herhaling",
    "object",
    "de activiteit komt terug; 'start' en 'eind' zijn de eerste keer. Zie 'Activiteiten die terugkomen' in de handleiding",
    fields=(
        Field(
            "elke",
            "keuze",
            "hoe vaak: elke week, om de twee weken, elke maand (dezelfde weekdag in dezelfde week van de maand als 'start') of elk jaar",
            required=True,
            choices=tuple(f.id for f in FREQUENTIES),
            example="week",
        ),
        Field(
            "dagen",
            "weekdag",
            "bij elke week of 2 weken: op welke dagen; zonder 'dagen' de weekdag van 'start'",
            many=True,
            example=["dinsdag", "donderdag"],
        ),
        Field("tot", "datum", "de laatste dag van de reeks (die telt mee); zonder 'tot' of 'aantal' gaat hij door", example="2027-06-30"),
        Field("aantal", "aantal", "hoe vaak in totaal, als je geen 'tot' gebruikt; de keren onder 'behalve' tellen mee", example=10),
        Field(
            "behalve",
            "object",
            "keren die niet doorgaan: een datum valt weg; met een reden staat hij in de agenda als 'gaat niet door'",
            many=True,
            shorthand="datum",
            fields=(
                Field("datum", "datum", "de dag van de keer die niet doorgaat", required=True, example="2026-12-24"),
                Field("reden", "tekst", "waarom niet; bewoners lezen het in de agenda", example="Kerstavond: het buurthuis is dicht"),
            ),
        ),
    ),
    # A whole series, valid with the activiteit's example `start` (a Thursday): `tot` and
    # `aantal` never go together.
    example={
        "elke": "week",
        "dagen": ["dinsdag", "donderdag"],
        "tot": "2027-06-30",
        "behalve": [{"datum": "2026-12-24", "reden": "Kerstavond: het buurthuis is dicht"}],
    },
)
TITEL = Field("titel", "tekst", "de titel van de pagina", required=True, example="Repair Café Soesterkwartier")

WIJK = Kind(
    "wijk",
    "Wijk",
    "wijken/<wijk>/index.md",
    "Het profiel van de wijk: verplicht in elke wijkmap.",
    (
        Field("naam", "tekst", "de naam van de wijk zoals bewoners hem schrijven", required=True, example="Soesterkwartier"),
        Field(
            "samenvatting",
            "tekst",
            "een of twee zinnen over de wijk",
            required=True,
            example="Een levendige wijk tussen het station en de Soesterweg.",
        ),
        Field(
            "redactie",
            "github",
            "de GitHub-namen van de redacteuren; zij keuren wijzigingen in deze wijk goed",
            required=True,
            many=True,
            example=["annekeb"],
        ),
        Field("contact", "email", "e-mailadres van de redactie of het wijkteam", example="redactie@soesterkwartier.nl"),
        Field(
            "wijkteam",
            "object",
            "waar bewoners van de wijk met een vraag terechtkunnen: het wijkteam of Indebuurt033; staat op de pagina's van Hulp en advies",
            fields=LOKET,
            fatal=False,
        ),
        Field(
            "ontmoetingsplekken",
            "object",
            "buurthuizen, bibliotheken en andere plekken om elkaar te ontmoeten",
            many=True,
            fields=(
                Field("naam", "tekst", "naam van de plek", required=True, example="Buurthuis De Nieuwe Sleutel"),
                Field("adres", "tekst", "straat, huisnummer en eventueel postcode", required=True, example="Kleine Koppel 10"),
                Field("open", "tekst", "wanneer de plek open is", example="ma t/m vr 9.00–17.00"),
            ),
        ),
        Field("website", "url", "de eigen website van de wijk", example="https://www.soesterkwartier.nl"),
        Field(
            "feed",
            "url",
            "de RSS- of Atom-feed van de eigen website; 'make ophalen' zet de berichten daaruit bij het nieuws van de wijk",
            example="https://www.soesterkwartier.nl/feed",
        ),
        Field(
            "kalender",
            "url",
            "het iCalendar-adres (.ics) van de eigen agenda van de wijk elders; 'make ophalen' zet de activiteiten daaruit"
            " in de agenda van de wijk",
            example="https://www.soesterkwartier.nl/agenda.ics",
        ),
        AFBEELDING,
    ),
)

WIJKPLAN = Kind(
    "wijkplan",
    "Wijkplan",
    "wijken/<wijk>/wijkplan.md",
    "Het wijkplan van dit jaar, met de prioriteiten waar initiatieven naar kunnen verwijzen.",
    (
        Field("jaar", "jaar", "het jaar van het wijkplan", required=True, example=2026),
        Field(
            "prioriteiten",
            "object",
            "de prioriteiten van het wijkplan",
            required=True,
            many=True,
            fields=(
                Field(
                    "id",
                    "slug",
                    "korte naam in kleine letters en streepjes, waarmee initiatieven ernaar verwijzen",
                    required=True,
                    example="ontmoeting-ouderen",
                ),
                Field("titel", "tekst", "de prioriteit in een zin", required=True, example="Meer ontmoeting voor ouderen"),
                Field("thema", "thema", "het thema van de prioriteit", required=True, example="ontmoeting"),
            ),
        ),
    ),
)

INITIATIEF = Kind(
    Initiatief.kind,
    "Initiatief",
    f"wijken/<wijk>/{Initiatief.folder}/<naam>.md",
    "Een bewonersinitiatief: een repair café, een buurtsoep, een maatjesproject.",
    (
        TITEL,
        Field(
            "samenvatting",
            "tekst",
            "een of twee zinnen: wat doen jullie, voor wie?",
            required=True,
            example="Elke eerste zaterdag repareren we samen kapotte spullen.",
        ),
        Field(
            "status", "keuze", "hoe het initiatief ervoor staat", required=True, choices=tuple(s.id for s in STATUSSEN), example="actief"
        ),
        Field("themas", "thema", "een of meer thema's uit content/vocabulaire.yml", required=True, many=True, example=["ontmoeting"]),
        Field("contact", "object", "contactpersoon, met e-mail of telefoon", required=True, fields=CONTACT, one_of=("email", "telefoon")),
        Field("gestart", "datum", "wanneer het initiatief begon", example="2024-03-01"),
        Field("bijgewerkt", "datum", "wanneer deze pagina voor het laatst is bijgewerkt", example="2026-11-22"),
        Field("locatie", "tekst", "waar het initiatief plaatsvindt", example="Buurthuis De Nieuwe Sleutel"),
        Field("partners", "tekst", "organisaties waarmee jullie samenwerken", many=True, example=["Welzin", "MEE"]),
        Field(
            "prioriteiten",
            "prioriteit",
            "prioriteiten uit het wijkplan van deze wijk",
            many=True,
            example=["ontmoeting-ouderen"],
        ),
        Field("biedt", "object", "kennis die jullie andere wijken aanbieden", many=True, fields=KENNISREGEL),
        Field("zoekt", "object", "kennis die jullie zoeken bij andere wijken", many=True, fields=KENNISREGEL),
        HULP,
        AFBEELDING,
    ),
    folder=Initiatief.folder,
)

ACTIVITEIT = Kind(
    Activiteit.kind,
    "Activiteit",
    f"wijken/<wijk>/{Activiteit.folder}/<naam>.md",
    "Een activiteit met een datum: een bewonersbijeenkomst, een inloopspreekuur.",
    (
        TITEL,
        Field(
            "start", "datumtijd", "begin, in Amsterdamse tijd (alleen een datum: de hele dag)", required=True, example="2026-12-10 19:30"
        ),
        Field("locatie", "tekst", "waar de activiteit is", required=True, example="Buurthuis De Nieuwe Sleutel, Kleine Koppel 10"),
        Field(
            "eind",
            "datumtijd",
            "einde, in Amsterdamse tijd",
            example="2026-12-10 21:30",
            same_day_as="start",
        ),
        Field(
            "initiatief",
            "slug",
            "het initiatief van deze wijk dat de activiteit organiseert (de bestandsnaam zonder .md)",
            example="repair-cafe",
        ),
        Field("themas", "thema", "thema's uit content/vocabulaire.yml", many=True, example=["ontmoeting"]),
        HERHALING,
        Field(
            "afgelast",
            "tekst",
            "waarom de activiteit (of de hele reeks) niet doorgaat; ze blijft in de agenda staan, met 'gaat niet door'",
            example="De spreker is ziek; we zoeken een nieuwe datum.",
        ),
        Field(
            "aanmelden",
            "aanmelden",
            "waar bewoners zich aanmelden: een webadres of een e-mailadres",
            example="aanmelden@repaircafe.example",
            fatal=False,
        ),
        Field("kosten", "tekst", "wat het kost, in gewone woorden", example="gratis"),
        Field(
            "toegankelijkheid",
            "tekst",
            "hoe toegankelijk de plek is: rolstoel, ringleiding, lift, een stille ruimte",
            example="Rolstoeltoegankelijk, met een invalidentoilet en een ringleiding.",
        ),
        HULP,
        AFBEELDING,
    ),
    folder=Activiteit.folder,
)

BERICHT = Kind(
    Bericht.kind,
    "Bericht",
    f"wijken/<wijk>/{Bericht.folder}/<naam>.md",
    "Een nieuwsbericht van de wijk.",
    (
        TITEL,
        Field("datum", "datum", "de datum van het bericht", required=True, example="2026-11-22"),
        Field("auteur", "tekst", "wie het bericht schreef", example="Redactie Soesterkwartier"),
        Field("samenvatting", "tekst", "een of twee zinnen voor overzichten en feeds", example="Het wijkplan 2027 is klaar."),
        AFBEELDING,
    ),
    folder=Bericht.folder,
)

KENNIS = Kind(
    Kennis.kind,
    "Kennis",
    f"wijken/<wijk>/{Kennis.folder}/<naam>.md",
    "Een vraag aan andere wijken, of een ervaring die jullie delen.",
    (
        TITEL,
        Field(
            "soort",
            "keuze",
            "een vraag aan andere wijken of een ervaring die jullie delen",
            required=True,
            choices=tuple(s.id for s in SOORTEN),
            example="vraag",
        ),
        Field(
            "onderwerpen",
            "onderwerp",
            "onderwerpen uit content/vocabulaire.yml (id of alias)",
            required=True,
            many=True,
            example=["vrijwilligers-werven"],
        ),
        Field("datum", "datum", "de datum van de vraag of ervaring", required=True, example="2026-11-22"),
        Field("contact", "object", "wie je kunt benaderen", fields=CONTACT, one_of=("email", "telefoon")),
    ),
    folder=Kennis.folder,
)

# The parts of content/vocabulaire.yml for Hulp en advies (its themas and onderwerpen are
# read by `vocabulaire` itself, as before).
HULPVRAAG = (
    Field("naam", "tekst", "de hulpvraag in gewone woorden: de titel van haar pagina", required=True, example="Mantelzorg"),
    Field(
        "beschrijving",
        "tekst",
        "één zin: waar helpt deze pagina bij?",
        example="Je zorgt voor een naaste en zoekt steun, een adres of even rust.",
    ),
    Field(
        "woorden",
        "tekst",
        "andere woorden die bewoners gebruiken; ze staan op de pagina, zodat de zoekfunctie haar vindt",
        many=True,
        example=["mantelzorger", "zorgen voor"],
    ),
)
INFORMATIEPUNT = Field(
    "informatiepunt",
    "object",
    "het informatiepunt van de stad, voor iedereen met een vraag",
    fields=LOKET,
)

KINDS: tuple[Kind, ...] = (WIJK, WIJKPLAN, INITIATIEF, ACTIVITEIT, BERICHT, KENNIS)
ITEM_KINDS: dict[str, Kind] = {k.folder: k for k in KINDS if k.folder}
# Other words editors write for an item's folder (a file in `activiteiten/` is meant for
# `agenda/`): each kind's name and its plural, and what residents call the same thing.
FOLDER_WORDS: dict[str, str] = {
    word: kind.folder
    for kind, words in (
        (INITIATIEF, ("initiatief",)),
        (ACTIVITEIT, ("activiteit", "activiteiten", "evenement", "evenementen")),
        (BERICHT, ("bericht", "berichten", "nieuwsbericht", "nieuwsberichten", "nieuwtjes")),
        (KENNIS, ("vraag", "vragen", "ervaring", "ervaringen", "kennisbank")),
    )
    for word in words
}
