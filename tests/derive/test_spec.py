"""Spec loading: valid specs load; bad ones fail with one pinned, helpful message."""

from __future__ import annotations

import pytest
from gradproof.derive.errors import FormulaError, SpecError
from gradproof.derive.spec import load_spec, spec_from_dict

BASE = {"name": "net", "inputs": 3, "layers": [{"units": 4, "activation": "tanh"}, {"units": 2, "activation": "softmax"}],
        "loss": {"name": "cross_entropy"}, "optimizer": {"name": "sgd"}}


def spec(**changes):
    data = {**BASE, **changes}
    return spec_from_dict(data, "net.toml")


def layers(*acts):
    return [{"units": 3, "activation": a} for a in acts]


def test_examples_load(root):
    for path in sorted((root / "examples").glob("*.toml")):
        net = load_spec(path)
        assert net.name == path.stem


def test_reference_network(root):
    net = load_spec(root / "examples" / "reference_mlp.toml")
    assert net.sizes == (4, 16, 8, 3)
    assert [l.activation for l in net.layers] == ["leaky_relu", "tanh", "softmax"]
    assert dict(net.layers[0].params) == {"gamma": 0.01}
    assert net.regularizer.name == "l2" and net.reg_lambda == 0.001 and net.reg_scaling == "batch" and not net.penalize_bias
    assert net.hyper_dict == {"learning_rate": 0.001, "beta": 0.9, "epsilon": 1e-6}
    assert net.options_dict == {"epsilon_placement": "inside"}


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"layers": layers("tahn", "softmax")}, "net.toml: layer 1: unknown activation 'tahn'; did you mean 'tanh'?"),
        ({"loss": {"name": "cross_entropie"}}, "net.toml: loss.name: unknown loss 'cross_entropie'; did you mean 'cross_entropy'?"),
        ({"optimizer": {"name": "adma"}}, "net.toml: optimizer.name: unknown optimizer 'adma'; did you mean 'adam'?"),
        ({"optimizer": {"name": "adam", "beta_1": 0.9}}, "net.toml: optimizer (adam): unknown key 'beta_1'; did you mean 'beta1'?"),
        ({"inputs": 0}, "net.toml: inputs: 0 is out of range; use a number from 1 to 100000"),
        ({"inputs": 2.5}, "net.toml: inputs: expected a whole number, got 2.5"),
        ({"convention": "rows"}, "net.toml: convention: 'rows' is not one of row, column; did you mean 'row'?"),
        ({"name": "my-net"}, "net.toml: name: 'my-net' must be a Python identifier"),
        ({"name": None}, "net.toml: missing key 'name', e.g. name = \"my_mlp\" (it names the outputs)"),
        ({"layer": []}, "net.toml: unknown key 'layer'; did you mean 'layers'?"),
        ({"layers": []}, "net.toml: no layers"),
        ({"layers": [{"units": 3, "activation": "softmax"}, {"units": 2, "activation": "softmax"}]},
         "net.toml: layer 1: softmax is supported only as the output layer's activation"),
        ({"layers": layers("tanh", "relu")},
         "net.toml: loss.name: cross_entropy needs probabilities from the output layer, but layer 2 is relu"),
        ({"layers": [{"units": -4, "activation": "tanh"}, {"units": 2, "activation": "softmax"}]},
         "net.toml: layer 1: units: -4 is out of range"),
        ({"layers": [{"units": 4, "activation": "leaky_relu", "gama": 0.1}, {"units": 2, "activation": "softmax"}]},
         "net.toml: layer 1: unknown key 'gama'; did you mean 'gamma'?"),
        ({"optimizer": {"name": "adam", "beta": 0.9}},
         "net.toml: optimizer (adam): unknown key 'beta'; did you mean 'beta1' or 'beta2'?"),
        ({"layers": [{"units": 4, "activaton": "relu"}, {"units": 2, "activation": "softmax"}]},
         "net.toml: layer 1: missing key 'activation' (is 'activaton' a misspelling of it?), e.g. activation = \"tanh\""),
        ({"layers": [{"unit": 4, "activation": "relu"}, {"units": 2, "activation": "softmax"}]},
         "net.toml: layer 1: missing key 'units' (is 'unit' a misspelling of it?), e.g. units = 8"),
        ({"regularization": {"name": "l3"}},
         "net.toml: regularization.name: unknown regularizer 'l3'; did you mean 'l1' or 'l2'?; choose one of l2, l1"),
        ({"regularization": {"name": "l2", "lambda": -1}}, "net.toml: regularization.lambda: -1.0 is out of range"),
        ({"optimizer": {"name": "rmsprop", "beta": 1.5}}, "net.toml: optimizer.beta: 1.5 is out of range"),
        ({"optimizer": {"name": "rmsprop", "epsilon_placement": "in"}},
         "net.toml: optimizer.epsilon_placement: 'in' is not one of inside, outside"),
    ],
)
def test_pinned_errors(changes, message):
    with pytest.raises(SpecError) as err:
        spec(**changes)
    assert str(err.value).startswith(message), str(err.value)


