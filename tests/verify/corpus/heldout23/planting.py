"""Writes heldout23's planted copies from the faithful files (run from this folder: python planting.py).
A helper of the corpus author, not an oracle: each edit replaces one substring on one line. In Markdown (plant.py, a
link to heldout19's helper) `<!-- PLANTED [id]: why -->` goes at the end of the display's closing `$$` line (the fifth
item); in the LaTeX write-ups (plant_tex) the comment is `% PLANTED [id]: why` at the end of the edited line (a TeX
comment: inside an align row or a gather it ends the line, outside the math)."""

from plant import plant

XQZU = {
    31: ("= X_{sj}\\delta_{ni}", "= X_{si}\\delta_{nj}", "Q1.2", "the indices of X and delta swapped"),
    40: ("\\Big)}^T \\mathbf{X}", "\\Big)} \\mathbf{X}", "Q1.3", "the transpose of dL/dY dropped"),
    85: ("\\mathbf{1}^T{\\Big(", "\\frac{1}{S}\\mathbf{1}^T{\\Big(", "Q1.8", "a 1/S the module's bias gradient does not take"),
    108: ("\\mathbf{Y}}\\mathbf{W}", "\\mathbf{Y}}\\mathbf{W}^T", "Q1.11", "W^T for W"),
    161: ("(\\delta_{cj} - Y_{sj})", "(\\delta_{cj} + Y_{sj})", "Q1.23", "a sign slip"),
    191: ("\\mathbf{Y}\\odot{\\Big(", "{\\Big(", "Q1.26", "the factor Y (.) dropped"),
    209: ("-\\frac{1}{S}\\frac{T_{ij}}{X_{ij}}", "-\\frac{T_{ij}}{X_{ij}}", "line 202.2", "the 1/S lost"),
}

LOEDEMAN = {
    64: ("= X_{mj}\\delta_{ni},", "= X_{mi}\\delta_{nj},", "Q1.1.4", "the indices of X and delta swapped"),
    73: ("\\right)^T\\b X", "\\right)\\b X", "Q1.1.6", "the transpose of dL/dY dropped"),
    84: ("= \\sum_{m}\\pfrac{L}{Y_{mi}}.", "= \\pfrac{L}{Y_{mi}}.", "Q1.1.11", "the sum over the batch dropped"),
    112: ("= \\pfrac{L}{Y_{ij}}h'(X_{ij}).", "= \\pfrac{L}{Y_{ij}}h(X_{ij}).", "Q1.1.19", "h for h'"),
    124: ("\\left(\\delta_{nj} - Y_{mj}\\right)", "\\left(\\delta_{nj} - Y_{mn}\\right)", "line 124.5", "Y_mn for Y_mj"),
    141: ("= -\\frac{1}{S} \\; \\b T", "= \\frac{1}{S} \\; \\b T", "Q1.1.26", "the minus sign lost"),
}

PVDKLEI = {
    24: ("= X_{sj} \\, \\delta_{ni}", "= X_{si} \\, \\delta_{nj}", "Q1a.4", "the indices of X and delta swapped"),
    37: ("\\right)^{\\!\\top} X", "\\right) X", "Q1a.6", "the transpose of dL/dY dropped"),
    56: ("= \\sum_{s=1}^{S}", "=", "Q1b.4", "the sum over the batch dropped"),
    94: ("\\frac{\\partial L}{\\partial Y} \\, W", "W \\, \\frac{\\partial L}{\\partial Y}", "Q1c.6", "the factors swapped"),
    113: ("\\, h'(X_{ij})", "\\, h(X_{ij})", "Q1d.5", "h for h'"),
    141: ("\\frac{1}{S}(Y_{ij} - T_{ij})", "\\frac{1}{S}(T_{ij} - Y_{ij})", "Q1e.11", "T - Y for Y - T"),
    147: ("= \\frac{1}{S}(Y - T)", "= (Y - T)", "Q1e.12", "the 1/S lost"),
}

CHARATSIDIS = {
    36: ("\\frac{\\partial y_{out}}{\\partial s_{out}}", "\\frac{\\partial s_{out}}{\\partial y_{out}}", "line 36", "the factor inverted"),
    96: (" \\cdot \\frac{\\partial z_{2}}{\\partial s_{2}} ", " ", "line 96", "the activation's slope dz_2/ds_2 dropped"),
    184: ("\\frac{\\partial f_{(s_{1})}}{\\partial s_{1}}", "f_{(s_{1})}", "Exercise2.12", "f for f'"),
    204: ("w = w - \\alpha", "w = w + \\alpha", "Exercise2.17", "a step up the gradient"),
    212: ("0.458 & 0.1205", "0.485 & 0.1205", "Exercise2.18", "two digits swapped"),
    354: ("(1 - p_j)", "(1 + p_j)", "Exercise3.8", "a sign slip"),
    364: ("= -p_i \\cdot p_j", "= p_i \\cdot p_j", "Exercise3.11", "the minus sign lost"),
}

