r"""Theodoridis and Koutroumbas's letters (issue 10, thirty-sixth round): *Pattern Recognition* (§4.6, the
backpropagation algorithm) and the courses that teach from it write a network of L layers, for the i-th training pair,
as

    v_j^r(i) = \sum_{k=1}^{k_{r-1}} w_{jk}^r y_k^{r-1}(i) + w_{j0}^r,   y_j^r(i) = f(v_j^r(i)),   y_k^0(i) = x_k(i),
    E(i) = \frac{1}{2} \sum_{m=1}^{k_L} e_m^2(i) = \frac{1}{2} \sum_{m=1}^{k_L} (y_m(i) - \hat{y}_m(i))^2,
    \delta_j^r(i) \equiv \frac{\partial E(i)}{\partial v_j^r(i)},   \frac{\partial E(i)}{\partial w_{jk}^r} = \delta_j^r(i) y_k^{r-1}(i),
    \delta_j^L(i) = e_j(i) f'(v_j^L(i)),   \delta_j^{r-1}(i) = e_j^{r-1}(i) f'(v_j^{r-1}(i)),
    e_j^{r-1}(i) = \sum_{k=1}^{k_r} \delta_k^r(i) w_{kj}^r,   \Delta w_{jk}^r = -\mu \delta_j^r(i) y_k^{r-1}(i)

— the layer r a bare superscript, v a neuron's input, y with a layer the neurons' outputs and without one the desired
output (ŷ the network's), w_{jk}^r into neuron j from neuron k (w_{j0}^r its threshold, on y_0^{r-1} = +1), k_r the
number of neurons in layer r, e the error, μ the learning rate, (i) the training pair. A TA reads the letters from
those definitions; so does ``TheodoridisLetters``, only where the answer writes a neuron's input v_j^r(i) or a layer's
output y_j^r(i) with the training pair as an argument. Then v becomes ``z``, y with a layer ``h`` (y^0 the input ``x``), w_{j0}^r
the bias ``b^r_j``, a sum's bound k_r the layer's size (``\sum_k``), μ the learning rate ``\eta``, ``w(\text{new}) =
w(\text{old}) + …`` the update ``w \leftarrow w + …``; the pair (i) is
dropped (a claim about pair i is a claim about one example, E(i) its loss). Each claim is restored as written in the
report. Every pass is a linear scan of claims of bounded length.
"""

from __future__ import annotations

import re

from .rewriting import Placeholders, Rewriting, generic_layer, letter_scripts, name_back, new_old_update, replace_heads

MAX_LENGTH = 4000
#: the heads read: v, y (a layer's), \hat{y}, x, e, E, \delta and w (with the pair or a threshold)
_HEAD = re.compile(r"\\hat\s*\{\s*y\s*\}|\\hat\s+y(?![A-Za-z])|\\delta(?![A-Za-z])|(?<![A-Za-z\\{])[vyxeEw](?![A-Za-z])")
#: the training pair after a letter's scripts: (i)
_PAIR = re.compile(r"\s*\(\s*i\s*\)")
#: the definitions that decide the reading: v_j^r(i) or y_j^r(i), either script first
_PAIR_LETTER = re.compile(r"(?<![A-Za-z\\])[vy]\s*(?:_\s*\{?\s*[a-z]\s*\}?\s*\^\s*(?:\{[^{}]{1,6}\}|[a-zA-Z0-9])|\^\s*(?:\{[^{}]{1,6}\}"
                          r"|[a-zA-Z0-9])\s*_\s*\{?\s*[a-z]\s*\}?)\s*\(\s*i\s*\)")
#: a sum bounded by a layer's size: \sum_{k=1}^{k_{r-1}}, \sum_{m=1}^{k_L}
_SIZED_SUM = re.compile(r"\\sum\s*_\s*\{\s*([a-z])\s*=\s*[01]\s*\}\s*\^\s*\{\s*k\s*_\s*(?:\{[^{}]{1,6}\}|[A-Za-z0-9])\s*\}")
_MU = re.compile(r"\\mu(?![A-Za-z])")

_DELTA_MU = re.compile(r"\\Delta[^=]{0,30}=\s*-?\s*\\mu(?![A-Za-z])")

#: the later book's form (Theodoridis, *Machine Learning: A Bayesian and Optimization Perspective*, §18.4): the sample n
#: first among the subscripts, z_{nj}^r, y_{nk}^{r-1}, \delta_{nj}^r, \hat y_{nm}, the weights θ_{jk}^r (θ_{j0}^r the bias),
#: \boldsymbol{y}_n^0 = \boldsymbol{x}_n, the cost \mathcal{J}_n or \mathcal{E}_n: read as the first book's letters
_SAMPLE_FIRST = re.compile(r"(?<![A-Za-z\\])[zy]\s*(?:_\s*\{\s*n\s*,?\s*[a-z]\s*\}\s*\^\s*(?:\{[^{}]{1,6}\}|[a-zA-Z0-9])"
                           r"|\^\s*(?:\{[^{}]{1,6}\}|[a-zA-Z0-9])\s*_\s*\{\s*n\s*,?\s*[a-z]\s*\})")
_BOOK_HEAD = re.compile(r"\\hat\s*\{\s*y\s*\}|\\hat\s+y(?![A-Za-z])|\\delta(?![A-Za-z])|\\theta(?![A-Za-z])"
                        r"|\\mathcal\s*\{\s*[JE]\s*\}|\\(?:boldsymbol|mathbf)\s*\{\s*[xy]\s*\}|(?<![A-Za-z\\{])[zyx](?![A-Za-z])")
