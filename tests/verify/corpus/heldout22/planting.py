"""Writes heldout22's planted copies from the faithful files (run from this folder: python planting.py).
A helper of the corpus author, not an oracle: each edit replaces one substring on one line (plant.py, a link to
heldout19's helper) and appends `<!-- PLANTED [id]: why -->` to the closing `$$` line of the display (the fifth item);
in the LaTeX homework the comment is `% PLANTED [id]: why` at the end of the edited line (plant_tex)."""

from plant import plant

XDEAN = {
    183: ("(1 - a_{l,j}) a_{l-1,i} \\\\\\\\", "(1 - a_{l,j}) \\\\\\\\", "line 183.3", "the input a_{l-1,i} of dnet/domega dropped", 191),
    185: ("&= a_{L,j} - t_j", "&= t_j - a_{L,j}", "line 185.5", "t - a for a - t", 191),
    189: ("\\omega_{l+1,j,k} \\\\\\\\", "\\omega_{l+1,k,j} \\\\\\\\", "line 189.9", "the weight's indices swapped", 191),
    199: ("(a_{L,j} - t_j)a_{L,j}(1-a_{L,j})", "(a_{L,j} - t_j)", "line 198.2", "the sigmoid's slope a(1 - a) dropped", 204),
    202: ("- \\eta \\Delta", "+ \\eta \\Delta", "line 202.3", "a step up the gradient", 204),
}

DUDUNG_EP = {
    21: ("\\left( w^{l+1} \\right)^T", "\\left( w^{l+1} \\right)", "3", "the transpose of w^{l+1} dropped", 22),
    25: ("(a^{x,L} - y^{x,L})", "(y^{x,L} - a^{x,L})", "4", "y - a for a - y", 26),
    29: ("(a^{x, l-1})^T", "(a^{x, l})^T", "5", "the layer's own output for its input", 30),
    105: ("(a^L_j - y_j)", "(y_j - a^L_j)", "B2", "the sign lost in the last step", 107),
    117: ("\\sigma'(z_k^{l-1})", "\\sigma(z_k^{l-1})", "B3", "sigma for sigma'", 121),
    129: ("w_{kj}^{l+1}", "w_{jk}^{l+1}", "B4", "the weight's indices swapped", 133),
}

DUDUNG_PLAN = {
    19: (
        "({\\color{#0f0}\\mathbf{X}_5^x} - \\mathbf{Y})",
        "(\\mathbf{Y} - {\\color{#0f0}\\mathbf{X}_5^x})",
        "line 19.1",
        "Y - X_5 for X_5 - Y",
        25,
    ),
    21: ("(\\mathbf{W}_{43}^T \\mathbf{D}_4^x)", "(\\mathbf{W}_{43} \\mathbf{D}_4^x)", "line 21.3", "the transpose dropped", 25),
    22: ("\\odot f'(\\mathbf{W}_{21}", "\\odot f(\\mathbf{W}_{21}", "line 22.4", "f for f'", 25),
}

VIVIANO = {
    47: ("\\partial L/\\partial a = f-y$", "\\partial L/\\partial a = y-f$", "line 47#2", "y - f for f - y"),
    51: ("= -(y-f)g(a)(1-g(a))$", "= -(y-f)$", "line 51", "the sigmoid's slope g(a)(1 - g(a)) dropped"),
    176: ("- e^{z_i}e^{z_j}", "+ e^{z_i}e^{z_j}", "line 176", "the quotient rule's minus sign lost"),
    203: ("g_y \\circ \\sigma'(x)$", "g_y \\circ \\sigma(x)$", "line 203", "sigma for sigma'"),
    182: ("(\\delta_{ij}-softmax_j(z))", "(1-softmax_j(z))", "line 182", "the Kronecker delta replaced by 1"),
}


KARELZE_GRAPH = {
    28: ("\\sigma^{\\prime}(z)", "\\sigma(z)", "line 28#2", "sigma(z) for sigma'(z)"),
    29: ("\\bar{w}=\\bar{z} x", "\\bar{w}=\\bar{z} w", "line 29", "the weight for the input"),
}

KARELZE_CHAIN = {
    33: ("(-\\sin t)", "(\\sin t)", "line 31", "d(cos t)/dt = +sin t", 34),
}

KARELZE_MULTI = {
    30: (
        "\\right)\\right) \\phi\\left(\\boldsymbol{x}_{i}\\right) \\\\ &=\\underbrace",
        "\\right)\\right) \\\\ &=\\underbrace",
        "line 30.3",
        "the inner derivative phi(x_i) dropped",
    ),
}

KARELZE_MULTI_DE = {
    26: ("\\right)-\\frac{\\partial}{\\partial", "\\right)+\\frac{\\partial}{\\partial", "line 25.2", "the log-sum-exp term's sign", 40),
}

