import type { Rule } from './rule';
import { rule as badEnum } from './rules/badEnum';
import { rule as dangerousCapabilities } from './rules/dangerousCapabilities';
import { rule as defaultNamespace } from './rules/defaultNamespace';
import { rule as deprecatedApi } from './rules/deprecatedApi';
import { rule as dockerSocket } from './rules/dockerSocket';
import { rule as duplicateEnv } from './rules/duplicateEnv';
import { rule as duplicateKey } from './rules/duplicateKey';
import { rule as envSecret } from './rules/envSecret';
import { rule as hostNamespace } from './rules/hostNamespace';
import { rule as hostPath } from './rules/hostPath';
import { rule as labelSyntax } from './rules/labelSyntax';
import { rule as latestTag } from './rules/latestTag';
import { rule as missingProbes } from './rules/missingProbes';
import { rule as missingReference } from './rules/missingReference';
import { rule as missingRequired } from './rules/missingRequired';
import { rule as missingResources } from './rules/missingResources';
import { rule as namedPort } from './rules/namedPort';
import { rule as nodePort } from './rules/nodePort';
import { rule as privileged } from './rules/privileged';
import { rule as privilegeEscalation } from './rules/privilegeEscalation';
import { rule as readOnlyRootFs } from './rules/readOnlyRootFs';
import { rule as reservedPrefix } from './rules/reservedPrefix';
import { rule as runAsNonRoot } from './rules/runAsNonRoot';
import { rule as selectorMismatch } from './rules/selectorMismatch';
import { rule as serviceNoMatch } from './rules/serviceNoMatch';
import { rule as unknownApiVersion } from './rules/unknownApiVersion';
import { rule as unknownField } from './rules/unknownField';
import { rule as wrongType } from './rules/wrongType';
import { rule as yamlSyntax } from './rules/yamlSyntax';

/** Every Kubernetes rule: text and schema first, then semantics, then best practice. */
export const RULES: readonly Rule[] = [
  yamlSyntax,
  duplicateKey,
  unknownField,
  wrongType,
  missingRequired,
  badEnum,
  deprecatedApi,
  unknownApiVersion,
  labelSyntax,
  reservedPrefix,
  selectorMismatch,
  serviceNoMatch,
  namedPort,
  missingReference,
  latestTag,
  missingResources,
  missingProbes,
  privileged,
  privilegeEscalation,
  runAsNonRoot,
  readOnlyRootFs,
  dangerousCapabilities,
  hostPath,
  dockerSocket,
  hostNamespace,
  nodePort,
  envSecret,
  duplicateEnv,
  defaultNamespace,
];
