r"""One neuron written by its components before any network (issue 10, thirteenth round): blackKeys17's "The neuron"
— "each neuron has n weights w_1, …, w_n and a single bias b; given inputs x_1, …, x_n, the output a of the neuron is
``a=\sigma\left(\sum{w_ix_i}+b\right)``" and its weighted input ``z=\sum{w_ix_i} + b``. No letter names a layer: the
formula is every neuron's. The judge leaves it unread ("w needs a layer index").

A TA reads it as said of every neuron of every layer: w_i the weights into the neuron, x_i the layer's inputs, b its
bias, z its weighted input, a its output. ``judge_neurons`` re-reads, among the claims the judge left ``unchecked``,
those written only in these letters (a or z on the left; w and x with one and the same index letter, nothing else
indexed; ``\sigma`` the logistic function; a sum written without its index, ``\sum{w_ix_i}``, sums over that letter,
and so does one written out with dots, ``w_1x_1+...+w_nx_n``)
with the index-notation reader (``einstein.read``), at two random points of the network, for every unit of every
layer: ``correct`` when it holds for all of them (with σ, the layers whose activation is logistic, at least one), and
``incorrect`` when it holds for none (``a = \sigma(\sum_i w_i x_i - b)``); a formula right for some neurons and not
others stays ``unchecked``. Bounded: claims of at most 200 characters, at most 200 of them, a network's units as the
random points cap them.
"""

from __future__ import annotations

import re

import numpy as np

from . import einstein

#: the letters of one neuron: output a, weighted input z, weights w, inputs x, bias b
_LETTERS = frozenset("azwxb")
#: a claim of one neuron's letters only: an indexed w or x, σ, sums, parentheses, + and −
_ALLOWED = re.compile(r"(?:\\(?:sigma|sum|left|right|cdot|,|;|quad)(?![A-Za-z])|[azwxbij_{}()+\-=\s\d.]|\\[{}])*")
#: an indexed weight or input: w_i, x_{i}, and x_i right after w_i (w_ix_i)
_INDEXED = re.compile(r"(?:(?<![A-Za-z\\])|(?<=_[a-z]))([wx])\s*_\s*\{?\s*([a-z])\s*\}?")
#: a sum written without its index, before its braced body: \sum{w_ix_i}
_BARE_SUM = re.compile(r"\\sum\s*(?=\{)")
#: the sum written out with dots between its first and last terms: w_1x_1+...+w_nx_n (n, N, m the count)
_ELIDED = re.compile(r"w_\{?1\}?\s*x_\{?1\}?\s*\+\s*(?:\.\.\.|\.\.|…|\\[lc]?dots)\s*\+\s*w_\{?([nNm])\}?\s*x_\{?\1\}?")
#: the claims re-read are at most this long, and at most this many
MAX_CHARS, MAX_CLAIMS = 200, 200


def neuron_text(latex: str) -> str | None:
    """The claim written for the index-notation reader (a bare sum given its index), or None when it is not one
    neuron's formula in its own letters."""
    text = " ".join(latex.replace("$", " ").split())
    if len(text) > MAX_CHARS:
        return None
    text = _ELIDED.sub(r"\\sum_i w_i x_i", text)  # (blackKeys17's a=\sigma(w_1x_1+...+w_nx_n+b))
    if not _ALLOWED.fullmatch(text):
        return None
    left = text.split("=", 1)[0].strip()
    if left not in ("a", "z") or "=" not in text:
        return None
    indices = {m.group(2) for m in _INDEXED.finditer(text)}
    letters = {m.group(1) for m in _INDEXED.finditer(text)}
    if len(indices) != 1 or letters != {"w", "x"}:
        return None
    i = indices.pop()
    if re.search(r"(?<![A-Za-z\\])[azb]\s*_", text):  # (a_j, b_j: an indexed output or bias is another reading)
        return None
    return _BARE_SUM.sub(rf"\\sum_{i}", text)


