"""teamplan's schedules: `GET /api/worklist` hands `Work.query` to the pagination helper of the
API mixin (`to_collection_dict`), so every `Work` row is listed to every token holder and
reading one by id shows nothing more (low). `GET /oncall/list` narrows `Oncall` rows by a
`username` from the query string and lists them all without it: the name only picks among rows
every caller sees (silent). A listing under a test that names administrators does not count: the route narrowing by the
request's name in the other branch is reported (medium)."""
from flask import Flask, jsonify, request
from flask_httpauth import HTTPTokenAuth
from flask_login import LoginManager, current_user, login_required
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config.from_prefixed_env()
db = SQLAlchemy(app)
login_manager = LoginManager(app)
token_auth = HTTPTokenAuth()


class PaginatedAPIMixin:
    @staticmethod
    def to_collection_dict(query, page, per_page, endpoint):
        resources = query.paginate(page=page, per_page=per_page, error_out=False)
        return {"items": [item.to_dict() for item in resources.items], "endpoint": endpoint}


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    username = db.Column(db.String(80))
    is_admin = db.Column(db.Boolean)
    token = db.Column(db.String(64))


class Work(PaginatedAPIMixin, db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    start = db.Column(db.DateTime)

    def to_dict(self):
        return {"id": self.id, "user_id": self.user_id, "start": str(self.start)}


class Oncall(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    username = db.Column(db.String(80))
    start = db.Column(db.DateTime)


class Absence(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    username = db.Column(db.String(80))
    reason = db.Column(db.String(200))


@token_auth.verify_token
def verify_token(token):
    return User.query.filter_by(token=token).first()


@app.get("/api/worklist")
@token_auth.login_required
def get_worklist():
    page = request.args.get("page", 1, type=int)
    return jsonify(Work.to_collection_dict(Work.query, page, 10, "get_worklist"))


@app.get("/api/work/<int:id>")
@token_auth.login_required
def get_work(id):  # expect: FL201(low)
    return jsonify(Work.query.get_or_404(id).to_dict())


@app.get("/oncall/list")
@login_required
def oncall_list():
    page = request.args.get("page", 1, type=int)
    username = request.args.get("username")
    if username is not None:
        rows = Oncall.query.filter_by(username=username).paginate(page=page, per_page=20)
    else:
        rows = Oncall.query.order_by(Oncall.start).paginate(page=page, per_page=20)
    return jsonify([{"id": row.id, "start": str(row.start)} for row in rows.items])


@app.get("/absences")
@login_required
def absences():
    username = request.args.get("username")  # expect: FL201(medium)
    if request.args.get("view") == "admin":
        rows = Absence.query.order_by(Absence.id).paginate(page=1, per_page=50)
    else:
        rows = Absence.query.filter_by(username=username).paginate(page=1, per_page=50)
    return jsonify([{"id": row.id, "reason": row.reason} for row in rows.items])
