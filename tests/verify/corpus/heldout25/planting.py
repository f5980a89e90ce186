"""Writes heldout25's planted copies from the faithful files (run from this folder: python planting.py).
A helper of the corpus author, not an oracle: each edit replaces one substring on one line. In Markdown and plain
text (plant.py, a link to heldout19's helper) `<!-- PLANTED [id]: why -->` goes at the end of the edited line (or at
the end of the display's closing line, the edit's fifth item); in LaTeX (plant_tex) the comment is
`% PLANTED [id]: why` at the end of the edited line (a TeX comment)."""

from plant import plant

KSHARSHA = {
    21: ("* ah2", "* ah1", "Part1.2", "ah1 for ah2 (a wrong index)"),
    22: ("=(ao2-t2) *", "=(t2-ao2) *", "Part1.3", "t2 - ao2 for ao2 - t2 (a sign slip)"),
    32: ("*w5*ah1*(1-ah1)*i2)", "*w6*ah1*(1-ah1)*i2)", "Part1.5", "w6 for w5 (a wrong index)"),
    33: ("*w6*ah2*(1-ah2)*i1)", "*w6*(1-ah2)*i1)", "Part1.6", "sigma' written as 1 - ah2"),
}

JOHNPHILIPP = {
    71: ("1 & \\text{if }", "z_i & \\text{if }", "line 69", "the ReLU for its derivative"),
    183: ("(a_2 ^{(i)} - y)", "(y - a_2 ^{(i)})", "dLdz2", "y - a_2 for a_2 - y (a sign slip)"),
    253: ("(a_2 - y) \\bm a_1", "(a_2 - y) a_2 (1 - a_2) \\bm a_1", "dLdw2", "a sigmoid slope too many"),
    266: ("- \\alpha \\psi_2", "+ \\alpha \\psi_2", "line 266.3", "a step up the gradient"),
    350: ("= \\frac{1}{m} (", "= (", "line 350", "the 1/m of the mean dropped"),
    356: ("\\bm a_1^{(i)} \\nonumber", "\\bm a_1^{(1)} \\nonumber", "line 355", "a_1 of sample 1 for sample i (a wrong index)"),
    383: ("(\\bm a_2 - \\bm y)\\cdot\\bm 1_m^T", "(\\bm a_2 - \\bm y)", "line 383.4", "the sum over the batch dropped"),
}

VENKYYUVY = {
    49: ("= (a_{o_1} - t_1)$$", "= (t_1 - a_{o_1})$$", "Part1.14", "t_1 - a_o1 for a_o1 - t_1 (a sign slip)"),
    52: ("= a_{o_1} *( 1 - a_{o_1})$$", "= a_{o_1}$$", "Part1.15", "sigma' written as sigma"),
    64: ("* a_{h_1} $$", "* a_{h_2} $$", "Part1.19", "a_h2 for a_h1 (a wrong index)"),
    82: ("* w_7 $$", "* w_8 $$", "Part1.24", "w_8 for w_7 (a wrong index)"),
    88: ("* w_6  +", "* w_5  +", "Part1.26", "w_5 for w_6 (a wrong index)"),
}

GEOFREEMAN_RECURSION = {
    52: ("=𝑥⋅𝛿1", "=𝑥⋅𝛿2", "line 52", "delta_2 for delta_1 (a wrong index)"),
    68: ("⋅𝑤2⋅𝛿2", "⋅𝑤1⋅𝛿2", "line 68", "w_1 for w_2 (a wrong index)"),
    80: ("(2(𝑓𝐿−𝑦))", "(2(𝑦−𝑓𝐿))", "line 80", "y - f_L for f_L - y (a sign slip)"),
}

GEOFREEMAN_HW = {
    33: ("𝑓′(𝑧𝑙𝑗)", "𝑓(𝑧𝑙𝑗)", "line 33", "f for f'"),
    101: ("= 0.288", "= 0.577", "line 101", "the 1/2 of the loss dropped"),
    105: ("= 2.080", "= -2.080", "line 105", "a sign slip"),
    109: ("= -0.1387", "= -0.7595", "line 109", "the sigmoid's slope dropped"),
    118: ("w_1-eta*", "w_1+eta*", "line 118", "a step up the gradient"),
}

SIRIUS911 = {
    42: ("w - \\alpha", "w + \\alpha", "line 42", "a step up the gradient"),
    137: ("{\\partial y_j}x_i", "{\\partial y_j}x_j", "line 137.2", "x_j for x_i (a wrong index)", 139),
    192: ("{\\partial Y}W^t", "{\\partial Y}W", "line 192.1", "the transpose dropped", 196),
    193: ("&= X^t", "&= X", "line 193.2", "the transpose dropped", 196),
    262: ("\\odot f'(X)", "\\odot f(X)", "line 262.5", "f for f'", 264),
    315: ("&= \\frac{2}{n}[", "&= \\frac{1}{n}[", "line 315.2", "the 2 of the square's derivative dropped", 318),
}

