"""Photos: what editors upload never reaches the site; its copies are light, upright and described.

Pure functions first (the checks, the copies, the `<picture>`), then whole builds: what a
resident's browser, a feed reader and a WhatsApp preview get.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from city import City
from PIL import Image, ImageCms
from pillow_heif import register_heif_opener

from bovenwijks.content.afbeelding import MAX_BYTES, Checker, Plek, check_images
from bovenwijks.content.tekst import lees
from bovenwijks.publish import fotos as pipeline
from bovenwijks.publish.deelkaart import Deelkaarten, Kleuren
from bovenwijks.site import fotos
from bovenwijks.site.fotos import Foto, Rendition

register_heif_opener()

GPS = {1: "N", 2: (52.0, 9.0, 22.0), 3: "E", 4: (5.0, 23.0, 16.0)}  # a street in Amersfoort
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="52,9.36N" exif:GPSLongitude="5,23.27E"/>'
    b"</rdf:RDF></x:xmpmeta>"
)
# What Pillow reports of a file's own structure, not of where, when or with what it was made.
STRUCTURE = {"jfif", "jfif_version", "jfif_unit", "jfif_density", "progressive", "progression", "loop", "background", "dpi"}


def _gps_exif() -> Image.Exif:
    exif = Image.Exif()
    exif[0x8825] = GPS
    return exif


def yaml_theme(city: City) -> dict:
    import yaml

    return yaml.safe_load((city.root / "mkdocs.yml").read_text(encoding="utf-8"))["theme"]


def phone_photo(file: Path, size=(1200, 1600), orientation: int = 6) -> Path:
    """A photo as a phone saves it: pixels stored turned a quarter, with GPS in EXIF and XMP,
    the camera, a comment and an ICC profile. Upright it is red at the top, blue below."""
    upright = Image.new("RGB", size, "blue")
    upright.paste("red", (0, 0, size[0], size[1] // 2))
    stored = upright.rotate(90, expand=True) if orientation == 6 else upright  # 6: turn clockwise to show
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "Fabrikant"
    exif[0x0110] = "Telefoon 12"
    exif[0x8825] = GPS
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    file.parent.mkdir(parents=True, exist_ok=True)
    stored.save(file, "JPEG", quality=90, exif=exif, xmp=XMP, comment=b"Thuis, Kleine Koppel", icc_profile=icc)
    return file


def made(file: Path, out: Path) -> dict:
    """The copies of the photo in `file`, written into `out`; their manifest."""
    out.mkdir(exist_ok=True)
    manifest, files = pipeline.make(file)
    for name, data in files.items():
        (out / name).write_bytes(data)
    return manifest


def assert_no_metadata(file: Path) -> None:
    data = file.read_bytes()
    with Image.open(file) as image:
        assert set(image.info) <= STRUCTURE, (file.name, set(image.info) - STRUCTURE)
        assert not image.getexif(), file.name
    for marker in (b"Exif", b"GPS", b"xmpmeta", b"ICC_PROFILE", b"Koppel", b"Fabrikant", b"Telefoon"):
        assert marker not in data, (file.name, marker)


# -- the checks: tier 1 ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, found",
    [
        ("![Soep in een pan](soep.jpg)", [("Soep in een pan", "soep.jpg")]),
        ('![Soep](../fotos/soep.jpg "De soep")', [("Soep", "../fotos/soep.jpg")]),
        ("![](soep.jpg)", [("", "soep.jpg")]),
        ("<img src='soep.png' alt='Een pan'>", [("Een pan", "soep.png")]),
        ('<img src="soep.png">', [("", "soep.png")]),
        ("Tekst `![](niet.jpg)` in code", []),
        ("[een link](soep.jpg)", []),
        ("![Eén](a.jpg) en ![Twee](b.jpg)", [("Eén", "a.jpg"), ("Twee", "b.jpg")]),
        ("![Soep](foto(1).jpg)", [("Soep", "foto(1).jpg")]),
        ("![Soep](<IMG 1 (1).jpg>)", [("Soep", "IMG 1 (1).jpg")]),
        ("![Soep][pan]\n\n[pan]: soep.jpg", [("Soep", "soep.jpg")]),
        ("![pan]\n\n[pan]: <soep.jpg> 'De pan'", [("pan", "soep.jpg")]),
        ("![Geen verwijzing][nergens]", []),
        ("- ![In een lijst](lijst.jpg)", [("In een lijst", "lijst.jpg")]),
    ],
)
def test_images_in_text(line, found):
    assert [(i.alt, i.src) for i in lees(f"Voor.\n\n{line}\n", first_line=7).beelden] == found
    assert {i.line for i in lees(f"Voor.\n\n{line}\n", first_line=7).beelden} <= {9}


@pytest.mark.parametrize("src, name", [("foto%20van%20de%20pan.jpg", "foto van de pan.jpg"), ("soep.jpg#boven", "soep.jpg")])
def test_an_address_names_its_file_as_markdown_reads_it(wijk, src, name):
    Image.new("RGB", (800, 600)).save(wijk.folder / "nieuws" / name)
    assert wijk.file(src, Plek("wijken/oost/nieuws/x.md", 3)) == ((f"wijken/oost/nieuws/{name}", (800, 600)), [])


def test_images_in_a_fenced_code_block_are_examples_not_images():
    markdown = "```markdown\n![](soep.jpg)\n```\n\n![Soep](soep.jpg)\n"
    assert [(i.alt, i.line) for i in lees(markdown).beelden] == [("Soep", 5)]


@pytest.fixture
def wijk(tmp_path) -> Checker:
    (tmp_path / "wijken" / "oost" / "nieuws").mkdir(parents=True)
    (tmp_path / "wijken" / "oost-2").mkdir()
    return Checker(tmp_path, tmp_path / "wijken" / "oost")


@pytest.mark.parametrize(
    "bestand, make, message",
    [
        ("weg.jpg", None, "de afbeelding 'weg.jpg' bestaat niet"),
        ("Soep.JPG", "soep.jpg", "bedoel je 'soep.jpg'?"),
        ("../../oost-2/soep.jpg", "../../oost-2/soep.jpg", "staat buiten de map van deze wijk (wijken/oost/)"),
        ("../../../geheim.jpg", None, "staat buiten de map van deze wijk"),
        ("https://elders.example/soep.jpg", None, "staat op een andere website"),
        ("/wijken/oost/soep.jpg", None, "zonder / ervoor"),
        ("tekst.jpg", "tekst.jpg:not an image", "is geen afbeelding die de site kan lezen"),
        ("soep.gif", "soep.gif:gif", "is geen foto die de site kan tonen"),
        ("groot.jpg", "groot.jpg:huge", "is 21 MB; het maximum is 20 MB"),
        ("data:image/jpeg;base64,/9j/4AAQ", None, "een afbeelding die in de tekst zelf staat (data:) kan niet"),
        ("x" * 300 + ".jpg", None, "geef de foto een kortere naam"),
    ],
)
def test_a_photo_that_wont_do_is_a_dutch_problem_at_its_line(wijk, bestand, make, message):
    nieuws = wijk.folder / "nieuws"
    if make:
        name, _, how = make.partition(":")
        target = (nieuws / name).resolve()
        target.parent.mkdir(parents=True, exist_ok=True)
        if how == "not an image":
            target.write_text("Dit is geen foto.", encoding="utf-8")
        elif how == "gif":
            Image.new("RGB", (800, 600)).save(target, "GIF")
        else:
            Image.new("RGB", (800, 600)).save(target, "JPEG")
            if how == "huge":
                with open(target, "ab") as handle:  # trailing bytes: the size is all that counts
                    handle.truncate(MAX_BYTES + 1024 * 1024)
    found, problems = wijk.file(bestand, Plek("wijken/oost/nieuws/x.md", 6))
    assert found is None
    assert [str(p).split(": ", 1)[0] for p in problems] == ["wijken/oost/nieuws/x.md:6"]
    assert message in problems[0].message
    assert not problems[0].fatal  # the photo is left out, the bericht keeps its page


def test_a_narrow_photo_is_kept_with_advice_that_fails_nothing(wijk):
    Image.new("RGB", (480, 320)).save(wijk.folder / "nieuws" / "klein.jpg")
    found, problems = wijk.file("klein.jpg", Plek("wijken/oost/nieuws/x.md", 4))
    assert found == ("wijken/oost/nieuws/klein.jpg", (480, 320))
    assert "maar 480 pixels breed" in problems[0].message and "wazig" in problems[0].message
    assert problems[0].advice and problems[0].github_annotation().startswith("::notice ")


def test_a_phone_photo_is_measured_upright_and_heic_is_accepted(wijk):
    phone_photo(wijk.folder / "nieuws" / "staand.jpg", size=(900, 1600))
    Image.new("RGB", (1000, 750), "green").save(wijk.folder / "nieuws" / "telefoon.heic")
    assert wijk.file("staand.jpg", Plek("wijken/oost/nieuws/x.md", 1)) == (("wijken/oost/nieuws/staand.jpg", (900, 1600)), [])
    assert wijk.file("telefoon.heic", Plek("wijken/oost/nieuws/x.md", 1)) == (("wijken/oost/nieuws/telefoon.heic", (1000, 750)), [])


def test_an_image_in_the_text_needs_its_alt_text(wijk):
    Image.new("RGB", (800, 600)).save(wijk.folder / "nieuws" / "soep.jpg")
    problems, beelden = check_images(wijk, lees("Tekst.\n\n![](soep.jpg)\n\n![Soep](soep.jpg)\n", 5).beelden, "wijken/oost/nieuws/x.md")
    assert [str(p) for p in problems] == [
        "wijken/oost/nieuws/x.md:7: de afbeelding 'soep.jpg' heeft geen beschrijving voor wie hem niet kan zien, en staat daarom "
        "niet op de site; schrijf tussen de [ ] wat erop staat, zoals ![Vrijwilligers scheppen soep op](soep.jpg)"
    ]
    # The photo with a description is made in advance; the one without is not shown.
    assert [(b.line, b.bestand) for b in beelden] == [(7, None), (9, "wijken/oost/nieuws/soep.jpg")]


# -- the copies: tier 1 ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "width, expected",
    [(4032, [320, 640, 1024, 1600]), (1600, [320, 640, 1024, 1600]), (1100, [320, 640, 1024, 1100]), (500, [320, 500]), (200, [200])],
)
def test_copies_are_never_wider_than_the_photo(width, expected):
    assert pipeline.widths(width) == expected


def test_no_metadata_reaches_a_copy_and_the_photo_comes_out_upright(tmp_path):
    original = phone_photo(tmp_path / "telefoon.jpg")
    with Image.open(original) as image:  # the test's own photo carries what a phone's does
        assert image.getexif().get_ifd(0x8825) and "xmp" in image.info and "icc_profile" in image.info
    out = tmp_path / "kopie"
    manifest = made(original, out)
    assert [w for w, _, _ in manifest["copies"]] == [320, 640, 1024, 1200]
    assert sorted(p.name for p in out.iterdir()) == ["1024.jpg", "1024.webp", "1200.webp", "320.webp", "640.webp", "delen.jpg"]
    for copy in out.iterdir():
        assert_no_metadata(copy)
    with Image.open(out / "1200.webp") as upright:
        assert upright.size == (1200, 1600)
        rgb = upright.convert("RGB")
        assert rgb.getpixel((600, 100))[0] > 200 and rgb.getpixel((600, 1500))[2] > 200  # red on top, blue below
    with Image.open(out / "delen.jpg") as share:
        assert share.size == (1200, 630) and (out / "delen.jpg").stat().st_size <= 600 * 1024


@pytest.mark.parametrize("suffix, save", [(".heic", {}), (".png", {"format": "PNG"}), (".webp", {"format": "WEBP", "exif": b""})])
def test_phones_heic_png_and_webp_get_copies_too(tmp_path, suffix, save):
    file = tmp_path / f"foto{suffix}"
    image = Image.new("RGBA" if suffix == ".png" else "RGB", (900, 600), (20, 120, 60, 255))
    image.save(file, **save)
    manifest = made(file, tmp_path / "kopie")
    out = tmp_path / "kopie"
    assert manifest["copies"][-1][:2] == [900, 600]
    fallback = manifest["fallback"][3]
    assert fallback == ("png" if suffix == ".png" else "jpg")  # a transparent PNG stays transparent
    for copy in out.iterdir():
        assert_no_metadata(copy)


def test_a_png_loses_its_text_and_exif_chunks(tmp_path):
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Author", "Anneke de Boer, Kleine Koppel 10")
    exif = Image.Exif()
    exif[0x8825] = GPS
    file = tmp_path / "scherm.png"
    Image.new("RGB", (800, 600), "white").save(file, pnginfo=info, exif=exif)
    out = tmp_path / "kopie"
    made(file, out)
    for copy in out.iterdir():
        assert_no_metadata(copy)
        assert b"Anneke" not in copy.read_bytes()


def test_copies_are_cached_by_content_and_made_once(tmp_path, monkeypatch):
    original = phone_photo(tmp_path / "wijken" / "oost" / "a.jpg")
    (tmp_path / "wijken" / "oost" / "b.jpg").write_bytes(original.read_bytes())  # the same photo under another name
    first = pipeline.Fotobank(tmp_path, tmp_path / "cache")
    first.prepare({"wijken/oost/a.jpg": ("x.md", 1)})
    once = first.foto("wijken/oost/a.jpg")
    assert once is not None

    def must_not_run(*args):
        raise AssertionError("made again")

    monkeypatch.setattr(pipeline, "make", must_not_run)
    again = pipeline.Fotobank(tmp_path, tmp_path / "cache")
    again.prepare({"wijken/oost/a.jpg": ("x.md", 1), "wijken/oost/b.jpg": ("y.md", 2)})
    assert again.foto("wijken/oost/a.jpg") == once
    assert again.foto("wijken/oost/b.jpg").largest.size == once.largest.size
    assert again.problems == []


def test_several_threads_make_exactly_what_one_makes(tmp_path):
    """`Fotobank.prepare` works in threads; pinned against making the photos one by one."""
    bestanden = {}
    for number in range(4):
        phone_photo(tmp_path / "wijken" / "oost" / f"{number}.jpg", size=(800 + number * 64, 1000), orientation=1 + 5 * (number % 2))
        bestanden[f"wijken/oost/{number}.jpg"] = ("x.md", 1)
    one = pipeline.Fotobank(tmp_path, tmp_path / "een")
    one.prepare(bestanden, workers=1)
    many = pipeline.Fotobank(tmp_path, tmp_path / "veel")
    many.prepare(bestanden, workers=4)
    assert one.fotos == many.fotos
    assert {u: p.read_bytes() for u, p in one.published.items()} == {u: p.read_bytes() for u, p in many.published.items()}


def test_a_broken_photo_is_a_problem_not_a_traceback(tmp_path):
    file = phone_photo(tmp_path / "wijken" / "oost" / "half.jpg")
    file.write_bytes(file.read_bytes()[:2000])  # an upload that stopped halfway
    bank = pipeline.Fotobank(tmp_path, tmp_path / "cache")
    bank.prepare({"wijken/oost/half.jpg": ("wijken/oost/nieuws/x.md", 5)})
    assert bank.foto("wijken/oost/half.jpg") is None
    assert [str(p) for p in bank.problems] == [
        "wijken/oost/nieuws/x.md:5: de foto 'half.jpg' kan niet gelezen worden; het bestand is beschadigd of niet helemaal "
        "geüpload. Sla hem opnieuw op en upload hem nog eens"
    ]


def test_share_cards_are_made_once_for_the_city(tmp_path, monkeypatch):
    cards = Deelkaarten(tmp_path, Kleuren())
    card = cards.kaart("Vathorst-De Velden", "Bovenwijks Amersfoort")
    assert card.url.startswith("fotos/vathorst-de-velden-") and (card.width, card.height) == (1200, 630)
    with Image.open(cards.published[card.url]) as image:
        assert image.size == (1200, 630) and image.getpixel((5, 5)) == (0x40, 0x51, 0xB5)
    assert card.size <= 600 * 1024
    monkeypatch.setattr("bovenwijks.publish.deelkaart.draw", lambda *a: pytest.fail("drawn again"))
    assert Deelkaarten(tmp_path, Kleuren()).kaart("Vathorst-De Velden", "Bovenwijks Amersfoort") == card


# -- the pictures: tier 1 ---------------------------------------------------------------------

FOTO = Foto(
    renditions=(
        Rendition("fotos/soep-1-320.webp", 320, 240, "image/webp", 1),
        Rendition("fotos/soep-1-640.webp", 640, 480, "image/webp", 2),
    ),
    fallback=Rendition("fotos/soep-1-640.jpg", 640, 480, "image/jpeg", 3),
    share=Rendition("fotos/soep-1-delen.jpg", 1200, 630, "image/jpeg", 4),
)


def _lookup(url):
    return FOTO if url == "wijken/oost/nieuws/soep.jpg" else None


def _relative(target):
    return "../../../../" + target


@pytest.mark.parametrize(
    "html, expected",
    [
        ('<p><img alt="Soep" src="../soep.jpg" /></p>', ["picture:eager"]),
        ('<img alt="A" src="../soep.jpg"><img alt="B" src="../soep.jpg">', ["picture:eager", "picture:lazy"]),
        ('<img alt="Logo" src="../logo.svg"><img alt="B" src="../soep.jpg">', ["img", "picture:lazy"]),
        ('<img alt="Elders" src="https://elders.example/soep.jpg">', []),  # left out: see below
    ],
)
def test_an_editors_photo_becomes_a_picture(html, expected):
    out = fotos.in_html(html, "wijken/oost/nieuws/bericht/", _lookup, _relative)
    found = []
    for tag in re.findall(r"<picture>.*?</picture>|<img[^>]*>", out):
        if tag.startswith("<picture>"):
            found.append("picture:" + ("eager" if 'loading="eager"' in tag else "lazy"))
            assert 'srcset="../../../../fotos/soep-1-320.webp 320w, ../../../../fotos/soep-1-640.webp 640w"' in tag
            assert 'width="640" height="480"' in tag and 'src="../../../../fotos/soep-1-640.jpg"' in tag
            assert f'sizes="{fotos.SIZES["pagina"]}"' in tag
        else:
            found.append("img")
    assert found == expected


@pytest.mark.parametrize(
    "html, reason",
    [
        ('<img alt="Elders" src="https://elders.example/soep.jpg">', fotos.ELDERS),
        ('<img alt="Elders" src="//elders.example/soep.jpg">', fotos.ELDERS),
        ('<img alt="Pixel" src="data:image/png;base64,iVBORw0KGgo=">', fotos.INGEBED),
        ('<img alt="" src="../soep.jpg">', fotos.ZONDER_ALT),
    ],
)
def test_what_must_not_be_on_a_page_is_left_out_and_said(html, reason):
    heard = []
    out = fotos.in_html(f"<p>Voor {html} na</p>", "wijken/oost/nieuws/bericht/", _lookup, _relative, left_out=lambda *a: heard.append(a))
    assert out == "<p>Voor  na</p>"
    assert [r for _, r in heard] == [reason]


def test_below_a_photo_at_the_top_every_photo_in_the_text_loads_lazily():
    out = fotos.in_html('<img alt="Soep" src="../soep.jpg">', "wijken/oost/nieuws/bericht/", _lookup, _relative, first=False)
    assert 'loading="lazy"' in out and "fetchpriority" not in out


def test_a_feed_gets_a_plain_image_at_its_absolute_address():
    out = fotos.in_html(
        '<img alt="Soep &amp; brood" src="../soep.jpg">',
        "wijken/oost/nieuws/bericht/",
        _lookup,
        "https://stad.example/".__add__,
        plain=True,
    )
    assert out == '<img src="https://stad.example/fotos/soep-1-640.jpg" alt="Soep &amp; brood" width="640" height="480">'


# -- whole builds: tier 3 -------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A city with photos where a resident meets them, and places without."""
    city = City(tmp_path_factory.mktemp("fotos"))
    city.wijk("oost", "Oost", afbeelding={"bestand": "straat.jpg", "alt": "Een straat met bomen in Oost."})
    city.foto("wijken/oost/straat.jpg", size=(1600, 1000))
    city.wijk("west", "West")
    phone_photo(city.root / "wijken/oost/initiatieven/soep.jpg")
    city.initiatief(
        "oost",
        "soep",
        titel="Buurtsoep",
        gestart="2026-01-01",
        afbeelding={"bestand": "soep.jpg", "alt": "Een grote pan soep op het fornuis.", "maker": "Fatima Ouali"},
        body="Wij koken elke vrijdag.\n\n![Vrijwilligers scheppen soep op](../nieuws/scheppen.jpg)\n",
    )
    city.foto("wijken/oost/nieuws/scheppen.jpg", size=(1400, 1000), colour="#aa4400")
    city.activiteit("oost", "soepavond", initiatief="soep")
    city.bericht(
        "oost",
        "nieuwe-pan",
        afbeelding={"bestand": "../nieuws/scheppen.jpg", "alt": "Vrijwilligers scheppen soep op."},
        body="Er is een nieuwe pan.",
    )
    city.kennis("west", "vraag")
    city.initiatief("west", "tuin")
    return city, city.build(strict=True)


