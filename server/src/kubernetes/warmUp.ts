import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServiceContext } from '../workspace';
import { complete } from './complete';
import { diagnose } from './diagnose';
import { hoverTarget } from './hover';

/** A small manifest touching the parser, the schema walker, hover and completion paths. */
const SAMPLE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: warm-up
  labels: { app: warm-up }
spec:
  replicas: 1
  selector:
    matchLabels: { app: warm-up }
  template:
    metadata:
      labels: { app: warm-up }
    spec:
      containers:
        - name: app
          image: example/app:1.0.0
          ports: [{ name: http, containerPort: 8080 }]
---
apiVersion: v1
kind: Service
metadata: { name: warm-up }
spec:
  selector: { app: warm-up }
  ports: [{ port: 80, targetPort: http }]
`;

/**
 * Parses the bundled schema and runs each feature once on a sample that is not a workspace
 * file, so the first manifest the user opens does not pay for loading and compiling.
 */
export function warmUp(ctx: ServiceContext): void {
  const src = { doc: TextDocument.create('container-notes:/warm-up.yaml', 'yaml', 1, SAMPLE), kind: 'kubernetes' as const };
  diagnose(ctx, src);
  hoverTarget(ctx, src, { line: 6, character: 4 });
  complete(ctx, src, { line: 16, character: 10 });
}
