"""Hostile input, round two (issue 12): exact-number blow-ups, huge TOML integers, piecewise formulas, parameter names
that were internal symbols, spec paths that leave their folder, [values] that overflow, full-size random points and
the run budget. benchmarks/probe_hostile.py runs the same classes through the real CLI with time and memory measured
(docs/RELIABILITY.md, "Probes")."""

from __future__ import annotations

import json
import math
import time
from pathlib import Path

import numpy as np
import pytest
import sympy as sp
from gradproof.codegen.loader import build
from gradproof.derive import limits
from gradproof.derive.derivation import derive
from gradproof.derive.errors import FormulaError, GradproofError
from gradproof.derive.formula import parse_formula
from gradproof.derive.piecewise import MAX_PIECES
from gradproof.derive.spec import spec_from_dict
from gradproof.derive.symbols import Parameter, X, Z
from gradproof.verify.judge import VERDICTS, Claim, Judge
from gradproof.verify.truth import CAP_UNITS, Truth, check_memory
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from gradproof.cli import main

DELTA2 = r"\delta^{(2)} = \hat{y} - y"
DW2 = r"\frac{\partial J}{\partial W^{(2)}} = \delta^{(2)} {h^{(1)}}^\top"


def net(first: dict, inputs: int = 2, units: int = 3, last: dict | None = None) -> dict:
    return {"name": "p", "inputs": inputs, "layers": [{"units": units, "activation": first},
                                                     {"units": 2, "activation": last or "identity"}],
            "loss": {"name": "squared_error"}, "optimizer": {"name": "sgd", "learning_rate": 0.1}}


def spec_toml(formula: str, params: str = "", inputs: int = 2, units: int = 3) -> str:
    return (f'name = "p"\ninputs = {inputs}\n[[layers]]\nunits = {units}\nactivation = {{ name = "mine", formula = "{formula}"'
            f'{params} }}\n[[layers]]\nunits = 2\nactivation = "identity"\n[loss]\nname = "squared_error"\n'
            '[optimizer]\nname = "sgd"\nlearning_rate = 0.1\n')


def answers(claims, spec_line='spec = "s.toml"', extra="") -> str:
    return spec_line + "\n" + extra + "".join(f"[[claims]]\nid = \"{i}\"\nlatex = '{t}'\n" for i, t in claims)


def run_cli(tmp_path: Path, files: dict, *argv: str, capsys) -> tuple[int, str, str]:
    for name, text in files.items():
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    code = main([a.replace("{d}", str(tmp_path)) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "internal error" not in err, err
    return code, out, err


# -- exact numbers ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("formula", ["1e99999999*x", "x*1e-99999999", "(1e300^64)^64*x", "((10^64)^64)^64*x",
                                     "(1e300*1e300)^64*x", "x + 0.0000001e-999999"])
def test_exact_number_blow_ups_are_refused_before_they_are_built(formula):
    t0 = time.perf_counter()
    with pytest.raises(FormulaError, match="beyond float64"):
        parse_formula(formula, "s.toml: layer 1")
    assert time.perf_counter() - t0 < 5  # was 217 s for 1e99999999*x


@pytest.mark.parametrize("formula, value", [("1e300*x", 1e300), ("2.5e-3*x", 2.5e-3), ("(1e2^64)^3*x", None), ("0e99999*x + x", 1.0)])
def test_numbers_within_float64_still_read(formula, value):
    if value is None:
        with pytest.raises(FormulaError, match="beyond float64"):  # 100^64 = 10^128 is fine, its cube is not
            parse_formula(formula, "w")
        return
    assert float(parse_formula(formula, "w").subs(X, 1)) == pytest.approx(value)


def test_an_inline_spec_in_an_answers_file_is_guarded_too(tmp_path, capsys):
    inline = spec_toml("1e99999999*x").replace("[[layers]]", "[[spec.layers]]").replace("[loss]", "[spec.loss]")
    inline = "[spec]\n" + inline.replace("[optimizer]", "[spec.optimizer]")
    code, _, err = run_cli(tmp_path, {"a.toml": answers([("d", DELTA2)], "", inline)}, "verify", "{d}/a.toml", capsys=capsys)
    assert code == 2 and "beyond float64" in err


