"""ORES's `applications/wsgi.py` shape: `wsgi.py` is how the app is served, but this `run()`
starts the debugger on every interface whoever calls it, and a compose file may publish it."""
import sys

from . import app


def run(host, port):
    app.run(host=host, port=port, debug=True)  # expect: FL304(medium)


def main(argv):
    run(argv[1], int(argv[2]))


if __name__ == "__main__":
    main(sys.argv)
