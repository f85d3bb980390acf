"""The bovenwijks domain: everything that does not depend on MkDocs."""
