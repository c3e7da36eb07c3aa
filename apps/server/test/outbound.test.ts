import { outboundSuite } from "./outbound-suite.ts";

// The queue suite on the backend the environment selects: in process by default, BullMQ when
// the suite runs again with REDIS_URL set.
outboundSuite(`outbound queue (${process.env.REDIS_URL ? "BullMQ" : "in process"})`);
