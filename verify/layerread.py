"""Reading claims about batch norm, layer norm, dropout and residual blocks (networks with layer kinds).

Courses write these layers in a handful of notations: Ioffe & Szegedy's (2015) x_i, \\hat{x}_i, \\mu_\\mathcal{B},
\\sigma^2_\\mathcal{B}, y_i = \\gamma \\hat x_i + \\beta and \\frac{\\partial \\ell}{\\partial \\gamma}; CS231n's code names
(x_hat, mu, var, sample_mean, sample_var, dout, dgamma, dbeta, dx); a whole network's \\gamma^{(2)}, \\hat{x}^{(2)}.
Some of these letters mean something else elsewhere: γ is also the leaky-ReLU slope, β the optimizer's momentum or
Adam's β₁/β₂, μ momentum, σ the sigmoid, ε Adam's ε. ``LayerReading.prepare`` decides, claim by claim and from its
context, which one a letter is, and rewrites the layer's symbols into names the parser reads as quantities
(``\\bngamma^{(2)}`` is γ of layer 2, ``\\bnx^{(1)(i)}`` sample i of the batch-norm layer's input), with the
layer's own ε and p written in as numbers. A claim whose letters could mean either is ``unchecked`` with the reason,
never guessed.

Two readings of an answer:

- *layer-local* (Ioffe & Szegedy, CS231n's batchnorm_backward, Kratzert): the answer writes x̂ without a layer and no
  weights: x is the normalisation layer's input, y its output (before the activation), ℓ (or L) the loss, and a
  subscript i on x, x̂, y is the sample i of the batch. The network must then have one normalisation layer.
- *whole network*: the answer numbers its layers (\\gamma^{(2)}, \\hat{x}^{(2)}): a symbol without a layer is read as
  the network's only layer of its kind, else it needs the layer written.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .normalize import _HAT_SCRIPTED

#: bases the parser reads (the rewritten names) -> the quantity kind (verify/layertruth.py)
BASES = (("bngamma", "gamma"), ("bnbeta", "beta"), ("bnxhat", "xhat"), ("bnmu", "mu"), ("bnvar", "var"),
         ("bnmask", "mask"), ("bnx", "h"), ("bny", "z"), ("bnF", "F"))
#: the layer kinds with γ, β, x̂, μ, σ²
NORMS = ("batchnorm", "layernorm")

_B = r"(?:\\mathcal\s*\{\s*B\s*\}|\\mathcal\s*B|B)"
_SUB_B = rf"_\s*(?:\{{\s*{_B}\s*\}}|{_B})"
_SQUARE = r"\^\s*(?:\{\s*2\s*\}|2)"
_HAT_X = re.compile(r"\\(?:wide)?hat\s*(?:\{\s*(?:\\mathbf\s*\{\s*x\s*\}|\\boldsymbol\s*\{\s*x\s*\}|x)\s*\}|x(?![A-Za-z]))"
                    r"|(?<![A-Za-z\\])(?:x_hat|xhat|x_\{hat\}|x_norm)(?![A-Za-z])")
#: x̂ with a layer written: \hat{x}^{(2)}, \hat{x}^{[l]} (not a sample, \hat{x}^{(n)})
_HAT_X_LAYER = re.compile(r"\\(?:wide)?hat\s*\{?\s*x\s*\}?\s*\^\s*\{?\s*[\[(]\s*(?:\d|l\b|L\b)")
_VAR = re.compile(rf"\\sigma\s*(?:{_SUB_B}\s*{_SQUARE}|{_SQUARE}\s*{_SUB_B}|{_SQUARE})(?!\s*\()"
                  r"|(?<![A-Za-z\\])(?:sample_var|var)(?![A-Za-z])")
_MU = re.compile(rf"\\mu\s*(?:{_SUB_B})?(?![A-Za-z])|(?<![A-Za-z\\])(?:sample_mean|mu)(?![A-Za-z])")
_SIGMA_B = re.compile(rf"\\sigma\s*{_SUB_B}(?!\s*\^)")
_SIGMA = re.compile(r"\\sigma(?![A-Za-z])(?!\s*(?:\(|\\left|_|\^))")
_EPS = re.compile(r"\\(?:var)?epsilon(?![A-Za-z])|(?<![A-Za-z\\])eps(?![A-Za-z])")
_GAMMA = re.compile(r"\\gamma(?![A-Za-z])|(?<![A-Za-z\\])gamma(?![A-Za-z])")
_BETA = re.compile(r"\\beta(?![A-Za-z_])(?!\s*_\s*\{?\s*[12])|(?<![A-Za-z\\])beta(?![A-Za-z])")
_ELL = re.compile(r"\\ell(?![A-Za-z])|\\mathcal\s*\{\s*L\s*\}|\\mathcal\s+L(?![A-Za-z])")
_DOUT = re.compile(r"(?<![A-Za-z\\])(?:dout|dy)(?![A-Za-z])")
_DGAMMA = re.compile(r"(?<![A-Za-z\\])d(gamma|beta)(?![A-Za-z])")
_DX = re.compile(r"(?<![A-Za-z\\])dx(?![A-Za-z])")
_LOCAL = re.compile(r"(?<![A-Za-z\\])(x|y|out)(?![A-Za-z])")
_MASK = re.compile(r"\\(?:text|mathrm|operatorname)\s*\{\s*mask\s*\}|(?<![A-Za-z\\])mask(?![A-Za-z])")
_ONE_MINUS_P = re.compile(r"1\s*-\s*p(?![A-Za-z])")
_P = re.compile(r"(?<![A-Za-z\\])p(?![A-Za-z])")
_F = re.compile(r"(?:\\mathcal\s*\{\s*F\s*\}|\\mathcal\s+F|(?<![A-Za-z\\])F)(?![A-Za-z])"
                r"(?:\s*(?:\\left\s*)?\((?:[^()]|\([^()]*\))*\)(?:\\right\s*\))?)?")  # F(x_l, W_l): the block's F
#: CS231n's code names written as text: \text{x\_hat}, \mathrm{dout}, \texttt{sample\_var}
_CODE_NAME = re.compile(r"\\(?:text|mathrm|texttt|mathtt|operatorname)\s*\{\s*((?:x\\?_hat|xhat|x\\?_norm|dout|dy|dx|dgamma|dbeta|"
                        r"sample\\?_mean|sample\\?_var|mu|var|eps|out|mask))\s*\}")
_INVERSE = re.compile(r"(\((?:[^()]|\([^()]*\))*\)|\\[A-Za-z]+|[A-Za-z])\s*(?:\^\s*\{\s*-\s*1\s*\}|\^\s*-\s*1(?![0-9.]))")
#: a negative power other than −1 of a parenthesised group: (σ_B² + ε)^{-1.5}, (σ_B² + ε)^{-3/2}
_NEGATIVE_POWER = re.compile(r"(\((?:[^()]|\([^()]*\))*\))\s*\^\s*\{\s*-\s*([0-9]+(?:\.[0-9]+)?(?:\s*/\s*[0-9]+)?)\s*\}")
#: a rewritten name and the scripts after it: \bnx_i^{(2)}, \bnxhat^{(2)}_{i}
_NAME = re.compile(r"\\(bn[A-Za-z]+)((?:\s*[_^]\s*(?:\{(?:[^{}]|\{[^{}]*\})*\}|[A-Za-z0-9]))*)")
_SCRIPT = re.compile(r"([_^])\s*(\{((?:[^{}]|\{[^{}]*\})*)\}|[A-Za-z0-9])")
#: markers of a normalisation layer in a claim (its own symbols, or the derivative by γ or β)
_NORM_CONTEXT = re.compile(rf"\\(?:wide)?hat\s*\{{?\s*x|x_hat|xhat|\\mu\s*{_SUB_B}|\\sigma\s*(?:{_SUB_B}|{_SQUARE}\s*{_SUB_B})"
                           r"|sample_(?:mean|var)|dgamma|dbeta|\\partial\s*\\(?:gamma|beta)|\bBN\b|\\gamma\s*\\hat")
#: markers of an optimizer step (where β is the optimizer's): an update, a state, a step count
_UPDATE_CONTEXT = re.compile(r"\\leftarrow|\\gets|:=|\bv_\{?d|\bS_\{?d|\bV_\{?d|\\beta\s*_\s*\{?\s*[12]|\\alpha|\\eta|_\{?t\s*-\s*1")
#: a bare x (not x̂, rewritten before; not inside a word or a command)
_BARE_X = re.compile(r"(?<![A-Za-z\\])x(?![A-Za-z])")
_WEIGHTS = re.compile(r"(?<![A-Za-z\\])[Ww](?![A-Za-z])|\\theta")
SAMPLE_SUBSCRIPTS = ("i", "n")
#: a sum over the batch: \sum_{j=1}^{m}, \sum_{j=1}^m (m or N the batch size)
_BATCH_SUM = re.compile(r"\\sum\s*+_\s*+\{\s*+([a-z])\s*+=\s*+1\s*+\}\s*+\^\s*+(?:\{\s*+[mN]\s*+\}|[mN](?![A-Za-z]))")
#: a sample index in parentheses, ^{(n)} (a layer is a number or l)
SAMPLE_LETTERS = ("i", "n", "m", "j")


class LayerReading:
    """The reading of one answer's claims about a network with layer kinds (see the module docstring)."""

    def __init__(self, judge):
        self.judge = judge
        net = judge.net
        self.net = net
        self.layers = list(net.layers)
        self.norms = [layer for layer in self.layers if layer.kind in NORMS]
        self.dropouts = [layer for layer in self.layers if layer.kind == "dropout"]
        self.residuals = [layer for layer in self.layers if layer.kind == "residual"]
        self.first = int(dict(judge.notation.options).get("input_layer", 0))  # the answer's number of the input
        self.leaky_gamma = any(k == "gamma" for layer in _every(self.layers) for k, _ in layer.params)
        hyper = net.hyper_dict
        self.optimizer_beta = any(k in hyper for k in ("momentum", "beta", "beta1", "beta2"))
        self.optimizer_mu = "momentum" in hyper
        self.originals: dict[str, str] = {}
        self.fixed: dict[str, tuple] = {}  # bngammaLc -> ("gamma", 2): the layers the context gives
        self.local = False
        self.dropout_letters: tuple | None = None  # (output, mask, input) of the answer's own y_i = m_i x_i / (1 − p)
        self.tilde_dropout: tuple | None = None  # (mask, input) of the answer's \tilde h = m ⊙ h / q

    # -- the answer as a whole -----------------------------------------------------------------------------
    def prepare(self, claims) -> list:
        """The claims as the parser reads them (each rewritten as its context says); the judge's notation gains
        the rewritten names. A claim whose symbols could mean two things is preset ``unchecked`` (judge.defining)."""
        judge = self.judge
        texts = [_CODE_NAME.sub(lambda m: m.group(1).replace("\\_", "_"), _hat_scripts(c.latex)) for c in claims]
        self.local = bool(self.norms) and any(_HAT_X.search(t) for t in texts) and not any(
            _WEIGHTS.search(t) for t in texts) and not any(_HAT_X_LAYER.search(t) for t in texts)
        # Ioffe & Szegedy's partials of the graph (∂x̂_i/∂x_i at fixed μ_B and σ_B²): read only when the answer writes
        # the graph's chain rule itself (∂C/∂x_i through x̂_i, μ_B and σ_B²), so that its ∂x̂_i/∂x_i is such a partial
        self.graph = self.local and any(_three_paths(t) for t in texts)
        bases = BASES if self.residuals else tuple(b for b in BASES if b[0] != "bnF")
        if len(self.dropouts) == 1 and not self.norms:
            self.dropout_letters = _dropout_letters(claims)
            if self.dropout_letters is not None:  # its x_i are the dropout's input entries (not Rumelhart's total inputs)
                judge.notation = replace(judge.notation, options=judge.notation.options + (("input_entries", True),))
            else:
                self.tilde_dropout = _tilde_dropout(claims)
        out = []
        plain = False  # (FortiLeiZhang's y = γ · x, β dropped: his x is x̂ until a definition writes x̂ again)
        current = None  # (the answer's latest definition of its dropout output: a redefinition, y_i = x_i in test mode,
        # ends the reading of its letters as the dropout's)
        for k, c in enumerate(claims):
            if self.dropout_letters is not None:
                current = _definition_of(self.dropout_letters, c.latex, current)
                if current is False:
                    judge.defining[c.id] = ("unchecked", f"could not read the claim: the answer defines "
                                            f"{self.dropout_letters[0]} again otherwise (not as the dropout's output), "
                                            "so its letters here are not the spec's dropout")
                    out.append(c)
                    continue
                if k and (case := _MASK_CASE.match(_normal_text(claims[k - 1].latex))) is not None and (
                        case.group(1) == self.dropout_letters[1]):
                    c = replace(c, latex=_masked(c.latex, case.group(1), case.group(2)))
            if len(self.norms) == 1:
                plain = _plain_scale(c.latex, plain)
                if plain and not _PLAIN_SCALE.search(_normal_text(c.latex)):
                    c = replace(c, latex=_X_FOR_XHAT.sub(r"\\hat{x}", c.latex))
            try:
                text = self.rewrite(c.latex)
            except _Ambiguous as exc:
                judge.defining[c.id] = ("unchecked", f"could not read the claim: {exc}")
                out.append(c)
                continue
            if text != c.latex:
                self.originals[c.id] = c.latex
                c = replace(c, latex=text)
            out.append(c)
        judge.notation = replace(judge.notation, bases=judge.notation.bases + bases,
                                 fixed=judge.notation.fixed + tuple(self.fixed.items()))
        return out

    def restore(self, results) -> None:
        """Each result shows the claim as the answer wrote it."""
        for r in results:
            if r.id in self.originals:
                r.latex = self.originals[r.id]

    # -- one claim -----------------------------------------------------------------------------------
    def rewrite(self, text: str) -> str:
        text = _hat_scripts(text)
        text = _CODE_NAME.sub(lambda m: m.group(1).replace("\\_", "_"), text)  # \text{x\_hat} -> x_hat
        norm = self._norm_layer(text)
        context = bool(_NORM_CONTEXT.search(text)) or self.local
        if self.norms and context:
            text = self._norm_symbols(text, norm)
            if not self.local and norm is not None and norm.index > 1 and _BARE_X.search(text):
                raise _Ambiguous("x beside batch norm's symbols is the normalisation layer's input in Ioffe & Szegedy's "
                                 "notation, but the network's input in an answer that writes its weights; write the "
                                 f"layer's input with its layer, e.g. h^{{({norm.index - 1})}}")
        elif self.norms and re.search(r"\\hat\s*\{?\s*x", text):
            text = _HAT_X.sub(r"\\bnxhat ", text)
        if self.norms and not context:
            self._refuse_ambiguous(text)
        if self.dropouts:
            text = self._dropout(text)
        if self.residuals:
            text = _F.sub(r"\\bnF ", text)
        return self._layers(text, norm)

    def _norm_layer(self, text: str):
        """The normalisation layer a claim without layer numbers is about: the network's only one, else None."""
        return self.norms[0] if len(self.norms) == 1 else None

    def _norm_symbols(self, text: str, norm) -> str:
        """γ, β, x̂, μ, σ², σ, ε (and, read layer-locally, x, y, ℓ, dout) as the normalisation layer's quantities."""
        if norm is None and self.local:
            where = ", ".join(str(layer.index) for layer in self.norms)
            raise _Ambiguous(f"the answer's batch-norm symbols name no layer and the network normalises in layers {where}; "
                             "write the layer, e.g. \\gamma^{(2)}")
        text = _HAT_X.sub(r"\\bnxhat ", text)
        text = _INVERSE.sub(r"\\frac{1}{\1}", text)  # (var + eps)^{-1}: elementwise, the statistics are per-unit vectors
        text = _NEGATIVE_POWER.sub(r"\\frac{1}{\1^{\2}}", text)  # (var + eps)^{-1.5}: 1 / (var + eps)^{1.5}, elementwise
        text = _VAR.sub(r"\\bnvar ", text)
        text = _SIGMA_B.sub(r"\\bnsigma ", text)
        if not any(layer.activation == "sigmoid" for layer in self.layers):
            text = _SIGMA.sub(r"\\bnsigma ", text)
        text = _MU.sub(r"\\bnmu ", text)
        text = _DGAMMA.sub(lambda m: rf"\frac{{\partial L}}{{\partial \bn{m.group(1)}}}", text)
        text = _GAMMA.sub(r"\\bngamma ", text)
        text = _BETA.sub(r"\\bnbeta ", text)
        if norm is not None:
            text = _EPS.sub(_number(norm.settings_dict["eps"]), text)
        if self.local and _one_example_term(text):  # (before the graph's partials are written out: ∂y_i/∂x̂_i names i)
            raise _Ambiguous("a batch-wide quantity (γ, β, μ_B, σ_B² or a derivative by one) set equal to a term of one "
                             "example i with no sum over the batch: the sum left implicit or one example's share, which "
                             "one is not said; write \\sum_{i=1}^{m}")
        if self.graph and norm is not None:
            text = _GRAPH_PARTIAL.sub(lambda m: _graph_partial(m, _number(norm.settings_dict["eps"])), text)
            text = _Y_PARTIAL.sub(_y_partial, text)
        if self.local:
            text = _ELL.sub("L", text)
            text = _DOUT.sub(r"\\bndy ", text)
            text = _DX.sub(r"\\bndx ", text)
            text = _LOCAL.sub(lambda m: r"\bnx " if m.group(1) == "x" else r"\bny ", text)
        return text

    def _refuse_ambiguous(self, text: str) -> None:
        """γ or β in a claim that says nothing about a normalisation layer: the other meaning when the network has
        one, unchecked when it has both."""
        if _GAMMA.search(text) and self.leaky_gamma:
            return  # the leaky-ReLU slope (no batch-norm marker in the claim)
        if _GAMMA.search(text):
            raise _Ambiguous("γ is batch norm's scale here (the network has no leaky-ReLU slope γ), but nothing in the "
                             "claim says which normalisation layer; write it with x̂ or the layer, e.g. \\gamma^{(2)}")
        if _BETA.search(text) and not (self.optimizer_beta and _UPDATE_CONTEXT.search(text)) and not self.optimizer_beta:
            raise _Ambiguous("β is batch norm's shift here (the optimizer has no β), but nothing in the claim says which "
                             "normalisation layer; write it with x̂ or the layer, e.g. \\beta^{(2)}")
        if _BETA.search(text) and self.optimizer_beta and not _UPDATE_CONTEXT.search(text):
            raise _Ambiguous("β is both the optimizer's and batch norm's shift, and nothing in the claim says which (an "
                             "update ← or x̂, μ_B, σ_B² beside it would)")

    def _dropout(self, text: str) -> str:
        """The mask (``mask``, ``\\text{mask}``) and, beside 1 − p, the drop probability p of the network's dropout; with
        the answer's own letters (zuoyuan's ``y_i = \\frac{m_i \\cdot x_i}{1-p}``), its output, mask and input."""
        if self.dropout_letters is not None:
            out, mask, inp = self.dropout_letters
            d = self.dropouts[0].index
            text = re.sub(rf"(?<![A-Za-z\\]){mask}(?![A-Za-z])", r"\\bnmask ", text)
            for letter, layer in ((out, d), (inp, d - 1)):
                text = re.sub(rf"(?<![A-Za-z\\]){letter}(?![A-Za-z])(?!\s*\^\s*\{{?\s*[\[(])",
                              lambda m, layer=layer: "\\" + self._fixed("bnx", layer) + " ", text)
        if self.tilde_dropout is not None:  # d2l's \tilde{h} = m ⊙ h / (1 − p): the mask and the output
            mask, inp = self.tilde_dropout
            d = self.dropouts[0].index
            text = re.sub(_BOLD_LETTER.format(mask), r"\\bnmask ", _BOLD_TILDE.sub(
                lambda m: ("\\" + self._fixed("bnx", d) + " ") if inp and next((g for g in m.groups() if g), None) == inp
                else m.group(0), text))
        elif self.dropout_letters is None and _M_BESIDE_ODOT.search(text):
            raise _Ambiguous("m beside ⊙ in a network with dropout is the mask, but the answer defines no dropout output "
                             "with it (\\tilde{h} = m ⊙ h / (1 − p)), and a bare m is also the number of examples; write "
                             "the mask as \\text{mask}, or define the dropout's output with it")
        text = _MASK.sub(r"\\bnmask ", text)
        ps = {layer.settings_dict["p"] for layer in self.dropouts}
        if (_ONE_MINUS_P.search(text) or self.dropout_letters is not None) and len(ps) == 1:  # (p: the drop rate its
            # own y_i = m_i x_i / (1 − p) names)
            text = _P.sub(_number(next(iter(ps))), text)
        return text

    def _layers(self, text: str, norm) -> str:
        """Each rewritten name with its layer (the one the context gives, unless written) and a sample subscript
        (Ioffe's x_i) as the sample: \\bnx_i -> \\bnx^{(1)(i)}; \\bnsigma -> \\sqrt{\\bnvar^{(l)} + ε}."""

        # a letter summed over the batch (\\sum_{j=1}^{m}, read layer-locally) names an example as i does: vishalvatsalya7's
        # \\sum_{j=1}^{m} \\frac{\\partial C}{\\partial \\hat{x_j}}
        samples = SAMPLE_SUBSCRIPTS + (tuple(_BATCH_SUM.findall(text)) if self.local else ())

        def one(m: re.Match) -> str:
            name, scripts = m.group(1), m.group(2) or ""
            sub = sup = None
            for s in _SCRIPT.finditer(scripts):
                body = s.group(3) if s.group(3) is not None else s.group(2)
                if s.group(1) == "_":
                    sub = body.strip()
                else:
                    sup = body.strip()
            layer = sample = None
            written = re.fullmatch(r"[\[(]\s*(\w+)\s*[\])]\s*(?:[\[(]\s*([A-Za-z])\s*[\])])?", sup or "")
            if written and written.group(1) in SAMPLE_LETTERS and not written.group(2):  # ^{(n)}: a sample
                sample, sup = written.group(1), None
            elif written:  # ^{(4)}, ^{[4]}, ^{(4)(n)}: the layer written, and a sample
                layer, sample, sup = written.group(1), written.group(2), None
            default = self._default_layer(name, norm)
            if layer is None and default is not None:
                layer = f"#{default}"  # a layer the context gives: fixed, whatever the answer's numbering (_name)
            entry = None
            if sub is not None:
                parts = [p for p in re.split(r"\s*,\s*|(?<=\w)(?=\w)", sub) if p]
                per_sample = norm is None or norm.kind == "batchnorm"  # layer norm's x_i is unit i (Ba et al.)
                if name in ("bnx", "bny", "bnxhat", "bndy", "bndx", "bnmask", "bnF") and parts[0] in samples \
                        and len(parts) <= 2 and (self.local or name != "bnx") and per_sample and not (
                            self.dropout_letters is not None and name == "bnmask"):  # (zuoyuan's m_i: entry i)
                    sample, entry = (sample or parts[0]), (parts[1] if len(parts) == 2 else None)
                else:
                    entry = sub
            if name == "bnsigma":
                inner = self._name("bnvar", layer, None, None, None)
                eps = _number(norm.settings_dict["eps"]) if norm is not None else r"\epsilon"
                root = rf"\sqrt{{{inner} + {eps}}}"
                return root if entry is None else rf"{{{root}}}_{{{entry}}}"
            if name in ("bndy", "bndx"):
                q = self._name("bny" if name == "bndy" else "bnx", layer, sample, None, None)
                grad = rf"\frac{{\partial L}}{{\partial {q}}}"
                return grad if entry is None else rf"{{{grad}}}_{{{entry}}}"
            return self._name(name, layer, sample, entry, sup)

        return _NAME.sub(one, text)

    def _fixed(self, name: str, layer: int) -> str:
        """The name of ``name`` in layer ``layer`` as a fixed quantity (``bngammaLc``: γ of layer 2), so that a
        reading of the answer's layer numbers (infer.py) cannot move it."""
        if name == "bnx" and layer == 0:
            kind, layer_ = "x", None
        else:
            kind, layer_ = dict(BASES)[name], layer
        fixed = f"{name}L" + "".join(chr(ord("a") + int(c)) for c in str(layer))
        self.fixed[fixed] = (kind, layer_)
        return fixed

    def _name(self, name, layer, sample, entry, sup) -> str:
        if layer is not None and layer.startswith("#"):
            name, layer = self._fixed(name, int(layer[1:])), None
        parens = "".join(f"({x})" for x in (layer, sample) if x is not None)
        out = rf"\{name}" + (f"^{{{parens}}}" if parens else "") + (f"_{{{entry}}}" if entry is not None else "")
        return f"{{{out}}}^{{{sup}}}" if sup is not None else out + " "

    def _default_layer(self, name: str, norm) -> int | None:
        """The layer a symbol written without one is about (gradproof's numbering)."""
        if name in ("bnx", "bndx"):
            return norm.index - 1 if norm is not None else None
        if name in ("bngamma", "bnbeta", "bnxhat", "bnmu", "bnvar", "bny", "bndy", "bnsigma"):
            return norm.index if norm is not None else None
        if name == "bnmask" and len(self.dropouts) == 1:
            return self.dropouts[0].index
        if name == "bnF" and len(self.residuals) == 1:
            return self.residuals[0].index
        return None


