r"""A line of another optimizer than the spec's, judged as that optimizer's own (issue 10, forty-first round).

A report or a homework that sets out several optimizers in turn — emmastorberg's SGD, momentum, AdaGrad, RMSProp and
Adam, Ruder's overview, a student's nine optimizers — is graded line by line against each algorithm's own definition:
AdaGrad's `G_t = G_{t-1} + g_t \odot g_t` is right whatever optimizer the network was trained with. The spec holds one
optimizer, and recurrences.py names a line of another (its notation says which) and leaves it unjudged. Where that
algorithm is one of gradproof's own (derive/optimizers.py: AdaGrad, RMSprop, Adam, momentum, and since the forty-second
round Adadelta and AdaMax), the line is judged on the same network with that optimizer instead, at its registry's
hyper-parameters (the line's letters are that algorithm's constants, whatever their values) and in each of its variants —
the constant inside or outside the root (AdaMax: beside |g| or beside u), momentum's three velocities — since which one
the author follows is the author's choice: correct if it holds in one of them (a note names the algorithm), incorrect
only if it fails in every one (not for momentum: a momentum line that
holds in no variant stays unjudged (Ruder's velocity v = γ v + η g is read as the spec's own momentum reads it:
α × the classic v, foreign.velocity_options).
Nesterov's momentum is in the registry in the form PyTorch and Keras run (the gradient at θ); Ruder's and Sutskever's
velocity line (the gradient at the look-ahead point θ − γ v) is that form over other variables and is read so
(recurrences.read, foreign.velocity_options), their step of θ is not compared. Like momentum, a Nesterov line that fits
no variant stays unjudged.
"""

from __future__ import annotations

from dataclasses import replace

from . import recurrences

#: recurrences' family -> the registry's optimizer
REGISTRY = {"Adagrad": "adagrad", "RMSprop": "rmsprop", "Adam": "adam", "momentum": "momentum", "Adadelta": "adadelta",
            "AdaMax": "adamax", "Nesterov": "nesterov", "AMSGrad": "amsgrad"}
#: the families whose lines are read through the answer's own velocity (a scale of the registry's): a line that fits
#: no variant is left unjudged, never called wrong
_VELOCITY_FAMILIES = ("momentum", "Nesterov")
#: what the answer's readings set that holds whichever optimizer is meant (Δθ the step's change: pseudocode.py)
_KEPT = ("delta_w",)
NOTE = "judged as {}'s own update (the spec's optimizer is {}): the line is that algorithm's"


def _variants(definition) -> list[tuple[tuple[str, str], ...]]:
    """Every choice of the optimizer's options (epsilon inside/outside the root, momentum's variants)."""
    out: list[tuple[tuple[str, str], ...]] = [()]
    for key, (choices, _default) in definition.options.items():
        out = [(*o, (key, c)) for o in out for c in choices]
    return out


def _velocity(net, judge) -> tuple:
    """The answer's velocity read against this momentum variant (Ruder's v_t = γ v_{t−1} + η g is α × the classic v:
    foreign.velocity_options), as the spec's own momentum reads it; () for the other optimizers."""
    if net.optimizer.name not in ("momentum", "nesterov"):
        return ()
    from .foreign import velocity_options
    from .infer import _normal

    return velocity_options(net, [_normal(c.latex) for c in judge._claims[:300] if len(c.latex) <= 2000])


def _running_max(net, judge) -> tuple:
    """AMSGrad's running maximum written as Reddi et al.'s \\hat v (recurrences.max_hat_option), for this variant."""
    from .infer import _normal

    return recurrences.max_hat_option(net, [_normal(c.latex) for c in judge._claims[:300] if len(c.latex) <= 2000])


def judges(judge, family: str) -> list:
    """Judges of the same network, batch and notation with ``family``'s optimizer, one per variant (cached on the
    judge); empty when the family is not in the registry or its network cannot be derived."""
    from gradproof.derive import optimizers

    from .otherobjective import judge_like

    name = REGISTRY.get(family)
    if name is None:
        return []
    cache = judge.__dict__.setdefault("_own_algorithm_judges", {})
    if name not in cache:
        definition = optimizers.OPTIMIZERS[name]
        made_all = []
        kept = tuple(o for o in judge.notation.options if o[0] in _KEPT and o[0] not in dict(judge.declared.options))
        for options in _variants(definition):
            other = replace(judge.net, optimizer=definition, hyper=tuple(definition.defaults.items()), options=options)
            # (the answer's own [notation] only: what was read for the spec's optimizer — Ng's S as Adam's v, ε as
            # the learning rate of a spec without ε — is not this algorithm's)
            notation = replace(judge.declared, options=judge.declared.options + kept + _velocity(other, judge)
                               + _running_max(other, judge))
            made = judge_like(judge, other, notation)
            if made is not None:
                made._own_algorithm_judge = True  # (it judges its own lines only: no judge of a third algorithm)
                made_all.append(made)
        cache[name] = made_all
    return cache[name]


def judged_as_its_own(judge, claim, family: str):
    """The claim judged as ``family``'s own line (a ClaimResult), or None to leave it unjudged."""
    if getattr(judge, "_own_algorithm_judge", False):
        return None  # (momentum's judge asked about Nesterov's line, which asked momentum's … : one level only)
    if REGISTRY.get(family) == judge.net.optimizer.name:
        return None  # (the spec's own algorithm in another variant — Reddi's AMSGrad under PyTorch's: the reason stands)
    made = judges(judge, family)
    if not made:
        return None
    results = []
    for other in made:
        try:
            result = other.check(claim)
        except (ValueError, ArithmeticError, TypeError, KeyError, IndexError, RecursionError):
            return None
        if result.verdict == "correct":
            result.notes.append(NOTE.format(family, judge.net.optimizer.name))
            result.message += f" ({NOTE.format(family, judge.net.optimizer.name)})"
            return result
        if not result.message.startswith(recurrences.OTHER_FORM):  # (a variant that leaves the line to another says nothing)
            results.append(result)
    if family not in _VELOCITY_FAMILIES and results and all(r.verdict == "incorrect" for r in results):
        first = results[0]
        first.notes.append(NOTE.format(family, judge.net.optimizer.name) + ", in every variant")
        first.message += f" ({NOTE.format(family, judge.net.optimizer.name)}; wrong in every variant)"
        return first
    return None
