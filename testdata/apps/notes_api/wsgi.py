"""Entry point for `flask --app wsgi run` and for gunicorn (`gunicorn wsgi:app`)."""
from notes_api import create_app

app = create_app()

if __name__ == "__main__":
    app.run(debug=True)  # expect: FL304
