"""What subscribers take: RSS and Atom feeds, calendars, open data, and the pages that list them.

Decided from the model (`publicatie.plan`), written once the engine has made each item's HTML
(`publicatie.publish`).
"""
