"""Where a sign-up's role comes from decides whether it is a grant: the request's value,
unchecked or checked against a list with `admin` in it, is (critical); a role read back from
the database at login, the session's, one refused unless it is an ordinary kind of account, a
falsy flag, and the caller's own membership of a group they made are not."""
from flask import Flask, abort, flash, jsonify, render_template, request, session
from flask_login import LoginManager, current_user, login_required, login_user
from werkzeug.security import generate_password_hash

app = Flask(__name__)
login_manager = LoginManager(app)
DB = None


class User:
    def __init__(self, **fields):
        self.__dict__.update(fields)


class GroupMembership:
    def __init__(self, **fields):
        self.__dict__.update(fields)


@app.route("/admin/users")
@login_required
def admin_users():
    if current_user.role != "admin":
        abort(403)
    return jsonify([])


@app.post("/login")
def login():
    # Blood-Bank's shape: the role is the stored row's.
    row = DB.execute("SELECT * FROM users WHERE email = ?", (request.form["email"],)).fetchone()
    login_user(User(id=row["id"], role=row["role"]))
    return "ok"


@app.post("/register")
def register():
    # Placement-Portal's shape: only the app's ordinary kinds may be chosen.
    role = request.form.get("role")
    password = request.form.get("password")
    if role not in ["student", "company"]:
        flash("Invalid role selected.")
        return render_template("register.html")
    DB.add(User(password=generate_password_hash(password), role=role, is_staff=0))
    return "ok"


@app.post("/api/register")
def api_register():
    # nurse's shape: the errors are gathered, then answered with a 400.
    data = request.get_json()
    role = data.get("role")
    password = data.get("password")
    errors = []
    if role not in ["client", "provider"]:
        errors.append("Invalid role")
    if errors:
        return jsonify(errors=errors), 400
    DB.add(User(password=generate_password_hash(password), role=role))
    return "ok"


@app.post("/api/v2/register")
def api_v2_register():
    # Property's shape: the request's own value is checked against the ordinary kinds.
    data = request.get_json()
    if data["role"] not in ["tenant", "landlord"]:
        return jsonify(error="Role must be either 'tenant' or 'landlord'"), 400
    DB.add(User(password=generate_password_hash(data["password"]), role=data["role"]))
    return "ok"


@app.post("/api/v3/register")
def api_v3_register():  # expect: FL204(critical)
    # Trap: the checked value is not the one granted.
    data = request.get_json()
    if data["kind"] not in ["tenant", "landlord"]:
        return jsonify(error="bad kind"), 400
    DB.add(User(password=generate_password_hash(data["password"]), role=data["role"]))
    return "ok"


class Otp:
    def __init__(self, **fields):
        self.__dict__.update(fields)


@app.get("/receipts/<int:receipt_id>/code")
def receipt_code(receipt_id):  # expect: FL202(low)
    # blu_property's shape: a one-time code for a tenant, no account and no role granted.
    DB.add(Otp(user_email=request.args["email"], user_type="tenant", otp="123456"))
    return "ok"


@app.post("/google/finish")
def google_finish():
    # The role the visitor picked earlier, kept in the session by an allow-listed route.
    password = request.form["password"]
    DB.add(User(password=generate_password_hash(password), role=session.get("google_role", "client")))
    return "ok"


@app.post("/groups")
@login_required
def create_group():
    # Aluminet's shape: the creator moderates the group they just made.
    DB.add(GroupMembership(user_id=current_user.id, group_id=request.form["group"], is_admin=True))
    return "ok"


@app.post("/signup")
def signup():  # expect: FL204(critical)
    # Trap: the role is whatever the request says.
    DB.add(User(password=generate_password_hash(request.form["password"]), role=request.form["role"]))
    return "ok"


@app.post("/staff/signup")
def staff_signup():  # expect: FL204(critical)
    # Trap: the list lets `admin` through.
    role = request.form.get("role")
    password = request.form.get("password")
    if role not in ["admin", "staff", "student"]:
        return "bad role", 400
    DB.add(User(password=generate_password_hash(password), role=role))
    return "ok"


@app.post("/api/signup")
def api_signup():  # expect: FL204(critical)
    # Trap: the request's JSON under another name is still the request's.
    req = request.get_json()
    DB.add(User(password=generate_password_hash(req["password"]), role=req["role"]))
    return "ok"


@app.post("/employees/update")
def update_employee():  # expect: FL204(critical), FL202
    # Trap: pypos-canteen's copy of the form is the form.
    form_data = dict(request.form)
    DB.add(User(id=form_data.get("id"), role_id=form_data.get("role_id")))
    return "ok"
