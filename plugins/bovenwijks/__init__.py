"""bovenwijks: a federated static web platform for residents' collaboration across wijken.

The folders follow the data's way, each layer importing only the ones below it:

- the nouns (`model`, `dates`, `slug`, `keuzes`): a city and what its wijken publish;
- `content`: the editors' files read, checked and loaded into the model;
- `city`: what the whole city has in common: the overzicht and the kennisuitwisseling;
- `site`: every page residents read, described for any engine to mount;
- `publish`: feeds, calendars and open data;
- `tools`: the `bovenwijks` command for editors and the repository;
- `mkdocs`: the adapter to MkDocs (the plugins, the theme), the only part that imports it.

`tests/test_layers.py` keeps it so, with the import-linter contracts in pyproject.toml.
"""