#: a partial of batch norm's graph, after _norm_symbols' first rewrites: \frac{\partial \bnxhat _i}{\partial x_i}
_SAMPLE = r"(?:_\s*+(?:\{\s*+([in])\s*+\}|([in])(?![A-Za-z0-9])))?"
_GRAPH_PARTIAL = re.compile(r"\\frac\s*+\{\s*+\\partial\s*+\\bn(xhat|var|mu)\s*+" + _SAMPLE + r"\s*+\}"
                            r"\s*+\{\s*+\\partial\s*+(?:\\bn(mu|var)(?![A-Za-z])|(x)(?![A-Za-z]))\s*+" + _SAMPLE + r"\s*+\}")
#: the partials of y_i = γ x̂_i + β (and of the product γ x̂_i, a node of the graph) before y is rewritten
_NODE = r"(?:y|\\bngamma\s*+\\bnxhat|\\bnxhat|\\bngamma|\\bnbeta)(?![A-Za-z])\s*+" + _SAMPLE.replace("([in])", "[in]")
_Y_PARTIAL = re.compile(r"\\frac\s*+\{\s*+\\partial\s*+(" + _NODE + r"|[CLEJ](?![A-Za-z]))\s*+\}\s*+\{\s*+\\partial\s*+("
                        + _NODE + r")\s*+\}")
