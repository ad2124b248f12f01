import { createRequire as __credledgerCreateRequire } from 'node:module';
const require = __credledgerCreateRequire(import.meta.url);

// src/core/docuelevate-catalogue.json
var docuelevate_catalogue_default = {
  source: "DocuElevate release 0.188.6, SETTING_METADATA entries marked sensitive",
  settings: [
    {
      key: "database_url",
      category: "Core",
      type: "string",
      restart_required: true,
      environment_only: false,
      required: true
    },
    {
      key: "redis_url",
      category: "Core",
      type: "string",
      restart_required: true,
      environment_only: false,
      required: true
    },
    {
      key: "celery_broker_url",
      category: "Core",
      type: "string",
      restart_required: true,
      environment_only: false,
      required: false
    },
    {
      key: "celery_result_backend",
      category: "Core",
      type: "string",
      restart_required: true,
      environment_only: false,
      required: false
    },
    {
      key: "session_secret",
      category: "Authentication",
      type: "string",
      restart_required: true,
      environment_only: false,
      required: true
    },
    {
      key: "session_secret_previous",
      category: "Authentication",
      type: "string",
      restart_required: true,
      environment_only: true,
      required: false
    },
    {
      key: "admin_password",
      category: "Authentication",
      type: "string",
      restart_required: true,
      environment_only: false,
      required: false
    },
    {
      key: "authentik_client_secret",
      category: "Authentication",
      type: "string",
      restart_required: true,
      environment_only: false,
      required: false
    },
    {
      key: "social_auth_google_client_secret",
      category: "Social Login",
      type: "string",
      restart_required: true,
      environment_only: false,
      required: false
    },
    {
      key: "social_auth_microsoft_client_secret",
      category: "Social Login",
      type: "string",
      restart_required: true,
      environment_only: false,
      required: false
    },
    {
      key: "social_auth_apple_private_key",
      category: "Social Login",
      type: "string",
      restart_required: true,
      environment_only: false,
      required: false
    },
    {
      key: "social_auth_dropbox_client_secret",
      category: "Social Login",
      type: "string",
      restart_required: true,
      environment_only: false,
      required: false
    },
    {
      key: "social_auth_github_client_secret",
      category: "Social Login",
      type: "string",
      restart_required: true,
      environment_only: false,
      required: false
    },
    {
      key: "social_auth_keycloak_client_secret",
      category: "Social Login",
      type: "string",
      restart_required: true,
      environment_only: false,
      required: false
    },
    {
      key: "social_auth_generic_oauth2_client_secret",
      category: "Social Login",
      type: "string",
      restart_required: true,
      environment_only: false,
      required: false
    },
    {
      key: "social_auth_saml2_certificate",
      category: "Social Login",
      type: "string",
      restart_required: true,
      environment_only: false,
      required: false
    },
    {
      key: "openai_api_key",
      category: "AI Services",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "anthropic_api_key",
      category: "AI Services",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "gemini_api_key",
      category: "AI Services",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "openrouter_api_key",
      category: "AI Services",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "portkey_api_key",
      category: "AI Services",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "portkey_virtual_key",
      category: "AI Services",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "azure_ai_key",
      category: "AI Services",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "mistral_api_key",
      category: "OCR Engines",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "google_docai_credentials_json",
      category: "OCR Engines",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "dropbox_app_secret",
      category: "Storage Providers",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "dropbox_refresh_token",
      category: "Storage Providers",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "nextcloud_password",
      category: "Storage Providers",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "paperless_ngx_api_token",
      category: "Storage Providers",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "evernote_auth_token",
      category: "Storage Providers",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "google_drive_credentials_json",
      category: "Storage Providers",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "google_drive_client_secret",
      category: "Storage Providers",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "google_drive_refresh_token",
      category: "Storage Providers",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "onedrive_client_secret",
      category: "Storage Providers",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "onedrive_refresh_token",
      category: "Storage Providers",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "sharepoint_client_secret",
      category: "Storage Providers",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "sharepoint_refresh_token",
      category: "Storage Providers",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "webdav_password",
      category: "Storage Providers",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "ftp_password",
      category: "Storage Providers",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "sftp_password",
      category: "Storage Providers",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "sftp_private_key",
      category: "Storage Providers",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "sftp_private_key_passphrase",
      category: "Storage Providers",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "icloud_password",
      category: "Storage Providers",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "aws_access_key_id",
      category: "Storage Providers",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "aws_secret_access_key",
      category: "Storage Providers",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "email_password",
      category: "Email",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "dest_email_password",
      category: "Email Destination",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "imap1_password",
      category: "IMAP",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "imap2_password",
      category: "IMAP",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "telegram_bot_token",
      category: "Notifications",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "notification_urls",
      category: "Notifications",
      type: "list",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "meilisearch_api_key",
      category: "Core",
      type: "string",
      restart_required: true,
      environment_only: false,
      required: false
    },
    {
      key: "audit_siem_http_token",
      category: "Security",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "stripe_secret_key",
      category: "Billing",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "stripe_webhook_secret",
      category: "Billing",
      type: "string",
      restart_required: false,
      environment_only: false,
      required: false
    },
    {
      key: "sentry_dsn",
      category: "Observability",
      type: "string",
      restart_required: true,
      environment_only: false,
      required: false
    },
    {
      key: "vector_index_api_key",
      category: "Knowledge Bridge",
      type: "password",
      restart_required: true,
      environment_only: false,
      required: false
    },
    {
      key: "document_intake_shared_secret",
      category: "Knowledge Bridge",
      type: "password",
      restart_required: true,
      environment_only: false,
      required: false
    },
    {
      key: "document_bridge_bearer_token",
      category: "Knowledge Bridge",
      type: "password",
      restart_required: true,
      environment_only: false,
      required: false
    },
    {
      key: "document_bridge_shared_secret",
      category: "Knowledge Bridge",
      type: "password",
      restart_required: true,
      environment_only: false,
      required: false
    }
  ]
};

