"""An `app.run()` that listens on the loopback interface only (rpboiler's `python app.py` from
Procfile.dev): the setting's debugger answers this machine alone, low."""
from flask import Flask

app = Flask(__name__)
app.config["DEBUG"] = True  # expect: FL304(low)


def main():
    app.run(port=5000)
