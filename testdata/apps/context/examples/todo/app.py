"""An example shipped beside the library: development-only, so low."""
import jwt
from flask import Flask

app = Flask(__name__)
app.secret_key = "dev"  # expect: FL302(low)
TOKEN = jwt.encode({"sub": "1", "exp": 1_900_000_000}, None, algorithm="none")  # expect: FL103(low)
app.run(debug=True)  # expect: FL304(low)
