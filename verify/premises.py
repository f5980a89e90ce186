r"""What an answer states to set up a claim rather than as a claim: conditions on its indices, and a section's own
activation function.

A learner's solutions to Nielsen's chapter 2 (the nndl-solutions notebook) write their conditions inline — "until
reaching ``$l+1 = L$``", "if the modified neuron is inside the network (``$l < L$``)", "all terms are null except the
one where ``$k = j$``" — and Exercise 3 opens with a premise: "With the activation function ``$\sigma(z) = z$``, we
have ``$\sigma'(z) = 1$`` and ``$a_j^l = z_j^l$``", then writes BP1 and BP2 for that linear network. A TA reads

- **a condition on indices** (every side of the relation built from the index letters i, j, k, l, ℓ, the layer count
  L and small integers, at least two sides with a letter: ``l + 1 = L``, ``k = j``, ``1 \le \ell < L``) as the scope
  of the claims around it, not as a claim: ``unchecked``, saying so (it counts among the document's claims, as a
  relation, and reading ``L`` as the loss judged ``l + 1 = L`` wrong);
- **a section's own activation**: inline math right after a premise's word ("with", "if", "suppose", "assume", "let",
  "consider", "take", "using", "given", "when") that defines the activation function of a letter — σ, φ, ϕ, g, f —
  applied to one variable as another built-in function than the spec's (``\sigma(z) = z``: the identity; ``\max(0,
  z)``, ``\tanh(z)``, ``\frac{1}{1 + e^{-z}}``) sets the network of its section (its innermost heading, from the
  premise on): the premise is not graded, and the section's other claims are judged in the spec's network with that
  activation in place of the one the letter names (σ: the spec's sigmoid layers; φ, ϕ, g, f: every layer, when they
  all share one activation). Where that network cannot be made (a loss that needs probabilities, numbers given for
  the spec's network), the claims stay ``unchecked``, naming the premise.

Linear scans of each claim's first 200 characters; no claim text is evaluated."""

from __future__ import annotations

import re
from dataclasses import replace

_INDEX = r"(?:[ijklL]|\\ell)"
_TERM = r"(?:" + _INDEX + r"(?:\s*[+-]\s*(?:\d{1,2}|" + _INDEX + r"))?|\d{1,2})"
_REL = r"(?:=|<|>|\\(?:le|leq|ge|geq|lt|gt|neq?|leqslant|geqslant)(?![A-Za-z])|[≤≥≠])"
#: a relation between index letters (and small integers): l + 1 = L, k = j, 1 \le \ell < L
_CONDITION = re.compile(r"\s*" + _TERM + r"(?:\s*" + _REL + r"\s*" + _TERM + r"){1,3}\s*[.,;:]?\s*")
_LETTER = re.compile(_INDEX)
_LOWER = re.compile(r"[ijkl]|\\ell")

#: the words of a premise right before inline math ("With the activation function $…$", "If $…$")
PREMISE = re.compile(r"\b(?:with|if|suppose|supposing|assume|assuming|let|consider|take|taking|using|given|when)\b"
                     r"[^.;:$\n]{0,50}$", re.I)

_VAR = r"([a-z])"
#: a definition of an activation function applied to one variable: \sigma(z) = …, \varphi(x) = …, g(z) = …
_DEFINES = re.compile(r"\s*(\\sigma|\\varphi|\\phi|g|f)\s*(?:\\left)?\s*\(\s*" + _VAR + r"\s*(?:\\right)?\s*\)\s*=\s*(.{1,80}?)"
                      r"\s*[.,;]?\s*$")
_LETTER_ACTIVATION = {"\\sigma": "sigmoid"}  # the letter that names one built-in activation; the others are generic
#: the sections with their own activation judged in one answer (each premise's section: one network derived)
MAX_PREMISES = 4


