"""`gradproof demo`: the whole pipeline on the reference network writes its outputs and learns iris."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET

import numpy as np

from gradproof import demo
from gradproof.cli import main


def test_iris_is_bundled_and_well_formed():
    X, Y, classes = demo.load_iris()
    assert X.shape == (150, 4) and Y.shape == (150, 3) and classes == ["setosa", "versicolor", "virginica"]
    assert np.all(Y.sum(axis=1) == 1) and np.all(Y.sum(axis=0) == 50)
    X_train, Y_train, X_test, Y_test = demo.split(X, Y)
    assert len(X_train) + len(X_test) == 150
    assert np.allclose(X_train.mean(axis=0), 0) and np.allclose(X_train.std(axis=0), 1)


def test_demo_end_to_end(tmp_path, capsys):
    out = tmp_path / "demo"
    assert main(["demo", "--out", str(out)]) == 0
    text = capsys.readouterr().out
    assert (out / "reference_mlp.tex").is_file() and (out / "reference_mlp.py").is_file()
    if shutil.which("pdflatex"):
        assert (out / "reference_mlp.pdf").read_bytes().startswith(b"%PDF")
    svg = ET.parse(out / "training_curve.svg").getroot()
    assert svg.tag.endswith("svg") and len(svg.findall("{http://www.w3.org/2000/svg}polyline")) == 2
    # the generated module really learned: its own test accuracy, recomputed here from its forward pass
    from gradproof.codegen.loader import import_path

    net = import_path(out / "reference_mlp.py")
    X, Y, _ = demo.load_iris()
    X_train, Y_train, X_test, Y_test = demo.split(X, Y)
    params = net.init_params(seed=demo.SEED)
    history = net.train(params, X_train, Y_train, epochs=demo.EPOCHS, batch_size=demo.BATCH, seed=demo.SEED,
                        learning_rate=demo.LEARNING_RATE)
    assert history["loss"][-1] < history["loss"][0] / 10
    Y_hat, _ = net.forward(params, X_test)
    accuracy = float(np.mean(Y_hat.argmax(axis=1) == Y_test.argmax(axis=1)))
    assert accuracy > 0.85
    assert f"test accuracy {accuracy:.1%}" in text
    assert "4. gradproof verify examples/answers/homework.toml" in text and "✗" in text
