/**
 * The Node flags the API server runs with. `dev`, `start` (package.json) and the Dockerfile spell
 * them out (test/node-flags.test.ts keeps them in step); the tests, the cluster tests and the
 * benchmarks that host the API import them, so they measure the server as it runs.
 *
 * - `--experimental-async-context-frame`: AsyncLocalStorage (our request ids, Better Auth's request
 *   state) carried by V8's continuation data instead of async hooks run on every promise; Node 24's
 *   default. A webhook's ingest cost the server ~15 % less CPU with it (bench/ingest-throughput).
 * - `--max-semi-space-size=32`: a larger young generation, so fewer minor garbage collections, which
 *   were most of the inbox reads' slow tail (bench/inbox-read), for up to 32 MB more memory.
 */
export const serverNodeFlags = ["--experimental-async-context-frame", "--max-semi-space-size=32"];
