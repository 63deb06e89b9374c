"""The offline sync protocol (DESIGN §5): wire types, client-view diffing, push and pull.

- ``protocol``: the wire types (msgspec, camelCase); ``typescript`` generates
  ``pwa/src/offline/protocol.gen.ts`` from them (``uv run python -m sync.typescript``).
- ``push``: each mutation exactly once, in its own transaction with its lastMutationId;
  ``mutators`` / ``mutator_args``: the same services and gates as the REST routes.
- ``pull`` / ``view``: the resident's view now, diffed against the client-view record of
  the client's cookie (``tables.ClientView``).
- ``blobs``: photos by upload hash, pending until they arrive; ``poke``: SSE pokes over
  Litestar channels; ``i18n``: the messages in ``sync/messages``.
"""
