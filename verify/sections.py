"""The sections of a document, and which of them gives the worked example it is judged on.

A course's notes and quiz solutions set several problems one after another (smaxx73's Session 6 notebook: an
exercise with x = 2, w = 0.5 for one neuron, then the 2-2-1 network's worked step with every number, then an
exercise on a 1-1-1 network with x = 1.0, y = 0; his solutions: a loss L = u² of u = 4 − 2w, a chain rule at x = 1,
then "Parameters: w = 0.8, b = −0.3, x = 1.5, y = 1"). A TA reads each problem's numbers with that problem's own
givens. So does verify:

- ``starts``: where the document's sections begin — its headings (Markdown's ``#`` … ``######`` outside code
  fences, LaTeX's ``\\section``, ``\\subsection`` …) of the outermost level that occurs twice or more (a single title
  divides nothing); each claim's section is the number of such headings before it (``document.extract``).
- ``choose``: the document's worked example is the first section's that gives every value by itself (the values
  of the whole document only when no single section does: an example spread over several sections, as before).
- ``foreign``: a section other than the example's that gives its own numbers for the network's quantities — an
  input or target with other numbers or another shape, a weight or bias of another shape, a summed input, activation
  or δ with another number of entries than the network has, or a layer the network does not have — sets its own
  problem: its claims are not judged on the example's numbers (``unchecked``, naming the value it gives). A restated
  value of the example (``x = 1.5`` again) is not its own, nor is a weight or bias of the same shape with other
  numbers (Chiari's "Final parameters" after the step).

Linear scans only; the rows looked at are those ``ownvalues`` reads, parsed once each by the claim grammar."""

from __future__ import annotations

import bisect
import re
from collections import Counter

import numpy as np

#: a heading and its level (Markdown's #'s; LaTeX's \section 1, \subsection 2, …), or a code fence
_HEADING = re.compile(r"^(?:(#{1,6})[ \t]|\\((?:sub)*)section\*?\{|[ \t]{0,8}```)", re.M)
#: layers past the network's a given row may name and still be read (W^{(2)} of another problem's second layer)
_EXTRA_LAYERS = 4
#: the summed inputs, activations and errors a section may give numbers for (with the network's size per layer)
_LAYER_KINDS = ("z", "h", "a", "delta")


def starts(text: str) -> list[int]:
    """The positions where the document's sections start (empty: one section)."""
    marks, fenced = [], False
    for m in _HEADING.finditer(text):
        if m.group(1) is None and m.group(2) is None:
            fenced = not fenced
        elif not fenced:
            marks.append((m.start(), len(m.group(1)) if m.group(1) else 1 + len(m.group(2)) // 3))
    counts = Counter(level for _, level in marks)
    divided = sorted(level for level, n in counts.items() if n >= 2)
    return [pos for pos, level in marks if level <= divided[0]] if divided else []


def section_at(heads: list[int], pos: int) -> int:
    """The section ``pos`` lies in (the number of section headings before it)."""
    return bisect.bisect_right(heads, pos)


def grouped(claims, most: int) -> list[list[int]]:
    """The positions of the first ``most`` claims, section by section in document order (one group when the document
    has no sections)."""
    of = getattr(claims, "sections", None) or {}
    groups: dict[int, list[int]] = {}
    for k, c in enumerate(list(claims)[:most]):
        groups.setdefault(of.get(c.id, 0), []).append(k)
    return list(groups.values())


def differs(given, example, key: str, net) -> str | None:
    """Why a value a section gives is its own rather than the example's (None when it restates the example's):
    ``given`` the numbers, ``example`` the example's [values] (``answers._values``' result), ``key`` the quantity."""
    numbers = np.ravel(np.asarray(given, dtype=float))
    if key in ("x", "y"):
        mine = np.ravel(np.asarray(example[key], dtype=float))
    elif key in example["params"]:
        mine = np.ravel(np.asarray(example["params"][key], dtype=float))
    else:
        return None
    if numbers.size != mine.size:
        return "another shape"
    if not np.allclose(np.sort(numbers), np.sort(mine), rtol=5e-3, atol=5e-4):
        return "other numbers"
    return None


def sized_otherwise(given, kind: str, layer, net) -> bool:
    """A summed input, activation or δ given with another number of entries than the network's layer has (one
    example): ``z^{(1)} = [0.6, -0.3]^T`` where the network's hidden layer is one unit."""
    if kind not in _LAYER_KINDS or not isinstance(layer, int) or not 1 <= layer < len(net.sizes):
        return False
    return np.size(given) != net.sizes[layer]


def outside(layer, net) -> bool:
    """A layer script past the network's layers (``W^{(2)}``, ``\\delta^{(2)}`` of a one-layer network)."""
    return isinstance(layer, int) and layer > net.depth


def depth_to_read(net) -> int:
    """The depth the givens are read at: layers past the network's read too (``outside`` names them)."""
    return net.depth + _EXTRA_LAYERS


#: sections judged on their own tiny example, at most (a judge each; the others' claims stay unchecked)
MAX_APART = 8
#: the note on a claim judged on its section's own tiny example
APART = ("judged on its section's own example: the network with one unit in every layer and one input, with the "
         "numbers the section gives")


def judged_apart(judge, claims, aside: dict) -> dict:
    """``aside`` (position -> result) with the claims of each section that gives a complete example of the tiny
    network (``judge.apart``: claim ids, network, values; ``ownvalues._tiny_example``) judged on it, by a judge of
    that network (the answer's own [notation] holds there too; its notation is inferred from the section) — only when
    the section's own forward pass bears the reading out (a forward claim right on it, none wrong: the tiny network
    has the spec's activations and loss, which the section might not share); otherwise they stay unchecked."""
    from gradproof.derive.derivation import derive

    from .judge import Judge

    out = dict(aside)
    derived = None  # (every section's tiny network is the same one-unit copy: derived once)
    for ids, net, values in judge.apart[:MAX_APART]:
        members = [(k, c) for k, c in enumerate(claims) if c.id in set(ids) and k in aside]
        if not members:
            continue
        try:
            derived = derived or derive(net, check=False)
            sub = Judge(derived, batch=1, values=values, notation=judge.declared)
            results = sub.check_all([c for _, c in members])
        except (ValueError, ArithmeticError):
            continue
        forward = [r.verdict for r in results if _FORWARD.fullmatch(r.quantity or "")]
        if "correct" not in forward or "incorrect" in forward:
            continue  # the tiny network's reading is not borne out by the section's own forward pass: left unchecked
        for (k, _), result in zip(members, results, strict=True):
            result.notes = [*result.notes, APART]
            out[k] = result
    return out


#: the quantities of a forward pass (a claim's quantity key): z1, h2, yhat, the loss
_FORWARD = re.compile(r"[zh]\d+|yhat|lossL?")
