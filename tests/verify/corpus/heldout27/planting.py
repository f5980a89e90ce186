"""Writes heldout27's planted copies from the faithful files (run from this folder: python planting.py).
A helper of the corpus author, not an oracle: each edit replaces one substring on one line. In Markdown (plant.py, a
link to heldout19's helper) `<!-- PLANTED [id]: why -->` goes at the end of the edited line, or at the end of the
display's closing `$$` line when the edit is inside a multi-line display (`closing`); in LaTeX (plant_tex) the comment
is `% PLANTED [id]: why` at the end of the edited line (a TeX comment)."""

from plant import plant

SOLIDAY = {
    233: ("& = & \\VAR{a}{L-1}{k}", "& = & \\VAR{a}{L-1}{m}", "eq:dOut3", "a^{(L-1)}_m for a^{(L-1)}_k (a wrong index)"),
    276: ("\\FU{\\sigma'}{\\VAR{z}{L}{m}}", "\\FU{\\sigma}{\\VAR{z}{L}{m}}", "eq:dbL", "sigma' written as sigma"),
    461: ("= \\GPP{\\VAR{a}{L}{m} - y_m}", "= \\GPP{y_m - \\VAR{a}{L}{m}}", "eq:errorlast", "y - a for a - y (a sign slip)"),
    471: ("\\cdot \\VAR{W}{l+1}{m,k}}}", "\\cdot \\VAR{W}{l+1}{k,m}}}", "eq:error", "W_{k,m} for W_{m,k} (a transposed factor)"),
}

HKVE = {
    52: ("= \\delta_i^L a_j^{L-1}", "= \\delta_j^L a_i^{L-1}", "line 52", "the indices i and j swapped"),
    56: ("\\pdv{C}{a_i^L} f'(z_i^L)", "\\pdv{C}{a_i^L} f(z_i^L)", "line 56", "f' written as f"),
    70: ("w_{ki}^{l+1} f'(z_i^l)", "w_{ik}^{l+1} f'(z_i^l)", "line 70", "w_ik for w_ki (a transposed factor)"),
}

JOAOGCI = {
    16: ("&= a^{(l-1)}_k\\delta^{(l)}_j.", "&= a^{(l-1)}_j\\delta^{(l)}_k.", "eq:backprop4", "the indices j and k swapped"),
    85: ("&= \\sigma^{(l)\\;\\prime}(z^{(l)})\\odot", "&= \\sigma^{(l)}(z^{(l)})\\odot", "line 85.2", "sigma' written as sigma"),
    89: ("&= \\delta^{(l)}(a^{(l-1)})^T,", "&= (a^{(l-1)})^T\\delta^{(l)},", "line 89.4", "the factors' order transposed"),
    101: ("= \\sum_{i=1}^n\\delta^{(l)}(x_i)", "= \\delta^{(l)}(x_i)", "line 101", "the sum over the data points dropped"),
}

ALPSJUR = {
    18: ("((\\boldsymbol{w}^{l+1})^T\\delta^{l+1})", "(\\boldsymbol{w}^{l+1}\\delta^{l+1})", "eq:backprop.2", "the transpose dropped"),
    24: ("$\\delta^L = \\boldsymbol{a}-\\boldsymbol{y}$", "$\\delta^L = \\boldsymbol{y}-\\boldsymbol{a}$", "line 24",
         "y - a for a - y (a sign slip)"),
    38: ("= \\delta^l(\\boldsymbol{a}^{l-1})^T$", "= \\delta^l(\\boldsymbol{a}^{l})^T$", "line 38", "a^l for a^{l-1} (a wrong layer)"),
}

EJHUSOM = {
    33: ("\\delta_{l+1} W_{l+1}^T a'(z_l)", "\\delta_{l+1} W_{l+1} a'(z_l)", "line 33", "the transpose dropped"),
    41: ("W_l - \\eta a_{l-1}^T \\delta_l", "W_l - \\eta \\delta_l a_{l-1}^T", "line 41.1", "the factors' order transposed"),
    64: ("\\delta_L = \\hat{y} - y.", "\\delta_L = y - \\hat{y}.", "eq:outputerror", "y - yhat for yhat - y (a sign slip)"),
}

SCHRADER = {
    11: ("= \\sum_{j=1}^m \\left (\\frac{dC}{da_j} \\right)", "= \\left (\\frac{dC}{da_j} \\right)", "backprop1",
         "the sum over the outputs j dropped"),
    19: ("= - \\frac{y_j^{(l)}}{a_j^{(l)}}", "= \\frac{y_j^{(l)}}{a_j^{(l)}}", "line 19", "a sign slip"),
    31: ("=  \\textbf{M}\\cdot(- \\textbf{y}", "=  (- \\textbf{y}", "gradientb", "the softmax Jacobian M dropped"),
}

HMTBGC = {
    8: ("=X^T\\frac{\\partial{L}}{\\partial{y}}", "=X\\frac{\\partial{L}}{\\partial{y}}", "line 8", "the transpose dropped"),
    37: ("=-\\frac{1}{n}(Y-\\hat{Y})", "=-(Y-\\hat{Y})", "line 37", "the mean's 1/n dropped"),
    42: ("param = param - lr * grad", "param = param + lr * grad", "line 42", "a step up the gradient"),
}

