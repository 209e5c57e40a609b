/** A Deployment `web` whose container reads the ConfigMap `configMap` (envFrom). */
export const webDeployment = (configMap: string): string => `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          image: example/web:1.0.0
          envFrom: [{ configMapRef: { name: ${configMap} } }]
`;

export const configMapYaml = (name: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: ${name} }\ndata: { A: b }\n`;
