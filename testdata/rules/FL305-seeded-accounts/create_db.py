"""A course project's database script (RestaurantSystem's `create_db.py`): customers, managers
and cooks, each with its own name as password, made at the top level of a script nothing
imports. One low finding for the script, naming the other accounts' lines."""
from shop import db
from shop.accounts import Admin

jason = Admin(username="jason")
jason.set_password("jason")  # expect: FL305(low)
db.session.add(jason)

paul = Admin(username="paul")
paul.set_password("paul")
db.session.add(paul)

pat = Admin(username="pat")
pat.set_password("pat")
db.session.add(pat)
db.session.commit()
