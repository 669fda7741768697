"""lemur's shape: every flask-restful resource derives from `AuthenticatedResource`, defined in
another module with `method_decorators = [login_required]`, where `login_required` is that
module's own token check, imported nowhere else. The inherited decorator is resolved in the
module that lists it: the derived resources are authenticated; the one resource deriving from
`Resource` directly is not, nor is a view that opts out through the mark the check reads
(cmdb's `@auth_abandoned` setting `func.authenticated = False`)."""
