import voluptuous
from flask import Flask, jsonify, request
from webauthn import verify_registration_response
from webauthn.helpers.exceptions import InvalidRegistrationResponse

from storage import save_credential

app = Flask(__name__)
SUMMARY_SCHEMA = voluptuous.Schema({"limit": voluptuous.Coerce(int)})


@app.post("/passkeys/register")
def register_passkey():
    try:
        verification = verify_registration_response(
            credential=request.get_json(),
            expected_challenge=b"challenge",
            expected_origin="https://example.com",
            expected_rp_id="example.com",
        )
    except InvalidRegistrationResponse as e:
        # py_webauthn says what is wrong with the credential the caller submitted.
        return jsonify({"success": False, "error": str(e)}), 400
    try:
        save_credential(verification)
    except Exception as e:
        return jsonify({"success": False, "error": str(e)}), 500  # expect: FL402
    return jsonify({"success": True})


@app.get("/v2/summary")
def summary():
    try:
        query = SUMMARY_SCHEMA(dict(request.args))
    except voluptuous.Invalid as e:
        # The schema's message about the caller's query ("expected int for dictionary value").
        return jsonify(error=e.msg), 400
    return jsonify(query)


# An API client library's HTTP error carries the message its API answered with (GOV.UK's
# notifications_python_client, the Digital Marketplace's dmapiclient); a cloud SDK's
# `ClientError` is the SDK's internals.
from botocore.exceptions import ClientError  # noqa: E402
from notifications_python_client.errors import HTTPError  # noqa: E402

from clients import status_api_client, store_upload  # noqa: E402


@app.get("/_status")
def show_status():
    try:
        return jsonify(status="ok", api=status_api_client.get_status())
    except HTTPError as e:
        return jsonify(status="error", message=str(e.message)), 500


@app.post("/uploads")
def upload():
    try:
        store_upload(request.files["file"])
    except ClientError as e:
        return jsonify(error=str(e)), 500  # expect: FL402
    return "", 204


# One parameter of the failed statement is the value the client submitted.
from sqlalchemy.exc import IntegrityError  # noqa: E402


@app.errorhandler(IntegrityError)
def handle_integrity_error(exc):
    if "services_name_key" in str(exc):
        return jsonify(message=f"Duplicate service name '{exc.params.get('name')}'"), 400
    return jsonify(message="Internal server error"), 500


# followthemoney's `InvalidData` (aleph's error handler): raised with what was wrong in the
# entity the client sent.
from followthemoney.exc import InvalidData  # noqa: E402


@app.errorhandler(InvalidData)
def handle_invalid_data(err):
    data = {"status": "error", "message": str(err), "errors": err.errors}
    return jsonify(data), 400