_BY = r"\}\s*+\{\s*+\\partial\s*+"  # (the denominator of a \frac of ∂s)
#: the answer's own chain rule through the graph: ∂C/∂x_i, and derivatives by x̂_i, μ_B and σ_B² (in one claim)
_THREE_PATHS = (re.compile(_BY + r"x(?![A-Za-z])"), re.compile(_BY + r"\\bnxhat"), re.compile(_BY + r"\\bnmu"),
                re.compile(_BY + r"\\bnvar"))


def _three_paths(text: str) -> bool:
    text = _MU.sub(r"\\bnmu ", _VAR.sub(r"\\bnvar ", _HAT_X.sub(r"\\bnxhat ", text)))
    return all(p.search(text) for p in _THREE_PATHS)


#: a quantity of one example of the batch, rewritten or not yet: \bnxhat _{i}, x_i, y_i
_OF_ONE_EXAMPLE = re.compile(r"(?:\\bn(?:x|xhat|y|dy|dx)|(?<![A-Za-z\\])[xy])\s*+_\s*+(?:\{\s*+)?[in](?![A-Za-z])")


def _one_example_term(text: str) -> bool:
    """Whether the claim's first side names no example of the batch while a later side, with no sum in it, does
    (vishalvatsalya7's ∂C/∂σ_B² = ∂C/∂x̂_i × ∂x̂_i/∂σ_B²: "the summation symbol is not present")."""
    sides, depth, start = [], 0, 0
    for k, ch in enumerate(text):
        depth += (ch == "{") - (ch == "}")
        if ch == "=" and depth == 0:
            sides.append(text[start:k])
            start = k + 1
    sides.append(text[start:])
    return len(sides) > 1 and not _OF_ONE_EXAMPLE.search(sides[0]) and any(
        _OF_ONE_EXAMPLE.search(side) and "\\sum" not in side for side in sides[1:])