def _meta(html: str) -> dict[str, str]:
    return dict(re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)"', html))


def test_the_photo_stands_at_the_top_of_its_page_with_the_makers_credit(built):
    _, result = built
    assert result.error is None, result.warnings
    article = result.article("wijken/oost/initiatieven/soep/")
    figure = re.search(r'<figure class="bw-foto">(.*?)</figure>', article, re.S).group(1)
    assert 'alt="Een grote pan soep op het fornuis."' in figure and "<figcaption>Foto: Fatima Ouali</figcaption>" in figure
    assert 'loading="eager" fetchpriority="high"' in figure and 'width="1200" height="1600"' in figure
    assert article.index("bw-foto") < article.index("Wij koken")
    # The photo in the text comes below it, so it waits until it scrolls near.
    text_photo = re.search(r'<picture>(?:(?!</picture>).)*alt="Vrijwilligers scheppen soep op"[^>]*>', article, re.S).group(0)
    assert 'loading="lazy"' in text_photo


def test_every_image_of_the_site_is_described_and_sized(built):
    _, result = built
    images = []
    for page in result.site.rglob("*.html"):
        images += [(page, tag) for tag in re.findall(r"<img\b[^>]*>", page.read_text(encoding="utf-8"))]
    assert len(images) > 5
    for page, tag in images:
        assert re.search(r'\balt="[^"]+"', tag), (page, tag)
        assert re.search(r'\bwidth="\d+"', tag) and re.search(r'\bheight="\d+"', tag), (page, tag)


