def broken(:
    pass

# Imports PyJWT, so the pre-check parses this file (and reports its syntax error).
import jwt
