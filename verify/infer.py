"""Notation inference: work out the answer's notation from its own forward definitions, as a careful TA does.

Courses disagree on what a letter means: ``a`` is the activation for Ng and Nielsen but the summed input for Bishop
and Goodfellow (whose activations are ``z`` and ``h``); UFLDL and Nielsen number the input as layer 1, and UFLDL's
``W^{(1)}`` leaves layer 1 where Ng's ``W^{[1]}`` enters it; Bishop names layers by index letter (``a_j``, ``δ_k``);
d2l writes ``z``, ``h``, ``o`` without a layer in a one-hidden-layer net.

The answer's definitions (``a_j = \\sum_i w_{ji} z_i``, ``z^{(2)} = W^{(1)} x + b^{(1)}``, ``o = W^{(2)} h``) are
claims about the forward pass whose meaning fixes these choices. With the default reading, when every definition
holds, nothing changes. Otherwise readings are tried, nearest first (one choice changed, then two, …); the reading
that makes the most definitions correct is adopted when the evidence is clear — every definition (at least two, or
one the default could not read), or at least two more than the default (an answer's own mistake in one definition
must not hide its notation) — and no other reading at the same distance does as well. Otherwise the default
stands. Declared ``[notation]`` keys and options are never changed. The work is bounded (``MAX_TRIALS`` claim checks).
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass, replace

import numpy as np
from gradproof.derive import limits

from . import augmented, eraunits, funcnames, indexrange, scalarunits
from .jacobianlayout import chain_layout
from .normalize import drop_time_argument, fold_unicode, normalize, uses_time_argument
from .ownforward import numbered_from_zero
from .parser import BASES, FUNCS, LOSSES, MAZUR_UNITS, UNIT_POS, Notation, writes_l_as_unit
from .surface import rewrite as surface_rewrite
from .tree import NO_SUCH_LAYER
from .unitnames import ELL_LETTERS
from .unitnumbers import LETTERS as UNIT_LETTERS
from .unitnumbers import describe as unit_numbering
from .unitnumbers import uses_letters as unit_letters_used
from .unitnumbers import weight_numbering

MAX_TRIALS = 800
TRACE: list | None = None  # set to a list to record every reading scored (key, (good, bad, unread), wrong forward)
#                           or cut (key, None, claims scored before the cut)
SMALL_ANSWER = 40  # claims: up to this many, every claim is scored (beyond, the definitions and the claims using L, δ)
#: letters whose meaning varies: the summed input z or the activation h
LETTERS = ("a", "z", "h", "A", "Z", "H")
#: a claim about the forward pass: a letter (with scripts) = an expression with no derivative in it
_CONSTANT_LETTERS = frozenset("Ntem")  # letters an answer uses for the batch size, the step, e
_DEFINITION = re.compile(r"^\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*)?([A-Za-z])(?![A-Za-z])")
_DERIVATIVE = re.compile(r"\\partial|\\nabla|\\delta|\\Delta|\bd[A-Za-z]\^|\bd[A-Za-z]_|\\frac\s*\{\s*d|'")


#: choices settled by the claims that use the symbol, not by definitions: (pattern, when)
_USES = {"t": re.compile(r"(?<![A-Za-z\\])t_"), "L": re.compile(r"(?<![A-Za-z\\])L(?![A-Za-z])"), "delta": re.compile(r"\\delta|\\Delta"),
         "states": re.compile(r"(?<![A-Za-z\\])[sSvV]\s*(?:\^\s*\{[^{}]*\}\s*)?_")}



@dataclass(frozen=True)
class Reading:
    """One way of reading the answer's letters; ``changes`` says what differs from the default, for the report."""

    notation: Notation
    changes: tuple


@functools.lru_cache(maxsize=4096)
def _normal(latex: str) -> str:
    """A claim's LaTeX in the parser's spelling (inline $ dropped): normalised once, read by every reader below."""
    return normalize(latex.replace("$", " "))


def _equations(latex: str) -> tuple:
    """The equations a claim's line lists (``z = W x + b, \\quad h = \\tanh(z)``), split as the judge splits it."""
    from .judge import _rows_of

    return _rows_of(latex) if len(latex) <= 4000 and ("quad" in latex or "," in latex) else (latex,)


def definitions(claims) -> list:
    """The claims that define a forward quantity: ``z^{(1)} = W^{(1)} x + b^{(1)}``, ``a_j = \\sum_i w_{ji} z_i``; a
    line that lists several (``z = W x + b, \\quad h = \\tanh(z)``, split as the judge splits it into equations) gives
    each as a claim of its own, ``id#k``."""
    from dataclasses import replace as with_text

    out = []
    for c in claims:
        rows = _equations(c.latex)
        for k, row in enumerate(rows):
            text = _normal(row)
            if "=" not in text or _DERIVATIVE.search(text):
                continue
            m = _DEFINITION.match(text.split("=")[0])
            sides = _sides(text) if m else []
            if m and (m.group(1) in LETTERS + ("o", "O", "x", "y") or len(sides) > 1 and _summed_side(sides[1])
                      and m.group(1) not in ("W", "w", "b", "B")):  # (an = only inside an unclosed brace: one side)
                out.append(c if len(rows) == 1 else with_text(c, id=f"{c.id}#{k + 1}", latex=row, rows=()))

    return out


#: e^{Z^{[L]}}, e^{z}, \exp(z^{(2)}): the exponential of a pre-activation (defines the answer's own letter)
_EXP_OF_Z = re.compile(r"^\s*(?:e\s*\^\s*\{?|\\exp\s*\(?)\s*(?:\\mathbf\s*\{\s*)?[zZ](?![A-Za-z])")
#: an affine map written with its bias: Hagan's n_i^m = \sum_j w_{i,j}^m a_j^{m-1} + b_i^m, u = W x + b (or a batch's bias
#: matrix with its layer, a blog's L^{1} = XW^{1} + B^{1}: the bias repeated for every example)
_AFFINE = re.compile(r"(?<![A-Za-z\\])[Ww](?![A-Za-z])[^=|]{0,120}?\+\s*(?:\\mathbf\s*\{\s*)?(?:b(?![A-Za-z])|B\s*\^)")
#: a neuron's sum of weighted inputs with no bias, two weights joined by a plus: Bernacki & Włodarczyk's adder
#: e = x_1w_1 + x_2w_2 (their e is the adder's output, not Euler's number)
_WEIGHTED_PLAIN = re.compile(r"(?<![A-Za-z\\])[Ww](?![A-Za-z])[^=|+]{0,60}\+[^=|]{0,60}?(?<![A-Za-z\\])[Ww](?![A-Za-z])")
#: e defined so, on its own left side
_ADDER_E = re.compile(r"(?<![A-Za-z\\])e\s*=[^=w]{0,20}?" + _WEIGHTED_PLAIN.pattern)
#: a unit's summed input as a sum of weighted inputs, its bias absorbed or none (LFD's s_j^{(l)} = \sum_{i=0}^{d}
#: w_{ij}^{(l)} x_i^{(l-1)}, Mitchell's net_j = \sum_i w_{ji} x_{ji}): the sum's body opens with a weight
_WEIGHTED_SUM = re.compile(r"\s*\\sum\s*_\s*(?:\{\s*[a-z]\s*(?:=\s*[01]\s*)?\}|[a-z])\s*"
                           r"(?:\^\s*(?:\{(?:[^{}]|\{[^{}]{0,20}\}){0,40}\}|\w)\s*)?"
                           r"(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*)?w\s*[_^]")
#: letters that name something else when defined with a layer script (w a weight, t a target or a step, e Euler's
#: number or an error, f, g activations, o the output): never the answer's own summed input
_NOT_OWN_SUMMED = ("w", "t", "e", "f", "g", "o")


def _summed_side(rhs: str) -> bool:
    """Whether a definition's right side is a unit's summed input: an affine map with its bias, or a sum of weighted
    inputs (its bias absorbed, or none)."""
    return bool(_AFFINE.search(rhs) or _WEIGHTED_SUM.match(rhs))


#: the objective defined as a plain sum of the examples' losses (Jihwan's E = \sum_{q=1}^{n} E^q): no 1/N of its own
#: (Judge._deltas_on_an_open_scale)
_SUM_OF_LOSSES = re.compile(r"\s*+([ELJC])\s*+=\s*+\\sum\s*+_\s*+\{?\s*+([a-z])\s*+(?:=\s*+1\s*+)?\}?\s*+(?:\^\s*+\{?\s*+[nNmM]\s*+\}?)?"
                            r"\s*+\1\s*+[_^]\s*+\{?\s*+\2\s*+\}?\s*+$")


#: a bias matrix with its layer added to a weight product: X W^{1} + B^{1}, H^{1}W^{2} + B^{2} (bounded scan)
_BIAS_MATRIX = re.compile(r"(?<![A-Za-z\\])W\s*\}?\s*\^\s*\{?\s*[(\[]?\s*\w\s*[)\]]?\s*\}?\s*\+\s*"
                          r"(?:\\mathbf\s*\{\s*)?B\s*\}?\s*\^")
#: B counting the examples: \frac{1}{B}, a batch of size B, \sum_{i=1}^{B}
_B_COUNTS = re.compile(r"\\frac\s*\{\s*1\s*\}\s*\{\s*B\s*\}|\^\s*\{?\s*B\s*\}?\s*(?![\^_])|\\in\s*\\mathbb\s*\{?\s*R\s*\}?\s*\^\s*\{\s*B")


#: h (with a unit's index or none) defined as a weighted sum: h = \sum_i w_i x_i, h_k = \sum x_iw_i, h = w \cdot x
_H_AS_SUM = re.compile(r"^\s*h\s*(?:_\s*(?:\{\s*[a-z0-9]\s*\}|[a-z0-9])\s*)?=\s*(?:\\sum[^=]{0,60}?w\s*_|(?:\\mathbf\s*\{\s*)?"
                       r"w\s*\}?\s*(?:\^\s*\{?\s*T\s*\}?\s*)?(?:\\cdot\s*)?(?:\\mathbf\s*\{\s*)?x)")
#: h defined as an activation applied: h = \sigma(…), h_j = f(…)
_H_APPLIED = re.compile(r"^\s*h\s*(?:_\s*(?:\{[^{}]{0,12}\}|\w)\s*)?(?:\^\s*(?:\{[^{}]{0,12}\}|\w)\s*)?=\s*(?:[fg]|\\sigma|\\tanh|"
                        r"\\phi|\\varphi|\\(?:mathrm|text|operatorname)\s*\{\s*\w+\s*\}|relu|ReLU|sigmoid|tanh)\s*\(")
#: an activation (or its slope) applied to h: f(h), f'(h_k), f^\prime(h_j), \sigma(h)
_APPLIED_TO_H = re.compile(r"(?:(?<![A-Za-z\\])[fg]|\\sigma|\\phi|\\varphi)\s*(?:'|\^\s*\{?\s*(?:'|\\prime)\s*\}?)?\s*\(\s*h(?![A-Za-z])")


#: a unit's bias written beside its weighted sum: b_j + \sum_i …, \sum_i … + b_j, Kriesel's … + b_h, Rumelhart's … + θ_j
#: (bounded scan)
_BIAS_BESIDE_SUM = re.compile(r"(?<![A-Za-z\\])(?:b|\\theta)\s*_\s*\{?\s*[a-z]\s*\}?\s*\+\s*\\sum"
                              r"|\\sum[^=$]{0,80}?\+\s*(?:b|\\theta)\s*_\s*\{?\s*[a-z]\s*\}?")


def _h_is_summed(claims) -> bool:
    """Whether the answer's h is a unit's summed input (Udacity's notation: h = Σ_i w_i x_i, ŷ = f(h), δ = (y − ŷ) f'(h)):
    it defines h as a weighted sum, never as an activation applied, and applies an activation to h."""
    texts = [_normal(c.latex) for c in claims[:2000] if len(c.latex) <= 2000]
    return (any(_H_AS_SUM.match(t) for t in texts) and not any(_H_APPLIED.match(t) for t in texts)
            and any(_APPLIED_TO_H.search(t) for t in texts))


def _L_IS_LINEAR(text: str) -> bool:
    r"""Whether L is the answer's letter for a layer's linear combination, not a loss: a blog's L^{1} = XW^{1} + B^{1}
    beside its objective E — every L written with a layer superscript, never differentiated, and the answer
    differentiating another objective letter (E, J, C)."""
    return (bool(re.search(r"\\partial\s*\{?\s*[EJC](?![A-Za-z])", text))
            and not re.search(r"\\frac\s*\{\s*\\partial\s*\{?\s*L(?![A-Za-z])|\\partial\s*L\s*/|\\nabla[^$=]{0,20}?L(?![A-Za-z])",
                              text)
            and all(re.match(r"\s*\^", text[m.end():m.end() + 8]) for m in re.finditer(r"(?<![A-Za-z\\])L(?![A-Za-z])", text)))


#: a derivative of a by z written out (∂a^{(L)}/∂z^{(L)}): a is not the summed input z there (that reading makes it 1)
_A_BY_Z = re.compile(r"\\partial\s*\{?\s*(?:\\mathbf\s*\{\s*)?a(?![A-Za-z])\s*\}?[^{}]{0,24}(?:\{[^{}]{0,12}\}[^{}]{0,12}){0,2}\}\s*\{\s*"
                     r"\\partial\s*\{?\s*(?:\\mathbf\s*\{\s*)?z(?![A-Za-z])")


#: the reading of an answer with no a whose own definition makes z an activation (z = σ(w^T x + b))
_Z_ACTIVE = "z is the activation h (its own definition applies an activation)"
_Z_ACTIVE_BESIDE_A = "z is the activation h (its own definition applies an activation), as is a"


def readings(base: Notation, claims, depth: int, net=None, batch: int = 1,
             declared_notation: Notation | None = None) -> tuple[list[list[tuple]], list]:
    """The dimensions of choice (each a list of alternatives to the default) and the claims beyond the definitions
    that decide between them (those using L, δ or optimizer state letters)."""
    text = " ".join(c.latex for c in claims)
    own = declared_notation or base
    declared = {k for k, _ in own.bases} | {k for k, _ in own.fixed} | {k for k, _ in own.states}
    opts = dict(base.options)
    dims: list[list[tuple]] = []  # each dimension: alternatives (label, bases, fixed, options, states) to the default
    uses: set[str] = set()
    present = {x for x in ("a", "z", "h") if x not in declared and re.search(rf"(?<![A-Za-z\\]){x}(?![A-Za-z])", text, re.I)}
    # the conventions: Ng, Nielsen (z summed, a activation); Goodfellow (a summed, h activation);
    if "a" in present and not _A_BY_Z.search(text):  # (∂a/∂z written out: a is not the summed input there)
        alts = [("a is the summed input z", (("a", "z"), ("A", "z")), (), (), ())]  # Bishop (a summed, z activation)
        if "z" in present:
            alts.append(("a is the summed input z and z the activation h", (("a", "z"), ("A", "z"), ("z", "h"), ("Z", "h")),
                         (), (), ()))
        dims.append(alts)
    if "z" in present:  # Amidi's z = σ(w^T x + b), Netlab's z = tanh(x W_1 + b_1): z the activation, by its definition
        # (beside an output a = softmax(W_2 z + b_2) too: both activations, each of its layer)
        dims.append([(_Z_ACTIVE_BESIDE_A if "a" in present else _Z_ACTIVE, (("z", "h"), ("Z", "h")), (), (), ())])
    if "o" not in declared and re.search(r"(?<![A-Za-z\\])o(?![A-Za-z])", text):
        dims.append([("o is the output layer's summed input z", (), (("o", ("z", depth)),), (), ())])
    if "input_layer" not in opts:
        alts = [("the input is layer 1", (), (), (("input_layer", 1),), ())]
        if "weights_numbered_by" not in opts:
            alts.append(("the input is layer 1 and W^{(l)} leaves layer l", (), (),
                         (("input_layer", 1), ("weights_numbered_by", "source")), ()))
        dims.append(alts)
    if (depth == 2 and "unit_letters" not in opts and not opts.get("batch_letters") and re.search(r"_\{?\s*[ijk]", text)
            and not _fed_from_above(claims)):  # (Porr's y_i = Σ_j y_j w_{ji}: j feeds i, no Bishop's i → j → k)
        # (not where i numbers the examples, Lalin's z_{j, i}: ownindex.batch_letters)
        dims.append([("the index letter names the layer (i input, j hidden, k output)", (), (), (("unit_letters", True),), ())])
    if (not {"entries_target_first", "entries_source_first", "weight_order", "letters_source_first", "layer_first"} & set(opts)
            and _LAYERED_UNIT_WEIGHT.search(text[:200_000]) and not _UNLAYERED_UNIT_WEIGHT.search(text[:200_000])):
        # w^{(2)}_{kj} with no sum of the answer's own to say which letter is the target: the claims decide (the
        # spec's layout is no evidence — Mitchell's w_{kj} and Wikipedia's w_{ij} are notations, not layouts)
        dims.append([("w_{jk} with a layer is the weight into j from k", (), (), (("entries_target_first", True),), ()),
                     ("w_{jk} with a layer is the weight from j to k", (), (), (("entries_source_first", True),), ())])
    if "unindexed_layer" not in opts:
        alts = [("z and h without a layer are the hidden layer's", (), (), (("unindexed_layer", 1),), ())] if depth == 2 else []
        if depth >= 2 and net is not None and net.output.vector and not any(layer.vector for layer in net.layers[:-1]):
            alts.append(("z and a without a layer are the output layer's (its softmax written out)", (), (),
                         (("unindexed_layer", depth),), ()))
        if alts:
            dims.append(alts)
    if net is not None and net.regularizer is not None and "L" not in opts and _USES["L"].search(text):
        dims.append([("L is the whole objective (data loss plus regularization)", (), (), (("L", "objective"),), ())])
        uses.add("L")
    if batch > 1 and "delta_scale" not in opts and _USES["delta"].search(text) and not any(
            len(c.latex) < 120 and _DELTA_IS_ERROR.fullmatch(c.latex) for c in claims[:2000]):
        # (Nisith's δ = ŷ − y_true: the answer's own δ is one example's error, without the mean's 1/N)
        dims.append([("δ of a batch includes the 1/N of the mean loss", (), (), (("delta_scale", "mean"),), ())])
        uses.add("delta")
    deciding = [c for c in claims if any(_USES[u].search(c.latex) for u in uses)]
    return dims, deciding




#: δ defined as the output's error of one example, no 1/N: δ = ŷ − y, δ^{(L)} = a^{(L)} − y, δ_L = \hat{y} - y_{true}
#: (or the other way round, y − ŷ: the sign is another question, its scale is the same)
_OUT = (r"(?:\\hat\s*\{?\s*(?:\\mathbf\s*\{\s*)?y\s*\}?\s*\}?|a\s*[_^]\s*\{?\s*\(?\s*L\s*\)?\s*\}?|"
        r"\\mathbf\s*\{\s*a\s*\}\s*\^\s*\{?\s*\(?\s*L\s*\)?\s*\}?)")
_TARGET = r"(?:\\mathbf\s*\{\s*)?[yt]\s*\}?\s*(?:_\s*\{\s*(?:\\text\s*\{\s*\w+\s*\}|\w+)\s*\})?"
_DELTA_IS_ERROR = re.compile(
    r"\s*(?:\\boldsymbol\s*\{\s*)?\\delta\s*\}?\s*(?:[_^]\s*\{?\s*\(?\s*(?:L|[A-Za-z0-9]|out)\s*\)?\s*\}?\s*)?=\s*"
    rf"(?:{_OUT}\s*-\s*{_TARGET}|{_TARGET}\s*-\s*{_OUT})\s*[.,]?\s*")


#: the layout of Jacobians as the answer's chain order fixes it (jacobianlayout.chain_layout)
_JACOBIAN_LAYOUTS = {
    "numerator": [("∂z/∂a written with z's entries as rows (numerator layout, as the answer's chain rule orders it)",
                   (), (), (("jacobian", "numerator"),), ())],
    "denominator": [("∂z/∂a written with a's entries as rows (denominator layout: ∂z/∂a = W^T of z = W a, as the "
                     "answer's chain rule orders it)", (), (), (("jacobian", "denominator"),), ())]}


#: a layer written with a letter in parentheses, ^{(k)}, ^{(k-1)}: (letter, offset written)
_LAYER_SCRIPT = re.compile(r"\^\s*\{?\s*\(\s*([a-z])\s*([+-]\s*\d+)?\s*\)")


#: a layer script on the left side or on a weight: ^{(2)}, ^{[l+1]}, ^{(k-1)} -> (number or letter, offset)
_SCRIPT = re.compile(r"\^\s*\{?\s*[(\[]\s*(\d+|[a-zA-Z])\s*(?:([+-])\s*(\d+))?\s*[)\]]")
#: a weight letter on a right side: W, w, \Theta, \theta (with its scripts)
_WEIGHT = re.compile(r"(?<![A-Za-z\\])(?:W|w|\\Theta|\\theta)(?![A-Za-z])")
#: a right side that applies an activation to one argument: σ(…), f(…), g(…), h(…), \tanh(…), φ(…), ReLU(…)
#: the softmax written out: \frac{e^{z_j}}{\sum_k e^{z_k}}, \frac{\exp(z_j)}{\sum_{k} \exp(z_k)} (normalised)
_SOFTMAX_WRITTEN = re.compile(r"^\s*\\frac\s*\{\s*(?:e\s*\^|\\?exp)[^=]{0,40}?\}\s*\{\s*\\sum[^=]{0,60}?(?:e\s*\^|\\?exp)"
                              r"[^=]{0,60}\}\s*$")  # (McLaughlin's exp(z_{i}) as a word too)
#: σ of a vector, then one entry, set equal to the softmax written out: \sigma(\mathbf{z}^{3})_k = \frac{\exp(z^{3}_k)}{…}
_SIGMA_AS_SOFTMAX = re.compile(r"\\sigma\s*\}?\s*\(\s*[^()=]{1,40}\)\s*_\s*\{?\s*[a-z]\s*\}?\s*=\s*\\frac\s*\{\s*"
                               r"(?:\\exp|exp|e\s*\^)[^=]{0,60}\}\s*\{\s*\\sum")
#: a bare digit past 2 as a quantity's superscript, with an entry after it: z^3_1, z^{3}_k, \mathbf{z}^3_j (a layer)
_DIGIT_LAYER = re.compile(r"(?<![A-Za-z\\])[zhaZHA]\s*\}?\s*\^\s*\{?\s*([3-9])\s*\}?\s*_")
#: z, a, h written with a layer script in brackets or parentheses: Z^{[2]}, a^{(1)}
_SCRIPTED_ZA = re.compile(r"(?<![A-Za-z\\])[zaZAhH]\s*\}?\s*\^\s*\{\s*[\[(]\s*\d")
#: a layer written as a subscript digit on W or b (W_1, b_{2}, \mathbf{W}_1): subscripts are layers there
_SUBSCRIPT_LAYER_WB = re.compile(r"(?<![A-Za-z\\])[Wb]\s*\}?\s*_\s*\{?\s*\d\s*\}?(?!\s*\^\s*\{\s*[\[(])")
#: a lowercase z or a with a digit subscript and no script: z_1, a_{2}
_BARE_DIGIT_ZA = re.compile(r"(?<![A-Za-z\\^])[za]\s*_\s*\{?\s*\d\s*\}?(?!\s*\^)")
#: a sum from 0 over a weight's terms, DHS's \sum_{i=0}^{d} w_{ji} x_i (the bias absorbed as weight 0 on x_0 = 1); not
#: a sum from 0 over a vector's entries counted from 0 (the book-ai chapter's \frac{1}{4}\sum_{i=0}^{3} (\hat y_i - y_i)^2)
_SUM_FROM_ZERO_WEIGHTED = re.compile(r"\\sum_\{?\s*[a-z]\s*=\s*0\s*\}?\s*(?:\^\s*(?:\{[^{}]{0,12}\}|\w))?[^=]{0,12}?"
                                     r"(?:(?<![A-Za-z\\])[wW]|\\theta|\\omega)")
#: a softmax applied by its name, with an entry's argument or the vector's: softmax(z_{i}), \text{softmax}(\mathbf z)
_NAMED_SOFTMAX = re.compile(r"^\s*(?:\\(?:text|mathrm|operatorname)\s*\{\s*|\\)?softmax\s*\}?\s*\(")  # (normalised: \softmax)
#: a word as a letter's subscript, normalised or not: y_{\text{pred}}, y_{pred}, a_{out}
_WORD_SCRIPT = re.compile(r"_\s*\{\s*(?:\\(?:text|mathrm|operatorname)\s*\{\s*)?\\?[A-Za-z]{2,}")
#: an activation's name (funcnames' list, any letter case): \mathrm{ReLU}, \text{softmax} are normalised to \ReLU, \softmax
_ACTIVATION_WORD = r"(?i:" + "|".join(funcnames.ACTIVATION_WORDS) + r")(?![A-Za-z])"
#: an activation applied, in normalised text too (\mathrm{softmax}(…) is normalised to \softmax (…))
_APPLIED = re.compile(r"^\s*(?:\\sigma|\\varphi|\\phi|\\tanh|\\alpha|\\operatorname\{\w+\}|\\text\{\w+\}|\\mathrm\{\w+\}|[fgh]|"
                      r"\\?" + _ACTIVATION_WORD + r")\s*(?:_\s*\{?\s*\d\s*\}?\s*)?"
                      r"(?:\^\s*\{?\s*[(\[]?\s*\w+(?:\s*[+-]\s*\d)?\s*[)\]]?\s*\}?)?\s*\(")


#: the input named as a layer's activation, entry by entry or whole: x_i = a_i^{(1)}, x = h^{(0)} (groups: the input's
#: index, the activation's index before or after its layer, the layer number)
_INPUT_AS_LAYER = re.compile(r"\s*+(?:\\(?:mathbf|boldsymbol|bm|vec)\s*+\{\s*+)?x\s*+\}?\s*+(?:_\s*+\{?\s*+([a-z])\s*+\}?\s*+)?=\s*+"
                             r"(?:\\(?:mathbf|boldsymbol|bm|vec)\s*+\{\s*+)?[ah]\s*+\}?\s*+(?:_\s*+\{?\s*+([a-z])\s*+\}?\s*+)?"
                             r"\^\s*+\{\s*+\(\s*+([01])\s*+\)\s*+\}\s*+(?:_\s*+\{?\s*+([a-z])\s*+\}?\s*+)?[.,]?\s*+")


def _sides(text: str) -> list[str]:
    """The sides of a chain a = b = c, split at the = signs outside braces (not the one of \\sum_{i=0}). Remembered
    for a text (the inference asks again for the same claims: 40 claims of 4000 '=' were split ~600 times)."""
    if "=" not in text:
        return [text]
    return list(_split_sides(text) if len(text) <= 20_000 else _split_sides.__wrapped__(text))


@functools.lru_cache(maxsize=1024)  # (texts of at most 20 000 characters: at most ~20 MB held)
def _split_sides(text: str) -> tuple[str, ...]:
    sides, depth, start = [], 0, 0
    for m in _BRACE_OR_EQUALS.finditer(text):  # (only the braces and = signs visited: a long sum's letters are not)
        ch = m.group()
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif depth == 0:
            sides.append(text[start:m.start()])
            start = m.start() + 1
    return (*sides, text[start:])


_BRACE_OR_EQUALS = re.compile(r"[{}=]")


def _script(text: str):
    m = _SCRIPT.search(text)
    if not m:
        return None
    off = int(m.group(3) or 0) * (-1 if m.group(2) == "-" else 1)
    return m.group(1), off

#: a generic function of the bare input, ``f(x)``, ``g(\mathbf{x})``: the chain rule's illustration, not a layer
_GENERIC_MAP = re.compile(r"^\s*[fgh]\s*\(\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*)?x\s*\}?\s*\)\s*[.,]?\s*$")

#: a claim naming such a map: y = f(x), u = g(\mathbf{x})
_NAMES_MAP = re.compile(r"^\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*)?[A-Za-z]\s*\}?\s*=" + _GENERIC_MAP.pattern[1:])


#: the words of an identity between two generic vectors x, y (or x and a matrix Y) and their entries: John Philipp's
#: "for two vectors x, y … we write x · y = Σ_{i=1}^n x_i y_i = x_i y_i" (the summation convention's illustration)
_IDENTITY_WORDS = re.compile(r"\\[A-Za-z]+|[A-Za-z]+|\d+|\S")
_IDENTITY_ALLOWED = frozenset({"x", "y", "X", "Y", "i", "j", "k", "n", "m", "T", "=", "(", ")", "{", "}", "_", "^", ",",
                               "\\cdot", "\\sum", "\\displaystyle", "\\bm", "\\mathbf", "\\boldsymbol", "\\vec",
                               "\\left", "\\right", "\\top", "\\intercal", "\\dots", "\\cdots", "\\ldots", "1"})


def illustrates_a_product(latex: str) -> bool:
    """Whether the claim is an identity of generic vectors x and y (or x and a matrix Y) alone, with their entries and a
    sum: ``x · y = Σ_i x_i y_i``, ``(x · Y)_i = Σ_j x_j Y_{ij}`` — the answer's illustration of its notation (the dot
    product, the summation convention), no quantity of the network."""
    words = _IDENTITY_WORDS.findall(latex[:400])
    return ("=" in words and {"x", "y"} <= set(words) | ({"y"} if "Y" in words else set()) and "\\cdot" in words
            and all(w in _IDENTITY_ALLOWED for w in words) and len(latex) <= 400)


def names_a_map(latex: str) -> bool:
    """Whether the claim only names a generic function of the input (``y = f(x)``: "for a vector function y = f(x)")."""
    return bool(_NAMES_MAP.match(_normal(latex)))


def structure(claims) -> dict:
    """What the answer's forward definitions say by their form alone, as a TA reads them before checking any value:
    a letter defined as an affine map of weights (``a^{(k)} = b^{(k)} + W^{(k)} h^{(k-1)}``) is the summed input,
    a letter defined by an activation applied to another (``z_j = h(a_j)``) is the activation; ``z^{(2)} = W^{(1)} x +
    b^{(1)}`` numbers the input as layer 1 and the weights by the layer they leave. A planted mistake in a value (a
    wrong transpose, bias or layer) does not change the form. Returns {"summed": letters, "activation": letters,
    "input_layer": votes, "weights": votes} (votes: a Counter of readings)."""
    from collections import Counter

    out = {"summed": set(), "activation": set(), "input_layer": Counter(), "weights": Counter(), "units": Counter(),
           "bare": 0}
    for c in definitions(claims):
        text = _normal(c.latex)
        sides = _sides(text)
        if len(sides) < 2:
            continue
        lhs, rhs = sides[0], sides[1]
        m = _DEFINITION.match(lhs)
        if not m:
            continue
        letter = m.group(1).lower()
        if re.fullmatch(r"\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*)?[zhaZHA]\s*\}?\s*(?:\(\s*x\s*\)\s*)?", lhs):
            out["bare"] += 1  # d2l's z = W^{(1)} x, h = φ(z): a layer's quantity written with no layer
        # Bishop's a_j = \sum_i w_{ji} z_i: a unit letter and no layer anywhere (or a layer written)
        out["units"]["letters" if re.match(r"^\s*[A-Za-z]\s*_\s*\{?\s*[jk]\s*\}?\s*$", lhs)
                      else "input_defined" if re.match(r"^\s*[A-Za-z]\s*_\s*\{?\s*i\s*\}?\s*$", lhs) and (
                          _APPLIED.match(rhs) or _NAMED_SOFTMAX.match(rhs))  # (a_i = σ(z_i): i is no input there)
                      else "letters" if re.match(r"^\s*[A-Za-z]\s*_\s*\{?\s*i\s*\}?\s*$", lhs)
                      else "layers" if _SCRIPT.search(lhs) or re.search(r"\^\s*\{?\s*[lL0-9]", lhs) else "none"] += 1
        left = _script(lhs)
        if left and left[0].isdigit() and re.fullmatch(r"\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*)?x\s*\}?\s*"
                                                       r"(?:_\s*\{?\s*[a-z]\s*\}?\s*)?", rhs):  # (x_i: entry i, Okatani's)
            out["input_layer"][int(left[0]) + left[1]] += 2  # a^{(1)} = x, h^{(0)} = x: the input's own layer number
            continue
        named = _INPUT_AS_LAYER.fullmatch(text)
        if named and named.group(1) == (named.group(2) or named.group(4)):  # UFLDL's x_i = a_i^{(1)}: the same vote
            out["input_layer"][int(named.group(3))] += 2
            continue
        if _NAMED_SOFTMAX.match(rhs) and re.match(r"\s*[A-Za-z]\s*_", lhs):  # a_i = softmax(z_i) (= \frac{exp(z_i)}{…})
            out["softmax_written"] = True  # (its i and k are entries of one layer, as below)
            if letter in ("a", "h") and not _LAYER_SCRIPTED.search(lhs) and not _LAYER_SCRIPTED.search(rhs):
                out["softmax_bare"] = True
        if _APPLIED.match(rhs):
            if not _GENERIC_MAP.match(rhs) and not _WORD_SCRIPT.search(lhs):  # "for a vector function y = f(x)": a map
                out["activation"].add(letter)  # named, not a layer's activation; y_{\text{pred}}: a name of its own (ŷ)
            continue
        if _SOFTMAX_WRITTEN.match(rhs):  # yanfenglee's a_j = \frac{e^{z_j}}{\sum_k e^{z_k}}: the softmax of z, written out
            if letter in ("a", "h"):  # (the letters the readings' alternatives are about; p_k, CS231n's, is bound apart)
                out["activation"].add(letter)
            out["softmax_written"] = True  # (its j and k are entries of one layer: no index letter names a layer)
            if letter in ("a", "h") and not _LAYER_SCRIPTED.search(lhs) and not _LAYER_SCRIPTED.search(rhs):
                out["softmax_bare"] = True  # (and of no layer: the network's one softmax, its output, if no letter
                # of the answer names a layer — _settled)
            continue
        if not _WEIGHT.search(rhs) or "\\frac" in rhs:
            continue
        out["summed"].add(letter)
        left = _script(lhs)
        w = _WEIGHT.search(rhs)
        right = _script(rhs[w.end():w.end() + 30]) if w else None
        if left and right and left[0] == right[0]:  # the same number or generic letter: compare the offsets
            out["weights"]["source" if right[1] == left[1] - 1 else "target" if right[1] == left[1] else "?"] += 1
        elif left and right and left[0].isdigit() and right[0].isdigit():
            diff = int(left[0]) + left[1] - int(right[0]) - right[1]
            out["weights"]["source" if diff == 1 else "target" if diff == 0 else "?"] += 1
        if left and left[0].isdigit() and re.search(r"(?<![A-Za-z\\])x(?![A-Za-z])", rhs):
            out["input_layer"][int(left[0]) + left[1] - 1] += 1  # z^{(2)} = W x + b: x is layer 1
    # d2l's ∂J/∂o, ∂J/∂h, ∂J/∂z with no layer anywhere: the output has its own letter (o, ŷ), so bare z and h are the
    # one hidden layer's (_settled)
    texts = [_normal(c.latex[:4000]) for c in list(claims)[:2000]]
    out["layered"] = any(_LAYER_SCRIPTED.search(t) for t in texts)
    out["output_named"] = (any(_OUTPUT_LETTER.search(t) for t in texts) and any(_BARE_ZH.search(t) for t in texts)
                           and not any(_LAYERED_ZH.search(t) for t in texts))
    # ∂z^{(2)}_j/∂w^{(2)}_{jk} = h_k beside ŷ: h, never written with a layer, is the hidden layer's (z may have one)
    unsized = [_SIZE.sub(" ", t) for t in texts]  # (John Philipp's \mathbb{R}^{n \times h}: h the hidden layer's width)
    out["hidden_h"] = (any(_OUTPUT_LETTER.search(t) for t in texts) and any(_BARE_H.search(t) for t in unsized)
                       and not any(_LAYERED_H.search(t) for t in unsized))
    # Goodfellow's g ⊙ f'(a^{(k)}), Bishop's h'(a_j): the activation's argument is summed (_settled weighs it)
    out["a_applied"] = "a" not in out["activation"] and any(_ACTIVATION_OF_A.search(_normal(c.latex[:4000]))
                                                            for c in list(claims)[:2000])
    return out