def test_the_original_is_never_published_and_no_copy_carries_metadata(built):
    city, result = built
    originals = {p.read_bytes() for p in (city.root / "wijken").rglob("*.jpg")}
    published = [p for p in result.site.rglob("*") if p.suffix in (".jpg", ".jpeg", ".png", ".webp")]
    assert not [p for p in published if p.name in ("soep.jpg", "straat.jpg", "scheppen.jpg")]
    assert not [p for p in published if p.read_bytes() in originals]
    for copy in published:
        if copy.parent.name == "fotos":
            assert_no_metadata(copy)


def test_cards_and_lists_show_a_small_photo(built):
    _, result = built
    wijk = result.article("wijken/oost/")
    card = re.search(r'<li class="bw-card".*?</li>', wijk, re.S).group(0)
    assert 'class="bw-kaartfoto"' in card and 'loading="lazy"' in card and f'sizes="{fotos.SIZES["kaart"]}"' in card
    assert 'class="bw-kaartfoto"' in result.article("wijken/")
    assert 'class="bw-kaartfoto"' in result.listing("nieuws/")


@pytest.mark.parametrize(
    "url, image, kind",
    [
        ("wijken/oost/initiatieven/soep/", "fotos/soep-", "article"),  # its own photo
        ("wijken/oost/agenda/soepavond/", "fotos/soep-", "article"),  # its initiatief's
        ("wijken/oost/nieuws/nieuwe-pan/", "fotos/scheppen-", "article"),
        ("wijken/west/kennis/vraag/", "fotos/west-", "article"),  # the share card of its wijk
        ("wijken/oost/", "fotos/straat-", "website"),
        ("", "fotos/alle-wijken-van-amersfoort-", "website"),  # the city's card
        ("agenda/", "fotos/alle-wijken-van-amersfoort-", "website"),
    ],
)
def test_a_shared_page_shows_a_title_text_and_picture(built, url, image, kind):
    _, result = built
    meta = _meta(result.page(url))
    assert meta["og:url"] == f"https://stad.example/{url}"
    assert meta["og:type"] == kind and meta["og:locale"] == "nl_NL" and meta["og:site_name"] == "Teststad"
    assert meta["og:title"] and meta["twitter:card"] == "summary_large_image"
    assert meta["og:image"].startswith(f"https://stad.example/{image}"), meta["og:image"]
    file = result.site / meta["og:image"].removeprefix("https://stad.example/")
    with Image.open(file) as picture:
        assert picture.size == (int(meta["og:image:width"]), int(meta["og:image:height"])) == (1200, 630)
    assert file.stat().st_size <= 600 * 1024
    assert meta["og:image:alt"]


