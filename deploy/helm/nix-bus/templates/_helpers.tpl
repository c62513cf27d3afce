{{/* The resources' name: the release name, so that a national hub and its cluster hubs can share a namespace. */}}
{{- define "nix-bus.fullname" -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* What selects a release's pods; the kustomize base selects on the name alone. */}}
{{- define "nix-bus.selectorLabels" -}}
app.kubernetes.io/name: nix-bus
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "nix-bus.labels" -}}
{{ include "nix-bus.selectorLabels" . }}
app.kubernetes.io/part-of: nix
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "nix-bus.tlsSecret" -}}
{{- .Values.secrets.tls | default (printf "%s-tls" (include "nix-bus.fullname" .)) -}}
{{- end -}}

{{- define "nix-bus.registrySecret" -}}
{{- .Values.secrets.registry | default (printf "%s-registry" (include "nix-bus.fullname" .)) -}}
{{- end -}}

{{- define "nix-bus.credentialsSecret" -}}
{{- .Values.secrets.credentials | default (printf "%s-credentials" (include "nix-bus.fullname" .)) -}}
{{- end -}}

{{- define "nix-bus.policyBundle" -}}
{{- .Values.policyBundle.existingConfigMap | default (printf "%s-policy-bundle" (include "nix-bus.fullname" .)) -}}
{{- end -}}