MIHIR = {
    38: ("-0.3 + 1.4", "-0.3 - 1.4", "line 38", "a sign slip", 39),
    87: ("= -\\log(0.659) ≈ 0.417", "= -\\log(0.242) ≈ 1.419", "line 86", "the wrong class's probability", 88),
    97: (
        "\\text{grad} = y_{\\text{pred}} - y_{\\text{true}}",
        "\\text{grad} = y_{\\text{true}} - y_{\\text{pred}}",
        "line 97",
        "y_true - y_pred",
        98,
    ),
    107: ("X^\\top \\cdot \\text{grad}", "\\text{grad}^\\top \\cdot X", "line 107", "the factors transposed", 108),
    136: ("= -0.1 \\cdot", "= 0.1 \\cdot", "line 136", "a step up the gradient", 141),
}

SNOWCH = {
    876: ("0.5 - 0.1 \\times (-0.32) = 0.532", "0.5 + 0.1 \\times (-0.32) = 0.468", "Part5.5", "a step up the gradient"),
    1042: ("= 2z \\cdot x =", "= 2z \\cdot w =", "Part6.12", "the weight for the input"),
    1183: ("\\mathbf{h}^T \\cdot", "\\mathbf{h} \\cdot", "Part7.7", "the transpose dropped"),
    1189: ("\\cdot W_2^T$$", "\\cdot W_2$$", "Part7.9", "the transpose dropped"),
    1194: ("\\odot \\mathbf{1}_{\\mathbf{z}_1 > 0}$$", "\\odot \\max(0, \\mathbf{z}_1)$$", "Part7.10", "ReLU for its derivative"),
    1199: (
        "\\cdot \\frac{\\partial L}{\\partial \\mathbf{z}_1}$$",
        "\\cdot \\frac{\\partial L}{\\partial \\mathbf{h}}$$",
        "Part7.13",
        "the ReLU gate skipped",
    ),
    1603: ("= -\\frac{y_i}{p_i}", "= \\frac{y_i}{p_i}", "Part8.11", "the minus sign lost"),
    1619: ("- e^{z_i} \\cdot e^{z_i}", "+ e^{z_i} \\cdot e^{z_i}", "Part8.18", "a sign slip in the quotient rule"),
    1663: ("\\cdot h_i$$", "\\cdot h_j$$", "Part8.35", "h_j for h_i"),
    1704: ("\\cdot w_{ij}$$", "\\cdot w_{ji}$$", "Part8.46", "w_ji for w_ij"),
}

NISITH = {
    19: ("\\hat{y} - y_{\\text{true}}", "y_{\\text{true}} - \\hat{y}", "line 19", "y_true - y_hat"),
    23: ("W_{i+1}^T", "W_{i+1}", "line 23", "the transpose dropped"),
    31: ("\\frac{1}{m} \\cdot \\sum", "\\sum", "line 31", "the 1/m dropped"),
}

JOSEPHTKIM = {
    56: ("\\odot \\sigma'(z^{[L]})", "\\odot \\sigma(z^{[L]})", "line 56", "sigma for sigma'", 57),
    60: ("W^{[\\ell + 1]^\\top}", "W^{[\\ell + 1]}", "line 60", "the transpose dropped", 61),
    65: ("W^{[\\ell]} - \\eta", "W^{[\\ell]} + \\eta", "line 65.1", "a step up the gradient", 67),
}


def _lines(src):
    """The file's lines as written (newline="": a CRLF file keeps its "\\r", so the copy keeps the author's line ends)."""
    with open(src, newline="") as f:
        return f.read().split("\n")


def _write(dst, lines):
    with open(dst, "w", newline="") as f:
        f.write("\n".join(lines))


def _append(line, comment):
    """The line with the comment at its end, before a CRLF file's "\\r"."""
    return line[:-1] + comment + "\r" if line.endswith("\r") else line + comment


def plant_tex(src, dst, edits):
    lines = _lines(src)
    for n, (old, new, cid, why) in edits.items():
        assert lines[n - 1].count(old) == 1, (src, n, old)
        lines[n - 1] = _append(lines[n - 1].replace(old, new), f" % PLANTED [{cid}]: {why}")
    _write(dst, lines)


def plant_crlf(src, dst, edits):
    """plant.py's plant for a Markdown file with CRLF line ends (mihir's): the comment at the end of the display's
    closing line, before its "\\r"."""
    lines = _lines(src)
    for n, (old, new, cid, why, at) in edits.items():
        assert lines[n - 1].count(old) == 1, (src, n, old)
        lines[n - 1] = lines[n - 1].replace(old, new)
        lines[at - 1] = _append(lines[at - 1], f" <!-- PLANTED [{cid}]: {why} -->")
    _write(dst, lines)


if __name__ == "__main__":
    plant_tex("xqzu_uvadlc_a1.tex", "xqzu_uvadlc_a1_planted.tex", XQZU)
    plant_tex("loedeman_uvadlc_a1.tex", "loedeman_uvadlc_a1_planted.tex", LOEDEMAN)
    plant_tex("pvdklei_uvadlc_a1.tex", "pvdklei_uvadlc_a1_planted.tex", PVDKLEI)
    plant_tex("charatsidis_practical1.tex", "charatsidis_practical1_planted.tex", CHARATSIDIS)
    plant_crlf("mihir_dlp2.md", "mihir_dlp2_planted.md", MIHIR)
    plant("snowch_nn_tutorial.md", "snowch_nn_tutorial_planted.md", SNOWCH)
    plant("nisith_readme.md", "nisith_readme_planted.md", NISITH)
    plant("josephtkim_mlp_readme.md", "josephtkim_mlp_readme_planted.md", JOSEPHTKIM)
