"""Making the copies of editors' photos that residents get, cached by the photo's content.

What an editor uploads is never published: a phone photo carries its GPS position (often a
resident's street), the camera and the date, and weighs megabytes. Each photo is turned
upright by its own orientation, made sRGB, and redrawn into a new image that carries none of
the original's metadata (EXIF, XMP, IPTC, ICC, comments); that image is resized to a few
widths in WebP, with one JPEG (or PNG) fallback and one share image of 1200 by 630.

The copies are kept in a cache folder under the SHA-256 of the photo's bytes (and of this
module's `VERSION`), so a rebuild, `mkdocs serve` or the deploy workflow with its cache only
works on photos it has not seen before.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import shutil
import tempfile
import threading
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from PIL import Image, ImageCms, ImageOps

from bovenwijks.content.afbeelding import open_image, oriented_size
from bovenwijks.content.problem import Problem
from bovenwijks.site.fotos import Foto, Rendition
from bovenwijks.slug import slugify

# Change it whenever the copies would come out differently: every cached photo is made again.
VERSION = "1"
WIDTHS = (320, 640, 1024, 1600)  # a card on a phone ... the content's width on a sharp laptop screen
FALLBACK_WIDTH = 1024
# The fewest pixels across a JPEG is decoded to (JPEG decodes at 1/2, 1/4, 1/8 of its size in
# a fraction of the time). At 1344, a phone's 4032 × 3024 photo is decoded at half its size
# and gets every copy up to 1600; a portrait one (3024 across) too, and its widest copy is
# then 1512 instead of 1600, for a quarter of the work.
SHARP = 1344
SHARE_SIZE = (1200, 630)  # what Facebook, WhatsApp and LinkedIn show in full
WEBP_QUALITY = 78
JPEG_QUALITY = 82
FOLDER = "fotos"  # where the copies are published, under the site root
_MANIFEST = "foto.json"
_SHARE = "delen.jpg"
_SRGB = ImageCms.createProfile("sRGB")


def digest(file: Path) -> str:
    """The cache key of the photo in `file`: its bytes and how this version makes copies."""
    with open(file, "rb") as handle:
        hashed = hashlib.file_digest(handle, "sha256")
    hashed.update(VERSION.encode())
    return hashed.hexdigest()


def widths(width: int) -> list[int]:
    """The widths of the copies of a photo `width` pixels wide: never wider than the photo."""
    largest = min(width, WIDTHS[-1])
    return [w for w in WIDTHS if w < largest] + [largest]


def _height(width: int, size: tuple[int, int]) -> int:
    return max(1, round(width * size[1] / size[0]))


def _transparent(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)


def clean(file: Path, keep: int = SHARP) -> Image.Image:
    """The photo in `file` upright, in sRGB, as a new image without any of the file's metadata.

    A JPEG is decoded at the smallest scale that still keeps `keep` pixels of its width: a
    phone photo of 4032 pixels is read at half its size, in a fraction of the time.
    """
    with open_image(file) as image:
        if image.format in ("JPEG", "MPO"):
            across = oriented_size(image)[0]
            if across > keep:
                scale = keep / across
                image.draft("RGB", (int(image.size[0] * scale), int(image.size[1] * scale)))
        upright = ImageOps.exif_transpose(image)
    profile = upright.info.get("icc_profile")
    mode = "RGBA" if _transparent(upright) else "RGB"
    if profile:
        # A profile Little CMS can't read: the pixels as they are.
        with contextlib.suppress(ImageCms.PyCMSError, OSError):
            upright = ImageCms.profileToProfile(
                upright.convert(mode), ImageCms.ImageCmsProfile(io.BytesIO(profile)), _SRGB, outputMode=mode
            )
    # A copy of the pixels alone: Pillow hands `info` (EXIF, XMP, ICC, comments) on to each
    # image it derives, and some encoders write what they find there.
    fresh = upright.convert(mode) if upright.mode != mode else upright.copy()
    fresh.info = {}
    return fresh


def _encode(image: Image.Image, kind: str) -> bytes:
    out = io.BytesIO()
    if kind == "webp":
        image.save(out, "WEBP", quality=WEBP_QUALITY, method=4)
    elif kind == "png":
        image.save(out, "PNG", optimize=True)
    else:
        image.convert("RGB").save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return out.getvalue()


def _flattened(image: Image.Image) -> Image.Image:
    """`image` on white: a JPEG has no transparency."""
    if image.mode != "RGBA":
        return image
    flat = Image.new("RGB", image.size, "white")
    flat.paste(image, mask=image.getchannel("A"))
    return flat


_TYPES = {"webp": "image/webp", "jpg": "image/jpeg", "png": "image/png"}


def make(file: Path) -> tuple[dict, dict[str, bytes]]:
    """The copies of the photo in `file`: what they are (the manifest), and each file's bytes."""
    image = clean(file)
    # Each copy from the next wider one: every step is smaller, and LANCZOS keeps it sharp.
    sized: dict[int, Image.Image] = {}
    current = image
    for width in reversed(widths(image.width)):
        if width != current.width:
            current = current.resize((width, _height(width, image.size)), Image.Resampling.LANCZOS, reducing_gap=3.0)
        sized[width] = current
    files: dict[str, bytes] = {}
    copies = []
    for width, copy in sorted(sized.items()):
        files[f"{width}.webp"] = _encode(copy, "webp")
        copies.append([width, copy.height, len(files[f"{width}.webp"])])
    kind = "png" if image.mode == "RGBA" else "jpg"
    fallback = sized[min(image.width, FALLBACK_WIDTH)]  # `widths` always holds it
    files[f"{fallback.width}.{kind}"] = _encode(fallback, kind)
    share = ImageOps.fit(_flattened(sized[max(sized)]), SHARE_SIZE, Image.Resampling.LANCZOS, centering=(0.5, 0.45))
    files[_SHARE] = _encode(share, "jpg")
    manifest = {
        "copies": copies,
        "fallback": [fallback.width, fallback.height, len(files[f"{fallback.width}.{kind}"]), kind],
        "share": len(files[_SHARE]),
    }
    return manifest, files


