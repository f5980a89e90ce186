"""Load and validate a network spec (TOML) into an immutable ``Network``."""

from __future__ import annotations

import codecs
import dataclasses
import keyword
import math
import os
import re
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

import sympy as sp

from . import activations, losses, optimizers, regularizers
from . import layers as kinds
from .errors import GradproofError, SpecError, did_you_mean
from .formula import CONSTANTS, FUNCTIONS, parse_formula
from .symbols import Parameter

MAX_UNITS = 100_000
MAX_LAYERS = 500
MAX_SPEC_BYTES = 1_000_000
#: module names a network may not take: its generated <name>.py would shadow them (the standard library, NumPy)
SHADOWED_MODULES = frozenset(sys.stdlib_module_names) | {"numpy", "gradproof"}
TOP_KEYS = ("name", "title", "description", "convention", "inputs", "layers", "loss", "regularization", "optimizer", "training")
TRAINING_DEFAULTS = {"epochs": 20, "batch_size": 32, "seed": 0}


def one_line(message: str) -> str:
    """A message that quotes user text stays one line: control characters (newlines, NEL, …) are escaped."""
    return "".join(ch if ch.isprintable() or ch == " " else ascii(ch)[1:-1] for ch in message)


@dataclass(frozen=True)
class Layer:
    """One layer: by default dense, z = W h + b (row) or z = W^T h + W_0 (column), then h = phi(z).

    Other kinds (``derive.layers.KINDS``) carry their ``settings`` (eps, momentum, p) and, for a residual block,
    its ``body``; their optional activation follows the layer (identity when not given). ``path`` names the
    layer's arrays: "3" for the third layer, "3_1" for the first layer of the third layer's body.
    """

    index: int  # l, from 1
    units: int
    n_in: int
    activation: str  # the registry name, or the user's name for a formula
    definition: sp.Expr | None  # phi(x) in derive.symbols.X; None for softmax
    params: tuple[tuple[str, float], ...]  # parameter name -> value, e.g. (("gamma", 0.01),)
    symbols: tuple[tuple[str, sp.Symbol], ...]  # parameter name -> its symbol in ``definition``
    formula: str | None  # the user's formula text, when the activation is custom
    latex: str  # how the proof writes phi
    vector: bool  # softmax
    probabilities: bool  # outputs in (0, 1)
    kind: str = "dense"
    settings: tuple[tuple[str, float], ...] = ()
    body: tuple[Layer, ...] = ()
    path: str = ""
    bias: bool = True  # a dense layer's b (row) or W_0 (column); ``bias = false`` in the spec: z = W h

    @property
    def has_bias(self) -> bool:
        """The layer adds a learned bias: a dense layer unless its spec says ``bias = false``."""
        return self.kind == "dense" and self.bias

    @property
    def name(self) -> str:
        """The layer's suffix in code keys: W3, gamma3, W3_1."""
        return self.path or str(self.index)

    @property
    def settings_dict(self) -> dict[str, float]:
        return dict(self.settings)

    @property
    def param_values(self) -> dict[sp.Symbol, float]:
        sym = dict(self.symbols)
        return {sym[k]: v for k, v in self.params}


