"""FL201/FL202 fixture: a connexion 2 app whose routes come from a Swagger 2 spec."""
import connexion

app = connexion.App(__name__, specification_dir="spec/")
app.add_api("swagger.yaml")
