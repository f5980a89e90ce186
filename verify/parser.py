"""A tokenizer and recursive-descent parser of course LaTeX into a ``tree.Node`` over network quantities.

Nothing is evaluated here and nothing is passed to SymPy or ``eval``: the grammar is a whitelist. Input size,
nesting depth and parsing time are bounded; what the grammar does not cover raises ``Unreadable`` with the
reason (the claim becomes ``unchecked``, never a guess).

    claim    := expr (rel expr)*          rel: = \\approx \\leftarrow \\gets :=
    expr     := term (("+" | "-") term)*
    term     := unary ((\\cdot | * | \\times | \\odot | \\circ | / | juxtaposition) unary)*
    unary    := ("-" | "+") unary | postfix
    postfix  := atom (^{T} | ^{n} | ^{...})*
    atom     := number | quantity | constant | function | ( expr ) | { expr } | [ expr ] | | expr |
                \\frac{.}{.} | \\sqrt{.} | \\partial J / \\partial q | \\nabla_{q} J | dq | matrix | cases
"""

from __future__ import annotations

import functools
import itertools
import math
import re
import unicodedata
from dataclasses import dataclass, replace

from gradproof.derive import limits
from gradproof.derive.errors import did_you_mean

from . import augmented, elided, eraunits, layerdots, surface, unitnumbers
from .normalize import drop_time_argument, normalize
from .tree import PARAM, SAMPLE_BASES, FlatShape, NeedsLayer, Node, NoSuchLayer, Unreadable, literal_op, num
from .truth import state_kind

MAX_CHARS = 4000
MAX_DEPTH = 60
MAX_SECONDS = 0.5
#: the parser reads its CPU clock at every 16th token it takes (each token's read was ~5 % of a long answer's reading)
CLOCK_EVERY_MASK = 15
#: tokens taken by every parser (a claim's child parsers, its macros' and its rows': one count, so that parsers of a
#: few tokens each still read the clock)
_TICKS = itertools.count()

#: letters (and commands) for the network's quantities; [notation] may add or override
BASES = {"x": "x", "y": "y", "z": "z", "h": "h", "a": "h", "W": "W", "w": "W", "theta": "W", "b": "b", "delta": "delta", "yhat": "yhat",
         "X": "x", "Y": "y", "Z": "z", "H": "h", "A": "h", "Delta": "delta", "Yhat": "yhat",
         "Theta": "W"}  # Ng's Θ^{(l)}: W with the bias as column 0 (read as the kind Wb, see _augment)
#: the objective: J = L + R (DESIGN.md); E and C are what some courses call J
LOSSES = {"J": "loss", "E": "loss", "Err": "loss", "C": "loss", "L": "lossL", "ell": "lossL", "R": "lossR", "loss": "loss", "cost": "loss",
          "Omega": "lossOmega", "hatF": "loss", "Loss": "loss", "Cost": "loss",
          "Div": "loss", "MSEobj": "lossMSE", "SSEobj": "lossSSE"}  # (normalize._PARTIAL_SQUARED: ∂MSE, ∂SSE)
# (Goodfellow's J = L + λΩ(θ): Ω is the regularizer without its λ; Hagan's approximate performance index \hat F;
# CMU 11-785's divergence Div(Y, d))
#: Greek letters an answer may name its activation function by, read so only when applied to a summed input
ACTIVATION_LETTERS = ("alpha",)
#: function names -> registry activation names (or the elementary functions)
FUNCS = {"tanh": "tanh", "sigma": "sigmoid", "sigmoid": "sigmoid", "relu": "relu", "lrelu": "leaky_relu",
         "leakyrelu": "leaky_relu", "elu": "elu", "softplus": "softplus", "swish": "swish", "silu": "swish",
         "gelu": "gelu", "softsign": "softsign", "softmax": "softmax", "log": "log", "ln": "log", "exp": "exp",
         "erf": "erf", "sign": "sign", "sgn": "sign", "sech": "sech", "cosh": "cosh", "sinh": "sinh",
         "normcdf": "normcdf", "normpdf": "normpdf",  # (GELU's Φ and φ: funcdef.normal_functions)
         "phi": "phi", "varphi": "phi", "act": "phi", "max": "max", "identity": "identity", "id": "identity", "sin": "sin",
         "cos": "cos", "lse": "lse", "logsumexp": "lse", "logsoftmax": "logsoftmax", "rowsum": "rowsum",
         # MATLAB's transfer functions (Hagan et al., the Neural Network Toolbox)
         "logsig": "sigmoid", "tansig": "tanh", "purelin": "identity", "poslin": "relu"}
CONSTS = {"lambda": "lambda", "alpha": "alpha", "eta": "lr", "gamma": "gamma", "beta": "beta", "epsilon": "epsilon",
          "varepsilon": "epsilon", "eps": "epsilon", "mu": "mu", "pi": "pi", "N": "N", "t": "t", "m": "N", "n": "N", "rho": "rho"}
#: optimizer state a corrected (Ng's V^{corrected}_{dW}) or hatted letter names
CORRECTED = {"m": "mhat", "v": "vhat"}
RELATIONS = {"=": "=", "approx": "=", "equiv": "=", "triangleq": "=", "doteq": "=", "leftarrow": "<-", "gets": "<-",
             ":=": "<-", "coloneqq": "<-", "rightarrow": "->", "to": "->", "mapsto": "->", "longrightarrow": "->"}
MUL_OPS = {"cdot": "mul", "*": "mul", "times": "mul", "ast": "mul", "odot": "had", "circ": "had", "bullet": "had",
           "otimes": "had", "/": "div"}
#: operators after which an opening bracket may start a vector typed as a list (Parser._list_position)
LIST_AFTER = frozenset(("+", "-", "*", "cdot", "times", "ast", "odot", "circ", "otimes", "(", "[", ","))
#: a transpose mark's tokens, after which an opening bracket may start a list (Parser._list_position)
TRANSPOSE_MARKS = tuple(mark for m in ("T", "top", "intercal") for mark in (["^", m], ["^", "{", m, "}"]))
#: entries of one vector typed as a list
MAX_LIST_CELLS = 400
CMP = {"<": "<", ">": ">", "le": "<=", "leq": "<=", "ge": ">=", "geq": ">=", "lt": "<", "gt": ">", "leqslant": "<=", "geqslant": ">="}
GRAD = {"z": "delta", "h": "dh", "W": "dW", "b": "db", "yhat": "dyhat", "Wb": "dWb", "x": "dx"}
#: layer kinds (verify/layertruth.py): batch/layer norm's γ, β, x̂, μ, σ², a projection P
GRAD.update({"gamma": "dgamma", "beta": "dbeta", "xhat": "dxhat", "mu": "dmu", "var": "dvar", "P": "dP"})
#: in a batch: (∂J/∂Q of the mean J, each sample's own ∂ℓ/∂q stacked) — truth.py computes both
BATCH_SCALED = {"delta": ("dz", "delta"), "dh": ("dh", "dhs"), "dyhat": ("dyhat", "dyhats"), "dx": ("dx", "dxs")}
MATRIX_ENVS = ("bmatrix", "pmatrix", "matrix", "Bmatrix", "array", "smallmatrix")
WORDS = sorted({"logsig", "tansig", "purelin", "poslin", "Loss", "Cost",
                "tanh", "sech", "cosh", "sinh", "sgn", "sigmoid", "relu", "softmax", "log", "ln", "exp", "erf", "softplus",
                "normcdf", "normpdf",
                "swish", "silu", "gelu",
                "softsign", "logsumexp", "logsoftmax", "rowsum", "max", "yhat", "Yhat", "sign", "loss", "cost", "scores", "Scores", "score",
                "Score", "pred", "net", "output", "out", "hidden", "hid", "target", "total", "true", "Err", "act", "Div"},
               key=len, reverse=True)

#: names a claim may use, for "did you mean" on an unknown one (functions, Greek letters, common commands)
KNOWN_NAMES = (*WORDS, "delta", "Delta", "sigma", "lambda", "alpha", "beta", "gamma", "epsilon", "varepsilon", "eta", "theta",
               "phi", "varphi", "nabla", "partial", "frac", "hat", "mathbf", "boldsymbol", "odot", "circ", "top", "sum", "cdot",
               "operatorname", "left", "right", "sqrt", "text")

_TOKEN = re.compile(r"""(?P<ws>\s+)
    |(?P<num>(?:\d+\.\d+|\d+)e[+-]?\d{1,3}(?![\d.])|\d+\.\d+|\.\d+|\d+\.(?!\d)|\d+)|(?P<rows>\\\\)|(?P<norm>\\\|)
    |(?P<begin>\\begin\s*\{\s*(?P<bname>[A-Za-z]+\*?)\s*\})|(?P<end>\\end\s*\{\s*(?P<ename>[A-Za-z]+\*?)\s*\})
    |(?P<cmd>\\[A-Za-z]+)|(?P<word>[A-Za-z]+)|(?P<assign>:=)|(?P<op>[-+*/^_{}()\[\]=',&|<>!.;:])""", re.X)


@dataclass(frozen=True)
class Tok:
    kind: str  # num, cmd, id, op, begin, end, rows
    text: str
    pos: int


@dataclass(frozen=True)
class Notation:
    """The answer's own symbols: letter -> quantity base (``a`` -> ``h``) or function (``g`` -> ``relu``)."""

    bases: tuple = ()
    functions: tuple = ()
    fixed: tuple = ()  # symbol -> a full quantity (kind, layer), e.g. "o" -> yhat
    states: tuple = ()  # letter (or "hat" + letter) -> optimizer state: "S" -> S, "s" -> S, "hatm" -> mhat
    options: tuple = ()  # ("layout", "rows"|"columns"), ("input_layer", 0|1)
    macros: tuple = ()  # symbol (with scripts, as LaTeX) -> the expression it stands for: ("p", "\\sigma'(z^{(1)})")

    @property
    def words(self) -> list[str]:
        try:  # (read by every tokenize: made once per notation, or a notation of 1000 macros costs 1000² matches)
            return list(_words(self.bases, self.functions, self.fixed, self.macros))
        except TypeError:  # an unhashable value: not cached
            return list(_words.__wrapped__(self.bases, self.functions, self.fixed, self.macros))


@functools.lru_cache(maxsize=256)
def _words(bases: tuple, functions: tuple, fixed: tuple, macros: tuple) -> tuple[str, ...]:
    """The names a notation's tokenizer keeps whole (longest first)."""
    keys = [k for k, _ in (*bases, *functions, *fixed) if len(k) > 1 and k.isalpha()]
    keys += [m.group(0) for k, _ in macros if (m := re.match(r"[A-Za-z]{2,}", k))]
    return tuple(sorted(set(keys), key=len, reverse=True))


def _unexpected(ch: str, pos: int) -> str:
    """Why a character does not read: a combining mark or another Unicode character with no certain reading
    (normalize.fold_unicode reads the common ones) is named, with the LaTeX to type instead."""
    if ch.isascii():
        return f"unexpected character {ch!r} at position {pos}"
    name = unicodedata.name(ch, f"U+{ord(ch):04X}").lower()
    if unicodedata.combining(ch):
        return (f"unexpected character: a combining mark ({name}) at position {pos} has no certain reading; write the "
                "symbol in LaTeX, e.g. \\hat{y}, \\bar{v}")
    return f"unexpected character {ch!r} ({name}) at position {pos}: it has no certain reading; write it in LaTeX"


def tokenize(text: str, notation: Notation = Notation()) -> list[Tok]:
    """Split normalised LaTeX into tokens; words split into letters except known names.

    The tokens depend on the text, the names the notation keeps whole and its objective letter only: a claim's are
    remembered across the notation readings and layouts that read it (tokens are frozen; a claim's text is at most
    MAX_CHARS)."""
    words = tuple(notation.words)
    own_objective = dict(notation.options).get("objective_letter")
    if len(text) > MAX_CHARS:
        return list(_tokenize_new(text, words, own_objective))
    try:
        return list(_tokens(text, words, own_objective))
    except TypeError:  # (an unhashable objective letter: not remembered)
        return list(_tokenize_new(text, words, own_objective))


@functools.lru_cache(maxsize=8192)
def _tokens(text: str, words: tuple, own_objective) -> tuple[Tok, ...]:
    return _tokenize_new(text, words, own_objective)


@functools.lru_cache(maxsize=64)
def _words_by_letter(own_words: tuple) -> dict[str, tuple[str, ...]]:
    """The names a word is read as, by their first letter, in the order they are tried (the notation's own, longest
    first, then WORDS): at each letter of a word only the names starting with it are tried (all of them were, 18.7 M
    ``startswith`` calls for an answer of 400 long sums). A name after an empty one was never reached: dropped."""
    words = list(own_words) + WORDS
    if "" in words:
        words = words[:words.index("")]
    out: dict[str, list[str]] = {}
    for k in words:
        out.setdefault(k[0], []).append(k)
    return {c: tuple(ks) for c, ks in out.items()}


def _tokenize_new(text: str, own_words: tuple, own_objective) -> tuple[Tok, ...]:
    """tokenize's work on a text not remembered."""
    out: list[Tok] = []
    by_letter = _words_by_letter(own_words)
    pos = 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m:
            raise Unreadable(_unexpected(text[pos], pos))
        kind = m.lastgroup if m.lastgroup not in ("bname", "ename") else ("begin" if m.group("begin") else "end")
        if m.group("begin"):
            out.append(Tok("begin", m.group("bname"), pos))
        elif m.group("end"):
            out.append(Tok("end", m.group("ename"), pos))
        elif kind == "num":
            t = m.group("num")
            if t.endswith(".") and out and out[-1].text == "_" and re.match(r"\s*[A-Za-z\\]", text[m.end():m.end() + 2]):
                out += [Tok("num", t[:-1], pos), Tok("cmd", "cdot", pos + len(t) - 1)]  # W_1.a_0: a dot product
                pos = m.end()
                continue
            if out and out[-1].text in ("^", "_") and out[-1].kind == "op" and len(t) > 1 and "." not in t:
                out.append(Tok("num", t[0], pos))  # x^23 is x^2 3 in TeX
                pos += 1
                continue
            out.append(Tok("num", t, pos))
        elif kind == "word" and w_cased(m.group("word")):
            out.append(Tok("id", m.group("word").lower(), pos))  # ReLU(z), Tanh: a function's name as people write it
        elif kind == "word":
            w, i = m.group("word"), 0
            while i < len(w):
                hit = next((k for k in by_letter.get(w[i], ()) if w.startswith(k, i)), None)
                if hit:
                    out.append(Tok("id", hit, pos + i))
                    i += len(hit)
                else:  # (Pilex1's f: a letter the answer defines as its objective, infer.objective_letter)
                    out.append(Tok("id", "J" if w[i] == own_objective else w[i], pos + i))
                    i += 1
        elif kind == "cmd":
            name = m.group("cmd")[1:]
            if name == own_objective:  # Roelants' ξ: the answer's name for the objective J
                out.append(Tok("id", "J", pos))
            else:
                out.append(Tok("rows", "cr", pos) if name == "cr" else Tok("cmd", name, pos))
        elif kind == "norm":
            out.append(Tok("norm", "||", pos))
        elif kind != "ws":
            out.append(Tok("op" if kind in ("op", "assign") else kind, m.group(kind), pos))
        pos = m.end()
    return tuple(out)


#: functions a bare word names in any letter case (ReLU, Sigmoid, Softmax); other words are letters or WORDS
CASED_FUNCTIONS = frozenset(("relu", "sigmoid", "tanh", "softmax", "softplus", "elu", "gelu", "silu", "swish"))


def w_cased(word: str) -> bool:
    """``word`` is a function's name written with capitals (ReLU, Tanh), not the lower-case word WORDS reads."""
    return word != word.lower() and word.lower() in CASED_FUNCTIONS



def _example_arguments(texts: list[str]) -> str | None:
    """The one sample index every argument of an objective carries, ``(a^{(i)}, y^{(i)})``, ``(\\hat{y}^{(i)},
    y^{(i)})`` (tokens), when they are exactly a prediction and a target with it; else None."""
    if texts.count(",") != 1 or "x" in texts:
        return None
    found = set()
    for part in (texts[:texts.index(",")], texts[texts.index(",") + 1:]):
        if len(part) == 3 and part[1] == "_" or len(part) == 5 and part[1:3] == ["_", "{"] and part[4] == "}":
            letter, index = part[:1], part[-1] if len(part) == 3 else part[3]  # (Duan's L(y_i, \hat{y_i}): a subscript)
        elif len(part) < 6 or part[-6:-4] != ["^", "{"] or part[-4] != "(" or part[-2:] != [")", "}"]:
            return None
        else:
            letter, index = part[:-6], part[-3]
        if letter not in (["a"], ["y"], ["o"], ["haty"]):
            return None
        found.add(index)
    var = found.pop() if len(found) == 1 else None
    return var if var is not None and len(var) == 1 and var.isalpha() else None


def parse_claim(latex: str, notation: Notation = Notation(), depth: int | None = None,
                layer_env: dict | None = None) -> tuple[list[Node], list[str]]:
    """Parse an equation or a chain ``a = b = c`` into its sides and the relations between them.

    ``layer_env`` gives the generic layer indices their value (``{"l": 2}``: ``W^{(l+1)}`` is W⁽³⁾), in the answer's
    own numbering; a generic index without a value raises ``NeedsLayer`` (the judge then tries every layer).

    Raises:
        Unreadable: the text is too long, nested too deeply, too slow, or outside the grammar.
    """
    if len(latex) > MAX_CHARS:
        raise Unreadable(f"the formula has {len(latex)} characters; the limit is {MAX_CHARS}")
    try:  # the same claim is read once per notation reading and layout tried (infer.py, the layout vote)
        key = (latex, notation, depth, tuple(sorted(layer_env.items())) if layer_env else None)
        hit = _PARSED.get(key)
    except TypeError:  # an unhashable layer value: no cache
        key = hit = None
    if hit is None:
        with limits.no_collection():  # (a collection of the whole heap is not this parse's work: its bound is 0.5 s)
            hit = _parse_new(latex, notation, depth, layer_env)
        if key is not None and not (isinstance(hit, Unreadable) and str(hit).startswith("parsing took longer")):
            if len(_PARSED) >= MAX_PARSED:  # (a time-out depends on the machine's load: not remembered)
                _PARSED.clear()
            _PARSED[key] = hit
    if isinstance(hit, Exception):
        raise hit.with_traceback(None)
    sides, rels = hit
    return list(sides), list(rels)


#: O with a unit letter as its subscript (option capital_o): the unit's output o (O_j, O_{k}; not O_1, not O(n))
_CAPITAL_O = re.compile(r"(?<![A-Za-z\\])O(?=\s*_\s*(?:\{\s*[a-z]\s*\}|[a-z](?![A-Za-z])))")
#: the error e differentiated or under a gradient (option error_e: infer's reading of LFD's e(w))
_ERROR_E = re.compile(r"(\\partial\s*|\\nabla\s*(?:_\s*(?:\{[^{}]{0,20}\}|\w)\s*)?)e(?![A-Za-z])")


def _parse_new(latex: str, notation: Notation, depth: int | None, layer_env: dict | None):
    """parse_claim's work for a claim not read before: (sides, relations), or the exception that stopped it."""
    names = dict(notation.options).get("param_names")
    if names and "{" in latex:
        latex = _param_named(latex, names)
    text = normalize(latex.replace("$", " ")).strip().rstrip(".,;").replace("&=", "=").replace("& =", "=")
    text = _EMPTY_ROW.sub("=", text)  # a &= \\ &= b: the first row's right side left empty, the chain goes on
    text = _after_prose_left(text)  # Error $= y_{target} - y_5 = 0.5 - 0.69$: the word is the left side, the rest a chain
    text = chain_nodes(text, notation)
    if dict(notation.options).get("time_argument"):
        text = drop_time_argument(text, dict(notation.options)["time_argument"])
    if dict(notation.options).get("era_units"):
        text = eraunits.rewrite(text)  # the ERA sheet's h_1, a_{h_1}, o_1, a_{o_1}, t_1, E_1: Mazur's words
    if dict(notation.options).get("capital_o"):
        text = _CAPITAL_O.sub("o", text)  # the Chinese textbook's O_j^J beside o_k^K = f(net_k^K): unit j's output
    if dict(notation.options).get("error_e"):
        text = _ERROR_E.sub(r"\1E", text)  # LFD's ∂e(w)/∂w: the example's error e, the objective E
    if _PARAM_AT_TIME.search(text) and any(m.group(3).replace(" ", "") == "{t-1}" for m in _PARAM_AT_TIME.finditer(text)):
        # Kingma & Ba's θ_t ← θ_{t-1} − α m̂_t / (√v̂_t + ε): θ_{t-1} is the value now, θ_t the one after the step
        text = _PARAM_AT_TIME.sub(lambda m: m.group(1) + m.group(2) + ("{t}" if "-" in m.group(3) else "{t+1}"), text)
    text = _any_parameter(text)
    text = _for_unequal_indices(text)
    try:
        toks = _loss_called_l(tokenize(text, notation))
        marked = _marked_and_bare_y(toks)
        if marked == "true":
            raise Unreadable("y_{true} is the target here, so which quantity y without a script is is not said (the "
                             "prediction, most likely): write \\hat y for the prediction, or map y in [notation]")
        if marked == "star":
            raise Unreadable("y* is the target here, so which quantity y without a star is is not said (Aflak's y is the "
                             "prediction, Thill writes \\hat y for it): write \\hat y for the prediction, or map y in "
                             "[notation]")
        sides, relations = _Parser(toks, notation, depth, layer_env).claim()
        _whole_beside_its_entry(sides, dict(notation.options).get("sizes") or ())
        return sides, relations
    except (Unreadable, NeedsLayer, NoSuchLayer) as exc:
        return exc


#: an activation's parameter as the proof sets it, \mathrm{y}, \text{yhat}, \operatorname{N}: a private command before
#: normalising (which would make \mathrm{y} the letter y, the target, and \mathrm{yhat} the output ŷ)
_PARAM_CMD = "gpparam"
_PARAM_WRAPPERS = r"\\(?:mathrm|text|textrm|textit|textnormal|operatorname\*?|mathit|mathsf|mathtt|mbox)\s*\{\s*("


@functools.lru_cache(maxsize=64)
def _param_pattern(names: tuple) -> re.Pattern:
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(_PARAM_WRAPPERS + alternatives + r")\s*\}")  # (linear: one literal alternative, no nesting)


def _param_code(i: int) -> str:
    return "".join(chr(ord("a") + int(c)) for c in str(i))  # (a command's name is letters only: 10 -> "ba")


def _param_named(latex: str, names: tuple) -> str:
    r"""``\mathrm{y}`` -> `` \gpparama `` for the spec's parameters ``names`` (the differential \mathrm{d}x stays)."""
    def one(m: re.Match) -> str:
        after = latex[m.end():m.end() + 1]
        if m.group(1) == "d" and (after.isalpha() or after == "\\"):
            return m.group(0)
        return f" \\{_PARAM_CMD}{_param_code(names.index(m.group(1)))} "
    return _param_pattern(names).sub(one, latex)


def _param_index(code: str) -> int | None:
    if not code or any(c not in "abcdefghij" for c in code):
        return None
    return int("".join(str(ord(c) - ord("a")) for c in code))


#: commands after which the letter is a quantity of the network, not an activation's parameter: ŷ − y (y the target),
#: ∂J (J the objective), ỹ
_QUANTITY_MARKS = frozenset({"hat", "widehat", "tilde", "widetilde", "partial", "bar", "overline"})


def _quantity_letters(toks: list) -> frozenset:
    r"""The letters a claim marks as quantities (``\hat{y}``, ``\partial J``): read so there, never as a parameter."""
    out = set()
    for i, t in enumerate(toks):
        if t.kind == "cmd" and len(t.text) in (4, 6) and t.text[:-1] in ("hat", "tilde"):
            out.add(t.text[-1])  # (normalised: \hat{y} is \haty)
        elif t.kind == "cmd" and t.text in _QUANTITY_MARKS:
            j = i + 1
            while j < len(toks) and j <= i + 2 and toks[j].kind == "op" and toks[j].text == "{":
                j += 1
            if j < len(toks) and toks[j].kind == "id":
                out.add(toks[j].text)
    return frozenset(out)


def _whole_beside_its_entry(sides: list, sizes: tuple = ()) -> None:
    r"""vetea's ``w_{nuevo} = w_{viejo} - \eta \frac{\partial L}{\partial w_1}``: a step whose subject is written whole
    beside the derivative by ONE of its entries — the step of w_1 is meant, written without its index; which weight
    the claim is about is not said, so it is not read (rather than judged as the whole vector minus one number)."""
    whole, by_entry = set(), set()

    def walk(node: Node, inside: bool) -> None:
        if node.op == "q" and isinstance(node.value, tuple) and node.value[0] in ("W", "W_next", "b", "b_next"):
            if not inside:
                whole.add((node.value[0][0], node.value[1]))
        if node.op in ("entry", "comp") and node.args and node.args[0].op == "q" and isinstance(
                node.args[0].value, tuple) and str(node.args[0].value[0]).startswith(("dW", "db")):
            by_entry.add((node.args[0].value[0][1], node.args[0].value[1]))
        for arg in node.args:
            walk(arg, inside or node.op in ("entry", "comp"))

    first = sides[0] if sides else None
    if not (first is not None and first.op == "q" and isinstance(first.value, tuple)
            and first.value[0] in ("W_next", "b_next")):
        return  # (only a step's subject written whole: w_{new} = …)
    for side in sides:
        walk(side, False)
    def one_entry(param: tuple) -> bool:  # (a chain of single units: w_2 is W⁽²⁾'s one entry, the whole of it)
        kind, layer = param
        if not isinstance(layer, int) or not 1 <= layer < len(sizes):
            return False
        return sizes[layer] == 1 and (kind == "b" or sizes[layer - 1] == 1)

    if any(not one_entry(p) for p in whole & by_entry):
        raise Unreadable("a parameter is written whole (all its entries) beside the derivative by one of its entries "
                         "(w_1): which weight the step is about is not said; write the entry on both sides (w_{1})")


#: an aligned row whose right side is empty (``\frac{\partial L}{\partial Z} &= \\ &= \frac{1}{m} …``): one relation
_EMPTY_ROW = re.compile(r"=(?:\s|\\cr)+=(?!=)")
#: a claim that opens with =
_PROSE_LEFT = re.compile(r"^\s*=(?!=)")


def _after_prose_left(text: str) -> str:
    """A claim that opens with = (its left side a word of the prose before the math: Huddar's "Error $= y_{target} -
    y_5 = 0.5 - 0.69 = -0.19$") and has another = outside braces after it: the sides after the first = are a chain of
    their own, judged link by link. Any other text as it is (cjhjhj's "$=max(0, x)$", one side: left unread)."""
    m = _PROSE_LEFT.match(text)
    if m is None:
        return text
    depth = 0
    for ch in text[m.end():m.end() + 4000]:
        depth += (ch == "{") - (ch == "}")
        if ch == "=" and depth == 0:
            return text[m.end():]
    return text
#: a weight named by the two nodes it joins, in a chain of single units: w_{01}, w_{12}, w_{2,3}
_NODE_PAIR = re.compile(r"(?<![A-Za-z\\])w\s*_\s*\{\s*(\d)\s*,?\s*(\d)\s*\}")


def _node_pair(m: re.Match, depth: int) -> str:
    """In a chain of single units numbered from the input (node 0) to the output (node L), ``w_{i,i+1}`` is the one
    weight from node i to node i + 1: layer i + 1's (no other reading: each layer has one unit, so no entry (i, i+1),
    and a bias, Haykin's w_{j0}, is never written with its nodes ascending). Other pairs stay as written."""
    i, j = int(m.group(1)), int(m.group(2))
    return f"W^{{({j})}}" if j == i + 1 and j <= depth else m.group(0)


def chain_nodes(text: str, notation: Notation) -> str:
    """In a chain of single units (every layer one unit, one input), the nodes numbered from the input: ``w_{i,i+1}``
    the weight from node i to node i + 1, and (where the answer counts from 0) ``x_k`` node k's value."""
    opts = dict(notation.options)
    sizes = opts.get("sizes")
    if sizes and len(sizes) > 2 and all(n == 1 for n in sizes):
        text = _NODE_PAIR.sub(lambda m: _node_pair(m, len(sizes) - 1), text)
        if opts.get("zero_based"):
            text = _NODE_VALUE.sub(lambda m: _node_value(m, opts.get("activations") or ()), text)
    return text


#: a node's value in a chain of single units numbered from 0: x_1, x_{2}
_NODE_VALUE = re.compile(r"(?<![A-Za-z\\])x\s*_\s*(?:\{\s*(\d)\s*\}|(\d))(?![\d])")


def _node_value(m: re.Match, activations: tuple) -> str:
    """In a chain of single units whose answer counts from 0 (x_0 the one input), ``x_k`` for k ≥ 1 cannot be an entry
    of the input: it is node k's value, layer k's output — read so only where layer k's activation is the identity
    (its summed input and its output are then the same number; with any other activation which one is meant is not
    said)."""
    k = int(m.group(1) or m.group(2))
    if 1 <= k <= len(activations) and activations[k - 1] == "identity":
        return f"h^{{({k})}}"
    return m.group(0)


#: a weight or bias with one index letter: w_k, b_{j}
_ONE_PARAM = re.compile(r"(?<![A-Za-z\\])([wWb])\s*_\s*(?:\{\s*([a-z])\s*\}|([a-z])(?![A-Za-z]))")
#: an update of one: w_k \rightarrow …, b_j := …, w_k \leftarrow …, w_k = w_k …
_UPDATE_OF_ONE = re.compile(r"\s*([wWb])\s*_\s*(?:\{\s*([a-z])\s*\}|([a-z])(?![A-Za-z]))\s*"
                            r"(?:\\rightarrow|\\to|\\leftarrow|\\gets|:=|=)(?![A-Za-z])")


def _any_parameter(text: str) -> str:
    r"""blackKeys17's ``w_k \rightarrow w_k - \eta \frac{\partial C}{\partial w_k}``: the update of any one weight
    (or bias), written with one index letter and no layer, is the update of every weight, entry by entry — the
    parameters' update for every layer (the judge tries each, as for ``W \leftarrow W - \alpha dW``). Only an update
    whose every script is that letter on that parameter (nothing else indexed, no layer, no transpose). A-R007's
    ``W_i = W_i - \eta \times \frac{\partial L}{\partial W_i}`` too: W_i is weight i or layer i's weights, the
    same step either way."""
    m = _UPDATE_OF_ONE.match(text)
    if m is None or "^" in text:
        return text
    found = list(_ONE_PARAM.finditer(text))
    if len(found) != text.count("_") or any((f.group(1), f.group(2) or f.group(3)) != (m.group(1), m.group(2) or m.group(3))
                                           for f in found):
        return text
    plain = _ONE_PARAM.sub(m.group(1), text)
    if re.search(r"[A-Za-z]", _PLAIN_STEP_WORDS.sub(" ", plain)):
        return text  # (blackKeys17's w_k → w_k − (η/m) ∂C/∂w_k: what m and the minibatch's C are is the prose's)
    return plain


#: what a plain gradient step of one parameter is written with: the parameter, the rate, the objective's derivative
_PLAIN_STEP_WORDS = re.compile(r"\\frac\s*\{\s*\\partial\s*[CJLE]\s*\}\s*\{\s*\\partial\s*[wWb]\s*\}|"
                               r"\\(?:eta|alpha|epsilon|varepsilon|rightarrow|to|leftarrow|gets|times|cdot)(?![A-Za-z])|"
                               r"(?<![A-Za-z\\])[wWb](?![A-Za-z])")


#: a claim for every pair of unequal indices, Chambrin's ``\forall i \neq k, \quad ∂z_k/∂W_{ij} = 0``: one equation
_FOR_UNEQUAL = re.compile(r"\s*\\forall\s*+([a-z])\s*+\\(?:neq|ne)(?![A-Za-z])\s*+([a-z])\s*+,\s*+([^=]+)=([^=]+)")


def _for_unequal_indices(text: str) -> str:
    """``\\forall i \\neq k, A = B``: the equation for every i ≠ k — read as ``(1 - δ_{ik}) A = (1 - δ_{ik}) B``
    (Kronecker's δ), which holds for every i, k exactly when A = B wherever i ≠ k. Two different index letters, one
    equation; any other quantifier stays unread."""
    m = _FOR_UNEQUAL.fullmatch(text)
    if m is None or m.group(1) == m.group(2):
        return text
    off = f"(1 - \\delta_{{{m.group(1)}{m.group(2)}}})"
    return f"{off} ({m.group(3).strip()}) = {off} ({m.group(4).strip()})"


def _loss_called_l(toks: list[Tok]) -> list[Tok]:
    """Chambrin's ``l(f(x), y)``: a lower-case l applied to two or more arguments (a prediction and a target) is the
    loss of one example, as ``\\ell(\\hat y, y)`` is; l stays the generic layer index everywhere else (``W^{(l)}``,
    ``\\sum_l (…)``: an l in a script or a sum's index, or before one argument, is never the loss)."""
    out = toks
    for j, t in enumerate(toks):
        if t.kind != "id" or t.text != "l" or j + 1 >= len(toks) or toks[j + 1].text != "(":
            continue
        before = [x.text for x in toks[max(0, j - 2):j]]
        if before[-1:] in (["^"], ["_"]) or before[-1:] == ["{"] and before[:1] in (["^"], ["_"]):
            continue
        depth, comma = 0, False
        for k in range(j + 1, len(toks)):
            depth += {"(": 1, ")": -1}.get(toks[k].text, 0)
            comma = comma or depth == 1 and toks[k].text == ","
            if depth == 0:
                break
        if comma and depth == 0:
            out = out if out is not toks else list(toks)
            out[j] = replace(t, text="ell")
    return out


#: a pair of unit indices one of which is l or ℓ, on a symbol whose layer is written apart in parentheses or brackets by
#: a number or another letter: w_{jl}^{(1)}, w^{(k)}_{\ell j}, w_{j,l}^{[2]} (token texts joined by spaces, ℓ as l)
_L_PAIR = r"_ \{ (?:[a-km-z](?: ,)? l|l(?: ,)? [a-km-z0]) \}"
_PAREN_LAYER = r"\^ \{ [(\[] (?:\d+|[a-km-zA-Z](?: [+-] \d+)?) [)\]] \}"
_L_ENTRY = re.compile(_L_PAIR + " " + _PAREN_LAYER + "|" + _PAREN_LAYER + " " + _L_PAIR)


def _l_is_entry(toks: list) -> bool:
    r"""Whether a claim writes l (or ℓ) as one of a pair of unit indices on a symbol whose layer it writes apart
    (MacKay's w_{jl}^{(1)} x_l, Efron & Hastie's w^{(k)}_{\ell j} a^{(k)}_j): then l is a unit in the whole claim, not the
    generic layer. A linear scan of the claim's first tokens."""
    if len(toks) > 4000 or not any(t.text in ("l", "ell") for t in toks):
        return False
    return _L_ENTRY.search(" ".join("l" if t.kind == "cmd" and t.text == "ell" else t.text for t in toks)) is not None