def _builtin(rhs: str, var: str) -> str | None:
    """The built-in activation ``rhs`` writes of ``var`` (spaces, \\left/\\right, \\operatorname and \\text dropped), or
    None."""
    s = re.sub(r"\\(?:left|right)(?![A-Za-z])|\s+", "", rhs)
    s = re.sub(r"\\(?:operatorname|text|mathrm)\{(\w+)\}", r"\1", s)
    v = re.escape(var)
    forms = {
        "identity": rf"{v}",
        "relu": rf"\\?max[({{]0,{v}[)}}]|\\?max[({{]{v},0[)}}]|(?:ReLU|relu)\({v}\)",
        "tanh": rf"\\tanh\(?{v}\)?|tanh\({v}\)",
        "sigmoid": rf"\\frac\{{1\}}\{{1\+(?:e\^\{{-{v}\}}|e\^-{v}|\\exp\(-{v}\))\}}|1/\(1\+(?:e\^\{{-{v}\}}|e\^-{v}|\\exp\(-{v}\))\)",
    }
    return next((name for name, form in forms.items() if re.fullmatch(form, s)), None)


#: an index's range: k = l, l-1, \ldots, 1 (Goodfellow's loop), i = 1, \dots, n, l = 1, 2, …, L
_RANGE = re.compile(r"\s*" + _INDEX + r"\s*=\s*(?:" + _TERM + r"\s*,\s*)+(?:\\[lc]?dots|\\ldots|…|\.\.\.)(?:\s*,\s*" + _TERM
                    + r")?\s*[.,;:]?\s*")


def index_condition(latex: str) -> bool:
    """Whether the claim is a condition on indices: l + 1 = L, k = j, 1 \\le \\ell < L, a range k = l, l-1, \\ldots, 1
    (not l = 2: an index's value)."""
    if len(latex) <= 200 and _RANGE.fullmatch(latex):
        return True
    if len(latex) > 200 or not _CONDITION.fullmatch(latex):
        return False
    sides = re.split(_REL, latex)
    return sum(1 for s in sides if _LETTER.search(s)) >= 2 and _LOWER.search(latex) is not None


CONDITION = "states a condition on indices ({}), the scope of the claims around it, not a claim: not graded"


#: a short inequality with no equality and no derivative: a condition (λ > 0, 0 < p \le 1, z_j > 0)
_ORDER = re.compile(r"(?<![\\=])[<>](?!=)|\\(?:le|leq|ge|geq|lt|gt|neq?|leqslant|geqslant)(?![A-Za-z])|[≤≥≠]")
_NOT_CONDITION = re.compile(r"=|\\(?:partial|frac|nabla|sum|left)|\bd[A-Za-z]")
INEQUALITY = "states a condition ({}), not a claim: not graded"


def conditions(claims) -> dict[str, str]:
    """claim id -> why it is not judged, for the conditions among a document's claims: on indices (l + 1 = L), or an
    inequality alone (λ > 0)."""
    out = {}
    for c in list(claims)[:2000]:
        if index_condition(c.latex):
            out[c.id] = CONDITION.format(" ".join(c.latex.split()))
        elif len(c.latex) <= 60 and _ORDER.search(c.latex) and not _NOT_CONDITION.search(c.latex):
            out[c.id] = INEQUALITY.format(" ".join(c.latex.split()))
    return out


def own_activation(claims, net) -> list[tuple[str, str, object | None, list[str]]]:
    """For each section with a premise that sets its own activation: (the premise's id, the premise as written, (the
    spec's network with that activation, the premise's function letter, the activation's name) — None when the network
    cannot be made or the answer has more than MAX_PREMISES such premises (the later ones: unchecked, not judged in the
    spec's network) —, the ids of the section's later claims)."""
    premises = getattr(claims, "premises", None)
    if not premises:
        return []
    of = getattr(claims, "premise_scopes", None)
    of = of if of is not None else getattr(claims, "subsections", None) or {}
    # (a line in bold, **Backprop** after **Setup**, sets a topic apart but ends no premise: headings and questions do)
    claims = list(claims)[:2000]
    by_section: dict = {}  # section -> [(position, id)] (one pass: each premise's later claims without a rescan)
    for k, c in enumerate(claims):
        by_section.setdefault(of.get(c.id), []).append((k, c.id))
    out = []
    for k, c in enumerate(claims):
        m = _DEFINES.fullmatch(c.latex) if c.id in premises else None
        name = m and _builtin(m.group(3), m.group(2))
        if not name:
            continue
        layers = _layers_named(net, m.group(1))
        if not layers or all(net.layers[i].activation == name for i in layers):
            continue  # the spec's own activation restated, or a letter that names no layer's
        later = [cid for pos, cid in by_section[of.get(c.id)] if pos > k]
        made = _with_activation(net, layers, name) if len(out) < MAX_PREMISES else None
        out.append((c.id, " ".join(c.latex.split()), made and (made, m.group(1).lstrip("\\"), name), later))
    return out


