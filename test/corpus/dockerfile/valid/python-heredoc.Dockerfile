# syntax=docker/dockerfile:1.4
FROM python:3.12.4-slim-bookworm AS base
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1
WORKDIR /srv/app

FROM base AS builder
RUN <<EOF
set -eu
apt-get update
apt-get install -y --no-install-recommends build-essential libpq-dev
rm -rf /var/lib/apt/lists/*
EOF
COPY requirements.txt .
RUN --mount=type=cache,target=/root/.cache/pip \
    pip wheel --wheel-dir /wheels -r requirements.txt

FROM base
COPY --from=builder /wheels /wheels
RUN pip install --no-cache-dir /wheels/* && rm -rf /wheels
RUN python3 <<PY
import compileall
# Precompile so the first request is fast; cd and sudo here are Python text, not shell.
compileall.compile_dir("/usr/local/lib", quiet=1)
PY
COPY <<-EOT /srv/app/gunicorn.conf.py
	bind = "0.0.0.0:8000"
	workers = 2
	EOT
COPY --chown=1000:1000 . .
RUN useradd --uid 1000 --no-create-home app
USER 1000
EXPOSE 8000
CMD ["gunicorn", "app.wsgi:application"]
