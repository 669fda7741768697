"""Flask-JWT's check called by a project decorator (after schoolbloc's `auth_required(...)`, which
runs `_jwt_required(realm)` before its role test), and Flask-JWT-Extended 3's refresh guard:
both authenticate. The import routes whose decorator is commented out do not."""
from functools import wraps

from flask import Flask, abort, current_app
from flask_jwt import _jwt_required, current_identity  # expect: FL502
from flask_jwt_extended import create_access_token, get_jwt_identity, jwt_refresh_token_required
from flask_restful import Api, Resource

from models import Course

app = Flask(__name__)
api = Api(app)


def auth_required(realm=None, roles=None):
    def wrapper(fn):
        @wraps(fn)
        def decorator(*args, **kwargs):
            _jwt_required(realm or current_app.config["JWT_DEFAULT_REALM"])
            if roles and current_identity.role != roles:
                abort(403)
            return fn(*args, **kwargs)

        return decorator

    return wrapper


class CourseItem(Resource):
    # Trap: Flask-JWT's check, then the role.
    @auth_required(roles="admin")
    def delete(self, course_id):
        Course.query.filter_by(id=course_id).delete()
        return "", 204


class CourseImport(Resource):
    # @auth_required(roles="admin")
    def post(self):  # expect: FL202
        Course.query.delete()
        return "", 201


class Refresh(Resource):
    # Trap: Flask-JWT-Extended 3's refresh guard.
    @jwt_refresh_token_required
    def post(self):
        return {"access_token": create_access_token(identity=get_jwt_identity())}


api.add_resource(CourseItem, "/courses/<int:course_id>")
api.add_resource(CourseImport, "/import/courses")
api.add_resource(Refresh, "/refresh")
