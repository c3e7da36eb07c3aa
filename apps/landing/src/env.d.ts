interface ImportMetaEnv {
  readonly PUBLIC_CLIENT_URL?: string;
  readonly PUBLIC_DOCS_URL?: string;
  readonly PUBLIC_SITE_URL?: string;
  readonly PUBLIC_SUBSCRIPTION_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
