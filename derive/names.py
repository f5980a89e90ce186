"""One place for the names of quantities: code keys, LaTeX, and the symbols' LaTeX forms.

The printer, the templates, the proof and the answer checker all take names from here, so code,
proof and verdicts agree.
"""

from __future__ import annotations

import re

#: LaTeX for the scalar symbols of derive.symbols, activations, losses and optimizers
SYMBOL_LATEX = {
    "yhat": r"\hat{y}",
    "alpha_lr": r"\alpha",
    "beta_1": r"\beta_1",
    "beta_2": r"\beta_2",
    "epsilon": r"\epsilon",
    "lambda": r"\lambda",
    "mhat": r"\hat{m}",
    "vhat": r"\hat{v}",
}

# -- code keys ---------------------------------------------------------------------------------------


def weight(l: int) -> str:
    return f"W{l}"


def bias(l: int) -> str:
    return f"b{l}"


def grad(key: str) -> str:
    """The gradient key of a parameter key: W2 -> dW2."""
    return f"d{key}"


def param_keys(depth: int) -> list[str]:
    return [k for l in range(1, depth + 1) for k in (weight(l), bias(l))]


#: quantity name patterns accepted in answers files (DESIGN.md): name -> (kind, layer or None)
_QUANTITY = re.compile(r"^(x|y|yhat|dyhat|loss|loss_next|(z|h|W|b|delta|dW|db|dh)(\d+)(_next)?)$")


def parse_quantity(name: str) -> tuple[str, int | None, bool] | None:
    """'dW2' -> ('dW', 2, False); 'W1_next' -> ('W', 1, True); 'yhat' -> ('yhat', None, False)."""
    m = _QUANTITY.match(name)
    if not m:
        return None
    if m.group(2):
        kind, layer, nxt = m.group(2), int(m.group(3)), bool(m.group(4))
        if nxt and kind not in ("W", "b"):
            return None
        return kind, layer, nxt
    base = m.group(1)
    return (base[:-5], None, True) if base.endswith("_next") else (base, None, False)


# -- LaTeX -------------------------------------------------------------------------------------------


def sup(l: int | str) -> str:
    return f"^{{({l})}}"


def tex_vec(letter: str, l: int | str | None = None) -> str:
    """Bold vector with a layer index: z, 2 -> \\mathbf{z}^{(2)}."""
    core = r"\boldsymbol{\delta}" if letter == "delta" else rf"\mathbf{{{letter}}}"
    return core + (sup(l) if l is not None else "")


def tex_weight(l: int | str, convention: str = "row") -> str:
    return rf"\mathbf{{W}}{sup(l)}"


def tex_transpose(tex: str) -> str:
    r"""Transpose of a symbol that may already carry a superscript: {\mathbf{W}^{(2)}}^{\top}."""
    return f"{{{tex}}}^{{\\top}}" if "^" in tex else f"{tex}^{{\\top}}"


def tex_bias(l: int | str, convention: str = "row") -> str:
    return rf"\mathbf{{W}}_0{sup(l)}" if convention == "column" else rf"\mathbf{{b}}{sup(l)}"


def tex_partial(of: str, wrt: str) -> str:
    return rf"\frac{{\partial {of}}}{{\partial {wrt}}}"


def tex_quantity(kind: str, l: int | None = None, convention: str = "row") -> str:
    """LaTeX of an answers-file quantity, e.g. ('dW', 2) -> \\frac{\\partial J}{\\partial \\mathbf{W}^{(2)}}."""
    table = {
        "x": r"\mathbf{x}",
        "y": r"\mathbf{y}",
        "yhat": r"\hat{\mathbf{y}}",
        "loss": "J",
        "dyhat": tex_partial("J", r"\hat{\mathbf{y}}"),
    }
    if kind in table:
        return table[kind]
    if kind in ("z", "h", "delta"):
        return tex_vec(kind, l)
    if kind == "W":
        return tex_weight(l, convention)
    if kind == "b":
        return tex_bias(l, convention)
    if kind in ("dW", "db", "dh"):
        inner = tex_quantity(kind[1:], l, convention)
        return tex_partial("J", inner)
    raise KeyError(kind)


#: optimizer state and temporaries (derive.optimizers) as courses write them: S_{W}, \hat{m}_{W}
STATE_LATEX = {"S": "S", "v": "v", "m": "m", "G": "G", "mhat": r"\hat{m}", "vhat": r"\hat{v}"}


def tex_state(name: str, param_tex: str) -> str:
    r"""The optimizer state ``name`` of a parameter: ('S', \mathbf{W}^{(2)}) -> S_{\mathbf{W}^{(2)}}."""
    return f"{STATE_LATEX[name]}_{{{param_tex}}}"
