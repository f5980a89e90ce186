"""The LaTeX surface authors write (issue 10, items 6-8; verify/surface.py): every macro and environment of KaTeX's
inventory has a class, and a claim using it is read or not judged for that class's reason — never a crash or a bare
"unknown symbol". Claims in each surface form (layout, colour, frames, accents, wrappers, definitions, implications),
right and planted, written here; the expected verdicts are decided by hand, and the derivatives they rest on are
checked numerically with NumPy (central differences), independently of verify.
"""

from __future__ import annotations

import re
import time

import numpy as np
from gradproof.verify import surface
from gradproof.verify.document import extract
from gradproof.verify.judge import Judge
from gradproof.verify.normalize import normalize
from gradproof.verify.parser import parse_claim
from gradproof.verify.tree import NeedsLayer, NoSuchLayer, Unreadable
from helpers_verify import small

D = small(convention="row", hidden="tanh", output="softmax", loss="cross_entropy")
PLAIN = r"\delta^{(2)} = \hat{y} - y"


def judged(doc: str) -> dict[str, tuple[str, str]]:
    """Each display of ``doc`` judged on its own (a planted definition does not change how the next one reads)."""
    return {r.id: (r.verdict, r.message) for block in doc.split("\n\n") if block.strip()
            for r in Judge(D).check_all(extract(block))}


def _central(f, x, h=1e-6):
    return np.array([(f(x + h * e) - f(x - h * e)) / (2 * h) for e in np.eye(x.size)])


def test_the_derivatives_the_expected_verdicts_rest_on():
    """Softmax + cross-entropy: ∂J/∂z² = ŷ − y (so δ² = y − ŷ is a sign error, 2δ² a factor); ∂J/∂b² = δ²; tanh's
    derivative 1 − h² (so δ¹ = W²ᵀδ² ⊙ h is wrong); ∂J/∂W¹ = δ¹ xᵀ in the row layout (z = W x + b)."""
    rng = np.random.default_rng(1)
    x, y = rng.normal(size=3), np.eye(2)[1]
    w1, b1, w2, b2 = rng.normal(size=(4, 3)), rng.normal(size=4), rng.normal(size=(2, 4)), rng.normal(size=2)

    def loss(w1_, b1_, w2_, b2_):
        z2 = w2_ @ np.tanh(w1_ @ x + b1_) + b2_
        return -y @ (z2 - np.log(np.exp(z2).sum()))

    h1 = np.tanh(w1 @ x + b1)
    z2 = w2 @ h1 + b2
    yhat = np.exp(z2) / np.exp(z2).sum()
    delta2 = _central(lambda v: -y @ (v - np.log(np.exp(v).sum())), z2)
    assert np.allclose(delta2, yhat - y, atol=1e-6)
    assert not np.allclose(delta2, y - yhat) and not np.allclose(delta2, 2 * (yhat - y))
    assert np.allclose(_central(lambda v: loss(w1, b1, w2, v), b2), delta2, atol=1e-6)
    delta1 = _central(lambda v: loss(w1, v, w2, b2), b1)
    assert np.allclose(delta1, (w2.T @ delta2) * (1 - h1**2), atol=1e-6)
    assert not np.allclose(delta1, (w2.T @ delta2) * h1)
    dw1 = _central(lambda v: loss(v.reshape(4, 3), b1, w2, b2), w1.ravel()).reshape(4, 3)
    assert np.allclose(dw1, np.outer(delta1, x), atol=1e-6)


