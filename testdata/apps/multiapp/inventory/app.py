import sqlite3

from flask import Flask, g

from views import bp

app = Flask(__name__)
app.register_blueprint(bp)


@app.before_request
def open_db():
    g.db = sqlite3.connect("inventory.db")
