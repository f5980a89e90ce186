"""The proof's presentation: steps, LaTeX printer, document, terminal report (reads derive's Derivation; never the reverse)."""
