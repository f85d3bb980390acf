"""The link check of a built site: small sites written as files, and what it reports."""

from __future__ import annotations

import pytest

from bovenwijks.tools.cli import main
from bovenwijks.tools.linkcheck import check_site, read_page

HOME = '<!doctype html><html lang="nl"><title>Home</title><h1 id="top">Home</h1>'
OOST = '<!doctype html><title>Oost</title><h2 id="agenda">Agenda</h2><a name="oud">oud</a>'


def _site(tmp_path, pages: dict[str, str]):
    site = tmp_path / "site"
    for path, html in {"index.html": HOME, "wijken/oost/index.html": OOST, "logo.png": "png", **pages}.items():
        file = site / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(html, encoding="utf-8")
    return site


@pytest.mark.parametrize(
    ("link", "broken"),
    [
        ('<a href="wijken/oost/">', False),
        ('<a href="wijken/oost/index.html">', False),
        ('<a href="wijken/oost">', False),  # the server redirects to the folder
        ('<a href="./wijken/oost/#agenda">', False),
        ('<a href="wijken/oost/#oud">', False),  # <a name> is an anchor too
        ('<a href="#top">', False),
        ('<a href="#">', False),
        ('<a href="wijken/oost/?pagina=2">', False),
        ('<img src="logo.png" alt="">', False),
        ('<img srcset="logo.png 1x, logo.png 2x" alt="">', False),
        ('<a href="https://stad.example/wijken/oost/">', False),  # the site's own address
        ('<a href="https://elders.example/niet-hier/">', False),  # another site: not ours to check
        ('<a href="mailto:jan@example.org">', False),
        ('<a href="tel:+31331234567">', False),
        ('<a href="wijken/west/">', True),
        ('<a href="wijken/oost/#programma">', True),
        ('<a href="#nergens">', True),
        ('<img src="foto.jpg" alt="">', True),
        ('<img srcset="logo.png 1x, logo@2x.png 2x" alt="">', True),
        ('<link rel="stylesheet" href="assets/weg.css">', True),
        ('<script src="assets/weg.js"></script>', True),
        ('<a href="https://stad.example/wijken/west/">', True),
        ('<a href="wijken/oosterpark/">', True),  # `oost` is not a prefix of `oosterpark`
    ],
)
def test_a_link_is_broken_only_when_its_target_or_anchor_is_missing(tmp_path, link, broken):
    site = _site(tmp_path, {"index.html": f"{HOME}\n<p>{link}</p>"})
    problems = check_site(site, "https://stad.example/")
    assert bool(problems) is broken, problems


def test_the_problem_names_the_page_the_line_and_what_is_missing(tmp_path):
    site = _site(
        tmp_path,
        {"over/index.html": '<title>Over</title>\n\n<p><a href="../wijken/oost/#programma">agenda</a>\n<a href="../wijken/west/">west</a>'},
    )
    problems = check_site(site)
    assert [str(p) for p in problems] == [
        "site/over/index.html:3: link '../wijken/oost/#programma' wijst naar het anker '#programma', maar 'wijken/oost/' heeft geen element met id 'programma'",
        "site/over/index.html:4: link '../wijken/west/' wijst naar 'wijken/west/', maar die pagina of dat bestand bestaat niet",
    ]


def test_a_site_under_a_path_breaks_links_from_the_host_root(tmp_path):
    # GitHub Pages serves a repository's site under /<repository>/: `/wijken/` leaves it.
    site = _site(tmp_path, {"over/index.html": '<a href="/stad/wijken/oost/">goed</a><a href="/wijken/oost/">fout</a>'})
    problems = check_site(site, "https://bewoners.example/stad/")
    assert [p.message for p in problems] == ["link '/wijken/oost/' wijst buiten de site (die staat op https://bewoners.example/stad/)"]


def test_escaped_and_percent_encoded_links_are_read_as_a_browser_reads_them(tmp_path):
    site = _site(
        tmp_path,
        {
            "wijken/oost/café/index.html": '<h2 id="één">Eén</h2>',
            "over/index.html": '<a href="../wijken/oost/caf%C3%A9/#%C3%A9%C3%A9n">a</a><a href="../wijken/oost/?a=1&amp;b=2#agenda">b</a>',
        },
    )
    assert check_site(site) == []


def test_read_page_collects_ids_and_links_with_their_lines():
    page = read_page('<p id="a">\n<a href="x/" id="b">x</a>\n<img src="y.png" alt="">')
    assert page.ids == {"a", "b"}
    assert page.links == [("x/", 2), ("y.png", 3)]


def test_the_command_prints_every_broken_link_and_fails(tmp_path, capsys):
    site = _site(tmp_path, {"over/index.html": '<a href="../wijken/west/">west</a>'})
    assert main(["linkcheck", str(site)]) == 1
    out, err = capsys.readouterr()
    assert "site/over/index.html:1: link '../wijken/west/'" in out
    assert "1 kapotte link in 3 pagina's." in err
    assert main(["linkcheck", str(tmp_path / "leeg")]) == 2
