"""Load an answers file (TOML, DESIGN.md): spec, batch, [notation], [values], [[claims]].

Every problem is an ``AnswerError`` naming the file, the key or claim, and the fix. An answers file never
pulls in another file except its ``spec`` (a path relative to the answers file, or an inline ``[spec]``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from gradproof.derive import activations
from gradproof.derive.errors import AnswerError, SpecError, did_you_mean
from gradproof.derive.names import parse_quantity
from gradproof.derive.optimizers import STATE_NAMES, STATE_PATTERN
from gradproof.derive.spec import (
    MAX_SPEC_BYTES,
    Network,
    bom_encoding,
    load_spec,
    no_file,
    not_utf8,
    one_line,
    parse_toml_file,
    spec_from_dict,
)

from .judge import Claim
from .normalize import drop_bullet, drop_label, plain_math, restated_subjects, squeeze_space
from .parser import BASES, Notation
from .truth import split_key

MAX_BYTES = 1_000_000
#: the longest quantity name (mhat_W500, W500_next: a dozen characters; layer numbers of a few digits)
MAX_QUANTITY = 32
MAX_CLAIMS = 2000
TOP_KEYS = ("spec", "batch", "notation", "values", "claims", "title", "description")
CLAIM_KEYS = ("id", "latex", "quantity", "points", "note")
QUANTITY_BASES = ("x", "y", "yhat", "z", "h", "W", "b", "delta", "loss")
#: [notation] options: how the answer lays out samples, and the number of the input layer (Nielsen: 1)
NOTATION_OPTIONS = {"layout": ("columns", "rows", "column", "row"), "input_layer": (0, 1),
                    "weights_numbered_by": ("target", "source"),
                    "summed_numbered_by": ("target", "source"), "from_zero": (True, False),  # CMU's W_0: the first weights
                    "unindexed_layer": (1,), "unit_letters": (True, False, "generic"),
                    "time_argument": (True, False, "n", "k", "m", "t"), "error_e": (True, False),
                    "capital_o": (True, False), "weight_order": ("target", "source"),
                    "digit_entries": (True, False), "regularized": (True, False), "bias_column": (True, False),
                    "unit_weights": (True, False),  # one unit's w_k on x_k, w_0 its bias (logistic regression)
                    "example_t": (True, False),  # (t) names an example (Ng's "for t = 1 to m", a^{(1)} := x^{(t)})
                    "example_x": (True, False),  # (x) names an example (Nielsen's a^{x,l}, δ^{x,l} beside C_x)
                    "input_unit": (True, False),  # x_0 = 1: the input carries the intercept's entry (one layer)
                    "w_layers": (True, False),  # lowercase w_2 is layer 2's weights (John Philipp's bold \bm w_2)
                    "superscript": ("layer", "power"),
                    "convention": ("row", "column"),  # the answer's own: its W is n_out × n_in (row) or n_in × n_out
                    "jacobian": ("numerator", "denominator"),
                    "summation": ("einstein", "none"),  # index notation: a repeated index summed (einstein.py)
                    "star": ("elementwise",),  # the answer's * and \ast: the element-wise product (document.py)
                    "augmented": ("last",),  # \tilde{H} = [H, 1], \tilde{W} with the bias row last (augmented.py)
                    "d_letters": ("objective", "example")}  # dZ, dY: the batch objective's (CS231n) or each example's (Ng)
#: [notation] options whose values are tables (letter -> layer or position), checked by their own rules
TABLE_OPTIONS = ("unit_map", "unit_pos")


@dataclass(frozen=True)
class Answers:
    source: str
    network: Network
    batch: int
    notation: Notation
    values: dict | None  # {"params": {...}, "x": X, "y": Y} in the Evaluator's row layout
    claims: tuple[Claim, ...]
    notices: tuple[str, ...] = ()  # said to the user, not errors (an own spec ignored for --spec)


def read_toml(path: Path, what: str = "answers file") -> dict:
    if not path.is_file():
        raise AnswerError(no_file(path, what))
    if path.stat().st_size > MAX_BYTES:
        raise AnswerError(f"{path}: the file is larger than {MAX_BYTES} bytes; split it into smaller {what}s")
    return parse_toml_file(path, what, AnswerError)


def load_answers(path: str | Path, spec_override: str | Path | None = None) -> Answers:
    """Read and validate the answers file at ``path``.

    Raises:
        AnswerError: the file or its spec is missing or malformed; the message names file, key and fix.
    """
    path = Path(path)
    data = read_toml(path)
    return answers_from_dict(data, str(path), path.parent, spec_override)


def answers_from_dict(data: dict, source: str, base: Path = Path("."), spec_override=None) -> Answers:
    def fail(where: str, what: str) -> AnswerError:
        return AnswerError(one_line(f"{source}: {where}: {what}" if where else f"{source}: {what}"))

    for k in data:
        if k not in TOP_KEYS:
            raise fail("", f"unknown key '{k}'{did_you_mean(k, TOP_KEYS)}; the keys are {', '.join(TOP_KEYS[:5])}")
    net = _network(data, source, base, spec_override, fail)
    notation = notation_from_dict(data.get("notation", {}), f"{source}: [notation]")
    values = _values(data.get("values"), net, fail, dict(notation.options).get("layout"),
                     dict(notation.options).get("convention")) if "values" in data else None
    if values is not None:
        values["source"] = source  # for messages about the values found only while judging (overflow)
    if values is not None and values.get("layout") and "layout" not in dict(notation.options):
        notation = replace(notation, options=notation.options + (("layout", values["layout"]),))
    batch = data.get("batch", 1 if values is None else len(values["x"]))
    if isinstance(batch, bool) or not isinstance(batch, int) or not 1 <= batch <= 1000:
        raise fail("batch", f"{batch!r} must be a whole number of samples from 1 to 1000 (1: claims about one sample)")
    if values is not None and batch != len(values["x"]):
        raise fail("batch", f"batch = {batch} but [values] has {len(values['x'])} sample(s) of x")
    claims = _claims(data.get("claims"), fail, quantity_names(net))
    for c in claims:
        layer = _layer_of(c.quantity)
        if layer is not None and not 1 <= layer <= net.depth:
            raise fail(f"{c.where}: quantity", f"'{c.quantity}' names layer {layer}, but {net.name} has layers 1 to {net.depth}")
    notices = ()
    if spec_override is not None and "spec" in data:
        notices = (f"{source}: its own spec is ignored; graded against {net.name} (--spec)",)
    return Answers(source, net, batch, notation, values, claims, notices)


def _layer_of(quantity: str | None) -> int | None:
    m = re.search(r"(?<!\d)(\d+)(_next)?$", quantity or "")  # (a valid quantity: at most MAX_QUANTITY characters)
    return int(m.group(1)) if m else None


def _network(data, source, base: Path, spec_override, fail) -> Network:
    spec = data.get("spec")
    try:
        if isinstance(spec_override, Network):  # batch grading: the one network every submission is graded against
            return spec_override
        if spec_override is not None:
            return load_spec(spec_override)
        if spec is None:
            raise fail("", "missing 'spec': give the network, e.g. spec = \"../reference_mlp.toml\" or an inline [spec] table")
        if isinstance(spec, dict):
            return spec_from_dict(spec, f"{source} [spec]")
        if not isinstance(spec, str) or len(spec) > 500:
            raise fail("spec", f"expected a path to a spec file or a [spec] table, got {spec!r}")
    except SpecError as exc:
        raise AnswerError(f"{source}: spec: {exc}") from None
    path = spec_path(spec, base, fail)
    try:  # file-level problems name the file and the OS's reason; they quote nothing of it
        if path.stat().st_size > MAX_SPEC_BYTES:
            raise fail("spec", f"{path}: the file is larger than {MAX_SPEC_BYTES} bytes; a spec is a few lines of TOML")
        raw = path.read_bytes()
        raw.decode(bom_encoding(raw))
    except UnicodeDecodeError as exc:
        raise fail("spec", not_utf8(path, raw, exc, "UTF-8 TOML")) from None
    except OSError as exc:
        raise fail("spec", f"{path}: cannot read the spec: {exc.strerror or exc}") from None
    try:
        return load_spec(path)
    except SpecError:
        # the file was named by the answers file, not by the user running verify: its content is never quoted
        # (a TOML error or a bad value would echo lines of whatever file the path reaches)
        raise fail("spec", f"{spec!r} is not a valid spec file (the reason is not shown for a file named inside an answers "
                           f"file); check it with: gradproof derive {path} --no-pdf") from None


def spec_path(spec: str, base: Path, fail) -> Path:
    """The file an answers file's ``spec = "…"`` names: a relative ``.toml`` path that stays inside the folder holding
    the answers file's folder (``"reference_mlp.toml"``, ``"../reference_mlp.toml"`` as in examples/answers/);
    symbolic links are followed before the check. Anything else is refused: an absolute path, ``~``, a path
    leaving that folder (``"../../etc/…"``), a file that is not ``.toml``."""
    hint = "; or give the network with --spec SPEC"
    raw = Path(spec)
    if raw.is_absolute() or spec.startswith("~") or raw.drive:
        raise fail("spec", f"must be a path relative to the answers file, e.g. \"../reference_mlp.toml\"{hint}")
    if raw.suffix != ".toml":
        raise fail("spec", f"names a file that is not .toml; a spec is a TOML file, e.g. \"../reference_mlp.toml\"{hint}")
    root = base.resolve().parent
    target = (base / raw).resolve()
    if not target.is_relative_to(root):
        raise fail("spec", f"leaves the answers file's folder: a spec path may go up at most one folder "
                           f"(\"../reference_mlp.toml\"){hint}")
    if not target.is_file():
        raise fail("spec", no_file(base / raw, "spec file") + hint)
    return base / raw


def notation_from_dict(table, where: str) -> Notation:
    """[notation]: symbol -> a quantity letter (``"a" = "h"``), a quantity (``"o" = "yhat"``) or an activation."""
    if not isinstance(table, dict):
        raise AnswerError(f"{where}: expected a table of \"symbol\" = \"quantity or activation\"")
    bases, functions, fixed, states, options, macros = [], [], [], [], [], []
    for k, v in table.items():
        if k == "unindexed_layer" and isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 1000:
            options.append((k, v))  # z, a, h written without a layer are layer v's (1: the hidden layer of two)
            continue
        if k in NOTATION_OPTIONS:
            allowed = NOTATION_OPTIONS[k]
            if v not in allowed:
                raise AnswerError(f"{where}: {k} = {v!r}; expected one of {', '.join(map(repr, allowed))}")
            options.append((k, v if k == "convention" else {"column": "columns", "row": "rows"}.get(v, v)))
            continue
        if not isinstance(v, str):
            raise AnswerError(f"{where}: '{k}' must map to a string, e.g. \"{k}\" = \"h\"")
        if k == "L" and v in ("J", "loss", "objective"):  # CS231n: L is the whole objective
            options.append(("L", "objective"))
            continue
        if re.fullmatch(r"\\?[A-Za-z]", k) and k not in ("J", "L", "R", "E", "C") and v in ("J", "loss", "objective"):
            options.append(("objective_letter", k.lstrip("\\")))  # Pilex1's f: the answer's letter for the objective
            continue
        sym = k[1:] if k.startswith("\\") else k
        if _SCRIPTED.fullmatch(k) and not re.fullmatch(r"[A-Za-z]+", sym) or (re.fullmatch(r"[A-Za-z]+", sym) and not _known(v)):
            # a symbol with scripts (W_o, \delta_o, W_0^1, net_{h1}) or a value that is an expression: a macro
            if split_key(v)[0] is not None:  # "W_o" = "W2": the quantity, written as courses write it
                from .tree import quantity_tex

                v = quantity_tex(*split_key(v))
            macros.append((k, _expression(k, v, where)))
            continue
        if not re.fullmatch(r"[A-Za-z]+", sym) or len(sym) > 20:
            raise AnswerError(f"{where}: '{k}' is not a symbol; use a letter, a word, a LaTeX command such as \"\\\\Theta\" "
                              "or a symbol with scripts such as \"W_o\"")
        if v in STATE_NAMES:  # "V" = "m": Ng's V_{dW} is Adam's first moment
            states.append((sym, v))
        elif v in QUANTITY_BASES or v == "delta":
            bases.append((sym, {"loss": "loss"}.get(v, v)))
        elif split_key(v)[0] is not None:
            fixed.append((sym, split_key(v)))
        else:
            functions.append((sym, activations.lookup(v).name))
    if any(s in ("J", "L", "R") for s, _ in bases):
        raise AnswerError(f"{where}: J, L and R name the objective and its terms; they cannot be remapped")
    return Notation(tuple(bases), tuple(functions), tuple(fixed), tuple(states), tuple(options), tuple(macros))


#: a [notation] key: a letter, word or command with subscripts and superscripts (W_o, \delta_o, W_0^1, net_{h1})
_SCRIPTED = re.compile(r"\\?[A-Za-z]{1,20}(?:\s*[_^]\s*(?:\{[^{}]{1,30}\}|[A-Za-z0-9]))*")


def _known(v: str) -> bool:
    """A [notation] value that names something: a quantity, a state or an activation (else it is an expression)."""
    return v in STATE_NAMES or v in QUANTITY_BASES or v == "delta" or split_key(v)[0] is not None or activations.lookup(v) is not None


def _expression(key: str, value: str, where: str) -> str:
    """A [notation] value read as an expression in gradproof's notation (``"p" = "\\sigma'(z^{(1)})"``); refused
    with the reason when it does not read."""
    from .parser import parse_expr
    from .tree import NeedsLayer, Unreadable

    if not _SCRIPTED.fullmatch(key):
        raise AnswerError(f"{where}: '{key}' is not a symbol; use a letter, a word or a symbol with scripts such as \"W_o\"")
    if len(value) > 400:
        raise AnswerError(f"{where}: '{key}': the expression is longer than 400 characters")
    try:
        parse_expr(value, Notation(), depth=20)
    except NeedsLayer:
        pass
    except Unreadable as exc:
        choices = (*QUANTITY_BASES, *STATE_NAMES, *sorted(activations.ACTIVATIONS))
        raise AnswerError(f"{where}: '{key}' = '{value}' is neither a quantity ({', '.join(QUANTITY_BASES)}, W2, …), an "
                          f"optimizer state, an activation{did_you_mean(value, choices)} nor an expression gradproof reads "
                          f"({exc})") from None
    return value


def _values(table, net: Network, fail, layout: str | None = None, convention: str | None = None) -> dict:
    if not isinstance(table, dict):
        raise fail("values", "expected a table [values] with x, y, W1, b1, …")
    row = net.convention == "row"
    lower = {k.lower() if k in ("X", "Y") else k: v for k, v in table.items()}
    layered = _layered_inputs(net)  # a network with layer kinds: its parameters and dropout masks
    allowed = ["x", "y"] + (list(layered) if layered is not None else
                            [f"{p}{layer.index}" for layer in net.layers for p in ("W", "b") if p == "W" or layer.bias])
    free = {f"b{layer.name}": layer.name.replace("_", ".") for layer in net.all_layers if layer.kind == "dense" and not layer.bias}
    for k in lower:
        if k in free:
            raise fail(f"values.{k}", f"layer {free[k]} has no bias (bias = false in the spec); remove {k}")
        if k not in allowed:
            raise fail(f"values.{k}", f"unknown value{did_you_mean(k, allowed)}; [values] holds {', '.join(allowed)}")
    missing = [k for k in allowed if k not in lower]
    if missing:
        raise fail("values", f"missing {', '.join(missing)}: a worked example needs the input, the target and every weight and bias")

    def array(k, shape_hint):
        v = lower[k]
        try:
            a = np.array(v, dtype=float)
        except (TypeError, ValueError):
            raise fail(f"values.{k}", "expected a number, a list of numbers or a list of rows") from None
        except OverflowError:  # a TOML integer of hundreds of digits
            raise fail(f"values.{k}", "every entry must be a finite number (float64 holds up to about 1.8e308)") from None
        if not np.all(np.isfinite(a)):
            raise fail(f"values.{k}", "every entry must be a finite number")
        return a

    x = array("x", None)
    X = x.reshape(1, -1) if x.ndim == 1 else x
    # a batch may be written with samples as rows (N × n) or as columns (Ng: n × m); the [notation] layout, else
    # the shapes decide (a square batch without a declared layout is read as rows)
    found = None
    if X.ndim == 2 and X.shape[1] != net.inputs and X.shape[0] == net.inputs or (layout == "columns" and x.ndim == 2):
        X, found = X.T, "columns"
    elif x.ndim == 2 and X.shape[0] > 1 and X.shape[1] == net.inputs and X.shape[0] != net.inputs:
        found = "rows"
    if X.ndim != 2 or X.shape[1] != net.inputs:
        raise fail("values.x", f"has shape {x.shape}; expected {net.inputs} inputs (a list, or one row or one column per sample)")
    k = net.output.units
    y = array("y", None)
    Y = y.reshape(1, -1) if y.ndim == 1 else (y.T if found == "columns" else y)
    if Y.shape != (len(X), k):
        raise fail("values.y", f"has shape {y.shape}; expected {k} outputs for each of the {len(X)} sample(s), "
                               f"laid out as x is")
    params = {}
    for k, shape in (layered or {}).items():
        a = array(k, shape)
        want = (len(X), shape[1]) if k.startswith("mask") else shape
        if k.startswith("mask") and found == "columns" and a.shape == want[::-1]:
            a = a.T
        if a.shape != want and not (len(want) == 1 and a.size == want[0]):
            raise fail(f"values.{k}", f"has shape {'×'.join(map(str, a.shape))}; expected {'×'.join(map(str, want))}"
                       + (" (one row per sample, 1 keeps a unit, 0 drops it)" if k.startswith("mask") else ""))
        if k.startswith("mask") and not np.all((a == 0) | (a == 1)):
            raise fail(f"values.{k}", "a dropout mask holds 0 (drop the unit) or 1 (keep it); the 1/(1 - p) scaling is not part of it")
        params[k] = a.reshape(want)
    # W as the spec lays it out, or transposed when the answer's own convention is the other one ([notation]
    # convention = "column" under a row spec: CS231n's W is n_in × n_out)
    flipped = {"row": "column", "column": "row"}[net.convention]
    own = convention == flipped
    for layer in net.layers if layered is None else ():
        l = layer.index
        spec_shape = (layer.units, layer.n_in) if row else (layer.n_in, layer.units)
        shape = spec_shape[::-1] if own else spec_shape
        W = array(f"W{l}", shape)
        if W.ndim == 1 and 1 in shape and W.size == shape[0] * shape[1]:
            W = W.reshape(shape)  # W2 = [0.9, 0.1] of one unit: a list of its weights (no orientation to get wrong)
        if W.shape != shape:
            conv = "n_out × n_in (row convention)" if row != own else "n_in × n_out (column convention)"
            hint = (f'; if the answer writes W as {"n_in × n_out" if row else "n_out × n_in"}, say so in [notation]: '
                    f'convention = "{flipped}"') if not own and W.shape == shape[::-1] else ""
            raise fail(f"values.W{l}", f"has shape {'×'.join(map(str, W.shape))}; expected {shape[0]}×{shape[1]}, {conv}{hint}")
        params[f"W{l}"] = W.T if own else W  # (held as the spec lays W out)
        if not layer.bias:  # bias = false: z = W h
            continue
        b = array(f"b{l}", (layer.units,))
        if b.size != layer.units or (b.ndim == 2 and 1 not in b.shape) or b.ndim > 2:
            raise fail(f"values.b{l}", f"has {b.size} entries; expected {layer.units}")
        params[f"b{l}"] = b.reshape(-1)
    return {"params": params, "x": X, "y": Y, "layout": found}


def _layered_inputs(net: Network) -> dict | None:
    """The [values] a worked example of a network with layer kinds needs beyond x and y: every parameter of its
    batch program (W1, gamma2, beta2, P4, W4_1 …, with its shape) and every dropout mask (``mask3``: (None, width),
    a row per sample). None for a dense stack."""
    if all(layer.kind == "dense" for layer in net.layers):
        return None
    from gradproof.derive.program import build_program

    program = build_program(net)
    out = {p.key: tuple(p.shape) for p in program.params}
    out.update({m.key: (None, m.width) for m in program.masks})
    return out


def valid_quantity(name: str) -> bool:
    """A DESIGN.md quantity name (derive.names.parse_quantity), a data/regularizer term (dWL2, dWR2, lossL, lossR)
    or an optimizer state after one step (S_W2, m_b1, mhat_W1: Evaluator.init_state's keys), of at most
    MAX_QUANTITY characters (a layer number of thousands of digits is no layer: int() would refuse it)."""
    return len(name) <= MAX_QUANTITY and (
        parse_quantity(name) is not None or re.fullmatch(r"(dWL|dWR|dbL|dbR)\d+|lossL|lossR", name) is not None
        or re.fullmatch(rf"({STATE_PATTERN})_(W|b)\d+", name) is not None
        or re.fullmatch(r"(d?(gamma|beta|xhat|mu|var|P)|mask|F)\d+", name) is not None)  # layer kinds


def _shown(q) -> str:
    """A value given as a quantity, as a message quotes it (its first characters: it may be a whole file's worth)."""
    text = repr(q)
    return text if len(text) <= 2 * MAX_QUANTITY else text[: 2 * MAX_QUANTITY] + "…"


def quantity_names(net: Network) -> list[str]:
    """The quantity names of ``net`` (for "did you mean" suggestions): x, y, yhat, loss, dyhat, z1, W1, dW1, …"""
    per_layer = ("z", "h", "W", "b", "delta", "dW", "db", "dh", "W{}_next", "b{}_next")
    return ["x", "y", "yhat", "loss", "dyhat", "loss_next"] + [
        (p.format(layer.index) if "{}" in p else f"{p}{layer.index}") for layer in net.layers for p in per_layer
        if layer.bias or not p.startswith(("b", "db"))]


def _claims(raw, fail, names=()) -> tuple[Claim, ...]:
    if raw is None:
        raise fail("", "no [[claims]]: add at least one, e.g. [[claims]] id = \"1\" latex = '\\delta^{(3)} = \\hat{y} - y'")
    if not isinstance(raw, list):
        raise fail("claims", "expected an array of tables [[claims]]")
    if len(raw) > MAX_CLAIMS:
        raise fail("claims", f"{len(raw)} claims; the limit is {MAX_CLAIMS}")
    out, seen = [], set()
    for i, c in enumerate(raw, start=1):
        where = f"claims[{i}]"
        if not isinstance(c, dict):
            raise fail(where, "expected a table with id and latex")
        for k in c:
            if k not in CLAIM_KEYS:
                raise fail(where, f"unknown key '{k}'{did_you_mean(k, CLAIM_KEYS)}")
        cid = c.get("id", str(i))
        if isinstance(cid, bool) or not isinstance(cid, (str, int, float)) or len(str(cid)) > 40:
            raise fail(where, f"id {cid!r} must be a short label such as \"2.15\"")
        cid = str(cid)
        if cid in seen:
            raise fail(where, f"duplicate id '{cid}'; every claim needs its own label")
        seen.add(cid)
        latex = c.get("latex")
        if not isinstance(latex, str) or not latex.strip():
            raise fail(where, "missing key 'latex', e.g. latex = '\\delta^{(3)} = \\hat{y} - y'")
        q = c.get("quantity")
        if q is not None and (not isinstance(q, str) or not valid_quantity(q)):
            raise fail(f"{where}: quantity",
                       f"{_shown(q)} is not a quantity name (x, y, yhat, z1, h1, W1, b1, delta1, dW1, db1, dh1, dyhat, loss, W1_next, "
                       f"S_W1, …){did_you_mean(str(q)[:MAX_QUANTITY], names)}")
        out.append(Claim(cid, squeeze_space(latex), q, where))
    if not any("\\" in c.latex for c in out):
        # an answer typed in plain text throughout (Unicode ∂, ŷ, ², NumPy's [0.5, 0.3], w_new, one step a line): read
        # as a plain-text document's formulas are (normalize.plain_math), a list item's bullet, a label in words before
        # arithmetic and each line's restated subject dropped
        out = [replace(c, latex=plain_math(restated_subjects(drop_label(drop_bullet(c.latex)))), typed=c.latex)
               for c in out]
    return tuple(out)


__all__ = ["Answers", "BASES", "load_answers", "answers_from_dict", "notation_from_dict"]
