"""Print where the demo answers, from the same settings the service reads (`make run` calls this)."""

from app.settings import get_settings

settings = get_settings()
password = settings.neo4j_password.get_secret_value()
print()
print(f"  API docs:      http://{settings.api_host}:{settings.api_port}/docs")
if settings.manages_local_neo4j:
    print(f"  Neo4j Browser: http://127.0.0.1:{settings.neo4j_http_port}/browser/")
    print(f"                 user {settings.neo4j_user}, password {password}")
else:
    print(f"  Neo4j:         {settings.neo4j_uri} (user {settings.neo4j_user})")
print("  Stop with Ctrl-C (Neo4j keeps running: `make neo4j-stop`).")
print()