def _names(manifest: dict) -> list[str]:
    """The files a manifest describes, in the photo's cache folder."""
    width, _, _, kind = manifest["fallback"]
    return [*(f"{w}.webp" for w, _, _ in manifest["copies"]), f"{width}.{kind}", _SHARE]


class CacheError(Exception):
    """The cache folder can't be written: the build's problem, not an editor's.

    `wat` is what it keeps, as the message names it: the photos' copies, the posters.
    """

    def __init__(self, cache: Path, error: OSError, wat: str = "de kopieën van foto's"):
        super().__init__(
            f"bovenwijks: de map voor {wat} ({cache}) kan niet beschreven worden ({error.strerror or error}); "
            "maak haar schrijfbaar, of kies een andere met cache_dir onder bovenwijks/wijken in mkdocs.yml"
        )


@dataclass(frozen=True)
class _Made:
    key: str
    manifest: dict


def _foto(name: str, made: _Made) -> Foto:
    """The copies as the pages name them: `fotos/<name>-<key>-<width>.webp`."""
    stem = f"{FOLDER}/{name}-{made.key[:12]}"
    m = made.manifest
    width, height, size, kind = m["fallback"]
    return Foto(
        renditions=tuple(Rendition(f"{stem}-{w}.webp", w, h, _TYPES["webp"], s) for w, h, s in m["copies"]),
        fallback=Rendition(f"{stem}-{width}.{kind}", width, height, _TYPES[kind], size),
        share=Rendition(f"{stem}-delen.jpg", *SHARE_SIZE, _TYPES["jpg"], m["share"]),
    )


def _sources(made: _Made, folder: Path, foto: Foto) -> dict[str, Path]:
    """Each copy's address → its file in the cache (in the order of `_names`)."""
    urls = [*(r.url for r in foto.renditions), foto.fallback.url, foto.share.url]
    return {url: folder / name for url, name in zip(urls, _names(made.manifest), strict=True)}


class Sleutels:
    """The cache key of every photo the last builds read, by what the file system says of it.

    Reading every photo to hash it took a warm build at 10,000 items about 2 seconds (2.3 GB
    of photos). A photo whose size, modification time (in nanoseconds) and inode are what
    they were keeps its key; any other is read again. A checkout or an upload gives a file a
    new time, so an editor's new photo is always read. Pinned against `digest` in
    tests/test_fotos.py.
    """

    def __init__(self, file: Path):
        self.file = file
        try:
            self.known: dict[str, list] = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.known = {}
        self.changed = False

    def key(self, bestand: str, file: Path) -> str:
        """The cache key of the photo `bestand` (a repository path) in `file`."""
        stat = file.stat()
        seen = [stat.st_size, stat.st_mtime_ns, stat.st_ino]
        known = self.known.get(bestand)
        if known is not None and known[:3] == seen:
            return known[3]
        key = digest(file)
        self.known[bestand] = [*seen, key]  # one key per photo: safe from several threads
        self.changed = True
        return key

    def save(self) -> None:
        """Keep the keys for the next build (moved in whole: a build beside this one may read it)."""
        if not self.changed:
            return
        with contextlib.suppress(OSError):  # without it the next build reads the photos again
            self.file.parent.mkdir(parents=True, exist_ok=True)
            handle, part = tempfile.mkstemp(prefix=".bezig-", dir=self.file.parent)
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(self.known, out)
            os.replace(part, self.file)
        self.changed = False