@dataclass(frozen=True)
class Network:
    """A validated network spec. Dict-like settings are tuples of pairs so the object stays hashable."""

    name: str
    title: str
    convention: str  # "row" | "column"
    inputs: int
    layers: tuple[Layer, ...]
    loss: losses.LossDef
    regularizer: regularizers.RegularizerDef | None
    reg_lambda: float
    reg_scaling: str  # "batch" (lambda/N) | "none"
    penalize_bias: bool
    optimizer: optimizers.OptimizerDef
    hyper: tuple[tuple[str, float], ...]
    options: tuple[tuple[str, str], ...]
    training: tuple[tuple[str, int], ...]
    source: str = "<spec>"
    optimizer_stated: bool = True  # False: no [optimizer] table, SGD at its default rate assumed (verify judges no step)

    @property
    def sizes(self) -> tuple[int, ...]:
        return (self.inputs, *(layer.units for layer in self.layers))

    @property
    def depth(self) -> int:
        return len(self.layers)

    @property
    def output(self) -> Layer:
        return self.layers[-1]

    @property
    def hyper_dict(self) -> dict[str, float]:
        return dict(self.hyper)

    @property
    def options_dict(self) -> dict[str, str]:
        return dict(self.options)

    @property
    def all_layers(self) -> tuple[Layer, ...]:
        """Every layer in forward order, a residual block's body before the block itself (``layers`` for a dense stack)."""
        return flat_layers(self.layers)

    @property
    def has_kinds(self) -> bool:
        """Some layer is not dense: the network is derived as a batch program (``derive.program``)."""
        return any(layer.kind != "dense" for layer in self.layers)

    @property
    def mixes_samples(self) -> bool:
        """Some layer's output depends on the other samples of the batch (batch norm's statistics): the network has no
        meaning for one example alone."""
        return any(layer.kind == "batchnorm" for layer in self.all_layers)

    @property
    def needs_program(self) -> bool:
        """The network is derived as a batch program (``derive.program``): it has layer kinds, or a dense layer
        without a bias (the dense stack's proof, steps and module are written for z = W h + b in every layer)."""
        return self.has_kinds or any(layer.kind == "dense" and not layer.bias for layer in self.all_layers)


def flat_layers(layers) -> tuple[Layer, ...]:
    """``layers`` and their bodies in forward order, a residual block's body before the block itself."""
    out: list[Layer] = []
    for layer in layers:
        out.extend(flat_layers(layer.body))
        out.append(layer)
    return tuple(out)


def load_spec(path: str | Path) -> Network:
    """Read and validate the spec at ``path``.

    Raises:
        SpecError: the file is missing, is not TOML, or breaks the format; the message names the file,
            the key or layer, and the fix.
    """
    path = Path(path)
    if not path.is_file():
        raise SpecError(no_file(path, "spec file") + ("" if path.suffix == ".toml" or path.exists() else " (specs are .toml files)"))
    if path.stat().st_size > MAX_SPEC_BYTES:
        raise SpecError(f"{path}: the file is larger than {MAX_SPEC_BYTES} bytes; a spec is a few lines of TOML")
    return spec_from_dict(parse_toml_file(path, "spec", SpecError), str(path))


def no_file(path: Path, what: str) -> str:
    """Why ``path`` cannot be read as a ``what`` ("spec file", "answers file", "document"): missing, a folder, or a
    device or named pipe (reading /dev/zero or a FIFO nobody writes would never end)."""
    if path.is_dir():
        return f"{path}: this is a folder, not a {what}; give the file itself"
    if path.exists():
        return f"{path}: not a regular file (a device or a named pipe); give a {what} saved on disk"
    if _WINDOWS_PATH.match(str(path)) and os.sep != "\\":  # C:\Users\me\hw3.md typed on Linux: one file name
        return (f"{path}: no such {what} (a Windows path: here folders are separated by '/', and drive letters do not "
                "exist; give the file's path on this machine)")
    return f"{path}: no such {what}"


#: a path as Windows writes it: a drive letter (C:\, d:/) or backslashes between names (course\s.toml)
_WINDOWS_PATH = re.compile(r"[A-Za-z]:[\\/]|[^\\]*\\[^\\]")


#: byte-order marks a saved text file may start with (Windows Notepad's "Unicode" is UTF-16 LE), UTF-32's before UTF-16's
BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def bom_encoding(raw: bytes) -> str:
    """The encoding a text file's byte-order mark names; UTF-8 when it has none."""
    return next((e for bom, e in BOMS if raw.startswith(bom)), "utf-8")