class _Neuron:
    """One neuron's letters at one point of the network (an ``einstein`` Env; no derivatives)."""

    def __init__(self, values: dict):
        self.values = values

    def value(self, letter: str):
        return self.values[letter]

    def index(self, letter: str):
        return None

    def has(self, letter: str) -> bool:
        return letter in self.values

    def perturbed(self, letter: str, array):
        raise einstein.Unread("a derivative of one neuron's letters is not read")


def _neurons(judge, sigmoid_only: bool) -> list[list[_Neuron]] | None:
    """For each unit of each layer (logistic layers only when ``sigmoid_only``), its letters at the judge's first two
    points: [[env at point 1, env at point 2], …]; None when the values do not have the network's shapes."""
    sizes = judge.net.sizes
    out = []
    points = []
    for env in judge.envs[:2]:
        values = judge.context(env).values
        x = np.asarray(values.get(("x", None)), dtype=float)
        if x.ndim != 2:
            return None
        if x.shape[0] != sizes[0]:
            if x.shape[1] != sizes[0]:
                return None
            values = {k: np.asarray(v, dtype=float).T if k[0] in ("x", "z", "h") else v for k, v in values.items()}
        points.append(values)
    for layer, spec_layer in enumerate(judge.net.layers, start=1):
        if getattr(spec_layer, "kind", "dense") != "dense" or sigmoid_only and spec_layer.activation != "sigmoid":
            continue
        for j in range(sizes[layer]):
            envs = []
            for values in points:
                inputs = values[("x", None)] if layer == 1 else values.get(("h", layer - 1))
                w = np.asarray(values.get(("W", layer)), dtype=float)
                b = values.get(("b", layer))
                if inputs is None or w.ndim != 2 or ("z", layer) not in values or ("h", layer) not in values:
                    return None
                if w.shape != (sizes[layer], sizes[layer - 1]):
                    w = w.T
                if w.shape != (sizes[layer], sizes[layer - 1]):
                    return None
                bias = 0.0 if b is None else float(np.ravel(b)[j])
                envs.append(_Neuron({"w": w[j], "x": np.asarray(inputs)[:, 0], "b": np.asarray(bias),
                                     "z": np.asarray(values[("z", layer)][j, 0]), "a": np.asarray(values[("h", layer)][j, 0])}))
            out.append(envs)
    return out


def judge_neurons(judge, claims, results) -> None:
    """Each ``unchecked`` claim of one neuron's letters judged for every neuron of the network (module docstring)."""
    todo = [(k, text) for k, c in enumerate(claims[:MAX_CLAIMS]) if results[k].verdict == "unchecked"
            and (text := neuron_text(c.latex)) is not None]
    if not todo:
        return
    cache: dict = {}
    for k, text in todo:
        sigmoid = "\\sigma" in text
        if sigmoid not in cache:
            try:
                cache[sigmoid] = _neurons(judge, sigmoid)
            except (KeyError, IndexError, ValueError, TypeError):
                cache[sigmoid] = None
        neurons = cache[sigmoid]
        if not neurons:
            continue
        verdicts = {einstein.judge(text, envs).verdict for envs in neurons}
        if verdicts == {"correct"}:
            verdict, message = "correct", f"holds for every neuron of the network ({len(neurons)}: w_i its weights, x_i " \
                "its inputs, b its bias" + (", the logistic layers'" if sigmoid else "") + ")"
        elif verdicts == {"incorrect"}:
            verdict, message = "incorrect", f"holds for no neuron of the network ({len(neurons)} checked: w_i its " \
                "weights, x_i its inputs, b its bias)"
        else:
            continue
        r = results[k]
        r.verdict, r.message, r.expected, r.diagnosis, r.diagnosis_key, r.counterexample = \
            verdict, message + "; one neuron written by its components, read as every neuron's", "", None, None, None
        r.links = []
