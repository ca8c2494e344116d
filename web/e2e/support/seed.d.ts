declare module "*/scripts/seed.mjs" {
  export function seed(): Promise<{ orgs: number; accounts: number }>;
}
