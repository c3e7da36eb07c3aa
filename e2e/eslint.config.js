import baseConfig from "@nexis/eslint-config/base";

// The end-to-end harness reads the test run's environment (DATABASE_URL) like any test.
export default [...baseConfig, { files: ["support/**"], rules: { "no-restricted-properties": "off" } }];
