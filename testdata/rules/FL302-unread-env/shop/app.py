from flask import Flask, session
from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    secret_key: str


app = Flask(__name__)
app.config.from_prefixed_env()
app.secret_key = Settings().secret_key


@app.get("/cart")
def cart():
    return {"items": session.get("items", [])}
