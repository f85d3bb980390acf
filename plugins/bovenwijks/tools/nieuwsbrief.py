"""`bovenwijks nieuwsbrief`: send a week's letter of a wijk (or of the city) to its mailing list.

    bovenwijks nieuwsbrief --wijk soesterkwartier --aan nieuwsbrief-soesterkwartier@lijsten.example
    bovenwijks nieuwsbrief --alle --logboek logboek/nieuwsbrief-logboek.json

It reads the content, not a built site: the letter is the one the build publishes for that
week. It sends one message to one address, the wijk's list; the list's provider sends it on
to the subscribers, whose addresses we never see. The logboek makes it safe to run twice:
a letter that was sent (the server accepted it) is never sent again.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bovenwijks.city.kennisuitwisseling import Uitwisseling
from bovenwijks.city.nieuwsbrief import STAD, Lijst, Week, brief
from bovenwijks.content.load import load_stad
from bovenwijks.content.problem import weggelaten
from bovenwijks.content.suggest import hint
from bovenwijks.dates import BUILD_DATE, build_date
from bovenwijks.model import Stad
from bovenwijks.publish.nieuwsbrief import mail
from bovenwijks.site.nieuwsbriefpages import titel
from bovenwijks.tools import options
from bovenwijks.tools.instellingen import lees
from bovenwijks.tools.verzenden import Logboek, Onverzendbaar, Smtp, verzend_eenmaal

HELP = "verstuur de nieuwsbrief van een wijk (of van de stad) van één week naar haar maillijst"


def arguments(parser: argparse.ArgumentParser) -> None:
    """The options of `bovenwijks nieuwsbrief`."""
    parser.add_argument("--wijk", metavar="WIJK", help="de wijk (de naam van haar map); zonder: de nieuwsbrief van de hele stad")
    parser.add_argument("--aan", metavar="ADRES", help="het adres van de maillijst (standaard: 'aan' van die lijst in mkdocs.yml)")
    parser.add_argument("--week", metavar="WEEK", help="de week, zoals 2026-W49 (standaard: deze week, of die van BOVENWIJKS_BUILD_DATE)")
    parser.add_argument(
        "--logboek", metavar="BESTAND", type=Path, help=f"waar staat wat al verstuurd is (standaard: {Logboek.standaard()})"
    )
    parser.add_argument("--alle", action="store_true", help="verstuur de nieuwsbrief van elke lijst met een adres in mkdocs.yml")
    options.root(parser)


def _fout(message: str, code: int = 2) -> int:
    """Say what is wrong; 2 for what was asked (the arguments), 1 for the settings."""
    print(f"bovenwijks nieuwsbrief: {message}", file=sys.stderr)
    return code


def _geen_wijk(lijst: str, stad: Stad) -> str:
    return f"er is geen wijk '{lijst}'; {hint(lijst, sorted(stad.wijken))}"


def run(args: argparse.Namespace) -> int:
    """Send the letters asked for: 0 when each was sent, had been sent, or had nothing in it; 1 when
    one was not sent (or not recorded), or the settings are wrong; 2 for wrong arguments.

    With `--alle`, a list that fails does not stop the others.
    """
    root = Path(args.root)
    try:
        vandaag = build_date()
    except ValueError as error:
        return _fout(f"{BUILD_DATE}: {error}")
    try:
        week = Week.lees(args.week) if args.week else Week.van(vandaag)
    except ValueError as error:
        return _fout(f"--week: {error}")
    try:
        instellingen = lees(root)
    except ValueError as error:
        return _fout(str(error), 1)
    if args.alle and (args.wijk or args.aan):
        return _fout("--alle verstuurt naar elke lijst uit mkdocs.yml; gebruik het zonder --wijk en --aan")
    loaded = load_stad(root, instellingen.stad, instellingen.wijken_dir, vandaag)
    stad = loaded.stad
    if args.alle:
        doelen = [(lijst, config.aan, config) for lijst, config in instellingen.lijsten.items() if config.aan]
        if not doelen:
            print("Er is in mkdocs.yml geen maillijst met een adres ('aan'): er is niets verstuurd.")
            return 0
    else:
        lijst = args.wijk or STAD
        if lijst != STAD and lijst not in stad.wijken:
            return _fout(_geen_wijk(lijst, stad))
        config = instellingen.lijsten.get(lijst, Lijst())
        aan = args.aan or config.aan
        if not aan:
            return _fout(f"naar welk adres? Geef --aan, of zet 'aan' bij nieuwsbrief: {lijst} onder bovenwijks/feeds in mkdocs.yml")
        doelen = [(lijst, aan, config)]
    # Only what a fatal problem keeps out, by file, as the build says it: advice (a photo too
    # small, say) leaves the item in the letter.
    if line := weggelaten(loaded.problems):
        print(f"Let op: {line} Wat daardoor ontbreekt, staat ook niet in de nieuwsbrief.", file=sys.stderr)
    logboek = Logboek(args.logboek or Logboek.standaard())
    uitwisseling = Uitwisseling(stad)
    smtp: Smtp | None = None
    mislukt = 0
    for lijst, aan, config in doelen:
        if lijst != STAD and lijst not in stad.wijken:
            # The build only warns about such a list (mkdocs.yml is the city's, not an editor's);
            # here it is a letter that cannot go out, and the others still do.
            print(f"bovenwijks nieuwsbrief: {lijst}: {_geen_wijk(lijst, stad)}", file=sys.stderr)
            mislukt += 1
            continue
        letter = brief(stad, None if lijst == STAD else lijst, week, uitwisseling)
        if letter.leeg:
            print(f"{titel(letter)}: er is niets te melden (geen activiteiten en geen nieuws); er is niets verstuurd.")
            continue
        try:
            eerder = logboek.verzonden(letter.sleutel)
            if eerder is None:
                smtp = smtp or Smtp.uit_omgeving()
                message = mail(letter, instellingen.site_url, aan=aan, van=smtp.van, lijst=config)
                eerder = verzend_eenmaal(logboek, letter.sleutel, message, smtp)
        except Onverzendbaar as error:
            print(f"{titel(letter)}: {error}", file=sys.stderr)
            mislukt += 1
            continue
        if eerder is not None:
            print(Logboek.al_verzonden_melding(letter.sleutel, eerder))
        else:
            print(f"{titel(letter)}: verstuurd naar {aan}.")
    return 1 if mislukt else 0
