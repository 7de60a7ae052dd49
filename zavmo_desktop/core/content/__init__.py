"""Content packs: models, loading, validation and rendering."""