def _y_partial(m: re.Match) -> str:
    """A partial of y_i = γ x̂_i + β by x̂_i, γ, β, or by the product node γ x̂_i (∂C/∂(γ x̂_i) is ∂C/∂y_i: y is that
    node plus β); the text as written otherwise (the samples of both must agree)."""
    def node(text):
        text = re.sub(r"\s+", "", text)
        sample = re.search(r"_\{?([in])\}?$", text)
        base = text[:sample.start()] if sample else text
        return base, sample.group(1) if sample else None

    (top, ts), (by, bs) = node(m.group(1)), node(m.group(2))
    product = "\\bngamma\\bnxhat"
    if top in ("C", "L", "E", "J") and by == product and bs:
        return rf"\frac{{\partial {top}}}{{\partial y_{bs}}}"
    if top in ("y", product) and ts and by == "\\bngamma" and not bs:
        return rf"\bnxhat _{ts}"
    if top == "y" and ts and ((by == "\\bnxhat" and bs == ts) or (by == product and bs == ts)):
        return r"\bngamma " if by == "\\bnxhat" else "1"
    if top == "y" and ts and by == "\\bnbeta" and not bs:
        return "1"
    return m.group(0)


def _graph_partial(m: re.Match, eps: str) -> str:
    """One partial of batch norm's graph (Ioffe & Szegedy, section 3) as its expression, for the sample the claim
    writes; the text as written when it is not one of them. ∂σ_B²/∂μ_B is not read: it is 0 at the batch mean
    whichever sign it is written with, so no number can judge it."""
    top, top_sample = m.group(1), m.group(2) or m.group(3)
    by, by_sample = m.group(4) or m.group(5), m.group(6) or m.group(7)
    root = rf"\sqrt{{\bnvar + {eps}}}"
    if top == "xhat" and by == "x" and top_sample and top_sample == by_sample:
        return rf"\frac{{1}}{{{root}}}"
    if top == "xhat" and by == "mu" and top_sample and not by_sample:
        return rf"\frac{{-1}}{{{root}}}"
    if top == "xhat" and by == "var" and top_sample and not by_sample:
        return rf"\frac{{-0.5 (x_{top_sample} - \bnmu )}}{{(\bnvar + {eps}) \odot {root}}}"
    if top == "var" and by == "x" and by_sample and not top_sample:
        return rf"\frac{{2 (x_{by_sample} - \bnmu )}}{{m}}"
    if top == "mu" and by == "x" and by_sample and not top_sample:
        return r"\frac{1}{m}"
    return m.group(0)