#: the output by its own letter: \mathbf{o}, o_k, \hat{y}, \hat{\mathbf{y}}
_OUTPUT_LETTER = re.compile(r"(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*o\s*\}|(?<![A-Za-z\\])o(?![A-Za-z])|\\hat\s*\{?\s*"
                            r"(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*)?y)")
#: z, a or h with a layer's script: z^{(2)}, a^{[l]}_j, h^L, z_j^{l+1} (not a power or a transpose)
_LAYER_SCRIPTED = re.compile(r"(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*|(?<![A-Za-z\\]))[zahZAH](?![A-Za-z])\s*\}?\s*"
                             r"(?:_\s*(?:\{[^{}]{0,8}\}|[A-Za-z0-9])\s*)?\^\s*\{?\s*(?:[(\[]|[lLkK](?![A-Za-z]))")
#: z or h written bare (no script at all) and with a layer or entry script
_BARE_ZH = re.compile(r"(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*|(?<![A-Za-z\\]))[zh](?![A-Za-z])\s*\}?"
                      r"(?!\s*_(?!\s*\{?\s*[ijk]\s*\}?(?![A-Za-z0-9_^])))")  # (h_i, an entry of no layer written, too)
_LAYERED_ZH = re.compile(r"(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*|(?<![A-Za-z\\]))[zh](?![A-Za-z])\s*\}?\s*"
                         r"(?:_(?!\s*\{?\s*[ijk]\s*\}?(?![A-Za-z0-9_^]))|\^(?!\s*(?:\\top|T(?![A-Za-z])|\{\s*(?:\\top|T)\s*\})))")
#: (not its transpose, nor an entry h_i, h_{j}: the book-ai chapter's bare h beside ŷ, with h_i its entries)
#: the same of h alone
#: a space's dimensions, \mathbb{R}^{n \times h}, \mathbb{R}^h: their letters are sizes
_SIZE = re.compile(r"(?:\\mathbb\s*\{\s*[RN]\s*\}|(?<![A-Za-z\\])R)\s*\^\s*(?:\{[^{}]{0,40}\}|\w)")
_BARE_H = re.compile(_BARE_ZH.pattern.replace("[zh]", "h"))
_LAYERED_H = re.compile(_LAYERED_ZH.pattern.replace("[zh]", "h"))
#: the activation or its slope applied to a with a layer or unit script: f'(a^{(k)}), h'(a_j), \sigma(a^{(l)})
_ACTIVATION_OF_A = re.compile(r"(?:(?<![A-Za-z\\])[fgh]|\\sigma|\\varphi|\\phi|\\tanh)\s*(?:\^\s*\{[^{}]{0,12}\}\s*)?'?\s*"
                              r"\(\s*(?:\\(?:bm|mathbf|boldsymbol)\s*\{\s*)?a\s*\}?\s*[\^_]")


def _settled(dims: list, shape: dict) -> tuple[list, list]:
    """The alternatives (of ``dims``) the definitions' form settles, and the dimensions left to score."""
    summed, active = shape["summed"] - shape["activation"], shape["activation"] - shape["summed"]
    chosen, left = [], []
    for dim in dims:
        labels = [alt[0] for alt in dim]
        pick = "open"
        if labels and labels[0] == "a is the summed input z":
            if "a" in summed and "z" in active:
                pick = labels[1] if len(labels) > 1 else "open"
            elif "a" in summed:
                pick = labels[0]
            elif "z" in summed and "a" in active:
                pick = None  # the default: z summed, a the activation
            elif shape.get("a_applied") and len(labels) == 1 and not active:
                pick = labels[0]  # f'(a^{(k)}) and no z anywhere (Goodfellow's loop alone); with a z (Bishop's z_i), scored
            elif "a" in active:
                pick = None  # the answer's own a = f(z) (a softmax written out): the default, a the activation
        elif labels and labels[0] in (_Z_ACTIVE, _Z_ACTIVE_BESIDE_A):
            # only where its own definition applies an activation — beside an a, only where a is an activation too (a
            # student's a = softmax(W_2 z + b_2); Bishop's z_j = tanh(a_j) is the a-reading's above)
            pick = labels[0] if "z" in active and (labels[0] == _Z_ACTIVE or "a" in active) else None
        elif labels and labels[0] == "the input is layer 1":
            (layer, n), = shape["input_layer"].most_common(1) or [(None, 0)]
            (weights, k), = shape["weights"].most_common(1) or [(None, 0)]
            if layer in (0, 1) and n > sum(shape["input_layer"].values()) / 2:
                by_source = weights == "source" and k > sum(shape["weights"].values()) / 2
                pick = None if layer == 0 else labels[1] if by_source and len(labels) > 1 else labels[0]
        elif labels and labels[-1].startswith("z and a without a layer are the output layer's"):
            # yanfenglee's a_j = \frac{e^{z_j}}{\sum_k e^{z_k}} with no layer named anywhere: the network's one softmax
            pick = labels[-1] if shape.get("softmax_bare") and not shape.get("layered") else "open" if len(labels) > 1 else None
        if labels and labels[0].startswith("z and h without a layer") and pick in ("open", None):
            pick = labels[0] if shape["bare"] or shape.get("output_named") or shape.get("hidden_h") else None  # only an answer that defines
            # them so, or names its output by a letter of its own and never writes z or h with a script
        elif labels and labels[0].startswith("the index letter names the layer"):
            if shape.get("softmax_written"):
                pick = None  # a_j = e^{z_j} / Σ_k e^{z_k}: j and k are entries of one layer
            elif shape["units"]["letters"] > shape["units"]["layers"] and not shape["units"]["input_defined"]:
                pick = labels[0]  # (an activation defined with the unit letter i, a_i = σ(z_i): Bishop's i is the input)
        if pick == "open":
            left.append(dim)
        elif pick is not None:
            chosen.append(next(alt for alt in dim if alt[0] == pick))
    return chosen, left


#: a Greek letter defined as an objective: ξ(T, Y) = … log … (a loss of the output and the target)
_OBJECTIVE_DEF = re.compile(r"\s*\\([A-Za-z]+)\s*(?:\([^()=]{0,40}\))?\s*=(.*)", re.S)
#: a loss's body: a logarithm or a square
_LOSS_BODY = re.compile(r"\\log|\\ln|(?<![A-Za-z])log|\^\s*\{?\s*2")
#: a loss's body names the target (t, y, d, T, Y, a one-hot letter) besides the output
_AGAINST_TARGET = re.compile(r"(?<![A-Za-z\\])(?:[tTyYd]|target)(?![A-Za-z])")


#: one entry of a matrix as an objective's argument: Zingale's f(A_{ij}), f(W_{jk})
_ENTRY_ARGUMENT = re.compile(r"\s*[A-Z]\s*_\s*(?:\{\s*[a-z]\s*,?\s*[a-z]\s*\}|[a-z]{2})\s*")
#: a plain letter defined as the objective of the weights or of the output: Pilex1's f(W) = \frac 1m \sum (\hat y - y)^2
_LETTER_OBJECTIVE_DEF = re.compile(r"\s*\{?\s*([A-Za-z])\s*\}?\s*\(([^()=]{1,40})\)\s*:?=(.*)", re.S)  # (:= too)
#: the target and the prediction as an objective's two arguments: wintertee's H(y, a), H(\hat y, y), L(y, o), C(t, y)
_ARGUMENT = r"\{?\s*(?:[yt]|\\hat\s*\{?\s*y\s*\}?|\\haty|[aop])\s*\}?"  # (bold: {\haty }, as _normal writes it)
_TARGET_AND_OUTPUT = re.compile(r"\s*" + _ARGUMENT + r"\s*,\s*" + _ARGUMENT + r"\s*$")
#: the output written with its layer as a subscript: timattt's I(\vec A_3) (A_1 the input), a_2, h_L
_LAYERED_OUTPUT = re.compile(r"\s*[A-Za-z]\s*_\s*(?:\{\s*)?(?:\d|L)\s*\}?\s*$")
#: what such a letter is applied to when it is the objective: the weights (w, W, θ) or the network's output (A^{[L]}, ŷ)
_OBJECTIVE_ARGUMENT = re.compile(r"\s*(?:[wW]|\\theta|\\Theta|\\hat\s*\{?\s*y\s*\}?|A\s*\^\s*\{\s*\[\s*L\s*\]\s*\})\s*"
                                 r"(?:\^\s*\{?\s*\(?\s*\*?\s*\)?\s*\}?\s*)?$")


def _letter_as_activation(letter: str, texts: list[str]) -> bool:
    """``letter`` is written as an activation anywhere in the answer: primed (``f'(z)``, ``{f^{[l]}}'``), with a
    layer script before its argument (``f_l(Z_l)``, ``f^{[2]}(…)``), or applied to a summed input (``f(z)``, ``f(Z^{[1]})``,
    ``f(W x + b)``)."""
    primed = re.compile(rf"(?<![A-Za-z\\]){letter}\s*(?:\^\s*\{{[^{{}}]{{0,20}}\}}\s*|_\s*(?:\{{[^{{}}]{{0,20}}\}}|\w)\s*)?\}}?\s*'")
    scripted = re.compile(rf"(?<![A-Za-z\\]){letter}\s*[_^]\s*(?:\{{[^{{}}]{{0,20}}\}}|\w)\s*\(")
    summed = re.compile(rf"(?<![A-Za-z\\]){letter}\s*\(\s*(?:[zZ]|[^()]{{0,40}}(?:[Wwx]\s*\+|\+\s*b))")
    return any(p.search(t) for t in texts for p in (primed, scripted, summed))


def letter_name(letter: str) -> str:
    """An objective letter as the answer writes it: a plain letter (f), else its command (\\xi)."""
    return letter if len(letter) == 1 else "\\" + letter


def objective_letter(claims, unknown) -> str | None:
    """A letter command the answer defines as its objective and differentiates (Roelants' ξ(T, Y) = −Σ t log y, then
    ∂ξ/∂Z_o): one the reading gives no meaning (``unknown("\\xi")``; σ, δ, λ … have theirs), whose definition has a
    logarithm or a square of the output against the target, and another claim takes ∂ξ/∂… . Also the plain letter f
    (or F) defined so as a function of the weights or of the output (Pilex1's ``f(W) = \\frac 1m \\sum (\\hat y - y)^2``,
    then ``\\frac{df}{dW^{[l]}}``) when the answer never writes f as an activation (primed, with a layer, of a summed
    input: then f is the activation, as g and σ are), and any capital letter no reading names defined so, also as a
    function of the output written with its layer as a subscript (timattt's ``I(\\vec A_3) = -\\sum_i [y^i \\ln A_3^i
    + …]``, then ``\\frac{\\partial I}{\\partial A_3^k}``). Returns the letter (its command name, or the letter) or None."""
    texts = [_normal(c.latex) for c in claims]
    for text in texts:
        m = _LETTER_OBJECTIVE_DEF.match(text)
        if m is None:
            continue
        letter, argument = m.group(1), m.group(2)
        if letter in "fF":  # (of the weights, the output, or one matrix entry: Zingale's f(A_{ij}) = Σ_i [g(…) − y_i]²)
            readable = _OBJECTIVE_ARGUMENT.match(argument) or _ENTRY_ARGUMENT.fullmatch(argument)
        else:  # timattt's I(\vec A_3) = −Σ_i [y^i ln A_3^i + …]: a capital no reading names, of the output
            readable = letter.isupper() and (unknown(letter) and (_OBJECTIVE_ARGUMENT.match(argument)
                                                                  or _LAYERED_OUTPUT.match(argument))
                                             # wintertee's entropy H(y, a) = -Σ y_j log a_j: a function of the target
                                             # and the output is no activation matrix, whatever H names elsewhere
                                             or letter not in "JLECR" and _TARGET_AND_OUTPUT.match(argument)
                                             and argument.replace(" ", "") not in ("y,y", "t,t"))
        if (readable and _LOSS_BODY.search(m.group(3)) and _AGAINST_TARGET.search(m.group(3))
                and not _letter_as_activation(letter, texts)):
            used = re.compile(r"(?:\\partial\s*|\\frac\s*\{\s*d\s*)" + m.group(1) + r"(?![A-Za-z])")
            if any(used.search(t) for t in texts):
                return m.group(1)
    for text in texts:
        m = _OBJECTIVE_DEF.match(text)
        if m is None or not unknown("\\" + m.group(1)) or not _LOSS_BODY.search(m.group(2)):
            continue
        if not _AGAINST_TARGET.search(m.group(2)):  # LSE(z) = \log \sum_k e^{z_k}: a function of z alone, no loss
            continue
        used = re.compile(r"\\partial\s*\\" + m.group(1) + r"(?![A-Za-z])")
        if any(used.search(t) for t in texts):
            return m.group(1)
    return None


#: an objective letter with an index defined as a square matrix: J_i = \operatorname{diag}(…), J_i \in \mathbb{R}^{K \times K}
_MATRIX_OBJECTIVE = re.compile(r"(?<![A-Za-z\\])([JLCE])\s*_\s*\{?\s*[a-z]\s*\}?\s*(?:=\s*\\operatorname\s*\{\s*diag"
                               r"|\\in\s*\\mathbb\s*\{?\s*R\s*\}?\s*\^\s*\{\s*([A-Za-z])\s*\\times\s*\2\s*\})"
                               # John Philipp's J_{ij} = \frac{\partial r_i}{\partial z_j}: an entry of a derivative of
                               # something that is no objective (r, a, h, σ, f …)
                               r"|(?<![A-Za-z\\])([JC])\s*_\s*\{\s*[a-z]\s*,?\s*[a-z]\s*\}\s*(?:\([^()=]{0,20}\)\s*)?=\s*"
                               r"\\frac\s*\{\s*\\partial\s*(?![JLCE](?![A-Za-z])|\\(?:mathcal|ell))"
                               # and his bold \bm J_1 = …: a matrix (an objective is no bold letter)
                               r"|\\(?:bm|mathbf|boldsymbol)\s*\{?\s*([JC])\s*\}?\s*_\s*\{?\s*\w{1,3}\s*\}?\s*=")
#: σ with a layer index as a subscript: σ_l, σ_{l+1}, σ_L, σ_i, σ_1 (not σ_B^2, a batch's variance), or as a superscript
#: that can only be a layer: σ'^l, σ^{(l)}, σ^{[2]} (not σ^2, a square or a variance)
_LAYER_SIGMA = re.compile(r"\\sigma\s*_\s*(?:\{\s*)?(?:[liLkN]|\d)(?:\s*[+-]\s*\d)?\s*\}?(?![A-Za-z0-9])"
                          # or as a superscript, after its prime or before it: σ'^l(z^l), σ^{(l)}, σ^{[2]}' (not σ^2)
                          r"|\\sigma\s*'?\s*\^\s*(?:\{\s*)?(?:[lL]|[(\[]\s*(?:[lLk]|\d)\s*(?:[+-]\s*\d\s*)?[)\]])"
                          r"(?:\s*[+-]\s*\d)?\s*\}?(?![A-Za-z0-9])")


#: a weight numbered by the input it multiplies (w_1 x_1, w_{2} \cdot x_{2}) and w_0 standing alone as a term
_UNIT_TERM = re.compile(r"(?<![A-Za-z\\])w_\{?(\d)\}?\s*(?:\\cdot|\\times)?\s*x_\{?(\d)\}?(?![0-9])")
_BIAS_TERM = re.compile(r"(?:=|\+)\s*w_\{?0\}?\s*(?=\+|$)")


def _one_unit_weights(sizes, text: str) -> bool:
    """Whether the answer numbers the weights of a network of one unit by their inputs, w_0 the bias: one layer of
    one unit (logistic regression, a perceptron), some w_k written times x_k (the same k, within the inputs) and
    w_0 standing alone as a term of a sum (``z = w_0 + w_1 x_1 + w_2 x_2``: the bias; no x_0), or two or more such
    products with different k (mihai2014's ``z = w_1 x_1 + w_2 x_2 + b``: a network of one layer has no layer 2, so
    w_2 is no layer's). Only then is w_k the weight on x_k certain (a w_0 x_0 with x_0 a feature numbers from 0)."""
    if len(sizes) != 2 or sizes[1] != 1:
        return False
    pairs = [(int(a), int(b)) for a, b in _UNIT_TERM.findall(text[:20000])]
    inputs = {a for a, b in pairs if a == b and 1 <= a <= sizes[0]}
    return (bool(inputs) and not any(a != b for a, b in pairs)
            and (_BIAS_TERM.search(text[:20000]) is not None or len(inputs) >= 2 and not any(a == 0 for a, _ in pairs)))


#: a step of one numbered θ (θ_1 = θ_1 − α …, θ_0 := …): the digit
_THETA_STEP = re.compile(r"^\s*\\theta\s*_\s*\{?\s*(\d)\s*\}?\s*(?:=|:=|\\leftarrow|\\gets)")
#: an input's entry x_k (with any sample script after it)
_X_ENTRY = re.compile(r"(?<![A-Za-z\\])x\s*_\s*\{?\s*(\d)(?![0-9])")


def _theta_steps(sizes, claims) -> bool:
    """Whether the answer's gradient steps number the weights of a network of one unit by their inputs with θ, θ_0 the
    bias (Ng's linear and logistic regression, Orosanu's notes: ``θ_0 = θ_0 − α 1/m Σ (ŷ^{(i)} − y^{(i)})``, ``θ_1 =
    θ_1 − α 1/m Σ (ŷ^{(i)} − y^{(i)}) x_1^{(i)}``): a step of θ_0 that writes no input, a step of a θ_k (k ≥ 1, within
    the inputs) that writes the input x_k alone, and none that writes two inputs or θ_0 with one (x_0 = 1 is no input).
    Then θ_k is the weight on x_k, not a layer."""
    if len(sizes) != 2 or sizes[1] != 1:
        return False
    bias = weights = False
    for c in list(claims)[:300]:
        text = normalize(c.latex[:2000])
        m = _THETA_STEP.match(text)
        if m is None:
            continue
        k, xs = int(m.group(1)), {int(x) for x in _X_ENTRY.findall(text)} - {0}  # (x_0 = 1: the bias's input)
        if k == 0 and not xs:
            bias = True
        elif 1 <= k <= sizes[0] and xs == {k}:
            weights = True
        elif k > sizes[0] or len(xs) > 1 or (k == 0) != (not xs):
            return False  # (θ_k on another input x_j, j ≠ k, is a slip of one step; several inputs: no numbering)
    return bias and weights


#: a weight letter with a number written right after it, no script mark: w3, W12 (code's W1 is layer 1)
_BARE_NUMBERED_WEIGHT = re.compile(r"(?<![A-Za-z\\])[wW](\d{1,2})(?![0-9A-Za-z_])")


#: a bare-numbered weight times the unit it multiplies, either order: w1 \times x1, w5 \times out_{h1}, a_{h2} * w6
_UNIT = r"(?:(x|i)\s*(?:_\s*)?(?:\{\s*)?(\d)(?:\s*\})?|(?:out|a)\s*_\s*\{\s*h\s*(\d)\s*\}|h(\d))(?![0-9])"
_TIMES = r"\s*(?:(?:\\times|\\cdot|\*)\s*)?"  # (no two \s* around an optional: linear on a run of spaces)
_WEIGHT_UNIT = re.compile(r"(?<![A-Za-z\\])[wW](\d)" + _TIMES + _UNIT)
_UNIT_WEIGHT = re.compile(r"(?<![A-Za-z\\])" + _UNIT + _TIMES + r"[wW](\d)(?![0-9])")


#: the data of example t: x^{(t)}, y^{(t)} (Ng's Machine Learning loop "for t = 1 to m")
_EXAMPLE_T = re.compile(r"(?<![A-Za-z\\])[xy]\s*(?:_\s*\{?\s*\w\s*\}?\s*)?\^\s*\{\s*\(\s*t\s*\)\s*\}")
#: Nielsen's example and layer in one superscript, a^{x,l} (normalised later to a^{(l)(x)})
_EXAMPLE_X = re.compile(r"\^\s*\{\s*x\s*,\s*[lL0-9]")
#: t as a time step somewhere: t − 1, t + 1, (t-1), _{t+1}
_TIME_T = re.compile(r"(?<![A-Za-z\\])t\s*[-+]\s*1(?![0-9])")
#: a bold lowercase w numbered by its layer (\bm w_2, \mathbf{w}_1, \boldsymbol w_2, 𝐰_2): that layer's weight vector or
#: matrix, never one weight of Mazur's numbering (a font says "a vector"; Mazur's w_5 is one number)
_BOLD_W_LAYER = re.compile(r"(?:\\(?:bm|mathbf|boldsymbol|pmb|vec|mathbold)\s*(?:\{\s*w\s*\}|\s+w)|\U0001d430)"
                           r"\s*_\s*(?:\{\s*)?\d")


#: after a weight letter: a layer's number transposed and multiplying a vector, \bm w_2^T \bm a_1, \mathbf{w}_2^\top \mathbf{h}
_W_TRANSPOSED_TAIL = (r"\s*_(?:\s*\{)?\s*(\d)(?:\s*\})?\s*\^(?:\s*\{)?\s*(?:T|\\top|\\intercal|\\mathsf\s*\{\s*T\s*\})"
                      r"(?:\s*\})?\s*(?=\\(?:bm|mathbf|boldsymbol|vec)|[a-zA-Z(]|\\left)")  # (linear: no \s*\}?\s*)
#: a bold w with a layer's number transposed and multiplying a vector, on a definition's right side
_BOLD_W_TRANSPOSED = re.compile(_BOLD_W_LAYER.pattern[:-len(r"\s*_\s*(?:\{\s*)?\d")] + _W_TRANSPOSED_TAIL)
#: a plain w so (a student's \hat y = w_2^T h + b_2): a transposed w is a vector, never one weight of Mazur's numbering
_PLAIN_W_TRANSPOSED = re.compile(r"(?<![A-Za-z\\{])w" + _W_TRANSPOSED_TAIL)
#: a lowercase w with a number past what a layer can be (Mazur's w_5 … w_8)
_W_NUMBER = re.compile(r"(?<![A-Za-z\\])w\s*_\s*\{?\s*(\d+)")
#: a bold w with a layer's number not transposed, right before the vector it multiplies: \bm w_2 \bm h (a row)
_BOLD_W_ROW = re.compile(_BOLD_W_LAYER.pattern[:-len(r"\s*_\s*(?:\{\s*)?\d")]
                         + r"\s*_\s*\{?\s*(\d)\s*\}?(?!\s*[\^_'])\s*(?=\\(?:bm|mathbf|boldsymbol|vec)\s*\{?\s*[ahxz]\b|[ahx]\s*_)")


def _defined_transposed(claims, pattern) -> set:
    """The layer numbers ``pattern`` finds on a definition's right side (after "=", no derivative before it)."""
    found = set()
    for c in claims[:2000]:
        text = c.latex[:4000]
        for m in pattern.finditer(text):
            before = text[:m.start()]
            if "=" in before and not _DERIVATIVE.search(before.split("=")[0]):
                found.add(int(m.group(1)))
    return found


def _plain_w_layers(claims, text: str, depth: int) -> bool:
    r"""Whether the answer's plain w_l names layer l's weights: a definition multiplies some w_l transposed by a vector
    (``\hat y = w_2^T h + b_2``), every numbered w is a layer's (none past the depth: Mazur numbers his weights w_1 …
    w_8), and no definition writes w_l untransposed before a vector."""
    numbers = {int(n) for n in _W_NUMBER.findall(text[:200_000])}
    return bool(numbers) and max(numbers) <= depth and bool(_defined_transposed(claims, _PLAIN_W_TRANSPOSED))


def _bold_w_columns(claims, depth: int, declared) -> tuple[int, ...]:
    """The layers whose bold weight w_l the answer's own forward definitions multiply transposed, ``\\hat y =
    \\sigma(\\mathbf{w}_2^T \\mathbf{h} + b_2)``: w_l is then a column, n_in × n_out — in a row-convention spec the
    transpose of W⁽ˡ⁾ (infer.conventions binds it so). Only a definition (a right side after "=", no derivative before
    it), and only where no definition multiplies that w_l untransposed (``\\bm w_2 \\bm h``: the answer's orientation is
    then not one)."""
    transposed = _defined_transposed(claims, _BOLD_W_TRANSPOSED) | _defined_transposed(claims, _PLAIN_W_TRANSPOSED)
    plain = _defined_transposed(claims, _BOLD_W_ROW)
    return tuple(sorted(n for n in transposed - plain if 1 <= n <= depth and f"w_{n}" not in declared))

#: a weight or a bias with a layer number, as a script or right after the letter: W_2, W^{(2)}, W^{[2]}, W2, b_1
_LAYERED_PARAMETER = re.compile(r"(?<![A-Za-z\\])[Wb]\s*(?:_\s*\{?\s*(\d)\s*\}?(?![0-9])|\^\s*\{?\s*[\[(]\s*(\d)\s*[\])]|(\d)(?![0-9]))")


def _weighted_numbering(net, text: str) -> tuple:
    """The spec's layers with weights, in order, where the answer numbers only those (d2l's and Ng's dropout: ``z_2 =
    W_2 \\tilde h + b_2`` after a dropout layer the spec counts as layer 2): a weight or bias is written with the number
    of one of the spec's dropout layers, which has none, and no number past the count of layers with weights. Only in a
    network of dense and dropout layers (a normalisation layer carries the activation: the answer's a_k is not one
    layer's). () when not so."""
    if not any(layer.kind == "dropout" for layer in net.layers) or any(
            layer.kind not in ("dense", "dropout") for layer in net.layers):
        return ()
    dense = tuple(layer.index for layer in net.layers if layer.kind == "dense")
    numbers = {int(next(g for g in m.groups() if g)) for m in _LAYERED_PARAMETER.finditer(text[:200_000])}
    if not numbers or max(numbers) > len(dense) or not any(1 <= k and net.layers[k - 1].kind == "dropout" for k in numbers):
        return ()
    return dense

