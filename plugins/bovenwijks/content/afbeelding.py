"""Checking the photos editors upload: `afbeelding` in frontmatter, and images in a page's text.

Only the image's header is read here (its format and size), so that checking a city stays
fast; making the copies residents get is `bovenwijks.publish.fotos`. Every problem names the
file and line of the reference, in Dutch: a photo that can't be used is left out, and the
item keeps its page.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

from babel.numbers import format_decimal
from PIL import Image, UnidentifiedImageError
from pillow_heif import register_heif_opener

from bovenwijks.content.problem import Problem
from bovenwijks.content.suggest import did_you_mean
from bovenwijks.content.tekst import Verwijzing
from bovenwijks.dates import LOCALE
from bovenwijks.model import Afbeelding, Tekstbeeld

# Phones save HEIC; Pillow reads it once pillow-heif has registered itself.
register_heif_opener()
# What Pillow can open (not what it only writes, as PDF), and what phones and cameras save besides.
_IMAGE_SUFFIXES = frozenset(e for e, kind in Image.registered_extensions().items() if kind in Image.OPEN) | {
    ".avif",
    ".heic",
    ".heif",
    ".dng",
}

# What editors may upload (the contract's "Photos"), by suffix and by what the file really is.
SUFFIXES = (".jpg", ".jpeg", ".jpe", ".jfif", ".png", ".webp", ".heic", ".heif")
FORMATS = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "WEBP": "WebP", "HEIF": "HEIC"}
ACCEPTED = "JPEG, PNG, WebP of HEIC"
MAX_BYTES = 20 * 1024 * 1024
MIN_BREEDTE = 600  # narrower looks blurred at the width of a page on a laptop
# EXIF orientations that turn the picture a quarter: width and height swap once applied.
_QUARTER_TURNS = {5, 6, 7, 8}
_ORIENTATION = 0x0112


def is_foto(path: str) -> bool:
    """Whether a file is, by its name, a photo editors may upload (of which residents get copies)."""
    return path.lower().endswith(SUFFIXES)


def is_image(path: str) -> bool:
    """Whether a file is, by its name, an image of any kind Pillow knows (a TIFF, a GIF, AVIF ...):
    like a photo, it may carry a GPS position, so it is never published as it is."""
    return is_foto(path) or PurePosixPath(path).suffix.lower() in _IMAGE_SUFFIXES


def megabytes(size: int) -> str:
    """`23,4 MB`: a file size as editors read it."""
    return f"{format_decimal(round(size / 1024 / 1024, 1), locale=LOCALE)} MB"


def open_image(file: Path) -> Image.Image:
    """The image in `file`, its header read (Pillow reads the pixels only when asked).

    Raises `UnidentifiedImageError` when it is no image, `OSError` when it can't be read.
    """
    return Image.open(file)


def oriented_size(image: Image.Image) -> tuple[int, int]:
    """The width and height residents see: a photo turned a quarter by its EXIF swaps them."""
    width, height = image.size
    try:
        orientation = image.getexif().get(_ORIENTATION)
    except Exception:
        orientation = None
    return (height, width) if orientation in _QUARTER_TURNS else (width, height)


@dataclass(frozen=True)
class Plek:
    """Where a reference to an image is: the Markdown file (as editors see it) and its line."""

    path: str
    line: int


class Checker:
    """Checks the images that the Markdown files of one wijk refer to.

    `root` is the project (paths in messages are relative to it); `folder` is the wijk's
    folder, which every image must be in.
    """

    def __init__(self, root: Path, folder: Path):
        self.root, self.folder = root, folder
        self.wijk = folder.relative_to(root).as_posix()

    def resolve(self, bestand: str, markdown: str) -> str | None:
        """The repository path of `bestand`, written in the file `markdown`; None when outside the wijk."""
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(markdown), bestand.replace("\\", "/")))
        # By their parts, not as strings: `wijken/oost-2/` is not inside `wijken/oost/`.
        if Path(joined).parts[: len(Path(self.wijk).parts)] != Path(self.wijk).parts:
            return None
        return joined

    def afbeelding(self, value: dict, plek: Plek) -> tuple[Afbeelding | None, list[Problem]]:
        """The `afbeelding` of a file (its checked frontmatter `value`), or None with the reasons."""
        bestand, problems = self.file(value["bestand"], plek)
        if bestand is None:
            return None, problems
        path, (breedte, hoogte) = bestand
        return Afbeelding(path, value["alt"], value.get("maker"), breedte, hoogte), problems

    def file(self, bestand: str, plek: Plek) -> tuple[tuple[str, tuple[int, int]] | None, list[Problem]]:
        """The repository path and size of the image `bestand`, or None with the reasons.

        A photo narrower than `MIN_BREEDTE` is kept, with advice. `bestand` is written as in
        Markdown: `%20` is a space, and what follows `#` or `?` is not part of the name.
        """

        def problem(message: str) -> tuple[None, list[Problem]]:
            return None, [Problem(plek.path, plek.line, message, fatal=False)]

        if bestand.startswith("data:"):
            return problem(
                "een afbeelding die in de tekst zelf staat (data:) kan niet: de site kan haar verborgen gegevens er niet uit halen. "
                "Upload de foto in de map van de wijk en verwijs ernaar met zijn bestandsnaam"
            )
        if "://" in bestand or bestand.startswith("//"):
            return problem(
                f"de afbeelding '{bestand}' staat op een andere website; de site laadt niets van andere websites. "
                f"Zet de foto in de map van de wijk ({self.wijk}/) en verwijs ernaar met zijn bestandsnaam"
            )
        if bestand.startswith("/"):
            return problem(f"schrijf het pad van de afbeelding '{bestand}' vanaf dit bestand, zonder / ervoor (zoals 'foto.jpg')")
        path = self.resolve(target(bestand), plek.path)
        if path is None:
            return problem(f"de afbeelding '{bestand}' staat buiten de map van deze wijk ({self.wijk}/); zet de foto in de map van de wijk")
        file = self.root / path
        try:
            there = file.is_file()
            size = file.stat().st_size if there else 0
        except OSError:  # a name longer than the file system allows, say
            return problem(f"de afbeelding '{bestand}' kan niet gelezen worden; geef de foto een kortere naam")
        if not there:
            folder = file.parent
            names = [p.name for p in folder.iterdir() if is_foto(p.name)] if folder.is_dir() else []
            hint = f"; {did_you_mean(file.name, names)}" if names else ""
            return problem(
                f"de afbeelding '{bestand}' bestaat niet ({posixpath.dirname(path)}/ heeft geen bestand met die naam){hint}. "
                "Let op hoofdletters en de extensie (.jpg, .png ...)"
            )
        if not is_foto(path):
            return problem(f"'{bestand}' is geen foto die de site kan tonen; sla hem op als {ACCEPTED}")
        if size > MAX_BYTES:
            return problem(
                f"de foto '{bestand}' is {megabytes(size)}; het maximum is {megabytes(MAX_BYTES)}. "
                "Verklein hem eerst, bijvoorbeeld door hem vanaf je telefoon als 'groot' in plaats van 'origineel' te delen"
            )
        try:
            with open_image(file) as image:
                kind = FORMATS.get(image.format or "")
                size_seen = oriented_size(image)
        except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError):
            return problem(f"'{bestand}' is geen afbeelding die de site kan lezen; sla hem opnieuw op als {ACCEPTED}")
        if kind is None:
            return problem(f"'{bestand}' is een {image.format}-bestand; de site toont {ACCEPTED}")
        problems = []
        if size_seen[0] < MIN_BREEDTE:
            problems.append(
                Problem(
                    plek.path,
                    plek.line,
                    f"de foto '{bestand}' is maar {size_seen[0]} pixels breed; op een groot scherm ziet hij er wazig uit. "
                    f"Gebruik liever een foto van minstens {MIN_BREEDTE} pixels breed",
                    fatal=False,
                    advice=True,
                )
            )
        return (path, size_seen), problems


def target(src: str) -> str:
    """The file an image's address names: `foto%20(1).jpg#boven` → `foto (1).jpg`."""
    return unquote(src.strip("<>").split("#", 1)[0].split("?", 1)[0])


def check_images(checker: Checker, images: list[Verwijzing], path: str) -> tuple[list[Problem], list[Tekstbeeld]]:
    """The problems of `images`, found in the text of the file `path` (`content.tekst`)."""
    problems: list[Problem] = []
    beelden: list[Tekstbeeld] = []
    for image in images:
        plek = Plek(path, image.line)
        if not image.alt:
            problems.append(
                Problem(
                    path,
                    image.line,
                    f"de afbeelding '{image.src}' heeft geen beschrijving voor wie hem niet kan zien, en staat daarom niet op de site; "
                    f"schrijf tussen de [ ] wat erop staat, zoals ![Vrijwilligers scheppen soep op]({image.src})",
                    fatal=False,
                )
            )
        found, trouble = checker.file(image.src, plek)
        problems.extend(trouble)
        beelden.append(Tekstbeeld(path, image.line, image.src, found[0] if found and image.alt else None))
    return problems, beelden
