"""An app (dietr's shape) whose session lives in Redis under a random id the cookie carries
unsigned (Flask's snippet 75): its placeholder key signs nothing."""
from flask import Flask, session

from shop.sessions import RedisSessionInterface

app = Flask(__name__)
app.config.from_object("config.ProductionConfig")
app.session_interface = RedisSessionInterface()


@app.get("/cart")
def cart():
    return {"items": session.get("items", [])}
