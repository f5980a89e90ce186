"""Fused in-place activation code (codegen/fused.py, render._step_factor) and the module's elementwise helpers: the
printed calls compute the same numbers as the plain printed expression (np.where, the independent oracle), take the
mask-free and one-multiplication forms where they apply, and fall back to a masked call where those would be inexact."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp
from conftest import ROOT
from gradproof.codegen.fused import Fused
from gradproof.codegen.loader import import_path
from gradproof.codegen.printer import stable_rewrite, to_code
from gradproof.codegen.render import _step_factor
from gradproof.derive.symbols import H, Z, sigmoid

A = sp.Symbol("alpha", positive=True)
G = sp.Symbol("gamma", positive=True)
GELU = import_path(ROOT / "generated" / "gelu_softsign_classifier.py")  # _erf
MISH = import_path(ROOT / "generated" / "mish_binary.py")  # _sigmoid, _softplus
HELPERS = {"_erf": GELU._erf, "_sigmoid": MISH._sigmoid, "_softplus": MISH._softplus}

ELU = sp.Piecewise((Z, Z > 0), (A * (sp.exp(Z) - 1), True))
# (name, expression, layer parameter values, a masked call expected: the exact mask-free form does not apply)
CASES = [
    ("elu", ELU, {A: 1.0}, False),
    ("elu alpha 1.5", ELU, {A: 1.5}, False),
    ("elu written with z < 0", sp.Piecewise((A * (sp.exp(Z) - 1), Z < 0), (Z, True)), {A: 1.0}, False),
    ("elu' in h", sp.Piecewise((1, H > 0), (H + A, True)), {A: 1.0}, False),
    ("elu' in h, alpha 1.5 (jump at 0)", sp.Piecewise((1, H > 0), (H + A, True)), {A: 1.5}, True),
    ("selu-like, both sides scaled", 1.05 * sp.Piecewise((Z, Z > 0), (A * (sp.exp(Z) - 1), True)), {A: 1.67}, False),
    ("leaky relu", sp.Piecewise((Z, Z > 0), (G * Z, True)), {G: 0.01}, False),
    ("gelu", Z * (1 + sp.erf(Z / sp.sqrt(2))) / 2, {}, False),
    ("gelu'", (1 + sp.erf(sp.sqrt(2) * Z / 2)) / 2 + sp.sqrt(2) * Z * sp.exp(-Z**2 / 2) / (2 * sp.sqrt(sp.pi)), {}, False),
    ("softplus", sp.log(1 + sp.exp(Z)), {}, False),
    ("mish", Z * sp.tanh(sp.log(1 + sp.exp(Z))), {}, False),
    ("swish", Z * sigmoid(Z), {}, False),
    ("softplus' in h", 1 - sp.exp(-H), {}, False),
]


def _run(lines, buffers, z, h, target="OUT"):
    """Execute printed lines (our own printer's text from the table above, never user input)."""
    namespace = {"np": np, **HELPERS, "Z": z.copy(), "H": h.copy(), target: np.full_like(z, np.nan)}
    namespace.update({name: np.full_like(z, np.nan) for name in buffers})
    exec(compile("\n".join(lines), "<fused>", "exec"), namespace)  # noqa: S102 -- printed by Fused from the table
    return namespace[target], namespace


def _oracle(expr, values, z, h):
    """The plain printed expression (np.where for a Piecewise), evaluated at full precision where it can be."""
    code = to_code(expr, {Z: "Z", H: "H"}, values)
    with np.errstate(all="ignore"):
        return np.asarray(eval(compile(code, "<printed>", "eval"), {"np": np, **HELPERS, "Z": z, "H": h}), dtype=z.dtype)  # noqa: S307


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("name,expr,values,masked", CASES, ids=[c[0] for c in CASES])
def test_fused_activation_equals_the_printed_expression(name, expr, values, masked, dtype):
    z = np.concatenate([np.linspace(-12, 12, 2401), [0.0, -0.0, 1e-300, -1e-300, -1e-10, 1e-10, 30.0, -30.0]]).astype(dtype)
    h = z.copy()
    fused = Fused({Z: "Z", H: "H"}, {}, "T", values)
    assert fused.assign("OUT", stable_rewrite(expr))
    lines = fused.take()
    text = "\n".join(lines)
    assert ("where=" in text) == masked, text
    assert "np.where" not in text and "/=" not in text and "np.divide" not in text and "logaddexp" not in text, text
    with np.errstate(over="ignore"):
        got, namespace = _run(lines, fused.buffers, z, h)
    assert got.dtype == dtype and np.array_equal(namespace["Z"], z) and np.array_equal(namespace["H"], h)  # inputs untouched
    want = _oracle(expr, values, z, h)
    rtol = 1e-14 if dtype == np.float64 else 2e-6  # float32 erf: the rational form (absolute error < 1e-6)
    np.testing.assert_allclose(got, want, rtol=rtol, atol=rtol * 1e-3 if name != "gelu'" and name != "gelu" else rtol)


def test_elu_keeps_expm1_and_needs_no_scratch_for_leaky_relu():
    elu = Fused({Z: "Z"}, {}, "T", {A: 1.0})
    elu.assign("H", ELU)
    lines = elu.take()
    assert lines == ("np.maximum(Z, 0, out=H)", "np.minimum(Z, 0, out=T1)", "np.expm1(T1, out=T1)", "H += T1"), lines
    z = np.array([-1e-12, -1e-300, 1e300])
    with np.errstate(over="raise"):  # no exp of the large positive z: the negative side is clipped at 0 first
        got, _ = _run(lines, elu.buffers, z, z, target="H")
    assert got[0] == np.expm1(-1e-12) and got[2] == 1e300
    leaky = Fused({Z: "Z"}, {}, "T", {G: 0.01})
    leaky.assign("H", sp.Piecewise((Z, Z > 0), (G * Z, True)))
    assert leaky.take() == ("np.multiply(Z, 0.01, out=H)", "np.maximum(Z, H, out=H)") and leaky.buffers == []


def test_constants_fold_into_one_multiplication():
    fused = Fused({Z: "Z"}, {}, "T", {})
    fused.assign("OUT", sp.sqrt(2) * Z * sp.exp(-Z**2 / 2) / (2 * sp.sqrt(sp.pi)))
    lines = fused.take()
    assert "OUT *= -1 / 2" in lines and sum("0.3989422804014327" in line for line in lines) == 1, lines
    assert not any("/=" in line or "np.divide" in line for line in lines), lines


@pytest.mark.parametrize("c", [0.0, 0.01, 1.0, 1.5, -1.0])
@pytest.mark.parametrize("cond", [Z > 0, Z >= 0, Z < 0, H <= 0], ids=str)
def test_step_factor_is_the_masked_product(c, cond):
    """D *= (1 if cond else c): bit-identical to the masked multiplication, mask-free for 0 <= c <= 1."""
    rng = np.random.default_rng(0)
    z = np.concatenate([rng.standard_normal(500), [0.0, -0.0]])
    d = rng.standard_normal(z.size)
    lines = _step_factor(cond, c, {Z: "Z", H: "H"}, {}, "T1", "D")
    assert ("where=" in "\n".join(lines)) == (not 0 <= c <= 1)
    namespace = {"np": np, "Z": z, "H": z, "D": d.copy(), "T1": np.empty_like(z)}
    exec(compile("\n".join(lines), "<step>", "exec"), namespace)  # noqa: S102 -- printed by _step_factor
    holds = sp.lambdify([Z, H], cond, "numpy")(z, z)
    assert np.array_equal(namespace["D"], np.where(holds, d, d * c))


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_erf_in_every_dtype_and_in_place(dtype):
    x = np.concatenate([np.linspace(-8, 8, 160_000), np.geomspace(1e-30, 1e-3, 500), -np.geomspace(1e-30, 1e-3, 500),
                        [0.0, -0.0, 0.46875, 4.0, 5.0, 6.5, np.inf, -np.inf]]).astype(dtype)
    truth = np.array([math.erf(float(v)) for v in x])
    got = GELU._erf(x)
    assert got.dtype == dtype
    if dtype == np.float32:  # the rational form: absolute error below 1e-6, relative below 1e-6 near 0
        assert np.abs(got - truth).max() < 1e-6
        small = np.abs(x) < 0.5
        assert (np.abs(got[small] - truth[small]) / np.maximum(np.abs(truth[small]), 1e-38)).max() < 1e-6
    else:
        assert (np.abs(got - truth) / np.maximum(np.abs(truth), 1e-300)).max() < 1e-15
    inplace = x.reshape(2, -1).copy()
    assert GELU._erf(inplace, out=inplace) is inplace and np.array_equal(inplace.ravel(), got)
    assert np.isnan(GELU._erf(np.array([np.nan, 1.0], dtype=dtype))[0])
    assert GELU._erf(np.arange(3)).dtype == np.float64  # integers: float64


@pytest.mark.parametrize("helper", ["_sigmoid", "_softplus"])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_sigmoid_and_softplus_in_place_keep_the_dtype(helper, dtype):
    fn = HELPERS[helper]
    u = np.array([[-1000.0, -30.0, -1.0, -0.0], [0.0, 1.0, 30.0, 1000.0]], dtype=dtype)
    with np.errstate(over="raise", invalid="raise"):
        fresh = fn(u)
        same = u.copy()
        assert fn(same, out=same) is same
    assert fresh.dtype == dtype and np.array_equal(fresh, same)
    exact = {"_sigmoid": lambda v: 1 / (1 + math.exp(-v)) if v > -700 else math.exp(v),
             "_softplus": lambda v: v + math.log1p(math.exp(-v)) if v > 0 else math.log1p(math.exp(v))}[helper]
    want = np.array([[exact(float(v)) for v in row] for row in u])
    np.testing.assert_allclose(fresh, want, rtol=1e-15 if dtype == np.float64 else 1e-6, atol=0)


def test_program_reductions_are_numpys_without_the_wrappers():
    """program_source's np.sum/np.mean/np.var over an axis as ufunc reductions: bit-identical to NumPy's functions."""
    from gradproof.derive.program import Assign, _reductions

    def assign(target, code, mode="train"):
        return Assign(target, code, (), "eq", "", "", mode)

    means = {}
    rewritten = [_reductions(assign(t, c), means) for t, c in [
        ("mu", "np.mean(h, axis=0)"), ("var", "np.var(h, axis=0)"), ("mu_r", "np.mean(h, axis=1, keepdims=True)"),
        ("var_r", "np.var(h, axis=1, keepdims=True)"), ("s", "np.sum(d * h, axis=0)"), ("total", "np.sum(h)"),
        ("other", "np.var(d, axis=0)")]]
    assert rewritten == ["np.add.reduce(h, axis=0) / h.shape[0]", "np.add.reduce(np.square(h - mu), axis=0) / h.shape[0]",
                         "np.add.reduce(h, axis=1, keepdims=True) / h.shape[1]",
                         "np.add.reduce(np.square(h - mu_r), axis=1, keepdims=True) / h.shape[1]",
                         "np.add.reduce(d * h, axis=0)", "np.sum(h)", "np.var(d, axis=0)"]
    # a variance pairs only with the mean of its own mode, and an assignment to the array forgets its mean
    assert _reductions(assign("v", "np.var(h, axis=0)", "eval"), means) == "np.var(h, axis=0)"
    _reductions(assign("h", "h2 + 1"), means)
    assert _reductions(assign("v", "np.var(h, axis=0)"), means) == "np.var(h, axis=0)"
    rng = np.random.default_rng(0)
    for dtype in (np.float64, np.float32):
        h, d = (rng.standard_normal((33, 7)) * 3 + 1).astype(dtype), rng.standard_normal((33, 7)).astype(dtype)
        namespace = {"np": np, "h": h, "d": d}
        for target, code in zip(["mu", "var", "mu_r", "var_r", "s"], rewritten, strict=False):
            namespace[target] = eval(compile(code, "<program>", "eval"), namespace)  # noqa: S307 -- the table above
        assert np.array_equal(namespace["mu"], np.mean(h, axis=0)) and np.array_equal(namespace["var"], np.var(h, axis=0))
        assert np.array_equal(namespace["mu_r"], np.mean(h, axis=1, keepdims=True))
        assert np.array_equal(namespace["var_r"], np.var(h, axis=1, keepdims=True))
        assert np.array_equal(namespace["s"], np.sum(d * h, axis=0))


# every registry activation (and a custom formula, elu with α ≠ 1, leaky ReLU with another slope) after a layer kind
LAYERED_ACTIVATIONS = ["sigmoid", "tanh", "relu", {"name": "leaky_relu", "gamma": 0.2}, "elu", {"name": "elu", "alpha": 1.5},
                       "softplus", "swish", "gelu", "softsign", {"name": "mish", "formula": "x*tanh(log(1 + exp(x)))"}]


def _layered_table():
    layers = [{"units": 5, "activation": "identity"}, {"kind": "layernorm"}]
    for act in LAYERED_ACTIVATIONS:
        if isinstance(act, dict) and "formula" not in act:
            layers.append({"units": 5, "activation": act["name"], **{k: v for k, v in act.items() if k != "name"}})
        else:
            layers.append({"units": 5, "activation": act})
    layers.append({"units": 3, "activation": "softmax"})
    return {"name": "every_activation", "convention": "row", "inputs": 3, "layers": layers,
            "loss": {"name": "cross_entropy"}, "optimizer": {"name": "sgd", "learning_rate": 0.1}}


@pytest.fixture(scope="module")
def layered(tmp_path_factory):
    from gradproof.codegen.loader import build
    from gradproof.derive.derivation import derive
    from gradproof.derive.spec import spec_from_dict

    d = derive(spec_from_dict(_layered_table(), "<every activation>"), check=False)
    return d, build(d, tmp_path_factory.mktemp("layered_activations"))


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_layered_helpers_are_the_fused_mask_free_code(layered, dtype):
    """A network with layer kinds calls _phi_<name>/_dphi_<name>: the dense stack's fused lines (one printing,
    render.activation_code), equal to the plain printed expression, in the array's dtype, inputs untouched, fresh
    arrays, and no masked call except elu' with α ≠ 1 (which jumps at 0)."""
    import inspect

    d, mod = layered
    results = {r.layer.name: r for r in d.layers}
    z = np.concatenate([np.linspace(-12, 12, 2401), [0.0, -0.0, 1e-300, -1e-300, -1e-10, 1e-10, 30.0, -30.0]]).astype(dtype)
    rtol = 1e-14 if dtype == np.float64 else 2e-6
    seen = set()
    for act in d.program.activations:
        r = results[act.layer.name]
        values = r.param_values
        phi, dphi = getattr(mod, f"_phi_{act.name}"), getattr(mod, f"_dphi_{act.name}")
        text = inspect.getsource(phi) + inspect.getsource(dphi)
        assert "np.where" not in text and "logaddexp" not in text, text
        masked = act.layer.activation == "elu" and values and next(iter(values.values())) != 1.0
        assert ("where=" in text) == bool(masked), text
        zc = z.copy()
        with np.errstate(over="ignore"):
            h = phi(zc)
        assert h.dtype == dtype and h is not zc and np.array_equal(zc, z)
        np.testing.assert_allclose(h, _oracle(r.phi, values, z, z), rtol=rtol, atol=rtol * 1e-3 if act.layer.activation != "gelu" else rtol)
        hc = h.copy()
        with np.errstate(over="ignore"):
            g = dphi(zc, hc)
        want = _oracle(r.dphi_h, values, z, h) if r.dphi_h is not None else _oracle(r.dphi, values, z, h)
        assert g.dtype == dtype and g is not zc and g is not hc and np.array_equal(zc, z) and np.array_equal(hc, h)
        np.testing.assert_allclose(g, want, rtol=rtol, atol=rtol * 1e-3 if act.layer.activation != "gelu" else rtol)
        seen.add(act.layer.activation)
    assert seen == {"sigmoid", "tanh", "relu", "leaky_relu", "elu", "softplus", "swish", "gelu", "softsign", "mish"}


def test_layered_gradients_with_every_activation_equal_central_differences(layered):
    from conftest import central_differences, random_data

    d, mod = layered
    rng = np.random.default_rng(5)
    X, Y = random_data(d.network, 6, rng)
    params = {k: v + 0.1 * rng.standard_normal(v.shape) for k, v in mod.init_params(1).items()}
    grads = mod.gradients(params, X, Y)
    numeric = central_differences(lambda p: mod.loss(p, X, Y), params)
    for key in mod.PARAM_KEYS:
        np.testing.assert_allclose(grads[key], numeric[key], rtol=1e-5, atol=1e-7, err_msg=key)


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_leaky_relu_keeps_its_slope_from_the_forward_pass(dtype):
    """Leaky ReLU in a dense stack: C1 = φ'(z1) computed once forward, h1 = z1·C1 (bit-identical to max(z, γz)) and
    D1 *= C1 backward (bit-identical to the masked product); ReLU (γ = 0), elu and a slope above 1 keep their forms."""
    from types import SimpleNamespace

    from gradproof.codegen.render import _slope

    mod = import_path(ROOT / "generated" / "reference_mlp.py")
    text = (ROOT / "generated" / "reference_mlp.py").read_text()
    assert "np.multiply(Z1, C1, out=H1)" in text and "D1 *= C1" in text
    params = mod.init_params(0, dtype)
    X = np.random.default_rng(0).standard_normal((64, 4)).astype(dtype)
    X[:3] = 0.0  # z = b = 0 rows: the slope at exactly 0 is γ
    X[3] = -0.0
    _, cache = mod.forward(params, X)
    Z1 = cache["Z1"]
    assert np.array_equal(cache["H1"], np.maximum(Z1, Z1 * dtype(0.01)))
    D = np.random.default_rng(1).standard_normal(Z1.shape).astype(dtype)
    masked = D.copy()
    np.multiply(masked, 0.01, out=masked, where=Z1 <= 0)
    assert np.array_equal(D * cache["C1"], masked)

    def result(phi, dphi, values):
        return SimpleNamespace(phi=phi, dphi=dphi, dphi_h=None), values

    leaky = result(sp.Piecewise((Z, Z > 0), (G * Z, True)), sp.Piecewise((1, Z > 0), (G, True)), {G: 0.2})
    assert _slope(*leaky) is not None
    for phi, dphi, values in [(sp.Piecewise((Z, Z > 0), (0, True)), sp.Piecewise((1, Z > 0), (0, True)), {}),
                              (sp.Piecewise((Z, Z > 0), (G * Z, True)), sp.Piecewise((1, Z > 0), (G, True)), {G: 1.5}),
                              (ELU, sp.Piecewise((1, Z > 0), (A * sp.exp(Z), True)), {A: 1.0}),
                              (sp.Piecewise((Z + 1, Z > 0), (G * Z, True)), sp.Piecewise((1, Z > 0), (G, True)), {G: 0.2})]:
        assert _slope(*result(phi, dphi, values)) is None, phi