def not_utf8(path: Path, raw: bytes, exc: UnicodeDecodeError, expected: str) -> str:
    """Why ``raw`` (the file ``path``) did not decode: the line of the first byte that is not UTF-8, never the byte."""
    if bom_encoding(raw) != "utf-8":
        return f"{path}: not a text file (its byte-order mark says {bom_encoding(raw).upper()}, but it does not decode as that)"
    line = raw.count(b"\n", 0, exc.start) + 1
    return (f"{path}: not a text file (expected {expected}; line {line} holds a byte that is not UTF-8: saved as Latin-1 "
            "or Windows-1252?); save it as UTF-8")


def parse_toml_file(path: Path, what: str, error: type[GradproofError]) -> dict:
    """The TOML table in ``path``; ``error`` (naming the file) when it is not text, not TOML or unreadable.

    Shared by specs, answers files, rubrics and notation files; each caller checks existence and size with its own
    message first. UTF-8, or UTF-8/16/32 with a byte-order mark (Windows editors write one: Notepad's "Unicode" is
    UTF-16 LE), as documents are read.
    """
    raw = b""
    try:
        raw = path.read_bytes()
        return tomllib.loads(raw.decode(bom_encoding(raw)))
    except UnicodeDecodeError as exc:
        raise error(not_utf8(path, raw, exc, "UTF-8 TOML")) from None
    except tomllib.TOMLDecodeError as exc:
        raise error(f"{path}: not valid TOML: {exc}") from None
    except ValueError:  # int() of a literal with more than sys.get_int_max_str_digits() (4300) digits
        raise error(f"{path}: a number in the file has more than 4300 digits; write it with an exponent (1e300) "
                    "or use a smaller number") from None
    except OSError as exc:
        raise error(f"{path}: cannot read the {what}: {exc.strerror or exc}") from None
    except RecursionError:  # tomllib reads nested arrays and inline tables recursively
        raise error(f"{path}: arrays or tables are nested too deeply; a {what} needs at most a few levels") from None


def spec_from_dict(data: dict, source: str = "<spec>") -> Network:
    """Validate a parsed spec table (from a file or an answers file's inline ``[spec]``)."""
    return _Reader(source).network(data)


