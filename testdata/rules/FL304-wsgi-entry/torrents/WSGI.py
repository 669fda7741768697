# nyaa's production entry point, spelled in capitals: uWSGI loads it, so `run.py` is how a
# developer starts the app.
from tracker import create_app

app = create_app("config")
