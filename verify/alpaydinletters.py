r"""Alpaydın's letters (issue 10, thirty-sixth round): *Introduction to Machine Learning* (§11.7, backpropagation) and
the courses that teach from it write a network with one hidden layer, for instance t of the sample, as

    z_h^t = \text{sigmoid}(\boldsymbol{w}_h^T \boldsymbol{x}^t)
          = \frac{1}{1 + \exp[-(\sum_{j=1}^{d} w_{hj} x_j^t + w_{h0})]},
    y_i^t = \sum_{h=1}^{H} v_{ih} z_h^t + v_{i0},
    E(W, V | X) = \frac{1}{2} \sum_t \sum_i (r_i^t - y_i^t)^2,
    \Delta v_{ih} = \eta \sum_t (r_i^t - y_i^t) z_h^t,
    \Delta w_{hj} = \eta \sum_t [\sum_i (r_i^t - y_i^t) v_{ih}] z_h^t (1 - z_h^t) x_j^t

(o_i^t the outputs' summed inputs before a softmax) — the layer of a unit told by its index letter (j an input, h a
hidden, i an output unit), z the hidden units' outputs, y the outputs, r the target ("required"), w_{hj} and v_{ih}
the two layers' weights (target unit first), w_{h0} and
v_{i0} their biases, \boldsymbol{w}_h unit h's weights with x_0 = +1 carrying the bias (so w_h^T x^t is unit h's whole
summed input), t the instance, E(W, V | X) the error on the sample. A TA reads the letters from those definitions; so
does ``AlpaydinLetters``, only in a network with one hidden layer and only where the answer writes z_h and v_{ih} and
the target r. Then x, r, y become ``x``, ``y``, ``\hat{y}``; z ``h^{(1)}``; o ``z^{(2)}``; w, v the layers' ``W^{(1)}``, ``W^{(2)}`` (option
``entries_target_first``: target first in whichever way the spec lays W out), w_{h0}, v_{i0} their ``b``; w_h^T x^t
``z^{(1)}_h``; the instance t the sample index ``(n)`` (``\sum_t`` a sum over the samples); the unit letter h a Latin
letter the claim does not use (h is gradproof's hidden layer). Each claim is restored as written in the report, its
letters named as written. Every pass is a linear scan of claims of bounded length.
"""

from __future__ import annotations

import re

from .rewriting import Placeholders, Rewriting, fresh_letters, letter_scripts, name_back, replace_heads

MAX_LENGTH = 4000
_BOLD = r"\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*"
#: the heads read: x, r, y, z, w, v, bold or not
_HEAD = re.compile(r"(?:" + _BOLD + r"([xryzowv])\s*\}|(?<![A-Za-z\\{])([xryzowv]))(?![A-Za-z(])")
#: the instance as a superscript: t, {t}
_INSTANCE = re.compile(r"^\{?\s*t\s*\}?$")
#: unit h's summed input with x_0 = +1: \boldsymbol{w}_h^T \boldsymbol{x}^t
_SUMMED = re.compile(r"(?:" + _BOLD + r"w\s*\}|(?<![A-Za-z\\])w)\s*_\s*\{?\s*h\s*\}?\s*\^\s*\{?\s*(?:T|\\top)\s*\}?\s*"
                     r"(?:" + _BOLD + r"x\s*\}|(?<![A-Za-z\\])x)\s*(?:\^\s*(?:\{\s*t\s*\}|t(?![A-Za-z])))?")
#: a sum over the instances: \sum_t, \sum_{t}, \sum_{t=1}^{N}
_INSTANCE_SUM = re.compile(r"\\sum\s*_\s*(?:\{\s*t\s*(?:=\s*1\s*)?\}|t(?![A-Za-z]))")
#: the error on the sample as a function: E(\boldsymbol{W}, \boldsymbol{V} | \mathcal{X}), E(W, v | X)
_ERROR = re.compile(r"(?<![A-Za-z\\])E\s*\(\s*[^()=|]{1,60}\|\s*[^()=|]{1,30}\)")
#: the error on one instance (online learning): E^t, E^{t}
_INSTANCE_ERROR = re.compile(r"(?<![A-Za-z\\])E\s*\^\s*(?:\{\s*t\s*\}|t(?![A-Za-z]))")
#: what decides the reading: z_h (a hidden unit's output), v_{ih} (a second-layer weight), and the target r
_Z_H = re.compile(r"(?<![A-Za-z\\])z\s*(?:\^\s*\{?\s*t\s*\}?\s*)?_\s*\{?\s*h\s*\}?")
_V_IH = re.compile(r"(?<![A-Za-z\\])v\s*_\s*\{\s*[ik]\s*,?\s*h\s*\}")
_R = re.compile(r"(?<![A-Za-z\\])r\s*(?:_\s*\{?\s*[ik]\s*\}?\s*)?\^\s*\{?\s*t")
#: the index of a bias on a weight letter: w_{h0}, v_{i0}
_BIAS_INDEX = "0"


