ALTER TABLE "billing_order" ADD COLUMN "provider_subscription_id" text;--> statement-breakpoint
ALTER TABLE "billing_order" ADD COLUMN "period_start" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "billing_order" ADD COLUMN "period_end" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "billing_order_subscription_period_unique" ON "billing_order" USING btree ("provider","provider_subscription_id","period_start");