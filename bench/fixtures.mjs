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

/**
 * A Dockerfile of the size and shape of BuildKit's own (512 lines): a block of version ARGs, about
 * fifty stages (`FROM … AS`), `RUN --mount` with heredocs and continuations, `COPY --link --from`,
 * comments. Written here, not fetched, so the bench needs no network and commits no third-party file.
 */
export function buildkitShapedDockerfile() {
  const tools = ['runc', 'containerd', 'rootlesskit', 'cni', 'stargz', 'nerdctl', 'dnsname', 'nydus', 'registry', 'gotestsum', 'delve', 'buildx'];
  const lines = ['# syntax=docker/dockerfile-upstream:master', ''];
  tools.forEach((t, i) => lines.push(`ARG ${t.toUpperCase()}_VERSION=v1.${i}.${i * 3}`));
  lines.push('ARG ALPINE_VERSION=3.23', 'ARG GO_VERSION=1.26', 'ARG XX_VERSION=1.9.0', 'ARG BUILDKIT_DEBUG', '');
  lines.push('# xx is a helper for cross-compilation', 'FROM --platform=$BUILDPLATFORM tonistiigi/xx:${XX_VERSION} AS xx', '');
  lines.push('FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-alpine${ALPINE_VERSION} AS golatest', '');
  lines.push('# gobuild-base is base stage for compiling go/cgo', 'FROM golatest AS gobuild-base');
  lines.push('RUN apk add --no-cache file bash clang lld musl-dev pkgconfig git make', 'COPY --link --from=xx / /', '');
  for (let i = 0; lines.length < 496; i++) {
    const t = tools[i % tools.length];
    const name = `${t}${i >= tools.length ? `-${Math.floor(i / tools.length)}` : ''}`;
    const upper = t.toUpperCase();
    lines.push(
      `# ${name} builds the ${t} binary`,
      `FROM gobuild-base AS ${name}`,
      `WORKDIR $GOPATH/src/github.com/example/${t}`,
      `ARG ${upper}_VERSION`,
      `ADD --keep-git-dir=true "https://github.com/example/${t}.git#$${upper}_VERSION" .`,
      'ARG TARGETPLATFORM',
      'RUN set -e; xx-apk add musl-dev gcc libseccomp-dev libseccomp-static; \\',
      '  [ "$(xx-info arch)" != "ppc64le" ] || XX_CC_PREFER_LINKER=ld xx-clang --setup-target-triple',
      'RUN --mount=target=/root/.cache,type=cache <<EOT',
      '  set -ex',
      `  CGO_ENABLED=1 xx-go build -mod=vendor -ldflags '-extldflags -static' -tags 'netgo static_build' -o /usr/bin/${t} ./`,
      `  xx-verify --static /usr/bin/${t}`,
      'EOT',
      `COPY --link --from=${i > 0 ? tools[(i - 1) % tools.length] : 'xx'} /usr/bin/ /opt/`,
      `ENV PATH=/opt/${t}:$PATH GOFLAGS=-mod=vendor`,
      '',
    );
  }
  lines.push('FROM alpine:${ALPINE_VERSION} AS buildkit-export', 'RUN apk add --no-cache fuse3 git openssh pigz xz iptables ip6tables');
  lines.push('COPY --link --from=runc /usr/bin/runc /usr/bin/', 'VOLUME /var/lib/buildkit', 'USER 1000:1000', 'ENTRYPOINT ["buildkitd"]');
  while (lines.length < 512) lines.push('');
  return lines.slice(0, 512).join('\n') + '\n';
}

/**
 * A manifest of the size and shape of ingress-nginx's deploy.yaml (19 documents, about 670 lines):
 * Namespace, ServiceAccounts, Roles and ClusterRoles with rules, bindings, a ConfigMap, Services,
 * the controller Deployment, two admission Jobs, an IngressClass and a webhook configuration.
 */
