from flask import Flask, session

app = Flask(__name__, instance_relative_config=True)
app.config.from_object("config.default")
app.config.from_pyfile("config.py")


@app.get("/me")
def me():
    return {"user": session.get("user")}
