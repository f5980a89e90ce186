r"""Ng's Machine Learning Θ in a document that does not number its layers itself.

Ng's Machine Learning course numbers the input as layer 1 (``a^{(1)} = x``) and names the weights by the layer they
leave (``z^{(l+1)} = Θ^{(l)} a^{(l)}``, Θ with the bias as column 0): ``δ^{(l)} = (Θ^{(l)})^T δ^{(l+1)} .* g'(z^{(l)})``.
An answer that defines its layers (``a^{(1)} = x``) is read so by the notation inference (infer.py). One that does
not — zz0808's notes on Ng's courses, whose forward pass sits in a ``matrix`` block with ``& add & a_0^{(2)}`` columns
that does not read, and whose other sections use Ng's deep-learning numbering (``dz2``, ``W2``, the input layer 0) — is
read in the tool's numbering, where no layer fits ``(Θ^{(l)})^T δ^{(l+1)}`` (a 4×4 matrix times a 1×m one).

So a claim that writes Θ with a layer in parentheses and fails by its shapes alone, in a document whose definitions
fix no numbering, is judged again in Ng's numbering (``Judge._in_ng_numbering``): its verdict there stands (correct, or
incorrect for a reason of its own), and where that reading does not read either the claim is unchecked, not rejected
on a numbering its author never used.
"""

from __future__ import annotations

import re

#: Ng's Θ^{(l)}, Θ^{(2)}: the weights of his Machine Learning course, a layer in parentheses
_NG_THETA = re.compile(r"\\Theta\s*+\^\s*+\{?\s*+\(")
#: his numbering, as the notation inference names it (infer.readings)
OPTIONS = (("input_layer", 1), ("weights_numbered_by", "source"))
NOTE = ("Θ^{(l)} is Ng's (Machine Learning): read in his numbering, the input as layer 1 and Θ^{(l)} the map from "
        "layer l to layer l + 1")
UNREAD = ("not judged: Θ^{(l)} is Ng's (Machine Learning course), whose numbering (the input as layer 1) the document "
          "does not fix; in gradproof's numbering the shapes do not fit ({}); add [notation] options "
          "input_layer = 1 and weights_numbered_by = \"source\" if that is its numbering")


def writes_theta(latex: str) -> bool:
    """The claim writes Ng's Θ with a layer in parentheses."""
    return bool(_NG_THETA.search(latex))


def numbering_open(notation, claims) -> bool:
    """Neither the answer's notation nor its forward definitions fix how its layers are numbered."""
    from .infer import structure

    options = dict(notation.options)
    if "input_layer" in options or "weights_numbered_by" in options or "from_zero" in options:
        return False
    return not structure(claims)["input_layer"]
