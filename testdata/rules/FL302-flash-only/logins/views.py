from flask import abort, session

from .app import app


@app.get("/account")
def account():
    if "user_id" not in session:
        abort(401)
    return {"user": session["user_id"]}
