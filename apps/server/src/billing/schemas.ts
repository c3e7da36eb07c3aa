import { z } from "zod";
import { longTextSchema } from "../schemas/common.ts";
import { billingIntervals, paidPlanIds } from "./products.ts";

/** A paid plan and how often it is billed: what checkout and plan changes take. */
export const choosePlanSchema = z.object({ plan: z.enum(paidPlanIds), interval: z.enum(billingIntervals) });
export type ChoosePlanInput = z.infer<typeof choosePlanSchema>;

/** The return URL's query string exactly as the browser got it (its order is part of the signature). */
export const verifyReturnSchema = z.object({ query: longTextSchema(2_000) });
export type VerifyReturnInput = z.infer<typeof verifyReturnSchema>;
