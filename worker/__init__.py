"""The worker room: the loop that claims queued articles, extracts them (ingest/) and writes them
(graph/), its retry policy, and the sources articles come from (files, pages, feeds). The one package
that joins ingest/ and graph/; it reads no app/ settings, only its own `WorkerConfig`."""
