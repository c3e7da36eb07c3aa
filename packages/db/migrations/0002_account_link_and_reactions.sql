ALTER TABLE "whatsapp_account" ADD COLUMN "status_reason" text;--> statement-breakpoint
ALTER TABLE "whatsapp_account" ADD COLUMN "wa_id" text;--> statement-breakpoint
ALTER TABLE "whatsapp_account" ADD COLUMN "webhook_secret" text;--> statement-breakpoint
ALTER TABLE "message" ADD COLUMN "reactions" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "message" ADD COLUMN "failure_reason" text;