"""Strong identification over OpenID Connect.

``client`` is the relying party: the same code talks to the built-in demo bank and to a real
Finnish Trust Network broker; only settings differ. ``demo_provider`` and ``controllers`` are
the demo bank, a small OIDC provider enabled only when ``PORTAL_STRONG_AUTH=demo``.
"""
