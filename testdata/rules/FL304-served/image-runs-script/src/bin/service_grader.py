import os

from flask import Flask


def main():
    app = Flask(__name__)
    app.run(debug=True, port=7862, host=os.environ.get("HOST", "0.0.0.0"))  # expect: FL304(medium)


if __name__ == "__main__":
    main()