DOC = r"""
$$\delta^{(2)} = \hat{y} - y \implies \frac{\partial J}{\partial b^{(2)}} = \delta^{(2)} \tag{imp}$$

$$\delta^{(2)} = \hat{y} - y \implies \frac{\partial J}{\partial b^{(2)}} = 2\delta^{(2)} \tag{imp-planted}$$

$$\delta^{(2)} = y - \hat{y} \quad \Longrightarrow \quad \frac{\partial J}{\partial b^{(2)}} = \delta^{(2)} \tag{imp-first-planted}$$

$$\delta^{(2)} = y - \hat{y} \implies \frac{\partial J}{\partial b^{(2)}_1} = \delta^{(2)}_1 + \cdots \tag{imp-unread-planted}$$

$$\delta^{(2)} = y - \hat{y} \implies \kappa = 1 \tag{imp-letter-planted}$$

$$\delta^{(2)} = \hat{y} - y \implies \kappa = 1 \tag{imp-unread}$$

$$\therefore \frac{\partial J}{\partial b^{(2)}} = \delta^{(2)} \tag{therefore}$$

$$\boxed{\frac{\partial J}{\partial z^{(2)}} = \hat{y} - y} \tag{boxed}$$

$$\boxed{\frac{\partial J}{\partial z^{(2)}} = y - \hat{y}} \tag{boxed-planted}$$

$${\color{red} \delta^{(2)}} = \Huge \hat{y} - y \space \tag{style}$$

$$\textcolor{blue}{\delta^{(2)}} = \displaystyle \hat{y} \tag{style-planted}$$

\begin{equation*} \delta^{(1)} = (W^{(2)})^T \delta^{(2)} \odot (1 - h^{(1)} \odot h^{(1)}) \tag{equation} \end{equation*}

\begin{equation} \delta^{(1)} = (W^{(2)})^T \delta^{(2)} \odot h^{(1)} \tag{equation-planted} \end{equation}

$$\begin{equation*} \delta^{(1)} = (W^{(2)})^T \delta^{(2)} \odot (1 - h^{(1)} \odot h^{(1)}) \end{equation*} \tag{equation-in-display}$$

$$W^{(2)} \coloneqq W^{(2)} - \eta \frac{\partial J}{\partial W^{(2)}} \tag{coloneqq}$$

$$W^{(2)} \coloneqq W^{(2)} + \eta \frac{\partial J}{\partial W^{(2)}} \tag{coloneqq-planted}$$

$$z^{(1)} \triangleq W^{(1)} x + b^{(1)} \tag{triangleq}$$

$$z^{(1)} \stackrel{\text{def}}{=} W^{(1)} x - b^{(1)} \tag{stackrel-planted}$$

$$\frac{\partial J}{\partial b^{(2)}} \overset{\text{chain rule}}{=} \delta^{(2)} \tag{overset}$$

$$\frac{\partial J}{\partial b^{(2)}} \overset{(a)}{=} \hat{y} \tag{overset-planted}$$

\begin{multline}
\frac{\partial J}{\partial W^{(2)}} = \delta^{(2)} (h^{(1)})^T \tag{multline}
\end{multline}

\begin{flalign}
\frac{\partial J}{\partial W^{(1)}} &= \delta^{(1)} x^T & \tag{flalign} \\
\frac{\partial J}{\partial W^{(1)}} &= x \delta^{(1)} & \tag{flalign-planted}
\end{flalign}

\begin{subequations}
\begin{gather}
\frac{\partial J}{\partial b^{(1)}} = \delta^{(1)} \tag{gather} \\
\frac{\partial J}{\partial b^{(1)}} = -\delta^{(1)} \tag{gather-planted}
\end{gather}
\end{subequations}
"""

EXPECTED = {"imp": "correct", "imp-planted": "incorrect", "imp-first-planted": "incorrect",
            "imp-unread-planted": "incorrect", "imp-letter-planted": "unchecked", "imp-unread": "unchecked",
            "therefore": "correct", "boxed": "correct",
            "boxed-planted": "incorrect", "style": "correct", "style-planted": "incorrect", "equation": "correct",
            "equation-planted": "incorrect", "equation-in-display": "unchecked", "coloneqq": "correct", "coloneqq-planted": "incorrect",
            "triangleq": "correct", "stackrel-planted": "incorrect", "overset": "correct", "overset-planted": "incorrect",
            "multline": "correct", "flalign": "correct", "flalign-planted": "incorrect", "gather": "correct",
            "gather-planted": "incorrect"}


def test_every_surface_form_is_read_right_and_planted():
    got = judged(DOC)
    assert {k: v for k, (v, _) in got.items()} == EXPECTED
    # an implication's statements are judged one by one: the wrong one is named, an unread one leaves the other judged
    assert got["imp-planted"][1].startswith("equation 2 of 2")
    assert got["imp-unread-planted"][1].startswith("equation 1 of 2")
    # a wrapper inside $$…$$ is not read yet, and says what to write instead
    assert "write the equation without \\begin{equation*}" in got["equation-in-display"][1]
    assert "the letter is not defined in the answer" in got["imp-unread"][1]
    # an unknown letter in one statement and a wrong other one: the letters may be misread, so no verdict
    assert got["imp-letter-planted"][1].startswith("could not read statement 2 of 2")


