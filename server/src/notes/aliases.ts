/**
 * Words people use in note headings for the things hover keys name. Data only: `terms.ts` turns a
 * key into its own terms (the last path segment, its camel-case words, plurals) and adds these.
 *
 * - ALIAS_GROUPS: a key whose own term is listed in `for` also matches the `aliases`
 *   (case-insensitive). Alias matches rank below matches of the key's own term.
 * - TOPIC_TERMS: concept keys (`docker:topic/…`, `k8s:topic/…`, `helm:topic/…`), Helm function
 *   families (`helm:functions/…`) and the template language's `$` and `.` have no word of their
 *   own in their key; these are their terms.
 */
export interface AliasGroup {
  for: readonly string[];
  aliases: readonly string[];
}

export const ALIAS_GROUPS: readonly AliasGroup[] = [
  // Service types: the seed notes describe them under "Publishing Service" / "ServiceTypes".
  {
    for: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'],
    aliases: ['ServiceType', 'ServiceTypes', 'Service type', 'Service types', 'Publishing Service', 'Publishing Services', '服务类型'],
  },
  { for: ['clusterIP'], aliases: ['headless', 'Headless service', 'Headless services'] },
  // Image ENTRYPOINT/CMD and container command/args are one topic ("Docker entry and cmd overwritten").
  { for: ['ENTRYPOINT', 'CMD', 'command', 'args'], aliases: ['entrypoint', 'entry point', 'cmd', 'command', 'args', 'Docker entry'] },
  { for: ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'], aliases: ['RBAC', 'Role-based access control', 'role binding', 'role bindings'] },
  { for: ['labels', 'label'], aliases: ['Label', 'labels', '标签'] },
  { for: ['annotations'], aliases: ['annotation', '注解'] },
  { for: ['selector'], aliases: ['selectors', 'label selector', 'label selectors', '选择器'] },
  { for: ['StatefulSet'], aliases: ['PetSet', 'Pet Set', 'Pet Sets', 'Stateful Set', 'Stateful Sets'] },
  { for: ['ReplicationController'], aliases: ['Replication controller', 'Replication controllers', 'RC'] },
  { for: ['HorizontalPodAutoscaler'], aliases: ['HPA', 'Horizontal Pod Autoscaling', 'Horizontal Pod Autoscaler', 'Autoscaling', 'autoscale', '自动扩缩容'] },
  { for: ['volumes'], aliases: ['volume', 'Volumes', '数据卷', '存储卷'] },
  { for: ['volumeMounts'], aliases: ['volume mount', 'volume mounts', 'mountPath'] },
  { for: ['ServiceAccount'], aliases: ['Service Account', 'Service Accounts', '服务账号'] },
  { for: ['Namespace'], aliases: ['Namespaces', '命名空间'] },
  { for: ['Ingress'], aliases: ['Ingress Resources', 'Ingress Controller', 'Ingress Controllers'] },
  { for: ['DaemonSet'], aliases: ['Daemon Set', 'Daemon Sets'] },
  { for: ['PersistentVolume'], aliases: ['PV', 'Persistent Volumes', '持久卷'] },
  { for: ['PersistentVolumeClaim'], aliases: ['PVC', 'Persistent Volumes', 'Persistent Volume Claims'] },
  { for: ['StorageClass'], aliases: ['Storage Classes', 'Persistent Volumes'] },
  { for: ['NetworkPolicy'], aliases: ['Network Policies', 'Network Policy', '网络策略'] },
  { for: ['CustomResourceDefinition'], aliases: ['CRD', 'CRDs', 'custom resource', 'custom resources'] },
  { for: ['ConfigMap'], aliases: ['config map', 'configmaps', 'configMap volume'] },
  { for: ['configMap'], aliases: ['ConfigMap', 'configmaps'] },
  { for: ['Secret'], aliases: ['Secrets', '密钥'] },
  { for: ['ports'], aliases: ['port', 'containerPort'] },
  { for: ['escape', 'syntax', 'check'], aliases: ['parser directive', 'parser directives', 'Paser Directives'] },
  { for: ['EXPOSE'], aliases: ['暴露端口', 'docker run -p'] },
  { for: ['MAINTAINER'], aliases: ['maintainer'] },
  // `tpl` renders a string, not a named template: it is not in this group.
  { for: ['include', 'define', 'template', 'block'], aliases: ['named template', 'named templates', '_helpers.tpl', '命名模板'] },
  { for: ['if', 'else', 'with', 'range', 'end', 'break', 'continue'], aliases: ['flow control', 'control structures', '流程控制'] },
  { for: ['range', 'break', 'continue'], aliases: ['range loop', 'loop', 'loops', '循环'] },
  { for: ['if', 'else'], aliases: ['if/else', 'if else', 'conditionals', '条件判断'] },
  { for: ['with'], aliases: ['with block', 'with action'] },
  { for: ['Values'], aliases: ['values.yaml', 'Values', 'values files'] },
  // `.Values` has notes of its own (its group above): a "Built-in objects" note lists .Release and .Chart, rarely values.
  { for: ['Release', 'Chart', 'Files', 'Capabilities', 'Template'], aliases: ['built-in object', 'built-in objects', 'builtin objects', '内置对象'] },
];

/** Words a note on Helm's template functions in general goes by: every family's key matches them too. */
const FUNCTION_TERMS: readonly string[] = ['functions', 'template functions', 'Sprig', 'Sprig functions', '函数'];

/** Helm function families (helm/data/functionGroups.json) by the words their notes go by. */
const FUNCTION_FAMILIES: Readonly<Record<string, readonly string[]>> = {
  logic: ['logic functions', 'comparison functions', 'default values', '逻辑函数'],
  strings: ['string functions', 'strings', '字符串函数', '字符串'],
  conversion: ['type conversion', 'conversion functions', 'types', '类型转换'],
  lists: ['list functions', 'lists', '列表函数', '列表'],
  dicts: ['dictionary functions', 'dictionaries', 'dicts', '字典函数', '字典'],
  math: ['math functions', 'math', '数学函数'],
  serialization: ['YAML and JSON', 'toYaml', 'serialization', '序列化'],
  encoding: ['encoding functions', 'encoding', 'base64', '编码'],
  crypto: ['crypto functions', 'certificates', 'passwords', '加密', '证书'],
  regex: ['regular expressions', 'regex', '正则表达式', '正则'],
  semver: ['semver', 'semantic versions', '版本比较'],
  paths: ['path functions', 'paths', 'URLs', '路径'],
  dates: ['date functions', 'dates', '日期函数', '日期'],
  templates: ['template functions', "Helm's functions", '模板函数'],
};

export const TOPIC_TERMS: Readonly<Record<string, readonly string[]>> = {
  'docker:topic/image': ['image', 'images', '镜像'],
  'docker:topic/container': ['container', 'containers', '容器'],
  'docker:topic/registry': ['registry', 'registries', 'repository', 'Docker Hub', '仓库'],
  'docker:topic/layers': ['layer', 'layers', 'Union FS', '分层', '镜像分层'],
  'docker:topic/build-context': ['build context', 'context', '构建上下文', '上下文'],
  'docker:topic/dockerignore': ['.dockerignore', 'dockerignore'],
  'docker:topic/multi-stage': ['multi-stage', 'multi stage', 'multistage', 'multi-stage build', 'multi stage build', '多阶段构建'],
  'docker:topic/env-replacement': ['Environment Replacement', 'environment variable replacement', '变量替换', '环境变量替换'],
  'docker:topic/run-publish': ['docker run -p', 'publish', 'publishing ports', 'port mapping', '端口映射'],
  'k8s:topic/architecture': ['architecture', 'components', 'K8S组成', '架构', '组件'],
  'k8s:topic/object-model': ['object model', 'Kubernetes objects', '对象模型'],
  'k8s:topic/labels': ['labels', 'label', '标签'],
  'k8s:topic/selectors': ['selector', 'selectors', 'label selector', 'label selectors', '选择器'],
  'k8s:topic/service-discovery': ['service discovery', 'Accessing the Service', 'DNS', '服务发现'],
  'k8s:topic/networking': ['networking', 'network model', 'Cluster Networking', '网络模型', '网络'],
  'k8s:topic/kubectl': ['kubectl', 'CLI', '命令行'],
  'helm:topic/chart-layout': ['chart layout', 'chart structure', 'Helm Charts', 'chart 结构', '目录结构'],
  'helm:topic/install': ['helm install'],
  'helm:topic/dry-run': ['--dry-run', 'dry-run', 'dry run'],
  'helm:topic/template': ['helm template'],
  'helm:topic/lint': ['helm lint'],
  'helm:topic/package': ['helm package'],
  'helm:topic/upgrade': ['helm upgrade'],
  'helm:topic/rollback': ['helm rollback'],
  'helm:topic/history': ['helm history'],
  'helm:topic/status': ['helm status'],
  'helm:topic/uninstall': ['helm uninstall', 'helm delete'],
  'helm:topic/tiller': ['Tiller'],
  'helm:keyword/$': ['variables', 'variable', 'template variables', 'root context', '变量'],
  'helm:keyword/.': ['the dot', 'dot', 'scope', 'current context', '作用域'],
  ...Object.fromEntries(Object.entries(FUNCTION_FAMILIES).map(([family, terms]) => [`helm:functions/${family}`, [...terms, ...FUNCTION_TERMS]])),
};

/**
 * Kubernetes kinds whose names appear in note headings. A field key qualified with one kind
 * (`k8s:field/Deployment.spec.selector`) does not take an alias match from a heading that names
 * another ("Services without selectors"). Pod is left out: every workload's template is a Pod, so
 * Pod notes hold for their fields too.
 */
export const KUBERNETES_KINDS: readonly string[] = [
  'ReplicationController',
  'ReplicaSet',
  'Deployment',
  'DaemonSet',
  'StatefulSet',
  'Job',
  'CronJob',
  'Service',
  'Ingress',
  'HorizontalPodAutoscaler',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'StorageClass',
  'Namespace',
  'ServiceAccount',
  'NetworkPolicy',
  'Role',
  'ClusterRole',
  'RoleBinding',
  'ClusterRoleBinding',
  'Secret',
  'ConfigMap',
  'Endpoints',
  'EndpointSlice',
];
