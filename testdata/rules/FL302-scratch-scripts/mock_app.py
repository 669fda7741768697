# mock_app.py - a local server without the factory, kept for reference.
from flask import Flask, session

app = Flask(__name__)
app.config.update(SECRET_KEY="dev-key-for-local-only")  # expect: FL302(low)


@app.get("/health")
def health():
    return {"ok": True, "user": session.get("user")}


if __name__ == "__main__":
    app.run()
