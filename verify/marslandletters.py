r"""Marsland's letters (issue 10, thirty-sixth round): *Machine Learning: An Algorithmic Perspective* (§4.2, the
multi-layer perceptron algorithm) and the courses that teach from it write a network with one hidden layer as

    h_\zeta = \sum_{i=0}^{L} x_i v_{i\zeta},   a_\zeta = g(h_\zeta) = \frac{1}{1 + \exp(-\beta h_\zeta)},
    h_\kappa = \sum_j a_j w_{j\kappa},   y_\kappa = g(h_\kappa),
    \delta_o(\kappa) = (y_\kappa - t_\kappa) y_\kappa (1 - y_\kappa),
    \delta_h(\zeta) = a_\zeta (1 - a_\zeta) \sum_{k=1}^{N} w_{\zeta k} \delta_o(k),
    w_{\zeta\kappa} \leftarrow w_{\zeta\kappa} - \eta \delta_o(\kappa) a_\zeta,
    v_{\iota\zeta} \leftarrow v_{\iota\zeta} - \eta \delta_h(\zeta) x_\iota

— the layer of a unit told by its index letter (ι or i an input, ζ or j a hidden, κ or k an output unit), h a unit's summed
input, a the hidden and y the output units' activations, t the target, v the first and w the second layer's weights
(source unit first: v_{iζ} from input i to hidden unit ζ), δ_o(κ) and δ_h(ζ) the errors of output and hidden units
written as functions of the unit, β the logistic's slope (1 where the answer says so). A TA reads the letters from those
forms; so does ``MarslandLetters``, only in a network with one hidden layer and only where the answer writes δ_o(·) or
δ_h(·), or gives h, a, y their Greek unit letters. Then h_ζ, h_κ become ``z^{(1)}``, ``z^{(2)}``; a ``h^{(1)}``; y, t
``\hat{y}``, ``y``; v, w the layers' ``W^{(1)}``, ``W^{(2)}`` (option ``entries_source_first``: read in whichever way the
spec lays W out); δ_o, δ_h the layers' δ; each Greek unit letter a Latin one the claim does not use. Each claim is
restored as written in the report. Every pass is a linear scan of claims of bounded length.
"""

from __future__ import annotations

import re

from .rewriting import NO_LAYER_SCRIPT, Placeholders, Rewriting, fresh_letters, name_back

MAX_LENGTH = 4000
#: the unit letters by layer: ι, i an input; ζ, j a hidden; κ, k an output unit
_LAYER_OF = {"\\iota": 0, "i": 0, "\\zeta": 1, "j": 1, "\\kappa": 2, "k": 2}
_GREEK = ("\\iota", "\\zeta", "\\kappa")
#: a Greek unit letter anywhere (a script, a sum's index)
_GREEK_LETTER = re.compile(r"\\(iota|zeta|kappa)(?![A-Za-z])")
#: the heads read: δ_o(·), δ_h(·); h, a, y, t, x, v, w with a subscript of unit letters
_DELTA = re.compile(r"\\delta\s*_\s*\{?\s*([oh])\s*\}?\s*\(\s*(\\(?:iota|zeta|kappa)|[ijk])\s*\)")
_HEAD = re.compile(r"(?<![A-Za-z\\])([haytxvw])\s*_\s*(\{\s*(?:\\(?:iota|zeta|kappa)\s*|[ijk]\s*){1,2}\}|\\(?:iota|zeta|kappa)"
                   r"(?![A-Za-z])|[ijk](?![A-Za-z]))" + NO_LAYER_SCRIPT)
# (a superscript after the unit letters, y_j^l, w_{ij}^{l}: a layer's, another notation's letters — left alone)
_INDEX = re.compile(r"\\(?:iota|zeta|kappa)|[ijk]")
#: what decides the reading: δ_o(·) or δ_h(·), or a Greek unit letter on a summed input or an activation
_MARK = re.compile(r"\\delta\s*_\s*\{?\s*[oh]\s*\}?\s*\(|(?<![A-Za-z\\])[hay]\s*_\s*\{?\s*\\(?:zeta|kappa)(?![A-Za-z])")
#: the answer's own slope of the logistic, β = 1
_BETA_ONE = re.compile(r"(?<![A-Za-z\\])\\beta\s*=\s*1(?![0-9.])")
_BETA = re.compile(r"\\beta(?![A-Za-z])")


