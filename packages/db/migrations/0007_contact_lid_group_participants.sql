ALTER TABLE "contact" ADD COLUMN "lid" text;--> statement-breakpoint
ALTER TABLE "chat" ADD COLUMN "participants" jsonb;--> statement-breakpoint
CREATE UNIQUE INDEX "contact_account_lid_unique" ON "contact" USING btree ("account_id","lid");