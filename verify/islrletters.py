r"""ISLR's letters (issue 10, thirty-sixth round): *An Introduction to Statistical Learning* (§10.1 and §10.7.1,
backpropagation) writes its single-layer network for observation i as

    f(X) = \beta_0 + \sum_{k=1}^{K} \beta_k h_k(X) = \beta_0 + \sum_{k=1}^{K} \beta_k g(w_{k0} + \sum_{j=1}^{p} w_{kj} X_j),
    A_k = h_k(X),   z_{ik} = w_{k0} + \sum_{j=1}^{p} w_{kj} x_{ij},   R_i(\theta) = \frac{1}{2} (y_i - f_\theta(x_i))^2,
    \frac{\partial R_i(\theta)}{\partial \beta_k} = -(y_i - f_\theta(x_i)) \cdot g(z_{ik}),
    \frac{\partial R_i(\theta)}{\partial w_{kj}} = -(y_i - f_\theta(x_i)) \cdot \beta_k \cdot g'(z_{ik}) \cdot x_{ij}

— X (x_i for observation i, x_{ij} its j-th feature) the input, h_k(X) and A_k hidden unit k's activation, z_{ik} its
summed input, g the activation, β_k the output's weights (β_0 its intercept), w_{kj} the hidden weights (w_{k0} the
intercepts), f(X) and f_θ(x_i) the prediction, R_i(θ) observation i's loss. A TA reads the letters from those
definitions; so does ``IslrLetters``, only in a network with one hidden layer and one output and only where the answer
writes β_k beside w_{kj}. Then f becomes ``\hat{y}``, A_k and h_k(X) ``h^{(1)}_k``, z_{ik} ``z^{(1)}_k``, β_k the output
weight ``W^{(2)}_{1k}``, β_0 ``b^{(2)}``, w_{kj} ``W^{(1)}_{kj}`` (target first, ``entries_target_first``), w_{k0} ``b^{(1)}_k``,
X_j and x_{ij} ``x_j``, y_i ``y``, R_i(θ) the example's loss ``J``; the observation i is dropped. Each claim is restored as
written in the report. Every pass is a linear scan of claims of bounded length.
"""

from __future__ import annotations

import re

from .rewriting import NO_LAYER_SCRIPT, Placeholders, Rewriting

MAX_LENGTH = 4000
#: the prediction: f(X), f_\theta(x_i), f_{\theta}(X), f(x_i)
_PREDICTION = re.compile(r"(?<![A-Za-z\\])f\s*(?:_\s*(?:\\theta|\{\s*\\theta\s*\}))?\s*\(\s*(?:X|x\s*_\s*(?:\{\s*i\s*\}|i))\s*\)")
#: observation i's loss: R_i(\theta), R_{i}(\theta); the whole objective R(\theta)
_LOSS = re.compile(r"(?<![A-Za-z\\])R\s*(?P<i>_\s*(?:\{\s*i\s*\}|i)\s*)?\(\s*\\theta\s*\)")
#: hidden unit k's activation: h_k(X), h_k(x_i), A_k
_ACTIVATION = re.compile(r"(?<![A-Za-z\\])(?:h\s*_\s*(?:\{\s*k\s*\}|k)\s*\(\s*(?:X|x\s*_\s*(?:\{\s*i\s*\}|i))\s*\)"
                         r"|A\s*_\s*(?:\{\s*k\s*\}|k))(?![A-Za-z(^])")
#: the weights: \beta_k, \beta_0, w_{kj}, w_{k0}; the summed input z_{ik}; the features X_j, x_{ij}; the response y_i
_LETTER = re.compile(r"(?:(?P<beta>\\beta)\s*_\s*(?:\{\s*(?P<bu>[0k])\s*\}|(?P<bv>[0k])(?![A-Za-z]))"
                     r"|(?<![A-Za-z\\])w\s*_\s*\{\s*(?P<wk>k)\s*,?\s*(?P<wj>[0j])\s*\}"
                     r"|(?<![A-Za-z\\])z\s*_\s*\{\s*i\s*,?\s*(?P<zk>k)\s*\}"
                     r"|(?<![A-Za-z\\])(?:X\s*_\s*(?:\{\s*(?P<xj>j)\s*\}|(?P<xk>j)(?![A-Za-z]))|x\s*_\s*\{\s*i\s*,?\s*(?P<xij>j)\s*\})"
                     r"|(?<![A-Za-z\\])y\s*_\s*(?:\{\s*(?P<y>i)\s*\}|(?P<yi>i)(?![A-Za-z])))" + NO_LAYER_SCRIPT)
_BETA_K = re.compile(r"\\beta\s*_\s*\{?\s*k\s*\}?(?![A-Za-z])")
_W_KJ = re.compile(r"(?<![A-Za-z\\])w\s*_\s*\{\s*k\s*,?\s*j\s*\}")


class IslrLetters(Rewriting):
    """The rewriting of an answer in ISLR's letters; None from ``detect`` when it is not one."""

    max_length = MAX_LENGTH
    options = (("entries_target_first", True),)

    def __init__(self):
        self.originals: dict[str, str] = {}
        self.change = ("f(X) and f_θ(x_i) are the prediction, A_k = h_k(X) hidden unit k's activation, z_{ik} its summed "
                       "input, β_k and w_{kj} the output's and the hidden units' weights (β_0, w_{k0} the intercepts), "
                       "R_i(θ) observation i's loss (ISLR)")

    @staticmethod
    def detect(net, claims) -> IslrLetters | None:
        if net.depth != 2 or net.sizes[-1] != 1 or getattr(net, "has_kinds", False):
            return None
        texts = [c.latex for c in claims if len(c.latex) <= MAX_LENGTH]
        if not (any(_BETA_K.search(t) for t in texts) and any(_W_KJ.search(t) for t in texts)):
            return None
        return IslrLetters()

    def rewrite(self, text: str) -> str:
        kept = Placeholders()
        if not kept.usable(text):
            return text
        keep = kept.keep
        text = _PREDICTION.sub(lambda m: keep("\\hat{y}"), text)
        text = _LOSS.sub(lambda m: keep("L" if m.group("i") else "J"), text)  # (R_i(θ): observation i's loss, the data term)
        text = _ACTIVATION.sub(lambda m: keep("h^{(1)}_{k}"), text)

        def letter(m: re.Match) -> str:
            if m.group("beta"):
                return keep("b^{(2)}" if (m.group("bu") or m.group("bv")) == "0" else "W^{(2)}_{1k}")
            if m.group("wk"):
                return keep("b^{(1)}_{k}" if m.group("wj") == "0" else "W^{(1)}_{kj}")
            if m.group("zk"):
                return keep("z^{(1)}_{k}")
            if m.group("xj") or m.group("xk") or m.group("xij"):
                return keep("x_{j}")
            return keep("y")

        text = _LETTER.sub(letter, text)
        return kept.restore(text)