def test_feeds_open_data_and_structured_data_carry_the_photo(built):
    import feedparser

    _, result = built
    rss = feedparser.parse((result.site / "feeds/wijken/oost.rss").read_bytes())
    soep = next(e for e in rss.entries if "Buurtsoep" in e.title)
    enclosure = soep.enclosures[0]
    file = result.site / enclosure.href.removeprefix("https://stad.example/")
    assert enclosure.type == "image/jpeg" and int(enclosure.length) == file.stat().st_size
    assert 'src="https://stad.example/fotos/scheppen-' in soep.content[0].value  # the text's photo, absolute
    atom = feedparser.parse((result.site / "feeds/wijken/oost.atom").read_bytes())
    assert any(link.rel == "enclosure" for e in atom.entries for link in e.links)
    nieuws = json.loads((result.site / "data/nieuws.json").read_text(encoding="utf-8"))
    assert any(item.get("image", "").startswith("https://stad.example/fotos/scheppen-") for item in nieuws["items"])
    initiatieven = json.loads((result.site / "data/initiatieven.json").read_text(encoding="utf-8"))["items"]
    afbeelding = next(i for i in initiatieven if i["titel"] == "Buurtsoep")["afbeelding"]
    assert afbeelding["alt"] == "Een grote pan soep op het fornuis." and afbeelding["maker"] == "Fatima Ouali"
    assert (result.site / afbeelding["url"].removeprefix("https://stad.example/")).is_file()
    assert next(i for i in initiatieven if i["titel"] == "Tuin")["afbeelding"] is None
    event = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', result.page("wijken/oost/agenda/soepavond/")).group(1)
    )
    assert all(url.startswith("https://stad.example/fotos/soep-") for url in event["image"])


