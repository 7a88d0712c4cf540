{{/*
The chart's name, or nameOverride.
*/}}
{{- define "charter-bot.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The full name of the release's objects: fullnameOverride, or the release name when it already
contains the chart's name, or "<release>-<chart>". Cut to 63 characters (DNS label).
*/}}
{{- define "charter-bot.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "charter-bot.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels on every object.
*/}}
{{- define "charter-bot.labels" -}}
helm.sh/chart: {{ include "charter-bot.chart" . }}
{{ include "charter-bot.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | trunc 63 | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/*
Labels that select the pods; never change them on upgrade (Deployment selectors are immutable).
*/}}
{{- define "charter-bot.selectorLabels" -}}
app.kubernetes.io/name: {{ include "charter-bot.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "charter-bot.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "charter-bot.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "charter-bot.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}
{{- end }}

{{/*
The Secret a block's credentials come from: its own existingSecret, else the top-level one, else
the release's full name. Call with (dict "block" .Values.slack "root" $).
*/}}
{{- define "charter-bot.secretName" -}}
{{- .block.existingSecret | default .root.Values.existingSecret | default (include "charter-bot.fullname" .root) }}
{{- end }}

{{/*
An env entry read from a Secret. Call with (dict "name" "ENV" "secret" "name" "key" "key") and
optionally "optional" true.
*/}}
{{- define "charter-bot.secretEnv" -}}
- name: {{ .name }}
  valueFrom:
    secretKeyRef:
      name: {{ .secret | quote }}
      key: {{ .key | quote }}
      {{- if .optional }}
      optional: true
      {{- end }}
{{- end }}

{{/*
The config map of charter.* settings as env entries: nested keys joined with "_", dashes dropped,
upper-cased (Spring Boot's relaxed binding of environment variables); lists joined with commas.
Call with (dict "prefix" "CHARTER" "map" .Values.config).
*/}}
{{- define "charter-bot.configEnv" -}}
{{- $prefix := .prefix }}
{{- range $key, $value := .map }}
{{- $name := printf "%s_%s" $prefix ($key | replace "-" "" | replace "." "_" | upper) }}
{{- if kindIs "map" $value }}
{{- include "charter-bot.configEnv" (dict "prefix" $name "map" $value) }}
{{- else if kindIs "slice" $value }}
- name: {{ $name }}
  value: {{ join "," $value | quote }}
{{- else if kindIs "invalid" $value }}
{{- else }}
- name: {{ $name }}
  value: {{ $value | toString | quote }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Whether the charter is mounted from ConfigMaps: "inline" (files in values), "existing" (ConfigMaps
named in values) or "" (the charter bundled in the image). Root files alone (a watch-list, a
vocabulary...) without en and fr keep the bundled sections.
*/}}
{{- define "charter-bot.charterSource" -}}
{{- $files := .Values.charter.files | default dict }}
{{- $existing := .Values.charter.existingConfigMap | default dict }}
{{- if or $files.en $files.fr $files.root }}inline
{{- else if or $existing.en $existing.fr $existing.root }}existing
{{- end }}
{{- end }}

