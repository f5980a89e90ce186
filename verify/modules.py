"""Layers written as modules (wj-jason's notes, the "layer classes" of from-scratch courses): every layer, dense or
activation, maps an input column X to an output column Y; a dense module is ``Y = W X + B``, an activation module
``Y = f(X)``, and the modules are numbered one after another (``Y^{(0)} = X^{(1)}``), so the module number is not the
spec's layer number: a spec's dense layer l with activation φ is two modules (its affine map, then φ; an identity
output layer is one).

``ModuleReading.prepare`` rewrites such an answer's letters into the spec's quantities before the parser reads them:

- with a module number: ``X^{(m)}``, ``Y^{(m)}``, ``W^{(m)}``, ``B^{(m)}`` (also ``X^{{(m)}^T}``) become the input
  and output of module m (``h^{(l-1)}`` or ``x``, ``z^{(l)}``, ``h^{(l)}``), its weights and bias; in such a claim a
  bare Y is the network's output and \\hat{Y} the target (the author's own y and ŷ);
- without one (the derivation for "a layer"): a claim with W, B, w or b is about a dense module, read with a generic
  layer l (checked for every dense layer); a claim that applies f (``Y = f(X)``, ``f'(X)``) is about an activation
  module; lowercase entries (``y_m``, ``x_n``, ``w_{mn}``, ``b_m``) follow their capital. A claim with neither (only X
  and Y, whose meaning depends on the module's kind) is left as written (unread).

Only an answer that defines a dense module as ``Y = W X + B`` is read so. Every substitution is a linear regex pass.
"""

from __future__ import annotations

import re

from .rewriting import Rewriting

#: wj-jason's definition of a dense module (after size macros and spaces are dropped): Y=WX+B; CANNDY's Y=X\cdot W+b
#: (samples as rows, a lowercase bias); XW + B, a slip in the order, still names the modules
_DENSE_DEF = re.compile(r"(?<![A-Za-z\\])Y(?:_\{[^{}=]{0,30}\})?=(?:W(?:_\{[^{}=]{0,30}\})?(?:\\cdot)?X|"
                        r"X(?:_\{[^{}=]{0,30}\})?(?:\\cdot)?W)(?:_\{[^{}=]{0,30}\})?\+[Bb](?![A-Za-z])")
_SIZE = re.compile(r"\\(?:Large|LARGE|large|Huge|huge|displaystyle)(?![A-Za-z])|\s+")
#: a module letter in bold: \mathbf{Y} = \mathbf{X} \cdot \mathbf{W} + \mathbf{B} (Saito's Deep Learning from Scratch)
_BOLD_MODULE = re.compile(r"\\(?:mathbf|boldsymbol|bm)\s*\{\s*([XYWB])\s*\}")
#: a module number written on X, Y, W, B, transposed inside the script: X^{{(2)}^T}
_NUMBERED_T = re.compile(r"(?<![A-Za-z\\])([XYWB])\s*\^\s*\{\s*\{\s*\(\s*(\d)\s*\)\s*\}\s*\^\s*(?:T|\\top)\s*\}")
#: a module number written on X, Y, W, B: X^{(2)}, Y^{(0)}
_NUMBERED = re.compile(r"(?<![A-Za-z\\])([XYWB])\s*\^\s*(?:\{\s*\(\s*(\d)\s*\)\s*\}|\(\s*(\d)\s*\))")
#: a capital module letter with no number (not a command's letter, not followed by a script)
_BARE = re.compile(r"(?:(?<![A-Za-z\\])|(?<=[XYWB]))([XYWB])(?:(?![A-Za-z])|(?=[XYWB]))(?!\s*(?:_|\^\s*\{?\s*\())")
#: a size written as a subscript: Y_{m \text{x} 1}, W_{m \times n}
_SIZE_SCRIPT = re.compile(r"(?<=[XYWB])\s*_\s*\{\s*[a-z0-9]\s*(?:\\text\s*\{\s*x\s*\}|\\times|x)\s*[a-z0-9]\s*\}")
_BARE_HAT = re.compile(r"\\(?:hat|widehat)\s*\{\s*Y\s*\}|\\(?:hat|widehat)\s+Y(?![A-Za-z])")
#: a lowercase entry: x_n, y_0, w_{mn}, b_{m}
_ENTRY = re.compile(r"(?<![A-Za-z\\])([xywb])\s*_\s*(\{[^{}]{1,8}\}|[A-Za-z0-9])")
#: a claim about an activation module: f applied, f'(…), σ'(…)
_APPLIES = re.compile(r"(?<![A-Za-z\\])f\s*(?:'\s*)?\(|\\sigma\s*(?:'\s*)?\(|(?<![A-Za-z\\])f\s*'")
#: a module's own lowercase input and output, bare: x, y (no script: an entry follows its capital, _ENTRY)
_LOCAL_XY = re.compile(r"(?<![A-Za-z\\])([xy])(?![A-Za-z_])")
_CAPITAL = re.compile(r"(?<![A-Za-z\\])[XY](?![A-Za-z])")
#: an activation written out: the logistic's exp, σ, tanh
_ACTIVATION = re.compile(r"\\exp|e\s*\^\s*\{\s*-|\\sigma|\\tanh")
_DENSE_LETTERS = re.compile(r"(?<![A-Za-z\\])[WBwb](?![A-Za-z])")
#: a dense module's script text for a generic layer l: what X, Y, W, B (and their entries) are
_DENSE = {"X": "h^{(l-1)}", "Y": "z^{(l)}", "W": "W^{(l)}", "B": "b^{(l)}"}
_ACTIVE = {"X": "z^{(l)}", "Y": "h^{(l)}"}


