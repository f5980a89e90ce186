"""Writes heldout24's planted copies from the faithful files (run from this folder: python planting.py).
A helper of the corpus author, not an oracle: each edit replaces one substring on one line. In Markdown (plant.py, a
link to heldout19's helper) `<!-- PLANTED [id]: why -->` goes at the end of the edited line (after the math: every
edited Markdown line here is a one-line `$...$` or the closing `$$` of its display); in the LaTeX write-up
(plant_tex) the comment is `% PLANTED [id]: why` at the end of the edited line (a TeX comment)."""

from plant import plant

GDEHMLOW = {
    68: ("\\cdot (y_j - t_j)", "\\cdot (t_j - y_j)", "line 65", "t - y for y - t"),
    86: ("= -(\\frac{t_k}{y_k}", "= (\\frac{t_k}{y_k}", "line 86", "the minus sign lost"),
    125: ("= 1 - tanh^2(C_j^{(l)})", "= tanh(C_j^{(l)})", "line 123", "tanh for its derivative"),
    139: ("\\cdot X_i^{(l-1)}", "\\cdot X_j^{(l-1)}", "line 137", "X_j for X_i"),
    158: ("^2}(y_j - t_j)", "^2}(t_j - y_j)", "line 158", "t - y for y - t"),
    182: ("{y_j(1 - y_j)}", "{y_j}", "line 181", "the factor (1 - y_j) dropped"),
}

GMYHF = {
    143: ("= 0.21", "= 0.28", "line 143", "an arithmetic slip", 144),
    162: ("= 0.578", "= 0.422", "line 162", "sigma(-a) for sigma(a)", 163),
    220: ("δ_5=y_5(1−y_5)(y_{target}−y_5)", "δ_5=(y_{target}−y_5)", "line 220", "the sigmoid's slope dropped"),
    228: ("(w_{1,3}×δ_5)", "(w_{2,3}×δ_5)", "line 228", "w_{2,3} for w_{1,3}"),
    250: ("w_{2,3}(new)=−0.022184+0.9=0.877816", "w_{2,3}(new)=0.9+0.022184=0.922184", "line 250", "a step up the gradient"),
}

FRANSIS = {
    60: ("≈ **0.5768**", "≈ **0.4232**", "line 60", "sigma(-x) for sigma(x)"),
    67: ("δ_Y = (t - Y₁) · Y₁ · (1 - Y₁)", "δ_Y = (t - Y₁) · Y₁", "line 67", "the factor (1 - Y_1) of sigma' dropped"),
    73: ("δ_Zj = δ_Y · v_j", "δ_Zj = -δ_Y · v_j", "line 73", "a sign slip"),
    76: ("δ_Z₂ = -0.1407 · (0.5)", "δ_Z₂ = -0.1407 · (-0.2)", "line 76", "w(X2->Z2) for v_2"),
    86: ("v₁ baru = -0.1 + 0.2", "v₁ baru = -0.1 - 0.2", "line 86", "a step up the gradient"),
    93: ("Δw_ij = α · δ_Zj · Xi", "Δw_ij = α · δ_Y · Xi", "line 93", "the output's delta for the hidden unit's"),
    105: ("= -0.2 - 0.00338 ≈ **-0.2034**", "= -0.2 + 0.00338 ≈ **-0.1966**", "line 105", "a sign slip"),
}

MATHEMAIA = {
    6: ("\\odot{a^{'(l)}}", "\\odot{a^{(l)}}", "line 6", "the activation for its derivative"),
    10: ("\\cdot{a^{(l-1)}}", "\\cdot{a^{(l)}}", "line 10", "a^(l) for a^(l-1)"),
    14: ("\\frac{\\partial J}{\\partial a^{(L)}} \\odot", "\\frac{\\partial J}{\\partial z^{(L)}} \\odot", "line 14", "dJ/dz for dJ/da"),
}