def test_a_step_in_a_display_after_a_size_macro_continues_the_chain():
    r"""wjjason's ``\Large W &:= \Large W - …\\ \Large &:= …``: the second row is a row of its own (its own id)
    about what the row before it derived: W⁽²⁾ := W⁽²⁾ − η δ⁽²⁾ h⁽¹⁾ᵀ, right and planted (η on the wrong side)."""
    step = r"$$\begin{align*}\Large W^{(2)}&:=\Large W^{(2)}-\eta\frac{\partial J}{\partial W^{(2)}}\\\Large &:=\Large "
    for rhs, want in ((r"W^{(2)}-\Large \eta\, \delta^{(2)} (h^{(1)})^T", "correct"),
                      (r"W^{(2)}+\Large \eta\, \delta^{(2)} (h^{(1)})^T", "incorrect")):
        claims = extract(step + rhs + r" \end{align*}$$")
        assert [c.id for c in claims] == ["line 1.1", "line 1.2"]
        assert [Judge(D).check(c).verdict for c in claims] == ["correct", want]


def _walk(name: str, plain) -> str | None:
    """What is wrong with how a claim using ``\\name`` reads (None when it reads as its class says)."""
    cls = surface.CLASS.get(name)
    if cls is None:
        return "no class"
    if cls in ("drop", "keep"):  # the claim reads as the plain one
        args = surface.DROP.get(name, surface.KEEP.get(name, 0))
        if name in surface.DIMENSION:
            use = rf"\{name}3mu \delta^{{(2)}}"
        elif cls == "drop":
            use = rf"\{name}" + "{1em}" * args + r" \delta^{(2)}"
        else:
            use = rf"\{name}" + "{red}" * args + r"{\delta^{(2)}}"
        return None if parse_claim(rf"{use} = \hat{{y}} - y", depth=2) == plain else f"{use} does not read as {PLAIN}"
    if cls == "implies":
        return None if len(surface.split_statements(rf"a = b \{name} c = d")) == 2 else "not split"
    if cls == "define":
        use = rf"\{name}{{\text{{def}}}}{{=}}" if name in ("stackrel", "overset", "underset", "buildrel") else rf"\{name}"
        text = normalize(rf"z^{{(1)}} {use} W^{{(1)}} x")
        return None if ":=" in text or "=:" in text or name == "xlongequal" else f"not a definition: {text}"
    try:
        parse_claim(rf"\delta^{{(2)}} = \{name}{{x}} y", depth=2)
    except (NeedsLayer, NoSuchLayer):
        return None
    except Unreadable as exc:
        message = str(exc)
        if re.fullmatch(r"unknown symbol '\w+' at position \d+", message):
            return f"a bare unknown symbol: {message}"
        if cls in surface.REASONS and surface.REASONS[cls] not in message and "is not supported; write" not in message:
            if surface.CLASS.get(name) in ("letter", "set or logic") and "needs a layer index" in message:
                return None  # \Z, \R spelled as a letter the network uses (Z, R): read as that letter
            return f"not the class's reason: {message}"
    return None


def test_every_macro_of_the_inventory_has_a_class_and_is_read_or_named():
    plain = parse_claim(PLAIN, depth=2)
    names = sorted(set(surface.inventory_names()))
    assert len(names) > 1000  # KaTeX's whole list, not a sample
    wrong = {name: why for name in names if (why := _walk(name, plain)) is not None}
    assert wrong == {}


def test_every_environment_has_a_class_and_a_reason():
    for env in surface.ENVIRONMENT_NAMES:
        what = surface.ENVIRONMENTS[env]
        try:
            parse_claim(rf"\delta^{{(2)}} = \begin{{{env}}} 1 \\ 2 \end{{{env}}}", depth=2)
        except (NeedsLayer, NoSuchLayer):
            continue
        except Unreadable as exc:
            if what not in ("rows", "wrapper", "matrix", "cases"):
                assert what in str(exc), env
            else:
                assert "is not supported inside a formula" not in str(exc), env


def test_an_elided_sum_is_not_judged_and_says_why():
    got = Judge(D).check(extract(r"$$\frac{\partial J}{\partial b^{(2)}_1} = \hat{y}_1 - y_1 + \cdots \tag{x}$$")[0])
    assert got.verdict == "unchecked"
    assert "\\cdots is a known LaTeX macro" in got.message and "write the sum with \\sum" in got.message


def test_rewriting_is_linear_on_hostile_layout():
    """Frames, drops and implications repeated, nested or unclosed: one forward pass (bounded lookahead)."""
    for text in ("\\boxed{" * 20000, "\\boxed{a=" * 20000 + "}" * 20000, "\\color{" * 20000, "\\implies " * 20000,
                 "\\overline{W^{(1)" * 10000, "\\stackrel{" * 20000, "\\kern" * 20000,
                 "\\stackrel{a}{=}" * 20000, "\\textcolor{a}{b=" * 20000, "\\hat{y_" * 20000):
        start = time.process_time()
        surface.rewrite(text)
        surface.split_statements(text)
        assert time.process_time() - start < 2.0, text[:20]