class Fotobank:
    """The photos of one build: made (or found in the cache) once, each by its repository path.

    `root` is the project; `cache` the folder that keeps the copies between builds.
    """

    def __init__(self, root: Path, cache: Path):
        self.root, self.cache = root, cache
        self.sleutels = Sleutels(cache / FOLDER / f"sleutels-{VERSION}.json")
        self.fotos: dict[str, Foto | None] = {}
        self.published: dict[str, Path] = {}  # address in the site → the file to copy there
        self.problems: list[Problem] = []
        self._moving = threading.Lock()

    def prepare(self, bestanden: dict[str, tuple[str, int]], workers: int | None = None) -> None:
        """Make the copies of every photo in `bestanden` (its path → the file and line that refer
        to it), in `workers` threads: Pillow decodes, resizes and encodes without the GIL."""
        todo = [b for b in bestanden if b not in self.fotos]
        workers = workers or min(4, os.cpu_count() or 1)
        if workers > 1 and len(todo) > 1:
            with ThreadPoolExecutor(workers) as pool:
                made = list(pool.map(self._made, todo))
        else:
            made = [self._made(b) for b in todo]
        for bestand, result in zip(todo, made, strict=True):
            self._keep(bestand, result, bestanden[bestand])
        self.sleutels.save()

    def foto(self, bestand: str, plek: tuple[str, int] | None = None) -> Foto | None:
        """The copies of the photo at `bestand` (a repository path), made when first asked for
        by the file and line `plek` (which a problem then names)."""
        if bestand not in self.fotos:
            self._keep(bestand, self._made(bestand), plek or (bestand, 1))
        return self.fotos[bestand]

    def _made(self, bestand: str) -> _Made | Exception:
        """The copies of `bestand` from the cache, or made now; the error when it can't be read.

        Raises `CacheError` when the cache can't be written.
        """
        file = self.root / bestand
        try:
            key = self.sleutels.key(bestand, file)
        except OSError as error:
            return error
        folder = self.cache / FOLDER / key
        found = self._cached(folder)
        if found is not None:
            return _Made(key, found)
        try:
            manifest, files = make(file)
        except Exception as error:
            return error
        try:
            self.cache.mkdir(parents=True, exist_ok=True)
            # Written beside the cache and moved in whole: a build that stops halfway leaves
            # no half a photo that the next build would trust.
            work = Path(tempfile.mkdtemp(prefix=".bezig-", dir=self.cache))
            try:
                for name, data in files.items():
                    (work / name).write_bytes(data)
                (work / _MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
                folder.parent.mkdir(parents=True, exist_ok=True)
                # Photos of the same bytes have one key, and threads of this build may have
                # made it at once: one moves its copy in, and the others keep that one.
                with self._moving:
                    if self._cached(folder) is None:
                        if folder.exists():  # restored in part from an old cache: ours replaces it
                            shutil.rmtree(folder, ignore_errors=True)
                        # Made at the same time by another build: theirs is as good.
                        with contextlib.suppress(OSError):
                            work.rename(folder)
            finally:
                shutil.rmtree(work, ignore_errors=True)
            if self._cached(folder) is None:  # neither ours nor another build's is there
                raise OSError(f"{folder} is niet aangemaakt")
        except OSError as error:
            raise CacheError(self.cache, error) from None
        return _Made(key, manifest)

    @staticmethod
    def _cached(folder: Path) -> dict | None:
        """The manifest in `folder`, if it and every copy it names are there."""
        try:
            manifest = json.loads((folder / _MANIFEST).read_text(encoding="utf-8"))
            if all((folder / name).is_file() for name in _names(manifest)):
                return manifest
        except (OSError, ValueError, KeyError, TypeError):
            pass  # missing, or half restored from an old cache: made again
        return None

    def _keep(self, bestand: str, made: _Made | Exception, plek: tuple[str, int]) -> None:
        if not isinstance(made, _Made):
            self.fotos[bestand] = None
            self.problems.append(
                Problem(
                    plek[0],
                    plek[1],
                    f"de foto '{PurePosixPath(bestand).name}' kan niet gelezen worden; het bestand is beschadigd of niet helemaal "
                    "geüpload. Sla hem opnieuw op en upload hem nog eens",
                    fatal=False,
                )
            )
            return
        name = slugify(PurePosixPath(bestand).stem) or "foto"
        foto = _foto(name, made)
        self.fotos[bestand] = foto
        self.published.update(_sources(made, self.cache / FOLDER / made.key, foto))


def place(published: dict[str, Path], site: Path) -> None:
    """Put each copy (its address in the site → its file in the cache) into the built `site`.

    A hard link where the site is on the same disk as the cache: MkDocs' own copying took
    3.2 of 12,000 copies' 3.5 seconds. A copy otherwise (`mkdocs serve` builds in a temporary
    folder). Nothing writes into a built site's files, so cache and site may share them.
    Pinned against copying in tests/test_fotos.py.
    """
    made: set[Path] = set()
    for url, source in published.items():
        target = site / url
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        with contextlib.suppress(FileNotFoundError):
            target.unlink()  # a `--dirty` build's, or one MkDocs wrote
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)


def referenced(items: Iterable[tuple[str, str, int]]) -> dict[str, tuple[str, int]]:
    """Each photo's path → the first file and line that refer to it, from `(bestand, path, line)`."""
    found: dict[str, tuple[str, int]] = {}
    for bestand, path, line in items:
        found.setdefault(bestand, (path, line))
    return found
