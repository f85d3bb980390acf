"""Old addresses of renamed pages (`publish/doorverwijzing.py`): which old address goes where,
and the page that sends a resident on. The build in a real repository is in
tests/test_doorverwijzing_build.py."""

from __future__ import annotations

import re

import pytest

from bovenwijks.content.geschiedenis import Geschiedenis
from bovenwijks.publish.doorverwijzing import GEEN_REPOSITORY, ONVOLLEDIG, doorverwijzingen, pagina, zonder_geschiedenis

# The pages the built site has now, by address.
NU = {
    "",
    "over/",
    "wie-we-zijn/",
    "wijken/oost/",
    "wijken/oost/verhaal/",
    "wijken/oost/initiatieven/fiets-repair/",
    "wijken/oost/initiatieven/soep/",
    "wijken/oost/kennis/buurtpreventie/",
    "wijken/west/initiatieven/moestuin/",
    "wijken/nieuw/",
    "wijken/nieuw/wijkplan/",
    "wijken/nieuw/agenda/soep/",
    "wijken/nieuw/initiatieven/speeltuin/",
    "wijken/nieuw/foto.jpg",
}


@pytest.mark.parametrize(
    ("hernoemd", "expected"),
    [
        pytest.param(
            {"wijken/oost/initiatieven/Repair-Cafe.md": "wijken/oost/initiatieven/fiets-repair.md"},
            [("wijken/oost/initiatieven/repair-cafe/", "wijken/oost/initiatieven/fiets-repair/")],
            id="an item renamed: its old slug",
        ),
        pytest.param(
            {"wijken/oost/initiatieven/buurtpreventie.md": "wijken/oost/kennis/buurtpreventie.md"},
            [("wijken/oost/initiatieven/buurtpreventie/", "wijken/oost/kennis/buurtpreventie/")],
            id="an item moved to another kind",
        ),
        pytest.param(
            {"wijken/oost/initiatieven/moestuin.md": "wijken/west/initiatieven/moestuin.md"},
            [("wijken/oost/initiatieven/moestuin/", "wijken/west/initiatieven/moestuin/")],
            id="an item moved to another wijk",
        ),
        pytest.param(
            {"wijken/oost/geschiedenis.md": "wijken/oost/verhaal.md"},
            [("wijken/oost/geschiedenis/", "wijken/oost/verhaal/")],
            id="a loose page of a wijk",
        ),
        pytest.param(
            {"content/team/index.md": "content/wie-we-zijn/index.md"},
            [("team/", "wie-we-zijn/")],
            id="a page of the city",
        ),
        pytest.param({"content/over.md": "content/over/index.md"}, [], id="the same address: nothing"),
        pytest.param(
            {
                "wijken/oud/index.md": "wijken/nieuw/index.md",
                "wijken/oud/wijkplan.md": "wijken/nieuw/wijkplan.md",
                "wijken/oud/agenda/Soep.md": "wijken/nieuw/agenda/soep.md",
                "wijken/oud/initiatieven/speeltuin.md": "wijken/nieuw/initiatieven/speeltuin.md",
                "wijken/oud/foto.jpg": "wijken/nieuw/foto.jpg",
            },
            [
                ("wijken/oud/", "wijken/nieuw/"),
                ("wijken/oud/agenda/soep/", "wijken/nieuw/agenda/soep/"),
                ("wijken/oud/initiatieven/speeltuin/", "wijken/nieuw/initiatieven/speeltuin/"),
                ("wijken/oud/wijkplan/", "wijken/nieuw/wijkplan/"),
            ],
            id="a wijk folder renamed: its home and every page, no photo",
        ),
        pytest.param(
            # Geschiedenis collapses a→b→c into a→c and b→c.
            {"content/a.md": "content/over/index.md", "content/b.md": "content/over/index.md"},
            [("a/", "over/"), ("b/", "over/")],
            id="a chain: each old name straight to the last",
        ),
        pytest.param({"content/wie-we-zijn.md": "content/over/index.md"}, [], id="an old address that is a page again"),
        pytest.param({"wijken/oost/initiatieven/oud.md": "wijken/oost/initiatieven/kapot.md"}, [], id="to a page the site does not have"),
        pytest.param({"wijken/oost/initiatieven/Soep.md": "wijken/oost/initiatieven/soep.md"}, [], id="the slug's case only"),
        pytest.param({"content/Over/index.md": "content/over/index.md"}, [], id="a city page's case only"),
        pytest.param(
            {
                "wijken/oost/initiatieven/Fiets.md": "wijken/oost/initiatieven/soep.md",
                "wijken/oost/initiatieven/fiets.md": "wijken/oost/initiatieven/soep.md",
            },
            [("wijken/oost/initiatieven/fiets/", "wijken/oost/initiatieven/soep/")],
            id="two old names, one address: one redirect",
        ),
        pytest.param({"README.md": "docs/README.md", "wijken/oost/Foto.jpg": "wijken/oost/foto.jpg"}, [], id="no pages"),
    ],
)
def test_the_old_address_of_a_renamed_page_goes_to_the_new(hernoemd, expected):
    assert doorverwijzingen(Geschiedenis(volledig=True, repository=True, hernoemd=hernoemd), NU.__contains__) == expected


