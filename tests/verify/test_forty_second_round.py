r"""The forty-second round: Nesterov momentum, AdamW, AdaMax and Adadelta in the optimizer registry, and verify reading
AdaMax's and Adadelta's lines as those algorithms' own (issue 10; before, every such line was `unchecked` "an
algorithm the spec's optimizer does not define").

    Kingma & Ba, algorithm 2:  u_t \leftarrow \max(\beta_2 \cdot u_{t-1}, |g_t|),
                               \theta_t \leftarrow \theta_{t-1} - (\alpha / (1 - \beta_1^t)) \cdot m_t / u_t
    Zeiler, algorithm 1:       E[g^2]_t = \rho E[g^2]_{t-1} + (1-\rho) g_t^2,
                               \Delta x_t = -\frac{RMS[\Delta x]_{t-1}}{RMS[g]_t} g_t,
                               E[\Delta x^2]_t = \rho E[\Delta x^2]_{t-1} + (1-\rho) \Delta x_t^2,  x_{t+1} = x_t + \Delta x_t

Every expected verdict is decided by running the line, as NumPy, inside its algorithm for three steps on random
gradients and comparing with torch.optim's run of the same algorithm (Adamax, Adadelta): the line holds if it gives
torch's value at every step."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from test_twenty_first_round import _verify

GRADS = [np.random.default_rng(42).normal(size=(3, 2)) for _ in range(3)]
HYPER = {"adamax": dict(lr=0.002, b1=0.9, b2=0.999, eps=1e-8), "adadelta": dict(lr=1.0, rho=0.9, eps=1e-6)}
OPTIMIZER = {
    "adamax": 'name = "adamax"\n',
    "adadelta": 'name = "adadelta"\n',
    "adam": 'name = "adam"\n',
    "rmsprop": 'name = "rmsprop"\n',
}


def _spec(optimizer: str) -> str:
    return ('name = "tanh_net"\nconvention = "row"\ninputs = 2\n\n[[layers]]\nunits = 3\nactivation = "tanh"\n\n'
            '[[layers]]\nunits = 2\nactivation = "tanh"\n\n[loss]\nname = "squared_error"\n\n[optimizer]\n'
            + OPTIMIZER[optimizer])


def _torch(optimizer: str) -> dict:
    """torch.optim's parameter and states after steps 1-3 from theta = 0 and GRADS (the independent reference)."""
    torch = pytest.importorskip("torch")
    h = HYPER[optimizer]
    p = torch.zeros(3, 2, dtype=torch.float64, requires_grad=True)
    if optimizer == "adamax":
        opt = torch.optim.Adamax([p], lr=h["lr"], betas=(h["b1"], h["b2"]), eps=h["eps"])
        names = {"m": "exp_avg", "u": "exp_inf"}
    else:
        opt = torch.optim.Adadelta([p], lr=h["lr"], rho=h["rho"], eps=h["eps"])
        names = {"Eg2": "square_avg", "Edx2": "acc_delta"}
    out = {}
    for g in GRADS:
        before = p.detach().numpy().copy()
        p.grad = torch.tensor(g)
        opt.step()
        state = opt.state[p]
        for ours, theirs in names.items():
            out.setdefault(ours, []).append(state[theirs].numpy().copy())
        out.setdefault("theta", []).append(p.detach().numpy().copy())
        out.setdefault("dx", []).append(p.detach().numpy() - before)
    return out


def _book(optimizer: str, lines) -> dict:
    """The algorithm's lines (name, function of the values so far) run in order for three steps."""
    values = {"theta": np.zeros_like(GRADS[0]), "m": 0.0, "u": 0.0, "Eg2": 0.0, "Edx2": 0.0}
    out = {}
    for t, g in enumerate(GRADS, start=1):
        values.update(g=g, t=t, **HYPER[optimizer])
        for name, line in lines:
            values[name] = line(values)
            out.setdefault(name, []).append(values[name])
    return out


def _holds(optimizer: str, lines, name: str) -> bool:
    with np.errstate(divide="ignore", invalid="ignore"):  # (a slip may divide by 0 or take a negative root)
        got = _book(optimizer, lines)[name]
    want = _torch(optimizer)[name]
    return all(np.allclose(a, b, rtol=1e-6, atol=1e-12) for a, b in zip(got, want, strict=True))


def _verdict(holds: bool) -> str:
    return "correct" if holds else "incorrect"


def _swap(lines, name, line):
    return [(n, line if n == name else f) for n, f in lines]


ADAMAX = [("m", lambda v: v["b1"] * v["m"] + (1 - v["b1"]) * v["g"]),
          ("u", lambda v: np.maximum(v["b2"] * v["u"], np.abs(v["g"]))),
          ("theta", lambda v: v["theta"] - (v["lr"] / (1 - v["b1"] ** v["t"])) * v["m"] / v["u"])]
