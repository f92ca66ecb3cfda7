"""Reads of kinerja, one module per area; each starts from visible_to(actor)."""
