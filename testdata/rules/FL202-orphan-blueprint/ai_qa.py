from flask import Blueprint, request

qa = Blueprint("qa", __name__)

ANSWERS = []


@qa.route("/ask", methods=["POST"])
def ask():  # expect: FL202(low)
    ANSWERS.append(request.get_json()["question"])
    return {"answer": "..."}
