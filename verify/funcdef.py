"""A scalar function defined by a quantity's letter: Prince's and penasta's ``a(x) = \\frac{1}{1+e^{-x}}``, ``h(t) =
\\tanh(t)`` (issue 10, fourteenth round).

``a`` and ``h`` name the activations, so ``a(x)`` was read as the hidden layer's activation times … and the right side
as a function of the network's input ``x``: a right definition of the logistic function was "incorrect". A claim whose
left side is such a letter applied to one bare variable, and whose right side is a formula in that variable alone,
defines the activation function: it is read as ``g(v) = …`` (g, the activation function, as the parser reads it).
The same holds of every claim whose only quantities are bare variables and the letter applied to them (issue 12,
fifteenth round): a chain ``a(x) = \\frac{1}{1+e^{-x}} = \\frac{e^x}{1+e^x}``, definitions side by side ``a(x) = …,
\\qquad a(y) = …``, the derivative ``\\frac{d a(x)}{dx} = a(x)(1 - a(x))``: each ``a(v)`` is ``g(v)``. Only the
definition alone was read so before, and these were judged as the hidden layer's a times the network's x (a right chain
"incorrect" by its shapes). A primed letter (Bishop's ``h'(a) = 1 - h(a)^2``) is the parser's own reading (the derivative
of that letter's layer's activation) and is left to it.

The network as a function of its input and parameters, ``f(\\boldsymbol{x}; \\boldsymbol{\\phi})``, ``f(x; W, b)``, ``f(x;
\\theta)`` (Goodfellow's and Prince's notation), is its output ŷ (it was read as an activation f applied to x). Linear
regular expressions, claims of at most 400 characters; the report shows the claim as written."""

from __future__ import annotations

import re
from dataclasses import replace

#: a quantity's letter applied to one variable on the left: a(x) =, h(t) =, \phi(v) = (the function's own name)
_DEFINED = re.compile(r"\s*(?:a|h|A)\s*\(\s*([a-z])\s*\)\s*=(?!=)")
#: what a formula in one variable may hold besides it: numbers, operators, braces, the functions and constants it uses
_FORMULA_WORDS = re.compile(r"\\(?:d?frac|tfrac|exp|tanh|ln|log|max|min|sqrt|left|right|cdot|big|Big|bigl|bigr|,|;|!|quad)"
                            r"(?![A-Za-z])|\be\b|[0-9.+\-*/^_{}()\[\]\s,|]")


#: the network's input as f's argument: x, \mathbf{x}, \boldsymbol x, one example of it x^{(t)} (Larochelle's f(x^{(t)}))
_X_ARG = (r"(?:\\(?:boldsymbol|mathbf|vec|bm)\s*+\{\s*+x\s*+\}|\\(?:boldsymbol|mathbf|bm)\s++x|x)"
          r"(?:\s*+\^\s*+\{\s*+\(\s*+[a-z]\s*+\)\s*+\})?")
#: f, plain or bold (\mathbf{f}: Larochelle's output vector)
_F_NAME = r"(?:\\(?:mathbf|boldsymbol|bm)\s*+\{\s*+f\s*+\}|(?<![A-Za-z\\])f)"
#: the network's function of its input and its parameters: f(x; θ), f(\boldsymbol{x}; \boldsymbol{\phi}), f(x; W, b)
_NETWORK = re.compile(_F_NAME + r"\s*\(\s*" + _X_ARG + r"\s*;\s*([^();=]{1,80})\)")
#: the network named as a function of the input: Goldberg's NN_{MLP1}(\mathbf{x}), \text{MLP}(x), \mathrm{NN}(\mathbf{x})
_NAMED_NETWORK = re.compile(r"(?:\\(?:mathrm|text|operatorname|textrm)\s*\{\s*)?(?<![A-Za-z\\])(?:NN|MLP)\s*\}?"
                            r"(?:\s*_\s*(?:\{\s*(?:\\(?:mathrm|text|textrm)\s*\{)?\s*[A-Za-z0-9]{1,8}\s*\}?\s*\}|[A-Za-z0-9]))?"
                            r"\s*\(\s*" + _X_ARG + r"\s*\)")
#: what the parameters after the semicolon are written with
_PARAMETERS = re.compile(r"\\(?:theta|phi|Phi|Theta|Omega|omega|beta|mathbf\s*\{\s*[Wwb]|boldsymbol)|(?<![A-Za-z\\])[Wwb](?![A-Za-z])")


