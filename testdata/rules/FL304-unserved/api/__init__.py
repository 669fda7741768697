"""`DEBUG = True` in an app that no `app.run()` serves: gunicorn runs it (Procfile), and
`flask run` reads `--debug` / `FLASK_DEBUG`, not the setting. Debug mode then propagates
exceptions and reloads templates but starts no debugger: low, until a server takes it up."""
from flask import Flask

from .settings import Settings

app = Flask(__name__)
app.config.from_object(Settings)
