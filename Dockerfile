# syntax=docker/dockerfile:1
# Keuzehulp production image: multi-stage, slim Python 3.11, WeasyPrint's system
# libraries, non-root user, static files collected at build, gunicorn, health check.

FROM python:3.11-slim-bookworm AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
RUN python -m venv /venv
COPY pyproject.toml README.md ./
COPY keuzehulp ./keuzehulp
COPY catalog ./catalog
COPY sizing ./sizing
RUN /venv/bin/pip install --upgrade pip && /venv/bin/pip install .

FROM python:3.11-slim-bookworm AS runtime
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH="/venv/bin:$PATH" \
    DJANGO_SETTINGS_MODULE=keuzehulp.settings \
    STATIC_MANIFEST=1 \
    PORT=8000 \
    DATABASE_URL=sqlite:////app/var/db.sqlite3
# WeasyPrint needs Pango (with HarfBuzz and FreeType) and fonts; curl for HEALTHCHECK.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core curl \
    && rm -rf /var/lib/apt/lists/*
RUN groupadd --system app && useradd --system --gid app --home-dir /app --shell /usr/sbin/nologin app
WORKDIR /app
COPY --from=build /venv /venv
COPY --chown=app:app . /app
# collectstatic needs settings but no database or secret of production.
# Translations (locale/*.mo) are committed, so the image needs no gettext.
RUN SECRET_KEY=build-only python manage.py collectstatic --noinput \
    && mkdir -p /app/var && chown -R app:app /app/var /app/staticfiles
USER app
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD curl -fsS "http://127.0.0.1:${PORT}/health/" || exit 1
# The same image runs a document worker (README, Topology) with TASKS_BACKEND=database and
# DATABASE_URL naming the shared PostgreSQL: docker run … keuzehulp python manage.py db_worker
CMD ["sh", "-c", "python manage.py migrate --noinput && python manage.py createcachetable && python manage.py seed_catalog && exec gunicorn -c keuzehulp/gunicorn_conf.py keuzehulp.wsgi:application"]
