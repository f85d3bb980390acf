"""Pagination: long listings split into numbered pages, so that no page grows with the city."""

from __future__ import annotations

from dataclasses import dataclass
from math import ceil
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass
class Pagina(Generic[T]):
    """One page of a listing at `base` (`initiatieven/`): page 1 is `base`, page n `base/n/`."""

    base: str
    number: int
    count: int
    items: list[T]

    @staticmethod
    def url_of(base: str, number: int) -> str:
        """The URL of page `number` of the listing at `base`."""
        return base if number == 1 else f"{base}{number}/"

    @property
    def url(self) -> str:
        """This page's URL relative to the site root."""
        return self.url_of(self.base, self.number)

    @property
    def src_uri(self) -> str:
        """The virtual source file of this page."""
        return f"{self.url}index.md"

    def links(self, around: int = 2) -> list[tuple[int, str] | None]:
        """(number, url) of the pages to link: the first, the last, and `around` on either side
        of this one; None stands for a gap. The navigation stays small in a listing of 500 pages."""
        shown = {1, self.count, *range(self.number - around, self.number + around + 1)}
        result: list[tuple[int, str] | None] = []
        for n in sorted(n for n in shown if 1 <= n <= self.count):
            if result and result[-1] is not None and n > result[-1][0] + 1:
                result.append(None)
            result.append((n, self.url_of(self.base, n)))
        return result


def paginate(items: list[T], base: str, per_page: int) -> list[Pagina[T]]:
    """Split `items` into pages of `per_page`; an empty listing still has its first page."""
    count = max(1, ceil(len(items) / per_page))
    return [Pagina(base, n, count, items[(n - 1) * per_page : n * per_page]) for n in range(1, count + 1)]
