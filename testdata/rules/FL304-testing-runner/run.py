"""
Starts the server. Its debugger is useful for testing, so it is on.
"""
from app import create_app

app = create_app()

if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000, debug=True)  # expect: FL304(medium)
