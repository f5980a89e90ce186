"""Claims an answer makes in its own setup rather than the spec's: the momentum velocity it defines with the learning
rate inside (v_t = γ v_{t−1} + η ∇C, then θ_{t+1} = θ_t − v_t), and a loss it names that is not the spec's (a methods
section's MSE(ŷ, y) = … beside the network's binary cross-entropy).

A TA reads such a claim in the answer's terms: the velocity scaled by η is the same algorithm as the spec's
v ← μ v + g, θ ← θ − α v (so its letter stands for α v); a step on that velocity under another optimizer (Adam), or a
definition of another loss, is not the spec's and is left unchecked with the reason — never judged against the spec.
Every scan here is one linear regular expression over one claim's normalised text."""

from __future__ import annotations

import re

#: v_t = … v_{t-1} … with a learning-rate letter (η, α, ε, η_t) in it: the answer's own velocity (the rate inside)
_VELOCITY = re.compile(r"^\s*(?P<v>[vV])\s*_\s*(?:\{\s*t\s*\}|t)\s*=(?P<rhs>[^=]*)$")
_PREVIOUS = re.compile(r"(?<![A-Za-z\\])[vV]\s*_\s*\{\s*t\s*-\s*1\s*\}")
_RATE = re.compile(r"\\(?:eta|alpha|epsilon|varepsilon)(?![A-Za-z])")
#: Adam's second moment on the right of v_t = …: β_2, or a squared gradient
_MOMENT = re.compile(r"\\beta\s*+_\s*+\{?\s*+2|\^\s*+\{?\s*+2(?![0-9])")
_MINUS_RATE = re.compile(r"-\s*\\(?:eta|alpha|epsilon|varepsilon)(?![A-Za-z])")
#: a loss named by its abbreviation: \text{MSE}(…), CE(…), \mathrm{BCE}, ∂MSE
_NAMED = re.compile(r"(?<![A-Za-z\\])(?:\\(?:text|mathrm|operatorname)\s*\{\s*)?(CE|BCE|MSE|NLL|XENT|SSE)(?![A-Za-z])")
#: the spec's losses each abbreviation may name (gradproof's registry names, derive/losses.py): answers call ½‖ŷ − y‖²
#: "MSE" as often as the mean over the outputs
_SQUARED = ("squared_error", "mean_squared_error", "sum_squared_error")
_LOSS_NAMES = {"CE": ("cross_entropy",), "XENT": ("cross_entropy",), "NLL": ("cross_entropy",),
               "BCE": ("binary_cross_entropy",), "MSE": _SQUARED, "SSE": _SQUARED}


#: a parameter's gradient in a step: of the objective, or of its data term (Ruder's ∇_θ J(θ; x^{(i)}; y^{(i)}))
_GRADIENTS = ("dW", "db", "dWL", "dbL")


def velocity_letter(texts) -> str | None:
    """The letter of a momentum velocity the claims define with the learning rate inside it (jovidie's
    ``v_t = η ∇C(θ) + γ v_{t−1}``, Storberg's ``v_t = γ v_{t−1} + η_t g``), from the claims' normalised texts; None
    if the letter is also defined as something else (Halevy's notes: momentum's v, then Adam's
    v_t = β_2 v_{t−1} + (1 − β_2) g_t², which is the spec's)."""
    return (_velocity(texts) or (None, None))[0]


def velocity(text: str) -> bool:
    """Whether one normalised claim defines a momentum velocity with the learning rate inside (v_t = γ v_{t−1} + η g)."""
    m = _VELOCITY.match(text)
    return bool(m and _PREVIOUS.search(m.group("rhs")) and _RATE.search(m.group("rhs")))


