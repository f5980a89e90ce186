r"""Quantities written as functions of the input (issue 10, thirty-fifth round): Hugo Larochelle's neural-network
course (Université de Sherbrooke, IFT 725; his lectures "Neural networks [2.1]–[2.11]") and the courses built on its
slides write every layer's quantities as functions of the example x, the output as f(x) and the loss written out:

    \mathbf{a}^{(k)}(\mathbf{x}) = \mathbf{b}^{(k)} + \mathbf{W}^{(k)} \mathbf{h}^{(k-1)}(\mathbf{x}),
    \mathbf{h}^{(k)}(\mathbf{x}) = \mathbf{g}(\mathbf{a}^{(k)}(\mathbf{x})),
    \mathbf{h}^{(L+1)}(\mathbf{x}) = \mathbf{o}(\mathbf{a}^{(L+1)}(\mathbf{x})) = \mathbf{f}(\mathbf{x}),
    \nabla_{\mathbf{a}^{(L+1)}(\mathbf{x})} -\log f(\mathbf{x})_y = -(\mathbf{e}(y) - \mathbf{f}(\mathbf{x})),
    \nabla_{\mathbf{a}^{(k)}(\mathbf{x})} -\log f(\mathbf{x})_y = (\nabla_{\mathbf{h}^{(k)}(\mathbf{x})} -\log f(\mathbf{x})_y)
        \odot [\ldots, g'(a^{(k)}(\mathbf{x})_j), \ldots]

with L the number of HIDDEN layers (L + 1 the output), o the output's activation, e(y) and 1_{(y=c)} the one-hot
target. A TA reads ``h^{(k)}(x)`` as h^{(k)} (its value at the example), ``f(x)`` as the output ŷ, ``-\log f(x)_y`` under a
derivative as the example's loss ℓ, ``[\ldots, g'(a_j), \ldots]`` as the vector whose entry j is g'(a_j). So does
``InputFunctions``, only where the answer writes at least two layered quantities as functions of the input, or writes
its output f(x) inside ``-\log f(x)_y``; then ``L+1`` is the last layer wherever the answer writes it (a layer
``(L+1)`` is read as the network's last, ``(L)`` the one before). Each claim is restored as written in the report.
Every pass is a linear regular-expression substitution on claims of bounded length.
"""

from __future__ import annotations

import re

from .funcdef import _X_ARG
from .rewriting import Rewriting

MAX_LENGTH = 4000
#: the example as a function's argument: (\mathbf{x}), (\boldsymbol{x}), (\bm x), (\vec{x}), (x), one of the training set's
#: (\mathbf{x}^{(t)})
_ARG = r"\(\s*" + _X_ARG + r"\s*\)"
#: a layer's script: ^{(k)}, ^{(k-1)}, ^{(L+1)}, ^(2)
_LAYER = r"\^\s*(?:\{\s*\([^(){}$\\]{1,8}\)\s*\}|\(\s*[^(){}$\\]{1,8}\))"
#: an entry's script: _j, _{j}, _{i,j}
_ENTRY = r"(?:\s*_\s*(?:\{\s*[a-z0-9](?:\s*,?\s*[a-z0-9])?\s*\}|[a-z0-9]))"
#: a layered quantity (a, h, z), bold or not, with its entry before the argument or none: h^{(k-1)}_j, \mathbf{a}^{(k)}
_QUANTITY = (r"(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*[ahz]\s*\}|\\(?:mathbf|boldsymbol|bm)\s+[ahz]|(?<![A-Za-z\\])[ahz])\s*"
             + _LAYER + _ENTRY + "?")
#: a layered quantity of the input: \mathbf{h}^{(k)}(\mathbf{x}), a^{(k)}(\mathbf{x}), h^{(k-1)}_j(\mathbf{x}) (group q:
#: the quantity as written without its argument)
_OF_INPUT = re.compile(r"(?P<q>" + _QUANTITY + r")\s*" + _ARG)
#: the output as a function of the input: \mathbf{f}(\mathbf{x}), f(x), f(\mathbf{x})_c
_OUTPUT = re.compile(r"(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*(?P<bold>f)\s*\}|(?<![A-Za-z\\])f)\s*" + _ARG)
#: the example's loss written out, after f(x) is read as ŷ: -\log \hat{y}_y, -\log(\hat{y}_{y}), -\log \hat{\mathbf{y}}_y
_LOSS = (r"-\s*\\log\s*(?P<open>\\left\s*\(|\()?\s*\\hat\s*\{\s*(?:\\mathbf\s*\{\s*y\s*\}|y)\s*\}\s*_\s*\{?\s*y"
         r"(?:\s*\^\s*\{\s*\(\s*[a-z]\s*\)\s*\})?\s*\}?\s*(?(open)(?:\\right\s*)?\))")
#: the loss under a derivative: \nabla_{…} -\log ŷ_y, \frac{\partial}{\partial q} -\log ŷ_y, \frac{\partial -\log ŷ_y}{…}
_NABLA_LOSS = re.compile(r"(?P<n>\\nabla\s*_\s*(?:\{(?:[^{}$]|\{(?:[^{}$]|\{[^{}$]*\})*\})*\}|[A-Za-z]))\s*" + _LOSS)
_PARTIAL_LOSS = re.compile(r"\\frac\s*\{\s*\\partial\s*\}\s*\{(?P<d>\s*\\partial\s*(?:[^{}$]|\{(?:[^{}$]|\{[^{}$]*\})*\})*)\}\s*"
                           + _LOSS)
_LOSS_OVER = re.compile(r"\\frac\s*\{\s*\\partial\s*(?:\(\s*)?" + _LOSS.replace("(?P<open>", "(?P<open2>").replace(
    "(?(open)", "(?(open2)") + r"\s*\)?\s*\}")
