"""The `bovenwijks` command: checking, scaffolding and regenerating the repository's files."""
