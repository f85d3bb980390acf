"""What the city's wijken have in common: the stedelijk overzicht and the kennisuitwisseling.

Aggregations over the model, each a pass over the city's items; no pages and no HTML.
"""
