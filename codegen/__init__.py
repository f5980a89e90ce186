"""Print the derivation as a standalone NumPy training module."""
