"""bovenwijks: a federated static web platform for residents' collaboration across wijken.

`plugins.domain` holds the model, loading, validation, aggregation and feed writing, and
never imports MkDocs. The other subpackages are thin MkDocs plugins over it.
"""
