"""Writes heldout28's planted copies from the faithful files (run from this folder: python planting.py).
A helper of the corpus author, not an oracle: each edit replaces one substring on one line. In Markdown (plant.py, a
link to heldout19's helper) `<!-- PLANTED [id]: why -->` goes at the end of the edited line, or at the end of the
display's closing line (`$$` or `\\]`) when the edit is inside a multi-line display (`closing`); in LaTeX (plant_tex)
the comment is `% PLANTED [id]: why` at the end of the edited line (a TeX comment)."""

from plant import plant

WINTERTEE = {
    26: ("=\\phi'\\times w \\tag{1.3}", "=\\phi'\\times x \\tag{1.3}", "1.3", "x for w (a wrong variable)"),
    30: ("=\\phi'\\times x \\tag{1.4}", "=\\phi\\times x \\tag{1.4}", "1.4", "phi' written as phi"),
    81: ("&=-\\phi_j \\phi_i", "&=\\phi_j \\phi_i", "line 81.4", "a sign slip"),
    86: ("\\phi_i(1-\\phi_j)&", "\\phi_i(1+\\phi_j)&", "line 86", "a sign slip (1 + phi_j for 1 - phi_j)"),
    101: ("-y_i\\frac{a_i(1-a_i)}{a_i}", "-y_i\\frac{a_i}{a_i}", "line 101.3",
          "the softmax's derivative a_i(1 - a_i) written as a_i"),
}

IAMBESTFEED = {
    66: ("2 \\cdot (\\hat{y} - y) / m", "2 \\cdot (\\hat{y} - y)", "line 66", "the mean's 1/m dropped"),
    73: ("db_2 = \\sum d_{\\text{output}}", "db_2 = d_{\\text{output}}", "line 73", "the sum over the batch dropped"),
    79: ("\\cdot (\\text{hidden\\_output} > 0)", "\\cdot \\text{hidden\\_output}", "line 79",
         "ReLU' written as ReLU"),
    95: ("b_1 = b_1 - \\eta", "b_1 = b_1 + \\eta", "line 95", "a step up the gradient"),
}

ZAIDANMIR = {
    63: ("= p_y(\\delta_{yk} - p_k)", "= p_y(p_k - \\delta_{yk})", "line 63", "a sign slip"),
    88: ("= \\delta_2 \\, a_1^\\top", "= a_1 \\, \\delta_2^\\top", "line 88", "the outer product transposed"),
    114: ("(W_2^\\top \\delta_2) \\odot", "(W_2 \\delta_2) \\odot", "line 114", "the transpose dropped"),
    136: ("= \\frac{1}{B} \\, \\Delta_2^\\top A_1", "= \\Delta_2^\\top A_1", "line 136", "the batch mean's 1/B dropped"),
}

JUSTIN_DNN = {
    13: ("\\bold W^{l+1}_{j, i}$", "\\bold W^{l+1}_{i, j}$", "line 13", "W_{i, j} for W_{j, i} (a transposed factor)"),
    15: ("=(\\bold W^{l+1})^T\\cdot \\boldsymbol {\\delta z}^{l+1}$", "=\\bold W^{l+1}\\cdot \\boldsymbol {\\delta z}^{l+1}$",
         "line 15", "the transpose dropped"),
    20: ("=\\boldsymbol {\\delta z}^l\\cdot (\\boldsymbol a^{l-1})^T$", "=\\boldsymbol a^{l-1}\\cdot (\\boldsymbol {\\delta z}^l)^T$",
         "line 20", "the outer product transposed"),
    30: ("\\odot f'(\\boldsymbol z^l)$ |", "\\odot f(\\boldsymbol z^l)$ |", "line 30#2", "f' written as f"),
}

