"""The app factory, and a `__main__` server for developers: production runs `wsgi.py`."""
from flask import Flask


def create_app():
    app = Flask(__name__)

    @app.get("/")
    def index():
        return "bills"

    return app


def main():
    app = create_app()
    app.run(host="0.0.0.0", debug=True)  # expect: FL304(low)


if __name__ == "__main__":
    main()
