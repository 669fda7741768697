"""An example app shipped beside the library: development-only code, so its debug server is low."""
from flask import Flask

app = Flask(__name__)
app.config["DEBUG"] = True  # expect: FL304(low)

app.run(debug=True)  # expect: FL304(low)

if __name__ == "__main__":
    # In a folder of examples: low, even on every interface.
    app.run(host="0.0.0.0", debug=True)  # expect: FL304(low)