# -- TOML integers ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("edit, says", [
    (lambda s: s.replace("inputs = 2", "inputs = " + "1" * 5000), "more than 4300 digits"),
    (lambda s: s.replace("a = 1 }", "a = " + "7" * 5000 + " }"), "more than 4300 digits"),
    (lambda s: s.replace("a = 1 }", "a = " + "7" * 4000 + " }"), "4000 digits is out of range"),
    (lambda s: s.replace("learning_rate = 0.1", "learning_rate = " + "9" * 400), "400 digits is out of range"),
])
def test_huge_toml_integers_are_refused(tmp_path, capsys, edit, says):
    code, _, err = run_cli(tmp_path, {"s.toml": edit(spec_toml("a*x", ", a = 1"))}, "derive", "{d}/s.toml", "--no-pdf", capsys=capsys)
    assert code == 2 and says in err


def test_huge_integers_in_values_are_refused(tmp_path, capsys):
    values = ("[values]\nx = [" + "1" * 4000 + ", 1]\ny = [1.0, 2.0]\nW1 = [[1.0, 0.5], [0.5, 1.0], [1.0, 1.0]]\n"
              "b1 = [0.0, 0.0, 0.0]\nW2 = [[1.0, 1.0, 1.0], [0.5, 0.5, 0.5]]\nb2 = [0.0, 0.0]\n")
    files = {"s.toml": spec_toml("tanh(x)"), "a.toml": answers([("d", DELTA2)], extra=values)}
    code, _, err = run_cli(tmp_path, files, "verify", "{d}/a.toml", capsys=capsys)
    assert code == 2 and "values.x" in err and "finite number" in err


# -- piecewise formulas -----------------------------------------------------------------------------------------
NAIVE = {"max": lambda a, b: np.maximum(a, b), "min": lambda a, b: np.minimum(a, b), "abs": np.abs, "sqrt": np.sqrt,
         "tanh": np.tanh, "sin": np.sin}


@pytest.mark.parametrize("formula, pieces", [
    ("min(max(x,0),6)", 3), ("x*max(0,min(1,(x+3)/6))", 3), ("max(max(x,0.1*x),0.1*x)", 2), ("sqrt(max(x,0))", 2),
    ("max(x,0)^0.25", 2), ("abs(max(x,-1))", 3), ("min(abs(x),sqrt(abs(x)))", 4), ("max(sin(x),0)", 2),
])
def test_compositions_flatten_to_one_piecewise_of_smooth_pieces(formula, pieces):
    e = parse_formula(formula, "w")
    assert isinstance(e, sp.Piecewise) and len(e.args) == pieces
    for expr, cond in e.args:
        assert not expr.has(sp.Piecewise, sp.Abs) and not cond.has(sp.Piecewise, sp.ITE)
    f = sp.lambdify(X, e, "numpy")
    naive = eval(formula.replace("^", "**"), {"x": np.linspace(-9, 9, 721) + 0.0123, **NAIVE})  # noqa: S307 -- test oracle
    with np.errstate(all="ignore"):
        assert np.allclose(f(np.linspace(-9, 9, 721) + 0.0123), naive)


def test_too_many_pieces_is_a_clear_limit():
    formula = "*".join(f"max(sin({k}*x),0)" for k in range(1, 8))  # 2^7 pieces, none provably empty
    with pytest.raises(FormulaError, match=f"more than {MAX_PIECES} pieces"):
        parse_formula(formula, "w")


@pytest.mark.parametrize("formula", ["min(max(x,0),6)", "x*max(0,min(1,(x+3)/6))", "max(max(x,0.1*x),0.1*x)",
                                     "sqrt(max(x,0))", "max(x,0)^0.25"])
def test_the_reported_formulas_derive_with_every_check(formula):
    d = derive(spec_from_dict(net({"name": "m", "formula": formula})))
    assert d.all_passed


ATOMS = st.sampled_from(["x", "x", "x", "0.5*x", "(x-1)", "(2*x+1)"])
CONSTS = st.sampled_from(["0", "1", "-1", "0.1", "6", "3"])