def _velocity(texts, moments_aside: bool = False) -> tuple[str, int] | None:
    """(the velocity's letter, the sign its rate term has: +1 for v_t = γ v_{t−1} + η g, −1 for Sutskever's
    v_t = β v_{t−1} − α ∇f), or None (no such velocity, or the letter also defined otherwise, or both signs). With
    ``moments_aside`` (a spec whose optimizer is not Adam), a definition of the letter as Adam's second moment
    (v_t = β_2 v_{t−1} + (1 − β_2) g_t^2: a survey of optimizers) is not another meaning of the velocity's letter."""
    found, other, signs = set(), set(), set()
    for text in texts:
        m = _VELOCITY.match(text)
        if m and _PREVIOUS.search(m.group("rhs")):
            rate = _RATE.search(m.group("rhs"))
            if not rate and moments_aside and _MOMENT.search(m.group("rhs")):
                continue
            (found if rate else other).add(m.group("v"))
            if rate:
                signs.add(-1 if _MINUS_RATE.search(m.group("rhs")) else 1)
    letters = sorted(found - other)
    return (letters[0], signs.pop()) if len(letters) == 1 and not found & other and len(signs) == 1 else None


def velocity_options(net, texts) -> tuple:
    """[notation] options for the answer's velocity: ``velocity_rate``, the factor its letter is of the spec's v
    ("lr", "-lr" or a number: α × the spec's v ← μ v + g for v_t = γ v_{t−1} + η g), or ``foreign_velocity`` (the
    spec's optimizer has no such velocity: a claim with the letter is another optimizer's, not judged)."""
    found = _velocity(texts, moments_aside=net.optimizer.name != "adam")
    if found is None and net.optimizer.name == "nesterov":
        # velocities with the rate inside but of both signs (or the letter defined otherwise too): which multiple of
        # the spec's v the letter is stays open — no claim with the letter is judged on a guess
        letters = sorted({m.group("v") for m in map(_VELOCITY.match, texts) if m and velocity(m.group(0))})
        return (("foreign_velocity", letters[0]),) if len(letters) == 1 else ()
    if found is None:
        return ()
    letter, sign = found
    if net.optimizer.name == "nesterov":
        # Ruder's v_t = γ v_{t−1} + η ∇J(θ − γ v_{t−1}), θ = θ − v_t: over Sutskever's variables, where θ is the point the
        # look-ahead starts from and the spec's parameter (PyTorch's, Keras's) is θ − γ v. The answer's v is α × the
        # classic form's v (−1 × Keras's); its θ is not the spec's, so a step of it is not compared (lookahead_theta)
        variant = dict(net.options).get("variant", "classic")
        rate = ("lr" if sign > 0 else "-lr") if variant == "classic" else "-1" if sign > 0 else None
        return (("velocity_rate", rate), ("lookahead_theta", letter)) if rate else (("foreign_velocity", letter),)
    if net.optimizer.name == "momentum":
        variant = dict(net.options).get("variant", "classic")
        if variant == "classic":  # the spec's v ← μ v + g, θ ← θ − α v: the answer's v is ±α × it
            return (("velocity_rate", "lr" if sign > 0 else "-lr"),)
        if variant == "velocity":  # the spec's v ← μ v − α g, θ ← θ + v: the answer's is it, or −1 × it
            return (("velocity_rate", "-1"),) if sign > 0 else ()
    return (("foreign_velocity", letter),)


#: a heading that names a loss (JustinRochester's "## MSE" then "## Cross Entropy-Softmax"): its section is about it
LOSS_HEADING = re.compile(r"(?i)(?<![A-Za-z])(MSE|SSE|BCE|NLL|mean[ -]squared[ -]errors?|sum of (?:the )?squared errors?|"
                          r"squared[ -]errors?|binary[ -]cross[ -]?entropy|cross[ -]?entropy|log[ -]?loss|"
                          r"negative[ -]log[ -]likelihood|hinge)(?![A-Za-z])")
#: the spec's losses each family of LOSS_HEADING's names may be (a "cross-entropy" heading over a sigmoid output: BCE)
_HEADING_FAMILIES = (("squared", _SQUARED), ("sse", _SQUARED), ("mse", _SQUARED),
                     ("bce", ("binary_cross_entropy",)), ("binary", ("binary_cross_entropy",)),
                     ("entropy", ("cross_entropy", "binary_cross_entropy")), ("nll", ("cross_entropy", "binary_cross_entropy")),
                     ("likelihood", ("cross_entropy", "binary_cross_entropy")),
                     ("log", ("cross_entropy", "binary_cross_entropy")), ("hinge", ()))
#: an objective's letter written in a claim: L, J, E, C, ℓ, 𝓛
_OBJECTIVE_LETTER = re.compile(r"(?<![A-Za-z\\])(?:[LJEC]|\\ell|\\mathcal\s*\{?\s*[LJ])(?![A-Za-z])")


