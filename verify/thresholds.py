"""Zhou Zhihua's notation (《机器学习》, the "watermelon book", §5.3): thresholds subtracted, not biases added (issue 10).

A one-hidden-layer network written as Zhou writes it: input i, hidden unit h, output unit j; weights ``v_{ih}`` (input
i → hidden h) and ``w_{hj}`` (hidden h → output j); the summed inputs before the threshold ``α_h = Σ_i v_{ih} x_i`` and
``β_j = Σ_h w_{hj} b_h``; thresholds ``γ_h`` and ``θ_j`` subtracted, ``b_h = f(α_h − γ_h)`` (b_h the hidden unit's
*output*, not a bias) and ``\\hat y_j^k = f(β_j − θ_j)`` for example k; ``E_k`` its error; ``g_j = −∂E_k/∂β_j``,
``e_h = −∂E_k/∂α_h``; updates ``Δw_{hj} = η g_j b_h``, ``Δθ_j = −η g_j``, ``Δv_{ih} = η e_h x_i``, ``Δγ_h = −η e_h``.

A threshold subtracted is a bias with the opposite sign: θ_j = −b⁽²⁾_j, γ_h = −b⁽¹⁾_h, so β_j − θ_j = z⁽²⁾_j and
α_h − γ_h = z⁽¹⁾_h. Each claim is rewritten into gradproof's notation (``ThresholdReading.prepare``: the hidden index h
renamed p, as h is gradproof's hidden layer; weights entries with their source first, option ``weight_order =
"source"``), judged, and shown as written (``restore``). Only when the answer writes a threshold subtracted inside f
(``f(β_j − θ_j)`` or ``f(α_h − γ_h)``) and one of Zhou's weights (``w_{hj}``, ``v_{ih}``), for a network of one hidden
layer; ``f`` is σ only where both layers are sigmoid (Zhou's choice), else it stays unread.

Untrusted input: each claim's text is rewritten by a fixed list of regular expressions without nested quantifiers,
over at most 500 claims of at most 2000 characters.
"""

from __future__ import annotations

import re

from .surface import split_top_level

MAX_CLAIMS = 500
MAX_CHARS = 2000
def _ix(letter: str) -> str:
    """An index written bare or braced (never one brace alone: ``\\frac{\\partial E_k}{…}`` keeps its own)."""
    return rf"(?:\{{\s*{letter}\s*\}}|{letter}(?![A-Za-z]))"


#: f(β_j − θ_j), f(α_h − γ_h): a threshold subtracted inside the activation
_SIGNATURE = re.compile(r"f\s*\(\s*\\(?:beta\s*_\s*" + _ix("j") + r"|alpha\s*_\s*" + _ix("h") + r")\s*-\s*\\(?:theta|gamma)")
_WEIGHTS = re.compile(r"(?<![A-Za-z\\])(?:w\s*_\s*\{\s*h\s*,?\s*j\s*\}|v\s*_\s*\{\s*i\s*,?\s*h\s*\})")
#: a subscript group holding only Zhou's index letters (h renamed p inside it)
_SUB_GROUP = re.compile(r"_\s*\{([ihjk,\s]{1,8})\}")
_SUB_ONE = re.compile(r"_\s*h(?![A-Za-z])")
_SUM_H = re.compile(r"\\sum\s*_\s*\{\s*h\s*=")
_JK = r"(?:_\s*" + _ix("j") + r"\s*\^\s*" + _ix("k") + r"|\^\s*" + _ix("k") + r"\s*_\s*" + _ix("j") + ")"
#: the example index k on ŷ_j^k, y_j^k (either order), E_k
_EXAMPLE = (
    (re.compile(r"\\hat\s*(?:\{\s*y\s*\}|\s+y)\s*" + _JK), r"\\hat{y}_j"),
    (re.compile(r"(?<![A-Za-z\\{])y\s*" + _JK), r"y_j"),
    (re.compile(r"(?<![A-Za-z\\])E\s*_\s*" + _ix("k")), r"E"),
)
#: the updates of a threshold: Δθ_j = R is Δb⁽²⁾_j = −(R)
_THRESHOLD_STEP = re.compile(r"^\s*\\Delta\s*\\(theta|gamma)\s*_\s*(?:\{\s*[jp]\s*\}|[jp])\s*=(?P<rhs>.*)$", re.S)
_EQUALS = re.compile(r"(?<![:<>!\\])=")
#: a derivative by a threshold: \partial θ_j, \partial γ_p (the hidden index already p), the whole denominator
_BY_THRESHOLD = re.compile(r"\{\s*\\partial\s*\\(theta|gamma)\s*_\s*(?:\{\s*[jp]\s*\}|[jp](?![A-Za-z]))\s*\}")
#: a threshold subtracted from its sum (β_j − θ_j, α_p − γ_p: z_j and z_p), and any other use of Zhou's four letters
_THRESHOLD_SUBTRACTED = re.compile(r"\\(?:beta\s*_\s*(?:\{\s*j\s*\}|j)\s*-\s*\\theta|alpha\s*_\s*(?:\{\s*p\s*\}|p)\s*-\s*"
                                   r"\\gamma)\s*_\s*(?:\{\s*[jp]\s*\}|[jp](?![A-Za-z]))")
