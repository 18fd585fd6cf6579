"""Django's database cache with an increment that counts every request.

The rate limits (django-ratelimit) count requests with ``cache.add`` and then ``cache.incr``.
Django's database cache increments by reading the value and writing it back, so requests
that arrive together all read the same count and write the same count + 1 (on PostgreSQL, 8
threads × 25 increments counted 32 of 200: a parallel burst of API calls passed the limit
several times over). Here the increment first takes the row's write lock
(an UPDATE that changes nothing: a row lock on PostgreSQL, the database's write lock on
SQLite), then reads and writes inside that transaction, so racing increments wait for each
other and none is lost. Redis (``CACHE_URL=redis://``) increments atomically by itself.
"""

from __future__ import annotations

import base64
import logging
import pickle
from typing import Any

from django.core.cache.backends.db import DatabaseCache
from django.db import DatabaseError, connections, router, transaction
from django.utils.timezone import now as tz_now

logger = logging.getLogger(__name__)


class AtomicDatabaseCache(DatabaseCache):
    """:class:`DatabaseCache` whose ``incr`` and ``decr`` are atomic."""

    _table: str  # set by Django's BaseDatabaseCache from LOCATION; not in its type stubs

    def incr(self, key: Any, delta: int = 1, version: int | None = None) -> Any:
        key = self.make_and_validate_key(key, version=version)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        quote = connection.ops.quote_name
        table, cache_key, value_col, expires = (
            quote(self._table),
            quote("cache_key"),
            quote("value"),
            quote("expires"),
        )
        now = connection.ops.adapt_datetimefield_value(tz_now().replace(microsecond=0))
        try:
            with transaction.atomic(using=db), connection.cursor() as cursor:
                # The lock first: whoever comes second waits here until the first has written.
                cursor.execute(
                    f"UPDATE {table} SET {expires} = {expires} WHERE {cache_key} = %s", [key]
                )
                cursor.execute(
                    f"SELECT {value_col} FROM {table} WHERE {cache_key} = %s AND {expires} >= %s",
                    [key, now],
                )
                row = cursor.fetchone()
                if row is None:
                    raise ValueError(f"Key '{key}' not found")
                stored = connection.ops.process_clob(row[0])
                value = pickle.loads(base64.b64decode(stored.encode())) + delta
                encoded = base64.b64encode(pickle.dumps(value, self.pickle_protocol))
                cursor.execute(
                    f"UPDATE {table} SET {value_col} = %s WHERE {cache_key} = %s",
                    [encoded.decode("latin1"), key],
                )
        except DatabaseError:
            # As a cache that does not answer: the caller (the rate limit) fails open and the
            # readiness check reports the database.
            logger.warning("cache increment failed", exc_info=True)
            raise ValueError(f"Key '{key}' could not be incremented") from None
        return value
