"""pycroft's `BlueprintAccess`: an object built beside each blueprint registers its own method as
the blueprint's `before_request` hook, which refuses anonymous callers and answers 403 to staff
without the blueprint's permission."""
from flask import abort, current_app
from flask_login import current_user


class BlueprintAccess:
    def __init__(self, blueprint, required_properties=()):
        self.blueprint = blueprint
        self.required_properties = tuple(required_properties)
        blueprint.before_request(self._check_access)

    def _check_access(self):
        if not current_user.is_authenticated:
            return current_app.login_manager.unauthorized()
        if set(self.required_properties) - current_user.properties:
            abort(403)
        return None