ZINGALE_ONE = {
    22: ("= \\delta_{ip} x^k_q$$", "= \\delta_{iq} x^k_p$$", "line 22", "delta_iq x_p for delta_ip x_q (wrong indices)"),
    35: ("= z_i (1- z_i) \\delta_{ip} x^k_q$$", "= z_i \\delta_{ip} x^k_q$$", "line 35", "g' written as g"),
    58: ("= 2 ({\\bf z} - {\\bf y}^k)", "= ({\\bf z} - {\\bf y}^k)", "line 58", "the 2 of the square dropped"),
    90: ("{\\bf A} - 2 \\,\\eta\\,", "{\\bf A} + 2 \\,\\eta\\,", "line 90", "a step up the gradient"),
}

ZINGALE_HIDDEN = {
    49: ("\\cdot \\tilde{\\bf z}^\\intercal$$", "\\cdot ({\\bf x}^k)^\\intercal$$", "line 49", "x for z-tilde (a wrong layer)"),
    82: ("= \\tilde{z}_m (1 - \\tilde{z}_m)$$", "= \\tilde{z}_m$$", "line 81", "g' written as g"),
    100: ("= 2 \\tilde{\\bf e}^k", "= \\tilde{\\bf e}^k", "line 100", "the 2 of the square dropped"),
}

NICHOLASKARLSEN = {
    38: ("\\odot \\tilde\\sigma'(z^{L}_j)", "\\odot \\tilde\\sigma(z^{L}_j)", "line 38", "sigma' written as sigma"),
    42: ("(\\delta^{l+1}_{k}w^{l+1}_{kj})", "(\\delta^{l+1}_{k}w^{l+1}_{jk})", "line 42", "w_jk for w_kj (a transposed factor)"),
    50: ("&= \\delta_j^l a^{l-1}_k", "&= \\delta_k^l a^{l-1}_j", "line 50.1", "the indices j and k swapped"),
}

LISEANH = {
    18: ("= f'(z_j^L)\\frac", "= f(z_j^L)\\frac", "eq:delta_j^L", "f' written as f"),
    25: ("= \\delta^l_j,", "= \\delta^{l+1}_j,", "line 25.2", "delta^{l+1} for delta^l (a wrong layer)"),
    56: ("= \\frac{e^{-z}}{(1+e^{-z})^2}.", "= \\frac{e^{-z}}{1+e^{-z}}.", "eq:df/dz", "the square of the denominator dropped"),
}

SANTI13 = {
    25: ("{e^{h_{m}(\\alpha)}+e^{h_{m}(1)}}", "{e^{h_{m}(1)}}", "line 24", "the numerator's own term dropped from the sum"),
    34: ("- e^{h_{m}(\\alpha)} * e^{h_{m}(\\alpha)}", "+ e^{h_{m}(\\alpha)} * e^{h_{m}(\\alpha)}", "line 32", "a sign slip"),
    43: ("y_{m}(\\alpha)(1-y_{m}(\\alpha))", "y_{m}(\\alpha)", "line 41", "the factor 1 - y dropped"),
}


def closing(src, edits):
    """The edits with the line of each display's closing `$$` (an edit on a line that does not close its display)."""
    lines = open(src).read().split("\n")
    out = {}
    for n, edit in edits.items():
        m = n
        inside = sum(line.count("$$") for line in lines[: n - 1]) % 2 == 1  # the edited line is inside a display
        if inside and "$$" not in lines[n - 1]:
            m = next(k for k in range(n + 1, len(lines) + 1) if "$$" in lines[k - 1])
        out[n] = (*edit, m)
    return out


def plant_tex(src, dst, edits):
    lines = open(src).read().split("\n")
    for n, (old, new, cid, why) in edits.items():
        assert lines[n - 1].count(old) == 1, (src, n, old)
        lines[n - 1] = lines[n - 1].replace(old, new) + f" % PLANTED [{cid}]: {why}"
    open(dst, "w").write("\n".join(lines))


if __name__ == "__main__":
    for name, edits in (("soliday_backprop", SOLIDAY), ("hkve_fysstk_backprop", HKVE), ("joaogci_back_prop", JOAOGCI),
                        ("alpsjur_fysstk_theory", ALPSJUR), ("ejhusom_fysstk_methods", EJHUSOM),
                        ("schrader_softmax_regression", SCHRADER),
                        ("nicholaskarlsen_nn_indices", NICHOLASKARLSEN), ("liseanh_report2_backprop", LISEANH)):
        plant_tex(f"{name}.tex", f"{name}_planted.tex", edits)
    for name, edits in (("hmtbgc_fc_report", HMTBGC), ("zingale_single_layer", ZINGALE_ONE),
                        ("zingale_hidden_layer", ZINGALE_HIDDEN),
                        ("santi13_clasificacion_es", SANTI13)):
        plant(f"{name}.md", f"{name}_planted.md", closing(f"{name}.md", edits))
