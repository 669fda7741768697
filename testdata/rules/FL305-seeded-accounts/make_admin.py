"""An operator's bootstrap (moses-p's `create_admin.py`): one administrator and one staff
account, nothing imports it. Two accounts are no sample population: each is reported."""
from shop import db
from shop.accounts import Admin

admin = Admin(username="admin")
admin.set_password("admin123")  # expect: FL305(medium)
db.session.add(admin)

staff = Admin(username="staff")
staff.set_password("staff123")  # expect: FL305(medium)
db.session.add(staff)
db.session.commit()
