ACCOUNTS = {}


def create(role, staff_id, first_name, last_name, password=None):
    ACCOUNTS[staff_id] = {
        "role": role,
        "name": f"{first_name} {last_name}",
        "password": password,
    }


def describe(role, staff_id, first_name, last_name, password):
    return f"{role} {staff_id} {first_name} {last_name} {password}"


def drop_all():
    ACCOUNTS.clear()