def _layers_named(net, letter: str) -> list[int]:
    """The layers (positions) whose activation the letter names: σ the sigmoid ones; a generic letter every layer, when
    they all share one activation (else none)."""
    if net.has_kinds:
        return []
    if letter in _LETTER_ACTIVATION:  # (σ names the sigmoid layers only: a softmax output beside them stays as it is)
        return [i for i, layer in enumerate(net.layers) if layer.activation == _LETTER_ACTIVATION[letter] and not layer.vector]
    if any(layer.vector for layer in net.layers):
        return []
    return list(range(len(net.layers))) if len({layer.activation for layer in net.layers}) == 1 else []


def _with_activation(net, layers: list[int], name: str):
    """The network with the built-in activation ``name`` in the given layers, or None when its loss needs outputs that
    are probabilities and the new output activation does not give them."""
    from gradproof.derive import activations

    entry = activations.lookup(name)
    if entry is None or entry.params:
        return None
    if len(net.layers) - 1 in layers and getattr(net.loss, "needs_probabilities", False) and not entry.probabilities:
        return None
    new = list(net.layers)
    for i in layers:
        new[i] = replace(new[i], activation=entry.name, definition=entry.definition, params=(), symbols=(), formula=None,
                         latex=entry.latex, vector=False, probabilities=entry.probabilities)
    return replace(net, layers=tuple(new))


PREMISE_NOTE = ("states its section's premise, the activation {} in place of the spec's {} (a premise is not graded); "
                "the section's claims are judged in that network")
UNMADE = "not judged: its section sets its own activation ({}), in a network gradproof cannot make from the spec"
IN_OWN = "judged in its section's own network: the activation {} in place of the spec's {}"


#: a heading that names a model of one layer (zgwl's "## Logistic Regression" before "## Neural Network with one
#: Hidden Layer"): its section is about that model, not the spec's network of several layers
MODEL_HEADING = re.compile(r"(?i)\b(?:(logistic|linear|softmax|multinomial(?: logistic)?)[ \t]+regression"
                           r"|(single|one)[ \t]+neuron(?![ \t]*(?:layers?|per|network|chain)\b))\b")
# (not "perceptron": a multilayer one is the network; nor 3Blue1Brown's "single neuron layer", "one neuron per layer")
_MODEL_OUTPUT = {"logistic": ("sigmoid",), "linear": ("identity",), "softmax": ("softmax",),
                 "multinomial": ("softmax",), "multinomial logistic": ("softmax",),
                 "single": ("sigmoid", "identity", "tanh", "relu"), "one": ("sigmoid", "identity", "tanh", "relu")}
MODEL_UNMADE = ("not judged: its section ({}) is about a model of one layer, not the spec's network of {} layers, and "
                "the spec's output layer is not that model's")
MODEL_NOTE = "judged in its section's own model ({}): the spec's output layer on the inputs, one layer"


def one_layer_model(net, heading: str):
    """The spec's output layer alone on the inputs (the model the heading names, when its output activation is that
    model's), or None."""
    m = MODEL_HEADING.search(heading)
    if m is None or net.has_kinds or net.depth < 2:
        return None
    last = net.layers[-1]
    kind = (m.group(1) or m.group(2)).lower()
    if last.activation not in _MODEL_OUTPUT.get(kind, ()) or kind in ("single", "one") and last.units != 1:
        return None  # (a single neuron: the spec's output layer of one unit alone)
    return replace(net, layers=(replace(last, index=1, n_in=net.inputs),))


