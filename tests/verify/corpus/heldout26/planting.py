"""Writes heldout26's planted copies from the faithful files (run from this folder: python planting.py).
A helper of the corpus author, not an oracle: each edit replaces one substring on one line. In Markdown (plant.py, a
link to heldout19's helper) `<!-- PLANTED [id]: why -->` goes at the end of the edited line, or at the end of the
display's closing `$$` line when the edit is inside a multi-line display (found here: `closing`); in LaTeX
(plant_tex) the comment is `% PLANTED [id]: why` at the end of the edited line (a TeX comment)."""

from plant import plant

KORNIAK = {
    80: ("\\delta_{o}  * out_{h1}", "\\delta_{o}  * out_{h2}", "line 80", "out_h2 for out_h1 (a wrong index)"),
    141: ("w11 - \\eta", "w11 + \\eta", "line 141", "a step up the gradient"),
    182: ("}{\\partial out_{h1}}=w1o", "}{\\partial out_{h1}}=w2o", "line 182", "w2o for w1o (a wrong index)"),
    185: ("= out_{h1}(1 - out_{h1})", "= (1 - out_{h1})", "line 185", "the sigmoid's slope without its factor out_h1"),
    190: ("= -0.064 * 0.4 * 0.249375", "= -0.064 * 0.9 * 0.249375", "line 190", "w2o's 0.9 for w1o's 0.4"),
}

FROUKJE_ONE = {
    96: ("= - (y - \\hat{y}),$$", "= (y - \\hat{y}),$$", "line 96", "y - yhat for -(y - yhat) (a sign slip)"),
    98: ("(w\\cdot x + b) = x,$$", "(w\\cdot x + b) = w,$$", "line 98", "the weight for the input"),
    117: ("= -0.94 \\cdot 0.25 \\cdot 0.5 = -0.118", "= -0.94 \\cdot 0.5 = -0.47", "line 117", "the sigmoid's slope dropped"),
    127: ("= 0.3 - 0.1 \\cdot (-0.118) = 0.312", "= 0.3 + 0.1 \\cdot (-0.118) = 0.288", "line 127", "a step up the gradient"),
}

FROUKJE_TWO = {
    64: ("= -(y - \\hat{y})$$", "= (y - \\hat{y})$$", "line 64", "y - yhat for -(y - yhat) (a sign slip)"),
    72: ("= a^{(1)}$$", "= w^{(1)}$$", "line 72", "the weight for the input a^(1)"),
    107: ("\\approx 0.56 \\cdot (1 - 0.56) \\approx 0.25", "\\approx 0.56", "line 107", "sigma' written as sigma"),
    121: ("\\cdot 0.2 \\cdot 0.25 \\cdot 1 \\approx -0.01", "\\cdot 0.25 \\cdot 1 \\approx -0.05", "line 121",
          "the weight w^(2) dropped from the chain"),
}

DASSEIN = {
    31: ("\\left(A^{(k-1)}\\right)^T\\frac", "A^{(k-1)}\\frac", "line 31.3", "the transpose dropped"),
    45: ("\\odot \\left[ a^{(k)}\\odot \\left(1.-a^{(k)}\\right) \\right]", "\\odot \\left[ a^{(k)} \\right]", "line 45.2",
         "sigma' written as sigma"),
    111: ("= -Y^T", "= Y^T", "line 111", "a sign slip"),
    130: ("\\left(M^{(k)}\\right)^T", "M^{(k)}", "line 130.2", "the transpose dropped"),
    144: ("\\left(A^{(k-1)}\\right)^T\\frac{\\partial J}{\\partial Z^{(k)}}",
          "\\frac{\\partial J}{\\partial Z^{(k)}}\\left(A^{(k-1)}\\right)^T", "line 144", "the factors' order transposed"),
}

KGWILSON = {
    20: ("= 2 * (output - input) / N", "= 2 * (output - input)", "line 20", "the 1/N of the mean dropped"),
    26: ("= x_{i-1}.T @ dl/dz_i", "= dl/dz_i @ x_{i-1}.T", "line 26", "the factors transposed"),
    36: ("@ W_i.T", "@ W_i", "line 36", "the transpose dropped"),
    46: ("* dact/dz_{i-1}", "* act(z_{i-1})", "line 46", "the activation for its derivative"),
}

JACKDYRE = {
    12: ("= 2(A_{out}[r, 0] - T[r, 0])", "= 2(T[r, 0] - A_{out}[r, 0])", "line 12", "T - A for A - T (a sign slip)"),
    48: ("A_{i-1}[c, 0]$$", "A_{i-1}[r, 0]$$", "line 44", "row r for column c (a wrong index)"),
    70: ("W_{i+1}[k, r]", "W_{i+1}[r, k]", "line 64", "the weight's indices swapped"),
}

FUAT = {
    105: ("-2(y - \\hat{y})", "-(y - \\hat{y})", "line 105", "the 2 of the square dropped"),
    113: ("\\delta_j \\cdot \\theta_{ji}", "\\delta_j \\cdot \\theta_{ij}", "line 113", "theta_ij for theta_ji (a wrong index)"),
    161: ("= \\delta_i \\cdot o_\\ell$", "= \\delta_i \\cdot o_i$", "line 161", "o_i for o_l (a wrong index)"),
}

