import baseConfig from "@nexis/eslint-config/base";

// Benchmarks read their knobs (DATABASE_URL, BENCH_SECONDS) straight from the environment.
export default [...baseConfig, { rules: { "no-restricted-properties": "off" } }];