def section_loss(heading: str | None, latex: str, loss_name: str) -> str | None:
    """The loss a claim's section heading names when it is not the spec's and the claim writes an objective's letter
    (JustinRochester's L = √(Σ_i (y_i − o_i)²) under "## MSE", graded on cross-entropy), or None."""
    if not heading or not _OBJECTIVE_LETTER.search(latex[:4000]):
        return None
    name = heading.lower()
    for word, family in _HEADING_FAMILIES:
        if word in name:
            return None if loss_name in family else f"{heading} (its section's heading)"
    return None


def other_loss(latex: str, loss_name: str) -> str | None:
    """The abbreviation of a loss the claim names that is not the spec's (``\\text{MSE}(\\hat y, y) = …`` in an answer
    graded on binary cross-entropy), or None."""
    for m in _NAMED.finditer(latex):
        if loss_name not in _LOSS_NAMES[m.group(1)]:
            return m.group(1)
    return None


def other_step(optimizer: str, step) -> str | None:
    """The optimizer whose parameter step the right side ``step`` of θ ← … takes when it is visibly not the spec's
    ``optimizer`` (Prakash's notes on Ng's course, graded on Adam, write each algorithm in turn): plain gradient descent
    (θ − α dθ: a gradient and no optimizer state), momentum (θ − α v_dθ: Adam's first moment alone, no root) or
    RMSprop (θ − α dθ / √(S_dθ + ε): the raw gradient over the root of the second moment). None for the spec's own
    step and for a mix of both (Adam without its bias correction is Adam's mistake, judged as such)."""
    if optimizer == "sgd":
        return None
    states, grads = _step_terms(step)
    root = any(n.op == "fn" and n.value[0] == "sqrt" for n in step.walk())
    if grads and not states:
        return "plain gradient descent"
    if not states and not root and any(n.op == "const" and n.value in ("lr", "alpha") for n in step.walk()):
        return "plain gradient descent"  # Bauer's w = w − η (o − t) x: the gradient written as its formula, no state
    if optimizer == "adam" and states == {"m"} and not grads and not root:
        return "gradient descent with momentum"
    if optimizer == "adam" and states == {"v"} and grads and root:
        return "RMSprop"
    if optimizer == "adam" and states == {"v"} and not grads and not root:
        return "gradient descent with momentum"  # Ruder's θ = θ − v_t: v a velocity (the step adds it, no root)
    return None


def first_moment_step(optimizer: str, step) -> bool:
    """Whether the right side ``step`` of θ ← … under Adam is θ − α times Adam's first moment alone, no root and no
    bias correction (Ng's momentum ``W = W − α V_{dW}``, whose V is Adam's m: ``V = β V + (1 − β) dW``)."""
    states, grads = _step_terms(step)
    rate = any(n.op == "const" and n.value in ("lr", "alpha") for n in step.walk())
    root = any(n.op == "fn" and n.value[0] == "sqrt" for n in step.walk())
    return optimizer == "adam" and states == {"m"} and rate and not grads and not root


def momentum_judge(judge):
    """A judge of the same network, batch and points under Ng's momentum (v ← β v + (1 − β) g, θ ← θ − α v; derive's
    ``ema`` variant) with the spec's learning rate and β₁ as its β: the algorithm whose step a survey of optimizers
    writes before Adam's. The answer's inferred notation without Adam's letters. None when it cannot be made."""
    from dataclasses import replace

    from gradproof.derive import optimizers

    net = judge.net
    hyper = net.hyper_dict
    if net.optimizer.name != "adam" or "beta1" not in hyper:
        return None
    other = replace(net, optimizer=optimizers.lookup("momentum"), options=(("variant", "ema"),),
                    hyper=(("learning_rate", hyper["learning_rate"]), ("momentum", hyper["beta1"])))
    return _judge_under(judge, other, replace(judge.notation, states=()))


