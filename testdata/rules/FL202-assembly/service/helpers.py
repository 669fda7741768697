def register_view(target, rules, view_func):
    """Registers one view under several rules, as flaskbb's helper does."""
    for rule in rules:
        target.add_url_rule(rule, view_func=view_func)
