"""SmartHome's shape: rows belong to a company, and every lookup goes through
`_scoped_query(Model)`, which narrows the query to the company in the verified claims unless
the caller is an administrator. A row chained onto that query is the caller's company's,
whoever created it. A helper that only hides deleted rows scopes nothing."""
from flask import Flask, jsonify, request
from flask_jwt_extended import JWTManager, get_jwt, get_jwt_identity, jwt_required
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config.from_prefixed_env()
app.config["JWT_DECODE_AUDIENCE"] = "landlords"
db = SQLAlchemy(app)
JWTManager(app)


class Property(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    company_id = db.Column(db.Integer, db.ForeignKey("company.id"))
    created_by_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    name = db.Column(db.String(80))
    deleted_at = db.Column(db.DateTime)


def _scope():
    claims = get_jwt()
    company_id = claims.get("company_id")
    is_admin = claims.get("role") == "admin"
    return company_id, is_admin


def _scoped_query(model):
    company_id, is_admin = _scope()
    query = model.query
    if not is_admin:
        query = query.filter(model.company_id == company_id)
    return query.filter(model.deleted_at.is_(None))


def _live_query(model):
    return model.query.filter(model.deleted_at.is_(None))


@app.put("/api/properties/<int:property_id>")
@jwt_required()
def update_property(property_id):
    item = _scoped_query(Property).filter(Property.id == property_id).first()
    if not item:
        return jsonify(error="not_found"), 404
    item.name = request.get_json()["name"]
    db.session.commit()
    return jsonify(id=item.id, name=item.name)


@app.delete("/api/properties/<int:property_id>")
@jwt_required()
def delete_property(property_id):  # expect: FL201(high)
    item = _live_query(Property).filter(Property.id == property_id).first()
    if not item:
        return jsonify(error="not_found"), 404
    db.session.delete(item)
    db.session.commit()
    return jsonify(deleted=property_id, by=get_jwt_identity())