def test_what_an_editor_gets_wrong_costs_the_photo_not_the_page(city):
    city.wijk("oost")
    city.foto("wijken/oost/initiatieven/goed.jpg")
    city.write("wijken/oost/initiatieven/kapot.jpg", "geen foto")
    city.initiatief("oost", "zonder-alt", afbeelding={"bestand": "goed.jpg"})
    city.initiatief("oost", "weg", afbeelding={"bestand": "weg.jpg", "alt": "Iets."})
    city.initiatief("oost", "kapot", afbeelding={"bestand": "kapot.jpg", "alt": "Iets."})
    city.initiatief("oost", "tekst", body="Hier:\n\n![](goed.jpg)\n\n![Elders](https://elders.example/x.jpg)\n")
    result = city.build()
    assert result.error is None
    warnings = "\n".join(result.warnings)
    assert "wijken/oost/initiatieven/zonder-alt.md:11: de verplichte sleutel 'afbeelding.alt' ontbreekt" in warnings
    assert "wijken/oost/initiatieven/weg.md:11: de afbeelding 'weg.jpg' bestaat niet" in warnings
    assert "wijken/oost/initiatieven/kapot.md:11: 'kapot.jpg' is geen afbeelding die de site kan lezen" in warnings
    assert "wijken/oost/initiatieven/tekst.md:14: de afbeelding 'goed.jpg' heeft geen beschrijving" in warnings
    assert "wijken/oost/initiatieven/tekst.md:16: de afbeelding 'https://elders.example/x.jpg' staat op een andere website" in warnings
    assert "Traceback" not in warnings, warnings
    for slug in ("zonder-alt", "weg", "kapot", "tekst"):
        assert result.exists(f"wijken/oost/initiatieven/{slug}/")
    assert "bw-foto" not in result.article("wijken/oost/initiatieven/weg/")
    assert city.build(strict=True).error is not None


