from config import create_app
from managers.db import create_all

app = create_app()
app.config["INITIALIZED"] = False


# Runs once, looks at no request and no caller: it neither authenticates nor hides a missing
# authentication.
@app.before_request
def init_request():
    if not app.config["INITIALIZED"]:
        create_all()
        app.config["INITIALIZED"] = True