KARELZE_LOGREG = {
    33: ("-\\left(1-c_{i}\\right) \\sigma", "+\\left(1-c_{i}\\right) \\sigma", "line 33.4", "the minus of d log(1 - sigma) lost"),
}

KARELZE_SSE = {
    33: ("-2 \\boldsymbol{y}^{T}", "-\\boldsymbol{y}^{T}", "line 32.3", "the two cross terms not merged: 2 dropped", 34),
    54: ("\\boldsymbol{X}^{T} \\boldsymbol{y}", "\\boldsymbol{X} \\boldsymbol{y}", "line 53", "X for X^T"),
}

KARELZE_SIGMOID = {
    22: ("\\frac{\\exp (-a)}{(1+\\exp", "\\frac{-\\exp (-a)}{(1+\\exp", "line 22", "the inner derivative's sign", 23),
}

KARELZE_CE = {
    32: (
        "\\log \\left(1-\\sigma\\left(\\tilde{\\boldsymbol{w}}^{T} \\tilde{\\boldsymbol{x}}_{i}\\right)\\right)",
        "\\left(1-\\log \\sigma\\left(\\tilde{\\boldsymbol{w}}^{T} \\tilde{\\boldsymbol{x}}_{i}\\right)\\right)",
        "line 32.3",
        "log(1 - sigma) written 1 - log sigma",
    ),
}

KARELZE_WD = {
    26: ("(1-\\eta \\lambda)", "(1-\\eta \\lambda / 2)", "line 26.2", "d(lambda/2 theta^2) = lambda theta, not lambda/2 theta", 28),
}

KARELZE_SSE_DE = {
    20: (
        "\\boldsymbol{w})^{T}(\\boldsymbol{y}-\\boldsymbol{X} \\boldsymbol{w})",
        "\\boldsymbol{w})(\\boldsymbol{y}-\\boldsymbol{X} \\boldsymbol{w})^{T}",
        "line 18",
        "the transpose on the wrong factor: an outer product",
    ),
    25: ("=\\epsilon^{\\prime} \\epsilon", "=\\epsilon \\epsilon^{\\prime}", "line 22", "eps eps' for eps' eps"),
}

KARELZE_MLE = {
    29: (
        "\\frac{2\\left(x_{i}-\\mu\\right)(-1)}{2 \\sigma^{2}}",
        "\\frac{2\\left(x_{i}-\\mu\\right)}{2 \\sigma^{2}}",
        "line 27",
        "the inner derivative (-1) dropped",
        31,
    ),
    41: ("{\\sigma^{3}}", "{2 \\sigma^{3}}", "line 40.2", "the 1/2 kept: d/dsigma of 1/(2 sigma^2) is -1/sigma^3", 44),
}


def plant_tex(src, dst, edits):
    lines = open(src).read().split("\n")
    for n, (old, new, cid, why) in edits.items():
        assert lines[n - 1].count(old) == 1, (src, n, old)
        lines[n - 1] = lines[n - 1].replace(old, new) + f" % PLANTED [{cid}]: {why}"
    open(dst, "w").write("\n".join(lines))


if __name__ == "__main__":
    plant("xdean_ann_bp.md", "xdean_ann_bp_planted.md", XDEAN)
    plant("dudung_error_propagation.md", "dudung_error_propagation_planted.md", DUDUNG_EP)
    plant("dudung_impl_plan.md", "dudung_impl_plan_planted.md", DUDUNG_PLAN)
    plant("karelze_graph_card.md", "karelze_graph_card_planted.md", KARELZE_GRAPH)
    plant("karelze_chainrule_card.md", "karelze_chainrule_card_planted.md", KARELZE_CHAIN)
    plant("karelze_multiclass_card.md", "karelze_multiclass_card_planted.md", KARELZE_MULTI)
    plant("karelze_multiclass_card_de.md", "karelze_multiclass_card_de_planted.md", KARELZE_MULTI_DE)
    plant("karelze_logreg_card.md", "karelze_logreg_card_planted.md", KARELZE_LOGREG)
    plant("karelze_sse_card.md", "karelze_sse_card_planted.md", KARELZE_SSE)
    plant("karelze_sigmoid_card_de.md", "karelze_sigmoid_card_de_planted.md", KARELZE_SIGMOID)
    plant("karelze_crossentropy_card.md", "karelze_crossentropy_card_planted.md", KARELZE_CE)
    plant("karelze_weightdecay_card.md", "karelze_weightdecay_card_planted.md", KARELZE_WD)
    plant("karelze_sse_matrix_card_de.md", "karelze_sse_matrix_card_de_planted.md", KARELZE_SSE_DE)
    plant("karelze_gaussian_mle_card.md", "karelze_gaussian_mle_card_planted.md", KARELZE_MLE)
    plant_tex("viviano_ift6135_a1.tex", "viviano_ift6135_a1_planted.tex", VIVIANO)
