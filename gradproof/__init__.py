"""gradproof: derive, prove, generate and check backpropagation for neural networks.

The public API (the subpackages ``gradproof.derive``, ``gradproof.codegen`` and ``gradproof.verify`` hold the rest)::

    import gradproof
    net = gradproof.load_spec("examples/reference_mlp.toml")
    d = gradproof.derive_network(net)                  # every gradient, derived and checked
    gradproof.write_proof(d, "out/")                   # out/<name>.tex and .pdf
    gradproof.generate_module(d, "out/")               # out/<name>.py, a standalone NumPy module
    results = gradproof.check_answers("examples/answers/homework.toml")

Names are imported lazily, so ``gradproof --version`` does not load SymPy.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "load_spec", "derive_network", "write_proof", "generate_module", "check_answers",
           "GradproofError"]


def load_spec(path):
    """Read and validate a network spec (TOML); returns a ``Network``. Raises ``SpecError`` naming the file and key."""
    from gradproof.derive.errors import SpecError
    from gradproof.derive.spec import load_spec as _load

    return _load(_path(path, "spec", SpecError))


def derive_network(network, check: bool = True):
    """Derive every gradient of ``network`` (a ``Network`` or a spec path) and, unless ``check`` is False, check each."""
    from gradproof.derive.derivation import derive

    if not hasattr(network, "layers"):
        network = load_spec(network)
    return derive(network, check=check)


def write_proof(derivation, out_dir, pdf: bool = True, detail: str = "handout"):
    """Write ``out_dir/<name>.tex`` and, with ``pdf`` and TeX installed, ``out_dir/<name>.pdf``; returns a ``ProofResult``.

    ``detail="full"`` adds an appendix with every per-layer step and check."""
    from pathlib import Path

    from gradproof.proof.document import write_proof as _write

    return _write(derivation, Path(out_dir), pdf=pdf, detail=detail)


def generate_module(derivation, out_dir=None, spec_path: str | None = None):
    """The NumPy training module of ``derivation``: its source, or with ``out_dir`` the path of ``out_dir/<name>.py``."""
    from pathlib import Path

    from gradproof.codegen.render import render_module, write_module

    shown = spec_path or derivation.network.source or f"{derivation.network.name}.toml"
    if out_dir is None:
        return render_module(derivation, str(shown))
    return write_module(derivation, Path(out_dir), str(shown))


def check_answers(path, spec=None, notation=None):
    """Judge every claim of an answers file or document; returns the list of ``ClaimResult`` (``id``, ``verdict``, …)."""
    from gradproof.derive.errors import AnswerError
    from gradproof.verify.cli import verify_file

    results, _meta, _seconds = verify_file(str(_path(path, "answers file", AnswerError)),
                                           None if spec is None else str(_path(spec, "spec", AnswerError)),
                                           None if notation is None else str(_path(notation, "notation", AnswerError)))
    return results


def _path(value, what: str, error):
    """``value`` as a path (``str``, ``os.PathLike`` or ``bytes``); anything else is ``error``, not a ``TypeError``."""
    import os

    if isinstance(value, bytes):
        return os.fsdecode(value)
    if isinstance(value, (str, os.PathLike)):
        return value
    raise error(f"expected the path of the {what} (a str or pathlib.Path), got {type(value).__name__}")


def __getattr__(name):
    if name == "GradproofError":
        from gradproof.derive.errors import GradproofError

        return GradproofError
    raise AttributeError(f"module 'gradproof' has no attribute {name!r}")