@pytest.mark.parametrize(
    ("geschiedenis", "reden"),
    [
        (Geschiedenis(), GEEN_REPOSITORY),
        (Geschiedenis(repository=True), ONVOLLEDIG),
        (Geschiedenis(volledig=True, repository=True), None),
    ],
    ids=["a plain folder", "a shallow clone", "a whole history"],
)
def test_without_a_whole_history_there_are_no_redirects_and_the_build_says_why(geschiedenis, reden):
    geschiedenis.hernoemd = {"content/team.md": "content/wie-we-zijn/index.md"}
    assert zonder_geschiedenis(geschiedenis) == reden
    assert bool(doorverwijzingen(geschiedenis, NU.__contains__)) is (reden is None)


def _refresh(html: str) -> str:
    return re.search(r'<meta http-equiv="refresh" content="0; url=([^"]*)">', html).group(1)


def test_the_redirect_page_sends_on_relatively_and_says_where_to():
    html = pagina(
        "wijken/oud/initiatieven/soep/",
        "wijken/nieuw/agenda/soep/",
        site_url="https://stad.example/amersfoort/",
        site_name="Amersfoort",
        titel="Soep",
    )
    assert html.startswith('<!doctype html>\n<html lang="nl">')
    assert '<meta charset="utf-8">' in html and '<meta name="robots" content="noindex">' in html
    assert _refresh(html) == "../../../nieuw/agenda/soep/"  # a sub-path of the host changes nothing
    assert '<link rel="canonical" href="https://stad.example/amersfoort/wijken/nieuw/agenda/soep/">' in html
    assert "<title>Deze pagina is verhuisd · Amersfoort</title>" in html
    assert '<p>Deze pagina is verhuisd naar <a href="../../../nieuw/agenda/soep/">Soep</a>.</p>' in html
    assert not re.search(r'(src|href)="(https?:)?//', html.replace('rel="canonical" href="https://stad.example/', ""))


def test_without_a_site_url_the_canonical_address_is_relative_too():
    html = pagina("over/", "wie-we-zijn/")
    assert '<link rel="canonical" href="../wie-we-zijn/">' in html
    assert '<a href="../wie-we-zijn/">wie-we-zijn/</a>' in html  # no title known: the address
    assert "<title>Deze pagina is verhuisd</title>" in html


def test_text_and_odd_names_are_escaped():
    html = pagina('oud "x"/', "Over ons & <zo>/", site_name="<b>Stad</b>", titel='Over "ons" & <zo>')
    assert _refresh(html) == "../Over%20ons%20%26%20%3Czo%3E/"
    assert "&lt;b&gt;Stad&lt;/b&gt;" in html and "Over &#34;ons&#34; &amp; &lt;zo&gt;</a>" in html
    assert "<b>" not in html and "<zo>" not in html