def _compose(children):
    return st.one_of(
        st.tuples(children, children).map(lambda ab: f"max({ab[0]},{ab[1]})"),
        st.tuples(children, CONSTS).map(lambda ab: f"min({ab[0]},{ab[1]})"),
        st.tuples(children, CONSTS).map(lambda ab: f"max({ab[1]},{ab[0]})"),
        children.map(lambda a: f"abs({a})"),
        children.map(lambda a: f"sqrt(abs({a}))"),
        children.map(lambda a: f"sqrt(max({a},0))"),
        st.tuples(children, st.sampled_from(["0.25", "0.5", "1.5", "2", "3"])).map(lambda ap: f"max({ap[0]},0)^{ap[1]}"),
        st.tuples(children, st.sampled_from(["0.5", "1.5", "2"])).map(lambda ap: f"abs({ap[0]})^{ap[1]}"),
        st.tuples(children, children).map(lambda ab: f"{ab[0]}*{ab[1]}"),
        st.tuples(children, children).map(lambda ab: f"({ab[0]}+{ab[1]})"),
        children.map(lambda a: f"tanh({a})"),
    )


FORMULAS = st.recursive(ATOMS, _compose, max_leaves=5)


def _kink_distance(expr, z: np.ndarray) -> float:
    """The smallest |g(z)| over the relations g ⋛ 0 of a flattened piecewise (and the arguments of Abs and roots)."""
    gs = [r.lhs - r.rhs for r in expr.atoms(sp.Rel)] + [a.args[0] for a in expr.atoms(sp.Abs)]
    gs += [p.base for p in expr.atoms(sp.Pow) if not p.exp.is_Integer]
    if not gs:
        return math.inf
    with np.errstate(all="ignore"):
        vals = [np.abs(np.asarray(sp.lambdify(X, g, "numpy")(z), dtype=float)) for g in gs]
    return float(np.nanmin([np.min(np.broadcast_to(v, z.shape)) for v in vals]))


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(FORMULAS, st.integers(0, 2**16))
def test_random_compositions_derive_generate_and_verify(tmp_path_factory, formula, seed):
    """derive → codegen: the generated gradients agree with central differences away from kinks; verify judges a
    right claim right and never crashes."""
    try:
        d = derive(spec_from_dict(net({"name": "mine", "formula": formula})), check=False)
    except GradproofError:
        return  # refused with a message (no x, too many pieces, not finite): never an internal error
    layer = d.network.layers[0]
    rng = np.random.default_rng(seed)
    mod = build(d, tmp_path_factory.mktemp("pw"))
    params = {k: np.array(v, dtype=float) for k, v in mod.init_params(seed).items()}
    X_ = rng.normal(size=(4, 2))
    Y_ = rng.normal(size=(4, 2))
    z1 = X_ @ params["W1"].T + params["b1"]
    assume(_kink_distance(layer.definition, z1) > 1e-3)
    grads = mod.gradients(params, X_, Y_)
    h = 1e-6
    for key, value in params.items():
        for idx in np.ndindex(value.shape):
            old = value[idx]
            value[idx] = old + h
            up = mod.loss(params, X_, Y_)
            value[idx] = old - h
            down = mod.loss(params, X_, Y_)
            value[idx] = old
            fd = (up - down) / (2 * h)
            assert grads[key][idx] == pytest.approx(fd, rel=1e-4, abs=1e-6), (formula, key, idx)
    judge = Judge(d)
    assert judge.check(Claim("d2", DELTA2)).verdict == "correct"
    r = judge.check(Claim("d1", r"\delta^{(1)} = ({W^{(2)}}^\top \delta^{(2)}) \odot \operatorname{mine}'(z^{(1)})"))
    assert r.verdict in VERDICTS


# -- names ------------------------------------------------------------------------------------------------------
INTERNAL = ["y", "yhat", "z", "h", "N", "w", "theta", "S", "gamma", "W1_0_0", "mpmath"]


