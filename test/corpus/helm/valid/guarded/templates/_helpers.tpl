{{- define "guarded.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "guarded.selectorLabels" -}}
app.kubernetes.io/name: {{ include "guarded.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "guarded.labels" -}}
{{ include "guarded.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}

{{/* The Bitnami shape: a helper that wraps semverCompare on the cluster's version. */}}
{{- define "guarded.psp.supported" -}}
{{- if semverCompare "<1.25-0" (default .Capabilities.KubeVersion.Version .Values.kubeVersion) -}}
{{- true -}}
{{- end -}}
{{- end -}}
