"""quetzal's shape: the user model derives from flask_login's `UserMixin` (a base class that logs
no one in), and Flask-Principal is made with `use_sessions=False`, loading identities from the
app's own database tokens: nothing keeps more than flashes in the session, so the key is low."""
from flask import Flask
from flask_login import UserMixin
from flask_principal import Permission, Principal, RoleNeed

app = Flask(__name__)
app.config["SECRET_KEY"] = "dev"  # expect: FL302(low)
principal = Principal(app, use_sessions=False)
admin_permission = Permission(RoleNeed("admin"))


class User(UserMixin):
    id = 1
