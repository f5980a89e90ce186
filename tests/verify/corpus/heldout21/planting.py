"""Writes heldout21's planted copies from the faithful files (run from this folder: python planting.py).
A helper of the corpus author, not an oracle: each edit replaces one substring on one line (plant.py, a link to
heldout19's helper) and appends `<!-- PLANTED [id]: why -->` to that line (one-line `$$` displays: the comment goes
on the closing `$$` line, the fifth item)."""

from plant import plant, plant_nb

DROPOUT = {
    78: ("\\frac{m_i}{1-p}", "\\frac{m_i}{p}", "line 78", "the drop probability p for the keep probability 1 - p", 79),
    96: ("\\frac{1}{1-p}", "(1-p)", "line 96", "multiplied by 1 - p instead of divided", 97),
    114: ("\\odot \\frac{\\mathbf{m}}{1-p}", "\\odot \\mathbf{m}", "line 114", "the 1/(1 - p) scale dropped", 115),
    159: ("= \\frac{m_i}{1-p} dx_i", "= \\frac{m_i}{p} dx_i", "line 159", "p for 1 - p", 160),
    212: ("2 \\times 1 \\times 6 = 12", "1 \\times 6 = 6", "line 212", "the kept unit not scaled by 1/(1 - p)", 213),
    252: ("= 0.3 \\times 2 = 0.6", "= 0.3 \\times 0.5 = 0.15", "line 252", "multiplied by 1 - p = 0.5 instead of 1/0.5", 253),
    260: ("[0.2, 0, 0.6, 0]^T", "[0.2, 0.4, 0.6, 0]^T", "line 260", "the dropped unit x_2 given a gradient", 261),
    610: ("= (1-p) \\cdot \\frac{x_i}{1-p}", "= p \\cdot \\frac{x_i}{1-p}", "line 610", "E[m_i] = p, the drop probability", 611),
}

BN = {
    117: ("= x_{iq}", "= \\gamma_q", "line 117", "dy_ij/dgamma_q is x-hat_iq, not gamma_q", 118),
    121: ("x_{iq} \\cdot \\mathrm{d} y_{iq}", "x_{iq} \\cdot \\mathrm{d} y_{qi}", "line 121", "swapped indices: dy_qi for dy_iq", 122),
    223: ("= \\mathrm{d} y_1 \\cdot \\frac{1}{N}", "= \\mathrm{d} y_1 \\cdot N", "line 223", "the mean's 1/N turned into N", 224),
    290: ("- \\frac{1}{2} \\left", "+ \\frac{1}{2} \\left", "line 290.3", "the sign of d(s)^(-1/2) = -(1/2) s^(-3/2) ds lost", 292),
    302: (
        "- \\frac{1}{N} \\delta_{d, j}",
        "- \\frac{1}{N} \\delta_{n, i}",
        "line 302",
        "swapped indices: the mean depends on column j, not row i",
        303,
    ),
    325: ("= \\frac{2}{N}", "= \\frac{1}{N}", "line 325", "the factor 2 of the square dropped", 326),
    347: ("} - \\frac{1}{N} \\sum_{n}", "} + \\frac{1}{N} \\sum_{n}", "line 347.4", "the sign of the mean term flipped", 349),
    360: (
        "\\right)^{-1} (x-\\mu)",
        "\\right)^{-\\frac{1}{2}} (x-\\mu)",
        "line 360",
        "(sigma^2 + eps)^(-1/2) for ^(-1) in the last term",
        361,
    ),
}