class _Ambiguous(Exception):
    """A claim whose symbols could mean two quantities: unchecked, with the reason."""


def _hat_scripts(text: str) -> str:
    """The scripts written inside a hat stand on the hatted letter (vishalvatsalya7's ``\\hat{x_i}`` is x̂_i)."""
    return _HAT_SCRIPTED.sub(lambda m: rf"\hat{{{m.group(1)}}}_{m.group(2)}", text)


def _number(v: float) -> str:
    """A number as the parser reads it (no exponent): 1e-05 -> 0.00001."""
    text = f"{v:.12f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"


def _every(layers):
    for layer in layers:
        yield layer
        yield from _every(layer.body)


__all__ = ["LayerReading"]


#: inverted dropout written by the answer in its own letters, one entry or whole vectors (normalised, bold dropped):
#: y_i = \frac{m_i \cdot x_i}{1-p}, y = \frac{1}{1-p} m \odot x, y = m \odot x / (1 - p)
_I = r"(?:\s*_\s*\{?\s*i\s*\}?)?"
_TIMES = r"\s*(?:\\cdot|\\odot|\*|\\circ)?\s*"
_DROPOUT_DEF = re.compile(
    rf"^\s*([a-z]){_I}\s*=\s*(?:\\frac\s*\{{\s*([a-z]){_I}{_TIMES}([a-z]){_I}\s*\}}\s*\{{\s*1\s*-\s*p\s*\}}"
    rf"|\\frac\s*\{{\s*1\s*\}}\s*\{{\s*1\s*-\s*p\s*\}}{_TIMES}([a-z]){_I}{_TIMES}([a-z]){_I}"
    rf"|([a-z]){_I}{_TIMES}([a-z]){_I}\s*/\s*\(\s*1\s*-\s*p\s*\))\s*$")