#: the letter applied to one bare variable anywhere in a claim: a(x), h (t), A(y), and primed, a'(x) (e is Euler's
#: number, d the differential's letter: neither is a variable here)
_APPLIED = re.compile(r"(?<![A-Za-z\\])[ahA]\s*+('?)\s*+\(\s*+([a-ce-z])\s*+\)")
#: what a claim about the function may hold besides its variables and applications: _FORMULA_WORDS, the relation,
#: the spacing and words between equations side by side, ∂ of a derivative
_CLAIM_WORDS = re.compile(_FORMULA_WORDS.pattern + r"|=|\\(?:qquad|partial)(?![A-Za-z])|\\text\s*\{\s*and\s*\}")
#: a letter applied to one variable, equated to the logistic function of it written out: \theta(x) = \frac{1}{(1 +
#: e^{-x})} (cjhjhj's Korean notes, after Sigmoid(x) =), \phi(z) = 1/(1+e^{-z}), s(t) = \frac{1}{1+\exp(-t)}
_LOGISTIC_DEFINED = re.compile(r"(\\[a-zA-Z]+|[a-z])\(([a-z]|\\(?:gamma|xi|nu|tau|zeta|kappa|chi|psi))\)="
                               r"(?:\\frac\{1\}\{\(?1\+(?:e\^\{-\2\}|\\exp\(-\2\))\)?\}|"
                               r"1/\(1\+(?:e\^\{-\2\}|\\exp\(-\2\))\))(?:=|$)")
#: letters that name the network's quantities or functions gradproof reads already — g, f, φ the spec's activation
#: (a definition of them is judged against it: a logistic g under a tanh spec stays the answer's mistake)
_KNOWN = ("\\sigma", "\\exp", "\\log", "\\ln", "\\tanh", "\\phi", "\\varphi", "a", "h", "z", "x", "y", "w", "b",
          "e", "d", "g", "f")


def logistic_letter(claims) -> str | None:
    """The letter an answer defines as the logistic function (``\\theta(x) = \\frac{1}{(1 + e^{-x})}``), if exactly one."""
    found = set()
    for c in claims:
        if len(c.latex) > 400:
            continue
        compact = re.sub(r"\s+|\\left|\\right", "", c.latex)
        for k in range(len(compact)):  # (each '=' and the claim's start: a side that may open the definition)
            if k and compact[k - 1] != "=":
                continue
            m = _LOGISTIC_DEFINED.match(compact, k)
            if m and m.group(1) not in _KNOWN:
                found.add(m.group(1))
    return found.pop() if len(found) == 1 else None

#: the loss of the network's prediction f(x) and the target: Chambrin's l(f(x), y), \ell(f(x), y), L(f(x), y)
_LOSS_OF_F = re.compile(r"(?:\\ell|\\mathcal\s*+\{?\s*+L\s*+\}?|(?<![A-Za-z\\])[lLJE])\s*+\(\s*+" + _F_NAME + r"\s*+\(\s*+"
                        + _X_ARG + r"\s*+\)\s*+,")
#: f written otherwise: f', f^\prime, f applied to anything but the bare input (an activation f(z), f(W x + b))
_F_OTHERWISE = re.compile(r"(?<![A-Za-z\\])f\s*+\}?\s*+(?:'|\^\s*+\{?\s*+\\prime|_|\((?!\s*+" + _X_ARG + r"\s*+\)))")
#: the prediction written as the network's function of its input alone
_F_OF_X = re.compile(_F_NAME + r"\s*+\(\s*+" + _X_ARG + r"\s*+\)")


#: the network's output given a letter of its own as a function of the input, defined alone: Weinberger's
#: H(\vec{x}) = \vec{z}_2, h(\mathbf{x}) = a^{(L)} (a right side of one quantity, no x in it)
_OWN_OF_X = re.compile(r"^\s*+(?:\\(?:mathbf|boldsymbol|bm)\s*+\{\s*+)?([B-Zbce-z])\s*+\}?\s*+\(\s*+" + _X_ARG
                       + r"\s*+\)\s*+=\s*+([^=$(),;]{1,40}?)\s*+[.,]?\s*+$")


