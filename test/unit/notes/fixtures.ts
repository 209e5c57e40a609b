/**
 * Notes in the style of the user's real notes (../shared/seed-notes): Chinese and English mixed,
 * `---` separators, code fences full of `#` comment lines, a topic only mentioned in a body.
 */
export const SEED_STYLE_K8S = `Docker notes
-------------

# Pod
它可以包含一个或多个container，共享ip和端口，能通过localhost相互访问。

\`\`\`shell
# Get a Shell to a running pod.
$ kubectl exec -it shell-demo -- /bin/bash
# Create multiple YAML objects from stdin
\`\`\`

# Deployment
Deployment为Pod和复本提供了一种声明式的升级方式。
你不要管理由Deployment所创建的ReplicaSets。

# Service
Service是一组Pods的逻辑集合，通过Label Selector确定。

## Publishing Service.
ServiceType

* **ClusterIP：** 只能集群内部访问。
* **NodePort：**  映射到Node上某个Port。
* **LoadBalancer：** 使用云提供的Load Balancer。

# Volumes

## hostPath
k8s执行资源调度时，\`hostPath\`使用的资源（也就是磁盘容量）不会被计算在内！！！

# Daemon Set
DaemonSet管理的Pods用的是hostPort。

#### Docker entry and cmd overwritten.
1. If you do not supply command or args for a Container, the defaults defined in the Docker image are used.
2. If you supply a command but no args for a Container, only the supplied command is used.

---

# 常见问题

---
\`\`\`
spec.selector: Invalid value: field is immutable
\`\`\`
这个问题的原因是，两个相同的Deployment但它们选择器不同。

---
mountPath结合subPath作用
\`\`\`
volumeMounts:
  - mountPath: /etc/conf/config
    subPath: config        # conf原有文件还在
    name: test
\`\`\`
`;

export const SEED_STYLE_DOCKER = `# Docker

## Dockerfile
\`\`\`bash
# Stage 1:
FROM golang:alpine as builder
# CMD []
\`\`\`

### CMD
There can only be one CMD instruction in a Dockerfile. 常用于传递命令参数。

### EXPOSE 暴露端口
    docker run -p 主机端口:容器端口
    docker run -P 所有端口随机映射

### Environment Replacement
变量替换。declared with the \`ENV\` statement.
`;
