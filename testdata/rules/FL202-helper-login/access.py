def may_change_settings():
    """Whether the logged-in user may change the site's settings."""
    from app import get_logged_in_user

    user = get_logged_in_user()
    if not user:
        return False
    return user.role == "admin"
