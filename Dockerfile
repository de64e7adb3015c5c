# didar's API and worker image. Neo4j runs in its own container (docker-compose.yml), so NEO4J_URI is set
# and the service never tries to manage a local server.
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /srv/didar

# Dependencies first, so code edits do not reinstall them. README.md* matches nothing harmlessly.
COPY pyproject.toml README.md* ./
COPY app ./app
COPY graph ./graph
COPY ingest ./ingest
COPY worker ./worker
RUN pip install .

COPY samples ./samples

RUN useradd --create-home --uid 10001 didar
USER didar

ENV ENVIRONMENT=production
EXPOSE 8000
CMD ["didar", "serve", "--host", "0.0.0.0"]
