{{/*
A PodDisruptionBudget for the calling chart.
Usage: {{ include "common.pdb" (dict "root" . "name" "x" "minAvailable" 1) }}
*/}}
{{- define "common.pdb" -}}
{{- $root := .root -}}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ .name }}
  namespace: {{ $root.Release.Namespace }}
spec:
  minAvailable: {{ .minAvailable | default 1 }}
  selector:
    matchLabels:
      app.kubernetes.io/instance: {{ $root.Release.Name }}
{{- end -}}
