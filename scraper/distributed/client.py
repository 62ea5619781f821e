"""One way to connect to Redis (``REDIS_URL``), with a clear error when it is unreachable."""

from __future__ import annotations

import redis


class RedisUnavailable(RuntimeError):
    """``REDIS_URL`` cannot be used (unreachable, refused, malformed); the message hides the password."""
    pass


def redis_client(url: str) -> redis.Redis:
    """A connected client for ``url`` (``redis://[:password@]host:port/db``)."""
    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=5, health_check_interval=30)
        client.ping()
    except (redis.RedisError, ValueError) as error:
        raise RedisUnavailable(f"cannot use REDIS_URL {redact(url)}: {error}") from error
    return client


def redact(url: str) -> str:
    """The URL without its password, for messages and logs."""
    if "@" not in url:
        return url
    scheme, _, rest = url.partition("://")
    return f"{scheme}://***@{rest.rpartition('@')[2]}"