class _Reader:
    def __init__(self, source: str):
        self.source = source
        self.count = 0  # layers read so far, bodies included

    def fail(self, where: str, what: str) -> SpecError:
        return SpecError(one_line(f"{self.source}: {where}: {what}" if where else f"{self.source}: {what}"))

    def check_keys(self, table: dict, allowed, where: str):
        for key in table:
            if key not in allowed:
                raise self.fail(where, f"unknown key '{key}'{did_you_mean(key, allowed)}")

    @staticmethod
    def misspelt(table: dict, key: str) -> str:
        """`` (is 'activaton' a misspelling?)`` when a key of ``table`` is close to the missing ``key``."""
        near = [k for k in table if isinstance(k, str) and k != key and did_you_mean(key, [k])]
        return f" (is '{near[0]}' a misspelling of it?)" if near else ""

    def integer(self, value, where: str, low: int, high: int) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(where, f"expected a whole number, got {value!r}")
        if not low <= value <= high:
            raise self.fail(where, f"{value} is out of range; use a number from {low} to {high}")
        return value

    def number(self, value, where: str, low: float = -math.inf, high: float = math.inf, open_low=False) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.fail(where, f"expected a number, got {value!r}")
        try:
            value = float(value)
        except OverflowError:  # a TOML integer of hundreds of digits
            raise self.fail(where, f"a whole number of {len(str(abs(value)))} digits is out of range; use a finite number "
                            f"{f'greater than {low}' if open_low else f'from {low} to {high}'}") from None
        if not math.isfinite(value) or value < low or value > high or (open_low and value == low):
            bound = f"greater than {low}" if open_low else f"from {low} to {high}"
            raise self.fail(where, f"{value} is out of range; use a finite number {bound}")
        return value

    def choice(self, value, choices, where: str) -> str:
        if not isinstance(value, str) or value not in choices:
            raise self.fail(where, f"{value!r} is not one of {', '.join(choices)}{did_you_mean(value, choices)}")
        return value

    def table(self, data: dict, key: str, required: bool):
        value = data.get(key)
        if value is None:
            if required:
                raise self.fail("", f"missing [{key}] table, e.g. [{key}] name = ...")
            return None
        if not isinstance(value, dict):
            raise self.fail(key, f"expected a table [{key}] with a name, got {value!r}")
        return value

    def network(self, data: dict) -> Network:
        if not isinstance(data, dict):
            raise self.fail("", "a spec is a TOML table")
        self.check_keys(data, TOP_KEYS, "")
        name = data.get("name")
        if name is None:
            raise self.fail("", f"missing key 'name'{self.misspelt(data, 'name')}, e.g. name = \"my_mlp\" (it names the outputs)")
        if not isinstance(name, str) or not name.isidentifier() or keyword.iskeyword(name) or name.startswith("__") or len(name) > 80:
            raise self.fail("name", f"{name!r} must be a Python identifier (letters, digits, _), e.g. \"my_mlp\"; it names the outputs")
        if name in SHADOWED_MODULES:
            raise self.fail("name", f"{name!r} is the name of a module the generated {name}.py would shadow when imported; "
                            f"choose another, e.g. \"{name}_net\"")
        convention = self.choice(data.get("convention", "row"), ("row", "column"), "convention")
        if "inputs" not in data:
            raise self.fail("", "missing key 'inputs' (the number of input features n0), e.g. inputs = 4")
        inputs = self.integer(data["inputs"], "inputs", 1, MAX_UNITS)
        raw_layers = data.get("layers")
        if not isinstance(raw_layers, list) or not raw_layers:
            raise self.fail("", "no layers: add at least one [[layers]] table with units and activation")
        if len(raw_layers) > MAX_LAYERS:
            raise self.fail("layers", f"{len(raw_layers)} layers; the limit is {MAX_LAYERS}")
        layers, n_in = [], inputs
        for i, raw in enumerate(raw_layers, start=1):
            layer = self.layer(raw, i, n_in, last=i == len(raw_layers))
            layers.append(layer)
            n_in = layer.units
        loss = self.loss(self.table(data, "loss", True), layers[-1])
        reg, lam, scaling, bias = self.regularization(self.table(data, "regularization", False))
        raw_optimizer = self.table(data, "optimizer", False)  # (optional: a spec to check gradients needs none)
        opt, hyper, options = self.optimizer(raw_optimizer if raw_optimizer is not None else {"name": "sgd"})
        training = self.training(data.get("training", {}))
        title = data.get("title", name)
        if not isinstance(title, str) or len(title) > 200:
            raise self.fail("title", "expected a short string")
        return Network(name, title, convention, inputs, tuple(layers), loss, reg, lam, scaling, bias, opt, hyper, options, training,
                       self.source, optimizer_stated=raw_optimizer is not None)

    def layer(self, raw, i: int, n_in: int, last: bool, path: str = "") -> Layer:
        path = path or str(i)
        where = f"layer {path.replace('_', '.')}"
        if not isinstance(raw, dict):
            raise self.fail(where, "expected a [[layers]] table with units and activation")
        self.count += 1
        if self.count > MAX_LAYERS:
            raise self.fail(where, f"more than {MAX_LAYERS} layers in all (bodies of residual blocks included)")
        kind_name = raw.get("kind", "dense")
        if not isinstance(kind_name, str):
            raise self.fail(f"{where}: kind", f"expected a name in quotes, one of {', '.join(kinds.KINDS)}; got {kind_name!r}")
        if kind_name not in kinds.KINDS:
            raise self.fail(f"{where}: kind", f"unknown layer kind {kind_name!r}{did_you_mean(kind_name, kinds.KINDS)}; "
                            f"choose one of {', '.join(kinds.KINDS)}")
        raw = {k: v for k, v in raw.items() if k != "kind"}
        if kind_name != "dense":
            if last:
                raise self.fail(where, f"the last layer gives the outputs and the loss, so it must be dense, not "
                                f"{kind_name}; add a dense layer after it, e.g. [[layers]] units = 3, activation = \"softmax\"")
            return self.kind_layer(kinds.KINDS[kind_name], raw, where, i, n_in, path)
        bias = raw.pop("bias", True)
        if not isinstance(bias, bool):
            raise self.fail(f"{where}: bias", f"expected true or false, got {bias!r}; write bias = false for a layer "
                            "without a bias (z = W h), or leave the key out (z = W h + b)")
        if "units" not in raw:
            raise self.fail(where, f"missing key 'units'{self.misspelt(raw, 'units')}, e.g. units = 8")
        units = self.integer(raw["units"], f"{where}: units", 1, MAX_UNITS)
        act = raw.get("activation")
        if act is None:
            raise self.fail(where, f"missing key 'activation'{self.misspelt(raw, 'activation')}, e.g. activation = \"tanh\"")
        extra = {k: v for k, v in raw.items() if k not in ("units", "activation")}
        layer = self.activation(act, extra, where, i, units, n_in, last)
        if path != str(i) or not bias:
            layer = dataclasses.replace(layer, path=path if path != str(i) else "", bias=bias)
        return layer

    def activation(self, act, extra: dict, where: str, i: int, units: int, n_in: int, last: bool) -> Layer:
        """A dense layer's (or a kind's optional) activation: a built-in name with its parameters, or a formula."""
        if isinstance(act, str):
            return self.builtin(act, extra, where, i, units, n_in, last)
        if not isinstance(act, dict):
            raise self.fail(where, f"activation must be a name or a table {{ name = ..., formula = ... }}, got {act!r}")
        act = dict(act)
        act_name = act.pop("name", None)
        formula = act.pop("formula", None)
        if formula is None:
            if not isinstance(act_name, str):
                raise self.fail(where, "activation table needs a name (and a formula for a custom one)")
            return self.builtin(act_name, {**extra, **act}, where, i, units, n_in, last)
        if not isinstance(act_name, str) or not act_name.isidentifier() or act_name.startswith("__") or len(act_name) > 40:
            raise self.fail(f"{where}: activation.name", f"{act_name!r} must be a short identifier, e.g. \"swish\"")
        if extra:
            key = next(iter(extra))
            raise self.fail(where, f"unknown key '{key}'; a custom activation's parameters go inside its table")
        params, symbols = {}, {}
        for key, value in act.items():
            if not key.isidentifier() or key.startswith("__") or key in ("x", *FUNCTIONS, *CONSTANTS):
                raise self.fail(f"{where}: activation.{key}",
                                "a parameter name must be an identifier (not starting with __) other than x or a function name")
            params[key] = self.number(value, f"{where}: activation.{key}")
            symbols[key] = Parameter(key, real=True)  # its own namespace: never an internal symbol (z, h, y, N …)
        definition = parse_formula(formula, f"{self.source}: {where}: activation.formula", symbols)
        unused = [k for k, s in symbols.items() if s not in definition.free_symbols]
        if unused:
            raise self.fail(f"{where}: activation.{unused[0]}", f"parameter '{unused[0]}' is not used in the formula {formula!r}")
        latex = r"\operatorname{" + act_name.replace("_", r"\_") + "}"
        return Layer(i, units, n_in, act_name, definition, tuple(params.items()), tuple(symbols.items()), formula,
                     latex, False, False)

    def kind_layer(self, kind: kinds.LayerKind, raw: dict, where: str, i: int, n_in: int, path: str) -> Layer:
        """A layer of a kind other than dense: its settings, its optional activation, a residual block's body."""
        allowed = kinds.keys_of(kind)
        settings = {}
        for key, (default, low, high, open_low) in kind.settings.items():
            value = self.number(raw.get(key, default), f"{where}: {key}", low, high, open_low=open_low)
            if value >= high:
                raise self.fail(f"{where}: {key}", f"{value} must be below 1")
            settings[key] = value
        act_extra = {}
        for key in raw:
            if key in allowed:
                continue
            if key == "units" and kind.same_width:
                raise self.fail(where, f"a {kind.name} layer keeps the width of its input ({n_in}); remove 'units'")
            owners = kinds.owner_of(key)
            if owners:
                raise self.fail(where, f"key '{key}' belongs to kind {' or '.join(owners)}, not {kind.name}; "
                                f"{kind.name} takes {', '.join(k for k in allowed if k != 'kind') or 'no other keys'}")
            if not kind.activation:
                raise self.fail(where, f"unknown key '{key}'{did_you_mean(key, allowed)}; {kind.name} takes "
                                f"{', '.join(k for k in allowed if k != 'kind')}")
            act_extra[key] = raw[key]
        body: tuple[Layer, ...] = ()
        units = n_in
        if kind.body:
            raw_body = raw.get("body")
            if not isinstance(raw_body, list) or not raw_body:
                raise self.fail(where, "a residual layer needs its body: add [[layers.body]] tables after it, "
                                "e.g. [[layers.body]] units = 8, activation = \"relu\"")
            layers, width = [], n_in
            for j, item in enumerate(raw_body, start=1):
                layer = self.layer(item, j, width, last=False, path=f"{path}_{j}")
                layers.append(layer)
                width = layer.units
            body, units = tuple(layers), width
        act = raw.get("activation", "identity")
        if act_extra and act == "identity":
            key = next(iter(act_extra))
            raise self.fail(where, f"unknown key '{key}'{did_you_mean(key, allowed)}; {kind.name} takes "
                            f"{', '.join(k for k in allowed if k != 'kind')}")
        layer = self.activation(act, act_extra, where, i, units, n_in, last=False)
        return dataclasses.replace(layer, kind=kind.name, settings=tuple(settings.items()), body=body, path=path)

    def builtin(self, name: str, extra: dict, where: str, i: int, units: int, n_in: int, last: bool) -> Layer:
        entry = activations.lookup(name)
        if entry is None and name in kinds.KINDS:
            raise self.fail(where, f"'{name}' is a layer kind, not an activation: write kind = \"{name}\" in its own "
                            "[[layers]] table (see the README's layer kinds)")
        if entry is None:
            known = [*activations.ACTIVATIONS, *activations.ALIASES]
            raise self.fail(where, f"unknown activation '{name}'{did_you_mean(name, known)} "
                            "(or give a formula: activation = { name = \"mine\", formula = \"x*sigmoid(x)\" })")
        params = dict(entry.params)
        for key, value in extra.items():
            if key not in entry.params:
                owners = [k for k in kinds.owner_of(key) if k != "dense"]
                if owners:
                    raise self.fail(where, f"key '{key}' belongs to kind {' or '.join(owners)}; add kind = \"{owners[0]}\" "
                                    "(a dense layer takes units, activation and the activation's parameters)")
                allowed = list(entry.params) or ["units", "activation"]
                takes = f"; {entry.name} takes {', '.join(entry.params)}" if entry.params else f"; {entry.name} takes no parameters"
                hint = did_you_mean(key, allowed) or takes
                raise self.fail(where, f"unknown key '{key}'{hint}")
            params[key] = self.number(value, f"{where}: {key}", 0.0, 1e6, open_low=True)
        if entry.vector and not last:
            raise self.fail(where, "softmax is supported only as the output layer's activation")
        if entry.vector and units < 2:
            raise self.fail(where, "a softmax layer needs at least 2 units (use sigmoid for one output)")
        return Layer(i, units, n_in, entry.name, entry.definition, tuple(params.items()), tuple(entry.symbols.items()), None,
                     entry.latex, entry.vector, entry.probabilities)

    def loss(self, raw: dict, output: Layer) -> losses.LossDef:
        self.check_keys(raw, ("name",), "loss")
        name = raw.get("name")
        if not isinstance(name, str):
            raise self.fail("loss", "missing name, e.g. name = \"cross_entropy\"")
        loss = losses.lookup(name)
        if loss is None:
            raise self.fail("loss.name", f"unknown loss '{name}'{did_you_mean(name, [*losses.LOSSES, *losses.ALIASES])}; "
                            f"choose one of {', '.join(losses.LOSSES)}")
        if loss.needs_probabilities and output.formula is None and not output.probabilities:
            raise self.fail("loss.name", f"{loss.name} needs probabilities from the output layer, but layer {output.index} "
                            f"is {output.activation}; use activation \"softmax\" or \"sigmoid\" there")
        return losses.for_outputs(loss, output.units)

    def regularization(self, raw):
        if raw is None:
            return None, 0.0, "batch", False
        self.check_keys(raw, ("name", "lambda", "scaling", "penalize_bias"), "regularization")
        name = raw.get("name")
        reg = regularizers.lookup(name) if isinstance(name, str) else None
        if reg is None:
            raise self.fail("regularization.name", f"unknown regularizer {name!r}{did_you_mean(name, regularizers.REGULARIZERS)}; "
                            f"choose one of {', '.join(regularizers.REGULARIZERS)}")
        lam = self.number(raw.get("lambda", 0.0), "regularization.lambda", 0.0, 1e6)
        scaling = self.choice(raw.get("scaling", "batch"), tuple(regularizers.SCALINGS), "regularization.scaling")
        bias = raw.get("penalize_bias", False)
        if not isinstance(bias, bool):
            raise self.fail("regularization.penalize_bias", f"expected true or false, got {bias!r}")
        return reg, lam, scaling, bias

    def optimizer(self, raw: dict):
        name = raw.get("name")
        opt = optimizers.lookup(name) if isinstance(name, str) else None
        if opt is None:
            raise self.fail("optimizer.name", f"unknown optimizer {name!r}{did_you_mean(name, optimizers.OPTIMIZERS)}; "
                            f"choose one of {', '.join(optimizers.OPTIMIZERS)}")
        self.check_keys(raw, ("name", *opt.defaults, *opt.options), f"optimizer ({opt.name})")
        hyper = {}
        for key, default in opt.defaults.items():
            low, high = (0.0, 1.0) if key.startswith(("beta", "momentum", "rho")) else (0.0, 1e6)
            hyper[key] = self.number(raw.get(key, default), f"optimizer.{key}", low, high,
                                     open_low=key not in ("momentum", "weight_decay"))
            if key.startswith(("beta", "rho")) and hyper[key] >= 1.0:
                raise self.fail(f"optimizer.{key}", f"{hyper[key]} must be below 1" + (
                    " (a decimal closer to 1 than 1.1e-16, such as 0.99999999999999999, is read as 1.0 in float64; "
                    "the largest value below 1 is 0.9999999999999999)" if hyper[key] == 1.0 else ""))
        options = {key: self.choice(raw.get(key, default), choices, f"optimizer.{key}") for key, (choices, default) in opt.options.items()}
        return opt, tuple(hyper.items()), tuple(options.items())

    def training(self, raw):
        if not isinstance(raw, dict):
            raise self.fail("training", "expected a table [training] with epochs, batch_size, seed")
        self.check_keys(raw, tuple(TRAINING_DEFAULTS), "training")
        out = {}
        for key, default in TRAINING_DEFAULTS.items():
            out[key] = self.integer(raw.get(key, default), f"training.{key}", 0 if key == "seed" else 1, 2**31 - 1)
        return tuple(out.items())
