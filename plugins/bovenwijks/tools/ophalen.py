"""`bovenwijks ophalen`: fetch each wijk's own news feed and agenda into its snapshots.

    bovenwijks ophalen                        elke wijk met een `feed` of `kalender`
    bovenwijks ophalen --wijk vathorst-de-velden
    bovenwijks ophalen --lokaal               ook adressen op deze computer (voor tests)

The only command that goes on the internet. What it gets is written into the wijk's
`_opgehaald/` folder (`content.opgehaald`), which the build reads; the build itself never
fetches. It reports every source: new, changed, unchanged, or failed and why.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

from bovenwijks.content.load import load_stad
from bovenwijks.content.opgehaald import BRONNEN, MAP, pad
from bovenwijks.content.suggest import hint
from bovenwijks.tools import andere_steden, options
from bovenwijks.tools.bijwerken import Uitkomst, ruim_op, werk_bij
from bovenwijks.tools.fetch import Antwoord, Limieten, haal, user_agent
from bovenwijks.tools.instellingen import lees

# Names reserved for examples and tests (RFC 2606), which no server answers: the
# demo city's wijken, and the guide's examples an editor may copy.
VOORBEELD = (".example", ".test", ".invalid")


def voorbeeld(url: str) -> bool:
    """Whether `url` is an example address (`https://www.vathorstdevelden.example/feed/`)."""
    host = (urlsplit(url).hostname or "").rstrip(".")
    return host.endswith(VOORBEELD) or host in {v.lstrip(".") for v in VOORBEELD}


HELP = "haal het nieuws en de agenda van de eigen websites van de wijken op (de enige stap die internet gebruikt)"


def arguments(parser: argparse.ArgumentParser) -> None:
    """The options of `bovenwijks ophalen`."""
    parser.add_argument("--wijk", metavar="WIJK", help="alleen deze wijk (de naam van haar map)")
    parser.add_argument("--stad", metavar="STAD", help="alleen deze andere stad uit andere_steden in mkdocs.yml (haar naam)")
    parser.add_argument(
        "--lokaal", action="store_true", help="sta ook adressen op deze computer toe (127.0.0.1, ::1), en verder niets: voor tests"
    )
    options.root(parser)


def run(
    args: argparse.Namespace,
    nu: datetime | None = None,
    limieten: Limieten | None = None,
    haal: Callable[..., Antwoord] = haal,
    voorbeelden: bool = False,
) -> int:
    """Fetch every source asked for: 0 when none failed, 1 when one did (the others are
    written all the same), 2 for wrong arguments.

    `nu` (the time of this run) and `limieten` (of every request) are the real ones unless a
    test gives its own: a test can't wait 30 seconds for a slow server. `haal` fetches
    (`fetch.haal`); the demo city's script gives one that serves its sites from files, and
    `voorbeelden`: it fetches example addresses too, which are skipped otherwise.
    """
    root = Path(args.root)
    try:
        instellingen = lees(root)
    except ValueError as error:
        print(f"bovenwijks ophalen: {error}", file=sys.stderr)
        return 2
    loaded = load_stad(root, naam=instellingen.stad, wijken_dir=instellingen.wijken_dir)
    stad = loaded.stad
    broken = {p.path for p in loaded.problems if p.fatal}
    if args.wijk and args.wijk not in stad.wijken:
        print(f"bovenwijks ophalen: er is geen wijk '{args.wijk}'; {hint(args.wijk, sorted(stad.wijken))}", file=sys.stderr)
        return 2
    namen = {s.naam.lower(): s for s in instellingen.andere_steden}
    if args.stad and args.stad.lower() not in namen:
        andere = sorted(s.naam for s in instellingen.andere_steden)
        keuze = f"kies uit: {', '.join(andere)}" if andere else "er staat geen enkele in andere_steden in mkdocs.yml"
        print(f"bovenwijks ophalen: '{args.stad}' is geen andere stad; {keuze}", file=sys.stderr)
        return 2
    fetch = partial(_haal, haal, user_agent=user_agent(instellingen.site_url), lokaal=args.lokaal, standaard=limieten or Limieten())
    nu = nu or datetime.now(UTC).replace(microsecond=0)
    failed = sources = skipped = 0
    for slug, wijk in sorted(stad.wijken.items()):
        if (args.wijk and slug != args.wijk) or args.stad:
            continue
        folder = root / instellingen.wijken_dir / slug
        if wijk.source in broken:
            # Its keys can't be read: what it imported stays as it is until they can.
            print(f"{slug}: overgeslagen, want {wijk.source} heeft een fout; 'make check' zegt welke", file=sys.stderr)
            failed += 1
            sources += 1
            continue
        for bron in BRONNEN:
            url = getattr(wijk, bron.sleutel)
            if not url:
                if pad(folder, bron).is_file():
                    # The key is the switch: without it, what it brought goes too.
                    pad(folder, bron).unlink()
                    _meld(
                        slug, bron.naam, "", Uitkomst("weg", f"'{bron.sleutel}' staat niet meer in index.md: wat eruit kwam is weggehaald")
                    )
                continue
            if voorbeeld(url) and not voorbeelden:
                _meld(slug, bron.naam, url, Uitkomst("overgeslagen", "overgeslagen: een voorbeeldadres, dat geen server beantwoordt"))
                skipped += 1
                continue
            sources += 1
            bezet = {i.slug for i in getattr(wijk, bron.folder) if i.origineel is None}
            try:
                uitkomst = werk_bij(folder, bron, url, haal=fetch, nu=nu, bezet=bezet)
            except Exception as error:  # one source's surprise must not keep the other wijken's from coming in
                uitkomst = Uitkomst(
                    "mislukt", f"mislukt door een fout in bovenwijks zelf ({type(error).__name__}: {error}); meld dit aan de ontwikkelaars"
                )
            failed += uitkomst.mislukt
            _meld(slug, bron.naam, url, uitkomst)
        ruim_op(folder)
        if (folder / MAP).is_dir() and not any((folder / MAP).rglob("*.json")):
            shutil.rmtree(folder / MAP)
    if not args.wijk:
        gedaan = _steden(
            root / instellingen.wijken_dir, [namen[args.stad.lower()]] if args.stad else instellingen.andere_steden, fetch, nu, voorbeelden
        )
        failed, sources, skipped = failed + gedaan[0], sources + gedaan[1], skipped + gedaan[2]
        if not args.stad:
            for weg in andere_steden.ruim_op(root / instellingen.wijken_dir, instellingen.andere_steden):
                _meld(
                    weg, "de open data", "", Uitkomst("weg", "staat niet meer in andere_steden in mkdocs.yml: wat ervan kwam is weggehaald")
                )
    if not sources and not skipped:
        print(
            "Geen enkele wijk heeft een 'feed' of 'kalender' in haar index.md, en andere_steden in mkdocs.yml is leeg: er is niets op te halen."
        )
    elif failed:
        print(f"{failed} van de {sources} bronnen mislukt; wat eerder was opgehaald blijft op de site staan.", file=sys.stderr)
    return 1 if failed else 0


def _steden(wijken_folder: Path, steden, fetch, nu: datetime, voorbeelden: bool) -> tuple[int, int, int]:
    """Fetch the open data of every other city in `steden`: how many failed, were fetched, were skipped."""
    failed = sources = skipped = 0
    for andere in steden:
        if voorbeeld(andere.url) and not voorbeelden:
            _meld(
                andere.naam,
                "de open data",
                andere.url,
                Uitkomst("overgeslagen", "overgeslagen: een voorbeeldadres, dat geen server beantwoordt"),
            )
            skipped += 1
            continue
        sources += 1
        try:
            uitkomst = andere_steden.werk_bij(wijken_folder, andere, haal=fetch, nu=nu)
        except Exception as error:  # one city's surprise must not keep the others from coming in
            uitkomst = Uitkomst(
                "mislukt", f"mislukt door een fout in bovenwijks zelf ({type(error).__name__}: {error}); meld dit aan de ontwikkelaars"
            )
        failed += uitkomst.mislukt
        _meld(andere.naam, "de open data", andere.url, uitkomst)
    return failed, sources, skipped


def _haal(haal: Callable[..., Antwoord], url: str, *, standaard: Limieten, limieten: Limieten | None = None, **kwargs) -> Antwoord:
    """`haal` with this run's limits; a photo asks for a larger size only."""
    return haal(url, limieten=replace(standaard, max_bytes=limieten.max_bytes) if limieten else standaard, **kwargs)


def _meld(wijk: str, naam: str, url: str, uitkomst: Uitkomst) -> None:
    """One line per source, and what was left out of it beneath."""
    where = f" ({url})" if url else ""
    print(f"{wijk}, {naam}{where}: {uitkomst.tekst}", file=sys.stderr if uitkomst.mislukt else sys.stdout)
    for opmerking in uitkomst.opmerkingen:
        print(f"  - {opmerking}")
