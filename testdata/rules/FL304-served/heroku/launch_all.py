"""Starts everything on this machine: the Procfile serves `newsdesk.app` with gunicorn, so this
launcher is a developer's, whatever it listens on."""
from newsdesk.app import app

if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8080, debug=True)  # expect: FL304(low)
