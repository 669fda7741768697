"""A2rchi's chat service: its Dockerfile (kept in another folder, built from the repository's
root) starts this very file, so the debugger under `__main__`, on every interface, is what each
deployment serves: high. The grader beside it, which no deployment starts, is medium; so is a
file a Replit workflow starts beside a Render service serving it with gunicorn."""
import os

from flask import Flask


def main():
    app = Flask(__name__)
    app.run(debug=True, use_reloader=False, port=7861, host=os.environ.get("HOST", "0.0.0.0"))  # expect: FL304(high)


if __name__ == "__main__":
    main()
