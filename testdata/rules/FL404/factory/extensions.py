from flask_cors import CORS

cors = CORS()
public_cors = CORS()
