#!/usr/bin/env python3
# Run a test server.
from notes.app import app

if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000, debug=True)  # expect: FL304(low)
