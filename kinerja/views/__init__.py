"""Views of kinerja, one module per area."""