def _judge_under(judge, net, notation):
    """A judge of ``net`` (the spec's network with another optimizer or variant) with ``judge``'s batch, random
    points and claims, reading ``notation``; None when it cannot be made."""
    from gradproof.derive.derivation import derive

    from .judge import Judge

    try:
        made = Judge(derive(net, check=False), batch=judge.batch, notation=notation, seed=judge._seed)
    except (ValueError, ArithmeticError, KeyError):
        return None
    made._claims, made.defining = judge._claims, judge.defining
    return made


def nesterov_moment(step) -> bool:
    """Whether the right side ``step`` of θ ← … adds the raw gradient to Adam's first moment inside the step
    (Dozat's Nadam, θ_{t+1} = θ_t − η/(√v̂_t + ε) (β_1 m̂_t + (1 − β_1) g_t/(1 − β_1^t)): a Nesterov look-ahead; Adam's
    own step with m_t expanded has the same terms, so only a step that does not hold as Adam's is told apart by it)."""
    states, grads = _step_terms(step)
    return grads and bool(states & {"m", "mhat"})


def _step_terms(step) -> tuple[set, bool]:
    """The optimizer states a step's right side holds (m, mhat, v, S, G) and whether it holds a parameter's gradient."""
    from .truth import state_kind

    nodes = list(step.walk())
    states = {state_kind(n.value[0])[0] for n in nodes if n.op == "q" and state_kind(n.value[0])}
    return states, any(n.op == "q" and n.value[0] in _GRADIENTS for n in nodes)


#: a claim about momentum's state or step: its velocity v, V (not a word), an update arrow, a time index t ± 1
_MOMENTUM_CLAIM = re.compile(r"(?<![A-Za-z\\])[vV](?![A-Za-z])|\\leftarrow|:=|_\s*\{\s*t\s*[+-]\s*1\s*\}")


def momentum_claim(latex: str) -> bool:
    """Whether a claim may state momentum's velocity or step (one linear search of a bounded text)."""
    return bool(_MOMENTUM_CLAIM.search(latex[:4000]))


def variant_judges(judge) -> list:
    """[(variant, a judge of the same network, batch and points under momentum in that variant)] for each variant of
    momentum the spec does not use (classic v ← μ v + g, θ ← θ − α v; Ng's ema v ← μ v + (1 − μ) g; Sutskever's
    velocity v ← μ v − α g, θ ← θ + v): the same algorithm family, each a course's "momentum". Empty for another
    optimizer or when a judge cannot be made."""
    from dataclasses import replace

    net = judge.net
    if net.optimizer.name != "momentum":
        return []
    own = dict(net.options).get("variant", "classic")
    made = []
    for variant in ("classic", "ema", "velocity"):
        if variant == own:
            continue
        other = replace(net, options=tuple((k, v) for k, v in net.options if k != "variant") + (("variant", variant),))
        j = _judge_under(judge, other, judge.notation)
        if j is not None:
            j._variant_of = own
            made.append((variant, j))
    return made


#: the spec's losses by family: a formula of the other family is another loss, never a slip of the spec's
_FAMILIES = {**{name: "the squared error" for name in _SQUARED},
             "cross_entropy": "a cross-entropy", "binary_cross_entropy": "a cross-entropy"}


def formula_loss(node, loss_name: str) -> str | None:
    """The family of the loss a parsed right side writes out — "the squared error" (a square or squared norm of a
    difference with the target in it, no logarithm) or "a cross-entropy" (a logarithm, no such square) — when it is
    not the spec's family (CS229's notes list ``L(ŷ, y) = ½(ŷ − y)²`` for regression beside the network's
    cross-entropy), else None. A formula of the spec's own family (a cross-entropy without its (1 − y) term under
    binary cross-entropy) is no other loss: it is judged."""
    family = _FAMILIES.get(loss_name)
    if family is None:
        return None
    nodes = list(node.walk())
    if not any(n.op == "q" and n.value[0] == "y" for n in nodes):
        return None
    log = any(n.op == "fn" and n.value[0] in ("log", "ln") for n in nodes)
    square = any(n.op == "pow" and n.args[1].op == "num" and float(n.args[1].value[0]) == 2 and n.args[0].op in ("sub", "norm")
                 and any(m.op == "q" and m.value[0] == "y" for m in n.args[0].walk()) for n in nodes)
    written = "the squared error" if square and not log else "a cross-entropy" if log and not square else None
    return written if written is not None and written != family else None