def writes_l_as_unit(latex: str) -> bool:
    """Whether a claim's text writes l (or ℓ) as a unit index (``_l_is_entry`` on its tokens): infer's answer-wide
    option ``l_entry``. Claims of at most 4000 characters; a claim the tokenizer cannot read says no."""
    if len(latex) > 4000 or "l" not in latex:
        return False
    try:
        return _l_is_entry(tokenize(normalize(latex.replace("$", " "))))
    except Unreadable:
        return False


def _marked_and_bare_y(toks: list) -> str | None:
    """Whether a claim writes y marked as the target beside a y without that mark: starred (``y^*``, ``y_i^*``) beside
    any y without a star ("star"), or named (``y_{true}``, ``y_{target}``) beside a y with no script at all ("true":
    vikram's single neuron, dL/dW = (y − y_{true}) · f′(z) · x, where y is the neuron's output); else None."""
    star = named = unstarred = scriptless = False
    for j, t in enumerate(toks):
        if t.kind != "id" or t.text != "y":
            continue
        nxt = [x.text for x in toks[j + 1:j + 4]]
        if nxt[:1] == ["_"] and (nxt[1:2] in (["true"], ["target"]) or nxt[1:3] in (["{", "true"], ["{", "target"])):
            named = True
        elif nxt[:1] not in (["_"], ["^"]):
            scriptless = True
        k = j + 1
        if k < len(toks) and toks[k].text == "_":  # y_i^*, y_{i}^*: past the subscript
            k += 1
            if k < len(toks) and toks[k].text == "{":
                end = next((e for e in range(k, min(k + 20, len(toks))) if toks[e].text == "}"), k)
                k = end + 1
            else:
                k += 1
        if k + 1 < len(toks) and toks[k].text == "^" and toks[k + 1].text == "*":
            star = True
        else:
            unstarred = True
    return "true" if named and scriptless else "star" if star and unstarred else None


def _FORWARD_QUANTITY(node: Node) -> bool:  # noqa: N802 -- a predicate named like the constants it sits with
    """Whether ``node`` is a forward quantity of one sample (z, h, ŷ, x) or one entry of it: what an expression's
    derivative is taken by."""
    if node.op == "comp" and isinstance(node.value, str | int):
        node = node.args[0]
    return node.op == "q" and node.value[0] in ("z", "h", "yhat", "x")


def _of_entries(node: Node) -> bool:
    """Whether every quantity in ``node`` is written as one entry (``a_i \\omega_{ji}``, ``\\sigma(z^L_m)``), no whole vector
    or matrix (``W h + b``)."""
    if node.op == "q":
        return False
    return all(arg.op != "q" or n.op in ("comp", "entry") for n in node.walk() for arg in n.args)


def _ONE_WEIGHT(node: Node) -> bool:  # noqa: N802 -- named as _FORWARD_QUANTITY, beside it
    """Whether ``node`` is one weight of a layer, ``w_{jk}`` (Korniak's ∂(w1o · out_{h1} + w2o · out_{h2})/∂w1o)."""
    return node.op == "entry" and node.args[0].op == "q" and node.args[0].value[0] == "W" and len(node.value) == 2


#: a parameter at a time step: θ_t, θ_{t-1}, W^{(1)}_{t-1}, b_t
_PARAM_AT_TIME = re.compile(r"(?<![A-Za-z\\])(?<!\\Delta\s)(\\theta|\\Theta|W|w|b)((?:\s*\^\s*(?:\{[^{}]*\}|\w))?\s*_\s*)"
                            r"(\{\s*t\s*-\s*1\s*\}|\{\s*t\s*\}|t(?![A-Za-z0-9]))")
#: (not a step's change Δw_{t-1}, Δw_t: Helwich's, parser.accumulated reads their times)
#: parse_claim's results (Nodes are frozen, so sides can be shared) and errors, by (latex, notation, depth, layer_env)
_PARSED: dict = {}
MAX_PARSED = 20_000


def parse_expr(latex: str, notation: Notation = Notation(), depth: int | None = None) -> Node:
    sides, rels = parse_claim(latex, notation, depth)
    if rels:
        raise Unreadable("expected an expression, found an equation")
    return sides[0]


#: the reason a bare optimizer state gives (claim: the parameter of the gradient its update adds is tried)
_NEEDS_PARAMETER = "needs the parameter it belongs to"
#: a state's own update is searched for a gradient in its first this many tokens
MAX_GRADIENT_TOKENS = 200


