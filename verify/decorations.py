r"""Scripts and decorations the parser would read as something else (issue 10, thirty-fifth round), rewritten for
the whole answer before its notation is inferred; the report shows each claim as written.

Bars that mark vectors. Aggarwal's *Neural Networks and Deep Learning* writes every
vector with a bar — ``\bar{\mathbf{a}}_{r+1} = W_{r+1}^T \bar{\mathbf{h}}_r``, ``\bar{\mathbf{h}}_{r+1} =
\Phi(\bar{\mathbf{a}}_{r+1})``, ``\bar{\mathbf{g}}_r = \frac{\partial L}{\partial \bar{\mathbf{h}}_r}`` — where Grosse's
CSC321/CSC413 notation, which the parser reads, writes ``\bar{v}`` for the error signal ∂J/∂v. Two right forward
definitions in Aggarwal's letters were judged wrong as backward equations. An error signal is never the argument of an
activation (the backward pass is linear in them) and nothing is differentiated by one, so where an answer applies a
nonlinear function to a barred letter or differentiates by one, at least twice, its bars mark vectors: they are dropped
before parsing.

A step written in superscript (``W^{(t+1)} = W^{(t)} - \eta \nabla_W J``, ``S^{(t)} = \beta S^{(t-1)} + ...``,
Kelleher's ``w_{i,k}^{t+1} = w_{i,k}^{t} - \eta \delta_k a_i``) had been read as a layer "(t+1)" or an index t: in a
claim that writes the next or the previous step so, each t-superscript becomes the step as the parser reads it (a
subscript on a bare letter, W_{t+1}; an argument after a letter's own subscript, w_{i,k}(t+1)).

A bounded regular expression per claim of at most ``MAX_LENGTH`` characters."""

from __future__ import annotations

import re
from dataclasses import replace

MAX_LENGTH = 4000
#: a barred letter, bold inside or not: \bar{\mathbf{a}}, \bar{h}, \bar h, \overline{x}, \overline{\mathbf{W}}
_BARRED = (r"\\(?:bar|overline)\s*(?:\{\s*(?P<bold>\\(?:mathbf|boldsymbol|bm)\s*\{\s*[A-Za-z]\s*\})\s*\}|\{\s*(?P<plain>[A-Za-z])"
           r"\s*\}|(?P<bare>[A-Za-z])(?![A-Za-z]))")
_BAR = re.compile(_BARRED)
#: an activation applied to a barred letter: \Phi(\bar{a}), \sigma(\bar{z}), f'(\bar a), \tanh\left(\bar{\mathbf{a}}
_ACTIVATED = re.compile(r"(?:\\(?:Phi|phi|varphi|sigma|tanh)|(?<![A-Za-z\\])[fgs])\s*(?:'|\^\s*\{?\s*\\prime\s*\}?)?\s*"
                        r"(?:\\left\s*)?\(\s*" + _BARRED)
#: a derivative by a barred letter: \partial \bar{\mathbf{h}}_r
_BY_BARRED = re.compile(r"\\partial\s*" + _BARRED)


def vector_bars(claims) -> tuple[list, dict]:
    """(the claims with vector bars dropped where the answer's bars mark vectors, {claim id: the text as written});
    the claims as they are and {} otherwise."""
    texts = [c.latex for c in claims if len(c.latex) <= MAX_LENGTH]
    evidence = sum(len(_ACTIVATED.findall(t)) + len(_BY_BARRED.findall(t)) for t in texts[:2000])
    if evidence < 2:
        return list(claims), {}
    out, originals = [], {}
    for c in claims:
        if len(c.latex) <= MAX_LENGTH and ("\\bar" in c.latex or "\\overline" in c.latex):
            text = _BAR.sub(lambda m: m.group("bold") or m.group("plain") or m.group("bare"), c.latex)
            if text != c.latex:
                originals[c.id] = c.latex
                c = replace(c, latex=text)
        out.append(c)
    return out, originals


#: a step's superscript: ^{(t+1)}, ^{t+1}, ^{(t-1)}, ^{t - 1} (the evidence a claim numbers steps in superscripts)
_NEXT_OR_PREVIOUS = re.compile(r"\^\s*\{\s*\(?\s*t\s*[+-]\s*1\s*\)?\s*\}")
#: a letter with its scripts and a step in superscript: W^{(t+1)}, w_{i,k}^{t+1}, S^{(t)}, \theta^{(t-1)}, W^{(t)}_{ij}
_STEP_SCRIPTED = re.compile(r"(?P<base>\\(?:theta|Theta|mathbf\s*\{\s*[A-Za-z]\s*\}|boldsymbol\s*\{\s*\\?[A-Za-z]+\s*\})|"
                            r"(?<![A-Za-z\\])[A-Za-z])\s*(?P<s1>_\s*(?:\{[^{}$]{1,12}\}|[A-Za-z0-9]))?\s*"
                            r"\^\s*\{\s*(?P<p>\()?\s*t\s*(?:(?P<sign>[+-])\s*1)?\s*(?(p)\))\s*\}"
                            r"(?P<s2>\s*_\s*(?:\{[^{}$]{1,12}\}|[A-Za-z0-9]))?")


def step_superscripts(claims) -> tuple[list, dict]:
    """(the claims with a step written in superscript — ``W^{(t+1)} = W^{(t)} - \\eta …``, ``S^{(t)} = \\beta S^{(t-1)} +
    …``, Kelleher's ``w_{i,k}^{t+1} = w_{i,k}^{t} - …`` — written as the parser reads a step: a subscript on a bare letter
    (``W_{t+1}``, ``S_{t-1}``), an argument after a letter's own subscript (``w_{i,k}(t+1)``), {claim id: the text as
    written}). Only in a claim that writes the next or the previous step so (t+1, t-1), where t is the step."""
    out, originals = [], {}

    def step(m: re.Match) -> str:
        t = "t" + (m.group("sign") + "1" if m.group("sign") else "")
        scripts = (m.group("s1") or "") + (m.group("s2") or "")
        return m.group("base") + (f"{scripts}({t})" if scripts else f"_{{{t}}}")

    for c in claims:
        if len(c.latex) <= MAX_LENGTH and _NEXT_OR_PREVIOUS.search(c.latex):
            text = _STEP_SCRIPTED.sub(step, c.latex)
            if text != c.latex:
                originals[c.id] = c.latex
                c = replace(c, latex=text)
        out.append(c)
    return out, originals
