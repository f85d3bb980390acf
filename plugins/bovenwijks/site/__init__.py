"""The pages residents read: each described as a `SitePage` for an engine to mount.

The engine renders an editor's Markdown; the templates here wrap it into the page.
"""
