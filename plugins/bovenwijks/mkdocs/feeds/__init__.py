"""The `bovenwijks/feeds` plugin: RSS and Atom feeds, calendars and open data of the city."""
