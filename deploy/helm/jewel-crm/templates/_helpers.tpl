{{- define "jewel-crm.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "jewel-crm.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "jewel-crm.selector" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "jewel-crm.secretName" -}}
{{- .Values.existingSecret | default (printf "%s-secrets" (include "jewel-crm.fullname" .)) -}}
{{- end -}}

{{- define "jewel-crm.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end -}}

{{/* Settings every container gets: the ConfigMap and the Secret, as variables of the same names. */}}
{{- define "jewel-crm.envFrom" -}}
- configMapRef:
    name: {{ include "jewel-crm.fullname" . }}-config
- secretRef:
    name: {{ include "jewel-crm.secretName" . }}
{{- end -}}

{{- define "jewel-crm.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: false
capabilities:
  drop: ["ALL"]
{{- end -}}

{{/* Restarts the pods when a setting changes (ConfigMap and chart-made Secret are hooks, see configmap.yaml). */}}
{{- define "jewel-crm.checksums" -}}
checksum/config: {{ include (print .Template.BasePath "/configmap.yaml") . | sha256sum }}
checksum/secret: {{ include (print .Template.BasePath "/secret.yaml") . | sha256sum }}
{{- end -}}