def mazur_numbered_layers(text: str, sizes) -> tuple[int, ...]:
    """The layers whose bare-numbered weights the answer's own products pair with their inputs as Mazur numbers them
    (w_k, k counted layer by layer and each unit's incoming weights in turn, multiplies input ((k − 1) mod n_in) + 1 of
    its layer): melfm's ``w5 \\times out_{h1} + w6 \\times out_{h2}`` does, her ``w1 \\times x1 + w3 \\times x2``
    does not (Mazur's w_3 is on x_1). A layer counts when some pair agrees and at most a quarter disagree (one slip, as
    her ``w6 \\times a_{h1}``, stays the answer's mistake)."""
    votes: dict[int, list[int]] = {}
    pairs = [(int(m.group(1)), m.group(2), m.group(3) or m.group(4) or m.group(5)) for m in _WEIGHT_UNIT.finditer(text)]
    pairs += [(int(m.group(5)), m.group(1), m.group(2) or m.group(3) or m.group(4)) for m in _UNIT_WEIGHT.finditer(text)]
    for k, letter, unit in pairs:
        source_layer, source = (0 if letter in ("x", "i") else 1), int(unit)
        n, layer = k - 1, 1
        while layer < len(sizes) and n >= sizes[layer - 1] * sizes[layer]:
            n -= sizes[layer - 1] * sizes[layer]
            layer += 1
        if layer >= len(sizes):
            continue
        agree = source_layer == layer - 1 and n % sizes[layer - 1] + 1 == source
        votes.setdefault(layer, [0, 0])[0 if agree else 1] += 1
    return tuple(sorted(layer for layer, (yes, no) in votes.items() if yes and no <= yes // 4))


def weights_numbered_one_by_one(text: str, depth: int) -> str | None:
    """The first weight name like ``w3`` whose number is past the network's layers (a learner's ``z1 = (w1 \\times x1
    + w3 \\times x2 + b1)`` numbers the weights one by one, as Mazur does, without the underscore), or None. In such an
    answer the code-style reading of ``w1``, ``z1``, ``b1`` (the layer written right after the letter, CS231n's ``W1``)
    is not certain: the digit names a unit or a weight."""
    for m in _BARE_NUMBERED_WEIGHT.finditer(text[:50000]):
        if int(m.group(1)) > depth:
            return m.group(0)
    return None


#: a barred letter defined at a claim's start: \mathbf {\bar y} = …, \bar{y} := …
_BAR_DEF = re.compile(r"^\s*(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*)?\\bar\s*(?:\{\s*([A-Za-z])\s*\}|([A-Za-z]))\s*\}?\s*:?=(?!=)(.*)$",
                      re.S)


def own_bars(claims) -> tuple:
    """The letters an answer bars and defines by an expression with no derivative and no other bar (xopes's smoothed
    target ``\\bar y = (1-\\lambda) y + \\lambda/v \\mathbf 1``): its own quantities, not Grosse's error signals
    (``\\bar z = \\bar h \\odot \\sigma'(z)`` stays one)."""
    found = []
    for c in claims[:2000]:
        m = _BAR_DEF.match(c.latex[:4000])
        if m is None:
            continue
        letter, rhs = m.group(1) or m.group(2), m.group(3)
        if "\\bar" in rhs or _DERIVATIVE.search(rhs) or not re.search(r"[A-Za-z]", rhs) or letter in found:
            continue
        found.append(letter)
    return tuple(found)


#: a bare letter set equal to one layer's, the answer's own shorthand: z = z^{(2)}, \mathbf{a} = \mathbf{a}^{[2]}, h = h^2
_LAYER_ALIAS = re.compile(r"\s*(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*)?([zha])\s*\}?\s*=\s*(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*)?"
                          r"\1\s*\}?\s*\^\s*(?:\{\s*[(\[]?\s*(\d)\s*[)\]]?\s*\}|[(\[]\s*(\d)\s*[)\]]|(\d))\s*[.,;]?\s*")


def _layer_alias(claims, depth: int) -> tuple[str, int] | None:
    """(letter, layer) where the answer names one layer's z, h or a by the bare letter (``z = z^{(2)}``): that letter
    without a layer is that layer's, and so are the others (z and a of one layer go together). None where no claim does,
    or two name different layers."""
    found = {(m.group(1), int(m.group(2) or m.group(3) or m.group(4)))
             for c in claims[:2000] if len(c.latex) < 80 and (m := _LAYER_ALIAS.fullmatch(c.latex))}
    if len({n for _, n in found}) != 1:
        return None
    letter, n = sorted(found)[0]
    return (letter, n) if 1 <= n <= depth else None


#: a capital B added to a product with W in a forward definition: X \cdot W_1 + B_1 (Saito), \mathbf{X W} + \mathbf{B}
_CAPITAL_BIAS = re.compile(r"(?<![A-Za-z\\])W[^=$]{0,60}?\+\s*(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*)?B\s*\}?\s*(?:[_^]|\$|$|[.,)])")
#: the output defined as a capital Y, an output activation applied: \mathbf{Y} = \mathrm{softmax}(\mathbf{A}_2) (not UvA's
#: module Y = X W^T + B, a layer's output of any layer)
_CAPITAL_OUTPUT = re.compile(r"(?<![A-Za-z\\])Y\s*\}?\s*=\s*(?:\\(?:mathrm|operatorname|text)\s*\{\s*(?:softmax|sigmoid)\s*\}|"
                             r"\\sigma\s*\(|\\?softmax\s*\()")
#: the target written as a capital T (not a transpose's ^T): \mathbf{T}, Y - T
_CAPITAL_TARGET = re.compile(r"\\(?:mathbf|boldsymbol|bm)\s*\{\s*T\s*\}|(?<![\^{A-Za-z\\])T(?![A-Za-z])")


def conventions(judge, claims) -> Reading | None:
    """Notations settled by convention, not by scoring verdicts (so a planted mistake cannot sway them):
    - Ng writes Adam's moments v (first) and s (second), Kingma m and v: an Adam answer naming v and s (or S), never m;
    - Mazur's net_{h1}, out_{o1}: his w_1 … w_8 number the weights layer by layer, b_1 is a layer's bias;
    - h1_0, scores_0: entries counted from 0, as in code (W_0, a bias, is not an entry).
    Returns the reading on top of the judge's notation, or None when no convention applies."""
    text = " ".join(c.latex for c in claims)
    base, options, states, changes, fixed = judge.notation, [], [], [], ()
    letter = lambda x: re.search(rf"(?<![A-Za-z\\]){x}\s*(?:\^\s*\{{[^{{}}]*\}}\s*)?_", text)  # noqa: E731
    if (judge.net.optimizer.name == "adam" and not {k for k, _ in judge.declared.states} & {"v", "V", "s", "S"}
            and (letter("v") or letter("V")) and (letter("s") or letter("S")) and not letter("m")):
        states += [("v", "m"), ("V", "m"), ("s", "v"), ("S", "v"), ("hatv", "mhat"), ("hats", "vhat")]
        changes.append("v is Adam's first moment and s (S) its second (Ng's letters)")
    own = (objective_letter(claims, lambda symbol: _unknown(symbol, base, judge.net.depth))
           if "objective_letter" not in dict(base.options) else None)  # (batch norm's σ²_B is the variance: not one)
    if own is not None:  # Roelants' ξ(T, Y) = −Σ_i Σ_c t_ic log(y_ic), then ∂ξ/∂Z_o = Y − T
        options.append(("objective_letter", own))
        changes.append(f"{letter_name(own)} is the answer's objective (its own definition names it)")
    if "augmented" not in dict(base.options) and augmented.appended(text):
        options.append(("augmented", "last"))  # AbhiJ2706's \tilde{H}_l = [H_l, 1], Z_l = \tilde{H}_{l-1} \tilde{W}_l
        changes.append(augmented.READING)
    x_layered = not {k for k, _ in judge.declared.bases} & {"x", "X"} and _x_layers(claims, judge.net.depth)
    links = chain_links(claims, judge.net.depth) if not judge.declared.bases and not x_layered else None
    if links:  # Murphy's x_2 = W_1 x_1 + b_1, x_3 = φ(x_2), x_4 = W_2 x_3 + b_2: one letter numbers every quantity
        base = replace(base, macros=base.macros + links)
        changes.append(", ".join(f"{k} is {v}" for k, v in links if v != UNDEFINED) + " (its own definitions: links of "
                       "one chain)" + "".join(f"; {k} its map (not judged)" for k, v in links if v == UNDEFINED))
    if x_layered:  # Suresh & Sardana's x_1 = σ(W_1 x_0 + b_1): x_l a layer's
        base = replace(base, bases=base.bases + (("x", "h"), ("X", "h")))
        changes.append("x_l is layer l's output and x_0 the input (its own definitions x_l = f(W_l x_{l-1} + b_l))")
    if not {k for k, _ in judge.declared.bases} & {"B"} and _CAPITAL_BIAS.search(text):
        base = replace(base, bases=base.bases + (("B", "b"),))  # Saito's A_1 = X \cdot W_1 + B_1: a capital bias
        changes.append("B is the bias b (its own forward definitions: … W + B)")
    bars = own_bars(claims)
    if bars and "own_bars" not in dict(base.options):  # xopes's \bar y = (1-\lambda) y + \lambda/v 1: a smoothed target
        options.append(("own_bars", bars))
        changes.append(", ".join(f"\\bar {b}" for b in bars) + " defined by the answer as an expression (where that "
                       "letter is the target: its own quantity, not an error signal)")
    era = "era_units" not in dict(base.options) and not judge.declared.bases and eraunits.uses(text)
    if era:  # the ERA sheet: h_1 = w_1 i_1 + w_2 i_2, a_{h_1} = σ(h_1), o_1 = w_5 a_{h_1} + …, E_1 = ½ (t_1 − a_{o_1})²
        options.append(("era_units", True))
        changes.append("the ERA sheet's letters: h_k and o_k a unit's summed input, a_{h_k} and a_{o_k} its output, t_k the "
                       "target, E_k one output's error, w_1 … w_8 Mazur's")
    alias = _layer_alias(claims, judge.net.depth) if "unindexed_layer" not in dict(base.options) else None
    if alias is not None:  # "with logits $z = z^{(2)}$": the answer's z without a layer is layer 2's
        options.append(("unindexed_layer", alias[1]))
        changes.append(f"{alias[0]} without a layer is layer {alias[1]}'s (the answer's own {alias[0]} = {alias[0]}^{{({alias[1]})}})")
    if MAZUR_UNITS.search(text) or era:
        options.append(("mazur", True))
        changes.append("Mazur's net_{h1}, out_{o1}, w_1 … w_8")
    past = weights_numbered_one_by_one(text, judge.net.depth)
    if past is not None:  # melfm's z1 = (w1 \times x1 + w3 \times x2 + b1): w3 is no layer 3, z1 no layer 1
        options.append(("numbered_weights", past))
        options.append(("mazur_weight_layers", mazur_numbered_layers(text, [judge.net.inputs] + [
            layer.units for layer in judge.net.layers])))
        changes.append(f"{past} numbers one weight, not a layer: a digit written right after a letter (w1, z1, x1, "
                       "b1) names a unit or a weight here and is not read as a layer")
    from_zero = not {"weights_numbered_by", "summed_numbered_by", "from_zero"} & set(dict(base.options)) and \
        numbered_from_zero([_normal(c.latex) for c in claims], {k for k, _ in judge.declared.bases}
                           | {k for k, _ in judge.declared.fixed} | {k.split("_")[0] for k, _ in judge.declared.macros})
    if from_zero:  # CMU 11-785's Z_0 = A_0 W_0^T + \iota_N b_0^T, A_1 = ReLU(Z_0): W_0 is the first layer's weights
        options += [("weights_numbered_by", "source"), ("summed_numbered_by", "source"), ("from_zero", True)]
        changes.append("layers numbered from 0 (its own forward definitions: Z_0 = A_0 W_0 + b_0, A_0 the input), so "
                       "W_k, b_k and Z_k are the map that leaves layer k")
    bias_unit = not from_zero and "bias_column" not in dict(base.options) and _bias_unit(claims)
    if bias_unit:  # Raschka's and Ng's a_0 = 1: the bias is W's column 0, on a unit a_0 = 1 every layer carries
        options += [("bias_column", True), ("bias_absorbed", True)]
        changes.append("a_0 = 1 is a bias unit: W holds the bias as its column 0 (z = W a with a = [1, …])")
        if judge.net.depth == 1 and "input_unit" not in dict(base.options) and _INPUT_UNIT.search(text):
            options.append(("input_unit", True))  # CS229's "letting x_0 = 1 (the intercept term)": θ ∈ ℝ^{n+1}, x too
            changes.append("x_0 = 1: the input x carries the intercept's entry first, as θ carries the bias")
    elif not from_zero and not x_layered and re.search(r"(?<![A-Za-z\\])(?:[abhxyz]\d?|scores|out)_\{?0\}?(?![0-9])", text) and (
            not _INPUT_AT_ZERO.search(text[:200_000])):  # (Aggarwal's \overline{h}_0 = \overline{x}: layer 0, the input)
        options.append(("zero_based", True))
        changes.append("entries counted from 0 (h1_0, scores_0)")
    declared = {k for k, _ in judge.declared.bases} | {k for k, _ in judge.declared.fixed}
    shape = structure(claims)
    summed_y = "y" in shape["summed"] and "y" not in declared and _summed_y(claims)
    defines_y = "y" in shape["summed"] | shape["activation"]  # y_k = \sum_j w_kj z_j: y is the network's output
    defines_y = defines_y or any(_Y_IS_OUTPUT.match(_normal(c.latex)) for c in definitions(claims))  # Nowaczyk's y := a_L
    layered_letters = _activation_letters(claims, judge.net.depth) if not declared else None
    y_layers = _y_layers(claims, declared)
    if y_layers is not None:
        # CMU 11-785's y_j^{(k)} = f_k(z_j^{(k)}): y is every layer's output (y^{(0)} the input, Y = y^{(N)} the network's),
        # written with its layer everywhere, and d the desired output
        bases, desired = y_layers
        changes.append("y is a layer's activation, written with its layer everywhere (its own definition: y^{(k)} = "
                       "f_k(z^{(k)}))" + ("; d the target (the desired output)" if desired else ""))
    elif layered_letters is not None:  # Duda-Hart-Stork: y_j = f(net_j) hidden, z_k = f(net_k) output, t_k the target
        hidden, output, unit_map, net = layered_letters
        target = "d" if hidden == output and "t" not in declared and _TARGET_D.search(text) else "t"
        bases = ((hidden, "h"), (output, "h"), (net, "z"), (target, "y"))
        options += [("unit_letters", True), ("unit_map", unit_map), ("output_letter", output)]
        who = (f"{hidden} is a unit's output" if hidden == output  # (Haykin's y_j(n), y_k(n))
               else f"{hidden} is a hidden unit's output and {output} an output unit's")
        changes.append(f"{who}, {net} the summed input, {target} the target; the unit letter names the layer (" + ", ".join(
                           f"{k} {('input', 'hidden', 'output')[v]}" for k, v in unit_map) + ")")
    elif summed_y:  # Twice22's CS231n y_1 = X W_1 + b_1, h_1 = max(0, y_1), y_2 = h_1 W_2 + b_2: y is each layer's z
        bases = (("y", "z"),)
        changes.append("y_k is layer k's summed input z (its own definitions: y_1 = … W_1 + b_1, then an activation of "
                       "y_1)")
    elif ("y" in shape["summed"] - shape["activation"] and judge.net.depth == 1 and "y" not in declared
          and judge.net.layers[-1].activation != "identity"):
        # FortiLeiZhang's CS231n note: y_{ij} = x_{i1}w_{1j} + … + b_j, the scores a softmax then reads — an affine map
        # of the input is the summed input z of the one layer, not its output ŷ (that is Bishop's y_k only where the
        # output is linear); the label is never written with a letter then
        bases = (("y", "z"),)
        changes.append("y is the summed input z (its own definition: an affine map of the input, which the "
                       f"{judge.net.layers[-1].activation} output then applies to)")
    elif not declared & {"y", "t"} and (_TARGET_LETTER.search(text) or defines_y or _TARGET_T.search(text)
                                        or _TARGET_D.search(text) or _EXAMPLE_Y_T.search(text)) and not _HAT_Y.search(text):
        bases = (("y", "yhat"), ("t", "y"))  # Bishop, Mitchell, Haykin: y_k the network's output, t_k the target
        changes.append("y is the output ŷ and t the target")
        if not declared & {"Y", "T"} and _CAPITAL_TARGET.search(text) and _CAPITAL_OUTPUT.search(text):
            bases += (("Y", "yhat"), ("T", "y"))  # Saito's Y = softmax(A_2) beside the one-hot T: the same letters, capital
            changes[-1] = "y (Y) is the output ŷ and t (T) the target"
        if "d" not in declared and not _TARGET_LETTER.search(text) and _TARGET_D.search(text):
            bases += (("d", "y"),)  # Okatani's and Haykin's d_k, the desired output, beside y_k (no t anywhere)
            changes[-1] = "y is the output ŷ and d the target (the desired output)"
    elif "t" not in declared and _TARGET_T.search(text):
        # UCSC's (a_5 − t) in an answer that also writes ŷ (so y stays the target): t beside the output is the target
        # too — never Adam's step count (a right ∂E/∂a_5 judged wrong with t = 1), never a letter that names nothing
        bases = (("t", "y"),)
        changes.append("t is the target (written beside the output: a − t, t − a)")
    else:
        bases = ()
    order = weight_numbering(text, judge.net.sizes) if "unit_numbers" not in dict(base.options) else None
    if order is not None:  # Han & Kamber's w_{14}, w_{46}, θ_4, O_6, Err_6: the units numbered across the network
        options.append(("unit_numbers", order))
        changes.append(f"units numbered across the network ({unit_numbering(judge.net.sizes)}): w_{{ij}} the weight "
                       + ("from unit i to unit j" if order == "source" else "into unit i from j"))
    rate_l: tuple = ()
    if order is not None or unit_letters_used(text):
        # Han & Kamber's letters, numbered or not: I_j = Σ_i w_{ij} O_i + θ_j, Err_j = O_j (1 − O_j) Σ_k Err_k w_{jk},
        # Δw_{ij} = (l) Err_j O_i — j a unit of any layer, i one feeding it, k one it feeds
        if "weight_order" not in dict(base.options):
            options.append(("weight_order", order or "source"))
        if "unit_letters" not in {**dict(base.options), **dict(options)}:
            options.append(("unit_letters", "generic"))
        if "theta" not in declared and re.search(r"\\theta\s*_\s*\{?\s*(?:[1-9]|[a-z]\s*\}?(?![A-Za-z]))", text):
            bases += (("theta", "b"),)  # θ_j: unit j's bias
        bases += tuple((k, v) for k, v in UNIT_LETTERS if k not in declared and k not in {b for b, _ in bases})
        if "in" not in declared and re.search(r"(?<![A-Za-z\\])in\s*_", text):
            bases += (("in", "z"),)  # Russell & Norvig's in_j = Σ_i w_{i,j} a_i: unit j's summed input
        if order is not None and _LAYER_MATRIX.search(text):
            options.append(("layer_biases", True))  # the lecture's matrix section, W_2 and b_2: b_k of an input unit k is
            # layer k's bias vector (an input has no bias), as W_k is layer k's weights
        if order is not None:  # Suresh & Sardana's n_8 = σ(w_{48} n_4 + … + b_8): the answer's own letter for a unit's output
            own_out = sorted({m.group(1) for c in claims[:2000] if len(c.latex) <= 600
                              and (m := _UNIT_OUTPUT_DEF.match(_normal(c.latex)))} - declared - {b for b, _ in bases}
                             - set("wWbxyEJLC"))
            bases += tuple((k, "h") for k in own_out[:1])
            changes += [f"{k}_j is the output of unit j (its own definition {k}_j = σ(Σ w_{{ij}} {k}_i + b_j))"
                        for k in own_out[:1]]
        if "l" not in declared and not re.search(r"(?<![A-Za-z\\])l\s*=", text):
            rate_l = (("l", "\\eta"),)  # Han & Kamber's learning rate l (no layer letter in this notation)
        changes.append("θ_j is the bias, O_j the output, I_j the summed input of unit j, T_j its target, Err_j = "
                       "−∂E/∂I_j its error" + (", l the learning rate" if rate_l else ""))
    if ("sigma_softmax" not in dict(base.options) and judge.net.output.activation == "softmax"
            and any(_SIGMA_AS_SOFTMAX.search(_normal(c.latex)) for c in claims[:2000] if len(c.latex) <= 600)):
        # the blog post's \hat y_k = \sigma(\mathbf z^3)_k = \frac{\exp(z^3_k)}{\sum_i \exp(z^3_i)}: σ names the softmax
        options.append(("sigma_softmax", judge.net.depth))  # (of the output layer's z; σ of another layer stays logistic)
        changes.append("σ of the output layer's summed input is the softmax (the answer's own definition, σ(z)_k = "
                       "exp(z_k)/Σ_i exp(z_i))")
    if "sigma_layers" not in dict(base.options) and _LAYER_SIGMA.search(text):
        options.append(("sigma_layers", True))  # Nowaczyk's σ_l, CMU 10-714's σ_i: each layer's own activation
        changes.append("σ with a layer index is that layer's activation")
    if "batch_letter" not in dict(base.options):
        from .ownindex import batch_size_b

        count = batch_size_b(claims)  # a PyTorch write-up's \frac{1}{B} \sum_{b=1}^{B}: B examples (B nowhere a bias)
        if count is not None and count not in declared:
            options.append(("batch_letter", count))
            changes.append(f"{count} is the number of examples (the mean's 1/{count}; {count} is nowhere a quantity)")
    if "B" not in declared and _CAPITAL_B.search(text) and not _BARE_B.search(text):
        bases += (("B", "b"),)  # a student's B^{(2)} beside W^{(2)}: the bias (B never bare: not a batch size)
        changes.append("B with a layer index is the bias, as W is the weight")
    if ("theta" not in declared and "theta" not in {b for b, _ in bases} and not _THETA_WEIGHT.search(text)
            and any(_THETA_ADDED.search(_sides(_normal(c.latex))[1])
                    for c in definitions(claims) + [c for c in claims[:2000] if _NET_LEFT.match(c.latex)]
                    if "=" in c.latex and len(c.latex) <= 600)):  # (Rumelhart's net_{pj} = Σ_i w_{ji} o_{pi} + θ_j too)
        bases += (("theta", "b"),)  # MacKay's a_i^{(2)} = \sum_j w_{ij}^{(2)} h_j + \theta_i^{(2)}: θ added to the
        changes.append("θ is the bias (added to the weighted sum in its own definition)")  # weighted sum is the bias
    for c in definitions(claims):
        latex = _normal(c.latex)
        m = _INPUT_NAMED.match(latex)
        if m and m.group(1) not in BASES and m.group(1) not in declared and (m.group(1), "x") not in bases:
            bases += ((m.group(1), "x"),)  # Hagan's a^0 = p: the input's own letter
            changes.append(f"{m.group(1)} is the input (its own definition)")
        m = _OUTPUT_BARE.match(latex)
        if m and m.group(1) == m.group(2) and "output_letter" not in dict(base.options) and (
                m.group(3) in ("L", "M") or m.group(3) == str(judge.net.depth)):
            options.append(("output_letter", m.group(1)))  # Hagan's a = a^M, Nielsen's a = a^L: the output
            changes.append(f"{m.group(1)} without a layer is the output layer's (its own definition)")
    if "example_letter" not in dict(base.options) and judge.batch == 1:
        from .ownforward import example_vector

        i = getattr(judge, "stated_example", None) or example_vector(text)
        if i is not None and re.search(r"_\s*\{\s*(?:" + i + r"\s*,?\s*[a-z]|[a-z]\s*,?\s*" + i + r")\s*\}", text):
            i = None  # (the watermelon book's x_i ∈ ℝ^d, then Δv_{ih} = η e_h x_i: i an input unit there)
        if i is not None:  # a lecture's "for inputs x_i ∈ R^d, labels y_i": i numbers the examples
            options.append(("example_letter", i))
            changes.append(f"{i} is the example's index (x_{i} ∈ ℝ^…: an example's input vector)")
    for c in claims:
        m = _HATTED_OUTPUT.match(_normal(c.latex)) if len(c.latex) <= 800 else None
        if (m and m.group(1) not in "yY" and f"hat{m.group(1)}" not in declared | {k for k, _ in bases}
                and FUNCS.get(m.group(2)) == judge.net.layers[-1].activation):
            bases += ((f"hat{m.group(1)}", "yhat"),)  # a lecture's \hat p_i = σ(w^T x_i + b): the prediction
            changes.append(f"\\hat {m.group(1)} is the prediction ŷ (its own definition: the output layer's "
                           f"{judge.net.layers[-1].activation} of its sum)")
            break
    functions = ()
    if not from_zero and not {"weights_numbered_by", "summed_numbered_by"} & set(dict(base.options)):
        from .ownforward import example_letter, own_forward, own_layers

        texts = [_normal(row) for c in claims for row in _equations(c.latex)]  # (each of f_0 = …, \quad h_1 = …)
        forward = own_forward(texts, declared)  # Prince's f_k = β_k + Ω_k h_k: his own letters
        layers = own_layers(texts, declared) if forward is None else None
        if layers is not None:  # Deisenroth's f_i = σ(A_{i-1} f_{i-1} + b_{i-1}): his letters for h, W and b
            bases += layers[0]
            output = dict(layers[1]).pop("own_output", None)
            options += [o for o in layers[1] if o[0] not in dict(base.options) and o[0] != "own_output"]
            changes += layers[2]
            if output is not None and 1 <= output[1] <= judge.net.depth:  # Strang's w = A_3 v_2 + b_3: layer 3's output
                fixed += ((output[0], ("yhat", None) if output[1] == judge.net.depth else ("h", output[1])),)
                changes.append(f"{output[0]} is layer {output[1]}'s output (its own definition)")
        if forward is not None:
            own_bases, functions, own_options, own_changes = forward
            bases += own_bases
            options += [o for o in own_options if o[0] not in dict(base.options)]
            changes += own_changes
            i = example_letter(texts, judge.batch)
            if i is not None and "example_letter" not in dict(base.options):
                options.append(("example_letter", i))  # Prince's x_i, y_i beside ℓ_i: the one example's
                changes.append(f"{i} is the example's index (ℓ_{i}, x_{i}, y_{i}: one example)")
    layered = {m.group(1) for c in definitions(claims) for row in _equations(c.latex) for text in [_normal(row)]
               if (m := _LAYERED_LHS.match(text)) and len(_sides(text)) > 1 and _summed_side(_sides(text)[1])}
    # (n_i^m: not CS231n's s; each equation of a line: Fleuret's s^{(l)} = w^{(l)} x^{(l-1)} + b^{(l)}, \qquad x^{(l)} = …)
    own = sorted(x for x in layered if x not in BASES and (x not in LOSSES or x == "L" and _L_IS_LINEAR(text))
                 and x not in _NOT_OWN_SUMMED and x not in declared)
    if own:  # Hagan's n^m = W^m a^{m-1} + b^m: a letter the answer defines as an affine map is the summed input
        bases += tuple((x, "z") for x in own)
        changes.append(", ".join(own) + " the summed input (defined as one)")
        for letter in sorted({_activation_of_own(_normal(row), own) for c in claims if len(c.latex) <= 400
                              for row in _equations(c.latex)} - {None} - declared):
            # Okatani's z_j^{(l)} = f(u_j^{(l)}), LFD's x_j^{(l)} = θ(s_j^{(l)}): the activation of the summed input
            if letter == "y":  # the y_j^l = f_l(u_j^l) of Japanese notes: y is every layer's output, written with its
                # layer everywhere; the target is \tilde y (or another letter) — not where a bare y is the target
                texts = [_normal(c.latex) for c in claims if len(c.latex) <= 2000]
                if any(_Y_UNSCRIPTED.search(t) for t in texts) or "Y" in declared:
                    continue
                bases += (("y", "h"), ("Y", "h"))
                if any(re.search(r"\\tildey(?![A-Za-z])", t) for t in texts) and "tildey" not in declared:
                    bases += (("tildey", "y"),)
                changes.append("y is a layer's activation, written with its layer everywhere (its own definition: y = "
                               "f(its summed input)); \\tilde y the target")
                continue
            bases += ((letter, "h"),)
            changes.append(f"{letter} is a layer's activation (its own definition: {letter} = f(its summed input))")
            if _output_unstated(claims, letter, declared):
                options.append(("output_unstated", letter))
                changes.append(f"which of y and ŷ is the output layer's {letter} no formula says (claims in y or ŷ "
                               "are not judged)")
        # its capital with a layer, the batch's (Jihwan's U^l = H^{l-1} W^l + 1 b^l beside u^l), as A is a's
        capitals = [x.upper() for x in own if x.islower() and x.upper() not in BASES and x.upper() not in declared
                    and re.search(rf"(?<![A-Za-z\\]){x.upper()}\s*[\^_]", text)]
        if capitals:
            bases += tuple((x, "z") for x in capitals)
            changes.append(", ".join(capitals) + " the batch's summed input (the capital of its own letter)")
        # and a capital's lowercase with a layer script (ashwin's s_i^{l-1} beside his S_j^{(l)}): the same quantity
        lowers = [x.lower() for x in own if x.isupper() and x.lower() not in own and x.lower() not in BASES
                  and x.lower() not in declared and x.lower() not in _NOT_OWN_SUMMED
                  and (re.search(rf"(?<![A-Za-z\\]){x.lower()}\s*_\s*\{{?\s*[a-z]\s*\}}?\s*\^", text)
                       or re.search(rf"(?<![A-Za-z\\]){x.lower()}\s*\^\s*\{{\s*\w\s*\}}\s*_\s*\{{\s*[a-z]\s*,", text))]
        # (a blog's l^{1}_{i, 1} beside its L^{1} = XW^{1} + B^{1}: an entry of the batch's, example i, unit 1)
        if lowers:
            bases += tuple((x, "z") for x in lowers)
            changes.append(", ".join(lowers) + " the summed input too (the lowercase of its own letter, with a layer)")
    if "h" not in declared and "h" not in {k for k, _ in bases} and _h_is_summed(claims):
        bases += (("h", "z"),)  # Udacity's h = \sum_i w_i x_i, \hat y = f(h), δ = (y − \hat y) f'(h): the unit's input
        changes.append("h is the summed input (its own definition: h = Σ w_i x_i), f(h) the activation")
    if "B" not in declared and "B" not in {k for k, _ in bases} and _BIAS_MATRIX.search(text) and not _B_COUNTS.search(text):
        bases += (("B", "b"),)  # a blog's L^{1} = XW^{1} + B^{1}: the bias, repeated for every example of the batch
        changes.append("B is the bias (repeated for every example: X W + B)")
    summed = {k for k, v in base.bases + bases if v == "z"} | {"z"}
    for c in claims:  # Hagan's s_i^m = ∂F̂/∂n_i^m: a letter defined as the derivative by the summed input is δ
        m = _SENSITIVITY.match(_normal(c.latex))
        if m and m.group(2) in summed and m.group(1) not in BASES and m.group(1) not in declared \
                and m.group(1) not in {k for k, _ in bases}:
            bases += ((m.group(1), "delta"),)
            changes.append(f"{m.group(1)} is δ, the derivative by the summed input (its own definition)")
    if "bias_absorbed" not in dict(base.options) and not any(o == ("zero_based", True) for o in options) and (
            _SUM_FROM_ZERO_WEIGHTED.search(text) or _WEIGHT_ZERO.search(text)):
        options.append(("bias_absorbed", True))  # \sum_{i=0}^{D} w_{ji} x_i: the bias is weight 0 on x_0 = 1
        changes.append("biases absorbed as weight 0 on a unit x_0 = 1 (sums from 0)")
    if "l_entry" not in dict(base.options) and "l" not in declared and any(writes_l_as_unit(c.latex) for c in claims[:2000]):
        options.append(("l_entry", True))  # MacKay's w_{jl}^{(1)} x_l, Efron & Hastie's w^{(k)}_{\ell j}: l is a unit
        changes.append("l (ℓ) is a unit index beside the layer written apart (w_{jl}^{(1)}), not a generic layer")
    if ("example_loss" not in dict(base.options) and "L" not in declared and judge.net.regularizer is None
            and any(_EXAMPLE_L.match(t) for t in (_normal(c.latex) for c in claims[:2000] if len(c.latex) <= 400))
            and _MEAN_OF_L.search(text[:200_000])):
        options.append(("example_loss", "L"))  # Duan's L(y_i, \hat{y_i}) = … beside C = \frac{1}{m} \sum_i L(y_i, \hat{y_i})
        changes.append("L is one example's loss (its own definition with the example's index) and the cost its mean")
    if "superscript" not in dict(base.options):  # z^2: layer 2 or a square? the answer's way of writing layers says
        paren = re.search(r"[A-Za-z}]\s*\^\s*(?:\{?\s*[(\[]|" + _ROLE_SCRIPT + ")",
                          text)  # (or by role: W^{hidden})
        bare = re.search(r"(?<![A-Za-z\\])[A-Za-z]\s*\^\s*(?:\{\s*)?[lL](?:\s*[+-]\s*\d)?\s*\}?(?![A-Za-z])", text) or any(
            re.match(r"^\s*[A-Za-z]\s*\^\s*\{?\s*\d\s*\}?\s*=", c.latex) for c in definitions(claims)) or len(
            set(_WEIGHT_POWER.findall(fold_unicode(text[:200_000])))) >= 2 or (  # (W¹, W²: a weight matrix's layers)
            {m.group(1) for m in _BARE_LAYER.finditer(text[:200_000])} - {"t", "i", "j", "n", "x"})  # (Hagan's a^{m-1})
        squares = re.search(r"(?<![A-Za-z\\])[zhaZHA]\s*\^\s*\{?\s*2\s*\}?(?![A-Za-z0-9])", text)  # where it matters
        if paren and not bare:
            options.append(("superscript", "power"))
            if squares:
                changes.append("layers written in parentheses, so a bare superscript (z^2) is a power")
        elif bare and not paren:
            options.append(("superscript", "layer"))
        elif not paren and (layered := _DIGIT_LAYER.search(text)) and 3 <= int(layered.group(1)) <= judge.net.depth:
            options.append(("superscript", "layer"))  # the blog post's z^3_1, z^{3}_k: layer 3's entries (no cube)
            changes.append("a bare superscript is the layer (z^3_1: entry 1 of layer 3)")
        elif not paren and not bare:
            from .ownindex import squares_by_subscript_layers

            letters = squares_by_subscript_layers(claims)  # Dan's W_1, b_1 and H = tanh(X W_1 + b_1): H^2 a square
            if letters:
                options.append(("superscript", "power"))
                changes.append(f"no layer written as a superscript and {letters[0]} defined without one, so "
                               f"{letters[0]}^2 is a square")
    if "sample_letter" not in dict(base.options):
        from .ownindex import sample_letter

        n = sample_letter(claims, judge.batch)  # Dan's L = -1/N Σ_n [y_n log p_n …]: u_n in Σ_n is sample n's
        if n is not None:
            options.append(("sample_letter", n))
            changes.append(f"{n} is the sample index of the answer's sums (its objective sums or averages over {n})")
            from .ownindex import example_losses

            if example_losses(claims, n):  # E = 1/N Σ_n E_n: δ_n is example n's own, ∂E_n/∂z_n
                options.append(("example_deltas", True))
    if "batch_letters" not in dict(base.options):
        from .ownindex import batch_letters

        letters = batch_letters(claims)  # Lalin's 1/m Σ_i, i = 1, …, m, z_{:, i}: z_{j, i} is unit j of example i
        if not letters and judge.batch > 1:
            from .ownindex import row_example_letters

            counts = "".join(v for k, v in options + list(base.options) if k == "batch_letter") or "BNm"
            letters, capitals = row_example_letters(claims, counts)  # Shreyansh's S_{ij} beside Z ∈ R^{B×K}: i the example
            if letters:
                options.append(("row_batches", capitals))
                changes.append(f"{', '.join(letters)} numbers the examples: the first index of a batch declared with "
                               "the examples as its rows (S_{ij}: example i, entry j)")
        if letters:
            options.append(("batch_letters", letters))
    m = _MATRIX_OBJECTIVE.search(text)
    if m and "matrix_letter" not in dict(base.options):  # Shreyansh's J_i = diag(S_i) − S_i S_i^T, J_i ∈ R^{K×K}
        letter = m.group(1) or m.group(3) or m.group(4)
        options.append(("matrix_letter", letter))
        changes.append(f"{letter} with an index is the answer's own matrix (a Jacobian), not the objective")
    if "delta_sign" not in dict(base.options) and (_MINUS_DERIVATIVE_DELTA.search(text)
                                                   or _ERROR_TARGET_FIRST.search(text) and _DELTA_OF_ERROR.search(text)
                                                   or (_TARGET_FIRST_DELTA.search(text) or _TARGET_LAST_DELTA.search(text)
                                                       or _ERR_TARGET_FIRST.search(text) and _DELTA_OF_ERR.search(text))
                                                   and (PLUS_STEP.search(text) or _PLUS_ASSIGNED.search(text)
                                                        or _PLUS_NEXT.search(text))):
        # (Haykin's error signal e_j(n) = d_j(n) − y_j(n), defined so, and δ_j(n) = e_j(n) φ'_j(v_j(n)) made of it: his
        # convention by its own definitions, whatever sign a step written after it has — a step that subtracts is the slip)
        # (Russell & Norvig's Err_k = y_k - a_k, Δ_k = Err_k × g'(in_k), w_{j,k} ← w_{j,k} + α × a_j × Δ_k)
        # (or δ_j = (d_j − y_j) … beside Δw = η δ_j x_i: the target first and the step added, Mitchell's convention)
        options.append(("delta_sign", -1))  # Mitchell's and Haykin's δ_j = -∂E/∂net_j
        changes.append("δ is minus the derivative by the summed input (δ_j = -∂E/∂net_j)")
    spelled = " ".join(_normal(c.latex) for c in claims)  # (Hendriks's △w, normalize._INCREMENT: Δw)
    if ("capital_o" not in dict(base.options) and "O" not in declared
            and {m.group(1) for m in _O_UNIT.finditer(spelled)} == {"O", "o"}):
        options.append(("capital_o", True))  # the Chinese textbook's o_k = f(net_k) beside O_k, O_j: one letter
        changes.append("O_j is o_j, the output of unit j (the answer writes both)")
    if "own_e" not in dict(base.options) and "e" not in declared and _ADDER_E.search(spelled):
        options.append(("own_e", True))  # Bernacki & Włodarczyk's adder e = x_1w_1 + x_2w_2, then y = f(e)
        changes.append("e is the answer's own summed input (e = x_1w_1 + …), not Euler's number")
    if ("error_e" not in dict(base.options) and not declared & {"e", "E"} and _ERROR_OF_WEIGHTS.search(spelled)
            and _PARTIAL_E.search(spelled) and not _ERROR_SIGNAL_E.search(spelled)):
        options.append(("error_e", True))  # LFD's e(w), then ∂e(w)/∂w_{ij}^{(l)}: the example's error, as E
        changes.append("e is the example's error, the objective (its own e(w): a function of the weights)")
    if "delta_w" not in dict(base.options) and (
            re.search(r"\\Delta\s*(?:[wW]|\\omega)[^=]{0,40}=\s*(?:-?\s*\\(?:eta|alpha|varepsilon|epsilon|mu"
                      + (f"|{judge.rate_letter}" if getattr(judge, "rate_letter", None) else "")  # (Rojas's γ, named in prose)
                      + r")|-\s*\d*\.\d+\s*(?:\\cdot|\*|\\times)"
                      r"|\(\s*l\s*\))",  # (Han & Kamber's Δw_{ij} = (l) Err_j O_i: the rate l in parentheses)
                      spelled)  # (Mihir's ΔW = -0.1 \cdot \text{W update}: the rate as its number)
            or re.search(r"(?:\\leftarrow|:=|=)\s*(?:[wW]|\\theta|\\omega)[^=+]{0,30}\+\s*\\Delta\s*(?:[wW]|\\theta|\\omega)",
                         spelled)
            or re.search(r"(?:\\leftarrow|:=|=)\s*x\s*_\s*\{?\s*t\s*\}?\s*\+\s*\\Delta\s*x\s*_", spelled)):
        # (Ruder's θ_{t+1} = θ_t + Δθ_t, Zeiler's x_{t+1} = x_t + Δx_t: the step Δθ_t, not a layer's Δ)
        options.append(("delta_w", "increment"))  # Mitchell: w ← w + Δw with Δw = η δ x
        changes.append("Δw is the step's change of the weight (w ← w + Δw)")
    if "time_argument" not in dict(base.options) and uses_time_argument(text):
        step = uses_time_argument(text)
        options.append(("time_argument", step))
        changes.append(f"quantities written with the iteration {step}, v_j({step}), W({step}+1): a claim about one step")
    layered_weights = (_LAYERED_UNIT_WEIGHT.search(text[:200_000]) is not None
                       and _UNLAYERED_UNIT_WEIGHT.search(text[:200_000]) is None)  # (Haykin writes both: generic)
    if (layered_weights and "entries_source_first" not in dict(base.options) and "weight_order" not in dict(base.options)
            and "source" in (weight_order(claims), layered_order(claims))):
        # (Rojas's o^{(1)}_j = s(\sum_i w^{(1)}_{ij} o_i + b^{(1)}_j): the layer script first)
        options.append(("entries_source_first", True))  # a German lecture's net_j^{(l)} = Σ_i w_{ij}^{(l)} o_i^{(l-1)}
        changes.append("w_{ij} is the weight from unit i to unit j (its own definition of a unit's summed input)")
    elif (judge.net.convention == "column" and not {"entries_source_first", "entries_target_first", "weight_order"}
          & set(dict(base.options)) and layered_order(claims) == "target"):
        options.append(("entries_target_first", True))  # Bishop's z^{(1)}_j = Σ_k w^{(1)}_{jk} x_k in a column spec: w_{jk}
        changes.append("w_{jk} is the weight into unit j from unit k (its own definition of a unit's summed input)")
    elif not layered_weights and "weight_order" not in dict(base.options) and weight_order(claims) == "source":
        options.append(("letters_source_first", True))  # Stansbury's z_j = b_j + Σ_i a_i w_{ij}: under Bishop's letters,
        # w_{jk} is the weight from j to k (parser: read only there, where the answer's own sum says so)
    dense = _dense_numbering(judge.net, text)
    if dense is not None and "dense_layers" not in dict(base.options):
        options.append(("dense_layers", dense))  # W^{(1)}, W^{(2)} around a dropout layer: the weighted layers' numbers
        options.append(("block_ends", _block_ends(judge.net, dense)))
        changes.append("layers numbered by the weighted ones only (its W^{(2)} is the spec's layer "
                       f"{dense[1]}; a layer's activation is the one after the normalisation layers that follow "
                       "it, before a dropout)")
    bare_input = _bare_input(claims, text)
    if bare_input is not None and "bare_input" not in dict(base.options) and bare_input not in declared:
        options.append(("bare_input", bare_input))  # Rojas's o = x: o with no layer is the input, o^{(1)} layer 1's
        changes.append(f"{bare_input} without a layer is the input x (its own definition {bare_input} = x; "
                       f"{bare_input}^{{(l)}} layer l's output)")
    if (layered_weights and judge.net.depth == 2 and "layers_reversed" not in dict(base.options)
            and _reversed_layers(claims)):
        options.append(("layers_reversed", True))  # Kubat's h_j = f(Σ_k w^{(2)}_{jk} x_k): the output layer is 1
        changes.append("layers numbered from the output: (1) the output layer's, (2) the hidden layer's (its own "
                       "definitions: the input feeds w^{(2)})")
    if layered_weights and "net" not in declared and _LAYERED_NET.search(text[:200_000]):
        bases += (("net", "z"),)  # net_j^{(l)}: layer l's summed input (a layer script: not Mazur's net_{h1})
        changes.append("net with a layer script is that layer's summed input")
    own_unit_sums = [u for u in _unit_sums(claims) if u[1] in ELL_LETTERS and u[2] in UNIT_POS and u[3] == u[1]]
    # a unit's summed input over the units feeding it, its weight indexed by those two letters in either order (the
    # delta rule's y_i = \sum_j w_{ij} x_j): the letters number units, whichever letter the answer gives its unit
    unit_sums = [u for u in _unit_sums(claims, plain=True) if u[0] in UNIT_POS and u[1] in UNIT_POS and u[0] != u[1]
                 and {u[2], u[3]} == {u[0], u[1]}]
    if "omega" not in declared and _OMEGA_WEIGHT.search(text):
        bases += (("omega", "W"),)  # Porr's ω_{ji}: a weight between two units (not Prince's scalar ω_0 … ω_3)
        changes.append("ω_{ji} is the weight between units i and j, as w_{ji}")
    if "unit_letters" not in dict(base.options) and layered_letters is None and not layered_weights and (
            re.search(r"(?<![A-Za-z\\])(?:[tde]_\{?\s*j|net_\{?\s*j)(?![A-Za-z])", text)
            or judge.net.depth > 2 and shape["units"]["letters"]  # (one layer: its units and the inputs only)
            or own_unit_sums  # Fuat's u_i = \sum_{\ell} \theta_{i\ell} o_\ell (ℓ read as l: unitnames.EllUnit)
            or unit_sums and (judge.net.depth == 1 or _fed_from_above(claims))):
        # Mitchell's and Haykin's unit j of any layer: j is an output unit in one claim (t_j, d_j, e_j) and a
        # hidden one in another; i feeds it, k is fed by it
        options.append(("unit_letters", "generic"))
        changes.append("j is a unit of any layer, i a unit feeding it and k one it feeds (Mitchell, Haykin)")
        feeding = feeding_letters(claims)
        if feeding:  # Wikipedia's net_j = Σ_k w_{kj} o_k: k feeds j (not the layer after it, as in Mitchell's w_{kj} δ_k)
            options.append(("unit_pos", tuple(sorted(feeding.items()))))
        order = weight_order(claims)
        if order and "weight_order" not in dict(base.options):
            options.append(("weight_order", order))
            changes.append("w_{ji} is the weight into unit j from unit i" if order == "target"
                           else "w_{ij} is the weight from unit i to unit j")
        if "bias_absorbed" not in dict(base.options) and not re.search(r"\\sum_\{?\s*[a-z]\s*=\s*1", text) and not any(
                o[0] == "bias_absorbed" for o in options) and not _BIAS_BESIDE_SUM.search(text):
            # (not Hinton's z_j = b_j + \sum_i y_i w_{ij}: the bias written beside the sum is not in it)
            options.append(("bias_absorbed", True))  # Mitchell's net_j = \sum_i w_{ji} x_{ji}: x_{j0} = 1 carries the bias
            changes.append("sums over the inputs of a unit include its bias (w_{j0} on x_{j0} = 1)")
        summed = {u[0] for u in own_unit_sums} if own_unit_sums else set()
        if summed == {"i"} and "u" not in declared and re.search(r"(?<![A-Za-z\\])u_\{?\s*i\s*\}?\s*=\s*\\sum", text):
            bases += (("u", "z"),)  # Fuat's u_i = \sum_l θ_{il} o_l: u the unit's summed input (o its output)
            changes.append("u_i is unit i's summed input (its own definition) and o_i its output")
        if not declared & {"y", "t", "d", "v"}:
            generic = [("y", "h")] if re.search(r"(?<![A-Za-z\\])y_\{?\s*[ij]", text) else []
            generic += [("d", "y")] if re.search(r"(?<![A-Za-z\\])d_\{?\s*[jk]", text) or unit_sums and re.search(
                r"(?<![A-Za-z\\])d_\{?\s*i", text) else []
            generic += [(v, "z") for v in ("v", "x") if any(  # (one claim's: x_j = Σ_i w_{ji} y_i, the sum after x_j)
                re.match(rf"\s*{v}_\{{?\s*j[^=]{{0,12}}=[^=]*\\sum", c.latex[:400]) for c in claims[:2000])]
            if generic:  # Haykin: y_j the function signal of neuron j, d_j the desired response, v_j its field
                bases = tuple(b for b in bases if b[0] not in {k for k, _ in generic}) + tuple(generic)
                field = next((k for k, v in generic if v == "z"), "v")  # Rumelhart et al. 1986: x_j the total input
                changes.append(f"y_j is the output of unit j, d_j the target and {field}_j the summed input "
                               + ("(Haykin)" if field == "v" else "(Rumelhart, Hinton & Williams)"))
    if "unit_weights" not in dict(base.options) and (_one_unit_weights(judge.net.sizes, text)
                                                     or _theta_steps(judge.net.sizes, claims)):
        options.append(("unit_weights", True))  # logistic regression's z = w_0 + w_1 x_1 + w_2 x_2 (one unit)
        changes.append("w_k is the one unit's weight on x_k and w_0 its bias (z = w_0 + w_1 x_1 + …)")
    if "example_t" not in dict(base.options) and _EXAMPLE_T.search(text) and not _TIME_T.search(text):
        options.append(("example_t", True))  # Ng's Machine Learning: "for t = 1 to m", a^{(1)} := x^{(t)}, δ = a − y^{(t)}
        changes.append("(t) names a training example (x^{(t)}, y^{(t)}), not a layer or a step")
    if "example_x" not in dict(base.options) and _EXAMPLE_X.search(text):
        options.append(("example_x", True))  # Nielsen's a^{x,l}, δ^{x,l}: example x's, as C_x is its cost
        changes.append("x in a^{x,l}, δ^{x,l} names a training example (its cost C_x), not the input")
    weighted = _weighted_numbering(judge.net, text) if "weighted_numbering" not in dict(base.options) else ()
    if weighted:  # W_1, W_2 of a network dense → dropout → dense: the answer counts the layers with weights only
        options.append(("weighted_numbering", weighted))
        changes.append("layers numbered by their weights, the dropout layers not counted: "
                       + ", ".join(f"W_{k} is the spec's layer {n}" for k, n in enumerate(weighted, start=1)))
    w_columns: tuple = ()
    if "w_layers" not in dict(base.options) and not {"mazur", "numbered_weights"} & {k for k, _ in options} and (
            _BOLD_W_LAYER.search(text) or _plain_w_layers(claims, text, judge.net.depth)):
        options.append(("w_layers", True))  # John Philipp's z_2 = \bm w_2^T \bm a_1 + b_2: w_2 a vector, layer 2's weights
        changes.append("a bold w with a number (\\bm w_2) is that layer's weights, w_{2,i} its entries" if _BOLD_W_LAYER.search(text)
                       else "w with a number multiplied transposed (w_2^T h) is that layer's weights, w_{2,i} its entries")
        w_columns = _bold_w_columns(claims, judge.net.depth, {k for k, _ in judge.declared.macros})
        if w_columns and judge.convention == "row":
            changes.append(", ".join(f"w_{n}" for n in w_columns) + " multiplied as w^T h in the answer's own forward "
                           "definitions: a column, the transpose of the spec's n_out × n_in weights")
    if ("subscript_entries" not in dict(base.options) and len(_SCRIPTED_ZA.findall(text[:200_000])) >= 2
            and not _SUBSCRIPT_LAYER_WB.search(text[:200_000]) and _BARE_DIGIT_ZA.search(text[:200_000])):
        # Diaz's Z^{[2]}, A^{[1]} and "Let z_1 = 0.235, z_2 = -0.107": an answer that writes its layers as scripts
        # names entries by a lowercase z or a with a digit (whose layer it does not write: such claims stay unread)
        options.append(("subscript_entries", True))
        changes.append("z_1, a_2 name entries (the answer writes its layers as scripts, Z^{[2]})")
    if judge.net.depth == 2 and "digit_entries" not in dict(base.options):
        entry_defs = [m for t in itertools.chain((c.latex for c in claims), indexrange.written_out(
            c.latex for c in claims[:2000])) for m in [_ENTRY_DEF.search(t)] if m]  # (z_j = w_{1j} x_1 + b_j, j = 1, 2)
        if entry_defs:  # z_1 = w_{11} x_1 + w_{21} x_2 + b_1: a worked example unit by unit, one hidden layer
            options.append(("digit_entries", True))
            if "unindexed_layer" not in dict(base.options):
                options.append(("unindexed_layer", 1))
            terms = [t for m in entry_defs for t in _ENTRY_TERM.findall(m.group(0))]
            source = sum(a == c for a, b_, c in terms)
            target = sum(b_ == c for a, b_, c in terms)
            if source != target and "weight_order" not in dict(base.options):
                options.append(("weight_order", "source" if source > target else "target"))
            changes.append("z_1, h_2, b_1, w_{12} are units and weights of the one hidden layer (a worked example)")
    if (judge.net.depth == 1 and "digit_entries" not in dict(base.options) and judge.net.sizes[0] > 1
            and judge.net.sizes[1] == 1 and "numbered_weights" in {k for k, _ in options}):
        # Sghosh's z = w11 * x1 + w12 * x2 + b: one unit's weights numbered by the unit and the input (a second unit
        # there is none, so which digit is the input's is certain)
        options.append(("digit_entries", True))
        if "weight_order" not in dict(base.options):
            options.append(("weight_order", "target"))
        changes.append("w11, w12 are the one unit's weights on x1, x2 (a network of one layer and one unit)")
    if {k for k, _ in options} & {"unit_letters", "digit_entries"}:
        options.append(("convention", judge.convention))  # how the answer's W's entries lie (parser._as_entry)
    if judge.net.regularizer is not None and "regularized" not in dict(base.options) and "\\bar" in text:
        options.append(("regularized", True))  # Grosse's \bar{v}: of the data loss or of L + λR? (parser.error_signal)
    if judge.net.depth == 2 and "unit_map" not in dict(base.options):
        found = letter_layers(claims)
        if found and found != {"i": 0, "j": 1, "k": 2}:
            options.append(("unit_map", tuple(sorted(found.items()))))
            changes.append("unit letters read from the definitions: " + ", ".join(
                f"{k} {('input', 'hidden', 'output')[v]}" for k, v in sorted(found.items(), key=lambda kv: kv[1])))
    if not declared & {"theta", "U"} and (re.search(r"\\theta\s*=\s*[^=]*\+\s*b", text)
                                          or re.search(r"(?:softmax\}?|\\sigma)\s*\(\s*\\theta\s*\)", text)
                                          or re.search(r"(?<![A-Za-z\\])e\s*\^\s*\{\s*\\theta_", text)):
        # Clark (CS224n): θ = U h + b_2 is the output's summed input (not the parameters), U the output weights
        fixed += (("theta", ("z", judge.net.depth)),)
        changes.append("θ is the output layer's summed input (θ = U h + b)")
        if re.search(r"(?<![A-Za-z\\])U\s*(?:\^\s*\{?\s*T\s*\}?\s*)?h", text):
            fixed += (("U", ("W", judge.net.depth)),)
            changes.append("U is the output layer's weights")
    labels = [x for x in getattr(judge, "prose_labels", ()) if re.search(
        rf"(?:(?<![A-Za-z\\])e|\\mathbf\s*\{{\s*e\s*\}})\s*_\s*\{{?\s*{x}(?![A-Za-z0-9_^])", text)]
    if len(labels) == 1 and "e" not in declared:  # CS231n's "true class $c$" and p − e_c: e_c is its one-hot vector, the target y
        base = replace(base, macros=base.macros + ((f"e_{labels[0]}", "y"), (f"e_{{{labels[0]}}}", "y")))
        changes.append(f"e_{labels[0]} is the one-hot vector of the true class {labels[0]}, the target y")
    bare_b = {int(m.group(1) or m.group(2)) for c in definitions(claims)[:2000] if len(c.latex) <= 600
              for m in _BARE_B_BESIDE.finditer(_normal(c.latex))}
    if (len(bare_b) == 1 and judge.net.depth >= 2 and "b" not in declared and not any(k == "b" for k, _ in fixed)
            and 1 <= min(bare_b) <= judge.net.depth):
        # u2's h = tanh(W_1 x + b) beside o = W_2 h + c: the bare b its own definition adds to W_1's product is layer 1's
        fixed += (("b", ("b", min(bare_b))),)
        changes.append(f"b is layer {min(bare_b)}'s bias (its own definition adds it to W_{min(bare_b)}'s product)")
    in_letter = next((v for v in ("V", "U") if judge.net.depth == 2 and not declared & {v, "W"}
                      and not any(k in (v, "W") for k, _ in fixed) and _HIDDEN_DEFINED[v].search(text)
                      and _CAPITAL_W.search(text)
                      and not _LAYERED_W.search(text)), None)
    out_letter = next((v for v in _OUTPUT_WEIGHTS if judge.net.depth == 2 and not in_letter and not declared & {v, "W", "c"} and not any(
        k == v for k, _ in fixed) and _OUTPUT_WEIGHTS[v].search(text) and not _LAYERED_W.search(text)), None)
    if in_letter:  # Shewchuk's (CS 189) h = s(Vx), \hat y = s(Wh): V the hidden layer's weights, W the output's
        fixed += ((in_letter, ("W", 1)), ("W", ("W", 2)))
        changes.append(f"{in_letter} is the hidden layer's weights and W the output layer's (h = s({in_letter}x), "
                       "ŷ = s(Wh))")
    if out_letter:
        # The Lazy Programmer's letters (and m-alcu's): Z = σ(XW + b), A = ZV + c, Y = softmax(A) — V the output
        # layer's weights, W the hidden layer's, c and b their biases; Jurafsky & Martin's h = σ(Wx + b), z = Uh
        fixed += ((out_letter, ("W", 2)), ("W", ("W", 1)))
        changes.append(f"{out_letter} is the output layer's weights and W the hidden layer's (z = {out_letter} h)")
        if re.search(out_letter + r"[^=$]{0,40}\+\s*c(?![A-Za-z])", text):  # (c added after its product: A = ZV + c)
            fixed += (("c", ("b", 2)), ("b", ("b", 1)))
            changes.append("c is the output layer's bias and b the hidden layer's")
        elif ("b" not in declared and not re.search(out_letter + r"[^=$]{0,40}\+", text)
              and re.search(r"(?<![A-Za-z\\])[xX]\s*W|W\s*(?:\\cdot\s*)?[xX](?![A-Za-z])", text)
              and re.search(r"W\s*(?:\\cdot\s*)?[xX]\s*\+\s*b(?![A-Za-z_])|[xX]\s*W\s*\+\s*b(?![A-Za-z_])", text)):
            fixed += (("b", ("b", 1)),)  # h = σ(Wx + b), z = Uh: the one bias the answer writes is the hidden layer's
            changes.append("b is the hidden layer's bias (the output's sum has none)")
        if _A_OF_V.search(text) and not declared & {"A", "a"}:
            fixed += (("A", ("z", 2)), ("a", ("z", 2)))  # A = ZV + c: the output layer's summed input, not the hidden's
            changes.append("A is the output layer's summed input (A = Z V + c)")
        if re.search(r"(?<![A-Za-z\\^])T\s*-\s*Y(?![A-Za-z])|(?<![A-Za-z\\])Y\s*-\s*T(?![A-Za-z])", text) and "T" not in declared:
            fixed += (("T", ("y", None)), ("Y", ("yhat", None)))  # T − Y: the targets beside the outputs Y
            changes.append("T is the targets and Y the outputs (T − Y)")
    scores = [k for k in ("f", "s", "l") if k not in declared and judge.net.layers[-1].activation == "softmax"
              and re.search(rf"(?<![A-Za-z\\])e\s*\^\s*\{{\s*{k}\s*_", text)]
    for k in scores:  # CS231n's scores: p_k = e^{f_k} / \sum_j e^{f_j}, L_i = -\log(e^{f_{y_i}} / \sum_j e^{f_j}) (FortiLeiZhang's
        # s_k alike; Charniak's logits l_j) — class k's score, the output layer's summed input (f applied as a function,
        # f(w_k), is not read)
        fixed += ((k, ("z", judge.net.depth)),)
        changes.append(f"{k}_k is class k's score, the output layer's summed input (e^{{{k}_k}} / Σ_j e^{{{k}_j}})")
    if scores and "p" not in declared and _PROBABILITY.search(text) and not _other_p(claims):
        fixed += (("p", ("yhat", None)),)  # p_k, p_{y_i}: the normalised probabilities, softmax of the scores
        changes.append("p_k is class k's probability, the output ŷ_k (CS231n's p_{y_i})")
    if ("p" not in declared and "p" not in dict(bases) and judge.net.layers[-1].activation == "softmax"
            and _P_SOFTMAX_OF_Z.search(text) and not _other_p(claims)):
        fixed += (("p", ("yhat", None)),)  # p_k = e^{z_k} / Σ_j e^{z_j}: class k's probability, the output ŷ_k
        changes.append("p_k is class k's probability, the output ŷ_k (its own definition as the softmax of z)")
    # (N, m the number of examples, t the step, e Euler's number: an answer's letters for them, never the parameter's —
    # a parameter so named is read where written as the proof writes it, \mathrm{N})
    params = sorted({k for layer in judge.net.layers for k, _ in layer.params if len(k) == 1 and k.isalpha()
                     and k not in _CONSTANT_LETTERS})
    bare = tuple(k for k in params if re.search(rf"(?<![A-Za-z\\]){k}(?![A-Za-z_^'])", text)
                 and not re.search(rf"(?<![A-Za-z\\]){k}\s*[_^]", text))
    if bare and "param_letters" not in dict(base.options):
        options.append(("param_letters", bare))  # Haykin's slope a: always bare, never a quantity with a script
        changes.append(f"{', '.join(bare)}: the activation's parameter (never written with a layer or unit)")
    scripts = [(m.group(1), bool(m.group(2))) for m in _LAYER_SCRIPT.finditer(text)]
    if "y_layer" not in dict(base.options) and judge.net.depth == 2 and _W_OF_Y.search(text):
        options.append(("y_layer", True))  # NYU's ŷ = g(W_y h + b_y), Karpathy's W_{xh}, W_{hy}: layers named by their ends
        changes.append("W_y, b_y (W_{hy}) are the output layer's and W_h, b_h (W_{xh}) the hidden layer's: each layer "
                       "named by the quantity it gives")
    if "hidden_numbered" not in dict(base.options) and judge.net.depth >= 3 and _HIDDEN_NUMBERED.search(text):
        options.append(("hidden_numbered", True))  # W_{h1}, W_{h2}, W_{out}: the hidden layers numbered after an h
        changes.append("W_{h1}, b_{h2}, δ_{h2}: the hidden layers numbered after an h")
    if "role_conflict" not in dict(base.options) and _ROLE_WEIGHT.search(text) and any(
            int(m.group(1)) >= judge.net.depth for m in _NUMBERED_LAYER.finditer(text)):
        options.append(("role_conflict", True))  # Charatsidis's W_1, W_2 and W_out: the out is a third layer, not the 2nd
    if "role_letters" not in dict(base.options) and judge.net.depth == 2 and all(
            p.search(text) for p in _ROLE_LETTER_SCRIPTS):
        options.append(("role_letters", True))  # w^o_{kj} beside w^h_{ji}: the layers named o and h in superscripts
        changes.append("a superscript o names the output layer and h the hidden one (w^o_{kj}, \\delta^h_j)")
    if "layer_first" not in dict(base.options) and _LAYER_FIRST.search(text):
        options.append(("layer_first", True))  # XDean's a_{l,j}, a_{l-1,i}, \omega_{l+1,j,k}: the layer first, a comma
        order = layer_first_order(claims)  # (no book fixes the order of w_{l,jk}'s letters: the answer's own sum must)
        options.append(("entries_target_first", True) if order == "target" else ("entries_source_first", True)
                       if order == "source" else ("layer_first_order", None))
        changes.append("a_{l,j} is unit j of layer l: the layer first, then the unit, after a comma"
                       + {"target": "; w_{l,jk} the weight into j from k (its own sum)",
                          "source": "; w_{l,jk} the weight from j to k (its own sum)"}.get(order, ""))
    if "role_pairs" not in dict(base.options) and judge.net.depth == 2 and _OUTPUT_PAIR.search(text):
        options.append(("role_pairs", True))  # W_{ih}, W_{ho}: each weight matrix named by the two layers it joins
        changes.append("W_{ih} (W_{xh}) are the hidden layer's and W_{ho} (W_{hy}) the output layer's weights: each "
                       "named by the two layers it joins")
    if "depth_letter" not in dict(base.options) and _LAST_N.search(text) and (("l", True) in scripts
                                                                              or ("k", True) in scripts):
        options.append(("depth_letter", "N"))  # Goto's x^{(N)} beside x^{(l)}: N is the last layer
        changes.append("N is the last layer (beside the layer index l)")
    bracket = _bracket_letter(text, dict(base.options).get("depth_letter") or _prose_depth(judge, text))
    if bracket is not None and "bracket_letter" not in dict(base.options):
        options.append(("bracket_letter", bracket))  # MathsCode's Z^{[i]} = W^{[i]} A^{[i-1]} + b^{[i]}
        changes.append(f"{bracket} in square brackets is the layer index (Ng's [·] marks layers, (·) examples)")
    depth = _prose_depth(judge, text)
    if depth is not None and "depth_letter" not in dict(base.options):
        options.append(("depth_letter", depth))  # MathsCode's "the network has k layers in total": [k] is the last
        changes.append(f"{depth} is the last layer (the prose says the network has {depth} layers)")
    so_far = {**dict(base.options), **dict(options)}
    if "depth_letter" not in so_far and (own_depth := _DEPTH_DEF.search(text[:200_000])) is not None:
        letter, number = own_depth.group(1), int(own_depth.group(2))  # Efron & Hastie's K = 3 beside δ^{(K)}: the last
        first = 1 if _INPUT_IS_ONE.search(text[:200_000]) else int(so_far.get("input_layer", 0))  # (a^{(1)} = x)
        if (letter not in declared and number == judge.net.depth + first  # layer, numbered as the answer numbers them
                and re.search(r"\^\s*\{?\s*\(\s*" + letter + r"\s*\)", text)):  # as the answer numbers its layers
            options.append(("depth_letter", letter))
            changes.append(f"{letter} = {number} is the last layer (its own definition)")
    tilde = next((m for c in claims if (m := _TILDE_DEF.match(_normal(c.latex))) and not _DERIVATIVE.search(_normal(c.latex))
                  and _AFFINE.search(_sides(_normal(c.latex))[1])), None)
    if tilde and "tilde" + tilde.group(1) not in declared:  # Goto's x̃^{(l)} = W^{(l)} x^{(l-1)} + b^{(l)}: x̃ is the
        letter = tilde.group(1)  # summed input and x the activation (x^{(0)} the input)
        bases += (("tilde" + letter, "z"),) + (((letter, "h"),) if letter not in declared else ())
        changes.append(f"\\tilde{{{letter}}} is the summed input and {letter} the activation (its own definition)")
    if ("depth_letter" not in dict(base.options) and ("k", True) in scripts and ("l", False) in scripts
            and ("l", True) not in scripts):
        options.append(("depth_letter", "l"))  # Goodfellow: h^{(k)} for k = 1 … l, \hat y = h^{(l)}
        changes.append("k is the layer index and l the number of layers (Goodfellow)")
    macros = rate_l
    if judge.convention == "row":  # (in the column convention W⁽ˡ⁾ is n_in × n_out: the answer's wᵀh as it is)
        macros += tuple((f"w_{n}", f"{{W^{{({n})}}}}^{{\\top}}") for n in w_columns)
    if judge.net.depth == 2 and judge.net.sizes[-1] == 1:  # o = v_1 h_1 + v_2 h_2 + c: the output's weights by other letters
        for c in definitions(claims):
            first = _sides(_normal(c.latex))[1] if "=" in c.latex else ""
            terms = _OUT_TERM.findall(first)
            const = _OUT_CONST.search(first)
            letters = {t[0] for t in terms}
            if (len(terms) == judge.net.sizes[1] and len(letters) == 1 and all(a == b for _, a, b in terms)
                    and const and not letters & (set(BASES) | declared) and const.group(1) not in set(BASES) | declared):
                v = letters.pop()
                entry = (lambda k: f"{k}1") if judge.convention == "column" else (lambda k: f"1{k}")
                macros = rate_l + tuple((f"{v}_{k}", f"W^{{(2)}}_{{{entry(k)}}}") for _, k, _ in terms) + (
                    (const.group(1), "b^{(2)}"),)
                changes.append(f"{v}_1 … {v}_{len(terms)} are the output unit's weights and {const.group(1)} its bias "
                               "(their own definition)")
                break
    if "accumulator" not in dict(base.options) and _ACCUMULATE.search(text) and _ACCUMULATE_PENALTY.search(text):
        # Raschka's Δ^{(l)} := Δ^{(l)} + λ^{(l)} then makes Δ the whole gradient: which Δ a later claim means is unsaid
        options.append(("accumulator", "ambiguous"))
    elif "accumulator" not in dict(base.options) and _ACCUMULATE.search(text):
        options.append(("accumulator", "Theta" if "\\Theta" in text else "W"))  # Ng's Δ^{(l)} := Δ^{(l)} + δ^{(l+1)} a^{(l)T}
        changes.append("Δ^{(l)} accumulates the examples' gradients of the data loss (Δ^{(l)} := Δ^{(l)} + …)")
    bare = _bare_letter_layers(claims, judge.net.depth)
    if bare and "bare_letters" not in dict(base.options):
        options.append(("bare_letters", bare))  # Malik's z = h W_2 + b_2: a bare z is layer 2's, h = ReLU(a_1) layer 1's
        if ("z", judge.net.depth) in bare and any(_OUTPUT_APPLIED.match(_normal(c.latex)) for c in claims[:2000]
                                                 if len(c.latex) <= 200):
            options.append(("bare_entries", ("z",)))  # ŷ = softmax(z): z_i, z_j are the output's entries
        changes.append("written without a layer: " + ", ".join(f"{k} is layer {v}'s" for k, v in bare)
                       + " (their own definitions)")
    letter_ = _bare_layer_letter(text)
    if letter_ is not None and "layer_letter" not in dict(base.options):
        options.append(("layer_letter", letter_))  # Hagan's W^{m+1}, a^{m-1}, s^M: m the layer, M the last one
        if "x" not in declared and re.search(_X_BEFORE.format(L=re.escape(letter_)), text):
            bases += (("x", "h"),)
            changes.append(f"x_{{{letter_}-1}} is the output of the layer before (x_0 the input: its own definition)")
        if not any(m.group(1) == letter_ for m in _BARE_LAYER.finditer(text)):  # (Nisith's δ_{i+1}: I is no layer)
            options.append(("layer_letter_last", False))
            changes.append(f"{letter_} is the layer index")
        else:
            changes.append(f"{letter_} is the layer index ({letter_.upper()} the last layer)")
    if not era and not {"mazur", "unit_numbers"} & ({k for k, _ in options} | {k for k, _ in base.options}) and (
            not base.macros and not base.bases and (units := scalarunits.reading(
                claims, judge.net, judge.convention, judge.unit_code)) is not None
            and not scalarunits.layered(text, {k[0] for k, _ in units.macros})):
        macros += units.macros  # Hung-yi Lee's z_1 … z_4, w_1 … w_8 placed by the answer's own forward pass
        options += ([("mazur", True)] if units.mazur else []) + [("unit_sums", units.sums)]
        changes.append(units.change)
    chosen = {**dict(base.options), **dict(options)}
    if (judge.net.depth == 1 and weight_order(claims) == "source" and not {
            "weight_order", "unit_letters", "unit_numbers", "entries_target_first", "entries_source_first"} & set(chosen)):
        # Charniak's one layer, l_j = b_j + \sum_i x_i w_{i,j}: w_{i,j} from i to j, as its own sum says (in deeper networks
        # the readings of unit letters order the weights themselves: AIMA's in_j = Σ_i w_{i,j} a_i, Wikipedia's w_{ij})
        options.append(("entries_source_first", True))
        changes.append("w_{ij} is the weight from unit i to unit j (its own sums: l_j = … \\sum_i x_i w_{i,j})")
    if not changes and not options:
        return None
    return Reading(replace(base, bases=base.bases + bases, options=base.options + tuple(options), fixed=base.fixed + fixed,
                           functions=base.functions + functions,
                           states=base.states + tuple(states), macros=base.macros + macros), tuple(changes))


#: a letter defined as the objective's derivative by a summed input: s_i^m = \frac{\partial \hat F}{\partial n_i^m}
_SENSITIVITY = re.compile(r"^\s*([a-zA-Z])\s*(?:[_^]\s*(?:\{[^{}=]{0,16}\}|\w)\s*){0,2}(?::?=|\\equiv(?![A-Za-z]))\s*"
                          r"\\frac\s*\{\s*\\partial\s*"
                          r"(?:\\hat\s*)?[JLECF](?:\s*\([^()=]{0,20}\))?\s*\}\s*\{\s*\\partial\s*([a-zA-Z])(?![A-Za-z])")
#: the target t minus the output: (t - a), \mathbf{t}(k) - \mathbf{a}(k), t - o; or the output minus it: (a_5 - t)
#: a target letter with an entry: t_k, t_{n} (not the power t of Adam's β^t_1, ezalos' 1 - \beta^t_1)
_TARGET_LETTER = re.compile(r"(?<![A-Za-z\\^])t_")
#: the answer writes the output as ŷ (so y is the target): \hat y, \hat{\bm{y}}, \hat{\mathbf y}, y_{pred}
_HAT_Y = re.compile(r"\\hat\s*\{?\s*(?:\\(?:bm|mathbf|boldsymbol|vec)\s*\{?\s*)?y|haty|y_\{?pred|\u0177|y\u0302")  # (ŷ typed)
_TARGET_T = re.compile(r"(?<![A-Za-z\\^])(?<!\^\{)t\s*\}?\s*(?:\(\s*[kn]\s*\)\s*)?-\s*(?:\\mathbf\s*\{\s*)?(?:[ayo](?![A-Za-z])|h\^\{\()"
                       r"|(?<![A-Za-z\\^_])t\s*\^\s*(?:\\top|\{\s*(?:\\top|T)\s*\}|T(?![A-Za-z]))"  # Goto's one-hot t^T x^{(N)}
                       r"|(?<![A-Za-z\\])[ayoz]\s*(?:_\s*(?:\{\s*\w{1,3}\s*\}|\w))?\s*-\s*t(?![A-Za-z0-9_^{(])")  # UCSC's (a_5 - t)
#: one example's y against its t, both with the example's index: (y^{(i)} - t^{(i)}) (a blog's E = ½ Σ_{i=1}^{M}
#: (y^{(i)} − t^{(i)})²) — y the output and t the target, where nothing writes ŷ
_EXAMPLE_Y_T = re.compile(r"(?<![A-Za-z\\])(?:y\s*\^\s*\{\s*\(\s*([inmp])\s*\)\s*\}\s*-\s*t|t\s*\^\s*\{\s*\(\s*([inmp])\s*\)\s*\}\s*-\s*y)"
                          r"\s*\^\s*\{\s*\(\s*(?:\1|\2)\s*\)\s*\}")
#: an output unit's error as a plain difference, target first or last, one unit index on both: y_k - a_k (Russell &
#: Norvig's Err_k; not Han & Kamber's Err_j = O_j (1 - O_j)(T_j - O_j), a δ with its derivative)
_UNIT_ERROR_DEF = re.compile(r"^\s*(?:[tyd]\s*_\s*\{?\s*([a-z])\s*\}?\s*-\s*(?:[ao]|\\hat\s*\{?\s*y\s*\}?)\s*_\s*\{?\s*\1"
                             r"|(?:[ao]|\\hat\s*\{?\s*y\s*\}?)\s*_\s*\{?\s*([a-z])\s*\}?\s*-\s*[tyd]\s*_\s*\{?\s*\2)\s*\}?\s*[.,]?\s*$")
#: e defined as a rate by its complement, a result's error rate: e = 1 - a (a the accuracy)
_RATE_DEF = re.compile(r"^\s*1\s*-\s*[A-Za-z]\s*$")
#: an error vector's definition, the target minus the output (Hagan's e = t - a; y - \hat y; d - o), or the output
#: minus the target (smaxx73's e = \hat{y} - y, a - y, o - t): e is then the answer's error, not Euler's number
_ERROR_DEF = re.compile(r"^\s*(?:\\mathbf\s*\{\s*)?[tyd]\s*\}?\s*(?:\(\s*[kn]\s*\)\s*)?-\s*(?:\\mathbf\s*\{\s*)?"
                        r"(?:[ayo]|\\hat\s*\{?\s*y)"
                        r"|^\s*(?:\\hat\s*\{\s*(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*y\s*\}|y)\s*\}|\\hat\s*y|[ao])"
                        r"(?:\s*\^\s*\{\s*\(?\s*(?:\d|L)\s*\)?\s*\})?\s*-\s*"  # (Rojas's e = o^{(2)} - t: the output layer's)
                        r"(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*)?[ty]\s*\}?\s*$")
#: a left side with a layer superscript: n^m, n_i^m, u^{(2)}
#: the last layer named N in a layer script: x^{(N)}
#: a layer script with a letter, in brackets or parentheses: ^{[k]}, ^{(k-1)}, ^{[k+1]} -> (letter, offset)
_LETTER_LAYER = re.compile(r"\^\s*\{?\s*[\[(]\s*([A-Za-z])\s*([+-]\s*\d+)?\s*[\])]")


#: a letter in Ng's square layer brackets: ^{[i]}, ^{[i-1]}, ^{[i+1]}
_BRACKET_LAYER = re.compile(r"(?:\^\s*\{?|(?<![A-Za-z\\])d?[WZABb])\s*\[\s*([a-z])\s*(?:[+-]\s*\d+\s*)?\]")  # (a capital,
# CS229's [N], is the last; zgwl's plain W[i], A[i-1] on the line too: normalize._LINE_LAYER)


def _bracket_letter(text: str, depth: str | None) -> str | None:
    """The one lowercase letter other than l, k (and the last layer's letter) an answer writes in Ng's square layer
    brackets (MathsCode's i), when it writes brackets with letters; None when it writes none or several."""
    found = {m.group(1) for m in _BRACKET_LAYER.finditer(text)} - {"l", "k", "L", depth}
    return found.pop() if len(found) == 1 else None


def _prose_depth(judge, text: str) -> str | None:
    """The letter the document's prose names the number of layers by (document.depth_letter), when its claims use it
    as a layer script and never past it (``^{[k+1]}`` would be no layer): that letter is the last layer."""
    letter = getattr(judge, "depth_prose", None)
    if letter is None or letter == "L":  # (L is the last layer already)
        return None
    offsets = [m.group(2) for m in _LETTER_LAYER.finditer(text) if m.group(1) == letter]
    if not offsets or any(o and o.replace(" ", "").startswith("+") for o in offsets):
        return None
    return letter


#: the input defined as layer 1: a^{(1)} = x, \mathbf{h}^{(1)} = \mathbf{x}
_INPUT_IS_ONE = re.compile(r"(?<![A-Za-z\\])[ahz]\s*\}?\s*\^\s*\{?\s*\(\s*1\s*\)\s*\}?\s*=\s*"
                           r"(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*)?x(?![A-Za-z])")
#: a weight 0 of a unit, its bias absorbed: w_{j0}, w_{j,0}, w^{(k)}_{\ell 0} (DHS, Efron & Hastie)
_WEIGHT_ZERO = re.compile(r"(?<![A-Za-z\\])w\s*(?:\^\s*\{[^{}]{0,10}\}\s*)?_\s*\{\s*(?:[a-z]|\\ell)\s*,?\s*0\s*\}")
#: one example's loss defined with the example's index on its arguments: L(y_i, \hat{y_i}) =, L(\hat{y}^{(i)}, y^{(i)}) =
#: (normalised: \hat{y} is \haty)
_EXAMPLE_L = re.compile(r"^\s*L\s*\(\s*(?:\\?haty|y|a)\s*(?:_\s*\{?\s*[a-z]\s*\}?|\^\s*\{\s*\(\s*[a-z]\s*\)\s*\})\s*,\s*"
                        r"(?:\\?haty|y|a)\s*(?:_\s*\{?\s*[a-z]\s*\}?|\^\s*\{\s*\(\s*[a-z]\s*\)\s*\})\s*\)\s*=")
#: the cost as the mean or sum of it over the examples: C = \frac{1}{m} \sum_{i=1}^{m} L(…), J = \sum_i L(…)
_MEAN_OF_L = re.compile(r"(?<![A-Za-z\\])[CJE]\s*=\s*(?:\\[dt]?frac\s*\{\s*1\s*\}\s*\{\s*[mnN]\s*\}\s*)?(?:\\displaystyle\s*)?"
                        r"\\sum(?:[^=]|=\s*[01](?![0-9]))(?:[^=]|=\s*[01](?![0-9])){0,39}?(?<![A-Za-z\\])L\s*\(")
#: the number of layers defined as a capital letter's value, apart: K = 3 (not L: the last layer already)
_DEPTH_DEF = re.compile(r"(?<![A-Za-z\\_^{])([A-KM-Z])\s*=\s*(\d)(?![\d.])")
_LAST_N = re.compile(r"\^\s*\{\s*\(\s*N\s*\)\s*\}")
#: a weight matrix (capital W, bold or not) named by the output it gives: W_y, \boldsymbol{W}_y, W_{hy} (not w_y, a
#: class's row in softmax regression)
#: the output's and the hidden layer's quantities named by a superscript o and h: w^o_{kj}, \delta^{h}_j, net^o_k (or the
#: subscript first: Freeman & Skapura's w_{kj}^o, net_{pj}^h)
_ROLE_LETTER_SCRIPTS = tuple(re.compile(r"(?<![A-Za-z\\])(?:[wWbza]|net|\\delta)\s*(?:_\s*(?:\{[^{}]{0,8}\}|\w)\s*)?\^\s*(?:\{\s*"
                                        + x + r"\s*\}|" + x
                                        + r"(?![A-Za-z]))") for x in ("o", "h"))
#: a quantity with a generic layer first and an offset (or L) before a comma: a_{l-1,i}, \omega_{l+1,j,k}, a_{L,j}
_LAYER_FIRST = re.compile(r"(?<![A-Za-z\\])(?:[azwWbhxy]|net|\\omega)\s*_\s*\{\s*(?:[lL]\s*[+-]\s*1|L)\s*,\s*[a-z]")
#: a hidden layer's weights numbered after an h, in a network of two hidden layers or more: W_{h1}, \mathbf{W}_{h2}
_HIDDEN_NUMBERED = re.compile(r"(?<![A-Za-z\\])W\s*\}?\s*_\s*\{\s*h\s*[1-9]\s*\}")
#: a layer named by a word in a script: W_{out}, \delta^{hidden}, z_{\text{output}}
_ROLE_SCRIPT = r"\{\s*(?:\\(?:text|mathrm)\s*\{\s*)?\\?(?:out|output|hid|hidden)\s*\}"  # (normalised: \text{out} is \out)
#: a weight or bias named by its role, W_{out}, b_{hidden}: beside W_2 the role may be a third layer (a δ_{out} beside
#: numbered weights is the output's, whatever the numbers: Netlab's δ_out with W_1, W_2)
_ROLE_WEIGHT = re.compile(r"(?<![A-Za-z\\])[Wb]\s*\}?\s*[_^]\s*" + _ROLE_SCRIPT)
#: a weight or bias numbered in a script: W_2, b_{2}, \mathbf{W}_2, W^{(2)}, b^{[2]} -> the number
#: a weight matrix with a digit as its superscript, W^1, W^{2} (a plain-text answer's W¹, W²): not after a norm's bar
#: or another script (‖W‖^2, W_{ij}^2 are squares)
_WEIGHT_POWER = re.compile(r"(?<![A-Za-z\\|])W\s*\^\s*\{?\s*([1-9])\s*\}?(?![0-9])(?!\s*[_^])")
_NUMBERED_LAYER = re.compile(r"(?<![A-Za-z\\])[Wb]\s*\}?\s*(?:_\s*\{?|\^\s*\{?\s*[(\[])\s*(\d)(?![\d.])")
#: the output layer's weights named by the two layers they join: W_{ho}, W_{oh}, \mathbf{W}_{hy}
_OUTPUT_PAIR = re.compile(r"(?<![A-Za-z\\])W\s*\}?\s*_\s*\{\s*(?:ho|oh|hy|yh)\s*\}")
_W_OF_Y = re.compile(r"(?<![A-Za-z\\])W\s*\}?\s*_\s*(?:\{\s*h?\s*y\s*\}|y)(?![A-Za-z_])")
#: a tilde letter with a layer defined: \tilde x^{(l)} = … (normalize's spelling \tildex)
_TILDE_DEF = re.compile(r"^\s*\\tilde([a-z])\s*\^\s*(?:\{[^{}]{0,12}\}|\w)\s*=")
_LAYERED_LHS = re.compile(r"^\s*([A-Za-z])\s*(?:_\s*(?:\{[^{}]{0,12}\}|\w)\s*)?\^\s*(?:\{[^{}]{0,12}\}|\w)\s*"
                          r"(?:_\s*(?:\{[^{}]{0,12}\}|\w)\s*)?:?=")  # (its unit after the layer: Okatani's u^l_{j})
#: the output unit's summed input written term by term with its own letters: v_1 h_1 (+ …) and a bias c
_OUT_TERM = re.compile(r"(?<![A-Za-z\\])([a-zA-Z])_\{?\s*(\d)\s*\}?\s*(?:\\cdot\s*)?h_\{?\s*(\d)\s*\}?")
_OUT_CONST = re.compile(r"\+\s*([a-zA-Z])\s*$")
#: Ng's accumulator: \Delta^{(l)} := \Delta^{(l)} + …, \Delta_{ij}^{(l)} := \Delta_{ij}^{(l)} + …
_ACCUMULATE = re.compile(r"\\Delta\s*[_^][^=]{0,40}(?::=|\\coloneqq|\\leftarrow|\\gets)\s*\\Delta\s*[_^][^=+]{0,40}\+")
#: an activation letter of one unit: y_j = f(net_j), z_k = \sigma(net_k) -> (letter, unit, argument's unit)
_UNIT_ACTIVATION = re.compile(r"^\s*([a-z])_\{?\s*([a-z])\s*\}?\s*=\s*(?:(?:[fgh]|\\sigma|\\varphi|\\phi|\\tanh"
                              r"|\\" + _ACTIVATION_WORD + r")\s*\(\s*"  # (normalised: \mathrm{sigmoid} is \sigmoid)
                              r"(net|[a-z])_\{?\s*([a-z])\s*\}?\s*\)"
                              r"|\\frac\s*\{\s*1\s*\}\s*\{\s*1\s*\+\s*(?:e\s*\^\s*\{|\\exp\s*\()\s*-\s*(?P<s>net|[a-z])_\{?\s*(?P<u>[a-z])"
                              r"\s*\}?\s*[})]\s*\})"
                              r"\s*[.,]?\s*$")  # (or the logistic written out: Hinton's y_j = \frac{1}{1 + e^{-z_j}},
# or with \exp(-z_j))


#: a unit 0 of the input or of an activation: a_0, x_{0}, a_0^{(1)}, a^{(2)}_0
_UNIT_ZERO = re.compile(r"(?<![A-Za-z\\])[ax]\s*(?:\^\s*\{[^{}]{0,12}\}\s*)?_\s*\{?\s*0\s*\}?(?![0-9])")
#: the bias letter in a sum: b, b_j, b^{(l)}
_BIAS_LETTER = re.compile(r"(?<![A-Za-z\\])b(?![A-Za-z])")


#: B with a layer script (B^{(2)}, B^{[1]}, B_2) and B alone (a batch size, \frac{1}{B}; a set)
_CAPITAL_B = re.compile(r"(?<![A-Za-z\\])B\s*(?:\^\s*\{?\s*[(\[]|_\s*\{?\s*\d|\[\s*[0-9a-z])")  # (zgwl's B[i] on the line)
_BARE_B = re.compile(r"(?<![A-Za-z\\])B(?![A-Za-z])(?!\s*(?:\^\s*\{?\s*[(\[]|_\s*\{?\s*\d|\[\s*[0-9a-z]))")


#: the input's unit 0 fixed at 1 (CS229's and Ng's x_0 = 1, "the intercept term")
_INPUT_UNIT = re.compile(r"(?<![A-Za-z\\])x\s*_\s*\{?\s*0\s*\}?\s*(?:\^\s*\{?\s*\(\s*i\s*\)\s*\}?\s*)?=\s*1(?![0-9.])")


def _bias_unit(claims) -> bool:
    """Whether the answer carries its biases on a unit 0 fixed at 1 (Ng's and Raschka's a_0^{(l)} = 1, W with the bias
    as column 0), not counting its units from 0 (3Blue1Brown's a_0 is a neuron, with a bias b_j beside it): a claim
    says a_0 = 1, or a summed input is a sum over a_0, a_1, …, a_m with no bias term."""
    for c in claims:
        text = _normal(c.latex)
        for m in _UNIT_ZERO.finditer(text):
            if re.match(r"\s*(?:\^\s*\{[^{}]{0,12}\}\s*)?=\s*1(?![0-9.])", text[m.end():]):
                return True
        sides = _sides(text)
        if len(sides) == 2 and _UNIT_ZERO.search(sides[1]) and not _BIAS_LETTER.search(sides[1]) and re.match(
                r"\s*(?:z|net|n)(?![A-Za-z])", sides[0]) and re.search(r"\\[lc]?dots", sides[1]):
            # z_1 = a_0 w_{1,0} + a_1 w_{1,1} + … + a_m w_{1,m} (with every unit written out, a_0 … a_2, it counts from 0)
            return True
    return False


def _activation_letters(claims, depth: int):
    """A two-layer net whose hidden and output units have activation letters of their own (Duda-Hart-Stork's
    y_j = f(net_j) and z_k = f(net_k)): the output's is the one the target is compared with (t_k - z_k). Or one letter
    for both, the unit letter naming the layer (Haykin's y_j(n) = φ(v_j(n)), y_k(n) = φ(v_k(n)), e_k(n) = d_k(n) − y_k(n)):
    the unit compared with the target is the output's. Returns (hidden letter, output letter, unit_map) or None."""
    if depth != 2:
        return None
    found: dict = {}  # activation letter -> its unit letters, in the answer's order
    summed: set = set()  # the letters of the summed inputs it is applied to (net, Haykin's v)
    for c in definitions(claims):
        text = _normal(c.latex)
        m = _UNIT_ACTIVATION.match(drop_time_argument(text) if uses_time_argument(text) else text)
        unit, of = (m.group(4) or m.group("u"), m.group(3) or m.group("s")) if m else (None, None)
        if m and m.group(2) == unit and m.group(2) not in found.get(m.group(1), ()):
            found.setdefault(m.group(1), []).append(m.group(2))
            summed.add(of)
    text = " ".join(c.latex for c in claims)
    target = r"[td]" if len(found) == 1 else "t"

    def paired(x, unit):  # the target beside the letter's unit: t_k − z_k, d_k − y_k (or the other way round)
        return (re.search(rf"(?<![A-Za-z\\]){target}_\{{?\s*{unit}\s*\}}?(?:\s*\(\s*n\s*\))?\s*-\s*{x}_\{{?\s*{unit}", text)
                or re.search(rf"(?<![A-Za-z\\]){x}_\{{?\s*{unit}\s*\}}?(?:\s*\(\s*n\s*\))?\s*-\s*{target}_\{{?\s*{unit}", text))

    letter, units = next(iter(found.items())) if len(found) == 1 else (None, [])
    if len(units) == 1:
        # Hinton's y_j = σ(z_j) for a unit j of any layer, beside the output's t_k − y_k: the letter is every unit's
        paired_units = [u for u in "ijkl" if u != units[0] and paired(letter, u)]
        if len(paired_units) == 1 and re.search(rf"(?<![A-Za-z\\]){letter}_\{{?\s*{paired_units[0]}(?![A-Za-z])", text):
            units = [units[0], paired_units[0]]
    if len(units) == 2:  # Haykin's one letter y
        outputs = [u for u in units if paired(letter, u)]
        if len(outputs) != 1:
            return None
        hidden_unit = next(u for u in units if u != outputs[0])
        inputs = {m.group(1) for m in re.finditer(r"(?<![A-Za-z\\])x_\{?\s*([a-z])\s*\}?", text)} - set(units)
        if not inputs and (hidden_unit, outputs[0]) == ("j", "k") and re.search(rf"(?<![A-Za-z\\]){letter}_\{{?\s*i(?![A-Za-z])", text):
            inputs = {"i"}  # (Hinton's y_i: the letter's unit i below j, an input, where no x is written)
        unit_map = ((hidden_unit, 1), (outputs[0], 2)) + (((inputs.pop(), 0),) if len(inputs) == 1 else ())
        return (letter, letter, tuple(sorted(unit_map)), summed.pop()) if len(summed) == 1 else None
    if len(found) != 2 or any(len(v) != 1 for v in found.values()) or len({v[0] for v in found.values()}) != 2:
        return None
    found = {x: v[0] for x, v in found.items()}
    outputs = [x for x in found if paired(x, found[x])]
    if len(outputs) != 1:
        return None
    output = outputs[0]
    hidden = next(x for x in found if x != output)
    inputs = {m.group(1) for m in re.finditer(r"(?<![A-Za-z\\])x_\{?\s*([a-z])\s*\}?", text)} - set(found.values())
    unit_map = ((found[hidden], 1), (found[output], 2)) + (((inputs.pop(), 0),) if len(inputs) == 1 else ())
    return hidden, output, tuple(sorted(unit_map)), "net"


#: a bare letter's definition by a layer-numbered weight (z = h W_2 + b_2, z = W^{(2)} h + b^{(2)}) or an activation
#: of a layer-numbered quantity (h = ReLU(a_1), h = \sigma(z^{(1)}))
_BARE_AFFINE = re.compile(r"^\s*([zhaZHA])\s*(?:\^\s*\{\s*\(\s*[in]\s*\)\s*\}\s*)?"  # (h^{(i)}: example i's)
                          r"=[^=]*?(?<![\\])W\s*(?:_\s*\{?\s*(\d)|\^\s*\{?\s*\(\s*(\d)\s*\)|(\d)(?![0-9]))")  # (plain W2 too)
_BARE_APPLIED = re.compile(r"^\s*([zhaZHA])\s*=\s*(?:\\[A-Za-z]+|[fg]|ReLU|relu|\\max)\s*\(\s*(?:0\s*,\s*)?[a-zA-Z]\s*"
                           r"(?:_\s*\{?\s*(\d)|\^\s*\{?\s*\(\s*(\d)\s*\)|(\d)(?![0-9]))")


#: the output, ŷ, defined as an activation of a bare z: \hat y = \mathrm{softmax}(z), \hat{\mathbf y} = σ(\mathbf z)
_OUTPUT_APPLIED = re.compile(r"^\s*\\haty\s*=\s*(?:\\softmax|softmax|\\sigma|\\varphi|\\phi|\\tanh|g|f)\s*\(\s*z\s*\)\s*$")


def _bare_letter_layers(claims, depth: int = 0) -> tuple:
    r"""Letters the answer writes without a layer, with the layer their own definition gives them (Malik's a_1 =
    X W_1 + b_1, h = ReLU(a_1), z = h W_2 + b_2: h is layer 1's, z layer 2's; ``\hat y = \mathrm{softmax}(z)``: z is
    the last layer's, ``depth``). Only letters defined once so."""
    found: dict[str, set] = {}
    fed: dict[str, set] = {}  # the layer a letter must be to feed W_n (z_2 = h W_2 + b_2: h is layer 1's)
    for c in claims[:2000]:
        m = _OUTPUT_APPLIED.match(_normal(c.latex)) if depth and len(c.latex) <= 200 else None
        if m:
            found.setdefault("z", set()).add(depth)
    for c in definitions(claims):
        text = _normal(c.latex)
        m = _BARE_AFFINE.match(text) or _BARE_APPLIED.match(text)
        if m and (m.group(4) is None or not depth or 1 <= int(m.group(4)) <= depth):  # (Mazur's W5 is no layer)
            found.setdefault(m.group(1), set()).add(int(m.group(2) or m.group(3) or m.group(4)))
        for f in (_ROW_INPUT.search(text), _COLUMN_INPUT.search(text)):
            if f:
                fed.setdefault(f.group("letter"), set()).add(int(f.group("layer")) - 1)
    # a definition its own uses contradict (a planted h = σ(z_2) beside z_2 = h W_2 + b_2) binds nothing
    return tuple(sorted((k, v.pop()) for k, v in found.items() if len(v) == 1 and not (fed.get(k, v) - v)))


#: a bare letter feeding a layer's weights, as a row (h W_2) or a column (W_2 h, W_2^T h)
_ROW_INPUT = re.compile(r"=\s*(?P<letter>[ha])\s*(?:\\cdot\s*)?W\s*(?:_\s*\{?\s*)?(?P<layer>\d)")
_COLUMN_INPUT = re.compile(r"=\s*W\s*(?:_\s*\{?\s*)?(?P<layer>\d)\s*\}?\s*(?:\^\s*\{?\s*T\s*\}?\s*)?(?:\\cdot\s*)?"
                           r"(?P<letter>[ha])(?![A-Za-z_^])")

_ACCUMULATE_PENALTY = re.compile(r"\\Delta\s*[_^][^=]{0,40}(?::=|\\coloneqq|\\leftarrow|\\gets)\s*\\Delta\s*[_^][^=+]{0,40}\+"
                                 r"\s*\\lambda")
#: the input named by its own letter: a^0 = p, h^{(0)} = u
#: O or o with a unit letter as the subscript (the capital read as the letter where both are written: capital_o)
_O_UNIT = re.compile(r"(?<![A-Za-z\\])([Oo])\s*_\s*(?:\{\s*[a-z]\s*\}|[a-z](?![A-Za-z]))")
#: the error e written as a function of the weights (LFD's e(w), e_n(\mathbf{w}), e(\theta)), and differentiated
_ERROR_OF_WEIGHTS = re.compile(r"(?<![A-Za-z\\])e\s*(?:_\s*\{?\s*n\s*\}?\s*)?\(\s*(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*)?"
                               r"(?:w|W|\\theta)\s*\}?\s*\)")
_PARTIAL_E = re.compile(r"\\partial\s*e(?![A-Za-z])")
#: e defined as an error signal (Haykin's e_j = d_j - y_j, e = \hat y - y): not the objective
_ERROR_SIGNAL_E = re.compile(r"(?<![A-Za-z\\])e\s*(?:_\s*(?:\{[^{}]{0,10}\}|\w)\s*)?(?:\([^()=]{0,10}\)\s*)?(?::=|=)\s*"
                             r"(?:\\(?:hat|mathbf|bm|boldsymbol)\s*\{?\s*)?[A-Za-z]\s*\}?\s*(?:[_^]\s*(?:\{[^{}]{0,10}\}|\w)\s*)*"
                             r"(?:\([^()]{0,6}\)\s*)?-")
_INPUT_NAMED = re.compile(r"^\s*[ahz]\s*\^\s*\{?\s*\(?\s*0\s*\)?\s*\}?\s*=\s*([A-Za-z])\s*$")
#: a letter written bare defined as the output layer's: a = a^M, a = a^{(L)}
#: y defined as the output layer's activation: y := a_L, y = a^{(L)}, y = h^{[L]} (L, M or the spec's last number)
#: CS231n's probabilities: p_k, p_j, p_{y_i} (an entry of p by a class or the label)
_PROBABILITY = re.compile(r"(?<![A-Za-z\\])p\s*_\s*(?:\{\s*)?(?:[jk](?![A-Za-z])|y\s*_)")
#: p_k defined as the softmax of the summed input: p_k = \frac{e^{z_k}}{\sum_j e^{z_j}} (as written or normalised)
_P_SOFTMAX_OF_Z = re.compile(r"(?<![A-Za-z\\])p\s*_\s*\{?\s*([jk])\s*\}?\s*=\s*\\frac\s*\{\s*e\s*\^\s*\{\s*z\s*_\s*\{?\s*\1")
#: a definition of p opening a claim: its right side follows (\mathbf{p} = …, p_j = …)
_P_DEFINED = re.compile(r"\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*)?p\s*\}?\s*(?:_\s*(?:\{[^{}]{0,12}\}|\w))?\s*=\s*")
#: a right side that lists p's entries (a worked example's numbers, the classes' names): [0.9, 0.1], [P_{edge}, …]
_LISTING = re.compile(r"\s*(?:\\left\s*)?\[|\s*\\begin\s*\{[bp]?matrix\}")
#: a number: one entry's value (p_{correct} = 0.99), a drop probability's (p = 0.5)
_NUMBER_RIGHT = re.compile(r"\s*-?\s*\d")
_SOFTMAX_RIGHT = re.compile(r"\s*\\frac\s*\{\s*(?:e\s*\^|\\exp)")


def _other_p(claims) -> bool:
    """p defined as something other than a softmax (a dropout probability p = 0.5, p = \\sigma(z)): not the output.
    The answer's last definition counts (Snow's naive p_j = z_j / Σ_k z_k, then "instead" the softmax one); a listing
    of p's entries (\\mathbf{p} = [0.9, 0.1]) and one entry's number (p_{correct} = 0.99) define nothing; p alone given
    a number (p = 0.5) is another p."""
    last = None
    for c in list(claims)[:2000]:
        m = _P_DEFINED.match(c.latex)
        if m is None or _LISTING.match(c.latex, m.end()):
            continue
        if _NUMBER_RIGHT.match(c.latex, m.end()):
            if "_" in c.latex[:m.end()]:
                continue  # (one entry's value)
            last = False
            continue
        last = bool(_SOFTMAX_RIGHT.match(c.latex, m.end()))
    return last is False


#: an activation applied to y with a layer's digit: max(0, y_1), \sigma(y_2), ReLU(y_{1}) (y is then a summed input)
_OF_LAYERED_Y = re.compile(r"(?:\\?max\s*\(\s*0\s*,\s*|(?:\\(?:sigma|tanh|varphi|phi)|\\(?:operatorname|text|mathrm)\s*\{\s*\w+\s*\}"
                           r"|relu|ReLU|sigmoid|[fg])\s*\(\s*)y\s*_\s*\{?\s*\d\s*\}?\s*\)")


def _summed_y(claims) -> bool:
    """Whether the answer's forward definitions apply an activation to y with a layer's digit (``h_1 = max(0, y_1)``):
    then y, which it defines as an affine map of weights, is each layer's summed input, not the output (Bishop's y_k)."""
    return any(_OF_LAYERED_Y.search(_normal(c.latex)[:2000]) for c in definitions(claims))


_Y_IS_OUTPUT = re.compile(r"^\s*y\s*:?=\s*[ah]\s*(?:_\s*\{?\s*[LM]\s*\}?|\^\s*\{?\s*[(\[]?\s*[LM]\s*[)\]]?\s*\}?)\s*$")
#: θ added to a weighted sum of w's in a definition (MacKay's \sum_j w_{ij}^{(2)} h_j + \theta_i^{(2)}, w^T x + \theta):
#: the bias (a threshold subtracted, Mehlig's - \theta_j, is minus the bias: not read so)
_THETA_ADDED = re.compile(r"(?<![A-Za-z\\])w\s*[_^][^=+]{0,60}\+\s*\\theta(?![A-Za-z])|\\theta\s*(?:[_^]\s*(?:\{[^{}]{0,12}\}|\w)\s*){0,2}"
                          r"\+\s*\\sum[^=+]{0,40}(?<![A-Za-z\\])w\s*[_^]")
#: a bare b added to a numbered weight's product in a definition: W_1 x + b, W^{(1)} x + b, x W_1 + b (-> the number)
_BARE_B_BESIDE = re.compile(r"(?<![A-Za-z\\])W\s*\}?\s*(?:_\s*\{?\s*(\d)\s*\}?|\^\s*\{\s*[(\[]\s*(\d)\s*[)\]]\s*\})[^=+$]{0,40}\+\s*"
                            r"(?:\\mathbf\s*\{\s*)?b\s*\}?(?![A-Za-z_^])")
#: a unit's net input on a claim's left side: net_j =, net_{pj} = (a word, which ``definitions`` does not take)
_NET_LEFT = re.compile(r"\s*net\s*_\s*(?:\{[^{}=]{0,8}\}|\w)\s*(?:\^\s*(?:\{[^{}=]{0,8}\}|\w)\s*)?=")
#: θ written as a weight: with two indices (θ_{jk}), transposed or a vector of parameters beside x (θ^T x)
_THETA_WEIGHT = re.compile(r"\\theta\s*(?:\^\s*\{?\s*\(?\w{1,3}\)?\s*\}?\s*)?_\s*\{\s*\w\s*,?\s*\w\s*\}|\\theta\s*\^\s*\{?\s*(?:T|\\top)")
#: a hatted letter defined as an activation applied: \hat p_i = \sigma(w^T x_i + b), \hat p = \softmax(z) (normalised)
_HATTED_OUTPUT = re.compile(r"^\s*\\hat([a-zA-Z])\s*(?:_\s*\{?\s*[a-z]\s*\}?\s*)?=\s*\\(sigma|sigmoid|softmax|tanh)\s*\(")
#: δ defined as minus a derivative: δ_j = -\frac{\partial E}{\partial net_j}, or with a slash, -\partial E / \partial v_j(n)
#: (DHS's sensitivity, Haykin's local gradient; round 51's variant audit: the slash form turned 5 right claims incorrect)
_MINUS_DERIVATIVE_DELTA = re.compile(r"\\delta[^=]{0,40}=\s*-\s*(?:\\frac\s*\{\s*\\partial|\\partial[^=/]{1,40}/\s*\\partial)")
#: δ defined with the target first, (d_j − y_j), (t_k − o_k), (y − \hat y): minus the derivative (Mitchell)
_TARGET_FIRST_DELTA = re.compile(r"\\delta\s*(?:\^\s*\{?\s*o\s*\}?\s*)?(?:_\s*\{?\s*[jk]\s*\}?\s*)?(?:\^\s*\{?\s*o\s*\}?\s*)?"
                                 r"(?:\(\s*n\s*\)\s*)?=\s*[(\[]"
                                 r"\s*(?:[dt]\s*_\s*\{?\s*[jk]\s*\}?\s*(?:\(\s*n\s*\)\s*)?-\s*[yo]\s*_"
                                 r"|y\s*_\s*\{?\s*[jk]\s*\}?\s*-\s*o\s*_"  # (Freeman & Skapura's δ_{pk}^o = (y_{pk} − o_{pk}) …)
                                 r"|y\s*-\s*\\hat\s*\{?\s*y)")  # (Udacity's δ = (y − ŷ) f'(h): the target y first;
# Haykin's δ_j(n) = [d_j(n) − o_j(n)] o_j(n)[1 − o_j(n)], his time argument n)
#: Mitchell's δ_k = o_k(1 − o_k)(t_k − o_k): the slope first, the target first in the difference after it (a unit numbered
#: across the network too, Huddar's δ_5 = O_5(1 − O_5)(t − O_5), the target t, target or y_{target}; Kriesel's
#: δ_h = f'_{act}(net_h) \cdot (t_h − y_h): any unit letter, a product sign before the difference)
_TARGET_LAST_DELTA = re.compile(r"\\delta\s*(?:\^\s*\{[^{}]{0,8}\}\s*)?_\s*\{?\s*(?:[a-z]|\d{1,2})\s*\}?\s*=\s*[^=()]{0,30}\([^=()]{0,30}\)"
                                r"\s*(?:\\cdot\s*|\\times\s*)?\(\s*"  # (Kubat's δ^{(1)}_i = y_i(1 − y_i)(t_i − y_i): unit i)
                                r"(?:[dt]\s*_\s*\{?\s*(?:[a-z]|\d{1,2})\s*\}?|t(?![A-Za-z_^])|target(?![A-Za-z_])|y\s*_\s*\{\s*"
                                r"(?:target|t)\s*\})\s*-\s*[yoO]\s*_")
#: Haykin's error signal defined target first, e_j(n) = d_j(n) − y_j(n), and his δ made of it, δ_j(n) = e_j(n) φ'_j(v_j(n))
_ERROR_TARGET_FIRST = re.compile(r"(?<![A-Za-z\\])e\s*_\s*\{?\s*j\s*\}?\s*(?:\(\s*n\s*\)\s*)?=\s*d\s*_\s*\{?\s*j")
_DELTA_OF_ERROR = re.compile(r"\\delta\s*_\s*\{?\s*j\s*\}?\s*(?:\(\s*n\s*\)\s*)?=\s*e\s*_\s*\{?\s*j")
#: the step added with a positive rate and δ: Δw_{ij} = η δ_j x_i (no minus before the rate)
PLUS_STEP = re.compile(r"\\Delta\s*[wW]\s*_\s*\{?[a-z0-9,\s]{1,4}\}?\s*(?:\(\s*n\s*\)\s*)?=\s*\\(?:eta|alpha)\s*"
                       r"(?:(?:\\[,;]|\*|\\cdot|\\times)\s*)?(?:[a-z]\s*_\s*\{?\s*[a-z0-9]{1,2}\s*\}?\s*(?:(?:\\cdot|\\times)\s*)?)?"
                       r"\\delta")  # (Haykin's Δw_{ji}(n) = η δ_j(n) y_i(n); Kriesel's Δw_{k,h} = η o_k δ_h, the input first)
#: the same added in an assignment: w_{j,k} \leftarrow w_{j,k} + \alpha \times a_j \times \Delta_k (Russell & Norvig)
_PLUS_ASSIGNED = re.compile(r"(?:\\leftarrow|\\gets|:=)\s*w\s*(?:\^\s*\{[^{}]{0,8}\}\s*)?_[^=+]{0,20}\+\s*\\(?:alpha|eta)[^=]{0,40}?"
                            r"\\[Dd]elta")  # (Kubat's w^{(1)}_{ij} := w^{(1)}_{ij} + η δ^{(1)}_i h_j)
#: the same written with the iteration: w_{kj}^o(t+1) = w_{kj}^o(t) + \eta \delta_{pk}^o i_{pj} (Freeman & Skapura)
_PLUS_NEXT = re.compile(r"(?<![A-Za-z\\])w\s*(?:[_^]\s*(?:\{[^{}]{0,8}\}|\w)\s*){0,2}\(\s*t\s*\+\s*1\s*\)\s*=\s*w[^=+]{0,30}?"
                        r"\(\s*t\s*\)\s*\+\s*\\(?:eta|alpha)\s*\\delta")
#: the error of an output unit defined target first (Err_k = y_k - a_k) and Δ_k made from it (Δ_k = Err_k × g'(in_k))
_ERR_TARGET_FIRST = re.compile(r"Err\s*_\s*\{?\s*[jk]\s*\}?\s*=\s*[tyd]\s*_")
_DELTA_OF_ERR = re.compile(r"\\Delta\s*_\s*\{?\s*[jk]\s*\}?\s*=\s*Err\s*_")
#: the desired output d_k, d_j beside the output y_k: (y_k - d_k), (d_j - y_j)
_TARGET_D = re.compile(r"(?<![A-Za-z\\])(?:y\s*_\s*\{?\s*[jkn]\s*\}?\s*(?:\(\s*n\s*\)\s*)?-\s*d\s*_"
                       r"|d\s*_\s*\{?\s*[jkn]\s*\}?\s*(?:\(\s*n\s*\)\s*)?-\s*y\s*_)")  # (Haykin's d_k(n) − y_k(n))
#: z defined as a function applied to another letter with the same scripts: z_j^{(l)} = f(u_j^{(l)}) (normalised)
_OWN_ACTIVATION_LHS = re.compile(r"^\s*(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*)?([zxy])\s*\}?\s*[_^][^=]{0,30}$")
_OF_OWN = re.compile(r"^\s*(?:[fgh]|\\sigma|\\varphi|\\phi|\\theta|\\?(?:tanh|sigmoid|relu|ReLU))\s*(?:_\s*(?:\{\s*\w\s*\}|\w)\s*"
                     r"|\^\s*\{\s*\(\s*\w\s*\)\s*\}\s*)?"
                     r"(?:\\left\s*)?\(\s*(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*)?([A-Za-z])\s*\}?\s*[_^][^=]{0,30}\)\s*$")
#: y written with a layer as its superscript (y^l, y_j^{l-1}, y^{(l)}, \bm{y}^{L}, y^{2}_{k}): an activation's letter
_Y_LAYERED = re.compile(r"^\s*(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*)?y\s*\}?\s*(?:_\s*(?:\{[^{}]{0,8}\}|\w)\s*)?\^\s*\{?\s*\(?\s*"
                        r"(?:[lLk]|\d)(?![A-Za-z])")
#: y with no script after it, not under a hat or tilde: the target (or the output) named y, not a layer's activation
_Y_UNSCRIPTED = re.compile(r"(?<![A-Za-z\\])(?<!\\hat)(?<!\\tilde)y(?![A-Za-z_^])(?!\s*\}\s*[_^])")


def _output_unstated(claims, letter: str, declared) -> bool:
    """kurekagura's notes: z^l_j = φ(u^l_j) the activation of every layer (the output's z^L too), E = 1/N Σ_i (y_i −
    ŷ_i)² with y and ŷ side by side, and no formula that says which of the two is z^L (a sentence does: 出力層の z^L_j
    は y_j — the output is y, ŷ the target). Then a claim in y or ŷ is read on a guess: the convention's ŷ-is-the-output
    reverses its sign. Only where the answer defines neither letter (no ŷ = …, y = …) and names its output with its own
    layer letter (its activation of every layer, z^l = φ(u^l))."""
    if {"y", "yhat", "haty"} & set(declared):
        return False
    texts = [_normal(c.latex) for c in claims if len(c.latex) <= 2000]
    if not any(_HAT_Y.search(t) for t in texts) or not any(re.search(r"(?<![A-Za-z\\])y(?![A-Za-z])", _HAT_Y.sub(" ", t))
                                                             for t in texts):
        return False
    defines = re.compile(r"^\s*(?:\\hat\s*\{?\s*y|y(?![A-Za-z]))[^=]{0,20}=")
    if any(defines.match(t) for t in texts):
        return False
    return letter not in ("y", "h", "a")  # (an own letter of every layer's activation: the output's too, z^L)


#: x with a layer number defined as an activation of the layer before's x: x_1 = σ(W_1 x_0 + b_1), x_{2} = f(W_2 x_1)
_X_LAYER_DEF = re.compile(r"^\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*)?x\s*\}?\s*_\s*\{?\s*([1-9])\s*\}?\s*=\s*"
                          r"(?:\\sigma|\\phi|\\varphi|\\tanh|[fgh]|\\?(?:relu|ReLU|sigmoid|tanh))\s*(?:_\s*\{?\s*\d\s*\}?\s*)?"
                          r"(?:\\left\s*)?\(\s*(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*)?W\s*\}?\s*_\s*\{?\s*\1\s*\}?\s*(?:\\cdot\s*)?"
                          r"(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*)?x\s*\}?\s*_\s*\{?\s*(\d)\s*\}?")


#: a weight matrix with a layer number, W_2, \mathbf{W}_{1} (a capital W and one digit)
_LAYER_MATRIX = re.compile(r"(?<![A-Za-z\\])W\s*\}?\s*_\s*\{?\s*[1-9]\s*\}?(?![0-9])")
#: a unit's output defined by its number as an activation of a weighted sum of numbered units: n_8 = σ(w_{48} n_4 + …)
_UNIT_OUTPUT_DEF = re.compile(r"^\s*([A-Za-z])\s*_\s*\{?\s*[1-9]\s*\}?\s*=\s*(?:\\sigma|\\phi|\\varphi|f|g|\\tanh)\s*"
                              r"(?:\\left\s*)?\(\s*[wW]\s*_\s*\{?\s*[1-9]\s*,?\s*[1-9]\s*\}?\s*(?:\\cdot\s*)?\1\s*_\s*\{?\s*[1-9]")


def _y_layers(claims, declared) -> tuple | None:
    """CMU 11-785's letters: y defined, with its layer written, as a function of z of the same layer (``y_j^{(k)} =
    f_k(z_j^{(k)})``) and never written bare (a bare y would be the target): (the bases y → h, Y → ŷ and, where the
    answer writes d with a subscript, d → the target; whether d is) — None otherwise."""
    if declared & {"y", "Y"} or not any(_activation_of_own(_normal(c.latex), ("z",)) == "y"
                                        for c in claims[:2000] if len(c.latex) <= 400):
        return None
    texts = [_normal(c.latex) for c in claims[:2000] if len(c.latex) <= 2000]
    if any(_Y_UNSCRIPTED.search(t) for t in texts):
        return None
    desired = "d" not in declared and any(re.search(r"(?<![A-Za-z\\])d\s*_", t) for t in texts)
    return (("y", "h"), ("Y", "yhat")) + ((("d", "y"),) if desired else ()), desired


def _x_layers(claims, depth: int) -> bool:
    """Whether the answer defines x_l, for some layer l of the network, as the activation of W_l x_{l-1} (+ b_l): its x
    with a number is a layer's output, x_0 the input (Suresh & Sardana's lecture, LeCun's x_n) — unless a claim that
    writes the weights also writes a bare x (then x may be the input too, and the reading is not certain)."""
    found = False
    for c in claims[:2000]:
        if len(c.latex) > 400:
            continue
        text = _normal(c.latex)
        m = _X_LAYER_DEF.match(text)
        if m and 1 <= int(m.group(1)) <= depth and int(m.group(2)) == int(m.group(1)) - 1:
            found = True
        if _WEIGHT.search(text) and _BARE_X.search(text):
            return False
    return found


#: a letter numbered as a link of a chain, on a definition's left side: Murphy's \mathbf{x}_3 (-> letter, number)
_CHAIN_LEFT = re.compile(r"\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*)?([a-z])\s*\}?\s*_\s*\{?\s*([1-9])\s*\}?\s*")
#: a numbered weight on a right side: W_1, \mathbf{W}_2, W^{(1)}, \theta_2 (-> its number)
_CHAIN_WEIGHT = re.compile(r"(?<![A-Za-z\\])(?:W|\\theta|\\Theta)\s*\}?\s*(?:_\s*\{?\s*([1-9])|\^\s*\{\s*\(\s*([1-9])\s*\)\s*\})")
#: a link's own map applied to the link before: f_1(\mathbf{x}_1) (-> map letter, its number, the link's letter, number)
_CHAIN_MAP = re.compile(r"\s*([fg])\s*_\s*\{?\s*(\d)\s*\}?\s*\(\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*)?([a-z])\s*\}?\s*_\s*"
                        r"\{?\s*([1-9])\s*\}?\s*\)\s*")
#: an activation applied to one argument: φ(…), \sigma(…), \tanh(…), f_2(…), ReLU(…) (the argument checked apart)
_CHAIN_APPLIED = re.compile(r"\s*(?:\\varphi|\\phi|\\sigma|\\tanh|\\relu|\\sigmoid|relu|ReLU|[fgh])\s*(?:_\s*\{?\s*\d\s*\}?\s*)?"
                            r"(?:\\left\s*)?\(\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*)?([a-z])\s*\}?\s*_\s*\{?\s*([1-9])\s*\}?"
                            r"\s*(?:\\right\s*)?\)\s*[.,;]?\s*")


def chain_links(claims, depth: int) -> tuple | None:
    r"""An answer that numbers every quantity of the forward pass with one letter, as links of a chain (Murphy's
    *Probabilistic Machine Learning* §13.3: \mathbf{x}_2 = f_1(\mathbf{x}_1) = \mathbf{W}_1 \mathbf{x}_1 + \mathbf{b}_1,
    \mathbf{x}_3 = \varphi(\mathbf{x}_2), \mathbf{x}_4 = \mathbf{W}_2 \mathbf{x}_3 + \mathbf{b}_2; the input
    \mathbf{x}_1): each link defined from the one before it, by a layer's weights (a summed input) or by an activation
    applied to it (that layer's output). Returns the macros (link, quantity) — x_1 the input, x_2 z^{(1)}, x_3
    h^{(1)}, x_4 z^{(2)} — or None unless the links run unbroken from 2, the weights in order, with at least one
    activation, and as many weighted links as the network has layers."""
    links: dict = {}
    letters, maps = set(), set()
    for c in definitions(claims)[:2000]:
        if len(c.latex) > 400:
            continue
        sides = _sides(_normal(c.latex))
        m = _CHAIN_LEFT.fullmatch(sides[0]) if len(sides) >= 2 else None
        if not m:
            continue
        letter, n = m.group(1), int(m.group(2))
        kind = None
        for side in sides[1:]:
            if (f := _CHAIN_MAP.fullmatch(side)) and f.group(3) == letter and int(f.group(4)) == n - 1:
                maps.add(f"{f.group(1)}_{f.group(2)}")  # Murphy's f_1(x_1): the link's own map, not an activation
                continue
            w = _CHAIN_WEIGHT.search(side)
            before = re.search(rf"(?<![A-Za-z\\]){letter}\s*\}}?\s*_\s*\{{?\s*{n - 1}(?![0-9])", side)
            a = _CHAIN_APPLIED.fullmatch(side)
            if w and before and not a:
                kind = ("z", int(w.group(1) or w.group(2)))
            elif a and a.group(1) == letter and int(a.group(2)) == n - 1 and kind is None:
                kind = ("h", None)
        if kind is None or links.get(n, kind) != kind:
            return None
        links[n] = kind
        letters.add(letter)
    if len(letters) != 1 or not links or sorted(links) != list(range(2, max(links) + 1)):
        return None
    letter = letters.pop()
    macros, layer = [(f"{letter}_1", "x")], 0
    for n in sorted(links):
        kind, k = links[n]
        if kind == "z":
            layer += 1
            if k != layer:
                return None
            macros.append((f"{letter}_{n}", f"z^{{({layer})}}"))
        elif links.get(n - 1, ("h",))[0] != "z":
            return None  # (an activation of an activation, or of the input: not a layer's)
        else:
            macros.append((f"{letter}_{n}", f"h^{{({layer})}}"))
    if layer != depth or not any(kind == "h" for kind, _ in links.values()):
        return None
    return tuple(macros) + tuple((f, UNDEFINED) for f in sorted(maps))


#: x with no subscript (not a word's letter): \mathbf{x}, x (an input written bare)
_BARE_X = re.compile(r"(?<![A-Za-z\\])x(?![A-Za-z_])(?!\s*\}\s*_)")


def _activation_of_own(text: str, own) -> str | None:
    """The letter z or x defined as a function applied to one of the answer's own summed-input letters, with the same
    scripts: Okatani's ``z_j^{(l)} = f(u_j^{(l)})``, LFD's ``x_j^{(l)} = θ(s_j^{(l)})`` (on any side of a chain), else
    None."""
    sides = _sides(text)
    m = _OWN_ACTIVATION_LHS.match(sides[0]) if len(sides) > 1 else None
    if m is None or m.group(1) == "y" and not _Y_LAYERED.match(sides[0]):
        return None
    for side in sides[1:]:
        k = _OF_OWN.match(side)
        if k and k.group(1) in own:
            return m.group(1)
    return None
_OUTPUT_BARE = re.compile(r"^\s*([ah])\s*=\s*([ah])\s*\^\s*\{?\s*\(?\s*([LM]|\d)\s*\)?\s*\}?\s*$")
#: a layered quantity's bare superscript letter with an offset: W^{m+1}, \\mathbf{a}^{m-1}, \\delta^{k+1}
_BARE_LAYER = re.compile(r"(?:\\delta|\\Delta|(?<![A-Za-z\\])[A-Za-z]|\})\s*\^\s*\{\s*([a-z])\s*[+-]\s*1\s*\}")


def _bare_layer_letter(text: str) -> str | None:
    """The letter an answer writes its generic layer with, bare (no parentheses) and other than l: Hagan's m in
    W^{m+1} and a^{m-1}; Nisith's i in δ_i = δ_{i+1} W_{i+1}^T ReLU'(z_i), a subscript offset on δ (a δ is never
    numbered by time). None when no such letter is used with an offset, or several are."""
    found = {m.group(1) for m in _BARE_LAYER.finditer(text)} - {"l", "t", "i", "j", "n", "x"}
    if not found:
        found = {m.group(1) for m in _SUB_DELTA_LAYER.finditer(text)} - {"l", "t"}
    if not found:  # kgwilson's z_i = x_{i-1} @ W_i + b_i, W_{i-1}: a weight or bias numbered with an offset
        found = {m.group(1) for m in _SUB_PARAM_LAYER.finditer(text)} - {"l", "t"}
    if not found:  # Aggarwal's \overline{a}_k = W_k^T \overline{h}_{k-1}: a letter with an offset beside W_k
        found = {m.group(1) for m in _SUB_ANY_LAYER.finditer(text[:200_000])} - {"l", "t", "i", "j", "n", "x"}
        found = {k for k in found if re.search(r"(?<![A-Za-z\\])W\s*_\s*\{?\s*" + k + r"\s*\}?(?![A-Za-z+-])", text)}
    return found.pop() if len(found) == 1 else None


#: a weight or bias with a subscript letter and an offset, W_{i-1}, b_{i+1}: that letter numbers layers
_SUB_PARAM_LAYER = re.compile(r"(?<![A-Za-z\\])[Wb]\s*_\s*\{\s*([a-z])\s*[+-]\s*1\s*\}")
#: a layer's letter with subscript 0 defined as the input: \overline{h}_0 = \overline{x}, \vec{z}_0 = \vec{x}, h_0 = x
_INPUT_AT_ZERO = re.compile(r"(?:(?<![A-Za-z\\])|\\(?:overline|bar|vec|mathbf|boldsymbol|bm)\s*+\{\s*+)[ahz]\s*+\}?\s*+_\s*+"
                            r"\{?\s*+0\s*+\}?\s*+=\s*+(?:\\(?:overline|bar|vec|mathbf|boldsymbol|bm)\s*+\{\s*+)?x(?![A-Za-z_^])")
#: any letter (plain or decorated as a vector) with a subscript letter and an offset: \overline{h}_{k-1}, \vec{z}_{k+1}
_SUB_ANY_LAYER = re.compile(r"(?:(?<![A-Za-z\\])[A-Za-z]|\\(?:overline|bar|vec|mathbf|boldsymbol|bm)\s*+\{\s*+[A-Za-z]\s*+\})"
                            r"\s*+_\s*+\{\s*+([a-z])\s*+[+-]\s*+1\s*+\}")
#: the summed input of layer L computed from x of the layer before (kgwilson's z_i = x_{i-1} @ W_i + b_i): x is that
#: layer's output ("x_{i-1} is the output of the previous layer, or the input image for i = 1")
_X_BEFORE = r"(?<![A-Za-z\\])z\s*_\s*\{{?\s*{L}\s*\}}?\s*=[^=\n]*(?<![A-Za-z\\])x\s*_\s*\{{\s*{L}\s*-\s*1\s*\}}"


#: δ with a subscript letter and an offset, δ_{i+1}: that letter numbers layers
_SUB_DELTA_LAYER = re.compile(r"\\delta\s*_\s*\{\s*([a-z])\s*[+-]\s*1\s*\}")


#: a unit's summed input as a sum over the units feeding it: net_j = \sum_i w_{ji} x_i, v_j(n) = \sum_{i=0}^m w_{ji}(n) y_i(n)
_UNIT_SUM = re.compile(r"_\{?\s*([a-z])\s*\}?[^=]{0,24}=\s*(?:[bc]\s*_\s*\{?\s*[a-z]\s*\}?\s*\+\s*)?"  # (Stansbury's b_j + Σ_i …)
                       r"(?:(?:[fghs]|\\sigma|\\varphi|\\phi)\s*(?:\\left\s*)?\(\s*)?\\sum_\{?\s*([a-z])"
                       r"(?:\s*=\s*\d+)?[^=]*?(?<![A-Za-z\\])"
                       r"(?:w|\\theta|\\omega)_\{?\s*([a-z])\s*,?\s*([a-z])")


#: a unit's summed input written unit by unit with numbered weights: z_1 = w_{11} x_1 + w_{21} x_2 + b_1
_ENTRY_DEF = re.compile(r"(?<![A-Za-z\\])[zha]_\{?\d\}?\s*=\s*(?:[wW]_\{?\d\d\}?\s*(?:\\cdot\s*)?x_\{?\d\}?\s*\+\s*)+")
#: its terms w_{ab} x_c -> (a, b, c)
_ENTRY_TERM = re.compile(r"[wW]_\{?(\d)(\d)\}?\s*(?:\\cdot\s*)?x_\{?(\d)")


#: a unit's value as a sum over the units feeding it: z_i = \sum_j w_{ij} x_j, y_k = \sum_i w_{ki} h_i
_LETTER_SUM = re.compile(r"^\s*([A-Za-z])_\{?\s*([a-z])\s*\}?\s*=\s*\\sum_\{?\s*([a-z])\s*\}?(.*)$", re.S)


def letter_layers(claims) -> dict | None:
    r"""Which layer each unit letter names in a one-hidden-layer answer, from its own definitions: the letter summed
    over an input x_j is the input's (0), the unit it defines is one layer up (Grosse's z_i = \sum_j w_{ij} x_j + b_i:
    j input, i hidden; y_k = \sum_i w_{ki} h_i: k output). None when the definitions do not say, or disagree."""
    found: dict = {}
    for c in claims:
        if _DERIVATIVE.search(c.latex):
            continue
        m = _LETTER_SUM.match(c.latex)
        if not m:
            continue
        lhs, unit, var, rhs = m.groups()
        on = re.search(rf"(?<![A-Za-z\\])([A-Za-z])_\{{?\s*{var}\s*\}}?", rhs.replace("w_", "  ").replace("W_", "  "))
        if not on:
            continue
        src = 0 if on.group(1) in "xX" else 1 if on.group(1) in "hHzZa" else None
        if src is None:
            continue
        for letter, layer in ((var, src), (unit, src + 1)):
            if found.setdefault(letter, layer) != layer:
                return None
    return found if len(found) >= 2 else None


#: a layer's script inside braces: a letter or digit, or a role word (out, output, hid, hidden)
_ROLE_OR_LETTER = r"(?:out(?:put)?|hid(?:den)?|[a-z]|\d)"
#: a weight between two unit letters with its layer as a script: w_{ij}^{(l)}, w^{(2)}_{jk}, w^l_{ij}
_LAYERED_UNIT_WEIGHT = re.compile(r"(?<![A-Za-z\\])w\s*(?:_\s*\{\s*[a-z]\s*,?\s*[a-z]\s*\}\s*\^\s*(?:\{\s*\(?\s*" + _ROLE_OR_LETTER +
                                  r"(?:\s*[+-]\s*1)?\s*\)?\s*\}|[a-z0-9])|\^\s*(?:\{\s*\(?\s*" + _ROLE_OR_LETTER
                                  + r"(?:\s*[+-]\s*1)?\s*\)?\s*\}|[a-z0-9])\s*_\s*\{\s*[a-z]\s*,?\s*[a-z]\s*\})")


#: a weight between two unit letters without a layer script: w_{ji}(n), w_{kj} (not w^{(l)}_{ij}, not w_{ij}^{(l)})
_UNLAYERED_UNIT_WEIGHT = re.compile(r"(?<![A-Za-z\\])w\s*_\s*\{\s*[a-z]\s*,?\s*[a-z]\s*\}(?!\s*\^)")
#: net with a unit letter and a layer script: net_j^{(l)}, net^{(2)}_k
_LAYERED_NET = re.compile(r"(?<![A-Za-z\\])net\s*(?:_\s*\{?\s*[a-z]\s*\}?\s*\^|"
                          r"\^\s*\{?\s*\(?\s*" + _ROLE_OR_LETTER + r"\s*\)?\s*\}?\s*_\s*\{?\s*[a-z])")




def _unit_sums(claims, plain: bool = False):
    """The answer's forward definitions of a unit's summed input (net_j = \\sum_k w_{kj} o_k), each as (the unit's
    letter, the sum's letter, the weight's two letters as written); ``plain``: only those written without a layer
    script (not Thill's z_i^{(\\ell)} = \\sum_j w_{i,j}^{(\\ell)} a_j^{(\\ell-1)})."""
    for c in claims:
        if plain and (_LAYER_SCRIPT_ANY.search(c.latex) or not _FORWARD_LEFT.match(c.latex)):
            continue  # (plain: a forward quantity's sum only — not Han & Kamber's Err_j = Σ_k Err_k w_{jk}, backwards)
        m = None if _DERIVATIVE.search(c.latex) else _UNIT_SUM.search(c.latex)
        if m:
            yield m.groups()


#: a forward quantity's letter on the left of a unit's sum: y_i, z_j, net_j, a_j, h_j, o_j, v_j, x_j, u_i, I_j, O_j
_FORWARD_LEFT = re.compile(r"\s*(?:net|[yzahovxuIO])\s*_")
#: a layer written as a superscript: ^{(l)}, ^{[2]}, ^{(\ell)}, ^l, ^{L-1}
_LAYER_SCRIPT_ANY = re.compile(r"\^\s*\{?\s*(?:[(\[]|\\ell|[lL](?![A-Za-z]))")
#: ω with two unit letters, ω_{ji}, ω_{kj}: a weight between two units
_OMEGA_WEIGHT = re.compile(r"\\omega\s*_\s*\{\s*[a-z]\s*,?\s*[a-z]\s*\}")


#: a unit's summed input over its layer's weights written with a layer script: z^{(1)}_j = \sum_k w^{(1)}_{jk} x_k,
#: h^{(2)}_i = \sum_j W_{ij}^{(2)} h_j (unit letter, sum letter, the weight's two letters as written)
_LAYER_SUP = r"\^\s*(?:\{\s*\(?\s*(?:[a-z]|\d)(?:\s*[+-]\s*1)?\s*\)?\s*\}|[a-z0-9])"  # (^{(1)}, ^m, ^{(l-1)}: not ^{KJ})
_LAYERED_SUM = re.compile(r"_\s*\{?\s*([a-z])\s*\}?[^=]{0,30}=\s*(?:[bc]\s*_\s*\{?\s*[a-z]\s*\}?\s*\+\s*)?"
                          r"(?:(?:[fghs]|\\sigma|\\varphi|\\phi)\s*(?:\\left\s*)?\(\s*)?\\sum\s*_\s*\{?\s*([a-z])(?:\s*=\s*\d+)?[^=]*?"
                          r"(?<![A-Za-z\\])(?:[wW]|\\theta|\\omega)\s*(?:" + _LAYER_SUP + r"\s*_\s*\{\s*([a-z])\s*,?"
                          r"\s*([a-z])\s*\}|_\s*\{\s*([a-z])\s*,?\s*([a-z])\s*\}\s*" + _LAYER_SUP + r")")


#: a sum over the input's entries of a weight with a layer number: \sum_k w^{(2)}_{jk} x_k (the layer fed by x)
_INPUT_FED = re.compile(r"\\sum\s*_\s*\{?\s*([a-z])\s*\}?\s*(?:[wW]\s*\^\s*\{\s*\(\s*(\d)\s*\)\s*\}\s*_\s*\{\s*[a-z]\s*,?\s*[a-z]\s*\}"
                        r"|[wW]\s*_\s*\{\s*[a-z]\s*,?\s*[a-z]\s*\}\s*\^\s*\{\s*\(\s*(\d)\s*\)\s*\})\s*(?:\\cdot\s*)?x\s*_\s*\{?\s*\1(?![A-Za-z])")


#: a weight or bias with a layer number: W^{(2)}, \mathbf{W}^{[1]}, W_2, b^{(1)} (the number)
_NUMBERED_PARAM = re.compile(r"(?<![A-Za-z\\])(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*)?[Wwb]\s*\}?\s*"
                             r"(?:\^\s*\{?\s*[(\[]\s*(\d)\s*[)\]]|_\s*\{?\s*(\d)(?![0-9.,]))")


def _dense_numbering(net, text: str) -> tuple | None:
    """The spec's indices of its dense layers, when the answer numbers its weights and biases by the dense layers only
    around dropout or normalisation layers (d2l's h = ReLU(W^{(1)} x + b^{(1)}), h' the dropout's, ŷ = softmax(W^{(2)} h'
    + b^{(2)}); Ng's Z^{[1]} = W^{[1]} X + b^{[1]}, batch norm, A^{[1]}, then W^{[2]}): every number it gives a weight is
    a dense layer's ordinal, the last one's among them, and one of them names another kind of layer in the spec's
    numbering. None otherwise (residual blocks; a network that does not start with a dense layer)."""
    kinds = [layer.kind for layer in net.layers]
    if set(kinds) - {"dense", "dropout", "batchnorm", "layernorm"} or kinds[0] != "dense":
        return None
    dense = tuple(layer.index for layer in net.layers if layer.kind == "dense")
    numbers = {int(m.group(1) or m.group(2)) for m in _NUMBERED_PARAM.finditer(text[:200_000])}
    if not numbers or not numbers <= set(range(1, len(dense) + 1)) or len(dense) not in numbers:
        return None
    return dense if any(kinds[n - 1] != "dense" for n in numbers) else None


def _block_ends(net, dense: tuple) -> tuple:
    """For each dense layer (spec indices ``dense``), the layer whose output is its activation in a numbering by the
    weighted layers: the last of the normalisation layers right after it (Ng's A^{[1]} after batch norm), itself where a
    dropout or the next dense layer follows (d2l's h before its dropout h')."""
    kinds = {layer.index: layer.kind for layer in net.layers}
    ends = []
    for d in dense:
        end = d
        while kinds.get(end + 1) in ("batchnorm", "layernorm"):
            end += 1
        ends.append(end)
    return tuple(ends)


#: a bare activation letter set to the input: o = x, \mathbf{o} = \mathbf{x} (Rojas's input o)
_BARE_IS_INPUT = re.compile(r"\s*+(?:\\mathbf\s*+\{\s*+)?([oahyv])\s*+\}?\s*+=\s*+(?:\\mathbf\s*+\{\s*+)?x\s*+\}?[\s.,;]*+$")


def _bare_input(claims, text: str) -> str | None:
    """The letter an answer sets to the input with no layer (``o = x``) while writing it with a layer script elsewhere
    (``o^{(1)}_j``, ``o^{(2)}``: each layer's output): that letter without a layer is the input (Rojas, ch. 7)."""
    found = {m.group(1) for c in claims if len(c.latex) <= 40 and (m := _BARE_IS_INPUT.match(c.latex.replace("$", " ")))}
    if len(found) != 1:
        return None
    letter = found.pop()
    return letter if re.search(rf"(?<![A-Za-z\\]){letter}\s*(?:_\s*\{{?\s*[a-z]\s*\}}?\s*)?\^\s*\{{\s*\(\s*\d", text[:200_000]) else None


def _reversed_layers(claims) -> bool:
    """Whether the answer's own forward definitions number a two-layer network's layers from the output: the input's
    sum is over w^{(2)} and none over w^{(1)} (Kubat's h_j = f(\\sum_k w^{(2)}_{jk} x_k + b^{(2)}_j), y_i = f(\\sum_j
    w^{(1)}_{ij} h_j + …)): a forward definition, not a derivative."""
    fed = set()
    for c in claims:
        if len(c.latex) > 2000 or _DERIVATIVE.search(c.latex) or "=" not in c.latex:
            continue
        fed |= {m.group(2) or m.group(3) for m in _INPUT_FED.finditer(c.latex)}
    return fed == {"2"}


def layered_order(claims) -> str | None:
    """How the answer orders the unit letters of a weight written with a layer script, from its own definitions of a
    unit's summed input (``z^{(1)}_j = \\sum_k w^{(1)}_{jk} x_k``: ``target``; ``\\sum_i w^{(l)}_{ij} o_i``: ``source``):
    the order every such definition agrees on, else None."""
    orders = set()
    for c in claims:
        if len(c.latex) > 4000 or _DERIVATIVE.search(c.latex):
            continue
        m = _LAYERED_SUM.search(c.latex)
        if m is None:
            continue
        unit, index = m.group(1), m.group(2)
        p, q = (m.group(3), m.group(4)) if m.group(3) else (m.group(5), m.group(6))
        if unit != index:
            orders.add(_letter_order(unit, index, p, q))
    return orders.pop() if len(orders) == 1 else None


#: a unit's summed input written layer first: net_{l,i} = … \sum_{k=0}^{n} \omega_{l,k,i} …, z_{l,j} = \sum_k w_{l,jk} a_{l-1,k}
#: (unit letter, sum letter, the weight's two letters)
_LAYER_FIRST_SUM = re.compile(r"_\s*\{\s*l\s*,\s*([a-z])\s*\}[^=]{0,30}=(?:[^=]{0,120}=)?[^=]{0,120}?\\sum\s*_\s*\{?\s*"
                              r"([a-z])[^=]{0,80}?(?<![A-Za-z\\])(?:[wW]|\\omega)\s*_\s*\{\s*l\s*,\s*([a-z])\s*,?\s*([a-z])\s*\}")


def layer_first_order(claims) -> str | None:
    """How a weight written layer first orders its unit letters (``w_{l,jk}``, ``\\omega_{l,k,i}``), from the answer's
    own sums (``z_{l,j} = \\sum_k w_{l,jk} a_{l-1,k}``: ``target``): the order every such sum agrees on, else None."""
    orders = set()
    for c in claims:
        if len(c.latex) > 4000 or _DERIVATIVE.search(c.latex):
            continue
        for m in _LAYER_FIRST_SUM.finditer(c.latex):
            if m.group(1) != m.group(2):
                orders.add(_letter_order(*m.groups()))
    return orders.pop() if len(orders) == 1 else None


def _letter_order(unit: str, index: str, p: str, q: str) -> str | None:
    """How a weight w_{pq} in unit ``unit``'s sum over ``index`` orders its letters: ``target`` first (w_{ji} in net_j =
    Σ_i w_{ji} o_i), ``source`` first (w_{ij}), or None (other letters)."""
    return "target" if (p, q) == (unit, index) else "source" if (p, q) == (index, unit) else None


def _fed_from_above(claims) -> bool:
    """Whether a unit's summed input in the answer's own definition is fed by a letter Bishop's order (i input, j
    hidden, k output) puts after it — Porr's y_i = Σ_j y_j w_{ji}, the delta rule's y_i = Σ_j w_{ij} x_j: the letters
    number units by the answer's own order, not by layer."""
    from .parser import UNIT_POS

    return any(u[0] in UNIT_POS and u[1] in UNIT_POS and UNIT_POS[u[1]] > UNIT_POS[u[0]] and {u[2], u[3]} == {u[0], u[1]}
               for u in _unit_sums(claims, plain=True))


def feeding_letters(claims) -> dict | None:
    """The positions of unit letters that an answer's own definitions fix (``net_j = \\sum_k w_{kj} o_k``: k is a unit
    feeding j, one layer below), on the scale of parser.UNIT_POS (i 0, j 1, k 2); None when they say nothing new."""
    from .parser import UNIT_POS

    pos: dict = {}
    for unit, index, _, _ in _unit_sums(claims):
        if unit not in UNIT_POS:
            continue
        base = pos.get(unit, UNIT_POS[unit])
        pos.setdefault(unit, base)
        if pos.setdefault(index, base - 1) != base - 1:
            return None  # the definitions disagree
    changed = {k: v for k, v in pos.items() if UNIT_POS.get(k) != v}
    return {**UNIT_POS, **pos} if changed else None


def weight_order(claims) -> str | None:
    """How the answer orders a weight's unit letters, from its own definition of a unit's summed input: ``target``
    (w_{ji} into j from i: Mitchell, Haykin, Bishop) or ``source`` (w_{ij} from i to j: Wikipedia), else None."""
    votes = {"target": 0, "source": 0, None: 0}
    for unit, index, p, q in _unit_sums(claims):
        votes[_letter_order(unit, index, p, q)] += 1
    votes.pop(None)
    if votes["target"] != votes["source"]:
        return max(votes, key=votes.get)
    return None


def _reading(base: Notation, choice) -> Reading:
    """The reading that makes the choices ``choice`` (alternatives of different dimensions) on top of ``base``."""
    bases = base.bases + tuple(b for c in choice for b in c[1])
    fixed = base.fixed + tuple(f for c in choice for f in c[2])
    options = base.options + tuple(o for c in choice for o in c[3])
    states = base.states + tuple(st for c in choice for st in c[4])
    return Reading(replace(base, bases=bases, fixed=fixed, options=options, states=states), tuple(c[0] for c in choice))


def infer(judge, claims) -> Reading | None:
    """The reading the answer's definitions call for, or None to keep the default (see the module docstring)."""
    dims, deciding = readings(judge.notation, claims, judge.net.depth, judge.net, judge.batch, judge.declared)
    # what the definitions' form says, before any value is checked (of the answer's own letters: a claim verify rewrote
    # into its quantities, as modules.py does, already has gradproof's layer numbers)
    settled, dims = _settled(dims, structure([c for c in claims if c.id not in judge.rewritten]))
    if "jacobian" not in dict(judge.notation.options):
        # the layout of Jacobians, as the order of the answer's chain rule fixes it; with no chain, the claims' own
        # Jacobians are no evidence of their layout (each would vote for the reading that makes it right), and a
        # Jacobian the two layouts judge differently is unchecked (Judge._unfixed_jacobians)
        settled += _JACOBIAN_LAYOUTS.get(chain_layout(claims, judge.notation, judge.net.depth), [])
    shaped = _reading(judge.notation, tuple(settled)) if settled else None
    base = shaped.notation if shaped else judge.notation
    forward = definitions(claims)
    defs = forward + [c for c in deciding if c not in forward]
    if len(claims) <= SMALL_ANSWER:  # a short answer: every claim is evidence (a reading that makes more of them read)
        from .ownindex import per_example

        examples = dict(judge.notation.options).get("batch_letters", "")  # (not Lalin's z_{j, i}: slow, no definition)
        defs += [c for c in claims if c not in defs and not per_example(c.latex, examples)]
    if not defs or not dims:
        return shaped
    forward_ids = {c.id for c in forward}
    trials = [0]
    seen: dict[tuple, tuple] = {}
    bad_forward: dict[tuple, int] = {}
    outside: dict[tuple, int] = {}  # the claims a reading sends to a layer the network lacks
    verdict_of: dict[tuple, set] = {}
    counted: set[tuple] = set()  # the (claim, relevant choices) pairs the trial budget has counted
    cut: set[tuple] = set()  # readings whose scoring stopped once they could not matter (``need``)

    def score(choice: tuple, need: int | None = None) -> tuple[int, int, int] | None:
        """The reading's (good, bad, unread); None once it cannot reach ``need`` claims read right minus wrong (the
        search has a reading as good before it: this one cannot be chosen). The claims left unchecked then still count
        against MAX_TRIALS, as if checked, so the budget runs out where it would without the cut (the readings found
        are the same)."""
        key = tuple(sorted(c[0] for c in choice))
        if key in seen:
            return seen[key]
        if trials[0] > MAX_TRIALS and key not in cut:  # (a cut reading's claims are counted already)
            raise _Budget
        judge.notation = _reading(base, choice).notation
        good = bad = unread = wrong_forward = beyond = 0
        for n, c in enumerate(defs):
            if need is not None and good - bad + len(defs) - n < need:  # every claim left read right would not do
                for rest in defs[n:]:
                    pair = (rest.id, tuple(sorted(alt[0] for alt in choice if _concerns(alt, rest.latex))))
                    if pair not in counted:
                        counted.add(pair)
                        trials[0] += 1
                cut.add(key)
                if TRACE is not None:
                    TRACE.append((key, None, n))  # (cut after n claims)
                return None
            relevant = tuple(sorted(alt[0] for alt in choice if _concerns(alt, c.latex)))
            if (c.id, relevant) not in verdict_of:  # a choice that cannot touch the claim does not change its verdict
                if limits.overdue():  # the run's time is out: no claim will be judged (Judge.check_all)
                    raise _Budget
                if (c.id, relevant) not in counted:
                    counted.add((c.id, relevant))
                    trials[0] += 1
                judge.verdicts_only = True  # a reading is scored by verdicts: no diagnosis or symbolic proof needed
                try:
                    results = [judge._check_in(c, lay, remember=False) for lay in judge.layouts]
                except Exception:  # noqa: BLE001 -- a claim this reading trips on is unread in it, not fatal
                    results = []
                finally:
                    judge.verdicts_only = False
                verdict_of[(c.id, relevant)] = {_scored(r) for r in results} or {"unchecked"}
            verdicts = verdict_of[(c.id, relevant)]
            if "may hold" in verdicts and "correct" not in verdicts:
                unread += 1  # Raschka's Z = W A^T: no evidence against the reading in any layout
            elif verdicts == {"outside"}:  # a reading that sends the claim to a layer the network lacks is wrong
                bad += 1
                beyond += 1
                wrong_forward += c.id in forward_ids
            elif "correct" in verdicts:
                good += 1
            elif "incorrect" in verdicts:
                bad += 1
                wrong_forward += c.id in forward_ids
            else:
                unread += 1
        seen[key] = (good, bad, unread)
        bad_forward[key] = wrong_forward
        outside[key] = beyond
        if TRACE is not None:
            TRACE.append((key, seen[key], wrong_forward))
        return seen[key]

    saved, saved_memo = judge.notation, getattr(judge, "_memo", None)
    # identical claims are judged once per candidate reading (the judge's memo: its key holds the notation, and a check
    # that depends on a claim's id or place is not memoised); a fresh memo, as the letters bound may differ next round
    judge._memo = {}
    alternatives = [(d, alt) for d, dim in enumerate(dims) for alt in dim]
    net = lambda sc: sc[0] - sc[1]  # noqa: E731 -- claims read right minus claims read wrong
    best: tuple = ()
    try:
        default = score(())
        if default[0] == len(defs) or (default[2] == 0 and default[1] <= default[0] // 3):
            return shaped  # the default reads every claim, most of them right: its mistakes are the answer's own
        best_net = net(default)
        # nearest first: every single choice, then every pair, then triples (Bishop needs three: a, z and the unit
        # letters, before any claim reads) …
        for k in (1, 2, 3):
            level = []
            for combo in itertools.combinations(alternatives, k):
                if len({d for d, _ in combo}) == k:
                    choice = tuple(alt for _, alt in combo)
                    # only a reading better than the best so far and than each before it at this distance can be
                    # chosen (ties go to the first): one that cannot be is not scored to the end
                    sc = score(choice, max([best_net] + [g for g, _ in level]) + 1)
                    if sc is not None:
                        level.append((net(sc), choice))
            top = max((g for g, _ in level), default=best_net)
            if top > best_net:  # ties go to the first (the commoner choice); the greedy steps below add the rest
                best, best_net = next(c for g, c in level if g == top), top
            if best and score(best)[0] == len(defs):
                break
        # … then further choices one at a time, each kept only if it makes more claims read right
        while best and score(best)[0] < len(defs):
            used = {c[0] for c in best}
            options: list = []
            for d, alt in alternatives:
                if alt[0] not in used and all(a[0] not in used for a in dims[d]):
                    sc = score(best + (alt,), max([best_net] + [g for g, _ in options]) + 1)
                    if sc is not None:
                        options.append((net(sc), best + (alt,)))
            top = max(options, default=(best_net, ()), key=lambda o: o[0])
            if top[0] <= best_net:
                break
            best, best_net = top[1], top[0]
    except _Budget:
        pass
    finally:
        judge.notation, judge._memo = saved, saved_memo
    # adopt only with clear evidence: every definition right (at least two, or one the default could not read),
    # or two claims more read right than wrong than with the default (one of them may be the answer's own mistake)
    if not best:
        return shaped
    key = tuple(sorted(c[0] for c in best))
    good, bad, _ = seen[key]
    found = _reading(judge.notation, tuple(settled) + best)
    if good == len(defs) and (len(defs) >= 2 or default[2] == 1):
        return found
    # a reading that makes the answer's forward definitions wrong is a wrong reading, not an answer with mistakes; one
    # that reads no more claims right than the default, nor fewer in layers the network lacks, is no evidence either
    # (it only leaves unread what the default judged wrong: Rashid's W_{ho} h in a column-layout spec, wrong until the
    # layout vote, then unread as "o is z")
    forward_good = len(forward) - bad_forward[key]
    return found if (best_net >= net(default) + 2 and bad_forward[key] <= max(1, forward_good // 4)
                     and (good > default[0] or outside[key] < outside[()])) else shaped


def _concerns(alt: tuple, latex: str) -> bool:
    """Whether the choice ``alt`` can change how ``latex`` reads (its letters, objective, δ, indices appear in it)."""
    label, bases, fixed, options, states = alt
    letters = {k for k, _ in bases} | {k for k, _ in fixed} | {k for k, _ in states}
    if any(re.search(rf"(?<![A-Za-z\\]){re.escape(x)}(?![A-Za-z])", latex) for x in letters):
        return True
    keys = {k for k, _ in options}
    if keys & {"input_layer", "weights_numbered_by"}:
        return True
    if "unit_letters" in keys and re.search(r"_\{?\s*[ijk]", latex):
        return True
    if keys & {"entries_target_first", "entries_source_first"} and _LAYERED_UNIT_WEIGHT.search(latex):
        return True
    if "unindexed_layer" in keys and re.search(r"(?<![A-Za-z\\])[zhaZHA](?![A-Za-z])", latex):
        return True
    if "L" in keys and _USES["L"].search(latex):
        return True
    return bool(keys & {"delta_scale", "delta_sign"}) and bool(_USES["delta"].search(latex))


#: the message of a claim read as naming a layer the network does not have
#: the message of a claim that holds if the answer stores its input with one sample per row (judge.TRANSPOSED_INPUT)
TRANSPOSED_INPUT = "the input is written transposed (X^T)"
#: the message of a claim whose own value is finite nowhere in a reading (a log of a negative number): evidence against it
NOWHERE_FINITE = "cannot be judged: the claim's own value is not finite"


def _scored(result) -> str:
    """A claim's verdict in one layout as a reading's score counts it: ``outside`` (read as a layer the network lacks),
    ``may hold`` (it holds if the input is stored as rows, which the answer does not say: Raschka's Z = W A^T, judged
    wrong in the other layout, is then no evidence against the reading), or the verdict."""
    if result.verdict != "unchecked":
        return result.verdict
    if NO_SUCH_LAYER.search(result.message):
        return "outside"
    if result.message.startswith(NOWHERE_FINITE) and result.message.endswith("it is finite nowhere"):
        return "outside"  # (Ng's log(a^{[L](i)}) with a read as the summed input z: a reading the answer cannot mean)
    return "may hold" if result.message.startswith(TRANSPOSED_INPUT) else "unchecked"


class _Budget(Exception):
    """The inference's bound on claim checks is spent: decide with what was scored."""


#: a symbol as a left-hand side: p, s, W_o, net_{h1}, \text{prod}
#: (used with fullmatch; the look-behind keeps an unanchored search linear too: no start inside a symbol)
#: a bold letter on a definition's left side: \mathbf{e}, \boldsymbol{g}, \bm{r}, \vec{e} (read as the letter)
_BOLD_LETTER = re.compile(r"^\s*\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*([A-Za-z])\s*\}")
_SYMBOL = re.compile(r"(?<![A-Za-z0-9_^}\\])\s*(\\?[A-Za-z]+(?:\s*[_^]\s*(?:\{[^{}]{0,40}\}|[A-Za-z0-9]))*)\s*$")


#: a name spelled as a word in text mode, alone or as a letter's subscript (a code name: ``\text{hidden\_output}``,
#: ``d_{\text{output}}``, ``\mathrm{out}``): the answer's own symbol when its definition is the first side
_WORD_SYMBOL = re.compile(r"\s*(?:[A-Za-z]\s*_\s*\{\s*)?\\(?:text|mathrm|operatorname|textit|mathit|texttt)\s*\{[A-Za-z\\_ ]{2,40}\}"
                          r"(?:\s*\})?\s*")
#: a letter under a tilde or a bar as a left side: \widetilde{y}, \tilde y, \bar{s}
_ACCENTED = re.compile(r"\s*\\(?:widetilde|tilde|bar|overline)\s*(?:\{\s*[A-Za-z]\s*\}|[A-Za-z])\s*")


#: a bare δ as a left side
_DELTA_LHS = re.compile(r"\s*\\delta\s*")
#: a braced subscript (a sum's bound, _{i=1})
_SUBSCRIPTS = re.compile(r"_\s*\{[^{}]{0,40}\}")
#: the input in a right side: x, x^{(i)}, x_j, X (the error signal δ is never made with it; a weight's gradient is)
_WITH_INPUT = re.compile(r"(?<![A-Za-z\\])[xX](?![A-Za-z])")


#: V multiplying the hidden layer's activation: Z V, z V, V^T z, \sum_m V_{mk} z_m (the Lazy Programmer's A = ZV + c)
_V_OUTPUT = re.compile(r"(?<![A-Za-z\\])[ZzHh]\s*V(?![A-Za-z])|(?<![A-Za-z\\])V\s*(?:\^\s*\{?\s*T\s*\}?\s*)?[ZzHh](?![A-Za-z])"
                       r"|(?<![a-z\\])V\s*_\s*\{\s*[a-z]\s*,?\s*[a-z]\s*\}\s*[zh]\s*_")  # (m-alcu's \sum_{m=1}^MV_{mk}z_m)
#: U multiplying the hidden activations (Jurafsky & Martin's z = Uh; CS224n's θ = U h + b_2 is read with θ)
_U_OUTPUT = re.compile(r"(?<![A-Za-z\\])[Hh]\s*U(?![A-Za-z])|(?<![A-Za-z\\])U\s*(?:\^\s*\{?\s*T\s*\}?\s*)?(?:\\cdot\s*)?[Hh](?![A-Za-z])")
#: W written as a letter of its own (the output's weights beside V): W, \mathbf{W}, W_i, W^T
_CAPITAL_W = re.compile(r"(?<![A-Za-z\\])W(?![A-Za-z])")
#: the hidden activation defined by V (or U) times the input: Shewchuk's h = s(Vx) (CS 189), \mathbf{h} = \sigma(V^T x)
_HIDDEN_DEFINED = {v: re.compile(r"(?<![A-Za-z\\])(?:\\mathbf\s*\{\s*)?h\s*\}?\s*=\s*[^=$]{0,24}?(?<![A-Za-z\\])"
                                 + v + r"\s*(?:\^\s*\{?\s*(?:T|\\top)\s*\}?\s*)?(?:\\cdot\s*)?(?:\\mathbf\s*\{\s*)?x(?![A-Za-z])")
                   for v in ("V", "U")}
#: the output layer's weight letter -> its product with the hidden activations
_OUTPUT_WEIGHTS = {"V": _V_OUTPUT, "U": _U_OUTPUT}
#: the letter A (or a) defined by V's product: A = ZV + c, a_k = \sum_m V_{mk} z_m + c
_A_OF_V = re.compile(r"(?<![A-Za-z\\])[Aa]\s*(?:_\s*\{?\s*[a-z]\s*\}?\s*)?=\s*(?:[ZzHh]\s*V|V|\\sum\s*_\s*\{?\s*[a-z][^=]{0,30}V)")
#: a W with a layer script (W^{(2)}, W_2, W^{[1]}): the answer numbers its weights itself
_LAYERED_W = re.compile(r"(?<![A-Za-z\\])W\s*(?:\^\s*\{?\s*[(\[]\s*\d|_\s*\{?\s*\d|\d)")


#: a matrix's definition: a derivative of something that is no objective (\frac{\partial \hat{\mathbf{y}}}{\partial
#: \mathbf{z}}), or a diagonal matrix (\operatorname{diag}(\hat y) - \hat y \hat y^T): J named so is the answer's Jacobian
_JACOBIAN_RHS = re.compile(r"\s*(?:\\frac\s*\{\s*\\partial\s*(?![JLCE](?![A-Za-z])|\\(?:mathcal|ell)|\\text)"
                           r"|\\(?:operatorname|mathrm|text)\s*\{\s*diag\s*\}|\\diag(?![A-Za-z]))")


def own_symbols(claims, notation: Notation, depth: int) -> list:
    """Symbols the answer defines as expressions (``where $p = \\sigma'(z^{(1)})$``, ``s = \\lambda/2 (…)``): a left
    side the network does not know, by a right side that reads (the first definition; later ones are judged).
    Returns (symbol, right side, its tree, the defining claim)."""
    from .judge import _top_rows
    from .parser import parse_expr
    from .tree import NeedsLayer, Unreadable

    found: dict[str, list] = {}
    for c in claims:
        text = c.latex.replace("$", " ")
        if ", \\quad" in text and len(text) <= 4000 and len(_top_rows(text)) > 1:
            continue  # (a block of equations, p = softmax(z_2), \quad z_2 = …: its rows are claims of their own here)
        if "\\stackrel" in text or "\\overset" in text:  # g \stackrel{def}{=} σ'(z), \overset{\Delta}{=}: spelled :=
            text = surface_rewrite(text)
        if dict(notation.options).get("time_argument"):
            text = drop_time_argument(text, dict(notation.options)["time_argument"])  # Haykin's e_j(n) = d_j(n) - y_j(n) defines e_j
        for rel in ("\\coloneqq", ":=", "\\equiv", "\\triangleq", "="):
            if rel in text:
                lhs, rhs = text.split(rel, 1)
                break
        else:
            continue
        m = _SYMBOL.fullmatch(_BOLD_LETTER.sub(r"\1", lhs))  # (\mathbf{e} := ŷ − y, \boldsymbol{g}: the letter itself)
        if not m and _ACCENTED.fullmatch(lhs):  # ozyurtf's \widetilde{y} = a_2: the accented letter, as the parser spells it
            from .parser import normalize

            m = _SYMBOL.fullmatch(normalize(lhs))
        word = None if m else _WORD_SYMBOL.fullmatch(lhs)  # \text{hidden\_output}, d_{\text{output}}: a code name
        if not (m or word) or len(rhs) > 800 or word and len(_sides(rhs)) > 1:
            continue  # (a code name's definition alone: mdpii's \text{Error} = ½‖a − y‖² = ½‖2 − 3‖² = ½ is arithmetic)
        rest = None
        if "=" in rhs and len(_sides(rhs)) > 1:  # e = t - a = 1.261: the first side defines e, the rest is a claim
            parts = _sides(rhs)  # about it (an = inside braces, \sum_{j=1}, is not a side)
            if any("=" in (_SUBSCRIPTS.sub(" ", p) if _DELTA_LHS.fullmatch(lhs) else p) for p in parts):
                continue  # (for Ng's δ = \frac{1}{m} \sum_{i=1}^m … = \frac{1}{m} X^T(…), a sum's bound is no = of the chain)
            rhs, rest = parts[0], "=".join(parts)
        key = re.sub(r"\s+", "", m.group(1) if m else word.group(0))
        try:
            parse_expr(key, notation, depth)
            if not (key == "e" and (_ERROR_DEF.match(rhs) or _RATE_DEF.match(rhs)) or key in ("e", "t") and _AFFINE.search(rhs)
                    or key == "e" and _WEIGHTED_PLAIN.search(rhs)
                    or re.match(r"Err(?![A-Za-z])", key) and _UNIT_ERROR_DEF.match(rhs)
                    or key == "t" and (_EXP_OF_Z.match(rhs) or _APPLIED.match(_normal(rhs)))
                    or key == "\\delta" and _WITH_INPUT.search(rhs)
                    or key in ("J", "\\mathbf{J}") and _JACOBIAN_RHS.match(rhs)):
                # (Ng's vectorised logistic regression, θ := θ − α δ with δ = \frac{1}{m} Σ (h_θ(x^{(i)}) − y^{(i)})
                # x^{(i)}: a δ made with the input is a gradient of the weights, never the error signal)
                # Ng's softmax t = e^{Z^{[L]}}, yanfenglee's t = tanh(z): not the step count
                continue  # the network knows this symbol (t, e are constants): a claim about it, not a definition
        except NeedsLayer:
            continue
        except Unreadable as exc:
            if "unknown symbol" not in str(exc):
                continue
        found.setdefault(key, []).append((c, rhs if rest is None else (rhs, rest)))
    out = []
    for key, uses in found.items():
        letter = re.match(r"\\?[A-Za-z]+", key).group(0)
        if letter != key and letter in found:
            continue  # v = h W + b defines v; v_b = h_c W_{cb} + b_b is then a claim about its entries
        if _running_value(uses):
            continue  # G = [0, 0] + [100, 10000], later G = [100, 10000] + [64, 6400]: a value each iteration, not one
        c, rhs = uses[0]  # the first definition names the symbol; a later one is a claim about it
        if isinstance(rhs, tuple):
            rhs, rest = rhs
            c = replace(c, latex=rest)  # what the chain says beyond the definition (judged: bind_symbols)
        try:
            node = parse_expr(rhs, notation, depth)
        except NeedsLayer as need:  # Haykin's e_j = d_j - y_j, j a unit of any layer: read where it can be (output)
            node = _at_some_layer(rhs, notation, depth, need.var)
            if node is None:
                continue
        except (Unreadable, RecursionError):
            continue
        out.append((key, rhs.strip(), node, c))
    return out


#: a macro name (\\cdot, \\sqrt) or an environment's (\\begin{bmatrix}): not a letter of the formula
_MACRO_NAME = re.compile(r"\\(?:begin|end)\s*\{[A-Za-z*]{0,12}\}|\\[A-Za-z]+")


def _running_value(uses: list) -> bool:
    """Whether a symbol's definitions are a running value: defined by arithmetic on numbers alone (no letter) in two
    claims or more, to different numbers (AdaGrad's accumulator in a worked example, ``G = [0, 0] + [100, 10000]``, then
    ``G = [100, 10000] + [64, 6400]``): the symbol has no one value to bind, each claim is its own arithmetic."""
    numeric = set()
    for _, rhs in uses:
        first = rhs[0] if isinstance(rhs, tuple) else rhs
        if re.search(r"[A-Za-z]", _MACRO_NAME.sub(" ", first)) or not re.search(r"\d", first):
            continue
        numeric.add(re.sub(r"\s+", "", first))
    return len(numeric) > 1


#: a word as the answer's own name, in a text font: \text{logits}, \mathrm{hidden}, \operatorname{probs} (normalize
#: makes it the command \logits, read by that name)
_WORD_NAME = re.compile(r"\\(?:text|mathrm|textrm|operatorname|mathit)\s*\{\s*([A-Za-z]{2,20})\s*\}")


#: a dropout probability's letter, set to a number: p = 0.8, q = 0.5, p_{keep} = 0.8 (the answer's keep or drop
#: probability; \rho, Srivastava's p)
_RATE_KEY = re.compile(r"[pq](?:_\{?\s*(?:keep|drop|\\text\s*\{\s*(?:keep|drop)\s*\})\s*\}?)?|\\rho|keep_?prob")
_NUMBER = re.compile(r"\s*(0?\.\d{1,6}|1(?:\.0*)?|0)\s*[.,;]?\s*")


def _dropout_rate(key: str, rhs: str, net) -> tuple | None:
    """The verdict on a probability the answer sets for its network's one dropout layer (``p = 0.8``: Srivastava's keep
    probability, or the drop probability as the spec states it): correct where it is the layer's drop probability or its
    keep probability, incorrect where it is neither (a TA compares it with the network's); None for anything else."""
    rates = [layer.settings_dict.get("p") for layer in net.layers if layer.kind == "dropout"]
    m = _NUMBER.fullmatch(rhs)
    if len(rates) != 1 or rates[0] is None or m is None or not _RATE_KEY.fullmatch(key.replace(" ", "")):
        return None
    value, drop = float(m.group(1)), float(rates[0])
    if abs(value - drop) < 1e-9 or abs(value - (1 - drop)) < 1e-9:
        which = "drop" if abs(value - drop) < 1e-9 else "keep"
        if abs(drop - 0.5) < 1e-9:
            which = "drop and keep"
        return ("correct", f"sets {key} = {value:g}, the dropout layer's {which} probability; the claims that use {key} are "
                           "read with it")
    return ("incorrect", f"sets {key} = {value:g}, but the network's dropout layer drops a unit with probability {drop:g} "
                         f"(keeps it with {1 - drop:g}); the claims that use {key} are read with {value:g}")


def bind_symbols(judge, claims) -> tuple[tuple, tuple, dict]:
    """The answer's own symbols: one whose definition equals a quantity of the network at every point (CS231n's
    ``s = h W_2 + b_2`` is z⁽²⁾) names that quantity, so ``\\partial L / \\partial s`` reads; any other stands for
    its expression (``p = \\sigma'(z^{(1)})``). Returns (fixed bindings, macros, {claim id: message})."""
    from .shapes import ShapeMismatch, evaluate, free_indices
    from .tree import Unreadable

    fixed, macros, ids = [], [], funcnames.named(claims, judge.net)  # (f = \tanh: the letter's activation)
    saved = judge.notation
    try:
        for key, derivative, rhs, c in renamed_deltas(claims, judge.notation, judge.net.depth):
            holds = _same_up_to_transpose(judge, derivative, rhs)
            if not holds:  # its own definition is wrong (or does not read yet: a later round may bind it): what uses
                rhs = UNDEFINED  # it is not judged on it
            ids_note = "" if holds else " (it does not hold as read)"
            macros.append((key, rhs))
            judge.notation = replace(judge.notation, macros=judge.notation.macros + ((key, rhs),))  # δ_2 uses δ_1
            ids[c.id] = ("unchecked", f"defines {key} as its own (the derivative it names is not gradproof's {key}){ids_note}; "
                                      f"the claims that use {key} are read with this definition")
    finally:
        judge.notation = saved
    for key, rhs, c in own_numbered_deltas(claims, judge.notation, judge.net.depth):
        macros.append((key, rhs))
        ids[c.id] = ("unchecked", f"defines {key} as its own: the answer numbers its δ its own way (one of them names no "
                                  f"layer of the network); the claims that use {key} are read with this definition")
    for key, rhs, node, c in own_symbols(claims, judge.notation, judge.net.depth):
        if index_value(c.latex):  # (not a definition of l: Judge._bounded_check says what it is)
            continue
        hits: list = []
        entry = judge.batch == 1 and _COMPONENT_KEY.fullmatch(key)  # p_i = e^{z_i} / \sum_j e^{z_j}: the vector p, entry by entry
        free = free_indices(node) if entry else []
        if entry and free != [entry.group(2)]:
            entry = None
        pair = None if entry else _COMPONENT_PAIR.fullmatch(key)  # CS231n's P_{ij} = e^{S_{ij}} / \sum_k e^{S_{ik}}
        if pair is not None and (pair.group(2) == pair.group(3)
                                 or sorted(free_indices(node)) != sorted(pair.group(2, 3))):
            pair = None
        if pair is not None:
            free = list(pair.group(2, 3))
        scalars = None
        for lay in judge.layouts:  # in each layout the answer may use (the value's shape differs)
            judge._use(lay)
            try:
                values = [_component_values(node, judge.context(env), free, flat=bool(entry)) if entry or pair
                          else evaluate(node, judge.context(env)) for env in judge.envs]
            except (ShapeMismatch, Unreadable, ValueError, FloatingPointError, IndexError):
                continue
            hits += [q for q in judge.envs[0] if q[0] in BINDABLE and q not in hits and all(
                (np.shape(env[q]) == np.shape(v) or entry and np.size(env[q]) == np.size(v))
                and np.allclose(np.reshape(env[q], np.shape(v)), v, rtol=1e-6, atol=1e-9)
                for env, v in zip(judge.envs, values, strict=True))]
            scalars = scalars or (values if not entry and not pair and all(np.size(v) == 1 for v in values) else None)
        factor = _regularizer_factor(judge, scalars) if not hits and scalars else None
        if factor is not None and re.fullmatch(r"[A-Za-z]+", key.lstrip("\\")):
            # d2l's planted s = λ(‖W⁽¹⁾‖² + ‖W⁽²⁾‖²): the regularizer without its ½ — the definition is wrong, and
            # J = L + s, which uses s as the regularizer it names, is judged with s as that quantity
            fixed.append((key.lstrip("\\"), ("lossR", None)))
            ids[c.id] = ("incorrect", f"defines {key} as {factor:g} × the regularizer R (the spec's penalty); {key} is "
                                      "read as R in the claims that use it")
            continue
        if (entry or pair) and (len(hits) == 1 or len(hits) > 1 and all(q == ("yhat", None) or q[0] == "h" for q in hits)):
            key = (entry or pair).group(1)  # the letter names the vector: p, then p_k, p - y read as ŷ (P, the matrix)
        if len(hits) > 1 and ("yhat", None) in hits and all(q == ("yhat", None) or q[0] == "h" for q in hits):
            hits = [("yhat", None)]  # the output layer's activation is ŷ
        word = _WORD_NAME.fullmatch(key)  # (a word of the answer's own: \text{logits}, \mathrm{hidden})
        if len(hits) == 1 and (re.fullmatch(r"[A-Za-z]+", key.lstrip("\\")) or word):
            fixed.append((word.group(1) if word else key.lstrip("\\"), hits[0]))
            ids[c.id] = ("correct", f"defines {key} as {quantity_name(hits[0])}, which it is; {key} is read as that quantity")
        elif not hits and _D_WORD.fullmatch(key):
            # iambestfeed's planted d_{hidden} = d_{output} · W_2 · hidden_output (ReLU for its slope): a code name
            # for a gradient (d_…) whose definition is no gradient of the network — what uses it is not judged on it
            macros.append((key, UNDEFINED))
            ids[c.id] = ("unchecked", f"defines {key}, a gradient's name (d_…), as no gradient of the network; the "
                                      f"claims that use {key} are not judged on this definition")
        elif entry and _FORWARD_LIKE.search(rhs) and not _SLOPE_IN.search(rhs):  # (ESL's s_{mi} = σ'(…) Σ_k β_{km} δ_{ki}:
            # a backward quantity through an activation's slope, the answer's own symbol)
            # p_i = e^{z_i} / \sum_j z_j: a forward quantity meant (ŷ?) but none: what uses p is not judged on a guess
            # (Haykin's e_j = d_j - y_j, an expression of known quantities, stays the answer's own symbol)
            ids[c.id] = ("unchecked", f"defines {key} entry by entry as no quantity of the network (not ŷ, z or h); the "
                                      f"claims that use {entry.group(1)} are not judged on this definition")
        else:
            macros.append((key, rhs))
            ids[c.id] = _dropout_rate(key, rhs, judge.net) or (
                "unchecked", f"defines the answer's own symbol {key} (a definition is not graded); the claims "
                             f"that use {key} are read with it")
        if c.latex.count("=") >= 1 and c.id in ids and ids[c.id][0] == "unchecked" and _sides(c.latex)[0].strip() != key:
            ids[c.id] = ("rest", c.latex)  # e = t - a = 1.261: t - a = 1.261 is judged
        if (len(key) == 1 and key.islower() and _unknown(key.upper(), judge.notation, judge.net.depth)
                and re.search(r"[A-Za-z\\]", rhs)):  # (a number, f = 5 the filter's width, names no batch array)
            # p = softmax(z), then P - Y for the batch: the capital letter names the same array
            (fixed if fixed and fixed[-1][0] == key else macros).append(
                (key.upper(), fixed[-1][1] if fixed and fixed[-1][0] == key else rhs))
    return tuple(fixed), tuple(macros), ids


#: an activation's slope in a definition: σ'(…), f'(…), \sigma^{\prime}(…)
_SLOPE_IN = re.compile(r"(?:'|\\prime(?:\s*\})?)\s*(?:\\left\s*)?\(")
#: an index set to a small integer: ``$l=2$`` in an answer's prose ("Layers: $l=1$: 784 → 256") names the layer or
#: entry it speaks of; ``$t=2$`` ("en el siguiente paso ($t=2$)") the optimizer's step
_INDEX_VALUE = re.compile(r"\s*(l|i|j|k|t|n|\\ell)\s*=\s*(\d{1,3}(?:(?:\s*,)?\s*(?:\d{1,3}|\\(?:dots|ldots|cdots)|…|[mnNMLKT])){0,12})"
                          r"(?:\s*[.,;:])?\s*")  # (or its range: i = 1, \dots, m)


def index_value(latex: str) -> str | None:
    """The message for a claim that only names a value of an index (``l = 2``), else None: which layer or entry the
    text speaks of, neither a claim about the network nor a definition of the letter (read as one, the next line's
    ``$l=2$`` was "the numbers on the left give 1")."""
    m = _INDEX_VALUE.fullmatch(latex)
    if m is not None and not m.group(2).isdigit():
        return (f"not judged: it names the range of the index {m.group(1)} ({m.group(1)} = {' '.join(m.group(2).split())}:"
                " which layers, entries or examples the text speaks of), not a claim about the network")
    return None if m is None or m.group(1) == "n" else (f"not judged: it names a value of the index {m.group(1)} ({m.group(1)} = "
                                   f"{m.group(2)}: which {'step' if m.group(1) == 't' else 'layer or entry'} the text "
                                   "speaks of), not a claim about the network")
#: a gradient's code name: d_{\text{output}}, d\text{hidden} (Ng's d-letters spelled with a word)
_D_WORD = re.compile(r"d_?\{?\\(?:text|mathrm|operatorname|textit|mathit|texttt)\{[A-Za-z\\_ ]{2,40}\}\}?")
#: a definition that computes a forward quantity: an activation, exp or a softmax applied
_FORWARD_LIKE = re.compile(r"\\(?:exp|sigma|tanh|softmax|varphi|phi)(?![A-Za-z])|(?<![A-Za-z\\])e\s*\^|\\(?:ReLU|relu|max)")
#: a symbol defined entry by entry: p_i, p_{i}, s_k (one letter, one index letter)
_COMPONENT_KEY = re.compile(r"([A-Za-z])_\{?([a-z])\}?")


#: a matrix defined entry by entry, its two indices on the left: P_{ij}, P_{i,j}, P_{i j}
_COMPONENT_PAIR = re.compile(r"([A-Za-z])_\{([a-z]),?([a-z])\}")


def _component_values(node, ctx, free: list, flat: bool = True) -> np.ndarray:
    """A definition entry by entry (p_i = …, P_{ij} = …) evaluated for every value of its indices: the vector it defines
    (flat), or the matrix, rows by the first index."""
    from .shapes import evaluate_over, index_sizes

    values = np.asarray(evaluate_over(node, ctx, free, index_sizes((node,), free, ctx)))
    return np.ravel(values) if flat else values


def _unknown(symbol: str, notation: Notation, depth: int) -> bool:
    """Whether ``symbol`` means nothing to the parser (an unknown-symbol error)."""
    from .parser import parse_expr
    from .tree import Unreadable

    try:
        parse_expr(symbol, notation, depth)
    except Unreadable as exc:
        return "unknown symbol" in str(exc)
    except Exception:  # noqa: BLE001 -- anything else: it means something
        return False
    return False


def _at_some_layer(rhs: str, notation: Notation, depth: int, var: str):
    """The tree of ``rhs`` with its generic index ``var`` at the last layer where it reads (the output first)."""
    from .parser import parse_claim
    from .tree import Unreadable

    for layer in range(depth, -1, -1):
        try:
            sides, rels = parse_claim(rhs, notation, depth, {var: layer})
        except (Unreadable, RecursionError):
            continue
        return sides[0] if not rels else None
    return None


#: Clark's δ_1 = ∂J/∂θ = (ŷ − y)^T: a δ numbered by a subscript, defined as a derivative of the objective
_DELTA_DEF = re.compile(r"^\s*(\\delta_\{?\s*\d\s*\}?)\s*=\s*(\\frac\s*\{\s*\\partial\s*[JLE]\s*\}\s*\{[^{}]*\})\s*(?:=(.*))?$", re.S)


#: δ_k defined by an expression: δ_0 = x_3 - y, \delta_{1} = w_{23} (x_3 - y), δ4 = w46*δ (folded: \delta _{4})
_DELTA_BY_EXPRESSION = re.compile(r"^\s*(\\delta\s*_\s*\{?\s*\d\s*\}?)\s*=\s*(.+)$", re.S)


#: a side that is one written number: 0.015, -3, 1e-3
_PLAIN_NUMBER = re.compile(r"\s*-?\s*[0-9]*\.?[0-9]+(?:[eE]-?[0-9]+)?\s*[.,]?\s*")


def own_numbered_deltas(claims, notation: Notation, depth: int) -> list:
    """δ_0 = x_3 − y, δ_1 = w_{23}(x_3 − y), …: an answer that defines δ's with subscripts one of which names no layer
    (δ_0, the input's, which has no δ; or past the output) numbers its δ its own way — here from the output back —
    so each δ_k it defines is its own symbol, standing for its definition's last expression that is not a number alone
    (a definition is not graded; what uses it is read with it). Returns (symbol, expression, claim) for every such definition, or none."""
    from .parser import chain_nodes, parse_claim
    from .tree import NoSuchLayer, Unreadable

    defs, foreign = [], False
    for c in claims:
        m = _DELTA_BY_EXPRESSION.match(c.latex)
        if not m or "\\partial" in m.group(2) or "\\frac{d" in m.group(2):
            continue
        sides = [side.strip() for side in m.group(2).split("=")]
        formula = [side for side in sides if not _PLAIN_NUMBER.fullmatch(side)]  # (δ4 = w46 δ = 0.0153: the formula,
        # not the number, which at random points is no value of it)
        defs.append((re.sub(r"\s+", "", m.group(1)), chain_nodes((formula or sides)[-1], notation), c))
        try:
            parse_claim(m.group(1), notation, depth)
        except NoSuchLayer:
            foreign = True
        except (Unreadable, ValueError):
            pass
    return defs if foreign and len({key for key, _, _ in defs}) == len(defs) else []


def renamed_deltas(claims, notation: Notation, depth: int) -> list:
    """δ_1, δ_2 that the answer defines as derivatives of the objective other than gradproof's δ of that layer
    (Clark's CS224n notes number them from the output: δ_1 = ∂J/∂θ): each is the answer's own symbol, standing for
    the last expression of its definition (its own shape: Clark's δ are rows). Returns (symbol, the derivative's tree,
    the expression, claim)."""
    from .parser import parse_claim
    from .tree import Unreadable

    out = []
    for c in claims:
        m = _DELTA_DEF.match(c.latex)
        if not m:
            continue
        symbol, derivative, rest = m.group(1), m.group(2), m.group(3)
        try:
            (mine,), _ = parse_claim(symbol, notation, depth)
            (theirs,), _ = parse_claim(derivative, notation, depth)
        except (Unreadable, ValueError):
            continue
        if mine == theirs or (mine.op == "q" and theirs.op == "q" and mine.value[1] == theirs.value[1]):
            continue
        last = rest.split("=")[-1].strip() if rest and rest.strip() else derivative
        out.append((re.sub(r"\s+", "", symbol), theirs, last, c))
    return out


#: the value of a symbol the answer defines wrongly (parser: claims that use it are not judged on it)
UNDEFINED = "\\text{undefined}"


def _same_up_to_transpose(judge, derivative, last: str) -> bool | None:
    """Whether a δ's derivative (a tree) and the last expression of its definition (δ_1 = ∂J/∂θ = (ŷ − y)^T) agree, up
    to writing the vector as a row or a column; None when the expression does not read."""
    from .parser import parse_claim
    from .shapes import ShapeMismatch, evaluate
    from .tree import Unreadable

    try:
        (expression,), _ = parse_claim(last, judge.notation, judge.net.depth)
    except (Unreadable, ValueError):
        return None
    for lay in judge.layouts:  # in the layout the answer writes (not decided yet: either)
        judge._use(lay)
        try:
            if all(a.shape == b.shape and np.allclose(a, b) or a.shape == b.T.shape and np.allclose(a, b.T)
                   for env in judge.envs
                   for a, b in [[np.asarray(evaluate(n, judge.context(env)), dtype=float) for n in (derivative, expression)]]):
                return True
        except (Unreadable, ShapeMismatch, ValueError, FloatingPointError):
            continue
    return False


#: quantities a symbol the answer defines may name
def _regularizer_factor(judge, values) -> float | None:
    """k if a scalar definition equals k × the regularizer at every point, for a constant k other than 1 (a ½ dropped
    or doubled: 2 or 0.5), else None."""
    regs = [env.get(("lossR", None)) for env in judge.envs]
    if any(r is None for r in regs):
        return None
    pairs = [(float(np.ravel(r)[0]), float(np.ravel(v)[0])) for r, v in zip(regs, values, strict=True)]
    if any(not np.isfinite(v) or abs(r) < 1e-9 for r, v in pairs):
        return None
    ratios = [v / r for r, v in pairs]
    k = ratios[0]
    if any(abs(x - k) > 1e-6 * abs(k) for x in ratios) or not any(abs(k - f) < 1e-9 for f in (2.0, 0.5, 4.0, 0.25)):
        return None
    return k


BINDABLE = ("x", "y", "yhat", "z", "h", "loss", "lossL", "lossR", "delta", "dz")


def quantity_name(q: tuple) -> str:
    kind, layer = q
    return {"yhat": "ŷ", "loss": "J", "lossL": "the data loss L", "lossR": "the regularizer R"}.get(kind, f"{kind}{layer or ''}")


#: Goodfellow's algorithm 6.4: g ← ∇_{a^{(k)}} J = g ⊙ f'(a^{(k)}), a symbol reassigned step by step
_ASSIGN = re.compile(r"^\s*(?:\\(?:bm|mathbf|boldsymbol|vec)\s*\{\s*)?([A-Za-z])\s*\}?\s*(?:\\leftarrow|\\gets|:=)\s*(.+)$", re.S)
#: a generic layer letter in parentheses, with its offset: (k), (k-1), (k+1)
_LOOP_INDEX = re.compile(r"\(\s*([kl])\s*(?:([+-])\s*(\d+))?\s*\)")


def reassigned(claims, known) -> dict:
    """The claims of an algorithm that reassigns a symbol (``g ← ∇_ŷ J``, then in a loop over k ``g ← ∇_{a^{(k)}} J
    = g ⊙ f'(a^{(k)})``, ``g ← ∇_{h^{(k-1)}} J = W^{(k)⊤} g``), read in order: each use of the symbol stands for the
    quantity of its latest assignment. In a loop (claims with a generic layer k) the first use before the loop's own
    assignment is the value the loop's last assignment left at the previous step (k + 1 of a backward loop; at
    k = l that is the value before the loop, which the proof of the step shows). ``known(symbol)`` says whether the
    network already names the symbol (then it is not a reassigned one). Returns {claim id: (latex to check,
    macros)}: the chain ``Q = RHS`` of an assignment, with the symbol's meaning where it is used."""
    steps = []
    for c in claims:
        m = _ASSIGN.match(c.latex.replace("$", " ").strip())
        if m and "=" in m.group(2) and not known(m.group(1)):
            q = _sides(m.group(2))[0].strip()
            steps.append((c, m.group(1), q, m.group(2)))
        else:
            steps.append((c, None, None, c.latex))
    symbols = {s for _, s, _, _ in steps if s}
    out: dict = {}
    for sym in symbols:
        use = re.compile(rf"(?<![A-Za-z\\]){sym}(?![A-Za-z])")
        looped = lambda text: bool(_LOOP_INDEX.search(text))  # noqa: E731
        last_in_loop = next((q for _, s, q, _ in reversed(steps) if s == sym and looped(q)), None)
        current = None
        for c, s, q, text in steps:
            rhs = text if s is None else text[len(_sides(text)[0]):]
            if use.search(rhs) and (s is None or s == sym):
                meaning = current
                if looped(text) and last_in_loop is not None and (current is None or not looped(current)):
                    meaning = _LOOP_INDEX.sub(_next_step, last_in_loop)  # the loop's previous step
                if meaning is not None:
                    out[c.id] = (text if s == sym else c.latex, ((sym, meaning),))
            elif s == sym:
                out[c.id] = (text, ())
            if s == sym:
                current = q
    return out


def _next_step(m: re.Match) -> str:
    """(k-1) -> (k), (k) -> (k+1): the same quantity one step earlier in a loop that counts k down."""
    off = (int(m.group(3)) if m.group(3) else 0) * (-1 if m.group(2) == "-" else 1) + 1
    return f"({m.group(1)}{'+' if off > 0 else '-'}{abs(off)})" if off else f"({m.group(1)})"


#: a definition that applies a function letter: a^{(l)} = f(z^{(l)}), z_j = h(a_j), a^{[1]} = g^{[1]}(z^{[1]})
_APPLIED_LETTER = re.compile(r"^\s*(?:(?P<hat>\\hat(?:\s*\{)?\s*y(?:\s*\})?)|(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*)?[A-Za-z](?:\s*\})?)"
                             r"\s*(?P<scripts>[_^][^=]*?)?=\s*"
                             r"(?P<f>f|g|h|\\varphi|\\phi)\s*(?P<fs>\^\s*\{[^{}]*\}|\^\s*\S|_\s*\{[^{}]*\})?\s*\(")


def function_layers(claims, notation, depth: int) -> dict:
    """The layers each generic function letter of the answer is the activation of, from its definitions:
    ``z_j = h(a_j)`` (Bishop's hidden unit j) -> h: {1}; ``a^{(l)} = f(z^{(l)})`` -> f: every layer;
    ``a^{[1]} = g^{[1]}(z^{[1]})`` -> g: {1}. Layers in gradproof's numbering (the notation's input layer)."""
    first = int(dict(notation.options).get("input_layer", 0))
    out: dict[str, set] = {}
    for c in claims:
        m = _APPLIED_LETTER.match(_normal(c.latex))
        if not m:
            continue
        letter = m.group("f").lstrip("\\")
        letter = {"varphi": "\\varphi", "phi": "\\phi"}.get(letter, letter)
        scripts = (m.group("scripts") or "") + (m.group("fs") or "")
        layer = _script(scripts)
        digit = re.fullmatch(r"\s*_\s*\{?\s*(\d)\s*\}?\s*", scripts)
        if m.group("hat") and not scripts:
            layers = {depth}  # \hat y = g(W_2 h_1 + b_2): the output's
        elif layer and layer[0].isdigit():
            layers = {int(layer[0]) + layer[1] - first}
        elif layer or re.search(r"\^\s*\{?\s*l\b", scripts):
            layers = set(range(1, depth + 1))  # a generic layer: every layer
        elif digit and 1 <= int(digit.group(1)) - first <= depth and re.search(
                r"(?<![A-Za-z\\])W\s*_\s*\{?\s*" + digit.group(1) + r"(?!\d)", _normal(c.latex)[m.end():]):
            # a student's h_1 = f(W_1 x + b_1): layer 1's (the weights say so: h_2 = f(z_2) may be unit 2's entry)
            layers = {int(digit.group(1)) - first}
        elif depth == 2 and re.search(r"_\s*\{?\s*j\b", scripts):
            layers = {1}  # Bishop's hidden unit j
        elif depth == 2 and re.search(r"_\s*\{?\s*k\b", scripts):
            layers = {2}
        else:
            continue
        out.setdefault(letter, set()).update(x for x in layers if 1 <= x <= depth)
    return out


#: the objective's kinds an answer may define with its own constant factor
_OBJECTIVES = ("loss", "lossL")


#: a step that climbs the objective: θ := θ + α ∇_θ ℓ(θ), V = V + α \frac{\partial Ln}{\partial V} (gradient ascent on a
#: log-likelihood)
_ASCENT = re.compile(r"\+\s*(?:\\(?:alpha|eta)|\\epsilon|\\varepsilon)\s*(?:\\cdot\s*)?(?:\\nabla|\\[dt]?frac\s*\{\s*\\partial"
                     r"|\\frac\s*\{\s*d\s*\\?[A-Za-z])")


def ascends(claims) -> bool:
    """Whether some claim of the answer takes a step up its objective's gradient (gradient ascent): its objective is
    then one it maximises, a log-likelihood, whose factor to the spec's loss is negative."""
    return any(_ASCENT.search(c.latex[:2000]) for c in claims)  # (every claim: a plain search, 2000 characters each)


def scale_options(net, scale: float, claims=()) -> tuple:
    """The [notation] options of an answer whose objective is ``scale`` × the spec's: its derivatives are read on
    that scale, and so is a plain gradient step taken on it (w ← w − α ∂F̂/∂w moves ``scale`` times as far); with
    ``claims`` that tie δ to the objective's derivatives (``delta_of_objective``), δ too — for a convention's factor
    (2, ½, N), not a worked example's rounding (J written to four digits reads as 1.0001 × the spec's). (The vote on
    the scale, ``objective_scale``, reads δ on the spec's: δ read on each candidate scale let answers whose
    definitions disagree, Nielsen's planted copy, blackKeys17's C = Σ_x C_x, vote for the slip.)"""
    own_delta = abs(scale - 1) > 0.01 and delta_of_objective(claims)
    steps = [c.latex for c in claims if len(c.latex) <= 2000 and _UPDATE_SIGN.search(c.latex)]
    by_delta = bool(steps) and all("\\delta" in t and "\\partial" not in t for t in steps)
    # (Nilsson's W ← W + c δ X beside ε = (d − f)²: a step taken with the spec's δ, its rate absorbing the 2, is the
    # spec's step; with δ on the answer's own scale, the step written with it is on that scale already)
    return ((("loss_scale", scale),) + ((("step_scale", abs(scale)),) if net.optimizer.name == "sgd" and not (
        by_delta and claims) else ()) + ((("delta_own", True),) if own_delta else ()))


#: an update's sign: \leftarrow, \gets, :=
_UPDATE_SIGN = re.compile(r"\\leftarrow|\\gets|:=")
#: a claim tying δ to a derivative of the objective (max-amb's ∂C/∂a_j ∂a_j/∂z_j = δ_j^{[L]}, Nielsen's δ = ∂C/∂z)
_DELTA_OF_OBJECTIVE = re.compile(r"\\delta.{0,300}\\partial\s*(?:C|J|E|L|\\mathcal\s*\{?[LJ]\}?)(?![A-Za-z])|"
                                 r"\\partial\s*(?:C|J|E|L|\\mathcal\s*\{?[LJ]\}?)(?![A-Za-z]).{0,300}\\delta", re.S)


#: the objective's derivative written as a number (not 1) times δ: \frac{\partial \varepsilon}{\partial W} = -2 \delta X
_SCALED_DELTA = re.compile(r"\\partial\s*(?:C|J|E|L|\\mathcal\s*\{?[LJ]\}?)(?![A-Za-z])[^=]{0,80}=\s*-?\s*(?:[02-9]|1\d)"
                           r"(?:\.\d+)?\s*(?:\\,|\\cdot)?\s*(?:\(\s*-\s*)?\\delta")  # (nilssonletters' (-\delta))


def delta_of_objective(claims) -> bool:
    """Whether the answer ties δ to a derivative of its objective in some claim (∂C/∂a ∂a/∂z = δ): then, with its
    objective read on its own scale (k × the spec's), its δ is that objective's, k × the spec's δ (the parser's option
    ``delta_own``, as for an answer that defines δ as its objective's derivative: scale_options). Not where a claim
    writes the objective's derivative as a number times δ (Nilsson's ∂ε/∂W = −2 δ X beside ε = (d − f)²: the factor
    written is the scale, δ is the spec's)."""
    texts = [c.latex[:2000] for c in claims]
    return any(_DELTA_OF_OBJECTIVE.search(t) for t in texts) and not any(_SCALED_DELTA.search(t) for t in texts)



# δ with any scripts, then a definition sign (after _normal: ≔, ≜, \stackrel{def}{=} all read :=; or \equiv): the author's
# definition of δ, in a bounded, linear scan
_DEFINES_BY_SIGN = re.compile(r"\s*\\delta[^=\\]{0,40}(?::=|\\equiv)")


# δ written equal to a derivative of the objective by a summed input, as the claim's first link (Nielsen's δ_j^l =
# ∂C/∂z_j^l): the answer's δ is its own objective's derivative, on whatever scale that objective has
_DELTA_IS_DERIVATIVE = re.compile(r"\s*+\\delta[^=\\]{0,40}=\s*+\\[dt]?frac\s*+\{\s*+(?:\\partial|d)\s*+"
                                  r"(?:[CJEL]|\\ell|\\mathcal\s*+\{\s*+[LJ]\s*+\})\s*+\}\s*+\{\s*+(?:\\partial|d)\s*+z")
#: a derivative written with a d (XanNotZan's \frac{dC}{da_j^L}): one of the answer's derivatives, as ∂ is
_D_DERIVATIVE = re.compile(r"\\[dt]?frac\s*+\{\s*+d\s*+(?:[A-Za-z]|\\[A-Za-z])")


def delta_is_own(claims) -> bool:
    """Whether the answer defines δ as its objective's derivative by z (``δ_j^l = \\frac{∂C}{∂z_j^l} = …``): then, on
    the answer's own scale of the objective (the ``loss_scale`` option), its δ is on that scale too."""
    return any(_DELTA_IS_DERIVATIVE.match(_normal(c.latex)) for c in claims)


# Ng's gradient letter defined by a definition sign as a derivative of an objective (HSBI/TDU's dZ^{[l]} := ∂J/∂Z^{[l]}):
# group 1 the letter after d, group 2 the objective, group 3 the letter derived by
#: a d-letter defined as the output's error divided by the batch count: dscores = (probs - Y) / N, dZ^{[2]} = \frac{1}{m}
#: (A^{[2]} - Y) (normalised)
_D_LETTER_MEAN = re.compile(r"\s*d[A-Za-z]\w{0,12}(?:\s*\^\s*\{[^{}=]{0,12}\})?\s*=\s*(?:\\frac\s*\{\s*1\s*\}\s*\{\s*[mNnB]\s*\}"
                            r"\s*(?:\\cdot\s*)?\([^()=]{1,200}-[^()=]{1,200}\)|\([^()=]{1,200}-[^()=]{1,200}\)\s*/\s*[mNnB])\s*$")
_D_LETTER_DEFINED = re.compile(r"\s*+d\s*+([A-Za-z])[^=\\:]{0,40}(?::=|\\equiv)\s*+\\[dt]?frac\s*+\{\s*+\\partial\s*+"
                               r"(J|C|E|L|\\ell)(?:\s*+\([^()]{0,60}\))?\s*+\}\s*+\{\s*+\\partial\s*+([A-Za-z])")


def d_letters_of_objective(claims) -> bool:
    """Whether the answer defines Ng's gradient letters as derivatives of its batch objective (``dZ^{[l]} :=
    \\frac{\\partial J}{\\partial Z^{[l]}}``, J the cost averaged over the batch): then its ``dZ``, ``dA`` carry that
    objective's 1/N rather than being each example's own (the parser's option ``d_objective``), and ``dW = \\frac{1}{m}
    dZ A^T`` divides by m twice. Not where a definition ties a letter to one example's loss L or ℓ (Ng's own
    ``dZ^{[l]} = \\frac{\\partial \\mathcal{L}}{\\partial Z^{[l]}}``): then the definitions disagree, and nothing is
    changed."""
    texts = [_normal(c.latex[:2000]) for c in claims]
    found = [m for t in texts if (m := _D_LETTER_DEFINED.match(t)) and m.group(1).lower() == m.group(3).lower()]
    if not found:  # CS231n's dscores = (probs - Y) / N: the first d-letter is the mean's, so are those after it
        if any(_D_LETTER_MEAN.match(t) for t in texts):
            return True
        # dZ = \frac{\partial L}{\partial Z} with a plain =, as a chain's first link (a CS231n write-up): the letter of a
        # quantity of the samples (not dW, db: Ng's dW^{[l]} = ∂J/∂W^{[l]} is the mean's beside his per-example dZ) is
        # the objective's, unless a d-letter is defined as a difference with no 1/N (Ng's dZ = A − Y: each example's)
        equal = [m for t in texts if (m := _D_LETTER_EQUAL.match(t)) and m.group(1).lower() == m.group(3).lower()
                 and m.group(1).lower() not in ("w", "b")]
        return (bool(equal) and all(m.group(2) in ("J", "C", "E", "L") for m in equal)
                and not any(_D_LETTER_DIFFERENCE.match(t) or _D_LETTER_EQUAL.match(t) and _LAST_DIFFERENCE.search(t)
                            for t in texts))
    return all(m.group(2) in ("J", "C", "E") for m in found)


#: a d-letter written equal to the objective's derivative by the same letter, as a claim's first link (normalised)
_D_LETTER_EQUAL = re.compile(r"\s*+d\s*+([A-Za-z])[^=\\:]{0,40}=\s*+\\[dt]?frac\s*+\{\s*+\\partial\s*+"
                             r"(J|C|E|L|\\ell)(?:\s*+\([^()]{0,60}\))?\s*+\}\s*+\{\s*+\\partial\s*+([A-Za-z])")
#: a gradient letter (Ng's dZ, dW^{[2]}, CS231n's \mathrm{d} y after _normal: d y)
_D_LETTER = re.compile(r"(?<![A-Za-z\\])d\s?\\?[A-Za-z]")
#: a parameter's d-letter as a batch's 1/N times other d-letters (Ng's dW = \frac{1}{m} dZ A^T, db = \frac{1}{m} \sum dZ,
#: dW = dZ A^T / m); not batch norm's dx = \frac{1}{N} γ (…), whose 1/N is its statistics'
_PARAMETER_D_MEAN = re.compile(r"\s*d\s?(?:W|w|b|B|\\theta)[^=]{0,24}=\s*(?:\\frac\s*\{\s*1\s*\}\s*\{\s*[mNnB]\s*\}"
                               r"|[^=]{1,80}/\s*[mNB](?![A-Za-z])\s*$)")
#: a chain's last side a difference with no 1/N (Ng's dZ^{[2]} = \frac{\partial L}{\partial Z^{[2]}} = A^{[2]} - Y)
_LAST_DIFFERENCE = re.compile(r"=\s*\(?\s*[A-Za-z][^=()/\\]{0,60}-[^=()/\\]{1,60}\)?\s*$")
#: a d-letter defined as a difference with no 1/N (Ng's dZ^{[2]} = A^{[2]} - Y: each example's own)
_D_LETTER_DIFFERENCE = re.compile(r"\s*d[A-Za-z]\w{0,12}(?:\s*\^\s*\{[^{}=]{0,12}\})?\s*=\s*\(?\s*[A-Za-z][^=()/]{0,60}-"
                                  r"[^=()/]{1,60}\)?\s*$")


def d_letters_per_example(texts) -> bool:
    """Whether the answer shows its gradient letters to be each example's own (Ng): a parameter's d-letter as the batch's
    1/N times other d-letters (``dW = \\frac{1}{m} dZ A^T``, ``db = \\frac{1}{m} \\sum dZ``), or a d-letter defined as a difference
    without one (``dZ^{[2]} = A^{[2]} - Y``). ``texts`` are normalised claims."""
    return any(_PARAMETER_D_MEAN.match(t) and _D_LETTER.search(t.split("=", 1)[1]) or _D_LETTER_DIFFERENCE.match(t)
               for t in texts)


def _a_derivative(latex: str) -> bool:
    """A claim stating a derivative: ∂, ∇, or a d written as Leibniz did (``\\frac{dC}{da}``)."""
    return "\\partial" in latex or "\\nabla" in latex or bool(_D_DERIVATIVE.search(latex))


def _defines_delta(claim, judge) -> bool:
    """δ defined as the objective's derivative (Bishop's δ_j ≡ ∂E_n/∂a_j, Hagan's s_i^m = ∂F̂/∂n_i^m): every side reads as
    the same δ (or the same entry of it). No evidence
    of the objective's scale — δ is read on the spec's scale, so on any other the definition would seem wrong."""
    from .parser import parse_claim

    if _DEFINES_BY_SIGN.match(_normal(claim.latex)):
        return True
    try:
        sides, _ = parse_claim(claim.latex, judge.notation, judge.net.depth)
    except Exception:  # noqa: BLE001 -- a claim that does not read defines nothing
        return False
    def inner(node):  # δ_j ≡ ∂E/∂a_j: the same entry of δ on every side
        return inner(node.args[0]) if node.op in ("comp", "entry") else node

    return all(inner(s).op == "q" and inner(s).value[0] == "delta" for s in sides) and len(set(sides)) == 1


def written_objective(latex: str) -> str | None:
    r"""``\frac{\partial L}{\partial \hat Y} = \frac{\partial}{\partial \hat Y} (Y - \hat Y)^2 = …`` (Rudra's notes): the
    second side differentiates the objective written out, by the same variable, and so defines it — returned as
    ``L = (Y - \hat Y)^2`` for ``objective_scale`` to read, else None. Linear scanning only."""
    from .surface import _group_end

    sides = _sides(_normal(latex).replace("&", " "))
    if len(sides) < 2 or len(sides[0]) > 200:
        return None
    first, second = sides[0].strip(), sides[1].strip()
    for d in ("\\partial", "d"):
        if not (first.startswith("\\frac{" + d) and second.startswith("\\frac{" + d + "}{")):
            continue
        num_end = _group_end(first, len("\\frac"), 200)
        den_end = _group_end(first, num_end, 200) if num_end else None
        wrt_end = _group_end(second, len("\\frac{" + d + "}"), 200)
        if not (num_end and den_end and wrt_end) or first[den_end:].strip():
            return None
        letter = first[len("\\frac{" + d):num_end - 1].strip()
        if first[num_end:den_end].replace(" ", "") != second[len("\\frac{" + d + "}"):wrt_end].replace(" ", ""):
            return None
        body = second[wrt_end:].strip()
        return f"{letter} = {body}" if letter and body else None
    return None


def _redefined(judge, claims, defined: list, k: float, cid: str) -> dict:
    """An objective defined again later on another scale (behnamasadi's notebook: 3Blue1Brown's C_0 = (a^{(L)} − y)²,
    then a section with C = ½‖a^L − y‖²): when a derivative after the new definition is right on its scale and wrong
    on the chosen one (``k``, defined by ``cid``), the author changed convention there — the new definition and each
    later claim whose verdict the two scales decide differently are ``unchecked`` ({id: (factor, kind)}; kinds
    "redefined" and "redefined-depends"). A restated definition the derivatives after it do not follow (a planted
    missing ½) is the slip it looks like: nothing is returned."""
    order = {c.id: n for n, c in enumerate(claims)}
    start = order.get(cid, -1)
    later = [(i, f) for i, f in defined if order.get(i, -1) > start and abs(f - k) > 1e-6 * abs(k)]
    if not later:
        return {}
    again, factor = later[0]
    after = [u for u in claims[order[again] + 1:] if _a_derivative(u.latex) or _IN_DELTA.search(u.latex[:2000])][:48]
    if not after:
        return {}
    chosen, other = _verdicts_at(judge, after, k, claims), _verdicts_at(judge, after, factor, claims)
    if not any(o == "correct" != c for c, o in zip(chosen, other, strict=True)):
        return {}
    out = {again: (factor, "redefined")}
    out.update({u.id: (factor, "redefined-depends") for u, c, o in zip(after, chosen, other, strict=True)
                if c != o and None not in (c, o)})
    return out


def _verdicts_at(judge, uses, k: float, claims=()) -> list:
    """The verdicts of ``uses`` with the objective k × the spec's (1: the spec's); all None when one of them trips."""
    saved = judge.notation
    extra = scale_options(judge.net, k, claims) if abs(k - 1) > 1e-9 else ()
    judge.notation = replace(saved, options=saved.options + extra)
    try:
        return [judge._check_in(u, judge.layouts[0], remember=False).verdict for u in uses]
    except Exception:  # noqa: BLE001 -- no evidence either way
        return [None] * len(uses)
    finally:
        judge.notation = saved


def _scale_verdicts(judge, uses, k: float, claims=()) -> dict:
    """{None: verdicts of ``uses`` on the spec's scale, k: on k × the spec's} (all None when one of them trips); with
    ``claims``, δ is read on k × the spec's too where they tie it to the objective (scale_options)."""
    verdicts = {}
    saved = judge.notation
    for scale in (None, k):
        judge.notation = replace(saved, options=saved.options + (scale_options(judge.net, scale, claims) if scale else ()))
        try:
            verdicts[scale] = [judge._check_in(u, judge.layouts[0], remember=False).verdict for u in uses]
        except Exception:  # noqa: BLE001 -- no evidence either way
            verdicts[scale] = [None] * len(uses)
        finally:
            judge.notation = saved
    return verdicts


#: a side written in δ: \delta, \boldsymbol{\delta} (normalised or as written)
_IN_DELTA = re.compile(r"\\delta(?![A-Za-z])")


#: claims longer than this have their left side read alone first in ``objective_scale`` (a parse of the whole claim
#: is ~20 ms for 300 products; its left side alone is a few characters)
_LONG_DEFINITION = 2000


#: definitions of the objective with distinct factors that win their vote (``objective_scale``): past this many, later
#: definitions are not voted on (each vote judges up to 48 claims on two scales)
_MAX_RIVAL_SCALES = 4


def _left_may_be_objective(latex: str, judge) -> bool:
    """Whether the first side of ``latex``, read alone, may be the objective (True when it does not read alone: the
    whole claim is parsed as before)."""
    from .parser import parse_claim

    parts = _sides(latex[:_LONG_DEFINITION])
    if len(parts) < 2 or len(parts[0]) >= _LONG_DEFINITION // 2:
        return True
    try:
        sides, _ = parse_claim(parts[0] + " = 0", judge.notation, judge.net.depth)
    except Exception:  # noqa: BLE001 -- unread alone: decided by the whole claim's parse
        return True
    return bool(sides) and sides[0].op == "q" and sides[0].value[0] in _OBJECTIVES


def objective_scale(judge, claims, undecided: dict | None = None, rows=None) -> tuple[float | None, str | None]:
    """An answer that defines its objective with another constant factor than the spec's (3Blue1Brown's
    C_0 = (a^{(L)} - y)^2 where the spec has ½‖ŷ − y‖², or a sum where the spec takes the mean): the factor is the
    answer's convention, not a mistake a grader can call — its objective and every derivative of it are read on its
    own scale. Only with no regularizer (J = L), and only a factor that holds at every point. Returns (factor, id of
    the defining claim) or (None, None). A definition off by a factor while none of the derivatives reads on either
    scale (wj-jason's C = (1/n) Σ (ŷ_i − y_i)² with nothing after it judged) decides nothing: its id and factor go
    to ``undecided`` (the caller leaves it unchecked: a convention or a slip, which one is not known) — unless another
    definition of the answer's holds on the spec's scale (Mazur's E_total = Σ ½(target − output)² beside a copy
    without the ½: that one is the slip). ``rows``: the claims with each row of a block as a claim of its own
    (judge._with_rows): a definition written beside others (hypercode's ``z = w·x + b \\qquad a = σ(z) \\qquad
    L = (a − y)^2``) is looked for among them; the derivatives that vote are the claims themselves."""
    from .parser import parse_claim
    from .shapes import ShapeMismatch, evaluate
    from .tree import Unreadable

    if judge.net.regularizer is not None:
        return None, None
    on_scale, off, tie, lone = False, {}, {}, []
    won: list = []  # (margin, factor, id) of each definition whose derivatives follow its own factor
    defined: list = []  # (id, factor) of every definition read, in the answer's order
    # a derivative written in δ votes only when δ is the answer's own derivative of its objective (δ = ∂C/∂z): a δ the
    # answer defines otherwise (sinanLab's δ₂ = (y − ŷ) ⊙ σ'(ŷ)) is read as the spec's, whatever the answer's scale
    own_delta = ("delta_own", True) in judge.notation.options
    for c in claims if rows is None else rows:
        written, orig = written_objective(c.latex), c
        if written is not None:  # ∂L/∂ŷ = ∂/∂ŷ (y − ŷ)²: the claim itself is the definition (and its first use)
            c = replace(c, latex=written)
        elif "\\partial" in c.latex or "\\nabla" in c.latex:
            continue
        if written is None and len(c.latex) > _LONG_DEFINITION and not _left_may_be_objective(c.latex, judge):
            continue  # a long claim (round 22's d-letter sums) is parsed whole only when its left side is the objective
        try:
            sides, rels = parse_claim(c.latex, judge.notation, judge.net.depth)
        except Exception:  # noqa: BLE001 -- a claim that does not read defines nothing (but its first link may)
            parts = _sides(c.latex)
            try:
                sides, rels = parse_claim(parts[0] + "=" + parts[1], judge.notation, judge.net.depth)
            except Exception:  # noqa: BLE001
                continue
        if len(sides) < 2 or set(rels) != {"="} or sides[0].op != "q" or sides[0].value[0] not in _OBJECTIVES:
            continue
        if any(n.op == "q" and (n.value[0].startswith("d") or n.value[0] == "delta") for side in sides[1:]
               for n in side.walk()):
            continue
        if not any(n.op == "q" for n in sides[1].walk()):
            continue  # L = 0.0923: a worked example's value (rounded), not a definition of the objective's scale
        if not any(n.op == "q" and (n.value[0] == "y" or n.value[0].startswith("loss")) for n in sides[1].walk()):
            continue  # L = u² of u = 4 − 2w (smaxx73's exercise): no target, no loss — another function, not the objective
        ratios = []
        for lay in judge.layouts:
            judge._use(lay)
            try:
                values = [np.asarray(evaluate(sides[1], judge.context(env)), dtype=float) for env in judge.envs]
                if any(v.size != 1 for v in values):
                    continue
                ratios = [float(v.ravel()[0]) / float(env[sides[0].value]) for v, env in zip(values, judge.envs, strict=True)]
                break
            except (ShapeMismatch, Unreadable, ValueError, TypeError, ZeroDivisionError, FloatingPointError):
                continue
        if not ratios or not all(np.isfinite(ratios)):
            continue
        k = ratios[0]
        if all(abs(r - k) <= 1e-6 * abs(k) for r in ratios):
            defined.append((orig.id, round(k, 9)))
        if any(abs(f - round(k, 9)) <= 1e-6 * abs(f) for _, f, _ in won) or len(won) >= _MAX_RIVAL_SCALES:
            continue  # (a factor already won: its vote would be the same; past a few rival factors: no more votes)
        on_scale = on_scale or abs(k - 1) <= 1e-6 and all(abs(r - 1) <= 1e-6 for r in ratios)
        if abs(k - 1) > 1e-6 and (k > 0 or k < 0 and ascends(claims)) and all(
                abs(r - k) <= 1e-6 * abs(k) for r in ratios):
            # (a negative factor only where the answer climbs its objective: CS229's log-likelihood ℓ(θ) = Σ_i y log h
            # + (1 − y) log(1 − h), maximised by θ := θ + α ∇_θ ℓ(θ); one that drops the minus of a cost it descends
            # is off by its sign, a slip)
            # the answer's convention only if its derivatives follow it: a definition that is off by a factor while
            # the derivatives keep the spec's scale is a mistake in the definition (a planted missing ½)
            every = [u for u in claims if u is not c and _a_derivative(u.latex) and not _defines_delta(u, judge)
                     and (own_delta or not _IN_DELTA.search(_sides(u.latex[:2000])[-1])
                          or _SCALED_DELTA.search(u.latex[:2000]))]  # (Nilsson's ∂ε/∂W = −2 δ X: its factor written)
            if written is not None:
                every = [orig, *(u for u in every if u is not orig)]
            # the first 12 uses; when none of them is right on one scale only, up to 36 more (wj-jason's derivatives
            # that follow his C = Σ (ŷ − y)² come after many that hold on both scales)
            uses, verdicts = [], {None: [], round(k, 9): []}
            for chunk in (every[:12], every[12:48]):
                if uses and any("correct" in (nv, kv) and nv != kv for nv, kv in zip(*verdicts.values(), strict=True)):
                    break
                uses += chunk
                for scale, got in _scale_verdicts(judge, chunk, round(k, 9)).items():
                    verdicts[scale] += got
            # votes: the definition one for its own scale, each derivative right on one scale only one for that
            # scale (a claim right on both, ∂C/∂b = δ, shows nothing)
            pairs = list(zip(verdicts[None], verdicts[round(k, 9)], strict=True))
            own = 1 + sum(kv == "correct" != nv for nv, kv in pairs)
            spec = sum(nv == "correct" != kv for nv, kv in pairs)
            if not any("correct" in pair for pair in pairs):
                off[c.id] = (round(k, 9), "unread")
            elif not any("correct" in (nv, kv) and nv != kv for nv, kv in pairs):
                # no derivative right on one scale only (∂C/∂b = δ, δ the answer's own ∂C/∂z, holds on both): the
                # definition alone decides — unless another definition of the answer holds on the spec's scale
                lone.append((round(k, 9), c.id))
            elif own > spec:
                # the answer's scale — unless a later definition with another factor wins by more (an objective defined
                # twice: a step written in its own gradient, θ := θ + α ∇ℓ, holds on every factor of its sign and
                # votes for whichever definition comes first; the derivatives written out decide between them)
                won.append((own - spec, round(k, 9), c.id))
            elif own == spec:
                # a tie (3Blue1Brown's C_0 = (a − y)² beside a slipped ∂C_0/∂a = a − y): which is the slip is not
                # known, so the definition and every claim the scale decides are left unchecked
                tie[c.id] = (round(k, 9), "tie")
                tie.update({u.id: (round(k, 9), "depends") for u, one, other in
                            zip(uses, verdicts[None], verdicts[round(k, 9)], strict=True) if one != other})
                # a claim tying δ to the objective (hypercode's δ = ∂L/∂a · ∂a/∂z = 2(a − y) · a(1 − a)), wrong on
                # both scales in the vote (which reads δ on the spec's), may hold on the answer's with its δ on it
                # too: its verdict depends on the scale as well
                tied = [u for u, one, other in zip(uses, verdicts[None], verdicts[round(k, 9)], strict=True)
                        if one == other != "correct" and _DELTA_OF_OBJECTIVE.search(u.latex[:2000])]
                if tied:
                    own_delta = _scale_verdicts(judge, tied, round(k, 9), claims)
                    tie.update({u.id: (round(k, 9), "depends") for u, one, other in
                                zip(tied, own_delta[None], own_delta[round(k, 9)], strict=True) if one != other})
    if won:
        best = max(won, key=lambda w: w[0])  # (the first among equals: as before, the earliest definition)
        if undecided is not None:
            undecided.update(_redefined(judge, claims, defined, best[1], best[2]))
        return best[1], best[2]
    if lone and not on_scale:
        return lone[0]
    off.update({cid: (k, "unread") for k, cid in lone})
    if undecided is not None and not on_scale:  # (another definition on the spec's scale shows the factor is a slip)
        undecided.update(off)
        undecided.update(tie)
    return None, None
