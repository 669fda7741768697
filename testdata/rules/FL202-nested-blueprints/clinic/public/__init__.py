from flask import Blueprint, request

public_blueprint = Blueprint("public", __name__)
APPOINTMENTS = {}


@public_blueprint.post("/appointments")
def create_appointment():  # expect: FL202(low)
    APPOINTMENTS[len(APPOINTMENTS)] = request.get_json()
    return {"id": len(APPOINTMENTS) - 1}, 201


@public_blueprint.delete("/appointments/<int:appointment_id>")
def cancel_appointment(appointment_id):  # expect: FL202(high)
    APPOINTMENTS.pop(appointment_id, None)
    return "", 204