HOADM_BACKPROP = {
    42: ("= (y - \\hat{y}) \\cdot x$$", "= (\\hat{y} - y) \\cdot x$$", "line 42", "the residual's sign flipped (y-hat is the target)"),
    52: (
        "X^T (Y_{\\text{pred}} - Y_{\\text{true}})",
        "(Y_{\\text{pred}} - Y_{\\text{true}}) X^T",
        "line 52",
        "the factors swapped: (m x d)(n x m)",
    ),
    55: ("\\frac{1}{m} \\sum", "\\sum", "line 55", "the 1/m of the mean loss dropped"),
}
HOADM_SOFTMAX = {
    14: ("= p_k - y_k", "= y_k - p_k", "line 14", "a step up the gradient: y - p"),
    28: ("= p - y$", "= p(1 - p)(p - y)$", "line 28", "an extra sigma' (the BCE's 1/(p(1 - p)) cancels it)"),
}
HOADM_REG = {
    18: ("+ 2\\lambda W_i", "+ \\lambda W_i", "line 18", "the 2 of d(W^2) dropped (the penalty has no 1/2)"),
    19: ("\\lambda\\, \\text{sign}(W_i)", "\\lambda\\, W_i", "line 19", "the L1 subgradient is sign(W_i), not W_i"),
}
HOADM_MULTI = {
    25: ("(\\mathbf{W}^{(\\ell+1)})^{\\top}", "\\mathbf{W}^{(\\ell+1)}", "line 25", "the transpose dropped: shapes do not conform"),
    28: (
        "(\\mathbf{H}^{(\\ell-1)})^{\\top} \\delta^{(\\ell)}",
        "\\delta^{(\\ell)} (\\mathbf{H}^{(\\ell-1)})^{\\top}",
        "line 28",
        "the factors swapped",
    ),
}
YANFENGLEE = {
    5: ("s(1-s)", "s(1+s)", "line 5", "the sign inside sigma' flipped"),
    9: ("1-t^2", "1-t", "line 9", "tanh' is 1 - t^2, not 1 - t"),
    22: ("= -a_i a_j,", "= a_i a_j,", "line 22", "the off-diagonal softmax Jacobian's sign lost"),
    33: ("= -y_i+y_ia_i", "= -y_i-y_ia_i", "line 33", "the product -y_i(1 - a_i) expanded with the wrong sign"),
    35: ("= a_i-y_i", "= y_i-a_i", "line 35", "a step up the gradient: y - a"),
}

EZANCANARO = {
    31: ("∂z\\∂w . ∂a/∂z .", "∂z\\∂w . ∂z/∂a .", "line 31", "dz/da, the inverse of the activation's derivative, for da/dz"),
    43: ("= 2(a - y)", "= 2(y - a)", "line 43", "the sign of the residual flipped"),
    140: ("+ 0 = w", "+ 0 = a_l-1", "line 140", "the derivative by w (a_l-1) for the derivative by a_n-1 (w)"),
}


def plant_nb_at(src, dst, edits):
    """plant_nb for multi-line displays in a notebook: edits line -> (old, new, id, why, line of the comment) -- the comment
    goes at the end of the display's closing `$$` string (before its `\\n`), outside the math; JSON line numbers."""
    lines = open(src).read().split("\n")
    for n, (old, new, cid, why, at) in edits.items():
        assert lines[n - 1].count(old) == 1, (src, n, old)
        lines[n - 1] = lines[n - 1].replace(old, new)
        line = lines[at - 1]
        end = '\\n",' if line.endswith('\\n",') else ('",' if line.endswith('",') else '"')
        assert line.endswith(end), (src, at, line[-8:])
        lines[at - 1] = line[: len(line) - len(end)] + f" <!-- PLANTED [{cid}]: {why} -->" + end
    open(dst, "w").write("\n".join(lines))


LEXAI = {
    54: ("≈ 0.622", "≈ 0.378", "line 47", "sigma(0.5) = 0.622, not sigma(-0.5) = 0.378", 55),
    89: ("= -\\\\frac{1}{0.65} ≈ -1.538", "= \\\\frac{1}{0.65} ≈ 1.538", "line 82", "the sign of -y/y-hat lost", 90),
    93: (
        "\\\\hat{y}(1 - \\\\hat{y}) = 0.65(0.35) = 0.2275",
        "\\\\hat{y}(1 + \\\\hat{y}) = 0.65(1.65) = 1.0725",
        "line 86",
        "sigma' = y-hat (1 - y-hat): the sign flipped",
        94,
    ),
    114: ("= 0.622(0.378) = 0.235", "= 0.622(0.378) = 0.0235", "line 107", "the product misplaced by a factor 10", 115),
    123: (
        "= \\\\begin{bmatrix} -0.082 & 0 \\\\end{bmatrix}$",
        "= \\\\begin{bmatrix} 0 & -0.082 \\\\end{bmatrix}$",
        "line 116",
        "the entries swapped",
        123,
    ),
    131: ("= 1 - 0.1 \\\\cdot (-0.218) ≈ 1.022", "= 1 + 0.1 \\\\cdot (-0.218) ≈ 0.978", "line 124", "a step up the gradient", 131),
    205: ("\\\\cdot a_1^T", "\\\\cdot a_1", "line 193", "the transpose dropped: a column for W_2's row", 206),
    225: ("(W_2^T \\\\cdot \\\\delta_2)", "(W_2 \\\\cdot \\\\delta_2)", "line 213", "the transpose dropped: shapes do not conform", 226),
}