_ZHOU_LETTERS = re.compile(r"\\(?:beta|alpha|theta|gamma)(?![A-Za-z])")
#: Zhou's symbols (the hidden index already p) -> gradproof's
_SYMBOLS = (
    (re.compile(r"\\partial\s*\\beta\s*_\s*" + _ix("j")), r"\\partial z^{(2)}_j"),  # (β_j and z_j differ by a constant)
    (re.compile(r"\\partial\s*\\alpha\s*_\s*" + _ix("p")), r"\\partial z^{(1)}_p"),
    (re.compile(r"(?<![A-Za-z\\])b\s*_\s*" + _ix("p")), r"h^{(1)}_p"),  # b_h: the hidden unit's output
    (re.compile(r"\\theta\s*_\s*" + _ix("j")), r"(-b^{(2)}_j)"),
    (re.compile(r"\\gamma\s*_\s*" + _ix("p")), r"(-b^{(1)}_p)"),
    (re.compile(r"\\beta\s*_\s*" + _ix("j")), r"(z^{(2)}_j - b^{(2)}_j)"),
    (re.compile(r"\\alpha\s*_\s*" + _ix("p")), r"(z^{(1)}_p - b^{(1)}_p)"),
    (re.compile(r"(?<![A-Za-z\\])w\s*_\s*\{\s*p\s*,?\s*j\s*\}"), r"W^{(2)}_{pj}"),
    (re.compile(r"(?<![A-Za-z\\])v\s*_\s*\{\s*i\s*,?\s*p\s*\}"), r"W^{(1)}_{ip}"),
    # g_j = −∂E_k/∂β_j, e_h = −∂E_k/∂α_h, also with another of Zhou's unit indices (i, j, h), as a slip may write them
    (re.compile(r"(?<![A-Za-z\\])g\s*_\s*" + _ix("([ijp])")), lambda m: f"(-\\delta^{{(2)}}_{m.group(1) or m.group(2)})"),
    (re.compile(r"(?<![A-Za-z\\])e\s*_\s*" + _ix("([ijp])")), lambda m: f"(-\\delta^{{(1)}}_{m.group(1) or m.group(2)})"),
)
#: a sum over the examples k (Zhou's accumulated error, (5.16)): such a claim is not rewritten
_OVER_EXAMPLES = re.compile(r"\\sum\s*_\s*(?:\{\s*k|k(?![A-Za-z]))")
_F = re.compile(r"(?<![A-Za-z\\])f\s*(?=['(])")
CHANGE = ("Zhou's thresholds subtracted (§5.3): θ_j, γ_h are minus the biases, b_h the hidden output, v_{ih} and w_{hj} "
          "the weights (source first), α_h, β_j the sums before the threshold, g_j and e_h minus δ, k the example")


