"""'Pagina aanpassen (voor redacteuren)': on every page of a built city it opens the real source file in GitHub's
editor, or it is not there at all (pages the site makes up from other pages)."""

from __future__ import annotations

import re

EDIT = "https://github.com/test/stad/edit/main/"  # the edit_uri of tests/city.py
LINK = re.compile(r'<p class="bw-bewerk"><a href="([^"]*)" rel="edit">Pagina aanpassen \(voor redacteuren\)</a></p>')


def _city(city):
    city.wijk("oost", naam="Oost")
    city.wijkplan("oost", [{"id": "ontmoeting-ouderen", "titel": "Ouderen", "thema": "ontmoeting"}])
    city.initiatief("oost", "repair-cafe", titel="Repair Café", biedt=[{"onderwerp": "repareren"}])
    city.activiteit("oost", "soep", initiatief="repair-cafe")
    city.bericht("oost", "nieuws")
    city.kennis("oost", "vraag")
    city.write("wijken/oost/geschiedenis.md", "# Geschiedenis van Oost\n\nEen gewone pagina van de wijk.\n")
    city.write("content/over.md", "---\ntitle: Over\n---\n\nOver deze stad.\n")
    city.write("content/meedoen/index.md", "---\ntitle: Meedoen\n---\n\nZo doe je mee.\n")


def test_every_edit_link_opens_a_real_source_file(city):
    _city(city)
    result = city.build(strict=True)
    assert result.error is None, result.warnings
    pages = sorted(result.site.rglob("index.html"))
    assert len(pages) > 10
    linked, unlinked = {}, []
    for page in pages:
        url = page.parent.relative_to(result.site).as_posix() + "/"
        links = LINK.findall(page.read_text(encoding="utf-8"))
        assert len(links) <= 1, url
        if not links:
            unlinked.append(url)
            continue
        assert links[0].startswith(EDIT), (url, links[0])
        source = links[0][len(EDIT) :]
        assert (city.root / source).is_file(), (url, source)
        linked[url] = source
    assert linked["./"] == "content/index.md"
    assert linked["over/"] == "content/over.md"
    assert linked["meedoen/"] == "content/meedoen/index.md"
    assert linked["wijken/oost/"] == "wijken/oost/index.md"
    assert linked["wijken/oost/wijkplan/"] == "wijken/oost/wijkplan.md"
    assert linked["wijken/oost/geschiedenis/"] == "wijken/oost/geschiedenis.md"
    for folder, slug in [("initiatieven", "repair-cafe"), ("agenda", "soep"), ("nieuws", "nieuws"), ("kennis", "vraag")]:
        assert linked[f"wijken/oost/{folder}/{slug}/"] == f"wijken/oost/{folder}/{slug}.md"
    # The list of wijken is made by the site from the wijken: there is no file to edit.
    assert "wijken/" in unlinked


def test_the_edit_link_is_for_editors_after_the_content_not_a_pencil_before_it(city):
    _city(city)
    html = city.build().page("wijken/oost/initiatieven/repair-cafe/")
    assert 'class="md-content__button' not in html  # Material's pencil above the title
    assert html.index("Over dit initiatief.") < html.index("Pagina aanpassen (voor redacteuren)")
    assert "Edit this page" not in html