def test_a_narrow_photo_is_advice_the_check_shows_and_the_strict_build_passes(city):
    city.wijk("oost")
    city.foto("wijken/oost/initiatieven/smal.jpg", size=(400, 300))
    city.initiatief("oost", "smal", afbeelding={"bestand": "smal.jpg", "alt": "Een smalle foto."})
    checked = city.check()
    assert checked.returncode == 0, checked.stdout
    assert "wijken/oost/initiatieven/smal.md:11: de foto 'smal.jpg' is maar 400 pixels breed" in checked.stdout
    assert "1 tip hierboven" in checked.stderr
    result = city.build(strict=True)
    assert result.error is None, result.warnings
    assert "bw-foto" in result.article("wijken/oost/initiatieven/smal/")  # narrow, but shown


def test_what_the_check_cannot_see_the_build_leaves_out_and_says(city):
    city.wijk("oost")
    city.foto("wijken/oost/nieuws/pan.jpg")
    city.foto("wijken/oost/nieuws/deksel.jpg")
    # Indented under a list item: the check takes it for code, Markdown shows it.
    body = "1. Eerst dit.\n\n    ![](pan.jpg)\n\n2. Dan dat.\n\n<img\n  src='deksel.jpg'>\n"
    city.bericht("oost", "stappen", body=body)
    result = city.build()
    warnings = "\n".join(result.warnings)
    assert "wijken/oost/nieuws/stappen.md:8: de afbeelding 'pan.jpg' heeft geen beschrijving" in warnings
    # An <img> over two lines the check sees itself (the text is read as a whole), on its first line.
    assert "wijken/oost/nieuws/stappen.md:12: de afbeelding 'deksel.jpg' heeft geen beschrijving" in warnings
    article = result.article("wijken/oost/nieuws/stappen/")
    assert "<img" not in article and "<picture" not in article
    assert "Eerst dit." in article and "Dan dat." in article