JUSTIN_LOSSES = {
    7: ("={1\\over L}(\\boldsymbol o-\\boldsymbol y)$", "=(\\boldsymbol o-\\boldsymbol y)$", "line 7", "the factor 1/L dropped"),
    15: ("=-{\\boldsymbol y_i\\over", "={\\boldsymbol y_i\\over", "line 15", "a sign slip"),
    22: ("-\\text{softmax}(\\boldsymbol o)_i\\cdot \\text{softmax}(\\boldsymbol o)_j",
         "+\\text{softmax}(\\boldsymbol o)_i\\cdot \\text{softmax}(\\boldsymbol o)_j", "line 22.4", "a sign slip"),
    35: ("=\\text{softmax}(\\boldsymbol o)-\\boldsymbol y$", "=\\boldsymbol y-\\text{softmax}(\\boldsymbol o)$", "line 35",
         "y - softmax for softmax - y (a sign slip)"),
}

ZACBRANNELLY = {
    75: ("= 2(a - label)$", "= (a - label)$", "line 75", "the 2 of the square dropped"),
    89: ("= i_i$", "= w_i$", "line 89", "the weight for its input (a wrong variable)"),
    137: ("= w * \\frac{da}{dz} * \\frac{dL}{da}$", "= w * \\frac{dL}{da}$", "line 137", "the activation's derivative dropped"),
    213: ("b = b - lr", "b = b + lr", "line 213", "a step up the gradient"),
}

NAOWALRAHMAN = {
    27: ("\\cdot \\frac{\\partial \\mathcal{\\mathbf{a}^l}}{\\partial \\mathcal{\\mathbf{z}^l}} \\cdot",
         "\\cdot \\frac{\\partial \\mathcal{\\mathbf{z}^l}}{\\partial \\mathcal{\\mathbf{a}^l}} \\cdot", "line 27",
         "da/dz written upside down (dz/da)"),
    35: ("\\boxed{ \\delta^l (\\mathbf{a}^{l-1})^T }", "\\boxed{ \\delta^l (\\mathbf{a}^{l})^T }", "line 35",
         "a^l for a^{l-1} (a wrong layer)"),
}

KEITHALEXANDAR = {
    42: ("= \\pmb a^{(out)} - \\pmb y$", "= \\pmb y - \\pmb a^{(out)}$", "line 42", "y - a for a - y (a sign slip)"),
    43: ("(\\pmb W^{out^{T}})\\bigodot\\frac", "(\\pmb W^{out})\\bigodot\\frac", "line 43", "the transpose dropped"),
    45: ("= (a^{(h)}\\bigodot(1-a^{(h)}))$", "= (a^{(h)})$", "line 45", "the sigmoid's derivative written as the sigmoid"),
}

STARBITS = {
    38: ("= -(target_1 - o_1)$", "= (target_1 - o_1)$", "line 38", "a sign slip"),
    46: ("= o_1 (1-o_1)$", "= o_1$", "line 46", "the sigmoid's derivative written as the sigmoid"),
    83: ("\\cdot w_7$", "\\cdot w_6$", "line 83", "w_6 for w_7 (the weight from h_2 to o_1)"),
    99: ("\\cdot h_1 (1-h_1) \\cdot x_1$", "\\cdot h_1 (1-h_1) \\cdot x_2$", "line 99", "x_2 for x_1 (a wrong input)"),
}

NEALCHAN = {
    24: ("* \\frac{\\partial{z_1}}{\\partial{w_1}}\\\\", "* \\frac{\\partial{z_1}}{\\partial{x_1}}\\\\", "line 24.4",
         "dz_1/dx_1 for dz_1/dw_1 (a wrong variable)"),
    25: ("=x_1;", "=w_1;", "line 25.5", "the weight for its input"),
}

ARTHURADRIAENS = {
    32: ("\\nu ' = \\nu - \\eta \\vec{\\nabla} \\mathfrak{C}", "\\nu ' = \\nu - \\eta \\mathfrak{C}", "descent function",
         "the gradient dropped (a step of the cost itself)"),
    37: ("w_k ' = w_k - \\eta", "w_k ' = w_k + \\eta", "line 37", "a step up the gradient"),
}