ADAMAX_DOC = ("$$m_t \\leftarrow \\beta_1 \\cdot m_{t-1} + (1 - \\beta_1) \\cdot g_t$$\n\n"
              "$$u_t \\leftarrow \\max(\\beta_2 \\cdot u_{t-1}, |g_t|)$$\n\n"
              "$$u_t \\leftarrow \\max(\\beta_2 \\cdot u_{t-1}, g_t)$$\n\n"
              "$$\\theta_t \\leftarrow \\theta_{t-1} - (\\alpha / (1 - \\beta_1^t)) \\cdot m_t / u_t$$\n\n"
              "$$\\theta_t \\leftarrow \\theta_{t-1} - \\alpha \\cdot m_t / u_t$$\n")


def _adamax_expected() -> list[str]:
    no_abs = _swap(ADAMAX, "u", lambda v: np.maximum(v["b2"] * v["u"], v["g"]))
    no_correction = _swap(ADAMAX, "theta", lambda v: v["theta"] - v["lr"] * v["m"] / v["u"])
    assert _holds("adamax", ADAMAX, "m") and _holds("adamax", ADAMAX, "u") and _holds("adamax", ADAMAX, "theta")
    return ["correct", "correct", _verdict(_holds("adamax", no_abs, "u")), "correct",
            _verdict(_holds("adamax", no_correction, "theta"))]


def test_adamax_lines_under_an_adamax_spec(tmp_path):
    """Kingma & Ba's algorithm 2 (no ε: the spec's ε = 1e-8 beside |g| changes no digit a line is judged by)."""
    got = list(_verify(tmp_path, _spec("adamax"), ADAMAX_DOC).values())
    assert [r.verdict for r in got] == _adamax_expected()
    assert ["incorrect", "incorrect"] == _adamax_expected()[2::2]  # the two slips are caught, not skipped


def test_adamax_lines_under_an_adam_spec_are_judged_as_adamax(tmp_path):
    """A survey of optimizers graded on an Adam network: AdaMax's lines are judged as AdaMax's own, with a note; the
    first moment is Adam's line too (correct either way)."""
    got = list(_verify(tmp_path, _spec("adam"), ADAMAX_DOC).values())
    assert [r.verdict for r in got] == _adamax_expected()
    assert "AdaMax's own" in got[1].message and "AdaMax's own" in got[4].message


ZEILER = [("Eg2", lambda v: v["rho"] * v["Eg2"] + (1 - v["rho"]) * v["g"] ** 2),
          ("dx", lambda v: -np.sqrt(v["Edx2"] + v["eps"]) / np.sqrt(v["Eg2"] + v["eps"]) * v["g"]),
          ("Edx2", lambda v: v["rho"] * v["Edx2"] + (1 - v["rho"]) * v["dx"] ** 2),
          ("theta", lambda v: v["theta"] + v["dx"])]
ZEILER_DOC = ("$$E[g^2]_t = \\rho E[g^2]_{t-1} + (1-\\rho) g_t^2$$\n\n"
              "$$E[g^2]_t = \\rho E[g^2]_{t-1} + (1-\\rho) g_t$$\n\n"
              "$$\\Delta x_t = -\\frac{\\text{RMS}[\\Delta x]_{t-1}}{\\text{RMS}[g]_t} g_t$$\n\n"
              "$$\\Delta x_t = -\\frac{\\text{RMS}[\\Delta x]_{t}}{\\text{RMS}[g]_t} g_t$$\n\n"
              "$$E[\\Delta x^2]_t = \\rho E[\\Delta x^2]_{t-1} + (1-\\rho)\\Delta x_t^2$$\n\n"
              "$$x_{t+1} = x_t + \\Delta x_t$$\n\n"
              "$$\\text{RMS}[g]_t = E[g^2]_t + \\epsilon$$\n")


def _zeiler_expected() -> list[str]:
    no_square = _swap(ZEILER, "Eg2", lambda v: v["rho"] * v["Eg2"] + (1 - v["rho"]) * v["g"])
    # RMS[Δx]_t: the average that already holds this step's Δx_t -- written as the fixed point it would have to be,
    # solved by iteration from the right value (it moves: the line is not the algorithm's)
    def current(v):
        dx = -np.sqrt(v["Edx2"] + v["eps"]) / np.sqrt(v["Eg2"] + v["eps"]) * v["g"]
        for _ in range(50):
            dx = -np.sqrt(v["rho"] * v["Edx2"] + (1 - v["rho"]) * dx**2 + v["eps"]) / np.sqrt(v["Eg2"] + v["eps"]) * v["g"]
        return dx
    at_t = _swap(ZEILER, "dx", current)
    no_root = _swap(ZEILER, "dx", lambda v: -(v["Edx2"] + v["eps"]) / (v["Eg2"] + v["eps"]) * v["g"])  # RMS without √
    for name in ("Eg2", "Edx2", "theta", "dx"):
        assert _holds("adadelta", ZEILER, name), name
    return ["correct", _verdict(_holds("adadelta", no_square, "Eg2")), "correct", _verdict(_holds("adadelta", at_t, "dx")),
            "correct", "correct", _verdict(_holds("adadelta", no_root, "dx"))]