def test_no_image_from_elsewhere_reaches_the_page(city):
    city.wijk("oost")
    city.bericht("oost", "elders", body="![Een pan](https://elders.example/pan.jpg)\n\n![Pixel](data:image/png;base64,iVBORw0KGgo=)\n")
    result = city.build()
    article = result.article("wijken/oost/nieuws/elders/")
    assert "elders.example" not in article and "data:image" not in article
    assert "staat op een andere website" in "\n".join(result.warnings)


def test_no_image_of_a_wijk_is_published_as_it_is(city):
    city.wijk("oost")
    city.foto("wijken/oost/ongebruikt.jpg")  # uploaded, not (yet) shown
    city.foto("wijken/oost/scan.tiff", format="TIFF")
    city.foto("wijken/oost/whatsapp.gif", format="GIF")
    city.foto("wijken/oost/nieuws/web.jfif", format="JPEG", exif=_gps_exif())
    city.write("wijken/oost/plattegrond.pdf", b"%PDF-1.4\n")
    city.bericht("oost", "web", afbeelding={"bestand": "web.jfif", "alt": "Een foto uit WhatsApp Web."})
    result = city.build()
    # An image of another kind is refused (content/bestanden.py), and the rest of the wijk built.
    refused = "de site toont alleen foto's als JPEG, PNG, WebP of HEIC; sla deze afbeelding op als een van die soorten, of haal hem weg"
    assert result.warnings == [
        f"bovenwijks: wijken/oost/scan.tiff:1: {refused}",
        f"bovenwijks: wijken/oost/whatsapp.gif:1: {refused}",
        "bovenwijks: 2 bestanden staan niet (helemaal) op de site door een fout: wijken/oost/scan.tiff, wijken/oost/whatsapp.gif. "
        "Draai 'make check' om te zien wat je moet verbeteren.",
    ]
    published = {p.name for p in result.site.rglob("*") if p.is_file()}
    assert not {"ongebruikt.jpg", "scan.tiff", "whatsapp.gif", "web.jfif"} & published
    assert "plattegrond.pdf" in published  # not an image: published as it is
    assert "bw-foto" in result.article("wijken/oost/nieuws/web/")


def test_a_photo_in_a_page_of_the_city_gets_copies_and_the_logo_stays(city):
    city.extra_config = {"theme": {**yaml_theme(city), "logo": "logo.png"}}
    city.write_config()
    city.foto("content/logo.png", size=(96, 96), format="PNG")
    phone_photo(city.root / "content" / "over-ons.jpg")
    city.write("content/over.md", "# Over ons\n\n![De redactie aan tafel](over-ons.jpg)\n")
    city.wijk("oost")
    result = city.build(strict=True)
    assert result.error is None, result.warnings
    assert not (result.site / "over-ons.jpg").exists()
    assert (result.site / "logo.png").exists()
    assert "<picture>" in result.article("over/")


def test_a_broken_photo_in_the_text_is_reported_at_its_line(city):
    city.wijk("oost")
    file = phone_photo(city.root / "wijken/oost/nieuws/half.jpg")
    file.write_bytes(file.read_bytes()[:3000])
    city.bericht("oost", "half", body="Kijk:\n\n![Een halve foto](half.jpg)\n")
    result = city.build()
    assert any(
        w.startswith("bovenwijks: wijken/oost/nieuws/half.md:8: de foto 'half.jpg' kan niet gelezen worden") for w in result.warnings
    ), result.warnings