#: a letter, bold or not, standing alone (format with the letter): m, \mathbf{m}, \boldsymbol m
_BOLD_LETTER = r"\\(?:mathbf|boldsymbol|bm)\s*\{{\s*{0}\s*\}}|\\(?:mathbf|boldsymbol|bm)\s+{0}(?![A-Za-z])|(?<![A-Za-z\\]){0}(?![A-Za-z])"
#: a bare m (bold or not) in an elementwise product: m ⊙ h, h * m, \\frac{\\mathbf{m}}{q} \\odot g
_M_BESIDE_ODOT = re.compile(r"(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*m\s*\}|(?<![A-Za-z\\])m(?![A-Za-z_^]))\s*\}?\s*(?:\{[^{}]{0,20}\}\s*)?"
                            r"(?:\\odot|\\circ)|(?:\\odot|\\circ)\s*(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*m\s*\}|m(?![A-Za-z_^]))")
#: a definition of a summed input: z_2 = …, \mathbf{z}^{(2)} = …, Z_2 = …
_SUMMED_LHS = re.compile(r"\s*(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*[zZ]\s*\}|[zZ])\s*(?:[_^]\s*(?:\{[^{}=]{0,12}\}|\w)\s*){0,2}=")
#: a tilde over a letter, bold or not: \tilde{h}, \tilde{\mathbf{h}}, \tilde h
_BOLD_TILDE = re.compile(r"\\(?:tilde|widetilde)\s*\{\s*(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*([a-z])\s*\}|([a-z]))\s*\}"
                         r"|\\(?:tilde|widetilde)\s+([a-z])(?![A-Za-z])"
                         r"|(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*([a-z])\s*\}|(?<![A-Za-z\\])([a-z]))\s*(?:'|\^\s*\{?\s*\\prime\s*\}?)")
