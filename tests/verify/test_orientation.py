"""The answer's own orientation of W (verify/orientation.py): a CS231n homework writes ``H = \\max(0, X W_1 + b_1)``, with W
n_in × n_out, under a spec in the row convention (W n_out × n_in); a column-convention spec meets ``z = W x + b``. A TA
reads the answer's W. Claims written here (right ones and planted mistakes); each expected verdict is decided by NumPy:
the claim's right side computed from the answer's own arrays (its orientation) and compared with the quantity's value by
central differences of the loss — never by verify's own output."""

from __future__ import annotations

import numpy as np
import pytest
from gradproof.derive.errors import AnswerError
from gradproof.verify.answers import answers_from_dict
from gradproof.verify.document import extract
from gradproof.verify.judge import Judge
from helpers_verify import small

from gradproof.cli import main

N_IN, N_H, N_OUT, BATCH = 3, 4, 2, 6
RNG = np.random.default_rng(11)


def _softmax(s):
    e = np.exp(s - s.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


class Net:
    """A two-layer ReLU/softmax net with W stored n_in × n_out (the answer's CS231n orientation), samples as rows."""

    def __init__(self, n: int):
        self.X, self.W1, self.b1 = RNG.normal(size=(n, N_IN)), RNG.normal(size=(N_IN, N_H)), RNG.normal(size=(1, N_H))
        self.W2, self.b2 = RNG.normal(size=(N_H, N_OUT)), RNG.normal(size=(1, N_OUT))
        self.Y = np.eye(N_OUT)[RNG.integers(0, N_OUT, size=n)]

    def loss(self, W1=None, W2=None, H=None, S=None):  # the mean cross-entropy
        W1, W2 = (self.W1 if W1 is None else W1), (self.W2 if W2 is None else W2)
        H = np.maximum(0, self.X @ W1 + self.b1) if H is None else H
        S = H @ W2 + self.b2 if S is None else S
        return float(-np.mean(np.sum(self.Y * np.log(_softmax(S)), axis=1)))

    def grad(self, name: str) -> np.ndarray:
        base = {"W1": self.W1, "W2": self.W2, "H": self.H, "S": self.S}[name]
        out = np.zeros_like(base)
        for idx in np.ndindex(base.shape):
            e = np.zeros_like(base)
            e[idx] = 1e-6
            out[idx] = (self.loss(**{name: base + e}) - self.loss(**{name: base - e})) / 2e-6
        return out

    @property
    def H(self):
        return np.maximum(0, self.X @ self.W1 + self.b1)

    @property
    def S(self):
        return self.H @ self.W2 + self.b2


def numeric_verdict(claimed, truth) -> str:
    """The verdict a careful grader gives: the claim's value (None: its shapes do not multiply) against the truth."""
    if claimed is None or np.shape(claimed) != np.shape(truth):
        return "incorrect"
    return "correct" if np.allclose(claimed, truth, atol=1e-5) else "incorrect"


def product(*factors):
    try:
        return np.linalg.multi_dot(factors) if len(factors) > 2 else factors[0] @ factors[1]
    except ValueError:
        return None


#: (id, LaTeX of the claim, its value from the answer's arrays, the quantity it names): a batch written CS231n's way
def cs231n_claims(net: Net):
    dS = net.grad("S")
    return [
        ("dS", r"\frac{\partial L}{\partial S} = \frac{1}{N}(P - Y)", (_softmax(net.S) - net.Y) / len(net.X), dS),
        ("dW2", r"\frac{\partial L}{\partial W_2} = H^T \frac{\partial L}{\partial S}", product(net.H.T, dS), net.grad("W2")),
        ("dW2-planted", r"\frac{\partial L}{\partial W_2} = \frac{\partial L}{\partial S}^T H", product(dS.T, net.H),
         net.grad("W2")),
        ("dH", r"\frac{\partial L}{\partial H} = \frac{\partial L}{\partial S} W_2^T", product(dS, net.W2.T), net.grad("H")),
        ("dH-planted", r"\frac{\partial L}{\partial H} = \frac{\partial L}{\partial S} W_2", product(dS, net.W2), net.grad("H")),
        ("dW1", r"\frac{\partial L}{\partial W_1} = X^T \left(\frac{\partial L}{\partial H} \odot \mathbb{1}[H > 0]\right)",
         product(net.X.T, net.grad("H") * (net.H > 0)), net.grad("W1")),
    ]


FORWARD_ROWS = r"H = \max(0, X W_1 + b_1), \qquad S = H W_2 + b_2, \qquad P = \mathrm{softmax}(S)"


def document(forward: str | None, claims) -> str:
    head = f"$$ {forward} \\tag{{fwd}} $$\n\n" if forward else ""
    return head + "".join(f"$$ {latex} \\tag{{{cid}}} $$\n\n" for cid, latex, *_ in claims)


def judged(convention: str, doc: str, batch: int) -> dict:
    d = small(convention=convention, hidden="relu", output="softmax", loss="cross_entropy")
    return {r.id: r for r in Judge(d, batch=batch).check_all(extract(doc))}


def test_the_identities_the_verdicts_rest_on():
    net = Net(BATCH)
    verdicts = {cid: numeric_verdict(claimed, truth) for cid, _, claimed, truth in cs231n_claims(net)}
    assert verdicts == {"dS": "correct", "dW2": "correct", "dW2-planted": "incorrect", "dH": "correct",
                        "dH-planted": "incorrect", "dW1": "correct"}  # (the planted ones: a transpose missing)


@pytest.mark.parametrize("batch", [BATCH, 1])
@pytest.mark.parametrize("convention", ["row", "column"])
def test_a_cs231n_homework_is_read_with_its_own_w(convention, batch):
    """The coordinator's case: under a row spec every claim of a CS231n homework was `incorrect` ("missing transpose");
    under a column spec (the answer's own convention) it is judged as before."""
    net = Net(batch)
    claims = cs231n_claims(net)
    got = judged(convention, document(FORWARD_ROWS, claims), batch)
    assert got["fwd"].verdict == "correct"
    assert {cid: got[cid].verdict for cid, *_ in claims} == {cid: numeric_verdict(c, t) for cid, _, c, t in claims}
    assert any("spec's transpose" in n for n in got["dW2"].notes) == (convention == "row")
    # the hint prints the answer's orientation (and layout): ∂L/∂H = δ W^T with its W (n_in × n_out)
    assert "{\\mathbf{W}^{(2)}}^{\\top}" in got["dH-planted"].expected


def column_sample_claims(net: Net):
    """One sample as a column, W n_out × n_in (z = W x + b): the same net's arrays, transposed to that orientation."""
    x, W2 = net.X[:1].T, net.W2.T
    h = net.H[:1].T
    dz2 = net.grad("S")[:1].T * len(net.X)  # (the loss of one sample: the mean of one)
    dh = net.grad("H")[:1].T * len(net.X)
    return [
        ("dW2", r"\frac{\partial L}{\partial W_2} = \delta_2 h_1^T", product(dz2, h.T), net.grad("W2").T * len(net.X)),
        ("dW2-planted", r"\frac{\partial L}{\partial W_2} = h_1 \delta_2^T", product(h, dz2.T), net.grad("W2").T * len(net.X)),
        ("dh1", r"\frac{\partial L}{\partial h_1} = W_2^T \delta_2", product(W2.T, dz2), dh),
        ("dh1-planted", r"\frac{\partial L}{\partial h_1} = W_2 \delta_2", product(W2, dz2), dh),
        ("dW1", r"\frac{\partial L}{\partial W_1} = (\frac{\partial L}{\partial h_1} \odot \mathbb{1}[z_1 > 0]) x^T",
         product(dh * (h > 0), x.T), net.grad("W1").T * len(net.X)),
    ]


FORWARD_COLUMNS = r"z_1 = W_1 x + b_1, \qquad h_1 = \max(0, z_1), \qquad z_2 = W_2 h_1 + b_2"


@pytest.mark.parametrize("convention", ["column", "row"])
def test_z_equals_w_x_plus_b_under_either_spec(convention):
    """The other way round: a spec in the column convention, an answer writing z = W x + b (W n_out × n_in)."""
    net = Net(1)
    claims = column_sample_claims(net)
    got = judged(convention, document(FORWARD_COLUMNS, claims), 1)
    assert got["fwd"].verdict == "correct"
    for cid, _, claimed, truth in claims:
        assert got[cid].verdict == numeric_verdict(claimed, truth), (cid, got[cid].message)
    assert any("spec's transpose" in n for n in got["dW2"].notes) == (convention == "column")


def test_a_true_missing_transpose_stays_incorrect_when_the_definitions_fix_the_orientation():
    net = Net(BATCH)
    claims = cs231n_claims(net)
    got = judged("row", document(FORWARD_ROWS, claims), BATCH)
    assert got["dW2-planted"].verdict == got["dH-planted"].verdict == "incorrect"
    assert "transpose" in got["dH-planted"].message


def layered_claims(net: Net):
    """The same gradients with the layers numbered (no letter of the answer's own to define): Z^{(2)} is S."""
    dZ2, dZ1 = net.grad("S"), net.grad("H") * (net.H > 0)
    return [
        ("dW2", r"\frac{\partial L}{\partial W^{(2)}} = (H^{(1)})^T \frac{\partial L}{\partial Z^{(2)}}", product(net.H.T, dZ2),
         net.grad("W2")),
        ("dH1", r"\frac{\partial L}{\partial H^{(1)}} = \frac{\partial L}{\partial Z^{(2)}} (W^{(2)})^T", product(dZ2, net.W2.T),
         net.grad("H")),
        ("dW1", r"\frac{\partial L}{\partial W^{(1)}} = X^T \frac{\partial L}{\partial Z^{(1)}}", product(net.X.T, dZ1),
         net.grad("W1")),
        ("dW2-planted", r"\frac{\partial L}{\partial W^{(2)}} = (\frac{\partial L}{\partial Z^{(2)}})^T H^{(1)}",
         product(dZ2.T, net.H), net.grad("W2")),
        ("dH1-planted", r"\frac{\partial L}{\partial H^{(1)}} = \frac{\partial L}{\partial Z^{(2)}} W^{(2)}",
         product(dZ2, net.W2), net.grad("H")),
    ]


def test_as_many_claims_for_the_specs_w_keep_it():
    net = Net(BATCH)
    claims = {c[0]: c for c in layered_claims(net)}
    picked = [claims["dW2"], claims["dH1-planted"]]  # one holds only transposed, one only as the spec lays W out
    got = judged("row", document(None, picked), BATCH)
    assert got["dW2"].verdict == "incorrect" and got["dH1-planted"].verdict == "correct"  # the spec's W, as before


def test_without_definitions_the_claims_decide_when_they_all_agree():
    net = Net(BATCH)
    right = [c for c in layered_claims(net) if "planted" not in c[0]]
    assert [numeric_verdict(c[2], c[3]) for c in right] == ["correct"] * 3
    got = judged("row", document(None, right), BATCH)  # no forward definition: each holds only with W n_in × n_out
    assert {c[0]: got[c[0]].verdict for c in right} == dict.fromkeys((c[0] for c in right), "correct")


def test_one_claim_alone_is_a_slip_and_two_are_unchecked():
    net = Net(BATCH)
    claims = {c[0]: c for c in layered_claims(net)}
    got = judged("row", document(None, [claims["dW2"]]), BATCH)["dW2"]
    assert got.verdict == "incorrect"  # no other claim shows the answer's W: judged with the spec's, as before
    got = judged("row", document(None, [claims["dW2"], claims["dH1"]]), BATCH)
    for cid in ("dW2", "dH1"):  # right if the answer's W is n_in × n_out, the same slip twice if not
        assert got[cid].verdict == "unchecked" and 'convention = "column"' in got[cid].message, got[cid].message


def test_mixed_evidence_is_unchecked_with_the_notation_line():
    net = Net(BATCH)
    claims = {c[0]: c for c in layered_claims(net)}
    # dW2, dH1 and dW1 hold only with W n_in × n_out; the planted dW2 only with W n_out × n_in (the spec's): more for
    # the transpose, but not all of them
    picked = [claims["dW2"], claims["dH1"], claims["dW1"], claims["dW2-planted"]]
    assert [numeric_verdict(c[2], c[3]) for c in picked] == ["correct", "correct", "correct", "incorrect"]
    got = judged("row", document(None, picked), BATCH)
    for cid, *_ in picked:
        assert got[cid].verdict == "unchecked" and "[notation]: convention" in got[cid].message, (cid, got[cid].message)


def bmatrix(a: np.ndarray) -> str:
    return r"\begin{bmatrix} " + r" \\ ".join(" & ".join(f"{v:.6f}" for v in row) for row in a) + r" \end{bmatrix}"


def answers(convention: str | None, w_transposed: bool, claims: list) -> dict:
    net = Net(1)
    values = {"x": net.X[0].tolist(), "y": net.Y[0].tolist(), "b1": net.b1[0].tolist(), "b2": net.b2[0].tolist(),
              "W1": (net.W1 if w_transposed else net.W1.T).tolist(), "W2": (net.W2 if w_transposed else net.W2.T).tolist()}
    data = {"spec": {"name": "small", "convention": "row", "inputs": N_IN,
                     "layers": [{"units": N_H, "activation": "relu"}, {"units": N_OUT, "activation": "softmax"}],
                     "loss": {"name": "cross_entropy"}, "optimizer": {"name": "sgd", "learning_rate": 0.5}},
            "values": values, "claims": [{"id": cid, "latex": latex} for cid, latex in claims]}
    if convention:
        data["notation"] = {"convention": convention}
    return data, net


def test_values_are_read_in_the_declared_orientation():
    """[values] W written n_in × n_out (the answer's), under a row spec, with [notation] convention = "column"."""
    from gradproof.derive.derivation import derive
    from gradproof.derive.spec import spec_from_dict

    data, net = answers("column", True, [])
    h = net.H[:1]
    s = h @ net.W2 + net.b2
    dW2 = h.T @ (_softmax(s) - net.Y[:1])  # (one sample: the mean of one), n_in × n_out as the answer's W
    data["claims"] = [{"id": "dW2", "latex": r"\frac{\partial L}{\partial W_2} = " + bmatrix(dW2)},
                      {"id": "dW2-planted", "latex": r"\frac{\partial L}{\partial W_2} = " + bmatrix(dW2.T)},
                      {"id": "z1", "latex": r"z_1 = x W_1 + b_1 = " + bmatrix(net.X[:1] @ net.W1 + net.b1)}]
    a = answers_from_dict(data, "<test>")
    assert dict(a.notation.options)["convention"] == "column"
    got = {r.id: r for r in Judge(derive(spec_from_dict(data["spec"]), check=False), batch=1, values=a.values,
                                  notation=a.notation).check_all(a.claims)}
    assert got["dW2"].verdict == "correct" and got["dW2-planted"].verdict == "incorrect"
    assert got["z1"].verdict == "correct"


def test_values_transposed_without_the_declaration_say_how_to_declare_it():
    data, _ = answers(None, True, [("z", "z_1 = x W_1 + b_1")])
    with pytest.raises(AnswerError, match=r'has shape 3×4; expected 4×3, .*say so in \[notation\]: convention = "column"'):
        answers_from_dict(data, "<test>")
    data, _ = answers(None, False, [("z", "z_1 = W_1 x + b_1")])
    assert "convention" not in dict(answers_from_dict(data, "<test>").notation.options)


def test_the_cli_output_a_user_sees(tmp_path, capsys):
    spec = tmp_path / "net.toml"
    spec.write_text('name = "twolayer"\nconvention = "row"\ninputs = 3\n[[layers]]\nunits = 4\nactivation = "relu"\n'
                    '[[layers]]\nunits = 2\nactivation = "softmax"\n[loss]\nname = "cross_entropy"\n'
                    '[optimizer]\nname = "sgd"\nlearning_rate = 0.1\n')
    net = Net(BATCH)
    claims = cs231n_claims(net)
    answer = tmp_path / "answer.md"
    answer.write_text("# Homework: a two-layer net, X is N × D and W_1 is D × H\n\n" + document(FORWARD_ROWS, claims))
    code = main(["verify", str(answer), "--spec", str(spec)])
    out = capsys.readouterr().out
    assert code == 1  # the two planted claims
    assert "W is written n_in × n_out (column convention" in out
    for cid, _, claimed, truth in claims:
        mark = "✓" if numeric_verdict(claimed, truth) == "correct" else "✗"
        assert any(line.startswith(f"{mark} {cid} ") for line in out.splitlines()), (cid, out)
    assert "✓ fwd " in out
