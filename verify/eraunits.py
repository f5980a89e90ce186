r"""The School of AI's ERA back-propagation sheet (session 6, every cohort since 2023; hundreds of students' write-ups):
Mazur's 2-2-2 network in its own letters. ``h_1 = w_1 i_1 + w_2 i_2`` is hidden unit 1's summed input and ``a_{h_1} =
σ(h_1)`` its output; ``o_1 = w_5 a_{h_1} + w_6 a_{h_2}`` and ``a_{o_1} = σ(o_1)`` the output unit's; ``t_1`` its target;
``E_1 = ½ (t_1 − a_{o_1})²``, ``E_{total} = E_1 + E_2``; w_1 … w_8 numbered as Mazur numbers them. Written in LaTeX
(``a_{h_1}``, ``\frac{\partial E_{total}}{\partial w_5}``) or typed (``a_h1``, ``ah1``, ``∂E_Total/∂w5``).

Read only where the answer writes both an output ``a`` of a hidden unit (``a_{h_1}``, ``a_h1``, ``ah1``) and of an
output unit (``a_{o_1}``, …): then a bare ``h_1`` / ``o_1`` can only be the summed input (in any other notation h_1 is
an activation). The claim is respelt in Mazur's words, which the parser reads (``net_{h1}``, ``out_{o1}``,
``target_{o1}``, ``E_{o1}``, ``E_{total}``; ``i_1`` and ``w_5`` stay): ``rewrite`` is a sequence of linear regular
expressions with no nesting; the respelt text is parsed, never evaluated."""

from __future__ import annotations

import re

#: a unit's number after its letter: _1, _{1}, 1 (a closing brace is taken only with its opening one)
_NUMBER = r"(?:\s*_\s*(?:\{\s*[1-9]\s*\}|[1-9])|[1-9])(?![0-9])"
#: an output of a hidden unit and of an output unit, in the sheet's spellings: a_{h_1}, a_{h1}, a_h1, a_h_1, ah1
_ACTIVATION = r"(?<![A-Za-z\\])a\s*(?:_\s*\{\s*{u}" + _NUMBER + r"\s*\}|_\s*{u}" + _NUMBER + r"|{u}" + _NUMBER + ")"
_HIDDEN_OUT = re.compile(_ACTIVATION.replace("{u}", "h"))
_OUTPUT_OUT = re.compile(_ACTIVATION.replace("{u}", "o"))
#: a unit's summed input, a target, one output's error, an input: h_1, h1, o_{1}, t_1, t1, E_1, E1, i_1 (not inside
#: another script)
_SUMMED = re.compile(r"(?<![A-Za-z\\_{])([ho])" + _NUMBER)
_TARGET = re.compile(r"(?<![A-Za-z\\_{])t" + _NUMBER)
_ERROR = re.compile(r"(?<![A-Za-z\\_{])E" + _NUMBER)
_INPUT = re.compile(r"(?<![A-Za-z\\_{])i" + _NUMBER)
_TOTAL = re.compile(r"(?<![A-Za-z\\])E\s*_\s*(?:\{\s*(?:\\(?:text|mathrm)\s*\{\s*(?:total|Total|TOTAL)\s*\}|total|Total|TOTAL)\s*\}"
                    r"|total|Total|TOTAL)|(?<![A-Za-z\\])ET(?![A-Za-z0-9_])")  # (santoshnlp's typed ET = E1 + E2)
#: a typed derivative with d, dET/da_o1, dE1/da_h1, da_o1/do1, do1/dw5, d(E1+E2)/da_h1 (santoshnlp's sheet): its d's are
#: ∂'s
_NAME_D = r"(?:ET|E_?(?:total|Total)|E_?[1-9]|a_?\{?[ho]_?\{?[1-9]\}?\}?|[hoit]_?[1-9]|[wW]_?[1-9])(?![A-Za-z0-9])"
_TYPED_D = re.compile(r"(?<![A-Za-z\\])d\s*(" + _NAME_D + r"|\(\s*E_?1\s*\+\s*E_?2\s*\))\s*/\s*d\s*(" + _NAME_D + ")")
#: typed weights: w5 (Mazur's w_5)
_WEIGHT = re.compile(r"(?<![A-Za-z\\_])[wW]\s*([1-8])(?![0-9])")


#: the two outputs' errors added in parentheses, once respelt: (E_{o1} + E_{o2})
_BOTH_ERRORS = re.compile(r"\(\s*E_\{o1\}\s*\+\s*E_\{o2\}\s*\)")


#: a typed derivative of the respelt names, ∂E1/∂a_o1 (∂ E_{o1} / ∂ out_{o1} once respelt): as a fraction
_SLASHED = re.compile(r"\\partial\s*((?:E|out|net|target)_\{[a-z0-9]{1,6}\}|[A-Za-z])\s*/\s*\\partial\s*"
                      r"((?:out|net)_\{[ho][0-9]\}|w\s*_\s*\{?\s*[1-8]\s*\}?|[wW][1-8])")


#: the weight after the step: new_w1, new_w_1, w1_new (Mazur's w_1^{+})
_NEW_WEIGHT = re.compile(r"(?<![A-Za-z\\])(?:new_?\s*[wW]\s*_?\s*(?:\{\s*([1-8])\s*\}|([1-8]))|[wW]\s*_?\s*([1-8])\s*_\s*\{?\s*new\s*\}?)"
                         r"(?![0-9A-Za-z])")


def _digit(m: re.Match) -> str:
    return re.search(r"[1-9]", m.group(0)[1:]).group(0)


def uses(text: str) -> bool:
    """Whether the answer writes the sheet's letters: both a_{h_k} and a_{o_k} (in any of their spellings)."""
    head = text[:200_000]
    return _HIDDEN_OUT.search(head) is not None and _OUTPUT_OUT.search(head) is not None


def rewrite(text: str) -> str:
    """The claim in Mazur's words (see the module's docstring)."""
    text = text.replace("\\*", "*")
    text = _TYPED_D.sub(r"\\partial \1/\\partial \2", text)
    text = _NEW_WEIGHT.sub(lambda m: f" w_{{{m.group(1) or m.group(2) or m.group(3)}}}^{{+}} ", text)
    text = _HIDDEN_OUT.sub(lambda m: f" out_{{h{_digit(m)}}} ", text)
    text = _OUTPUT_OUT.sub(lambda m: f" out_{{o{_digit(m)}}} ", text)
    text = _TOTAL.sub(" E_{total} ", text)
    text = _SUMMED.sub(lambda m: f" net_{{{m.group(1)}{_digit(m)}}} ", text)
    text = _TARGET.sub(lambda m: f" target_{{o{_digit(m)}}} ", text)
    text = _ERROR.sub(lambda m: f" E_{{o{_digit(m)}}} ", text)
    text = _INPUT.sub(lambda m: f" i_{{{_digit(m)}}} ", text)
    text = _BOTH_ERRORS.sub(" E_{total} ", text)  # ∂(E_1 + E_2)/∂w_5: the sheet's E_total = E_1 + E_2
    return _WEIGHT.sub(lambda m: f" w_{{{m.group(1)}}} ", _SLASHED.sub(r"\\frac{\\partial \1}{\\partial \2}", text))
