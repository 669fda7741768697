"""Nothing says how this app is served: `python app.py` may be how, so the debugger is on the
network."""
from flask import Flask

app = Flask(__name__)

if __name__ == "__main__":
    app.run(host="0.0.0.0", debug=True)  # expect: FL304(medium)
