"""Forms of kinerja, one module per area."""