def own_function_of_input(claims) -> tuple | None:
    """(the letter, its right side) where one claim defines the network's output as a letter of the answer's own applied
    to the input alone (``H(\\vec{x}) = \\vec{z}_2``) and no claim defines it otherwise: each ``H(x)`` elsewhere is that
    right side. None otherwise (or where the right side holds x, or the letter is defined twice)."""
    found = {}
    for c in claims[:2000]:
        m = _OWN_OF_X.match(c.latex) if len(c.latex) <= 200 else None
        if m and not re.search(r"(?<![A-Za-z\\])x(?![A-Za-z])", m.group(2)):
            found.setdefault(m.group(1), set()).add(m.group(2).strip())
    if len(found) != 1:
        return None
    (letter, bodies), = found.items()
    return (letter, bodies.pop()) if len(bodies) == 1 else None


def prediction_letter(claims) -> bool:
    """Whether the answer writes ``f(x)`` for the network's prediction: its loss is a function of ``f(x)`` and the
    target (``l(f(x), y)``), and it writes f nowhere else (no ``f'``, no ``f(z)``: then f is an activation)."""
    texts = [c.latex for c in claims if len(c.latex) <= 4000]
    return any(_LOSS_OF_F.search(t) for t in texts) and not any(_F_OTHERWISE.search(t) for t in texts)


#: the standard normal's density written out as a letter's definition: \phi(z) = \frac{1}{\sqrt{2\pi}} e^{-z^2/2}
_DENSITY_DEFINED = re.compile(r"\\(?:var)?phi\s*+\(\s*+([a-z])\s*+\)\s*+=\s*+\\frac\s*+\{\s*+1\s*+\}\s*+\{\s*+\\sqrt\s*+"
                              r"\{?\s*+2\s*+\\pi\s*+\}?\s*+\}\s*+(?:\\,\s*+)?(?:e\s*+\^|\\exp)")
#: GELU named in a claim: its Φ is the standard normal's distribution function
_GELU = re.compile(r"(?i)gelu")
_PHI_APPLIED = re.compile(r"\\Phi(?![A-Za-z])(?=\s*+(?:\(|\\left|\\big|\\Big))")
_DENSITY_APPLIED = re.compile(r"\\(?:var)?phi(?![A-Za-z])(?=\s*+(?:\(|\\left|\\big|\\Big))")


def normal_functions(claims) -> tuple:
    """(Φ is the standard normal CDF, φ its density): a GELU answer's ``\\mathrm{GELU}(z) = z\\,\\Phi(z)``, ``\\phi(z) =
    \\frac{1}{\\sqrt{2\\pi}}e^{-z^2/2}``, ``\\mathrm{GELU}'(z) = \\Phi(z) + z\\,\\phi(z)`` — Φ was the generic activation φ
    (its name lowercased) and φ the spec's activation, so a right definition was "incorrect". Φ so where a claim names
    GELU or φ is defined as the density; φ only where it is defined so. Linear scans of claims of at most 4000 characters."""
    texts = [c.latex for c in claims if len(c.latex) <= 4000]
    density = any(_DENSITY_DEFINED.search(t.replace("$", " ")) for t in texts)
    return density or any(_GELU.search(t) for t in texts) and any(_PHI_APPLIED.search(t) for t in texts), density