#: a subscript that is the sample n with a unit after it, or the sample alone: {nj}, {n,j}, n
_SAMPLE_SUB = re.compile(r"^\{?\s*n\s*(?:,?\s*([a-z])\s*)?\}?$")


class TheodoridisLetters(Rewriting):
    """The rewriting of an answer in Theodoridis and Koutroumbas's letters; None from ``detect`` when it is not one."""

    max_length = MAX_LENGTH

    def __init__(self, rate_mu: bool, sample_first: bool = False):
        self.originals: dict[str, str] = {}
        self.rate_mu = rate_mu
        self.sample_first = sample_first  # the later book's z_{nj}^r, θ_{jk}^r (_SAMPLE_FIRST)
        self.change = ("v_j^r is the input and y_j^r the output of neuron j in layer r, y_m without a layer the desired "
                       "output, w_{j0}^r the threshold, k_r the size of layer r, (i) the training pair, (new) = (old) + Δ an update"
                       + (", μ the learning rate" if rate_mu else "") + " (Theodoridis & Koutroumbas)")

    @staticmethod
    def detect(net, claims) -> TheodoridisLetters | None:
        if getattr(net, "has_kinds", False):
            return None
        texts = [c.latex for c in claims if len(c.latex) <= MAX_LENGTH]
        sample_first = sum(len(_SAMPLE_FIRST.findall(t)) for t in texts) >= 2
        if sum(len(_PAIR_LETTER.findall(t)) for t in texts) < 2 and not sample_first:
            return None
        return TheodoridisLetters(any(_DELTA_MU.search(t) for t in texts), sample_first)

    def rewrite(self, text: str) -> str:
        kept = Placeholders()
        if not kept.usable(text):
            return text
        keep = kept.keep
        if self.sample_first:
            text = self._first_book(text)
        text = _SIZED_SUM.sub(lambda m: keep(f"\\sum_{m.group(1)}"), text)
        text = new_old_update(text, keep)
        if self.rate_mu:
            text = _MU.sub(lambda m: keep("\\eta"), text)

        def head(m: re.Match):
            end, sub, sup = letter_scripts(text, m.end())
            pair = _PAIR.match(text, end)
            made = self._read(m.group(0), sub, sup, pair is not None)
            return None if made is None else (keep(made), pair.end() if pair is not None else end)

        return kept.restore(replace_heads(text, _HEAD, head))

    @staticmethod
    def _first_book(text: str) -> str:
        """The later book's letters written as the first book's: z_{nj}^r as v_j^r(i), y_{nk}^{r-1} as y_k^{r-1}(i),
        \\hat y_{nm} as \\hat{y}_m(i), θ_{jk}^r as w_{jk}^r, \\mathcal{J}_n as E(i), \\boldsymbol{y}_n^0 as y^0(i)."""
        def head(m: re.Match):
            end, sub, sup = letter_scripts(text, m.end())
            name = m.group(0)
            if name.startswith("\\theta"):
                return ("w" + (f"_{sub}" if sub else "") + (f"^{sup}" if sup else ""), end) if sup else None
            found = _SAMPLE_SUB.match(sub.strip()) if sub else None
            if found is None:
                return None
            letter = re.sub(r"\\(?:boldsymbol|mathbf|mathcal|hat)\s*\{?\s*|\s+|\}", "", name)
            letter = {"z": "v", "J": "E", "delta": "\\delta"}.get(letter.lstrip("\\"), letter)
            letter = "\\hat{y}" if name.startswith("\\hat") else letter
            unit = f"_{found.group(1)}" if found.group(1) else ""
            return f"{letter}{unit}" + (f"^{sup}" if sup else "") + "(i)", end

        return replace_heads(text, _BOOK_HEAD, head)

    @staticmethod
    def _read(head: str, sub: str | None, sup: str | None, pair: bool) -> str | None:
        """The house spelling of one of the letters with its scripts; None to leave it as written."""
        entry = f"_{sub}" if sub else ""
        generic = generic_layer(sup, "r", "L") if sup and sup.strip("{} ") != "0" else None
        if sup and sup.strip("{} ") != "0" and generic is None:
            return None  # (another superscript: a power, a transpose)
        layer = f"^{generic}" if generic else ""
        if head == "w":  # (w_{jk}^r: layer r's weights; the threshold w_{j0}^r: the bias of neuron j)
            inner = (sub or "").strip("{} ")
            if not generic:
                return None
            return f"b{layer}_{inner[0]}" if len(inner) == 2 and inner[1] == "0" else f"w{layer}{entry}"
        if not pair:
            return None
        if head == "v":
            return f"z{layer}{entry}" if sup else None
        if head == "y":
            if sup is None:
                return f"y{entry}"  # (the desired output: no layer)
            return f"x{entry}" if sup.strip("{} ") == "0" else f"h{layer}{entry}"
        if head.startswith("\\hat"):
            return f"\\hat{{y}}{layer}{entry}"
        if head == "E":  # (E(i): pattern i's error, no penalty in it — the data term L where the spec regularizes)
            return f"L{layer}{entry}"
        return f"{head}{layer}{entry}"  # (x, e, δ: the pair dropped)

    def relabel(self, results) -> None:
        """Each result names the layer letter r as written (gradproof's generic l read): before ``restore``."""
        for r in results:
            if r.id in self.originals:
                name_back(r, {"l": "r"})