def _by_thresholds(text: str) -> str:
    r"""Each derivative by a threshold, ``\frac{\partial X}{\partial \theta_j}``, as the derivative by ``-z^{(2)}_j``
    (``\gamma_p``: by ``-z^{(1)}_p``): θ_j enters the network only through z_j = β_j − θ_j, so ∂X/∂θ_j = −∂X/∂z_j for
    any X computed from z_j — ``\hat y_j``, ``f(\beta_j - \theta_j)``, ``E_k``, ``b_h`` (the parser reads
    ``\partial (-q)``). Only where X holds none of Zhou's β, α, θ, γ other than a threshold subtracted from its sum
    (``\partial \beta_j / \partial \theta_j`` is 0, not what varying z gives). One pass: each brace matched once."""
    if "partial" not in text or not _BY_THRESHOLD.search(text):
        return text
    opened, stack = {}, []  # closing brace -> its opening brace
    for i, ch in enumerate(text):
        if ch == "{" and text[i - 1:i] != "\\":
            stack.append(i)
        elif ch == "}" and text[i - 1:i] != "\\" and stack:
            opened[i] = stack.pop()
    out, last = [], 0
    for m in _BY_THRESHOLD.finditer(text):
        j = m.start() - 1  # the numerator: the group closing just before this denominator, opened after \frac
        while j >= 0 and text[j].isspace():
            j -= 1
        opener = opened.get(j)
        if opener is None or not text[max(0, opener - 16):opener].rstrip().endswith("frac"):
            continue
        if _ZHOU_LETTERS.search(_THRESHOLD_SUBTRACTED.sub(" ", text[opener + 1:j])):
            continue
        layer, index = ("2", "j") if m.group(1) == "theta" else ("1", "p")
        out += [text[last:m.start()], f"{{\\partial (-z^{{({layer})}}_{index})}}"]
        last = m.end()
    out.append(text[last:])
    return "".join(out)


class ThresholdReading:
    """Zhou's §5.3 notation, detected on the answer and rewritten claim by claim (see the module docstring)."""

    def __init__(self, sigmoid: bool):
        self.sigmoid = sigmoid
        self.originals: dict = {}

    @staticmethod
    def detect(net, claims) -> ThresholdReading | None:
        if net.depth != 2 or getattr(net, "has_kinds", False):
            return None
        texts = [c.latex for c in claims[:MAX_CLAIMS] if len(c.latex) <= MAX_CHARS]
        if not any(_SIGNATURE.search(t) for t in texts) or not any(_WEIGHTS.search(t) for t in texts):
            return None
        return ThresholdReading(all(layer.activation == "sigmoid" for layer in net.layers))

    def rewrite(self, text: str) -> str:
        if len(text) > MAX_CHARS or _OVER_EXAMPLES.search(text):
            return text  # (Zhou's accumulated error E = 1/m Σ_k E_k sums the examples: k is not one example there)
        text = _SUB_GROUP.sub(lambda m: "_{" + m.group(1).replace("h", "p") + "}", text)
        text = _SUM_H.sub(r"\\sum_{p=", _SUB_ONE.sub("_p", text))
        for pattern, repl in _EXAMPLE:
            text = pattern.sub(repl, text)
        step = _THRESHOLD_STEP.match(text)
        if step:
            layer, index = ("2", "j") if step.group(1) == "theta" else ("1", "p")  # (the group's index is that one)
            sides = " = ".join(f"-({side.strip()})" for side in split_top_level(step.group("rhs"), _EQUALS))  # Δθ_j = −η g_j = …
            text = f"\\Delta b^{{({layer})}}_{index} = {sides}"
        text = _by_thresholds(text)
        for pattern, repl in _SYMBOLS:
            text = pattern.sub(repl, text)
        if self.sigmoid:
            text = _F.sub(r"\\sigma", text)
        return text

    def prepare(self, claims) -> list:
        from .judge import Claim

        out = []
        for k, c in enumerate(claims):
            text = self.rewrite(c.latex) if k < MAX_CLAIMS else c.latex
            if text != c.latex:
                self.originals[c.id] = c.latex
                c = Claim(c.id, text, c.quantity, c.where)
            out.append(c)
        return out

    def restore(self, results) -> None:
        """Each result shows the claim as the answer wrote it."""
        for r in results:
            if r.id in self.originals:
                r.latex = self.originals[r.id]
                if not re.search(r"(?<![A-Za-z\\])p(?![A-Za-z])", r.latex):  # the hidden index, as the answer wrote it
                    r.message = r.message.replace("p = 1…", "h = 1…")