def read_as_function(claims) -> tuple[list, dict]:
    """(the claims with ``a(x) = …`` read as the activation function g, ``f(x; θ)`` as ŷ, ``f(x)`` as ŷ where
    ``prediction_letter`` says so, and a letter defined as the logistic function (``\\theta(x) = \\frac{1}{1+e^{-x}}``)
    as σ, {claim id: the text as written})."""
    out, originals = [], {}
    logistic = logistic_letter(claims)
    applied = re.compile(re.escape(logistic) + r"(?![A-Za-z])\s*(?=\(|')") if logistic else None  # (s(γ), s'(γ))
    predicted = prediction_letter(claims)
    own_output = own_function_of_input(claims)
    if own_output is not None:  # Weinberger's H(\vec{x}) = \vec{z}_2: each H(\vec{x}) is \vec{z}_2
        own_output = (re.compile(r"(?:\\(?:mathbf|boldsymbol|bm)\s*+\{\s*+)?(?<![A-Za-z\\])" + own_output[0]
                                 + r"\s*+\}?\s*+\(\s*+" + _X_ARG + r"\s*+\)"), own_output[1])
    cdf, density = normal_functions(claims)
    for c in claims:
        text = c.latex if len(c.latex) <= 400 else ""
        if applied is not None:
            text = applied.sub(r"\\sigma", text)
        if cdf and text:  # (GELU's Φ and φ: the standard normal's distribution and density)
            text = _PHI_APPLIED.sub(r"\\normcdf ", text)
        if density and text:
            text = _DENSITY_APPLIED.sub(r"\\normpdf ", text)
        text = _dummy_as_z(text)  # Shewchuk's s'(\gamma) = s(\gamma)(1 - s(\gamma)): a function's own variable
        m = _DEFINED.match(text)
        if m and "=" not in text[m.end():] and _in_one_variable(text[m.end():], m.group(1)):
            text = f"g({m.group(1)}) = {text[m.end():].strip()}"
        elif text and _about_the_function(text):
            text = _APPLIED.sub(lambda a: f"g({a.group(2)})", text)
        text = _NETWORK.sub(lambda n: "\\hat{y}" if _PARAMETERS.search(n.group(1)) else n.group(0), text)
        text = _NAMED_NETWORK.sub(lambda n: "\\hat{y}", text)  # (Goldberg's NN_{MLP1}(x): the network's output)
        if predicted:  # (a linear substitution: any claim the parser reads, not only the short ones)
            text = _F_OF_X.sub(lambda n: "\\hat{y}", text or c.latex)
        if own_output is not None and not _OWN_OF_X.match(c.latex):  # (H(x) = z_2 itself stays as written)
            text = own_output[0].sub(lambda n: "{" + own_output[1] + "}", text or c.latex)
        if text and text != c.latex:
            originals[c.id] = c.latex
            c = replace(c, latex=text)
        out.append(c)
    return out, originals


#: a dummy variable a function is written of (never a quantity of the network): \gamma, \xi, \nu, \tau, t, u, v
_DUMMY = r"(?:\\(?:gamma|xi|nu|tau|zeta|kappa|chi|psi)(?![A-Za-z])|(?<![A-Za-z\\])[tuv](?![A-Za-z]))"
#: an activation function, or its slope, applied to a dummy variable: \sigma(\gamma), g'(t), \tanh(u)
_OF_DUMMY = re.compile(r"(?:\\(?:sigma|tanh|phi|varphi)|(?<![A-Za-z\\])[gf])\s*(?:'|\^\s*\{?\s*\\prime\s*\}?)?\s*(?:\\left\s*)?"
                       r"\(\s*(" + _DUMMY + r")\s*(?:\\right\s*)?\)")


def _dummy_as_z(text: str) -> str:
    """A claim about an activation function written of a dummy variable (``\\sigma'(\\gamma) = \\sigma(\\gamma)(1 -
    \\sigma(\\gamma))``, ``g'(t) = 1 - g(t)^2``: only that function, its slope and one variable) with the variable
    written z, as the parser reads a function's identity; any other claim as it is."""
    found = list(_OF_DUMMY.finditer(text))
    names = {m.group(1) for m in found}
    if len(names) != 1 or "=" not in text:
        return text
    v = names.pop()
    rest = set(_CLAIM_WORDS.sub(" ", _OF_DUMMY.sub(" ", text)).split())
    if not rest <= {v, "d", "d" + v, "\\sigma", "\\tanh"}:
        return text
    return re.sub((re.escape(v) + r"(?![A-Za-z])") if v.startswith("\\") else rf"(?<![A-Za-z\\]){v}(?![A-Za-z])", "z", text)


def _in_one_variable(rhs: str, v: str) -> bool:
    """Whether ``rhs`` is a formula in the variable ``v`` alone (and writes it)."""
    rest = _FORMULA_WORDS.sub(" ", rhs)
    return re.search(rf"(?<![A-Za-z]){v}(?![A-Za-z])", rhs) is not None and set(rest.split()) <= {v}


def _about_the_function(text: str) -> bool:
    """Whether the claim relates formulas whose only quantities are bare variables and the letter applied to them
    (``a(x) = … = …``, ``a(x) = …, \\qquad a(y) = …``, ``\\frac{d a(x)}{dx} = a(x)(1 - a(x))``): about the function.
    One linear pass of each regular expression over at most 400 characters."""
    found = list(_APPLIED.finditer(text))
    applied = {m.group(2) for m in found}
    if not applied or "=" not in text or any(m.group(1) for m in found):
        return False
    rest = set(_CLAIM_WORDS.sub(" ", _APPLIED.sub(" ", text)).split())
    return rest <= applied | {"d"} | {"d" + v for v in applied}
