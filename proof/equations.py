"""The numbered equations of a proof, in order: one table read by the proof (\\tag, \\label) and codegen (comments).

The proof numbers exactly these equations, with ``\\tag{n}`` and ``\\label{eq:<label>}``; every other display is
unnumbered. Generated code cites the same numbers, so a comment "(eq. 12)" points at equation (12) of the PDF.
"""

from __future__ import annotations


def labels(network) -> list[str]:
    """Equation labels of ``network``'s proof, in document order (numbers are positions from 1).

    - ``forward-z``, ``forward-h``: the layer equations (generic l);
    - ``loss``, ``regularizer``, ``objective``: J = L + R;
    - ``delta-def``: delta^(l) = dl/dz^(l); ``output``: the output error; ``recursion``, ``weight-grad``, ``bias-grad``:
      the generic results (one sample). The per-layer one-sample results are not numbered (the full audit shows them);
    - ``reg-grad``: the regularizer's gradient (only with a regularizer);
    - ``total-delta-<l>``, ``total-dW-<l>``, ``total-db-<l>`` for l = L, ..., 1: batch-matrix form, N samples;
    - ``update-<target>`` for each assignment of the optimizer, in order (``update-theta`` is the parameter).
    """
    out = ["forward-z", "forward-h", "loss"]
    if network.regularizer is not None:
        out.append("regularizer")
    out += ["objective", "delta-def", "output", "recursion", "weight-grad", "bias-grad"]
    depth = network.depth
    if network.regularizer is not None:
        out.append("reg-grad")
    for l in range(depth, 0, -1):
        out += [f"total-delta-{l}", f"total-dW-{l}", f"total-db-{l}"]
    out += [f"update-{u.target}" for u in network.optimizer.build(network.options_dict)]
    return out


def numbers(network) -> dict[str, int]:
    """Label -> equation number (from 1), e.g. ``numbers(net)["delta-2"]``."""
    return {label: n for n, label in enumerate(labels(network), start=1)}


def tex_label(label: str) -> str:
    """The LaTeX label of an equation: ``delta-2`` -> ``eq:delta-2``."""
    return f"eq:{label}"