# (or primed: d2l's h' = m ⊙ h / (1 − p), where the answer defines it so — not a slope there)
#: the elementwise product of two letters, bold or not: m \odot h, \mathbf{r} * \mathbf{a}
_ONE = r"(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*([a-z])\s*\}|(?<![A-Za-z\\])([a-z])(?![A-Za-z_^]))"
_MASKED_PRODUCT = re.compile(_ONE + r"\s*(?:\\odot|\\circ|\*|\\otimes)\s*" + _ONE)


def _tilde_dropout(claims) -> tuple | None:
    """(mask, input) of an answer that defines the dropout's output as a tilde over its input times a mask of its own
    letter (d2l, Srivastava et al.: ``\\mathbf{m} \\sim \\mathrm{Bernoulli}(q)`` in prose, ``\\tilde{\\mathbf{h}} =
    \\frac{\\mathbf{m} \\odot \\mathbf{h}}{q}``), or (mask, None) of one that writes the mask inside the next layer's
    sum (``\\mathbf{z}_2 = W_2 (\\mathbf{m} \\odot \\mathbf{h}) / q + \\mathbf{b}_2``); None unless one such reading, with a
    mask letter no quantity's."""
    found, masks = set(), set()
    for c in claims[:2000]:
        text = c.latex[:400]
        if "=" not in text:
            continue
        lhs = _BOLD_TILDE.match(text.lstrip())
        product = _MASKED_PRODUCT.search(text.split("=", 1)[1])
        if product is None:
            continue
        pair = [product.group(1) or product.group(2), product.group(3) or product.group(4)]
        letter = lhs and next((g for g in lhs.groups() if g), None)
        if letter in pair and pair[0] != pair[1]:
            found.add((pair[1 - pair.index(letter)], letter))
        elif lhs is None and _SUMMED_LHS.match(text) and len(set(pair) & set("ha")) == 1 and pair[0] != pair[1]:
            masks.add(next(v for v in pair if v not in "ha"))  # z_2 = W_2 (m ⊙ h)/q + b_2: m the mask, no output named
    if len(found) == 1:
        mask, letter = next(iter(found))
    elif not found and len(masks) == 1:
        mask, letter = next(iter(masks)), None
    else:
        return None
    return (mask, letter) if mask not in "xhazy" else None