PORR = {
    38: ("& = & - \\mu \\frac{\\partial E}{\\partial \\omega_{ji}} \\label{graddes}",
         "& = & \\mu \\frac{\\partial E}{\\partial \\omega_{ji}} \\label{graddes}", "graddes", "a step up the gradient"),
    56: ("\\sum_j y_j(n) w_{ji}", "\\sum_j y_i(n) w_{ji}", "line 56.2", "y_i for y_j inside the sum (a wrong index)"),
    85: ("}_\\textrm{trick!} \\frac{\\partial y_j}{\\partial \\omega_{kj}}",
         "}_\\textrm{trick!} \\frac{\\partial y_i}{\\partial \\omega_{kj}}",
         "gradint", "dy_i/domega_kj for dy_j/domega_kj (a wrong index)"),
    143: ("\\underbrace{\\frac{\\partial y_i}{\\partial v_i}}_{\\Theta^\\prime} ", "", "line 143",
          "the activation's derivative dropped from the chain"),
}


def closing(src, edits):
    """The edits with the line of each display's closing `$$` or `\\]` (an edit on a line that does not close it)."""
    lines = open(src).read().split("\n")
    out = {}
    for n, edit in edits.items():
        inside, opener = False, None
        for line in lines[: n - 1]:
            s = line.strip()
            if not inside and (s == "$$" or s == "\\["):
                inside, opener = True, s
            elif inside and ((opener == "$$" and s == "$$") or (opener == "\\[" and s == "\\]")):
                inside = False
        m = n
        if inside:
            end = "$$" if opener == "$$" else "\\]"
            m = next(k for k in range(n + 1, len(lines) + 1) if lines[k - 1].strip() == end)
        out[n] = (*edit, m)
    return out


def plant_crlf(src, dst, edits):
    """plant.py's plant for a file with CRLF line ends (JustinRochester's BP.md): the comment at the end of the edited
    line (or of the display's closing line, the fifth item), before its "\\r"."""
    lines = open(src, newline="").read().split("\n")
    for n, (old, new, cid, why, at) in edits.items():
        assert lines[n - 1].count(old) == 1, (src, n, old)
        lines[n - 1] = lines[n - 1].replace(old, new)
        end = "\r" if lines[at - 1].endswith("\r") else ""
        lines[at - 1] = lines[at - 1][: len(lines[at - 1]) - len(end)] + f" <!-- PLANTED [{cid}]: {why} -->" + end
    open(dst, "w", newline="").write("\n".join(lines))


def plant_tex(src, dst, edits):
    lines = open(src).read().split("\n")
    for n, (old, new, cid, why) in edits.items():
        assert lines[n - 1].count(old) == 1, (src, n, old)
        lines[n - 1] = lines[n - 1].replace(old, new) + f" % PLANTED [{cid}]: {why}"
    open(dst, "w").write("\n".join(lines))


MARKDOWN = (("wintertee_reseau_fr", WINTERTEE), ("iambestfeed_mlp_l2", IAMBESTFEED),
            ("zaidanmir_mnist_backprop", ZAIDANMIR), ("zacbrannelly_backprop", ZACBRANNELLY),
            ("naowalrahman_backprop", NAOWALRAHMAN), ("keithalexandar_bp_zh", KEITHALEXANDAR),
            ("starbits_backprop", STARBITS), ("nealchan_fanxiang_zh", NEALCHAN))
CRLF = (("justinrochester_dnn_zh", JUSTIN_DNN), ("justinrochester_losses_zh", JUSTIN_LOSSES))
LATEX = (("arthuradriaens_gd_nl", ARTHURADRIAENS), ("porr_backprop_notes", PORR))

if __name__ == "__main__":
    for name, edits in LATEX:
        plant_tex(f"{name}.tex", f"{name}_planted.tex", edits)
    for name, edits in MARKDOWN:
        plant(f"{name}.md", f"{name}_planted.md", closing(f"{name}.md", edits))
    for name, edits in CRLF:
        plant_crlf(f"{name}.md", f"{name}_planted.md", closing(f"{name}.md", edits))
