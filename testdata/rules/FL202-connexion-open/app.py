"""FL202 trap: a connexion app whose spec asks for no security anywhere: no route is "missing"
authentication the others have."""
import connexion

app = connexion.FlaskApp(__name__)
app.add_api("openapi.json")


def delete_item(item_id):
    return "", 204