@pytest.mark.parametrize("optimizer", ["adadelta", "rmsprop"])
def test_zeiler_adadelta_lines(tmp_path, optimizer):
    """Zeiler's algorithm 1 in his letters (x the parameter, RMS[y]_t = √(E[y^2]_t + ε)): under an Adadelta spec as its
    own lines, under an RMSprop spec as Adadelta's (its average of the squared gradients is RMSprop's own line there)."""
    got = list(_verify(tmp_path, _spec(optimizer), ZEILER_DOC).values())
    expected = _zeiler_expected()
    assert expected.count("incorrect") == 3
    assert [r.verdict for r in got] == expected


def test_specs_with_the_new_optimizers_from_the_cli(tmp_path):
    """derive writes the proof with the update and its paper; a decay of 1 is refused (exit 2, the place and the fix);
    NAG is Nesterov's momentum; AdamW's decay may be 0."""
    for name, paper in (("adadelta", "Zeiler"), ("adamax", "section 7.1"), ("nag", "Sutskever"), ("adamw", "Loshchilov")):
        (tmp_path / f"{name}.toml").write_text(_spec("adam").replace('name = "adam"', f'name = "{name}"'))
        run = subprocess.run([sys.executable, "-m", "gradproof", "derive", str(tmp_path / f"{name}.toml"), "--out",
                              str(tmp_path / name), "--tex-only"], capture_output=True, text=True, timeout=600)
        assert run.returncode == 0, run.stderr
        tex = next((tmp_path / name).glob("*.tex")).read_text()
        assert paper in tex and "update-theta" in tex
    bad = tmp_path / "bad.toml"
    bad.write_text(_spec("adadelta") + "rho = 1.0\n")
    run = subprocess.run([sys.executable, "-m", "gradproof", "derive", str(bad), "--no-pdf", "--out", str(tmp_path / "b")],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 2 and "optimizer.rho" in run.stderr and "Traceback" not in run.stderr
    from gradproof.derive.spec import spec_from_dict

    table = {"name": "n", "inputs": 2, "layers": [{"units": 2, "activation": "identity"}], "loss": {"name": "squared_error"}}
    assert spec_from_dict({**table, "optimizer": {"name": "adamw", "weight_decay": 0}}).hyper_dict["weight_decay"] == 0


def test_ruder_and_sutskever_nesterov_velocity_lines(tmp_path):
    """Ruder's v_t = γ v_{t−1} + η ∇_θ J(θ − γ v_{t−1}), θ = θ − v_t runs over Sutskever's variables: PyTorch's
    parameter (SGD, nesterov=True) is p = θ − γ v, its buffer v/η. The velocity line is judged under a Nesterov spec (its
    gradient at the look-ahead point is the spec's g); the step of θ is not (the parameters differ), and a velocity line
    with the gradient at θ is momentum's, said so. The oracle: Ruder's lines run on a quadratic J next to torch.optim."""
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(42)
    A, c = rng.normal(size=(4, 4)), rng.normal(size=4)
    A = A @ A.T / 4 + np.eye(4)
    grad = lambda w: A @ w - c  # noqa: E731
    lr, mu = 0.01, 0.9
    theta, v = rng.normal(size=4), np.zeros(4)
    p = torch.tensor(theta.copy(), requires_grad=True)
    opt = torch.optim.SGD([p], lr=lr, momentum=mu, nesterov=True)
    for _ in range(5):
        v = mu * v + lr * grad(theta - mu * v)  # Ruder's lines
        theta = theta - v
        p.grad = torch.tensor(grad(p.detach().numpy()))
        opt.step()
        assert np.allclose(p.detach().numpy(), theta - mu * v, rtol=1e-12)  # p = θ − γ v
        assert np.allclose(opt.state[p]["momentum_buffer"].numpy() * lr, v, rtol=1e-12)  # the buffer is v/η
    doc = ("$$v_t = \\gamma v_{t-1} + \\eta \\nabla_\\theta J( \\theta - \\gamma v_{t-1} )$$\n\n"
           "$$\\theta = \\theta - v_t$$\n\n"
           "$$v_t = v_{t-1} + \\eta \\nabla_\\theta J( \\theta - \\gamma v_{t-1} )$$\n\n"
           "$$v_t = \\gamma v_{t-1} + \\eta \\nabla_\\theta J( \\theta )$$\n")
    spec = _spec("adam").replace('name = "adam"', 'name = "nesterov"\nlearning_rate = 0.01\nmomentum = 0.9')
    got = list(_verify(tmp_path, spec, doc).values())
    assert [r.verdict for r in got] == ["correct", "unchecked", "incorrect", "correct"]
    assert "look-ahead starts from" in got[1].message and "momentum's own" in got[3].message
    sutskever = "$$v_t=\\beta \\cdot v_{t-1} - \\alpha \\cdot \\bigtriangledown f(w_{t-1} + \\beta \\cdot v_{t-1} )$$\n"
    assert [r.verdict for r in _verify(tmp_path, spec, sutskever).values()] == ["correct"]  # v = −η × the buffer
    under_adam = list(_verify(tmp_path, _spec("adam"), doc).values())
    assert under_adam[0].verdict == "correct" and "Nesterov's own" in under_adam[0].message
