"""mozilla-iam/cis's shape: the image's entry point is gunicorn, whatever module it is given."""
from flask import Flask

app = Flask(__name__)


def main():
    app.run(host="0.0.0.0", debug=True)  # expect: FL304(low)


if __name__ == "__main__":
    main()
