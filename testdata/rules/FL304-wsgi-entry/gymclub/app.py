"""A gym's API. PythonAnywhere serves it through `wsgi_pythonanywhere.py`; `python app.py` is for
a phone on the developer's network."""
from flask import Flask

app = Flask(__name__)

if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000, debug=True)  # expect: FL304(low)
