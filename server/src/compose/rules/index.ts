import type { Rule } from '../../common';
import { containerNameReplicas } from './containerNameReplicas';
import { invalidDuration } from './invalidDuration';
import { invalidInterpolation } from './invalidInterpolation';
import { invalidPort } from './invalidPort';
import { latestTag } from './latestTag';
import { missingBuildPath } from './missingBuildPath';
import { missingEnvFile } from './missingEnvFile';
import { obsoleteVersion } from './obsoleteVersion';
import type { ComposeCheck } from './rule';
import { schema } from './schema';
import { undefinedResource } from './undefinedResource';
import { unknownService } from './unknownService';
import { unknownTarget } from './unknownTarget';
import { yamlSyntax } from './yamlSyntax';

export type { ComposeCheck } from './rule';

/** Every Compose rule, in the order settings, SARIF and docs list them. */
export const RULES: readonly Rule<ComposeCheck>[] = [
  yamlSyntax,
  schema,
  unknownService,
  undefinedResource,
  invalidPort,
  invalidDuration,
  invalidInterpolation,
  unknownTarget,
  containerNameReplicas,
  missingBuildPath,
  missingEnvFile,
  latestTag,
  obsoleteVersion,
];
