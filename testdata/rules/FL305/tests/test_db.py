from sqlalchemy import create_engine

# Test code is not reported unless include-tests is set.
engine = create_engine("postgresql://test:Kestrel-Test-5@db/test")
