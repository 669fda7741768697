from setuptools import setup

setup(
    name="archive",
    install_requires=["invenio-app>=1.3"],
    entry_points={
        "invenio_config.module": ["archive = archive.config"],
        "invenio_base.blueprints": ["archive = archive.views:blueprint"],
    },
)
