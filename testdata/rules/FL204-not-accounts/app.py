"""A privilege attribute set on something that is not an account grants nothing: Flask's `g`
(CKAN's `g.roles` for a form), a dict built for the response (Security Monkey's role list), or
another model's column (Security Monkey's `AccountPatternAuditScore.account_type`), or a row
the caller owns (flask-expenses-manager's bank `Account` filtered by `user_id`). A member
row read by id and given the caller's chosen role still is (low here: this app has no roles to
check, as in FL204-single-role)."""
from flask import Flask, g, jsonify, request
from flask_jwt_extended import JWTManager, get_jwt_identity, jwt_required

app = Flask(__name__)
jwt = JWTManager(app)  # expect: FL306


class Member:
    query = None


class AccountPatternAuditScore:
    query = None


class Account:
    query = None


@app.get("/groups/<int:group_id>/member_new")
@jwt_required()
def member_new(group_id):
    roles = ["admin", "editor", "member"]
    g.roles = roles
    return jsonify(roles=roles)


@app.get("/api/roles")
@jwt_required()
def list_roles():
    return_dict = {"page": 1}
    return_dict["roles"] = [{"name": "Admin"}, {"name": "View"}]
    return return_dict


@app.put("/api/auditscores/<int:score_id>")
@jwt_required()
def update_score(score_id):
    result = AccountPatternAuditScore.query.get(score_id)
    result.account_type = request.json["account_type"]
    return jsonify(ok=True)


@app.put("/api/members/<int:member_id>/role")
@jwt_required()
def set_member_role(member_id):  # expect: FL201, FL204(low)
    member = Member.query.get(member_id)
    member.role = request.json["role"]
    return jsonify(ok=True)


@app.put("/api/accounts/<int:account_id>")
@jwt_required()
def update_account(account_id):
    account = Account.query.filter_by(id=account_id, user_id=get_jwt_identity()).first()
    account.account_type = request.json["account_type"]
    return jsonify(ok=True)