export function ingressShapedManifest() {
  const labels = (component) =>
    `  labels:\n    app.kubernetes.io/component: ${component}\n    app.kubernetes.io/instance: ingress-nginx\n    app.kubernetes.io/name: ingress-nginx\n    app.kubernetes.io/part-of: ingress-nginx\n    app.kubernetes.io/version: 1.15.1\n`;
  const indent = (text, n) => text.replace(/^(?=.)/gm, ' '.repeat(n));
  const meta = (name, component, namespaced = true) => `metadata:\n${labels(component)}  name: ${name}\n${namespaced ? '  namespace: ingress-nginx\n' : ''}`;
  const rules = (n) =>
    'rules:\n' +
    Array.from(
      { length: n },
      (_, i) =>
        `- apiGroups:\n  - ${i % 2 ? '""' : 'networking.k8s.io'}\n  resources:\n  - ${['configmaps', 'pods', 'secrets', 'endpoints', 'services', 'ingresses', 'ingressclasses', 'leases'][i % 8]}\n  verbs:\n  - get\n  - list\n  - watch\n`,
    ).join('');
  const binding = (kind, name, component, namespaced) =>
    `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}Binding\n${meta(name, component, namespaced)}roleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ${kind}\n  name: ${name}\nsubjects:\n- kind: ServiceAccount\n  name: ${name}\n  namespace: ingress-nginx\n`;
  const job = (name, args) =>
    `apiVersion: batch/v1\nkind: Job\n${meta(name, 'admission-webhook')}spec:\n  template:\n    metadata:\n${indent(labels('admission-webhook'), 4)}      name: ${name}\n    spec:\n      containers:\n      - args:\n${args.map((a) => `        - ${a}\n`).join('')}        env:\n        - name: POD_NAMESPACE\n          valueFrom:\n            fieldRef:\n              fieldPath: metadata.namespace\n        image: registry.k8s.io/ingress-nginx/kube-webhook-certgen:v1.6.1\n        imagePullPolicy: IfNotPresent\n        name: ${name.replace('ingress-nginx-admission-', '')}\n        securityContext:\n          allowPrivilegeEscalation: false\n          capabilities:\n            drop:\n            - ALL\n          readOnlyRootFilesystem: true\n          runAsGroup: 65532\n          runAsNonRoot: true\n          runAsUser: 65532\n          seccompProfile:\n            type: RuntimeDefault\n      nodeSelector:\n        kubernetes.io/os: linux\n      restartPolicy: OnFailure\n      serviceAccountName: ingress-nginx-admission\n  ttlSecondsAfterFinished: 0\n`;
  const docs = [
    `apiVersion: v1\nkind: Namespace\nmetadata:\n  labels:\n    app.kubernetes.io/instance: ingress-nginx\n    app.kubernetes.io/name: ingress-nginx\n  name: ingress-nginx\n`,
    `apiVersion: v1\nautomountServiceAccountToken: true\nkind: ServiceAccount\n${meta('ingress-nginx', 'controller')}`,
    `apiVersion: v1\nautomountServiceAccountToken: true\nkind: ServiceAccount\n${meta('ingress-nginx-admission', 'admission-webhook')}`,
    `apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\n${meta('ingress-nginx', 'controller')}${rules(10)}`,
    `apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\n${meta('ingress-nginx-admission', 'admission-webhook')}${rules(1)}`,
    `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\n${meta('ingress-nginx', 'controller', false)}${rules(8)}`,
    `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\n${meta('ingress-nginx-admission', 'admission-webhook', false)}${rules(1)}`,
    binding('Role', 'ingress-nginx', 'controller', true),
    binding('Role', 'ingress-nginx-admission', 'admission-webhook', true),
    binding('ClusterRole', 'ingress-nginx', 'controller', false),
    binding('ClusterRole', 'ingress-nginx-admission', 'admission-webhook', false),
    `apiVersion: v1\ndata: null\nkind: ConfigMap\n${meta('ingress-nginx-controller', 'controller')}`,
    `apiVersion: v1\nkind: Service\n${meta('ingress-nginx-controller', 'controller')}spec:\n  ipFamilies:\n  - IPv4\n  ipFamilyPolicy: SingleStack\n  ports:\n  - appProtocol: http\n    name: http\n    port: 80\n    protocol: TCP\n    targetPort: http\n  - appProtocol: https\n    name: https\n    port: 443\n    protocol: TCP\n    targetPort: https\n  selector:\n    app.kubernetes.io/component: controller\n    app.kubernetes.io/instance: ingress-nginx\n    app.kubernetes.io/name: ingress-nginx\n  type: NodePort\n`,
    `apiVersion: v1\nkind: Service\n${meta('ingress-nginx-controller-admission', 'controller')}spec:\n  ports:\n  - appProtocol: https\n    name: https-webhook\n    port: 443\n    targetPort: webhook\n  selector:\n    app.kubernetes.io/component: controller\n    app.kubernetes.io/instance: ingress-nginx\n    app.kubernetes.io/name: ingress-nginx\n  type: ClusterIP\n`,
    `apiVersion: apps/v1\nkind: Deployment\n${meta('ingress-nginx-controller', 'controller')}spec:\n  minReadySeconds: 0\n  revisionHistoryLimit: 10\n  selector:\n    matchLabels:\n      app.kubernetes.io/component: controller\n      app.kubernetes.io/instance: ingress-nginx\n      app.kubernetes.io/name: ingress-nginx\n  strategy:\n    rollingUpdate:\n      maxUnavailable: 1\n    type: RollingUpdate\n  template:\n    metadata:\n${indent(labels('controller'), 4)}    spec:\n      containers:\n      - args:\n${['/nginx-ingress-controller', '--election-id=ingress-nginx-leader', '--controller-class=k8s.io/ingress-nginx', '--ingress-class=nginx', '--configmap=$(POD_NAMESPACE)/ingress-nginx-controller', '--validating-webhook=:8443', '--validating-webhook-certificate=/usr/local/certificates/cert', '--validating-webhook-key=/usr/local/certificates/key'].map((a) => `        - ${a}\n`).join('')}        env:\n        - name: POD_NAME\n          valueFrom:\n            fieldRef:\n              fieldPath: metadata.name\n        - name: POD_NAMESPACE\n          valueFrom:\n            fieldRef:\n              fieldPath: metadata.namespace\n        - name: LD_PRELOAD\n          value: /usr/local/lib/libmimalloc.so\n        image: registry.k8s.io/ingress-nginx/controller:v1.15.1\n        imagePullPolicy: IfNotPresent\n        lifecycle:\n          preStop:\n            exec:\n              command:\n              - /wait-shutdown\n        livenessProbe:\n          failureThreshold: 5\n          httpGet:\n            path: /healthz\n            port: 10254\n            scheme: HTTP\n          initialDelaySeconds: 10\n          periodSeconds: 10\n          successThreshold: 1\n          timeoutSeconds: 1\n        name: controller\n        ports:\n        - containerPort: 80\n          name: http\n          protocol: TCP\n        - containerPort: 443\n          name: https\n          protocol: TCP\n        - containerPort: 8443\n          name: webhook\n          protocol: TCP\n        readinessProbe:\n          failureThreshold: 3\n          httpGet:\n            path: /healthz\n            port: 10254\n            scheme: HTTP\n          initialDelaySeconds: 10\n          periodSeconds: 10\n          successThreshold: 1\n          timeoutSeconds: 1\n        resources:\n          requests:\n            cpu: 100m\n            memory: 90Mi\n        securityContext:\n          allowPrivilegeEscalation: false\n          capabilities:\n            add:\n            - NET_BIND_SERVICE\n            drop:\n            - ALL\n          readOnlyRootFilesystem: false\n          runAsGroup: 82\n          runAsNonRoot: true\n          runAsUser: 101\n          seccompProfile:\n            type: RuntimeDefault\n        volumeMounts:\n        - mountPath: /usr/local/certificates/\n          name: webhook-cert\n          readOnly: true\n      dnsPolicy: ClusterFirst\n      nodeSelector:\n        kubernetes.io/os: linux\n      serviceAccountName: ingress-nginx\n      terminationGracePeriodSeconds: 300\n      volumes:\n      - name: webhook-cert\n        secret:\n          secretName: ingress-nginx-admission\n`,
    job('ingress-nginx-admission-create', [
      'create',
      '--host=ingress-nginx-controller-admission,ingress-nginx-controller-admission.$(POD_NAMESPACE).svc',
      '--namespace=$(POD_NAMESPACE)',
      '--secret-name=ingress-nginx-admission',
    ]),
    job('ingress-nginx-admission-patch', [
      'patch',
      '--webhook-name=ingress-nginx-admission',
      '--namespace=$(POD_NAMESPACE)',
      '--patch-mutating=false',
      '--secret-name=ingress-nginx-admission',
      '--patch-failure-policy=Fail',
    ]),
    `apiVersion: networking.k8s.io/v1\nkind: IngressClass\n${meta('nginx', 'controller', false)}spec:\n  controller: k8s.io/ingress-nginx\n`,
    `apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingWebhookConfiguration\n${meta('ingress-nginx-admission', 'admission-webhook', false)}webhooks:\n- admissionReviewVersions:\n  - v1\n  clientConfig:\n    service:\n      name: ingress-nginx-controller-admission\n      namespace: ingress-nginx\n      path: /networking/v1/ingresses\n      port: 443\n  failurePolicy: Fail\n  matchPolicy: Equivalent\n  name: validate.nginx.ingress.kubernetes.io\n  rules:\n  - apiGroups:\n    - networking.k8s.io\n    apiVersions:\n    - v1\n    operations:\n    - CREATE\n    - UPDATE\n    resources:\n    - ingresses\n  sideEffects: None\n`,
  ];
  return docs.join('---\n');
}