class _Parser:
    def __init__(self, toks: list[Tok], notation: Notation, depth: int | None, layer_env: dict | None = None):
        self.t, self.i, self.n = toks, 0, notation
        self.step_param = None  # (kind, layer) of the parameter a step's left side names (claim): its bare states'
        self.layer_env = dict(layer_env or {})
        self.opts = opts = dict(notation.options)
        #: the answer's prose says its * (\ast) is the element-wise product (document.star_elementwise)
        self.mul_ops = {**MUL_OPS, "ast": "had", "*": "had"} if opts.get("star") == "elementwise" else MUL_OPS
        # layer numbers as the answer writes them -> gradproof's: the input is layer 0 (or 1: Nielsen, UFLDL), and
        # W^{(l)} feeds layer l (or leaves it: UFLDL's W^{(1)} maps layer 1 to layer 2)
        self.units_off = int(opts.get("input_layer", 0))
        self.weights_off = self.units_off - (1 if opts.get("weights_numbered_by") == "source" else 0)
        self.unindexed = opts.get("unindexed_layer")  # a one-hidden-layer net: h, z written without a layer
        self.fn_layer: int | None = None  # the layer of the function whose argument is being read (f^1(n): 1)
        self.unit_letters = bool(opts.get("unit_letters"))  # Bishop: the index letter tells the layer (i, j, k)
        # Mitchell's and Haykin's "unit j" of any layer: j is generic, i feeds it, k is fed by it (unit_layer)
        self.generic_units = opts.get("unit_letters") == "generic"
        self.own_unit_letters = bool(set(dict(opts.get("unit_pos") or {})) - set(UNIT_POS))  # (Fuat's ℓ read as q)
        # which layer each unit letter names: Bishop's i input, j hidden, k output, or the answer's own (Grosse's
        # z_i = \sum_j w_{ij} x_j: j input, i hidden), read from its definitions (infer.letter_layers)
        self.letter_layers = dict(opts.get("unit_map") or BISHOP_LAYERS)
        self.n_regularized = bool(opts.get("regularized"))
        self.anchor = _anchor(toks) if self.generic_units else None
        self.unit_pos = dict(opts.get("unit_pos") or UNIT_POS)  # Wikipedia's k feeds j (infer.feeding_letters)
        # the output layer's name: L (Nielsen), n_l (UFLDL: the number of layers), or a letter the answer uses so
        # (Goodfellow's l, when k is its generic layer index)
        self.depth_names = (("L",), ("n", "_", "l")) + (((opts["depth_letter"],),) if opts.get("depth_letter") else ())
        own = opts.get("layer_letter")  # Hagan's m (W^{m+1}), with M the last layer
        self.depth_names += ((own.upper(),),) if own and opts.get("layer_letter_last", True) else ()
        self.layer_letters = tuple(x for x in LAYER_LETTERS + ((own,) if own else ()) if x != opts.get("depth_letter"))
        self.paren_letters = self.layer_letters + tuple(x for x in PAREN_LAYER_LETTERS if x != opts.get("depth_letter"))
        # MacKay's w_{jl}^{(1)}, Efron & Hastie's w^{(k)}_{\ell j}: l, ℓ a unit here, not the generic layer
        self.entry_l = bool(opts.get("l_entry")) or _l_is_entry(toks)
        if self.entry_l:
            self.t = toks = [Tok("id", "l", t.pos) if t.kind == "cmd" and t.text == "ell" and (
                k and toks[k - 1].text in ("_", "{", ",") or not (k + 1 < len(toks) and toks[k + 1].text == "("))
                else t for k, t in enumerate(toks)]  # (not ℓ(ŷ, y), a loss: ℓ applied outside a script)
            self.layer_letters = tuple(x for x in self.layer_letters if x != "l")
            self.paren_letters = tuple(x for x in self.paren_letters if x != "l")
        # Ng's square brackets mark layers only: MathsCode's Z^{[i]}, A^{[i-1]} (i his layer index, (j) the example)
        self.bracket_letters = self.paren_letters + ((opts["bracket_letter"],) if opts.get("bracket_letter") else ())
        self.loss_word = None  # the objective's letter in the last ∂J/∂q read (ℓ: one example's loss)
        self.loss_sample = None  # its example, bound by a sum: UFLDL's ∂/∂W J(W,b; x^{(i)}, y^{(i)})
        self.macros = _macro_keys(notation)
        self.macro_end = -1  # where the last of the answer's own symbols read ends (its t_j: an entry, postfix)
        self.flags: dict = {}  # shared with child parsers: layers written ("explicit") or left out ("implicit")
        if any(t.text in ROLE_LAYERS for t in toks):  # (the claim's role names, read on the whole claim: _writes_role)
            self._writes_role("H")
        self._dots: str | None = None  # the last cell of dots' macro (\vdots), for the reason when it is not read
        self.bases = {**BASES, **dict(notation.bases)}
        self.own_bases = dict(notation.bases)
        if self.generic_units:
            self.bases = {"net": "z", **self.bases}  # Mitchell's net_j: the summed input of unit j
        if self.unit_letters and "in" not in self.bases:
            self.bases = {"in": "z", **self.bases}  # AIMA's in_j, in_k: the summed input of unit j (k), as its letter says
        self.funcs = dict(notation.functions)
        self.fixed = {"o": ("yhat", None), **dict.fromkeys(SCORE_NAMES, ("z", depth)),
                      **dict(notation.fixed)}  # o: the output; CS231n's scores
        self.states = dict(notation.states)
        self.quantity_letters = _quantity_letters(toks) if opts.get("param_letters") else frozenset()
        self.bound: dict[str, str | None] = {}  # indices of the enclosing sums -> their upper bound as written
        self.norm_open = 0
        self.depth_net = depth
        self.level = 0
        self.abs_open = 0
        self.deadline = limits.work_time() + MAX_SECONDS  # CPU time: a loaded machine does not make a claim unreadable

    # -- token helpers -------------------------------------------------------------------------------
    def peek(self, k: int = 0) -> Tok | None:
        j = self.i + k
        return self.t[j] if j < len(self.t) else None

    def is_(self, text: str, k: int = 0) -> bool:
        tok = self.peek(k)
        return tok is not None and tok.text == text and tok.kind in ("op", "cmd", "id")

    def next(self) -> Tok:
        if not next(_TICKS) & CLOCK_EVERY_MASK and limits.work_time() > self.deadline:
            raise Unreadable(f"parsing took longer than {MAX_SECONDS} CPU s")
        tok = self.peek()
        if tok is None:
            raise Unreadable("the formula ends too early")
        self.i += 1
        return tok

    def expect(self, text: str) -> None:
        tok = self.next()
        if tok.text != text:
            raise Unreadable(f"expected '{text}' at position {tok.pos}, found '{tok.text}'")

    def macro(self) -> Node | None:
        """A symbol the answer defined as an expression (``p = \\sigma'(z^{(1)})``, ``[notation] "W_o" = "W^{(2)}"``):
        matched token by token (braces ignored), replaced by its parsed value."""
        for key, value in self.macros:
            j, depth, layer_at = self.i, 0, None
            own = key[0] not in self.bases and key[0] not in self.fixed  # (a letter of the answer's own: g^{(l)})
            for pos, want in enumerate(key):
                while j < len(self.t) and self.t[j].kind == "op" and self.t[j].text in "{}":
                    depth += 1 if self.t[j].text == "{" else -1
                    j += 1
                if layer_at is not None and pos <= layer_at[0] + 2:
                    continue  # (the key's generic layer, matched below)
                if (own and want == "(" and pos + 2 < len(key) and key[pos + 2] == ")" and key[pos + 1] in self.paren_letters
                        and j < len(self.t) and self.t[j].text == "("):
                    used = self._layer_use(j + 1, key[pos + 1])  # g^{(l)} defined, g^{(l+1)} or g^{(2)} used
                    if used is None:
                        break
                    layer_at, j = (pos, key[pos + 1], used[0], "paren"), used[1]
                    continue
                if (own and want == "_" and pos + 2 == len(key) and key[pos + 1] in self.layer_letters and j < len(self.t)
                        and self.t[j].text == "_"):
                    used = self._subscript_use(j + 1, key[pos + 1])  # Aggarwal's g_r defined, g_{r+1} used
                    if used is None:
                        break
                    layer_at, j = (pos, key[pos + 1], used[0], "sub"), used[1]
                    continue
                if j >= len(self.t) or self.t[j].text != want:
                    break
                j += 1
            else:
                while depth > 0 and j < len(self.t) and self.t[j].text == "}":
                    depth -= 1
                    j += 1
                if depth != 0:
                    continue
                if key == ("e",) and j + 1 < len(self.t) and self.t[j].text == "^" and not _error_power(self.t, j + 1):
                    continue  # e^{-z}: Euler's number, not the answer's error vector e (but e^T e, e^2 = its square)
                if len(key) == 1 and len(key[0]) > 1 and key[0].isalpha():
                    j = self._arguments_after_name(j, value[0])  # \operatorname{SSE}(\boldsymbol{w}): SSE as a function
                self.i = j
                rest = tuple((k, v) for k, v in self.n.macros if k != value[0])
                text = value[1] if layer_at is None else _shift_layer(value[1], *layer_at[1:])
                sub = _Parser(tokenize(normalize(text), replace(self.n, macros=rest)), replace(self.n, macros=rest),
                              self.depth_net, self.layer_env)
                sub.level, sub.deadline, sub.bound = self.level + 1, self.deadline, self.bound
                sub.anchor = self.anchor or sub.anchor  # (the claim's unit letter: e_i = d_i − y_i inside ∂E/∂w_{ji})
                node = sub.expr()
                if sub.peek() is not None:
                    raise Unreadable(f"cannot read the definition of {value[0]}")
                self.macro_end = self.i
                return node
        return None

    def _arguments_after_name(self, j: int, name: str) -> int:
        """At token j, after a word the answer defined as an expression (``SSE = \\sum_i (y_i - \\hat y_i)^2``): the token
        after its argument list when one follows (``\\operatorname{SSE}(\\boldsymbol{w})``, ``Loss(W, b)``: the function
        of its parameters, as ``J(W, b)`` is J), else j. A list that holds more than names (``SSE(w + \\Delta)``, a value
        at another point) is not read: the word's definition is its value at the answer's own point only."""
        t = self.t
        k = j + 1 if j < len(t) and t[j].kind == "cmd" and t[j].text == "left" else j
        if k >= len(t) or t[k].text != "(":
            return j
        depth = 0
        for m in range(k, min(len(t), k + MAX_ARGUMENT_TOKENS)):
            tok = t[m]
            if tok.text == "(":
                depth += 1
            elif tok.text == ")":
                depth -= 1
                if depth == 0:
                    return m + 1
            elif tok.kind == "cmd" and tok.text == "right":
                continue
            elif not (tok.kind in ("id", "num") or tok.kind == "op" and tok.text in "{}^_,'"
                      or tok.kind == "cmd" and tok.text not in _ARITHMETIC_COMMANDS):
                raise Unreadable(f"{name} applied to an expression: its definition is its value at the answer's own "
                                 "point, not at another")
        return j

    def _layer_use(self, j: int, letter: str, close: str = ")") -> tuple[str, int] | None:
        """At token j (after an opening parenthesis or brace) a layer written where a macro's key has its generic layer
        ``letter``: the letter itself, the letter ± a number, or a number, then ``close``: (the layer as text, the token
        after it), or None."""
        t = self.t
        if j + 1 < len(t) and t[j + 1].text == close and (t[j].text == letter or t[j].kind == "num" and t[j].text.isdigit()):
            return t[j].text, j + 2
        if (j + 3 < len(t) and t[j].text == letter and t[j + 1].text in "+-" and t[j + 2].kind == "num"
                and t[j + 2].text.isdigit() and t[j + 3].text == close):
            return letter + t[j + 1].text + t[j + 2].text, j + 4
        return None

    def _subscript_use(self, j: int, letter: str) -> tuple[str, int] | None:
        """At token j (after _) a layer subscript where a macro's key ends in its generic layer ``letter``: the letter or a
        number alone, or braced with ± a number (g_{r+1}; a bare g_r + 1 is g_r plus one): (the layer, the next token)."""
        t = self.t
        if j < len(t) and (t[j].text == letter or t[j].kind == "num" and t[j].text.isdigit()):
            return t[j].text, j + 1
        return self._layer_use(j + 1, letter, "}") if j < len(t) and t[j].text == "{" else None

    def child(self, toks: list[Tok]) -> _Parser:
        """A parser of a script or subscript that shares this one's bounds, sums and generic layer indices."""
        p = _Parser(toks, self.n, self.depth_net, self.layer_env)
        p.level, p.deadline, p.bound, p.flags, p.anchor = self.level + 1, self.deadline, self.bound, self.flags, self.anchor
        return p

    def weight_entry(self, name: str, comps: list) -> list:
        """A weight's two unit letters as (target, source): w_{ji} into unit j from unit i (Mitchell, Haykin), or w_{ij}
        from i to j (Wikipedia) when the answer's own definition (net_j = \\sum_i w_{ij} o_i) writes them so."""
        if len(comps) != 2 or not all(isinstance(c, str) and c in self.unit_pos for c in comps):
            return comps
        first, second = (self.unit_layer(c) for c in comps)
        order = self.opts.get("weight_order")
        if first > second and order == "source":
            # w_{k,j} where the answer's own sums write w_{i,j} from i to j: from unit k to the unit before it, a weight no
            # layer has — read as written (source first), the answer's mistake (heldout3's planted AIMA Δ_j)
            return self._as_entry(comps, "source")
        if first >= second:
            return self._as_entry(comps, "target")  # written target first (or the same layer)
        if order == "source":
            return self._as_entry(comps, "source")
        if order == "target":
            return self._as_entry(comps, "target")  # targets first elsewhere: this order is its mistake, as written
        raise Unreadable(f"{name}_{{{comps[0]}{comps[1]}}}: is it the weight from {comps[0]} to {comps[1]} or into "
                         f"{comps[0]} from {comps[1]}? Nothing in the answer says; define a unit's input, e.g. "
                         f"net_{comps[1]} = \\sum_{comps[0]} {name}_{{{comps[0]}{comps[1]}}} o_{comps[0]}")

    def _bracket_indices(self) -> list[str]:
        """``[i]`` or ``[i][j]`` right after a quantity, each an index letter (an entry letter or a sum's): the letters,
        consumed; else [] and nothing consumed (``W[1]`` is Ng's layer in brackets, ``W [x + b]`` a product)."""
        letters, j = [], self.i
        while len(letters) < 2 and j + 2 < len(self.t) and self.t[j].text == "[" and self.t[j + 2].text == "]" and (
                self.t[j + 1].kind == "id" and len(self.t[j + 1].text) == 1
                and (self.t[j + 1].text in _BRACKET_LETTERS or self.t[j + 1].text in self.bound)):
            letters.append(self.t[j + 1].text)
            j += 3
        if letters:
            self.i = j
        return letters

    def _example_slice(self) -> tuple | None:
        """NumPy's ``[i,:]`` (or ``[:,i]``) right after a quantity, i counted by a sum over the batch (``\\sum_{i=1}^N
        G_Z[i,:]``, or ``\\sum_i`` with i the answer's sample letter): ("row", i) or ("col", i), consumed — example i's row
        (column) of a batch laid out so; else None and nothing consumed."""
        t, j = self.t, self.i
        if j + 4 >= len(t) or t[j].text != "[" or t[j + 2].text != "," or t[j + 4].text != "]":
            return None
        pick = self._picked_example(t[j + 1], t[j + 3])
        if pick is not None:
            self.i = j + 5
        return pick

    def _picked_example(self, first: Tok, second: Tok) -> tuple | None:
        """("row", i) for ``i, :`` and ("col", i) for ``:, i``, i counted by a sum over the batch or the answer's sample
        letter; else None."""
        for letter, colon, axis in ((first, second, "row"), (second, first, "col")):
            if colon.text == ":" and letter.kind == "id" and len(letter.text) == 1 and letter.text in self.bound and (
                    self.bound[letter.text] in (*BATCH_BOUNDS, self.opts.get("batch_letter", "N"))
                    or self.bound[letter.text] is None and letter.text == self.opts.get("sample_letter")):
                return axis, letter.text
        return None

    def _as_entry(self, comps: list, order: str | None = None) -> list:
        """A weight's two indices as written, in the answer's order (``target`` first: w_{ji} into j from i; ``source``
        first: w_{ij} from i to j) -> (row, column) of W as the spec lays it out (row convention: n_out × n_in)."""
        order = order or self.opts.get("weight_order") or "target"
        target_first = comps if order == "target" else [comps[1], comps[0]]
        return target_first if self.opts.get("convention", "row") == "row" else [target_first[1], target_first[0]]

    def unit_layer(self, letter: str) -> int:
        """The layer of a unit letter read generically (Mitchell, Haykin): the claim's anchor letter (j, else h, k, i)
        is a unit of any layer — the judge tries each —, i a unit feeding it, k one it feeds."""
        if "unit" not in self.layer_env:
            raise NeedsLayer("unit")
        pos = self.unit_pos
        layer = self.layer_env["unit"] + pos[letter] - pos[self.anchor or letter]
        if not 0 <= layer <= (self.depth_net or 0):
            raise NoSuchLayer(f"unit {letter} would be in layer {layer}, outside the network")
        return layer

    def offset(self, base: str | None) -> int:
        """What to subtract from a layer number written on ``base`` to get gradproof's layer."""
        if base == "delta":  # Britz's δ_3 = ŷ − y in a two-layer net: δ numbered from the input as 1 (deltanumber.py)
            return self.units_off + int(self.opts.get("delta_offset", 0))
        if base == "z" and self.opts.get("summed_numbered_by") == "source":
            return self.weights_off  # Prince's f_k = β_k + Ω_k h_k: the summed input numbered by the layer it leaves
        return self.weights_off if base in ("W", "b", "dW", "db") else self.units_off

    def layer_var(self, toks: list[Tok], letters: tuple) -> int | None:
        """A generic layer index ``l``, ``l+1``, ``l-1`` (letters allowed here) -> its layer, or None."""
        texts = [t.text for t in toks]
        if texts[:1] == ["ell"] and toks[0].kind == "cmd" and "l" in letters:
            texts[0] = "l"  # CS229's \ell: the layer l
        elif not texts or toks[0].kind != "id" or texts[0] not in letters or texts[0] in self.bound:
            return None
        below_last = len(texts) == 3 and texts[1] in ("<", "lt") and (texts[2],) in self.depth_names and self.depth_net
        if len(texts) == 1 or below_last:
            off = 0
        elif len(texts) == 3 and texts[1] in "+-" and toks[2].kind == "num" and "." not in texts[2]:
            off = int(texts[2]) if texts[1] == "+" else -int(texts[2])
        else:
            return None
        var = texts[0]
        if var not in self.layer_env:
            raise NeedsLayer(var)
        if below_last and self.layer_env[var] >= self.depth_net + self.units_off:
            # Goto's x^{(l<N)} = max(0, x̃^{(l)}) + …: the claim is about the layers before the last only
            raise NoSuchLayer(f"{var} < {texts[2]}: the claim is not about the last layer")
        return self.layer_env[var] + off

    def _bare_layers(self) -> bool:
        """Whether this claim writes layers as bare superscripts elsewhere (Nielsen's z^2 = w^2 a^1 + b^2)."""
        t = self.t
        return any(t[k].text in ("W", "w", "b", "delta") and t[k + 1].text == "^" and t[k + 2].kind == "num"
                   for k in range(len(t) - 2))

    def enter(self):
        self.level += 1
        if self.level > MAX_DEPTH:
            raise Unreadable(f"the formula is nested more than {MAX_DEPTH} levels deep")

    # -- grammar -------------------------------------------------------------------------------------
    def claim(self):
        if any(t.kind == "cmd" and t.text in layerdots.DOTS for t in self.t):  # Nielsen's Σ'(z^l)(w^{l+1})^T ⋯
            written = layerdots.expand(self.t, self._dots_layer, RELATIONS)
            if written is not None:
                self.t, self.i = written, 0
        flags = dict(self.flags)
        try:
            sides, rels = [self.expr()], []
        except Unreadable as e:
            found = None if self.step_param is not None or _NEEDS_PARAMETER not in str(e) else self._gradient_added()
            if found is None:
                raise
            self.step_param, self.i, self.level = found, 0, 0  # V ← μ V + ∇_W J: V is W's velocity
            self.flags.clear()
            self.flags.update(flags)
            sides, rels = [self.expr()], []
        first = sides[0].args[0] if sides[0].op == "T" else sides[0]
        if first.op == "q" and first.value[0] in ("W", "b", "W_next", "b_next") and isinstance(first.value[1], int):
            self.step_param = (first.value[0][0], first.value[1])  # W ← W − α m̂ / (√v̂ + ε): W's own m̂, v̂
        while self.peek() is not None:
            tok = self.peek()
            rel = RELATIONS.get(tok.text)
            if rel is None:
                _not_judged(tok)
                raise Unreadable(f"cannot read '{tok.text}' at position {tok.pos}")
            self.next()
            rels.append(rel)
            sides.append(self.expr())
        if int(self.opts.get("batch", 1)) > 1 and self.opts.get("delta_scale") != "mean":
            sides = _one_scale(sides)
        return sides, rels

    def _gradient_added(self) -> tuple | None:
        """(kind, layer) of the one parameter whose gradient the claim writes by itself (∇_W J, \\frac{\\partial J}{\\partial
        W}, each read alone): an optimizer state written bare in its own update (V ← μ V + ∇_W J) is that parameter's.
        None where the claim has no such gradient or several parameters'."""
        found = set()
        for k, tok in enumerate(self.t[:MAX_GRADIENT_TOKENS]):
            if tok.kind != "cmd" or tok.text not in ("nabla", "frac"):
                continue
            self.i, self.level = k, 0
            try:
                node = self.atom()
            except (NeedsLayer, NoSuchLayer):
                raise  # (a gradient by a parameter with no layer: the judge reads the claim for every layer)
            except Unreadable:
                continue
            if node.op == "q" and str(node.value[0])[:2] in ("dW", "db") and isinstance(node.value[1], int):
                found.add((node.value[0][1], node.value[1]))
        return found.pop() if len(found) == 1 else None

    def _dots_layer(self, group) -> int | None:
        """The layer a superscript's tokens name at this claim's layer values (``{l+1}``, ``{(L-1)}``, ``L``, ``2``), in
        the answer's numbering; None when they name none (layerdots.expand)."""
        toks = [t for t in group if t.text not in ("{", "}", "(", ")", "[", "]")]
        texts = [t.text for t in toks]
        if len(texts) == 1 and toks[0].kind == "num" and texts[0].isdigit():
            return int(texts[0])
        env = self.layer_env or {}
        if texts and toks[0].kind == "id" and isinstance(env.get(texts[0]), int):
            base = env[texts[0]]
        elif texts and (texts[0],) in self.depth_names and self.depth_net:
            base = self.depth_net + self.units_off
        else:
            return None
        rest = texts[1:]
        if not rest:
            return base
        if len(rest) == 2 and rest[0] in ("+", "-") and rest[1].isdigit():
            return base + int(rest[1]) if rest[0] == "+" else base - int(rest[1])
        return None

    def expr(self) -> Node:
        self.enter()
        node = self.unary()
        while self.peek() is not None and self.peek().text in ("+", "-") and self.peek().kind == "op":
            op = "add" if self.next().text == "+" else "sub"
            node = Node(op, (node, self.unary()))
        self.level -= 1
        return node

    def unary(self) -> Node:
        if self.is_("-"):
            self.next()
            return Node("neg", (self.unary(),))
        if self.is_("+"):
            self.next()
            return self.unary()
        return self.term()

    def term(self) -> Node:
        """Elementwise products bind looser than matrix products: a ⊙ Wᵀδ is a ⊙ (Wᵀδ)."""
        node = self.product()
        joined = self.joined  # a product written without brackets before the ⊙: A^T \cdot (A - Y) \odot g'(Z)
        while self.peek() is not None and self.peek().kind in ("op", "cmd") and self.mul_ops.get(self.peek().text) == "had":
            mark = self.next().text
            rhs = Node("neg", (self.product(),)) if self._minus() else self.product()
            loose = LOOSE if joined and node.op == "mul" and mark != "otimes" else None  # (judge._regrouped)
            node = Node("had", (node, rhs), "otimes" if mark == "otimes" else loose)  # ⊗: elementwise, or outer
            joined = False
        return node

    def _minus(self) -> bool:
        if self.is_("-"):
            self.next()
            return True
        return False

    def product(self) -> Node:
        node = self.postfix()
        self.joined = False  # (whether this product joined factors itself, not inside brackets: term's ⊙ after it)
        while True:
            tok = self.peek()
            if tok is None:
                return node
            if tok.text in self.mul_ops and tok.kind in ("op", "cmd") and self.mul_ops[tok.text] != "had":
                self.next()
                rhs = Node("neg", (self.postfix(),)) if self._minus() else self.postfix()
                node = Node(MUL_OPS[tok.text], (node, rhs), "cdot" if tok.text == "cdot" else None)  # (shapes.DOT)
                self.joined = MUL_OPS[tok.text] == "mul"
            elif self.starts_factor(tok):
                node = Node("mul", (node, self.postfix()))
                self.joined = True
            else:
                return node

    def starts_factor(self, tok: Tok) -> bool:
        if tok.kind in ("num", "id", "begin"):
            return True
        if tok.kind == "cmd":
            return not any(tok.text in table for table in (RELATIONS, CMP, MUL_OPS, OTHERWISE_WORDS, CONDITION_WORDS))
        if tok.kind == "norm":
            return not self.norm_open
        return tok.kind == "op" and (tok.text in "({[" or (tok.text == "|" and not self.abs_open))

    def _entry_script(self, node: Node) -> Node:
        """At ``_`` after a parenthesised expression or a symbol the answer defined: an entry of it, ``(\\hat y - y)_k``,
        ``(h_\\theta(x))_k``, t_j of the answer's t = e^{z}, v_{jk} of its v = W⁽²⁾ᵀ."""
        self.next()
        toks = self.script()
        texts = [t.text for t in toks]
        if node.op in ("num", "neg") and all(n.op in ("num", "neg") for n in node.walk()):
            raise Unreadable(f"an index {''.join(texts)} on a number (the answer's symbol defined as one) names no entry")
        if len(toks) == 1 and toks[0].kind == "id" and (texts[0] in self.bound or texts[0] in ENTRY_LETTERS):
            node = Node("comp", (node,), texts[0])
        elif len(toks) == 1 and toks[0].kind == "num" and texts[0].isdigit() and int(texts[0]) >= 1:
            node = Node("comp", (node,), int(texts[0]) - (0 if self.opts.get("zero_based") else 1))
        elif len(toks) == 3 and texts[1] == "," and (pick := self._picked_example(toks[0], toks[2])) is not None:
            node = Node("rowpick", (node,), pick)  # (\frac{\partial L}{\partial S})_{i,:}: example i's row
        elif (len(texts) == 2 or len(texts) == 3 and texts[1] == ",") and all(
                t.kind == "id" and (t.text in self.bound or t.text in ENTRY_LETTERS) for t in (toks[0], toks[-1])):
            node = Node("entry", (node,), (texts[0], texts[-1]))  # XanNotZan's (\nabla W^l)_{jk}: entry (j, k)
        else:
            raise Unreadable(f"cannot read the subscript {''.join(texts)} of a parenthesised expression")
        return node

    def postfix(self) -> Node:
        node = self.atom()
        if self.is_("[") and node.op == "q" and (letters := self._bracket_indices()):
            # the book-ai chapter's W_2[i][j], b_2[j], code's indexing: one entry, (row, column) as the answer's
            # matrix is written (its layout is the spec's convention)
            node = Node("comp", (node,), letters[0]) if len(letters) == 1 else Node("entry", (node,), tuple(letters))
        if self.is_("[") and (pick := self._example_slice()) is not None:
            node = Node("rowpick", (node,), pick)  # Σ_i G_Z[i,:]: example i's row of a batch (shapes: rows only)
        if self.is_("[") and self.opts.get("augmented") == "last":
            parts = self._slice()  # AbhiJ2706's \frac{\partial L}{\partial \tilde{H}_{l-1}}[:, :-1]: a NumPy slice
            if parts is not None:
                node = Node("slice", (node,), tuple(parts))
        if self.is_("_") and self.i > 0 and (self.t[self.i - 1].text in (")", "]") and self.t[self.i - 1].kind == "op"
                                             or self.macro_end == self.i):
            node = self._entry_script(node)
        while self.is_("^"):
            closed = self.i > 0 and self.t[self.i - 1].text in (")", "]", "}") and self.t[self.i - 1].kind == "op"
            self.next()
            script = self.script()
            if closed and [t.text for t in script] in (["'"], ["\\prime"]) and _unprimed_function(node):
                node = _primed(node)  # MathsCode's [g^{[i]}(Z^{[i]})]^{'}: the derivative of g at Z^{[i]}
                continue
            node = Node("T", (node,)) if closed and _lowercase_transpose(script, node) else self.power(node, script)
        if self.is_("'") and self.t[self.i - 1].text in (")", "]") and _unprimed_function(node):
            self.next()
            return _primed(node)  # [g(Z)]': the same
        if (self.is_("'") and self.t[self.i - 1].text in (")", "]") and self.t[self.i - 1].kind == "op"
                and node.op == "q" and node.value[0] == "W"):
            self.next()  # Chambrin's \left(W^{(O)}\right)': a prime after a bracketed matrix is its transpose (A')
            return Node("T", (node,))
        if self.is_("'"):
            raise Unreadable("a prime after an expression; write the derivative of a named function, e.g. \\sigma'(z)")
        return node

    def _time_t(self) -> bool:
        """Whether the claim counts steps with t (``θ^{t+1}``, ``S_{t-1}``): then a superscript t is no transpose."""
        if getattr(self, "_time", None) is None:  # (once per parser: a claim may hold many ^t)
            texts = [t.text for t in self.t]
            self._time = any(a == "t" and b in ("+", "-") or b == "t" and a in ("+", "-")
                             for a, b in zip(texts, texts[1:], strict=False))
        return self._time

    def power(self, node: Node, script: list[Tok]) -> Node:
        texts = [t.text for t in script]
        if texts == ["T"] and node.op == "const" and node.value == "e":
            raise Unreadable("e^T: e is read as Euler's number, which has no transpose; the answer's own vector e "
                             "(an error t - a) is not a quantity gradproof knows; map it in [notation]")
        if texts == ["T"]:
            return Node("T", (node,))
        if texts and all(t.kind == "num" for t in script) and len(texts) == 1:
            return Node("pow", (node, num(float(texts[0]))))
        if node.op == "const" and node.value == "e":
            return Node("fn", (self.sub(script),), ("exp", None, False))
        if texts == ["t"] and node.op == "const" and node.value in ("beta", "beta1", "beta2"):
            return Node("pow", (node, Node("const", (), "t")))  # Adam's β₁^t: t the step, even where the answer's t is its own
        if texts[:1] == ["-"] and len(texts) == 2 and script[1].kind == "num":
            if node.op not in ("q", "T", "comp", "entry") and _elementwise_only(node):
                # (1 + e^{-x})^{-1}: a power of an elementwise expression (no matrix product in it) is elementwise
                return Node("pow", (node, num(-float(texts[1]))))
            raise Unreadable("negative powers of matrices (inverses) are not supported")
        if texts[:1] in (["("], ["["]) and texts[-1:] in ([")"], ["]"]) and len(texts) <= 5:
            raise Unreadable(f"a layer script {''.join(texts)} on an expression (not a quantity) cannot be read")
        return Node("pow", (node, self.sub(script)))

    def sub(self, toks: list[Tok]) -> Node:
        p = self.child(toks)
        node = p.expr()
        if p.peek() is not None:
            raise Unreadable(f"cannot read '{p.peek().text}' in a script")
        return node

    def script(self) -> list[Tok]:
        """The raw tokens of a superscript or subscript: one token or a braced group."""
        tok = self.next()
        if tok.text in ("{", "(", "["):
            close = {"{": "}", "(": ")", "[": "]"}[tok.text]
            depth, out = 1, [] if tok.text == "{" else [tok]
            while True:
                t = self.next()
                if t.text == tok.text and t.kind == "op":
                    depth += 1
                elif t.text == close and t.kind == "op":
                    depth -= 1
                    if depth == 0:
                        return out if tok.text == "{" else out + [t]
                out.append(t)
        return [tok]

    def _list_position(self) -> bool:
        r"""Whether the opener just read may start a vector typed as a list (``[0.1, 0.2]``, ``(9.0, 1.0)``): at a
        claim's start, after a relation, an operator, a matrix or a transpose (``\end{bmatrix} [0.05, 0.10]^T``) — not
        after a name, where brackets hold a function's
        arguments (``L(1.5, 0.56)``) or an index (``x[1, 2]``), nor in a script."""
        before = self.peek(-2) if self.i >= 2 else None
        if before is None or before.text in RELATIONS or before.text in LIST_AFTER or before.kind == "end":
            return True
        back = [self.peek(-k).text for k in range(2, min(self.i, 5) + 1)][::-1]  # (0.05, 0.10)^T (0.0134, 0.0150)
        return any(back[-len(mark):] == mark for mark in TRANSPOSE_MARKS)

    def _list_rest(self, first: Node, close: str) -> Node | None:
        """A vector or matrix typed as a list after its first entry (the parser stands on the first comma or
        semicolon): entries of arithmetic on written numbers (tree.literal_op) up to ``close``. Commas alone make a
        vector with no orientation (tree.FlatShape: the evaluator lays it out as what it meets, shapes.Flat) — or,
        when every entry is itself such a list of one length, NumPy's rows (``[[0.15, 0.20], [0.25, 0.30]]``);
        semicolons end MATLAB's rows (``[0.1; 0.2]`` a column, ``[1, 2; 3, 4]``). None, consuming nothing, for
        anything else (an interval of letters, ``[X, 1]``, a pair of quantities): the caller then reports the comma."""
        start, rows, cells = self.i, [], [first]
        try:
            while (self.is_(",") or close == "]" and self.is_(";")) and len(cells) + sum(map(len, rows)) < MAX_LIST_CELLS:
                if self.next().text == ";":
                    rows.append(cells)
                    cells = []
                cells.append(self.expr())
            rows.append(cells)
            if not self.is_(close) or sum(map(len, rows)) < 2 or len({len(r) for r in rows}) != 1:
                raise Unreadable("not a list")
        except Unreadable:
            self.i = start
            return None
        entries = [c for r in rows for c in r]
        nested = len(rows) == 1 and all(c.op == "matrix" and isinstance(c.value, FlatShape) for c in entries)
        if nested and len({len(c.args) for c in entries}) == 1:  # NumPy's rows
            rows = [list(c.args) for c in entries]
            entries = [c for r in rows for c in r]
        if not all(literal_op(n) and n.op != "matrix" for c in entries for n in c.walk()):
            self.i = start
            return None
        self.i += 1
        if len(rows) == 1:
            return Node("matrix", tuple(entries), FlatShape((len(entries), 1)))
        return Node("matrix", tuple(entries), (len(rows), len(rows[0])))

    def group(self, close: str, listing: bool = False) -> Node:
        start = self.i
        node = self.expr()
        if listing and (self.is_(",") or close == "]" and self.is_(";")):  # [0.1, 0.2], (9.0, 1.0), [0.1; 0.2]
            listed = self._list_rest(node, close)
            if listed is not None:
                return listed
        tok = self.peek()
        if (close == ")" and tok is not None and tok.text in CMP and start >= 2
                and self.t[start - 2].text in ("cdot", "*", "odot", "circ", "times", "ast")):
            # NumPy's boolean mask written as math, d · W_2 · (\text{hidden\_output} > 0) (iambestfeed): 1 where it
            # holds, else 0 — a factor after a product's sign only (cjhjhj's "0 \ (h \le 0)" is a case's condition)
            cond = self._comparison(node)
            self.expect(close)
            return Node("cases", (num(1.0), cond, num(0.0), Node("true")))
        self.expect(close)
        return node

    def atom(self) -> Node:
        macro = self.macro()
        if macro is not None:
            return macro
        tok = self.next()
        self.enter()
        try:
            return self._atom(tok)
        finally:
            self.level -= 1

    def _atom(self, tok: Tok) -> Node:
        if tok.kind == "num" and "e" in tok.text:  # 1e-8, 2.5e-3: a number in scientific notation (not 1 · e − 8)
            mantissa, exponent = tok.text.split("e")
            value = float(tok.text)
            if not math.isfinite(value) or value == 0.0 and float(mantissa) != 0.0:
                raise Unreadable(f"the number {tok.text} is beyond float64 (about 1e-308 to 1.8e308)")
            places = len(mantissa.split(".")[1]) if "." in mantissa else 0
            return num(value, max(0, places - int(exponent)))
        if tok.kind == "num":
            text = tok.text
            decimals = len(text.split(".")[1]) if "." in text else 0
            return num(float(text), decimals)
        if tok.kind == "op":
            if tok.text in ("(", "[", "{"):
                return self.group({"(": ")", "[": "]", "{": "}"}[tok.text], tok.text != "{" and self._list_position())
            if tok.text == "|":
                self.abs_open += 1
                inner = self.expr()
                self.expect("|")
                self.abs_open -= 1
                return Node("fn", (inner,), ("abs", None, False))
            raise Unreadable(f"unexpected '{tok.text}' at position {tok.pos}")
        if tok.kind == "norm":
            return self.norm()
        if tok.kind == "begin":
            return self.environment(tok.text)
        if tok.kind == "end":
            raise Unreadable(f"unexpected \\end{{{tok.text}}}")
        name = tok.text
        if tok.kind == "id" and len(name) > 1 and name in self.opts.get("param_names", ()):
            raise Unreadable(f"{name} names both an activation's parameter and a quantity here; write \\mathrm{{{name}}} "
                             "for the parameter (as the proof does)")
        if tok.kind == "cmd":
            if name == "frac":
                return self.frac()
            if name.startswith(_PARAM_CMD) and self.opts.get("param_names"):
                k = _param_index(name[len(_PARAM_CMD):])
                if k is not None and k < len(self.opts["param_names"]):
                    return Node("const", (), PARAM + self.opts["param_names"][k])  # \mathrm{y}: the parameter y
            if name.startswith("tilde") and self.opts.get("augmented") == "last":
                return self._tilde(tok)  # AbhiJ2706's \tilde{H}_{l-1} = [H_{l-1}, 1], \tilde{W}_l (augmented.py)
            if name == "sqrt":
                if self.is_("["):
                    raise Unreadable("roots other than the square root are not supported")
                return Node("fn", (self.atom(),), ("sqrt", None, False))
            if name == "partial":
                return self.inline_partial()
            if name == "nabla":
                return self.nabla()
            if name in self.states:
                return self.state_symbol(self.states[name], name[3:] if name.startswith("hat") else name)
            if (name.startswith("hat") and len(name) == 4 and name[3] not in "yY" and name not in LOSSES
                    and name not in self.own_bases):  # (bound by the answer: letters.hatted_target)
                raise Unreadable(f"\\hat{{{name[3]}}} is not a quantity gradproof knows (\\hat y is the output; "
                                 "\\hat m, \\hat v are Adam's corrected moments); map it in [notation]")
            if name.startswith("hat") and len(name) == 4:
                if name == "haty" and self.own_bases.get("haty") == "y":  # ŷ the target (letters.hatted_target)
                    return self.symbol("haty", tok)
                return self.symbol("yhat" if name[3] in "yY" else name, tok)
            if name == "sum":
                return self.summation()
            if name == "indicator":
                return self.indicator()
            if name == "iota" and name not in self.fixed and name not in self.bases and self.is_("_"):
                j = self.i
                self.next()
                if [t.text for t in self.script()] in (["N"], ["n"], ["m"], ["B"]):
                    return Node("ones")  # CMU 11-785's Z = A W^T + \iota_N b^T: the batch's column of ones
                self.i = j
            if name.startswith("txt"):
                word = name[3:]
                if word in self.fixed or word in self.bases:
                    return self.symbol(word, tok)
                raise Unreadable(f"unknown symbol '{word}' (written \\text{{{word}}}); define it in the answer or map it in [notation]")
            if name in NUMPY_CALLS:
                return self.numpy_call(name)
            if name == "diag":
                return Node("diag", (self.atom(),))
            if name == "bar":
                return self.error_signal()
            if name == "undefined":  # infer.renamed_deltas: a symbol the answer defined wrongly
                raise Unreadable("it uses a symbol whose own definition in the answer does not hold; it is not judged on it")
            if name in ("prod", "int", "lim", "mathbb", "det", "operatorname", "text"):
                raise Unreadable(f"\\{name} is not supported; write the matrix form (for example \\delta h^T) instead")
        if name == self.opts.get("batch_letter") and tok.kind == "id" and not (self.is_("_") or self.is_("^")):
            return Node("const", (), "N")  # a PyTorch write-up's \frac{1}{B}, Pedro's \frac{1}{b}: the number of examples
        if (name in self.opts.get("param_letters", ()) and tok.kind == "id" and not (self.is_("_") or self.is_("^"))
                and name not in self.quantity_letters):
            return Node("const", (), PARAM + name)  # Haykin's a in φ(v) = 1/(1 + exp(-a v)): the activation's parameter
        if (name in self.states and name not in self.fixed and name not in self.bases
                and not (name in ("m", "n") and not (self.is_("_") or self.is_("^")))):
            return self.state_symbol(self.states[name], name)  # (a bare m is the number of examples: Ng's 1/m)
        if name == "h" and tok.kind == "id" and name not in self.fixed and self.is_("'") and self.peek(1) is not None \
                and self.peek(1).text == "(":
            return self.function(name)  # Bishop's h'(a_j): h names the activation function
        if name == "h" and tok.kind == "id" and self.opts.get("bare_layer") and self.is_("(") and self.peek(1) is not None \
                and self.peek(1).text in ("a", "z") and self.is_(")", 2):
            return self.function(name)  # Bishop's h(a) \equiv \tanh(a): the function h of an identity
        if name == "Delta" and tok.kind == "cmd" and self.peek() is not None and (self.peek().kind == "id" and (
                self.peek().text in ("W", "b") or self.bases.get(self.peek().text) in ("W", "b"))
                or self.peek().text in ("theta", "omega") and self.opts.get("delta_w") == "increment"):
            return self.accumulated()  # (Ruder's Δθ_t = θ_{t+1} − θ_t: the step, once the answer adds it to θ)
        if (name == "delta" and tok.kind == "cmd" and self.peek() is not None and self.peek().kind == "id"
                and self.bases.get(self.peek().text) in ("z", "h", "W", "b") and self.peek().text not in self.fixed):
            # a learner's \delta z, \delta W_2: δ as "the derivative of the loss by" — of the objective as written
            # (in a batch, of the mean: with its 1/N, unlike Ng's per-example dz)
            q_tok = self.next()
            q = self.symbol(q_tok.text, q_tok, prefix=True)
            if q.op == "pow":  # ezalos' \delta W^2, as Ng's dW^2: the square of the gradient
                return Node("pow", (self.gradient(q.args[0], "loss"), q.args[1]))
            return self.gradient(q, "loss")
        if name == "Delta" and tok.kind == "cmd" and self.opts.get("accumulator") and (self.is_("_") or self.is_("^")):
            if self.opts["accumulator"] == "ambiguous":
                raise Unreadable("Δ^{(l)} accumulates the examples' gradients and is then given the penalty too "
                                 "(Δ := Δ + λ…): which of its values this claim means is not said")
            q = self.symbol(self.opts["accumulator"], tok)  # Ng's Δ^{(l)}: Θ^{(l)}'s data gradients summed over the examples
            return Node("mul", (Node("const", (), "N"), self.gradient(q, "lossL")))
        if self._activation_call(name, tok):
            return _layer_of_argument(self.function(name))  # jovidie's h = a(W^T x + b), Storberg's α(z), α_2(W_2 a_1 + b_2)
        if name == "l" and tok.kind == "id" and self.opts.get("example_letter") and self.is_("_") and (
                self.is_(self.opts["example_letter"], 1) or self.is_("{", 1) and self.is_(self.opts["example_letter"], 2)):
            return self.symbol("ell", tok)  # Prince's l_i beside \ell_i: one example's loss (ownforward.example_letter)
        if self.own_bases.get(name) == "z" and self.is_("[") and self._model_call():
            return Node("q", (), ("yhat", None))  # Prince's f[x, φ]: the model's output for the input x
        if name in self.funcs and name in self.bases and self.is_("["):
            return _layer_of_argument(self.function(name))  # Prince's \mathbf{a}[f_{k-1}]: the activation, bracketed
        if name in self.fixed or name in self.bases or name in LOSSES or (tok.kind == "cmd" and name in ("delta", "Delta")):
            node = self.symbol(name, tok)
            if node.op == "q" and node.value[0] in ("z", "h", "yhat") and self._input_argument():
                return node  # Coblin's h(x) = σ(W^{[1]} x + b^{[1]}): the hidden layer as a function of the input
            own = self.opts.get("delta_own") and (name == "delta" or self.bases.get(name) == "delta")
            if name not in self.fixed and (own or self.bases.get(name) == "delta" and name not in ("delta", "Delta")):
                node = self.scaled(node)  # Hagan's s = ∂F̂/∂n: the answer's own letter for δ, of its own objective;
                # δ itself where the answer ties it to its objective (option delta_own: Nielsen's δ_j^l = ∂C/∂z_j^l,
                # infer.delta_is_own; max-amb's ∂C/∂a ∂a/∂z = δ on a scale read, infer.scale_options)
            if self.is_("(") and self.peek(1) is not None and self.peek(1).text in self.bound and self.is_(")", 2) \
                    and node.op == "q" and node.value[0] in SAMPLE_KINDS:
                var = self.peek(1).text  # Nielsen's y(x), a^L(x): the quantity for example x of a sum
                self.i += 3
                return Node("sample", (node,), var)
            return node
        if name in self.funcs or name.lower() in FUNCS or name in ("f", "g", "s") and self.looks_like_call():
            return self.function(name)
        after = self.peek().text if self.peek() is not None else None
        if name == "d" and after is not None and (after in self.bases or after in ("delta", "yhat", *SCORE_NAMES)
                                                  or after in self.fixed and after not in self.funcs) and (
                after not in LOSSES):  # (and the answer's own letters bound to a quantity: FortiLeiZhang's ds_j)
            return self.grad_prefix()
        braced = self.is_("{", 1) and self.is_("t", 2) and self.is_("}", 3)  # g_{t}, as g_t
        if name == "g" and tok.kind == "id" and self.is_("_") and self.peek(1) is not None and (
                self.peek(1).text == "t" or braced) and (self.peek(4 if braced else 2) is None
                                                         or self.peek(4 if braced else 2).text != "("):
            self.i += 4 if braced else 2  # g_t: the gradient at step t, of every weight
            if self.step_param is not None and isinstance(self.step_param[1], int):
                return self.gradient(Node("q", (), self.step_param), "loss")  # (in W^{(2)}'s own step: W^{(2)}'s)
            return self.gradient(self.child([]).symbol("W", tok), "loss")
        if name in MAZUR_WORDS and tok.kind == "id" and name not in self.own_bases:  # (net_j^{(l)}: bound as z)
            return self.mazur_unit(name)
        if name == "output" and tok.kind == "id" and not self.is_("_"):
            return Node("q", (), ("yhat", None))  # Mazur's (target - output): the network's output
        if name == "i" and tok.kind == "id" and self.is_("_") and self.opts.get("mazur"):
            self.next()
            texts = [t.text for t in self.script()]
            if len(texts) != 1 or not texts[0].isdigit() or int(texts[0]) < 1:
                raise Unreadable("Mazur's inputs are i_1, i_2, …")
            return Node("comp", (Node("q", (), ("x", None)),), int(texts[0]) - 1)  # Mazur's i_1: input 1
        if name == "e" and not self.is_("_") and self.opts.get("own_e") and not self.is_("^"):
            raise Unreadable("e is the answer's own symbol here (its e = x_1w_1 + … is a neuron's summed input), not "
                             "Euler's number; name what it is in [notation], e.g. \"e\" = \"z^{(1)}_{1}\"")
        if name == "e" and not self.is_("_"):
            return Node("const", (), "e")  # (Haykin's e_j, the error of unit j, is the answer's own symbol)
        if name in CONSTS:
            return self.constant(name)
        if name == "r" and "".join(t.text for t in self.t[self.i:self.i + 5] if t.text not in ("{", "}", "_")
                                   ).startswith("ot180"):
            raise Unreadable("rot180(…) turns a convolution kernel by 180°: a convolution layer's backward pass, which "
                             "the spec's layer kinds do not have and verify does not derive")  # (zxRobot's LeNet notes)
        if name in _SQUARED_NAMES:  # karelze's SSE(w) = (y − Xw)^T (y − Xw), SSE defined nowhere
            self.i = self._arguments_after_name(self.i, name)
            return self._named_squared_value(_SQUARED_NAMES[name])
        _not_judged(tok)
        hint = did_you_mean(name, KNOWN_NAMES)  # \tahn -> tanh, \detla -> delta
        if hint and tok.kind == "cmd":
            hint = hint.replace("'", "'\\", 1)
        if name in ("f", "F") and tok.kind == "id" and self.i >= 2 and self.t[self.i - 2].text in ("d", "partial"):
            raise Unreadable(f"unknown symbol '{name}' at position {tok.pos}: if {name} is the answer's objective, map it in "
                             f"[notation]: \"{name}\" = \"J\"")  # (\frac{df}{dW}: f defined nowhere, or also an activation)
        raise Unreadable(f"unknown symbol '{name}' at position {tok.pos}{hint}" + ("; map it in [notation]" if tok.kind == "id" else ""))

    def _model_call(self) -> bool:
        """At ``[``: whether the brackets hold the input and the parameters, ``[x, φ]``, ``[x_i, θ]`` (consumed if so)."""
        j, texts = self.i + 1, []
        while j < len(self.t) and self.t[j].text != "]" and len(texts) < 12:
            texts.append(self.t[j].text)
            j += 1
        if j >= len(self.t) or self.t[j].text != "]" or "," not in texts:
            return False
        first, rest = texts[:texts.index(",")], texts[texts.index(",") + 1:]
        if first[:1] != ["x"] or first[1:] not in ([], ["_", self.opts.get("example_letter")]) or rest not in (
                ["phi"], ["theta"], ["Phi"]):
            return False
        self.i = j + 1
        return True

    def _unlayered_argument(self) -> bool:
        """Whether the parenthesis that opens next holds no superscript at all: Hertz, Krogh and Palmer's g'(h) = 1 −
        g^2(h) squares g(h), where Hagan's f^2(n^2) writes layer 2 on both the function and its argument."""
        inside = self._paren_span(0)
        return bool(inside) and all(t.text != "^" for t in inside)

    def _paren_span(self, k: int = 0) -> list[Tok] | None:
        """The tokens inside the parenthesis that opens at ``peek(k)`` (None: no parenthesis there, or never closed)."""
        if not self.is_("(", k):
            return None
        start = j = self.i + k
        depth = 0
        while j < len(self.t):
            depth += {"(": 1, ")": -1}.get(self.t[j].text, 0)
            if depth == 0:
                return self.t[start + 1:j]
            j += 1
        return None

    def _activation_call(self, name: str, tok: Tok) -> bool:
        """Whether the letter is the answer's name for the activation function, applied to a summed input: ``a`` or
        ``h`` before ``(W^T x + b)`` (jovidie: "where a is the activation function"), ``α(z)``, ``α_2(W_2 a_1 + b_2)``
        (Storberg's α_1, α_2). A product with a summed input (h^{(1)} (W x + b), the learning rate times z) means
        nothing, so the letter can only be the function; an argument of any other kind (a(1 − a), α(dW + λW)) stays a
        product."""
        if name in self.fixed or name in self.funcs:
            return False
        if not (tok.kind == "id" and name in ("a", "h") or tok.kind == "cmd" and name in ACTIVATION_LETTERS):
            return False
        k = 0
        if tok.kind == "id" and self.is_("'"):  # ejhusom's δ_l = δ_{l+1} W_{l+1}^T a'(z_l): the function's derivative
            k = 1
        if tok.kind == "cmd" and self.is_("_"):  # α_2(…): the activation of layer 2
            k = 2 if self.peek(1) is not None and self.peek(1).kind == "num" else 4 if self.is_("{", 1) and self.is_("}", 3) else 0
            if not k:
                return False
        inside = self._paren_span(k)
        if inside and len(inside) > 1 and inside[0].text == "{" and inside[-1].text == "}":
            inside = inside[1:-1]  # α_2(\underbrace{W_2 a_1 + b_2}_{z_2}), its label dropped: the braced summed input
        if not inside:
            return False
        weight, times = False, False  # W x + b, W^T x: a weight times a layer's values
        for t in inside:
            times = times or weight and t.kind == "id" and self.bases.get(t.text) in ("x", "h")
            weight = weight or t.kind == "id" and self.bases.get(t.text) == "W"
        if times:
            return True
        if not (inside[0].kind == "id" and self.bases.get(inside[0].text) == "z"):
            return False
        depth, after_mark = 0, False  # z alone with its scripts (z_n, z^{(l-1)}): nothing outside the scripts
        for t in inside[1:]:
            if depth == 0 and not (after_mark or t.text in ("_", "^", "{")):
                return False
            after_mark = depth == 0 and t.text in ("_", "^")
            depth += {"{": 1, "}": -1}.get(t.text, 0)
        return True

    def _input_argument(self) -> bool:
        """``(x)``, ``(x; \theta)`` after a forward quantity: the quantity written as a function of the network's input
        (Coblin's h(x), f_k(x; θ)); consumed. Not when x is a sum's index (Nielsen's a^L(x): example x, read apart)."""
        inside = self._paren_span()
        if not inside or inside[0].text != "x" or "x" in self.bound or self.bases.get("x") != "x":
            return False
        if len(inside) > 1 and inside[1].text not in (";", ","):
            return False
        if not all(t.kind in ("id", "cmd") or t.text in (";", ",") for t in inside):
            return False
        self.i += len(inside) + 2
        return True

    def unit(self, toks: list[Tok]) -> tuple[int, int] | None:
        """Mazur's unit names: h1 (hidden unit 1 of a one-hidden-layer net), o2 (output unit 2) -> (layer, entry)."""
        texts = [t.text for t in toks]
        if len(texts) == 2 and texts[0] in ("h", "o") and toks[1].kind == "num" and texts[1].isdigit() and int(texts[1]) >= 1:
            if texts[0] == "o" and self.depth_net:
                return self.depth_net, int(texts[1]) - 1
            if texts[0] == "h" and self.depth_net == 2:
                return 1, int(texts[1]) - 1
        sizes = self.opts.get("sizes") or ()
        if texts == ["o"] and self.depth_net and len(sizes) > self.depth_net and sizes[self.depth_net] == 1:
            return self.depth_net, 0  # Korniak's out_{o}, net_{o}, \delta_{o}: the one output unit, its number left off
        return None

    def mazur_unit(self, word: str) -> Node:
        """Mazur's net_{h1} (summed input), out_{o1} (activation), target_{o1} (target) of one unit."""
        if not self.is_("_"):
            if word == "target":  # Mazur's E_{total} = \sum \frac{1}{2}(target - output)^2: the whole target vector
                return Node("q", (), ("y", None))
            raise Unreadable(f"{word} needs the unit it belongs to, e.g. {word}_{{h1}} or {word}_{{o1}}")
        self.next()
        toks = self.script()
        texts = [t.text for t in toks]
        if word == "out" and len(texts) == 2 and texts[0] == "i" and texts[1].isdigit() and int(texts[1]) >= 1:
            return Node("comp", (Node("q", (), ("x", None)),), int(texts[1]) - 1)  # Korniak's out_{i2}: input 2
        unit = self.unit(toks)
        if unit is None:
            raise Unreadable(f"cannot read the unit of {word}; write {word}_{{h1}} (hidden unit 1) or {word}_{{o1}}")
        layer, entry = unit
        kind = {"net": "z", "out": "h", "target": "y"}[word]
        if kind == "y" and layer != self.depth_net:
            raise Unreadable("a target belongs to an output unit, e.g. target_{o1}")
        q = Node("q", (), ("y", None) if kind == "y" else ("yhat", None) if kind == "h" and layer == self.depth_net
                 else (kind, layer))
        return Node("comp", (q,), entry)

    def _numbered_unit(self, name: str, scripts: list) -> Node | None:
        """A letter with a unit number when the answer numbers its units across the network (option unit_numbers, the
        weights' order: unitnumbers.py): w_{ij} a weight, θ_j / b_j a bias, O_j an output, I_j / net_j a summed input,
        T_j a target, Err_j = −∂E/∂I_j and δ_j (with the answer's sign) of unit j. None for any other script."""
        sizes = self.opts.get("sizes")
        if not sizes or len(scripts) != 1 or scripts[0][0] != "_" or not scripts[0][1]:
            return None
        digits = [t.text for t in scripts[0][1] if t.text != ","]
        if not all(d.isdigit() for d in digits):
            return None
        digits = "".join(digits)
        where = unitnumbers.describe(sizes)
        if name in ("w", "W") and len(digits) == 2:
            a, b = int(digits[0]), int(digits[1])
            source, target = (a, b) if self.opts["unit_numbers"] == "source" else (b, a)
            ls, lt = unitnumbers.layer_of(source, sizes), unitnumbers.layer_of(target, sizes)
            if ls is None or lt is None or lt[0] != ls[0] + 1:
                raise NoSuchLayer(f"{name}_{{{digits}}} joins no units of adjacent layers (the answer numbers its units "
                                  f"across the network: {where})")
            ij = (lt[1], ls[1]) if self.opts.get("convention", "row") == "row" else (ls[1], lt[1])
            return Node("entry", (Node("q", (), ("W", lt[0])),), ij)
        # (Bishop's a_j, z_j, or the answer's own letter bound to a unit's output: Suresh & Sardana's n_8; not x, y)
        summed_or_output = (name in ("a", "z", "h") or len(name) == 1 and name.islower() and name not in "xy") and (
            self.bases.get(name, name) in ("z", "h"))
        if len(digits) != 1 or name not in _NUMBERED_UNIT_LETTERS and not summed_or_output:
            return None  # (Bishop's a_j, z_j of unit j: the summed input and the output as the answer's reading binds them)
        found = unitnumbers.layer_of(int(digits), sizes)
        if found is None:
            raise NoSuchLayer(f"{name}_{digits}: the network's units are numbered 1 to {sum(sizes)} ({where})")
        layer, entry = found
        depth = len(sizes) - 1
        kind = self.bases.get(name, name) if summed_or_output else {
            "theta": "b", "b": "b", "I": "z", "net": "z", "T": "y", "Err": "delta", "delta": "delta",
            "Delta": "delta", "in": "z"}.get(name, "h")  # (Russell & Norvig's 4th edition: Δ_5, in_5 of unit 5)
        if layer == 0 and name == "b" and (self._layer_matrices() or self.opts.get("layer_biases")):
            return None  # b_2 beside W_2 x_1 (the lecture's matrix section): layer 2's bias, as W_2 is layer 2's weights
        if layer == 0 and not (name in ("O", "o") or summed_or_output and kind == "h"):
            raise NoSuchLayer(f"{name}_{digits}: unit {digits} is an input ({where})")
        if name == "T" and layer != depth:
            raise NoSuchLayer(f"T_{digits}: a target belongs to an output unit ({where})")
        q = Node("q", (), ("x", None) if kind == "h" and layer == 0 else ("yhat", None) if kind == "h" and layer == depth
                 else ("y", None) if kind == "y" else (kind, layer))
        return self._signed_delta(Node("comp", (q,), entry), name, kind)

    def _layer_matrices(self) -> bool:
        """Whether the claim writes a weight matrix with a layer number, W_2 (a capital W and one digit)."""
        one = lambda t: t.kind == "num" and len(t.text) == 1  # noqa: E731 (W_{46} joins units 4 and 6: no layer)
        return any(a.text == "W" and b.text == "_" and (one(c) or c.text == "{" and one(d) and e.text == "}")
                   for a, b, c, d, e in zip(self.t, self.t[1:], self.t[2:], [*self.t[3:], self.t[-1]],
                                            [*self.t[4:], self.t[-1], self.t[-1]], strict=False))

    def _signed_delta(self, node: Node, name: str, kind: str) -> Node:
        """δ with the answer's sign: Mitchell's and Haykin's δ_j = −∂E/∂net_j (option delta_sign), Han & Kamber's Err_j =
        O_j (1 − O_j)(T_j − O_j) = −∂E/∂I_j (always)."""
        return Node("neg", (node,)) if kind == "delta" and (self.opts.get("delta_sign") == -1 or name == "Err") else node

    def _mazur_layer(self, n: int) -> int | None:
        """The layer of Mazur's w_n (his weights numbered layer by layer), None past the last."""
        sizes, k = self.opts.get("sizes") or (), n - 1
        for layer in range(1, len(sizes)):
            if 0 <= k < sizes[layer - 1] * sizes[layer]:
                return layer
            k -= sizes[layer - 1] * sizes[layer]
        return None

    def mazur_weight(self, n: int) -> Node:
        """Mazur's w_1 … w_8: the weights numbered layer by layer, each unit's incoming weights in turn (w_1: i_1 → h_1,
        w_2: i_2 → h_1, …), when the answer writes Mazur's net_ and out_."""
        opts = self.opts
        sizes = opts.get("sizes")
        if not sizes:
            raise Unreadable(f"w_{n} names one weight; map it in [notation]")
        k = n - 1
        for layer in range(1, len(sizes)):
            n_in, n_out = sizes[layer - 1], sizes[layer]
            if k < n_in * n_out:
                target, source = divmod(k, n_in)
                ij = (target, source) if opts.get("convention", "row") == "row" else (source, target)
                return Node("entry", (Node("q", (), ("W", layer)),), ij)
            k -= n_in * n_out
        raise NoSuchLayer(f"w_{n}: the network has {sum(a * b for a, b in zip(sizes, sizes[1:], strict=False))} weights")

    def _named_squared(self, q: Node, loss: str, per_sample: bool) -> Node:
        """∂MSE/∂q, ∂SSE/∂q: the objective's derivative on the scale the name says, against the spec's J
        (lossname.named_scales, the ``named_scales`` option: a factor, and whether it counts the batch's N)."""
        factor = self._named_factor("MSE" if loss == "lossMSE" else "SSE")
        saved = getattr(self, "_scaling", False)
        self._scaling = True  # (the name's scale, not the answer's own J's)
        try:
            g = self.gradient(q, "loss", per_sample)
        finally:
            self._scaling = saved
        return Node("mul", (factor, g))

    def _named_squared_value(self, name: str) -> Node:
        """SSE (RSS) or MSE written as a value with no definition of the answer's: the objective on the scale the name
        says (lossname.named_scales, as ∂SSE is: a factor × J, × the batch's N for a sum over the examples). The
        answer's own definition of the word, when it has one, is a macro the parser reads first."""
        return Node("mul", (self._named_factor(name), Node("q", (), ("loss", None))))

    def _named_factor(self, name: str) -> Node:
        """The factor of MSE's or SSE's scale against the spec's J (lossname.named_scales, the ``named_scales`` option):
        a number, times the batch's N for a sum over the examples; Unreadable where the name has no certain scale."""
        scale = dict(self.opts.get("named_scales", ())).get(name)
        if scale is None or isinstance(scale, str):
            raise Unreadable(scale or f"{name} is a squared error, the spec's loss is not: it is not read")
        factor, per_batch = scale
        k = num(float(factor))
        return Node("mul", (k, Node("const", (), "N"))) if per_batch else k

    def scaled(self, node: Node) -> Node:
        """``node`` (the objective or a derivative of it) on the answer's own scale (``[notation]`` option loss_scale)."""
        k = self.opts.get("loss_scale")
        return Node("mul", (num(float(k)), node)) if k else node

    def accumulated(self) -> Node:
        """UFLDL's \\Delta W^{(l)} (and \\Delta b^{(l)}): the data loss's gradients accumulated over the m examples
        (\\Delta W^{(l)} := \\Delta W^{(l)} + \\nabla_{W^{(l)}} J(W,b;x,y)), so \\frac{1}{m} \\Delta W^{(l)} is the mean."""
        tok = self.next()
        texts = [t.text for t in self.t[self.i:self.i + 6]]
        before = texts == ["_", "{", "t", "-", "1", "}"]
        if self.opts.get("delta_w") == "increment" and (before or texts[:4] == ["_", "{", "t", "}"] or texts[:2] == ["_", "t"]):
            self.i += 6 if before else 4 if texts[1] == "{" else 2  # Helwich's Δw_{(t)}, Δw_{(t-1)}: the step's change
        else:
            before = False
        q = self.symbol(tok.text, tok)
        if self.opts.get("delta_w") == "increment":  # Mitchell's Δw_{ji} = η δ_j x_{ji}: the step's change of the weight
            inner = q.args[0] if q.op in ("comp", "entry") else q
            if inner.op != "q" or inner.value[0] not in ("W", "b"):
                raise Unreadable("\\Delta w is read for a weight or bias")
            if before or [t.text for t in self.t[self.i:self.i + 5]] == ["(", "t", "-", "1", ")"]:
                self.i += 0 if before else 5  # Rumelhart et al.'s Δw(t−1), Helwich's Δw_{(t-1)}: the step before's change
                before = self.previous_change(inner)
                return before if inner is q else Node(q.op, (before,), q.value)
            after = Node("q", (), (inner.value[0] + "_next", inner.value[1]))
            return Node("sub", (after if inner is q else Node(q.op, (after,), q.value), q))
        if q.op != "q" or q.value[0] not in ("W", "b"):
            raise Unreadable("\\Delta W^{(l)} is read for a weight or bias of one layer")
        return Node("mul", (Node("const", (), "N"), self.gradient(q, "lossL")))

    def previous_change(self, param: Node) -> Node:
        """Δw(t−1), the change of the weight ``param`` at the step before (w(t) − w(t−1)): under momentum the velocity
        before this step, v_{t−1} (Sutskever's velocity variant, θ ← θ + v), or −η v_{t−1} (the classic and the
        averaged variants, θ ← θ − η v). Under any other optimizer the change before is no state this step keeps."""
        variant = self.opts.get("momentum_variant")
        if variant is None:
            raise Unreadable("\\Delta w(t-1), the change of the step before, is read under momentum only (where it is "
                             "the velocity before the step)")
        state = Node("q", (), (f"v_{param.value[0]}_prev", param.value[1]))
        return state if variant == "velocity" else Node("mul", (Node("neg", (Node("const", (), "lr"),)), state))

    def hypothesis(self) -> Node:
        """UFLDL's h_{W,b}(x), Ng's h_\\theta(x), h_\\Theta(x^{(i)}): the network's output for the example."""
        self.expect("(")
        toks, depth = [], 0
        while depth or not self.is_(")"):
            tok = self.next()
            depth += {"(": 1, ")": -1}.get(tok.text, 0)
            toks.append(tok)
        self.next()
        texts = [t.text for t in toks]
        if texts == ["x"]:
            return Node("q", (), ("yhat", None))
        bare = [x for x in texts if x not in ("{", "}")]
        if len(bare) == 5 and bare[:3] == ["x", "^", "("] and bare[4] == ")":
            var = bare[3]
            if var in self.bound or var in SAMPLE_LETTERS:
                return Node("sample", (Node("q", (), ("yhat", None)),), var)
        raise Unreadable(f"cannot read the argument of the hypothesis h: ({''.join(texts)}); write h(x)")

    def skip_arguments(self) -> tuple[bool, str | None]:
        """The arguments an objective is written with: J(W, b), L(\\theta), L(\\hat y, y), J(W,b;x,y), \\Omega(\\theta).
        Returns whether they name the example (UFLDL's J(W,b; x, y): one example's data loss, no regularizer) and
        its sample index when a sum binds it (J(W,b; x^{(i)}, y^{(i)}))."""
        if not self.is_("("):
            return False, None
        j, depth = self.i, 0
        while j < len(self.t):
            text = self.t[j].text
            depth += {"(": 1, ")": -1}.get(text, 0)
            if depth == 0:
                break
            j += 1
        inside = self.t[self.i + 1:j]
        if [t.text for t in inside] in (["a"], ["o"], ["h"]) and j < len(self.t):
            self.i = j + 1  # Koerbitz's C(a) = ½ (y − a)²: the cost as a function of the output, named by the letter
            self.flags["output_letter"] = inside[0].text
            return False, None
        if [t.text for t in inside] in _OUTPUT_ARGUMENTS and j < len(self.t):
            self.i = j + 1  # Pilex1's f(A^{[L]}) = 1/m ‖A^{[L]} − Y‖²: the objective as a function of the last layer's
            return False, None
        ranged = ":" in [t.text for t in inside]  # Ruder's J(θ; x^{(i:i+n)}; y^{(i:i+n)}): the mini-batch's examples
        plain = all(t.kind in ("id", "cmd", "num") or t.text in ARG_PUNCTUATION or ranged and t.text == "+" for t in inside)
        if [t.text for t in inside] == ["x"] and j < len(self.t):
            self.i = j + 1  # Hagan's \hat F(\mathbf{x}): the objective of the parameter vector x
            return False, None
        if (j < len(self.t) and len(inside) in (3, 5) and inside[0].text in self.fixed and inside[1].text == "_"
                and all(t.kind in ("id", "num") or t.text in "{}" for t in inside[2:])):
            self.i = j + 1  # CS231n's L_i(f_k): the loss as a function of the scores f (a letter the answer binds)
            return False, None
        if not (j < len(self.t) and inside and plain and any(t.text in ARG_MARKS for t in inside)):
            return False, None
        self.i = j + 1
        texts = [t.text for t in inside]
        given = next((p for p in (";", "|") if p in texts), None)  # J(W,b; x,y), L(w,b|x): the example after it
        data = given is not None and "x" in texts[texts.index(given):]
        # x^{(i)}: the example the loss is of; so are y^{(i)}, \hat{y}^{(i)} (Ng's J = 1/m Σ_i L(ŷ^{(i)}, y^{(i)})) when the
        # spec has no penalty (else J may be the data term or the whole objective: Prakash's J beside J + λ/2m ‖W‖²)
        letters = ("x",) if self.opts.get("penalised", True) else ("x", "y")
        for k in range(len(texts) - 4):
            if ((texts[k] in letters or texts[k] == "}" and k and texts[k - 1] in letters) and texts[k + 1] == "^"
                    and texts[k + 2:k + 5] in (["{", "(", texts[k + 4]], ["(", texts[k + 3], ")"])):
                var = texts[k + 4] if texts[k + 2] == "{" else texts[k + 3]
                if var in self.bound:
                    return data, var
        own = _example_arguments(texts)
        if own is not None and (own in self.bound or int(self.opts.get("batch", 1)) > 1):
            return data, own  # Ng's \mathcal{L}(a^{(i)}, y^{(i)}) = -y^{(i)} \log a^{(i)} - …: example i's loss, every i
        return data, None

    def looks_like_call(self) -> bool:
        k = 0
        while self.peek(k) is not None and self.peek(k).text in ("^", "_", "'"):
            if self.peek(k).text == "'":
                k += 1
                continue
            k += 1
            if self.peek(k) is not None and self.peek(k).text == "{":
                depth = 0
                while self.peek(k) is not None:
                    depth += {"{": 1, "}": -1}.get(self.peek(k).text, 0)
                    k += 1
                    if depth == 0:
                        break
            else:
                k += 1
        return self.peek(k) is not None and self.peek(k).text in ("(", "[")

    # -- quantities ----------------------------------------------------------------------------------
    def _true_class(self, text: str) -> str | None:
        """The example a script naming the target's true class is about (``y_i`` -> "i", ``y^{(n)}`` -> "n", ``y``
        -> ""), or None when ``text`` is no such script (CS231n's ``f_{y_i}``, ``\\mathbb{1}(y_i = k)``)."""
        found = _LABEL_SCRIPT.match(text)
        if found is None or self.bases.get(found.group(1), found.group(1)) != "y":
            return None
        return found.group(2) or found.group(3) or ""

    def _of_example(self, nodes: tuple, example: str, what: str) -> tuple:
        """``nodes`` for example ``example`` of a sum over the batch, or as they are for the one example a claim is
        about; in a batch, a claim that names no example of it is not read."""
        if example and example in self.bound:
            return tuple(Node("sample", (n,), example) for n in nodes)
        if int(self.opts.get("batch", 1)) > 1:
            raise Unreadable(f"{what}: which example of the batch is not said (sum over it, or write the claim for one "
                             "example)")
        return nodes

    def _label_entry(self, node: Node, example: str, name: str) -> Node:
        """CS231n's ``f_{y_i}``, ``p_{y_i}``: the output's entry of example i's true class — with a one-hot target,
        Σ_k y_k f_k of that example (the output layer's only)."""
        kind, layer = node.value if node.op == "q" else (None, None)
        if kind not in ("yhat", "z") or kind == "z" and layer != self.depth_net:
            raise Unreadable(f"{name}_{{y}}: the true class's entry is read on the output layer only")
        node, target = self._of_example((node, Node("q", (), ("y", None))), example, f"{name}_{{y_{example}}}")
        return Node("axsum", (Node("had", (node, target)),), None)

    def _sample_script(self, toks) -> bool:
        """``(i)`` with i the example counted by a sum over the batch (``\\sum_{i=1}^{B} \\frac{∂L}{∂z_2^{(i)}}``):
        example i, not a layer — then the subscript of ``z_2^{(i)}`` is the layer."""
        return (len(toks) == 3 and toks[0].text == "(" and toks[2].text == ")" and int(self.opts.get("batch", 1)) > 1
                and self.bound.get(toks[1].text) in (*BATCH_BOUNDS, self.opts.get("batch_letter", "N")))

    def _free_sample_script(self, toks) -> bool:
        """``(i)`` with i a letter that names examples and no layer (John Philipp's ``z_2^{(i)}``, "for sample (i)"): the
        example, whatever the batch — then the number in the subscript is the layer, as it is in ``z_2`` alone."""
        return (len(toks) == 3 and toks[0].text == "(" and toks[2].text == ")" and toks[1].kind == "id"
                and (toks[1].text in SAMPLE_LETTERS or toks[1].text == "t" and self.opts.get("example_t")
                     or toks[1].text == "x" and self.opts.get("example_x"))
                and toks[1].text not in self.bound
                and toks[1].text not in self.paren_letters and toks[1].text not in self.layer_env)

    def symbol(self, name: str, tok: Tok, prefix: bool = False) -> Node:
        """A quantity letter with its layer index, transpose, bias (W_0) and power scripts, in any order."""
        scripts = []
        nxt = self.peek()
        adjacent = nxt is not None and nxt.pos == tok.pos + len(tok.text) + (tok.kind == "cmd")
        if (adjacent and nxt.kind == "num" and nxt.text.isdigit() and self.opts.get("numbered_weights")
                and name not in LOSSES and (self.bases.get(name, name) == "x" or self.depth_net == 1 and self.bases.get(
                    name, name) in ("x", "w", "W", "b", "z"))
                and not self.opts.get("mazur")):
            # Sghosh's x1, x2, w11, w12 beside a weight numbered one by one: the digits are the entry's (an input has no
            # layer; a network of one layer has no other), read as x_{1}, w_{12}
            self.next()
            scripts = [("_", [nxt])]
        elif (adjacent and nxt.kind == "num" and nxt.text.isdigit() and self.opts.get("numbered_weights")
                and name not in LOSSES and not (name == "w" and self.opts.get("mazur") and self._mazur_layer(
                    int(nxt.text)) in self.opts.get("mazur_weight_layers", ()))):
            raise Unreadable(f"{name}{nxt.text}: the answer numbers its weights one by one "
                             f"({self.opts['numbered_weights']}), so the digit after the letter names a unit or a weight, "
                             f"not a layer; write {name}_{{{nxt.text}}} with its layer, e.g. {name}^{{(1)}}_{{{nxt.text}}}, "
                             "or map it in [notation]")
        if (not scripts and adjacent and (nxt.kind == "num" and nxt.text.isdigit() or nxt.text == "L" and self.bases.get(
                name) in ("h", "z")) and name not in LOSSES and self.bases.get(name, name) not in ("x", "y", "yhat")):
            self.next()  # W1, h1, dW1, AL: the layer written right after the letter (code-style names)
            scripts.append(("_", [nxt]) if nxt.kind == "num" else ("^", [Tok("op", "(", nxt.pos), nxt, Tok("op", ")", nxt.pos)]))
        while self.is_("^") or self.is_("_") or self.is_("'"):
            mark = self.next().text
            scripts.append((mark, [] if mark == "'" else self.script()))
        if tok.kind == "id" and name == self.flags.get("output_letter") and all(mark == "_" for mark, _ in scripts):
            if not scripts:  # after C(a): this claim's a is the output the cost is a function of (a_k its entry)
                return Node("q", (), ("yhat", None))
            name = "yhat"
        if (name == "h" and len(scripts) == 1 and scripts[0][0] == "_"
                and [t.text for t in scripts[0][1]] in HYPOTHESIS_SCRIPTS and self.is_("(")):
            return self.hypothesis()
        numbered = self._numbered_unit(name, scripts) if self.opts.get("unit_numbers") else None
        if numbered is not None:  # Han & Kamber's w_{46}, θ_4, O_6, Err_6: units numbered across the network
            return numbered
        if name == "delta" and tok.kind == "cmd" and len(scripts) == 1 and scripts[0][0] == "_":
            pair = [t.text for t in scripts[0][1] if t.text != ","]
            if len(pair) == 2 and pair[0] != pair[1] and all(
                    len(x) == 1 and (x in ENTRY_LETTERS or x in self.bound) for x in pair):
                return Node("kron", (), tuple(pair))  # δ_{ik}, δ_{i,k}: Kronecker's delta, 1 where i = k
            index = [x for x in pair if len(x) == 1 and (x in ENTRY_LETTERS or x in self.bound)]
            if len(pair) == 2 and len(index) == 1 and any(self._true_class(x) == "" for x in pair):
                (target,) = self._of_example((Node("q", (), ("y", None)),), "", f"\\delta_{{{''.join(pair)}}}")
                return Node("comp", (target,), index[0])  # δ_{ky}, δ_{yk}: 1 where k is the true class y, y_k one-hot
        if name in LOSSES and [mark for mark, _ in scripts] == ["'"] and self.is_("("):
            self.next()  # Koerbitz's C'(a), L'(\hat y): the derivative of the cost function at the output
            arg = self.expr()
            self.expect(")")
            base = arg.args[0] if arg.op in ("comp", "entry") and arg.args else arg
            if base.op == "q" and base.value[0] in ("W", "b", "z") and base.value[1] is not None:
                # ml-glossary's C'(W_o), C'(Z_h): the cost's derivative by the quantity in its parentheses (∂C/∂W_o)
                return self.gradient(arg, LOSSES[name])
            if arg.op != "q" or arg.value[0] not in ("h", "yhat") or arg.value[0] == "h" and arg.value[1] not in (None, self.depth_net):
                raise Unreadable(f"{name}'(…) is read at the network's output only, e.g. {name}'(a^{{(L)}})")
            return self.gradient(Node("q", (), ("yhat", None)), LOSSES[name])
        if name == "R" and not scripts and self._paren_span() is not None and [t.text for t in self._paren_span()] in (
                ["x"], ["z"], ["a"]):
            raise Unreadable("R(…) of x or z is a function the answer names (wj-jason's ReLU(x) = R(x)), not the "
                             "regularizer, which is a function of the weights")
        after = self.peek()
        if (name in LOSSES and not scripts and self.opts.get("numbered_weights") and after is not None
                and after.kind == "num" and after.text.isdigit() and after.pos == tok.pos + len(tok.text)):
            raise Unreadable(f"{name}{after.text}: the error of output {after.text} (the answer numbers its units and "
                             f"weights one by one), one term of the objective, is not read; write {name}_{{o{after.text}}}")
        if name == "E" and not scripts and (self.is_("[") or self.is_("left") and self.peek(1) is not None
                                            and self.peek(1).text == "["):
            raise Unreadable("E[…] is an expectation (over a random mask or the data), which is not judged")
        if name in LOSSES and name not in self.own_bases:  # (Prince's Ω_k is his weight, not Goodfellow's regularizer)
            named = None
            if name == self.opts.get("matrix_letter") and any(mark == "_" for mark, _ in scripts):
                raise Unreadable(f"{name} with an index is the answer's own matrix (its Jacobian), not the objective; "
                                 "write the derivative it stands for")
            if self.opts.get("objective_terms") and any(mark == "_" and [t.text for t in toks] != ["total"] and not (
                    self.unit(toks) is not None and self.unit(toks)[0] == self.depth_net) for mark, toks in scripts):
                raise Unreadable(f"{name} with an index is one output's term of the answer's own objective ({name} = "
                                 f"{name}_1 + {name}_2 + …, units named by in/out): its form is the answer's, not the "
                                 "spec's loss, so it is not read")
            for mark, toks in scripts:  # E_n, C_x: the error of one sample (claims are about one sample); E_{total}
                if mark == "_" and self.unit(toks) is not None and self.unit(toks)[0] == self.depth_net:
                    return Node("comp", (Node("q", (), ("lossc", None)),), self.unit(toks)[1])  # Mazur's E_{o1}
                if (mark == "_" and self.unit_letters and len(toks) == 1 and toks[0].text in self.letter_layers
                        and toks[0].text not in self.bound and name != "ell" and toks[0].text not in (
                            self.opts.get("example_letter"), self.opts.get("sample_letter"))):  # (ℓ_i: example i's loss)
                    raise Unreadable(f"unknown symbol {name}_{toks[0].text}: one unit's error (the index letter names a "
                                     "unit here), not the objective; define it, e.g. Err_k = y_k - a_k")
                word = "".join(t.text for t in toks if t.text not in "{}").lower().removeprefix("txt")
                if mark == "_" and word in LOSS_WORDS and not (len(toks) == 1 and len(toks[0].text) == 1):
                    named = LOSS_WORDS[word]  # L_{CE}, \mathcal{L}_{\text{NLL}}, J_{penalty}: the objective's part by name
                    continue
                if not (mark == "_" and (len(toks) == 1 and toks[0].kind in ("id", "num") and len(toks[0].text) == 1
                                         or [t.text for t in toks] == ["total"])):
                    raise Unreadable(f"an index on the objective {name} is not supported")
            own = next((toks[0].text for mark, toks in scripts if mark == "_" and len(toks) == 1
                        and self._example_letter(toks[0].text)),
                       None)  # \frac{1}{n} \sum_x C_x: example x's loss (and E_n, the answer's own sample letter's)
            data, sample = self.skip_arguments()
            if own is not None and sample is None:
                return self.scaled(Node("sample", (Node("q", (), ("lossn", None)),), own))
            kind = "loss" if self._whole_objective(name) else LOSSES[name]
            if named is not None:
                kind = named if named != "whole" else kind
            if kind == "lossOmega":
                return Node("div", (Node("q", (), ("lossR", None)), Node("const", (), "lambda")))
            if sample is not None and kind in ("loss", "lossL"):
                return self.scaled(Node("sample", (Node("q", (), ("lossn", None)),), sample))  # J(W,b; x^{(i)}, y^{(i)})
            return self.scaled(Node("q", (), ("lossL" if data and kind == "loss" else kind, None)))
        if name in self.fixed:
            kind, layer = self.fixed[name]
            base = None
        elif self.bases.get(name) == "y" and scripts and scripts[0][0] == "_" and _prediction_script(scripts[0][1]):
            rest = scripts[0][1][2:]  # y_{pred}, y_{hat}: the prediction; y_{\text{pred}, i}: its entry i (Paredes)
            scripts = [("_", rest)] * bool(rest) + scripts[1:]
            kind, layer, base = "yhat", None, "yhat"
        elif self.bases.get(name) == "y" and scripts and scripts[0][0] == "_" and "".join(t.text for t in scripts[0][1]) in (
                "target", "true", "gt", "actual", "onehot"):
            scripts = scripts[1:]  # y_{\text{target}} (CSCN8010's notebook), y_{\text{true}}, y_{gt}, y_{onehot}: the target
            kind, layer, base = "y", None, "y"
        else:
            base = "delta" if name in ("delta", "Delta") else self.bases[name]
            kind, layer = base, None
            if (base == "delta" and self.opts.get("delta_scale") == "mean" and int(self.opts.get("batch", 1)) > 1
                    and not (name == "Delta" and self.opts.get("example_deltas"))):
                kind = "dz"  # CS231n's δ of a batch is ∂L/∂Z of the mean loss (not the Δ = (δ_1 … δ_N) of the answer's
                # own δ_n after E = 1/N Σ_n E_n: its examples' own δ's, stacked)
        zero, transpose, power, updated, sub_layer = False, False, None, False, False
        slope = False  # mathemaia's a^{'(l)}, a'^{(l)}: the slope of layer l's activation at its summed input
        if base == "h" and name in ("a", "h") and any(mark == "'" or any(t.text == "'" for t in toks) for mark, toks in scripts):
            slope = True
            scripts = [(mark, [t for t in toks if t.text != "'"]) for mark, toks in scripts if mark != "'"]
            scripts = [(mark, toks) for mark, toks in scripts if toks]
        bare_sup, sample, comps, layer_var, mazur_w, power_node = [], None, [], None, None, None
        label = None  # CS231n's f_{y_i}: the entry of the true class (a subscript that is the target letter)
        for mark, toks in scripts:
            if mark == "'" and base in ("W", "b"):
                updated = True  # w': the weight after the step
                continue
            if mark == "'":
                raise Unreadable(f"a prime on the quantity {name} is not supported; use \\varphi'(z) for a derivative")
            if name == "w" and mark == "^" and toks[:1] and toks[0].text == "(" and self.opts.get("mazur"):
                power_node = self.sub(toks)  # Mazur's w_5^{(1 - 1)}: a power of one weight
                continue
            items = self.index_items(toks, prime=base in ("W", "b"), mark=mark,  # (W_{1,kl}: layer 1, entry k, l —
                                     comma_layer=not any(m == "^" for m, _ in scripts))  # not Lalin's z_{1,i}^{[l]})
            if (mark == "_" and base == "W" and self.opts.get("digit_entries") and not comps and len(items) == 2
                    and {items[0][0], items[1][0]} <= {"num", "var", "fvar"} and [i[0] == "num" for i in items].count(True) == 1
                    and all(1 <= i[1] <= 9 for i in items if i[0] == "num")):
                comps = self._as_entry([i[1] - 1 if i[0] == "num" else i[1] for i in items])  # w_{1j}: on x_1, into j
                items = []  # (a hidden unit's definition written once for j = 1, 2: indexrange.py)
            for item in items:
                if item[0] == "T":
                    transpose = True
                elif item[0] == "prime":
                    updated = True  # W^{(2)\prime}: the weight after the step
                elif item[0] == "layer":
                    if layer is not None:
                        raise Unreadable(f"two layer indices on {name}")
                    layer = item[1]
                elif (item[0] == "num" and mark == "_" and self.opts.get("digit_entries") and base == "W" and not comps
                      and 11 <= item[1] <= 99 and item[1] % 10):
                    first, second = divmod(item[1], 10)  # a student's w_{12}: the weight joining units 1 and 2
                    comps = self._as_entry([first - 1, second - 1])
                elif (item[0] == "num" and mark == "_" and name == "theta" and self.opts.get("unit_weights") and not comps
                      and layer is None and len(scripts) <= 2 and 0 <= item[1] <= self.opts["sizes"][0]):
                    comps = [0, item[1] - 1] if item[1] else []  # Orosanu's θ_1 … θ_n: the one unit's weights (θ_0: bias)
                    if self.opts.get("convention", "row") != "row":
                        comps = comps[::-1]
                    if item[1] == 0:
                        base = kind = "b"
                elif item[0] == "num" and mark == "_" and name == "w" and len(scripts) <= 2 and not comps and not (
                        len(items) == 2 and any(m == "^" for m, _ in scripts)) and (  # (a blog's w^{1}_{1, 2}: an entry)
                        self.opts.get("mazur") or not self.opts.get("w_layers") and layer is None and layer_var is None and not any(
                            m == "^" and (any(t.text in "([" for t in ts) or len(ts) == 1 and ts[0].text in self.layer_env)
                            for m, ts in scripts)):  # (Nielsen's w^l_{11}: the layer's entry, not Mazur's w_11)
                    chain = self.opts.get("sizes") and all(n == 1 for n in self.opts["sizes"])
                    if self.opts.get("unit_weights") and 0 <= item[1] <= self.opts["sizes"][0]:
                        comps = [0, item[1] - 1] if item[1] else []  # w_k: the one unit's weight on x_k (w_0: bias)
                        if self.opts.get("convention", "row") != "row":
                            comps = comps[::-1]
                        if item[1] == 0:
                            base = kind = "b"
                        continue
                    if not self.opts.get("mazur") and not (chain and 1 <= item[1] < len(self.opts["sizes"])):
                        # lowercase w_5 with no layer written: one weight (in a chain of single neurons, NBIS's w_1 →
                        # w_2, the one weight of layer k is w_k in Mazur's numbering and in the layer's alike)
                        raise Unreadable(f"w_{item[1]} names one weight (Mazur's w_1 … w_8), not a layer; map it in "
                                         f"[notation], e.g. \"w_{item[1]}\" = \"W^{{(1)}}_{{12}}\"")
                    mazur_w = item[1]
                elif item[0] == "num" and mark == "_":
                    if base == "W" and item[1] == 0 and not comps and not (
                            len(items) > 1 and self.opts.get("zero_based")) and not (  # (W_{0,1} counted from 0: an entry)
                            self.opts.get("weights_numbered_by") == "source" and (
                                name in self.own_bases and BASES.get(name) != "W" or self.opts.get("from_zero"))):
                        zero = True  # (the answer's own weight letter numbered by the layer it leaves: Prince's Ω_0, MML's A_0
                        # is the first layer's weights, and so is CMU's W_0 in Z_0 = A_0 W_0^T + …, option from_zero;
                        # else W_0, θ_0 stay the bias)
                    elif layer is None and base is not None and base not in ("x", "y", "yhat") and not comps and not any(
                            m == "^" and ts[:1] and (ts[0].text in ("(", "[") and not self._sample_script(ts)
                                                     and not self._free_sample_script(ts)
                                                     or self.opts.get("layer_letter") and not (
                                len(ts) == 1 and ts[0].text in ("T", "top", "intercal"))  # (Prince's Ω_3^T: layer 3)
                                                     or self.opts.get("superscript") == "layer" and len(ts) == 1
                                                     and ts[0].kind == "num")  # (z^3_1 where layers are bare
                            for m, ts in scripts) and not (  # superscripts: entry 1 of layer 3)
                            self.opts.get("digit_entries") and base in ("z", "h", "b", "delta")) and not (
                            self.opts.get("subscript_entries") and base in ("z", "h") and name.islower()):
                        layer, sub_layer = item[1], True  # h_2: layer 2 (but a_1^{(2)}: entry 1 of layer 2)
                    elif (base is not None or name in self.fixed) and len(items) <= 2 and (
                            item[1] >= 1 or self.opts.get("zero_based") or self.opts.get("bias_absorbed") and comps):
                        # (DHS's w_{j0} with the bias absorbed: weight 0 of unit j, its bias)
                        # x_1, a^{(2)}_1: an entry, counted from 1 (from 0 in an answer that writes h1_0, scores_0)
                        if (base == "W" and len(items) == 1 and not comps and 11 <= item[1] <= 99 and item[1] % 10
                                and not self.opts.get("zero_based") and max(self.opts.get("sizes") or (10,)) <= 9):
                            comps += [item[1] // 10 - 1, item[1] % 10 - 1]  # W^{(1)}_{12}: row 1, column 2, as
                            continue  # W^{(1)}_{1,2} (no matrix's entry has a flat index; every layer has ≤ 9 units)
                        comps.append(item[1] - (0 if self.opts.get("zero_based") else 1))
                    else:
                        raise Unreadable(f"cannot read the subscript {item[1]} on {name}")
                elif item[0] == "num":
                    bare_sup.append(item[1])
                elif (item[0] == "pvar" and base in ("W", "b") and layer is None and layer_var is None
                      and not (mark == "_" and base == "W" and len(items) == 2)):  # (W_{k,j}: an entry, in sums)
                    layer_var = item[1]
                elif item[0] in ("pvar", "fsample") and sample is None and base not in ("W", "b"):
                    sample = item[1]
                elif item[0] == "fsample" and base == "b":
                    pass  # Ng's b^{[1](i)}: the bias is the same for every example
                elif (item[0] == "var" and mark == "_" and not comps and sample is None and (base or kind) in SAMPLE_BASES
                      and int(self.opts.get("batch", 1)) > 1 and self.bound.get(item[1]) in (
                          *BATCH_BOUNDS, self.opts.get("batch_letter", "N"))):
                    sample = item[1]  # \sum_{i=1}^{N} \partial L / \partial s_i: s_i is sample i's row
                elif (item[0] == "var" and mark == "^" and sample is None and not comps and (base or kind) in SAMPLE_BASES
                      and self.bound.get(item[1]) in (*BATCH_BOUNDS, self.opts.get("batch_letter", "N"))):
                    sample = item[1]  # Orosanu's \hat{y}^{i} in Σ_{i=1}^{m}: example i, its parentheses dropped
                elif item[0] in ("var", "fvar") and mark == "_" and len(comps) < 2:
                    comps.append(item[1])
                elif item[0] == "pvar" and mark == "_" and base == "W" and len(comps) < 2:
                    comps.append(item[1])  # Thill's w^{(\ell+1)}_{k,i} in a sum over k: the layer written, k an entry
                elif (mark == "^" and sub_layer and not comps and item[0] in ("var", "other") and item[1] in ENTRY_LETTERS
                      and int(self.opts.get("batch", 1)) == 1 and self.bound.get(item[1]) not in BATCH_BOUNDS):
                    comps.append(item[1])  # timattt's A_3^k, z_3^k: the layer as a subscript, the entry as a superscript
                elif item[0] in ("var", "pvar", "fsample", "fvar"):
                    raise Unreadable(f"cannot read the index {item[1]} on {name}")
                elif item[0] == "slice" and sample is None and not comps and (base or kind) in SAMPLE_BASES and (
                        item[1] in self.opts.get("batch_letters", "")):
                    sample = item[1]  # Lalin's z_{:, i}: column i of the batch, example i's vector
                elif item[0] == "other" and base in ("W", "b") and item[1] == "t" and mark == "_":
                    pass  # θ_t, W_t: the value at the current step
                elif item[0] == "other" and base in ("W", "b") and _updated_mark(item[1], CURRENT_WORDS):
                    pass  # rudra's W_{\text{old}}: the value before the step, the current one
                elif item[0] == "other" and base in ("W", "b") and _updated_mark(item[1]):
                    updated = True  # W^{(2)}_{new}, W^{(2)}_{\text{next}}, W^{(2)+}: the value after one step
                elif item[0] == "other" and item[1] == "*" and mark == "^" and kind == "y":
                    pass  # Thill's y^*, y_i^*: the target (the true label), beside \hat y the prediction
                elif (item[0] == "other" and mark == "_" and label is None and not comps and kind in ("yhat", "z", "h")
                      and self._true_class(item[1]) is not None):
                    label = self._true_class(item[1])  # CS231n's f_{y_i}, p_{y_i}: the true class's entry
                else:
                    raise Unreadable(f"cannot read the index '{item[1]}' on {name}")
        if name in self.fixed and kind == "yhat" and base is None and layer is not None and not isinstance(layer, str):
            kind = base = "h"  # Rojas's o^{(1)}, o_j^{(2)}: the output letter with a layer is that layer's output
        if base == "b" and self.opts.get("mazur") and layer is not None and not comps and not transpose:
            return Node("comp", (Node("q", (), ("b", layer - self.offset("b"))),), 0)  # Mazur's b_1: one bias per layer
        if mazur_w is not None:  # Mazur's w_5 (and w_5^{+}, the weight after the step)
            node = self.mazur_weight(mazur_w)
            if updated:
                node = Node("entry", (Node("q", (), ("W_next", node.args[0].value[1])),), node.value)
            if bare_sup or power_node is not None:
                node = Node("pow", (node, power_node if power_node is not None else num(bare_sup[0])))
            return Node("T", (node,)) if transpose else node
        for n in bare_sup:  # h^2: a layer index unless the layer is already given (then a power)
            if self.unit_letters and comps and comps[0] in self.letter_layers and power is None and self.depth_net == 2:
                power = n  # Bishop's z_j^2: the unit letter gives the layer, so the superscript is a power
            elif self.opts.get("bare_layer") and layer is None and base in ("z", "h") and power is None:
                power = n  # f'(z) = 1 - a^2: in an identity of the activation, a bare letter's superscript is a power
            elif prefix and n == 2 and base in ("W", "b") and layer is None and power is None:
                power = n  # Ng's dW^2 in RMSprop and Adam: the squared gradient (his layers are in brackets)
            elif (self.opts.get("superscript") == "power" and layer is None and base in ("z", "h", "delta")
                  and power is None):
                power = n  # an answer that writes its layers as z^{(2)}: a bare z^2, z_j^2 is a square
            elif (not self.opts.get("superscript") and self.depth_net and layer is None and base in ("z", "h")
                  and not comps and n == 2 and power is None and not self._bare_layers()):
                raise Unreadable(f"{name}^{n} is layer {n} or a square, and nothing in the answer says which; write "
                                 f"{name}^{{({n})}} for the layer or ({name})^{n} for the square (or set [notation] "
                                 "options superscript = \"layer\" or \"power\")")
            elif layer is None and layer_var is None and base is not None and base not in ("x", "y", "yhat"):
                layer = n  # (Ng's W_{k,j}^{[l]2} in a sum over the layers: the 2 after the layer is a power)
            elif power is None:
                power = n
            else:
                raise Unreadable(f"cannot read the superscripts of {name}")
        if power == 0 and bare_sup:  # (Theodoridis's y_n^0 = x_n: layer 0, the input, where his layers are bare
            # superscripts y^r; a power 0 would make the claim 1 = x, which no author means)
            raise Unreadable(f"{name}^0 is no power (that would be 1): if it is layer 0, the input, write {name}^{{(0)}} "
                             "or declare the layer letter")
        generic = (self.generic_units and layer is None and comps and isinstance(comps[0], str)
                   and comps[0] in self.unit_pos)
        if generic and kind == "x" and len(comps) == 2 and comps[1] in self.unit_pos:
            layer = self.unit_layer(comps[0]) - 1  # Mitchell's x_{ji}: input i of unit j, the output of unit i
            kind, comps = ("x", comps[1:]) if layer == 0 else ("h", comps[1:])
            layer = None if layer == 0 else layer
            generic = False
        elif generic and kind == "x" and len(comps) == 1:
            if self.unit_layer(comps[0]) != 0:  # (the delta rule's y_i = Σ_j w_{ij} x_j: x_j an input unit's signal)
                raise NoSuchLayer(f"{name}_{comps[0]} is an input unit's")
            generic = False
        elif generic and kind == "yhat" and name == "o":
            kind, layer = "h", self.unit_layer(comps[0])  # Mitchell's o_j: the output of unit j
            base, generic = "h", False
            if layer == self.depth_net:
                kind, layer = "yhat", None
            elif layer == 0:
                kind, layer = "x", None
        elif generic and kind in ("y", "yhat") and len(comps) == 1 and self.unit_layer(comps[0]) != self.depth_net:
            raise NoSuchLayer(f"{name}_{comps[0]} is an output unit's")  # t_j, d_j: j is an output unit here
        elif (self.generic_units and kind == "yhat" and not comps and self.own_unit_letters
              and "unit" in self.layer_env and self.layer_env["unit"] != self.depth_net):
            raise NoSuchLayer("\\hat y is the output: the claim's unit is an output unit")  # Fuat's δ_k = ∂Err/∂ŷ σ'(u_k)
        if base is not None and layer is not None:
            layer -= self.offset("b" if zero else base)
            if self.opts.get("weighted_numbering") and isinstance(layer, int) and layer >= 1:
                weighted = self.opts["weighted_numbering"]  # (infer._weighted_numbering: dropout layers not counted)
                if layer > len(weighted):
                    raise NoSuchLayer(f"{name} names layer {layer}, but the answer numbers {len(weighted)} layers with weights")
                layer = weighted[layer - 1]
            if self.flags.get("implicit"):
                if ANY_LAYER not in self.layer_env or not self.unindexed:
                    raise Unreadable(f"{name} names a layer while the claim leaves others without a layer index; write every layer")
                if self.layer_env[ANY_LAYER] - self.offset("b" if zero else base) != layer:
                    raise NoSuchLayer(f"{name} names layer {layer}, not the layer of the parameters written without one")
            else:  # Clark's z = W x + b_1: W is the layer b_1 names (tried layer by layer)
                self.flags["explicit"] = True
        if base is not None:
            if zero:
                kind = "b"
            if kind == "y" and name in self.own_bases and layer == self.depth_net:
                layer = None  # max-amb's \hat{a}^{[L]}: the output activation's target (letters.hatted_target)
            if kind in ("x", "y", "yhat") and layer is not None:
                raise Unreadable(f"{name} has no layer index (sample indices like x^{{(n)}} are not supported)")
            if kind not in ("x", "y", "yhat") and layer_var is None:
                if generic and kind in ("W", "dW", "W_next"):
                    layer = max(self.unit_layer(c) for c in comps if isinstance(c, str) and c in self.unit_pos)
                    comps = self.weight_entry(name, comps)
                elif generic:
                    layer = self.unit_layer(comps[0])
                if layer is None and comps and self.unit_letters and self.depth_net == 2 and comps[0] in self.letter_layers:
                    # Bishop's units: i an input, j a hidden unit, k an output (a_j, δ_k, w_{kj}) in a two-layer net
                    layer = self.letter_layers[comps[0]]
                    sizes = self.opts.get("sizes") or ()
                    if (kind in ("W", "dW", "W_next") and len(comps) == 1 and layer + 1 < len(sizes)
                            and sizes[layer + 1] == 1):
                        layer += 1  # Udacity's W_j: hidden unit j's one weight, into the one unit of the layer after it
                        comps = self._as_entry([0, comps[0]], "target")
                    elif (kind in ("W", "dW", "W_next") and len(comps) == 2 and comps[1] in self.letter_layers
                            and self.letter_layers[comps[1]] == layer - 1):
                        if self.opts.get("letters_source_first"):  # (AIMA's planted w_{k,j} beside his w_{i,j} from i to j)
                            raise Unreadable(f"{name}_{{{comps[0]}{comps[1]}}} is written target first, but the answer writes "
                                             "its weights source first (w_{ij} from i to j): which weight it means is not certain")
                        comps = self._as_entry(comps, "target")  # w_{ji} into j from i, laid out as the spec's W lies
                    elif (kind in ("W", "dW", "W_next") and len(comps) == 2 and comps[1] in self.letter_layers
                            and self.letter_layers[comps[1]] == layer + 1 and self.opts.get("letters_source_first")):
                        # Stansbury's w_{ij} from i to j, w_{jk} from j to k (his own z_j = b_j + Σ_i a_i w_{ij} says
                        # so: infer.conventions, letters_source_first): the weight of the layer it leads into. (Where the answer writes
                        # w_{ji} into j, a w_{jk} is a slip: not read so.)
                        layer = self.letter_layers[comps[1]]
                        comps = self._as_entry(comps, "source")
                if layer is None and not any(m == "^" for m, _ in scripts) and kind == "h" and name == self.opts.get(
                        "output_letter"):
                    kind = "yhat"  # Hagan's a = a^M: a written without a layer (a, a_i) is the network's output
                elif layer is None and name in dict(self.opts.get("bare_letters", ())) and kind in ("z", "h") and (
                        not comps or (name in self.opts.get("bare_entries", ()) or not self.unit_letters)
                        and all(isinstance(c, str) for c in comps)):
                    layer = dict(self.opts["bare_letters"])[name] - self.offset(base)  # Malik's z = h W_2 + b_2
                    # (z_i by a unit letter too, where ŷ = softmax(z) binds z, or where no letter names a layer — a_k of
                    # a = softmax(W_2 z + b_2): a digit there is Malik's layer)
                elif (layer is None and self.opts.get("bare_output") and kind in ("z", "h") and self.depth_net
                      and all(isinstance(c, str) for c in comps)):
                    layer = self.depth_net  # judge._at_the_output: a claim only the output layer can be about
                elif layer is None and self.unindexed and kind in ("z", "h") and self.fn_layer is not None and not comps:
                    layer = self.fn_layer  # Hagan's \dot f^1(n) beside a = a^2: the argument of layer 1's function is its
                elif layer is None and self.unindexed and kind in ("z", "h"):
                    layer = int(self.unindexed)  # d2l: z = W x + b, h = φ(z) in a net with one hidden layer
                if layer is None and kind in ("z", "h") and self.opts.get("bare_layer") and not comps:
                    if "bare" not in self.layer_env:  # f'(z) = f(z)(1 - f(z)): z is any layer's summed input
                        raise NeedsLayer("bare")
                    layer = self.layer_env["bare"]
                if layer is None and comps and self.opts.get("digit_entries") and kind in ("W", "b", "dW", "db", "W_next", "b_next"):
                    layer = 1  # a worked example's w_{12}, b_1: the hidden layer's (its output unit has its own letters)
                if layer is None and kind in ("W", "b", "dW", "db") and self.depth_net and self.depth_net > 1 and not comps:
                    if self.flags.get("explicit"):
                        raise Unreadable(f"{name} has no layer index while the claim names layers elsewhere; write it")

                    self.flags["implicit"] = True
                    if ANY_LAYER not in self.layer_env:
                        raise NeedsLayer(ANY_LAYER)  # W = W - α V_{dW}: an update for the parameters of every layer
                    layer = self.layer_env[ANY_LAYER] - self.offset(kind)
                if layer is None and kind != "yhat":
                    if self.depth_net == 1:
                        layer = 1
                    else:
                        raise Unreadable(f"{name} needs a layer index, e.g. {name}^{{(2)}}")
                if kind == "h" and layer == 0:
                    kind, layer = "x", None
                elif kind == "h" and layer == self.depth_net:
                    kind, layer = "yhat", None
        dense = self.opts.get("dense_layers")
        if dense and layer is not None and isinstance(layer, int) and 1 <= layer <= len(dense) and not name.startswith("bn"):
            # d2l's W^{(2)} after a dropout layer, Ng's after batch norm: the answer numbers the weighted layers only, a
            # layer's activation the one after the normalisations that follow it (before a dropout: d2l's h, h')
            if kind in ("h", "dh", "dhs"):
                layer = self.opts.get("block_ends", dense)[layer - 1]
            elif kind in _DENSE_KINDS:
                layer = dense[layer - 1]
            else:
                raise Unreadable(f"{name} with a layer number, where the answer numbers its weighted layers only: which "
                                 "of the spec's layers it names is not certain")
        if layer is not None and self.depth_net and not 1 <= layer <= self.depth_net:
            raise NoSuchLayer(f"{name} names layer {layer}, but the network has layers 1 to {self.depth_net}"
                              + (" (the input is layer 0)" if layer == 0 else ""))
        if updated and kind in ("W", "b"):
            kind = kind + "_next"
        if (name == "o" and kind == "yhat" and self.unit_letters and not self.generic_units and self.depth_net == 2 and len(comps) == 1
                and comps[0] in self.letter_layers):  # Mitchell's o_h, o_k: the output of a hidden or an output unit
            kind, layer = {0: ("x", None), 1: ("h", 1), 2: ("yhat", None)}[self.letter_layers[comps[0]]]
        if (layer is None and layer_var is None and kind == "yhat" and name == self.opts.get("bare_input")
                and not any(m == "^" for m, _ in scripts)):
            kind = "x"  # Rojas's o = x beside o^{(1)}, o^{(2)}: the letter without a layer is the input
        node = Node("q", (), (kind, layer)) if layer_var is None else Node("lq", (), (kind, layer_var))
        if slope:
            if kind != "h" or (layer is None and layer_var is None) or updated or transpose or power is not None:
                raise Unreadable(f"a prime on {name} is read as the slope of a layer's activation, with the layer "
                                 f"written: {name}^{{'(l)}} = σ'(z^{{(l)}})")
            summed = Node("q", (), ("z", layer)) if layer_var is None else Node("lq", (), ("z", layer_var))
            node = Node("fn", (summed,), ("phi", None, True))
        if kind in ("W_next", "b_next", "Wb_next") and self.opts.get("step_scale"):  # the step on the answer's objective
            now = Node(node.op, (), (kind.removesuffix("_next"), node.value[1]))
            node = Node("add", (now, Node("mul", (num(float(self.opts["step_scale"])), Node("sub", (node, now))))))
        if sample is None and len(comps) == 2 and kind in SAMPLE_KINDS and self.opts.get("batch_letters"):
            examples = [c for c in comps if isinstance(c, str) and c in self.opts["batch_letters"]]
            if len(examples) == 1:  # Lalin's z_{j, i}^{[l]}: unit j of example i (ownindex.batch_letters)
                sample, comps = examples[0], [c for c in comps if c != examples[0]]
        if (sample is None and len(comps) == 1 and kind in SAMPLE_KINDS and isinstance(comps[0], str)
                and comps[0] in self.opts.get("batch_letters", "") and name in self.opts.get("row_batches", "")):
            sample, comps = comps[0], []  # Shreyansh's S_i beside S ∈ R^{B×K}: row i, one example's vector
        if (sample is None and len(comps) == 1 and comps[0] == self.opts.get("sample_letter") and kind in SAMPLE_KINDS
                and (comps[0] in self.bound or comps[0] not in self.unit_pos)):
            # Σ_n ∂L/∂u_n under the answer's L = -1/N Σ_n [y_n …]: sample n (ownindex.py); free, δ_n = (a_n − y_n) ⊙ …
            # is a claim about every example n
            sample, comps = comps[0], []
        elif (sample is None and len(comps) == 2 and comps[0] == self.opts.get("sample_letter") and isinstance(comps[1], str)
              and kind in SAMPLE_KINDS):
            # the Lazy Programmer's Σ_n t_{nk} log y_{nk}: example n's entry k; free, CS231n's P_{ij} = e^{S_{ij}} / Σ_k
            # e^{S_{ik}} is about every example i (a vector has no second entry index: i can only be the example)
            sample, comps = comps[0], comps[1:]
        if (sample is None and len(comps) == 1 and comps[0] == self.opts.get("example_letter") and kind in ("x", "y", "yhat")
                and comps[0] not in self.bound):
            comps = []  # Prince's x_i, y_i beside ℓ_i in a claim about one example: that example's input and target
        if label is not None and sample is not None and sample == label and not comps:
            sample = None  # CS231n's P_{i, y_i} in Σ_i: row i's entry of its true class (the label entry names row i)
        if label is not None:
            node = self._label_entry(node, label, name)
        if sample is not None:
            if kind not in SAMPLE_KINDS:
                raise Unreadable(f"{name} has no sample index (only x, y, \\hat y, z, h, δ do)")
            if (kind == "dz" and base == "delta" and node.op == "q" and self.opts.get("example_deltas")
                    and sample == self.opts.get("sample_letter")):
                node = Node("q", (), ("delta", node.value[1]))  # δ_n after E = 1/N Σ_n E_n: example n's own δ
            node = Node("sample", (node,), sample)
        if len(comps) == 1:
            sizes, layer = self.opts.get("sizes") or (), node.value[1] if node.op == "q" else None
            one_unit = isinstance(layer, int) and 1 <= layer < len(sizes) and 1 in (sizes[layer], sizes[layer - 1])
            if (kind in ("W", "dW", "W_next") and (self.opts.get("bias_absorbed") or self.opts.get("bias_column"))
                    and not one_unit):  # (θ_j of one unit is one weight)
                raise Unreadable(f"{name}_{comps[0]}: a unit's weight vector where the bias is a weight of its own "
                                 "(w_{j0} on x_0 = 1) is not read; write the sum over its entries")
            node = Node("comp", (node,), comps[0])
        elif len(comps) == 2:
            if kind not in ("W", "dW", "W_next", "dWL", "dWR"):
                raise Unreadable(f"two entry indices on {name}, which is a vector")
            if transpose:  # W^T_{jk}: entry (j, k) of the transpose is W's (k, j) (it had been W's (j, k): a false reject)
                comps, transpose = comps[::-1], False
            if "layer_first_order" in self.opts:  # w_{l,jk} where the answer's own sums do not say (infer)
                raise Unreadable(f"{name}_{{l,{comps[0]}{comps[1]}}}: is it the weight from {comps[0]} to {comps[1]} or "
                                 f"into {comps[0]} from {comps[1]}? Nothing in the answer says; define a unit's input, "
                                 f"e.g. z_{{l,{comps[1]}}} = \\sum_{comps[0]} {name}_{{l,{comps[0]}{comps[1]}}} a_{{l-1,{comps[0]}}}")
            if self.opts.get("entries_source_first"):  # Zhou's v_{ih}, w_{hj} as W^{(1)}_{ip} (thresholds.py): from i to
                comps = self._as_entry(comps, "source")  # p, laid out as the answer's W lies (row: n_out × n_in)
            elif self.opts.get("entries_target_first"):  # Bishop's w^{(1)}_{jk} into j from k (its own z_j = Σ_k w_{jk} x_k)
                comps = self._as_entry(comps, "target")  # in a column spec (W: n_in × n_out)
            node = Node("entry", (node,), tuple(comps))
        if name == "Theta" or self.opts.get("bias_column") and base == "W" and kind in ("W", "W_next") and not comps:
            node = _augment(node)  # Ng's Θ, Raschka's W with the bias unit a_0 = 1: the bias is column 0
        if sample is None and kind in SAMPLE_KINDS and kind not in ("x", "y") and self.is_("("):
            point = self._data_point()  # joaogci's δ^{(l)}(x_i): δ of data point i, never δ times x_i
            if point is not None:
                node = Node("sample", (node,), point)
        node = self._signed_delta(node, name, kind)
        if power is not None:
            node = Node("pow", (node, num(power)))
        return Node("T", (node,)) if transpose else node

    def _data_point(self) -> str | None:
        r"""At ``(``: ``(x_i)`` or ``(x_{i})`` after a quantity — the quantity as a function of data point i (joaogci's
        ``\sum_{i=1}^n \delta^{(l)}(x_i)``, defined entry by entry as ``a^{(l)}_1(x_1)``): consumed, the index returned
        when a sum over the examples binds it; a data point no sum binds is not read (which point is not said). None,
        nothing consumed, for any other parenthesis."""
        texts = [t.text for t in self.t[self.i:self.i + 7]]
        if texts[:3] != ["(", "x", "_"]:
            return None
        if len(texts) >= 5 and texts[4] == ")" and len(texts[3]) == 1 and texts[3].isalpha():
            letter, width = texts[3], 5
        elif len(texts) >= 7 and texts[3] == "{" and texts[5] == "}" and texts[6] == ")" and len(texts[4]) == 1 \
                and texts[4].isalpha():
            letter, width = texts[4], 7
        else:
            return None
        if letter not in self.bound:
            raise Unreadable(f"a quantity of data point x_{letter} that no sum binds: which point is not said; write the "
                             f"sum over {letter}")
        self.i += width
        return letter

    # -- sums and norms ------------------------------------------------------------------------------
    def summation(self) -> Node:
        """``\\sum_{n=1}^{N} body``, ``\\sum_n``, ``\\sum_k``, ``\\sum_l``: the body is one product term. What the
        index counts follows from its use: ``q^{(n)}`` a sample (row n of a batch), ``y_k`` an entry of a vector,
        ``W^{(l)}`` a layer."""
        var, upper, lower, axis, other = None, None, None, None, None
        while self.is_("_") or self.is_("^"):
            mark = self.next().text
            toks = self.script()
            texts = [t.text for t in toks]
            if mark == "_" and var is None and axis is None and texts in (["0"], ["1"]) and not self.is_("^"):
                axis = int(texts[0])  # ThirstyScholar's \sum_0: over axis 0, as NumPy's np.sum(…, axis=0) (his note)
                continue
            if mark == "_" and var is None:
                if len(toks) in (1, 3) and toks[0].kind == "id" and len(texts[0]) == 1 and (
                        len(toks) == 1 or (texts[1] == "=" and texts[2] in ("0", "1"))):
                    var, lower = texts[0], (texts[2] if len(toks) == 3 else None)
                    continue
                if 3 <= len(toks) <= 7 and len(toks) % 2 and all(
                        (t.kind == "id" and len(t.text) == 1) if k % 2 == 0 else t.text == "," for k, t in enumerate(toks)) \
                        and len(set(texts[::2])) == len(texts[::2]) and not self.is_("^"):
                    return self._multi_sum(texts[::2])  # FortiLeiZhang's \sum_{n,d}, \sum_{i,j}: a sum over each
                if len(toks) in (3, 5) and texts[1] in ("neq", "ne") and all(
                        toks[k].kind == "id" and len(texts[k]) == 1 for k in (0, 2)) and texts[0] != texts[2] and (
                        len(toks) == 3 or texts[3] == "in" and toks[4].kind == "id") and not self.is_("^"):
                    # yanfenglee's \sum_{k\neq i} y_k a_i, McLaughlin's \sum_{j \neq i \in C}: every k but i
                    var, other = texts[0], texts[2]
                    continue
                if (len(toks) == 3 and toks[0].kind == "id" and len(texts[0]) == 1 and texts[1] == "in"
                        and texts[2].lower().removesuffix("s") in _OUTPUT_WORDS | _HIDDEN_WORDS and not self.is_("^")):
                    var = texts[0]  # Hinton's \sum_{k \in \text{output}}: over the units of that layer, its letter's
                    continue
                raise Unreadable(f"cannot read the sum's index {''.join(texts)}; write \\sum_{{n=1}}^{{N}} or \\sum_n")
            if mark == "^" and upper is None and len(texts) == 1:
                upper = texts[0]
                continue
            if mark == "^" and upper is None and len(toks) <= 12 and all(
                    t.kind in ("id", "num") or t.text in "+-_{}()[]^" or t.text == "ell" for t in toks):
                upper = self._layer_size_bound(toks) or "".join(texts)
                # (n_l - 1, s_{l+1}, n^{[l]}, Thill's d_{\ell+1}: a size the index's use fixes; Ng's n^{[l-1]}, n_l
                # of a layer the claim names: that layer's size, which the index's use must match)
                continue
            raise Unreadable(f"cannot read the range of the sum ({''.join(texts)})")
        if axis is not None and upper is None:
            return Node("axsum", (self.term(),), axis)
        if axis is not None:
            raise Unreadable(f"cannot read the sum's index {axis} with an upper limit; write \\sum_{{n=1}}^{{N}}")
        letter = self._bare_sum_letter() if var is None else None
        if letter is not None:  # blackKeys17's C = \sum{(y_i - a^L_i)^2}: the sum runs over the one index inside it
            var = letter
        if var == "m" and lower is None and upper is None and int(self.opts.get("batch", 1)) > 1 and self._unused(var):
            var = None  # liangguangyii's dB = \frac{1}{m} \sum_{m} dZ: m the number of examples, summed over
        if var is None and int(self.opts.get("batch", 1)) > 1:
            return Node("axsum", (self.term(),), "samples")  # Ng's db = \frac{1}{m} \sum dZ: over the examples
        if var is None:  # one example: Mazur's E_{total} = \sum \frac{1}{2}(target - output)^2, over its entries
            return Node("axsum", (self.term(),), None)
        if var in self.bound:
            raise Unreadable(f"two nested sums over the same index {var}")
        self.bound = {**self.bound, var: upper}
        try:
            body = Node("neg", (self.term(),)) if self._minus() else self.term()  # \sum_k -\delta_k w_{kj}
            while (self.is_("+") or self.is_("-")) and self._index_ahead(var):
                # Ng's \sum_i \sum_k y_k^{(i)} \log h_k + (1 - y_k^{(i)}) \log(1 - h_k): the index is used in the
                # next term too, so the sum runs over it (a free index after the sum would mean nothing)
                sign = self.next().text
                nxt = self.term()
                body = Node("add" if sign == "+" else "sub", (body, nxt))
        finally:
            self.bound = {k: v for k, v in self.bound.items() if k != var}
        if other is not None:  # each term times 1 − δ_{k i}: the excluded index's term is 0
            body = Node("mul", (body, Node("sub", (num(1.0), Node("kron", (), (var, other))))))
        node = Node("sum", (body,), (var, upper))
        bias = any(n.op == "entry" and n.args[0].op == "q" and n.args[0].value[0] == "W" and var in n.value for n in body.walk()) \
            and any(n.op == "comp" and n.value == var and n.args[0].op == "q" and n.args[0].value[0] in ("x", "h") for n in body.walk())
        if lower == "0" and (self.opts.get("zero_based") or upper is not None and upper.replace(" ", "").endswith("-1")
                             and not bias):
            return node  # 3Blue1Brown's \sum_{j=0}^{n_L - 1}, \sum_{k=0}^{n-1}: counted from 0, an ordinary sum
        if (lower == "0" and not bias and upper is not None and upper.strip().isdigit()
                and int(upper) + 1 in tuple(self.opts.get("sizes") or ())[1:]):
            return Node("sum", (body,), (var, str(int(upper) + 1)))  # the book-ai chapter's \frac{1}{4}\sum_{i=0}^{3}:
            # a layer's 4 entries counted from 0 (the count is the bound plus one)
        if bias and (lower == "0" or lower is None and self.opts.get("bias_absorbed")):
            # Bishop's \sum_{i=0}^{D} w_{ji} x_i: the bias is weight 0, on a unit x_0 = 1
            return Node("add", (Node("at0", (body,), var), node))
        if lower == "0":
            raise Unreadable(f"a sum from {var} = 0 is read for a bias absorbed in the weights (w_{{j0}} x_0)")
        return node

    def _layer_size_bound(self, toks: list) -> str | None:
        """A sum's upper bound written as a layer's number of units, ``n^{[l-1]}``, ``n^{(l)}``, ``n_{l+1}``, ``n_L`` (of
        the layer the claim is checked at): ``"size:K"`` with that layer's K units, else None."""
        sizes = self.opts.get("sizes")
        texts = [t.text for t in toks]
        if not sizes or len(toks) < 3 or texts[0] != "n" or texts[1] not in ("^", "_"):
            return None
        inner = toks[2:]
        if inner and inner[0].text == "{" and inner[-1].text == "}":
            inner = inner[1:-1]
        elif len(inner) != 1:  # (n_L - 1: TeX's subscript is one token, the bound the size minus one — left as written)
            return None
        if texts[1] == "^":
            if len(inner) < 3 or (inner[0].text, inner[-1].text) not in (("[", "]"), ("(", ")")):
                return None
            inner = inner[1:-1]
        try:
            layer = self.layer_var(inner, self.layer_letters)
            if layer is None:
                layer = self.layer_number(inner)
        except (Unreadable, NeedsLayer, NoSuchLayer):
            return None
        layer -= self.units_off
        return f"size:{sizes[layer]}" if 0 <= layer < len(sizes) else None

    def _multi_sum(self, letters: list) -> Node:
        """``\\sum_{i,j} body``: the sum over i of the sum over j (each index's count fixed by its use)."""
        if any(v in self.bound for v in letters):
            raise Unreadable(f"two nested sums over the same index {', '.join(v for v in letters if v in self.bound)}")
        saved = self.bound
        self.bound = {**saved, **dict.fromkeys(letters)}
        try:
            node = Node("neg", (self.term(),)) if self._minus() else self.term()
        finally:
            self.bound = saved
        for v in reversed(letters):
            node = Node("sum", (node,), (v, None))
        return node

    def _unused(self, var: str) -> bool:
        """Whether the term ahead reads without using the letter ``var`` as an index (read once, then again by the
        caller)."""
        start, bound = self.i, self.bound
        self.bound = {**bound, var: None}
        try:
            body = self.term()
        except (Unreadable, NeedsLayer, NoSuchLayer):
            return False
        finally:
            self.i, self.bound = start, bound
        return not any(var == n.value or isinstance(n.value, tuple) and var in n.value for n in body.walk()
                       if n.op in ("comp", "entry", "sample", "lq"))

    def _bare_sum_letter(self) -> str | None:
        """The index a \\sum written without one runs over: the one entry letter of the term it sums that is nowhere
        else in the claim (``\\sum w_i x_i``; ``z_j = \\sum w_{ji} x_i + b_j`` sums i; ``\\frac{∂C}{∂a_k} = \\sum …_k``
        has none). The term is read once to see its letters, then again by the caller."""
        start, bound = self.i, self.bound
        try:
            body = self.term()
        except (Unreadable, NeedsLayer, NoSuchLayer):
            return None
        finally:
            end, self.i, self.bound = self.i, start, bound
        letters = {v for n in body.walk() if n.op in ("comp", "entry") for v in (
            (n.value,) if n.op == "comp" else n.value) if isinstance(v, str) and v in ENTRY_LETTERS and v not in bound}
        outside = {t.text for k, t in enumerate(self.t) if (k < start or k >= end) and t.kind == "id"}
        letters -= outside
        return letters.pop() if len(letters) == 1 and not any(n.op == "sum" for n in body.walk()) else None

    def _index_ahead(self, var: str) -> bool:
        """Whether the sum index ``var`` appears in a script of the next term (before the next +, −, closing
        bracket or relation at this level)."""
        depth, j = 0, self.i + 1
        while j < len(self.t):
            tok = self.t[j]
            if tok.kind == "op" and tok.text in "([{":
                depth += 1
            elif tok.kind == "op" and tok.text in ")]}":
                if depth == 0:
                    return False
                depth -= 1
            elif depth == 0 and (tok.text in ("+", "-", "=") or tok.kind == "cmd" and tok.text in RELATIONS):
                return False
            elif tok.kind == "cmd" and tok.text == "sum" and var in [t.text for t in self.t[j + 1:j + 4]]:
                return False  # a later sum of its own over the same letter
            elif tok.kind == "id" and tok.text == var and j > 0 and (
                    self.t[j - 1].text in ("_", "^", "(", "{", ",") or self.t[j - 1].kind == "id"):
                return True
            j += 1
        return False

    def norm(self) -> Node:
        """``\\|v\\|``, ``\\|W\\|_F``, ``\\|W\\|_2`` (Frobenius / Euclidean) and ``\\|W\\|_1`` (sum of |entries|)."""
        self.norm_open += 1
        inner = self.expr()
        self.norm_open -= 1
        tok = self.next()
        if tok.kind != "norm":
            raise Unreadable(f"expected \\| to close the norm at position {tok.pos}, found '{tok.text}'")
        p = 2
        if self.is_("_"):
            self.next()
            texts = [t.text for t in self.script()]
            if texts in (["F"], ["2"]):
                p = 2
            elif texts == ["1"]:
                p = 1
            else:
                raise Unreadable(f"the norm \\|·\\|_{''.join(texts)} is not supported (F, 2 and 1 are)")
        return Node("norm", (inner,), p)

    def state_symbol(self, state: str, letter: str) -> Node:
        """Optimizer state of one parameter: ``S_{W^{(2)}}``, ``S_{dW^{[2]}}``, ``v_{dW}^{[1]}``, ``\\hat{m}_{W^{(1)}}``,
        ``V^{corrected}_{dW^{[2]}}`` (Ng); the value after the step (a state on the right of its own update is the
        value before it; the judge decides that)."""
        if letter == self.opts.get("lookahead_theta") and self.step_param is not None:
            raise Unreadable(f"the step adds {letter}, Sutskever's velocity, to θ: in that form θ is the point the "
                             f"look-ahead starts from, and the spec's Nesterov parameter (PyTorch's, Keras's) is θ − γ {letter}; "
                             "the two forms' parameters differ, so this step is not compared")
        if letter == self.opts.get("foreign_velocity"):
            raise Unreadable(f"{letter} is the answer's momentum velocity (defined with the learning rate inside), which "
                             "the spec's optimizer does not have: another optimizer's step is not judged")
        param, layer, power, time = None, None, None, None
        while self.is_("^") or self.is_("_"):
            mark = self.next().text
            toks = self.script()
            texts = [t.text for t in toks]
            if mark == "_" and "".join(texts) in TIME_INDICES:
                time = "".join(texts)  # S_t, S_{t-1}: the state after the step t, and before it
                continue
            if mark == "^" and "corrected" in "".join(texts):
                if state not in CORRECTED:
                    raise Unreadable(f"{letter}^{{corrected}}: only the moments m and v of Adam are bias-corrected")
                state = CORRECTED[state]
            elif mark == "_" and param is None:
                param, sub_layer = self.state_param(toks, letter)
                layer = sub_layer if sub_layer is not None else layer
            elif mark == "^":
                items = self.index_items(toks)
                if len(items) != 1 or items[0][0] not in ("layer", "num"):
                    raise Unreadable(f"cannot read the superscript {''.join(texts)} on {letter}")
                if items[0][0] == "layer" or (layer is None and param is None):
                    layer = items[0][1]
                else:
                    power = items[0][1]
            else:
                raise Unreadable(f"cannot read the subscript {''.join(texts)} on {letter} (time indices like S_t are not "
                                 "supported: a claim is about the state after one step)")
        if param is None and self.step_param is not None:
            param, layer = self.step_param  # a state written bare in a parameter's step (m̂_t too): that parameter's state
        if param is None and time is not None:
            param = "W"  # S_t = β S_{t-1} + (1 − β) g_t²: the state of every weight
        if param is None:
            raise Unreadable(f"{letter} {_NEEDS_PARAMETER}, e.g. {letter}_{{W^{{(2)}}}} or {letter}_{{dW^{{[2]}}}}")
        if layer is None:
            if self.depth_net != 1:
                if self.flags.get("explicit"):
                    raise Unreadable(f"{letter}_{{{param}}} has no layer index while the claim names layers elsewhere; "
                                     f"write it, e.g. {letter}_{{{param}^{{(2)}}}}")
                self.flags["implicit"] = True
                if ANY_LAYER not in self.layer_env:
                    raise NeedsLayer(ANY_LAYER)  # V_{dW} = β V_{dW} + (1 − β) dW: for every layer
                layer = self.layer_env[ANY_LAYER] - self.weights_off
            else:
                layer = 1
        prev = "_prev" if time == "t-1" else ""
        if time == "t+1":
            raise Unreadable(f"{letter}_{{t+1}}: write the update of the state as {letter}_t = … {letter}_{{t-1}} …")
        node = Node("q", (), (f"{state}_{param}{prev}", layer))
        rate = self.opts.get("velocity_rate")
        if rate and state == "v" and letter in ("v", "V"):  # v_t = γ v_{t−1} + η g: the answer's v is α × the spec's
            factor = Node("const", (), "lr") if rate.lstrip("-") == "lr" else num(float(rate))
            node = Node("mul", (Node("neg", (factor,)) if rate == "-lr" else factor, node))
        return Node("pow", (node, num(power))) if power is not None else node

    def state_param(self, toks: list[Tok], letter: str) -> tuple[str, int | None]:
        """The parameter in the subscript of a state: W, b, dW, db (with or without a layer), W_0, \\nabla_W J."""
        texts = [t.text for t in toks]
        bare = texts[1:] if texts[:1] == ["d"] else texts
        if bare in (["W"], ["b"], ["theta"]):
            return {"theta": "W"}.get(bare[0], bare[0]), None
        if bare in (["W", "_", "0"], ["W", "_", "{", "0", "}"]):
            return "b", None
        if texts[:1] == ["t"] or (texts and all(t.kind == "num" for t in toks)):
            raise Unreadable(f"time indices like {letter}_t are not supported: a claim is about the state after one step "
                             f"(a state on the right of its own update is the one before it); write {letter}_{{W^{{(2)}}}}")
        try:
            node = self.sub(toks)
        except (NeedsLayer, NoSuchLayer):
            raise
        except Unreadable as exc:
            raise Unreadable(f"cannot read the parameter in the subscript of {letter}: {exc}") from None
        kind = node.value[0] if node.op == "q" else None
        if kind in ("W", "b", "dW", "db"):
            return kind[-1], node.value[1]
        raise Unreadable(f"the subscript of {letter} must name a weight or bias, e.g. {letter}_{{W^{{(2)}}}}")

    def index_items(self, toks: list[Tok], prime: bool = False, mark: str = "^", comma_layer: bool = False) -> list[tuple]:
        """The items of one script: a layer (number, L, L-1, or a generic l, l+1 in the answer's numbering), a
        transpose, a prime, a sample index in parentheses ``(n)`` (bound by a sum, or free: a claim for every
        sample), an entry index (``y_k``; ``w_{jk}``: free indices make a claim for every entry)."""
        whole = self.layer_var(toks, self.layer_letters)
        if whole is not None:
            return [("layer", whole)]
        if len(toks) >= 3 and toks[0].kind == "id" and toks[0].text in self.bound and toks[1].text == "," and not (
                mark == "_" and any(t.text in self.opts.get("batch_letters", "") for t in toks[2:])):  # (a_{k, i}: unit k)
            return [("pvar", toks[0].text)] + self.index_items(toks[2:], prime, mark)  # Nielsen's δ^{x,l}: sample x, layer l
        if (comma_layer and mark == "_" and len(toks) >= 3 and toks[0].kind == "num" and toks[0].text.isdigit()
                and toks[1].text == ","
                and all(t.kind == "id" and len(t.text) == 1 and t.text.islower() for t in toks[2:])
                and len(toks) <= 4 and len({t.text for t in toks[2:]}) == len(toks) - 2):
            # John Philipp's W_{1,kl}, z_{1,j}, w_{2,i}: "in the case of an existing subscript, we delimit between
            # existing subscript and tensor coordinate using a comma" — the layer, then the entry's free indices
            # (any letter there, l too, is an index: the layer is the number before the comma)
            return [("layer", int(toks[0].text))] + [("var", t.text) if t.text in self.bound else ("fvar", t.text)
                                                     for t in toks[2:]]
        first = self._layer_first(toks) if comma_layer and mark == "_" and self.opts.get("layer_first") else None
        if first is not None:
            return first
        texts = [t.text for t in toks]
        if (mark == "_" and self.opts.get("hidden_numbered") and len(toks) == 2 and texts[0] == "h" and toks[1].kind == "num"
                and toks[1].text.isdigit() and 1 <= int(toks[1].text) < self.depth_net):
            return [("layer", int(toks[1].text) + self.units_off)]  # W_{h1}, b_{h2}, \delta_{h2}: hidden layer 2
        unit = self.unit(toks) if mark == "_" else None
        if unit is not None:  # Mazur's \delta_{o1}, \delta_{h1}: the layer of the unit, then its entry
            return [("layer", unit[0] + self.units_off), ("num", unit[1] + 1)]
        if mark == "_" and texts in (["o"], ["O"]) and self.depth_net:
            return [("layer", self.depth_net + self.units_off)]  # W_o, b_o, \delta_o (ml-glossary's W_O): the output layer
        role = _role_word(texts, mark, self.opts.get("role_pairs"))
        if role is not None and self.depth_net and self.opts.get("role_conflict"):
            raise Unreadable(f"({''.join(texts)}) names a layer by its role, but the answer also numbers layers up to the "
                             "last one or beyond (W_1, W_2 beside W_out), so which layer it is is not certain; write its number")
        if role is not None and self.depth_net:  # W_{out}, \delta_{hidden}, z^{output}, W_{ho}: a layer named by its role
            return [("layer", self.layer_number([Tok("id", role, 0)]))]
        if mark == "_" and texts in (["h"], ["H"]) and self.depth_net == 2 and not (self.generic_units and not prime) and not (
                self.unit_letters and texts == ["h"]):  # (Mitchell's o_h, w_{kh}: h a hidden unit, as the letters read)
            return [("layer", 1 + self.units_off)]  # W_h, b_h: the hidden layer of a one-hidden-layer net
        if mark == "_" and prime and self.opts.get("y_layer") and self.depth_net == 2 and "".join(texts) in ("y", "hy", "xh"):
            # NYU's W_y, b_y; Karpathy's W_{xh}, W_{hy}: a layer named by what it gives (infer.conventions)
            return [("layer", (1 if "".join(texts) == "xh" else 2) + self.units_off)]
        if (mark == "^" and len(toks) == 3 and (toks[0].text,) in self.depth_names and toks[1].text in ("+", "-")
                and toks[2].kind == "num" and self.depth_net):
            return [("layer", self.layer_number(toks))]  # Nielsen's and Reddy's a^{L-1}: the layer before the last
        if mark == "_" and len(toks) == 3 and toks[0].text == ":" and toks[1].text == "," and toks[2].kind == "id":
            return [("slice", toks[2].text)]  # z_{:, i}: column i (the parser reads it as an example's vector)
        letters = [t.text for t in toks if t.kind == "id"]
        unit_letters = ENTRY_LETTERS + tuple(self.unit_pos) if self.generic_units else ENTRY_LETTERS  # (Fuat's l)
        if self.entry_l:
            unit_letters += ("l",)  # MacKay's w_{jl}^{(1)} x_l: l a unit (_l_is_entry)
        entries = len(letters) <= 2 and all(x in unit_letters for x in letters)  # w_{jk}, but not W_{new}
        items, j = [], 0
        while j < len(toks):
            t = toks[j]
            if t.text in ("(", "[") and t.kind == "op":
                close = ")" if t.text == "(" else "]"
                k = next((k for k in range(j + 1, len(toks)) if toks[k].text == close), None)
                if k is None:
                    raise Unreadable("unclosed layer index")
                inside = toks[j + 1:k]
                if len(inside) == 1 and inside[0].kind == "id" and inside[0].text in self.bound:
                    items.append(("pvar", inside[0].text))  # h^{(n)}: a sample (or W^{(l)}: a layer) of a sum
                elif self.layer_var(inside, letters := self.bracket_letters if t.text == "[" else self.paren_letters) is not None:
                    items.append(("layer", self.layer_var(inside, letters)))
                elif len(inside) == 1 and inside[0].kind == "id" and (
                        inside[0].text in SAMPLE_LETTERS or inside[0].text == "t" and self.opts.get("example_t")
                        or inside[0].text == "x" and self.opts.get("example_x")):
                    items.append(("fsample", inside[0].text))  # a^{[1](i)}: sample i, for every i
                else:
                    items.append(("layer", self.layer_number(inside)))
                j = k + 1
            elif t.kind == "id" and t.text in self.bound:
                items.append(("var", t.text))  # y_k: an entry of a vector
                j += 1
            elif t.text == "T" and mark == "_" and any(key == ("T",) for key, _ in self.macros):
                # (Shalev-Shwartz & Ben-David's o_T, T = 2 their number of layers: T is the answer's, no transpose)
                raise Unreadable("a subscript T where the answer defines T as its own symbol: not a transpose, and a layer "
                                 "written so is not read")
            elif t.text == "T" or t.text == "t" and mark == "^" and not self._time_t():
                items.append(("T",))  # (Aflak's X^t, W^t: a lowercase t, where the claim has no time step t ± 1)
                j += 1
            elif t.text == "^" and j + 1 < len(toks) and toks[j + 1].text == "T":
                items.append(("T",))  # Ng's W^{[l]^T}: the transpose written inside the layer's script
                j += 2
            elif t.text == "'":
                if not prime:
                    raise Unreadable("a prime on a quantity is not supported")
                items.append(("prime",))
                j += 1
            elif t.kind == "num" and "." not in t.text:
                items.append(("num", int(t.text)))
                j += 1
            elif (t.text,) in self.depth_names and len(toks) == 1 and self.depth_net:
                items.append(("layer", self.depth_net + self.units_off))
                j += 1
            elif mark == "^" and (len(toks) == 1 or prime and len(toks) == 2 and toks[1].text == "'") and (
                    t.text in ROLE_LAYERS and self._writes_role(t.text) or t.text in ("o", "h") and self.opts.get("role_letters")):
                # (Freeman & Skapura's f_k^{o\prime}: the output layer's function, primed)
                items.append(("layer", self.layer_number([t])))  # Chambrin's z^{H} beside his a^{(H)}; w^o_{kj}
                j += 1
            elif mark == "_" and entries and t.kind == "id" and len(t.text) == 1 and t.text in unit_letters:
                items.append(("fvar", t.text))  # δ_j, w_{kj}: a free entry index
                j += 1
            elif mark == "_" and t.text == "," and items and items[-1][0] in ("fvar", "var", "num"):
                j += 1  # w_{j,k}
            else:
                items.append(("other", "".join(x.text for x in toks)))
                j = len(toks)
        return items

    def _layer_first(self, toks: list[Tok]) -> list | None:
        """XDean's a_{l,j}, \\omega_{l+1,j,k}, w_{l,jk}, \\delta_{L,j} (option ``layer_first``): a generic layer (l,
        l ± 1, L, L − 1) first, then the entry's indices after a comma. None for anything else."""
        comma = next((k for k, t in enumerate(toks) if t.text == ","), None)
        if comma not in (1, 3):
            return None
        head, rest = toks[:comma], [t for t in toks[comma + 1:] if t.text != ","]
        if not 1 <= len(rest) <= 2 or len({t.text for t in rest}) < len(rest) or not all(
                t.kind == "id" and len(t.text) == 1 and t.text.islower() for t in rest):
            return None
        layer = self.layer_var(head, self.layer_letters)
        if layer is None and (head[0].text,) in self.depth_names and self.depth_net:
            layer = self.layer_number(head)
        if layer is None:
            return None
        return [("layer", layer)] + [("var", t.text) if t.text in self.bound else ("fvar", t.text) for t in rest]

    def layer_number(self, toks: list[Tok]) -> int:
        texts = [t.text for t in toks]
        if len(texts) == 1 and toks[0].kind == "num" and "." not in texts[0]:
            if self.opts.get("layers_reversed") and self.depth_net and 1 <= int(texts[0]) <= self.depth_net:
                return self.depth_net + 1 - int(texts[0])  # (Kubat's w^{(1)}: the output layer's, numbered from it)
            return int(texts[0])
        word = "".join(texts).lower()  # a layer named by its role: Chambrin's (O), (H); Raschka's (out), (h), (in)
        if self.depth_net and word in _OUTPUT_WORDS:
            return self.depth_net + self.units_off
        if self.depth_net and word in _HIDDEN_WORDS:
            if self.depth_net == 2:  # the hidden layer of a one-hidden-layer net
                return 1 + self.units_off
            raise Unreadable(f"the layer ({''.join(texts)}) names the hidden layer, but the network has "
                             f"{self.depth_net - 1} hidden layers; write the layer's number")
        if self.depth_net and word in _INPUT_WORDS:  # the input, layer 0
            return self.units_off
        name = next((n for n in self.depth_names if tuple(texts[:len(n)]) == n), None)
        if name is not None and self.depth_net:
            out = self.depth_net + self.units_off  # L, the output layer, in the answer's numbering
            rest = texts[len(name):]
            if not rest:
                return out
            if len(rest) == 2 and rest[0] in "+-" and toks[len(name) + 1].kind == "num" and rest[1].isdigit():
                return out + (int(rest[1]) if rest[0] == "+" else -int(rest[1]))
        raise Unreadable(f"the layer index ({''.join(texts)}) is not a number; write a concrete layer, e.g. (2)")

    def _writes_role(self, letter: str) -> bool:
        """Whether the claim names a layer by ``letter`` in parentheses, ``a^{(H)}``: then a bare ``z^{H}`` is that
        layer too (alone, an upper-case superscript may be something else: H a conjugate transpose). The whole
        claim's tokens are looked at once (a script's own parser shares the flags: ``\\nabla_{z^{H}}``)."""
        if "roles" not in self.flags:
            self.flags["roles"] = {self.t[k + 2].text for k in range(len(self.t) - 3) if self.t[k].text == "^"
                                   and self.t[k + 1].text == "(" and self.t[k + 3].text == ")"} | {
                self.t[k + 3].text for k in range(len(self.t) - 5) if self.t[k].text == "^" and self.t[k + 1].text == "{"
                and self.t[k + 2].text == "(" and self.t[k + 4].text == ")"}
        return letter in self.flags["roles"]

    def constant(self, name: str) -> Node:
        value = CONSTS[name]
        if value == "N" and self.is_("_") and self.opts.get("sizes"):
            size = self.layer_size()
            if size is not None:
                return num(size)
        if self.is_("^") and name == "beta":  # Ruder's \beta^t_1: the power written before the index
            start = self.i
            self.next()
            sup = self.script()
            if self.is_("_"):
                self.next()
                s = self.script()
                if [t.text for t in s] in (["1"], ["2"]):
                    return self.power(Node("const", (), "beta" + s[0].text), sup)
            self.i = start
        if self.is_("_") and name == "beta":
            self.next()
            s = self.script()
            if [t.text for t in s] in (["1"], ["2"]):
                return Node("const", (), "beta" + s[0].text)
            raise Unreadable("cannot read the subscript of \\beta")
        if name == "eta" and self.is_("_"):  # a Chinese textbook's η_k, η_j: the rate of the layer of unit k, j —
            start = self.i  # the spec's one learning rate (a letter or a layer script, never a number: η_1 may be a step's)
            self.next()
            if [t.kind for t in self.script()] == ["id"]:
                return Node("const", (), value)
            self.i = start
        if self.is_("_") or (self.is_("^") and self.peek(1) is not None and self.peek(1).text in ("(", "[")):
            raise Unreadable(f"an index on \\{name} is not supported")
        return Node("const", (), value)

    def layer_size(self) -> int | None:
        """N_{out}, n_{in}, n_h, n_x, n_y: the number of units of a layer named by its role (after N, n or m; the
        subscript consumed), or None (then nothing is consumed)."""
        start = self.i
        self.next()
        toks = self.script()
        word = "".join(t.text for t in toks if t.text not in "{}").lower().removeprefix("txt")
        sizes = self.opts["sizes"]
        if toks and toks[0].text in {n[0] for n in self.depth_names if len(n) == 1}:
            # n_L, n_{L-1}: the number of units of the output layer and the one before it (XanNotZan's C = \frac{1}{n_L}
            # \sum_j …, "n_L is the number of neurons in the output layer")
            try:
                layer = self.layer_number(toks) - self.units_off
            except Unreadable:
                layer = None
            if layer is not None and 0 <= layer < len(sizes):
                return int(sizes[layer])
        role = {"out": -1, "output": -1, "o": -1, "y": -1, "in": 0, "input": 0, "x": 0, "i": 0}.get(word)
        if role is None and word in ("h", "hidden") and len(sizes) == 3:
            role = 1  # n_h: the hidden layer of a one-hidden-layer network
        if role is None:
            self.i = start
            return None
        return int(sizes[role])

    def _tilde(self, tok: Tok) -> Node:
        """``\\tilde{H}_k``, ``\\tilde{W}_l``: the letter under the tilde with its scripts, augmented (augmented.py)."""
        letter = tok.text[len("tilde"):]
        if self.bases.get(letter) not in ("h", "x", "W"):
            raise Unreadable(f"\\tilde{{{letter}}}: the tilde is read on the activations (H, A, X) and the weights W")
        return augmented.tilde(self.symbol(letter, tok))

    def _slice(self) -> list | None:
        """A NumPy slice after a matrix, ``[:, :-1]``, ``[:, 1:]``, ``[0, :]``: its parts (an index, or (start, stop)),
        or None (the position kept) when the bracket holds no colon — then it is no slice."""
        j, parts, cur = self.i + 1, [], []
        while j < len(self.t) and j < self.i + 16 and self.t[j].text != "]":
            if self.t[j].text == ",":
                parts.append(cur)
                cur = []
            else:
                cur.append(self.t[j].text)
            j += 1
        parts.append(cur)
        if j >= len(self.t) or self.t[j].text != "]" or not any(":" in p for p in parts) or len(parts) > 2:
            return None
        out = []
        for p in parts:
            text = "".join(p)
            if not re.fullmatch(r"-?\d{0,3}(?::-?\d{0,3})?", text):
                raise Unreadable(f"cannot read the slice [{text}]")
            if ":" in text:
                a, b = text.split(":")
                out.append((int(a) if a not in ("", "-") else None, int(b) if b not in ("", "-") else None))
            elif text:
                out.append(int(text))
            else:
                raise Unreadable("an empty part in a slice")
        self.i = j + 1
        return out

    def grad_prefix(self) -> Node:
        """Andrew Ng's ``dW^{[2]}``, ``dz^{[2]}``, ``da^{[1]}``: the gradient of J by the quantity (each example's own,
        stacked, unless the answer defines the letters as its batch objective's: option ``d_objective``)."""
        tok = self.next()
        q = self.symbol(tok.text, tok, prefix=True)
        return self.gradient(q, "loss", per_sample=not self.opts.get("d_objective"))

    def gradient(self, q: Node, loss: str, per_sample: bool = False) -> Node:
        """∂loss/∂q. In a batch, ``\\frac{\\partial J}{\\partial Z}`` is the derivative of the mean J (with its
        1/N, as CS231n's dscores); Ng's ``dZ``, ``dA`` (``per_sample``) are each sample's own, stacked, as δ is."""
        if q.op == "sample" and q.args[0].op == "q" and q.args[0].value[0] in ("z", "h", "yhat", "xhat"):
            # dz^{[1](n)}: δ of sample n; ∂J/∂z^{(1)(n)} with J the batch mean: that sample's δ / N
            return Node("sample", (self.gradient(q.args[0], loss, per_sample),), q.value)
        if q.op == "pow" and per_sample:  # dW^2: the square of the gradient
            return Node("pow", (self.gradient(q.args[0], loss, per_sample), q.args[1]))
        if q.op in ("comp", "entry") and q.args[0].op == "q" and q.args[0].value[0] == "x" and not self.opts.get(
                "input_entries"):
            # ∂E/∂x_j: Rumelhart et al.'s x_j is a unit's total input; the input's gradient is read whole (∂J/∂x)
            raise Unreadable("the derivative by one entry x_j is not read (x_j may be a unit's total input); write ∂J/∂x")
        if q.op in ("comp", "entry"):  # ∂C/∂w_{jk} is the entry (j, k) of ∂C/∂W
            return Node(q.op, (self.gradient(q.args[0], loss, per_sample),), q.value)
        if q.op == "T" and loss == "loss" and q.args[0].op in ("q", "sample"):
            return Node("T", (self.gradient(q.args[0], loss, per_sample),))  # dZ^{[2]T}: the transpose of dZ^{[2]}
        if q.op == "T" and q.args[0].op == "q" and q.args[0].value[0] == "W":
            # the answer's own letter for a weight in the other orientation (paramletters.py: w^T h with w = W⁽²⁾ᵀ):
            # ∂ℓ/∂(Wᵀ) = (∂ℓ/∂W)ᵀ
            return Node("T", (self.gradient(q.args[0], loss, per_sample),))
        if q.op == "aug":
            return augmented.gradient(self, q, loss, per_sample)  # ∂L/∂\tilde{W}_l, ∂L/∂\tilde{H}_k
        if q.op == "sub" and all(a.op == "q" for a in q.args) and {a.value for a in q.args} == {("yhat", None), ("y", None)}:
            # ∂L/∂e of the answer's error e = ŷ − y (smaxx73's; Haykin's e = y − ŷ): the target is constant, ±∂L/∂ŷ
            g = self.gradient(Node("q", (), ("yhat", None)), loss, per_sample)
            return g if q.args[0].value == ("yhat", None) else Node("neg", (g,))
        if q.op != "q":
            raise Unreadable("a derivative with respect to a transposed or raised quantity is not supported")
        if loss in ("lossMSE", "lossSSE"):
            return self._named_squared(q, loss, per_sample)
        if self.opts.get("loss_scale") and loss in ("loss", "lossL") and not getattr(self, "_scaling", False):
            self._scaling = True  # the answer's own objective: k × the spec's (3Blue1Brown's C_0 without the ½)
            try:
                return self.scaled(self.gradient(q, loss, per_sample))
            finally:
                self._scaling = False
        if loss == "lossOmega":  # ∇_W Ω(θ) = (∂R/∂W) / λ
            return Node("div", (self.gradient(q, "lossR", per_sample), Node("const", (), "lambda")))
        kind, layer = q.value
        if kind not in GRAD:
            raise Unreadable(f"the derivative with respect to {kind} is not a quantity gradproof derives")
        g = GRAD[kind]
        opts = self.opts
        if int(opts.get("batch", 1)) > 1 and g in BATCH_SCALED:
            # ℓ (\ell, \mathcal{L}) is one example's loss; δ is each sample's own unless the answer's δ carries 1/N
            per_sample = per_sample or loss == "lossL" and (self.loss_word == "ell" and opts.get("ell") != "batch"
                                                            or self._example_loss())  # (Duan's L)
            g = BATCH_SCALED[g][per_sample]
        if g == "delta" and opts.get("delta_scale") == "mean" and int(opts.get("batch", 1)) > 1:
            g = "dz"
        if loss == "lossR" and g not in ("dW", "db"):
            raise Unreadable("the regularizer R depends on the weights only")
        if (loss == "lossL" and (self.loss_word == "ell" and opts.get("ell") != "batch" or self._example_loss())
                and g in ("dW", "db", "dWb") and opts.get("chosen_batch") and not per_sample):
            # a document judged with a batch the tool chose (it averages over m examples): ∇_W ℓ, one example's loss,
            # names no example — the answer's per-example formulas (x^T δ) are not the batch's
            raise Unreadable("ℓ is one example's loss and the document works with a batch of m: which example is not "
                             "said (write it for the batch cost J, or with the example's index)")
        if loss in ("lossL", "lossR") and g in ("dW", "db", "dWb"):
            g += "L" if loss == "lossL" else "R"
        return Node("q", (), (g, layer))

    def _example_letter(self, letter: str) -> bool:
        """Whether ``letter`` on the objective names one example: a sum's index, the answer's sample letter, or
        Nielsen's x beside a^{x,l} (option example_x: C_x is example x's cost)."""
        return letter in self.bound or letter == self.opts.get("sample_letter") or letter == "x" and bool(
            self.opts.get("example_x"))

    def loss_symbol(self) -> str:
        tok = self.next()
        if tok.text not in LOSSES:
            raise Unreadable(f"expected the objective (J, L, E, C, \\ell or R) after \\partial, found '{tok.text}'")
        self.loss_word = tok.text
        own = None
        ahead = [t for t in self.t[self.i + 1:self.i + 5]]
        inner = ahead[1:3] if ahead[:1] and ahead[0].text == "{" else ahead[:2]
        if self.opts.get("objective_terms") and self.is_("_") and [t.text for t in ahead[:3]] != ["{", "total", "}"] and (
                self.unit(inner) is None or self.unit(inner)[0] != self.depth_net):  # (Mazur's E_{o1} reads)
            raise Unreadable(f"{tok.text} with an index is one output's term of the answer's own objective ({tok.text} = "
                             f"{tok.text}_1 + {tok.text}_2 + …, units named by in/out): its form is the answer's, not the "
                             "spec's loss, so it is not read")
        if self.is_("_") and self.peek(1) is not None and self.peek(1).kind in ("id", "num") and len(self.peek(1).text) == 1:
            self.next()  # E_n, L_i, C_x, E_d, C_0: one example's loss (claims are about one; in a sum, that one's)
            letter = self.next().text
            own = letter if self._example_letter(letter) else None
        elif (self.is_("_") and self.is_("{", 1) and self.is_("}", 3) and self.peek(2).kind in ("id", "num")
              and len(self.peek(2).text) == 1):
            letter = self.peek(2).text  # Prince's \ell_{i}: the braced index of one example's loss
            self.i += 4
            own = letter if self._example_letter(letter) else None
        elif self.is_("_") and (width := self._whole_objective_word()):
            self.i += width  # Mazur's E_{total}, zaidanmir's L_\text{batch}, J_{train}: the objective, named by a word
        elif self.is_("^") and (sample := self._sample_superscript()) is not None:
            own = sample if sample in self.bound else None  # L^{(i)}, J^{(i)}: one example's loss, as L_i
        data, self.loss_sample = self.skip_arguments()
        self.loss_sample = self.loss_sample or own
        if self._whole_objective(tok.text):
            return "lossL" if data else "loss"  # CS231n: L is the whole objective, data loss plus regularization
        return "lossL" if data and LOSSES[tok.text] == "loss" else LOSSES[tok.text]

    def _example_loss(self) -> bool:
        """Whether the objective's letter just read is the one the answer names one example's loss by (infer's option
        ``example_loss``: Duan's L(y_i, \\hat{y_i}) beside C = \\frac{1}{m} \\sum_i L)."""
        own = self.opts.get("example_loss")
        return own is not None and self.loss_word == own

    def _whole_objective_word(self) -> int:
        """At ``_`` after an objective's letter: how many tokens a word naming the whole objective takes, the ``_``
        included (``_\\text{batch}``, ``_{\\text{total}}``, ``_{train}``: _OBJECTIVE_WORDS); 0 if it names none."""
        nxt = self.peek(1)
        if nxt is not None and nxt.text in _OBJECTIVE_WORDS:
            return 2
        if not self.is_("{", 1):
            return 0
        letters, k = [], 2
        while k < 16 and self.peek(k) is not None and self.peek(k).text != "}":
            letters.append(self.peek(k).text)
            k += 1
        if self.peek(k) is None or "".join(letters) not in _OBJECTIVE_WORDS:
            return 0
        return k + 1

    def _sample_superscript(self) -> str | None:
        """At ``^``: an example's index in parentheses, ``^{(i)}`` or ``^(i)`` (deeplearning.ai's L^{(i)}, schrader's
        C^{(l)} for data point l), consumed; its letter, or None (nothing consumed)."""
        texts = [t.text for t in self.t[self.i + 1:self.i + 6]]
        if texts[:2] == ["{", "("] and len(texts) == 5 and texts[3:] == [")", "}"]:
            letter, width = texts[2], 6
        elif texts[:1] == ["("] and len(texts) >= 3 and texts[2] == ")":
            letter, width = texts[1], 4
        else:
            return None
        if not (len(letter) == 1 and letter.isalpha() and letter.islower()):
            return None
        self.i += width
        return letter

    def _whole_objective(self, name: str) -> bool:
        """Whether the letter ``name`` (L, or ℓ/𝓛 by its own definition) is the whole objective, penalty included,
        not the data loss it names by default (options ``L``/``ell`` = "objective")."""
        return name in ("L", "ell") and self.opts.get(name) == "objective"

    def wrt(self) -> Node:
        macro = self.macro()  # \partial W_o with "W_o" = "W2"
        if macro is not None:
            return self._entry_script(macro) if self.is_("_") and self.macro_end == self.i else macro
        tok = self.next()
        if tok.text in MAZUR_WORDS and tok.kind == "id" and tok.text not in self.bases:
            return self.mazur_unit(tok.text)
        if tok.text in LOSSES or tok.text in self.own_bases:  # the numerator of a Jacobian: Mazur's E_{o1}, Prince's Ω_k
            return self.symbol(tok.text, tok)
        hat = tok.kind == "cmd" and tok.text.startswith("hat")
        if tok.kind == "cmd" and tok.text.startswith("tilde") and self.opts.get("augmented") == "last":
            return self._tilde(tok)  # ∂L/∂\tilde{W}_l (augmented.py)
        if not (tok.text in self.bases or tok.text in self.fixed or tok.text in ("delta", "Delta") or hat):
            raise Unreadable(f"cannot take the derivative with respect to '{tok.text}'")
        name = "yhat" if tok.kind == "cmd" and tok.text.startswith("hat") else tok.text
        node = self.symbol(name, tok)
        if self.is_("[") and node.op == "q" and (letters := self._bracket_indices()):
            return Node("comp", (node,), letters[0]) if len(letters) == 1 else Node("entry", (node,), tuple(letters))
        return node  # (∂L/∂W_2[i][j]: one entry, as postfix reads it)

    def signed_wrt(self) -> tuple[Node, bool]:
        """The quantity a derivative is taken by, and whether it is written negated, ``\\partial (-z_j)`` (Zhou's
        ∂/∂θ_j with θ_j entering only through z_j = β_j − θ_j: thresholds.py): ∂X/∂(−q) = −∂X/∂q, for a forward
        quantity q (z, h, ŷ, x or an entry)."""
        if self.is_("(") and self.is_("-", 1):
            start = self.i
            self.i += 2
            try:
                q = self.wrt()
                self.expect(")")
                if _FORWARD_QUANTITY(q):  # (a parameter negated, ∂β_j/∂(−b_j), is no threshold's z: not read)
                    return q, True
            except Unreadable:
                pass
            self.i = start
        return self.wrt(), False

    def frac(self) -> Node:
        self.expect("{")
        nxt = self.peek(1)
        if self.is_("partial") and nxt is not None and nxt.text not in self.bases and nxt.text not in self.fixed and (
                nxt.text in self.funcs or nxt.text.lower() in FUNCS):
            start = self.i  # Raschka's \frac{\partial \phi(z^{(2)})}{\partial z^{(2)}}: the function's derivative φ'(z)
            try:
                return self.total_derivative()
            except Unreadable as exc:
                if str(exc).startswith("parsing took longer"):
                    raise
                self.i = start
        if self.is_("partial") and self.peek(1) is not None and (self.peek(1).text not in LOSSES and self.peek(1).text != "}"
                                                                  or self._loss_unit_ahead()):
            start = self.i
            try:
                return self.jacobian()
            except Unreadable as exc:
                if str(exc).startswith("parsing took longer"):
                    raise
                self.i = start
                try:  # Runevic's \frac{\partial \log(p_i)}{\partial z_k^{(2)}}: the derivative of an expression
                    return self.expression_derivative()
                except Unreadable:
                    raise exc from None
        if self.is_("partial") or (self.is_("d") and self.peek(1) is not None and self.peek(1).text in LOSSES):
            self.next()
            empty = self.is_("}")
            self.loss_sample = None
            loss = "loss" if empty else self.loss_symbol()
            self.expect("}")
            self.expect("{")
            if self.is_("partial") or self.is_("d"):
                self.next()
            elif empty or self.peek() is None or self.peek().kind != "id":
                raise Unreadable("expected \\partial in the denominator")
            # (McLaughlin's \frac{\partial L}{W_{i,j}}: the ∂ under the bar left out; ∂L over a letter is no quotient)
            start = self.i
            try:
                q, negated = self.signed_wrt()
                self.expect("}")
            except (NeedsLayer, NoSuchLayer):
                raise
            except Unreadable as exc:
                self.i = start  # \frac{\partial L}{\partial (W_2 h + b_2)}: by a layer's summed input written out
                q, negated = self._summed_input_in_group(), False
                if q is None:
                    raise exc from None  # (its own reason: the judge's other readings go by it)
            if negated and empty:
                raise Unreadable("\\frac{\\partial}{\\partial (-q)} before an expression is not read; write the derivative by q")
            if loss == "loss" and self.peek() is not None and self.peek().text in LOSSES:
                loss = self.loss_symbol()  # \frac{\partial}{\partial W} J
            elif empty and _FORWARD_QUANTITY(q) and (self.is_("(") or self.is_("[") or self.is_("-") and (
                    self.is_("(", 1) or self.is_("[", 1))):
                # Koerbitz's \frac{\partial}{\partial w}(w x + b), Thill's \frac{\partial}{\partial z_i}\left[\frac{1}{2}(…)^2
                # \right]: the derivative of the expression after it; cjhjhj's \frac{\partial}{\partial O_{out_1}}-(y_1
                # log(O_{out_1}) + …): of the negated expression (the operator is written first, its objective never)
                minus = self.is_("-") and bool(self.next())
                body = self.group(")" if self.next().text == "(" else "]")
                while self.is_("^"):  # Rudra's \frac{\partial}{\partial \hat Y} (Y - \hat Y)^2: the power is inside
                    self.next()
                    body = self.power(body, self.script())
                return Node("dexpr", (Node("neg", (body,)) if minus else body, q))
            elif empty and self.peek() is not None and self.peek().text not in RELATIONS and self.peek().text not in (
                    "+", "-", ")", "}", "]", "&", ","):
                applied = self._operator_on_one(q) if _FORWARD_QUANTITY(q) else self._operator_on_quantity(q)
                if applied is None and not _FORWARD_QUANTITY(q) and _ONE_WEIGHT(q):
                    start = self.i  # Soliday's ∂/∂W^{L-1}_{k,j} σ(z^L_m), maxamb's ∂/∂ω_{ji} a_i ω_{ji}: by one weight, an
                    applied = self._operator_on_one(q)  # expression of entries (of a whole vector, W h + b, the claim
                    if applied is not None and not _of_entries(applied.args[0]):  # means one entry, which: not said)
                        applied, self.i = None, start
                if applied is not None:
                    return applied
                raise Unreadable("the derivative of an expression written out, \\frac{\\partial}{\\partial q}(…), is read "
                                 "with the expression in parentheses after it, by z, h, \\hat y or x")
            if self.loss_sample is not None and q.op in ("comp", "entry") and self.loss_sample in (
                    q.value if isinstance(q.value, tuple) else (q.value,)):
                raise Unreadable(f"the index {self.loss_sample} names both the example and an entry of the derivative")
            grad = self.gradient(q, loss, per_sample=self.loss_sample is not None)
            grad = Node("neg", (grad,)) if negated else grad
            if self.loss_sample is None or grad.op == "sample" and grad.value == self.loss_sample:
                return grad  # (∂E_n/∂z_n: the derivative by example n's z is already example n's)
            return Node("sample", (grad,), self.loss_sample)
        first = None
        if self.is_("d"):
            start = self.i
            for way in (self.total_derivative, self._d_jacobian):
                try:
                    return way()
                except Unreadable as exc:
                    if str(exc).startswith("parsing took longer"):
                        raise
                    first = first or exc  # \frac{d\sigma(z)}{dz} with z of no layer: say that, not "unknown d"
                    self.i = start
        typo = self._d_missing() if first is None else None
        if typo is not None:
            return typo
        try:
            num_ = self.group("}")
        except Unreadable:
            if first is not None:
                raise first from None
            raise
        self.expect("{")
        nxt = self.peek(1)
        if first is not None and self.is_("d") and nxt is not None and (
                nxt.text in self.bases or nxt.text in self.fixed or nxt.kind == "cmd" and nxt.text.startswith("hat")):
            # \frac{dz}{dw_1} whose derivative did not read: d over d is a derivative, never Ng's dz divided by dw_1
            # (a ratio of two gradients is nothing backprop computes; read so, ∂z/∂w_1 came out as 1/x_1)
            raise first
        den = self.group("}")
        return Node("div", (num_, den))

    def _operator_on_one(self, q: Node) -> Node | None:
        """``\\frac{\\partial}{\\partial q}``, q a forward quantity or one weight, before one term that ends the side — a
        symbol with its scripts or a function applied (johnphilipp's ``\\frac{\\partial}{\\partial z_j^{[L]}}
        f(z_j^{[L]})``), a product (maxamb's ``\\frac{\\partial}{\\partial \\omega_{ji}} a_i \\omega_{ji}``), a sum whose term
        it takes (``\\frac{\\partial}{\\partial a_j} \\sum_k (…)^2``): the derivative of that expression. None (nothing
        consumed) where more follows the term (``∂/∂a x + y``: which part is differentiated is not written)."""
        start = self.i
        try:
            body = self.term()  # (one factor, a product of factors — maxamb's a_i ω_{ji} — or a sum's term)
        except Unreadable:
            self.i = start
            return None
        nxt = self.peek()
        vector = any(t.text in ("softmax", "logsoftmax") for t in self.t[start:self.i])  # (cjhjhj's ∂/∂O_{in_1}
        # softmax(O_{in_1}): the softmax of one entry, his shorthand for its entry 1, not the softmax of a number)
        if not vector and (nxt is None or nxt.text in RELATIONS or nxt.text in ("&", ",", "\\", "}")):
            return Node("dexpr", (body, q))
        self.i = start
        return None

    def _operator_on_quantity(self, q: Node) -> Node | None:
        r"""``\frac{\partial}{\partial w_{jk}} a_k`` (Stansbury's): the operator by a parameter before one forward
        quantity that ends the side — the derivative of that quantity by the parameter, as ``\partial a_k / \partial
        w_{jk}`` reads. None (nothing consumed) for anything else (an expression by a parameter needs the forward pass
        again: not read)."""
        start = self.i
        try:
            body = self.postfix()
        except (Unreadable, NeedsLayer, NoSuchLayer):
            self.i = start
            return None
        nxt = self.peek()
        if _FORWARD_QUANTITY(body) and (nxt is None or nxt.text in RELATIONS or nxt.text in ("&", ",", "\\", "}")):
            try:
                return self._jacobian_of(body, q)
            except Unreadable:
                pass
        self.i = start
        return None

    def _d_missing(self) -> Node | None:
        """Erika Duan's ``\\tfrac{A^{[3]}}{dZ^{[3]}}``: a forward quantity over d and a forward quantity, the d of the
        numerator lost (an activation divided by a gradient is nothing backprop computes): read as dA/dZ. None (and
        nothing consumed) for any other fraction."""
        start, tok = self.i, self.peek()
        if tok is None or tok.text in ("d", "partial") or not (
                tok.text in self.bases or tok.kind == "cmd" and tok.text.startswith("hat")):
            return None
        try:
            top = self.wrt()
            self.expect("}")
            self.expect("{")
            if not self.is_("d"):
                raise Unreadable("no d")
            self.next()
            bottom = self.wrt()
            self.expect("}")
        except Unreadable:
            self.i = start
            return None
        self.i = start
        if not all(q.op == "q" and q.value[0] in ("z", "h", "yhat") for q in (top, bottom)):
            return None
        self.t = [*self.t[:start], Tok("id", "d", tok.pos), *self.t[start:]]
        return self._d_jacobian()

    def _d_jacobian(self) -> Node:
        """``\\frac{dy}{dz}``, ``\\frac{dz}{dw}``: a derivative of one quantity by another written with d."""
        nxt = self.peek(1)
        if nxt is None or nxt.text in LOSSES or not (nxt.text in self.bases or nxt.text in self.fixed
                                                     or nxt.kind == "cmd" and nxt.text.startswith("hat")):
            raise Unreadable("not a derivative of a quantity")
        return self.jacobian()

    def error_signal(self) -> Node:
        """Grosse's error signal ``\\bar{v}`` = ∂J/∂v (CSC321/CSC413): ``\\bar{z}``, ``\\bar{h}_i``, ``\\bar{w}^{(2)}_{ki}``,
        ``\\bar{\\mathbf{W}}^{(1)}``; its scripts follow the bar."""
        braced = self.is_("{")
        if braced:
            self.next()
        tok = self.next()
        if braced:
            self.expect("}")
        name = "yhat" if tok.kind == "cmd" and tok.text.startswith("hat") else tok.text
        if name in LOSSES and (name not in ("R",) and LOSSES[name] in ("loss", "lossL")):
            if self.is_("_"):
                raise Unreadable("the error signal of a named part of the objective is not read")
            return num(1.0)  # \bar{\mathcal{L}} = dL/dL = 1: the start of the backward pass
        if name in LOSSES:
            raise Unreadable(f"the error signal of {name}, a part of the objective, is not read")
        if not (name in self.bases or name in self.fixed or name == "yhat"):
            raise Unreadable(f"\\bar{{{tok.text}}}: an error signal of a quantity gradproof does not know")
        if self.n_regularized and not any(t.text == "R" for t in self.t):
            raise Unreadable("with a regularizer, \\bar{v} may be the derivative of the data loss or of the whole "
                             "objective; the answer does not say which here")
        quantity = self.symbol(name, tok)
        inner = quantity.args[0] if quantity.op in ("comp", "entry") else quantity  # (\bar y_i: an entry)
        if name in self.opts.get("own_bars", ()) and inner.op == "q" and inner.value[0] not in GRAD:
            # xopes's smoothed target \bar y = (1-\lambda) y + \lambda/v 1: no error signal of the target exists
            raise Unreadable(f"\\bar{{{tok.text}}} is the answer's own quantity (it defines it by an expression, "
                             "and the target has no error signal); gradproof does not read it")
        return self.gradient(quantity, "loss")

    def total_derivative(self) -> Node:
        """``\\frac{d \\sigma(y)}{dy}``, ``\\frac{d}{dz} g(z)``, ``\\frac{d\\sigma}{dz}``: the derivative of a function of one
        variable, read as φ'(v) (the frac's opening brace is consumed); with ∂ for d alike (an elementwise function)."""
        d = "partial" if self.is_("partial") else "d"
        self.expect(d)
        fn_name = None
        if self.is_("}"):
            inner = None
        elif self.peek(1) is not None and self.peek(1).text == "}" and (
                self.peek().text in self.funcs or self.peek().text.lower() in FUNCS):
            fn_name, inner = self.next().text, None
        else:
            inner = self.postfix()
        self.expect("}")
        self.expect("{")
        self.expect(d)
        v = self.postfix()  # dz, \partial z^{(2)}: a quantity with its scripts
        self.expect("}")
        if inner is None and fn_name is None:
            inner = self.postfix()  # \frac{d}{dz} g(z)
        if fn_name is not None:
            fname = self.funcs.get(fn_name) or FUNCS.get(fn_name.lower())
            return Node("fn", (v,), (fname, None, True))
        if ((inner.op not in ("fn", "q", "comp", "entry") or inner.op == "fn" and not inner.value[2]
             and inner.args[0].op not in ("q", "comp", "entry", "sample"))  # (\ln(1 + e^{z}): a function of an expression)
                and _FORWARD_QUANTITY(v) and int(self.opts.get("batch", 1)) == 1
                and any(n.op == "q" and n.value[0] not in ("y", "W", "b") for n in inner.walk())):
            # \frac{d}{dx}\left(\frac{1}{1 + e^{-x}}\right): an expression of forward quantities written out, its
            # derivative by one of them (central differences, as for ∂: parser.expression_derivative)
            return Node("dexpr", (inner, v), "elementwise")  # (d/dv: scalar calculus, entry by entry)
        if inner.op != "fn" or inner.value[2] or inner.args[0] != v:
            raise Unreadable("a total derivative d/dv is read for a function of v, e.g. \\frac{d \\sigma(z)}{dz}")
        return Node("fn", inner.args, (inner.value[0], inner.value[1], True))

    def _loss_unit_ahead(self) -> bool:
        """``\\partial E_{o1}``: the error of one output unit (Mazur), a forward quantity, not the objective."""
        toks = self.t[self.i + 1:self.i + 8]
        if len(toks) < 3 or toks[0].text not in LOSSES or toks[1].text != "_":
            return False
        inner = toks[3:5] if toks[2].text == "{" else toks[2:4]
        return self.unit(inner) is not None

    def expression_derivative(self) -> Node:
        """``\\frac{\\partial E}{\\partial q}`` with E an expression of forward quantities (``\\log(p_i)``,
        ``\\sum_j \\exp(z_j)``) and q a forward quantity or its entry: judged by central differences of the forward pass
        (shapes.evaluate, op ``dexpr``)."""
        self._partial()
        top = self.group("}")
        self.expect("{")
        self._partial()
        bottom, negated = self.signed_wrt()
        self.expect("}")
        if not (_FORWARD_QUANTITY(bottom) or _ONE_WEIGHT(bottom) and top.op not in ("q", "comp", "entry", "sample")):
            # (by one weight: an expression written out, never one quantity whose own derivative did not read)
            raise Unreadable("the derivative of an expression is read by z, h, \\hat y or x, or one entry of them, or by "
                             "one weight")
        (qt, it), (qz, iz) = _entry_of(top), _entry_of(bottom)
        if (qt.op == "q" and qt.value[0] == "b" and qz.op == "q" and qz.value[0] == "z" and qt.value[1] is not None
                and qt.value[1] == qz.value[1] and (it is None) == (iz is None) and not negated):
            # Nielsen's BP3 proven backwards: b^l_j = z^l_j − Σ_k w^l_{jk} a^{l-1}_k, so ∂b^l_k/∂z^l_j = δ_kj (the
            # weights and activations held): the inverse of ∂z/∂b, the identity — read as that
            node = self._jacobian_of(bottom, top)
            return Node("entry", node.args, (node.value[1], node.value[0])) if node.op == "entry" else node
        if qt.op == "q" and qt.value[0] in ("W", "b"):
            # ∂b_k/∂z_j of another layer, ∂W/∂z: a parameter by a quantity computed from it is no derivative of the
            # network's forward pass (0 as its graph reads it, which no one means)
            raise Unreadable("a derivative of a weight or bias by a quantity computed from it inverts the forward pass; "
                             "it is read only as ∂b^l/∂z^l = 1 (b^l = z^l − W^l a^{l-1})")
        if not any(n.op == "q" and n.value[0] not in ("y", "x") for n in top.walk()):
            # ∂y/∂h with y the target (a given number): 0 as read, but no one derives a given number — y is likely
            # the answer's output there (Luis's y = h²)
            raise Unreadable("the derivative of the target y (or the input) alone is 0 as read: y may be the answer's "
                             "output here; write \\hat y")
        node = Node("dexpr", (top, bottom))
        return Node("neg", (node,)) if negated else node

    def _partial(self) -> None:
        """∂ or d: Grosse's dy/dz between two quantities is ∂y/∂z."""
        if self.is_("d"):
            self.next()
            return
        self.expect("partial")

    def jacobian(self) -> Node:
        """``\\frac{\\partial \\hat y}{\\partial z^{(2)}}``, ``\\frac{\\partial a^L_j}{\\partial z^L_j}``: the derivative of one
        forward quantity by another (a Jacobian; for entries, its entry)."""
        self._partial()
        top = self.wrt()
        self.expect("}")
        self.expect("{")
        self._partial()
        bottom, negated = self.signed_wrt()
        self.expect("}")
        node = self._jacobian_of(top, bottom)
        return Node("neg", (node,)) if negated else node  # ∂b_h/∂(−z_h): Zhou's ∂b_h/∂γ_h (thresholds.py)

    def _jacobian_of(self, top: Node, bottom: Node) -> Node:
        if top.op == "q" and top.value[0] in ("loss", "lossL", "lossR") and bottom.op == "q":
            return self.gradient(bottom, top.value[0], False)  # d2l's ∂s/∂W^{(1)}: s is the answer's letter for R
        sizes = self.opts.get("sizes")
        if (bottom.op == "comp" and bottom.args[0].op == "q" and bottom.args[0].value[0] == "W" and sizes
                and isinstance(bottom.args[0].value[1], int) and 1 <= bottom.args[0].value[1] < len(sizes)
                and sizes[bottom.args[0].value[1]] == 1):
            # A-R007's ∂y'/∂W_i of one neuron: its weights are one row (column), W_i the weight of input i
            at = bottom.value
            bottom = Node("entry", bottom.args, (0, at) if self.opts.get("convention", "row") == "row" else (at, 0))
        if bottom.op == "entry" and bottom.args[0].op == "q" and bottom.args[0].value[0] == "W":
            qa, ia = _entry_of(top)  # ∂net_{o1}/∂w_5: the derivative by one weight
            sizes = self.opts.get("sizes")
            if ia is None and qa.op == "q" and qa.value[0] in ("z", "h", "yhat") and sizes and all(n == 1 for n in sizes):
                ia = 0  # NBIS's ∂a_2/∂w_2 in a chain of single neurons: a_2 is its one entry
            if ia is None and qa.op == "q" and qa.value[0] == "yhat" and sizes and sizes[-1] == 1:
                ia = 0  # rudra's ∂Ŷ/∂w_{11}^2: the one output unit
            if ia is None and qa.op == "q" and qa.value[0] in ("z", "h") and sizes and (
                    isinstance(qa.value[1], int) and 0 < qa.value[1] < len(sizes) and sizes[qa.value[1]] == 1
                    or qa.value[1] is None and len(sizes) == 2 and sizes[1] == 1):
                ia = 0  # mihai2014's ∂z/∂w_1 of logistic regression: z of a layer of one unit is its one entry
            if qa.op != "q" or qa.value[0] not in ("z", "h", "yhat", "lossc") or ia is None:
                raise Unreadable("a derivative by one weight is read for one entry of z, h or \\hat y")
            return Node("jacw", (qa, bottom.args[0]), (ia, *bottom.value))
        if bottom.op == "q" and bottom.value[0] == "W" and top.op == "q" and top.value[0] in ("z", "h", "yhat"):
            return Node("jacw", (top, bottom), None)  # 3Blue1Brown's ∂z^{(L)}/∂w^{(L)}: one unit per layer (a scalar)
        (qa, ia), (qb, ib) = _entry_of(top), _entry_of(bottom)
        if (qb.op == "q" and qb.value[0] == "b" and qa.op == "q" and qa.value[0] in ("z", "h") and qa.value[1] is not None
                and qb.value[1] is not None and qa.value[1] < qb.value[1]):
            raise Unreadable("a derivative by a bias of a later layer is 0 as written: the letters may be read wrongly; "
                             "name the layers")
        if qb.op == "q" and qb.value[0] == "b" and qa.op == "q" and qa.value[0] in ("z", "h", "yhat"):
            qb = Node("q", (), qb.value)  # ∂z_i/∂b_j = δ_{ij}: a derivative by a bias vector (Runevic, Hagan's ∂n/∂b)
        elif qb.op == "q" and qb.value[0] == "b":
            raise Unreadable("a derivative by a bias is read for z, h and \\hat y")
        for q in (qa, qb) if not (qb.op == "q" and qb.value[0] == "b") else (qa,):  # (qb may be no quantity: value None)
            if q.op != "q" or q.value[0] not in ("x", "z", "h", "yhat", "lossc", "F", "xhat"):
                raise Unreadable("a derivative of one quantity by another is read for x, z, h and \\hat y (per sample)")
        node = Node("jac", (qa, qb))
        if ia is None and ib is None:
            return node
        sizes = self.opts.get("sizes")
        if ia is None and ib is not None and qa.op == "q" and qa.value[0] == "yhat" and sizes and sizes[-1] == 1:
            ia = 0  # rudra's ∂Ŷ/∂b_{21}: the one output unit
        if ia is None or ib is None:
            raise Unreadable("index both quantities of the derivative (\\partial a_j / \\partial z_k), or neither")
        return Node("entry", (node,), (ia, ib))

    def inline_partial(self) -> Node:
        if self.peek() is not None and self.peek().text not in LOSSES and self.peek().text not in self.own_bases:
            top = self.wrt()  # UFLDL's \partial z_i^{(l+1)} / \partial b_i^{(l)} = 1: one quantity's by another, inline
            self.expect("/")
            self.expect("partial")
            bottom, negated = self.signed_wrt()
            node = self._jacobian_of(top, bottom)
            return Node("neg", (node,)) if negated else node
        self.loss_sample = None
        loss = self.loss_symbol()
        self.expect("/")
        self.expect("partial")
        sample = self.loss_sample  # ∂E_n / ∂z_n: example n's loss, by example n's z (as in the \frac form)
        grad = self.gradient(self.wrt(), loss, per_sample=sample is not None)
        if sample is None or grad.op == "sample" and grad.value == sample:
            return grad
        return Node("sample", (grad,), sample)

    def _gradient_of_sum(self, q: Node) -> Node | None:
        """At ``\\sum`` after ``\\nabla_q``: a sum over the examples of each one's loss, ``\\sum_i L(\\hat y^{(i)},
        y^{(i)})``, read as the sum of each example's gradient (as ``\\sum_i \\frac{\\partial L^{(i)}}{\\partial q}``); None
        (nothing consumed) for any other sum — ∇ then reads as before. (It had read ∇_θ as ∂J/∂θ times the sum.)"""
        start = self.i
        self.next()
        try:
            summed = self.summation()
        except (Unreadable, NeedsLayer, NoSuchLayer):
            summed = None
        if (summed is None or summed.op != "sum" or summed.args[0].op != "sample"
                or summed.args[0].args[0] != Node("q", (), ("lossn", None))):
            self.i = start
            return None
        return Node("sum", (Node("sample", (self.gradient(q, "lossL"),), summed.args[0].value),), summed.value)

    def nabla(self) -> Node:
        if self.is_("_"):
            self.next()
            toks = self.script()
            own = next((t.text for t in self.t if t.kind == "id" and t.text in self.layer_letters), None)
            if len(toks) == 1 and toks[0].kind == "id" and self.bases.get(toks[0].text) == "h" and self.depth_net and own:
                pos = toks[0].pos  # ∇_a C = (w^l)^T δ^{l+1}: the gradient by a^l, the layer the claim is about
                toks = [toks[0], Tok("op", "^", pos), Tok("op", "{", pos), Tok("id", own, pos), Tok("op", "}", pos)]
            elif (len(toks) == 1 and toks[0].kind == "id" and self.bases.get(toks[0].text) == "h" and self.depth_net
                  and not self.unindexed):  # (Shewchuk's ∇_h L beside h = s(Vx): the hidden layer's, read as h is)
                toks = [Tok("cmd", "haty", toks[0].pos)]  # Nielsen's \nabla_a C: the gradient by the output activations
            p = self.child(toks)
            try:
                q = p.wrt()
                failed = None if p.peek() is None else Unreadable("cannot read the subscript of \\nabla")
            except (NeedsLayer, NoSuchLayer):
                raise
            except Unreadable as exc:
                failed = exc
            if failed is not None:  # \nabla_{W_2 h + b_2} L: by a layer's summed input written out
                q = self._summed_input(toks)
                if q is None:
                    raise failed  # (its own reason: the judge's other readings go by it)
            nxt = self.peek()
            if (nxt is not None and nxt.text in ACTIVATION_NAMES and not self.is_("(", 1) and not self.is_("'", 1)
                    and q.op == "q" and q.value[0] == "z"):
                self.next()  # Chambrin's \nabla_{z^{H}} g: the componentwise activation's derivative at z, g'(z)
                return self.child([nxt, Tok("op", "'", nxt.pos), Tok("op", "(", nxt.pos), *toks,
                                   Tok("op", ")", nxt.pos)]).postfix()
            if nxt is not None and nxt.text.lower() in FUNCS and FUNCS[nxt.text.lower()] in ("lse", "logsoftmax", "rowsum"):
                return Node("dexpr", (self.postfix(), q))  # Shreyansh's ∇_z LSE(z): the gradient of a function of z
            if nxt is not None and nxt.kind == "cmd" and nxt.text == "sum" and q.op == "q":
                summed = self._gradient_of_sum(q)  # Goodfellow's ∇_θ Σ_i L(f(x^{(i)}; θ), y^{(i)}): Σ_i ∇_θ L^{(i)}
                if summed is not None:
                    return summed
            self.loss_sample = None
            loss = self.loss_symbol() if self.peek() is not None and self.peek().text in LOSSES else "loss"
            if loss == "loss" and nxt is not None and nxt.kind in ("id", "cmd") and any(k[0] == nxt.text for k, _ in self.macros):
                # ∇_w SSE(w), SSE the answer's own expression: the gradient of that expression, not ∇J times it
                raise Unreadable(f"the gradient of the answer's own {nxt.text} (an expression it defines) is not read")
            sample, self.loss_sample = self.loss_sample, None  # Nielsen's ∇_a C_x: example x's cost, by its own a
            if sample is None:
                return self.gradient(q, loss)
            grad = self.gradient(q, loss, per_sample=True)
            return grad if grad.op == "sample" and grad.value == sample else Node("sample", (grad,), sample)
        if self.peek() is not None and self.peek().text in LOSSES and self.peek(1) is not None and self.peek(1).text == "(":
            loss = self.loss_symbol()  # \nabla loss(scores): the gradient by the loss's argument
            self.expect("(")
            q = self.wrt()
            self.expect(")")
            return self.gradient(q, loss)
        nxt, after = self.peek(), self.peek(1)
        if (nxt is not None and nxt.text in LOSSES and (after is None or after.text not in ("(", "_", "^", "'"))
                and self._time_indexed()):
            tok = self.next()  # v_t = β v_{t-1} + (1 − β) ∇L: the loss's gradient by the state's parameter, as g_t
            return self.gradient(self.child([]).symbol("W", tok), "loss")
        loss = "loss"
        return self.gradient(self.wrt(), loss)

    def _summed_input_in_group(self) -> Node | None:
        """z⁽ˡ⁾ of a denominator that writes layer l's summed input out in parentheses, ``(W_2 h + b_2)}``, read to its
        closing brace (``_summed_input``); None otherwise (nothing consumed)."""
        if not self.is_("(") and not (self.is_("left") and self.is_("(", 1)):
            return None
        depth, k = 0, self.i
        while k < len(self.t) and not (depth == 0 and self.t[k].text == "}"):
            depth += {"{": 1, "}": -1}.get(self.t[k].text, 0)
            k += 1
        toks = [t for t in self.t[self.i:k] if t.text not in ("left", "right")]
        if len(toks) < 3 or toks[0].text != "(" or toks[-1].text != ")" or k >= len(self.t):
            return None
        q = self._summed_input(toks[1:-1])
        if q is not None:
            self.i = k + 1
        return q

    def _summed_input(self, toks) -> Node | None:
        """z⁽ˡ⁾ where ``toks`` write layer l's summed input out as the spec's convention computes it (row: W h + b, or a
        row h Wᵀ + b; column: Wᵀ h + b, or h W + b), its input the layer before's (x for layer 1); else None."""
        p = self.child(toks)
        try:
            node = p.expr()
        except Unreadable:
            return None
        if p.peek() is not None or node.op != "add" or len(node.args) != 2:
            return None
        for prod, bias in (node.args, node.args[::-1]):
            if not (bias.op == "q" and bias.value[0] == "b" and isinstance(bias.value[1], int) and prod.op == "mul"
                    and len(prod.args) == 2):
                continue
            layer = bias.value[1]
            w = Node("q", (), ("W", layer))
            source = Node("q", (), ("x", None)) if layer == 1 else Node("q", (), ("h", layer - 1))
            forms = ([(w, source), (source, Node("T", (w,)))] if self.opts.get("convention", "row") == "row"
                     else [(Node("T", (w,)), source), (source, w)])
            if tuple(prod.args) in forms:
                return Node("q", (), ("z", layer))
        return None

    def _time_indexed(self) -> bool:
        """Whether the claim writes a letter with the time index t (v_t, v_{t-1}): a recurrence of an optimizer state."""
        toks = self.t
        for k in range(len(toks) - 2):
            if toks[k].text == "_" and (toks[k + 1].text == "t" or toks[k + 1].text == "{" and toks[k + 2].text == "t"):
                return True
        return False

    # -- functions -----------------------------------------------------------------------------------
    def function(self, name: str) -> Node:
        start = self.i  # (just after the function's letter)
        fname = self.funcs.get(name) or FUNCS.get(name.lower()) or "phi"
        layer, deriv, power, named, unit = None, False, None, False, None
        while self.is_("^") or self.is_("_") or self.is_("'"):
            mark = self.next().text
            if mark == "'":
                deriv = True
                continue
            toks = self.script()
            texts = [t.text for t in toks]
            if mark == "_" and texts == ["M"] and fname == "sigmoid":
                fname = "softmax"
                continue
            if mark == "_" and "".join(texts).lstrip("\\") in ("act", "activation"):
                continue  # Kriesel's f_{act}, f'_{act}(net_h): "the activation function", a name, not a layer
            if _named_activation(name, fname, mark, texts) is not None:  # Ng's g_{\text{ReLU}}(Z[1]), g_{softmax}(Z[L])
                fname, named = _named_activation(name, fname, mark, texts), True
                continue
            if name == "f" and mark == "_" and texts in HYPOTHESIS_SCRIPTS and self.is_("("):
                if start == 1 and [t.text for t in self.t[self.i:self.i + 3]] == ["(", "x", ")"]:
                    # draco's "Linear Regression: f_{\vec{w},b}(\vec{x}) = \vec{w} \cdot \vec{x} + b" beside the
                    # logistic one: a claim that defines the model function may define another model than the spec's
                    raise Unreadable(f"{name}_{{…}}(x) = … defines a model's function; notes that compare models (Ng's "
                                     "linear and logistic regression) may define another model than the spec's: not judged")
                return self.hypothesis()  # Ng's Machine Learning Specialization: f_{\vec w, b}(\vec x^{(i)})
            items = self.index_items(toks, prime=True, mark=mark) if texts != ["-", "1"] else [("other", "-1")]
            for item in items:
                if item[0] == "prime":
                    deriv = True
                elif (item[0] == "num" and mark == "_" and self.opts.get("unit_numbers") and self.opts.get("sizes")
                      and (found := unitnumbers.layer_of(item[1], self.opts["sizes"])) is not None and found[0] >= 1):
                    unit = item[1]  # Suresh & Sardana's σ_8' = σ'(net_8): the slope at unit 8's summed input
                elif item[0] == "layer" or (item[0] == "num" and mark == "_"):
                    layer = item[1] - self.units_off
                elif item[0] == "fvar" and mark == "_" and self.generic_units and item[1] in self.unit_pos:
                    pass  # Haykin's φ_j: the activation of unit j, whose layer its argument v_j gives
                elif (item[0] == "fvar" and mark == "_" and self.unit_letters and not self.generic_units
                      and self.depth_net == 2 and item[1] in self.letter_layers and self.letter_layers[item[1]] >= 1):
                    layer = self.letter_layers[item[1]] - self.units_off  # Stansbury's g_j, g_k: unit j's, k's layer
                elif item[0] == "num" and fname == "phi" and mark == "^" and (
                        self.opts.get("layer_letter") or self.opts.get("superscript") == "layer") and layer is None and (
                        not self._unlayered_argument()):
                    layer = item[1] - self.units_off  # Hagan's f^2(n^2), \dot f^1: the function of layer 2 (bare layers)
                elif item[0] == "num":
                    power = item[1]
                else:
                    raise Unreadable(f"cannot read the script {''.join(texts)} on the function {name}")
        if named and (self._backward_claim() or self.t[:1] and self.t[0].text == name):
            # Nafiz's template: "g_{ReLU}(Z[l]) is the derivative of the ReLU" in dZ[l] = W[l+1]^T dZ[l+1] · g_{ReLU}(Z[l]),
            # and g_{ReLU}(Z[l]) = \begin{cases} 1 … defines it so: read in forward steps only (A[1] = g_{ReLU}(Z[1]))
            raise Unreadable(f"cannot read the script on the function {name} here: {name} with the name of its function is "
                             "read in a forward step; in a backward step or its own definition an author may mean the "
                             "derivative (Nafiz's template does)")
        fname = self._layer_sigma(name, fname, layer)
        slope_of_unit = self.child(tokenize(normalize(f"net_{{{unit}}}"), self.n)).expr() if unit is not None else None
        if slope_of_unit is not None and (self.is_("(") or self.is_("{") or self.is_("[")):
            # σ_4'((n_8 - y_1) σ_8' w_{48} + …): the unit's slope times a bracket, unless the bracket holds the unit's
            # own summed input (σ_8'(net_8))
            start = self.i
            try:
                close = {"(": ")", "{": "}", "[": "]"}[self.next().text]
                inner = self.expr()
                self.expect(close)
            except Unreadable:
                inner = None
            if inner != slope_of_unit:
                self.i = start
        if slope_of_unit is not None and deriv and fname != "max":
            arg = slope_of_unit
        elif self.is_("(") or self.is_("{") or self.is_("["):
            close = {"(": ")", "{": "}", "[": "]"}[self.next().text]
            saved, self.fn_layer = self.fn_layer, (layer + self.units_off if layer is not None else self.fn_layer)
            try:
                arg = self.expr()
            finally:
                self.fn_layer = saved
            if fname == "max" and self.is_(","):
                self.next()
                other = self.expr()
                self.expect(close)
                return self.maximum(arg, other)
            self.expect(close)
        elif deriv and fname != "max" and (self.peek() is None or self.peek().text in _NO_ARGUMENT
                                                     or self.peek().kind in ("rows", "end")):
            # wintertee's ∂a/∂b = φ' × 1: a slope written with no argument is the activation's slope at the unit's
            # summed input — read as φ'(z), z then bound as the claim binds a bare z (or not read at all)
            sub = self.child(tokenize(normalize("z" if layer is None else f"z^{{({layer + self.units_off})}}"), self.n))
            arg = sub.expr()
        else:
            arg = self.postfix()
        if fname == "max":
            raise Unreadable("\\max needs two arguments, e.g. \\max(0, z)")
        if fname == "phi" and name in ("f", "g", "h", "s") and _not_a_summed_input(arg):
            # Halevy's ∇f(w_{t-1}), Adagrad's g(t): a function of the weights or of the step, not an activation
            raise Unreadable(f"{name}(…) of the weights or of the step t is not an activation; if it is the "
                             "objective, write J(w)")
        if fname == "phi" and name in ("f", "g", "h", "s") and arg.op == "fn" and arg.value[0] == "phi":
            # mihai2014's (f(g(x)))' = f'(g(x)) · g'(x): generic functions composed, no weights between them — the
            # chain rule stated for any functions, not a quantity of the network (no layer applies φ to φ directly)
            raise Unreadable(f"{name}(…) of another generic function is the chain rule stated for any functions, "
                             "not a quantity of the network")
        if name == "sigma" and fname == "sigmoid" and self.opts.get("sigma_softmax") and _of_layer(arg, self.opts["sigma_softmax"]):
            fname = "softmax"  # the answer's own σ(\mathbf z^3)_k = exp(z^3_k)/Σ_i exp(z^3_i) (infer.conventions)
        if fname == "softmax" and not deriv and power is None and arg.op == "comp" and arg.args[0].op == "q":
            # McLaughlin's softmax(z_{i}): entry i of the softmax of z (a softmax of one number is 1; no one writes it)
            return Node("comp", (Node("fn", (arg.args[0],), (fname, layer, deriv)),), arg.value)
        node = Node("fn", (arg,), (fname, layer, deriv))
        if name == "Sigma" and fname == "sigmoid":
            node = Node("diag", (node,))  # Nielsen's Σ'(z): the diagonal matrix of σ'(z)
        return Node("pow", (node, num(power))) if power is not None else node

    def _backward_claim(self) -> bool:
        """Whether the claim being read is about a derivative: ∂, δ, ∇, or Ng's d before a quantity (dZ, dW)."""
        toks = self.t[:2000]
        return any(t.text in ("partial", "delta", "Delta", "nabla") or t.text == "d" and k + 1 < len(toks)
                   and toks[k + 1].text in self.bases for k, t in enumerate(toks))

    def _layer_sigma(self, name: str, fname: str, layer: int | None) -> str:
        """Nowaczyk's σ_l, CMU 10-714's σ_i: an answer that writes σ with a layer index (infer.conventions:
        ``sigma_layers``) names each layer's own activation by it, so σ_l of a layer that is not logistic is that
        layer's activation, and a bare σ in a network with no logistic layer is the hidden layers' one. Without
        such an index σ stays the logistic function (a σ written for tanh is a mistake to report)."""
        acts = self.opts.get("activations")
        if name != "sigma" or fname != "sigmoid" or not self.opts.get("sigma_layers") or not acts:
            return fname
        if layer is not None:
            return "phi" if 1 <= layer <= len(acts) and acts[layer - 1] != "sigmoid" else fname
        return "phi" if "sigmoid" not in acts else fname

    def _index_equality(self) -> Node | None:
        """A condition on indices only, ``i = j`` (Chambrin's ``\\mathds{1}_{i=j}``, a case ``\\text{ si } i = j``):
        Kronecker's δ_ij, 1 where the two entry indices agree; ``i = y`` with y the target's class (his y is the class's
        number): entry i of the one-hot target. None, nothing consumed, for any other condition (``z > 0``)."""
        texts = [t.text for t in self.t[self.i:self.i + 4]]
        unequal = len(texts) >= 3 and texts[1] in ("neq", "ne") and self.t[self.i + 1].kind == "cmd"
        if unequal and (len(texts) == 3 or texts[3] in ("&", ",", ")", "]", "}", ".") or self.t[self.i + 3].kind in (
                "rows", "end")):
            a, b = texts[0], texts[2]  # a case "i \neq j" (the softmax Jacobian's second): 1 − δ_ij
            if (all(len(x) == 1 and (x in ENTRY_LETTERS or x in self.bound) for x in (a, b)) and a != b
                    and self.t[self.i].kind == self.t[self.i + 2].kind == "id"):
                self.i += 3
                return Node("sub", (num(1.0), Node("kron", (), (a, b))))
            return None
        if len(texts) < 3 or texts[1] != "=" or not (len(texts) == 3 or texts[3] in ("&", ",", ")", "]", "}", ".")
                                                    or self.t[self.i + 3].kind in ("rows", "end")):
            return None
        a, b = texts[0], texts[2]
        index = lambda x: len(x) == 1 and (x in ENTRY_LETTERS or x in self.bound)  # noqa: E731
        if index(a) and index(b) and a != b and self.t[self.i].kind == self.t[self.i + 2].kind == "id":
            self.i += 3
            return Node("kron", (), (a, b))
        label, entry = (a, b) if self._true_class(a) == "" else (b, a) if self._true_class(b) == "" else (None, None)
        if label is None or not index(entry):
            return None
        (target,) = self._of_example((Node("q", (), ("y", None)),), "", f"{entry} = {label}")
        self.i += 3
        return Node("comp", (target,), entry)

    def indicator(self) -> Node:
        """``\\mathbb{1}[z > 0]``, ``\\mathbf{1}\\{z > 0\\}``, ``\\mathbb{1}_{z > 0}``: 1 where the condition holds, else 0."""
        if self.is_("_"):
            self.next()
            toks = self.script()
            if toks and toks[0].text == "(" and toks[-1].text == ")":
                toks = toks[1:-1]
            p = self.child(toks)
            cond = p.condition()
            if p.peek() is not None:
                raise Unreadable(f"cannot read '{p.peek().text}' in the indicator's condition")
        elif self.is_("(") or self.is_("[") or self.is_("{"):
            close = {"(": ")", "[": "]", "{": "}"}[self.next().text]
            label = self._label_equality(close)
            if label is not None:
                return label
            cond = self.condition()
            self.expect(close)
        elif self.is_("^") and self.peek(1) is not None and self.peek(1).text in ("T", "{") or self.peek() is None or (
                self.peek().text in ("+", "-", ")", "]", "}", "=", "\\", "&") or self.peek().text in RELATIONS):
            return Node("ones")  # CS231n's db = \mathbf{1}^T δ: the vector of ones (its length from the product)
        elif self.peek().kind == "id":
            return Node("ones")  # Jihwan's U^l = H^{l-1} W^l + \boldsymbol{1} b^l: the ones column times the bias row
        else:
            raise Unreadable("an indicator needs its condition, e.g. \\mathbb{1}[z > 0]")
        if cond.op in ("kron", "comp"):
            return cond  # 1_{i=j}: Kronecker's δ_ij; 1_{i=y}: entry i of the one-hot target
        if cond.op != "cmp":
            raise Unreadable("the condition of an indicator must compare, e.g. z > 0")
        return Node("cases", (num(1.0), cond, num(0.0), Node("true")))

    def _label_equality(self, close: str) -> Node | None:
        """CS231n's ``\\mathbb{1}(y_i = k)``: 1 where example i's true class is k — entry k of the one-hot target (of
        example i of a sum over the batch, or of the one example a claim is about). None, nothing consumed, for any
        other condition."""
        opener, depth, end = {")": "(", "]": "[", "}": "{"}[close], 0, None
        for k in range(self.i, min(self.i + 12, len(self.t))):  # (the closer of this bracket: y^{(i)} holds one too)
            depth += (self.t[k].text == opener) - (self.t[k].text == close)
            if depth < 0:
                end = k
                break
        if end is None:
            return None
        texts = [t.text for t in self.t[self.i:end] if t.text not in ("{", "}")]
        if "=" not in texts:
            return None
        eq = texts.index("=")
        sides = (texts[:eq], texts[eq + 1:])
        label = next((side for side in sides if self._true_class("".join(side)) is not None), None)
        other = sides[1] if label is sides[0] else sides[0]
        if label is None or len(other) != 1 or not (other[0] in ENTRY_LETTERS or other[0] in self.bound):
            return None
        (target,) = self._of_example((Node("q", (), ("y", None)),), self._true_class("".join(label)), "1(y = k)")
        self.i = end + 1
        return Node("comp", (target,), other[0])

    def numpy_call(self, name: str) -> Node:
        """NumPy written as mathematics (Ng's ``np.sum(dZ, axis=1, keepdims=True)``, ``np.dot(W, A)``)."""
        self.expect("(")
        args, keywords = [], {}
        while True:
            j, depth = self.i, 0  # a keyword argument: axis = 1, keepdims = True (read as its raw tokens)
            while self.peek(j - self.i) is not None and not (depth == 0 and self.peek(j - self.i).text in (",", ")")):
                depth += {"(": 1, ")": -1}.get(self.peek(j - self.i).text, 0)
                j += 1
            raw = "".join(t.text for t in self.t[self.i:j])
            kw = re.fullmatch(r"(axis|keepdims)=(-?\d|True|False|None)", raw)
            if kw:
                keywords[kw.group(1)] = kw.group(2)
                self.i = j
            else:
                args.append(self.expr())
            tok = self.next()
            if tok.text == ")":
                break
            if tok.text != ",":
                raise Unreadable(f"expected , or ) in np.{name[2:]}(…), found '{tok.text}'")
        want = NUMPY_CALLS[name]
        if len(args) != want:
            raise Unreadable(f"np.{name[2:]} takes {want} argument(s) here, found {len(args)}")
        if name in ("npsum", "npmean"):
            axis = keywords.get("axis")
            if axis not in (None, "None", "0", "1", "-1"):
                raise Unreadable(f"np.{name[2:]} over axis {axis} of a matrix")
            op = "axsum" if name == "npsum" else "axmean"  # Orosanu's db = np.mean(dz, axis=1, keepdims=True)
            return Node(op, (args[0],), None if axis in (None, "None") else {"-1": 1}.get(axis, int(axis)))
        if keywords:
            raise Unreadable(f"keyword arguments of np.{name[2:]} are not read")
        if name == "npdot":
            return Node("mul", tuple(args))
        if name == "npmultiply":
            return Node("had", tuple(args))
        if name == "nptranspose":
            return Node("T", (args[0],))
        if name == "npmaximum":
            return self.maximum(*args)
        if name == "nppower":
            return Node("pow", tuple(args))
        if name == "npdivide":
            return Node("div", tuple(args))
        return Node("fn", (args[0],), ({"npexp": "exp", "nplog": "log", "nptanh": "tanh", "npsqrt": "sqrt"}[name], None, False))

    def maximum(self, a: Node, b: Node) -> Node:
        for x, y in ((a, b), (b, a)):
            if x.op == "num" and x.value[0] == 0:
                return Node("fn", (y,), ("relu", None, False))
        for x, y in ((a, b), (b, a)):  # leaky ReLU, max(0.01 z, z): z where z > 0, c z elsewhere (0 < c < 1)
            if x.op == "mul" and len(x.args) == 2:
                c, u = (x.args if x.args[0].op == "num" else x.args[::-1])
                if c.op == "num" and 0 < float(c.value[0]) < 1 and u == y:
                    relu = lambda v: Node("fn", (v,), ("relu", None, False))  # noqa: E731
                    return Node("sub", (relu(y), Node("mul", (c, relu(Node("neg", (y,)))))))  # relu(z) − c relu(−z)
        if any(n.op == "q" and state_kind(n.value[0]) for n in (*a.walk(), *b.walk())) or all(
                literal_op(n) for n in (*a.walk(), *b.walk())):  # (or of written numbers: a walk-through's max(0.999 × 5, |-0.4|))
            # AdaMax's u_t = max(β_2 u_{t−1}, |g_t|): the larger of two arrays, entry by entry, (a + b + |a − b|) / 2
            gap = Node("fn", (Node("sub", (a, b)),), ("abs", None, False))
            return Node("mul", (num(0.5), Node("add", (Node("add", (a, b)), gap))))
        raise Unreadable("\\max is read only as \\max(0, z) (ReLU), \\max(c z, z) with 0 < c < 1 (leaky ReLU) or the "
                         "larger of an optimizer state and another array (AdaMax's u)")

    # -- environments --------------------------------------------------------------------------------
    def environment(self, env: str) -> Node:
        if env in surface.PLAIN_ENV:  # \begin{bmatrix*}[r], dcases, darray: read as the plain environment
            return self._plain_environment(env)
        if env in MATRIX_ENVS:
            if env == "array" and self.is_("{"):
                self.script()
            rows = _single_separators([r for r in self.rows(env) if r])  # (\\ \\: an empty row for spacing)
            dotted = next((c for r in rows for c in r if c is elided.DOTS or c is elided.EMPTY), None)
            if dotted is not None:  # (z_1 \\ \vdots \\ z_m), w_{11} … w_{mn}: written out (elided.py)
                if self._dots is None:
                    raise Unreadable(f"an empty entry in the {env}")
                return elided.expand(rows, self.quantity_shape, self.flags.setdefault("elided", {}),
                                     surface.reason(self._dots) or "")
            widths = {len(r) for r in rows}
            if len(widths) != 1:
                raise Unreadable(f"the rows of the {env} have different lengths {sorted(widths)}")
            return Node("matrix", tuple(c for r in rows for c in r), (len(rows), widths.pop()))
        if env == "cases":
            args = []
            for row in self.rows(env, cases=True):
                if len(row) != 2:
                    raise Unreadable("each row of cases needs a value & a condition")
                args += row
            layered = [c.op == "layercase" for c in args[1::2]]
            if any(layered):  # δ^l = {… (l = L); … (l ≠ L)}: the case of the layer the claim is checked at
                if not all(layered[:-1]) or not (layered[-1] or args[-1].op == "true"):
                    raise Unreadable("cases that test the layer (l = L) and anything else are not read")
                chosen = [v for v, c in zip(args[0::2], args[1::2], strict=True) if c.op == "true" or c.value]
                if chosen[0].op == "nolayer":
                    raise NoSuchLayer(chosen[0].value)
                return chosen[0]  # (the first case that holds; "otherwise" holds when none before it did)
            if any(v.op == "nolayer" for v in args[0::2]):
                raise NoSuchLayer(next(v.value for v in args[0::2] if v.op == "nolayer"))
            return _index_cases(args)
        raise Unreadable(surface.environment_reason(env))

    def _plain_environment(self, env: str) -> Node:
        """A variant of a matrix or cases environment (``bmatrix*`` with its column alignment ``[r]``, ``dcases``,
        ``darray``): its rows read as the plain environment's, closed by its own ``\\end``."""
        if self.is_("["):
            while self.peek() is not None and not self.is_("]"):
                self.next()
            self.expect("]")
        plain = surface.PLAIN_ENV[env]
        end = next((k for k in range(self.i, len(self.t)) if self.t[k].kind == "end" and self.t[k].text == env), None)
        if end is None:
            raise Unreadable(f"\\begin{{{env}}} is not closed")
        self.t = [*self.t[:end], replace(self.t[end], text=plain), *self.t[end + 1:]]
        return self.environment(plain)

    def rows(self, env: str, cases: bool = False) -> list[list[Node]]:
        rows, row = [], []
        while True:
            if self.peek() is not None and self.peek().kind == "end":
                if self.next().text != env:
                    raise Unreadable(f"\\begin{{{env}}} is closed by a different \\end")
                if row:
                    rows.append(row)
                return rows
            if self.peek() is not None and self.peek().kind == "rows":
                self.next()
                rows.append(row)
                row = []
                continue
            if cases and len(row) == 1:
                row.append(self.condition())
            elif cases and not row:
                row.append(self._case_value())
            elif not cases and self._dots_cell():
                row.append(elided.DOTS)
            elif not cases and self.is_("&"):
                row.append(elided.EMPTY)  # (&& \vdots: a row of dots; an empty entry elsewhere is not read)
            else:
                row.append(self.expr())
            if self.is_("&"):
                self.next()

    def _case_value(self) -> Node:
        """A case's value; one naming a layer outside the network (δ^{l+1} in the case l ≠ L, read at l = L) is skipped
        to its ``&`` and kept as a ``nolayer`` node: only the case chosen by a layer condition is needed."""
        start = self.i
        try:
            return self.expr()
        except NoSuchLayer as e:
            self.i, depth = start, 0
            while (tok := self.peek()) is not None and not (depth == 0 and (tok.text == "&" or tok.kind in ("rows", "end"))):
                depth += (tok.kind == "begin" or tok.text in ("{", "(", "[")) - (tok.kind == "end" or tok.text in ("}", ")", "]"))
                self.next()
            return Node("nolayer", (), str(e))

    def _dots_cell(self) -> bool:
        """A matrix cell of dots (``\\vdots``, ``\\cdots``, ``...``) alone: consumed, its macro kept for the reason."""
        tok = self.peek()
        if tok is None:
            return False
        if tok.kind == "cmd" and surface.CLASS.get(tok.text) == "ellipsis":
            n = 1
        elif tok.text == "." and self.is_(".", 1) and self.is_(".", 2):
            n = 3
        else:
            return False
        after = self.t[self.i + n] if self.i + n < len(self.t) else None
        if after is not None and not (after.text == "&" or after.kind in ("rows", "end")):
            return False  # (dots inside an entry: a_1 + \cdots + a_n is not a cell of dots)
        self._dots = tok.text if n == 1 else "ldots"
        self.i += n
        return True

    def quantity_shape(self, q: Node) -> tuple | None:
        """The shape of a network quantity of one sample as the answer lays it out (a vector's entries; W's rows and
        columns in its convention), from the spec's widths; None when not known here (a batch, a generic layer)."""
        sizes = self.opts.get("sizes")
        if not sizes or int(self.opts.get("batch", 1)) != 1 or q.op != "q":
            return None
        kind, layer = q.value
        if kind in ("x",):
            return (sizes[0],)
        if kind in ("y", "yhat", "dyhat"):
            return (sizes[-1],)
        if not isinstance(layer, int) or not 1 <= layer < len(sizes):
            return None
        if kind in ("z", "h", "b", "delta", "dz", "dh", "db", "b_next"):
            return (sizes[layer],)
        if kind in ("W", "dW", "W_next"):
            out_in = (sizes[layer], sizes[layer - 1])
            return out_in if self.opts.get("convention", "row") == "row" else out_in[::-1]
        return None

    def condition(self) -> Node:
        if any(self.is_(w) for w in CONDITION_WORDS):  # \text{if }, \mbox{for} z \le 0, \text{when}, \text{ si }
            self.next()
        if any(self.is_(w) for w in OTHERWISE_WORDS):
            self.next()
            return Node("true")
        layer = self._layer_condition()
        if layer is not None:
            return layer
        same = self._index_equality()
        if same is not None:
            return same
        return self._comparison(self.expr())

    #: a comparison of a generic layer letter with the last layer or a number: l = L, l \neq L, l < L, (l = 2)
    _LAYER_TESTS = {"=": lambda a, b: a == b, "neq": lambda a, b: a != b, "ne": lambda a, b: a != b,
                    "<": lambda a, b: a < b, "lt": lambda a, b: a < b, "le": lambda a, b: a <= b, "leq": lambda a, b: a <= b,
                    ">": lambda a, b: a > b, "gt": lambda a, b: a > b, "ge": lambda a, b: a >= b, "geq": lambda a, b: a >= b}

    def _layer_condition(self) -> Node | None:
        """A case's condition on the generic layer letter (``(l = L)``, ``l \neq L``, ``l < L``): a ``layercase`` node
        holding whether it holds at the layer the claim is checked at (NeedsLayer when the letter has no value yet);
        None, consuming nothing, for any other condition."""
        lead = 1 if self.is_("indicator") and self.is_("(", 1) else 0  # (normalize reads (l \neq L) as Iverson's)
        k = lead + (1 if self.is_("(", lead) else 0)
        var, op, last = self.peek(k), self.peek(k + 1), self.peek(k + 2)
        if var is None or op is None or last is None or var.kind != "id" or op.text not in self._LAYER_TESTS:
            return None
        if var.text not in self.layer_env and var.text != "l":
            return None
        if (last.text,) in self.depth_names and self.depth_net:
            bound = self.depth_net + self.units_off
        elif last.kind == "num" and last.text.isdigit():
            bound = int(last.text)
        else:
            return None
        paren = k > lead
        if paren and not self.is_(")", k + 3):
            return None
        if var.text not in self.layer_env:
            raise NeedsLayer(var.text)
        for _ in range(k + 3 + paren):
            self.next()
        return Node("layercase", (), bool(self._LAYER_TESTS[op.text](self.layer_env[var.text], bound)))

    def _comparison(self, lhs: Node) -> Node:
        """At a comparison's sign after ``lhs``: ``lhs < rhs``, ``\\geq``, ``> =`` … as a ``cmp`` node."""
        tok = self.next()
        op = CMP.get(tok.text)
        if op is None:
            raise Unreadable(f"cannot read the condition at '{tok.text}'")
        if self.is_("="):
            self.next()
            op += "="
        return Node("cmp", (lhs, self.expr()), op)


#: the letters of a unit numbered across the network (Han & Kamber's θ_4, O_6, I_6, Err_6; Russell & Norvig's in_5, Δ_5)
_NUMBERED_UNIT_LETTERS = ("theta", "b", "O", "o", "I", "net", "T", "Err", "delta", "Delta", "in")


def _single_separators(rows: list) -> list:
    """A matrix typed with ``&&`` between its entries in every row (the tjmachinelearning lecture's ``w_{14} && w_{24} &&
    w_{34}``): TeX sets an empty column between them, the author means one entry each — the empty cells dropped."""
    if not rows or any(len(r) < 3 or len(r) % 2 == 0 for r in rows):
        return rows
    if all(c is elided.EMPTY for r in rows for c in r[1::2]) and not any(c is elided.EMPTY for r in rows for c in r[0::2]):
        return [r[0::2] for r in rows]
    return rows


def _index_cases(args: list[Node]) -> Node:
    """cases whose conditions are on indices (``a_i (1 - a_i) \\text{ si } i = j \\\\ -a_i a_j \\text{ sinon}``): the
    sum of each value times its condition's 0/1 (Kronecker's δ_ij, a one-hot entry), the last case "otherwise" taking
    1 minus the others. Conditions on values (``z > 0``) stay cases; a mix of the two is not read."""
    conds = args[1::2]
    on_index = lambda c: c.op in ("kron", "comp") or c.op == "sub" and c.args[1].op == "kron"  # noqa: E731 (i ≠ j)
    if not any(on_index(c) for c in conds):
        return Node("cases", tuple(args))
    if not all(on_index(c) for c in conds[:-1]) or not (on_index(conds[-1]) or conds[-1].op == "true"):
        raise Unreadable("cases that test both indices (i = j) and values (z > 0) are not read")
    if conds[-1].op == "true" and len(conds) != 2:
        raise Unreadable("cases on indices are read with one condition and \\text{otherwise}, or a condition per case")
    out = None
    for value, cond in zip(args[0::2], conds, strict=True):
        weight = Node("sub", (num(1.0), conds[0])) if cond.op == "true" else cond
        term = Node("mul", (weight, value))
        out = term if out is None else Node("add", (out, term))
    return out


def _not_judged(tok: Tok) -> None:
    """Raise the inventory's reason (verify/surface.py) when ``tok`` is a LaTeX macro gradproof knows but does not judge
    (\\cdots, \\leq, \\prod, \\implies inside a group …): the reason names the macro and what to write instead. A letter
    the answer did not define stays an unknown symbol, with the inventory's advice."""
    if tok.kind == "op" and tok.text in ("<", ">") or tok.kind == "cmd" and (tok.text in CMP or tok.text in ("neq", "ne")):
        raise Unreadable(f"'{tok.text}' at position {tok.pos}: {surface.REASONS['comparison']}")
    if tok.kind != "cmd":
        return
    if tok.text in RELATIONS or tok.text in MUL_OPS:
        what = "a relation between two sides" if tok.text in RELATIONS else "an operator between two factors"
        raise Unreadable(f"\\{tok.text} at position {tok.pos} is {what}, but here it has nothing on one side")
    why = surface.reason(tok.text)
    if why is None:
        return
    if surface.CLASS.get(tok.text) in ("letter", "font"):  # the author's own symbol: a notation to define
        advice = surface.REASONS["letter"] if surface.CLASS[tok.text] == "letter" else why
        raise Unreadable(f"unknown symbol '{tok.text}' at position {tok.pos}: {advice}")
    raise Unreadable(why)


#: the target letter as an index, alone or with its example's (y, y_i, y_{n}, y^{(i)}): CS231n's f_{y_i}
_LABEL_SCRIPT = re.compile(r"([A-Za-z])(?:_\{?([a-z])\}?|\^\{?\(([a-z])\)\}?)?$")

#: the mean objective's gradient -> each sample's own (verify/truth.py computes both)
_PER_SAMPLE = {"dz": "delta", "dh": "dhs", "dyhat": "dyhats"}


def _one_scale(sides: list[Node]) -> list[Node]:
    """Nielsen's δ^L = ∇_a C ⊙ σ'(z^L) in a batch: δ is each sample's own (no 1/N) and ∇_a C, read alone, the mean
    objective's — but one claim relating them means one objective, so its gradients by z, h and ŷ are read per sample
    too. Not when the claim writes a 1/N or a sum itself (then it says which it means)."""
    nodes = [n for side in sides for n in side.walk()]
    kinds = {n.value[0] for n in nodes if n.op == "q"}
    if "delta" not in kinds or not kinds & set(_PER_SAMPLE) or any(
            n.op in ("sum", "axsum", "sample") or n.op == "const" and n.value == "N" for n in nodes):
        return sides
    return [_per_sample(side) for side in sides]


def _per_sample(node: Node) -> Node:
    if node.op == "q" and node.value[0] in _PER_SAMPLE:
        return Node("q", (), (_PER_SAMPLE[node.value[0]], node.value[1]))
    return Node(node.op, tuple(_per_sample(a) for a in node.args), node.value) if node.args else node


def _layer_of_argument(node: Node) -> Node:
    """A generic activation written without its layer, applied to a summed input that names one layer's parameters
    (a(W^{(1)T} x + b^{(1)})): that layer's activation."""
    if node.op != "fn" or node.value[0] != "phi" or node.value[1] is not None:
        return node
    arg = node.args[0]
    if arg.op == "q" and arg.value[0] == "z" and arg.value[1] is not None:  # a[f_{k-1}]: the layer of the summed input
        return Node("fn", node.args, (node.value[0], arg.value[1], *node.value[2:]))
    layers = {n.value[1] for n in arg.walk() if n.op == "q" and n.value[0] in ("W", "b")}
    if len(layers) != 1 or None in layers:
        return node
    return Node("fn", node.args, (node.value[0], layers.pop(), *node.value[2:]))


def _not_a_summed_input(arg: Node) -> bool:
    """A generic function's argument that no activation takes: a parameter (w, W, b) or the step t."""
    base = arg.args[0] if arg.op in ("comp", "entry") and arg.args else arg
    return base.op == "q" and base.value[0] in ("W", "b", "Wb") or base.op == "const" and base.value == "t"


#: operations that act entry by entry (a product of two quantities may be a matrix product: not among them)
_ELEMENTWISE_OPS = frozenset({"add", "sub", "neg", "num", "const", "fn", "pow", "q", "comp", "entry", "had", "div"})


def _elementwise_only(node: Node) -> bool:
    """Whether ``node`` is built only of entrywise operations, a product only where one factor is a number."""
    for n in node.walk():
        if n.op == "mul" and not any(a.op in ("num", "const", "neg") and all(m.op in ("num", "const", "neg")
                                                                         for m in a.walk()) for a in n.args):
            return False
        if n.op != "mul" and n.op not in _ELEMENTWISE_OPS:
            return False
    return True


def _entry_of(node: Node) -> tuple[Node, object]:
    """(the quantity, its entry index or None) of ``a_j`` or ``a``."""
    if node.op == "comp":
        return node.args[0], node.value
    return node, None


#: the squared errors' acronyms (SSE and RSS the sum, MSE the mean), read on their own scale where the answer does not
#: define them (Parser._named_squared_value)
_SQUARED_NAMES = {"SSE": "SSE", "RSS": "SSE", "MSE": "MSE"}


#: the quantities of a dense layer itself (its weights, bias, summed input and their gradients): numbered by the
#: weighted layers, the answer's layer k is the spec's k-th dense layer (option ``dense_layers``)
_DENSE_KINDS = frozenset({"W", "b", "dW", "db", "z", "delta", "dz", "W_next", "b_next", "dWL", "dWR", "dbL", "dbR"})


def _error_power(toks: list, j: int) -> bool:
    """The superscript at ``toks[j]`` after the answer's error e is a transpose or a square (``e^T``, ``e^{T}``,
    smaxx73's ``L = e^2``), not an exponent of Euler's number (``e^{-z}``)."""
    inner = toks[j + 1] if toks[j].text == "{" and j + 2 < len(toks) and toks[j + 2].text == "}" else toks[j]
    return inner.text in ("T", "2") or toks[j].text == "{" and j + 1 < len(toks) and toks[j + 1].text == "T"


def _shift_layer(value: str, letter: str, used: str, where: str = "paren") -> str:
    """A macro's definition at the layer it is used at: each ``(l)``, ``(l ± d)`` of its generic layer ``letter``
    moved as ``used`` (``l+1``: one up; ``2``: that layer). Aggarwal's and many students' g^{(l)} = ∂J/∂a^{(l)}, then
    used as g^{(l+1)}."""
    m = re.fullmatch(re.escape(letter) + r"(?:([+-])(\d+))?", used)
    shift = 0 if m is None or not m.group(1) else int(m.group(2)) * (1 if m.group(1) == "+" else -1)

    def moved(n: re.Match) -> str:
        off = (int(n.group(2)) * (1 if n.group(1) == "+" else -1) if n.group(1) else 0)
        if m is None:  # a number: that layer
            return f"({int(used) + off})"
        total = off + shift
        return f"({letter}{total:+d})" if total else f"({letter})"

    if where == "sub":  # g_r, g_{r-1}: the layer as a subscript
        return re.sub(r"_\s*(?:\{\s*" + re.escape(letter) + r"\s*(?:([+-])\s*(\d+))?\s*\}|" + re.escape(letter)
                      + r"(?![A-Za-z]))", lambda n: "_{" + moved(n)[1:-1] + "}", value)
    return re.sub(r"\(\s*" + re.escape(letter) + r"\s*(?:([+-])\s*(\d+))?\s*\)", moved, value)


def _macro_keys(notation: Notation) -> list[tuple[tuple[str, ...], tuple[str, str]]]:
    """The macros of ``notation`` as token sequences (longest first) with (symbol, value); made once per notation (a
    parser is made per claim and per nested macro: rudra's 28 component letters, tokenized each time, cost seconds)."""
    if not notation.macros:
        return []
    try:
        return _MACRO_KEYS[notation]
    except KeyError:
        pass
    except TypeError:  # an unhashable option value: not cached
        return _macro_keys_of(notation)
    if len(_MACRO_KEYS) > 256:
        _MACRO_KEYS.clear()
    _MACRO_KEYS[notation] = out = _macro_keys_of(notation)
    return out


_MACRO_KEYS: dict = {}


def _macro_keys_of(notation: Notation) -> list[tuple[tuple[str, ...], tuple[str, str]]]:
    out = []
    for key, value in notation.macros:
        toks = tuple(t.text for t in tokenize(normalize(key), notation) if not (t.kind == "op" and t.text in "{}"))
        if toks:
            out.append((toks, (key, value)))
    return sorted(out, key=lambda kv: -len(kv[0]))


UPDATED_WORDS = ("new", "next", "updated", "+", "t+1", "{t+1}", "(t+1)",
                 # the same word in the languages answers come in: Spanish, Portuguese, Italian, French, German
                 "nuevo", "nueva", "novo", "nova", "nuovo", "nuova", "nouveau", "nouvelle", "neu")
#: an index saying "before the update" (the current value): W_{old}
CURRENT_WORDS = ("old", "current", "viejo", "vieja", "anterior", "actual", "antigo", "vecchio", "ancien", "ancienne", "alt")
#: time subscripts of optimizer states and parameters: θ_t (now), θ_{t+1} (after the step), S_{t-1} (before it)
TIME_INDICES = ("t", "t-1", "t+1")
#: the subscripts of the hypothesis h_{W,b}(x) (UFLDL), h_\\theta(x), h_\\Theta(x) (Ng's Machine Learning course), and of
#: the model f_{w,b}(x) (his Machine Learning Specialization)
HYPOTHESIS_SCRIPTS = (["W", ",", "b"], ["w", ",", "b"], ["theta"], ["Theta"], ["w"], ["W"])
#: Mazur's "A Step by Step Backpropagation Example": net_{h1}, out_{o1}, target_{o1}
MAZUR_WORDS = ("net", "out", "target")
#: Mazur's unit names in an answer's text (net_{h1}, out_{o1}): his w_1 … w_8, i_1, b_1 are then read his way
#: (Mitchell's net_j is not Mazur's)
MAZUR_UNITS = re.compile(r"(?<![A-Za-z\\])(?:net|out)\}?_\{?\s*[ho]\d")
#: a word under an objective's letter: its data term (L_{CE}, \mathcal{L}_{NLL}), its regularizer, or the whole
LOSS_WORDS = {**dict.fromkeys(("ce", "xent", "crossentropy", "mse", "sse", "nll", "nllm", "bce", "log", "data", "logistic",
                               "hinge", "sq", "squared"), "lossL"),
              **dict.fromkeys(("l2", "wd", "penalty", "decay", "regularization", "regularizer"), "lossR"),
              **dict.fromkeys(("train", "training", "all", "full", "regularized", "regularised"), "whole")}
#: an objective's argument list J(W, b), L(\\hat y, y), J(\\theta): its punctuation, and what marks it as arguments
#: the mark of an elementwise product written after a matrix product without brackets (``M \cdot a \odot b``): read as
#: (M a) ⊙ b, the parser's rule; where only M (a ⊙ b) has matching shapes the judge reads that (judge._regrouped)
LOOSE = "loose"
ARG_PUNCTUATION = (",", ";", ":", "{", "}", "^", "_", "(", ")", "[", "]", "|")  # |: given (NBIS's L(w,b|x))
#: an objective's one argument that is the last layer's activation: A^{[L]}, a^{(L)}, a^L, H^{[L]}
_OUTPUT_ARGUMENTS = [[letter, "^", *script] for letter in ("A", "a", "H", "h")
                     for script in (["{", "[", "L", "]", "}"], ["{", "(", "L", ")", "}"], ["L"], ["{", "L", "}"])]
ARG_MARKS = (",", ";", "theta", "Theta", "haty", "W", "w", "scores")
#: the implicit layer of a parameter written without one (W, b, dW, V_{dW}) in a deeper net: every layer
ANY_LAYER = "every"
#: letters read as a generic layer index: l anywhere (W^l, \delta^{l+1}, W_l); also k in parentheses (Goodfellow's h^{(k)})
LAYER_LETTERS = ("l",)
PAREN_LAYER_LETTERS = ("k",)
#: layers named by their role, in parentheses (Chambrin's W^{(O)}, a^{(H)}): O the output layer, H the hidden layer of
#: a network with one hidden layer (the o, h subscripts of W_o, W_h, read in index_items, are the same names)
ROLE_LAYERS = ("O", "H")
#: an activation function named without its argument, \nabla_{z} g: the letters and names the parser reads as one
ACTIVATION_NAMES = ("g", "sigma", "phi", "varphi", "tanh", "relu", "sigmoid")
#: the words a case's condition opens with (\text{if}, \text{ si } in French, \text{falls}/\text{wenn} in German), and
#: the words of the last case (\text{otherwise}, \text{sinon}, \text{sonst})
#: CS231n's scores (the output layer's summed input), as its write-ups spell them (FortiLeiZhang's Score, dScore)
SCORE_NAMES = ("scores", "Scores", "score", "Score")
CONDITION_WORDS = ("if", "for", "when", "si", "falls", "wenn")
OTHERWISE_WORDS = ("otherwise", "else", "sinon", "sonst")
#: letters in parentheses read as a sample index (Ng's a^{[1](i)}, x^{(n)}); a free one makes a claim for every sample
SAMPLE_LETTERS = ("i", "n", "m", "j")
#: letters in a subscript read as an entry index (δ_j, w_{kj}, x_i); a free one makes a claim for every entry
BISHOP_LAYERS = {"i": 0, "j": 1, "h": 1, "k": 2}  # h: Mitchell's hidden unit (δ_h, o_h, w_{kh})
#: generic unit letters (Mitchell, Haykin): the position of each relative to the others (i feeds j, j feeds k)
UNIT_POS = {"i": 0, "j": 1, "h": 1, "k": 2}


def _prediction_script(toks) -> bool:
    """A subscript naming the prediction: ``pred``, ``hat``, ``out`` (Charatsidis's y_{out} beside y_{gt}), or one of
    them followed by a comma and an entry (``pred, i``)."""
    texts = [t.text for t in toks]
    return texts[:1] in (["pred"], ["hat"], ["out"], ["output"]) and (len(texts) == 1 or len(texts) > 2 and texts[1] == ",")


def _augment(node: Node) -> Node:
    """Ng's Θ^{(l)}: the weights W^{(l)} read as [b W], the bias as column 0 (``Θ a`` takes a_0 = 1)."""
    if node.op == "q" and node.value[0] in ("W", "W_next"):
        return Node("q", (), ("Wb" if node.value[0] == "W" else "Wb_next", node.value[1]))
    if node.op == "q":
        raise Unreadable("\\Theta_0 is not read; Θ's column 0 is the bias, write Θ_{i0}")
    return Node(node.op, tuple(_augment(a) for a in node.args), node.value)


def _anchor(toks) -> str | None:
    """The unit letter a claim is about, read generically: j if it is subscripted anywhere, else h, k, i."""
    seen, k = set(), 0
    while k < len(toks) - 1:
        if toks[k].text == "_":
            k += 1
            group = [toks[k]]
            if toks[k].text == "{":
                depth, group = 0, []
                while k < len(toks):
                    depth += {"{": 1, "}": -1}.get(toks[k].text, 0)
                    group.append(toks[k])
                    if depth == 0:
                        break
                    k += 1
            seen.update(t.text for t in group if t.kind == "id" and t.text in UNIT_POS)
        k += 1
    return next((x for x in ("j", "h", "k", "i") if x in seen), None)


#: activations a script may name on a generic function letter (g_{ReLU}, f_{tanh}); not the elementary functions
_SCRIPT_ACTIVATIONS = ("relu", "sigmoid", "tanh", "softmax", "leaky_relu", "elu", "softplus", "swish", "gelu", "softsign",
                       "identity")


def _named_activation(name: str, fname: str, mark: str, texts: list) -> str | None:
    """The activation a subscript names on a generic function letter (g, f, φ): ``g_{ReLU}`` is ReLU. None for
    anything else (σ keeps its own reading: a script on σ is a layer or Ng's σ_M)."""
    if mark != "_" or fname != "phi" or name not in ("g", "f", "phi", "varphi") or len(texts) != 1:
        return None
    named = FUNCS.get(texts[0].lower())
    return named if named in _SCRIPT_ACTIVATIONS else None


#: words an objective's subscript may carry that name the objective itself: L_{\text{batch}}, J_{train}, E_{total}
#: tokens an argument list after a defined word may hold (names, scripts, fonts: ``(\\boldsymbol{w}, b^{(1)})``); a
#: command here makes it an expression
_ARITHMETIC_COMMANDS = frozenset({"frac", "dfrac", "tfrac", "sum", "prod", "cdot", "times", "sqrt", "odot", "circ", "div",
                                  "pm", "mp", "ast", "star", "otimes", "partial", "nabla", "log", "ln", "exp"})
MAX_ARGUMENT_TOKENS = 60  # tokens of an argument list after a defined word (longer: no argument list, read as before)
_OBJECTIVE_WORDS = frozenset({"total", "tot", "batch", "train", "training", "mean", "avg", "full", "overall"})
#: a layer named by its role in a script (any case): (out), (output), (O) the output layer; (h), (hid), (hidden), (H)
#: the hidden one of a one-hidden-layer net; (in), (input) the input
_OUTPUT_WORDS = frozenset({"out", "output", "o"})
_HIDDEN_WORDS = frozenset({"h", "hid", "hidden"})
_INPUT_WORDS = frozenset({"in", "input"})
#: weights named by the two layers they join (Karpathy's W_{xh}, W_{hy}; W_{ih}, W_{ho}): the layer they feed
ROLE_PAIRS = {"ho": "out", "oh": "out", "hy": "out", "yh": "out", "xh": "hid", "hx": "hid", "ih": "hid", "hi": "hid"}


def _role_word(texts: list, mark: str, pairs: bool) -> str | None:
    """The role a script names a layer by, as ``layer_number`` reads it: a word of more than one letter
    (``W_{out}``, ``\\delta_{hidden}``, ``z^{output}``; the one-letter o and h only as subscripts, read where they
    are), or, where the answer names its weights by pairs (option ``role_pairs``: a W of the output layer written so),
    a pair (``W_{ih}``, ``W_{ho}``). None for anything else (``W_{in}``: the input's weights or the weights into the
    first layer? not said)."""
    word = "".join(texts).lower()
    if len(word) > 1 and word in (_OUTPUT_WORDS | _HIDDEN_WORDS):
        return word
    if pairs and mark == "_" and word in ROLE_PAIRS and "".join(texts) == word:
        return ROLE_PAIRS[word]
    return None
ENTRY_LETTERS = ("i", "j", "k", "h", "m", "n", "p", "q", "r", "s", "u", "v", "a", "b", "c", "d", "e", "f", "g")
NUMPY_CALLS = {"npsum": 1, "npmean": 1, "npdot": 2, "npmultiply": 2, "npexp": 1, "nplog": 1, "nptanh": 1, "npmaximum": 2, "npsqrt": 1,
               "nptranspose": 1, "nppower": 2, "npdivide": 2}
#: the upper bound of a sum over the examples of a batch
BATCH_BOUNDS = ("N", "m", "M")
SAMPLE_KINDS = ("x", "y", "yhat", "z", "h", "delta", "dh", "dyhat", "dz", "dhs", "dyhats", "lossn", "xhat", "dxhat", "mask", "F",
                "dx", "dxs")


def _updated_mark(text: str, words: tuple = UPDATED_WORDS) -> bool:
    """An index saying "after the update": new, next, updated (optionally in \\text{}), or + (or one of ``words``)."""
    word = re.sub(r"^\\?(text|mathrm|textrm|mathit)\{(.*)\}$", r"\2", text.strip()).strip("{} ")
    return word in words


def _of_layer(node: Node, layer: int) -> bool:
    """Whether ``node`` is layer ``layer``'s summed input z, whole (``\\mathbf z^3``) or one of its entries."""
    if node.op in ("comp", "entry"):
        node = node.args[0]
    return node.op == "q" and node.value == ("z", layer)


#: index letters read inside code's brackets, W_2[i][j] (not a, b, h, …: W[h] may be a product with a bracketed letter)
_BRACKET_LETTERS = frozenset("ijklmnpqrst")


#: what may follow a function's slope written with no argument (φ' × w, σ' ⊙ δ, g' at the end): an operator or a close
_NO_ARGUMENT = frozenset({"times", "cdot", "*", "odot", "circ", "ast", "+", "-", "=", ")", "]", "}", "&", ",", ".",
                          "bullet", "otimes"})


def _unprimed_function(node: Node) -> bool:
    """Whether ``node`` is an activation applied to its argument, not yet differentiated: g^{[i]}(Z^{[i]})."""
    return (node.op == "fn" and isinstance(node.value, tuple) and len(node.value) == 3 and node.value[2] is False
            and node.value[0] not in ("exp", "log", "sqrt", "abs"))


def _primed(node: Node) -> Node:
    """The derivative of the activation ``node`` applies, at the same argument: [g(Z)]' is g'(Z)."""
    return Node("fn", node.args, (node.value[0], node.value[1], True))


def _lowercase_transpose(script: list, node: Node) -> bool:
    """``(\\hat y - y)^t``: a lowercase t on a parenthesised expression of the network's quantities is its transpose
    (nirnirs's CS224n answers); on constants alone it stays a power ((1 - β)^t, Adam's bias correction)."""
    return [t.text for t in script] == ["t"] and any(n.op == "q" for n in node.walk())
