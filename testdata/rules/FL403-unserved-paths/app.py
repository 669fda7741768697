"""Ride-App's hook logs every header of `POST /login`, a path no route serves any more (its
login is `/auth/login`): only requests nothing answers reach that line (FL403 low). The same
logging for `/auth/login` sends the bearer header of every caller to the log (medium).
bookingappbackend prints `jsonify({... "access_token": token})`: a response object prints as
`<Response 312 bytes [200 OK]>`, not its body (silent), while printing the token itself is the
finding."""
from flask import Flask, jsonify, request
from flask_jwt_extended import JWTManager, create_access_token, jwt_required

app = Flask(__name__)
app.config.from_prefixed_env()
app.config["JWT_DECODE_AUDIENCE"] = "rides"
JWTManager(app)


@app.before_request
def log_logins():
    if request.method == "POST" and request.path == "/login":
        app.logger.info(f"Request headers: {dict(request.headers)}")  # expect: FL403(low)
    if request.method == "POST" and request.path == "/auth/login":
        app.logger.info(f"Request headers: {dict(request.headers)}")  # expect: FL403(medium)


@app.post("/auth/login")
def login():
    token = create_access_token(identity=request.form["phone"])
    print(jsonify({"message": "Login successful", "access_token": token}), 200)
    return jsonify(access_token=token)


@app.post("/auth/token")
def issue_token():
    token = create_access_token(identity=request.form["phone"])
    print(token)  # expect: FL403
    return jsonify(access_token=token)


@app.get("/rides/<int:ride_id>")
@jwt_required()
def ride(ride_id):
    return jsonify(id=ride_id)
