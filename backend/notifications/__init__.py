"""Web push notifications: subscriptions, the transactional outbox, delivery (DESIGN §6)."""
