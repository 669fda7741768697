"""A drill app's JWT API (drillbuilder's shape): the caller's identity is converted in place
(`user_id = int(user_id)`) before it scopes the query, which relates the id to the caller. A
name that a request value replaces is no identity."""
from flask import Flask, jsonify, request
from flask_jwt_extended import JWTManager, get_jwt_identity, jwt_required
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config.from_prefixed_env()
jwt = JWTManager(app)  # expect: FL306
db = SQLAlchemy(app)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)


class SavedQuiz(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    quiz_id = db.Column(db.Integer)


@app.delete("/quizzes/<int:quiz_id>/save")
@jwt_required()
def unsave_quiz(quiz_id):
    user_id = get_jwt_identity()
    if user_id is not None:
        user_id = int(user_id)
    saved = SavedQuiz.query.filter_by(user_id=user_id, quiz_id=quiz_id).first()
    if not saved:
        return jsonify(msg="not found"), 404
    db.session.delete(saved)
    db.session.commit()
    return jsonify(msg="removed")


@app.delete("/saved/<int:saved_id>")
@jwt_required()
def delete_saved(saved_id):  # expect: FL201
    user_id = get_jwt_identity()
    user_id = int(request.args.get("as_user", user_id))  # expect: FL201(medium)
    saved = SavedQuiz.query.filter_by(user_id=user_id, id=saved_id).first()
    db.session.delete(saved)
    db.session.commit()
    return jsonify(msg="removed")