@pytest.mark.parametrize("name", INTERNAL)
def test_a_parameter_named_like_an_internal_symbol_derives_and_verifies(name):
    """The parameter in the hidden and the output layer: derive checks every gradient; verify judges right claims right."""
    first = {"name": "mine", "formula": f"tanh({name}*x)", name: 0.5}
    last = {"name": "out", "formula": f"x + {name}*x^2", name: 0.25}
    d = derive(spec_from_dict(net(first, last=last)))
    assert d.all_passed
    judge = Judge(d)
    claims = [DW2, r"\delta^{(2)} = (\hat{y} - y) \odot (1 + 0.5 z^{(2)})", r"h^{(1)} = \tanh(0.5 z^{(1)})",
              r"\delta^{(1)} = 0.5 ({W^{(2)}}^\top \delta^{(2)}) \odot (1 - {h^{(1)}}^2)"]
    assert [judge.check(Claim(str(k), c)).verdict for k, c in enumerate(claims)] == ["correct"] * 4
    wrong = judge.check(Claim("w", r"\delta^{(2)} = (\hat{y} - y) \odot (1 + 0.25 z^{(2)})"))
    assert wrong.verdict == "incorrect"


def test_parameters_never_equal_internal_symbols_and_print_upright():
    from gradproof.proof.latex import latex

    p = Parameter("z", real=True)
    assert p != Z and sp.diff(sp.tanh(p * Z), Z) != sp.diff(sp.tanh(Z * Z), Z)
    assert latex(sp.tanh(Parameter("h", real=True) * Z), names={Z: "z^{(1)}"}) == r"\tanh{\left(\mathrm{h} z^{(1)} \right)}"
    assert latex(Parameter("beta", real=True)) == r"\beta"


# -- leaks ------------------------------------------------------------------------------------------------------
SECRET = 'password = "hunter2-SECRET"\nnot toml at all = = =\n'


@pytest.mark.parametrize("where, spec_line, says", [
    ("sub/a.toml", 'spec = "../../../../../../etc/passwd"', "not .toml"),
    ("sub/a.toml", 'spec = "/etc/passwd"', "relative to the answers file"),
    ("sub/a.toml", 'spec = "~/s.toml"', "relative to the answers file"),
    ("sub/sub/a.toml", 'spec = "../../s.toml"', "leaves the answers file's folder"),
    ("sub/a.toml", 'spec = "../secret.toml"', "not a valid spec file"),
    ("a.toml", 'spec = "secret.toml"', "not a valid spec file"),
])
def test_spec_paths_stay_near_the_answers_file_and_never_quote_what_they_read(tmp_path, capsys, where, spec_line, says):
    files = {"secret.toml": SECRET, "s.toml": spec_toml("tanh(x)"), where: answers([("d", DELTA2)], spec_line)}
    code, out, err = run_cli(tmp_path, files, "verify", "{d}/" + where, capsys=capsys)
    assert code == 2 and says in err
    assert "hunter2" not in err + out and "= = =" not in err + out and "root:" not in err + out


def test_a_bad_value_in_a_referenced_spec_is_not_quoted(tmp_path, capsys):
    bad = spec_toml("tanh(x)").replace('name = "p"', 'name = "hunter2-SECRET; x"')
    code, out, err = run_cli(tmp_path, {"s.toml": bad, "a.toml": answers([("d", DELTA2)])}, "verify", "{d}/a.toml", capsys=capsys)
    assert code == 2 and "hunter2" not in err + out and "gradproof derive" in err


def test_a_spec_one_folder_up_still_works(tmp_path, capsys):
    files = {"s.toml": spec_toml("tanh(x)"), "answers/a.toml": answers([("d", DELTA2)], 'spec = "../s.toml"')}
    code, out, _ = run_cli(tmp_path, files, "verify", "{d}/answers/a.toml", capsys=capsys)
    assert code == 0 and "correct" in out


def test_a_symlink_out_of_the_folder_is_refused(tmp_path, capsys):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "s.toml").write_text(spec_toml("tanh(x)"))
    (tmp_path / "top" / "sub").mkdir(parents=True)
    (tmp_path / "top" / "sub" / "s.toml").symlink_to(outside / "s.toml")
    files = {"top/sub/a.toml": answers([("d", DELTA2)])}
    code, _, err = run_cli(tmp_path, files, "verify", "{d}/top/sub/a.toml", capsys=capsys)
    assert code == 2 and "leaves" in err