def _dropout_letters(claims) -> tuple | None:
    """(output, mask, input): the letters of the answer's own definition of inverted dropout, ``y_i = \\frac{m_i \\cdot
    x_i}{1-p}`` (the input the factor named x, h or a, the mask the other); None when it writes none, or several
    that disagree."""
    from .infer import _normal

    found = set()
    for c in claims:
        m = _DROPOUT_DEF.match(_normal(c.latex[:300]))
        if m is None:
            continue
        a, b = [g for g in m.groups()[1:] if g is not None]
        inputs = [v for v in (a, b) if v in "xha"]
        if len(inputs) != 1 or m.group(1) in (a, b):
            continue
        found.add((m.group(1), b if inputs[0] == a else a, inputs[0]))
    return next(iter(found)) if len(found) == 1 else None


#: a case of the mask's value written before a claim: "(m_i = 1)", "$m_i = 0$"
_MASK_CASE = re.compile(r"^\s*([a-z])\s*_\s*\{?\s*i\s*\}?\s*=\s*([01])\s*$")


def _normal_text(latex: str) -> str:
    from .infer import _normal

    return _normal(latex[:200])


def _masked(latex: str, mask: str, value: str) -> str:
    """A claim stated for the units the mask keeps (m_i = 1) or drops (m_i = 0), as one for every unit: each side times
    m_i or 1 − m_i — equal for every i exactly where the claim holds on the units of its case."""
    from .judge import _top_sides

    sides = _top_sides(latex) if len(latex) <= 4000 else []
    if len(sides) < 2:
        return latex
    factor = f"{mask}_{{i}}" if value == "1" else f"(1 - {mask}_{{i}})"
    return " = ".join(f"\\left({side}\\right) {factor}" for side in sides)


def _definition_of(letters: tuple, latex: str, current):
    """The answer's definition of its dropout output in force after ``latex``: True after the inverted-dropout form, False
    after another one (y_i = x_i), ``current`` when ``latex`` defines neither."""
    from .infer import _normal

    text = _normal(latex[:300])
    head = re.match(rf"^\s*{letters[0]}\s*(?:_\s*\{{?\s*i\s*\}}?)?\s*=", text)
    if head is None or "\\partial" in text:
        return current
    sides = text.split("=")[1:]
    if any(_DROPOUT_DEF.match(f"{letters[0]}_i = {side}") for side in sides):
        return True  # (y_i = f(x_i) = \frac{m_i x_i}{1-p}: the inverted form on a later side)
    last = sides[-1]
    # another map of the same letters, plain (test mode's y_i = x_i, the unscaled y_i = m_i \cdot x_i); a case
    # analysis or a function's name says nothing
    if re.fullmatch(rf"\s*(?:{letters[1]}\s*(?:_\s*\{{?\s*i\s*\}}?)?\s*(?:\\cdot|\\odot|\*)?\s*)?{letters[2]}"
                    rf"\s*(?:_\s*\{{?\s*i\s*\}}?)?\s*(?:\\quad.*)?", last):
        return False
    return current


#: batch norm's output written as γ times x with no β and no hat (FortiLeiZhang's y_{11} = \gamma_1 \cdot x_{11}): the
#: answer's x is x̂ there (normalised text)
_PLAIN_SCALE = re.compile(r"(?<![A-Za-z\\])y\s*(?:_\s*\{[^{}=]{0,8}\}|_\s*\w)?\s*=\s*\\gamma\s*(?:_\s*\{[^{}=]{0,8}\}|_\s*\w)?\s*"
                          r"(?:\\cdot|\*|\\odot)?\s*x(?![A-Za-z])(?:\s*_\s*\{[^{}=]{0,8}\}|\s*_\s*\w)?\s*(?:,|$|\\quad)")
#: a definition that writes x̂ or the normalisation (y = γ x̂ + β, x̂ = (x − μ)/σ): x is the layer's input again
_NORMALISED = re.compile(r"=\s*[^=]{0,40}\\hat|\\hat\s*\{?\s*x[^=]{0,20}=|\\mu")
#: a bare x (not x̂, not inside a word or a command)
_X_FOR_XHAT = re.compile(r"(?<![A-Za-z\\{])x(?![A-Za-z])")


def _plain_scale(latex: str, current: bool) -> bool:
    """Whether the answer's x stands for x̂ after ``latex``: set by y = γ · x (no β, no hat), ended by a definition with
    x̂ or μ."""
    text = _normal_text(latex[:400]) if len(latex) <= 400 else ""
    if _PLAIN_SCALE.search(text) and "\\beta" not in text and "\\hat" not in text:
        return True
    if current and _NORMALISED.search(text):
        return False
    return current
