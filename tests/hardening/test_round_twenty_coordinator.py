"""Hostile input, round twenty (issue 12): the twentieth round's readers on what a submission can make them do.

- ``scalargraph``: a document of hundreds of sums with many products each is read in one pass per layer (it had a pass
  per sum), and definitions past MAX_DEFINITIONS are not read;
- ``layerdots``: dots between blocks whose layers are far apart write at most MAX_LAYERS blocks (beyond: unread);
- momentum's other variants are tried only for a claim of that variant's form (each try is a whole check: a document
  of 400 wrong classic claims cost twice the time and ran out of the run's budget).
Counts, not wall times, are asserted."""

from __future__ import annotations

from types import SimpleNamespace


def test_scalar_graph_reads_a_bounded_number_of_definitions(monkeypatch):
    from gradproof.verify import scalargraph
    from gradproof.verify.document import extract

    body = "".join(f"$$a_{{{k}}} = f(" + "+".join(f"m_{{{j}}}x_{{{j % 9 + 1}}}" for j in range(40)) + f"+b_{{{k}}})$$\n\n"
                   for k in range(1, 99)) * 6
    claims = extract(body)
    texts = [c.latex for c in claims]
    assert len(texts) > scalargraph.MAX_DEFINITIONS
    assert sum(1 for _ in scalargraph._definitions(texts)) == scalargraph.MAX_DEFINITIONS
    net = SimpleNamespace(inputs=2, depth=2, convention="row", layers=[SimpleNamespace(units=3, activation="sigmoid"),
                                                                         SimpleNamespace(units=2, activation="sigmoid")])
    assert scalargraph.ScalarGraphReading.detect(net, claims) is None  # (not this network: nothing rewritten)


def test_dots_between_far_layers_are_not_written_out():
    from gradproof.verify import layerdots
    from gradproof.verify.parser import RELATIONS, tokenize

    claim = tokenize(r"\delta = W^{l} \sigma^{l} \cdots W^{L} \sigma^{L} g")

    def at(last):  # the layer a script names with l = 1 and the last layer L = last
        return lambda toks: {"l": 1, "L": last}.get("".join(t.text for t in toks if t.text not in "{}"))

    written = layerdots.expand(claim, at(5), RELATIONS)
    assert written is not None and sum(t.text == "W" for t in written) == 5
    assert layerdots.MAX_LAYERS < 900 and layerdots.expand(claim, at(900), RELATIONS) is None


def test_momentum_variants_are_tried_only_for_their_form(tmp_path, monkeypatch):
    from gradproof.verify import judge as judge_module
    from gradproof.verify.cli import verify_file

    tried = []
    real = judge_module.Judge._check_layouts

    def counting(self, claim):
        if self._variant_of is not None:
            tried.append(claim.id)
        return real(self, claim)

    monkeypatch.setattr(judge_module.Judge, "_check_layouts", counting)
    spec = ('name = "m"\nconvention = "row"\ninputs = 3\n[[layers]]\nunits = 4\nactivation = "tanh"\n[[layers]]\n'
            'units = 2\nactivation = "sigmoid"\n[loss]\nname = "binary_cross_entropy"\n[optimizer]\nname = "momentum"\n'
            'learning_rate = 0.1\nmomentum = 0.9\n')
    body = "".join(f"$$v_{{t}} = \\beta v_{{t-1}} + {k + 2} \\nabla_W J \\tag{{c{k}}}$$\n\n" for k in range(30))
    body += "$$v_{t} = \\beta v_{t-1} + (1-\\beta) \\nabla_W J \\tag{ema}$$\n"
    (tmp_path / "spec.toml").write_text(spec)
    (tmp_path / "a.md").write_text(body)
    results, _, _ = verify_file(str(tmp_path / "a.md"), str(tmp_path / "spec.toml"))
    verdicts = {r.id: r.verdict for r in results}
    assert all(verdicts[f"c{k}"] == "incorrect" for k in range(30)) and verdicts["ema"] == "unchecked"
    assert set(tried) == {"ema"}  # (the 30 wrong classic claims: no variant tried)
