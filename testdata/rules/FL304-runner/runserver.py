"""A runner script (Fedora's `runserver.py`): it builds no app and starts the one it imports at
its top level, so no WSGI server imports it and what it sets is for development."""
import argparse

from app import app

parser = argparse.ArgumentParser(description="Run the app")
parser.add_argument("--host", default="127.0.0.1")
parser.add_argument("--port", default=5000)
args = parser.parse_args()

app.debug = True  # expect: FL304(low)
app.run(host=args.host, port=int(args.port))
