import js from "@eslint/js"
import medusa from "@medusajs/eslint-plugin"
import tseslint from "typescript-eslint"

export default tseslint.config(
  {
    ignores: ["node_modules/", "**/.next/", "storefront/next-env.d.ts", ".medusa/", ".data/", "public/", "static/", "coverage/", "**/migrations/*.ts", "storefront/cms/payload-types.ts", "storefront/app/*/cms/importMap.js"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...medusa.configs.recommended,
  {
    files: ["**/*.js"],
    languageOptions: { sourceType: "commonjs", globals: { require: "readonly", module: "writable", process: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off", "@medusajs/use-medusa-error-not-generic-error": "off" },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The storefront's service worker runs in the browser, as a script.
    files: ["storefront/public/sw.js"],
    languageOptions: { sourceType: "script", globals: { self: "readonly", caches: "readonly", fetch: "readonly" } },
  },
  {
    // The storefront is a Next.js app, not the API: its errors are shown to shoppers, not mapped to statuses, and
    // its folders are Next's routes ([...slug] catch-alls), not Medusa's.
    files: ["storefront/**/*.ts", "storefront/**/*.tsx"],
    rules: { "@medusajs/use-medusa-error-not-generic-error": "off", "@medusajs/route-dynamic-folder-syntax": "off" },
  },
  {
    // Deployment tooling answers no HTTP request: its errors map to no status.
    files: ["deploy/**/*.ts"],
    rules: { "@medusajs/use-medusa-error-not-generic-error": "off" },
  },
  {
    // Tests read loosely typed HTTP answers.
    files: ["integration-tests/**/*.ts", "**/__tests__/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  }
)