#: the loss as a function: l(\hat{\mathbf{y}}, y), \ell(\hat{y}, y)
_LOSS_FUNCTION = re.compile(r"(?:\\ell|(?<![A-Za-z\\])l)\s*\(\s*\\hat\s*\{\s*(?:\\mathbf\s*\{\s*y\s*\}|y)\s*\}\s*,\s*y\s*\)")
#: the one-hot target: \mathbf{e}(y), e(y), 1_{(y=c)}, 1_{y=c}, \mathbb{1}_{(y=c)}
_ONE_HOT = re.compile(r"(?:\\mathbf\s*\{\s*e\s*\}|(?<![A-Za-z\\])e)\s*\(\s*y\s*\)")
_INDICATOR = re.compile(r"(?:\\mathbb\s*\{\s*1\s*\}|\\mathbf\s*\{\s*1\s*\}|(?<![0-9.])1)\s*_\s*\{\s*\(?\s*y\s*=\s*(?P<c>[a-z])\s*\)?\s*\}")
#: the output's activation applied: \mathbf{o}(…), o(…)
_OUTPUT_ACTIVATION = re.compile(r"(?:\\mathbf\s*\{\s*o\s*\}|(?<![A-Za-z\\])o)\s*(?=\()")
#: the layer L (the number of hidden layers) in a layer's script: ^{(L+1)}, ^{(L)}, ^{(L-1)}
_L_LAYER = re.compile(r"(?P<pre>\^\s*\{?\s*\(\s*)L\s*(?:(?P<sign>[+-])\s*(?P<n>\d))?\s*(?P<post>\))")
#: a vector written by its entry between dots: \left[\ldots, g'(a^{(k)}_j), \ldots\right]
_DOTS = r"\\(?:ldots|cdots|dots)"
_BY_ENTRY = re.compile(r"(?:\\left\s*)?\[\s*" + _DOTS + r"\s*,\s*(?P<e>[^\[\]$,]{1,120}?)\s*,\s*" + _DOTS
                       + r"\s*(?:\\right\s*)?\]")
_ONE_INDEX = re.compile(r"_\s*(?:\{\s*(?P<a>[a-z])\s*\}|(?P<b>[a-z]))")


def _by_entry(m: re.Match) -> str:
    """The vector [\\ldots, e_j, \\ldots] as e with its one entry index dropped (left as written otherwise)."""
    body = m.group("e")
    found = list(_ONE_INDEX.finditer(body))
    if len(found) != 1:
        return m.group(0)
    letter = found[0].group("a") or found[0].group("b")
    rest = body[:found[0].start()] + body[found[0].end():]
    if re.search(rf"(?<![A-Za-z\\]){letter}(?![A-Za-z])", rest):
        return m.group(0)
    return "(" + rest + ")"


class InputFunctions(Rewriting):
    """Larochelle's quantities of the input read in the network's own letters (module docstring)."""

    max_length = MAX_LENGTH

    def __init__(self, hidden_count: bool):
        self.originals: dict[str, str] = {}
        self.hidden_count = hidden_count
        self.change = ("h^{(k)}(x), a^{(k)}(x) are layer k's quantities at the example, f(x) the output and −log f(x)_y "
                       "its loss (Larochelle's notation)" + ("; L is the number of hidden layers, L+1 the output"
                                                              if hidden_count else ""))

    @staticmethod
    def detect(claims) -> InputFunctions | None:
        texts = [c.latex for c in claims if len(c.latex) <= MAX_LENGTH]
        layered = sum(len(_OF_INPUT.findall(t)) for t in texts)
        loss = any(_OUTPUT.search(t) and re.search(r"\\log\s*(?:\\left\s*)?\(?\s*f\s*" + _ARG + r"\s*_", t)
                   or _NABLA_LOSS.search(t) or _PARTIAL_LOSS.search(t) for t in texts)  # (f(x) read as ŷ by funcdef.py)
        if layered < 2 and not loss:
            return None
        hidden_count = any(re.search(r"\^\s*\{?\s*\(\s*L\s*\+\s*1\s*\)", t) for t in texts)
        return InputFunctions(hidden_count)

    def rewrite(self, text: str) -> str:
        text = _OF_INPUT.sub(lambda m: m.group("q"), text)
        text = _OUTPUT.sub(lambda m: "\\hat{\\mathbf{y}}" if m.group("bold") else "\\hat{y}", text)
        text = _NABLA_LOSS.sub(lambda m: m.group("n") + " \\ell", text)
        text = _PARTIAL_LOSS.sub(lambda m: "\\frac{\\partial \\ell}{" + m.group("d") + "}", text)
        text = _LOSS_OVER.sub("\\\\frac{\\\\partial \\\\ell}", text)
        text = _LOSS_FUNCTION.sub("\\\\ell", text)
        text = _ONE_HOT.sub("\\\\mathbf{y}", text)
        text = _INDICATOR.sub(lambda m: f"y_{{{m.group('c')}}}", text)
        text = _OUTPUT_ACTIVATION.sub("\\\\varphi", text)
        text = _BY_ENTRY.sub(_by_entry, text)
        if self.hidden_count:
            text = _L_LAYER.sub(self._layer, text)
        return text

    @staticmethod
    def _layer(m: re.Match) -> str:
        shift = (int(m.group("n")) if m.group("sign") == "+" else -int(m.group("n"))) if m.group("sign") else 0
        shift -= 1  # (L + 1 is the last layer: the parser's L)
        script = "L" if shift == 0 else f"L{shift:+d}"
        return m.group("pre") + script + m.group("post")
