"""Writes heldout21's planted copies from the faithful files (run from this folder: python planting.py).
A helper of the corpus author, not an oracle: each edit replaces one substring on one line (plant.py, a link to
heldout19's helper) and appends `<!-- PLANTED [id]: why -->` to that line (one-line `$$` displays: the comment goes
on the closing `$$` line, the fifth item)."""

from plant import plant

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

if __name__ == "__main__":
    plant("zuoyuan_dropout.md", "zuoyuan_dropout_planted.md", DROPOUT)
