"""Content packs for distribution: build, sign, verify and install .zpack files (no Qt)."""
