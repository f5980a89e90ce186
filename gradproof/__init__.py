"""The gradproof command line: derive, codegen, verify, demo."""
