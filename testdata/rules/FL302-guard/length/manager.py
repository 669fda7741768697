class AsyncQueryTokenException(Exception):
    pass


class AsyncQueryManager:
    def init_app(self, app):
        if len(app.config["ASYNC_QUERIES_JWT_SECRET"]) < 32:
            raise AsyncQueryTokenException("Please provide a JWT secret at least 32 bytes long")
        # The guest secret is checked against 16 bytes only: its 38-character default passes.
        if len(app.config.get("GUEST_TOKEN_JWT_SECRET")) <= 15:
            raise AsyncQueryTokenException("Please provide a guest token secret")
