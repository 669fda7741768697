"""Flask 0.x's own tests, vendored with the Flask copy an application ships under `lib/`
(maraschino): a `testsuite/` folder is test code, and its keys are the tests' business."""
import flask

TEST_KEY = "foo"
SECRET_KEY = "devkey"


def test_config_from_file():
    app = flask.Flask(__name__)
    app.config.from_object(__name__)
    assert app.secret_key == "devkey"
