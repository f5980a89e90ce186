"""Judge claims: evaluate each side against the derived truth, decide the verdict, diagnose what is wrong.

Symbolic claims are evaluated at several random points (random weights, a random input, a one-hot target)
for a batch of ``batch`` samples (1 unless the answers file says otherwise). Numeric claims of a worked
example are evaluated at the ``[values]`` of the answers file, with a tolerance that follows the digits
written; a value that is wrong but right given the answer's own earlier values is an error carried forward.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import math
import re
import zlib
from collections import Counter
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace

import numpy as np
import sympy as sp
from gradproof.derive import activations as act_registry
from gradproof.derive import limits
from gradproof.derive.calculus import derivative
from gradproof.derive.errors import AnswerError
from gradproof.derive.numeric import elementwise, softmax
from gradproof.derive.symbols import X as XSYM

from . import columnsample, layerdots, orientation, penaltyscale, recurrences, scalarunits, stochastic
from . import expected as expected_mod
from .biascolumn import over_examples
from .colours import without_coloured
from .copied import keep, stated_wrong, with_truths
from .diagnose import diagnose, epsilon_misplaced
from .digitlayers import NOTE as DIGIT_NOTE
from .digitlayers import rewritten as digit_layers
from .foreign import (
    first_moment_step,
    formula_loss,
    momentum_claim,
    momentum_judge,
    nesterov_moment,
    other_loss,
    other_step,
    section_loss,
    variant_judges,
)
from .infer import NOWHERE_FINITE, TRANSPOSED_INPUT, illustrates_a_product, index_value, letter_name, names_a_map
from .jacobianlayout import DENOMINATOR_LAYOUT, chain_claim, jacobian_claim, unfixed_layout
from .layerscope import scope_layers, scope_values
from .lossfunction import NOTE as ONE_EXAMPLE_LOSS
from .lossname import DEFINES_OBJECTIVE, named_scales
from .modules import ModuleReading
from .ngtheta import NOTE as NG_NOTE
from .ngtheta import OPTIONS as NG_OPTIONS
from .ngtheta import UNREAD as NG_UNREAD
from .ngtheta import numbering_open, writes_theta
from .normalize import (
    drop_index_range,
    drop_time_argument,
    fold_unicode,
    layer_functions,
    normalize,
    primed_names,
    squeeze_space,
    uses_time_argument,
)
from .onesample import NOTE as ONE_SAMPLE_NOTE
from .onesample import by_the_batch, one_sample_claim, sample_section
from .otherobjective import NOTE as OTHER_OBJECTIVE
from .otherobjective import other_loss_judge
from .ownalgorithm import judged_as_its_own
from .ownvalues import OWN_EXAMPLE, given_rows, listed_values
from .parser import LOOSE, PAREN_LAYER_LETTERS, Notation, _parse_new, parse_claim, parse_expr
from .scalarcase import SCALAR_TOO, scalar_style
from .shapes import (
    DOT,
    GRADIENT_ROWS_WEIGHT,
    NUMERATOR_LAYOUT,
    ONE_BY_ONE,
    UNRESOLVED,
    BatchDiagonal,
    Context,
    Flat,
    ShapeMismatch,
    evaluate,
    evaluate_over,
    fmt,
    free_indices,
    gradient_of_scalar,
    index_sizes,
)
from .surface import split_statements, split_top_level
from .symbolic import prove_equal
from .tree import (
    NO_BIAS,
    NO_SUCH_LAYER,
    PARAM,
    FlatShape,
    NeedsLayer,
    Node,
    NoSuchLayer,
    Unreadable,
    is_bias,
    literal_op,
    no_quantity,
    quantity_tex,
    show,
)
from .truth import LATER_STEP, Truth, check_finite, key, not_finite, split_key, state_kind, weight_kind

VERDICTS = ("correct", "carried_forward", "incorrect", "unchecked")
#: the largest quantity an expression's derivative is taken by (two forward passes per entry)
MAX_VARIED_ENTRIES = 256
#: statements (joined by \implies, \therefore …) or rows (\\, ", \qquad", \text{and}) one claim may hold, and links of
#: a chain (a = b = c: two): each is checked as a claim of its own, several times during inference, so a longer claim is
#: not judged (``_set_aside``)
MAX_PARTS = 200
#: statements and equations of all claims together (a display of several counts each, a chain each link; the 2000 displays of
#: answers.MAX_CLAIMS are the other bound), and the characters of one claim: past them a claim is not judged
MAX_TOTAL_PARTS = 2000
MAX_CLAIM_CHARS = 20_000
#: and the memory its raised and lowered forward passes may take
MAX_VARIED_BYTES = 64 * 2**20
TIGHT = 1e-6  # relative tolerance of symbolic comparisons (float64 evaluation of the same function)
RELATIVE_FLOOR = 0.01  # numeric claims: at least 1 % relative, as common autograders accept
#: a parameter after a step: its relative floor is at most this part of the step's change (the rounding of the numbers
#: a hand computation carries into it, a δ written to two digits, stays within a few per cent of the change)
STEP_FLOOR = 0.1
#: arithmetic on rounded numbers whose rounding is carried (Judge._propagated): the spread already allows for the
#: rounding, so the floor is a grader's 0.2 % (written.py), not 1 % -- a swapped pair of operands (0.4 × 0.6225 +
#: 0.6 × 0.6457 for 0.4 × 0.6457 + 0.6 × 0.6225) moves the sum by 0.6 %, a slip, not a rounding
ARITHMETIC_FLOOR = 0.002


@dataclass(frozen=True)
class Claim:
    id: str
    latex: str
    quantity: str | None = None
    where: str = ""
    #: an equation chain over rows (a &= b \\ &= c): each row's id (line N.k) and how many sides it adds, first row
    #: first; each row is judged as a step of its own (chainrows.py). One entry: the claim's id by its row's number
    #: (an alias, when rows joined before it make that differ from its number among the display's claims)
    rows: tuple = ()
    #: the claim as typed, when a plain-text reading rewrote ``latex`` (answers._claims): the optimizer walk-through
    #: reads its lists (``[1, 10]``) and steps as written (walkthrough.apply)
    typed: str = ""


@dataclass
class ClaimResult:
    """A verdict is data: what was decided, the expected expression, why, and a counterexample."""

    id: str
    latex: str
    verdict: str
    expected: str
    message: str
    quantity: str | None = None
    tolerance: str | None = None
    diagnosis: str | None = None
    diagnosis_key: str | None = None
    counterexample: dict | None = None
    notes: list = field(default_factory=list)
    links: list = field(default_factory=list)
    rows: list = field(default_factory=list)  # a chain's rows, each a ClaimResult under its row id (chainrows.py)

    def to_dict(self) -> dict:
        return asdict(self)

    def unjudge(self, message: str | None = None) -> None:
        """No verdict after all: ``unchecked``, with no expected value, diagnosis or counterexample (``message``, when
        given, the reason; else the caller sets it)."""
        self.verdict, self.expected, self.diagnosis, self.diagnosis_key, self.counterexample = "unchecked", "", None, None, None
        if message is not None:
            self.message = message


@dataclass
class _Link:
    verdict: str
    message: str = ""
    tolerance: str | None = None
    diagnosis: tuple | None = None
    counterexample: dict | None = None
    expected: str | None = None
    #: an incorrect formula link that holds at every sample point where the ReLU-like layers' pre-activations are all
    #: positive (_on_active_branch): why it is unchecked in a worked example, whose own numbers decide the branch
    branch: str | None = None


#: a chain's message when its first link is the wrong one ("for layer 1: link 1 of 2: …")
_FIRST_LINK_WRONG = re.compile(r"(?:for [^:]{1,40}: )?link 1 of \d+:")
#: wrong formula links remembered for the errors carried forward (Judge._carried_symbolic)
MAX_WRONG_LINKS = 2000
#: earlier wrong links of the same parameter and layer compared with one claim's, at most
MAX_CARRY_TRIES = 50
#: gradient kinds by the parameter they are the gradient of; a step's kinds
_GRADIENT_OF = {"dW": "W", "dWL": "W", "dWb": "Wb", "db": "b", "dbL": "b"}
_STEP_OF = {"W_next": "W", "b_next": "b"}


def _carry_key(node) -> tuple | None:
    """What a claim's target is, for an error carried forward: ("grad", parameter, layer, entry) for a gradient,
    ("step", …) for a step (the new value, or its change W_next − W), ("same", kind, layer, entry) for another
    quantity; None for anything else."""
    def unwrap(n):
        if n.op in ("entry", "comp") and n.args and n.args[0].op == "q":
            return n.args[0].value, n.value
        return (n.value, None) if n.op == "q" else (None, None)

    if node.op == "sub" and len(node.args) == 2:
        (a, ia), (b, ib) = unwrap(node.args[0]), unwrap(node.args[1])
        if a and b and a[0] in _STEP_OF and _STEP_OF[a[0]] == b[0] and a[1] == b[1] and ia == ib:
            return ("step", b[0], b[1], ia)
        return None
    value, idx = unwrap(node)
    if value is None or not isinstance(value, tuple) or len(value) != 2:
        return None
    kind, layer = value
    if kind in _GRADIENT_OF:
        return ("grad", _GRADIENT_OF[kind], layer, idx)
    if kind in _STEP_OF:
        return ("step", _STEP_OF[kind], layer, idx)
    return ("same", kind, layer, idx)


def _applied(layers) -> list:
    """The layers whose activation applies entry by entry: all but a softmax output (a Jacobian, never written as a
    generic σ(z))."""
    return list(layers[:-1]) if len(layers) > 1 and layers[-1].activation == "softmax" else list(layers)


class _Varied(Mapping):
    """One varied pass of ``Judge._varied``: the quantities with ``b`` (a forward quantity, its base array ``base`` in
    the row layout) set to ``value`` and what follows recomputed, in the answer's layout, each converted when first
    read. A forward quantity comes from the forward pass alone; anything else an expression names (a δ, a loss) from
    the whole computation, run only then. A quantity equal to ``b`` at the base point (ŷ and the last layer's h: one
    array by two names) is the varied ``b``. ``now``: the base point's quantities (``Truth.course_view``);
    ``run(value, forward_only)``: the computation with ``b`` set to ``value``."""

    def __init__(self, truth: Truth, now: Mapping, b: tuple, run, base: np.ndarray, value: np.ndarray) -> None:
        self._truth, self._now, self._b, self._run, self._base, self._value = truth, now, b, run, base, value
        self._forward = truth.course_view(run(value, True))
        self._full: Mapping | None = None
        self._memo: dict = {}

    def __getitem__(self, q: tuple) -> np.ndarray:
        if q not in self._memo:
            if q != self._b and self._alias(q):
                self._memo[q] = self[self._b]
            elif q in self._forward:
                self._memo[q] = self._forward[q]
            else:
                if self._full is None:
                    self._full = self._truth.course_view(self._run(self._value, False))
                self._memo[q] = self._full[q]
        return self._memo[q]

    def __contains__(self, q) -> bool:
        return q in self._now

    def __iter__(self):
        return iter(self._now)

    def __len__(self) -> int:
        return len(self._now)

    def _alias(self, q: tuple) -> bool:
        now, b = self._now, self._b
        return q in now and np.shape(now[q]) == np.shape(now[b]) and np.array_equal(now[q], now[b])

    def reaching(self) -> _Varied:
        """This pass with the varied entries of ``b`` made NaN instead: which values depend on them at all."""
        return _Varied(self._truth, self._now, self._b, self._run, self._base,
                       np.where(self._value != self._base, np.nan, self._base))

    def flat(self) -> bool:
        """Whether the step changed no forward quantity but ``b`` (and its other names): the network is flat there (an
        inactive ReLU), so an expression unchanged by it has derivative 0, not one too small to show."""
        return all(q == self._b or self._alias(q) or np.array_equal(self._forward[q], self._now[q]) for q in self._forward)

def quiet_numerics(function):
    """``function`` run with NumPy's floating-point warnings off (issue 12, round fifteen). A non-finite value met while a
    claim is judged (``0 \\cdot \\log 0``, a reading that takes the log of a negative z, ∞ − ∞) is the verdict's business
    — ``unchecked`` saying the value is not finite where the derived result is (``NOWHERE_FINITE``), or a reading scored
    as unread — never a ``RuntimeWarning`` on stderr (the CLI's ``cmd_verify`` had this; a library caller of
    ``verify_file``, ``Judge`` or the autograder's grading did not). The one place every entry of verify takes it from."""

    @functools.wraps(function)
    def quiet(*args, **kwargs):
        with np.errstate(all="ignore"):
            return function(*args, **kwargs)
    return quiet


class Judge:
    """Checks claims about one network. ``values`` (row layout: x, y, W1, b1, …) makes it a worked example."""

    @quiet_numerics
    def __init__(self, derivation, batch: int = 1, values: dict | None = None, notation: Notation | None = None,
                 points: int = 3, seed: int = 0):
        notation = notation or Notation()
        self.declared = notation  # the answer's own [notation] (inference never changes what it declares)
        self.d, self.net = derivation, derivation.network
        self.batch = batch
        self.truth = Truth(derivation, batch)
        own = dict(notation.options).get("convention")  # the answer's own [notation] convention: how its W lies
        self.truth.transposed = own is not None and own != self.net.convention and not self.net.has_kinds
        customs = tuple((layer.activation, layer.activation) for layer in self.net.layers if layer.formula is not None)
        params = tuple(sorted({k for layer in self.net.layers for k, _ in layer.params}))
        self.notation = replace(notation, functions=notation.functions + customs,
                                states=_state_letters(self.truth.state_names(), self.net.optimizer.name) + notation.states,
                                options=notation.options + (("batch", batch), ("sizes", tuple(self.net.sizes)),
                                                            ("convention", self.convention),
                                                            ("activations", tuple(ly.activation for ly in self.net.layers)),
                                                            ("penalised", self.net.regularizer is not None))
                                + ((("momentum_variant", self.net.options_dict.get("variant", "classic")),)
                                   if self.net.optimizer.name == "momentum" else ())  # (Δw(t−1): parser.previous_change)
                                + ((("param_names", params),) if params else ()))  # \mathrm{y}: the parameter (parser)
        self.consts = self._constants()
        self.numeric = values is not None
        self.foreign = dict(values.get("foreign") or {}) if values else {}  # claim id -> its section's own problem
        self.apart = tuple(values.get("apart") or ()) if values else ()  # sections with a tiny example (sections.py)
        #: where the numbers come from, for a counterexample: an answers file's [values] or a document's own example
        self.values_point = ("the values of the document's own worked example"
                             if values is not None and values.get("source") == OWN_EXAMPLE else "the [values] of the answers file")
        self.stated: dict[str, np.ndarray] = {}  # the answer's own values so far (row layout)
        self.stated_ok: dict[str, bool] = {}
        self.copied: list = []  # numbers incorrect claims ended on, with their true values (verify/copied.py)
        #: without [values]: (notation, show() of a quantity) -> (the number a claim stated for it, the claim's id, its
        #: num node) — Judge._state_own_number
        self.own_stated: dict[tuple, tuple] = {}
        #: claim id -> {id: verdict} of the earlier claims whose stated numbers it put in (Judge._tied), each with the
        #: verdict that claim had when its number was kept (Judge._unjudge_leaning)
        self._leaned: dict[str, dict[str, str]] = {}
        self._tying: str | None = None  # the claim whose substituted numbers _tied is checking
        self.own_arrays: dict[tuple, np.ndarray] = {}  # matrices of numbers the answer gives for a letter (Judge._tied)
        self._claim_order: dict[str, int] = {}  # claim id -> when it was first judged (the answer's order)
        self._products: tuple = ()  # operator symbols the document's prose defines as ⊙ (check_all, proseoperators.py)
        self._layered: frozenset | None = None  # the letters the answer writes with a layer script (_layered_letters)
        self._subject = None  # the first side of the claim being judged (copied.with_truths)
        self._fn_cache: dict = {}
        self._repeat: bool | None = None  # whether the [values] repeat a number (_values_repeat)
        self._distinct = None  # (states, rows, envs) at the [values] made distinct (distinct_values)
        self._at_distinct = False  # judging there now
        self._sample_judge: Judge | None = None  # a judge of one example for claims written per sample (_written_for_one_sample)
        self._step_judge: list | None = None  # [a judge of one example on the answer's own scale there] (_stochastic_check)
        self._scalar_judge: list = []  # [the judge of the network's one-unit copy, once made] (_scalar_case)
        self._own_cost: list = []  # [the answer's per-example cost factor, once read] (_on_own_example_cost)
        rng = np.random.default_rng(seed)
        if self.numeric:
            self.points = [(values["params"], values["x"], values["y"])]
            # numbers the answer was given (its [values], the spec's hyperparameters): exact where they are written
            self.given = {float(v) for arr in (*values["params"].values(), values["x"], values["y"])
                          for v in np.ravel(np.asarray(arr, dtype=float))[:10000]} | {
                float(v) for v in self.consts.values()}
        else:
            self.points = [self.truth.random_point(rng) for _ in range(points)]
        self.states = [None] * len(self.points)  # the optimizer state before the step: None = the first step
        with np.errstate(all="ignore"):
            self.rows = [self.truth.compute(*p) for p in self.points]
        if self.numeric:
            check_finite(self.rows[0], values.get("source", "answers file"))  # overflowing [values]: refused, not judged
        else:  # a random point where the network itself overflows (exp(exp(…)) in a layer) cannot judge any claim
            # (only the next step overflowing — a huge learning rate — leaves the point usable: claims about the next
            # step read its values and say they are not finite)
            kept = [i for i, r in enumerate(self.rows) if not_finite({k: v for k, v in r.items() if not k.endswith("_next")}) is None]
            if not kept:
                raise AnswerError(f"{self.net.source or self.net.name}: the network's values overflow float64 "
                                  f"({not_finite(self.rows[0])} is not finite) at every sample point, so no claim can be "
                                  "checked; gradproof derive refuses it too")
            self.points, self.rows = [self.points[i] for i in kept], [self.rows[i] for i in kept]
            self.states = [None] * len(self.points)
        self._later = None
        self._seed = seed
        self._one_example: Judge | None = None  # a batch document's claims about one example (_example_judge)
        self._mean_judge: list | None = None  # [a judge with a batch] for a 1/n written in a one-example document
        self._sum_letters: frozenset | None = None  # the index letters the answer sums with a written \sum
        self.minibatch = False  # the document's prose trains on minibatches (check_all reads it from the claims)
        self.unit_code: tuple = ()  # a forward pass sketched unit by unit in a code block (scalarunits, check_all)
        self.section_losses: dict = {}  # claim id -> the loss its section's heading names ("## MSE")
        self.rows_stated = False  # the text gives a batch its examples as rows (X ∈ ℝ^{B × 784})
        self.gradient_rows = False  # the prose says one sample's gradients are rows (document._ROWS_PROSE)
        self.rate_letter: str | None = None  # the letter the prose names the learning rate by (document.rate_letter)
        self._case_scope: str | None = None  # the layers one case of a claim is about (_cases_by_layer)
        self._example_cost = False  # the answer names its cost's one example, J(W,b; x,y) (_named_example_cost)
        self._example_loss: re.Pattern | None = None  # its E_n, after E = Σ_n E_n (_summed_example_losses)
        self._penalty_judge: list | None = None  # [a judge with the penalty on the other scale] (penaltyscale.py)
        self._ng_judge: list | None = None  # [a judge in Ng's Machine Learning numbering] (ngtheta.py)
        self._given_orientations: dict | None = None  # x, weights given in another orientation (givenorientation.py)
        self._own_penalty: list | None = None  # [the id of the answer's objective that sets the penalty's scale, or None]
        # the layouts an answer may use: one sample as a column or a row; a batch with samples as rows or columns.
        # Declared in [notation] (layout = "columns" | "rows"), else decided claim by claim from the shapes (see check)
        default = self.truth.samples
        declared = dict(notation.options).get("layout")
        self.layouts = [declared] if declared else [default] + [s for s in ("columns", "rows") if s != default]
        self.votes = {s: 0 for s in ("columns", "rows")}
        self.inferred: tuple = ()  # what the answer's definitions made us read differently (infer.py)
        #: ids of the claims verify rewrote into its own quantities (modules.py): their layer numbers are gradproof's, no
        #: evidence of how the answer numbers its layers (infer.structure does not count them)
        self.rewritten: frozenset = frozenset()
        #: of those, the ids read with gradproof's own layer numbers whatever the answer's (onelayer.py's generic layer)
        self.own_numbers_aside: frozenset = frozenset()
        self._claims: list = []  # the answer's claims (check_all): its definitions bind function letters to layers
        self._voted = False  # check_all counted every claim's layout evidence first
        self._own_mask: str | None = None  # the answer's A_l * D_l inside a weighted layer's formula (_masks_its_own_layers)
        self._judging_rows = False  # a chain's rows judged as steps keep none of the answer's values (chainrows.py)
        self._checking: Claim | None = None  # the claim being judged (_check_in; _diagonal_stated)
        #: (claim id, expected, target, its values, the claim's values) of each formula link judged incorrect, for the
        #: errors carried forward (_carried_symbolic); at most MAX_WRONG_LINKS
        self._wrong_links: list = []
        self.numerator = False  # the answer writes the chain rule in the numerator layout (check_all): gradients are rows
        self._pre: dict = {}  # (claim id, latex, layout) -> its result from the layout vote, for check() to reuse
        #: identical claims judged once (_check_in) while the answer's reading is fixed (the layout vote and the claims'
        #: loop of check_all): what a check depends on besides the claim's text -> its result; None: not memoised
        self._memo: dict | None = None
        #: the check being made consulted the claim's place among the others or a state judging it changes (a
        #: judge of one example, the rows the answer defines, the sentence's layers): its result is not memoised
        self._history = False
        self._row_definitions: tuple = (-1, frozenset())  # (len(defining), the ids whose rows define own symbols)
        self._own_votes: dict = {}  # (claim id, latex) -> the layout a claim (not a forward definition) voted for
        self._survey: bool | None = None  # the answer sets out several optimizers' steps (_surveys_optimizers)
        self._momentum: list | None = None  # [a judge under Ng's momentum] (_as_momentum_step), made once
        self._variants: list | None = None  # [(variant, judge)] of momentum's other variants (_in_another_variant)
        self._variant_of: str | None = None  # (set on such a judge: the spec's own variant; it makes none itself)
        self._letter_layers: dict | None = None  # a function letter's layers from its own definition (_identity)
        self._letter_first: dict = {}  # the claim id of that definition, per letter
        self._function_defs: list | None = None  # (claim id, letter, body) of its function definitions (_one_of_several_…)
        self._labels: set | None = None  # index letters the answer sets as the true class, y_c = 1 (_about_the_label)
        self.prose_labels: tuple = ()  # letters its prose names the true class by, "true class $c$" (check_all)
        self.defining: dict = {}  # claim id -> the answer's own symbol it defines (infer.own_symbols)
        self._jac_cache: dict = {}  # (rows, a, b) -> ∂a/∂b at that point (_jacobian)
        self._formulas: dict = {}  # (quantity, batch, samples) -> its expected LaTeX (_expected_for)
        self._units_ok: bool | None = None  # the unit-letter reading confirmed by the answer's definitions
        self._env_cache: dict = {}  # (layout, W transposed) -> (rows, their course values): _use
        #: claim id -> why it is unchecked: its verdict depends on how the answer writes W, which it does not settle
        self.orientations: dict = {}
        self._oriented = self.truth.transposed  # the orientation of the answer as a whole
        self.orientation_settled = self._oriented  # its forward definitions (or [notation]) fixed it (orientation.py)
        self.verdicts_only = False  # scoring notation readings (infer.py): skip diagnoses and proofs, verdicts only
        self._dots_orders: dict = {}  # (claim, letter, reading) -> whether its layers are tried from the last (_dots_order)
        self._use(self.layouts[0])

    def _use(self, samples: str) -> None:
        """Evaluate claims in the layout ``samples`` from now on."""
        if samples == self.truth.samples and getattr(self, "envs", None) is not None:
            return
        self.truth.samples = samples
        cached = self._env_cache.get((samples, self.truth.transposed))  # each layout's values made once
        if cached is not None and cached[0] is self.rows:
            self.envs = cached[1]
        else:
            self.envs = [self.truth.to_course(r) for r in self.rows]
            self._env_cache[(samples, self.truth.transposed)] = (self.rows, self.envs)
        self._later = self._distinct = None

    @property
    def convention(self) -> str:
        """The answer's own convention: the spec's, or the other one when its W is the spec's transpose."""
        return {"row": "column", "column": "row"}[self.net.convention] if self.truth.transposed else self.net.convention

    def _orient(self, transposed: bool) -> None:
        """Read the answer's W as the spec's transpose (``True``) or as the spec lays it out, from now on: its values
        (W, ∂J/∂W, the step, the states), entries w_{jk} (the parser's ``convention`` option) and expected forms."""
        if transposed != self.truth.transposed:
            self.truth.transposed = transposed
            samples, self.envs = self.truth.samples, None
            self._use(samples)
        self._sync_convention()

    def _sync_convention(self) -> None:
        """The parser reads W's entries (w_{jk}) in the answer's convention: keep its option in step with the truth."""
        if dict(self.notation.options).get("convention") != self.convention:
            kept = tuple(o for o in self.notation.options if o[0] != "convention")
            self.notation = replace(self.notation, options=kept + (("convention", self.convention),))

    def _values_repeat(self) -> bool:
        """Whether the [values] (or the document's own example) give two parameter or input entries the same number."""
        if not self.numeric:
            return False
        if self._repeat is None:
            params, x, _ = self.points[0]
            numbers = [round(float(v), 12) for arr in (*params.values(), x)
                       for v in np.ravel(np.asarray(arr, dtype=float))[:10000]]
            self._repeat = len(set(numbers)) < len(numbers)
        return self._repeat

    @contextlib.contextmanager
    def distinct_values(self):
        """Judge at the [values] with every parameter and input entry moved to a number of its own (the target kept): a
        formula link that holds at the example only because two of its values are equal does not hold there."""
        if self._distinct is None:
            params, x, y = self.points[0]
            rng = np.random.default_rng(self._seed + 7)

            def moved(arr):  # (near the example: each entry moved by 1-6 % and ± 0.01, no two alike)
                a = np.array(arr, dtype=float)
                return a * (1.0 + rng.uniform(0.01, 0.06, a.shape)) + rng.uniform(-0.01, 0.01, a.shape)

            tied = "mazur" in dict(self.notation.options)  # (Mazur's one bias per layer stays one number: b_1 in both sums)
            point = ({k: (_one_bias(moved(v)) if tied and _BIAS_KEY.fullmatch(k) else moved(v))
                      if k in self.truth.params else v for k, v in params.items()}, moved(x), y)
            with np.errstate(all="ignore"):
                row = self.truth.compute(*point)
            self._distinct = ([None], [row], [self.truth.to_course(row)], [point])
        saved = (self.states, self.rows, self.envs, self.points)
        self.states, self.rows, self.envs, self.points = self._distinct
        self._at_distinct = True
        try:
            yield
        finally:
            self.states, self.rows, self.envs, self.points = saved
            self._at_distinct = False

    @contextlib.contextmanager
    def later_step(self):
        """Judge at a later step (a random non-zero state before it, t = LATER_STEP + 1): for a recurrence
        ``S <- beta S + ...`` whose right side names the state before the step, zero at the first step."""
        if self._later is None:
            rng = np.random.default_rng(self._seed + 1)
            states = [self.truth.later_state(p[0], rng) for p in self.points]
            rows = [self.truth.compute(*p, state=st) for p, st in zip(self.points, states, strict=True)]
            self._later = (states, rows, [self.truth.to_course(r) for r in rows])  # in the current layout (_use resets it)
        saved = (self.states, self.rows, self.envs, self.consts.get("t"))
        self.states, self.rows, self.envs = self._later
        self.consts["t"] = float(LATER_STEP + 1)
        try:
            yield
        finally:
            self.states, self.rows, self.envs = saved[:3]
            if saved[3] is None:
                self.consts.pop("t", None)  # (a spec that counts no steps has no t outside this step)
            else:
                self.consts["t"] = saved[3]

    # -- constants and functions -------------------------------------------------------------------
    def _constants(self) -> dict[str, float]:
        net = self.net
        c = {"N": float(self.batch), "e": float(np.e), "pi": float(np.pi)}
        written = dict(self.notation.options).get("examples_written")
        if written and self.batch > 1:
            c["N_written"] = float(written)  # the answer's own batch (its X written out): a sum to it runs over the batch
        if {"beta1", "beta2"} & set(net.hyper_dict):
            c["t"] = 1.0  # the step count of Adam's bias correction; no other spec counts steps (a bare t is no number)
        if net.regularizer is not None:
            c["lambda"] = net.reg_lambda
        hyper = net.hyper_dict
        names = {"learning_rate": "lr", "momentum": "mu", "beta": "beta", "beta1": "beta1", "beta2": "beta2", "epsilon": "epsilon",
                 "rho": "rho"}
        for k, v in hyper.items():
            if k in names:
                c[names[k]] = v
        if "weight_decay" in hyper and "lambda" not in c:
            c["lambda"] = hyper["weight_decay"]  # Loshchilov & Hutter's λ: AdamW's decay (no penalty term beside it)
        layer_params: dict[str, set] = {}
        for layer in net.layers:
            for k, v in layer.params:
                layer_params.setdefault(k, set()).add(v)
        for k, vs in layer_params.items():
            if len(vs) == 1:
                v = vs.pop()
                c[PARAM + k] = v  # its own key: \mathrm{k} as the proof writes it, or a bare letter (parser)
                if k not in _INTERNAL_CONSTANTS:
                    c[k] = v  # a layer's parameter (gamma of leaky ReLU, alpha of ELU) wins over the optimizer's letter
        if "beta" not in c and "mu" in c:
            c["beta"] = c["mu"]  # Ng writes momentum's μ as β: v = β v + (1 − β) dW
        if "alpha" not in c and "lr" in c:
            c["alpha"] = c["lr"]
        return c

    def functions(self, name, layer, deriv, arg_node: Node, value: np.ndarray) -> np.ndarray:
        density = lambda v: np.exp(-np.square(v) / 2) / np.sqrt(2 * np.pi)  # noqa: E731  (the standard normal's)
        simple = {"log": np.log, "exp": np.exp, "sqrt": np.sqrt, "abs": np.abs, "sign": np.sign, "erf": _erf,
                  "sech": lambda v: 1 / np.cosh(v), "cosh": np.cosh, "sinh": np.sinh, "sin": np.sin, "cos": np.cos,
                  "normcdf": lambda v: (1 + _erf(np.asarray(v, dtype=float) / np.sqrt(2))) / 2, "normpdf": density}
        slopes = {"exp": np.exp, "sinh": np.cosh, "cosh": np.sinh, "sech": lambda v: -np.tanh(v) / np.cosh(v),
                  "sin": np.cos, "cos": lambda v: -np.sin(v), "log": lambda v: 1 / v,  # (cosh'(z), \exp'(z) …)
                  "normcdf": density, "normpdf": lambda v: -v * density(v)}
        if name in ("lse", "logsoftmax", "rowsum"):  # Shreyansh's LSE(z), logsoftmax(z), rowsum(G_A): one example's
            if deriv:                                 # entries at a time, kept as a column (B × 1) beside the batch
                raise Unreadable(f"the derivative of {name} is not supported; write it out")
            return columnsample.per_example(name, np.asarray(value, dtype=float),
                                            0 if self.truth.samples == "columns" else 1)
        if name in simple:
            if deriv and name not in slopes:
                raise Unreadable(f"the derivative of {name} is not supported; write it out")
            with np.errstate(all="ignore"):
                return (slopes if deriv else simple)[name](value)
        base = arg_node
        while base.op in ("comp", "entry", "sample") and base.args:
            base = base.args[0]
        if layer is None and base.op == "q" and base.value[0] in ("z", "h"):
            layer = base.value[1]
        if name == "phi" and layer is None:  # NYU's \hat y = g(W_y h + b_y): the layer whose parameters it sums
            summed = {n.value[1] for n in arg_node.walk() if n.op == "q" and n.value[0] in ("W", "b", "z")
                      and isinstance(n.value[1], int)}
            layer = summed.pop() if len(summed) == 1 else None
        if name == "phi" and layer is None and len({(ly.activation, ly.params) for ly in _applied(self.net.layers)}) == 1:
            layer = 1  # Rojas's s(x): every layer has the same activation (a softmax output aside), so a generic one is it
        if name == "phi":
            if layer is None or not 1 <= layer <= self.net.depth:
                raise Unreadable("a generic activation needs its layer, e.g. \\varphi^{(2)}(z^{(2)}) or g(z^{(2)})")
            target = self.net.layers[layer - 1]
        else:
            target = self._layer_with(name, layer)
        if target is not None and target.definition is None or name == "softmax":
            if arg_node.op in ("entry", "comp") and np.ndim(value) == 0:
                # 11-785's y_j^{(k)} = f_k(z_j^{(k)}) at the softmax layer: a unit's own function of its own entry, which
                # a softmax (of every entry) is not — the per-unit form is about the layers it applies to
                raise Unreadable(_SOFTMAX_ENTRY + " (f(z_j) of the softmax layer)")
            if deriv:
                raise Unreadable(_SOFTMAX_SLOPE)
            return softmax(value, axis=0 if self.truth.samples == "columns" else 1)
        if target is not None:
            definition, params = target.definition, target.param_values
        else:
            entry = act_registry.lookup(name)
            if entry is None or entry.definition is None:
                raise Unreadable(f"unknown function {name}")
            definition, params = entry.definition, {entry.symbols[k]: v for k, v in entry.params.items()}
        cache_key = (definition, tuple(sorted(params.items(), key=str)), deriv)
        if cache_key not in self._fn_cache:
            expr = derivative(definition) if deriv else definition
            self._fn_cache[cache_key] = elementwise(expr, [XSYM], params)
        with np.errstate(all="ignore"):
            return self._fn_cache[cache_key](value)

    def _layer_with(self, name: str, layer: int | None):
        entry = act_registry.lookup(name)
        canon = entry.name if entry else name
        layers = self.net.layers
        if layer is not None and 1 <= layer <= len(layers) and layers[layer - 1].activation == canon:
            return layers[layer - 1]
        same = [lay for lay in layers if lay.activation == canon]
        return same[0] if same else None

    def context(self, env) -> Context:
        i = next((k for k, e in enumerate(self.envs) if e is env), None)
        own = env if i is None else None  # (the answer's own values, _student_envs: a derivative at its stated point)
        i = 0 if i is None else i
        return Context(env, self.consts, self.functions, self.net.convention, samples=self.truth.samples,
                       jacobian=lambda a, b, raw=False: self._jacobian(i, a, b, raw, own), broadcast=self.net.has_kinds,
                       vary=(lambda b: self._varied(i, b)) if self.batch == 1 else None,
                       denominator=self._denominator_layout(), weights=self.convention,
                       weight_units=bool(dict(self.notation.options).get("weight_units")), numerator=self.numerator,
                       rows=self.gradient_rows and self.batch == 1)

    def _varied(self, i: int, b: tuple) -> list:
        """The network's values at point ``i`` with each entry of the forward quantity ``b`` raised and lowered by a
        step (the rest of the forward pass recomputed), in the answer's layout: for ∂E/∂b of an expression E. Each
        varied pass is the forward pass alone, converted as E reads it (``_Varied``)."""
        k = (id(self.rows[i]), b, "varied", self.truth.samples, self.truth.transposed)
        if k not in self._jac_cache:
            params, X, Y = self.points[i]
            kb = key(*b)
            if kb not in self.rows[i]:
                raise Unreadable(f"the network has no quantity {kb}")
            base = np.asarray(self.rows[i][kb], dtype=float)
            if base.size > MAX_VARIED_ENTRIES:
                raise Unreadable(f"the derivative of an expression is read by a quantity of at most {MAX_VARIED_ENTRIES} entries")
            step = 1e-6 * max(1.0, float(np.max(np.abs(base))))
            now = self.truth.course_view(self.rows[i])
            if b not in now:
                raise Unreadable(f"the network has no quantity {kb} in this layout")
            if 2 * base.size * now.nbytes() > MAX_VARIED_BYTES:
                raise Unreadable("the derivative of an expression is not read for a network this large (the forward pass "
                                 f"is kept for each of the {base.size} entries)")

            def run(value: np.ndarray, forward_only: bool) -> dict:
                # kept in the row layout: one computation serves every layout inference reads the claim in
                ran = ("run", id(self.rows[i]), kb, value.tobytes(), forward_only)
                if ran not in self._jac_cache:
                    self._jac_cache[ran] = self.truth.compute(params, X, Y, over={kb: value}, forward_only=forward_only)
                return self._jac_cache[ran]

            out = []
            for j in range(base.size):
                e = np.zeros(base.size)
                e[j] = step
                pair = []
                for sign in (1, -1):
                    env = _Varied(self.truth, now, b, run, base, base + sign * e.reshape(base.shape))
                    moved = np.ravel(np.asarray(env[b], dtype=float) - np.asarray(now[b], dtype=float))
                    if not np.allclose(moved, sign * e, rtol=0, atol=1e-3 * step):
                        raise Unreadable(f"the derivative by {kb} of an expression is not read here")
                    pair.append(env)
                out.append((pair[0], pair[1], step))
            self._jac_cache[k] = out
        return self._jac_cache[k]

    def _denominator_layout(self) -> bool:
        """Whether the answer writes its Jacobians in the denominator layout (declared, or its chain order:
        jacobianlayout.py): its ∂J/∂x is then a column, as its chain rule makes it."""
        return dict(self.notation.options).get("jacobian") == "denominator"

    def _jacobian(self, i: int, a: tuple, b: tuple, raw: bool = False, own: dict | None = None) -> np.ndarray:
        """∂a/∂b of one sample at point ``i`` (n_a × n_b), by central differences of the truth's forward pass with
        b overridden: the derivative of any forward quantity by any other. ``own``: the answer's own values (an env of
        ``_student_envs``), whose b is the point the derivative is taken at (froukje's ∂ŷ/∂z^{(3)} = σ'(0.56) on her own
        z^{(3)} = 0.56)."""
        if self.batch != 1:
            return self._batch_jacobian(i, a, b, raw)
        cache = self._jac_cache
        stated = own.get(b) if own is not None else None
        at = () if stated is None else (tuple(np.round(np.ravel(np.asarray(stated, dtype=float)), 12)),)
        k = (id(self.rows[i]), a, b, *at)
        if k not in cache:
            params, X, Y = self.points[i]
            ka, kb = key(*a), key(*b)
            for kind, k_ in ((a, ka), (b, kb)):
                if k_ not in self.rows[i]:  # (a layer with bias = false has no b: the answer's derivative by it)
                    raise no_quantity(kind[0], kind[1], {("W", kind[1]): None} if key("W", kind[1]) in self.rows[i] else {})
            base = np.asarray(self.rows[i][kb], dtype=float)
            if stated is not None:
                mine = np.asarray(self.truth.from_course(b[0], np.asarray(stated, dtype=float)), dtype=float)
                base = mine.reshape(base.shape) if mine.size == base.size else base
            jac = np.zeros((np.size(self.rows[i][ka]), base.size))
            step = 1e-6 * max(1.0, float(np.max(np.abs(base))))

            def run(value: np.ndarray, forward_only: bool) -> dict:
                return self.truth.compute(params, X, Y, over={kb: value}, forward_only=forward_only)

            def of_a(value: np.ndarray) -> np.ndarray:
                out = run(value, True)  # a forward quantity's derivative needs no backward pass
                return np.ravel(out[ka] if ka in out else run(value, False)[ka])

            for j in range(base.size):
                e = np.zeros(base.shape)
                e.flat[j] = step
                hi, lo = of_a(base + e), of_a(base - e)
                jac[:, j] = (hi - lo) / (2 * step)
                if np.any(hi == lo) and not self._resolved(i, a, b, run, base, e, hi == lo):
                    cache[k] = Unreadable(UNRESOLVED)
                    break
            else:
                cache[k] = jac
        if isinstance(cache[k], Unreadable):
            raise cache[k]
        jac = cache[k]
        by = np.shape(self.rows[i][key(*b)])
        if self.truth.transposed and weight_kind(b[0]) and len(by) == 2:  # columns by the answer's W's entries
            jac = jac.reshape(-1, *by).transpose(0, 2, 1).reshape(jac.shape[0], -1)
        if not raw and dict(self.notation.options).get("jacobian") == "denominator":
            return jac.T  # MIT 6.390's ∂Z/∂A = W: rows follow the denominator's entries
        return jac

    def _resolved(self, i: int, a: tuple, b: tuple, run, base: np.ndarray, e: np.ndarray, unchanged: np.ndarray) -> bool:
        """Whether the entries of ∂a/∂b's column that the step ``e`` left unchanged are exact zeros (shapes._resolved's
        rule): a NaN in the varied entry does not reach them, or the step moved nothing but b (an inactive ReLU)."""
        now = self.truth.course_view(self.rows[i])
        up, down = (_Varied(self.truth, now, b, run, base, base + sign * e) for sign in (1, -1))
        reached = np.isnan(np.ravel(np.asarray(up.reaching()[a], dtype=float)))
        return not np.any(unchanged & reached) or (up.flat() and down.flat())

    def _batch_jacobian(self, i: int, a: tuple, b: tuple, raw: bool = False) -> np.ndarray:
        """∂a/∂b in a batch, as an answer writes it per sample: the batch's Jacobian is block-diagonal over the samples
        (each sample's a depends on its own b only), and its blocks are read as the answer means them — the one block
        when every sample has the same (∂z⁽ˡ⁺¹⁾/∂h⁽ˡ⁾ = W), the batch array of the diagonals when every block is diagonal
        (an elementwise map: ∂A/∂Z = σ'(Z), laid out as Z). Blocks that differ from sample to sample (softmax's ∂ŷ/∂z)
        are unchecked."""
        if self.net.mixes_samples:
            raise Unreadable("a derivative of one quantity by another in a batch through batch norm (its statistics mix "
                             "the samples) is not read")
        ka, kb = key(*a), key(*b)
        if self.truth.role(*a) != "sample" or self.truth.role(*b) not in ("sample", "feature"):
            raise Unreadable("in a batch, a derivative of one quantity by another is read between per-sample vectors "
                             "(z, h, ŷ) or by a bias; by a weight matrix it is read for one sample (batch = 1)")
        k = (id(self.rows[i]), a, b, "batch")
        if k not in self._jac_cache:
            params, X, Y = self.points[i]
            for kind, k_ in ((a, ka), (b, kb)):
                if k_ not in self.rows[i]:  # (a layer with bias = false has no b)
                    raise no_quantity(kind[0], kind[1], {("W", kind[1]): None} if key("W", kind[1]) in self.rows[i] else {})
            base = np.asarray(self.rows[i][kb], dtype=float)  # a row per sample, or a bias (one entry per unit)
            width = base.shape[-1]
            blocks = np.zeros((self.batch, np.shape(self.rows[i][ka])[1], width))
            step = 1e-6 * max(1.0, float(np.max(np.abs(base))))
            for j in range(width):  # entry j of every sample at once (the samples do not mix), or of the shared bias
                e = np.zeros_like(base)
                e[..., j] = step
                hi = np.asarray(self.truth.compute(params, X, Y, over={kb: base + e})[ka])
                lo = np.asarray(self.truth.compute(params, X, Y, over={kb: base - e})[ka])
                blocks[:, :, j] = (hi - lo) / (2 * step)
            self._jac_cache[k] = blocks
        blocks = self._jac_cache[k]
        scale = 1e-7 * (1 + float(np.max(np.abs(blocks))))
        if np.all(np.abs(blocks - blocks[0]) <= scale):  # the same for every sample (a linear map)
            one = blocks[0]
            return one.T if not raw and dict(self.notation.options).get("jacobian") == "denominator" else one
        square = blocks.shape[1] == blocks.shape[2]
        diag = np.einsum("nii->ni", blocks) if square else None
        if raw or not square or np.any(np.abs(blocks - diag[:, :, None] * np.eye(blocks.shape[1])) > scale):
            raise Unreadable("a derivative of one quantity by another that differs from sample to sample (softmax's "
                             "∂ŷ/∂z) is read for one sample: write it with the sample's index, or give batch = 1")
        return self.truth.course(a[0], a[1], diag).view(BatchDiagonal)  # σ'(Z): the diagonals, laid out as Z

    # -- claims --------------------------------------------------------------------------------------
    @quiet_numerics
    def check(self, claim: Claim) -> ClaimResult:
        """The verdict of one claim (``_check_layouts``); a wrong one that is right without its coloured parts is
        unchecked (colours.py: what the colour means is the answer's prose)."""
        if _HINGE.search(normalize(claim.latex[:4000])):
            return ClaimResult(claim.id, claim.latex, "unchecked", "", "not judged: it is about a multiclass SVM's hinge "
                               "loss (a margin Δ inside max(0, …) or 1(… > 0)), which is not a loss a spec states",
                               quantity=claim.quantity, notes=["the hinge loss"])
        scoped = self._in_trailing_scope(claim)
        if scoped is not None:
            return scoped
        if not self.numeric and _GRADIENT_ZERO.fullmatch(claim.latex[:600]):
            return ClaimResult(claim.id, claim.latex, "unchecked", "", "not judged: it states where the objective's "
                               "gradient vanishes (a minimum, the normal equations: a condition on the point), not its value "
                               "at the network's points", quantity=claim.quantity, notes=["a stationary point's condition"])
        if (named_fn := _OWN_FUNCTION_OF.match(claim.latex[:600])) is not None:
            return ClaimResult(claim.id, claim.latex, "unchecked", "", f"not judged: {named_fn.group(0).rstrip('= ')} names "
                               "a function of the answer's own (an entropy H(p), a probability), not a quantity of the "
                               "network times its argument", quantity=claim.quantity)
        if (named := _ROLE_NAMED.fullmatch(claim.latex[:200])) is not None:
            return ClaimResult(claim.id, claim.latex, "unchecked", "", f"not judged: it names {named.group(1).strip()} in words "
                               f"(\"{named.group(2)}\"): a label, not an equation", quantity=claim.quantity,
                               notes=["a name given in words"])
        result = self._check_layouts(claim)
        if result.verdict == "unchecked" and "cases" in claim.latex:
            by_layer = self._cases_by_layer(claim)  # Wikipedia's δ_j = cases "if j is an output / inner neuron"
            if by_layer is not None:
                return by_layer
        onehot = self._label_indicator(claim) if result.verdict == "unchecked" else None
        if onehot is not None:  # ∂L/∂z_j = p_j − \mathbb{1}\{j = c\} with c the true class: the one-hot target's y_j
            there = self._check_layouts(onehot)
            if there.verdict != "unchecked":
                there.latex = claim.latex
                there.notes = [*there.notes, "an indicator of the true class read as the one-hot target's entry"]
                return there
        if result.verdict == "unchecked" and self._label_case(claim) is not None:
            at_label = self._at_the_label(claim)  # lmToT27's L = -\log(a^L_c): c free on the right only
            return at_label if at_label is not None else result
        if result.verdict != "incorrect":
            return result
        cut = scalarunits.cut_sum(claim.latex, dict(self.notation.options).get("unit_sums", ()))
        if cut is not None:
            return ClaimResult(claim.id, claim.latex, "unchecked", result.expected,
                               f"not judged: it writes {cut[0]}_{cut[1:]} with some of the terms of the answer's own sum "
                               "for it (the terms a derivative needs), not as a definition of the whole sum",
                               quantity=claim.quantity, notes=[*result.notes, "a unit's sum cut to some terms"])
        other = self._in_another_variant(claim)
        if other is not None:
            return other
        label = self._at_the_label(claim) if self._label_case(claim) is not None else None
        if label is None:
            label = self._about_the_label(claim, result)
        if label is not None:
            return label
        numbered = self._in_its_own_numbering(claim, result)
        if numbered is not None:
            return numbered
        if _by_weight_row(claim, result):
            return ClaimResult(claim.id, claim.latex, "unchecked", result.expected,
                               "not judged: a summed input's derivative by a weight vector (a layer of one unit), written "
                               "as the vector laid out the other way; whether ∂z/∂w is a row or a column is the answer's "
                               "layout, which it does not fix", quantity=claim.quantity,
                               notes=[*result.notes, "∂z/∂w's row or column is not settled"])
        if _vector_transposed(result) and _NUMBER_LIST.search(claim.latex):
            return ClaimResult(claim.id, claim.latex, "unchecked", result.expected,
                               "not judged: the claim gives a vector's gradient with its entries laid out the other way "
                               f"({'×'.join(map(str, result.counterexample['claimed_shape']))} for the spec's "
                               f"{'×'.join(map(str, result.counterexample['expected_shape']))}); the answer does not settle "
                               "how it writes this vector (a weight vector given as [0.9, 0.1] is a row), so a row or a column is "
                               "its choice — declare [notation] convention to have it judged",
                               quantity=claim.quantity, notes=[*result.notes, "a vector's row or column is not settled"])
        if _vector_transposed(result) and dict(self.notation.options).get("w_layers"):
            return ClaimResult(claim.id, claim.latex, "unchecked", result.expected,
                               "not judged: the claim gives a vector's gradient with its entries laid out the other way "
                               f"({'×'.join(map(str, result.counterexample['claimed_shape']))} for the spec's "
                               f"{'×'.join(map(str, result.counterexample['expected_shape']))}); the answer writes this "
                               "layer's weights as a vector (a bold w with its layer's number, w ∈ ℝ^h), whose gradient "
                               "it may write as a row or a column — declare [notation] convention to have it judged",
                               quantity=claim.quantity, notes=[*result.notes, "a vector's row or column is not settled"])
        bare = without_coloured(claim.latex)
        if bare is None or self._check_layouts(replace(claim, latex=bare)).verdict != "correct":
            return result
        return ClaimResult(claim.id, claim.latex, "unchecked", "",
                           "not judged: wrong as written but right without its part in colour, which the answer may "
                           f"mark as missing or extra; what the colour means is not read (as written: {result.message})",
                           quantity=claim.quantity, notes=["right without its coloured part"])

    def _label_case(self, claim: Claim) -> tuple | None:
        """(the true class's letter c, its target letter, the letter j of a case "$j \\neq c$" or "$j = c$" written just
        before, whether that case is "≠") for a claim about the answer's true class (its own ``y_c = 1``): written with
        c as a subscript, or under such a case; None otherwise."""
        if self._labels is None:
            self._labels = {m.group(1): m.group(0).lstrip()[0] for c in self._claims[:2000] if len(c.latex) <= 40
                            and (m := _LABEL_ONE.fullmatch(c.latex.strip()))}
            for letter in self.prose_labels:  # "with true class $c$" (document.label_letters): its one-hot y_c = 1
                self._labels.setdefault(letter, "y")
        if len(claim.latex) > 4000:
            return None
        stated = getattr(self, "cases", {}).get(claim.id)  # a document's "In case i $\neq$ j:" before its displays
        if stated is not None and all(_subscripted(claim.latex, v) for v in stated[:2]):
            return "", "\\delta", (stated[0], stated[1]), not stated[2]
        written = getattr(self, "_written", None) or [(c.id, c.latex) for c in self._claims]
        if getattr(self, "_written_at", None) is None:  # (each claim's place, once: a claim's lookup is then O(1))
            self._written_at = {cid: k for k, (cid, _) in enumerate(written)}
        before = self._written_at.get(claim.id, 0) - 1
        text = written[before][1].strip() if before >= 0 else ""
        indexed = _LABEL_INDEX_CASE.fullmatch(text)
        if indexed is not None and re.search(rf"_\s*(?:{indexed.group(4)}(?![A-Za-z])|\{{\s*{indexed.group(4)}\s*\}})",
                                             claim.latex):
            # FortiLeiZhang's "当 $y_i = k$ 时" (CS231n's y_i, the label of example i): class k is (not) the label
            return "", indexed.group(1), indexed.group(4), indexed.group(3) != "="
        case = _UNEQUAL_PAIR.fullmatch(text) or _EQUAL_PAIR.fullmatch(text)
        if case is not None and case.group(1) != case.group(2) and not {case.group(1), case.group(2)} & set(
                self._labels or ()) and all(_subscripted(claim.latex, v) for v in case.groups()):
            # FortiLeiZhang's "而仅当 $j = q$ 时有 ∂y_{ij}/∂γ_q = x̂_{iq}": the claim holds where its indices j and q
            # agree (or differ), the condition written just before it
            return "", "\\delta", (case.group(1), case.group(2)), case.re is _UNEQUAL_PAIR
        if not self._labels:
            return None
        for c, target in sorted(self._labels.items()):
            other = None
            if case is not None and c in (case.group(1), case.group(2)):
                other = case.group(2) if case.group(1) == c else case.group(1)
            if other is not None or re.search(rf"_\s*(?:{c}(?![A-Za-z])|\{{\s*{c}\s*\}})", claim.latex):
                return c, target, other, case is not None and case.re is _UNEQUAL_PAIR
        return None

    def index_condition(self, claim_id: str) -> tuple | None:
        """(a, b, a = b?) for a condition on two index letters written just before the claim ``claim_id`` as a claim
        of its own (FortiLeiZhang's "而仅当 $j = q$ 时有"; ``_label_case``), in the form a document's "For j = i" case
        takes (``document.index_case``); None otherwise."""
        claim = next((c for c in self._claims if c.id == claim_id), None)
        found = self._label_case(claim) if claim is not None else None
        if found is None or found[1] != "\\delta":
            return None
        return found[2][0], found[2][1], not found[3]

    def _in_trailing_scope(self, claim: Claim) -> ClaimResult | None:
        """yanfenglee's ``\\frac{\\partial a_j}{\\partial z_i} = a_i(1 - a_i), \\quad i = j``: a condition on two indices
        written after the claim is its scope — the claim judged with each side times Kronecker's δ_ij (1 − δ_ij for
        ≠), as a condition written before it is; None when it has no such condition (or does not read so: then the
        claim without it is judged as usual, by the caller)."""
        m = _trailing_condition(claim.latex) if len(claim.latex) <= 4000 else None
        if m is None or m[1] == m[3]:
            return None
        sides = _top_sides(m[0])
        if len(sides) < 2 or any(not side.strip() for side in sides):
            return None
        a, b, unequal = m[1], m[3], m[2] != "="
        mask = f" (1 - \\delta_{{{a}{b}}})" if unequal else f" \\delta_{{{a}{b}}}"
        return self._judged_masked(claim, sides, mask, f"judged where {a} {'≠' if unequal else '='} {b} only (the "
                                                        "condition written after it)")

    def _judged_masked(self, claim: Claim, sides: list, mask: str, note: str) -> ClaimResult | None:
        """``claim`` judged with each of its ``sides`` multiplied by ``mask`` (a case's 0/1 factor: δ_jk, y_c, 1 − y_j),
        for every value of its indices — equal exactly where the claim holds in its case; shown as written, with
        ``note``. None when that reading trips or does not decide (the caller's reading stands)."""
        masked = " = ".join(f"\\left({side}\\right){mask}" for side in sides)
        try:
            with limits.time_limit(limits.CLAIM_SECONDS, f"checking claim {claim.id}", cpu=True):
                there = self._check_layouts(replace(claim, latex=masked))
        except Exception:  # noqa: BLE001 -- a reading that trips leaves the claim as it was judged
            return None
        if there.verdict not in ("correct", "incorrect"):
            return None
        if there.verdict == "correct":
            try:  # (the case may hold at no index values of this network: i ≠ j over an output of one unit)
                with limits.time_limit(limits.CLAIM_SECONDS, f"checking claim {claim.id}", cpu=True):
                    sized = f"\\left({sides[0]}\\right){mask}"  # (the claim's own quantities size its indices)
                    empty = self._check_layouts(replace(claim, latex=f"{sized} + {mask.strip()} = {sized}")
                                                ).verdict == "correct"
            except Exception:  # noqa: BLE001 -- not known to be empty: the verdict stands
                empty = False
            if empty:
                return ClaimResult(claim.id, claim.latex, "unchecked", "", f"not judged: {note}, and no values of its "
                                   "indices in the spec's network satisfy that case", quantity=claim.quantity,
                                   notes=["a case no index values satisfy"])
        there.id, there.latex = claim.id, claim.latex
        there.notes = [n for n in there.notes if not n.startswith("for every")] + [note]
        there.message = f"{there.message.split(' (for every')[0]} ({note})"
        return there

    def _cases_by_layer(self, claim: Claim) -> ClaimResult | None:
        """A claim whose right side is two cases told apart by the layer in words (Wikipedia's ``\\delta_j =
        \\begin{cases} (o_j - t_j) o_j (1 - o_j) & \\text{if } j \\text{ is an output neuron,} \\\\ (\\sum_\\ell
        w_{j\\ell}\\delta_\\ell) o_j (1 - o_j) & \\text{if } j \\text{ is an inner neuron} \\end{cases}``): each case judged as
        an equation of its own at the layers its words name (the output, the hidden ones), as a sentence's scope is; the
        claim is correct when both are, incorrect when one is; None when it is no such claim."""
        m = _CASES_BY_LAYER.fullmatch(claim.latex[:4000])
        rows = [r for r in re.split(r"\\\\", m.group("body")) if r.strip()] if m else []
        if len(rows) != 2 or any(r.count("&") != 1 for r in rows):
            return None
        cases = []
        for row in rows:
            value, condition = row.split("&")
            scope = ("output" if _OUTPUT_WORD.search(condition) else "hidden" if _HIDDEN_WORD.search(condition) else None)
            if scope is None or not value.strip():
                return None
            cases.append((value.strip().rstrip(",."), scope))
        if {s for _, s in cases} != {"output", "hidden"}:
            return None
        saved, results = self.scopes.get(claim.id), []
        try:
            for value, scope in cases:
                self.scopes[claim.id] = self._case_scope = scope
                results.append((scope, self._check_layouts(replace(claim, latex=f"{m.group('lhs').strip()} = {value}"))))
        finally:
            self._case_scope = None
            if saved is None:
                self.scopes.pop(claim.id, None)
            else:
                self.scopes[claim.id] = saved
        verdicts = [r.verdict for _, r in results]
        verdict = "incorrect" if "incorrect" in verdicts else "correct" if set(verdicts) == {"correct"} else "unchecked"
        message = "; ".join(f"the {scope} case: {r.verdict} ({r.message})" for scope, r in results)
        wrong = next((r for _, r in results if r.verdict == verdict), results[0][1])
        return ClaimResult(claim.id, claim.latex, verdict, wrong.expected if verdict == "incorrect" else "", message,
                           quantity=claim.quantity, notes=["two cases told apart by the layer in words"])

    def _label_indicator(self, claim: Claim) -> Claim | None:
        """The claim with each indicator that an index is the true class (``\\mathbb{1}\\{j = c\\}``, ``\\mathbb{1}[c = j]``,
        ``1_{j=c}``, Kronecker's ``\\delta_{jc}``; c the answer's label letter: its y_c = 1, or its prose's "true class
        $c$") written as the one-hot target's entry y_j; None where it has none."""
        if len(claim.latex) > 4000 or not ("1" in claim.latex or "\\delta" in claim.latex):
            return None
        if "y" in claim.latex and self.batch > 1:  # CS231n's \mathbb{1}[j = y_i]: example i's one-hot target, entry j
            text = _EXAMPLE_LABEL_INDICATOR.sub(lambda m: f" Y_{{{m.group(2) or m.group(3)}{m.group(1) or m.group(4)}}} ", claim.latex)
            if text != claim.latex:
                return replace(claim, latex=text)
        if self._labels is None:
            self._label_case(claim)  # (reads the answer's labels once)
        if not self._labels:
            return None

        def entry(m: re.Match) -> str:
            a, b = m.group(1) or m.group(3), m.group(2) or m.group(4)
            if b in self._labels and a not in self._labels:
                return f" {self._labels[b]}_{{{a}}} "
            if a in self._labels and b not in self._labels:
                return f" {self._labels[a]}_{{{b}}} "
            return m.group(0)

        text = _LABEL_CASES.sub(lambda m: _label_cases(m, self._labels), _LABEL_INDICATOR.sub(entry, claim.latex))
        return None if text == claim.latex else replace(claim, latex=text)

    def _at_the_label(self, claim: Claim) -> ClaimResult | None:
        """A claim about the true class c (the answer's ``y_c = 1``; lmToT27's "Case 1: $j = c$"
        ``\\frac{\\partial \\mathcal{L}}{\\partial z^L_c} = a^L_c - 1``, "Case 2: $j \\neq c$" ``… = a^L_j``), judged where it
        is stated only: each side times the one-hot target's y_c (and 1 − y_j under j ≠ c, y_j under j = c), for every c
        and j — equal exactly where the claim holds at the label (and at every other class, for j ≠ c). One example at
        a time (batch 1); None when it does not read so (the caller says why it is not judged)."""
        found = self._label_case(claim)
        sides = _top_sides(claim.latex) if found is not None and (self.batch == 1 or found[1] == "\\delta") else []
        # (a condition on two indices holds at any batch; the true class's one-hot y_c is one example's)
        if len(sides) < 2 or any(not s.strip() for s in sides):
            return None
        c, target, other, unequal = found
        mask = f" {target}_{{{c}}}"
        if target == "\\delta":  # an index condition: Kronecker's δ of the two letters
            mask = f" (1 - \\delta_{{{other[0]}{other[1]}}})" if unequal else f" \\delta_{{{other[0]}{other[1]}}}"
        elif other is not None:
            mask = (f" (1 - {target}_{{{other}}})" if unequal else f" {target}_{{{other}}}") + (
                mask if c and re.search(rf"_\s*(?:{c}(?![A-Za-z])|\{{\s*{c}\s*\}})", claim.latex) else "")
        if target == "\\delta":
            note = f"judged where {other[0]} {'≠' if unequal else '='} {other[1]} only (the condition written before it)"
        elif not c:  # (CS231n's y_i = k: k the class, y_i the label)
            note = (f"judged at the classes {other} other than the label only" if unequal
                    else f"judged at the label's class {other} only")
        else:
            where = (f"the other classes {other} ≠ {c}" if unequal else f"the true class {c}") if other else f"the true class {c}"
            note = f"{c} is the true class's index (the answer's {target}_{c} = 1): judged at {where} only"
        return self._judged_masked(claim, sides, mask, note)

    def _in_its_own_numbering(self, claim: Claim, result: ClaimResult) -> ClaimResult | None:
        """A wrong claim naming a layer at or after the spec's first dropout layer, in an answer that applies its own
        mask inside a weighted layer's formula (``_masks_its_own_layers``: its layers count the weighted ones only, so
        its δ^{(2)} may be the spec's δ^{(3)}): which numbering the number is in is not said — unchecked, naming it
        (a claim right in the spec's numbering stays right); None otherwise."""
        self._masks_its_own_layers("")  # (reads the answer's mask once)
        if not self._own_mask:
            return None
        first = min(layer.index for layer in self.net.layers if layer.kind == "dropout")
        try:
            sides, _ = parse_claim(claim.latex, self.notation, self.net.depth)
        except (Unreadable, NeedsLayer, NoSuchLayer, RecursionError):
            return None
        layers = {n.value[1] for side in sides for n in side.walk() if n.op == "q" and isinstance(n.value[1], int)}
        if not any(layer >= first for layer in layers):
            return None
        return ClaimResult(claim.id, claim.latex, "unchecked", result.expected,
                           f"not judged: the answer applies a dropout mask inside its own layers ({self._own_mask}), so "
                           "its layer numbers may count the layers with weights only, where the spec's count its dropout "
                           f"layer {first} too; in the spec's numbering: {result.message}", quantity=claim.quantity,
                           notes=["layer numbers in the answer's own numbering or the spec's: not said"])

    def _about_the_label(self, claim: Claim, result: ClaimResult) -> ClaimResult | None:
        """lmToT27's "Case 1: $j = c$ (the correct class)", ``\\frac{\\partial L}{\\partial z^L_c} = a^L_c - 1``, beside the
        answer's own ``y_c = 1``: c is the true class's index, so a claim wrong for some c (judged for every c) or
        stated under ``j \\neq c`` (the other classes) is about the label, which its components do not say —
        unchecked, naming it; None otherwise."""
        if self._labels is None:
            self._label_case(claim)  # (reads the answer's y_c = 1 once)
        if not self._labels:
            return None
        free = _FOR_EVERY.search(result.message)
        letter = free.group(1) if free else None
        written = getattr(self, "_written", None) or [(c.id, c.latex) for c in self._claims]
        if getattr(self, "_written_at", None) is None:  # (each claim's place, once: a claim's lookup is then O(1))
            self._written_at = {cid: k for k, (cid, _) in enumerate(written)}
        before = self._written_at.get(claim.id, 0) - 1
        condition = _UNEQUAL_PAIR.fullmatch(written[before][1].strip()) if before >= 0 else None
        about = letter in self._labels or condition is not None and (
            {condition.group(1), condition.group(2)} & set(self._labels) and letter in (condition.group(1), condition.group(2)))
        if not about:
            return None
        c = sorted(self._labels)[0]
        return ClaimResult(claim.id, claim.latex, "unchecked", "", f"not judged: {c} is the true class's index here "
                           f"(the answer's y_{c} = 1), so the claim is about the label's entry (or the other classes') "
                           f"only, which is not judged entry by entry (as written: {result.message})",
                           quantity=claim.quantity, notes=["about the true class only"])

    def _in_another_variant(self, claim: Claim) -> ClaimResult | None:
        """A claim wrong under the spec's momentum that holds under another variant of it (Ng's v = β v + (1 − β) g
        under the spec's classic v ← μ v + g): a course's "momentum" is any of them, and which one the assignment
        means the spec says only as its default — unchecked, naming the variant and the [optimizer] setting that
        judges it; None otherwise."""
        if self.net.optimizer.name != "momentum" or self._variant_of is not None or not momentum_claim(claim.latex):
            return None
        if self._variants is None:
            self._variants = variant_judges(self)
        for variant, judge in self._variants:
            if not _MOMENTUM_FORMS[variant](claim.latex[:4000]):
                continue  # (only the variant whose form the claim has: each try is a whole check)
            try:
                with limits.time_limit(limits.CLAIM_SECONDS, f"checking claim {claim.id}", cpu=True):
                    there = judge._check_layouts(claim)
            except Exception:  # noqa: BLE001 -- a variant that does not judge it says nothing
                continue
            if there.verdict == "correct":
                return ClaimResult(claim.id, claim.latex, "unchecked", "", f"not judged: it is momentum's {variant} "
                                   f"variant ({_VARIANTS[variant]}), not the spec's {self._own_variant()} "
                                   f"({_VARIANTS[self._own_variant()]}); set variant = \"{variant}\" under [optimizer] "
                                   "if that is the assignment's", quantity=claim.quantity,
                                   notes=[f"holds in momentum's {variant} variant"])
        return None

    def _own_variant(self) -> str:
        return dict(self.net.options).get("variant", "classic")

    def _check_layouts(self, claim: Claim) -> ClaimResult:
        """The verdict of one claim in the answer's layout (numeric claims also update the answer's stated values).

        With one layout declared (``[notation] layout``, or ``[values]`` written with samples as columns), that one.
        Otherwise the claim is read in each layout; a layout in which its shapes do not fit (``x W + b`` with x a
        column) is ruled out, and a claim that fits one layout only is evidence of the answer's layout. The layout
        the answer's earlier claims showed holds; with no evidence yet, the one the claim fits; with both fitting,
        the default (one sample a column, a batch in rows), and if the two readings disagree the message says so."""
        if claim.id in self.orientations:  # its verdict depends on how the answer writes W, which it does not settle
            return ClaimResult(claim.id, claim.latex, "unchecked", "", self.orientations[claim.id], quantity=claim.quantity,
                               notes=["the orientation of W is not settled"])
        if len(self.layouts) == 1:
            return self._check_in(claim, self.layouts[0], remember=True)
        voted = {lay: self._pre.pop((claim.id, claim.latex, lay), None) for lay in self.layouts}  # (verdicts only)
        results = {lay: voted[lay] or self._check_in(claim, lay, remember=False) for lay in self.layouts}
        fits = [lay for lay in self.layouts if not _shape_failed(results[lay])]
        shown = self._shown(claim)
        if len(fits) == 1 and not self._voted:
            self.votes[fits[0]] += 1
        if shown is None and self._layout_guessed(claim, fits, results):
            return _unchecked_layout(claim, fits[0], results[fits[0]])
        # the layout the answer has shown (its other claims) holds; without one, the layout the claim's shapes fit
        chosen = shown or (fits[0] if len(fits) == 1 else self.layouts[0])
        if shown == "rows" and "columns" in fits and self.batch == 1 and jacobian_claim(claim.latex):
            chosen = "columns"  # a Jacobian between vectors: σ'(z) W is diag(σ'(z)) W with σ'(z) a column
        if len(fits) == 1 and chosen != fits[0] and self._objective_claim(claim):
            chosen = fits[0]  # L = -y^T log ŷ: a scalar has no layout; its products are the dot products that fit
        if self.numeric:
            result = self._check_in(claim, chosen, remember=True)
        elif voted[chosen] is not None:  # the vote's reading gave the verdict; this one adds the diagnosis or the proof
            result = self._check_in(claim, chosen, remember=False)
        else:
            result = results[chosen]
        word = "column" if chosen == "columns" else "row"
        if (shown and len(fits) == 1 and fits[0] != chosen and _shape_failed(result) and not self.numeric
                and self.rows_stated and (results[fits[0]].verdict == "correct" and fits[0] == "rows" or _by_the_batch_alone(
                    claim, results[fits[0]] if voted[fits[0]] is None else self._check_in(claim, fits[0], remember=False),
                    self.batch))):
            # zaidanmir's batch section, ∂L_batch/∂W_2 = (1/B) Δ_2^T A_1 with Δ_2 ∈ ℝ^{B×10}, after one example as a
            # column: it holds with each sample a row, the only layout its shapes fit, and the text stacks a batch as
            # rows — the answer may switch layouts for its batch, or have the factors in the wrong order (Ng's planted
            # A^T dZ, with no such statement, stays wrong); not a verdict to give on a guess. The same the other way
            # round: where the batch section's claims outnumber the rest (the vote then shows rows), the one example
            # as a column, δ_2 a_1^T, holds only there (issue 12, round twenty-nine: it had been rejected by its shapes)
            other = "row" if fits[0] == "rows" else "column"
            where = "where it holds" if results[fits[0]].verdict == "correct" else "where it holds for one example"
            return ClaimResult(claim.id, claim.latex, "unchecked", results[fits[0]].expected,
                               f"its shapes fit only with each sample as a {other}, {where}, while the answer's "
                               f"other claims write each sample as a {word}; if this claim stacks its samples otherwise "
                               f"({'a batch section' if other == 'row' else 'one example, or a section of its own'}), it "
                               "is right, else its factors are in the wrong order — not judged",
                               quantity=claim.quantity, notes=[f"holds with each sample as a {other}"])
        if len(fits) == 2 and results[fits[0]].verdict != results[fits[1]].verdict:
            why = "as the answer's other claims write them" if shown else "nothing in the answer decides it; the default"
            result.notes.append(f"read with each sample as a {word} ({why})")
            result.message += f" (read with each sample as a {word}: {why})"
        elif chosen != self.layouts[0] and result.verdict != "unchecked":
            result.notes.append(f"each sample is a {word} in this claim")
        return result

    def _unit_letters_confirmed(self) -> bool:
        """Whether the answer's own forward definitions written with unit letters (v_j = Σ_i w_{ji} y_i) hold in the
        reading of the letters as units: then an index used over units of two layers elsewhere is a mistake, not a
        letter read wrongly."""
        if self._units_ok is None:
            self._units_ok = False
            for c in self._claims:
                if (re.search(r"_\{?\s*[ijkh]", c.latex) and "\\sum" in c.latex and "=" in c.latex
                        and not re.search(r"\\partial|\\nabla|\\delta|\\Delta|\\frac\s*\{\s*d", c.latex)):
                    try:
                        with limits.time_limit(limits.CLAIM_SECONDS, f"checking claim {c.id}", cpu=True):
                            r = self._check_in(c, self._shown() or self.layouts[0], remember=False)
                    except Exception:  # noqa: BLE001 -- no confirmation from a claim that does not check
                        continue
                    if r.verdict == "correct":
                        self._units_ok = True
                        break
        return self._units_ok

    def _zero_biases(self) -> None:
        """An answer that writes no bias anywhere (Rumelhart's, Wikipedia's net_j = Σ_k w_{kj} o_k) is about a network
        without biases: it is judged at points where every bias is 0, so its forward sums hold as written."""
        self._biases_at(lambda b: b * 0, "the answer writes no biases: it is judged at points where every bias is 0")

    def _tie_biases(self) -> None:
        """Mazur's network has one bias per layer (b_1 in net_{h1} and net_{h2} alike): an answer in his letters judged
        without its own values is judged at points where each layer's biases are one number, so his sums hold as
        written for every unit (the spec's network gives each unit its own bias; at such points they agree)."""
        self._biases_at(_one_bias, "Mazur's one bias per layer: judged at points where each layer's biases are one number")

    def _biases_at(self, value, note: str) -> None:
        """The random points with every bias vector b1, b2, … replaced by ``value(b)``, and what follows from them."""
        self.points = [({k: (value(v) if _BIAS_KEY.fullmatch(k) else v) for k, v in params.items()}, x, y)
                       for params, x, y in self.points]
        self.rows = [self.truth.compute(*p) for p in self.points]
        self._env_cache, self.envs, self._jac_cache = {}, None, {}
        self._use(self.truth.samples)
        self.inferred += (note,)

    def _objective_claim(self, claim: Claim) -> bool:
        """Whether the claim states the value of the objective (a scalar, whatever the layout)."""
        try:
            sides, _ = parse_claim(claim.latex, self.notation, self.net.depth)
        except Unreadable:
            return False
        return sides[0].op == "q" and sides[0].value[0] in ("loss", "lossL", "lossR")

    def _rounded_part(self, student: Node) -> np.ndarray | None:
        """How much of a side's value its rounded numbers make (first order: Σ |n ∂value/∂n| over the numbers that are
        neither given nor whole), entry by entry; None when the side does not evaluate. The grader's 0.2 % floor is
        taken of this, not of the whole value: in ``0.7 - 0.00004 = 0.6996`` (kaifeng's W_1 update, 0.7 given) only
        0.00004 was computed, and a slip of 0.00036 is not a rounding."""
        given = getattr(self, "given", ())
        nums = [n for n in student.walk() if n.op == "num" and n.value[1] and float(n.value[0]) not in given
                and float(-n.value[0]) not in given]
        try:
            ctx = self.context(self.envs[0])
            base = np.asarray(evaluate(student, ctx), dtype=float)
            total = np.zeros(base.size)
            for n in nums[:40]:
                step = 1e-3 * abs(float(n.value[0]))
                if step == 0.0:
                    continue
                moved = Node("num", (), (float(n.value[0]) + step, n.value[1]))
                value = np.asarray(evaluate(_swap(student, n, moved), ctx), dtype=float)
                total += np.abs(value - base).reshape(-1) * 1e3 if value.size == base.size else np.inf
            return total if len(nums) <= 40 else None
        except (ShapeMismatch, Unreadable, ValueError, FloatingPointError):
            return None

    def _propagated(self, student: Node) -> np.ndarray | None:
        """How far the rounding of the numbers a side writes carries into its value: each rounded number (not one
        the answer was given, not a whole number) moved by half a unit in its last digit, the changes added
        (first order). None when the side does not evaluate."""
        given = getattr(self, "given", ())  # (numbers of [values]: none without them)
        nums = [n for n in student.walk() if n.op == "num" and n.value[1] and float(n.value[0]) not in given
                and float(-n.value[0]) not in given]
        try:
            ctx = self.context(self.envs[0])
            base = np.asarray(evaluate(student, ctx), dtype=float)
            total = np.zeros(base.size)
            for n in nums[:40]:
                half = 0.5 * 10.0 ** (-n.value[1])
                moved = Node("num", (), (float(n.value[0]) + half, n.value[1]))
                value = np.asarray(evaluate(_swap(student, n, moved), ctx), dtype=float)
                total += np.abs(value - base).reshape(-1) if value.size == base.size else np.inf
            return total
        except (ShapeMismatch, Unreadable, ValueError, FloatingPointError):
            return None

    def _vote(self, claim: Claim, weight: int = 1) -> None:
        """Count ``claim`` as evidence of the answer's layout when its shapes fit one layout only."""
        was = self.verdicts_only
        try:  # verdicts only (no diagnosis of the layout that fails, no proof): check() diagnoses the layout it chooses
            self.verdicts_only = True
            with limits.time_limit(limits.CLAIM_SECONDS, f"reading claim {claim.id}", cpu=True):
                results = {lay: self._check_in(claim, lay, remember=False) for lay in self.layouts}
        except Exception:  # noqa: BLE001 -- the claim's own check reports what went wrong
            return
        finally:
            self.verdicts_only = was
        if not self.numeric:  # reused by check() (the notation no longer changes): each claim is read once per layout
            self._pre.update({(claim.id, claim.latex, lay): r for lay, r in results.items()})
        fits = [lay for lay in self.layouts if not _shape_failed(results[lay])]
        if len(fits) == 1:
            self.votes[fits[0]] += weight
            if weight == 1:
                self._own_votes[(claim.id, claim.latex)] = fits[0]

    def _layout_guessed(self, claim: Claim, fits: list, results: dict) -> bool:
        """Whether ``claim`` is right only in the layout that is not the default, its factors not multiplying in the
        default (∇_a C Σ'(z): right in a row answer, factors in the wrong order in a column one), with no other claim
        showing the answer's layout: a verdict would rest on a guess. A forward definition states its layout, an
        objective has none, and a chain in the numerator layout (∂E/∂x ∂F/∂x) takes its gradient as a row by rule."""
        return (len(fits) == 1 and fits[0] != self.layouts[0] and (claim.id, claim.latex) in self._own_votes
                and results[fits[0]].verdict == "correct"
                and "shape_error" in (results[self.layouts[0]].counterexample or {})
                and not self._objective_claim(claim) and not _numerator_chain(claim.latex, self.notation, self.net.depth))

    def _shown(self, claim: Claim | None = None) -> str | None:
        """The layout the answer's claims showed (claims whose shapes fit one layout only), if any; with ``claim``, the
        layout the *other* claims showed (a claim is no evidence for its own reading; a forward definition, z = W x + b,
        is: it states the layout)."""
        if len(self.layouts) != 2:  # a layout declared in [notation]: the one there is (was a crash unpacking it)
            return self.layouts[0] if self.layouts else None
        a, b = self.layouts
        votes = dict(self.votes)
        if claim is not None and (claim.id, claim.latex) in self._own_votes:
            votes[self._own_votes[(claim.id, claim.latex)]] -= 1
        return a if votes[a] > votes[b] else b if votes[b] > votes[a] else None

    def _check_in(self, claim: Claim, samples: str, remember: bool) -> ClaimResult:
        self._orient(self._oriented)  # (the orientation vote reads claims in both: orientation.py)
        self._use(samples)
        self._remembering = remember and not self._judging_rows
        self._checking = claim
        key = self._memo_key(claim, samples)
        if key is not None and key in self._memo:  # an identical claim judged before, in the same reading
            was = self._memo[key][1]
            if was in self._leaned and claim.id != was:  # (the numbers it put in, as the first: Judge._unjudge_leaning)
                self._leaned.setdefault(claim.id, dict(self._leaned[was]))
            return _as_claim(*self._memo[key], claim)
        outer, self._history = self._history, False
        numbered = self.notation
        if claim.id in self.own_numbers_aside:  # (onelayer.py's h^{(l-1)}, z^{(l)}, W^{(l)}: gradproof's numbering)
            self.notation = replace(numbered, options=tuple(o for o in numbered.options if o[0] not in _OWN_NUMBERING))
        try:
            result = self._check_one(claim)
        finally:
            self.notation = numbered
            fresh, self._history = self._history, outer or self._history
        if key is not None and not fresh:
            self._memo[key] = (_as_claim(result, claim.id, claim), claim.id)  # (a copy: later passes revise results)
        return result

    def _memo_key(self, claim: Claim, samples: str) -> tuple | None:
        """What a check of ``claim`` depends on besides the judge's fixed reading (None: not memoised): its text, the
        layout, the orientation, the notation, and what the answer says of this claim by its id (the layers its
        sentence names, a rewritten reading, a definition). Numeric answers are not memoised (each claim updates the
        answer's stated values)."""
        if self._memo is None or self.numeric:
            return None
        if self._row_definitions[0] != len(self.defining):
            self._row_definitions = (len(self.defining), frozenset(k.split("\x00row")[0] for k in self.defining
                                                                   if "\x00row" in k))
        try:
            key = (claim.latex, claim.quantity, samples, self.verdicts_only, self._judging_rows,
                   self._oriented, self.notation, getattr(self, "scopes", {}).get(claim.id), claim.id in self.rewritten,
                   claim.id in self.defining, claim.id in self._row_definitions[1])
            hash(key)
        except TypeError:  # (an unhashable notation value)
            return None
        return key

    def _check_one(self, claim: Claim, layer_env: dict | None = None) -> ClaimResult:
        statements = split_statements(claim.latex)  # A = B \implies C = D, \therefore …
        if len(statements) > 1:
            return self._check_statements(claim, statements, layer_env)
        rows = _top_rows(statements[0])
        if len(rows) > 1:
            return self._check_rows(claim, rows, layer_env)
        if rows and rows[0] != statements[0] and "\\\\" in statements[0]:  # a = b \\ = c: the chain a = b = c
            result = self._check_one(Claim(claim.id, rows[0], claim.quantity, claim.where), layer_env)
            result.latex = claim.latex
            return result
        if statements[0] != claim.latex:  # \therefore x = …: the statement without its connective
            result = self._check_one(Claim(claim.id, statements[0], claim.quantity, claim.where), layer_env)
            result.latex = claim.latex
            return result
        bare = _BARE_STATE_ZERO.fullmatch(claim.latex)
        if bare and dict(self.notation.states).get(bare.group(1)) in self.truth.state_names():
            # Adam's "m = 0, v = 0", "m_0 = 0": every parameter's state before the first step (the parser asks which
            # parameter's a bare v is; a bare m is Ng's number of examples, never 0)
            return self._initial_state_result(claim)
        if self._unit_weight_column() and _UNIT_W.search(normalize(claim.latex)):
            return ClaimResult(claim.id, claim.latex, "unchecked", "", UNIT_W_NOTE, quantity=claim.quantity)
        ruder = recurrences.read(normalize(claim.latex), self.net.optimizer.name,
                                 own_gamma=self.net.has_kinds or "gamma" in self.consts,
                                 scaled_velocity="velocity_rate" in dict(self.notation.options),
                                 max_hat=dict(self.notation.options).get("max_hat"))
        if ruder.reason is not None:  # Adadelta's RMS[g]_t, AdaMax's u_t, … under another optimizer (recurrences.py)
            own = judged_as_its_own(self, claim, ruder.family)  # AdaGrad's G_t under Adam: judged as AdaGrad's
            if own is not None:
                return own
            return ClaimResult(claim.id, claim.latex, "unchecked", "", ruder.reason, quantity=claim.quantity)
        if ruder.latex is not None:  # RMSprop's E[g^2]_t as the spec's S_t, Adagrad's G_{t,ii} as G_t, γ as β
            result = self._check_one(Claim(claim.id, ruder.latex, claim.quantity, claim.where), layer_env)
            result.latex = claim.latex
            return result
        try:
            sides, rels = _as_update(*parse_claim(claim.latex, self.notation, self.net.depth, layer_env))
            if not self.net.optimizer_stated and _a_step(sides, rels):
                return ClaimResult(claim.id, claim.latex, "unchecked", "", NO_OPTIMIZER, quantity=claim.quantity)
            if self.net.regularizer is None and any(n.op == "q" and n.value[0] == "lossR" for s in sides for n in s.walk()):
                # a homework's recall R = TP / (TP + FN) beside a network with no regularizer: R names none here
                return ClaimResult(claim.id, claim.latex, "unchecked", "", "not judged: R would be the regularizer, but "
                                   "the spec has none; R is the answer's own letter here", quantity=claim.quantity)
            qnode = self._quantity(claim, sides, rels)
        except NeedsLayer as need:
            return self._check_every_layer(claim, need.var, layer_env or {})
        except Unreadable as exc:
            own = _update_gradient_layer(claim.latex) if "has no layer index while" in str(exc) else None
            if own is not None:  # MathsCode's W^{[k]} = W^{[k]} - \alpha dw: the gradient of the W it updates
                result = self._check_one(Claim(claim.id, own, claim.quantity, claim.where), layer_env)
                result.latex = claim.latex
                result.notes.append(UPDATE_GRADIENT)
                if result.verdict != "unchecked":
                    result.message += f" ({UPDATE_GRADIENT})"
                return result
            readable = self._readable_sides(claim, layer_env)
            if readable is not None:  # a = prod(…) = c: the links that read are judged, the others named
                latex, skipped = readable
                result = self._check_one(Claim(claim.id, latex, claim.quantity, claim.where), layer_env)
                result.latex = claim.latex
                if result.verdict == "incorrect" and (_NOTATION_UNREAD.search(str(exc))
                                                      or _top_separator(claim.latex)):
                    # the sides read disagree, but part of the chain did not read: the letters may be read wrongly
                    # (z_1 an entry or a layer?), or the chain is split at the wrong place (equations listed with a
                    # comma, ``W = W - α v_{dW}, b = b - α v_{db}``, whose = are not one chain): no certain verdict
                    return ClaimResult(claim.id, claim.latex, "unchecked", result.expected,
                                       f"could not read the claim: the chain's {skipped} could not be read ({exc}); "
                                       f"the sides read do not agree ({result.message}), which may be a misreading",
                                       quantity=claim.quantity)
                if result.verdict == "carried_forward":
                    # wrong, but right from the answer's earlier values — as far as the sides read go: the side that
                    # did not read may hold a slip of its own (Nafiz's dZ[3] = W[4]^T dZ[4] ⊙ g'_ReLU(Z[3]) = …)
                    return ClaimResult(claim.id, claim.latex, "unchecked", result.expected,
                                       f"could not read the claim: the chain's {skipped} could not be read ({exc}); the "
                                       f"sides read follow from the answer's earlier values ({result.message}), but the "
                                       "side not read may hold a slip of its own", quantity=claim.quantity)
                total = skipped.rsplit(" of ", 1)[-1]
                if result.verdict == "correct" and skipped.endswith(f"{total} of {total}"):
                    # the chain's result itself did not read (Wikipedia's δ_j = … = \begin{cases} … \end{cases}):
                    # the sides that did are right, but what the claim concludes is not checked
                    return ClaimResult(claim.id, claim.latex, "unchecked", result.expected,
                                       f"could not read the claim's last side ({exc}); the sides before it hold",
                                       quantity=claim.quantity)
                if result.verdict == "correct" and _matrix_left_out(claim.latex, latex) and self._one_entry(
                        _top_sides(latex)[0], layer_env):
                    # cjhjhj's ∂o_out_k/∂o_in_k = [∂p(o_in_1)/∂o_in_k & ⋯ & ∂p(o_in_k)/∂o_in_k & ⋯] = p(1 - p): a row of
                    # several entries between two numbers that agree is the claim's slip, not a step to leave out
                    return ClaimResult(claim.id, claim.latex, "unchecked", result.expected,
                                       f"could not read the claim: the chain's {skipped} could not be read ({exc}); it "
                                       "is a matrix of several entries, and whether the other sides have its shape is "
                                       f"not checked (the sides read: {result.message})", quantity=claim.quantity)
                if result.verdict != "unchecked":
                    result.message += f" (the chain's {skipped} could not be read and is left out: {exc})"
                    if _computes_with_numbers(claim.latex, skipped) or _SLIP_MAY_HIDE.search(str(exc)):
                        result.notes.append(f"{UNREAD_PART}{skipped}")
                return result
            return ClaimResult(claim.id, claim.latex, "unchecked", self._expected_for(self._named(claim)),
                               f"could not read the claim: {exc}", quantity=claim.quantity)
        except RecursionError:
            return ClaimResult(claim.id, claim.latex, "unchecked", "", "could not read the claim: nested too deeply")
        if (rels and rels[0] == "<-" and qnode is None and sides[1].op == "add" and sides[0] in sides[1].args
                and self.batch == 1 and len(rels) == 1 and dict(self.notation.options).get("accumulator")):
            # Ng's Δ^{(l)} := Δ^{(l)} + δ^{(l+1)} (a^{(l)})^T: what one example adds is its gradient of the data loss
            term = sides[1].args[1] if sides[1].args[0] == sides[0] else sides[1].args[0]
            total = sides[0]
            if any(n.op in ("comp", "entry") for n in total.walk()) and any(
                    n.op == "q" and n.value[0] == "dWbL" for n in total.walk()):
                return ClaimResult(claim.id, claim.latex, "unchecked", "", "an accumulation entry by entry with the bias "
                                   "column (Δ_{ij}^{(l)}, j = 0 the bias) is not checked; write it as a matrix",
                                   quantity=claim.quantity)
            # a^{(l)} in δ^{(l+1)} (a^{(l)})^T carries Ng's bias unit a_0 = 1: its bias column is δ^{(l+1)} itself, so
            # the term is compared with the weights' columns
            sides, rels = [_weights_only(total), term], ["="]
        elif rels and rels[0] == "<-" and qnode is None and sides[1].op == "add" and sides[0] in sides[1].args:
            return ClaimResult(claim.id, claim.latex, "unchecked", "", "an accumulation over the examples (X := X + …, "
                               "Ng's \\Delta^{(l)}) is not checked; state what it sums to", quantity=claim.quantity)
        if (rels and rels[0] == "<-" and sides[0].op == "q" and sides[0].value[0] in orientation.FORWARD_KINDS
                and len(sides) == 2 and _gradient_step_on(sides[0], sides[1])):
            # Shreyansh's z ← z − η ∇_z L: a step on what the forward pass computes (the logits), no parameter
            return ClaimResult(claim.id, claim.latex, "unchecked", "", f"not judged: a step on "
                               f"{show(sides[0], self.net.convention)}, which the forward pass computes, not a parameter "
                               "the optimizer updates; such an illustration has no value in the network to compare",
                               quantity=claim.quantity)
        if not rels:
            sides, rels = [qnode, sides[0]], ["="]
        elif rels[0] == "<-" and qnode is not None:  # θ ← …, w_{ji} ← …: the value after the step
            sides = [self._own_step(qnode)] + sides[1:]
        elif claim.quantity is not None and not (sides[0].op == "q"):
            sides, rels = [qnode] + sides, ["="] + rels
        try:
            written = frozenset(v for v in self._written_sum_letters() if _in_derivatives_only(claim.latex, v))
            sides = _implied_sums(sides, written)
        except Unreadable as exc:  # (an index written three times in one product: einstein.py says the same)
            return ClaimResult(claim.id, claim.latex, "unchecked", "", f"could not read the claim: {exc}",
                               quantity=claim.quantity)
        stray = _stray_indices(sides)
        if stray and self.batch == 1 and _only_as_example(sides, stray):
            # Ng's δ^{(3)} = a^{(3)} − y^{(t)} ("for t = 1 to m"): with one example, example t is the one there is
            sides = [_without_example(side, stray) for side in sides]
            stray = _stray_indices(sides)
        if stray and self.batch == 1 and _vector_gradient(sides[0]) and _entry_index_only(sides[1:], stray) and all(
                side is None or set(free_indices(side)) <= {stray} for side in sides[1:]):
            # anudeep's ∂L/∂z = ŷ_i − y_i: a gradient by a whole vector, equal to an expression in one free entry index
            # only (never an example's: y^{(i)}) — that entry of it (the one reading the claim has; checked for every i)
            entry = Node("comp", (sides[0],), stray)
            qnode = entry if qnode is sides[0] or qnode == sides[0] else qnode
            sides = [entry] + sides[1:]
            stray = _stray_indices(sides)
        if stray:
            return ClaimResult(claim.id, claim.latex, "unchecked", "", f"the index {stray} is free on a later side but "
                               "not on the left: a sum over it is not written (Einstein's convention sums an index repeated "
                               "within one term only), so what the side means is not certain; write the sum", quantity=claim.quantity)
        qkind = qnode.value if qnode is not None and qnode.op == "q" else None  # (an entry's value is its indices)
        if qkind is not None and qkind[0] in ("db", "dbL"):  # ∂J/∂b = Σ δ: over the examples (biascolumn.py)
            column = self.truth.bias_column and self.truth.samples == "rows"
            sides = [over_examples(side, column) for side in sides]
        notes: list[str] = []
        if _initial_state(qkind, sides, rels, claim.latex, self.truth.state_names()) and (
                qkind is None or qkind[1] in range(1, self.net.depth + 1)):
            return self._initial_state_result(claim)
        if qkind is not None and state_kind(qkind[0]) and not state_kind(qkind[0])[0].endswith("hat"):
            prev = Node("q", (), (qkind[0] + "_prev", qkind[1]))
            rest = [_replace(sd, qnode, prev) for sd in sides[1:]]
            if rest != list(sides[1:]):
                sides = [sides[0]] + rest
                notes.append(f"{show(qnode, self.net.convention)} on the right is the state before the step "
                             f"(checked at step {LATER_STEP + 1} from a random state)")
        if qkind is not None and state_kind(qkind[0]) and self.net.optimizer.name == "adam" and "beta" not in self.consts:
            sides = _moment_beta(sides, state_kind(qkind[0])[0], notes)
        if (qkind is not None and qkind[0] in ("W_next", "b_next") and self.net.optimizer.name == "adam"
                and any(_bare_second_moment(side) for side in sides[1:])):
            return ClaimResult(claim.id, claim.latex, "unchecked", "", "the step adds v itself to the parameter: v is a "
                               "velocity here (momentum's w_t = w_{t-1} + v_t), not Adam's second moment, which a step "
                               "divides by its square root; the claim is about another optimizer than the spec's",
                               quantity=claim.quantity)
        other = (other_step(self.net.optimizer.name, sides[-1]) if qkind is not None and qkind[0] in ("W_next", "b_next")
                 else None)
        if other is not None and self._surveys_optimizers():
            as_momentum = self._as_momentum_step(claim, sides[-1])
            if as_momentum is not None:
                return as_momentum
            return ClaimResult(claim.id, claim.latex, "unchecked", "", f"not judged: the step is {other}'s, not the "
                               f"spec's ({self.net.optimizer.name}); a step of another optimizer (an answer setting out "
                               "several in turn) is not judged against the spec's", quantity=claim.quantity)
        links = []
        self._subject = sides[0]  # (what the claim states a value of: copied.with_truths)
        for i in range(len(rels)):
            a, b = sides[i], sides[i + 1]
            if b.op == "q" and a.op != "q":
                a, b = b, a
            arithmetic = not self.numeric and _numbers_only(a) and _numbers_only(b)
            before = a
            if (a.op != "q" and qnode is not None and all(lk.verdict == "correct" for lk in links)
                    and not arithmetic):
                a = self._own_step(qnode)  # a = b = c with a = b established: compare c with the quantity itself
            link = self._link(a, b, notes)
            if link.verdict == "incorrect" and before is not a:
                link = self._rounding_carried(a, before, b) or link
            if link.verdict == "correct" and self.numeric and _numbers_only(before) and _numbers_only(b):
                link = self._arithmetic_link(before, b) or link  # (0.05 · 0.15 + … = 0.3935: within 1 % of z, still wrong)
            links.append(link)
        self._subject = None
        if any(lk.verdict == OWN_NUMBERS for lk in links):
            self._claim_order.setdefault(claim.id, len(self._claim_order))
            links = [_Link("unchecked", lk.branch) if lk.verdict == "incorrect" and lk.branch else lk for lk in links]
            missing = None if any(lk.verdict == "incorrect" for lk in links) else (
                self._stated_factor_missing(claim.id, sides, links) or self._own_step_differs(claim.id, sides, links))
            if missing is not None:  # (a wrong formula link is the verdict: _own_numbers_result)
                return ClaimResult(claim.id, claim.latex, "unchecked", self._expected_for(qkind) or "", missing,
                                   quantity=key(*qkind) if qkind else claim.quantity, notes=notes)
            result = self._own_numbers_result(claim, sides, links, qkind, notes)
            self._state_own_number(sides, result)
            return result
        if _own_example(sides, links):
            return ClaimResult(claim.id, claim.latex, "unchecked", "", "an operation shown on its own numbers (a ⊙ b = "
                               "(1·4, …) = …): the numbers do not have the shape of the network's quantities its letters "
                               "name, so the letters stand for other vectors here", quantity=claim.quantity)
        verdict = _combine([lk.verdict for lk in links])
        if (verdict == "incorrect" and qkind is not None and qkind[0] in ("W_next", "b_next")
                and self.net.optimizer.name == "adam" and nesterov_moment(sides[-1]) and self._surveys_optimizers()):
            return ClaimResult(claim.id, claim.latex, "unchecked", "", "not judged: the step adds the raw gradient to "
                               "Adam's first moment and does not hold as Adam's: Nesterov's look-ahead (Nadam's step, "
                               "β_1 m̂_t + (1 − β_1) g_t/(1 − β_1^t)), another optimizer than the spec's (adam), in an "
                               "answer setting out several in turn", quantity=claim.quantity)
        bad = next((lk for lk in links if lk.verdict == verdict), links[0])
        expected = bad.expected or self._expected_for(qkind)
        res = ClaimResult(claim.id, claim.latex, verdict, expected or "", "",
                          quantity=key(*qkind) if qkind else _every_entry(sides[0]) or claim.quantity,
                          tolerance=next((lk.tolerance for lk in links if lk.tolerance), None), notes=notes)
        res.links = [lk.verdict for lk in links]
        if len(links) > 1:
            prefix = f"link {links.index(bad) + 1} of {len(links)}: " if verdict != "correct" else f"all {len(links)} links hold"
        else:
            prefix = ""
        res.message = (prefix + bad.message).strip() if verdict != "correct" else (prefix or bad.message or "matches the derived result")
        if bad.diagnosis:
            res.diagnosis_key, res.diagnosis = bad.diagnosis
        res.counterexample = bad.counterexample
        if notes:
            res.message += " (" + "; ".join(notes) + ")"
        if self.numeric and self._remembering and verdict == "incorrect":
            if all(lk.verdict == "correct" for lk in links[:links.index(bad)]) and self._subject_is_expected(
                    sides[0], bad.counterexample):
                keep(self.copied, stated_wrong(claim.id, sides[-1], bad.counterexample, sides[0]))
        if self.numeric and qkind is not None and self._remembering:
            self._remember(qkind, sides)
        elif self.numeric and self._remembering and qnode is None and _scaled_quantity(sides[0]):
            # Hagan's s^1 = 2 δ^{(1)} under F̂ = eᵀe (the answer's own scale): its stated value is k × the quantity's
            self._remember(sides[0].args[1].value, sides, scale=sides[0].args[0].value[0])
        elif self.numeric and self._remembering and sides[0].op in ("comp", "entry") and sides[0].args[0].op == "q":
            self._remember_entry(sides[0], sides)
        return res

    def _stated_factor_missing(self, at: str, sides: list[Node], links: list) -> str | None:
        """A product of letters set equal to a product of the answer's own numbers (``\\frac{∂E_{o1}}{∂net_{o1}}
        \\frac{∂net_{o1}}{∂out_{h1}} = 0.7576 \\times 0.1784``) while an earlier claim judged correct stated one of
        those factors' value (``\\frac{∂net_{o1}}{∂out_{h1}} = w5 = 0.4``): as a TA reads a worked step, the numbers
        stand for the factors, so that value must be among them (within the rounding of the digits written). When it is
        not, which number stands for which factor is not the answer's own, and the claim's numbers are not checked: the
        reason, else None. (Without [values] the true value of the other factors is unknown, so no verdict.)"""
        for letters, numbers in _own_number_links(sides, links):
            if letters.op != "mul" or numbers.op != "mul" or len(letters.args) != len(numbers.args) or not all(
                    n.op == "num" for n in numbers.args):
                continue
            written = [float(n.value[0]) for n in numbers.args]
            for factor in letters.args:
                stated = self._earlier(at, factor)  # (a value stated by this claim or a later one does not count)
                if stated is not None and not any(abs(w - stated[0]) <= max(5e-4, 0.005 * abs(stated[0]))
                                                  for w in written):
                    return (f"the numbers written for the product ({', '.join(show(n) for n in numbers.args)}) do "
                            f"not include the answer's own value of {show(factor, self.net.convention)} ({stated[1]}: "
                            f"{stated[0]:g}), so which number stands for which factor is not said; the step's numbers "
                            "are not checked")
        return None

    def _layered_letters(self) -> frozenset:
        """The letters the answer writes with a layer script somewhere (``layered_letters``), read once."""
        if self._layered is None:
            self._layered = layered_letters(c.latex for c in self._claims)
        return self._layered

    def _earlier(self, at: str, quantity: Node):
        """The answer's own value of ``quantity`` stated by a claim before ``at``: (number, claim id, its num node)."""
        stated = self.own_stated.get((self.notation, show(quantity, self.net.convention)))
        if stated is None or self._claim_order.get(stated[1], 1 << 30) >= self._claim_order[at]:
            return None
        return stated

    def _own_step_differs(self, at: str, sides: list[Node], links: list) -> str | None:
        """A letters side set equal to written numbers (``\\sigma(z1) = \\frac{1}{1 + e^{-0.3275}}``, ``a_{h2} =
        \\sigma(z2) = 0.5482``) whose letters all have values the answer stated earlier (z1 = … = 0.3325): with those
        values put in, the letters side must give the numbers within how far the rounding of both carries (a TA's "the
        result of its own step on the author's earlier numbers"). When it does not, the numbers are not the step's on
        the answer's own values, and without [values] their truth is unknown: the reason the claim is unchecked (not
        correct on its formula links alone), else None."""
        for letters, numbers in _own_number_links(sides, links):
            own, found, _ = self._with_own_values(letters, lambda node: self._earlier(at, node))
            used = [f"{show(node, self.net.convention)} = {stated[0]:g} ({stated[1]})" for node, stated in found]
            if used and any(n.op == "q" for n in own.walk()):  # some letters without a stated value: their terms
                part = self._misaligned_term(own, numbers)  # written out term by term, the known ones compared
                if part is not None:
                    return (f"with the answer's own earlier values ({'; '.join(used)}) {part[0]} is {part[1]:.6g}, "
                            f"but the numbers written in its place give {part[2]:.6g} (beyond the rounding of the digits "
                            "written): the numbers are not the step's on the answer's own values, and without [values] "
                            "they are not checked")
                continue
            if not used or not (any(n.op == "num" for n in own.walk())
                                and all(literal_op(n) or n.op == "const" for n in own.walk())):
                continue  # (a constant is the spec's: w - η ∂L/∂w with the stated w and ∂L/∂w, η the learning rate)
            agree = self._within_rounding(own, numbers)
            if agree is None or agree[0]:
                continue
            mine, written = agree[1], agree[2]
            return (f"with the answer's own earlier values ({'; '.join(used)}) {show(letters, self.net.convention)} "
                    f"is {float(mine.reshape(-1)[0]):.6g}, not the {float(written.reshape(-1)[0]):.6g} written "
                    f"({show(numbers, self.net.convention)}, beyond the rounding of the digits written): the numbers are "
                    "not the step's on the answer's own values, and without [values] they are not checked")
        return None

    def _misaligned_term(self, own: Node, numbers: Node, depth: int = 0) -> tuple | None:
        """A letters side with stated values put in (``own``) and the numbers written for it, walked together while
        their operators agree (Keonhee's ``w_1 - η ∂L/∂w_1 = 0.3 - (-0.0204)``: − over −): a term whose letters all have
        values (η ∂L/∂w_1 = 0.1 · (−0.0204)) beside written numbers that differ from it beyond their rounding (−0.0204:
        η left out) -> (the term, its value, the numbers' value); None when every such term agrees or none can be
        compared (the numbers folded differently: 0.3 + 0.00204)."""
        if depth > 30:
            return None
        if own.op == numbers.op and own.op in ("add", "sub", "mul", "div", "neg") and len(own.args) == len(numbers.args):
            for a, b in zip(own.args, numbers.args, strict=True):
                found = self._misaligned_term(a, b, depth + 1)
                if found is not None:
                    return found
            return None
        if own.op == "num" or any(n.op == "q" for n in own.walk()) or not _numbers_only(numbers):
            return None  # (a number written for itself, a term with an unknown letter, letters on the numbers' side)
        agree = self._within_rounding(own, numbers)
        if agree is None or agree[0] or agree[1].size != 1:
            return None
        return show(own, self.net.convention), float(agree[1].reshape(-1)[0]), float(agree[2].reshape(-1)[0])

    def _state_own_number(self, sides: list[Node], result: ClaimResult) -> None:
        """Keeps the number a claim without [values] ends on as the answer's value of its subject (and of every single
        quantity the chain equates with it), for ``_stated_factor_missing`` and ``_own_step_differs``: a claim judged
        correct, or one whose only links are its own numbers and arithmetic that holds (``z1 = (0.15 \\times 0.05 +
        …) = 0.3325``)."""
        last = sides[-1]
        negative = last.op == "neg" and last.args[0].op == "num"  # ∂L/∂w_1 = … = -0.0204
        if last.op == "matrix" and _numbers_only(last) and result.verdict in ("correct", "unchecked") and "incorrect" not in (
                result.links or ()):  # W^{(1)} = [[0.1, 0.2], …]: a matrix the answer gives (Judge._tied)
            try:
                array = np.asarray(evaluate(last, self.context(self.envs[0])), dtype=float)
            except (ShapeMismatch, Unreadable, ValueError, FloatingPointError, TypeError):
                return
            for side in sides[:-1]:
                if side.op in ("entry", "comp", "q", "jac", "T") and not _numbers_only(side):
                    self.own_arrays.setdefault((self.notation, show(side, self.net.convention)), array)
            return
        fraction = _written_fraction(last)  # (UCSC's ∂E/∂w_{5,3} = … = -\frac{1}{2})
        if last.op != "num" and not negative and fraction is None or result.verdict not in ("correct", "unchecked") or (
                "incorrect" in (result.links or ())):
            return
        value = fraction if fraction is not None else -float(last.args[0].value[0]) if negative else float(last.value[0])
        for side in sides[:-1]:
            if side.op in ("entry", "comp", "q", "jac") and not _numbers_only(side):  # (jac: ∂ŷ/∂z = 0.235)
                self.own_stated.setdefault((self.notation, show(side, self.net.convention)), (
                    value, result.id, last, result.verdict))  # (per reading: z is h in another)

    def _own_numbers_result(self, claim: Claim, sides: list[Node], links: list, qkind, notes: list) -> ClaimResult:
        """A chain through the answer's own numbers without [values] (ruyiq's z = W^{(1)} x = [1 2 1; …] [1; 3; 1] =
        [8; 1; -6]): the numbers cannot be compared with the network's random points, so the links that equate
        letters with numbers are left out; the formula links and the arithmetic between numbers are judged. With no
        formula link judged, the claim is unchecked."""
        judged = [(i, lk) for i, lk in enumerate(links) if lk.verdict != OWN_NUMBERS
                  and not (lk.verdict == "incorrect" and self._stated_number_inside(sides[i], sides[i + 1]))]
        formula = [lk for i, lk in judged if not (_numbers_only(sides[i]) and _numbers_only(sides[i + 1]))]
        why = ("the answer computes with its own numbers and the spec gives no [values], so the numbers are not "
               "compared with the network's; give them as [values] to check them")
        if len(sides) == 2 and any(_zero(side) for side in sides):
            why = ("not judged: it sets a quantity to 0 — a condition the answer imposes (the normal equations' "
                   "X^T(Xw − y) = 0), an initial value or its own example's zeros — which no random point of the "
                   "network has")
        quantity = key(*qkind) if qkind else claim.quantity
        verdict = _combine([lk.verdict for _, lk in judged]) if judged else "unchecked"
        if not formula and verdict != "incorrect":
            return ClaimResult(claim.id, claim.latex, "unchecked", self._expected_for(qkind) or "", why,
                               quantity=quantity, notes=notes)
        if verdict == "correct" and not all(_substituted_term_by_term(letters, numbers)
                                            for letters, numbers in _own_number_links(sides, links)):
            # Mihir's Loss = -\sum y_{true} \log(y_{pred}) = -\log(0.242): the numbers do not follow the formula term
            # by term (a sum collapsed to the one term the answer picked), so which number stands for which letter —
            # the true class's probability or another's — is not said: the formula and the arithmetic holding are no
            # verdict on the claim
            return ClaimResult(claim.id, claim.latex, "unchecked", self._expected_for(qkind) or "",
                               "the formula and the arithmetic hold, but the numbers written for the formula do not "
                               f"follow its terms one by one, so which number stands for which letter is not said ({why})",
                               quantity=quantity, notes=notes)
        if verdict == "correct":
            self._tying = claim.id
            try:
                loose = [leaf for letters, numbers in _own_number_links(sides, links)
                         for leaf, number in _substituted_leaves(letters, numbers) if not self._tied(leaf, number)]
            finally:
                self._tying = None
            if loose:
                # froukje's ∂L/∂w^{(2)} = ∂L/∂ŷ ∂ŷ/∂z^{(3)} ∂z^{(3)}/∂w^{(2)} = (−0.875) · 0.235 · 0.5: the formula and the
                # arithmetic hold, but 0.5 (x) was put in for a^{(2)} = 0.56 — a number the answer does not state
                # elsewhere for its letter is not checked, so neither is the claim
                return ClaimResult(claim.id, claim.latex, "unchecked", self._expected_for(qkind) or "",
                                   "the formula and the arithmetic hold, but the number put in for "
                                   f"{show(loose[0], self.net.convention)} is not one the answer states for it elsewhere, "
                                   f"so the substitution is not checked ({why})", quantity=quantity, notes=notes)
        i, bad = next(((i, lk) for i, lk in judged if lk.verdict == verdict), judged[0])
        res = ClaimResult(claim.id, claim.latex, verdict, bad.expected or self._expected_for(qkind) or "", "",
                          quantity=quantity, notes=notes + [why])
        res.links = [lk.verdict for lk in links]
        done = "the arithmetic on them and the formulas hold" if verdict == "correct" else bad.message
        res.message = (f"link {i + 1} of {len(links)}: " if verdict != "correct" else "") + done + f" ({why})"
        if bad.diagnosis and verdict != "correct":
            res.diagnosis_key, res.diagnosis = bad.diagnosis
        res.counterexample = bad.counterexample if verdict != "correct" else None
        return res

    def _tied(self, leaf: Node, number: Node) -> bool:
        """Whether the number written for ``leaf`` (a quantity, a derivative) is the answer's own value of it, stated
        in an earlier claim (``own_stated``), to the rounding of the two; a number standing for a number is."""
        if _numbers_only(leaf) or not _numbers_only(number):
            return True  # (a number for a number; letters for a factor, 0.138 · a_1: no number put in there)
        ctx = self.context(self.envs[0])
        try:
            written = np.asarray(evaluate(number, ctx), dtype=float)
            if leaf.op == "const" or leaf.op == "mul" and all(a.op in ("const", "num") for a in leaf.args):
                # α, η: the spec's constant (the rate the answer writes as 0.1 is the spec's, or it is not)
                return bool(np.allclose(np.asarray(evaluate(leaf, ctx), dtype=float), written, rtol=0.005, atol=1e-9))
        except (ShapeMismatch, Unreadable, ValueError, FloatingPointError, TypeError, IndexError):
            return False
        key_ = (self.notation, show(leaf, self.net.convention))
        if key_ in self.own_arrays:  # W^{(1)} given as a matrix, put in as that matrix
            given = self.own_arrays[key_]
            return written.shape == given.shape and bool(np.allclose(written, given, rtol=0.005, atol=5e-4))
        stated = self.own_stated.get(key_)
        if stated is not None:
            self._lean_on(stated)
        if stated is None and not _given_letter(leaf) and self._by_stated_values(leaf, number, written):
            return True  # σ(z1) = 0.5824 after z1 = … = 0.3325: the step on the answer's own earlier value
        if stated is None and _given_letter(leaf):
            # ruyiq's z = W^{(1)} x = [[1, 2, 1], …] [1; 3; 1]: a weight, a bias, the input or the target is data the
            # problem gives — its first numbers are its value (kept: a later different one is not tied)
            self.own_arrays[key_] = written
            return True
        if stated is None or written.size != 1:
            return False
        agree = self._within_rounding(stated[2], number)  # (each number moved by half a unit of its last digit)
        return agree is not None and (agree[0] or abs(float(written.reshape(-1)[0]) - stated[0]) <= 0.005 * abs(stated[0]))

    def _stated_number_inside(self, *sides: Node) -> bool:
        """Whether a side that names quantities also holds a number the answer stated earlier as its value of one
        (UCSC's w_{5,3} = w_{5,3} − 0.1 · (−½) after ∂E/∂w_{5,3} = −½): a letter put in as its own value among letters
        left as they are — at the network's random points that number is no letter's value, so such a link is the
        answer's own arithmetic, not a formula to judge there."""
        stated = [(float(v[0]), v[2]) for v in self.own_stated.values()
                  if v[2] is not None and v[0] not in _STRUCTURAL][-MAX_STATED:]
        if not stated:
            return False
        ctx = self.context(self.envs[0])
        for side in sides:
            if _numbers_only(side) or not any(n.op == "num" for n in side.walk()):
                continue
            numbers = [n for n in side.walk() if n.op in ("num", "neg", "div") and _numbers_only(n)][:MAX_STATED]
            for n in numbers:  # (bounded: the last MAX_STATED stated values against as many numbers of a side)
                try:
                    value = float(np.asarray(evaluate(n, ctx), dtype=float).reshape(-1)[0])
                except (ShapeMismatch, Unreadable, ValueError, FloatingPointError, TypeError, IndexError):
                    continue
                near = [own for v, own in stated if abs(v - value) <= 0.01 * max(1.0, abs(v))]  # (then to rounding)
                if any((agree := self._within_rounding(own, n)) is not None and agree[0] for own in near):
                    return True
        return False

    def _subject_is_expected(self, subject: Node, counterexample: dict | None) -> bool:
        """Whether the value a failing link expected is the claim's subject's true value (its first side, evaluated at
        the first point): then it is the truth the claim's last number was stated for (copied.py). Luis's planted
        ∂y/∂h = h = 2(0.8808) = 1.7616 fails on its first link with h's value expected, not ∂y/∂h's — kept as that
        claim's truth, it turned a later wrong product into an error carried forward."""
        if not counterexample or "expected" not in counterexample:
            return False
        try:
            truth = np.asarray(evaluate(subject, self.context(self.envs[0])), dtype=float)
        except (ShapeMismatch, Unreadable, ValueError, FloatingPointError, TypeError, IndexError):
            return False
        expected = float(counterexample["expected"])
        return truth.size == 1 and bool(np.isclose(float(truth.reshape(-1)[0]), expected, rtol=1e-9, atol=1e-12))

    def _lean_on(self, stated: tuple) -> None:
        """Records that the claim being checked puts in the number an earlier claim stated (``own_stated``'s entry)."""
        if self._tying is not None and len(stated) > 3:
            self._leaned.setdefault(self._tying, {}).setdefault(stated[1], stated[3])

    def _unjudge_leaning(self, results) -> None:
        """A claim judged ``correct`` on a number an earlier claim stated, whose verdict a later pass changed (Korniak's
        w21⁺ = 0.1 − 0.1 · (−0.006384) after ∂E/∂w21 = −0.006384, a derivative its objective's unread scale leaves
        unjudged): whether the number it puts in is right is then not known either — ``unchecked``, saying so. (A verdict
        raised to ``correct`` afterwards leaves the claim as it is.)"""
        final = {}
        for r in results:
            if r.verdict == "correct" and r.id in self._leaned:
                changed = [(k, v) for k, v in self._leaned[r.id].items() if k in final and final[k] not in ("correct", v)]
                if changed:
                    k, _ = changed[0]
                    r.unjudge()
                    r.message = (f"not judged: it puts in the number {k} states, and {k} is {final[k]} "
                                 f"({r.message})")
            final[r.id] = r.verdict

    def _by_stated_values(self, leaf: Node, number: Node, written: np.ndarray) -> bool:
        """Whether ``leaf`` with the answer's own stated value put in for each of its letters (every one has one: a
        formula of constants and numbers then) gives the number written for it, within the rounding of both."""
        own, found, missing = self._with_own_values(
            leaf, lambda node: self.own_stated.get((self.notation, show(node, self.net.convention))))
        if missing or not all(literal_op(n) or n.op == "const" for n in own.walk()):
            return False
        for _, stated in found:
            self._lean_on(stated)
        agree = self._within_rounding(own, number)
        return agree is not None and agree[0]

    def _with_own_values(self, node: Node, lookup) -> tuple[Node, list, list]:
        """``node`` with the answer's own value put in for each quantity ``lookup`` finds one for (its stated number's
        node); returns (the new node, [(quantity, stated)], [quantities without one])."""
        found: list = []
        missing: list = []

        def put(n: Node) -> Node:
            if n.op in ("entry", "comp", "q"):
                stated = lookup(n)
                if stated is None:
                    missing.append(n)
                    return n
                found.append((n, stated))
                return stated[2]
            return Node(n.op, tuple(put(a) for a in n.args), n.value) if n.args else n

        return put(node), found, missing

    def _within_rounding(self, own: Node, numbers: Node) -> tuple[bool, np.ndarray, np.ndarray] | None:
        """(whether ``own`` and ``numbers`` agree within how far the rounding of both carries, their values), or None
        when either does not evaluate or their sizes differ."""
        try:
            ctx = self.context(self.envs[0])
            mine, written = (np.asarray(evaluate(own, ctx), dtype=float), np.asarray(evaluate(numbers, ctx), dtype=float))
        except (ShapeMismatch, Unreadable, ValueError, FloatingPointError, TypeError):
            return None
        spread_a, spread_b = self._propagated(own), self._propagated(numbers)
        if mine.size != written.size or spread_a is None or spread_b is None:
            return None
        return bool(np.all(np.abs(mine.reshape(-1) - written.reshape(-1)) <= spread_a + spread_b + 1e-9)), mine, written

    def _one_entry(self, side: str, layer_env: dict | None) -> bool:
        """Whether ``side`` reads as one entry (of a vector, a matrix, a Jacobian: ∂ŷ_k/∂z_k, W_{jk})."""
        try:
            sides, rels = parse_claim(side, self.notation, self.net.depth, layer_env)
        except (Unreadable, NeedsLayer, RecursionError):
            return False
        return not rels and sides[0].op in ("entry", "comp")

    def _readable_sides(self, claim: Claim, layer_env: dict | None, letters: bool = False) -> tuple[str, str] | None:
        """A chain ``a = b = c`` in which some sides do not read (``letters``: or are written numbers only): the chain
        of the sides that do (at least two, the first among them), and which sides were left out; None when that is
        not such a chain."""
        sides = _top_sides(claim.latex)
        if len(sides) < 3:
            return None
        ok = []
        for k, side in enumerate(sides):
            try:
                node = parse_claim(side, self.notation, self.net.depth, layer_env)[0]
                if not (letters and len(node) == 1 and _numbers_only(node[0])):
                    ok.append(k)
            except NeedsLayer:
                ok.append(k)
            except (Unreadable, RecursionError):
                continue
        if len(ok) < 2 or ok[0] != 0 or len(ok) == len(sides):
            return None
        left_out = [k + 1 for k in range(len(sides)) if k not in ok]
        return " = ".join(sides[k] for k in ok), "side " + ", ".join(map(str, left_out)) + f" of {len(sides)}"

    def _check_rows(self, claim: Claim, rows: list[str], layer_env: dict | None) -> ClaimResult:
        """A block of equations under one label (an ``aligned`` block with one ``\\tag``): each row is judged;
        the verdict is the worst, and a wrong row is named."""
        results = [self._defined_row(claim, k, row) or self._check_one(Claim(claim.id, row, None, claim.where), layer_env)
                   for k, row in enumerate(rows)]
        # a row that defines the answer's own symbol is not graded: the others are the claim's verdict
        # ("Let e = ŷ − y. Then ∂L/∂W₂ = e hᵀ and ∂L/∂b₂ = e", typed on one line)
        graded = [r for r, row in zip(results, rows, strict=True) if not r.message.startswith(_OWN_DEFINITION)]
        if len(graded) == len(results) or not graded or not all(  # (only derivatives beside a definition: a forward
                _DERIVATIVE_SUBJECT.search(_top_sides(row)[0][:200]) for r, row in zip(results, rows, strict=True)
                if r in graded):  # row beside it, B = A W_2 after A = X W_1, is read through the same letters)
            graded = results
        verdict = _combine([r.verdict for r in graded])
        k, worst = next((k, r) for k, r in enumerate(results) if r.verdict == verdict and r in graded)
        out = ClaimResult(claim.id, claim.latex, verdict, worst.expected, worst.message, quantity=worst.quantity,
                          tolerance=worst.tolerance, diagnosis=worst.diagnosis, diagnosis_key=worst.diagnosis_key,
                          counterexample=worst.counterexample, notes=list(worst.notes), links=[r.verdict for r in results])
        if verdict == "correct" and len(graded) < len(results):
            out.message = (f"all {len(graded)} equations that are not definitions hold (the others define the answer's "
                           "own symbols: not graded)")
        elif verdict == "correct":
            out.message = f"all {len(rows)} equations hold"
        else:
            out.message = f"equation {k + 1} of {len(rows)}: {worst.message}"
        return out

    def _defined_row(self, claim: Claim, k: int, row: str) -> ClaimResult | None:
        """Row ``k`` of a block that defines one of the answer's own symbols (CS231n's ``H = …, \\qquad S = H W_2 + b_2``:
        ``_with_rows``): its verdict as a definition, as for a claim of its own."""
        found = self.defining.get(_row_id(claim.id, k))
        self._history = self._history or found is not None
        if found is None or found[0] == "rest":
            return None
        return ClaimResult(claim.id, row, found[0], "", found[1], notes=["a definition"])

    def _check_statements(self, claim: Claim, statements: list[str], layer_env: dict | None) -> ClaimResult:
        """Statements an implication joins (``A = B \\implies C = D``): each judged like the rows of a block; but when
        one does not read for its letters (a letter unknown or read as another layer) and another is judged wrong,
        the letters may be misread in both, so the claim is unchecked (as a chain's unread side, _check_one)."""
        result = self._check_rows(claim, statements, layer_env)
        if result.verdict != "incorrect":
            return result
        results = [self._check_one(Claim(claim.id, part, None, claim.where), layer_env) for part in statements]
        unread = next((k for k, r in enumerate(results) if r.verdict == "unchecked" and not _KNOWN_MACRO.search(r.message)
                       and (_NOTATION_UNREAD.search(r.message) or NO_SUCH_LAYER.search(r.message))), None)
        if unread is None:
            return result
        return ClaimResult(claim.id, claim.latex, "unchecked", result.expected,
                           f"could not read statement {unread + 1} of {len(statements)} ({results[unread].message}); "
                           f"{result.message.replace('equation', 'statement', 1)}, which may be a misreading of the "
                           "same letters", quantity=claim.quantity)

    def _check_every_layer(self, claim: Claim, var: str, env: dict) -> ClaimResult:
        """A claim with a generic layer index (``\\delta^{(l)} = (W^{(l+1)})^T \\delta^{(l+1)} \\odot \\sigma'(z^{(l)})``)
        is checked for every layer it can apply to (every l whose indices name layers of the network); the verdict
        is the worst, and a wrong one names the layer."""
        if var in PAREN_LAYER_LETTERS and re.search(r"\^\s*\{?\s*\(\s*" + var + r"\s*(?:[+-]\s*\d+\s*)?\)", claim.latex) and any(
                var in (m.group(1) or m.group(2)) for m in _ENTRY_SCRIPT.finditer(layer_functions(claim.latex))):
            return ClaimResult(claim.id, claim.latex, "unchecked", "",
                               f"could not read the claim: {var} is both a layer (^{{({var})}}) and an entry index "
                               f"(_{var}) in it — UFLDL's softmax regression writes θ^{{({var})}} for the weights of class "
                               f"{var}; write the layer as a number, or map the symbol in [notation]", quantity=claim.quantity)
        if var == "every" and _ALL_WEIGHTS_PENALTY.search(claim.latex[:4000]):
            # Goodfellow's J̃ = α‖w‖_1 + J: w is every layer's weights at once, a penalty's sum over all of them, where
            # a claim without a layer is read for each layer's parameters in turn
            return ClaimResult(claim.id, claim.latex, "unchecked", "",
                               "not judged: the norm of w here is a penalty over every layer's weights at once, and a "
                               "claim that writes no layer is read for each layer's parameters in turn; write the sum "
                               "over the layers, e.g. \\sum_l \\|W^{(l)}\\|_1", quantity=claim.quantity)
        if var not in ("unit", "every") and self._masks_its_own_layers(var):
            return ClaimResult(claim.id, claim.latex, "unchecked", "",
                               f"the answer applies a dropout mask to its own layer's activation ({self._own_mask}) and "
                               f"feeds it to W of the next {var}: its {var} counts the layers with weights only and its "
                               f"activation is the one before the mask, where gradproof numbers the dropout layers too; "
                               f"write the claim with the network's layer numbers (the spec's dropout layers counted)",
                               quantity=claim.quantity)
        first = 0 if var == "unit" else int(dict(self.notation.options).get("input_layer", 0))
        narrowed = False
        done: list[tuple[int, ClaimResult]] = []
        inputs = False  # a claim on the network's input x: z = w x + b (Koerbitz's one-neuron layer) is the first layer's
        paired: set = set()  # the values at which every ∂z/∂w of the claim pairs z with its own layer's w
        single: set = set()  # the values at which all the claim's parameters are one layer's (_one_parameter_layer)
        values = list(range(first, first + self.net.depth + 1))
        # a product over layers with dots (layerdots.py) is written out once per layer, longer the further the layer is
        # from the end the dots run to: the layers are tried from that end on (the shorter product of the two ends'),
        # and once MAX_DOTTED_BLOCKS blocks are written in all (a network of ~50 layers) the rest are not checked
        dotted = "\\" in claim.latex and any(f"\\{d}" in claim.latex for d in layerdots.DOTS)
        beyond: list = []
        # (a reading scored by verdicts, infer.py, needs only evidence: the products of the ~18 layers nearest that end)
        budget = MAX_DOTTED_BLOCKS // 8 if self.verdicts_only else MAX_DOTTED_BLOCKS
        if dotted and len(values) > 1:
            values = self._dots_order(claim, var, env, values)
        start = layerdots.WRITTEN[0]
        for value in values:
            if dotted and layerdots.WRITTEN[0] - start > budget:
                beyond.append(value)
                continue
            try:
                sides, _ = parse_claim(claim.latex, self.notation, self.net.depth, {**env, var: value})
                inputs = inputs or any(n.op == "q" and n.value[0] == "x" for side in sides for n in side.walk())
                if var == "every" and _own_layer_derivatives(sides):
                    paired.add(value)
                if var == "every" and _one_parameter_layer(sides):
                    single.add(value)
            except NoSuchLayer:
                continue
            except NeedsLayer:
                pass  # a second generic index: _check_one tries each of its values too
            except Unreadable:
                pass
            done.append((value, self._check_one(claim, {**env, var: value})))
        done.sort(key=lambda vr: vr[0])
        if not done and beyond:
            return ClaimResult(claim.id, claim.latex, "unchecked", "", "not judged: the product over layers its dots "
                               f"stand for was written out for no layer of the network before {budget} blocks were "
                               "written in all", quantity=claim.quantity)
        if not done:
            return ClaimResult(claim.id, claim.latex, "unchecked", "",
                               f"the claim names a layer outside the network for every value of {var}", quantity=claim.quantity)
        done, scoped = scope_layers(self, claim, var, env, done, first)  # "for the output layer" (layerscope.py)
        if self._case_scope is not None:  # (one case of _cases_by_layer: only at the layers its words name)
            wanted = scope_values(self._case_scope, 0 if var == "unit" else first, self.net.depth)
            done = [(v, r) for v, r in done if v in wanted]
            if not done:
                return ClaimResult(claim.id, claim.latex, "unchecked", "", f"the case for the {self._case_scope} layer reads "
                                   f"at no {self._case_scope} layer (its indices fit another)", quantity=claim.quantity)
        if var == "unit":  # a generic unit j (Mitchell, Haykin): a layer whose sizes do not fit the claim's indices is
            fits = [(v, r) for v, r in done if "counts both" not in r.message]  # not one the claim is about
            done = fits or done
            if self._names_the_output(claim, env, var):  # ∂E/∂o_j = ∂E/∂y: j is the output unit y
                done = [(v, r) for v, r in done if v == self.net.depth] or done
        elif var != "every" and _clash_at_some_layers(done):
            # ∂/∂z_j^ℓ [½(y_j − g(z_j^L))²] at ℓ = 1: the one index j would count the entries of two layers (4 and 2),
            # a clash made by the value given to ℓ, not by the claim, which reads with no clash at another value
            done = [(v, _index_clash_unread(r)) if r.verdict == "incorrect" and _INDEX_CLASH.search(r.message) else (v, r)
                    for v, r in done]
        elif var != "every" and (kept := self._by_written_slope(claim, done)) is not None:
            # dassein's ∂J/∂Z^{(k)} = ∂J/∂a^{(k)} ⊙ a^{(k)} ⊙ (1 − a^{(k)}) in a net whose last layer is a softmax: the
            # sigmoid's slope written out makes it a rule for the sigmoid layers
            done = kept
        elif var == "every" and inputs and len(done) > 1:
            done = done[:1]  # the parameters whose layer reads x: the first
            narrowed = True
        elif var == "every" and paired and len(done) > 1:
            # Koerbitz's ∂C/∂w = ∂C/∂a ∂a/∂z ∂z/∂w with z the hidden layer's: w is the weight z is summed with
            done = [(v, r) for v, r in done if v in paired]
            narrowed = "the parameters of the layer its ∂z/∂w names"
        elif var == "every" and single and len(single) < len(done):
            # NBIS's w' = w − η ∂L/∂w_2: the weight without a layer is the one the claim names with its layer (w_2)
            done = [(v, r) for v, r in done if v in single]
            narrowed = "the parameters of the layer the claim names elsewhere"
        elif var == "every" and len(done) > 1 and _WRITTEN_MATRIX.search(claim.latex) and any(
                not _shape_failed(r) for _, r in done) and any(_shape_failed(r) for _, r in done):
            # Charatsidis's Δw = [−0.41 −0.82 0.07] with w the output layer's (his W the first's): a matrix of numbers
            # is the parameters of the layer whose shapes it fits, not of every layer
            done = [(v, r) for v, r in done if not _shape_failed(r)]
            narrowed = "the parameters of the layer whose shapes its numbers fit"
        elif var == "every" and dict(self.notation.options).get("unindexed_layer"):
            # CS224n's z = W x + b with z the hidden layer's: W is the layer's whose shapes fit, not every layer's
            fits = [(v, r) for v, r in done if not _shape_failed(r)]
            narrowed = bool(fits) and len(fits) < len(done)
            done = fits or done
        # at the first layer a backward step may reach the input (Goodfellow's g ← ∇_{h^{(k-1)}} J at k = 1): the
        # gradient by the input is not a quantity of the network, so that step is left out, not the whole claim
        # a layer the spec writes without a bias (bias = false) for a claim about b^{(l)} is left out too
        skipped = [v for v, r in done if r.verdict == "unchecked" and ("with respect to x " in r.message
                                                                       or "derivative by one entry x_" in r.message
                                                                       or "the network has no quantity" in r.message
                                                                       or NO_BIAS in r.message
                                                                       or _SOFTMAX_ENTRY in r.message
                                                                       or _SOFTMAX_SLOPE in r.message)]
        if skipped and len(skipped) < len(done):
            done = [(v, r) for v, r in done if v not in skipped]
        unbiased = self._unbiased_only(claim, var, env, done)
        if unbiased is not None:
            return unbiased
        verdict = _combine([r.verdict for _, r in done])
        value, worst = next((v, r) for v, r in done if r.verdict == verdict)
        layers = ", ".join(str(v) for v, _ in done)
        if verdict == "correct" and var not in ("every", "unit") and all(
                any(n.startswith(ONE_BY_ONE) for n in r.notes) for _, r in done):
            # ejhusom's planted δ_l = δ_{l+1} W_{l+1} a'(z_l) (W_{l+1}^T left out): checked only where δ_{l+1} is 1 × 1
            # (one output unit), read there as a scalar times W — for a layer of several units the rule is a product
            # of matrices, whose order and transposes the check could not see
            return ClaimResult(claim.id, claim.latex, "unchecked", worst.expected,
                               f"not judged: for {var} = {layers} it holds only with a 1 × 1 array read as a scalar "
                               "times a weight matrix it does not multiply as matrices; the rule for any layer is a "
                               "product of matrices, whose order and transposes this network (one unit there) cannot "
                               "show", quantity=claim.quantity, notes=list(worst.notes))
        if beyond and verdict == "correct" and not self.verdicts_only:  # (wrong at a layer checked: wrong at any depth)
            beyond.sort()
            return ClaimResult(claim.id, claim.latex, "unchecked", worst.expected,
                               f"not judged for every layer: it holds for {var} = {layers}, but the product over layers "
                               f"its dots stand for is not written out for {var} = {beyond[0]} … {beyond[-1]} (more than "
                               f"{MAX_DOTTED_BLOCKS} blocks in all, a network of about 50 layers)", quantity=claim.quantity,
                               notes=[*worst.notes, f"a product over layers with dots: checked for {var} = {layers} only"])
        every = var in ("every", "unit")  # W = W − α V_{dW}: no layer written, for the parameters of every layer
        what = "a unit of every layer it can be" if var == "unit" else "the parameters of every layer"
        if var == "every" and narrowed:
            what = narrowed if isinstance(narrowed, str) else "the parameters of the layer whose shapes fit"
        if verdict == "correct":
            worst.message = (f"holds for {what} ({layers})" if every
                             else f"holds for every layer {var} = {layers} (checked layer by layer)")
        else:
            where = f"layer {value}" if every else f"{var} = {value}"
            worst.message = f"for {where}: {worst.message} (checked for {'layers ' + layers if every else var + ' = ' + layers})"
        worst.notes.append(f"a generic unit: checked in layers {layers}" if var == "unit"
                           else f"a generic layer index {var}: checked for {var} = {layers}")
        if scoped:  # the layers the answer says it is about (layerscope.py)
            worst.message = (f"holds for {var} = {layers} ({'; '.join(scoped)})" if verdict == "correct"
                             else f"{worst.message} ({'; '.join(scoped)})")
        if skipped:
            worst.notes.append(f"{var} = {', '.join(map(str, skipped))} left out: it reaches the gradient by the input x, "
                               "which gradproof does not derive, a bias the layer does not have, or a softmax applied to "
                               "one unit's entry (a per-unit form that is about the element-wise layers)")
        return worst

    def _dots_order(self, claim: Claim, var: str, env: dict, values: list) -> list:
        """The values of a generic layer index, from the end where the claim's product over layers (layerdots.py) is
        shortest: the layers its dots stand for at the last value and at the first (read afresh, the parse cache
        aside: layerdots.SPAN), once per claim and reading."""
        key = (claim.latex, var, tuple(sorted(env.items())), values[0], values[-1], self.notation)
        try:
            hash(key)
        except TypeError:  # (an unhashable notation value: not remembered)
            key = None
        if key not in self._dots_orders:
            spans = []
            for value in (values[-1], values[0]):
                layerdots.SPAN[0] = None
                try:
                    _parse_new(claim.latex, self.notation, self.net.depth, {**env, var: value})
                except RecursionError:
                    pass
                spans.append(layerdots.SPAN[0] if layerdots.SPAN[0] is not None else float("inf"))
            if len(self._dots_orders) > 4096:
                self._dots_orders.clear()
            self._dots_orders[key] = spans[0] <= spans[1]
        return values[::-1] if self._dots_orders[key] else values

    def _masks_its_own_layers(self, var: str) -> bool:
        """Whether the answer, in a network with dropout layers, writes its forward pass with the mask applied inside a
        weighted layer's formula (Bangguo Wang's ``Z_{l+1} = \\frac{W_{l+1}(A_l * D_l)}{keep\\_prob} + B_{l+1}``): then its
        generic layer letter counts the weighted layers only and its A_l is the activation before the mask — a
        numbering gradproof's (dropout layers counted) cannot be matched to by the letter alone."""
        if self._own_mask is None:
            self._own_mask, self._own_mask_letter = "", ""
            if any(layer.kind == "dropout" for layer in self.net.layers):
                for c in getattr(self, "_claims", [])[:300]:
                    m = _MASKED_ACTIVATION.search(c.latex[:2000])
                    letter = m and (m.group("v") or m.group("u"))
                    if letter and re.search(r"W\s*(?:_|\^)\s*\{?\s*[\[(]?\s*" + letter + r"\s*\+\s*1", c.latex[:2000]):
                        self._own_mask, self._own_mask_letter = " ".join(m.group(0).split()), letter
                        break
        return bool(self._own_mask) and var == self._own_mask_letter

    def _surveys_optimizers(self) -> bool:
        """Whether the answer writes parameter steps of three algorithms or more (Prakash's notes on Ng's course:
        gradient descent, momentum, RMSprop, then Adam): a survey, whose steps of the other algorithms are theirs, not
        slips in the spec's. (Ng's momentum notes with one plain step beside the momentum step: that one is a slip.)"""
        if self._survey is not None:
            return self._survey
        kinds = set()
        rows = [row for c in getattr(self, "_claims", [])[:300] for row in _top_rows(c.latex)]  # (W = …, b = …: each)
        for latex in rows[:300]:
            env: dict = {}
            for _ in range(3):
                try:
                    sides, rels = _as_update(*parse_claim(latex, self.notation, self.net.depth, env))
                    break
                except NeedsLayer as need:
                    env = {**env, need.var: 1}
                except (Unreadable, RecursionError):
                    sides, rels = [], []
                    break
            else:
                sides, rels = [], []
            if sides and sides[0].op == "q" and (rels[:1] == ["<-"] and sides[0].value[0] in ("W", "b")
                                                 or rels[:1] == ["="] and sides[0].value[0] in ("W_next", "b_next")):
                kinds.add(other_step(self.net.optimizer.name, sides[-1]) or "the spec's")
        kinds |= recurrences.survey_families((normalize(c.latex) for c in getattr(self, "_claims", [])[:300]),
                                             self.net.optimizer.name)
        named = getattr(self, "named_optimizers", frozenset())  # Orosanu's "2.1 … momentum", "2.2 RMSprop", "2.3 ADAM"
        self._survey = len(kinds) >= 3 or len(named) >= 3
        return self._survey

    def _as_momentum_step(self, claim: Claim, step: Node) -> ClaimResult | None:
        """In a survey of optimizers under Adam, a step on the first moment alone (Ng's momentum ``W = W − α V_{dW}``):
        judged as momentum's step (foreign.momentum_judge), its verdict there saying so; None for any other step, or
        when it does not read as one there."""
        if not first_moment_step(self.net.optimizer.name, step):
            return None
        if self._momentum is None:
            self._momentum = [momentum_judge(self)]
        if self._momentum[0] is None:
            return None
        result = self._momentum[0].check(claim)
        if result.verdict not in ("correct", "incorrect"):
            return None
        result.message += (" (judged as gradient descent with momentum's step, θ − α v with Ng's v = β v + (1 − β) g: "
                           "the answer sets out several optimizers in turn, and this step is momentum's)")
        return result

    def _unbiased_only(self, claim: Claim, var: str, env: dict, done: list) -> ClaimResult | None:
        """Ng's ``Z^{[l]} = W^{[l]} A^{[l-1]}`` under "with batch norm, b^{[l]} is dropped": a generic claim that writes no
        bias, right for exactly the layers the spec gives no bias and wrong for the others, which have one — it may be
        about the batch-norm layers only, which the claim does not say: unchecked with the reason. None otherwise."""
        if var not in ("l", "every") or len(done) < 2 or any(r.verdict not in ("correct", "incorrect") for _, r in done):
            return None
        biased = {int(p.key[1:]) for p in self.truth.program.params if p.bias and p.key[:1] == "b" and p.key[1:].isdigit()}
        right = [v for v, r in done if r.verdict == "correct"]
        wrong = [v for v, r in done if r.verdict == "incorrect"]
        if not right or not wrong or set(right) & biased or not set(wrong) <= biased:
            return None
        try:
            sides, _ = parse_claim(claim.latex, self.notation, self.net.depth, {**env, var: right[0]})
        except Unreadable:
            return None
        if any(n.op == "q" and is_bias(n.value[0]) for side in sides for n in side.walk()):
            return None
        return ClaimResult(claim.id, claim.latex, "unchecked", "", f"not judged: it writes no bias and holds for the "
                           f"layers the spec gives none ({', '.join(map(str, right))}), not for {', '.join(map(str, wrong))}, "
                           "which have one: it may be about the layers without a bias only (Ng's batch-norm layers), "
                           "which the claim does not say", quantity=claim.quantity)

    def _names_the_output(self, claim: Claim, env: dict, var: str) -> bool:
        """Whether a claim about a generic unit also names the network's output (or target) whole, with no unit:
        Wikipedia's ∂E/∂o_j = ∂E/∂y = y − t is about the output unit."""
        try:
            sides, _ = parse_claim(claim.latex, self.notation, self.net.depth, {**env, var: self.net.depth})
        except Unreadable:
            readable = self._readable_sides(claim, {**env, var: self.net.depth})
            if readable is None:  # (Wikipedia's ∂E/∂o_j = ∂E/∂y = ∂/∂y ½(t − y)² = y − t: the sides that read)
                return False
            try:
                sides, _ = parse_claim(readable[0], self.notation, self.net.depth, {**env, var: self.net.depth})
            except Unreadable:
                return False
        inside = {id(n.args[0]) for side in sides for n in side.walk() if n.op in ("comp", "entry") and n.args}
        return any(n.op == "q" and (n.value[0] == "y" or n.value[0] == "yhat" and id(n) not in inside)
                   for side in sides for n in side.walk())  # (a target's unit, d_j, t_j, is an output unit too)

    def _named(self, claim: Claim):
        if claim.quantity is None:
            return None
        kind, layer = split_key(claim.quantity)
        return (kind, layer) if kind else None

    def _expected_for(self, q) -> str:
        if q is None:
            return ""
        mean = dict(self.notation.options).get("delta_scale") == "mean"  # (CS231n's δ of a batch: the mean loss's)
        k = (q, self.batch, self.truth.samples, self.convention, mean)
        if k not in self._formulas:  # printed by SymPy: 2 ms each, and a chain of 3000 statements names one quantity
            self._formulas[k] = expected_mod.expected(self.d, q[0], q[1], *k[1:3], convention=k[3], delta_mean=mean) or ""
        formula = self._formulas[k]
        if self.numeric:
            v = self.envs[0].get(q)
            value = _tex_value(v) if v is not None else ""
            return f"{formula} = {value}" if formula and value else value
        return formula

    def _own_step(self, node: Node) -> Node:
        """The parameter after one step (``W ← …``) on the answer's own objective: with it k × the spec's (option
        step_scale, infer.scale_options) its gradient step is k × the spec's, as the parser reads ``W^{(2)}_{new}``."""
        k = dict(self.notation.options).get("step_scale")
        if k and node.op in ("comp", "entry") and len(node.args) == 1:  # w_{ji} ← …: the entry of the scaled step
            inner = self._own_step(node.args[0])
            return node if inner is node.args[0] else Node(node.op, (inner,), node.value)
        if not k or node.op != "q" or node.value[0] not in ("W_next", "b_next", "Wb_next"):
            return node
        now = _before_step(node)  # (Wb_next: CS229's θ with its intercept)
        return Node("add", (now, Node("mul", (Node("num", (), (float(k), None)), Node("sub", (node, now))))))

    def _quantity(self, claim: Claim, sides: list[Node], rels: list[str]) -> Node | None:
        if claim.quantity is not None:
            kind, layer = split_key(claim.quantity)
            if kind is None:
                raise Unreadable(f"unknown quantity '{claim.quantity}'")
            return Node("q", (), (kind, layer))
        first = sides[0]
        if rels and rels[0] == "<-":
            if first.op == "q" and first.value[0] in ("W", "b"):
                return Node("q", (), (first.value[0] + "_next", first.value[1]))
            if first.op == "q" and state_kind(first.value[0]):
                return first
            inner = first.args[0] if first.op in ("comp", "entry") and first.args else None
            if first.op == "q" and first.value[0] == "Wb":
                return Node("q", (), ("Wb_next", first.value[1]))
            if first.op == "T" and first.args[0].op == "q" and first.args[0].value[0] == "W":  # a weight vector the
                return Node("T", (Node("q", (), ("W_next", first.args[0].value[1])),))  # answer writes as Wᵀ: w ← w − η ∂L/∂w
            if inner is not None and inner.op == "q" and inner.value[0] in ("W", "b", "Wb"):  # w_{ji} ← w_{ji} + Δw_{ji}
                return Node(first.op, (Node("q", (), (inner.value[0] + "_next", inner.value[1])),), first.value)
            if _step_change(first):
                return None  # Δw(t) := α Δw(t−1) − ε ∂E/∂w: the step's change, its sides compared as an equation's
            if any(n.op == "q" and n.value[0] in ("W", "b") for n in first.walk()):
                raise Unreadable("an update ← needs a weight, a bias or an optimizer state on its left")
            return None  # Mitchell's δ_k ← o_k(1 - o_k)(t_k - o_k): an algorithm's assignment of a computed quantity
        if not rels:
            raise Unreadable("not an equation; add quantity = \"...\" to say what the value is")
        return first if first.op == "q" else None

    # -- one link ------------------------------------------------------------------------------------
    def _link(self, target: Node, student: Node, notes: list) -> _Link:
        nodes = (*target.walk(), *student.walk())
        if self._module_input(target, student):
            return _Link("unchecked", "not judged: a derivative by X written with the output and the target alone, "
                                      "no weight: in a network with hidden layers that X is the input of the module the "
                                      "claim is about (the logits of a loss layer), not the network's input")
        if any(n.op == "q" and n.value[0].endswith("_prev") for n in nodes):
            with self.later_step():
                return self._link_here(target, student, notes)
        first = self._link_here(target, student, notes)
        if first.verdict == "correct" and self._values_repeat() and _formula_only(target) and _formula_only(student):
            # sreekanth's w_1 = w_2 = 0.5: \frac{dL}{dz_2} w_1 holds there where \frac{dL}{dz_2} w_2 is meant
            with self.distinct_values():
                there = self._link_here(target, student, [])
            if there.verdict == "incorrect" and "nan" not in there.message:
                return _Link("unchecked", "not judged: this link of letters holds at the worked example's values only "
                                          "because two of them are the same number there (two weights, or a weight and "
                                          f"an input); at values that differ it does not ({there.message}); give the "
                                          "example distinct values to judge it")
        corrected = any(n.op == "q" and (state_kind(n.value[0]) or ("",))[0] in ("mhat", "vhat") for n in nodes)
        # a step of a stateful optimizer written without its state (W ← W − α dW under momentum) equals the step where
        # the state starts at 0: check a later step too
        stateless = (target.op == "q" and target.value[0] in ("W_next", "b_next") and self.net.optimizer.name != "sgd"
                     and not any(n.op == "q" and state_kind(n.value[0]) for n in nodes))
        if first.verdict == "correct" and (corrected or stateless) and not self.numeric:
            # Adam's bias correction 1/(1 − βᵗ) equals 1/(1 − β) at the first step: check a later step too
            with self.later_step():
                later = self._link_here(target, student, [])
            if later.verdict != "correct":
                later.message = f"right at the first step only (t = 1); at step {LATER_STEP + 1}: {later.message}"
                return later
        return first

    def _step_scale(self, target: Node, tv: list) -> list | None:
        """For a parameter after the step (W^{+}, w_{ij} ← …, the entry of W − η ∂J/∂W), the step's change at each
        env — what a numeric claim's relative tolerance is taken of (``_close``'s scale): a hidden weight's change is a
        small part of the weight, and a slip in it (a gradient twice the true one) must not pass as rounding. None for
        any other target."""
        before = _before_step(target)
        if before is None:
            return None
        try:
            return [np.asarray(t, dtype=float) - np.asarray(evaluate(before, self.context(env)), dtype=float)
                    for t, env in zip(tv, self.envs, strict=True)]
        except (ShapeMismatch, Unreadable, FloatingPointError, ValueError, TypeError):
            return None

    def _module_input(self, target: Node, student: Node) -> bool:
        r"""hmtbgc's loss layer, ``∂L/∂X = −\frac{1}{n}(Y − \hat Y)`` (its X the logits of the layer before): the gradient
        by the input of a network with hidden layers always carries a weight back from the output; one written with
        the output and the target only is about a module's own input, whatever the letter."""
        if not (target.op == "q" and target.value[0] in ("dx", "dxs")) or self.net.depth < 2:
            return False
        kinds = {n.value[0] for n in student.walk() if n.op == "q"}
        return bool(kinds & {"yhat", "y"}) and not kinds & {"W", "Wb", "W_next", "x", "z", "h", "delta", "dz"}

    def _neither_conforms(self, target: Node, student: Node, free) -> bool:
        """log(X/Y) = log X − log Y with X the inputs and Y the targets: each side fails on its own, so the failure is
        the reading of the letters, not the answer's (a wrong claim has a side that conforms: the quantity claimed)."""
        if free:
            return False
        ctx = self.context(self.envs[0])
        for side in (target, student):
            try:
                evaluate(side, ctx)
            except ShapeMismatch:
                continue
            except (Unreadable, ValueError, FloatingPointError):
                return False
            return False
        return True

    def _link_here(self, target: Node, student: Node, notes: list) -> _Link:
        dots_before = notes.count(DOT)  # (the notes are the claim's: a DOT said for an earlier link is not this one's)
        literal = _decimals(student) if self.numeric else None
        if literal is None and self.numeric:
            literal = _decimals(target)
        if literal is None and self.numeric:
            literal = _written_decimals(student)
        if literal is None and not self.numeric and _numbers_only(target) and _numbers_only(student):
            literal = _decimals(student)  # e^{0.0529} ≈ 1.0543: plain arithmetic, to the precision the answer writes
        spread = None
        if self.numeric and literal is not None and any(n.op == "num" and n.value[1] for n in student.walk()) and not (
                _written_as_is(student)):
            spread = self._propagated(student)  # -0.27 - 0.1 (-0.0495)(1): how far the rounding of its numbers carries
            if spread is not None and not np.any(spread) and _given_only(student, getattr(self, "given", ())):
                literal = spread = None  # (0.10 × 0.30) + (0.35 × 0.35) + 0.60 of the given values: exact, no rounding
        tol_text = _tol_text(literal) if self.numeric and literal is not None else None
        if spread is not None and np.size(spread):
            tol_text = (f"±{float(np.max(spread)):.2g} (the rounding of its numbers carried) or "
                        f"{ARITHMETIC_FLOOR:.1%} relative, whichever is larger")
        free = free_indices(Node("pair", (target, student)))
        entries = free or any(n.op in ("comp", "entry") for n in (*target.walk(), *student.walk()))
        try:
            tv, sv = [], []
            for env in self.envs:
                ctx = self.context(env)
                if free:  # δ_j, w_{kj}, a^{(i)}: the claim holds for every value of its free indices
                    sizes = index_sizes((target, student), free, ctx)
                    tv.append(evaluate_over(target, ctx, free, sizes))
                    sv.append(evaluate_over(student, ctx, free, sizes))
                    note = "for every " + ", ".join(f"{v} = 1…{sizes[v]}" for v in free)
                    if note not in notes:
                        notes.append(note)
                else:
                    tv.append(evaluate(target, ctx))
                    sv.append(evaluate(student, ctx))
                notes += [n for n in ctx.notes if n not in notes]
        except ShapeMismatch as exc:
            dotted = self._dot_reading(target, student, free)
            if dotted is not None:
                tv, sv = dotted
                notes.append(DOT)
            if dotted is None:
                dotted = self._regrouped(target, student, free)
                if dotted is not None:
                    tv, sv = dotted
                    notes.append(REGROUPED)
            if dotted is None and self._input_stored_as_rows(target, student):
                return _Link("unchecked", f"{TRANSPOSED_INPUT}: it holds if the answer stores X with one "
                                          "sample per row while its other matrices hold one per column (Raschka's "
                                          "Z = W A^T); the answer does not say so — state X's shape or set [notation] "
                                          "layout")
            if dotted is None and (self.batch > 1 or self._target_transposed()) and self._input_stored_as_rows(
                    target, student, "y", any_batch=True):
                # dassein's ∂J/∂Z^{(K)} = a^{(K)} − Y^T beside J = −tr(Y log a^{(K)}): his Y holds the examples as columns
                return _Link("unchecked", "the target is written transposed (Y^T): the claim holds if the answer stores "
                                          "Y with the examples along the other axis than its outputs (J = −tr(Y log A)); "
                                          "the spec's layout is not the answer's there — state Y's shape to have it judged")
            if dotted is None and self.truth.samples == "columns" and _design_product(student):
                # Ng's vectorised logistic regression, δ = \frac{1}{m} X^T (g(Xθ) − y): X the design matrix, its rows the
                # examples x^{(i)T}, beside x^{(i)} written as columns — a layout the answer mixes, not a mistake
                return _Link("unchecked", f"not judged: its shapes do not fit ({exc}); the claim writes the design matrix "
                                          "X θ (the examples as X's rows) in an answer that writes each example x^{(i)} "
                                          "as a column, so X is laid out otherwise than its x; set [notation] layout")
            if dotted is None and self._target_transposed() and any(n.op == "q" and n.value[0] == "y"
                                                                     for n in student.walk()):
                return _Link("unchecked", _target_laid_out(f"its shapes do not fit ({exc})"))
            if dotted is None and self.batch > 1 and any(n.op == "jac" for n in student.walk()):
                # John Philipp's ∂L/∂b_1 = ∂L/∂z_2 ∂z_2/∂a_1 ∂a_1/∂z_1 ∂z_1/∂b_1: Jacobians of one example's vectors,
                # chained; read in the document's batch their factors are arrays with a sample axis that do not chain
                return _Link("unchecked", f"not judged: a product of Jacobians is about one example, and in the "
                                          f"document's batch of {self.batch} its factors do not chain ({exc})")
            if dotted is None and self._neither_conforms(target, student, free):
                return _Link("unchecked", f"could not read the claim: neither side conforms with its letters read as the "
                                          f"network's quantities ({exc}): they may mean something else here (a rule "
                                          "stated for any X and Y); map them in [notation]")
            if dotted is None:
                probe = _Probe(self, target, student, None, literal, shape_note=f" ({exc})")
                diag = diagnose(probe) if not entries and not self.verdicts_only else None  # the catalogue: matrix forms
                counter = {"point": self.values_point if self.numeric else "any point", "shape_error": str(exc)}
                return _Link("incorrect", diag[1] if diag else str(exc), tol_text, diag, counter, self._expected_node(target))
        except Unreadable as exc:
            return _Link("unchecked", f"could not evaluate: {exc}")
        except (FloatingPointError, ValueError) as exc:
            return _Link("unchecked", f"could not evaluate: {exc}")
        if _flat_list(student) or _flat_list(target) or any(isinstance(v, Flat) for v in (*tv, *sv)):
            tv, sv = _laid_out(tv, sv)  # [0.1, 0.2]: a vector typed as a list has no orientation
        if notes.count(DOT) == dots_before and any(
                np.size(t) == 1 < np.size(s_) or np.size(s_) == 1 < np.size(t) and literal_op(target)
                for t, s_ in zip(tv, sv, strict=True)):  # (either side: [0.1, 0.2] · [1, 2] + 0.5 = 1.0)
            dotted = self._dot_reading(target, student, free)
            if dotted is not None:  # L = -Σ_i Y_i · log A_i: a number is meant, and only the dot product gives one
                tv, sv = dotted
                notes[:] = [n for n in notes if "read as an elementwise product" not in n] + ([] if DOT in notes else [DOT])
        if any(n.op in ("jac", "dexpr") for n in (*target.walk(), *student.walk())):  # ∂h/∂z = σ'(z), ∂/∂x (1/(1+e^{-x}))
            # = e^{-x}/(1+e^{-x})²: an elementwise map's diagonal Jacobian as its vector
            tv, sv = zip(*(_diagonal_as_vector(t, s_) for t, s_ in zip(tv, sv, strict=True)), strict=True)
            tv, sv = list(tv), list(sv)
        lone = [v for v in free if v not in free_indices(student)]
        whole = sv
        if not lone:  # (dudung's δ^L_j = … ≡ ∇_a C ⊙ σ'(z^L) = (a^L_j − y_j) σ'(z^L_j): the whole vector on the left)
            lone, whole = [v for v in free if v not in free_indices(target)], tv
        if lone and any(np.shape(t) != np.shape(s_) for t, s_ in zip(tv, sv, strict=True)):
            # CS224d's ∂J/∂x_k = (ŷ − y) W^T …: an entry on one side, the whole vector on the other
            return _Link("unchecked", f"could not read the claim: the index {', '.join(lone)} is on one side only and the "
                         f"other side is a whole {fmt(np.shape(whole[0])[len(free):])} array; write the entry on both sides, or neither")
        if (NUMERATOR_LAYOUT in notes or DENOMINATOR_LAYOUT in notes or self._denominator_layout()) and target.op == "q" \
                and target.value[0] in ("dx", "dxs"):
            # the claim's chain rule writes ∂J/∂x as a row (CS224n's Jacobians): so may its other sides. (Not for δ, which
            # the answer may define as its own row and then use transposed: infer.renamed_deltas.)
            tv, sv = _oriented(tv, sv)
        elif target.op == "q" and (self.numerator and gradient_of_scalar(target) or target.value[0] in ("db", "dbL") and (
                self.numerator or self.batch == 1 and dict(self.notation.options).get("jacobian") == "numerator")
                and not self.verdicts_only):  # (a bias's orientation is no evidence for a reading: infer.score)
            # the answer's chain rule (∂L/∂h ∂h/∂z, Kyle Lo's δ^{(L)} = [h − y]^T) makes one sample's gradient a row (and
            # so a bias's: Ruiz's ∂L/∂b = ∂L/∂a · ∂a/∂z · ∂z/∂b, a bias and its gradient one vector either way)
            turned = _oriented(tv, sv)
            if any(np.shape(a) != np.shape(b) for a, b in zip(sv, turned[1], strict=True)) and NUMERATOR_LAYOUT not in notes:
                notes.append(NUMERATOR_LAYOUT + " (as the answer's chain rule writes it)")
            tv, sv = turned
        elif (target.op == "q" and target.value[0] in ("dW", "dWL") and self.gradient_rows and self.batch == 1
              and all(np.ndim(t) == 2 and np.shape(t) == np.shape(s_)[::-1] != np.shape(s_) for t, s_ in zip(tv, sv, strict=True))):
            # CMU's ∇_{W^{(2)}} Div = y^{(1)} ∇_{z^{(2)}} Div where the prose makes gradients rows: of Wᵀ's shape
            sv = [np.asarray(s_).T for s_ in sv]
            notes.append(GRADIENT_ROWS_WEIGHT)
        if (dict(self.notation.options).get("input_unit")
                and any(n.op == "q" and n.value[0] in ("dWb", "dWbL", "Wb_next") for n in target.walk())
                and any(np.shape(t) != np.shape(s_) for t, s_ in zip(tv, sv, strict=True))
                and any(n.op == "q" and n.value[0] == "x" for n in student.walk())):
            # CS229's ∇_θ ℓ(θ) = Σ_i (y^{(i)} − h_θ(x^{(i)})) x^{(i)} after "letting x_0 = 1": θ holds the intercept,
            # and so does the x the answer writes (its entry 0 is 1)
            carried = self._with_input_unit(target, student, free)
            if carried is not None:
                tv, sv = carried
                notes[:] = [n for n in notes if "bias unit" not in n] + [INPUT_UNIT]
        if target.op == "q" and is_bias(target.value[0]) and any(n.op in ("sample", "ones") for n in student.walk()):
            # a sum over samples gives a column, and so does CMU's db = (∂L/∂Z)^T \iota_N (a ones vector: its b is a
            # column where a batch holds biases as rows): a bias is compared as a vector
            sv = [s.reshape(t.shape) if s.size == t.size and 1 in s.shape and 1 in t.shape else s for t, s in zip(tv, sv, strict=True)]
        constant = (not free and dict(self.notation.options).get("bare_layer") and all(np.size(s) == 1 for s in sv)
                    and _numbers_only(student))
        if constant:  # an identity of the activation, σ'(z) = 1: the number holds for every entry
            sv = [np.full(np.shape(t), float(np.ravel(s)[0])) for t, s in zip(tv, sv, strict=True)]
        if not constant and not free and _one_number(student, sv) and any(np.size(t) > 1 for t in tv) and any(
                float(np.ravel(v)[0]) != 0.0 for v in sv):  # ("0" is a zero matrix)
            # h_1 = 0.2 where h_1 was read as a layer: one number for a vector says the letter names an entry (so does
            # arithmetic on numbers giving one: A-R007's H1 = \sigma(0.7025), \partial L / \partial W_1 = (-0.2)(0.24)(1))
            return _Link("unchecked", f"could not read the claim: {show(target, self.net.convention)} is a vector of "
                         f"{np.size(tv[0])} entries here but the claim gives one number; if its subscript names an entry "
                         "(a unit, one weight), write the layer too, e.g. h^{(1)}_1, W^{(1)}_{12}")
        if (not self.numeric or self._arithmetic_only) and not free and _numbers_only(target) and _numbers_only(student):
            return self._rounded_arithmetic(target, student, tv, sv)
        scale = self._step_scale(target, tv) if self.numeric else None
        if scale is not None and tol_text:
            if spread is None or not np.size(spread):
                tol_text = _tol_text(literal, step=True)
            tol_text = re.sub(r"%\s*relative", f"% relative but at most {STEP_FLOOR:.0%} of the step's change", tol_text)
        bad = [i for i in range(len(tv)) if not _close(tv[i], sv[i], literal, spread, scale[i] if scale else None)]
        case = _one_case(tv, sv, free) if bad and len(free) == 2 and not self.numeric else None
        earlier = self._diagonal_stated(case) if case is not None and "≠" in case else None
        if earlier is not None:  # ∂φ_i/∂z_j = −φ_i φ_j under "for i ≠ j" in the prose, after the diagonal's own claim
            return _Link("correct", f"holds for {case}: read as that case, as the answer gives the diagonal separately "
                                    f"({earlier})", tol_text)
        if bad and all(_overflows_only(tv[i], sv[i], literal) for i in bad):
            where = "where it is finite it matches" if any(np.isfinite(sv[i]).any() for i in bad) else "it is finite nowhere"
            return _Link("unchecked", f"{NOWHERE_FINITE} (it overflows float64, e.g. ∞·0) where the derived result is, "
                                      f"and {where}", tol_text)
        misplaced = self._epsilon_misplaced(target, student)
        if not bad and misplaced:  # ε is tiny: the two placements differ by less than any tolerance, but not in law
            counter = {"point": "any point", "note": "the two placements of ε differ by less than the tolerance here"}
            return _Link("incorrect", f"ε is {misplaced}", tol_text, ("epsilon_placement", f"ε is {misplaced}"), counter,
                         self._expected_node(target))
        if not bad:
            if not self.numeric and not self.verdicts_only and prove_equal(target, student, self.net, self.consts):
                return _Link("correct", "matches the derived result; proved equal symbolically (SymPy simplify, as functions of z)",
                             tol_text)
            return _Link("correct", "matches the value computed from [values]" if self.numeric else "matches the derived result",
                         tol_text)
        if self.numeric and (target.op == "q" or self.stated) and not self._at_distinct:  # (the answer's stated values
            # are the example's, not those of distinct_values)
            for _env, wrong, ctx in self._carried_contexts():
                try:
                    t2, s2 = evaluate(target, ctx), evaluate(student, ctx)
                except (ShapeMismatch, Unreadable):
                    t2 = s2 = None
                if t2 is not None and _close(t2, s2, literal, spread, scale[0] if scale else None):
                    if not wrong:
                        return _Link("correct", "matches, given the rounded values stated earlier", tol_text)
                    return _Link("carried_forward", f"wrong, but right given the answer's own earlier values ({', '.join(wrong)}): "
                                                    "error carried forward", tol_text)
        if self.numeric and bad:
            copied = self._copied_number(target, student, literal, spread)
            if copied is not None:
                return copied
        if not self.numeric and not constant and (_own_values(target, student, tv, sv, self.batch)
                                 or _partly_own_values(target, student, {
                                     float(v[0]) for v in getattr(self, "own_stated", {}).values()})):
            return _Link(OWN_NUMBERS, "")
        if not self.numeric and _numbers_only(target) != _numbers_only(student) and (any(
                _flat_list(n) for side in (target, student) if _numbers_only(side) for n in side.walk())
                or _given_quantity(student if _numbers_only(target) else target)):
            # Shreyansh's "suppose p = [0.659, 0.242, 0.099]" beside a spec of 4 classes: an example of its own size;
            # ruyiq's W^{(1)} = [[1/2, -1/2], [1/2, 1/2]] beside a spec's 3×3, viviano's x = 0, "b^{(1)} = 0": an
            # input, target, weight or bias is the answer's to choose, whatever its size
            numbers, letters = (sv[bad[0]], tv[bad[0]]) if _numbers_only(student) else (tv[bad[0]], sv[bad[0]])
            count = np.size(numbers)
            return _Link("unchecked", f"not judged: the answer's own example gives {count} number{'s' if count != 1 else ''} "
                                      f"for what is {_shape_or_value(letters)} in the spec's network: an example of "
                                      "another size, which the spec gives no [values] for")
        if bad and target.op == "q" and _input_function(student) and (
                not self.numeric or any(np.shape(tv[k]) != np.shape(sv[k]) for k in bad)):
            # smaxx's warm-up y = (3x + 1)^2, an exercise's ŷ = σ(2x − 1): numbers where the network has weights (with
            # [values], only of another shape than the network's: a substitution of the example's numbers is judged)
            return _Link("unchecked", "not judged: a function of the input alone with numbers where the network has "
                                      "weights and biases (σ(2x − 1), (3x + 1)²): the answer's own function or example, "
                                      "which the spec gives no [values] for")
        if (not self.numeric and dict(self.notation.options).get("chosen_batch") and target.op == "q"
                and all(np.size(s) == 1 for s in sv) and any(np.size(t) > 1 for t in tv)
                and any(n.op == "comp" for n in student.walk())):
            # penasta's \hat{y} = h_{2,1} = f_{1,1}: one example's output by its unit, in a batch gradproof chose
            return _Link("unchecked", f"could not read the claim: {show(target, self.net.convention)} holds "
                         f"{np.size(tv[0])} numbers here (a batch of {self.batch} examples gradproof chose) but the claim "
                         "gives one, an entry: if it is about one example, write which, e.g. \\hat y^{(i)}")
        i = bad[0]
        if (target.op == "q" and target.value[0] in ("loss", "lossL", "lossR") and np.size(tv[i]) == 1
                and np.size(sv[i]) > 1 and _numbers_only(student)):
            # E = 0.9·[0, 0] + 0.1·[100, 10000]: the objective is one number, so a letter read as it but given several
            # numbers stands for something else in the answer (RMSprop's running average E[g²] written E)
            return _Link("unchecked", f"could not read the claim: its letter is read as the objective, one number, but "
                                      f"the claim gives it {_shape_or_value(sv[i])} numbers: the letter stands for "
                                      "something else here")
        if (self.numeric and target.op == "q" and target.value[0] == "y" and _numbers_only(student)
                and student.op not in ("num", "neg", "matrix")):
            # y = (0.8808)²: the target is given, not computed, so a y the answer computes from numbers is its own
            # letter for the output (y = h², t the target), not the target of [values]
            return _Link("unchecked", "could not read the claim: y is read as the target, which [values] gives, but the "
                                      "claim computes it from numbers: the letter names the answer's output here")
        if (np.size(tv[i]) > 1 and np.size(sv[i]) == 1 and self.batch == 1 and not self.numeric
                and any(n.op == "sum" and n.value and n.value[0] in free_indices(n.args[0]) for n in student.walk())
                and any(_SAMPLE_MATRIX_LETTER.search(c.latex) for c in (self._claims or ()))):
            # CS231n's ∂L/∂b_2 = Σ_i (∂L/∂s)_i beside h = max(0, XW_1 + b_1): summing one vector's entries gives one
            # number for a vector — i more likely counts the examples of the answer's batch X, which one example hides
            return _Link("unchecked", f"could not read the claim: {show(target, self.net.convention)} holds "
                                      f"{np.size(tv[i])} numbers but the claim's sum over its index gives one; the answer "
                                      "writes its inputs as a batch (X), so the index may count the examples — "
                                      "which it is the answer does not say")
        if ((any(np.shape(tv[k]) != np.shape(sv[k]) for k in bad) or any("side by side" in n or n == DOT for n in notes))
                and self._target_transposed() and any(n.op == "q" and n.value[0] == "y" for n in student.walk())):
            # (dassein's −Y · Z^{(K)}: his Y a column of one example beside a row, a dot product in his layout)
            return _Link("unchecked", _target_laid_out(f"expected {_shape_or_value(tv[i])}, the claim gives "
                                                       f"{_shape_or_value(sv[i])}"))
        if student.op == "matrix" and _rows_repeat(tv, sv):
            # a blog's B^{1} = \begin{bmatrix} b^1_1 & b^1_2 & b^1_3 \\ b^1_1 & b^1_2 & b^1_3 \end{bmatrix}: the bias written
            # once for each of the answer's own examples (its batch of two), which the tool's batch does not have
            return _Link("unchecked", f"writes {show(target, self.net.convention)} once for each of the answer's "
                                      f"{np.shape(sv[i])[0]} examples (the same row repeated): a definition of its notation, "
                                      "not graded")
        if (self.batch > 1 and self._checking is not None and _BY_BIAS_MATRIX.search(self._checking.latex[:4000])
                and _summed_over_examples(tv, sv, self.batch)):
            # ∂E/∂B^{2} = \hat{Y} - Y beside the answer's B = the bias repeated for every example: the derivative by
            # each entry of that matrix, one row per example; the bias's own gradient sums them over the examples
            return _Link("unchecked", "gives the derivative by B entry by entry (one row per example, B the bias repeated "
                                      "for every example); the bias's own gradient is their sum over the examples — which "
                                      "of the two the answer means it does not say")
        probe = _Probe(self, target, student, sv, literal, spread=spread)
        diag = diagnose(probe) if not entries and not self.verdicts_only else None
        counter = self._counterexample(i, tv[i], sv[i])
        msg = "does not match the derived result"
        if tv[i].shape != sv[i].shape:
            msg = f"expected {_shape_or_value(tv[i])}, the claim gives {_shape_or_value(sv[i])}"
        if diag:
            msg = diag[1]
        expected = self._expected_node(target)
        if (not self.numeric and not self.verdicts_only and self._checking is not None and expected
                and len(self._wrong_links) < MAX_WRONG_LINKS and _carry_key(target) is not None):
            self._wrong_links.append((self._checking.id, expected, target, tv, sv))
        return _Link("incorrect", msg, tol_text, diag, counter, expected,
                     None if self.numeric else self._on_active_branch(bad, len(tv)))

    def _with_input_unit(self, target: Node, student: Node, free: list) -> tuple[list, list] | None:
        """Both sides evaluated with the claim's x carrying the intercept's entry x_0 = 1 (first, along its features), for
        a gradient or a step of θ with the bias as its entry 0 (infer: "x_0 = 1" in a one-layer answer); None where that
        does not give the target's shapes."""
        tv, sv = [], []
        try:
            for env in self.envs:
                x = np.asarray(env[("x", None)])
                if x.ndim != 2:
                    return None
                columns = self.truth.samples == "columns"
                ones = np.ones((1, x.shape[1])) if columns else np.ones((x.shape[0], 1))
                ctx, unit = self.context(env), self.context({**env, ("x", None): np.vstack([ones, x]) if columns
                                                             else np.hstack([ones, x])})
                if free:
                    sizes = index_sizes((target, student), free, ctx)
                    tv.append(evaluate_over(target, ctx, free, sizes))
                    sv.append(evaluate_over(student, unit, free, sizes))
                else:
                    tv.append(evaluate(target, ctx))
                    sv.append(evaluate(student, unit))
        except (ShapeMismatch, Unreadable, FloatingPointError, ValueError, KeyError, IndexError):
            return None
        if any(np.shape(t) != np.shape(s_) for t, s_ in zip(tv, sv, strict=True)):
            return None
        return tv, sv

    def _on_active_branch(self, bad: list[int], points: int) -> str | None:
        """A formula that fails only at sample points where some pre-activation of a ReLU-like layer (derivative 1 for
        z > 0) is not positive, and holds at a point where all are positive, takes the ReLU's derivative as 1
        (sreekanth's da_1/dz_1 = 1, dL/dz_1 = dL/da_1 · 1 under its prose's z_1 = 0.5 > 0). It is right on that
        branch only, which the answer's own numbers or its prose decide and gradproof does not read: the reason, else
        None."""
        kinked = [ly.index for ly in _applied(self.net.layers) if ly.activation in _ACTIVE_BRANCH_ONE]
        if not kinked or len(self.rows) != points:
            return None
        try:
            active = [all(np.all(np.asarray(self.rows[i][f"z{l}"], dtype=float) > 0) for l in kinked)
                      for i in range(points)]
        except KeyError:
            return None
        if any(active[i] for i in bad) or not any(active[i] for i in range(points) if i not in bad):
            return None
        where = ", ".join(f"z^{{({l})}}" for l in kinked)
        return (f"it holds only where {where} > 0 (the ReLU's derivative taken as 1, its active branch); the "
                "answer's own numbers or a condition in its prose decide the branch, and gradproof reads neither")

    def _rounding_carried(self, quantity: Node, before: Node, after: Node) -> _Link | None:
        """``q = b = c`` in a worked example, ``q = b`` established and ``b`` arithmetic on rounded numbers (shivam's
        ``∂J/∂W^{[3]} = -0.007 · [3 & 1] = [-0.021 & -0.007]``, -0.007 the rounded -0.00669): c, b's value to the
        digits written, is correct when it is within how far the rounding of b's numbers carries (first order) and
        half a unit of its own last digit of the quantity — the rounding carried forward, as a TA grades it. None when
        that does not hold (the comparison with the quantity stands)."""
        try:
            truth = evaluate(quantity, self.context(self.envs[0]))
        except (ShapeMismatch, Unreadable, ValueError, FloatingPointError):
            return None
        if not self._carries_rounding(truth, before, after) or self._link(before, after, []).verdict != "correct":
            return None
        return _Link("correct", "matches, the rounding of the numbers before it carried forward",
                     _tol_text(_decimals(after)))

    def _carries_rounding(self, truth, before: Node, after: Node) -> bool:
        """Whether ``after`` (numbers as written) is within how far the rounding of the numbers of ``before``
        (arithmetic on written numbers, the side it follows) carries, first order, plus half a unit of its own last
        digits, of ``truth``."""
        if not (self.numeric and _numbers_only(before) and _written_as_is(after) and not _written_as_is(before)):
            return False
        decimals = _decimals(after)
        spread = self._propagated(before)
        if decimals is None or spread is None or not np.all(np.isfinite(spread)):
            return False
        try:
            value = np.asarray(evaluate(after, self.context(self.envs[0])), dtype=float)
        except (ShapeMismatch, Unreadable, ValueError, FloatingPointError):
            return False
        truth = np.asarray(truth, dtype=float)
        if truth.size != value.size or np.size(spread) not in (1, value.size):
            return False
        half = np.broadcast_to(_half_units(decimals), value.shape).reshape(-1)
        return _close(truth, value, decimals, spread + half)

    def _regrouped(self, target: Node, student: Node, free) -> tuple | None:
        """(target values, claim values) with each ⊙ written after a matrix product without brackets (parser.LOOSE:
        Pilex1's ``A^T \\cdot (A - Y) \\odot g'(Z)``) read as ``A^T \\cdot ((A - Y) \\odot g'(Z))`` — the grouping
        whose shapes match, when the parser's (M a) ⊙ b does not; None when there is no such ⊙ or that reading fails
        too (the shape mismatch then stands)."""
        if free or not any(n.op == "had" and n.value == LOOSE for n in student.walk()):
            return None
        tv, sv = [], []
        try:
            node = _regroup(student)
            for env in self.envs:
                ctx = self.context(env)
                tv.append(evaluate(target, ctx))
                sv.append(evaluate(node, ctx))
        except (ShapeMismatch, Unreadable, FloatingPointError, ValueError, RecursionError):
            return None
        return tv, sv

    def _dot_reading(self, target: Node, student: Node, free) -> tuple | None:
        """(target values, claim values) with the claim's ``\\cdot`` between two vectors of one shape read as their dot
        product (shapes.DOT: ``y \\cdot \\log \\hat y``, CMU's ``Y_i \\cdot \\log A_i``), when the claim must be one
        number and so read it is one at every point; else None (the elementwise reading stands)."""
        if free or not any(n.op == "mul" and n.value == "cdot" for side in (student, target) for n in side.walk()):
            return None
        tv, sv = [], []
        try:
            for env in self.envs:
                ctx = replace(self.context(env), cdot_dot=True)
                tv.append(evaluate(target, ctx))
                sv.append(evaluate(student, ctx))
        except (ShapeMismatch, Unreadable, FloatingPointError, ValueError):
            return None
        if not all(np.size(t) == 1 and np.size(s_) == 1 for t, s_ in zip(tv, sv, strict=True)):
            return None
        return tv, sv

    def _copied_number(self, target: Node, student: Node, literal, spread) -> _Link | None:
        """Carried forward if the link holds once a number copied from an earlier incorrect line (its very digits) is
        read as that line's true value (Mazur's ∂E/∂w_5 = 0.74136507 · 0.186815602 · 0.75136507: verify/copied.py)."""
        fixed = with_truths(student, self.copied, self._subject)
        if fixed is None:
            return None
        node, claims = fixed
        try:
            ctx = self.context(self.envs[0])
            t, s_ = evaluate(target, ctx), evaluate(node, ctx)
        except (ShapeMismatch, Unreadable, ValueError, FloatingPointError):
            return None
        if not _close(t, s_, literal, spread):
            return None
        return _Link("carried_forward", "wrong, but right given the answer's own earlier numbers (the value stated in "
                                        f"{', '.join(claims)}): error carried forward",
                     _tol_text(literal) if literal is not None else None)

    def _shared_rounding(self, target: Node, student: Node) -> np.ndarray | None:
        """How far rounding carries into the difference of two arithmetic sides that write some number on both
        (A-R007's ``0.4 - 0.1 \\times (-0.048) = 0.4 + 0.0048``): each rounded number written, moved by half a unit in
        its last digit on both sides at once (it is one number), the changes of the difference added (first order).
        None when no number is on both sides or a side does not evaluate (the sides' own tolerances then hold)."""
        def numbers(node: Node) -> list:
            return [n for n in node.walk() if n.op == "num"]

        values = {(float(n.value[0]), n.value[1]) for n in numbers(target) if n.value[1]} & {
            (float(n.value[0]), n.value[1]) for n in numbers(student)}
        if not values:  # (whole numbers are exact: compared exactly, as before)
            return None
        given = getattr(self, "given", ())
        moved_values = sorted({(float(n.value[0]), n.value[1]) for n in numbers(target) + numbers(student)
                               if n.value[1] and float(n.value[0]) not in given and float(-n.value[0]) not in given})

        def moved(node: Node, value: tuple, by: float) -> Node:
            if node.op == "num" and (float(node.value[0]), node.value[1]) == value:
                return Node("num", (), (float(node.value[0]) + by, node.value[1]))
            if not node.args:
                return node
            return Node(node.op, tuple(moved(a, value, by) for a in node.args), node.value)

        try:
            ctx = self.context(self.envs[0])
            base = np.asarray(evaluate(target, ctx), dtype=float) - np.asarray(evaluate(student, ctx), dtype=float)
            total = np.zeros(base.size)
            for value in moved_values[:40]:
                half = 0.5 * 10.0 ** (-value[1])
                diff = np.asarray(evaluate(moved(target, value, half), ctx), dtype=float) - np.asarray(
                    evaluate(moved(student, value, half), ctx), dtype=float)
                if diff.size != base.size:
                    return None
                total += np.abs(diff - base).reshape(-1)
            return total
        except (ShapeMismatch, Unreadable, ValueError, FloatingPointError):
            return None

    _arithmetic_only = False  # (_arithmetic_link: a link of numbers judged as arithmetic in a numeric worked example)

    def _arithmetic_link(self, before: Node, after: Node) -> _Link | None:
        """In a numeric worked example, a link between two sides of written numbers judged as their arithmetic too
        (``_rounded_arithmetic``: the rounding of the numbers written carried; as for a numeric answer's values, one
        unit of the last digit written): the comparison with the network's value allows the rounding carried from
        earlier steps (1 %), which would let a slip in this very step pass. The link when that arithmetic is wrong,
        else None."""
        self._arithmetic_only = True
        try:
            link = self._link(before, after, [])
        finally:
            self._arithmetic_only = False
        if link.verdict != "incorrect":
            return None
        try:  # (as a numeric answer's values: within one unit of the last digit written, -0.189 for -0.2 - 0.1 ·
            ctx = self.context(self.envs[0])  # (-0.102) = -0.1898, is the number carried, not a slip)
            left = np.asarray(evaluate(before, ctx), dtype=float)
            right = np.asarray(evaluate(after, ctx), dtype=float)
        except (ShapeMismatch, Unreadable, ValueError, FloatingPointError, TypeError):
            return link
        return None if _within_one_unit(left, right, _decimals(after)) else link

    def _rounded_arithmetic(self, target: Node, student: Node, tv: list, sv: list) -> _Link:
        """A worked example's own arithmetic without [values] (``e^{0.0529} \\approx 1.0543``, ``1.0543 / 3.2372 =
        0.3257``): the result written is rounded, and so are the numbers it is computed from, so it is judged as a
        numeric answer's numbers are: within half a unit in its last digit plus how far the rounding of the other
        side's numbers carries (first order), or 1 % relative; whole numbers exactly."""
        literal = _decimals(student)
        if literal is None or not float(np.max(literal)):
            literal = None  # 11 · 52 = 572: exact
        carried = self._propagated(target)
        spread = None
        if literal is not None and carried is not None:
            spread = np.ravel(_half_units(literal)) + np.ravel(carried)
        joint = (self._shared_rounding(target, student) if literal is not None and student.op not in ("num", "neg")
                 else None)
        tol = _tol_text(literal) if literal is not None else None
        if joint is not None:  # 0.4 - 0.1 \times (-0.048) = 0.4 - 0.0048: the 0.4 of both sides is one number
            spread = joint
            tol = (f"±{float(np.max(joint)):.2g} (the rounding of the numbers written carried through, a number written "
                   "on both sides moved on both) or 1 % relative, whichever is larger")
        rounded = self._rounded_part(target) if spread is not None and _writes_a_given(target, self) else None
        if rounded is not None:  # 0.7 - 0.00004 = 0.6996 with 0.7 given: the floor is 0.2 % of the 0.00004 computed
            spread = Spread(np.ravel(spread), ARITHMETIC_FLOOR * rounded)
        if _close(tv[0], sv[0], literal, spread):
            return _Link("correct", "the arithmetic on the numbers written holds to the digits written", tol)
        t, s_ = np.asarray(tv[0], dtype=float), np.asarray(sv[0], dtype=float)
        if t.size != s_.size:
            return _Link("incorrect", f"expected {_shape_or_value(t)}, the claim gives {_shape_or_value(s_)}")
        if self._beyond_float64(target, student, t, s_):  # (10^{20} + 1 - 10^{20} = 1: float64 gives 0)
            return _Link("unchecked", "not judged: the numbers written are beyond float64's precision here (a "
                                      "difference of large numbers that float64 rounds away), so the arithmetic cannot "
                                      "be told right or wrong by this check", tol)
        j = int(np.argmax(np.abs(t.reshape(-1) - s_.reshape(-1))))
        return _Link("incorrect", f"the numbers on the left give {t.reshape(-1)[j]:.6g}, the claim writes "
                                  f"{s_.reshape(-1)[j]:.6g} (more than rounding to the digits written allows)", tol)

    def _beyond_float64(self, target: Node, student: Node, t: np.ndarray, s: np.ndarray) -> bool:
        """Whether float64's own rounding, in evaluating the two sides, could make up their difference: each side's
        sensitivity to its numbers (every number moved by a relative ``FLOAT_PROBE``, the changes added: first order)
        times ``FLOAT_SLACK``. Exact arithmetic on numbers float64 rounds (``(10^{20} + 1) - 10^{20}``, a 17-digit
        integer, a 300-digit one) evaluates to the wrong value without a word; such a link is no slip. A side that
        does not evaluate so is beyond it too (no verdict rests on a value that cannot be trusted)."""
        diff = np.abs(t.reshape(-1) - s.reshape(-1))
        slack = np.zeros(diff.shape)
        ctx = self.context(self.envs[0])
        dotted = replace(ctx, cdot_dot=True)  # (a · b of two vectors read as their dot product: judge._dot_reading)
        for side in (target, student):
            moved = _float_sensitivity(side, lambda n: evaluate(n, ctx))
            if moved is not None and moved.size not in (1, diff.size):
                moved = _float_sensitivity(side, lambda n: evaluate(n, dotted))
            if moved is None or moved.size not in (1, diff.size):
                return True
            slack = slack + moved
        apart = diff > 1e-12 * (1.0 + np.abs(t.reshape(-1)))  # (the entries that differ at all)
        return bool(np.any(apart) and np.all(diff[apart] <= (FLOAT_SLACK * slack * np.ones(diff.shape))[apart]))

    def _by_written_slope(self, claim: Claim, done: list) -> list | None:
        """The layers a generic claim is about when it writes one activation's slope out (a(1 − a): the sigmoid's,
        1 − a²: tanh's) and the network's layers differ in activation: those with that activation (None when the claim
        names no such slope, or every layer or none has it)."""
        written = [name for name, rx in (("sigmoid", _SIGMOID_SLOPE), ("tanh", _TANH_SLOPE)) if rx.search(claim.latex[:4000])]
        if not written and _LOGISTIC_WRITTEN.search(claim.latex[:4000]):
            written = ["sigmoid"]  # Saito's sigmoid module y = 1/(1 + exp(−x)): the logistic written out
        if len(written) != 1:
            return None
        off = 1 if dict(self.notation.options).get("input_layer") == 1 else 0
        kept = [(v, r) for v, r in done if isinstance(v, int) and 1 <= v - off <= self.net.depth
                and self.net.layers[v - off - 1].activation == written[0]]
        return kept if kept and len(kept) < len(done) else None

    def _target_transposed(self) -> bool:
        """Whether the answer writes its target transposed beside the prediction wherever it subtracts it (``a^{(K)} −
        Y^T``, in two claims or more) and never untransposed (dassein's Y, one example per column): its own storage of
        Y, not a slip of one claim."""
        if getattr(self, "_y_transposed", None) is None:
            if not self._claims:
                return False  # (asked before the answer's claims are known: asked again later)
            texts = [c.latex[:4000] for c in self._claims]
            self._y_transposed = (sum(bool(_MINUS_Y_T.search(t)) for t in texts) >= 2
                                  and not any(_MINUS_Y.search(t) for t in texts))
        return self._y_transposed

    def _input_stored_as_rows(self, target: Node, student: Node, letter: str = "x", any_batch: bool = False) -> bool:
        """Whether a claim that writes the input transposed (``W^{(1)} [A^{(1)}]^T``) holds with the input read the
        other way round: data kept with one sample per row, computed with one per column — a layout the answer would
        have to state (its shape in prose), so the claim is not graded on a guess."""
        if self.batch < 2 and not any_batch or not any(n.op == "T" and n.args[0].op == "q" and n.args[0].value[0] == letter
                                     for n in student.walk()):
            return False

        def untranspose(n: Node) -> Node:
            if n.op == "T" and n.args[0].op == "q" and n.args[0].value[0] == letter:
                return n.args[0]
            return Node(n.op, tuple(untranspose(a) for a in n.args), n.value)

        other = untranspose(student)
        try:
            return all(np.allclose(evaluate(target, self.context(env)), evaluate(other, self.context(env)))
                       for env in self.envs)
        except (ShapeMismatch, Unreadable, ValueError, FloatingPointError):
            return False

    def _epsilon_misplaced(self, target: Node, student: Node) -> str | None:
        placement = self.net.options_dict.get("epsilon_placement")
        kind = target.value[0] if target.op == "q" else ""
        if placement is None or not (kind.endswith("_next") or state_kind(kind)):
            return None
        return epsilon_misplaced(student, placement)

    def _expected_node(self, target: Node) -> str | None:
        if target.op == "q":
            return self._expected_for(target.value)
        if target.op in ("comp", "entry") and target.args[0].op == "q":  # an entry: the matrix form's entry
            whole = self._expected_for(target.args[0].value)
            idx = target.value if isinstance(target.value, tuple) else (target.value,)
            sub = "".join(str(v + 1) if isinstance(v, int) else v for v in idx)
            return rf"\left({whole}\right)_{{{sub}}}" if whole else None
        return show(target, self.net.convention)

    def _counterexample(self, i: int, t: np.ndarray, s: np.ndarray) -> dict:
        params, X, Y = self.points[i]
        out = {"point": self.values_point if self.numeric else f"random point {i + 1} (seed 0)",
               "x": np.round(X, 4).tolist(), "y": np.round(Y, 4).tolist()}
        if t.shape == s.shape and t.size:
            j = int(np.argmax(np.abs(t - s)))
            idx = np.unravel_index(j, t.shape) if t.ndim else ()
            out.update({"entry": [int(k) + 1 for k in idx], "expected": float(np.ravel(t)[j]), "claimed": float(np.ravel(s)[j])})
        else:
            out.update({"expected_shape": list(t.shape), "claimed_shape": list(s.shape)})
            if t.size == 1 and s.size == 1:  # (one number for a 1×1 quantity: shown as the numbers, kept as shapes —
                out.update({"claimed_value": float(np.ravel(s)[0]),  # the shapes are how a generic claim finds the
                            "expected_value": float(np.ravel(t)[0])})  # layers that fit)
        return out

    # -- numeric worked examples: the answer's own values --------------------------------------------
    def _remember(self, q, sides: list[Node], scale: float = 1.0) -> None:
        """The answer's own value of ``q`` (its last side written in numbers, ``scale`` × the quantity), kept so
        later steps computed from it are carried forward; a formula of its other quantities (no number in it) is
        kept through ``_remember_formula``."""
        if (scale == 1.0 and len(sides) == 2 and sides[1].op != "matrix"
                and not any(n.op == "num" for n in sides[1].walk())):
            self._remember_formula(q, sides[1])
            return
        for side in reversed(sides):
            if side.op in ("matrix", "num", "neg") and _decimals(side) is not None:
                try:
                    value = evaluate(side, self.context(self.envs[0]))
                except (ShapeMismatch, Unreadable):
                    return
                truth = self.envs[0].get(q)
                if truth is None or np.size(truth) != np.size(value):
                    return
                value = np.asarray(value, dtype=float).reshape(np.shape(truth))
                k = key(*q)
                self.stated[k] = self.truth.from_course(q[0], value / scale)
                self.stated_ok[k] = bool(_close(np.asarray(truth) * scale, value, _decimals(side)))
                at = next(i for i in range(len(sides) - 1, -1, -1) if sides[i] is side)
                if not self.stated_ok[k] and at > 0:  # -0.007 · [3 & 1] = [-0.021 & -0.007]: the rounding carried
                    self.stated_ok[k] = self._carries_rounding(np.asarray(truth) * scale, sides[at - 1], side)
                return

    def _remember_formula(self, q, side: Node) -> None:
        """Nafiz's "let's simplify by assuming A[4] = Z[4]" in a worked example: a formula of the answer's other
        quantities, wrong, that its later numbers are computed from — kept as its value of q (from its values so far),
        so what follows is carried forward from it. A right formula keeps the truth."""
        truth = self.envs[0].get(q)
        if truth is None or q[0] not in ("h", "z", "yhat"):
            return
        try:
            value = np.asarray(evaluate(side, self.context(self._student_env())), dtype=float)
        except (ShapeMismatch, Unreadable, ValueError, FloatingPointError):
            return
        if np.size(truth) != np.size(value) or _close(truth, value.reshape(np.shape(truth))):
            return
        k = key(*q)
        self.stated[k] = self.truth.from_course(q[0], value.reshape(np.shape(truth)))
        self.stated_ok[k] = False

    def _remember_entry(self, target: Node, sides: list[Node]) -> None:
        """A value the answer states for one entry (Mazur's net_{h1} = 0.3775): kept like a whole quantity's, with
        the other entries the answer's earlier values or the truth, so a slip is carried forward entry by entry."""
        q = target.args[0].value
        idx = target.value if isinstance(target.value, tuple) else (target.value,)
        if not all(isinstance(i, int) for i in idx):
            return
        side = next((sd for sd in reversed(sides) if sd.op in ("num", "neg") and _decimals(sd) is not None), None)
        truth = self.envs[0].get(q)
        if side is None or truth is None:
            return
        try:
            value = float(np.ravel(evaluate(side, self.context(self.envs[0])))[0])
        except (ShapeMismatch, Unreadable, IndexError):
            return
        k = key(*q)
        current = self.truth.to_course({k: self.stated[k]})[q] if k in self.stated else np.array(truth, dtype=float)
        current = np.array(current, dtype=float)
        try:
            flat_truth = float(np.ravel(truth)[idx[0]]) if len(idx) == 1 else float(np.asarray(truth)[idx])
            if len(idx) == 1:
                current.reshape(-1)[idx[0]] = value
            else:
                current[idx] = value
        except IndexError:
            return
        self.stated[k] = self.truth.from_course(q[0], current)
        label = f"{k}[{','.join(str(i + 1) for i in idx)}]"
        self.stated_ok[label] = bool(_close(np.asarray(flat_truth), np.asarray(value), _decimals(side)))

    def _carried_contexts(self):
        r"""(env, the wrong values in it, context) to judge a claim on the answer's own values (``_student_envs``); then,
        in each env whose stated values include a layer's output, once more with σ'(z) and tanh'(z) of that layer
        computed from its output as the answer computes them — h(1 − h), 1 − h² (kaifeng's ``\sigma'(z_2) \approx
        0.7692 \times (1 - 0.7692)``: his own ŷ put in, where σ'(his z_2) is another number)."""
        for mine, wrong in self._student_envs():
            yield mine, wrong, self.context(mine)
            if any(k[:1] == "h" or k == "yhat" for k in self.stated):
                ctx = self.context(mine)
                ctx.functions = functools.partial(self._slope_of_output, mine, ctx.functions)
                yield mine, wrong, ctx

    def _slope_of_output(self, env, functions, name, layer, deriv, arg_node: Node, value):
        """The answer's way to a sigmoid's or tanh's slope at a whole layer's z: from the layer's output in ``env``."""
        if deriv and arg_node.op == "q" and arg_node.value[0] == "z" and isinstance(arg_node.value[1], int):
            l = arg_node.value[1]
            entry = act_registry.lookup(name) if name != "phi" else None
            act = self.net.layers[l - 1].activation if 1 <= l <= self.net.depth else None
            canon = act if name == "phi" else (entry.name if entry else name)
            out = env.get(("h", l))
            if out is not None and canon == act and act in ("sigmoid", "tanh") and np.shape(out) == np.shape(value):
                out = np.asarray(out, dtype=float)
                return out * (1 - out) if act == "sigmoid" else 1 - out ** 2
        return functions(name, layer, deriv, arg_node, value)

    def _student_envs(self):
        """The answer's own values to judge a claim from, with the wrong ones among them: all it stated; then, when
        several are wrong, all but one of the wrong ones, then each wrong one alone beside the right ones (a planted
        copy's later lines, or an author's, built on some earlier slips and not on another: Nafiz's dW[4] from his
        A[4] = Z[4] and the true A[3])."""
        wrong = [k for k, ok in self.stated_ok.items() if not ok]
        if wrong:  # first the right ones alone: a claim built on them only is right, whatever else the answer got wrong
            right = {j: v for j, v in self.stated.items() if self._stated_right(j)}
            params, X, Y = self.points[0]
            yield self.truth.to_course(self.truth.compute(params, X, Y, over=right)), []
        yield self._student_env(), wrong
        alone = [k for k in wrong if k in self.stated]
        if len(alone) < 2:
            return
        params, X, Y = self.points[0]
        for k in alone[:6]:  # every wrong one but k (a planted slip the later lines do not use), then k alone
            kept = {j: v for j, v in self.stated.items() if j != k}
            yield self.truth.to_course(self.truth.compute(params, X, Y, over=kept)), [j for j in wrong if j != k]
        for k in alone[:6]:
            kept = {j: v for j, v in self.stated.items() if j == k or self.stated_ok.get(j, True)}
            yield self.truth.to_course(self.truth.compute(params, X, Y, over=kept)), [k]

    def _stated_right(self, k: str) -> bool:
        """Whether the answer's stated value of ``k`` is right (to its digits, or its rounding carried forward), every
        entry it stated on its own (``k[1,2]``, _remember_entry) too."""
        return self.stated_ok.get(k, True) and not any(
            not ok for label, ok in self.stated_ok.items() if label.startswith(k + "["))

    def _student_env(self) -> dict:
        params, X, Y = self.points[0]
        rows = self.truth.compute(params, X, Y, over=self.stated)
        return self.truth.to_course(rows)

    def _unit_weight_column(self) -> bool:
        """Whether the answer's lowercase ``w^T`` is one unit's weight column (liangguangyii's single node
        ``z = w^T x + b``, Ng's logistic-regression w): it also writes capital W with layers (``W^{[l]} A^{[l-1]}``), the
        spec's W is n_out × n_in and its layers have several units, so ``w^T x`` is no layer's ``W x``."""
        if getattr(self, "_unit_w", None) is None:
            texts = [normalize(c.latex) for c in getattr(self, "_claims", [])]
            self._unit_w = (self.net.convention == "row" and any(n > 1 for n in self.net.sizes[1:-1])
                            and any(_LAYER_W.search(t) for t in texts) and any(_UNIT_W.search(t) for t in texts))
        return self._unit_w

    @quiet_numerics
    def check_all(self, claims) -> list[ClaimResult]:
        """Every claim's verdict; a claim that takes longer than ``limits.CLAIM_SECONDS`` (or trips a bug)
        is ``unchecked`` with a message, and the other claims are still judged. First the answer's notation is
        inferred from its definitions (``infer.py``); ``self.inferred`` says what was read differently."""
        given = claims
        if not getattr(claims, "steps_read", False):
            from .plainupdate import read_as_steps

            steps_read = read_as_steps(self, claims)  # w_2 = -1.0 - 1.0 \times 0.1455 = -1.1455: a step (plainupdate.py)
            if steps_read is not None:
                results = self.check_all(steps_read)
                for r, c in zip(results, claims, strict=True):
                    r.latex = c.latex
                return results
        if not getattr(claims, "walk_read", False) and self.net.optimizer_stated:  # (no [optimizer]: no step judged)
            from .walkthrough import apply as walk_through

            walked = walk_through(self, claims, self.check_all)  # v = 0.9 × (-16) + (-0.8): a step (walkthrough.py)
            if walked is not None:
                return walked
        self.scopes = getattr(claims, "scopes", getattr(self, "scopes", {}))  # the layers a claim's sentence names
        self.cases = getattr(claims, "cases", getattr(self, "cases", {}))  # "For j = i" before it (intermediates)
        self.prose_labels = getattr(claims, "labels", getattr(self, "prose_labels", ()))  # "true class $c$"
        self.row_lines = getattr(claims, "row_lines", getattr(self, "row_lines", {}))  # side by side over lines
        self.named_optimizers = getattr(claims, "optimizers", getattr(self, "named_optimizers", frozenset()))
        self.depth_prose = getattr(claims, "depth_letter", getattr(self, "depth_prose", None))  # "has k layers"
        self.inferred += tuple(n for n in getattr(claims, "notices", ()) if n not in self.inferred)  # (\dpdv read as \pdv)
        self.stated_shapes = getattr(claims, "shapes", getattr(self, "stated_shapes", None))  # W ∈ ℝ^{n_l × n_{l-1}}
        self.stated_example = getattr(claims, "example", getattr(self, "stated_example", None))  # x_i ∈ ℝ^d
        self.minibatch = getattr(claims, "minibatch", getattr(self, "minibatch", False))  # "We utilize minibatches"
        self.section_losses = getattr(claims, "section_losses", getattr(self, "section_losses", {}))  # "## MSE"
        self.rows_stated = getattr(claims, "rows_stated", getattr(self, "rows_stated", False))  # X ∈ ℝ^{B × 784}
        self.gradient_rows = getattr(claims, "gradient_rows", getattr(self, "gradient_rows", False))  # "numerator layout"
        self.rate_letter = getattr(claims, "rate_letter", getattr(self, "rate_letter", None))  # "learning rate $\gamma$"
        if getattr(claims, "sigma_generic", False) and "sigma_layers" not in dict(self.notation.options):
            # "where $\sigma$ is the ReLU": σ is each layer's activation (parser._layer_sigma), as with σ_l
            self.notation = replace(self.notation, options=self.notation.options + (("sigma_layers", True),))
            self.inferred += ("σ is a layer's activation, not only the logistic function (the prose names it so)",)
        if self.gradient_rows and self.batch == 1 and GRADIENT_ROWS not in self.inferred:
            self.inferred += (GRADIENT_ROWS,)
        self.unit_code = getattr(claims, "unit_code", getattr(self, "unit_code", ()))  # z1 = w1*x1 + … in a code block
        if getattr(claims, "star", False) and "star" not in dict(self.notation.options):  # "* is element-wise"
            self.notation = replace(self.notation, options=self.notation.options + (("star", "elementwise"),))
            self.inferred += ("* (\\ast) is the element-wise product, as the answer's prose says",)
        self._products = getattr(claims, "products", getattr(self, "_products", ()))  # ⊚ said to be ⊙ (proseoperators)
        stated = getattr(claims, "stated", None)
        if not self.numeric and stated is not None:  # a document's own arithmetic: its given values and the spec's
            self.given = {float(v) for v in self.consts.values()} | set(stated)  # hyperparameters are exact in it
        from .indexworld import applies

        components = list(claims) if applies(self, claims) else None  # the summation convention (indexworld.py)
        unstated = list(claims) if components is None and hasattr(claims, "summation") else None  # (a document)
        original = claims
        from .calculusexample import own_letters

        document = hasattr(claims, "summation") and not getattr(claims, "aside_done", False)  # (once per document)
        example = own_letters(claims) if document else {}  # (a document: x = e^t in its interlude)
        from .entryrows import judge_by_rows

        by_rows = judge_by_rows(claims) if document else {}  # (z_{11} = a_{11}*w_{11} + … rows)
        from .premises import judged_in_own, soften
        from .premises import set_aside as premised

        # (a document: l + 1 = L is a condition; "With $\sigma(z) = z$" sets its section's network — premises.py)
        premised, own = premised(claims, self.net) if document else ({}, [])
        if getattr(self, "_written", None) is None:  # (every claim in order, conditions too: _about_the_label; the
            self._written = [(c.id, c.latex) for c in claims[:5000]]  # first call's, before the set-aside recursion)
        claims, set_aside = _set_aside(claims, self.foreign, example, by_rows, premised)  # (layerscope.py; kept through the recursive call)
        if set_aside and self.apart:  # a section's own tiny example: its claims judged on it
            from .sections import judged_apart

            set_aside = judged_apart(self, original, set_aside)
        if own:  # a premise's section: its claims judged in the network it sets
            set_aside = judged_in_own(self, original, set_aside, own)
        if set_aside:  # claims too long to judge: left out of the inference too, unchecked in their places
            judged = iter(self.check_all(claims))
            results = [set_aside[k] if k in set_aside else next(judged) for k in range(len(claims) + len(set_aside))]
            _under_a_condition(results, set_aside)
            self._own_graphs(original, results, document)
            self._modules_on_a_batch(original, results, document)
            soften(results, own, self.net.depth)  # (a single neuron's section: its wrong verdicts taken back)
            return results
        try:  # (past the run's soft deadline before any claim is judged: every claim unchecked, saying so)
            with limits.until_overdue("reading the answer's notation"):
                claims, steps, forward, written, scale, undecided, restorers = self._prepare(claims)
        except limits.TimeLimitError:
            return [_overdue(c) for c in claims]
        layered, modules, thresholds, labelled = restorers
        from .bareneuron import judge_by_size, unjudge_bare
        from .chainrows import settle as settle_rows
        from .chainrows import side_by_side
        from .datapoints import unjudge_entry_digits, unjudge_other_points
        from .forwardcheck import doubt_reading
        from .infer import _a_derivative
        from .loosereading import unjudge_loose
        from .lossname import per_example, restore
        from .oneneuron import judge_neurons
        from .outputterms import judge_term_identities
        from .ownobjective import unjudge_consequent, unjudge_generic_sections
        from .paramletters import unjudge_open
        from .unreadcost import doubt_scaled, unjudge_off_scale
        from .unreadletter import unjudge as unread_letters

        # past the run's soft wall-clock deadline (verify of one file, limits.VERIFY_CLAIMS_WALL) the claims not yet
        # judged are unchecked saying so: a partial result within 30 s on a loaded machine
        try:
            results = [_overdue(c) if limits.overdue() else self._in_step(c, steps, self._check_with_rows) for c in claims]
        finally:
            self._memo = None  # (the passes below revise the reading: each judges afresh)
        _unread_part_not_correct(results)  # (the whole claim's verdict only: its rows keep theirs, chainrows.settle)
        judged = {r.id: r.verdict for r in results if r.rows}
        self._restated_after_step(claims, results)
        self._unfixed_jacobians(claims, results)
        self._deltas_on_an_open_scale(claims, results)
        self._d_letters_on_an_open_scale(claims, results)
        self._own_objective(claims, results)
        judge_term_identities(self, claims, results)  # E = E_1 + E_2 + …: identities in the terms (outputterms.py)
        unjudge_consequent(self, claims, results)  # derivatives after a wrong definition of the objective (ownobjective.py)
        unjudge_generic_sections(claims, results)  # rules stated for any W ∈ ℝ^{n×m} (ownobjective.py)
        if scale is None and not undecided:  # the answer's objective defined in a form that does not read
            doubt_scaled(self, claims, results, _a_derivative)
        self._data_cost(claims, results)  # J = 1/m Σ L(ŷ⁽ⁱ⁾, y⁽ⁱ⁾) under a regularized spec: the data term
        unjudge_off_scale(self, claims, results)  # an objective defined but not read: its scale is not known
        unjudge_loose(results)  # ∂/∂q (…) + b, an index both summed and free: read to the letter only (loosereading.py)
        _unread_deltas(claims, results)
        _own_error_letters(claims, results)
        _one_letter_two_roles(claims, results)
        _unit_terms(claims, results)
        self._output_unstated(claims, results)
        unjudge_other_points(self.numeric, claims, results)  # ŷ₁, ŷ₂, ŷ₃: data points [values] does not hold (datapoints.py)
        unjudge_entry_digits(claims, results)  # z₁ beside z₂, z₃ of a one-layer network: entries (datapoints.py)
        self._output_z(claims, results)
        unjudge_bare(self, claims, results)  # a = \sigma(z) names another layer's activation (bareneuron.py)
        _unjudge_rate_settings(claims, results)  # "α = 1.0 (too large)": a setting the text tries, not a derivation
        judge_by_size(self, claims, results)  # one number for a bare letter read as a vector (bareneuron.py)
        judge_neurons(self, claims, results)  # a = \sigma(\sum w_i x_i + b): every neuron's formula (oneneuron.py)
        unjudge_open(self, results)  # a parameter letter its definitions leave open (paramletters.py)
        per_example(self, claims, results, labelled)  # (a labelled objective also defined per example)
        doubt_reading(results, forward)  # a reading most of the answer's forward definitions contradict (forwardcheck.py)
        unread_letters(claims, results)  # a = logsoftmax(z) unread: a is not the convention's activation (unreadletter.py)
        if scale is None and dict(self.notation.options).get("objective_letter") and self.batch > 1:
            for r in results:  # ξ = Σ_i ξ(t_i, y_i): the answer's own objective, of a scale its definition does not show
                if r.verdict == "incorrect" and r.diagnosis_key in ("missing_1_over_N", "extra_1_over_N"):
                    r.verdict, r.expected, r.counterexample = "unchecked", "", None
                    own_name = letter_name(dict(self.notation.options)["objective_letter"])
                    r.message = (f"not judged: {r.message}, but the answer's objective {own_name} "
                                 "is its own, and its definition does not read, so whether it is a sum or a mean over "
                                 "the samples is not known")
        if _one_example_cost(claims):  # L = -Σ_j y_j log p_j for one example, then G_Z = P − Y for the batch
            columnsample.batch_of_one_example_loss(claims, results, _WRITTEN_MEAN, _cost_definition)
        self._unjudge_leaning(results)  # (a number put in whose own claim a pass above left unjudged)
        settle_rows(claims, results, judged)  # (a chain's rows follow a verdict the passes above revised)
        self._carried_symbolic(results)  # (Porr's ∂E/∂ω_kj restated with the sign his earlier slip gave it)
        if self.inferred:
            for r in results:
                r.notes.append("notation read from the answer's definitions: " + "; ".join(self.inferred))
        for r in results:  # (a claim read in the answer's own letters, letters.hatted_target: shown as written)
            r.latex = written.get(r.id, r.latex)
        restore(results, labelled)
        for r in results:  # (a primed index read as a letter of its own: named as written, normalize.primed_names)
            for target in (r, *r.rows):
                if "'" in target.latex and "_" in target.latex:
                    target.message = primed_names(target.latex, target.message)
        if layered is not None:
            layered.restore(results)
        if modules is not None:
            modules.restore(results)
        if thresholds is not None:
            thresholds.restore(results)
        from .indexworld import judge_components, note_unstated

        try:
            if components is not None:
                judge_components(self, components, results)
            elif unstated is not None and dict(self.declared.options).get("summation") != "none":
                note_unstated(unstated, results)  # a document: a sum only the convention gives names its [notation] line
        except Exception:  # noqa: BLE001 -- a reading by components that trips a bug leaves the judge's verdicts as they are
            pass
        if layered is not None:  # a layer norm's own intermediate quantities, index by index (intermediates.py)
            from .intermediates import rejudge

            rejudge(self, results)
        side_by_side(claims, results, self.row_lines)  # (z_1 = W_1 x, \quad a_1 = …: each equation a row line N.k)
        self._at_another_drop_rate(given, results)
        self._at_another_width(given, results)
        self._own_graphs(given, results, document)
        self._modules_on_a_batch(given, results, document)
        self._arithmetic_of_unread(given, results)
        soften(results, own, self.net.depth)
        return results

    def _carried_symbolic(self, results: list) -> None:
        """A formula judged incorrect that is built on an earlier claim judged incorrect is an error carried forward, as
        a TA marks it: a plain gradient step equal, at every point, to the step that claim's gradient gives (W − η·its
        ∂E/∂W: Porr's Δω_kj after his sign slip in ∂E/∂ω_kj), or a chain that starts from that claim's wrong value of
        the same quantity and derives on from it (his next display, ∂E/∂ω_kj = … = …) — its rows too. A single
        equation that only restates the same wrong value is a new error (kgwilson's substitution, Ng's same slip in
        two questions: incorrect). Only formulas (not a worked example's numbers, which Judge._link_here carries
        already), each compared in the reading that gave its final verdict (its expected form)."""
        if self.numeric or not self._wrong_links:
            return
        by_owner: dict = {}
        for owner, expected, target, tv, sv in self._wrong_links:
            by_owner.setdefault(owner, []).append((expected, target, tv, sv))
        earlier: list = []  # (claim id, its wrong links in its final reading): the claims judged incorrect so far
        for r in results:
            own = by_owner.get(r.id, [])
            was = r.verdict
            # (a chain whose first link is the wrong one starts from the wrong value and derives on from it; a wrong
            # later link of a chain is its own slip)
            starts_wrong = (len(r.latex) <= 4000 and len(_top_sides(r.latex)) >= 3
                            and _FIRST_LINK_WRONG.match(r.message) is not None)
            for item in (r, *r.rows):
                if item.verdict != "incorrect" or not earlier or item is not r and r.verdict != "carried_forward":
                    continue  # (a chain's rows only once the chain itself carries the error)
                source = self._follows_from([x for x in own if x[0] == item.expected], earlier,
                                            starts_wrong if item is r else True)
                if source is not None:
                    item.verdict = "carried_forward"
                    item.message = (f"wrong, but it follows from the answer's own earlier result ({source}, judged "
                                    f"incorrect): an error carried forward ({item.message})")
            if was == "incorrect":
                earlier.append((r.id, [x for x in own if x[0] == r.expected]))

    def _follows_from(self, mine: list, earlier: list, chain: bool) -> str | None:
        """The id of an earlier claim whose wrong link gives this claim's values (``mine``: its wrong links), or None;
        the same wrong value of the same quantity only in a ``chain`` (it derives on from it)."""
        lr = self.consts.get("lr") if self.net.optimizer.name == "sgd" else None
        tried = 0
        for _, target, tv, sv in mine:
            key = _carry_key(target)
            for cid, links in reversed(earlier):
                for _, target0, tv0, sv0 in links:
                    key0 = _carry_key(target0)
                    if key0 is None or key0[1:] != key[1:] or len(tv0) != len(tv):
                        continue
                    tried += 1
                    if tried > MAX_CARRY_TRIES:  # (a bound per claim: 2000 wrong links beside 2000 claims)
                        return None
                    if key0[0] == key[0] and chain:
                        want = sv0
                    elif key0[0] == "grad" and key[0] == "step" and lr is not None:
                        try:  # (the step from the earlier, wrong gradient: the true step moved by −η × its error)
                            want = [np.asarray(t) - lr * (np.asarray(s0) - np.asarray(t0))
                                    for t, s0, t0 in zip(tv, sv0, tv0, strict=True)]
                        except ValueError:
                            continue
                    else:
                        continue
                    if all(np.shape(w) == np.shape(v) and np.all(np.isfinite(v))
                           and np.allclose(w, v, rtol=1e-6, atol=1e-9) for w, v in zip(want, sv, strict=True)):
                        return cid
        return None

    def _arithmetic_of_unread(self, claims, results) -> None:
        """A claim that does not read (letters of the answer's own: Fausett's Z₁(in) = X₁·w₁₁ + … = (1)(−0.3) + … =
        −0.1) but works a computation in written numbers: a link between two sides of numbers only that does not hold
        beyond the rounding of the digits written (``_rounded_arithmetic``) is an arithmetic slip, ``incorrect``
        whatever its letters mean. Links that hold leave the claim ``unchecked`` (its letters are not read)."""
        from .normalize import normalize

        for k, (c, r) in enumerate(zip(claims, results, strict=True)):
            if limits.overdue():
                return
            if r.verdict != "unchecked" or not r.message.startswith("could not read") or len(c.latex) > 3000:
                continue
            try:
                with limits.time_limit(limits.CLAIM_SECONDS / 4, f"checking the arithmetic of claim {c.id}", cpu=True):
                    found = self._unread_arithmetic_slip(normalize(c.latex))
            except Exception:  # noqa: BLE001 -- an arithmetic that does not evaluate leaves the claim as it was
                continue
            if found is not None:
                i, n, link = found
                results[k] = ClaimResult(c.id, c.latex, "incorrect", "", f"link {i + 1} of {n}: {link.message} (the "
                                         f"claim's letters are not read: {r.message})", quantity=c.quantity,
                                         tolerance=link.tolerance, notes=["an arithmetic slip between written numbers"])

    def _unread_arithmetic_slip(self, text: str):
        """(link index, links, the failing _Link) of the first link between two numbers-only sides that does not
        hold; None when every such link holds or there is none."""
        sides = _top_sides(_APPROX.sub("=", text))
        if len(sides) < 2 or len(sides) > 40:
            return None
        nodes = []
        for side in sides:
            if _NEGATIVE_POWER.search(side):
                nodes.append(None)  # (−4^2: −(4²) as written, or (−4)² as meant — a TA cannot tell which)
                continue
            try:
                node = parse_expr(side, self.notation)
                nodes.append(node if _numbers_only(node) else None)
            except Exception:  # noqa: BLE001 -- a side of letters: no arithmetic there
                nodes.append(None)
        ctx = self.context(self.envs[0])
        for i in range(len(nodes) - 1):
            a, b = nodes[i], nodes[i + 1]
            if a is None or b is None or (a.op in ("num", "neg") and b.op in ("num", "neg")):
                continue  # (two bare numbers side by side: 0.4750 = 0.475 is a rounding, not arithmetic)
            va, vb = evaluate(a, ctx), evaluate(b, ctx)
            if isinstance(va, Flat) or isinstance(vb, Flat):  # (5, 5) - [1.0, 1.0] = (4, 5): lists, as one vector
                (va,), (vb,) = _laid_out([va], [vb])
            va, vb = np.asarray(va, dtype=float), np.asarray(vb, dtype=float)
            if va.shape != vb.shape or va.size > MAX_UNREAD_ENTRIES or not (np.all(np.isfinite(va)) and np.all(np.isfinite(vb))):
                continue
            link = self._rounded_arithmetic(a, b, [va], [vb])
            if link.verdict != "incorrect":
                continue
            carried = self._propagated(a)
            if carried is not None and _within_one_unit(va, vb, _decimals(b), float(np.sum(carried))):
                continue  # (within one unit of its last digit: σ(0.21) = 0.5523 written 0.56 is a coarse rounding,
                # not a slip — a reading that does not see the letters judges only what no rounding explains)
            return i, len(nodes) - 1, link
        return None

    def _another_loss_written(self, claim: Claim) -> ClaimResult | None:
        """A definition of the objective written out as a loss of another family than the spec's (``L(ŷ, y) = ½(ŷ −
        y)²`` beside a cross-entropy, foreign.formula_loss), judged incorrect against the spec's: unchecked, with the
        reason. None for any other claim."""
        try:
            sides, rels = parse_claim(claim.latex, self.notation, self.net.depth)
        except Exception:  # noqa: BLE001 -- a claim that does not read is no definition of a loss
            return None
        if set(rels) != {"="} or not (sides[0].op == "q" and sides[0].value[0] in ("loss", "lossL")):
            return None
        other = formula_loss(sides[-1], self.net.loss.name)
        if other is None or any(_has_derivative(side) for side in sides[1:]):  # (a derivative, a δ: no definition)
            return None
        return ClaimResult(claim.id, claim.latex, "unchecked", "",
                           f"{WRITES_OUT_ANOTHER}{other}, another loss than the spec's "
                           f"{self.net.loss.name.replace('_', ' ')}", quantity=claim.quantity)

    def _one_of_several_definitions(self, claim: Claim) -> ClaimResult | None:
        """A function letter's definition, judged incorrect, where the answer defines the same letter as another
        function elsewhere (Paredes's "common activations": ``f(x) = \\max(0, x)``, then ``f(x) = \\frac{1}{1 + e^{-x}}``;
        fuat's σ(x) = max(0, x) and σ(x) = tanh): a list of examples under one letter, none of them a claim that it is
        the network's activation — unchecked, with the other definition named. None for any other claim."""
        from .infer import _normal

        text = _normal(claim.latex) if len(claim.latex) <= 400 else ""
        mine = _function_definitions(text)
        if len(mine) != 1 or len([p for p in split_top_level(text, _COMMA) if p.strip(" .;")]) != 1:
            return None  # (the definition alone: f(x) = σ, f'(x) = … judges f' as written, slip and all)
        letter, body = mine[0]
        if _standard_function(body) is None:
            return None  # (a standard function of the list; a broken sigmoid stays judged: emmastorberg's planted σ)
        if self._function_defs is None:  # (the answer's definitions, read once: at most 300 claims of 400 characters)
            self._function_defs = [(other.id, *d) for other in self._claims[:300] if len(other.latex) <= 400
                                   for d in _function_definitions(_normal(other.latex))]
        for other_id, o_letter, o_body in self._function_defs:
            if other_id != claim.id and o_letter == letter and o_body != body:
                return ClaimResult(claim.id, claim.latex, "unchecked", "",
                                   f"not judged: the answer defines {_LETTER_SHOWN.get(letter, letter)} as another "
                                   f"function as well ({other_id}): a list of functions under one letter (examples), "
                                   "not a claim that this one is the network's activation", quantity=claim.quantity)
        return None

    def _argument_not_in_body(self, claim: Claim) -> ClaimResult | None:
        """A function's definition judged incorrect whose argument is not in its body, written in another single letter
        (emmastorberg's ``\\text{ReLU}_{\\text{L}}(z) = \\begin{cases} x & x \\geq 0 \\\\ 0.01 x & x < 0 \\end{cases}``, a
        function of z in x): which variable is meant is a guess — unchecked, saying so. It had been read as the input x
        of the network (a wrong size). None for any other claim."""
        from .infer import _normal

        m = _ARGUMENT_DEFINED.fullmatch(_normal(claim.latex)) if len(claim.latex) <= 400 else None
        if m is None:
            return None
        letters = {v for v in _BODY_LETTER.findall(m.group(3)) if v not in "ed"}
        if m.group(2) in letters or len(letters) != 1:
            return None
        return ClaimResult(claim.id, claim.latex, "unchecked", "",
                           f"not judged: it defines a function of {m.group(2)} written in {letters.pop()}: which variable is "
                           "meant is a guess (write the body in the function's own variable)", quantity=claim.quantity)

    def _y_as_the_target(self, claim: Claim) -> ClaimResult | None:
        """Under the reading "y is the output ŷ and t the target" (Bishop's, Mitchell's letters, inferred from the
        answer), a claim judged incorrect that names the output by another letter (ŷ, or p bound to it) and no target
        letter (t, d): there y can only be the target — snowch's tutorial writes t in its appendix but ``L = -\\sum_i
        y_i \\log(p_i)`` in its body, a loss with no target under the reading. Judged again with y the target;
        correct there, it is correct with a note, else None."""
        bases = self.notation.bases
        if ("y", "yhat") not in bases or len(claim.latex) > 2000:
            return None
        from .infer import _HAT_Y, _normal

        text = _normal(claim.latex)
        bare = _HAT_Y.sub(" ", text)
        if (not _Y_ALONE.search(bare) or _TARGET_ALONE.search(bare)
                or not (bare != text or ("p", ("yhat", None)) in self.notation.fixed and _P_ALONE.search(bare))):
            return None
        saved = self.notation
        self.notation = replace(saved, bases=tuple(b for b in bases if b not in (("y", "yhat"), ("t", "y"), ("d", "y"))))
        try:
            again = self.check(claim)
        finally:
            self.notation = saved
        if again.verdict != "correct":
            return None
        again.notes.append("y read as the target in this claim (it names the output by another letter and writes no t)")
        return again

    def _own_size(self, claim: Claim) -> ClaimResult | None:
        """A layer size stated in numbers (``n_x = 28 \\times 28``, ``n_h = 128``) judged incorrect — not the spec's:
        the answer's own network's size (jordancoblin's MNIST beside a spec scaled down), which the formulas checked do
        not depend on; unchecked. None for any other claim (with [values] a size is the example's, and judged)."""
        if self.numeric or not _A_SIZE.fullmatch(claim.latex):
            return None
        sizes = "-".join(str(n) for n in self.net.sizes)
        return ClaimResult(claim.id, claim.latex, "unchecked", "", "not judged: it states a layer size of the answer's own "
                           f"network ({claim.latex.strip()}), which is not the spec's ({sizes}); the formulas checked do "
                           "not depend on the sizes", quantity=claim.quantity)

    def _initial_state_result(self, claim: Claim) -> ClaimResult:
        return ClaimResult(claim.id, claim.latex, "correct", "", "read as the optimizer state's value before the first "
                           f"step, which is zero (the spec's {self.net.optimizer.name} starts every state at zero)",
                           quantity=claim.quantity)

    def _foreign_loss(self, claim: Claim) -> str | None:
        """The other loss a claim is about (its own ``MSE(ŷ, y)``, or its section's heading, "## MSE"), None when it is
        about the spec's (foreign.py)."""
        return other_loss(claim.latex, self.net.loss.name) or section_loss(
            getattr(self, "section_losses", {}).get(claim.id), claim.latex, self.net.loss.name)

    def _modules_on_a_batch(self, claims, results, document: bool) -> None:
        """A module's backward pass on a batch in index notation (UvA DL1's Y = X W^T + B, ∂Y_{sn}/∂W_{ij}): the claims
        the network's reading left unread are judged on the module itself, for any loss of its output (indexmodules.py).
        A claim about another loss than the spec's stays as it is (JustinRochester's "## MSE" beside a softmax)."""
        if not document:
            return
        from .indexmodules import judge_modules, unread_at_deadline

        claims = [c for c in list(claims)[:2000] if self._foreign_loss(c) is None]
        state: dict = {}
        try:  # (soft, as the graphs' reader: it ends at the run's soft deadline; what it did not read then says so)
            with limits.time_limit(limits.CLAIM_SECONDS, "reading the answer's modules on a batch", cpu=True, soft=True):
                judge_modules(claims, results, self.index_condition, state)
        except limits.TimeLimitError as exc:
            if TIME_RAN_OUT in str(exc):
                unread_at_deadline(claims, results, state)
        except Exception:  # noqa: BLE001 -- a reading that trips or runs out of time leaves the verdicts as judged
            pass
        else:
            if limits.overdue():  # (the reader skips the claims after the soft deadline: they say so)
                unread_at_deadline(claims, results, state)

    def _own_graphs(self, claims, results, document: bool) -> None:
        """A document's computation graph in letters of its own (MML's a = x², b = exp(a), …, f = d + e): the claims the
        network's reading left unread are judged on that graph (compgraph.py)."""
        if not document:
            return
        from .compgraph import judge_graphs, unread_at_deadline

        state: dict = {}
        try:  # (soft: it ends at the run's soft deadline, as the claims' loop does; what it did not read then says so)
            with limits.time_limit(limits.CLAIM_SECONDS, "reading the answer's own computation graph", cpu=True, soft=True):
                judge_graphs(claims, results, state)
        except limits.TimeLimitError as exc:
            if TIME_RAN_OUT in str(exc):
                unread_at_deadline(claims, results, state)
        except Exception:  # noqa: BLE001 -- a reading that trips or runs out of time leaves the verdicts as judged
            pass

    def _at_another_drop_rate(self, claims, results) -> None:
        """Under a dropout of p = 0.5, p and 1 − p are one number: zuoyuan's ``\\frac{m_i}{1-p}`` and a slip's
        ``\\frac{m_i}{p}`` both hold. A claim that writes p and holds is judged again on the same network with p = 0.3
        (its own reading of the whole answer); one that fails there holds only by that coincidence: ``unchecked``."""
        if not any(layer.kind == "dropout" and layer.settings_dict.get("p") == 0.5 for layer in self.net.layers):
            return
        written = [k for k, (c, r) in enumerate(zip(claims, results, strict=True))
                   if r.verdict == "correct" and _DROP_RATE.search(c.latex) and not _HALF_WRITTEN.search(c.latex)]
        # (a claim that writes the rate's value, \\frac{m_i x_i}{0.5}, is about the spec's p = 0.5 itself)
        layers = tuple(replace(layer, settings=tuple((k, 0.3 if k == "p" else v) for k, v in layer.settings))
                       if layer.kind == "dropout" else layer for layer in self.net.layers)
        self._coincidence_probe(
            claims, results, written, replace(self.net, layers=layers), "at another drop rate",
            lambda message: "not judged: it holds with the spec's p = 0.5 only because p and 1 − p are the same number "
                            f"there; with p = 0.3 it does not ({message}); give the spec another p to judge it",
            "p = 1 − p at the spec's drop rate")

    def _at_another_width(self, claims, results) -> None:
        """A layer of one unit (or one input) makes every array of it 1×1 or a row or column alone, so ``δ a`` and
        ``δ a^T``, ``W δ`` and ``W^T δ`` give the same numbers: a learner's general formulas checked on a 2-1-1 worked
        example hold with a transpose missing. In an answer that writes transposes (its formulas are matrix algebra), a
        claim that holds is judged again with each such layer three units wide (its own reading of the whole answer);
        one that fails there holds only by the spec's one unit: ``unchecked``."""
        narrow = [k for k, layer in enumerate(self.net.layers[:-1]) if layer.units == 1]
        if self.net.has_kinds or not (narrow or self.net.inputs == 1):
            return
        if not any(_TRANSPOSED.search(c.latex) for c in claims):
            return
        written = [k for k, (c, r) in enumerate(zip(claims, results, strict=True))
                   if r.verdict == "correct" and not _NUMBER_WRITTEN.search(_SCRIPTS.sub("", c.latex))]
        # (a claim that writes a worked example's numbers is about its own network: its one unit is meant)
        layers = list(self.net.layers)
        if self.net.inputs == 1:
            layers[0] = replace(layers[0], n_in=3)
        for k in narrow:
            layers[k] = replace(layers[k], units=3)
            layers[k + 1] = replace(layers[k + 1], n_in=3)
        wide = replace(self.net, inputs=3 if self.net.inputs == 1 else self.net.inputs, layers=tuple(layers))
        self._coincidence_probe(
            claims, results, written, wide, "at a wider layer",
            lambda message: "not judged: it holds for the spec's network only because a layer of it has one unit (or "
                            "one input), where a missing transpose changes no number; with three it does not "
                            f"({message}); give the spec a wider layer to judge it",
            "a one-unit layer hides a transpose")

    def _coincidence_probe(self, claims, results, written, net, doing, why, note) -> None:
        """The claims ``written`` (indices, each judged correct) judged again on ``net`` — the spec's network with one
        number changed where the spec's own value makes two readings coincide — by the answer's whole reading there;
        each that is incorrect there becomes ``unchecked`` with ``why(message)``. A second reading that trips or runs
        out of time leaves the verdicts as judged."""
        if getattr(self, "_rate_probe", False) or not written:
            return
        from .foreign import _judge_under

        other = _judge_under(self, net, self.declared)
        if other is None:
            return
        other._rate_probe = True
        try:  # (soft: at the run's soft deadline the second reading ends, and what it did not judge is said below)
            with limits.time_limit(limits.CLAIM_SECONDS * 4, f"judging the answer {doing}", cpu=True, soft=True):
                there = other.check_all(claims)
        except limits.TimeLimitError:
            there = None
        except Exception:  # noqa: BLE001 -- a second reading that trips leaves the verdicts as judged
            return
        for k in written:
            if there is None or there[k].verdict == "unchecked" and TIME_RAN_OUT in there[k].message:
                # (not judged again in time: a verdict that reading could take back — a coincidence — is not given)
                ran_out(results[k], doing)
            elif there[k].verdict == "incorrect":
                c = claims[k]
                results[k] = ClaimResult(c.id, c.latex, "unchecked", "", why(there[k].message), quantity=c.quantity,
                                         notes=[note])

    def _prepare(self, claims):
        """check_all's reading of the answer before its claims are judged: its notation inferred from its definitions,
        its letters bound, the layout voted. Returns (claims as read, steps, forward definitions' ids, claims written
        in the answer's letters, the objective's scale, undecided scales, (layered, modules, thresholds, labelled):
        the readings whose ``restore`` shows each result as written)."""
        from .infer import conventions, infer

        layered = None
        if self.net.has_kinds:  # batch norm, dropout, residual blocks: their symbols, read by context
            from .layerread import LayerReading

            layered = LayerReading(self)
            claims = layered.prepare(claims)
        from .decorations import step_superscripts, vector_bars
        from .funcdef import read_as_function
        from .lossname import calligraphic_objective, ell_is_the_mean, ell_is_the_objective, tilde_objective, unlabel
        from .pseudocode import optimizer_lines, schedule_multiplier

        claims, barred = vector_bars(claims)  # Aggarwal's \bar{\mathbf{h}}_{r+1} = \Phi(\bar{\mathbf{a}}_{r+1}): vectors
        claims, stepped = step_superscripts(claims)  # W^{(t+1)} = W^{(t)} - \eta …: the step t, not a layer
        claims, scheduled, schedule_set = schedule_multiplier(claims)  # AdamW's η_t = 1: a number, α the learning rate
        self.defining.update(schedule_set)
        claims, lines, read, needs = optimizer_lines(self.net, claims)  # s ← ρ_1 s + (1 − ρ_1) g: at step t (pseudocode.py)
        lines = {**lines, **scheduled}  # (the text as written first)
        if read is not None:
            self.inferred += (read,)
            self.notation = replace(self.notation, options=self.notation.options + tuple(
                o for o in needs if o[0] not in dict(self.notation.options)))
        barred = {**stepped, **barred}
        claims, labelled = unlabel(claims, self.net.loss.name)  # \mathcal{C}_\mathrm{MSE} under an MSE spec: C
        claims, defined = read_as_function(claims)  # a(x) = \frac{1}{1+e^{-x}}: the activation function (funcdef.py)
        labelled = {**labelled, **defined, **barred, **lines}  # (the text as written first: the bars', the lines' originals)
        if barred:
            self.inferred += ("a bar marks a vector (\\bar{h} = Φ(\\bar{a}), ∂L/∂\\bar{h}), not an error signal",)
        if self.net.regularizer is not None and not {"ell", "L"} & set(dict(self.notation.options)):
            # 𝓛 = 1/m Σ ℓ(ŷ⁽ⁱ⁾, y⁽ⁱ⁾) + λ/2 Σ‖W‖²: 𝓛 is J, ℓ one example's loss (unless [notation] says how ℓ, L read)
            claims, named = calligraphic_objective(claims)
            labelled = {**labelled, **{k: labelled.get(k, v) for k, v in named.items()}}
            claims, named = tilde_objective(claims)  # Goodfellow's J̃ = α/2 wᵀw + J: J̃ is J, its J the data term L
            if named:
                self.inferred += ("J̃ is the objective with its penalty and J the data term (its own definition "
                                  "J̃ = penalty + J)",)
            labelled = {**labelled, **{k: labelled.get(k, v) for k, v in named.items()}}
        from .thresholds import CHANGE, ThresholdReading

        thresholds = ThresholdReading.detect(self.net, claims)  # Zhou's θ_j, γ_h subtracted (verify/thresholds.py)
        if thresholds is not None and "weight_order" not in dict(self.notation.options):
            claims = thresholds.prepare(claims)
            self.notation = replace(self.notation, options=self.notation.options + (
                ("weight_order", "source"), ("entries_source_first", True), ("delta_sign", 1))
                + (() if "delta_w" in dict(self.notation.options) else (("delta_w", "increment"),)))
            # (its g_j = −∂E_k/∂β_j is −δ: written so; its weights' entries source first, in any layout; its Δ is the
            # step's change of a parameter, v ← v + Δv, as the book defines it)
            self.inferred += (CHANGE,)
        else:
            thresholds = None
        modules = ModuleReading.detect(self.net, claims)  # wj-jason's layers as modules X → Y (verify/modules.py)
        if modules is not None:
            claims = modules.prepare(claims)
            self.inferred += (modules.change,)
            self.rewritten = frozenset(modules.originals)
        if modules is None and thresholds is None:  # timattt's Q = W P + b, R = σ(Q) for "one layer" (verify/onelayer.py)
            from .infer import _unknown
            from .onelayer import OneLayerReading

            one = OneLayerReading.detect(self.net, claims, lambda s: _unknown(s, self.notation, self.net.depth))
            if one is not None:
                claims = one.prepare(claims)
                self.inferred += (one.change,)
                modules, self.rewritten = one, frozenset(one.originals)
                self.own_numbers_aside = self.rewritten
        if modules is None and thresholds is None:  # A-R007's z_{H1}, H1, z_{y2}, y' (verify/unitnames.py)
            from .proseoperators import ProseProduct
            from .unitnames import Restored, own_names

            product = ProseProduct(self._products) if self._products else None  # Epp's "the symbol ⊚ means
            claims = product.prepare(claims) if product is not None else claims  # componentwise multiplication"
            claims, named = own_names(self.net, claims)
            named = [product, *named] if product is not None else named  # (first: it holds the text as written)
            if named:
                self.inferred += tuple(r.change for r in named)
                for r in named:  # (inoutnames.py's weights, rewritten source unit first)
                    self.notation = replace(self.notation, options=self.notation.options + tuple(
                        o for o in getattr(r, "options", ()) if o[0] not in dict(self.notation.options)))
                modules = Restored(named)  # (restored as written, as the modules' claims are)
                self.rewritten = frozenset(modules.originals)
        self._claims = list(claims)
        self._applied_losses = None  # (lossfunction.applied_to_examples of these claims, when first needed)
        self._function_defs = None  # (their function letters' definitions, when first needed)
        if "epsilon" not in self.consts and "lr" in self.consts and any(_STEP_EPSILON.search(c.latex) for c in claims):
            self.consts["epsilon"] = self.consts["lr"]  # Rumelhart et al.'s Δw = −ε ∂E/∂w: ε the learning rate
            if "mu" in self.consts and any(_MOMENTUM_ALPHA.search(c.latex) for c in claims):
                self.consts["alpha"] = self.consts["mu"]  # and their Δw(t) = −ε ∂E/∂w + α Δw(t−1): α the momentum
        if "lambda" in self.consts and any(_ALPHA_IS_LAMBDA.match(c.latex) for c in claims[:2000] if len(c.latex) <= 200):
            self.consts["alpha"] = self.consts["lambda"]  # Goodfellow's α = λ: α the regularization coefficient
            self.inferred += ("α is the regularization coefficient λ (the answer's own α = λ)",)
        rate = self.rate_letter  # "learning rate $\gamma = 0.1$" (document.rate_letter)
        if rate and rate not in self.consts and "lr" in self.consts:
            self.consts[rate] = self.consts["lr"]
        if ("gamma" not in self.consts and "lr" in self.consts
                and not any(layer.kind in ("batchnorm", "layernorm") for layer in self.net.layers)
                and any(_STEP_GAMMA.search(c.latex) for c in claims)):
            self.consts["gamma"] = self.consts["lr"]  # ESL's and CMU 10-601's θ ← θ − γ ∂J/∂θ: γ the learning rate
        if "mu" not in self.consts and "lr" in self.consts and any(_STEP_MU.search(c.latex) for c in claims):
            self.consts["mu"] = self.consts["lr"]  # Porr's Δω_{ji} = −μ ∂E/∂ω_{ji}: μ the learning rate (no momentum)
        if (any(layer.activation == "leaky_relu" for layer in self.net.layers) and "gamma" in self.consts
                and PARAM + "alpha" not in self.consts and any(_ALPHA_SLOPE.search(c.latex[:4000]) for c in claims)
                and not any(_ALPHA_STEP.search(c.latex[:4000]) for c in claims)):
            self.consts["alpha"] = self.consts["gamma"]  # "leaky ReLU (α = 0.01)", g(z) = αz for z ≤ 0: α the slope
            self.inferred += ("α is leaky ReLU's slope (the answer's own g(z) = α z for z ≤ 0; α never steps a parameter)",)
        if not self.numeric and _bias_free(claims) and any(p.bias for p in self.truth.program.params):
            self._zero_biases()  # (a spec whose layers all say bias = false has no bias to set to 0)
        settled = conventions(self, _folded(claims))
        if settled is not None:
            self.notation, self.inferred = settled.notation, self.inferred + settled.changes
        if (not self.numeric and "mazur" in dict(self.notation.options) and self.points
                and any(p.bias for p in self.truth.program.params)):
            self._tie_biases()
        if self.net.regularizer is not None and "ell" not in dict(self.notation.options) and ell_is_the_objective(claims):
            self.notation = replace(self.notation, options=self.notation.options + (("ell", "objective"),))
            self.inferred += ("ℓ is the whole objective (data loss plus regularization, its own definition)",)
        if self.batch > 1 and "ell" not in dict(self.notation.options) and ell_is_the_mean(claims):
            self.notation = replace(self.notation, options=self.notation.options + (("ell", "batch"),))
            self.inferred += ("ℓ is the batch's mean loss (its own definition), not one example's",)
        from .componentletters import component_letters

        component = component_letters(self, claims)  # rudra's w_{jk}', w_{k1}^2, O_{1k}: read from the sums he writes
        if component is not None:
            self.notation = replace(self.notation, macros=self.notation.macros + component[0])
            self.inferred += (component[1],)
        orientation.decide(self, claims)  # the answer's own orientation of W, before its letters are bound by it
        self._own_letters(claims)
        claims, written = self._bind_letters(claims)
        self._bind(claims)
        try:
            with limits.time_limit(limits.CLAIM_SECONDS * 4, "inferring the answer's notation", cpu=True):
                for _ in range(2):  # a second round once the symbols that read only in the inferred notation are bound
                    reading = infer(self, _folded(claims))
                    if reading is None or set(reading.changes) <= set(self.inferred):
                        break
                    self.notation = reading.notation
                    self.inferred += reading.changes
                    self._bind(claims)
        except limits.TimeLimitError:
            pass
        from .zoutput import activation_letters

        outputs = activation_letters(self, claims) if not self.net.has_kinds else ()
        if outputs:  # 6.S191's z_1 = g(w_1 x): every definition of that z is the layer's activation
            self.notation = replace(self.notation, bases=self.notation.bases + tuple((x, "h") for x in outputs))
            self.inferred += (f"{', '.join(outputs)} is a layer's output h (every definition of it in the answer: "
                              f"{outputs[0]}_1 = g(…))",)
            self._bind(claims)
        from .infer import d_letters_of_objective, delta_is_own, objective_scale, reassigned, scale_options

        declared_d = dict(self.declared.options).get("d_letters")
        if self.batch > 1 and (declared_d == "objective" or declared_d is None and d_letters_of_objective(claims)):
            # dZ^{[l]} := ∂J/∂Z^{[l]}: Ng's letters of the mean cost
            self.notation = replace(self.notation, options=self.notation.options + (("d_objective", True),))
            self.inferred += ("dZ, dA are the batch objective's derivatives, with its 1/N (the answer's own definition)",)
        if "lambda" in self.consts and penaltyscale.without_half(self, claims):  # λ‖W‖²: the answer's λ is half the spec's
            self.consts["lambda"] = self.net.reg_lambda / 2
            self.inferred += ("λ is the constant of the answer's own L2 penalty λ‖W‖² (no ½): half the spec's λ in "
                              "λ/2 ‖W‖²",)
        if delta_is_own(claims):  # δ defined as ∂C/∂z: on the answer's own scale of C when it has one (loss_scale)
            self.notation = replace(self.notation, options=self.notation.options + (("delta_own", True),))
        named = named_scales(self, claims)  # ∂MSE/∂w, ∂SSE/∂w: on the scale each name says (or the answer defines)
        if named:
            self.notation = replace(self.notation, options=self.notation.options + (("named_scales", named),))
        undecided: dict = {}
        scale, defining = objective_scale(self, claims, undecided, _with_rows(claims))
        self._undecided_scale(undecided if scale is None else _redefinitions(undecided))
        self._scale_open = scale is None and any(kind == "unread" for _, kind in undecided.values())
        if scale is not None:
            self._delta_definitions(claims)
            own_scale = scale_options(self.net, scale, claims)
            self.notation = replace(self.notation, options=self.notation.options + own_scale)
            self.inferred += (f"the answer's objective is {scale:g} × the spec's (its own definition)",)
            if ("delta_own", True) in own_scale:  # (max-amb's ∂C/∂a ∂a/∂z = δ: its δ is its objective's)
                self.inferred += ("δ is the derivative of the answer's own objective (on its scale)",)
        if scale is not None and not _writes_objective(claims, defining):  # (∂L/∂ŷ = ∂/∂ŷ (y − ŷ)² is judged whole)
            self.defining[defining] = ("unchecked", f"defines the objective as {scale:g} × the spec's (a convention, not "
                                                    "checked); its derivatives are read on that scale")
        self._example_loss = _summed_example_losses(claims) if self.batch > 1 else None
        self._example_cost = self.batch > 1 and (_named_example_cost(claims) or self._example_loss is not None)
        if self.batch > 1 and not self.numeric and not self.net.mixes_samples and (
                _one_example_cost(claims) or self._ell_in_chosen_batch(claims) or self._sample_section(claims)
                or self._example_cost):
            self._one_example = self._example_judge(claims, scale)
        steps = reassigned(claims, self._names)  # a symbol reassigned step by step (Goodfellow's g ←)
        self.numerator = self.batch == 1 and (self.gradient_rows  # (the prose: "Gradients are row vectors")
                                              or any(_numerator_chain(c.latex, self.notation, self.net.depth) for c in claims))
        from .infer import definitions

        forward = {c.id for c in definitions(claims)}
        self._bias_columns(claims, forward)
        try:
            with limits.time_limit(limits.CLAIM_SECONDS * 4, "reading how the answer writes W", cpu=True):
                orientation.claim_by_claim(self, claims, steps)
        except limits.TimeLimitError:
            self.orientations.clear()  # (the spec's orientation, as before the vote)
        self._memo = {}  # (the reading is fixed from here to the end of the claims' loop: identical claims judged once)
        if len(self.layouts) > 1:  # the answer's layout from all its claims at once (each that fits one layout only)
            self.votes = {lay: 0 for lay in self.votes}
            for c in claims:  # a forward definition (z = W x + b) shows the layout best: it weighs ten claims
                if limits.overdue():  # (no claim is judged past it: below)
                    break
                self._in_step(c, steps, lambda claim, c=c: self._vote(claim, 10 if c.id in forward else 1))
            self._voted = True
        return claims, steps, forward, written, scale, undecided, (layered, modules, thresholds, labelled)

    def _bias_columns(self, claims, forward: set) -> None:
        """An answer adding b^T to samples written as rows keeps its biases as columns (biascolumn.py)."""
        from .biascolumn import NOTE, transposed_bias

        if not self.truth.bias_column and transposed_bias(claims, forward, self.notation, self.net.depth):
            self.truth.bias_column = True
            self._env_cache, self.envs, self._jac_cache = {}, None, {}
            self._use(self.truth.samples)
            self.inferred += (NOTE,)

    def _delta_definitions(self, claims) -> None:
        """Before the answer's own scale of the objective is read: its definitions of δ (Bishop's δ_j ≡ ∂E_n/∂a_j) that
        hold on the spec's scale hold on the answer's too (δ is the derivative of whichever objective), but δ stays read
        on the spec's scale, where the two sides would then differ by the scale — so they are judged here."""
        from .infer import _defines_delta

        for c in claims:
            if _defines_delta(c, self) and self._check_in(c, self.layouts[0], remember=False).verdict == "correct":
                self.defining.setdefault(c.id, ("correct", "defines δ as the derivative of the answer's objective "
                                                           "(checked on the spec's scale)"))

    def _undecided_scale(self, undecided: dict) -> None:
        """Definitions of the objective off the spec's by a constant factor that no derivative of the answer reads on
        (infer.objective_scale's ``undecided``): the author's convention or a slip — not called wrong."""
        messages = {
            "unread": "defines the objective as {k:g} × the spec's, and none of the answer's derivatives reads on either "
                      "scale: its own convention or a slip, which one is not known",
            "tie": "defines the objective as {k:g} × the spec's, but one more of the answer's derivatives reads on the "
                   "spec's scale than on this one: the answer is split evenly, so its own convention or a slip, which "
                   "one is not known",
            "depends": "not judged: its verdict depends on the objective's scale, and the answer's definition ({k:g} × "
                       "the spec's) and its derivatives disagree on it; give the objective in [notation] to settle it",
            "redefined": "defines the objective again, as {k:g} × the spec's, on another scale than the answer's first "
                         "definition, and the derivatives after it follow this one: a new convention from here (not "
                         "checked)",
            "redefined-depends": "not judged: it comes after the answer defines its objective again on another scale "
                                 "({k:g} × the spec's), and its verdict depends on which of the two it uses",
        }
        for cid, (k, kind) in undecided.items():
            if kind == "unread" and _writes_objective(self._claims, cid):  # right on neither scale: judged on the spec's
                continue
            self.defining.setdefault(cid, ("unchecked", messages[kind].format(k=k)))

    def _own_letters(self, claims) -> None:
        """Letters the answer numbers or scales its own way, read from its definitions before the inference: δ numbered
        from the input (deltanumber.py), the momentum velocity with the learning rate inside (foreign.py)."""
        from .deltanumber import delta_offset
        from .foreign import velocity_options
        from .infer import _normal

        texts = [_normal(c.latex) for c in claims]
        step = dict(self.notation.options).get("time_argument", uses_time_argument(" ".join(texts)))
        if step:  # beingbat's V(t) = alpha * dW + beta*V(t-1): the velocity V_t, as the parser will read it
            texts = [drop_time_argument(t, step) for t in texts]
        numbered = delta_offset(texts, self.net.depth, int(dict(self.notation.options).get("input_layer", 0)))
        if numbered:
            self.notation = replace(self.notation, options=self.notation.options + numbered)
            self.inferred += ("δ is numbered from the input as layer 1 (δ_{L+1} = ŷ − y), the other letters from 0",)
        running_max = recurrences.max_hat_option(self.net, texts)
        if running_max and "max_hat" not in dict(self.notation.options):
            self.notation = replace(self.notation, options=self.notation.options + running_max)
            self.inferred += ("v̂ is AMSGrad's running maximum of v (Reddi et al.'s letters: v̂_t = max(v̂_{t−1}, v_t))",)
        extra = velocity_options(self.net, texts)
        if extra:
            self.notation = replace(self.notation, options=self.notation.options + extra)
            self.inferred += ("the answer's velocity v_t = γ v_{t-1} + η g has the learning rate inside"
                              + (" (the spec's optimizer has no such velocity)" if extra[0][0] == "foreign_velocity" else ""),)

    def _diagonal_stated(self, case: str) -> str | None:
        """Kyle Lo's "for i = j entries: ∂φ_i/∂z_i = φ_i(1 − φ_i)", then "for i ≠ j entries: ∂φ_i/∂z_j = −φ_i φ_j": the
        id of an earlier claim that states the diagonal of the derivative the claim being checked is about (its first
        side with j written i), so that a claim holding exactly where i ≠ j is that case of a split the prose makes;
        None otherwise (∂z_i/∂b_j = 1 alone forgets δ_ij: incorrect)."""
        from .infer import _normal

        self._history = True  # (the claims before this one)
        claim = next((c for c in self._claims if self._checking is not None and c.id == self._checking.id), None)
        if claim is None:
            return None
        a, b = (x.strip() for x in case.split("≠"))
        first = lambda c: re.sub(r"\s+", "", (_top_sides(_normal(c.latex)) or [""])[0])  # noqa: E731
        diagonal = re.sub(r"(?<=_)(\{)?" + re.escape(b) + r"(?(1)\})(?![A-Za-z])", a, first(claim))
        upto = self._claims.index(claim)
        return next((c.id for c in self._claims[:upto] if first(c) == diagonal), None)

    def _own_objective(self, claims, results) -> None:
        """Once an answer that defined the spec's objective defines another one (Kyle Lo's later section on the
        quadratic loss L = ½ Σ (y_i − h_i)ᵀ(y_i − h_i), after his cross-entropy; that second definition is judged
        incorrect), a later derivative judged incorrect may be right for the new objective: it is not called wrong.
        (A first definition that is wrong is a slip: what follows is still judged against the spec.)"""
        since, defined, other = None, False, None
        for c, r in zip(claims, results, strict=True):
            if since is not None and r.verdict == "incorrect" and _DERIVATIVE.search(c.latex) and other is not None and (
                    other[0].check(c).verdict == "incorrect"):
                r.notes.append(OTHER_OBJECTIVE.format(since))  # (Paredes's sign slip after his cross-entropy's name)
            elif since is not None and r.verdict == "incorrect" and _DERIVATIVE.search(c.latex):
                r.unjudge()
                r.message = (f"not judged: after the spec's objective, the answer defines another one ({since}), and "
                             f"this derivative may follow from it (against the spec's loss: {r.message})")
            elif r.verdict == "correct" and self._defines_objective(c):
                defined, since = True, None
            elif (r.verdict == "incorrect" or r.message.startswith(WRITES_OUT_ANOTHER)) and defined and (
                    self._defines_objective(c, other=True)):  # (judged wrong, or another loss's family written out)
                since, other = c.id, other_loss_judge(self, c)

    def _data_cost(self, claims, results) -> None:
        """Under a spec with a regularizer, the answer's objective defined without any penalty term (Ng's ``J =
        \\frac{1}{m}\\sum_i L(\\hat y^{(i)}, y^{(i)})`` in a section on softmax) that is the data term L: its own
        cost, or the penalty forgotten — which one only its author knows, so it is not called wrong."""
        from .lossname import DEFINES_OBJECTIVE

        if self.net.regularizer is None:
            return
        for c, r in zip(claims, results, strict=True):
            if r.verdict != "incorrect" or _PENALTY_WRITTEN.search(c.latex) or not self._defines_objective(c):
                continue
            sides, _ = parse_claim(c.latex, self.notation, self.net.depth)
            if sides[0].value[0] != "loss" or len(sides) != 2:
                continue
            m = DEFINES_OBJECTIVE.match(c.latex)  # (its left side is J, E or C: read as the objective above)
            if m is None:
                continue
            data = self._check_one(replace(c, latex="L = " + c.latex[m.end():]))
            letter = c.latex.lstrip()[:1]
            if data.verdict == "correct" and any(_REGULARIZED_NAME.match(o.latex.lstrip()) and o.latex.lstrip()[:1] == letter
                                                 for o in claims):
                # Ng's J (1) beside J_{regularized} = J + λ/(2m) Σ‖W‖² (2): the answer names its objective apart, so
                # its plain J is the data term by its own definitions
                r.verdict, r.expected, r.diagnosis, r.diagnosis_key, r.counterexample = "correct", "", None, None, None
                r.message = ("matches the derived data term (the answer's J is its cost without the penalty: it "
                             "names the regularized objective apart)")
            elif data.verdict == "correct":
                r.unjudge()
                r.message = ("not judged: it is the data term L; the spec's objective adds the regularizer, which this "
                             "definition leaves out — the answer's own cost or the penalty forgotten (against the spec's "
                             f"J: {r.message})")

    def _defines_objective(self, claim: Claim, other: bool = False) -> bool:
        """Whether a claim is a definition of the objective itself: ``L(w) = …``, ``E = ½ Σ (t − o)²``; with
        ``other``, of an objective of another kind than the spec's loss (a logarithm in it or not)."""
        try:
            sides, rels = parse_claim(claim.latex, self.notation, self.net.depth)
        except Unreadable:
            return False
        if not (rels[:1] == ["="] and sides[0].op == "q" and sides[0].value[0] in ("loss", "lossL")):
            return False
        logs = any(n.op == "fn" and n.value[0] in ("log", "ln") for side in sides[1:] for n in side.walk())
        return not other or logs != ("cross_entropy" in self.net.loss.name)

    def _local_function(self, claim: Claim) -> Claim | None:
        """A generic function letter named in the line as a standard function — ``φ(z) = tanh(z) = …`` (Kyle Lo's
        "popular choices include φ(z) = ReLU(z) = max(0, z) where φ'(z) = 1_{z>0}"): the claim with the letter
        replaced by that function (its defining first side dropped), or None. Later claims of the same line use it."""
        from .infer import _normal

        self._history = True  # (the claims of its line before it)
        base = claim.id.split("#")[0]
        mine = [c for c in self._claims if c.id.split("#")[0] == base]
        upto = next((i for i, c in enumerate(mine) if c.id == claim.id), None)
        if upto is None:
            return None
        for c in reversed(mine[:upto + 1]):
            m = _LOCAL_FUNCTION.match(_normal(c.latex))
            if m is None:
                continue
            letter = re.compile(re.escape(m.group(1)) + r"(?![A-Za-z])" if m.group(1).startswith("\\")
                                else rf"(?<![A-Za-z\\]){m.group(1)}(?![A-Za-z])")
            text = _normal(claim.latex)
            if c is claim:
                sides = _top_sides(text)
                if len(sides) < 3:  # φ(z) = tanh(z) alone: a choice, nothing to check
                    return replace(claim, latex="")
                text = "=".join(sides[1:])
            named = "\\" + {"relu": "ReLU", "sigmoid": "sigma"}.get(m.group(3), m.group(3))
            return replace(claim, latex=letter.sub(lambda _, named=named: named + " ", text))
        return None

    def _function_letters_bound(self, text: str) -> bool:
        """Whether every function letter _FUNCTION_FRACTION finds in ``text`` is an activation's: σ, φ always; f and g
        only where the answer's definitions bind them to layers (``a^l = f(z^l)``, ``f(z) = \\frac{1}{1+e^{-z}}``) —
        Zingale's f is his cost, and ∂f/∂z there is no activation's slope."""
        letters = {m.group(1) for m in _FUNCTION_FRACTION.finditer(text)}
        plain = {x for x in letters if x in ("f", "g")}
        if not plain:
            return bool(letters)
        bound = self._function_letter_layers()
        return all(x in bound for x in plain)

    def _function_letter_layers(self) -> dict:
        """{letter: layers} for the answer's function letters: from its definitions of activations (``a^{(l)} =
        f(z^{(l)})``, infer.function_layers), and a letter defined by its formula (``f(z) = 1/(1 + e^{-z})``,
        _defined_letter_layers) names that formula's layers even where ``a^l = f(z^l)`` names every layer (liseanh's
        sigmoid f beside the spec's identity output)."""
        from .infer import function_layers

        return {**function_layers(self._claims, self.notation, self.net.depth), **self._defined_letter_layers()}

    def _defined_letter_layers(self) -> dict:
        """{letter: layers} for a function letter the answer defines by a formula that is the activation of some
        layers only (``g(z) = \\max(0.01 z, z)``, leaky ReLU, in a network whose other layers are sigmoid): the letter
        names those layers' activation. Read from each letter's first definition, once."""
        from .infer import _normal

        if self._letter_layers is None:
            self._letter_layers, tried = {}, set()
            layers = range(1, self.net.depth + 1)
            rows = [replace(c, latex=row) for c in self._claims[:300] if len(c.latex) <= 400
                    for row in (_top_rows(c.latex) if "quad" in c.latex else (c.latex,))]
            for c in rows:  # (each equation of a display: g(z) = …, \qquad g'(z) = …)
                m = _letter_defined(_normal(c.latex))
                if m is None or m.group(1) in tried:
                    continue
                tried.add(m.group(1))  # (each letter's first definition only: at most five checks per layer)
                saved = self.notation
                self.notation = replace(saved, options=saved.options + (("bare_layer", True),))
                try:
                    holds = {lay for lay in layers if self._check_one(c, {"bare": lay}).verdict == "correct"}
                except Exception:  # noqa: BLE001 -- a definition that does not check binds nothing
                    holds = set()
                finally:
                    self.notation = saved
                if holds and len(holds) < self.net.depth:
                    self._letter_layers[m.group(1)] = holds
                    self._letter_first[m.group(1)] = c.id
        return self._letter_layers  # (the definition itself then holds there: it says which layer's the letter is)

    def _identity(self, claim: Claim) -> ClaimResult | None:
        """An identity of the activation in a variable written without a layer (UFLDL's f'(z) = f(z)(1 − f(z)),
        Bishop's h'(a) = 1 − h(a)², Ng's g^{[1]'}(z) = 1 − a² with a = g(z)): checked with the variable standing for
        the summed input of each layer the answer's function letter belongs to (its definitions say which:
        z_j = h(a_j) binds h to the hidden layer, a^{(l)} = f(z^{(l)}) f to every layer). With no such definition,
        only a verdict that is the same for every layer is given."""

        local = self._local_function(claim)
        if local is not None and not local.latex:
            return ClaimResult(claim.id, claim.latex, "unchecked", "", "names its function letter as a standard function in "
                               "this line (a choice, not graded); the line's other claims are read with it",
                               quantity=claim.quantity, notes=["a definition"])
        if local is not None:  # Kyle Lo's φ(z) = tanh(z) = …, then φ'(z) = 1 − tanh²(z): an example, not the network's φ
            claim = local
        bound = {} if local is not None else self._function_letter_layers()
        letters = {m.group(1) for m in _APPLIES.finditer(claim.latex)}
        layers = set(range(1, self.net.depth + 1))
        first = int(dict(self.notation.options).get("input_layer", 0))
        own = [int(m.group(1)) - first for m in re.finditer(r"(?<![A-Za-z\\])[fgh]\s*\^\s*\{\s*[\[(]\s*(\d+)", claim.latex)]
        named = [bound[x] for x in letters if x in bound] + [{x} for x in own]  # g^{[1]'}: the function's own layer
        if named:
            layers = set.intersection(*map(set, named))
        saved = self.notation
        self.notation = replace(saved, options=saved.options + (("bare_layer", True),))
        try:
            done = [(lay, self._check_one(claim, {"bare": lay})) for lay in sorted(layers)]
        finally:
            self.notation = saved
        done = [(lay, r) for lay, r in done if r.verdict != "unchecked"]
        if not done:
            return None
        verdicts = {r.verdict for _, r in done}
        which = ", ".join(str(lay) for lay, _ in done)
        if len(verdicts) > 1 and not named:
            ok = [str(lay) for lay, r in done if r.verdict == "correct"]
            return ClaimResult(claim.id, claim.latex, "unchecked", "",
                               f"holds for the activation of layer {', '.join(ok)} but not of every layer; the answer "
                               "does not say which layer's activation its function letter is (define it, e.g. "
                               "a^{(1)} = f(z^{(1)}))", quantity=claim.quantity)
        verdict = _combine([r.verdict for _, r in done])
        if verdict != "correct" and not named and local is None:
            from .infer import _normal

            m = _letter_defined(_normal(claim.latex))
            if m:
                # φ(z) = max(0, z) with φ bound to no layer: an example of a function, like Kyle Lo's list
                return ClaimResult(claim.id, claim.latex, "unchecked", "",
                                   f"defines its function letter as a function no layer of the network has, and no "
                                   f"definition binds the letter to a layer (e.g. a^{{(1)}} = {m.group(1)}(z^{{(1)}})): "
                                   "an example, not graded", quantity=claim.quantity)
        if verdict == "incorrect" and (other := self._argument_not_in_body(claim)) is not None:
            return other  # σ(z) = 1/(1 + e^{-x}): a function of z written in x
        if verdict == "incorrect" and local is None and not own:
            again = self._defined_again(claim, layers)
            if again is not None:
                return again
        lay, result = next((lay, r) for lay, r in done if r.verdict == verdict)
        result.notes.append(f"an identity of the activation in a variable with no layer: checked for the summed input "
                            f"of layer {which}" if local is None else
                            "an identity of the function the answer names in this line (φ(z) = tanh(z)): checked as that "
                            "function's identity")
        if verdict != "correct":
            result.message = f"for the activation of layer {lay}: {result.message}"
        return result

    def _at_the_output(self, claim: Claim) -> ClaimResult | None:
        """A claim about the output written with no layer on its summed input and activation (McLaughlin's softmax
        derivation ``\\frac{\\partial L}{\\partial z_i} = -\\sum_k y_k \\frac{1}{a_k} \\frac{\\partial a_k}{\\partial z_i}``
        beside his layered ∂L/∂z^{(2)}; a student's ``\\frac{\\partial L}{\\partial z} = \\hat y_i - y_i``): where the claim
        names the target or the output ŷ, or applies the output's softmax, and no parameter,
        its bare z and a (h) can only be the output layer's — the target and the softmax are there alone. Judged so,
        with a note; None where that reading does not give a verdict, and for a claim that takes a summed input's
        derivative by an activation (∂z_k/∂a_j: two layers, the later one's z by the earlier one's a) or names a
        function letter of the answer's own (Zingale's cost f: ∂f/∂z = 2(z − y)). Only a
        derivative is read so: a definition (malcu's y = softmax(a), a the logits; g(z_i) = exp(z_i)/Σ exp(z_i)) says
        what its letters are, which this reading would overrule."""
        from .infer import _normal

        depth = self.net.depth
        if depth < 2 or "bare_letters" in dict(self.notation.options) or len(claim.latex) > 2000:
            return None
        text = _normal(claim.latex)
        softmax = self.net.layers[-1].activation == "softmax" and _SOFTMAX_APPLIED.search(text)
        if (_WEIGHT_LETTER.search(text) or _Z_BY_A.search(text) or _OWN_FUNCTION.search(text) or "\\partial" not in text
                or not (softmax or _OUTPUT_NAMED.search(text))):
            return None
        saved = self.notation  # (the parser places bare z and h at gradproof's last layer, whatever the answer's numbering)
        self.notation = replace(saved, options=saved.options + (("bare_output", True),))
        try:
            result = self._check_one(claim)
        finally:
            self.notation = saved
        if result.verdict not in ("correct", "incorrect") or result.verdict == "incorrect" and (
                _shape_failed(result) or by_the_batch(result.message, self.batch) or "1/N" in result.message):
            return None  # (zz0808's da = ∂L(a, y)/∂a: one example's, in a batch — the reading, not the claim, fails)
        result.notes.append("z and a written without a layer: read as the output layer's, the only layer the claim's "
                            + ("softmax" if softmax and not _OUTPUT_NAMED.search(text) else "target or output")
                            + " belongs to")
        if result.verdict == "incorrect":
            result.message = f"with its z and a read as the output layer's: {result.message}"
        return result

    def _defined_again(self, claim: Claim, layers: set) -> ClaimResult | None:
        """A second definition of a function letter whose first one bound it to some layers (mdpii's ``f(z) = \\max(0,
        z)`` for the hidden layer, then "for the output layer, simply ``f(z) = z``"): the letter reused for another
        layer's function, not a claim about the first one's layers. Judged as the activation of the other layers it
        holds for. None for any other claim, and when it is no layer's activation (wrong whichever layer it is meant
        for: judged against the first definition's layers, as before)."""
        from .infer import _normal

        m = _letter_defined(_normal(claim.latex))
        first = self._letter_first.get(m.group(1)) if m else None
        if first is None or first == claim.id:
            return None
        letter = m.group(1).lstrip("\\")
        saved = self.notation
        self.notation = replace(saved, options=saved.options + (("bare_layer", True),))
        try:
            others = [(lay, self._check_one(claim, {"bare": lay})) for lay in range(1, self.net.depth + 1) if lay not in layers]
        finally:
            self.notation = saved
        holding = [(lay, r) for lay, r in others if r.verdict == "correct"]
        if not holding:
            return None
        first_layers = ", ".join(map(str, sorted(layers)))
        result = holding[0][1]
        result.notes.append(f"{letter} defined again: its first definition ({first}) is the activation of layer "
                            f"{first_layers}, this one of layer {', '.join(str(lay) for lay, _ in holding)} (a letter "
                            "reused for another layer's function), checked as that")
        return result

    def _in_step(self, claim: Claim, steps: dict, run):
        """``run(claim)`` with the meaning a reassigned symbol has at this claim (``infer.reassigned``)."""
        if claim.id not in steps:
            return run(claim)
        text, macros = steps[claim.id]
        saved = self.notation
        self.notation = replace(saved, macros=saved.macros + macros)
        try:
            r = run(replace(claim, latex=text))
        finally:
            self.notation = saved
        if isinstance(r, ClaimResult):
            r.latex = claim.latex
            if macros:
                r.notes.append(f"{macros[0][0]} read as {macros[0][1]} (its latest assignment)")
        return r

    def _names(self, symbol: str) -> bool:
        """Whether the answer's notation already names ``symbol`` (a quantity, state or defined symbol)."""
        try:
            parse_expr(symbol, self.notation, self.net.depth)
        except NeedsLayer:
            return True
        except Unreadable as exc:
            return "unknown symbol" not in str(exc)
        return True

    def _bind_letters(self, claims) -> tuple[list, dict]:
        """An author's own letter for a layered quantity (ozyurtf's s_l = W_l a_{l-1} + b_l): letters.layered_letters;
        the answer's claims, one of them read in its own letters (letters.hatted_target), and their texts as written."""
        from .letters import hatted_target, layered_letters, weight_letters

        bases, changes = layered_letters(self, claims)
        weights, named = weight_letters(self, claims)  # (max-amb's ω^{[l]} in z^{[l]} = ω^{[l]} a^{[l-1]} + b^{[l]})
        target, said, rewritten = hatted_target(self, claims)  # (max-amb's C = Σ_i (a_i − \hat{a_i})²: â the target)
        digits = digit_layers(claims, self.net.depth)  # (Paredes's ∂J/∂\mathbf{z}^{2} beside his z^{(1)}: layer 2)
        if digits:
            rewritten = {**digits, **rewritten}
            said += (DIGIT_NOTE,)
        bases, changes = bases + weights + target, changes + named + said
        if bases:
            self.notation = replace(self.notation, bases=self.notation.bases + bases)
            self.inferred += changes
        written = {c.id: c.latex for c in claims if c.id in rewritten}
        claims = [replace(c, latex=rewritten[c.id]) if c.id in rewritten else c for c in claims]
        if rewritten:
            self._claims = list(claims)
            self._function_defs = None
        return claims, written

    def _output_z(self, claims, results) -> None:
        """A z letter the answer defines as a layer's output (CMU 10-714's Z_1 = ReLU(X W_1)): its claims are not
        judged as the summed input (zoutput.py)."""
        from .zoutput import output_z_letters, unjudge_output_z

        unjudge_output_z(claims, results, output_z_letters(self, claims))

    def _bind(self, claims) -> None:
        """Read the answer's own symbols (infer.bind_symbols) and remember which claims define them."""
        rows = _with_rows(claims)
        own = self._bind_rounds(rows)
        from .gradletters import family_macros
        from .infer import _unknown

        family = family_macros(self.notation.macros, rows, lambda x: _unknown(x, self.notation, self.net.depth))
        if family:  # Shreyansh's G_{S_i} = ∂L/∂S_i, then G_{Z_i}, G_Z: the letter names ∂L/∂ of any quantity
            keys = {k for k, _ in family}
            self.notation = replace(self.notation, macros=tuple(m for m in self.notation.macros if m[0] not in keys)
                                    + family)
            for cid in [cid for cid, (_, message) in self.defining.items()
                        if any(f"own symbol {k} " in message for k in keys)]:
                del self.defining[cid]  # (G_{Z_i} = …, its first use, was read as its definition: a claim about it)
        bound = self.notation
        self._param_letters(rows)  # (each equation of a display: \mathbf{h} = …, \quad \hat y = \sigma(\mathbf{u}^\top \mathbf{h} + c))
        letters = {k for k in own if re.fullmatch(r"[A-Za-z]", k)}
        if letters and (self.notation.fixed, self.notation.macros) != (bound.fixed, bound.macros):
            # the logit s = w^T a + b, then p = σ(s): with w and b bound (paramletters) the answer's own letters may name
            # quantities (s is z⁽²⁾, p is ŷ) — read again, as symbols of its own
            before, defining = self.notation, dict(self.defining)
            self.notation = replace(self.notation, macros=tuple(m for m in self.notation.macros if m[0] not in letters))
            self._bind_rounds(rows)
            named = {k for k, _ in self.notation.fixed} & letters
            if not named:
                self.notation, self.defining = before, defining

    def _bind_rounds(self, rows) -> set:
        """The rounds of infer.bind_symbols (a symbol defined with another one, P = softmax(…), then G_2 = (P − Y)/N,
        reads the next round); the keys of the macros they add."""
        from .infer import UNDEFINED, bind_symbols

        added: set = set()
        for _ in range(3):
            fixed, macros, ids = bind_symbols(self, rows)
            known = {k for k, _ in self.notation.fixed} | {k for k, v in self.notation.macros if v != UNDEFINED}
            fixed = tuple(f for f in fixed if f[0] not in known)
            macros = tuple(m for m in macros if m[0] not in known)
            if fixed or macros:  # (a symbol left undefined by an earlier round may now read: its new value replaces it)
                kept = tuple(m for m in self.notation.macros if m[0] not in {k for k, _ in macros})
                self.notation = replace(self.notation, fixed=self.notation.fixed + fixed, macros=kept + macros)
                added |= {k for k, _ in macros}
            self.defining.update(ids)
            if not (fixed or macros):
                break
        return added

    def _param_letters(self, claims) -> None:
        """The answer's letters for weights and biases, bound from its forward definitions (paramletters.py)."""
        from .paramletters import apply

        apply(self, claims)

    def _example_judge(self, claims, scale: float | None) -> Judge:
        """A judge of one example, for the claims of a batch document written entry by entry without a sample index
        (blackKeys17's ∂C/∂b^l_j = δ^l_j under C = Σ_i (y_i − a^L_i)², after C = 1/n Σ_x C_x): the answer's own
        definition makes its cost letter one example's there, as Nielsen says in words. The answer's notation as
        read so far; the objective's scale read from the per-example definition holds for both judges."""
        from .infer import objective_scale, scale_options

        one = self._judge_of_one_example(("batch", "chosen_batch", "delta_scale"), self.defining)
        if scale is None:
            undecided: dict = {}
            scale, defining = objective_scale(one, claims, undecided, _with_rows(claims))
            self._undecided_scale(undecided if scale is None else _redefinitions(undecided))
            if scale is not None:
                from .lossname import sums_over_examples

                defined = next((c.latex for c in claims if c.id == defining), "")
                # (CS229's ℓ(θ) = Σ_{i=1}^m …, −1 × the spec's for one example, is −m × it for the batch of m)
                whole = scale * self.batch if sums_over_examples(defined) else scale
                for judge, k in ((self, whole), (one, scale)):
                    judge.notation = replace(judge.notation, options=judge.notation.options + scale_options(self.net, k, claims))
                self.inferred += (f"the answer's objective is {scale:g} × the spec's (its own definition, for one "
                                  "example)",)
                self.defining[defining] = ("unchecked", f"defines the objective as {scale:g} × the spec's (a convention, "
                                                        "not checked); its derivatives are read on that scale")
        return one

    def _for_one_example(self, claim: Claim, note: str = "") -> ClaimResult | None:
        """A claim that names entries but no sample, read for one example (``_example_judge``), if it reads so. The
        cost's own definition only if it holds: another constant factor is the answer's convention, not a mistake
        (objective_scale's to read)."""
        from .infer import _normal

        self._history = True  # (a judge of one example: its own layout vote moves with every claim it reads)
        result = self._one_example.check(claim)
        if result.verdict == "unchecked" or result.verdict != "correct" and _EXAMPLE_COST.match(_normal(claim.latex)):
            return None
        result.notes.append(note or "written entry by entry without a sample index under the answer's per-example "
                                    "cost: read for one example")
        return result

    def _one_example_loss(self, claim: Claim) -> ClaimResult | None:
        """A claim defining the answer's loss function of one example, ``L(\\hat y, y) = -(y \\log \\hat y + …)``, where
        the answer's cost applies that letter to each example (MathsCode's ``J = \\frac{1}{m} \\sum_i L(\\hat y^{(i)},
        y^{(i)})``): y and ŷ are one example's, so the claim is judged for one example (its products of y and log ŷ are
        then products of numbers, not of the batch's rows). None when it is not such a claim (verify/lossfunction.py)."""
        from .lossfunction import DERIVATIVE_NOTE, applied_to_examples, differentiates_one_example, loss_of_one_example

        if getattr(self, "_applied_losses", None) is None:  # (one pass over the answer, made once)
            self._applied_losses = applied_to_examples([c.latex for c in getattr(self, "_claims", [])])
        if loss_of_one_example(claim.latex, self._applied_losses):
            note = ONE_EXAMPLE_LOSS
        elif differentiates_one_example(claim.latex, self._applied_losses):
            note = DERIVATIVE_NOTE  # John Philipp's ∂L/∂w_2 = (a_2 − y) a_1 beside J = 1/m Σ_i L(a_2^{(i)}, y^{(i)})
        else:
            return None
        one = self._sample_check(claim)
        if one.verdict not in ("correct", "incorrect"):
            return None
        one.notes.append(note)
        one.message += f" ({note})"
        return one

    def penalty_judge(self):
        """A judge with the penalty on the other scale (λ ↔ λ/N, verify/penaltyscale.py), made once; None if it cannot be."""
        if self._penalty_judge is None:
            self._penalty_judge = [penaltyscale.other_judge(self)]
        return self._penalty_judge[0]

    def _on_other_penalty_scale(self, claim: Claim, result: ClaimResult) -> ClaimResult:
        """A claim that writes λ: on the answer's own penalty scale when its definition of the objective settles it,
        else on the spec's (verify/penaltyscale.py)."""
        if self._own_penalty is None:
            self._own_penalty = [None]  # (no recursion while the definition itself is judged)
            self._own_penalty = [penaltyscale.own_scale(self)]
            if self._own_penalty[0] is not None:
                self.inferred += (f"the penalty's constant is λ{'' if self.net.reg_scaling == 'batch' else '/N'}, as the "
                                  f"answer's own objective ({self._own_penalty[0]}) writes it",)
        if self._own_penalty[0] is not None:
            return penaltyscale.on_own_scale(self, claim, result, self._own_penalty[0])
        return result  # (nothing in the answer says it writes the other scale: the spec's holds)

    def _sample_check(self, claim: Claim) -> ClaimResult:
        """``claim`` judged for one example (a judge of batch 1 on the same spec and notation, made once)."""
        if self.net.mixes_samples:  # batch norm's statistics are over the batch: one example has none
            return ClaimResult(claim.id, claim.latex, "unchecked", "", "not read for one example: the network has batch "
                               "norm, whose statistics are over a batch", quantity=claim.quantity)
        self._history = True  # (a judge of one example: its own layout vote moves with every claim it reads)
        if self._sample_judge is None:
            self._sample_judge = self._judge_of_one_example(("batch", "chosen_batch", "delta_scale"), self.defining)
        return self._sample_judge.check(claim)

    def _written_sum_letters(self) -> frozenset:
        """The index letters the answer sums with a written ``\\sum_j``/``\\sum_{j=1}^{m}`` in its claims (its first
        2000), where it neither states nor declares the summation convention (indexworld.applies): such a letter is
        summed by the answer's own hand, never by the convention (_implied_sums). Read once per document."""
        if self._sum_letters is None:
            from .indexworld import applies

            claims = self._claims or []
            found: set = set()
            if not applies(self, claims):
                for c in list(claims)[:2000]:
                    found.update(m.group(1) for m in _WRITTEN_SUM.finditer(c.latex[:4000]))
            self._sum_letters = frozenset(found)
        return self._sum_letters

    def _mean_unseen(self, claim: Claim, result: ClaimResult) -> ClaimResult:
        """A claim judged correct for one example — the tool's choice: nothing in the answer asks for a batch — that
        writes a 1/n (1/N, 1/m): n is 1 there, so the factor was never tested. Judged again with a batch of several
        (document.DOCUMENT_BATCH, the tool's choice too): not judged when it is wrong there, with both readings; kept
        correct when it holds there as well or does not read with a batch (jihwan's planted δ^L = (1/n)(y − t) beside
        a cost summed over the examples is wrong with a batch; 3b1b's ∂C/∂w = (1/n) Σ_k ∂C_k/∂w does not read there)."""
        from .document import _unlike_a_width, chosen_batch

        if self._mean_judge is None:
            options = tuple(o for o in self.notation.options if o[0] not in ("one_chosen", "batch"))
            batch = _unlike_a_width(self.net)  # (document.DOCUMENT_BATCH, or the next size no layer is as wide as)
            made = Judge(self.d, batch=batch, seed=self._seed,
                         notation=chosen_batch(replace(self.notation, options=options), batch))
            made._claims, made.defining = self._claims, self.defining
            self._mean_judge = [made]
        try:
            again = self._mean_judge[0].check(claim)
        except Exception:  # noqa: BLE001 -- a reading that fails with a batch leaves the factor untested
            again = None
        if again is None or again.verdict != "incorrect":
            return result  # (it holds with a batch too, or does not read there: 3b1b's Σ_k ∂C_k/∂w, a sum over examples)
        why = again.message
        return ClaimResult(claim.id, claim.latex, "unchecked", result.expected,
                           f"not judged: it holds for one example, where its 1/n is 1, so the factor is not tested; with "
                           f"a batch of several ({why})", quantity=claim.quantity, notes=list(result.notes))

    def _judge_of_one_example(self, drop: tuple, defining: dict) -> Judge:
        """A judge of batch 1 on the same spec and notation, the options ``drop`` names left out, the answer's claims
        and definitions shared (the one judge of one example each reading makes: _example_judge, _sample_check,
        _stochastic_check)."""
        options = tuple(o for o in self.notation.options if o[0] not in drop)
        one = Judge(self.d, batch=1, notation=replace(self.notation, options=options), seed=self._seed)
        one._claims, one.defining = self._claims, defining
        return one

    def _stochastic_check(self, claim: Claim) -> ClaimResult:
        """A step on one example (verify/stochastic.py) judged by a judge of one example, the answer's objective read
        on its own scale there (CS229's ℓ(θ) = Σ_i …, −m × the spec's mean for the batch, is −1 × it for one example);
        ``unchecked`` where it does not read so."""
        from .infer import objective_scale, scale_options

        if self.net.mixes_samples:
            return ClaimResult(claim.id, claim.latex, "unchecked", "", "not read for one example: the network has batch "
                               "norm, whose statistics are over a batch", quantity=claim.quantity)
        self._history = True
        if self._step_judge is None:
            one = self._judge_of_one_example(("batch", "chosen_batch", "delta_scale", "loss_scale", "step_scale",
                                              "delta_own"), dict(self.defining))
            self._step_judge = [one]  # (before the vote: a step the vote judges comes back here as a plain check)
            try:
                scale, _ = objective_scale(one, self._claims, {}, _with_rows(self._claims))
            except limits.TimeLimitError:
                raise
            except Exception:  # noqa: BLE001 -- no scale read: the spec's
                scale = None
            if scale is not None:
                one.notation = replace(one.notation, options=one.notation.options + scale_options(self.net, scale,
                                                                                                  self._claims))
        result = self._step_judge[0].check(claim)
        if result.verdict in ("correct", "incorrect"):
            result.notes.append(stochastic.NOTE)
            return result
        return ClaimResult(claim.id, claim.latex, "unchecked", "", "not judged: a step that names one example (i) and "
                           f"sums over none is the step on that example's loss, which does not read for one example "
                           f"({result.message})", quantity=claim.quantity)

    def _written_for_one_sample(self, claim: Claim) -> ClaimResult | None:
        """A claim in the lowercase x of one sample whose shapes fail in the batch the document is judged with but
        hold for one example (purepisces' ``z = W_2^T ReLU(W_1^T x)`` for ``x ∈ R^n`` before her batch ``X W_1``):
        which of the two the claim is about is not said, so it is not called wrong; ``unchecked``, with the reason."""
        one = self._sample_check(claim)
        if one.verdict != "correct":
            return None
        return ClaimResult(claim.id, claim.latex, "unchecked", "", "not judged: its shapes fit one example (x a single "
                           f"sample) and hold there, but not the batch of {self.batch} the document is judged with; which "
                           "one the claim is about is not said (write X for the batch)",
                           quantity=claim.quantity)

    def _scalar_case(self, claim: Claim) -> ClaimResult | None:
        """A claim in bare lowercase letters, wrong with the network's widths: unchecked when it holds with one unit
        everywhere (verify/scalarcase.py)."""
        from .scalarcase import MESSAGE, scalar_judge

        self._history = True  # (the one-unit judge: its own layout vote moves with every claim it reads)
        if not self._scalar_judge:
            self._scalar_judge.append(scalar_judge(self))
            if self._scalar_judge[0] is not None:  # (its reading is fixed once made: identical claims judged once)
                self._scalar_judge[0]._memo = {}
        one = self._scalar_judge[0]
        scalar = one.check(claim) if one is not None else None
        if scalar is None or scalar.verdict != "correct":
            if scalar is not None and scalar.verdict == "incorrect":  # wrong under both readings: say the scalars' too
                return replace(scalar, notes=[*scalar.notes, SCALAR_TOO])
            return None
        return ClaimResult(claim.id, claim.latex, "unchecked", "", MESSAGE, quantity=claim.quantity)

    def _columns_of_one_example(self, claim: Claim, result: ClaimResult) -> ClaimResult | None:
        """A claim failing by its shapes in the batch's rows, written in one example's column vectors
        (verify/columnsample.py): read for one example when the answer defines its loss for one; else unchecked."""
        if not columnsample.candidate(claim.latex, result.message):
            return None
        if self._one_example is None:
            return ClaimResult(claim.id, claim.latex, "unchecked", result.expected,
                               columnsample.unchecked_message(self.batch), quantity=claim.quantity)
        one = self._sample_check(claim)
        if one.verdict not in ("correct", "incorrect") or one.verdict == "incorrect" and columnsample.by_shape(one):
            return ClaimResult(claim.id, claim.latex, "unchecked", result.expected,
                               columnsample.unchecked_message(self.batch) + f"; read for one example: {one.message}",
                               quantity=claim.quantity)
        one.notes.append(columnsample.NOTE)
        return one

    def _on_own_example_cost(self, claim: Claim) -> ClaimResult | None:
        """A claim wrong in the batch (by its values, not its shapes) that names no example and sums over none
        (blackKeys17's ∇_a C = 2(a^L − y) after his per-example C = Σ_i (y_i − a^L_i)²): in a document that defines
        its cost letter for one example, such a claim is about one example; wrong there on the spec's scale, it is
        correct if it is exactly k × the spec's derivative, k the factor of the answer's own cost
        (verify/examplecost.py). Any other case keeps the batch's verdict."""
        from .examplecost import cost_factor, holds_scaled

        self._history = True  # (the judge of one example)
        one = self._one_example
        if not self._own_cost:
            self._own_cost.append(cost_factor(one, self._claims, _EXAMPLE_COST))
        own = self._own_cost[0]
        if own is None or own[0] == 1 and columnsample.BATCH_WRITTEN.search(claim.latex):
            return None  # (on the spec's own scale, a claim in the batch's capitals is the batch's: ∂L_batch/∂Z = P − Y)
        if not holds_scaled(one, claim.latex, own[0]):
            readable = self._readable_sides(claim, {})  # a side that does not read
            lettered = self._readable_sides(claim, {}, letters=True)  # ∂L/∂z = p − y = [−0.341, …]: its own numbers
            if readable is not None and holds_scaled(one, readable[0], own[0]):
                return ClaimResult(claim.id, claim.latex, "unchecked", "", f"not judged: the sides read hold on the "
                                   f"answer's own cost for one example, but the chain's {readable[1]} could not be read",
                                   quantity=claim.quantity)
            if lettered is not None and holds_scaled(one, lettered[0], own[0]):
                return ClaimResult(claim.id, claim.latex, "unchecked", "", f"not judged: the sides in letters hold on the "
                                   f"answer's own cost for one example; the chain's {lettered[1]} gives the answer's own "
                                   "numbers, which the spec gives no [values] to compare with", quantity=claim.quantity)
            return None
        scale = (f"{own[0]:g} × the spec's (its definition: {own[1]}): this derivative is {own[0]:g} × the spec's"
                 if own[0] != 1 else f"the spec's loss of one example (its definition: {own[1]})")
        return ClaimResult(claim.id, claim.latex, "correct", "", f"holds on the answer's own cost for one example, "
                           f"{scale}", quantity=claim.quantity,
                           notes=["names no example and sums over none, under the answer's per-example cost: read "
                                  "for one example"])

    def _ell_in_chosen_batch(self, claims) -> bool:
        """A document judged with a batch the tool chose (a 1/m somewhere in it) whose claims differentiate ℓ, one
        example's loss, naming no example (Coblin's ∂ℓ/∂W^{[1]}, W ← W − α ∂ℓ/∂W): such claims are about any one
        example, and are read for one (``_ELL_UNNAMED``), as a TA reads them."""
        from .infer import _normal

        return bool(dict(self.notation.options).get("chosen_batch")) and any(
            _ELL_DERIVATIVE.search(_normal(c.latex)) for c in claims)

    def _jacobian_written(self, latex: str) -> bool:
        """Whether a claim states a Jacobian or a chain of derivatives (jacobianlayout's tests), also written with a
        slash in plain text (kgwilson's ``dz_i/dx_{i-1} = W_i``) and with the answer's own layer letter as a subscript
        (``z_i``: a layer, not an entry)."""
        if jacobian_claim(latex) or chain_claim(latex):
            return True
        if "/" not in latex[:2000]:
            return False
        text = normalize(latex[:2000])
        letter = dict(self.notation.options).get("layer_letter")
        if isinstance(letter, str) and len(letter) == 1 and letter.isalpha():
            text = re.sub(rf"_\s*(?:\{{\s*{letter}\s*(?:[+-]\s*1\s*)?\}}|{letter}(?![A-Za-z]))", " ", text)
        return jacobian_claim(text) or chain_claim(text)

    def _unfixed_jacobians(self, claims, results) -> None:
        """A Jacobian between vectors, or a chain of derivatives, whose layout the answer never fixes (no chain rule in
        one order only — Prince's planted copy swaps one chain's factors —, nothing declared or read from its claims;
        jacobianlayout.py) is judged in both layouts; when they disagree (∂z/∂h of
        z = W h is W in the numerator layout, Wᵀ in the denominator layout) it is ``unchecked``, with the [notation]
        line that decides it: no verdict on a guess."""
        if "jacobian" in dict(self.notation.options):
            return
        saved = self.notation
        denominator = replace(saved, options=saved.options + (("jacobian", "denominator"),))
        # identical claims read once in each layout (the reading is fixed here but for the layout, which the key holds)
        self._memo = {}
        try:
            for k, (c, r) in enumerate(zip(claims, results, strict=True)):
                if r.verdict not in ("correct", "incorrect") or not self._jacobian_written(c.latex):
                    continue
                if limits.overdue():  # (no verdict on a layout guessed: the rest are not given one)
                    ran_out(r, "in both layouts of a Jacobian")
                    continue
                layout = self._shown(c) or self.layouts[0]
                try:
                    with limits.time_limit(limits.CLAIM_SECONDS, f"checking claim {c.id}", cpu=True):
                        num = self._check_in(c, layout, remember=False)
                        self.notation = denominator
                        den = self._check_in(c, layout, remember=False)
                except Exception:  # noqa: BLE001 -- a reading that trips leaves the verdict as it was judged
                    continue
                finally:
                    self.notation = saved
                if {num.verdict, den.verdict} == {"correct", "incorrect"}:
                    results[k] = ClaimResult(c.id, c.latex, "unchecked", "", unfixed_layout(num.verdict, den.verdict),
                                             quantity=c.quantity)
        finally:
            self.notation, self._memo = saved, None

    def _output_unstated(self, claims, results) -> None:
        """A claim in y or ŷ where the answer names its output with its own layer letter and no formula says which of
        y and ŷ that is (infer._output_unstated): unchecked, with the line that settles it. The objective's own
        definition keeps its verdict (its square reads the same either way)."""
        letter = dict(self.notation.options).get("output_unstated")
        if letter is None:
            return
        for c, r in zip(claims, results, strict=True):
            if r.verdict not in ("correct", "incorrect", "carried_forward") or DEFINES_OBJECTIVE.match(c.latex):
                continue
            if _Y_OR_HAT.search(c.latex):
                r.unjudge()
                r.message = (f"not judged: the answer writes y and ŷ, and no formula says which of them is its output "
                             f"layer's {letter} (the convention's ŷ would be; a sentence may say otherwise); "
                             f'[notation] settles it: y = "{letter}^L" with yhat = "y" (y the output, ŷ the target), '
                             'or y = "y" (y the target, ŷ the output)')

    def _deltas_on_an_open_scale(self, claims, results) -> None:
        """A δ of a batch in an answer that defines its own objective as k × the spec's (a sum where the spec averages,
        Jihwan's E = Σ_q E^q) on a scale none of its derivatives settles: whether δ carries the 1/N is that open scale,
        so a δ judged differently with and without it (the inferred ``delta_scale``, not a declared one) is
        ``unchecked`` — its own 1/N, planted or not, would otherwise choose the reading that accepts it."""
        if self.batch < 2 or "delta_scale" in dict(self.declared.options):
            return
        from .infer import _SUM_OF_LOSSES

        summed = any(_SUM_OF_LOSSES.match(c.latex) for c in claims)  # Jihwan's E = Σ_q E^q: no 1/N of its own
        if not getattr(self, "_scale_open", False) and not summed:
            return
        opts = tuple(o for o in self.notation.options if o[0] != "delta_scale")
        other = replace(self.notation, options=opts if len(opts) < len(self.notation.options)
                        else opts + (("delta_scale", "mean"),))
        for k, (c, r) in enumerate(zip(claims, results, strict=True)):
            if r.verdict not in ("correct", "incorrect") or not re.search(r"\\delta|δ", c.latex):
                continue
            if not getattr(self, "_scale_open", False) and not _WRITTEN_MEAN.search(c.latex):
                continue  # (under a summed objective, only a δ that writes a 1/N of its own is in question)
            if limits.overdue() or limits.remaining() < SECOND_READING_RESERVE:  # (a second reading is a whole check)
                results[k] = ClaimResult(c.id, c.latex, "unchecked", "", "not judged: whether this δ carries the 1/N "
                                         f"of a mean depends on the objective's scale, and {TIME_RAN_OUT} before it "
                                         f"was judged on the other scale (as judged on one: {r.message})",
                                         quantity=c.quantity)
                continue
            again = self._again_under(c, other)
            if again is not None and {r.verdict, again.verdict} == {"correct", "incorrect"}:
                results[k] = ClaimResult(c.id, c.latex, "unchecked", "", "not judged: whether this δ carries the 1/N "
                                         "of a mean depends on the objective's scale, which the answer defines as a "
                                         "multiple of the spec's without any derivative settling it; give the "
                                         "objective in [notation] to settle it", quantity=c.quantity)

    def _again_under(self, claim: Claim, notation: Notation) -> ClaimResult | None:
        """``claim`` judged again in the layout it was shown in, reading ``notation`` (the judge's own restored after);
        None when that reading trips or runs out of time (the verdict as judged stands)."""
        saved = self.notation
        try:
            with limits.time_limit(limits.CLAIM_SECONDS, f"checking claim {claim.id}", cpu=True):
                self.notation = notation
                return self._check_in(claim, self._shown(claim) or self.layouts[0], remember=False)
        except Exception:  # noqa: BLE001 -- a reading that trips leaves the verdict as it was judged
            return None
        finally:
            self.notation = saved

    def _d_letters_on_an_open_scale(self, claims, results) -> None:
        """A claim in gradient letters (``\\mathrm{d} y_{ij}``, ``dZ``) of a batch judged incorrect when the letters are
        each example's own (Ng's ``dZ = A − Y``) but correct when they are the batch objective's, with its 1/N (CS231n's
        ``dY = ∂L/∂Y``, ``db_j = \\sum_i dy_{ij}``), in an answer that shows neither (no d-letter beside a 1/N, none
        defined): which one the answer means is open, so the claim is ``unchecked``, naming the setting that settles
        it. An answer that writes ``dW = \\frac{1}{m} dZ A^T`` anywhere keeps Ng's reading and its verdicts."""
        from .infer import _D_LETTER, _normal, d_letters_per_example

        if self.batch < 2 or "d_objective" in dict(self.notation.options) or "d_letters" in dict(self.declared.options):
            return
        texts = [_normal(c.latex[:2000]) for c in claims]
        if d_letters_per_example(texts):
            return
        other = replace(self.notation, options=self.notation.options + (("d_objective", True),))
        tried = 0  # (each try is a whole check: a hostile answer of thousands of wrong d-letter claims is capped)
        for k, (c, r) in enumerate(zip(claims, results, strict=True)):
            if r.verdict != "incorrect" or not _D_LETTER.search(_normal(c.latex[:2000])):
                continue
            tried += 1
            if tried > MAX_SECOND_READINGS or limits.overdue() or limits.remaining() < SECOND_READING_RESERVE:
                # not tried in the other reading: its verdict in one reading alone would be a guess (past the cap the
                # claims had stayed incorrect, where the same claims before it were unchecked)
                results[k] = ClaimResult(
                    c.id, c.latex, "unchecked", "",
                    f"not judged: wrong if its d-letters are each example's own gradients (Ng's dZ = A − Y: {r.message}); "
                    f"not tried with the batch objective's (CS231n's dY = ∂L/∂Y, with its 1/N): "
                    + ("the run's time ran out" if tried <= MAX_SECOND_READINGS else
                       f"only the first {MAX_SECOND_READINGS} such claims of an answer are") + " — say which in "
                    "[notation]: d_letters = \"objective\" (or \"example\")",
                    quantity=c.quantity, notes=["the scale of the d-letters is not settled by the answer"])
                continue
            again = self._again_under(c, other)
            if again is not None and again.verdict == "correct":
                results[k] = ClaimResult(
                    c.id, c.latex, "unchecked", "",
                    f"not judged: wrong if its d-letters are each example's own gradients (Ng's dZ = A − Y: {r.message}), "
                    "right if they are the batch objective's, with its 1/N (CS231n's dY = ∂L/∂Y); the answer does "
                    "not show which — say so in [notation]: d_letters = \"objective\" (or \"example\")",
                    quantity=c.quantity, notes=["the scale of the d-letters is not settled by the answer"])

    def _restated_after_step(self, claims, results) -> None:
        """A parameter restated as numbers after the answer's own update of it, judged incorrect as the value before
        the step: judged again as the value after it (restated.py), with its own worked example (numeric only)."""
        from .restated import NOTE, after_step, continuations, updated_params

        updated = updated_params(claims) if self.numeric else {}
        continued = continuations(claims, self._parameter_named) if self.numeric else {}
        for k, param in continued.items():
            try:
                with limits.time_limit(limits.CLAIM_SECONDS, f"checking claim {claims[k].id}", cpu=True):
                    results[k] = self._after_step(claims[k], results[k], param)
            except limits.TimeLimitError:  # (its verdict as the value before the step would be a guess)
                c = claims[k]
                results[k] = ClaimResult(c.id, c.latex, "unchecked", "", "the value after the step (it continues the "
                                         "update above it) could not be checked within the time limit",
                                         quantity=c.quantity)
        if self.numeric:
            self._restated_plain(claims, results)
        for k, (c, r) in enumerate(zip(claims, results, strict=True)):
            latex = (after_step(c.latex, k, updated) if updated and r.verdict == "incorrect" and k not in continued
                     else None)
            if latex is None:
                continue
            again = self._bounded_check(Claim(c.id, latex, c.quantity, c.where))
            if again.verdict == "correct":
                again.latex = c.latex
                again.notes.append(NOTE)
                again.message += f" ({NOTE})"
                results[k] = again

    def _restated_plain(self, claims, results) -> None:
        """A parameter written again as a plain number after the answer's own step of it with a plain = (Sghosh's
        ``w11 = w11 - η * dL/dw11``, then "New weights after update: w11 = 0.5136"), judged incorrect as its value
        before the step: correct when the number is its value after the step (restated.py reads W^{(l)} ← … only)."""
        from .restated import NOTE

        stepped: dict[str, int] = {}
        for k, c in enumerate(claims):
            m = _PLAIN_STEP.match(c.latex[:300])
            if m:
                stepped.setdefault(m.group(1).strip(), k)
        if not stepped:
            return
        for k, (c, r) in enumerate(zip(claims, results, strict=True)):
            m = _PLAIN_RESTATED.match(c.latex[:300]) if r.verdict == "incorrect" else None
            if m is None or stepped.get(m.group(1).strip(), k) >= k:
                continue
            try:
                param, number = parse_expr(m.group(1), self.notation, self.net.depth), parse_expr(m.group(2), self.notation,
                                                                                                  self.net.depth)
            except (Unreadable, RecursionError):
                continue
            whole = param.args[0] if param.op == "entry" else param
            if whole.op != "q" or whole.value[0] not in ("W", "b") or not isinstance(whole.value[1], int):
                continue
            after = Node("q", (), (whole.value[0] + "_next", whole.value[1]))
            link = self._link(Node("entry", (after,), param.value) if param.op == "entry" else after, number, [])
            if link.verdict == "correct":
                results[k] = ClaimResult(c.id, c.latex, "correct", "", f"matches the value after the step ({NOTE})",
                                         quantity=c.quantity, notes=[NOTE], tolerance=link.tolerance)

    def _parameter_named(self, text: str) -> tuple | None:
        """(kind, layer) of the weight or bias of one layer ``text`` names in the answer's notation, else None."""
        try:
            node = parse_expr(text, self.notation, self.net.depth)
        except (Unreadable, RecursionError):
            return None
        ok = node.op == "q" and node.value[0] in ("W", "b") and isinstance(node.value[1], int)
        return node.value if ok else None

    def _after_step(self, claim: Claim, result: ClaimResult, param: tuple) -> ClaimResult:
        """A row continuing the update of ``param`` (restated.continuations), its sides after the first numbers only
        (and P itself, its value before the step): the value after the step. A TA reads such a row's numbers against
        the step: within one unit in the last digit written (truncated or rounded; numbers the answer was given are
        exact) plus 1 % of the step — the 1 % relative of a value would hide a step of a hundredth of it, and its sign.
        Anything else keeps its verdict."""
        from .restated import CONTINUED

        try:
            sides, rels = parse_claim(split_statements(claim.latex)[0], self.notation, self.net.depth)
            env = self.envs[0]
            after, before = (np.asarray(env[(kind, param[1])], dtype=float) for kind in (param[0] + "_next", param[0]))
            before_q = Node("q", (), param)  # (P itself on a right side: its value before the step, exact)
            if len(sides) < 2 or any(r not in ("=", "approx") for r in rels) or not all(
                    any(n.op == "num" for n in side.walk()) and all(literal_op(n) or n == before_q for n in side.walk())
                    for side in sides[1:]):
                return result
            ctx = self.context(env)
            written = [np.asarray(evaluate(side, ctx), dtype=float) for side in sides[1:]]
            spreads = [self._unit_spread(side, ctx, w) for side, w in zip(sides[1:], written, strict=True)]
        except (ShapeMismatch, Unreadable, ValueError, FloatingPointError, KeyError, RecursionError):
            return result
        if any(w.shape != after.shape or spread is None for w, spread in zip(written, spreads, strict=True)):
            return result
        quantity = key(param[0] + "_next", param[1])
        expected = self._expected_for((param[0] + "_next", param[1])) or ""
        for i, (w, spread) in enumerate(zip(written, spreads, strict=True)):
            tol = spread.reshape(after.shape) + RELATIVE_FLOOR * np.abs(after - before) + 1e-12
            off = np.abs(w - after) > tol
            if off.any():
                j = np.unravel_index(int(np.argmax(np.where(off, np.abs(w - after), -1))), after.shape)
                where = f"side {i + 2} of {len(sides)}: " if len(sides) > 2 else ""
                return ClaimResult(claim.id, claim.latex, "incorrect", expected,
                                   f"{where}the value after the step: entry {tuple(int(a) + 1 for a in j)} is "
                                   f"{w[j]:.6g}, expected {after[j]:.6g} (a step of {w[j] - before[j]:.6g} written, "
                                   f"{after[j] - before[j]:.6g} computed) ({CONTINUED})", quantity=quantity,
                                   tolerance="one unit in the last digit written plus 1 % of the step")
        return ClaimResult(claim.id, claim.latex, "correct", expected, f"matches the value after the step ({CONTINUED})",
                           quantity=quantity, tolerance="one unit in the last digit written plus 1 % of the step")

    def _unit_spread(self, side: Node, ctx, base: np.ndarray) -> np.ndarray | None:
        """How far one unit in the last digit of each number ``side`` writes carries into its value (first order,
        added): inside an expression, the numbers of a matrix restating a given value (every entry one the answer
        was given) and a given scalar (η) are exact; any other is rounded or truncated — the value a side ends on
        too (a rounded 0.5 after a step of 2e-5), given or not."""
        given = getattr(self, "given", ()) if side.op not in ("matrix", "num", "neg") else ()
        exact = {id(n) for m in side.walk() if m.op == "matrix" and all(
            a.op == "num" and float(a.value[0]) in given or a.op == "neg" and a.args[0].op == "num"
            and -float(a.args[0].value[0]) in given for a in m.args) for n in m.walk()}
        inside = {id(n) for m in side.walk() if m.op == "matrix" for n in m.walk()}
        exact |= {id(n) for n in side.walk() if n.op == "num" and id(n) not in inside and float(n.value[0]) in given}
        total = np.zeros(base.size)
        for n in [n for n in side.walk() if n.op == "num" and n.value[1] and id(n) not in exact][:400]:
            moved = Node("num", (), (float(n.value[0]) + 10.0 ** (-n.value[1]), n.value[1]))
            try:
                value = np.asarray(evaluate(_swap(side, n, moved), ctx), dtype=float)
            except (ShapeMismatch, Unreadable, ValueError, FloatingPointError):
                return None
            total += np.abs(value - base).reshape(-1) if value.size == base.size else np.inf
        return total

    def _given_orientation(self, claim: Claim, result: ClaimResult) -> ClaimResult:
        """A claim failing by its shapes that uses a weight the answer gives transposed, or x typed as a list:
        unchecked (givenorientation.py)."""
        from .givenorientation import UNREAD, other_orientation, uses
        from .ownvalues import given_shapes

        if self._given_orientations is None:  # (a worked example judged on its numbers lays them out by its layout vote)
            self._given_orientations = {} if self.numeric else other_orientation(given_shapes(self._claims, self.net),
                                                                                 self.net)
        if not self._given_orientations:
            return result
        try:
            sides, _ = parse_claim(claim.latex, self.notation, self.net.depth)
        except Unreadable:
            return result
        nodes = [n for side in sides for n in side.walk()]
        by_shape = _shape_failed(result)
        what = next((w for key, w in self._given_orientations.items() if uses(nodes, key) and (by_shape or key != "x")),
                    None)
        if what is None:
            return result
        return ClaimResult(claim.id, claim.latex, "unchecked", "", UNREAD.format(what=what, message=result.message),
                           quantity=claim.quantity)

    def _in_ng_numbering(self, claim: Claim, result: ClaimResult) -> ClaimResult:
        """A claim with Ng's Θ^{(l)} that fails by its shapes, in a document that fixes no numbering: its verdict in
        Ng's numbering, or unchecked where that reading does not read it either (ngtheta.py)."""
        if self._ng_judge is None:
            made = None
            if not self.numeric and numbering_open(self.notation, self._claims):  # (symbolic: a worked example's
                made = Judge(self.d, batch=self.batch, seed=self._seed,  # numbers name their layers by their values)
                             notation=replace(self.notation, options=self.notation.options + NG_OPTIONS))
                made._claims, made.defining = self._claims, self.defining
            self._ng_judge = [made]
        ng = self._ng_judge[0]
        if ng is None:
            return result
        other = ng.check(claim)
        if other.verdict in ("correct", "incorrect"):
            other.notes.append(NG_NOTE)
            return other
        return ClaimResult(claim.id, claim.latex, "unchecked", "", NG_UNREAD.format(result.message),
                           quantity=claim.quantity)

    def _sample_section(self, claims) -> bool:
        """A document judged with a batch the tool chose that writes one sample's formulas in lowercase beside its
        batch in capitals (onesample.py): such claims failing by the batch alone are read for one example."""
        return bool(dict(self.notation.options).get("chosen_batch")) and sample_section(claims)

    def _check_with_rows(self, claim: Claim) -> ClaimResult:
        """The claim's verdict; a chain over rows also has each row's, as a step a grader names (chainrows.py)."""
        from .chainrows import judge_rows

        result = self._bounded_check(claim)
        return judge_rows(self, claim, result, self._bounded_check) if claim.rows else result

    def _bounded_check(self, claim: Claim, defining: bool = True) -> ClaimResult:
        if defining and claim.id in self.defining and self.defining[claim.id][0] == "rest":
            rest = self.defining[claim.id][1]  # a chain that starts with a definition: the rest is judged
            result = self._bounded_check(Claim(claim.id, rest, claim.quantity, claim.where), defining=False)
            result.latex = claim.latex
            result.notes = [*result.notes, "its first side defines the answer's own symbol"]
            return result
        if claim.id in self.defining and defining:
            verdict, message = self.defining[claim.id]
            return ClaimResult(claim.id, claim.latex, verdict, "", message, notes=["a definition"])
        dummy = _dummy_variable(claim.latex, self._claims)
        if dummy is not None:  # a student's LReLU(t) = max(0.01t, t): t is the function's variable, read as z is
            result = self._bounded_check(replace(claim, latex=dummy[1]), defining=False)
            result.latex = claim.latex
            result.notes = [*result.notes, f"{dummy[0]} is the function's variable, read as z"]
            return result
        if index_value(claim.latex):  # "Layers: $l=1$: 784 → 256"
            return ClaimResult(claim.id, claim.latex, "unchecked", "", index_value(claim.latex), quantity=claim.quantity)
        if not self.numeric and _A_COUNT.fullmatch(claim.latex):
            from .intermediates import COUNT_STATED

            return ClaimResult(claim.id, claim.latex, "unchecked", "", f"{COUNT_STATED} "
                               f"({claim.latex.strip()}), which the spec leaves open (a document is judged at sizes of "
                               "gradproof's choosing)", quantity=claim.quantity)
        if illustrates_a_product(claim.latex):  # "for two vectors x, y … we write x · y = Σ_i x_i y_i"
            return ClaimResult(claim.id, claim.latex, "unchecked", "", "not judged: an identity of two generic vectors x "
                               "and y (the notation's illustration: a dot product, a sum over an index), not a quantity of "
                               "the network", quantity=claim.quantity)
        if names_a_map(claim.latex):  # "for a vector function y = f(x), the usual rule is …"
            return ClaimResult(claim.id, claim.latex, "unchecked", "", "not judged: it names a generic function of x "
                               "(the chain rule's illustration), not a quantity of the network", quantity=claim.quantity)
        other = self._foreign_loss(claim)
        if other is not None:  # a methods section's MSE(ŷ, y) = … beside the network's cross-entropy
            return ClaimResult(claim.id, claim.latex, "unchecked", "",
                               f"not judged: it is about {other}, another loss than the spec's "
                               f"{self.net.loss.name.replace('_', ' ')}", quantity=claim.quantity)
        try:  # (soft: a claim in progress at the run's soft deadline ends there, unchecked, as the claims after it)
            with limits.time_limit(limits.CLAIM_SECONDS, f"checking claim {claim.id}", cpu=True, soft=True):
                if self.batch > 1 and not self.numeric and stochastic.one_example_step(claim.latex):
                    result = self._stochastic_check(claim)  # CS229's θ_j := θ_j + α (y^{(i)} − h_θ(x^{(i)})) x_j^{(i)}
                else:
                    result = self.check(claim)
                if result.verdict == "incorrect" and _shape_failed(result) and _generic_calculus(claim.latex):
                    # a quiz's ∂/∂a (a b + b²) = b: a calculus exercise in letters that need not be the network's
                    result = ClaimResult(claim.id, claim.latex, "unchecked", "", "not judged: a derivative written as an "
                                         "operator on an expression of letters with no layer and no objective, whose "
                                         f"shapes do not fit the network's ({result.message}): the letters may be an "
                                         "exercise's own, not the network's", quantity=claim.quantity)
                if result.verdict == "incorrect":
                    result = (self._another_loss_written(claim) or self._one_of_several_definitions(claim)
                              or self._argument_not_in_body(claim) or self._y_as_the_target(claim) or self._own_size(claim)
                              or result)
                if result.verdict == "unchecked" and self._one_example is not None and _NO_SAMPLE.search(result.message):
                    result = self._for_one_example(claim) or result
                elif result.verdict == "unchecked" and self._one_example is not None and _ELL_UNNAMED.search(result.message):
                    result = self._for_one_example(claim, _ELL_NOTE) or result
                elif (result.verdict == "unchecked" and self._one_example is not None and _NOTHING_TO_COUNT.search(result.message)
                      and (dict(self.notation.options).get("chosen_batch") or self._example_cost)
                      and not _names_samples(claim.latex, self._example_loss)):
                    # Coblin's ∂L/∂z_j^{[2]} = Σ_k …: an entry index naming no example, in a batch the tool chose (a 1/m
                    # elsewhere): the claim is about one example, as the _NO_SAMPLE claims are
                    # (only a claim that holds so: Coblin's appendix writes ∂ŷ_k/∂z_j for j = k and j ≠ k in turn, each
                    # right in its case only, which the prose around it says)
                    one = self._for_one_example(claim, "an entry index naming no example, in a batch the tool chose "
                                                       "from a 1/m elsewhere: read for one example")
                    # UFLDL's ∂J/∂a_i^{(n_l)} = a_i^{(n_l)} − y_i after J(W,b; x,y) = ½‖h_{W,b}(x) − y‖²: where the answer's
                    # own cost is one example's, an entry index naming no example is that example's (as _NO_SAMPLE's)
                    result = one if one is not None and (one.verdict == "correct" or self._example_cost) else result
                elif (result.verdict == "incorrect" and self._one_example is not None and not _SAMPLE_MARK.search(claim.latex)
                      and "shape_error" not in (result.counterexample or {})):
                    result = self._on_own_example_cost(claim) or result
                elif (result.verdict == "incorrect" and "shape_error" in (result.counterexample or {}) and self.batch > 1
                      and not self.numeric and _ONE_SAMPLE_X.search(claim.latex) and not _BATCH_X.search(claim.latex)):
                    result = self._written_for_one_sample(claim) or result
                if _shape_failed(result) and self.batch > 1 and not self.numeric:
                    result = self._one_example_loss(claim) or result  # MathsCode's L(ŷ, y) = -(y log ŷ + …)
                if (_shape_failed(result) or result.verdict == "unchecked" and columnsample.BATCH_SHAPED.search(
                        result.message)) and self.batch > 1 and not self.numeric:
                    result = self._columns_of_one_example(claim, result) or result  # Shreyansh's y^T z, p^T g_p
                mixed = _MIXED_INDEX.search(result.message) if result.verdict == "incorrect" else None
                if mixed and dict(self.notation.options).get("row_batches") and mixed.group(1) in dict(
                        self.notation.options).get("batch_letters", ""):  # (an example index read from rows declared)
                    result.verdict, result.expected, result.counterexample = "unchecked", "", None
                    result.message = (f"could not read the claim: {result.message}, with {mixed.group(1)} read as the "
                                      "example in some places and as an entry in others; which it is there is not certain")
                elif (mixed and "unindexed_layer" in dict(self.notation.options)
                      and _BARE_LAYERED_ENTRY.search(claim.latex[:4000]) and not _WEIGHT_ENTRY.search(claim.latex[:4000])):
                    # (ŷ_i by z_j, z read as the hidden layer's; not a weight's indices swapped, a planted transpose)
                    result.verdict, result.expected, result.counterexample = "unchecked", "", None
                    result.message = (f"could not read the claim: {result.message}, with a letter written without its "
                                      "layer (z_j, h_j) read as the hidden layer's; which layer it is there is not certain: "
                                      "write its layer")
                elif (mixed and "1" in (mixed.group(2), mixed.group(3)) and self.net.sizes[-1] == 1
                      and _example_subscript(claim.latex, mixed.group(1))):  # ŷ_i = σ(w^T x_i + b), one output unit
                    result.verdict, result.expected, result.counterexample = "unchecked", "", None
                    result.message = (f"could not read the claim: {result.message}: {mixed.group(1)} on a quantity of "
                                      "one entry names no entry, so it numbers the examples there (ŷ_i, x_i: example i), "
                                      "which the claim does not say everywhere; write one example without the index, or "
                                      "say x_i ∈ ℝ^d")
                if result.verdict == "incorrect" and not self.numeric and scalar_style(claim.latex):
                    result = self._scalar_case(claim) or result  # krasing's y = w · x + b before his vectors
                if result.verdict == "incorrect":
                    result = self._given_orientation(claim, result)  # Paredes's W~(2) given as a column
                if _shape_failed(result) and writes_theta(claim.latex):
                    result = self._in_ng_numbering(claim, result)  # zz0808's (Θ^{(l)})^T δ^{(l+1)} with no a^{(1)} = x
                if (result.verdict in ("incorrect", "unchecked") and self._one_example is not None
                        and one_sample_claim(claim.latex) and by_the_batch(result.message, self.batch, result.verdict)):
                    result = self._for_one_example(claim, ONE_SAMPLE_NOTE) or result  # Jihwan's single-input section
                folded = fold_unicode(claim.latex)  # (σ'(z) typed in Unicode: \sigma'(z))
                folded = squeeze_space(folded) if folded != claim.latex else claim.latex  # (else as it was written)
                primed = (result.verdict == "unchecked" and _FUNCTION_FRACTION.search(folded) is not None
                          and (_NEEDS_LAYER.search(result.message) or _NOT_BY.search(result.message)) is not None
                          and self._function_letters_bound(folded))
                if primed:  # liseanh's ∂f/∂z = e^{-z}/(1 + e^{-z})²: f'(z), an identity in z
                    folded = _FUNCTION_FRACTION.sub(_primed_letter, folded)
                if result.verdict == "unchecked" and (primed or _NEEDS_LAYER.search(result.message)) and _APPLIES.search(folded):
                    own = self._identity(replace(claim, latex=folded))
                    if own is not None:
                        own.latex = claim.latex
                    result = own or result
                if result.verdict == "unchecked" and _NEEDS_LAYER.search(result.message):
                    result = self._at_the_output(claim) or result  # McLaughlin's ∂L/∂z_i = −Σ_k y_k ∂log a_k/∂z_i
                if result.verdict == "incorrect" and _sum_over_layer_letter(claim.latex):
                    # MathsCode's db^{[i]} = \frac{1}{m}\sum_{i=1}^{m} dZ^{[i]}_i: i names the layer and the sum's
                    # examples at once; which i the sum's body means a reader would have to guess
                    result.verdict, result.expected = "unchecked", ""
                    result.message = (f"could not read the claim: the sum's index {_sum_over_layer_letter(claim.latex)} "
                                      f"is also the claim's layer index; rename one ({result.message})")
                clash = (unlayered_clash(claim.latex, result.message, self._layered_letters())
                         if result.verdict == "incorrect"
                         and "unindexed_layer" not in dict(self.declared.options) else None)
                if clash is not None:  # Epp's -g'(z_j^L) (y_j - a_j): a_j's layer is not written, the clash is the reading's
                    result.verdict, result.expected, result.counterexample = "unchecked", "", None
                    result.diagnosis = result.diagnosis_key = None
                    result.message = (f"not judged: the index {clash} is written on a quantity with no layer, so each use "
                                      f"of {clash} cannot be bound to its own layer's range; as read ({result.message}); "
                                      "write the layer on every quantity the index is on")
                if result.verdict == "incorrect" and "counts both" in result.message and _ROW_OF_W.search(claim.latex):
                    # MathsCode's z^{[i]}_j = (w^{[i]}_j)^T a^{[i-1]} + b^{[i]}_j: Ng's w_j is the j-th row of W (a
                    # vector), read here as one weight of a one-unit layer's W: the index counts differ by that reading
                    result.verdict, result.expected = "unchecked", ""
                    result.message = (f"could not read the claim: {result.message}, with w_j read as one weight; Ng's "
                                      "w_j with one index is the j-th row of W as a vector, which is not read")
                if (result.verdict == "incorrect" and "counts both" in result.message
                        and dict(self.notation.options).get("unit_letters") and not self._unit_letters_confirmed()):
                    # inferred unit letters (Bishop's j hidden, k output): an index over units of two layers may be
                    # Mitchell's "any unit j", not a misused index, so it is not called wrong
                    result.verdict, result.expected = "unchecked", ""
                    result.message = (f"could not read the claim: {result.message} — with the unit letters read as "
                                      "layers (i input, j/h hidden, k output); name the layers to have it checked")
                if (result.verdict == "incorrect" and ("y", "yhat") in self.notation.bases
                        and _OUTPUT_MINUS_Y.search(claim.latex[:4000])):
                    # Raschka-style δ^{(out)} = a^{(out)} − y where the answer once defined y = φ(z) (keithalexandar):
                    # read as the output, y makes the side a − a = 0 — the reading, not the claim, is in doubt there
                    result.verdict, result.expected, result.counterexample = "unchecked", "", None
                    result.diagnosis = result.diagnosis_key = None
                    result.message = ("not judged: y is read as the output ŷ (the answer's own definition), but this "
                                      "claim subtracts y from the output activation, where y is the target as usually "
                                      f"written; which it means here is not certain ({result.message})")
                if result.verdict in ("correct", "incorrect") and penaltyscale.applies(self, claim.latex):
                    result = self._on_other_penalty_scale(claim, result)  # UFLDL's + λ W_ij beside a 1/m data term
                if (result.verdict == "correct" and self.batch == 1 and dict(self.notation.options).get("one_chosen")
                        and _BATCH_MEAN.search(claim.latex[:4000])):
                    result = self._mean_unseen(claim, result)  # jihwan's planted δ^L = \frac{1}{n}(y − t): 1/1 here
                if (result.verdict == "correct" and self.minibatch and self.batch == 1 and not self.numeric
                        and (_BARE_BIAS_STEP.match(claim.latex[:400]) or _UNSUMMED_BIAS_GRADIENT.match(claim.latex[:400]))):
                    # ejhusom's b_l ← b_l − η δ_l in a report that trains on minibatches, its δ_l a row per observation
                    # beside W_l ← W_l − η a_{l-1}^T δ_l: right for one example, short of the sum over a batch
                    result.verdict, result.expected, result.counterexample = "unchecked", "", None
                    result.message = ("not judged: it holds for one example, but the answer's prose trains on "
                                      "minibatches, where a bias's gradient and step sum δ over the batch (1^T δ), which "
                                      "this one does not write; which it means is not certain")
                return result
        except limits.TimeLimitError as exc:
            why = (f"not judged: {TIME_RAN_OUT} while this claim was checked ({limits.soft_deadline()}; a long answer "
                   "or a busy machine), the verdicts given before it are kept; run verify again on a less busy machine, "
                   "or split the answer" if TIME_RAN_OUT in str(exc)
                   else f"could not check the claim in {limits.CLAIM_SECONDS:g} s; split it into shorter equations")
        except RecursionError:
            why = "could not read the claim: nested too deeply"
        except Exception as exc:  # noqa: BLE001 -- one odd claim must not cost the student the whole report
            why = f"could not check the claim (internal error {type(exc).__name__}: {exc}; please report it)"
        return ClaimResult(claim.id, claim.latex, "unchecked", "", why, quantity=claim.quantity)


def _by_the_batch_alone(claim: Claim, result: ClaimResult, batch: int) -> bool:
    """Whether ``result`` fails only by the batch's examples (a missing 1/N, a sample axis) for a claim in one sample's
    lowercase letters (onesample.py): the claim holds for one example, as its section may say (zaidanmir's δ_2 a_1^T
    "for one example x, a column", beside a batch section in rows)."""
    return result.verdict == "incorrect" and one_sample_claim(claim.latex) and by_the_batch(result.message, batch)


def _diagonal_as_vector(t: np.ndarray, s: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """An elementwise map's Jacobian is diagonal: compared with a vector, it is its diagonal (∂h/∂z = σ'(z))."""
    def flat_diag(m, v):
        if m.ndim == 2 and m.shape[0] == m.shape[1] == v.size and v.size > 1 and 1 in v.shape:
            off = m - np.diag(np.diag(m))
            if np.all(np.abs(off) <= 1e-9 * (1 + np.max(np.abs(m)))):
                return np.diag(m).reshape(v.shape)
        return m
    return flat_diag(np.asarray(t), np.asarray(s)), flat_diag(np.asarray(s), np.asarray(t))


#: a bias's step by its δ alone, no sum over examples: b_l ← b_l − η δ_l, b^{(l)} := b^{(l)} - \alpha \delta^{(l)}
#: a bias gradient in Ng's d-letters (the batch's) whose right side sums nothing (no \sum, no 1^T, no np.sum): iambestfeed's planted
#: db_2 = d_{\text{output}} — one example's, short of the sum over a minibatch
_UNSUMMED_BIAS_GRADIENT = re.compile(r"\s*d\s*b[^=]{0,30}=(?![^$]*(?:\\sum|\\mathbf\s*\{\s*1|"
                                     r"\\mathbb\s*\{\s*1|\\boldsymbol\s*\{\s*1|sum))")
_BARE_BIAS_STEP = re.compile(r"\s*(?:\\mathbf\s*\{\s*b\s*\}|\\bm\s*\{\s*b\s*\}|b)\s*(?:[_^]\s*(?:\{[^{}]{1,12}\}|\w))*\s*"
                             r"(?:&\s*)?(?:\\leftarrow|\\gets|:=|=|←)\s*(?:&\s*)?=?\s*"
                             r"(?:\\mathbf\s*\{\s*b\s*\}|\\bm\s*\{\s*b\s*\}|b)\s*(?:[_^]\s*(?:\{[^{}]{1,12}\}|\w))*\s*-\s*"
                             r"\\(?:eta|alpha|epsilon)\s*(?:\\cdot\s*)?(?:\\boldsymbol\s*\{\s*\\delta\s*\}|\\delta)"
                             r"\s*(?:[_^]\s*(?:\{[^{}]{1,12}\}|\w))*\s*[.,;]?\s*(?:\\\\)?\s*$")


#: a step of ε times a gradient (Rumelhart et al.'s Δw = −ε ∂E/∂w): ε names the learning rate
def _step_change(node: Node) -> bool:
    """Whether ``node`` is the change a step makes to a parameter, W' − W (parser.accumulated's Δw under ``delta_w``),
    of the whole parameter or of one entry."""
    inner = node.args[0] if node.op in ("comp", "entry") and node.args else node
    return (inner.op == "sub" and len(inner.args) == 2 and inner.args[0].op == "q" and inner.args[1].op == "q"
            and inner.args[0].value == (inner.args[1].value[0] + "_next", inner.args[1].value[1]))


#: the options that say how an answer numbers its layers (infer.structure): set aside for a claim verify rewrote into
#: its own numbering
_OWN_NUMBERING = ("input_layer", "weights_numbered_by")
#: the blocks of the products over layers (layerdots.py) one generic claim is written out into, over all its layers
#: (Nielsen's δ^l = Σ'(z^l)(w^{l+1})^T ⋯ Σ'(z^L)∇_a C at every l of a network of 50 layers: 1225)
MAX_DOTTED_BLOCKS = 1300
#: why a unit's own function of its own entry is not read at a softmax layer (a generic claim leaves that layer out)
_SOFTMAX_ENTRY = "a softmax is not applied to one entry"
#: an activation's slope taken elementwise at the softmax layer (Larochelle's ∇_{a^{(k)}} = ∇_{h^{(k)}} ⊙ [… g'(a_j) …] for
#: every k): the generic rule is about the layers with an elementwise activation, so that layer is left out of it
_SOFTMAX_SLOPE = "the derivative of softmax is a Jacobian; write the product explicitly"
#: constants an answer's letters stand for that an activation's parameter of the same name never replaces (the batch
#: size N, the step t, e, π, the learning rate, momentum, Adam's β₁ β₂); such a parameter is read as \mathrm{N} only
_INTERNAL_CONSTANTS = frozenset({"N", "t", "e", "pi", "lr", "mu", "beta1", "beta2"})
#: α multiplying the step before's change (Rumelhart et al.'s α Δw(t−1), Helwich's \alpha\Delta w_{(t-1)})
_MOMENTUM_ALPHA = re.compile(r"\\alpha\s*(?:\\cdot\s*)?\\Delta\s*[wW]\s*(?:_\s*\{\s*\(?\s*t\s*-\s*1\s*\)?\s*\}|\(\s*t\s*-\s*1\s*\))")
_STEP_EPSILON = re.compile(r"-\s*\\(?:var)?epsilon\s*(?:\\cdot\s*)?(?:\\frac\s*\{\s*\\partial|\\nabla|\\partial)")
#: α as a leaky ReLU's slope: α z in a case for z ≤ 0 (z < 0), α as the slope's case, max(αz, z), max(z, αz)
_ALPHA_SLOPE = re.compile(r"\\alpha\s*(?:\\cdot\s*)?(?:[zxtu](?![A-Za-z])\s*)?(?:&|,)\s*(?:\\(?:text|mathrm)\s*\{\s*(?:if|for)?\s*\}\s*)?"
                          r"(?:if\s+|for\s+)?[zxtu]\s*(?:\\leq?|\\leqslant|<|\\lt)(?![A-Za-z])"
                          r"|\\max\s*(?:\\left\s*)?\(\s*(?:\\alpha\s*(?:\\cdot\s*)?[zxtu]\s*,\s*[zxtu]"
                          r"|[zxtu]\s*,\s*\\alpha\s*(?:\\cdot\s*)?[zxtu])\s*(?:\\right\s*)?\)")
#: α stepping a parameter: − α ∂J/∂W, − α ∇, − α dW, − α g
_ALPHA_STEP = re.compile(r"[-+]\s*\\alpha\s*(?:\\cdot\s*|\\,\s*)?"
                         r"(?:\\frac|\\nabla|\\partial|d\s*[A-Za-z]|[gG](?![A-Za-z])|\\hat|V_|v_|m_|\\mathbf)")
#: a norm of a bare weight letter (no layer), or its square wᵀw: a penalty over all of the weights (Goodfellow's
#: α‖w‖_1, α/2 wᵀw) when no layer is written
_ALL_WEIGHTS_PENALTY = re.compile(r"(?:\\\||\\[lr]?Vert|‖)\s*+(?:\\(?:mathbf|boldsymbol|bm)\s*+\{\s*+)?(?:w|\\theta)\s*+\}?\s*+"
                                  r"(?:\\\||\\[lr]?Vert|‖)|(?<![A-Za-z\\])w\s*+\}?\s*+\^\s*+\{?\s*+(?:\\top|T)\s*+\}?\s*+"
                                  r"(?:\\(?:mathbf|boldsymbol|bm)\s*+\{\s*+)?w(?![A-Za-z])")
#: the answer setting α to the regularization coefficient: α = λ (Goodfellow et al.'s α/2 wᵀw, §7.1.1)
_ALPHA_IS_LAMBDA = re.compile(r"[\s$]*+\\alpha\s*+=\s*+\\lambda[\s$.,]*+$")
#: γ multiplying the gradient in a step (ESL's β − γ_r Σ_i ∂R_i/∂β, CMU 10-601's α ← α − γ ∂J/∂α)
_STEP_GAMMA = re.compile(r"[-+]\s*\\gamma\s*(?:\\cdot\s*)?(?:\\frac\s*\{\s*\\partial|\\nabla|\\partial)")
_STEP_MU = re.compile(r"\\Delta\s*(?:[wW]|\\omega|\\theta)[^=]{0,30}=\s*-?\s*\\mu\s*(?:\\cdot\s*)?(?:\\frac\s*\{\s*\\partial|\\nabla|"
                      r"\\partial)")
#: a claim about a derivative (∂, ∇, δ, Δ, d/d…)
_DERIVATIVE = re.compile(r"\\partial|\\nabla|\\delta|\\Delta|\\frac\s*\{\s*d")


def _numerator_chain(latex: str, notation: Notation, depth: int) -> bool:
    """Whether a claim writes the chain rule in the numerator (Jacobian) layout: a derivative of the objective by a
    vector with a Jacobian on its right (``\\frac{∂L}{∂h} \\frac{∂h}{∂z}``), which only a row can multiply."""
    parts = split_statements(latex) if len(latex) <= 4000 else [latex]  # (A = B \implies C = D: each statement)
    for part in parts:
        for env in (None, {"l": depth}):
            try:
                sides, _ = parse_claim(part, notation, depth, env)
            except Unreadable:
                continue
            if any(n.op == "mul" and n.args[1].op == "jac" and gradient_of_scalar(n.args[0])
                   for side in sides for n in side.walk()):
                return True
            break
    return False


#: a subscript of entry letters only: y_k, \hat y^{(i)}_k, w_{jk}, w_{j,k}, \sum_k (not \nabla_{W^{(k)}} nor \sum_{k=1})
_ENTRY_SCRIPT = re.compile(r"_\s*(?:\{\s*([a-z](?:\s*,?\s*[a-z]){0,2})\s*\}|([a-z])(?![A-Za-z]))")


#: a penalty written in a definition of the objective: λ, a norm, R or Ω
#: the objective's letter named as the regularized one (Ng's J_{regularized}): the answer's plain letter is its data term
_REGULARIZED_NAME = re.compile(r"[JLEC]\s*+_\s*+\{\s*+(?:\\(?:text|mathrm)\s*+\{\s*+)?regulari[sz]ed")
_PENALTY_WRITTEN = re.compile(r"\\lambda|\\(?:Vert|lVert|\|)|\|\||(?<![A-Za-z\\])(?:R|\\Omega)(?![A-Za-z])|‖")


#: what the report says of a document whose prose makes one sample's gradients rows (document._ROWS_PROSE)
GRADIENT_ROWS = "one sample's gradients are rows (∂J/∂z has the shape of zᵀ), as the answer's prose says (numerator layout)"


def _oriented(tv: list, sv: list) -> tuple[list, list]:
    """In a claim written in the numerator layout, a vector and its transpose are the same derivative: each side's row
    is compared with the derived column (and each side's column with a derived row)."""
    out_t, out_s = [], []
    for t, s_ in zip(tv, sv, strict=True):
        t, s_ = np.asarray(t), np.asarray(s_)
        if t.ndim == s_.ndim == 2 and t.shape == s_.shape[::-1] and 1 in t.shape:
            s_ = s_.T
        out_t.append(t)
        out_s.append(s_)
    return out_t, out_s


#: a matrix written out with several entries: \begin{bmatrix} a & b …, \begin{pmatrix} a \\ b …
_MATRIX_LITERAL = re.compile(r"\\begin\s*\{\s*[bpvBV]?matrix\s*\}[^&]*?(?:&|\\\\)")


def _matrix_left_out(latex: str, read: str) -> bool:
    """Whether a side left out of a chain (``latex``'s sides not in ``read``) is a matrix written with several entries
    while no side read is one (the caller asks too that the chain is about one entry: Thill's ΔA^T = (δ_1 … δ_N)(…)
    = … is a matrix throughout)."""
    kept = {s.strip() for s in _top_sides(read)}
    left_out = [s for s in _top_sides(latex) if s.strip() not in kept]
    return any(_MATRIX_LITERAL.search(s) for s in left_out) and not any(_MATRIX_LITERAL.search(s) for s in kept)


def _subscripted(latex: str, v: str) -> bool:
    """Whether the index letter ``v`` stands in a subscript of ``latex`` (``_j``, ``_{ij}``, ``_{i,j}``)."""
    return re.search(rf"_\s*(?:\{{[^{{}}=]{{0,8}}{v}[^{{}}=]{{0,8}}\}}|{v}(?![A-Za-z]))", latex) is not None


def _folded(claims: list) -> list:
    """The claims with mathematics typed in Unicode as LaTeX (``w₂ᵀh``, ``ŷ``): what the readings of the answer's own
    definitions search (infer's patterns are written for LaTeX); the claims themselves keep the text as written."""
    return [replace(c, latex=fold_unicode(c.latex)) if not c.latex.isascii() else c for c in claims]


def _top_sides(latex: str) -> list[str]:
    """The sides of an equation chain ``a = b = c`` (split at ``=`` outside braces, brackets and environments)."""
    return list(_sides_of(latex) if len(latex) <= _CACHED_CHARS else _sides_of.__wrapped__(latex))


#: a minus before a number raised to a power, −4^2 (−16 as written, 16 as often meant)
_NEGATIVE_POWER = re.compile(r"-\s*\d+(?:\.\d+)?\s*\^")
#: a whole claim that is one cases environment (a system of equations when no row has a condition after &)
_SYSTEM = re.compile(r"\s*\\begin\s*\{cases\}((?:(?!\\(?:begin|end)\s*\{cases\}).)*)\\end\s*\{cases\}\s*", re.S)
#: entries of a side of numbers whose arithmetic is judged in a claim whose letters do not read (a list of them)
MAX_UNREAD_ENTRIES = 400
#: ≈ between two sides of a worked computation (normalised: \approx): a link like =
_APPROX = re.compile(r"\\approx(?![A-Za-z])")

#: texts up to this long are split once (_top_sides, _top_rows): a claim the parser reads (parser.MAX_CHARS) and more
_CACHED_CHARS = 8000


@functools.lru_cache(maxsize=1024)
def _sides_of(latex: str) -> tuple[str, ...]:
    """_top_sides, read once per text (a claim's text is split again by every reader and by each layout: 1990 listed
    worked examples split 18 000 times); one regex scan over the brackets and equals signs."""
    sides, depth, start = [], 0, 0
    for m in _BRACKET_OR_EQUALS.finditer(latex):
        ch, i = m.group(), m.start()
        if ch in "{([":
            depth += 1
        elif ch in "})]":
            depth -= 1
        elif depth == 0 and latex[i - 1:i] not in (":", "<", ">", "!", "\\"):
            sides.append(latex[start:i])
            start = i + 1
    sides.append(latex[start:])
    return tuple(x for x in sides if x.strip())


_BRACKET_OR_EQUALS = re.compile(r"[{}()\[\]=]")


#: a row that goes on with the chain of the row before it: "= …" (document._CONTINUES, when no & marks it)
_ROW_GOES_ON = re.compile(r"\s*(?:=(?!=)|\\approx(?![A-Za-z]))")
#: the number of examples stated (penasta's ``m=100.000``, ``N = 64``): a document is judged at sizes the tool chose
_A_COUNT = re.compile(r"\s*(?:m|n|N|M|B)\s*=\s*\d[\d.,\s]{0,20}")
_Y_ALONE = re.compile(r"(?<![A-Za-z\\])y(?![A-Za-z])")
_TARGET_ALONE = re.compile(r"(?<![A-Za-z\\])[td](?![A-Za-z])")
_P_ALONE = re.compile(r"(?<![A-Za-z\\])p(?![A-Za-z])")
#: a layer size stated in numbers: n_x = 28 \times 28, n_h = 128, n_y = 10, n^{[1]} = 4, n_0 = 784
_A_SIZE = re.compile(r"\s*n\s*(?:_\s*\{?\s*(?:[xyhHL0-9]|in|out|\\text\{[a-z]{1,6}\})\s*\}?|\^\s*\{?\s*[\[(]?\s*[0-9lL]\s*[\])]?\s*\}?)"
                     r"\s*=\s*[0-9][0-9\s]{0,8}(?:(?:\\times|\\cdot|\*|×)\s*[0-9][0-9\s]{0,8}){0,3}[.,;]?\s*")
#: what a piece of a row states: an equation, a value stated with ≈, an update (W ← W − η g)
_STATES = re.compile(r"=|\\approx(?![A-Za-z])|\\leftarrow(?![A-Za-z])|\\gets(?![A-Za-z])|←")
_QUAD = re.compile(r"(?<!\\)[,;](?:\s*\\[,;:! ])*\s*\\q?quad")  # (not the ; of \; : `, \; \quad` one break)
#: "and" between two equations: ``\\text{and}``, and logic's ``\\quad \\wedge \\quad`` (hkve's ∂C/∂b = δ \\quad \\wedge \\quad
#: ∂C/∂w = δ a): split only where every part states an equation
_AND = re.compile(r"(?:\\[;,:!]|\\q?quad)?\s*(?:\\(?:text|textrm|mathrm|mbox)\s*\{\s*and\s*\}|\\(?:wedge|land)(?![A-Za-z]))"
                  r"\s*(?:\\[;,:!]|\\q?quad)?")


def _as_claim(result: ClaimResult, was: str, claim: Claim) -> ClaimResult:
    """A copy of ``result`` (of the claim whose id was ``was``) as the result of ``claim``, an identical claim."""
    return replace(result, id=claim.id if result.id == was else result.id, notes=list(result.notes), links=list(result.links),
                   rows=list(result.rows), counterexample=dict(result.counterexample) if result.counterexample else
                   result.counterexample)


def _row_id(claim_id: str, k: int) -> str:
    return f"{claim_id}\x00row{k}"


#: the words of every result the run's soft deadline left unchecked (``_overdue``, ``ran_out``, chainrows' rows,
#: unreadcost): such a claim may be wrong, so a run that has one is no pass (cli.exit_code, report.summary_line)
TIME_RAN_OUT = limits.TIME_RAN_OUT  # "the run's time ran out"


def _overdue(claim: Claim) -> ClaimResult:
    """A claim not judged because the run's time ran out before it (``limits.overdue``)."""
    return ClaimResult(claim.id, claim.latex, "unchecked", "",
                       f"not judged: {TIME_RAN_OUT} before this claim ({limits.soft_deadline()}; a long answer or a "
                       "busy machine), the verdicts given before it are kept; run "
                       "verify again on a less busy machine, or split the answer", quantity=claim.quantity)


def ran_out(result: ClaimResult, reading: str) -> None:
    """``result`` as a later reading (``reading``: "in the answer's index notation") left it when the run's time ran out
    before that reading got to it (``limits.overdue``): a verdict that reading could have taken back (two readings
    that disagree are ``unchecked``) is not given; an ``unchecked`` claim says why it was not read that way."""
    why = f"{TIME_RAN_OUT} before this claim was read {reading} ({limits.soft_deadline()}; a long answer or a busy machine)"
    if result.verdict in ("correct", "incorrect"):
        result.message = f"not judged: {why}; the judge's reading gives {result.verdict} ({result.message})"
        result.verdict, result.expected, result.counterexample = "unchecked", "", None
        result.diagnosis = result.diagnosis_key = None
    elif result.verdict == "unchecked":
        result.message = f"{result.message} (not read {reading}: {why})"


def _under_a_condition(results: list, set_aside: dict) -> None:
    r"""A claim followed on its own line by an inequality set aside as a condition (Parr & Howard's ``∂C/∂w = \frac{2}{N}
    \sum_i e_i x_i^T`` where ``w \cdot x_i + b > 0``): it is stated for the points that meet the condition, which random
    points need not — judged wrong there, it is ``unchecked`` instead, saying so (right, it stays right)."""
    from .premises import INEQUALITY

    prefix = INEQUALITY.split("{")[0]
    for k, aside in set_aside.items():
        before = results[k - 1] if k >= 1 else None
        if (before is None or not aside.message.startswith(prefix) or before.verdict != "incorrect"
                or before.id.split("#")[0] != aside.id.split("#")[0] or before.id == aside.id):
            continue
        results[k - 1] = ClaimResult(before.id, before.latex, "unchecked", before.expected,
                                     f"not judged: it is stated under a condition on its line ({aside.latex.strip()}), which the "
                                     f"points it is checked at need not meet (there: {before.message})",
                                     quantity=before.quantity, notes=before.notes)


def _set_aside(claims, foreign: Mapping | None = None, example: Mapping | None = None,
               by_rows: Mapping | None = None, premised: Mapping | None = None) -> tuple[list, dict]:
    """(the claims to judge, {position: unchecked result} for those that are not): a claim of more than MAX_CLAIM_CHARS
    characters or MAX_PARTS statements or equations, and every claim past MAX_TOTAL_PARTS of them in all. Each such
    claim would be read several times by the inference; one linear pass over each claim here. Also a claim of a
    section that sets its own problem (``foreign``: claim id -> why, sections.py): not judged on the example's numbers."""
    kept, aside, total = [], {}, 0
    for k, c in enumerate(claims):
        if by_rows and c.id in by_rows:  # entryrows.py: a gradient by entries, judged on the answer's own rows
            verdict, why, expected = by_rows[c.id]
            aside[k] = ClaimResult(c.id, c.latex, verdict, expected, why, quantity=c.quantity)
            continue
        if example and c.id in example:  # calculusexample.py
            aside[k] = ClaimResult(c.id, c.latex, "unchecked", "", f"not judged: its section works a calculus example in "
                                   f"letters of its own ({example[c.id]}: not the network's quantities)",
                                   quantity=c.quantity)
            continue
        if premised and c.id in premised:  # premises.py: a condition on indices, a premise, the premise's section
            aside[k] = ClaimResult(c.id, c.latex, "unchecked", "", premised[c.id], quantity=c.quantity)
            continue
        if foreign and c.id in foreign:
            aside[k] = ClaimResult(c.id, c.latex, "unchecked", "", f"not judged: its section sets a problem of its own "
                                   f"({foreign[c.id]}), and the document is judged on the worked example's numbers",
                                   quantity=c.quantity)
            continue
        parts = links = 1
        if len(c.latex) <= MAX_CLAIM_CHARS:
            statements = split_statements(c.latex)
            parts = len(statements) if len(statements) > 1 else len(_top_rows(statements[0]))
            links = sum(len(_top_sides(s)) - 1 for s in statements)  # a chain's links, each judged as an equation
        if len(c.latex) > MAX_CLAIM_CHARS:
            why = f"the claim is {len(c.latex)} characters long, more than {MAX_CLAIM_CHARS}"
        elif parts > MAX_PARTS:
            why = f"the claim holds {parts} statements or equations, more than {MAX_PARTS}"
        elif links > MAX_PARTS:
            why = f"the claim is a chain of {links} links (a = b = c: two), more than {MAX_PARTS}"
        elif total + max(parts, links) > MAX_TOTAL_PARTS:
            why = (f"the answer holds more than {MAX_TOTAL_PARTS} statements and equations in all (a chain's links "
                   "counted; this one is past them)")
        else:
            kept.append(c)
            total += max(parts, links)
            continue
        aside[k] = ClaimResult(c.id, c.latex, "unchecked", "", f"{why}: not judged; write it as separate equations, "
                               "one per display, or split the answer", quantity=c.quantity)
    if aside and isinstance(claims, list) and type(claims) is not list:  # a document's claims: its attributes kept
        out = copy.copy(claims)
        out[:] = kept
        out.aside_done = True  # (not set aside again in the recursive call)
        return out, aside
    return kept, aside


def _every_entry(qnode) -> str | None:
    """The quantity a claim written entry by entry is about, when its indices are letters (``∂E/∂w_{ji}``,
    ``∂E/∂a_j``: checked for every value, so it answers for the whole W⁽¹⁾, δ⁽¹⁾ — a rubric's "dW1", "delta1")."""
    if qnode is None or qnode.op not in ("comp", "entry") or qnode.args[0].op != "q":
        return None
    idx = qnode.value if isinstance(qnode.value, tuple) else (qnode.value,)
    if not all(isinstance(i, str) and len(i) == 1 and i.isalpha() for i in idx) or len(set(idx)) != len(idx):
        return None
    return key(*qnode.args[0].value)


def _with_rows(claims) -> list:
    """The claims, and each row of a block of several equations as a claim of its own (an id no claim has): the rows
    may define the answer's symbols (``H = \\max(0, X W_1 + b_1), \\qquad S = H W_2 + b_2``)."""
    out = list(claims)
    for c in claims:
        if split_statements(c.latex) == [c.latex]:
            rows = _top_rows(c.latex)
            if len(rows) > 1:
                out += [Claim(_row_id(c.id, k), row, c.quantity, c.where) for k, row in enumerate(rows)]
    return out


#: a line break written as a command (MathJax and KaTeX break the display there)
_NEWLINE = re.compile(r"\\newline(?![A-Za-z])")


#: an activation times a mask with the same generic layer letter, either order (``A_{l} * D_{l}``, ``D^{[l]} \\odot
#: a^{[l]}``, ``r^{(l)} * y^{(l)}``): bounded, no nested repetition
_MASKED_ACTIVATION = re.compile(
    r"\b[A-Za-z]_\{?\s*(?P<v>[a-z])\s*\}?\s*(?:\*|\\odot|\\circ)\s*[A-Za-z]_\{?\s*(?P=v)\s*\}?(?![A-Za-z0-9+-])"
    r"|\b[A-Za-z]\^\{?\s*[\[(]\s*(?P<u>[a-z])\s*[\])]\s*\}?\s*(?:\*|\\odot|\\circ)\s*[A-Za-z]\^\{?\s*[\[(]\s*(?P=u)\s*[\])]")


def _top_rows(latex: str) -> list[str]:
    """The rows of a block of equations (split at ``\\\\`` outside matrix and cases environments, at ``\\text{and}``, and
    at ``, \\quad`` between two equations: ``h_1 = 0.2, \\quad h_2 = 0.8``), and the statements an implication joins
    (``A = B \\implies C = D``, ``\\therefore …``: surface.split_statements, each statement checked by _check_one)."""
    return list(_rows_of(latex) if len(latex) <= _CACHED_CHARS else _rows_of.__wrapped__(latex))


@functools.lru_cache(maxsize=1024)
def _rows_of(latex: str) -> tuple[str, ...]:
    """_top_rows, read once per text (each listed piece of 1990 worked examples was split again at every level)."""
    latex = _NEWLINE.sub(r"\\\\", latex)  # ezalos' \newline between two equations: a line break, as \\
    latex = drop_index_range(latex)  # h_j = σ(z_j), \quad j = 1, …, n: the index's range, no second equation
    system = _SYSTEM.fullmatch(latex)
    if system is not None:  # \begin{cases} A = B \\ C = D \end{cases}: a brace grouping equations, not one piecewise value
        rows = [r for r in re.split(r"\\\\", system.group(1)) if r.strip()]
        if len(rows) > 1 and all("&" not in r and len(_top_sides(r)) > 1 for r in rows):
            return tuple(part for row in rows for part in _rows_of(row))
    if _AND.search(latex) and all("=" in part for part in _AND.split(latex)):  # (not "if j = k \text{and} k > 0")
        return tuple(part for row in _AND.split(latex) for part in _rows_of(row))
    parts = _QUAD.split(latex)
    if len(parts) > 1 and all(_STATES.search(p) and not _INDEX_RANGE.match(p) for p in parts) and "\\begin" not in latex:
        # (A-R007's H1 \approx 0.6687, \quad H2 \approx 0.6797: values stated with \approx, side by side)
        return tuple(part for row in parts for part in _rows_of(row))
    listed = _quad_equations(latex)
    if len(listed) > 1:  # EastSunrise's \frac{∂E}{∂w^l_{ji}} = δ^l_j a^{l-1}_i \quad \frac{∂E}{∂b^l_j} = δ^l_j
        return tuple(part for row in listed for part in _rows_of(row))
    listed = _comma_equations(latex)
    if len(listed) > 1:  # MathsCode's W = W - \alpha v_{dw},b = b - \alpha v_{db}: two updates on one line
        return tuple(part for row in listed for part in _rows_of(row))
    listed = [p for p in given_rows(latex) if "=" in p] if "\\begin" in latex else []
    if len(listed) > 1:  # Chiari's x = \begin{bmatrix}…\end{bmatrix},\quad y = 1.0,\quad … (prose between: not an equation)
        return tuple(part for row in listed for part in _rows_of(row))
    listed = listed_values(latex)
    if len(listed) > 1:  # adilce009's x=1, w_1=0.5, w_2=-1.0, y=0.5: a list of given values
        return tuple(part for row in listed for part in _rows_of(row))
    if "\\\\" not in latex:
        return (latex,)
    rows, depth, cur, i = [], 0, [], 0
    while i < len(latex):
        if latex.startswith("\\begin", i):
            depth += 1
        elif latex.startswith("\\end", i):
            depth -= 1
        if depth == 0 and latex.startswith("\\\\", i):
            rows.append("".join(cur))
            cur, i = [], i + 2
            continue
        cur.append(latex[i])
        i += 1
    rows.append("".join(cur))
    out: list[str] = []
    for r in rows:  # Typora's \\\\ line breaks without an environment: "= g(Z) + b" goes on with the row before's chain
        if out and _ROW_GOES_ON.match(r):
            out[-1] = f"{out[-1]} {r.strip()}"
        elif r.strip():
            out.append(r)
    return tuple(out)


#: a listed piece that is an index's range (``k = 1, \ldots, K``, ``i = 1, 2``): a comma there is no list of equations
_INDEX_RANGE = re.compile(r"\s*[ijklmnt]\s*=\s*[-\d]")


#: said beside the verdict of such an update
UPDATE_GRADIENT = "the gradient written without a layer in the update of a parameter is that parameter's"
#: Ng's update of one layer's parameter by a gradient written without the layer: W^{[k]} = W^{[k]} - \alpha dw
_UPDATE_BARE = re.compile(r"\s*([Wb])\s*\^\s*\{\s*([\[(][^{}\[\]()]{1,8}[\])])\s*\}\s*(=|:=|\\leftarrow)\s*\1\s*\^\s*\{\s*\2\s*\}"
                          r"\s*([-+])\s*(\\alpha|\\eta)\s*(?:\\cdot\s*)?d([wWb])\s*$")


def _update_gradient_layer(latex: str) -> str | None:
    """``W^{[k]} = W^{[k]} - \\alpha dw`` with the gradient's layer written as the parameter's (``dW^{[k]}``), when the
    gradient is of the same parameter letter (dw, dW for W; db for b); None for any other claim."""
    m = _UPDATE_BARE.fullmatch(latex.strip())
    if m is None or m.group(6).lower() != m.group(1).lower():
        return None
    p, layer = m.group(1), m.group(2)
    return f"{p}^{{{layer}}} {m.group(3)} {p}^{{{layer}}} {m.group(4)} {m.group(5)} d{p}^{{{layer}}}"


#: a sum's index (\sum_{i=1}, \sum_i) and a layer script with a letter (^{[i]}, ^{(i-1)})
_SUM_INDEX = re.compile(r"\\sum_\s*\{?\s*([a-z])(?![A-Za-z])")
_LAYER_LETTER = re.compile(r"\^\s*\{\s*[\[(]\s*([a-z])\s*(?:[+-]\s*\d+\s*)?[\])]\s*\}")


def _sum_over_layer_letter(latex: str) -> str | None:
    """The letter a claim's left side uses as its layer script and its right side as a sum's index (MathsCode's ``db^{[i]} = \\frac{1}{m}
    \\sum_{i=1}^{m} dZ^{[i]}_i``), or None."""
    left, _, right = latex.partition("=")  # (Σ_l ‖W^{(l)}‖² sums over the layers: its l is no other layer's)
    both = {m.group(1) for m in _SUM_INDEX.finditer(right)} & {m.group(1) for m in _LAYER_LETTER.finditer(left)}
    return min(both) if both else None


def _top_separator(latex: str) -> bool:
    r"""Whether ``latex`` has a comma or semicolon outside braces, brackets, parentheses and environments, not at its
    end (one linear scan; ``\,`` is a space): its ``=`` may then belong to several listed equations, not to one chain."""
    latex = latex.rstrip().rstrip(",;.")
    depth, i = 0, 0
    while i < len(latex):
        ch = latex[i]
        if ch == "\\":
            depth += 1 if latex.startswith("\\begin", i) else -1 if latex.startswith("\\end", i) else 0
            i += 2
            continue
        if ch in "{([":
            depth += 1
        elif ch in "})]":
            depth -= 1
        elif ch in ",;" and depth == 0:
            return True
        i += 1
    return False


#: the space between two equations written side by side: \quad or \qquad with nothing else (a comma is _QUAD's)
_BARE_QUAD = re.compile(r"\s*\\q?quad(?![A-Za-z])\s*")
#: what opens a remark, not an equation, after a \quad: a parenthesis, words, a quantifier
_REMARK_OPENS = re.compile(r"\s*(?:[(\[]|\\(?:text|textrm|mathrm|mbox|operatorname|forall|left|big|Big)(?![a-z]))")


def _quad_equations(latex: str) -> list[str]:
    r"""Equations written side by side with only ``\quad`` between them, each stating its own relation
    (``\frac{∂E}{∂w} = δ a \quad \frac{∂E}{∂b} = δ``): the pieces split at ``\quad``/``\qquad`` outside braces,
    brackets and environments (surface.split_top_level, one pass). ``[latex]`` unless every piece holds a relation at
    its top level and none is a remark: a condition in parentheses (``\quad (l = 2, 3, …)``), words
    (``\quad \text{for } …``), an index's range (``\quad l = 1, …, L``)."""
    if "quad" not in latex or latex.count("=") < 2:
        return [latex]
    pieces = [p for p in split_top_level(latex, _BARE_QUAD) if p.strip()]
    if len(pieces) < 2 or any(len(_top_sides(p)) < 2 or _REMARK_OPENS.match(p) or _INDEX_RANGE.match(p)
                              for p in pieces) or _trailing_condition(latex):
        return [latex]  # (yanfenglee's a_i(1 - a_i), \quad i = j: the last piece is the claim's scope, not an equation)
    return pieces


def _comma_equations(latex: str) -> list[str]:
    r"""Equations listed with a bare comma between them, each with its own ``=`` (``W = W-\alpha v_{dw},b = b-\alpha
    v_{db}``): the pieces split at commas outside braces, brackets, parentheses and environments (one linear scan);
    ``[latex]`` when it lists no two equations, or when a piece is an index's range (``k = 1, …``)."""
    if "," not in latex or latex.count("=") < 2:
        return [latex]
    pieces, depth, start, i = [], 0, 0, 0
    while i < len(latex):
        ch = latex[i]
        if ch == "\\":
            depth += 1 if latex.startswith("\\begin", i) else -1 if latex.startswith("\\end", i) else 0
            i += 2  # (\, \{ are no comma, no brace)
            continue
        if ch in "{([":
            depth += 1
        elif ch in "})]":
            depth -= 1
        elif ch == "," and depth == 0:
            pieces.append(latex[start:i])
            start = i + 1
        i += 1
    pieces.append(latex[start:])
    if len(pieces) < 2 or any("=" not in p or _INDEX_RANGE.match(p) for p in pieces):
        return [latex]
    return pieces


#: a lowercase w transposed with no layer written (w^{T} x), and a capital W with a layer (W^{[l]}, W^{(2)}, W_1, W1)
_UNIT_W = re.compile(r"(?<![A-Za-z\\])w\s*\^\s*\{?\s*T\s*\}?(?![A-Za-z])")
_LAYER_W = re.compile(r"(?<![A-Za-z\\])W\s*(?:\^\s*\{?\s*[\[(]|_\s*\{?\s*\d|\d)")
UNIT_W_NOTE = ("a lowercase w transposed (w^T x) beside the answer's layer matrices W: one unit's weight column (a single "
               "node, z = w^T x + b), not a layer's W; not judged (say it in [notation] if w is a layer's W)")


def _as_update(sides: list[Node], rels: list[str]) -> tuple[list[Node], list[str]]:
    """Updates as courses write them, in the one form ``θ ← rhs``: Nielsen's ``w \\rightarrow w' = w - η ∂C/∂w``,
    and a plain ``w = w - \\eta \\frac{dL}{dw} = 0.35`` (the parameter on both sides with its gradient: an update,
    not an equation)."""
    if not rels:
        return sides, rels
    first = sides[0]
    is_param = first.op == "q" and first.value[0] in ("W", "b")
    entry = first.op in ("comp", "entry") and first.args and first.args[0].op == "q" and first.args[0].value[0] in (
        "W", "b")  # adilce009's w_2 \to -0.861: one weight (here a chain's 1×1 weight) to its new value
    if rels[0] == "->":
        if not (is_param or entry):
            raise Unreadable("→ maps a weight or a bias to its updated value; write the parameter on its left")
        rest, rest_rels = sides[1:], rels[1:]
        if rest and rest[0].op == "q" and rest[0].value == (first.value[0] + "_next", first.value[1]):
            rest = rest[1:]  # w → w' = …: w' names the new value
        if not rest or any(r != "=" for r in rest_rels[1 if len(rest) < len(sides) - 1 else 0:]):
            raise Unreadable("cannot read the update: write w \\rightarrow w - \\eta \\nabla_w C")
        return [first] + rest, ["<-"] + ["="] * (len(rest) - 1)
    if rels[0] == "=" and (is_param or entry) and len(sides) >= 2:
        # (UFLDL's W_{ij}^{(l)} = W_{ij}^{(l)} - \alpha \frac{\partial}{\partial W_{ij}^{(l)}} J(W,b): one entry, updated)
        steps = {n.value for n in sides[1].walk() if n.op == "q" and (n.value[0] in ("dW", "db", "dWL", "dbL") or state_kind(n.value[0]))}
        layer = (first.args[0] if entry else first).value[1]
        if first in list(sides[1].walk()) and any(g[1] == layer for g in steps):
            return sides, ["<-"] + rels[1:]
        if first in list(sides[1].walk()) and sides[1].op in ("add", "sub") and any(
                n.op == "q" and (n.value[0] in ("W_next", "b_next") and n.value[1] == layer or n.value[0] == "delta")
                for n in sides[1].walk()):  # (or θ_j = θ_j + (l) Err_j: its step written with the error term)
            return sides, ["<-"] + rels[1:]  # Mitchell's and Han & Kamber's w_{ij} = w_{ij} + Δw_{ij}: the step's change
        rhs = sides[1]
        if rhs.op == "sub" and rhs.args[0] == first and any(n.op == "const" and n.value in ("lr", "alpha")
                                                            for n in rhs.args[1].walk()):
            # Bauer's w = w − η (o − t) x: the gradient written as its formula; as an equation it would say η (…) = 0
            return sides, ["<-"] + rels[1:]
        if (entry and rhs.op in ("add", "sub") and _plain_number(rhs.args[0]) and not _plain_number(rhs.args[1])
                and any(n.op == "num" for n in rhs.args[1].walk()) and all(n.op in ("num", "neg", "mul", "div", "pow")
                                                                           for n in rhs.args[1].walk())):
            # Han & Kamber's w_{46} = -0.3 + (0.9)(0.1311)(0.332) = -0.261: one weight's old value and its step, in
            # numbers (as an equation it would say the step is 0)
            return sides, ["<-"] + rels[1:]
    return sides, rels


#: why an update is not judged when the spec states no optimizer
NO_OPTIMIZER = ("not judged: it is an optimizer step, and the spec states no [optimizer] (add one, e.g. [optimizer] name = "
                "\"sgd\", learning_rate = 0.1, to have steps checked)")


def _a_step(sides: list[Node], rels: list[str]) -> bool:
    """Whether a claim read is about an optimizer step: an update (←), a parameter after the step, a state. Not a
    definition by := of what the forward or backward pass computes (zaidanmir's δ_2 := ∂L/∂z_2 = p − 1_y)."""
    defines = bool(rels) and rels[0] == "<-" and sides[0].op in ("q", "comp", "entry") and _subject_kind(sides[0]) in (
        *orientation.FORWARD_KINDS, "delta")
    return ("<-" in rels and not defines) or any(n.op == "q" and (n.value[0] in ("W_next", "b_next") or state_kind(n.value[0]))
                               for side in sides for n in side.walk())


def _subject_kind(node: Node) -> str | None:
    """The kind of the quantity a claim's subject names (an entry's, its quantity's)."""
    inner = node.args[0] if node.op in ("comp", "entry") and node.args else node
    return inner.value[0] if inner.op == "q" and isinstance(inner.value, tuple) else None


def _plain_number(node: Node) -> bool:
    """A number as written, or its negative: -0.3, 0.9."""
    return node.op == "num" or node.op == "neg" and node.args[0].op == "num"


#: anything that names a bias: b, \mathbf{b}, b_1, b^{(2)}, "bias", a weight or unit 0 (w_{j0}, x_0), a sum from 0
_BIAS_WORDS = re.compile(r"(?<![A-Za-z\\])b(?![a-zA-Z])|bias|_\{?\s*[a-z]?\s*,?\s*0\s*\}?|\\sum_\{?\s*[a-z]\s*=\s*0|"
                         r"\\beta|\\theta|\\Theta|W_\{?\s*0")


#: a summed input defined as a product with the weights: z^{(l)} = w_l^T h^{(l-1)}, z = W x, Z = X W
_WEIGHTED_INPUT = re.compile(r"^\s*(?:z|Z|net|u|v)\s*(?:[_^]\s*(?:\{[^{}]{0,12}\}|\w)\s*){0,2}=\s*(?:[A-Za-z]\s*(?:[_^]\s*"
                             r"(?:\{[^{}]{0,12}\}|\w)\s*){0,3})?[wW](?![A-Za-z])[^=+\-]{0,60}$")


#: a layer's output defined as a product of two factors, one of them capital (weights), activated or not, nothing
#: added: Shewchuk's h = s(Vx), \hat y = s(Wh) (CS 189); Trask's layer_1 = relu(layer_0 · weights_0_1), read as
#: h^{(1)} = \relu(x \cdot W^{(1)}), and \haty = h^{(1)} \cdot W^{(2)}
_FACTOR = r"(?:\\haty|[A-Za-z])\s*(?:[_^]\s*(?:\{[^{}]{0,12}\}|\\top|\w)\s*){0,2}"
_LAYER_PRODUCT = re.compile(r"^\s*(?:h|a|o|y|\\haty)\s*(?:[_^]\s*(?:\{[^{}]{0,12}\}|\w)\s*){0,2}=\s*(?:(?P<act>(?:s|g|f|\\sigma|"
                            r"\\varphi|\\phi|\\tanh|\\relu)\s*(?:_\s*\w\s*)?)\(\s*)?(?P<a>" + _FACTOR + r")(?:\\cdot\s*)?(?P<b>"
                            + _FACTOR + r")(?(act)\)|)\s*$")


def _layer_product(text: str) -> bool:
    m = _LAYER_PRODUCT.match(text)
    return m is not None and any(f.lstrip()[:1].isupper() for f in (m.group("a"), m.group("b")))


#: a letter added last inside an activation's parentheses: \sigma(u^T h + d), s(Wh + c) — a bias of the answer's own
_ADDED_LETTER = re.compile(r"\+\s*(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*)?[A-Za-z](?:\s*_\s*(?:\{[^{}]{0,8}\}|\w))?\s*\}?\s*"
                           r"(?:\\right\s*)?\)")


#: an answer setting its biases to zero: b^{(1)} = b^{(2)} = \begin{bmatrix} 0 \\ 0 \end{bmatrix}, \mathbf{b} = 0
_ZERO_BIASES = re.compile(r"\s*(?:(?:\\mathbf\s*\{\s*)?b\s*\}?[_^{}()\s\w]{0,12}=\s*)+"
                          r"(?:0|\\begin\{[bpv]?matrix\}[0\\&\s]*\\end\{[bpv]?matrix\}|\\mathbf\s*\{\s*0\s*\})\s*")


#: an activation of a bare weighted sum, its argument all of it: HKP's V_i^m = g(\sum_j w_{ij}^m V_j^{m-1})
_ACTIVATED_SUM = re.compile(r"=\s*(?:[fgh]|\\sigma|\\varphi|\\phi|\\tanh)\s*(?:\\left\s*)?\(\s*\\sum(?:[^=+()]|\([^()=+]{0,6}\))"
                            r"{0,80}(?:\\right\s*)?\)")  # (a layer script's parentheses inside: w^{(l)}_{ij} h^{(l-1)}_j)


def _bias_free(claims) -> bool:
    """Whether an answer's forward definitions carry no bias at all (and it has some: net_j = Σ_k w_{kj} o_k). Biases
    the answer sets to zero (ruyiq's b^{(1)} = b^{(2)} = 0) are none."""
    text = " ".join(c.latex for c in claims if not _ZERO_BIASES.fullmatch(c.latex))
    defines_a_sum = re.search(r"(?<![A-Za-z\\])(?:net|z|a|v|s)\}?(?:_\{?\s*[a-z0-9]+\s*\}?)?(?:\^\{?[^=]{0,10}\}?)?\s*=\s*\\sum",
                              text) or _ACTIVATED_SUM.search(text)
    # Kyle Lo's z^{(l)} = w_l^T h^{(l-1)}: a summed input defined as a weight matrix times the layer before
    from .infer import _normal  # the claim in the parser's spelling, normalised once (cached)

    # (the definition may go on to the answer's numbers: z = W^{(1)} x = [1 2 1; …] [1; 3; 1])
    activated = not _ADDED_LETTER.search(text)  # (h = \tanh(U x) beside \sigma(u^T h + d): d is a bias written)
    defines_a_product = any(_WEIGHTED_INPUT.match(first := "=".join(_normal(c.latex).split("=", 2)[:2]))
                            or activated and _layer_product(first) for c in claims)
    return (defines_a_sum is not None or defines_a_product) and not _BIAS_WORDS.search(text)


def _scaled_quantity(node: Node | None) -> bool:
    """Whether ``node`` is a quantity on the answer's own scale: ``k × q`` with k a nonzero number (parser.scaled)."""
    return (node is not None and node.op == "mul" and len(node.args) == 2 and node.args[0].op == "num"
            and node.args[0].value[0] != 0 and node.args[1].op == "q")


def _own_layer_derivatives(sides) -> bool:
    """Whether a claim differentiates a summed input by a weight or bias (``\\partial z / \\partial w``) and every
    such derivative pairs z with its own layer's parameter (a parameter written without a layer then is z's)."""
    pairs = [n.args for side in sides for n in side.walk() if len(n.args) == 2 and (
        n.op == "jacw" or n.op == "jac" and n.args[1].op == "q" and is_bias(n.args[1].value[0]))]
    return bool(pairs) and all(a.op == "q" and b.op == "q" and a.value[1] == b.value[1] for a, b in pairs)


_PARAMETER_KINDS = ("W", "b", "Wb", "dW", "db", "dWb", "dWL", "dbL", "dWR", "dbR", "W_next", "b_next", "Wb_next")


def _one_parameter_layer(sides) -> bool:
    """Whether every weight (or its gradient, or its value after the step) the claim names is one layer's, and so is
    every bias. Weights and biases apart: a bias's gradient carries the next layer's weight back (∂L/∂b = δ v ⊙ h ⊙ (1 −
    h), v the output's weights), which says nothing of the bias's layer."""
    layers: dict = {}
    for side in sides:
        for n in side.walk():
            if n.op == "q" and n.value[0] in _PARAMETER_KINDS:
                layers.setdefault("b" in n.value[0].replace("Wb", "W"), set()).add(n.value[1])
    return bool(layers) and all(len(v) == 1 for v in layers.values())


#: a derivative written as an operator on what follows: \frac{\partial}{\partial a}, \frac{d}{dx}
_OPERATOR_DERIVATIVE = re.compile(r"\\[dt]?frac\s*\{\s*(?:\\partial|d)\s*\}\s*\{\s*(?:\\partial|d)\s*[A-Za-z]\s*\}")
#: an objective's letter or a layer's number anywhere: ∂L, J, ∇, W_2, h^{(1)}, a^{[2]}, z^l
_NETWORK_MARK = re.compile(r"\\partial\s*(?:[JLECR]|\\ell|\\mathcal)|\\nabla|(?<![A-Za-z\\])[JLEC](?![A-Za-z])|"
                           r"_\s*\{?\s*\d|\^\s*\{?\s*[(\[]\s*\d|[_^]\s*\{?\s*[(\[]?\s*[lLkK](?![A-Za-z])|\\hat|\\delta")


def _generic_calculus(latex: str) -> bool:
    r"""Whether the claim is a derivative operator on an expression of bare letters (``\frac{\partial}{\partial a}
    (a b + b^2) = b``), with no objective, no layer number and no ŷ or δ: an exercise's own letters."""
    return len(latex) <= 600 and bool(_OPERATOR_DERIVATIVE.search(latex)) and not _NETWORK_MARK.search(latex)


def _shape_failed(result: ClaimResult) -> bool:
    """The claim's shapes do not fit in the layout it was read in (a product or sum mismatched, or the result has
    the wrong shape)."""
    c = result.counterexample or {}
    return result.verdict == "incorrect" and ("shape_error" in c or "expected_shape" in c)


class _Probe:
    """What a catalogue test may ask about a wrong claim (see diagnose.py)."""

    def __init__(self, judge: Judge, target: Node, student: Node, claimed, literal, shape_note: str = "",
                 spread=None):
        self.j, self.net, self.batch, self.consts = judge, judge.net, judge.batch, judge.consts
        self.convention = judge.net.convention
        self.target, self.student, self.claimed, self.literal = target, student, claimed, literal
        self.shape_note = shape_note
        self.spread = spread  # arithmetic on rounded numbers: a variant matches as closely as the claim must (_close)
        q = target.value if target.op == "q" else (None, None)
        self.kind, self.layer = q
        self.truth_shape = np.shape(judge.envs[0].get(q)) if self.kind else None
        self.claimed_shape = np.shape(claimed[0]) if claimed else None

    def _envs(self):
        if self.j.numeric:
            return [self.j._student_env()]
        return self.j.envs

    def q(self, env, kind):
        return env[(kind, self.layer)]

    def optimizer_has(self, symbol) -> bool:
        return any(symbol in sp.sympify(u.expr).free_symbols for u in self.j.d.updates)

    def has_regularizer(self, kind: str) -> bool:
        return bool(np.any(self.j.envs[0][(kind + "R", self.layer)] != 0))

    def matches_values(self, f) -> bool:
        if self.kind is None or self.claimed is None:
            return False
        for env, s in zip(self._envs() if not self.j.numeric else self.j.envs, self.claimed, strict=False):
            t = env[(self.kind, self.layer)]
            alt = f(t, lambda kind, env=env: env[(kind, self.layer)])
            if alt is None or _indistinct(alt, t, self.literal) or not _close(np.asarray(alt), s, self.literal, self.spread):
                return False
        return True

    def matches_variant(self, dphi) -> bool:
        if self.kind is None or self.claimed is None:
            return False
        k = key(self.kind, self.layer)
        for i, (point, rows) in enumerate(zip(self.j.points, self.j.rows, strict=False)):
            mine = self.j.truth.aliases(k)  # the claimed quantity in every scaling (delta2 and dz2): recomputed, not given
            over = dict(self.j.stated) if self.j.numeric else {
                kk: v for kk, v in rows.items() if kk not in mine and not kk.startswith("loss")}
            alt_rows = self.j.truth.compute(*point, over=over, variant=dphi, state=self.j.states[i])
            alt = self.j.truth.to_course({k: alt_rows[k]})[(self.kind, self.layer)]
            t = self.j.envs[i][(self.kind, self.layer)]
            if _indistinct(alt, t, self.literal) or not _close(alt, self.claimed[i], self.literal, self.spread):
                return False
        return True

    def matches_optimizer(self, edit) -> bool:
        """The claim equals the quantity after a step with the update rule edited by ``edit`` (a mistake)."""
        if self.kind is None or self.claimed is None or not (self.kind.endswith("_next") or state_kind(self.kind)):
            return False
        k = key(self.kind, self.layer)
        for i, point in enumerate(self.j.points):
            over = dict(self.j.stated) if self.j.numeric else {}
            alt_rows = self.j.truth.compute(*point, over=over, state=self.j.states[i], optimizer_variant=edit)
            alt = self.j.truth.to_course({k: alt_rows[k]})[(self.kind, self.layer)]
            t = self.j.envs[i][(self.kind, self.layer)]
            if _indistinct(alt, t, self.literal) or not _close(alt, self.claimed[i], self.literal, self.spread):
                return False
        return True

    def matches_tree(self, tree: Node) -> bool:
        for env in self.j.envs:
            ctx = self.j.context(env)
            try:
                with np.errstate(all="ignore"):  # a rewrite tried for the diagnosis may take a log of a negative
                    t, s = evaluate(self.target, ctx), evaluate(tree, ctx)
                    if self.literal is not None and _close(t, evaluate(self.student, ctx), self.literal):
                        return False  # (the claim as written is within its numbers' rounding already: no rewrite
            except (ShapeMismatch, Unreadable):  # is told apart from it — _indistinct)
                return False
            if not _close(t, s, self.literal, self.spread):
                return False
        return True

    def update_ratio(self) -> float | None:
        """r such that the claimed step is r times the true step (a learning rate r·α), fitted and checked."""
        param = "W" if self.kind == "W_next" else "b"
        num_, den = 0.0, 0.0
        pairs = list(zip(self.j.envs, self.claimed or [], strict=False))
        for env, s in pairs:
            old, new = env[(param, self.layer)], env[(self.kind, self.layer)]
            if np.shape(s) != np.shape(old):
                return None
            step_true, step_claim = old - new, old - s
            num_ += float(np.sum(step_true * step_claim))
            den += float(np.sum(step_true * step_true))
        if den == 0:
            return None
        r = num_ / den
        for env, s in pairs:
            old, new = env[(param, self.layer)], env[(self.kind, self.layer)]
            if not _close(old - r * (old - new), s, self.literal, self.spread):
                return None
        return float(f"{r:.3g}") if self.literal is not None else r


# -- comparison and tolerance ------------------------------------------------------------------------




def _implied_sums(sides: list[Node], written: frozenset = frozenset()) -> list[Node]:
    r"""Einstein's convention, as students write it (J = -y_i \log \hat y_i, \delta_j = w_{kj} \delta_k f'(net_j)): an
    index that one side repeats within a product and the claim's left side does not leave free is summed over in that
    product (in a chain, each later side's dummy indices are its own: -y_i \frac{1}{\hat y_i} \delta_{ia} = …).
    Not an index in ``written``, one the answer sums with a written \sum elsewhere (schrader's planted
    ∂C/∂w_{i,n} = (∂C/∂a_j)(∂a_j/∂z_i)(∂z_i/∂w_{i,n}) beside ∂C/∂b_i = \sum_j …): the answer does not use the
    convention for it, and the term may be a sum dropped or one value of j — not certain."""
    frees = [set(free_indices(sd)) for sd in sides]
    out = []
    for k, side in enumerate(sides):
        others = frees[0] if k else set().union(*frees[1:])
        lonely = frees[k] - others
        split = {n.value[0] for n in side.walk() if n.op == "sum" and any(
            m.op == "kron" and m.value[0] == n.value[0] for m in n.args[0].walk())} & lonely if lonely else set()
        if split:  # Coblin's ∂L/∂ŷ_k ∂ŷ_k/∂z_k ∂z_k/∂W_{j,i} + \sum_{k \neq j} …: the first term's k is the case the sum
            v = sorted(split)[0]  # leaves out (k = j, written k), or summed by the convention — which is not said
            raise Unreadable(f"the index {v} is summed by a written sum that leaves one value out, and free in another "
                             "term, where only the summation convention would sum it: whether that term is the value "
                             "left out or a sum is not certain; write the index's value")
        summed = _sum_repeated(side, lonely) if lonely else side
        added = _sum_letters(summed) - _sum_letters(side) if lonely & written else Counter()
        if any(v in written for v in added):
            v = sorted(v for v in added if v in written)[0]
            raise Unreadable(f"the index {v} is repeated within a term and absent from the left side, which only the "
                             f"summation convention sums, but the answer writes its sums over {v} (\\sum_{v}) elsewhere: "
                             "whether a sum was left out here is not certain; write the sum")
        out.append(summed)
    return out


#: a derivative written as a fraction, two brace levels deep: \frac{\partial C}{\partial a_j}, \frac{da_j}{dz_i}, \pdv{C}{a_j}
_DERIVATIVE_FRACTION = re.compile(r"\\(?:[dt]?frac\s*\{\s*(?:\\partial|d)(?![A-Za-z]{2})|pdv\s*\{)"
                                  r"[^{}]*(?:\{[^{}]*\}[^{}]*)*\}\s*\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}")


def _in_derivatives_only(latex: str, letter: str) -> bool:
    """Whether the index ``letter`` is written in the claim's right side only inside derivatives written as fractions
    (schrader's (∂C/∂a_j)(∂a_j/∂z_i): the chain rule through an intermediate index) — not on a quantity of its own
    (CS224d's −y_i log ŷ_i, which students sum by the convention). Linear scans of at most 4000 characters."""
    text = latex[:4000]
    right = text.split("=", 1)[1] if "=" in text else text
    inside = re.compile(r"_\s*(?:\{[^{}]{0,40}?(?<![A-Za-z\\])" + letter + r"(?![A-Za-z])[^{}]{0,40}\}|" + letter
                        + r"(?![A-Za-z]))")
    if not inside.search(right):
        return False
    return not inside.search(_DERIVATIVE_FRACTION.sub(" ", right))


def _sum_letters(node: Node) -> Counter:
    """How many sums over each index letter ``node`` holds."""
    return Counter(n.value[0] for n in node.walk() if n.op == "sum" and n.value)


def _target_laid_out(what: str) -> str:
    """The reason a claim with Y is not judged in an answer that stores its target transposed (Judge._target_transposed)."""
    return (f"not judged: {what}, and the answer writes its target transposed beside the prediction (a − Y^T) wherever "
            "it subtracts it, so its Y is laid out otherwise than the spec's; state Y's shape to have it judged")


def _design_product(node: Node) -> bool:
    """Whether ``node`` multiplies the batch input from the left by θ with its intercept, X θ (Ng's g(Xθ): the design
    matrix, its rows the examples); a plain W x written x W stays a claim to judge (a transposed factor)."""
    return any(n.op == "mul" and len(n.args) == 2 and n.args[0].op == "q" and n.args[0].value == ("x", None)
               and n.args[1].op == "q" and n.args[1].value[0] == "Wb" for n in node.walk())


def _only_as_example(sides: list[Node], letter: str) -> bool:
    """Whether ``letter`` is used in ``sides`` only as an example's index (``y^{(t)}``: a sample node), nowhere as an
    entry's."""
    uses = [n for side in sides if side is not None for n in side.walk()
            if letter in (n.value if isinstance(n.value, tuple) else (n.value,))]
    return bool(uses) and all(n.op == "sample" for n in uses)


def _without_example(node: Node | None, letter: str) -> Node | None:
    """``node`` with every example ``letter`` dropped (``y^{(t)}`` read as y): for a judge of one example."""
    if node is None:
        return None
    if node.op == "sample" and node.value == letter:
        return _without_example(node.args[0], letter)
    if not node.args:
        return node
    return Node(node.op, tuple(_without_example(a, letter) if isinstance(a, Node) else a for a in node.args), node.value)


def _vector_gradient(node: Node | None) -> bool:
    """Whether ``node`` is the objective's gradient by a whole vector of the pass (∂L/∂z, ∂L/∂h, ∂L/∂ŷ, ∂L/∂b), no
    entry of it."""
    return node is not None and node.op == "q" and node.value[0] in ("delta", "dz", "dh", "dyhat", "db")


def _entry_index_only(sides: list, letter: str) -> bool:
    """Whether ``letter`` is used in ``sides`` as an entry's index only (ŷ_i, y_i), never as an example's (y^{(i)}:
    zz0808's δ^{(L)} = a^{(L)} − y^{(i)} is about example i, no entry)."""
    uses = [n for side in sides if side is not None for n in side.walk()
            if letter in (n.value if isinstance(n.value, tuple) else (n.value,))]
    return bool(uses) and all(n.op in ("comp", "kron") for n in uses)  # (Σ_{j≠i}: a Kronecker δ_{ji} of entries)


def _stray_indices(sides: list[Node]) -> str | None:
    """An index letter a later side of a chain leaves free (not summed, nor repeated within one term) that the left side
    does not have (e^{θ_m} for Σ_m e^{θ_m}, "by the dimensionality of the answer"), or None."""
    if len(sides) < 2 or sides[0] is None:
        return None
    left = set(free_indices(sides[0]))  # and the entries a derivative names (∂a_j / ∂w_{ji}: j and i)
    for n in sides[0].walk():
        left |= {v for v in (n.value if isinstance(n.value, tuple) else (n.value,)) if isinstance(v, str) and len(v) == 1}
    for side in sides[1:]:
        if side is None:
            continue
        for v in free_indices(side):
            if v not in left and isinstance(v, str) and len(v) == 1:
                return v
    return None


def _sum_repeated(node: Node, names: set) -> Node:
    """Each product term of ``node`` (split at + and −) with a sum around it over the indices of ``names`` it uses twice."""
    if node.op in ("add", "sub"):
        return Node(node.op, tuple(_sum_repeated(a, names) for a in node.args), node.value)
    if node.op == "neg":
        return Node("neg", (_sum_repeated(node.args[0], names),), node.value)
    inner: set = set()  # an index used inside one factor only (ŷ_p δ_{pk} in a bracket) is summed inside it
    args = list(node.args)
    for i, a in enumerate(args):
        own = {v for v in names if _index_uses(a).get(v) and not any(_index_uses(b).get(v) for b in args[:i] + args[i + 1:])}
        if own and node.op != "sum":
            args[i] = _sum_repeated(a, own)
            inner |= own
    if inner:
        node = Node(node.op, tuple(args), node.value)
    uses = _index_uses(node)
    samples = {n.value for n in node.walk() if n.op == "sample" and isinstance(n.value, str)}
    for v in sorted(names - inner):
        if (uses.get(v, 0) > 2 and _monomial_uses(node).get(v, 0) > 2 and v in free_indices(node)
                and v not in samples):  # (a sample's index, Alpaydın's x_j^t … z_h^t (1 - z_h^t): one instance throughout)
            raise Unreadable(f"the index {v} is written {_monomial_uses(node)[v]} times in one product: the summation "
                             "convention sums an index written twice, so which of them are summed is not said")
        if uses.get(v, 0) >= 2 and v in free_indices(node):
            node = Node("sum", (node,), (v, None))
    return node


def _monomial_uses(node: Node) -> dict[str, int]:
    """How often each index letter is written in one term of ``node`` multiplied out (W_{ij} x_j x_j: j three times;
    (w x_i − y_i) x_i: i twice — a sum inside a factor counts its term that uses the letter most). A sum's own index
    is not counted, nor a derivative's or a Kronecker delta's (−y_i (1/ŷ_i) ∂ŷ_i/∂ŷ_a, −(y_i/ŷ_i) δ_{ia}: the chain rule
    entry by entry, as einstein.py reads it)."""
    if node.op in ("jac", "jacw", "dexpr", "kron") or node.op == "entry" and node.args and node.args[0].op == "jac":
        return {}
    if node.op == "sum":
        return {v: n for v, n in _monomial_uses(node.args[0]).items() if v != node.value[0]}
    if node.op in ("add", "sub"):
        out: dict[str, int] = {}
        for a in node.args:
            for v, n in _monomial_uses(a).items():
                out[v] = max(out.get(v, 0), n)
        return out
    if node.op == "div":  # (a denominator is not counted: −y_i (1/ŷ_i) [ŷ_i δ_{ik} − …], the softmax derivation as written)
        return _monomial_uses(node.args[0])
    if node.op in ("neg", "mul", "had") or node.op == "fn" and len(node.args) == 1:
        out = {}
        for a in node.args:
            for v, n in _monomial_uses(a).items():
                out[v] = out.get(v, 0) + n
        return out
    return _index_uses(node)


def _index_uses(node: Node) -> dict[str, int]:
    """How often each index letter is used in ``node`` (entries, samples, Kronecker deltas)."""
    uses: dict[str, int] = {}
    stack = [node]
    while stack:
        n = stack.pop()
        if n.op == "dexpr":  # ∂e_j/∂y_j: a diagonal entry of the expression's derivative, no sum
            values = tuple({v for a in n.args for v in _index_uses(a)})
        else:
            values = (n.value,) if n.op in ("comp", "sample") and isinstance(n.value, str) else (
                tuple(v for v in n.value if isinstance(v, str)) if n.op in ("entry", "kron") else ())
            if n.op == "entry" and n.args[0].op == "jac" or n.op == "jacw" and n.value is not None:
                values = tuple(dict.fromkeys(v for v in n.value if isinstance(v, str)))  # ∂z_i/∂b_i: a diagonal entry
            stack.extend(n.args)
        for v in values:
            uses[v] = uses.get(v, 0) + 1
    return uses


def _weights_only(node: Node) -> Node:
    """``node`` with Ng's gradient of Θ = [b W] (``dWbL``) replaced by the gradient of its weight columns."""
    for n in node.walk():
        if n.op == "q" and n.value[0] == "dWbL":
            return _replace(node, n, Node("q", (), ("dWL", n.value[1])))
    return node


def _replace(node: Node, old: Node, new: Node) -> Node:
    if node == old:
        return new
    if not node.args:
        return node
    return Node(node.op, tuple(_replace(a, old, new) for a in node.args), node.value)


#: letters courses use for each optimizer's state, beyond the derivation's own (S, v, m, G)
STATE_ALIASES = {"rmsprop": {"s": "S", "r": "S", "v": "S"}, "adam": {"S": "v", "s": "v", "V": "m", "hatS": "vhat", "hats": "vhat"},
                 "adagrad": {"r": "G", "s": "G"}, "momentum": {"V": "v"}}


def _state_letters(state_names: list[str], optimizer: str) -> tuple:
    out = {s: s for s in state_names}
    if "m" in out:
        out.update({"hatm": "mhat", "hatv": "vhat"})
    if "D" in out:  # Adadelta's step Δθ_t, as recurrences.read writes it
        out[recurrences.STEP_LETTER] = "Delta"
    for letter, state in STATE_ALIASES.get(optimizer, {}).items():
        if letter not in out:
            out[letter] = state
    return tuple(out.items())



def _same(a, b) -> bool:
    a, b = np.asarray(a), np.asarray(b)
    return a.shape == b.shape and bool(np.allclose(a, b))


def _indistinct(alt, truth, literal) -> bool:
    """A mistake's value ``alt`` cannot be told from the right value at the precision the claim is written in (the same
    value, or within the written numbers' rounding of it): matching it names no mistake (a learner's 0.03 for 0.0082,
    written to one digit, is as close to a dozen wrong variants as to each other — none of them is the diagnosis)."""
    if _same(alt, truth):
        return True
    if literal is None:
        return False
    try:
        return _close(np.asarray(truth), np.asarray(alt), literal)
    except (TypeError, ValueError):
        return False


def _writes_objective(claims, cid: str | None) -> bool:
    """Whether the claim ``cid`` defines the objective inside a derivative of it (infer.written_objective)."""
    from .infer import written_objective

    return any(c.id == cid and written_objective(c.latex) is not None for c in claims)


#: a state's letter alone (or at step 0) set to zero: ``v = 0``, ``m_0 = 0``, ``\mathbf{m} = 0``
_BARE_STATE_ZERO = re.compile(r"\s*(?:\\mathbf\s*\{\s*)?([A-Za-z])\s*\}?\s*(?:_\s*\{?\s*0\s*\}?)?\s*=\s*0\s*[.,;]?\s*")


def _initial_state(qkind, sides: list, rels: list, latex: str, state_names) -> bool:
    """Whether a claim sets an optimizer state to zero (an algorithm's "initialize ``V_{dW} = 0``, ``S_{dW} = 0``",
    Adam's ``m = 0, v = 0``): its value before the first step, not after one. A bare ``m``, read as Ng's number of
    examples (never 0), is Adam's first moment there."""
    if rels not in (["="], ["<-"]) or len(sides) != 2 or not (sides[1].op == "num" and float(sides[1].value[0]) == 0):
        return False  # (Ronen's v_t ← 0 too)
    kind = state_kind(qkind[0]) if qkind is not None else None
    if kind is not None:
        return not kind[2] and not kind[0].endswith("hat") and kind[0] in state_names
    return (sides[0].op == "const" and sides[0].value == "N" and "m" in state_names
            and re.fullmatch(r"\s*m\s*=\s*0\s*", latex) is not None)


def _given_quantity(node: Node) -> bool:
    """Whether a side is one of the values a worked example chooses (the input, the target, a weight or a bias,
    transposed or not), not one the network computes."""
    if node.op == "T":
        node = node.args[0]
    return node.op == "q" and node.value[0] in ("x", "y", "W", "b")


def _flat_list(node: Node) -> bool:
    """Whether a side is a list of numbers (``[12, 2, 2]``: parser._number_list), which has no orientation."""
    return node.op == "matrix" and isinstance(node.value, FlatShape)


def _laid_out(tv: list, sv: list) -> tuple[list, list]:
    """The two sides as plain arrays, the derived side laid out as the claim's wherever one of them is a vector typed
    as a list (no orientation) and both are vectors of as many entries; anything else as it is (a list of the wrong
    length, or beside a matrix, still differs in shape)."""
    def vector(v) -> bool:
        return np.ndim(v) < 2 or np.ndim(v) == 2 and 1 in np.shape(v)

    out = []
    for t, s_ in zip(tv, sv, strict=True):
        t, s_ = np.asarray(t), np.asarray(s_)
        if vector(t) and vector(s_) and t.size == s_.size:
            t = t.reshape(s_.shape)
        out.append(t)
    return out, [np.asarray(s_) for s_ in sv]


def _within_one_unit(left, right, places, carried: float = 0.0) -> bool:
    """Whether a result written with ``places`` decimals (per entry, or one for all) is within one unit of its last
    digit of the value computed (plus the rounding ``carried`` into it): a coarse rounding, not a slip. Whole numbers
    are exact (no unit to allow)."""
    left, right = np.ravel(left), np.ravel(right)
    if places is None or left.size != right.size or float(np.min(places)) <= 0:
        return False
    unit = np.ravel(10.0 ** -np.asarray(places, dtype=float)) * np.ones(right.size)
    return bool(np.all(np.abs(left - right) <= unit * (1 + 1e-9) + carried + 1e-12))


def _written_as_is(node: Node) -> bool:
    """Whether a side is a number or a matrix of numbers as written (``-0.021``, ``[-0.021 & -0.007]``), not arithmetic
    on them: a minus before a product (``-0.007 · [3 & 1]``, a neg node) is arithmetic, and its rounding carries."""
    while node.op == "neg" and node.args:
        node = node.args[0]
    return node.op in ("matrix", "num")


def _decimals(node: Node):
    """Per-entry decimals of a literal side (a number or a matrix of numbers), or None if it is not literal."""
    if node.op == "neg":
        return _decimals(node.args[0])
    if node.op == "num":
        return np.asarray(float(node.value[1] or 0))
    if node.op in ("mul", "add", "sub", "div", "pow", "fn", "had", "T") and all(literal_op(n) for n in node.walk()):
        # -0.5523 × 0.7, -0.3866 · 1: arithmetic on numbers written with their precision; the coarsest one holds
        written = [n.value[1] for n in node.walk() if n.op == "num" and n.value[1]]
        return np.asarray(float(min(written) if written else 0))
    if node.op == "matrix":
        cells = [_decimals(a) for a in node.args]
        if any(c is None for c in cells):
            return None
        return np.array([float(c) for c in cells]).reshape(node.value)
    return None


#: the relative step each written number is moved by to measure a side's sensitivity to float64's rounding, and the
#: multiple of that first-order sensitivity (in units of float64's 2^-52) a difference must exceed to be judged: 2^-52
#: per operation, with room for a few hundred operations
FLOAT_PROBE = 2.0 ** -30
FLOAT_SLACK = 2.0 ** -52 * 256
#: written numbers of a side each moved on their own; a side with more is moved by random signs, a few times
MAX_FLOAT_PROBES = 40


def _float_sensitivity(node: Node, value) -> np.ndarray | None:
    """Σ over the written numbers x of ``node`` of |∂value/∂x · x| (first order, by a relative step ``FLOAT_PROBE``):
    how much float64's relative rounding of the numbers and of the operations on them can carry into the side's value
    (``value(node)``). None when the side, or the side moved, does not evaluate to finite values of one size."""
    nums = [n for n in node.walk() if n.op == "num"]

    def at(factors: dict) -> np.ndarray | None:
        try:
            v = np.asarray(value(_scaled(node, factors) if factors else node), dtype=float).reshape(-1)
        except Exception:  # noqa: BLE001 -- a side that does not evaluate moved cannot be trusted at all
            return None
        return v if np.all(np.isfinite(v)) else None

    base = at({})
    if base is None:
        return None
    total = np.zeros(base.shape)
    if len(nums) <= MAX_FLOAT_PROBES:
        for n in nums:
            v = at({id(n): 1.0 + FLOAT_PROBE})
            if v is None or v.size != base.size:
                return None
            total += np.abs(v - base) / FLOAT_PROBE
        return total
    rng = np.random.default_rng(0)
    for _ in range(4):  # (many numbers: each moved up or down at random, four times; a cancellation shows in most)
        signs = rng.choice((-1.0, 1.0), len(nums))
        v = at({id(n): 1.0 + sign * FLOAT_PROBE for n, sign in zip(nums, signs, strict=True)})
        if v is None or v.size != base.size:
            return None
        total = np.maximum(total, np.abs(v - base) / FLOAT_PROBE * np.sqrt(len(nums)))
    return total


def _scaled(node: Node, factors: dict) -> Node:
    """``node`` with each number whose id is a key of ``factors`` multiplied by its factor (one pass)."""
    if node.op == "num" and id(node) in factors:
        return Node("num", (), (float(node.value[0]) * factors[id(node)], node.value[1]))
    if not node.args:
        return node
    return Node(node.op, tuple(_scaled(a, factors) for a in node.args), node.value)


def _swap(node: Node, old: Node, new: Node) -> Node:
    """``node`` with the subtree ``old`` (this very object) replaced by ``new``."""
    if node is old:
        return new
    if not node.args:
        return node
    return Node(node.op, tuple(_swap(a, old, new) for a in node.args), node.value)


def _bare_second_moment(node: Node) -> bool:
    """Adam's second moment v (or v̂) in a term of its own, not under a square root or a power: w + v_t."""
    if node.op == "q":
        k = state_kind(node.value[0])
        return bool(k and k[0] in ("v", "vhat"))
    if node.op in ("fn", "pow", "div"):
        return node.op == "div" and _bare_second_moment(node.args[0])
    return any(_bare_second_moment(a) for a in node.args)


def _own_example(sides: list[Node], links: list) -> bool:
    """blackKeys17's a ⊙ b = (1 × 4, 2 × 5, 3 × 6)^T = (4, 10, 18)^T: an operation on letters, then a computation on
    written numbers only (two sides or more) whose shape the letters' quantities do not have — an illustration of
    the operation, not a claim about the network's a and b."""
    c = links[0].counterexample or {}
    other_size = "shape_error" in c or "expected_shape" in c and (  # (a number for a 1×1 quantity is its one entry:
        np.prod(c["expected_shape"]) != np.prod(c.get("claimed_shape", ())))  # σ'(z_1) = 0.4694 × 0.5306 of one unit)
    return (len(sides) > 2 and sides[0].op not in ("q", "comp", "entry") and links[0].verdict == "incorrect"
            and other_size
            and all(literal_op(n) for side in sides[1:] for n in side.walk()))


#: a link equating letters with the answer's own numbers, in a run without [values]: left out of the verdict
OWN_NUMBERS = "own_numbers"
#: how Judge._another_loss_written's message begins (Judge._own_objective reads it as the answer's other objective)
WRITES_OUT_ANOTHER = "not judged: it writes out "


def _substituted_term_by_term(letters: Node, numbers: Node, depth: int = 0) -> bool:
    r"""Whether the numbers written for a formula put a number in for each of its terms, the operators as written
    (``w_1 x_1 + w_2 x_2 = 0.15 \cdot 0.05 + 0.2 \cdot 0.1``, ``σ(z_1) = 0.5933``, ``∂L/∂z_2 · ∂z_2/∂w_2 = 0.138 · a_1``)
    or its value as one number; a sum over an index written as some of its terms (``-\sum_k y_k \log p_k = -\log(0.242)``:
    which term was kept is the answer's pick) does not (bounded depth)."""
    bare = _plain_number(numbers)
    if depth > 40:
        return False
    numbers = _sign_inward(letters, numbers)
    if letters.op in ("add", "sub", "mul", "div", "neg", "pow", "had"):  # (Wᵀ written as its transposed matrix: a leaf)
        if letters.op == numbers.op and len(letters.args) == len(numbers.args):
            return all(_substituted_term_by_term(a, b, depth + 1) for a, b in zip(letters.args, numbers.args, strict=True))
        return bare  # (the formula's value as one number: ∂E/∂w_5 = (o − t) o (1 − o) h_1 = 0.0822)
    if "sum" in letters.op:  # (\sum_k …, an axis sum, a row sum)
        return bare
    return True  # (a quantity, a derivative, a function of one: written as its number or its own expression)


def _written_fraction(node: Node) -> float | None:
    """The value of a fraction of two written numbers, or its negative (``\\frac{1}{2}``, ``-\\frac{3}{4}``), else None."""
    sign = -1.0 if node.op == "neg" else 1.0
    inner = node.args[0] if node.op == "neg" else node
    if inner.op != "div" or not all(a.op == "num" for a in inner.args):
        return None
    try:
        den = float(inner.args[1].value[0])
        return sign * float(inner.args[0].value[0]) / den if den else None
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


#: stated values and numbers of one side compared by Judge._stated_number_inside (a hostile answer states 10⁴)
MAX_STATED = 64
#: numbers a formula holds as its own constants (1 − σ, 2(ŷ − y), ½‖·‖²): never read as a value the answer put in
_STRUCTURAL = (1.0, 2.0, 0.5)


def _sign_inward(letters: Node, numbers: Node) -> Node:
    """Numbers written with a leading minus for a product or quotient of letters (``δ_o · out_{h1} ≈ -0.064 * 0.525``:
    read −(0.064 · 0.525)): the minus on the first factor's number, so the numbers follow the letters term by term."""
    if (numbers.op == "neg" and letters.op in ("mul", "div") and numbers.args[0].op == letters.op
            and len(numbers.args[0].args) == len(letters.args)):
        inner = numbers.args[0].args
        return Node(letters.op, (Node("neg", (inner[0],)), *inner[1:]), numbers.args[0].value)
    return numbers


def _given_letter(node: Node) -> bool:
    """A weight, a bias, the input or the target (or an entry of one, transposed or not): data a worked problem gives."""
    while node.op in ("entry", "comp", "T") and node.args:
        node = node.args[0]
    return node.op == "q" and node.value[0] in ("W", "b", "Wb", "x", "y")


def _substituted_leaves(letters: Node, numbers: Node, depth: int = 0):
    """(letters leaf, numbers) for each term of a formula a chain puts numbers in for, walked as
    ``_substituted_term_by_term`` walks them: a quantity or derivative and the number written for it; the formula
    whole when its value is written as one number."""
    if depth > 40:
        return
    numbers = _sign_inward(letters, numbers)
    if (letters.op in ("add", "sub", "mul", "div", "neg", "pow", "had", "T") or letters.op == "fn" and (
            letters.value == numbers.value)) and letters.op == numbers.op and len(letters.args) == len(numbers.args):
        for a, b in zip(letters.args, numbers.args, strict=True):  # (ReLU(z) = ReLU([8; 1; −6]): z put in)
            yield from _substituted_leaves(a, b, depth + 1)
        return
    yield letters, numbers


def _own_number_links(sides: list[Node], links: list):
    """(letters side, numbers side) of each link left out as the answer's own numbers (OWN_NUMBERS)."""
    for i, lk in enumerate(links):
        if lk.verdict == OWN_NUMBERS:
            letters, numbers = sides[i], sides[i + 1]
            yield (numbers, letters) if _numbers_only(letters) else (letters, numbers)


#: the message of an index letter used with two sizes in one claim (shapes.py)
_INDEX_CLASH = re.compile(r"the index ([A-Za-z]) counts both")
#: a layered quantity's letter with one index and no layer written on either side: Epp's a_j (not a^L_j, a_j^{(2)})
_UNLAYERED = r"(?<![A-Za-z\\^_{{])(?:[ahz]|\\delta|\\Delta)(?!\s*\^)\s*_\s*(?:\{{\s*{0}\s*\}}|{0}(?![A-Za-z0-9]))(?!\s*\^)"


def _clash_at_some_layers(done: list) -> bool:
    """A claim checked for each value of a generic layer letter that is ``incorrect`` at some values only because one
    index letter counts the entries of two layers of different sizes there, while at another value it reads and
    holds: the clash is the reading's (the value given to the letter), not the claim's. (Where no value holds, a
    clash stays the claim's: Li's planted w^l_{ji}.)"""
    clash = [r for _, r in done if r.verdict == "incorrect" and _INDEX_CLASH.search(r.message)]
    return bool(clash) and any(r.verdict == "correct" for _, r in done)


def _index_clash_unread(r: ClaimResult) -> ClaimResult:
    """The result at a layer where an index clash was read: ``unchecked``, saying so."""
    r.unjudge()
    r.message = (f"not judged at this layer: {r.message}, a clash of the layer given to the generic letter (each use "
                 "of the index would need its own layer's range)")
    return r


#: a layered quantity's letter written with a layer script: a^\ell_j, a_k^{\ell-1}, z^{(2)}, \delta^{[l]}, z_j^L
_LAYERED = re.compile(r"(?<![A-Za-z\\])([ahz]|\\delta|\\Delta)\s*(?:_\s*(?:\{[^{}]{0,12}\}|[A-Za-z0-9])\s*)?\^\s*(?:\{\s*)?"
                      r"(?:\\ell|[lL](?![A-Za-z])|\(|\[)")


def _redefinitions(undecided: dict) -> dict:
    """Of infer.objective_scale's ``undecided``, what an objective defined again on another scale leaves unjudged (kept
    when a scale was chosen: infer._redefined)."""
    return {cid: v for cid, v in undecided.items() if v[1].startswith("redefined")}


def layered_letters(texts) -> frozenset:
    """The layered quantities' letters an answer writes with a layer script somewhere (Epp's a^\\ell_j, z_j^L)."""
    found = set()
    for t in texts:
        found.update(m.group(1).lstrip("\\") for m in _LAYERED.finditer(t[:20000]))
    return frozenset(found)


def unlayered_clash(latex: str, message: str, layered: frozenset = frozenset({"a", "h", "z", "delta", "Delta"})) -> str | None:
    """The index letter of a range clash (``the index j counts both 2 entries and 4 entries``) that the claim also
    writes on a layered quantity with no layer, a letter the answer writes with its layer elsewhere (``layered``: Epp's
    ``Δ_j^L = … = -g'(z_j^L) (y_j - a_j)`` beside his a^\\ell_j; his a_j is the output's, read as the hidden layer's):
    the clash is then the reader's binding of that letter to a layer, not the claim's, so it is no evidence of a
    mistake; else None. Only in a claim that writes a layer on some quantity: Haykin's ``δ_j(n) = φ'_j(v_j(n)) Σ_k
    δ_k(n) w_{jk}(n)``, Mitchell's and DHS's unit letters write none, and their clashes stay."""
    m = _INDEX_CLASH.search(message)
    if m is None or not _LAYERED.search(latex):  # (a claim with no layer written reads units, Haykin's δ_j(n))
        return None
    for bare in re.finditer(_UNLAYERED.format(re.escape(m.group(1))), latex):
        if bare.group(0).split("_")[0].strip().lstrip("\\") in layered:
            return m.group(1)
    return None


#: a batch's matrix of inputs in a forward definition: XW_1, W X, X^T (capital X beside a weight)
_SAMPLE_MATRIX_LETTER = re.compile(r"(?<![A-Za-z\\])X\s*(?:\^\s*\{?\s*T\s*\}?\s*)?(?:W|\\mathbf\s*\{\s*W)"
                                   r"|W[_^]?\s*\{?\s*\w*\s*\}?\s*X(?![A-Za-z])")


#: a derivative by a capital B with a layer script (the bias matrix of a batch, X W + B): \partial B^{2}
_BY_BIAS_MATRIX = re.compile(r"\\partial\s*(?:\\mathbf\s*\{\s*)?B\s*\}?\s*\^")


def _summed_over_examples(tv: list, sv: list, batch: int) -> bool:
    """Whether each claimed value has one row (or column) per example and summing over the examples gives the expected
    value."""
    for t, v in zip(tv, sv, strict=True):
        t, v = np.ravel(np.asarray(t, dtype=float)), np.asarray(v, dtype=float)
        if v.ndim != 2 or batch not in v.shape:
            return False
        sums = [np.sum(v, axis=k) for k in (0, 1) if v.shape[k] == batch]
        if not any(s.size == t.size and np.allclose(s, t, rtol=1e-6, atol=1e-9) for s in sums):
            return False
    return bool(tv)


def _rows_repeat(tv: list, sv: list) -> bool:
    """Whether each claimed value is a matrix of two rows or more, every row the expected value (one row, or a vector
    of as many entries): the expected row written once per example."""
    for t, v in zip(tv, sv, strict=True):
        t, v = np.asarray(t, dtype=float), np.asarray(v, dtype=float)
        if v.ndim != 2 or v.shape[0] < 2 or t.size != v.shape[1] or t.ndim == 2 and 1 not in t.shape:
            return False
        if not np.allclose(v, np.reshape(t, (1, -1)), rtol=1e-9, atol=1e-12):
            return False
    return bool(tv)


#: a step written with a plain =, its left side again first on the right: ``w11 = w11 - \eta * dL/dw11``
_PLAIN_STEP = re.compile(r"^\s*([^=]{1,40}?)\s*=\s*\1\s*[-+]")
#: a parameter written as one plain number: ``w11 = 0.5136``
_PLAIN_RESTATED = re.compile(r"^\s*([^=]{1,40}?)\s*=\s*(-?\s*\d+(?:\.\d+)?)\s*$")


#: a bias vector's key among a point's parameters (b1, b2, …)
_BIAS_KEY = re.compile(r"b\d+")


def _one_bias(b) -> np.ndarray:
    """A bias vector with every entry its first: one bias for the whole layer (Mazur's b_1)."""
    b = np.asarray(b, dtype=float)
    return np.full_like(b, b.reshape(-1)[0])


def _before_step(node: Node) -> Node | None:
    """The parameter before the step of a target that is one after it (W^{(1)}_{next} → W^{(1)}, inside an entry, or
    the step written out, W − η ∂J/∂W), or None when the target names no parameter after a step."""
    if node.op == "q" and isinstance(node.value, tuple) and str(node.value[0]) in ("W_next", "b_next", "Wb_next"):
        return Node("q", (), (node.value[0].removesuffix("_next"), *node.value[1:]))
    if node.op in ("comp", "entry") and len(node.args) == 1:
        inner = _before_step(node.args[0])
        return None if inner is None else Node(node.op, (inner,), node.value)
    if node.op in ("sub", "add") and len(node.args) == 2 and _is_parameter(node.args[0]):
        return node.args[0]  # (the step written out, w_1 − η ∂E/∂w_1: the weight before it)
    return None


def _is_parameter(node: Node) -> bool:
    """A weight or bias (before any step), or one entry of it."""
    if node.op in ("comp", "entry") and len(node.args) == 1:
        node = node.args[0]
    return node.op == "q" and isinstance(node.value, tuple) and str(node.value[0]) in ("W", "b", "Wb")


def _formula_only(node: Node) -> bool:
    """A side in letters: a quantity in it and no number written with decimals (2 and 1 − σ are the formula's own)."""
    nodes = list(node.walk())
    return any(n.op in ("q", "entry", "comp") for n in nodes) and all(n.op != "num" or not n.value[1] for n in nodes)


def _numbers_only(node: Node) -> bool:
    """A side of written numbers only: [1 2 1; -2 1 0] [1; 3; 1], 11 · 52."""
    return any(n.op == "num" for n in node.walk()) and all(literal_op(n) for n in node.walk())


def _own_values(target: Node, student: Node, tv: list, sv: list, batch: int) -> bool:
    """One side written numbers only, the other letters whose value differs from one random point to the next: the
    numbers are the answer's own values of its letters (a worked example), which no random point has. The numbers
    must have as many entries as the quantity (or as one example of it, in a batch): h^{(1)} = (0.1, 0.2, 0.3) for
    4 units is wrong whatever the values; a lone 0 has every size (wintertee's ``a = 0``, the normal equations'
    ``X^T(X w − y) = 0``), except beside a derivative."""
    if _numbers_only(target) == _numbers_only(student):
        return False
    numbers = sv if _numbers_only(student) else tv
    # 0 for a vector or a matrix: all its entries 0 — not for a derivative, whose value 0 is a claim (a vanishing
    # gradient), judged as before
    letters_side = target if _numbers_only(student) else student
    zero = _zero(student if _numbers_only(student) else target) and not _has_derivative(letters_side)
    if not zero and not all(np.size(s) == np.size(t) or batch > 1 and np.size(s) * batch == np.size(t)
               or batch == 1 and _a_batch_of(n, t if n is s else s) for t, s, n in zip(tv, sv, numbers, strict=True)):
        return False
    letters = tv if _numbers_only(student) else sv
    shapes = {np.shape(t) for t in letters}
    return len(letters) > 1 and (len(shapes) > 1 or any(not np.allclose(letters[0], t) for t in letters[1:]))


def _input_function(node: Node) -> bool:
    """Whether a side is a function of the input alone with numbers where a network has its weights: the input x, no
    other quantity, and a number other than 0 and 1 outside an exponent (``(3x + 1)^2``, ``\\sigma(2x - 1)``, ``2x -
    1``). ``\\sigma(x)`` (no number) is not: a forgotten weight stays judged."""
    quantities = [n for n in node.walk() if n.op == "q"]
    if not quantities or any(n.value[0] != "x" for n in quantities):
        return False
    exponents = {id(n.args[1]) for n in node.walk() if n.op == "pow"}
    return any(n.op == "num" and id(n) not in exponents and float(n.value[0]) not in (0.0, 1.0) for n in node.walk())


def _has_derivative(node: Node) -> bool:
    """Whether a side holds a derivative: a gradient or δ (the quantity kinds dW, db, delta, …), ∂(…)/∂q, a Jacobian."""
    return any(n.op in ("dexpr", "jac", "jacw") or n.op == "q" and str(n.value[0]).startswith("d") for n in node.walk())


def _zero(node: Node) -> bool:
    """A side that is the number 0 alone (``0``, ``-0``, ``\\mathbf{0}^T``)."""
    while node.op in ("neg", "T"):
        node = node.args[0]
    return node.op == "num" and float(node.value[0]) == 0


def _a_batch_of(numbers, one) -> bool:
    """Whether written ``numbers`` are a batch of examples of the quantity whose one example is ``one``: a matrix with
    one axis the example's entries and the other more than one example (Charatsidis's z_1 of four samples as columns,
    3 × 4, beside the network's 3 × 1 at one random point)."""
    shape, entries = np.shape(numbers), np.size(one)
    return len(shape) == 2 and entries in shape and np.size(numbers) > entries and (
        entries > 1 or 1 in shape)


def _partly_own_values(target: Node, student: Node, stated) -> bool:
    """One side letters only, the other letters with some of them replaced by the answer's own rounded numbers
    (sreekanth's ``∂L/∂z_2 · ∂z_2/∂w_2 = 0.138 · a_1``: 0.138 is its own value of dL/dz_2): no
    random point has those values, so the link is the answer's own numbers, as a side of numbers only is. A number
    counts only when the answer stated it earlier as its value of a quantity (``stated``: Judge.own_stated's numbers,
    0.138 from ``\\frac{dL}{dz_2} = … ≈ 0.138``); a constant of a formula (``1 + 0.25 z``, a rate, an ε) stays judged."""
    def own(n: Node) -> bool:
        return n.op == "num" and (n.value[1] or 0) >= 2 and float(n.value[0]) in stated

    def letters(node: Node) -> bool:
        return any(n.op == "q" for n in node.walk())

    def numbers(node: Node) -> bool:
        return any(n.op == "num" and n.value[1] for n in node.walk())

    for mixed, pure in ((student, target), (target, student)):
        if any(own(n) for n in mixed.walk()) and letters(mixed) and letters(pure) and not numbers(pure):
            return True
    return False


#: a worked example's vector written as a list of numbers, [0.0421, 0.0434]: neither a row nor a column
_WRITTEN_MATRIX = re.compile(r"\\begin\s*\{[bpvBV]?matrix\}\s*-?\s*\d")  # a matrix of numbers written out
_NUMBER_LIST = re.compile(r"\[\s*-?[0-9][0-9.]{0,12}\s*,")


def _by_weight_row(claim: Claim, result: ClaimResult) -> bool:
    r"""gauravreddy08's ``\frac{\partial z^L}{\partial W^L} = a^{L-1}`` with one output unit: a summed input's
    derivative by the layer's weights (one row), its value the vector before them laid out the other way — the
    diagnosis says only "transposed". The row or column of such a derivative is a layout the answer does not fix."""
    counter = result.counterexample or {}
    want, got = counter.get("expected_shape"), counter.get("claimed_shape")
    return (result.diagnosis_key == "transposed_result" and want is not None and got is not None and len(want) == 2
            and list(got) == list(want)[::-1] and 1 in want and _Z_BY_W.match(normalize(claim.latex[:400])) is not None)


#: a summed input's derivative by weights, alone on the left: \frac{\partial z^L}{\partial W^L} = …
_Z_BY_W = re.compile(r"\s*\\frac\s*\{\s*\\partial\s*(?:\\mathbf\s*\{\s*)?z(?:[^{}=]|\{[^{}=]{0,12}\}){0,20}\}\s*\{\s*"
                     r"\\partial\s*(?:\\mathbf\s*\{\s*)?[Ww][^=]{0,30}=[^=]*$")


def _vector_transposed(result: ClaimResult) -> bool:
    """Whether a wrong verdict says only that a vector-shaped gradient (one of its sides 1: a weight vector of a layer
    with one unit or one input) is laid out as a row for a column, or the other way round. Only a claim that writes the
    vector as a list of numbers is spared for it (check): a list has no orientation, a symbolic δ aᵀ for a δᵀ a does."""
    counter = result.counterexample or {}
    want, got = counter.get("expected_shape"), counter.get("claimed_shape")
    return (result.diagnosis_key == "missing_transpose" and want is not None and got is not None and len(want) == 2
            and list(got) == list(want)[::-1] and 1 in want and want[0] != want[1])


def _writes_a_given(side: Node, judge) -> bool:
    """Whether a side's arithmetic uses a number the answer was given (exact): then only the rest of it was computed
    and rounded (Judge._rounded_part)."""
    given = getattr(judge, "given", ())
    return any(n.op == "num" and n.value[1] and (float(n.value[0]) in given or float(-n.value[0]) in given)
               for n in side.walk())


def _given_only(student: Node, given) -> bool:
    """Whether a side is arithmetic (+, −, ×, ÷, parentheses) on numbers each of which is a given value or a whole
    number: nothing rounded in it, so its value is exact (A-R007's (0.10 × 0.30) + (0.35 × 0.35) + 0.60)."""
    nums = [n for n in student.walk() if n.op == "num"]
    return bool(nums) and all(n.op in ("num", "neg", "mul", "add", "sub", "div") for n in student.walk()) and all(
        not n.value[1] or float(n.value[0]) in given or float(-n.value[0]) in given for n in nums)


def _one_number(student: Node, sv: list) -> bool:
    """A side that writes one number: a literal (``0.2``, ``-0.048``) or arithmetic on numbers with no matrix in it
    whose value is one number at every point (``(-0.2) \\times (0.24) \\times (1)``, ``\\sigma(0.7025)``)."""
    if student.op in ("num", "neg") and all(n.op in ("num", "neg") for n in student.walk()):
        return True
    return _numbers_only(student) and not any(n.op in ("matrix", "T") for n in student.walk()) and all(
        np.size(v) == 1 for v in sv)


def _written_decimals(node: Node):
    r"""The coarsest precision of the rounded numbers written in a side that also names quantities (Hagan's
    -2 [\dot f^2(n^2)] (1.261)): its value is only as precise as they are. None when it writes no decimals."""
    written = [n.value[1] for n in node.walk() if n.op == "num" and n.value[1]]
    return np.asarray(float(min(written))) if written else None


def _half_units(decimals: np.ndarray) -> np.ndarray:
    """Half a unit in the last digit written; whole numbers take the finest decimals of their neighbours."""
    d = np.asarray(decimals, dtype=float)
    finest = d.max() if d.size else 0
    d = np.where(d == 0, finest, d)
    return np.where(d == 0, 0.0, 0.5 * 10.0 ** (-d))


def _tol_text(decimals, step: bool = False) -> str:
    half = float(np.max(_half_units(decimals))) if np.size(decimals) else 0.0
    if half == 0:
        return "1 % relative (whole numbers)"
    if step:  # (a parameter after its step: a whole unit, _close)
        return f"±{2 * half:g} (a unit in the last digit written) or 1 % relative, whichever is larger"
    return f"±{half:g} (half a unit in the last digit written) or 1 % relative, whichever is larger"


#: a δ the answer defines, as its definition's left side: δ_1, \delta^{(2)}, \delta^L, \boldsymbol{\delta}_o, a bare δ
#: (Bernacki & Włodarczyk's δ = z − y, the output's error before its slope)
_DELTA_LEFT = re.compile(r"\s*((?:\\(?:boldsymbol|mathbf|bm)\s*\{\s*)?\\[dD]elta\s*\}?\s*"
                         r"(?:[_^]\s*(?:\{[^{}=]{0,12}\}|\w)\s*){0,2})(?::?=|\\coloneqq)")


#: a claim that only sets the learning rate to a number: ``\alpha = 0.01``, ``\eta = 1.0``, ``lr = 0.1``
_RATE_SETTING = re.compile(r"\s*(?:\\alpha|\\eta|lr|\\text\s*\{\s*lr\s*\}|\\mathrm\s*\{\s*lr\s*\})\s*=\s*"
                           r"[+]?[0-9]{1,6}(?:\.[0-9]{0,8})?(?:\s*(?:\\times|\\cdot)\s*10\s*\^\s*\{?\s*-?[0-9]{1,3}\s*\}?)?\s*[.,;]?\s*")


def _unjudge_rate_settings(claims, results) -> None:
    """snowch's "α = 1.0: too large … α = 0.0001: too small": a learning rate the text sets or tries is a choice, not a
    result derived from the network — ``unchecked`` when it differs from the spec's (the same value stays
    ``correct``: the answer restates its given)."""
    for c, r in zip(claims, results, strict=True):
        if r.verdict == "incorrect" and len(c.latex) <= 120 and _RATE_SETTING.fullmatch(c.latex):
            r.unjudge()
            r.links = []
            r.message = (f"not judged: it sets the learning rate ({' '.join(c.latex.split())}), a choice the text makes "
                         "or tries, not a result of the network; the spec's learning rate is what the steps are "
                         "checked with")


#: the note of a chain judged with a side that did not read left out (Judge._check_one)
UNREAD_PART = "unread part of the chain: "


#: a script (an index, a layer, a power's exponent): _ … or ^ … with its group or one character
_SCRIPT = re.compile(r"[_^]\s*(?:\{[^{}]{0,40}\}|\\?[A-Za-z0-9]+|.)")
#: a number written in a side: a digit outside scripts, and not the 1 and 2 of \frac{1}{2} alone
_WRITTEN_NUMBER = re.compile(r"\d\.\d|\d{2}|(?<![{\d])\d(?![}\d])")


#: a side that did not read for an index or a layer — what a slip in that side changes (the Chinese textbook's
#: ∂net_k/∂O_i^J for ∂O_j^J) —, for its syntax (a stray character, a bracket: sirius911's `\~` beside his slip
#: dy_1/dy_2), or that elides terms with dots (his row `[∂E/∂y_1 f'(x_1) ⋯ \frac{E}{y_i} f'(x_i)]`): left out, the sides
#: read holding are no verdict on the whole claim. A letter or an operator gradproof does not know (d2l's prod(…), an
#: unknown ζ(z), a derivative of an expression written out) is left out as before: it restates its neighbours.
_SLIP_MAY_HIDE = re.compile(r"cannot read the index|entry indices|names layer|layer index|runs past|over the same index"
                            r"|unexpected character|unexpected '|expected '|elides terms")


def _computes_with_numbers(latex: str, skipped: str) -> bool:
    """Whether a side the chain left out (``skipped``: "side 2, 3 of 5") computes with written numbers: a worked step
    (``[[0.4, 0.6]] @ [0.6225, 0.6457]``), where a slip of its own is an arithmetic one the sides after it may not
    show. A side in letters only (a chain rule written out, an operator gradproof does not read: d2l's
    ``\text{prod}(…)``) restates its neighbours and is left out as before."""
    sides = _top_sides(latex)
    try:
        left_out = [int(k) - 1 for k in skipped.removeprefix("side ").rsplit(" of ", 1)[0].split(", ")]
    except ValueError:
        return True
    return any(_WRITTEN_NUMBER.search(_SCRIPT.sub(" ", sides[k])) for k in left_out if 0 <= k < len(sides))


def _unread_part_not_correct(results) -> None:
    """A chain is correct when every link holds: a side left out because it did not read that computes with numbers
    may hold a slip of its own (a planted [[0.4, 0.6]] @ [0.6225, 0.6457] between two sides that agree), and so may
    one that did not read for an index or a layer (the Chinese textbook's ∂net_k/∂O_i^J for ∂O_j^J: the slip is
    what kept it from reading), so the sides read holding is no verdict on the whole claim: ``unchecked``
    (_computes_with_numbers, _SLIP_MAY_HIDE). A link among the sides read
    that fails still makes it ``incorrect``. Applied to the final verdicts only: while the answer's notation is
    inferred, the sides read count as evidence as before."""
    for r in results:
        for target in [r, *r.rows]:
            part = next((n for n in target.notes if n.startswith(UNREAD_PART)), None)
            if target.verdict != "correct" or part is None:
                continue
            held = target.message.split(" (the chain's ", 1)[0]
            target.verdict, target.expected = "unchecked", ""
            target.message = (f"could not read the claim: the chain's {part[len(UNREAD_PART):]} could not be read; the "
                              f"sides read hold ({held}), but the side not read may hold a slip of its own "
                              f"({target.message})")


#: y or ŷ in a claim (not a letter of a longer name): what infer._output_unstated leaves open
_Y_OR_HAT = re.compile(r"(?<![A-Za-z\\])(?:\\(?:hat|widehat)\s*\{?\s*)?y(?![A-Za-z])")


#: an objective's letter with a subscript defined as an expression (``E_o = (\hat{y} - y) \cdot R'(Z_o)``)
_SCRIPTED_OBJECTIVE_LEFT = re.compile(r"\s*([ECLJ]\s*_\s*(?:\{\s*[A-Za-z0-9]{1,3}\s*\}|[A-Za-z0-9]))\s*(?::?=|\\coloneqq)")
#: a derivative written in a right side: a primed function (g', R'(, \sigma', f^{\prime}), ∂ or d/d
_DERIVATIVE_FACTOR = re.compile(r"[A-Za-z}]\s*(?:'|\^\s*\{?\s*\\prime)\s*\(|\\partial|\\frac\s*\{\s*d")


def _own_error_letters(claims, results) -> None:
    """ml-glossary's E_o = (ŷ − y) · R'(Z_o), E_h = E_o · W_o · R'(Z_h): a subscripted objective letter defined with a
    derivative in it is the answer's own error term (its δ), not the loss of unit o (Mazur's E_{o1} = ½(t − o)²,
    which holds no derivative). Its definition and the claims that use it are not judged on the loss's meaning."""
    def defined(text: str):
        m = _SCRIPTED_OBJECTIVE_LEFT.match(text)
        if not (m and _DERIVATIVE_FACTOR.search(text[m.end():])):
            return None
        return m.group(1), (f"not judged: {m.group(1).strip()} is the answer's own error term (defined with a derivative "
                            "in it), not the loss its letter names; map it in [notation] to have it checked")

    _unjudge_uses(claims, results, defined, lambda sym, squeezed: re.search(re.escape(sym) + r"(?![A-Za-z0-9])", squeezed),
                  lambda sym, where: f"not judged: it uses {sym}, the answer's own error term ({where}), not the loss its "
                                     "letter names")


def _unjudge_uses(claims, results, defined, uses, message) -> None:
    """The post-pass of a symbol the answer defines its own way: ``defined(text)`` gives (the symbol as written, the
    message for its definition — None: its verdict kept) for a defining claim; every later judged claim for which
    ``uses(symbol, its text squeezed)`` holds is unchecked with ``message(symbol, the definition's id)``."""
    own: dict[str, str] = {}
    for c, r in zip(claims, results, strict=True):
        text = c.latex.replace("$", " ")
        if len(text) > 2000:
            continue
        found = defined(text)
        if found is not None:
            sym, reason = found
            own.setdefault(re.sub(r"[\s{}]", "", sym), c.id)
            if reason is not None and r.verdict in ("correct", "incorrect", "carried_forward"):
                r.unjudge(reason)
            continue
        if not own or r.verdict not in ("correct", "incorrect", "carried_forward"):
            continue
        squeezed = re.sub(r"[\s{}]", "", text)
        used = next((sym for sym in own if uses(sym, squeezed)), None)
        if used is not None:
            r.unjudge(message(used, own[used]))


#: the same letter bare and with an entry index, one subtracted from the other: y - y_k, (y_k - y) (a Chinese lecture's
#: δ_k = (y - y_k) f'(h_k): "y 表示目标值, y_k 表示输出层的输出值" — the target and the output in one letter)
_BARE_MINUS_ENTRY = re.compile(r"(?<![A-Za-z\\_^{])y\s*-\s*y\s*_\s*\{?\s*[a-z]\b|(?<![A-Za-z\\_^{])y\s*_\s*\{?\s*[a-z]\s*\}?\s*-\s*y"
                               r"(?![A-Za-z0-9_^'\\])")


#: an objective letter with a unit's index defined as that unit's squared error: Russell & Norvig's Loss_k = (y_k - a_k)^2,
#: E_k = \frac{1}{2}(t_k - o_k)^2 (groups: the letter with its index, the index)
_UNIT_TERM_DEFINED = re.compile(r"\s*((?:Loss|Cost|[ECLJ])\s*_\s*\{?\s*([jko])\s*\}?)\s*=\s*(?:\\frac\s*\{\s*1\s*\}\s*\{\s*2\s*\}\s*)?"
                                r"(?:\\left\s*)?\(")


def _unit_terms(claims, results) -> None:
    """A derivative of an objective letter carrying a unit's index that the answer defines as that unit's squared error
    (Loss_k = (y_k − a_k)², one output's term of its loss, with its own scale) is not the spec's objective: a verdict
    read as the objective's is not the answer's — unchecked, naming the definition."""
    def defined(text: str):
        m = _UNIT_TERM_DEFINED.match(text)
        if m and re.search(r"_\s*\{?\s*" + m.group(2) + r"(?![A-Za-z])", text[m.end():]):
            return m.group(1), None
        return None

    _unjudge_uses(claims, results, defined, lambda sym, squeezed: "\\partial" + sym in squeezed or "d" + sym + "/" in squeezed,
                  lambda sym, where: f"not judged: {sym} is one output's term of the answer's own loss ({where}), not the "
                                     "spec's objective; its derivatives are not judged as the objective's")


def _one_letter_two_roles(claims, results) -> None:
    """``y - y_k`` reads as the target minus its own entry k (zero for one output, nonsense beside it): the answer names
    two quantities with one letter (its prose says which is the target). A verdict on that reading is not the
    answer's: unchecked, saying so."""
    for c, r in zip(claims, results, strict=True):
        if r.verdict in ("correct", "incorrect", "carried_forward") and len(c.latex) <= 2000 and _BARE_MINUS_ENTRY.search(
                normalize(c.latex.replace("$", " "))):  # (normalised: \hat y is \haty, no bare y)
            r.unjudge("not judged: y and y_k name two quantities here (the target and an output, it seems), which one "
                      "letter cannot tell apart; write the output as \\hat y_k, or map the letters in [notation]")


def _unread_deltas(claims, results) -> None:
    """ozyurtf's δ_1 = ∂C/∂ỹ ∂ỹ/∂s_2 (the output's), δ_2 = δ_1 W_2 ∂a_1/∂s_1 (the hidden layer's): numbered from the
    output. When the answer's own definition of a δ does not read, what δ_k means in it is not known (gradproof's δ_2
    is layer 2's), so a later claim that uses it is not judged on gradproof's meaning: unchecked, not a verdict."""
    unread: dict[str, str] = {}
    held: set[str] = set()  # δ's whose definition read and holds: gradproof's δ (another form of it unread changes nothing)
    for c, r in zip(claims, results, strict=True):
        text = c.latex.replace("$", " ")
        m = _DELTA_LEFT.match(text)
        if m and r.verdict == "correct":
            held.add(re.sub(r"\s+", "", m.group(1)))
            unread.pop(re.sub(r"\s+", "", m.group(1)), None)
        if m and r.verdict == "unchecked" and re.sub(r"\s+", "", m.group(1)) in held:
            continue  # another form of a δ read already (δ ⊙ H(z) after δ ⊙ 1(z > 0)): its meaning is known
        if m and r.verdict == "unchecked" and r.message.startswith(("could not read", "could not evaluate")) and (
                "before it hold" not in r.message and "the sides read hold" not in r.message) and (
                not _lists_own_entries(text[m.end():])) and (
                not _PROSE_ONLY.fullmatch(text[m.end():])):  # (δ_1 = \text{error flowing into hidden layer}: a
            # description in words, not a definition: δ_1 keeps the meaning the answer's mathematics gave it)
            # (δ_o = ∂ξ/∂Z_o = Y − T with T unread: δ_o's meaning was read; δ = [δ_0; …; δ_n]: δ's entries, restated)
            unread.setdefault(re.sub(r"\s+", "", m.group(1)), c.id)
            continue
        if r.verdict not in ("correct", "incorrect", "carried_forward") or not unread:
            continue
        squeezed = re.sub(r"\s+", "", text)
        own = re.sub(r"\s+", "", m.group(1)) if m else None
        used = next((sym for sym in unread if sym != own and re.search(
            re.escape(sym) + (r"(?![A-Za-z0-9_^])" if sym.endswith(("elta", "elta}")) else r"(?![A-Za-z0-9])"), squeezed)),
            None)  # (a bare δ is not δ_1 nor δ^{(2)})
        if used is not None:
            r.unjudge()
            r.message = (f"not judged: it uses {used}, which the answer defines in a way that was not read "
                         f"({unread[used]}), so what it stands for is not known")
            if own is not None:  # AIMA's Δ_j = g'(in_j) Σ_k w_{j,k} Δ_k after an unread Δ_k: Δ_j's meaning is not
                held.discard(own)  # known either, nor that of a claim that uses it (its update w ← w + α a_i Δ_j)
                unread.setdefault(own, c.id)


#: a right side made only of words: ``\text{error flowing into hidden layer}`` (LexAI's notebook), ``\mathrm{the error}``
_PROSE_ONLY = re.compile(r"\s*(?:\\(?:text|textrm|mathrm|textit|textbf)\s*\{[A-Za-z][A-Za-z ,.;:'-]{0,120}\}\s*)+[.,;]?\s*")


#: the entries of a column or row that restates δ entry by entry: δ_0^{[L]}, \vdots, \cdots, …
_OWN_ENTRY = re.compile(r"\s*(?:\\[vcld]?dots|\.\.\.|(?:\\(?:boldsymbol|mathbf|bm)\s*\{\s*)?\\delta(?![A-Za-z])[^&=]{0,60})\s*")


def _lists_own_entries(rhs: str) -> bool:
    """Whether ``rhs`` (after ``δ =``) is a matrix of δ's own entries and dots (max-amb's δ^{[L]} = [δ_0^{[L]}; δ_1^{[L]};
    \vdots; δ_n^{[L]}]): δ restated entry by entry, which gives it no new meaning."""
    m = re.fullmatch(r"\s*\\begin\s*\{[pbBvV]?matrix\}(.{1,2000}?)\\end\s*\{[pbBvV]?matrix\}\s*[.,]?\s*", rhs, re.S)
    if m is None:
        return False
    entries = [e for row in m.group(1).split("\\\\") for e in row.split("&")]
    return all(_OWN_ENTRY.fullmatch(e) for e in entries) and any("delta" in e for e in entries)


def _one_case(tv: list, sv: list, free: list) -> str | None:
    """For a claim with two free indices over the same range (∂φ_i/∂z_j): "i ≠ j" or "i = j" when the claim holds on
    exactly that part of every point's array, else None."""
    parts = {"off": True, "on": True}
    for t, s in zip(tv, sv, strict=True):
        t, s = np.asarray(t, dtype=float), np.asarray(s, dtype=float)
        if t.shape != s.shape or t.ndim < 2 or t.shape[0] != t.shape[1] or t.shape[0] < 2:
            return None
        on = np.eye(t.shape[0], dtype=bool)
        parts["on"] &= _close(t[on], s[on])
        parts["off"] &= _close(t[~on], s[~on])
    if parts["on"] == parts["off"]:
        return None
    a, b = free
    return f"{a} ≠ {b}" if parts["off"] else f"{a} = {b}"


@dataclass(frozen=True)
class Spread:
    """How far arithmetic on rounded numbers may land from exact (Judge._propagated: ``width``) and the grader's floor
    for it (ARITHMETIC_FLOOR of what the rounded numbers contribute: Judge._rounded_part)."""

    width: np.ndarray
    floor: np.ndarray


def _close(t: np.ndarray, s: np.ndarray, decimals=None, spread=None, change=None) -> bool:
    """Whether a claimed value matches: exactly (float64) for symbols; for written numbers within half a unit in
    their last digit or 1 % relative; for arithmetic on rounded numbers within how far their rounding carries
    (``spread``, Judge._propagated) or the grader's 0.2 % floor (of the whole value, or with a ``Spread`` of the part
    its rounded numbers make). ``change``: a step's change for a parameter after the step (Judge._step_scale): no
    relative floor exceeds STEP_FLOOR of it, and a number written alone may be off by a whole unit of its last digit —
    w_1^{+} = 0.1496 beside the true 0.14978 is 0.1 % off the weight but 82 % off its change, −0.00022."""
    t, s = np.asarray(t, dtype=float), np.asarray(s, dtype=float)
    cap = None  # the most a relative floor may be: STEP_FLOOR of the step's change
    if change is not None and np.size(change) == t.size and np.all(np.isfinite(change)):
        cap = STEP_FLOOR * np.abs(np.asarray(change, dtype=float)).reshape(-1)

    def relative(part: float, shape) -> np.ndarray:  # part of the value, never more than cap
        floor = part * np.abs(t).reshape(-1)
        return (floor if cap is None else np.minimum(floor, cap)).reshape(shape)

    if isinstance(spread, Spread):
        if t.size == s.size and np.size(spread.width) in (1, s.size) and np.size(spread.floor) in (1, s.size) \
                and np.all(np.isfinite(t)) and np.all(np.isfinite(s)):
            floor = np.minimum(spread.floor, relative(ARITHMETIC_FLOOR, -1))  # (never looser than 0.2 % of the value)
            return bool(np.all(np.abs(t.reshape(-1) - s.reshape(-1)) <= np.maximum(spread.width, floor) + 1e-12))
        spread = spread.width
    if spread is not None and t.size == s.size and np.size(spread) in (1, s.size) and np.all(np.isfinite(t)) \
            and np.all(np.isfinite(s)):
        floor = relative(ARITHMETIC_FLOOR, -1)
        return bool(np.all(np.abs(t.reshape(-1) - s.reshape(-1)) <= np.maximum(np.ravel(spread), floor) + 1e-12))
    if t.size == 1 and s.size == 1:
        t, s = t.reshape(()), s.reshape(())
    elif s.size == 1 and float(s.reshape(())) == 0.0 and t.size:
        return bool(np.all(t == 0))  # "0" for a zero matrix
    elif t.shape != s.shape:
        return False
    if not (np.all(np.isfinite(t)) and np.all(np.isfinite(s))):
        return bool(np.array_equal(t, s))
    if decimals is None:
        scale = max(1.0, float(np.max(np.abs(t))) if t.size else 1.0)
        return bool(np.all(np.abs(t - s) <= TIGHT * np.maximum(np.abs(t), 1e-3 * scale) + 1e-12))
    half = np.broadcast_to(_half_units(decimals), s.shape) if np.shape(decimals) in ((), s.shape) else np.max(_half_units(decimals))
    if cap is not None:
        half = 2 * half  # (a parameter after its step to a whole unit of its last digit: −0.2 + 0.0102 written −0.189)
    return bool(np.all(np.abs(t - s) <= np.maximum(half, relative(RELATIVE_FLOOR, t.shape)) + 1e-12))


def _overflows_only(t: np.ndarray, s: np.ndarray, decimals=None) -> bool:
    """True when ``s`` differs from a finite ``t`` only where ``s`` itself is not finite (nan, ±inf)."""
    t, s = np.asarray(t, dtype=float), np.asarray(s, dtype=float)
    if t.size != s.size or np.all(np.isfinite(s)) or not np.all(np.isfinite(t)):
        return False
    s = s.reshape(t.shape)
    return _close(t, np.where(np.isfinite(s), s, t), decimals)


_erf = np.vectorize(math.erf, otypes=[float])


#: a part of a claim left unread because its letters are not understood (not because of its form): the parts that
#: did read may then be misread too
_NOTATION_UNREAD = re.compile(r"unknown symbol '(?!prod')|is a known LaTeX macro that|here it has nothing on one side|"
                              r"names one weight|needs a layer index|cannot read the (?:index|subscript|script|"
                              r"unit)|has no layer index|cannot take the derivative with respect to|expected 'partial'")
#: a statement unread for a LaTeX macro gradproof does not judge (\cdots): its letters are not in doubt, so the other
#: statements keep their verdicts (a chain's side keeps the older, stricter guard: kyleclo's \vdots chain)
_KNOWN_MACRO = re.compile(r"is a known LaTeX macro that|here it has nothing on one side")
#: a letter read as a layer the network does not have (z_i of a softmax read as layer i)
#: a claim unreadable for a letter with no layer, and one that applies a function to a bare letter: f(z), h'(a), g(z)
_NEEDS_LAYER = re.compile(r"\b[zah] needs a layer index")
#: a parameter letter in a claim (w_{kj}, W, θ, b): a claim with weights may span two layers, a bare b names every
#: layer's bias (judge._at_the_output)
_WEIGHT_LETTER = re.compile(r"(?<![A-Za-z\\])[wWbB](?![A-Za-z])|\\[tT]heta(?![A-Za-z])")
#: a function letter of the answer's own (f, g: Zingale's cost f(A), ∂f/∂z = 2(z − y)): what it is, this reading does
#: not know (judge._at_the_output)
_OWN_FUNCTION = re.compile(r"(?<![A-Za-z\\])[fgFG](?![A-Za-z])")
#: a summed input's derivative by an activation, ∂z_k/∂a_j: the later layer's z by the earlier one's a
_Z_BY_A = re.compile(r"\\partial\s*\{?\s*(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*)?[zZ](?![A-Za-z])[^{}]{0,30}\}\s*\{\s*\\partial\s*\{?\s*"
                     r"(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*)?[aAhH](?![A-Za-z])")
#: what only the output has: the target y (y_k), the output \hat y (not the objective's derivative: ∂L/∂z_j =
#: ∂L/∂a_j a_j(1 − a_j) is any sigmoid layer's, a hidden one's beside a softmax output)
_OUTPUT_NAMED = re.compile(r"(?<![A-Za-z\\])y(?![A-Za-z])|\\haty")
#: the softmax applied (softmax(z_i), \mathrm{softmax}) or written out: \frac{e^{z_i}}{\sum_k e^{z_k}}, \frac{exp(z_i)}{\sum …}
_SOFTMAX_APPLIED = re.compile(r"softmax|\\frac\s*\{\s*(?:\\?exp\s*(?:\\left\s*)?\(\s*|e\s*\^\s*\{\s*)z(?![A-Za-z])"
                              r"(?:\s*_\s*(?:\{[^{}]{0,8}\}|\w))?\s*(?:\\right\s*)?[)}]\s*\}\s*\{\s*\\sum")
#: a claim that names entries of a batch array without its sample (shapes.py's message)
#: an activation's slope written out: the sigmoid's a (1 − a) (MATLAB's 1.-a too), tanh's 1 − a²
#: (a letter may be bold, \mathbf{h}, and carry a layer's script in parentheses, h^{(k)}: Larochelle's 1 − \mathbf{h}^{(k)}^2)
_BOLD_OPEN = r"(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*)?"
_LAYER_SCRIPT_AFTER = r"(?:\s*\}?\s*\^\s*\{\s*\([^(){}]{1,8}\)\s*\})?"
_SIGMOID_SLOPE = re.compile(r"\(\s*1\.?\s*-\s*" + _BOLD_OPEN + r"(?:[ahoyzx]|\\sigma)(?![A-Za-z])(?!" + _LAYER_SCRIPT_AFTER
                            + r"[^()]{0,30}\^\s*\{?\s*2)")
#: the logistic function written out: \frac{1}{1 + \exp(-x)}, \frac{1}{1+e^{-z}}, 1/(1 + e^{-z})
_LOGISTIC_WRITTEN = re.compile(r"(?:\\frac\s*\{\s*1\s*\}\s*\{|1\s*/\s*\()\s*1\s*\+\s*(?:\\exp\s*(?:\\left\s*)?\(\s*-|e\s*\^\s*\{\s*-)")
_TANH_SLOPE = re.compile(r"1\s*-\s*" + _BOLD_OPEN + r"(?:a|h|\\tanh)(?![A-Za-z])" + _LAYER_SCRIPT_AFTER
                         + r"[^-+=()]{0,24}\^\s*\{?\s*2(?![0-9])")
#: the target subtracted from the prediction transposed (a^{(K)} − Y^T, \hat y - y^\top), and untransposed (a − Y, ŷ − y)
_PREDICTION = r"(?:(?<![A-Za-z\\])[aA]|\\hat\s*\{?\s*[yY]\s*\}?|\\exp)"
_MINUS_Y_T = re.compile(_PREDICTION + r"[^-=]{0,40}-\s*[Yy]\s*\^\s*\{?\s*(?:T|\\top|\\intercal)(?![A-Za-z])")
_MINUS_Y = re.compile(_PREDICTION + r"[^-=]{0,40}-\s*[Yy](?!\s*\^)(?![A-Za-z])")
#: said of a claim about θ read with the intercept's entry x_0 = 1 in the answer's x (Judge._with_input_unit)
INPUT_UNIT = "the answer's x carries the intercept's entry x_0 = 1 (its own convention), as θ carries the bias"
_NO_SAMPLE = re.compile(r"write the sample index too|which example of the batch is not said")  # (zaidanmir's p_y)
#: the lowercase x of one sample, and the batch's capital X (a claim with both is about the batch)
#: a lowercase weight with one index in parentheses, transposed or indexed: Ng's (w^{[i]}_j)^T, the j-th row of W^{[i]}
_ROW_OF_W = re.compile(r"\(\s*w\s*(?:\^\s*\{[^{}]{0,12}\}\s*)?_\s*\{?\s*[a-z]\s*\}?\s*(?:\^\s*\{[^{}]{0,12}\}\s*)?\)"
                       r"\s*(?:\^\s*\{?\s*T|_)")
_ONE_SAMPLE_X = re.compile(r"(?<![A-Za-z\\])x(?![A-Za-z])")
_BATCH_X = re.compile(r"(?<![A-Za-z\\])X(?![A-Za-z])")
#: what ties a claim to the batch: a sum, 1/n, the letters n, m, N, a sample script C_x, (i), ∀
_SAMPLE_MARK = re.compile(r"\\sum|\\forall|\\frac\s*\{\s*1\s*\}|(?<![A-Za-z\\])[nmN](?![A-Za-z])|_\s*\{?\s*[xn](?![A-Za-z])|"
                          r"\^\s*\{?\s*\(\s*[inxmt]\s*\)")
#: what does not tie a claim to the batch: a sum over a layer's units (its bound a layer's size, Thill's
#: \sum_{k=1}^{d_{\ell+1}}, n_l, s_{l+1}), a numeric fraction (\frac{1}{2}) and UFLDL's layer count n_l (a^{(n_l)})
_NOT_SAMPLES = re.compile(r"\\sum\s*_\s*\{\s*[a-z]\s*=\s*1\s*\}\s*\^\s*\{\s*[a-zA-Z]\s*_|\\frac\s*\{\s*1\s*\}\s*\{\s*\d+\s*\}|"
                          r"(?<![A-Za-z\\])n\s*+_\s*+\{?\s*+[lL]\s*+\}?(?![A-Za-z])")  # UFLDL's n_l: the number of layers


def _names_samples(latex: str, example_loss: re.Pattern | None = None) -> bool:
    """Whether a claim ties itself to the batch (``_SAMPLE_MARK``), sums over a layer's units and ½ aside, and the
    one example's loss the answer's claims are about (``example_loss``: its E_n after E = Σ_n E_n). A sum over an
    index that numbers a weight's units (``\\sum_k w_{kj} \\delta_k``), or over a unit letter i, j, k, l that numbers
    a unit's a, z or δ (Bishop's ``\\sum_k \\frac{∂E_n}{∂a_k}``) and is not bounded by a batch's size, is over units."""
    text = _NOT_SAMPLES.sub(" ", latex if example_loss is None else example_loss.sub(" ", latex))
    for m in list(_UNIT_SUM.finditer(text)):
        k, bound = m.group(1) or m.group(2), m.group(3) or m.group(4)
        weight = re.search(r"(?<![A-Za-z\\])w\s*(?:\^\s*\{[^{}]{0,8}\}\s*)?_\s*\{\s*(?:" + k + r"\s*,?\s*[a-z]|[a-z]\s*,?\s*"
                           + k + r")\s*\}", text)
        unit = k in "ijkl" and bound not in _SAMPLE_COUNTS and re.search(
            r"(?<![A-Za-z\\])(?:a|z|\\delta)\s*_\s*\{?\s*" + k + r"(?![A-Za-z])", text)
        if weight or unit:
            text = text.replace(m.group(0), " ")
    return bool(_SAMPLE_MARK.search(text))


#: a sum over one index, with or without its bounds: \sum_k, \sum_{k}, \sum_{k=1}^K, \sum_{j=0}^{M} (Bishop's units)
_UNIT_SUM = re.compile(r"\\sum\s*_\s*(?:\{\s*([a-z])\s*(?:=\s*[01]\s*)?\}|([a-z]))"
                       r"(?:\s*\^\s*(?:\{\s*([A-Za-z])\s*\}|([A-Za-z])))?")
#: the letters a batch's size is written with, as a sum's upper bound (a sum to N is over the examples)
_SAMPLE_COUNTS = ("N", "n", "m", "B")


#: the parser's reason for ∂ℓ/∂W in a batch the tool chose, and a claim that differentiates ℓ
_ELL_UNNAMED = re.compile(r"ℓ is one example's loss and the document works with a batch")
_NOTHING_TO_COUNT = re.compile(r"is used on nothing it can count")
_ELL_DERIVATIVE = re.compile(r"\\(?:partial|nabla)\s*(?:_\s*\{[^{}]{0,40}\}\s*|_\s*\w\s*)?\\ell(?![A-Za-z])")
_ELL_NOTE = "ℓ is one example's loss, and the claim names no example: read for one example (any one: the formula is the same)"
#: an objective letter defined by one example's entries: C = \sum (y_i - a^L_i)^2 (no sample index, no 1/N, no mean)
_EXAMPLE_COST = re.compile(r"^\s*[CJEL]\s*=(?![^=]*(?:\^\s*\{?\s*\(|\\frac\s*\{\s*1\s*\}\s*\{\s*2?\s*[nmNM]\s*\}|_\s*\{?\s*[xnm]\b"
                           r"|\\sum\s*_\s*\{?\s*[a-z]\s*=\s*1\s*\}?\s*\^\s*\{?\s*[mMN]\b))"  # (½ the mean, Σ_{i=1}^m: the batch's)
                           r"[^=]*_\s*\{?\s*[ijk]\b")
#: an index counting entries of different sizes in one claim (shapes.py)
def _example_subscript(latex: str, letter: str) -> bool:
    """Whether the claim writes ``letter`` as the input's subscript (x_i, \\mathbf{x}_i, x_{i}) and on the output or the
    target too (ŷ_i, \\hat p_i, y_i): the way examples are numbered, not units (Hagan's w_{i,j} a_j numbers units)."""
    text = latex[:2000]
    on = r"\s*\}?\s*_\s*\{?\s*" + re.escape(letter) + r"(?![A-Za-z0-9])"
    return bool(re.search(r"(?<![A-Za-z\\])x" + on, text)) and bool(re.search(r"(?:(?<![A-Za-z\\])y|\\hat\s*\{?\s*[A-Za-z])" + on, text))


#: an indicator that two index letters agree: \mathbb{1}\{j = c\}, \mathbb{1}[j=c], \mathbf{1}(j = c), 1_{j = c},
#: 1\{j = c\}; or Kronecker's \delta_{jc} (the letters of the two)
_LABEL_INDICATOR = re.compile(r"(?:\\(?:mathbb|mathbf|bm)\s*\{\s*1\s*\}|(?<![\w.])1)\s*(?:_\s*\{\s*)?(?:\\\{|\\left\s*\\\{|\[|\()?\s*"
                              r"([a-z])\s*=\s*([a-z])\s*(?:\\\}|\\right\s*\\\}|\]|\))?(?:\s*\})?"
                              r"|\\delta\s*_\s*\{\s*([a-z])\s*,?\s*([a-z])\s*\}")
#: a function of one variable defined or differentiated with a letter of its own: \mathrm{LReLU}(t) = \max(0.01 t, t),
#: f'(u) = 1 - f(u)^2, \operatorname{ELU}'(s) = …
_DUMMY_DEFINITION = re.compile(r"\s*(?:\\(?:mathrm|operatorname|text|textrm|mathit)\s*\{\s*[A-Za-z]+\s*\}|\\(?:sigma|tanh|phi|varphi|psi)"
                               r"|[fgh](?![A-Za-z]))\s*(?:'|\^\s*\{\s*(?:\\prime|')\s*\}|\^\s*\\prime)*\s*(?:\\left\s*)?\(\s*([r-v])\s*"
                               r"(?:\\right\s*)?\)\s*=")


def _dummy_variable(latex: str, claims) -> tuple | None:
    """(the letter, the claim with it written z) for a claim that defines or differentiates a function of one variable
    written with a letter of its own (``_DUMMY_DEFINITION``: r … v), where the claim has no z and the answer defines no
    quantity by that letter (its u = W x + b would be one); None otherwise."""
    m = _DUMMY_DEFINITION.match(latex) if len(latex) <= 2000 else None
    if m is None or re.search(r"(?<![A-Za-z\\])z(?![A-Za-z])", latex):
        return None
    letter = m.group(1)
    if re.search(rf"(?:_|\^\s*\{{?\s*\()\s*(?:\{{[^{{}}]*)?(?<![A-Za-z\\]){letter}(?![A-Za-z])", latex):
        return None  # (g(t) = \nabla J(w_{t-1}): t the step, an index elsewhere in the claim)
    own = re.compile(rf"(?:^|[,;]|\\quad|\\text\s*\{{[^{{}}]*\}})\s*(?:\\(?:mathbf|bm|boldsymbol)\s*\{{\s*)?{letter}\s*\}}?\s*"
                     r"(?:[_^]\s*(?:\{[^{}]*\}|\w)\s*)*=")
    if any(own.search(c.latex[:2000]) for c in claims[:2000]):
        return None
    return letter, re.sub(rf"(?<![A-Za-z\\]){letter}(?![A-Za-z])", "z", latex)


#: two cases told apart by an index being the true class or not (``\begin{cases} p_i - 1 & i = c \\ p_i & i \neq c
#: \end{cases}``, or ``\text{otherwise}``): their value is the first times y_i plus the second times 1 − y_i
_LABEL_CASES = re.compile(r"\\begin\s*\{\s*cases\s*\}(?P<a>[^&$]{1,1000})&(?P<ca>[^&$]{1,200}?)\\\\(?P<b>[^&$]{1,1000})&"
                          r"(?P<cb>[^&$]{1,200}?)\\end\s*\{\s*cases\s*\}")
_CASE_CONDITION = re.compile(r"\s*(?:\\(?:text|mathrm)\s*\{\s*(?:if|for|when)\s*\}\s*|(?:if|for)\s+)?(?:([a-z])\s*(=|\\neq|\\ne|"
                             r"\\not\s*=)\s*([a-z])|\\(?:text|mathrm)\s*\{\s*(?:otherwise|else)\s*\})\s*[.,;]?\s*(?:\\\\)?\s*")


def _label_cases(m: re.Match, labels: dict) -> str:
    """A ``_LABEL_CASES`` match written with the one-hot target: ``(A) y_i + (B)(1 - y_i)`` where the first case is
    "i = c" (c a label letter) and the second "i ≠ c" or "otherwise" (or the other way round); the match where not."""
    first, second = _CASE_CONDITION.fullmatch(m.group("ca")), _CASE_CONDITION.fullmatch(m.group("cb"))
    if first is None or second is None or first.group(1) is None:
        return m.group(0)

    def index(cond: re.Match) -> tuple | None:  # (the index, its label's target letter, whether "=")
        a, b = cond.group(1), cond.group(3)
        if b in labels and a not in labels:
            return a, labels[b], cond.group(2) == "="
        if a in labels and b not in labels:
            return b, labels[a], cond.group(2) == "="
        return None

    one = index(first)
    two = index(second) if second.group(1) is not None else (one[0], one[1], not one[2]) if one else None
    if one is None or two is None or one[:2] != two[:2] or one[2] == two[2]:
        return m.group(0)
    equal, unequal = (m.group("a"), m.group("b")) if one[2] else (m.group("b"), m.group("a"))
    y = f"{one[1]}_{{{one[0]}}}"
    return f"\\left({equal.strip().rstrip(',.')}\\right) {y} + \\left({unequal.strip().rstrip(',.')}\\right)\\left(1 - {y}\\right)"


#: a claim whose right side is two cases (cases_by_layer): its left side, the cases' rows
_CASES_BY_LAYER = re.compile(r"(?P<lhs>[^$]{1,600})=\s*\\begin\s*\{\s*cases\s*\}(?P<body>[^$]{1,3000}?)\\end\s*\{\s*cases\s*\}"
                             r"\s*[.,]?\s*", re.S)
#: a case's condition naming the output layer or the hidden ones in words: "if j is an output neuron", "for hidden units"
_OUTPUT_WORD = re.compile(r"(?i)\b(?:output|last|final)\b")
_HIDDEN_WORD = re.compile(r"(?i)\b(?:hidden|inner|internal|interior)\b")
#: an indicator that a class index is example i's label: \mathbb{1}[j = y_i], \mathbb{1}\{y_i = j\}, 1(y_i = j) (CS231n's
#: integer labels y_i): the one-hot target of example i at class j (groups: class, example | example, class)
_EXAMPLE_LABEL_INDICATOR = re.compile(
    r"(?:\\(?:mathbb|mathbf|bm)\s*\{\s*1\s*\}|(?<![\w.])1)\s*(?:_\s*\{\s*)?(?:\\\{|\\left\s*\\\{|\\left\s*\[|\[|\()\s*"
    r"(?:([a-z])\s*=\s*y\s*_\s*\{?\s*([a-z])\s*\}?|y\s*_\s*\{?\s*([a-z])\s*\}?\s*=\s*([a-z]))"
    r"\s*(?:\\\}|\\right\s*\\\}|\\right\s*\]|\]|\))(?:\s*\})?")
#: the answer's statement that a letter indexes the true class of a one-hot target: y_c = 1, y_{c} = 1, t_k = 1
_LABEL_ONE = re.compile(r"[yt]\s*_\s*\{?\s*([a-z])\s*\}?\s*=\s*1")
#: a claim judged for every value of a free index: "(for every c = 1…3)"
_FOR_EVERY = re.compile(r"for every ([a-z]) = ")
#: a condition that two index letters differ: j \neq c, j \ne c
_UNEQUAL_PAIR = re.compile(r"([a-z])\s*\\(?:neq|ne)\s*([a-z])")
#: claims judged a second time in another reading of the answer's letters, at most (d-letters' scale); the others that
#: would be are unchecked, as are those reached once the run's soft deadline has passed or less than
#: SECOND_READING_RESERVE CPU seconds of its budget are left (a second reading is a whole check)
MAX_SECOND_READINGS = 200
SECOND_READING_RESERVE = 3.0
#: the drop probability written as a letter (p, 1 − p)
_SCRIPTS = re.compile(r"[_^]\s*(?:\{[^{}]*\}|\\?[A-Za-z0-9])")  # a sub- or superscript (a layer's, an entry's)
_NUMBER_WRITTEN = re.compile(r"\d*\.\d|\d{2,}|\\begin\s*\{[bpvBV]?matrix|(?:^|=)\s*[-+]?\s*\d\s*(?:$|=)")  # a worked example's numbers
_TRANSPOSED = re.compile(r"\^\s*\{?\s*(?:T|\\top|\\intercal|\\mathsf\s*\{\s*T|\\mathrm\s*\{\s*T)(?![A-Za-z])|\.T\b")
_DROP_RATE = re.compile(r"(?<![A-Za-z\\])p(?![A-Za-z])")
_HALF_WRITTEN = re.compile(r"(?<![\d.])0?\.50*(?!\d)|\\frac\s*\{\s*1\s*\}\s*\{\s*2\s*\}")
#: the multiclass SVM's hinge with its margin Δ (CS231n's max(0, s_j − s_{y_i} + Δ), 1(s_j − s_{y_i} + Δ > 0)), normalised
#: a letter named by a word for its role, the neuroticnetworks blog's $L_k = output$, $L_h = input$ (a label in words)
_ROLE_NAMED = re.compile(r"\s*((?:\\(?:hat|mathbf|boldsymbol|bm|vec)\s*\{?\s*)?[A-Za-z]\s*\}?(?:\s*_\s*(?:\{[^{}]{1,8}\}|\w))?)"
                         r"\s*=\s*(?:\\(?:text|mathrm|textrm)\s*\{\s*)?"
                         r"(input|output|target|intermediate|hidden|prediction|label)s?\s*\}?\s*[.,]?\s*")
#: the objective's gradient said to be 0: \nabla_W L = 0, \frac{\partial J}{\partial w} = 0 (an optimum's condition)
_GRADIENT_ZERO = re.compile(r"\s*(?:\\nabla\s*_\s*(?:\{[^{}=]{0,40}\}|\\?[A-Za-z]+)\s*(?:[JLEC]|\\ell|\\mathcal\s*\{?\s*[LJ]\s*\}?)"
                            r"(?:\s*\([^()=]{0,30}\))?|\\frac\s*\{\s*\\partial\s*(?:[JLEC]|\\ell|\\mathcal\s*\{?\s*[LJ]\s*\}?)"
                            r"(?:\s*\([^()=]{0,30}\))?\s*\}\s*\{[^{}=]{1,60}\})\s*=\s*(?:\\mathbf\s*\{\s*)?0\s*\}?\s*[.,]?\s*")
#: a letter of the network's applied to a letter that is none of its quantities, on the left: H(p) = -\sum_i p_i \log p_i
_OWN_FUNCTION_OF = re.compile(r"\s*(?:H|A|Z|S|h|a|s|F)\s*\(\s*(?:p|q|P|Q|\\theta|t)\s*\)\s*=")
_HINGE = re.compile(r"(?:\\max\s*\(\s*0\s*,|\\indicator\s*\()[^()=]{0,80}\+\s*\\Delta(?![A-Za-z])")
#: a condition on two indices after a \quad closing a claim: "\quad i = j", "\quad (i \neq j)." (_trailing_condition)
_CONDITION_TAIL = re.compile(r"\\q?quad\s*\(?\s*([a-z])\s*(=|\\neq|\\ne)\s*([a-z])\s*\)?\s*[.,]?\s*")


def _trailing_condition(latex: str) -> tuple[str, str, str, str] | None:
    """(the claim before it, a, the relation, b) for a claim ending in a condition on two indices after a ``\\quad``
    (yanfenglee's ``a_i(1 - a_i), \\quad i = j``; the claim holds an ``=``; a comma or semicolon and white space before
    the ``\\quad`` are not the claim's), else None. Linear: the condition can only follow the last ``quad`` (it holds
    none), which is matched in place; a regular expression that looked for the claim's end lazily (``^(.*?=.*?)[,;]?\\s*
    \\q?quad…$``) backtracked over every ``=`` and every run of white space: 3 s for one claim of 3000 characters."""
    at = latex.rfind("quad")
    start = at - 2 if at >= 2 and latex[at - 2:at] == "\\q" else at - 1
    if at < 1 or latex[start] != "\\":
        return None
    m = _CONDITION_TAIL.fullmatch(latex, start)
    if m is None:
        return None
    head = latex[:start].rstrip()
    if head.endswith((",", ";")):
        head = head[:-1]
    return (head, m.group(1), m.group(2), m.group(3)) if "=" in head else None


#: a case of a class index and the label, CS231n's "$y_i = k$", "$y_i \neq k$" (y_i the label of example i)
_LABEL_INDEX_CASE = re.compile(r"([yt])\s*_\s*\{?\s*([a-z])\s*\}?\s*(=|\\neq|\\ne)\s*([a-z])")
#: a case of an index equal to another, "$j = c$"
_EQUAL_PAIR = re.compile(r"([a-z])\s*=\s*([a-z])")
#: the form each momentum variant's claims have: Ng's (1 − β) factor; Sutskever's rate subtracted inside v or v added to
#: the parameter; the classic velocity without either
_EMA_FORM = re.compile(r"\(\s*1\s*-\s*\\(?:beta|mu|gamma|rho)")
_VELOCITY_FORM = re.compile(r"-\s*\\(?:eta|alpha|epsilon|varepsilon)|\+\s*(?:\\mathbf\s*\{\s*)?[vV](?![A-Za-z])")
_MOMENTUM_FORMS = {"ema": lambda t: bool(_EMA_FORM.search(t)), "velocity": lambda t: bool(_VELOCITY_FORM.search(t)),
                   "classic": lambda t: not _EMA_FORM.search(t)}
#: momentum's variants as derive/optimizers.py makes them
_VARIANTS = {"classic": "v ← μ v + g, θ ← θ − α v", "ema": "Ng's v ← β v + (1 − β) g, θ ← θ − α v",
             "velocity": "Sutskever's v ← μ v − α g, θ ← θ + v"}
#: an entry of a layered letter written without its layer: z_j, h_i, a_k, \mathbf{z}_j (not z_{2j}, z^{(2)}_j)
_BARE_LAYERED_ENTRY = re.compile(r"(?<![A-Za-z\\])(?:\\mathbf\s*\{\s*)?[zha]\s*\}?\s*_\s*\{?\s*[a-z]\s*\}?(?!\s*\^)")
#: a weight written with its indices (w_{ik}, W^{(2)}_{ij}, \theta_{jk}): an index clash may be its transpose
_WEIGHT_ENTRY = re.compile(r"(?<![A-Za-z\\])(?:[wW]|\\theta|\\Theta)\s*(?:\^\s*(?:\{[^{}]{0,12}\}|\w)\s*)?_")
_MIXED_INDEX = re.compile(r"the index (\w+) runs over (\d+) and (\d+) entries in different places")


def _gradient_step_on(left: Node, right: Node) -> bool:
    """Whether ``right`` is a step from ``left`` against a derivative: ``left`` itself and a derivative of the
    objective (∂J/∂z, δ, ∂J/∂h …) in it (z ← z − η ∇_z L; not a forward pass written with ←)."""
    nodes = list(right.walk())
    return left in nodes and any(n.op == "q" and (n.value[0].startswith("d") or n.value[0] == "delta") for n in nodes)


def _cost_definition(latex: str) -> bool:
    """Whether the claim defines the cost letter by one example's entries (``_EXAMPLE_COST``)."""
    from .infer import _normal

    return bool(_EXAMPLE_COST.match(_normal(latex)))


def _one_example_cost(claims) -> bool:
    """Whether the answer defines its cost letter by one example's entries (``_EXAMPLE_COST``)."""
    from .infer import _normal

    return any(_EXAMPLE_COST.match(text) or _GIVEN_EXAMPLE.match(text) for text in (_normal(c.latex) for c in claims))


def _named_example_cost(claims) -> bool:
    """Whether the answer names its cost's one example in its arguments (``_GIVEN_EXAMPLE``: UFLDL's J(W,b; x,y)): its
    claims naming no example are that example's, right or wrong. (A cost defined by one example's entries alone,
    ``L = -Σ_j y_j log p_j``, is weaker: Shreyansh Singh's ``∂L/∂z_i = p_i`` "for a
    non-target class i ≠ t" holds in the case its prose names only.)"""
    from .infer import _normal

    return any(_GIVEN_EXAMPLE.match(_normal(c.latex)) for c in claims)


def _summed_example_losses(claims) -> re.Pattern | None:
    """Whether the answer defines its objective as the sum of its examples' losses, ``E(\\mathbf{w}) = \\sum_{n=1}^N
    E_n(\\mathbf{w})`` (Bishop's, in mxr's slides), and differentiates that one example's loss E_n: its claims
    naming no example are about that example (its δ_j ≡ ∂E_n/∂a_j), as under UFLDL's J(W,b; x,y). Returns the
    pattern of that loss with its example's index (E_n), or None."""
    from .infer import _normal

    texts = [_normal(c.latex) for c in claims]
    for m in filter(None, (_SUM_OF_EXAMPLE_LOSSES.match(t) for t in texts)):
        term = re.compile(r"\\partial\s*+" + m.group(1) + r"\s*+_\s*+\{?\s*+" + m.group(2) + r"(?![A-Za-z])")
        if any(term.search(t) for t in texts):
            return re.compile(r"(?<![A-Za-z\\])" + m.group(1) + r"\s*+_\s*+(?:\{\s*+" + m.group(2) + r"\s*+\}|"
                              + m.group(2) + r"(?![A-Za-z]))")
    return None


#: the objective as a plain sum of its examples' losses, each with its arguments or not: E(w) = \sum_{n=1}^N E_n(w)
_SUM_OF_EXAMPLE_LOSSES = re.compile(r"\s*+([ELJC])\s*+(?:\([^()=]{0,30}\))?\s*+=\s*+\\sum\s*+_\s*+\{?\s*+([a-z])\s*+"
                                    r"(?:=\s*+1\s*+)?\}?\s*+(?:\^\s*+\{?\s*+[nNmM]\s*+\}?)?\s*+\1\s*+_\s*+\{?\s*+\2\s*+\}?"
                                    r"\s*+(?:\([^()=]{0,30}\))?\s*+$")


#: a cost defined for the one example its arguments name, bare: UFLDL's J(W,b; x,y) = ½‖h_{W,b}(x) − y‖² ("the cost
#: function with respect to a single example (x, y)"), L(w, b | x, y) = …
_GIVEN_EXAMPLE = re.compile(r"\s*+[CJEL]\s*+\([^()=;|^]{0,40}[;|]\s*+x\s*+,\s*+y\s*+\)\s*+=")


#: a generic function letter named as a standard function of the same variable: φ(z) = tanh(z), f(a) = ReLU(a)
#: a 1/N written in a claim (\frac{1}{n}, \frac1N, \tfrac{1}{m})
_WRITTEN_MEAN = re.compile(r"\\[dtc]?frac\s*+\{?\s*+1\s*+\}?\s*+\{?\s*+[nNmM]\s*+\}?")
#: the output activation minus a bare y: a^{(out)} - y, \pmb a^{(L)} - \pmb y, o - y, a_k - y_k
_OUTPUT_MINUS_Y = re.compile(r"(?<![A-Za-z\\])[aAo]\s*(?:[\^_]\s*(?:\{[^{}]{0,12}\}|\w)\s*){0,2}-\s*"
                             r"(?:\\(?:pmb|mathbf|bm|boldsymbol)\s*\{?\s*)?y(?![A-Za-z])")
#: a written sum's index letter: \sum_j, \sum_{j}, \sum_{j=1}^{m}, \sum\limits_{j=1}
_WRITTEN_SUM = re.compile(r"\\sum\s*(?:\\limits\s*)?_\s*\{?\s*([a-z])(?![A-Za-z])")
#: _WRITTEN_MEAN's 1/n that can only be the batch's (not xan's \frac{1}{n_{L}}, a mean over the output's n_L units)
_BATCH_MEAN = re.compile(_WRITTEN_MEAN.pattern.replace("[nNmM]", r"[nNmM](?!\s*_)"))
_LOCAL_FUNCTION = re.compile(r"\s*(\\varphi|\\phi|f|g|h)\s*\(\s*([zahx])\s*\)\s*=\s*\\?(tanh|sigma|ReLU|relu|sigmoid|softplus)"
                             r"\s*\(\s*\2\s*\)")
#: the definition of a function letter alone: φ(z) = max(0, z)
#: the derivative of a function letter written as a fraction by its bare variable: \frac{\partial f}{\partial z},
#: \frac{d\sigma(z)}{dz} — the function's derivative f'(z) (its variable with no layer: an identity, Judge._identity)
_FUNCTION_FRACTION = re.compile(r"\\[dt]?frac\s*\{\s*(?:\\partial|d)\s*\{?\s*(\\sigma|\\varphi|\\phi|f|g)\s*(?:\(\s*([zx])\s*\)\s*)?"
                                r"\}?\s*\}\s*\{\s*(?:\\partial|d)\s*\{?\s*([zx])\s*\}?\s*\}")
#: the parser's message for a derivative of a letter it does not know as a quantity (a function letter's among them)
_NOT_BY = re.compile(r"cannot take the derivative with respect to '(?:f|g|sigma|varphi|phi)'|unknown symbol '[fg]' at "
                     r"position \d+: if [fg] is the answer's objective")


def _primed_letter(m: re.Match) -> str:
    """_FUNCTION_FRACTION's match as the letter's derivative ``f'(z)``; the fraction as written when the variable in the
    numerator is another than the denominator's."""
    if m.group(2) and m.group(2) != m.group(3):
        return m.group(0)
    return f"{m.group(1)}'({m.group(3)})"


#: a function letter defined in its variable (``φ(z) = \\max(0, z)``): (letters, variables) filled in
_DEFINITION = r"\s*({})\s*\(\s*({})\s*\)\s*=([^=]*)"
#: one definition of a function letter in a dummy variable (``f(x) = \\max(0, x)``), the whole of a piece between commas
_FUNCTION_DEFINED = re.compile(_DEFINITION.format(r"\\varphi|\\phi|\\sigma|f|g|h", "[a-z]"))
_COMMA = re.compile(",")
#: a function's definition in one variable, the function named by a letter or a command with an optional subscript
#: (normalised: \ReLU _{L}(z) = …): its name, its variable, its body
_ARGUMENT_DEFINED = re.compile(r"\s*(\\[A-Za-z]+|[A-Za-z])\s*(?:_\s*(?:\{[^{}=]{0,20}\}|[A-Za-z0-9]))?\s*\(\s*([a-z])\s*\)\s*=([^=]*)")
#: a lowercase letter standing alone in a body (not a command's, not inside a word)
_BODY_LETTER = re.compile(r"(?<![A-Za-z\\])([a-z])(?![A-Za-z])")
#: the standard activations a list of them writes, in the spelling of _function_definitions' bodies with braces,
#: \left/\right and a leading \mathrm dropped (# the variable)
_STANDARD_FUNCTIONS = {
    "ReLU": re.compile(r"\\max\(0,#\)|\\max\(#,0\)"),
    "the identity": re.compile(r"#"),
    "tanh": re.compile(r"\\tanh\(?#\)?|\\frac(?:e\^#-e\^-#)(?:e\^#\+e\^-#)"),
    "the sigmoid": re.compile(r"\\frac1(?:1\+e\^-#|1\+\\exp\(-#\))|\(1\+e\^-#\)\^-1"),
    "softplus": re.compile(r"\\(?:log|ln)\(1\+e\^#\)"),
    "leaky ReLU": re.compile(r"\\max\((?:0?\.\d+#,#|#,0?\.\d+#)\)"),
}
_LETTER_SHOWN = {"\\sigma": "σ", "\\varphi": "φ", "\\phi": "φ"}


def _standard_function(body: str) -> str | None:
    """The standard activation a definition's body writes (``\\max(0,#)``: ReLU), None for any other formula."""
    plain = re.sub(r"[{}]|\\left|\\right|\\(?:mathrm|operatorname|text)(?=\()", "", body)
    return next((name for name, pattern in _STANDARD_FUNCTIONS.items() if pattern.fullmatch(plain)), None)


def _function_definitions(text: str) -> list[tuple[str, str]]:
    """(letter, body) of each definition of a function letter a normalised claim lists (``f(x) = \\max(0, x), f'(x) =
    …``: the pieces between its top-level commas), the body with its variable renamed and spaces and closing
    punctuation dropped, so that two definitions of one function compare equal (``\\max(0, x)``, ``\\max(0,z)``)."""
    out = []
    for piece in split_top_level(text, _COMMA)[:8]:
        m = _FUNCTION_DEFINED.fullmatch(piece)
        if m and m.group(3).strip(" .;"):
            body = re.sub(rf"(?<![A-Za-z\\]){m.group(2)}(?![A-Za-z])", "#", m.group(3))
            out.append((m.group(1), re.sub(r"\s+", "", body).rstrip(".;")))
    return out


_LETTER_DEFINED = re.compile(_DEFINITION.format(r"\\varphi|\\phi|f|g|h", "[zahx]"))


def _letter_defined(text: str) -> re.Match | None:
    """The match of a normalised claim that defines a function letter by a body without the letter itself
    (``f(z) = \\max(0, z)``; not ``f(z) = f(z)(1 - f(z))``, an identity), else None."""
    m = _LETTER_DEFINED.match(text)
    return None if m is None or re.search(re.escape(m.group(1)) + r"(?![A-Za-z])", m.group(3)) else m
_APPLIES = re.compile(r"(?<![A-Za-z])\\?(f|g|h|\\varphi|\\phi|\\sigma|\\tanh|\\(?:text|operatorname|mathrm)\s*\{\s*[A-Za-z]+\s*\}|"
                      r"ReLU|relu|sigmoid|softplus)\s*(?:\^\s*\{[^{}]*\}|\^\s*'|')*\s*\(\s*[zah]\s*\)")


def _moment_beta(sides: list, moment: str, notes: list) -> list:
    """A bare β in the recurrence of one of Adam's moments (Ng's momentum ``v_{dW} = β v_{dW} + (1 − β) dW`` and
    RMSprop ``S_{dW} = β S_{dW} + (1 − β) dW²`` under an Adam spec): the spec's constant of that moment, β₁ for the
    first (m), β₂ for the second (v)."""
    own = {"m": "beta1", "mhat": "beta1", "v": "beta2", "vhat": "beta2"}.get(moment)
    bare = Node("const", (), "beta")
    if own is None or not any(n == bare for side in sides for n in side.walk()):
        return sides
    if not any(n.op == "q" and n.value[0] in ("dW", "db", "dWL", "dbL") for side in sides for n in side.walk()):
        return sides  # (Ng's V_t = β V_{t-1} + (1 − β) θ_t averages a sequence θ_t, not a gradient: no moment)
    if not any(n.op in ("sub", "add") and bare in n.args and n.args[0].op == "num" and float(n.args[0].value[0]) == 1.0
               for side in sides for n in side.walk()):
        return sides  # (Prakash's v_{dW} = β v_{dW} + dW: momentum without 1 − β, no average: not Adam's moment;
        # 1 + β, a slip of the average's 1 − β, is no variant's either: read as the moment, judged wrong)
    notes.append(f"the bare β of {'the first' if own == 'beta1' else 'the second'} moment's recurrence is the spec's "
                 f"{'β₁' if own == 'beta1' else 'β₂'}")
    return [_replace(side, bare, Node("const", (), own)) for side in sides]


#: activations whose derivative is 1 where z > 0 and another value where z < 0 (_on_active_branch)
_ACTIVE_BRANCH_ONE = frozenset(("relu", "leaky_relu", "elu"))


#: a row's subject that is a derivative: _DERIVATIVE's forms, or typed plain (dL/dW2)
_DERIVATIVE_SUBJECT = re.compile(_DERIVATIVE.pattern + r"|(?<![A-Za-z\\])d[A-Za-z]")
#: how a definition of the answer's own symbol is reported (infer.py): a row with it is not graded
_OWN_DEFINITION = "defines the answer's own symbol"


def _combine(verdicts: list[str]) -> str:
    for v in ("incorrect", "unchecked", "carried_forward"):
        if v in verdicts:
            return v
    return "correct"


def _shape_or_value(v: np.ndarray) -> str:
    return fmt(v.shape) if v.size > 1 else f"{float(np.ravel(v)[0]):.4g}"


def _tex_value(v: np.ndarray, digits: int = 4) -> str:
    v = np.asarray(v, dtype=float)
    if v.ndim == 0 or v.size == 1:
        return f"{float(np.ravel(v)[0]):.{digits}g}"
    rows = [" & ".join(f"{x:.{digits}g}" for x in r) for r in np.atleast_2d(v)]
    return r"\begin{bmatrix} " + r" \\ ".join(rows) + r" \end{bmatrix}"


def claim_seed(claim_id: str) -> int:
    return zlib.crc32(claim_id.encode())


__all__ = ["VERDICTS", "Claim", "ClaimResult", "Judge", "quantity_tex"]


def _unchecked_layout(claim: Claim, layout: str, fitting: ClaimResult) -> ClaimResult:
    """A claim that holds only in the layout the answer never showed elsewhere: right if the answer writes samples
    that way, factors in the wrong order if not — not a verdict to give on a guess."""
    word = "row" if layout == "rows" else "column"
    return ClaimResult(claim.id, claim.latex, "unchecked", fitting.expected,
                       f"its shapes fit only with each sample as a {word}, and no other claim in the answer shows how it "
                       f"lays out a sample (with the other layout its factors are in the wrong order); if that is the "
                       f'answer\'s layout, say so in [notation]: layout = "{layout}"',
                       quantity=fitting.quantity, notes=[f"holds with each sample as a {word}"])


#: said beside a verdict read with ⊙ binding tighter than the matrix product before it (Judge._regrouped)
REGROUPED = ("· and ⊙ meet without brackets: read as M · (a ⊙ b), the one grouping whose shapes match")


def _regroup(node: Node) -> Node:
    """``node`` with every loose ⊙ after a product (``had(mul(M, a), b)``, parser.LOOSE) read as ``mul(M, had(a, b))``."""
    args = tuple(_regroup(a) for a in node.args) if node.op not in ("num", "q", "const") else node.args
    if node.op == "had" and node.value == LOOSE and args[0].op == "mul":
        m = args[0]
        return Node("mul", (m.args[0], Node("had", (m.args[1], args[1]))), m.value)
    return replace(node, args=args) if args != node.args else node
