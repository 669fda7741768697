"""ras-frontstage's shape: views hand tokens to controllers that ask a backend service to check
them. A token the service refused (409 expired, 404 unknown) cannot be replayed; a token that
only confirms an e-mail address or activates an account lets no one in when replayed (low); a
password-reset token does, unless the page refuses it because no reset token is stored for the
account (`except KeyError` around the comparison with the stored one). `controllers/` is a
namespace package (no `__init__.py`)."""
from flask import Flask

app = Flask(__name__)

import portal.views  # noqa: E402,F401
