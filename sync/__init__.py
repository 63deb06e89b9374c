"""The offline sync protocol (DESIGN §5): wire types, client-view diffing, push and pull."""
