"""What the commands need of a city's `mkdocs.yml`, read without MkDocs.

The commands run beside the site, not inside a build: they read the city's name, where its
wijken are, its address and its mailing lists from the same file the build reads, so the
two never disagree. `!ENV` is resolved as MkDocs resolves it; other tags (Python names for
Markdown extensions) are not ours and are read as nothing.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bovenwijks.city.nieuwsbrief import Lijst, lijsten
from bovenwijks.content import steden
from bovenwijks.content.load import WIJKEN
from bovenwijks.content.steden import Stadbron

MKDOCS_YML = "mkdocs.yml"


@dataclass(frozen=True)
class Instellingen:
    """The settings of a city that its commands share with its build."""

    site_url: str  # ends in `/`
    stad: str = "Amersfoort"
    wijken_dir: str = WIJKEN
    lijsten: Mapping[str, Lijst] = field(default_factory=dict)  # the nieuwsbrief's mailing lists
    andere_steden: tuple[Stadbron, ...] = ()  # to exchange knowledge with (content.steden)


class _Loader(yaml.SafeLoader):
    """YAML as MkDocs reads mkdocs.yml: `!ENV` from the environment."""


def _env(loader: _Loader, node: yaml.Node, env: Mapping[str, str]) -> object:
    # `!ENV NAME` or `!ENV [NAME, OTHER, default]`: the first variable that is set, else the last item.
    if isinstance(node, yaml.ScalarNode):
        return env.get(loader.construct_scalar(node))
    names = loader.construct_sequence(node)
    for name in names[:-1]:
        if isinstance(name, str) and name in env:
            return env[name]
    return names[-1] if names else None


def _plugin(config: Mapping, naam: str, path: Path) -> Mapping:
    """The options of the plugin `naam`; `plugins` may be a list or, as MkDocs also takes it, a mapping."""
    plugins = config.get("plugins") or []
    entries = [plugins] if isinstance(plugins, Mapping) else plugins if isinstance(plugins, list) else []
    for entry in entries:
        if isinstance(entry, Mapping) and naam in entry:
            opties = entry[naam] or {}
            if not isinstance(opties, Mapping):
                raise ValueError(f"{path}: de opties van {naam} moeten sleutels met waarden zijn, geen {opties!r}")
            return opties
    return {}


def lees(root: Path, env: Mapping[str, str] = os.environ) -> Instellingen:
    """The settings in `root/mkdocs.yml`; ValueError, in Dutch, when it can't be read or lacks `site_url`."""
    path = Path(root) / MKDOCS_YML
    loader_class = type("Loader", (_Loader,), {})
    loader_class.add_constructor("!ENV", lambda loader, node: _env(loader, node, env))
    loader_class.add_multi_constructor("", lambda loader, suffix, node: None)
    try:
        config = yaml.load(path.read_text(encoding="utf-8"), Loader=loader_class) or {}  # a SafeLoader
    except OSError as error:
        raise ValueError(f"{path}: kan niet gelezen worden ({error.strerror or error}); draai het commando in de map van de site") from None
    except yaml.YAMLError as error:
        raise ValueError(f"{path}: is geen geldige YAML ({error})") from None
    if not isinstance(config, Mapping):
        raise ValueError(f"{path}: is geen geldige mkdocs.yml: er hoort bovenaan een lijst van sleutels in, zoals 'site_url: ...'")
    site_url = str(config.get("site_url") or "")
    if not site_url:
        raise ValueError(
            f"{path}: zet site_url, bijvoorbeeld 'site_url: https://amersfoort.bovenwijks.nl/'; de nieuwsbrief linkt naar de site"
        )
    wijken = _plugin(config, "bovenwijks/wijken", path)
    try:
        found = lijsten(_plugin(config, "bovenwijks/feeds", path).get("nieuwsbrief"))
    except ValueError as error:
        raise ValueError(f"{path}: bovenwijks/feeds: {error}") from None
    site_url = site_url if site_url.endswith("/") else site_url + "/"
    try:
        andere = steden.stadbronnen(wijken.get(steden.OPTIE), site_url)
    except ValueError as error:
        raise ValueError(f"{path}: bovenwijks/wijken: {error}") from None
    return Instellingen(
        site_url=site_url,
        stad=str(wijken.get("stad") or "Amersfoort"),
        wijken_dir=str(wijken.get("wijken_dir") or WIJKEN),
        lijsten=found,
        andere_steden=tuple(andere),
    )
