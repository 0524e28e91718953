# syntax=docker/dockerfile:1
#
# Åtagandeboten as a container.
#
#   docker build -t atagandeboten .
#
#   # Socket Mode (default): no public URL; SQLite in the volume /app/data
#   docker run -d -v atagande-data:/app/data \
#     -e SLACK_BOT_TOKEN=xoxb-… -e SLACK_APP_TOKEN=xapp-… atagandeboten
#
#   # HTTP mode on port 3000 (Slack → https://…/slack/events, health: GET /healthz)
#   docker run -d -p 3000:3000 -e ATAGANDE_MODE=http \
#     -e SLACK_BOT_TOKEN=xoxb-… -e SLACK_SIGNING_SECRET=… \
#     -e ATAGANDE_DATABASE_URL=postgresql+psycopg://user:pass@host:5432/atagande atagandeboten
#
# Settings are environment variables only (README.md, section "Settings"):
#   ATAGANDE_MODE          socket (default) or http; chooses `atagande run --mode`
#   ATAGANDE_DATABASE_URL  default: SQLite file /app/data/atagande.sqlite3 (the volume)
#   SLACK_BOT_TOKEN, SLACK_APP_TOKEN (Socket Mode), SLACK_SIGNING_SECRET (HTTP mode),
#   ATAGANDE_TIMEZONE (default Europe/Stockholm), ATAGANDE_ADMINS
# The bot migrates the database itself when it starts. Several HTTP-mode
# replicas need PostgreSQL: see compose.yaml.

# --- build: install the package and its dependencies into /opt/venv ----------
FROM python:3.11-slim AS build

# Extras of the project to install: `postgres` is PostgreSQL's driver (compose.yaml's
# replicas need it); `--build-arg ATAGANDE_EXTRAS=` builds an image for SQLite only.
ARG ATAGANDE_EXTRAS=postgres

ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_INPUT=1
RUN python -m venv /opt/venv
WORKDIR /src

# Dependencies first, in a layer of their own, at the exact versions of constraints.txt:
# a change to the sources reuses this layer; only a change to pyproject.toml,
# constraints.txt, tools/lock.py or the extras installs them again. tools/lock.py (standard library only) lists the project's
# requirements and the build system's (setuptools), read from pyproject.toml.
COPY pyproject.toml constraints.txt ./
COPY tools/lock.py ./tools/lock.py
RUN python tools/lock.py requirements --build $ATAGANDE_EXTRAS >/tmp/requirements.txt \
    && /opt/venv/bin/pip install --no-cache-dir -c constraints.txt -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

# Then the project itself: no dependencies and no build environment to resolve, so
# nothing is fetched and nothing changes version; pip check proves the layer above
# holds everything it requires.
COPY README.md ./
COPY bot ./bot
COPY handlers ./handlers
COPY storage ./storage
COPY templates ./templates
RUN /opt/venv/bin/pip install --no-cache-dir --no-deps --no-build-isolation . \
    && /opt/venv/bin/pip check \
    && /opt/venv/bin/atagande --help >/dev/null

# --- runtime: the venv only, no sources, no build tools ----------------------
FROM python:3.11-slim

ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    ATAGANDE_MODE=socket

RUN groupadd --system --gid 10001 atagande \
    && useradd --system --uid 10001 --gid atagande --home-dir /app --no-create-home \
       --shell /usr/sbin/nologin atagande \
    && mkdir -p /app/data \
    && chown -R atagande:atagande /app

COPY --from=build /opt/venv /opt/venv

# matplotlib (the follow-up pack's chart) builds a font cache on first use; build it
# once here, in a folder of its own, so no container spends its first report on it.
ENV MPLCONFIGDIR=/opt/matplotlib
RUN mkdir -p /opt/matplotlib \
    && python -c "import matplotlib.font_manager" \
    && chown -R atagande:atagande /opt/matplotlib

WORKDIR /app
USER atagande

# The SQLite default lives in the working directory's data/ folder.
VOLUME /app/data
# HTTP mode only (ATAGANDE_MODE=http): /slack/events and /healthz.
EXPOSE 3000

# HTTP mode: the app's own /healthz (it pings the database). Socket Mode has no
# port, so check that the database answers.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request\nif os.environ.get('ATAGANDE_MODE', 'socket') == 'http':\n    urllib.request.urlopen('http://127.0.0.1:3000/healthz', timeout=5).close()\nelse:\n    import bot.config, storage.db\n    storage.db.Database.from_url(os.environ.get('ATAGANDE_DATABASE_URL') or bot.config.default_database_url()).ping()"]

# Python ignores SIGTERM as PID 1 (no handler); SIGINT stops both modes cleanly.
STOPSIGNAL SIGINT

CMD ["sh", "-c", "exec atagande run --mode \"${ATAGANDE_MODE:-socket}\" --port 3000"]