# -- large values -------------------------------------------------------------------------------------------------
VALUES = ("[values]\nx = [1e308, -1e308]\ny = [1.0, 2.0]\nW1 = [[1.0, 0.5], [0.5, 1.0], [1.0, 1.0]]\nb1 = [0.0, 0.0, 0.0]\n"
          "W2 = [[1.0, 1.0, 1.0], [0.5, 0.5, 0.5]]\nb2 = [0.0, 0.0]\n")


def test_values_that_overflow_are_refused_never_judged_against_nan(tmp_path, capsys):
    files = {"s.toml": spec_toml("tanh(x)"), "a.toml": answers([("d", DELTA2), ("w", DW2)], extra=VALUES)}
    code, out, err = run_cli(tmp_path, files, "verify", "{d}/a.toml", "--json", capsys=capsys)
    assert code == 2 and "values overflow float64" in err and "a.toml" in err and out == ""


def test_large_values_that_stay_finite_are_judged(tmp_path, capsys):
    files = {"s.toml": spec_toml("tanh(x)"), "a.toml": answers([("d", DELTA2), ("w", DW2)], extra=VALUES.replace("1e308", "1e150"))}
    code, out, _ = run_cli(tmp_path, files, "verify", "{d}/a.toml", capsys=capsys)
    assert code == 0 and out.count("correct") >= 2


# -- memory -------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("sizes", [(100_000, 100_000), (20_000, 20_000), (5, 100_000), (40, 41)])
def test_random_points_use_capped_sizes_with_the_same_shape_pattern(sizes):
    d = derive(spec_from_dict(net("tanh", inputs=sizes[0], units=sizes[1])), check=False)
    truth = Truth(d)
    capped = truth.sizes()
    assert max(capped) <= CAP_UNITS + 16
    full = (*sizes, 2)
    assert [x == y for x in full for y in full] == [x == y for x in capped for y in capped]  # equal stay equal
    judge = Judge(d)
    assert judge.check(Claim("d", DW2)).verdict == "correct"
    transposed = r"\frac{\partial J}{\partial W^{(2)}} = {h^{(1)}} {\delta^{(2)}}^\top"
    assert judge.check(Claim("t", transposed)).verdict in ("incorrect", "unchecked")


def test_the_memory_estimate_refuses_before_allocating():
    with pytest.raises(GradproofError, match="GiB"):
        check_memory((100_000, 100_000, 2), 1)
    check_memory((CAP_UNITS + 16,) * 501, 1)  # the largest random point of one sample fits
    with pytest.raises(GradproofError, match="GiB"):
        check_memory((CAP_UNITS,) * 501, 1000)  # 500 layers and a batch of 1000: refused, not 3 GiB of arrays


# -- the run budget ---------------------------------------------------------------------------------------------
def _spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def _burn(cpu_seconds: float) -> None:
    end = time.process_time() + cpu_seconds
    while time.process_time() < end:
        pass


def test_the_run_budget_stops_a_run_and_names_what_it_was_doing(monkeypatch):
    monkeypatch.setattr(limits, "RUN_WALL_SECONDS", 0.6)
    monkeypatch.setattr(limits, "RUN_WALL_MIN_CPU", 0.0)
    t0 = time.monotonic()
    with pytest.raises(limits.TimeLimitError, match=r"s.toml: stopped after 0.6 s, the time budget of a run \(while layer 3"):
        with limits.run_budget("s.toml", seconds=10, memory=None):
            with limits.time_limit(5, "layer 3: deriving 'm'"):
                for _ in range(40):
                    try:
                        _spin(0.1)
                    except Exception:  # noqa: BLE001 -- SymPy-style swallowing cannot stop it
                        pass
    assert time.monotonic() - t0 < 2


