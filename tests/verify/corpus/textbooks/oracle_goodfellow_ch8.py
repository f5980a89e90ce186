"""Independent NumPy oracle for goodfellow_ch8_<optimizer>.toml and their planted copies (goodfellow_ch8_*.spec.toml).

Each line of Goodfellow et al.'s algorithms 8.1, 8.2, 8.4, 8.5 and 8.7 is written here as the Python it says (one
function per claim, the planted variants beside the book's), run line by line as the algorithm runs them for three
steps on random gradients, and compared with a hand-written reference of the spec's optimizer in the usual letters
(PyTorch's torch.optim formulas: Adam and Adagrad with the constant outside the root, RMSprop's `epsilon_placement =
"inside"` the root, momentum's "velocity" variant v <- mu v - lr g, theta <- theta + v). A claim is correct when
every value it assigns equals the reference's at every step. The gradient lines (g <- 1/m grad sum_i L) are checked
by central finite differences of the spec's objective, the mean of 1/2 ||yhat - y||^2 over the batch. Compares with
MANIFEST.toml and prints OK.
Run: python oracle_goodfellow_ch8.py   (numpy only)
"""
import tomllib

import numpy as np

rng = np.random.default_rng(8)
SHAPE = (4, 3)
GRADS = [rng.normal(size=SHAPE) for _ in range(3)]
THETA0 = rng.normal(size=SHAPE)
H = {"sgd": dict(lr=0.01), "momentum": dict(lr=0.01, mu=0.9), "adagrad": dict(lr=0.01, eps=1e-7),
     "rmsprop": dict(lr=0.001, beta=0.9, eps=1e-6), "adam": dict(lr=0.001, b1=0.9, b2=0.999, eps=1e-8)}


def reference(opt):
    """{name: [value after step 1, 2, 3]} of the spec's optimizer in the usual letters."""
    h, th, out = H[opt], THETA0.copy(), {}
    m = v = S = G = np.zeros(SHAPE)
    for t, g in enumerate(GRADS, start=1):
        if opt == "sgd":
            th = th - h["lr"] * g
        elif opt == "momentum":
            v = h["mu"] * v - h["lr"] * g
            th = th + v
            out.setdefault("v", []).append(v)
        elif opt == "adagrad":
            G = G + g * g
            th = th - h["lr"] * g / (np.sqrt(G) + h["eps"])
            out.setdefault("r", []).append(G)
        elif opt == "rmsprop":
            S = h["beta"] * S + (1 - h["beta"]) * g * g
            th = th - h["lr"] * g / np.sqrt(S + h["eps"])
            out.setdefault("r", []).append(S)
        else:
            m = h["b1"] * m + (1 - h["b1"]) * g
            v = h["b2"] * v + (1 - h["b2"]) * g * g
            mh, vh = m / (1 - h["b1"] ** t), v / (1 - h["b2"] ** t)
            th = th - h["lr"] * mh / (np.sqrt(vh) + h["eps"])
            for k, val in (("s", m), ("r", v), ("shat", mh), ("rhat", vh)):
                out.setdefault(k, []).append(val)
        out.setdefault("theta", []).append(th)
    return out


def book(opt, lines):
    """Run the algorithm's lines (dict name -> function of the state dict) for three steps; the values assigned."""
    h, st, out = H[opt], {"theta": THETA0.copy(), "r": np.zeros(SHAPE), "s": np.zeros(SHAPE), "v": np.zeros(SHAPE)}, {}
    eps, delta = h["lr"], h.get("eps")
    alpha, rho, rho1, rho2 = h.get("mu"), h.get("beta"), h.get("b1"), h.get("b2")
    for t, g in enumerate(GRADS, start=1):
        st.update(g=g, t=t, eps=eps, delta=delta, alpha=alpha, rho=rho, rho1=rho1, rho2=rho2)
        for name, fn in lines:
            st[name] = fn(st)
            out.setdefault(name, []).append(st[name])
    return out