def test_a_rebuild_only_works_on_new_photos(city, monkeypatch):
    city.wijk("oost")
    city.foto("wijken/oost/initiatieven/soep.jpg")
    city.initiatief("oost", "soep", afbeelding={"bestand": "soep.jpg", "alt": "Soep."})
    first = city.build(strict=True)
    assert first.error is None, first.warnings
    copies = {p.name: p.read_bytes() for p in (first.site / "fotos").iterdir()}
    asked = []
    real = pipeline.make
    monkeypatch.setattr(pipeline, "make", lambda file: asked.append(file.name) or real(file))
    city.foto("wijken/oost/initiatieven/nieuw.jpg", colour="#123456")
    city.initiatief("oost", "nieuw", afbeelding={"bestand": "nieuw.jpg", "alt": "Nieuw."})
    second = city.build(strict=True)
    assert second.error is None, second.warnings
    assert asked == ["nieuw.jpg"]
    assert all((second.site / "fotos" / name).read_bytes() == data for name, data in copies.items())
    assert (city.root / ".cache" / "bovenwijks" / "fotos").is_dir()


def test_copies_are_light(built):
    _, result = built
    for copy in (result.site / "fotos").iterdir():
        assert copy.stat().st_size <= 600 * 1024, copy.name


def test_a_cache_restored_in_part_is_made_good(tmp_path):
    phone_photo(tmp_path / "wijken" / "oost" / "a.jpg")
    bank = pipeline.Fotobank(tmp_path, tmp_path / "cache")
    bank.prepare({"wijken/oost/a.jpg": ("x.md", 1)})
    copy = bank.published[bank.foto("wijken/oost/a.jpg").renditions[0].url]
    copy.unlink()  # an old cache, restored without this copy
    again = pipeline.Fotobank(tmp_path, tmp_path / "cache")
    again.prepare({"wijken/oost/a.jpg": ("x.md", 1)})
    assert copy.is_file() and again.problems == []


def test_a_cache_that_cannot_be_written_stops_the_build_with_the_reason(city):
    city.write(".cache/bovenwijks", "een bestand, geen map")
    city.wijk("oost")
    city.foto("wijken/oost/initiatieven/soep.jpg")
    city.initiatief("oost", "soep", afbeelding={"bestand": "soep.jpg", "alt": "Soep."})
    result = city.build()
    assert result.error is not None
    assert any("kan niet beschreven worden" in w and ".cache/bovenwijks" in w for w in result.warnings), result.warnings
    assert not any("Traceback" in w for w in result.warnings)


def test_a_photos_key_is_its_digest_and_a_changed_photo_is_read_again(tmp_path, monkeypatch):
    """`Sleutels` spares reading unchanged photos; pinned against `digest`, which reads every one."""
    file = phone_photo(tmp_path / "a.jpg")
    sleutels = pipeline.Sleutels(tmp_path / "cache" / "sleutels.json")
    assert sleutels.key("a.jpg", file) == pipeline.digest(file)
    sleutels.save()
    again = pipeline.Sleutels(tmp_path / "cache" / "sleutels.json")
    read = []
    real = pipeline.digest
    monkeypatch.setattr(pipeline, "digest", lambda f: read.append(f.name) or real(f))
    assert again.key("a.jpg", file) == real(file) and read == []  # unchanged: not read again
    phone_photo(file, size=(1000, 1400))  # replaced by another photo
    assert again.key("a.jpg", file) == real(file) and read == ["a.jpg"]


def test_copies_are_linked_into_the_site_or_copied_where_they_cannot_be(tmp_path, monkeypatch):
    """`place` hard-links; pinned against copying, as across disks (`mkdocs serve`)."""
    source = tmp_path / "cache" / "320.webp"
    source.parent.mkdir()
    source.write_bytes(b"RIFF....WEBP")
    pipeline.place({"fotos/a-320.webp": source}, tmp_path / "site")
    linked = tmp_path / "site" / "fotos" / "a-320.webp"
    assert linked.read_bytes() == source.read_bytes() and linked.stat().st_ino == source.stat().st_ino

    def other_disk(*args):
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(pipeline.os, "link", other_disk)
    pipeline.place({"fotos/a-320.webp": source}, tmp_path / "served")
    copied = tmp_path / "served" / "fotos" / "a-320.webp"
    assert copied.read_bytes() == source.read_bytes() and copied.stat().st_ino != source.stat().st_ino


def test_the_same_photo_under_several_names_is_made_in_threads_without_a_cache_error(tmp_path):
    # Identical bytes have one key: the threads that make them at the same time must not
    # take away what another moved into the cache (seen as a CacheError on a busy machine).
    original = phone_photo(tmp_path / "wijken" / "oost" / "0.jpg", size=(400, 300))
    bestanden = {"wijken/oost/0.jpg": ("x.md", 1)}
    for number in range(1, 8):
        (tmp_path / "wijken" / "oost" / f"{number}.jpg").write_bytes(original.read_bytes())
        bestanden[f"wijken/oost/{number}.jpg"] = ("x.md", 1)
    for attempt in range(10):  # each with an empty cache: the race is in moving a new copy in
        bank = pipeline.Fotobank(tmp_path, tmp_path / f"cache-{attempt}")
        bank.prepare(bestanden, workers=4)
        assert bank.problems == []
        assert all(bank.foto(bestand) is not None for bestand in bestanden)
