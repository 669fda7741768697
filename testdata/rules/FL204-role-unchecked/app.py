import os

from flask import Flask, jsonify, request
from flask_jwt_extended import JWTManager, create_access_token, get_jwt_identity, jwt_required

from models import Crop, User, db

app = Flask(__name__)
app.config["JWT_SECRET_KEY"] = os.environ["JWT_SECRET_KEY"]
JWTManager(app)


@app.post("/auth/signup")
def signup():  # expect: FL204(medium)
    data = request.get_json()
    user = User(email=data["email"], role=data.get("role", "farmer"))
    user.set_password(data["password"])
    db.session.add(user)
    db.session.commit()
    return jsonify(token=create_access_token(identity=str(user.id))), 201


@app.put("/crops/<int:crop_id>")
@jwt_required()
def update_crop(crop_id):
    crop = Crop.query.get_or_404(crop_id)
    if crop.user_id != int(get_jwt_identity()):
        return jsonify(error="Not authorized"), 403
    crop.name = request.get_json()["name"]
    db.session.commit()
    return jsonify(ok=True)


# @app.delete("/farms/<int:farm_id>")
# @jwt_required()
# def delete_farm(farm_id):
#     if User.query.get(get_jwt_identity()).role != "admin":
#         return jsonify(error="Admins only"), 403
