/**
 * Every Dockerfile rule, by file name. One rule per file; each file says when it fires and why it
 * matters. A rule is given the parsed model (`Rule<DockerfileModel>`).
 */
import type { Rule } from '../../common';
import type { DockerfileModel } from '../model';
import { addInsteadOfCopy } from './addInsteadOfCopy';
import { apkNoCache } from './apkNoCache';
import { aptGetYes } from './aptGetYes';
import { aptListsNotRemoved } from './aptListsNotRemoved';
import { aptNoInstallRecommends } from './aptNoInstallRecommends';
import { aptUpdateAlone } from './aptUpdateAlone';
import { argWithoutDefaultInFrom } from './argWithoutDefaultInFrom';
import { argumentCount } from './argumentCount';
import { cdInRun } from './cdInRun';
import { consecutiveRun } from './consecutiveRun';
import { consistentCasing } from './consistentCasing';
import { copyDestinationNotDir } from './copyDestinationNotDir';
import { curlPipeShell } from './curlPipeShell';
import { duplicateStageName } from './duplicateStageName';
import { emptyContinuation } from './emptyContinuation';
import { exposeSsh } from './exposeSsh';
import { fromAsCasing } from './fromAsCasing';
import { invalidEscape } from './invalidEscape';
import { invalidFlagValue } from './invalidFlagValue';
import { invalidJson } from './invalidJson';
import { invalidOnbuild } from './invalidOnbuild';
import { invalidPort } from './invalidPort';
import { invalidStageName } from './invalidStageName';
import { lastUserRoot } from './lastUserRoot';
import { latestTag } from './latestTag';
import { legacyKeyValue } from './legacyKeyValue';
import { maintainerDeprecated } from './maintainerDeprecated';
import { missingFrom } from './missingFrom';
import { multipleCmd } from './multipleCmd';
import { multipleEntrypoint } from './multipleEntrypoint';
import { multipleHealthcheck } from './multipleHealthcheck';
import { npmCacheClean } from './npmCacheClean';
import { pipNoCacheDir } from './pipNoCacheDir';
import { redundantTargetPlatform } from './redundantTargetPlatform';
import { relativeWorkdir } from './relativeWorkdir';
import { reservedStageName } from './reservedStageName';
import { secretInEnv } from './secretInEnv';
import { shellFormCmd } from './shellFormCmd';
import { stageNameCasing } from './stageNameCasing';
import { sudo } from './sudo';
import { tlsVerificationOff } from './tlsVerificationOff';
import { undefinedVariable } from './undefinedVariable';
import { unknownFlag } from './unknownFlag';
import { unknownInstruction } from './unknownInstruction';
import { unknownStage } from './unknownStage';
import { useAptGet } from './useAptGet';
import { yumAssumeYes } from './yumAssumeYes';

export const RULES: readonly Rule<DockerfileModel>[] = [
  addInsteadOfCopy,
  apkNoCache,
  aptGetYes,
  aptListsNotRemoved,
  aptNoInstallRecommends,
  aptUpdateAlone,
  argWithoutDefaultInFrom,
  argumentCount,
  cdInRun,
  consecutiveRun,
  consistentCasing,
  copyDestinationNotDir,
  curlPipeShell,
  duplicateStageName,
  emptyContinuation,
  exposeSsh,
  fromAsCasing,
  invalidEscape,
  invalidFlagValue,
  invalidJson,
  invalidOnbuild,
  invalidPort,
  invalidStageName,
  lastUserRoot,
  latestTag,
  legacyKeyValue,
  maintainerDeprecated,
  missingFrom,
  multipleCmd,
  multipleEntrypoint,
  multipleHealthcheck,
  npmCacheClean,
  pipNoCacheDir,
  redundantTargetPlatform,
  relativeWorkdir,
  reservedStageName,
  secretInEnv,
  shellFormCmd,
  stageNameCasing,
  sudo,
  tlsVerificationOff,
  undefinedVariable,
  unknownFlag,
  unknownInstruction,
  unknownStage,
  useAptGet,
  yumAssumeYes,
];
