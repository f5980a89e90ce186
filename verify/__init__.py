"""Check hand-written answers against the derivation."""
