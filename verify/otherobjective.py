r"""A derivative after the answer defines a second objective, judged against that one too.

Paredes's notes define the spec's objective, ``J(\mathbf{W}) = \frac{1}{2} \| \hat{\mathbf{y}} - \mathbf{y} \|^2``,
then name another "common for classification", ``J(\mathbf{W}) = - \sum_i y_i \log(\hat{y}_i)``, and go on deriving.
A derivative judged incorrect after the second definition may be right for it (Kyle Lo's section on the quadratic
loss after his cross-entropy), so ``Judge._own_objective`` leaves it unjudged. Where the second definition is exactly
one of gradproof's losses (the definition is correct on a network with that loss: the cross-entropy here), the
derivative is judged against it as well: incorrect for both objectives, it is incorrect (a sign, a transpose, a layer
off by one is wrong whichever objective is meant); right for the second, or unreadable there, it stays unjudged.
"""

from __future__ import annotations

from dataclasses import replace

#: the judge's readings of the whole answer (Judge._prepare), the same whichever objective is meant
_READ_ONCE = ("numerator", "votes", "_voted", "layouts")
NOTE = "incorrect for the answer's other objective ({}) as well as for the spec's"


def judge_like(judge, net, notation=None):
    """A judge of ``net`` (the spec's network with one thing changed) with the judge's batch, notation (or
    ``notation``), points and its readings of the whole answer; None when ``net`` cannot be derived."""
    from gradproof.derive.derivation import derive

    from .judge import Judge

    try:
        made = Judge(derive(net, check=False), batch=judge.batch, notation=judge.notation if notation is None else notation,
                     seed=judge._seed)
    except (ValueError, ArithmeticError, TypeError, KeyError, IndexError):
        return None
    made._claims, made.defining = judge._claims, {}
    for name in _READ_ONCE:  # (what the judge read from the whole answer: the Jacobian layout, the layout vote)
        if hasattr(judge, name):
            setattr(made, name, getattr(judge, name))
    return made


def other_loss_judge(judge, claim):
    """A judge of the same network, batch and notation with the loss the answer's second objective definition
    ``claim`` defines exactly (the definition correct there), or None when no other loss of gradproof's is it."""
    from gradproof.derive import losses

    net = judge.net
    for name, loss in losses.LOSSES.items():
        if name == net.loss.name or loss.needs_probabilities and net.layers[-1].activation not in ("sigmoid", "softmax"):
            continue
        try:
            made = judge_like(judge, replace(net, loss=losses.for_outputs(loss, net.sizes[-1])))
            if made is not None and made.check(claim).verdict == "correct":
                return made, name
        except (ValueError, ArithmeticError, TypeError, KeyError, IndexError):
            continue
    return None
