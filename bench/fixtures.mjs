// Realistic documents for the bench scenarios: a multi-stage Dockerfile, a Deployment with a
// Service, and a chart (Chart.yaml, values.yaml, templates). `variant` makes each copy differ a
// little so caches keyed by content cannot flatter the numbers.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function dockerfile(variant = 0) {
  return `# syntax=docker/dockerfile:1
FROM node:20-bookworm AS build${variant}
WORKDIR /src
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl \\
    && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production PORT=${8000 + variant}
ARG VERSION=1.${variant}.0
LABEL org.opencontainers.image.version=$VERSION
COPY --from=build${variant} /src/dist /app
USER 10001
EXPOSE ${8000 + variant}
HEALTHCHECK --interval=30s CMD curl -fsS http://localhost:${8000 + variant}/healthz || exit 1
ENTRYPOINT ["node", "/app/server.js"]
CMD ["--port", "${8000 + variant}"]
`;
}

export function manifest(variant = 0) {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web-${variant}
  labels: { app: web-${variant}, tier: frontend }
spec:
  replicas: 3
  selector:
    matchLabels: { app: web-${variant} }
  template:
    metadata:
      labels: { app: web-${variant}, tier: frontend }
    spec:
      containers:
        - name: web
          image: registry.example.com/web:1.${variant}.0
          ports:
            - containerPort: 8080
          env:
            - name: LOG_LEVEL
              value: info
          resources:
            requests: { cpu: 100m, memory: 128Mi }
            limits: { memory: 256Mi }
          readinessProbe:
            httpGet: { path: /healthz, port: 8080 }
          volumeMounts:
            - name: config
              mountPath: /etc/web
      volumes:
        - name: config
          configMap: { name: web-${variant}-config }
---
apiVersion: v1
kind: Service
metadata:
  name: web-${variant}
spec:
  type: ClusterIP
  selector: { app: web-${variant} }
  ports:
    - port: 80
      targetPort: 8080
`;
}

export const CHART = {
  'Chart.yaml': 'apiVersion: v2\nname: web\ndescription: A web front end\ntype: application\nversion: 0.3.1\nappVersion: "1.4.2"\n',
  'values.yaml':
    'replicaCount: 2\nimage:\n  repository: registry.example.com/web\n  tag: ""\n  pullPolicy: IfNotPresent\nservice:\n  type: ClusterIP\n  port: 80\nresources: {}\nnodeSelector: {}\n',
  'templates/_helpers.tpl':
    '{{- define "web.fullname" -}}\n{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}\n{{- end -}}\n\n{{- define "web.labels" -}}\napp.kubernetes.io/name: {{ .Chart.Name }}\napp.kubernetes.io/instance: {{ .Release.Name }}\n{{- end -}}\n',
  'templates/NOTES.txt': 'Get the URL: kubectl port-forward svc/{{ include "web.fullname" . }} 8080:{{ .Values.service.port }}\n',
  'templates/service.yaml':
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ include "web.fullname" . }}\n  labels:\n    {{- include "web.labels" . | nindent 4 }}\nspec:\n  type: {{ .Values.service.type }}\n  ports:\n    - port: {{ .Values.service.port }}\n      targetPort: http\n  selector:\n    {{- include "web.labels" . | nindent 4 }}\n',
};

export function helmTemplate(variant = 0) {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "web.fullname" . }}-${variant}
  labels:
    {{- include "web.labels" . | nindent 4 }}
spec:
  replicas: {{ .Values.replicaCount }}
  selector:
    matchLabels:
      {{- include "web.labels" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "web.labels" . | nindent 8 }}
    spec:
      containers:
        - name: {{ .Chart.Name }}
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
          imagePullPolicy: {{ .Values.image.pullPolicy }}
          ports:
            - name: http
              containerPort: 8080
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
      {{- with .Values.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
`;
}

/** Writes `files` (relative path → text) below `dir`. */
export function writeTree(dir, files) {
  for (const [rel, text] of Object.entries(files)) {
    const full = join(dir, rel);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
}
