"""RailServe: Render serves `main:app` with gunicorn, and its Replit workflow runs `python
main.py`, which listens on every interface with the debugger on: medium. (The Replit
workflow is the only thing that runs this block.)"""
from flask import Flask

app = Flask(__name__)

if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000, debug=True)  # expect: FL304(medium)
