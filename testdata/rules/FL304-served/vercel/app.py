"""Vercel serves `api/index.py` (`vercel.json`, hr-backend): this file's server is the
developer's."""
from flask import Flask

app = Flask(__name__)

if __name__ == "__main__":
    app.run(host="0.0.0.0", debug=True)  # expect: FL304(low)
