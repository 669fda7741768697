import pytest

from app import create_app


@pytest.fixture
def app():
    app = create_app()
    app.config["SECRET_KEY"] = "Qa1Ws2Ed3Rf4Tg5Yh6Uj7Ik8Ol9Pz0Xc"
    app.config["TESTING"] = True
    return app