def test_a_starved_run_is_not_stopped_by_the_clock_before_it_has_worked(monkeypatch):
    monkeypatch.setattr(limits, "RUN_WALL_SECONDS", 0.3)
    monkeypatch.setattr(limits, "RUN_WALL_MIN_CPU", 0.5)
    with limits.run_budget("s.toml", seconds=10, memory=None):
        time.sleep(0.8)  # waiting (as on a loaded machine) uses no CPU: the wall bound waits for real work
    with pytest.raises(limits.TimeLimitError, match="stopped after 0.3 s"):
        with limits.run_budget("s.toml", seconds=10, memory=None):
            _burn(3)


def test_the_run_budget_counts_cpu_time():
    with pytest.raises(limits.TimeLimitError, match="CPU time"):
        with limits.run_budget("s.toml", seconds=0.5, memory=None):
            _burn(5)


def test_optional_work_stops_once_part_of_the_budget_is_spent(monkeypatch):
    monkeypatch.setattr(limits, "SOFT_FRACTION", 0.1)
    assert limits.spare()
    with limits.run_budget("s.toml", seconds=3, memory=None):
        assert limits.spare() and limits.remaining() <= 3
        _burn(0.5)
        assert not limits.spare()
        d = derive(spec_from_dict(net({"name": "m", "formula": "tanh(x) + 0.25*x"})), check=False)
    assert d.layers[0].dphi_h is None  # not inverted in h, still the exact derivative in z
    x = float(0.3)
    assert float(d.layers[0].dphi.subs(Z, x)) == pytest.approx(1 - math.tanh(x) ** 2 + 0.25)
    d = derive(spec_from_dict(net({"name": "m", "formula": "tanh(x) + 0.25*x"})), check=False)
    assert limits.spare() and d.layers[0].dphi is not None


def test_the_memory_budget_turns_memory_error_into_a_clear_error():
    with pytest.raises(limits.ResourceLimitError, match="memory"):
        with limits.run_budget("a.toml", seconds=10, memory=None):
            raise MemoryError


# -- documents ----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("document", ["$$ x\n" * 40_000, "".join(f"$$ \\delta^{{(2)}} = \\text{{{' ' * 5000}a $$\n\n" for _ in range(40)),
                                      "\\[ " * 60_000, "\\begin{align}" * 20_000])
def test_hostile_documents_finish_quickly(tmp_path, capsys, document):
    t0 = time.perf_counter()
    code, _, _ = run_cli(tmp_path, {"s.toml": spec_toml("tanh(x)"), "h.md": document}, "verify", "{d}/h.md", "--spec", "{d}/s.toml",
                         capsys=capsys)
    assert code in (0, 1, 2) and time.perf_counter() - t0 < 30  # was 91 s for the 200 kB of unclosed $$


# -- a claim whose own value overflows (∞·0 = nan) ------------------------------------------------------------------
OVERFLOW = r"0 \cdot 10^{10^{10}}"


@pytest.mark.parametrize(("claim", "verdict"), [
    (rf"\delta^{{(2)}} = (\hat{{y}} - y) + {OVERFLOW}", "unchecked"),  # right, but its value is nan everywhere
    (rf"\delta^{{(2)}} = (\hat{{y}} + y) + {OVERFLOW}", "unchecked"),  # nan everywhere: nothing can be compared
    (r"\delta^{(2)} = \log(\hat{y} - y)", "incorrect"),  # nan at some entries, but wrong where finite: still wrong
    (r"\delta^{(2)} = 2 (\hat{y} - y)", "incorrect"),
    (DELTA2, "correct"),
])
def test_a_claim_whose_own_value_is_not_finite_is_unchecked_unless_wrong_where_finite(tmp_path, capsys, claim, verdict):
    code, out, err = run_cli(tmp_path, {"s.toml": spec_toml("tanh(x)"), "a.toml": answers([("c", claim)])},
                             "verify", "{d}/a.toml", "--json", capsys=capsys)
    result = json.loads(out)["claims"][0]
    assert result["verdict"] == verdict, result
    if verdict == "unchecked":
        assert "not finite" in result["message"] and "overflows float64" in result["message"]
    assert err.count("\n") <= 1  # no NumPy RuntimeWarning lines on stderr