ACSE = {
    10: ("((w^{l+1})^T \\delta^{l+1})", "(w^{l+1} \\delta^{l+1})", "line 10", "the transpose dropped"),
    18: ("= a^{l-1}_k \\delta^l_j", "= a^{l-1}_j \\delta^l_k", "line 18", "the indices j and k swapped"),
    98: ("= \\delta^l_j", "= \\delta^l_j \\sigma'(z^l_j)", "line 98", "a sigmoid slope too many"),
}

UCSC_SIGMOID = {
    15: ("= \\left( a_5 - t \\right) = (0 - 1) = -1", "= \\left( t - a_5 \\right) = (1 - 0) = 1", "line 15",
         "t - a_5 for a_5 - t (a sign slip)"),
    19: ("z_j (1-z_j)", "z_j", "line 19", "sigma' written as sigma"),
    36: ("\\delta_5 z_3 = -1*\\frac{1}{2} = -\\frac{1}{2}", "\\delta_5 z_2 = -1*2 = -2", "line 36.2", "z_2 for z_3 (a wrong index)"),
    47: ("w_{5,3} - 0.1*-\\frac{1}{2} = 0.05", "w_{5,3} + 0.1*-\\frac{1}{2} = -0.05", "line 47.1", "a step up the gradient"),
}

UCSC_TANH = {
    5: ("\\left( 1 - z_j^2 \\right) \\tag{5}", "\\left( 1 - z_j \\right) \\tag{5}", "5", "1 - z_j for tanh's 1 - z_j^2"),
    19: ("= \\left( a_5 - t \\right) = (0 - 1) = -1", "= \\left( a_5 - t \\right)^2 = (0 - 1)^2 = 1", "line 19",
         "the square not differentiated"),
    26: ("\\right)(1-z_4^2) \\\\", "\\right)(1-z_4) \\\\", "line 26", "1 - z_4 for tanh's 1 - z_4^2"),
    40: ("\\delta_5 z_3 = -1*0 = 0", "\\delta_5 z_1 = -1*1 = -1", "line 40.2", "z_1 for z_3 (a wrong index)"),
}

KUREKAGURA = {
    48: ("\\partial u^L_j} z^{L-1}_i$", "\\partial u^L_j} z^{L}_j$", "line 48", "z^L_j for z^{L-1}_i (a wrong layer and index)"),
    63: ("=y_j-\\hat{y}_j$", "=\\hat{y}_j-y_j$", "line 63", "yhat - y for y - yhat (a sign slip)"),
    75: ("w^L_{ij} - \\varepsilon", "w^L_{ij} + \\varepsilon", "line 75", "a step up the gradient"),
}

ANUDEEP = {
    53: ("=-\\hat y_i\\hat y_mu_j", "=\\hat y_i\\hat y_mu_j", "line 53", "a sign slip"),
    93: ("=\\hat{y_i}-y_i", "=y_i-\\hat{y_i}", "line 92", "y - yhat for yhat - y (a sign slip)"),
    98: ("=\\sigma(z)(1-\\sigma(z))", "=\\sigma(z)", "line 98", "sigma' written as sigma"),
    114: ("(\\hat{y_i}-y_i)\\sigma(A1)", "(\\hat{y_i}-y_i)A1", "line 113", "the pre-activation A1 for the activation sigma(A1)"),
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


def plant_crlf(src, dst, edits):
    """plant.py's plant for a file with CRLF line ends: the comment at the end of the edited line, before its "\\r"."""
    lines = open(src, newline="").read().split("\n")
    for n, (old, new, cid, why) in edits.items():
        assert lines[n - 1].count(old) == 1, (src, n, old)
        line = lines[n - 1].replace(old, new)
        end = "\r" if line.endswith("\r") else ""
        lines[n - 1] = line[: len(line) - len(end)] + f" <!-- PLANTED [{cid}]: {why} -->" + end
    open(dst, "w", newline="").write("\n".join(lines))


def plant_tex(src, dst, edits):
    lines = open(src).read().split("\n")
    for n, (old, new, cid, why) in edits.items():
        assert lines[n - 1].count(old) == 1, (src, n, old)
        lines[n - 1] = lines[n - 1].replace(old, new) + f" % PLANTED [{cid}]: {why}"
    open(dst, "w").write("\n".join(lines))


if __name__ == "__main__":
    plant_tex("korniak_nxor_pl.tex", "korniak_nxor_pl_planted.tex", KORNIAK)
    plant_tex("ucsc_hw4_sigmoid.tex", "ucsc_hw4_sigmoid_planted.tex", UCSC_SIGMOID)
    plant_tex("ucsc_hw4_tanh.tex", "ucsc_hw4_tanh_planted.tex", UCSC_TANH)
    plant_tex("anudeep_cs760_hw4.tex", "anudeep_cs760_hw4_planted.tex", ANUDEEP)
    plant_crlf("kurekagura_backprop_ja.md", "kurekagura_backprop_ja_planted.md", KUREKAGURA)
    for name, edits in (("froukje_one_neuron", FROUKJE_ONE), ("froukje_two_neurons", FROUKJE_TWO),
                        ("dassein_matrix_backprop", DASSEIN), ("kgwilson_autoencoder", KGWILSON),
                        ("jackdyre_brackets", JACKDYRE), ("fuat_lfd_backprop", FUAT), ("acse_nielsen", ACSE)):
        plant(f"{name}.md", f"{name}_planted.md", closing(f"{name}.md", edits))
