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
    "lambda_wd": r"\lambda_{\mathrm{wd}}",
    "Delta": r"\Delta\theta",
    "vmax": r"v^{\max}",
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
STATE_LATEX = {"S": "S", "v": "v", "m": "m", "G": "G", "u": "u", "D": "D", "vmax": r"v^{\max}", "mhat": r"\hat{m}",
               "vhat": r"\hat{v}", "Delta": r"\Delta\theta"}


def tex_state(name: str, param_tex: str) -> str:
    r"""The optimizer state ``name`` of a parameter: ('S', \mathbf{W}^{(2)}) -> S_{\mathbf{W}^{(2)}}."""
    return f"{STATE_LATEX[name]}_{{{param_tex}}}"


# -- arrays of the batch program (networks with layer kinds) -----------------------------------------------

#: array name prefix -> LaTeX; the layer path follows as a superscript, (4.1) for the first layer of 4's body
ARRAY_LATEX = {
    "X": r"\mathbf{X}", "Y": r"\mathbf{Y}", "Z": r"\mathbf{Z}", "H": r"\mathbf{H}", "Xhat": r"\hat{\mathbf{X}}",
    "mu": r"\boldsymbol{\mu}", "sigma": r"\boldsymbol{\sigma}", "gamma": r"\boldsymbol{\gamma}", "beta": r"\boldsymbol{\beta}",
    "M": r"\mathbf{M}", "P": r"\mathbf{P}", "W": r"\mathbf{W}", "b": r"\mathbf{b}", "D": r"\boldsymbol{\Delta}",
    "G": r"\mathbf{G}", "running_mean": r"\mathbf{r}_{\mu}", "running_var": r"\mathbf{r}_{\sigma^2}",
}
_ARRAY = re.compile(r"^(d?)(running_mean|running_var|Xhat|mu|var|sigma|gamma|beta|mask|[XYZHMPWbDG])(\d+(?:_\d+)*)?$")


def layer_sup(path: str) -> str:
    """The layer superscript of a path: '4_1' -> ^{(4.1)}."""
    return sup(path.replace("_", "."))


def tex_array(name: str) -> str:
    r"""LaTeX of a program array or parameter key: 'Xhat2' -> \hat{\mathbf{X}}^{(2)}, 'dgamma2' -> \frac{\partial J}{\partial
    \boldsymbol{\gamma}^{(2)}}, 'dH_H3' -> \frac{\partial J}{\partial \mathbf{H}^{(3)}}, 'var2' -> (\boldsymbol{\sigma}^{(2)})^{2}."""
    if name.startswith("dH_"):
        return tex_partial("J", tex_array(name[3:]))
    m = _ARRAY.match(name)
    if not m:
        raise KeyError(name)
    grad_, letter, path = m.groups()
    if letter == "var":
        core = f"({ARRAY_LATEX['sigma']}{layer_sup(path)})^{{2}}"
    elif letter == "mask":
        core = ARRAY_LATEX["M"] + layer_sup(path)
    else:
        core = ARRAY_LATEX[letter] + (layer_sup(path) if path else "")
    return tex_partial("J", core) if grad_ else core
