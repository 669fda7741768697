from deploy.service import tokens


def send_registered_email(user):
    token_manager = tokens.TokenManager()
    return f"/confirm/{token_manager.generate_token(user.id)}"
