"""Where a repository file lands on the site (`content/plaats.py`): the one table editors' paths go through."""

from __future__ import annotations

import pytest

from bovenwijks.content.plaats import adres, plaats


@pytest.mark.parametrize(
    ("path", "place", "url"),
    [
        ("content/index.md", "index.md", ""),
        ("content/over/index.md", "over/index.md", "over/"),
        ("content/meedoen/sleutels.md", "meedoen/sleutels.md", "meedoen/sleutels/"),
        ("wijken/oost/index.md", "wijken/oost/index.md", "wijken/oost/"),
        ("wijken/oost/wijkplan.md", "wijken/oost/wijkplan.md", "wijken/oost/wijkplan/"),
        ("wijken/oost/initiatieven/Repair-Cafe.md", "wijken/oost/initiatieven/repair-cafe.md", "wijken/oost/initiatieven/repair-cafe/"),
        ("wijken/oost/agenda/taal café.md", "wijken/oost/agenda/taal-cafe.md", "wijken/oost/agenda/taal-cafe/"),
        ("wijken/oost/geschiedenis.md", "wijken/oost/geschiedenis.md", "wijken/oost/geschiedenis/"),
        ("wijken/oost/geschiedenis/index.md", "wijken/oost/geschiedenis/index.md", "wijken/oost/geschiedenis/"),
        ("wijken/oost/foto.jpg", "wijken/oost/foto.jpg", "wijken/oost/foto.jpg"),
    ],
)
def test_a_repository_file_has_one_place_and_address(path, place, url):
    assert plaats(path) == place
    assert adres(place) == url


@pytest.mark.parametrize("path", ["README.md", "plugins/bovenwijks/model.py", "wijken/index.md", "contentje/x.md"])
def test_files_outside_the_site_have_no_place(path):
    assert plaats(path) is None