LOCHANE = {
    58: ("* (1 - sigma(z))", "* (1 + sigma(z))", "line 58", "sigma' = sigma (1 - sigma): the sign flipped"),
    84: ("w = w - lr", "w = w + lr", "line 84", "a step up the gradient"),
}


# notebook: the JSON file's line numbers (plant_nb edits a Markdown source string as JSON escapes it)
MCLAUGHLIN = {
    40: ("= 1 - \\\\tanh^{2} x $$", "= \\\\tanh^{2} x $$", "line 24", "tanh' is 1 - tanh^2, not tanh^2"),
    62: ("(1 - \\\\sigma (x))", "(1 + \\\\sigma (x))", "line 42", "sigma' = sigma (1 - sigma): the sign flipped"),
    154: ("= [1 - a_{i}]a_{i} $$", "= [1 - a_{i}] $$", "line 117", "the factor a_i of the softmax's diagonal dropped"),
    183: (
        "=  \\\\sum\\\\limits_{i \\\\neq j \\\\in C} y_{j} a_{i} $$",
        "=  -\\\\sum\\\\limits_{i \\\\neq j \\\\in C} y_{j} a_{i} $$",
        "line 146",
        "the two minus signs do not cancel: sign",
    ),
    195: ("= a_{i}^{(2)} - y_{i}$$", "= y_{i} - a_{i}^{(2)}$$", "line 158", "a step up the gradient: y - a"),
    269: (
        "= (a_{0}^{(2)} - y_{0}) \\\\cdot a_{0}^{(1)}  .$$",
        "= (a_{1}^{(2)} - y_{1}) \\\\cdot a_{0}^{(1)}  .$$",
        "line 232",
        "swapped indices: the W_{0,1} entry for W_{0,0}",
    ),
    303: (
        "= \\\\mathbf{a^{(1)}}^\\\\top \\\\cdot (\\\\mathbf{a^{(2)}} - \\\\mathbf{y}) $$",
        "= (\\\\mathbf{a^{(2)}} - \\\\mathbf{y}) \\\\cdot \\\\mathbf{a^{(1)}}^\\\\top $$",
        "line 266",
        "the factors swapped: (N x C)(H x N)",
    ),
    343: (
        "= (a_{i}^{(2)} - y_{i})$.",
        "= (a_{i}^{(2)} - y_{i}) \\\\cdot a_{i}^{(1)}$.",
        "line 302",
        "an activation factor carried over from dW: db_i has none",
    ),
}

if __name__ == "__main__":
    plant("zuoyuan_dropout.md", "zuoyuan_dropout_planted.md", DROPOUT)
    plant("fortileizhang_bn.md", "fortileizhang_bn_planted.md", BN)
    plant("hoadm_backprop.md", "hoadm_backprop_planted.md", HOADM_BACKPROP)
    plant("hoadm_softmax.md", "hoadm_softmax_planted.md", HOADM_SOFTMAX)
    plant("hoadm_regularization.md", "hoadm_regularization_planted.md", HOADM_REG)
    plant("hoadm_multilayer.md", "hoadm_multilayer_planted.md", HOADM_MULTI)
    plant("yanfenglee_readme.md", "yanfenglee_readme_planted.md", YANFENGLEE)
    plant("ezancanaro_art3.md", "ezancanaro_art3_planted.md", EZANCANARO)
    plant_nb("mclaughlin_elec576.ipynb", "mclaughlin_elec576_planted.ipynb", MCLAUGHLIN)
    plant_nb_at("lexai_nn_theory.ipynb", "lexai_nn_theory_planted.ipynb", LEXAI)
    plant("lochane_readme.md", "lochane_readme_planted.md", LOCHANE)
