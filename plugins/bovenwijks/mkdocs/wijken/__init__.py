"""The `bovenwijks/wijken` plugin: every wijk folder mounted as pages under `/wijken/`."""
