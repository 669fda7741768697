"""PyGotham's shape: settings default to a sentinel, and the factory refuses to start while a
required one still holds it. The sentinel never signs anything."""
DOES_NOT_EXIST = "!@DNE@!"
REQUIRED_SETTINGS = "SECRET_KEY", "SECURITY_PASSWORD_SALT"


def check_required_settings(config, keys=REQUIRED_SETTINGS):
    for key in keys:
        if config.get(key, DOES_NOT_EXIST) == DOES_NOT_EXIST:
            raise RuntimeError(f"The {key} setting is required.")