_UNICODE = {"\\iota": "ι", "\\zeta": "ζ", "\\kappa": "κ"}


def _latin(text: str) -> dict | None:
    """{Greek unit letter: the Latin letter it is read as} for one claim (letters the claim does not use); None when
    too few are free."""
    return fresh_letters(text, [g for g in _GREEK if g in text], avoid="v")  # (v: the first layer's weights)


class MarslandLetters(Rewriting):
    """The rewriting of an answer in Marsland's letters; None from ``detect`` when it is not one."""

    max_length = MAX_LENGTH
    options = (("entries_source_first", True),)

    def __init__(self, beta_one: bool):
        self.originals: dict[str, str] = {}
        self.beta_one = beta_one
        self.change = ("ι or i is an input, ζ or j a hidden and κ or k an output unit; h their summed inputs, a and y the "
                       "hidden and output activations, t the target, v_{iζ} and w_{ζκ} the weights from unit to unit, "
                       "δ_o(κ) and δ_h(ζ) the errors (Marsland)" + ("; β = 1, the answer's own" if beta_one else ""))

    @staticmethod
    def detect(net, claims) -> MarslandLetters | None:
        if net.depth != 2 or getattr(net, "has_kinds", False):
            return None
        texts = [c.latex for c in claims if len(c.latex) <= MAX_LENGTH]
        if sum(len(_MARK.findall(t)) for t in texts) < 2:
            return None
        return MarslandLetters(any(_BETA_ONE.search(t) for t in texts))

    def rewrite(self, text: str) -> str:
        kept = Placeholders()
        if not kept.usable(text):
            return text
        keep = kept.keep
        latin = _latin(text)
        if latin is None:
            return text

        def letter(index: str) -> str:
            return latin.get(index.strip(), index.strip())

        def delta(m: re.Match) -> str:
            return keep(f"\\delta^{{({2 if m.group(1) == 'o' else 1})}}_{{{letter(m.group(2))}}}")

        def head(m: re.Match) -> str:
            made = self._read(m.group(1), _INDEX.findall(m.group(2)), letter)
            return m.group(0) if made is None else keep(made)

        text = _DELTA.sub(delta, text)
        text = _HEAD.sub(head, text)
        if self.beta_one and not _BETA_ONE.search(text):
            text = _BETA.sub(lambda m: keep("1"), text)
        text = _GREEK_LETTER.sub(lambda m: latin["\\" + m.group(1)], text)  # (a sum's index: \sum_\zeta)
        return kept.restore(text)

    def relabel(self, results) -> None:
        """Each result names the claim's unit letters as written (ζ = 1…4, not the Latin letter read): before
        ``restore`` (unitnames.Restored calls it)."""
        for r in results:
            latin = _latin(self.originals[r.id]) if r.id in self.originals else None
            name_back(r, {v: _UNICODE[k] for k, v in (latin or {}).items()})

    @staticmethod
    def _read(head: str, indices: list[str], letter) -> str | None:
        """The house spelling of one of the letters with its unit letters; None to leave it."""
        entry = "_{" + "".join(letter(i) for i in indices) + "}"
        layers = [_LAYER_OF[i.strip()] for i in indices]
        if head in "vw":
            return f"W^{{({1 if head == 'v' else 2})}}{entry}" if len(indices) == 2 else None
        if len(indices) != 1:
            return None
        if head == "h":
            return f"z^{{({layers[0]})}}{entry}" if layers[0] in (1, 2) else None
        if head == "a":
            return f"h^{{(1)}}{entry}"
        if head in "yt":
            return ("\\hat{y}" if head == "y" else "y") + entry
        return "x" + entry