S = lambda f: f  # noqa: E731  (a line of the book, as written)
LINES = {
    "sgd": {"alg8.1-step": ("theta", S(lambda s: s["theta"] - s["eps"] * s["g"])),
            "alg8.1-step#planted": ("theta", S(lambda s: s["theta"] + s["eps"] * s["g"]))},
    "momentum": {"alg8.2-v": ("v", S(lambda s: s["alpha"] * s["v"] - s["eps"] * s["g"])),
                 "alg8.2-v#planted": ("v", S(lambda s: s["v"] - s["eps"] * s["g"])),
                 "alg8.2-step": ("theta", S(lambda s: s["theta"] + s["v"]))},
    "adagrad": {"alg8.4-r": ("r", S(lambda s: s["r"] + s["g"] * s["g"])),
                "alg8.4-r#planted": ("r", S(lambda s: s["r"] + s["g"])),
                "alg8.4-dtheta": ("dtheta", S(lambda s: -s["eps"] / (s["delta"] + np.sqrt(s["r"])) * s["g"])),
                "alg8.4-dtheta#planted": ("dtheta", S(lambda s: -s["eps"] / (s["delta"] + s["r"]) * s["g"])),
                "alg8.4-step": ("theta", S(lambda s: s["theta"] + s["dtheta"]))},
    "rmsprop": {"alg8.5-r": ("r", S(lambda s: s["rho"] * s["r"] + (1 - s["rho"]) * s["g"] * s["g"])),
                "alg8.5-r#planted": ("r", S(lambda s: s["rho"] * s["r"] + s["g"] * s["g"])),
                "alg8.5-dtheta": ("dtheta", S(lambda s: -s["eps"] / np.sqrt(s["delta"] + s["r"]) * s["g"])),
                "alg8.5-step": ("theta", S(lambda s: s["theta"] + s["dtheta"]))},
    "adam": {"alg8.7-s": ("s", S(lambda s: s["rho1"] * s["s"] + (1 - s["rho1"]) * s["g"])),
             "alg8.7-r": ("r", S(lambda s: s["rho2"] * s["r"] + (1 - s["rho2"]) * s["g"] * s["g"])),
             "alg8.7-shat": ("shat", S(lambda s: s["s"] / (1 - s["rho1"] ** s["t"]))),
             "alg8.7-rhat": ("rhat", S(lambda s: s["r"] / (1 - s["rho2"] ** s["t"]))),
             "alg8.7-rhat#planted": ("rhat", S(lambda s: s["r"] / (1 - s["rho2"]))),
             "alg8.7-dtheta": ("dtheta", S(lambda s: -s["eps"] * s["shat"] / (np.sqrt(s["rhat"]) + s["delta"]))),
             "alg8.7-dtheta#planted": ("dtheta", S(lambda s: s["eps"] * s["shat"] / (np.sqrt(s["rhat"]) + s["delta"]))),
             "alg8.7-step": ("theta", S(lambda s: s["theta"] + s["dtheta"]))},
}


def verdicts(opt, planted):
    """Claim id -> correct/incorrect: each line (book's or planted) swapped into the book's algorithm in turn."""
    table, ref = LINES[opt], reference(opt)
    base = [(k, v) for k, v in table.items() if "#" not in k]
    got = {}
    for cid, (name, _fn) in base:
        lines = [(n, table.get(f"{k}#planted", (n, f))[1] if planted and k == cid else f) for k, (n, f) in base]
        run = book(opt, lines)
        key = {"dtheta": "theta"}.get(name, name)
        if name == "dtheta":  # the step's change: theta + dtheta against the reference's theta
            vals = [THETA0 + run["dtheta"][0]] + [a + d for a, d in zip(ref["theta"][:-1], run["dtheta"][1:], strict=True)]
        else:
            vals = run[name]
        got[cid] = "correct" if all(np.allclose(a, b, rtol=1e-12, atol=1e-15) for a, b in zip(vals, ref[key], strict=True)) else "incorrect"
    return got


def gradient_line_holds():
    """g <- 1/m grad_theta sum_i L(f(x_i; theta), y_i) against central differences of the spec's J (mean over the batch)."""
    sizes, m = [3, 5, 4, 2], 4
    W = [rng.normal(size=(sizes[k + 1], sizes[k])) for k in range(3)]
    X, Y = rng.normal(size=(m, 3)), rng.normal(size=(m, 2))

    def f(x, W):
        for Wk in W:
            x = np.tanh(Wk @ x)
        return x

    L = lambda W, i: 0.5 * np.sum((f(X[i], W) - Y[i]) ** 2)  # noqa: E731
    J_spec = lambda W: np.mean([L(W, i) for i in range(m)])  # noqa: E731  (DESIGN.md: the mean of the per-sample losses)
    claim = lambda W: (1 / m) * sum(L(W, i) for i in range(m))  # noqa: E731
    for k in range(3):
        E = np.zeros_like(W[k]); E[1, 2] = 1e-6
        d = lambda F: (F([w + E if j == k else w for j, w in enumerate(W)]) - F([w - E if j == k else w for j, w in enumerate(W)])) / 2e-6  # noqa: E731,E501
        if not np.isclose(d(claim), d(J_spec), rtol=1e-8):
            return False
    return True


def main():
    with open("MANIFEST.toml", "rb") as fh:
        manifest = tomllib.load(fh)
    g_ok = gradient_line_holds()
    checked = 0
    for entry in manifest["answers"]:
        name = entry["file"]
        if not name.startswith("goodfellow_ch8_"):
            continue
        opt = name.removeprefix("goodfellow_ch8_").removesuffix(".toml").removesuffix("_planted")
        got = verdicts(opt, entry.get("planted", False))
        for cid, want in entry["expect"].items():
            if cid.endswith("-g"):
                have = "correct" if g_ok else "incorrect"
            elif cid.endswith("-init"):
                have = "correct"  # r = 0 (s = 0): the state before the first step, as every reference starts
            else:
                have = got[cid]
            assert have == want, (name, cid, have, want)
            checked += 1
    assert checked >= 30, checked
    print("OK")


if __name__ == "__main__":
    with np.errstate(invalid="ignore"):  # a planted r <- r + g may go negative: its root is nan, the claim wrong
        main()