def models(claims, net) -> list:
    """(None, the heading, (the one-layer network, None, None) or None, the ids of its claims) for each section whose
    heading names a one-layer model, when the spec has several layers."""
    named = getattr(claims, "models", None)
    if not named or net.depth < 2:
        return []
    chain = all(n == 1 for n in net.sizes[1:])  # (a chain of single neurons: "a single neuron" is the network itself)
    by_heading: dict = {}
    for c in list(claims)[:2000]:
        if c.id in named and not (chain and (m := MODEL_HEADING.search(named[c.id])) and m.group(2)):
            by_heading.setdefault(named[c.id], []).append(c.id)
    out = []
    for n, (heading, ids) in enumerate(by_heading.items()):  # (past MAX_PREMISES: unchecked, no network made)
        made = one_layer_model(net, heading) if n < MAX_PREMISES else None
        if made is None and (m := MODEL_HEADING.search(heading)) and m.group(2):
            out.append((None, heading, SOFT, ids))  # a single neuron's section the spec's network cannot be: judged as
            continue  # the network, only its `incorrect` verdicts taken back (soften); its right lines stay right
        out.append((None, heading, made and (made, None, None), ids))
    return out


#: a single neuron's section in a network whose output is not one (``models``): judged as the network, but a wrong
#: verdict there may be the neuron's own right line (its shapes, its numbers): those are unchecked (``soften``)
SOFT = "soft"


def soften(results, found: list, depth: int) -> None:
    """In place: each ``incorrect`` result of a claim in a soft section (``models``: a single neuron's, the spec's
    output not that model) unchecked, saying so; its ``correct`` ones (vikram's W ← W − η dL/dW, right for any layer)
    stand."""
    soft = {i: heading for _, heading, made, ids in found if made == SOFT for i in ids}
    for r in results:
        if r.id in soft and r.verdict == "incorrect":
            r.message = MODEL_UNMADE.format(soft[r.id].strip(), depth) + f"; as the spec's network: {r.message}"
            r.verdict, r.expected, r.counterexample = "unchecked", "", None


def _unmade(entry, net) -> str:
    pid, text = entry[0], entry[1]
    return UNMADE.format(text) if pid is not None else MODEL_UNMADE.format(text, net.depth)


def set_aside(claims, net) -> tuple[dict[str, str], list]:
    """(claim id -> why it is not judged by the spec's network, the sections ``judged_in_own`` judges afterwards):
    conditions on indices, premises and their sections' claims (``own_activation``), the claims of a section about a
    one-layer model (``models``)."""
    why = conditions(claims)
    found = own_activation(claims, net) + models(claims, net)
    for entry in found:
        pid, premise, made, later = entry
        if made == SOFT:
            continue  # (judged as the network, softened afterwards: ``soften``)
        if pid is not None:
            why[pid] = PREMISE_NOTE.format(premise, _spec_activations(net, made))
        for i in later:
            why.setdefault(i, _unmade(entry, net))
    return why, found


def _spec_activations(net, made=None) -> str:
    """The spec's activations the premise replaces (those of the layers its network changes; every layer's when it
    could not be made)."""
    changed = [a for a, b in zip(net.layers, made[0].layers, strict=False) if a.activation != b.activation] if made else []
    return ", ".join(dict.fromkeys(layer.activation for layer in (changed or net.layers)))


def judged_in_own(judge, claims, aside: dict, found: list) -> dict:
    """``aside`` (position -> result) with each premise's later claims judged in the network it sets, and a model
    section's claims in that model (``found``: ``set_aside``), each result noting it; claims it cannot judge there stay
    as they are (unchecked)."""
    from gradproof.derive import limits
    from gradproof.derive.derivation import derive

    from .judge import Judge

    out = dict(aside)
    at = {c.id: k for k, c in enumerate(claims)}
    for entry in found:
        pid, premise, made, later = entry
        unmade = _unmade(entry, judge.net)
        members = [at[i] for i in later if i in at and at[i] in aside and aside[at[i]].message == unmade]
        if made is None or judge.numeric or not members or limits.overdue():
            continue  # (past the run's soft deadline: left unchecked, as any claim not yet judged)
        net, letter, name = made
        # a premise's letter names the new activation there (σ is the sigmoid elsewhere)
        notation = (replace(judge.declared, functions=(*judge.declared.functions, (letter, name))) if letter
                    else judge.declared)
        try:
            sub = Judge(derive(net, check=False), batch=judge.batch, notation=notation, seed=judge._seed)
            results = sub.check_all([claims[k] for k in members])
        except (ValueError, ArithmeticError):
            continue
        note = (IN_OWN.format(premise, _spec_activations(judge.net, made)) if pid is not None
                else MODEL_NOTE.format(premise))
        for k, result in zip(members, results, strict=True):
            result.notes = [*result.notes, note]
            out[k] = result
    return out
