import type { Position } from 'vscode-languageserver-types';

/**
 * Positions on every line of a YAML text where completion and hover answers change: its start, its
 * indentation, inside and after its first word, after its first colon, and its end.
 */
export function keyPositionsOf(text: string): Position[] {
  const positions: Position[] = [];
  text.split('\n').forEach((line, n) => {
    const indent = /^\s*/.exec(line)?.[0].length ?? 0;
    const word = /^\s*(?:-\s+)?[\w."-]*/.exec(line)?.[0].length ?? indent;
    for (const character of new Set([0, indent, Math.min(indent + 1, line.length), word, line.indexOf(':') + 2, line.length])) {
      if (character >= 0 && character <= line.length) positions.push({ line: n, character });
    }
  });
  return positions;
}

/**
 * A Compose file of several services for tests that compare answers position by position: an
 * `x-` anchor merged into services, comments, a blank line inside a mapping, nested mappings
 * (healthcheck, deploy.resources.limits), long and short list items, flow sequences.
 */
export const SEVERAL_SERVICES = `x-common: &common
  restart: unless-stopped
  logging:
    driver: json-file
  networks: [back]

name: shop
services:
  web:
    <<: *common
    image: registry.example.com/shop/web:1.0.0
    # Waits for the database to accept connections.
    depends_on:
      db:
        condition: service_healthy
      cache:
        condition: service_started
    healthcheck:
      test: ["CMD", "wget", "-qO-", "http://localhost:8080/healthz"]
      interval: 15s

      retries: 5
    deploy:
      resources:
        limits:
          cpus: "0.50"
          memory: 256M
        reservations: {}
    ports:
      - "80:80"
      - target: 443
        published: 8443
    environment:
      LOG_LEVEL: info
  db:
    <<: *common
    image: postgres:16.4
    healthcheck:
      test: ["CMD-SHELL", "pg_isready -U shop"]
      interval: 10s
    volumes:
      - db-data:/var/lib/postgresql/data
  cache:
    image: redis:7.4-alpine
    command: ["redis-server", "--appendonly", "yes"]
networks:
  back:
    internal: true
volumes:
  db-data: {}
`;