/**
 * A Compose file of the size and shape of a real application stack (about 280 lines): a web front,
 * APIs and workers built from the repository, Postgres, Redis, a queue and monitoring, with
 * depends_on conditions, healthchecks, networks, volumes, secrets and an x- anchor of shared settings.
 */
export function realisticCompose() {
  const common = `x-common: &common\n  restart: unless-stopped\n  logging:\n    driver: json-file\n    options:\n      max-size: 10m\n      max-file: "3"\n  networks: [back]\n`;
  const app = (name, i) =>
    `  ${name}:\n    <<: *common\n    build:\n      context: ./services/${name}\n      dockerfile: Dockerfile\n      target: runtime\n    image: registry.example.com/shop/${name}:1.${i}.0\n    environment:\n      DATABASE_URL: postgres://shop:\${POSTGRES_PASSWORD:?set it}@db:5432/shop\n      REDIS_URL: redis://cache:6379/${i}\n      LOG_LEVEL: \${LOG_LEVEL:-info}\n    env_file:\n      - path: ./env/${name}.env\n        required: false\n    depends_on:\n      db:\n        condition: service_healthy\n      cache:\n        condition: service_started\n    healthcheck:\n      test: ["CMD", "wget", "-qO-", "http://localhost:8080/healthz"]\n      interval: 15s\n      timeout: 3s\n      retries: 5\n      start_period: 20s\n    deploy:\n      resources:\n        limits:\n          cpus: "0.50"\n          memory: 256M\n    secrets: [api_key]\n`;
  const services = ['web', 'catalog', 'orders', 'payments', 'search', 'mailer', 'worker'].map(app).join('');
  return (
    `name: shop\n${common}\nservices:\n${services}` +
    `  db:\n    <<: *common\n    image: postgres:16.4\n    environment:\n      POSTGRES_USER: shop\n      POSTGRES_PASSWORD_FILE: /run/secrets/db_password\n    volumes:\n      - db-data:/var/lib/postgresql/data\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U shop"]\n      interval: 10s\n      timeout: 5s\n      retries: 5\n    secrets: [db_password]\n` +
    `  cache:\n    <<: *common\n    image: redis:7.4-alpine\n    command: ["redis-server", "--appendonly", "yes"]\n    volumes:\n      - cache-data:/data\n` +
    `  proxy:\n    image: nginx:1.27\n    ports:\n      - "80:80"\n      - "127.0.0.1:8443:443"\n    volumes:\n      - ./proxy/nginx.conf:/etc/nginx/nginx.conf:ro\n    depends_on: [web]\n    networks: [front, back]\n` +
    `  prometheus:\n    image: prom/prometheus:v2.54.1\n    profiles: [monitoring]\n    volumes:\n      - ./monitoring/prometheus.yml:/etc/prometheus/prometheus.yml:ro\n    networks: [back]\n` +
    `networks:\n  front: {}\n  back:\n    internal: true\n` +
    `volumes:\n  db-data: {}\n  cache-data: {}\n` +
    `secrets:\n  api_key:\n    environment: API_KEY\n  db_password:\n    file: ./secrets/db_password.txt\n`
  );
}

