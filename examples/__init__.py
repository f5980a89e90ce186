"""The example specs and answers; installed as ``gradproof.examples`` so that ``gradproof demo`` runs from a wheel."""