@pytest.mark.parametrize(
    "formula, message",
    [
        ("__import__('os').system('ls')", "cannot read \"'os')"),
        ("__import__(x)", "unknown name '__import__'"),
        ("x.__class__", "cannot read '.__class__'"),
        ("eval(x)", "unknown name 'eval'"),
        ("x*sigmod(x)", "unknown name 'sigmod'; did you mean 'sigmoid'?"),
        ("x**", "unexpected end"),
        ("(x", "expected ')'"),
        ("2^1000000", "exponent 1000000 is too large"),
        ("tanh(1)", "does not use x"),
        ("x; import os", "cannot read ';"),
        ("(" * 60 + "x" + ")" * 60, "nested deeper than 40 levels"),
        ("x/0", "undefined"),
        ("max(x)", "max() takes 2 arguments, not 1"),
        ("x" * 500, "the limit is 400"),
    ],
)
def test_hostile_formulas_are_rejected(formula, message):
    act = {"name": "mine", "formula": formula}
    with pytest.raises(FormulaError) as err:
        spec(layers=[{"units": 3, "activation": act}, {"units": 2, "activation": "softmax"}])
    assert message in str(err.value)
    assert "net.toml: layer 1: activation.formula" in str(err.value)


def test_formula_parameters():
    scaled = {"name": "scaled", "formula": "tanh(k*x)", "k": 2.0}
    net = spec(layers=[{"units": 3, "activation": scaled}, {"units": 2, "activation": "softmax"}])
    assert dict(net.layers[0].params) == {"k": 2.0}
    with pytest.raises(SpecError, match="parameter 'q' is not used"):
        spec(layers=[{"units": 3, "activation": {"name": "s", "formula": "tanh(x)", "q": 2.0}}, {"units": 2, "activation": "softmax"}])


def test_file_errors(tmp_path):
    with pytest.raises(SpecError, match="no such spec file"):
        load_spec(tmp_path / "missing.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("name = \"x\"\ninputs = [\n")
    with pytest.raises(SpecError, match=r"bad.toml: not valid TOML: Invalid value"):
        load_spec(bad)
    binary = tmp_path / "bin.toml"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(SpecError, match="not a text file"):
        load_spec(binary)


def test_aliases_and_defaults():
    net = spec(layers=[{"units": 3, "activation": "silu"}, {"units": 2, "activation": "softmax"}], optimizer={"name": "adam"})
    assert net.layers[0].activation == "swish"
    assert net.hyper_dict == {"learning_rate": 0.001, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8}
    assert net.options_dict == {"epsilon_placement": "outside"}
    assert net.convention == "row" and net.regularizer is None


def test_bias_false_makes_a_dense_layer_without_a_bias():
    net = spec(layers=[{"units": 4, "activation": "tanh", "bias": False}, {"units": 2, "activation": "softmax", "bias": True}])
    assert [layer.bias for layer in net.layers] == [False, True] and net.needs_program and not net.has_kinds
    plain = spec()
    assert all(layer.bias for layer in plain.layers) and not plain.needs_program
    body = spec(layers=[{"kind": "residual", "body": [{"units": 3, "activation": "relu", "bias": False}]},
                {"units": 2, "activation": "softmax"}])
    inner = body.layers[0].body[0]
    assert inner.path == "1_1" and not inner.bias and body.layers[0].has_bias is False


@pytest.mark.parametrize(
    "layer, message",
    [
        ({"units": 4, "activation": "tanh", "bias": "no"},
         "net.toml: layer 1: bias: expected true or false, got 'no'; write bias = false for a layer without a bias "
         "(z = W h), or leave the key out (z = W h + b)"),
        ({"units": 4, "activation": "tanh", "bias": 0},
         "net.toml: layer 1: bias: expected true or false, got 0; write bias = false for a layer without a bias "
         "(z = W h), or leave the key out (z = W h + b)"),
        ({"kind": "batchnorm", "bias": False},
         "net.toml: layer 1: key 'bias' belongs to kind dense, not batchnorm; batchnorm takes eps, momentum, activation"),
        ({"units": 4, "activation": {"name": "mine", "formula": "x*sigmoid(x)"}, "bias": False, "biass": 1},
         "net.toml: layer 1: unknown key 'biass'; a custom activation's parameters go inside its table"),
    ],
)
def test_bad_bias_values_are_refused_with_the_fix(layer, message):
    with pytest.raises(SpecError) as err:
        spec(layers=[layer, {"units": 2, "activation": "softmax"}])
    assert str(err.value) == message