// src/core/docuelevate-catalogue.ts
var ADMIN_PASSWORD_SETTING = "admin_password";
var SESSION_SECRET_SETTING = "session_secret";
var SESSION_SECRET_IGNORED = "DocuElevate never uses a session_secret held in its database: sessions and the encryption of its stored settings use SESSION_SECRET from the deployment's environment, read at start-up";
function describeSessionSecretRotation(deployment) {
  const where = deployment === void 0 ? "the deployment's" : `${deployment}'s`;
  return `set SESSION_SECRET_PREVIOUS to the old secret and SESSION_SECRET to the new one in ${where} environment, restart api and worker, run \`credledger apply --rehydrate ${deployment ?? "<deployment>"}\` to re-encrypt the database-held values under the new secret, then drop SESSION_SECRET_PREVIOUS`;
}
var DOCUELEVATE_CATALOGUE_SOURCE = docuelevate_catalogue_default.source;
var DOCUELEVATE_SETTINGS = Object.freeze(
  docuelevate_catalogue_default.settings.map(
    (entry) => Object.freeze({
      key: entry.key,
      category: entry.category,
      type: entry.type,
      restartRequired: entry.restart_required,
      environmentOnly: entry.environment_only,
      required: entry.required
    })
  )
);
var SETTINGS_BY_KEY = new Map(
  DOCUELEVATE_SETTINGS.map((setting) => [setting.key, setting])
);
function findSetting(key) {
  return SETTINGS_BY_KEY.get(key);
}

export {
  ADMIN_PASSWORD_SETTING,
  SESSION_SECRET_SETTING,
  SESSION_SECRET_IGNORED,
  describeSessionSecretRotation,
  DOCUELEVATE_SETTINGS,
  findSetting
};
