/**
 * Every Kubernetes rule: text and schema first, then semantics, then best practice. One rule per
 * file; each file says when it fires and why it matters. A rule is given the analysed manifest file
 * (`Rule<ManifestFile>`).
 */
import type { Rule } from '../../common';
import type { ManifestFile } from '../manifestFile';
import { badEnum } from './badEnum';
import { dangerousCapabilities } from './dangerousCapabilities';
import { defaultNamespace } from './defaultNamespace';
import { deprecatedApi } from './deprecatedApi';
import { deprecatedApiVersion } from './deprecatedApiVersion';
import { dockerSocket } from './dockerSocket';
import { duplicateEnv } from './duplicateEnv';
import { duplicateKey } from './duplicateKey';
import { envSecret } from './envSecret';
import { hostNamespace } from './hostNamespace';
import { hostPath } from './hostPath';
import { labelSyntax } from './labelSyntax';
import { latestTag } from './latestTag';
import { missingProbes } from './missingProbes';
import { missingReference } from './missingReference';
import { missingRequired } from './missingRequired';
import { missingResources } from './missingResources';
import { namedPort } from './namedPort';
import { nodePort } from './nodePort';
import { privileged } from './privileged';
import { privilegeEscalation } from './privilegeEscalation';
import { readOnlyRootFs } from './readOnlyRootFs';
import { reservedPrefix } from './reservedPrefix';
import { runAsNonRoot } from './runAsNonRoot';
import { selectorMismatch } from './selectorMismatch';
import { serviceNoMatch } from './serviceNoMatch';
import { unknownApiVersion } from './unknownApiVersion';
import { unknownField } from './unknownField';
import { wrongType } from './wrongType';
import { yamlSyntax } from './yamlSyntax';

export const RULES: readonly Rule<ManifestFile>[] = [
  yamlSyntax,
  duplicateKey,
  unknownField,
  wrongType,
  missingRequired,
  badEnum,
  deprecatedApi,
  deprecatedApiVersion,
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
