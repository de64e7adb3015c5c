"""The passes of the extraction pipeline (`ingest.pipeline.PASSES`): each reads the layers of the Doc
that earlier passes wrote and adds its own."""
