"""The `bovenwijks/kennis` plugin: the kennisuitwisseling between wijken."""