def _modules(net) -> list[tuple[str, int]]:
    """The modules of a dense network in order: ("dense", l) for layer l's affine map, ("active", l) for its φ."""
    out = []
    for layer in net.layers:
        out.append(("dense", layer.index))
        if layer.activation != "identity":
            out.append(("active", layer.index))
    return out


class ModuleReading(Rewriting):
    """The rewriting of an answer written in modules; None from ``detect`` when the answer is not."""

    def __init__(self, net, first: int):
        self.modules = _modules(net)
        self.first = first  # the number of the first module (wj-jason: 0), None when the answer does not show it
        self.originals: dict[str, str] = {}
        if first is None:
            self.change = ("layers written as modules X → Y (Y = W X + B, Y = f(X)); their numbers (from 0 or 1?) are "
                           "not read, the claims about any module are")
        else:
            self.change = ("layers written as modules X → Y (Y = W X + B, Y = f(X)), numbered from "
                           f"{first}: module m is the spec's " + ", ".join(
                               f"{m + first} = layer {l}'s {'affine map' if k == 'dense' else 'activation'}"
                               for m, (k, l) in enumerate(self.modules)))

    @staticmethod
    def detect(net, claims) -> ModuleReading | None:
        if getattr(net, "has_kinds", False) or not any(layer.kind == "dense" for layer in net.layers):
            return None
        texts = [_SIZE.sub("", _BOLD_MODULE.sub(r"\1", c.latex)) for c in claims]
        if not any(_DENSE_DEF.search(t) for t in texts):
            return None
        numbers = {int(m.group(2) or m.group(3)) for c in claims for m in _NUMBERED.finditer(_BOLD_MODULE.sub(r"\1", c.latex))}
        count = len(_modules(net))
        # numbered from 0 (wj-jason) when a 0 is written, from 1 when the last module's number is; otherwise the numbers
        # are not read (a guess either way), the claims without one still are
        first = 0 if 0 in numbers else 1 if count in numbers else None
        if numbers and max(numbers) - (first or 0) >= count:
            return None  # more modules than the spec has: another numbering
        return ModuleReading(net, first)

    # -- one claim -----------------------------------------------------------------------------------
    def _quantity(self, letter: str, number: int) -> str | None:
        m = number - self.first if self.first is not None else -1
        if not 0 <= m < len(self.modules):
            return None
        kind, layer = self.modules[m]
        if kind == "active":
            return {"X": f"z^{{({layer})}}", "Y": f"h^{{({layer})}}"}.get(letter)
        return {"X": "x" if layer == 1 else f"h^{{({layer - 1})}}", "Y": f"z^{{({layer})}}",
                "W": f"W^{{({layer})}}", "B": f"b^{{({layer})}}"}[letter]

    def rewrite(self, text: str) -> str:
        text = _SIZE_SCRIPT.sub("", _BOLD_MODULE.sub(r"\1", text))
        if _NUMBERED.search(text) or _NUMBERED_T.search(text):
            return self._numbered(text)
        if _APPLIES.search(text) and not _DENSE_LETTERS.search(text):
            return self._generic(text, _ACTIVE)
        if _LOCAL_XY.search(text) and not _CAPITAL.search(text) and not _DENSE_LETTERS.search(text) and _ACTIVATION.search(text):
            # Saito's sigmoid module y = 1/(1 + exp(−x)), ∂L/∂y y(1 − y): a module's own lowercase x and y, in a claim
            # that writes an activation out — the activation module's input and output
            return _LOCAL_XY.sub(lambda m: _grouped(_ACTIVE[m.group(1).upper()], m), text)
        if _DENSE_LETTERS.search(text):
            return self._generic(text, _DENSE)
        return text

    def _numbered(self, text: str) -> str:
        def one(m: re.Match, transposed: bool) -> str:
            q = self._quantity(m.group(1), int(m.group(2) if transposed else m.group(2) or m.group(3)))
            if q is None:
                return m.group(0)
            return f"{{{q}}}^T" if transposed else _grouped(q, m)

        text = _NUMBERED_T.sub(lambda m: one(m, True), text)
        text = _NUMBERED.sub(lambda m: one(m, False), text)
        text = _BARE_HAT.sub("y", text)  # the author's \hat{Y} is the target
        return _BARE.sub(lambda m: r"\hat{y}" if m.group(1) == "Y" else m.group(0), text)

    def _generic(self, text: str, table: dict) -> str:
        def entry(m: re.Match) -> str:
            q = table.get(m.group(1).upper())
            return f"{q}_{m.group(2)}" if q else m.group(0)

        text = _ENTRY.sub(entry, text)
        return _BARE.sub(lambda m: _grouped(table[m.group(1)], m) if m.group(1) in table else m.group(0), text)


def _grouped(q: str, m: re.Match) -> str:
    """``q`` in place of the letter ``m`` matched: in braces when a script follows (X^T → {h^{(1)}}^T)."""
    return f"{{{q}}}" if m.string[m.end():m.end() + 4].lstrip().startswith("^") else q
