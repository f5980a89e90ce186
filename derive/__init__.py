"""Derive backpropagation for a network spec with SymPy: specs, registries, the derivation, the proof."""
