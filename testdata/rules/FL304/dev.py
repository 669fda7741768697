"""A module named only for development (Anubis's `api/dev.py`), which starts the app under
`__main__` while production runs gunicorn: the developer's runner, low."""
from app import app

if __name__ == "__main__":
    app.run("0.0.0.0", 5000, debug=True)  # expect: FL304(low)