AKASH = {
    35: ("= (a_o1 – t1)", "= (t1 – a_o1)", "Part1.15", "t1 - a_o1 for a_o1 - t1 (a sign slip)"),
    36: ("= a_o1\\*(1 – a_o1)", "= a_o1", "Part1.16", "sigma' written as sigma"),
    46: ("\\* a_h1  ", "\\* a_h2  ", "Part1.21", "a_h2 for a_h1 (a wrong index)"),
    55: ("(1-a_o2)\\*w7", "(1-a_o2)\\*w8", "Part1.25", "w8 for w7 (a wrong index)"),
    72: ("\\* a_h2 \\* (1 - a_h2)", "\\* (1 - a_h2)", "Part1.33", "the hidden slope's factor a_h2 dropped"),
    81: ("w5 - ƞ", "w5 + ƞ", "Part1.39", "a step up the gradient"),
}

MALCU = {
    40: ("= V_{mk} + \\alpha", "= V_{mk} - \\alpha", "line 40", "a step down the likelihood"),
    62: ("(\\delta_{kk'}-y_k)", "(\\delta_{kk'}-y_{k'})", "line 62", "y_{k'} for y_k (a wrong index)"),
    66: ("= z^{(n)}_m$$", "= V_{mk}$$", "line 66", "the weight for the hidden activation"),
    68: ("( t^{(n)}_k-y^{(n)}_k)", "( y^{(n)}_k-t^{(n)}_k)", "line 68", "y - t for t - y (the sign of the ascent)"),
}

VIKRAM_REFERENCE = {
    35: ("δ_o2 * w12", "δ_o2 * w21", "line 35", "w21 for w12 (a wrong index)"),
    53: ("* σ′(z_h2)", "* σ′(z_h1)", "line 53", "z_h1 for z_h2 (a wrong index)"),
    98: ("= aᵢ ⋅ δⱼ", "= aⱼ ⋅ δⱼ", "line 98", "a_j for a_i (a wrong index)"),
}

VIKRAM_README = {
    37: ("(W<sup>[l+1]</sup>)ᵀ δ", "W<sup>[l+1]</sup> δ", "line 37", "the transpose dropped"),
    43: ("= (1/m) · δ<sup>[l]</sup>", "= δ<sup>[l]</sup>", "line 43", "the 1/m of the mean dropped"),
    68: ("· f′(z) · x", "· f(z) · x", "line 68", "f for f'"),
    70: ("b ← b − η", "b ← b + η", "line 70", "a step up the gradient"),
}


def plant_crlf(src, dst, edits):
    """plant.py's plant for a file with CRLF line ends: the comment at the end of the edited line, before its "\\r"."""
    lines = open(src, newline="").read().split("\n")
    for n, (old, new, cid, why) in edits.items():
        assert lines[n - 1].count(old) == 1, (src, n, old)
        line = lines[n - 1].replace(old, new)
        end = "\r" if line.endswith("\r") else ""
        lines[n - 1] = line[: len(line) - len(end)] + f" <!-- PLANTED [{cid}]: {why} -->" + end
    open(dst, "w", newline="").write("\n".join(lines))

ERICRSTATS = {
    74: ("=x^T\\delta.$$", "=x\\delta.$$", "line 74", "the transpose dropped"),
    80: ("& = (\\hat{y}-y)^T", "& = (y-\\hat{y})^T", "line 80.3", "y - yhat for yhat - y", 81),
    105: ("\\circ sgn(h)$$", "\\circ h$$", "line 105", "the ReLU for its derivative"),
    110: ("= \\delta_1^Th^T", "= \\delta_1^Tx^T", "line 110.1", "x for h (the layer's input)", 115),
    112: ("=\\delta_2^Tx^T", "=\\delta_2x^T", "line 112.3", "a transpose dropped", 115),
}


def plant_tex(src, dst, edits):
    lines = open(src).read().split("\n")
    for n, (old, new, cid, why) in edits.items():
        assert lines[n - 1].count(old) == 1, (src, n, old)
        lines[n - 1] = lines[n - 1].replace(old, new) + f" % PLANTED [{cid}]: {why}"
    open(dst, "w").write("\n".join(lines))


if __name__ == "__main__":
    plant("ksharsha_era_s6.md", "ksharsha_era_s6_planted.md", KSHARSHA)
    plant("vikram_backprop_reference.md", "vikram_backprop_reference_planted.md", VIKRAM_REFERENCE)
    plant_crlf("vikram_backprop_readme.md", "vikram_backprop_readme_planted.md", VIKRAM_README)
    plant("ericrstats_cs224n_hw2.md", "ericrstats_cs224n_hw2_planted.md", ERICRSTATS)
    plant("malcu_softmax_backprop.md", "malcu_softmax_backprop_planted.md", MALCU)
    plant("akash_era_s6.md", "akash_era_s6_planted.md", AKASH)
    plant("venkyyuvy_era_s6.md", "venkyyuvy_era_s6_planted.md", VENKYYUVY)
    plant("geofreeman_6x86_recursion.md", "geofreeman_6x86_recursion_planted.md", GEOFREEMAN_RECURSION)
    plant("geofreeman_6x86_hw_backprop.md", "geofreeman_6x86_hw_backprop_planted.md", GEOFREEMAN_HW)
    plant("sirius911_couche_fc.md", "sirius911_couche_fc_planted.md", SIRIUS911)
    plant_tex("johnphilipp_nn_relu.tex", "johnphilipp_nn_relu_planted.tex", JOHNPHILIPP)
