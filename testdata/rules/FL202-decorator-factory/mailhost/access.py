import functools

import flask
import flask_login


def permissions_wrapper(handler):
    """Decorator that produces a decorator for checking permissions."""

    def callback(function, args, kwargs, dargs, dkwargs):
        authorized = handler(args, kwargs, *dargs, **dkwargs)
        if not authorized:
            flask.abort(403)
        return function(*args, **kwargs)

    if handler.__code__.co_argcount > 2:

        def decorator(*dargs, **dkwargs):
            def inner(function):
                @functools.wraps(function)
                def wrapper(*args, **kwargs):
                    return callback(function, args, kwargs, dargs, dkwargs)

                return flask_login.login_required(wrapper)

            return inner

    else:

        def decorator(function):
            @functools.wraps(function)
            def wrapper(*args, **kwargs):
                return callback(function, args, kwargs, (), {})

            return flask_login.login_required(wrapper)

    return decorator


def audit_wrapper(handler):
    """Records who called what; refuses nothing."""

    def decorator(function):
        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            handler(args, kwargs)
            return function(*args, **kwargs)

        return wrapper

    return decorator


@permissions_wrapper
def global_admin(args, kwargs):
    return flask_login.current_user.global_admin


@permissions_wrapper
def domain_admin(args, kwargs, model, key):
    domain = model.query.get(kwargs[key])
    return domain in flask_login.current_user.get_managed_domains()


@audit_wrapper
def audited(args, kwargs):
    flask.current_app.logger.info("call %s", flask.request.path)


@permissions_wrapper
def owner(args, kwargs, model, key):
    """Only the owner of the record under `key` gets through."""
    record = model.query.get(kwargs[key])
    return record is not None and record.user.email == flask_login.current_user.email


@permissions_wrapper
def exists(args, kwargs, model, key):
    """Any logged-in user gets through as long as the record exists."""
    return model.query.get(kwargs[key]) is not None