def _fresh(text: str) -> str | None:
    """The letter Alpaydın's unit letter h is read as in this claim (h is gradproof's hidden layer)."""
    letters = fresh_letters(text, ["h"], avoid="rv")  # (r the target, v the output's weights)
    return None if letters is None else letters["h"]


class AlpaydinLetters(Rewriting):
    """The rewriting of an answer in Alpaydın's letters; None from ``detect`` when it is not one."""

    max_length = MAX_LENGTH
    options = (("entries_target_first", True),)

    def __init__(self):
        self.originals: dict[str, str] = {}
        self.change = ("j is an input, h a hidden and i an output unit; z_h the hidden units' outputs, y the outputs, r "
                       "the target, w_{hj} and v_{ih} the two layers' weights (w_{h0}, v_{i0} the biases), t the "
                       "instance (Alpaydın)")

    @staticmethod
    def detect(net, claims) -> AlpaydinLetters | None:
        if net.depth != 2 or getattr(net, "has_kinds", False):
            return None
        texts = [c.latex for c in claims if len(c.latex) <= MAX_LENGTH]
        if not (any(_Z_H.search(t) for t in texts) and any(_V_IH.search(t) for t in texts)
                and any(_R.search(t) for t in texts)):
            return None
        return AlpaydinLetters()

    def rewrite(self, text: str) -> str:
        kept = Placeholders()
        if not kept.usable(text):
            return text
        keep = kept.keep
        unit = _fresh(text)
        if unit is None:
            return text
        text = _INSTANCE_SUM.sub(lambda m: keep("\\sum_n"), text)
        text = _ERROR.sub(lambda m: keep("E"), text)
        text = _INSTANCE_ERROR.sub(lambda m: keep("E"), text)  # (E^t: the error on instance t, online)
        text = _SUMMED.sub(lambda m: keep(f"z^{{(1)}}_{{{unit}}}"), text)

        def head(m: re.Match):
            end, sub, sup = letter_scripts(text, m.end(), _INSTANCE.match)
            indices = [] if sub is None else re.findall(r"[a-z0-9]", sub.strip("{} "))
            made = self._read(m.group(1) or m.group(2), [unit if i == "h" else i for i in indices], sup is not None)
            return None if made is None else (keep(made), end)

        text = replace_heads(text, _HEAD, head)
        text = re.sub(r"\\sum\s*_\s*(?:\{\s*h\s*(?:=\s*1\s*)?\}|h(?![A-Za-z]))", lambda m: keep(f"\\sum_{unit}"), text)
        return kept.restore(text)

    def relabel(self, results) -> None:
        """Each result names the unit letter h and the instance t as written: before ``restore``."""
        for r in results:
            original = self.originals.get(r.id)
            if original is not None:
                name_back(r, {_fresh(original) or "h": "h", "n": "t"})

    @staticmethod
    def _read(head: str, indices: list[str], instance: bool) -> str | None:
        """The house spelling of one of the letters with its unit letters and instance mark; None to leave it."""
        sample = "(n)" if instance else ""
        entry = "_{" + "".join(indices) + "}" if indices else ""
        if head in "xry":
            if len(indices) > 1:
                return None
            base = {"x": "x", "r": "y", "y": "\\hat{y}"}[head]
            return base + (f"^{{{sample}}}" if sample else "") + entry
        if head in "zo":  # (o_i^t: an output's summed input, before the softmax)
            return f"{'h' if head == 'z' else 'z'}^{{({1 if head == 'z' else 2}){sample}}}{entry}" if len(indices) == 1 else None
        if instance:  # (a weight has no instance)
            return None
        layer = 1 if head == "w" else 2
        if len(indices) == 2 and indices[1] == _BIAS_INDEX:
            return f"b^{{({layer})}}_{{{indices[0]}}}"
        if len(indices) == 2:
            return f"W^{{({layer})}}{entry}"
        return None