{{/*
Checks the schema cannot express; fails the install with a message that says what to change.
The H2 rule is also in values.schema.json; it is repeated here for --skip-schema-validation.
*/}}
{{- define "charter-bot.validate" -}}
{{- $h2 := eq .Values.database.type "h2" }}
{{- if and $h2 (gt (int .Values.replicaCount) 1) }}
{{- fail "database.type=h2 allows one replica only: the embedded H2 database lives inside one pod. Configure PostgreSQL (database.type=postgresql with database.url or the Secret's database-url) to run more replicas, or set replicaCount=1." }}
{{- end }}
{{- if and $h2 .Values.autoscaling.enabled (gt (int .Values.autoscaling.maxReplicas) 1) }}
{{- fail "database.type=h2 allows one replica only, and autoscaling may add more. Configure PostgreSQL (database.type=postgresql) to autoscale, or set autoscaling.enabled=false and replicaCount=1." }}
{{- end }}
{{- if and .Values.autoscaling.enabled (gt (int .Values.autoscaling.minReplicas) (int .Values.autoscaling.maxReplicas)) }}
{{- fail (printf "autoscaling.minReplicas (%d) is more than autoscaling.maxReplicas (%d)." (int .Values.autoscaling.minReplicas) (int .Values.autoscaling.maxReplicas)) }}
{{- end }}
{{- if and .Values.slack.enabled (eq .Values.slack.installs "oauth") (not .Values.slack.secretKeys.tokenEncryptionKey) }}
{{- fail "slack.installs=oauth keeps every workspace's token in the database, encrypted: set slack.secretKeys.tokenEncryptionKey to the Secret key holding 32 random bytes in base64 (openssl rand -base64 32)." }}
{{- end }}
{{- if and .Values.ingress.enabled (not .Values.ingress.host) }}
{{- fail "ingress.enabled needs ingress.host: the public host name Slack and Teams call." }}
{{- end }}
{{- if and .Values.ingress.enabled (not (include "charter-bot.publicPaths" . | trim)) }}
{{- fail "ingress.enabled but there is nothing to route: Slack is off or in Socket Mode and Teams is off. Set ingress.enabled=false." }}
{{- end }}
{{- $files := .Values.charter.files | default dict }}
{{- $existing := .Values.charter.existingConfigMap | default dict }}
{{- if and (or $files.en $files.fr $files.root) (or $existing.en $existing.fr $existing.root) }}
{{- fail "charter.files and charter.existingConfigMap are exclusive: give the charter one way." }}
{{- end }}
{{- if and (or $files.en $files.fr) (not (and $files.en $files.fr)) }}
{{- fail "charter.files needs both en and fr files: every section exists in both languages." }}
{{- end }}
{{- if and (or $existing.en $existing.fr) (not (and $existing.en $existing.fr)) }}
{{- fail "charter.existingConfigMap needs both en and fr: every section exists in both languages." }}
{{- end }}
{{- $config := .Values.config | default dict }}
{{- $where := dict
    "dir" "the chart mounts the charter from charter.files or charter.existingConfigMap and sets CHARTER_DIR itself"
    "slack.bot-token" "a credential: put it in the Secret under slack-bot-token (slack.secretKeys.botToken), README step 2"
    "slack.signing-secret" "a credential: put it in the Secret under slack-signing-secret (slack.secretKeys.signingSecret), README step 2"
    "slack.app-token" "a credential: put it in the Secret under slack-app-token (slack.secretKeys.appToken), README step 2"
    "slack.client-id" "set slack.clientId, or the Secret's slack-client-id (slack.secretKeys.clientId)"
    "slack.client-secret" "a credential: put it in the Secret under slack-client-secret (slack.secretKeys.clientSecret), README step 2"
    "slack.state-secret" "a credential: put it in the Secret under slack-state-secret (slack.secretKeys.stateSecret), README step 2"
    "slack.token-encryption-key" "a credential: put it in the Secret under slack-token-encryption-key (slack.secretKeys.tokenEncryptionKey), README step 2"
    "slack.token-encryption-previous-keys" "a credential: put it in the Secret under the key named by slack.secretKeys.tokenEncryptionPreviousKeys"
    "slack.redirect-uri" "set slack.redirectUri"
    "teams.app-id" "set teams.appId, or the Secret's microsoft-app-id"
    "teams.app-password" "a credential: put it in the Secret under microsoft-app-password (teams.secretKeys.appPassword), README step 2"
    "teams.tenant-id" "set teams.tenantId, or the Secret's microsoft-app-tenant-id"
    "teams.enabled" "set teams.enabled, which also leaves the Teams credentials out"
    "privacy.user-key-secret" "a credential: put it in the Secret under user-key-secret (privacy.secretKeys.userKeySecret), README step 2"
    "production.allow-h2" "set database.type=h2, which allows the embedded database and mounts its folder" }}
{{- range $path, $instead := $where }}
{{- $parts := splitList "." $path }}
{{- $node := $config }}
{{- range $i, $part := $parts }}
{{- if and (kindIs "map" $node) (hasKey $node $part) }}
{{- $node = index $node $part }}
{{- if eq (add $i 1) (len $parts) }}
{{- fail (printf "config.%s is not set in config: %s." $path $instead) }}
{{- end }}
{{- else }}
{{- $node = "" }}
{{- end }}
{{- end }}
{{- end }}
{{- if le (int .Values.terminationGracePeriodSeconds) (add 30 (int .Values.preStopSleepSeconds) | int) }}
{{- fail (printf "terminationGracePeriodSeconds (%d) must exceed the application's 30 s shutdown plus preStopSleepSeconds (%d)." (int .Values.terminationGracePeriodSeconds) (int .Values.preStopSleepSeconds)) }}
{{- end }}
{{- end }}

{{/*
The public paths the pods serve, one per line: /slack/events in Slack's http mode, the install
page and the OAuth redirect URL when Slack workspaces install the app through OAuth, /api/messages
with Teams.
*/}}
{{- define "charter-bot.publicPaths" -}}
{{- if and .Values.slack.enabled (eq .Values.slack.mode "http") }}
/slack/events
{{- end }}
{{- if and .Values.slack.enabled (eq .Values.slack.installs "oauth") }}
/slack/install
/slack/oauth_redirect
{{- end }}
{{- if .Values.teams.enabled }}
/api/messages
{{- end }}
{{- end }}
