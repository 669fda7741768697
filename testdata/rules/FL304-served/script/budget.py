"""`gunicorn.sh` serves `budget:app`: `python budget.py` is for developers."""
from flask import Flask

app = Flask(__name__)

if __name__ == "__main__":
    app.run(host="0.0.0.0", debug=True)  # expect: FL304(low)
