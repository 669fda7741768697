"""An Invenio package's config module, loaded through the `invenio_config.module` entry point:
Invenio reads every setting here again from `INVENIO_<NAME>` and from the instance's
`invenio.cfg`, so the template's `CHANGE_ME` marks the value each installation sets (low).
A weak key that does not say so is still the key an installation signs with (high)."""
from invenio_records_rest.facets import terms_filter

#: Secret key - each installation (dev, production, ...) needs a separate key.
#: It should be changed before deploying.
SECRET_KEY = "CHANGE_ME"  # expect: FL302(low)

RECORDS_UI_SECRET_KEY = "secret"  # expect: FL302(high)

RECORDS_REST_FACETS = {"records": {"filters": {"type": terms_filter("type")}}}