/**
 * A large generated workspace: `manifests` files of Kubernetes objects (a Deployment with its
 * Service, ConfigMap and ServiceAccount, spread over teams' folders) and `charts` charts of a few
 * templates each. Files reference each other (ConfigMaps, ServiceAccounts, selectors), so the
 * cross-file rules have a real index to work with. Written below `dir`; returns the relative paths.
 */
export function largeWorkspace(dir, { manifests = 5000, charts = 300 } = {}) {
  const files = {};
  for (let i = 0; i < manifests; i++) {
    const team = `team${i % 50}`;
    files[`deploy/${team}/app${i}.yaml`] =
      manifest(i) + `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web-${i}-config\ndata:\n  LOG_LEVEL: info\n  REGION: eu-${i % 3}\n`;
  }
  for (let c = 0; c < charts; c++) {
    for (const [rel, text] of Object.entries(CHART)) files[`charts/chart${c}/${rel}`] = text.replace('name: web', `name: chart${c}`);
    for (let t = 0; t < 3; t++) files[`charts/chart${c}/templates/deploy${t}.yaml`] = helmTemplate(t);
  }
  writeTree(dir, files);
  return Object.keys(files);
}

/**
 * The dispatch schema yaml-language-server needs to check manifests as we do: our generated
 * definitions plus an if/then per apiVersion and kind (both Kubernetes bench scenarios give it to the peer).
 */
export function dispatchSchema(generated) {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    definitions: generated.definitions,
    allOf: generated['x-kinds'].map((k) => ({
      if: { properties: { apiVersion: { const: k.apiVersion }, kind: { const: k.kind } }, required: ['apiVersion', 'kind'] },
      then: { $ref: `#/definitions/${k.ref}` },
    })),
  };
}

/** The LSP position of `needle` (plus `delta` characters) in `text`; a fixture that lacks it is a bench bug. */
export function positionOf(text, needle, delta = 0) {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`bench fixture lacks ${needle}`);
  const before = text.slice(0, offset + delta);
  return { line: before.split('\n').length - 1, character: offset + delta - before.lastIndexOf('\n') - 1 };
}
