"""The fixture tests/editors/neovim.lua opens: one finding, FL101 on the decode."""

import jwt


def who(token, key):
    return jwt.decode(token, key, audience="api", issuer="auth")
