from flask import Flask, session

from core.config import APP_SECRET_KEY

app = Flask(__name__)
app.secret_key = APP_SECRET_KEY


@app.get("/whoami")
def whoami():
    return {"user": session.get("user")}