ALLMAMUN = {
    45: ("= \\hat{y} - y", "= y - \\hat{y}", "line 45", "y - y_hat for y_hat - y", 46),
    55: ("= \\hat{y}(1 - \\hat{y})", "= \\hat{y}", "line 55", "the sigmoid for its slope", 56),
    103: ("W^{(2)T} \\delta^{(2)}", "W^{(2)} \\delta^{(2)}", "line 102", "the transpose dropped", 104),
    127: ("\\odot f'(z^{(1)})", "\\odot f(z^{(1)})", "line 125", "ReLU for its derivative", 128),
    144: ("\\delta^{(1)} x^T", "x \\delta^{(1)T}", "line 143", "the factors transposed", 145),
    159: (":= W^{(l)} - \\eta", ":= W^{(l)} + \\eta", "line 159", "a step up the gradient", 160),
}

OL333 = {
    40: ("= f_i(v_i^k)$", "= f'_i(v_i^k)$", "line 40", "the activation's derivative for the activation"),
}

ABDALRHMAN = {
    35: ("{1 + e^{-x}}", "{1 + e^{x}}", "line 35", "e^{x} for e^{-x}", 36),
}

ASHWIN = {
    18: ("\\delta_j^{(\\ell)} x_{i}^{(\\ell -1)}", "\\delta_i^{(\\ell)} x_{j}^{(\\ell -1)}", "line 18.3", "the indices swapped", 19),
    24: ("- y \\right)^2 \\right ]", "- y \\right) \\right ]", "line 24", "the square dropped", 25),
    31: (" \\pdv{x_i^{(\\ell -1)}}{S_i^{(\\ell - 1)}}", "", "line 31.2", "the activation's slope dropped", 32),
    37: ("w_{ij}^{(\\ell)} g'\\left(", "w_{ij}^{(\\ell)} g\\left(", "line 37", "g for g'", 39),
}

RAYCHAUX = {
    39: (" W_{k j}^{K J} f^{\\prime}\\left(n e t_j^J\\right) O_i^I", " W_{k j}^{K J} O_i^I", "line 37", "the hidden slope dropped", 40),
    42: ("=\\left(d_k-O_k^K\\right)f^{\\prime}", "=\\left(O_k^K-d_k\\right)f^{\\prime}", "line 42", "O - d for d - O"),
    46: ("+\\eta_k \\cdot\\delta_k", "-\\eta_k \\cdot\\delta_k", "line 46.1", "a step up the error"),
    52: ("&=\\delta_{j}\\bullet O_{i}^{I}", "&=\\delta_{j}\\bullet O_{j}^{J}", "line 52.2", "O_j for O_i"),
    56: ("\\delta_{k}=(d_{k}-O_{k}^{K})f^{\\prime}\\left(net_{k}^{K}\\right)", "\\delta_{k}=(d_{k}-O_{k}^{K})", "line 56.3", "f' dropped"),
    58: ("\\delta_{j}=f^{^{\\prime}}(net_{j}^{J})", "\\delta_{j}=f(net_{j}^{J})", "line 58.3", "f for f'"),
}


def plant_tex(src, dst, edits):
    lines = open(src).read().split("\n")
    for n, (old, new, cid, why) in edits.items():
        assert lines[n - 1].count(old) == 1, (src, n, old)
        lines[n - 1] = lines[n - 1].replace(old, new) + f" % PLANTED [{cid}]: {why}"
    open(dst, "w").write("\n".join(lines))


if __name__ == "__main__":
    plant_tex("gdehmlow_cs189_hw6.tex", "gdehmlow_cs189_hw6_planted.tex", GDEHMLOW)
    plant("gmyhf_xor_bp_manual.md", "gmyhf_xor_bp_manual_planted.md", GMYHF)
    plant("fransis_xor_backprop.md", "fransis_xor_backprop_planted.md", FRANSIS)
    plant("mathemaia_mlp_readme.md", "mathemaia_mlp_readme_planted.md", MATHEMAIA)
    plant("allmamun_backprop_de.md", "allmamun_backprop_de_planted.md", ALLMAMUN)
    plant("ol333_ann_lab3.md", "ol333_ann_lab3_planted.md", OL333)
    plant("abdalrhman_nn_readme.md", "abdalrhman_nn_readme_planted.md", ABDALRHMAN)
    plant("ashwin_backprop_wiki.md", "ashwin_backprop_wiki_planted.md", ASHWIN)
    plant("raychaux_shallow_nn.md", "raychaux_shallow_nn_planted.md", RAYCHAUX)
